//! Calendar feeds: one secret iCalendar address per user (ADR 0034), made, replaced and revoked by that user on
//! their account page and fetched by a calendar app without a session. Only the secret's SHA-256 is stored, as for
//! sessions and API tokens; the secret is shown once.
//!
//! The feed only says *who* asks. What it lists is decided at every fetch from the user's memberships as they are
//! then, by the same checks the pages make (the web layer's `calendar_feed` module).

use crate::audit::{self, Actor, Change};
use crate::sessions::{hash_token, new_token};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError};
use time::OffsetDateTime;

/// Every feed secret starts with this, so a leaked one is recognisable (and findable by secret scanners).
pub const PREFIX: &str = "vhc_";

/// A user's feed as the account page lists it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// When the current secret was made.
    pub created_at: OffsetDateTime,
    /// When a calendar app last fetched it.
    pub last_used_at: Option<OffsetDateTime>,
}

/// The user's feed, if they have one.
pub async fn feed_of(db: &Db, user_id: i64) -> Result<Option<Feed>> {
    let row = sql::query("SELECT created_at, last_used_at FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await?;
    row.map(|r| {
        Ok(Feed {
            created_at: timestamp::from_unix(r.try_get("created_at")?),
            last_used_at: r.try_get::<Option<i64>, _>("last_used_at")?.map(timestamp::from_unix),
        })
    })
    .transpose()
}

/// Makes the user's feed, or gives it a new secret (the old address stops working at once); returns the secret,
/// to be shown once.
pub async fn create(db: &Db, actor: &Actor, user_id: i64) -> Result<String> {
    let secret = format!("{PREFIX}{}", new_token());
    let mut tx = db.begin().await?;
    let existed: Option<i64> = sql::query_scalar("SELECT id FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut tx)
        .await?;
    sql::query(
        "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at, \
         last_used_at = NULL",
    )
    .bind(user_id)
    .bind(hash_token(&secret))
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let action = if existed.is_some() { "regenerate" } else { "create" };
    audit::record(tx.conn(), actor, Change::event(None, action, "calendar_feed", user_id.to_string())).await?;
    tx.commit().await?;
    Ok(secret)
}

/// Revokes the user's feed: its address answers 404 from now on. `NotFound` when there is none.
pub async fn revoke(db: &Db, actor: &Actor, user_id: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    let done = sql::query("DELETE FROM calendar_feeds WHERE user_id = $1").bind(user_id).execute(&mut tx).await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    audit::record(tx.conn(), actor, Change::event(None, "revoke", "calendar_feed", user_id.to_string())).await?;
    tx.commit().await?;
    Ok(())
}

/// The feed behind a secret, if it is live: `(feed id, user id)`. Notes the use (at most once a minute, so a
/// polling app does not write at every fetch).
pub async fn authenticate(db: &Db, secret: &str, now: OffsetDateTime) -> Result<Option<(i64, i64)>> {
    if !secret.starts_with(PREFIX) {
        return Ok(None);
    }
    let row = sql::query("SELECT id, user_id, last_used_at FROM calendar_feeds WHERE token_hash = $1")
        .bind(hash_token(secret))
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let (id, user_id): (i64, i64) = (row.try_get("id")?, row.try_get("user_id")?);
    let last: Option<i64> = row.try_get("last_used_at")?;
    if last.is_none_or(|l| timestamp::to_unix(now) - l >= 60) {
        sql::query("UPDATE calendar_feeds SET last_used_at = $1 WHERE id = $2")
            .bind(timestamp::to_unix(now))
            .bind(id)
            .execute(db)
            .await?;
    }
    Ok(Some((id, user_id)))
}
