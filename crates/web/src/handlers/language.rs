//! Switching the UI language; remembered in a cookie and, for a logged-in user, in the account.

use crate::auth::MaybeAuth;
use crate::cookies;
use crate::error::AppError;
use crate::forms::local_path;
use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::{Form, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use cookie::SameSite;
use serde::Deserialize;
use volkshuis_store::users;

pub fn router() -> Router<AppState> {
    Router::new().route("/language", post(switch))
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

async fn switch(
    State(state): State<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&form.lang).unwrap_or_default();
    if let Some(auth) = &auth {
        let mut tx = state.db.begin().await?;
        users::set_locale(&mut tx, &auth.actor(&state), auth.user.id, lang.code()).await?;
        tx.commit().await?;
    }
    let mut response = Redirect::to(&local_path(&form.back, "/")).into_response();
    let cookie =
        cookies::set(cookies::LANG, lang.code(), state.config.secure_cookies, SameSite::Lax, Some(365 * 24 * 3600));
    response.headers_mut().append(header::SET_COOKIE, cookie);
    if auth.is_none() {
        let chosen = cookies::set(cookies::LANG_CHOSEN, "1", state.config.secure_cookies, SameSite::Lax, None);
        response.headers_mut().append(header::SET_COOKIE, chosen);
    }
    Ok(response)
}
