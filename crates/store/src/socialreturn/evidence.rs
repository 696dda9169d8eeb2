//! Evidence files on contributions: stored by the supplier with its report, listed on the contract, and downloaded
//! by the contract's parties. Evidence is personal data (an employment contract, a payslip): every download is
//! written to the audit log.

use super::contracts::Contract;
use super::Relation;
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;

/// Stores an evidence file (checked at the edge) for a contribution of the supplier's contract.
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// contract.
#[expect(clippy::too_many_arguments, reason = "the file's three parts beside the proof, the contract and the time")]
pub async fn add_evidence(
    tx: &mut Tx,
    _scope: &WriteScope,
    contract: &Contract,
    contribution_id: i64,
    file_name: &str,
    content_type: &str,
    content: &[u8],
    now: OffsetDateTime,
) -> Result<i64> {
    if contract.relation != Relation::Supplier {
        return Err(StoreError::NotFound);
    }
    Ok(sql::query_scalar(
        "INSERT INTO sr_evidence (contribution_id, file_name, content_type, size, content, uploaded_at) \
         SELECT id, $1, $2, $3, $4, $5 FROM sr_contributions WHERE id = $6 AND contract_id = $7 RETURNING id",
    )
    .bind(file_name)
    .bind(content_type)
    .bind(content.len() as i64)
    .bind(content.to_vec())
    .bind(timestamp::to_unix(now))
    .bind(contribution_id)
    .bind(contract.id)
    .fetch_one(&mut *tx)
    .await?)
}

/// The evidence files on a contract: `(contribution id, file id, file name)`.
pub async fn evidence_files(db: &Db, contract: &Contract) -> Result<Vec<(i64, i64, String)>> {
    let rows = sql::query(
        "SELECT e.contribution_id, e.id, e.file_name FROM sr_evidence e \
         JOIN sr_contributions c ON c.id = e.contribution_id WHERE c.contract_id = $1 ORDER BY e.id",
    )
    .bind(contract.id)
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("contribution_id")?, r.try_get("id")?, r.try_get("file_name")?))).collect()
}

/// One evidence file on a contract the caller may see: `(file name, content type, content)`. Evidence is personal
/// data (an employment contract, a payslip): every read is written to the audit log, in the same transaction, with
/// who read it, for which organisation, which file (by its id) and which contract.
pub async fn evidence(
    db: &Db,
    contract: &Contract,
    file_id: i64,
    actor: &Actor,
) -> Result<Option<(String, String, Vec<u8>)>> {
    let mut tx = db.begin().await?;
    let row = sql::query(
        "SELECT e.file_name, e.content_type, e.content, e.contribution_id FROM sr_evidence e \
         JOIN sr_contributions c ON c.id = e.contribution_id WHERE e.id = $1 AND c.contract_id = $2",
    )
    .bind(file_id)
    .bind(contract.id)
    .fetch_optional(&mut tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let file_name: String = row.try_get("file_name")?;
    let reader = match contract.relation {
        Relation::Buyer => contract.buyer_id,
        Relation::Supplier => contract.supplier_id,
        Relation::Coordinator => contract.coordinator_id.unwrap_or(contract.buyer_id),
    };
    let mut change = Change::event(Some(reader), "read_personal", "sr_evidence", file_id.to_string());
    change.personal_data = true;
    // The file by its id, not its name: a supplier names a payslip after the candidate ("loonstrook-Karel-Proef.pdf"),
    // and the log is kept for good — it must not become a second register of candidates' names.
    change.after = Some(json!({
        "contract_id": contract.id,
        "contribution_id": row.try_get::<i64, _>("contribution_id")?,
    }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some((file_name, row.try_get("content_type")?, row.try_get("content")?)))
}
