//! The municipality outlines a map draws without its background tiles: only for members, only the gemeenten in view,
//! simplified for the zoom level, and an empty collection (no error) when no boundaries were imported.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use serde_json::Value;
use time::macros::datetime;
use volkshuis_domain::boundaries::{self, Area, AreaIndex, AreaKind};
use volkshuis_domain::geo::{LatLon, Polygon};
use volkshuis_store::areas;
use volkshuis_store::audit::Actor;
use volkshuis_store::testdb::shared_data;

on_both_backends!(
    outlines_are_for_members_with_a_view,
    only_the_gemeenten_in_view_come_back,
    the_real_municipalities_fit_in_a_small_answer,
);

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

/// A square gemeente of `size` degrees with a wobbly bottom edge (a point every 0.001°, 0.0002° off the line).
fn gemeente(code: &str, name: &str, west: f64, south: f64, size: f64) -> Area {
    let steps = (size / 0.001) as usize;
    let mut ring: Vec<[f64; 2]> =
        (0..steps).map(|i| [west + i as f64 * 0.001, south + if i % 2 == 1 { 0.0002 } else { 0.0 }]).collect();
    ring.extend([[west + size, south], [west + size, south + size], [west, south + size], [west, south]]);
    Area {
        kind: AreaKind::Gemeente,
        code: code.into(),
        name: name.into(),
        year: Some(2023),
        polygons: vec![Polygon { rings: vec![ring] }],
    }
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).expect("json")
}

async fn outlines_are_for_members_with_a_view(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    let url = format!("/orgs/{woonstad}/kaart/gemeenten.json?zoom=8&bbox=4.0,51.8,5.0,52.5");
    assert!(app.get(&url).await.is_login_redirect(), "not logged in");
    app.login("sroi@vandijk.test").await;
    assert_eq!(app.get(&url).await.status, StatusCode::FORBIDDEN, "a supplier is no member of the corporation");
    app.clear_cookies();
    app.login("lezer@woonstad.test").await;
    let none = app.get(&url).await;
    assert_eq!(none.status, StatusCode::OK, "{}", none.body);
    assert_eq!(json(&none.body), serde_json::json!({ "type": "FeatureCollection", "features": [] }), "none imported");
    assert!(none.headers["cache-control"].to_str().unwrap_or_default().starts_with("private"));
    for bad in ["zoom=8&bbox=5.0,51.8,4.0,52.5", "zoom=8&bbox=4,52", "zoom=99&bbox=4.0,51.8,5.0,52.5", "bbox=4,51,5,52"]
    {
        let refused = app.get(&format!("/orgs/{woonstad}/kaart/gemeenten.json?{bad}")).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(json(&refused.body)["error"].is_string());
    }
    // A tenant organisation's members have outlines for their own maps too.
    app.clear_cookies();
    app.login("bestuur@desleutel.test").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let own = app.get(&format!("/orgs/{sleutel}/kaart/gemeenten.json?zoom=8&bbox=4.0,51.8,5.0,52.5")).await;
    assert_eq!(own.status, StatusCode::OK);
}

async fn only_the_gemeenten_in_view_come_back(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    let stored = [
        gemeente("GM0001", "Westdorp", 4.0, 52.0, 0.2),
        gemeente("GM0002", "Oostdorp", 4.2, 52.0, 0.2),
        gemeente("GM0003", "Verweg", 6.5, 53.0, 0.2),
    ];
    areas::replace(&app.db.db, &actor(), 2023, &stored).await.expect("boundaries");
    app.login("medewerker@woonstad.test").await;
    let near = app.get(&format!("/orgs/{woonstad}/kaart/gemeenten.json?zoom=9&bbox=3.9,51.9,4.5,52.3")).await;
    assert_eq!(near.status, StatusCode::OK, "{}", near.body);
    let body = json(&near.body);
    let features = body["features"].as_array().expect("features");
    let codes: Vec<&str> = features.iter().filter_map(|f| f["properties"]["code"].as_str()).collect();
    assert_eq!(codes, ["GM0001", "GM0002"], "Verweg lies outside the view");
    let west = &features[0];
    assert_eq!(west["geometry"]["type"], "MultiPolygon");
    assert_eq!(west["properties"]["name"], "Westdorp");
    let ring = west["geometry"]["coordinates"][0][0].as_array().expect("ring");
    // The wobble (0.0002°) is below a pixel at zoom 9 (about 0.0011°): the square's corners are left.
    assert_eq!(ring.len(), 5, "{ring:?}");
    let label = west["properties"]["label"].as_array().expect("label");
    let (x, y) = (label[0].as_f64().expect("x"), label[1].as_f64().expect("y"));
    assert!((4.0..4.2).contains(&x) && (52.0..52.2).contains(&y), "{label:?}");
    // Close in, the wobble is drawn.
    let close = app.get(&format!("/orgs/{woonstad}/kaart/gemeenten.json?zoom=17&bbox=4.0,52.0,4.01,52.01")).await;
    let body = json(&close.body);
    let detailed = body["features"][0]["geometry"]["coordinates"][0][0].as_array().expect("ring").len();
    assert!(detailed > 100, "{detailed} points at street level");
}

async fn the_real_municipalities_fit_in_a_small_answer(mut app: TestApp) {
    let Some(path) = shared_data("geo/gemeente_2023.topojson") else { return };
    let real = boundaries::parse(&std::fs::read_to_string(path).expect("read")).expect("parse");
    areas::replace(&app.db.db, &actor(), 2023, &real).await.expect("boundaries");
    let woonstad = app.org_id("woonstad").await;
    app.login("lezer@woonstad.test").await;
    let country = app.get(&format!("/orgs/{woonstad}/kaart/gemeenten.json?zoom=7&bbox=3.0,50.5,7.5,53.8")).await;
    assert_eq!(country.status, StatusCode::OK);
    assert!(country.body.len() < 160_000, "{} bytes for the whole country", country.body.len());
    let body = json(&country.body);
    let features = body["features"].as_array().expect("features");
    assert!(features.len() >= 330, "{} gemeenten (a few islets vanish below a pixel)", features.len());
    // Every name sits inside its own municipality, not in a neighbour or the sea.
    let index = AreaIndex::new(&real);
    let misplaced: Vec<&str> = features
        .iter()
        .filter(|f| {
            let label = &f["properties"]["label"];
            let point = LatLon { lon: label[0].as_f64().unwrap_or(0.0), lat: label[1].as_f64().unwrap_or(0.0) };
            index.find(point) != f["properties"]["code"].as_str()
        })
        .filter_map(|f| f["properties"]["name"].as_str())
        .collect();
    assert!(misplaced.len() <= 3, "names outside their municipality: {misplaced:?}");
    // Amsterdam, close in: one gemeente and its neighbours, far fewer bytes.
    let city = app.get(&format!("/orgs/{woonstad}/kaart/gemeenten.json?zoom=13&bbox=4.85,52.35,4.95,52.40")).await;
    let names: Vec<String> = json(&city.body)["features"]
        .as_array()
        .expect("features")
        .iter()
        .filter_map(|f| f["properties"]["name"].as_str().map(str::to_owned))
        .collect();
    assert!(names.contains(&"Amsterdam".to_owned()), "{names:?}");
    assert!(names.len() < 10, "{names:?}");
}
