//! Uploading the stock file: check only, or import, in the background with a page that follows it; the error report
//! on the page and as CSV.

use super::corporation_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::{ImportTexts, Lang, PickersTexts};
use crate::import_runs::{AlreadyRunning, Finished, Run, RunState};
use crate::state::AppState;
use crate::uploads::{self, MAX_STOCK_FILE_BYTES};
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::io::{BufRead as _, BufReader};
use std::sync::Arc;
use volkshuis_domain::access::{Edit, View, WriteScope};
use volkshuis_domain::bezit::import::{template_header, RowProblem, StockReader};
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/stock/import", get(form).post(upload).layer(DefaultBodyLimit::max(MAX_STOCK_FILE_BYTES)))
        .route("/orgs/{org}/stock/template.csv", get(template))
        .route("/orgs/{org}/stock/import/reports/{id}", get(report))
        .route("/orgs/{org}/stock/import/runs/{run}", get(run_page))
}

/// Rows shown on the page; the CSV report has them all.
const ERRORS_SHOWN: usize = 200;
/// The CBS codes in uploaded files are taken to be of this year.
const CBS_YEAR: i64 = 2023;

#[derive(Default)]
struct Choices {
    import_valid_rows: bool,
    mark_missing: bool,
    /// With `mark_missing`: the user confirms that the stock is now empty (never checked by default).
    confirm_empty_stock: bool,
}

/// A running import as its page shows it.
struct Progress {
    run_id: u64,
    file_name: String,
    check_only: bool,
    rows_read: u64,
    percent: u64,
}

#[derive(Template)]
#[template(path = "stock/import.html")]
struct ImportPage {
    page: Page,
    /// The import's problems in the viewer's language.
    it: &'static ImportTexts,
    /// Counts with their plural.
    pk: &'static PickersTexts,
    org_id: i64,
    org_name: String,
    choices: Choices,
    /// Why the file was refused before the import started (or could not be finished).
    file_error: Option<String>,
    /// The page of a run this server does not know: `file_error` says what that means, under its own heading.
    unknown_run: bool,
    /// The import stopped for a reason that is not the file's (a server fault, another import running): the heading
    /// must not blame the file.
    not_the_file: bool,
    running: Option<Progress>,
    outcome: Option<Finished>,
}

/// A count as a plural selector takes it (the template hands it over by reference).
fn count<T: Copy + TryInto<i64>>(n: &T) -> i64 {
    (*n).try_into().unwrap_or(i64::MAX)
}

/// The units a file holds: new, changed and unchanged.
fn units_in(summary: &volkshuis_store::stock::ImportSummary) -> i64 {
    count(&(summary.new + summary.changed + summary.unchanged))
}

impl ImportPage {
    /// The empty form.
    fn new(auth: &Auth, org_id: i64, org_name: String) -> Self {
        Self {
            page: Page::for_user(auth),
            it: auth.ctx.lang.import(),
            pk: PickersTexts::of(auth.ctx.lang),
            org_id,
            org_name,
            choices: Choices::default(),
            file_error: None,
            unknown_run: false,
            not_the_file: false,
            running: None,
            outcome: None,
        }
    }

    /// Whether the form offers to confirm that the stock is now empty: only after a file without units, marked as
    /// the whole stock, was refused for want of that confirmation (or when it was ticked and the form came back), so
    /// the form does not suggest emptying the stock to everyone who imports. Never ticked by the page itself.
    fn offers_empty_confirmation(&self) -> bool {
        self.choices.confirm_empty_stock || self.outcome.as_ref().is_some_and(refused_as_empty)
    }
}

/// Whether the import was refused because a file without units would have emptied the stock unconfirmed.
fn refused_as_empty(finished: &Finished) -> bool {
    finished.errors_shown.iter().any(|e| matches!(e.reason, RowProblem::EmptyStockUnconfirmed { .. }))
}

async fn form(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (_, organisation) = corporation_scope(&state, &auth, org, Edit).await?;
    ok(&ImportPage::new(&auth, org, organisation.name))
}

async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_scope(&state, &auth, org, Edit).await?;
    let t = auth.ctx.t();
    let mut choices = Choices::default();
    let (mut file, mut file_name, mut checked_only, mut chosen) = (None, String::new(), true, false);
    while let Some(mut field) = multipart.next_field().await? {
        match field.name() {
            Some("file") => {
                // A browser sends the field with an empty name when no file was chosen.
                chosen = field.file_name().is_some_and(|name| !name.is_empty());
                file_name = field.file_name().unwrap_or("upload.csv").to_owned();
                // The route's body limit is the file's limit; the file waits on disk, not in memory.
                file = Some(uploads::spool(&mut field, MAX_STOCK_FILE_BYTES as u64).await?);
            }
            Some("mode") => checked_only = uploads::small_text(field).await? != "import",
            Some("import_valid_rows") => choices.import_valid_rows = true,
            Some("mark_missing") => choices.mark_missing = true,
            Some("confirm_empty_stock") => choices.confirm_empty_stock = true,
            _ => {}
        }
    }
    let refused = |choices, file_error: String| ImportPage {
        choices,
        file_error: Some(crate::views::as_sentence(&file_error)),
        ..ImportPage::new(&auth, org, organisation.name.clone())
    };
    // A chosen file that is empty is named so (it was told to choose a file, though one was chosen).
    if chosen && file.as_ref().is_some_and(|f| f.len == 0) {
        let empty = auth.ctx.lang.import().file_error(&volkshuis_domain::bezit::import::FileError::Empty);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(choices, empty));
    }
    let Some(file) = file.filter(|f| f.len > 0) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(choices, t.stock_no_file.to_owned()));
    };
    let file = file.into_std().await;
    let (file, total_lines, header) = tokio::task::spawn_blocking(move || {
        let total_lines = count_lines(&file)?;
        std::io::Seek::rewind(&mut &file)?;
        // The header is read now, so a file that is not a stock file at all is refused on the form itself.
        let header = StockReader::new(BufReader::new(&file)).err();
        std::io::Seek::rewind(&mut &file)?;
        Ok::<_, std::io::Error>((file, total_lines, header))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("reading an uploaded stock file")))?;
    if let Some(error) = header {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &refused(choices, auth.ctx.lang.import().file_error(&error)));
    }
    let run = match state.import_runs.start(org, &file_name, checked_only, total_lines) {
        Ok(run) => run,
        Err(AlreadyRunning(_)) => {
            return render(StatusCode::CONFLICT, &refused(choices, t.stock_import_running.to_owned()));
        }
    };
    let options = ImportOptions {
        dry_run: checked_only,
        mark_missing: choices.mark_missing,
        confirm_empty_stock: choices.confirm_empty_stock,
        import_valid_rows: choices.import_valid_rows,
        cbs_year: CBS_YEAR,
    };
    let lang = auth.ctx.lang;
    let job =
        Job { state: state.clone(), scope, actor: auth.actor(&state), lang, file, options, run: Arc::clone(&run) };
    tokio::spawn(job.run());
    Ok(Redirect::to(&format!("/orgs/{org}/stock/import/runs/{}", run.id)).into_response())
}

/// Lines after the header, counted once so the progress page can say how far the import is; the file is read from
/// its start to its end.
fn count_lines(file: &std::fs::File) -> std::io::Result<u64> {
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    std::io::Seek::rewind(&mut reader)?;
    let (mut newlines, mut last) = (0u64, None);
    loop {
        let buffer = reader.fill_buf()?;
        let Some(&end) = buffer.last() else { break };
        newlines += buffer.iter().filter(|b| **b == b'\n').count() as u64;
        last = Some(end);
        let read = buffer.len();
        reader.consume(read);
    }
    let unterminated = u64::from(last.is_some_and(|b| b != b'\n'));
    Ok((newlines + unterminated).saturating_sub(1))
}

/// An import running in the background.
struct Job {
    state: AppState,
    scope: WriteScope,
    actor: Actor,
    /// The language of the user who started it, for the error report.
    lang: Lang,
    /// The uploaded file, on disk (it has no name there, and is gone when the job is).
    file: std::fs::File,
    options: ImportOptions,
    run: Arc<Run>,
}

impl Job {
    /// Runs the import on a task of its own, so that even a panic ends the run (a run left "running" would block
    /// the corporation's next import until a restart).
    async fn run(self) {
        let run = Arc::clone(&self.run);
        let outcome = match tokio::spawn(async move { self.import().await }).await {
            Ok(Ok(finished)) => RunState::Done(Box::new(finished)),
            Ok(Err(AppError::Store(StoreError::ImportRunning | StoreError::Busy))) => {
                tracing::warn!(run = run.id, org = run.org_id, "stock import refused: another import is running");
                RunState::OtherImportRunning
            }
            Ok(Err(error)) => {
                tracing::error!(run = run.id, org = run.org_id, %error, "stock import failed; nothing was saved");
                RunState::Failed
            }
            Err(panic) => {
                tracing::error!(run = run.id, org = run.org_id, %panic, "stock import stopped; nothing was saved");
                RunState::Failed
            }
        };
        run.finish(outcome);
    }

    async fn import(&self) -> Result<Finished, AppError> {
        let file = self.file.try_clone().map_err(|e| AppError::Internal(e.into()))?;
        let reader =
            StockReader::new(BufReader::with_capacity(256 * 1024, file)).map_err(|e| AppError::Internal(e.into()))?;
        let run = &self.run;
        // Codes from positions are filled in the import's own transaction (`ImportSummary::filled`).
        let mut summary = stock::import_units(
            &self.state.db,
            &self.scope,
            &self.actor,
            &run.file_name,
            reader,
            self.options,
            &mut |rows| run.set_rows_read(rows),
        )
        .await?;
        // The import has committed (or written nothing); what follows must not make it look as if it failed.
        let report_id = if summary.errors.is_empty() {
            None
        } else {
            let csv = self.lang.import().report_csv(&summary.errors);
            match stock::save_report(&self.state.db, &self.scope, &csv, self.state.clock.now()).await {
                Ok(id) => Some(id),
                Err(error) => {
                    tracing::error!(run = run.id, %error, "the error report could not be saved");
                    None
                }
            }
        };
        let errors = std::mem::take(&mut summary.errors);
        let error_count = errors.len();
        let errors_shown = errors.into_iter().take(ERRORS_SHOWN).collect();
        Ok(Finished { summary, error_count, errors_shown, report_id, options: self.options })
    }
}

/// The page of one import: how far it is while it runs, what it found and did when it is done.
async fn run_page(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, run_id)): Path<(i64, u64)>,
) -> Result<Response, AppError> {
    let (_, organisation) = corporation_scope(&state, &auth, org, Edit).await?;
    let mut page = ImportPage::new(&auth, org, organisation.name);
    let Some(run) = state.import_runs.get(org, run_id) else {
        // A run of a server that has stopped since (or one finished more than a day ago): its page says what that
        // means for the stock, beside the import form, rather than a bare "not found".
        page.file_error = Some(auth.ctx.t().stock_import_unknown.to_owned());
        page.unknown_run = true;
        return render(StatusCode::NOT_FOUND, &page);
    };
    match run.state() {
        RunState::Running => {
            page.running = Some(Progress {
                run_id: run.id,
                file_name: run.file_name.clone(),
                check_only: run.check_only,
                rows_read: run.rows_read(),
                percent: run.percent(),
            });
        }
        RunState::Done(finished) => {
            // The form comes back with the choices the file was sent with (after a check, to import it as checked),
            // never with the confirmation that the stock is now empty.
            page.choices.mark_missing = finished.options.mark_missing;
            page.choices.import_valid_rows = finished.options.import_valid_rows;
            page.outcome = Some(*finished);
        }
        RunState::Failed => {
            page.not_the_file = true;
            page.file_error = Some(auth.ctx.t().stock_import_failed.to_owned());
        }
        RunState::OtherImportRunning => {
            page.not_the_file = true;
            page.file_error = Some(auth.ctx.t().stock_import_running.to_owned());
        }
    }
    ok(&page)
}

async fn template(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    corporation_scope(&state, &auth, org, View).await?;
    Ok(csv_download("volkshuis-bezit-sjabloon.csv", format!("{}\r\n", template_header())))
}

async fn report(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_scope(&state, &auth, org, Edit).await?;
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
