//! Postcodes as PostNL issues them: four digits for an area, two letters for one segment of one street. Both sides
//! of a street (odd and even numbers) share the segment's postcode, and a street gets a new postcode every 10–25
//! house numbers.

use crate::rng::Rng;
use std::collections::HashMap;

/// The letters PostNL uses in postcodes: never F, I, O, Q, U or Y (too easily misread).
const LETTERS: &[u8; 20] = b"ABCDEGHJKLMNPRSTVWXZ";

/// The `index`th letter pair PostNL can hand out in an area (AA, AB, …, ZZ), skipping SA, SD and SS, which are never
/// issued; `None` past the last.
pub(crate) fn letter_pair(index: usize) -> Option<[u8; 2]> {
    LETTERS
        .iter()
        .flat_map(|first| LETTERS.iter().map(move |second| [*first, *second]))
        .filter(|pair| !matches!(pair, b"SA" | b"SD" | b"SS"))
        .nth(index)
}

/// Hands out postcodes per street segment, the same one every time the same segment is asked for.
#[derive(Debug)]
pub(crate) struct PostcodeBook {
    /// The next free letter pair per four-digit area.
    next_pair: HashMap<u16, usize>,
    /// House numbers per postcode, per (town, street).
    segment_length: HashMap<(&'static str, &'static str), u32>,
    /// Postcodes already issued, per (town, street, segment).
    issued: HashMap<(&'static str, &'static str, u32), String>,
}

impl PostcodeBook {
    /// An empty book.
    pub(crate) fn new() -> Self {
        Self { next_pair: HashMap::new(), segment_length: HashMap::new(), issued: HashMap::new() }
    }

    /// The postcode of `number` in `street` of `town`, which lies in the four-digit area `area`.
    pub(crate) fn postcode(
        &mut self,
        rng: &mut Rng,
        area: u16,
        town: &'static str,
        street: &'static str,
        number: u32,
    ) -> String {
        let length = *self.segment_length.entry((town, street)).or_insert_with(|| rng.between(10, 25));
        let segment = number.saturating_sub(1) / length;
        if let Some(code) = self.issued.get(&(town, street, segment)) {
            return code.clone();
        }
        // An area's first street does not start at AA: the lower pairs went to streets the demo does not own.
        let next = self.next_pair.entry(area).or_insert_with(|| rng.between(0, 40) as usize);
        let pair = letter_pair(*next).unwrap_or(*b"ZZ");
        *next += 1;
        let code = format!("{area:04}{}{}", pair[0] as char, pair[1] as char);
        self.issued.insert((town, street, segment), code.clone());
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_pairs_skip_the_letters_and_pairs_postnl_never_issues() {
        let pairs: Vec<[u8; 2]> = (0..).map_while(letter_pair).collect();
        assert_eq!(pairs.len(), 20 * 20 - 3);
        assert_eq!(pairs[0], *b"AA");
        assert_eq!(pairs[1], *b"AB");
        assert!(pairs.iter().all(|p| p.iter().all(|c| !b"FIOQUY".contains(c))));
        assert!(!pairs.iter().any(|p| p == b"SA" || p == b"SD" || p == b"SS"));
        let unique: std::collections::HashSet<_> = pairs.iter().collect();
        assert_eq!(unique.len(), pairs.len());
    }

    #[test]
    fn both_sides_of_a_segment_share_a_postcode_and_a_street_changes_every_10_to_25_numbers() {
        let mut rng = Rng::new(1);
        let mut book = PostcodeBook::new();
        let codes: Vec<String> =
            (1..=200).map(|n| book.postcode(&mut rng, 7411, "Deventer", "Kerkstraat", n)).collect();
        assert_eq!(codes[0], codes[1], "1 and 2 lie opposite each other in the first segment");
        let mut runs: Vec<usize> = Vec::new();
        for window in codes.chunk_by(|a, b| a == b) {
            runs.push(window.len());
        }
        // The last run may be cut short by the end of the numbers asked for.
        assert!(runs[..runs.len() - 1].iter().all(|r| (10..=25).contains(r)), "{runs:?}");
        assert!(runs.iter().all(|&r| r == runs[0] || r == *runs.last().unwrap_or(&0)), "one length per street");
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), runs.len(), "a postcode never comes back further along the street");
        assert!(codes.iter().all(|c| c.len() == 6 && c.starts_with("7411")));
        // Asked again, the same segment has the same code; another street in the area gets new letters.
        assert_eq!(book.postcode(&mut rng, 7411, "Deventer", "Kerkstraat", 2), codes[1]);
        let other = book.postcode(&mut rng, 7411, "Deventer", "Schoolstraat", 1);
        assert!(!codes.contains(&other));
    }
}
