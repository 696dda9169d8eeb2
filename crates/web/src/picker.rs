//! One picker for every reference a form takes (complexes, buurten, groups, organisations): the user chooses by
//! name, the form stores codes or ids, and the server still checks every one (ADR 0035).
//!
//! The page is complete without JavaScript: a single choice is a `<select>`, several choices a list of checkboxes,
//! and a choice among more than [`EMBED_LIMIT`] options (a corporation with thousands of complexes) a text input for
//! the codes. `static/pickers.js` turns each into a combobox that filters as the user types (WAI-ARIA combobox
//! pattern: arrows, Enter, Escape), asking the picker's search URL when the options were not embedded. Whatever the
//! page looked like, the form posts the same field: one value, or several under one name, or a text of codes
//! separated by commas; [`values`] reads all three alike.

use crate::i18n::{Lang, PickersTexts};
use askama::Template;

/// A form embeds at most this many options; beyond it the picker searches (and the page stays small).
pub const EMBED_LIMIT: i64 = 200;

/// A search answers at most this many options.
pub const SEARCH_LIMIT: i64 = 20;

/// One option: what the form stores, what the user reads, and the group it belongs to (the corporation whose
/// stock it is, when a form offers the stock of several).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Choice {
    /// The value posted (a code or an id).
    pub value: String,
    /// What the user reads ("De Linde (CPX000012)").
    pub label: String,
    /// The value of the control this option depends on (a corporation id), if any.
    #[serde(skip)]
    pub group: Option<String>,
}

impl Choice {
    /// An option without a group.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self { value: value.into(), label: label.into(), group: None }
    }

    /// The same option in a group.
    pub fn in_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// "Name (code)" when there is a name, else the code: how a code is shown beside its name everywhere.
pub fn name_and_code(lang: Lang, name: Option<&str>, code: &str) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty() && *n != code) {
        Some(name) => PickersTexts::of(lang).name_and_code(code, name),
        None => code.to_owned(),
    }
}

/// The values of a picker's field as posted: every value given under the name, each split at commas, semicolons and
/// line breaks (a text of codes), trimmed, without empties and repeats, in the order given.
pub fn values<'a>(posted: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in posted {
        for part in value.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            if !out.iter().any(|o| o == part) {
                out.push(part.to_owned());
            }
        }
    }
    out
}

/// A URL-encoded form whose fields may come several times (the ticked boxes of a picker): each repeated field reaches
/// the form type once, its values joined by commas, as a picker's text of codes would hold them. Everything else is
/// as axum's `Form`.
pub struct PickedForm<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for PickedForm<T> {
    type Rejection = crate::error::AppError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        use crate::error::AppError;
        let body =
            axum::body::Bytes::from_request(request, state).await.map_err(|rejection| match rejection.status() {
                axum::http::StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
                _ => AppError::BadRequest,
            })?;
        serde_urlencoded::from_str(&join_repeated(&body)).map(PickedForm).map_err(|_| AppError::BadRequest)
    }
}

/// A URL-encoded body with each repeated field once, its values joined by ", ", in the order of first appearance.
fn join_repeated(body: &[u8]) -> String {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (name, value) in form_urlencoded::parse(body) {
        match fields.iter_mut().find(|(n, _)| *n == name) {
            Some((_, earlier)) => {
                earlier.push_str(", ");
                earlier.push_str(&value);
            }
            None => fields.push((name.into_owned(), value.into_owned())),
        }
    }
    form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish()
}

/// An option as the template shows it.
#[derive(Debug, Clone)]
struct Shown {
    dom_id: String,
    value: String,
    label: String,
    group: String,
    chosen: bool,
}

/// A run of options under one heading (the corporation) when a form offers the stock of several.
#[derive(Debug, Clone)]
struct Section {
    heading: Option<String>,
    options: Vec<Shown>,
}

/// A picker, ready to render into a form (`{{ picker|safe }}`; it escapes what it shows itself).
#[derive(Template, Debug, Clone)]
#[template(path = "layout/picker.html")]
pub struct Picker {
    id: String,
    name: String,
    label: String,
    lang: &'static str,
    multiple: bool,
    error: Option<String>,
    /// The embedded options (none when the picker searches), and the names of their groups.
    options: Vec<Choice>,
    headings: Vec<(String, String)>,
    /// A single choice's select has an empty option ("— kies —").
    empty_label: Option<String>,
    /// Where the picker searches (when its options are not embedded), and a code to show in its hint.
    search_url: Option<String>,
    example: String,
    /// The field as posted, and the values in it.
    typed: String,
    values: Vec<String>,
    /// The values chosen now, with their labels (for a searching picker's chips).
    chosen: Vec<Choice>,
    /// The form control whose value filters the options and goes with a search (the corporation).
    depends_on: Option<(String, String)>,
    /// The page's field for the condition under which this picker shows (`area_kind=complexes`).
    show_if: Option<String>,
}

impl Picker {
    /// A picker for the field `name` (also its element id), labelled `label`, in the user's language.
    pub fn new(lang: Lang, name: &str, label: &str) -> Self {
        Self {
            id: name.to_owned(),
            name: name.to_owned(),
            label: label.to_owned(),
            lang: lang.code(),
            multiple: false,
            error: None,
            options: Vec::new(),
            headings: Vec::new(),
            empty_label: Some(PickersTexts::of(lang).picker_empty.to_owned()),
            search_url: None,
            example: String::new(),
            typed: String::new(),
            values: Vec::new(),
            chosen: Vec::new(),
            depends_on: None,
            show_if: None,
        }
    }

    /// The language it is shown in.
    pub fn lang(&self) -> Lang {
        Lang::from_code(self.lang).unwrap_or_default()
    }

    fn texts(&self) -> &'static PickersTexts {
        PickersTexts::of(self.lang())
    }

    /// Another element id (when one page has the same field in several forms).
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = id.into();
        self
    }

    /// Several values may be chosen.
    pub fn multiple(mut self) -> Self {
        self.multiple = true;
        self
    }

    /// The field's error message, if any.
    pub fn error(mut self, error: Option<&str>) -> Self {
        self.error = error.map(str::to_owned);
        self
    }

    /// Its options depend on the form control `control` (the corporation chosen), whose value filters embedded
    /// options and goes with a search as `param`.
    pub fn depends_on(mut self, control: &str, param: &str) -> Self {
        self.depends_on = Some((control.to_owned(), param.to_owned()));
        self
    }

    /// Shows only while the form's `field` has one of `values` (without JavaScript it always shows).
    pub fn show_if(mut self, field: &str, values: &[&str]) -> Self {
        self.show_if = Some(format!("{field}={}", values.join(" ")));
        self
    }

    /// Embeds `options`; `headings` names their groups when options come from several (a corporation each).
    pub fn embedded(mut self, options: Vec<Choice>, headings: Vec<(String, String)>) -> Self {
        self.options = options;
        self.headings = headings;
        self.search_url = None;
        self
    }

    /// Searches at `url` instead of embedding (without JavaScript a text input for the codes); `example` is a code
    /// for the hint, and `known` the labels of values that may be chosen now.
    pub fn searched(mut self, url: impl Into<String>, example: &str, known: Vec<Choice>) -> Self {
        self.search_url = Some(url.into());
        self.example = example.to_owned();
        self.options.clear();
        self.chosen = known;
        self
    }

    /// The field as posted (one value, or several separated by commas). A value that is not among the options
    /// (typed by hand, or gone from the stock) stays chosen, marked as not found, so the form keeps what was sent
    /// and its error can name it.
    pub fn posted(mut self, typed: &str) -> Self {
        self.typed = typed.to_owned();
        self.values = values([typed]);
        if self.search_url.is_some() {
            let known = std::mem::take(&mut self.chosen);
            self.chosen = self
                .values
                .iter()
                .map(|v| known.iter().find(|k| k.value == *v).cloned().unwrap_or_else(|| Choice::new(v, v)))
                .collect();
        }
        self
    }

    /// The hint under the label: how to type codes when the picker searches (and there is no script).
    fn hint_text(&self) -> Option<String> {
        self.search_url.as_ref()?;
        let t = self.texts();
        Some(if self.multiple { t.picker_codes_help(&self.example) } else { t.picker_code_help(&self.example) })
    }

    /// The embedded options as shown: in sections per group, with what was posted chosen, and values posted that
    /// are not among them at the end.
    fn sections(&self) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        for (n, option) in self.options.iter().enumerate() {
            let group = option.group.clone().unwrap_or_default();
            let shown = Shown {
                dom_id: format!("{}-{n}", self.id),
                chosen: self.values.contains(&option.value),
                value: option.value.clone(),
                label: option.label.clone(),
                group: group.clone(),
            };
            let heading = self.headings.iter().find(|(g, _)| *g == group).map(|(_, h)| h.clone());
            match sections.last_mut() {
                Some(last) if last.heading == heading => last.options.push(shown),
                _ => sections.push(Section { heading, options: vec![shown] }),
            }
        }
        let t = self.texts();
        let unknown: Vec<Shown> = self
            .values
            .iter()
            .filter(|v| !self.options.iter().any(|o| o.value == **v))
            .enumerate()
            .map(|(n, v)| Shown {
                dom_id: format!("{}-x{n}", self.id),
                value: v.clone(),
                label: t.picker_unknown(v),
                group: String::new(),
                chosen: true,
            })
            .collect();
        if !unknown.is_empty() {
            sections.push(Section { heading: None, options: unknown });
        }
        // Headings only for several groups: one corporation needs none.
        if sections.iter().filter(|s| s.heading.is_some()).count() < 2 {
            for s in &mut sections {
                s.heading = None;
            }
        }
        sections
    }

    /// The ids the input is described by (hint and error).
    fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint_text().is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// A date as a date input holds it (`2026-11-25`): a date typed the Dutch way comes back in that form, so the
/// browser's date picker shows it; anything else comes back as typed (and its error says what is wrong).
pub fn date_value(typed: &str) -> String {
    match crate::forms::parse_date(typed) {
        Ok(date) => date.to_string(),
        Err(_) => typed.trim().to_owned(),
    }
}

/// The hint under a date input, in the page's language (`dd-mm-jjjj`).
pub fn date_hint(lang: &str) -> &'static str {
    PickersTexts::of(Lang::from_code(lang).unwrap_or_default()).date_hint
}

/// The texts the picker script shows, for the page's language (served before the script itself).
pub fn script_texts(lang: Lang) -> serde_json::Value {
    let t = PickersTexts::of(lang);
    // A browser picks the plural form with `Intl.PluralRules`; the Fluent message gives each form's words.
    let one = t.picker_results(1).replacen('1', "{n}", 1);
    let other = t.picker_results(2).replacen('2', "{n}", 1);
    serde_json::json!({
        "searchHelp": t.picker_search_help,
        "noResults": t.picker_no_results,
        "resultsOne": one,
        "resultsOther": other,
        "more": t.picker_more(SEARCH_LIMIT),
        "failed": t.picker_search_failed,
        "chosen": t.picker_chosen,
        "added": t.picker_added("{label}"),
        "removed": t.picker_removed("{label}"),
        "remove": t.picker_remove("{label}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_from_every_field_and_every_comma() {
        assert_eq!(values(["C1", "C2"]), ["C1", "C2"]);
        assert_eq!(values(["C1, C2;C3\nC4", "C2", " "]), ["C1", "C2", "C3", "C4"]);
        assert!(values(Vec::<&str>::new()).is_empty());
    }

    #[test]
    fn repeated_fields_arrive_joined() {
        let joined = join_repeated(b"csrf=x&area=C1&name=De+Ark&area=C%202&area=");
        let fields: Vec<(String, String)> = form_urlencoded::parse(joined.as_bytes()).into_owned().collect();
        let expected = [("csrf", "x"), ("area", "C1, C 2, "), ("name", "De Ark")];
        assert_eq!(fields, expected.map(|(n, v)| (n.to_owned(), v.to_owned())));
        assert_eq!(values([fields[1].1.as_str()]), ["C1", "C 2"]);
    }

    #[test]
    fn a_code_shows_beside_its_name() {
        assert_eq!(name_and_code(Lang::Nl, Some("De Linde"), "CPX1"), "De Linde (CPX1)");
        assert_eq!(name_and_code(Lang::En, Some(" "), "CPX1"), "CPX1");
        assert_eq!(name_and_code(Lang::En, None, "CPX1"), "CPX1");
        assert_eq!(name_and_code(Lang::En, Some("CPX1"), "CPX1"), "CPX1", "no name that is only the code again");
    }

    #[test]
    fn dates_go_into_date_inputs_in_their_iso_form() {
        assert_eq!(date_value("25-11-2026"), "2026-11-25");
        assert_eq!(date_value("2026-11-25"), "2026-11-25");
        assert_eq!(date_value("5-1-2027"), "2027-01-05");
        assert_eq!(date_value(" morgen "), "morgen", "what cannot be read comes back as typed");
        assert_eq!(date_hint("nl"), "dd-mm-jjjj");
        assert_eq!(date_hint("en"), "dd-mm-yyyy");
    }

    #[test]
    fn dates_are_read_as_iso_or_day_month_year() {
        use crate::forms::parse_date;
        use time::macros::date;
        assert_eq!(parse_date("2028-02-29"), Ok(date!(2028 - 02 - 29)), "a leap day");
        assert_eq!(parse_date("29-02-2028"), Ok(date!(2028 - 02 - 29)));
        assert_eq!(parse_date("1-1-2027"), Ok(date!(2027 - 01 - 01)));
        assert_eq!(parse_date(" 31-12-2026\n"), Ok(date!(2026 - 12 - 31)));
        assert!(parse_date("29-02-2027").is_err(), "no such day");
        assert!(parse_date("2027-13-01").is_err());
        assert!(parse_date("1-1-27").is_err(), "a year has four digits");
        assert!(parse_date("morgen").is_err());
    }

    fn options() -> Vec<Choice> {
        vec![
            Choice::new("C1", "De Ark (C1)").in_group("1"),
            Choice::new("C2", "Het Anker (C2)").in_group("1"),
            Choice::new("K9", "De Kade (K9)").in_group("7"),
        ]
    }

    #[test]
    fn embedded_options_keep_what_was_posted() {
        let picker = Picker::new(Lang::Nl, "clusters", "Complexen")
            .multiple()
            .embedded(options(), vec![])
            .posted("C2, BESTAATNIET");
        let html = picker.render().expect("renders");
        assert!(html.contains(r#"type="checkbox""#), "several choices are checkboxes without JavaScript");
        assert!(html.contains(r#"value="C2" checked"#), "{html}");
        assert!(!html.contains(r#"value="C1" checked"#));
        assert!(html.contains("BESTAATNIET (niet gevonden)"), "a value posted by hand stays, marked");
        assert!(html.contains(r#"data-group="7""#), "options carry their corporation");
        let single = Picker::new(Lang::En, "cluster", "Complex").embedded(options(), vec![]).posted("K9");
        let html = single.render().expect("renders");
        assert!(html.contains("<select") && html.contains(r#"<option value="K9" data-group="7" selected>"#), "{html}");
    }

    #[test]
    fn options_of_several_corporations_come_under_their_names() {
        let headings = vec![("1".to_owned(), "Woonstad".to_owned()), ("7".to_owned(), "Kade Wonen".to_owned())];
        let html = Picker::new(Lang::Nl, "a", "A").multiple().embedded(options(), headings).render().expect("renders");
        assert!(html.contains("<legend>Woonstad</legend>") && html.contains("<legend>Kade Wonen</legend>"), "{html}");
        let one = vec![("1".to_owned(), "Woonstad".to_owned())];
        let html = Picker::new(Lang::Nl, "a", "A").multiple().embedded(options()[..2].to_vec(), one);
        assert!(!html.render().expect("renders").contains("<legend>Woonstad</legend>"), "one corporation, no heading");
    }

    #[test]
    fn a_large_stock_is_searched_not_embedded() {
        let chosen = vec![Choice::new("C1", "De Ark (C1)")];
        let picker = Picker::new(Lang::Nl, "clusters", "Complexen")
            .multiple()
            .depends_on("corporation_id", "corporatie")
            .searched("/orgs/1/kiezen/complexen", "CPX000012", chosen)
            .posted("C1, C9");
        let html = picker.render().expect("renders");
        assert!(html.contains(r#"data-picker-search="/orgs/1/kiezen/complexen""#), "{html}");
        assert!(html.contains(r#"value="C1, C9""#), "the codes as typed");
        assert!(html.contains(r#"data-value="C1">De Ark (C1)"#), "the chosen with their names");
        assert!(html.contains("gescheiden door komma") && html.contains("(bijvoorbeeld CPX000012)"), "{html}");
        assert!(html.contains(r#"data-picker-depends="corporation_id""#) && html.contains("corporatie"));
        assert!(!html.contains("checkbox"));
    }

    #[test]
    fn an_error_sits_at_the_field() {
        let picker = Picker::new(Lang::Nl, "clusters", "Complexen")
            .multiple()
            .error(Some("Deze complexcodes staan niet in uw bezit: X."))
            .embedded(options(), vec![]);
        let html = picker.render().expect("renders");
        assert!(html.contains(r#"<p class="field-error" id="clusters-error">Deze complexcodes"#), "{html}");
        assert!(html.contains(r#"aria-describedby="clusters-error""#));
    }

    #[test]
    fn the_script_texts_have_both_plural_forms() {
        for lang in [Lang::Nl, Lang::En] {
            let texts = script_texts(lang);
            for key in ["resultsOne", "resultsOther"] {
                assert!(texts[key].as_str().is_some_and(|t| t.contains("{n}")), "{lang:?} {key}: {texts}");
            }
        }
        assert_eq!(script_texts(Lang::Nl)["resultsOne"], "{n} resultaat");
        assert_eq!(script_texts(Lang::En)["resultsOther"], "{n} results");
    }
}
