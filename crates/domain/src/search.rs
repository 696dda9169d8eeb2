//! The search box of every page (issue 23): what was typed, read once, and how a found thing ranks against it.
//!
//! A query is cleaned as every filter text is ([`filter_text`]), bounded shorter, and read for its shape: a Dutch
//! postcode with or without a house number ("1234 AB 12", "1234ab 12-a", "1234AB"), or words — which may name a street
//! with a number ("Kerkstraat 12"). The store looks things up by that shape; this module decides their order.
//!
//! Order: an exact code or postcode match first, then a name that begins with the text, then a name with a word that
//! begins with it, then a name that merely contains it; ties by [`Kind`] (the order below) and then by name, numbers
//! in a name compared as numbers ("Kerkstraat 2" before "Kerkstraat 10").

use crate::ids::Postcode;
use crate::query::filter_text;
use std::cmp::Ordering;

/// Fewer characters than this find nothing: one letter matches half the stock and tells nothing.
pub const MIN_CHARS: usize = 2;
/// The most characters of a query that are kept; no name or address searched is longer.
pub const MAX_CHARS: usize = 100;
/// The highest house number that is read as one (the BAG's numbers have at most five digits).
const MAX_HOUSE_NUMBER: u32 = 99_999;
/// The longest addition (huisletter plus toevoeging, separators left out) that is read as one.
const MAX_ADDITION: usize = 6;

/// What a search finds, in the order ties are broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A complex (cluster) of a corporation.
    Complex,
    /// A unit by its address.
    Address,
    /// A group of the Participatiekaart.
    Group,
    /// An Overleg case.
    Case,
    /// A social-return contract.
    Contract,
    /// A prestatieafspraken cycle.
    Cycle,
    /// A residents' initiative.
    Initiative,
}

impl Kind {
    /// Every kind, in tie-breaking order.
    pub const ALL: [Kind; 7] =
        [Kind::Complex, Kind::Address, Kind::Group, Kind::Case, Kind::Contract, Kind::Cycle, Kind::Initiative];

    /// A stable code (for markup hooks and tests).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Complex => "complex",
            Kind::Address => "address",
            Kind::Group => "group",
            Kind::Case => "case",
            Kind::Contract => "contract",
            Kind::Cycle => "cycle",
            Kind::Initiative => "initiative",
        }
    }
}

/// How well a found thing matches, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// Its code or postcode (and number) is the query, or its whole name is.
    Exact,
    /// A whole word of its name (or its whole street) is the query: "linde" finds the complex De Linde before the
    /// Lindelaan's addresses, which an outside check and a walkthrough both found the wrong way round.
    Word,
    /// Its name (or code) begins with the query.
    Prefix,
    /// A word of its name, other than the first, begins with the query.
    WordPrefix,
    /// Its name (or code) contains the query.
    Contains,
}

/// A postcode typed with or without a house number and addition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostcodeQuery {
    /// The postcode as stored ("1234AB").
    pub postcode: Postcode,
    /// The house number, if typed.
    pub number: Option<u32>,
    /// Huisletter and toevoeging as one key ("A", "A2", "BIS"), if typed; see [`addition_key`].
    pub addition: Option<String>,
}

/// A street typed by the start of its name, perhaps with a number ("kerkstr 12").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreetQuery {
    /// The start of the street name, lower case as the store compares it (ASCII letters only; see ADR 0047).
    pub prefix: String,
    /// The house number, if typed.
    pub number: Option<u32>,
    /// Huisletter and toevoeging as one key, if typed.
    pub addition: Option<String>,
}

/// A search as typed, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    text: String,
    folded: String,
    postcode: Option<PostcodeQuery>,
    street: Option<StreetQuery>,
}

/// Why a typed text is no search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoQuery {
    /// Nothing was typed (or only spaces and control characters).
    Empty,
    /// Fewer than [`MIN_CHARS`] characters.
    TooShort,
}

impl Query {
    /// Reads a typed text: cleaned as every filter text, at most [`MAX_CHARS`] characters kept.
    pub fn parse(raw: &str) -> Result<Self, NoQuery> {
        let text: String = filter_text(raw).ok_or(NoQuery::Empty)?.chars().take(MAX_CHARS).collect();
        let text = text.trim_end().to_owned();
        if text.chars().count() < MIN_CHARS {
            return Err(NoQuery::TooShort);
        }
        let postcode = postcode_query(&text);
        let street = if postcode.is_none() { street_query(&text) } else { None };
        Ok(Self { folded: fold_letters(&text), text, postcode, street })
    }

    /// The text as kept (cleaned, bounded), for the search box.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text folded as [`rank`] folds names ([`fold_letters`]: "ÉÉN" → "een"): how the texts the search
    /// keeps in memory (complexes, module rows) are compared. Streets are compared in SQL (ASCII only, see
    /// [`StreetQuery::prefix`]).
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The postcode typed, if the query is one.
    pub fn postcode(&self) -> Option<&PostcodeQuery> {
        self.postcode.as_ref()
    }

    /// The street typed, if the query may be one (it has a letter and is no postcode).
    pub fn street(&self) -> Option<&StreetQuery> {
        self.street.as_ref()
    }
}

/// A text as the search compares it: lower case, accents dropped and ligatures opened (compatibility decomposition),
/// so "Repaircafe" finds "Repaircafé", "een" finds "Één" and "ijssel" finds "Ĳssel". Most names are ASCII and are
/// only lowered.
pub fn fold_letters(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// ASCII lower case, every other character kept.
fn fold(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// "1234 AB 12-a" → postcode 1234AB, number 12, addition "A".
fn postcode_query(text: &str) -> Option<PostcodeQuery> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let head = compact.get(..6)?;
    let postcode = Postcode::parse(head).ok()?;
    // The rest as typed, its spaces kept: "12 2" is number 12 with toevoeging 2, not number 122.
    let rest = after_non_blank(text, 6).trim();
    let (number, addition) = if rest.is_empty() { (None, None) } else { number_and_addition(rest)? };
    Some(PostcodeQuery { postcode, number, addition })
}

/// What follows the first `count` characters of `text` that are not white space.
fn after_non_blank(text: &str, count: usize) -> &str {
    let mut seen = 0;
    for (at, c) in text.char_indices() {
        if seen == count {
            return &text[at..];
        }
        if !c.is_whitespace() {
            seen += 1;
        }
    }
    ""
}

/// "12", "12a", "12-a", "12A-2", "12 2": the number and the addition key; `None` when the text is no house number.
fn number_and_addition(text: &str) -> Option<(Option<u32>, Option<String>)> {
    let digits_end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let digits = &text[..digits_end];
    if digits.is_empty() || digits.len() > 5 {
        return None;
    }
    let number: u32 = digits.parse().ok().filter(|n| (1..=MAX_HOUSE_NUMBER).contains(n))?;
    let rest = &text[digits_end..];
    if !rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ') {
        return None;
    }
    let key = addition_key(Some(rest), None);
    if key.len() > MAX_ADDITION {
        return None;
    }
    Some((Some(number), (!key.is_empty()).then_some(key)))
}

/// A street with a letter in it. Where a later word begins with a digit and it and the words after it read as a
/// house number with addition ("Kerkstraat 12a", "Kerkstraat 12 B"), the words before it are the street.
fn street_query(text: &str) -> Option<StreetQuery> {
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    for at in 1..words.len() {
        if !words[at].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let street = words[..at].join(" ");
        if let Some((number, addition)) = number_and_addition(&words[at..].join(" ")) {
            if street.chars().any(char::is_alphabetic) {
                return Some(StreetQuery { prefix: fold(&street), number, addition });
            }
        }
    }
    Some(StreetQuery { prefix: fold(text), number: None, addition: None })
}

/// Huisletter and toevoeging as one comparable key: letters and digits only, upper case ("a" + "-2" → "A2"). The
/// same key for what was typed and what is stored, so "12-a", "12a" and "12 A" all find huisletter A.
pub fn addition_key(letter: Option<&str>, addition: Option<&str>) -> String {
    letter
        .into_iter()
        .chain(addition)
        .flat_map(str::chars)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// How a thing with this `code` (if it has one) and `name` matches the query; `None` when it does not.
/// Case does not matter (any letter, not only ASCII: the order is decided here, after the store's coarser look-up).
pub fn rank(query: &Query, code: Option<&str>, name: &str) -> Option<Match> {
    // The query was folded once, when it was read; each candidate's texts are folded here.
    let q = query.folded();
    let name = fold_letters(name);
    let code = code.map(fold_letters);
    let code = code.as_deref();
    if code == Some(q) || name == q {
        Some(Match::Exact)
    } else if has_word(&name, q) {
        Some(Match::Word)
    } else if name.starts_with(q) || code.is_some_and(|c| c.starts_with(q)) {
        Some(Match::Prefix)
    } else if word_starts(&name).any(|i| name[i..].starts_with(q)) {
        Some(Match::WordPrefix)
    } else if name.contains(q) || code.is_some_and(|c| c.contains(q)) {
        Some(Match::Contains)
    } else {
        None
    }
}

/// Whether `q` stands in `name` as whole words: from the start of a word to the end of one.
fn has_word(name: &str, q: &str) -> bool {
    std::iter::once(0)
        .chain(word_starts(name))
        .any(|i| name[i..].starts_with(q) && name[i + q.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// The byte offsets where a word begins after the first: after a character that is no letter or digit.
fn word_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous: Option<char> = None;
    name.char_indices().filter_map(move |(i, c)| {
        let starts = previous.is_some_and(|p| !p.is_alphanumeric()) && c.is_alphanumeric();
        previous = Some(c);
        starts.then_some(i)
    })
}

/// A unit as an address search sees it.
#[derive(Debug, Clone, Copy)]
pub struct AddressCandidate<'a> {
    /// Postcode as stored ("1234AB").
    pub postcode: &'a str,
    /// Street name.
    pub street: &'a str,
    /// House number.
    pub number: i64,
    /// Huisletter and toevoeging as one key ([`addition_key`]).
    pub addition: &'a str,
}

/// How a unit matches: its postcode (with the typed number and addition) exactly, or its street by prefix (with the
/// typed number and addition); otherwise as any name ("Kerkstraat 12").
pub fn rank_address(query: &Query, unit: AddressCandidate<'_>) -> Option<Match> {
    let fits = |number: Option<u32>, addition: &Option<String>| {
        number.is_none_or(|n| i64::from(n) == unit.number) && addition.as_deref().is_none_or(|a| a == unit.addition)
    };
    if let Some(p) = &query.postcode {
        return (p.postcode.as_str() == unit.postcode && fits(p.number, &p.addition)).then_some(Match::Exact);
    }
    if let Some(s) = &query.street {
        let street = fold(unit.street);
        if street.starts_with(&s.prefix) && fits(s.number, &s.addition) {
            return Some(if street == s.prefix { Match::Word } else { Match::Prefix });
        }
    }
    let title = format!("{} {}{}", unit.street, unit.number, unit.addition);
    rank(query, None, &title)
}

/// The order of results: by match, then kind, then name (numbers as numbers, case ignored).
pub fn order(a: (Match, Kind, &str), b: (Match, Kind, &str)) -> Ordering {
    a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then_with(|| natural(a.2, b.2))
}

/// Compares names with their runs of digits as numbers and letters without case: "Kerkstraat 2" < "kerkstraat 10".
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(d) = it.next_if(char::is_ascii_digit) {
                        digits.push(d);
                    }
                    digits
                };
                let (x, y) = (number(&mut a), number(&mut b));
                let (xt, yt) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let by = xt.len().cmp(&yt.len()).then_with(|| xt.cmp(yt));
                if by != Ordering::Equal {
                    return by;
                }
            }
            (Some(x), Some(y)) => {
                let by = x.to_lowercase().cmp(y.to_lowercase());
                if by != Ordering::Equal {
                    return by;
                }
                a.next();
                b.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Query {
        Query::parse(text).expect("a query")
    }

    fn pc(postcode: &str, number: Option<u32>, addition: Option<&str>) -> Option<PostcodeQuery> {
        Some(PostcodeQuery {
            postcode: Postcode::parse(postcode).expect("postcode"),
            number,
            addition: addition.map(str::to_owned),
        })
    }

    #[test]
    fn empty_short_and_hostile_texts() {
        assert_eq!(Query::parse(""), Err(NoQuery::Empty));
        assert_eq!(Query::parse(" \0\t "), Err(NoQuery::Empty));
        assert_eq!(Query::parse("a"), Err(NoQuery::TooShort));
        assert_eq!(Query::parse("a\0"), Err(NoQuery::TooShort), "a control character is no character");
        assert_eq!(q("Lin\0de").text(), "Linde");
        assert_eq!(q(&"x".repeat(10_000)).text().len(), MAX_CHARS);
        assert_eq!(q("50%_korting").folded(), "50%_korting", "wildcards are the store's to escape");
        assert_eq!(q("ÉÉN Loket").folded(), "een loket", "every letter folds, its accents dropped, as `rank` folds");
        assert_eq!(q("Ĳsselstraat").folded(), "ijsselstraat", "a ligature opens");
        assert_eq!(q(&format!("ab{}c", " ".repeat(98))).text(), "ab", "cut at the bound, then trimmed");
    }

    /// Hand-worked: what each typed text is read as.
    #[test]
    fn postcodes_with_and_without_numbers() {
        let table: [(&str, Option<PostcodeQuery>); 14] = [
            ("1234AB", pc("1234AB", None, None)),
            ("1234 ab", pc("1234AB", None, None)),
            ("1234 AB 12", pc("1234AB", Some(12), None)),
            ("1234ab 12-a", pc("1234AB", Some(12), Some("A"))),
            ("1234AB12a", pc("1234AB", Some(12), Some("A"))),
            ("1234 AB 12 A-2", pc("1234AB", Some(12), Some("A2"))),
            // A space before a digit is a toevoeging, not more of the number.
            ("1234 AB 12 2", pc("1234AB", Some(12), Some("2"))),
            ("1234AB122", pc("1234AB", Some(122), None)),
            (" 1234 A B  12 2 ", pc("1234AB", Some(12), Some("2"))),
            ("0234AB", None),
            ("1234A", None),
            ("1234ABC", None),
            ("1234AB 0", None),
            ("1234AB 123456", None),
        ];
        for (text, expected) in table {
            assert_eq!(q(text).postcode().cloned(), expected, "{text}");
        }
        assert_eq!(q("1234AB 12").street(), None, "a postcode is no street");
    }

    #[test]
    fn streets_with_and_without_numbers() {
        let street = |text: &str| q(text).street().cloned();
        let s = |prefix: &str, number: Option<u32>, addition: Option<&str>| {
            Some(StreetQuery { prefix: prefix.to_owned(), number, addition: addition.map(str::to_owned) })
        };
        assert_eq!(street("Kerkstr"), s("kerkstr", None, None));
        assert_eq!(street("Kerkstraat 12"), s("kerkstraat", Some(12), None));
        assert_eq!(street("Laan van Meerdervoort 12a"), s("laan van meerdervoort", Some(12), Some("A")));
        assert_eq!(street("kerkstr 12 B"), s("kerkstr", Some(12), Some("B")));
        assert_eq!(street("Kerkstraat  12 - 2"), s("kerkstraat", Some(12), Some("2")));
        assert_eq!(street("Kerkstraat 12 2"), s("kerkstraat", Some(12), Some("2")), "not number 122");
        assert_eq!(street("1e Jan Steenstraat"), s("1e jan steenstraat", None, None));
        assert_eq!(street("Plein 1945"), s("plein", Some(1945), None), "a last number is read as the house number");
        assert_eq!(street("Élisabethlaan"), s("Élisabethlaan", None, None), "only ASCII letters fold");
        assert_eq!(street("12 34"), None, "no letter, no street");
    }

    /// Hand-worked: the five grades and none.
    #[test]
    fn ranks() {
        let table = [
            ("CPX12", Some("cpx12"), "De Linde", Some(Match::Exact)),
            ("de linde", Some("CPX12"), "De Linde", Some(Match::Exact)),
            ("de li", Some("CPX12"), "De Linde", Some(Match::Prefix)),
            ("cpx", Some("CPX12"), "De Linde", Some(Match::Prefix)),
            ("linde", Some("CPX12"), "De Linde", Some(Match::Word)),
            ("linde", None, "Linde 10", Some(Match::Word)),
            ("de lin", None, "De Linde", Some(Match::Prefix)),
            ("lind", Some("CPX12"), "De Linde", Some(Match::WordPrefix)),
            ("linde", None, "Zonnelinde", Some(Match::Contains)),
            ("boom", None, "Hof-Lindeboom", Some(Match::Contains)),
            ("lindeb", None, "Hof-Lindeboom", Some(Match::WordPrefix)),
            ("x12", Some("CPX12"), "De Linde", Some(Match::Contains)),
            ("eik", Some("CPX12"), "De Linde", None),
            ("ÉÉN", None, "Huis één", Some(Match::Word)),
            ("ÉÉ", None, "Huis één", Some(Match::WordPrefix)),
            // Accents and ligatures are no part of the match either way.
            ("repaircafe", None, "Repaircafé Beukerstraat", Some(Match::Word)),
            ("Repaircafé", None, "Repaircafe Noord", Some(Match::Word)),
            ("ijssel", None, "Aan de Ĳssel", Some(Match::Word)),
            ("creme", None, "Crème brûlée", Some(Match::Word)),
        ];
        for (text, code, name, expected) in table {
            assert_eq!(rank(&q(text), code, name), expected, "{text} ~ {code:?} {name}");
        }
    }

    #[test]
    fn addresses_rank_by_postcode_or_street() {
        let unit = AddressCandidate { postcode: "1234AB", street: "Kerkstraat", number: 12, addition: "A" };
        assert_eq!(rank_address(&q("1234ab"), unit), Some(Match::Exact));
        assert_eq!(rank_address(&q("1234 AB 12"), unit), Some(Match::Exact));
        assert_eq!(rank_address(&q("1234AB 12-a"), unit), Some(Match::Exact));
        assert_eq!(rank_address(&q("1234AB 12-b"), unit), None, "another addition");
        assert_eq!(rank_address(&q("1234AB 13"), unit), None, "another number");
        assert_eq!(rank_address(&q("1234AC 12"), unit), None, "another postcode");
        assert_eq!(rank_address(&q("kerk"), unit), Some(Match::Prefix));
        assert_eq!(rank_address(&q("kerkstraat"), unit), Some(Match::Word), "the whole street");
        assert_eq!(rank_address(&q("Kerk 12"), unit), Some(Match::Prefix));
        assert_eq!(rank_address(&q("kerk 13"), unit), None);
        assert_eq!(rank_address(&q("straat"), unit), Some(Match::Contains));
        assert_eq!(addition_key(Some("a"), Some("-2")), "A2");
        assert_eq!(addition_key(None, None), "");
    }

    #[test]
    fn results_are_ordered_by_match_kind_and_name() {
        let mut found = [
            (Match::Contains, Kind::Complex, "Zonnehof"),
            (Match::Prefix, Kind::Group, "Bewonerscommissie Linde"),
            (Match::Prefix, Kind::Complex, "Linde 10"),
            (Match::Prefix, Kind::Complex, "linde 2"),
            (Match::Exact, Kind::Initiative, "Linde"),
            (Match::WordPrefix, Kind::Address, "Kerkstraat 1"),
        ];
        found.sort_by(|a, b| order(*a, *b));
        let names: Vec<&str> = found.iter().map(|f| f.2).collect();
        assert_eq!(names, ["Linde", "linde 2", "Linde 10", "Bewonerscommissie Linde", "Kerkstraat 1", "Zonnehof"]);
        assert_eq!(natural("Kerkstraat 2", "Kerkstraat 10"), Ordering::Less);
        assert_eq!(natural("a02", "a2"), Ordering::Equal);
        assert_eq!(natural("b", "A"), Ordering::Greater);
    }
}
