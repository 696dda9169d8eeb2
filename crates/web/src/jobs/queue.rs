//! The web crate's one door to the store's job queue (`volkshuis_store::jobs`): every call to it is here, so a
//! change of the store's queue API is met in this file alone. Thin on purpose: no rules, only the calls.

use time::{Duration, OffsetDateTime};
use volkshuis_store::{job_workers, jobs};
use volkshuis_store::{Db, StoreError, Tx};

/// A claimed job as the store hands it out (kind, JSON payload, attempts).
pub(crate) type Job = jobs::Job;

/// Inserts a job row in `tx` (see [`super::enqueue`], the typed way in).
pub(crate) async fn enqueue(
    tx: &mut Tx,
    kind: &str,
    payload: &str,
    run_at: OffsetDateTime,
    dedupe_key: Option<&str>,
    now: OffsetDateTime,
) -> Result<Option<i64>, StoreError> {
    jobs::enqueue(&mut *tx, kind, payload, run_at, dedupe_key, now).await
}

/// Claims the next due job for `lease`, for `worker` (`None`: the tests' hook, which has no heartbeat).
pub(crate) async fn claim_next(
    db: &Db,
    worker: Option<&str>,
    now: OffsetDateTime,
    lease: Duration,
) -> Result<Option<Job>, StoreError> {
    jobs::claim_next(db, worker, now, lease).await
}

/// Registers a worker.
pub(crate) async fn register(
    db: &Db,
    id: &str,
    instance: Option<&str>,
    pid: i64,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    job_workers::register(db, id, instance, pid, now).await
}

/// A worker's heartbeat; `false` when it must register again.
pub(crate) async fn heartbeat(db: &Db, id: &str, now: OffsetDateTime, lease: Duration) -> Result<bool, StoreError> {
    job_workers::heartbeat(db, id, now, lease).await
}

/// The registered workers.
pub(crate) async fn workers(db: &Db) -> Result<Vec<job_workers::Worker>, StoreError> {
    job_workers::list(db).await
}

/// Forgets the workers that are gone and puts their jobs back.
pub(crate) async fn recover(
    db: &Db,
    gone: &[String],
    silent_since: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    job_workers::recover(db, gone, silent_since, now).await
}

/// Marks a job done.
pub(crate) async fn complete(db: &Db, id: i64, now: OffsetDateTime) -> Result<(), StoreError> {
    jobs::complete(db, id, now).await
}

/// Records a failed attempt: retried at `retry_at`, or given up when the job has used its attempts.
pub(crate) async fn fail(
    db: &Db,
    job: &Job,
    error: &str,
    now: OffsetDateTime,
    retry_at: OffsetDateTime,
) -> Result<(), StoreError> {
    jobs::fail(db, job, error, now, retry_at).await
}

/// Jobs per status, for the metrics endpoint.
pub(crate) async fn counts(db: &Db) -> Result<Vec<(String, i64)>, StoreError> {
    jobs::counts(db).await
}
