//! What the landlord sent: each signal with picked up or not (never why), the collection pause for a picked-up
//! household, evictions prevented or carried out; and the delivery files for gemeenten not on the platform.

use super::{offset, personal_scope, subnav, write_scope, PAGE_SIZE};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::i18n::SignaleringTexts;
use crate::state::AppState;
use crate::views::{attachment, ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::ids::GemeenteCode;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::outcome::LandlordView;
use volkshuis_store::signalering::signals::{self, ExportRow, SenderRefusal, SentSignal};
use volkshuis_store::signalering::Purpose;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/signalering/verzonden", get(list))
        .route("/orgs/{org}/signalering/verzonden/{id}", get(one))
        .route("/orgs/{org}/signalering/verzonden/{id}/incasso", post(collection))
        .route("/orgs/{org}/signalering/verzonden/{id}/ontruiming", post(eviction))
        .route("/orgs/{org}/signalering/levering", get(delivery))
        .route("/orgs/{org}/signalering/levering/{gemeente}", post(deliver))
}

/// The landlord's view of a result, in words.
fn view_text(sg: &SignaleringTexts, view: LandlordView) -> String {
    match view {
        LandlordView::Waiting => sg.view_waiting.to_owned(),
        LandlordView::PickedUp(on) => sg.view_picked_up(show_date(on)),
        LandlordView::NotPickedUp(on) => sg.view_not_picked_up(show_date(on)),
    }
}

struct SentRow {
    id: i64,
    contract: String,
    name: String,
    address: String,
    to: String,
    amount: String,
    sent_on: String,
    view: String,
}

fn sent_row(sg: &SignaleringTexts, s: &SentSignal) -> SentRow {
    SentRow {
        id: s.id,
        contract: s.contract.clone(),
        name: s.name.clone(),
        address: s.address.clone(),
        to: s.recipient.clone().unwrap_or_else(|| sg.by_file(&s.gemeente_code)),
        amount: s.amount.to_string(),
        sent_on: show_date(s.sent_on),
        view: view_text(sg, s.view),
    }
}

#[derive(Template)]
#[template(path = "signalering/sent.html")]
struct SentPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    rows: Vec<SentRow>,
    page_no: i64,
    pages: i64,
    /// The list's own query for the pager's links (none).
    keep: String,
}

#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    page: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let (_, personal, _) = personal_scope(&state, &auth, org, OrgKind::Corporation, Purpose::SendAndFollow).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let (page_no, skip) = offset(query.page);
    let (list, total) = signals::sent_signals(&state.db, &personal, &auth.actor(&state), skip, PAGE_SIZE).await?;
    ok(&SentPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, OrgKind::Corporation),
        org_id: org,
        rows: list.iter().map(|s| sent_row(sg, s)).collect(),
        page_no,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
        keep: String::new(),
    })
}

#[derive(Template)]
#[template(path = "signalering/sent_one.html")]
struct SentOnePage {
    page: Page,
    sg: &'static SignaleringTexts,
    org_id: i64,
    trail: Vec<(String, String)>,
    row: SentRow,
    picked_up: bool,
    paused: Option<String>,
    resumed: Option<String>,
    eviction: Option<String>,
    error: Option<&'static str>,
    /// The eviction form as typed: its kind and day (today's date at first), and what is wrong with them.
    typed: HashMap<String, String>,
    errors: FieldErrors,
}

impl SentOnePage {
    fn typed(&self, field: &str) -> &str {
        self.typed.get(field).map_or("", String::as_str)
    }
}

#[derive(Debug, Default, Deserialize)]
struct ErrorQuery {
    fout: Option<String>,
}

async fn one(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(query): Query<ErrorQuery>,
) -> Result<Response, AppError> {
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let error = match query.fout.as_deref() {
        Some("opgepakt") => Some(sg.err_not_picked_up),
        _ => None,
    };
    let today = volkshuis_store::overleg::date_to_text(dutch_date(state.clock.now()));
    let typed = HashMap::from([("datum".to_owned(), today)]);
    ok(&sent_one_page(&state, &auth, org, id, error, typed, FieldErrors::default()).await?)
}

/// A sent signal's page; the eviction form shows `typed`, with `errors` at its fields.
async fn sent_one_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    error: Option<&'static str>,
    typed: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<SentOnePage, AppError> {
    let (_, personal, _) = personal_scope(state, auth, org, OrgKind::Corporation, Purpose::SendAndFollow).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let signal = signals::sent_signal(&state.db, &personal, &auth.actor(state), id).await?.ok_or(AppError::NotFound)?;
    Ok(SentOnePage {
        page: Page::for_user(auth),
        sg,
        org_id: org,
        trail: vec![(format!("/orgs/{org}/signalering/verzonden"), sg.sent_title.to_owned())],
        picked_up: matches!(signal.view, LandlordView::PickedUp(_)),
        paused: signal.collection.0.map(show_date),
        resumed: signal.collection.1.map(show_date),
        eviction: signal.eviction.as_ref().map(|(kind, on)| sg.eviction_recorded(kind.as_str(), show_date(*on))),
        row: sent_row(sg, &signal),
        error,
        typed,
        errors,
    })
}

async fn collection(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let pause = match fields.get("stap").map(String::as_str) {
        Some("pauzeren") => true,
        Some("hervatten") => false,
        _ => return Err(AppError::BadRequest),
    };
    let today = dutch_date(state.clock.now());
    let back = format!("/orgs/{org}/signalering/verzonden/{id}");
    match signals::set_collection_paused(&state.db, &scope, &auth.actor(&state), id, pause, today).await? {
        Ok(()) | Err(SenderRefusal::AlreadyThere) => Ok(Redirect::to(&back).into_response()),
        Err(SenderRefusal::NotPickedUp) => Ok(Redirect::to(&format!("{back}?fout=opgepakt")).into_response()),
        Err(SenderRefusal::NotFound) => Err(AppError::NotFound),
    }
}

async fn eviction(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let prevented = match fields.get("soort").map(String::as_str) {
        Some("voorkomen") => Some(true),
        Some("uitgevoerd") => Some(false),
        _ => None,
    };
    if prevented.is_none() {
        errors.add("soort", sg.err_eviction_kind);
    }
    let today = dutch_date(state.clock.now());
    let on = fields.get("datum").and_then(|d| parse_date(d).ok()).filter(|d| *d <= today);
    if on.is_none() {
        errors.add("datum", sg.err_date);
    }
    let (Some(prevented), Some(on)) = (prevented, on) else {
        // The form comes back with what was typed, each problem at its field.
        let page = sent_one_page(&state, &auth, org, id, None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if !signals::record_eviction(&state.db, &scope, &auth.actor(&state), id, prevented, on).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/verzonden/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "signalering/delivery.html")]
struct DeliveryPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    /// (code, name, waiting, total)
    gemeenten: Vec<(String, String, i64, i64)>,
}

async fn delivery(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let gemeenten = signals::pending_by_file(&state.db, &scope)
        .await?
        .into_iter()
        .map(|(code, name, waiting, total)| (code.clone(), name.unwrap_or(code), waiting, total))
        .collect();
    ok(&DeliveryPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, OrgKind::Corporation),
        org_id: org,
        gemeenten,
    })
}

/// The delivery file, as JSON in the shape of the national data set or as CSV. A POST, because it marks the
/// signals delivered and starts their retention.
async fn deliver(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, gemeente)): Path<(i64, String)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (_, personal, _) = personal_scope(&state, &auth, org, OrgKind::Corporation, Purpose::DeliverByFile).await?;
    let code = GemeenteCode::parse(&gemeente).map_err(|_| AppError::NotFound)?;
    // Delivered signals are kept six months on the sender's side (the municipality holds its own copy).
    let rows = signals::export_for_delivery(&state.db, &personal, &auth.actor(&state), code.as_str(), 6).await?;
    if rows.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(export(&rows, fields.get("vorm").map(String::as_str), &format!("signalen-{}", code.as_str())))
}

/// The rows as a download: `json` (the national data set's shape) or CSV.
pub(super) fn export(rows: &[ExportRow], format: Option<&str>, stem: &str) -> Response {
    if format == Some("json") {
        let body = serde_json::to_vec_pretty(&super::municipality::ddas(rows)).unwrap_or_default();
        attachment(&format!("{stem}.json"), "application/json".into(), body)
    } else {
        attachment(
            &format!("{stem}.csv"),
            "text/csv; charset=utf-8".into(),
            super::municipality::csv(rows).into_bytes(),
        )
    }
}
