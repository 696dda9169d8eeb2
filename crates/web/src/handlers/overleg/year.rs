//! The year's overleg for an organisation: figures for its members' meeting, the meetings (at least one a year with
//! every partner), and the budget per partner.

use super::jobs;
use super::{parse_date, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::IcalTexts;
use crate::notify::{self, events::BudgetRef, events::MeetingRef, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Action, Edit, ReadScope, View, WriteScope};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::budget_account_deadline;
use volkshuis_domain::overleg::meeting::show_time;
use volkshuis_domain::overleg::year::{figures, Rate};
use volkshuis_domain::text::Name;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg/jaar/{year}", get(show))
        .route("/orgs/{org}/overleg/vergaderingen", post(add_meeting))
        .route("/orgs/{org}/overleg/budget", post(set_budget))
        .merge(super::meetings::router())
        .merge(super::budget::router())
}

struct RateView {
    label: &'static str,
    value: String,
}

struct MeetingRow {
    id: i64,
    date: String,
    hours: Option<String>,
    title: String,
    other_party: String,
    has_minutes: bool,
}

struct PartnerYear {
    id: i64,
    name: String,
    missing_meeting: Option<String>,
    budget: Option<String>,
    account_by: String,
    accounted: Option<String>,
}

#[derive(Default, Deserialize)]
struct MeetingForm {
    #[serde(default)]
    meeting_tenant: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    title: String,
    /// When and where, optional (checked as on the meeting's own page).
    #[serde(flatten)]
    plan: super::meetings::PlanForm,
}

#[derive(Default, Deserialize)]
struct BudgetForm {
    #[serde(default)]
    budget_tenant: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    amount: String,
}

#[derive(Template)]
#[template(path = "overleg/year.html")]
struct YearPage {
    page: Page,
    ic: &'static IcalTexts,
    org_id: i64,
    org_name: String,
    year: i32,
    heading: String,
    by_kind: Vec<(&'static str, usize)>,
    rates: Vec<RateView>,
    meetings: Vec<MeetingRow>,
    partners: Vec<PartnerYear>,
    partner_options: Vec<(String, String)>,
    can_plan: bool,
    meeting_form: MeetingForm,
    budget_form: BudgetForm,
    errors: FieldErrors,
}

fn rate(label: &'static str, rate: Rate) -> RateView {
    RateView {
        label,
        value: match rate.percent() {
            Some(p) => format!("{p}% ({}/{})", rate.hits, rate.of),
            None => "—".to_owned(),
        },
    }
}

#[expect(clippy::too_many_arguments, reason = "the page carries both forms as typed and their errors")]
async fn year_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    org: Organisation,
    year: i32,
    meeting_form: MeetingForm,
    budget_form: BudgetForm,
    errors: FieldErrors,
) -> Result<YearPage, AppError> {
    let page = Page::for_user(auth);
    let ov = page.ov;
    let ic = IcalTexts::of(auth.ctx.lang);
    let cases = overleg::year_cases(&state.db, scope, year).await?;
    let cal = super::term_calendar(state).await?;
    let f = figures(&cases, &cal, today(state));
    let meetings = overleg::meetings(&state.db, scope, year).await?;
    let mut partners = Vec::new();
    for partner in overleg::partners_of(&state.db, scope).await? {
        let met = meetings.iter().any(|m| m.corporation_id == partner.org.id || m.tenant_org_id == partner.org.id);
        let budget = overleg::budget(&state.db, scope, partner.org.id, year).await?;
        partners.push(PartnerYear {
            id: partner.org.id,
            missing_meeting: (!met).then(|| ov.meetings_missing(&partner.org.name)),
            name: partner.org.name,
            budget: budget.as_ref().map(|b| b.amount.to_string()),
            account_by: ov.deadline_date(&budget_account_deadline(&cal, year)),
            accounted: budget.and_then(|b| b.accounted_on).map(show_date),
        });
    }
    let can_plan =
        org.kind == OrgKind::Corporation && scope.role().allows(Action::Edit) && super::writes_for(auth, org.id);
    Ok(YearPage {
        ic,
        org_id: org.id,
        org_name: org.name,
        year,
        heading: ov.year_title(year),
        by_kind: f.by_kind.iter().map(|(k, n)| (ov.kind(*k), *n)).collect(),
        rates: vec![
            rate(ov.year_org_on_time, f.organisation_on_time),
            rate(ov.year_corp_on_time, f.corporation_on_time),
            rate(ov.year_followed, f.advice_followed),
            RateView { label: ov.year_partly, value: f.partly_followed.to_string() },
            RateView { label: ov.year_not, value: f.not_followed.to_string() },
        ],
        meetings: meetings
            .into_iter()
            .map(|m| MeetingRow {
                id: m.id,
                date: show_date(m.held_on),
                hours: m.hours.map(|(s, e)| ic.hours(show_time(e), show_time(s))),
                title: m.title,
                other_party: m.other_party,
                has_minutes: m.minutes.is_some(),
            })
            .collect(),
        partner_options: partners.iter().map(|p| (p.id.to_string(), p.name.clone())).collect(),
        partners,
        can_plan,
        meeting_form,
        budget_form: BudgetForm {
            year: if budget_form.year.is_empty() { year.to_string() } else { budget_form.year },
            ..budget_form
        },
        errors,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, year)): Path<(i64, i32)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    if !(2000..=2100).contains(&year) {
        return Err(AppError::NotFound);
    }
    let (scope, organisation) = party_scope(&state, &auth, org, View).await?;
    let mut page = year_page(
        &state,
        &auth,
        &scope,
        organisation,
        year,
        MeetingForm::default(),
        BudgetForm::default(),
        FieldErrors::default(),
    )
    .await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

async fn corporation_edit(state: &AppState, auth: &Auth, org: i64) -> Result<(WriteScope, Organisation), AppError> {
    let (scope, organisation) = party_scope(state, auth, org, Edit).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound); // A tenant organisation has no such page.
    }
    Ok((scope, organisation))
}

async fn add_meeting(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(form): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_edit(&state, &auth, org).await?;
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    let tenant = form.meeting_tenant.trim().parse::<i64>().ok();
    if tenant.is_none() {
        errors.add("meeting_tenant", ov.err_not_partner);
    }
    let held_on = parse_date(&form.held_on).map_err(|_| errors.add("held_on", ov.err_date)).ok();
    let title = errors.check(auth.ctx.t(), "title", Name::parse(&form.title));
    let plan = form.plan.parse(auth.ctx.t(), IcalTexts::of(auth.ctx.lang), &mut errors);
    if let (Some(tenant), Some(held_on), Some(title), Some(plan), true) =
        (tenant, held_on, &title, plan, errors.is_empty())
    {
        let mut tx = state.db.begin().await?;
        let actor = auth.actor(&state);
        match overleg::add_meeting(&mut tx, &scope, &actor, tenant, held_on, title).await {
            Ok(id) => {
                if plan != Default::default() {
                    overleg::set_plan(&mut tx, &scope, &actor, id, &plan).await?;
                }
                let meeting = MeetingRef {
                    id,
                    title: title.as_str().to_owned(),
                    held_on,
                    corporation_id: org,
                    tenant_org_id: tenant,
                };
                notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::MeetingPlanned(meeting))).await?;
                tx.commit().await?;
                return Ok(
                    Redirect::to(&format!("/orgs/{org}/overleg/vergaderingen/{id}?notice=saved")).into_response()
                );
            }
            Err(volkshuis_store::StoreError::NotFound) => errors.add("meeting_tenant", ov.err_not_partner),
            Err(other) => return Err(other.into()),
        }
    }
    let year = held_on.map(|d| d.year()).unwrap_or_else(|| today(&state).year());
    let page = year_page(&state, &auth, &scope, organisation, year, form, BudgetForm::default(), errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

async fn set_budget(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(form): Form<BudgetForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_edit(&state, &auth, org).await?;
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    let tenant = form.budget_tenant.trim().parse::<i64>().ok();
    if tenant.is_none() {
        errors.add("budget_tenant", ov.err_not_partner);
    }
    let year = form.year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
    if year.is_none() {
        errors.add("year", auth.ctx.t().err_format);
    }
    let amount = crate::forms::amount_at_least(auth.ctx.t(), &form.amount, 0, ov.err_amount)
        .map_err(|message| errors.add("amount", message))
        .ok()
        .map(Money::from_cents);
    if let (Some(tenant), Some(year), Some(amount), true) = (tenant, year, amount, errors.is_empty()) {
        let mut tx = state.db.begin().await?;
        match overleg::set_budget(&mut tx, &scope, &auth.actor(&state), tenant, year, amount).await {
            Ok(_) => {
                jobs::budget_set(&state, &mut tx, scope.org_id(), tenant, year).await?;
                let budget = BudgetRef { corporation_id: org, tenant_org_id: tenant, year, amount };
                notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::BudgetSet(budget))).await?;
                tx.commit().await?;
                return Ok(Redirect::to(&format!("/orgs/{org}/overleg/jaar/{year}?notice=saved")).into_response());
            }
            Err(volkshuis_store::StoreError::NotFound) => errors.add("budget_tenant", ov.err_not_partner),
            Err(other) => return Err(other.into()),
        }
    }
    let shown_year = year.unwrap_or_else(|| today(&state).year());
    let page = year_page(&state, &auth, &scope, organisation, shown_year, MeetingForm::default(), form, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
