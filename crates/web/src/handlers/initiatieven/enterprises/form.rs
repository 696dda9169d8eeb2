//! Registering and editing a social enterprise: its name, KvK number (8 digits, unique in the register: a number
//! already registered is a field error naming the enterprise that has it), what it makes or does, its region and
//! website. A form with an error comes back (422) with what was typed.

use super::registrar;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{field, FieldErrors};
use crate::i18n::OndernemingenTexts;
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use volkshuis_domain::initiatieven::enterprise::is_kvk_number;
use volkshuis_store::initiatieven::enterprises::{self, Enterprise, EnterpriseInput, Registrar};
use volkshuis_store::StoreError;

const NAME_MAX: usize = 120;
const ACTIVITY_MAX: usize = 1000;
const REGION_MAX: usize = 120;
const WEBSITE_MAX: usize = 200;

type Fields = HashMap<String, String>;

#[derive(Template)]
#[template(path = "initiatieven/enterprise_form.html")]
struct FormPage {
    page: Page,
    ot: &'static OndernemingenTexts,
    trail: Vec<(String, String)>,
    title: String,
    action: String,
    cancel: String,
    fields: Fields,
    errors: FieldErrors,
}

impl FormPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The form of enterprise `id` (with its name) or of a new one, with `fields` as typed and their `errors`.
fn form_page(auth: &Auth, id: Option<(i64, &str)>, fields: Fields, errors: FieldErrors) -> FormPage {
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let mut trail = vec![("/ondernemingen".to_owned(), ot.title.to_owned())];
    let (title, action, cancel) = match id {
        Some((id, name)) => {
            trail.push((format!("/ondernemingen/{id}"), name.to_owned()));
            (ot.edit_title(name), format!("/ondernemingen/{id}/bewerken"), format!("/ondernemingen/{id}"))
        }
        None => (ot.new_title.to_owned(), "/ondernemingen/nieuw".to_owned(), "/ondernemingen".to_owned()),
    };
    FormPage { page: Page::for_user(auth), ot, trail, title, action, cancel, fields, errors }
}

/// A registered enterprise's fields as the form shows them.
fn fields_of(enterprise: &Enterprise) -> Fields {
    let input = &enterprise.input;
    [
        ("name", input.name.clone()),
        ("kvk", input.kvk.clone()),
        ("activity", input.activity.clone()),
        ("region", input.region.clone()),
        ("website", input.website.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// A web address as stored: as typed with `http(s)://`, or `www.example.nl` given `https://`; `None` for anything
/// that is not an address (spaces, no dot, too long).
fn website(text: &str) -> Option<String> {
    let address = if text.starts_with("https://") || text.starts_with("http://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let host = address.split("://").nth(1).unwrap_or_default().split('/').next().unwrap_or_default();
    let fine = address.chars().count() <= WEBSITE_MAX
        && !address.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.');
    fine.then_some(address)
}

/// The form read into the register's fields, or the errors per field.
fn parse(ot: &OndernemingenTexts, fields: &Fields) -> Result<EnterpriseInput, FieldErrors> {
    let f = |name: &str| field(fields, name);
    let mut errors = FieldErrors::default();
    let within = |text: &str, max: usize| !text.is_empty() && text.chars().count() <= max;
    if !within(f("name"), NAME_MAX) {
        errors.add("name", ot.err_name);
    }
    if !is_kvk_number(f("kvk")) {
        errors.add("kvk", ot.err_kvk);
    }
    if !within(f("activity"), ACTIVITY_MAX) {
        errors.add("activity", ot.err_activity);
    }
    if !within(f("region"), REGION_MAX) {
        errors.add("region", ot.err_region);
    }
    let site = match f("website") {
        "" => None,
        typed => {
            let site = website(typed);
            if site.is_none() {
                errors.add("website", ot.err_website);
            }
            site
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(EnterpriseInput {
        name: f("name").to_owned(),
        kvk: f("kvk").to_owned(),
        activity: f("activity").to_owned(),
        region: f("region").to_owned(),
        website: site,
    })
}

/// Saves what was typed (`id` `None`: a new enterprise), or answers the form again with its errors: a KvK number
/// that another enterprise has is the KvK field's error, named by the database's unique constraint.
async fn save(
    state: &AppState,
    auth: &Auth,
    registrar: &Registrar,
    id: Option<(i64, &str)>,
    fields: Fields,
) -> Result<Response, AppError> {
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let input = match parse(ot, &fields) {
        Ok(input) => input,
        Err(errors) => return render(StatusCode::UNPROCESSABLE_ENTITY, &form_page(auth, id, fields, errors)),
    };
    match enterprises::save_enterprise(&state.db, registrar, &auth.actor(state), id.map(|(i, _)| i), &input).await {
        Ok(Some(saved)) => Ok(Redirect::to(&format!("/ondernemingen/{saved}?notice=saved")).into_response()),
        Ok(None) => Err(AppError::NotFound),
        Err(StoreError::Duplicate) => {
            let holder = enterprises::by_kvk(&state.db, &input.kvk).await?.map(|(_, name)| name).unwrap_or_default();
            let mut errors = FieldErrors::default();
            errors.add("kvk", ot.err_kvk_taken(&input.kvk, holder));
            render(StatusCode::UNPROCESSABLE_ENTITY, &form_page(auth, id, fields, errors))
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn new_form(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    registrar(&state, &auth).await?;
    ok(&form_page(&auth, None, Fields::new(), FieldErrors::default()))
}

pub(super) async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let registrar = registrar(&state, &auth).await?;
    save(&state, &auth, &registrar, None, fields).await
}

/// The registrar and the enterprise `id` (a 404 for an unknown id; a 403 comes first).
async fn existing(state: &AppState, auth: &Auth, id: i64) -> Result<(Registrar, Enterprise), AppError> {
    let registrar = registrar(state, auth).await?;
    let enterprise = enterprises::enterprise(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok((registrar, enterprise))
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (_, enterprise) = existing(&state, &auth, id).await?;
    let fields = fields_of(&enterprise);
    ok(&form_page(&auth, Some((id, &enterprise.input.name)), fields, FieldErrors::default()))
}

pub(super) async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (registrar, enterprise) = existing(&state, &auth, id).await?;
    save(&state, &auth, &registrar, Some((id, &enterprise.input.name)), fields).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn web_addresses_get_their_scheme_and_others_are_refused() {
        assert_eq!(website("www.dewerkplaats.nl").as_deref(), Some("https://www.dewerkplaats.nl"));
        assert_eq!(website("http://kringloop.nl/over").as_deref(), Some("http://kringloop.nl/over"));
        assert_eq!(website("de werkplaats"), None);
        assert_eq!(website("javascript:alert(1)"), None);
        assert_eq!(website("https://localhost"), None);
    }

    #[test]
    fn each_wrong_field_has_its_own_message() {
        let ot = OndernemingenTexts::of(crate::i18n::Lang::Nl);
        let errors = parse(ot, &form(&[("name", ""), ("kvk", "1234567"), ("region", "Twente")])).expect_err("wrong");
        assert_eq!(errors.get("name"), Some(ot.err_name));
        assert_eq!(errors.get("kvk"), Some(ot.err_kvk));
        assert_eq!(errors.get("activity"), Some(ot.err_activity));
        assert_eq!(errors.get("region"), None);
        let input = parse(
            ot,
            &form(&[("name", "De Werkplaats"), ("kvk", "12345678"), ("activity", "Kozijnen"), ("region", "Twente")]),
        )
        .expect("right");
        assert_eq!(input.website, None);
        assert_eq!(input.kvk, "12345678");
    }
}
