//! Accounts: e-mail addresses, password policy and session lifetime (throttling: `crate::throttle`).

use crate::text::TextError;
use time::{Duration, OffsetDateTime};

/// A normalised e-mail address (trimmed, lower case). Only the shape is checked; delivery proves the rest.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// The longest address (RFC 5321's limit on a path).
    pub const MAX: usize = 254;

    /// Parses user input into an address.
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(TextError::Required);
        }
        if email.len() > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(TextError::Format);
        };
        if !is_local_part(local) || !is_domain(domain) {
            return Err(TextError::Format);
        }
        Ok(Self(email))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The part before the `@` as a mail program writes it unquoted (RFC 5322's dot-atom): letters, digits and the
/// signs it allows, in dot-separated pieces none of them empty. Quoted local parts are refused: nobody types one, and
/// `<`, `>`, `,` or a space in an address is a pasted list or a typing slip, which would otherwise become an account.
fn is_local_part(local: &str) -> bool {
    let atom = |c: char| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    local.len() <= 64 && local.split('.').all(|piece| !piece.is_empty() && piece.chars().all(atom))
}

/// A domain name of at least two labels, each of letters, digits and inner hyphens (63 characters at most), ending in
/// a top-level domain of letters.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.chars().count() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let top = labels.last().copied().unwrap_or_default();
    // An internationalised top-level domain as DNS writes it (`xn--p1ai`) is letters, digits and hyphens.
    let top_ok = top.chars().all(char::is_alphabetic) || top.strip_prefix("xn--").is_some_and(|rest| !rest.is_empty());
    labels.len() >= 2 && labels.iter().all(label_ok) && top.chars().count() >= 2 && top_ok
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password that meets the policy. Kept only until it is hashed; never logged or shown.
pub struct NewPassword(String);

impl NewPassword {
    /// The shortest password accepted. Length beats composition rules (NIST SP 800-63B).
    pub const MIN: usize = 10;
    /// The longest password accepted, so hashing cannot be used to exhaust the server.
    pub const MAX: usize = 200;

    /// Checks a proposed password against the policy.
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let length = input.chars().count();
        if length == 0 {
            return Err(TextError::Required);
        }
        if length < Self::MIN {
            return Err(TextError::TooShort { min: Self::MIN });
        }
        if length > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        Ok(Self(input.to_owned()))
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// How long a session lives: it ends after a period without use, and in any case some hours after login.
#[derive(Debug, Clone, Copy)]
pub struct SessionLifetime;

impl SessionLifetime {
    /// A session unused for this long has expired.
    pub const IDLE: Duration = Duration::hours(2);
    /// A session older than this has expired, however busy it was.
    pub const ABSOLUTE: Duration = Duration::hours(12);

    /// When a session created at `created` and last used at `last_seen` expires.
    pub fn expires_at(created: OffsetDateTime, last_seen: OffsetDateTime) -> OffsetDateTime {
        (last_seen + Self::IDLE).min(created + Self::ABSOLUTE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse(" An@Woonstad.NL ").map(|e| e.0), Ok("an@woonstad.nl".into()));
        for bad in ["an", "an@", "@woonstad.nl", "an@woonstad", "an @woonstad.nl", "an@@woonstad.nl", "an@.nl"] {
            assert_eq!(Email::parse(bad), Err(TextError::Format), "{bad}");
        }
        // A pasted list, a bracket, a dot out of place, a hyphen at a label's edge, a numeric top-level domain.
        let slips =
            ["a@b.nl<script>", "x@y.nl>", "<x@y.nl>", "a,b@x.nl", "a;b@x.nl", "a..b@x.nl", ".a@x.nl", "a.@x.nl"];
        for bad in slips.into_iter().chain(["x@-y-.nl", "x@y-.nl", "x@y.n", "x@y.123", "\"a b\"@x.nl", "a(b)@x.nl"]) {
            assert_eq!(Email::parse(bad), Err(TextError::Format), "{bad}");
        }
        // What people do have: plus and dot addressing, hyphens and digits, accented letters, long top-level domains.
        for good in [
            "an.de.vries+vh@woon-stad.nl",
            "o'brien@x.co.uk",
            "info@123wonen.amsterdam",
            "josé@café.nl",
            "a@x.xn--p1ai",
        ] {
            assert!(Email::parse(good).is_ok(), "{good}");
        }
        assert_eq!(Email::parse(""), Err(TextError::Required));
    }

    #[test]
    fn password_policy_counts_characters() {
        assert_eq!(NewPassword::parse("kort").err(), Some(TextError::TooShort { min: 10 }));
        assert!(NewPassword::parse("lang genoeg wachtwoord").is_ok());
        assert!(NewPassword::parse("ééééééééé").is_err(), "nine characters, though eighteen bytes");
        assert_eq!(NewPassword::parse("").err(), Some(TextError::Required));
        assert_eq!(format!("{:?}", NewPassword::parse("geheim wachtwoord").ok()), "Some(NewPassword(***))");
    }

    #[test]
    fn session_expires_when_idle_or_old() {
        let created = datetime!(2026-11-25 08:00 UTC);
        assert_eq!(SessionLifetime::expires_at(created, created), datetime!(2026-11-25 10:00 UTC));
        let busy = datetime!(2026-11-25 19:30 UTC);
        assert_eq!(SessionLifetime::expires_at(created, busy), datetime!(2026-11-25 20:00 UTC));
    }
}
