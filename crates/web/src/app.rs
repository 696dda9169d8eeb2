//! The application: its shared state, configuration and router with the middleware every request passes.

use crate::clock::Clock;
use crate::ops::Metrics;
use crate::{auth, csrf, handlers, ops};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use volkshuis_store::Db;

/// Settings from the command line and environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address users reach the site at, for links in e-mail (`http://localhost:8080`).
    pub base_url: String,
    /// Whether cookies carry the `Secure` flag (on unless explicitly served over plain HTTP to another host).
    pub secure_cookies: bool,
    /// SMTP server URL (`smtp://user:pass@host:587` or `smtps://…`); without it mail stays in the outbox.
    pub smtp_url: Option<String>,
    /// The sender of outgoing mail.
    pub mail_from: String,
    /// Behind a reverse proxy: take the client's address from the last `X-Forwarded-For` entry (the one the proxy
    /// added) instead of the socket, so that login throttling counts per client and not for everyone at once.
    pub trust_proxy: bool,
    /// Days after a contract's end when social-return candidate names are deleted (personal data kept no longer
    /// than needed).
    pub candidate_names_days: i64,
    /// The token a Prometheus scraper sends as `Authorization: Bearer …` for `/metrics`; without it the metrics are
    /// not served (they tell outsiders what the service is doing).
    pub metrics_token: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            base_url: "http://localhost:8080".to_owned(),
            secure_cookies: true,
            smtp_url: None,
            mail_from: "Volkshuis <noreply@volkshuis.localhost>".to_owned(),
            trust_proxy: false,
            candidate_names_days: 365,
            metrics_token: None,
        }
    }
}

/// Everything a handler may use. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The clock (manual in tests).
    pub clock: Clock,
    /// Settings.
    pub config: Arc<Config>,
    /// Prometheus metrics.
    pub metrics: Arc<Metrics>,
    /// Names of VERA codes, cached.
    pub vera_names: Arc<crate::vera_names::VeraCache>,
    /// Stock imports running in the background (and recently finished).
    pub import_runs: Arc<crate::import_runs::ImportRuns>,
    /// Who is signed in, for a few seconds per session.
    pub signed_in: Arc<crate::signed_in_cache::SignedInCache>,
}

impl AppState {
    /// State over an open database.
    pub fn new(db: Db, clock: Clock, config: Config) -> Self {
        Self {
            db,
            clock,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::new()),
            vera_names: Arc::new(Default::default()),
            import_runs: Arc::new(Default::default()),
            signed_in: Arc::new(Default::default()),
        }
    }
}

/// Only our own scripts, styles and images; no framing, no forms posting elsewhere.
/// Map tiles come from PDOK (the one outside source the pages use).
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; img-src 'self' data: https://service.pdok.nl; script-src 'self'; \
     style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// The whole application as a router.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let app = Router::new()
        .merge(handlers::router())
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/static/app.css", get(ops::stylesheet))
        .route("/static/{asset}", get(ops::asset))
        .fallback(ops::not_found)
        .layer(DefaultBodyLimit::max(16 * 1024 * 1024))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::forget_signed_in_after_writes))
        .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::client_address))
        .layer(CatchPanicLayer::custom(ops::panic_response))
        .layer(axum::middleware::from_fn(ops::error_pages))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::track));
    app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id = %id)
            }))
            .layer(PropagateRequestIdLayer::new(request_id))
            .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
            // Reset links carry a token in the URL; it must not leak to other sites as a referrer.
            .layer(security_header(header::REFERRER_POLICY, "same-origin"))
            .layer(security_header(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
            .layer(CompressionLayer::new())
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30))),
    )
    .with_state(state)
}
