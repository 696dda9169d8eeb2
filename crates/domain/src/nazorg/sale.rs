//! The terms of a sale to a tenant: the price against the WOZ or appraised value, and the condition (Koopgarant or
//! another discount with a buy-back obligation) that allows a price below 90% of that value.

use crate::coded_enum;

coded_enum! {
    /// The condition a sale comes with.
    pub enum SaleCondition {
        /// No condition: a plain sale at (close to) the value.
        None = "geen",
        /// Koopgarant (Opmaat): a discount, a shared rise or fall in value, and an obligation to buy back.
        Koopgarant = "koopgarant",
        /// Another discount with a buy-back obligation (a corporation's own scheme).
        OtherDiscount = "andere_korting",
    }
}

coded_enum! {
    /// Which value the price is compared with.
    pub enum ValueKind {
        /// The WOZ value of the home.
        Woz = "woz",
        /// An appraisal (taxatie) of the vacant value.
        Appraisal = "taxatie",
    }
}

/// The smallest Koopgarant discount (RULES.md: at least 10%), in basis points.
pub const KOOPGARANT_MIN_DISCOUNT_BP: u32 = 1000;
/// The largest discount accepted for either condition, in basis points. Higher discounts exist nowhere in
/// practice (usually 10–25%); above half the value a typing error is far more likely than a real contract.
pub const MAX_DISCOUNT_BP: u32 = 5000;

/// The owner's share of a rise or fall in value under today's Koopgarant table: 1 − 1.5 × discount, in basis
/// points (10% → 8500, 15% → 7750, 20% → 7000, 25% → 6250), 0 from a discount of 66.67% up.
///
/// For an odd discount the half basis point is dropped from the reduction, so the share rounds up
/// (1001 bp → 8498.5 → 8499). Older contracts used other ratios: a contract's own share governs, this only
/// proposes one.
pub fn koopgarant_owner_share_bp(discount_bp: u32) -> u32 {
    let reduction = u64::from(discount_bp) * 3 / 2;
    // The reduction can exceed u32 for absurd discounts; saturate rather than wrap.
    10_000u64.saturating_sub(reduction) as u32
}

/// The price after a discount: value × (1 − discount), rounded to whole cents half away from zero. A discount
/// above 100% gives a price of 0.
pub fn discounted_price_cents(value_cents: i64, discount_bp: u32) -> i64 {
    let remaining = i128::from(10_000u32.saturating_sub(discount_bp));
    round_div(i128::from(value_cents) * remaining, 10_000)
}

/// `numerator / denominator` rounded half away from zero; `denominator` must be positive.
pub(crate) fn round_div(numerator: i128, denominator: i128) -> i64 {
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    let rounded = if remainder.abs() * 2 >= denominator { quotient + numerator.signum() } else { quotient };
    // Amounts in cents of a home are far inside i64; clamp instead of wrapping should one not be.
    rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// The terms of one sale, as entered by staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleTerms {
    /// What the buyer pays, in cents (after any discount).
    pub price_cents: i64,
    /// The WOZ or appraised vacant value, in cents.
    pub value_cents: i64,
    /// The condition the sale comes with.
    pub condition: SaleCondition,
    /// The discount, in basis points; required with a condition, absent without.
    pub discount_bp: Option<u32>,
    /// The owner's share of a later rise or fall in value, in basis points; required with a condition.
    pub owner_share_bp: Option<u32>,
}

/// What is wrong with a [`SaleTerms`]. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SaleProblem {
    /// The price is zero or negative.
    #[error("de koopprijs moet groter zijn dan nul")]
    PriceNotPositive,
    /// The value is zero or negative.
    #[error("de waarde moet groter zijn dan nul")]
    ValueNotPositive,
    /// A condition with a discount was chosen but no discount entered.
    #[error("bij deze voorwaarde hoort een korting")]
    DiscountRequired,
    /// The discount is outside what the condition allows (Koopgarant 10–50%, another discount 0.01–50%).
    #[error("de korting valt buiten wat de voorwaarde toestaat")]
    DiscountOutOfRange,
    /// A condition with a discount was chosen but no owner's share entered.
    #[error("bij deze voorwaarde hoort een aandeel van de eigenaar in waardeverandering")]
    ShareRequired,
    /// The owner's share is not between 0.01% and 100%.
    #[error("het aandeel van de eigenaar moet tussen 0,01% en 100% liggen")]
    ShareOutOfRange,
    /// A discount or share was entered for a sale without a condition.
    #[error("een korting of aandeel hoort alleen bij een verkoop met voorwaarden")]
    NoDiscountWithoutCondition,
    /// The price is not the value less the discount (within 1% of the value).
    #[error("de koopprijs is niet de waarde min de korting")]
    DiscountDoesNotMatchPrice,
}

impl SaleTerms {
    /// Everything wrong with these terms, in the order of the form's fields; empty when they can be stored.
    ///
    /// With a discount the price must be value × (1 − discount), but only within 1% of the value: the notary's
    /// deed rounds the price (often to whole euros or hundreds), and staff copy the price from the deed. The
    /// check is exact in integers: |price − value × (1 − discount)| ≤ value / 100. It is skipped while the price,
    /// the value or the discount is itself wrong, since that problem is already reported.
    pub fn problems(&self) -> Vec<SaleProblem> {
        let mut problems = Vec::new();
        if self.price_cents <= 0 {
            problems.push(SaleProblem::PriceNotPositive);
        }
        if self.value_cents <= 0 {
            problems.push(SaleProblem::ValueNotPositive);
        }
        let discount_range = match self.condition {
            SaleCondition::None => {
                if self.discount_bp.is_some() || self.owner_share_bp.is_some() {
                    problems.push(SaleProblem::NoDiscountWithoutCondition);
                }
                return problems;
            }
            SaleCondition::Koopgarant => KOOPGARANT_MIN_DISCOUNT_BP..=MAX_DISCOUNT_BP,
            SaleCondition::OtherDiscount => 1..=MAX_DISCOUNT_BP,
        };
        let discount = match self.discount_bp {
            None => {
                problems.push(SaleProblem::DiscountRequired);
                None
            }
            Some(discount) if !discount_range.contains(&discount) => {
                problems.push(SaleProblem::DiscountOutOfRange);
                None
            }
            Some(discount) => Some(discount),
        };
        match self.owner_share_bp {
            None => problems.push(SaleProblem::ShareRequired),
            Some(share) if !(1..=10_000).contains(&share) => problems.push(SaleProblem::ShareOutOfRange),
            Some(_) => {}
        }
        if let Some(discount) = discount {
            if self.price_cents > 0 && self.value_cents > 0 {
                let value = i128::from(self.value_cents);
                // Compared in basis points of a cent, so no rounding enters the check.
                let expected = value * i128::from(10_000 - discount);
                let difference = (i128::from(self.price_cents) * 10_000 - expected).abs();
                if difference > value * 100 {
                    problems.push(SaleProblem::DiscountDoesNotMatchPrice);
                }
            }
        }
        problems
    }
}

/// The price is below 90% of the value (price × 10 < value × 9, exact). RULES.md: such a sale needs conditions
/// and may need prior approval, so the UI warns; it does not refuse, since the conditions are staff's to judge.
pub fn below_ninety_percent(price_cents: i64, value_cents: i64) -> bool {
    i128::from(price_cents) * 10 < i128::from(value_cents) * 9
}

#[cfg(test)]
#[path = "sale_tests.rs"]
mod tests;
