//! Initiatieven: residents' initiatives and social enterprises that the corporation helps to grow (PRODUCT.md,
//! module 8; issue 22).
//!
//! An initiative moves through its stages ([`stage`]) with what each stage needs: a plan that adds up ([`plan`]),
//! at least one agreement before it runs, and the lessons written down when it ends. The corporation lends what it
//! has: a vacant or non-residential unit on terms ([`lending`]) and money from a liveability budget with evidence of
//! spending ([`budget`]). Residents decide a neighbourhood budget by vote ([`buurtbudget`]); what an initiative
//! brought is counted ([`outcome`]); social enterprises and their certificates form a register that suppliers in
//! Social return buy from ([`enterprise`]). Every rule is a plain function of its inputs; today's date is always an
//! argument, never read from a clock.

pub mod budget;
pub mod buurtbudget;
pub mod enterprise;
pub mod lending;
pub mod outcome;
pub mod plan;
pub mod stage;
