//! Requests to join a group: its organisation marks one handled once it answered the tenant, and the request and
//! its personal data are deleted at once, asked once more.

use super::{party_scope, visible_group};
use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::Page;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Edit;
use volkshuis_store::participatie as part;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie/groepen/{id}/aanmeldingen/{request}/afgehandeld", post(handle_request))
}

/// The group's organisation answered a tenant's request to join (called, mailed, welcomed them): the request and its
/// personal data are deleted now, asked once more; only the keeping organisation's own editing members do this.
async fn handle_request(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, request)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if group.org_id != org || !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    let pt = auth.ctx.lang.participatie();
    if !crate::confirm_step::confirmed(&fields) {
        let requests = part::join_requests(&state.db, &group, &auth.actor(&state)).await?;
        let Some((_, r)) = requests.into_iter().find(|(r, _)| *r == request) else {
            return Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}#inbox")).into_response());
        };
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: pt.request_handled_title(&r.name),
            lines: vec![pt.request_handled_effect(&r.name), pt.request_handled_contact.to_owned()],
            action: format!("/orgs/{org}/participatie/groepen/{id}/aanmeldingen/{request}/afgehandeld"),
            button: pt.request_handled_yes,
            back_href: format!("/orgs/{org}/participatie/groepen/{id}#inbox"),
            back_text: pt.recognise_back,
            carried: Vec::new(),
        }
        .response();
    }
    let mut tx = state.db.begin().await?;
    // Handled already (a second tab, a button pressed twice): nothing left to delete, and the page says the same.
    part::handle_join_request(&mut tx, &group, &auth.actor(&state), request).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=request_handled")).into_response())
}
