//! Organisations: the parties that meet in Volkshuis.

use crate::text::TextError;
use std::fmt;

/// The kind of an organisation; it decides which modules it works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrgKind {
    /// A woningcorporatie (toegelaten instelling).
    Corporation,
    /// A huurdersorganisatie (or koepel) speaking for the tenants of a landlord.
    TenantOrganisation,
    /// A gemeente.
    Municipality,
    /// A supplier (contractor) that reports social return.
    Supplier,
    /// A partner such as a wijkteam, schuldhulpverlening or koopcoach.
    Partner,
}

impl OrgKind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [OrgKind; 5] =
        [OrgKind::Corporation, OrgKind::TenantOrganisation, OrgKind::Municipality, OrgKind::Supplier, OrgKind::Partner];

    /// The stable code stored in the database and used in forms and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Corporation => "corporation",
            OrgKind::TenantOrganisation => "tenant_organisation",
            OrgKind::Municipality => "municipality",
            OrgKind::Supplier => "supplier",
            OrgKind::Partner => "partner",
        }
    }

    /// Parses a stable code (see [`OrgKind::code`]).
    pub fn parse(code: &str) -> Result<Self, TextError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(TextError::Required);
        }
        Self::ALL.into_iter().find(|k| k.code() == code).ok_or(TextError::Format)
    }
}

impl fmt::Display for OrgKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A short, unique, URL-safe organisation code such as `woonstad` or `gm0363`: 2–40 characters of a–z, 0–9 and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgCode(String);

impl OrgCode {
    /// Parses user input; upper case is folded to lower case.
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let code = input.trim().to_ascii_lowercase();
        if code.is_empty() {
            return Err(TextError::Required);
        }
        if code.len() < 2 {
            return Err(TextError::TooShort { min: 2 });
        }
        if code.len() > 40 {
            return Err(TextError::TooLong { max: 40 });
        }
        let shape_ok = code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !code.starts_with('-')
            && !code.ends_with('-');
        if !shape_ok {
            return Err(TextError::Format);
        }
        Ok(Self(code))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CBS gemeente code such as `GM0150`: `GM` and four digits. A municipality organisation carries one or more,
/// each with the year of the boundary set it was taken from (municipalities merge, and codes go with them).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GemeenteCode(String);

impl GemeenteCode {
    /// Parses user input: surrounding space is dropped and `gm` is folded to `GM`.
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let code = input.trim();
        if code.is_empty() {
            return Err(TextError::Required);
        }
        let (prefix, digits) = code.split_at_checked(2).ok_or(TextError::Format)?;
        if !prefix.eq_ignore_ascii_case("GM") || digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TextError::Format);
        }
        Ok(Self(format!("GM{digits}")))
    }

    /// Parses a list separated by commas, semicolons or white space; the same code twice counts once, and the
    /// result is sorted. An empty list is allowed (it clears the codes). The error names the first wrong entry.
    pub fn parse_list(input: &str) -> Result<Vec<Self>, (String, TextError)> {
        let mut codes = Vec::new();
        for part in input.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|p| !p.is_empty()) {
            codes.push(Self::parse(part).map_err(|e| (part.to_owned(), e))?);
        }
        codes.sort();
        codes.dedup();
        Ok(codes)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GemeenteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The first and last plausible year of a CBS boundary set (the codes have been published since 1830; the platform
/// only needs recent sets, and a typo such as 20233 should not pass).
pub const BOUNDARY_YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_round_trip() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.code()), Ok(kind));
        }
        assert_eq!(OrgKind::parse("bank"), Err(TextError::Format));
        assert_eq!(OrgKind::parse(""), Err(TextError::Required));
    }

    #[test]
    fn org_codes_are_lower_case_slugs() {
        assert_eq!(OrgCode::parse(" WoonStad ").map(|c| c.0), Ok("woonstad".into()));
        assert_eq!(OrgCode::parse("gm-0363").map(|c| c.0), Ok("gm-0363".into()));
        assert_eq!(OrgCode::parse("a"), Err(TextError::TooShort { min: 2 }));
        assert_eq!(OrgCode::parse("woon stad"), Err(TextError::Format));
        assert_eq!(OrgCode::parse("-woon"), Err(TextError::Format));
        assert_eq!(OrgCode::parse(&"a".repeat(41)), Err(TextError::TooLong { max: 40 }));
    }

    #[test]
    fn gemeente_codes_are_gm_and_four_digits() {
        assert_eq!(GemeenteCode::parse(" gm0150 ").map(|c| c.0), Ok("GM0150".into()));
        assert_eq!(GemeenteCode::parse("GM1773").map(|c| c.0), Ok("GM1773".into()));
        assert_eq!(GemeenteCode::parse(""), Err(TextError::Required));
        for wrong in ["0150", "GM150", "GM01500", "GX0150", "GM01a0", "BU01500000", "GM", "G", "GM０150"] {
            assert_eq!(GemeenteCode::parse(wrong), Err(TextError::Format), "{wrong}");
        }
    }

    #[test]
    fn gemeente_code_lists_are_sorted_without_doubles_and_name_the_wrong_entry() {
        let codes = GemeenteCode::parse_list("GM0301, gm0150;GM0150\nGM1773").expect("well-formed codes");
        let texts: Vec<&str> = codes.iter().map(GemeenteCode::as_str).collect();
        assert_eq!(texts, ["GM0150", "GM0301", "GM1773"]);
        assert_eq!(GemeenteCode::parse_list(" , "), Ok(Vec::new()));
        assert_eq!(GemeenteCode::parse_list("GM0150,Deventer"), Err(("Deventer".to_owned(), TextError::Format)));
    }
}
