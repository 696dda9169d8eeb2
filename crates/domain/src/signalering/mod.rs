//! Signalering: early signals of tenants in trouble (Wet gemeentelijke schuldhulpverlening, vroegsignalering).
//!
//! The arrears ledger a corporation brings in each month ([`ledger`]), the legal rule that decides which households
//! are signalled to their municipality ([`rule`]), how a municipality sorts incoming signals ([`triage`]) and records
//! what came of them ([`outcome`]), how long each is kept ([`retention`]), and the soft signals staff refer to a
//! partner with the tenant's consent ([`soft`]). Every rule is a plain function that explains itself.

pub mod ledger;
pub mod outcome;
pub mod retention;
pub mod rule;
pub mod soft;
pub mod triage;

pub use ledger::{Arrangement, ContactKind, Household, LedgerColumn, LedgerReader};
pub use outcome::{Outcome, OutcomeGroup, PartOfDay};
pub use rule::{decide, threshold_end, Block, Context, Decision, RuleSettings, Thresholds};
