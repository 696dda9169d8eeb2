//! The audit log: every state change (who, when, what, before and after) and every read of personal data.
//! The table is append-only; the database itself refuses UPDATE and DELETE (see the foundation migration).

mod named;

pub use named::{name_entries, Named};

use crate::sql::{self, Conn};
use crate::{timestamp, Db, Result};
use serde_json::Value;
use time::OffsetDateTime;

/// Who acts, when, and in which request: passed to every write so its audit entry can be written with it.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The acting user; `None` for the system (the command line, the job worker) or an anonymous visitor.
    pub user_id: Option<i64>,
    /// A readable name for the actor, kept even when the user is later removed.
    pub label: String,
    /// The HTTP request id, to join the trail with the logs.
    pub request_id: Option<String>,
    /// The moment of the action.
    pub at: OffsetDateTime,
}

impl Actor {
    /// The actor's name as pages show who did something: the label without its e-mail address.
    pub fn name(&self) -> String {
        named::actor_name(&self.label)
    }

    /// The system itself (command line, worker, migrations), at `at`.
    pub fn system(label: &str, at: OffsetDateTime) -> Self {
        Self { user_id: None, label: label.to_owned(), request_id: None, at }
    }
}

/// One change to record.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    /// The organisation whose data changed, if any.
    pub org_id: Option<i64>,
    /// What happened: `create`, `update`, `delete`, `login`, `read_personal`, …
    pub action: &'a str,
    /// The kind of thing: `organisation`, `user`, `membership`, `session`, …
    pub entity: &'a str,
    /// The thing's id.
    pub entity_id: String,
    /// The state before, where there was one.
    pub before: Option<Value>,
    /// The state after, where there is one.
    pub after: Option<Value>,
    /// Whether this entry records a read of personal data.
    pub personal_data: bool,
}

impl<'a> Change<'a> {
    /// An event without a before or after state (a login, a revocation, a password set), not a read of personal data.
    pub fn event(org_id: Option<i64>, action: &'a str, entity: &'a str, entity_id: String) -> Self {
        Self { org_id, action, entity, entity_id, before: None, after: None, personal_data: false }
    }
}

/// Writes one entry, on the connection or transaction that makes the change.
pub async fn record(conn: Conn<'_>, actor: &Actor, change: Change<'_>) -> Result<()> {
    sql::query(
        "INSERT INTO audit_log (at, actor_user_id, actor_label, org_id, action, entity, entity_id, \
         before_json, after_json, personal_data, request_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(timestamp::to_unix(actor.at))
    .bind(actor.user_id)
    .bind(&actor.label)
    .bind(change.org_id)
    .bind(change.action)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.before.map(|v| v.to_string()))
    .bind(change.after.map(|v| v.to_string()))
    .bind(i64::from(change.personal_data))
    .bind(&actor.request_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// One entry as read back.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Sequence number.
    pub id: i64,
    /// When.
    pub at: OffsetDateTime,
    /// The acting user's id, if a user acted.
    pub actor_user_id: Option<i64>,
    /// The actor's name at the time.
    pub actor_label: String,
    /// The organisation concerned.
    pub org_id: Option<i64>,
    /// What happened.
    pub action: String,
    /// The kind of thing.
    pub entity: String,
    /// The thing's id.
    pub entity_id: Option<String>,
    /// The state before (JSON).
    pub before: Option<String>,
    /// The state after (JSON).
    pub after: Option<String>,
    /// Whether it records a read of personal data.
    pub personal_data: bool,
    /// The request id.
    pub request_id: Option<String>,
}

/// Filters for the admin page; every field narrows the list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only entries about this organisation.
    pub org_id: Option<i64>,
    /// Only entries whose actor label contains this text.
    pub actor: Option<String>,
    /// Only this kind of thing.
    pub entity: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only reads of personal data.
    pub personal_only: bool,
    /// Only entries at or after this time.
    pub from: Option<OffsetDateTime>,
    /// Only entries before this time.
    pub until: Option<OffsetDateTime>,
    /// Only entries older than this id (for paging backwards).
    pub before_id: Option<i64>,
}

/// The newest entries matching the filter, newest first, at most `limit`.
pub async fn list(db: &Db, filter: &Filter, limit: i64) -> Result<Vec<Entry>> {
    // Each optional filter is bound as NULL when unused, so one statement serves every combination.
    let rows = sql::query(&format!(
        "SELECT {ENTRY_COLUMNS} FROM audit_log \
         WHERE ($1 IS NULL OR org_id = $1) \
         AND ($2 IS NULL OR {actor} LIKE $2 ESCAPE '\\') \
         AND ($3 IS NULL OR entity = $3) \
         AND ($4 IS NULL OR action = $4) \
         AND ($5 = 0 OR personal_data = 1) \
         AND ($6 IS NULL OR at >= $6) \
         AND ($7 IS NULL OR at < $7) \
         AND ($8 IS NULL OR id < $8) \
         ORDER BY id DESC LIMIT $9",
        actor = crate::like::lower(db.backend(), "actor_label"),
    ))
    .bind(filter.org_id)
    .bind(filter.actor.as_ref().map(|a| crate::like::contains(&crate::like::fold(a))))
    .bind(filter.entity.as_deref())
    .bind(filter.action.as_deref())
    .bind(i64::from(filter.personal_only))
    .bind(filter.from.map(timestamp::to_unix))
    .bind(filter.until.map(timestamp::to_unix))
    .bind(filter.before_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(entry_from_row).collect()
}

/// The newest changes about one organisation by the time they record, at most `limit` (the dashboard's recent
/// changes). [`list`] pages by id, which is insertion order; an entry written with an earlier time (a back-dated
/// import, the demo's history, a transaction that committed late) would sit above newer ones there. Reads of
/// personal data and the platform administrator's looks at a case are not changes: they stay in the audit log, and
/// would push the changes off a short list (each look is a line of its own).
pub async fn latest_of_org(db: &Db, org_id: i64, limit: i64) -> Result<Vec<Entry>> {
    let rows = sql::query(&format!(
        "SELECT {ENTRY_COLUMNS} FROM audit_log WHERE org_id = $1 AND action NOT IN ('read_personal', 'admin_open') \
         ORDER BY at DESC, id DESC LIMIT $2"
    ))
    .bind(org_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(entry_from_row).collect()
}

/// The columns [`entry_from_row`] reads, for every statement that lists entries.
pub(crate) const ENTRY_COLUMNS: &str = "id, at, actor_user_id, actor_label, org_id, action, entity, entity_id, \
     before_json, after_json, personal_data, request_id";

pub(crate) fn entry_from_row(row: &sql::Row) -> Result<Entry> {
    Ok(Entry {
        id: row.try_get("id")?,
        at: timestamp::from_unix(row.try_get("at")?),
        actor_user_id: row.try_get("actor_user_id")?,
        actor_label: row.try_get("actor_label")?,
        org_id: row.try_get("org_id")?,
        action: row.try_get("action")?,
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        before: row.try_get("before_json")?,
        after: row.try_get("after_json")?,
        personal_data: row.try_get::<i64, _>("personal_data")? != 0,
        request_id: row.try_get("request_id")?,
    })
}
