//! The days decreed equal to a holiday under the Algemene termijnenwet (art. 3 lid 3): the list, and a form to add
//! a new *Besluit gelijkstelling* without a new release. Saving recomputes the stored Overleg deadlines.

use crate::auth::{Auth, PlatformAdmin};
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::CalendarTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::calendar::{check_decree, parse_decree_days, DecreeError, TermCalendar};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::calendar::{self, NewDecree};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/decrees", get(show).post(add))
}

struct DecreeRow {
    name: String,
    source: String,
    years: String,
    days: Vec<(String, String)>,
}

#[derive(Default, Deserialize)]
struct DecreeForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    first_year: String,
    #[serde(default)]
    last_year: String,
    #[serde(default)]
    days: String,
}

#[derive(Deserialize)]
struct SavedQuery {
    moved: Option<u64>,
}

#[derive(Template)]
#[template(path = "admin/decrees.html")]
struct DecreesPage {
    page: Page,
    ct: &'static CalendarTexts,
    through: Option<String>,
    saved: Option<String>,
    decrees: Vec<DecreeRow>,
    form: DecreeForm,
    errors: FieldErrors,
}

async fn decrees_page(
    state: &AppState,
    auth: &Auth,
    form: DecreeForm,
    errors: FieldErrors,
    moved: Option<u64>,
) -> Result<DecreesPage, AppError> {
    let ct = CalendarTexts::of(auth.ctx.lang);
    let cal = calendar::term_calendar(&state.db).await?;
    let decrees = calendar::decrees(&state.db)
        .await?
        .into_iter()
        .map(|d| DecreeRow {
            years: years(d.first_year, d.last_year),
            name: d.name,
            source: d.source,
            days: d.days.into_iter().map(|(day, reason)| (show_date(day), reason)).collect(),
        })
        .collect();
    Ok(DecreesPage {
        page: Page::for_user(auth),
        ct,
        through: coverage(ct, &cal),
        saved: moved.map(|moved| ct.decree_saved(i64::try_from(moved).unwrap_or(i64::MAX))),
        decrees,
        form,
        errors,
    })
}

/// A run of years as the page shows it: `2031` or `2029–2030`.
fn years(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// What the decrees cover, from the first year to the last, naming the years between that none covers (a decree
/// for a later year may come while an earlier one is pending): "tot en met 2031" alone would claim 2029 and 2030.
fn coverage(ct: &CalendarTexts, cal: &TermCalendar) -> Option<String> {
    let runs = cal.covered_years();
    let (first, last) = (*runs.first()?.start(), *runs.last()?.end());
    let gaps: Vec<String> = runs.windows(2).map(|pair| years(pair[0].end() + 1, pair[1].start() - 1)).collect();
    Some(if gaps.is_empty() {
        ct.decrees_through(first, last)
    } else {
        ct.decrees_through_except(first, gaps.join(", "), last)
    })
}

async fn show(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Query(q): Query<SavedQuery>,
) -> Result<Response, AppError> {
    ok(&decrees_page(&state, &auth, DecreeForm::default(), FieldErrors::default(), q.moved).await?)
}

/// The message for a decree's days that cannot be taken.
fn decree_error(ct: &CalendarTexts, ov: &crate::i18n::OverlegTexts, error: DecreeError) -> (&'static str, String) {
    match error {
        DecreeError::Years => ("first_year", ct.err_decree_years.to_owned()),
        DecreeError::Unreadable { line, text } => ("days", ct.err_decree_line(line, text)),
        DecreeError::OutsideYears { day } => ("days", ct.err_decree_outside(show_date(day))),
        DecreeError::AlreadyOff { day, why } => ("days", ct.err_decree_off(show_date(day), ov.day_off(why))),
        DecreeError::AlreadyDecreed { day } => ("days", ct.err_decree_twice(show_date(day))),
    }
}

async fn add(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Form(form): Form<DecreeForm>,
) -> Result<Response, AppError> {
    let (t, ct, ov) = (auth.ctx.t(), CalendarTexts::of(auth.ctx.lang), auth.ctx.lang.overleg());
    let mut errors = FieldErrors::default();
    let name = errors.check(t, "name", Name::parse(&form.name));
    let source = errors.check(t, "source", LongText::parse(&form.source));
    let years = match (form.first_year.trim().parse::<i32>(), form.last_year.trim().parse::<i32>()) {
        (Ok(first), Ok(last)) => Some((first, last)),
        _ => {
            errors.add("first_year", ct.err_decree_years);
            None
        }
    };
    let days = parse_decree_days(&form.days).map_err(|e| {
        let (field, message) = decree_error(ct, ov, e);
        errors.add(field, message);
    });
    let cal = calendar::term_calendar(&state.db).await?;
    if let (Some((first, last)), Ok(days)) = (years, &days) {
        if let Err(e) = check_decree(&cal, first, last, days) {
            let (field, message) = decree_error(ct, ov, e);
            errors.add(field, message);
        }
    }
    let (Some(name), Some(source), Some((first_year, last_year)), Ok(days), true) =
        (name, source, years, days, errors.is_empty())
    else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &decrees_page(&state, &auth, form, errors, None).await?);
    };
    let new =
        NewDecree { name: name.as_str().to_owned(), source: source.as_str().to_owned(), first_year, last_year, days };
    let mut tx = state.db.begin().await?;
    let (id, moved) = calendar::add_decree(&mut tx, &auth.actor(&state), &new).await?;
    tx.commit().await?;
    tracing::info!(decree = id, moved, "decreed days added");
    Ok(Redirect::to(&format!("/admin/decrees?moved={moved}")).into_response())
}
