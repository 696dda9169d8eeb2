//! Coverage: who speaks for a tenant. A unit is covered *formally* when a recognised huurdersorganisatie or
//! bewonerscommissie speaks for it, *informally* when only other groups do, and not at all (a blind spot) otherwise.

use super::group::GroupKind;

/// How a unit is covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coverage {
    /// Nobody speaks for it: a blind spot.
    None = 0,
    /// Only informal groups.
    Informal = 1,
    /// A recognised formal body.
    Formal = 2,
}

impl Coverage {
    /// The level as stored (0, 1, 2).
    pub fn level(self) -> i64 {
        self as i64
    }

    /// From a stored level.
    pub fn from_level(level: i64) -> Self {
        match level {
            2.. => Coverage::Formal,
            1 => Coverage::Informal,
            _ => Coverage::None,
        }
    }

    /// A stable code for styling.
    pub fn code(self) -> &'static str {
        match self {
            Coverage::Formal => "formal",
            Coverage::Informal => "informal",
            Coverage::None => "none",
        }
    }
}

/// What one group contributes to the units it speaks for.
pub fn group_coverage(kind: GroupKind, recognised: bool, active: bool) -> Coverage {
    match (active, kind.is_formal() && recognised) {
        (false, _) => Coverage::None,
        (true, true) => Coverage::Formal,
        (true, false) => Coverage::Informal,
    }
}

/// The coverage of a unit from the groups that speak for it: the best of them.
pub fn unit_coverage(groups: impl IntoIterator<Item = Coverage>) -> Coverage {
    groups.into_iter().max().unwrap_or(Coverage::None)
}

/// Units per coverage in an area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Covered by a recognised formal body.
    pub formal: i64,
    /// Covered by informal groups only.
    pub informal: i64,
    /// Not covered.
    pub none: i64,
}

impl Counts {
    /// All units.
    pub fn total(&self) -> i64 {
        self.formal + self.informal + self.none
    }

    /// The share without a voice, in whole percent (0 for an empty area).
    pub fn blind_percent(&self) -> i64 {
        if self.total() == 0 {
            0
        } else {
            (self.none * 100 + self.total() / 2) / self.total()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_group_decides() {
        let formal = group_coverage(GroupKind::Bewonerscommissie, true, true);
        let unrecognised = group_coverage(GroupKind::Bewonerscommissie, false, true);
        let panel = group_coverage(GroupKind::DigitaalPanel, true, true);
        let ended = group_coverage(GroupKind::Huurdersorganisatie, true, false);
        assert_eq!(
            (formal, unrecognised, panel, ended),
            (Coverage::Formal, Coverage::Informal, Coverage::Informal, Coverage::None)
        );
        assert_eq!(unit_coverage([panel, formal]), Coverage::Formal);
        assert_eq!(unit_coverage([unrecognised]), Coverage::Informal);
        assert_eq!(unit_coverage([]), Coverage::None);
        assert_eq!(Coverage::from_level(Coverage::Informal.level()), Coverage::Informal);
    }

    #[test]
    fn counts_give_the_share_without_a_voice() {
        let c = Counts { formal: 50, informal: 30, none: 20 };
        assert_eq!((c.total(), c.blind_percent()), (100, 20));
        assert_eq!(Counts::default().blind_percent(), 0);
        assert_eq!(Counts { formal: 2, informal: 0, none: 1 }.blind_percent(), 33);
    }
}
