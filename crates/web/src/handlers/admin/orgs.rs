//! Registering and changing organisations.

use crate::auth::PlatformAdmin;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind, BOUNDARY_YEARS};
use volkshuis_domain::text::{Name, TextError};
use volkshuis_store::{gemeenten, orgs, StoreError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/orgs", get(list))
        .route("/admin/orgs/new", get(new_form).post(create))
        .route("/admin/orgs/{id}/edit", get(edit_form).post(update))
}

struct OrgRow {
    id: i64,
    name: String,
    code: String,
    kind_label: &'static str,
    /// Nobody administers it: nobody can invite its members (the dashboard counts these and links here).
    no_admin: bool,
}

#[derive(Template)]
#[template(path = "admin/orgs.html")]
struct ListPage {
    page: Page,
    orgs: Vec<OrgRow>,
}

async fn list(State(state): State<AppState>, PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let orphans: std::collections::HashSet<i64> = volkshuis_store::dashboard::organisations_without_admin(&state.db)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let orgs = orgs::list(&state.db)
        .await?
        .into_iter()
        .map(|o| OrgRow {
            no_admin: orphans.contains(&o.id),
            id: o.id,
            name: o.name,
            code: o.code,
            kind_label: t.kind(o.kind),
        })
        .collect();
    ok(&ListPage { page: Page::for_user(&auth), orgs })
}

#[derive(Default, Deserialize)]
struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    kind: String,
    /// The CBS gemeente codes, separated by commas (municipalities and corporations; ADR 0039).
    #[serde(default)]
    gemeenten: String,
    /// The year of the boundary set the codes come from.
    #[serde(default)]
    gemeente_year: String,
}

/// The year of the CBS boundary set when the form leaves it empty: the set the platform's boundaries come from.
const DEFAULT_BOUNDARY_YEAR: i64 = 2023;

/// Organisations of these kinds carry gemeente codes: a municipality its territory, a corporation its declared area.
fn has_gemeenten(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Municipality | OrgKind::Corporation)
}

#[derive(Template)]
#[template(path = "admin/org_form.html")]
struct FormPage {
    page: Page,
    heading: &'static str,
    action: String,
    form: OrgForm,
    kinds: Vec<(String, String)>,
    errors: FieldErrors,
}

fn form_page(auth: &crate::auth::Auth, id: Option<i64>, form: OrgForm, errors: FieldErrors) -> FormPage {
    let t = auth.ctx.t();
    FormPage {
        page: Page::for_user(auth),
        heading: if id.is_some() { t.org_edit } else { t.org_new },
        action: id.map(|id| format!("/admin/orgs/{id}/edit")).unwrap_or_else(|| "/admin/orgs/new".to_owned()),
        form,
        kinds: t.kind_options(),
        errors,
    }
}

/// The parsed form: the organisation's fields, its gemeente codes and their boundary year.
struct Parsed {
    fields: orgs::OrgFields,
    gemeenten: Vec<GemeenteCode>,
    year: i64,
}

fn parse(t: &crate::i18n::Texts, form: &OrgForm, errors: &mut FieldErrors) -> Option<Parsed> {
    let name = errors.check(t, "name", Name::parse(&form.name));
    // A wrong code says what a code may hold: "not a valid value" left the user guessing.
    let code = match OrgCode::parse(&form.code) {
        Err(TextError::Format) => {
            errors.add("code", t.err_code_format);
            None
        }
        parsed => errors.check(t, "code", parsed),
    };
    let kind = errors.check(t, "kind", OrgKind::parse(&form.kind));
    let gemeenten = match GemeenteCode::parse_list(&form.gemeenten) {
        Ok(codes) => Some(codes),
        Err((entry, _)) => {
            errors.add("gemeenten", t.err_gemeente_format(entry));
            None
        }
    };
    let year = match form.gemeente_year.trim() {
        "" => Some(DEFAULT_BOUNDARY_YEAR),
        text => match text.parse::<i64>() {
            Ok(year) if BOUNDARY_YEARS.contains(&year) => Some(year),
            _ => {
                errors.add("gemeente_year", t.err_boundary_year);
                None
            }
        },
    };
    Some(Parsed {
        fields: orgs::OrgFields { name: name?, code: code?, kind: kind? },
        gemeenten: gemeenten?,
        year: year?,
    })
}

async fn new_form(PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    ok(&form_page(&auth, None, OrgForm::default(), FieldErrors::default()))
}

async fn edit_form(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let org = orgs::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let codes = gemeenten::of_org(&state.db, id).await?;
    let form = OrgForm {
        name: org.name,
        code: org.code,
        kind: org.kind.code().to_owned(),
        gemeenten: codes.iter().map(|g| g.code.as_str()).collect::<Vec<_>>().join(", "),
        gemeente_year: codes.first().map(|g| g.boundary_year).unwrap_or(DEFAULT_BOUNDARY_YEAR).to_string(),
    };
    ok(&form_page(&auth, Some(id), form, FieldErrors::default()))
}

async fn create(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Form(form): Form<OrgForm>,
) -> Result<Response, AppError> {
    save(state, auth, None, form).await
}

async fn update(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
    Form(form): Form<OrgForm>,
) -> Result<Response, AppError> {
    if orgs::get(&state.db, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    save(state, auth, Some(id), form).await
}

async fn save(state: AppState, auth: crate::auth::Auth, id: Option<i64>, form: OrgForm) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let Some(Parsed { fields, gemeenten: codes, year }) = parse(t, &form, &mut errors) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&auth, id, form, errors));
    };
    let kept = match id {
        Some(id) => gemeenten::of_org(&state.db, id).await?,
        None => Vec::new(),
    };
    let actor = auth.actor(&state);
    let mut tx = state.db.begin().await?;
    let saved = match id {
        Some(id) => orgs::update(&mut tx, &actor, id, &fields).await,
        None => orgs::create(&mut tx, &actor, &fields).await,
    };
    // The codes change (and are audited) only when they differ from those kept; other kinds carry none.
    let saved = match saved {
        Ok(org) if has_gemeenten(org.kind) => {
            let same = kept.len() == codes.len()
                && kept.iter().zip(&codes).all(|(k, c)| k.code == c.as_str() && k.boundary_year == year);
            if same {
                Ok(org)
            } else {
                gemeenten::set(&mut tx, &actor, org.id, &codes, year).await.map(|()| org)
            }
        }
        other => other,
    };
    match saved {
        Ok(_) => {
            tx.commit().await?;
            Ok(Redirect::to("/admin/orgs").into_response())
        }
        Err(StoreError::Duplicate) => {
            errors.add("code", t.err_code_taken);
            render(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&auth, id, form, errors))
        }
        Err(StoreError::UnknownGemeente { code }) => {
            errors.add("gemeenten", t.err_gemeente_unknown(code));
            render(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&auth, id, form, errors))
        }
        Err(other) => Err(other.into()),
    }
}
