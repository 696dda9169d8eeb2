//! One group: what it is, its activity log, its Overlegwet criteria, and — for its own organisation — the requests
//! tenants sent it.

use super::groups::{area_names, row, GroupRow};
use super::{may_edit, party_scope, visible_group};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, parse_date, FieldErrors};
use crate::i18n::PickersTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Edit, ReadScope, View};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::participatie::group::{ActivityKind, CriterionCheck};
use volkshuis_domain::text::Name;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::participatie::{self as part, Activity, Group};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie/groepen/{id}", get(show))
        .route("/orgs/{org}/participatie/groepen/{id}/activiteiten", post(add_activity))
        .route("/orgs/{org}/participatie/groepen/{id}/criteria", post(save_criteria))
        .route("/orgs/{org}/participatie/groepen/{id}/beeindigen", post(end))
}

struct CriterionRow {
    code: &'static str,
    text: &'static str,
    met: bool,
    evidence: String,
    checked_on: Option<String>,
    /// Why the form refused it (a criterion ticked as met without evidence).
    error: Option<&'static str>,
}

struct ActivityRow {
    date: String,
    kind: &'static str,
    topic: String,
    participants: String,
}

struct RequestRow {
    id: i64,
    name: String,
    contact: String,
    /// The contact as an address to write to, when it is one.
    mail: Option<String>,
    message: String,
    address: String,
    at: String,
}

#[derive(Template)]
#[template(path = "participatie/group.html")]
pub(super) struct GroupPage {
    pub(super) page: Page,
    org_id: i64,
    group: GroupRow,
    contact_role: String,
    approx_size: String,
    channels: String,
    description: String,
    join_info: String,
    started_on: String,
    criteria: Vec<CriterionRow>,
    /// The group it falls under, when the viewer sees it: its name and page.
    parent: Option<(String, String)>,
    recognition: Option<super::recognition::RecognitionView>,
    activities: Vec<ActivityRow>,
    requests: Option<Vec<RequestRow>>,
    inbox_note: String,
    can_edit: bool,
    activity_kinds: Vec<(String, String)>,
    typed: HashMap<String, String>,
    errors: FieldErrors,
    messages: Vec<part::Message>,
}

impl GroupPage {
    fn typed(&self, name: &str) -> String {
        self.typed.get(name).cloned().unwrap_or_default()
    }
}

pub(super) async fn group_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: &Organisation,
    group: &Group,
    typed: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<GroupPage, AppError> {
    let page = Page::for_user(auth);
    let pt = page.pt;
    let today = dutch_date(state.clock.now());
    let criteria = group
        .kind
        .criteria()
        .iter()
        .map(|c| {
            let check = group.criteria.iter().find(|k| k.criterion == *c);
            CriterionRow {
                code: c.code(),
                text: pt.criterion(*c),
                met: check.is_some_and(|k| k.met),
                evidence: check.map(|k| k.evidence.clone()).unwrap_or_default(),
                checked_on: check.map(|k| show_date(k.checked_on)),
                error: None,
            }
        })
        .collect();
    let activities = part::activities(&state.db, group)
        .await?
        .into_iter()
        .map(|a| ActivityRow {
            date: show_date(a.held_on),
            kind: pt.activity(a.kind),
            topic: a.topic,
            participants: a.participants.map(|n| PickersTexts::of(auth.ctx.lang).participants(n)).unwrap_or_default(),
        })
        .collect();
    // Join requests are personal data: only for the organisation that keeps the group, and there for its own editing
    // members (not its read-only members, not the platform's operator).
    let requests = if group.org_id == scope.org_id() && auth.edits_as_member(scope.org_id()) {
        let read = part::join_requests(&state.db, group, &auth.actor(state)).await?;
        Some(
            read.into_iter()
                .map(|(id, r)| RequestRow {
                    id,
                    name: r.name,
                    mail: volkshuis_domain::account::Email::parse(&r.contact).ok().map(|e| e.to_string()),
                    contact: r.contact,
                    message: r.message,
                    address: r.address,
                    at: show_time(r.at),
                })
                .collect(),
        )
    } else {
        None
    };
    Ok(GroupPage {
        org_id: scope.org_id(),
        group: row(&page, group, 0, today, &area_names(state, scope, &[group]).await?),
        contact_role: group.contact_role.clone(),
        approx_size: group.approx_size.map(|n| n.to_string()).unwrap_or_default(),
        channels: group.channels.iter().map(|c| pt.channel(*c)).collect::<Vec<_>>().join(", "),
        description: group.description.clone(),
        join_info: group.join_info.clone(),
        started_on: group.started_on.map(show_date).unwrap_or_default(),
        criteria,
        parent: match group.parent_id {
            Some(parent) => part::visible_group(&state.db, scope, parent)
                .await?
                .map(|p| (p.name, format!("/orgs/{}/participatie/groepen/{}", scope.org_id(), p.id))),
            None => None,
        },
        recognition: super::recognition::view(state, auth, scope, organisation, group).await?,
        activities,
        requests,
        inbox_note: format!("{} {}", pt.inbox_private(&group.org_name), pt.inbox_kept(state.config.join_request_days)),
        can_edit: may_edit(scope, organisation, group),
        activity_kinds: ActivityKind::ALL.iter().map(|k| (k.code().to_owned(), pt.activity(*k).to_owned())).collect(),
        typed,
        errors,
        messages: part::messages_of_group(&state.db, group).await?,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, View).await?;
    let group = visible_group(&state, &scope, id).await?;
    let mut page =
        group_page(&state, &auth, &scope, &organisation, &group, HashMap::new(), FieldErrors::default()).await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    let pt = auth.ctx.lang.participatie();
    match q.notice.as_deref() {
        Some("recognised") => page.page.notice = Some(pt.notice_recognised.to_owned()),
        Some("recognition_withdrawn") => page.page.notice = Some(pt.notice_recognition_withdrawn.to_owned()),
        Some("request_handled") => page.page.notice = Some(pt.notice_request_handled.to_owned()),
        _ => {}
    }
    ok(&page)
}

async fn add_activity(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(typed): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if !may_edit(&scope, &organisation, &group) {
        return Err(AppError::Forbidden);
    }
    let t = auth.ctx.t();
    let field = |n: &str| typed.get(n).map(String::as_str).unwrap_or("");
    let mut errors = FieldErrors::default();
    let kind = errors.check(t, "activity_kind", ActivityKind::parse(field("activity_kind")));
    let held_on = errors.check(t, "held_on", parse_date(field("held_on")));
    let topic = errors.check(t, "topic", Name::parse(field("topic")));
    let participants = match field("participants").trim() {
        "" => Some(None),
        n => n.parse::<i64>().ok().filter(|n| *n >= 0).map(Some),
    };
    if participants.is_none() {
        errors.add("participants", t.err_format);
    }
    // An activity to come may be recorded, but who took part is known only once it was held.
    let today = volkshuis_domain::calendar::dutch_date(state.clock.now());
    if held_on.is_some_and(|day| day > today) && matches!(participants, Some(Some(_))) {
        errors.add("participants", auth.ctx.lang.participatie().err_participants_later);
    }
    let (Some(kind), Some(held_on), Some(topic), Some(participants)) = (kind, held_on, topic, participants) else {
        let page = group_page(&state, &auth, &scope, &organisation, &group, typed, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    let activity = Activity { kind, held_on, topic: topic.as_str().to_owned(), participants };
    part::add_activity(&mut tx, &scope, &group, &activity, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=saved")).into_response())
}

async fn save_criteria(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(typed): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if !may_edit(&scope, &organisation, &group) {
        return Err(AppError::Forbidden);
    }
    let today = dutch_date(state.clock.now());
    let checks: Vec<CriterionCheck> = group
        .kind
        .criteria()
        .iter()
        .map(|c| {
            let met = checkbox(&typed.get(&format!("met_{}", c.code())).cloned());
            let evidence: String = typed
                .get(&format!("evidence_{}", c.code()))
                .map(|e| e.trim().chars().take(500).collect())
                .unwrap_or_default();
            // A criterion saved as it stood keeps the day it was checked: saving the form for one evidence text
            // dated every criterion "checked today" (the missed yearly meeting's included).
            let before = group.criteria.iter().find(|k| k.criterion == *c && k.met == met && k.evidence == evidence);
            CriterionCheck { criterion: *c, met, evidence, checked_on: before.map_or(today, |k| k.checked_on) }
        })
        .collect();
    // "Aantoonbaar voldaan" needs what shows it: the corporation recognises the group on this evidence.
    let unshown: Vec<usize> =
        checks.iter().enumerate().filter(|(_, c)| c.met && c.evidence.is_empty()).map(|(i, _)| i).collect();
    if !unshown.is_empty() {
        let pt = auth.ctx.lang.participatie();
        let mut errors = FieldErrors::default();
        for i in &unshown {
            errors.add(format!("evidence_{}", checks[*i].criterion.code()), pt.err_evidence_needed);
        }
        let mut page = group_page(&state, &auth, &scope, &organisation, &group, HashMap::new(), errors).await?;
        for (row, check) in page.criteria.iter_mut().zip(&checks) {
            row.met = check.met;
            row.evidence = check.evidence.clone();
            row.error = (check.met && check.evidence.is_empty()).then_some(pt.err_evidence_needed);
        }
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    part::set_criteria(&mut tx, &scope, &auth.actor(&state), &group, &checks).await?;
    tx.commit().await?;
    part::recompute(&state.db, &scope, group.corporation_id).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=saved")).into_response())
}

/// Ends a group, after a page that says what it changes and that it cannot be reopened (the red button under a
/// group's name ended it at one tap).
async fn end(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if !may_edit(&scope, &organisation, &group) {
        return Err(AppError::Forbidden);
    }
    if !crate::confirm_step::confirmed(&fields) {
        let pt = auth.ctx.lang.participatie();
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: pt.end_group_title(&group.name),
            lines: vec![pt.end_group_effect(&group.name), pt.end_group_blind.to_owned(), pt.end_group_final.to_owned()],
            action: format!("/orgs/{org}/participatie/groepen/{id}/beeindigen"),
            button: pt.end_group_yes,
            back_href: format!("/orgs/{org}/participatie/groepen/{id}"),
            back_text: pt.end_group_no,
            carried: Vec::new(),
        }
        .response();
    }
    let mut tx = state.db.begin().await?;
    part::end_group(&mut tx, &scope, &auth.actor(&state), &group, dutch_date(state.clock.now())).await?;
    tx.commit().await?;
    part::recompute(&state.db, &scope, group.corporation_id).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie?notice=saved")).into_response())
}
