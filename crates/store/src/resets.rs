//! Password-reset tokens: single use, short-lived, stored hashed.

use crate::sessions::{hash_token, new_token};
use crate::sql;
use crate::{timestamp, Result, Tx};
use time::{Duration, OffsetDateTime};

/// How long a reset link works.
pub const VALID_FOR: Duration = Duration::hours(1);
/// How long the link in a welcome mail (to choose a first password) works.
pub const INVITATION_VALID_FOR: Duration = Duration::days(7);

/// Creates a reset token for a user, valid for `valid_for`; returns the secret for the link. The user's older unused
/// links stop working: only the newest mail counts, so a link left in an old mailbox or a forwarded mail is dead.
pub async fn create(tx: &mut Tx, user_id: i64, now: OffsetDateTime, valid_for: Duration) -> Result<String> {
    revoke_unused(tx, user_id).await?;
    let token = new_token();
    sql::query("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(hash_token(&token))
        .bind(user_id)
        .bind(timestamp::to_unix(now))
        .bind(timestamp::to_unix(now + valid_for))
        .execute(&mut *tx)
        .await?;
    Ok(token)
}

/// The user a live, unused token belongs to, without using it up (to show the form).
pub async fn peek(tx: &mut Tx, token: &str, now: OffsetDateTime) -> Result<Option<i64>> {
    Ok(sql::query_scalar(
        "SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(hash_token(token))
    .bind(timestamp::to_unix(now))
    .fetch_optional(&mut *tx)
    .await?)
}

/// Uses a token up; returns its user when it was live and unused. Conditional on `used_at IS NULL`, so two
/// simultaneous uses cannot both succeed.
pub async fn consume(tx: &mut Tx, token: &str, now: OffsetDateTime) -> Result<Option<i64>> {
    Ok(sql::query_scalar(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(timestamp::to_unix(now))
    .bind(hash_token(token))
    .fetch_optional(&mut *tx)
    .await?)
}

/// Makes every unused link of a user useless (a newer link was sent, or the password was set).
pub async fn revoke_unused(tx: &mut Tx, user_id: i64) -> Result<u64> {
    let done = sql::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected())
}
