//! `/account/calendar`: how to subscribe, and the user's one feed — made (the address is shown once, like an API
//! token), replaced by a new secret, or revoked. The forms are POSTs under the CSRF middleware like every other.

use super::feed_url;
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::IcalTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use volkshuis_store::{calendar_feeds, StoreError};

pub fn router() -> Router<AppState> {
    Router::new().route("/account/calendar", get(show).post(create)).route("/account/calendar/revoke", post(revoke))
}

/// The feed as the page describes it.
struct FeedView {
    since: String,
    last_used: Option<String>,
}

#[derive(Template)]
#[template(path = "account/calendar.html")]
struct CalendarPage {
    page: Page,
    ic: &'static IcalTexts,
    feed: Option<FeedView>,
    /// The address, on the answer that made it only.
    new_url: Option<String>,
    /// A `webcal:` link that opens the calendar app, for a site served over https.
    webcal: Option<String>,
}

async fn page(state: &AppState, auth: &Auth, new_url: Option<String>) -> Result<CalendarPage, AppError> {
    let ic = IcalTexts::of(auth.ctx.lang);
    let feed = calendar_feeds::feed_of(&state.db, auth.user.id)
        .await?
        .map(|f| FeedView { since: show_time(f.created_at), last_used: f.last_used_at.map(show_time) });
    let webcal = new_url.as_deref().and_then(|u| u.strip_prefix("https://")).map(|rest| format!("webcal://{rest}"));
    Ok(CalendarPage { page: Page::for_user(auth), ic, feed, new_url, webcal })
}

async fn show(State(state): State<AppState>, auth: Auth, Query(q): Query<NoticeQuery>) -> Result<Response, AppError> {
    let mut page = page(&state, &auth, None).await?;
    if q.notice.as_deref() == Some("revoked") {
        page.page.notice = Some(page.ic.revoked.to_owned());
    }
    ok(&page)
}

/// Makes the feed, or gives it a new secret; the address is on this answer only and never shown again.
async fn create(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    let secret = calendar_feeds::create(&state.db, &auth.actor(&state), auth.user.id).await?;
    tracing::info!(user_id = auth.user.id, "calendar feed made");
    render(StatusCode::CREATED, &page(&state, &auth, Some(feed_url(&state, &secret))).await?)
}

async fn revoke(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    match calendar_feeds::revoke(&state.db, &auth.actor(&state), auth.user.id).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        other => other.map_err(AppError::from),
    }?;
    Ok(Redirect::to("/account/calendar?notice=revoked").into_response())
}
