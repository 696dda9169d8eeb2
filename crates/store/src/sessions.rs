//! Server-side sessions. The browser holds a random token; the database holds its SHA-256 hash.

use crate::audit::{self, Actor, Change};
use crate::orgs::Organisation;
use crate::sql;
use crate::users::User;
use crate::{timestamp, Db, Result, StoreError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use volkshuis_domain::access::Role;
use volkshuis_domain::account::SessionLifetime;

/// A live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The logged-in user.
    pub user_id: i64,
    /// The organisation the user is working in, if chosen.
    pub active_org_id: Option<i64>,
    /// When the user logged in.
    pub created_at: OffsetDateTime,
}

/// A new random secret token (256 bits), URL-safe.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a secret token.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for a user who just proved who they are; returns the token for the cookie.
pub async fn create(db: &Db, actor: &Actor, user_id: i64, active_org_id: Option<i64>) -> Result<String> {
    let token = new_token();
    let now = actor.at;
    let mut tx = db.begin().await?;
    sql::query(
        "INSERT INTO sessions (token_hash, user_id, active_org_id, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(user_id)
    .bind(active_org_id)
    .bind(timestamp::to_unix(now))
    .bind(timestamp::to_unix(SessionLifetime::expires_at(now, now)))
    .execute(&mut tx)
    .await?;
    let change = Change::event(None, "login", "session", user_id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(token)
}

/// The live session for a token, refreshing its idle timer; `None` when unknown or expired.
pub async fn lookup(db: &Db, token: &str, now: OffsetDateTime) -> Result<Option<Session>> {
    Ok(lookup_signed_in(db, token, now).await?.map(|signed_in| signed_in.session))
}

/// A live session with its user and the user's organisations: what every page needs to know about who asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    /// The session.
    pub session: Session,
    /// Its user.
    pub user: User,
    /// The user's organisations with the role in each, by name.
    pub memberships: Vec<(Organisation, Role)>,
    /// How many notices the user has not read (the count beside the header's link to them).
    pub unread_notices: i64,
}

/// The live session for a token, its user and the user's memberships, in one query (every page asks this first),
/// refreshing the idle timer; `None` when unknown or expired. The memberships come as one row each (the session and
/// user repeated), so a user in no organisation still gets one row, with the organisation's columns empty.
pub async fn lookup_signed_in(db: &Db, token: &str, now: OffsetDateTime) -> Result<Option<SignedIn>> {
    let hash = hash_token(token);
    let rows = sql::query(
        "SELECT s.active_org_id, s.created_at AS session_created_at, s.last_seen_at, \
         u.id, u.email, u.name, u.is_platform_admin, u.locale, u.active, u.created_at, \
         o.id AS org_id, o.code AS org_code, o.name AS org_name, o.kind AS org_kind, o.created_at AS org_created_at, \
         m.role, \
         (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread_notices \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN organisations o ON o.id = m.org_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 ORDER BY o.name, o.id",
    )
    .bind(&hash)
    .bind(timestamp::to_unix(now))
    .fetch_all(db)
    .await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let user = crate::users::from_row(first)?;
    let created_at = timestamp::from_unix(first.try_get("session_created_at")?);
    let last_seen = timestamp::from_unix(first.try_get("last_seen_at")?);
    let mut memberships = Vec::with_capacity(rows.len());
    for row in &rows {
        if row.try_get::<Option<i64>, _>("org_id")?.is_some() {
            memberships
                .push((crate::orgs::from_prefixed_row(row, "org_")?, crate::users::role_from(row.try_get("role")?)?));
        }
    }
    // Refresh at most once a minute: a page view should not always cost a write.
    if now - last_seen >= Duration::minutes(1) {
        refresh(db, &hash, now, SessionLifetime::expires_at(created_at, now)).await?;
    }
    let session = Session { user_id: user.id, active_org_id: first.try_get("active_org_id")?, created_at };
    let unread_notices = first.try_get("unread_notices")?;
    Ok(Some(SignedIn { session, user, memberships, unread_notices }))
}

/// Moves a session's last sight and end on, as far as the database lets it at once. On SQLite a long write (a stock
/// import from the command line) holds the one write lock for minutes: a page that waited for it to refresh a session
/// answered 503 after ten seconds, for every signed-in user, though it only reads. The refresh then waits for nothing
/// and is left to a later page (the session's end is hours away); PostgreSQL locks the one row and never waits.
async fn refresh(db: &Db, hash: &str, now: OffsetDateTime, expires_at: OffsetDateTime) -> Result<()> {
    let update = sql::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
        .bind(timestamp::to_unix(now))
        .bind(timestamp::to_unix(expires_at))
        .bind(hash);
    if db.backend() == crate::Backend::Postgres {
        update.execute(db).await?;
        return Ok(());
    }
    let mut pooled = db.acquire_without_waiting().await?;
    match update.execute(pooled.conn()).await.map_err(StoreError::from) {
        Err(StoreError::Busy) => {
            tracing::debug!("session not refreshed: the database is busy with a long write");
            Ok(())
        }
        done => done.map(|_| ()),
    }
}

/// Chooses the organisation a session works in (audited: it decides what the user then sees first), and remembers
/// it for the user's next log-in (see [`crate::dashboard::remembered_org`]).
pub async fn set_active_org(db: &Db, actor: &Actor, token: &str, org_id: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    sql::query("UPDATE sessions SET active_org_id = $1 WHERE token_hash = $2")
        .bind(org_id)
        .bind(hash_token(token))
        .execute(&mut tx)
        .await?;
    if let Some(user_id) = actor.user_id {
        crate::dashboard::remember_org(tx.conn(), user_id, org_id, actor.at).await?;
    }
    let change = Change {
        org_id: Some(org_id),
        action: "switch_organisation",
        entity: "session",
        entity_id: actor.user_id.map(|id| id.to_string()).unwrap_or_default(),
        before: None,
        after: Some(serde_json::json!({ "active_org_id": org_id })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a session (logout).
pub async fn end(db: &Db, actor: &Actor, token: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let ended =
        sql::query("DELETE FROM sessions WHERE token_hash = $1").bind(hash_token(token)).execute(&mut tx).await?;
    if ended.rows_affected() > 0 {
        let change =
            Change::event(None, "logout", "session", actor.user_id.map(|id| id.to_string()).unwrap_or_default());
        audit::record(tx.conn(), actor, change).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes expired sessions; returns how many.
pub async fn purge_expired(db: &Db, now: OffsetDateTime) -> Result<u64> {
    let done =
        sql::query("DELETE FROM sessions WHERE expires_at <= $1").bind(timestamp::to_unix(now)).execute(db).await?;
    Ok(done.rows_affected())
}
