//! The meetings of a cycle and planning one at the edges of the day: the party gives a subject, a duration and a
//! period, and Volkshuis proposes the times that suit every member of the parties who said when they can (the
//! domain's `propose_slots`, with the holidays of the Algemene termijnenwet). The times are kept with the meeting.

use super::field;
use super::phase_bar::PhaseBar;
use super::{load, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::i18n::AfsprakenTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use time::{Date, Weekday};
use volkshuis_domain::access::{Edit, ReadScope, View};
use volkshuis_domain::afspraken::{propose_slots, Slot};
use volkshuis_domain::overleg::meeting::show_time;
use volkshuis_domain::text::Name;
use volkshuis_store::afspraken::{self, Cycle, CycleRef, NewMeeting};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken/{id}/overleggen", get(show).post(plan))
}

/// The most times proposed for one meeting: enough to choose from, few enough to answer.
const MOST_SLOTS: usize = 12;
/// The shortest and longest meeting, in minutes (a morning slot is at most 90 minutes with the usual times).
const DURATION: std::ops::RangeInclusive<u16> = 15..=240;
/// How far ahead a proposal looks, in days.
const DAYS: std::ops::RangeInclusive<u32> = 1..=60;

/// A proposed time as read: "maandag 30-11-2026, 07:30–09:00 uur".
pub(super) fn slot_label(pa: &AfsprakenTexts, slot: &Slot) -> String {
    let day = match slot.date.weekday() {
        Weekday::Monday => pa.day_mon,
        Weekday::Tuesday => pa.day_tue,
        Weekday::Wednesday => pa.day_wed,
        Weekday::Thursday => pa.day_thu,
        Weekday::Friday => pa.day_fri,
        Weekday::Saturday => pa.day_sat,
        Weekday::Sunday => pa.day_sun,
    };
    pa.slot(show_date(slot.date), day, show_time(slot.end), show_time(slot.start))
}

/// The path of the meetings of a cycle, for the party `org`.
pub(super) fn meetings_path(org: i64, id: i64) -> String {
    format!("/orgs/{org}/afspraken/{id}/overleggen")
}

struct MeetingRow {
    id: i64,
    title: String,
    by: String,
    when: String,
}

#[derive(Template)]
#[template(path = "afspraken/meetings.html")]
struct MeetingsPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    title: String,
    meetings: Vec<MeetingRow>,
    preferences: String,
    times_link: String,
    may_edit: bool,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl MeetingsPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn meetings_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    (cycle_ref, cycle): (&CycleRef, &Cycle),
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<MeetingsPage, AppError> {
    let page = Page::for_user(auth);
    let pa = page.pa;
    let org = scope.org_id();
    let stored = afspraken::party_preferences(&state.db, cycle_ref).await?.len();
    let meetings = afspraken::meetings(&state.db, cycle_ref)
        .await?
        .into_iter()
        .map(|m| MeetingRow {
            id: m.id,
            by: pa.meeting_by(m.duration_minutes, &m.created_by_org_name),
            when: match m.chosen() {
                Some(chosen) => slot_label(pa, &chosen.slot),
                None => pa.meeting_proposed(m.slots.len() as i64),
            },
            title: m.title,
        })
        .collect();
    let back = form_urlencoded::byte_serialize(meetings_path(org, cycle.id).as_bytes()).collect::<String>();
    Ok(MeetingsPage {
        bar: PhaseBar::of(pa, cycle, org),
        org_id: org,
        id: cycle.id,
        title: pa.meetings_title(&cycle.title),
        meetings,
        preferences: pa.meetings_preferences(stored as i64),
        times_link: format!("{}?back={back}", super::meeting_times::PATH),
        may_edit: super::may_write(state, auth, org).await,
        fields,
        errors,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, cycle) = load(&state, &scope, id).await?;
    // A first visit suggests a meeting of 90 minutes in the coming four weeks, from tomorrow.
    let from = today(&state).next_day().unwrap_or(today(&state));
    let fields = HashMap::from([
        ("duration".to_owned(), "90".to_owned()),
        ("from".to_owned(), from.to_string()),
        ("days".to_owned(), "28".to_owned()),
    ]);
    let page = meetings_page(&state, &auth, &scope, (&cycle_ref, &cycle), fields, FieldErrors::default()).await?;
    ok(&MeetingsPage { page: page.page.with_notice(q.notice.as_deref()), ..page })
}

/// The plan form, parsed: subject, duration, the first day and how many days ahead, the place.
struct PlanForm {
    title: Name,
    duration: u16,
    from: Date,
    days: u32,
    place: Option<String>,
}

fn parse_plan(
    fields: &HashMap<String, String>,
    t: &crate::i18n::Texts,
    pa: &AfsprakenTexts,
    today: Date,
    errors: &mut FieldErrors,
) -> Option<PlanForm> {
    let title = errors.check(t, "title", Name::parse(field(fields, "title")));
    let duration = field(fields, "duration").parse::<u16>().ok().filter(|d| DURATION.contains(d));
    if duration.is_none() {
        errors.add("duration", pa.err_duration);
    }
    let from = parse_date(field(fields, "from")).ok().filter(|d| *d >= today);
    if from.is_none() {
        errors.add("from", pa.err_from);
    }
    let days = field(fields, "days").parse::<u32>().ok().filter(|d| DAYS.contains(d));
    if days.is_none() {
        errors.add("days", pa.err_days);
    }
    let place = match field(fields, "place") {
        "" => Some(None),
        typed => errors.check(t, "place", Name::parse(typed)).map(|p| Some(p.as_str().to_owned())),
    };
    Some(PlanForm { title: title?, duration: duration?, from: from?, days: days?, place: place? })
}

async fn plan(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let (t, pa) = (auth.ctx.t(), auth.ctx.lang.afspraken());
    let mut errors = FieldErrors::default();
    let parsed = parse_plan(&fields, t, pa, today(&state), &mut errors);
    let slots = match &parsed {
        Some(form) => {
            let people = afspraken::party_preferences(&state.db, &cycle_ref).await?;
            let calendar = volkshuis_store::calendar::term_calendar(&state.db).await?;
            propose_slots(form.from, form.days, form.duration, &people, &calendar, MOST_SLOTS)
        }
        None => Vec::new(),
    };
    let Some(form) = parsed.filter(|_| !slots.is_empty()) else {
        if errors.is_empty() {
            errors.add("days", pa.err_no_slots);
        }
        let page = meetings_page(&state, &auth, scope.as_read(), (&cycle_ref, &cycle), fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let new =
        NewMeeting { title: form.title.as_str().to_owned(), duration_minutes: form.duration, place: form.place, slots };
    let mut tx = state.db.begin().await?;
    let meeting = afspraken::plan_meeting(&mut tx, &scope, &auth.actor(&state), id, &new).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}/{meeting}?notice=saved", meetings_path(org, id))).into_response())
}
