//! The dates of a prestatieafspraken cycle (Woningwet art. 42–44), as pure functions. See
//! `shared/design/RULES.md`, "Prestatieafspraken".
//!
//! A cycle is named by its agreement year: the year the agreements apply to. The bid for year Y, and the talks on it,
//! happen in Y−1, so every date here lies in the year before the cycle's name.

use crate::calendar::{add_months, TermCalendar, TermEnd};
use time::{Date, Duration, Month};

/// How long before the bid is due each reminder goes out: six weeks, then two weeks.
const BID_REMINDERS_BEFORE: [i64; 2] = [42, 14];

/// The fixed dates of the cycle for one agreement year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleDates {
    /// The agreement year: the year the agreements apply to.
    pub year: i32,
    /// The last day to send the bid: 30 June of the year before (Woningwet art. 44: "vóór 1 juli").
    pub bid_due: Date,
    /// When to remind the corporation of the bid: six weeks and two weeks before [`CycleDates::bid_due`].
    pub bid_reminders: [Date; 2],
    /// When the agreements are usually signed: 15 December of the year before (practice, not law).
    pub signing_target: Date,
}

fn date(year: i32, month: Month, day: u8) -> Date {
    // Only out of range for years time cannot represent; such a cycle has no meaningful dates anyway.
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
}

impl CycleDates {
    /// The dates of the cycle whose agreements apply to `year`.
    pub fn for_year(year: i32) -> CycleDates {
        // "Vóór 1 juli" is a fixed calendar date, not a term counted from an event, so the Algemene termijnenwet does
        // not move it: a bid due on a Sunday 30 June is still due that Sunday, and 1 July is already late.
        let bid_due = date(year - 1, Month::June, 30);
        CycleDates {
            year,
            bid_due,
            // Plain reminder dates, not terms: a reminder on a Saturday is still sent that day.
            bid_reminders: BID_REMINDERS_BEFORE.map(|days| bid_due - Duration::days(days)),
            signing_target: date(year - 1, Month::December, 15),
        }
    }
}

/// Where the bid stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BidState {
    /// Not sent, and the last day is still ahead.
    Open {
        /// Days until the last day (1 on the day before).
        days_left: i64,
    },
    /// Not sent, and today is the last day.
    DueToday,
    /// Not sent, and the last day has passed.
    Late {
        /// Days since the last day (1 on the day after).
        days_over: i64,
    },
    /// Sent.
    Sent {
        /// The day it was sent.
        on: Date,
        /// Sent after the last day.
        late: bool,
    },
}

/// Where the bid stands on `today`, given its last day and the day it was sent, if it was. Sent on or before `due`
/// is on time.
pub fn bid_state(due: Date, sent_on: Option<Date>, today: Date) -> BidState {
    if let Some(on) = sent_on {
        return BidState::Sent { on, late: on > due };
    }
    let days = (due - today).whole_days();
    match days {
        0 => BidState::DueToday,
        left if left > 0 => BidState::Open { days_left: left },
        over => BidState::Late { days_over: -over },
    }
}

/// When a dispute about the agreements may be submitted to the Minister (Woningwet art. 44).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisputeWindow {
    /// The day the talks on the bid started.
    pub talks_started: Date,
    /// The day the dispute arises if there is no agreement yet: six calendar months after the talks started.
    pub may_open_from: Date,
    /// The last day to submit it: four weeks after it arose, moved by the Algemene termijnenwet.
    pub submit_by: TermEnd,
}

/// The dispute window of talks that started on `talks_started`.
///
/// Six months without agreements make the dispute arise; from then a party has four weeks to submit it to the
/// Minister. The six months are counted in calendar months ([`add_months`], clamped to the end of a shorter month)
/// and are left as they fall: they say from when a party *may* act, and moving them would only postpone that. The
/// four weeks are a statutory term within which a party must act, so the Algemene termijnenwet applies to them.
pub fn dispute_window(talks_started: Date, calendar: &TermCalendar) -> DisputeWindow {
    let may_open_from = add_months(talks_started, 6);
    let submit_by = calendar.term_end(may_open_from, may_open_from + Duration::days(28));
    DisputeWindow { talks_started, may_open_from, submit_by }
}

/// Whether a dispute can be submitted on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisputeState {
    /// Six months have not yet passed.
    NotYet {
        /// The day the dispute would arise.
        from: Date,
    },
    /// A party may submit the dispute now.
    Open {
        /// The last day to submit it.
        until: Date,
    },
    /// The four weeks have passed without a submission.
    Closed,
    /// The parties reached agreement: there is no dispute.
    Agreed,
}

/// Whether a dispute can be submitted on `today`; `agreed` says the parties reached agreement, which ends the
/// question whatever the date.
pub fn dispute_state(window: &DisputeWindow, today: Date, agreed: bool) -> DisputeState {
    if agreed {
        DisputeState::Agreed
    } else if today < window.may_open_from {
        DisputeState::NotYet { from: window.may_open_from }
    } else if today <= window.submit_by.date {
        DisputeState::Open { until: window.submit_by.date }
    } else {
        DisputeState::Closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{known_decrees, DayOff, Extension, Holiday, Undecreed};
    use time::macros::date;

    #[test]
    fn the_bid_for_a_year_is_due_on_30_june_of_the_year_before() {
        let dates = CycleDates::for_year(2027);
        assert_eq!(dates.year, 2027);
        assert_eq!(dates.bid_due, date!(2026 - 06 - 30));
        // 30 June 2026 is a Tuesday: six weeks before is Tuesday 19 May, two weeks before Tuesday 16 June.
        assert_eq!(dates.bid_reminders, [date!(2026 - 05 - 19), date!(2026 - 06 - 16)]);
        assert_eq!(dates.signing_target, date!(2026 - 12 - 15));
    }

    #[test]
    fn the_bid_date_is_fixed_and_not_moved_off_a_weekend() {
        // 30 June 2024 was a Sunday: a term would run on to Monday 1 July, but "vóór 1 juli" does not.
        let dates = CycleDates::for_year(2025);
        assert_eq!(dates.bid_due, date!(2024 - 06 - 30));
        assert_eq!(bid_state(dates.bid_due, None, date!(2024 - 06 - 30)), BidState::DueToday);
        assert_eq!(bid_state(dates.bid_due, None, date!(2024 - 07 - 01)), BidState::Late { days_over: 1 });
        assert_eq!(
            bid_state(dates.bid_due, Some(date!(2024 - 07 - 01)), date!(2024 - 07 - 01)),
            BidState::Sent { on: date!(2024 - 07 - 01), late: true }
        );
        // Six weeks before Sunday 30 June 2024 is Sunday 19 May; two weeks, Sunday 16 June.
        assert_eq!(dates.bid_reminders, [date!(2024 - 05 - 19), date!(2024 - 06 - 16)]);
        assert_eq!(dates.signing_target, date!(2024 - 12 - 15));
    }

    #[test]
    fn bid_state_counts_days_to_and_past_the_last_day() {
        let due = date!(2026 - 06 - 30);
        assert_eq!(bid_state(due, None, date!(2026 - 06 - 01)), BidState::Open { days_left: 29 });
        assert_eq!(bid_state(due, None, date!(2026 - 06 - 29)), BidState::Open { days_left: 1 });
        assert_eq!(bid_state(due, None, due), BidState::DueToday);
        assert_eq!(bid_state(due, None, date!(2026 - 07 - 01)), BidState::Late { days_over: 1 });
        assert_eq!(bid_state(due, None, date!(2026 - 08 - 01)), BidState::Late { days_over: 32 });
        // Sent on the last day is on time; the day after is late, whatever today is.
        assert_eq!(bid_state(due, Some(due), date!(2026 - 09 - 01)), BidState::Sent { on: due, late: false });
        assert_eq!(
            bid_state(due, Some(date!(2026 - 07 - 01)), date!(2026 - 07 - 01)),
            BidState::Sent { on: date!(2026 - 07 - 01), late: true }
        );
        assert_eq!(
            bid_state(due, Some(date!(2026 - 05 - 01)), date!(2026 - 05 - 02)),
            BidState::Sent { on: date!(2026 - 05 - 01), late: false }
        );
    }

    #[test]
    fn the_dispute_window_against_a_hand_computed_table() {
        let cal = known_decrees();
        // (talks started, dispute arises, last day to submit): worked out by hand on a calendar.
        let table = [
            // 4 April 2026 + 28 days = Saturday 2 May → Monday 4 May (5 May is the next day off, not this one).
            (date!(2025 - 10 - 04), date!(2026 - 04 - 04), date!(2026 - 05 - 04)),
            // 30 March 2026 + 28 days = Monday 27 April, Koningsdag → Tuesday 28 April.
            (date!(2025 - 09 - 30), date!(2026 - 03 - 30), date!(2026 - 04 - 28)),
            // 7 April 2026 + 28 days = Tuesday 5 May, an Atw holiday every year → Wednesday 6 May.
            (date!(2025 - 10 - 07), date!(2026 - 04 - 07), date!(2026 - 05 - 06)),
            // 16 April 2026 + 28 days = Thursday 14 May, Hemelvaartsdag; Friday 15 May is decreed → Monday 18 May.
            (date!(2025 - 10 - 16), date!(2026 - 04 - 16), date!(2026 - 05 - 18)),
            // 31 August + 6 months clamps to 28 February 2026; + 28 days = Saturday 28 March → Monday 30 March.
            (date!(2025 - 08 - 31), date!(2026 - 02 - 28), date!(2026 - 03 - 30)),
            // 2 March 2026 + 28 days = Monday 30 March: an ordinary working day, not moved.
            (date!(2025 - 09 - 02), date!(2026 - 03 - 02), date!(2026 - 03 - 30)),
        ];
        for (started, arises, last_day) in table {
            let window = dispute_window(started, &cal);
            assert_eq!(window.talks_started, started);
            assert_eq!((window.may_open_from, window.submit_by.date), (arises, last_day), "talks started {started}");
            assert_eq!(window.submit_by.provisional, None, "{started}: 2026 is decreed");
        }
        let kings_day = dispute_window(date!(2025 - 09 - 30), &cal);
        assert_eq!(kings_day.submit_by.extension, Extension::NonWorkingLastDay(DayOff::Holiday(Holiday::KingsDay)));
        let plain = dispute_window(date!(2025 - 09 - 02), &cal);
        assert_eq!(plain.submit_by.extension, Extension::None);
    }

    #[test]
    fn a_window_in_a_year_no_decree_covers_is_provisional() {
        // 2 October 2028 → 2 April 2029 → Monday 30 April 2029: a working day by law, but 2029 is not decreed yet.
        let window = dispute_window(date!(2028 - 10 - 02), &known_decrees());
        assert_eq!(window.submit_by.date, date!(2029 - 04 - 30));
        assert_eq!(window.submit_by.provisional, Some(Undecreed::NotYet));
    }

    #[test]
    fn dispute_state_over_time() {
        let window = dispute_window(date!(2025 - 10 - 04), &known_decrees());
        let state = |today| dispute_state(&window, today, false);
        assert_eq!(state(date!(2026 - 04 - 03)), DisputeState::NotYet { from: date!(2026 - 04 - 04) });
        assert_eq!(state(date!(2026 - 04 - 04)), DisputeState::Open { until: date!(2026 - 05 - 04) });
        // Still open on the Saturday the four weeks nominally end, and on the Monday they run on to.
        assert_eq!(state(date!(2026 - 05 - 02)), DisputeState::Open { until: date!(2026 - 05 - 04) });
        assert_eq!(state(date!(2026 - 05 - 04)), DisputeState::Open { until: date!(2026 - 05 - 04) });
        assert_eq!(state(date!(2026 - 05 - 05)), DisputeState::Closed);
        // Agreement ends the question before, during and after the window.
        for today in [date!(2026 - 01 - 01), date!(2026 - 04 - 20), date!(2026 - 06 - 01)] {
            assert_eq!(dispute_state(&window, today, true), DisputeState::Agreed);
        }
    }
}
