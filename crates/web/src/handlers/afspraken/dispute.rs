//! The dispute (geschil): opening the file once six months of talks passed without agreement (after a confirmation
//! that says what it does), each party's position, and the file as one printable page for the Minister: parties,
//! point in dispute, positions, the bids and the draft text, and the four-week term with its rule.

use super::phase_bar::PhaseBar;
use super::{load, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Edit, View};
use volkshuis_domain::afspraken::{dispute_window, DisputeWindow};
use volkshuis_store::afspraken::{self, Cycle, CycleRef, DisputeRefusal};
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/afspraken/{id}/geschil", get(show).post(open))
        .route("/orgs/{org}/afspraken/{id}/geschil/standpunt", post(position))
}

#[derive(Template)]
#[template(path = "afspraken/dispute.html")]
struct DisputePage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    may_edit: bool,
    /// Whether a dispute can be opened now (the form is shown only then; the store checks again).
    may_open: bool,
    window: Option<String>,
    file: Option<afspraken::Dispute>,
    parties: Vec<(String, String)>,
    bids: Vec<(String, String)>,
    draft: Option<String>,
    own_position: String,
    confirming: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl DisputePage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn window(state: &AppState, cycle: &Cycle) -> Result<Option<DisputeWindow>, AppError> {
    let calendar = volkshuis_store::calendar::term_calendar(&state.db).await?;
    Ok(cycle.talks_started_on.map(|started| dispute_window(started, &calendar)))
}

#[allow(clippy::too_many_arguments)]
async fn dispute_page(
    state: &AppState,
    auth: &Auth,
    organisation: &Organisation,
    cycle_ref: &CycleRef,
    cycle: &Cycle,
    confirming: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<DisputePage, AppError> {
    let page = Page::for_user(auth);
    let (t, pa) = (page.t, page.pa);
    let file = afspraken::dispute(&state.db, cycle_ref).await?;
    let (window_text, window_open) = super::dispute_status(state, pa, cycle, today(state)).await?;
    let own_position = file
        .as_ref()
        .and_then(|f| f.positions.iter().find(|(name, _)| *name == organisation.name).map(|(_, p)| p.clone()))
        .unwrap_or_default();
    Ok(DisputePage {
        bar: PhaseBar::of(pa, cycle, organisation.id),
        org_id: organisation.id,
        id: cycle.id,
        // Opening a dispute and taking a position are the party's own members' (ADR 0059).
        may_edit: super::may_write(state, auth, organisation.id).await,
        may_open: window_open,
        window: window_text,
        parties: afspraken::parties(&state.db, cycle_ref)
            .await?
            .into_iter()
            .map(|p| (p.org.name, t.kind(p.org.kind).to_owned()))
            .collect(),
        bids: afspraken::bids(&state.db, cycle_ref)
            .await?
            .into_iter()
            .filter(|b| b.sent_on.is_some())
            .map(|b| (b.corporation_name, b.body))
            .collect(),
        draft: afspraken::drafts(&state.db, cycle_ref).await?.into_iter().next().map(|d| d.body),
        own_position,
        file,
        confirming,
        fields,
        errors,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, cycle) = load(&state, &scope, id).await?;
    let mut page =
        dispute_page(&state, &auth, &organisation, &cycle_ref, &cycle, None, HashMap::new(), FieldErrors::default())
            .await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

async fn open(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let (point, position) = (field("point"), field("position"));
    let mut errors = FieldErrors::default();
    if point.is_empty() || point.chars().count() > 4000 {
        errors.add("point", pa.err_point);
    }
    if position.is_empty() || position.chars().count() > 20_000 {
        errors.add("position", pa.err_position);
    }
    let today = today(&state);
    let until = window(&state, &cycle).await?.map(|w| show_date(w.submit_by.date)).unwrap_or_default();
    // Without the confirmation's own button, the page says what opening does and asks again; nothing is stored.
    if !errors.is_empty() || field("confirmed") != "yes" {
        let confirming =
            errors.is_empty().then(|| pa.dispute_confirm_summary(&cycle.title, &organisation.name, &until));
        let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        let page = dispute_page(&state, &auth, &organisation, &cycle_ref, &cycle, confirming, fields, errors).await?;
        return render(status, &page);
    }
    let mut tx = state.db.begin().await?;
    let opened = afspraken::open_dispute(&mut tx, &scope, &auth.actor(&state), id, &point, &position, today).await?;
    if opened.is_ok() {
        let parties = super::party_ids(&mut tx, &cycle_ref).await?;
        let what = crate::notify::events::CycleStep::DisputeOpened;
        super::tell_parties(&state, &mut tx, &auth, org, (id, &cycle.title, parties), what).await?;
    }
    tx.commit().await?;
    let message = match opened {
        Ok(()) => return Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}/geschil?notice=saved")).into_response()),
        Err(DisputeRefusal::NotInTalks) => pa.dispute_not_in_talks.to_owned(),
        Err(DisputeRefusal::TooEarly(from)) => pa.dispute_too_early(show_date(from)),
        Err(DisputeRefusal::TooLate(until)) => pa.dispute_too_late(show_date(until)),
        Err(DisputeRefusal::AlreadyOpened) => pa.dispute_already.to_owned(),
    };
    errors.add("point", message);
    let page = dispute_page(&state, &auth, &organisation, &cycle_ref, &cycle, None, fields, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

async fn position(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    let body = fields.get("position").map(|v| v.trim().to_owned()).unwrap_or_default();
    if body.is_empty() || body.chars().count() > 20_000 {
        let mut errors = FieldErrors::default();
        errors.add("position", pa.err_position);
        let page = dispute_page(&state, &auth, &organisation, &cycle_ref, &cycle, None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    let set = afspraken::set_dispute_position(&mut tx, &scope, &auth.actor(&state), id, &body).await?;
    tx.commit().await?;
    if !set {
        let mut errors = FieldErrors::default();
        errors.add("position", pa.talks_closed);
        let page = dispute_page(&state, &auth, &organisation, &cycle_ref, &cycle, None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}/geschil?notice=saved")).into_response())
}
