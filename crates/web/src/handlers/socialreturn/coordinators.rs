//! The organisations a buyer works with as social-return coordinator (ADR 0026): its administrators add them here,
//! and the contract form offers exactly these. A coordinator reads candidate names and evidence, so only a partner
//! or a municipality can be added, never a supplier, a corporation or a tenant organisation.

use super::buyer_scope;
use super::forms::{field, Fields};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::{Action, Manage, ReadScope, View};
use volkshuis_store::orgs;
use volkshuis_store::socialreturn::{self, may_coordinate};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/sr/coordinatoren", get(show).post(add))
}

#[derive(Template)]
#[template(path = "socialreturn/coordinators.html")]
struct CoordinatorsPage {
    page: Page,
    org_id: i64,
    coordinators: Vec<(i64, String)>,
    candidates: Vec<(String, String)>,
    can_manage: bool,
    typed: String,
    errors: FieldErrors,
}

async fn page_for(
    state: &AppState,
    page: Page,
    scope: &ReadScope,
    typed: String,
    errors: FieldErrors,
) -> Result<CoordinatorsPage, AppError> {
    let coordinators = socialreturn::coordinators(&state.db, scope).await?;
    let candidates = orgs::list(&state.db)
        .await?
        .into_iter()
        .filter(|o| may_coordinate(o.kind) && o.id != scope.org_id() && !coordinators.iter().any(|(id, _)| *id == o.id))
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    Ok(CoordinatorsPage {
        page,
        org_id: scope.org_id(),
        coordinators,
        candidates,
        can_manage: scope.role().allows(Action::Manage),
        typed,
        errors,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, View).await?;
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    ok(&page_for(&state, page, &scope, String::new(), FieldErrors::default()).await?)
}

async fn add(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, Manage).await?;
    let typed = field(&fields, "coordinator_id").to_owned();
    // Checked here against the organisations that may coordinate; the store checks the same in its transaction.
    let chosen = match typed.parse::<i64>() {
        Ok(id) if id != org => orgs::get(&state.db, id).await?.filter(|o| may_coordinate(o.kind)),
        _ => None,
    };
    let Some(chosen) = chosen else {
        let mut errors = FieldErrors::default();
        errors.add("coordinator_id", auth.ctx.lang.socialreturn().err_coordinator_kind);
        let page = page_for(&state, Page::for_user(&auth), &scope, typed, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    // Adding a coordinator twice changes nothing, and tells nobody again.
    let known = socialreturn::coordinators(&state.db, &scope).await?.iter().any(|(id, _)| *id == chosen.id);
    let mut tx = state.db.begin().await?;
    socialreturn::add_coordinator(&mut tx, &scope, &auth.actor(&state), chosen.id).await?;
    if !known {
        let step = Step::CoordinatorAdded { buyer_id: org, coordinator_id: chosen.id };
        notify::tell(&state, &mut tx, &Event::new(&auth, org, step)).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/coordinatoren?notice=saved")).into_response())
}
