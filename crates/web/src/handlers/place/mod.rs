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
use crate::vera_names::VeraNames;
use crate::views::{ok, show_time};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::sync::Arc;
use volkshuis_domain::access::View;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::ids::BuurtCode;
use volkshuis_domain::place::Purpose;
use volkshuis_store::place::{self, Place};

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

/// Which place a path names: a complex by id, or a buurt by its code as typed.
enum Which<'a> {
    Complex(i64),
    Buurt(&'a str),
}

/// A place opened for the viewer, with the reader that holds its connection and the VERA names.
struct Opened<'d> {
    reader: place::Reader<'d>,
    place: Place,
    vera: Arc<VeraNames>,
}

/// Opens the place `which` for the viewer's organisation `org`: a 404 for one it may not look at.
async fn open<'d>(state: &'d AppState, auth: &Auth, org: i64, which: Which<'_>) -> Result<Opened<'d>, AppError> {
    let scope = auth.scope(state, org, View).await?;
    // The VERA names before the reader takes its connection: it reads nothing through the pool while holding one.
    let vera = state.vera_names.get(&state.db, auth.ctx.lang).await?;
    let mut reader = place::Reader::new(&state.db);
    let place = match which {
        Which::Complex(id) => reader.open_complex(&scope, id).await?,
        Which::Buurt(code) => reader.open_buurt(&scope, &buurt_code(code)?).await?,
    };
    Ok(Opened { reader, place: place.ok_or(AppError::NotFound)?, vera })
}

async fn complex(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let opened = open(&state, &auth, org, Which::Complex(id)).await?;
    show(&state, &auth, org, opened).await
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
    let opened = open(&state, &auth, org, Which::Complex(id)).await?;
    print(&state, &auth, org, opened, &q).await
}

/// A buurt code from the path: a well-formed CBS code or a 404 (never a query with whatever was typed).
fn buurt_code(code: &str) -> Result<String, AppError> {
    BuurtCode::parse(code).map(|c| c.to_string()).map_err(|_| AppError::NotFound)
}

/// A buurt typed another way (`bu01500000`, `01500000`) is sent to its page under the code as CBS writes it, so one
/// buurt has one address (a bookmark, a shared link, the browser's history). Only for a viewer of `org`.
async fn canonical(
    state: &AppState,
    auth: &Auth,
    org: i64,
    code: &str,
    tail: &str,
) -> Result<Option<Response>, AppError> {
    let canonical = buurt_code(code)?;
    if canonical == code {
        return Ok(None);
    }
    auth.scope(state, org, View).await?;
    Ok(Some(Redirect::permanent(&format!("{}{tail}", buurt_href(org, &canonical))).into_response()))
}

async fn buurt(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, code)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    if let Some(moved) = canonical(&state, &auth, org, &code, "").await? {
        return Ok(moved);
    }
    let opened = open(&state, &auth, org, Which::Buurt(&code)).await?;
    show(&state, &auth, org, opened).await
}

async fn buurt_print(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, code)): Path<(i64, String)>,
    Query(q): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let voor = form_urlencoded::byte_serialize(q.voor.as_bytes()).collect::<String>();
    let tail = if q.voor.is_empty() { "/afdrukken".to_owned() } else { format!("/afdrukken?voor={voor}") };
    if let Some(moved) = canonical(&state, &auth, org, &code, &tail).await? {
        return Ok(moved);
    }
    let opened = open(&state, &auth, org, Which::Buurt(&code)).await?;
    print(&state, &auth, org, opened, &q).await
}

async fn show(state: &AppState, auth: &Auth, org: i64, opened: Opened<'_>) -> Result<Response, AppError> {
    let Opened { mut reader, place, vera } = opened;
    let today = dutch_date(state.clock.now());
    let facts = reader.page(&place, Purpose::Screen, today).await?;
    // The connection goes back before the page is drawn.
    drop(reader);
    let names = view::Names::new(facts.area_names, vera);
    let sheet = view::Sheet { purpose: Purpose::Screen, today, meetings: &facts.meeting_partners, audience: None };
    ok(&view::PlacePage::new(auth, org, &place, &facts.blocks, &names, sheet))
}

/// The one-pager for a meeting with one tenant organisation: the place as that organisation sees it (checked: one the
/// corporation consults, or the viewer itself), read with its rights. Anything else is a 404.
async fn print(
    state: &AppState,
    auth: &Auth,
    org: i64,
    opened: Opened<'_>,
    q: &PrintQuery,
) -> Result<Response, AppError> {
    let Opened { mut reader, place, vera } = opened;
    let partners = reader.meeting_partners(&place).await?;
    let (tenant, name) = match partners.as_slice() {
        // A tenant organisation prints for itself, whatever the link says.
        [only] if place.viewer() == volkshuis_domain::place::Viewer::TenantOrganisation => only.clone(),
        // No organisation named (an address typed or cut short): the place's page, which lists the one-pagers to
        // print, not a 404. A wrong or foreign one stays a 404.
        _ if q.voor.trim().is_empty() => {
            let href = match place.kind() {
                place::PlaceKind::Complex { id, .. } => complex_href(org, *id),
                place::PlaceKind::Buurt { code } => buurt_href(org, code),
            };
            return Ok(Redirect::to(&href).into_response());
        }
        _ => {
            let wanted: i64 = q.voor.trim().parse().map_err(|_| AppError::NotFound)?;
            partners.into_iter().find(|(id, _)| *id == wanted).ok_or(AppError::NotFound)?
        }
    };
    let meeting = reader.for_tenant_meeting(&place, tenant).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let today = dutch_date(now);
    let facts = reader.page(&meeting, Purpose::TenantMeeting, today).await?;
    drop(reader);
    let names = view::Names::new(facts.area_names, vera);
    let sheet = view::Sheet { purpose: Purpose::TenantMeeting, today, meetings: &[], audience: Some(&name) };
    let page = view::PlacePage::new(auth, org, &meeting, &facts.blocks, &names, sheet);
    let intro = page.pl.print_intro_for(&name);
    ok(&view::PrintPage { printed_on: show_time(now), intro, place: page })
}
