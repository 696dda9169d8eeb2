//! Overleg notices and reminders: a new request reaches the organisation at once (as every step of either party
//! reaches the other, through `crate::notify`); reminders 7 and 2 days
//! before the answer deadline, to the corporation 2 days before its 14-day reply is due, and 14 days before the
//! budget must be accounted for. Reminders are jobs in the database (they survive a restart) with a dedupe key
//! (scheduled once); when one runs it checks the case still waits, so an answered case sends nothing.

use crate::auth::Auth;
use crate::jobs::BackgroundJob;
use crate::notify::{self, morning, schedule_reminder, tell_board, Event, Step};
use crate::state::AppState;
use crate::views::show_date;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use time::Duration;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::overleg::budget_account_deadline;
use volkshuis_domain::overleg::case::{days_left, Stage};
use volkshuis_store::overleg::{self, Case};
use volkshuis_store::{orgs, Tx};

/// Days before the answer deadline at which the organisation's board is reminded (the calendar feed's alarms too).
pub(crate) const ANSWER_REMINDERS: [i64; 2] = [7, 2];
/// Days before the reply deadline at which the corporation is reminded.
pub(crate) const REPLY_REMINDER: i64 = 2;
/// Days before the budget account deadline at which the organisation is reminded.
pub(crate) const BUDGET_REMINDER: i64 = 14;

/// An overleg reminder; stored as `{"what": "answer" | "reply" | "budget", …}` under the kind `overleg_reminder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "lowercase")]
pub(crate) enum OverlegReminder {
    /// The tenant organisation's answer is due soon.
    Answer {
        /// The case.
        case_id: i64,
        /// The organisation reminded (the tenant organisation).
        org_id: i64,
        /// Days before the deadline the reminder was planned for (the mail counts the days itself when it runs).
        #[serde(default)]
        days: i64,
    },
    /// The corporation's reply to an answer is due soon.
    Reply {
        /// The case.
        case_id: i64,
        /// The organisation reminded (the corporation).
        org_id: i64,
    },
    /// A year's budget must be accounted for soon.
    Budget {
        /// The corporation that granted it.
        corporation_id: i64,
        /// The organisation reminded (the tenant organisation).
        org_id: i64,
        /// The budget's year.
        year: i32,
    },
}

impl BackgroundJob for OverlegReminder {
    const KIND: &'static str = "overleg_reminder";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let mut tx = state.db.begin().await?;
        let (org_id, sent) = match *self {
            Self::Answer { case_id, org_id, .. } => (org_id, remind_answer(state, &mut tx, case_id, org_id).await?),
            Self::Reply { case_id, org_id } => (org_id, remind_reply(state, &mut tx, case_id, org_id).await?),
            Self::Budget { corporation_id, org_id, year } => {
                (org_id, remind_budget(state, &mut tx, corporation_id, org_id, year).await?)
            }
        };
        let Some(sent) = sent else { return Ok(()) };
        tx.commit().await?;
        tracing::info!(org_id, sent, what = self.what(), "overleg reminder sent");
        Ok(())
    }
}

impl OverlegReminder {
    /// The reminder's `what`, for the log.
    fn what(&self) -> &'static str {
        match self {
            Self::Answer { .. } => "answer",
            Self::Reply { .. } => "reply",
            Self::Budget { .. } => "budget",
        }
    }
}

/// A new request, sent by the signed-in user: tell the organisation (with the answer deadline) and schedule the
/// answer reminders.
pub(crate) async fn case_sent(state: &AppState, tx: &mut Tx, auth: &Auth, case: &Case) -> anyhow::Result<()> {
    let cal = volkshuis_store::calendar::term_calendar_in(tx.conn()).await?;
    let deadline = case.facts().answer_deadline(&cal).context("answer deadline")?;
    let step = Step::RequestSent { case: case.into(), deadline };
    notify::tell(state, tx, &Event::new(auth, case.corporation_id, step)).await?;
    if let Some(deadline) = deadline {
        for days in ANSWER_REMINDERS {
            let job = OverlegReminder::Answer { case_id: case.id, org_id: case.tenant_org_id, days };
            let key = format!("overleg:{}:answer:{days}", case.id);
            schedule_reminder(state, tx, key, morning(deadline.date - Duration::days(days)), &job).await?;
        }
    }
    Ok(())
}

/// An answer came in: when the corporation has to decide, schedule its reply reminder.
pub(crate) async fn case_answered(state: &AppState, tx: &mut Tx, case: &Case) -> anyhow::Result<()> {
    let cal = volkshuis_store::calendar::term_calendar_in(tx.conn()).await?;
    if let Some(deadline) = case.facts().reply_deadline(&cal) {
        let job = OverlegReminder::Reply { case_id: case.id, org_id: case.corporation_id };
        let key = format!("overleg:{}:reply", case.id);
        schedule_reminder(state, tx, key, morning(deadline.date - Duration::days(REPLY_REMINDER)), &job).await?;
    }
    Ok(())
}

/// A budget was set: schedule the reminder to account for it.
pub(crate) async fn budget_set(
    state: &AppState,
    tx: &mut Tx,
    corporation_id: i64,
    tenant_org_id: i64,
    year: i32,
) -> anyhow::Result<()> {
    let cal = volkshuis_store::calendar::term_calendar_in(tx.conn()).await?;
    let deadline = budget_account_deadline(&cal, year);
    let job = OverlegReminder::Budget { corporation_id, org_id: tenant_org_id, year };
    let key = format!("overleg:budget:{corporation_id}:{tenant_org_id}:{year}");
    schedule_reminder(state, tx, key, morning(deadline.date - Duration::days(BUDGET_REMINDER)), &job).await
}

/// The answer reminder, while the case still awaits its answer; `None` when there is nothing to remind.
async fn remind_answer(state: &AppState, tx: &mut Tx, case_id: i64, org_id: i64) -> anyhow::Result<Option<usize>> {
    let Some(case) = overleg::get_in(tx.conn(), &crate::jobs::job_scope(org_id), case_id).await? else {
        return Ok(None);
    };
    let cal = volkshuis_store::calendar::term_calendar_in(tx.conn()).await?;
    let Some(deadline) = case.facts().answer_deadline(&cal).ok().flatten() else { return Ok(None) };
    if case.facts().stage() != Stage::AwaitingAnswer {
        return Ok(None);
    }
    let days = days_left(deadline.date, dutch_date(state.clock.now()));
    let path = format!("/orgs/{org_id}/overleg/{case_id}");
    let sent = tell_board(state, tx, org_id, &path, |lang, link| {
        let ov = lang.overleg();
        let (date, title) = (show_date(deadline.date), &case.title);
        (
            ov.mail_reminder_subject(days, title),
            ov.mail_reminder_body(&case.corporation_name, date, link, days, title),
            ov.notice_reminder(days, title),
        )
    })
    .await?;
    Ok(Some(sent))
}

/// The reply reminder, while the case still awaits the corporation's decision.
async fn remind_reply(state: &AppState, tx: &mut Tx, case_id: i64, org_id: i64) -> anyhow::Result<Option<usize>> {
    let Some(case) = overleg::get_in(tx.conn(), &crate::jobs::job_scope(org_id), case_id).await? else {
        return Ok(None);
    };
    let cal = volkshuis_store::calendar::term_calendar_in(tx.conn()).await?;
    let Some(deadline) = case.facts().reply_deadline(&cal) else { return Ok(None) };
    if case.facts().stage() != Stage::AwaitingDecision {
        return Ok(None);
    }
    let path = format!("/orgs/{org_id}/overleg/{case_id}");
    let sent = tell_board(state, tx, org_id, &path, |lang, link| {
        let ov = lang.overleg();
        let (date, title) = (show_date(deadline.date), &case.title);
        (
            ov.mail_reply_subject(&date, title),
            ov.mail_reply_body(&date, link, &case.tenant_org_name, title),
            ov.notice_reply(&date, title),
        )
    })
    .await?;
    Ok(Some(sent))
}

/// The budget reminder, while the year's budget is not accounted for.
async fn remind_budget(
    state: &AppState,
    tx: &mut Tx,
    corporation_id: i64,
    org_id: i64,
    year: i32,
) -> anyhow::Result<Option<usize>> {
    let scope = crate::jobs::job_scope(org_id);
    let Some(budget) = overleg::budget_in(tx.conn(), &scope, corporation_id, year).await? else { return Ok(None) };
    if budget.accounted_on.is_some() {
        return Ok(None);
    }
    let corporation = orgs::get(&mut *tx, corporation_id).await?.context("corporation gone")?;
    let cal = volkshuis_store::calendar::term_calendar_in(tx.conn()).await?;
    let deadline = budget_account_deadline(&cal, year);
    let path = format!("/orgs/{org_id}/overleg/budget/{corporation_id}/{year}");
    let sent = tell_board(state, tx, org_id, &path, |lang, link| {
        let ov = lang.overleg();
        let date = show_date(deadline.date);
        (
            ov.mail_budget_subject(&date, year),
            ov.mail_budget_body(&corporation.name, &date, link, year),
            ov.notice_budget(&date, year),
        )
    })
    .await?;
    Ok(Some(sent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_keep_their_stored_shape() {
        // As the reminders were written before they were typed (serde_json sorts the keys of `json!`).
        let stored = [
            (
                r#"{"case_id":4,"days":7,"org_id":2,"what":"answer"}"#,
                OverlegReminder::Answer { case_id: 4, org_id: 2, days: 7 },
            ),
            (r#"{"case_id":4,"org_id":1,"what":"reply"}"#, OverlegReminder::Reply { case_id: 4, org_id: 1 }),
            (
                r#"{"corporation_id":1,"org_id":2,"what":"budget","year":2026}"#,
                OverlegReminder::Budget { corporation_id: 1, org_id: 2, year: 2026 },
            ),
        ];
        for (text, job) in stored {
            let read: OverlegReminder = serde_json::from_str(text).expect("a stored payload reads");
            assert_eq!(read, job);
            let again: serde_json::Value = serde_json::from_str(text).expect("JSON");
            assert_eq!(serde_json::to_value(&job).expect("serialises"), again, "written as before");
        }
        assert!(serde_json::from_str::<OverlegReminder>(r#"{"what":"lunch","org_id":1}"#).is_err());
    }
}
