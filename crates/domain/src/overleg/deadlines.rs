//! The legal terms of the Overlegwet (Wet op het overleg huurders verhuurder), as pure functions.
//! See `shared/design/RULES.md`. Each deadline carries the rule that produced it, to show next to the date.

use super::kinds::{RequestKind, Subject};
use crate::calendar::{Extension, TermCalendar, TermEnd, Undecreed};
use time::{Date, Duration};

/// Why a request is not valid as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// Consent (art. 5a) applies only to service-cost policy.
    #[error("instemming kan alleen worden gevraagd over servicekosten en individuele nutsvoorzieningen")]
    ConsentNotForSubject,
    /// An agreed term shorter than the legal minimum.
    #[error("de adviestermijn is minstens zes weken")]
    TermTooShort,
    /// The day of receipt lies after today: a request is recorded once it was received.
    #[error("de dag van ontvangst ligt in de toekomst")]
    ReceivedInFuture,
    /// The day of receipt lies before the Overlegwet was in force.
    #[error("de dag van ontvangst ligt vóór 1 juli 1998, toen de Overlegwet inging")]
    ReceivedBeforeLaw,
}

/// The day the Overlegwet came into force (Stb. 1998, 262 [verify]); no request under it was received before.
pub const OVERLEGWET_IN_FORCE: Date = time::macros::date!(1998 - 07 - 01);

/// Checks the day the organisation received a request, recorded on `today`: not after it (terms counted from a
/// future day would run from then), not before the law existed (a typing error, "0000-01-01", would show a term
/// hundreds of thousands of days late).
pub fn check_received(received: Date, today: Date) -> Result<(), RequestError> {
    if received > today {
        Err(RequestError::ReceivedInFuture)
    } else if received < OVERLEGWET_IN_FORCE {
        Err(RequestError::ReceivedBeforeLaw)
    } else {
        Ok(())
    }
}

/// Checks the combination of kind and subject.
pub fn check_request(kind: RequestKind, subject: Subject) -> Result<(), RequestError> {
    if kind == RequestKind::Consent && subject != Subject::ServiceCosts {
        return Err(RequestError::ConsentNotForSubject);
    }
    Ok(())
}

/// The rule behind a date on a case: which term of which law, and how the Algemene termijnenwet moved its end.
///
/// The web layer translates it (`overleg.ftl`); `Display` is the Dutch text the case page always showed, which is
/// what the domain's own tests and any caller without a user language read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The legal advice term: 6 weeks after receipt (art. 5 Overlegwet).
    AdviceTerm {
        /// How the end of the term moved.
        extension: Extension,
    },
    /// A longer advice term the parties agreed on (art. 5 Overlegwet: at least 6 weeks).
    AgreedAdviceTerm {
        /// The agreed term in weeks (more than 6).
        weeks: u32,
        /// How the end of the term moved.
        extension: Extension,
    },
    /// The date a corporation asks an answer by where the law sets no term (consent, art. 5a; a view, Woningwet):
    /// counted as asked, not moved by the Algemene termijnenwet, which moves only terms a law sets.
    RequestedTerm {
        /// The weeks after receipt (6 unless agreed otherwise).
        weeks: u32,
    },
    /// The landlord's reasoned reply: 14 days after receipt of the advice (art. 5 lid 3 Overlegwet).
    ReplyTerm {
        /// How the end of the term moved.
        extension: Extension,
    },
    /// Carrying out the plan: from the day after 3 days after receipt of the reasoned reply (art. 5 lid 4).
    ExecutionAfterReply {
        /// How the end of the three-day term moved.
        extension: Extension,
    },
    /// Accounting for the yearly budget: 2 months after the year's end (art. 7 Overlegwet).
    BudgetAccountTerm {
        /// How the end of the term moved.
        extension: Extension,
    },
    /// The advice term ended without advice (art. 5 lid 4 onder b Overlegwet).
    AdviceTermEnded,
    /// The advice term ended before the answer came in: the plan could go ahead from the day after the term, and a
    /// late advice (or no objection) does not take that back (art. 5 lid 4 onder b Overlegwet).
    AdviceTermEndedBeforeAdvice,
    /// The organisation wrote it has no objection (art. 5 lid 4 onder a Overlegwet).
    NoObjection,
    /// The organisation gave its consent (art. 5a Overlegwet).
    ConsentGiven,
    /// The organisation gave its consent under conditions (art. 5a Overlegwet): the plan goes ahead within them.
    ConsentWithConditions,
    /// The landlord follows the advice.
    AdviceFollowed,
}

impl Rule {
    /// How the Algemene termijnenwet moved the end of the term, for the rules that are a term.
    pub fn extension(&self) -> Extension {
        match self {
            Rule::AdviceTerm { extension }
            | Rule::AgreedAdviceTerm { extension, .. }
            | Rule::ReplyTerm { extension }
            | Rule::ExecutionAfterReply { extension }
            | Rule::BudgetAccountTerm { extension } => *extension,
            Rule::RequestedTerm { .. }
            | Rule::AdviceTermEnded
            | Rule::AdviceTermEndedBeforeAdvice
            | Rule::NoObjection
            | Rule::ConsentGiven
            | Rule::ConsentWithConditions
            | Rule::AdviceFollowed => Extension::None,
        }
    }
}

impl std::fmt::Display for Rule {
    /// The rule in Dutch, e.g. "6 weken na ontvangst (art. 5 Overlegwet); eindigt op Bevrijdingsdag (5 mei), dus op
    /// de eerstvolgende werkdag (art. 1 Algemene termijnenwet)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rule::AdviceTerm { .. } => f.write_str("6 weken na ontvangst (art. 5 Overlegwet)")?,
            Rule::AgreedAdviceTerm { weeks, .. } => {
                write!(f, "{weeks} weken na ontvangst, zoals afgesproken (art. 5 Overlegwet: minstens 6 weken)")?
            }
            Rule::RequestedTerm { weeks } => write!(
                f,
                "{weeks} weken na ontvangst, zoals de corporatie vraagt (de wet stelt hiervoor geen termijn)"
            )?,
            Rule::ReplyTerm { .. } => f.write_str("14 dagen na ontvangst van het advies (art. 5 lid 3 Overlegwet)")?,
            Rule::ExecutionAfterReply { .. } => {
                f.write_str("3 dagen na ontvangst van de gemotiveerde reactie (art. 5 lid 4 Overlegwet)")?
            }
            Rule::BudgetAccountTerm { .. } => f.write_str("2 maanden na afloop van het jaar (art. 7 Overlegwet)")?,
            Rule::AdviceTermEnded => {
                f.write_str("na afloop van de termijn zonder advies (art. 5 lid 4 onder b Overlegwet)")?
            }
            Rule::AdviceTermEndedBeforeAdvice => f.write_str(
                "na afloop van de termijn, voordat het antwoord binnenkwam (art. 5 lid 4 onder b Overlegwet)",
            )?,
            Rule::NoObjection => f.write_str("schriftelijk geen bezwaar (art. 5 lid 4 onder a Overlegwet)")?,
            Rule::ConsentGiven => f.write_str("instemming gegeven (art. 5a Overlegwet)")?,
            Rule::ConsentWithConditions => {
                f.write_str("instemming onder voorwaarden gegeven (art. 5a Overlegwet): alleen binnen die voorwaarden")?
            }
            Rule::AdviceFollowed => f.write_str("advies gevolgd")?,
        }
        match self.extension() {
            Extension::None => {}
            Extension::NonWorkingLastDay(day) => {
                write!(f, "; eindigt op {day}, dus op de eerstvolgende werkdag (art. 1 Algemene termijnenwet)")?
            }
            Extension::TwoWorkingDays => {
                f.write_str("; verlengd tot er twee werkdagen in vallen (art. 2 Algemene termijnenwet)")?
            }
        }
        if let Rule::ExecutionAfterReply { .. } = self {
            f.write_str("; uitvoering vanaf de dag daarna")?;
        }
        Ok(())
    }
}

/// A deadline and the rule that produced it (to show next to the date, in the user's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// The last day (or, for [`Rule::ExecutionAfterReply`] and the other execution rules, the first day).
    pub date: Date,
    /// The rule, e.g. 6 weeks after receipt (art. 5 Overlegwet), moved to the next working day past 5 May.
    pub rule: Rule,
    /// The date depends on a year no known *Besluit gelijkstelling* covers, so a decree may move it, and why:
    /// shown as "nog niet vastgesteld", or before the first known decree as "geen gelijkstellingsbesluit bekend".
    pub provisional: Option<Undecreed>,
}

impl Deadline {
    /// A date fixed by a step that happened (no term counted, so nothing to decree).
    pub fn on(date: Date, rule: Rule) -> Self {
        Self { date, rule, provisional: None }
    }
}

/// The deadline at the end of a term, with its rule.
fn at_end(end: TermEnd, rule: impl FnOnce(Extension) -> Rule) -> Deadline {
    Deadline { date: end.date, rule: rule(end.extension), provisional: end.provisional }
}

/// The last day for the organisation's advice: at least six weeks after receipt, or the longer agreed term.
pub fn advice_deadline(
    cal: &TermCalendar,
    received: Date,
    agreed_weeks: Option<u32>,
) -> Result<Deadline, RequestError> {
    let weeks = agreed_weeks.unwrap_or(6);
    if weeks < 6 {
        return Err(RequestError::TermTooShort);
    }
    let end = cal.term_end(received, received + Duration::weeks(i64::from(weeks)));
    Ok(at_end(end, |extension| {
        if weeks > 6 {
            Rule::AgreedAdviceTerm { weeks, extension }
        } else {
            Rule::AdviceTerm { extension }
        }
    }))
}

/// The day a corporation asks an answer by where no law sets a term (consent, a view): `agreed_weeks` (at least
/// six, as for advice) or six weeks after receipt, as it falls.
pub fn requested_deadline(received: Date, agreed_weeks: Option<u32>) -> Result<Deadline, RequestError> {
    let weeks = agreed_weeks.unwrap_or(6);
    if weeks < 6 {
        return Err(RequestError::TermTooShort);
    }
    Ok(Deadline::on(received + Duration::weeks(i64::from(weeks)), Rule::RequestedTerm { weeks }))
}

/// The last day for the landlord's reasoned written reply when it does not (fully) follow the advice.
pub fn reply_deadline(cal: &TermCalendar, advice_received: Date) -> Deadline {
    at_end(cal.term_end(advice_received, advice_received + Duration::days(14)), |extension| Rule::ReplyTerm {
        extension,
    })
}

/// The first day the landlord may carry out its plan after the organisation received the reasoned reply: after
/// three days (the day after the term ends).
pub fn may_execute_from(cal: &TermCalendar, reply_received: Date) -> Deadline {
    let end = cal.term_end(reply_received, reply_received + Duration::days(3));
    Deadline { date: end.date + Duration::days(1), ..at_end(end, |extension| Rule::ExecutionAfterReply { extension }) }
}

/// The last day to account for the organisation's yearly budget: two months after the year's end (art. 7).
pub fn budget_account_deadline(cal: &TermCalendar, year: i32) -> Deadline {
    let year_end = Date::from_calendar_date(year, time::Month::December, 31).unwrap_or(Date::MIN);
    let nominal = Date::from_calendar_date(year + 1, time::Month::February, 28).unwrap_or(Date::MIN);
    let nominal = if time::util::is_leap_year(year + 1) { nominal + Duration::days(1) } else { nominal };
    at_end(cal.term_end(year_end, nominal), |extension| Rule::BudgetAccountTerm { extension })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::known_decrees;
    use time::macros::date;

    #[test]
    fn advice_term_is_six_weeks_or_longer_as_agreed() {
        let d = advice_deadline(&known_decrees(), date!(2026 - 03 - 23), None).expect("valid");
        assert_eq!(d.date, date!(2026 - 05 - 04));
        assert_eq!(d.rule.to_string(), "6 weken na ontvangst (art. 5 Overlegwet)");
        let on_5_may = advice_deadline(&known_decrees(), date!(2026 - 03 - 24), None).expect("valid");
        assert_eq!(on_5_may.date, date!(2026 - 05 - 06));
        let rule = on_5_may.rule.to_string();
        assert!(rule.contains("Bevrijdingsdag (5 mei)") && rule.contains("art. 1 Algemene termijnenwet"));
        let agreed = advice_deadline(&known_decrees(), date!(2026 - 03 - 23), Some(8)).expect("valid");
        assert_eq!(agreed.date, date!(2026 - 05 - 18));
        assert!(agreed.rule.to_string().starts_with("8 weken"));
        assert_eq!(advice_deadline(&known_decrees(), date!(2026 - 03 - 23), Some(4)), Err(RequestError::TermTooShort));
    }

    #[test]
    fn a_requested_term_is_counted_as_asked_without_the_algemene_termijnenwet() {
        // 13 November 2026 + 6 weeks is Christmas Day: a statutory term would run on to Monday 28 December.
        let consent = requested_deadline(date!(2026 - 11 - 13), None).expect("valid");
        assert_eq!((consent.date, consent.provisional), (date!(2026 - 12 - 25), None));
        assert_eq!(
            consent.rule.to_string(),
            "6 weken na ontvangst, zoals de corporatie vraagt (de wet stelt hiervoor geen termijn)"
        );
        assert_eq!(consent.rule.extension(), Extension::None);
        assert_eq!(requested_deadline(date!(2026 - 11 - 13), Some(8)).map(|d| d.date), Ok(date!(2027 - 01 - 08)));
        assert_eq!(requested_deadline(date!(2026 - 11 - 13), Some(5)), Err(RequestError::TermTooShort));
    }

    #[test]
    fn ascension_and_whit_monday_move_the_advice_deadline() {
        // RULES.md's example: 6 weeks end on Thursday 14 May (Hemelvaartsdag), Friday 15 May is a decreed day, so
        // the term ends on Monday 18 May 2026.
        let example = advice_deadline(&known_decrees(), date!(2026 - 04 - 02), None).expect("valid");
        assert_eq!((example.date, example.provisional), (date!(2026 - 05 - 18), None));
        assert!(example.rule.to_string().contains("Hemelvaartsdag"));
        assert_eq!(
            advice_deadline(&known_decrees(), date!(2026 - 04 - 13), None).map(|d| d.date),
            Ok(date!(2026 - 05 - 26))
        );
    }

    #[test]
    fn advice_deadlines_against_a_hand_computed_table() {
        let cal = known_decrees();
        // (received, last day to advise, provisional): worked out by hand on a calendar.
        let table = [
            (date!(2026 - 04 - 02), date!(2026 - 05 - 18), false), // Hemelvaartsdag, then the decreed Friday 15 May
            (date!(2026 - 02 - 20), date!(2026 - 04 - 07), false), // Goede Vrijdag, Easter, Tweede Paasdag
            (date!(2025 - 03 - 07), date!(2025 - 04 - 22), false), // Goede Vrijdag 18 April 2025
            (date!(2025 - 04 - 18), date!(2025 - 06 - 02), false), // decreed Friday 30 May 2025
            (date!(2025 - 11 - 21), date!(2026 - 01 - 05), false), // decreed Friday 2 January 2026
            (date!(2028 - 10 - 20), date!(2028 - 12 - 01), false), // an ordinary Friday in the last decreed year
            (date!(2028 - 11 - 20), date!(2029 - 01 - 02), true),  // Nieuwjaarsdag 2029, then a day not yet decreed
            (date!(2028 - 12 - 01), date!(2029 - 01 - 12), true),  // in 2029, which no decree covers yet
        ];
        for (received, last_day, provisional) in table {
            let d = advice_deadline(&cal, received, None).expect("valid");
            assert_eq!((d.date, d.provisional.is_some()), (last_day, provisional), "received {received}");
        }
        // The budget of 2028 is accounted for in 2029: provisional too; that of 2027 is not.
        assert_eq!(budget_account_deadline(&cal, 2028).provisional, Some(Undecreed::NotYet));
        assert_eq!(budget_account_deadline(&cal, 2027).provisional, None);
        // The plan may go ahead the day after a term: as provisional as the term.
        assert_eq!(may_execute_from(&cal, date!(2029 - 01 - 08)).provisional, Some(Undecreed::NotYet));
        assert_eq!(may_execute_from(&cal, date!(2028 - 06 - 05)).provisional, None);
    }

    #[test]
    fn reply_within_fourteen_days_across_new_year() {
        let d = reply_deadline(&known_decrees(), date!(2026 - 12 - 18));
        assert_eq!(d.date, date!(2027 - 01 - 04), "1 January is a Friday, then the weekend");
        assert!(d.rule.to_string().contains("Nieuwjaarsdag"));
    }

    #[test]
    fn plan_may_be_carried_out_after_three_days() {
        // Reply received Monday 23 November 2026: the term ends Thursday 26th; from Friday 27th.
        assert_eq!(may_execute_from(&known_decrees(), date!(2026 - 11 - 23)).date, date!(2026 - 11 - 27));
        // Received on Christmas Eve: extended to Tuesday 29 December; from Wednesday 30th.
        let christmas = may_execute_from(&known_decrees(), date!(2026 - 12 - 24));
        assert_eq!(christmas.date, date!(2026 - 12 - 30));
        assert!(christmas.rule.to_string().contains("art. 2"));
    }

    #[test]
    fn rules_read_in_dutch_as_the_case_page_always_showed_them() {
        let shown = |d: Deadline| d.rule.to_string();
        assert_eq!(
            shown(advice_deadline(&known_decrees(), date!(2026 - 03 - 24), None).expect("valid")),
            "6 weken na ontvangst (art. 5 Overlegwet); eindigt op Bevrijdingsdag (5 mei), dus op de eerstvolgende \
             werkdag (art. 1 Algemene termijnenwet)"
        );
        assert_eq!(
            shown(advice_deadline(&known_decrees(), date!(2026 - 03 - 23), Some(8)).expect("valid")),
            "8 weken na ontvangst, zoals afgesproken (art. 5 Overlegwet: minstens 6 weken)"
        );
        assert_eq!(
            shown(reply_deadline(&known_decrees(), date!(2026 - 12 - 18))),
            "14 dagen na ontvangst van het advies (art. 5 lid 3 Overlegwet); eindigt op Nieuwjaarsdag, dus op de \
             eerstvolgende werkdag (art. 1 Algemene termijnenwet)"
        );
        // 14 days after Saturday 14 November 2026 is Saturday the 28th.
        assert_eq!(
            shown(reply_deadline(&known_decrees(), date!(2026 - 11 - 14))),
            "14 dagen na ontvangst van het advies (art. 5 lid 3 Overlegwet); eindigt op zaterdag, dus op de \
             eerstvolgende werkdag (art. 1 Algemene termijnenwet)"
        );
        assert_eq!(
            shown(may_execute_from(&known_decrees(), date!(2026 - 12 - 24))),
            "3 dagen na ontvangst van de gemotiveerde reactie (art. 5 lid 4 Overlegwet); verlengd tot er twee \
             werkdagen in vallen (art. 2 Algemene termijnenwet); uitvoering vanaf de dag daarna"
        );
        assert_eq!(
            shown(may_execute_from(&known_decrees(), date!(2026 - 11 - 23))),
            "3 dagen na ontvangst van de gemotiveerde reactie (art. 5 lid 4 Overlegwet); uitvoering vanaf de dag daarna"
        );
        assert_eq!(
            shown(budget_account_deadline(&known_decrees(), 2026)),
            "2 maanden na afloop van het jaar (art. 7 Overlegwet); eindigt op zondag, dus op de eerstvolgende werkdag \
             (art. 1 Algemene termijnenwet)"
        );
    }

    #[test]
    fn consent_only_for_service_costs() {
        assert_eq!(check_request(RequestKind::Consent, Subject::ServiceCosts), Ok(()));
        assert_eq!(check_request(RequestKind::Consent, Subject::RentPolicy), Err(RequestError::ConsentNotForSubject));
        assert_eq!(check_request(RequestKind::Advice, Subject::RentPolicy), Ok(()));
    }

    #[test]
    fn budget_accounted_within_two_months() {
        // 28 February 2027 is a Sunday.
        assert_eq!(budget_account_deadline(&known_decrees(), 2026).date, date!(2027 - 03 - 01));
        // 29 February 2028 (leap year) is a Tuesday.
        assert_eq!(budget_account_deadline(&known_decrees(), 2027).date, date!(2028 - 02 - 29));
    }

    #[test]
    fn a_day_of_receipt_is_neither_in_the_future_nor_before_the_law() {
        let today = date!(2026 - 12 - 05);
        assert_eq!(check_received(today, today), Ok(()));
        assert_eq!(check_received(date!(2026 - 12 - 06), today), Err(RequestError::ReceivedInFuture));
        assert_eq!(check_received(date!(1998 - 07 - 01), today), Ok(()));
        assert_eq!(check_received(date!(1998 - 06 - 30), today), Err(RequestError::ReceivedBeforeLaw));
    }
}
