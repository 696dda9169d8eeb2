//! The ledger: brought in as a CSV (all or nothing, each problem by line and column), its template, and the verdict
//! on every household of the latest ledger.

use super::{offset, personal_scope, subnav, PAGE_SIZE};
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
use volkshuis_domain::bezit::import::RowError;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::ledger::template_header;
use volkshuis_domain::signalering::ledger::{read_ledger_rows, MAX_LEDGER_BYTES};
use volkshuis_store::signalering::ledger::{self, Pending, SendRefusal, VerdictFilter};
use volkshuis_store::signalering::Purpose;

/// The most row problems shown on the page (the count says how many there are).
const SHOWN_PROBLEMS: usize = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/orgs/{org}/signalering/grootboek",
            get(verdicts).post(upload).layer(DefaultBodyLimit::max(MAX_LEDGER_BYTES + 64 * 1024)),
        )
        .route("/orgs/{org}/signalering/grootboek/sjabloon.csv", get(template))
        .route("/orgs/{org}/signalering/grootboek/{id}/versturen", axum::routing::post(send))
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

async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, _) = super::write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let (mut file, mut file_name, mut chosen) = (None, String::new(), false);
    while let Some(mut field) = multipart.next_field().await? {
        if field.name() == Some("file") {
            // A browser sends the field with an empty name when no file was chosen.
            chosen = field.file_name().is_some_and(|name| !name.is_empty());
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
            file_error: file_error.map(|e| crate::views::as_sentence(&e)),
            problems: errors
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|e| (e.line, im.column(e).to_owned(), e.value.clone(), im.problem(&e.reason)))
                .collect(),
            total: errors.len() as i64,
        }
    };
    // A chosen file that is empty is named so (it was told to choose a file, though one was chosen).
    if chosen && file.as_ref().is_some_and(|f| f.len == 0) {
        let empty = auth.ctx.lang.import().file_error(&volkshuis_domain::bezit::import::FileError::Empty);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(Some(empty), &[]));
    }
    // A file just over the limit arrives cut off: named so (it too was told to choose a file).
    if file.as_ref().is_some_and(|f| f.truncated) {
        let large = sg.ledger_too_large(MAX_LEDGER_BYTES as i64 / (1024 * 1024));
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(Some(large), &[]));
    }
    let Some(file) = file.filter(|f| f.len > 0 && !f.truncated) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(Some(sg.ledger_no_file.to_owned()), &[]));
    };
    let file = file.into_std().await;
    let read = move || read_ledger_rows(BufReader::with_capacity(256 * 1024, file));
    let households = match tokio::task::spawn_blocking(read).await.map_err(|e| AppError::Internal(e.into()))? {
        Err(error) => {
            let text = auth.ctx.lang.import().file_error(&error);
            return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(Some(text), &[]));
        }
        Ok(rows) if !rows.problems.is_empty() => {
            let errors = ledger::every_problem(&state.db, &scope, rows, dutch_date(state.clock.now())).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(None, &errors));
        }
        Ok(rows) => rows.households,
    };
    let today = dutch_date(state.clock.now());
    let actor = auth.actor(&state);
    // Decided, not sent: the verdicts page shows what sending will do and asks for the confirmation.
    if let Err(errors) = ledger::import_ledger(&state.db, &scope, &actor, &file_name, &households, today).await? {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(None, &errors));
    }
    tracing::info!(org, households = households.len(), "ledger brought in, waiting for its confirmation");
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/grootboek?notice=ledger")).into_response())
}

/// Sends a pending ledger's signals, after the user saw what it will send (the confirmation button on the verdicts
/// page); each receiving municipality then hears that signals wait, and nothing more.
async fn send(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = super::write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let today = dutch_date(state.clock.now());
    let summary = match ledger::send_ledger(&state.db, &scope, &auth.actor(&state), id, today).await? {
        Ok(summary) => summary,
        // Sent already (a second click, a replay) or replaced by a newer ledger, or no ledger of this corporation: the
        // ledger page says so and shows what waits now (a bare 404 said nothing). Nothing is sent.
        Err(SendRefusal::NotPending) => {
            return Ok(Redirect::to(&format!("/orgs/{org}/signalering/grootboek?notice=not_pending")).into_response());
        }
        Err(SendRefusal::Stale) => {
            return Ok(Redirect::to(&format!("/orgs/{org}/signalering/grootboek?notice=stale")).into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    for (recipient, _) in &summary.sent {
        notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::SignalsWaiting { recipient: *recipient })).await?;
    }
    tx.commit().await?;
    tracing::info!(org, signalled = summary.signalled(), "ledger sent");
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/grootboek?notice=sent")).into_response())
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
    /// The list's own query for the pager's links (already escaped: a fixed code).
    keep: String,
    notice: Option<&'static str>,
    last: Option<(String, i64, i64, i64)>,
    /// A ledger waiting for its confirmation: what sending it does, in a sentence per receiver.
    pending: Option<PendingView>,
}

/// What the confirmation of a pending ledger says.
struct PendingView {
    id: i64,
    intro: String,
    lines: Vec<String>,
    resolving: Option<String>,
    today: bool,
}

fn pending_view(sg: &SignaleringTexts, p: Pending, today: time::Date) -> PendingView {
    let signalled: i64 = p.to_municipalities.iter().chain(&p.by_file).map(|(_, n)| n).sum();
    let mut lines: Vec<String> = p.to_municipalities.iter().map(|(name, n)| sg.pending_to(*n, name)).collect();
    lines.extend(p.by_file.iter().map(|(code, n)| sg.pending_by_file(code, *n)));
    PendingView {
        id: p.id,
        intro: sg.pending_intro(show_date(p.decided_on), &p.file_name, p.households, signalled),
        lines,
        resolving: (p.resolving > 0).then(|| sg.pending_resolving(p.resolving)),
        today: p.decided_on == today,
    }
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
    // The newest two: a ledger waiting to be sent comes before the last one sent (there is at most one waiting).
    let last = ledger::ledgers(&state.db, &scope, 2)
        .await?
        .into_iter()
        .find(|l| l.sent)
        .map(|l| (show_date(l.decided_on), l.households, l.signalled, l.resolved));
    let today = dutch_date(state.clock.now());
    let pending = ledger::pending(&state.db, &scope).await?.map(|p| pending_view(sg, p, today));
    let rows = list
        .into_iter()
        .map(|v| VerdictRow {
            line: v.line,
            signalled: v.blocks.is_empty(),
            reasons: v.blocks.iter().map(|b| sg.block(b, v.signal_from)).collect(),
            contract: v.contract,
            name: v.name,
            unit: v.unit,
            amount: v.amount.to_string(),
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
        keep: format!("filter={code}&amp;"),
        notice: match query.notice.as_deref() {
            Some("ledger") => Some(sg.notice_ledger),
            Some("sent") => Some(sg.notice_sent),
            Some("stale") => Some(sg.notice_stale),
            Some("not_pending") => Some(sg.notice_not_pending),
            _ => None,
        },
        last,
        pending,
    })
}
