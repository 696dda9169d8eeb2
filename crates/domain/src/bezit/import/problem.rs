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
    /// The row has more fields than the header.
    #[error("heeft {found} velden, de kop heeft er {expected}")]
    TooManyFields {
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
}

/// Something about a stock file worth telling that does not stop the import.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportWarning {
    /// A column Volkshuis does not know, which is skipped.
    #[error("kolom {name} is onbekend en wordt genegeerd")]
    UnknownColumn {
        /// The header as found (trimmed).
        name: String,
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
