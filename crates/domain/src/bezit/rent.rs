//! Rent bands for filters and figures, anchored on the social-rent (liberalisation) limit of the year.

use crate::money::Money;

/// The social-rent limit (liberalisatiegrens) per year, in cents; source: `shared/design/RULES.md`.
const LIBERALISATION_LIMIT: &[(i32, i64)] = &[(2025, 90_007), (2026, 93_293)];

/// The liberalisation limit used for `year`: the amount and the year it is the limit of — `year`'s own where it is
/// known, else the latest known before it, or the first known for a year before any. Pages show that year beside the
/// amount (RULES.md: "store per year; show the year"), so another year's limit is never taken for this year's.
pub fn liberalisation_limit_of(year: i32) -> (Money, i32) {
    let (of, cents) = LIBERALISATION_LIMIT
        .iter()
        .rev()
        .find(|(y, _)| *y <= year)
        .or(LIBERALISATION_LIMIT.first())
        .copied()
        .unwrap_or_default();
    (Money::from_cents(cents), of)
}

/// The liberalisation limit used for `year` (see [`liberalisation_limit_of`] for which year's it is).
pub fn liberalisation_limit(year: i32) -> Money {
    liberalisation_limit_of(year).0
}

/// A band of net rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RentBand {
    /// Below € 500.
    Low,
    /// € 500 up to € 700.
    Middle,
    /// € 700 up to and including the liberalisation limit (a rent at the limit is still social rent).
    High,
    /// Above the liberalisation limit (the free sector).
    Free,
}

impl RentBand {
    /// Every band, low to high.
    pub const ALL: [RentBand; 4] = [RentBand::Low, RentBand::Middle, RentBand::High, RentBand::Free];

    /// The stable code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            RentBand::Low => "lt500",
            RentBand::Middle => "500-700",
            RentBand::High => "700-lib",
            RentBand::Free => "lib",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code)
    }

    /// The band as `[from, below)` in cents for `year`; `None` means unbounded. A home is liberalised only when its
    /// rent is *above* the limit, so the limit itself belongs to the band below it.
    pub fn range(self, year: i32) -> (Option<i64>, Option<i64>) {
        let above_limit = liberalisation_limit(year).cents() + 1;
        match self {
            RentBand::Low => (None, Some(50_000)),
            RentBand::Middle => (Some(50_000), Some(70_000)),
            RentBand::High => (Some(70_000), Some(above_limit)),
            RentBand::Free => (Some(above_limit), None),
        }
    }

    /// The band of a net rent in `year`.
    pub fn of(rent_cents: i64, year: i32) -> Self {
        Self::ALL
            .into_iter()
            .find(|band| band.range(year).1.is_none_or(|below| rent_cents < below))
            .unwrap_or(RentBand::Free)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_by_year() {
        assert_eq!(liberalisation_limit(2026), Money::from_cents(93_293));
        assert_eq!(liberalisation_limit(2025), Money::from_cents(90_007));
        assert_eq!(liberalisation_limit(2030), Money::from_cents(93_293), "latest known");
        assert_eq!(liberalisation_limit(2020), Money::from_cents(90_007), "earliest known");
        assert_eq!(liberalisation_limit_of(2026), (Money::from_cents(93_293), 2026));
        assert_eq!(liberalisation_limit_of(2027), (Money::from_cents(93_293), 2026), "another year's, said so");
        assert_eq!(liberalisation_limit_of(2024), (Money::from_cents(90_007), 2025), "another year's, said so");
    }

    #[test]
    fn bands_touch_without_overlap() {
        assert_eq!(RentBand::High.range(2026), (Some(70_000), Some(93_294)));
        assert_eq!(RentBand::Free.range(2026), (Some(93_294), None));
        for band in RentBand::ALL {
            assert_eq!(RentBand::parse(band.code()), Some(band));
        }
    }

    #[test]
    fn a_rent_at_the_limit_is_social_and_a_cent_above_it_is_free() {
        assert_eq!(RentBand::of(93_293, 2026), RentBand::High, "€ 932,93 in 2026: at the limit, still social");
        assert_eq!(RentBand::of(93_294, 2026), RentBand::Free);
        assert_eq!(RentBand::of(90_007, 2025), RentBand::High);
        assert_eq!(RentBand::of(90_008, 2025), RentBand::Free);
        assert_eq!(RentBand::of(49_999, 2026), RentBand::Low);
        assert_eq!(RentBand::of(50_000, 2026), RentBand::Middle);
        assert_eq!(RentBand::of(70_000, 2026), RentBand::High);
    }
}
