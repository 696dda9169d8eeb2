//! Small parsed text values shared by every context.

use thiserror::Error;

/// Why a piece of user text was refused. The web layer turns each variant into a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum TextError {
    /// Nothing was entered where a value is required.
    #[error("a value is required")]
    Required,
    /// More characters than the field allows.
    #[error("at most {max} characters")]
    TooLong {
        /// The maximum number of characters.
        max: usize,
    },
    /// Fewer characters than the field needs.
    #[error("at least {min} characters")]
    TooShort {
        /// The minimum number of characters.
        min: usize,
    },
    /// The value has the wrong shape (an e-mail address without `@`, a code with spaces, …).
    #[error("invalid format")]
    Format,
}

/// A required single-line name (of a person or organisation): trimmed, 1–200 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(String);

impl Name {
    /// The longest name accepted.
    pub const MAX: usize = 200;

    /// Parses user input into a name.
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(TextError::Required);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        if trimmed.chars().any(char::is_control) {
            return Err(TextError::Format);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_is_trimmed() {
        assert_eq!(Name::parse("  Woonstad  ").map(|n| n.0), Ok("Woonstad".into()));
    }

    #[test]
    fn empty_and_long_names_are_refused() {
        assert_eq!(Name::parse("   "), Err(TextError::Required));
        assert_eq!(Name::parse(&"x".repeat(201)), Err(TextError::TooLong { max: 200 }));
        assert!(Name::parse(&"é".repeat(200)).is_ok(), "length counts characters, not bytes");
        assert_eq!(Name::parse("a\u{7}b"), Err(TextError::Format));
    }
}
