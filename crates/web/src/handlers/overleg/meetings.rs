//! One consultation meeting: its agenda (both sides add items) and its minutes.

use super::party_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
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
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::overleg::{self, Meeting};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg/vergaderingen/{id}", get(show))
        .route("/orgs/{org}/overleg/vergaderingen/{id}/agendapunten", post(add_item))
        .route("/orgs/{org}/overleg/vergaderingen/{id}/verslag", post(save_minutes))
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
    other_party: String,
    year: i32,
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

fn meeting_page(
    auth: &Auth,
    scope: &ReadScope,
    meeting: Meeting,
    item: String,
    minutes: Option<String>,
    errors: FieldErrors,
) -> MeetingPage {
    MeetingPage {
        page: Page::for_user(auth),
        org_id: scope.org_id(),
        id: meeting.id,
        title: meeting.title,
        date: show_date(meeting.held_on),
        other_party: meeting.other_party,
        year: meeting.held_on.year(),
        items: meeting.agenda.into_iter().map(|i| ItemView { text: i.text, by: i.added_by }).collect(),
        minutes: minutes.or(meeting.minutes).unwrap_or_default(),
        can_edit: scope.role().allows(Action::Edit),
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
    let mut page = meeting_page(&auth, &scope, meeting, String::new(), None, FieldErrors::default());
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
            &meeting_page(&auth, &scope, meeting, form.text, None, errors),
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
        let page = meeting_page(&auth, &scope, meeting, String::new(), Some(form.text), errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    overleg::set_minutes(&mut tx, &scope, &auth.actor(&state), &meeting, &minutes).await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::MinutesRecorded((&meeting).into()))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/vergaderingen/{id}?notice=saved")).into_response())
}
