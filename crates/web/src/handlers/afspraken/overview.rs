//! The national overview for the platform administrator: every gemeente with a cycle, the phase of its newest one,
//! and whether bids are late. Where a cycle stands, never what it holds.

use crate::auth::PlatformAdmin;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{ok, show_date, Page};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_domain::afspraken::{bid_state, BidState, CycleDates, Phase};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_store::afspraken;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/afspraken", get(overview))
}

struct Row {
    gemeente: String,
    title: String,
    phase: &'static str,
    since: String,
    bids: String,
    signed: String,
    late: bool,
}

#[derive(Template)]
#[template(path = "afspraken/overview.html")]
struct OverviewPage {
    page: Page,
    rows: Vec<Row>,
}

async fn overview(State(state): State<AppState>, PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    let page = Page::for_user(&auth);
    let pa = page.pa;
    let today = dutch_date(state.clock.now());
    let rows = afspraken::national_overview(&state.db)
        .await?
        .into_iter()
        .map(|r| {
            // Late: the bid day has passed while a corporation's bid is still out, before the talks.
            let waiting = r.corporations > r.bids_sent && matches!(r.phase, Phase::Kennisvergaring | Phase::Bod);
            let late = waiting
                && matches!(bid_state(CycleDates::for_year(r.first_year).bid_due, None, today), BidState::Late { .. });
            Row {
                gemeente: r.gemeente_name.map(|n| format!("{n} ({})", r.gemeente_code)).unwrap_or(r.gemeente_code),
                title: r.title,
                phase: pa.phase(r.phase),
                since: show_date(r.phase_since),
                bids: format!("{}/{}", r.bids_sent, r.corporations),
                signed: format!("{}/{}", r.signed, r.parties),
                late,
            }
        })
        .collect();
    ok(&OverviewPage { page, rows })
}
