//! Outgoing mail. Every message is stored here first; with SMTP configured a job delivers it, without SMTP it stays
//! here, readable by platform admins, so a fresh machine works end to end.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use time::OffsetDateTime;

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Waiting for SMTP delivery.
    Queued,
    /// Delivered to the SMTP server.
    Sent,
    /// No SMTP configured: kept in the outbox for reading only.
    Held,
    /// Delivery failed for good.
    Failed,
}

impl Status {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Sent => "sent",
            Status::Held => "held",
            Status::Failed => "failed",
        }
    }

    fn parse(code: &str) -> Status {
        match code {
            "sent" => Status::Sent,
            "held" => Status::Held,
            "failed" => Status::Failed,
            _ => Status::Queued,
        }
    }
}

/// A stored message.
#[derive(Debug, Clone)]
pub struct Message {
    /// Database id.
    pub id: i64,
    /// When it was written.
    pub created_at: OffsetDateTime,
    /// Recipient address.
    pub to_address: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// Delivery status.
    pub status: Status,
    /// When it was delivered.
    pub sent_at: Option<OffsetDateTime>,
    /// The last delivery error.
    pub last_error: Option<String>,
}

fn from_row(row: &sql::Row) -> Result<Message> {
    Ok(Message {
        id: row.try_get("id")?,
        created_at: timestamp::from_unix(row.try_get("created_at")?),
        to_address: row.try_get("to_address")?,
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        status: Status::parse(&row.try_get::<String, _>("status")?),
        sent_at: row.try_get::<Option<i64>, _>("sent_at")?.map(timestamp::from_unix),
        last_error: row.try_get("last_error")?,
    })
}

const COLUMNS: &str = "id, created_at, to_address, subject, body, status, sent_at, last_error";

/// Stores a message in the transaction that caused it; returns its id.
pub async fn add(tx: &mut Tx, to: &str, subject: &str, body: &str, status: Status, at: OffsetDateTime) -> Result<i64> {
    let id = sql::query_scalar(
        "INSERT INTO outbox (created_at, to_address, subject, body, status) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(timestamp::to_unix(at))
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(status.code())
    .fetch_one(&mut *tx)
    .await?;
    Ok(id)
}

/// One message.
pub async fn get(db: &Db, id: i64) -> Result<Option<Message>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM outbox WHERE id = $1")).bind(id).fetch_optional(db).await?;
    row.as_ref().map(from_row).transpose()
}

/// One message, opened by a person to read: a message holds names, addresses and live links (a password reset), so
/// the read is recorded in the audit log, in the same transaction.
pub async fn open(db: &Db, actor: &Actor, id: i64) -> Result<Option<Message>> {
    let mut tx = db.begin().await?;
    let row =
        sql::query(&format!("SELECT {COLUMNS} FROM outbox WHERE id = $1")).bind(id).fetch_optional(&mut tx).await?;
    let Some(message) = row.as_ref().map(from_row).transpose()? else { return Ok(None) };
    let mut change = Change::event(None, "read_personal", "outbox_message", id.to_string());
    change.personal_data = true;
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(message))
}

/// Which of `addresses` belong to users of the platform. The outbox shows the platform's administrator the mail to
/// its users (resets, invitations, notices); mail to anyone else — tenants written to for their group's news — is the
/// corporation's persons' and is not shown there.
pub async fn users_among(db: &Db, addresses: &[&str]) -> Result<std::collections::HashSet<String>> {
    if addresses.is_empty() {
        return Ok(Default::default());
    }
    let statement = format!("SELECT email FROM users WHERE email IN ({})", sql::marks(1, addresses.len()));
    let mut query = sql::query_scalar::<String>(&statement);
    for address in addresses {
        query = query.bind(*address);
    }
    Ok(query.fetch_all(db).await?.into_iter().collect())
}

/// The newest messages, newest first.
pub async fn list(db: &Db, limit: i64) -> Result<Vec<Message>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1"))
        .bind(limit)
        .fetch_all(db)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Records the delivery outcome of a message.
pub async fn mark(db: &Db, id: i64, status: Status, at: OffsetDateTime, error: Option<&str>) -> Result<()> {
    sql::query("UPDATE outbox SET status = $1, sent_at = $2, last_error = $3 WHERE id = $4")
        .bind(status.code())
        .bind((status == Status::Sent).then(|| timestamp::to_unix(at)))
        .bind(error)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// How many days a message is kept in the outbox after it was written, unless the operator sets another number: it
/// holds names, addresses and links, and serves only to see what went out (ADR 0066).
pub const DEFAULT_KEEP_DAYS: i64 = 90;

/// Deletes every message written `keep_days` or more before `now` that is not waiting to be delivered; returns how
/// many, and records the number in the audit log.
pub async fn purge(db: &Db, now: OffsetDateTime, keep_days: i64, actor: &Actor) -> Result<u64> {
    let cutoff = timestamp::to_unix(now - time::Duration::days(keep_days.max(0)));
    let mut tx = db.begin().await?;
    let deleted = sql::query("DELETE FROM outbox WHERE created_at <= $1 AND status <> $2")
        .bind(cutoff)
        .bind(Status::Queued.code())
        .execute(&mut tx)
        .await?
        .rows_affected();
    if deleted > 0 {
        let mut change = Change::event(None, "purge_personal", "outbox_message", "retention".into());
        change.after = Some(serde_json::json!({ "deleted": deleted }));
        audit::record(tx.conn(), actor, change).await?;
    }
    tx.commit().await?;
    Ok(deleted)
}
