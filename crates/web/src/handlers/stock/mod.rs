//! Bezit: a corporation's complexes and units — lists, pages and the import of its stock file.

mod import;
pub(crate) mod map;
mod pages;

use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::access::Check;
use volkshuis_domain::modules::Module;
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new().merge(pages::router()).merge(import::router()).merge(map::router())
}

/// The scope on a corporation's stock. Other kinds of organisation have no stock: 404.
async fn corporation_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org_id: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, org) = auth.scope_with_org(state, org_id, action).await?;
    if !Module::Bezit.open_to(org.kind) {
        return Err(AppError::NotFound);
    }
    Ok((scope, org))
}
