//! Texts kept in memory for the search box, matched with one substring search: each record's parts folded (lower
//! case, accents dropped, as the query is: `fold_letters`) and written one after another, each ended by a NUL, so that a match never
//! spans two parts or two records.

use volkshuis_domain::search::fold_letters;

/// Records of folded texts, found by a substring of any part.
#[derive(Debug, Default)]
pub(crate) struct Records {
    text: Vec<u8>,
    /// Where each record begins in `text`, ascending.
    starts: Vec<usize>,
}

impl Records {
    /// Adds the next record, of `parts`.
    pub(crate) fn push(&mut self, parts: &[&str]) {
        self.starts.push(self.text.len());
        for part in parts {
            // A NUL in a stored text could join two parts; it is no letter anyone types.
            self.text.extend(fold_letters(part).bytes().filter(|b| *b != 0));
            self.text.push(0);
        }
    }

    /// The records (by the order they were pushed in) with a part that contains `folded`, each once, ascending.
    pub(crate) fn matching(&self, folded: &str) -> Vec<usize> {
        let needle = folded.as_bytes();
        if needle.is_empty() || needle.contains(&0) {
            return Vec::new();
        }
        let mut found: Vec<usize> = memchr::memmem::find_iter(&self.text, needle)
            .map(|at| self.starts.partition_point(|start| *start <= at) - 1)
            .collect();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_found_by_any_of_its_substrings_and_a_record_once() {
        let mut records = Records::default();
        records.push(&["CPX1", "De Linde"]);
        records.push(&["Lindehof"]);
        records.push(&["Anker"]);
        records.push(&["Één Loket"]);
        assert_eq!(records.matching("linde"), vec![0, 1]);
        assert_eq!(records.matching("een"), vec![3], "letters beyond ASCII fold too, their accents dropped");
        assert!(records.matching("één").is_empty(), "a query is folded before it is matched");
        assert_eq!(records.matching("de"), vec![0, 1], "twice in the first record, once in the second");
        assert_eq!(records.matching("anker"), vec![2]);
        assert!(records.matching("z").is_empty());
    }

    #[test]
    fn a_match_never_spans_parts_or_records_and_nothing_empty_matches() {
        let mut records = Records::default();
        records.push(&["ab", "cd"]);
        records.push(&["ef\0gh"]);
        assert!(records.matching("bc").is_empty());
        assert!(records.matching("de").is_empty());
        assert!(records.matching("def").is_empty(), "the end of one record and the start of the next");
        assert_eq!(records.matching("efgh"), vec![1], "a stored NUL is dropped");
        assert!(records.matching("").is_empty());
        assert!(records.matching("b\0c").is_empty());
    }
}
