//! Registering and editing a VvE: every field of the register, read at the edge. The complex is named by its code
//! and must be one of the corporation's own (an unknown code, or another corporation's, is a field error and nothing
//! is saved); the KvK number has 8 digits; the corporation's votes are at most all votes; amounts in euros; the
//! maintenance plan's day, horizon and reservation come together or not at all, as do the day a conflict of interest
//! was disclosed and what the corporation abstains from. A form with an error comes back (422) with what was typed.

use super::super::{corporation_write, parse_day, subnav, view_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, field, FieldErrors};
use crate::handlers::pickers::stock_picker;
use crate::i18n::{NazorgTexts, Texts, VveTexts};
use crate::picker::Picker;
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use time::Date;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::money::Money;
use volkshuis_domain::nazorg::vve::{conflict_of_interest, is_kvk_number, Mjop};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::map::own_complex;
use volkshuis_store::nazorg::vves::{self, Vve, VveInput};
use volkshuis_store::overleg::date_to_text;
use volkshuis_store::stock::StockRef;

const NAME_MAX: usize = 120;
const MINUTES_MAX: usize = 4000;
const ABSTENTIONS_MAX: usize = 2000;

#[derive(Template)]
#[template(path = "nazorg/vve_form.html")]
struct FormPage {
    page: Page,
    nz: &'static NazorgTexts,
    vt: &'static VveTexts,
    nav: Vec<(String, &'static str)>,
    trail: Vec<(String, String)>,
    title: String,
    action: String,
    cancel: String,
    complex: Picker,
    /// Whether the figures as typed make a conflict of interest (the disclosure fields are then asked for).
    conflict: bool,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl FormPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The form of a VvE (`id`) or of a new one, with `fields` as typed and their `errors`.
async fn form_page(
    state: &AppState,
    auth: &Auth,
    (org, scope): (i64, &WriteScope),
    id: Option<(i64, &str)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<FormPage, AppError> {
    let lang = auth.ctx.lang;
    let (nz, vt) = (NazorgTexts::of(lang), VveTexts::of(lang));
    let name = auth.memberships.iter().find(|(o, _)| o.id == org).map(|(o, _)| o.name.clone()).unwrap_or_default();
    let picker = Picker::new(lang, "complex", vt.field_complex).error(errors.get("complex"));
    let typed = field(&fields, "complex").to_owned();
    let complex =
        stock_picker(state, scope.as_read(), picker, StockRef::Complex, &[(org, name)], Some(org), &typed).await?;
    let base = format!("/orgs/{org}/nazorg/vves");
    let mut trail =
        vec![(format!("/orgs/{org}/nazorg"), nz.title.to_owned()), (base.clone(), vt.vves_title.to_owned())];
    let (title, action, cancel) = match id {
        Some((id, vve_name)) => {
            trail.push((format!("{base}/{id}"), vve_name.to_owned()));
            (vt.vve_edit_title(vve_name), format!("{base}/{id}/bewerken"), format!("{base}/{id}"))
        }
        None => (vt.vve_new_title.to_owned(), format!("{base}/nieuw"), base.clone()),
    };
    let votes = |name: &str| field(&fields, name).parse::<u32>().unwrap_or(0);
    let conflict = conflict_of_interest(votes("votes_corporation"), votes("votes_total"), checkbox_on(&fields))
        || !field(&fields, "conflict_disclosed_on").is_empty()
        || !field(&fields, "conflict_abstentions").is_empty();
    Ok(FormPage {
        page: Page::for_user(auth),
        nz,
        vt,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        trail,
        title,
        action,
        cancel,
        complex,
        conflict,
        fields,
        errors,
    })
}

fn checkbox_on(fields: &HashMap<String, String>) -> bool {
    checkbox(&fields.get("is_manager").cloned())
}

/// The fingerprint of what the form shows of `vve` ([`crate::forms::fingerprint`]).
fn seen(vve: &Vve) -> String {
    let fields = fields_of(vve);
    crate::forms::fingerprint(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// A registered VvE's fields as the form shows them.
fn fields_of(vve: &Vve) -> HashMap<String, String> {
    let input = &vve.input;
    let euros = |cents: Option<i64>| cents.map(|c| Money::from_cents(c).to_string()).unwrap_or_default();
    let day = |day: Option<Date>| day.map(date_to_text).unwrap_or_default();
    let mjop = input.mjop.as_ref();
    let mut fields: HashMap<String, String> = [
        ("name", input.name.clone()),
        ("complex", vve.cluster.as_ref().map(|(_, code, _)| code.clone()).unwrap_or_default()),
        ("kvk", input.kvk.clone().unwrap_or_default()),
        ("votes_corporation", input.votes_corporation.to_string()),
        ("votes_total", input.votes_total.to_string()),
        ("rebuild_value", euros(input.rebuild_value_cents)),
        ("yearly_reserve", euros(input.yearly_reserve_cents)),
        ("mjop_adopted_on", day(mjop.map(|m| m.adopted_on))),
        ("mjop_horizon_years", mjop.map(|m| m.horizon_years.to_string()).unwrap_or_default()),
        ("mjop_yearly", euros(mjop.map(|m| m.yearly_reservation_cents))),
        ("last_meeting_on", day(input.last_meeting_on)),
        ("minutes", input.minutes.clone().unwrap_or_default()),
        ("conflict_disclosed_on", day(input.conflict_disclosed_on)),
        ("conflict_abstentions", input.conflict_abstentions.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    if input.is_manager {
        fields.insert("is_manager".to_owned(), "on".to_owned());
    }
    fields
}

/// An optional day, not after `today`: `Ok(None)` when empty.
fn day(text: &str, today: Date) -> Result<Option<Date>, ()> {
    match text {
        "" => Ok(None),
        t => parse_day(t).filter(|d| *d <= today).map(Some).ok_or(()),
    }
}

/// An optional text of at most `max` characters: `Ok(None)` when empty.
fn text(value: &str, max: usize) -> Result<Option<String>, ()> {
    match value {
        "" => Ok(None),
        t if t.chars().count() <= max => Ok(Some(t.to_owned())),
        _ => Err(()),
    }
}

/// The form read into a VvE's fields (without its complex, which the store knows), or the errors per field.
fn parse((t, vt): (&Texts, &VveTexts), fields: &HashMap<String, String>, today: Date) -> (VveInput, FieldErrors) {
    let f = |name: &str| field(fields, name);
    let mut errors = FieldErrors::default();
    let mut input = VveInput { name: f("name").to_owned(), is_manager: checkbox_on(fields), ..VveInput::default() };
    if input.name.is_empty() || input.name.chars().count() > NAME_MAX {
        errors.add("name", vt.err_name);
    }
    match f("kvk") {
        "" => {}
        kvk if is_kvk_number(kvk) => input.kvk = Some(kvk.to_owned()),
        _ => errors.add("kvk", vt.err_kvk),
    }
    match f("votes_corporation").parse::<u32>() {
        Ok(n) => input.votes_corporation = n,
        Err(_) => errors.add("votes_corporation", vt.err_votes),
    }
    match f("votes_total").parse::<u32>().ok().filter(|n| *n >= 1) {
        Some(n) => input.votes_total = n,
        None => errors.add("votes_total", vt.err_votes_total),
    }
    if errors.get("votes_corporation").is_none()
        && errors.get("votes_total").is_none()
        && input.votes_corporation > input.votes_total
    {
        errors.add("votes_corporation", vt.err_votes_more);
    }
    for (name, slot) in
        [("rebuild_value", &mut input.rebuild_value_cents), ("yearly_reserve", &mut input.yearly_reserve_cents)]
    {
        match crate::forms::optional_amount(t, f(name), vt.err_amount) {
            Ok(value) => *slot = value,
            Err(message) => errors.add(name, message),
        }
    }
    // The plan: its three facts together or none of them, each also checked on its own.
    let adopted = day(f("mjop_adopted_on"), today).map_err(|()| errors.add("mjop_adopted_on", vt.err_date));
    let horizon = match f("mjop_horizon_years") {
        "" => Ok(None),
        t => t.parse::<u32>().ok().filter(|n| (1..=100).contains(n)).map(Some).ok_or(()),
    }
    .map_err(|()| errors.add("mjop_horizon_years", vt.err_horizon));
    // A plan that reserves nothing would make the legal minimum zero: its yearly reservation is above zero.
    let yearly = crate::forms::optional_amount(t, f("mjop_yearly"), vt.err_amount)
        .and_then(|c| if c == Some(0) { Err(vt.err_amount) } else { Ok(c) })
        .map_err(|message| errors.add("mjop_yearly", message));
    if let (Ok(adopted), Ok(horizon), Ok(yearly)) = (adopted, horizon, yearly) {
        match (adopted, horizon, yearly) {
            (Some(adopted_on), Some(horizon_years), Some(yearly_reservation_cents)) => {
                input.mjop = Some(Mjop { adopted_on, horizon_years, yearly_reservation_cents });
            }
            (None, None, None) => {}
            (adopted, horizon, _) => {
                // The error goes to the first field left empty.
                let empty = match (adopted, horizon) {
                    (None, _) => "mjop_adopted_on",
                    (_, None) => "mjop_horizon_years",
                    _ => "mjop_yearly",
                };
                errors.add(empty, vt.err_mjop_together);
            }
        }
    }
    match day(f("last_meeting_on"), today) {
        Ok(value) => input.last_meeting_on = value,
        Err(()) => errors.add("last_meeting_on", vt.err_date),
    }
    match text(f("minutes"), MINUTES_MAX) {
        Ok(value) => input.minutes = value,
        Err(()) => errors.add("minutes", vt.err_text_long(MINUTES_MAX)),
    }
    match day(f("conflict_disclosed_on"), today) {
        Ok(value) => input.conflict_disclosed_on = value,
        Err(()) => errors.add("conflict_disclosed_on", vt.err_date),
    }
    match text(f("conflict_abstentions"), ABSTENTIONS_MAX) {
        Ok(value) => input.conflict_abstentions = value,
        Err(()) => errors.add("conflict_abstentions", vt.err_text_long(ABSTENTIONS_MAX)),
    }
    match (input.conflict_disclosed_on.is_some(), input.conflict_abstentions.is_some()) {
        (true, false) if errors.get("conflict_abstentions").is_none() => {
            errors.add("conflict_abstentions", vt.err_conflict_together);
        }
        (false, true) if errors.get("conflict_disclosed_on").is_none() => {
            errors.add("conflict_disclosed_on", vt.err_conflict_together);
        }
        _ => {}
    }
    (input, errors)
}

/// Reads the form and its complex (one of the corporation's own, by code); the errors per field when it is wrong.
async fn read(
    state: &AppState,
    auth: &Auth,
    scope: &WriteScope,
    fields: &HashMap<String, String>,
) -> Result<Result<VveInput, FieldErrors>, AppError> {
    let vt = VveTexts::of(auth.ctx.lang);
    let (mut input, mut errors) = parse((auth.ctx.t(), vt), fields, dutch_date(state.clock.now()));
    let code = field(fields, "complex");
    if !code.is_empty() {
        match own_complex(&state.db, scope.as_read(), code).await? {
            Some(id) => input.cluster_id = Some(id),
            None => errors.add("complex", vt.err_complex_unknown(code)),
        }
    }
    Ok(if errors.is_empty() { Ok(input) } else { Err(errors) })
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    ok(&form_page(&state, &auth, (org, &scope), None, HashMap::new(), FieldErrors::default()).await?)
}

pub(super) async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let input = match read(&state, &auth, &scope, &fields).await? {
        Ok(input) => input,
        Err(errors) => {
            let page = form_page(&state, &auth, (org, &scope), None, fields, errors).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match vves::save_vve(&state.db, &scope, &auth.actor(&state), None, &input).await? {
        Some(id) => Ok(Redirect::to(&format!("/orgs/{org}/nazorg/vves/{id}?notice=saved")).into_response()),
        // The complex was checked a moment ago; gone since (a re-import), it is the same field error.
        None => complex_gone(&state, &auth, (org, &scope), None, fields).await,
    }
}

/// The corporation's VvE `id` for its form; any other id is a 404.
async fn own_vve(state: &AppState, auth: &Auth, org: i64, id: i64) -> Result<(WriteScope, Vve), AppError> {
    let (read, _) = view_scope(state, auth, org, OrgKind::Corporation).await?;
    let vve = vves::vve(&state.db, &read, id).await?.ok_or(AppError::NotFound)?;
    Ok((corporation_write(state, auth, org).await?, vve))
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, vve) = own_vve(&state, &auth, org, id).await?;
    let mut fields = fields_of(&vve);
    fields.insert("seen".to_owned(), seen(&vve));
    let page =
        form_page(&state, &auth, (org, &scope), Some((id, &vve.input.name)), fields, FieldErrors::default()).await?;
    ok(&page)
}

pub(super) async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(mut fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, vve) = own_vve(&state, &auth, org, id).await?;
    let named = Some((id, vve.input.name.as_str()));
    // Changed by someone else since this form was opened (the minutes of the one were lost to the other's save):
    // the form comes back as typed, told, with what the VvE holds now as `seen`, so a second save is knowing.
    let now = seen(&vve);
    if fields.get("seen").is_some_and(|s| *s != now) {
        let mut errors = FieldErrors::default();
        errors.add("seen", VveTexts::of(auth.ctx.lang).err_changed_meanwhile);
        fields.insert("seen".to_owned(), now);
        let page = form_page(&state, &auth, (org, &scope), named, fields, errors).await?;
        return render(StatusCode::CONFLICT, &page);
    }
    let input = match read(&state, &auth, &scope, &fields).await? {
        Ok(input) => input,
        Err(errors) => {
            let page = form_page(&state, &auth, (org, &scope), named, fields, errors).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match vves::save_vve(&state.db, &scope, &auth.actor(&state), Some(id), &input).await? {
        Some(_) => Ok(Redirect::to(&format!("/orgs/{org}/nazorg/vves/{id}?notice=saved")).into_response()),
        None => complex_gone(&state, &auth, (org, &scope), named, fields).await,
    }
}

/// The store refused the complex (no longer the corporation's): the form again with that field's error.
async fn complex_gone(
    state: &AppState,
    auth: &Auth,
    org: (i64, &WriteScope),
    id: Option<(i64, &str)>,
    fields: HashMap<String, String>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    errors.add("complex", VveTexts::of(auth.ctx.lang).err_complex_unknown(field(&fields, "complex")));
    let page = form_page(state, auth, org, id, fields, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    const TODAY: Date = date!(2026 - 11 - 25);

    #[test]
    fn a_complete_form_reads_into_the_register() {
        let vt = VveTexts::of(crate::i18n::Lang::Nl);
        let fields = form(&[
            ("name", "VvE De Ark"),
            ("kvk", "01234567"),
            ("votes_corporation", "12"),
            ("votes_total", "20"),
            ("is_manager", "on"),
            ("rebuild_value", "3.000.000,00"),
            ("yearly_reserve", "1200"),
            ("mjop_adopted_on", "1-3-2024"),
            ("mjop_horizon_years", "10"),
            ("mjop_yearly", "€ 14.000,00"),
            ("conflict_disclosed_on", "2026-05-01"),
            ("conflict_abstentions", "Benoeming van de beheerder"),
        ]);
        let (input, errors) = parse((crate::i18n::Lang::Nl.texts(), vt), &fields, TODAY);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(input.kvk.as_deref(), Some("01234567"));
        assert_eq!(input.rebuild_value_cents, Some(300_000_000));
        assert_eq!(input.yearly_reserve_cents, Some(120_000));
        assert_eq!(
            input.mjop,
            Some(Mjop { adopted_on: date!(2024 - 03 - 01), horizon_years: 10, yearly_reservation_cents: 1_400_000 })
        );
        assert!(input.is_manager);
    }

    #[test]
    fn each_wrong_field_has_its_own_message() {
        let vt = VveTexts::of(crate::i18n::Lang::Nl);
        let fields = form(&[
            ("name", ""),
            ("kvk", "1234 567"),
            ("votes_corporation", "21"),
            ("votes_total", "20"),
            ("yearly_reserve", "-5"),
            ("mjop_horizon_years", "10"),
            ("last_meeting_on", "2027-01-01"),
            ("conflict_abstentions", "Alles"),
        ]);
        let (_, errors) = parse((crate::i18n::Lang::Nl.texts(), vt), &fields, TODAY);
        assert_eq!(errors.get("name"), Some(vt.err_name));
        assert_eq!(errors.get("kvk"), Some(vt.err_kvk));
        assert_eq!(errors.get("votes_corporation"), Some(vt.err_votes_more));
        assert_eq!(errors.get("yearly_reserve"), Some(vt.err_amount));
        assert_eq!(errors.get("mjop_adopted_on"), Some(vt.err_mjop_together));
        assert_eq!(errors.get("last_meeting_on"), Some(vt.err_date));
        assert_eq!(errors.get("conflict_disclosed_on"), Some(vt.err_conflict_together));
        assert_eq!(errors.get("votes_total"), None);
    }
}
