//! Helpers over the texts of the Social return module, among them the translation of the domain's typed
//! calculation lines and valuation errors (`volkshuis_domain::socialreturn::valuation`). The texts themselves are
//! in `i18n/*/social-return.ftl`; the domain's `Display` is the same Dutch.

use super::SocialReturnTexts;
use volkshuis_domain::socialreturn::progress::Standing;
use volkshuis_domain::socialreturn::valuation::{line_date, CalculationLine, Unvalued, ValuationError};
use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};

impl SocialReturnTexts {
    /// The name of a target group.
    pub fn group(&self, group: TargetGroup) -> &'static str {
        match group {
            TargetGroup::Participatiewet => self.group_participatiewet,
            TargetGroup::Doelgroepregister => self.group_doelgroepregister,
            TargetGroup::WiaWao => self.group_wia_wao,
            TargetGroup::Ww => self.group_ww,
            TargetGroup::Statushouder => self.group_statushouder,
            TargetGroup::NoBenefit => self.group_no_benefit,
        }
    }

    /// The name of a bonus.
    pub fn bonus(&self, bonus: Bonus) -> &'static str {
        match bonus {
            Bonus::Age50Plus => self.bonus_age,
            Bonus::Statushouder => self.bonus_statushouder,
            Bonus::LanguageGap => self.bonus_language,
            Bonus::PermanentContract => self.bonus_permanent,
        }
    }

    /// The name of a certificate.
    pub fn certificate(&self, certificate: Certificate) -> &'static str {
        match certificate {
            Certificate::CodeSocialeOndernemingen => self.cert_code_so,
            Certificate::SocialEnterpriseNl => self.cert_se_nl,
            Certificate::PsoAspirant => self.cert_pso_aspirant,
            Certificate::PsoTrede1 => self.cert_pso_1,
            Certificate::PsoTrede2 => self.cert_pso_2,
            Certificate::PsoTrede3 => self.cert_pso_3,
            Certificate::Pso30Plus => self.cert_pso_30plus,
        }
    }

    /// The name of a training route.
    pub fn training(&self, training: Training) -> &'static str {
        match training {
            Training::Bbl => "BBL",
            Training::Bol => "BOL",
        }
    }

    /// The name of a contribution kind (by code).
    pub fn kind(&self, code: &str) -> &'static str {
        match code {
            "placement" => self.kind_placement,
            "apprenticeship" => self.kind_apprenticeship,
            "work_experience" => self.kind_work_experience,
            "purchase" => self.kind_purchase,
            _ => self.kind_other,
        }
    }

    /// A portfolio key: a target group's name, or a contribution kind's.
    pub fn group_or_kind(&self, code: &str) -> &'static str {
        TargetGroup::parse(code).map(|g| self.group(g)).unwrap_or_else(|_| self.kind(code))
    }

    /// The name of a standing.
    pub fn standing(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Fulfilled => self.standing_fulfilled,
            Standing::OnTrack => self.standing_on_track,
            Standing::AtRisk => self.standing_at_risk,
            Standing::Overdue => self.standing_overdue,
        }
    }

    /// One line of a contribution's calculation in this language (a line stored as text before the lines were
    /// typed is shown as it was).
    pub fn calculation_line(&self, line: &CalculationLine) -> String {
        match line {
            CalculationLine::BelowMinimumHours { hours, min } => self.calc_below_minimum(hours, min),
            CalculationLine::CountedMonths { months, start, until, end } => {
                self.calc_counted_months(line_date(*end), i64::from(*months), line_date(*start), line_date(*until))
            }
            CalculationLine::Placement { rate, long_term: false, hours, full, days, value } => {
                self.calc_placement(days, full, hours, rate, value)
            }
            CalculationLine::Placement { rate, long_term: true, hours, full, days, value } => {
                self.calc_placement_long_term(days, full, hours, rate, value)
            }
            CalculationLine::Bonus { bonus, rate, hours, full, days, value } => {
                self.calc_bonus(bonus.code(), days, full, hours, rate, value)
            }
            CalculationLine::Apprenticeship { rate, days, value } => self.calc_apprenticeship(days, rate, value),
            CalculationLine::WorkExperience { rate, days, value } => self.calc_work_experience(days, rate, value),
            CalculationLine::Purchase { invoice, share, value } => self.calc_purchase(invoice, share, value),
            CalculationLine::OtherHours { hours, rate, value } => self.calc_other(hours, rate, value),
            CalculationLine::Total { value } => self.calc_total(value),
            CalculationLine::Legacy(text) => text.clone(),
        }
    }

    /// Why a contribution cannot be valued, in this language.
    pub fn valuation_error(&self, error: &ValuationError) -> String {
        match error {
            ValuationError::NotInTable(what) => self.err_not_in_table(self.unvalued(what)),
            ValuationError::EndBeforeStart => self.err_end_before_start.to_owned(),
        }
    }

    /// What a table has no value for.
    fn unvalued(&self, what: &Unvalued) -> String {
        match what {
            Unvalued::Group(group) => self.unvalued_group(group.code()),
            Unvalued::Bonus(bonus) => self.unvalued_bonus(bonus.code()),
            Unvalued::Training(training) => self.unvalued_training(training.code()),
            Unvalued::WorkExperience => self.unvalued_work_experience.to_owned(),
            Unvalued::Certificate(certificate) => self.unvalued_certificate(certificate.code()),
            Unvalued::OtherActivities => self.unvalued_other.to_owned(),
        }
    }

    /// The name of a reporting cadence.
    pub fn cadence(&self, code: &str) -> &'static str {
        match code {
            "monthly" => self.cadence_monthly,
            "yearly" => self.cadence_yearly,
            _ => self.cadence_quarterly,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use time::macros::date;
    use volkshuis_domain::money::Money;
    use volkshuis_domain::socialreturn::valuation::{CalculationLine, Unvalued, ValuationError};
    use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};

    fn every_line() -> Vec<CalculationLine> {
        let euro = Money::from_cents;
        vec![
            CalculationLine::BelowMinimumHours { hours: 8, min: 12 },
            CalculationLine::CountedMonths {
                months: 12,
                start: date!(2025 - 03 - 01),
                until: date!(2026 - 02 - 28),
                end: date!(2026 - 12 - 31),
            },
            CalculationLine::CountedMonths {
                months: 1,
                start: date!(2025 - 03 - 01),
                until: date!(2025 - 03 - 31),
                end: date!(2025 - 06 - 30),
            },
            CalculationLine::Placement {
                rate: euro(4_000_000),
                long_term: false,
                hours: 24,
                full: 36,
                days: 181,
                value: euro(1_322_374),
            },
            CalculationLine::Placement {
                rate: euro(1_500_000),
                long_term: true,
                hours: 36,
                full: 36,
                days: 365,
                value: euro(1_500_000),
            },
            CalculationLine::Bonus {
                bonus: Bonus::Age50Plus,
                rate: euro(1_000_000),
                hours: 18,
                full: 36,
                days: 184,
                value: euro(252_055),
            },
            CalculationLine::Apprenticeship { rate: euro(3_500_000), days: 365, value: euro(3_500_000) },
            CalculationLine::WorkExperience { rate: euro(75_000), days: 90, value: euro(221_918) },
            CalculationLine::Purchase { invoice: euro(1_850_000), share: 100, value: euro(1_850_000) },
            CalculationLine::OtherHours { hours: 6, rate: euro(10_000), value: euro(60_000) },
            CalculationLine::Total { value: euro(1_764_384) },
        ]
    }

    #[test]
    fn the_dutch_lines_are_the_domains_dutch() {
        let nl = Lang::Nl.socialreturn();
        for line in every_line() {
            assert_eq!(nl.calculation_line(&line), line.to_string());
        }
        let legacy = CalculationLine::Legacy("€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18".into());
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(lang.socialreturn().calculation_line(&legacy), legacy.to_string(), "an old line stays");
        }
        let errors = [
            ValuationError::EndBeforeStart,
            ValuationError::NotInTable(Unvalued::Group(TargetGroup::Statushouder)),
            ValuationError::NotInTable(Unvalued::Bonus(Bonus::LanguageGap)),
            ValuationError::NotInTable(Unvalued::Training(Training::Bol)),
            ValuationError::NotInTable(Unvalued::WorkExperience),
            ValuationError::NotInTable(Unvalued::Certificate(Certificate::Pso30Plus)),
            ValuationError::NotInTable(Unvalued::OtherActivities),
        ];
        for error in errors {
            assert_eq!(nl.valuation_error(&error), error.to_string());
        }
    }

    #[test]
    fn lines_and_errors_read_in_english() {
        let en = Lang::En.socialreturn();
        let lines: Vec<String> = every_line().iter().map(|l| en.calculation_line(l)).collect();
        assert_eq!(lines[0], "8 hours a week is less than the minimum of 12 hours: does not count");
        assert_eq!(
            lines[1],
            "counts for at most 12 months: from 1-3-2025 up to and including 28-2-2026 instead of 31-12-2026"
        );
        assert!(lines[2].starts_with("counts for at most 1 month: "), "{}", lines[2]);
        assert_eq!(lines[3], "€ 40.000,00 per full-time work year × 24/36 hours × 181/365 days = € 13.223,74");
        assert!(lines[4].contains("(long on a benefit)"), "{}", lines[4]);
        assert_eq!(lines[5], "bonus age_50_plus: € 10.000,00 × 18/36 hours × 184/365 days = € 2.520,55");
        assert_eq!(lines[6], "€ 35.000,00 per school year × 365/365 days = € 35.000,00");
        assert_eq!(lines[7], "€ 750,00 per month × 12 × 90/365 days = € 2.219,18");
        assert_eq!(lines[8], "€ 18.500,00 excl. VAT × 100% = € 18.500,00");
        assert_eq!(lines[9], "6 hours × € 100,00 = € 600,00");
        assert_eq!(lines[10], "total € 17.643,84");
        for (english, line) in lines.iter().zip(every_line()) {
            assert_ne!(*english, line.to_string(), "translated");
        }
        assert_eq!(
            en.valuation_error(&ValuationError::NotInTable(Unvalued::Group(TargetGroup::Statushouder))),
            "the valuation table has no value for target group statushouder"
        );
        assert_eq!(en.valuation_error(&ValuationError::EndBeforeStart), "the end date is before the start date");
    }
}
