//! Addenda: the lead party records a change the parties agreed to signed agreements (a later year's target, an
//! agreement added in words), after a confirmation that says what it changes. The target it replaces is kept.

use super::phase_bar::PhaseBar;
use super::{load, parse_number, party_scope, show_number};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::state::AppState;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Edit;
use volkshuis_store::afspraken::{self, AddendumRefusal, Cycle, CycleRef, NewAddendum};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken/{id}/addendum", get(form).post(save))
}

#[derive(Template)]
#[template(path = "afspraken/addendum.html")]
struct AddendumPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    commitments: Vec<(String, String)>,
    years: Vec<(String, String)>,
    confirming: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl AddendumPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    (cycle_ref, cycle): (&CycleRef, &Cycle),
    confirming: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<AddendumPage, AppError> {
    let page = Page::for_user(auth);
    let pa = page.pa;
    let commitments = afspraken::commitments(&state.db, cycle_ref)
        .await?
        .iter()
        .map(|c| (c.id.to_string(), format!("{}: {}", pa.theme(c.theme), c.body)))
        .collect();
    Ok(AddendumPage {
        bar: PhaseBar::of(pa, cycle, org),
        org_id: org,
        id: cycle.id,
        commitments,
        years: (cycle.first_year..=cycle.last_year).map(|y| (y.to_string(), y.to_string())).collect(),
        confirming,
        fields,
        errors,
        page,
    })
}

async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    ok(&page(&state, &auth, org, (&cycle_ref, &cycle), None, HashMap::new(), FieldErrors::default()).await?)
}

async fn save(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let (t, pa, lang) = (auth.ctx.t(), auth.ctx.lang.afspraken(), auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let agreed_on = parse_date(&field("agreed_on")).ok();
    if agreed_on.is_none() {
        errors.add("agreed_on", auth.ctx.lang.socialreturn().err_date);
    }
    let body = field("body");
    if body.is_empty() || body.chars().count() > 20_000 {
        errors.add("body", t.err_required);
    }
    // The commitment is checked against this cycle's, here and in the store.
    let commitments = afspraken::commitments(&state.db, &cycle_ref).await?;
    let target = match field("commitment_id").as_str() {
        "" => None,
        text => {
            let commitment = text.parse::<i64>().ok().and_then(|c| commitments.iter().find(|m| m.id == c));
            let year = field("year").parse::<i32>().ok().filter(|y| (cycle.first_year..=cycle.last_year).contains(y));
            let value = parse_number(&field("new_target"));
            if commitment.is_none() {
                errors.add("commitment_id", pa.not_allowed);
            }
            if year.is_none() {
                errors.add("year", pa.err_year);
            }
            if value.is_none() {
                errors.add("new_target", pa.err_number);
            }
            commitment.zip(year).zip(value).map(|((c, y), v)| (c, y, v))
        }
    };
    let (Some(agreed_on), true) = (agreed_on, errors.is_empty()) else {
        let page = page(&state, &auth, org, (&cycle_ref, &cycle), None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if field("confirmed") != "yes" {
        let summary = match target {
            Some((c, year, value)) => pa.addendum_summary_target(
                &c.body,
                show_number(lang, value),
                c.target(year).map(|old| show_number(lang, old)).unwrap_or_else(|| "—".into()),
                year,
            ),
            None => pa.addendum_summary(show_date(agreed_on)),
        };
        let page = page(&state, &auth, org, (&cycle_ref, &cycle), Some(summary), fields, errors).await?;
        return ok(&page);
    }
    let new = NewAddendum { agreed_on, body, target: target.map(|(c, y, v)| (c.id, y, v)) };
    let mut tx = state.db.begin().await?;
    let recorded = afspraken::add_addendum(&mut tx, &scope, &auth.actor(&state), id, &new).await?;
    if recorded.is_ok() {
        let parties = super::party_ids(&mut tx, &cycle_ref).await?;
        let what = crate::notify::events::CycleStep::Addendum;
        super::tell_parties(&state, &mut tx, &auth, org, (id, &cycle.title, parties), what).await?;
    }
    tx.commit().await?;
    let message = match recorded {
        Ok(_) => return Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}?notice=saved#addenda")).into_response()),
        Err(AddendumRefusal::NotLead) => pa.not_lead,
        Err(AddendumRefusal::NotSigned) => pa.addendum_not_signed,
    };
    errors.add("body", message);
    let page = page(&state, &auth, org, (&cycle_ref, &cycle), None, fields, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
