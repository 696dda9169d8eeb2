//! Retention runs itself: a daily job deletes every signal and soft signal whose day has come, and the households
//! of ledgers no longer current. The audit log records how many, per organisation, never who.

use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result};
use serde_json::json;
use time::Date;

/// What one run deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    /// Signals (with their contact attempts).
    pub signals: u64,
    /// Soft signals.
    pub soft: u64,
    /// Households of ledgers older than [`LEDGER_MONTHS`].
    pub households: u64,
}

/// A ledger's households are kept this many months when no newer ledger replaced them.
pub const LEDGER_MONTHS: u32 = 3;

/// Deletes what is due on `today`.
pub async fn purge(db: &Db, today: Date, actor: &Actor) -> Result<Purged> {
    let day = date_to_text(today);
    let mut tx = db.begin().await?;
    let mut purged = Purged::default();
    let due = |table: &str, org: &str| {
        format!("SELECT {org} AS org_id, COUNT(*) AS n FROM {table} WHERE delete_on IS NOT NULL AND delete_on <= $1 GROUP BY {org}")
    };
    for (table, org, entity) in
        [("sg_signals", "COALESCE(recipient_org_id, sender_org_id)", "sg_signals"), ("sg_soft", "org_id", "sg_soft")]
    {
        let counts = sql::query(&due(table, org)).bind(&day).fetch_all(&mut tx).await?;
        for row in &counts {
            let (org_id, n): (i64, i64) = (row.try_get("org_id")?, row.try_get("n")?);
            let mut change = Change::event(Some(org_id), "purge_personal", entity, "retention".into());
            change.after = Some(json!({ "deleted": n }));
            audit::record(tx.conn(), actor, change).await?;
        }
        let deleted = sql::query(&format!("DELETE FROM {table} WHERE delete_on IS NOT NULL AND delete_on <= $1"))
            .bind(&day)
            .execute(&mut tx)
            .await?
            .rows_affected();
        if table == "sg_signals" {
            purged.signals = deleted;
        } else {
            purged.soft = deleted;
        }
    }
    let cutoff = date_to_text(volkshuis_domain::calendar::months_before(today, LEDGER_MONTHS));
    let old = "SELECT id FROM sg_ledgers WHERE decided_on < $1";
    let counts = sql::query(&format!(
        "SELECT org_id, COUNT(*) AS n FROM sg_households WHERE ledger_id IN ({old}) GROUP BY org_id"
    ))
    .bind(&cutoff)
    .fetch_all(&mut tx)
    .await?;
    for row in &counts {
        let (org_id, n): (i64, i64) = (row.try_get("org_id")?, row.try_get("n")?);
        let mut change = Change::event(Some(org_id), "purge_personal", "sg_households", "retention".into());
        change.after = Some(json!({ "deleted": n }));
        audit::record(tx.conn(), actor, change).await?;
    }
    purged.households = sql::query(&format!("DELETE FROM sg_households WHERE ledger_id IN ({old})"))
        .bind(cutoff)
        .execute(&mut tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(purged)
}
