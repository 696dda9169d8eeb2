//! The stock map page and its data: clusters per zoom level, single units at street level.

use super::corporation_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::MapslangTexts;
use crate::state::AppState;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use volkshuis_domain::access::{Action, View};
use volkshuis_store::stock::map::{self, BBox, STREET_ZOOM};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/stock/map", get(page)).route("/orgs/{org}/stock/map.json", get(data))
}

#[derive(Template)]
#[template(path = "stock/map.html")]
struct MapPage {
    page: Page,
    org_id: i64,
    org_name: String,
    bbox: String,
    /// The map's texts: the tiles' credit, and the line shown under the map when its tiles cannot load and the
    /// municipality outlines stand in.
    maps: &'static MapslangTexts,
    /// Whether the stock menu offers the import (staff and administrators only).
    can_import: bool,
}

async fn page(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_scope(&state, &auth, org, View).await?;
    let bbox =
        map::extent(&state.db, &scope).await?.map(|b| b.map(|v| format!("{v:.5}")).join(",")).unwrap_or_default();
    let maps = auth.ctx.lang.mapslang();
    let can_import = scope.role().allows(Action::Edit);
    ok(&MapPage { page: Page::for_user(&auth), org_id: org, org_name: organisation.name, bbox, maps, can_import })
}

#[derive(Deserialize)]
struct MapQuery {
    zoom: Option<i64>,
    bbox: Option<String>,
}

/// `w,s,e,n` in degrees, west below east and south below north.
fn parse_bbox(text: &str) -> Option<BBox> {
    let values: Vec<f64> =
        text.split(',').map(|v| v.trim().parse::<f64>().ok().filter(|v| v.is_finite())).collect::<Option<_>>()?;
    let [w, s, e, n]: [f64; 4] = values.try_into().ok()?;
    (w < e && s < n && (-180.0..=180.0).contains(&w) && (-90.0..=90.0).contains(&s)).then_some([w, s, e, n])
}

fn point(lon: f64, lat: f64, properties: Value) -> Value {
    json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": [lon, lat] }, "properties": properties })
}

async fn data(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<MapQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_scope(&state, &auth, org, View).await?;
    let t = auth.ctx.t();
    let (Some(zoom), Some(bbox)) = (q.zoom.filter(|z| (0..=22).contains(z)), q.bbox.as_deref().and_then(parse_bbox))
    else {
        let error = json!({ "error": t.stock_map_bad_request });
        return Ok((StatusCode::BAD_REQUEST, Json(error)).into_response());
    };
    let body = map_body(&state.db, &scope, org, zoom, bbox, t).await?;
    Ok(Json(body).into_response())
}

/// The map data for a view: GeoJSON with clusters below street level, single units from it. Public for the benchmark.
pub async fn map_body(
    db: &volkshuis_store::Db,
    scope: &volkshuis_domain::access::ReadScope,
    org: i64,
    zoom: i64,
    bbox: BBox,
    t: &crate::i18n::Texts,
) -> Result<Value, volkshuis_store::StoreError> {
    Ok(if zoom >= STREET_ZOOM {
        let points = map::points(db, scope, bbox).await?;
        let summary = t.stock_map_units(points.len() as i64);
        let features: Vec<Value> = points
            .into_iter()
            .map(|p| {
                let url = format!("/orgs/{org}/stock/units/{}", p.id);
                point(p.lon, p.lat, json!({ "address": p.address, "label": p.label, "url": url }))
            })
            .collect();
        json!({ "type": "FeatureCollection", "mode": "units", "summary": summary, "features": features })
    } else {
        let clusters = map::clusters(db, scope, zoom, bbox).await?;
        let units: i64 = clusters.iter().map(|c| c.units).sum();
        let summary = t.stock_map_clusters(clusters.len() as i64, units);
        let features: Vec<Value> = clusters
            .into_iter()
            .map(|c| point(c.lon, c.lat, json!({ "units": c.units, "daeb": c.daeb_units })))
            .collect();
        json!({ "type": "FeatureCollection", "mode": "clusters", "summary": summary, "features": features })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn bbox_must_be_four_ordered_numbers() {
        assert_eq!(super::parse_bbox("4.8,52.3,4.9,52.4"), Some([4.8, 52.3, 4.9, 52.4]));
        for bad in ["4.9,52.3,4.8,52.4", "4.8,52.3,4.9", "a,b,c,d", "4.8,52.3,4.9,52.4,1", "NaN,1,2,3"] {
            assert_eq!(super::parse_bbox(bad), None, "{bad}");
        }
    }
}
