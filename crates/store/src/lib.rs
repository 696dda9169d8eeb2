//! Volkshuis storage: one code path for SQLite (embedded default) and PostgreSQL (production).
//!
//! Queries are written once with `$1`-style parameters, which both engines accept, and run on each engine's native
//! sqlx driver through [`sql`] (ADR 0021). Times are stored as UTC unix seconds. Every multi-statement write runs
//! in a transaction; every state change writes its audit entry in that same transaction.

pub mod afspraken;
pub mod areas;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod calendar_feeds;
pub mod dashboard;
mod db;
mod error;
pub mod gemeenten;
pub mod initiatieven;
pub mod invitations;
pub mod job_workers;
pub mod jobs;
mod like;
mod migrate;
pub mod nazorg;
pub mod notice_settings;
pub mod notifications;
pub mod orgs;
pub mod outbox;
pub mod overleg;
pub mod participatie;
pub mod partner_lists;
pub mod place;
pub mod public_contact;
pub mod resets;
pub mod search;
pub mod sessions;
pub mod signalering;
pub mod socialreturn;
mod sql;
pub mod stock;
pub mod testdb;
pub mod throttle;
mod timestamp;
pub mod tokens;
pub mod users;
pub mod vera;

pub use db::{Backend, Db};
pub use error::StoreError;
pub use migrate::LATEST as SCHEMA_VERSION;
pub use sql::{Conn, Exec, Tx};
pub use timestamp::{from_unix, to_unix};

/// The result type of every store function.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
