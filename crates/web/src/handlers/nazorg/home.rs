//! The module's first page. A corporation sees its counts and, for staff, the checks to do; a partner's koopcoach
//! the buyers assigned to them; a municipality the counts of its gemeenten. A read-only member sees counts only.

use super::{module_scope, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::NazorgTexts;
use crate::state::AppState;
use crate::views::{ok, show_date, Page};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::View;
use volkshuis_domain::calendar::{add_months, dutch_date};
use volkshuis_domain::nazorg::checks::{check_state, LEAD_MONTHS};
use volkshuis_domain::nazorg::vve::{findings, health, Health};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::figures::{self, Grouping, Side};
use volkshuis_store::nazorg::{checks, sales, vves};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/nazorg", get(home))
}

/// A check on the work list.
pub(super) struct CheckLine {
    pub href: String,
    pub address: String,
    pub buyer: String,
    pub years: i64,
    pub due: String,
    pub state: &'static str,
    pub state_code: &'static str,
}

/// A buyer on a koopcoach's list.
pub(super) struct BuyerLine {
    pub href: String,
    pub buyer: String,
    pub address: String,
    pub sold_on: String,
}

#[derive(Template)]
#[template(path = "nazorg/home.html")]
struct HomePage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    kind: OrgKind,
    may_edit: bool,
    total: figures::Place,
    /// Sold, checks overdue, payment trouble, VvE's below the minimum, as shown.
    shown: [String; 4],
    vves_red: usize,
    checks: Vec<CheckLine>,
    buyers: Vec<BuyerLine>,
}

async fn home(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = module_scope(&state, &auth, org, View).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let may_edit = auth.edits_as_member(org);
    let mut page = HomePage {
        page: Page::for_user(&auth),
        nz,
        nav: subnav(nz, &auth, org, organisation.kind),
        org_id: org,
        kind: organisation.kind,
        may_edit,
        total: figures::Place::default(),
        shown: Default::default(),
        vves_red: 0,
        checks: Vec::new(),
        buyers: Vec::new(),
    };
    let side = match organisation.kind {
        OrgKind::Corporation => Some(Side::Corporation),
        OrgKind::Municipality => Some(Side::Municipality),
        _ => None,
    };
    if let Some(side) = side {
        page.total = figures::figures(&state.db, &scope, side, Grouping::Gemeente, today).await?.total;
    }
    // Whoever may not open the buyers sees small counts as "fewer than 5", as on the figures page and the map.
    let shown = super::shown_count(nz, super::counts_masked(&auth, org, organisation.kind));
    page.shown = [
        shown(page.total.sold),
        shown(page.total.checks_overdue),
        shown(page.total.payment_trouble),
        page.total.vves_below_minimum.to_string(),
    ];
    if organisation.kind == OrgKind::Corporation {
        page.vves_red = vves::vves(&state.db, &scope)
            .await?
            .iter()
            .filter(|v| health(&findings(&v.input.facts(), today)) == Health::Red)
            .count();
    }
    if may_edit && matches!(organisation.kind, OrgKind::Corporation | OrgKind::Partner) {
        let (_, buyers, kind) = super::buyer_scope(&state, &auth, org).await?;
        let actor = auth.actor(&state);
        let until = add_months(today, LEAD_MONTHS);
        page.checks = checks::checks_to_do(&state.db, &buyers, &actor, until, 200)
            .await?
            .into_iter()
            .map(|c| {
                let s = check_state(c.due_on, None, today);
                // A koopcoach sees the check on the buyer's page; the corporation does it on the check's own.
                let href = match kind {
                    OrgKind::Partner => format!("/orgs/{org}/nazorg/verkopen/{}", c.sale_id),
                    _ => format!("/orgs/{org}/nazorg/controles/{}", c.check_id),
                };
                CheckLine {
                    href,
                    address: c.address,
                    buyer: super::buyer_shown(nz, c.buyer_name),
                    years: i64::from(c.years),
                    due: show_date(c.due_on),
                    state: nz.check_state(s),
                    state_code: s.code(),
                }
            })
            .collect();
        if organisation.kind == OrgKind::Partner {
            page.buyers = sales::sales(&state.db, &buyers, &actor, 500)
                .await?
                .into_iter()
                .map(|s| BuyerLine {
                    href: format!("/orgs/{org}/nazorg/verkopen/{}", s.id),
                    buyer: super::buyer_shown(nz, s.buyer_name),
                    address: s.address,
                    sold_on: show_date(s.sold_on),
                })
                .collect();
        }
    }
    ok(&page)
}
