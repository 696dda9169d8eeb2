//! Telling the other side: when one party sends, answers, asks, decides, approves or rejects, the members of the
//! other parties get an in-app notice and, as each chose, a mail at once, a line in the evening's digest, or nothing
//! ([`tell`], with the steps in [`events`] and the digest in [`digest`]; ADR 0033). Also the reminders: a notice to an
//! organisation's board on a later day (jobs scheduled once, by key, for the morning of their day), shared by the
//! Overleg and social-return reminders, delivered the same way.

pub(crate) mod digest;
pub(crate) mod events;

pub(crate) use events::{Event, Step};

use crate::i18n::{Lang, NotifyTexts};
use crate::jobs::{self, BackgroundJob};
use crate::mail;
use crate::state::AppState;
use anyhow::Context;
use time::{Date, OffsetDateTime, Time};
use volkshuis_domain::access::{self, Edit, Membership, Role, View};
use volkshuis_domain::notices::MailChoice;
use volkshuis_store::notifications::Lines;
use volkshuis_store::users::User;
use volkshuis_store::{notice_settings, notifications, orgs, users, Tx};

/// Where a user chooses how notices come by mail.
pub(crate) const SETTINGS_PATH: &str = "/account/notifications";

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
async fn board(tx: &mut Tx, org_id: i64) -> anyhow::Result<Vec<User>> {
    Ok(users::members_of(tx, org_id)
        .await?
        .into_iter()
        .filter(|(user, role)| user.active && *role >= Role::Staff)
        .map(|(user, _)| user)
        .collect())
}

fn lang_of(user: &User) -> Lang {
    Lang::from_code(&user.locale).unwrap_or_default()
}

/// A notice's line in both languages, so that it reads in the language its reader has when reading it (ADR 0060).
pub(crate) fn both_languages(line: impl Fn(Lang) -> String) -> Lines {
    Lines { nl: line(Lang::Nl), en: line(Lang::En) }
}

/// Mails and notifies every board member (staff and admins) of `org_id`; `compose` gives (subject, body, notice) in a language.
pub(crate) async fn tell_board(
    state: &AppState,
    tx: &mut Tx,
    org_id: i64,
    link_path: &str,
    compose: impl Fn(Lang, &str) -> (String, String, String),
) -> anyhow::Result<usize> {
    let link = absolute(state, link_path);
    let members = board(tx, org_id).await?;
    let lines = both_languages(|lang| compose(lang, &link).2);
    for user in &members {
        let (subject, body, _) = compose(lang_of(user), &link);
        let notice = Notice { org_id, lines: &lines, link_path, subject: &subject, body: &body };
        deliver(state, tx, user, &notice).await?;
    }
    Ok(members.len())
}

/// Mails and notifies one person about an item that names them (the initiator of an initiative, its coach, a
/// koopcoach), whether or not they are a member of `org_id`, the organisation that took the step: never the person
/// who took it, nor an inactive account. `line` gives the notice's line in a language. Returns whether they were told.
pub(crate) async fn tell_user(
    state: &AppState,
    tx: &mut Tx,
    (user_id, by_user_id): (i64, i64),
    org_id: i64,
    link_path: &str,
    line: impl Fn(Lang) -> String,
) -> anyhow::Result<bool> {
    let Some(user) = users::get(&mut *tx, user_id).await? else { return Ok(false) };
    if !user.active || user.id == by_user_id {
        return Ok(false);
    }
    let lang = lang_of(&user);
    let nt = NotifyTexts::of(lang);
    let text = line(lang);
    let body = format!(
        "{text}\n{}\n\n-- \n{}",
        nt.mail_open(absolute(state, link_path)),
        nt.mail_footer_personal(absolute(state, SETTINGS_PATH))
    );
    let lines = both_languages(line);
    deliver(state, tx, &user, &Notice { org_id, lines: &lines, link_path, subject: &text, body: &body }).await?;
    Ok(true)
}

/// A local path as an absolute link for mail, with the configured base URL.
pub(crate) fn absolute(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.base_url.trim_end_matches('/'))
}

/// One notice for one user: the in-app line in both languages, the mail in the user's.
pub(crate) struct Notice<'a> {
    /// The organisation it concerns (the one the user sees it for).
    pub org_id: i64,
    /// The in-app line (also the digest's line), shown in the reader's language of the moment.
    pub lines: &'a Lines,
    /// Where it leads, a local path.
    pub link_path: &'a str,
    /// The mail's subject, when it is mailed at once.
    pub subject: &'a str,
    /// The mail's body, when it is mailed at once.
    pub body: &'a str,
}

/// Gives one user a notice in the app, and by mail as the user chose: at once, in the next daily digest, or not.
pub(crate) async fn deliver(state: &AppState, tx: &mut Tx, user: &User, notice: &Notice<'_>) -> anyhow::Result<()> {
    let now = state.clock.now();
    let (org_id, lines, path) = (notice.org_id, notice.lines, notice.link_path);
    match notice_settings::get(&mut *tx, user.id).await?.mail {
        MailChoice::Immediate => {
            mail::queue(state, tx, &user.email, notice.subject, notice.body).await?;
            notifications::add(tx, user.id, org_id, lines, path, now).await?;
        }
        MailChoice::Digest => {
            notifications::add_for_digest(tx, user.id, org_id, lines, path, now).await?;
            digest::schedule_sweep(tx, now).await?;
        }
        MailChoice::Never => notifications::add(tx, user.id, org_id, lines, path, now).await?,
    }
    Ok(())
}

/// Tells the other parties of a step: every active member of each organisation but the actor's who may see the
/// item (the pages' own rule: a member with a role that allows viewing), never the actor. Returns how many users
/// were told. Runs in the step's transaction, so a step that is rolled back tells nobody; and reads on it, never on
/// the pool: a step that holds SQLite's write lock and waits for a second connection can wait for ever behind the
/// writers that hold the pool's others (four writers at once stalled ten seconds and ended in a 500).
pub(crate) async fn tell(state: &AppState, tx: &mut Tx, event: &Event) -> anyhow::Result<usize> {
    let by_org = orgs::get(&mut *tx, event.by.org_id).await?.context("the acting organisation")?.name;
    let mut told = 0;
    for org_id in event.recipients() {
        let Some(org) = orgs::get(&mut *tx, org_id).await? else { continue };
        let path = event.step.link(org_id);
        let link = absolute(state, &path);
        let lines = both_languages(|lang| event.step.line(lang, &by_org));
        for (user, role) in users::members_of(&mut *tx, org_id).await? {
            let membership = Membership { user_id: user.id, org_id, role };
            let may_see = if event.step.leads_to_persons() {
                access::grant(org_id, Some(membership), Edit).is_ok()
            } else {
                access::grant(org_id, Some(membership), View).is_ok()
            };
            if !user.active || user.id == event.by.user_id || !may_see {
                continue;
            }
            let lang = lang_of(&user);
            let line = event.step.line(lang, &by_org);
            let body = mail_body(state, lang, event, &line, (&by_org, &org.name), &link);
            let notice = Notice { org_id, lines: &lines, link_path: &path, subject: &line, body: &body };
            deliver(state, tx, &user, &notice).await?;
            told += 1;
        }
    }
    tracing::info!(told, step = event.step.name(), "the other side told");
    Ok(told)
}

/// The mail for one step: the line, its detail, who took it, the link, and where to choose less mail.
fn mail_body(
    state: &AppState,
    lang: Lang,
    event: &Event,
    line: &str,
    (by_org, to_org): (&str, &str),
    link: &str,
) -> String {
    let nt = NotifyTexts::of(lang);
    let mut body = format!("{line}\n");
    if let Some(detail) = event.step.detail(lang) {
        body.push_str(&format!("{detail}\n"));
    }
    // A Signalering mail says that something waits and where, nothing more (not even who sent it).
    if !event.step.leads_to_persons() {
        body.push_str(&format!("{}\n\n", nt.mail_by(by_org, &event.by.name)));
    }
    body.push_str(&format!("{}\n\n-- \n", nt.mail_open(link)));
    body.push_str(&nt.mail_footer(to_org, absolute(state, SETTINGS_PATH)));
    body
}
