//! One case: its page, the tenant organisation's answer, the corporation's decision, comments, questions,
//! documents and the printable version.

use super::case_view::{case_page, case_view, shared_parts, PrintPage, Typed};
use super::confirm::{confirm_page, Step, CONFIRMED, EDIT};
use super::jobs;
use super::{load_case, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::notify::{self, Event, Step as Told};
use crate::state::AppState;
use crate::uploads::{MultipartForm, MAX_FORM_BYTES};
use crate::views::{attachment, ok, render, show_time, NoticeQuery, Page};
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Edit, ReadScope, View, WriteScope};
use volkshuis_domain::overleg::case::StepError;
use volkshuis_domain::overleg::{AnswerKind, Decision};
use volkshuis_domain::text::LongText;
use volkshuis_store::audit::Change;
use volkshuis_store::overleg::{self, Answer, Case, DecisionRecord, NewDocument};
use volkshuis_store::{StoreError, Tx};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg/{case}", get(show))
        .route("/orgs/{org}/overleg/{case}/antwoord", post(answer).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)))
        .route("/orgs/{org}/overleg/{case}/besluit", post(decide).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)))
        .route("/orgs/{org}/overleg/{case}/opmerkingen", post(comment))
        .route("/orgs/{org}/overleg/{case}/vragen", post(ask))
        .route("/orgs/{org}/overleg/{case}/vragen/{question}", post(answer_question))
        .route("/orgs/{org}/overleg/{case}/documenten/{document}", get(download))
        .route("/orgs/{org}/overleg/{case}/afdrukken", get(print))
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let case = load_case(&state, &scope, id).await?;
    if auth.memberships.iter().any(|(o, _)| o.id == org) {
        overleg::mark_opened(&state.db, &scope, &auth.actor(&state), &case).await?;
    } else {
        // A platform administrator looking in is not the organisation opening its case (which starts its answer):
        // the look is recorded as the administrator's own, in the audit log.
        let mut tx = state.db.begin().await?;
        let change = Change::event(Some(org), "admin_open", "overleg_case", case.id.to_string());
        volkshuis_store::audit::record(tx.conn(), &auth.actor(&state), change).await?;
        tx.commit().await?;
    }
    let mut page =
        case_page(&state, &auth, &scope, &case, Typed::default(), FieldErrors::default(), None, false).await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

/// The case page after a step, with a notice that says what the step did (`Page::with_notice`'s keys): an answer
/// with legal effect read "Opgeslagen." like a comment.
fn back_to(org: i64, id: i64, notice: &str) -> Response {
    Redirect::to(&format!("/orgs/{org}/overleg/{id}?notice={notice}")).into_response()
}

/// The case page again with what was typed and why it was not accepted.
#[expect(clippy::too_many_arguments, reason = "the page carries the typed forms, their errors and the step outcome")]
pub(super) async fn again(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    case: &Case,
    typed: Typed,
    errors: FieldErrors,
    step: Option<StepError>,
    conflict: bool,
) -> Result<Response, AppError> {
    let status = if conflict { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = case_page(state, auth, scope, case, typed, errors, step, conflict).await?;
    render(status, &page)
}

/// The case for a step that only one party takes (`party` names it), with the form as sent and the case version the
/// sender saw. Another party, even a legitimate viewer, is refused.
async fn step_form(
    state: &AppState,
    auth: &Auth,
    (org, id): (i64, i64),
    party: fn(&Case) -> i64,
    multipart: Multipart,
) -> Result<(WriteScope, Case, MultipartForm, i64), AppError> {
    let (scope, _) = party_scope(state, auth, org, Edit).await?;
    let case = load_case(state, &scope, id).await?;
    if party(&case) != scope.org_id() {
        return Err(AppError::Forbidden);
    }
    let upload = MultipartForm::read(multipart).await?;
    let seen_version = upload.text("version").trim().parse::<i64>().unwrap_or(0);
    Ok((scope, case, upload, seen_version))
}

/// Someone else took a step first: the case as it is now, with what this user typed kept.
async fn overtaken(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    id: i64,
    typed: Typed,
) -> Result<Response, AppError> {
    let now = load_case(state, scope, id).await?;
    again(state, auth, scope, &now, typed, FieldErrors::default(), None, true).await
}

/// A checked step that was not confirmed yet: the confirmation page with its summary, or (when the sender chose
/// to change it) the case page with everything typed. `None` when the step was confirmed and may be stored.
async fn unconfirmed(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    case: &Case,
    upload: &MultipartForm,
    typed: &Typed,
    step: Step,
) -> Result<Option<Response>, AppError> {
    match upload.text("confirmed").as_str() {
        CONFIRMED if upload.problems.is_empty() => Ok(None),
        EDIT => {
            let page = case_page(state, auth, scope, case, typed.clone(), FieldErrors::default(), None, false).await?;
            Ok(Some(ok(&page)?))
        }
        // Not confirmed yet, or confirmed with a file that cannot be taken: the confirmation page again, which
        // names the file (the documents are attached there).
        confirmed => {
            let cal = super::term_calendar(state).await?;
            let mut errors = FieldErrors::default();
            upload.report_problems(auth.ctx.lang.overleg(), &mut errors);
            let page = confirm_page(Page::for_user(auth), case, scope.org_id(), &cal, today(state), step, errors);
            let status = if confirmed == CONFIRMED { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
            Ok(Some(render(status, &page)?))
        }
    }
}

async fn store_documents(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &volkshuis_store::audit::Actor,
    case: &Case,
    step: &'static str,
    upload: &MultipartForm,
) -> Result<(), AppError> {
    for file in &upload.files {
        let doc = NewDocument {
            step,
            file_name: file.file_name.clone(),
            content_type: file.content_type,
            content: file.content.clone(),
        };
        overleg::add_document(tx, scope, actor, case, &doc).await?;
    }
    Ok(())
}

async fn answer(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, case, upload, seen_version) =
        step_form(&state, &auth, (org, id), |c| c.tenant_org_id, multipart).await?;
    let typed = Typed {
        answer_kind: upload.text("answer_kind"),
        answer_text: upload.text("answer_text"),
        ..Default::default()
    };
    let t = auth.ctx.t();
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    // Nothing is chosen in advance: no choice is an error that names it, with the text kept.
    let kind = AnswerKind::parse(&typed.answer_kind).map_err(|_| errors.add("answer_kind", ov.err_choose_answer)).ok();
    let text = errors.check(t, "answer_text", LongText::parse_optional(&typed.answer_text));
    if seen_version != case.version {
        // Answered meanwhile (the browser's Back re-sent a step of an answer already sent, often by this same
        // user): said so, not that someone else changed the case.
        if case.answer.is_some() {
            let step = Some(StepError::AlreadyAnswered);
            return again(&state, &auth, &scope, &case, typed, errors, step, true).await;
        }
        return again(&state, &auth, &scope, &case, typed, errors, None, true).await;
    }
    let (Some(kind), Some(text), true) = (kind, text, errors.is_empty()) else {
        return again(&state, &auth, &scope, &case, typed, errors, None, false).await;
    };
    match case.facts().check_answer(kind, text.is_some()) {
        // The text is missing: said at the text box, where it is typed (and in the page's summary).
        Err(StepError::TextRequired) => {
            let mut errors = errors;
            errors.add("answer_text", auth.ctx.lang.overleg().err_text_required);
            return again(&state, &auth, &scope, &case, typed, errors, None, false).await;
        }
        Err(step) => return again(&state, &auth, &scope, &case, typed, errors, Some(step), false).await,
        Ok(()) => {}
    }
    let step = Step::Answer { kind, text: typed.answer_text.clone() };
    if let Some(unconfirmed) = unconfirmed(&state, &auth, &scope, &case, &upload, &typed, step).await? {
        return Ok(unconfirmed);
    }
    let actor = auth.actor(&state);
    let record = Answer { kind, text: text.map(|t| t.as_str().to_owned()), on: today(&state) };
    let mut tx = state.db.begin().await?;
    match overleg::answer(&mut tx, &scope, &actor, &case, seen_version, &record).await {
        Err(StoreError::Conflict) => {
            drop(tx);
            return overtaken(&state, &auth, &scope, id, typed).await;
        }
        other => other?,
    }
    store_documents(&mut tx, &scope, &actor, &case, "answer", &upload).await?;
    let answered = overleg::get_in(tx.conn(), &scope, id).await?.ok_or(AppError::NotFound)?;
    jobs::case_answered(&state, &mut tx, &answered).await?;
    let step = Told::Answered { case: (&answered).into(), answer: kind };
    notify::tell(&state, &mut tx, &Event::new(&auth, org, step)).await?;
    tx.commit().await?;
    Ok(back_to(org, id, "answer_sent"))
}

async fn decide(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, case, upload, seen_version) =
        step_form(&state, &auth, (org, id), |c| c.corporation_id, multipart).await?;
    let typed =
        Typed { decision: upload.text("decision"), reply_text: upload.text("reply_text"), ..Default::default() };
    let t = auth.ctx.t();
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    let decision = Decision::parse(&typed.decision).map_err(|_| errors.add("decision", ov.err_choose_decision)).ok();
    let reply = errors.check(t, "reply_text", LongText::parse_optional(&typed.reply_text));
    if seen_version != case.version {
        return again(&state, &auth, &scope, &case, typed, errors, None, true).await;
    }
    let (Some(decision), Some(reply), true) = (decision, reply, errors.is_empty()) else {
        return again(&state, &auth, &scope, &case, typed, errors, None, false).await;
    };
    if let Err(step) = case.facts().check_decision(decision, reply.is_some()) {
        // A reasoned reply left out is the reply field's error, said beside it (the top of a long page only said
        // that something was wrong).
        if step == StepError::ReplyRequired {
            errors.add("reply_text", super::step_error(ov, step, case.kind));
            return again(&state, &auth, &scope, &case, typed, errors, None, false).await;
        }
        return again(&state, &auth, &scope, &case, typed, errors, Some(step), false).await;
    }
    let step = Step::Decision { decision, reply: typed.reply_text.clone() };
    if let Some(unconfirmed) = unconfirmed(&state, &auth, &scope, &case, &upload, &typed, step).await? {
        return Ok(unconfirmed);
    }
    let actor = auth.actor(&state);
    let record = DecisionRecord { decision, reply: reply.map(|r| r.as_str().to_owned()), on: today(&state) };
    let mut tx = state.db.begin().await?;
    match overleg::decide(&mut tx, &scope, &actor, &case, seen_version, &record).await {
        Err(StoreError::Conflict) => {
            drop(tx);
            return overtaken(&state, &auth, &scope, id, typed).await;
        }
        other => other?,
    }
    store_documents(&mut tx, &scope, &actor, &case, "decision", &upload).await?;
    let step = Told::Decided { case: (&case).into(), decision };
    notify::tell(&state, &mut tx, &Event::new(&auth, org, step)).await?;
    tx.commit().await?;
    Ok(back_to(org, id, "decision_sent"))
}

#[derive(Deserialize)]
struct TextForm {
    #[serde(default)]
    text: String,
}

async fn comment(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<TextForm>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let case = load_case(&state, &scope, id).await?;
    let mut errors = FieldErrors::default();
    let Some(body) = errors.check(auth.ctx.t(), "comment", LongText::parse(&form.text)) else {
        let typed = Typed { comment: form.text, ..Default::default() };
        return again(&state, &auth, &scope, &case, typed, errors, None, false).await;
    };
    let mut tx = state.db.begin().await?;
    overleg::add_comment(&mut tx, &scope, &auth.actor(&state), &case, &body).await?;
    tx.commit().await?;
    Ok(back_to(org, id, "saved"))
}

async fn ask(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<TextForm>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let case = load_case(&state, &scope, id).await?;
    if case.tenant_org_id != scope.org_id() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let question = errors.check(auth.ctx.t(), "question", LongText::parse(&form.text));
    let closed = case.facts().stage() == volkshuis_domain::overleg::case::Stage::Closed;
    let (Some(question), false) = (question, closed) else {
        let typed = Typed { question: form.text, ..Default::default() };
        let step = closed.then_some(StepError::Closed);
        return again(&state, &auth, &scope, &case, typed, errors, step, false).await;
    };
    let mut tx = state.db.begin().await?;
    overleg::add_question(&mut tx, &scope, &auth.actor(&state), &case, &question, today(&state)).await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Told::QuestionAsked((&case).into()))).await?;
    tx.commit().await?;
    Ok(back_to(org, id, "question_sent"))
}

async fn answer_question(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, question)): Path<(i64, i64, i64)>,
    Form(form): Form<TextForm>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let case = load_case(&state, &scope, id).await?;
    if case.corporation_id != scope.org_id() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let Some(answer) = errors.check(auth.ctx.t(), "question_answer", LongText::parse(&form.text)) else {
        // The page again with the message at this question and the answer as typed.
        let typed = Typed { answered_question: Some(question), question_answer: form.text, ..Typed::default() };
        return again(&state, &auth, &scope, &case, typed, errors, None, false).await;
    };
    let mut tx = state.db.begin().await?;
    match overleg::answer_question(&mut tx, &scope, &auth.actor(&state), id, question, &answer, today(&state)).await {
        Err(StoreError::Conflict) => {
            drop(tx);
            return again(&state, &auth, &scope, &case, Typed::default(), FieldErrors::default(), None, true).await;
        }
        other => other?,
    }
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Told::QuestionAnswered((&case).into()))).await?;
    tx.commit().await?;
    Ok(back_to(org, id, "question_answered"))
}

async fn download(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, document)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let case = load_case(&state, &scope, id).await?;
    let doc = overleg::document(&state.db, &scope, &case, document).await?.ok_or(AppError::NotFound)?;
    Ok(attachment(&doc.file_name, doc.content_type, doc.content))
}

async fn print(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let case = load_case(&state, &scope, id).await?;
    let page = Page::for_user(&auth);
    let (documents, questions, trail) = shared_parts(&state, &page, &scope, &case).await?;
    let mut view = case_view(&page, &case, &super::term_calendar(&state).await?, today(&state));
    view.clusters = super::case_view::named_complexes(&state, &scope, &case, auth.ctx.lang).await?;
    ok(&PrintPage { case: view, documents, questions, trail, printed_on: show_time(state.clock.now()), page })
}
