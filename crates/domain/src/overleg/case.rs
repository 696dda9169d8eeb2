//! Where an overleg case stands, what may happen next, who is late, and from when the corporation may carry out
//! its plan (art. 5 lid 4 Overlegwet). Pure functions of the case's dates; the store keeps the facts.

use super::deadlines::{
    advice_deadline, may_execute_from, reply_deadline, requested_deadline, Deadline, RequestError, Rule,
};
use super::kinds::{AnswerKind, Decision, RequestKind};
use crate::calendar::TermCalendar;
use time::{Date, Duration};

/// The facts of a case that the rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    /// What was asked.
    pub kind: RequestKind,
    /// The day the organisation received the request.
    pub received: Date,
    /// A longer advice term the parties agreed on, in weeks.
    pub agreed_weeks: Option<u32>,
    /// The organisation's answer and the day the corporation received it.
    pub answer: Option<(AnswerKind, Date)>,
    /// The corporation's decision and the day the organisation received it (with the reasoned reply, if one is due).
    pub decision: Option<(Decision, Date)>,
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Information only; nothing is asked.
    Informed,
    /// Waiting for the organisation's answer.
    AwaitingAnswer,
    /// Advice or view received; waiting for the corporation's decision.
    AwaitingDecision,
    /// Nothing more is due.
    Closed,
}

impl Stage {
    /// A stable code for storage and styling.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Informed => "informed",
            Stage::AwaitingAnswer => "awaiting_answer",
            Stage::AwaitingDecision => "awaiting_decision",
            Stage::Closed => "closed",
        }
    }
}

/// Why a step is not possible now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    /// An information case asks for no answer.
    #[error("op informatie hoeft niet te worden geantwoord")]
    NoAnswerExpected,
    /// The case was answered already.
    #[error("er is al geantwoord")]
    AlreadyAnswered,
    /// The case is closed.
    #[error("de zaak is afgesloten")]
    Closed,
    /// The answer does not fit the request (consent on an advice request, say).
    #[error("dit antwoord past niet bij dit soort verzoek")]
    AnswerDoesNotFit,
    /// An advice, view or conditional consent needs its text.
    #[error("schrijf het advies, de zienswijze of de voorwaarden uit")]
    TextRequired,
    /// Nothing to decide (yet).
    #[error("er is (nog) geen advies of zienswijze om over te besluiten")]
    NothingToDecide,
    /// Not (fully) following an advice needs the reasoned reply.
    #[error("geef een schriftelijke, gemotiveerde reactie (art. 5 lid 3 Overlegwet)")]
    ReplyRequired,
    /// The answer can no longer be withdrawn: its window passed, or the corporation decided on it.
    #[error("het antwoord kan niet meer worden gecorrigeerd")]
    CorrectionClosed,
    /// There is no answer to withdraw: none was sent, or it was withdrawn already (a reload of the withdrawal).
    #[error("er is geen antwoord om in te trekken")]
    NothingToWithdraw,
}

/// How long after sending its answer the organisation may withdraw it to correct a mistake. A day: long enough for
/// a board member who tapped the wrong answer on a phone, or a second board member reading it that evening, to
/// notice; short enough that the corporation can rely on an answer soon (it may act on consent or no objection at
/// once, art. 5 lid 4 and 5a), and it sees the withdrawal in the trail.
pub const CORRECTION_WINDOW: time::Duration = time::Duration::hours(24);

/// From when the corporation may carry out its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Execution {
    /// Not a question for an information case.
    NotApplicable,
    /// Not yet: the corporation has to decide on the advice first.
    AwaitingDecision,
    /// From this day, by this rule.
    From(Deadline),
    /// Only if the answer does not come in time: from this day.
    WithoutAnswerFrom(Deadline),
    /// Not without the organisation's consent (art. 5a); a dispute goes to the Huurcommissie.
    NotWithoutConsent,
}

impl CaseFacts {
    /// Where the case stands.
    pub fn stage(&self) -> Stage {
        match (self.kind.expects_answer(), self.answer, self.decision) {
            (false, _, _) => Stage::Informed,
            (true, None, _) => Stage::AwaitingAnswer,
            (true, Some((answer, _)), None) if answer.needs_decision() => Stage::AwaitingDecision,
            _ => Stage::Closed,
        }
    }

    /// The organisation's last day to answer, with its rule; `None` for information. Only advice has a term in law
    /// (art. 5); for consent and a view it is the day the corporation asks for.
    pub fn answer_deadline(&self, cal: &TermCalendar) -> Result<Option<Deadline>, RequestError> {
        match self.kind {
            RequestKind::Information => Ok(None),
            RequestKind::Advice => advice_deadline(cal, self.received, self.agreed_weeks).map(Some),
            RequestKind::Consent | RequestKind::View => requested_deadline(self.received, self.agreed_weeks).map(Some),
        }
    }

    /// The end of the advice term, when the advice came in after it: the landlord could carry out its plan from the
    /// day after (art. 5 lid 4 onder b), and owes no reasoned reply within 14 days on an advice the term had left
    /// behind. `None` for an advice in time, and for any other case.
    pub fn advice_after_term(&self, cal: &TermCalendar) -> Option<Deadline> {
        self.answer_after_term(cal).filter(|_| matches!(self.answer, Some((AnswerKind::Advice, _))))
    }

    /// The end of the advice term, when the organisation answered an advice request (an advice, or no objection)
    /// after it: the plan was free from the day after the term, and the answer does not move that day later.
    fn answer_after_term(&self, cal: &TermCalendar) -> Option<Deadline> {
        let (RequestKind::Advice, Some((_, on))) = (self.kind, self.answer) else { return None };
        advice_deadline(cal, self.received, self.agreed_weeks).ok().filter(|term| term.date < on)
    }

    /// The corporation's last day for its decision and reasoned reply (art. 5 lid 3), once an advice came in within
    /// its term. A view (Woningwet) and a late advice have none in law.
    pub fn reply_deadline(&self, cal: &TermCalendar) -> Option<Deadline> {
        match (self.kind, self.answer) {
            (RequestKind::Advice, Some((AnswerKind::Advice, on))) if self.advice_after_term(cal).is_none() => {
                Some(reply_deadline(cal, on))
            }
            _ => None,
        }
    }

    /// Checks an answer against the case as it stands.
    pub fn check_answer(&self, answer: AnswerKind, has_text: bool) -> Result<(), StepError> {
        match self.stage() {
            Stage::Informed => return Err(StepError::NoAnswerExpected),
            Stage::AwaitingDecision => return Err(StepError::AlreadyAnswered),
            Stage::Closed => return Err(StepError::Closed),
            Stage::AwaitingAnswer => {}
        }
        if !self.kind.answers().contains(&answer) {
            return Err(StepError::AnswerDoesNotFit);
        }
        if answer.needs_text() && !has_text {
            return Err(StepError::TextRequired);
        }
        Ok(())
    }

    /// Checks a decision against the case as it stands.
    pub fn check_decision(&self, decision: Decision, has_reply: bool) -> Result<(), StepError> {
        match self.stage() {
            Stage::AwaitingDecision => {}
            Stage::Closed => return Err(StepError::Closed),
            Stage::Informed | Stage::AwaitingAnswer => return Err(StepError::NothingToDecide),
        }
        if decision.needs_reply() && !has_reply {
            return Err(StepError::ReplyRequired);
        }
        Ok(())
    }

    /// Whether the organisation may withdraw its answer, sent at `answered_at`, to correct it at `now`: within
    /// [`CORRECTION_WINDOW`] and before the corporation decided on it.
    pub fn check_correction(
        &self,
        answered_at: time::OffsetDateTime,
        now: time::OffsetDateTime,
    ) -> Result<(), StepError> {
        match (self.answer, self.decision) {
            (None, _) => Err(StepError::NothingToWithdraw),
            (Some(_), None) if now < answered_at + CORRECTION_WINDOW => Ok(()),
            _ => Err(StepError::CorrectionClosed),
        }
    }

    /// These facts with the organisation's answer given on `on` (to show what an answer would mean before it is
    /// sent).
    pub fn answered(&self, answer: AnswerKind, on: Date) -> Self {
        Self { answer: Some((answer, on)), ..*self }
    }

    /// These facts with the corporation's decision received on `on`.
    pub fn decided(&self, decision: Decision, on: Date) -> Self {
        Self { decision: Some((decision, on)), ..*self }
    }

    /// From when the corporation may carry out its plan (art. 5 lid 4 and art. 5a Overlegwet).
    pub fn execution(&self, cal: &TermCalendar) -> Result<Execution, RequestError> {
        let from = |date: Date, rule: Rule| Execution::From(Deadline::on(date, rule));
        if let Some(term) = self.answer_after_term(cal) {
            let date = term.date + Duration::days(1);
            return Ok(Execution::From(Deadline {
                date,
                rule: Rule::AdviceTermEndedBeforeAdvice,
                provisional: term.provisional,
            }));
        }
        Ok(match (self.kind, self.answer, self.decision) {
            // A view (on a merger, say) is a Woningwet right: art. 5 lid 4 Overlegwet says nothing of its plan.
            (RequestKind::Information | RequestKind::View, _, _) => Execution::NotApplicable,
            (RequestKind::Consent, None, _) | (_, Some((AnswerKind::ConsentRefused, _)), _) => {
                Execution::NotWithoutConsent
            }
            (_, None, _) => {
                let term = advice_deadline(cal, self.received, self.agreed_weeks)?;
                Execution::WithoutAnswerFrom(Deadline {
                    date: term.date + Duration::days(1),
                    rule: Rule::AdviceTermEnded,
                    provisional: term.provisional,
                })
            }
            (_, Some((AnswerKind::NoObjection, on)), _) => from(on, Rule::NoObjection),
            (_, Some((AnswerKind::ConsentGiven, on)), _) => from(on, Rule::ConsentGiven),
            // The conditions travel with the consent: the page must not read as a consent without them.
            (_, Some((AnswerKind::ConsentWithConditions, on)), _) => from(on, Rule::ConsentWithConditions),
            (_, Some(_), None) => Execution::AwaitingDecision,
            (_, Some(_), Some((Decision::Followed, on))) => from(on, Rule::AdviceFollowed),
            (_, Some(_), Some((_, reply_received))) => Execution::From(may_execute_from(cal, reply_received)),
        })
    }

    /// Who is late on `today`, if anyone.
    pub fn late(&self, cal: &TermCalendar, today: Date) -> Option<Late> {
        match self.stage() {
            Stage::AwaitingAnswer => {
                let deadline = self.answer_deadline(cal).ok().flatten()?;
                (today > deadline.date).then_some(Late::Organisation { deadline: deadline.date })
            }
            Stage::AwaitingDecision => {
                let deadline = self.reply_deadline(cal)?;
                (today > deadline.date).then_some(Late::Corporation { deadline: deadline.date })
            }
            Stage::Informed | Stage::Closed => None,
        }
    }

    /// The next deadline someone has to act by, with its rule.
    pub fn next(&self, cal: &TermCalendar) -> Option<Deadline> {
        match self.stage() {
            Stage::AwaitingAnswer => self.answer_deadline(cal).ok().flatten(),
            Stage::AwaitingDecision => self.reply_deadline(cal),
            Stage::Informed | Stage::Closed => None,
        }
    }

    /// The next date someone has to act by, for sorting "what awaits us".
    pub fn next_deadline(&self, cal: &TermCalendar) -> Option<Date> {
        self.next(cal).map(|d| d.date)
    }
}

/// A term that has passed without the step it asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Late {
    /// The organisation's answer term ended on `deadline`.
    Organisation {
        /// The last day of the term.
        deadline: Date,
    },
    /// The corporation's 14-day reply term ended on `deadline`.
    Corporation {
        /// The last day of the term.
        deadline: Date,
    },
}

/// Days from `today` to `deadline` (negative when it has passed).
pub fn days_left(deadline: Date, today: Date) -> i64 {
    (deadline - today).whole_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::known_decrees;
    use time::macros::date;

    fn advice(received: Date) -> CaseFacts {
        CaseFacts { kind: RequestKind::Advice, received, agreed_weeks: None, answer: None, decision: None }
    }

    #[test]
    fn an_advice_case_runs_from_request_to_decision() {
        let mut case = advice(date!(2026 - 03 - 23));
        assert_eq!(case.stage(), Stage::AwaitingAnswer);
        assert_eq!(case.next_deadline(&known_decrees()), Some(date!(2026 - 05 - 04)));
        assert_eq!(case.check_decision(Decision::Followed, false), Err(StepError::NothingToDecide));
        assert_eq!(case.check_answer(AnswerKind::ConsentGiven, false), Err(StepError::AnswerDoesNotFit));
        assert_eq!(case.check_answer(AnswerKind::Advice, false), Err(StepError::TextRequired));
        assert_eq!(case.check_answer(AnswerKind::Advice, true), Ok(()));

        case.answer = Some((AnswerKind::Advice, date!(2026 - 04 - 30)));
        assert_eq!(case.stage(), Stage::AwaitingDecision);
        assert_eq!(case.check_answer(AnswerKind::Advice, true), Err(StepError::AlreadyAnswered));
        // 14 May 2026 is Ascension Day and Friday the 15th a decreed day: the reply term runs to Monday the 18th.
        assert_eq!(case.reply_deadline(&known_decrees()).map(|d| d.date), Some(date!(2026 - 05 - 18)));
        assert_eq!(case.execution(&known_decrees()), Ok(Execution::AwaitingDecision));
        assert_eq!(case.check_decision(Decision::NotFollowed, false), Err(StepError::ReplyRequired));

        case.decision = Some((Decision::NotFollowed, date!(2026 - 05 - 11)));
        assert_eq!(case.stage(), Stage::Closed);
        assert_eq!(case.check_answer(AnswerKind::Advice, true), Err(StepError::Closed));
        match case.execution(&known_decrees()) {
            // Reply received Monday 11 May: three days to Thursday 14th (Ascension), Friday 15th is decreed, so
            // Monday 18th; from the 19th.
            Ok(Execution::From(d)) => {
                assert_eq!(d.date, date!(2026 - 05 - 19));
                assert!(d.rule.to_string().contains("art. 5 lid 4"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn without_an_answer_the_plan_may_go_ahead_after_the_term() {
        let case = advice(date!(2026 - 03 - 23));
        match case.execution(&known_decrees()) {
            Ok(Execution::WithoutAnswerFrom(d)) => assert_eq!(d.date, date!(2026 - 05 - 05)),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(case.late(&known_decrees(), date!(2026 - 05 - 04)), None, "the last day itself is on time");
        assert_eq!(
            case.late(&known_decrees(), date!(2026 - 05 - 05)),
            Some(Late::Organisation { deadline: date!(2026 - 05 - 04) })
        );
    }

    #[test]
    fn no_objection_and_followed_advice_open_the_way_at_once() {
        let mut case = advice(date!(2026 - 03 - 23));
        case.answer = Some((AnswerKind::NoObjection, date!(2026 - 04 - 01)));
        assert_eq!(case.stage(), Stage::Closed);
        assert!(matches!(case.execution(&known_decrees()), Ok(Execution::From(d)) if d.date == date!(2026 - 04 - 01)));
        case.answer = Some((AnswerKind::Advice, date!(2026 - 04 - 01)));
        case.decision = Some((Decision::Followed, date!(2026 - 04 - 03)));
        assert!(matches!(case.execution(&known_decrees()), Ok(Execution::From(d)) if d.date == date!(2026 - 04 - 03)));
    }

    #[test]
    fn consent_is_needed_before_service_cost_changes() {
        let mut case = CaseFacts { kind: RequestKind::Consent, ..advice(date!(2026 - 09 - 01)) };
        assert_eq!(case.execution(&known_decrees()), Ok(Execution::NotWithoutConsent));
        assert_eq!(case.check_answer(AnswerKind::ConsentWithConditions, false), Err(StepError::TextRequired));
        case.answer = Some((AnswerKind::ConsentRefused, date!(2026 - 09 - 20)));
        assert_eq!(case.stage(), Stage::Closed);
        assert_eq!(case.execution(&known_decrees()), Ok(Execution::NotWithoutConsent));
        case.answer = Some((AnswerKind::ConsentGiven, date!(2026 - 09 - 20)));
        assert!(matches!(case.execution(&known_decrees()), Ok(Execution::From(d))
            if d.date == date!(2026 - 09 - 20) && d.rule == Rule::ConsentGiven));
        // Consent under conditions: from the same day, and named as such (the plan goes ahead within them).
        case.answer = Some((AnswerKind::ConsentWithConditions, date!(2026 - 09 - 21)));
        assert!(matches!(case.execution(&known_decrees()), Ok(Execution::From(d))
            if d.date == date!(2026 - 09 - 21) && d.rule == Rule::ConsentWithConditions));
    }

    #[test]
    fn an_answer_may_be_corrected_within_a_day_until_the_decision() {
        use time::macros::datetime;
        let sent = datetime!(2026-11-25 10:00 UTC);
        let consent = CaseFacts { kind: RequestKind::Consent, ..advice(date!(2026 - 11 - 01)) };
        let given = consent.answered(AnswerKind::ConsentGiven, date!(2026 - 11 - 25));
        assert_eq!(consent.check_correction(sent, sent), Err(StepError::NothingToWithdraw), "nothing to correct");
        assert_eq!(given.check_correction(sent, datetime!(2026-11-26 09:59:59 UTC)), Ok(()));
        assert_eq!(
            given.check_correction(sent, datetime!(2026-11-26 10:00 UTC)),
            Err(StepError::CorrectionClosed),
            "24 hours later the window has closed"
        );
        let advice_given = advice(date!(2026 - 11 - 01)).answered(AnswerKind::Advice, date!(2026 - 11 - 25));
        let decided = advice_given.decided(Decision::Followed, date!(2026 - 11 - 25));
        assert_eq!(advice_given.check_correction(sent, sent + Duration::hours(1)), Ok(()));
        assert_eq!(decided.check_correction(sent, sent + Duration::hours(1)), Err(StepError::CorrectionClosed));
    }

    #[test]
    fn information_asks_nothing_and_is_never_late() {
        let case = CaseFacts { kind: RequestKind::Information, ..advice(date!(2026 - 01 - 05)) };
        assert_eq!(case.stage(), Stage::Informed);
        assert_eq!(case.answer_deadline(&known_decrees()), Ok(None));
        assert_eq!(case.check_answer(AnswerKind::Advice, true), Err(StepError::NoAnswerExpected));
        assert_eq!(case.late(&known_decrees(), date!(2027 - 01 - 01)), None);
        assert_eq!(case.execution(&known_decrees()), Ok(Execution::NotApplicable));
    }

    #[test]
    fn the_corporation_is_late_after_fourteen_days() {
        // The advice comes on the last day of its term (6 November + 6 weeks).
        let mut case = advice(date!(2026 - 11 - 06));
        case.answer = Some((AnswerKind::Advice, date!(2026 - 12 - 18)));
        // 1 January 2027 is a Friday: the term runs to Monday 4 January.
        assert_eq!(case.late(&known_decrees(), date!(2027 - 01 - 04)), None);
        assert_eq!(
            case.late(&known_decrees(), date!(2027 - 01 - 05)),
            Some(Late::Corporation { deadline: date!(2027 - 01 - 04) })
        );
        assert_eq!(days_left(date!(2027 - 01 - 04), date!(2026 - 12 - 30)), 5);
        assert_eq!(days_left(date!(2027 - 01 - 04), date!(2027 - 01 - 06)), -2);
    }

    #[test]
    fn a_late_advice_leaves_the_plan_free_from_the_day_after_the_term_and_owes_no_reply_term() {
        // The auditor's case: received Friday 21 November 2025; 6 weeks end on Friday 2 January 2026, a decreed day,
        // so the term ends on Monday 5 January; the plan may go ahead from the 6th. The advice comes on 7 December.
        let cal = known_decrees();
        let case = advice(date!(2025 - 11 - 21));
        let before = case.execution(&cal).expect("execution");
        let Execution::WithoutAnswerFrom(free) = before else { panic!("{before:?}") };
        assert_eq!(free.date, date!(2026 - 01 - 06));
        let late = case.answered(AnswerKind::Advice, date!(2026 - 12 - 07));
        assert_eq!(late.advice_after_term(&cal).map(|t| t.date), Some(date!(2026 - 01 - 05)));
        assert_eq!(late.reply_deadline(&cal), None, "art. 5 lid 3's 14 days are for an advice within its term");
        assert_eq!(late.stage(), Stage::AwaitingDecision, "the corporation may still answer it");
        assert_eq!(late.late(&cal, date!(2027 - 06 - 01)), None);
        let Ok(Execution::From(still)) = late.execution(&cal) else { panic!("{:?}", late.execution(&cal)) };
        assert_eq!((still.date, still.rule), (date!(2026 - 01 - 06), Rule::AdviceTermEndedBeforeAdvice));
        let decided = late.decided(Decision::NotFollowed, date!(2026 - 12 - 20));
        assert_eq!(decided.execution(&cal).map(|e| matches!(e, Execution::From(d) if d.date == still.date)), Ok(true));
        // A late "no objection" does not move the day later either.
        let no_objection = case.answered(AnswerKind::NoObjection, date!(2026 - 12 - 07));
        let Ok(Execution::From(free)) = no_objection.execution(&cal) else {
            panic!("{:?}", no_objection.execution(&cal))
        };
        assert_eq!(free.date, date!(2026 - 01 - 06));
        // On the last day of the term it is in time.
        let in_time = case.answered(AnswerKind::Advice, date!(2026 - 01 - 05));
        assert_eq!(in_time.advice_after_term(&cal), None);
        assert_eq!(in_time.reply_deadline(&cal).map(|d| d.date), Some(date!(2026 - 01 - 19)));
        assert_eq!(in_time.execution(&cal), Ok(Execution::AwaitingDecision));
    }

    #[test]
    fn consent_and_a_view_have_the_date_asked_and_no_term_of_the_overlegwet() {
        let cal = known_decrees();
        let consent = CaseFacts { kind: RequestKind::Consent, ..advice(date!(2026 - 11 - 13)) };
        let asked = consent.answer_deadline(&cal).expect("valid").expect("a date");
        assert_eq!((asked.date, asked.rule), (date!(2026 - 12 - 25), Rule::RequestedTerm { weeks: 6 }));
        let view = CaseFacts { kind: RequestKind::View, ..advice(date!(2026 - 11 - 20)) };
        assert_eq!(view.answer_deadline(&cal).map(|d| d.map(|d| d.date)), Ok(Some(date!(2027 - 01 - 01))));
        assert_eq!(view.execution(&cal), Ok(Execution::NotApplicable), "no art. 5 lid 4 for a merger");
        let viewed = view.answered(AnswerKind::View, date!(2026 - 12 - 01));
        assert_eq!(viewed.stage(), Stage::AwaitingDecision);
        assert_eq!(viewed.reply_deadline(&cal), None);
        assert_eq!(viewed.execution(&cal), Ok(Execution::NotApplicable));
    }

    #[test]
    fn an_agreed_longer_term_counts() {
        let case = CaseFacts { agreed_weeks: Some(8), ..advice(date!(2026 - 03 - 23)) };
        assert_eq!(case.next_deadline(&known_decrees()), Some(date!(2026 - 05 - 18)));
        let too_short = CaseFacts { agreed_weeks: Some(3), ..advice(date!(2026 - 03 - 23)) };
        assert_eq!(too_short.answer_deadline(&known_decrees()), Err(RequestError::TermTooShort));
    }
}
