//! A buyer's valuation tables: the versions, the two shipped examples, a new version from an existing one.

use super::buyer_scope;
use super::forms::{parse_table, table_fields, table_sections, Fields, Section};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Action, Manage, View};
use volkshuis_domain::socialreturn::examples;
use volkshuis_store::socialreturn;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/sr/tabellen", get(list))
        .route("/orgs/{org}/sr/tabellen/voorbeeld", post(add_example))
        .route("/orgs/{org}/sr/tabellen/nieuw", get(new_form).post(create))
        .route("/orgs/{org}/sr/tabellen/{id}", get(show))
}

struct TableItem {
    id: i64,
    name: String,
    valid_from: String,
    example: bool,
}

#[derive(Template)]
#[template(path = "socialreturn/tables.html")]
struct ListPage {
    page: Page,
    org_id: i64,
    tables: Vec<TableItem>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "socialreturn/table.html")]
struct TablePage {
    page: Page,
    org_id: i64,
    id: i64,
    name: String,
    valid_from: String,
    source: String,
    example: bool,
    sections: Vec<Section>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "socialreturn/table_form.html")]
struct FormPage {
    page: Page,
    org_id: i64,
    sections: Vec<Section>,
}

async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, View).await?;
    let tables = socialreturn::tables(&state.db, &scope)
        .await?
        .into_iter()
        .map(|t| TableItem {
            id: t.id,
            name: t.table.name,
            valid_from: show_date(t.table.valid_from),
            example: t.table.example,
        })
        .collect();
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    ok(&ListPage { page, org_id: org, tables, can_manage: scope.role().allows(Action::Manage) })
}

#[derive(Deserialize)]
struct ExampleForm {
    #[serde(default)]
    which: String,
}

async fn add_example(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(form): Form<ExampleForm>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, Manage).await?;
    let table = match form.which.as_str() {
        "utrecht" => examples::utrecht(),
        "oost" => examples::oost_nederland(),
        _ => return Err(AppError::NotFound),
    };
    let mut tx = state.db.begin().await?;
    let id = socialreturn::add_table(&mut tx, &scope, &auth.actor(&state), &table).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/tabellen/{id}?notice=saved")).into_response())
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, View).await?;
    let row =
        socialreturn::table(&state.db, id).await?.filter(|t| t.buyer_id == scope.org_id()).ok_or(AppError::NotFound)?;
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    let fields = table_fields(&row.table);
    let sections = table_sections(page.sr, &fields, &FieldErrors::default())
        .into_iter()
        .skip(1)
        .map(|mut s| {
            s.inputs.retain(|i| !i.value.is_empty());
            s
        })
        .filter(|s| !s.inputs.is_empty())
        .collect();
    ok(&TablePage {
        org_id: org,
        id,
        name: row.table.name,
        valid_from: show_date(row.table.valid_from),
        source: row.table.source,
        example: row.table.example,
        sections,
        can_manage: scope.role().allows(Action::Manage),
        page,
    })
}

#[derive(Deserialize)]
struct FromQuery {
    van: Option<i64>,
}

async fn new_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<FromQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, Manage).await?;
    let mut fields = Fields::new();
    if let Some(from) = q.van {
        let row = socialreturn::table(&state.db, from)
            .await?
            .filter(|t| t.buyer_id == scope.org_id())
            .ok_or(AppError::NotFound)?;
        fields = table_fields(&row.table);
    } else {
        fields.insert("full_time_hours".into(), "36".into());
    }
    let page = Page::for_user(&auth);
    let sections = table_sections(page.sr, &fields, &FieldErrors::default());
    ok(&FormPage { page, org_id: org, sections })
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, Manage).await?;
    let page = Page::for_user(&auth);
    let mut errors = FieldErrors::default();
    let Some(table) = parse_table(&fields, &mut errors, page.t, page.sr) else {
        let sections = table_sections(page.sr, &fields, &errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &FormPage { page, org_id: org, sections });
    };
    let mut tx = state.db.begin().await?;
    let id = socialreturn::add_table(&mut tx, &scope, &auth.actor(&state), &table).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/tabellen/{id}?notice=saved")).into_response())
}
