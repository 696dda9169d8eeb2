//! Dutch identifiers, parsed once at the edge: BAG ids, postcodes, CBS area codes, house numbers.
//! See `shared/design/RULES.md` (Identifiers).

use std::fmt;
use thiserror::Error;

/// Why an identifier was refused: the facts, which the web layer translates. `Display` is Dutch (for the CLI and
/// the logs).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IdError {
    /// The value has the wrong number of digits.
    #[error("moet {expected} cijfers hebben, heeft er {found}")]
    Length {
        /// Digits expected.
        expected: usize,
        /// Digits found.
        found: usize,
    },
    /// A BAG id with 15 digits: almost always Excel dropping the leading zero.
    #[error("heeft 15 cijfers: Excel heeft waarschijnlijk de voorloopnul weggehaald (zet de kolom op Tekst)")]
    LeadingZeroLost,
    /// Characters other than digits where only digits belong.
    #[error("mag alleen cijfers bevatten")]
    NotDigits,
    /// A BAG id of another object type (a pand id where a verblijfsobject id belongs, say).
    #[error("is een BAG-id van objecttype {found}, verwacht {expected}")]
    WrongObjectType {
        /// The type expected (`01`, `10`, …).
        expected: &'static str,
        /// The type found.
        found: String,
    },
    /// A postcode that is not four digits (not starting with 0) and two letters.
    #[error("is geen geldige postcode (verwacht 1234AB)")]
    Postcode,
    /// A CBS code of the wrong shape.
    #[error("is geen geldige {kind} (verwacht {example})")]
    CbsCode {
        /// gemeentecode, wijkcode or buurtcode.
        kind: &'static str,
        /// An example of the right shape.
        example: &'static str,
    },
    /// A house number part out of range or of the wrong shape.
    #[error("{0}")]
    HouseNumber(HouseNumberError),
}

/// Which part of a house number was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum HouseNumberError {
    /// The number is not a whole number.
    #[error("huisnummer moet een geheel getal zijn")]
    NotInteger,
    /// The number does not fit.
    #[error("huisnummer is te groot")]
    TooLarge,
    /// The number is outside 1–99999.
    #[error("huisnummer moet tussen 1 en 99999 liggen")]
    OutOfRange,
    /// The letter is not one letter.
    #[error("huisletter moet één letter zijn")]
    Letter,
    /// The addition is longer than 4 letters or digits, or has other characters.
    #[error("huisnummertoevoeging: hoogstens 4 letters of cijfers")]
    Addition,
}

fn digits_only(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// A BAG object id: 16 digits = 4-digit gemeentecode + 2-digit object type + 10-digit number. Leading zeros kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BagId(String);

impl BagId {
    /// Object type of a verblijfsobject.
    pub const VERBLIJFSOBJECT: &'static str = "01";
    /// Object type of a pand.
    pub const PAND: &'static str = "10";

    fn parse_kind(input: &str, expected: &'static str) -> Result<Self, IdError> {
        let id = input.trim();
        if !digits_only(id) {
            return Err(IdError::NotDigits);
        }
        match id.len() {
            16 => {}
            15 => return Err(IdError::LeadingZeroLost),
            found => return Err(IdError::Length { expected: 16, found }),
        }
        let kind = &id[4..6];
        if kind != expected {
            return Err(IdError::WrongObjectType { expected, found: kind.to_owned() });
        }
        Ok(Self(id.to_owned()))
    }

    /// Parses a verblijfsobject id (object type 01).
    pub fn verblijfsobject(input: &str) -> Result<Self, IdError> {
        Self::parse_kind(input, Self::VERBLIJFSOBJECT)
    }

    /// Parses a pand id (object type 10).
    pub fn pand(input: &str) -> Result<Self, IdError> {
        Self::parse_kind(input, Self::PAND)
    }

    /// The id as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The gemeentecode that issued the id (4 digits).
    pub fn gemeente_digits(&self) -> &str {
        &self.0[..4]
    }
}

impl fmt::Display for BagId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Dutch postcode, stored without space and in upper case: `3011AB`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(String);

impl Postcode {
    /// Parses `3011 ab`, ` 3011AB `, `3011ab` alike.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        let bytes = compact.as_bytes();
        let ok = bytes.len() == 6
            && (b'1'..=b'9').contains(&bytes[0])
            && bytes[1..4].iter().all(u8::is_ascii_digit)
            && bytes[4..].iter().all(u8::is_ascii_uppercase);
        if ok {
            Ok(Self(compact))
        } else {
            Err(IdError::Postcode)
        }
    }

    /// The postcode as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn cbs(input: &str, prefix: &str, digits: usize, kind: &'static str, example: &'static str) -> Result<String, IdError> {
    let value = input.trim().to_ascii_uppercase();
    let number = value.strip_prefix(prefix).unwrap_or(&value);
    if number.len() == digits && digits_only(number) {
        Ok(format!("{prefix}{number}"))
    } else {
        Err(IdError::CbsCode { kind, example })
    }
}

macro_rules! cbs_code {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $digits:literal, $kind:literal, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Parses the code with or without its prefix (lower case accepted).
            pub fn parse(input: &str) -> Result<Self, IdError> {
                cbs(input, $prefix, $digits, $kind, $example).map(Self)
            }

            /// The code as stored, with prefix.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

cbs_code!(
    /// A CBS gemeente code: `GM` + 4 digits. Codes change with mergers, so they are stored with their year.
    GemeenteCode, "GM", 4, "gemeentecode", "GM0363"
);
cbs_code!(
    /// A CBS wijk code: `WK` + 6 digits.
    WijkCode, "WK", 6, "wijkcode", "WK036300"
);
cbs_code!(
    /// A CBS buurt code: `BU` + 8 digits.
    BuurtCode, "BU", 8, "buurtcode", "BU03630000"
);

/// A house number as BAG splits it: number, letter, addition.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HouseNumber {
    /// 1 to 99999.
    pub number: u32,
    /// One letter A–Z (stored in upper case), if any.
    pub letter: Option<char>,
    /// Up to four letters or digits, if any.
    pub addition: Option<String>,
}

impl HouseNumber {
    /// Parses the three parts as they come in three columns.
    pub fn parse(number: &str, letter: &str, addition: &str) -> Result<Self, IdError> {
        let number = number.trim();
        if !digits_only(number) {
            return Err(IdError::HouseNumber(HouseNumberError::NotInteger));
        }
        let number: u32 = number.parse().map_err(|_| IdError::HouseNumber(HouseNumberError::TooLarge))?;
        if !(1..=99_999).contains(&number) {
            return Err(IdError::HouseNumber(HouseNumberError::OutOfRange));
        }
        let letter = match letter.trim() {
            "" => None,
            one if one.chars().count() == 1 && one.chars().all(|c| c.is_ascii_alphabetic()) => {
                one.chars().next().map(|c| c.to_ascii_uppercase())
            }
            _ => return Err(IdError::HouseNumber(HouseNumberError::Letter)),
        };
        let addition = match addition.trim() {
            "" => None,
            text if text.len() <= 4 && text.chars().all(|c| c.is_ascii_alphanumeric()) => {
                Some(text.to_ascii_uppercase())
            }
            _ => return Err(IdError::HouseNumber(HouseNumberError::Addition)),
        };
        Ok(Self { number, letter, addition })
    }
}

impl fmt::Display for HouseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(letter) = self.letter {
            write!(f, "{letter}")?;
        }
        if let Some(addition) = &self.addition {
            write!(f, "-{addition}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_ids_keep_leading_zeros_and_check_type() {
        let vbo = BagId::verblijfsobject("0363010000543212").expect("valid");
        assert_eq!((vbo.as_str(), vbo.gemeente_digits()), ("0363010000543212", "0363"));
        assert!(BagId::pand(" 0599100000012345 ").is_ok());
        assert_eq!(
            BagId::verblijfsobject("0599100000012345"),
            Err(IdError::WrongObjectType { expected: "01", found: "10".into() })
        );
        assert_eq!(BagId::verblijfsobject("363010000543212"), Err(IdError::LeadingZeroLost));
        assert_eq!(BagId::verblijfsobject("03630100005432"), Err(IdError::Length { expected: 16, found: 14 }));
        assert_eq!(BagId::verblijfsobject("0363O10000543212"), Err(IdError::NotDigits));
        assert_eq!(BagId::verblijfsobject("3.63010000543212E+14"), Err(IdError::NotDigits));
    }

    #[test]
    fn postcodes_are_normalised() {
        for input in ["3011 AB", "3011ab", " 3011 ab ", "3011AB"] {
            assert_eq!(Postcode::parse(input).map(|p| p.0), Ok("3011AB".into()), "{input}");
        }
        for bad in ["0311AB", "3011A", "301AB", "3011 A1", "", "AB3011"] {
            assert_eq!(Postcode::parse(bad), Err(IdError::Postcode), "{bad}");
        }
    }

    #[test]
    fn cbs_codes_accept_prefix_or_digits() {
        assert_eq!(GemeenteCode::parse("gm0363").map(|c| c.0), Ok("GM0363".into()));
        assert_eq!(GemeenteCode::parse("0363").map(|c| c.0), Ok("GM0363".into()));
        assert!(GemeenteCode::parse("363").is_err(), "no guessing of dropped zeros");
        assert_eq!(WijkCode::parse("WK036301").map(|c| c.0), Ok("WK036301".into()));
        assert_eq!(BuurtCode::parse("03630101").map(|c| c.0), Ok("BU03630101".into()));
        assert_eq!(BuurtCode::parse("BU036301"), Err(IdError::CbsCode { kind: "buurtcode", example: "BU03630000" }));
    }

    #[test]
    fn house_numbers_split_as_bag_does() {
        let n = HouseNumber::parse("12", "a", "bis").expect("valid");
        assert_eq!(n.to_string(), "12A-BIS");
        assert_eq!(HouseNumber::parse(" 7 ", "", "").map(|n| n.to_string()), Ok("7".into()));
        assert!(HouseNumber::parse("0", "", "").is_err());
        assert!(HouseNumber::parse("12a", "", "").is_err());
        assert!(HouseNumber::parse("12", "ab", "").is_err());
        assert!(HouseNumber::parse("12", "", "12345").is_err());
        assert!(HouseNumber::parse("100000", "", "").is_err());
    }
}
