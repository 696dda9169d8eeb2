//! The job worker: runs due jobs from the database. Started by `serve`; tests call [`run_due_jobs`] directly with a
//! controlled clock.

use super::housekeeping::schedule_housekeeping;
use super::{queue, registry};
use crate::state::AppState;
use std::time::Duration as StdDuration;
use time::Duration;

/// How long a claimed job is reserved before another worker may take it over.
const LEASE: Duration = Duration::minutes(10);

/// Runs every due job once; returns how many ran (successfully or not).
pub async fn run_due_jobs(state: &AppState) -> anyhow::Result<usize> {
    let mut ran = 0;
    while let Some(job) = queue::claim_next(&state.db, state.clock.now(), LEASE).await? {
        ran += 1;
        let outcome = registry::run(state, &job.kind, &job.payload).await;
        let now = state.clock.now();
        match outcome {
            Ok(()) => queue::complete(&state.db, job.id, now).await?,
            Err(error) => {
                // Exponential back-off: 1, 2, 4, 8 … minutes.
                let retry_at = now + Duration::minutes(1 << job.attempts.clamp(0, 10));
                tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %error, "job failed");
                queue::fail(&state.db, &job, &format!("{error:#}"), now, retry_at).await?;
            }
        }
    }
    Ok(ran)
}

/// The worker loop for `serve`: checks for due jobs every `interval` until the process ends.
pub fn spawn_worker(state: AppState, interval: StdDuration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if let Err(error) = schedule_housekeeping(&state).await {
            tracing::error!(error = %error, "cannot schedule housekeeping");
        }
        let mut ticker = tokio::time::interval(interval);
        loop {
            ticker.tick().await;
            if let Err(error) = run_due_jobs(&state).await {
                tracing::error!(error = %format!("{error:#}"), "job worker");
            }
        }
    })
}
