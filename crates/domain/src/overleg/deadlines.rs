//! The legal terms of the Overlegwet (Wet op het overleg huurders verhuurder), as pure functions.
//! See `shared/design/RULES.md`. Each deadline carries the rule that produced it, to show next to the date.

use super::kinds::{RequestKind, Subject};
use crate::calendar::{term_end, Extension};
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
}

/// Checks the combination of kind and subject.
pub fn check_request(kind: RequestKind, subject: Subject) -> Result<(), RequestError> {
    if kind == RequestKind::Consent && subject != Subject::ServiceCosts {
        return Err(RequestError::ConsentNotForSubject);
    }
    Ok(())
}

/// A deadline and the rule that produced it (Dutch, for the case page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The last day.
    pub date: Date,
    /// The rule, e.g. "6 weken na ontvangst (art. 5 Overlegwet); 5 mei → volgende werkdag (Algemene termijnenwet)".
    pub rule: String,
}

fn with_extension(date: Date, base: String, extension: Extension) -> Deadline {
    let rule = match extension {
        Extension::None => base,
        Extension::NonWorkingLastDay(why) => {
            format!("{base}; eindigt op {why}, dus op de eerstvolgende werkdag (art. 1 Algemene termijnenwet)")
        }
        Extension::TwoWorkingDays => {
            format!("{base}; verlengd tot er twee werkdagen in vallen (art. 2 Algemene termijnenwet)")
        }
    };
    Deadline { date, rule }
}

/// The last day for the organisation's advice: at least six weeks after receipt, or the longer agreed term.
pub fn advice_deadline(received: Date, agreed_weeks: Option<u32>) -> Result<Deadline, RequestError> {
    let weeks = agreed_weeks.unwrap_or(6);
    if weeks < 6 {
        return Err(RequestError::TermTooShort);
    }
    let (date, extension) = term_end(received, received + Duration::weeks(i64::from(weeks)));
    let base = if agreed_weeks.is_some_and(|w| w > 6) {
        format!("{weeks} weken na ontvangst, zoals afgesproken (art. 5 Overlegwet: minstens 6 weken)")
    } else {
        "6 weken na ontvangst (art. 5 Overlegwet)".to_owned()
    };
    Ok(with_extension(date, base, extension))
}

/// The last day for the landlord's reasoned written reply when it does not (fully) follow the advice.
pub fn reply_deadline(advice_received: Date) -> Deadline {
    let (date, extension) = term_end(advice_received, advice_received + Duration::days(14));
    with_extension(date, "14 dagen na ontvangst van het advies (art. 5 lid 3 Overlegwet)".to_owned(), extension)
}

/// The first day the landlord may carry out its plan after the organisation received the reasoned reply: after
/// three days (the day after the term ends).
pub fn may_execute_from(reply_received: Date) -> Deadline {
    let (end, extension) = term_end(reply_received, reply_received + Duration::days(3));
    let term = with_extension(
        end,
        "3 dagen na ontvangst van de gemotiveerde reactie (art. 5 lid 4 Overlegwet)".into(),
        extension,
    );
    Deadline { date: term.date + Duration::days(1), rule: format!("{}; uitvoering vanaf de dag daarna", term.rule) }
}

/// The last day to account for the organisation's yearly budget: two months after the year's end (art. 7).
pub fn budget_account_deadline(year: i32) -> Deadline {
    let year_end = Date::from_calendar_date(year, time::Month::December, 31).unwrap_or(Date::MIN);
    let nominal = Date::from_calendar_date(year + 1, time::Month::February, 28).unwrap_or(Date::MIN);
    let nominal = if time::util::is_leap_year(year + 1) { nominal + Duration::days(1) } else { nominal };
    let (date, extension) = term_end(year_end, nominal);
    with_extension(date, "2 maanden na afloop van het jaar (art. 7 Overlegwet)".to_owned(), extension)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn advice_term_is_six_weeks_or_longer_as_agreed() {
        let d = advice_deadline(date!(2026 - 03 - 23), None).expect("valid");
        assert_eq!(d.date, date!(2026 - 05 - 04));
        assert_eq!(d.rule, "6 weken na ontvangst (art. 5 Overlegwet)");
        let on_5_may = advice_deadline(date!(2026 - 03 - 24), None).expect("valid");
        assert_eq!(on_5_may.date, date!(2026 - 05 - 06));
        assert!(
            on_5_may.rule.contains("Bevrijdingsdag (5 mei)") && on_5_may.rule.contains("art. 1 Algemene termijnenwet")
        );
        let agreed = advice_deadline(date!(2026 - 03 - 23), Some(8)).expect("valid");
        assert_eq!(agreed.date, date!(2026 - 05 - 18));
        assert!(agreed.rule.starts_with("8 weken"));
        assert_eq!(advice_deadline(date!(2026 - 03 - 23), Some(4)), Err(RequestError::TermTooShort));
    }

    #[test]
    fn ascension_and_whit_monday_move_the_advice_deadline() {
        assert_eq!(advice_deadline(date!(2026 - 04 - 02), None).map(|d| d.date), Ok(date!(2026 - 05 - 15)));
        assert_eq!(advice_deadline(date!(2026 - 04 - 13), None).map(|d| d.date), Ok(date!(2026 - 05 - 26)));
    }

    #[test]
    fn reply_within_fourteen_days_across_new_year() {
        let d = reply_deadline(date!(2026 - 12 - 18));
        assert_eq!(d.date, date!(2027 - 01 - 04), "1 January is a Friday, then the weekend");
        assert!(d.rule.contains("Nieuwjaarsdag"));
    }

    #[test]
    fn plan_may_be_carried_out_after_three_days() {
        // Reply received Monday 23 November 2026: the term ends Thursday 26th; from Friday 27th.
        assert_eq!(may_execute_from(date!(2026 - 11 - 23)).date, date!(2026 - 11 - 27));
        // Received on Christmas Eve: extended to Tuesday 29 December; from Wednesday 30th.
        let christmas = may_execute_from(date!(2026 - 12 - 24));
        assert_eq!(christmas.date, date!(2026 - 12 - 30));
        assert!(christmas.rule.contains("art. 2"));
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
        assert_eq!(budget_account_deadline(2026).date, date!(2027 - 03 - 01));
        // 29 February 2028 (leap year) is a Tuesday.
        assert_eq!(budget_account_deadline(2027).date, date!(2028 - 02 - 29));
    }
}
