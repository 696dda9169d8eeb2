//! "What awaits us": an organisation's cases, soonest deadline first; its overleg partners.

use super::{party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::notify::{self, events::Pair, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Action, Manage, ReadScope, View};
use volkshuis_domain::calendar::TermCalendar;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::case::{days_left, Late};
use volkshuis_store::orgs::{self, Organisation};
use volkshuis_store::overleg::{self, CaseRow, Listing};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg", get(show))
        .route("/orgs/{org}/overleg/partners", post(add_partner))
        .route("/orgs/{org}/overleg/partners/{corporation}/aanvaarden", post(accept_proposal))
        .route("/orgs/{org}/overleg/partners/{corporation}/afwijzen", post(decline_proposal))
}

/// How many cases a list shows at most (an organisation has tens a year, not thousands).
const LIST_LIMIT: i64 = 500;

/// A case as a list row.
pub(super) struct Row {
    pub id: i64,
    pub title: String,
    pub other_party: String,
    pub kind: &'static str,
    pub stage: &'static str,
    pub deadline: Option<String>,
    pub days: Option<String>,
    pub late: Option<&'static str>,
}

pub(super) fn row(page: &Page, case: &CaseRow, cal: &TermCalendar, today: time::Date) -> Row {
    let ov = page.ov;
    let next = case.facts.next(cal);
    Row {
        id: case.id,
        title: case.title.clone(),
        other_party: case.other_party.clone(),
        kind: ov.kind(case.facts.kind),
        stage: ov.stage(case.facts.stage()),
        deadline: next.as_ref().map(|d| ov.deadline_date(d)),
        days: next.map(|d| ov.days(days_left(d.date, today))),
        late: case.facts.late(cal, today).map(|late| match late {
            Late::Organisation { .. } => ov.late_org,
            Late::Corporation { .. } => ov.late_corp,
        }),
    }
}

struct PartnerRow {
    name: String,
    weeks: String,
}

/// A partnership proposed and not yet accepted: the corporation sees it waiting, the tenant organisation answers it.
struct ProposalRow {
    org_id: i64,
    name: String,
    weeks: String,
}

#[derive(Default, Deserialize)]
struct PartnerForm {
    #[serde(default)]
    tenant_org_id: String,
    #[serde(default)]
    agreed_weeks: String,
}

#[derive(Template)]
#[template(path = "overleg/list.html")]
struct ListPage {
    page: Page,
    org_id: i64,
    org_name: String,
    is_corporation: bool,
    can_edit: bool,
    can_manage: bool,
    can_answer_proposals: bool,
    showing_all: bool,
    rows: Vec<Row>,
    partners: Vec<PartnerRow>,
    proposals: Vec<ProposalRow>,
    partner_options: Vec<(String, String)>,
    form: PartnerForm,
    errors: FieldErrors,
    year: i32,
}

#[derive(Deserialize)]
struct ListQuery {
    alle: Option<String>,
    notice: Option<String>,
}

async fn list_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    org: Organisation,
    showing_all: bool,
    form: PartnerForm,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let page = Page::for_user(auth);
    let today = today(state);
    let listing = if showing_all { Listing::All } else { Listing::Open };
    let cal = super::term_calendar(state).await?;
    let rows = overleg::list(&state.db, scope, listing, LIST_LIMIT)
        .await?
        .iter()
        .map(|c| row(&page, c, &cal, today))
        .collect();
    let partners = overleg::partners_of(&state.db, scope)
        .await?
        .into_iter()
        .map(|p| PartnerRow { name: p.org.name, weeks: page.ov.weeks(p.agreed_weeks.unwrap_or(6).into()) })
        .collect();
    let proposals = overleg::proposals_of(&state.db, scope)
        .await?
        .into_iter()
        .map(|p| ProposalRow {
            org_id: p.org.id,
            name: p.org.name,
            weeks: page.ov.weeks(p.agreed_weeks.unwrap_or(6).into()),
        })
        .collect();
    let is_corporation = org.kind == OrgKind::Corporation;
    let can_answer_proposals = !is_corporation && scope.role().allows(Action::Manage);
    let can_manage = is_corporation && scope.role().allows(Action::Manage);
    let partner_options = if can_manage {
        orgs::list(&state.db)
            .await?
            .into_iter()
            .filter(|o| o.kind == OrgKind::TenantOrganisation)
            .map(|o| (o.id.to_string(), o.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ListPage {
        page,
        org_id: org.id,
        org_name: org.name,
        is_corporation,
        // Sending a request is the corporation's own step (ADR 0059).
        can_edit: scope.role().allows(Action::Edit) && super::writes_for(auth, scope.org_id()),
        can_manage,
        showing_all,
        rows,
        partners,
        proposals,
        can_answer_proposals,
        partner_options,
        form,
        errors,
        year: today.year(),
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, View).await?;
    let showing_all = q.alle.is_some();
    let mut page =
        list_page(&state, &auth, &scope, organisation, showing_all, PartnerForm::default(), FieldErrors::default())
            .await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

/// Parses an agreed advice term: empty is the legal six weeks.
pub(super) fn parse_weeks(input: &str) -> Result<Option<u32>, ()> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<u32>() {
        Ok(6) => Ok(None),
        Ok(weeks @ 7..=52) => Ok(Some(weeks)),
        _ => Err(()),
    }
}

/// The tenant organisation's administrator accepts a corporation's proposal to be its Overleg partner.
async fn accept_proposal(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, corporation)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    respond(state, auth, org, corporation, true).await
}

/// The tenant organisation's administrator declines a corporation's proposal.
async fn decline_proposal(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, corporation)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    respond(state, auth, org, corporation, false).await
}

async fn respond(state: AppState, auth: Auth, org: i64, corporation: i64, accept: bool) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Manage).await?;
    if organisation.kind != OrgKind::TenantOrganisation {
        return Err(AppError::NotFound); // Only a tenant organisation answers a proposal.
    }
    let mut tx = state.db.begin().await?;
    match overleg::respond_to_proposal(&mut tx, &scope, &auth.actor(&state), corporation, accept).await {
        Ok(()) => {}
        Err(volkshuis_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    }
    let pair = Pair { corporation_id: corporation, tenant_org_id: org };
    let step = if accept { Step::PartnershipAccepted(pair) } else { Step::PartnershipDeclined(pair) };
    notify::tell(&state, &mut tx, &Event::new(&auth, org, step)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg?notice=saved")).into_response())
}

async fn add_partner(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(form): Form<PartnerForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Manage).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound); // A tenant organisation has no such page.
    }
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    let tenant = form.tenant_org_id.trim().parse::<i64>().ok();
    if tenant.is_none() {
        errors.add("tenant_org_id", ov.err_not_partner);
    }
    let weeks = parse_weeks(&form.agreed_weeks).map_err(|()| errors.add("agreed_weeks", ov.err_weeks)).ok();
    if let (Some(tenant), Some(weeks), true) = (tenant, weeks, errors.is_empty()) {
        // A new term for an accepted partnership is no proposal: only a proposal is news to the organisation.
        let partners_already = match overleg::partner_terms(&state.db, &scope, tenant).await {
            Ok(_) => true,
            Err(volkshuis_store::StoreError::NotFound) => false,
            Err(other) => return Err(other.into()),
        };
        let mut tx = state.db.begin().await?;
        match overleg::add_partner(&mut tx, &scope, &auth.actor(&state), tenant, weeks).await {
            Ok(()) => {
                if !partners_already {
                    let step = Step::PartnershipProposed(Pair { corporation_id: org, tenant_org_id: tenant });
                    notify::tell(&state, &mut tx, &Event::new(&auth, org, step)).await?;
                }
                tx.commit().await?;
                return Ok(Redirect::to(&format!("/orgs/{org}/overleg?notice=saved")).into_response());
            }
            Err(volkshuis_store::StoreError::NotFound) => errors.add("tenant_org_id", ov.err_not_partner),
            Err(other) => return Err(other.into()),
        }
    }
    let page = list_page(&state, &auth, &scope, organisation, false, form, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[cfg(test)]
mod tests {
    use super::parse_weeks;

    #[test]
    fn agreed_terms_are_six_weeks_or_longer() {
        assert_eq!(parse_weeks(""), Ok(None));
        assert_eq!(parse_weeks("6"), Ok(None));
        assert_eq!(parse_weeks(" 8 "), Ok(Some(8)));
        assert_eq!(parse_weeks("4"), Err(()));
        assert_eq!(parse_weeks("acht"), Err(()));
    }
}
