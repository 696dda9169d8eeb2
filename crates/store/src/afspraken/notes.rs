//! Each party's private space, and what it puts in the shared one: knowledge items, negotiation items and its
//! stakeholder analysis, kept apart by kind. A note is its party's until the party shares it.

use super::cycles::CycleRef;
use super::parties::ensure_party;
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;

/// What a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// A fact or document summary for the kennisvergaring.
    Knowledge,
    /// A point the party wants to raise in the talks.
    Negotiation,
    /// A stakeholder analysis: another party's interests, influence, position and what it needs.
    Stakeholder,
}

impl NoteKind {
    /// Every kind, in the order the page shows them.
    pub const ALL: [NoteKind; 3] = [NoteKind::Knowledge, NoteKind::Negotiation, NoteKind::Stakeholder];

    /// A stable code.
    pub fn code(self) -> &'static str {
        match self {
            NoteKind::Knowledge => "knowledge",
            NoteKind::Negotiation => "negotiation",
            NoteKind::Stakeholder => "stakeholder",
        }
    }

    /// The kind of a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A note of a party.
#[derive(Debug, Clone)]
pub struct Note {
    /// Database id.
    pub id: i64,
    /// The party whose note it is.
    pub org_id: i64,
    /// That party's name.
    pub org_name: String,
    /// Kind.
    pub kind: NoteKind,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Whether the party shared it with the other parties.
    pub shared: bool,
    /// When it was written.
    pub created_at: OffsetDateTime,
}

/// The notes the party of `cycle` may read: its own (private or shared) and what the others shared, newest first.
pub async fn notes(db: &Db, cycle: &CycleRef) -> Result<Vec<Note>> {
    let rows = sql::query(
        "SELECT n.id, n.org_id, o.name AS org_name, n.kind, n.title, n.body, n.shared, n.created_at \
         FROM pa_notes n JOIN organisations o ON o.id = n.org_id \
         WHERE n.cycle_id = $1 AND (n.org_id = $2 OR n.shared = 1) ORDER BY n.id DESC",
    )
    .bind(cycle.id)
    .bind(cycle.org_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            Ok(Note {
                id: r.try_get("id")?,
                org_id: r.try_get("org_id")?,
                org_name: r.try_get("org_name")?,
                kind: NoteKind::parse(&kind).ok_or(StoreError::Corrupt { column: "kind", value: kind.clone() })?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                shared: r.try_get::<i64, _>("shared")? == 1,
                created_at: timestamp::from_unix(r.try_get("created_at")?),
            })
        })
        .collect()
}

/// Writes a note in the private space of the party of `scope`. Its audit entry names the party only: a private
/// note is not in the cycle's timeline.
pub async fn add_note(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    kind: NoteKind,
    title: &str,
    body: &str,
) -> Result<i64> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_notes (cycle_id, org_id, kind, title, body, shared, created_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id",
    )
    .bind(cycle_id)
    .bind(scope.org_id())
    .bind(kind.code())
    .bind(title)
    .bind(body)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "create", "pa_note", id.to_string());
    change.after = Some(json!({ "cycle_id": cycle_id, "kind": kind.code(), "title": title }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// Shares a note of the party of `scope` with the other parties; `NotFound` for another party's note.
pub async fn share_note(tx: &mut Tx, scope: &WriteScope, actor: &Actor, cycle_id: i64, note_id: i64) -> Result<()> {
    let title: Option<String> =
        sql::query_scalar("SELECT title FROM pa_notes WHERE id = $1 AND cycle_id = $2 AND org_id = $3 AND shared = 0")
            .bind(note_id)
            .bind(cycle_id)
            .bind(scope.org_id())
            .fetch_optional(&mut *tx)
            .await?;
    let title = title.ok_or(StoreError::NotFound)?;
    sql::query("UPDATE pa_notes SET shared = 1 WHERE id = $1").bind(note_id).execute(&mut *tx).await?;
    let mut change = Change::event(Some(scope.org_id()), "share_note", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "note_id": note_id, "title": title }));
    audit::record(tx.conn(), actor, change).await
}
