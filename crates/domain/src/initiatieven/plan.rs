//! A business plan or budget that adds up: income, costs and who carries the risk.
//!
//! A coach judges a plan on its merits, not on a vague story: each line of income and costs named and priced,
//! income at least covering the costs, and someone named who carries the risk when it does not work out. The lines
//! are typed into a text area, one per row ([`parse_lines`]), and shown back the same way ([`show_lines`]).

use crate::money::Money;

/// The longest name of a line, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The most lines [`parse_lines`] reads from one text area.
pub const MAX_LINES: usize = 50;

/// A business plan or budget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BusinessPlan {
    /// Income lines: what it is and how much, in cents.
    pub income: Vec<(String, i64)>,
    /// Cost lines: what it is and how much, in cents.
    pub costs: Vec<(String, i64)>,
    /// Who carries the risk when income falls short (a foundation, a residents' company, the initiators).
    pub risk_bearer: String,
}

/// Something that keeps a plan from adding up. `Display` is Dutch (the CLI); the web layer translates.
///
/// Line numbers count from 1 across the income lines and then the cost lines: with three income lines, the first
/// cost line is line 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlanProblem {
    /// There is no income line.
    #[error("er staat geen enkele inkomstenpost in het plan")]
    NoIncome,
    /// There is no cost line.
    #[error("er staat geen enkele kostenpost in het plan")]
    NoCosts,
    /// A line has no name.
    #[error("regel {line} heeft geen omschrijving")]
    LineWithoutName {
        /// The line, counted from 1 across income then costs.
        line: usize,
    },
    /// A line's name is longer than [`MAX_NAME_CHARS`] characters.
    #[error("de omschrijving op regel {line} is langer dan 200 tekens")]
    NameTooLong {
        /// The line, counted from 1 across income then costs.
        line: usize,
    },
    /// A line's amount is zero or negative.
    #[error("het bedrag op regel {line} is niet groter dan nul")]
    AmountNotPositive {
        /// The line, counted from 1 across income then costs.
        line: usize,
    },
    /// The costs are higher than the income.
    #[error("de kosten zijn {} hoger dan de inkomsten", Money::from_cents(*.short_cents))]
    Deficit {
        /// By how much, in cents.
        short_cents: i64,
    },
    /// Nobody is named who carries the risk.
    #[error("vul in wie het risico draagt")]
    NoRiskBearer,
}

/// The sum of the amounts, clamped to what an `i64` holds rather than overflowing.
fn total(lines: &[(String, i64)]) -> i64 {
    let sum: i128 = lines.iter().map(|(_, cents)| i128::from(*cents)).sum();
    sum.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

impl BusinessPlan {
    /// The total income, in cents.
    pub fn income_total(&self) -> i64 {
        total(&self.income)
    }

    /// The total costs, in cents.
    pub fn cost_total(&self) -> i64 {
        total(&self.costs)
    }

    /// Income minus costs, in cents: negative for a deficit.
    pub fn balance(&self) -> i64 {
        self.income_total().saturating_sub(self.cost_total())
    }

    /// Everything that keeps the plan from adding up, in this order: no income, no costs, then per line (income
    /// first, then costs; see [`PlanProblem`] for the numbering) a missing or too long name and an amount that is
    /// not positive, then a deficit, then a missing risk bearer.
    ///
    /// A name is trimmed before it is judged. The deficit is judged on the totals as they stand, so a line with a
    /// negative amount is reported both on its own and in the totals.
    pub fn problems(&self) -> Vec<PlanProblem> {
        let mut found = Vec::new();
        if self.income.is_empty() {
            found.push(PlanProblem::NoIncome);
        }
        if self.costs.is_empty() {
            found.push(PlanProblem::NoCosts);
        }
        for (index, (name, cents)) in self.income.iter().chain(&self.costs).enumerate() {
            let line = index + 1;
            let name = name.trim();
            if name.is_empty() {
                found.push(PlanProblem::LineWithoutName { line });
            } else if name.chars().count() > MAX_NAME_CHARS {
                found.push(PlanProblem::NameTooLong { line });
            }
            if *cents <= 0 {
                found.push(PlanProblem::AmountNotPositive { line });
            }
        }
        let balance = self.balance();
        if balance < 0 {
            found.push(PlanProblem::Deficit { short_cents: balance.saturating_neg() });
        }
        if self.risk_bearer.trim().is_empty() {
            found.push(PlanProblem::NoRiskBearer);
        }
        found
    }

    /// The plan adds up: it has no [`problems`](Self::problems).
    pub fn adds_up(&self) -> bool {
        self.problems().is_empty()
    }
}

/// Why the lines typed into a text area were refused. `Display` is Dutch (the CLI); the web layer translates.
///
/// Line numbers are those of the text area, counted from 1 and including empty lines, so the user finds the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinesProblem {
    /// A line has no amount.
    #[error("regel {line} heeft geen bedrag (schrijf bijvoorbeeld: Huur; 1.250,00)")]
    NoAmount {
        /// The line in the text area.
        line: usize,
    },
    /// A line's amount cannot be read.
    #[error("het bedrag op regel {line} is geen bedrag (schrijf bijvoorbeeld 1250 of 1.250,00)")]
    BadAmount {
        /// The line in the text area.
        line: usize,
    },
    /// More than [`MAX_LINES`] lines.
    #[error("hoogstens 50 regels")]
    TooMany,
    /// A line's amount is above [`crate::money::LIMIT_CENTS`] (the plan's totals were capped at the integer's limit).
    #[error("het bedrag op regel {line} is groter dan € 1.000.000.000")]
    TooLarge {
        /// The line in the text area.
        line: usize,
    },
}

/// Reads one line per row: a name and an amount, as "Huur zaal; 1.250,00", "Huur zaal\t1250" or "Huur zaal 1250".
///
/// The amount is what follows the last `;` or tab, read with [`Money::parse`] (so `1.250,00`, `1250`, `€ 1250,50`
/// and `1,250.00` all work, and `1.250` is refused as ambiguous); the name is what precedes it, trimmed. Without a
/// `;` or tab the amount is the last word, and a `€` left at the end of the name is dropped ("Huur € 1250"); thousands
/// are then written with a point or not at all, since a space would split the amount. A line that is only an amount
/// gets an empty name, which [`BusinessPlan::problems`] reports. Negative amounts are read as they are and reported
/// by [`BusinessPlan::problems`] too.
///
/// Empty lines are skipped. The first problem in reading order is returned: [`LinesProblem::NoAmount`] when nothing
/// that looks like an amount is there (nothing after the `;`, or a last word without a digit),
/// [`LinesProblem::BadAmount`] when it is there but cannot be read, [`LinesProblem::TooMany`] at the 51st line.
pub fn parse_lines(text: &str) -> Result<Vec<(String, i64)>, LinesProblem> {
    let mut lines = Vec::new();
    for (index, row) in text.lines().enumerate() {
        let line = index + 1;
        let row = row.trim();
        if row.is_empty() {
            continue;
        }
        if lines.len() == MAX_LINES {
            return Err(LinesProblem::TooMany);
        }
        let Some((name, amount)) = split_row(row).filter(|(_, amount)| !amount.is_empty()) else {
            return Err(LinesProblem::NoAmount { line });
        };
        let cents = Money::parse(amount).map_err(|_| LinesProblem::BadAmount { line })?.cents();
        if cents.abs() > crate::money::LIMIT_CENTS {
            return Err(LinesProblem::TooLarge { line });
        }
        lines.push((name.to_owned(), cents));
    }
    Ok(lines)
}

/// Splits a trimmed, non-empty row into its name and its amount text, both trimmed; `None` when the row holds
/// nothing that looks like an amount.
///
/// With a `;` or a tab, whatever follows the last one is meant as the amount (it may be empty or unreadable, which
/// the caller reports). Without one, the last word is the amount when it has a digit, and a `€` at the end of the
/// name is dropped; a row of one word is an amount without a name when it has a digit.
fn split_row(row: &str) -> Option<(&str, &str)> {
    let has_digit = |text: &str| text.bytes().any(|b| b.is_ascii_digit());
    if let Some(at) = row.rfind([';', '\t']) {
        return Some((row[..at].trim(), row[at + 1..].trim()));
    }
    match row.rfind(char::is_whitespace) {
        Some(at) => {
            let amount = row[at..].trim_start();
            let name = row[..at].trim_end().trim_end_matches('€').trim_end();
            has_digit(amount).then_some((name, amount))
        }
        None => has_digit(row).then_some(("", row)),
    }
}

/// Writes lines the way [`parse_lines`] reads them: "name; 1.250,00", one per row, without a trailing newline.
///
/// A name is trimmed and line breaks in it become spaces, so it stays on its row; for such names (and amounts other
/// than `i64::MIN`) `parse_lines(&show_lines(lines))` gives the lines back exactly, as long as there are at most
/// [`MAX_LINES`] of them.
pub fn show_lines(lines: &[(String, i64)]) -> String {
    lines
        .iter()
        .map(|(name, cents)| {
            let name = name.replace(['\r', '\n'], " ");
            let amount = Money::from_cents(*cents).to_string();
            format!("{}; {}", name.trim(), amount.trim_start_matches('€').trim_start())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
