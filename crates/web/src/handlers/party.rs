//! What the Overleg and Participatiekaart handlers share: the scope of a party to the Overlegwet. Kept apart from
//! `handlers/mod.rs` (the router) so that a handler importing it does not import the router that imports the handler.

use crate::state::AppState;

/// The scope of the organisation in the path for the modules between a corporation and its tenant organisations
/// (Overleg, Participatiekaart): other kinds of organisation have no such pages.
pub(crate) async fn party_scope<C: volkshuis_domain::access::Check>(
    state: &AppState,
    auth: &crate::auth::Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, volkshuis_store::orgs::Organisation), crate::error::AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !volkshuis_domain::modules::is_overlegwet_party(organisation.kind) {
        return Err(crate::error::AppError::NotFound);
    }
    Ok((scope, organisation))
}
