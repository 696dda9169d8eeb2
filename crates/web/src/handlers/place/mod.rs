//! One place per complex and buurt (issue 23, ADR 0048): each module's facts for one complex or buurt on one page,
//! a timeline of the past year, and a printable one-pager for a tenants' meeting.
//!
//! The viewer's own organisation is in the path; the store opens the place for it or answers `None` (a 404: another
//! organisation's complex is not there for this viewer) and reads only the blocks the viewer may see. This module
//! words them.

mod view;

use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{ok, show_time};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::View;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::ids::BuurtCode;
use volkshuis_domain::place::Purpose;
use volkshuis_store::place::{self, blocks, Place};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/plek/complexen/{id}", get(complex))
        .route("/orgs/{org}/plek/complexen/{id}/afdrukken", get(complex_print))
        .route("/orgs/{org}/plek/buurten/{code}", get(buurt))
        .route("/orgs/{org}/plek/buurten/{code}/afdrukken", get(buurt_print))
}

/// Where a place's page lives for the viewer's organisation `org`.
pub fn complex_href(org: i64, cluster_id: i64) -> String {
    format!("/orgs/{org}/plek/complexen/{cluster_id}")
}

/// Where a buurt's page lives for the viewer's organisation `org`.
pub fn buurt_href(org: i64, code: &str) -> String {
    format!("/orgs/{org}/plek/buurten/{code}")
}

async fn complex(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let place = place::open_complex(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    show(&state, &auth, org, place, Purpose::Screen).await
}

async fn complex_print(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let place = place::open_complex(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    show(&state, &auth, org, place, Purpose::TenantMeeting).await
}

/// A buurt code from the path: a well-formed CBS code or a 404 (never a query with whatever was typed).
fn buurt_code(code: &str) -> Result<String, AppError> {
    BuurtCode::parse(code).map(|c| c.to_string()).map_err(|_| AppError::NotFound)
}

async fn buurt(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, code)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let place = place::open_buurt(&state.db, &scope, &buurt_code(&code)?).await?.ok_or(AppError::NotFound)?;
    show(&state, &auth, org, place, Purpose::Screen).await
}

async fn buurt_print(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, code)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let place = place::open_buurt(&state.db, &scope, &buurt_code(&code)?).await?.ok_or(AppError::NotFound)?;
    show(&state, &auth, org, place, Purpose::TenantMeeting).await
}

async fn show(state: &AppState, auth: &Auth, org: i64, place: Place, purpose: Purpose) -> Result<Response, AppError> {
    let now = state.clock.now();
    let today = dutch_date(now);
    let read = blocks::read(&state.db, &place, purpose, today).await?;
    let names = view::Names::load(state, &place).await?;
    let page = view::PlacePage::new(auth, org, &place, &read, &names, purpose, today);
    match purpose {
        Purpose::Screen => ok(&page),
        Purpose::TenantMeeting => ok(&view::PrintPage { printed_on: show_time(now), place: page }),
    }
}
