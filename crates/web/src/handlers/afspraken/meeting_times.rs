//! `/account/meeting-times`: a person's own meeting times at the edges of the day (the weekdays, a morning before
//! 09:00 from when, an evening from 17:30 from when until when), kept for every cycle they take part in. The planner
//! links here with `?back=` to return to; any logged-in person may keep their own, since they are about the person,
//! not about an organisation's data.

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{local_path, FieldErrors};
use crate::i18n::AfsprakenTexts;
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use time::macros::time;
use time::Time;
use volkshuis_domain::afspraken::EdgePreferences;
use volkshuis_domain::overleg::meeting::{parse_time, show_time};
use volkshuis_store::afspraken;

/// The page's path.
pub(super) const PATH: &str = "/account/meeting-times";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(show).post(save))
}

/// The weekday fields, Monday to Friday.
const DAYS: [&str; 5] = ["day-0", "day-1", "day-2", "day-3", "day-4"];

#[derive(Template)]
#[template(path = "afspraken/meeting_times.html")]
struct TimesPage {
    page: Page,
    stored: bool,
    days: Vec<(&'static str, &'static str)>,
    back: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl TimesPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    fn checked(&self, name: &str) -> bool {
        crate::forms::checkbox(&self.fields.get(name).cloned())
    }
}

#[derive(Debug, Default, Deserialize)]
struct BackQuery {
    back: Option<String>,
    notice: Option<String>,
}

/// Where to go back to: a local path only.
fn back_of(input: Option<&str>) -> Option<String> {
    input.filter(|b| !b.is_empty()).map(|b| local_path(b, "/")).filter(|b| b != "/")
}

/// The form filled with preferences.
fn fields_of(p: &EdgePreferences) -> HashMap<String, String> {
    let mut fields: HashMap<String, String> =
        DAYS.iter().zip(p.weekdays).filter(|(_, on)| *on).map(|(d, _)| ((*d).to_owned(), "on".to_owned())).collect();
    if p.morning {
        fields.insert("morning".into(), "on".into());
    }
    if p.evening {
        fields.insert("evening".into(), "on".into());
    }
    fields.insert("morning_from".into(), show_time(p.morning_from));
    fields.insert("evening_from".into(), show_time(p.evening_from));
    fields.insert("evening_until".into(), show_time(p.evening_until));
    fields
}

/// The preferences typed, or `None` with each problem at its field. A person who can never meet would block every
/// proposal, so at least one day and one edge of the day are asked for.
fn parse(fields: &HashMap<String, String>, pa: &AfsprakenTexts, errors: &mut FieldErrors) -> Option<EdgePreferences> {
    let on = |name: &str| crate::forms::checkbox(&fields.get(name).cloned());
    let mut weekdays = [false; 5];
    for (day, name) in weekdays.iter_mut().zip(DAYS) {
        *day = on(name);
    }
    if !weekdays.contains(&true) {
        errors.add("weekdays", pa.err_weekdays);
    }
    let (morning, evening) = (on("morning"), on("evening"));
    if !morning && !evening {
        errors.add("edges", pa.err_edges);
    }
    let mut time_of = |name: &str| -> Option<Time> {
        let parsed = parse_time(fields.get(name).map(String::as_str).unwrap_or_default()).ok().flatten();
        if parsed.is_none() {
            errors.add(name, pa.err_time);
        }
        parsed
    };
    let (morning_from, evening_from, evening_until) =
        (time_of("morning_from"), time_of("evening_from"), time_of("evening_until"));
    let (morning_from, evening_from, evening_until) = (morning_from?, evening_from?, evening_until?);
    if morning && morning_from >= time!(09:00) {
        errors.add("morning_from", pa.err_morning_from);
    }
    if evening && evening_until <= evening_from.max(time!(17:30)) {
        errors.add("evening_until", pa.err_evening_until);
    }
    errors.is_empty().then_some(EdgePreferences {
        weekdays,
        morning,
        morning_from,
        evening,
        evening_from,
        evening_until,
    })
}

async fn show(State(state): State<AppState>, auth: Auth, Query(q): Query<BackQuery>) -> Result<Response, AppError> {
    let stored = afspraken::edge_preferences(&state.db, auth.user.id).await?;
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    ok(&times_page(page, stored.is_some(), back_of(q.back.as_deref()), fields_of(&stored.unwrap_or_default())))
}

fn times_page(page: Page, stored: bool, back: Option<String>, fields: HashMap<String, String>) -> TimesPage {
    let pa = page.pa;
    let days = DAYS.into_iter().zip([pa.day_mon, pa.day_tue, pa.day_wed, pa.day_thu, pa.day_fri]).collect();
    TimesPage { page, stored, days, back, fields, errors: FieldErrors::default() }
}

async fn save(
    State(state): State<AppState>,
    auth: Auth,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let back = back_of(fields.get("back").map(String::as_str));
    let mut errors = FieldErrors::default();
    let Some(preferences) = parse(&fields, auth.ctx.lang.afspraken(), &mut errors) else {
        let stored = afspraken::edge_preferences(&state.db, auth.user.id).await?.is_some();
        let page = TimesPage { errors, ..times_page(Page::for_user(&auth), stored, back, fields) };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    afspraken::save_edge_preferences(&mut tx, &auth.actor(&state), &preferences).await?;
    tx.commit().await?;
    let query = match back {
        Some(back) => format!("&back={}", form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()),
        None => String::new(),
    };
    Ok(Redirect::to(&format!("{PATH}?notice=saved{query}")).into_response())
}
