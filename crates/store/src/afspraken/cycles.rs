//! Cycles: opening one with its parties, reading the ones an organisation is party to, walking the phases, and the
//! cycle's own timeline (its entries in the audit log).

use super::parties::{candidate_parties, ensure_party, lead_of};
use crate::audit::{self, Actor, Change, Entry};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::afspraken::Phase;
use volkshuis_domain::org::OrgKind;

/// A new cycle, checked at the edge (the store checks the parties and the opener's right to open it).
#[derive(Debug, Clone)]
pub struct NewCycle {
    /// The CBS gemeente code.
    pub gemeente_code: String,
    /// The agreement year (the first, for a multi-year agreement).
    pub first_year: i32,
    /// The last year (the same for a yearly cycle).
    pub last_year: i32,
    /// A title ("Prestatieafspraken Deventer 2027").
    pub title: String,
    /// The other parties; the opener is always one.
    pub party_ids: Vec<i64>,
}

/// A cycle as a party sees it.
#[derive(Debug, Clone)]
pub struct Cycle {
    /// Database id.
    pub id: i64,
    /// CBS gemeente code.
    pub gemeente_code: String,
    /// The gemeente's name from the imported boundaries, when known.
    pub gemeente_name: Option<String>,
    /// The agreement year (the first of a multi-year agreement).
    pub first_year: i32,
    /// The last year.
    pub last_year: i32,
    /// Title.
    pub title: String,
    /// The current phase.
    pub phase: Phase,
    /// Since when.
    pub phase_since: Date,
    /// The day the talks began (the dispute window counts from it).
    pub talks_started_on: Option<Date>,
    /// The day the last party signed.
    pub signed_on: Option<Date>,
    /// The organisation that opened it.
    pub opened_by: i64,
}

/// A cycle opened for one of its parties by [`open_cycle_for`]: the only way to its reads. Its fields are private
/// to the store, so no other crate can make one for a cycle it was not let into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleRef {
    pub(super) id: i64,
    pub(super) org_id: i64,
}

impl CycleRef {
    /// The cycle.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The party that reads it.
    pub fn org_id(&self) -> i64 {
        self.org_id
    }
}

const COLUMNS: &str = "c.id, c.gemeente_code, c.first_year, c.last_year, c.title, c.phase, c.phase_since, \
     c.talks_started_on, c.signed_on, c.opened_by, \
     (SELECT a.name FROM areas a WHERE a.kind = 'gemeente' AND a.code = c.gemeente_code ORDER BY a.year DESC LIMIT 1) \
     AS gemeente_name";

fn opt_date(row: &sql::Row, column: &'static str) -> Result<Option<Date>> {
    row.try_get::<Option<String>, _>(column)?.map(|t| date_from_text(column, &t)).transpose()
}

pub(super) fn from_row(row: &sql::Row) -> Result<Cycle> {
    let phase: String = row.try_get("phase")?;
    Ok(Cycle {
        id: row.try_get("id")?,
        gemeente_code: row.try_get("gemeente_code")?,
        gemeente_name: row.try_get("gemeente_name")?,
        first_year: row.try_get::<i64, _>("first_year")? as i32,
        last_year: row.try_get::<i64, _>("last_year")? as i32,
        title: row.try_get("title")?,
        phase: Phase::parse(&phase).ok_or(StoreError::Corrupt { column: "phase", value: phase.clone() })?,
        phase_since: date_from_text("phase_since", &row.try_get::<String, _>("phase_since")?)?,
        talks_started_on: opt_date(row, "talks_started_on")?,
        signed_on: opt_date(row, "signed_on")?,
        opened_by: row.try_get("opened_by")?,
    })
}

/// Whether the organisation of `scope` may open a cycle for `gemeente_code`: a municipality that carries the code,
/// or a corporation with units in use there or that declared it.
async fn may_open(tx: &mut Tx, org_id: i64, kind: OrgKind, gemeente_code: &str) -> Result<bool> {
    let found: Option<i64> = match kind {
        OrgKind::Municipality => {
            sql::query_scalar("SELECT 1 FROM org_gemeenten WHERE org_id = $1 AND gemeente_code = $2")
                .bind(org_id)
                .bind(gemeente_code)
                .fetch_optional(&mut *tx)
                .await?
        }
        OrgKind::Corporation => {
            sql::query_scalar(
                "SELECT 1 WHERE EXISTS (SELECT 1 FROM units WHERE corporation_id = $1 AND gemeente_code = $2 \
                 AND in_use = 1) OR EXISTS (SELECT 1 FROM org_gemeenten WHERE org_id = $1 AND gemeente_code = $2)",
            )
            .bind(org_id)
            .bind(gemeente_code)
            .fetch_optional(&mut *tx)
            .await?
        }
        _ => None,
    };
    Ok(found.is_some())
}

/// Opens a cycle for the organisation of `scope` (a municipality or corporation working in the gemeente), in the
/// first phase from `today`. Every party must be one [`candidate_parties`] suggests for the gemeente; any other id
/// is refused as `NotFound` and nothing is written.
pub async fn open_cycle(tx: &mut Tx, scope: &WriteScope, actor: &Actor, new: &NewCycle, today: Date) -> Result<i64> {
    let opener = crate::orgs::get_in(tx, scope.org_id()).await?.ok_or(StoreError::NotFound)?;
    if !may_open(tx, opener.id, opener.kind, &new.gemeente_code).await? {
        return Err(StoreError::NotFound);
    }
    let candidates = candidate_parties(&mut *tx, &new.gemeente_code).await?;
    let mut party_ids: Vec<i64> = new.party_ids.clone();
    party_ids.push(opener.id);
    party_ids.sort_unstable();
    party_ids.dedup();
    if party_ids.iter().any(|id| !candidates.iter().any(|c| c.org.id == *id)) {
        return Err(StoreError::NotFound);
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_cycles (gemeente_code, first_year, last_year, title, phase, phase_since, opened_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&new.gemeente_code)
    .bind(i64::from(new.first_year))
    .bind(i64::from(new.last_year))
    .bind(&new.title)
    .bind(Phase::Kennisvergaring.code())
    .bind(date_to_text(today))
    .bind(opener.id)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    for party in &party_ids {
        sql::query("INSERT INTO pa_parties (cycle_id, org_id) VALUES ($1, $2)")
            .bind(id)
            .bind(party)
            .execute(&mut *tx)
            .await?;
    }
    let mut change = Change::event(Some(opener.id), "open", "pa_cycle", id.to_string());
    change.after = Some(json!({
        "title": new.title, "gemeente_code": new.gemeente_code, "first_year": new.first_year,
        "last_year": new.last_year, "party_ids": party_ids,
    }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// The first of `corporations` already at the table of a cycle in the gemeente whose years overlap `first..=last`,
/// by name (a new cycle for the same agreements was opened twice).
pub async fn overlapping_cycle(
    db: &Db,
    gemeente: &str,
    (first, last): (i32, i32),
    corporations: &[i64],
) -> Result<Option<String>> {
    if corporations.is_empty() {
        return Ok(None);
    }
    let list = (0..corporations.len()).map(|i| format!("${}", i + 4)).collect::<Vec<_>>().join(", ");
    let statement = format!(
        "SELECT o.name FROM pa_cycles c JOIN pa_parties p ON p.cycle_id = c.id JOIN organisations o ON o.id = p.org_id \
         WHERE c.gemeente_code = $1 AND c.first_year <= $3 AND c.last_year >= $2 AND p.org_id IN ({list}) \
         ORDER BY o.name LIMIT 1"
    );
    let mut query = sql::query_scalar::<String>(&statement).bind(gemeente).bind(i64::from(first)).bind(i64::from(last));
    for id in corporations {
        query = query.bind(*id);
    }
    Ok(query.fetch_optional(db).await?)
}

/// A cycle, if the organisation of `scope` is one of its parties.
pub async fn open_cycle_for(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<(CycleRef, Cycle)>> {
    let row = sql::query(&format!(
        "SELECT {COLUMNS} FROM pa_cycles c JOIN pa_parties p ON p.cycle_id = c.id AND p.org_id = $2 WHERE c.id = $1"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(db)
    .await?;
    row.map(|r| Ok((CycleRef { id, org_id: scope.org_id() }, from_row(&r)?))).transpose()
}

/// The cycles the organisation of `scope` is a party to, newest agreement year first.
pub async fn cycles_of(db: &Db, scope: &ReadScope) -> Result<Vec<Cycle>> {
    let rows = sql::query(&format!(
        "SELECT {COLUMNS} FROM pa_cycles c JOIN pa_parties p ON p.cycle_id = c.id AND p.org_id = $1 \
         ORDER BY c.first_year DESC, c.title, c.id"
    ))
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Why a phase did not move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseMove {
    /// It moved.
    Moved,
    /// Only the lead party (the municipality; without one, the opener) walks the phases.
    NotLead,
    /// The move is not one the phases allow from here (see `Phase::can_move`).
    NotAllowed,
}

/// Moves the cycle to `to`, for its lead party. Entering the talks records the day they began (once); leaving a
/// dispute for the signing phase or the talks clears any signature, since the text may change.
pub async fn move_phase(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    to: Phase,
    today: Date,
) -> Result<PhaseMove> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    if lead_of(tx, cycle_id).await? != scope.org_id() {
        return Ok(PhaseMove::NotLead);
    }
    let phase: String =
        sql::query_scalar("SELECT phase FROM pa_cycles WHERE id = $1").bind(cycle_id).fetch_one(&mut *tx).await?;
    let from = Phase::parse(&phase).ok_or(StoreError::Corrupt { column: "phase", value: phase.clone() })?;
    // Monitoring begins when the last party signs (see `parties::sign`), a dispute when a party opens its file.
    if !Phase::lead_may_move(from, to) {
        return Ok(PhaseMove::NotAllowed);
    }
    sql::query(
        "UPDATE pa_cycles SET phase = $1, phase_since = $2, \
         talks_started_on = CASE WHEN $1 = 'onderhandeling' AND talks_started_on IS NULL THEN $2 \
                                 ELSE talks_started_on END \
         WHERE id = $3",
    )
    .bind(to.code())
    .bind(date_to_text(today))
    .bind(cycle_id)
    .execute(&mut *tx)
    .await?;
    if from == Phase::Geschil {
        sql::query(
            "UPDATE pa_parties SET signed_at = NULL, signed_by_user = NULL, signed_by_name = NULL WHERE cycle_id = $1",
        )
        .bind(cycle_id)
        .execute(&mut *tx)
        .await?;
    }
    let mut change = Change::event(Some(scope.org_id()), "move", "pa_cycle", cycle_id.to_string());
    change.before = Some(json!({ "phase": from.code() }));
    change.after = Some(json!({ "phase": to.code() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(PhaseMove::Moved)
}

/// The cycle's timeline: its entries in the audit log (every phase change, bid, signature and dispute step), newest
/// first. A party's private notes are not among them.
pub async fn timeline(db: &Db, cycle: &CycleRef, limit: i64) -> Result<Vec<Entry>> {
    let rows = sql::query(&format!(
        "SELECT {} FROM audit_log WHERE entity = 'pa_cycle' AND entity_id = $1 ORDER BY id DESC LIMIT $2",
        audit::ENTRY_COLUMNS
    ))
    .bind(cycle.id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(audit::entry_from_row).collect()
}
