//! Changing a group: its fields, areas and parent (never its corporation or keeper), without cycles in the tree.

use super::groups::{form_page, parse_group, unknown_areas, GroupForm};
use super::party_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::picker::PickedForm;
use crate::state::AppState;
use crate::views::{ok, render};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::{Edit, ReadScope};
use volkshuis_store::orgs::{self, Organisation};
use volkshuis_store::participatie::{self as part, Group};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/participatie/groepen/{id}/bewerken", get(edit_form).post(update))
}

/// The form filled in from a group, to change it. Its areas in code order, whatever order the engine gives them in
/// (the form's fingerprint compares them).
fn form_of(group: &Group) -> GroupForm {
    let mut codes = group.area_codes.clone();
    codes.sort();
    GroupForm {
        corporation_id: group.corporation_id.to_string(),
        parent_id: group.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        name: group.name.clone(),
        kind: group.kind.code().to_owned(),
        area_kind: group.area_kind.clone(),
        area_complexes: if group.area_kind == "complexes" { codes.join(", ") } else { String::new() },
        area_buurten: if group.area_kind == "buurten" { codes.join(", ") } else { String::new() },
        contact_role: group.contact_role.clone(),
        approx_size: group.approx_size.map(|n| n.to_string()).unwrap_or_default(),
        description: group.description.clone(),
        join_info: group.join_info.clone(),
        started_on: group.started_on.map(|d| d.to_string()).unwrap_or_default(),
        rest: group.channels.iter().map(|c| (format!("channel_{}", c.code()), "on".to_owned())).collect(),
    }
}

/// A visible group the organisation may change.
async fn editable(
    state: &AppState,
    scope: &ReadScope,
    organisation: &Organisation,
    id: i64,
) -> Result<Group, AppError> {
    let group = super::visible_group(state, scope, id).await?;
    if !super::may_edit(scope, organisation, &group) {
        return Err(AppError::Forbidden);
    }
    Ok(group)
}

async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = editable(&state, &scope, &organisation, id).await?;
    ok(&form_page(&state, &auth, &scope, &organisation, with_seen(form_of(&group)), FieldErrors::default(), Some(id))
        .await?)
}

/// The form with the fingerprint of what it shows, as `seen`.
fn with_seen(mut form: GroupForm) -> GroupForm {
    let seen = form.fingerprint();
    form.rest.insert("seen".to_owned(), seen);
    form
}

async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    PickedForm(mut form): PickedForm<GroupForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = editable(&state, &scope, &organisation, id).await?;
    // Changed by someone else since this form was opened: the form comes back as typed, with what the group holds
    // now as its new `seen`, so a second save keeps this version knowingly (the later save undid the earlier).
    let now = form_of(&group).fingerprint();
    if form.rest.get("seen").is_some_and(|seen| *seen != now) {
        let mut errors = FieldErrors::default();
        errors.add("seen", auth.ctx.lang.participatie().err_changed_meanwhile);
        form.rest.insert("seen".to_owned(), now);
        let page = form_page(&state, &auth, &scope, &organisation, form, errors, Some(id)).await?;
        return render(StatusCode::CONFLICT, &page);
    }
    // The corporation whose stock it is does not change.
    form.corporation_id = group.corporation_id.to_string();
    let t = auth.ctx.t();
    let corps = vec![orgs::get(&state.db, group.corporation_id).await?.ok_or(AppError::NotFound)?];
    let parsed = parse_group(
        &form,
        &corps,
        (t, auth.ctx.lang.participatie()),
        volkshuis_domain::calendar::dutch_date(state.clock.now()),
    );
    let new = match parsed {
        Ok(new) => new,
        Err(errors) => {
            let page = form_page(&state, &auth, &scope, &organisation, form, errors, Some(id)).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    if let Some(errors) = unknown_areas(&state, &scope, &new, auth.ctx.lang.participatie()).await? {
        let page = form_page(&state, &auth, &scope, &organisation, form, errors, Some(id)).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    // A parent out of reach — not one this organisation sees, the group itself or one below it (a circle), or one
    // ended since the form was opened — comes back on the form, as everything typed (the store checks it).
    match part::update_group(&mut tx, &scope, &auth.actor(&state), &group, &new).await {
        Ok(()) => {}
        Err(StoreError::NotFound) => {
            drop(tx);
            let mut errors = FieldErrors::default();
            errors.add("parent_id", auth.ctx.lang.participatie().err_parent);
            let page = form_page(&state, &auth, &scope, &organisation, form, errors, Some(id)).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(other) => return Err(other.into()),
    }
    tx.commit().await?;
    part::recompute(&state.db, &scope, group.corporation_id).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=saved")).into_response())
}
