//! Logging in and out, with growing delays after repeated failures (ADR 0028).

use crate::auth::{Auth, MaybeAuth};
use crate::context::RequestContext;
use crate::cookies;
use crate::error::AppError;
use crate::forms::local_path;
use crate::state::AppState;
use crate::throttle;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use cookie::SameSite;
use serde::Deserialize;
use volkshuis_accounts::password;
use volkshuis_domain::account::SessionLifetime;
use volkshuis_domain::throttle::Namespace;
use volkshuis_store::audit::Actor;
use volkshuis_store::{sessions, users};

pub fn router() -> Router<AppState> {
    Router::new().route("/login", get(show).post(submit)).route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    notice: Option<String>,
}

async fn show(
    MaybeAuth(auth): MaybeAuth,
    ctx: RequestContext,
    Query(q): Query<LoginQuery>,
) -> Result<Response, AppError> {
    if auth.is_some() {
        return Ok(Redirect::to("/dashboard").into_response());
    }
    let page = Page::anonymous(&ctx).with_notice(q.notice.as_deref());
    ok(&LoginPage { page, email: String::new(), next: q.next.unwrap_or_default(), error: None })
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn submit(
    State(state): State<AppState>,
    ctx: RequestContext,
    headers: axum::http::HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let t = ctx.t();
    let account = form.email.trim().to_lowercase();
    let now = state.clock.now();
    let again = |status, error: String| {
        let page = LoginPage {
            page: Page::anonymous(&ctx),
            email: form.email.clone(),
            next: form.next.clone(),
            error: Some(error),
        };
        render(status, &page)
    };
    // The account counts per (account, address) pair, so a stranger's failures never slow the owner down elsewhere;
    // the address counts across accounts (ADR 0028). A delayed attempt is not checked, so it cannot count either.
    let pair = throttle::account_from(&account, &ctx.client);
    let checks = [(Namespace::LoginAccount, pair.as_str()), (Namespace::LoginAddress, ctx.client.as_str())];
    if let Some(wait) = throttle::longest_wait(&state, &checks).await? {
        tracing::warn!(account = %account, client = %ctx.client, seconds = wait.seconds, "login delayed");
        return Ok(wait.mark(again(StatusCode::TOO_MANY_REQUESTS, wait.message(t))?));
    }
    let found = users::credentials(&state.db, &account).await?;
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    let password_ok = password::verify(form.password.clone(), hash).await?;
    let user = match user {
        Some(user) if password_ok && user.active => user,
        _ => {
            throttle::record(&state, &checks).await?;
            tracing::info!(account = %account, client = %ctx.client, "login failed");
            return again(StatusCode::UNPROCESSABLE_ENTITY, t.login_failed.to_owned());
        }
    };
    // The address's failures stay: they guard against one address trying many accounts.
    throttle::clear(&state, Namespace::LoginAccount, &pair).await?;
    let actor = Actor {
        user_id: Some(user.id),
        label: format!("{} <{}>", user.name, user.email),
        request_id: Some(ctx.request_id.clone()),
        at: now,
    };
    // A user in several organisations lands on the one chosen last, or else where work waits for them.
    let memberships = users::organisations_of(&state.db, user.id).await?;
    let today = volkshuis_domain::calendar::dutch_date(now);
    let landing = super::dashboard::landing::landing_org(&state, user.id, &memberships, today).await?;
    let token = sessions::create(&state.db, &actor, user.id, landing).await?;
    // A language chosen on the login page (or before it) is kept, and becomes the account's: the account's older choice
    // switched an English visitor back to Dutch at the door.
    let chosen = cookies::get(&headers, cookies::LANG_CHOSEN).is_some().then_some(ctx.lang.code());
    let locale = match chosen {
        Some(code) if code != user.locale => {
            let mut tx = state.db.begin().await?;
            users::set_locale(&mut tx, &actor, user.id, code).await?;
            tx.commit().await?;
            code.to_owned()
        }
        _ => user.locale.clone(),
    };
    let secure = state.config.secure_cookies;
    let max_age = SessionLifetime::ABSOLUTE.whole_seconds();
    let mut response = Redirect::to(&local_path(&form.next, "/dashboard")).into_response();
    let headers = response.headers_mut();
    headers.append(header::SET_COOKIE, cookies::set(cookies::SESSION, &token, secure, SameSite::Lax, Some(max_age)));
    let year = 365 * 24 * 3600;
    headers.append(header::SET_COOKIE, cookies::set(cookies::LANG, &locale, secure, SameSite::Lax, Some(year)));
    headers.append(header::SET_COOKIE, cookies::set(cookies::LANG_CHOSEN, "", secure, SameSite::Lax, Some(0)));
    // The form token now follows from the new session; the pre-session cookie is replaced too (ADR 0027).
    headers.append(header::SET_COOKIE, crate::csrf::rotate(&state));
    Ok(response)
}

async fn logout(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    sessions::end(&state.db, &auth.actor(&state), &auth.token).await?;
    let mut response = Redirect::to("/login?notice=logged_out").into_response();
    let gone = cookies::set(cookies::SESSION, "", state.config.secure_cookies, SameSite::Lax, Some(0));
    response.headers_mut().append(header::SET_COOKIE, gone);
    response.headers_mut().append(header::SET_COOKIE, crate::csrf::rotate(&state));
    Ok(response)
}
