//! The yearly monitor of a cycle as an Excel workbook: one row per commitment and year with target, actual, progress,
//! source and who carries it; what municipalities and corporations open first. Cells are typed (text as text,
//! figures as numbers), so a text typed by a party is never read as a formula.

use super::cycle::{commitment_rows, facts_of, lead, CommitmentRow};
use super::{load, parse_number, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rust_xlsxwriter::{Format, Workbook};
use volkshuis_domain::access::View;
use volkshuis_store::afspraken::{self, GemeenteFacts};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken/{id}/monitor.xlsx", get(xlsx))
}

/// The column titles, in Dutch as the sector's spreadsheets are.
const HEADER: [&str; 10] =
    ["thema", "afspraak", "uitvoerder", "eenheid", "jaar", "doel", "realisatie", "stand", "bron", "concreetheid"];

fn workbook(title: &str, rows: &[CommitmentRow]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("Monitor")?;
    sheet.write_string_with_format(0, 0, title, &bold)?;
    for (col, text) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *text, &bold)?;
    }
    let mut r = 3u32;
    for c in rows {
        for y in &c.years {
            sheet.write_string(r, 0, c.theme)?;
            sheet.write_string(r, 1, &c.body)?;
            sheet.write_string(r, 2, &c.owner)?;
            sheet.write_string(r, 3, &c.unit)?;
            sheet.write_number(r, 4, f64::from(y.year))?;
            // Figures as numbers (the page shows them with the reader's decimal mark; the workbook has its own).
            if let Some(target) = parse_number(&y.target) {
                sheet.write_number(r, 5, target)?;
            }
            if let Some(actual) = parse_number(&y.actual) {
                sheet.write_number(r, 6, actual)?;
            }
            sheet.write_string(r, 7, y.progress_name)?;
            sheet.write_string(r, 8, &y.note)?;
            sheet.write_string(r, 9, c.level_name)?;
            r += 1;
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}

async fn xlsx(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, cycle) = load(&state, &scope, id).await?;
    let parties = afspraken::parties(&state.db, &cycle_ref).await?;
    let commitments = afspraken::commitments(&state.db, &cycle_ref).await?;
    let facts = if commitments.iter().any(|c| c.computed.is_some()) {
        facts_of(&state, &cycle, &parties).await?
    } else {
        GemeenteFacts::default()
    };
    let rows =
        commitment_rows(auth.ctx.lang, &cycle, &commitments, &facts, org, lead(&cycle, &parties), false, today(&state));
    let title = auth.ctx.lang.afspraken().monitor_title(&cycle.title);
    let body = tokio::task::spawn_blocking(move || workbook(&title, &rows))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"monitor.xlsx\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}
