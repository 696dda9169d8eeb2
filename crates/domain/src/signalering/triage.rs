//! A municipality's buckets for incoming signals: each with criteria (an amount range, a number of months in
//! arrears, several creditors at one address) and an action. A signal lands in the first bucket, in the
//! municipality's order, whose every criterion holds; a signal no bucket takes waits in "not sorted".
//!
//! Target groups such as young people cannot be a criterion: the law lets only contact details, the amount and the
//! date the arrears arose travel, so the age is not known. A municipality moves such a signal to a bucket by hand.

use crate::money::Money;
use time::Date;

/// What the municipality does with a bucket's signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BucketAction {
    /// Send a letter.
    Letter,
    /// Call.
    Call,
    /// Visit at home.
    HomeVisit,
    /// Note it; no outreach (many ignore signals under about €50).
    NoAction,
}

impl BucketAction {
    /// Every action.
    pub const ALL: [BucketAction; 4] =
        [BucketAction::Letter, BucketAction::Call, BucketAction::HomeVisit, BucketAction::NoAction];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            BucketAction::Letter => "brief",
            BucketAction::Call => "bellen",
            BucketAction::HomeVisit => "huisbezoek",
            BucketAction::NoAction => "geen",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// A bucket's criteria; an absent one always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Criteria {
    /// At least this amount.
    pub min_amount: Option<Money>,
    /// Less than this amount.
    pub below_amount: Option<Money>,
    /// In arrears for at least this many whole months.
    pub min_months: Option<u32>,
    /// Only households with open signals from more than one sender at the same address.
    pub several_creditors: bool,
}

/// What triage knows of a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalFacts {
    /// The amount in arrears.
    pub amount: Money,
    /// The day the arrears arose.
    pub arrears_since: Date,
    /// Senders with an open signal at the same address (this one included).
    pub creditors: u32,
}

/// Whole months from `since` to `today` (a month counts once its day has come round again).
pub fn months_between(since: Date, today: Date) -> u32 {
    if today <= since {
        return 0;
    }
    let months = (today.year() - since.year()) * 12 + (today.month() as i32 - since.month() as i32);
    let months = if today.day() < since.day() && !is_month_end(today) { months - 1 } else { months };
    u32::try_from(months).unwrap_or(0)
}

/// Whether `today` is its month's last day: 31 January to 28 February is a whole month, February having no 31st.
fn is_month_end(today: Date) -> bool {
    today.day() == today.month().length(today.year())
}

/// Whether a signal meets every criterion.
pub fn matches(criteria: &Criteria, facts: &SignalFacts, today: Date) -> bool {
    criteria.min_amount.is_none_or(|min| facts.amount >= min)
        && criteria.below_amount.is_none_or(|below| facts.amount < below)
        && criteria.min_months.is_none_or(|m| months_between(facts.arrears_since, today) >= m)
        && (!criteria.several_creditors || facts.creditors > 1)
}

/// The first of `buckets` (in order) that takes the signal: its position in the slice.
pub fn sort_into(buckets: &[Criteria], facts: &SignalFacts, today: Date) -> Option<usize> {
    buckets.iter().position(|b| matches(b, facts, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn facts(euros: i64, since: Date, creditors: u32) -> SignalFacts {
        SignalFacts { amount: Money::from_cents(euros * 100), arrears_since: since, creditors }
    }

    #[test]
    fn a_signal_lands_in_the_first_bucket_that_takes_it() {
        let today = date!(2026 - 12 - 04);
        let buckets = [
            Criteria { below_amount: Some(Money::from_cents(5_000)), ..Criteria::default() },
            Criteria { several_creditors: true, ..Criteria::default() },
            Criteria { min_amount: Some(Money::from_cents(100_000)), min_months: Some(3), ..Criteria::default() },
            Criteria { min_amount: Some(Money::from_cents(5_000)), ..Criteria::default() },
        ];
        assert_eq!(sort_into(&buckets, &facts(49, date!(2026 - 11 - 01), 1), today), Some(0));
        assert_eq!(sort_into(&buckets, &facts(50, date!(2026 - 11 - 01), 2), today), Some(1));
        assert_eq!(sort_into(&buckets, &facts(1_000, date!(2026 - 09 - 04), 1), today), Some(2));
        // One day short of three months.
        assert_eq!(sort_into(&buckets, &facts(1_000, date!(2026 - 09 - 05), 1), today), Some(3));
        assert_eq!(sort_into(&buckets[..3], &facts(60, date!(2026 - 11 - 01), 1), today), None);
    }

    #[test]
    fn whole_months_in_arrears() {
        assert_eq!(months_between(date!(2026 - 01 - 31), date!(2026 - 02 - 28)), 1);
        assert_eq!(months_between(date!(2026 - 01 - 15), date!(2026 - 02 - 14)), 0);
        assert_eq!(months_between(date!(2026 - 01 - 15), date!(2026 - 02 - 15)), 1);
        assert_eq!(months_between(date!(2025 - 12 - 01), date!(2026 - 12 - 01)), 12);
        assert_eq!(months_between(date!(2026 - 12 - 05), date!(2026 - 12 - 01)), 0);
    }
}
