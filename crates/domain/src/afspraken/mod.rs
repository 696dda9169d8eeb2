//! Prestatieafspraken: the yearly agreements between a municipality, the housing corporations working there and
//! their tenant organisations (Woningwet art. 42–44), as pure rules.
//!
//! - [`phase`]: the phases of a cycle and the moves between them;
//! - [`dates`]: the bid's last day and reminders, the signing target, and the window for a dispute;
//! - [`commitment`]: themes, how concrete a commitment is written, how its figure progresses, and the figures
//!   Volkshuis can compute itself;
//! - [`planner`]: meeting slots before and after working hours, for the volunteers at the table;
//! - [`parties`]: who must sit at the table of a new cycle.
//!
//! The rules and their sources are recorded in ADR 0040.

pub mod commitment;
pub mod dates;
pub mod parties;
pub mod phase;
pub mod planner;

pub use commitment::*;
pub use dates::*;
pub use parties::*;
pub use phase::*;
pub use planner::*;
