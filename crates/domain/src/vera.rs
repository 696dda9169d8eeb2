//! The VERA reference data (Aedes datastandaarden): code lists such as EENHEIDSOORT and EENHEIDSTATUS.
//!
//! The official file has quirks, handled here: `(Soort, Code)` is unique only among rows without an end date, dates
//! are `d-m-yyyy` with a few malformed values (reported, kept as unknown), `Parent` has the form `SOORT.CODE`.

use std::io::BufRead;
use thiserror::Error;
use time::{Date, Month};

/// The VERA lists the stock's columns take their codes from, by their official names.
pub mod lists {
    /// Kinds of units (`soort`).
    pub const UNIT_KIND: &str = "EENHEIDSOORT";
    /// Detail kinds of units (`detailSoort`).
    pub const UNIT_DETAIL_KIND: &str = "EENHEIDDETAILSOORT";
    /// States of units (`status`).
    pub const UNIT_STATE: &str = "EENHEIDSTATUS";
    /// Social labels (DAEB, NIET-DAEB).
    pub const SOCIAL_LABEL: &str = "MAATSCHAPPELIJKLABEL";
    /// Kinds of complex (`clusterSoort`).
    pub const COMPLEX_KIND: &str = "CLUSTERSOORT";
}

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
    /// The file has a header and no codes: taken, it would empty the platform's whole list.
    #[error("het bestand heeft geen codes; de lijst blijft zoals hij was")]
    NoRows,
    /// Rows that cannot be taken; the list stays as it was (every error, in file order).
    #[error("{} regel(s) met fouten, de lijst blijft zoals hij was: {}", lines(.0), first_errors(.0))]
    Rows(Vec<RefRowError>),
}

/// A row of the list that cannot be taken, with its line and column.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("regel {line}, kolom {column}: {problem}")]
pub struct RefRowError {
    /// Line in the file.
    pub line: u64,
    /// Column name (the whole row: "rij").
    pub column: &'static str,
    /// What is wrong.
    pub problem: RefProblem,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RefProblem {
    /// Not the header's eight fields (a row cut off, or a separator lost or added).
    #[error("heeft {0} velden, de kop heeft er 8")]
    FieldCount(usize),
    /// A column every code needs is empty.
    #[error("is leeg")]
    Empty,
    /// The same list and code again, both without an end date (retired codes may repeat).
    #[error("code staat al op regel {0}, ook zonder einddatum")]
    Duplicate(u64),
}

/// How many lines have errors.
fn lines(errors: &[RefRowError]) -> usize {
    errors.iter().map(|e| e.line).collect::<std::collections::BTreeSet<_>>().len()
}

/// The first few errors, for a one-line message.
fn first_errors(errors: &[RefRowError]) -> String {
    let mut shown: Vec<String> = errors.iter().take(5).map(ToString::to_string).collect();
    if errors.len() > 5 {
        shown.push(format!("en nog {}", errors.len() - 5));
    }
    shown.join("; ")
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
    let (mut codes, mut warnings, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    // Where each current (soort, code) was first seen.
    let mut current: std::collections::HashMap<(String, String), u64> = std::collections::HashMap::new();
    while csv.read_record(&mut record).map_err(unreadable)? {
        let line = record.position().map(|p| p.line()).unwrap_or_default();
        let field = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != HEADER.len() {
            errors.push(RefRowError { line, column: "rij", problem: RefProblem::FieldCount(record.len()) });
            continue;
        }
        let empty: Vec<&'static str> =
            [0, 1, 2].into_iter().filter(|i| field(*i).is_empty()).map(|i| HEADER[i]).collect();
        if !empty.is_empty() {
            errors.extend(empty.into_iter().map(|column| RefRowError { line, column, problem: RefProblem::Empty }));
            continue;
        }
        if field(5).is_empty() {
            if let Some(first) = current.insert((field(0), field(1)), line) {
                errors.push(RefRowError { line, column: "Code", problem: RefProblem::Duplicate(first) });
                continue;
            }
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
    if !errors.is_empty() {
        return Err(RefFileError::Rows(errors));
    }
    if codes.is_empty() {
        return Err(RefFileError::NoRows);
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

    #[test]
    fn a_file_that_would_empty_or_spoil_the_list_is_refused_with_every_line_and_column() {
        const HEAD: &str = "Soort;Code;Naam;Omschrijving;Begindatum;Einddatum;Parent;Informatiedomein\n";
        assert_eq!(parse(HEAD.as_bytes()), Err(RefFileError::NoRows), "a header alone would empty the list");
        let file = format!(
            "{HEAD}EENHEIDSOORT;WOO;Woonruimte;;;;;Vastgoed\n\
             EENHEIDSOORT;WOO;Woning;;;;;Vastgoed\n\
             EENHEIDSOORT;;Leeg;;;;;Vastgoed\n\
             EENHEIDSOORT;PAR;Parkeren\n\
             EENHEIDSOORT;WOO;Oud;;1-1-2000;1-1-2010;;Vastgoed\n\
             ;;;;;;;\n"
        );
        let Err(RefFileError::Rows(errors)) = parse(file.as_bytes()) else { panic!("refused") };
        let found: Vec<(u64, &str, RefProblem)> =
            errors.iter().map(|e| (e.line, e.column, e.problem.clone())).collect();
        assert_eq!(
            found,
            vec![
                (3, "Code", RefProblem::Duplicate(2)),
                (4, "Code", RefProblem::Empty),
                (5, "rij", RefProblem::FieldCount(3)),
            ],
            "a retired code may repeat; an empty row is skipped"
        );
        let message = RefFileError::Rows(errors).to_string();
        assert!(message.starts_with("3 regel(s) met fouten") && message.contains("regel 5, kolom rij"), "{message}");
    }
}
