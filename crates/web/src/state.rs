//! The application's shared state and configuration: what every handler may use.
//!
//! This module sits at the bottom of the web layer: handlers, middleware and jobs import it, and it imports none of
//! them (only the small caches it holds), so the router in `app.rs` can import every handler without closing an
//! import circle (ADR 0020; `tests/architecture.rs` checks it).

use crate::clock::Clock;
use crate::import_runs::ImportRuns;
use crate::metrics::Metrics;
use crate::signed_in_cache::SignedInCache;
use crate::vera_names::VeraCache;
use std::sync::Arc;
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
    /// Days a tenant's request to join a group is kept after it came in (ADR 0066).
    pub join_request_days: i64,
    /// Days a buyer's personal data is kept after the aftercare ends (ADR 0066).
    pub buyer_data_days: i64,
    /// Days a message is kept in the outbox (ADR 0066).
    pub outbox_days: i64,
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
            join_request_days: volkshuis_store::participatie::JOIN_REQUEST_DEFAULT_DAYS,
            buyer_data_days: volkshuis_domain::nazorg::retention::DEFAULT_KEEP_DAYS,
            outbox_days: volkshuis_store::outbox::DEFAULT_KEEP_DAYS,
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
    pub vera_names: Arc<VeraCache>,
    /// Stock imports running in the background (and recently finished).
    pub import_runs: Arc<ImportRuns>,
    /// Who is signed in, for a few seconds per session.
    pub signed_in: Arc<SignedInCache>,
    /// The key of the CSRF tokens given out before login (see `crate::csrf`): random per process, so a token cannot
    /// be made for a pre-session cookie of one's choosing. A restart makes open login forms ask to be reloaded.
    csrf_key: Arc<[u8; 32]>,
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
            csrf_key: Arc::new(rand::random()),
        }
    }

    /// The key of the CSRF tokens given out before login.
    pub fn csrf_key(&self) -> &[u8] {
        self.csrf_key.as_slice()
    }
}
