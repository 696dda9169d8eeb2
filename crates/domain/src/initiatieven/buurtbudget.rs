//! A buurtbudget round: residents propose projects for their area, the corporation checks them, residents vote
//! within the budget, and the projects with the most votes are funded as far as the budget reaches.
//!
//! Tenants without e-mail vote with a personal code sent by letter ([`voting_code`]), typed back in on the voting
//! page ([`normalise_code`]); one ballot per household.

use crate::money::Money;
use std::collections::{HashMap, HashSet};

/// The most projects a voter may be asked to choose.
pub const MAX_PROJECTS_LIMIT: u32 = 20;

/// The rules of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundRules {
    /// The budget to divide, in cents.
    pub budget_cents: i64,
    /// The fewest projects a ballot chooses.
    pub min_projects: u32,
    /// The most projects a ballot chooses.
    pub max_projects: u32,
}

/// Something wrong with a round's rules. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RulesProblem {
    /// The budget is zero or negative.
    #[error("het budget is groter dan nul")]
    BudgetNotPositive,
    /// The minimum number of projects is below 1.
    #[error("een stem kiest minstens één project")]
    MinBelowOne,
    /// The minimum is above the maximum.
    #[error("het minimum aantal projecten is niet groter dan het maximum")]
    MinAboveMax,
    /// The maximum is above [`MAX_PROJECTS_LIMIT`].
    #[error("een stem kiest hoogstens 20 projecten")]
    MaxAboveLimit,
}

impl RoundRules {
    /// Everything wrong with the rules, in this order: the budget is not positive, the minimum is below 1, the
    /// minimum is above the maximum, the maximum is above [`MAX_PROJECTS_LIMIT`]. So 1 ≤ min ≤ max ≤ 20.
    pub fn problems(&self) -> Vec<RulesProblem> {
        let mut found = Vec::new();
        if self.budget_cents <= 0 {
            found.push(RulesProblem::BudgetNotPositive);
        }
        if self.min_projects < 1 {
            found.push(RulesProblem::MinBelowOne);
        }
        if self.min_projects > self.max_projects {
            found.push(RulesProblem::MinAboveMax);
        }
        if self.max_projects > MAX_PROJECTS_LIMIT {
            found.push(RulesProblem::MaxAboveLimit);
        }
        found
    }
}

/// Why a ballot is refused. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BallotProblem {
    /// Fewer projects chosen than the minimum.
    #[error("kies minstens {min} projecten")]
    TooFew {
        /// The minimum.
        min: u32,
    },
    /// More projects chosen than the maximum.
    #[error("kies hoogstens {max} projecten")]
    TooMany {
        /// The maximum.
        max: u32,
    },
    /// The chosen projects together cost more than the budget.
    #[error("de gekozen projecten kosten samen {} meer dan het budget", Money::from_cents(*.over_cents))]
    OverBudget {
        /// By how much, in cents.
        over_cents: i64,
    },
    /// A project is chosen twice.
    #[error("een project staat twee keer in de keuze")]
    Duplicate,
    /// A chosen project is not in the round.
    #[error("een gekozen project doet niet mee in deze ronde")]
    UnknownProject,
}

/// Whether a ballot choosing the project ids `chosen` is valid in a round with these rules and `projects` as
/// `(id, cost in cents)`.
///
/// The checks, in this order, and the first that fails is returned: a project chosen twice, a project not in the
/// round, fewer than the minimum, more than the maximum, a total cost above the budget (a total exactly at the
/// budget is fine). Duplicates come first because they would make the counts misleading.
pub fn check_ballot(rules: &RoundRules, projects: &[(i64, i64)], chosen: &[i64]) -> Result<(), BallotProblem> {
    let mut seen = HashSet::new();
    if !chosen.iter().all(|id| seen.insert(*id)) {
        return Err(BallotProblem::Duplicate);
    }
    let costs: HashMap<i64, i64> = projects.iter().rev().copied().collect();
    let mut total: i128 = 0;
    for id in chosen {
        let cost = costs.get(id).ok_or(BallotProblem::UnknownProject)?;
        total += i128::from(*cost);
    }
    let count = chosen.len();
    if count < rules.min_projects as usize {
        return Err(BallotProblem::TooFew { min: rules.min_projects });
    }
    if count > rules.max_projects as usize {
        return Err(BallotProblem::TooMany { max: rules.max_projects });
    }
    let over = total - i128::from(rules.budget_cents);
    if over > 0 {
        return Err(BallotProblem::OverBudget { over_cents: i64::try_from(over).unwrap_or(i64::MAX) });
    }
    Ok(())
}

/// The result for one project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// The project.
    pub project_id: i64,
    /// The ballots that chose it.
    pub votes: u32,
    /// What it costs, in cents.
    pub cost_cents: i64,
    /// It is funded from the budget.
    pub funded: bool,
}

/// Counts the ballots and decides which projects are funded.
///
/// Each ballot gives a vote to each project it chooses: a project chosen twice on one ballot counts once, and an
/// id that is not in `projects` is ignored (ballots are checked with [`check_ballot`] when cast; this only keeps a
/// stray one from counting double). A project id listed twice in `projects` counts once, with its first cost.
///
/// The projects are ranked by votes, most first; a tie goes to the cheaper project, then to the lower id, so the
/// order is always the same. Going down that ranking, a project is funded when it fits what is left of the budget;
/// one that no longer fits is skipped and the next one is tried, so a cheaper project lower down can still use
/// what is left. A project without votes is never funded, nor one with a negative cost. The result comes in the
/// ranking's order.
pub fn tally(rules: &RoundRules, projects: &[(i64, i64)], ballots: &[Vec<i64>]) -> Vec<Tally> {
    let mut rows: Vec<Tally> = Vec::with_capacity(projects.len());
    let mut index: HashMap<i64, usize> = HashMap::with_capacity(projects.len());
    for &(project_id, cost_cents) in projects {
        index.entry(project_id).or_insert_with(|| {
            rows.push(Tally { project_id, votes: 0, cost_cents, funded: false });
            rows.len() - 1
        });
    }
    for ballot in ballots {
        let mut seen = HashSet::new();
        for id in ballot.iter().filter(|id| seen.insert(**id)) {
            if let Some(&at) = index.get(id) {
                rows[at].votes = rows[at].votes.saturating_add(1);
            }
        }
    }
    rows.sort_by(|a, b| {
        b.votes.cmp(&a.votes).then(a.cost_cents.cmp(&b.cost_cents)).then(a.project_id.cmp(&b.project_id))
    });
    let mut left = rules.budget_cents;
    for row in &mut rows {
        if row.votes > 0 && (0..=left).contains(&row.cost_cents) {
            row.funded = true;
            left -= row.cost_cents;
        }
    }
    rows
}

/// The characters of a voting code: digits and capitals without the look-alikes 0/O and 1/I/L (31 characters).
pub const CODE_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A personal voting code from eight random bytes, as `XXXX-XXXX` with characters from [`CODE_ALPHABET`].
///
/// The bytes are read as one big-endian number and written in base 31, its last eight digits; so every code is as
/// likely as any other up to one part in twenty million (2⁶⁴ is not a multiple of 31⁸), and a code carries about 39.6
/// bits. The caller draws the bytes from a secure source and throttles guessing.
pub fn voting_code(random: [u8; 8]) -> String {
    let base = CODE_ALPHABET.len() as u64;
    let mut number = u64::from_be_bytes(random);
    let mut digits = [0u8; 8];
    for digit in digits.iter_mut().rev() {
        *digit = CODE_ALPHABET[(number % base) as usize];
        number /= base;
    }
    // Every byte comes from the ASCII alphabet.
    let text: String = digits.iter().map(|&b| char::from(b)).collect();
    format!("{}-{}", &text[..4], &text[4..])
}

/// A voting code as typed by a person, in its canonical form `XXXX-XXXX`; `None` when it is not one.
///
/// Lower case is accepted, and so are spaces anywhere (a code read out or copied from a letter) and a missing dash.
/// A dash elsewhere than after the fourth character, or more than one, is not; nor is a character outside
/// [`CODE_ALPHABET`] — the look-alikes 0, O, 1, I and L are never in a code, so they are refused rather than guessed.
pub fn normalise_code(input: &str) -> Option<String> {
    let mut chars: Vec<char> = input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    if chars.len() == 9 && chars[4] == '-' {
        chars.remove(4);
    }
    let in_alphabet = |c: &char| u8::try_from(*c).is_ok_and(|b| CODE_ALPHABET.contains(&b));
    if chars.len() != 8 || !chars.iter().all(in_alphabet) {
        return None;
    }
    let text: String = chars.into_iter().collect();
    Some(format!("{}-{}", &text[..4], &text[4..]))
}

#[cfg(test)]
#[path = "buurtbudget_tests.rs"]
mod tests;
