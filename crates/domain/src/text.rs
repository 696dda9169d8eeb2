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
    /// The value holds an invisible control character (a line break in a one-line field, a character pasted from
    /// another program): told as such, since the user cannot see what is wrong.
    #[error("contains a control character")]
    ControlCharacter,
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
            return Err(TextError::ControlCharacter);
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

/// Free text of several lines (an explanation, an advice, a comment): trimmed, line ends kept, at most
/// [`LongText::MAX`] characters, no control characters other than new lines and tabs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LongText(String);

impl LongText {
    /// The longest text accepted (about twenty pages).
    pub const MAX: usize = 50_000;

    /// Parses user input; an empty text is [`TextError::Required`] (use `Option` for optional fields).
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let trimmed = input.trim().replace("\r\n", "\n");
        if trimmed.is_empty() {
            return Err(TextError::Required);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        if trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(TextError::ControlCharacter);
        }
        Ok(Self(trimmed))
    }

    /// Parses an optional field: nothing entered is `None`, anything else must be valid.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, TextError> {
        if input.trim().is_empty() {
            return Ok(None);
        }
        Self::parse(input).map(Some)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
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
        assert_eq!(Name::parse("a\u{7}b"), Err(TextError::ControlCharacter));
    }

    #[test]
    fn long_text_keeps_lines_and_refuses_control_characters() {
        assert_eq!(LongText::parse(" a\r\nb ").map(|t| t.0), Ok("a\nb".into()));
        assert_eq!(LongText::parse("  "), Err(TextError::Required));
        assert_eq!(LongText::parse_optional(" "), Ok(None));
        assert_eq!(LongText::parse("a\u{0}b"), Err(TextError::ControlCharacter));
        assert_eq!(LongText::parse(&"x".repeat(50_001)), Err(TextError::TooLong { max: 50_000 }));
    }
}
