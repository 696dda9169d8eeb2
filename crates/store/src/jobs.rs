//! Background jobs: typed work in a table, claimed with a lease so a crashed worker's job runs again later.
//!
//! The claim is one UPDATE that both engines run atomically: SQLite has one writer at a time, and PostgreSQL picks
//! the job with `FOR UPDATE SKIP LOCKED`, so two servers on one database never run the same job twice and never
//! wait for each other (see [`claim_sql`]).

use crate::sql::{self, Exec};
use crate::Backend;
use crate::{timestamp, Db, Result};
use time::{Duration, OffsetDateTime};

/// A claimed job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Database id.
    pub id: i64,
    /// What to do (the worker's dispatch key).
    pub kind: String,
    /// The job's arguments, as JSON.
    pub payload: String,
    /// How many times it was claimed, this time included.
    pub attempts: i64,
    /// How many claims it gets before it is given up.
    pub max_attempts: i64,
}

/// Schedules a job. With a `dedupe_key`, a job with the same key is scheduled only once (so a reminder is not
/// queued twice); returns the new id, or `None` when the key already existed.
pub async fn enqueue<'c>(
    on: impl Exec<'c> + 'c,
    kind: &str,
    payload: &str,
    run_at: OffsetDateTime,
    dedupe_key: Option<&str>,
    now: OffsetDateTime,
) -> Result<Option<i64>> {
    Ok(sql::query_scalar(
        "INSERT INTO jobs (kind, payload, dedupe_key, run_at, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(kind)
    .bind(payload)
    .bind(dedupe_key)
    .bind(timestamp::to_unix(run_at))
    .bind(timestamp::to_unix(now))
    .fetch_optional(on)
    .await?)
}

/// Claims the next due job for `lease`, for `worker` (a registered [`crate::job_workers`] id, whose heartbeat
/// renews the lease while it lives; `None` for a caller that runs jobs without registering, the tests' hook). A job
/// whose lease ran out is due again. `on` is usually the pool; a transaction holds the claim's row lock until it
/// ends (the tests use that to hold one claim open).
pub async fn claim_next<'c>(
    on: impl Exec<'c> + 'c,
    worker: Option<&str>,
    now: OffsetDateTime,
    lease: Duration,
) -> Result<Option<Job>> {
    let now_s = timestamp::to_unix(now);
    let row = sql::query(claim_sql(on.backend()))
        .bind(now_s)
        .bind(timestamp::to_unix(now + lease))
        .bind(worker)
        .fetch_optional(on)
        .await?;
    row.map(|row| {
        Ok(Job {
            id: row.try_get("id")?,
            kind: row.try_get("kind")?,
            payload: row.try_get("payload")?,
            attempts: row.try_get("attempts")?,
            max_attempts: row.try_get("max_attempts")?,
        })
    })
    .transpose()
}

/// The claim, per engine: the one place where they differ.
///
/// - PostgreSQL: the due job is picked with `FOR UPDATE SKIP LOCKED`, so a second server passes over a job that the
///   first is claiming and takes the next one. Without it, both picked the same job; the second waited for the
///   first's lock, then found the job taken and claimed nothing, so it idled until its next round while jobs were
///   due (the test `a_claim_in_progress_is_passed_over` waits on that).
/// - SQLite has one writer at a time, so the pick and the update cannot interleave; it has no `FOR UPDATE`. The
///   conditions are checked again on the row updated, as a guard.
fn claim_sql(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => {
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2, worker_id = $3 \
             WHERE id = (SELECT id FROM jobs WHERE run_at <= $1 AND attempts < max_attempts \
                         AND (status = 'pending' OR (status = 'running' AND locked_until < $1)) \
                         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, payload, attempts, max_attempts"
        }
        Backend::Sqlite => {
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2, worker_id = $3 \
             WHERE id = (SELECT id FROM jobs WHERE run_at <= $1 AND attempts < max_attempts \
                         AND (status = 'pending' OR (status = 'running' AND locked_until < $1)) \
                         ORDER BY run_at, id LIMIT 1) \
             AND run_at <= $1 AND attempts < max_attempts \
             AND (status = 'pending' OR (status = 'running' AND locked_until < $1)) \
             RETURNING id, kind, payload, attempts, max_attempts"
        }
    }
}

/// Marks a job done.
pub async fn complete(db: &Db, id: i64, now: OffsetDateTime) -> Result<()> {
    sql::query(
        "UPDATE jobs SET status = 'done', finished_at = $1, locked_until = NULL, worker_id = NULL WHERE id = $2",
    )
    .bind(timestamp::to_unix(now))
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Records a failed run: the job is retried at `retry_at`, or given up when it has used its attempts.
pub async fn fail(db: &Db, job: &Job, error: &str, now: OffsetDateTime, retry_at: OffsetDateTime) -> Result<()> {
    let given_up = job.attempts >= job.max_attempts;
    sql::query(
        "UPDATE jobs SET status = $1, last_error = $2, run_at = $3, locked_until = NULL, finished_at = $4, \
         worker_id = NULL WHERE id = $5",
    )
    .bind(if given_up { "failed" } else { "pending" })
    .bind(error)
    .bind(timestamp::to_unix(retry_at))
    .bind(given_up.then(|| timestamp::to_unix(now)))
    .bind(job.id)
    .execute(db)
    .await?;
    Ok(())
}

/// Counts of jobs per status, for the metrics endpoint and the admin page.
pub async fn counts(db: &Db) -> Result<Vec<(String, i64)>> {
    let rows =
        sql::query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status ORDER BY status").fetch_all(db).await?;
    rows.iter().map(|r| Ok((r.try_get("status")?, r.try_get("n")?))).collect()
}
