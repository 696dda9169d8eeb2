//! Uploading the stock file: check only, or import; the error report on the page and as CSV.

use super::corporation_scope;
use crate::app::AppState;
use crate::auth::Auth;
use crate::csrf::MAX_UPLOAD_BYTES;
use crate::error::AppError;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::Action;
use volkshuis_domain::bezit::import::{error_report_csv, template_header, RowError, StockReader};
use volkshuis_store::stock::{self, ImportOptions, ImportSummary};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/stock/import", get(form).post(upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)))
        .route("/orgs/{org}/stock/template.csv", get(template))
        .route("/orgs/{org}/stock/import/reports/{id}", get(report))
}

/// Rows shown on the page; the CSV report has them all.
const ERRORS_SHOWN: usize = 200;
/// The CBS codes in uploaded files are taken to be of this year.
const CBS_YEAR: i64 = 2023;

#[derive(Default)]
struct Choices {
    import_valid_rows: bool,
    mark_missing: bool,
}

struct Outcome {
    summary: ImportSummary,
    errors_shown: Vec<RowError>,
    report_link: Option<String>,
    file_error: Option<String>,
}

#[derive(Template)]
#[template(path = "stock_import.html")]
struct ImportPage {
    page: Page,
    org_id: i64,
    org_name: String,
    choices: Choices,
    outcome: Option<Outcome>,
}

async fn form(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (_, organisation) = corporation_scope(&state, &auth, org, Action::Edit).await?;
    let page = ImportPage {
        page: Page::for_user(&auth),
        org_id: org,
        org_name: organisation.name,
        choices: Choices::default(),
        outcome: None,
    };
    ok(&page)
}

async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_scope(&state, &auth, org, Action::Edit).await?;
    let t = auth.ctx.t();
    let mut choices = Choices::default();
    let (mut file, mut file_name, mut checked_only) = (None, String::new(), true);
    while let Some(field) = multipart.next_field().await.map_err(|e| AppError::Internal(e.into()))? {
        match field.name() {
            Some("file") => {
                file_name = field.file_name().unwrap_or("upload.csv").to_owned();
                file = Some(field.bytes().await.map_err(|e| AppError::Internal(e.into()))?);
            }
            Some("mode") => checked_only = field.text().await.unwrap_or_default() != "import",
            Some("import_valid_rows") => choices.import_valid_rows = true,
            Some("mark_missing") => choices.mark_missing = true,
            _ => {}
        }
    }
    let again = |choices, outcome| ImportPage {
        page: Page::for_user(&auth),
        org_id: org,
        org_name: organisation.name.clone(),
        choices,
        outcome: Some(outcome),
    };
    let file = file.filter(|f| !f.is_empty());
    let reader = match file.as_deref().map(StockReader::new) {
        Some(Ok(reader)) => reader,
        problem => {
            let file_error = match problem {
                Some(Err(error)) => error.to_string(),
                _ => t.stock_no_file.to_owned(),
            };
            let outcome = Outcome {
                summary: ImportSummary::default(),
                errors_shown: Vec::new(),
                report_link: None,
                file_error: Some(file_error),
            };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &again(choices, outcome));
        }
    };
    let options = ImportOptions {
        dry_run: checked_only,
        mark_missing: choices.mark_missing,
        import_valid_rows: choices.import_valid_rows,
        cbs_year: CBS_YEAR,
    };
    let summary =
        stock::import_units(&state.db, &scope, &auth.actor(&state), &file_name, reader, options, &mut |_| {}).await?;
    if summary.written {
        volkshuis_store::areas::fill_missing_codes(&state.db, &auth.actor(&state), Some(&scope)).await?;
    }
    let report_link = if summary.errors.is_empty() {
        None
    } else {
        let id = stock::save_report(&state.db, &scope, &error_report_csv(&summary.errors), state.clock.now()).await?;
        Some(format!("/orgs/{org}/stock/import/reports/{id}"))
    };
    let status =
        if summary.errors.is_empty() || summary.written { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let errors_shown = summary.errors.iter().take(ERRORS_SHOWN).cloned().collect();
    let outcome = Outcome { summary, errors_shown, report_link, file_error: None };
    render(status, &again(choices, outcome))
}

async fn template(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    corporation_scope(&state, &auth, org, Action::View).await?;
    Ok(csv_download("volkshuis-bezit-sjabloon.csv", format!("{}\r\n", template_header())))
}

async fn report(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_scope(&state, &auth, org, Action::Edit).await?;
    let csv = stock::report(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    Ok(csv_download(&format!("foutrapport-{id}.csv"), csv))
}

/// A CSV file download with a BOM, so Excel reads it as UTF-8.
fn csv_download(name: &str, csv: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        format!("\u{feff}{csv}"),
    )
        .into_response()
}
