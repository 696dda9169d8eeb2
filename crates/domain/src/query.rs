//! What a visitor puts in a filter or a page link, made safe to query with: the one cleaning of search and filter
//! texts and of page numbers, used by every page and by the API, so no handler passes raw query text to the store.
//!
//! Found from outside (issue 17): a NUL byte in a filter made PostgreSQL fail (it cannot hold or compare NUL in
//! text), and `page=9223372036854775807` overflowed the offset (a 500 on PostgreSQL, a nonsense range on SQLite).

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// The most characters of a filter text that are kept; nothing stored is searched by a longer text.
pub const MAX_FILTER_CHARS: usize = 200;

/// A filter or search text as typed, cleaned: control characters (NUL among them) removed, trimmed, at most
/// [`MAX_FILTER_CHARS`] characters. `None` when nothing is left, which means "no filter".
///
/// Removing rather than refusing: a control character cannot be part of what is searched for (no stored text
/// has one that a visitor could type), so the search means the same without it, and nothing typed is lost.
pub fn filter_text(raw: &str) -> Option<String> {
    let cleaned: String = raw.chars().filter(|c| !c.is_control()).collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.chars().take(MAX_FILTER_CHARS).collect())
}

/// A page number from a link (0 is the first page), clamped to `0..=`[`PageNumber::MAX`] so that its offset
/// cannot overflow. Anything that is not a whole number is the first page: page links are made by the pages
/// themselves, so a broken one is best answered with the start of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageNumber(i64);

impl PageNumber {
    /// The last page that can be asked for; with 1,000 rows a page that is row 10⁸, past any real list.
    pub const MAX: i64 = 100_000;

    /// Reads a page number from its text, clamped.
    pub fn parse(raw: &str) -> Self {
        let raw = raw.trim();
        let digits = raw.strip_prefix('+').unwrap_or(raw);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            // A negative page is before the first page.
            return Self(0);
        }
        // More digits than an i64 holds is past the last page.
        Self::new(digits.parse().unwrap_or(i64::MAX))
    }

    /// A page number, clamped.
    pub fn new(page: i64) -> Self {
        Self(page.clamp(0, Self::MAX))
    }

    /// The number (0 for the first page).
    pub fn get(self) -> i64 {
        self.0
    }

    /// The offset of this page's first row with `size` rows a page (never overflows: both are bounded).
    pub fn offset(self, size: i64) -> i64 {
        self.0.saturating_mul(size.max(0))
    }

    /// The page before, if this is not the first.
    pub fn previous(self) -> Option<Self> {
        (self.0 > 0).then(|| Self(self.0 - 1))
    }

    /// The page after, unless this is the last that can be asked for.
    pub fn next(self) -> Option<Self> {
        (self.0 < Self::MAX).then(|| Self(self.0 + 1))
    }
}

impl fmt::Display for PageNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Read from a query string (text) or any other serde source (a number); never fails, see [`PageNumber::parse`].
impl<'de> Deserialize<'de> for PageNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PageVisitor;
        impl Visitor<'_> for PageVisitor {
            type Value = PageNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a page number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PageNumber, E> {
                Ok(PageNumber::parse(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PageNumber, E> {
                Ok(PageNumber::new(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PageNumber, E> {
                Ok(PageNumber::new(i64::try_from(v).unwrap_or(i64::MAX)))
            }
        }
        deserializer.deserialize_any(PageVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_texts_lose_control_characters_and_stay_bounded() {
        assert_eq!(filter_text("  Laan\0weg \t"), Some("Laanweg".to_owned()));
        assert_eq!(filter_text("\0"), None);
        assert_eq!(filter_text("   "), None);
        assert_eq!(filter_text("50%_korting"), Some("50%_korting".to_owned()), "wildcards are the store's to escape");
        assert_eq!(filter_text(&"é".repeat(500)).map(|t| t.chars().count()), Some(MAX_FILTER_CHARS));
    }

    #[test]
    fn page_numbers_are_clamped() {
        assert_eq!(PageNumber::parse("3").get(), 3);
        assert_eq!(PageNumber::parse("9223372036854775807").get(), PageNumber::MAX);
        assert_eq!(PageNumber::parse("99999999999999999999999").get(), PageNumber::MAX);
        for first in ["", "-1", "-9223372036854775808", "abc", "1.5", "1e3", "\0"] {
            assert_eq!(PageNumber::parse(first).get(), 0, "{first:?}");
        }
        assert_eq!(PageNumber::parse("9223372036854775807").offset(1_000), 100_000_000);
        assert_eq!(PageNumber::new(0).previous(), None);
        assert_eq!(PageNumber::new(PageNumber::MAX).next(), None);
    }

    #[test]
    fn page_numbers_read_from_a_query_string() {
        #[derive(Deserialize)]
        struct Q {
            #[serde(default)]
            page: PageNumber,
        }
        let read = |text: &str| serde_json::from_value::<Q>(serde_json::json!({ "page": text })).map(|q| q.page.get());
        assert_eq!(read("7").ok(), Some(7));
        assert_eq!(read("9223372036854775807").ok(), Some(PageNumber::MAX));
        let number: Q = serde_json::from_str(r#"{"page": -5}"#).expect("a number");
        assert_eq!(number.page.get(), 0);
    }
}
