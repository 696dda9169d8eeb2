//! The module rows of the search (groups, Overleg cases, contracts, cycles, initiatives) kept in memory with who may
//! find each, so that a typed text is matched by one substring search instead of a `LIKE '%…%'` over every row of
//! five tables (1.2 ms of a search's 1.5 ms on SQLite, 2.9 ms on PostgreSQL, one search at a time; ADR 0054).
//!
//! The index only chooses candidates: the rows shown are read from the database by id under each module's own
//! condition again ([`super::modules`]), so an index that has not yet seen a change can miss a row but never show one
//! that is not the viewer's. It is rebuilt when `search_version` changes, which the database's triggers raise with
//! every change to the rows and columns it holds (migration 50).

use super::modules::{InitiativeReach, Kinds};
use super::records::Records;
use std::cmp::Ordering;
use std::collections::HashMap;
use volkshuis_domain::search::{order, rank, Kind, Match, Query};

/// Who finds a row: the condition of its module's own list, on the organisations it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Any of these organisations: a case's corporation and tenant organisation; a contract's buyer, supplier and
    /// coordinator; a cycle's parties.
    Orgs(Vec<i64>),
    /// An initiative: the corporation's own, or that of the organisation it was brought in for.
    Initiative {
        /// The corporation it is brought to.
        corporation: i64,
        /// The organisation that brought it in, if any.
        initiator_org: Option<i64>,
        /// In the public register: every organisation that searches initiatives finds it.
        published: bool,
    },
    /// A group: found when it is open and it or one of the open groups above it (up to the first that is not) is
    /// the organisation's, in its stock or kept by it — as `participatie::visible_to` decides.
    Group {
        /// Not ended.
        open: bool,
        /// The group above it, if any.
        parent: Option<i64>,
        /// The corporation in whose stock it is.
        corporation: i64,
        /// The organisation that keeps it.
        keeper: i64,
    },
}

/// One row as the index holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModuleRow {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: i64,
    /// Its title (a group's name).
    pub title: String,
    /// A cycle's gemeente code, found when typed whole.
    pub code: Option<String>,
    /// Who finds it.
    pub reach: Reach,
}

/// Every module row of the search, by a folded title.
#[derive(Debug, Default)]
pub(crate) struct ModuleIndex {
    records: Records,
    rows: Vec<ModuleRow>,
    /// Where each group is in `rows`, to walk up from a group to the groups above it.
    groups: HashMap<i64, usize>,
    /// Where the rows with each code (a cycle's gemeente code, folded) are in `rows`.
    codes: HashMap<String, Vec<usize>>,
}

impl ModuleIndex {
    /// The index of `rows`.
    pub(crate) fn new(rows: Vec<ModuleRow>) -> Self {
        let mut index = Self::default();
        for row in rows {
            index.records.push(&[&row.title]);
            if row.kind == Kind::Group {
                index.groups.insert(row.id, index.rows.len());
            }
            if let Some(code) = &row.code {
                index.codes.entry(volkshuis_domain::search::fold_letters(code)).or_default().push(index.rows.len());
            }
            index.rows.push(row);
        }
        index
    }

    /// The rows of the `kinds` asked that `org` finds and whose title contains the query's folded text (a cycle also
    /// by its whole gemeente code), each kind's best `limit` by the domain's rank, then name, then id.
    pub(crate) fn find(&self, query: &Query, org: i64, kinds: Kinds, limit: usize) -> Vec<&ModuleRow> {
        let folded = query.folded();
        let mut found = self.records.matching(folded);
        found.extend(self.codes.get(folded).into_iter().flatten());
        found.sort_unstable();
        found.dedup();
        let mut ranked: Vec<(Match, &ModuleRow)> = found
            .into_iter()
            .map(|i| &self.rows[i])
            .filter(|row| asked(kinds, row.kind) && self.reaches(row, org, kinds))
            .filter_map(|row| rank(query, row.code.as_deref(), &row.title).map(|m| (m, row)))
            .collect();
        ranked.sort_by(best_first);
        let mut per_kind: HashMap<Kind, usize> = HashMap::new();
        ranked
            .into_iter()
            .filter(|(_, row)| {
                let taken = per_kind.entry(row.kind).or_default();
                *taken += 1;
                *taken <= limit
            })
            .map(|(_, row)| row)
            .collect()
    }

    /// Whether `org` finds `row`.
    fn reaches(&self, row: &ModuleRow, org: i64, kinds: Kinds) -> bool {
        match &row.reach {
            Reach::Orgs(orgs) => orgs.contains(&org),
            Reach::Initiative { corporation, initiator_org, published } => match kinds.initiatives {
                Some(InitiativeReach::Own) => *corporation == org,
                Some(InitiativeReach::BroughtIn) => *initiator_org == Some(org) || *published,
                Some(InitiativeReach::Published) => *published,
                None => false,
            },
            Reach::Group { open, .. } => *open && self.group_reaches(row, org),
        }
    }

    /// Whether an open group or one of the open groups above it is `org`'s. The walk stops at the first group that
    /// is ended or unknown, and after as many steps as there are groups (a loop in the data ends it too).
    fn group_reaches(&self, row: &ModuleRow, org: i64) -> bool {
        let mut at = row;
        for _ in 0..=self.groups.len() {
            let Reach::Group { parent, corporation, keeper, .. } = &at.reach else { return false };
            if *corporation == org || *keeper == org {
                return true;
            }
            match parent.and_then(|p| self.groups.get(&p)).map(|i| &self.rows[*i]) {
                Some(up @ ModuleRow { reach: Reach::Group { open: true, .. }, .. }) => at = up,
                _ => return false,
            }
        }
        false
    }
}

/// Whether the search reads `kind`.
fn asked(kinds: Kinds, kind: Kind) -> bool {
    match kind {
        Kind::Group => kinds.groups,
        Kind::Case => kinds.cases,
        Kind::Contract => kinds.contracts,
        Kind::Cycle => kinds.cycles,
        Kind::Initiative => kinds.initiatives.is_some(),
        Kind::Complex | Kind::Address => false,
    }
}

/// By how well they match, then kind, then name as the results are shown, then id.
fn best_first(a: &(Match, &ModuleRow), b: &(Match, &ModuleRow)) -> Ordering {
    order((a.0, a.1.kind, &a.1.title), (b.0, b.1.kind, &b.1.title)).then(a.1.id.cmp(&b.1.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WOONSTAD: i64 = 1;
    const ANDERS: i64 = 2;
    const HUURDERS: i64 = 3;
    const GEMEENTE: i64 = 4;

    fn row(kind: Kind, id: i64, title: &str, reach: Reach) -> ModuleRow {
        ModuleRow { kind, id, title: title.to_owned(), code: None, reach }
    }

    fn group(id: i64, title: &str, open: bool, parent: Option<i64>, corporation: i64, keeper: i64) -> ModuleRow {
        row(Kind::Group, id, title, Reach::Group { open, parent, corporation, keeper })
    }

    fn index() -> ModuleIndex {
        let mut cycle = row(Kind::Cycle, 30, "Afspraken Deventer", Reach::Orgs(vec![GEMEENTE, WOONSTAD, HUURDERS]));
        cycle.code = Some("GM0150".to_owned());
        ModuleIndex::new(vec![
            row(Kind::Case, 10, "Renovatie De Linde", Reach::Orgs(vec![WOONSTAD, HUURDERS])),
            row(Kind::Case, 11, "Sloop Lindehof", Reach::Orgs(vec![ANDERS, 99])),
            row(Kind::Contract, 20, "Onderhoud Linde", Reach::Orgs(vec![WOONSTAD, 98])),
            cycle,
            row(
                Kind::Initiative,
                40,
                "Lindetuin",
                Reach::Initiative { corporation: WOONSTAD, initiator_org: Some(HUURDERS), published: false },
            ),
            // Another corporation's, in the public register.
            row(
                Kind::Initiative,
                41,
                "Lindefeest",
                Reach::Initiative { corporation: ANDERS, initiator_org: None, published: true },
            ),
            // Kept by the tenant organisation in Woonstad's stock; below it a working group, below that one an
            // ended group and below the ended one a group that only the ended one linked up.
            group(50, "Bewonerscommissie Lindelaan", true, None, WOONSTAD, HUURDERS),
            group(51, "Werkgroep Lindetuin", true, Some(50), ANDERS, ANDERS),
            group(52, "Linde oud", false, Some(51), ANDERS, ANDERS),
            group(53, "Lindeclub", true, Some(52), ANDERS, ANDERS),
            // A loop in the data (each the other's parent), neither of the viewer's.
            group(54, "Linde A", true, Some(55), ANDERS, ANDERS),
            group(55, "Linde B", true, Some(54), ANDERS, ANDERS),
        ])
    }

    fn everything() -> Kinds {
        Kinds { groups: true, cases: true, contracts: true, cycles: true, initiatives: Some(InitiativeReach::Own) }
    }

    fn ids(found: &[&ModuleRow]) -> Vec<i64> {
        found.iter().map(|row| row.id).collect()
    }

    fn query(text: &str) -> Query {
        Query::parse(text).expect("a query")
    }

    #[test]
    fn each_kind_is_found_by_the_organisations_its_module_names() {
        let index = index();
        let mut found = ids(&index.find(&query("linde"), WOONSTAD, everything(), 8));
        found.sort_unstable();
        assert_eq!(found, vec![10, 20, 40, 50, 51], "its case, contract, initiative and group tree; no other's");
        let tenant = Kinds { contracts: false, initiatives: Some(InitiativeReach::BroughtIn), ..everything() };
        let mut found = ids(&index.find(&query("linde"), HUURDERS, tenant, 8));
        found.sort_unstable();
        assert_eq!(found, vec![10, 40, 41, 50, 51], "its initiative and the published one, its groups and below");
        // An organisation the module does not open to finds the published one only, not one brought in for it.
        let outside = Kinds { initiatives: Some(InitiativeReach::Published), ..tenant };
        let initiatives: Vec<i64> = index
            .find(&query("linde"), HUURDERS, outside, 8)
            .iter()
            .filter(|row| row.kind == Kind::Initiative)
            .map(|row| row.id)
            .collect();
        assert_eq!(initiatives, vec![41]);
        let mut found = ids(&index.find(&query("linde"), ANDERS, everything(), 8));
        found.sort_unstable();
        assert_eq!(found, vec![11, 41, 51, 53, 54, 55], "its case, initiative and open groups; not the ended one");
    }

    #[test]
    fn a_group_below_an_ended_one_is_not_reached_through_it() {
        let index = index();
        let found = ids(&index.find(&query("lindeclub"), WOONSTAD, everything(), 8));
        assert!(found.is_empty(), "53's parent 52 has ended: the walk to Woonstad's 50 stops there");
        let found = ids(&index.find(&query("linde oud"), ANDERS, everything(), 8));
        assert!(found.is_empty(), "an ended group is not found at all");
        let found = ids(&index.find(&query("linde a"), WOONSTAD, everything(), 8));
        assert!(found.is_empty(), "a loop ends the walk");
    }

    #[test]
    fn kinds_not_asked_are_not_found() {
        let index = index();
        let none = Kinds::default();
        assert!(index.find(&query("linde"), WOONSTAD, none, 8).is_empty());
        let only_cases = Kinds { cases: true, ..Kinds::default() };
        assert_eq!(ids(&index.find(&query("linde"), WOONSTAD, only_cases, 8)), vec![10]);
    }

    #[test]
    fn a_cycle_is_found_by_its_whole_code_and_not_by_a_part_of_it() {
        let index = index();
        let found = index.find(&query("gm0150"), GEMEENTE, everything(), 8);
        assert_eq!(ids(&found), vec![30]);
        assert!(index.find(&query("0150"), GEMEENTE, everything(), 8).is_empty());
    }

    #[test]
    fn each_kind_keeps_its_best_within_the_limit() {
        let index = ModuleIndex::new(vec![
            row(Kind::Case, 1, "Zonnepanelen Linde", Reach::Orgs(vec![WOONSTAD])),
            row(Kind::Case, 2, "Linde 10", Reach::Orgs(vec![WOONSTAD])),
            row(Kind::Case, 3, "Linde 9", Reach::Orgs(vec![WOONSTAD])),
            row(Kind::Contract, 4, "Schilderwerk Linde", Reach::Orgs(vec![WOONSTAD])),
        ]);
        let found = ids(&index.find(&query("linde"), WOONSTAD, everything(), 2));
        assert_eq!(found, vec![3, 2, 4], "prefixes in natural order, then the contract; the third case left out");
    }
}
