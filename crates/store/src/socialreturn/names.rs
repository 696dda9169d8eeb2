//! Candidate names: personal data. Only the supplier that entered them and the contract's coordinator read them,
//! every read is written to the audit log, and a job deletes them a set time after the contract ends.

use super::contracts::Contract;
use super::Relation;
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

pub(super) async fn store(tx: &mut Tx, contribution_id: i64, name: &str, now: OffsetDateTime) -> Result<()> {
    sql::query("INSERT INTO sr_candidate_names (contribution_id, name, created_at) VALUES ($1, $2, $3)")
        .bind(contribution_id)
        .bind(name)
        .bind(timestamp::to_unix(now))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The names on a contract by contribution id, for its supplier and coordinator (the read is audited); nothing for
/// the buyer.
pub async fn names(db: &Db, contract: &Contract, actor: &Actor) -> Result<HashMap<i64, String>> {
    if contract.relation == Relation::Buyer {
        return Ok(HashMap::new());
    }
    let mut tx = db.begin().await?;
    let rows = sql::query(
        "SELECT n.contribution_id, n.name FROM sr_candidate_names n \
         JOIN sr_contributions c ON c.id = n.contribution_id WHERE c.contract_id = $1",
    )
    .bind(contract.id)
    .fetch_all(&mut tx)
    .await?;
    let names: HashMap<i64, String> =
        rows.iter().map(|r| Ok((r.try_get("contribution_id")?, r.try_get("name")?))).collect::<Result<_>>()?;
    if !names.is_empty() {
        let org = match contract.relation {
            Relation::Supplier => contract.supplier_id,
            _ => contract.coordinator_id.unwrap_or(contract.buyer_id),
        };
        let mut change = Change::event(Some(org), "read_personal", "sr_candidate_names", contract.id.to_string());
        change.personal_data = true;
        change.after = Some(serde_json::json!({ "names": names.len() }));
        audit::record(tx.conn(), actor, change).await?;
    }
    tx.commit().await?;
    Ok(names)
}

/// Deletes the names of every contract that ended `retention_days` or more before `today`; returns how many.
pub async fn purge(db: &Db, today: Date, retention_days: i64, actor: &Actor) -> Result<u64> {
    let cutoff = date_to_text(today - time::Duration::days(retention_days));
    let mut tx = db.begin().await?;
    let contracts: Vec<i64> = sql::query_scalar("SELECT id FROM sr_contracts WHERE names_purged = 0 AND ends_on < $1")
        .bind(&cutoff)
        .fetch_all(&mut tx)
        .await?;
    let mut deleted = 0;
    for id in contracts {
        deleted += sql::query(
            "DELETE FROM sr_candidate_names WHERE contribution_id IN (SELECT id FROM sr_contributions WHERE contract_id = $1)",
        )
        .bind(id)
        .execute(&mut tx)
        .await?
        .rows_affected();
        sql::query("UPDATE sr_contracts SET names_purged = 1 WHERE id = $1").bind(id).execute(&mut tx).await?;
        audit::record(tx.conn(), actor, Change::event(None, "purge_personal", "sr_candidate_names", id.to_string()))
            .await?;
    }
    tx.commit().await?;
    Ok(deleted)
}
