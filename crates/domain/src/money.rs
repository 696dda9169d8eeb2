//! Money in exact euro cents, parsed from the ways Dutch spreadsheets write amounts.

use std::fmt;
use thiserror::Error;

/// An amount in euro cents. Never floating point. Serialised as its number of cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Money(i64);

/// Why an amount was refused (Dutch: it goes into import reports).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyError {
    /// Not a number.
    #[error("is geen bedrag")]
    NotAnAmount,
    /// More than two decimals.
    #[error("heeft meer dan twee decimalen")]
    TooManyDecimals,
    /// The decimal separator more than once, with no other separator (`12,3,4`, `1.234.567`).
    #[error("heeft meer dan één decimaalteken: schrijf bijvoorbeeld 1234,50 of 1.234,50")]
    SeparatorTwice,
    /// One separator with three digits after it (`1.234`, `12,345`): a thousands separator or three decimals, which
    /// cannot be told apart, so it is not guessed.
    #[error("is dubbelzinnig: één scheidingsteken met drie cijfers erachter kan duizendtallen of decimalen scheiden (schrijf 1234 of 1234,00)")]
    Ambiguous,
    /// Beyond what an amount can be.
    #[error("is te groot")]
    TooLarge,
}

impl Money {
    /// An amount of cents.
    pub const fn from_cents(cents: i64) -> Self {
        Self(cents)
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Parses `650`, `650,5`, `650.50`, `€ 1.234,56`, `1,234.56`, `-12,00`. With both separators, the last one is the
    /// decimal separator; with one, it is the decimal separator, so `1.234` is refused (as ambiguous) rather than
    /// guessed to be a thousand.
    pub fn parse(input: &str) -> Result<Self, MoneyError> {
        let text: String = input.trim().trim_start_matches('€').chars().filter(|c| !c.is_whitespace()).collect();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest.to_owned()),
            None => (false, text),
        };
        if text.is_empty() {
            return Err(MoneyError::NotAnAmount);
        }
        let decimal_at = text.rfind([',', '.']);
        let (whole, fraction) = match decimal_at {
            Some(at) => {
                let separator = text.as_bytes()[at];
                let whole = &text[..at];
                let grouping = if separator == b',' { '.' } else { ',' };
                if whole.contains(separator as char) {
                    return Err(MoneyError::SeparatorTwice);
                }
                (whole.replace(grouping, ""), &text[at + 1..])
            }
            None => (text.clone(), ""),
        };
        if fraction.len() == 3 && fraction.bytes().all(|b| b.is_ascii_digit()) && text.matches([',', '.']).count() == 1
        {
            return Err(MoneyError::Ambiguous);
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty() || !all_digits(&whole) || !all_digits(fraction) {
            return Err(MoneyError::NotAnAmount);
        }
        let euros: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::TooLarge)? };
        let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| MoneyError::NotAnAmount)?;
        let total = euros.checked_mul(100).and_then(|e| e.checked_add(cents)).ok_or(MoneyError::TooLarge)?;
        Ok(Self(if negative { -total } else { total }))
    }
}

impl Money {
    /// A whole number with Dutch thousands separators: `12.345`.
    pub fn thousands(n: i64) -> String {
        let sign = if n < 0 { "-" } else { "" };
        format!("{sign}{}", Grouped(n.unsigned_abs()))
    }
}

/// A whole number with a point between each group of three digits, written straight into the output (a complex
/// page writes hundreds of amounts).
struct Grouped(u64);

/// The largest amount a form takes: € 1,000,000,000 (the dearest home, VvE reserve or liveability budget is far below
/// it, and every calculation on amounts up to it stays exact; a public calculator showed a sum capped at the
/// integer's limit).
pub const LIMIT_CENTS: i64 = 100_000_000_000;

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < 1000 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{}.{:03}", Grouped(self.0 / 1000), self.0 % 1000)
        }
    }
}

impl fmt::Display for Money {
    /// Dutch notation: `€ 1.234,56`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "€ {sign}{},{:02}", Grouped(abs / 100), abs % 100)
    }
}

/// Parses a decimal number written with a comma or a point (areas, coordinates). No thousands separators.
pub fn parse_decimal(input: &str) -> Option<f64> {
    let text = input.trim().replace(',', ".");
    let digits = text.strip_prefix('-').unwrap_or(&text);
    // Only what people write: Rust's parser also takes "1e5", "inf" and "+5".
    if text.matches('.').count() > 1
        || !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_english_amounts() {
        let cases = [
            ("650", 65_000),
            ("650,5", 65_050),
            ("650.50", 65_050),
            ("€ 1.234,56", 123_456),
            ("1,234.56", 123_456),
            ("1.234.567,00", 123_456_700),
            ("-12,00", -1_200),
            (",99", 99),
            (" 0 ", 0),
        ];
        for (input, cents) in cases {
            assert_eq!(Money::parse(input), Ok(Money::from_cents(cents)), "{input}");
        }
    }

    #[test]
    fn ambiguous_or_broken_amounts_are_refused() {
        assert_eq!(Money::parse("1.234"), Err(MoneyError::Ambiguous));
        assert_eq!(Money::parse("€ 12,345"), Err(MoneyError::Ambiguous));
        assert_eq!(Money::parse("1.234,567"), Err(MoneyError::TooManyDecimals), "two separators: the last is decimal");
        assert_eq!(Money::parse("1.2345"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Money::parse("1,2,3"), Err(MoneyError::SeparatorTwice));
        assert_eq!(Money::parse("12,3,4"), Err(MoneyError::SeparatorTwice), "not a matter of decimals");
        assert_eq!(Money::parse("1.234.567"), Err(MoneyError::SeparatorTwice), "thousands without decimals");
        assert_eq!(Money::parse("1.234.567,00"), Ok(Money::from_cents(123_456_700)));
        assert_eq!(Money::parse("twaalf"), Err(MoneyError::NotAnAmount));
        assert_eq!(Money::parse(""), Err(MoneyError::NotAnAmount));
        assert_eq!(Money::parse("99999999999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn shown_in_dutch_notation() {
        assert_eq!(Money::from_cents(123_456).to_string(), "€ 1.234,56");
        assert_eq!(Money::from_cents(5).to_string(), "€ 0,05");
        assert_eq!(Money::from_cents(-100_000).to_string(), "€ -1.000,00");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(Money::thousands(2_300_000), "2.300.000");
        assert_eq!(Money::thousands(999), "999");
        assert_eq!(Money::thousands(-1_000), "-1.000");
        assert_eq!(Money::thousands(1_000_005), "1.000.005", "inner groups keep their zeros");
        assert_eq!(Money::thousands(0), "0");
        assert_eq!(Money::from_cents(100_020_003).to_string(), "€ 1.000.200,03");
    }

    #[test]
    fn decimals_with_comma_or_point() {
        assert_eq!(parse_decimal("52,0907"), Some(52.0907));
        assert_eq!(parse_decimal("4.3"), Some(4.3));
        assert_eq!(parse_decimal("1.234,5"), None);
        assert_eq!(parse_decimal("x"), None);
        assert_eq!(parse_decimal("-6,5"), Some(-6.5));
        for not in ["1e5", "inf", "+5", "NaN", ""] {
            assert_eq!(parse_decimal(not), None, "{not}");
        }
    }
}
