//! Figures, counts only: sales per year, checks done on time, buyers in payment trouble and VvE's below the reserve
//! minimum, per gemeente, buurt or complex. A corporation sees its own; a municipality those of homes in its
//! gemeenten. Whoever may not read the buyers themselves — a municipality, a corporation's read-only member, the
//! platform operator — sees the counts of sales and checks from 1 to 4 as "fewer than 5", so no buyer can be picked
//! out (a complex with three sales and "1" buyer in payment trouble named the one whose check had come).

use super::{module_scope, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::NazorgTexts;
use crate::state::AppState;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::View;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::figures::{self, Grouping, Place, Side};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/nazorg/cijfers", get(page))
}

use super::SMALL;

struct Row {
    key: String,
    sold: String,
    checks_due: String,
    on_time: String,
    overdue: String,
    trouble: String,
    vves: i64,
    below: i64,
}

#[derive(Template)]
#[template(path = "nazorg/figures.html")]
struct FiguresPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    per: &'static str,
    groupings: Vec<(&'static str, &'static str)>,
    per_year: Vec<(String, String)>,
    rows: Vec<Row>,
    total: Row,
    /// Whether the counts are masked and rounded for this viewer (the page says so).
    masked: bool,
}

#[derive(serde::Deserialize)]
struct FiguresQuery {
    per: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<FiguresQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = module_scope(&state, &auth, org, View).await?;
    let side = match organisation.kind {
        OrgKind::Corporation => Side::Corporation,
        OrgKind::Municipality => Side::Municipality,
        _ => return Err(AppError::NotFound),
    };
    let nz = NazorgTexts::of(auth.ctx.lang);
    let (per, grouping) = match query.per.as_deref() {
        Some("buurt") => ("buurt", Grouping::Buurt),
        Some("complex") if side == Side::Corporation => ("complex", Grouping::Complex),
        _ => ("gemeente", Grouping::Gemeente),
    };
    let today = dutch_date(state.clock.now());
    let figures = figures::figures(&state.db, &scope, side, grouping, today).await?;
    // The corporation's staff who work with the buyers (and may open every sale) see the counts as they are.
    let mask = super::counts_masked(&auth, org, organisation.kind);
    let small = |n: i64| mask && volkshuis_domain::place::hidden(n);
    let shown = super::shown_count(nz, mask);
    let row = |p: &Place| Row {
        key: if p.key.is_empty() { nz.place_unknown.to_owned() } else { p.key.clone() },
        sold: shown(p.sold),
        checks_due: shown(p.checks_due),
        on_time: match p.checks_due {
            0 => "—".to_owned(),
            due if small(due) || small(p.checks_on_time) => nz.fewer_than(SMALL),
            // Rounded counts make no share: the count as shown, without one.
            _ if mask => shown(p.checks_on_time),
            due => format!("{} ({}%)", p.checks_on_time, (p.checks_on_time * 100 + due / 2) / due),
        },
        overdue: shown(p.checks_overdue),
        trouble: shown(p.payment_trouble),
        vves: p.vves,
        below: p.vves_below_minimum,
    };
    let mut groupings = vec![("gemeente", nz.per_gemeente), ("buurt", nz.per_buurt)];
    if side == Side::Corporation {
        groupings.push(("complex", nz.per_complex));
    }
    ok(&FiguresPage {
        page: Page::for_user(&auth),
        nz,
        nav: subnav(nz, &auth, org, organisation.kind),
        org_id: org,
        per,
        groupings,
        per_year: figures.per_year.iter().map(|(year, n)| (year.clone(), shown(*n))).collect(),
        rows: figures.places.iter().map(row).collect(),
        // Shown as the rows are (hidden when small, rounded to fives): an exact total beside a hidden place gave it
        // away by subtraction; a rounded one does not.
        total: row(&figures.total),
        masked: mask,
    })
}
