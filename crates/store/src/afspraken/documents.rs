//! A cycle's documents: the woonvisie or volkshuisvestingsprogramma, market studies, a bid as a file. A party keeps a
//! document in its own space or puts it in the shared one; like the notes, its own stays its own until shared.
//! Stored in the database, as the Overleg documents are (every app server serves them, a backup holds them).

use super::cycles::CycleRef;
use super::parties::ensure_party;
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The municipality's housing policy: woonvisie, or volkshuisvestingsprogramma under the coming law.
    Woonvisie,
    /// A market or housing-needs study.
    MarketStudy,
    /// A corporation's bid as a file.
    Bid,
    /// Anything else.
    Other,
}

impl DocumentKind {
    /// Every kind, in the order forms offer them.
    pub const ALL: [DocumentKind; 4] =
        [DocumentKind::Woonvisie, DocumentKind::MarketStudy, DocumentKind::Bid, DocumentKind::Other];

    /// A stable code.
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Woonvisie => "woonvisie",
            DocumentKind::MarketStudy => "market-study",
            DocumentKind::Bid => "bid",
            DocumentKind::Other => "other",
        }
    }

    /// The kind of a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A document to store, checked at the edge (size and type).
#[derive(Debug, Clone)]
pub struct NewPaDocument {
    /// Kind.
    pub kind: DocumentKind,
    /// In the shared space (else the party's own).
    pub shared: bool,
    /// File name as uploaded.
    pub file_name: String,
    /// The checked content type.
    pub content_type: &'static str,
    /// Content.
    pub content: Vec<u8>,
}

/// A document as listed.
#[derive(Debug, Clone)]
pub struct PaDocumentMeta {
    /// Database id.
    pub id: i64,
    /// The party whose document it is.
    pub org_id: i64,
    /// That party's name.
    pub org_name: String,
    /// Kind.
    pub kind: DocumentKind,
    /// Whether it is in the shared space.
    pub shared: bool,
    /// File name.
    pub file_name: String,
    /// Size in bytes.
    pub size: i64,
    /// When.
    pub uploaded_at: OffsetDateTime,
}

/// A document with its content.
#[derive(Debug, Clone)]
pub struct PaDocument {
    /// File name.
    pub file_name: String,
    /// Content type.
    pub content_type: String,
    /// Content.
    pub content: Vec<u8>,
    /// Whether it is in the shared space (else in the reading party's own).
    pub shared: bool,
}

/// Stores a document of the party of `scope`. A shared one is in the cycle's timeline; a party's own is audited
/// under `pa_document` only.
pub async fn add_document(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    doc: &NewPaDocument,
) -> Result<i64> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let sha = Sha256::digest(&doc.content).iter().map(|b| format!("{b:02x}")).collect::<String>();
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_documents (cycle_id, org_id, kind, shared, file_name, content_type, size, sha256, content, \
         uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(cycle_id)
    .bind(scope.org_id())
    .bind(doc.kind.code())
    .bind(i64::from(doc.shared))
    .bind(&doc.file_name)
    .bind(doc.content_type)
    .bind(doc.content.len() as i64)
    .bind(sha)
    .bind(doc.content.clone())
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let change = if doc.shared {
        let mut change = Change::event(Some(scope.org_id()), "add_document", "pa_cycle", cycle_id.to_string());
        change.after = Some(json!({ "document_id": id, "file_name": doc.file_name }));
        change
    } else {
        let mut change = Change::event(Some(scope.org_id()), "create", "pa_document", id.to_string());
        change.after = Some(json!({ "cycle_id": cycle_id, "title": doc.file_name }));
        change
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// The documents the party of `cycle` may read: its own and every shared one, newest first.
pub async fn documents(db: &Db, cycle: &CycleRef) -> Result<Vec<PaDocumentMeta>> {
    let rows = sql::query(
        "SELECT d.id, d.org_id, o.name AS org_name, d.kind, d.shared, d.file_name, d.size, d.uploaded_at \
         FROM pa_documents d JOIN organisations o ON o.id = d.org_id \
         WHERE d.cycle_id = $1 AND (d.org_id = $2 OR d.shared = 1) ORDER BY d.id DESC",
    )
    .bind(cycle.id)
    .bind(cycle.org_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            Ok(PaDocumentMeta {
                id: r.try_get("id")?,
                org_id: r.try_get("org_id")?,
                org_name: r.try_get("org_name")?,
                kind: DocumentKind::parse(&kind).ok_or(StoreError::Corrupt { column: "kind", value: kind.clone() })?,
                shared: r.try_get::<i64, _>("shared")? == 1,
                file_name: r.try_get("file_name")?,
                size: r.try_get("size")?,
                uploaded_at: timestamp::from_unix(r.try_get("uploaded_at")?),
            })
        })
        .collect()
}

/// One document the party of `cycle` may read (its own or a shared one); `None` for anything else.
pub async fn document(db: &Db, cycle: &CycleRef, id: i64) -> Result<Option<PaDocument>> {
    let row = sql::query(
        "SELECT file_name, content_type, content, shared FROM pa_documents \
         WHERE id = $1 AND cycle_id = $2 AND (org_id = $3 OR shared = 1)",
    )
    .bind(id)
    .bind(cycle.id)
    .bind(cycle.org_id)
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(PaDocument {
            file_name: r.try_get("file_name")?,
            content_type: r.try_get("content_type")?,
            content: r.try_get("content")?,
            shared: r.try_get::<i64, _>("shared")? == 1,
        })
    })
    .transpose()
}
