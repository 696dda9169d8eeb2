//! How the units of one street's part of a complex are numbered and laid out, per kind of building.

use super::plan::{Building, Part};

/// One unit's address, kind and place along its street.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Numbered {
    /// House number.
    pub(super) number: u32,
    /// House letter.
    pub(super) letter: Option<char>,
    /// Addition.
    pub(super) addition: Option<String>,
    /// VERA EENHEIDDETAILSOORT.
    pub(super) detail: &'static str,
    /// VERA EENHEIDSOORT.
    pub(super) soort: &'static str,
    /// Metres along the street from the middle of the part.
    pub(super) along: f64,
    /// Metres across the street (the even side lies opposite the odd one).
    pub(super) across: f64,
    /// Which building of the part it is in (0, 1, …): one BAG pand each.
    pub(super) building: u64,
}

/// The units of `part`, in the order of their numbers.
pub(super) fn numbered(part: &Part) -> Vec<Numbered> {
    let count = part.count;
    let number = |slot: u32| part.first + slot * part.step;
    let side_across = |n: u32| if part.step == 1 && n.is_multiple_of(2) { 22.0 } else { 0.0 };
    let unit = |number: u32, letter, addition, (soort, detail), along: f64, building: u32| Numbered {
        number,
        letter,
        addition,
        detail,
        soort,
        along,
        across: side_across(number),
        building: u64::from(building),
    };
    match part.building {
        Building::Houses { row } => {
            // With numbers on both sides, odd and even numbers alternate; each side has its own rows.
            let sides = if part.step == 1 { 2 } else { 1 };
            (0..count)
                .map(|i| {
                    let (side, pos) = (i % sides, i / sides);
                    let on_side = (count + sides - 1 - side) / sides;
                    let (row_no, within) = (pos / row, pos % row);
                    let row_len = row.min(on_side - row_no * row);
                    let detail = if pos == 0 || pos + 1 == on_side {
                        "HOE"
                    } else if within == 0 || within + 1 == row_len {
                        "EIN"
                    } else {
                        "TUS"
                    };
                    let along = (f64::from(pos) - f64::from(on_side) / 2.0) * 6.5 + f64::from(row_no) * 4.0;
                    unit(number(i), None, None, ("WOO", detail), along, side * 100 + row_no)
                })
                .collect()
        }
        Building::Portiek { per_entrance } => (0..count)
            .map(|i| {
                let (entrance, within) = (i / per_entrance, i % per_entrance);
                // The ground floor has the bare number, the floors above it letters: 12, 12A, 12B.
                let letter = (within > 0).then(|| char::from(b'A' + (within - 1) as u8));
                let along = (f64::from(entrance / 2) - f64::from(count / per_entrance) / 4.0) * 11.0;
                unit(number(entrance), letter, None, ("WOO", "POW"), along, entrance / 4)
            })
            .collect(),
        Building::PortiekFlat { per_entrance } => (0..count)
            .map(|i| {
                let (entrance, within) = (i / per_entrance, i % per_entrance);
                let along = (f64::from(entrance / part.step.max(1)) - f64::from(count / per_entrance) / 4.0) * 13.0;
                unit(number(entrance), None, Some((within + 1).to_string()), ("WOO", "POF"), along, entrance / 3)
            })
            .collect(),
        Building::Gallery => (0..count)
            .map(|i| {
                // One slab; twelve front doors a floor along the gallery.
                let along = (f64::from(i % 12) - 6.0) * 7.0;
                Numbered { across: 0.0, ..unit(number(i), None, None, ("WOO", "GAL"), along, 0) }
            })
            .collect(),
        Building::Apartments { detail, per_entrance, per_floor } => (0..count)
            .map(|i| {
                let (entrance, within) = (i / per_entrance, i % per_entrance);
                let (floor, door) = (within / per_floor + 1, within % per_floor + 1);
                let along = f64::from(entrance) * 24.0 - 24.0;
                Numbered {
                    across: 0.0,
                    ..unit(number(entrance), None, Some(format!("{floor}{door:02}")), ("WOO", detail), along, 0)
                }
            })
            .collect(),
        Building::UpperLower => (0..count)
            .map(|i| {
                let (house, upper) = (i / 2, i % 2 == 1);
                let kind = if upper { ("WOO", "BOV") } else { ("WOO", "BEN") };
                let along = (f64::from(house / part.step.max(1)) - f64::from(count) / 8.0) * 6.0;
                unit(number(house), upper.then_some('A'), None, kind, along, house)
            })
            .collect(),
        Building::Shops => (0..count)
            .map(|i| {
                let along = (f64::from(i) - f64::from(count) / 2.0) * 8.0;
                unit(number(i), None, None, ("BED", "WIR"), along, i)
            })
            .collect(),
        Building::Garages | Building::Parking => {
            let (prefix, kind) = if part.building == Building::Garages { ('G', "GAR") } else { ('P', "PAO") };
            (0..count)
                .map(|i| {
                    let along = (f64::from(i) - f64::from(count) / 2.0) * 3.0;
                    let addition = Some(format!("{prefix}{}", i + 1));
                    Numbered { across: 0.0, ..unit(part.first, None, addition, ("PAR", kind), along, 0) }
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::plan::part;

    fn shown(n: &Numbered) -> String {
        let letter = n.letter.map(String::from).unwrap_or_default();
        let addition = n.addition.as_ref().map(|a| format!("-{a}")).unwrap_or_default();
        format!("{}{letter}{addition} {}", n.number, n.detail)
    }

    #[test]
    fn rows_of_houses_have_corners_at_the_street_ends_and_end_houses_between_rows() {
        let units = numbered(&part("Tulpstraat", 1, 1, Building::Houses { row: 4 }, 16));
        let odd: Vec<String> = units.iter().filter(|u| u.number % 2 == 1).map(shown).collect();
        assert_eq!(odd, ["1 HOE", "3 TUS", "5 TUS", "7 EIN", "9 EIN", "11 TUS", "13 TUS", "15 HOE"]);
        assert!(units.iter().all(|u| u.letter.is_none() && u.addition.is_none()), "a house has its own number");
        assert!(units.iter().filter(|u| u.number % 2 == 0).all(|u| u.across > 0.0), "even numbers across the street");
        let one_side = numbered(&part("Parkweg", 2, 2, Building::Houses { row: 5 }, 5));
        assert_eq!(one_side.iter().map(|u| u.number).collect::<Vec<_>>(), [2, 4, 6, 8, 10]);
    }

    #[test]
    fn flats_share_a_staircase_number_with_letters_or_additions() {
        let portiek: Vec<String> =
            numbered(&part("IJsselstraat", 1, 1, Building::Portiek { per_entrance: 3 }, 6)).iter().map(shown).collect();
        assert_eq!(portiek, ["1 POW", "1A POW", "1B POW", "2 POW", "2A POW", "2B POW"]);
        let flat: Vec<String> =
            numbered(&part("Hanzeweg", 2, 2, Building::PortiekFlat { per_entrance: 2 }, 4)).iter().map(shown).collect();
        assert_eq!(flat, ["2-1 POF", "2-2 POF", "4-1 POF", "4-2 POF"]);
        let lift = Building::Apartments { detail: "COR", per_entrance: 4, per_floor: 2 };
        let apartments: Vec<String> = numbered(&part("Zonnehof", 1, 1, lift, 5)).iter().map(shown).collect();
        assert_eq!(apartments, ["1-101 COR", "1-102 COR", "1-201 COR", "1-202 COR", "2-101 COR"]);
        let upper: Vec<String> =
            numbered(&part("Lange Hofstraat", 3, 2, Building::UpperLower, 4)).iter().map(shown).collect();
        assert_eq!(upper, ["3 BEN", "3A BOV", "5 BEN", "5A BOV"]);
        let garages: Vec<String> =
            numbered(&part("Leestenseweg", 40, 1, Building::Garages, 2)).iter().map(shown).collect();
        assert_eq!(garages, ["40-G1 GAR", "40-G2 GAR"]);
        let gallery = numbered(&part("Zonnewijzer", 1, 1, Building::Gallery, 3));
        assert_eq!(gallery.iter().map(shown).collect::<Vec<_>>(), ["1 GAL", "2 GAL", "3 GAL"]);
    }
}
