//! The user's notices page (`/account/notifications`, linked from every page's header with the unread count): the
//! unread notices of what the other side did, and how they come by mail — at once, in the evening's digest, or not
//! (ADR 0033). Everything here is the signed-in user's own: no organisation scope, and ids from the URL only reach
//! the user's own notices.

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::NotifyTexts;
use crate::notify::digest::{self, digest_time};
use crate::state::AppState;
use crate::views::{ok, render, show_time, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::notices::{next_digest_at, MailChoice};
use volkshuis_store::{notice_settings, notifications};

/// The page's address (also in every notice mail's footer).
const PATH: &str = crate::notify::SETTINGS_PATH;
/// How many unread notices the page lists (the newest).
const LISTED: i64 = 100;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, get(show).post(save))
        .route("/account/notifications/{id}/read", post(read_one))
        .route("/account/notifications/read-all", post(read_all))
        .route("/account/notifications/digest", post(send_digest_now))
}

/// A notice as the dashboard and *Meldingen* list it.
pub(crate) struct NoticeRow {
    pub(crate) id: i64,
    pub(crate) text: String,
    pub(crate) link: String,
    pub(crate) at: String,
    /// The organisation it is about, for a member of more than one (a step told to both read as two identical
    /// lines, their links to different pages).
    pub(crate) org: Option<String>,
}

impl NoticeRow {
    /// The row of notice `n` for the user of `auth`, in the reader's language.
    pub(crate) fn of(auth: &Auth, n: notifications::Notification) -> Self {
        let org = (auth.memberships.len() > 1)
            .then(|| auth.memberships.iter().find(|(o, _)| o.id == n.org_id).map(|(o, _)| o.name.clone()))
            .flatten();
        NoticeRow {
            id: n.id,
            text: n.text_in(auth.ctx.lang.code()).to_owned(),
            link: n.link,
            at: show_time(n.created_at),
            org,
        }
    }
}

struct Choice {
    code: &'static str,
    label: &'static str,
    hint: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "account/notifications.html")]
struct NoticesPage {
    page: Page,
    notices: Vec<NoticeRow>,
    choices: Vec<Choice>,
    error: Option<&'static str>,
    /// "2 notices wait for the digest of …", when some do.
    waiting: Option<String>,
    last_digest: Option<String>,
}

#[derive(Deserialize)]
struct PageQuery {
    notice: Option<String>,
}

#[derive(Deserialize)]
struct ChoiceForm {
    #[serde(default)]
    mail: String,
}

/// The page for the signed-in user, with `chosen` checked (`None`: nothing, after a choice that was not one).
async fn notices_page(
    state: &AppState,
    auth: &Auth,
    chosen: Option<MailChoice>,
    error: Option<&'static str>,
) -> Result<NoticesPage, AppError> {
    let nt = NotifyTexts::of(auth.ctx.lang);
    let user_id = auth.user.id;
    let notices =
        notifications::unread(&state.db, user_id, LISTED).await?.into_iter().map(|n| NoticeRow::of(auth, n)).collect();
    let choices = MailChoice::ALL
        .into_iter()
        .map(|choice| {
            let (label, hint) = match choice {
                MailChoice::Immediate => (nt.choice_immediate, nt.choice_immediate_hint.to_owned()),
                MailChoice::Digest => (nt.choice_digest, nt.choice_digest_hint(digest_time())),
                MailChoice::Never => (nt.choice_none, nt.choice_none_hint.to_owned()),
            };
            Choice { code: choice.code(), label, hint, checked: chosen == Some(choice) }
        })
        .collect();
    let settings = notice_settings::get(&state.db, user_id).await?;
    let waiting = match notifications::awaiting_digest(&state.db, user_id).await? {
        0 => None,
        n => Some(nt.waiting(n, show_time(next_digest_at(state.clock.now())))),
    };
    Ok(NoticesPage {
        page: Page::for_user(auth),
        notices,
        choices,
        error,
        waiting,
        last_digest: settings.last_digest_at.map(|at| nt.last_digest(show_time(at))),
    })
}

async fn show(State(state): State<AppState>, auth: Auth, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let chosen = notice_settings::get(&state.db, auth.user.id).await?.mail;
    let mut page = notices_page(&state, &auth, Some(chosen), None).await?;
    let nt = page.page.nt;
    page.page.notice = match q.notice.as_deref() {
        Some("saved") => Some(nt.saved.to_owned()),
        Some("digest_sent") => Some(nt.sent_now.to_owned()),
        Some("nothing_waiting") => Some(nt.nothing_waiting.to_owned()),
        _ => None,
    };
    ok(&page)
}

async fn save(State(state): State<AppState>, auth: Auth, Form(form): Form<ChoiceForm>) -> Result<Response, AppError> {
    let Ok(choice) = MailChoice::parse(&form.mail) else {
        let error = NotifyTexts::of(auth.ctx.lang).err_choice;
        let page = notices_page(&state, &auth, None, Some(error)).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    notice_settings::set_mail(&mut tx, &auth.actor(&state), auth.user.id, choice).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{PATH}?notice=saved")).into_response())
}

async fn read_one(State(state): State<AppState>, auth: Auth, Path(id): Path<i64>) -> Result<Response, AppError> {
    // Another user's id changes nothing (the store matches the id with the user).
    notifications::mark_read(&state.db, auth.user.id, id, state.clock.now()).await?;
    Ok(Redirect::to(PATH).into_response())
}

async fn read_all(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    notifications::mark_all_read(&state.db, auth.user.id, state.clock.now()).await?;
    Ok(Redirect::to(PATH).into_response())
}

/// Sends what waits for the digest now, instead of at the evening's hour.
async fn send_digest_now(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    if notifications::awaiting_digest(&state.db, auth.user.id).await? == 0 {
        return Ok(Redirect::to(&format!("{PATH}?notice=nothing_waiting")).into_response());
    }
    digest::send_now(&state, auth.user.id).await?;
    Ok(Redirect::to(&format!("{PATH}?notice=digest_sent")).into_response())
}
