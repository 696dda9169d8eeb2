//! The value of a contribution under a table version: exact to the cent, with every step written out in Dutch so
//! the contract page can show how the figure came about.

use super::contribution::Contribution;
use super::pro_rata;
use super::table::ValuationTable;
use crate::calendar::add_months;
use crate::money::Money;
use time::{Date, Duration};

/// A value and its calculation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valuation {
    /// The value.
    pub value: Money,
    /// The calculation, one line per step.
    pub lines: Vec<String>,
}

/// Why a contribution cannot be valued under the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValuationError {
    /// The table has no value for this kind of contribution.
    #[error("de waarderingstabel kent geen waarde voor {0}")]
    NotInTable(String),
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

fn show_date(date: Date) -> String {
    format!("{}-{}-{}", date.day(), u8::from(date.month()), date.year())
}

/// Values a contribution under a table.
pub fn value(table: &ValuationTable, contribution: &Contribution) -> Result<Valuation, ValuationError> {
    let mut lines = Vec::new();
    let cents = match contribution {
        Contribution::Placement { group, long_term, start, end, hours_per_week, bonuses, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate =
                table.job(*group).ok_or_else(|| ValuationError::NotInTable(format!("doelgroep {}", group.code())))?;
            if let Some(min) = table.min_hours_per_week {
                if *hours_per_week < min {
                    lines.push(format!(
                        "{hours_per_week} uur per week is minder dan het minimum van {min} uur: telt niet"
                    ));
                    return Ok(Valuation { value: Money::default(), lines });
                }
            }
            let (base, base_note) = match (long_term, rate.long_term_value) {
                (true, Some(v)) => (v, " (lang in de uitkering)"),
                _ => (rate.value, ""),
            };
            let counted_end = match rate.counted_months {
                Some(months) => {
                    let cap = months_later(*start, months);
                    if cap < *end {
                        lines.push(format!(
                            "telt hoogstens {months} maanden: van {} tot en met {} in plaats van {}",
                            show_date(*start),
                            show_date(cap),
                            show_date(*end)
                        ));
                    }
                    cap.min(*end)
                }
                None => *end,
            };
            let d = days(*start, counted_end);
            let full = i64::from(table.full_time_hours);
            let hours = i64::from(*hours_per_week).min(full);
            let fraction = |value: Money| pro_rata(value.cents(), hours * d, full * 365);
            let mut total = fraction(base);
            lines.push(format!(
                "{} per voltijd-arbeidsjaar{base_note} × {hours}/{full} uur × {d}/365 dagen = {}",
                base,
                Money::from_cents(total)
            ));
            for bonus in bonuses {
                let extra =
                    table.bonus(*bonus).ok_or_else(|| ValuationError::NotInTable(format!("bonus {}", bonus.code())))?;
                let part = fraction(extra);
                lines.push(format!(
                    "bonus {}: {} × {hours}/{full} uur × {d}/365 dagen = {}",
                    bonus.code(),
                    extra,
                    Money::from_cents(part)
                ));
                total += part;
            }
            total
        }
        Contribution::Apprenticeship { training, level, start, end, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate = table
                .training(*training, *level)
                .ok_or_else(|| ValuationError::NotInTable(format!("leerweg {}", training.code())))?;
            let d = days(*start, *end);
            let total = pro_rata(rate.cents(), d, 365);
            lines.push(format!("{} per leerjaar × {d}/365 dagen = {}", rate, Money::from_cents(total)));
            total
        }
        Contribution::WorkExperience { start, end, .. } => {
            if end < start {
                return Err(ValuationError::EndBeforeStart);
            }
            let rate = table
                .work_experience_per_month
                .ok_or_else(|| ValuationError::NotInTable("werkervaringsplaats".to_owned()))?;
            let d = days(*start, *end);
            let total = pro_rata(rate.cents(), 12 * d, 365);
            lines.push(format!("{} per maand × 12 × {d}/365 dagen = {}", rate, Money::from_cents(total)));
            total
        }
        Contribution::Purchase { certificate, invoice, .. } => {
            let share = table
                .purchase_share(*certificate)
                .ok_or_else(|| ValuationError::NotInTable(format!("certificaat {}", certificate.code())))?;
            let total = pro_rata(invoice.cents(), i64::from(share), 100);
            lines.push(format!("{} excl. btw × {share}% = {}", invoice, Money::from_cents(total)));
            total
        }
        Contribution::Other { hours, .. } => {
            let rate =
                table.other_per_hour.ok_or_else(|| ValuationError::NotInTable("overige activiteiten".to_owned()))?;
            let total = rate.cents() * i64::from(*hours);
            lines.push(format!("{hours} uur × {} = {}", rate, Money::from_cents(total)));
            total
        }
    };
    let value = Money::from_cents(cents);
    if lines.len() > 1 {
        lines.push(format!("totaal {value}"));
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
        assert_eq!(v.lines, vec!["€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 181/365 dagen = € 13.223,74"]);
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
        assert_eq!(v.lines[3], "totaal € 17.643,84");
    }

    #[test]
    fn counting_stops_after_the_tables_duration() {
        // Oost-Nederland WW: at most 12 months. 1 March 2025 – 31 December 2026 counts 1 March 2025 – 29 February…
        // 2026 has no 29 February: the period is 1 March 2025 – 28 February 2026, 365 days, full time: € 10.000.
        let c = placement(TargetGroup::Ww, date!(2025 - 03 - 01), date!(2026 - 12 - 31), 36, vec![]);
        let v = value(&oost_nederland(), &c).expect("valued");
        assert_eq!(v.value.cents(), 1_000_000);
        assert!(v.lines[0].contains("telt hoogstens 12 maanden"), "{:?}", v.lines);
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
        assert!(v.lines[0].contains("minimum van 12 uur"));
        let statushouder =
            placement(TargetGroup::Statushouder, date!(2026 - 01 - 01), date!(2026 - 12 - 31), 36, vec![]);
        assert!(matches!(value(&utrecht(), &statushouder), Err(ValuationError::NotInTable(_))));
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
    fn counting_periods_end_the_day_before_the_same_date() {
        assert_eq!(months_later(date!(2025 - 03 - 01), 12), date!(2026 - 02 - 28));
        assert_eq!(months_later(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 28), "clamped to 29 Feb, minus a day");
        assert_eq!(months_later(date!(2025 - 06 - 15), 24), date!(2027 - 06 - 14));
    }
}
