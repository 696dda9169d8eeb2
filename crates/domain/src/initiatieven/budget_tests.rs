//! Budget arithmetic, amounts computed by hand.

use super::*;

/// € 25.000 for the year, € 18.500 granted, € 7.250,50 spent.
const STATE: BudgetState = BudgetState { budget_cents: 2_500_000, granted_cents: 1_850_000, spent_cents: 725_050 };

#[test]
fn remaining_and_unspent() {
    assert_eq!(STATE.remaining(), 650_000);
    assert_eq!(STATE.unspent(), 1_124_950);
    assert!(!STATE.is_overdrawn());
    let fresh = BudgetState { budget_cents: 1_000_000, granted_cents: 0, spent_cents: 0 };
    assert_eq!((fresh.remaining(), fresh.unspent()), (1_000_000, 0));
}

#[test]
fn an_override_shows_as_a_negative_remainder() {
    let over = BudgetState { granted_cents: 2_600_000, ..STATE };
    assert_eq!(over.remaining(), -100_000);
    assert!(over.is_overdrawn());
    assert!(!BudgetState { granted_cents: 2_500_000, ..STATE }.is_overdrawn(), "exactly used up");
}

#[test]
fn a_grant_up_to_the_remaining_budget() {
    assert_eq!(may_grant(&STATE, 650_000, false), Ok(()), "to exactly zero");
    assert_eq!(may_grant(&STATE, 1, false), Ok(()));
    assert_eq!(may_grant(&STATE, 650_001, false), Err(GrantBlock::OverBudget { short_cents: 1 }));
    assert_eq!(may_grant(&STATE, 1_000_000, false), Err(GrantBlock::OverBudget { short_cents: 350_000 }));
}

#[test]
fn an_override_lets_a_grant_past_the_budget() {
    assert_eq!(may_grant(&STATE, 1_000_000, true), Ok(()));
    let overdrawn = BudgetState { granted_cents: 2_510_000, ..STATE };
    // € 100 overdrawn: a grant of € 50 falls short by € 150.
    assert_eq!(may_grant(&overdrawn, 5_000, false), Err(GrantBlock::OverBudget { short_cents: 15_000 }));
    assert_eq!(may_grant(&overdrawn, 5_000, true), Ok(()));
}

#[test]
fn a_grant_is_positive_even_with_an_override() {
    for override_budget in [false, true] {
        assert_eq!(may_grant(&STATE, 0, override_budget), Err(GrantBlock::NotPositive));
        assert_eq!(may_grant(&STATE, -1, override_budget), Err(GrantBlock::NotPositive));
    }
}

#[test]
fn a_zero_budget_grants_nothing_without_an_override() {
    let zero = BudgetState { budget_cents: 0, granted_cents: 0, spent_cents: 0 };
    assert_eq!(may_grant(&zero, 100, false), Err(GrantBlock::OverBudget { short_cents: 100 }));
}

#[test]
fn spending_within_the_grant_with_evidence() {
    // A grant of € 1.500, € 1.200 spent: € 300 may still go.
    assert_eq!(may_spend(150_000, 120_000, 30_000, true), Ok(()), "to the last cent");
    assert_eq!(may_spend(150_000, 120_000, 30_001, true), Err(SpendBlock::OverGrant { short_cents: 1 }));
    assert_eq!(may_spend(150_000, 0, 200_000, true), Err(SpendBlock::OverGrant { short_cents: 50_000 }));
    assert_eq!(may_spend(150_000, 0, 150_000, true), Ok(()));
}

#[test]
fn spending_needs_evidence() {
    assert_eq!(may_spend(150_000, 0, 1_000, false), Err(SpendBlock::NoEvidence));
}

#[test]
fn the_order_of_the_spending_checks() {
    assert_eq!(may_spend(150_000, 0, 0, false), Err(SpendBlock::NotPositive));
    assert_eq!(may_spend(150_000, 0, -5, true), Err(SpendBlock::NotPositive));
    assert_eq!(may_spend(150_000, 150_000, 1, false), Err(SpendBlock::OverGrant { short_cents: 1 }));
}

#[test]
fn huge_amounts_do_not_overflow() {
    assert_eq!(may_spend(0, i64::MAX, i64::MAX, true), Err(SpendBlock::OverGrant { short_cents: i64::MAX }));
    let state = BudgetState { budget_cents: i64::MIN, granted_cents: i64::MAX, spent_cents: 0 };
    assert_eq!(state.remaining(), i64::MIN);
    assert_eq!(may_grant(&state, 1, false), Err(GrantBlock::OverBudget { short_cents: i64::MAX }));
}

#[test]
fn blocks_read_in_dutch() {
    assert_eq!(
        GrantBlock::OverBudget { short_cents: 35_000 }.to_string(),
        "de toekenning is € 350,00 groter dan wat er over is van het budget"
    );
    assert_eq!(SpendBlock::NoEvidence.to_string(), "voeg een bewijs toe: een bestand of een beschrijving van de bon");
}
