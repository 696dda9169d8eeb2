//! How long a signal is kept (defaults from the reading of the Besluit and the covenant; configurable per
//! municipality): not picked up, 6 months after that result; picked up and closed, 12 months after closing; with
//! follow-up (referred on, or already in debt help), 18 months after closing. An open signal is kept while it is
//! worked. A soft signal without consent expires after its own period.

use super::outcome::{Outcome, OutcomeGroup};
use crate::calendar::add_months;
use time::Date;

/// A municipality's retention periods, in months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// After a "not picked up" result.
    pub not_picked_up_months: u32,
    /// After a picked-up signal is closed.
    pub closed_months: u32,
    /// After a picked-up signal with follow-up is closed.
    pub follow_up_months: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Self { not_picked_up_months: 6, closed_months: 12, follow_up_months: 18 }
    }
}

/// The day a signal with `outcome`, recorded on `on`, is deleted; `None` while it is open.
pub fn delete_on(outcome: Option<(Outcome, Date)>, retention: Retention) -> Option<Date> {
    let (outcome, on) = outcome?;
    if !outcome.closes() {
        return None;
    }
    let months = match outcome.group() {
        OutcomeGroup::NotPickedUp => retention.not_picked_up_months,
        OutcomeGroup::PickedUp if outcome.has_follow_up() => retention.follow_up_months,
        OutcomeGroup::PickedUp => retention.closed_months,
    };
    Some(add_months(on, months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn each_result_keeps_the_signal_for_its_period() {
        let on = date!(2026 - 08 - 31);
        let table = [
            (Outcome::Deceased, Some(date!(2027 - 02 - 28))),
            (Outcome::OtherReason, Some(date!(2027 - 02 - 28))),
            (Outcome::ArrangedThemselves, Some(date!(2027 - 08 - 31))),
            (Outcome::HelpDeclined, Some(date!(2027 - 08 - 31))),
            (Outcome::ReferredOn, Some(date!(2028 - 02 - 29))),
            (Outcome::AlreadyInDebtHelp, Some(date!(2028 - 02 - 29))),
            (Outcome::PickedUp, None),
        ];
        for (outcome, expected) in table {
            assert_eq!(delete_on(Some((outcome, on)), Retention::default()), expected, "{outcome:?}");
        }
        assert_eq!(delete_on(None, Retention::default()), None);
        let short = Retention { not_picked_up_months: 3, closed_months: 6, follow_up_months: 9 };
        assert_eq!(delete_on(Some((Outcome::Repeated, on)), short), Some(date!(2026 - 11 - 30)));
    }
}
