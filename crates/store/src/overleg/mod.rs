//! Overleg: requests from a corporation to a tenant organisation, their answers, decisions and trail; the
//! meetings and budget of the year.
//!
//! A case is visible to its two parties only: every read and step takes the [`ReadScope`] of one of them and
//! finds nothing for anyone else. Steps name the case version they saw, so two board members answering at once
//! cannot overwrite each other ([`StoreError::Conflict`]).
//!
//! [`ReadScope`]: volkshuis_domain::access::ReadScope
//! [`StoreError::Conflict`]: crate::StoreError::Conflict

mod budgets;
mod cases;
mod dates;
mod discussion;
mod documents;
mod meetings;
mod partners;
mod steps;

pub use budgets::{
    account_budget, add_budget_line, budget, budget_in, set_budget, unaccounted_budgets, Budget, BudgetLine, OpenBudget,
};
pub use cases::{
    create, events, get, get_in, list, mark_opened, year_cases, Answer, Case, CaseRow, DecisionRecord, Event, Listing,
    NewCase,
};
pub(crate) use cases::{facts_from_row, recompute_deadlines_in};
pub(crate) use dates::optional_date;
pub use dates::{date_from_text, date_to_text};
pub use discussion::{
    add_comment, add_question, answer_question, comments, open_questions, questions, Comment, Question,
};
pub use documents::{add_document, document, documents, Document, DocumentMeta, NewDocument};
pub use meetings::{
    add_agenda_item, add_meeting, meeting, meetings, meetings_from, set_minutes, set_plan, AgendaItem, Meeting,
};
pub(crate) use partners::ensure_partner;
pub use partners::{add_partner, partner_terms, partners_of, proposals_of, respond_to_proposal, Partner};
pub use steps::{answer, answered_at, decide, withdraw_answer};
