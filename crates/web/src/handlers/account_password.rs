//! A signed-in user changes their own password: the current one first (a session left open on a shared computer does
//! not hand over the account), throttled as a login is for its account; the new one twice. Every other session of
//! the user ends, this one is replaced by a new one, so the browser that changed it stays signed in.

use crate::auth::Auth;
use crate::cookies;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::throttle;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use cookie::SameSite;
use serde::Deserialize;
use volkshuis_accounts::password;
use volkshuis_domain::account::{NewPassword, SessionLifetime};
use volkshuis_domain::throttle::Namespace;
use volkshuis_store::{sessions, users};

const PATH: &str = "/account/wachtwoord";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(show).post(save))
}

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    page: Page,
    errors: FieldErrors,
}

async fn show(auth: Auth, Query(q): Query<NoticeQuery>) -> Result<Response, AppError> {
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    ok(&PasswordPage { page, errors: FieldErrors::default() })
}

/// The current password's field is named so that a lost form's rescue page never shows it back (`rescue::typed`
/// hides fields whose name holds "password").
#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn save(State(state): State<AppState>, auth: Auth, Form(form): Form<PasswordForm>) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    // Passwords are never shown back: a page with an error comes with empty fields and says why.
    let again = |status, errors: FieldErrors| render(status, &PasswordPage { page: Page::for_user(&auth), errors });
    // Per account and address only: the address's own count guards one address trying many accounts, and would here
    // make one person's mistyped current password hold up colleagues' logins from a shared office address.
    let pair = throttle::account_from(&auth.user.email, &auth.ctx.client);
    let checks = [(Namespace::LoginAccount, pair.as_str())];
    if let Some(wait) = throttle::longest_wait(&state, &checks).await? {
        let mut errors = FieldErrors::default();
        errors.add("current_password", wait.message(t));
        return Ok(wait.mark(again(StatusCode::TOO_MANY_REQUESTS, errors)?));
    }
    let mut errors = FieldErrors::default();
    let new_password = errors.check(t, "password", NewPassword::parse(&form.password));
    if new_password.is_some() && form.password != form.confirm {
        errors.add("confirm", t.err_password_mismatch);
    }
    let stored = users::credentials(&state.db, &auth.user.email).await?.map(|(_, hash)| hash);
    if !password::verify(form.current_password.clone(), stored).await? {
        throttle::record(&state, &checks).await?;
        errors.add("current_password", t.err_current_password);
    }
    let Some(new_password) = new_password.filter(|_| errors.is_empty()) else {
        return again(StatusCode::UNPROCESSABLE_ENTITY, errors);
    };
    throttle::clear(&state, Namespace::LoginAccount, &pair).await?;
    let hash = password::hash(new_password.expose().to_owned()).await?;
    let actor = auth.actor(&state);
    let mut tx = state.db.begin().await?;
    users::set_password(&mut tx, &actor, auth.user.id, &hash).await?;
    tx.commit().await?;
    let token = sessions::create(&state.db, &actor, auth.user.id, auth.active_org_id).await?;
    let mut response = Redirect::to(&format!("{PATH}?notice=password_saved")).into_response();
    let headers = response.headers_mut();
    let max_age = SessionLifetime::ABSOLUTE.whole_seconds();
    let secure = state.config.secure_cookies;
    headers.append(header::SET_COOKIE, cookies::set(cookies::SESSION, &token, secure, SameSite::Lax, Some(max_age)));
    // The form token follows from the session (ADR 0027).
    headers.append(header::SET_COOKIE, crate::csrf::rotate(&state));
    Ok(response)
}
