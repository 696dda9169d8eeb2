//! One place per complex and buurt (issue 23, ADR 0048): which blocks of which modules a viewer sees on a place's
//! page, the stock of a place in figures, a small map without tiles, the timeline, and how small counts are shown.
//!
//! The rules here are pure; the store opens a place for a viewer (or refuses it) and the web layer shows the blocks
//! this module lets through. A block a viewer may not see is not rendered at all, so its absence says nothing about
//! whether the module has data there.

pub mod minimap;
pub mod stock;
pub mod timeline;

use crate::access::Role;
use crate::modules::Module;
use crate::org::OrgKind;

/// How the organisation looking at a place stands to the corporation(s) whose stock it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Viewer {
    /// A member of the corporation that owns the stock, with their role.
    Owner(Role),
    /// A tenant organisation the corporation consults (an accepted Overleg partner).
    TenantOrganisation,
    /// A municipality looking at a place in its own gemeenten.
    Municipality,
}

impl Viewer {
    /// The kind of organisation behind the viewer (for [`Module::open_to`]).
    pub fn org_kind(self) -> OrgKind {
        match self {
            Viewer::Owner(_) => OrgKind::Corporation,
            Viewer::TenantOrganisation => OrgKind::TenantOrganisation,
            Viewer::Municipality => OrgKind::Municipality,
        }
    }
}

/// How large the place is: a complex, or a buurt (which the modules' figures already count by).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// One complex.
    Complex,
    /// One buurt.
    Buurt,
}

/// What the page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// The page on screen: everything the viewer may see.
    Screen,
    /// The printable one-pager for a meeting with tenants: only what a tenant organisation may see, whoever prints.
    TenantMeeting,
}

/// A block of a place's page, one per module, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    /// The units by kind, status, rent band and year built, with a small map.
    Stock,
    /// Who speaks for the tenants: groups, coverage, blind spots.
    Participation,
    /// Open and recent Overleg cases that concern the place.
    Overleg,
    /// Prestatieafspraken commitments of the place's gemeente.
    Afspraken,
    /// Social-return placements of the place's tenants (counts).
    SocialReturn,
    /// Rent-arrears signals (counts only, never persons).
    Signals,
    /// Homes sold to their tenants and the health of their VvE's.
    Nazorg,
    /// Residents' initiatives.
    Initiatives,
}

impl Block {
    /// Every block, in page order.
    pub const ALL: [Block; 8] = [
        Block::Stock,
        Block::Participation,
        Block::Overleg,
        Block::Afspraken,
        Block::SocialReturn,
        Block::Signals,
        Block::Nazorg,
        Block::Initiatives,
    ];

    /// The module the block shows a part of; its full pages are the block's link.
    pub fn module(self) -> Module {
        match self {
            Block::Stock => Module::Bezit,
            Block::Participation => Module::Participatie,
            Block::Overleg => Module::Overleg,
            Block::Afspraken => Module::Afspraken,
            Block::SocialReturn => Module::SocialReturn,
            Block::Signals => Module::Signalering,
            Block::Nazorg => Module::Nazorg,
            Block::Initiatives => Module::Initiatieven,
        }
    }

    /// A stable code (markup hooks, tests).
    pub fn code(self) -> &'static str {
        self.module().code()
    }
}

/// The blocks a viewer sees, in page order.
///
/// A block needs its module open to the viewer's kind of organisation ([`Module::open_to`]) and, beyond that, a
/// reason in the module's own rules to show this place's part of it:
/// - the stock's unit figures, social return's placements of the corporation's own tenants and its sales are the
///   corporation's own data (a municipality sees sales as counts only, as the Nazorg figures give it);
/// - a municipality has Social return pages, but the placements of a corporation's tenants are the buyer's figures,
///   not the municipality's; a partner or supplier has no place pages at all (it is never a [`Viewer`]);
/// - signals are counted for the sender and the receiving municipality only.
///
/// The one-pager for a tenants' meeting shows only what a tenant organisation may see, whoever prints it.
pub fn blocks(viewer: Viewer, purpose: Purpose, scale: Scale) -> Vec<Block> {
    let shown = |block: Block, viewer: Viewer| {
        if !block.module().open_to(viewer.org_kind()) {
            return false;
        }
        match block {
            Block::Stock | Block::SocialReturn => matches!(viewer, Viewer::Owner(_)),
            Block::Signals | Block::Nazorg => match viewer {
                Viewer::Owner(_) => true,
                Viewer::Municipality => scale == Scale::Buurt,
                Viewer::TenantOrganisation => false,
            },
            Block::Participation | Block::Overleg | Block::Afspraken | Block::Initiatives => true,
        }
    };
    Block::ALL
        .into_iter()
        .filter(|b| shown(*b, viewer))
        .filter(|b| purpose == Purpose::Screen || shown(*b, Viewer::TenantOrganisation))
        .collect()
}

/// Whether the viewer prints the one-pager for a tenants' meeting: the corporation (for one tenant organisation it
/// consults) and that tenant organisation; a municipality holds no tenants' meetings of its own.
pub fn prints_for_tenants(viewer: Viewer) -> bool {
    matches!(viewer, Viewer::Owner(_) | Viewer::TenantOrganisation)
}

/// Counts of places this small are shown as "fewer than 5": in a small complex one count can point at one
/// household (the same rule as the Signalering and Nazorg figures).
pub const SMALLEST_SHOWN: i64 = 5;

/// Whether a count of people's circumstances is too small to show (1 to 4): the one rule behind every "fewer than
/// 5" — place pages, the Signalering, Nazorg and social-return figures.
pub fn hidden(n: i64) -> bool {
    (1..SMALLEST_SHOWN).contains(&n)
}

/// A count of people's circumstances as shown to a viewer who may not open the persons behind it, where the same
/// counts are broken down more than one way (per month, per gemeente, per complex): rounded to the nearest multiple
/// of [`SMALLEST_SHOWN`] (half up). Masking the small counts alone is not enough there — months 18 and 29 and
/// gemeenten 34, 10 and "<5" gave the hidden gemeente as 3 by subtraction; rounded, every difference is a guess.
/// 0 stays 0; 1 to 4 are shown as "fewer than 5" — and give 5 here, so a caller that forgets [`hidden`] never shows
/// them as 0.
pub fn rounded(n: i64) -> i64 {
    match n {
        ..=0 => n,
        1..SMALLEST_SHOWN => SMALLEST_SHOWN,
        _ => (n + SMALLEST_SHOWN / 2) / SMALLEST_SHOWN * SMALLEST_SHOWN,
    }
}

/// A count as a place's page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// The number itself.
    Exact(i64),
    /// From 1 to 4: "fewer than [`SMALLEST_SHOWN`]".
    FewerThanFive,
}

impl Count {
    /// A count of people's circumstances (signals, sales seen by a municipality) as a viewer who may not open the
    /// persons sees it: "fewer than 5" when small, else rounded to fives ([`rounded`]) as the module's figures show
    /// it — an exact count on one page beside a rounded total on another gave a hidden count back by subtraction.
    pub fn masked(n: i64) -> Self {
        if hidden(n) {
            Count::FewerThanFive
        } else {
            Count::Exact(rounded(n))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_rounded_to_fives_half_up() {
        let cases = [(0, 0), (1, 5), (4, 5), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (29, 30), (47, 45)];
        for (n, shown) in cases {
            assert_eq!(rounded(n), shown, "{n}");
        }
        // The audit's page: months 18 and 29, gemeenten 34, 10 and a hidden 3. Exact, 47 − 34 − 10 gave the 3. Rounded,
        // every count a reader can find is consistent with each hidden value from 1 to 4.
        let shown = (rounded(18) + rounded(29), rounded(34), rounded(10));
        let possible: Vec<i64> = (1..=4)
            .filter(|hidden| {
                // Some true counts behind the shown ones that add up with this hidden one.
                (30..=60).any(|total| {
                    rounded(total) == rounded(18 + 29)
                        && (0..=total).any(|a| rounded(a) == shown.1 && rounded(total - a - hidden) == shown.2)
                })
            })
            .collect();
        assert_eq!(possible, [1, 2, 3, 4], "the hidden count is not given back");
    }

    fn codes(viewer: Viewer, purpose: Purpose) -> Vec<&'static str> {
        let complex: Vec<&'static str> = blocks(viewer, purpose, Scale::Complex).into_iter().map(Block::code).collect();
        let buurt: Vec<&'static str> = blocks(viewer, purpose, Scale::Buurt).into_iter().map(Block::code).collect();
        // Only a municipality's blocks differ between a complex and a buurt (checked in its own test).
        if viewer != Viewer::Municipality {
            assert_eq!(complex, buurt, "{viewer:?}");
        }
        buurt
    }

    /// The table of viewers and blocks, written out so that a change to the rule shows here.
    #[test]
    fn each_viewer_sees_its_blocks() {
        let everything =
            ["bezit", "participatie", "overleg", "afspraken", "social-return", "signalering", "nazorg", "initiatieven"];
        for role in Role::ALL {
            assert_eq!(codes(Viewer::Owner(role), Purpose::Screen), everything, "{role}");
        }
        assert_eq!(
            codes(Viewer::TenantOrganisation, Purpose::Screen),
            ["participatie", "overleg", "afspraken", "initiatieven"]
        );
        assert_eq!(
            codes(Viewer::Municipality, Purpose::Screen),
            ["participatie", "afspraken", "signalering", "nazorg"]
        );
    }

    #[test]
    fn a_municipality_counts_signals_and_sales_per_buurt_never_per_complex() {
        let complex: Vec<&str> =
            blocks(Viewer::Municipality, Purpose::Screen, Scale::Complex).into_iter().map(Block::code).collect();
        assert_eq!(complex, ["participatie", "afspraken"]);
    }

    #[test]
    fn the_one_pager_shows_what_a_tenant_organisation_may_see() {
        let tenants = ["participatie", "overleg", "afspraken", "initiatieven"];
        assert_eq!(codes(Viewer::Owner(Role::Admin), Purpose::TenantMeeting), tenants);
        assert_eq!(codes(Viewer::TenantOrganisation, Purpose::TenantMeeting), tenants);
        assert!(prints_for_tenants(Viewer::Owner(Role::ReadOnly)) && prints_for_tenants(Viewer::TenantOrganisation));
        assert!(!prints_for_tenants(Viewer::Municipality));
    }

    #[test]
    fn small_counts_are_masked_from_one_to_four() {
        assert_eq!(Count::masked(0), Count::Exact(0));
        assert_eq!(Count::masked(1), Count::FewerThanFive);
        assert_eq!(Count::masked(4), Count::FewerThanFive);
        assert_eq!(Count::masked(5), Count::Exact(5));
        assert_eq!(Count::masked(120), Count::Exact(120));
        assert_eq!(Count::masked(7), Count::Exact(5), "the rest rounded to fives, as the figures show them");
        assert!(hidden(1) && hidden(4) && !hidden(0) && !hidden(5), "the one rule every \"fewer than 5\" follows");
    }
}
