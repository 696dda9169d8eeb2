//! A corporation's complexes by code and name, kept in memory per stock version for the search box: matching a typed
//! text with `LIKE '%…%'` against every complex of a national corporation (14,794) was most of a search's time (5.5 ms
//! of 9 on SQLite, measured in issue 23), and complexes change only with an import, which raises the stock version.

use super::records::Records;
use std::cmp::Ordering;
use volkshuis_domain::search::{order, rank, Kind, Match, Query};

/// One complex as the search shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexedComplex {
    /// Its id.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// Its name, or its code when it has none.
    pub title: String,
}

/// The complexes of one corporation, each a record `code, title` of folded texts.
#[derive(Debug, Default)]
pub(crate) struct ComplexIndex {
    records: Records,
    complexes: Vec<IndexedComplex>,
}

impl ComplexIndex {
    /// The index of `complexes` (id, code, name).
    pub(crate) fn new(complexes: Vec<(i64, String, Option<String>)>) -> Self {
        let mut index = Self::default();
        for (id, code, name) in complexes {
            let title = name.filter(|n| !n.is_empty()).unwrap_or_else(|| code.clone());
            index.records.push(&[&code, &title]);
            index.complexes.push(IndexedComplex { id, code, title });
        }
        index
    }

    /// The complexes whose code or name contains the query's folded text and that `keep` keeps, each with how well
    /// it matches, best first (then by name and id), at most `limit`.
    pub(crate) fn find(
        &self,
        query: &Query,
        limit: usize,
        keep: impl Fn(&IndexedComplex) -> bool,
    ) -> Vec<(Match, &IndexedComplex)> {
        let mut ranked: Vec<(Match, &IndexedComplex)> = self
            .records
            .matching(query.folded())
            .into_iter()
            .map(|i| &self.complexes[i])
            .filter(|complex| keep(complex))
            .filter_map(|complex| rank(query, Some(&complex.code), &complex.title).map(|m| (m, complex)))
            .collect();
        ranked.sort_by(best_first);
        ranked.truncate(limit);
        ranked
    }
}

/// The order of found complexes: by how well they match, then by name as the results are shown (the domain's
/// [`order`]: numbers as numbers, letters without case), then by id — so the best kept at a limit are the first shown.
pub(crate) fn best_first(a: &(Match, &IndexedComplex), b: &(Match, &IndexedComplex)) -> Ordering {
    order((a.0, Kind::Complex, &a.1.title), (b.0, Kind::Complex, &b.1.title)).then(a.1.id.cmp(&b.1.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ComplexIndex {
        ComplexIndex::new(vec![
            (1, "CPX000001".into(), Some("De Linde".into())),
            (2, "CPX000002".into(), Some("Lindenhof".into())),
            (3, "CPX000003".into(), None),
            (4, "CPX000004".into(), Some("Oude Linden".into())),
            (5, "LIN1".into(), Some("Het Anker".into())),
        ])
    }

    fn query(text: &str) -> Query {
        Query::parse(text).expect("a query")
    }

    fn ids(found: &[(Match, &IndexedComplex)]) -> Vec<i64> {
        found.iter().map(|(_, c)| c.id).collect()
    }

    #[test]
    fn a_text_finds_codes_and_names_best_first() {
        let index = index();
        let found = index.find(&query("lind"), 10, |_| true);
        // "Lindenhof" and the code LIN… start with it only for "lin"; here: prefix (2), word prefix (1, 4).
        assert_eq!(ids(&found), vec![2, 1, 4]);
        assert_eq!(found[0].0, Match::Prefix);
        assert_eq!(found[1].0, Match::WordPrefix);
        let found = index.find(&query("lin"), 10, |_| true);
        assert_eq!(ids(&found), vec![5, 2, 1, 4], "the code LIN1 starts with it, then the name Lindenhof");
    }

    #[test]
    fn a_complex_without_a_name_is_found_by_its_code() {
        let index = index();
        let found = index.find(&query("cpx000003"), 10, |_| true);
        assert_eq!(ids(&found), vec![3]);
        assert_eq!(found[0].0, Match::Exact);
        assert_eq!(found[0].1.title, "CPX000003");
    }

    #[test]
    fn a_match_never_spans_two_complexes_or_code_and_name() {
        let index = index();
        // The end of complex 1's name and the start of complex 2's code, and the end of a code with its name.
        assert!(index.find(&query("lindecpx"), 10, |_| true).is_empty());
        assert!(index.find(&query("0001de"), 10, |_| true).is_empty());
    }

    #[test]
    fn the_limit_keeps_the_best() {
        let index = index();
        let found = index.find(&query("cpx"), 2, |_| true);
        assert_eq!(ids(&found), vec![3, 1], "prefixes of the code, then by name: CPX000003 before De Linde");
        // What `keep` leaves out does not take a place within the limit.
        let found = index.find(&query("cpx"), 2, |c| c.id != 3);
        assert_eq!(ids(&found), vec![1, 2]);
    }
}
