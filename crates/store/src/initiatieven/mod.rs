//! Initiatieven (issue 22, ADR 0046): residents' initiatives brought to a corporation, coached through their stages,
//! lent space and a liveability budget, with their agreements and outcomes; neighbourhood budget rounds; and the
//! register of social enterprises that suppliers in Social return buy from.
//!
//! Who sees an initiative: the corporation's members (its staff and the coach change it), and the user who brought it
//! in (who changes its description and plan while it is an idea or a plan). The public sees only what an initiative
//! chose to publish. Every query is bound to the corporation of the scope or to the initiator's own user id.

pub mod budgets;
pub mod enterprises;
pub mod initiatives;
pub mod lending;
pub mod outcomes;
pub mod rounds;

/// An optional stored date, read from a row.
pub(crate) fn opt_date(row: &crate::sql::Row, column: &'static str) -> crate::Result<Option<time::Date>> {
    crate::overleg::optional_date(column, row.try_get(column)?)
}

/// A stored date, read from a row.
pub(crate) fn date(row: &crate::sql::Row, column: &'static str) -> crate::Result<time::Date> {
    crate::overleg::date_from_text(column, &row.try_get::<String, _>(column)?)
}

/// Lines of a plan as stored: a JSON array of `[name, cents]`.
pub(crate) fn lines_to_json(lines: &[(String, i64)]) -> String {
    serde_json::to_string(lines).unwrap_or_else(|_| "[]".to_owned())
}

/// Lines of a plan from storage.
pub(crate) fn lines_from_json(column: &'static str, text: &str) -> crate::Result<Vec<(String, i64)>> {
    serde_json::from_str(text).map_err(|_| crate::StoreError::Corrupt { column, value: text.to_owned() })
}
