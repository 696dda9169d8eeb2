//! An organisation's API tokens: its administrators create (the secret is shown once) and revoke them.

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{ok, render, show_time, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Manage, ReadScope, Role};
use volkshuis_domain::text::Name;
use volkshuis_store::{orgs, tokens, StoreError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/api-tokens", get(list).post(create))
        .route("/orgs/{org}/api-tokens/{id}/revoke", post(revoke))
}

struct TokenLine {
    id: i64,
    name: String,
    created: String,
    last_used: String,
    revoked: bool,
    ledger: bool,
    /// The ledger right lapsed: its maker is no longer an administrator.
    ledger_lapsed: bool,
}

#[derive(Template)]
#[template(path = "api_tokens.html")]
struct TokensPage {
    page: Page,
    org_id: i64,
    /// The reader may give a token the right to bring in the arrears ledger: an administrator of a corporation.
    may_give_ledger: bool,
    org_name: String,
    tokens: Vec<TokenLine>,
    token_name: String,
    errors: FieldErrors,
    new_secret: Option<String>,
    /// Made when the form is shown and kept by the token it makes: sent again (a reload of the page with the
    /// secret, a double click), it makes no second token.
    form_token: String,
    /// The form was sent again: its token exists (its secret was shown once).
    made_twice: bool,
}

async fn page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    name: String,
    errors: FieldErrors,
    new_secret: Option<String>,
) -> Result<TokensPage, AppError> {
    let org = orgs::get(&state.db, scope.org_id()).await?.ok_or(AppError::NotFound)?;
    let tokens = tokens::list(&state.db, scope)
        .await?
        .into_iter()
        .map(|t| TokenLine {
            id: t.id,
            name: t.name,
            created: format!("{} ({})", show_time(t.created_at), t.created_by),
            last_used: t.last_used_at.map(show_time).unwrap_or_else(|| auth.ctx.t().tokens_never_used.to_owned()),
            revoked: t.revoked_at.is_some(),
            ledger: t.may_bring_ledger,
            ledger_lapsed: t.may_bring_ledger && t.ledger_lapsed,
        })
        .collect();
    Ok(TokensPage {
        page: Page::for_user(auth),
        org_id: org.id,
        may_give_ledger: may_give_ledger(auth, &org),
        org_name: org.name,
        tokens,
        token_name: name,
        errors,
        new_secret,
        form_token: format!("{:032x}", rand::random::<u128>()),
        made_twice: false,
    })
}

/// The right to send tenants' data to municipalities is given by the corporation's own administrator only (not the
/// platform's operator), and holds while they are one (`tokens::authenticate`).
fn may_give_ledger(auth: &Auth, org: &orgs::Organisation) -> bool {
    org.kind == volkshuis_domain::org::OrgKind::Corporation
        && auth.memberships.iter().any(|(o, role)| o.id == org.id && *role == Role::Admin)
}

async fn list(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Manage).await?;
    ok(&page(&state, &auth, &scope, String::new(), FieldErrors::default(), None).await?)
}

#[derive(Deserialize)]
struct NewToken {
    #[serde(default)]
    name: String,
    /// A checkbox: the token may also bring in Signalering's arrears ledger (a corporation's only).
    #[serde(default)]
    ledger: Option<String>,
    #[serde(default)]
    form_token: String,
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(form): Form<NewToken>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Manage).await?;
    let mut errors = FieldErrors::default();
    let Some(name) = errors.check(auth.ctx.t(), "name", Name::parse(&form.name)) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page(&state, &auth, &scope, form.name, errors, None).await?);
    };
    let org = orgs::get(&state.db, org).await?.ok_or(AppError::NotFound)?;
    let ledger = form.ledger.is_some() && may_give_ledger(&auth, &org);
    let form_token = Some(form.form_token.as_str()).filter(|t| !t.is_empty() && t.len() <= 64);
    let actor = auth.actor(&state);
    let secret = match tokens::create(&state.db, &scope, &actor, &name, ledger, form_token).await {
        Err(StoreError::Duplicate) if form_token.is_some() => {
            let mut again = page(&state, &auth, &scope, String::new(), FieldErrors::default(), None).await?;
            again.made_twice = true;
            return render(StatusCode::CONFLICT, &again);
        }
        other => other?.1,
    };
    // The secret is shown on this one answer only; it is never stored or shown again.
    render(
        StatusCode::CREATED,
        &page(&state, &auth, &scope, String::new(), FieldErrors::default(), Some(secret)).await?,
    )
}

async fn revoke(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Manage).await?;
    match tokens::revoke(&state.db, &scope, &auth.actor(&state), id).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        other => other.map_err(AppError::from),
    }?;
    Ok(Redirect::to(&format!("/orgs/{org}/api-tokens")).into_response())
}
