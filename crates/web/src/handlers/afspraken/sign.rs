//! Signing: a party signs only after a confirmation that says what its signature does, with the name and function
//! of who signs typed (nothing chosen in advance). When the last party signs, the text is locked and monitoring
//! begins.

use super::phase_bar::PhaseBar;
use super::{load, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Edit;
use volkshuis_domain::afspraken::Phase;
use volkshuis_store::afspraken::{self, Cycle, CycleRef};
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken/{id}/ondertekenen", get(form).post(sign))
}

#[derive(Template)]
#[template(path = "afspraken/sign.html")]
struct SignPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    summary: String,
    confirm: String,
    commitments: Vec<String>,
    /// Why signing is not possible now (not the signing phase, or signed already); the form is not shown then.
    closed: Option<&'static str>,
    signed_by: String,
    errors: FieldErrors,
}

async fn sign_page(
    state: &AppState,
    auth: &Auth,
    organisation: &Organisation,
    cycle_ref: &CycleRef,
    cycle: &Cycle,
    name: String,
    errors: FieldErrors,
) -> Result<SignPage, AppError> {
    let page = Page::for_user(auth);
    let pa = page.pa;
    let commitments = afspraken::commitments(&state.db, cycle_ref).await?;
    let signed = afspraken::parties(&state.db, cycle_ref)
        .await?
        .iter()
        .any(|p| p.org.id == organisation.id && p.signed_at.is_some());
    let closed = if signed {
        Some(pa.sign_done)
    } else if cycle.phase != Phase::Ondertekening {
        Some(pa.sign_not_now)
    } else {
        None
    };
    Ok(SignPage {
        closed,
        bar: PhaseBar::of(pa, cycle, organisation.id),
        org_id: organisation.id,
        id: cycle.id,
        summary: pa.sign_summary(commitments.len() as i64, &cycle.title, &organisation.name),
        confirm: pa.sign_confirm(&organisation.name),
        commitments: commitments.iter().map(|c| format!("{}: {}", pa.theme(c.theme), c.body)).collect(),
        signed_by: name,
        errors,
        page,
    })
}

async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    ok(&sign_page(&state, &auth, &organisation, &cycle_ref, &cycle, String::new(), FieldErrors::default()).await?)
}

async fn sign(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    let name = fields.get("signed_by").map(|n| n.trim().to_owned()).unwrap_or_default();
    let mut errors = FieldErrors::default();
    if name.is_empty() || name.chars().count() > 200 {
        errors.add("signed_by", pa.err_sign_name);
    }
    // Only the confirmation's own button signs.
    if fields.get("confirmed").map(String::as_str) != Some("yes") || !errors.is_empty() {
        let page = sign_page(&state, &auth, &organisation, &cycle_ref, &cycle, name, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    let signed = afspraken::sign(&mut tx, &scope, &auth.actor(&state), id, &name, today(&state)).await?;
    if signed {
        let parties = super::party_ids(&mut tx, &cycle_ref).await?;
        let what = crate::notify::events::CycleStep::Signed;
        super::tell_parties(&state, &mut tx, &auth, org, (id, &cycle.title, parties), what).await?;
    }
    tx.commit().await?;
    if !signed {
        errors.add("signed_by", pa.sign_not_now);
        let page = sign_page(&state, &auth, &organisation, &cycle_ref, &cycle, name, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}?notice=saved#partijen")).into_response())
}
