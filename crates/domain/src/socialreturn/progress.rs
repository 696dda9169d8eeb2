//! The obligation of a contract, progress against it and time, and the settlement when the contract ends.

use super::pro_rata;
use crate::money::Money;
use serde::{Deserialize, Serialize};
use time::Date;

/// What the contract asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Obligation {
    /// A share of the contract value excl. VAT, in basis points (500 = 5%).
    Percentage(u32),
    /// A fixed amount.
    Fixed(Money),
}

impl Obligation {
    /// The obligation in money for a contract value.
    pub fn amount(self, contract_value: Money) -> Money {
        match self {
            Obligation::Percentage(bp) => Money::from_cents(pro_rata(contract_value.cents(), i64::from(bp), 10_000)),
            Obligation::Fixed(amount) => amount,
        }
    }
}

/// How a contract stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The approved value meets the obligation.
    Fulfilled,
    /// On its way.
    OnTrack,
    /// At the current pace it will not be met by the end.
    AtRisk,
    /// Ended without meeting the obligation.
    Overdue,
}

impl Standing {
    /// A stable code for styling and filters.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Fulfilled => "fulfilled",
            Standing::OnTrack => "on_track",
            Standing::AtRisk => "at_risk",
            Standing::Overdue => "overdue",
        }
    }
}

/// Progress of a contract on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The obligation in money.
    pub obligation: Money,
    /// Approved contributions.
    pub approved: Money,
    /// Contributions waiting for approval.
    pub pending: Money,
    /// What the approved value will be at the end at the pace so far (`None` before the start).
    pub expected: Option<Money>,
    /// Days until the end (negative after it).
    pub days_left: i64,
    /// The standing.
    pub standing: Standing,
}

/// Progress on `today` of a contract running from `start` to `end` (both included).
pub fn progress(obligation: Money, approved: Money, pending: Money, start: Date, end: Date, today: Date) -> Progress {
    let total_days = (end - start).whole_days() + 1;
    let elapsed = ((today - start).whole_days() + 1).clamp(0, total_days);
    let expected = (elapsed > 0).then(|| Money::from_cents(pro_rata(approved.cents(), total_days, elapsed)));
    let standing = if approved >= obligation {
        Standing::Fulfilled
    } else if today > end {
        Standing::Overdue
    } else if expected.is_some_and(|e| e < obligation) && elapsed * 4 >= total_days {
        // Only after a quarter of the term: a contract that just started has no pace yet.
        Standing::AtRisk
    } else {
        Standing::OnTrack
    };
    Progress { obligation, approved, pending, expected, days_left: (end - today).whole_days(), standing }
}

/// What happens at the end to an unfulfilled obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settlement {
    /// The part of the obligation not fulfilled.
    pub unfulfilled: Money,
    /// The amount withheld from the final payment: the unfulfilled part, unless the supplier did all it could.
    pub withhold: Money,
}

/// The settlement of an obligation after the repair period.
pub fn settlement(obligation: Money, approved: Money, did_all_it_could: bool) -> Settlement {
    let unfulfilled = Money::from_cents((obligation.cents() - approved.cents()).max(0));
    Settlement { unfulfilled, withhold: if did_all_it_could { Money::default() } else { unfulfilled } }
}

/// Why a contract's settlement cannot be recorded as asked (RULES.md: a repair period after the contract, then the
/// unfulfilled part is withheld from the final payment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettleRefusal {
    /// The contract runs until this day: nothing is settled while the supplier can still fulfil it.
    Running {
        /// The contract's last day.
        until: Date,
    },
    /// A repair period ends after the contract does; this one ends on or before its last day.
    RepairBeforeEnd {
        /// The contract's last day.
        ends_on: Date,
    },
    /// The repair period runs until this day: the supplier may still report.
    RepairRunning {
        /// The repair period's last day.
        until: Date,
    },
    /// Contributions still wait for the buyer's decision: the settlement would count without them.
    Pending,
}

/// Whether a settlement may be recorded on `today`: the repair period, if set, after the contract's last day; the
/// settlement itself (`settling`) only once the contract and its repair period are over and nothing waits.
pub fn settle_refusal(
    ends_on: Date,
    repair_until: Option<Date>,
    settling: bool,
    pending: Money,
    today: Date,
) -> Option<SettleRefusal> {
    if today <= ends_on {
        return Some(SettleRefusal::Running { until: ends_on });
    }
    match repair_until {
        Some(until) if until <= ends_on => return Some(SettleRefusal::RepairBeforeEnd { ends_on }),
        Some(until) if settling && until >= today => return Some(SettleRefusal::RepairRunning { until }),
        _ => {}
    }
    (settling && pending.cents() > 0).then_some(SettleRefusal::Pending)
}

/// The ends of a contract's reporting periods for a cadence (`monthly`, `quarterly`, `yearly`): the day before each
/// period's same date — or, in a month without that day (a start on the 29th to the 31st), that month's last day, as
/// a valuation's counted months end ([`super::valuation`]) — and the contract's last day for the last one.
pub fn reporting_period_ends(starts_on: Date, ends_on: Date, cadence: &str) -> Vec<Date> {
    let months = match cadence {
        "monthly" => 1,
        "yearly" => 12,
        _ => 3,
    };
    let mut ends = Vec::new();
    for k in 1.. {
        let end = super::valuation::months_later(starts_on, months * k);
        if end >= ends_on {
            ends.push(ends_on);
            break;
        }
        ends.push(end);
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settlement_waits_for_the_end_the_repair_period_and_every_decision() {
        let end = date!(2026 - 03 - 31);
        let nothing = Money::default();
        let refusal = |repair, settling, pending, today| settle_refusal(end, repair, settling, pending, today);
        // The contract's last day is still a running day.
        assert_eq!(refusal(None, true, nothing, end), Some(SettleRefusal::Running { until: end }));
        assert_eq!(refusal(None, false, nothing, end), Some(SettleRefusal::Running { until: end }));
        assert_eq!(refusal(None, true, nothing, date!(2026 - 04 - 01)), None);
        // A repair period ends after the contract, whether or not the settlement is recorded now.
        let early = Some(date!(2026 - 03 - 31));
        assert_eq!(
            refusal(early, false, nothing, date!(2026 - 05 - 01)),
            Some(SettleRefusal::RepairBeforeEnd { ends_on: end })
        );
        // While it runs (its last day included) the repair period may be set, not settled.
        let repair = Some(date!(2026 - 06 - 30));
        assert_eq!(refusal(repair, false, nothing, date!(2026 - 06 - 30)), None);
        let until = date!(2026 - 06 - 30);
        assert_eq!(refusal(repair, true, nothing, date!(2026 - 06 - 30)), Some(SettleRefusal::RepairRunning { until }));
        assert_eq!(refusal(repair, true, nothing, date!(2026 - 07 - 01)), None);
        // A contribution waiting for a decision holds the settlement back, not the repair period.
        assert_eq!(refusal(repair, true, euros(1), date!(2026 - 07 - 01)), Some(SettleRefusal::Pending));
        assert_eq!(refusal(repair, false, euros(1), date!(2026 - 07 - 01)), None);
    }
    use time::macros::date;

    fn euros(n: i64) -> Money {
        Money::from_cents(n * 100)
    }

    #[test]
    fn obligations_in_money() {
        assert_eq!(Obligation::Percentage(500).amount(Money::from_cents(123_456_789)), Money::from_cents(6_172_839));
        assert_eq!(Obligation::Fixed(Money::from_cents(5)).amount(Money::from_cents(1)), Money::from_cents(5));
    }

    #[test]
    fn progress_reads_pace_and_time() {
        let ob = euros(10_000);
        let (start, end) = (date!(2026 - 01 - 01), date!(2026 - 12 - 31));
        // 26 May is day 146 of 365 (two fifths) with 20% approved: at this pace 50% — at risk.
        let p = progress(ob, euros(2_000), euros(1_000), start, end, date!(2026 - 05 - 26));
        assert_eq!(p.standing, Standing::AtRisk);
        assert_eq!(p.expected, Some(euros(5_000)));
        assert_eq!(p.days_left, 219);
        // Early days: no verdict yet.
        let early = progress(ob, Money::default(), Money::default(), start, end, date!(2026 - 02 - 01));
        assert_eq!(early.standing, Standing::OnTrack);
        let before = progress(ob, Money::default(), Money::default(), start, end, date!(2025 - 12 - 01));
        assert_eq!(before.expected, None);
        // Over and short: overdue; met: fulfilled whenever.
        let late = progress(ob, euros(1), Money::default(), start, end, date!(2027 - 01 - 01));
        assert_eq!(late.standing, Standing::Overdue);
        assert_eq!(progress(ob, ob, Money::default(), start, end, date!(2026 - 03 - 01)).standing, Standing::Fulfilled);
    }

    #[test]
    fn settlement_withholds_the_unfulfilled_part_unless_all_was_done() {
        let s = settlement(euros(10_000), euros(7_500), false);
        assert_eq!((s.unfulfilled, s.withhold), (euros(2_500), euros(2_500)));
        assert_eq!(settlement(euros(10_000), euros(7_500), true).withhold, Money::default());
        assert_eq!(settlement(Money::from_cents(1), Money::from_cents(9), false).unfulfilled, Money::default());
    }

    #[test]
    fn reporting_periods_end_before_the_same_day_and_on_the_last_day() {
        let ends = reporting_period_ends(date!(2026 - 01 - 01), date!(2026 - 12 - 31), "quarterly");
        assert_eq!(ends, [date!(2026 - 03 - 31), date!(2026 - 06 - 30), date!(2026 - 09 - 30), date!(2026 - 12 - 31)]);
        let short = reporting_period_ends(date!(2026 - 01 - 15), date!(2026 - 05 - 01), "quarterly");
        assert_eq!(short, [date!(2026 - 04 - 14), date!(2026 - 05 - 01)]);
        // From the 31st: February has no 31st, so its period runs through the 28th (it stopped on the 27th, leaving
        // the 28th to the next month's period); March has, so the next ends on the 30th.
        let from_31st = reporting_period_ends(date!(2026 - 01 - 31), date!(2026 - 03 - 31), "monthly");
        assert_eq!(from_31st, [date!(2026 - 02 - 28), date!(2026 - 03 - 30), date!(2026 - 03 - 31)]);
        // From 29 February, yearly: through 28 February of the next years, then the contract's last day.
        let leap = reporting_period_ends(date!(2028 - 02 - 29), date!(2030 - 06 - 30), "yearly");
        assert_eq!(leap, [date!(2029 - 02 - 28), date!(2030 - 02 - 28), date!(2030 - 06 - 30)]);
    }
}
