//! The checks after a sale (planned when the sale is recorded, due three and six years after it by default) with
//! their checklist, and the follow-up actions each may need.

use super::sales::sale_unlogged;
use super::{address, date, log_read, opt_date, BuyerScope, ADDRESS_COLUMNS};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result, StoreError};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::nazorg::checks::{CheckAnswers, Maintenance, VveParticipation};

/// A check of a sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Id.
    pub id: i64,
    /// The sale.
    pub sale_id: i64,
    /// Years after the sale.
    pub years: u32,
    /// The day it falls due.
    pub due_on: Date,
    /// The day it was done.
    pub done_on: Option<Date>,
    /// The answers, once done.
    pub answers: Option<CheckAnswers>,
    /// Notes.
    pub notes: Option<String>,
    /// Who did it.
    pub done_by: Option<String>,
    /// Its follow-up actions.
    pub actions: Vec<Action>,
}

/// A follow-up action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Id.
    pub id: i64,
    /// What.
    pub description: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due_on: Date,
    /// Done on.
    pub done_on: Option<Date>,
}

fn corrupt(column: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt { column, value: value.to_owned() }
}

fn answers_from(row: &sql::Row) -> Result<Option<CheckAnswers>> {
    let Some(maintenance) = row.try_get::<Option<String>, _>("maintenance")? else {
        return Ok(None);
    };
    let participation: String = row.try_get::<Option<String>, _>("vve_participation")?.unwrap_or_default();
    Ok(Some(CheckAnswers {
        maintenance: Maintenance::parse(&maintenance).map_err(|_| corrupt("maintenance", &maintenance))?,
        payment_problems: row.try_get::<Option<i64>, _>("payment_problems")?.unwrap_or(0) != 0,
        vve_participation: VveParticipation::parse(&participation)
            .map_err(|_| corrupt("vve_participation", &participation))?,
        wish_to_sell_back: row.try_get::<Option<i64>, _>("wish_to_sell_back")?.unwrap_or(0) != 0,
    }))
}

const CHECK_COLUMNS: &str = "k.id, k.sale_id, k.years, k.due_on, k.done_on, k.maintenance, k.payment_problems, \
     k.vve_participation, k.wish_to_sell_back, k.notes, k.done_by";

fn check_from(row: &sql::Row) -> Result<Check> {
    Ok(Check {
        id: row.try_get("id")?,
        sale_id: row.try_get("sale_id")?,
        years: u32::try_from(row.try_get::<i64, _>("years")?).unwrap_or(0),
        due_on: date(row, "due_on")?,
        done_on: opt_date(row, "done_on")?,
        answers: answers_from(row)?,
        notes: row.try_get("notes")?,
        done_by: row.try_get("done_by")?,
        actions: Vec::new(),
    })
}

/// The checks of a sale the scope may see, with their actions, by due date; `None` for any other sale.
pub async fn checks_of(db: &Db, scope: &BuyerScope, sale_id: i64) -> Result<Option<Vec<Check>>> {
    if sale_unlogged(db, scope, sale_id).await?.is_none() {
        return Ok(None);
    }
    let rows = sql::query(&format!("SELECT {CHECK_COLUMNS} FROM nz_checks k WHERE k.sale_id = $1 ORDER BY k.due_on"))
        .bind(sale_id)
        .fetch_all(db)
        .await?;
    let mut checks = rows.iter().map(check_from).collect::<Result<Vec<_>>>()?;
    let actions = sql::query(
        "SELECT a.id, a.check_id, a.description, a.owner, a.due_on, a.done_on FROM nz_actions a \
         JOIN nz_checks k ON k.id = a.check_id WHERE k.sale_id = $1 ORDER BY a.due_on, a.id",
    )
    .bind(sale_id)
    .fetch_all(db)
    .await?;
    for row in &actions {
        let check: i64 = row.try_get("check_id")?;
        if let Some(target) = checks.iter_mut().find(|c| c.id == check) {
            target.actions.push(Action {
                id: row.try_get("id")?,
                description: row.try_get("description")?,
                owner: row.try_get("owner")?,
                due_on: date(row, "due_on")?,
                done_on: opt_date(row, "done_on")?,
            });
        }
    }
    Ok(Some(checks))
}

/// The sale a check belongs to, when that sale is the corporation's.
async fn sale_of_check(tx: &mut crate::Tx, corporation: i64, check_id: i64) -> Result<Option<i64>> {
    // A home bought back is the corporation's again: its checks are closed. A sale whose buyer's data was deleted
    // (ADR 0066) takes no new notes or actions.
    Ok(sql::query_scalar(
        "SELECT k.sale_id FROM nz_checks k JOIN nz_sales s ON s.id = k.sale_id \
         WHERE k.id = $1 AND s.corporation_id = $2 AND s.bought_back_on IS NULL AND s.buyer_deleted_on IS NULL",
    )
    .bind(check_id)
    .bind(corporation)
    .fetch_optional(&mut *tx)
    .await?)
}

/// Records a check as done (or corrects it). `false` when the check is not of one of the corporation's sales.
pub async fn record_check(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    check_id: i64,
    done_on: Date,
    answers: &CheckAnswers,
    notes: Option<&str>,
) -> Result<bool> {
    record_check_with_action(db, scope, actor, check_id, (done_on, answers, notes), None).await
}

/// Records a check as done together with a follow-up action, in one transaction: a check whose answers call for
/// follow-up is never stored without the action the page asked for. `false` when the check is not of one of the
/// corporation's sales.
pub async fn record_check_with_action(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    check_id: i64,
    (done_on, answers, notes): (Date, &CheckAnswers, Option<&str>),
    action: Option<&NewAction>,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let Some(sale_id) = sale_of_check(&mut tx, scope.org_id(), check_id).await? else {
        return Ok(false);
    };
    sql::query(
        "UPDATE nz_checks SET done_on = $1, maintenance = $2, payment_problems = $3, vve_participation = $4, \
         wish_to_sell_back = $5, notes = $6, done_by = $7 WHERE id = $8",
    )
    .bind(date_to_text(done_on))
    .bind(answers.maintenance.code())
    .bind(i64::from(answers.payment_problems))
    .bind(answers.vve_participation.code())
    .bind(i64::from(answers.wish_to_sell_back))
    .bind(notes)
    .bind(actor.name())
    .bind(check_id)
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "check_done", "nz_check", check_id.to_string());
    change.after = Some(json!({ "sale_id": sale_id, "done_on": date_to_text(done_on) }));
    audit::record(tx.conn(), actor, change).await?;
    if let Some(action) = action {
        insert_action(&mut tx, scope, actor, check_id, action).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// A new follow-up action.
#[derive(Debug, Clone)]
pub struct NewAction {
    /// What.
    pub description: String,
    /// Who.
    pub owner: String,
    /// By when.
    pub due_on: Date,
}

/// Adds a follow-up action to a check of one of the corporation's sales; `false` for any other check.
pub async fn add_action(db: &Db, scope: &WriteScope, actor: &Actor, check_id: i64, new: &NewAction) -> Result<bool> {
    let mut tx = db.begin().await?;
    if sale_of_check(&mut tx, scope.org_id(), check_id).await?.is_none() {
        return Ok(false);
    }
    insert_action(&mut tx, scope, actor, check_id, new).await?;
    tx.commit().await?;
    Ok(true)
}

async fn insert_action(
    tx: &mut crate::Tx,
    scope: &WriteScope,
    actor: &Actor,
    check_id: i64,
    new: &NewAction,
) -> Result<()> {
    let id: i64 = sql::query_scalar(
        "INSERT INTO nz_actions (check_id, description, owner, due_on, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(check_id)
    .bind(&new.description)
    .bind(&new.owner)
    .bind(date_to_text(new.due_on))
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "create", "nz_action", id.to_string());
    change.after = Some(json!({ "check_id": check_id, "due_on": date_to_text(new.due_on) }));
    audit::record(tx.conn(), actor, change).await
}

/// Marks a follow-up action done on `day`; `false` when it is not of one of the corporation's sales.
pub async fn action_done(db: &Db, scope: &WriteScope, actor: &Actor, action_id: i64, day: Date) -> Result<bool> {
    let mut tx = db.begin().await?;
    let done = sql::query(
        "UPDATE nz_actions SET done_on = $1 WHERE id = $2 AND done_on IS NULL AND check_id IN \
         (SELECT k.id FROM nz_checks k JOIN nz_sales s ON s.id = k.sale_id WHERE s.corporation_id = $3)",
    )
    .bind(date_to_text(day))
    .bind(action_id)
    .bind(scope.org_id())
    .execute(&mut tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let change = Change::event(Some(scope.org_id()), "action_done", "nz_action", action_id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// A check still to do, for the corporation's work list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckToDo {
    /// The check.
    pub check_id: i64,
    /// Its sale.
    pub sale_id: i64,
    /// Years after the sale.
    pub years: u32,
    /// Due.
    pub due_on: Date,
    /// The home's address.
    pub address: String,
    /// The buyer.
    pub buyer_name: String,
}

/// The checks not done that open on or before `until` (the work list: open and overdue; not those of a sale whose
/// buyer's data was deleted), oldest first, at most `limit`. Buyer data: the read is logged.
pub async fn checks_to_do(
    db: &Db,
    scope: &BuyerScope,
    actor: &Actor,
    until: Date,
    limit: i64,
) -> Result<Vec<CheckToDo>> {
    let rows = sql::query(&format!(
        "SELECT k.id, k.sale_id, k.years, k.due_on, s.buyer_name, {ADDRESS_COLUMNS} FROM nz_checks k \
         JOIN nz_sales s ON s.id = k.sale_id JOIN units u ON u.id = s.unit_id \
         WHERE {} AND k.done_on IS NULL AND s.bought_back_on IS NULL AND s.buyer_deleted_on IS NULL \
         AND k.due_on <= $3 \
         ORDER BY k.due_on, k.id LIMIT $4",
        super::sale_filter(1)
    ))
    .bind(scope.org_id())
    .bind(scope.coach_user_id)
    .bind(date_to_text(until))
    .bind(limit)
    .fetch_all(db)
    .await?;
    let list = rows
        .iter()
        .map(|row| {
            Ok(CheckToDo {
                check_id: row.try_get("id")?,
                sale_id: row.try_get("sale_id")?,
                years: u32::try_from(row.try_get::<i64, _>("years")?).unwrap_or(0),
                due_on: date(row, "due_on")?,
                address: address(row)?,
                buyer_name: row.try_get("buyer_name")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut ids: Vec<i64> = list.iter().map(|c| c.sale_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut tx = db.begin().await?;
    log_read(tx.conn(), actor, scope, ("nz_checks", "werklijst".to_owned()), &ids).await?;
    tx.commit().await?;
    Ok(list)
}

/// How many of the corporation's checks are overdue on `today` (not done, due before today) and the oldest due
/// day among them: for the dashboard, naming nobody. A check whose buyer's data was deleted can no longer be done
/// and is no work; the figures still count it as missed.
pub async fn overdue(db: &Db, scope: &ReadScope, today: Date) -> Result<(i64, Option<Date>)> {
    let row = sql::query(
        "SELECT COUNT(*) AS n, MIN(k.due_on) AS oldest FROM nz_checks k JOIN nz_sales s ON s.id = k.sale_id \
         WHERE s.corporation_id = $1 AND s.bought_back_on IS NULL AND s.buyer_deleted_on IS NULL \
         AND k.done_on IS NULL AND k.due_on < $2",
    )
    .bind(scope.org_id())
    .bind(date_to_text(today))
    .fetch_one(db)
    .await?;
    Ok((row.try_get("n")?, opt_date(&row, "oldest")?))
}

/// Whether a check still waits (not done, its sale not bought back nor its buyer's data deleted), for its reminder
/// job.
pub async fn check_waits(db: &Db, scope: &ReadScope, check_id: i64) -> Result<bool> {
    let n: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM nz_checks k JOIN nz_sales s ON s.id = k.sale_id \
         WHERE k.id = $1 AND s.corporation_id = $2 AND k.done_on IS NULL AND s.bought_back_on IS NULL \
         AND s.buyer_deleted_on IS NULL",
    )
    .bind(check_id)
    .bind(scope.org_id())
    .fetch_one(db)
    .await?;
    Ok(n > 0)
}

/// The sale of one of the corporation's checks; `None` for a check of another corporation or none at all.
pub async fn sale_of(db: &Db, scope: &ReadScope, check_id: i64) -> Result<Option<i64>> {
    Ok(sql::query_scalar(
        "SELECT k.sale_id FROM nz_checks k JOIN nz_sales s ON s.id = k.sale_id WHERE k.id = $1 AND s.corporation_id = $2",
    )
    .bind(check_id)
    .bind(scope.org_id())
    .fetch_optional(db)
    .await?)
}
