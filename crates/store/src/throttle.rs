//! Throttling events (failed logins, reset mails, public lookups), counted per namespace and subject for the
//! growing-delay rule in the domain crate (`volkshuis_domain::throttle`, ADR 0028).
//!
//! Subjects are stored as their SHA-256: the table then holds no e-mail or network addresses (typed ones included,
//! however mistyped), and a subject of any length takes 64 characters.

use crate::sessions::hash_token;
use crate::sql;
use crate::{timestamp, Db, Result};
use time::OffsetDateTime;
use volkshuis_domain::throttle::Namespace;

/// Records an event for a subject (an account–address pair, an address, a typed e-mail address) at `at`.
pub async fn record(db: &Db, namespace: Namespace, subject: &str, at: OffsetDateTime) -> Result<()> {
    sql::query("INSERT INTO throttle_events (namespace, subject, at) VALUES ($1, $2, $3)")
        .bind(namespace.code())
        .bind(hash_token(subject))
        .bind(timestamp::to_unix(at))
        .execute(db)
        .await?;
    Ok(())
}

/// Until when the next attempt for this subject must wait under its namespace's rule, or `None` when it may be
/// made now.
pub async fn wait_until(
    db: &Db,
    namespace: Namespace,
    subject: &str,
    now: OffsetDateTime,
) -> Result<Option<OffsetDateTime>> {
    let rule = namespace.rule();
    let times: Vec<i64> =
        sql::query_scalar("SELECT at FROM throttle_events WHERE namespace = $1 AND subject = $2 AND at > $3")
            .bind(namespace.code())
            .bind(hash_token(subject))
            .bind(timestamp::to_unix(now - rule.window))
            .fetch_all(db)
            .await?;
    let times: Vec<OffsetDateTime> = times.into_iter().map(timestamp::from_unix).collect();
    Ok(rule.wait_until(&times, now))
}

/// Forgets a subject's events in one namespace (an account–address pair after a successful login).
pub async fn clear(db: &Db, namespace: Namespace, subject: &str) -> Result<()> {
    sql::query("DELETE FROM throttle_events WHERE namespace = $1 AND subject = $2")
        .bind(namespace.code())
        .bind(hash_token(subject))
        .execute(db)
        .await?;
    Ok(())
}

/// Deletes events too old to count in their namespace; returns how many.
pub async fn purge_old(db: &Db, now: OffsetDateTime) -> Result<u64> {
    let mut purged = 0;
    for namespace in Namespace::ALL {
        let done = sql::query("DELETE FROM throttle_events WHERE namespace = $1 AND at <= $2")
            .bind(namespace.code())
            .bind(timestamp::to_unix(now - namespace.rule().window))
            .execute(db)
            .await?;
        purged += done.rows_affected();
    }
    Ok(purged)
}

/// The subject for the login-by-account namespace: the account *and* the client address, so failures from one
/// address never delay the account's owner at another (ADR 0028).
pub fn account_from(account: &str, address: &str) -> String {
    format!("{account}\n{address}")
}
