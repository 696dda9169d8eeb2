//! Nazorg (issue 21, ADR 0045): homes sold to their tenants, the talk before the sale, the koopcoach's log, the
//! checks after the sale with their follow-up actions, buy-backs, the register of owners' associations (VvE's) and
//! the figures.
//!
//! Buyer data is personal data. It is read only through a [`BuyerScope`]: the corporation's sales staff (a member
//! who may edit: staff or administrator) or the koopcoach assigned to the buyer (a member of a partner organisation,
//! who sees only the buyers assigned to them). Every read is written to the audit log with its purpose and the ids
//! read. The VvE register holds facts about associations, not persons, and is read with an ordinary scope; the
//! municipality sees counts only ([`figures`]).

pub mod checks;
pub mod figures;
pub mod map;
pub mod retention;
pub mod sales;
pub mod settings;
pub mod talks;
pub mod vves;

use crate::audit::{self, Actor, Change};
use crate::{Conn, Result};
use serde_json::json;
use volkshuis_domain::access::WriteScope;

/// Who reads buyer data, and so which buyers: the corporation's sales staff read all of its own; a koopcoach reads
/// the buyers assigned to them in their partner organisation.
#[derive(Debug, Clone, Copy)]
pub struct BuyerScope {
    org_id: i64,
    /// The coach's user id; 0 for the corporation's own staff. Every query binds it beside the organisation, so one
    /// SQL text serves both: `(corporation_id = org AND coach = 0) OR (coach_org_id = org AND coach_user_id = coach)`.
    coach_user_id: i64,
}

impl BuyerScope {
    /// The corporation's sales staff: only a write scope (staff or administrator) opens buyer data.
    pub fn sales_staff(scope: &WriteScope) -> Self {
        Self { org_id: scope.org_id(), coach_user_id: 0 }
    }

    /// A koopcoach of the partner organisation of `scope`: the buyers assigned to the acting user. A scope without a
    /// user (the system) opens nobody.
    pub fn coach(scope: &WriteScope) -> Self {
        let user = scope.as_read().user_id();
        Self { org_id: scope.org_id(), coach_user_id: if user == 0 { -1 } else { user } }
    }

    /// The organisation whose view this is.
    pub fn org_id(&self) -> i64 {
        self.org_id
    }

    /// Whether this is a koopcoach's view.
    pub fn is_coach(&self) -> bool {
        self.coach_user_id != 0
    }

    fn purpose(&self) -> &'static str {
        if self.is_coach() {
            "koopcoach"
        } else {
            "verkoop_en_nazorg"
        }
    }
}

/// The condition on a sale row `s` for a buyer scope, with its binds at `$first` and `$first + 1`.
pub(crate) fn sale_filter(first: usize) -> String {
    let (org, coach) = (first, first + 1);
    format!(
        "((s.corporation_id = ${org} AND ${coach} = 0) OR (s.coach_org_id = ${org} AND s.coach_user_id = ${coach}))"
    )
}

/// Writes a read of buyer data to the audit log: what (`entity`, an id or a list's name), the sale ids read, why.
pub(crate) async fn log_read(
    conn: Conn<'_>,
    actor: &Actor,
    scope: &BuyerScope,
    (buyer_entity, entity_id): (&'static str, String),
    ids: &[i64],
) -> Result<()> {
    let mut change = Change::event(Some(scope.org_id), "read_personal", buyer_entity, entity_id);
    change.personal_data = true;
    change.after = Some(json!({ "purpose": scope.purpose(), "persons": ids.len(), "ids": ids }));
    audit::record(conn, actor, change).await
}

/// An optional stored date, read from a row.
pub(crate) fn opt_date(row: &crate::sql::Row, column: &'static str) -> Result<Option<time::Date>> {
    crate::overleg::optional_date(column, row.try_get(column)?)
}

/// A stored date, read from a row.
pub(crate) fn date(row: &crate::sql::Row, column: &'static str) -> Result<time::Date> {
    crate::overleg::date_from_text(column, &row.try_get::<String, _>(column)?)
}

/// A unit's address as one line, from the unit columns of a row (`straatnaam`, `huisnummer`, …).
pub(crate) fn address(row: &crate::sql::Row) -> Result<String> {
    Ok(format!(
        "{} {}{}{}, {}",
        row.try_get::<String, _>("straatnaam")?,
        row.try_get::<i64, _>("huisnummer")?,
        row.try_get::<Option<String>, _>("huisletter")?.unwrap_or_default(),
        row.try_get::<Option<String>, _>("huisnummer_toevoeging")?.map(|t| format!("-{t}")).unwrap_or_default(),
        row.try_get::<String, _>("woonplaats")?
    ))
}

/// The unit columns [`address`] reads, for a unit aliased `u`.
pub(crate) const ADDRESS_COLUMNS: &str =
    "u.straatnaam, u.huisnummer, u.huisletter, u.huisnummer_toevoeging, u.woonplaats";
