//! A place's timeline: the last year of events across modules, newest first.

use time::{Date, Duration};

/// What happened, with the facts its sentence needs; the web layer words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Happening {
    /// An Overleg case was received by the tenant organisation (case id, title).
    CaseReceived(i64, String),
    /// The corporation decided an Overleg case (case id, title).
    CaseDecided(i64, String),
    /// A participation group began (group id, name).
    GroupFounded(i64, String),
    /// A participation group ended (group id, name).
    GroupEnded(i64, String),
    /// Rent-arrears signals sent in the month that begins on the event's day (a count, masked when small).
    SignalsInMonth(super::Count),
    /// A home was sold to its tenant (sale id).
    HomeSold(i64),
    /// A home was bought back (sale id).
    HomeBoughtBack(i64),
    /// A residents' initiative was brought in (initiative id, title).
    InitiativeStarted(i64, String),
    /// A prestatieafspraken cycle was signed by its last party (cycle id, title).
    CycleSigned(i64, String),
}

/// One event on a place's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The day it happened.
    pub on: Date,
    /// What happened.
    pub what: Happening,
}

/// How far back the timeline looks.
pub const SPAN: Duration = Duration::days(365);

/// The events of the last year up to `today` (a year ago included, the future left out), newest first; events of
/// one day keep the order they came in.
pub fn recent(mut events: Vec<Event>, today: Date) -> Vec<Event> {
    let since = today - SPAN;
    events.retain(|e| e.on >= since && e.on <= today);
    events.sort_by_key(|e| std::cmp::Reverse(e.on));
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn event(on: Date, id: i64) -> Event {
        Event { on, what: Happening::HomeSold(id) }
    }

    #[test]
    fn keeps_the_last_year_newest_first() {
        let today = date!(2026 - 12 - 04);
        let events = vec![
            event(date!(2025 - 12 - 03), 1),
            event(date!(2025 - 12 - 04), 2),
            event(date!(2026 - 06 - 01), 3),
            event(date!(2026 - 12 - 04), 4),
            event(date!(2026 - 12 - 05), 5),
            event(date!(2026 - 06 - 01), 6),
        ];
        let ids: Vec<Happening> = recent(events, today).into_iter().map(|e| e.what).collect();
        // A year ago to the day is in, the day before it and tomorrow are out; one day's events keep their order.
        assert_eq!(
            ids,
            vec![Happening::HomeSold(4), Happening::HomeSold(3), Happening::HomeSold(6), Happening::HomeSold(2)]
        );
    }
}
