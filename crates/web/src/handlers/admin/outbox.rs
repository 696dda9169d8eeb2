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
    /// Days a message is kept.
    kept_days: i64,
}

async fn list(State(state): State<AppState>, PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let stored = outbox::list(&state.db, 200).await?;
    let addresses: Vec<&str> = stored.iter().map(|m| m.to_address.as_str()).collect();
    let users = outbox::users_among(&state.db, &addresses).await?;
    let messages = stored
        .into_iter()
        .map(|m| Row {
            id: m.id,
            at: show_time(m.created_at),
            to: if users.contains(&m.to_address) { m.to_address } else { t.outbox_tenant.to_owned() },
            subject: m.subject,
            status: status_label(t, m.status),
        })
        .collect();
    let smtp = state.config.smtp_url.is_some();
    ok(&ListPage { page: Page::for_user(&auth), smtp, messages, kept_days: state.config.outbox_days })
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
    /// Whether a password link's token was left out of `body`.
    secret_hidden: bool,
}

/// The query key of the one secret a mail carries: a password link's token (`/password/reset?token=…`).
const SECRET_KEY: &str = "token=";

/// `body` with every password link's token replaced by dots, and whether there was one. A held message (no SMTP)
/// is shown whole: the administrator is then the only way a link reaches its person. Any other message went, or
/// goes, by mail; its token would let whoever reads the outbox choose that person's password (and read what only
/// that person may read), so it is not shown.
fn without_secrets(body: &str) -> (String, bool) {
    let mut shown = String::with_capacity(body.len());
    let mut rest = body;
    let mut hidden = false;
    while let Some(at) = rest.find(SECRET_KEY) {
        let (before, from) = rest.split_at(at + SECRET_KEY.len());
        shown.push_str(before);
        let end = from.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(from.len());
        if end > 0 {
            shown.push('…');
            hidden = true;
        }
        rest = &from[end..];
    }
    shown.push_str(rest);
    (shown, hidden)
}

async fn show(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let m = outbox::open(&state.db, &auth.actor(&state), id).await?.ok_or(AppError::NotFound)?;
    let t = auth.ctx.t();
    let status = status_label(t, m.status);
    // Mail to someone who is no user (a tenant, written to for a group's news) holds the corporation's persons: the
    // platform's operator sees that it was written and how it went, not to whom or what.
    if outbox::users_among(&state.db, &[m.to_address.as_str()]).await?.is_empty() {
        return ok(&MessagePage {
            page: Page::for_user(&auth),
            subject: m.subject,
            to: t.outbox_tenant.to_owned(),
            at: show_time(m.created_at),
            status,
            body: t.outbox_tenant_body.to_owned(),
            secret_hidden: false,
        });
    }
    let (body, secret_hidden) = if m.status == Status::Held { (m.body, false) } else { without_secrets(&m.body) };
    ok(&MessagePage {
        page: Page::for_user(&auth),
        subject: m.subject,
        to: m.to_address,
        at: show_time(m.created_at),
        status,
        body,
        secret_hidden,
    })
}

#[cfg(test)]
mod tests {
    use super::without_secrets;

    #[test]
    fn a_password_links_token_is_hidden_and_nothing_else() {
        let body = "Kies een wachtwoord: https://v.example/password/reset?token=Ab3-x_9Z\nGroet, token= Volkshuis";
        let (shown, hidden) = without_secrets(body);
        assert!(hidden);
        assert_eq!(shown, "Kies een wachtwoord: https://v.example/password/reset?token=…\nGroet, token= Volkshuis");
        assert_eq!(without_secrets("Geen link."), ("Geen link.".to_owned(), false));
        let (two, _) = without_secrets("a?token=1 b?token=2&x=3");
        assert_eq!(two, "a?token=… b?token=…&x=3");
    }
}
