//! "Forgot password": a single-use, one-hour link by e-mail, only the newest of which works, with growing delays for
//! repeated requests. The answer never reveals whether an address exists.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::mail;
use crate::state::AppState;
use crate::throttle;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use volkshuis_accounts::password;
use volkshuis_domain::account::{Email, NewPassword};
use volkshuis_domain::throttle::Namespace;
use volkshuis_store::audit::Actor;
use volkshuis_store::{resets, users};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/password/forgot", get(show_forgot).post(submit_forgot))
        .route("/password/reset", get(show_reset).post(submit_reset))
}

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage {
    page: Page,
    email: String,
    sent: bool,
    errors: FieldErrors,
}

async fn show_forgot(ctx: RequestContext) -> Result<Response, AppError> {
    ok(&ForgotPage { page: Page::anonymous(&ctx), email: String::new(), sent: false, errors: FieldErrors::default() })
}

#[derive(Deserialize)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn submit_forgot(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<ForgotForm>,
) -> Result<Response, AppError> {
    let t = ctx.t();
    let mut errors = FieldErrors::default();
    // An account made before addresses were checked as mail programs write them (`a..b@x.nl`) still gets its link:
    // an address the check refuses is looked up as typed before it is called wrong.
    let typed = form.email.trim().to_lowercase();
    let legacy = match Email::parse(&form.email) {
        Err(volkshuis_domain::text::TextError::Format) => users::credentials(&state.db, &typed).await?.map(|(u, _)| u),
        _ => None,
    };
    let email = match Email::parse(&form.email) {
        Ok(email) => email.as_str().to_owned(),
        Err(_) if legacy.is_some() => typed,
        Err(problem) => {
            errors.check::<Email>(t, "email", Err(problem));
            let page = ForgotPage { page: Page::anonymous(&ctx), email: form.email, sent: false, errors };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    // Per typed address (known or not, so a delay tells nothing about which exist) and per client address
    // (ADR 0028): nobody can flood a mailbox, or the outbox, with reset mails.
    let checks = [(Namespace::ResetAccount, email.as_str()), (Namespace::ResetAddress, ctx.client.as_str())];
    if let Some(wait) = throttle::longest_wait(&state, &checks).await? {
        tracing::warn!(client = %ctx.client, seconds = wait.seconds, "password reset delayed");
        errors.add("email", wait.message(t));
        let page = ForgotPage { page: Page::anonymous(&ctx), email: form.email, sent: false, errors };
        return Ok(wait.mark(render(StatusCode::TOO_MANY_REQUESTS, &page)?));
    }
    throttle::record(&state, &checks).await?;
    let user = match legacy {
        Some(user) => Some(user),
        None => users::credentials(&state.db, &email).await?.map(|(u, _)| u),
    };
    if let Some(user) = user.filter(|u| u.active) {
        send_link(&state, &ctx, &user, resets::VALID_FOR, t.mail_reset_subject, |link, name| {
            t.mail_reset_body(link, name)
        })
        .await?;
    } else {
        tracing::info!("password reset asked for an unknown or blocked address");
    }
    ok(&ForgotPage { page: Page::anonymous(&ctx), email: String::new(), sent: true, errors: FieldErrors::default() })
}

/// Creates a token and mails a link to choose a password (for a reset, or for a new account's first password);
/// `body` makes the mail's text from the link and the user's name.
pub(crate) async fn send_link(
    state: &AppState,
    ctx: &RequestContext,
    user: &users::User,
    valid_for: time::Duration,
    subject: &str,
    body: impl FnOnce(&str, &str) -> String,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let token = resets::create(&mut tx, user.id, now, valid_for).await?;
    let link = format!("{}/password/reset?token={token}", state.config.base_url.trim_end_matches('/'));
    let body = body(&link, &user.name);
    mail::queue(state, &mut tx, &user.email, subject, &body).await?;
    let actor =
        Actor { user_id: None, label: "password link".into(), request_id: Some(ctx.request_id.clone()), at: now };
    let change = volkshuis_store::audit::Change::event(None, "password_link_sent", "user", user.id.to_string());
    volkshuis_store::audit::record(tx.conn(), &actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    page: Page,
    token: String,
    valid: bool,
    errors: FieldErrors,
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn show_reset(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let mut tx = state.db.begin().await?;
    let valid = resets::peek(&mut tx, &q.token, state.clock.now()).await?.is_some();
    tx.commit().await?;
    let status = if valid { StatusCode::OK } else { StatusCode::NOT_FOUND };
    render(status, &ResetPage { page: Page::anonymous(&ctx), token: q.token, valid, errors: FieldErrors::default() })
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn submit_reset(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    let t = ctx.t();
    let mut errors = FieldErrors::default();
    let new_password = errors.check(t, "password", NewPassword::parse(&form.password));
    if new_password.is_some() && form.password != form.confirm {
        errors.add("confirm", t.err_password_mismatch);
    }
    let now = state.clock.now();
    let again = |valid: bool, errors: FieldErrors| {
        let status = if valid { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::NOT_FOUND };
        render(status, &ResetPage { page: Page::anonymous(&ctx), token: form.token.clone(), valid, errors })
    };
    let Some(new_password) = new_password.filter(|_| errors.is_empty()) else {
        let mut tx = state.db.begin().await?;
        let valid = resets::peek(&mut tx, &form.token, now).await?.is_some();
        return again(valid, errors);
    };
    let hash = password::hash(new_password.expose().to_owned()).await?;
    let mut tx = state.db.begin().await?;
    let Some(user_id) = resets::consume(&mut tx, &form.token, now).await? else {
        return again(false, FieldErrors::default());
    };
    let actor = Actor {
        user_id: Some(user_id),
        label: "password reset".into(),
        request_id: Some(ctx.request_id.clone()),
        at: now,
    };
    users::set_password(&mut tx, &actor, user_id, &hash).await?;
    tx.commit().await?;
    // Whoever opened the mailed link owns the account: the login's delay for this account from this address goes, as
    // after a successful login (the address's own count across accounts stays).
    if let Some(user) = users::get(&state.db, user_id).await? {
        let pair = throttle::account_from(&user.email, &ctx.client);
        throttle::clear(&state, Namespace::LoginAccount, &pair).await?;
    }
    Ok(Redirect::to("/login?notice=password_changed").into_response())
}
