//! Background jobs, typed: every kind of work is a type that implements [`BackgroundJob`] (in the style of
//! crates.io's `BackgroundJob`). The type is its own payload (serde, stored as JSON in the `jobs` table beside its
//! [`BackgroundJob::KIND`]) and lives in the context it belongs to: mail delivery in `mail.rs`, overleg and
//! social-return reminders in `handlers/overleg/jobs.rs` and `handlers/socialreturn/jobs.rs`, housekeeping here.
//!
//! Jobs are scheduled with [`enqueue`], in the transaction of the action that causes them; the worker
//! (`worker.rs`) claims due jobs and runs them through the one table of kinds in `registry.rs`. The store's queue is
//! reached only through `queue.rs`.

pub(crate) mod housekeeping;
pub(crate) mod instance;
pub(crate) mod queue;
mod registry;
pub(crate) mod worker;

use crate::state::AppState;
use anyhow::Context;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;
use time::OffsetDateTime;
use volkshuis_domain::access::ReadScope;
use volkshuis_store::Tx;

/// One kind of background work; the value is the job's payload.
///
/// A job runs at least once: a worker that dies mid-run leaves it to be claimed again when its lease ends, so
/// `run` must be idempotent (check that the work is still needed before doing it).
pub(crate) trait BackgroundJob: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The kind stored in the `jobs` table, by which the worker finds the type again. Never rename one: jobs
    /// queued under the old name in existing databases would no longer run.
    const KIND: &'static str;

    /// Does the work. An error fails this attempt; the job is retried later with back-off.
    fn run(&self, state: &AppState) -> impl Future<Output = anyhow::Result<()>> + Send;
}

/// The scope a job reads an organisation's data with (a reminder reading the case or contract it reminds of). The one
/// place the web crate mints a scope without a check ([`ReadScope::system_for_job`]): jobs only read, so it is a
/// read scope, and nothing a request asks reaches it.
pub(crate) fn job_scope(org_id: i64) -> ReadScope {
    ReadScope::system_for_job(org_id)
}

/// Schedules `job` to run at `run_at`, in `tx` (a rolled-back action schedules nothing). With a `dedupe_key`, a
/// job with the same key is scheduled only once; returns the new job's id, or `None` when the key existed.
pub(crate) async fn enqueue<J: BackgroundJob>(
    tx: &mut Tx,
    job: &J,
    run_at: OffsetDateTime,
    dedupe_key: Option<&str>,
    now: OffsetDateTime,
) -> anyhow::Result<Option<i64>> {
    let payload = serde_json::to_string(job).with_context(|| format!("payload of a {} job", J::KIND))?;
    Ok(queue::enqueue(tx, J::KIND, &payload, run_at, dedupe_key, now).await?)
}
