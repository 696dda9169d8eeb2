//! Telling an organisation's board: mail and an in-app notice to every member who may act for it, and the
//! reminders that do so on a later day (jobs scheduled once, by key, for the morning of their day). Shared by the
//! Overleg and social-return reminders.

use crate::i18n::Lang;
use crate::jobs::{self, BackgroundJob};
use crate::mail;
use crate::state::AppState;
use time::{Date, OffsetDateTime, Time};
use volkshuis_domain::access::Role;
use volkshuis_store::users::User;
use volkshuis_store::{notifications, users, Tx};

/// Reminders go out at 07:00 UTC (08:00 or 09:00 in the Netherlands) on their day.
pub(crate) fn morning(date: Date) -> OffsetDateTime {
    date.with_time(Time::from_hms(7, 0, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
}

/// Schedules a reminder job once (by `key`), unless its moment has passed.
pub(crate) async fn schedule_reminder<J: BackgroundJob>(
    state: &AppState,
    tx: &mut Tx,
    key: String,
    at: OffsetDateTime,
    job: &J,
) -> anyhow::Result<()> {
    let now = state.clock.now();
    // A reminder whose moment has passed (a request entered late) would only confuse: the page shows the days.
    if at <= now {
        return Ok(());
    }
    jobs::enqueue(tx, job, at, Some(&key), now).await?;
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
