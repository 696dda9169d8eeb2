//! The tenants' contact file a corporation imports so groups can reach their achterban (`idExtern`, `naam`, `email`;
//! `;` or `,`): every line read, or every problem named by its line and column.
//!
//! It holds personal data and comes from a spreadsheet, so it gets the same guards as the stock file: the line a
//! problem names is where its record began (a quoted field may span lines, blank lines are skipped), a value is never
//! cut silently, a NUL or a stray byte-order mark is refused (PostgreSQL cannot store the one, the other would become
//! part of an `idExtern`), and a refused value is echoed short.

use crate::account::Email;
use crate::bezit::import::echo;

/// The longest `idExtern`: the stock import's own limit for the same column.
pub const MAX_ID_CHARS: usize = 64;
/// The longest name on a letter.
pub const MAX_NAME_CHARS: usize = 200;
/// The most problems listed: a file with a wrong column gives one per line, and a list of 10,000 helps nobody.
pub const MAX_PROBLEMS: usize = 100;

/// One tenant's contact as read, with the line its record began on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLine {
    /// The line the record began on (the header is line 1).
    pub line: u64,
    /// The unit's `idExtern`.
    pub id_extern: String,
    /// Name for the letter.
    pub name: String,
    /// E-mail address, if the corporation has one.
    pub email: Option<String>,
}

/// A column of the contact file, as its header names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactColumn {
    /// `idExtern`.
    IdExtern,
    /// `naam`.
    Naam,
    /// `email`.
    Email,
}

impl ContactColumn {
    /// The column's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            ContactColumn::IdExtern => "idExtern",
            ContactColumn::Naam => "naam",
            ContactColumn::Email => "email",
        }
    }
}

/// Why the file or one of its lines was refused: the facts, translated by the web layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactProblem {
    /// The file is UTF-16 (Excel's "Unicode text"), which this reader does not take.
    Utf16,
    /// The CSV reader could not read the record that began on `line`.
    Unreadable {
        /// The line.
        line: u64,
        /// The reader's own words.
        reason: String,
    },
    /// The header lacks `idExtern` or `naam`.
    ColumnsMissing,
    /// A required field is empty.
    Missing {
        /// The line.
        line: u64,
        /// The column.
        column: ContactColumn,
    },
    /// A value longer than its column allows.
    TooLong {
        /// The line.
        line: u64,
        /// The column.
        column: ContactColumn,
        /// The most characters allowed.
        max: usize,
    },
    /// A control character (a NUL above all) or a byte-order mark inside a value.
    Character {
        /// The line.
        line: u64,
        /// The column.
        column: ContactColumn,
    },
    /// Not an e-mail address.
    Email {
        /// The line.
        line: u64,
        /// The value, echoed short.
        value: String,
    },
    /// The unit is not in the corporation's stock (found when the lines are matched against the stock).
    NotInStock {
        /// The line.
        line: u64,
        /// The `idExtern`, echoed short.
        id: String,
    },
    /// More problems than [`MAX_PROBLEMS`]: how many more there were.
    More {
        /// Problems not listed.
        count: usize,
    },
}

/// The file's text: UTF-8 when it is, otherwise Windows-1252 (what Excel writes on Dutch Windows), so "Ã«" never
/// replaces an "ë" on a letter.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Whether the file starts like UTF-16: a UTF-16 byte-order mark, or a zero byte beside each of the first letters.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || {
        let start = &bytes[..bytes.len().min(64)];
        start.len() >= 8 && start.iter().filter(|b| **b == 0).count() * 3 >= start.len()
    }
}

/// Whether a value holds what no contact value may: a control character other than tab, or a byte-order mark.
fn forbidden(value: &str) -> bool {
    value.chars().any(|c| (c.is_control() && c != '\t') || c == '\u{feff}')
}

/// Collects problems up to [`MAX_PROBLEMS`], then counts the rest.
#[derive(Default)]
struct Problems {
    listed: Vec<ContactProblem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, problem: ContactProblem) {
        if self.listed.len() < MAX_PROBLEMS {
            self.listed.push(problem);
        } else {
            self.more += 1;
        }
    }

    fn into_result<T>(mut self, ok: T) -> Result<T, Vec<ContactProblem>> {
        if self.listed.is_empty() {
            return Ok(ok);
        }
        if self.more > 0 {
            self.listed.push(ContactProblem::More { count: self.more });
        }
        Err(self.listed)
    }
}

/// Checks one field: present when required, not too long, no forbidden character. Returns the trimmed value.
fn field(
    record: &csv::StringRecord,
    index: Option<usize>,
    column: ContactColumn,
    max: usize,
    line: u64,
    problems: &mut Problems,
) -> Option<String> {
    let value = index.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
    if value.is_empty() {
        if column != ContactColumn::Email {
            problems.push(ContactProblem::Missing { line, column });
        }
        return None;
    }
    if forbidden(value) {
        problems.push(ContactProblem::Character { line, column });
        return None;
    }
    if value.chars().count() > max {
        problems.push(ContactProblem::TooLong { line, column, max });
        return None;
    }
    Some(value.to_owned())
}

/// Parses the contact file: every line, or the problems (at most [`MAX_PROBLEMS`] and a count of the rest).
pub fn parse(bytes: &[u8]) -> Result<Vec<ContactLine>, Vec<ContactProblem>> {
    if looks_like_utf16(bytes) {
        return Err(vec![ContactProblem::Utf16]);
    }
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() >= first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    // The reader's own line count skips blank lines; the byte where a record begins does not lie. The offsets of the
    // line breaks are found once, so a line is a binary search, not a count over the file for every record.
    let breaks: Vec<usize> = text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i).collect();
    let line_of = |byte: u64| -> u64 {
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        // A record read after blank lines may report where the blank lines began.
        while matches!(text.as_bytes().get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        1 + breaks.partition_point(|&b| b < start) as u64
    };
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![ContactProblem::Unreadable { line: 1, reason: e.to_string() }]),
    };
    let column = |name: &str| header.iter().position(|c| c == name);
    let (Some(id_col), Some(name_col)) = (column("idextern"), column("naam")) else {
        return Err(vec![ContactProblem::ColumnsMissing]);
    };
    let email_col = column("email");
    let mut rows = Vec::new();
    let mut problems = Problems::default();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_of(p.byte()));
                problems.push(ContactProblem::Unreadable { line, reason: e.to_string() });
                continue;
            }
        }
        let line = record.position().map_or(0, |p| line_of(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let id = field(&record, Some(id_col), ContactColumn::IdExtern, MAX_ID_CHARS, line, &mut problems);
        let name = field(&record, Some(name_col), ContactColumn::Naam, MAX_NAME_CHARS, line, &mut problems);
        let email = field(&record, email_col, ContactColumn::Email, Email::MAX, line, &mut problems).and_then(|e| {
            match Email::parse(&e) {
                Ok(email) => Some(email.as_str().to_owned()),
                Err(_) => {
                    problems.push(ContactProblem::Email { line, value: echo(&e) });
                    None
                }
            }
        });
        if let (Some(id_extern), Some(name)) = (id, name) {
            rows.push(ContactLine { line, id_extern, name, email });
        }
    }
    problems.into_result(rows)
}

/// The lines whose unit is not in the stock, as problems (at most [`MAX_PROBLEMS`] and a count of the rest).
pub fn not_in_stock<'a>(lines: impl IntoIterator<Item = &'a ContactLine>) -> Vec<ContactProblem> {
    let mut problems = Problems::default();
    for l in lines {
        problems.push(ContactProblem::NotInStock { line: l.line, id: echo(&l.id_extern) });
    }
    problems.into_result(()).err().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(u64, String, String, Option<String>)> {
        parse(bytes).expect("valid").into_iter().map(|l| (l.line, l.id_extern, l.name, l.email)).collect()
    }

    #[test]
    fn reads_both_delimiters_a_bom_and_skips_blank_lines_keeping_line_numbers() {
        let got = lines(b"\xEF\xBB\xBFidExtern;naam;email\nA1;J. Jansen;j@example.nl\n\nA2;P. de Vries;\n");
        assert_eq!(
            got,
            vec![
                (2, "A1".into(), "J. Jansen".into(), Some("j@example.nl".into())),
                (4, "A2".into(), "P. de Vries".into(), None),
            ]
        );
        assert_eq!(lines(b"naam,idExtern\nPiet,B7\n"), vec![(2, "B7".into(), "Piet".into(), None)]);
    }

    #[test]
    fn a_quoted_line_break_does_not_shift_the_lines_after_it() {
        // A line break inside a name has no place on a letter's address line: refused, on the line it began on.
        let errors = parse(b"idExtern;naam\nA1;\"Jansen\nen Zn.\"\nA2;\n").expect_err("refused");
        assert_eq!(
            errors,
            vec![
                ContactProblem::Character { line: 2, column: ContactColumn::Naam },
                ContactProblem::Missing { line: 4, column: ContactColumn::Naam },
            ]
        );
    }

    #[test]
    fn windows_1252_names_keep_their_accents() {
        assert_eq!(lines(b"idExtern;naam\nA1;Ren\xe9e B\xebl\n")[0].2, "Renée Bël");
    }

    #[test]
    fn names_missing_fields_and_bad_addresses_by_line_and_column() {
        let errors = parse(b"idExtern,naam,email\nA1,,j@example.nl\nA2,Piet,geen-adres\n,Jan,\n").expect_err("invalid");
        assert_eq!(
            errors,
            vec![
                ContactProblem::Missing { line: 2, column: ContactColumn::Naam },
                ContactProblem::Email { line: 3, value: "geen-adres".into() },
                ContactProblem::Missing { line: 4, column: ContactColumn::IdExtern },
            ]
        );
        assert_eq!(parse(b"id;name\n"), Err(vec![ContactProblem::ColumnsMissing]));
    }

    #[test]
    fn refuses_nul_and_a_stray_byte_order_mark_instead_of_storing_them() {
        let errors = parse(b"idExtern;naam\nA1;Jan\0sen\n\xEF\xBB\xBFA2;Piet\n").expect_err("refused");
        assert_eq!(
            errors,
            vec![
                ContactProblem::Character { line: 2, column: ContactColumn::Naam },
                ContactProblem::Character { line: 3, column: ContactColumn::IdExtern },
            ]
        );
    }

    #[test]
    fn a_long_value_is_refused_not_cut() {
        let name = "x".repeat(MAX_NAME_CHARS + 1);
        let file = format!("idExtern;naam\nA1;{name}\nA2;{}\n", "x".repeat(MAX_NAME_CHARS));
        assert_eq!(
            parse(file.as_bytes()),
            Err(vec![ContactProblem::TooLong { line: 2, column: ContactColumn::Naam, max: MAX_NAME_CHARS }])
        );
        let long_address = format!("idExtern;naam;email\nA1;Jan;{}@example.nl\n", "a".repeat(300));
        assert!(matches!(parse(long_address.as_bytes()).expect_err("too long")[0], ContactProblem::TooLong { .. }));
    }

    #[test]
    fn lists_at_most_a_hundred_problems_and_counts_the_rest() {
        let file = format!("idExtern;naam\n{}", "A1;\n".repeat(250));
        let errors = parse(file.as_bytes()).expect_err("every line lacks a name");
        assert_eq!(errors.len(), MAX_PROBLEMS + 1);
        assert_eq!(errors.last(), Some(&ContactProblem::More { count: 150 }));
    }

    #[test]
    fn a_utf16_file_is_named_as_such() {
        let utf16: Vec<u8> =
            "\u{feff}idExtern;naam\r\nA1;Jan\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(parse(&utf16), Err(vec![ContactProblem::Utf16]));
    }

    #[test]
    fn units_not_in_stock_are_named_by_their_own_line_and_echoed_short() {
        let read = parse(b"idExtern;naam\nA1;Jan\n\nZZ;Piet\n").expect("valid");
        assert_eq!(not_in_stock(&read[1..]), vec![ContactProblem::NotInStock { line: 4, id: "ZZ".into() }]);
        assert!(not_in_stock(&[]).is_empty());
    }
}
