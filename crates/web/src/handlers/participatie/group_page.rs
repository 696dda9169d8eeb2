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
use volkshuis_domain::participatie::group::{recognition, ActivityKind, CriterionCheck, Recognition};
use volkshuis_domain::text::Name;
use volkshuis_store::orgs::{self, Organisation};
use volkshuis_store::participatie::{self as part, Activity, Group};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie/groepen/{id}", get(show))
        .route("/orgs/{org}/participatie/groepen/{id}/activiteiten", post(add_activity))
        .route("/orgs/{org}/participatie/groepen/{id}/criteria", post(save_criteria))
        .route("/orgs/{org}/participatie/groepen/{id}/beeindigen", post(end))
        .route("/orgs/{org}/participatie/groepen/{id}/erkenning", post(recognise))
        .route("/orgs/{org}/participatie/groepen/{id}/aanmeldingen/{request}/afgehandeld", post(handle_request))
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

/// Where the group stands under the Overlegwet, and what the viewer may do about it.
struct RecognitionView {
    /// The state in words ("Erkend door Woonstad op …", "Wacht op erkenning door Woonstad").
    status: String,
    /// The corporation's own editing members: whether they may recognise it now, or withdraw the recognition.
    may_recognise: bool,
    may_withdraw: bool,
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
    page: Page,
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
    recognition: Option<RecognitionView>,
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
        recognition: recognition_view(state, auth, scope, organisation, group).await?,
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

/// The group's recognition as the page shows it; none for a group that is no formal body.
async fn recognition_view(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: &Organisation,
    group: &Group,
) -> Result<Option<RecognitionView>, AppError> {
    let pt = auth.ctx.lang.participatie();
    let mut state_now = recognition(group.kind, &group.criteria, group.recognised_on.is_some());
    if state_now == Recognition::Informal {
        return Ok(None);
    }
    // Criteria ticked before evidence was asked for, without it: not shown yet, so nothing to recognise.
    if state_now == Recognition::AwaitingLandlord && !part::criteria_shown(group.kind, &group.criteria) {
        state_now = Recognition::CriteriaOpen;
    }
    let corporation = if organisation.id == group.corporation_id {
        organisation.name.clone()
    } else {
        orgs::get(&state.db, group.corporation_id).await?.map(|o| o.name).unwrap_or_default()
    };
    let status = match (state_now, group.recognised_on) {
        (Recognition::Recognised, Some(on)) => pt.recognition_given(&corporation, show_date(on)),
        (Recognition::AwaitingLandlord, _) => pt.recognition_awaiting(&corporation),
        (_, Some(on)) => pt.recognition_lapsed(&corporation, show_date(on)),
        _ => pt.recognition_criteria_open(&corporation),
    };
    // The corporation's own staff decide (not the platform operator, not the group's keeper).
    let decides = scope.org_id() == group.corporation_id && auth.edits_as_member(scope.org_id());
    Ok(Some(RecognitionView {
        status,
        may_recognise: decides && state_now == Recognition::AwaitingLandlord,
        may_withdraw: decides && group.recognised_on.is_some(),
    }))
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

/// The corporation recognises one of its formal groups under the Overlegwet (`erkennen=ja`), or withdraws the
/// recognition (`erkennen=nee`), asked once more with what it changes. Only its own editing members decide; a
/// recognition needs every criterion shown to be met.
async fn recognise(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if org != group.corporation_id || !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    let pt = auth.ctx.lang.participatie();
    let give = match crate::forms::field(&fields, "erkennen") {
        "ja" => true,
        "nee" => false,
        _ => return Err(AppError::NotFound),
    };
    let now = recognition(group.kind, &group.criteria, group.recognised_on.is_some());
    let fits = if give {
        now == Recognition::AwaitingLandlord && part::criteria_shown(group.kind, &group.criteria)
    } else {
        group.recognised_on.is_some()
    };
    if !fits {
        // Recognised meanwhile, withdrawn meanwhile, or a criterion unticked since the page was shown.
        let mut page =
            group_page(&state, &auth, &scope, &organisation, &group, HashMap::new(), FieldErrors::default()).await?;
        page.page.notice = Some(pt.recognition_changed.to_owned());
        return render(StatusCode::CONFLICT, &page);
    }
    if !crate::confirm_step::confirmed(&fields) {
        let lines = if give {
            vec![pt.recognise_effect(&organisation.name, &group.name), pt.recognise_coverage.to_owned()]
        } else {
            // A recognition whose criteria lapsed counts no more already: the coverage does not change.
            let mut lines = vec![pt.unrecognise_effect(&organisation.name, &group.name)];
            if now == Recognition::Recognised {
                lines.push(pt.unrecognise_coverage.to_owned());
            }
            lines
        };
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: if give { pt.recognise_title(&group.name) } else { pt.unrecognise_title(&group.name) },
            lines,
            action: format!("/orgs/{org}/participatie/groepen/{id}/erkenning"),
            button: if give { pt.recognise_yes } else { pt.unrecognise_yes },
            back_href: format!("/orgs/{org}/participatie/groepen/{id}#criteria"),
            back_text: pt.recognise_back,
            carried: vec![("erkennen".to_owned(), if give { "ja" } else { "nee" }.to_owned())],
        }
        .response();
    }
    let today = dutch_date(state.clock.now());
    let mut tx = state.db.begin().await?;
    if !part::set_recognition(&mut tx, &scope, &auth.actor(&state), &group, give.then_some(today)).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    part::recompute(&state.db, &scope, group.corporation_id).await?;
    let notice = if give { "recognised" } else { "recognition_withdrawn" };
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice={notice}")).into_response())
}

/// The group's organisation answered a tenant's request to join (called, mailed, welcomed them): the request and its
/// personal data are deleted now, asked once more; only the keeping organisation's own editing members do this.
async fn handle_request(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, request)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if group.org_id != org || !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    let pt = auth.ctx.lang.participatie();
    if !crate::confirm_step::confirmed(&fields) {
        let requests = part::join_requests(&state.db, &group, &auth.actor(&state)).await?;
        let Some((_, r)) = requests.into_iter().find(|(r, _)| *r == request) else {
            return Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}#inbox")).into_response());
        };
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: pt.request_handled_title(&r.name),
            lines: vec![pt.request_handled_effect(&r.name), pt.request_handled_contact.to_owned()],
            action: format!("/orgs/{org}/participatie/groepen/{id}/aanmeldingen/{request}/afgehandeld"),
            button: pt.request_handled_yes,
            back_href: format!("/orgs/{org}/participatie/groepen/{id}#inbox"),
            back_text: pt.recognise_back,
            carried: Vec::new(),
        }
        .response();
    }
    let mut tx = state.db.begin().await?;
    // Handled already (a second tab, a button pressed twice): nothing left to delete, and the page says the same.
    part::handle_join_request(&mut tx, &group, &auth.actor(&state), request).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=request_handled")).into_response())
}
