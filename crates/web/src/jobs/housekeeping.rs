//! Housekeeping, hourly: purges expired sessions, old throttling events, and personal data past its retention —
//! social-return candidate names, Signalering's signals, soft signals and ledgers, requests to join a group, buyers'
//! data after the aftercare, old outbox messages (ADR 0066) — then schedules itself again.

use super::{enqueue, BackgroundJob};
use crate::state::AppState;
use serde::{Deserialize, Serialize};
use time::Duration;
use volkshuis_store::participatie::purge_join_requests;
use volkshuis_store::socialreturn::names;
use volkshuis_store::{nazorg, outbox, sessions, signalering, throttle};

/// The label the job writes to the audit log with.
pub(crate) const HOUSEKEEPING: &str = "housekeeping";

/// The housekeeping job. No arguments: its payload is `{}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Housekeeping {}

impl BackgroundJob for Housekeeping {
    const KIND: &'static str = "housekeeping";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let now = state.clock.now();
        let sessions = sessions::purge_expired(&state.db, now).await?;
        let failures = throttle::purge_old(&state.db, now).await?;
        let actor = volkshuis_store::audit::Actor::system(HOUSEKEEPING, now);
        let today = volkshuis_domain::calendar::dutch_date(now);
        let names = names::purge(&state.db, today, state.config.candidate_names_days, &actor).await?;
        let signals = signalering::retention::purge(&state.db, today, &actor).await?;
        let config = &state.config;
        let join_requests = purge_join_requests(&state.db, now, config.join_request_days, &actor).await?;
        let buyers = nazorg::retention::purge(&state.db, today, config.buyer_data_days, &actor).await?;
        let mail = outbox::purge(&state.db, now, config.outbox_days, &actor).await?;
        tracing::info!(
            sessions,
            failures,
            names,
            signals = signals.signals,
            soft_signals = signals.soft,
            ledger_households = signals.households,
            join_requests,
            buyers,
            mail,
            "housekeeping done"
        );
        schedule_housekeeping(state).await
    }
}

/// Schedules the next hourly housekeeping run (once per hour, however many servers ask).
pub async fn schedule_housekeeping(state: &AppState) -> anyhow::Result<()> {
    let now = state.clock.now();
    let next_hour = now.replace_minute(0)?.replace_second(0)?.replace_nanosecond(0)? + Duration::hours(1);
    let key = format!("housekeeping:{}", next_hour.unix_timestamp());
    let mut tx = state.db.begin().await?;
    enqueue(&mut tx, &Housekeeping {}, next_hour, Some(&key), now).await?;
    tx.commit().await?;
    Ok(())
}
