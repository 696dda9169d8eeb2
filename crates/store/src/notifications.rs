//! In-app notices per user (the other side's steps, reminders of deadlines), shown on the dashboard until read; a
//! notice for a user who chose the daily digest also waits for it (ADR 0033).

use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use time::OffsetDateTime;

/// A notice's line in both languages of the interface: it is shown in the language its reader has when reading it,
/// not the one the reader had when it was sent (ADR 0060).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lines {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

/// A notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Database id.
    pub id: i64,
    /// The organisation it concerns.
    pub org_id: i64,
    /// The Dutch line; for a notice sent before schema 54, its one line in the language its reader had then.
    pub text: String,
    /// The English line (none before schema 54).
    pub text_en: Option<String>,
    /// Where it leads (a local path).
    pub link: String,
    /// When.
    pub created_at: OffsetDateTime,
}

impl Notification {
    /// The line in the language of `locale` (a user's `locale`, "nl" or "en").
    pub fn text_in(&self, locale: &str) -> &str {
        match (locale, &self.text_en) {
            ("en", Some(english)) => english,
            _ => &self.text,
        }
    }
}

/// Adds a notice for a user.
pub async fn add(tx: &mut Tx, user_id: i64, org_id: i64, lines: &Lines, link: &str, now: OffsetDateTime) -> Result<()> {
    insert(tx, user_id, org_id, lines, link, now, false).await
}

/// Adds a notice for a user that also waits for the user's daily digest (see [`take_digest`]).
pub async fn add_for_digest(
    tx: &mut Tx,
    user_id: i64,
    org_id: i64,
    lines: &Lines,
    link: &str,
    now: OffsetDateTime,
) -> Result<()> {
    insert(tx, user_id, org_id, lines, link, now, true).await
}

async fn insert(
    tx: &mut Tx,
    user_id: i64,
    org_id: i64,
    lines: &Lines,
    link: &str,
    now: OffsetDateTime,
    digest: bool,
) -> Result<()> {
    sql::query(
        "INSERT INTO notifications (user_id, org_id, text, text_en, link, created_at, digest_pending) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(user_id)
    .bind(org_id)
    .bind(&lines.nl)
    .bind(&lines.en)
    .bind(link)
    .bind(timestamp::to_unix(now))
    .bind(i64::from(digest))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

fn from_row(row: &sql::Row) -> Result<Notification> {
    Ok(Notification {
        id: row.try_get("id")?,
        org_id: row.try_get("org_id")?,
        text: row.try_get("text")?,
        text_en: row.try_get("text_en")?,
        link: row.try_get("link")?,
        created_at: timestamp::from_unix(row.try_get("created_at")?),
    })
}

/// A user's unread notices, newest first.
pub async fn unread(db: &Db, user_id: i64, limit: i64) -> Result<Vec<Notification>> {
    let rows = sql::query(
        "SELECT id, org_id, text, text_en, link, created_at FROM notifications WHERE user_id = $1 AND read_at IS NULL \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Marks one of the user's notices read; another user's id changes nothing.
pub async fn mark_read(db: &Db, user_id: i64, id: i64, now: OffsetDateTime) -> Result<bool> {
    let done = sql::query("UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL")
        .bind(timestamp::to_unix(now))
        .bind(id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Marks read the user's notices that lead to `link` (the work they announced is done); returns how many.
pub async fn mark_read_leading_to(db: &Db, user_id: i64, link: &str, now: OffsetDateTime) -> Result<u64> {
    let done = sql::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND link = $3 AND read_at IS NULL")
        .bind(timestamp::to_unix(now))
        .bind(user_id)
        .bind(link)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// How many notices the user has not read.
pub async fn unread_count(db: &Db, user_id: i64) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .fetch_one(db)
        .await?)
}

/// Marks all of the user's notices read; returns how many were unread.
pub async fn mark_all_read(db: &Db, user_id: i64, now: OffsetDateTime) -> Result<u64> {
    let done = sql::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
        .bind(timestamp::to_unix(now))
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// How many of the user's notices wait for the daily digest.
pub async fn awaiting_digest(db: &Db, user_id: i64) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND digest_pending = 1")
        .bind(user_id)
        .fetch_one(db)
        .await?)
}

/// The users with notices waiting for a digest.
pub async fn users_awaiting_digest(db: &Db) -> Result<Vec<i64>> {
    Ok(sql::query_scalar("SELECT DISTINCT user_id FROM notifications WHERE digest_pending = 1 ORDER BY user_id")
        .fetch_all(db)
        .await?)
}

/// Takes the notices waiting for the user's digest, oldest first: they no longer wait once `tx` commits. One
/// UPDATE takes them, so two digests running at once (two workers, a job run twice) share them out and never both
/// mail one: on PostgreSQL the second waits for the first's row locks and then finds them taken; SQLite has one writer.
pub async fn take_digest(tx: &mut Tx, user_id: i64) -> Result<Vec<Notification>> {
    let rows = sql::query(
        "UPDATE notifications SET digest_pending = 0 WHERE user_id = $1 AND digest_pending = 1 \
         RETURNING id, org_id, text, text_en, link, created_at",
    )
    .bind(user_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut taken = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    taken.sort_by_key(|n| n.id);
    Ok(taken)
}
