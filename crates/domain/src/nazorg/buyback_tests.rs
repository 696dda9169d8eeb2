//! Buy-back prices computed by hand. The main case: a home valued at € 200.000,00, bought with 20% Koopgarant
//! discount for € 160.000,00, so the owner's share is 70%.

use super::*;

fn bought(value_now_cents: i64) -> BuybackInput {
    BuybackInput {
        purchase_price_cents: 16_000_000,
        value_at_purchase_cents: 20_000_000,
        value_now_cents,
        improvements_cents: 0,
        owner_share_bp: 7000,
    }
}

#[test]
fn a_rise_is_shared() {
    // € 250.000 − € 200.000 = € 50.000; 70% is € 35.000; € 160.000 + € 35.000 = € 195.000.
    assert_eq!(
        buyback(&bought(25_000_000)),
        Buyback {
            purchase_price_cents: 16_000_000,
            value_change_cents: 5_000_000,
            owner_share_bp: 7000,
            owner_part_cents: 3_500_000,
            corporation_part_cents: 1_500_000,
            improvements_cents: 0,
            price_cents: 19_500_000,
        }
    );
}

#[test]
fn improvements_go_wholly_to_the_owner() {
    // € 195.000 + € 10.000 of improvements = € 205.000.
    let input = BuybackInput { improvements_cents: 1_000_000, ..bought(25_000_000) };
    let result = buyback(&input);
    assert_eq!(result.owner_part_cents, 3_500_000);
    assert_eq!(result.improvements_cents, 1_000_000);
    assert_eq!(result.price_cents, 20_500_000);
}

#[test]
fn a_fall_is_shared_too() {
    // € 180.000 − € 200.000 = −€ 20.000; 70% is −€ 14.000; € 160.000 − € 14.000 = € 146.000.
    let result = buyback(&bought(18_000_000));
    assert_eq!(result.value_change_cents, -2_000_000);
    assert_eq!(result.owner_part_cents, -1_400_000);
    assert_eq!(result.corporation_part_cents, -600_000);
    assert_eq!(result.price_cents, 14_600_000);
}

#[test]
fn no_change_returns_the_purchase_price() {
    let result = buyback(&bought(20_000_000));
    assert_eq!((result.value_change_cents, result.owner_part_cents, result.corporation_part_cents), (0, 0, 0));
    assert_eq!(result.price_cents, 16_000_000);
}

#[test]
fn an_older_contract_keeps_its_own_share() {
    // A 50% share: half of the € 50.000 rise, € 160.000 + € 25.000 = € 185.000.
    let result = buyback(&BuybackInput { owner_share_bp: 5000, ..bought(25_000_000) });
    assert_eq!(result.owner_part_cents, 2_500_000);
    assert_eq!(result.corporation_part_cents, 2_500_000);
    assert_eq!(result.price_cents, 18_500_000);
}

#[test]
fn odd_cents_at_fifteen_percent() {
    // Value € 187.500,00 less 15% = € 159.375,00; share 77,5%. Now € 201.234,57: change € 13.734,57.
    // 1.373.457 × 0,775 = 1.064.429,175 cents → 1.064.429; the corporation keeps 1.373.457 − 1.064.429 = 309.028.
    // Price 15.937.500 + 1.064.429 = 17.001.929 cents, € 170.019,29.
    let input = BuybackInput {
        purchase_price_cents: 15_937_500,
        value_at_purchase_cents: 18_750_000,
        value_now_cents: 20_123_457,
        improvements_cents: 0,
        owner_share_bp: 7750,
    };
    let result = buyback(&input);
    assert_eq!(result.value_change_cents, 1_373_457);
    assert_eq!(result.owner_part_cents, 1_064_429);
    assert_eq!(result.corporation_part_cents, 309_028);
    assert_eq!(result.price_cents, 17_001_929);
    // The same fall mirrors it: € 187.500,00 − € 13.734,57 = € 173.765,43.
    let result = buyback(&BuybackInput { value_now_cents: 17_376_543, ..input });
    assert_eq!(result.value_change_cents, -1_373_457);
    assert_eq!(result.owner_part_cents, -1_064_429);
    assert_eq!(result.corporation_part_cents, -309_028);
    assert_eq!(result.price_cents, 15_937_500 - 1_064_429);
}

#[test]
fn the_owners_part_rounds_half_away_from_zero() {
    let part = |change: i64, share: u32| {
        let input = BuybackInput { value_now_cents: 20_000_000 + change, owner_share_bp: share, ..bought(0) };
        let result = buyback(&input);
        assert_eq!(result.owner_part_cents + result.corporation_part_cents, change, "no cent lost");
        result.owner_part_cents
    };
    // 1 cent × 77,5% = 0,775 → 1; and −1 → −1.
    assert_eq!(part(1, 7750), 1);
    assert_eq!(part(-1, 7750), -1);
    // 2 × 0,775 = 1,55 → 2.
    assert_eq!(part(2, 7750), 2);
    // Exactly half: 0,5 → 1 and −0,5 → −1; 1,5 → 2.
    assert_eq!(part(1, 5000), 1);
    assert_eq!(part(-1, 5000), -1);
    assert_eq!(part(3, 5000), 2);
    // Just under half: 0,4999 → 0, the corporation keeps the cent.
    assert_eq!(part(1, 4999), 0);
    assert_eq!(part(-1, 4999), 0);
    // 7 × 85% = 5,95 → 6; 7 × 62,5% = 4,375 → 4.
    assert_eq!(part(7, 8500), 6);
    assert_eq!(part(7, 6250), 4);
}

#[test]
fn a_full_share_gives_the_owner_everything() {
    let result = buyback(&BuybackInput { owner_share_bp: 10_000, ..bought(25_000_000) });
    assert_eq!(result.owner_part_cents, 5_000_000);
    assert_eq!(result.corporation_part_cents, 0);
    assert_eq!(result.price_cents, 21_000_000);
}

#[test]
fn validation() {
    assert_eq!(validate(&bought(25_000_000)), vec![]);
    assert_eq!(validate(&bought(0)), vec![BuybackProblem::ValueNotPositive]);
    assert_eq!(
        validate(&BuybackInput { purchase_price_cents: 0, ..bought(25_000_000) }),
        vec![BuybackProblem::ValueNotPositive]
    );
    assert_eq!(
        validate(&BuybackInput { value_at_purchase_cents: -1, ..bought(25_000_000) }),
        vec![BuybackProblem::ValueNotPositive]
    );
    assert_eq!(
        validate(&BuybackInput { improvements_cents: -1, ..bought(25_000_000) }),
        vec![BuybackProblem::ImprovementsNegative]
    );
    assert_eq!(validate(&BuybackInput { owner_share_bp: 1, ..bought(25_000_000) }), vec![]);
    assert_eq!(validate(&BuybackInput { owner_share_bp: 10_000, ..bought(25_000_000) }), vec![]);
    assert_eq!(
        validate(&BuybackInput { owner_share_bp: 0, ..bought(25_000_000) }),
        vec![BuybackProblem::ShareOutOfRange]
    );
    assert_eq!(
        validate(&BuybackInput { owner_share_bp: 10_001, improvements_cents: -5, ..bought(-1) }),
        vec![BuybackProblem::ValueNotPositive, BuybackProblem::ImprovementsNegative, BuybackProblem::ShareOutOfRange]
    );
}
