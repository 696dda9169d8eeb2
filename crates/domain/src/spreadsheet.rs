//! CSV for spreadsheets, written one way everywhere: `;`-separated (what Dutch Excel opens directly), and every
//! cell safe from formula injection. Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-`
//! or `@` (and, in some versions, a tab or carriage return before one) as a formula, so a name or title typed by
//! someone else could compute, fetch a URL or run a command on the reader's machine. Such a cell is written with a
//! leading `'`, which the spreadsheet shows as text (OWASP, "CSV Injection"). Plain numbers (`-12,50`) stay numbers.
//!
//! Every CSV the platform writes goes through [`Csv`]; XLSX cells are typed as strings and need nothing.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula (at its start, or after leading blanks).
const FORMULA_START: [char; 4] = ['=', '+', '-', '@'];

/// Whether a cell is a plain number as Dutch or English spreadsheets read one (`-12,50`, `+31`, `1.5`).
fn plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, [',', '.']);
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell as a spreadsheet will read it as text: one that would start a formula gets a leading `'`.
pub fn cell(text: &str) -> Cow<'_, str> {
    let blank_start = text.starts_with(['\t', '\r', '\n']);
    let after_blanks = text.trim_start_matches([' ', '\t', '\r', '\n']);
    let formula = after_blanks.starts_with(FORMULA_START) && !plain_number(after_blanks);
    if blank_start || formula {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A `;`-separated CSV in memory whose every cell goes through [`cell`].
pub struct Csv {
    writer: csv::Writer<Vec<u8>>,
}

impl Csv {
    /// An empty file; with `bom`, it starts with the UTF-8 byte-order mark so Excel reads it as UTF-8.
    pub fn new(bom: bool) -> Self {
        let start = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        Self { writer: csv::WriterBuilder::new().delimiter(b';').from_writer(start) }
    }

    /// Adds a row.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells.into_iter().map(|c| cell(c.as_ref()).into_owned()).collect();
        // Writing to memory cannot fail.
        let _ = self.writer.write_record(&cells);
    }

    /// The file's bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }

    /// The file as text (it is UTF-8: every cell was a `&str`).
    pub fn into_string(self) -> String {
        String::from_utf8(self.into_bytes()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        for hostile in ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "\t=1", "\r=1", "  =1", "\tx"] {
            assert_eq!(cell(hostile), format!("'{hostile}"), "{hostile:?}");
        }
        for plain in ["Renovatie De Linde", "", "-12,50", "+31", "1.5", "2400000,00", "a=b", "Jan-Piet", "12-3"] {
            assert_eq!(cell(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn every_cell_of_a_row_is_neutralised() {
        let mut csv = Csv::new(true);
        csv.row(["naam", "bedrag"]);
        csv.row(["=cmd|' /C calc'!A0", "-5,00"]);
        let text = csv.into_string();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(text.trim_start_matches('\u{feff}'), "naam;bedrag\n'=cmd|' /C calc'!A0;-5,00\n");
    }
}
