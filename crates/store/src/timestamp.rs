//! Times are stored as UTC unix seconds so both backends compare and sort them alike.

use time::OffsetDateTime;

/// A time as stored.
pub fn to_unix(at: OffsetDateTime) -> i64 {
    at.unix_timestamp()
}

/// A stored time; an out-of-range value (impossible unless the row was edited by hand) becomes the epoch.
pub fn from_unix(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
