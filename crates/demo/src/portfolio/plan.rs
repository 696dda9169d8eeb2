//! The demo corporation's stock as a housing manager would describe it: complexes with names, in real towns of the
//! IJssel valley (Deventer, Zutphen and Olst-Wijhe, with their real CBS municipality codes), built of rows of houses,
//! portiek blocks and flats on plausible streets. `super::generate` turns this into units.
//!
//! Wijk and buurt codes follow the CBS scheme (`WK` + municipality + 2 digits, `BU` + wijk + 2 digits); the shared
//! geo data holds municipality boundaries only, so the wijk and buurt numbers are not checked against real buurten.

/// A neighbourhood: where a complex lies.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    /// Town (woonplaats) as it appears in addresses.
    pub(crate) town: &'static str,
    /// CBS municipality code, four digits (2023).
    pub(crate) gemeente: &'static str,
    /// Wijk number within the municipality.
    pub(crate) wijk: u8,
    /// Buurt number within the wijk.
    pub(crate) buurt: u8,
    /// The four digits of its postcodes.
    pub(crate) area: u16,
    /// Rough centre (WGS84).
    pub(crate) lat: f64,
    /// Rough centre (WGS84).
    pub(crate) lon: f64,
}

/// How the dwellings of a part of a complex are built, which decides their VERA kind and how they are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Building {
    /// Rows of single-family houses of `row` houses each: corner houses (HOE) at the street's ends, end houses (EIN)
    /// at the other ends of rows, terraced houses (TUS) between. One number per house.
    Houses {
        /// Houses per row.
        row: u32,
    },
    /// Pre-war portiek blocks (POW): one number per staircase, the dwellings above the ground floor with a letter
    /// (12, 12A, 12B, …).
    Portiek {
        /// Dwellings per staircase.
        per_entrance: u32,
    },
    /// Post-war portiek flats (POF): one number per staircase, every dwelling an addition (12-1, 12-2, …).
    PortiekFlat {
        /// Dwellings per staircase.
        per_entrance: u32,
    },
    /// A gallery flat (GAL): one house number per dwelling, as most gallery flats are numbered.
    Gallery,
    /// Apartments with a lift: one number per entrance, the addition floor and door (12-101, 12-102, …).
    Apartments {
        /// VERA detail soort (GAL, COR).
        detail: &'static str,
        /// Dwellings per entrance.
        per_entrance: u32,
        /// Dwellings per floor.
        per_floor: u32,
    },
    /// Ground-floor and upper dwellings in one house: the lower one the bare number (BEN), the upper one letter A
    /// (BOV). Counted in dwellings, two per number.
    UpperLower,
    /// Shops (BED/WIR), one number each.
    Shops,
    /// Lock-up garages (PAR/GAR) on one address, additions G1, G2, …
    Garages,
    /// Covered parking places (PAR/PAO) on one address, additions P1, P2, …
    Parking,
}

/// One street's share of a complex.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    /// Street name.
    pub(crate) street: &'static str,
    /// The first house number.
    pub(crate) first: u32,
    /// 1: numbers on both sides of the street (1, 2, 3, …); 2: one side only (2, 4, 6, …).
    pub(crate) step: u32,
    /// How it is built.
    pub(crate) building: Building,
    /// Units in this part.
    pub(crate) count: u32,
}

/// A complex.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    /// Its name, as the corporation's staff and tenants call it.
    pub(crate) name: &'static str,
    /// Where it lies.
    pub(crate) place: Place,
    /// Construction year.
    pub(crate) bouwjaar: i32,
    /// Share of its dwellings in the social (DAEB) segment; the rest is mid-rent.
    pub(crate) social: f64,
    /// Its streets.
    pub(crate) parts: &'static [Part],
}

const fn place(
    town: &'static str,
    gemeente: &'static str,
    wijk: u8,
    buurt: u8,
    area: u16,
    lat: f64,
    lon: f64,
) -> Place {
    Place { town, gemeente, wijk, buurt, area, lat, lon }
}

pub(crate) const fn part(street: &'static str, first: u32, step: u32, building: Building, count: u32) -> Part {
    Part { street, first, step, building, count }
}

// Deventer (GM0150).
const HAVENKWARTIER: Place = place("Deventer", "0150", 1, 3, 7418, 52.2612, 6.1590);
const VOORSTAD: Place = place("Deventer", "0150", 2, 1, 7413, 52.2560, 6.1760);
const SCHILDERSBUURT: Place = place("Deventer", "0150", 2, 4, 7414, 52.2585, 6.1850);
const RIVIERENWIJK: Place = place("Deventer", "0150", 3, 2, 7412, 52.2450, 6.1680);
const PLATVOET: Place = place("Deventer", "0150", 4, 2, 7416, 52.2500, 6.1900);
const BORGELE: Place = place("Deventer", "0150", 4, 5, 7425, 52.2460, 6.2010);
const KEIZERSLANDEN: Place = place("Deventer", "0150", 5, 3, 7415, 52.2650, 6.1880);
const ZANDWEERD: Place = place("Deventer", "0150", 6, 1, 7422, 52.2700, 6.1650);
const COLMSCHATE_NOORD: Place = place("Deventer", "0150", 7, 1, 7423, 52.2500, 6.2250);
const COLMSCHATE_ZUID: Place = place("Deventer", "0150", 7, 4, 7424, 52.2420, 6.2240);
// Zutphen (GM0301).
const ZUTPHEN_BINNENSTAD: Place = place("Zutphen", "0301", 1, 1, 7201, 52.1390, 6.1975);
const WATERKWARTIER: Place = place("Zutphen", "0301", 2, 2, 7202, 52.1450, 6.2010);
const DE_HOVEN: Place = place("Zutphen", "0301", 3, 1, 7207, 52.1330, 6.1860);
const ZUIDWIJKEN: Place = place("Zutphen", "0301", 4, 3, 7203, 52.1240, 6.2080);
const LEESTEN: Place = place("Zutphen", "0301", 5, 2, 7206, 52.1290, 6.2200);
const WARNSVELD: Place = place("Warnsveld", "0301", 8, 1, 7231, 52.1350, 6.2400);
// Olst-Wijhe (GM1773).
const OLST: Place = place("Olst", "1773", 1, 1, 8121, 52.3380, 6.1110);
const WIJHE: Place = place("Wijhe", "1773", 2, 1, 8131, 52.3880, 6.1330);

use Building::*;

/// The complexes, in the order of their codes (CPX000001, …). The order is a structural fact of the demo: the
/// tenant groups speak for complexes by code (Huurdersvereniging De Sleutel for 1–10, Bewonersraad Noord for 11–12,
/// the panel for 13) and the complexes after 13 (taken over in Zutphen) are its blind spots.
pub(crate) const PLANS: &[Plan] = &[
    Plan {
        name: "Schoolstraat e.o.",
        place: WIJHE,
        bouwjaar: 1952,
        social: 1.0,
        parts: &[part("Schoolstraat", 1, 1, Houses { row: 6 }, 26), part("Kerkstraat", 33, 1, Houses { row: 4 }, 18)],
    },
    Plan {
        name: "Rivierenbuurt",
        place: RIVIERENWIJK,
        bouwjaar: 1929,
        social: 1.0,
        parts: &[
            part("IJsselstraat", 1, 1, Portiek { per_entrance: 6 }, 72),
            part("Lekstraat", 1, 1, Portiek { per_entrance: 6 }, 66),
        ],
    },
    Plan {
        name: "De Vlinderhof",
        place: VOORSTAD,
        bouwjaar: 1997,
        social: 1.0,
        parts: &[part("Vlinderhof", 1, 1, Gallery, 64)],
    },
    Plan {
        name: "De Linde",
        place: BORGELE,
        bouwjaar: 1968,
        social: 1.0,
        parts: &[part("Lindelaan", 1, 1, Houses { row: 6 }, 64), part("Kastanjelaan", 1, 1, Houses { row: 6 }, 54)],
    },
    Plan {
        name: "Flat Zonnewijzer",
        place: COLMSCHATE_NOORD,
        bouwjaar: 1971,
        social: 1.0,
        parts: &[part("Zonnewijzer", 1, 1, Gallery, 158)],
    },
    Plan {
        name: "Bloemenbuurt",
        place: PLATVOET,
        bouwjaar: 1956,
        social: 1.0,
        parts: &[
            part("Tulpstraat", 1, 1, Houses { row: 8 }, 56),
            part("Anjerstraat", 1, 1, Houses { row: 8 }, 52),
            part("Krokusstraat", 1, 1, Houses { row: 6 }, 44),
        ],
    },
    Plan {
        name: "Olst Centrum",
        place: OLST,
        bouwjaar: 1986,
        social: 1.0,
        parts: &[part("Stationsstraat", 10, 1, UpperLower, 24), part("Marktplein", 1, 1, Shops, 6)],
    },
    Plan {
        name: "Schildersbuurt",
        place: SCHILDERSBUURT,
        bouwjaar: 1962,
        social: 1.0,
        parts: &[
            part("Rembrandtstraat", 1, 1, PortiekFlat { per_entrance: 8 }, 64),
            part("Vermeerstraat", 1, 1, PortiekFlat { per_entrance: 8 }, 56),
            part("Frans Halsstraat", 1, 1, PortiekFlat { per_entrance: 8 }, 56),
        ],
    },
    Plan {
        name: "Het Baken",
        place: HAVENKWARTIER,
        bouwjaar: 2009,
        social: 0.5,
        parts: &[
            part("Havenkade", 12, 2, Apartments { detail: "GAL", per_entrance: 28, per_floor: 4 }, 84),
            part("Havenkade", 18, 2, Parking, 28),
        ],
    },
    Plan {
        name: "Parkzicht",
        place: WIJHE,
        bouwjaar: 1979,
        social: 1.0,
        parts: &[part("Parkweg", 2, 2, Houses { row: 5 }, 38)],
    },
    Plan {
        name: "Vogelbuurt",
        place: KEIZERSLANDEN,
        bouwjaar: 1964,
        social: 1.0,
        parts: &[
            part("Merelstraat", 1, 1, Houses { row: 6 }, 60),
            part("Lijsterstraat", 1, 1, Houses { row: 6 }, 56),
            part("Spreeuwenstraat", 1, 1, Houses { row: 6 }, 54),
        ],
    },
    Plan {
        name: "Flat De Wieken",
        place: ZANDWEERD,
        bouwjaar: 1973,
        social: 1.0,
        parts: &[part("Molenweg", 101, 1, Gallery, 120)],
    },
    Plan {
        name: "Zonnehof",
        place: COLMSCHATE_ZUID,
        bouwjaar: 2004,
        social: 1.0,
        parts: &[part("Zonnehof", 1, 1, Apartments { detail: "COR", per_entrance: 24, per_floor: 6 }, 72)],
    },
    Plan {
        name: "Hanzehof",
        place: ZUIDWIJKEN,
        bouwjaar: 1961,
        social: 1.0,
        parts: &[
            part("Hanzeweg", 2, 2, PortiekFlat { per_entrance: 8 }, 96),
            part("Koggestraat", 1, 1, PortiekFlat { per_entrance: 8 }, 94),
        ],
    },
    Plan {
        name: "Waterkwartier",
        place: WATERKWARTIER,
        bouwjaar: 1949,
        social: 1.0,
        parts: &[
            part("Veerstraat", 1, 1, Houses { row: 8 }, 52),
            part("Sluisstraat", 1, 1, Houses { row: 6 }, 48),
            part("Kanaalstraat", 1, 1, Houses { row: 6 }, 50),
        ],
    },
    Plan {
        name: "Flat Het Anker",
        place: DE_HOVEN,
        bouwjaar: 1975,
        social: 1.0,
        parts: &[part("Ankerweg", 1, 1, Gallery, 120)],
    },
    Plan {
        name: "Binnenstad Zutphen",
        place: ZUTPHEN_BINNENSTAD,
        bouwjaar: 1908,
        social: 1.0,
        parts: &[part("Lange Hofstraat", 3, 2, UpperLower, 28), part("Beukerstraat", 10, 2, Shops, 6)],
    },
    Plan {
        name: "Garages Leesten",
        place: LEESTEN,
        bouwjaar: 1980,
        social: 0.0,
        parts: &[part("Leestenseweg", 40, 1, Garages, 30)],
    },
    Plan {
        name: "Warnsveld Dorp",
        place: WARNSVELD,
        bouwjaar: 1992,
        social: 1.0,
        parts: &[part("Dorpsstraat", 20, 1, Houses { row: 4 }, 40), part("Hoge Weide", 1, 1, Houses { row: 6 }, 44)],
    },
];
