//! The Koopgarant buy-back price (RULES.md, Opmaat's rulebook): purchase price + the owner's share × (market value
//! at buy-back without the owner's improvements − market value at purchase) + 100% of the valued improvements.
//!
//! The share applies to a fall as to a rise: after a fall the owner gets back less than they paid. The purchase
//! price is what the buyer paid, after the discount; the contract's own share governs (older contracts used other
//! ratios than today's table, [`super::sale::koopgarant_owner_share_bp`]).

use super::sale::round_div;

/// What the buy-back price is computed from, all amounts in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuybackInput {
    /// What the owner paid (the value less the discount).
    pub purchase_price_cents: i64,
    /// The market value when the owner bought.
    pub value_at_purchase_cents: i64,
    /// The market value now, without the owner's improvements.
    pub value_now_cents: i64,
    /// The valued effect of the owner's improvements, which goes wholly to the owner.
    pub improvements_cents: i64,
    /// The owner's share of a rise or fall in value, in basis points, from the contract.
    pub owner_share_bp: u32,
}

/// A buy-back price with its parts, so the page can show how it was reached. Amounts in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Buyback {
    /// What the owner paid.
    pub purchase_price_cents: i64,
    /// Value now − value at purchase; negative after a fall.
    pub value_change_cents: i64,
    /// The owner's share, in basis points.
    pub owner_share_bp: u32,
    /// The owner's part of the change (rounded to whole cents, half away from zero).
    pub owner_part_cents: i64,
    /// The corporation's part of the change: the change less the owner's part, so the two always add up.
    pub corporation_part_cents: i64,
    /// The valued improvements, paid in full.
    pub improvements_cents: i64,
    /// The buy-back price: purchase price + owner's part + improvements.
    pub price_cents: i64,
}

/// What is wrong with a [`BuybackInput`]. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BuybackProblem {
    /// The purchase price, the value at purchase or the value now is zero or negative.
    #[error("koopprijs en waarden moeten groter zijn dan nul")]
    ValueNotPositive,
    /// The improvements are negative (a loss of value through neglect is in the value now, not here).
    #[error("de waarde van verbeteringen kan niet negatief zijn")]
    ImprovementsNegative,
    /// The owner's share is not between 0.01% and 100%.
    #[error("het aandeel van de eigenaar moet tussen 0,01% en 100% liggen")]
    ShareOutOfRange,
}

/// Everything wrong with a buy-back input; empty when [`buyback`] may be shown as a price.
pub fn validate(input: &BuybackInput) -> Vec<BuybackProblem> {
    let mut problems = Vec::new();
    if input.purchase_price_cents <= 0 || input.value_at_purchase_cents <= 0 || input.value_now_cents <= 0 {
        problems.push(BuybackProblem::ValueNotPositive);
    }
    if input.improvements_cents < 0 {
        problems.push(BuybackProblem::ImprovementsNegative);
    }
    if !(1..=10_000).contains(&input.owner_share_bp) {
        problems.push(BuybackProblem::ShareOutOfRange);
    }
    problems
}

/// The buy-back price and its parts.
///
/// The owner's part is rounded to whole cents half away from zero, so a rise and an equal fall give parts of the
/// same size; the corporation's part is what remains of the change, so no cent is lost between the two.
pub fn buyback(input: &BuybackInput) -> Buyback {
    let value_change_cents = input.value_now_cents.saturating_sub(input.value_at_purchase_cents);
    let owner_part_cents = round_div(i128::from(value_change_cents) * i128::from(input.owner_share_bp), 10_000);
    Buyback {
        purchase_price_cents: input.purchase_price_cents,
        value_change_cents,
        owner_share_bp: input.owner_share_bp,
        owner_part_cents,
        corporation_part_cents: value_change_cents.saturating_sub(owner_part_cents),
        improvements_cents: input.improvements_cents,
        price_cents: input
            .purchase_price_cents
            .saturating_add(owner_part_cents)
            .saturating_add(input.improvements_cents),
    }
}

#[cfg(test)]
#[path = "buyback_tests.rs"]
mod tests;
