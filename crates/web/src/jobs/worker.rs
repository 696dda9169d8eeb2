//! The job worker: runs due jobs from the database. Started by `serve`; tests call [`run_due_jobs`] directly with a
//! controlled clock.
//!
//! A worker registers with a random id and beats every [`HEARTBEAT`]; the jobs it claims carry its id, and its
//! heartbeat renews their leases. Every round (and so at start-up) a worker puts back the jobs of workers that are
//! gone: those whose process it can see has ended ([`super::instance`]), and those silent for [`SILENCE`]
//! (ADR 0030).

use super::housekeeping::schedule_housekeeping;
use super::{instance, queue, registry};
use crate::state::AppState;
use std::time::Duration as StdDuration;
use time::Duration;
use tokio::task::JoinHandle;

/// How long a claimed job is reserved; a living worker's heartbeat renews it, so it frees only the jobs of workers
/// claimed without a heartbeat (the tests' hook, rows from before workers registered).
const LEASE: Duration = Duration::minutes(10);
/// How often a worker says it lives.
const HEARTBEAT: StdDuration = StdDuration::from_secs(10);
/// How long a worker may be silent before others take its jobs back: six missed heartbeats, so a database hiccup
/// or a busy machine does not make a living worker's job run twice.
const SILENCE: Duration = Duration::seconds(60);

/// Runs every due job once; returns how many ran (successfully or not).
pub async fn run_due_jobs(state: &AppState) -> anyhow::Result<usize> {
    run_due_jobs_as(state, None).await
}

async fn run_due_jobs_as(state: &AppState, worker: Option<&str>) -> anyhow::Result<usize> {
    let mut ran = 0;
    while let Some(job) = queue::claim_next(&state.db, worker, state.clock.now(), LEASE).await? {
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

/// Puts back the jobs of workers that are gone; returns how many. `instance` is this process's (see
/// [`instance::current`]).
pub async fn recover_jobs(state: &AppState, instance: Option<&str>) -> anyhow::Result<u64> {
    let now = state.clock.now();
    let gone: Vec<String> = queue::workers(&state.db)
        .await?
        .into_iter()
        .filter(|w| instance::certainly_gone(instance, w.instance.as_deref(), w.pid))
        .map(|w| w.id)
        .collect();
    let released = queue::recover(&state.db, &gone, now - SILENCE, now).await?;
    if released > 0 {
        tracing::warn!(released, "jobs of stopped workers put back");
    }
    Ok(released)
}

/// A running worker, for `serve` to stop.
pub struct Worker {
    id: String,
    state: AppState,
    tasks: [JoinHandle<()>; 2],
}

impl Worker {
    /// Stops the worker and gives its running jobs back at once (a clean stop need not wait for [`SILENCE`]).
    pub async fn stop(self) {
        for task in &self.tasks {
            task.abort();
        }
        let now = self.state.clock.now();
        if let Err(error) = queue::recover(&self.state.db, &[self.id], now - SILENCE, now).await {
            tracing::error!(error = %error, "cannot give the stopped worker's jobs back");
        }
    }
}

/// The worker loop for `serve`: registers, then puts back the jobs of gone workers and runs due jobs every
/// `interval` until the process ends; its heartbeat runs beside it, so a long job does not silence it.
pub fn spawn_worker(state: AppState, interval: StdDuration) -> Worker {
    let id = uuid::Uuid::new_v4().to_string();
    let here = instance::current();
    let pid = i64::from(std::process::id());
    let beat = {
        let (state, id, here) = (state.clone(), id.clone(), here.clone());
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(HEARTBEAT);
            loop {
                ticker.tick().await;
                let now = state.clock.now();
                let result = match queue::heartbeat(&state.db, &id, now, LEASE).await {
                    // Declared gone while alive (silent too long): its jobs went back, so it starts afresh.
                    Ok(false) => queue::register(&state.db, &id, here.as_deref(), pid, now).await,
                    Ok(true) => Ok(()),
                    Err(error) => Err(error),
                };
                if let Err(error) = result {
                    tracing::error!(error = %error, "job worker heartbeat");
                }
            }
        })
    };
    let run = {
        let (state, id) = (state.clone(), id.clone());
        tokio::spawn(async move {
            if let Err(error) = queue::register(&state.db, &id, here.as_deref(), pid, state.clock.now()).await {
                tracing::error!(error = %error, "cannot register the job worker");
            }
            if let Err(error) = schedule_housekeeping(&state).await {
                tracing::error!(error = %error, "cannot schedule housekeeping");
            }
            let mut ticker = tokio::time::interval(interval);
            loop {
                ticker.tick().await;
                if let Err(error) = recover_jobs(&state, here.as_deref()).await {
                    tracing::error!(error = %format!("{error:#}"), "recovering jobs of stopped workers");
                }
                if let Err(error) = run_due_jobs_as(&state, Some(&id)).await {
                    tracing::error!(error = %format!("{error:#}"), "job worker");
                }
            }
        })
    };
    Worker { id, state, tasks: [beat, run] }
}
