//! Bulk data for `volkshuis bench afspraken`: the cycles of every gemeente over many years, with their parties,
//! bids, commitments, targets and actuals, written in a few statements per thousand rows. Not for pages: nothing
//! written here has an audit entry, and the rows are taken as given (no phase rule or party check runs).
//!
//! It takes no scope: the rows span every organisation on the platform, and only the operator's `bench` command,
//! which holds the database's credentials, calls it (on a database made for the benchmark).

use crate::sql;
use crate::{Backend, Db, Result, StoreError, Tx};

/// A value of a benchmark row; `None` is SQL NULL, typed so PostgreSQL takes it for its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number.
    Int(Option<i64>),
    /// A text.
    Text(Option<String>),
}

impl Value {
    /// A number.
    pub fn int(value: i64) -> Self {
        Value::Int(Some(value))
    }

    /// A text.
    pub fn text(value: impl Into<String>) -> Self {
        Value::Text(Some(value.into()))
    }
}

/// The tables loaded with [`load`], each with the columns its rows give, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `areas` of kind `gemeente`, for their names: `code, year, name` (an empty geometry).
    GemeenteAreas,
    /// `org_gemeenten`: `org_id, gemeente_code, boundary_year`.
    OrgGemeenten,
    /// `pa_cycles`: `gemeente_code, first_year, last_year, title, phase, phase_since, talks_started_on, signed_on,
    /// opened_by, created_at`.
    Cycles,
    /// `pa_parties`: `cycle_id, org_id, signed_at, signed_by_name`.
    Parties,
    /// `pa_bids`: `cycle_id, corporation_id, body, board_approved_on, sent_on`.
    Bids,
}

impl Table {
    fn name_and_columns(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Table::GemeenteAreas => ("areas", &["code", "year", "name"]),
            Table::OrgGemeenten => ("org_gemeenten", &["org_id", "gemeente_code", "boundary_year"]),
            Table::Cycles => (
                "pa_cycles",
                &[
                    "gemeente_code",
                    "first_year",
                    "last_year",
                    "title",
                    "phase",
                    "phase_since",
                    "talks_started_on",
                    "signed_on",
                    "opened_by",
                    "created_at",
                ],
            ),
            Table::Parties => ("pa_parties", &["cycle_id", "org_id", "signed_at", "signed_by_name"]),
            Table::Bids => ("pa_bids", &["cycle_id", "corporation_id", "body", "board_approved_on", "sent_on"]),
        }
    }
}

/// Writes `rows` into `table`, in one transaction.
pub async fn load(db: &Db, table: Table, rows: &[Vec<Value>]) -> Result<()> {
    let (name, columns) = table.name_and_columns();
    // An area is a gemeente with a name and no boundary: the pages read only the name.
    let fixed: &[(&str, &str)] = match table {
        Table::GemeenteAreas => &[
            ("kind", "'gemeente'"),
            ("min_lon", "0"),
            ("min_lat", "0"),
            ("max_lon", "0"),
            ("max_lat", "0"),
            ("geometry", "'[]'"),
        ],
        _ => &[],
    };
    let mut tx = db.begin().await?;
    insert(&mut tx, db.backend(), (name, columns, fixed), rows).await?;
    tx.commit().await?;
    Ok(())
}

/// A commitment with its targets and actuals, as loaded by [`load_commitments`].
#[derive(Debug, Clone)]
pub struct BulkCommitment {
    /// The cycle.
    pub cycle_id: i64,
    /// A theme code (`volkshuis_domain::afspraken::Theme`).
    pub theme: &'static str,
    /// The text.
    pub body: String,
    /// The unit.
    pub unit: &'static str,
    /// Baseline, in hundredths.
    pub baseline_x100: Option<i64>,
    /// The party that carries it.
    pub owner_id: i64,
    /// Unix seconds.
    pub created_at: i64,
    /// `(year, target_x100)`.
    pub targets: Vec<(i64, i64)>,
    /// Every entry, oldest first.
    pub actuals: Vec<BulkActual>,
}

/// An actual of a [`BulkCommitment`].
#[derive(Debug, Clone)]
pub struct BulkActual {
    /// The year it is for.
    pub year: i64,
    /// The figure, in hundredths.
    pub value_x100: i64,
    /// Where it comes from.
    pub source: String,
    /// The evidence.
    pub evidence: String,
    /// The party that entered it.
    pub org_id: i64,
    /// Unix seconds.
    pub entered_at: i64,
}

/// Writes commitments with their targets and actuals, in one transaction. The cycles they belong to must have no
/// commitments yet (else `Conflict`, and nothing is written): the new ids are read back by cycle in id order, which
/// is the order of insertion on both engines.
pub async fn load_commitments(db: &Db, commitments: &[BulkCommitment]) -> Result<()> {
    if commitments.is_empty() {
        return Ok(());
    }
    let mut order: Vec<&BulkCommitment> = commitments.iter().collect();
    order.sort_by_key(|c| c.cycle_id);
    let backend = db.backend();
    let mut tx = db.begin().await?;
    let rows: Vec<Vec<Value>> = order
        .iter()
        .map(|c| {
            vec![
                Value::int(c.cycle_id),
                Value::text(c.theme),
                Value::text(c.body.as_str()),
                Value::text(c.unit),
                Value::Int(c.baseline_x100),
                Value::int(c.owner_id),
                Value::int(c.created_at),
            ]
        })
        .collect();
    let columns = ["cycle_id", "theme", "body", "unit", "baseline_x100", "owner_id", "created_at"];
    insert(&mut tx, backend, ("pa_commitments", &columns, &[]), &rows).await?;
    drop(rows);
    let (first, last) = (order[0].cycle_id, order[order.len() - 1].cycle_id);
    let ids: Vec<i64> =
        sql::query_scalar("SELECT id FROM pa_commitments WHERE cycle_id BETWEEN $1 AND $2 ORDER BY cycle_id, id")
            .bind(first)
            .bind(last)
            .fetch_all(&mut tx)
            .await?;
    if ids.len() != order.len() {
        return Err(StoreError::Conflict);
    }
    let mut targets = Vec::new();
    let mut actuals = Vec::new();
    for (c, id) in order.iter().zip(&ids) {
        for (year, target) in &c.targets {
            targets.push(vec![Value::int(*id), Value::int(*year), Value::int(*target)]);
        }
        for a in &c.actuals {
            actuals.push(vec![
                Value::int(*id),
                Value::int(a.year),
                Value::int(a.value_x100),
                Value::text(a.source.as_str()),
                Value::text(a.evidence.as_str()),
                Value::int(a.org_id),
                Value::int(a.entered_at),
            ]);
        }
    }
    insert(&mut tx, backend, ("pa_targets", &["commitment_id", "year", "target_x100"], &[]), &targets).await?;
    let columns = ["commitment_id", "year", "value_x100", "source", "evidence", "org_id", "entered_at"];
    insert(&mut tx, backend, ("pa_actuals", &columns, &[]), &actuals).await?;
    tx.commit().await?;
    Ok(())
}

/// Rows per statement, at most: well under SQLite's 32,766 parameters and PostgreSQL's 65,535.
const CHUNK: usize = 1_000;

/// A table, the columns the rows give, and columns with the same SQL literal in every row.
type Target<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);

/// Writes `rows` into the table of `target` in multi-row INSERT statements.
async fn insert(tx: &mut Tx, backend: Backend, target: Target<'_>, rows: &[Vec<Value>]) -> Result<()> {
    let (table, columns, fixed) = target;
    let names: Vec<&str> = columns.iter().copied().chain(fixed.iter().map(|(name, _)| *name)).collect();
    for chunk in rows.chunks(CHUNK) {
        let mut n = 0;
        let tuples: Vec<String> = chunk
            .iter()
            .map(|row| {
                let marks: Vec<String> = row
                    .iter()
                    .map(|_| {
                        n += 1;
                        backend.placeholder(n)
                    })
                    .chain(fixed.iter().map(|(_, literal)| (*literal).to_owned()))
                    .collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let statement = format!("INSERT INTO {table} ({}) VALUES {}", names.join(", "), tuples.join(", "));
        let mut query = sql::query(&statement);
        for value in chunk.iter().flatten() {
            query = match value {
                Value::Int(i) => query.bind(*i),
                Value::Text(t) => query.bind(t.as_deref()),
            };
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

/// Every cycle: `(id, gemeente_code, first_year)`, in id order.
pub async fn cycles(db: &Db) -> Result<Vec<(i64, String, i64)>> {
    let rows = sql::query("SELECT id, gemeente_code, first_year FROM pa_cycles ORDER BY id").fetch_all(db).await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("gemeente_code")?, r.try_get("first_year")?))).collect()
}

/// The tables of the prestatieafspraken with their rows, for the benchmark's report.
pub async fn table_sizes(db: &Db) -> Result<Vec<(&'static str, i64)>> {
    let mut sizes = Vec::new();
    for table in [
        "organisations",
        "org_gemeenten",
        "pa_cycles",
        "pa_parties",
        "pa_bids",
        "pa_commitments",
        "pa_targets",
        "pa_actuals",
    ] {
        let n: i64 = sql::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(db).await?;
        sizes.push((table, n));
    }
    Ok(sizes)
}

/// Refreshes the planner's statistics after the load (PostgreSQL, as its autovacuum would soon; SQLite is left as a
/// platform that never ran `ANALYZE` on these tables).
pub async fn refresh_statistics(db: &Db) -> Result<()> {
    if db.backend() == Backend::Postgres {
        sql::raw_sql("ANALYZE", db).await?;
    }
    Ok(())
}
