//! The ledger: brought in as a CSV (all or nothing, each problem by line and column), its template, and the verdict
//! on every household of the latest ledger.

use super::{euros, offset, personal_scope, subnav, PAGE_SIZE};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::SignaleringTexts;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::uploads;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::io::BufReader;
use volkshuis_domain::bezit::import::{FileError, RowError};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::ledger::template_header;
use volkshuis_domain::signalering::{Household, LedgerReader};
use volkshuis_store::signalering::ledger::{self, VerdictFilter};
use volkshuis_store::signalering::Purpose;

/// The largest ledger taken through the web: a national corporation's monthly ledger is a few megabytes.
const MAX_LEDGER_BYTES: usize = 50 * 1024 * 1024;
/// The most row problems shown on the page (the count says how many there are).
const SHOWN_PROBLEMS: usize = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/orgs/{org}/signalering/grootboek",
            get(verdicts).post(upload).layer(DefaultBodyLimit::max(MAX_LEDGER_BYTES + 64 * 1024)),
        )
        .route("/orgs/{org}/signalering/grootboek/sjabloon.csv", get(template))
}

async fn template(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    super::write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let body = format!("{}\r\n", template_header());
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"grootboek-sjabloon.csv\""),
        ],
        body,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "signalering/ledger_refused.html")]
struct RefusedPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    file_name: String,
    file_error: Option<String>,
    /// (line, column, value, reason)
    problems: Vec<(u64, String, String, String)>,
    total: i64,
}

/// What reading the file gave: the households, or why the file or its rows were refused.
enum Read {
    File(FileError),
    Rows(Vec<RowError>),
    Households(Vec<Household>),
}

fn read(file: std::fs::File) -> Read {
    let reader = match LedgerReader::new(BufReader::with_capacity(256 * 1024, file)) {
        Ok(reader) => reader,
        Err(error) => return Read::File(error),
    };
    let (mut households, mut errors) = (Vec::new(), Vec::new());
    for row in reader {
        match row {
            Ok(household) => households.push(household),
            Err(problems) => errors.extend(problems),
        }
    }
    if errors.is_empty() {
        Read::Households(households)
    } else {
        Read::Rows(errors)
    }
}

async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, _) = super::write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let (mut file, mut file_name) = (None, String::new());
    while let Some(mut field) = multipart.next_field().await? {
        if field.name() == Some("file") {
            file_name = field.file_name().unwrap_or("grootboek.csv").chars().take(200).collect();
            file = Some(uploads::spool(&mut field, MAX_LEDGER_BYTES as u64).await?);
        }
    }
    let refused = |file_error: Option<String>, errors: &[RowError]| {
        let im = auth.ctx.lang.import();
        RefusedPage {
            page: Page::for_user(&auth),
            sg,
            nav: subnav(sg, &auth, org, OrgKind::Corporation),
            org_id: org,
            file_name: file_name.clone(),
            file_error,
            problems: errors
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|e| (e.line, im.column(e).to_owned(), e.value.clone(), im.problem(&e.reason)))
                .collect(),
            total: errors.len() as i64,
        }
    };
    let Some(file) = file.filter(|f| f.len > 0 && !f.truncated) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(Some(sg.ledger_no_file.to_owned()), &[]));
    };
    let file = file.into_std().await;
    let households =
        match tokio::task::spawn_blocking(move || read(file)).await.map_err(|e| AppError::Internal(e.into()))? {
            Read::File(error) => {
                let text = auth.ctx.lang.import().file_error(&error);
                return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(Some(text), &[]));
            }
            Read::Rows(errors) => return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(None, &errors)),
            Read::Households(households) => households,
        };
    let today = dutch_date(state.clock.now());
    let actor = auth.actor(&state);
    let summary = match ledger::import_ledger(&state.db, &scope, &actor, &file_name, &households, today).await? {
        Ok(summary) => summary,
        Err(errors) => return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(None, &errors)),
    };
    // Each receiving municipality hears that signals wait; the notice names no one.
    let mut tx = state.db.begin().await?;
    for (recipient, _) in &summary.sent {
        notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::SignalsWaiting { recipient: *recipient })).await?;
    }
    tx.commit().await?;
    tracing::info!(org, households = summary.households, signalled = summary.signalled(), "ledger brought in");
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/grootboek?notice=ledger")).into_response())
}

#[derive(Debug, Default, Deserialize)]
struct VerdictQuery {
    filter: Option<String>,
    page: Option<i64>,
    notice: Option<String>,
}

#[derive(Template)]
#[template(path = "signalering/verdicts.html")]
struct VerdictsPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    filter: &'static str,
    rows: Vec<VerdictRow>,
    total: i64,
    page_no: i64,
    pages: i64,
    notice: Option<&'static str>,
    last: Option<(String, i64, i64, i64)>,
}

struct VerdictRow {
    line: i64,
    contract: String,
    name: String,
    unit: String,
    amount: String,
    since: String,
    signalled: bool,
    reasons: Vec<String>,
}

async fn verdicts(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<VerdictQuery>,
) -> Result<Response, AppError> {
    let (scope, personal, _) = personal_scope(&state, &auth, org, OrgKind::Corporation, Purpose::SendAndFollow).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let (filter, code) = match query.filter.as_deref() {
        Some("gesignaleerd") => (VerdictFilter::Signalled, "gesignaleerd"),
        Some("niet") => (VerdictFilter::NotSignalled, "niet"),
        _ => (VerdictFilter::All, "alle"),
    };
    let (page_no, skip) = offset(query.page);
    let (list, total) = ledger::verdicts(&state.db, &personal, &auth.actor(&state), filter, skip, PAGE_SIZE).await?;
    let last = ledger::ledgers(&state.db, &scope, 1)
        .await?
        .into_iter()
        .next()
        .map(|l| (show_date(l.decided_on), l.households, l.signalled, l.resolved));
    let rows = list
        .into_iter()
        .map(|v| VerdictRow {
            line: v.line,
            signalled: v.blocks.is_empty(),
            reasons: v.blocks.iter().map(|b| sg.block(b, v.signal_from)).collect(),
            contract: v.contract,
            name: v.name,
            unit: v.unit,
            amount: euros(v.amount),
            since: show_date(v.arrears_since),
        })
        .collect();
    ok(&VerdictsPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, OrgKind::Corporation),
        org_id: org,
        filter: code,
        rows,
        total,
        page_no,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
        notice: (query.notice.as_deref() == Some("ledger")).then_some(sg.notice_ledger),
        last,
    })
}
