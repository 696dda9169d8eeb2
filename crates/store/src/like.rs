//! `LIKE` with a visitor's text taken literally: `%` and `_` are wildcards to the engines, so a search for
//! "50%_korting" found "50 jaar korting" (issue 17 §3). Every `LIKE` on typed text takes its pattern from
//! [`contains`] and is written `LIKE ? ESCAPE '\'`; both engines read that alike (SQLite has no default escape
//! character, PostgreSQL's is the backslash).

/// `LOWER(column)` folding ASCII letters only on both engines: SQLite's `LOWER` never folds more, PostgreSQL's does
/// under a column's language-aware collation ("É" → "é"), so it is asked for the byte-order one. With the typed text
/// folded by [`fold`], a search finds the same rows on either engine (a name typed "Één" found it on SQLite and
/// not on PostgreSQL, where the stored text was folded and the typed one was not).
pub(crate) fn lower(backend: crate::Backend, column: &str) -> String {
    match backend {
        crate::Backend::Sqlite => format!("LOWER({column})"),
        crate::Backend::Postgres => format!("LOWER({column} COLLATE \"C\")"),
    }
}

/// Typed text folded as [`lower`] folds a column: ASCII letters only.
pub(crate) fn fold(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// A pattern that matches texts containing `text` literally.
pub(crate) fn contains(text: &str) -> String {
    format!("%{}%", escape(text))
}

/// The patterns of texts that begin with `text` literally, and of texts with a word (after a space) that does.
pub(crate) fn word_beginnings(text: &str) -> (String, String) {
    let escaped = escape(text);
    (format!("{escaped}%"), format!("% {escaped}%"))
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
    fn typed_text_is_folded_as_the_engines_fold_a_column() {
        assert_eq!(super::fold("Één LAAN"), "Één laan");
        assert_eq!(super::lower(crate::Backend::Sqlite, "x.name"), "LOWER(x.name)");
        assert_eq!(super::lower(crate::Backend::Postgres, "x.name"), "LOWER(x.name COLLATE \"C\")");
    }

    #[test]
    fn wildcards_and_the_escape_character_are_escaped() {
        assert_eq!(super::contains("laan"), "%laan%");
        assert_eq!(super::contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(super::word_beginnings("de_l"), ("de\\_l%".to_owned(), "% de\\_l%".to_owned()));
    }
}
