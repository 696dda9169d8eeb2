//! The municipality outlines a map draws when its background tiles cannot load (offline, or the tile host blocked):
//! only the gemeenten in view, simplified for the zoom level, each with a point for its name. Any member of the
//! organisation whose map it is may read them; boundaries are public data, but the endpoint is no open tile server.

use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use volkshuis_domain::access::View;
use volkshuis_domain::boundaries::AreaKind;
use volkshuis_domain::outline::{self, Outline};
use volkshuis_store::areas;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/kaart/gemeenten.json", get(gemeenten))
}

#[derive(Deserialize)]
struct ViewQuery {
    zoom: Option<i64>,
    bbox: Option<String>,
}

/// One outline as a GeoJSON feature: a MultiPolygon, with its code, name, label point and bounding box.
fn feature(o: Outline) -> Value {
    json!({
        "type": "Feature",
        "geometry": { "type": "MultiPolygon", "coordinates": o.polygons },
        "properties": { "code": o.code, "name": o.name, "label": o.label, "bbox": o.bbox },
    })
}

async fn gemeenten(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> Result<Response, AppError> {
    // The check is the point: only members of the organisation reach its map's outlines.
    let _scope = auth.scope(&state, org, View).await?;
    let zoom = q.zoom.filter(|z| (0..=22).contains(z)).and_then(|z| u8::try_from(z).ok());
    let (Some(zoom), Some(view)) = (zoom, q.bbox.as_deref().and_then(outline::parse_view)) else {
        let error = json!({ "error": auth.ctx.t().stock_map_bad_request });
        return Ok((StatusCode::BAD_REQUEST, Json(error)).into_response());
    };
    let in_view = areas::in_view(&state.db, AreaKind::Gemeente, view).await?;
    let features: Vec<Value> = outline::outlines(&in_view, view, zoom).into_iter().map(feature).collect();
    let body = json!({ "type": "FeatureCollection", "features": features });
    // Boundaries change once a year at most; the browser may keep a view's outlines for an hour.
    Ok(([(header::CACHE_CONTROL, "private, max-age=3600")], Json(body)).into_response())
}
