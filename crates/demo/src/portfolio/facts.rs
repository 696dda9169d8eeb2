//! What the generated stock says about each complex, for texts that must match it (a case about "the 118 homes of
//! De Linde" is written from these counts, never typed in).

use super::{complex_code, DemoUnit};
use std::collections::BTreeMap;

/// One complex as its units describe it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ComplexFacts {
    /// Complex code.
    pub(crate) code: String,
    /// Name.
    pub(crate) name: &'static str,
    /// Town.
    pub(crate) town: &'static str,
    /// Streets, in the order they first appear.
    pub(crate) streets: Vec<&'static str>,
    /// Dwellings (woonruimte).
    pub(crate) dwellings: u32,
    /// Dwellings in the social (DAEB) segment.
    pub(crate) social: u32,
    /// Other units (shops, parking).
    pub(crate) other: u32,
    /// Dwellings per VERA detail soort.
    pub(crate) kinds: BTreeMap<&'static str, u32>,
    /// Construction year.
    pub(crate) bouwjaar: i32,
}

impl ComplexFacts {
    /// The streets as a Dutch enumeration: "Lindelaan en Kastanjelaan".
    pub(crate) fn street_list(&self) -> String {
        enumerate(&self.streets)
    }

    /// The kind most of its dwellings are, in Dutch, plural or singular by count ("eengezinswoningen").
    pub(crate) fn dwelling_kind(&self) -> &'static str {
        let main = self.kinds.iter().max_by_key(|(_, n)| **n).map(|(k, _)| *k).unwrap_or("");
        let one = self.dwellings == 1;
        match main {
            "TUS" | "HOE" | "EIN" => {
                if one {
                    "eengezinswoning"
                } else {
                    "eengezinswoningen"
                }
            }
            "POW" => {
                if one {
                    "portiekwoning"
                } else {
                    "portiekwoningen"
                }
            }
            "POF" => {
                if one {
                    "woning in een portiekflat"
                } else {
                    "woningen in portiekflats"
                }
            }
            "GAL" if self.bouwjaar >= 2000 => {
                if one {
                    "appartement"
                } else {
                    "appartementen"
                }
            }
            "GAL" => {
                if one {
                    "galerijwoning"
                } else {
                    "galerijwoningen"
                }
            }
            "COR" => {
                if one {
                    "appartement"
                } else {
                    "appartementen"
                }
            }
            "BEN" | "BOV" => {
                if one {
                    "boven- of benedenwoning"
                } else {
                    "boven- en benedenwoningen"
                }
            }
            _ => {
                if one {
                    "woning"
                } else {
                    "woningen"
                }
            }
        }
    }

    /// "118 eengezinswoningen": the count with its kind.
    pub(crate) fn dwellings_text(&self) -> String {
        format!("{} {}", self.dwellings, self.dwelling_kind())
    }
}

/// "a", "a en b", "a, b en c".
pub(crate) fn enumerate(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// The facts of every complex, in the order of their codes.
pub(crate) fn complexes(units: &[DemoUnit]) -> Vec<ComplexFacts> {
    let mut out: Vec<ComplexFacts> = Vec::new();
    for unit in units {
        if out.len() <= unit.complex {
            let plan = unit.plan();
            out.resize_with(unit.complex + 1, || ComplexFacts {
                code: complex_code(unit.complex),
                name: plan.name,
                town: plan.place.town,
                streets: Vec::new(),
                dwellings: 0,
                social: 0,
                other: 0,
                kinds: BTreeMap::new(),
                bouwjaar: plan.bouwjaar,
            });
        }
        let facts = &mut out[unit.complex];
        if !facts.streets.contains(&unit.street) {
            facts.streets.push(unit.street);
        }
        if unit.is_dwelling() {
            facts.dwellings += 1;
            facts.social += u32::from(unit.daeb);
            *facts.kinds.entry(unit.detail).or_default() += 1;
        } else {
            facts.other += 1;
        }
    }
    out
}

/// The facts of the complex named `name`.
pub(crate) fn named<'a>(all: &'a [ComplexFacts], name: &str) -> anyhow::Result<&'a ComplexFacts> {
    all.iter().find(|c| c.name == name).ok_or_else(|| anyhow::anyhow!("the demo stock has no complex {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_read_as_dutch() {
        assert_eq!(enumerate(&[]), "");
        assert_eq!(enumerate(&["Lindelaan"]), "Lindelaan");
        assert_eq!(enumerate(&["Lindelaan", "Kastanjelaan"]), "Lindelaan en Kastanjelaan");
        assert_eq!(enumerate(&["a", "b", "c"]), "a, b en c");
    }

    #[test]
    fn a_complex_is_described_by_its_own_units() {
        let units = crate::portfolio::generate();
        let all = complexes(&units);
        let linde = named(&all, "De Linde").expect("De Linde");
        let counted = units.iter().filter(|u| u.plan().name == "De Linde" && u.is_dwelling()).count();
        assert_eq!(linde.dwellings as usize, counted);
        assert_eq!(linde.dwellings_text(), format!("{counted} eengezinswoningen"));
        assert_eq!(linde.street_list(), "Lindelaan en Kastanjelaan");
        let baken = named(&all, "Het Baken").expect("Het Baken");
        assert!(baken.other > 0 && baken.social < baken.dwellings, "parking places and some mid-rent homes");
        assert_eq!(named(&all, "Rivierenbuurt").expect("x").dwelling_kind(), "portiekwoningen");
        assert!(named(&all, "Nergens").is_err());
    }
}
