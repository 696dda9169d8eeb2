//! Overleg: requests from a corporation to its tenant organisations under the Overlegwet, their deadlines,
//! answers, decisions and trail; the year's meetings, figures and budget.
//!
//! The organisation in the path is the one the user acts for; a case opens only to its two parties (the store
//! finds nothing for anyone else, so another organisation gets a 404).

mod budget;
mod case;
mod case_view;
mod confirm;
mod correct;
pub(crate) mod jobs;
mod list;
mod meetings;
mod new;
mod year;

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::OverlegTexts;
use crate::state::AppState;
use axum::Router;
use time::Date;
use volkshuis_domain::access::{Action, ReadScope};
use volkshuis_domain::calendar::{dutch_date, TermCalendar};
use volkshuis_domain::overleg::case::StepError;
use volkshuis_store::overleg::{self, Case};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(list::router())
        .merge(new::router())
        .merge(case::router())
        .merge(correct::router())
        .merge(year::router())
}

/// The scope of a party to the Overlegwet in the path (`handlers::party`). Whatever a party writes here — a request,
/// an answer, a question, a comment, a meeting's agenda or report, its budget — is said in its name, so only its own
/// members write: the platform administrator's grant reads, never writes (ADR 0059).
async fn party_scope<C: volkshuis_domain::access::Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, volkshuis_store::orgs::Organisation), AppError> {
    let found = crate::handlers::party::party_scope(state, auth, org, action).await?;
    if C::ACTION == Action::Edit {
        auth.acts_as_member(org)?;
    }
    Ok(found)
}

/// Whether the user writes in `org`'s name here: a role that edits, through their own membership (ADR 0059).
fn writes_for(auth: &Auth, org: i64) -> bool {
    auth.edits_as_member(org)
}

/// A case the organisation of `scope` is a party to; anyone else's is a 404.
async fn load_case(state: &AppState, scope: &ReadScope, id: i64) -> Result<Case, AppError> {
    overleg::get(&state.db, scope, id).await?.ok_or(AppError::NotFound)
}

/// The calendar statutory terms count on now (the decreed days are data; a page reads them once).
pub(crate) async fn term_calendar(state: &AppState) -> Result<TermCalendar, AppError> {
    Ok(volkshuis_store::calendar::term_calendar(&state.db).await?)
}

/// Today in the Netherlands, by the application's clock.
fn today(state: &AppState) -> Date {
    dutch_date(state.clock.now())
}

pub(super) use crate::forms::parse_date;

/// The message for a step that is not possible now.
fn step_error(ov: &OverlegTexts, error: StepError, kind: volkshuis_domain::overleg::RequestKind) -> &'static str {
    match error {
        // Art. 5 lid 3 asks a reasoned reply to an advice; for a view the platform asks it, and says so.
        StepError::ReplyRequired if kind == volkshuis_domain::overleg::RequestKind::View => ov.err_reply_required_view,
        StepError::NoAnswerExpected => ov.err_no_answer_expected,
        StepError::AlreadyAnswered => ov.err_already_answered,
        StepError::Closed => ov.err_closed,
        StepError::AnswerDoesNotFit => ov.err_answer_fit,
        StepError::TextRequired => ov.err_text_required,
        StepError::NothingToDecide => ov.err_nothing_to_decide,
        StepError::ReplyRequired => ov.err_reply_required,
        StepError::CorrectionClosed => ov.err_correction_closed,
        StepError::NothingToWithdraw => ov.err_nothing_to_withdraw,
    }
}
