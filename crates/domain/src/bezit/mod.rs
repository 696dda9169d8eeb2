//! Bezit: the housing stock — units (eenheden) grouped in complexes (clusters), and the file they come in.

pub mod import;
pub mod rent;
pub mod synthetic;
mod unit;

pub use unit::{SocialLabel, UnitRecord};

/// VERA EENHEIDSOORT codes of units that are not a home: business space (`BED`, `BOG`), maatschappelijk vastgoed
/// (`MOG`), parking (`PAR`), other (`OVE`: storage, plots), intramural care let as a whole (`INT`) and recreation homes
/// (`REC`). Every other unit counts as a home: `WOO`, or a soort the file leaves out or the corporation codes its own
/// way (a count of homes then errs on the side of one too many, never leaves a household out).
pub const NOT_A_HOME: [&str; 7] = ["BED", "BOG", "MOG", "PAR", "OVE", "INT", "REC"];

/// Whether a unit of this VERA soort counts as a home (see [`NOT_A_HOME`]); the code is read trimmed, in any case.
pub fn is_home(soort: Option<&str>) -> bool {
    soort.map(str::trim).filter(|s| !s.is_empty()).is_none_or(|s| !NOT_A_HOME.iter().any(|c| c.eq_ignore_ascii_case(s)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn homes_are_every_unit_but_the_kinds_no_household_lives_in() {
        assert!(super::is_home(Some("WOO")));
        assert!(super::is_home(None), "a stock file without soort");
        assert!(super::is_home(Some(" ")));
        assert!(super::is_home(Some("XYZ")), "a corporation's own code");
        for code in ["PAR", " par ", "BOG", "BED", "MOG", "OVE", "INT", "REC"] {
            assert!(!super::is_home(Some(code)), "{code}");
        }
    }
}
