//! Each corporation's bid (het bod): its text, its intended activities with a number per year, the board's approval
//! and the day it was sent. A sent bid is locked; the law wants it before 1 July (`afspraken::CycleDates`).

use super::commitments::phase_of;
use super::cycles::CycleRef;
use super::parties::ensure_party;
use super::{from_x100, to_x100};
use crate::audit::{self, Actor, Change};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::{Phase, Theme};
use volkshuis_domain::org::OrgKind;

/// A corporation's bid.
#[derive(Debug, Clone)]
pub struct Bid {
    /// The corporation.
    pub corporation_id: i64,
    /// Its name.
    pub corporation_name: String,
    /// The text (empty until written).
    pub body: String,
    /// The day the corporation's board approved it.
    pub board_approved_on: Option<Date>,
    /// The day it was sent.
    pub sent_on: Option<Date>,
    /// Its intended activities.
    pub activities: Vec<Activity>,
}

/// An intended activity of a bid, with its number for one year.
#[derive(Debug, Clone)]
pub struct Activity {
    /// Database id.
    pub id: i64,
    /// Theme.
    pub theme: Theme,
    /// What.
    pub description: String,
    /// In what (woningen, euro, labelstappen…).
    pub unit: String,
    /// For which year.
    pub year: i32,
    /// How many.
    pub amount: f64,
}

/// The bids of a cycle as the party of `cycle` sees them: its own (a corporation's, sent or not) and every bid sent.
/// A bid not yet sent is its corporation's private work: the other parties see only that it is not in yet.
pub async fn bids(db: &Db, cycle: &CycleRef) -> Result<Vec<Bid>> {
    let cycle_id = cycle.id;
    let rows = sql::query(
        "SELECT o.id, o.name, b.body, b.board_approved_on, b.sent_on FROM pa_parties p \
         JOIN organisations o ON o.id = p.org_id AND o.kind = $2 \
         LEFT JOIN pa_bids b ON b.cycle_id = p.cycle_id AND b.corporation_id = p.org_id \
         WHERE p.cycle_id = $1 ORDER BY o.name, o.id",
    )
    .bind(cycle_id)
    .bind(OrgKind::Corporation.code())
    .fetch_all(db)
    .await?;
    let activity_rows = sql::query(
        "SELECT id, corporation_id, theme, description, unit, year, amount_x100 FROM pa_bid_activities \
         WHERE cycle_id = $1 ORDER BY corporation_id, year, id",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    let mut activities: Vec<(i64, Activity)> = Vec::with_capacity(activity_rows.len());
    for r in &activity_rows {
        let theme: String = r.try_get("theme")?;
        activities.push((
            r.try_get("corporation_id")?,
            Activity {
                id: r.try_get("id")?,
                theme: Theme::parse(&theme)
                    .ok()
                    .ok_or(StoreError::Corrupt { column: "theme", value: theme.clone() })?,
                description: r.try_get("description")?,
                unit: r.try_get("unit")?,
                year: r.try_get::<i64, _>("year")? as i32,
                amount: from_x100(r.try_get("amount_x100")?),
            },
        ));
    }
    rows.iter()
        .map(|r| {
            let corporation_id: i64 = r.try_get("id")?;
            let date = |c: &'static str| -> Result<Option<Date>> {
                r.try_get::<Option<String>, _>(c)?.map(|t| date_from_text(c, &t)).transpose()
            };
            let own = corporation_id == cycle.org_id;
            let sent_on = date("sent_on")?;
            let visible = own || sent_on.is_some();
            Ok(Bid {
                corporation_id,
                corporation_name: r.try_get("name")?,
                body: if visible { r.try_get::<Option<String>, _>("body")?.unwrap_or_default() } else { String::new() },
                board_approved_on: if visible { date("board_approved_on")? } else { None },
                sent_on,
                activities: activities
                    .iter()
                    .filter(|(c, _)| visible && *c == corporation_id)
                    .map(|(_, a)| a.clone())
                    .collect(),
            })
        })
        .collect()
}

/// `NotFound` unless the organisation of `scope` is a corporation party of the cycle; `Ok(false)` when its bid was
/// sent already (a sent bid is locked) or the cycle is past the talks.
async fn ensure_open_bid(tx: &mut Tx, scope: &WriteScope, cycle_id: i64) -> Result<bool> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    // A bid belongs before the signing: late is possible (and shown as late), after the talks it is not.
    if !matches!(phase_of(tx, cycle_id).await?, Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling) {
        return Ok(false);
    }
    if crate::orgs::kind_of(&mut *tx, scope.org_id()).await? != Some(OrgKind::Corporation) {
        return Err(StoreError::NotFound);
    }
    let sent: Option<Option<String>> =
        sql::query_scalar("SELECT sent_on FROM pa_bids WHERE cycle_id = $1 AND corporation_id = $2")
            .bind(cycle_id)
            .bind(scope.org_id())
            .fetch_optional(&mut *tx)
            .await?;
    Ok(sent.flatten().is_none())
}

/// The text of a bid and its board approval, as the corporation writes them.
#[derive(Debug, Clone)]
pub struct BidText {
    /// The text.
    pub body: String,
    /// The day the board approved it.
    pub board_approved_on: Option<Date>,
}

/// Saves the bid text of the corporation of `scope`; `Ok(false)` once it was sent.
pub async fn save_bid(tx: &mut Tx, scope: &WriteScope, actor: &Actor, cycle_id: i64, text: &BidText) -> Result<bool> {
    if !ensure_open_bid(tx, scope, cycle_id).await? {
        return Ok(false);
    }
    sql::query(
        "INSERT INTO pa_bids (cycle_id, corporation_id, body, board_approved_on) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (cycle_id, corporation_id) DO UPDATE SET body = excluded.body, \
         board_approved_on = excluded.board_approved_on",
    )
    .bind(cycle_id)
    .bind(scope.org_id())
    .bind(&text.body)
    .bind(text.board_approved_on.map(date_to_text))
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "save", "pa_bid", cycle_id.to_string());
    change.after = Some(json!({ "board_approved_on": text.board_approved_on.map(date_to_text) }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}

/// Adds an intended activity to the bid of the corporation of `scope`; `Ok(None)` once the bid was sent.
pub async fn add_activity(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    activity: &Activity,
) -> Result<Option<i64>> {
    if !ensure_open_bid(tx, scope, cycle_id).await? {
        return Ok(None);
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_bid_activities (cycle_id, corporation_id, theme, description, unit, year, amount_x100) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(cycle_id)
    .bind(scope.org_id())
    .bind(activity.theme.code())
    .bind(&activity.description)
    .bind(&activity.unit)
    .bind(i64::from(activity.year))
    .bind(to_x100(activity.amount))
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "add_activity", "pa_bid", cycle_id.to_string());
    change.after = Some(json!({ "description": activity.description, "year": activity.year }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Some(id))
}

/// Removes an activity of the unsent bid of the corporation of `scope`; `NotFound` for anyone else's.
pub async fn remove_activity(tx: &mut Tx, scope: &WriteScope, actor: &Actor, cycle_id: i64, id: i64) -> Result<bool> {
    if !ensure_open_bid(tx, scope, cycle_id).await? {
        return Ok(false);
    }
    let done = sql::query("DELETE FROM pa_bid_activities WHERE id = $1 AND cycle_id = $2 AND corporation_id = $3")
        .bind(id)
        .bind(cycle_id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let change = Change::event(Some(scope.org_id()), "remove_activity", "pa_bid", cycle_id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}

/// Why a bid was not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendRefusal {
    /// It was sent before, or the cycle is past the talks.
    AlreadySent,
    /// It has no text yet.
    Empty,
    /// The board's approval is not recorded (the law has the bid come from the corporation, so its board).
    NoBoardApproval,
}

/// Sends the bid of the corporation of `scope` to the other parties on `today`, and locks it.
pub async fn send_bid(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    today: Date,
) -> Result<Result<(), SendRefusal>> {
    if !ensure_open_bid(tx, scope, cycle_id).await? {
        return Ok(Err(SendRefusal::AlreadySent));
    }
    let row = sql::query("SELECT body, board_approved_on FROM pa_bids WHERE cycle_id = $1 AND corporation_id = $2")
        .bind(cycle_id)
        .bind(scope.org_id())
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return Ok(Err(SendRefusal::Empty)) };
    if row.try_get::<String, _>("body")?.trim().is_empty() {
        return Ok(Err(SendRefusal::Empty));
    }
    if row.try_get::<Option<String>, _>("board_approved_on")?.is_none() {
        return Ok(Err(SendRefusal::NoBoardApproval));
    }
    sql::query("UPDATE pa_bids SET sent_on = $1 WHERE cycle_id = $2 AND corporation_id = $3")
        .bind(date_to_text(today))
        .bind(cycle_id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?;
    let mut change = Change::event(Some(scope.org_id()), "send_bid", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "sent_on": date_to_text(today) }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Ok(()))
}
