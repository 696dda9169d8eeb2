//! The router on top of the web layer: every handler's routes and the middleware every request passes. The state it
//! hands to handlers lives in [`crate::state`], which imports no handler (ADR 0020).

use crate::state::AppState;
use crate::{auth, csrf, handlers, ops};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::routing::get;
use axum::Router;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Only our own scripts, styles and images; no framing, no forms posting elsewhere.
/// Map tiles come from PDOK (the one outside source the pages use).
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; img-src 'self' data: https://service.pdok.nl; script-src 'self'; \
     style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/// The browser features no page uses, switched off for every page.
const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Served over https, browsers are told to come back only over https (a year; subdomains are not ours to decide).
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// The whole application as a router.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let https = state.config.base_url.starts_with("https://");
    let app = Router::new()
        .merge(handlers::router())
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/static/app.css", get(ops::stylesheet))
        .route("/static/{asset}", get(ops::asset))
        .route("/favicon.ico", get(ops::favicon))
        .fallback(ops::not_found)
        // Forms are small; the routes that take uploads set their own limit (and stream them to disk).
        .layer(DefaultBodyLimit::max(csrf::MAX_FORM_BYTES))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::forget_signed_in_after_writes))
        .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::client_address))
        // The API answers tokens, not browsers: nested after the page layers, so no CSRF check or session (ADR 0007).
        .nest("/api", handlers::api::router())
        .layer(CatchPanicLayer::custom(ops::panic_response))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::error_pages))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::track));
    app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                // A calendar feed's secret is in its path: the logs get the path without it (ADR 0034).
                let uri = handlers::redacted_path(request.uri().path_and_query().map_or("/", |p| p.as_str()));
                tracing::info_span!("request", method = %request.method(), uri = %uri, request_id = %id)
            }))
            .layer(PropagateRequestIdLayer::new(request_id))
            .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
            // Reset links carry a token in the URL; it must not leak to other sites as a referrer.
            .layer(security_header(header::REFERRER_POLICY, "same-origin"))
            .layer(security_header(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
            // No page uses the camera, the microphone, the location or payments: a script that got in could not either.
            .layer(security_header(HeaderName::from_static("permissions-policy"), PERMISSIONS_POLICY))
            // Pages, exports and reports may hold personal data: no browser or proxy keeps a copy, unless a response
            // says otherwise (the static assets, which are the same for everyone).
            .layer(security_header(header::CACHE_CONTROL, "no-store"))
            .option_layer(https.then(|| security_header(header::STRICT_TRANSPORT_SECURITY, STRICT_TRANSPORT_SECURITY)))
            .layer(CompressionLayer::new())
            // Inside the compression and outside every other layer, so that whatever answers an API request with an
            // error (a time-out, a body limit, a panic page) is turned into the API's JSON error (ADR 0030).
            .layer(axum::middleware::from_fn(handlers::api::json_errors))
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30))),
    )
    .with_state(state)
}
