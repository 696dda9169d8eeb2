//! The corporation's pages of its rounds: the list with the form to open one, and a round's page, where staff move
//! it on one phase at a time, check each proposal with a note, make the voting codes ([`super::letters`]), see the
//! results and record the progress of what was funded. Any member reads; staff and administrators write through
//! their own membership.

use super::{euro, result_views, steps, ProjectView, ResultView, RoundView};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{field, text_error, FieldErrors};
use crate::handlers::initiatieven::{corporation_view, corporation_write};
use crate::i18n::BuurtbudgetTexts;
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::initiatieven::buurtbudget::{RoundRules, RulesProblem};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::initiatieven::rounds::{
    self, votes, Area, CheckRefused, CreateRefused, MoveRefused, NewRound, Phase, ProgressRefused, ProjectStatus, Round,
};

/// The path of the corporation's rounds.
fn base(org: i64) -> String {
    format!("/orgs/{org}/initiatieven/buurtbudget")
}

#[derive(Template)]
#[template(path = "initiatieven/rounds.html")]
struct ListPage {
    page: Page,
    bt: &'static BuurtbudgetTexts,
    org_id: i64,
    trail: Vec<(String, String)>,
    rounds: Vec<RoundView>,
    may_edit: bool,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl ListPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn list_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    scope: &ReadScope,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    let page = Page::for_user(auth);
    let trail = vec![(format!("/orgs/{org}/initiatieven"), page.nv.nav_initiatieven.to_owned())];
    let rounds = rounds::for_corporation(&state.db, scope).await?.iter().map(|r| RoundView::of(bt, r)).collect();
    Ok(ListPage { page, bt, org_id: org, trail, rounds, may_edit: auth.edits_as_member(org), fields, errors })
}

pub(super) async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_view(&state, &auth, org).await?;
    ok(&list_page(&state, &auth, org, &scope, HashMap::new(), FieldErrors::default()).await?)
}

/// The round typed in the form, or `None` with each problem at its field.
fn read_round(
    bt: &BuurtbudgetTexts,
    auth: &Auth,
    fields: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> Option<NewRound> {
    let t = auth.ctx.t();
    let title = errors.check(t, "title", Name::parse(field(fields, "title")));
    let area = errors.check(t, "area", Area::parse(field(fields, "area")));
    // Zero or less is refused below with the round's own rule (BudgetNotPositive), so any sign is taken here.
    let budget = match crate::forms::amount_at_least(t, field(fields, "budget"), i64::MIN, bt.err_amount) {
        Ok(cents) => Some(cents),
        Err(message) => {
            errors.add("budget", message);
            None
        }
    };
    let mut count = |name: &'static str| match field(fields, name).parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add(name, bt.err_whole_number);
            None
        }
    };
    let (min, max) = (count("min_projects"), count("max_projects"));
    let rules = RoundRules { budget_cents: budget?, min_projects: min?, max_projects: max? };
    for problem in rules.problems() {
        let at = match problem {
            RulesProblem::BudgetNotPositive => "budget",
            RulesProblem::MinBelowOne | RulesProblem::MinAboveMax => "min_projects",
            RulesProblem::MaxAboveLimit => "max_projects",
        };
        errors.add(at, bt.rules_problem(problem));
    }
    Some(NewRound { title: title?.as_str().to_owned(), area: area?, rules }).filter(|_| errors.is_empty())
}

pub(super) async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    if let Some(new) = read_round(bt, &auth, &fields, &mut errors) {
        match rounds::create(&state.db, &scope, &auth.actor(&state), &new).await? {
            Ok(id) => return Ok(Redirect::to(&format!("{}/{id}?notice=saved", base(org))).into_response()),
            Err(CreateRefused::UnknownComplex) => errors.add("area", bt.err_unknown_complex),
            Err(CreateRefused::NoHouseholds) => errors.add("area", bt.err_no_households),
        }
    }
    let page = list_page(&state, &auth, org, scope.as_read(), fields, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Template)]
#[template(path = "initiatieven/round.html")]
pub(super) struct RoundPage {
    page: Page,
    bt: &'static BuurtbudgetTexts,
    org_id: i64,
    trail: Vec<(String, String)>,
    round: RoundView,
    steps: Vec<(&'static str, bool, bool)>,
    may_edit: bool,
    /// The button to the next phase: (the phase now, the button's text, its hint).
    next: Option<(&'static str, String, &'static str)>,
    households: String,
    /// While voting: how far it is, and whether codes were made.
    turnout: Option<(String, bool)>,
    checkable: bool,
    followable: bool,
    projects: Vec<ProjectView>,
    results: Vec<ResultView>,
    ballots: String,
    show_results: bool,
    statuses: Vec<(&'static str, &'static str)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl RoundPage {
    /// What was typed in the field `kind` of the form of project `id`, else `stored`.
    fn typed(&self, kind: &str, id: &i64, stored: &str) -> String {
        self.fields.get(&format!("{kind}-{id}")).cloned().unwrap_or_else(|| stored.to_owned())
    }

    /// The message at the field `kind` of the form of project `id`.
    fn error(&self, kind: &str, id: &i64) -> Option<&str> {
        self.errors.get(&format!("{kind}-{id}"))
    }
}

/// The page of one of the corporation's rounds, with what a refused form typed and why.
pub(super) async fn round_page(
    state: &AppState,
    auth: &Auth,
    round: &Round,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<RoundPage, AppError> {
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    let org = round.corporation_id;
    let page = Page::for_user(auth);
    let trail = vec![
        (format!("/orgs/{org}/initiatieven"), page.nv.nav_initiatieven.to_owned()),
        (base(org), bt.title.to_owned()),
    ];
    let projects = rounds::projects(&state.db, round).await?;
    let households = votes::household_count(&state.db, round).await?;
    let turnout = if round.phase == Phase::Voting {
        let (codes, voted) = votes::turnout(&state.db, round).await?;
        Some((bt.turnout(codes, voted), codes > 0))
    } else {
        None
    };
    let show_results = matches!(round.phase, Phase::Closed | Phase::Published);
    let (results, ballots) =
        if show_results { result_views(state, bt, round, &projects).await? } else { (Vec::new(), 0) };
    Ok(RoundPage {
        bt,
        org_id: org,
        trail,
        round: RoundView::of(bt, round),
        steps: steps(bt, round.phase),
        may_edit: auth.edits_as_member(org),
        next: round.phase.next().map(|to| (round.phase.code(), bt.move_to(bt.phase(to)), bt.move_hint(round.phase))),
        households: bt.households(i64::try_from(households).unwrap_or(i64::MAX)),
        turnout,
        checkable: matches!(round.phase, Phase::Proposing | Phase::Checking),
        followable: round.phase == Phase::Published,
        projects: projects.iter().map(|p| ProjectView::of(bt, p)).collect(),
        results,
        ballots: bt.results_ballots(i64::try_from(ballots).unwrap_or(i64::MAX)),
        show_results,
        statuses: [ProjectStatus::Funded, ProjectStatus::Underway, ProjectStatus::Done]
            .map(|s| (s.code(), bt.status(s)))
            .to_vec(),
        fields,
        errors,
        page,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(notice): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_view(&state, &auth, org).await?;
    let round = rounds::of_corporation(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    let mut page = round_page(&state, &auth, &round, HashMap::new(), FieldErrors::default()).await?;
    page.page = page.page.with_notice(notice.notice.as_deref());
    ok(&page)
}

/// One of the corporation's rounds, for a writing step by its staff.
async fn own_round(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
) -> Result<(volkshuis_domain::access::WriteScope, Round), AppError> {
    let scope = corporation_write(state, auth, org).await?;
    let round = rounds::of_corporation(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
    Ok((scope, round))
}

/// The round's page again with one message at `at`, answering `status`.
pub(super) async fn refused(
    state: &AppState,
    auth: &Auth,
    round: &Round,
    status: StatusCode,
    fields: HashMap<String, String>,
    at: String,
    message: String,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    errors.add(at, message);
    let page = round_page(state, auth, round, fields, errors).await?;
    render(status, &page)
}

pub(super) async fn move_on(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, round) = own_round(&state, &auth, org, id).await?;
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    // The form says which phase it showed, so a second click (or a colleague's) cannot skip a phase.
    let moved = match Phase::parse(field(&fields, "from")) {
        Some(from) => rounds::move_on(&state.db, &scope, &auth.actor(&state), id, from).await?,
        None => Some(Err(MoveRefused::Moved)),
    };
    match moved.ok_or(AppError::NotFound)? {
        Ok(_) => Ok(Redirect::to(&format!("{}/{id}?notice=saved", base(org))).into_response()),
        Err(why) => {
            let status =
                if why == MoveRefused::Moved { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
            let round = rounds::of_corporation(&state.db, scope.as_read(), id).await?.unwrap_or(round);
            refused(&state, &auth, &round, status, fields, "move".to_owned(), bt.move_refused(why)).await
        }
    }
}

pub(super) async fn check(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, project)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, round) = own_round(&state, &auth, org, id).await?;
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let approve = match field(&fields, "decision") {
        "approve" => Some(true),
        "reject" => Some(false),
        _ => {
            errors.add(format!("decision-{project}"), bt.err_decision);
            None
        }
    };
    let note = match LongText::parse_optional(field(&fields, "note")) {
        Ok(note) => note,
        Err(e) => {
            errors.add(format!("note-{project}"), text_error(auth.ctx.t(), e));
            None
        }
    };
    if approve == Some(false) && note.is_none() {
        errors.add(format!("note-{project}"), bt.err_reject_note);
    }
    // What was typed comes back in this project's form only.
    let typed: HashMap<String, String> = [
        (format!("decision-{project}"), field(&fields, "decision").to_owned()),
        (format!("note-{project}"), fields.get("note").cloned().unwrap_or_default()),
    ]
    .into();
    let Some(approve) = approve.filter(|_| errors.is_empty()) else {
        let page = round_page(&state, &auth, &round, typed, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let note = note.as_ref().map(LongText::as_str);
    let done = rounds::check(&state.db, &scope, &auth.actor(&state), &round, project, approve, note).await?;
    let (status, message) = match done.ok_or(AppError::NotFound)? {
        Ok(()) => {
            return Ok(Redirect::to(&format!("{}/{id}?notice=saved#project-{project}", base(org))).into_response())
        }
        Err(CheckRefused::PastChecking) => (StatusCode::CONFLICT, bt.err_past_checking),
        Err(CheckRefused::OverBudget) => (StatusCode::UNPROCESSABLE_ENTITY, bt.err_check_over_budget),
    };
    refused(&state, &auth, &round, status, typed, format!("decision-{project}"), message.to_owned()).await
}

pub(super) async fn progress(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, project)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, round) = own_round(&state, &auth, org, id).await?;
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    let typed: HashMap<String, String> = [
        (format!("status-{project}"), field(&fields, "status").to_owned()),
        (format!("progress-{project}"), fields.get("progress").cloned().unwrap_or_default()),
    ]
    .into();
    let status = ProjectStatus::parse(field(&fields, "status")).filter(|s| s.funded());
    let text = LongText::parse_optional(field(&fields, "progress"));
    let (Some(status), Ok(text)) = (status, &text) else {
        let mut errors = FieldErrors::default();
        if status.is_none() {
            errors.add(format!("status-{project}"), bt.err_status);
        }
        if let Err(e) = text {
            errors.add(format!("progress-{project}"), text_error(auth.ctx.t(), e));
        }
        let page = round_page(&state, &auth, &round, typed, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let text = text.as_ref().map(LongText::as_str);
    let done = rounds::progress(&state.db, &scope, &auth.actor(&state), &round, project, status, text).await?;
    let message = match done.ok_or(AppError::NotFound)? {
        Ok(()) => {
            return Ok(Redirect::to(&format!("{}/{id}?notice=saved#project-{project}", base(org))).into_response())
        }
        Err(ProgressRefused::NotPublished) => bt.err_not_published,
        Err(ProgressRefused::NotFunded) => bt.err_not_funded,
    };
    refused(&state, &auth, &round, StatusCode::CONFLICT, typed, format!("status-{project}"), message.to_owned()).await
}

/// The amount of a round's budget as its pages show it (for the letters).
pub(super) fn budget(round: &Round) -> String {
    euro(round.rules.budget_cents)
}
