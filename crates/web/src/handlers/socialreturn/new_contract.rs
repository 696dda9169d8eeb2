//! A buyer's contract manager registers a contract; the table version valid on the award date applies and its
//! threshold rule suggests the obligation.

use super::buyer_scope;
use super::forms::{field, optional_money, percentage, required_date, required_money, show_percentage, Fields};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::notify::{self, events::ContractRef, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::{Edit, ReadScope};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::socialreturn::progress::Obligation;
use volkshuis_domain::socialreturn::table::version_for;
use volkshuis_store::orgs::{self, Organisation};
use volkshuis_store::socialreturn::{self, NewContract};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/sr/contracten/nieuw", get(form).post(create))
}

const CADENCES: [&str; 3] = ["monthly", "quarterly", "yearly"];

#[derive(Template)]
#[template(path = "socialreturn/contract_form.html")]
struct FormPage {
    page: Page,
    org_id: i64,
    suppliers: Vec<(String, String)>,
    coordinators: Vec<(String, String)>,
    cadences: Vec<(String, String)>,
    suggestion: Option<String>,
    /// The buyer has no valuation table yet: a contract is valued by the table of its award date.
    no_table: bool,
    fields: Fields,
    errors: FieldErrors,
}

impl FormPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    org: &Organisation,
    fields: Fields,
    errors: FieldErrors,
) -> Result<FormPage, AppError> {
    let page = Page::for_user(auth);
    let all = orgs::list(&state.db).await?;
    let suppliers = all
        .iter()
        .filter(|o| o.kind == OrgKind::Supplier && o.id != org.id)
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    // Exactly the organisations the buyer works with as coordinator: the server accepts no other.
    let coordinators = socialreturn::coordinators(&state.db, scope)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let latest = socialreturn::tables(&state.db, scope).await?.into_iter().next();
    let no_table = latest.is_none();
    let suggestion = latest.map(|t| {
        page.sr.obligation_suggested(show_percentage(t.table.obligation_basis_points), t.table.obligation_threshold)
    });
    Ok(FormPage {
        org_id: org.id,
        suppliers,
        coordinators,
        cadences: CADENCES.iter().map(|c| ((*c).to_owned(), page.sr.cadence(c).to_owned())).collect(),
        suggestion,
        no_table,
        fields,
        errors,
        page,
    })
}

async fn form(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = buyer_scope(&state, &auth, org, Edit).await?;
    let mut fields = Fields::new();
    fields.insert("cadence".into(), "quarterly".into());
    fields.insert("form_token".into(), format!("{:032x}", rand::random::<u128>()));
    ok(&form_page(&state, &auth, &scope, &organisation, fields, FieldErrors::default()).await?)
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (scope, organisation) = buyer_scope(&state, &auth, org, Edit).await?;
    let t = auth.ctx.t();
    let sr = auth.ctx.lang.socialreturn();
    let mut errors = FieldErrors::default();
    let supplier = field(&fields, "supplier_id").parse::<i64>().ok();
    let supplier = match supplier {
        Some(id) => orgs::get(&state.db, id).await?.filter(|o| o.kind == OrgKind::Supplier),
        None => None,
    };
    if supplier.is_none() {
        errors.add("supplier_id", sr.err_supplier);
    }
    // Only an organisation the buyer works with as coordinator (ADR 0026): it will read candidate names and evidence.
    let coordinator = match field(&fields, "coordinator_id") {
        "" => None,
        id => {
            let allowed = socialreturn::coordinators(&state.db, &scope).await?;
            Some(id.parse::<i64>().ok().filter(|id| allowed.iter().any(|(a, _)| a == id)))
        }
    };
    if coordinator == Some(None) {
        errors.add("coordinator_id", sr.err_coordinator);
    }
    let title = errors.check(t, "title", volkshuis_domain::text::Name::parse(field(&fields, "title")));
    let value = required_money(&fields, "value", &mut errors, (t, sr));
    let starts_on = required_date(&fields, "starts_on", &mut errors, (t, sr));
    let ends_on = required_date(&fields, "ends_on", &mut errors, (t, sr));
    // The award is a fact on record (a contract awarded in 2099 was saved; its day also picks the valuation table).
    let awarded_on = required_date(&fields, "awarded_on", &mut errors, (t, sr)).filter(|day| {
        let happened = *day <= volkshuis_domain::calendar::dutch_date(state.clock.now());
        if !happened {
            errors.add("awarded_on", sr.err_awarded_later);
        }
        happened
    });
    if let (Some(s), Some(e)) = (starts_on, ends_on) {
        if e < s {
            errors.add("ends_on", sr.err_dates);
        }
    }
    // A contract is awarded before its work starts (an award after the start was taken).
    if let (Some(award), Some(start)) = (awarded_on, starts_on) {
        if award > start {
            errors.add("awarded_on", sr.err_awarded_after_start);
        }
    }
    let cadence = CADENCES.iter().find(|c| **c == field(&fields, "cadence")).copied();
    if cadence.is_none() {
        errors.add("cadence", t.err_choose);
    }
    let fixed = optional_money(&fields, "obligation_fixed", &mut errors, (t, sr));
    let percent = match field(&fields, "obligation_percent") {
        "" => None,
        text => {
            let bp = percentage(text);
            if bp.is_none() {
                errors.add("obligation_percent", sr.err_percent);
            }
            bp
        }
    };
    // One way to set the obligation: both filled dropped the percentage without a word; a fixed amount above the
    // contract's value was taken (a percentage above 100 is refused).
    if fixed.is_some() && percent.is_some() {
        errors.add("obligation_percent", sr.err_obligation_both);
    }
    if let (Some(amount), Some(v)) = (fixed, value) {
        if amount.cents() > v.cents() {
            errors.add("obligation_fixed", sr.err_obligation_above_value);
        }
    }
    let tables = socialreturn::tables(&state.db, &scope).await?;
    let table = awarded_on.and_then(|a| version_for(&tables, a, |t| t.table.valid_from));
    if awarded_on.is_some() && table.is_none() {
        errors.add("awarded_on", sr.err_no_table);
    }
    let obligation = match (fixed, percent, table, value) {
        (Some(amount), _, _, _) => Some(Obligation::Fixed(amount)),
        (None, Some(bp), _, _) => Some(Obligation::Percentage(bp)),
        (None, None, Some(t), Some(v)) => t.table.suggested_obligation(v).map(Obligation::Percentage),
        _ => None,
    };
    if obligation.is_none() && errors.get("obligation_percent").is_none() {
        errors.add("obligation_percent", sr.err_percent);
    }
    let valid = (supplier, title, value, starts_on, ends_on, awarded_on, cadence, obligation, table);
    let (
        Some(supplier),
        Some(title),
        Some(value),
        Some(starts_on),
        Some(ends_on),
        Some(awarded_on),
        Some(cadence),
        Some(obligation),
        Some(table),
    ) = valid
    else {
        let page = form_page(&state, &auth, &scope, &organisation, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if !errors.is_empty() {
        let page = form_page(&state, &auth, &scope, &organisation, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let new = NewContract {
        supplier_id: supplier.id,
        coordinator_id: coordinator.flatten(),
        title: title.as_str().to_owned(),
        value,
        starts_on,
        ends_on,
        awarded_on,
        obligation,
        cadence: cadence.to_owned(),
        table_id: table.id,
    };
    // The same contract again: from the same form (a double click) it leads to the first; from a new one (the
    // browser's Back brings the form with a new token) it is said, nothing recorded twice.
    if let Some(existing) = socialreturn::same_contract(&state.db, &scope, &new).await? {
        let token = field(&fields, "form_token");
        if !token.is_empty() && socialreturn::contract_of_form_token(&state.db, &scope, token).await? == Some(existing)
        {
            return Ok(Redirect::to(&format!("/orgs/{org}/sr/contracten/{existing}?notice=saved")).into_response());
        }
        let mut errors = FieldErrors::default();
        errors.add("title", sr.err_contract_exists);
        let page = form_page(&state, &auth, &scope, &organisation, fields, errors).await?;
        return render(StatusCode::CONFLICT, &page);
    }
    let mut tx = state.db.begin().await?;
    let id = socialreturn::create_contract(&mut tx, &scope, &auth.actor(&state), &new).await?;
    // The same form sent twice (a double click, a reload of the answer) registers once: the second leads to the
    // first, which tells the parties and counts in the totals once.
    let token = field(&fields, "form_token").to_owned();
    if !token.is_empty() && token.len() <= 64 {
        match socialreturn::keep_contract_form_token(&mut tx, id, &token).await {
            Ok(()) => {}
            Err(StoreError::Duplicate) => {
                drop(tx);
                let first = match socialreturn::contract_of_form_token(&state.db, &scope, &token).await? {
                    Some(first) => socialreturn::contract(&state.db, &scope, first).await?,
                    None => None,
                };
                // The same contract sent again leads to it; a form brought back and changed into another contract
                // comes back as typed with a new token, nothing lost.
                if let Some(first) = first.filter(|c| c.title == new.title && c.supplier_id == new.supplier_id) {
                    let to = format!("/orgs/{org}/sr/contracten/{}?notice=saved", first.id);
                    return Ok(Redirect::to(&to).into_response());
                }
                let mut kept = fields;
                kept.insert("form_token".into(), format!("{:032x}", rand::random::<u128>()));
                let mut errors = FieldErrors::default();
                errors.add("title", sr.err_contract_twice);
                let page = form_page(&state, &auth, &scope, &organisation, kept, errors).await?;
                return render(StatusCode::CONFLICT, &page);
            }
            Err(other) => return Err(other.into()),
        }
    }
    super::jobs::contract_created(&state, &mut tx, id, scope.org_id(), &new).await?;
    let contract = ContractRef {
        id,
        title: new.title.clone(),
        buyer_id: org,
        supplier_id: new.supplier_id,
        coordinator_id: new.coordinator_id,
    };
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::ContractRegistered(contract))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/contracten/{id}?notice=saved")).into_response())
}
