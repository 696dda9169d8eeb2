//! Addenda: a change to signed agreements mid-term (a multi-year agreement's target for a later year, an agreement
//! added), agreed by the parties and recorded by the lead party. The signed text stays as signed; an addendum that
//! changes a target keeps the target it replaced, so the monitor shows both.

use super::commitments::phase_of;
use super::cycles::CycleRef;
use super::parties::{ensure_party, lead_of};
use super::{from_x100, to_x100};
use crate::audit::{self, Actor, Change};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::Phase;

/// A new addendum, checked at the edge.
#[derive(Debug, Clone)]
pub struct NewAddendum {
    /// The day the parties agreed it.
    pub agreed_on: Date,
    /// What it changes, in words.
    pub body: String,
    /// A changed target: the commitment, the year and the new target.
    pub target: Option<(i64, i32, f64)>,
}

/// An addendum as recorded.
#[derive(Debug, Clone)]
pub struct Addendum {
    /// Database id.
    pub id: i64,
    /// The party that recorded it.
    pub org_name: String,
    /// The day the parties agreed it.
    pub agreed_on: Date,
    /// What it changes.
    pub body: String,
    /// The changed target: commitment, year, the target before and after.
    pub target: Option<(i64, i32, Option<f64>, f64)>,
}

/// Why an addendum was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddendumRefusal {
    /// Only the lead party records addenda.
    NotLead,
    /// Addenda change signed agreements: only in monitoring.
    NotSigned,
}

/// Records an addendum for the lead party, in monitoring; a changed target must be of a commitment of this cycle
/// and a year of the cycle (`NotFound` otherwise). The target it replaces is kept on the addendum.
pub async fn add_addendum(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    new: &NewAddendum,
) -> Result<Result<i64, AddendumRefusal>> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    if lead_of(tx, cycle_id).await? != scope.org_id() {
        return Ok(Err(AddendumRefusal::NotLead));
    }
    if phase_of(tx, cycle_id).await? != Phase::Monitoring {
        return Ok(Err(AddendumRefusal::NotSigned));
    }
    let mut old = None;
    if let Some((commitment, year, target)) = new.target {
        let inside: Option<i64> = sql::query_scalar(
            "SELECT 1 FROM pa_commitments m JOIN pa_cycles c ON c.id = m.cycle_id \
             WHERE m.id = $1 AND c.id = $2 AND $3 BETWEEN c.first_year AND c.last_year",
        )
        .bind(commitment)
        .bind(cycle_id)
        .bind(i64::from(year))
        .fetch_optional(&mut *tx)
        .await?;
        inside.ok_or(StoreError::NotFound)?;
        old = sql::query_scalar::<i64>("SELECT target_x100 FROM pa_targets WHERE commitment_id = $1 AND year = $2")
            .bind(commitment)
            .bind(i64::from(year))
            .fetch_optional(&mut *tx)
            .await?;
        sql::query(
            "INSERT INTO pa_targets (commitment_id, year, target_x100) VALUES ($1, $2, $3) \
             ON CONFLICT (commitment_id, year) DO UPDATE SET target_x100 = excluded.target_x100",
        )
        .bind(commitment)
        .bind(i64::from(year))
        .bind(to_x100(target))
        .execute(&mut *tx)
        .await?;
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_addenda (cycle_id, org_id, agreed_on, body, commitment_id, year, old_target_x100, \
         new_target_x100, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(cycle_id)
    .bind(scope.org_id())
    .bind(date_to_text(new.agreed_on))
    .bind(&new.body)
    .bind(new.target.map(|(c, _, _)| c))
    .bind(new.target.map(|(_, y, _)| i64::from(y)))
    .bind(old)
    .bind(new.target.map(|(_, _, t)| to_x100(t)))
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "addendum", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "addendum_id": id, "agreed_on": date_to_text(new.agreed_on), "body": new.body }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Ok(id))
}

/// The addenda of a cycle opened for one of its parties, oldest first.
pub async fn addenda(db: &Db, cycle: &CycleRef) -> Result<Vec<Addendum>> {
    let rows = sql::query(
        "SELECT a.id, o.name AS org_name, a.agreed_on, a.body, a.commitment_id, a.year, a.old_target_x100, \
         a.new_target_x100 FROM pa_addenda a JOIN organisations o ON o.id = a.org_id WHERE a.cycle_id = $1 \
         ORDER BY a.id",
    )
    .bind(cycle.id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let commitment: Option<i64> = r.try_get("commitment_id")?;
            let year: Option<i64> = r.try_get("year")?;
            let new: Option<i64> = r.try_get("new_target_x100")?;
            let old: Option<i64> = r.try_get("old_target_x100")?;
            Ok(Addendum {
                id: r.try_get("id")?,
                org_name: r.try_get("org_name")?,
                agreed_on: date_from_text("agreed_on", &r.try_get::<String, _>("agreed_on")?)?,
                body: r.try_get("body")?,
                target: match (commitment, year, new) {
                    (Some(c), Some(y), Some(n)) => Some((c, y as i32, old.map(from_x100), from_x100(n))),
                    _ => None,
                },
            })
        })
        .collect()
}
