//! Correcting an answer sent by mistake: within the domain's correction window, and before the corporation
//! decided, the organisation withdraws its answer and answers again. The trail records the withdrawal with the
//! withdrawn answer, so both parties see what happened.

use super::case::again;
use super::case_view::{case_page, Typed};
use super::{load_case, party_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::render;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Edit, ReadScope};
use volkshuis_domain::overleg::case::StepError;
use volkshuis_domain::overleg::RequestKind;
use volkshuis_store::overleg::Case;
use volkshuis_store::{overleg, StoreError};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/overleg/{case}/antwoord/intrekken", post(withdraw))
}

#[derive(Deserialize)]
struct WithdrawForm {
    #[serde(default)]
    version: String,
    /// "yes" from the summary's button; anything else shows the summary first (withdrawing undoes a legal answer).
    #[serde(default)]
    confirmed: String,
}

async fn withdraw(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let case = load_case(&state, &scope, id).await?;
    if case.tenant_org_id != scope.org_id() {
        return Err(AppError::Forbidden);
    }
    let window = match overleg::answered_at(&state.db, &scope, &case).await? {
        Some(answered_at) => case.facts().check_correction(answered_at, state.clock.now()),
        // No answer (any more): a reload of a withdrawal that was made, not a closed window.
        None => Err(StepError::NothingToWithdraw),
    };
    if let Err(step) = window {
        return again(&state, &auth, &scope, &case, Typed::default(), FieldErrors::default(), Some(step), false).await;
    }
    let seen_version = form.version.trim().parse::<i64>().unwrap_or(0);
    if form.confirmed != "yes" {
        return summary(&state, &auth, &scope, &case).await;
    }
    let mut tx = state.db.begin().await?;
    let withdrawn_text = match overleg::withdraw_answer(&mut tx, &scope, &auth.actor(&state), id, seen_version).await {
        Err(StoreError::Conflict) => {
            drop(tx);
            let now = load_case(&state, &scope, id).await?;
            return again(&state, &auth, &scope, &now, Typed::default(), FieldErrors::default(), None, true).await;
        }
        other => other?,
    };
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::AnswerWithdrawn((&case).into()))).await?;
    tx.commit().await?;
    // The answer form at once, with the withdrawn text in it to correct (the case keeps no withdrawn text); what it
    // answers is chosen anew, never pre-selected. Not a redirect, which would lose the text: a reload sends the
    // withdrawal again, which the case's version refuses (the case page then, without the text).
    let typed = Typed { answer_text: withdrawn_text.unwrap_or_default(), ..Typed::default() };
    let now = load_case(&state, &scope, id).await?;
    let mut page = case_page(&state, &auth, &scope, &now, typed, FieldErrors::default(), None, false).await?;
    page.page.notice = Some(auth.ctx.lang.overleg().withdrawn_kept.to_owned());
    render(StatusCode::OK, &page)
}

/// The case with what withdrawing the answer does, and a button to confirm it (nothing changes yet): the answer
/// named, what the corporation may no longer do on it, and where the term stands — still running, or ended, when
/// the corporation may go ahead without advice (art. 5 Overlegwet) or not at all without consent (art. 5a).
async fn summary(state: &AppState, auth: &Auth, scope: &ReadScope, case: &Case) -> Result<Response, AppError> {
    let mut page = case_page(state, auth, scope, case, Typed::default(), FieldErrors::default(), None, false).await?;
    let ov = page.page.ov;
    let corporation = &case.corporation_name;
    let Some(answer) = case.answer.as_ref() else { return Err(AppError::NotFound) };
    let consent = case.kind == RequestKind::Consent;
    let effect = if consent {
        ov.correct_effect_consent(corporation)
    } else if answer.kind.needs_decision() {
        ov.correct_effect_decision(corporation)
    } else {
        ov.correct_effect_no_objection(corporation)
    };
    let cal = super::term_calendar(state).await?;
    let term = match case.facts().answer_deadline(&cal) {
        Ok(Some(due)) if due.date < super::today(state) => {
            let shown = ov.deadline_date(&due);
            // Only advice has a term whose end frees the plan (art. 5 lid 4 onder b); consent and a view have the
            // date the corporation asked (ADR 0064).
            if case.kind != RequestKind::Advice {
                ov.correct_term_ended_consent(shown)
            } else {
                ov.correct_term_ended(corporation, shown)
            }
        }
        Ok(Some(due)) => ov.correct_term_open(ov.deadline_date(&due)),
        _ => String::new(),
    };
    let parts = [ov.correct_summary(ov.answer_name(answer.kind), corporation), effect, term];
    page.withdrawing = Some(parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" "));
    render(StatusCode::OK, &page)
}
