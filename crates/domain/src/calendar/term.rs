//! Statutory terms under the Algemene termijnenwet, counted against the holidays of art. 3 lid 1–2 (computed) and
//! the days decreed equal to a holiday under lid 3 (data: each *Besluit gelijkstelling* lists its days, and only
//! the years it covers are known).

use super::{holiday_on, DayOff, Extension};
use std::collections::BTreeMap;
use time::{Date, Duration, Weekday};

/// One day decreed equal to a holiday (art. 3 lid 3 Atw), with the decree that did so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecreedDay {
    /// The day.
    pub date: Date,
    /// The decree's name (its source), shown where the day moves a term.
    pub source: String,
}

/// The calendar statutory terms are counted on: the computed holidays plus the decreed days known so far, and the
/// last year the decrees cover.
///
/// A year after that last year may still get decreed days; a term whose end depends on such a year is
/// [`TermEnd::provisional`]. Years before the first decree are counted with the computed holidays alone: they are
/// history, and no flag would help anyone there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermCalendar {
    decreed: BTreeMap<Date, String>,
    decreed_through: Option<i32>,
}

/// The end of a statutory term: its last day, why it moved, and whether a decree still to come could move it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermEnd {
    /// The last day of the term.
    pub date: Date,
    /// How the Algemene termijnenwet moved it.
    pub extension: Extension,
    /// The end depends on a year that no *Besluit gelijkstelling* covers yet ("nog niet vastgesteld").
    pub provisional: bool,
}

impl TermCalendar {
    /// A calendar with the given decreed days, whose decrees cover the years up to `decreed_through` (`None`: no
    /// decree known, every year is open).
    pub fn new(days: impl IntoIterator<Item = DecreedDay>, decreed_through: Option<i32>) -> Self {
        Self { decreed: days.into_iter().map(|d| (d.date, d.source)).collect(), decreed_through }
    }

    /// The last year the known decrees cover.
    pub fn decreed_through(&self) -> Option<i32> {
        self.decreed_through
    }

    /// Whether the decrees for `year` are known.
    pub fn is_decreed_year(&self, year: i32) -> bool {
        self.decreed_through.is_some_and(|last| year <= last)
    }

    /// The decree that made `day` equal to a holiday, if one did.
    pub fn decreed(&self, day: Date) -> Option<&str> {
        self.decreed.get(&day).map(String::as_str)
    }

    /// Why `day` does not count for a term, if it does not. A holiday that falls on a weekend is named as the
    /// holiday, as the law names it.
    pub fn day_off(&self, day: Date) -> Option<DayOff> {
        if let Some(holiday) = holiday_on(day) {
            return Some(DayOff::Holiday(holiday));
        }
        match day.weekday() {
            Weekday::Saturday => Some(DayOff::Saturday),
            Weekday::Sunday => Some(DayOff::Sunday),
            _ => self.decreed.contains_key(&day).then_some(DayOff::Decreed),
        }
    }

    /// Whether a day counts for the Algemene termijnenwet: not a Saturday, Sunday, holiday or decreed day.
    pub fn is_working_day(&self, day: Date) -> bool {
        self.day_off(day).is_none()
    }

    /// A working day that a decree still to come could make a day off (decrees only add days off).
    fn undecided(&self, day: Date) -> bool {
        self.is_working_day(day) && !self.is_decreed_year(day.year())
    }

    /// The end of a statutory term that starts after `start` and nominally ends on `nominal_end` (art. 1 and, for
    /// terms of three days or more, art. 2 Algemene termijnenwet).
    pub fn term_end(&self, start: Date, nominal_end: Date) -> TermEnd {
        let mut end = nominal_end;
        let mut extension = Extension::None;
        if let Some(why) = self.day_off(end) {
            while !self.is_working_day(end) {
                end += Duration::days(1);
            }
            extension = Extension::NonWorkingLastDay(why);
        }
        // The days between the nominal end and `end` are days off by rules already known; only the last day itself
        // can still become one.
        let mut provisional = self.undecided(end);
        if (nominal_end - start).whole_days() >= 3 {
            let count = |until: Date, which: &dyn Fn(Date) -> bool| {
                let mut n = 0;
                let mut day = start + Duration::days(1);
                while day <= until {
                    n += usize::from(which(day));
                    day += Duration::days(1);
                }
                n
            };
            let working = |until: Date| count(until, &|d| self.is_working_day(d));
            if working(end) < 2 {
                while working(end) < 2 {
                    end += Duration::days(1);
                }
                extension = Extension::TwoWorkingDays;
            }
            // Art. 2 could still lengthen the term if a future decree took enough of its working days away.
            provisional |= working(end) - count(end, &|d| self.undecided(d)) < 2;
        }
        TermEnd { date: end, extension, provisional }
    }
}

#[cfg(test)]
/// The decrees RULES.md lists (2023–2028), as a hand-made table.
pub(crate) fn known_decrees() -> TermCalendar {
    use time::macros::date;
    let days = [
        date!(2023 - 04 - 28),
        date!(2023 - 05 - 19),
        date!(2024 - 05 - 10),
        date!(2024 - 12 - 27),
        date!(2025 - 05 - 30),
        date!(2026 - 01 - 02),
        date!(2026 - 05 - 15),
        date!(2027 - 05 - 07),
        date!(2028 - 04 - 28),
        date!(2028 - 05 - 26),
    ];
    TermCalendar::new(days.map(|date| DecreedDay { date, source: "test".to_owned() }), Some(2028))
}
#[cfg(test)]
mod tests {

    use super::*;
    use crate::calendar::Holiday;
    use time::macros::date;

    fn known() -> TermCalendar {
        known_decrees()
    }

    #[test]
    fn a_term_ending_on_a_weekend_or_holiday_runs_on() {
        let cal = known();
        let cases = [
            // (start, nominal end, expected end): hand-checked against a calendar.
            (date!(2026 - 03 - 23), date!(2026 - 05 - 04), date!(2026 - 05 - 04)), // plain Monday
            (date!(2026 - 03 - 24), date!(2026 - 05 - 05), date!(2026 - 05 - 06)), // 5 May
            (date!(2026 - 04 - 02), date!(2026 - 05 - 14), date!(2026 - 05 - 18)), // Hemelvaart, decreed Friday
            (date!(2026 - 04 - 13), date!(2026 - 05 - 25), date!(2026 - 05 - 26)), // Tweede Pinksterdag
            (date!(2026 - 03 - 23), date!(2026 - 04 - 06), date!(2026 - 04 - 07)), // Tweede Paasdag
            (date!(2026 - 02 - 20), date!(2026 - 04 - 03), date!(2026 - 04 - 07)), // Goede Vrijdag, Easter weekend
            (date!(2026 - 03 - 16), date!(2026 - 04 - 27), date!(2026 - 04 - 28)), // Koningsdag 2026
            (date!(2025 - 03 - 15), date!(2025 - 04 - 26), date!(2025 - 04 - 28)), // Koningsdag moved to Saturday
            (date!(2026 - 11 - 14), date!(2026 - 12 - 26), date!(2026 - 12 - 28)), // Christmas into the weekend
            (date!(2026 - 12 - 18), date!(2027 - 01 - 01), date!(2027 - 01 - 04)), // New Year, across the year end
            (date!(2025 - 11 - 21), date!(2026 - 01 - 02), date!(2026 - 01 - 05)), // decreed 2 January 2026
            (date!(2024 - 11 - 15), date!(2024 - 12 - 27), date!(2024 - 12 - 30)), // decreed 27 December 2024
            (date!(2023 - 03 - 17), date!(2023 - 04 - 28), date!(2023 - 05 - 01)), // decreed 28 April 2023
            (date!(2028 - 03 - 17), date!(2028 - 04 - 28), date!(2028 - 05 - 01)), // decreed 28 April 2028
            (date!(2027 - 03 - 26), date!(2027 - 05 - 07), date!(2027 - 05 - 10)), // decreed 7 May 2027
        ];
        for (start, nominal, expected) in cases {
            let end = cal.term_end(start, nominal);
            assert_eq!(end.date, expected, "{start} → {nominal}");
            assert!(!end.provisional, "{start}: 2023–2028 are decreed");
        }
        assert_eq!(
            cal.term_end(date!(2026 - 03 - 24), date!(2026 - 05 - 05)).extension,
            Extension::NonWorkingLastDay(DayOff::Holiday(Holiday::LiberationDay))
        );
        assert_eq!(
            cal.term_end(date!(2025 - 11 - 21), date!(2026 - 01 - 02)).extension,
            Extension::NonWorkingLastDay(DayOff::Decreed)
        );
        assert_eq!(cal.term_end(date!(2026 - 03 - 23), date!(2026 - 05 - 04)).extension, Extension::None);
        assert_eq!(cal.decreed(date!(2026 - 05 - 15)), Some("test"));
        assert_eq!(cal.decreed(date!(2026 - 05 - 14)), None, "a holiday by law, not by decree");
    }

    #[test]
    fn without_the_decrees_only_the_law_itself_counts() {
        let bare = TermCalendar::default();
        // 15 May 2026 is an ordinary Friday without the decree, and the end is only provisional.
        let end = bare.term_end(date!(2026 - 04 - 02), date!(2026 - 05 - 14));
        assert_eq!((end.date, end.provisional), (date!(2026 - 05 - 15), true));
    }

    #[test]
    fn a_term_of_three_days_keeps_two_working_days() {
        let cal = known();
        // Received on Christmas Eve: 25, 26 (Saturday) and 27 (Sunday) December 2026 count for nothing.
        let end = cal.term_end(date!(2026 - 12 - 24), date!(2026 - 12 - 27));
        assert_eq!((end.date, end.extension), (date!(2026 - 12 - 29), Extension::TwoWorkingDays));
        // A three-day term from a Monday already has its working days.
        let plain = cal.term_end(date!(2026 - 11 - 23), date!(2026 - 11 - 26));
        assert_eq!((plain.date, plain.extension), (date!(2026 - 11 - 26), Extension::None));
        // Received Wednesday 13 May 2026: Thursday is Ascension, Friday decreed, then the weekend.
        let ascension = cal.term_end(date!(2026 - 05 - 13), date!(2026 - 05 - 16));
        assert_eq!((ascension.date, ascension.extension), (date!(2026 - 05 - 19), Extension::TwoWorkingDays));
    }

    #[test]
    fn a_term_past_the_last_decree_is_provisional() {
        let cal = known();
        // 6 weeks from 1 December 2028 ends on Friday 12 January 2029: no decree covers 2029 yet.
        let end = cal.term_end(date!(2028 - 12 - 01), date!(2029 - 01 - 12));
        assert_eq!((end.date, end.provisional), (date!(2029 - 01 - 12), true));
        // Ending on Monday 1 January 2029 (a holiday by law) runs on to Tuesday the 2nd, which a decree may still
        // take.
        assert!(cal.term_end(date!(2028 - 11 - 20), date!(2029 - 01 - 01)).provisional);
        // Ending in 2028 does not depend on 2029.
        assert!(!cal.term_end(date!(2028 - 11 - 01), date!(2028 - 12 - 13)).provisional);
        // A three-day term over the year end: its two working days both lie in 2029 and could still be decreed.
        let short = cal.term_end(date!(2028 - 12 - 29), date!(2029 - 01 - 01));
        assert_eq!(short.date, date!(2029 - 01 - 03));
        assert!(short.provisional);
        // Once a decree covers 2029, the same term is settled.
        let later = TermCalendar::new([], Some(2029));
        assert!(!later.term_end(date!(2028 - 12 - 01), date!(2029 - 01 - 12)).provisional);
    }
}
