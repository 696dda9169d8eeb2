//! Figures: counts only, for every member of the corporation (what it sent) or the municipality (what it received):
//! signals per month as a chart and a table, the picked-up rate, arrears resolved, evictions prevented and carried
//! out; and the same per gemeente, buurt and (for a corporation) complex.

use super::{module_scope, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::SignaleringTexts;
use crate::state::AppState;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::View;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::place::SMALLEST_SHOWN;
use volkshuis_store::signalering::figures::{self, Counts, Grouping, Side};
use volkshuis_store::stock;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/signalering/cijfers", get(page))
}

/// One bar of the monthly chart: its label, its height in the drawing's units, and the count as shown.
struct Bar {
    label: String,
    x: i64,
    height: i64,
    count: String,
    picked_height: i64,
}

/// A table of counts by place: its heading and its rows (name, the six counts as shown).
struct PlaceTable {
    heading: &'static str,
    rows: Vec<(String, [String; 6])>,
}

/// How the counts of a table are shown. A count per buurt or complex always hides 1 to 4 as "<5": in a small complex
/// one count can point at one household (an eviction, say), and these figures go to every member, read-only ones
/// included. To whoever may not open the signals themselves (a read-only member, the platform operator) every count is
/// so shown, per month and gemeente and in the totals too (an exact "1" eviction prevented in a month beside one
/// complex with "<5" named the household), and the others are rounded to fives: the same signals counted per month,
/// per gemeente and per complex gave a hidden count back by subtraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown {
    /// As counted.
    Exact,
    /// 1 to 4 as "<5", the rest as counted.
    SmallHidden,
    /// 1 to 4 as "<5", the rest rounded to fives.
    Rounded,
}

impl Shown {
    /// The way every count is shown to this viewer: rounded when `mask`, else exact.
    pub(super) fn for_viewer(mask: bool) -> Self {
        if mask {
            Self::Rounded
        } else {
            Self::Exact
        }
    }

    /// The way a place's counts (a buurt, a complex) are shown: never more exactly than small ones hidden.
    fn for_places(self) -> Self {
        if self == Self::Exact {
            Self::SmallHidden
        } else {
            self
        }
    }

    fn hides(self, n: i64) -> bool {
        self != Self::Exact && volkshuis_domain::place::hidden(n)
    }

    /// The count as drawn or summed: as shown, a hidden one as high as 5 (its height would tell it).
    fn value(self, n: i64) -> i64 {
        match self {
            _ if self.hides(n) => SMALLEST_SHOWN,
            Self::Rounded => volkshuis_domain::place::rounded(n),
            _ => n,
        }
    }

    /// One count as shown.
    pub(super) fn one(self, n: i64) -> String {
        if self.hides(n) {
            format!("<{SMALLEST_SHOWN}")
        } else {
            self.value(n).to_string()
        }
    }

    /// The six counts of a place as shown.
    fn row(self, c: &Counts) -> [String; 6] {
        columns(c).map(|n| self.one(n))
    }
}

/// The six counts of a place, in the page's column order.
fn columns(c: &Counts) -> [i64; 6] {
    [c.signals, c.picked_up, c.not_picked_up, c.resolved, c.evictions_prevented, c.evictions_carried_out]
}

#[derive(Template)]
#[template(path = "signalering/figures.html")]
struct FiguresPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    months: Vec<(String, [String; 6])>,
    bars: Vec<Bar>,
    totals: [String; 6],
    /// Picked up as a share of the signals with a result; none when a part of it is masked (it would give it away).
    picked_up_percent: Option<i64>,
    tables: Vec<PlaceTable>,
    /// Whether every small count is masked (the viewer may not open the signals).
    masked: bool,
}

/// The chart's height in its own units.
const CHART_HEIGHT: i64 = 120;
/// A bar's width and the gap after it.
const BAR_STEP: i64 = 28;

/// The monthly bars, as high as their counts are shown.
fn bars(months: &[Counts], shown: Shown) -> Vec<Bar> {
    let drawn = |n: i64| shown.value(n);
    let most = months.iter().map(|m| drawn(m.signals)).max().unwrap_or(0).max(1);
    months
        .iter()
        .enumerate()
        .map(|(i, m)| Bar {
            label: m.key.clone(),
            x: i as i64 * BAR_STEP,
            height: drawn(m.signals) * CHART_HEIGHT / most,
            count: shown.one(m.signals),
            picked_height: drawn(m.picked_up).min(drawn(m.signals)) * CHART_HEIGHT / most,
        })
        .collect()
}

fn sum(rows: &[Counts]) -> Counts {
    rows.iter().fold(Counts::default(), |mut total, c| {
        total.signals += c.signals;
        total.picked_up += c.picked_up;
        total.not_picked_up += c.not_picked_up;
        total.resolved += c.resolved;
        total.evictions_prevented += c.evictions_prevented;
        total.evictions_carried_out += c.evictions_carried_out;
        total
    })
}

async fn page(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = module_scope(&state, &auth, org, View).await?;
    let side = match organisation.kind {
        OrgKind::Corporation => Side::Sender,
        OrgKind::Municipality => Side::Recipient,
        _ => return Err(AppError::NotFound),
    };
    let sg = SignaleringTexts::of(auth.ctx.lang);
    // Those who may open the signals see the months and gemeenten as they are.
    let mask = !auth.edits_as_member(org);
    let shown = Shown::for_viewer(mask);
    let months = figures::counts(&state.db, &scope, side, Grouping::Month).await?;
    let mut tables = Vec::new();
    for (grouping, kind, heading, shown) in [
        (Grouping::Gemeente, "gemeente", sg.by_gemeente, shown),
        (Grouping::Buurt, "buurt", sg.by_buurt, shown.for_places()),
    ] {
        let rows = figures::counts(&state.db, &scope, side, grouping).await?;
        let codes: Vec<String> = rows.iter().map(|r| r.key.clone()).collect();
        let names = stock::area_names(&state.db, kind, &codes).await?;
        let rows = rows
            .into_iter()
            .map(|r| (names.get(&r.key).map_or_else(|| r.key.clone(), |n| format!("{n} ({})", r.key)), shown.row(&r)))
            .collect();
        tables.push(PlaceTable { heading, rows });
    }
    if side == Side::Sender {
        let rows = figures::counts(&state.db, &scope, side, Grouping::Complex).await?;
        let names: HashMap<String, String> = stock::clusters(&state.db, &scope)
            .await?
            .into_iter()
            .map(|c| (c.id.to_string(), c.naam.map_or(c.code.clone(), |n| format!("{n} ({})", c.code))))
            .collect();
        let rows = rows
            .into_iter()
            .map(|r| (names.get(&r.key).cloned().unwrap_or_else(|| r.key.clone()), shown.for_places().row(&r)))
            .collect();
        tables.push(PlaceTable { heading: sg.by_complex, rows });
    }
    let totals = sum(&months);
    // A share computed from rounded or hidden counts would be a guess presented as a figure.
    let percent_hidden = mask;
    ok(&FiguresPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, organisation.kind),
        bars: bars(&months, shown),
        picked_up_percent: if percent_hidden { None } else { totals.picked_up_percent() },
        totals: shown.row(&totals),
        months: months.iter().map(|m| (m.key.clone(), shown.row(m))).collect(),
        tables,
        masked: mask,
    })
}
