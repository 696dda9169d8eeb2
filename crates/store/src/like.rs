//! `LIKE` with a visitor's text taken literally: `%` and `_` are wildcards to the engines, so a search for
//! "50%_korting" found "50 jaar korting" (issue 17 §3). Every `LIKE` on typed text takes its pattern from
//! [`contains`] and is written `LIKE ? ESCAPE '\'`; both engines read that alike (SQLite has no default escape
//! character, PostgreSQL's is the backslash).

/// A pattern that matches texts containing `text` literally.
pub(crate) fn contains(text: &str) -> String {
    format!("%{}%", escape(text))
}

/// `text` with the wildcards and the escape character escaped.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards_and_the_escape_character_are_escaped() {
        assert_eq!(super::contains("laan"), "%laan%");
        assert_eq!(super::contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
