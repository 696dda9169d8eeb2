//! Helpers over the texts of the Overleg module. Legal rules next to deadlines come from the domain in Dutch, the language of the law. The texts themselves are in `i18n/*/overleg.ftl`.

use super::OverlegTexts;
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind, Subject};

impl OverlegTexts {
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

    /// The name of a decision.
    pub fn decision_name(&self, decision: Decision) -> &'static str {
        match decision {
            Decision::Followed => self.decision_followed,
            Decision::PartlyFollowed => self.decision_partly,
            Decision::NotFollowed => self.decision_not,
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
