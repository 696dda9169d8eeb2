//! What an initiative brought: counts per initiative and year, added up per buurt and year for the
//! prestatieafspraken facts and the complex page.

/// The counts of one initiative in one year, or a sum of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Outcome {
    /// People who took part.
    pub participants: u32,
    /// Volunteers.
    pub volunteers: u32,
    /// Jobs for people far from the labour market.
    pub jobs_far_from_labour_market: u32,
    /// Visitors.
    pub visitors: u32,
}

/// The largest count accepted in a form.
pub const MAX_COUNT: u32 = 1_000_000;

impl Outcome {
    /// Adds `other`'s counts to these, each stopping at `u32::MAX` rather than overflowing.
    pub fn add(&mut self, other: &Outcome) {
        self.participants = self.participants.saturating_add(other.participants);
        self.volunteers = self.volunteers.saturating_add(other.volunteers);
        self.jobs_far_from_labour_market =
            self.jobs_far_from_labour_market.saturating_add(other.jobs_far_from_labour_market);
        self.visitors = self.visitors.saturating_add(other.visitors);
    }

    /// Every count is zero.
    pub fn is_empty(&self) -> bool {
        *self == Outcome::default()
    }
}

/// Reads a count from a form field: empty (or only spaces) is 0; otherwise ASCII digits only (no sign, separators or
/// decimals; leading zeros are fine), at most [`MAX_COUNT`]. `None` for anything else.
pub fn parse_count(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits, so a failed parse can only be a number too large for u64.
    let count = text.parse::<u64>().ok()?;
    u32::try_from(count).ok().filter(|count| *count <= MAX_COUNT)
}

#[cfg(test)]
#[path = "outcome_tests.rs"]
mod tests;
