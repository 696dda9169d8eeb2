//! Form handling: field-level messages, kept next to the values the user typed.

use crate::i18n::Texts;
use std::collections::BTreeMap;
use volkshuis_domain::money::{Money, MoneyError};
use volkshuis_domain::text::TextError;

/// Messages per form field, in the user's language. Empty when the form is valid.
#[derive(Debug, Clone, Default)]
pub struct FieldErrors(BTreeMap<String, String>);

/// What to say of an amount a form did not accept: why, where the text was nearly an amount (a point or comma before
/// three digits, two decimal signs, more than two decimals, too large), else the form's own message ("Vul een bedrag
/// in, bijvoorbeeld …"), which also stands for an amount the form does not take (zero, negative, over its limit).
pub fn amount_error(t: &Texts, typed: &str, own: &'static str) -> &'static str {
    match Money::parse(typed) {
        Err(MoneyError::Ambiguous) => t.err_amount_ambiguous,
        Err(MoneyError::SeparatorTwice) => t.err_amount_separator_twice,
        Err(MoneyError::TooManyDecimals) => t.err_amount_decimals,
        Err(MoneyError::TooLarge) => t.err_amount_too_large,
        Err(MoneyError::NotAnAmount) | Ok(_) => own,
    }
}

/// The largest amount a form takes ([`volkshuis_domain::money::LIMIT_CENTS`]: € 1,000,000,000).
pub const MAX_AMOUNT_CENTS: i64 = volkshuis_domain::money::LIMIT_CENTS;

/// An e-mail address typed in a form, or its message: one that is not an address says what one looks like ("not a
/// valid value" told an evening volunteer nothing).
pub fn email_field(t: &Texts, errors: &mut FieldErrors, typed: &str) -> Option<volkshuis_domain::account::Email> {
    match volkshuis_domain::account::Email::parse(typed) {
        Err(volkshuis_domain::text::TextError::Format) => {
            errors.add("email", t.err_email_format);
            None
        }
        parsed => errors.check(t, "email", parsed),
    }
}

/// The role chosen on a member or user form (never offered beforehand): "Kies een rol." when none is chosen.
pub fn role_choice(t: &Texts, errors: &mut FieldErrors, typed: &str) -> Option<volkshuis_domain::access::Role> {
    if typed.trim().is_empty() {
        errors.add("role", t.err_role);
        return None;
    }
    errors.check(t, "role", volkshuis_domain::access::Role::parse(typed))
}

/// An amount typed in a form that takes amounts of at least `min_cents` (0 or 1), as cents, or the message for it:
/// why it is nearly an amount ([`amount_error`]), too large, or else the form's own message.
pub fn amount_at_least(t: &Texts, typed: &str, min_cents: i64, own: &'static str) -> Result<i64, &'static str> {
    match Money::parse(typed) {
        Ok(m) if m.cents() > MAX_AMOUNT_CENTS => Err(t.err_amount_too_large),
        Ok(m) if m.cents() >= min_cents => Ok(m.cents()),
        _ => Err(amount_error(t, typed, own)),
    }
}

/// An amount a form may leave empty (`Ok(None)`), else as [`amount_at_least`] with nothing below zero.
pub fn optional_amount(t: &Texts, typed: &str, own: &'static str) -> Result<Option<i64>, &'static str> {
    match typed.trim() {
        "" => Ok(None),
        typed => amount_at_least(t, typed, 0, own).map(Some),
    }
}

impl FieldErrors {
    /// Adds a message for a field (the first one per field wins).
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    /// The message for a field, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Whether the form is valid.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Checks a text field for presence (when `required`) and length, with a message that says which and names the
    /// limit ("Vul dit in (niet te lang)" left the user to guess how long was too long).
    pub fn bounded(&mut self, t: &Texts, field: impl Into<String>, value: &str, required: bool, max: usize) {
        if required && value.trim().is_empty() {
            self.add(field, t.err_required);
        } else if value.chars().count() > max {
            self.add(field, t.err_too_long(max));
        }
    }

    /// Takes a parse result: the value when it parsed, otherwise `None` with the message recorded.
    pub fn check<T>(&mut self, t: &Texts, field: &'static str, parsed: Result<T, TextError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, text_error(t, error));
                None
            }
        }
    }
}

/// What an edit form showed, as a short fingerprint (its fields' names and values, in any order): the form carries it
/// as `seen`, and a save whose record no longer has it was made over someone else's change since the form was opened
/// (the later of two saves silently undid the earlier). Stable across restarts (SHA-256, not the std hasher).
pub fn fingerprint<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    use sha2::{Digest, Sha256};
    let mut fields: Vec<(&str, &str)> = fields.into_iter().collect();
    fields.sort_unstable();
    let mut hash = Sha256::new();
    for (name, value) in fields {
        // Lengths first: ("ab", "c") and ("a", "bc") differ.
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((value.len() as u64).to_le_bytes());
        hash.update(value.as_bytes());
    }
    hash.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// The translated message for a parse error.
pub fn text_error(t: &Texts, error: TextError) -> String {
    match error {
        TextError::Required => t.err_required.to_owned(),
        TextError::TooLong { max } => t.err_too_long(max),
        TextError::TooShort { min } => t.err_too_short(min),
        TextError::Format => t.err_format.to_owned(),
        TextError::ControlCharacter => t.err_control_character.to_owned(),
    }
}

/// The unit a form named by idExtern or address ([`volkshuis_store::stock::unit_by_reference`]), or the message
/// for its field.
pub fn typed_unit(t: &Texts, found: volkshuis_store::stock::UnitRef) -> Result<i64, &'static str> {
    use volkshuis_store::stock::UnitRef;
    match found {
        UnitRef::One(id) => Ok(id),
        UnitRef::Unknown => Err(t.err_unit_ref),
        UnitRef::NeedsAddition => Err(t.err_unit_ref_addition),
        UnitRef::Several => Err(t.err_unit_ref_several),
    }
}

/// A form field as typed, trimmed (empty when absent): one helper for every module's forms.
pub fn field<'a>(fields: &'a std::collections::HashMap<String, String>, name: &str) -> &'a str {
    fields.get(name).map(|s| s.trim()).unwrap_or("")
}

/// A date from a date input (`2026-05-04`) or typed the Dutch way (`4-5-2026`, `04-05-2026`).
pub fn parse_date(input: &str) -> Result<time::Date, TextError> {
    use time::macros::format_description;
    let input = input.trim();
    if input.is_empty() {
        return Err(TextError::Required);
    }
    time::Date::parse(input, format_description!("[year]-[month]-[day]"))
        .or_else(|_| time::Date::parse(input, format_description!("[day padding:none]-[month padding:none]-[year]")))
        .ok()
        .filter(|date| volkshuis_domain::calendar::plausible(*date))
        .ok_or(TextError::Format)
}

/// What to say of a date a form did not accept: the form's own message ("Vul een datum in") when nothing was typed,
/// else that the day does not exist or lies outside the years taken ("31-02-2026", "0001-01-01" were answered as if
/// the field were empty).
pub fn date_error(t: &Texts, typed: &str, own: &'static str) -> &'static str {
    if typed.trim().is_empty() {
        own
    } else {
        t.err_day_unreadable
    }
}

/// An HTML checkbox: present and "on" (or "true") when ticked, absent otherwise.
pub fn checkbox(value: &Option<String>) -> bool {
    matches!(value.as_deref(), Some("on" | "true" | "1"))
}

/// A redirect target from user input (`next` after login, `back` after a language switch): only a path on this site,
/// as parsed, otherwise `fallback`.
///
/// Browsers are lenient where a check on the text is not: they drop tabs and newlines (`/\t/evil.example` becomes
/// `//evil.example`, another site), read `\` as `/`, and resolve dot segments (`/.//evil.example`). So the input is
/// refused when it has a control character or a backslash or does not start with a single `/`; it is then parsed
/// relative to this site, and the result is taken only when it is still on this site and its path does not start
/// with `//`. What is returned is the parsed URL's own path, query and fragment, so a header can always hold it.
pub fn local_path(input: &str, fallback: &str) -> String {
    local(input).unwrap_or_else(|| fallback.to_owned())
}

fn local(input: &str) -> Option<String> {
    if !input.starts_with('/') || input.starts_with("//") || input.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    let site = url::Url::parse("https://volkshuis.invalid/").ok()?;
    let parsed = site.join(input).ok()?;
    if parsed.origin() != site.origin() || parsed.path().starts_with("//") {
        return None;
    }
    let mut path = parsed.path().to_owned();
    if let Some(query) = parsed.query() {
        path.push('?');
        path.push_str(query);
    }
    if let Some(fragment) = parsed.fragment() {
        path.push('#');
        path.push_str(fragment);
    }
    Some(path)
}

/// A percentage typed in a form (`20`, `77,5`, `77.5 %`) in basis points; at most two decimals, 0–100%.
pub fn parse_percent_bp(text: &str) -> Option<u32> {
    let text = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() || whole.len() > 3 || fraction.len() > 2 {
        return None;
    }
    if !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let fraction: u32 = format!("{fraction:0<2}").parse().ok()?;
    let bp = whole * 100 + fraction;
    (bp <= 10_000).then_some(bp)
}

/// Basis points as a Dutch percentage: 7750 → `77,5%`, 2000 → `20%`.
pub fn show_percent(bp: u32) -> String {
    let (whole, fraction) = (bp / 100, bp % 100);
    match fraction {
        0 => format!("{whole}%"),
        f if f % 10 == 0 => format!("{whole},{}%", f / 10),
        f => format!("{whole},{f:02}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_changes_with_any_field_and_not_with_their_order() {
        let seen = fingerprint([("name", "De Linde"), ("size", "40")]);
        assert_eq!(seen, fingerprint([("size", "40"), ("name", "De Linde")]));
        assert_ne!(seen, fingerprint([("name", "De Linde"), ("size", "41")]));
        assert_ne!(fingerprint([("a", "bc")]), fingerprint([("ab", "c")]));
        assert_eq!(seen.len(), 24);
    }

    #[test]
    fn percentages_are_read_as_dutch_users_type_them() {
        assert_eq!(parse_percent_bp("20"), Some(2000));
        assert_eq!(parse_percent_bp("77,5"), Some(7750));
        assert_eq!(parse_percent_bp(" 62.5 % "), Some(6250));
        assert_eq!(parse_percent_bp("0,25"), Some(25));
        assert_eq!(parse_percent_bp("100"), Some(10_000));
        assert_eq!(parse_percent_bp("100,01"), None);
        assert_eq!(parse_percent_bp("7,755"), None);
        assert_eq!(parse_percent_bp("-5"), None);
        assert_eq!(parse_percent_bp(""), None);
        assert_eq!(parse_percent_bp("twintig"), None);
    }

    #[test]
    fn percentages_are_shown_without_needless_decimals() {
        assert_eq!(show_percent(2000), "20%");
        assert_eq!(show_percent(7750), "77,5%");
        assert_eq!(show_percent(25), "0,25%");
    }

    #[test]
    fn dates_come_from_date_inputs_or_typed() {
        use time::macros::date;
        assert_eq!(parse_date("2026-05-04"), Ok(date!(2026 - 05 - 04)));
        assert_eq!(parse_date(" 4-5-2026 "), Ok(date!(2026 - 05 - 04)));
        assert_eq!(parse_date("04-05-2026"), Ok(date!(2026 - 05 - 04)), "as the pages show dates");
        assert_eq!(parse_date(""), Err(TextError::Required));
        assert_eq!(parse_date("31-02-2026"), Err(TextError::Format));
        assert_eq!(parse_date("0000-01-01"), Err(TextError::Format), "a date no one here means");
        assert_eq!(parse_date("2200-01-01"), Err(TextError::Format));
    }

    #[test]
    fn only_local_paths_are_followed() {
        for (good, followed) in [
            ("/admin/users?x=1", "/admin/users?x=1"),
            ("/orgs/3/overleg/12?notice=saved#antwoord", "/orgs/3/overleg/12?notice=saved#antwoord"),
            ("/", "/"),
            ("/zoeken?q=a%20b", "/zoeken?q=a%20b"),
            ("/a/../b", "/b"),
            ("/straat met spatie", "/straat%20met%20spatie"),
            ("/%09/evil.example", "/%09/evil.example"),
        ] {
            assert_eq!(local_path(good, "/dashboard"), followed, "{good}");
        }
        for hostile in [
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/\t\t/evil.example",
            "\t//evil.example",
            "/\r\n/evil.example",
            "/dashboard\r\nSet-Cookie: x=1",
            "/\n",
            "/\u{0}",
            "/\u{7f}/evil.example",
            "/.//evil.example",
            "/..//evil.example",
            "/a/..//evil.example",
            "https://evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            " /dashboard",
            "dashboard",
            "",
        ] {
            assert_eq!(local_path(hostile, "/dashboard"), "/dashboard", "{hostile:?}");
        }
    }

    #[test]
    fn messages_name_the_limit() {
        let t = crate::i18n::Lang::En.texts();
        assert!(text_error(t, TextError::TooLong { max: 40 }).contains("40"));
        let mut errors = FieldErrors::default();
        assert_eq!(errors.check(t, "code", Err::<(), _>(TextError::Required)), None);
        assert_eq!(errors.check(t, "name", Ok::<_, TextError>(3)), Some(3));
        assert_eq!(errors.get("code"), Some(t.err_required));
        assert_eq!(errors.get("name"), None);
    }

    #[test]
    fn a_bounded_text_says_whether_it_is_missing_or_how_long_it_may_be() {
        let t = crate::i18n::Lang::Nl.texts();
        let mut errors = FieldErrors::default();
        errors.bounded(t, "empty", "  ", true, 10);
        errors.bounded(t, "optional", "", false, 10);
        errors.bounded(t, "long", "elf tekens!", false, 10);
        errors.bounded(t, "fits", "tien tekens", true, 11);
        errors.bounded(t, "accents", "ééééééééééé", true, 11);
        assert_eq!(errors.get("empty"), Some(t.err_required));
        assert_eq!(errors.get("long"), Some("Gebruik hoogstens 10 tekens."));
        for fine in ["optional", "fits", "accents"] {
            assert_eq!(errors.get(fine), None, "{fine}");
        }
    }

    #[test]
    fn an_amount_nearly_written_is_refused_for_what_it_is() {
        let t = crate::i18n::Lang::Nl.texts();
        let own = "Vul een bedrag in, bijvoorbeeld 250.000,00.";
        assert_eq!(amount_error(t, "350.000", own), t.err_amount_ambiguous);
        assert_eq!(amount_error(t, "€ 350,000", own), t.err_amount_ambiguous);
        assert_eq!(amount_error(t, "1,234,50", own), t.err_amount_separator_twice);
        assert_eq!(amount_error(t, "12,345", own), t.err_amount_ambiguous);
        assert_eq!(amount_error(t, "12,3456", own), t.err_amount_decimals);
        assert_eq!(amount_error(t, "99999999999999999999", own), t.err_amount_too_large);
        assert_eq!(amount_error(t, "veel", own), own);
        assert_eq!(amount_error(t, "", own), own);
        assert_eq!(amount_error(t, "-5", own), own, "read, but not taken by the form");
    }
}
