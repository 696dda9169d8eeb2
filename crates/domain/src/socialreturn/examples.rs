//! Two example tables with the documented values of `shared/design/RULES.md`, labelled as examples with their
//! source and date. Where RULES.md documents no value (PSO shares, a minimum of hours) the examples have none:
//! a buyer adds its own.

use super::table::{JobRate, TrainingRate, ValuationTable};
use super::{Bonus, Certificate, TargetGroup, Training};
use crate::money::Money;
use time::macros::date;

fn euros(n: i64) -> Money {
    Money::from_cents(n * 100)
}

fn job(group: TargetGroup, value: i64, long_term: Option<i64>, counted_months: Option<u32>) -> JobRate {
    JobRate { group, value: euros(value), long_term_value: long_term.map(euros), counted_months }
}

/// Utrecht (the current bouwblokken as documented): a value per full-time job-year, bonuses of € 10,000.
pub fn utrecht() -> ValuationTable {
    ValuationTable {
        name: "Voorbeeld: bouwblokken Utrecht".to_owned(),
        valid_from: date!(2025 - 01 - 01),
        source: "Voorbeeld met de waarden uit RULES.md (Social return, Utrecht, actueel); geen officiële tabel. \
                 Een voltijdbaan is hier op 36 uur gesteld."
            .to_owned(),
        example: true,
        full_time_hours: 36,
        min_hours_per_week: None,
        jobs: vec![
            job(TargetGroup::Participatiewet, 40_000, None, None),
            job(TargetGroup::Doelgroepregister, 50_000, None, None),
            job(TargetGroup::WiaWao, 40_000, None, None),
            job(TargetGroup::Ww, 20_000, None, None),
            job(TargetGroup::NoBenefit, 10_000, None, None),
        ],
        bonuses: [Bonus::Age50Plus, Bonus::Statushouder, Bonus::LanguageGap, Bonus::PermanentContract]
            .iter()
            .map(|b| (*b, euros(10_000)))
            .collect(),
        training: vec![
            TrainingRate { training: Training::Bbl, level: None, value: euros(35_000) },
            TrainingRate { training: Training::Bol, level: None, value: euros(20_000) },
        ],
        work_experience_per_month: None,
        other_per_hour: None,
        purchase_shares: vec![(Certificate::CodeSocialeOndernemingen, 100)],
        obligation_threshold: euros(200_000),
        obligation_basis_points: 500,
    }
}

/// Oost-Nederland 2023: higher values for people long on a benefit, counting limits, work-experience places.
pub fn oost_nederland() -> ValuationTable {
    ValuationTable {
        name: "Voorbeeld: bouwblokken Oost-Nederland 2023".to_owned(),
        valid_from: date!(2023 - 01 - 01),
        source: "Voorbeeld met de waarden uit RULES.md (Social return, Oost-Nederland 2023; aandeel Social \
                 Enterprise NL uit Twente); geen officiële tabel. Een voltijdbaan is hier op 36 uur gesteld."
            .to_owned(),
        example: true,
        full_time_hours: 36,
        min_hours_per_week: None,
        jobs: vec![
            job(TargetGroup::Participatiewet, 30_000, Some(40_000), Some(24)),
            job(TargetGroup::Doelgroepregister, 40_000, None, None),
            job(TargetGroup::Ww, 10_000, Some(15_000), Some(12)),
        ],
        bonuses: Vec::new(),
        training: Vec::new(),
        work_experience_per_month: Some(euros(750)),
        other_per_hour: None,
        purchase_shares: vec![(Certificate::CodeSocialeOndernemingen, 100), (Certificate::SocialEnterpriseNl, 50)],
        obligation_threshold: euros(200_000),
        obligation_basis_points: 500,
    }
}
