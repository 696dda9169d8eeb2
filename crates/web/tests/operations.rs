//! Health, metrics, error pages and request ids.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_web::Config;

on_both_backends!(
    a_public_answer_sets_no_visitor_cookie,
    health_and_metrics_answer,
    security_headers_are_set,
    unknown_pages_are_a_friendly_404_with_request_id,
    database_failure_is_a_friendly_500_and_an_unhealthy_check,
    every_page_names_an_icon_that_is_served,
);

async fn health_and_metrics_answer(mut app: TestApp) {
    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(health.body.contains("\"database\":\"ok\""));
    assert_eq!(app.get("/metrics").await.status, StatusCode::NOT_FOUND, "off without a configured token");

    app.login("beheer@volkshuis.test").await;
    app.restart(Config { metrics_token: Some("scraper-geheim".into()), ..Config::default() });
    assert_eq!(app.get("/metrics").await.status, StatusCode::FORBIDDEN, "a session is no scraper, not even an admin's");
    app.headers.push(("authorization", "Bearer scraper-geheix".into()));
    assert_eq!(app.get("/metrics").await.status, StatusCode::FORBIDDEN, "a wrong token");
    app.headers.clear();
    app.clear_cookies();
    app.get("/login").await;

    app.headers.push(("authorization", "Bearer scraper-geheim".into()));
    let metrics = app.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.body.contains("volkshuis_http_requests_total{method=\"GET\",route=\"/login\",status=\"200\"} 1"),
        "{}",
        metrics.body
    );
    assert!(metrics.body.contains("volkshuis_http_request_duration_seconds_bucket"));
    assert!(metrics.body.contains("volkshuis_stock_pages_kept_bytes 0"), "nothing kept before a stock page");
    assert!(metrics.body.contains("volkshuis_place_blocks_kept_bytes 0"), "nothing kept before a place page");
    assert!(metrics.headers["content-type"].to_str().unwrap_or_default().starts_with("application/openmetrics-text"));
    // The scheme name is case-insensitive (RFC 9110 §11.1); the token is not.
    app.headers = vec![("authorization", "bearer scraper-geheim".into())];
    assert_eq!(app.get("/metrics").await.status, StatusCode::OK, "a scraper that writes bearer in lower case");
}

async fn security_headers_are_set(mut app: TestApp) {
    let page = app.get("/login").await;
    assert_eq!(page.headers["x-frame-options"], "DENY");
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["referrer-policy"], "same-origin");
    let csp = page.headers["content-security-policy"].to_str().expect("csp");
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    let features = page.headers["permissions-policy"].to_str().expect("permissions policy");
    assert!(features.contains("camera=()") && features.contains("geolocation=()"), "{features}");
}

async fn unknown_pages_are_a_friendly_404_with_request_id(mut app: TestApp) {
    let response = app.get("/bestaat-niet").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    let id = response.headers["x-request-id"].to_str().expect("request id").to_owned();
    assert_eq!(id.len(), 36, "a uuid");
    assert!(response.body.contains("Niet gevonden") && response.body.contains(&id), "{}", response.body);
    assert!(!response.body.contains("action=\"/logout\""), "no one is signed in");
    let token = |body: &str| {
        let after = body.split("name=\"csrf\" value=\"").nth(1).expect("a form token");
        after[..after.find('"').expect("end")].to_owned()
    };
    // A first visit's 404 carries the token of the pre-session cookie it sets, as the next page does.
    let first = token(&response.body);
    assert!(!first.is_empty() && first == token(&app.get("/login").await.body), "the language switch works there");
    // A signed-in user keeps the page's head: menus, search and log-out, with the form token of their session.
    app.login("admin@woonstad.test").await;
    let dashboard = app.get("/dashboard").await;
    let other = app.org_id("hv-de-sleutel").await;
    for (path, status) in
        [("/bestaat-niet", StatusCode::NOT_FOUND), (&*format!("/orgs/{other}"), StatusCode::FORBIDDEN)]
    {
        let page = app.get(path).await;
        assert_eq!(page.status, status, "{path}");
        assert!(page.body.contains("action=\"/logout\"") && page.body.contains("/zoeken"), "{path}: {}", page.body);
        assert!(!token(&page.body).is_empty() && token(&page.body) == token(&dashboard.body), "{path}");
    }
    // A stale form's page too (without the user's menus: it asks nothing more of the database).
    let stale = app.post_raw("/logout", &[("csrf", "verlopen")]).await;
    assert_eq!(stale.status, StatusCode::FORBIDDEN);
    assert_eq!(token(&stale.body), token(&dashboard.body));
    app.login("beheer@volkshuis.test").await;
    assert_eq!(app.get("/orgs/424242").await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/orgs/niet-een-getal").await.status, StatusCode::BAD_REQUEST);
}

async fn database_failure_is_a_friendly_500_and_an_unhealthy_check(mut app: TestApp) {
    app.login("admin@woonstad.test").await;
    app.state.db.close().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
    let page = app.get("/dashboard").await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    let id = page.headers["x-request-id"].to_str().expect("request id").to_owned();
    assert!(page.body.contains("Er ging iets mis") && page.body.contains(&id));
    assert!(!page.body.to_lowercase().contains("pool"), "no internals shown: {}", page.body);
}

/// The stylesheet, scripts and icon are `Cache-Control: public`: a shared cache could hand one visitor's form-token
/// cookie, set on such an answer, to everyone. The page sets it instead.
async fn a_public_answer_sets_no_visitor_cookie(mut app: TestApp) {
    for path in ["/static/favicon.svg", "/favicon.ico", "/static/forms.js"] {
        let public = app.get(path).await;
        assert_eq!(public.status, StatusCode::OK, "{path}");
        assert!(public.headers["cache-control"].to_str().expect("ascii").contains("public"), "{path}");
        assert!(public.headers.get("set-cookie").is_none(), "{path}: {:?}", public.headers);
    }
    let page = app.get("/login").await;
    assert!(page.headers.get("set-cookie").is_some(), "the page sets the visitor's cookie");
}

/// Before, `/favicon.ico` was a 404 that every browser asked for and logged as an error on every first page.
async fn every_page_names_an_icon_that_is_served(mut app: TestApp) {
    let login = app.get("/login").await;
    assert!(
        login.body.contains(r#"<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">"#),
        "{}",
        login.body
    );
    for path in ["/static/favicon.svg", "/favicon.ico"] {
        let icon = app.get(path).await;
        assert_eq!(icon.status, StatusCode::OK, "{path}");
        assert_eq!(icon.headers["content-type"], "image/svg+xml", "{path}");
        assert!(icon.body.starts_with("<svg") && icon.body.contains("viewBox"), "{path}: {}", icon.body);
    }
    app.login("admin@woonstad.test").await;
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.body.contains(r#"rel="icon" href="/static/favicon.svg""#), "signed-in pages too");
}
