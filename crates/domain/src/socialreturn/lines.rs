//! The typed lines of a calculation: every step with the numbers it was computed from, so the contract page can
//! show how a value came about in the user's language. `Display` is the Dutch line.

use super::months::MonthShare;
use super::Bonus;
use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::Date;

/// One step of a calculation, with the numbers it was computed from. The web layer translates it
/// (`social-return.ftl`); `Display` is the Dutch line.
///
/// Stored as JSON in `sr_contributions.lines`: a typed line is an object (`{"apprenticeship": {...}}`); a line
/// stored before the lines were typed is a plain JSON string, read back as [`CalculationLine::Legacy`]. Lines of
/// the valuation by days (before valuation version 2) were rewritten by the re-valuation at start-up (ADR 0026).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalculationLine {
    /// A placement below the table's minimum hours per week counts for nothing.
    BelowMinimumHours {
        /// Hours per week of the placement.
        hours: u32,
        /// The table's minimum.
        min: u32,
    },
    /// A placement counts for at most `months` months: from `start` to `until` instead of to `end`.
    CountedMonths {
        /// The table's maximum.
        months: u32,
        /// The first day.
        start: Date,
        /// The last day that counts.
        until: Date,
        /// The placement's own last day.
        end: Date,
    },
    /// Only the part inside the contract period counts: from `from` to `until` of the reported `start`–`end`.
    ContractPeriod {
        /// The reported first day.
        start: Date,
        /// The reported last day.
        end: Date,
        /// The first day that counts.
        from: Date,
        /// The last day that counts.
        until: Date,
    },
    /// Nothing of the contribution falls inside the contract period `from`–`until`: it counts for nothing.
    OutsideContract {
        /// The contract's first day.
        from: Date,
        /// The contract's last day.
        until: Date,
    },
    /// Statushouder and language gap together are one bonus: `counted` counts, `dropped` not.
    OneBonus {
        /// The bonus that counts (the higher of the two in the table).
        counted: Bonus,
        /// The one that does not.
        dropped: Bonus,
    },
    /// A placement: the table value per full-time work year, pro rata hours and calendar months.
    Placement {
        /// The value per full-time work year.
        rate: Money,
        /// Whether the value for long on a benefit applied.
        long_term: bool,
        /// Hours per week counted (at most `full`).
        hours: u32,
        /// The hours of a full-time job.
        full: u32,
        /// Months counted.
        months: MonthShare,
        /// The result.
        value: Money,
    },
    /// A bonus on a placement, pro rata like the placement.
    Bonus {
        /// Which bonus.
        bonus: Bonus,
        /// The bonus per full-time work year.
        rate: Money,
        /// Hours per week counted.
        hours: u32,
        /// The hours of a full-time job.
        full: u32,
        /// Months counted.
        months: MonthShare,
        /// The result.
        value: Money,
    },
    /// An apprenticeship: the value per school year, pro rata calendar months.
    Apprenticeship {
        /// The value per school year.
        rate: Money,
        /// Months counted.
        months: MonthShare,
        /// The result.
        value: Money,
    },
    /// A work-experience place: the value per month times the calendar months.
    WorkExperience {
        /// The value per month.
        rate: Money,
        /// Months counted.
        months: MonthShare,
        /// The result.
        value: Money,
    },
    /// A purchase: the share of the invoice (excl. VAT) that counts.
    Purchase {
        /// The invoice excl. VAT.
        invoice: Money,
        /// The share that counts, in percent.
        share: u32,
        /// The result.
        value: Money,
    },
    /// Other activities: hours times the value per hour.
    OtherHours {
        /// Hours.
        hours: u32,
        /// The value per hour.
        rate: Money,
        /// The result.
        value: Money,
    },
    /// The total of several lines.
    Total {
        /// The total.
        value: Money,
    },
    /// A line stored as Dutch text before the lines were typed; shown as it was.
    #[serde(untagged)]
    Legacy(String),
}

impl CalculationLine {
    /// The value a line computes, for lines that compute one.
    pub fn value(&self) -> Option<Money> {
        match self {
            CalculationLine::Placement { value, .. }
            | CalculationLine::Bonus { value, .. }
            | CalculationLine::Apprenticeship { value, .. }
            | CalculationLine::WorkExperience { value, .. }
            | CalculationLine::Purchase { value, .. }
            | CalculationLine::OtherHours { value, .. } => Some(*value),
            _ => None,
        }
    }
}

/// A date as the calculation lines write it: `1-3-2025`.
pub fn line_date(date: Date) -> String {
    format!("{}-{}-{}", date.day(), u8::from(date.month()), date.year())
}

impl fmt::Display for CalculationLine {
    /// The line in Dutch.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalculationLine::BelowMinimumHours { hours, min } => {
                write!(f, "{hours} uur per week is minder dan het minimum van {min} uur: telt niet")
            }
            CalculationLine::CountedMonths { months, start, until, end } => write!(
                f,
                "telt hoogstens {months} {}: van {} tot en met {} in plaats van {}",
                maanden(i64::from(*months)),
                line_date(*start),
                line_date(*until),
                line_date(*end)
            ),
            CalculationLine::ContractPeriod { start, end, from, until } => write!(
                f,
                "telt alleen binnen de contractperiode: van {} tot en met {} (gemeld: {} tot en met {})",
                line_date(*from),
                line_date(*until),
                line_date(*start),
                line_date(*end)
            ),
            CalculationLine::OutsideContract { from, until } => write!(
                f,
                "valt buiten de contractperiode ({} tot en met {}): telt niet",
                line_date(*from),
                line_date(*until)
            ),
            CalculationLine::OneBonus { counted, dropped } => write!(
                f,
                "statushouder en taalachterstand zijn samen één bonus: {} telt, {} niet",
                counted.dutch(),
                dropped.dutch()
            ),
            CalculationLine::Placement { rate, long_term, hours, full, months, value } => {
                let note = if *long_term { " (lang in de uitkering)" } else { "" };
                write!(f, "{rate} per voltijd-arbeidsjaar{note} × {hours}/{full} uur × {months}/12 maanden = {value}")
            }
            CalculationLine::Bonus { bonus, rate, hours, full, months, value } => {
                write!(f, "bonus {}: {rate} × {hours}/{full} uur × {months}/12 maanden = {value}", bonus.dutch())
            }
            CalculationLine::Apprenticeship { rate, months, value } => {
                write!(f, "{rate} per leerjaar × {months}/12 maanden = {value}")
            }
            CalculationLine::WorkExperience { rate, months, value } => {
                write!(f, "{rate} per maand × {months} {} = {value}", maanden(months.plural_count()))
            }
            CalculationLine::Purchase { invoice, share, value } => {
                write!(f, "{invoice} excl. btw × {share}% = {value}")
            }
            CalculationLine::OtherHours { hours, rate, value } => write!(f, "{hours} uur × {rate} = {value}"),
            CalculationLine::Total { value } => write!(f, "totaal {value}"),
            CalculationLine::Legacy(text) => f.write_str(text),
        }
    }
}

/// "maand" or "maanden" for `count` months.
fn maanden(count: i64) -> &'static str {
    if count == 1 {
        "maand"
    } else {
        "maanden"
    }
}
