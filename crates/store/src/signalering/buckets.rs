//! A municipality's buckets: its own sorting of incoming signals, each with an action. Changing the buckets sorts
//! the open signals again (except those moved by hand).

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{Db, Result, StoreError, Tx};
use serde_json::json;
use std::collections::HashMap;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::money::Money;
use volkshuis_domain::signalering::triage::{sort_into, BucketAction, Criteria, SignalFacts};

/// A bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// Id.
    pub id: i64,
    /// Its name ("Onder €50", "Huisbezoek").
    pub name: String,
    /// Its place in the order (lowest first).
    pub position: i64,
    /// What it takes.
    pub criteria: Criteria,
    /// What is done with its signals.
    pub action: BucketAction,
}

/// A new bucket, checked at the edge.
#[derive(Debug, Clone)]
pub struct NewBucket {
    /// Name.
    pub name: String,
    /// Criteria.
    pub criteria: Criteria,
    /// Action.
    pub action: BucketAction,
}

fn from_row(row: &sql::Row) -> Result<Bucket> {
    let action: String = row.try_get("action")?;
    Ok(Bucket {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        position: row.try_get("position")?,
        criteria: Criteria {
            min_amount: row.try_get::<Option<i64>, _>("min_amount_cents")?.map(Money::from_cents),
            below_amount: row.try_get::<Option<i64>, _>("below_amount_cents")?.map(Money::from_cents),
            min_months: row.try_get::<Option<i64>, _>("min_months")?.map(|m| m.clamp(0, 1200) as u32),
            several_creditors: row.try_get::<i64, _>("several_creditors")? != 0,
        },
        action: BucketAction::parse(&action).ok_or(StoreError::Corrupt { column: "action", value: action.clone() })?,
    })
}

const COLUMNS: &str = "id, name, position, min_amount_cents, below_amount_cents, min_months, several_creditors, action";

async fn buckets_in(tx: &mut Tx, org_id: i64) -> Result<Vec<Bucket>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM sg_buckets WHERE org_id = $1 ORDER BY position, id"))
        .bind(org_id)
        .fetch_all(&mut *tx)
        .await?;
    rows.iter().map(from_row).collect()
}

/// The municipality's buckets in order.
pub async fn buckets(db: &Db, scope: &ReadScope) -> Result<Vec<Bucket>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM sg_buckets WHERE org_id = $1 ORDER BY position, id"))
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Adds a bucket at the end and sorts the open signals again.
pub async fn add_bucket(db: &Db, scope: &WriteScope, actor: &Actor, new: &NewBucket, today: Date) -> Result<i64> {
    let mut tx = db.begin().await?;
    let position: i64 = sql::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM sg_buckets WHERE org_id = $1")
        .bind(scope.org_id())
        .fetch_one(&mut tx)
        .await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO sg_buckets (org_id, name, position, min_amount_cents, below_amount_cents, min_months, \
         several_creditors, action) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(&new.name)
    .bind(position)
    .bind(new.criteria.min_amount.map(Money::cents))
    .bind(new.criteria.below_amount.map(Money::cents))
    .bind(new.criteria.min_months.map(i64::from))
    .bind(i64::from(new.criteria.several_creditors))
    .bind(new.action.code())
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "create", "sg_buckets", id.to_string());
    change.after = Some(json!({ "name": new.name, "action": new.action.code() }));
    audit::record(tx.conn(), actor, change).await?;
    resort(&mut tx, scope.org_id(), today).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes one of the municipality's buckets (its signals go back to sorting); `false` when it has no such bucket.
pub async fn remove_bucket(db: &Db, scope: &WriteScope, actor: &Actor, id: i64, today: Date) -> Result<bool> {
    let mut tx = db.begin().await?;
    let done = sql::query("DELETE FROM sg_buckets WHERE id = $1 AND org_id = $2")
        .bind(id)
        .bind(scope.org_id())
        .execute(&mut tx)
        .await?
        .rows_affected();
    if done == 0 {
        return Ok(false);
    }
    sql::query("UPDATE sg_signals SET bucket_by_hand = 0 WHERE bucket_id IS NULL AND recipient_org_id = $1")
        .bind(scope.org_id())
        .execute(&mut tx)
        .await?;
    audit::record(tx.conn(), actor, Change::event(Some(scope.org_id()), "delete", "sg_buckets", id.to_string()))
        .await?;
    resort(&mut tx, scope.org_id(), today).await?;
    tx.commit().await?;
    Ok(true)
}

/// Moves a bucket one place up (earlier); `false` when it has no such bucket.
pub async fn move_bucket_up(db: &Db, scope: &WriteScope, actor: &Actor, id: i64, today: Date) -> Result<bool> {
    let mut tx = db.begin().await?;
    let list = buckets_in(&mut tx, scope.org_id()).await?;
    let Some(at) = list.iter().position(|b| b.id == id) else { return Ok(false) };
    if at > 0 {
        let mut order: Vec<i64> = list.iter().map(|b| b.id).collect();
        order.swap(at, at - 1);
        for (position, bucket) in order.iter().enumerate() {
            sql::query("UPDATE sg_buckets SET position = $1 WHERE id = $2")
                .bind(position as i64 + 1)
                .bind(*bucket)
                .execute(&mut tx)
                .await?;
        }
        audit::record(tx.conn(), actor, Change::event(Some(scope.org_id()), "reorder", "sg_buckets", id.to_string()))
            .await?;
        resort(&mut tx, scope.org_id(), today).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Sorts the municipality's signals that came after signal `after` into its buckets (a ledger just sent).
pub(crate) async fn sort_new(tx: &mut Tx, org_id: i64, after: i64, today: Date) -> Result<()> {
    sort_signals(tx, org_id, Some(after), today).await
}

/// Sorts the municipality's open signals (those not moved by hand) into its buckets as they now are.
async fn resort(tx: &mut Tx, org_id: i64, today: Date) -> Result<()> {
    sort_signals(tx, org_id, None, today).await
}

/// Sorts open signals not moved by hand (all, or those after signal `after`) into the municipality's buckets.
async fn sort_signals(tx: &mut Tx, org_id: i64, after: Option<i64>, today: Date) -> Result<()> {
    let list = buckets_in(tx, org_id).await?;
    if list.is_empty() {
        // Nothing to sort into; what was in a removed bucket is already unsorted.
        return Ok(());
    }
    let criteria: Vec<Criteria> = list.iter().map(|b| b.criteria).collect();
    let rows = sql::query(
        "SELECT s.id, s.amount_cents, s.arrears_since, s.bucket_id, \
         (SELECT COUNT(DISTINCT o.sender_org_id) FROM sg_signals o WHERE o.recipient_org_id = s.recipient_org_id \
          AND o.postcode = s.postcode AND o.house_number = s.house_number AND o.closed_on IS NULL) AS creditors \
         FROM sg_signals s WHERE s.recipient_org_id = $1 AND s.closed_on IS NULL AND s.bucket_by_hand = 0 AND s.id > $2",
    )
    .bind(org_id)
    .bind(after.unwrap_or(0))
    .fetch_all(&mut *tx)
    .await?;
    let mut moves: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
    for row in &rows {
        let facts = SignalFacts {
            amount: Money::from_cents(row.try_get("amount_cents")?),
            arrears_since: super::date(row, "arrears_since")?,
            creditors: u32::try_from(row.try_get::<i64, _>("creditors")?).unwrap_or(1),
        };
        let wanted = sort_into(&criteria, &facts, today).map(|i| list[i].id);
        if wanted != row.try_get::<Option<i64>, _>("bucket_id")? {
            moves.entry(wanted).or_default().push(row.try_get("id")?);
        }
    }
    for (bucket, ids) in moves {
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let text = format!("UPDATE sg_signals SET bucket_id = $1 WHERE id IN ({})", marks.join(", "));
            let mut query = sql::query(&text).bind(bucket);
            for id in chunk {
                query = query.bind(*id);
            }
            query.execute(&mut *tx).await?;
        }
    }
    Ok(())
}
