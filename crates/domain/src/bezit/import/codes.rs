//! The coded columns of a stock file (`soort`, `detailSoort`, `status`, `clusterSoort`) against the VERA lists they
//! take their codes from. A list the platform has not loaded is not checked: without the official file an import
//! cannot tell a code from a typo, and refusing every code would stop every import.

use super::{echo, Column, RowError, RowProblem, UnitRecord};
use crate::vera::lists;
use std::collections::{HashMap, HashSet};

/// Which column takes its codes from which list.
const CODED: [(Column, &str); 4] = [
    (Column::ClusterSoort, lists::COMPLEX_KIND),
    (Column::Soort, lists::UNIT_KIND),
    (Column::DetailSoort, lists::UNIT_DETAIL_KIND),
    (Column::Status, lists::UNIT_STATE),
];

/// The lists a stock file's coded columns are checked against, by list name: the codes each holds (retired codes
/// too — a unit may keep the code it had).
#[derive(Debug, Clone, Default)]
pub struct VeraCodes {
    lists: HashMap<&'static str, HashSet<String>>,
}

impl VeraCodes {
    /// The names of the lists a stock file is checked against (what to load).
    pub fn list_names() -> [&'static str; 4] {
        CODED.map(|(_, list)| list)
    }

    /// The lists from `(list, code)` pairs; pairs of other lists are left out, and a list without any code is not
    /// checked.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut lists: HashMap<&'static str, HashSet<String>> = HashMap::new();
        for (list, code) in pairs {
            if let Some((_, name)) = CODED.iter().find(|(_, name)| *name == list) {
                lists.entry(name).or_default().insert(code.to_ascii_uppercase());
            }
        }
        Self { lists }
    }

    /// Whether any list is loaded (nothing is checked otherwise).
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The row's coded values that are not in their (loaded) list, each as an error at `line`, in column order.
    pub fn problems(&self, line: u64, unit: &UnitRecord) -> Vec<RowError> {
        let mut errors = Vec::new();
        for (column, list) in CODED {
            let (Some(codes), Some(value)) = (self.lists.get(list), coded_value(unit, column)) else { continue };
            if !codes.contains(value) {
                errors.push(RowError {
                    line,
                    column: column.name().to_owned(),
                    value: echo(value),
                    reason: RowProblem::NotInVera { list },
                });
            }
        }
        errors
    }
}

/// The unit's value of a coded column (upper-cased when read).
fn coded_value(unit: &UnitRecord, column: Column) -> Option<&str> {
    match column {
        Column::ClusterSoort => unit.cluster_soort.as_deref(),
        Column::Soort => unit.soort.as_deref(),
        Column::DetailSoort => unit.detail_soort.as_deref(),
        Column::Status => unit.status.as_deref(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bezit::import::StockReader;

    fn unit(line: &str) -> UnitRecord {
        let file = format!("idExtern;straatnaam;huisnummer;postcode;woonplaats;soort;detailSoort;status\n{line}\n");
        let mut reader = StockReader::new(file.as_bytes()).expect("header");
        reader.next().expect("a row").expect("a valid row").unit
    }

    fn loaded() -> VeraCodes {
        VeraCodes::from_pairs([
            ("EENHEIDSOORT", "WOO"),
            ("EENHEIDSOORT", "PAR"),
            ("EENHEIDSTATUS", "VEH"),
            ("EENHEIDDETAILSOORT", "EGW"),
            ("AANBIEDINGSTATUS", "XYZ"),
        ])
    }

    #[test]
    fn a_code_in_its_list_passes_whatever_its_case() {
        assert!(loaded().problems(2, &unit("A1;Straat;1;7411AB;Deventer;woo;EGW;VEH")).is_empty());
    }

    #[test]
    fn each_unknown_code_is_named_with_its_column_and_list() {
        let errors = loaded().problems(7, &unit("A1;Straat;1;7411AB;Deventer;XYZ;EGW;HUUR"));
        let named: Vec<(u64, &str, &str)> =
            errors.iter().map(|e| (e.line, e.column.as_str(), e.value.as_str())).collect();
        assert_eq!(named, [(7, "soort", "XYZ"), (7, "status", "HUUR")]);
        assert_eq!(errors[0].reason, RowProblem::NotInVera { list: "EENHEIDSOORT" });
        assert_eq!(errors[1].reason.to_string(), "is geen code uit de VERA-lijst EENHEIDSTATUS");
    }

    #[test]
    fn a_list_not_loaded_and_an_empty_value_are_not_checked() {
        // CLUSTERSOORT is not loaded here; detailSoort is empty.
        let only_kinds = VeraCodes::from_pairs([("EENHEIDSOORT", "WOO")]);
        assert!(only_kinds.problems(2, &unit("A1;Straat;1;7411AB;Deventer;WOO;;ANY")).is_empty());
        assert!(VeraCodes::default().is_empty());
        assert!(VeraCodes::default().problems(2, &unit("A1;Straat;1;7411AB;Deventer;NOPE;NOPE;NOPE")).is_empty());
    }

    #[test]
    fn codes_of_other_lists_are_left_out() {
        let other = VeraCodes::from_pairs([("AANBIEDINGSTATUS", "XYZ")]);
        assert!(other.is_empty());
    }
}
