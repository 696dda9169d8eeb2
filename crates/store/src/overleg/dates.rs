//! Calendar dates as stored: `YYYY-MM-DD` text, which sorts and compares alike on both backends.

use crate::{Result, StoreError};
use time::macros::format_description;
use time::Date;

/// A date as stored.
pub fn date_to_text(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

/// A stored date.
pub fn date_from_text(column: &'static str, text: &str) -> Result<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map_err(|_| StoreError::Corrupt { column, value: text.to_owned() })
}

/// An optional stored date.
pub(crate) fn optional_date(column: &'static str, text: Option<String>) -> Result<Option<Date>> {
    text.map(|t| date_from_text(column, &t)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_round_trip_and_sort_as_text() {
        assert_eq!(date_to_text(date!(2026 - 05 - 04)), "2026-05-04");
        assert_eq!(date_from_text("d", "2026-05-04").ok(), Some(date!(2026 - 05 - 04)));
        assert!(date_from_text("d", "4-5-2026").is_err());
        assert!(date_to_text(date!(2026 - 05 - 04)) < date_to_text(date!(2026 - 11 - 01)));
    }
}
