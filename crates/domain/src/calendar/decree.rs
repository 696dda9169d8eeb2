//! A new *Besluit gelijkstelling* as an administrator types it: the years it covers and its days, one a line
//! (`2029-05-11 vrijdag na Hemelvaartsdag` or `11-5-2029 vrijdag na Hemelvaartsdag`), checked against the calendar
//! already known before anything is stored.

use super::{DayOff, TermCalendar};
use time::Date;

/// The years a decree may cover: the Atw dates from 1964, and a decree for a far year is a typing error.
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1965..=2199;

/// What is wrong with a decree's days, naming the line or day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecreeError {
    /// The years are missing, out of range, or the first comes after the last.
    #[error("de jaren kloppen niet (eerste jaar ≤ laatste jaar, tussen 1965 en 2199)")]
    Years,
    /// A line does not start with a date.
    #[error("regel {line}: geen datum aan het begin ({text})")]
    Unreadable {
        /// The line number, from 1.
        line: usize,
        /// What the line held (cut short).
        text: String,
    },
    /// A day outside the years the decree covers.
    #[error("{day} valt buiten de jaren van het besluit")]
    OutsideYears {
        /// The day.
        day: Date,
    },
    /// A day that does not count for a term already (a weekend day or a holiday of the law itself).
    #[error("{day} telt al niet mee ({why})")]
    AlreadyOff {
        /// The day.
        day: Date,
        /// Why it is a day off already.
        why: DayOff,
    },
    /// A day another decree made equal to a holiday already, or listed twice.
    #[error("{day} is al gelijkgesteld")]
    AlreadyDecreed {
        /// The day.
        day: Date,
    },
}

/// Reads the days of a decree, one a line (a date, then an optional reason); blank lines are skipped.
pub fn parse_decree_days(text: &str) -> Result<Vec<(Date, String)>, DecreeError> {
    use time::macros::format_description;
    let mut days = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let first = first.trim_end_matches([',', ';']);
        let date = Date::parse(first, format_description!("[year]-[month]-[day]"))
            .or_else(|_| Date::parse(first, format_description!("[day padding:none]-[month padding:none]-[year]")))
            .map_err(|_| DecreeError::Unreadable { line: n + 1, text: line.chars().take(40).collect() })?;
        days.push((date, rest.trim_start_matches([',', ';', ' ']).trim().to_owned()));
    }
    Ok(days)
}

/// Checks a decree's years and days against the calendar known so far.
pub fn check_decree(
    cal: &TermCalendar,
    first_year: i32,
    last_year: i32,
    days: &[(Date, String)],
) -> Result<(), DecreeError> {
    if !YEARS.contains(&first_year) || !YEARS.contains(&last_year) || first_year > last_year {
        return Err(DecreeError::Years);
    }
    let mut seen = std::collections::BTreeSet::new();
    for (day, _) in days {
        if !(first_year..=last_year).contains(&day.year()) {
            return Err(DecreeError::OutsideYears { day: *day });
        }
        match cal.day_off(*day) {
            Some(DayOff::Decreed) => return Err(DecreeError::AlreadyDecreed { day: *day }),
            Some(why) => return Err(DecreeError::AlreadyOff { day: *day, why }),
            None => {}
        }
        if !seen.insert(*day) {
            return Err(DecreeError::AlreadyDecreed { day: *day });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::known_decrees;
    use time::macros::date;

    #[test]
    fn days_are_read_one_a_line_in_either_date_style() {
        let days = parse_decree_days("2029-05-11 vrijdag na Hemelvaartsdag\n\n 27-4-2029; vrijdag na Koningsdag \n")
            .expect("readable");
        assert_eq!(
            days,
            vec![
                (date!(2029 - 05 - 11), "vrijdag na Hemelvaartsdag".to_owned()),
                (date!(2029 - 04 - 27), "vrijdag na Koningsdag".to_owned())
            ]
        );
        assert_eq!(
            parse_decree_days("2029-05-11\nelf mei"),
            Err(DecreeError::Unreadable { line: 2, text: "elf mei".to_owned() })
        );
    }

    #[test]
    fn a_decree_is_checked_against_what_is_known() {
        let cal = known_decrees();
        let day = |d: Date| vec![(d, String::new())];
        assert_eq!(check_decree(&cal, 2029, 2031, &day(date!(2029 - 05 - 11))), Ok(()));
        assert_eq!(check_decree(&cal, 2031, 2029, &[]), Err(DecreeError::Years));
        assert_eq!(check_decree(&cal, 0, 2029, &[]), Err(DecreeError::Years));
        assert_eq!(
            check_decree(&cal, 2029, 2031, &day(date!(2032 - 05 - 07))),
            Err(DecreeError::OutsideYears { day: date!(2032 - 05 - 07) })
        );
        assert_eq!(
            check_decree(&cal, 2029, 2031, &day(date!(2029 - 05 - 12))),
            Err(DecreeError::AlreadyOff { day: date!(2029 - 05 - 12), why: DayOff::Saturday })
        );
        assert_eq!(
            check_decree(&cal, 2026, 2026, &day(date!(2026 - 05 - 15))),
            Err(DecreeError::AlreadyDecreed { day: date!(2026 - 05 - 15) })
        );
        let twice = [(date!(2029 - 05 - 11), String::new()), (date!(2029 - 05 - 11), String::new())];
        assert_eq!(
            check_decree(&cal, 2029, 2029, &twice),
            Err(DecreeError::AlreadyDecreed { day: date!(2029 - 05 - 11) })
        );
    }
}
