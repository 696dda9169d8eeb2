//! The case page: everything about one case as its viewer may see it, with the forms for the next step.

use super::{step_error, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::Lang;
use crate::picker::name_and_code;
use crate::state::AppState;
use crate::views::{show_date, show_time, Page};
use askama::Template;
use volkshuis_domain::access::{Action, ReadScope};
use volkshuis_domain::calendar::TermCalendar;
use volkshuis_domain::overleg::case::{days_left, Execution, Late, Stage, CORRECTION_WINDOW};
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind};
use volkshuis_store::overleg::{self, Case};
use volkshuis_store::stock::{self, StockRef};
use volkshuis_store::StoreError;

/// A deadline line: what, by when, the rule, and how many days are left.
pub(super) struct DeadlineView {
    pub label: &'static str,
    pub date: String,
    pub rule: String,
    pub days: Option<String>,
}

pub(super) struct DocumentView {
    pub id: i64,
    pub name: String,
    pub size: String,
    pub by: String,
    pub at: String,
}

pub(super) struct QuestionView {
    pub id: i64,
    pub question: String,
    pub asked_on: String,
    pub answer: Option<String>,
    pub answered_on: Option<String>,
}

pub(super) struct TrailView {
    pub at: String,
    pub party: String,
    pub actor: String,
    pub step: String,
    pub note: String,
}

pub(super) struct CommentView {
    pub author: String,
    pub body: String,
    pub at: String,
}

/// What the user typed into the step forms (kept when a form comes back with an error).
#[derive(Default, Clone)]
pub(super) struct Typed {
    pub answer_kind: String,
    pub answer_text: String,
    pub decision: String,
    pub reply_text: String,
    pub comment: String,
    pub question: String,
    /// The open question whose answer came back with an error, and the answer typed.
    pub answered_question: Option<i64>,
    pub question_answer: String,
}

/// The facts of the case, ready to show.
pub(super) struct CaseView {
    pub id: i64,
    pub title: String,
    pub kind: &'static str,
    pub subject: &'static str,
    pub corporation: String,
    pub tenant: String,
    pub received_on: String,
    pub explanation: String,
    pub clusters: String,
    pub stage: &'static str,
    pub stage_code: &'static str,
    pub late: Option<&'static str>,
    pub deadlines: Vec<DeadlineView>,
    pub execution: Option<(String, Option<DeadlineView>)>,
    pub answer: Option<(&'static str, String, String)>,
    pub decision: Option<(&'static str, String, String)>,
    pub version: i64,
}

#[derive(Template)]
#[template(path = "overleg/case.html")]
pub(super) struct CasePage {
    pub page: Page,
    pub org_id: i64,
    pub case: CaseView,
    pub documents: Vec<DocumentView>,
    pub questions: Vec<QuestionView>,
    pub comments: Vec<CommentView>,
    pub trail: Vec<TrailView>,
    pub is_tenant: bool,
    pub informed: bool,
    pub can_answer: bool,
    pub can_decide: bool,
    pub can_ask: bool,
    pub can_answer_questions: bool,
    pub can_comment: bool,
    pub answer_options: Vec<(String, String)>,
    pub decision_options: Vec<(String, String)>,
    /// Until when the organisation may withdraw its answer to correct it (shown with the button), if it may.
    pub correct_until: Option<String>,
    /// What withdrawing the answer does, while the user confirms it.
    pub withdrawing: Option<String>,
    pub typed: Typed,
    pub errors: FieldErrors,
    pub step_message: Option<String>,
    pub conflict: bool,
    /// A view (zienswijze): its decision's reply is asked for by the platform, not by art. 5 lid 3 (ADR 0064).
    pub is_view: bool,
}

impl CasePage {
    /// The message at question `q`'s answer, when that answer came back.
    fn question_error(&self, q: i64) -> Option<&str> {
        (self.typed.answered_question == Some(q)).then(|| self.errors.get("question_answer")).flatten()
    }

    /// The answer typed to question `q`, when it came back.
    fn question_typed(&self, q: i64) -> &str {
        if self.typed.answered_question == Some(q) {
            &self.typed.question_answer
        } else {
            ""
        }
    }
}

#[derive(Template)]
#[template(path = "overleg/print.html")]
pub(super) struct PrintPage {
    pub page: Page,
    pub case: CaseView,
    pub documents: Vec<DocumentView>,
    pub questions: Vec<QuestionView>,
    pub trail: Vec<TrailView>,
    pub printed_on: String,
}

/// The complexes a case is about as "De Linde (CPX000012), …": both parties read the corporation's names of them;
/// the codes stay where the names cannot be read (a partnership that has ended).
pub(super) async fn named_complexes(
    state: &AppState,
    scope: &ReadScope,
    case: &Case,
    lang: Lang,
) -> Result<String, AppError> {
    if case.clusters.is_empty() {
        return Ok(String::new());
    }
    let names =
        match stock::choice_names(&state.db, scope, case.corporation_id, StockRef::Complex, &case.clusters).await {
            Ok(names) => names,
            Err(StoreError::NotFound) => Default::default(),
            Err(other) => return Err(other.into()),
        };
    let shown: Vec<String> =
        case.clusters.iter().map(|c| name_and_code(lang, names.get(c).map(String::as_str), c)).collect();
    Ok(shown.join(", "))
}

/// The case's facts as shown to a viewer on `today`.
pub(super) fn case_view(page: &Page, case: &Case, cal: &TermCalendar, today: time::Date) -> CaseView {
    let ov = page.ov;
    let facts = case.facts();
    let deadline = |label, d: volkshuis_domain::overleg::Deadline, running: bool| DeadlineView {
        label,
        date: ov.deadline_date(&d),
        rule: ov.rule(&d.rule),
        days: running.then(|| ov.days(days_left(d.date, today))),
    };
    let mut deadlines = Vec::new();
    if let Ok(Some(d)) = facts.answer_deadline(cal) {
        deadlines.push(deadline(ov.answer_deadline, d, facts.stage() == Stage::AwaitingAnswer));
    }
    if let Some(d) = facts.reply_deadline(cal) {
        deadlines.push(deadline(ov.reply_deadline, d, facts.stage() == Stage::AwaitingDecision));
    }
    let execution = match facts.execution(cal) {
        Ok(Execution::NotApplicable) | Err(_) => None,
        Ok(Execution::AwaitingDecision) => Some((ov.exec_awaiting.to_owned(), None)),
        Ok(Execution::NotWithoutConsent) => Some((ov.exec_not_without_consent.to_owned(), None)),
        Ok(Execution::WithoutAnswerFrom(d)) => Some((String::new(), Some(deadline(ov.exec_without_answer, d, false)))),
        Ok(Execution::From(d)) => Some((String::new(), Some(deadline(ov.exec_from, d, false)))),
    };
    CaseView {
        id: case.id,
        title: case.title.clone(),
        kind: ov.kind(case.kind),
        subject: ov.subject(case.subject),
        corporation: case.corporation_name.clone(),
        tenant: case.tenant_org_name.clone(),
        received_on: show_date(case.received_on),
        explanation: case.explanation.clone(),
        clusters: case.clusters.join(", "),
        stage: ov.stage(facts.stage()),
        stage_code: facts.stage().code(),
        late: facts.late(cal, today).map(|l| match l {
            Late::Organisation { .. } => ov.late_org,
            Late::Corporation { .. } => ov.late_corp,
        }),
        deadlines,
        execution,
        answer: case
            .answer
            .as_ref()
            .map(|a| (ov.answer_name(a.kind), a.text.clone().unwrap_or_default(), show_date(a.on))),
        decision: case
            .decision
            .as_ref()
            .map(|d| (ov.decision_name(d.decision, case.kind), d.reply.clone().unwrap_or_default(), show_date(d.on))),
        version: case.version,
    }
}

/// Documents, questions and trail: what both parties see.
pub(super) async fn shared_parts(
    state: &AppState,
    page: &Page,
    scope: &ReadScope,
    case: &Case,
) -> Result<(Vec<DocumentView>, Vec<QuestionView>, Vec<TrailView>), AppError> {
    let documents = overleg::documents(&state.db, scope, case)
        .await?
        .into_iter()
        .map(|d| DocumentView {
            id: d.id,
            name: d.file_name,
            size: format!("{} kB", (d.size + 1023) / 1024),
            by: d.uploaded_by,
            at: show_time(d.uploaded_at),
        })
        .collect();
    let questions = overleg::questions(&state.db, scope, case)
        .await?
        .into_iter()
        .map(|q| QuestionView {
            id: q.id,
            question: q.question,
            asked_on: show_date(q.asked_on),
            answer: q.answer,
            answered_on: q.answered_on.map(show_date),
        })
        .collect();
    let party = |org_id: i64| {
        if org_id == case.corporation_id {
            case.corporation_name.clone()
        } else {
            case.tenant_org_name.clone()
        }
    };
    let trail = overleg::events(&state.db, scope, case)
        .await?
        .into_iter()
        // Internal comments are internal: the other party sees neither their text nor that they were written.
        .filter(|e| e.step != "commented" || e.org_id == scope.org_id())
        .map(|e| TrailView {
            at: show_time(e.at),
            // The day the organisation received the request is recorded by the corporation when it sends it: the
            // event is the organisation's, the person who wrote it the corporation's.
            party: party(if e.step == "received" { case.corporation_id } else { e.org_id }),
            actor: e.actor_label,
            step: page.ov.step(&e.step),
            note: e.note.map(|n| note_text(page, case.kind, &e.step, &n)).unwrap_or_default(),
        })
        .collect();
    Ok((documents, questions, trail))
}

fn note_text(page: &Page, kind: RequestKind, step: &str, note: &str) -> String {
    if step == "received" {
        // The day of receipt is stored as an ISO date; the trail shows it as every other date (dd-mm-jjjj).
        return crate::forms::parse_date(note).map(show_date).unwrap_or_else(|_| note.to_owned());
    }
    let ov = page.ov;
    let parsed = match step {
        "sent" => volkshuis_domain::overleg::RequestKind::parse(note).ok().map(|k| ov.kind(k)),
        "answered" | "answer_withdrawn" => AnswerKind::parse(note).ok().map(|a| ov.answer_name(a)),
        "decided" => Decision::parse(note).ok().map(|d| ov.decision_name(d, kind)),
        _ => None,
    };
    parsed.map(str::to_owned).unwrap_or_else(|| note.to_owned())
}

/// The whole case page for the organisation of `scope`.
#[expect(clippy::too_many_arguments, reason = "the page carries the typed forms, their errors and the step outcome")]
pub(super) async fn case_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    case: &Case,
    typed: Typed,
    errors: FieldErrors,
    step: Option<volkshuis_domain::overleg::case::StepError>,
    conflict: bool,
) -> Result<CasePage, AppError> {
    let page = Page::for_user(auth);
    let ov = page.ov;
    let today = today(state);
    let cal = super::term_calendar(state).await?;
    let (documents, questions, trail) = shared_parts(state, &page, scope, case).await?;
    // The internal discussion is the organisation's own, for its members only (not the platform administrator's grant,
    // ADR 0059).
    let members_only = auth.own_role(scope.org_id()).is_some();
    let comments = overleg::comments(&state.db, scope, case)
        .await?
        .into_iter()
        .filter(|_| members_only)
        .map(|c| CommentView { author: c.author_name, body: c.body, at: show_time(c.at) })
        .collect();
    let is_tenant = case.tenant_org_id == scope.org_id();
    let can_edit = scope.role().allows(Action::Edit);
    // Answering, deciding, withdrawing an answer, questions and comments are the organisation's own members' (ADR
    // 0059).
    let takes_steps = can_edit && super::writes_for(auth, scope.org_id());
    let stage = case.facts().stage();
    // No answer is chosen in advance (an answer with legal effect is never a default): `typed` is what the user
    // chose, or nothing.
    let correct_until = match (is_tenant && takes_steps, overleg::answered_at(&state.db, scope, case).await?) {
        (true, Some(at)) => {
            case.facts().check_correction(at, state.clock.now()).ok().map(|()| show_time(at + CORRECTION_WINDOW))
        }
        _ => None,
    };
    let mut view = case_view(&page, case, &cal, today);
    view.clusters = named_complexes(state, scope, case, auth.ctx.lang).await?;
    Ok(CasePage {
        org_id: scope.org_id(),
        case: view,
        documents,
        questions,
        comments,
        trail,
        is_tenant,
        informed: stage == Stage::Informed,
        can_answer: is_tenant && takes_steps && stage == Stage::AwaitingAnswer,
        can_decide: !is_tenant && takes_steps && stage == Stage::AwaitingDecision,
        can_ask: is_tenant && takes_steps && stage != Stage::Closed,
        can_answer_questions: !is_tenant && takes_steps,
        can_comment: takes_steps,
        answer_options: case
            .kind
            .answers()
            .iter()
            .map(|a| (a.code().to_owned(), ov.answer_name(*a).to_owned()))
            .collect(),
        decision_options: Decision::ALL
            .iter()
            .map(|d| (d.code().to_owned(), ov.decision_name(*d, case.kind).to_owned()))
            .collect(),
        correct_until,
        withdrawing: None,
        typed,
        errors,
        step_message: step.map(|e| step_error(ov, e, case.kind).to_owned()),
        conflict,
        is_view: case.kind == RequestKind::View,
        page,
    })
}
