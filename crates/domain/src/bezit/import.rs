//! The stock file as Dutch Excel writes it: `;` or `,` separated, UTF-8 with or without BOM or Windows-1252, decimal
//! comma or point, quoted fields, blank lines, trailing spaces. Header names are VERA attribute names (see
//! `docs/import-format.md`). Every problem is reported with its line, column and reason; nothing is guessed.
//!
//! The reader streams: it holds one row at a time, so a national file does not have to fit in memory.

use super::unit::{SocialLabel, UnitRecord};
use crate::geo::{rd_to_wgs84, LatLon};
use crate::ids::{BagId, BuurtCode, GemeenteCode, HouseNumber, HouseNumberError, IdError, Postcode, WijkCode};
use crate::money::{parse_decimal, Money};
use std::io::BufRead;
use thiserror::Error;

mod codes;
mod input;
mod problem;
mod shape;
pub use codes::VeraCodes;
use input::Input;
pub use input::{MAX_COLUMNS, MAX_RECORD_BYTES};
pub use problem::{echo, ImportWarning, RowProblem, ECHO_CHARS};

/// The columns Volkshuis reads, by VERA attribute name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// `idExtern` (required).
    IdExtern,
    /// `clusterCode`.
    ClusterCode,
    /// `clusterNaam`.
    ClusterNaam,
    /// `clusterSoort` (VERA CLUSTERSOORT, e.g. `VEX`).
    ClusterSoort,
    /// `soort`.
    Soort,
    /// `detailSoort`.
    DetailSoort,
    /// `status`.
    Status,
    /// `straatnaam` (required).
    Straatnaam,
    /// `huisnummer` (required).
    Huisnummer,
    /// `huisletter`.
    Huisletter,
    /// `huisnummerToevoeging`.
    HuisnummerToevoeging,
    /// `postcode` (required).
    Postcode,
    /// `woonplaats` (required).
    Woonplaats,
    /// `bagVerblijfsobjectId`.
    BagVerblijfsobjectId,
    /// `bagPandId`.
    BagPandId,
    /// `gemeenteCode`.
    GemeenteCode,
    /// `wijkCode`.
    WijkCode,
    /// `buurtCode`.
    BuurtCode,
    /// `breedtegraad` (WGS84 latitude).
    Breedtegraad,
    /// `lengtegraad` (WGS84 longitude).
    Lengtegraad,
    /// `rdX` (RD New x).
    RdX,
    /// `rdY` (RD New y).
    RdY,
    /// `bouwjaar`.
    Bouwjaar,
    /// `gebruiksoppervlakte` (m²).
    Gebruiksoppervlakte,
    /// `kamersAantal`.
    KamersAantal,
    /// `maatschappelijkLabel` (DAE/NDA).
    MaatschappelijkLabel,
    /// `nettohuur`.
    Nettohuur,
    /// `brutohuur`.
    Brutohuur,
}

impl Column {
    /// Every column, in template order.
    pub const ALL: [Column; 28] = [
        Column::IdExtern,
        Column::ClusterCode,
        Column::ClusterNaam,
        Column::ClusterSoort,
        Column::Soort,
        Column::DetailSoort,
        Column::Status,
        Column::Straatnaam,
        Column::Huisnummer,
        Column::Huisletter,
        Column::HuisnummerToevoeging,
        Column::Postcode,
        Column::Woonplaats,
        Column::BagVerblijfsobjectId,
        Column::BagPandId,
        Column::GemeenteCode,
        Column::WijkCode,
        Column::BuurtCode,
        Column::Breedtegraad,
        Column::Lengtegraad,
        Column::RdX,
        Column::RdY,
        Column::Bouwjaar,
        Column::Gebruiksoppervlakte,
        Column::KamersAantal,
        Column::MaatschappelijkLabel,
        Column::Nettohuur,
        Column::Brutohuur,
    ];

    /// The columns a file must have.
    pub const REQUIRED: [Column; 5] =
        [Column::IdExtern, Column::Straatnaam, Column::Huisnummer, Column::Postcode, Column::Woonplaats];

    /// The VERA attribute name used as header.
    pub fn name(self) -> &'static str {
        match self {
            Column::IdExtern => "idExtern",
            Column::ClusterCode => "clusterCode",
            Column::ClusterNaam => "clusterNaam",
            Column::ClusterSoort => "clusterSoort",
            Column::Soort => "soort",
            Column::DetailSoort => "detailSoort",
            Column::Status => "status",
            Column::Straatnaam => "straatnaam",
            Column::Huisnummer => "huisnummer",
            Column::Huisletter => "huisletter",
            Column::HuisnummerToevoeging => "huisnummerToevoeging",
            Column::Postcode => "postcode",
            Column::Woonplaats => "woonplaats",
            Column::BagVerblijfsobjectId => "bagVerblijfsobjectId",
            Column::BagPandId => "bagPandId",
            Column::GemeenteCode => "gemeenteCode",
            Column::WijkCode => "wijkCode",
            Column::BuurtCode => "buurtCode",
            Column::Breedtegraad => "breedtegraad",
            Column::Lengtegraad => "lengtegraad",
            Column::RdX => "rdX",
            Column::RdY => "rdY",
            Column::Bouwjaar => "bouwjaar",
            Column::Gebruiksoppervlakte => "gebruiksoppervlakte",
            Column::KamersAantal => "kamersAantal",
            Column::MaatschappelijkLabel => "maatschappelijkLabel",
            Column::Nettohuur => "nettohuur",
            Column::Brutohuur => "brutohuur",
        }
    }

    /// The most characters a text kept as it is may have; `None` for values that are parsed (numbers, codes, ids),
    /// whose form bounds their length. Streets and towns follow the BAG (80), codes the VERA lists (32 is room to
    /// spare); a complex's name is free text.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            Column::IdExtern | Column::ClusterCode => Some(64),
            Column::ClusterNaam => Some(200),
            Column::ClusterSoort | Column::Soort | Column::DetailSoort | Column::Status => Some(32),
            Column::Straatnaam | Column::Woonplaats => Some(80),
            _ => None,
        }
    }
}

/// The columns of one kind of file, by header name, and how a row of them becomes a record: what [`TableReader`]
/// needs to read a file of that kind with every check of the stock file (encoding, separator, line numbers, quotes,
/// control characters, lengths). The stock file is one ([`Column`]); the arrears ledger of Signalering another.
pub trait Table: Copy + Eq + std::fmt::Debug + 'static {
    /// What a row becomes.
    type Parsed;
    /// Every column, in template order; [`Table::index`] is the position in it.
    const ALL: &'static [Self];
    /// The columns a file must have.
    const REQUIRED: &'static [Self];
    /// The header name.
    fn name(self) -> &'static str;
    /// The column's position in [`Table::ALL`].
    fn index(self) -> usize;
    /// The most characters a text kept as it is may have; `None` for values that are parsed.
    fn max_chars(self) -> Option<usize>;
    /// Builds the record from a row's fields, reporting each problem on the row.
    fn parse(row: &mut Row<'_, Self>) -> Option<Self::Parsed>;
}

impl Table for Column {
    type Parsed = ParsedRow;
    const ALL: &'static [Self] = &Column::ALL;
    const REQUIRED: &'static [Self] = &Column::REQUIRED;

    fn name(self) -> &'static str {
        Column::name(self)
    }

    fn index(self) -> usize {
        self as usize
    }

    fn max_chars(self) -> Option<usize> {
        Column::max_chars(self)
    }

    fn parse(row: &mut Row<'_, Self>) -> Option<ParsedRow> {
        let line = row.line;
        build(row).map(|unit| ParsedRow { line, unit })
    }
}

/// The column a header names, ignoring case and surrounding spaces.
fn column_of<T: Table>(header: &str) -> Option<T> {
    let wanted = header.trim();
    T::ALL.iter().copied().find(|c| c.name().eq_ignore_ascii_case(wanted))
}

/// The `column` of a problem with the row as a whole.
pub const WHOLE_ROW: &str = "(rij)";

/// A problem in one row: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line in the file (1 is the header).
    pub line: u64,
    /// The column's header name (or [`WHOLE_ROW`] for the row as a whole).
    pub column: String,
    /// The value found.
    pub value: String,
    /// Why it was refused.
    pub reason: RowProblem,
}

/// A problem with the file as a whole; nothing can be read. `Display` is Dutch (for the CLI); the web layer
/// translates the variants.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    /// No header line.
    #[error("het bestand is leeg")]
    Empty,
    /// Required columns missing.
    #[error("verplichte kolommen ontbreken: {0}")]
    MissingColumns(String),
    /// A column appears twice.
    #[error("kolom {0} staat er twee keer in")]
    DuplicateColumn(String),
    /// The file could not be read as CSV.
    #[error("het bestand is niet te lezen als CSV (regel {line}): {reason}")]
    Unreadable {
        /// Where reading stopped.
        line: u64,
        /// The reader's explanation.
        reason: String,
    },
    /// The file is no text at all (a spreadsheet's own format, a PDF, an image): its start is full of control bytes.
    #[error("dit is geen tekstbestand; sla het bestand op als CSV (UTF-8 of Windows-1252) met ; als scheidingsteken")]
    NotText,
    /// The file is UTF-16 (what Excel writes as "Unicode text"), which would read as columns of nonsense.
    #[error("dit lijkt UTF-16; sla het bestand op als CSV (UTF-8 of Windows-1252) met ; als scheidingsteken")]
    Utf16,
    /// The columns are separated by something other than `;` or `,`.
    #[error("de kolommen lijken gescheiden door {0}; sla het bestand op als CSV met ; of , als scheidingsteken")]
    UnsupportedSeparator(Separator),
    /// The header line is larger than a record may be.
    #[error("de kopregel is groter dan {max_mb} MB; dit is geen bezitsbestand")]
    HeaderTooLarge {
        /// The largest record allowed, in MB.
        max_mb: u64,
    },
    /// The header has more columns than a stock file can have.
    #[error("de kopregel heeft {found} kolommen, meer dan de {max} die gelezen worden")]
    TooManyColumns {
        /// Columns found.
        found: usize,
        /// The most allowed.
        max: usize,
    },
    /// A quote in the header is never closed.
    #[error("een aanhalingsteken (\") op regel {line} wordt niet meer gesloten")]
    UnterminatedQuote {
        /// The line of the header.
        line: u64,
    },
}

/// A column separator Volkshuis does not read, found in a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// A tab (what Excel writes as "text, tab-separated").
    Tab,
    /// A vertical bar `|`.
    Pipe,
}

impl std::fmt::Display for Separator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Separator::Tab => "tabs",
            Separator::Pipe => "|-tekens",
        })
    }
}

/// A parsed row with its line number.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRow {
    /// The line in the file.
    pub line: u64,
    /// The unit.
    pub unit: UnitRecord,
}

/// Reads a stock file row by row.
pub type StockReader<R> = TableReader<R, Column>;

/// Reads a file of [`Table`] `T` row by row.
pub struct TableReader<R: BufRead, T: Table> {
    csv: csv::Reader<Input<R>>,
    /// The current record and its known fields as text, reused from row to row: a national file has millions of
    /// rows, and only the texts a unit keeps are copied out.
    record: csv::ByteRecord,
    text: String,
    ranges: Vec<Option<(usize, usize)>>,
    columns: Vec<Option<T>>,
    headers: Vec<String>,
    warnings: Vec<ImportWarning>,
    delimiter: u8,
    failed: bool,
}

/// A field as text: UTF-8 when it is, otherwise Windows-1252 (what Excel writes on Dutch Windows).
fn field_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// What stopped the reading of a record (beyond the CSV reader's own errors).
enum Stop {
    /// The record took more than [`MAX_RECORD_BYTES`].
    TooLarge,
    /// A quote opened in the record is never closed.
    UnterminatedQuote,
    /// The CSV reader's error.
    Csv(csv::Error),
}

impl<R: BufRead, T: Table> TableReader<R, T> {
    /// Reads the header; fails when the file cannot be used at all.
    pub fn new(mut input: R) -> Result<Self, FileError> {
        let start = input.fill_buf().map_err(|e| FileError::Unreadable { line: 1, reason: e.to_string() })?;
        if shape::looks_like_utf16(start) {
            return Err(FileError::Utf16);
        }
        if shape::looks_like_binary(start) {
            return Err(FileError::NotText);
        }
        let delimiter = shape::detect_delimiter(start);
        // Kept for telling a wrong separator apart; its start says enough, and a header of millions of columns is
        // not copied whole.
        let first_line = shape::first_line(start).iter().take(1 << 16).copied().collect::<Vec<u8>>();
        // Only `\n` ends a line (a `\r` before it is trimmed with the field), and the input adds newlines after the
        // file, so that every record ends in a newline and the reader's line count after it tells exactly where the
        // record started (see `input.rs`).
        let csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::None)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(Input::new(input));
        let mut reader = Self {
            csv,
            record: csv::ByteRecord::new(),
            text: String::with_capacity(512),
            ranges: Vec::new(),
            columns: Vec::new(),
            headers: Vec::new(),
            warnings: Vec::new(),
            delimiter,
            failed: false,
        };
        loop {
            match reader.read_record() {
                Ok(false) => return Err(FileError::Empty),
                Ok(true) if reader.record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => continue,
                Ok(true) => break,
                Err(Stop::TooLarge) => return Err(FileError::HeaderTooLarge { max_mb: MAX_RECORD_BYTES >> 20 }),
                Err(Stop::UnterminatedQuote) => {
                    return Err(FileError::UnterminatedQuote { line: reader.start_line() });
                }
                Err(Stop::Csv(e)) => return Err(FileError::Unreadable { line: 1, reason: e.to_string() }),
            }
        }
        if reader.record.len() > MAX_COLUMNS {
            return Err(FileError::TooManyColumns { found: reader.record.len(), max: MAX_COLUMNS });
        }
        let mut headers: Vec<String> = reader.record.iter().map(|h| field_text(h).into_owned()).collect();
        if let Some(first) = headers.first_mut() {
            *first = first.trim_start_matches('\u{feff}').to_owned();
        }
        let mut columns = Vec::with_capacity(headers.len());
        let mut unknown = Vec::new();
        for name in &headers {
            let column = column_of::<T>(name);
            if column.is_some() && columns.contains(&column) {
                return Err(FileError::DuplicateColumn(name.trim().to_owned()));
            }
            if column.is_none() && !name.trim().is_empty() {
                unknown.push(name.trim().to_owned());
            }
            columns.push(column);
        }
        let missing: Vec<&str> =
            T::REQUIRED.iter().filter(|c| !columns.contains(&Some(**c))).map(|c| c.name()).collect();
        if !missing.is_empty() {
            return Err(shape::other_separator(&first_line, delimiter)
                .unwrap_or_else(|| FileError::MissingColumns(missing.join(", "))));
        }
        if !unknown.is_empty() {
            let names = problem::unknown_column_names(&unknown);
            reader.warnings.push(ImportWarning::UnknownColumns { count: unknown.len() as u64, names });
        }
        reader.columns = columns;
        reader.headers = headers;
        Ok(reader)
    }

    /// Reads the next record into `self.record`, at most [`MAX_RECORD_BYTES`] of it.
    fn read_record(&mut self) -> Result<bool, Stop> {
        let start = self.csv.position().byte();
        self.csv.get_mut().record_starts_at(start);
        match self.csv.read_byte_record(&mut self.record) {
            Ok(true) if self.csv.get_ref().swallowed_the_end(start, self.csv.position().byte()) => {
                Err(Stop::UnterminatedQuote)
            }
            Ok(more) => Ok(more),
            Err(e) if input::is_too_large(&e) => Err(Stop::TooLarge),
            Err(e) => Err(Stop::Csv(e)),
        }
    }

    /// The line the current record started on: the reader's line after it, less the newlines inside it and the one
    /// that ended it (a record that ran to the end of the file, with an open quote, has none of its own).
    fn start_line(&self) -> u64 {
        let embedded: u64 = self.record.iter().map(|f| f.iter().filter(|b| **b == b'\n').count() as u64).sum();
        let line = self.csv.position().line().saturating_sub(embedded);
        let start = self.record.position().map_or(0, |p| p.byte());
        if self.csv.get_ref().swallowed_the_end(start, self.csv.position().byte()) {
            line
        } else {
            line.saturating_sub(1)
        }
    }

    /// Warnings about the file (unknown columns).
    pub fn warnings(&self) -> &[ImportWarning] {
        &self.warnings
    }

    /// The delimiter found.
    pub fn delimiter(&self) -> char {
        self.delimiter as char
    }

    /// The header names as found.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The trimmed text of `column` in the row last returned, when that row was split into its fields (not after a
    /// row with the wrong number of fields, nor once reading stopped): what a caller can still tell of a refused
    /// row (the ledger checks its unit against the stock in the same answer).
    pub fn current_text(&self, column: T) -> Option<&str> {
        self.ranges.get(column.index()).copied().flatten().map(|(start, end)| &self.text[start..end])
    }
}

/// The fields of one row by column, trimmed, and the problems found in it so far.
pub struct Row<'a, T: Table> {
    /// The line in the file the row starts on.
    pub line: u64,
    /// The row's known fields, trimmed, one after the other.
    text: &'a str,
    /// Where each column's field lies in `text`, by [`Table::index`].
    ranges: &'a [Option<(usize, usize)>],
    errors: &'a mut Vec<RowError>,
    table: std::marker::PhantomData<T>,
}

impl<T: Table> Row<'_, T> {
    /// The column's text, trimmed; empty when the column is absent.
    pub fn text(&self, column: T) -> &str {
        self.ranges[column.index()].map_or("", |(start, end)| &self.text[start..end])
    }

    /// Records a problem with the column's value.
    pub fn fail(&mut self, column: T, reason: RowProblem) {
        let value = echo(self.text(column));
        self.errors.push(RowError { line: self.line, column: column.name().to_owned(), value, reason });
    }

    /// Whether the column's text is longer than it may be (and if so, says so).
    fn too_long(&mut self, column: T) -> bool {
        let Some(max) = column.max_chars() else { return false };
        let value = self.text(column);
        // Bytes first: a text of at most `max` bytes has at most `max` characters.
        if value.len() > max && value.chars().count() > max {
            self.fail(column, RowProblem::TooLong { max });
            return true;
        }
        false
    }

    /// The column's text; a problem when it is empty or too long.
    pub fn required(&mut self, column: T) -> Option<String> {
        if self.text(column).is_empty() {
            self.fail(column, RowProblem::Required);
            return None;
        }
        if self.too_long(column) {
            return None;
        }
        Some(self.text(column).to_owned())
    }

    /// The column's text when there is one; a problem when it is too long.
    pub fn optional(&mut self, column: T) -> Option<String> {
        if self.text(column).is_empty() || self.too_long(column) {
            return None;
        }
        Some(self.text(column).to_owned())
    }

    /// The column's value as `parse` reads it, when there is one; a problem when `parse` refuses it.
    pub fn parsed<V, E: Into<RowProblem>>(&mut self, column: T, parse: impl Fn(&str) -> Result<V, E>) -> Option<V> {
        let value = self.text(column);
        if value.is_empty() {
            return None;
        }
        match parse(value) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                self.fail(column, error.into());
                None
            }
        }
    }

    /// A whole number in `range`, when there is one.
    pub fn integer(&mut self, column: T, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
        self.parsed(column, |v| match v.parse::<i32>() {
            Ok(n) if range.contains(&n) => Ok(n),
            Ok(_) => Err(RowProblem::OutOfRange { min: (*range.start()).into(), max: (*range.end()).into() }),
            Err(_) => Err(RowProblem::NotInteger),
        })
    }

    /// A decimal number (comma or point), when there is one.
    pub fn decimal(&mut self, column: T) -> Option<f64> {
        self.parsed(column, |v| parse_decimal(v).ok_or(RowProblem::NotANumber))
    }
}

impl Row<'_, Column> {
    fn position(&mut self) -> Option<LatLon> {
        let (lat, lon) = (self.decimal(Column::Breedtegraad), self.decimal(Column::Lengtegraad));
        let (x, y) = (self.decimal(Column::RdX), self.decimal(Column::RdY));
        let (position, column) = match (lat, lon, x, y) {
            (Some(lat), Some(lon), _, _) => (LatLon::in_netherlands(lat, lon), Column::Breedtegraad),
            (None, None, Some(x), Some(y)) => {
                let p = rd_to_wgs84(x, y);
                (LatLon::in_netherlands(p.lat, p.lon), Column::RdX)
            }
            (None, None, None, None) => return None,
            (Some(_), None, _, _) | (None, Some(_), _, _) => {
                self.fail(Column::Breedtegraad, RowProblem::LatLonApart);
                return None;
            }
            _ => {
                self.fail(Column::RdX, RowProblem::RdApart);
                return None;
            }
        };
        if position.is_none() {
            self.fail(column, RowProblem::OutsideNetherlands);
        }
        position
    }
}

impl<R: BufRead, T: Table> Iterator for TableReader<R, T> {
    type Item = Result<T::Parsed, Vec<RowError>>;

    fn next(&mut self) -> Option<Self::Item> {
        // The fields of the row returned before are not this row's (`current_text`).
        self.ranges.clear();
        if self.failed {
            return None;
        }
        loop {
            let stop = match self.read_record() {
                Ok(false) => return None,
                Ok(true) if self.record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => continue,
                Ok(true) => break,
                Err(stop) => stop,
            };
            // What follows cannot be trusted to be split right (a broken quote), or was not read (a record too
            // large): the file ends here, with an error on the line where reading stopped.
            self.failed = true;
            let (line, reason) = match stop {
                // Where the record began; it was not read to its end, so its own newlines are not known.
                Stop::TooLarge => (
                    self.record.position().map_or(0, |p| p.line()),
                    RowProblem::RowTooLarge { max_mb: MAX_RECORD_BYTES >> 20 },
                ),
                Stop::UnterminatedQuote => (self.start_line(), RowProblem::UnterminatedQuote),
                Stop::Csv(error) => (
                    error.position().map(|p| p.line()).unwrap_or_default(),
                    RowProblem::Unreadable { reason: error.to_string() },
                ),
            };
            return Some(Err(vec![RowError { line, column: WHOLE_ROW.into(), value: String::new(), reason }]));
        }
        let line = self.start_line();
        let record = &self.record;
        // A row with fewer fields is refused as one with more: a file cut off in its last row (or a separator lost)
        // would otherwise read its missing fields as empty and clear them on a unit that had them.
        if record.len() != self.columns.len() {
            let reason = RowProblem::WrongFieldCount { found: record.len(), expected: self.columns.len() };
            return Some(Err(vec![RowError { line, column: WHOLE_ROW.into(), value: String::new(), reason }]));
        }
        self.text.clear();
        self.ranges.resize(T::ALL.len(), None);
        let mut refused: Vec<(T, RowProblem)> = Vec::new();
        for (field, column) in record.iter().zip(&self.columns) {
            if let Some(column) = column {
                let start = self.text.len();
                shape::one_line(field_text(field).trim(), &mut self.text);
                if let Some(problem) = shape::forbidden_character(&self.text[start..]) {
                    refused.push((*column, problem));
                }
                self.ranges[column.index()] = Some((start, self.text.len()));
            }
        }
        let mut errors = Vec::new();
        let table = std::marker::PhantomData;
        let mut row = Row { line, text: &self.text, ranges: &self.ranges, errors: &mut errors, table };
        let parsed = T::parse(&mut row);
        if !refused.is_empty() {
            // A value with a character that is no text is refused for that, not for what follows from it.
            errors.retain(|e| refused.iter().all(|(column, _)| e.column != column.name()));
            let mut row = Row { line, text: &self.text, ranges: &self.ranges, errors: &mut errors, table };
            for (column, problem) in refused {
                row.fail(column, problem);
            }
            errors.sort_by_key(|e| T::ALL.iter().position(|c| c.name() == e.column));
        }
        match parsed {
            Some(parsed) if errors.is_empty() => Some(Ok(parsed)),
            _ => Some(Err(errors)),
        }
    }
}

fn build(row: &mut Row<'_, Column>) -> Option<UnitRecord> {
    let id_extern = row.required(Column::IdExtern);
    let straatnaam = row.required(Column::Straatnaam);
    let woonplaats = row.required(Column::Woonplaats);
    let huisnummer = match row.required(Column::Huisnummer) {
        Some(number) => {
            let parsed =
                HouseNumber::parse(&number, row.text(Column::Huisletter), row.text(Column::HuisnummerToevoeging));
            match parsed {
                Ok(parsed) => Some(parsed),
                Err(error) => {
                    let column = match error {
                        IdError::HouseNumber(HouseNumberError::Letter) => Column::Huisletter,
                        IdError::HouseNumber(HouseNumberError::Addition) => Column::HuisnummerToevoeging,
                        _ => Column::Huisnummer,
                    };
                    row.fail(column, error.into());
                    None
                }
            }
        }
        None => None,
    };
    let postcode = match row.required(Column::Postcode) {
        Some(_) => row.parsed(Column::Postcode, Postcode::parse),
        None => None,
    };
    let unit = UnitRecord {
        cluster_code: row.optional(Column::ClusterCode),
        cluster_naam: row.optional(Column::ClusterNaam),
        cluster_soort: row.optional(Column::ClusterSoort).map(|s| s.to_ascii_uppercase()),
        soort: row.optional(Column::Soort).map(|s| s.to_ascii_uppercase()),
        detail_soort: row.optional(Column::DetailSoort).map(|s| s.to_ascii_uppercase()),
        status: row.optional(Column::Status).map(|s| s.to_ascii_uppercase()),
        bag_verblijfsobject: row.parsed(Column::BagVerblijfsobjectId, BagId::verblijfsobject),
        bag_pand: row.parsed(Column::BagPandId, BagId::pand),
        gemeente: row.parsed(Column::GemeenteCode, GemeenteCode::parse),
        wijk: row.parsed(Column::WijkCode, WijkCode::parse),
        buurt: row.parsed(Column::BuurtCode, BuurtCode::parse),
        position: row.position(),
        bouwjaar: row.integer(Column::Bouwjaar, 1000..=2100),
        gebruiksoppervlakte: row.decimal(Column::Gebruiksoppervlakte),
        kamers: row.integer(Column::KamersAantal, 0..=100),
        label: row.parsed(Column::MaatschappelijkLabel, |v| SocialLabel::parse(v).ok_or(RowProblem::SocialLabel)),
        nettohuur: row.parsed(Column::Nettohuur, rent),
        brutohuur: row.parsed(Column::Brutohuur, rent),
        id_extern: id_extern?,
        straatnaam: straatnaam?,
        huisnummer: huisnummer?,
        postcode: postcode?,
        woonplaats: woonplaats?,
    };
    if unit.gebruiksoppervlakte.is_some_and(|m2| !(1.0..=100_000.0).contains(&m2)) {
        row.fail(Column::Gebruiksoppervlakte, RowProblem::AreaOutOfRange { min: 1, max: 100_000 });
    }
    Some(unit)
}

/// A rent: an amount of zero or more (a credit is no rent; a minus sign is a typing or export error).
fn rent(text: &str) -> Result<Money, RowProblem> {
    let amount = Money::parse(text).map_err(RowProblem::Money)?;
    if amount.cents() < 0 {
        return Err(RowProblem::Negative);
    }
    Ok(amount)
}

/// The error report in Dutch, as a `;`-separated CSV that Dutch Excel opens: `regel;kolom;waarde;reden`.
pub fn error_report_csv(errors: &[RowError]) -> String {
    error_report_csv_with(errors, ["regel", "kolom", "waarde", "reden"], |e| e.column.clone(), |e| e.reason.to_string())
}

/// The error report as a `;`-separated CSV under `header`, with each error's column and reason as `column` and
/// `reason` put them (the web layer passes its translations); lines and values are as found.
pub fn error_report_csv_with(
    errors: &[RowError],
    header: [&str; 4],
    column: impl Fn(&RowError) -> String,
    reason: impl Fn(&RowError) -> String,
) -> String {
    // Values are as found in someone's file: the shared writer keeps a formula among them from running.
    let mut csv = crate::spreadsheet::Csv::new(false);
    csv.row(header);
    for e in errors {
        csv.row([e.line.to_string().as_str(), &column(e), &e.value, &reason(e)]);
    }
    csv.into_string()
}

/// The header line of the import template, `;`-separated (what Dutch Excel opens directly).
pub fn template_header() -> String {
    Column::ALL.map(Column::name).join(";")
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;
