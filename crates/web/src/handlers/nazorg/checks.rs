//! A check after the sale: its checklist (state of maintenance, payment problems, part in the VvE, wish to sell
//! back) and its follow-up actions with who does them and by when. A check whose answers call for follow-up is not
//! recorded without at least one action.

use super::{corporation_write, parse_day, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::{NazorgTexts, Texts};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::nazorg::checks::{
    check_state_of_sale, done_on_problem, CheckAnswers, DoneOnProblem, Maintenance, VveParticipation,
};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::checks::{self, NewAction};
use volkshuis_store::nazorg::{sales, BuyerScope};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/nazorg/controles/{id}", get(page).post(record))
        .route("/orgs/{org}/nazorg/controles/{id}/acties", post(add_action))
        .route("/orgs/{org}/nazorg/acties/{id}/gedaan", post(action_done))
}

#[derive(Template)]
#[template(path = "nazorg/check.html")]
struct CheckPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    id: i64,
    sale_href: String,
    address: String,
    buyer: String,
    /// The buyer's data was deleted (ADR 0066): the page says so and offers no form.
    deleted: Option<String>,
    /// The home was bought back: its checks not done lapse, and the page offers no form.
    bought_back: Option<String>,
    /// A done check's outcome in one line (shown where no form shows it).
    outcome: Option<String>,
    years: i64,
    due: String,
    state: &'static str,
    state_code: &'static str,
    done: Option<String>,
    /// (id, what, who, due, done)
    actions: Vec<(i64, String, String, String, Option<String>)>,
    maintenance: Vec<(String, String)>,
    participation: Vec<(String, String)>,
    notice: Option<&'static str>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl CheckPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    fn is(&self, name: &str, answer: &str) -> bool {
        self.fields.get(name).is_some_and(|v| v == answer)
    }
}

fn yes_no(value: bool) -> String {
    if value { "ja" } else { "nee" }.to_owned()
}

async fn check_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    notice: Option<&'static str>,
    fields: Option<HashMap<String, String>>,
    errors: FieldErrors,
) -> Result<CheckPage, AppError> {
    let scope = corporation_write(state, auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let sale_id = checks::sale_of(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
    let buyers = BuyerScope::sales_staff(&scope);
    let sale = sales::sale(&state.db, &buyers, &auth.actor(state), sale_id).await?.ok_or(AppError::NotFound)?;
    let check = checks::checks_of(&state.db, &buyers, sale_id)
        .await?
        .unwrap_or_default()
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    let today = dutch_date(state.clock.now());
    let s = check_state_of_sale(check.due_on, check.done_on, sale.bought_back_on, today);
    // The form shows what was recorded, or what was typed when it came back with an error.
    let fields = fields.unwrap_or_else(|| {
        let mut f = HashMap::new();
        if let Some(done) = check.done_on {
            f.insert("done_on".to_owned(), done.to_string());
        }
        if let Some(a) = check.answers {
            f.insert("maintenance".to_owned(), a.maintenance.code().to_owned());
            f.insert("payment_problems".to_owned(), yes_no(a.payment_problems));
            f.insert("participation".to_owned(), a.vve_participation.code().to_owned());
            f.insert("sell_back".to_owned(), yes_no(a.wish_to_sell_back));
        }
        if let Some(n) = &check.notes {
            f.insert("notes".to_owned(), n.clone());
        }
        f
    });
    Ok(CheckPage {
        page: Page::for_user(auth),
        nz,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        org_id: org,
        id,
        sale_href: format!("/orgs/{org}/nazorg/verkopen/{sale_id}"),
        address: sale.address,
        buyer: super::buyer_shown(nz, sale.buyer_name),
        deleted: sale.buyer_deleted_on.map(|on| nz.buyer_deleted_note(show_date(on))),
        // The store takes nothing for a check of a home bought back (`sale_of_check`): the page says why, and shows a
        // done check's outcome, which its form showed before.
        bought_back: sale.bought_back_on.map(|on| {
            if check.done_on.is_some() {
                nz.checks_bought_back_done(show_date(on))
            } else {
                nz.checks_bought_back_note(show_date(on))
            }
        }),
        outcome: check.answers.as_ref().map(|a| nz.check_summary(a)),
        years: i64::from(check.years),
        due: show_date(check.due_on),
        state: nz.check_state(s),
        state_code: s.code(),
        done: check.done_on.map(|d| format!("{} — {}", show_date(d), check.done_by.clone().unwrap_or_default())),
        actions: check
            .actions
            .iter()
            .map(|a| (a.id, a.description.clone(), a.owner.clone(), show_date(a.due_on), a.done_on.map(show_date)))
            .collect(),
        maintenance: Maintenance::ALL.iter().map(|m| (m.code().to_owned(), nz.maintenance(*m).to_owned())).collect(),
        participation: VveParticipation::ALL
            .iter()
            .map(|p| (p.code().to_owned(), nz.participation(*p).to_owned()))
            .collect(),
        notice,
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
    let nz = NazorgTexts::of(auth.ctx.lang);
    let notice = query.notice.as_deref().and_then(|n| nz.notice(n));
    ok(&check_page(&state, &auth, org, id, notice, None, FieldErrors::default()).await?)
}

/// Reads a follow-up action from the form's `action_*` fields: `Ok(None)` when all are empty.
fn read_action(
    (t, nz): (&Texts, &NazorgTexts),
    fields: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> Option<Option<NewAction>> {
    let field = |name: &str| crate::forms::field(fields, name).to_owned();
    let (description, owner, due) = (field("action_description"), field("action_owner"), field("action_due"));
    if description.is_empty() && owner.is_empty() && due.is_empty() {
        return Some(None);
    }
    errors.bounded(t, "action_description", &description, true, 1_000);
    errors.bounded(t, "action_owner", &owner, true, 200);
    let due_on = parse_day(&due);
    if due_on.is_none() {
        errors.add("action_due", nz.err_date);
    }
    let due_on = due_on?;
    errors.is_empty().then_some(Some(NewAction { description, owner, due_on }))
}

async fn record(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    // A check is recorded once it was done: not in the future (a future day would take it off the overdue list),
    // and not before the sale it checks (a day before it counted a late check as done on time).
    let sale_id = checks::sale_of(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
    let buyers = BuyerScope::sales_staff(&scope);
    let sold_on = sales::sold_on(&state.db, &buyers, sale_id).await?.ok_or(AppError::NotFound)?;
    let today = dutch_date(state.clock.now());
    let done_on = match parse_day(&field("done_on")) {
        Some(day) => match done_on_problem(day, sold_on, today) {
            None => Some(day),
            Some(DoneOnProblem::Future) => {
                errors.add("done_on", nz.err_date_not_future);
                None
            }
            Some(DoneOnProblem::BeforeSale) => {
                errors.add("done_on", nz.err_done_before_sale(show_date(sold_on)));
                None
            }
        },
        None => {
            errors.add("done_on", nz.err_date_not_future);
            None
        }
    };
    let maintenance = Maintenance::parse(&field("maintenance")).ok();
    if maintenance.is_none() {
        errors.add("maintenance", nz.err_choose);
    }
    let participation = VveParticipation::parse(&field("participation")).ok();
    if participation.is_none() {
        errors.add("participation", nz.err_choose);
    }
    let yes_no = |name: &'static str, errors: &mut FieldErrors| match field(name).as_str() {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => {
            errors.add(name, nz.err_choose);
            None
        }
    };
    let payment_problems = yes_no("payment_problems", &mut errors);
    let sell_back = yes_no("sell_back", &mut errors);
    let notes = field("notes");
    errors.bounded(auth.ctx.t(), "notes", &notes, false, 4_000);
    let action = read_action((auth.ctx.t(), nz), &fields, &mut errors);
    let (
        Some(done_on),
        Some(maintenance),
        Some(vve_participation),
        Some(payment_problems),
        Some(wish_to_sell_back),
        Some(action),
    ) = (done_on, maintenance, participation, payment_problems, sell_back, action)
    else {
        let page = check_page(&state, &auth, org, id, None, Some(fields), errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let answers = CheckAnswers { maintenance, payment_problems, vve_participation, wish_to_sell_back };
    if answers.needs_follow_up() && action.is_none() {
        let has_actions = checks::checks_of(&state.db, &buyers, sale_id)
            .await?
            .unwrap_or_default()
            .iter()
            .any(|c| c.id == id && !c.actions.is_empty());
        if !has_actions {
            errors.add("action_description", nz.err_follow_up_needed);
            let page = check_page(&state, &auth, org, id, None, Some(fields), errors).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    }
    if !errors.is_empty() {
        let page = check_page(&state, &auth, org, id, None, Some(fields), errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let actor = auth.actor(&state);
    let notes = (!notes.is_empty()).then_some(notes);
    let recorded = (done_on, &answers, notes.as_deref());
    if !checks::record_check_with_action(&state.db, &scope, &actor, id, recorded, action.as_ref()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/nazorg/controles/{id}?notice=check_recorded")).into_response())
}

async fn add_action(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let Some(Some(action)) = read_action((auth.ctx.t(), nz), &fields, &mut errors) else {
        if errors.is_empty() {
            errors.add("action_description", auth.ctx.t().err_required);
        }
        let page = check_page(&state, &auth, org, id, None, Some(fields), errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if !checks::add_action(&state.db, &scope, &auth.actor(&state), id, &action).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/nazorg/controles/{id}?notice=action_added")).into_response())
}

async fn action_done(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let today = dutch_date(state.clock.now());
    if !checks::action_done(&state.db, &scope, &auth.actor(&state), id, today).await? {
        return Err(AppError::NotFound);
    }
    // Back to the check the action belongs to (a number from the form; the page checks it again).
    let back = crate::forms::field(&fields, "check").parse::<i64>().ok();
    let to = match back {
        Some(check) => format!("/orgs/{org}/nazorg/controles/{check}?notice=action_done"),
        None => format!("/orgs/{org}/nazorg?notice=action_done"),
    };
    Ok(Redirect::to(&to).into_response())
}
