//! A corporation says how tenants reach it when no group speaks for their address yet; the public page `/doe-mee`
//! shows it beside the corporation's name.

use super::groups::list_page;
use super::party_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::render;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::Manage;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::text::{Name, TextError};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/participatie/contact", post(save))
}

#[derive(Deserialize)]
struct ContactForm {
    #[serde(default)]
    public_contact: String,
}

async fn save(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(form): Form<ContactForm>,
) -> Result<Response, AppError> {
    // What the public page says in the corporation's name: its administrators decide.
    let (scope, organisation) = party_scope(&state, &auth, org, Manage).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound);
    }
    let contact = match Name::parse(&form.public_contact) {
        Ok(name) => Some(name),
        Err(TextError::Required) => None, // Emptied: no contact any more.
        Err(error) => {
            let mut errors = FieldErrors::default();
            errors.add("public_contact", crate::forms::text_error(auth.ctx.t(), error));
            let page = list_page(&state, &auth, org, None, Some(form.public_contact), errors).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let mut tx = state.db.begin().await?;
    volkshuis_store::public_contact::set(&mut tx, &scope, &auth.actor(&state), contact.as_ref()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie?notice=saved#public-contact")).into_response())
}
