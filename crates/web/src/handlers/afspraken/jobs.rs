//! Bid reminders: six and two weeks before the bid is due (`afspraken::CycleDates`), each corporation party whose
//! bid is not sent hears of it, in the app and by mail. The reminders are jobs in the database, scheduled once per
//! cycle and corporation when the cycle is opened; when one runs it checks the bid is still out, so a sent bid, a
//! cycle past the talks or a corporation no longer a party gets nothing.

use crate::jobs::{job_scope, BackgroundJob};
use crate::notify::{morning, schedule_reminder, tell_board};
use crate::state::AppState;
use crate::views::show_date;
use serde::{Deserialize, Serialize};
use volkshuis_domain::afspraken::{CycleDates, Phase};
use volkshuis_store::{afspraken, Tx};

/// A reminder to a corporation to send its bid; stored under the kind `pa_bid_reminder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BidReminder {
    /// The cycle.
    pub cycle_id: i64,
    /// The corporation reminded.
    pub org_id: i64,
}

impl BackgroundJob for BidReminder {
    const KIND: &'static str = "pa_bid_reminder";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let scope = job_scope(self.org_id);
        let Some((cycle_ref, cycle)) = afspraken::open_cycle_for(&state.db, &scope, self.cycle_id).await? else {
            return Ok(());
        };
        let bids = afspraken::bids(&state.db, &cycle_ref).await?;
        let Some(bid) = bids.iter().find(|b| b.corporation_id == self.org_id) else { return Ok(()) };
        let still_out =
            bid.sent_on.is_none() && matches!(cycle.phase, Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling);
        if !still_out {
            return Ok(());
        }
        let due = show_date(CycleDates::for_year(cycle.first_year).bid_due);
        let path = format!("/orgs/{}/afspraken/{}/bod", self.org_id, self.cycle_id);
        let mut tx = state.db.begin().await?;
        let sent = tell_board(state, &mut tx, self.org_id, &path, |lang, link| {
            let pa = lang.afspraken();
            (
                pa.mail_bid_reminder_subject(&cycle.title, &due),
                pa.mail_bid_reminder_body(&cycle.title, &due, link, &bid.corporation_name),
                pa.notice_bid_reminder(&cycle.title, &due),
            )
        })
        .await?;
        tx.commit().await?;
        tracing::info!(org_id = self.org_id, cycle_id = self.cycle_id, sent, "bid reminder sent");
        Ok(())
    }
}

/// Weeks before the bid's day at which a corporation is reminded (the law's day is fixed; the reminders are ours).
pub(crate) const BID_REMINDER_WEEKS: [i64; 2] = [6, 2];

/// A cycle was opened: schedule the bid reminders of each corporation party (those already past are skipped).
pub(crate) async fn cycle_opened(
    state: &AppState,
    tx: &mut Tx,
    cycle_id: i64,
    first_year: i32,
    corporations: &[i64],
) -> anyhow::Result<()> {
    let dates = CycleDates::for_year(first_year);
    for org_id in corporations {
        for (weeks, day) in BID_REMINDER_WEEKS.iter().zip(dates.bid_reminders) {
            let job = BidReminder { cycle_id, org_id: *org_id };
            let key = format!("afspraken:{cycle_id}:bid:{org_id}:{weeks}");
            schedule_reminder(state, tx, key, morning(day), &job).await?;
        }
    }
    Ok(())
}
