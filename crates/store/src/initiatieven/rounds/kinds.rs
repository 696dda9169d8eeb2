//! The kinds a round is made of: its phases, a project's status, the area, and which units hold a household.

use volkshuis_domain::ids::{BuurtCode, GemeenteCode, WijkCode};
use volkshuis_domain::text::TextError;

/// The phases of a round, in the only order they are passed through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Residents propose projects.
    Proposing,
    /// The corporation checks the proposals (it may already start while proposals come in).
    Checking,
    /// Households vote with their codes.
    Voting,
    /// The vote is over; the tally decided what is funded.
    Closed,
    /// The results are public, and the funded projects are followed.
    Published,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 5] = [Phase::Proposing, Phase::Checking, Phase::Voting, Phase::Closed, Phase::Published];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Phase::Proposing => "proposing",
            Phase::Checking => "checking",
            Phase::Voting => "voting",
            Phase::Closed => "closed",
            Phase::Published => "published",
        }
    }

    /// A stored code back.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The phase after this one; `None` after publication.
    pub fn next(self) -> Option<Self> {
        Self::ALL.into_iter().skip_while(|p| *p != self).nth(1)
    }
}

/// Where a project stands: proposed, then checked (approved or rejected); an approved project that the tally funded
/// is then followed (funded, underway, done).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectStatus {
    /// Proposed, not yet checked.
    Submitted,
    /// On the ballot.
    Approved,
    /// Not on the ballot; the check note says why.
    Rejected,
    /// Chosen by the vote and within the budget.
    Funded,
    /// Being carried out.
    Underway,
    /// Carried out.
    Done,
}

impl ProjectStatus {
    /// Every status.
    pub const ALL: [ProjectStatus; 6] = [
        ProjectStatus::Submitted,
        ProjectStatus::Approved,
        ProjectStatus::Rejected,
        ProjectStatus::Funded,
        ProjectStatus::Underway,
        ProjectStatus::Done,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ProjectStatus::Submitted => "submitted",
            ProjectStatus::Approved => "approved",
            ProjectStatus::Rejected => "rejected",
            ProjectStatus::Funded => "funded",
            ProjectStatus::Underway => "underway",
            ProjectStatus::Done => "done",
        }
    }

    /// A stored code back.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the project was approved for the ballot (whatever became of it after).
    pub fn on_ballot(self) -> bool {
        !matches!(self, ProjectStatus::Submitted | ProjectStatus::Rejected)
    }

    /// Whether the vote funded it.
    pub fn funded(self) -> bool {
        matches!(self, ProjectStatus::Funded | ProjectStatus::Underway | ProjectStatus::Done)
    }
}

/// The area of a round: a CBS gemeente, wijk or buurt, or one of the corporation's complexes. Stored as its code;
/// a code with the CBS prefix and digits is read as the CBS area, anything else as a complex code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Area {
    /// `GM` + 4 digits.
    Gemeente(String),
    /// `WK` + 6 digits.
    Wijk(String),
    /// `BU` + 8 digits.
    Buurt(String),
    /// A complex code of the corporation's stock, as imported (typed in any case, stored as the stock has it).
    Complex(String),
}

impl Area {
    /// What staff type: a gemeente, wijk or buurt code with its prefix (any case), or else a complex code.
    pub fn parse(input: &str) -> std::result::Result<Self, TextError> {
        let code = input.trim();
        if code.is_empty() {
            return Err(TextError::Required);
        }
        if code.chars().count() > 50 || code.chars().any(char::is_control) {
            return Err(TextError::Format);
        }
        let upper = code.to_ascii_uppercase();
        let cbs = match upper.get(..2) {
            Some("GM") => GemeenteCode::parse(&upper).ok().map(|c| Area::Gemeente(c.as_str().to_owned())),
            Some("WK") => WijkCode::parse(&upper).ok().map(|c| Area::Wijk(c.as_str().to_owned())),
            Some("BU") => BuurtCode::parse(&upper).ok().map(|c| Area::Buurt(c.as_str().to_owned())),
            _ => None,
        };
        Ok(cbs.unwrap_or_else(|| Area::Complex(code.to_owned())))
    }

    /// The code as stored.
    pub fn code(&self) -> &str {
        match self {
            Area::Gemeente(c) | Area::Wijk(c) | Area::Buurt(c) | Area::Complex(c) => c,
        }
    }

    /// The condition on units `u` of corporation `$1` that lie in the area with code `$2`.
    pub(crate) fn condition(&self) -> &'static str {
        match self {
            Area::Gemeente(_) => "u.gemeente_code = $2",
            Area::Wijk(_) => "u.wijk_code = $2",
            Area::Buurt(_) => "u.buurt_code = $2",
            Area::Complex(_) => "u.cluster_id IN (SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2)",
        }
    }
}

/// VERA EENHEIDSOORT codes of units where no household lives: the kinds that are not a home.
pub use volkshuis_domain::bezit::NOT_A_HOME as NOT_A_HOUSEHOLD;

/// Whether a unit houses a household that gets a vote: any unit in use whose soort is not one of
/// [`NOT_A_HOUSEHOLD`] (a home, `WOO`, or a soort the file leaves out or the corporation codes its own way: better a
/// letter too many than a household left out) and which is not vacant (status `LEE`).
pub fn is_household(soort: Option<&str>, status: Option<&str>) -> bool {
    let vacant = status.map(str::trim).is_some_and(|s| s.eq_ignore_ascii_case("LEE"));
    volkshuis_domain::bezit::is_home(soort) && !vacant
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_move_one_step_at_a_time() {
        assert_eq!(Phase::Proposing.next(), Some(Phase::Checking));
        assert_eq!(Phase::Closed.next(), Some(Phase::Published));
        assert_eq!(Phase::Published.next(), None);
        for phase in Phase::ALL {
            assert_eq!(Phase::parse(phase.code()), Some(phase));
        }
    }

    #[test]
    fn an_area_is_a_cbs_code_with_its_prefix_or_a_complex() {
        assert_eq!(Area::parse(" bu01500000 "), Ok(Area::Buurt("BU01500000".into())));
        assert_eq!(Area::parse("WK015000"), Ok(Area::Wijk("WK015000".into())));
        assert_eq!(Area::parse("gm0150"), Ok(Area::Gemeente("GM0150".into())));
        assert_eq!(Area::parse("0150"), Ok(Area::Complex("0150".into())), "no prefix: a complex code");
        assert_eq!(Area::parse("BU123"), Ok(Area::Complex("BU123".into())));
        assert_eq!(Area::parse("  "), Err(TextError::Required));
    }

    #[test]
    fn households_are_homes_in_use_that_are_not_vacant() {
        assert!(is_household(Some("WOO"), Some("VEH")));
        assert!(is_household(None, None), "a stock file without soort or status");
        assert!(is_household(Some(" woo "), Some("")));
        assert!(!is_household(Some("WOO"), Some("LEE")), "vacant: nobody to write to");
        assert!(!is_household(Some("PAR"), None));
        assert!(!is_household(Some("BOG"), Some("VEH")));
        assert!(is_household(Some("WON"), None), "a soort of the corporation's own: a letter too many at worst");
    }
}
