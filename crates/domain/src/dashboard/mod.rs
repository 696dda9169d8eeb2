//! What a dashboard says needs doing: an organisation's lines of work ordered by urgency ([`todo`]), and which of a
//! user's organisations to open first ([`landing`]). Pure functions of facts the store gathered; the web layer turns
//! the lines into sentences and links.

pub mod landing;
pub mod todo;

pub use landing::{landing, work_waiting, Candidate, WorkCounts};
pub use todo::{order, Due, Kind, Side, Todo};
