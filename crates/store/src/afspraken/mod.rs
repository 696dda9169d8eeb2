//! Prestatieafspraken: a cycle per gemeente and agreement year, its parties (the municipality, the corporations with
//! homes there and their tenant organisations), each party's private space and the shared one (ADR 0041).
//!
//! Every read starts from the parties: a cycle opens only for an organisation that is one of its parties
//! ([`open_cycle_for`] hands out a [`CycleRef`] that the other reads and writes take), so no handler can read a cycle
//! it was not let into. The phase rules, dates and checks are the domain's (`volkshuis_domain::afspraken`).

mod addenda;
pub mod bench;
mod bids;
mod commitments;
mod cycles;
mod dispute;
mod documents;
mod facts;
mod meetings;
mod notes;
mod overview;
mod parties;
mod talks;
mod voice;

pub use addenda::{add_addendum, addenda, Addendum, AddendumRefusal, NewAddendum};
pub use bids::{add_activity, bids, remove_activity, save_bid, send_bid, Activity, Bid, BidText, SendRefusal};
pub use commitments::{add_commitment, commitments, record_actual, Actual, Commitment, NewActual, NewCommitment};
pub use cycles::{
    cycles_of, move_phase, open_cycle, open_cycle_for, overlapping_cycle, timeline, Cycle, CycleRef, NewCycle,
    PhaseMove,
};
pub use dispute::{dispute, open_dispute, set_dispute_position, Dispute, DisputeRefusal};
pub use documents::{add_document, document, documents, DocumentKind, NewPaDocument, PaDocument, PaDocumentMeta};
pub use facts::{gemeente_facts, GemeenteFacts, StockFacts};
pub use meetings::{
    answers_of, choose_slot, edge_preferences, mark_availability, meeting, meetings, party_preferences, plan_meeting,
    save_edge_preferences, save_meeting_text, Choice, Meeting, MeetingSlot, MeetingText, NewMeeting,
};
pub use notes::{add_note, notes, share_note, Note, NoteKind};
pub use overview::{national_overview, OverviewRow};
pub use parties::{candidate_parties, parties, sign, Candidate, Party};
pub use talks::{add_agenda_item, agenda, drafts, save_draft, set_position, AgendaItem, Draft, Position};
pub use voice::{citations, Citation, Voice};

/// A figure kept in hundredths (`*_x100` columns), as a number.
pub(crate) fn from_x100(value: i64) -> f64 {
    value as f64 / 100.0
}

/// A number as hundredths, rounded.
pub(crate) fn to_x100(value: f64) -> i64 {
    (value * 100.0).round() as i64
}
