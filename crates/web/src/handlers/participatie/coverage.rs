//! Coverage: per corporation, how many tenants a recognised body speaks for, only informal groups, or nobody; per
//! gemeente, wijk, buurt or complex, the areas with the most tenants without a voice first.

use super::{corporations, figures_scope, party_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::MapslangTexts;
use crate::state::AppState;
use crate::views::{ok, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use volkshuis_domain::access::{Action, Edit, View};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::participatie::coverage::Counts;
use volkshuis_domain::participatie::group::GroupKind;
use volkshuis_store::participatie::{self as part, AreaLevel};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie/dekking", get(show))
        .route("/orgs/{org}/participatie/dekking/{corporation}/herberekenen", post(recompute))
        .route("/orgs/{org}/participatie/dekking/kaart", get(map_page))
        .route("/orgs/{org}/participatie/dekking/kaart.json", get(map_data))
}

/// Areas listed (the worst first).
const LISTED: i64 = 200;

struct AreaView {
    label: String,
    /// A buurt's place page (issue 23), where everything about it is on one page.
    href: Option<String>,
    counts: Counts,
    blind: i64,
}

#[derive(Template)]
#[template(path = "participatie/coverage.html")]
struct CoveragePage {
    page: Page,
    org_id: i64,
    corporations: Vec<(String, String, bool)>,
    corporation_id: i64,
    levels: Vec<(&'static str, &'static str, bool)>,
    kinds: Vec<(&'static str, &'static str, bool)>,
    kind: Option<&'static str>,
    /// A municipality sees the figures only: no links to groups or the diagnosis.
    figures_only: bool,
    /// Why there are no corporations to choose from.
    empty_notice: &'static str,
    /// A municipality's gemeenten, which bound the figures.
    territory: Option<String>,
    totals: Counts,
    blind: i64,
    areas: Vec<AreaView>,
    can_recompute: bool,
}

#[derive(Deserialize)]
struct CoverageQuery {
    corporatie: Option<i64>,
    per: Option<String>,
    soort: Option<String>,
    notice: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = figures_scope(&state, &auth, org, View).await?;
    let corps = corporations(&state, &scope, &organisation).await?;
    // A municipality reads the figures; the parties in the stock keep them up to date.
    let organisation_may_recompute = !volkshuis_domain::modules::coverage_only(organisation.kind);
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    let pt = page.pt;
    // A municipality's own gemeenten bound every figure it sees (ADR 0039); the page names them.
    let territory: Vec<String> = match organisation.kind {
        OrgKind::Municipality => volkshuis_store::gemeenten::of_org(&state.db, org)
            .await?
            .into_iter()
            .map(|g| crate::picker::name_and_code(auth.ctx.lang, g.name.as_deref(), &g.code))
            .collect(),
        _ => Vec::new(),
    };
    let empty_notice = match organisation.kind {
        OrgKind::Municipality if territory.is_empty() => pt.no_gemeenten,
        OrgKind::Municipality => pt.no_stock_here,
        _ => pt.no_stock,
    };
    let corporation = match q.corporatie {
        Some(id) => corps.iter().find(|c| c.id == id).ok_or(AppError::NotFound)?.id,
        None => corps.first().map(|c| c.id).unwrap_or(0),
    };
    let level = q.per.as_deref().and_then(AreaLevel::parse).unwrap_or(AreaLevel::Buurt);
    let kind = q.soort.as_deref().and_then(|k| GroupKind::parse(k).ok());
    let (totals, areas) = if corporation == 0 {
        (Counts::default(), Vec::new())
    } else {
        let figures = part::open_figures(&state.db, &scope, corporation).await?.ok_or(AppError::NotFound)?;
        let (totals, areas) = match kind {
            Some(kind) => part::coverage_for_kind(&state.db, &figures, kind.code(), level, LISTED).await?,
            None => (
                part::coverage_totals(&state.db, &figures).await?,
                part::coverage_by(&state.db, &figures, level, LISTED).await?,
            ),
        };
        // A gemeente, wijk or buurt by its name where the CBS areas are loaded (a bare BU01500103 meant nothing to a
        // volunteer); a complex by its own name.
        let names = if level == AreaLevel::Complex {
            HashMap::new()
        } else {
            let codes: Vec<String> = areas.iter().map(|a| a.code.clone()).collect();
            volkshuis_store::stock::area_names(&state.db, level.code(), &codes).await?
        };
        let areas = areas
            .into_iter()
            .map(|a| AreaView {
                href: (level == AreaLevel::Buurt && !a.code.is_empty())
                    .then(|| crate::handlers::place::buurt_href(org, &a.code)),
                label: if a.code.is_empty() {
                    "—".to_owned()
                } else {
                    let name = a.name.as_deref().or_else(|| names.get(&a.code).map(String::as_str));
                    crate::picker::name_and_code(auth.ctx.lang, name, &a.code)
                },
                blind: a.counts.blind_percent(),
                counts: a.counts,
            })
            .collect();
        (totals, areas)
    };
    ok(&CoveragePage {
        org_id: org,
        corporations: corps.iter().map(|c| (c.id.to_string(), c.name.clone(), c.id == corporation)).collect(),
        corporation_id: corporation,
        levels: [
            ("gemeente", pt.per_gemeente),
            ("wijk", pt.per_wijk),
            ("buurt", pt.per_buurt),
            ("complex", pt.per_complex),
        ]
        .into_iter()
        .map(|(code, label)| (code, label, code == level.code()))
        .collect(),
        kinds: GroupKind::ALL.iter().map(|k| (k.code(), pt.kind(*k), Some(*k) == kind)).collect(),
        kind: kind.map(|k| pt.kind(k)),
        blind: totals.blind_percent(),
        totals,
        areas,
        can_recompute: scope.role().allows(Action::Edit) && corporation != 0 && organisation_may_recompute,
        figures_only: !organisation_may_recompute,
        empty_notice,
        territory: if territory.is_empty() { None } else { Some(territory.join(", ")) },
        page,
    })
}

async fn recompute(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, corporation)): Path<(i64, i64)>,
    Query(_): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    if !corporations(&state, &scope, &organisation).await?.iter().any(|c| c.id == corporation) {
        return Err(AppError::NotFound);
    }
    part::recompute(&state.db, &scope, corporation).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/dekking?corporatie={corporation}&notice=saved")).into_response())
}

#[derive(Template)]
#[template(path = "participatie/map.html")]
struct MapPage {
    page: Page,
    org_id: i64,
    figures_only: bool,
    corporation_id: i64,
    corporation_name: String,
    /// The map's texts: the tiles' credit, and the line shown under the map when its tiles cannot load and the
    /// municipality outlines stand in.
    maps: &'static MapslangTexts,
}

#[derive(Deserialize)]
struct MapQuery {
    corporatie: Option<i64>,
    zoom: Option<u8>,
    bbox: Option<String>,
}

/// From this zoom level on the map shows single complexes; below it, grid squares.
const COMPLEX_ZOOM: u8 = 13;

/// The map's view from `west,south,east,north`; the whole country when absent or wrong.
fn parse_bbox(text: Option<&str>) -> part::Bbox {
    let netherlands = [3.2, 50.7, 7.3, 53.6];
    let Some(text) = text else { return netherlands };
    let values: Vec<f64> = text.split(',').filter_map(|v| v.trim().parse().ok()).collect();
    match values.as_slice() {
        [w, s, e, n] if w < e && s < n && values.iter().all(|v| v.is_finite()) => [*w, *s, *e, *n],
        _ => netherlands,
    }
}

/// The figures of the corporation asked for, if the organisation works in its stock.
async fn chosen(
    state: &AppState,
    auth: &Auth,
    org: i64,
    asked: Option<i64>,
) -> Result<(part::Figures, String, bool), AppError> {
    let (scope, organisation) = figures_scope(state, auth, org, View).await?;
    let figures_only = volkshuis_domain::modules::coverage_only(organisation.kind);
    let corps = corporations(state, &scope, &organisation).await?;
    let found = match asked {
        Some(id) => corps.into_iter().find(|c| c.id == id),
        None => corps.into_iter().next(),
    };
    let found = found.ok_or(AppError::NotFound)?;
    let figures = part::open_figures(&state.db, &scope, found.id).await?.ok_or(AppError::NotFound)?;
    Ok((figures, found.name, figures_only))
}

async fn map_page(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<MapQuery>,
) -> Result<Response, AppError> {
    let (figures, corporation_name, figures_only) = match chosen(&state, &auth, org, q.corporatie).await {
        // No stock to show at all (a municipality without gemeenten, or none with homes there): the list page says
        // why, where the map would only be a 404. It makes its own checks.
        Err(AppError::NotFound) if q.corporatie.is_none() => {
            return Ok(Redirect::to(&format!("/orgs/{org}/participatie/dekking")).into_response());
        }
        other => other?,
    };
    let corporation_id = figures.corporation_id();
    let maps = auth.ctx.lang.mapslang();
    let page = Page::for_user(&auth);
    ok(&MapPage { page, org_id: org, figures_only, corporation_id, corporation_name, maps })
}

/// GeoJSON: one point per complex with its counts and the colour class (`none` where any tenant has no voice).
async fn map_data(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<MapQuery>,
) -> Result<Response, AppError> {
    let (figures, _, _) = chosen(&state, &auth, org, q.corporatie).await?;
    let pt = auth.ctx.lang.participatie();
    let bbox = parse_bbox(q.bbox.as_deref());
    let zoom = q.zoom.unwrap_or(COMPLEX_ZOOM).clamp(5, 19);
    let (mode, points) = if zoom >= COMPLEX_ZOOM {
        ("complexes", part::coverage_points(&state.db, &figures, bbox).await?)
    } else {
        // About four squares per 256-pixel tile at this zoom.
        let size = 90.0 / f64::from(1u32 << zoom);
        ("grid", part::coverage_grid(&state.db, &figures, size, bbox).await?)
    };
    let features: Vec<serde_json::Value> = points
        .into_iter()
        .map(|p| {
            let label = marker_label(pt, mode == "grid", &p);
            let class = if p.counts.none > 0 {
                "none"
            } else if p.counts.informal > 0 {
                "informal"
            } else {
                "formal"
            };
            serde_json::json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
                "properties": {
                    "code": p.code, "name": p.name, "class": class,
                    "formal": p.counts.formal, "informal": p.counts.informal, "none": p.counts.none,
                    "label": label,
                }
            })
        })
        .collect();
    Ok(axum::Json(serde_json::json!({ "type": "FeatureCollection", "mode": mode, "features": features }))
        .into_response())
}

/// What a marker of the coverage map is called (its accessible name and tooltip): a square of the grid by the number
/// of its complexes ("19 complexen"), a complex by its name and code, each with its counts.
fn marker_label(pt: &crate::i18n::ParticipatieTexts, grid: bool, p: &part::CoveragePoint) -> String {
    let head = match p.name.as_deref().map(str::trim) {
        _ if grid => pt.grid_complexes(p.code.parse::<i64>().unwrap_or(0)),
        Some(name) if !name.is_empty() => format!("{name} ({})", p.code),
        _ => p.code.clone(),
    };
    let c = &p.counts;
    format!(
        "{head} — {}: {}, {}: {}, {}: {}",
        pt.cov_formal, c.formal, pt.cov_informal, c.informal, pt.cov_none, c.none
    )
}

#[cfg(test)]
mod tests {
    use super::marker_label;
    use crate::i18n::Lang;
    use volkshuis_store::participatie::CoveragePoint;

    #[test]
    fn a_marker_is_named_by_its_complexes_or_its_complex() {
        let pt = Lang::Nl.participatie();
        let point = |code: &str, name: Option<&str>| CoveragePoint {
            code: code.to_owned(),
            name: name.map(str::to_owned),
            lat: 52.0,
            lon: 5.0,
            counts: Default::default(),
        };
        let grid = marker_label(pt, true, &point("19", None));
        assert!(grid.starts_with("19 complexen — "), "{grid}");
        assert!(marker_label(pt, true, &point("1", None)).starts_with("1 complex — "));
        assert!(marker_label(pt, false, &point("CPX1", Some("De Linde"))).starts_with("De Linde (CPX1) — "));
        let nameless = marker_label(pt, false, &point("CPX2", Some(" ")));
        assert!(nameless.starts_with("CPX2 — ") && !nameless.contains("  "), "{nameless}");
        assert!(Lang::En.participatie().grid_complexes(19).starts_with("19 complexes"));
    }
}
