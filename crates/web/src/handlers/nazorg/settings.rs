//! The corporation's own settings: the checklist for the talk before a sale (each save is a new version; talks keep
//! the version they were held with), edited by staff; the years after a sale at which checks fall due, set by its
//! administrators (sales recorded before keep their planned checks).

use super::{corporation_write, module_scope, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::NazorgTexts;
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Manage;
use volkshuis_domain::nazorg::checks::{parse_check_years, show_check_years, CheckYearsProblem};
use volkshuis_domain::nazorg::talk::{parse_checklist, show_checklist, ChecklistProblem};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::settings::{check_years, save_check_years};
use volkshuis_store::nazorg::talks;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/nazorg/gesprekslijst", get(checklist_form).post(checklist_save))
        .route("/orgs/{org}/nazorg/instellingen", get(settings_form).post(settings_save))
}

#[derive(Template)]
#[template(path = "nazorg/checklist.html")]
struct ChecklistPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    version: i64,
    by: Option<String>,
    items: String,
    notice: Option<&'static str>,
    errors: FieldErrors,
}

async fn checklist_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    typed: Option<String>,
    notice: Option<&'static str>,
    errors: FieldErrors,
) -> Result<ChecklistPage, AppError> {
    let scope = corporation_write(state, auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let current = talks::checklist(&state.db, scope.as_read()).await?;
    Ok(ChecklistPage {
        page: Page::for_user(auth),
        nz,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        org_id: org,
        version: current.version,
        by: current.created_by.clone(),
        items: typed.unwrap_or_else(|| show_checklist(&super::shown_checklist(nz, &current))),
        notice,
        errors,
    })
}

async fn checklist_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let nz = NazorgTexts::of(auth.ctx.lang);
    let notice = query.notice.as_deref().and_then(|n| nz.notice(n));
    ok(&checklist_page(&state, &auth, org, None, notice, FieldErrors::default()).await?)
}

async fn checklist_save(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let typed = fields.get("items").cloned().unwrap_or_default();
    match parse_checklist(&typed) {
        Ok(items) => {
            talks::save_checklist(&state.db, &scope, &auth.actor(&state), &items).await?;
            Ok(Redirect::to(&format!("/orgs/{org}/nazorg/gesprekslijst?notice=saved")).into_response())
        }
        Err(problem) => {
            let mut errors = FieldErrors::default();
            errors.add("items", nz.checklist_problem(problem));
            let page = checklist_page(&state, &auth, org, Some(typed), None, errors).await?;
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Template)]
#[template(path = "nazorg/settings.html")]
struct SettingsPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    years: String,
    notice: Option<&'static str>,
    errors: FieldErrors,
}

/// The settings are the corporation's own administrators' (a Manage grant from their membership; the platform's
/// operator does not set a corporation's aftercare).
async fn admin_scope(
    state: &AppState,
    auth: &Auth,
    org: i64,
) -> Result<volkshuis_domain::access::WriteScope, AppError> {
    super::view_scope(state, auth, org, OrgKind::Corporation).await?;
    if !auth.own_role(org).is_some_and(|role| role.allows(volkshuis_domain::access::Action::Manage)) {
        return Err(AppError::Forbidden);
    }
    Ok(module_scope(state, auth, org, Manage).await?.0)
}

async fn settings_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let scope = admin_scope(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let years = show_check_years(&check_years(&state.db, scope.as_read()).await?);
    let notice = query.notice.as_deref().and_then(|n| nz.notice(n));
    let nav = subnav(nz, &auth, org, OrgKind::Corporation);
    ok(&SettingsPage {
        page: Page::for_user(&auth),
        nz,
        nav,
        org_id: org,
        years,
        notice,
        errors: FieldErrors::default(),
    })
}

async fn settings_save(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = admin_scope(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let typed = crate::forms::field(&fields, "years").to_owned();
    match parse_check_years(&typed) {
        Ok(years) => {
            save_check_years(&state.db, &scope, &auth.actor(&state), &years).await?;
            Ok(Redirect::to(&format!("/orgs/{org}/nazorg/instellingen?notice=saved")).into_response())
        }
        Err(problem) => {
            let mut errors = FieldErrors::default();
            errors.add("years", nz.years_problem(problem));
            let nav = subnav(nz, &auth, org, OrgKind::Corporation);
            let page =
                SettingsPage { page: Page::for_user(&auth), nz, nav, org_id: org, years: typed, notice: None, errors };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

impl NazorgTexts {
    fn checklist_problem(&self, problem: ChecklistProblem) -> String {
        match problem {
            ChecklistProblem::Empty => self.err_checklist_empty.to_owned(),
            ChecklistProblem::TooMany => self.err_checklist_too_many.to_owned(),
            ChecklistProblem::TooLong { line } => self.err_checklist_too_long(line as i64),
            ChecklistProblem::Duplicate { line } => self.err_checklist_duplicate(line as i64),
        }
    }

    fn years_problem(&self, problem: CheckYearsProblem) -> &'static str {
        match problem {
            CheckYearsProblem::Empty => self.err_years_empty,
            CheckYearsProblem::NotANumber | CheckYearsProblem::OutOfRange => self.err_years_range,
            CheckYearsProblem::Duplicate => self.err_years_duplicate,
            CheckYearsProblem::TooMany => self.err_years_too_many,
        }
    }
}
