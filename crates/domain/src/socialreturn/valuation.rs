//! The value of a contribution under a table version and within its contract's period: exact to the cent, with
//! every step as a typed line ([`CalculationLine`]), and split by calendar year for the yearly figures.
//!
//! Pro-rating is by calendar months (`shared/design/RULES.md`, Social return; see [`super::months`]); only the part
//! of a contribution inside the contract period counts, and a contribution entirely outside it cannot be reported.

use super::contribution::Contribution;
use super::months::{by_year, split_by_year, MonthShare};
use super::table::ValuationTable;
use super::{pro_rata, Bonus, Certificate, TargetGroup, Training};
use crate::calendar::add_months;
use crate::money::Money;
use std::fmt;
use time::{Date, Duration};

pub use super::lines::{line_date, CalculationLine};

/// A value, its calculation, and how it falls over the calendar years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valuation {
    /// The value.
    pub value: Money,
    /// The calculation, one line per step.
    pub lines: Vec<CalculationLine>,
    /// The value per calendar year, in year order, adding up to `value`. Never empty: the first year is the one the
    /// contribution is counted in (a value of zero still has its year).
    pub years: Vec<(i32, Money)>,
}

impl Valuation {
    /// The year the contribution is counted in (its first counted day's).
    pub fn first_year(&self) -> i32 {
        self.years.first().map(|(y, _)| *y).unwrap_or_default()
    }
}

/// The period of a contract, both days included: only work inside it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

/// What a table has no value for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unvalued {
    /// A target group of a placement.
    Group(TargetGroup),
    /// A bonus on a placement.
    Bonus(Bonus),
    /// A training route.
    Training(Training),
    /// Work-experience places.
    WorkExperience,
    /// A certificate of a purchase.
    Certificate(Certificate),
    /// Other activities.
    OtherActivities,
}

impl fmt::Display for Unvalued {
    /// In Dutch, as the error message names it (`doelgroep ww`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unvalued::Group(group) => write!(f, "doelgroep {}", group.code()),
            Unvalued::Bonus(bonus) => write!(f, "bonus {}", bonus.dutch()),
            Unvalued::Training(training) => write!(f, "leerweg {}", training.code()),
            Unvalued::WorkExperience => f.write_str("werkervaringsplaats"),
            Unvalued::Certificate(certificate) => write!(f, "certificaat {}", certificate.code()),
            Unvalued::OtherActivities => f.write_str("overige activiteiten"),
        }
    }
}

/// Why a contribution cannot be valued under the table. The web layer translates it; `Display` is Dutch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValuationError {
    /// The table has no value for this kind of contribution.
    #[error("de waarderingstabel kent geen waarde voor {0}")]
    NotInTable(Unvalued),
    /// The period ends before it starts.
    #[error("de einddatum ligt voor de begindatum")]
    EndBeforeStart,
    /// Nothing of it falls inside the contract period.
    #[error("de bijdrage valt helemaal buiten de contractperiode ({} tot en met {})", line_date(.0.start), line_date(.0.end))]
    OutsideContract(Period),
}

/// The last day of a counting period of `months` calendar months from `start`: the day before the same day of the
/// month `months` later, or, when that month has no such day (a start on the 29th to the 31st), its last day. So
/// twelve months from 29 February 2024 run through 28 February 2025; clamping first and then taking a day off
/// stopped a day short (27 February).
pub(crate) fn months_later(start: Date, months: u32) -> Date {
    // `add_months` clamps a day the month lacks to its last day; only a day that exists there has a day before it
    // inside the period.
    let same_day = add_months(start, months);
    if same_day.day() < start.day() {
        same_day
    } else {
        same_day - Duration::days(1)
    }
}

/// The part of `start`–`end` inside the contract: `None` when nothing is; a line when it is cut.
fn clip(start: Date, end: Date, contract: Period, lines: &mut Vec<CalculationLine>) -> Option<(Date, Date)> {
    let (from, until) = (start.max(contract.start), end.min(contract.end));
    if from > until {
        return None;
    }
    if (from, until) != (start, end) {
        lines.push(CalculationLine::ContractPeriod { start, end, from, until });
    }
    Some((from, until))
}

/// A value over a period's calendar years: the total and the parts per year.
fn over_years(years: &[(i32, MonthShare)], cents: i64, hours: u32, full: u32, per: i64) -> (i64, Vec<(i32, i64)>) {
    let parts = split_by_year(years, cents, hours, full, per);
    (parts.iter().map(|p| p.1).sum(), parts)
}

/// Adds `parts` into the per-year sums `into`.
fn add_years(into: &mut Vec<(i32, i64)>, parts: &[(i32, i64)]) {
    for (year, cents) in parts {
        match into.iter_mut().find(|(y, _)| y == year) {
            Some((_, sum)) => *sum += cents,
            None => into.push((*year, *cents)),
        }
    }
    into.sort_by_key(|(y, _)| *y);
}

/// The months of a period: all of them, and per calendar year.
fn months_of(from: Date, until: Date) -> (MonthShare, Vec<(i32, MonthShare)>) {
    (MonthShare::of_period(from, until), by_year(from, until))
}

/// The bonuses that count: statushouder and language gap together are one bonus (the higher in the table), with a
/// line saying so.
fn counted_bonuses(
    table: &ValuationTable,
    bonuses: &[Bonus],
    lines: &mut Vec<CalculationLine>,
) -> Result<Vec<(Bonus, Money)>, ValuationError> {
    let mut counted: Vec<(Bonus, Money)> = Vec::new();
    for bonus in bonuses {
        let extra = table.bonus(*bonus).ok_or(ValuationError::NotInTable(Unvalued::Bonus(*bonus)))?;
        if !counted.iter().any(|(b, _)| b == bonus) {
            counted.push((*bonus, extra));
        }
    }
    let find = |b: Bonus| counted.iter().position(|(c, _)| *c == b);
    if let (Some(s), Some(l)) = (find(Bonus::Statushouder), find(Bonus::LanguageGap)) {
        let (keep, drop) = if counted[l].1 > counted[s].1 { (l, s) } else { (s, l) };
        lines.push(CalculationLine::OneBonus { counted: counted[keep].0, dropped: counted[drop].0 });
        counted.remove(drop);
    }
    Ok(counted)
}

/// Values a contribution under a table, counting only what lies inside the contract period. A contribution with
/// nothing inside it is refused ([`ValuationError::OutsideContract`]).
pub fn value(
    table: &ValuationTable,
    contribution: &Contribution,
    contract: Period,
) -> Result<Valuation, ValuationError> {
    let mut lines = Vec::new();
    let outside = || ValuationError::OutsideContract(contract);
    let mut years: Vec<(i32, i64)> = Vec::new();
    let cents = match contribution {
        Contribution::Placement { group, long_term, start, end, hours_per_week, bonuses, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            if *end < contract.start || *start > contract.end {
                return Err(outside());
            }
            let rate = table.job(*group).ok_or(ValuationError::NotInTable(Unvalued::Group(*group)))?;
            let first_year = (*start).max(contract.start).year();
            if let Some(min) = table.min_hours_per_week {
                if *hours_per_week < min {
                    lines.push(CalculationLine::BelowMinimumHours { hours: *hours_per_week, min });
                    return Ok(Valuation {
                        value: Money::default(),
                        lines,
                        years: vec![(first_year, Money::default())],
                    });
                }
            }
            let (base, long_term) = match (long_term, rate.long_term_value) {
                (true, Some(v)) => (v, true),
                _ => (rate.value, false),
            };
            let counted_end = match rate.counted_months {
                Some(months) => {
                    let cap = months_later(*start, months);
                    if cap < *end {
                        lines.push(CalculationLine::CountedMonths { months, start: *start, until: cap, end: *end });
                    }
                    cap.min(*end)
                }
                None => *end,
            };
            let Some((from, until)) = clip(*start, counted_end, contract, &mut lines) else {
                // What the table counts ended before the contract began.
                lines.push(CalculationLine::OutsideContract { from: contract.start, until: contract.end });
                return Ok(Valuation { value: Money::default(), lines, years: vec![(first_year, Money::default())] });
            };
            let (months, per_year) = months_of(from, until);
            let full = table.full_time_hours;
            let hours = (*hours_per_week).min(full);
            let extras = counted_bonuses(table, bonuses, &mut lines)?;
            let (mut total, parts) = over_years(&per_year, base.cents(), hours, full, 12);
            add_years(&mut years, &parts);
            let value = Money::from_cents(total);
            lines.push(CalculationLine::Placement {
                rate: base,
                long_term,
                hours,
                full,
                months: months.clone(),
                value,
            });
            for (bonus, extra) in extras {
                let (part, parts) = over_years(&per_year, extra.cents(), hours, full, 12);
                add_years(&mut years, &parts);
                let value = Money::from_cents(part);
                lines.push(CalculationLine::Bonus { bonus, rate: extra, hours, full, months: months.clone(), value });
                total += part;
            }
            total
        }
        Contribution::Apprenticeship { training, level, start, end, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate =
                table.training(*training, *level).ok_or(ValuationError::NotInTable(Unvalued::Training(*training)))?;
            let (from, until) = clip(*start, *end, contract, &mut lines).ok_or_else(outside)?;
            let (months, per_year) = months_of(from, until);
            let (total, parts) = over_years(&per_year, rate.cents(), 1, 1, 12);
            years = parts;
            lines.push(CalculationLine::Apprenticeship { rate, months, value: Money::from_cents(total) });
            total
        }
        Contribution::WorkExperience { start, end, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate = table.work_experience_per_month.ok_or(ValuationError::NotInTable(Unvalued::WorkExperience))?;
            let (from, until) = clip(*start, *end, contract, &mut lines).ok_or_else(outside)?;
            let (months, per_year) = months_of(from, until);
            let (total, parts) = over_years(&per_year, rate.cents(), 1, 1, 1);
            years = parts;
            lines.push(CalculationLine::WorkExperience { rate, months, value: Money::from_cents(total) });
            total
        }
        Contribution::Purchase { certificate, invoice, date, .. } => {
            let share = table
                .purchase_share(*certificate)
                .ok_or(ValuationError::NotInTable(Unvalued::Certificate(*certificate)))?;
            if *date < contract.start || *date > contract.end {
                return Err(outside());
            }
            let total = pro_rata(invoice.cents(), i64::from(share), 100);
            years = vec![(date.year(), total)];
            lines.push(CalculationLine::Purchase { invoice: *invoice, share, value: Money::from_cents(total) });
            total
        }
        Contribution::Other { hours, date, .. } => {
            let rate = table.other_per_hour.ok_or(ValuationError::NotInTable(Unvalued::OtherActivities))?;
            if *date < contract.start || *date > contract.end {
                return Err(outside());
            }
            let total = rate.cents() * i64::from(*hours);
            years = vec![(date.year(), total)];
            lines.push(CalculationLine::OtherHours { hours: *hours, rate, value: Money::from_cents(total) });
            total
        }
    };
    let value = Money::from_cents(cents);
    if lines.iter().filter(|l| l.value().is_some()).count() > 1 {
        lines.push(CalculationLine::Total { value });
    }
    Ok(Valuation { value, lines, years: years.into_iter().map(|(y, c)| (y, Money::from_cents(c))).collect() })
}

/// Values a contribution already stored (the re-valuation at start-up, ADR 0026): as [`value`], except that one
/// with nothing inside the contract period is kept at zero with the reason as its line, rather than refused.
pub fn revalue(
    table: &ValuationTable,
    contribution: &Contribution,
    contract: Period,
) -> Result<Valuation, ValuationError> {
    match value(table, contribution, contract) {
        Err(ValuationError::OutsideContract(period)) => Ok(Valuation {
            value: Money::default(),
            lines: vec![CalculationLine::OutsideContract { from: period.start, until: period.end }],
            years: vec![(contribution.first_day().year(), Money::default())],
        }),
        other => other,
    }
}

#[cfg(test)]
#[path = "valuation_tests.rs"]
mod tests;
