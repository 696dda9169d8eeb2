//! Names of Nazorg's domain values (`volkshuis_domain::nazorg`) in the user's language; the texts are in
//! `i18n/*/nazorg.ftl`.

use super::NazorgTexts;
use volkshuis_domain::nazorg::buyback::BuybackProblem;
use volkshuis_domain::nazorg::checks::{CheckAnswers, CheckState, Maintenance, VveParticipation};
use volkshuis_domain::nazorg::sale::{SaleCondition, SaleProblem, ValueKind};

impl NazorgTexts {
    /// "3 en 6", "3, 6 en 10", "6": the years of the checks as a sentence names them (the settings' form keeps
    /// "3, 6").
    pub fn years_in_words(&self, years: &[u32]) -> String {
        let words: Vec<String> = years.iter().map(u32::to_string).collect();
        match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), self.word_and),
            _ => words.concat(),
        }
    }

    /// The name of a check's state.
    pub fn check_state(&self, state: CheckState) -> &'static str {
        match state {
            CheckState::Planned => self.check_planned,
            CheckState::Open => self.check_open,
            CheckState::Overdue => self.check_overdue,
            CheckState::DoneOnTime => self.check_done_on_time,
            CheckState::DoneLate => self.check_done_late,
            CheckState::Lapsed => self.check_lapsed,
        }
    }

    /// The conditions of a sale.
    pub fn condition(&self, condition: SaleCondition) -> &'static str {
        match condition {
            SaleCondition::None => self.condition_none,
            SaleCondition::Koopgarant => self.condition_koopgarant,
            SaleCondition::OtherDiscount => self.condition_other,
        }
    }

    /// Which value the price is compared with.
    pub fn value_kind(&self, kind: ValueKind) -> &'static str {
        match kind {
            ValueKind::Woz => self.value_woz,
            ValueKind::Appraisal => self.value_appraisal,
        }
    }

    /// Why the sale's terms were refused.
    pub fn sale_problem(&self, problem: SaleProblem) -> &'static str {
        match problem {
            SaleProblem::PriceNotPositive | SaleProblem::ValueNotPositive => self.err_amount,
            SaleProblem::DiscountRequired => self.err_discount_required,
            SaleProblem::DiscountOutOfRange => self.err_discount_range,
            SaleProblem::ShareRequired => self.err_share_required,
            SaleProblem::ShareOutOfRange => self.err_percent,
            SaleProblem::NoDiscountWithoutCondition => self.err_no_discount_without_condition,
            SaleProblem::DiscountDoesNotMatchPrice => self.err_discount_price,
        }
    }

    /// Why the buy-back's figures were refused.
    pub fn buyback_problem(&self, problem: BuybackProblem) -> &'static str {
        match problem {
            BuybackProblem::ValueNotPositive => self.err_amount,
            BuybackProblem::ImprovementsNegative => self.err_improvements,
            BuybackProblem::ShareOutOfRange => self.err_percent,
        }
    }

    /// The state of maintenance.
    pub fn maintenance(&self, m: Maintenance) -> &'static str {
        match m {
            Maintenance::Good => self.maintenance_good,
            Maintenance::Fair => self.maintenance_fair,
            Maintenance::Poor => self.maintenance_poor,
        }
    }

    /// The owner's part in the VvE.
    pub fn participation(&self, p: VveParticipation) -> &'static str {
        match p {
            VveParticipation::Active => self.participation_active,
            VveParticipation::Passive => self.participation_passive,
            VveParticipation::None => self.participation_none,
            VveParticipation::NoVve => self.participation_no_vve,
        }
    }

    /// A done check in one line.
    pub fn check_summary(&self, a: &CheckAnswers) -> String {
        let mut parts = vec![
            format!("{}: {}", self.field_maintenance, self.maintenance(a.maintenance)),
            format!("{}: {}", self.field_participation, self.participation(a.vve_participation)),
        ];
        if a.payment_problems {
            parts.push(self.summary_payment_problems.to_owned());
        }
        if a.wish_to_sell_back {
            parts.push(self.summary_sell_back.to_owned());
        }
        parts.join(" · ")
    }

    /// The platform's default talk checklist in this language (the domain's `default_checklist`, item by item), shown
    /// while the corporation has not saved a version of its own.
    pub fn default_checklist(&self) -> Vec<String> {
        [self.default_item_1, self.default_item_2, self.default_item_3, self.default_item_4, self.default_item_5]
            .map(str::to_owned)
            .to_vec()
    }

    /// The notice after a step, by its key in the query.
    pub fn notice(&self, key: &str) -> Option<&'static str> {
        Some(match key {
            "sale_recorded" => self.notice_sale_recorded,
            "coach_assigned" => self.notice_coach_assigned,
            "coach_unchanged" => self.notice_coach_unchanged,
            "log_added" => self.notice_log_added,
            "talk_recorded" => self.notice_talk_recorded,
            "check_recorded" => self.notice_check_recorded,
            "action_added" => self.notice_action_added,
            "action_done" => self.notice_action_done,
            "buyback_recorded" => self.notice_buyback_recorded,
            "saved" => self.notice_saved,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, NazorgTexts};

    #[test]
    fn the_default_checklist_has_the_domains_items_in_every_language() {
        let domain = volkshuis_domain::nazorg::talk::default_checklist();
        assert_eq!(NazorgTexts::of(Lang::Nl).default_checklist(), domain, "Dutch is the domain's own text");
        assert_eq!(NazorgTexts::of(Lang::En).default_checklist().len(), domain.len());
    }
}
