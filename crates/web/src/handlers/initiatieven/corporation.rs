//! The organisation's side. A corporation coaches the initiatives brought to it: stage by the domain rule, coach,
//! log, space lent from its stock, money from its liveability budgets (with spending and evidence), other agreements
//! and outcomes per year; it sets its budgets. A tenant organisation or partner sees the initiatives brought in for
//! it. Any member looks; changes need staff or administrator through the user's own membership.

use super::notices::{self, Told};
use super::{corporation_view, corporation_write, form, grant_line, loan_line, module_scope, outcome_line};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_percent_bp, FieldErrors};
use crate::i18n::{InitiatievenTexts, Texts};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{View, WriteScope};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::initiatieven::budget::{area_holds, is_cbs_area, SpendBlock};
use volkshuis_domain::initiatieven::lending::LoanTerms;
use volkshuis_domain::initiatieven::outcome::{parse_count, Outcome};
use volkshuis_domain::initiatieven::stage::{next_stages, Stage};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::initiatieven::budgets::{self, GrantRefused, SpendRefused};
use volkshuis_store::initiatieven::initiatives::{self, Initiative};
use volkshuis_store::initiatieven::lending::{self, Agreement, LoanRefused, AGREEMENT_KINDS};
use volkshuis_store::initiatieven::outcomes;
use volkshuis_store::stock::{self, StockRef};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/initiatieven", get(home))
        .route("/orgs/{org}/initiatieven/budgetten", get(budgets_page).post(set_budget))
        .route("/orgs/{org}/initiatieven/{id}", get(page).post(edit))
        .route("/orgs/{org}/initiatieven/{id}/fase", post(stage))
        .route("/orgs/{org}/initiatieven/{id}/coach", post(coach))
        .route("/orgs/{org}/initiatieven/{id}/complexen", post(complexes))
        .route("/orgs/{org}/initiatieven/{id}/logboek", post(log))
        .route("/orgs/{org}/initiatieven/{id}/ruimte", post(lend))
        .route("/orgs/{org}/initiatieven/{id}/geld", post(grant))
        .route("/orgs/{org}/initiatieven/{id}/afspraken", post(agreement))
        .route("/orgs/{org}/initiatieven/{id}/opbrengst", post(outcome))
        .route("/orgs/{org}/initiatieven/toekenningen/{grant}/uitgaven", post(spend))
        .route(
            "/orgs/{org}/initiatieven/{id}/fotos",
            post(add_photo).layer(axum::extract::DefaultBodyLimit::max(crate::uploads::MAX_FORM_BYTES)),
        )
        .route("/orgs/{org}/initiatieven/{id}/fotos/{photo}", get(photo))
}

fn nav(it: &'static InitiatievenTexts, auth: &Auth, org: i64, kind: OrgKind) -> Vec<(String, &'static str)> {
    let base = format!("/orgs/{org}/initiatieven");
    let mut nav = vec![(base.clone(), it.nav_home)];
    if kind == OrgKind::Corporation {
        nav.push((format!("{base}/budgetten"), it.nav_budgets));
        nav.push((format!("{base}/buurtbudget"), it.nav_rounds));
    }
    nav.push(("/ondernemingen".to_owned(), it.nav_enterprises));
    if auth.memberships.iter().any(|(o, _)| o.id == org) {
        nav.push(("/initiatieven/nieuw".to_owned(), it.nav_new));
    }
    nav
}

#[derive(Template)]
#[template(path = "initiatieven/home.html")]
struct HomePage {
    page: Page,
    it: &'static InitiatievenTexts,
    nav: Vec<(String, &'static str)>,
    corporation: bool,
    rows: Vec<super::initiator::Line>,
    /// (buurt, year, initiatives, participants, volunteers, jobs, visitors)
    outcomes: Vec<(String, i32, i64, u32, u32, u32, u32)>,
}

async fn home(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = module_scope(&state, &auth, org, View).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let corporation = organisation.kind == OrgKind::Corporation;
    let list = if corporation {
        initiatives::of_corporation(&state.db, &scope).await?
    } else {
        initiatives::of_org(&state.db, &scope).await?
    };
    let href = |i: &Initiative| {
        if corporation {
            format!("/orgs/{org}/initiatieven/{}", i.id)
        } else if i.initiator.as_ref().is_some_and(|(u, _)| *u == auth.user.id) {
            format!("/initiatieven/mijn/{}", i.id)
        } else {
            String::new()
        }
    };
    let rows = list.iter().map(|i| super::initiator::Line::of(it, i, href(i))).collect();
    let outcomes = if corporation {
        outcomes::per_buurt_and_year(&state.db, &scope)
            .await?
            .into_iter()
            .map(|(b, y, n, o)| (b, y, n, o.participants, o.volunteers, o.jobs_far_from_labour_market, o.visitors))
            .collect()
    } else {
        Vec::new()
    };
    ok(&HomePage {
        page: Page::for_user(&auth),
        it,
        nav: nav(it, &auth, org, organisation.kind),
        corporation,
        rows,
        outcomes,
    })
}

#[derive(Template)]
#[template(path = "initiatieven/initiative.html")]
struct InitiativePage {
    page: Page,
    it: &'static InitiatievenTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    id: i64,
    may_edit: bool,
    notice: Option<&'static str>,
    title: String,
    facts: Vec<(&'static str, String)>,
    stage: &'static str,
    moves: Vec<(String, String, Option<&'static str>)>,
    plan_ok: bool,
    plan_lines: Vec<String>,
    coach: Option<String>,
    coaches: Vec<(String, String)>,
    log: Vec<(String, String, Option<String>, String)>,
    loans: Vec<String>,
    candidates: Vec<(String, String)>,
    grants: Vec<(i64, String)>,
    budget_options: Vec<(String, String)>,
    agreements: Vec<String>,
    agreement_kinds: Vec<(String, String)>,
    outcomes: Vec<(String, Option<String>)>,
    /// (href, year, file name)
    photos: Vec<(String, i32, String)>,
    published: Option<String>,
    needs: Vec<(String, &'static str, bool)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl InitiativePage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// A spending's fields as its form shows them, for each grant: name, label and input type.
    fn spend_fields(&self) -> [(&'static str, &'static str, &'static str); 4] {
        let it = self.it;
        [
            ("spend_on", it.field_date, "date"),
            ("spend_amount", it.field_amount, "text"),
            ("spend_what", it.field_spend_what, "text"),
            ("spend_evidence", it.field_evidence, "text"),
        ]
    }
}

async fn initiative_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    notice: Option<&'static str>,
    fields: Option<HashMap<String, String>>,
    errors: FieldErrors,
) -> Result<InitiativePage, AppError> {
    let (scope, _) = corporation_view(state, auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let initiative = initiatives::for_corporation(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    let may_edit = auth.edits_as_member(org);
    let today = dutch_date(state.clock.now());
    let facts_for_stage = initiatives::stage_facts(&state.db, &initiative).await?;
    let moves = next_stages(initiative.stage, &facts_for_stage)
        .into_iter()
        .map(|(to, block)| (to.code().to_owned(), it.stage_move_to(it.stage(to)), block.map(|b| it.stage_block(b))))
        .collect();
    let (plan_ok, plan_lines) = form::plan_state(it, &initiative.plan);
    let mut facts = vec![
        (it.field_description, initiative.description.clone()),
        (it.field_place, initiative.place.clone()),
        (it.field_who, initiative.who.clone()),
        (it.field_needs, initiative.needs.iter().map(|n| it.need(*n)).collect::<Vec<_>>().join(", ")),
    ];
    if let Some((_, name)) = &initiative.initiator {
        let by = match &initiative.on_behalf_of {
            Some((_, org)) => format!("{name} ({} {org})", it.on_behalf_of),
            None => name.clone(),
        };
        facts.push((it.initiator, by));
    }
    if let Some(buurt) = &initiative.buurt_code {
        facts.push((it.col_buurt, buurt.clone()));
    }
    if !initiative.clusters.is_empty() {
        facts.push((
            it.field_complexes,
            initiative.clusters.iter().map(|(_, c)| c.as_str()).collect::<Vec<_>>().join(", "),
        ));
    }
    let log = initiatives::log(&state.db, id)
        .await?
        .into_iter()
        .map(|e| (show_date(e.on_date), super::log_text(it, &e), e.next_step, e.written_by))
        .collect();
    let (coaches, candidates, budget_options) = if may_edit {
        let coaches =
            initiatives::coaches(&state.db, &scope).await?.into_iter().map(|(id, n)| (id.to_string(), n)).collect();
        // Each named with why it may be lent: its kind when it is no home, and whether it stands empty.
        let vera = state.vera_names.get(&state.db, auth.ctx.lang).await?;
        let candidates = lending::candidates(&state.db, &scope, id, today, 300)
            .await?
            .into_iter()
            .map(|c| {
                let kind = vera.kind(&c.soort, &c.detail_soort);
                let why = match (kind.is_empty(), c.vacant) {
                    (false, true) => format!("{kind}, {}", it.candidate_vacant),
                    (true, true) => it.candidate_vacant.to_owned(),
                    _ => kind,
                };
                (c.id.to_string(), format!("{} ({}) — {why}", c.address, c.id_extern))
            })
            .collect();
        // Only budgets for the initiative's own place (its buurt, wijk, gemeente or complex) pay for it.
        let buurten = budgets::buurten_of(&state.db, &initiative).await?;
        let buurten: Vec<&str> = buurten.iter().map(String::as_str).collect();
        let complexes: Vec<&str> = initiative.clusters.iter().map(|(_, code)| code.as_str()).collect();
        let budgets = budgets::budgets(&state.db, &scope)
            .await?
            .into_iter()
            .filter(|b| area_holds(&b.area_code, &buurten, &complexes))
            .map(|b| {
                let label = format!("{} {} — {}", b.name, b.year, Money::from_cents(b.state.remaining()));
                (b.id.to_string(), label)
            })
            .collect();
        (coaches, candidates, budgets)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    // What was typed in the form that came back, over the stored initiative (so the other forms keep their values).
    let mut stored = form::fields_of(&initiative);
    let fields = match fields {
        Some(typed) => {
            let edit_form = typed.contains_key("title");
            if edit_form {
                // The edit form sent its checkboxes: the needs are what it sent, not what was stored.
                stored.retain(|k, _| !k.starts_with("need_"));
            }
            stored.extend(typed);
            stored
        }
        None => stored,
    };
    let mut fields = fields;
    fields
        .entry("complexes".to_owned())
        .or_insert_with(|| initiative.clusters.iter().map(|(_, c)| c.as_str()).collect::<Vec<_>>().join(", "));
    if let Some((coach, _)) = &initiative.coach {
        // The coach select shows the coach there is, so saving it unchanged keeps them.
        fields.entry("coach".to_owned()).or_insert_with(|| coach.to_string());
    }
    Ok(InitiativePage {
        page: Page::for_user(auth),
        it,
        nav: nav(it, auth, org, OrgKind::Corporation),
        org_id: org,
        id,
        may_edit,
        notice,
        title: initiative.title.clone(),
        facts,
        stage: it.stage(initiative.stage),
        moves,
        plan_ok,
        plan_lines,
        coach: initiative.coach.as_ref().map(|(_, n)| n.clone()),
        coaches,
        log,
        loans: lending::loans(&state.db, id).await?.iter().map(|l| loan_line(it, l)).collect(),
        candidates,
        grants: budgets::grants_of(&state.db, id).await?.iter().map(|g| (g.id, grant_line(it, g))).collect(),
        budget_options,
        agreements: lending::agreements(&state.db, id)
            .await?
            .iter()
            .map(|a| {
                let budget = a.budget_cents.map(|c| format!(", {}", Money::from_cents(c))).unwrap_or_default();
                format!("{}: {} — {}{budget} ({})", it.agreement_kind(&a.kind), a.subject, a.who, show_date(a.on_date))
            })
            .collect(),
        agreement_kinds: AGREEMENT_KINDS.iter().map(|k| ((*k).to_owned(), it.agreement_kind(k).to_owned())).collect(),
        outcomes: outcomes::outcomes_of(&state.db, id)
            .await?
            .iter()
            .map(|(y, o, story)| (outcome_line(it, *y, o), story.clone()))
            .collect(),
        photos: outcomes::photos_of(&state.db, id)
            .await?
            .into_iter()
            .map(|(photo, year, name)| (format!("/orgs/{org}/initiatieven/{id}/fotos/{photo}"), year, name))
            .collect(),
        published: initiative.published.then(|| initiative.public_summary.clone().unwrap_or_default()),
        needs: form::need_boxes(it, &fields),
        fields,
        errors,
    })
}

async fn page(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let notice = query.notice.as_deref().and_then(|n| it.notice(n));
    ok(&initiative_page(&state, &auth, org, id, notice, None, FieldErrors::default()).await?)
}

/// The page again with the form's errors and everything typed, 422.
async fn refused(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    render(StatusCode::UNPROCESSABLE_ENTITY, &initiative_page(state, auth, org, id, None, Some(fields), errors).await?)
}

/// Tells the initiator or the coach of initiative `id` of the step just saved (see `notices`).
async fn tell_of(state: &AppState, auth: &Auth, scope: &WriteScope, id: i64, told: Told) -> Result<(), AppError> {
    if let Some(initiative) = initiatives::for_corporation(&state.db, scope.as_read(), id).await? {
        notices::tell(state, auth.user.id, &initiative, told).await;
    }
    Ok(())
}

fn done(org: i64, id: i64, notice: &str, anchor: &str) -> Result<Response, AppError> {
    Ok(Redirect::to(&format!("/orgs/{org}/initiatieven/{id}?notice={notice}#{anchor}")).into_response())
}

async fn edit(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let Some(edit) = form::read((auth.ctx.t(), it), &fields, &mut errors, true) else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    if !initiatives::edit_by_corporation(&state.db, &scope, &auth.actor(&state), id, &edit).await? {
        return Err(AppError::NotFound);
    }
    done(org, id, "saved", "plan")
}

async fn stage(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    if crate::confirm_step::going_back(&fields) {
        let page = initiative_page(&state, &auth, org, id, None, Some(fields), errors).await?;
        return ok(&page);
    }
    let Ok(to) = Stage::parse(crate::forms::field(&fields, "to")) else {
        errors.add("to", it.err_choose);
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let lessons = crate::forms::field(&fields, "lessons");
    errors.bounded(auth.ctx.t(), "lessons", lessons, false, 4_000);
    if !errors.is_empty() {
        return refused(&state, &auth, org, id, fields, errors).await;
    }
    // Ending cannot be undone (nothing moves out of it): asked once more, naming the initiative.
    if to == Stage::Ended && !crate::confirm_step::confirmed(&fields) {
        let initiative =
            initiatives::for_corporation(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
        // What would refuse it is said before it is asked (the lessons first: ending asks what was learned).
        let block = if initiative.stage == Stage::Ended {
            Some(volkshuis_domain::initiatieven::stage::StageBlock::Ended)
        } else if lessons.trim().is_empty() {
            Some(volkshuis_domain::initiatieven::stage::StageBlock::NoLessons)
        } else {
            None
        };
        if let Some(block) = block {
            errors.add("lessons", it.stage_block(block));
            return refused(&state, &auth, org, id, fields, errors).await;
        }
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: it.end_title.to_owned(),
            lines: vec![it.end_effect(&initiative.title), it.end_final.to_owned()],
            action: format!("/orgs/{org}/initiatieven/{id}/fase"),
            button: it.end_yes,
            back_href: format!("/orgs/{org}/initiatieven/{id}#fase"),
            back_text: it.end_back,
            carried: vec![("to".to_owned(), "beeindigd".to_owned()), ("lessons".to_owned(), lessons.to_owned())],
        }
        .response();
    }
    let today = dutch_date(state.clock.now());
    let lessons = (!lessons.is_empty()).then_some(lessons);
    match initiatives::move_stage(&state.db, &scope, &auth.actor(&state), id, to, lessons, today).await? {
        None => Err(AppError::NotFound),
        Some(Ok(())) => {
            tell_of(&state, &auth, &scope, id, Told::Stage(to)).await?;
            done(org, id, "stage", "fase")
        }
        Some(Err(block)) => {
            errors.add(if to == Stage::Ended { "lessons" } else { "to" }, it.stage_block(block));
            refused(&state, &auth, org, id, fields, errors).await
        }
    }
}

async fn coach(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let coach = match crate::forms::field(&fields, "coach") {
        "" => None,
        user => Some(user.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    // A person who is not the corporation's staff is not found: a select list is not a check.
    let before = initiatives::for_corporation(&state.db, scope.as_read(), id).await?.and_then(|i| i.coach.map(|c| c.0));
    if !initiatives::assign_coach(&state.db, &scope, &auth.actor(&state), id, coach).await? {
        return Err(AppError::NotFound);
    }
    // Saving the form unchanged keeps the coach, and tells nobody again.
    if coach.is_some() && coach != before {
        tell_of(&state, &auth, &scope, id, Told::Coach).await?;
    }
    done(org, id, "coach", "coach")
}

async fn log(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    // A contact that took place: on a day that exists, not after today ("2099-01-01" was logged).
    let typed_on = crate::forms::field(&fields, "log_on");
    let on = match crate::forms::parse_date(typed_on) {
        Err(_) => Err(crate::forms::date_error(auth.ctx.t(), typed_on, it.err_date)),
        Ok(day) if day > dutch_date(state.clock.now()) => Err(it.err_log_later),
        Ok(day) => Ok(day),
    }
    .map_err(|message| errors.add("log_on", message))
    .ok();
    let text = crate::forms::field(&fields, "log_text");
    errors.bounded(auth.ctx.t(), "log_text", text, true, 4_000);
    let next = crate::forms::field(&fields, "log_next");
    errors.bounded(auth.ctx.t(), "log_next", next, false, 1_000);
    let Some(on) = on.filter(|_| errors.is_empty()) else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let next = (!next.is_empty()).then_some(next);
    if !initiatives::add_log(&state.db, &scope, &auth.actor(&state), id, on, text, next).await? {
        return Err(AppError::NotFound);
    }
    done(org, id, "log", "logboek")
}

/// An amount typed in a form, above zero and at most the forms' limit (sums of such amounts stay exact).
fn amount(
    (t, it): (&Texts, &InitiatievenTexts),
    fields: &HashMap<String, String>,
    name: &'static str,
    errors: &mut FieldErrors,
) -> Option<i64> {
    crate::forms::amount_at_least(t, crate::forms::field(fields, name), 1, it.err_amount)
        .map_err(|message| errors.add(name, message))
        .ok()
}

async fn lend(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name);
    let mut errors = FieldErrors::default();
    let unit = field("unit").parse::<i64>().ok();
    if unit.is_none() {
        errors.add("unit", it.err_choose);
    }
    // An empty rent is a loan for free; a negative one is refused.
    let rent = crate::forms::optional_amount(auth.ctx.t(), field("rent"), it.err_amount)
        .map(Option::unwrap_or_default)
        .map_err(|message| errors.add("rent", message))
        .ok();
    let discount = match field("discount") {
        "" => Some(0),
        typed => parse_percent_bp(typed),
    };
    if discount.is_none() {
        errors.add("discount", it.loan_discount);
    }
    let from = crate::forms::parse_date(field("from")).ok();
    if from.is_none() {
        errors.add("from", it.err_date);
    }
    let until = match field("until") {
        "" => Some(None),
        typed => crate::forms::parse_date(typed).ok().map(Some),
    };
    if until.is_none() {
        errors.add("until", it.err_date);
    }
    let (Some(unit), Some(rent_cents), Some(discount_bp), Some(from), Some(until)) =
        (unit, rent, discount, from, until)
    else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let terms = LoanTerms { rent_cents, discount_bp, from, until };
    for problem in terms.problems() {
        let field = match problem {
            volkshuis_domain::initiatieven::lending::LoanProblem::NegativeRent => "rent",
            volkshuis_domain::initiatieven::lending::LoanProblem::DiscountAbove100 => "discount",
            volkshuis_domain::initiatieven::lending::LoanProblem::UntilNotAfterFrom => "until",
        };
        errors.add(field, it.loan_problem(problem));
    }
    if !errors.is_empty() {
        return refused(&state, &auth, org, id, fields, errors).await;
    }
    let today = dutch_date(state.clock.now());
    match lending::lend(&state.db, &scope, &auth.actor(&state), id, unit, &terms, today).await? {
        Ok(_) => done(org, id, "lent", "ruimte"),
        Err(LoanRefused::UnknownInitiative) => Err(AppError::NotFound),
        // A unit that was not offered (rented, lent, or another corporation's): the form again, with what was typed.
        Err(LoanRefused::NotACandidate) => {
            errors.add("unit", it.err_unit_not_offered);
            refused(&state, &auth, org, id, fields, errors).await
        }
    }
}

async fn grant(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let budget = crate::forms::field(&fields, "budget").parse::<i64>().ok();
    if budget.is_none() {
        errors.add("budget", it.err_choose);
    }
    let amount_cents = amount((auth.ctx.t(), it), &fields, "amount", &mut errors);
    let reason = crate::forms::field(&fields, "override");
    errors.bounded(auth.ctx.t(), "override", reason, false, 1_000);
    let (Some(budget), Some(amount_cents), true) = (budget, amount_cents, errors.is_empty()) else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let today = dutch_date(state.clock.now());
    let reason = (!reason.is_empty()).then_some(reason);
    match budgets::grant(&state.db, &scope, &auth.actor(&state), budget, id, amount_cents, reason, today).await? {
        Ok(_) => {
            tell_of(&state, &auth, &scope, id, Told::Granted(Money::from_cents(amount_cents))).await?;
            done(org, id, "granted", "geld")
        }
        Err(GrantRefused::Unknown) => Err(AppError::NotFound),
        // A budget that was not offered (another corporation's, or none): the form again, with what was typed.
        Err(GrantRefused::UnknownBudget) => {
            errors.add("budget", it.err_choose);
            refused(&state, &auth, org, id, fields, errors).await
        }
        Err(GrantRefused::OtherArea { area }) => {
            errors.add("budget", it.err_budget_other_area(area));
            refused(&state, &auth, org, id, fields, errors).await
        }
        Err(GrantRefused::Rule(block)) => {
            errors.add("amount", it.grant_block(block));
            refused(&state, &auth, org, id, fields, errors).await
        }
    }
}

async fn spend(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, grant)): Path<(i64, i64)>,
    Form(mut fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    // The grant of the address, not of a field: its form is the one that opens again with the messages.
    fields.insert("grant".to_owned(), grant.to_string());
    let field = |name: &str| crate::forms::field(&fields, name);
    // The initiative the form was on, for showing the page again (checked by the store like every id).
    let initiative = field("initiative").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let mut errors = FieldErrors::default();
    // Money is spent by today, not later (the grant's own day is checked by the store).
    let today = dutch_date(state.clock.now());
    let on = crate::forms::parse_date(field("spend_on")).ok();
    match on {
        None => errors.add("spend_on", it.err_date),
        Some(day) if day > today => errors.add("spend_on", it.err_spent_later),
        Some(_) => {}
    }
    let on = on.filter(|day| *day <= today);
    let amount_cents = amount((auth.ctx.t(), it), &fields, "spend_amount", &mut errors);
    let what = field("spend_what");
    errors.bounded(auth.ctx.t(), "spend_what", what, true, 1_000);
    let evidence = field("spend_evidence");
    errors.bounded(auth.ctx.t(), "spend_evidence", evidence, false, 1_000);
    let (Some(on), Some(amount_cents), true) = (on, amount_cents, errors.is_empty()) else {
        return refused(&state, &auth, org, initiative, fields, errors).await;
    };
    match budgets::spend(&state.db, &scope, &auth.actor(&state), grant, on, amount_cents, what, evidence).await? {
        Ok(id) => done(org, id, "spent", "geld"),
        Err(SpendRefused::Unknown) => Err(AppError::NotFound),
        Err(SpendRefused::BeforeGrant { granted_on }) => {
            errors.add("spend_on", it.err_spent_before_grant(show_date(granted_on)));
            refused(&state, &auth, org, initiative, fields, errors).await
        }
        Err(SpendRefused::Rule(block)) => {
            let at = if block == SpendBlock::NoEvidence { "spend_evidence" } else { "spend_amount" };
            errors.add(at, it.spend_block(block));
            refused(&state, &auth, org, initiative, fields, errors).await
        }
    }
}

async fn agreement(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let kind = field("kind");
    if !AGREEMENT_KINDS.contains(&kind.as_str()) {
        errors.add("kind", it.err_choose);
    }
    let (subject, who) = (field("subject"), field("agreement_who"));
    for (name, value) in [("subject", &subject), ("agreement_who", &who)] {
        errors.bounded(auth.ctx.t(), name, value, true, 500);
    }
    let budget = match field("agreement_budget").as_str() {
        "" => Some(None),
        typed => match crate::forms::amount_at_least(auth.ctx.t(), typed, 1, it.err_amount) {
            Ok(cents) => Some(Some(cents)),
            Err(message) => {
                errors.add("agreement_budget", message);
                None
            }
        },
    };
    let on = crate::forms::parse_date(&field("agreement_on")).ok();
    if on.is_none() {
        errors.add("agreement_on", it.err_date);
    }
    let (Some(budget_cents), Some(on_date), true) = (budget, on, errors.is_empty()) else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let agreement = Agreement { kind, subject, who, budget_cents, on_date };
    if !lending::add_agreement(&state.db, &scope, &auth.actor(&state), id, &agreement).await? {
        return Err(AppError::NotFound);
    }
    done(org, id, "agreement", "afspraken")
}

async fn outcome(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name);
    let mut errors = FieldErrors::default();
    // What a year brought is told once it began: not for a year to come.
    let this_year = dutch_date(state.clock.now()).year();
    let year = field("year").trim().parse::<i32>().ok().filter(|y| (2000..=this_year).contains(y));
    if year.is_none() {
        errors.add("year", it.err_outcome_year(i64::from(this_year)));
    }
    let mut count = |name: &'static str| {
        let parsed = parse_count(field(name));
        if parsed.is_none() {
            errors.add(name, it.err_count);
        }
        parsed.unwrap_or(0)
    };
    let outcome = Outcome {
        participants: count("participants"),
        volunteers: count("volunteers"),
        jobs_far_from_labour_market: count("jobs"),
        visitors: count("visitors"),
    };
    let story = field("story");
    errors.bounded(auth.ctx.t(), "story", story, false, 4_000);
    // A year already recorded is replaced only when asked: a form sent with one figure replaced every figure and
    // the story of that year with nothing.
    if let Some(year) = year.filter(|_| crate::forms::field(&fields, "replace") != "on") {
        let stored = outcomes::outcomes_of(&state.db, id).await?;
        if let Some((y, o, _)) = stored.iter().find(|(y, _, _)| *y == year) {
            errors.add("year", it.err_outcome_recorded(outcome_line(it, *y, o)));
        }
    }
    let (Some(year), true) = (year, errors.is_empty()) else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let story = (!story.is_empty()).then_some(story);
    if !outcomes::record(&state.db, &scope, &auth.actor(&state), id, year, &outcome, story).await? {
        return Err(AppError::NotFound);
    }
    done(org, id, "outcome", "opbrengst")
}

/// A budget as its row shows it.
struct BudgetRow {
    year: i32,
    area: String,
    name: String,
    budget: String,
    granted: String,
    spent: String,
    remaining: String,
    overdrawn: bool,
}

#[derive(Template)]
#[template(path = "initiatieven/budgets.html")]
struct BudgetsPage {
    page: Page,
    it: &'static InitiatievenTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    may_edit: bool,
    notice: Option<&'static str>,
    rows: Vec<BudgetRow>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl BudgetsPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn budgets_view(
    state: &AppState,
    auth: &Auth,
    org: i64,
    notice: Option<&'static str>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<BudgetsPage, AppError> {
    let (scope, _) = corporation_view(state, auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let euro = |c: i64| Money::from_cents(c).to_string();
    let rows = budgets::budgets(&state.db, &scope)
        .await?
        .into_iter()
        .map(|b| BudgetRow {
            year: b.year,
            area: b.area_code,
            name: b.name,
            budget: euro(b.state.budget_cents),
            granted: euro(b.state.granted_cents),
            spent: euro(b.state.spent_cents),
            remaining: euro(b.state.remaining()),
            overdrawn: b.state.remaining() < 0,
        })
        .collect();
    Ok(BudgetsPage {
        page: Page::for_user(auth),
        it,
        nav: nav(it, auth, org, OrgKind::Corporation),
        org_id: org,
        may_edit: auth.edits_as_member(org),
        notice,
        rows,
        fields,
        errors,
    })
}

async fn budgets_page(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let notice = query.notice.as_deref().and_then(|n| it.notice(n));
    ok(&budgets_view(&state, &auth, org, notice, HashMap::new(), FieldErrors::default()).await?)
}

async fn set_budget(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let year = field("year").parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
    if year.is_none() {
        errors.add("year", it.err_year);
    }
    let area = field("area").to_uppercase();
    if area.is_empty()
        || area.chars().count() > 40
        || !area.chars().all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
    {
        errors.add("area", it.err_area_unknown);
    } else if !is_cbs_area(&area)
        && !stock::unknown_codes(
            &state.db,
            scope.as_read(),
            scope.org_id(),
            StockRef::Complex,
            std::slice::from_ref(&area),
        )
        .await?
        .is_empty()
    {
        // A budget pays for initiatives in its area (`area_holds`): a code that names no place pays for none.
        errors.add("area", it.err_area_unknown);
    }
    let name = field("name");
    errors.bounded(auth.ctx.t(), "name", &name, true, 150);
    let amount_cents = amount((auth.ctx.t(), it), &fields, "amount", &mut errors);
    // A budget is not set below what was granted from it: that would overdraw it without a recorded reason.
    if let (Some(year), Some(amount)) = (year, amount_cents) {
        let existing = budgets::budgets(&state.db, scope.as_read()).await?;
        if let Some(b) = existing.iter().find(|b| b.year == year && b.area_code == area) {
            if amount < b.state.granted_cents {
                errors.add("amount", it.err_budget_below_granted(Money::from_cents(b.state.granted_cents)));
            }
        }
    }
    let (Some(year), Some(amount_cents), true) = (year, amount_cents, errors.is_empty()) else {
        let page = budgets_view(&state, &auth, org, None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    budgets::set_budget(&state.db, &scope, &auth.actor(&state), year, &area, &name, amount_cents).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/initiatieven/budgetten?notice=saved")).into_response())
}

async fn add_photo(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let upload = crate::uploads::MultipartForm::read_photos(multipart).await?;
    let fields = upload.fields().clone();
    let mut errors = FieldErrors::default();
    let year = crate::forms::field(&fields, "photo_year").parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
    if year.is_none() {
        errors.add("photo_year", it.err_year);
    }
    if let Some(problem) = upload.problems.first() {
        errors.add("documents", format!("{} {}", problem.message(auth.ctx.lang.overleg()), it.err_photo_kinds));
    } else if upload.files.len() != 1 {
        errors.add("documents", it.err_photo_one);
    }
    let (Some(year), [file], true) = (year, upload.files.as_slice(), errors.is_empty()) else {
        return refused(&state, &auth, org, id, fields, errors).await;
    };
    let photo = outcomes::NewPhoto {
        file_name: file.file_name.clone(),
        content_type: file.content_type.to_owned(),
        content: file.content.clone(),
    };
    match outcomes::add_photo(&state.db, &scope, &auth.actor(&state), id, year, &photo).await? {
        Ok(_) => done(org, id, "photo", "opbrengst"),
        Err(outcomes::PhotoRefused::Unknown) => Err(AppError::NotFound),
        Err(outcomes::PhotoRefused::Full) => {
            errors.add("documents", it.err_photo_full);
            refused(&state, &auth, org, id, fields, errors).await
        }
    }
}

async fn photo(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, photo)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_view(&state, &auth, org).await?;
    initiatives::for_corporation(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    let (content_type, content) = outcomes::photo(&state.db, id, photo).await?.ok_or(AppError::NotFound)?;
    Ok(super::photo_response(content_type, content))
}

async fn complexes(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let codes: Vec<String> = crate::forms::field(&fields, "complexes")
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    let mut errors = FieldErrors::default();
    if codes.len() > 50 {
        errors.add("complexes", it.err_complexes_many);
        return refused(&state, &auth, org, id, fields, errors).await;
    }
    match initiatives::set_clusters(&state.db, &scope, &auth.actor(&state), id, &codes).await? {
        Ok(true) => done(org, id, "saved", "waar"),
        Ok(false) => Err(AppError::NotFound),
        Err(unknown) => {
            errors.add("complexes", it.err_complexes_unknown(unknown.join(", ")));
            refused(&state, &auth, org, id, fields, errors).await
        }
    }
}
