//! The buyer's portfolio as CSV (semicolons and a BOM, as Dutch Excel opens it) and as an Excel workbook, and the
//! yearly report page for the annual report.

use super::charts::{money_chart, BarChart};
use super::{buyer_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::views::{ok, show_date, Page};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rust_xlsxwriter::{Format, Workbook};
use volkshuis_domain::access::{ReadScope, View};
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::progress::progress;
use volkshuis_domain::spreadsheet::Csv;
use volkshuis_store::socialreturn::{self, Contract};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/sr/export.csv", get(csv_export))
        .route("/orgs/{org}/sr/export.xlsx", get(xlsx_export))
        .route("/orgs/{org}/sr/jaar/{year}", get(year_report))
}

const HEADER: [&str; 11] = [
    "contract",
    "titel",
    "leverancier",
    "waarde_excl_btw",
    "verplichting",
    "goedgekeurd",
    "in_behandeling",
    "nog_te_leveren",
    "begin",
    "einde",
    "stand",
];

/// One export row: texts, with money as cents so each format writes it exactly.
struct ExportRow {
    texts: [String; 3],
    money: [Money; 5],
    dates: [String; 2],
    standing: &'static str,
}

/// The rows, each contract's standing in words (it read `at_risk`): in Dutch, as the file's column names are, in
/// every language of the page.
async fn rows(state: &AppState, scope: &ReadScope) -> Result<Vec<ExportRow>, AppError> {
    let sr = Lang::Nl.socialreturn();
    let today = today(state);
    let contracts: Vec<Contract> = socialreturn::buyer_contracts(&state.db, scope).await?;
    Ok(contracts
        .iter()
        .map(|c| {
            let p = progress(c.obligation_amount, c.approved, c.pending, c.starts_on, c.ends_on, today);
            ExportRow {
                texts: [c.id.to_string(), c.title.clone(), c.supplier_name.clone()],
                money: [
                    c.value,
                    c.obligation_amount,
                    c.approved,
                    c.pending,
                    Money::from_cents((c.obligation_amount.cents() - c.approved.cents()).max(0)),
                ],
                dates: [c.starts_on.to_string(), c.ends_on.to_string()],
                standing: sr.standing(p.standing),
            }
        })
        .collect())
}

/// An amount as a plain decimal with a comma (`1234,56`), as Dutch Excel reads it.
fn decimal(m: Money) -> String {
    let sign = if m.cents() < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", m.cents().abs() / 100, m.cents().abs() % 100)
}

async fn csv_export(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, View).await?;
    // Titles and names are typed by others: the shared writer keeps a formula among them from running.
    let mut csv = Csv::new(true);
    csv.row(HEADER);
    for row in rows(&state, &scope).await? {
        let mut record: Vec<String> = row.texts.to_vec();
        record.extend(row.money.iter().map(|m| decimal(*m)));
        record.extend(row.dates);
        record.push(row.standing.to_owned());
        csv.row(&record);
    }
    let body = csv.into_bytes();
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"social-return.csv\""),
        ],
        body,
    )
        .into_response())
}

/// The workbook: contracts, and the approved value per target group and per year.
fn workbook(rows_: &[ExportRow], portfolio: &socialreturn::Portfolio) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let euro = Format::new().set_num_format("€ #,##0.00");
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("Contracten")?;
    for (col, title) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    for (i, row) in rows_.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, text) in row.texts.iter().enumerate() {
            sheet.write_string(r, c as u16, text)?;
        }
        for (c, money) in row.money.iter().enumerate() {
            // Excel stores numbers as doubles; cents / 100 is shown exactly to the cent with the euro format.
            sheet.write_number_with_format(r, 3 + c as u16, money.cents() as f64 / 100.0, &euro)?;
        }
        sheet.write_string(r, 8, &row.dates[0])?;
        sheet.write_string(r, 9, &row.dates[1])?;
        sheet.write_string(r, 10, row.standing)?;
    }
    sheet.autofit();
    for (name, totals) in [("Per doelgroep", &portfolio.by_group), ("Per jaar", &portfolio.by_year)] {
        let sheet = book.add_worksheet().set_name(name)?;
        sheet.write_string_with_format(0, 0, "sleutel", &bold)?;
        sheet.write_string_with_format(0, 1, "goedgekeurd", &bold)?;
        sheet.write_string_with_format(0, 2, "aantal", &bold)?;
        for (i, t) in totals.iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, &t.key)?;
            sheet.write_number_with_format(r, 1, t.approved.cents() as f64 / 100.0, &euro)?;
            sheet.write_number(r, 2, t.count as f64)?;
        }
    }
    book.save_to_buffer()
}

async fn xlsx_export(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, _) = buyer_scope(&state, &auth, org, View).await?;
    let rows_ = rows(&state, &scope).await?;
    let portfolio = socialreturn::portfolio(&state.db, &scope).await?;
    let body = tokio::task::spawn_blocking(move || workbook(&rows_, &portfolio))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"social-return.xlsx\""),
        ],
        body,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "socialreturn/year.html")]
struct YearPage {
    page: Page,
    org_id: i64,
    heading: String,
    intro: String,
    figures: Vec<(&'static str, String)>,
    charts: Vec<BarChart>,
    /// Own tenants at work in the year, per complex.
    tenant_jobs: Vec<(String, String)>,
    year: i32,
    printed_on: String,
}

async fn year_report(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    if !(2000..=2100).contains(&year) {
        return Err(AppError::NotFound);
    }
    let (scope, organisation) = buyer_scope(&state, &auth, org, View).await?;
    let page = Page::for_user(&auth);
    let sr = page.sr;
    let jobs = socialreturn::tenant_jobs_in_year(&state.db, &scope, year).await?;
    let year_text = year.to_string();
    let in_year = socialreturn::year_totals(&state.db, &scope, year).await?;
    let approved = Money::from_cents(in_year.iter().map(|t| t.approved.cents()).sum());
    let count: i64 = in_year.iter().map(|t| t.count).sum();
    ok(&YearPage {
        org_id: org,
        heading: sr.year_report_title(&year_text),
        intro: sr.year_report_intro(&organisation.name, &year_text),
        figures: vec![(sr.approved, approved.to_string()), (sr.count, count.to_string())],
        charts: vec![money_chart(
            sr.by_group,
            in_year.iter().map(|t| (sr.group_or_kind(&t.key).to_owned(), t.approved)),
        )],
        tenant_jobs: super::overview::tenant_jobs_shown(&state, &scope, &auth, sr, jobs).await?,
        year,
        printed_on: show_date(today(&state)),
        page,
    })
}
