//! What a file that is not a stock file looks like, so that its refusal can say so ("this looks like UTF-16")
//! instead of "required columns missing", and what may not be in a value.

use super::{FileError, RowProblem, Separator};

/// The first non-empty line of the start of a file.
pub(super) fn first_line(start: &[u8]) -> &[u8] {
    start.split(|b| *b == b'\n').find(|l| l.iter().any(|b| !b.is_ascii_whitespace())).unwrap_or_default()
}

/// Counts `wanted` in `line`, outside quotes.
fn count_outside_quotes(line: &[u8], wanted: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for b in line {
        match *b {
            b'"' => quoted = !quoted,
            b if b == wanted && !quoted => count += 1,
            _ => {}
        }
    }
    count
}

/// Picks `;` or `,` by counting them (outside quotes) in the first non-empty line.
pub(super) fn detect_delimiter(start: &[u8]) -> u8 {
    let line = first_line(start);
    let (semicolons, commas) = (count_outside_quotes(line, b';'), count_outside_quotes(line, b','));
    if semicolons >= commas && semicolons > 0 {
        b';'
    } else {
        b','
    }
}

/// UTF-16, with a byte-order mark or without (then every other byte of ASCII text is a zero, all on one side: a zip
/// or an image has its zeros anywhere and was taken for UTF-16).
pub(super) fn looks_like_utf16(start: &[u8]) -> bool {
    if start.starts_with(&[0xff, 0xfe]) || start.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let sample = &start[..start.len().min(512) & !1];
    let zeros_at = |side: usize| sample.iter().skip(side).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let half = sample.len() / 2;
    sample.len() >= 4 && (even.max(odd) * 10 >= half * 9) && even.min(odd) * 10 <= half
}

/// A file that is no text (an .xlsx, a PDF, an image; it was refused as "separated by |-signs"): more than one byte
/// in twenty of its start is a control byte other than tab and line breaks. A NUL or two in a value stays a row's
/// problem, named with its line and column.
pub(super) fn looks_like_binary(start: &[u8]) -> bool {
    // What a spreadsheet program, a PDF reader or a camera writes, by its first bytes (a PDF's start is mostly text).
    const MAGIC: [&[u8]; 6] = [b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0"];
    if MAGIC.iter().any(|magic| start.starts_with(magic)) {
        return true;
    }
    let sample = &start[..start.len().min(1024)];
    let control = sample.iter().filter(|b| matches!(**b, 0x00..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f)).count();
    sample.len() >= 16 && control * 20 > sample.len()
}

/// A header that lacks required columns: is it separated by something Volkshuis does not read?
pub(super) fn other_separator(start: &[u8], delimiter: u8) -> Option<FileError> {
    let line = first_line(start);
    let used = count_outside_quotes(line, delimiter);
    [(b'\t', Separator::Tab), (b'|', Separator::Pipe)]
        .into_iter()
        .map(|(byte, separator)| (count_outside_quotes(line, byte), separator))
        .filter(|(count, _)| *count > used)
        .max_by_key(|(count, _)| *count)
        .map(|(_, separator)| FileError::UnsupportedSeparator(separator))
}

/// What a value may not hold: control characters other than tab and line breaks (a NUL above all: PostgreSQL cannot
/// store it, SQLite would) and a byte-order mark, which inside a file is no part of any text. (Line breaks are made
/// spaces before, see [`one_line`].)
pub(super) fn forbidden_character(value: &str) -> Option<RowProblem> {
    // All are rare; one look at the bytes finds any candidate (in UTF-8 a BOM starts with 0xEF, a direction override
    // with 0xE2).
    if !value.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xef || b == 0xe2) {
        return None;
    }
    value.chars().find_map(|c| match c {
        '\u{feff}' => Some(RowProblem::ByteOrderMark),
        '\t' | '\n' | '\r' => None,
        // A direction override shows "gnp.exe" for "exe.png" wherever the value is shown (`text::turns_text_around`).
        c if c.is_ascii_control() || crate::text::turns_text_around(c) => {
            Some(RowProblem::ControlCharacter { code: u32::from(c) })
        }
        _ => None,
    })
}

/// `value` on one line: each line break inside it (a cell Excel wrapped with Alt+Enter, quoted in the file) becomes
/// one space. Every column of these files is one line — a name, a street, a code — and the pages show it so (in a
/// page's title, a select list, a CSV); the forms refuse a line break in such a field.
pub(super) fn one_line(value: &str, out: &mut String) {
    if !value.contains(['\n', '\r']) {
        out.push_str(value);
        return;
    }
    let mut first = true;
    for line in value.split(['\n', '\r']).map(str::trim).filter(|line| !line.is_empty()) {
        if !first {
            out.push(' ');
        }
        out.push_str(line);
        first = false;
    }
}
