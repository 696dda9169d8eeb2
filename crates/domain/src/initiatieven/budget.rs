//! The liveability budget a corporation sets per year and area, the grants made from it and what was spent.
//!
//! Issue 22: granted, spent and remaining are tracked, the remaining budget never goes below zero without an
//! explicit override (recorded with its reason by the store), and spending is recorded with evidence.

use crate::money::Money;

/// A budget and what has been done with it, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BudgetState {
    /// The budget the corporation set for the year and area.
    pub budget_cents: i64,
    /// The sum of all grants made from it.
    pub granted_cents: i64,
    /// The sum of all spending recorded against those grants.
    pub spent_cents: i64,
}

impl BudgetState {
    /// What is left to grant: budget − granted. Negative only after an override.
    pub fn remaining(&self) -> i64 {
        self.budget_cents.saturating_sub(self.granted_cents)
    }

    /// What was granted but not yet spent: granted − spent.
    pub fn unspent(&self) -> i64 {
        self.granted_cents.saturating_sub(self.spent_cents)
    }

    /// More was granted than the budget holds (after an override).
    pub fn is_overdrawn(&self) -> bool {
        self.remaining() < 0
    }
}

/// The digits of a CBS code of `prefix` with `n` digits ("BU01500201" → "01500201"), upper or lower case.
fn cbs_digits(code: &str, prefix: &str, n: usize) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    code.strip_prefix(prefix).filter(|d| d.len() == n && d.bytes().all(|b| b.is_ascii_digit())).map(str::to_owned)
}

/// Whether `code` is a CBS gemeente, wijk or buurt code (GM0150, WK015002, BU01500201).
pub fn is_cbs_area(code: &str) -> bool {
    cbs_digits(code, "GM", 4).is_some() || cbs_digits(code, "WK", 6).is_some() || cbs_digits(code, "BU", 8).is_some()
}

/// Whether a budget for `area` (a CBS gemeente, wijk or buurt code, or a complex's code) may pay for an initiative in
/// `buurten` (its own and those of its complexes' homes) concerning `complexes`: a budget for a place pays for what
/// happens there. A buurt lies in the wijk and gemeente its code begins with (BU01500201: WK015002, GM0150).
pub fn area_holds(area: &str, buurten: &[&str], complexes: &[&str]) -> bool {
    let buurten: Vec<String> = buurten.iter().filter_map(|b| cbs_digits(b, "BU", 8)).collect();
    let within = |digits: String| buurten.iter().any(|b| b.starts_with(&digits));
    if let Some(code) = cbs_digits(area, "BU", 8) {
        buurten.contains(&code)
    } else if let Some(code) = cbs_digits(area, "WK", 6).or_else(|| cbs_digits(area, "GM", 4)) {
        within(code)
    } else {
        complexes.iter().any(|c| c.trim().eq_ignore_ascii_case(area.trim()))
    }
}

/// Why a grant is refused. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GrantBlock {
    /// The amount is zero or negative.
    #[error("een toekenning is groter dan nul")]
    NotPositive,
    /// The grant is larger than what remains of the budget.
    #[error("de toekenning is {} groter dan wat er over is van het budget", Money::from_cents(*.short_cents))]
    OverBudget {
        /// How much the remaining budget falls short of the grant, in cents.
        short_cents: i64,
    },
}

/// Whether `amount_cents` may be granted from a budget in `state`.
///
/// The amount must be positive, even with an override (a correction is not a negative grant). A grant may take the
/// remaining budget to exactly zero; one that would take it below zero is refused unless `override_budget` is set,
/// an explicit choice the store records with its reason. When the budget is already overdrawn, the shortfall counts
/// from the negative remainder: with € 100 overdrawn a grant of € 50 is short € 150.
pub fn may_grant(state: &BudgetState, amount_cents: i64, override_budget: bool) -> Result<(), GrantBlock> {
    if amount_cents <= 0 {
        return Err(GrantBlock::NotPositive);
    }
    let remaining = state.remaining();
    if amount_cents > remaining && !override_budget {
        return Err(GrantBlock::OverBudget { short_cents: amount_cents.saturating_sub(remaining) });
    }
    Ok(())
}

/// Why spending is refused. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SpendBlock {
    /// The amount is zero or negative.
    #[error("een uitgave is groter dan nul")]
    NotPositive,
    /// The spending would exceed the grant.
    #[error("de uitgave is {} meer dan er van de toekenning over is", Money::from_cents(*.short_cents))]
    OverGrant {
        /// By how much spending would exceed the grant, in cents.
        short_cents: i64,
    },
    /// No evidence was given.
    #[error("voeg een bewijs toe: een bestand of een beschrijving van de bon")]
    NoEvidence,
}

/// Whether `amount_cents` may be recorded as spent from a grant of `granted_cents` of which `spent_so_far_cents` has
/// been spent.
///
/// The checks, in this order: the amount is positive; the total spent stays within the grant (spending the grant to
/// the last cent is fine; there is no override, since a grant that is too small is raised by a new grant); there is
/// evidence, a file or a description of the receipt, which the caller judges and passes as `has_evidence`.
pub fn may_spend(
    granted_cents: i64,
    spent_so_far_cents: i64,
    amount_cents: i64,
    has_evidence: bool,
) -> Result<(), SpendBlock> {
    if amount_cents <= 0 {
        return Err(SpendBlock::NotPositive);
    }
    let over = spent_so_far_cents.saturating_add(amount_cents).saturating_sub(granted_cents);
    if over > 0 {
        return Err(SpendBlock::OverGrant { short_cents: over });
    }
    if !has_evidence {
        return Err(SpendBlock::NoEvidence);
    }
    Ok(())
}

#[cfg(test)]
#[path = "budget_tests.rs"]
mod tests;

#[cfg(test)]
mod area_tests {
    use super::{area_holds, is_cbs_area};

    #[test]
    fn a_budget_pays_for_initiatives_in_its_own_area() {
        let (buurten, complexes) = (["BU01500201"], ["CPX12"]);
        for area in ["BU01500201", "bu01500201", "WK015002", "GM0150", "CPX12", "cpx12"] {
            assert!(area_holds(area, &buurten, &complexes), "{area}");
        }
        for area in ["BU03010101", "BU01500202", "WK015003", "GM0301", "CPX13", "Binnenstad", ""] {
            assert!(!area_holds(area, &buurten, &complexes), "{area}");
        }
        assert!(!area_holds("GM0150", &[], &[]), "an initiative in no buurt is in no gemeente's budget");
        assert!(area_holds("CPX12", &[], &complexes), "a complex's budget by the complex alone");
        // The buurten of its complexes' homes count as the initiative's.
        assert!(area_holds("WK015002", &["BU01500201", "BU03010101"], &[]));
        assert!(area_holds("GM0301", &["BU01500201", "BU03010101"], &[]));
    }

    #[test]
    fn cbs_area_codes() {
        for code in ["GM0150", "wk015002", "BU01500201"] {
            assert!(is_cbs_area(code), "{code}");
        }
        for code in ["GM150", "0150", "ZUID", "BU0150020", "WK0150021", "C1"] {
            assert!(!is_cbs_area(code), "{code}");
        }
    }
}
