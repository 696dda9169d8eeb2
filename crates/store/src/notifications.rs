//! In-app notices per user (reminders of deadlines and the like), shown on the dashboard until read.

use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use time::OffsetDateTime;

/// A notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Database id.
    pub id: i64,
    /// The organisation it concerns.
    pub org_id: i64,
    /// The text (already in the user's language).
    pub text: String,
    /// Where it leads (a local path).
    pub link: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// Adds a notice for a user.
pub async fn add(tx: &mut Tx, user_id: i64, org_id: i64, text: &str, link: &str, now: OffsetDateTime) -> Result<()> {
    sql::query("INSERT INTO notifications (user_id, org_id, text, link, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(user_id)
        .bind(org_id)
        .bind(text)
        .bind(link)
        .bind(timestamp::to_unix(now))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// A user's unread notices, newest first.
pub async fn unread(db: &Db, user_id: i64, limit: i64) -> Result<Vec<Notification>> {
    let rows = sql::query(
        "SELECT id, org_id, text, link, created_at FROM notifications WHERE user_id = $1 AND read_at IS NULL \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Notification {
                id: row.try_get("id")?,
                org_id: row.try_get("org_id")?,
                text: row.try_get("text")?,
                link: row.try_get("link")?,
                created_at: timestamp::from_unix(row.try_get("created_at")?),
            })
        })
        .collect()
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
