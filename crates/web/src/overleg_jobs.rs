//! Overleg notices and reminders: a new request reaches the organisation's board at once; reminders 7 and 2 days
//! before the answer deadline, to the corporation 2 days before its 14-day reply is due, and 14 days before the
//! budget must be accounted for. Reminders are jobs in the database (they survive a restart) with a dedupe key
//! (scheduled once); when one runs it checks the case still waits, so an answered case sends nothing.

use crate::i18n::Lang;
use crate::mail;
use crate::state::AppState;
use crate::views::show_date;
use anyhow::Context;
use time::{Date, Duration, OffsetDateTime, Time};
use volkshuis_domain::access::{OrgScope, Role};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::overleg::budget_account_deadline;
use volkshuis_domain::overleg::case::{days_left, Stage};
use volkshuis_store::overleg::{self, Case};
use volkshuis_store::users::User;
use volkshuis_store::{jobs, notifications, orgs, users, Tx};

/// The job kind of every overleg reminder.
pub const REMINDER_JOB: &str = "overleg_reminder";

/// Days before the answer deadline at which the organisation's board is reminded.
const ANSWER_REMINDERS: [i64; 2] = [7, 2];
/// Days before the reply deadline at which the corporation is reminded.
const REPLY_REMINDER: i64 = 2;
/// Days before the budget account deadline at which the organisation is reminded.
const BUDGET_REMINDER: i64 = 14;

/// Reminders go out at 07:00 UTC (08:00 or 09:00 in the Netherlands) on their day.
pub(crate) fn morning(date: Date) -> OffsetDateTime {
    date.with_time(Time::from_hms(7, 0, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
}

/// Schedules a reminder job of `kind` once (by `key`), unless its moment has passed.
pub(crate) async fn schedule(
    state: &AppState,
    tx: &mut Tx,
    kind: &str,
    key: String,
    at: OffsetDateTime,
    payload: serde_json::Value,
) -> anyhow::Result<()> {
    let now = state.clock.now();
    // A reminder whose moment has passed (a request entered late) would only confuse: the page shows the days.
    if at <= now {
        return Ok(());
    }
    jobs::enqueue(tx, kind, &payload.to_string(), at, Some(&key), now).await?;
    Ok(())
}

/// The board: members who may act for the organisation (staff and admins), active accounts only.
async fn board(state: &AppState, org_id: i64) -> anyhow::Result<Vec<User>> {
    Ok(users::members_of(&state.db, org_id)
        .await?
        .into_iter()
        .filter(|(user, role)| user.active && *role >= Role::Staff)
        .map(|(user, _)| user)
        .collect())
}

fn lang_of(user: &User) -> Lang {
    Lang::from_code(&user.locale).unwrap_or_default()
}

/// Mails and notifies every board member (staff and admins) of `org_id`; `compose` gives (subject, body, notice) in a language.
pub(crate) async fn tell_board(
    state: &AppState,
    tx: &mut Tx,
    org_id: i64,
    link_path: &str,
    compose: impl Fn(Lang, &str) -> (String, String, String),
) -> anyhow::Result<usize> {
    let link = format!("{}{link_path}", state.config.base_url.trim_end_matches('/'));
    let members = board(state, org_id).await?;
    for user in &members {
        let (subject, body, notice) = compose(lang_of(user), &link);
        mail::queue(state, tx, &user.email, &subject, &body).await?;
        notifications::add(tx, user.id, org_id, &notice, link_path, state.clock.now()).await?;
    }
    Ok(members.len())
}

/// A new request: tell the organisation's board and schedule the answer reminders.
pub async fn case_sent(state: &AppState, tx: &mut Tx, case: &Case) -> anyhow::Result<()> {
    let deadline = case.facts().answer_deadline().context("answer deadline")?;
    let path = format!("/orgs/{}/overleg/{}", case.tenant_org_id, case.id);
    tell_board(state, tx, case.tenant_org_id, &path, |lang, link| {
        let ov = lang.overleg();
        let deadline_line =
            deadline.as_ref().map(|d| ov.mail_deadline_line.replace("{date}", &show_date(d.date))).unwrap_or_default();
        let fill = |text: &str| {
            text.replace("{corporation}", &case.corporation_name)
                .replace("{title}", &case.title)
                .replace("{kind}", ov.kind(case.kind))
                .replace("{deadline}", &deadline_line)
                .replace("{link}", link)
        };
        (fill(ov.mail_new_subject), fill(ov.mail_new_body), fill(ov.notice_new))
    })
    .await?;
    if let Some(deadline) = deadline {
        for days in ANSWER_REMINDERS {
            let payload =
                serde_json::json!({ "what": "answer", "case_id": case.id, "org_id": case.tenant_org_id, "days": days });
            let key = format!("overleg:{}:answer:{days}", case.id);
            schedule(state, tx, REMINDER_JOB, key, morning(deadline.date - Duration::days(days)), payload).await?;
        }
    }
    Ok(())
}

/// An answer came in: when the corporation has to decide, schedule its reply reminder.
pub async fn case_answered(state: &AppState, tx: &mut Tx, case: &Case) -> anyhow::Result<()> {
    if let Some(deadline) = case.facts().reply_deadline() {
        let payload = serde_json::json!({ "what": "reply", "case_id": case.id, "org_id": case.corporation_id });
        let key = format!("overleg:{}:reply", case.id);
        schedule(state, tx, REMINDER_JOB, key, morning(deadline.date - Duration::days(REPLY_REMINDER)), payload)
            .await?;
    }
    Ok(())
}

/// A budget was set: schedule the reminder to account for it.
pub async fn budget_set(
    state: &AppState,
    tx: &mut Tx,
    corporation_id: i64,
    tenant_org_id: i64,
    year: i32,
) -> anyhow::Result<()> {
    let deadline = budget_account_deadline(year);
    let payload = serde_json::json!({
        "what": "budget", "corporation_id": corporation_id, "org_id": tenant_org_id, "year": year,
    });
    let key = format!("overleg:budget:{corporation_id}:{tenant_org_id}:{year}");
    schedule(state, tx, REMINDER_JOB, key, morning(deadline.date - Duration::days(BUDGET_REMINDER)), payload).await
}

/// Runs one reminder job.
pub async fn run(state: &AppState, payload: &serde_json::Value) -> anyhow::Result<()> {
    let org_id = payload["org_id"].as_i64().context("org_id missing")?;
    let scope = OrgScope::system(org_id);
    let today = dutch_date(state.clock.now());
    let mut tx = state.db.begin().await?;
    let sent = match payload["what"].as_str() {
        Some("answer") => {
            let case_id = payload["case_id"].as_i64().context("case_id missing")?;
            let Some(case) = overleg::get(&state.db, &scope, case_id).await? else { return Ok(()) };
            let Some(deadline) = case.facts().answer_deadline().ok().flatten() else { return Ok(()) };
            if case.facts().stage() != Stage::AwaitingAnswer {
                return Ok(());
            }
            let days = days_left(deadline.date, today).to_string();
            let path = format!("/orgs/{org_id}/overleg/{case_id}");
            tell_board(state, &mut tx, org_id, &path, |lang, link| {
                let ov = lang.overleg();
                let fill = |text: &str| {
                    text.replace("{title}", &case.title)
                        .replace("{corporation}", &case.corporation_name)
                        .replace("{date}", &show_date(deadline.date))
                        .replace("{n}", &days)
                        .replace("{link}", link)
                };
                (fill(ov.mail_reminder_subject), fill(ov.mail_reminder_body), fill(ov.notice_reminder))
            })
            .await?
        }
        Some("reply") => {
            let case_id = payload["case_id"].as_i64().context("case_id missing")?;
            let Some(case) = overleg::get(&state.db, &scope, case_id).await? else { return Ok(()) };
            let Some(deadline) = case.facts().reply_deadline() else { return Ok(()) };
            if case.facts().stage() != Stage::AwaitingDecision {
                return Ok(());
            }
            let path = format!("/orgs/{org_id}/overleg/{case_id}");
            tell_board(state, &mut tx, org_id, &path, |lang, link| {
                let ov = lang.overleg();
                let fill = |text: &str| {
                    text.replace("{title}", &case.title)
                        .replace("{tenant}", &case.tenant_org_name)
                        .replace("{date}", &show_date(deadline.date))
                        .replace("{link}", link)
                };
                (fill(ov.mail_reply_subject), fill(ov.mail_reply_body), fill(ov.notice_reply))
            })
            .await?
        }
        Some("budget") => {
            let corporation_id = payload["corporation_id"].as_i64().context("corporation_id missing")?;
            let year = payload["year"].as_i64().context("year missing")? as i32;
            let Some(budget) = overleg::budget(&state.db, &scope, corporation_id, year).await? else { return Ok(()) };
            if budget.accounted_on.is_some() {
                return Ok(());
            }
            let corporation = orgs::get(&state.db, corporation_id).await?.context("corporation gone")?;
            let deadline = budget_account_deadline(year);
            let path = format!("/orgs/{org_id}/overleg/budget/{corporation_id}/{year}");
            tell_board(state, &mut tx, org_id, &path, |lang, link| {
                let ov = lang.overleg();
                let fill = |text: &str| {
                    text.replace("{corporation}", &corporation.name)
                        .replace("{year}", &year.to_string())
                        .replace("{date}", &show_date(deadline.date))
                        .replace("{link}", link)
                };
                (fill(ov.mail_budget_subject), fill(ov.mail_budget_body), fill(ov.notice_budget))
            })
            .await?
        }
        other => anyhow::bail!("unknown overleg reminder {other:?}"),
    };
    tx.commit().await?;
    tracing::info!(org_id, sent, what = ?payload["what"], "overleg reminder sent");
    Ok(())
}
