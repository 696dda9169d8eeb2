//! The routes, one module per use case; each module exposes its own `router()`.

mod admin;
mod api;
mod home;
mod language;
mod login;
mod org;
mod overleg;
mod participatie;
mod password_reset;
mod socialreturn;
pub(crate) mod stock;
mod tokens;

use crate::app::AppState;
use axum::Router;

/// All page routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(login::router())
        .merge(language::router())
        .merge(password_reset::router())
        .merge(home::router())
        .merge(org::router())
        .merge(overleg::router())
        .merge(participatie::router())
        .merge(socialreturn::router())
        .merge(admin::router())
        .merge(stock::router())
        .merge(api::router())
        .merge(tokens::router())
}

/// The scope of the organisation in the path for the modules between a corporation and its tenant organisations
/// (Overleg, Participatiekaart): other kinds of organisation have no such pages.
pub(crate) async fn party_scope(
    state: &AppState,
    auth: &crate::auth::Auth,
    org: i64,
    action: volkshuis_domain::access::Action,
) -> Result<(volkshuis_domain::access::OrgScope, volkshuis_store::orgs::Organisation), crate::error::AppError> {
    use volkshuis_domain::org::OrgKind;
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    match organisation.kind {
        OrgKind::Corporation | OrgKind::TenantOrganisation => Ok((scope, organisation)),
        _ => Err(crate::error::AppError::NotFound),
    }
}
