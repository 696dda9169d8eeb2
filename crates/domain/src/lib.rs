//! Volkshuis domain: the types and rules of Dutch public housing's social side.
//!
//! Pure code only: no I/O, no async, no database types. Every rule is a plain function with unit tests,
//! so the web and store layers can rely on values that were parsed once at the edge.

pub mod access;
pub mod account;
pub mod afspraken;
pub mod bezit;
pub mod boundaries;
pub mod calendar;
pub mod codes;
pub mod dashboard;
pub mod geo;
pub mod ical;
pub mod ids;
pub mod initiatieven;
pub mod modules;
pub mod money;
pub mod nazorg;
pub mod notices;
pub mod org;
pub mod outline;
pub mod overleg;
pub mod participatie;
pub mod place;
pub mod query;
pub mod search;
pub mod signalering;
pub mod socialreturn;
pub mod spreadsheet;
pub mod text;
pub mod throttle;
pub mod vera;
