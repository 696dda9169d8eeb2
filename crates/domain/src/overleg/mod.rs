//! Overleg: the formal rights of tenant organisations under the Overlegwet, as pure rules.
//!
//! - [`kinds`]: what is asked, about what, and the possible answers and decisions;
//! - [`deadlines`]: the legal terms, each with the rule that produced it;
//! - [`case`]: where a case stands, what may happen next, who is late, and from when the plan may be carried out;
//! - [`meeting`]: when and where a consultation meeting is held;
//! - [`year`]: the year's figures for an organisation's members' meeting.

pub mod case;
pub mod deadlines;
pub mod kinds;
pub mod meeting;
pub mod year;

pub use deadlines::*;
pub use kinds::*;
