//! Pro-rating by calendar months (`shared/design/RULES.md`, Social return): a whole calendar month is one twelfth
//! of a year value, a part of a month counts its days against the days of that month. So a full calendar year is
//! exactly the year value, leap year or not, and "€ 750 a month" is € 750 for February as for January.
//!
//! A share is kept exact: whole months plus each part month as a fraction, summed in units of 1/377,580 month
//! (the least common multiple of 28, 29, 30 and 31 days), so money is rounded once, at the end.

use super::pro_rata;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Duration};

/// One month in units: every month length (28–31 days) divides it.
pub const MONTH_UNITS: i64 = 377_580;

/// The days of a part month that count, and the days of that month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartMonth {
    /// Days counted.
    pub days: u8,
    /// Days in that calendar month.
    pub of: u8,
}

/// A period as calendar months: whole months and part months, in calendar order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthShare {
    /// Whole calendar months.
    pub whole: u32,
    /// Part months (at the ends of the period), each against the days of its month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartMonth>,
}

impl MonthShare {
    /// The months from `start` to `end`, both included (empty when `end` is before `start`).
    pub fn of_period(start: Date, end: Date) -> Self {
        let mut share = MonthShare::default();
        for (_, s) in by_year(start, end) {
            share.add(&s);
        }
        share
    }

    /// The share in units of 1/[`MONTH_UNITS`] month.
    pub fn units(&self) -> i64 {
        i64::from(self.whole) * MONTH_UNITS
            + self.parts.iter().map(|p| i64::from(p.days) * (MONTH_UNITS / i64::from(p.of))).sum::<i64>()
    }

    /// Whether nothing counts.
    pub fn is_empty(&self) -> bool {
        self.whole == 0 && self.parts.is_empty()
    }

    /// The number a plural rule reads: the whole months when there are no part months, else a share that is
    /// never "one" (so "1 maand" but "1 + 10/31 maanden").
    pub fn plural_count(&self) -> i64 {
        if self.parts.is_empty() {
            i64::from(self.whole)
        } else {
            i64::from(self.whole) + 2
        }
    }

    fn add(&mut self, other: &MonthShare) {
        self.whole += other.whole;
        self.parts.extend(other.parts.iter().copied());
    }

    /// A year value pro rata this share, times `hours`/`full`: `cents × hours/full × months/12`, rounded once.
    pub fn of_year_value(&self, cents: i64, hours: u32, full: u32) -> i64 {
        pro_rata_units(cents, hours, full, 12, self.units())
    }
}

/// `cents × hours/full × units/(per × MONTH_UNITS)`, rounded half up once.
fn pro_rata_units(cents: i64, hours: u32, full: u32, per: i64, units: i64) -> i64 {
    let numerator = i128::from(units) * i128::from(hours);
    let denominator = i128::from(full) * i128::from(per) * i128::from(MONTH_UNITS);
    // Both fit an i64 for any realistic period (a century of months is 4.5e8 units × 60 hours).
    pro_rata(cents, i64::try_from(numerator).unwrap_or(i64::MAX), i64::try_from(denominator).unwrap_or(i64::MAX))
}

impl fmt::Display for MonthShare {
    /// `6`, `(5 + 10/31 + 15/30)`, `(14/28)`: a number of months as the calculation lines write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.parts.is_empty() {
            return write!(f, "{}", self.whole);
        }
        let mut terms: Vec<String> = Vec::new();
        if self.whole > 0 {
            terms.push(self.whole.to_string());
        }
        terms.extend(self.parts.iter().map(|p| format!("{}/{}", p.days, p.of)));
        write!(f, "({})", terms.join(" + "))
    }
}

/// The days of the calendar month of `date`.
fn days_in_month(date: Date) -> u8 {
    date.month().length(date.year())
}

/// The period from `start` to `end` (both included) as months per calendar year, in year order; empty when `end` is
/// before `start`.
pub fn by_year(start: Date, end: Date) -> Vec<(i32, MonthShare)> {
    let mut years: Vec<(i32, MonthShare)> = Vec::new();
    let mut first = start;
    while first <= end {
        let of = days_in_month(first);
        let month_end = first.replace_day(of).unwrap_or(first);
        let last = month_end.min(end);
        let days = u8::try_from((last - first).whole_days() + 1).unwrap_or(of);
        if years.last().is_none_or(|(y, _)| *y != first.year()) {
            years.push((first.year(), MonthShare::default()));
        }
        if let Some((_, share)) = years.last_mut() {
            if days == of {
                share.whole += 1;
            } else {
                share.parts.push(PartMonth { days, of });
            }
        }
        first = month_end + Duration::days(1);
    }
    years
}

/// A year value for a period, split by calendar year so the parts add up to the whole to the cent: each year gets
/// the rounded value up to its end minus the rounded value up to the year before (`cents × hours/full` per year of
/// twelve months, or per month with `per` = 1).
pub fn split_by_year(years: &[(i32, MonthShare)], cents: i64, hours: u32, full: u32, per: i64) -> Vec<(i32, i64)> {
    let mut units = 0;
    let mut before = 0;
    years
        .iter()
        .map(|(year, share)| {
            units += share.units();
            let upto = pro_rata_units(cents, hours, full, per, units);
            let part = upto - before;
            before = upto;
            (*year, part)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn share(start: Date, end: Date) -> MonthShare {
        MonthShare::of_period(start, end)
    }

    #[test]
    fn every_month_length_divides_the_unit() {
        for days in 28..=31 {
            assert_eq!(MONTH_UNITS % days, 0);
        }
    }

    #[test]
    fn whole_and_part_months() {
        assert_eq!(share(date!(2026 - 01 - 01), date!(2026 - 06 - 30)), MonthShare { whole: 6, parts: vec![] });
        // A leap-year February is one month; so is a common one.
        assert_eq!(share(date!(2024 - 02 - 01), date!(2024 - 02 - 29)).units(), MONTH_UNITS);
        assert_eq!(share(date!(2026 - 02 - 01), date!(2026 - 02 - 28)).units(), MONTH_UNITS);
        // Part months at both ends: 17 of 31 days of March, April, and 10 of 31 days of May.
        let s = share(date!(2026 - 03 - 15), date!(2026 - 05 - 10));
        assert_eq!(s.whole, 1);
        assert_eq!(s.parts, vec![PartMonth { days: 17, of: 31 }, PartMonth { days: 10, of: 31 }]);
        assert_eq!(s.to_string(), "(1 + 17/31 + 10/31)");
        // 14 days of a leap February.
        assert_eq!(share(date!(2024 - 02 - 01), date!(2024 - 02 - 14)).to_string(), "(14/29)");
        assert!(share(date!(2026 - 02 - 02), date!(2026 - 02 - 01)).is_empty());
    }

    #[test]
    fn a_period_splits_by_calendar_year() {
        // 15 December 2025 – 14 January 2026: 17/31 of December in 2025, 14/31 of January in 2026.
        let years = by_year(date!(2025 - 12 - 15), date!(2026 - 01 - 14));
        assert_eq!(
            years,
            vec![
                (2025, MonthShare { whole: 0, parts: vec![PartMonth { days: 17, of: 31 }] }),
                (2026, MonthShare { whole: 0, parts: vec![PartMonth { days: 14, of: 31 }] }),
            ]
        );
        // € 40.000 a year, full time: 2025 gets 40.000 × 17/31 / 12 = 1.827,96; the whole 40.000 × 31/31 / 12 =
        // 3.333,33, so 2026 gets 1.505,37; together exactly the value of the whole period.
        let parts = split_by_year(&years, 4_000_000, 36, 36, 12);
        assert_eq!(parts, vec![(2025, 182_796), (2026, 150_537)]);
        assert_eq!(
            parts.iter().map(|p| p.1).sum::<i64>(),
            share(date!(2025 - 12 - 15), date!(2026 - 01 - 14)).of_year_value(4_000_000, 36, 36)
        );
    }
}
