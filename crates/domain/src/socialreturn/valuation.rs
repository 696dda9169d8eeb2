//! The value of a contribution under a table version: exact to the cent, with every step as a typed line (the
//! numbers it was computed from) so the contract page can show how the figure came about in the user's language.

use super::contribution::Contribution;
use super::pro_rata;
use super::table::ValuationTable;
use super::{Bonus, Certificate, TargetGroup, Training};
use crate::calendar::add_months;
use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Duration};

/// A value and its calculation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valuation {
    /// The value.
    pub value: Money,
    /// The calculation, one line per step.
    pub lines: Vec<CalculationLine>,
}

/// One step of a calculation, with the numbers it was computed from. The web layer translates it
/// (`social-return.ftl`); `Display` is the Dutch line the contract page always showed.
///
/// Stored as JSON in `sr_contributions.lines`: a typed line is an object (`{"apprenticeship": {...}}`); a line
/// stored before the lines were typed is a plain JSON string, read back as [`CalculationLine::Legacy`].
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
    /// A placement: the table value per full-time work year, pro rata hours and days.
    Placement {
        /// The value per full-time work year.
        rate: Money,
        /// Whether the value for long on a benefit applied.
        long_term: bool,
        /// Hours per week counted (at most `full`).
        hours: u32,
        /// The hours of a full-time job.
        full: u32,
        /// Days counted.
        days: i64,
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
        /// Days counted.
        days: i64,
        /// The result.
        value: Money,
    },
    /// An apprenticeship: the value per school year, pro rata days.
    Apprenticeship {
        /// The value per school year.
        rate: Money,
        /// Days counted.
        days: i64,
        /// The result.
        value: Money,
    },
    /// A work-experience place: the value per month, times 12, pro rata days.
    WorkExperience {
        /// The value per month.
        rate: Money,
        /// Days counted.
        days: i64,
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
                "telt hoogstens {months} maanden: van {} tot en met {} in plaats van {}",
                line_date(*start),
                line_date(*until),
                line_date(*end)
            ),
            CalculationLine::Placement { rate, long_term, hours, full, days, value } => {
                let note = if *long_term { " (lang in de uitkering)" } else { "" };
                write!(f, "{rate} per voltijd-arbeidsjaar{note} × {hours}/{full} uur × {days}/365 dagen = {value}")
            }
            CalculationLine::Bonus { bonus, rate, hours, full, days, value } => {
                write!(f, "bonus {}: {rate} × {hours}/{full} uur × {days}/365 dagen = {value}", bonus.code())
            }
            CalculationLine::Apprenticeship { rate, days, value } => {
                write!(f, "{rate} per leerjaar × {days}/365 dagen = {value}")
            }
            CalculationLine::WorkExperience { rate, days, value } => {
                write!(f, "{rate} per maand × 12 × {days}/365 dagen = {value}")
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
            Unvalued::Bonus(bonus) => write!(f, "bonus {}", bonus.code()),
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
}

/// Days from `start` to `end`, both included.
fn days(start: Date, end: Date) -> i64 {
    (end - start).whole_days() + 1
}

/// The day before the same date `months` later (the last day of a counting period of that many months).
fn months_later(start: Date, months: u32) -> Date {
    add_months(start, months) - Duration::days(1)
}

/// Values a contribution under a table.
pub fn value(table: &ValuationTable, contribution: &Contribution) -> Result<Valuation, ValuationError> {
    let mut lines = Vec::new();
    let cents = match contribution {
        Contribution::Placement { group, long_term, start, end, hours_per_week, bonuses, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate = table.job(*group).ok_or(ValuationError::NotInTable(Unvalued::Group(*group)))?;
            if let Some(min) = table.min_hours_per_week {
                if *hours_per_week < min {
                    lines.push(CalculationLine::BelowMinimumHours { hours: *hours_per_week, min });
                    return Ok(Valuation { value: Money::default(), lines });
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
            let d = days(*start, counted_end);
            let full = table.full_time_hours;
            let hours = (*hours_per_week).min(full);
            let fraction = |value: Money| pro_rata(value.cents(), i64::from(hours) * d, i64::from(full) * 365);
            let mut total = fraction(base);
            let value = Money::from_cents(total);
            lines.push(CalculationLine::Placement { rate: base, long_term, hours, full, days: d, value });
            for bonus in bonuses {
                let extra = table.bonus(*bonus).ok_or(ValuationError::NotInTable(Unvalued::Bonus(*bonus)))?;
                let part = fraction(extra);
                let value = Money::from_cents(part);
                lines.push(CalculationLine::Bonus { bonus: *bonus, rate: extra, hours, full, days: d, value });
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
            let d = days(*start, *end);
            let total = pro_rata(rate.cents(), d, 365);
            lines.push(CalculationLine::Apprenticeship { rate, days: d, value: Money::from_cents(total) });
            total
        }
        Contribution::WorkExperience { start, end, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate = table.work_experience_per_month.ok_or(ValuationError::NotInTable(Unvalued::WorkExperience))?;
            let d = days(*start, *end);
            let total = pro_rata(rate.cents(), 12 * d, 365);
            lines.push(CalculationLine::WorkExperience { rate, days: d, value: Money::from_cents(total) });
            total
        }
        Contribution::Purchase { certificate, invoice, .. } => {
            let share = table
                .purchase_share(*certificate)
                .ok_or(ValuationError::NotInTable(Unvalued::Certificate(*certificate)))?;
            let total = pro_rata(invoice.cents(), i64::from(share), 100);
            lines.push(CalculationLine::Purchase { invoice: *invoice, share, value: Money::from_cents(total) });
            total
        }
        Contribution::Other { hours, .. } => {
            let rate = table.other_per_hour.ok_or(ValuationError::NotInTable(Unvalued::OtherActivities))?;
            let total = rate.cents() * i64::from(*hours);
            lines.push(CalculationLine::OtherHours { hours: *hours, rate, value: Money::from_cents(total) });
            total
        }
    };
    let value = Money::from_cents(cents);
    if lines.len() > 1 {
        lines.push(CalculationLine::Total { value });
    }
    Ok(Valuation { value, lines })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::socialreturn::examples::{oost_nederland, utrecht};
    use crate::socialreturn::{Bonus, Certificate, TargetGroup, Training};
    use time::macros::date;

    fn placement(group: TargetGroup, start: Date, end: Date, hours: u32, bonuses: Vec<Bonus>) -> Contribution {
        Contribution::Placement {
            person: "K-001".into(),
            group,
            long_term: false,
            start,
            end,
            hours_per_week: hours,
            bonuses,
        }
    }

    fn cents(c: &Contribution, table: &ValuationTable) -> i64 {
        value(table, c).expect("valued").value.cents()
    }

    #[test]
    fn a_full_year_full_time_is_the_table_value() {
        // 2025 has 365 days.
        let c = placement(TargetGroup::Participatiewet, date!(2025 - 01 - 01), date!(2025 - 12 - 31), 36, vec![]);
        assert_eq!(cents(&c, &utrecht()), 4_000_000);
    }

    #[test]
    fn part_time_and_part_year_are_pro_rated() {
        // € 40.000 × 24/36 × 181/365 (1 January – 30 June 2026) = € 13.223,74 (1.322.374,43 cents).
        let c = placement(TargetGroup::Participatiewet, date!(2026 - 01 - 01), date!(2026 - 06 - 30), 24, vec![]);
        let v = value(&utrecht(), &c).expect("valued");
        assert_eq!(v.value.cents(), 1_322_374);
        let lines: Vec<String> = v.lines.iter().map(ToString::to_string).collect();
        assert_eq!(lines, vec!["€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 181/365 dagen = € 13.223,74"]);
    }

    #[test]
    fn bonuses_are_added_and_pro_rated_alike() {
        // Doelgroepregister € 50.000 + 50+ € 10.000 + vast contract € 10.000, 18 h, 1 March – 31 August 2026 (184 d).
        // 50.000 × 18/36 × 184/365 = 12.602,74; each bonus 10.000 × 18/36 × 184/365 = 2.520,55.
        let c = placement(
            TargetGroup::Doelgroepregister,
            date!(2026 - 03 - 01),
            date!(2026 - 08 - 31),
            18,
            vec![Bonus::Age50Plus, Bonus::PermanentContract],
        );
        let v = value(&utrecht(), &c).expect("valued");
        assert_eq!(v.value.cents(), 1_260_274 + 2 * 252_055);
        assert_eq!(v.lines.len(), 4);
        assert_eq!(v.lines[3].to_string(), "totaal € 17.643,84");
    }

    #[test]
    fn counting_stops_after_the_tables_duration() {
        // Oost-Nederland WW: at most 12 months. 1 March 2025 – 31 December 2026 counts 1 March 2025 – 29 February…
        // 2026 has no 29 February: the period is 1 March 2025 – 28 February 2026, 365 days, full time: € 10.000.
        let c = placement(TargetGroup::Ww, date!(2025 - 03 - 01), date!(2026 - 12 - 31), 36, vec![]);
        let v = value(&oost_nederland(), &c).expect("valued");
        assert_eq!(v.value.cents(), 1_000_000);
        assert!(v.lines[0].to_string().contains("telt hoogstens 12 maanden"), "{:?}", v.lines);
        // Long on the benefit: € 15.000 instead.
        let long = match c {
            Contribution::Placement { person, group, start, end, hours_per_week, bonuses, .. } => {
                Contribution::Placement { person, group, long_term: true, start, end, hours_per_week, bonuses }
            }
            other => other,
        };
        assert_eq!(cents(&long, &oost_nederland()), 1_500_000);
        // Doelgroepregister counts without limit: two full years (730 days) = 2 × € 40.000.
        let dr = placement(TargetGroup::Doelgroepregister, date!(2025 - 01 - 01), date!(2026 - 12 - 31), 36, vec![]);
        assert_eq!(cents(&dr, &oost_nederland()), 8_000_000);
    }

    #[test]
    fn minimum_hours_and_unknown_groups() {
        let mut table = utrecht();
        table.min_hours_per_week = Some(12);
        let short = placement(TargetGroup::Ww, date!(2026 - 01 - 01), date!(2026 - 12 - 31), 8, vec![]);
        let v = value(&table, &short).expect("valued");
        assert_eq!(v.value.cents(), 0);
        assert!(v.lines[0].to_string().contains("minimum van 12 uur"));
        let statushouder =
            placement(TargetGroup::Statushouder, date!(2026 - 01 - 01), date!(2026 - 12 - 31), 36, vec![]);
        let error = value(&utrecht(), &statushouder).expect_err("not in the table");
        assert_eq!(error, ValuationError::NotInTable(Unvalued::Group(TargetGroup::Statushouder)));
        assert_eq!(error.to_string(), "de waarderingstabel kent geen waarde voor doelgroep statushouder");
        let backwards = placement(TargetGroup::Ww, date!(2026 - 02 - 01), date!(2026 - 01 - 01), 36, vec![]);
        assert_eq!(value(&utrecht(), &backwards), Err(ValuationError::EndBeforeStart));
    }

    #[test]
    fn purchases_count_their_share_of_the_invoice() {
        let frames = |certificate| Contribution::Purchase {
            seller: "Kozijnfabriek De Werkplaats".into(),
            certificate,
            invoice: Money::from_cents(1_234_567),
            date: date!(2026 - 05 - 01),
        };
        assert_eq!(cents(&frames(Certificate::CodeSocialeOndernemingen), &oost_nederland()), 1_234_567);
        // 50% of € 12.345,67 = € 6.172,835, rounded half up to € 6.172,84.
        assert_eq!(cents(&frames(Certificate::SocialEnterpriseNl), &oost_nederland()), 617_284);
        // A buyer that counts PSO trede 2 at 30%.
        let mut table = utrecht();
        table.purchase_shares.push((Certificate::PsoTrede2, 30));
        assert_eq!(cents(&frames(Certificate::PsoTrede2), &table), 370_370);
        assert!(value(&utrecht(), &frames(Certificate::Pso30Plus)).is_err(), "not in Utrecht's example");
    }

    #[test]
    fn training_work_experience_and_other_activities() {
        let bbl = Contribution::Apprenticeship {
            person: "L-7".into(),
            training: Training::Bbl,
            level: Some(2),
            start: date!(2026 - 09 - 01),
            end: date!(2027 - 08 - 31),
        };
        assert_eq!(cents(&bbl, &utrecht()), 3_500_000, "a school year of 365 days");
        let place = Contribution::WorkExperience {
            person: "W-1".into(),
            start: date!(2026 - 01 - 01),
            end: date!(2026 - 03 - 31),
        };
        // € 750 × 12 × 90/365 = € 2.219,18.
        assert_eq!(cents(&place, &oost_nederland()), 221_918);
        let mut table = utrecht();
        table.other_per_hour = Some(Money::from_cents(10_000));
        let talk = Contribution::Other { description: "Gastles".into(), hours: 6, date: date!(2026 - 04 - 01) };
        assert_eq!(cents(&talk, &table), 60_000);
    }

    #[test]
    fn every_line_reads_in_dutch_as_before() {
        let euro = Money::from_cents;
        let lines = [
            (
                CalculationLine::BelowMinimumHours { hours: 8, min: 12 },
                "8 uur per week is minder dan het minimum van 12 uur: telt niet",
            ),
            (
                CalculationLine::CountedMonths {
                    months: 12,
                    start: date!(2025 - 03 - 01),
                    until: date!(2026 - 02 - 28),
                    end: date!(2026 - 12 - 31),
                },
                "telt hoogstens 12 maanden: van 1-3-2025 tot en met 28-2-2026 in plaats van 31-12-2026",
            ),
            (
                CalculationLine::Placement {
                    rate: euro(1_500_000),
                    long_term: true,
                    hours: 36,
                    full: 36,
                    days: 365,
                    value: euro(1_500_000),
                },
                "€ 15.000,00 per voltijd-arbeidsjaar (lang in de uitkering) × 36/36 uur × 365/365 dagen = € 15.000,00",
            ),
            (
                CalculationLine::Bonus {
                    bonus: Bonus::Age50Plus,
                    rate: euro(1_000_000),
                    hours: 18,
                    full: 36,
                    days: 184,
                    value: euro(252_055),
                },
                "bonus age_50_plus: € 10.000,00 × 18/36 uur × 184/365 dagen = € 2.520,55",
            ),
            (
                CalculationLine::Apprenticeship { rate: euro(3_500_000), days: 365, value: euro(3_500_000) },
                "€ 35.000,00 per leerjaar × 365/365 dagen = € 35.000,00",
            ),
            (
                CalculationLine::WorkExperience { rate: euro(75_000), days: 90, value: euro(221_918) },
                "€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18",
            ),
            (
                CalculationLine::Purchase { invoice: euro(1_234_567), share: 50, value: euro(617_284) },
                "€ 12.345,67 excl. btw × 50% = € 6.172,84",
            ),
            (
                CalculationLine::OtherHours { hours: 6, rate: euro(10_000), value: euro(60_000) },
                "6 uur × € 100,00 = € 600,00",
            ),
            (CalculationLine::Total { value: euro(1_764_384) }, "totaal € 17.643,84"),
            (CalculationLine::Legacy("oude regel".into()), "oude regel"),
        ];
        for (line, dutch) in lines {
            assert_eq!(line.to_string(), dutch);
        }
    }

    #[test]
    fn stored_lines_of_both_shapes_read_back() {
        let c = placement(
            TargetGroup::Doelgroepregister,
            date!(2026 - 03 - 01),
            date!(2026 - 08 - 31),
            18,
            vec![Bonus::Age50Plus],
        );
        let v = value(&utrecht(), &c).expect("valued");
        let json = serde_json::to_string(&v.lines).expect("serialises");
        assert!(json.starts_with(r#"[{"placement":{"#), "{json}");
        let back: Vec<CalculationLine> = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, v.lines);
        // Rows stored before the lines were typed hold Dutch strings: they still read, as they were.
        let old = r#"["€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18","totaal € 2.219,18"]"#;
        let old: Vec<CalculationLine> = serde_json::from_str(old).expect("legacy lines read");
        assert_eq!(old[0], CalculationLine::Legacy("€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18".into()));
        assert_eq!(old[1].to_string(), "totaal € 2.219,18");
        assert_eq!(
            serde_json::to_string(&old).expect("serialises"),
            r#"["€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18","totaal € 2.219,18"]"#
        );
    }

    #[test]
    fn counting_periods_end_the_day_before_the_same_date() {
        assert_eq!(months_later(date!(2025 - 03 - 01), 12), date!(2026 - 02 - 28));
        assert_eq!(months_later(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 28), "clamped to 29 Feb, minus a day");
        assert_eq!(months_later(date!(2025 - 06 - 15), 24), date!(2027 - 06 - 14));
    }
}
