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
}
