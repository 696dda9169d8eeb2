//! The map of sold homes and VvE health per buurt, for the corporation (its own sales and VvE's) and the
//! municipality (sales of homes in its gemeenten and the VvE's there, of every corporation): counts only, no persons.
//!
//! The page is whole without a map: a table holds every buurt with its figures, and `static/nazorg-map.js` draws a
//! circle per buurt from that table's rows (coloured by the worst VvE health, sized by the homes sold) over the PDOK
//! tiles, or over the municipality outlines when the tiles cannot load. No inline script: the strict CSP holds.

use super::super::{module_scope, subnav};
use super::health_class;
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::{MapslangTexts, NazorgTexts, VveTexts};
use crate::state::AppState;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::View;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::nazorg::vve::Health;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::figures::Side;
use volkshuis_store::nazorg::map::{self, Buurt};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/nazorg/kaart", get(page)).route("/static/nazorg-map.js", get(script))
}

/// The map's script, compiled into the binary as the other map scripts are.
async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../../../static/nazorg-map.js"),
    )
        .into_response()
}

/// One buurt as the table (and from it the map) shows it.
struct Row {
    code: String,
    buurt: String,
    /// The homes sold as shown (a municipality sees "fewer than 5" for 1–4), and the number the circle is sized by.
    sold_shown: String,
    sold: i64,
    vves: i64,
    /// The worst health's code, name and badge class; empty without VvE's.
    worst: Option<(&'static str, &'static str, &'static str)>,
    /// (lat, lon) with six decimals, for the script; `None` without coordinates.
    point: Option<(String, String)>,
    /// The circle's tooltip.
    label: String,
    /// The corporation's own VvE's there: (href, name, health name, badge class).
    own: Vec<(String, String, &'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "nazorg/map.html")]
struct MapPage {
    page: Page,
    nz: &'static NazorgTexts,
    vt: &'static VveTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    municipality: bool,
    rows: Vec<Row>,
    maps: &'static MapslangTexts,
}

fn row(nz: &NazorgTexts, vt: &VveTexts, org: i64, mask: bool, buurt: Buurt) -> Row {
    // As the figures show it (hidden when small, rounded to fives): an exact count here beside a rounded total there
    // gave a hidden buurt back by subtraction.
    let masked = mask && volkshuis_domain::place::hidden(buurt.sold);
    let sold_shown = super::super::shown_count(nz, mask)(buurt.sold);
    let name = match (&buurt.name, buurt.code.as_str()) {
        (_, "") => vt.buurt_unknown.to_owned(),
        (Some(name), code) => format!("{name} ({code})"),
        (None, code) => code.to_owned(),
    };
    let worst = buurt.worst().map(|h: Health| (h.code(), vt.health(h), health_class(h)));
    let label = match worst {
        Some((_, health, _)) => vt.map_label(&name, &sold_shown, health),
        None => vt.map_label_no_vves(&name, &sold_shown),
    };
    Row {
        point: buurt
            .point
            .filter(|_| !buurt.code.is_empty())
            .map(|(lat, lon)| (format!("{lat:.6}"), format!("{lon:.6}"))),
        vves: buurt.vve_count(),
        own: buurt
            .own_vves
            .iter()
            .map(|(id, name, h)| {
                (format!("/orgs/{org}/nazorg/vves/{id}"), name.clone(), vt.health(*h), health_class(*h))
            })
            .collect(),
        code: buurt.code,
        buurt: name,
        sold: match (masked, mask) {
            (true, _) => 1,
            (false, true) => volkshuis_domain::place::rounded(buurt.sold),
            (false, false) => buurt.sold,
        },
        sold_shown,
        worst,
        label,
    }
}

async fn page(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = module_scope(&state, &auth, org, View).await?;
    let side = match organisation.kind {
        OrgKind::Corporation => Side::Corporation,
        OrgKind::Municipality => Side::Municipality,
        _ => return Err(AppError::NotFound),
    };
    let (nz, vt) = (NazorgTexts::of(auth.ctx.lang), VveTexts::of(auth.ctx.lang));
    let today = dutch_date(state.clock.now());
    let municipality = side == Side::Municipality;
    let mask = super::super::counts_masked(&auth, org, organisation.kind);
    let rows =
        map::buurten(&state.db, &scope, side, today).await?.into_iter().map(|b| row(nz, vt, org, mask, b)).collect();
    ok(&MapPage {
        page: Page::for_user(&auth),
        nz,
        vt,
        nav: subnav(nz, &auth, org, organisation.kind),
        org_id: org,
        municipality,
        rows,
        maps: auth.ctx.lang.mapslang(),
    })
}
