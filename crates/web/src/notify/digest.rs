//! The daily digest (ADR 0033): one mail per user per day, at [`DIGEST_HOUR`] Dutch time, with every notice since
//! the user's previous digest; a user with nothing new gets no mail.
//!
//! Two jobs. The sweep runs at the hour, schedules the next day's sweep, and queues a digest job per user with
//! waiting notices, keyed by user and day, so that however many servers run it, each user's digest of a day is
//! queued once. The digest job takes the user's waiting notices in one UPDATE ([`notifications::take_digest`]) in
//! the transaction that queues the mail: a job run twice, or two at once, finds them taken and sends nothing more.
//!
//! The first notice for a digest schedules the sweep (by key: once per day however many notices come); from then on
//! each sweep schedules the next. A notice whose step committed just after its day's sweep read the waiting users
//! goes in the next day's digest.

use super::{absolute, lang_of, SETTINGS_PATH};
use crate::i18n::{Lang, NotifyTexts};
use crate::jobs::{self, BackgroundJob};
use crate::mail;
use crate::state::AppState;
use crate::views::{show_date, show_time};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::notices::{digest_day, next_digest_at, MailChoice, DIGEST_HOUR};
use volkshuis_store::notifications::{self, Notification};
use volkshuis_store::{notice_settings, users, Tx};

/// The daily sweep; stored as `{"at": <unix seconds>}` under the kind `notice_digest_sweep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DigestSweep {
    /// The moment it was scheduled for, which names its day (a sweep that runs late still sends that day's).
    pub at: i64,
}

/// One user's digest; stored as `{"user_id": …}` under the kind `notice_digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SendDigest {
    /// The user.
    pub user_id: i64,
}

/// Schedules the sweep of the next digest moment after `now` (once per day, by key), in `tx`.
pub(crate) async fn schedule_sweep(tx: &mut Tx, now: OffsetDateTime) -> anyhow::Result<()> {
    let at = next_digest_at(now);
    let key = format!("digest-sweep:{}", digest_day(at));
    jobs::enqueue(tx, &DigestSweep { at: at.unix_timestamp() }, at, Some(&key), now).await?;
    Ok(())
}

/// Queues the user's digest at once (the settings page's "send now"); a second click in the same second is one job,
/// and a second job later finds nothing waiting.
pub(crate) async fn send_now(state: &AppState, user_id: i64) -> anyhow::Result<()> {
    let now = state.clock.now();
    let key = format!("digest:{user_id}:now:{}", now.unix_timestamp());
    let mut tx = state.db.begin().await?;
    jobs::enqueue(&mut tx, &SendDigest { user_id }, now, Some(&key), now).await?;
    tx.commit().await?;
    Ok(())
}

impl BackgroundJob for DigestSweep {
    const KIND: &'static str = "notice_digest_sweep";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let now = state.clock.now();
        // The next day's sweep first, in its own transaction: whatever happens below, tomorrow's digests go out.
        let mut tx = state.db.begin().await?;
        schedule_sweep(&mut tx, now).await?;
        tx.commit().await?;
        let day = digest_day(volkshuis_store::from_unix(self.at));
        let waiting = notifications::users_awaiting_digest(&state.db).await?;
        let mut tx = state.db.begin().await?;
        for user_id in &waiting {
            let key = format!("digest:{user_id}:{day}");
            jobs::enqueue(&mut tx, &SendDigest { user_id: *user_id }, now, Some(&key), now).await?;
        }
        tx.commit().await?;
        tracing::info!(users = waiting.len(), %day, "daily digests queued");
        Ok(())
    }
}

impl BackgroundJob for SendDigest {
    const KIND: &'static str = "notice_digest";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let now = state.clock.now();
        let Some(user) = users::get(&state.db, self.user_id).await? else { return Ok(()) };
        let settings = notice_settings::get(&state.db, user.id).await?;
        let mut tx = state.db.begin().await?;
        let taken = notifications::take_digest(&mut tx, user.id).await?;
        if taken.is_empty() {
            return Ok(()); // Nothing new (or another run took it): no mail.
        }
        // A user who has since chosen no mail, or whose account was closed, keeps the notices in the app only.
        if settings.mail != MailChoice::Never && user.active {
            let lang = lang_of(&user);
            let (subject, body) = compose(state, lang, &taken, now);
            mail::queue(state, &mut tx, &user.email, &subject, &body).await?;
            notice_settings::record_digest(&mut tx, user.id, now).await?;
        }
        tx.commit().await?;
        tracing::info!(user_id = user.id, notices = taken.len(), "daily digest done");
        Ok(())
    }
}

/// The hour of the digest as the texts show it (`18:00`).
pub(crate) fn digest_time() -> String {
    format!("{DIGEST_HOUR:02}:00")
}

/// The digest's subject and body in `lang`: one entry per notice, oldest first, each with its absolute link.
fn compose(state: &AppState, lang: Lang, notices: &[Notification], now: OffsetDateTime) -> (String, String) {
    let nt = NotifyTexts::of(lang);
    let count = i64::try_from(notices.len()).unwrap_or(i64::MAX);
    let subject = nt.digest_subject(show_date(dutch_date(now)), count);
    let mut body = format!("{}\n\n", nt.digest_intro);
    for notice in notices {
        let link = absolute(state, &notice.link);
        body.push_str(&format!("- {} — {}\n  {link}\n\n", show_time(notice.created_at), notice.text_in(lang.code())));
    }
    body.push_str("-- \n");
    body.push_str(&nt.digest_footer(absolute(state, SETTINGS_PATH), digest_time()));
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn payloads_keep_their_stored_shape() {
        let sweep: DigestSweep = serde_json::from_str(r#"{"at": 1795626000}"#).expect("a stored sweep reads");
        assert_eq!(sweep, DigestSweep { at: 1_795_626_000 });
        let digest: SendDigest = serde_json::from_str(r#"{"user_id": 4}"#).expect("a stored digest reads");
        assert_eq!(serde_json::to_value(digest).expect("serialises"), serde_json::json!({ "user_id": 4 }));
    }

    #[test]
    fn times_show_as_the_dutch_clock_does() {
        assert_eq!(show_time(datetime!(2026-11-25 17:00 UTC)), "25-11-2026 18:00");
        assert_eq!(show_time(datetime!(2026-07-01 16:00 UTC)), "01-07-2026 18:00");
        assert_eq!(digest_time(), "18:00");
    }
}
