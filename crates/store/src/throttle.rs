//! Failed logins, counted per account and per address for the throttling rule in the domain crate.

use crate::sql;
use crate::{timestamp, Db, Result};
use time::OffsetDateTime;
use volkshuis_domain::account::LoginThrottle;

/// Records a failed login for an account (the address typed, normalised) from a network address.
pub async fn record_failure(db: &Db, account: &str, address: &str, at: OffsetDateTime) -> Result<()> {
    sql::query("INSERT INTO login_failures (account, address, at) VALUES ($1, $2, $3)")
        .bind(account)
        .bind(address)
        .bind(timestamp::to_unix(at))
        .execute(db)
        .await?;
    Ok(())
}

/// Until when logins for this account or from this address are locked, if they are.
pub async fn locked_until(
    db: &Db,
    account: &str,
    address: &str,
    now: OffsetDateTime,
) -> Result<Option<OffsetDateTime>> {
    let since = timestamp::to_unix(now - LoginThrottle::WINDOW);
    let mut lock = None;
    for (column, value) in [("account", account), ("address", address)] {
        let times: Vec<i64> =
            sql::query_scalar(&format!("SELECT at FROM login_failures WHERE {column} = $1 AND at > $2"))
                .bind(value)
                .bind(since)
                .fetch_all(db)
                .await?;
        let times: Vec<OffsetDateTime> = times.into_iter().map(timestamp::from_unix).collect();
        lock = lock.max(LoginThrottle::locked_until(&times, now));
    }
    Ok(lock)
}

/// Forgets an account's failures after a successful login (the address's failures stay: they guard against
/// one address trying many accounts).
pub async fn clear_account(db: &Db, account: &str) -> Result<()> {
    // Detach rather than delete: the rows still count against the addresses they came from.
    sql::query("UPDATE login_failures SET account = '' WHERE account = $1").bind(account).execute(db).await?;
    Ok(())
}

/// Deletes failures too old to count; returns how many.
pub async fn purge_old(db: &Db, now: OffsetDateTime) -> Result<u64> {
    let done = sql::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(timestamp::to_unix(now - LoginThrottle::WINDOW))
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
