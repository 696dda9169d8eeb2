//! The dispute (geschil): once six months of talks passed without agreement, any party may open a file for the
//! Minister, with the point in dispute and each party's position; the four-week term to submit it counts from the
//! day the dispute arose (`afspraken::dispute_window`, under the Algemene termijnenwet).

use super::commitments::phase_of;
use super::cycles::CycleRef;
use super::parties::ensure_party;
use crate::audit::{self, Actor, Change};
use crate::calendar::term_calendar_in;
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::{dispute_state, dispute_window, DisputeState, Phase};

/// A dispute file.
#[derive(Debug, Clone)]
pub struct Dispute {
    /// The party that opened it.
    pub opened_by: String,
    /// When.
    pub opened_on: Date,
    /// The point in dispute.
    pub point: String,
    /// Each party's position, by party name.
    pub positions: Vec<(String, String)>,
}

/// The dispute file of a cycle opened for one of its parties, if one was opened.
pub async fn dispute(db: &Db, cycle: &CycleRef) -> Result<Option<Dispute>> {
    let cycle_id = cycle.id;
    let row = sql::query(
        "SELECT o.name, d.opened_on, d.point FROM pa_disputes d JOIN organisations o ON o.id = d.opened_by \
         WHERE d.cycle_id = $1",
    )
    .bind(cycle_id)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let positions = sql::query(
        "SELECT o.name, p.body FROM pa_dispute_positions p JOIN organisations o ON o.id = p.org_id \
         WHERE p.cycle_id = $1 ORDER BY o.name",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    Ok(Some(Dispute {
        opened_by: row.try_get("name")?,
        opened_on: date_from_text("opened_on", &row.try_get::<String, _>("opened_on")?)?,
        point: row.try_get("point")?,
        positions: positions
            .iter()
            .map(|p| Ok((p.try_get("name")?, p.try_get("body")?)))
            .collect::<Result<Vec<_>>>()?,
    }))
}

/// Why a dispute was not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisputeRefusal {
    /// The talks have not begun, or the cycle is past them (signed, in monitoring) or in a dispute already.
    NotInTalks,
    /// Six months have not passed since the talks began (the day it may be opened).
    TooEarly(Date),
    /// The four weeks after the dispute arose have passed.
    TooLate(Date),
    /// The cycle has its dispute file already (one per cycle: the talks that went back after a ruling continue).
    AlreadyOpened,
}

/// Opens the dispute file for the party of `scope` with the point and its position, on `today`. Signatures already
/// given are withdrawn: the text is in dispute.
pub async fn open_dispute(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    point: &str,
    position: &str,
    today: Date,
) -> Result<Result<(), DisputeRefusal>> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    if !matches!(phase_of(tx, cycle_id).await?, Phase::Onderhandeling | Phase::Ondertekening) {
        return Ok(Err(DisputeRefusal::NotInTalks));
    }
    let started: Option<String> = sql::query_scalar("SELECT talks_started_on FROM pa_cycles WHERE id = $1")
        .bind(cycle_id)
        .fetch_one(&mut *tx)
        .await?;
    let Some(started) = started else { return Ok(Err(DisputeRefusal::NotInTalks)) };
    let opened: Option<i64> = sql::query_scalar("SELECT 1 FROM pa_disputes WHERE cycle_id = $1")
        .bind(cycle_id)
        .fetch_optional(&mut *tx)
        .await?;
    if opened.is_some() {
        return Ok(Err(DisputeRefusal::AlreadyOpened));
    }
    let calendar = term_calendar_in(tx.conn()).await?;
    let window = dispute_window(date_from_text("talks_started_on", &started)?, &calendar);
    match dispute_state(&window, today, false) {
        DisputeState::Open { .. } => {}
        DisputeState::NotYet { from } => return Ok(Err(DisputeRefusal::TooEarly(from))),
        DisputeState::Closed | DisputeState::Agreed => return Ok(Err(DisputeRefusal::TooLate(window.submit_by.date))),
    }
    sql::query("INSERT INTO pa_disputes (cycle_id, opened_by, opened_on, point) VALUES ($1, $2, $3, $4)")
        .bind(cycle_id)
        .bind(scope.org_id())
        .bind(date_to_text(today))
        .bind(point)
        .execute(&mut *tx)
        .await?;
    sql::query("INSERT INTO pa_dispute_positions (cycle_id, org_id, body) VALUES ($1, $2, $3)")
        .bind(cycle_id)
        .bind(scope.org_id())
        .bind(position)
        .execute(&mut *tx)
        .await?;
    sql::query("UPDATE pa_cycles SET phase = $1, phase_since = $2 WHERE id = $3")
        .bind(Phase::Geschil.code())
        .bind(date_to_text(today))
        .bind(cycle_id)
        .execute(&mut *tx)
        .await?;
    sql::query(
        "UPDATE pa_parties SET signed_at = NULL, signed_by_user = NULL, signed_by_name = NULL WHERE cycle_id = $1",
    )
    .bind(cycle_id)
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "open_dispute", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "point": point }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Ok(()))
}

/// Sets the position of the party of `scope` in the cycle's dispute, while the cycle is in dispute; `NotFound`
/// without a dispute file, `Ok(false)` once the cycle left the dispute phase.
pub async fn set_dispute_position(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    body: &str,
) -> Result<bool> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let open: Option<i64> = sql::query_scalar("SELECT 1 FROM pa_disputes WHERE cycle_id = $1")
        .bind(cycle_id)
        .fetch_optional(&mut *tx)
        .await?;
    open.ok_or(StoreError::NotFound)?;
    if phase_of(tx, cycle_id).await? != Phase::Geschil {
        return Ok(false);
    }
    sql::query(
        "INSERT INTO pa_dispute_positions (cycle_id, org_id, body) VALUES ($1, $2, $3) \
         ON CONFLICT (cycle_id, org_id) DO UPDATE SET body = excluded.body",
    )
    .bind(cycle_id)
    .bind(scope.org_id())
    .bind(body)
    .execute(&mut *tx)
    .await?;
    let change = Change::event(Some(scope.org_id()), "dispute_position", "pa_cycle", cycle_id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}
