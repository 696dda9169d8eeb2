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

    /// The name of a bonus inside a sentence: its first letter in lower case ("bonus vast contract: …").
    fn bonus_in_sentence(&self, bonus: Bonus) -> String {
        let name = self.bonus(bonus);
        let mut chars = name.chars();
        chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
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
            CalculationLine::ContractPeriod { start, end, from, until } => {
                self.calc_contract_period(line_date(*end), line_date(*from), line_date(*start), line_date(*until))
            }
            CalculationLine::OutsideContract { from, until } => {
                self.calc_outside_contract(line_date(*from), line_date(*until))
            }
            CalculationLine::OneBonus { counted, dropped } => {
                self.calc_one_bonus(self.bonus_in_sentence(*counted), self.bonus_in_sentence(*dropped))
            }
            CalculationLine::Placement { rate, long_term: false, hours, full, months, value } => {
                self.calc_placement(full, hours, months, rate, value)
            }
            CalculationLine::Placement { rate, long_term: true, hours, full, months, value } => {
                self.calc_placement_long_term(full, hours, months, rate, value)
            }
            CalculationLine::Bonus { bonus, rate, hours, full, months, value } => {
                self.calc_bonus(self.bonus_in_sentence(*bonus), full, hours, months, rate, value)
            }
            CalculationLine::Apprenticeship { rate, months, value } => self.calc_apprenticeship(months, rate, value),
            CalculationLine::WorkExperience { rate, months, value } => {
                self.calc_work_experience(months.plural_count(), months, rate, value)
            }
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
            ValuationError::OutsideContract(period) => {
                self.err_outside_contract(line_date(period.start), line_date(period.end))
            }
        }
    }

    /// What a table has no value for.
    fn unvalued(&self, what: &Unvalued) -> String {
        match what {
            // By name, as the form offers them (the code, "pso_aspirant", meant nothing to a supplier).
            Unvalued::Group(group) => self.unvalued_group(self.group(*group)),
            Unvalued::Bonus(bonus) => self.unvalued_bonus(self.bonus(*bonus)),
            Unvalued::Training(training) => self.unvalued_training(self.training(*training)),
            Unvalued::WorkExperience => self.unvalued_work_experience.to_owned(),
            Unvalued::Certificate(certificate) => self.unvalued_certificate(self.certificate(*certificate)),
            Unvalued::OtherActivities => self.unvalued_other.to_owned(),
        }
    }

    /// Why a stored value was changed (a reason key of the store's re-valuation).
    pub fn value_change_reason(&self, reason: &str) -> &'static str {
        match reason {
            volkshuis_store::socialreturn::REASON_MONTHS_AND_PERIOD => self.reason_months_and_period,
            volkshuis_store::socialreturn::REASON_COUNTED_MONTHS_END => self.reason_counted_months_end,
            _ => self.reason_other,
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
    use volkshuis_domain::socialreturn::months::{MonthShare, PartMonth};
    use volkshuis_domain::socialreturn::valuation::{CalculationLine, Period, Unvalued, ValuationError};
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
                months: MonthShare { whole: 6, parts: vec![] },
                value: euro(1_333_333),
            },
            CalculationLine::Placement {
                rate: euro(1_500_000),
                long_term: true,
                hours: 36,
                full: 36,
                months: MonthShare { whole: 12, parts: vec![] },
                value: euro(1_500_000),
            },
            CalculationLine::Bonus {
                bonus: Bonus::Age50Plus,
                rate: euro(1_000_000),
                hours: 18,
                full: 36,
                months: MonthShare { whole: 5, parts: vec![PartMonth { days: 10, of: 31 }] },
                value: euro(221_774),
            },
            CalculationLine::Apprenticeship {
                rate: euro(3_500_000),
                months: MonthShare { whole: 12, parts: vec![] },
                value: euro(3_500_000),
            },
            CalculationLine::WorkExperience {
                rate: euro(75_000),
                months: MonthShare { whole: 3, parts: vec![] },
                value: euro(225_000),
            },
            CalculationLine::Purchase { invoice: euro(1_850_000), share: 100, value: euro(1_850_000) },
            CalculationLine::OtherHours { hours: 6, rate: euro(10_000), value: euro(60_000) },
            CalculationLine::Total { value: euro(1_764_384) },
            CalculationLine::ContractPeriod {
                start: date!(2026 - 07 - 01),
                end: date!(2028 - 06 - 30),
                from: date!(2026 - 07 - 01),
                until: date!(2027 - 12 - 31),
            },
            CalculationLine::OutsideContract { from: date!(2025 - 01 - 01), until: date!(2027 - 12 - 31) },
            CalculationLine::OneBonus { counted: Bonus::Statushouder, dropped: Bonus::LanguageGap },
            CalculationLine::WorkExperience {
                rate: euro(75_000),
                months: MonthShare { whole: 1, parts: vec![] },
                value: euro(75_000),
            },
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
            ValuationError::OutsideContract(Period { start: date!(2025 - 01 - 01), end: date!(2027 - 12 - 31) }),
            ValuationError::NotInTable(Unvalued::Group(TargetGroup::Statushouder)),
            ValuationError::NotInTable(Unvalued::Bonus(Bonus::LanguageGap)),
            ValuationError::NotInTable(Unvalued::Training(Training::Bol)),
            ValuationError::NotInTable(Unvalued::WorkExperience),
            ValuationError::NotInTable(Unvalued::Certificate(Certificate::Pso30Plus)),
            ValuationError::NotInTable(Unvalued::OtherActivities),
        ];
        // The same words as the domain's, but what a table lacks is named as the form names it, not by its code.
        for error in errors {
            match &error {
                ValuationError::NotInTable(_) => assert!(!nl.valuation_error(&error).contains('_'), "{error}"),
                _ => assert_eq!(nl.valuation_error(&error), error.to_string()),
            }
        }
        assert_eq!(
            nl.valuation_error(&ValuationError::NotInTable(Unvalued::Certificate(Certificate::Pso30Plus))),
            format!(
                "de waarderingstabel kent geen waarde voor certificaat „{}”",
                nl.certificate(Certificate::Pso30Plus)
            )
        );
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
        assert_eq!(lines[3], "€ 40.000,00 per full-time work year × 24/36 hours × 6/12 months = € 13.333,33");
        assert!(lines[4].contains("(long on a benefit)"), "{}", lines[4]);
        assert_eq!(lines[5], "bonus aged 50 or over: € 10.000,00 × 18/36 hours × (5 + 10/31)/12 months = € 2.217,74");
        assert_eq!(lines[6], "€ 35.000,00 per school year × 12/12 months = € 35.000,00");
        assert_eq!(lines[7], "€ 750,00 per month × 3 months = € 2.250,00");
        assert_eq!(lines[8], "€ 18.500,00 excl. VAT × 100% = € 18.500,00");
        assert_eq!(lines[9], "6 hours × € 100,00 = € 600,00");
        assert_eq!(lines[10], "total € 17.643,84");
        assert_eq!(
            lines[11],
            "counts only within the contract period: from 1-7-2026 up to and including 31-12-2027 \
             (reported: 1-7-2026 up to and including 30-6-2028)"
        );
        assert_eq!(
            lines[12],
            "falls outside the contract period (1-1-2025 up to and including 31-12-2027): does not count"
        );
        assert_eq!(
            lines[13],
            "refugee with residence permit and language gap together are one bonus: refugee with residence permit counts, \
             language gap does not"
        );
        assert_eq!(lines[14], "€ 750,00 per month × 1 month = € 750,00");
        for (english, line) in lines.iter().zip(every_line()) {
            assert_ne!(*english, line.to_string(), "translated");
        }
        assert_eq!(
            en.valuation_error(&ValuationError::NotInTable(Unvalued::Group(TargetGroup::Statushouder))),
            "the valuation table has no value for target group “Refugee with residence permit”"
        );
        assert_eq!(en.valuation_error(&ValuationError::EndBeforeStart), "the end date is before the start date");
    }
}
