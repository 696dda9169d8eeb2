//! `GET /calendar/<secret>.ics`: the feed itself, for a calendar app (no session, no cookie). An unknown or revoked
//! secret is a 404. Two growing delays (ADR 0028, 0034): unknown secrets per client address, so guessing stays slow,
//! and fetches per feed, so a script polling every second cannot keep the database busy.

use super::{events, FeedTexts};
use crate::context::RequestContext;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::throttle;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::ical;
use volkshuis_domain::throttle::Namespace;
use volkshuis_store::{calendar_feeds, users};

pub fn router() -> Router<AppState> {
    Router::new().route("/calendar/{file}", get(feed))
}

/// A wait, as a calendar app reads it: 429 with `Retry-After`.
fn too_many(wait: throttle::Wait, ctx: &RequestContext) -> Response {
    wait.mark((StatusCode::TOO_MANY_REQUESTS, wait.message(ctx.t())).into_response())
}

async fn feed(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let Some(secret) = file.strip_suffix(".ics") else { return Err(AppError::NotFound) };
    let guesses = [(Namespace::CalendarGuess, ctx.client.as_str())];
    if let Some(wait) = throttle::longest_wait(&state, &guesses).await? {
        tracing::warn!(client = %ctx.client, seconds = wait.seconds, "calendar feed guesses delayed");
        return Ok(too_many(wait, &ctx));
    }
    let now = state.clock.now();
    let Some((feed_id, user_id)) = calendar_feeds::authenticate(&state.db, secret, now).await? else {
        throttle::record(&state, &guesses).await?;
        return Err(AppError::NotFound);
    };
    let subject = feed_id.to_string();
    let fetches = [(Namespace::CalendarFeed, subject.as_str())];
    if let Some(wait) = throttle::longest_wait(&state, &fetches).await? {
        tracing::warn!(feed_id, seconds = wait.seconds, "calendar feed polled too often");
        return Ok(too_many(wait, &ctx));
    }
    throttle::record(&state, &fetches).await?;
    // A deactivated account's feed lists nothing, as its owner can no longer log in to see it.
    let Some(user) = users::get(&state.db, user_id).await?.filter(|u| u.active) else {
        return Err(AppError::NotFound);
    };
    let texts = FeedTexts::of(Lang::from_code(&user.locale).unwrap_or_default());
    let calendar = events::calendar_for(&state, &user, &texts).await?;
    let body = ical::write(&calendar, now);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"volkshuis.ics\""),
        ],
        body,
    )
        .into_response())
}
