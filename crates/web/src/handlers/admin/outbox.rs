//! The mail outbox: every message Volkshuis wrote, and whether it was sent.

use crate::auth::PlatformAdmin;
use crate::error::AppError;
use crate::i18n::Texts;
use crate::state::AppState;
use crate::views::{ok, show_time, Page};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_store::outbox::{self, Status};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/outbox", get(list)).route("/admin/outbox/{id}", get(show))
}

fn status_label(t: &Texts, status: Status) -> &'static str {
    match status {
        Status::Queued => t.status_queued,
        Status::Sent => t.status_sent,
        Status::Held => t.status_held,
        Status::Failed => t.status_failed,
    }
}

struct Row {
    id: i64,
    at: String,
    to: String,
    subject: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct ListPage {
    page: Page,
    smtp: bool,
    messages: Vec<Row>,
}

async fn list(State(state): State<AppState>, PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let messages = outbox::list(&state.db, 200)
        .await?
        .into_iter()
        .map(|m| Row {
            id: m.id,
            at: show_time(m.created_at),
            to: m.to_address,
            subject: m.subject,
            status: status_label(t, m.status),
        })
        .collect();
    ok(&ListPage { page: Page::for_user(&auth), smtp: state.config.smtp_url.is_some(), messages })
}

#[derive(Template)]
#[template(path = "admin/outbox_message.html")]
struct MessagePage {
    page: Page,
    subject: String,
    to: String,
    at: String,
    status: &'static str,
    body: String,
}

async fn show(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let m = outbox::open(&state.db, &auth.actor(&state), id).await?.ok_or(AppError::NotFound)?;
    let status = status_label(auth.ctx.t(), m.status);
    ok(&MessagePage {
        page: Page::for_user(&auth),
        subject: m.subject,
        to: m.to_address,
        at: show_time(m.created_at),
        status,
        body: m.body,
    })
}
