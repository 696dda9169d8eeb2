//! Meetings at the edges of the day, for volunteers: the tenants' representatives at the table have jobs, so the
//! talks on the agreements are planned before work or after dinner rather than in office hours.
//!
//! A morning slot ends at 09:00, when work starts; an evening slot starts at 17:30 at the earliest, when work is
//! over. Within that, each person says on which weekdays and from (or until) when they can.

use crate::calendar::TermCalendar;
use time::macros::time;
use time::{Date, Duration, Time};

/// When a morning slot ends: the start of a working day.
const MORNING_END: Time = time!(09:00);
/// The earliest an evening slot starts: the end of a working day.
const EVENING_EARLIEST: Time = time!(17:30);

/// When one person can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgePreferences {
    /// The weekdays they can meet, Monday to Friday.
    pub weekdays: [bool; 5],
    /// Whether they can meet in the morning, before 09:00.
    pub morning: bool,
    /// The earliest a morning meeting may start for them.
    pub morning_from: Time,
    /// Whether they can meet in the evening, from 17:30.
    pub evening: bool,
    /// The earliest an evening meeting may start for them.
    pub evening_from: Time,
    /// The latest an evening meeting may end for them.
    pub evening_until: Time,
}

impl Default for EdgePreferences {
    /// Every weekday; mornings from 07:30, evenings from 19:00 until 22:00.
    fn default() -> Self {
        Self {
            weekdays: [true; 5],
            morning: true,
            morning_from: time!(07:30),
            evening: true,
            evening_from: time!(19:00),
            evening_until: time!(22:00),
        }
    }
}

/// A proposed meeting time, local time in the Netherlands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The day.
    pub date: Date,
    /// The start.
    pub start: Time,
    /// The end, later than the start on the same day.
    pub end: Time,
}

fn minutes(at: Time) -> u32 {
    u32::from(at.hour()) * 60 + u32::from(at.minute())
}

/// The time `m` minutes after midnight, if that is still the same day.
fn at_minutes(m: u32) -> Option<Time> {
    if m >= 24 * 60 {
        return None;
    }
    Time::from_hms((m / 60) as u8, (m % 60) as u8, 0).ok()
}

/// The morning slot of `duration` minutes everyone can make, if any: it ends at 09:00.
fn morning_slot(date: Date, duration: u32, people: &[EdgePreferences]) -> Option<Slot> {
    let start = at_minutes(minutes(MORNING_END).checked_sub(duration)?)?;
    people.iter().all(|p| p.morning && p.morning_from <= start).then_some(Slot { date, start, end: MORNING_END })
}

/// The evening slot of `duration` minutes everyone can make, if any: it starts as soon as the last person can.
fn evening_slot(date: Date, duration: u32, people: &[EdgePreferences]) -> Option<Slot> {
    let start = people.iter().map(|p| p.evening_from).fold(EVENING_EARLIEST, Time::max);
    // A meeting past midnight is not an evening meeting.
    let end = at_minutes(minutes(start) + duration)?;
    people.iter().all(|p| p.evening && end <= p.evening_until).then_some(Slot { date, start, end })
}

/// Up to `limit` meeting slots of `duration_minutes` that everyone in `people` can make, on the working days in
/// `[from, from + days)`, in time order: at most one morning slot (ending at 09:00) and one evening slot (starting
/// at 17:30 or later, as the latest person can) a day.
///
/// Weekends, holidays and the days decreed equal to them are skipped: the calendar of the Algemene termijnenwet is
/// the one with the bridge days, when many volunteers are away too. An empty `people` plans for someone with the
/// default preferences, so a first proposal can be made before anyone has said when they can.
pub fn propose_slots(
    from: Date,
    days: u32,
    duration_minutes: u16,
    people: &[EdgePreferences],
    calendar: &TermCalendar,
    limit: usize,
) -> Vec<Slot> {
    let default = [EdgePreferences::default()];
    let people = if people.is_empty() { &default[..] } else { people };
    let duration = u32::from(duration_minutes);
    let mut slots = Vec::new();
    // A meeting of no length is no meeting.
    if duration == 0 {
        return slots;
    }
    for offset in 0..days {
        if slots.len() >= limit {
            break;
        }
        let Some(date) = from.checked_add(Duration::days(i64::from(offset))) else {
            break;
        };
        let weekday = usize::from(date.weekday().number_days_from_monday());
        // `weekday` is 5 or 6 on a weekend, which no person's Monday-to-Friday list has.
        if !calendar.is_working_day(date) || !people.iter().all(|p| p.weekdays.get(weekday).copied().unwrap_or(false)) {
            continue;
        }
        slots.extend(morning_slot(date, duration, people));
        slots.extend(evening_slot(date, duration, people));
    }
    slots.truncate(limit);
    slots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::known_decrees;
    use time::macros::date;

    fn slot(date: Date, start: Time, end: Time) -> Slot {
        Slot { date, start, end }
    }

    #[test]
    fn the_default_plans_a_morning_and_an_evening_on_working_days_and_skips_5_may() {
        // Monday 4 May to Friday 8 May 2026; Tuesday 5 May is a holiday.
        let slots = propose_slots(date!(2026 - 05 - 04), 5, 90, &[], &known_decrees(), 100);
        let mut expected = Vec::new();
        for day in [date!(2026 - 05 - 04), date!(2026 - 05 - 06), date!(2026 - 05 - 07), date!(2026 - 05 - 08)] {
            expected.push(slot(day, time!(07:30), time!(09:00)));
            expected.push(slot(day, time!(19:00), time!(20:30)));
        }
        assert_eq!(slots, expected);
        // The same with one person who has the default preferences.
        assert_eq!(
            propose_slots(date!(2026 - 05 - 04), 5, 90, &[EdgePreferences::default()], &known_decrees(), 100),
            expected
        );
        // The limit keeps the earliest.
        assert_eq!(propose_slots(date!(2026 - 05 - 04), 5, 90, &[], &known_decrees(), 3), expected[..3]);
        assert!(propose_slots(date!(2026 - 05 - 04), 5, 90, &[], &known_decrees(), 0).is_empty());
        assert!(propose_slots(date!(2026 - 05 - 04), 5, 0, &[], &known_decrees(), 10).is_empty());
    }

    #[test]
    fn weekends_and_decreed_days_are_skipped() {
        // Thursday 14 May 2026 is Hemelvaartsdag and Friday 15 May decreed; then a weekend; Monday 18 May is free.
        let slots = propose_slots(date!(2026 - 05 - 14), 5, 60, &[], &known_decrees(), 100);
        let dates: Vec<Date> = slots.iter().map(|s| s.date).collect();
        assert_eq!(dates, [date!(2026 - 05 - 18), date!(2026 - 05 - 18)]);
        // Without the decree, the Friday is an ordinary working day.
        let bare = propose_slots(date!(2026 - 05 - 14), 5, 60, &[], &TermCalendar::default(), 100);
        assert_eq!(bare.first().map(|s| s.date), Some(date!(2026 - 05 - 15)));
    }

    #[test]
    fn a_person_who_cannot_do_mornings_removes_them() {
        let no_mornings = EdgePreferences { morning: false, ..EdgePreferences::default() };
        let slots = propose_slots(
            date!(2026 - 03 - 02),
            5,
            60,
            &[EdgePreferences::default(), no_mornings],
            &known_decrees(),
            100,
        );
        assert_eq!(slots.len(), 5, "one evening a day, Monday 2 to Friday 6 March 2026");
        assert!(slots.iter().all(|s| s.start == time!(19:00) && s.end == time!(20:00)));
        // A morning that would start before someone's earliest is removed too: 120 minutes start at 07:00.
        let long = propose_slots(date!(2026 - 03 - 02), 1, 120, &[], &known_decrees(), 100);
        assert_eq!(long, [slot(date!(2026 - 03 - 02), time!(19:00), time!(21:00))]);
        // Exactly at someone's earliest is fine.
        let early = EdgePreferences { morning_from: time!(07:00), ..EdgePreferences::default() };
        let fits = propose_slots(date!(2026 - 03 - 02), 1, 120, &[early], &known_decrees(), 100);
        assert_eq!(fits.first(), Some(&slot(date!(2026 - 03 - 02), time!(07:00), time!(09:00))));
    }

    #[test]
    fn only_the_weekdays_everyone_can_make() {
        let mondays = EdgePreferences { weekdays: [true, false, false, false, false], ..EdgePreferences::default() };
        let not_monday = EdgePreferences { weekdays: [false, true, true, true, true], ..EdgePreferences::default() };
        let slots = propose_slots(date!(2026 - 03 - 02), 14, 60, &[mondays], &known_decrees(), 100);
        let dates: Vec<Date> = slots.iter().map(|s| s.date).collect();
        assert_eq!(dates, [date!(2026 - 03 - 02), date!(2026 - 03 - 02), date!(2026 - 03 - 09), date!(2026 - 03 - 09)]);
        assert!(propose_slots(date!(2026 - 03 - 02), 14, 60, &[mondays, not_monday], &known_decrees(), 100).is_empty());
    }

    #[test]
    fn the_evening_starts_when_the_last_person_can() {
        let a = EdgePreferences { evening_from: time!(18:00), ..EdgePreferences::default() };
        let b = EdgePreferences { evening_from: time!(19:30), ..EdgePreferences::default() };
        let no_mornings = EdgePreferences { morning: false, ..b };
        let slots = propose_slots(date!(2026 - 03 - 02), 1, 60, &[a, no_mornings], &known_decrees(), 100);
        assert_eq!(slots, [slot(date!(2026 - 03 - 02), time!(19:30), time!(20:30))]);
        // No one starts before 17:30, however early they could.
        let early = EdgePreferences { morning: false, evening_from: time!(16:00), ..EdgePreferences::default() };
        let slots = propose_slots(date!(2026 - 03 - 02), 1, 60, &[early], &known_decrees(), 100);
        assert_eq!(slots, [slot(date!(2026 - 03 - 02), time!(17:30), time!(18:30))]);
    }

    #[test]
    fn a_meeting_too_long_for_someones_evening_is_not_proposed() {
        let short = EdgePreferences { morning: false, evening_until: time!(20:00), ..EdgePreferences::default() };
        let people = [EdgePreferences::default(), short];
        // 19:00 + 90 minutes = 20:30, past 20:00.
        assert!(propose_slots(date!(2026 - 03 - 02), 1, 90, &people, &known_decrees(), 100).is_empty());
        // 19:00 + 60 minutes ends exactly at 20:00: fits.
        assert_eq!(
            propose_slots(date!(2026 - 03 - 02), 1, 60, &people, &known_decrees(), 100),
            [slot(date!(2026 - 03 - 02), time!(19:00), time!(20:00))]
        );
        // An evening past midnight is none.
        let late = EdgePreferences { evening_from: time!(23:00), evening_until: time!(23:59), ..short };
        assert!(propose_slots(date!(2026 - 03 - 02), 1, 90, &[late], &known_decrees(), 100).is_empty());
    }
}
