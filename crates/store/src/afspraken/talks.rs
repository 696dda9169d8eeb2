//! The talks (onderhandeling): an agenda, each party's position per item with what its achterban said, and the
//! draft text with every version kept. All of it is the shared space of the parties.

use super::commitments::phase_of;
use super::cycles::CycleRef;
use super::parties::ensure_party;
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::Phase;

/// An agenda item with the parties' positions.
#[derive(Debug, Clone)]
pub struct AgendaItem {
    /// Database id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// The positions taken, by party name.
    pub positions: Vec<Position>,
}

/// A party's position on an agenda item.
#[derive(Debug, Clone)]
pub struct Position {
    /// The party.
    pub org_id: i64,
    /// Its name.
    pub org_name: String,
    /// The position.
    pub body: String,
    /// What the party's achterban said (a poll, a panel round, the yearly diagnosis), so the position cites it.
    pub evidence: String,
}

/// A version of the draft text.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Version number, from 1.
    pub version: i64,
    /// The text.
    pub body: String,
    /// The party that wrote the version.
    pub org_name: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// The agenda of a cycle opened for one of its parties, with the positions, in the order the items were added.
pub async fn agenda(db: &Db, cycle: &CycleRef) -> Result<Vec<AgendaItem>> {
    let cycle_id = cycle.id;
    let items = sql::query("SELECT id, title FROM pa_agenda WHERE cycle_id = $1 ORDER BY id")
        .bind(cycle_id)
        .fetch_all(db)
        .await?;
    let positions = sql::query(
        "SELECT p.item_id, p.org_id, o.name AS org_name, p.body, p.evidence FROM pa_positions p \
         JOIN pa_agenda a ON a.id = p.item_id JOIN organisations o ON o.id = p.org_id \
         WHERE a.cycle_id = $1 ORDER BY o.name",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    items
        .iter()
        .map(|i| {
            let id: i64 = i.try_get("id")?;
            let positions = positions
                .iter()
                .filter(|p| p.try_get::<i64, _>("item_id").ok() == Some(id))
                .map(|p| {
                    Ok(Position {
                        org_id: p.try_get("org_id")?,
                        org_name: p.try_get("org_name")?,
                        body: p.try_get("body")?,
                        evidence: p.try_get("evidence")?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(AgendaItem { id, title: i.try_get("title")?, positions })
        })
        .collect()
}

/// Whether the text is still open to talks (before the signing phase, or in a dispute).
async fn ensure_talks(tx: &mut Tx, scope: &WriteScope, cycle_id: i64) -> Result<bool> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    Ok(matches!(
        phase_of(tx, cycle_id).await?,
        Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling | Phase::Geschil
    ))
}

/// Adds an agenda item; `Ok(None)` once the talks are over.
pub async fn add_agenda_item(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    title: &str,
) -> Result<Option<i64>> {
    if !ensure_talks(tx, scope, cycle_id).await? {
        return Ok(None);
    }
    let id: i64 =
        sql::query_scalar("INSERT INTO pa_agenda (cycle_id, title, created_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(cycle_id)
            .bind(title)
            .bind(timestamp::to_unix(actor.at))
            .fetch_one(&mut *tx)
            .await?;
    let mut change = Change::event(Some(scope.org_id()), "add_item", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "item_id": id, "title": title }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Some(id))
}

/// Sets the position of the party of `scope` on an item (replacing its earlier one); `NotFound` for an item of
/// another cycle, `Ok(false)` once the talks are over.
pub async fn set_position(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    item_id: i64,
    body: &str,
    evidence: &str,
) -> Result<bool> {
    if !ensure_talks(tx, scope, cycle_id).await? {
        return Ok(false);
    }
    let title: Option<String> = sql::query_scalar("SELECT title FROM pa_agenda WHERE id = $1 AND cycle_id = $2")
        .bind(item_id)
        .bind(cycle_id)
        .fetch_optional(&mut *tx)
        .await?;
    let title = title.ok_or(StoreError::NotFound)?;
    sql::query(
        "INSERT INTO pa_positions (item_id, org_id, body, evidence, updated_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (item_id, org_id) DO UPDATE SET body = excluded.body, evidence = excluded.evidence, \
         updated_at = excluded.updated_at",
    )
    .bind(item_id)
    .bind(scope.org_id())
    .bind(body)
    .bind(evidence)
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "set_position", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "item_id": item_id, "title": title }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}

/// Every version of the draft text of a cycle opened for one of its parties, newest first.
pub async fn drafts(db: &Db, cycle: &CycleRef) -> Result<Vec<Draft>> {
    let cycle_id = cycle.id;
    let rows = sql::query(
        "SELECT d.version, d.body, o.name AS org_name, d.created_at FROM pa_drafts d \
         JOIN organisations o ON o.id = d.org_id WHERE d.cycle_id = $1 ORDER BY d.version DESC",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Draft {
                version: r.try_get("version")?,
                body: r.try_get("body")?,
                org_name: r.try_get("org_name")?,
                created_at: timestamp::from_unix(r.try_get("created_at")?),
            })
        })
        .collect()
}

/// Saves a new version of the draft text; `Ok(None)` once the talks are over. Two parties saving at once get
/// consecutive versions or, at worst, a `Duplicate` for the second (nothing is overwritten).
pub async fn save_draft(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    body: &str,
) -> Result<Option<i64>> {
    if !ensure_talks(tx, scope, cycle_id).await? {
        return Ok(None);
    }
    let version: i64 = sql::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM pa_drafts WHERE cycle_id = $1")
        .bind(cycle_id)
        .fetch_one(&mut *tx)
        .await?;
    sql::query("INSERT INTO pa_drafts (cycle_id, version, body, org_id, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(cycle_id)
        .bind(version)
        .bind(body)
        .bind(scope.org_id())
        .bind(timestamp::to_unix(actor.at))
        .execute(&mut *tx)
        .await?;
    let mut change = Change::event(Some(scope.org_id()), "save_draft", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "version": version }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Some(version))
}
