//! Why a row of a stock file was refused, and what a reader warns about, as facts the web layer translates.
//!
//! `Display` is Dutch, the texts the import reports always had: the CLI prints it. The web layer shows the user's
//! language from the Fluent messages in `crates/web/i18n/*/import.ftl`.

use crate::ids::IdError;
use crate::money::MoneyError;
use thiserror::Error;

/// Why a value, or a row as a whole, was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RowProblem {
    /// A required field is empty.
    #[error("is verplicht")]
    Required,
    /// The text is longer than allowed.
    #[error("is langer dan {max} tekens")]
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// Not a whole number.
    #[error("moet een geheel getal zijn")]
    NotInteger,
    /// A whole number outside its range.
    #[error("moet tussen {min} en {max} liggen")]
    OutOfRange {
        /// The lowest allowed.
        min: i64,
        /// The highest allowed.
        max: i64,
    },
    /// Not a (decimal) number.
    #[error("is geen getal")]
    NotANumber,
    /// A usable area outside its range, in m².
    #[error("moet tussen {min} en {max} m² liggen")]
    AreaOutOfRange {
        /// The smallest area allowed.
        min: u32,
        /// The largest area allowed.
        max: u32,
    },
    /// Latitude without longitude, or the other way round.
    #[error("breedtegraad en lengtegraad horen samen")]
    LatLonApart,
    /// rdX without rdY, or the other way round.
    #[error("rdX en rdY horen samen")]
    RdApart,
    /// A position outside the Netherlands.
    #[error("ligt niet in Nederland (breedte- en lengtegraad verwisseld?)")]
    OutsideNetherlands,
    /// Not a social label code.
    #[error("moet DAE of NDA zijn")]
    SocialLabel,
    /// An identifier (BAG id, postcode, CBS code, house number) was refused.
    #[error("{0}")]
    Id(IdError),
    /// An amount was refused.
    #[error("{0}")]
    Money(MoneyError),
    /// Not a date (`d-m-jjjj`, `d/m/jjjj` or `jjjj-mm-dd`).
    #[error("is geen datum (schrijf d-m-jjjj of jjjj-mm-dd)")]
    NotADate,
    /// Written as a date, but no such day is in the calendar (31-2-2026), or it lies outside 1900–2199.
    #[error("is geschreven als datum, maar die dag bestaat niet (of ligt voor 1900 of na 2199)")]
    NoSuchDate,
    /// Not yes or no.
    #[error("moet ja of nee zijn")]
    NotYesNo,
    /// Not one of a short list of codes.
    #[error("moet een van deze zijn: {allowed}")]
    NotInList {
        /// The codes allowed, comma-separated.
        allowed: &'static str,
    },
    /// Not an e-mail address.
    #[error("is geen e-mailadres")]
    NotAnEmail,
    /// An amount that must be more than zero.
    #[error("moet meer dan nul zijn")]
    NotPositive,
    /// A code that is not in its VERA list (checked where the list is loaded).
    #[error("is geen code uit de VERA-lijst {list}")]
    NotInVera {
        /// The list's official name (EENHEIDSOORT, say).
        list: &'static str,
    },
    /// An amount below zero where only zero or more makes sense (a rent).
    #[error("mag niet negatief zijn")]
    Negative,
    /// A file with a header and no rows where rows are needed (an arrears ledger).
    #[error("het bestand heeft geen regels met gegevens")]
    NoRows,
    /// A day after the day of the file (an arrears ledger's reminder or contact cannot lie ahead).
    #[error("ligt na vandaag, de dag van het grootboek")]
    AfterToday,
    /// A unit that is not in the organisation's stock.
    #[error("staat niet in het bezit (idExtern onbekend)")]
    UnknownUnit,
    /// The row has more or fewer fields than the header.
    #[error("heeft {found} velden, de kop heeft er {expected}")]
    WrongFieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// The file cannot be read from this row on (a broken quote, say).
    #[error("het bestand is vanaf hier niet te lezen: {reason}")]
    Unreadable {
        /// The CSV reader's explanation (in English, as the reader gives it).
        reason: String,
    },
    /// The unit's id already appeared on an earlier line.
    #[error("komt al voor op regel {first}")]
    Duplicate {
        /// The line where it first appeared.
        first: u64,
    },
    /// A control character (a NUL byte, say) in a value: not text, and PostgreSQL cannot store a NUL.
    #[error("bevat een stuurteken (U+{code:04X}), dat geen tekst is")]
    ControlCharacter {
        /// The character's code point.
        code: u32,
    },
    /// A byte-order mark inside the file, where it is no part of any value (two files pasted together, often).
    #[error("bevat een BOM-teken (U+FEFF) midden in het bestand: zijn er twee bestanden aan elkaar geplakt?")]
    ByteOrderMark,
    /// A quote opened on this row is never closed: the rest of the file would be one value.
    #[error("een aanhalingsteken (\") op deze rij wordt niet meer gesloten; het bestand is vanaf hier niet gelezen")]
    UnterminatedQuote,
    /// The row is larger than a row can be; reading stopped here.
    #[error(
        "de rij is groter dan {max_mb} MB (een aanhalingsteken dat niet gesloten wordt?); het bestand is vanaf hier \
         niet gelezen"
    )]
    RowTooLarge {
        /// The largest row allowed, in MB.
        max_mb: u64,
    },
    /// A full file without a single unit, which would mark every unit out of use, and the user did not confirm
    /// that the stock is now empty.
    #[error(
        "het bestand heeft geen eenheden: als volledig bezit zou het {} buiten gebruik zetten; \
         bevestig uitdrukkelijk dat het bezit leeg is als dat de bedoeling is",
        all_units(.missing)
    )]
    EmptyStockUnconfirmed {
        /// Units in use that the file would mark out of use.
        missing: u64,
    },
}

/// At most this many characters of a refused value are echoed (in the report, on the page, on stderr): enough to find
/// it, and a 50 MB value does not become a 50 MB report.
pub const ECHO_CHARS: usize = 60;

/// A refused value as it is echoed: its first [`ECHO_CHARS`] characters, with `…` when there were more, and control
/// characters written as their code point in brackets (`[U+0000]`, the form the reason names them in), so the echo is
/// text (PostgreSQL stores no NUL) and shows what was there.
pub fn echo(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(ECHO_CHARS * 4 + 3));
    for (i, c) in value.chars().enumerate() {
        if i == ECHO_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() && c != '\t' || c == '\u{feff}' || crate::text::turns_text_around(c) {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The names of unknown columns shown in their warning: a few, then `…`.
const UNKNOWN_NAMES_SHOWN: usize = 5;

/// The names in an [`ImportWarning::UnknownColumns`]: the first few, each echoed, with `…` when there are more.
pub fn unknown_column_names(names: &[String]) -> String {
    let mut shown: Vec<String> = names.iter().take(UNKNOWN_NAMES_SHOWN).map(|n| echo(n)).collect();
    if names.len() > UNKNOWN_NAMES_SHOWN {
        shown.push("…".to_owned());
    }
    shown.join(", ")
}

/// "alle 12 eenheden", or "de 1 eenheid" of a stock of one.
fn all_units(missing: &u64) -> String {
    if *missing == 1 {
        "de 1 eenheid".to_owned()
    } else {
        format!("alle {missing} eenheden")
    }
}

fn unknown_columns(count: &u64, names: &str) -> String {
    if *count == 1 {
        format!("kolom {names} is onbekend en wordt genegeerd")
    } else {
        format!("{count} kolommen zijn onbekend en worden genegeerd: {names}")
    }
}

/// Something about a stock file worth telling that does not stop the import.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportWarning {
    /// Columns Volkshuis does not know, which are skipped: one warning for all of them.
    #[error("{}", unknown_columns(.count, .names))]
    UnknownColumns {
        /// How many.
        count: u64,
        /// The first few names as found (trimmed and echoed; see [`unknown_column_names`]).
        names: String,
    },
    /// A full file with row errors: missing units were not marked out of use.
    #[error(
        "{missing} eenheden ontbreken in het bestand maar zijn niet buiten gebruik gezet: het bestand heeft regels met \
         fouten, en daar kunnen ze in staan"
    )]
    MissingNotMarked {
        /// Units in use but not in the file.
        missing: u64,
    },
}

impl From<IdError> for RowProblem {
    fn from(error: IdError) -> Self {
        RowProblem::Id(error)
    }
}

impl From<MoneyError> for RowProblem {
    fn from(error: MoneyError) -> Self {
        RowProblem::Money(error)
    }
}
