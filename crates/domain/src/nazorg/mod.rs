//! Nazorg: homes a corporation sells to their tenants, and the care it keeps giving after the sale.
//!
//! The terms of a sale and the conditions that come with a discount ([`sale`]), the Koopgarant buy-back price
//! ([`buyback`]), the checks a few years after the sale and what the answers ask of the corporation ([`checks`]),
//! the conversation before the sale ([`talk`]) and the health of the owners' association the new owner joins
//! ([`vve`]). Every rule is a plain function of its inputs (RULES.md, "Sale and aftercare"); today's date is always
//! an argument, never read from a clock.

pub mod buyback;
pub mod checks;
pub mod retention;
pub mod sale;
pub mod talk;
pub mod vve;
