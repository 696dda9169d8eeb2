//! Buurtbudget (issue 22): a neighbourhood decides a budget. The corporation opens a round for an area and moves it
//! through its phases ([`staff`]); any signed-in user proposes a project and anyone reads the round ([`public`]); the
//! corporation makes one voting code per household and prints the letters ([`letters`]); a resident votes with the
//! code, without an account ([`vote`]).
//!
//! Who may do what: the corporation's pages need a member of that corporation (changes: staff or administrator
//! through their own membership); a round id of another corporation is a 404 there. The public pages show what
//! residents need: the rules, the projects on the ballot, why a project is not on it, and once published the results
//! and the progress of what was funded — never who proposed or how a household voted.

mod letters;
mod public;
mod staff;
mod vote;

use crate::i18n::BuurtbudgetTexts;
use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use volkshuis_domain::initiatieven::buurtbudget::{BallotProblem, RoundRules, RulesProblem, MAX_PROJECTS_LIMIT};
use volkshuis_domain::money::Money;
use volkshuis_store::initiatieven::rounds::{Area, MoveRefused, Phase, Project, ProjectStatus, Round};

pub fn router() -> Router<AppState> {
    let staff = "/orgs/{org}/initiatieven/buurtbudget";
    Router::new()
        .route(staff, get(staff::list).post(staff::create))
        .route(&format!("{staff}/{{id}}"), get(staff::page))
        .route(&format!("{staff}/{{id}}/fase"), post(staff::move_on))
        .route(&format!("{staff}/{{id}}/projecten/{{project}}/toets"), post(staff::check))
        .route(&format!("{staff}/{{id}}/projecten/{{project}}/voortgang"), post(staff::progress))
        .route(&format!("{staff}/{{id}}/codes"), post(letters::issue))
        .route("/buurtbudget", get(public::list))
        .route("/buurtbudget/{id}", get(public::page))
        .route("/buurtbudget/{id}/voorstellen", get(public::to_form).post(public::propose))
        .route("/buurtbudget/{id}/stemmen", get(vote::form).post(vote::submit))
}

impl BuurtbudgetTexts {
    /// The name of a phase.
    pub fn phase(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::Proposing => self.phase_proposing,
            Phase::Checking => self.phase_checking,
            Phase::Voting => self.phase_voting,
            Phase::Closed => self.phase_closed,
            Phase::Published => self.phase_published,
        }
    }

    /// What residents are told in a phase.
    pub fn explain(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::Proposing => self.public_explain_proposing,
            Phase::Checking => self.public_explain_checking,
            Phase::Voting => self.public_explain_voting,
            Phase::Closed => self.public_explain_closed,
            Phase::Published => self.public_explain_published,
        }
    }

    /// What moving on from a phase means, for the button's hint.
    pub fn move_hint(&self, from: Phase) -> &'static str {
        match from {
            Phase::Proposing => self.move_hint_proposing,
            Phase::Checking => self.move_hint_checking,
            Phase::Voting => self.move_hint_voting,
            Phase::Closed | Phase::Published => self.move_hint_closed,
        }
    }

    /// The name of a project's status.
    pub fn status(&self, status: ProjectStatus) -> &'static str {
        match status {
            ProjectStatus::Submitted => self.status_submitted,
            ProjectStatus::Approved => self.status_approved,
            ProjectStatus::Rejected => self.status_rejected,
            ProjectStatus::Funded => self.status_funded,
            ProjectStatus::Underway => self.status_underway,
            ProjectStatus::Done => self.status_done,
        }
    }

    /// An area in words: "buurt BU01500001".
    pub fn area(&self, area: &Area) -> String {
        match area {
            Area::Gemeente(code) => self.area_gemeente(code),
            Area::Wijk(code) => self.area_wijk(code),
            Area::Buurt(code) => self.area_buurt(code),
            Area::Complex(code) => self.area_complex(code),
        }
    }

    /// The rules of a ballot in a sentence.
    pub fn rules(&self, rules: &RoundRules) -> String {
        self.rules_line(euro(rules.budget_cents), rules.max_projects, rules.min_projects)
    }

    /// A problem with a round's rules.
    pub fn rules_problem(&self, problem: RulesProblem) -> String {
        match problem {
            RulesProblem::BudgetNotPositive => self.err_budget_not_positive.to_owned(),
            RulesProblem::MinBelowOne => self.err_min_below_one.to_owned(),
            RulesProblem::MinAboveMax => self.err_min_above_max.to_owned(),
            RulesProblem::MaxAboveLimit => self.err_max_above_limit(MAX_PROJECTS_LIMIT),
        }
    }

    /// Why a ballot is refused, in words a resident can act on.
    pub fn ballot_problem(&self, problem: BallotProblem) -> String {
        match problem {
            BallotProblem::TooFew { min } => self.err_too_few(i64::from(min)),
            BallotProblem::TooMany { max } => self.err_too_many(i64::from(max)),
            BallotProblem::OverBudget { over_cents } => self.err_over_budget(euro(over_cents)),
            BallotProblem::Duplicate => self.err_duplicate.to_owned(),
            BallotProblem::UnknownProject => self.err_unknown_project.to_owned(),
        }
    }

    /// Why a round did not move on.
    pub fn move_refused(&self, refused: MoveRefused) -> String {
        match refused {
            MoveRefused::Moved => self.err_moved.to_owned(),
            MoveRefused::Last => self.err_last.to_owned(),
            MoveRefused::Unchecked { waiting } => self.err_unchecked(i64::try_from(waiting).unwrap_or(i64::MAX)),
            MoveRefused::TooFewApproved { approved, min } => self.err_too_few_approved(approved, min),
            MoveRefused::NoValidBallot => self.err_no_valid_ballot.to_owned(),
        }
    }
}

/// An amount as the pages show it: `€ 1.250,00`.
fn euro(cents: i64) -> String {
    Money::from_cents(cents).to_string()
}

/// A round as its pages show it.
struct RoundView {
    id: i64,
    title: String,
    corporation: String,
    area: String,
    budget: String,
    rules: String,
    phase: &'static str,
    phase_code: &'static str,
}

impl RoundView {
    fn of(bt: &BuurtbudgetTexts, round: &Round) -> Self {
        RoundView {
            id: round.id,
            title: round.title.clone(),
            corporation: round.corporation.clone(),
            area: bt.area(&round.area),
            budget: euro(round.rules.budget_cents),
            rules: bt.rules(&round.rules),
            phase: bt.phase(round.phase),
            phase_code: round.phase.code(),
        }
    }
}

/// The five phases for the steps at the top of a round's pages: (name, reached, current).
fn steps(bt: &BuurtbudgetTexts, now: Phase) -> Vec<(&'static str, bool, bool)> {
    let at = Phase::ALL.iter().position(|p| *p == now).unwrap_or(0);
    Phase::ALL.iter().enumerate().map(|(i, p)| (bt.phase(*p), i <= at, i == at)).collect()
}

/// A project as the pages show it.
struct ProjectView {
    id: i64,
    title: String,
    description: String,
    cost: String,
    proposed_by: String,
    status: &'static str,
    status_code: &'static str,
    note: String,
    progress: String,
}

impl ProjectView {
    fn of(bt: &BuurtbudgetTexts, project: &Project) -> Self {
        ProjectView {
            id: project.id,
            title: project.title.clone(),
            description: project.description.clone(),
            cost: euro(project.cost_cents),
            proposed_by: project.proposed_by.clone(),
            status: bt.status(project.status),
            status_code: project.status.code(),
            note: project.check_note.clone().unwrap_or_default(),
            progress: project.progress.clone().unwrap_or_default(),
        }
    }
}

/// One line of the results: the project, its votes and whether it is funded, in the tally's ranking.
struct ResultView {
    project: ProjectView,
    votes: u32,
    funded: bool,
}

/// The results of a closed or published round, in the tally's ranking.
async fn result_views(
    state: &AppState,
    bt: &BuurtbudgetTexts,
    round: &Round,
    projects: &[Project],
) -> Result<(Vec<ResultView>, usize), crate::error::AppError> {
    use volkshuis_store::initiatieven::rounds;
    let (tally, ballots) = rounds::results(&state.db, round, projects).await?;
    let views = tally
        .iter()
        .filter_map(|t| {
            let project = projects.iter().find(|p| p.id == t.project_id)?;
            Some(ResultView { project: ProjectView::of(bt, project), votes: t.votes, funded: project.status.funded() })
        })
        .collect();
    Ok((views, ballots))
}
