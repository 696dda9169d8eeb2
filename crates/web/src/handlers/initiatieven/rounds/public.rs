//! The public pages of the rounds, open to anyone: the list, and a round's page with its rules and phase, the
//! projects on the ballot (and, once voting opened, those that are not, with the corporation's reason), the results
//! and the progress of what was funded once published. A signed-in user proposes a project here while the round
//! takes proposals. No page names who proposed a project or which household voted.

use super::{result_views, steps, ProjectView, ResultView, RoundView};
use crate::auth::{Auth, MaybeAuth};
use crate::context::RequestContext;
use crate::error::AppError;
use crate::forms::{field, FieldErrors};
use crate::i18n::BuurtbudgetTexts;
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::initiatieven::rounds::{self, NewProject, Phase, ProjectStatus, ProposeRefused, Round};

#[derive(Template)]
#[template(path = "initiatieven/rounds_public.html")]
struct ListPage {
    page: Page,
    bt: &'static BuurtbudgetTexts,
    rounds: Vec<RoundView>,
}

pub(super) fn page_for(auth: Option<&Auth>, ctx: &RequestContext) -> Page {
    auth.map(Page::for_user).unwrap_or_else(|| Page::anonymous(ctx))
}

pub(super) async fn list(
    State(state): State<AppState>,
    MaybeAuth(auth): MaybeAuth,
    ctx: RequestContext,
) -> Result<Response, AppError> {
    let bt = BuurtbudgetTexts::of(ctx.lang);
    let rounds = rounds::public_list(&state.db).await?.iter().map(|r| RoundView::of(bt, r)).collect();
    ok(&ListPage { page: page_for(auth.as_ref(), &ctx), bt, rounds })
}

#[derive(Template)]
#[template(path = "initiatieven/round_public.html")]
pub(super) struct PublicPage {
    page: Page,
    bt: &'static BuurtbudgetTexts,
    round: RoundView,
    steps: Vec<(&'static str, bool, bool)>,
    explain: &'static str,
    ballot: Vec<ProjectView>,
    rejected: Vec<ProjectView>,
    results: Vec<ResultView>,
    ballots: String,
    published: bool,
    proposing: bool,
    voting: bool,
    signed_in: bool,
    thanks: Option<&'static str>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl PublicPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn public_page(
    state: &AppState,
    page: Page,
    round: &Round,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<PublicPage, AppError> {
    let bt = BuurtbudgetTexts::of(crate::i18n::Lang::from_code(page.lang).unwrap_or_default());
    let projects = rounds::projects(&state.db, round).await?;
    let published = round.phase == Phase::Published;
    let (results, ballots) = if published { result_views(state, bt, round, &projects).await? } else { (Vec::new(), 0) };
    let rejected_shown = matches!(round.phase, Phase::Voting | Phase::Closed | Phase::Published);
    Ok(PublicPage {
        bt,
        round: RoundView::of(bt, round),
        steps: steps(bt, round.phase),
        explain: bt.explain(round.phase),
        ballot: projects.iter().filter(|p| p.status.on_ballot()).map(|p| ProjectView::of(bt, p)).collect(),
        rejected: projects
            .iter()
            .filter(|p| rejected_shown && p.status == ProjectStatus::Rejected)
            .map(|p| ProjectView::of(bt, p))
            .collect(),
        results,
        ballots: bt.results_ballots(i64::try_from(ballots).unwrap_or(i64::MAX)),
        published,
        proposing: round.phase == Phase::Proposing,
        voting: round.phase == Phase::Voting,
        signed_in: page.user.is_some(),
        thanks: None,
        fields,
        errors,
        page,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    MaybeAuth(auth): MaybeAuth,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Query(notice): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let round = rounds::public(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let bt = BuurtbudgetTexts::of(ctx.lang);
    let mut page =
        public_page(&state, page_for(auth.as_ref(), &ctx), &round, HashMap::new(), FieldErrors::default()).await?;
    page.thanks = match notice.notice.as_deref() {
        Some("voorstel") => Some(bt.propose_sent),
        Some("gestemd") => Some(bt.voted_thanks),
        _ => None,
    };
    ok(&page)
}

/// After logging in to propose, the visitor comes back to the form.
pub(super) async fn to_form(Path(id): Path<i64>) -> Redirect {
    Redirect::to(&format!("/buurtbudget/{id}#voorstellen"))
}

pub(super) async fn propose(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let round = rounds::public(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (t, bt) = (auth.ctx.t(), BuurtbudgetTexts::of(auth.ctx.lang));
    let mut errors = FieldErrors::default();
    let title = errors.check(t, "title", Name::parse(field(&fields, "title")));
    let description = errors.check(t, "description", LongText::parse(field(&fields, "description")));
    let cost = crate::forms::amount_at_least(t, field(&fields, "cost"), 1, bt.err_cost)
        .map_err(|message| errors.add("cost", message))
        .ok();
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(title), Some(description), Some(cost_cents)) = (title, description, cost) {
        let new =
            NewProject { title: title.as_str().to_owned(), description: description.as_str().to_owned(), cost_cents };
        match rounds::propose(&state.db, &auth.actor(&state), &round, &new).await? {
            Ok(_) => return Ok(Redirect::to(&format!("/buurtbudget/{id}?notice=voorstel#voorstellen")).into_response()),
            Err(ProposeRefused::OverBudget) => {
                errors.add("cost", bt.err_propose_over_budget(super::euro(round.rules.budget_cents)))
            }
            Err(ProposeRefused::Closed) => {
                status = StatusCode::CONFLICT;
                errors.add("propose", bt.err_propose_closed);
            }
        }
    }
    let round = rounds::public(&state.db, id).await?.unwrap_or(round);
    let page = public_page(&state, Page::for_user(&auth), &round, fields, errors).await?;
    render(status, &page)
}
