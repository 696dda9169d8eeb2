//! Commitments as indicators: theme, text, unit, baseline, a target per year, the party that carries it, and where
//! its actual comes from (entered with evidence, or computed by Volkshuis). The text may change until the signing
//! phase; actuals are entered in monitoring, every entry kept and the newest counting.

use super::cycles::CycleRef;
use super::parties::{ensure_party, lead_of};
use super::{from_x100, to_x100};
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use std::collections::HashMap;
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::{ComputedSource, Phase, Theme};

/// A commitment with its targets and actuals.
#[derive(Debug, Clone)]
pub struct Commitment {
    /// Database id.
    pub id: i64,
    /// Theme.
    pub theme: Theme,
    /// The agreement's text.
    pub body: String,
    /// The unit the target is counted in.
    pub unit: String,
    /// Where it stands at the start.
    pub baseline: Option<f64>,
    /// The party that carries it.
    pub owner_id: Option<i64>,
    /// That party's name.
    pub owner_name: Option<String>,
    /// What Volkshuis computes for its actual, if anything.
    pub computed: Option<ComputedSource>,
    /// The target per year, by year.
    pub targets: Vec<(i32, f64)>,
    /// Every actual entered, newest first.
    pub actuals: Vec<Actual>,
}

impl Commitment {
    /// The newest actual for `year`.
    pub fn actual(&self, year: i32) -> Option<&Actual> {
        self.actuals.iter().find(|a| a.year == year)
    }

    /// The target for `year`.
    pub fn target(&self, year: i32) -> Option<f64> {
        self.targets.iter().find(|(y, _)| *y == year).map(|(_, t)| *t)
    }
}

/// An actual entered for a commitment.
#[derive(Debug, Clone)]
pub struct Actual {
    /// The year it is for.
    pub year: i32,
    /// The figure.
    pub value: f64,
    /// Where it comes from (a report, a register).
    pub source: String,
    /// The evidence (a reference, a link, a description).
    pub evidence: String,
    /// The party that entered it.
    pub org_name: String,
    /// When.
    pub entered_at: OffsetDateTime,
}

/// A new commitment, checked at the edge.
#[derive(Debug, Clone)]
pub struct NewCommitment {
    /// Theme.
    pub theme: Theme,
    /// Text.
    pub body: String,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: Option<f64>,
    /// The party that carries it (must be a party of the cycle).
    pub owner_id: Option<i64>,
    /// What Volkshuis computes for it.
    pub computed: Option<ComputedSource>,
    /// Targets per year (inside the cycle's years).
    pub targets: Vec<(i32, f64)>,
}

/// The commitments of a cycle opened for one of its parties, in the order they were made.
pub async fn commitments(db: &Db, cycle: &CycleRef) -> Result<Vec<Commitment>> {
    let cycle_id = cycle.id;
    let rows = sql::query(
        "SELECT c.id, c.theme, c.body, c.unit, c.baseline_x100, c.owner_id, o.name AS owner_name, c.computed \
         FROM pa_commitments c LEFT JOIN organisations o ON o.id = c.owner_id WHERE c.cycle_id = $1 ORDER BY c.id",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    let targets = sql::query(
        "SELECT t.commitment_id, t.year, t.target_x100 FROM pa_targets t \
         JOIN pa_commitments c ON c.id = t.commitment_id WHERE c.cycle_id = $1 ORDER BY t.commitment_id, t.year",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    let actuals = sql::query(
        "SELECT a.commitment_id, a.year, a.value_x100, a.source, a.evidence, o.name AS org_name, a.entered_at \
         FROM pa_actuals a JOIN pa_commitments c ON c.id = a.commitment_id JOIN organisations o ON o.id = a.org_id \
         WHERE c.cycle_id = $1 ORDER BY a.commitment_id, a.id DESC",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    // Targets and actuals are read once each and handed to their commitment by id: one pass over each list,
    // however many commitments a cycle has (the monitor page of a cycle with 250 of them).
    let mut targets_of: HashMap<i64, Vec<(i32, f64)>> = HashMap::new();
    for t in &targets {
        let entry = targets_of.entry(t.try_get("commitment_id")?).or_default();
        entry.push((t.try_get::<i64, _>("year")? as i32, from_x100(t.try_get("target_x100")?)));
    }
    let mut actuals_of: HashMap<i64, Vec<Actual>> = HashMap::new();
    for a in &actuals {
        actuals_of.entry(a.try_get("commitment_id")?).or_default().push(Actual {
            year: a.try_get::<i64, _>("year")? as i32,
            value: from_x100(a.try_get("value_x100")?),
            source: a.try_get("source")?,
            evidence: a.try_get("evidence")?,
            org_name: a.try_get("org_name")?,
            entered_at: timestamp::from_unix(a.try_get("entered_at")?),
        });
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let theme: String = r.try_get("theme")?;
        let computed: Option<String> = r.try_get("computed")?;
        out.push(Commitment {
            id,
            theme: Theme::parse(&theme).ok().ok_or(StoreError::Corrupt { column: "theme", value: theme.clone() })?,
            body: r.try_get("body")?,
            unit: r.try_get("unit")?,
            baseline: r.try_get::<Option<i64>, _>("baseline_x100")?.map(from_x100),
            owner_id: r.try_get("owner_id")?,
            owner_name: r.try_get("owner_name")?,
            computed: computed
                .map(|c| {
                    ComputedSource::parse(&c).ok().ok_or(StoreError::Corrupt { column: "computed", value: c.clone() })
                })
                .transpose()?,
            targets: targets_of.remove(&id).unwrap_or_default(),
            actuals: actuals_of.remove(&id).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The phase of a cycle.
pub(super) async fn phase_of(tx: &mut Tx, cycle_id: i64) -> Result<Phase> {
    let phase: String =
        sql::query_scalar("SELECT phase FROM pa_cycles WHERE id = $1").bind(cycle_id).fetch_one(&mut *tx).await?;
    Phase::parse(&phase).ok_or(StoreError::Corrupt { column: "phase", value: phase })
}

/// Adds a commitment, for any party, while the text may still change (before the signing phase); `Ok(None)` once it
/// is locked. The owner must be a party of the cycle and the target years inside the cycle's years.
pub async fn add_commitment(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    new: &NewCommitment,
) -> Result<Option<i64>> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    if !matches!(phase_of(tx, cycle_id).await?, Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling) {
        return Ok(None);
    }
    if let Some(owner) = new.owner_id {
        ensure_party(tx, owner, cycle_id).await?;
    }
    let years: (i64, i64) = {
        let row = sql::query("SELECT first_year, last_year FROM pa_cycles WHERE id = $1")
            .bind(cycle_id)
            .fetch_one(&mut *tx)
            .await?;
        (row.try_get("first_year")?, row.try_get("last_year")?)
    };
    if new.targets.iter().any(|(y, _)| i64::from(*y) < years.0 || i64::from(*y) > years.1) {
        return Err(StoreError::NotFound);
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_commitments (cycle_id, theme, body, unit, baseline_x100, owner_id, computed, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(cycle_id)
    .bind(new.theme.code())
    .bind(&new.body)
    .bind(&new.unit)
    .bind(new.baseline.map(to_x100))
    .bind(new.owner_id)
    .bind(new.computed.map(ComputedSource::code))
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    for (year, target) in &new.targets {
        sql::query("INSERT INTO pa_targets (commitment_id, year, target_x100) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(i64::from(*year))
            .bind(to_x100(*target))
            .execute(&mut *tx)
            .await?;
    }
    let mut change = Change::event(Some(scope.org_id()), "add_commitment", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "commitment_id": id, "body": new.body, "theme": new.theme.code() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Some(id))
}

/// An actual for a commitment.
#[derive(Debug, Clone)]
pub struct NewActual {
    /// Year.
    pub year: i32,
    /// Figure.
    pub value: f64,
    /// Source.
    pub source: String,
    /// Evidence.
    pub evidence: String,
}

/// Records an actual in the monitoring phase, for the party that carries the commitment (the lead party for one
/// without owner), for a year of the cycle; `Ok(false)` outside monitoring, for another party or another year,
/// `NotFound` for a commitment of another cycle.
pub async fn record_actual(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    commitment_id: i64,
    actual: &NewActual,
) -> Result<bool> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let owner: Option<Option<i64>> =
        sql::query_scalar("SELECT owner_id FROM pa_commitments WHERE id = $1 AND cycle_id = $2")
            .bind(commitment_id)
            .bind(cycle_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(owner) = owner else { return Err(StoreError::NotFound) };
    let carrier = match owner {
        Some(id) => id,
        None => lead_of(tx, cycle_id).await?,
    };
    if carrier != scope.org_id() || phase_of(tx, cycle_id).await? != Phase::Monitoring {
        return Ok(false);
    }
    let inside: Option<i64> =
        sql::query_scalar("SELECT 1 FROM pa_cycles WHERE id = $1 AND $2 BETWEEN first_year AND last_year")
            .bind(cycle_id)
            .bind(i64::from(actual.year))
            .fetch_optional(&mut *tx)
            .await?;
    if inside.is_none() {
        return Ok(false);
    }
    sql::query(
        "INSERT INTO pa_actuals (commitment_id, year, value_x100, source, evidence, org_id, user_id, entered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(commitment_id)
    .bind(i64::from(actual.year))
    .bind(to_x100(actual.value))
    .bind(&actual.source)
    .bind(&actual.evidence)
    .bind(scope.org_id())
    .bind(actor.user_id)
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "record_actual", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "commitment_id": commitment_id, "year": actual.year, "value": actual.value }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}
