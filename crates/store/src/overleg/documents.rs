//! Documents attached to a case step (the request, the answer, the reply). Stored in the database, so every app
//! server behind a load balancer serves them and a backup holds them; size and type are checked at the edge.

use super::cases::{ensure_party, record_event, Case};
use crate::audit::Actor;
use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use volkshuis_domain::access::{ReadScope, WriteScope};

/// A document to store.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// The step it belongs to: `request`, `answer`, `decision`.
    pub step: &'static str,
    /// The file name as uploaded (only for display and download).
    pub file_name: String,
    /// The checked content type.
    pub content_type: &'static str,
    /// The content.
    pub content: Vec<u8>,
}

/// A document as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMeta {
    /// Database id.
    pub id: i64,
    /// Step.
    pub step: String,
    /// File name.
    pub file_name: String,
    /// Size in bytes.
    pub size: i64,
    /// Uploaded by.
    pub uploaded_by: String,
    /// When.
    pub uploaded_at: OffsetDateTime,
}

/// A document with its content.
#[derive(Debug, Clone)]
pub struct Document {
    /// File name.
    pub file_name: String,
    /// Content type.
    pub content_type: String,
    /// Content.
    pub content: Vec<u8>,
}

/// Stores a document of the organisation of `scope` on a case.
pub async fn add_document(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    case: &Case,
    doc: &NewDocument,
) -> Result<i64> {
    ensure_party(case, scope)?;
    let sha = Sha256::digest(&doc.content).iter().map(|b| format!("{b:02x}")).collect::<String>();
    let id = sql::query_scalar(
        "INSERT INTO overleg_documents (case_id, step, org_id, file_name, content_type, size, sha256, content, \
         uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(case.id)
    .bind(doc.step)
    .bind(scope.org_id())
    .bind(&doc.file_name)
    .bind(doc.content_type)
    .bind(doc.content.len() as i64)
    .bind(sha)
    .bind(doc.content.clone())
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    record_event(tx.conn(), case.id, scope.org_id(), actor, "document", Some(&doc.file_name)).await?;
    Ok(id)
}

/// The documents of a case, oldest first.
pub async fn documents(db: &Db, scope: &ReadScope, case: &Case) -> Result<Vec<DocumentMeta>> {
    ensure_party(case, scope)?;
    let rows = sql::query(
        "SELECT id, step, file_name, size, uploaded_by, uploaded_at FROM overleg_documents WHERE case_id = $1 ORDER BY id",
    )
    .bind(case.id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(DocumentMeta {
                id: row.try_get("id")?,
                step: row.try_get("step")?,
                file_name: row.try_get("file_name")?,
                size: row.try_get("size")?,
                uploaded_by: row.try_get("uploaded_by")?,
                uploaded_at: timestamp::from_unix(row.try_get("uploaded_at")?),
            })
        })
        .collect()
}

/// One document of a case the organisation of `scope` is a party to.
pub async fn document(db: &Db, scope: &ReadScope, case: &Case, id: i64) -> Result<Option<Document>> {
    ensure_party(case, scope)?;
    let row =
        sql::query("SELECT file_name, content_type, content FROM overleg_documents WHERE id = $1 AND case_id = $2")
            .bind(id)
            .bind(case.id)
            .fetch_optional(db)
            .await?;
    row.map(|row| {
        Ok(Document {
            file_name: row.try_get("file_name")?,
            content_type: row.try_get("content_type")?,
            content: row.try_get("content")?,
        })
    })
    .transpose()
}
