//! Helpers over the texts of the Overleg module, among them the translation of the domain's typed legal rules next
//! to the deadlines (`volkshuis_domain::overleg::Rule`; law names and article references stay Dutch). The texts
//! themselves are in `i18n/*/overleg.ftl`; the domain's `Display` is the same Dutch.

use super::OverlegTexts;
use volkshuis_domain::calendar::{DayOff, Extension, Holiday, Undecreed};
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::{AnswerKind, Deadline, Decision, RequestKind, Rule, Subject};

impl OverlegTexts {
    /// A deadline's date, marked "nog niet vastgesteld" when a decree still to come may move it, or "geen
    /// gelijkstellingsbesluit bekend" in a year before the first decree the platform knows; the case pages and the
    /// notices both show it so.
    pub fn deadline_date(&self, deadline: &Deadline) -> String {
        self.marked_date(deadline.date, deadline.provisional)
    }

    /// `date` with the mark of [`Self::deadline_date`] for `provisional`.
    pub fn marked_date(&self, date: time::Date, provisional: Option<Undecreed>) -> String {
        let shown = super::show_date(date);
        match provisional {
            None => shown,
            Some(Undecreed::NotYet) => self.deadline_provisional(shown),
            Some(Undecreed::Unknown) => self.deadline_no_decree(shown),
        }
    }

    /// The name of a request kind.
    pub fn kind(&self, kind: RequestKind) -> &'static str {
        match kind {
            RequestKind::Information => self.kind_information,
            RequestKind::Advice => self.kind_advice,
            RequestKind::Consent => self.kind_consent,
            RequestKind::View => self.kind_view,
        }
    }

    /// The name of a subject.
    pub fn subject(&self, subject: Subject) -> &'static str {
        match subject {
            Subject::Maintenance => self.subject_maintenance,
            Subject::DemolitionRenovationSale => self.subject_demolition,
            Subject::Allocation => self.subject_allocation,
            Subject::RentPolicy => self.subject_rent,
            Subject::ServicePackage => self.subject_service_package,
            Subject::ServiceCosts => self.subject_service_costs,
            Subject::Merger => self.subject_merger,
            Subject::Liveability => self.subject_liveability,
            Subject::HousingForCare => self.subject_care,
            Subject::Other => self.subject_other,
        }
    }

    /// The name of an answer.
    pub fn answer_name(&self, answer: AnswerKind) -> &'static str {
        match answer {
            AnswerKind::Advice => self.answer_advice,
            AnswerKind::NoObjection => self.answer_no_objection,
            AnswerKind::ConsentGiven => self.answer_consent_given,
            AnswerKind::ConsentWithConditions => self.answer_consent_conditions,
            AnswerKind::ConsentRefused => self.answer_consent_refused,
            AnswerKind::View => self.answer_view,
        }
    }

    /// The name of a decision on the answer to a request of `kind`: on a view (zienswijze) it is the view that is
    /// followed, not an advice.
    pub fn decision_name(&self, decision: Decision, kind: RequestKind) -> &'static str {
        match (decision, kind == RequestKind::View) {
            (Decision::Followed, false) => self.decision_followed,
            (Decision::PartlyFollowed, false) => self.decision_partly,
            (Decision::NotFollowed, false) => self.decision_not,
            (Decision::Followed, true) => self.decision_view_followed,
            (Decision::PartlyFollowed, true) => self.decision_view_partly,
            (Decision::NotFollowed, true) => self.decision_view_not,
        }
    }

    /// The name of a stage.
    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Informed => self.stage_informed,
            Stage::AwaitingAnswer => self.stage_awaiting_answer,
            Stage::AwaitingDecision => self.stage_awaiting_decision,
            Stage::Closed => self.stage_closed,
        }
    }

    /// The name of a trail step (its stored code, or the code itself when unknown).
    pub fn step(&self, code: &str) -> String {
        match code {
            "sent" => self.step_sent,
            "received" => self.step_received,
            "opened" => self.step_opened,
            "commented" => self.step_commented,
            "asked" => self.step_asked,
            "question_answered" => self.step_question_answered,
            "answered" => self.step_answered,
            "answer_withdrawn" => self.step_answer_withdrawn,
            "decided" => self.step_decided,
            "document" => self.step_document,
            other => return other.to_owned(),
        }
        .to_owned()
    }

    /// The name of a budget category (by code).
    pub fn category(&self, code: &str) -> &'static str {
        match code {
            "training" => self.cat_training,
            "experts" => self.cat_experts,
            "meetings" => self.cat_meetings,
            "communication" => self.cat_communication,
            "memberships" => self.cat_memberships,
            _ => self.cat_other,
        }
    }

    /// The rule behind a deadline, with how the Algemene termijnenwet moved its end, in this language.
    pub fn rule(&self, rule: &Rule) -> String {
        let term = match rule {
            Rule::AdviceTerm { .. } => self.rule_advice_term.to_owned(),
            Rule::AgreedAdviceTerm { weeks, .. } => self.rule_agreed_advice_term(weeks),
            Rule::RequestedTerm { weeks } => self.rule_requested_term(weeks),
            Rule::ReplyTerm { .. } => self.rule_reply_term.to_owned(),
            Rule::ExecutionAfterReply { .. } => self.rule_execution_term.to_owned(),
            Rule::BudgetAccountTerm { .. } => self.rule_budget_term.to_owned(),
            Rule::AdviceTermEnded => self.rule_advice_term_ended.to_owned(),
            Rule::AdviceTermEndedBeforeAdvice => self.rule_advice_term_ended_before_advice.to_owned(),
            Rule::NoObjection => self.rule_no_objection.to_owned(),
            Rule::ConsentGiven => self.rule_consent_given.to_owned(),
            Rule::ConsentWithConditions => self.rule_consent_conditions.to_owned(),
            Rule::AdviceFollowed => self.rule_advice_followed.to_owned(),
        };
        let mut parts = vec![term];
        match rule.extension() {
            Extension::None => {}
            Extension::NonWorkingLastDay(day) => parts.push(self.rule_non_working_day(self.day_off(day))),
            Extension::TwoWorkingDays => parts.push(self.rule_two_working_days.to_owned()),
        }
        if let Rule::ExecutionAfterReply { .. } = rule {
            parts.push(self.rule_execution_next_day.to_owned());
        }
        parts.join("; ")
    }

    /// A day that does not count for a term: Saturday, Sunday or a holiday.
    pub fn day_off(&self, day: DayOff) -> &'static str {
        match day {
            DayOff::Saturday => self.day_off_saturday,
            DayOff::Sunday => self.day_off_sunday,
            DayOff::Decreed => self.day_off_decreed,
            DayOff::Holiday(holiday) => match holiday {
                Holiday::NewYearsDay => self.holiday_new_years_day,
                Holiday::GoodFriday => self.holiday_good_friday,
                Holiday::EasterMonday => self.holiday_easter_monday,
                Holiday::KingsDay => self.holiday_kings_day,
                Holiday::LiberationDay => self.holiday_liberation_day,
                Holiday::AscensionDay => self.holiday_ascension_day,
                Holiday::WhitMonday => self.holiday_whit_monday,
                Holiday::ChristmasDay => self.holiday_christmas_day,
                Holiday::BoxingDay => self.holiday_boxing_day,
            },
        }
    }

    /// "n days left", "today" or "n days late".
    pub fn days(&self, days_left: i64) -> String {
        match days_left {
            0 => self.due_today.to_owned(),
            n if n > 0 => self.days_left(n),
            n => self.days_late(-n),
        }
    }
}

/// The budget categories' codes, in the order forms list them.
pub const BUDGET_CATEGORIES: [&str; 6] = ["training", "experts", "meetings", "communication", "memberships", "other"];

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use volkshuis_domain::calendar::{DayOff, Extension, Holiday};
    use volkshuis_domain::overleg::Rule;

    /// Every rule, with every kind of extension where the rule is a term.
    fn every_rule() -> Vec<Rule> {
        let mut extensions = vec![Extension::None, Extension::TwoWorkingDays];
        extensions.push(Extension::NonWorkingLastDay(DayOff::Saturday));
        extensions.push(Extension::NonWorkingLastDay(DayOff::Sunday));
        extensions.push(Extension::NonWorkingLastDay(DayOff::Decreed));
        extensions.extend(Holiday::ALL.map(|h| Extension::NonWorkingLastDay(DayOff::Holiday(h))));
        let mut rules = vec![
            Rule::AdviceTermEnded,
            Rule::NoObjection,
            Rule::ConsentGiven,
            Rule::ConsentWithConditions,
            Rule::AdviceFollowed,
        ];
        for extension in extensions {
            rules.extend([
                Rule::AdviceTerm { extension },
                Rule::AgreedAdviceTerm { weeks: 8, extension },
                Rule::ReplyTerm { extension },
                Rule::ExecutionAfterReply { extension },
                Rule::BudgetAccountTerm { extension },
            ]);
        }
        rules
    }

    #[test]
    fn the_dutch_rules_are_the_domains_dutch() {
        let nl = Lang::Nl.overleg();
        for rule in every_rule() {
            assert_eq!(nl.rule(&rule), rule.to_string(), "{rule:?}");
        }
    }

    #[test]
    fn rules_read_in_english_with_the_dutch_law_names() {
        let en = Lang::En.overleg();
        let liberation = Extension::NonWorkingLastDay(DayOff::Holiday(Holiday::LiberationDay));
        assert_eq!(
            en.rule(&Rule::AdviceTerm { extension: liberation }),
            "6 weeks after receipt (art. 5 Overlegwet); ends on Liberation Day (5 May), so on the next working day \
             (art. 1 Algemene termijnenwet)"
        );
        assert_eq!(
            en.rule(&Rule::ExecutionAfterReply { extension: Extension::TwoWorkingDays }),
            "3 days after receipt of the reasoned reply (art. 5 lid 4 Overlegwet); extended until it includes two \
             working days (art. 2 Algemene termijnenwet); the plan may be carried out from the day after"
        );
        assert_eq!(en.rule(&Rule::AdviceTermEnded), "the term ended without advice (art. 5 lid 4 onder b Overlegwet)");
        assert_eq!(
            en.rule(&Rule::AgreedAdviceTerm { weeks: 8, extension: Extension::NonWorkingLastDay(DayOff::Sunday) }),
            "8 weeks after receipt, as agreed (art. 5 Overlegwet: at least 6 weeks); ends on a Sunday, so on the next \
             working day (art. 1 Algemene termijnenwet)"
        );
        for rule in every_rule() {
            let (english, dutch) = (en.rule(&rule), rule.to_string());
            assert_ne!(english, dutch, "{rule:?} is translated");
            assert!(
                !english.contains("weken") && !english.contains("dagen") && !english.contains("eindigt"),
                "{english}"
            );
        }
    }

    #[test]
    fn day_counts_read_naturally() {
        let t = Lang::Nl.overleg();
        assert_eq!(t.days(0), "vandaag");
        assert_eq!(t.days(1), "nog 1 dag");
        assert_eq!(t.days(12), "nog 12 dagen");
        assert_eq!(t.days(-3), "3 dagen over de termijn");
        assert_eq!(Lang::En.overleg().days(5), "5 days left");
    }
}
