//! The yearly budget between a corporation and a tenant organisation (art. 7): amount, spending, accounting.

use super::{parse_date, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::BUDGET_CATEGORIES;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Action, Check, Edit, ReadScope, Scope, View};
use volkshuis_domain::calendar::TermCalendar;
use volkshuis_domain::money::Money;
use volkshuis_domain::overleg::budget_account_deadline;
use volkshuis_domain::text::Name;
use volkshuis_store::overleg::{self, Budget, BudgetLine};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg/budget/{other}/{year}", get(show))
        .route("/orgs/{org}/overleg/budget/{other}/{year}/uitgaven", post(add_line))
        .route("/orgs/{org}/overleg/budget/{other}/{year}/verantwoord", post(account))
}

struct LineView {
    date: String,
    category: &'static str,
    description: String,
    amount: String,
}

#[derive(Default, Deserialize)]
struct LineForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    spent_on: String,
}

#[derive(Template)]
#[template(path = "overleg/budget.html")]
struct BudgetPage {
    page: Page,
    org_id: i64,
    other: i64,
    year: i32,
    amount: String,
    spent: String,
    left: String,
    account_by: String,
    account_rule: String,
    accounted: Option<String>,
    lines: Vec<LineView>,
    can_spend: bool,
    can_account: bool,
    categories: Vec<(String, String)>,
    form: LineForm,
    errors: FieldErrors,
}

async fn load<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    other: i64,
    year: i32,
    action: C,
) -> Result<(C::Scope, Budget), AppError> {
    let (scope, _) = party_scope(state, auth, org, action).await?;
    let budget = overleg::budget(&state.db, scope.as_read(), other, year).await?.ok_or(AppError::NotFound)?;
    Ok((scope, budget))
}

fn budget_page(
    auth: &Auth,
    cal: &TermCalendar,
    scope: &ReadScope,
    other: i64,
    budget: Budget,
    form: LineForm,
    errors: FieldErrors,
) -> BudgetPage {
    let page = Page::for_user(auth);
    let ov = page.ov;
    let spent = spent(&budget);
    let deadline = budget_account_deadline(cal, budget.year);
    BudgetPage {
        org_id: scope.org_id(),
        other,
        year: budget.year,
        amount: budget.amount.to_string(),
        spent: spent.to_string(),
        left: Money::from_cents(budget.amount.cents() - spent.cents()).to_string(),
        account_by: ov.deadline_date(&deadline),
        account_rule: ov.rule(&deadline.rule),
        accounted: budget.accounted_on.map(show_date),
        can_spend: budget.tenant_org_id == scope.org_id()
            && budget.accounted_on.is_none()
            && scope.role().allows(Action::Edit)
            && super::writes_for(auth, scope.org_id()),
        // The accounting is the tenant organisation's own statement (ADR 0059).
        can_account: budget.tenant_org_id == scope.org_id() && auth.edits_as_member(scope.org_id()),
        lines: budget
            .lines
            .into_iter()
            .map(|l| LineView {
                date: show_date(l.spent_on),
                category: ov.category(&l.category),
                description: l.description,
                amount: l.amount.to_string(),
            })
            .collect(),
        categories: BUDGET_CATEGORIES.iter().map(|c| ((*c).to_owned(), ov.category(c).to_owned())).collect(),
        form,
        errors,
        page,
    }
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, other, year)): Path<(i64, i64, i32)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, budget) = load(&state, &auth, org, other, year, View).await?;
    let mut page = budget_page(
        &auth,
        &super::term_calendar(&state).await?,
        &scope,
        other,
        budget,
        LineForm::default(),
        FieldErrors::default(),
    );
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

async fn add_line(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, other, year)): Path<(i64, i64, i32)>,
    Form(form): Form<LineForm>,
) -> Result<Response, AppError> {
    let (scope, budget) = load(&state, &auth, org, other, year, Edit).await?;
    if budget.tenant_org_id != scope.org_id() {
        return Err(AppError::Forbidden);
    }
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    // An accounted year takes no more expenses (they were added after the accounting, which then no longer held).
    if budget.accounted_on.is_some() {
        errors.add("accounted", ov.err_budget_accounted);
        return render(
            StatusCode::CONFLICT,
            &budget_page(&auth, &super::term_calendar(&state).await?, &scope, other, budget, form, errors),
        );
    }
    let category = BUDGET_CATEGORIES.iter().find(|c| **c == form.category.trim()).copied();
    if category.is_none() {
        errors.add("category", auth.ctx.t().err_choose);
    }
    let description = errors.check(auth.ctx.t(), "description", Name::parse(&form.description));
    let amount = crate::forms::amount_at_least(auth.ctx.t(), &form.amount, 1, ov.err_amount)
        .map_err(|message| errors.add("amount", message))
        .ok()
        .map(Money::from_cents);
    // An expense was made (not after today) and belongs to the budget of its year ("2099-01-01" and a day of 2024
    // were taken into the 2026 budget).
    let spent_on = match parse_date(&form.spent_on) {
        Err(_) => Err(crate::forms::date_error(auth.ctx.t(), &form.spent_on, ov.err_date).to_owned()),
        Ok(day) if day > today(&state) => Err(ov.err_spent_later.to_owned()),
        Ok(day) if day.year() != year => Err(ov.err_spent_other_year(year.to_string())),
        Ok(day) => Ok(day),
    }
    .map_err(|message| errors.add("spent_on", message))
    .ok();
    let (Some(category), Some(description), Some(amount), Some(spent_on)) = (category, description, amount, spent_on)
    else {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &budget_page(&auth, &super::term_calendar(&state).await?, &scope, other, budget, form, errors),
        );
    };
    let mut tx = state.db.begin().await?;
    let line =
        BudgetLine { category: category.to_owned(), description: description.as_str().to_owned(), amount, spent_on };
    overleg::add_budget_line(&mut tx, &scope, &auth.actor(&state), &budget, &line).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/budget/{other}/{year}?notice=saved")).into_response())
}

/// What was spent of a year's budget: its lines summed (the page and the closing's summary say the same).
fn spent(budget: &Budget) -> Money {
    Money::from_cents(budget.lines.iter().map(|l| l.amount.cents()).sum())
}

async fn account(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, other, year)): Path<(i64, i64, i32)>,
    Form(fields): Form<std::collections::HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, budget) = load(&state, &auth, org, other, year, Edit).await?;
    if budget.tenant_org_id != scope.org_id() {
        return Err(AppError::Forbidden);
    }
    let back = format!("/orgs/{org}/overleg/budget/{other}/{year}");
    if budget.accounted_on.is_some() {
        // Sent again (a reload, a second tab): the accounting stands with its first day.
        return Ok(Redirect::to(&back).into_response());
    }
    // Closing the year cannot be undone and tells the corporation: asked once more, with what it records.
    if !crate::confirm_step::confirmed(&fields) {
        let ov = auth.ctx.lang.overleg();
        let spent = spent(&budget);
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: ov.budget_account_title(year.to_string()),
            lines: vec![
                ov.budget_account_effect(budget.amount.to_string(), spent.to_string(), year.to_string()),
                ov.budget_account_final.to_owned(),
            ],
            action: format!("{back}/verantwoord"),
            button: ov.budget_account_yes,
            back_href: back,
            back_text: ov.budget_account_back,
            carried: Vec::new(),
        }
        .response();
    }
    let mut tx = state.db.begin().await?;
    overleg::account_budget(&mut tx, &scope, &auth.actor(&state), &budget, today(&state)).await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::BudgetAccounted((&budget).into()))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/budget/{other}/{year}?notice=saved")).into_response())
}
