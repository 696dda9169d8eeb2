//! Sale terms with amounts computed by hand: a home valued at € 200.000,00 sold with 20% Koopgarant discount for
//! € 160.000,00, and the edges of every range.

use super::*;

/// Koopgarant at 20% on € 200.000,00: € 160.000,00 with a 70% owner's share.
fn koopgarant() -> SaleTerms {
    SaleTerms {
        price_cents: 16_000_000,
        value_cents: 20_000_000,
        condition: SaleCondition::Koopgarant,
        discount_bp: Some(2000),
        owner_share_bp: Some(7000),
    }
}

fn plain(price_cents: i64) -> SaleTerms {
    SaleTerms {
        price_cents,
        value_cents: 20_000_000,
        condition: SaleCondition::None,
        discount_bp: None,
        owner_share_bp: None,
    }
}

#[test]
fn todays_koopgarant_table() {
    assert_eq!(koopgarant_owner_share_bp(1000), 8500);
    assert_eq!(koopgarant_owner_share_bp(1500), 7750);
    assert_eq!(koopgarant_owner_share_bp(2000), 7000);
    assert_eq!(koopgarant_owner_share_bp(2500), 6250);
    assert_eq!(koopgarant_owner_share_bp(0), 10_000);
}

#[test]
fn the_share_rounds_up_on_an_odd_discount_and_saturates_at_zero() {
    // 1 − 1.5 × 10.01% = 84.985%: the half basis point goes to the owner.
    assert_eq!(koopgarant_owner_share_bp(1001), 8499);
    // 1.5 × 6666 = 9999; 1.5 × 6667 = 10000.5, floored to 10000.
    assert_eq!(koopgarant_owner_share_bp(6666), 1);
    assert_eq!(koopgarant_owner_share_bp(6667), 0);
    assert_eq!(koopgarant_owner_share_bp(7000), 0);
    assert_eq!(koopgarant_owner_share_bp(u32::MAX), 0);
}

#[test]
fn discounted_price() {
    assert_eq!(discounted_price_cents(20_000_000, 2000), 16_000_000);
    // € 187.500,00 less 15% = € 159.375,00.
    assert_eq!(discounted_price_cents(18_750_000, 1500), 15_937_500);
    // € 333,33 less 10% = € 299,997 → € 300,00; € 333,35 less 10% = € 300,015 → € 300,02 (half away from zero).
    assert_eq!(discounted_price_cents(33_333, 1000), 30_000);
    assert_eq!(discounted_price_cents(33_335, 1000), 30_002);
    assert_eq!(discounted_price_cents(20_000_000, 0), 20_000_000);
    assert_eq!(discounted_price_cents(20_000_000, 12_000), 0);
}

#[test]
fn a_complete_koopgarant_sale_has_no_problems() {
    assert_eq!(koopgarant().problems(), vec![]);
    assert_eq!(plain(19_000_000).problems(), vec![]);
}

#[test]
fn price_and_value_must_be_positive() {
    assert_eq!(plain(0).problems(), vec![SaleProblem::PriceNotPositive]);
    assert_eq!(plain(-1).problems(), vec![SaleProblem::PriceNotPositive]);
    let terms = SaleTerms { value_cents: 0, ..plain(1) };
    assert_eq!(terms.problems(), vec![SaleProblem::ValueNotPositive]);
    // With a discount: the price check is skipped, since it has nothing sound to compare.
    let terms = SaleTerms { price_cents: 0, value_cents: -5, ..koopgarant() };
    assert_eq!(terms.problems(), vec![SaleProblem::PriceNotPositive, SaleProblem::ValueNotPositive]);
}

#[test]
fn no_discount_or_share_without_a_condition() {
    let terms = SaleTerms { discount_bp: Some(1000), ..plain(18_000_000) };
    assert_eq!(terms.problems(), vec![SaleProblem::NoDiscountWithoutCondition]);
    let terms = SaleTerms { owner_share_bp: Some(8500), ..plain(18_000_000) };
    assert_eq!(terms.problems(), vec![SaleProblem::NoDiscountWithoutCondition]);
    // Reported once, even with both.
    let terms = SaleTerms { discount_bp: Some(1000), owner_share_bp: Some(8500), ..plain(18_000_000) };
    assert_eq!(terms.problems(), vec![SaleProblem::NoDiscountWithoutCondition]);
}

#[test]
fn a_condition_needs_a_discount_and_a_share() {
    let terms = SaleTerms { discount_bp: None, owner_share_bp: None, ..koopgarant() };
    assert_eq!(terms.problems(), vec![SaleProblem::DiscountRequired, SaleProblem::ShareRequired]);
    let terms = SaleTerms { condition: SaleCondition::OtherDiscount, owner_share_bp: None, ..koopgarant() };
    assert_eq!(terms.problems(), vec![SaleProblem::ShareRequired]);
}

#[test]
fn koopgarant_discount_is_at_least_ten_percent_and_at_most_half() {
    let at = |discount: u32| SaleTerms {
        price_cents: discounted_price_cents(20_000_000, discount),
        discount_bp: Some(discount),
        ..koopgarant()
    };
    assert_eq!(at(999).problems(), vec![SaleProblem::DiscountOutOfRange]);
    assert_eq!(at(1000).problems(), vec![]);
    assert_eq!(at(5000).problems(), vec![]);
    assert_eq!(at(5001).problems(), vec![SaleProblem::DiscountOutOfRange]);
}

#[test]
fn another_discount_may_be_small() {
    let at = |discount: u32| SaleTerms {
        price_cents: discounted_price_cents(20_000_000, discount),
        condition: SaleCondition::OtherDiscount,
        discount_bp: Some(discount),
        ..koopgarant()
    };
    assert_eq!(at(0).problems(), vec![SaleProblem::DiscountOutOfRange]);
    assert_eq!(at(1).problems(), vec![]);
    assert_eq!(at(500).problems(), vec![]);
    assert_eq!(at(5000).problems(), vec![]);
    assert_eq!(at(5001).problems(), vec![SaleProblem::DiscountOutOfRange]);
}

#[test]
fn the_share_is_between_one_basis_point_and_all() {
    let with = |share: u32| SaleTerms { owner_share_bp: Some(share), ..koopgarant() };
    assert_eq!(with(0).problems(), vec![SaleProblem::ShareOutOfRange]);
    assert_eq!(with(1).problems(), vec![]);
    assert_eq!(with(10_000).problems(), vec![]);
    assert_eq!(with(10_001).problems(), vec![SaleProblem::ShareOutOfRange]);
}

#[test]
fn the_price_matches_the_discount_within_one_percent_of_the_value() {
    // Value € 200.000,00, 20% off: € 160.000,00 expected, € 2.000,00 (1% of the value) either way accepted.
    let priced = |price_cents: i64| SaleTerms { price_cents, ..koopgarant() };
    assert_eq!(priced(16_200_000).problems(), vec![]);
    assert_eq!(priced(16_200_001).problems(), vec![SaleProblem::DiscountDoesNotMatchPrice]);
    assert_eq!(priced(15_800_000).problems(), vec![]);
    assert_eq!(priced(15_799_999).problems(), vec![SaleProblem::DiscountDoesNotMatchPrice]);
    // The full value entered as price, as if the discount were forgotten.
    assert_eq!(priced(20_000_000).problems(), vec![SaleProblem::DiscountDoesNotMatchPrice]);
}

#[test]
fn a_discount_out_of_range_is_not_also_a_mismatch() {
    let terms = SaleTerms { discount_bp: Some(900), ..koopgarant() };
    assert_eq!(terms.problems(), vec![SaleProblem::DiscountOutOfRange]);
}

#[test]
fn ninety_percent_of_the_value() {
    assert!(!below_ninety_percent(18_000_000, 20_000_000), "exactly 90% needs no conditions");
    assert!(below_ninety_percent(17_999_999, 20_000_000));
    assert!(below_ninety_percent(16_000_000, 20_000_000));
    assert!(!below_ninety_percent(20_000_000, 20_000_000));
    // 90% of 333 cents is 299.7: 299 is below, 300 is not.
    assert!(below_ninety_percent(299, 333));
    assert!(!below_ninety_percent(300, 333));
    // No overflow at the extremes.
    assert!(!below_ninety_percent(i64::MAX, i64::MAX));
}

#[test]
fn codes_are_stable() {
    assert_eq!(SaleCondition::parse("koopgarant"), Ok(SaleCondition::Koopgarant));
    assert_eq!(SaleCondition::parse(" andere_korting "), Ok(SaleCondition::OtherDiscount));
    assert_eq!(SaleCondition::None.code(), "geen");
    assert_eq!(ValueKind::parse("taxatie"), Ok(ValueKind::Appraisal));
    assert_eq!(ValueKind::Woz.code(), "woz");
}
