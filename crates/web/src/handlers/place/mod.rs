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
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
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
    show(&state, &auth, org, place).await
}

/// Which tenant organisation a one-pager is for (its id); a tenant organisation prints for itself.
#[derive(Debug, Default, Deserialize)]
struct PrintQuery {
    #[serde(default)]
    voor: String,
}

async fn complex_print(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let place = place::open_complex(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    print(&state, &auth, org, place, &q).await
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
    show(&state, &auth, org, place).await
}

async fn buurt_print(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, code)): Path<(i64, String)>,
    Query(q): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let place = place::open_buurt(&state.db, &scope, &buurt_code(&code)?).await?.ok_or(AppError::NotFound)?;
    print(&state, &auth, org, place, &q).await
}

async fn show(state: &AppState, auth: &Auth, org: i64, place: Place) -> Result<Response, AppError> {
    let today = dutch_date(state.clock.now());
    let read = blocks::read(&state.db, &place, Purpose::Screen, today).await?;
    let names = view::Names::load(state, &place).await?;
    let meetings = place.meeting_partners(&state.db).await?;
    let sheet = view::Sheet { purpose: Purpose::Screen, today, meetings: &meetings };
    ok(&view::PlacePage::new(auth, org, &place, &read, &names, sheet))
}

/// The one-pager for a meeting with one tenant organisation: the place as that organisation sees it (checked: one the
/// corporation consults, or the viewer itself), read with its rights. Anything else is a 404.
async fn print(state: &AppState, auth: &Auth, org: i64, place: Place, q: &PrintQuery) -> Result<Response, AppError> {
    let partners = place.meeting_partners(&state.db).await?;
    let (tenant, name) = match partners.as_slice() {
        // A tenant organisation prints for itself, whatever the link says.
        [only] if place.viewer() == volkshuis_domain::place::Viewer::TenantOrganisation => only.clone(),
        _ => {
            let wanted: i64 = q.voor.trim().parse().map_err(|_| AppError::NotFound)?;
            partners.into_iter().find(|(id, _)| *id == wanted).ok_or(AppError::NotFound)?
        }
    };
    let meeting = place.for_tenant_meeting(&state.db, tenant).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let today = dutch_date(now);
    let read = blocks::read(&state.db, &meeting, Purpose::TenantMeeting, today).await?;
    let names = view::Names::load(state, &meeting).await?;
    let sheet = view::Sheet { purpose: Purpose::TenantMeeting, today, meetings: &[] };
    let page = view::PlacePage::new(auth, org, &meeting, &read, &names, sheet);
    let intro = page.pl.print_intro_for(&name);
    ok(&view::PrintPage { printed_on: show_time(now), intro, place: page })
}
