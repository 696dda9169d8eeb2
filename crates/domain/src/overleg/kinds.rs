//! What a corporation asks of a tenant organisation, about what, and how it can be answered and decided.

use crate::coded_enum;

coded_enum! {
    /// What the landlord asks of the tenant organisation.
    pub enum RequestKind {
        /// Information on the landlord's own initiative (art. 3–4): no answer required.
        Information = "information",
        /// A request for advice (art. 5): at least six weeks.
        Advice = "advice",
        /// A request for consent (art. 5a): only for service-cost policy.
        Consent = "consent",
        /// A request for a view (zienswijze), e.g. on a merger (Woningwet).
        View = "view",
    }
}

coded_enum! {
    /// The Overlegwet subject list.
    pub enum Subject {
        /// Maintenance and improvement.
        Maintenance = "maintenance",
        /// Demolition, renovation, acquisition, sale and encumbrance.
        DemolitionRenovationSale = "demolition_renovation_sale",
        /// Allocation and letting policy.
        Allocation = "allocation",
        /// Standard lease terms and rent policy.
        RentPolicy = "rent_policy",
        /// The service package.
        ServicePackage = "service_package",
        /// Service costs and individually metered utilities.
        ServiceCosts = "service_costs",
        /// Mergers.
        Merger = "merger",
        /// Liveability and restructuring.
        Liveability = "liveability",
        /// Housing for elderly, disabled and people in need of care.
        HousingForCare = "housing_for_care",
        /// Anything else.
        Other = "other",
    }
}

coded_enum! {
    /// The tenant organisation's answer.
    pub enum AnswerKind {
        /// A written advice (art. 5).
        Advice = "advice",
        /// A written statement that it has no objection (art. 5 lid 4 a): the plan may go ahead.
        NoObjection = "no_objection",
        /// Consent given (art. 5a).
        ConsentGiven = "consent_given",
        /// Consent given under conditions.
        ConsentWithConditions = "consent_conditions",
        /// Consent refused.
        ConsentRefused = "consent_refused",
        /// A view (zienswijze).
        View = "view",
    }
}

coded_enum! {
    /// The corporation's decision on an advice or view.
    pub enum Decision {
        /// The advice is followed.
        Followed = "followed",
        /// The advice is partly followed: a reasoned written reply is due.
        PartlyFollowed = "partly_followed",
        /// The advice is not followed: a reasoned written reply is due.
        NotFollowed = "not_followed",
    }
}

impl RequestKind {
    /// Whether the organisation is asked to answer (everything but information).
    pub fn expects_answer(self) -> bool {
        self != RequestKind::Information
    }

    /// The answers that fit this kind of request.
    pub fn answers(self) -> &'static [AnswerKind] {
        match self {
            RequestKind::Information => &[],
            RequestKind::Advice => &[AnswerKind::Advice, AnswerKind::NoObjection],
            RequestKind::Consent => {
                &[AnswerKind::ConsentGiven, AnswerKind::ConsentWithConditions, AnswerKind::ConsentRefused]
            }
            RequestKind::View => &[AnswerKind::View, AnswerKind::NoObjection],
        }
    }
}

impl AnswerKind {
    /// Whether the answer needs a written text (a no-objection or plain consent may stand alone).
    pub fn needs_text(self) -> bool {
        matches!(self, AnswerKind::Advice | AnswerKind::View | AnswerKind::ConsentWithConditions)
    }

    /// Whether the corporation must decide on it (follow the advice or not).
    pub fn needs_decision(self) -> bool {
        matches!(self, AnswerKind::Advice | AnswerKind::View)
    }
}

impl Decision {
    /// Whether the corporation owes a reasoned written reply (art. 5 lid 3).
    pub fn needs_reply(self) -> bool {
        self != Decision::Followed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextError;

    #[test]
    fn codes_round_trip() {
        for kind in RequestKind::ALL {
            assert_eq!(RequestKind::parse(kind.code()), Ok(*kind));
        }
        for subject in Subject::ALL {
            assert_eq!(Subject::parse(&format!(" {} ", subject.code())), Ok(*subject));
        }
        assert_eq!(AnswerKind::parse(""), Err(TextError::Required));
        assert_eq!(Decision::parse("maybe"), Err(TextError::Format));
    }

    #[test]
    fn answers_fit_the_request() {
        assert!(RequestKind::Information.answers().is_empty());
        assert!(RequestKind::Advice.answers().contains(&AnswerKind::NoObjection));
        assert!(!RequestKind::Advice.answers().contains(&AnswerKind::ConsentGiven));
        assert!(RequestKind::Consent.answers().iter().all(|a| !a.needs_decision()));
        assert!(AnswerKind::Advice.needs_text() && !AnswerKind::NoObjection.needs_text());
        assert!(Decision::NotFollowed.needs_reply() && !Decision::Followed.needs_reply());
    }
}
