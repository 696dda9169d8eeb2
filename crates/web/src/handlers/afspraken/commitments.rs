//! Adding a commitment (with its targets per year, its owner and where its actual comes from) and recording an
//! actual with its source and evidence. A wrong field brings the cycle page back with everything typed.

use super::cycle::again;
use super::field;
use super::{back, load, parse_number, party_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Edit;
use volkshuis_domain::afspraken::{ComputedSource, Theme};
use volkshuis_store::afspraken::{self, NewActual, NewCommitment};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/afspraken/{id}/afspraken", post(add))
        .route("/orgs/{org}/afspraken/{id}/afspraken/{commitment}/realisatie", post(record))
}

/// An optional number field: empty is `None`, a wrong one an error.
fn optional_number(
    fields: &HashMap<String, String>,
    name: &str,
    errors: &mut FieldErrors,
    message: &str,
) -> Option<f64> {
    match field(fields, name) {
        "" => None,
        text => {
            let number = parse_number(text);
            if number.is_none() {
                errors.add(name, message);
            }
            number
        }
    }
}

async fn add(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    let mut errors = FieldErrors::default();
    let theme = Theme::parse(field(&fields, "theme")).ok();
    if theme.is_none() {
        errors.add("theme", pa.err_theme);
    }
    let body = field(&fields, "body");
    if body.is_empty() || body.chars().count() > 2000 {
        errors.add("body", pa.err_body);
    }
    let baseline = optional_number(&fields, "baseline", &mut errors, pa.err_number);
    let mut targets = Vec::new();
    for year in cycle.first_year..=cycle.last_year {
        if let Some(target) = optional_number(&fields, &format!("target_{year}"), &mut errors, pa.err_number) {
            targets.push((year, target));
        }
    }
    // The owner is checked against the cycle's parties here and again in the store: a select list is not a check.
    let parties = afspraken::parties(&state.db, &cycle_ref).await?;
    let owner_id = match field(&fields, "owner_id") {
        "" => None,
        text => {
            let owner = text.parse::<i64>().ok().filter(|o| parties.iter().any(|p| p.org.id == *o));
            if owner.is_none() {
                errors.add("owner_id", pa.err_owner);
            }
            owner
        }
    };
    let computed = match field(&fields, "computed") {
        "" => None,
        code => {
            let source = ComputedSource::parse(code).ok();
            if source.is_none() {
                errors.add("computed", pa.not_allowed);
            }
            source
        }
    };
    let (Some(theme), true) = (theme, errors.is_empty()) else {
        return again(&state, &auth, org, id, fields, errors).await;
    };
    let new = NewCommitment {
        theme,
        body: body.to_owned(),
        unit: field(&fields, "unit").to_owned(),
        baseline,
        owner_id,
        computed,
        targets,
    };
    let mut tx = state.db.begin().await?;
    let added = afspraken::add_commitment(&mut tx, &scope, &auth.actor(&state), id, &new).await?;
    tx.commit().await?;
    match added {
        Some(_) => Ok(back(org, id, "afspraken")),
        None => {
            errors.add("body", pa.commitments_locked);
            again(&state, &auth, org, id, fields, errors).await
        }
    }
}

async fn record(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, commitment)): Path<(i64, i64, i64)>,
    Form(mut fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (_, cycle) = load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    fields.insert("commitment".into(), commitment.to_string());
    let mut errors = FieldErrors::default();
    let year =
        field(&fields, "actual_year").parse::<i32>().ok().filter(|y| (cycle.first_year..=cycle.last_year).contains(y));
    match year {
        None => errors.add("actual_year", pa.err_year_of_cycle(cycle.first_year, cycle.last_year)),
        // An actual is a measurement: of a year that has begun, not a forecast.
        Some(y) if y > super::today(&state).year() => errors.add("actual_year", pa.err_actual_future),
        Some(_) => {}
    }
    let value = parse_number(field(&fields, "actual_value"));
    if value.is_none() {
        errors.add("actual_value", pa.err_number);
    }
    let source = field(&fields, "actual_source").to_owned();
    if source.is_empty() {
        errors.add("actual_source", pa.err_source);
    }
    let (Some(year), Some(value), true) = (year, value, errors.is_empty()) else {
        return again(&state, &auth, org, id, fields, errors).await;
    };
    let actual = NewActual { year, value, source, evidence: field(&fields, "actual_evidence").to_owned() };
    let mut tx = state.db.begin().await?;
    let recorded = afspraken::record_actual(&mut tx, &scope, &auth.actor(&state), id, commitment, &actual).await?;
    tx.commit().await?;
    if recorded {
        return Ok(back(org, id, &format!("afspraak-{commitment}")));
    }
    errors.add("actual_value", pa.not_owner);
    again(&state, &auth, org, id, fields, errors).await
}
