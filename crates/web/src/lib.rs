//! The Volkshuis web application: server-rendered pages (askama), authentication, permission scopes, operations.
//!
//! Error policy: handlers return [`error::AppError`]; form problems never become errors but field messages next to
//! the values typed; store faults become a logged 500 page that shows the request id.

mod app;
mod audit_sentences;
mod auth;
mod bearer;
mod clock;
mod confirm_step;
mod context;
mod cookies;
mod csrf;
mod error;
mod forms;
mod handlers;
mod i18n;
mod import_runs;
mod jobs;
mod mail;
mod metrics;
mod nav;
mod notify;
mod ops;
mod picker;
#[cfg(test)]
mod plural_tests;
mod rescue;
mod signed_in_cache;
mod state;
mod throttle;
mod uploads;
pub mod vera_english;
pub mod vera_names;
mod views;

pub use app::router;
pub use clock::Clock;
/// The CSRF token forms must carry for a request with given cookies (for the tests, which post as a browser does).
pub use csrf::token_for as csrf_token_for;
pub use i18n::Lang;
pub use jobs::housekeeping::schedule_housekeeping;
pub use jobs::instance::current as worker_instance;
pub use jobs::worker::{recover_jobs, run_due_jobs, spawn_worker, Worker};
pub use state::{AppState, Config};

/// Every `(action, entity)` pair the platform writes to its audit log, each with its sentence (for the
/// test that scans the sources for new ones).
pub use audit_sentences::AUDITED as AUDITED_ACTIONS;
/// The map data of a view, as the map endpoint sends it (for the benchmark).
pub use handlers::stock::map::map_body;
