//! Initiatieven (issue 22, ADR 0046): residents' initiatives and the social enterprises the corporation helps to
//! grow. A user brings an initiative in (`/initiatieven/nieuw`, on their own or for an organisation they belong to)
//! and follows it under `/initiatieven/mijn`; the corporation coaches it under `/orgs/{org}/initiatieven` (stages, log,
//! space lent, budget grants, agreements, outcomes); neighbourhood budget rounds let residents vote; the register of
//! social enterprises serves Social return. The public sees only what an initiative chose to publish.
//!
//! Every page asks who is asking: the corporation's pages need a member of that corporation (changes: staff or
//! administrator through their own membership); the initiator's pages are bound to the signed-in user's own
//! initiatives; every id in a path or form is checked by the store against the corporation's or the user's own.

mod corporation;
mod enterprises;
mod form;
mod initiator;
mod notices;
mod rounds;

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::InitiatievenTexts;
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::access::{Check, Edit, ReadScope, View, WriteScope};
use volkshuis_domain::modules::Module;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(initiator::router())
        .merge(corporation::router())
        .merge(enterprises::router())
        .merge(rounds::router())
}

/// The organisation in the path, of a kind with Initiatieven pages; any other kind is a 404.
async fn module_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !Module::Initiatieven.open_to(organisation.kind) {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// A corporation's page: the organisation must be a corporation (else 404); any member may look.
#[allow(dead_code)]
async fn corporation_view(state: &AppState, auth: &Auth, org: i64) -> Result<(ReadScope, Organisation), AppError> {
    let (scope, organisation) = module_scope(state, auth, org, View).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// A corporation's writing step: a corporation (else 404) and an Edit grant from the user's own membership (else
/// 403).
#[allow(dead_code)]
async fn corporation_write(state: &AppState, auth: &Auth, org: i64) -> Result<WriteScope, AppError> {
    corporation_view(state, auth, org).await?;
    if !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    Ok(module_scope(state, auth, org, Edit).await?.0)
}

/// A loan of space in one line.
fn loan_line(it: &InitiatievenTexts, loan: &volkshuis_store::initiatieven::lending::Loan) -> String {
    use volkshuis_domain::money::Money;
    let line = it.loan_line(
        &loan.address,
        crate::forms::show_percent(loan.terms.discount_bp),
        crate::views::show_date(loan.terms.from),
        Money::from_cents(loan.terms.rent_cents),
    );
    // The end of a loan with one: the initiative has to know when the space goes back.
    match loan.terms.until {
        Some(until) => it.loan_line_until(line, crate::views::show_date(until)),
        None => line,
    }
}

/// A grant in one line.
fn grant_line(it: &InitiatievenTexts, grant: &volkshuis_store::initiatieven::budgets::Grant) -> String {
    use volkshuis_domain::money::Money;
    it.grant_line(
        Money::from_cents(grant.amount_cents),
        &grant.budget,
        crate::views::show_date(grant.granted_on),
        Money::from_cents(grant.spent_cents()),
    )
}

/// A year's outcome in one line.
fn outcome_line(it: &InitiatievenTexts, year: i32, o: &volkshuis_domain::initiatieven::outcome::Outcome) -> String {
    it.outcome_line(
        i64::from(o.jobs_far_from_labour_market),
        i64::from(o.participants),
        i64::from(o.visitors),
        i64::from(o.volunteers),
        year,
    )
}

/// A log entry's text in the reader's language: a stage move is stored as its codes ("idee → plan: lessons").
fn log_text(it: &InitiatievenTexts, entry: &volkshuis_store::initiatieven::initiatives::LogEntry) -> String {
    use volkshuis_domain::initiatieven::stage::Stage;
    if entry.kind != "fase" {
        return entry.text.clone();
    }
    let (moves, lessons) = match entry.text.split_once(": ") {
        Some((moves, lessons)) => (moves, Some(lessons)),
        None => (entry.text.as_str(), None),
    };
    let name = |code: &str| Stage::parse(code).map(|s| it.stage(s).to_owned()).unwrap_or_else(|_| code.to_owned());
    let moved = match moves.split_once(" → ") {
        Some((from, to)) => format!("{} → {}", name(from), name(to)),
        None => moves.to_owned(),
    };
    match lessons {
        Some(lessons) => format!("{moved}: {lessons}"),
        None => moved,
    }
}

/// A stored photo shown in the page: only the two image types accepted at upload, never sniffed, kept private.
fn photo_response(content_type: String, content: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let content_type = if content_type == "image/png" { "image/png" } else { "image/jpeg" };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, "inline"),
            (header::CACHE_CONTROL, "private, max-age=300"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        content,
    )
        .into_response()
}
