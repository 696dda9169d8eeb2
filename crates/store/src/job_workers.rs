//! The workers that run jobs, each with an id and a heartbeat (ADR 0030).
//!
//! A claimed job carries its worker's id. While the worker lives, its heartbeat renews its jobs' leases, so a long
//! job is never taken over; when it dies, its jobs are put back by [`recover`] as soon as the worker is known to be
//! gone: at once when the caller knows its process has ended (a restart on the same machine), and otherwise when
//! its heartbeat is older than the caller's cut-off. The lease stays the last resort for jobs claimed without a
//! worker (before this table existed, or by the tests' hook).

use crate::sql;
use crate::{timestamp, Db, Result};
use time::{Duration, OffsetDateTime};

/// A registered worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worker {
    /// Its id (random, new for every start).
    pub id: String,
    /// The machine and process namespace it ran in, when known (see the web crate's `jobs::instance`).
    pub instance: Option<String>,
    /// Its process id within that instance.
    pub pid: i64,
    /// Its last heartbeat.
    pub heartbeat_at: OffsetDateTime,
}

/// Registers a worker (again, if it was declared gone while it still lived).
pub async fn register(db: &Db, id: &str, instance: Option<&str>, pid: i64, now: OffsetDateTime) -> Result<()> {
    sql::query(
        "INSERT INTO job_workers (id, instance, pid, started_at, heartbeat_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at",
    )
    .bind(id)
    .bind(instance)
    .bind(pid)
    .bind(timestamp::to_unix(now))
    .execute(db)
    .await?;
    Ok(())
}

/// A worker's heartbeat: notes that it lives and renews the lease of the jobs it runs to `now + lease`. Returns
/// `false` when the worker was no longer registered (it was silent too long and declared gone; its jobs were put
/// back): it must [`register`] again.
pub async fn heartbeat(db: &Db, id: &str, now: OffsetDateTime, lease: Duration) -> Result<bool> {
    let mut tx = db.begin().await?;
    let known = sql::query("UPDATE job_workers SET heartbeat_at = $1 WHERE id = $2")
        .bind(timestamp::to_unix(now))
        .bind(id)
        .execute(&mut tx)
        .await?
        .rows_affected()
        > 0;
    if known {
        sql::query("UPDATE jobs SET locked_until = $1 WHERE worker_id = $2 AND status = 'running'")
            .bind(timestamp::to_unix(now + lease))
            .bind(id)
            .execute(&mut tx)
            .await?;
    }
    tx.commit().await?;
    Ok(known)
}

/// Every registered worker, for the caller to see which of them are gone.
pub async fn list(db: &Db) -> Result<Vec<Worker>> {
    let rows = sql::query("SELECT id, instance, pid, heartbeat_at FROM job_workers ORDER BY id").fetch_all(db).await?;
    rows.iter()
        .map(|row| {
            Ok(Worker {
                id: row.try_get("id")?,
                instance: row.try_get("instance")?,
                pid: row.try_get("pid")?,
                heartbeat_at: timestamp::from_unix(row.try_get("heartbeat_at")?),
            })
        })
        .collect()
}

/// Forgets the workers in `gone` (known to have ended) and those silent since before `silent_since`, and puts the
/// jobs they were running back: due again at once, the interrupted run counted as an attempt (so a job that kills
/// its worker every time is given up after its attempts, not retried for ever). Returns how many jobs were put
/// back. One transaction, so a job is never left with a forgotten worker.
pub async fn recover(db: &Db, gone: &[String], silent_since: OffsetDateTime, now: OffsetDateTime) -> Result<u64> {
    let mut tx = db.begin().await?;
    for id in gone {
        sql::query("DELETE FROM job_workers WHERE id = $1").bind(id.as_str()).execute(&mut tx).await?;
    }
    sql::query("DELETE FROM job_workers WHERE heartbeat_at < $1")
        .bind(timestamp::to_unix(silent_since))
        .execute(&mut tx)
        .await?;
    let released = sql::query(
        "UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END, \
         finished_at = CASE WHEN attempts >= max_attempts THEN $1 ELSE NULL END, \
         run_at = $1, locked_until = NULL, worker_id = NULL, \
         last_error = 'its worker stopped while running it' \
         WHERE status = 'running' AND worker_id IS NOT NULL \
         AND worker_id NOT IN (SELECT id FROM job_workers)",
    )
    .bind(timestamp::to_unix(now))
    .execute(&mut tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(released)
}
