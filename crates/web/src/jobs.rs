//! The job worker: runs due jobs from the database. Started by `serve`; tests call [`run_due_jobs`] directly with a
//! controlled clock.

use crate::mail;
use crate::state::AppState;
use anyhow::Context;
use std::time::Duration as StdDuration;
use time::Duration;
use volkshuis_store::jobs::{self, Job};
use volkshuis_store::socialreturn::names;
use volkshuis_store::{sessions, throttle};

/// How long a claimed job is reserved before another worker may take it over.
const LEASE: Duration = Duration::minutes(10);
/// The housekeeping job: purges expired sessions, old login failures and social-return candidate names past
/// their retention, then schedules itself again.
pub const HOUSEKEEPING_JOB: &str = "housekeeping";

/// Runs every due job once; returns how many ran (successfully or not).
pub async fn run_due_jobs(state: &AppState) -> anyhow::Result<usize> {
    let mut ran = 0;
    while let Some(job) = jobs::claim_next(&state.db, state.clock.now(), LEASE).await? {
        ran += 1;
        let outcome = run(state, &job).await;
        let now = state.clock.now();
        match outcome {
            Ok(()) => jobs::complete(&state.db, job.id, now).await?,
            Err(error) => {
                // Exponential back-off: 1, 2, 4, 8 … minutes.
                let retry_at = now + Duration::minutes(1 << job.attempts.clamp(0, 10));
                tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %error, "job failed");
                jobs::fail(&state.db, &job, &format!("{error:#}"), now, retry_at).await?;
            }
        }
    }
    Ok(ran)
}

async fn run(state: &AppState, job: &Job) -> anyhow::Result<()> {
    let payload: serde_json::Value = serde_json::from_str(&job.payload).context("job payload is not JSON")?;
    match job.kind.as_str() {
        mail::DELIVER_JOB => {
            let id = payload["outbox_id"].as_i64().context("outbox_id missing")?;
            mail::deliver(state, id, state.clock.now()).await
        }
        HOUSEKEEPING_JOB => {
            let now = state.clock.now();
            let sessions = sessions::purge_expired(&state.db, now).await?;
            let failures = throttle::purge_old(&state.db, now).await?;
            let actor = volkshuis_store::audit::Actor::system("housekeeping", now);
            let today = volkshuis_domain::calendar::dutch_date(now);
            let names = names::purge(&state.db, today, state.config.candidate_names_days, &actor).await?;
            tracing::info!(sessions, failures, names, "housekeeping done");
            schedule_housekeeping(state).await
        }
        crate::overleg_jobs::REMINDER_JOB => crate::overleg_jobs::run(state, &payload).await,
        crate::sr_jobs::REMINDER_JOB => crate::sr_jobs::run(state, &payload).await,
        other => anyhow::bail!("unknown job kind {other}"),
    }
}

/// Schedules the next hourly housekeeping run (once per hour, however many servers ask).
pub async fn schedule_housekeeping(state: &AppState) -> anyhow::Result<()> {
    let now = state.clock.now();
    let next_hour = now.replace_minute(0)?.replace_second(0)?.replace_nanosecond(0)? + Duration::hours(1);
    let key = format!("housekeeping:{}", next_hour.unix_timestamp());
    let mut conn = state.db.pool().acquire().await?;
    jobs::enqueue(&mut conn, HOUSEKEEPING_JOB, "{}", next_hour, Some(&key), now).await?;
    Ok(())
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
