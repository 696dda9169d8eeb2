//! The health of an owners' association (VvE) that a sold home belongs to.
//!
//! BW 5:126 (RULES.md): a VvE reserves yearly either what a maintenance plan (MJOP) says — a plan looking at least
//! 10 years ahead, adopted by the meeting and at most 5 years old — or at least 0.5% of the rebuild value
//! (herbouwwaarde). A corporation that sells flats one by one stays a member, often the largest, so it looks after
//! the association too: a yearly meeting held and minuted, registration at the KvK, a reserve that meets the law.

use crate::calendar::months_before;
use crate::coded_enum;
use time::Date;

/// An MJOP older than this many years no longer bases the reserve.
pub const MJOP_MAX_AGE_YEARS: u32 = 5;
/// An MJOP must look at least this many years ahead.
pub const MJOP_MIN_HORIZON_YEARS: u32 = 10;
/// Without a valid MJOP the yearly reserve is at least this share of the rebuild value, in basis points (0.5%).
pub const MIN_RESERVE_BP_OF_REBUILD: u32 = 50;
/// A meeting is missed when the last one is more than this many months ago: a yearly meeting with three months'
/// grace, since meetings move a little from year to year.
pub const MEETING_MONTHS: u32 = 15;

/// A maintenance plan (meerjarenonderhoudsplan) as the meeting adopted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mjop {
    /// The day the meeting adopted it.
    pub adopted_on: Date,
    /// How many years ahead it looks.
    pub horizon_years: u32,
    /// The yearly reservation it sets, in cents.
    pub yearly_reservation_cents: i64,
}

/// What is known of a VvE.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VveFacts {
    /// Its KvK number, if registered.
    pub kvk: Option<String>,
    /// The rebuild value of the building, in cents.
    pub rebuild_value_cents: Option<i64>,
    /// What it reserves a year, in cents.
    pub yearly_reserve_cents: Option<i64>,
    /// Its maintenance plan, if any.
    pub mjop: Option<Mjop>,
    /// The day of its last meeting of owners.
    pub last_meeting_on: Option<Date>,
    /// Minutes of the last meeting are on file.
    pub minutes_recorded: bool,
}

/// The plan was adopted at most [`MJOP_MAX_AGE_YEARS`] years before `today` (a plan adopted exactly five years ago
/// still counts) and looks at least [`MJOP_MIN_HORIZON_YEARS`] years ahead.
pub fn mjop_valid(mjop: &Mjop, today: Date) -> bool {
    !mjop_stale(mjop, today) && mjop.horizon_years >= MJOP_MIN_HORIZON_YEARS
}

fn mjop_stale(mjop: &Mjop, today: Date) -> bool {
    mjop.adopted_on < months_before(today, 12 * MJOP_MAX_AGE_YEARS)
}

/// What the legal minimum reserve is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum ReserveBasis {
    /// A valid MJOP's yearly reservation.
    Mjop,
    /// 0.5% of the rebuild value, for want of a valid MJOP.
    RebuildValue,
}

/// The legal minimum yearly reserve and what it is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ReserveMinimum {
    /// The minimum, in cents a year.
    pub cents: i64,
    /// What it is based on.
    pub basis: ReserveBasis,
}

/// The legal minimum yearly reserve on `today`: a valid MJOP's yearly reservation; without one, 0.5% of the rebuild
/// value rounded up to the cent (a minimum, so never below it); `None` when neither is known.
pub fn reserve_minimum(facts: &VveFacts, today: Date) -> Option<ReserveMinimum> {
    if let Some(mjop) = facts.mjop.filter(|mjop| mjop_valid(mjop, today)) {
        return Some(ReserveMinimum { cents: mjop.yearly_reservation_cents, basis: ReserveBasis::Mjop });
    }
    let rebuild = facts.rebuild_value_cents?;
    let product = i128::from(rebuild) * i128::from(MIN_RESERVE_BP_OF_REBUILD);
    let cents = product.div_euclid(10_000) + i128::from(product.rem_euclid(10_000) > 0);
    let cents = cents.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
    Some(ReserveMinimum { cents, basis: ReserveBasis::RebuildValue })
}

coded_enum! {
    /// How a VvE is doing, as a traffic light.
    pub enum Health {
        /// Nothing found.
        Green = "groen",
        /// Something to look into: missing facts or a weaker but lawful basis.
        Amber = "oranje",
        /// Something the law or good governance requires is not met.
        Red = "rood",
    }
}

/// Something found in a VvE's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The yearly reserve is below the legal minimum.
    ReserveBelowMinimum {
        /// How much a year is missing, in cents.
        short_cents: i64,
    },
    /// The reserve or its minimum is not known, so it cannot be judged.
    ReserveUnknown,
    /// The MJOP is more than five years old.
    MjopStale,
    /// The MJOP looks fewer than ten years ahead.
    MjopTooShort,
    /// There is no MJOP; the reserve is judged against 0.5% of the rebuild value.
    NoMjop,
    /// The last meeting is more than [`MEETING_MONTHS`] months ago.
    MeetingMissed,
    /// No meeting is recorded at all.
    NoMeetingRecorded,
    /// No valid KvK number is recorded.
    NotRegistered,
    /// A meeting is recorded without minutes.
    NoMinutes,
}

impl Finding {
    /// How serious the finding is: red where the law or governance is not met (reserve short, plan stale, no
    /// meeting), amber where facts are missing or the basis is weaker but lawful.
    pub fn health(&self) -> Health {
        match self {
            Finding::ReserveBelowMinimum { .. }
            | Finding::MjopStale
            | Finding::MeetingMissed
            | Finding::NoMeetingRecorded => Health::Red,
            Finding::ReserveUnknown
            | Finding::MjopTooShort
            | Finding::NoMjop
            | Finding::NotRegistered
            | Finding::NoMinutes => Health::Amber,
        }
    }
}

/// Everything found in a VvE's facts on `today`, in a fixed order: reserve, plan, meeting, registration, minutes.
///
/// A reserve exactly at the minimum is fine. A stale or too short MJOP is reported, and the reserve is then judged
/// against the rebuild value instead (see [`reserve_minimum`]).
pub fn findings(facts: &VveFacts, today: Date) -> Vec<Finding> {
    let mut found = Vec::new();
    match (reserve_minimum(facts, today), facts.yearly_reserve_cents) {
        (Some(minimum), Some(reserve)) if reserve < minimum.cents => {
            found.push(Finding::ReserveBelowMinimum { short_cents: minimum.cents - reserve });
        }
        (Some(_), Some(_)) => {}
        _ => found.push(Finding::ReserveUnknown),
    }
    match &facts.mjop {
        Some(mjop) => {
            if mjop_stale(mjop, today) {
                found.push(Finding::MjopStale);
            }
            if mjop.horizon_years < MJOP_MIN_HORIZON_YEARS {
                found.push(Finding::MjopTooShort);
            }
        }
        None => found.push(Finding::NoMjop),
    }
    match facts.last_meeting_on {
        Some(last) if months_before(today, MEETING_MONTHS) > last => found.push(Finding::MeetingMissed),
        Some(_) => {}
        None => found.push(Finding::NoMeetingRecorded),
    }
    if !facts.kvk.as_deref().is_some_and(is_kvk_number) {
        found.push(Finding::NotRegistered);
    }
    if facts.last_meeting_on.is_some() && !facts.minutes_recorded {
        found.push(Finding::NoMinutes);
    }
    found
}

/// The worst of the findings; green when there are none.
pub fn health(findings: &[Finding]) -> Health {
    findings.iter().map(Finding::health).max().unwrap_or(Health::Green)
}

/// The corporation both holds a majority of the votes (more than half) and manages the VvE: it then decides on
/// its own behalf and the other owners', so the page asks for independent checks.
pub fn conflict_of_interest(corporation_votes: u32, total_votes: u32, corporation_is_manager: bool) -> bool {
    corporation_is_manager && u64::from(corporation_votes) * 2 > u64::from(total_votes)
}

/// Exactly eight ASCII digits, as the KvK writes its numbers (leading zeros kept, no spaces).
pub fn is_kvk_number(text: &str) -> bool {
    text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
#[path = "vve_tests.rs"]
mod tests;
