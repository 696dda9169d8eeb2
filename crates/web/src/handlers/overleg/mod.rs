//! Overleg: requests from a corporation to its tenant organisations under the Overlegwet, their deadlines,
//! answers, decisions and trail; the year's meetings, figures and budget.
//!
//! The organisation in the path is the one the user acts for; a case opens only to its two parties (the store
//! finds nothing for anyone else, so another organisation gets a 404).

mod budget;
mod case;
mod case_view;
mod list;
mod meetings;
mod new;
mod year;

use crate::app::AppState;
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::OverlegTexts;
use axum::Router;
use time::macros::format_description;
use time::Date;
use volkshuis_domain::access::{Action, OrgScope};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::case::StepError;
use volkshuis_domain::text::TextError;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg::{self, Case};

pub fn router() -> Router<AppState> {
    Router::new().merge(list::router()).merge(new::router()).merge(case::router()).merge(year::router())
}

/// The scope of the organisation in the path, which must be a corporation or a tenant organisation.
async fn party_scope(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: Action,
) -> Result<(OrgScope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    match organisation.kind {
        OrgKind::Corporation | OrgKind::TenantOrganisation => Ok((scope, organisation)),
        _ => Err(AppError::NotFound),
    }
}

/// A case the organisation of `scope` is a party to; anyone else's is a 404.
async fn load_case(state: &AppState, scope: &OrgScope, id: i64) -> Result<Case, AppError> {
    overleg::get(&state.db, scope, id).await?.ok_or(AppError::NotFound)
}

/// Today in the Netherlands, by the application's clock.
fn today(state: &AppState) -> Date {
    dutch_date(state.clock.now())
}

/// Parses a date field (`2026-05-04` from a date input, or `4-5-2026` typed by hand).
fn parse_date(input: &str) -> Result<Date, TextError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(TextError::Required);
    }
    Date::parse(input, format_description!("[year]-[month]-[day]"))
        .or_else(|_| Date::parse(input, format_description!("[day padding:none]-[month padding:none]-[year]")))
        .map_err(|_| TextError::Format)
}

/// The message for a step that is not possible now.
fn step_error(ov: &OverlegTexts, error: StepError) -> &'static str {
    match error {
        StepError::NoAnswerExpected => ov.err_no_answer_expected,
        StepError::AlreadyAnswered => ov.err_already_answered,
        StepError::Closed => ov.err_closed,
        StepError::AnswerDoesNotFit => ov.err_answer_fit,
        StepError::TextRequired => ov.err_text_required,
        StepError::NothingToDecide => ov.err_nothing_to_decide,
        StepError::ReplyRequired => ov.err_reply_required,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_come_from_date_inputs_or_typed() {
        assert_eq!(parse_date("2026-05-04"), Ok(date!(2026 - 05 - 04)));
        assert_eq!(parse_date(" 4-5-2026 "), Ok(date!(2026 - 05 - 04)));
        assert_eq!(parse_date("04-05-2026"), Ok(date!(2026 - 05 - 04)), "as the page shows dates");
        assert_eq!(parse_date(""), Err(TextError::Required));
        assert_eq!(parse_date("31-02-2026"), Err(TextError::Format));
    }
}
