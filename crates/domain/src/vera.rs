//! The VERA reference data (Aedes datastandaarden): code lists such as EENHEIDSOORT and EENHEIDSTATUS.
//!
//! The official file has quirks, handled here: `(Soort, Code)` is unique only among rows without an end date, dates
//! are `d-m-yyyy` with a few malformed values (reported, kept as unknown), `Parent` has the form `SOORT.CODE`.

use std::io::BufRead;
use thiserror::Error;
use time::{Date, Month};

/// One code of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefCode {
    /// The list, e.g. `EENHEIDSOORT`.
    pub soort: String,
    /// The code, e.g. `WOO`.
    pub code: String,
    /// Dutch name.
    pub naam: String,
    /// Description.
    pub omschrijving: String,
    /// First day valid, when known.
    pub begindatum: Option<Date>,
    /// Whether the row carries an end date at all (a retired code), even one that could not be read.
    pub retired: bool,
    /// Last day valid, when readable.
    pub einddatum: Option<Date>,
    /// The parent code as `(soort, code)`.
    pub parent: Option<(String, String)>,
    /// Information domain, e.g. `Vastgoed`.
    pub informatiedomein: String,
}

/// A problem with one line, kept as a warning: the row is still used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefWarning {
    /// Line in the file.
    pub line: u64,
    /// Column name.
    pub column: &'static str,
    /// The value found.
    pub value: String,
}

/// Why the file cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RefFileError {
    /// Header is not the documented one.
    #[error(
        "onverwachte kop {0:?}; verwacht Soort;Code;Naam;Omschrijving;Begindatum;Einddatum;Parent;Informatiedomein"
    )]
    Header(String),
    /// The file could not be read.
    #[error("regel {line}: {reason}")]
    Unreadable {
        /// Line.
        line: u64,
        /// Why.
        reason: String,
    },
}

const HEADER: [&str; 8] =
    ["Soort", "Code", "Naam", "Omschrijving", "Begindatum", "Einddatum", "Parent", "Informatiedomein"];

/// Parses `d-m-yyyy` (one or two digits for day and month).
pub fn parse_dutch_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().split('-');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// Reads the whole list.
pub fn parse<R: BufRead>(input: R) -> Result<(Vec<RefCode>, Vec<RefWarning>), RefFileError> {
    let mut csv = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).flexible(true).from_reader(input);
    let mut record = csv::StringRecord::new();
    let unreadable = |e: csv::Error| RefFileError::Unreadable {
        line: e.position().map(|p| p.line()).unwrap_or_default(),
        reason: e.to_string(),
    };
    if !csv.read_record(&mut record).map_err(unreadable)? {
        return Err(RefFileError::Header(String::new()));
    }
    let header: Vec<&str> = record.iter().map(|h| h.trim_start_matches('\u{feff}').trim()).collect();
    if header != HEADER {
        return Err(RefFileError::Header(header.join(";")));
    }
    let (mut codes, mut warnings) = (Vec::new(), Vec::new());
    while csv.read_record(&mut record).map_err(unreadable)? {
        let line = record.position().map(|p| p.line()).unwrap_or_default();
        let field = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        if field(0).is_empty() && field(1).is_empty() {
            continue;
        }
        let mut date = |column: &'static str, value: String| -> Option<Date> {
            if value.is_empty() {
                return None;
            }
            let parsed = parse_dutch_date(&value);
            if parsed.is_none() {
                warnings.push(RefWarning { line, column, value });
            }
            parsed
        };
        let begindatum = date("Begindatum", field(4));
        let end_text = field(5);
        let retired = !end_text.is_empty();
        let einddatum = date("Einddatum", end_text);
        let parent = field(6).split_once('.').map(|(s, c)| (s.to_owned(), c.to_owned()));
        codes.push(RefCode {
            soort: field(0),
            code: field(1),
            naam: field(2),
            omschrijving: field(3),
            begindatum,
            retired,
            einddatum,
            parent,
            informatiedomein: field(7),
        });
    }
    Ok((codes, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dutch_dates() {
        assert_eq!(parse_dutch_date("30-6-2023"), Some(date!(2023 - 06 - 30)));
        assert_eq!(parse_dutch_date("1-1-2020"), Some(date!(2020 - 01 - 01)));
        for bad in ["14-02-205", "22-11-24", "31-01-2025.", "31-2-2023", "", "2023-06-30"] {
            assert_eq!(parse_dutch_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn quirks_are_kept_and_reported() {
        let file = "Soort;Code;Naam;Omschrijving;Begindatum;Einddatum;Parent;Informatiedomein\n\
                    EENHEIDSTATUS;OND;In onderhoud;VERVALLEN;;30-6-2023;;Vastgoed\n\
                    EENHEIDSTATUS;OND;In ontwikkeling;nieuw;1-7-2023;;;Vastgoed\n\
                    EENHEIDDETAILSOORT;GAR;Garage;;;31-01-2025.;EENHEIDSOORT.PAR;Vastgoed\n";
        let (codes, warnings) = parse(file.as_bytes()).expect("parse");
        assert_eq!(codes.len(), 3);
        assert!(codes[0].retired && !codes[1].retired);
        assert_eq!(codes[1].begindatum, Some(date!(2023 - 07 - 01)));
        assert!(codes[2].retired && codes[2].einddatum.is_none(), "retired, date unreadable");
        assert_eq!(codes[2].parent, Some(("EENHEIDSOORT".into(), "PAR".into())));
        assert_eq!(warnings, vec![RefWarning { line: 4, column: "Einddatum", value: "31-01-2025.".into() }]);
        assert!(matches!(parse("a;b\n".as_bytes()), Err(RefFileError::Header(_))));
    }
}
