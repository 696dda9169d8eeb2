//! How long a buyer's personal data is kept (ADR 0066). The name, e-mail and phone, the answers of the talk before
//! the sale, the koopcoach's log and the free-text notes of the checks serve the aftercare; they are deleted a set
//! time after it ends. The aftercare of a plain sale ends with its last check (on the day it was done, or on its due
//! day while it is not); a sale with an obligation to buy back (Koopgarant, another discount) keeps the buyer's data
//! while that obligation runs, that is until the home is bought back.

use super::sale::SaleCondition;
use time::{Date, Duration};

/// Days the buyer's data is kept after the aftercare ends, unless the operator sets another number.
pub const DEFAULT_KEEP_DAYS: i64 = 365;

/// The facts of one sale that decide when its aftercare ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aftercare {
    /// The day of the sale.
    pub sold_on: Date,
    /// The condition it came with.
    pub condition: SaleCondition,
    /// The day the corporation bought the home back, if it did.
    pub bought_back_on: Option<Date>,
    /// Each planned check: its due day and the day it was done.
    pub checks: Vec<(Date, Option<Date>)>,
}

/// The day the aftercare ends; `None` while an obligation to buy back runs.
pub fn aftercare_ends(facts: &Aftercare) -> Option<Date> {
    if let Some(back) = facts.bought_back_on {
        return Some(back);
    }
    if facts.condition != SaleCondition::None {
        return None;
    }
    Some(facts.checks.iter().map(|&(due, done)| done.unwrap_or(due).max(due)).max().unwrap_or(facts.sold_on))
}

/// The day the buyer's data is deleted: `keep_days` after the aftercare ends; `None` while it cannot end.
pub fn buyer_data_deleted_on(facts: &Aftercare, keep_days: i64) -> Option<Date> {
    aftercare_ends(facts).map(|end| end + Duration::days(keep_days.max(0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn plain(checks: Vec<(Date, Option<Date>)>) -> Aftercare {
        Aftercare { sold_on: date!(2020 - 03 - 15), condition: SaleCondition::None, bought_back_on: None, checks }
    }

    #[test]
    fn a_plain_sale_ends_with_its_last_check() {
        let three = (date!(2023 - 03 - 15), Some(date!(2023 - 02 - 01)));
        let six_done_late = (date!(2026 - 03 - 15), Some(date!(2026 - 05 - 02)));
        assert_eq!(aftercare_ends(&plain(vec![three, six_done_late])), Some(date!(2026 - 05 - 02)));
        assert_eq!(buyer_data_deleted_on(&plain(vec![three, six_done_late]), 365), Some(date!(2027 - 05 - 02)));
    }

    #[test]
    fn a_check_done_early_or_not_at_all_ends_on_its_due_day() {
        let six_early = (date!(2026 - 03 - 15), Some(date!(2026 - 01 - 20)));
        assert_eq!(aftercare_ends(&plain(vec![six_early])), Some(date!(2026 - 03 - 15)));
        let six_open = (date!(2026 - 03 - 15), None);
        assert_eq!(aftercare_ends(&plain(vec![six_open])), Some(date!(2026 - 03 - 15)));
        // 2028 is a leap year: 365 days after 15 March 2027 is 14 March 2028.
        assert_eq!(
            buyer_data_deleted_on(&plain(vec![(date!(2027 - 03 - 15), None)]), 365),
            Some(date!(2028 - 03 - 14))
        );
    }

    #[test]
    fn a_sale_without_checks_ends_on_the_day_of_sale() {
        assert_eq!(buyer_data_deleted_on(&plain(vec![]), 30), Some(date!(2020 - 04 - 14)));
        assert_eq!(buyer_data_deleted_on(&plain(vec![]), -5), Some(date!(2020 - 03 - 15)), "never before the end");
    }

    #[test]
    fn an_obligation_to_buy_back_keeps_the_data_until_the_home_is_bought_back() {
        for condition in [SaleCondition::Koopgarant, SaleCondition::OtherDiscount] {
            let mut sale = plain(vec![(date!(2023 - 03 - 15), Some(date!(2023 - 03 - 01)))]);
            sale.condition = condition;
            assert_eq!(aftercare_ends(&sale), None, "{condition:?}");
            sale.bought_back_on = Some(date!(2031 - 06 - 30));
            assert_eq!(buyer_data_deleted_on(&sale, 365), Some(date!(2032 - 06 - 29)), "{condition:?}");
        }
    }

    #[test]
    fn a_plain_sale_bought_back_ends_on_that_day() {
        let mut sale = plain(vec![(date!(2026 - 03 - 15), None)]);
        sale.bought_back_on = Some(date!(2024 - 01 - 10));
        assert_eq!(aftercare_ends(&sale), Some(date!(2024 - 01 - 10)));
    }
}
