//! The Dutch calendar for statutory terms: public holidays computed from the year, and the Algemene termijnenwet.
//!
//! Holidays (art. 3 Atw) come from three sources, and all three count:
//! - lid 1: Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, the King's birthday (27 April, or
//!   26 April when the 27th is a Sunday), 5 May, and both Christmas days;
//! - lid 2: Goede Vrijdag;
//! - lid 3: the days a *Besluit gelijkstelling* decrees equal to a holiday. These cannot be computed: they are data
//!   ([`TermCalendar`], filled by the caller from the store), and a term that depends on a year no known decree
//!   covers is marked provisional.
//!
//! The first two are a pure function of the year; Easter by the Gregorian computus (Meeus/Jones/Butcher).

mod decree;
mod term;

pub use decree::{check_decree, parse_decree_days, DecreeError};
#[cfg(test)]
pub(crate) use term::known_decrees;
pub use term::{DecreedDay, TermCalendar, TermEnd, Undecreed};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// Easter Sunday of a Gregorian year.
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = if month == 3 { Month::March } else { Month::April };
    // The computus only yields 22 March to 25 April, always a valid date.
    Date::from_calendar_date(year, month, day as u8).unwrap_or(Date::MIN)
}

fn date(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
}

/// A generally recognised holiday under the Algemene termijnenwet (art. 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// Nieuwjaarsdag, 1 January.
    NewYearsDay,
    /// Goede Vrijdag, two days before Easter Sunday (art. 3 lid 2 Atw).
    GoodFriday,
    /// Tweede Paasdag, Easter Monday.
    EasterMonday,
    /// Koningsdag, 27 April (26 April when the 27th is a Sunday).
    KingsDay,
    /// Bevrijdingsdag, 5 May.
    LiberationDay,
    /// Hemelvaartsdag, Ascension Day.
    AscensionDay,
    /// Tweede Pinksterdag, Whit Monday.
    WhitMonday,
    /// Eerste Kerstdag, 25 December.
    ChristmasDay,
    /// Tweede Kerstdag, 26 December.
    BoxingDay,
}

impl Holiday {
    /// Every holiday, in calendar order.
    pub const ALL: [Holiday; 9] = [
        Holiday::NewYearsDay,
        Holiday::GoodFriday,
        Holiday::EasterMonday,
        Holiday::KingsDay,
        Holiday::LiberationDay,
        Holiday::AscensionDay,
        Holiday::WhitMonday,
        Holiday::ChristmasDay,
        Holiday::BoxingDay,
    ];

    /// The Dutch name, as the law and the calendar write it.
    pub fn dutch_name(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "Nieuwjaarsdag",
            Holiday::GoodFriday => "Goede Vrijdag",
            Holiday::EasterMonday => "Tweede Paasdag",
            Holiday::KingsDay => "Koningsdag",
            Holiday::LiberationDay => "Bevrijdingsdag (5 mei)",
            Holiday::AscensionDay => "Hemelvaartsdag",
            Holiday::WhitMonday => "Tweede Pinksterdag",
            Holiday::ChristmasDay => "Eerste Kerstdag",
            Holiday::BoxingDay => "Tweede Kerstdag",
        }
    }
}

/// The holidays of a year that the Algemene termijnenwet names itself (art. 3 lid 1 and 2); the decreed days of
/// lid 3 are in a [`TermCalendar`].
pub fn holidays_of(year: i32) -> Vec<(Date, Holiday)> {
    let easter = easter_sunday(year);
    let kings_day = match date(year, Month::April, 27) {
        sunday if sunday.weekday() == Weekday::Sunday => date(year, Month::April, 26),
        day => day,
    };
    vec![
        (date(year, Month::January, 1), Holiday::NewYearsDay),
        (easter - Duration::days(2), Holiday::GoodFriday),
        (easter + Duration::days(1), Holiday::EasterMonday),
        (kings_day, Holiday::KingsDay),
        (date(year, Month::May, 5), Holiday::LiberationDay),
        (easter + Duration::days(39), Holiday::AscensionDay),
        (easter + Duration::days(50), Holiday::WhitMonday),
        (date(year, Month::December, 25), Holiday::ChristmasDay),
        (date(year, Month::December, 26), Holiday::BoxingDay),
    ]
}

/// The generally recognised holidays of a year under the Algemene termijnenwet, with their Dutch names.
pub fn holidays(year: i32) -> Vec<(Date, &'static str)> {
    holidays_of(year).into_iter().map(|(day, holiday)| (day, holiday.dutch_name())).collect()
}

/// The holiday on a date, if any.
pub fn holiday_on(day: Date) -> Option<Holiday> {
    holidays_of(day.year()).into_iter().find(|(d, _)| *d == day).map(|(_, holiday)| holiday)
}

/// The Dutch name of the holiday on a date, if any.
pub fn holiday(day: Date) -> Option<&'static str> {
    holiday_on(day).map(Holiday::dutch_name)
}

/// A day that does not count for the Algemene termijnenwet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOff {
    /// A Saturday.
    Saturday,
    /// A Sunday.
    Sunday,
    /// A generally recognised holiday (art. 3 lid 1 and 2).
    Holiday(Holiday),
    /// A day decreed equal to a holiday by a *Besluit gelijkstelling* (art. 3 lid 3).
    Decreed,
}

impl std::fmt::Display for DayOff {
    /// The Dutch name: `zaterdag`, `zondag` or the holiday's name.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DayOff::Saturday => "zaterdag",
            DayOff::Sunday => "zondag",
            DayOff::Holiday(holiday) => holiday.dutch_name(),
            DayOff::Decreed => "een bij besluit met een feestdag gelijkgestelde dag",
        })
    }
}

/// Why a term ends when it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extension {
    /// The term ends on its own last day.
    None,
    /// Art. 1: the last day was a Saturday, Sunday or holiday and the term runs on to the next working day.
    NonWorkingLastDay(DayOff),
    /// Art. 2: the term had fewer than two working days and is lengthened until it has two.
    TwoWorkingDays,
}

/// Central European Time and Central European Summer Time.
pub(crate) const WINTER: UtcOffset = match UtcOffset::from_hms(1, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};
pub(crate) const SUMMER: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// The Netherlands' offset from UTC at a moment: +2 in summer time (from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October, the EU rule), else +1.
pub fn dutch_offset(at: OffsetDateTime) -> UtcOffset {
    let at = at.to_offset(UtcOffset::UTC);
    let switch = |month: Month| {
        let mut day = Date::from_calendar_date(at.year(), month, 31).unwrap_or(Date::MIN);
        while day.weekday() != Weekday::Sunday {
            day = day.previous_day().unwrap_or(day);
        }
        PrimitiveDateTime::new(day, Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
    };
    if at >= switch(Month::March) && at < switch(Month::October) {
        SUMMER
    } else {
        WINTER
    }
}

/// The date in the Netherlands at a moment (see [`dutch_offset`]). Legal terms count Dutch calendar days.
pub fn dutch_date(at: time::OffsetDateTime) -> Date {
    at.to_offset(dutch_offset(at)).date()
}

/// The same day `months` later, clamped to the last day of a shorter month (31 January + 1 month = 28 or 29 February).
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.month() as u32 - 1 + months;
    let year = date.year() + (total / 12) as i32;
    let month = Month::try_from((total % 12 + 1) as u8).unwrap_or(Month::January);
    Date::from_calendar_date(year, month, date.day().min(month.length(year))).unwrap_or(date)
}

/// `months` calendar months before `date`, clamped to the end of a shorter month (31 May − 3 months = 28 February).
pub fn months_before(date: Date, months: u32) -> Date {
    let index = date.year() * 12 + date.month() as i32 - 1 - months as i32;
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    let year = index.div_euclid(12);
    Date::from_calendar_date(year, month, date.day().min(month.length(year))).unwrap_or(date)
}

/// The years a date typed on a form or read from a file may have. `0000-01-01` and `2999-12-31` are valid dates, but
/// no tenant's arrears, request or contract on this platform has one: such a date is a typing error, and taken as
/// one it would show a term thousands of days late or send a signal dated in year 0.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Whether `date` lies in [`PLAUSIBLE_YEARS`].
pub fn plausible(date: time::Date) -> bool {
    PLAUSIBLE_YEARS.contains(&date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_before_clamps_to_the_shorter_month() {
        assert_eq!(months_before(date!(2027 - 05 - 31), 3), date!(2027 - 02 - 28));
        assert_eq!(months_before(date!(2027 - 03 - 05), 3), date!(2026 - 12 - 05));
        assert_eq!(months_before(date!(2027 - 03 - 05), 0), date!(2027 - 03 - 05));
        assert_eq!(months_before(add_months(date!(2026 - 01 - 15), 27), 27), date!(2026 - 01 - 15));
    }

    #[test]
    fn easter_in_known_years() {
        for (year, easter) in [
            (2024, date!(2024 - 03 - 31)),
            (2025, date!(2025 - 04 - 20)),
            (2026, date!(2026 - 04 - 05)),
            (2027, date!(2027 - 03 - 28)),
            (2038, date!(2038 - 04 - 25)),
            (2285, date!(2285 - 03 - 22)),
            (1943, date!(1943 - 04 - 25)),
            (2000, date!(2000 - 04 - 23)),
        ] {
            assert_eq!(easter_sunday(year), easter, "{year}");
        }
    }

    #[test]
    fn holidays_of_2026_and_the_moved_kings_day() {
        let names: Vec<(Date, &str)> = holidays(2026);
        assert!(names.contains(&(date!(2026 - 04 - 06), "Tweede Paasdag")));
        assert!(names.contains(&(date!(2026 - 05 - 14), "Hemelvaartsdag")));
        assert!(names.contains(&(date!(2026 - 05 - 25), "Tweede Pinksterdag")));
        assert!(names.contains(&(date!(2026 - 04 - 27), "Koningsdag")));
        assert_eq!(holiday(date!(2025 - 04 - 26)), Some("Koningsdag"), "27 April 2025 is a Sunday");
        assert_eq!(holiday(date!(2025 - 04 - 27)), None);
        // Art. 3 lid 2: Goede Vrijdag counts, two days before Easter Sunday.
        assert_eq!(holiday(date!(2026 - 04 - 03)), Some("Goede Vrijdag"));
        assert_eq!(holiday(date!(2025 - 04 - 18)), Some("Goede Vrijdag"));
        assert_eq!(holiday(date!(2024 - 03 - 29)), Some("Goede Vrijdag"));
        assert_eq!(holiday(date!(2026 - 05 - 05)), Some("Bevrijdingsdag (5 mei)"));
        assert_eq!(holiday(date!(2026 - 05 - 06)), None);
        // Decreed days are data, not a function of the year.
        assert_eq!(holiday(date!(2026 - 05 - 15)), None);
    }

    #[test]
    fn dutch_date_follows_summer_time() {
        use time::macros::datetime;
        assert_eq!(dutch_date(datetime!(2026-11-25 22:59 UTC)), date(2026, Month::November, 25));
        assert_eq!(dutch_date(datetime!(2026-11-25 23:00 UTC)), date(2026, Month::November, 26));
        // Summer time 2026: 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(dutch_date(datetime!(2026-07-01 21:59 UTC)), date(2026, Month::July, 1));
        assert_eq!(dutch_date(datetime!(2026-07-01 22:00 UTC)), date(2026, Month::July, 2));
        assert_eq!(dutch_date(datetime!(2026-03-28 22:30 UTC)), date(2026, Month::March, 28));
        assert_eq!(dutch_date(datetime!(2026-10-24 22:30 UTC)), date(2026, Month::October, 25));
    }

    #[test]
    fn months_are_added_with_the_day_clamped() {
        assert_eq!(add_months(date(2024, Month::January, 31), 1), date(2024, Month::February, 29));
        assert_eq!(add_months(date(2025, Month::March, 1), 12), date(2026, Month::March, 1));
        assert_eq!(add_months(date(2025, Month::November, 15), 3), date(2026, Month::February, 15));
    }
}
