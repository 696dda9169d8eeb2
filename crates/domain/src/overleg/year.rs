//! The year's overleg in figures, for the organisation's yearly members' meeting: requests by kind, how often each
//! side kept its term, and how often advice was followed.

use super::case::CaseFacts;
use super::kinds::{Decision, RequestKind};
use crate::calendar::TermCalendar;
use time::Date;

/// A share: `hits` out of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rate {
    /// How many met the condition.
    pub hits: usize,
    /// How many counted.
    pub of: usize,
}

impl Rate {
    /// The share as a whole percentage, rounded half up; `None` when nothing counted.
    pub fn percent(self) -> Option<usize> {
        (self.of > 0).then(|| (self.hits * 200 + self.of) / (2 * self.of))
    }
}

/// The year's figures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearFigures {
    /// Requests per kind, in [`RequestKind::ALL`] order.
    pub by_kind: Vec<(RequestKind, usize)>,
    /// Answers given within the term, of the answers due so far.
    pub organisation_on_time: Rate,
    /// Decisions given within the 14-day term, of the decisions due so far.
    pub corporation_on_time: Rate,
    /// Advice followed, of the decisions taken.
    pub advice_followed: Rate,
    /// Advice partly followed.
    pub partly_followed: usize,
    /// Advice not followed.
    pub not_followed: usize,
}

/// The figures over the year's cases, as they stand on `today`. A term still running does not count yet.
pub fn figures(cases: &[CaseFacts], cal: &TermCalendar, today: Date) -> YearFigures {
    let mut out = YearFigures {
        by_kind: RequestKind::ALL.iter().map(|k| (*k, cases.iter().filter(|c| c.kind == *k).count())).collect(),
        ..Default::default()
    };
    for case in cases {
        if let Ok(Some(term)) = case.answer_deadline(cal) {
            match case.answer {
                Some((_, on)) => count(&mut out.organisation_on_time, on <= term.date),
                None if today > term.date => count(&mut out.organisation_on_time, false),
                None => {}
            }
        }
        if let Some(term) = case.reply_deadline(cal) {
            match case.decision {
                Some((_, on)) => count(&mut out.corporation_on_time, on <= term.date),
                None if today > term.date => count(&mut out.corporation_on_time, false),
                None => {}
            }
        }
        match case.decision.map(|(d, _)| d) {
            Some(Decision::Followed) => count(&mut out.advice_followed, true),
            Some(Decision::PartlyFollowed) => {
                count(&mut out.advice_followed, false);
                out.partly_followed += 1;
            }
            Some(Decision::NotFollowed) => {
                count(&mut out.advice_followed, false);
                out.not_followed += 1;
            }
            None => {}
        }
    }
    out
}

fn count(rate: &mut Rate, hit: bool) {
    rate.of += 1;
    rate.hits += usize::from(hit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overleg::AnswerKind;
    use time::macros::date;

    fn case(kind: RequestKind, received: Date) -> CaseFacts {
        CaseFacts { kind, received, agreed_weeks: None, answer: None, decision: None }
    }

    #[test]
    fn figures_count_terms_kept_and_advice_followed() {
        let received = date!(2026 - 03 - 23); // advice term to 4 May;
        let on_time_followed = CaseFacts {
            answer: Some((AnswerKind::Advice, date!(2026 - 05 - 04))),
            decision: Some((Decision::Followed, date!(2026 - 05 - 10))),
            ..case(RequestKind::Advice, received)
        };
        let decided_late_not_followed = CaseFacts {
            answer: Some((AnswerKind::Advice, date!(2026 - 05 - 04))),
            // The reply term from 4 May runs to 18 May; the decision came on the 20th.
            decision: Some((Decision::NotFollowed, date!(2026 - 05 - 20))),
            ..case(RequestKind::Advice, received)
        };
        // An advice after its term: the organisation was late, and the corporation has no reply term to keep.
        let advice_too_late = CaseFacts {
            answer: Some((AnswerKind::Advice, date!(2026 - 05 - 05))),
            decision: Some((Decision::Followed, date!(2026 - 06 - 30))),
            ..case(RequestKind::Advice, received)
        };
        let unanswered_past_term = case(RequestKind::View, received);
        let still_running = case(RequestKind::Advice, date!(2026 - 11 - 20));
        let information = case(RequestKind::Information, received);
        let cases = [
            on_time_followed,
            decided_late_not_followed,
            advice_too_late,
            unanswered_past_term,
            still_running,
            information,
        ];
        let f = figures(&cases, &crate::calendar::known_decrees(), date!(2026 - 11 - 25));
        assert_eq!(
            f.by_kind,
            vec![
                (RequestKind::Information, 1),
                (RequestKind::Advice, 4),
                (RequestKind::Consent, 0),
                (RequestKind::View, 1)
            ]
        );
        assert_eq!(f.organisation_on_time, Rate { hits: 2, of: 4 });
        assert_eq!(f.corporation_on_time, Rate { hits: 1, of: 2 });
        assert_eq!(f.advice_followed, Rate { hits: 2, of: 3 });
        assert_eq!((f.partly_followed, f.not_followed), (0, 1));
        assert_eq!(f.organisation_on_time.percent(), Some(50));
        assert_eq!(f.advice_followed.percent(), Some(67));
        assert_eq!(Rate::default().percent(), None);
    }
}
