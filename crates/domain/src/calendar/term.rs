//! Statutory terms under the Algemene termijnenwet, counted against the holidays of art. 3 lid 1–2 (computed) and
//! the days decreed equal to a holiday under lid 3 (data: each *Besluit gelijkstelling* lists its days, and only
//! the years it covers are known).

use super::{holiday_on, DayOff, Extension};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;
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
/// years the known decrees cover.
///
/// A year is settled only when a decree covers it: the years between two decrees (a decree for a later year may be
/// published while an earlier one is pending) and the years after the last are open, and so are the years before
/// the first decree the platform holds. Those had decrees of their own, whose days the platform does not have (a
/// case received on 14 April 2022 is counted to Friday 27 May 2022, a day the audit reports the 2022 decree made a
/// day off), so a term there is not history to trust: a term whose end depends on any uncovered year is
/// [`TermEnd::provisional`], with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermCalendar {
    decreed: BTreeMap<Date, String>,
    covered: BTreeSet<i32>,
}

/// Why no known decree settles a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecreed {
    /// From the first known decree's first year on, no decree covers it yet (after the last decree, or in a gap
    /// between two): a decree still to come may add days off ("nog niet vastgesteld").
    NotYet,
    /// Before the first known decree: that year's decree, if it named days, is not in the platform's data, so one
    /// of its days may have moved the date ("geen gelijkstellingsbesluit bekend voor dit jaar"). Saying "not yet
    /// decreed" of a past year would claim what did not happen.
    Unknown,
}

/// The end of a statutory term: its last day, why it moved, and whether a decree not known could move it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermEnd {
    /// The last day of the term.
    pub date: Date,
    /// How the Algemene termijnenwet moved it.
    pub extension: Extension,
    /// The end depends on a year no known *Besluit gelijkstelling* covers, and why; `None` when it is settled.
    pub provisional: Option<Undecreed>,
}

impl TermCalendar {
    /// A calendar with the given decreed days, whose decrees cover the given years (each decree's first to last
    /// year; none: every year is open). Years outside those a decree may name (`check_decree`) are ignored.
    pub fn new(
        days: impl IntoIterator<Item = DecreedDay>,
        covered: impl IntoIterator<Item = RangeInclusive<i32>>,
    ) -> Self {
        let (low, high) = (*super::decree::YEARS.start(), *super::decree::YEARS.end());
        let covered =
            covered.into_iter().flat_map(|years| (*years.start()).max(low)..=(*years.end()).min(high)).collect();
        Self { decreed: days.into_iter().map(|d| (d.date, d.source)).collect(), covered }
    }

    /// The last year a known decree covers.
    pub fn decreed_through(&self) -> Option<i32> {
        self.covered.last().copied()
    }

    /// The years the known decrees cover, as runs of consecutive years in order (2023–2028 and 2031 when a decree
    /// for 2031 came before one for 2029–2030).
    pub fn covered_years(&self) -> Vec<RangeInclusive<i32>> {
        let mut runs: Vec<RangeInclusive<i32>> = Vec::new();
        for &year in &self.covered {
            match runs.last_mut() {
                Some(run) if *run.end() + 1 == year => *run = *run.start()..=year,
                _ => runs.push(year..=year),
            }
        }
        runs
    }

    /// Whether a known decree covers `year`.
    pub fn is_decreed_year(&self, year: i32) -> bool {
        self.covered.contains(&year)
    }

    /// Why no known decree settles `year`, if none does.
    pub fn undecreed(&self, year: i32) -> Option<Undecreed> {
        match self.covered.first() {
            _ if self.covered.contains(&year) => None,
            Some(&first) if year < first => Some(Undecreed::Unknown),
            _ => Some(Undecreed::NotYet),
        }
    }

    /// The first year up to `until` whose decree the platform waits for: from the first known decree's year on, the
    /// first that no decree covers (a gap counts); `None` when all are covered or no decree is known.
    pub fn awaited_decree(&self, until: i32) -> Option<i32> {
        let first = *self.covered.first()?;
        (first..=until).find(|year| !self.covered.contains(year))
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

    /// A working day that a decree not known could make a day off (decrees only add days off), and why.
    fn undecided(&self, day: Date) -> Option<Undecreed> {
        if self.is_working_day(day) {
            self.undecreed(day.year())
        } else {
            None
        }
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
            // Art. 2 could still lengthen the term if a decree not known took enough of its working days away; the
            // reason is that of the first day such a decree could take.
            if provisional.is_none() && working(end) - count(end, &|d| self.undecided(d).is_some()) < 2 {
                let mut day = start + Duration::days(1);
                while day <= end && provisional.is_none() {
                    provisional = self.undecided(day);
                    day += Duration::days(1);
                }
            }
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
    TermCalendar::new(days.map(|date| DecreedDay { date, source: "test".to_owned() }), [2023..=2025, 2026..=2028])
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
            assert_eq!(end.provisional, None, "{start}: 2023–2028 are decreed");
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
        assert_eq!((end.date, end.provisional), (date!(2026 - 05 - 15), Some(Undecreed::NotYet)));
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
        assert_eq!((end.date, end.provisional), (date!(2029 - 01 - 12), Some(Undecreed::NotYet)));
        // Ending on Monday 1 January 2029 (a holiday by law) runs on to Tuesday the 2nd, which a decree may still
        // take.
        assert!(cal.term_end(date!(2028 - 11 - 20), date!(2029 - 01 - 01)).provisional.is_some());
        // Ending in 2028 does not depend on 2029.
        assert!(cal.term_end(date!(2028 - 11 - 01), date!(2028 - 12 - 13)).provisional.is_none());
        // A three-day term over the year end: its two working days both lie in 2029 and could still be decreed.
        let short = cal.term_end(date!(2028 - 12 - 29), date!(2029 - 01 - 01));
        assert_eq!(short.date, date!(2029 - 01 - 03));
        assert_eq!(short.provisional, Some(Undecreed::NotYet));
        // Once a decree covers 2029, the same term is settled.
        let later = TermCalendar::new([], [2029..=2029]);
        assert!(later.term_end(date!(2028 - 12 - 01), date!(2029 - 01 - 12)).provisional.is_none());
    }

    #[test]
    fn a_decree_for_a_later_year_leaves_the_years_between_open() {
        // The auditor's case: the decrees of 2023–2028 known, then one for 2031 alone while 2029–2030 is pending.
        let days = [date!(2031 - 05 - 23)].map(|date| DecreedDay { date, source: "2031".to_owned() });
        let cal = TermCalendar::new(days, [2023..=2025, 2026..=2028, 2031..=2031]);
        assert_eq!(cal.covered_years(), vec![2023..=2028, 2031..=2031]);
        assert_eq!(cal.decreed_through(), Some(2031));
        // (year, why it is open): hand-made from the runs above.
        let table = [
            (2021, Some(Undecreed::Unknown)),
            (2022, Some(Undecreed::Unknown)),
            (2023, None),
            (2028, None),
            (2029, Some(Undecreed::NotYet)),
            (2030, Some(Undecreed::NotYet)),
            (2031, None),
            (2032, Some(Undecreed::NotYet)),
        ];
        for (year, why) in table {
            assert_eq!(cal.undecreed(year), why, "{year}");
            assert_eq!(cal.is_decreed_year(year), why.is_none(), "{year}");
        }
        // 1 December 2028 + 6 weeks = Friday 12 January 2029, still not decreed; a term ending in 2031 is.
        let gap = cal.term_end(date!(2028 - 12 - 01), date!(2029 - 01 - 12));
        assert_eq!((gap.date, gap.provisional), (date!(2029 - 01 - 12), Some(Undecreed::NotYet)));
        let in_2030 = cal.term_end(date!(2030 - 05 - 01), date!(2030 - 06 - 12));
        assert_eq!((in_2030.date, in_2030.provisional), (date!(2030 - 06 - 12), Some(Undecreed::NotYet)));
        // 10 April 2031 + 6 weeks = Thursday 22 May 2031 (Hemelvaartsdag), Friday 23 May decreed → Monday 26 May.
        let settled = cal.term_end(date!(2031 - 04 - 10), date!(2031 - 05 - 22));
        assert_eq!((settled.date, settled.provisional), (date!(2031 - 05 - 26), None));
        // The platform waits for the decree of 2029 first, though 2031 is known.
        assert_eq!(cal.awaited_decree(2027), None);
        assert_eq!(cal.awaited_decree(2029), Some(2029));
        assert_eq!(cal.awaited_decree(2032), Some(2029));
        assert_eq!(known().awaited_decree(2029), Some(2029));
        assert_eq!(TermCalendar::default().awaited_decree(2029), None);
    }

    #[test]
    fn a_term_before_the_first_decree_is_not_taken_as_settled() {
        let cal = known();
        // The auditor's case: received Thursday 14 April 2022 + 6 weeks = Thursday 26 May 2022, Hemelvaartsdag (Easter
        // was 17 April 2022) → Friday 27 May, which (the audit reports) a 2022 decree made a day off; the platform does
        // not hold that decree, so the date is marked as resting on no known decree rather than as settled.
        let end = cal.term_end(date!(2022 - 04 - 14), date!(2022 - 05 - 26));
        assert_eq!((end.date, end.provisional), (date!(2022 - 05 - 27), Some(Undecreed::Unknown)));
        // A three-day term from Thursday 29 December 2022 ends on Sunday 1 January 2023 (Nieuwjaarsdag) → Monday 2
        // January, settled; but art. 2 rests on two working days, Friday 30 December 2022 and that Monday, and a
        // 2022 decree the platform does not hold could have taken the Friday: open, for a reason of 2022.
        let across = cal.term_end(date!(2022 - 12 - 29), date!(2023 - 01 - 01));
        let new_year = Extension::NonWorkingLastDay(DayOff::Holiday(Holiday::NewYearsDay));
        assert_eq!((across.date, across.extension), (date!(2023 - 01 - 02), new_year));
        assert_eq!(across.provisional, Some(Undecreed::Unknown));
        // Without any decree known, every year waits for one, as before.
        assert_eq!(TermCalendar::default().undecreed(2022), Some(Undecreed::NotYet));
    }

    #[test]
    fn years_no_decree_may_name_are_ignored() {
        let cal = TermCalendar::new([], [i32::MIN..=1966, 2198..=i32::MAX]);
        assert_eq!(cal.covered_years(), vec![1965..=1966, 2198..=2199]);
    }
}
