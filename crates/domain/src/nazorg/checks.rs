//! The checks after a sale (RULES.md: after 3 and 6 years by default): when each is due, when it opens for
//! planning, its state, and whether the answers ask the corporation to act.

use crate::calendar::{add_months, months_before};
use crate::coded_enum;
use time::Date;

/// The years after the sale at which a check is due, unless the corporation sets its own.
pub const DEFAULT_CHECK_YEARS: [u32; 2] = [3, 6];

/// A check is opened (created) this many months before its due date, so it can be planned with the owner.
pub const LEAD_MONTHS: u32 = 2;

/// The most check moments a corporation may set.
pub const MAX_CHECKS: usize = 5;

/// The latest check moment, in years after the sale.
pub const MAX_CHECK_YEAR: u32 = 30;

/// The day a check is due: the same day `years` after the sale; a sale on 29 February is due on 28 February in a
/// year that has none.
pub fn due_on(sold_on: Date, years: u32) -> Date {
    add_months(sold_on, 12 * years)
}

/// The day a check due on `due` opens: [`LEAD_MONTHS`] earlier, clamped to the end of a shorter month.
pub fn opens_on(due: Date) -> Date {
    months_before(due, LEAD_MONTHS)
}

/// Why a list of check years was refused. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CheckYearsProblem {
    /// No year was entered.
    #[error("vul minstens één jaar in")]
    Empty,
    /// Something other than a whole number was entered.
    #[error("alleen hele jaren, gescheiden door komma's of spaties")]
    NotANumber,
    /// A year is not between 1 and 30.
    #[error("elk jaar ligt tussen 1 en 30")]
    OutOfRange,
    /// A year was entered twice.
    #[error("een jaar staat er twee keer in")]
    Duplicate,
    /// More than five years were entered.
    #[error("hoogstens vijf controles")]
    TooMany,
}

/// Parses the years after the sale at which checks are due: whole numbers separated by commas, semicolons or
/// spaces ("3, 6", "3 6", "2,5,10"), each 1–30, at most five, returned in ascending order.
///
/// A repeated year is refused rather than silently merged, since it is more likely a typing error for another
/// year than a wish. The first problem found is returned: per value in order (not a number, out of range), then a
/// repeat, then the count.
pub fn parse_check_years(text: &str) -> Result<Vec<u32>, CheckYearsProblem> {
    let mut years = Vec::new();
    for token in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|t| !t.is_empty()) {
        if !token.chars().all(|c| c.is_ascii_digit()) {
            return Err(CheckYearsProblem::NotANumber);
        }
        // All digits, so a failed parse can only be a number too large for u32.
        let year = token.parse::<u32>().map_err(|_| CheckYearsProblem::OutOfRange)?;
        if !(1..=MAX_CHECK_YEAR).contains(&year) {
            return Err(CheckYearsProblem::OutOfRange);
        }
        years.push(year);
    }
    if years.is_empty() {
        return Err(CheckYearsProblem::Empty);
    }
    years.sort_unstable();
    if years.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(CheckYearsProblem::Duplicate);
    }
    if years.len() > MAX_CHECKS {
        return Err(CheckYearsProblem::TooMany);
    }
    Ok(years)
}

/// Check years as the form shows them: "3, 6". [`parse_check_years`] reads this back.
pub fn show_check_years(years: &[u32]) -> String {
    years.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

coded_enum! {
    /// Where a check stands on a given day.
    pub enum CheckState {
        /// Not open yet: more than [`LEAD_MONTHS`] before its due date.
        Planned = "gepland",
        /// Open for planning and doing, up to and including its due date.
        Open = "open",
        /// Not done and past its due date.
        Overdue = "te_laat",
        /// Done on or before its due date.
        DoneOnTime = "op_tijd",
        /// Done after its due date.
        DoneLate = "laat_gedaan",
        /// Not done, and no longer to do: the home was bought back.
        Lapsed = "vervallen",
    }
}

/// The state of a check due on `due`, done on `done_on` if it was, on `today`. A check done before it opened
/// still counts as on time: the owner may ask for an early visit.
pub fn check_state(due: Date, done_on: Option<Date>, today: Date) -> CheckState {
    match done_on {
        Some(done) if done <= due => CheckState::DoneOnTime,
        Some(_) => CheckState::DoneLate,
        None if today < opens_on(due) => CheckState::Planned,
        None if today <= due => CheckState::Open,
        None => CheckState::Overdue,
    }
}

/// [`check_state`] of a check of a sale bought back on `bought_back_on`, if it was: a check not done by then lapses
/// (the home is the corporation's again; `store::nazorg::checks` takes no answers for it).
pub fn check_state_of_sale(due: Date, done_on: Option<Date>, bought_back_on: Option<Date>, today: Date) -> CheckState {
    match (done_on, bought_back_on) {
        (None, Some(back)) if back <= today => CheckState::Lapsed,
        _ => check_state(due, done_on, today),
    }
}

/// Why a day a check was done on is refused: in the future (it would take the check off the overdue list), or
/// before the sale it checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneOnProblem {
    /// After today.
    Future,
    /// Before the sale.
    BeforeSale,
}

/// Whether `done_on` can be the day a check of a sale on `sold_on` was done, on `today`. An early visit (before the
/// check opens) is allowed: the owner may ask for one.
pub fn done_on_problem(done_on: Date, sold_on: Date, today: Date) -> Option<DoneOnProblem> {
    if done_on > today {
        Some(DoneOnProblem::Future)
    } else if done_on < sold_on {
        Some(DoneOnProblem::BeforeSale)
    } else {
        None
    }
}

coded_enum! {
    /// The state of maintenance found at a check.
    pub enum Maintenance {
        /// Well maintained.
        Good = "goed",
        /// Some overdue maintenance, nothing urgent.
        Fair = "redelijk",
        /// Poorly maintained: the owner needs help or advice.
        Poor = "slecht",
    }
}

coded_enum! {
    /// How the owner takes part in the owners' association (VvE).
    pub enum VveParticipation {
        /// Attends meetings and takes part in decisions.
        Active = "actief",
        /// Pays the contribution and reads the minutes, but does not attend.
        Passive = "passief",
        /// Does not take part at all.
        None = "geen",
        /// The home is not in a VvE.
        NoVve = "geen_vve",
    }
}

/// The answers recorded at a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckAnswers {
    /// The state of maintenance.
    pub maintenance: Maintenance,
    /// The owner has trouble paying the mortgage, the VvE contribution or other housing costs.
    pub payment_problems: bool,
    /// How the owner takes part in the VvE.
    pub vve_participation: VveParticipation,
    /// The owner wants to sell the home back to the corporation.
    pub wish_to_sell_back: bool,
}

impl CheckAnswers {
    /// The answers call for the corporation to act: poor maintenance, payment problems, no part in the VvE at
    /// all, or a wish to sell back. The page then asks for at least one follow-up action.
    pub fn needs_follow_up(&self) -> bool {
        self.maintenance == Maintenance::Poor
            || self.payment_problems
            || self.vve_participation == VveParticipation::None
            || self.wish_to_sell_back
    }
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
