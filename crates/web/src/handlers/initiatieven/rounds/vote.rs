//! Voting with the code from the letter, without an account: the resident types the code and ticks projects (none
//! ticked beforehand), sees the choice summed up and confirms it. Every step checks the code and the ballot again;
//! the store casts it once per household. A wrong code counts against the client's allowance of public lookups
//! (ADR 0028), so codes cannot be guessed at speed; a used code says so plainly.
//!
//! The vote is not tied to the signed-in user, if there is one: the audit entry names the round only.

use super::public::page_for;
use super::{euro, RoundView};
use crate::auth::MaybeAuth;
use crate::context::RequestContext;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::BuurtbudgetTexts;
use crate::state::AppState;
use crate::throttle;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use volkshuis_domain::initiatieven::buurtbudget::{check_ballot, normalise_code, BallotProblem};
use volkshuis_domain::throttle::Namespace;
use volkshuis_store::audit::Actor;
use volkshuis_store::initiatieven::rounds::votes::{self, CodeState, VoteRefused};
use volkshuis_store::initiatieven::rounds::{self, on_ballot, Phase, Project, Round};

/// A project to tick.
struct Choice {
    id: i64,
    title: String,
    description: String,
    cost: String,
    checked: bool,
}

/// The ballot summed up before it is confirmed.
struct Summary {
    lines: Vec<(String, String)>,
    total: String,
}

#[derive(Template)]
#[template(path = "initiatieven/round_vote.html")]
struct VotePage {
    page: Page,
    bt: &'static BuurtbudgetTexts,
    round: RoundView,
    open: bool,
    choices: Vec<Choice>,
    /// The code as typed.
    code: String,
    summary: Option<Summary>,
    errors: FieldErrors,
}

fn vote_page(page: Page, round: &Round, projects: &[Project], code: &str, chosen: &[i64]) -> VotePage {
    let bt = BuurtbudgetTexts::of(crate::i18n::Lang::from_code(page.lang).unwrap_or_default());
    let choices = projects
        .iter()
        .filter(|p| p.status.on_ballot())
        .map(|p| Choice {
            id: p.id,
            title: p.title.clone(),
            description: p.description.clone(),
            cost: euro(p.cost_cents),
            checked: chosen.contains(&p.id),
        })
        .collect();
    VotePage {
        bt,
        round: RoundView::of(bt, round),
        open: round.phase == Phase::Voting,
        choices,
        code: code.to_owned(),
        summary: None,
        errors: FieldErrors::default(),
        page,
    }
}

pub(super) async fn form(
    State(state): State<AppState>,
    MaybeAuth(auth): MaybeAuth,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let round = rounds::public(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let projects = rounds::projects(&state.db, &round).await?;
    ok(&vote_page(page_for(auth.as_ref(), &ctx), &round, &projects, "", &[]))
}

/// The form as sent: the code, the ticked project ids (a value that is no id is a forged one), whether the summary
/// was confirmed, and whether the resident went back to change the choice.
struct Sent {
    code: String,
    chosen: Vec<i64>,
    forged: bool,
    confirmed: bool,
    change: bool,
}

fn read(pairs: &[(String, String)]) -> Sent {
    let value = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let ticked: Vec<&str> = pairs.iter().filter(|(k, _)| k == "project").map(|(_, v)| v.as_str()).collect();
    let chosen: Vec<i64> = ticked.iter().filter_map(|v| v.trim().parse().ok()).collect();
    Sent {
        code: value("code").unwrap_or_default().trim().to_owned(),
        forged: chosen.len() != ticked.len(),
        chosen,
        confirmed: value("confirmed") == Some("yes"),
        change: value("change").is_some(),
    }
}

pub(super) async fn submit(
    State(state): State<AppState>,
    MaybeAuth(auth): MaybeAuth,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let round = rounds::public(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let projects = rounds::projects(&state.db, &round).await?;
    let sent = read(&pairs);
    let bt = BuurtbudgetTexts::of(ctx.lang);
    let mut page = vote_page(page_for(auth.as_ref(), &ctx), &round, &projects, &sent.code, &sent.chosen);
    let answer = |mut page: VotePage, status: StatusCode, at: &str, message: String| {
        page.errors.add(at, message);
        render(status, &page)
    };
    if round.phase != Phase::Voting {
        return answer(page, StatusCode::CONFLICT, "vote", bt.err_voting_closed.to_owned());
    }
    let guesses = [(Namespace::Lookup, ctx.client.as_str())];
    if let Some(wait) = throttle::longest_wait(&state, &guesses).await? {
        tracing::warn!(client = %ctx.client, seconds = wait.seconds, "voting code entry delayed");
        return Ok(wait.mark(answer(page, StatusCode::TOO_MANY_REQUESTS, "code", wait.message(ctx.t()))?));
    }
    if sent.change {
        return ok(&page);
    }
    // The code first: a wrong one counts as a guess.
    let Some(code) = normalise_code(&sent.code) else {
        throttle::record(&state, &guesses).await?;
        return answer(page, StatusCode::UNPROCESSABLE_ENTITY, "code", bt.err_code_format.to_owned());
    };
    match votes::code_state(&state.db, &round, &code).await? {
        CodeState::Unknown => {
            throttle::record(&state, &guesses).await?;
            return answer(page, StatusCode::UNPROCESSABLE_ENTITY, "code", bt.err_code_unknown.to_owned());
        }
        CodeState::Used => return answer(page, StatusCode::CONFLICT, "code", bt.err_code_used.to_owned()),
        CodeState::Open => {}
    }
    let checked = if sent.forged {
        Err(BallotProblem::UnknownProject)
    } else {
        check_ballot(&round.rules, &on_ballot(&projects), &sent.chosen)
    };
    if let Err(problem) = checked {
        return answer(page, StatusCode::UNPROCESSABLE_ENTITY, "projects", bt.ballot_problem(problem));
    }
    if !sent.confirmed {
        let lines: Vec<(String, String)> = projects
            .iter()
            .filter(|p| sent.chosen.contains(&p.id))
            .map(|p| (p.title.clone(), euro(p.cost_cents)))
            .collect();
        let total: i64 = projects.iter().filter(|p| sent.chosen.contains(&p.id)).map(|p| p.cost_cents).sum();
        page.code = code;
        page.summary = Some(Summary { lines, total: bt.summary_total(euro(round.rules.budget_cents), euro(total)) });
        return ok(&page);
    }
    // Nobody's name: the ballot is secret, also when the resident happens to be signed in.
    let actor = Actor {
        user_id: None,
        label: "Bewoner met stemcode".to_owned(),
        request_id: Some(ctx.request_id.clone()),
        at: state.clock.now(),
    };
    let (status, at, message) = match votes::cast(&state.db, &actor, &round, &code, &sent.chosen).await? {
        Ok(()) => return Ok(Redirect::to(&format!("/buurtbudget/{id}?notice=gestemd")).into_response()),
        Err(VoteRefused::NotVoting) => (StatusCode::CONFLICT, "vote", bt.err_voting_closed.to_owned()),
        Err(VoteRefused::Used) => (StatusCode::CONFLICT, "code", bt.err_code_used.to_owned()),
        Err(VoteRefused::UnknownCode) => {
            throttle::record(&state, &guesses).await?;
            (StatusCode::UNPROCESSABLE_ENTITY, "code", bt.err_code_unknown.to_owned())
        }
        Err(VoteRefused::Ballot(problem)) => (StatusCode::UNPROCESSABLE_ENTITY, "projects", bt.ballot_problem(problem)),
    };
    answer(page, status, at, message)
}
