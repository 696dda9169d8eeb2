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

/// Whether a character shows nothing on its own: white space, and the format characters a paste can bring along
/// (soft hyphen, zero-width space and joiners, word joiner, byte-order mark, direction marks). A text of only these
/// looked filled in and showed as an empty link.
pub fn shows_nothing(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
        || turns_text_around(c)
}

/// Whether a character overrides or isolates the direction of the text after it (U+202A–U+202E, U+2066–U+2069):
/// pasted into a name it shows "gnp.exe" for "exe.png" on every page, in every e-mail and export that shows it.
/// Right-to-left text itself (Arabic, Hebrew) needs none of them.
pub fn turns_text_around(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether a text reads as a phone number as people write one: 6 to 16 digits (E.164's 15 and the "(0)" written
/// after a country code), grouped by spaces, dashes, dots, slashes or brackets, with a leading `+` for a country code
/// ("06-12345678", "+31 (0)570 123 456"). Letters are refused: "abc" or "bel via secretaris" is no number a coach
/// can call.
pub fn is_phone_number(input: &str) -> bool {
    let text = input.trim();
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (6..=16).contains(&digits)
        && text.chars().count() <= 40
        // A number pasted from a signature or a letter brings a no-break space or an en dash along.
        && body.chars().all(|c| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2013}' | '.' | '/' | '(' | ')')
        })
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
        if trimmed.chars().all(shows_nothing) {
            return Err(TextError::Required);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        if trimmed.chars().any(|c| c.is_control() || turns_text_around(c)) {
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
        if trimmed.chars().all(shows_nothing) {
            return Err(TextError::Required);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        if trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\t' || turns_text_around(c)) {
            return Err(TextError::ControlCharacter);
        }
        Ok(Self(trimmed))
    }

    /// Parses an optional field: nothing entered is `None`, anything else must be valid.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, TextError> {
        if input.chars().all(shows_nothing) {
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
    fn phone_numbers_as_people_write_them() {
        for number in [
            "0570-123456",
            "06 12 34 56 78",
            "+31 (0)570 123 456",
            "+31612345678",
            "0570/123.456",
            "0570\u{a0}123\u{2013}456",
        ] {
            assert!(is_phone_number(number), "{number}");
        }
        for not in ["abc", "bel de secretaris", "12345", "06-1234567a", "++31612345678", "0612345678901234567", ""] {
            assert!(!is_phone_number(not), "{not}");
        }
    }

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
        // Only invisible characters is nothing; a direction override is refused; Arabic with a direction mark passes.
        assert_eq!(Name::parse("\u{200b}\u{2060}\u{feff}"), Err(TextError::Required));
        assert_eq!(Name::parse(" \u{202e} "), Err(TextError::Required));
        assert_eq!(Name::parse("Contract \u{202e}gnp.exe"), Err(TextError::ControlCharacter));
        assert_eq!(Name::parse("Contract \u{2067}x\u{2069}"), Err(TextError::ControlCharacter));
        assert_eq!(Name::parse("حي الأمل\u{200f} 2").map(|n| n.0), Ok("حي الأمل\u{200f} 2".into()));
    }

    #[test]
    fn long_text_keeps_lines_and_refuses_control_characters() {
        assert_eq!(LongText::parse(" a\r\nb ").map(|t| t.0), Ok("a\nb".into()));
        assert_eq!(LongText::parse("  "), Err(TextError::Required));
        assert_eq!(LongText::parse_optional(" "), Ok(None));
        assert_eq!(LongText::parse("a\u{0}b"), Err(TextError::ControlCharacter));
        assert_eq!(LongText::parse("exe.png \u{202e}gnp"), Err(TextError::ControlCharacter));
        assert_eq!(LongText::parse("\u{200b}\u{2060}\n\u{feff}"), Err(TextError::Required));
        assert_eq!(LongText::parse_optional("\u{200b} \u{ad}"), Ok(None));
        assert_eq!(LongText::parse(&"x".repeat(50_001)), Err(TextError::TooLong { max: 50_000 }));
    }
}
