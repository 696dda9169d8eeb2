//! One meeting of a cycle: each member of a party says which proposed times they can make and sees how many can;
//! the lead party or whoever planned it chooses the time, and every member of every party gets the invitation (in
//! the app, and by mail as they chose for their notices) with a link to the `.ics` to put in their calendar; the
//! parties keep the agenda and the minutes.

use super::cycle::lead;
use super::meetings::{meetings_path, slot_label};
use super::phase_bar::PhaseBar;
use super::{load, party_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{text_error, FieldErrors};
use crate::i18n::{Lang, NotifyTexts};
use crate::notify::{self, absolute, both_languages, Notice, SETTINGS_PATH};
use crate::state::AppState;
use crate::views::{attachment, ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::{HashMap, HashSet};
use time::Duration;
use volkshuis_domain::access::{self, Edit, Membership, ReadScope, View};
use volkshuis_domain::ical::{self, Calendar, Event, When};
use volkshuis_domain::text::LongText;
use volkshuis_store::afspraken::{self, Choice, Cycle, CycleRef, Meeting, MeetingSlot, MeetingText};
use volkshuis_store::{users, Tx};

pub fn router() -> Router<AppState> {
    const AT: &str = "/orgs/{org}/afspraken/{id}/overleggen/{meeting}";
    Router::new()
        .route(AT, get(show))
        .route(&format!("{AT}/beschikbaarheid"), post(answer))
        .route(&format!("{AT}/kiezen"), post(choose))
        .route(&format!("{AT}/agenda"), post(agenda))
        .route(&format!("{AT}/verslag"), post(minutes))
        .route(&format!("{AT}/uitnodiging.ics"), get(invitation))
}

struct SlotRow {
    id: i64,
    label: String,
    yes: i64,
    no: i64,
    chosen: bool,
    /// What the viewer answered: "yes", "no" or "" (as the radio buttons' values).
    mine: &'static str,
}

#[derive(Template)]
#[template(path = "afspraken/meeting.html")]
struct MeetingPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    meeting_id: i64,
    title: String,
    by: String,
    place: Option<String>,
    chosen: Option<String>,
    slots: Vec<SlotRow>,
    may_edit: bool,
    may_choose: bool,
    agenda: String,
    minutes: String,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl MeetingPage {
    /// A text as typed when the form came back, else as stored.
    fn text(&self, name: &str, stored: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_else(|| stored.to_owned())
    }

    /// The answer for a time as typed when the form came back, else as stored.
    fn answer(&self, slot: &SlotRow) -> String {
        self.text(&format!("slot-{}", slot.id), slot.mine)
    }

    fn slot_options(&self) -> Vec<(String, String)> {
        self.slots.iter().map(|s| (s.id.to_string(), format!("{} ({} / {})", s.label, s.yes, s.no))).collect()
    }
}

/// The cycle and the meeting in it, for a party; a meeting of another cycle is a 404.
async fn load_meeting(
    state: &AppState,
    scope: &ReadScope,
    id: i64,
    meeting: i64,
) -> Result<(CycleRef, Cycle, Meeting), AppError> {
    let (cycle_ref, cycle) = load(state, scope, id).await?;
    let found = afspraken::meeting(&state.db, &cycle_ref, meeting).await?.ok_or(AppError::NotFound)?;
    Ok((cycle_ref, cycle, found))
}

/// Whether the viewer may choose the time: a writer of the lead party, or the person who planned the meeting.
async fn may_choose(
    state: &AppState,
    auth: &Auth,
    org: i64,
    (cycle_ref, cycle, meeting): (&CycleRef, &Cycle, &Meeting),
) -> Result<bool, AppError> {
    if !super::may_write(state, auth, org).await {
        return Ok(false);
    }
    let parties = afspraken::parties(&state.db, cycle_ref).await?;
    Ok(lead(cycle, &parties) == org || meeting.created_by_user == Some(auth.user.id))
}

async fn meeting_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    (cycle_ref, cycle, meeting): (&CycleRef, &Cycle, Meeting),
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<MeetingPage, AppError> {
    let page = Page::for_user(auth);
    let pa = page.pa;
    let org = scope.org_id();
    let mine = afspraken::answers_of(&state.db, cycle_ref, meeting.id, auth.user.id).await?;
    let answer_of = |slot: &MeetingSlot| match mine.iter().find(|(id, _)| *id == slot.id) {
        Some((_, true)) => "yes",
        Some((_, false)) => "no",
        None => "",
    };
    Ok(MeetingPage {
        bar: PhaseBar::of(pa, cycle, org),
        org_id: org,
        id: cycle.id,
        may_edit: super::may_write(state, auth, org).await,
        may_choose: may_choose(state, auth, org, (cycle_ref, cycle, &meeting)).await?,
        meeting_id: meeting.id,
        by: pa.meeting_by(meeting.duration_minutes, &meeting.created_by_org_name),
        chosen: meeting.chosen().map(|s| pa.meeting_chosen(slot_label(pa, &s.slot))),
        slots: meeting
            .slots
            .iter()
            .map(|s| SlotRow {
                id: s.id,
                label: slot_label(pa, &s.slot),
                yes: s.yes,
                no: s.no,
                chosen: s.chosen,
                mine: answer_of(s),
            })
            .collect(),
        title: meeting.title,
        place: meeting.place,
        agenda: meeting.agenda,
        minutes: meeting.minutes,
        fields,
        errors,
        page,
    })
}

/// The meeting page again with what was typed and why it was not accepted.
async fn again(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    loaded: (CycleRef, Cycle, Meeting),
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let (cycle_ref, cycle, meeting) = loaded;
    let page = meeting_page(state, auth, scope, (&cycle_ref, &cycle, meeting), fields, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

fn back(org: i64, id: i64, meeting: i64, anchor: &str) -> Response {
    Redirect::to(&format!("{}/{meeting}?notice=saved#{anchor}", meetings_path(org, id))).into_response()
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, meeting)): Path<(i64, i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, cycle, found) = load_meeting(&state, &scope, id, meeting).await?;
    let page = meeting_page(&state, &auth, &scope, (&cycle_ref, &cycle, found), HashMap::new(), FieldErrors::default())
        .await?;
    ok(&MeetingPage { page: page.page.with_notice(q.notice.as_deref()), ..page })
}

/// The answers sent: `slot-<id>` = `yes` or `no` for each time answered. Any other value is no answer a form of
/// ours sends; an id that is not a time of this meeting is refused by the store (404).
fn answers(fields: &HashMap<String, String>) -> Result<Vec<(i64, bool)>, AppError> {
    let mut out = Vec::new();
    for (name, value) in fields {
        let Some(id) = name.strip_prefix("slot-") else { continue };
        let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
        match value.as_str() {
            "yes" => out.push((id, true)),
            "no" => out.push((id, false)),
            "" => {}
            _ => return Err(AppError::BadRequest),
        }
    }
    out.sort_unstable();
    Ok(out)
}

async fn answer(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, meeting)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let loaded = load_meeting(&state, scope.as_read(), id, meeting).await?;
    let given = answers(&fields)?;
    if given.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("answers", auth.ctx.lang.afspraken().err_no_answer);
        return again(&state, &auth, scope.as_read(), loaded, fields, errors).await;
    }
    let mut tx = state.db.begin().await?;
    afspraken::mark_availability(&mut tx, &scope, &auth.actor(&state), id, meeting, &given).await?;
    tx.commit().await?;
    Ok(back(org, id, meeting, "tijden"))
}

async fn choose(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, meeting)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle, found) = load_meeting(&state, scope.as_read(), id, meeting).await?;
    let Some(slot) = fields.get("slot").and_then(|s| s.trim().parse::<i64>().ok()) else {
        let mut errors = FieldErrors::default();
        errors.add("slot", auth.ctx.lang.afspraken().err_choose);
        return again(&state, &auth, scope.as_read(), (cycle_ref, cycle, found), fields, errors).await;
    };
    let mut tx = state.db.begin().await?;
    match afspraken::choose_slot(&mut tx, &scope, &auth.actor(&state), id, meeting, slot).await? {
        Choice::Chosen => {}
        // The form is not shown to others; whoever sends it anyway may not choose.
        Choice::NotAllowed => return Err(AppError::Forbidden),
    }
    let chosen = found.slots.iter().find(|s| s.id == slot).ok_or(AppError::NotFound)?;
    invite(&state, &mut tx, org, (&cycle_ref, &cycle, &found), chosen).await?;
    tx.commit().await?;
    Ok(back(org, id, meeting, "tijd"))
}

/// Sends the invitation for the chosen time to every active member of every party (the person who chose too: they
/// want it in their calendar as well), once a person, in their language, in the transaction of the choice.
async fn invite(
    state: &AppState,
    tx: &mut Tx,
    org: i64,
    (cycle_ref, cycle, meeting): (&CycleRef, &Cycle, &Meeting),
    chosen: &MeetingSlot,
) -> Result<(), AppError> {
    // On the transaction, never the pool: it holds SQLite's write lock (see `notify::tell`).
    let parties = afspraken::parties(&mut *tx, cycle_ref).await?;
    let by = parties.iter().find(|p| p.org.id == org).map(|p| p.org.name.clone()).unwrap_or_default();
    let mut told = HashSet::new();
    let lines = both_languages(|lang| {
        let texts = lang.afspraken();
        texts.meeting_invite_notice(&by, &meeting.title, slot_label(texts, &chosen.slot))
    });
    for party in &parties {
        for (user, role) in users::members_of(&mut *tx, party.org.id).await? {
            let membership = Membership { user_id: user.id, org_id: party.org.id, role };
            let may_see = access::grant(party.org.id, Some(membership), View).is_ok();
            if !user.active || !may_see || !told.insert(user.id) {
                continue;
            }
            let lang = Lang::from_code(&user.locale).unwrap_or_default();
            let pa = lang.afspraken();
            let when = slot_label(pa, &chosen.slot);
            let path = format!("{}/{}", meetings_path(party.org.id, cycle.id), meeting.id);
            let ics = absolute(state, &format!("{path}/uitnodiging.ics"));
            let mut body =
                pa.meeting_invite_body(&cycle.title, ics, absolute(state, &path), &by, &meeting.title, &when);
            if let Some(place) = &meeting.place {
                body.push_str(&format!("\n{}", pa.meeting_invite_place(place)));
            }
            if !meeting.agenda.is_empty() {
                body.push_str(&format!("\n\n{}\n{}", pa.meeting_invite_agenda, meeting.agenda));
            }
            let footer = NotifyTexts::of(lang).mail_footer(&party.org.name, absolute(state, SETTINGS_PATH));
            body.push_str(&format!("\n\n-- \n{footer}"));
            let subject = pa.meeting_invite_subject(&meeting.title, &when);
            let notice =
                Notice { org_id: party.org.id, lines: &lines, link_path: &path, subject: &subject, body: &body };
            notify::deliver(state, tx, &user, &notice).await?;
        }
    }
    tracing::info!(meeting = meeting.id, told = told.len(), "meeting invitation sent");
    Ok(())
}

/// Saves the agenda or the minutes (an emptied text is saved empty).
async fn save_text(
    state: AppState,
    auth: Auth,
    (org, id, meeting): (i64, i64, i64),
    fields: HashMap<String, String>,
    which: MeetingText,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let loaded = load_meeting(&state, scope.as_read(), id, meeting).await?;
    let name = match which {
        MeetingText::Agenda => "agenda",
        MeetingText::Minutes => "minutes",
    };
    let typed = fields.get(name).map(String::as_str).unwrap_or_default();
    let body = match LongText::parse_optional(typed) {
        Ok(body) => body,
        Err(error) => {
            let mut errors = FieldErrors::default();
            errors.add(name, text_error(auth.ctx.t(), error));
            return again(&state, &auth, scope.as_read(), loaded, fields, errors).await;
        }
    };
    let text = body.as_ref().map(LongText::as_str).unwrap_or_default();
    let mut tx = state.db.begin().await?;
    afspraken::save_meeting_text(&mut tx, &scope, &auth.actor(&state), id, meeting, which, text).await?;
    tx.commit().await?;
    Ok(back(org, id, meeting, name))
}

async fn agenda(
    State(state): State<AppState>,
    auth: Auth,
    Path(at): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    save_text(state, auth, at, fields, MeetingText::Agenda).await
}

async fn minutes(
    State(state): State<AppState>,
    auth: Auth,
    Path(at): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    save_text(state, auth, at, fields, MeetingText::Minutes).await
}

/// The chosen time as an iCalendar file, at its local time in Europe/Amsterdam (as the calendar feed writes the
/// overleg meetings); 404 before a time is chosen.
async fn invitation(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, meeting)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (_, cycle, found) = load_meeting(&state, &scope, id, meeting).await?;
    let chosen = found.chosen().ok_or(AppError::NotFound)?;
    let base = state.config.base_url.trim_end_matches('/');
    let host = url::Url::parse(base).ok().and_then(|u| u.host_str().map(str::to_owned));
    let mut description = cycle.title.clone();
    if !found.agenda.is_empty() {
        description.push_str(&format!("\n\n{}", found.agenda));
    }
    let event = Event {
        uid: format!("pa-meeting-{}@{}", found.id, host.as_deref().unwrap_or("volkshuis")),
        when: When::Local { date: chosen.slot.date, starts: chosen.slot.start, ends: chosen.slot.end },
        summary: found.title.clone(),
        description,
        location: found.place.clone(),
        url: Some(absolute(&state, &format!("{}/{}", meetings_path(org, id), found.id))),
        busy: true,
        alarms: Vec::new(),
    };
    let calendar = Calendar { name: found.title.clone(), refresh: Duration::days(1), events: vec![event] };
    let text = ical::write(&calendar, state.clock.now());
    Ok(attachment("overleg.ics", "text/calendar; charset=utf-8".to_owned(), text.into_bytes()))
}
