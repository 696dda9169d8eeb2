//! The social-return start page: for a buyer the portfolio (figures, charts, contracts); for a supplier or a
//! coordinator the contracts it is on, with what is still owed.

use super::charts::{money_chart, BarChart};
use super::{is_buyer, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{ok, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::{Action, View};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::socialreturn::progress::{progress, Standing};
use volkshuis_store::socialreturn::{self, Contract};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/sr", get(show))
}

/// Contracts listed on the page (ending soonest first); exports carry them all.
const LISTED: i64 = 200;

pub(super) struct ContractRow {
    pub id: i64,
    pub title: String,
    pub other: String,
    pub obligation: String,
    pub approved: String,
    pub owed: String,
    pub ends: String,
    pub standing: &'static str,
    pub standing_code: &'static str,
}

pub(super) fn contract_row(page: &Page, c: &Contract, today: time::Date, buyer_view: bool) -> ContractRow {
    let p = progress(c.obligation_amount, c.approved, c.pending, c.starts_on, c.ends_on, today);
    ContractRow {
        id: c.id,
        title: c.title.clone(),
        other: if buyer_view { c.supplier_name.clone() } else { c.buyer_name.clone() },
        obligation: c.obligation_amount.to_string(),
        approved: c.approved.to_string(),
        owed: Money::from_cents((c.obligation_amount.cents() - c.approved.cents()).max(0)).to_string(),
        ends: show_date(c.ends_on),
        standing: page.sr.standing(p.standing),
        standing_code: p.standing.code(),
    }
}

#[derive(Template)]
#[template(path = "socialreturn/overview.html")]
struct OverviewPage {
    page: Page,
    org_id: i64,
    org_name: String,
    buyer: bool,
    supplier: bool,
    can_edit: bool,
    year: i32,
    figures: Vec<(&'static str, String)>,
    charts: Vec<BarChart>,
    tenant_jobs: Vec<(String, String)>,
    rows: Vec<ContractRow>,
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = auth.scope_with_org(&state, org, View).await?;
    if !volkshuis_domain::modules::Module::SocialReturn.open_to(organisation.kind) {
        return Err(AppError::NotFound);
    }
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    let sr = page.sr;
    let today = today(&state);
    let buyer = is_buyer(organisation.kind);
    let contracts = socialreturn::contracts(&state.db, &scope, LISTED).await?;
    let rows = contracts.iter().map(|c| contract_row(&page, c, today, buyer)).collect();
    let (mut figures, mut charts, mut tenant_jobs) = (Vec::new(), Vec::new(), Vec::new());
    if buyer {
        let p = socialreturn::portfolio(&state.db, &scope).await?;
        let standings = socialreturn::standings(&state.db, &scope).await?;
        let count = |wanted: Standing| {
            standings
                .iter()
                .filter(|s| {
                    progress(s.obligation, s.approved, s.pending, s.starts_on, s.ends_on, today).standing == wanted
                })
                .count()
                .to_string()
        };
        figures = vec![
            (sr.contracts, p.contracts.to_string()),
            (sr.total_obligation, p.obligation.to_string()),
            (sr.approved, p.approved.to_string()),
            (sr.pending, p.pending.to_string()),
            (sr.standing_at_risk, count(Standing::AtRisk)),
            (sr.standing_overdue, count(Standing::Overdue)),
        ];
        charts = vec![
            money_chart(sr.by_supplier, p.by_supplier.iter().take(12).map(|r| (r.key.clone(), r.approved))),
            money_chart(sr.by_group, p.by_group.iter().map(|r| (sr.group_or_kind(&r.key).to_owned(), r.approved))),
            money_chart(sr.by_year, p.by_year.iter().map(|r| (r.key.clone(), r.approved))),
        ];
        tenant_jobs = tenant_jobs_shown(&state, &scope, &auth, sr, p.tenants_by_cluster).await?;
    }
    ok(&OverviewPage {
        org_id: org,
        org_name: organisation.name,
        buyer,
        supplier: organisation.kind == OrgKind::Supplier,
        can_edit: scope.role().allows(Action::Edit),
        year: today.year(),
        figures,
        charts,
        tenant_jobs,
        rows,
        page,
    })
}

/// The jobs of the corporation's own tenants per complex as shown, each complex by its name as in the stock ("De Linde
/// (CPX000012)"). To whoever may not open the placements' tenant marks (a read-only member, the platform operator, ADR
/// 0026) a count from 1 to 4 is "fewer than 5": one tenant at work from a small complex, beside the one placement a
/// contract's page lists, told who it was.
pub(super) async fn tenant_jobs_shown(
    state: &AppState,
    scope: &volkshuis_domain::access::ReadScope,
    auth: &Auth,
    sr: &crate::i18n::SocialReturnTexts,
    jobs: Vec<(String, i64)>,
) -> Result<Vec<(String, String)>, AppError> {
    use volkshuis_domain::place::Count;
    let org = scope.org_id();
    let codes: Vec<String> = jobs.iter().map(|(code, _)| code.clone()).collect();
    let names =
        volkshuis_store::stock::choice_names(&state.db, scope, org, volkshuis_store::stock::StockRef::Complex, &codes)
            .await?;
    let exact = auth.edits_as_member(org);
    let mut jobs = jobs;
    if !exact {
        // Sorted by the most jobs first, the order of rows that all read "fewer than 5" would still tell them apart.
        jobs.sort_by(|a, b| a.0.cmp(&b.0));
    }
    Ok(jobs
        .into_iter()
        .map(|(code, n)| {
            let place = crate::picker::name_and_code(auth.ctx.lang, names.get(&code).map(String::as_str), &code);
            // Exact to whoever may open the placements; else hidden when small and rounded to fives otherwise, as
            // every masked count is (an exact count beside a rounded total gives a hidden one back).
            let shown = match Count::masked(n) {
                _ if exact => n.to_string(),
                Count::FewerThanFive => sr.fewer_than_five.to_owned(),
                Count::Exact(rounded) => rounded.to_string(),
            };
            (place, shown)
        })
        .collect())
}
