//! One consultation meeting: when and where (the corporation plans it), its agenda (both sides add items) and its
//! minutes.

use super::party_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{text_error, FieldErrors};
use crate::i18n::IcalTexts;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Action, Check, Edit, ReadScope, Scope, View};
use volkshuis_domain::overleg::meeting::{show_time, MeetingPlan, PlanError, PlanField};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::overleg::{self, Meeting};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg/vergaderingen/{id}", get(show))
        .route("/orgs/{org}/overleg/vergaderingen/{id}/agendapunten", post(add_item))
        .route("/orgs/{org}/overleg/vergaderingen/{id}/verslag", post(save_minutes))
        .route("/orgs/{org}/overleg/vergaderingen/{id}/tijd-en-plaats", post(save_plan))
}

/// The hour and place fields as typed (the meeting form on the year page has them too).
#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct PlanForm {
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub place: String,
}

impl PlanForm {
    /// The form filled with a meeting's plan as stored.
    fn of(meeting: &Meeting) -> Self {
        let (starts_at, ends_at) = meeting.hours.map(|(s, e)| (show_time(s), show_time(e))).unwrap_or_default();
        Self { starts_at, ends_at, place: meeting.place.clone().unwrap_or_default() }
    }

    /// The plan, or `None` with each problem recorded at its field.
    pub fn parse(&self, t: &crate::i18n::Texts, ic: &IcalTexts, errors: &mut FieldErrors) -> Option<MeetingPlan> {
        match MeetingPlan::parse(&self.starts_at, &self.ends_at, &self.place) {
            Ok(plan) => Some(plan),
            Err(problems) => {
                for (field, problem) in problems {
                    let field = match field {
                        PlanField::Start => "starts_at",
                        PlanField::End => "ends_at",
                        PlanField::Place => "place",
                    };
                    let message = match problem {
                        PlanError::TimeFormat => ic.err_time.to_owned(),
                        PlanError::EndMissing => ic.err_end_missing.to_owned(),
                        PlanError::StartMissing => ic.err_start_missing.to_owned(),
                        PlanError::EndNotAfterStart => ic.err_end_before_start.to_owned(),
                        PlanError::Place(error) => text_error(t, error),
                    };
                    errors.add(field, message);
                }
                None
            }
        }
    }
}

struct ItemView {
    text: String,
    by: String,
}

#[derive(Template)]
#[template(path = "overleg/meeting.html")]
struct MeetingPage {
    page: Page,
    org_id: i64,
    id: i64,
    title: String,
    date: String,
    hours: Option<String>,
    place: Option<String>,
    other_party: String,
    year: i32,
    ic: &'static IcalTexts,
    can_plan: bool,
    plan: PlanForm,
    items: Vec<ItemView>,
    minutes: String,
    can_edit: bool,
    item: String,
    errors: FieldErrors,
}

#[derive(Default, Deserialize)]
struct TextForm {
    #[serde(default)]
    text: String,
}

async fn load<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    action: C,
) -> Result<(C::Scope, Meeting), AppError> {
    let (scope, _) = party_scope(state, auth, org, action).await?;
    let meeting = overleg::meeting(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
    Ok((scope, meeting))
}

/// What a form sent back with errors keeps: the item or minutes typed, or the plan typed.
#[derive(Default)]
struct Typed {
    item: String,
    minutes: Option<String>,
    plan: Option<PlanForm>,
}

fn meeting_page(auth: &Auth, scope: &ReadScope, meeting: Meeting, typed: Typed, errors: FieldErrors) -> MeetingPage {
    let ic = IcalTexts::of(auth.ctx.lang);
    let Typed { item, minutes, plan } = typed;
    MeetingPage {
        page: Page::for_user(auth),
        org_id: scope.org_id(),
        id: meeting.id,
        date: show_date(meeting.held_on),
        hours: meeting.hours.map(|(s, e)| ic.hours(show_time(e), show_time(s))),
        place: meeting.place.clone(),
        ic,
        // The corporation planned the meeting and keeps its hour and place, as it set its day.
        can_plan: meeting.corporation_id == scope.org_id()
            && scope.role().allows(Action::Edit)
            && super::writes_for(auth, scope.org_id()),
        plan: plan.unwrap_or_else(|| PlanForm::of(&meeting)),
        title: meeting.title,
        other_party: meeting.other_party,
        year: meeting.held_on.year(),
        items: meeting.agenda.into_iter().map(|i| ItemView { text: i.text, by: i.added_by }).collect(),
        minutes: minutes.or(meeting.minutes).unwrap_or_default(),
        can_edit: scope.role().allows(Action::Edit) && super::writes_for(auth, scope.org_id()),
        item,
        errors,
    }
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, meeting) = load(&state, &auth, org, id, View).await?;
    let mut page = meeting_page(&auth, &scope, meeting, Typed::default(), FieldErrors::default());
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

async fn add_item(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<TextForm>,
) -> Result<Response, AppError> {
    let (scope, meeting) = load(&state, &auth, org, id, Edit).await?;
    let mut errors = FieldErrors::default();
    let Some(text) = errors.check(auth.ctx.t(), "item", Name::parse(&form.text)) else {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &meeting_page(&auth, &scope, meeting, Typed { item: form.text, ..Typed::default() }, errors),
        );
    };
    let mut tx = state.db.begin().await?;
    overleg::add_agenda_item(&mut tx, &scope, &auth.actor(&state), &meeting, &text).await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::AgendaItemAdded((&meeting).into()))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/vergaderingen/{id}?notice=saved")).into_response())
}

async fn save_minutes(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<TextForm>,
) -> Result<Response, AppError> {
    let (scope, meeting) = load(&state, &auth, org, id, Edit).await?;
    let mut errors = FieldErrors::default();
    let Some(minutes) = errors.check(auth.ctx.t(), "minutes", LongText::parse(&form.text)) else {
        let page = meeting_page(&auth, &scope, meeting, Typed { minutes: Some(form.text), ..Typed::default() }, errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    overleg::set_minutes(&mut tx, &scope, &auth.actor(&state), &meeting, &minutes).await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::MinutesRecorded((&meeting).into()))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/vergaderingen/{id}?notice=saved")).into_response())
}

async fn save_plan(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<PlanForm>,
) -> Result<Response, AppError> {
    let (scope, meeting) = load(&state, &auth, org, id, Edit).await?;
    if meeting.corporation_id != scope.org_id() {
        return Err(AppError::Forbidden); // The tenant organisation sees the plan; the corporation keeps it.
    }
    let mut errors = FieldErrors::default();
    let Some(plan) = form.parse(auth.ctx.t(), IcalTexts::of(auth.ctx.lang), &mut errors) else {
        let page = meeting_page(&auth, &scope, meeting, Typed { plan: Some(form), ..Typed::default() }, errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    overleg::set_plan(&mut tx, &scope, &auth.actor(&state), meeting.id, &plan).await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::MeetingReplanned((&meeting).into()))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/vergaderingen/{id}?notice=saved")).into_response())
}
