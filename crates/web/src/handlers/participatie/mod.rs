//! Participatiekaart: the groups in a corporation's stock (kept by the corporation or its tenant organisations),
//! their activities and Overlegwet criteria, coverage and blind spots, the yearly diagnosis, and the public page
//! where a tenant finds the groups for an address.

mod achterban;
mod coverage;
mod diagnosis;
mod group_edit;
mod group_page;
mod groups;
mod join_requests;
mod public;
mod public_contact;
mod recognition;

use crate::auth::Auth;
use crate::error::AppError;
use crate::handlers::party::party_scope;
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::access::{Action, Check, ReadScope};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg;
use volkshuis_store::participatie::{self as part, Group};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(groups::router())
        .merge(group_edit::router())
        .merge(achterban::router())
        .merge(group_page::router())
        .merge(recognition::router())
        .merge(join_requests::router())
        .merge(coverage::router())
        .merge(diagnosis::router())
        .merge(public::router())
        .merge(public_contact::router())
}

/// The corporations whose stock the organisation works in: itself, those it consults, or — for a municipality,
/// which sees coverage figures and nothing else — those with homes in its own gemeenten (ADR 0039; none while it has
/// no gemeente code).
async fn corporations(
    state: &AppState,
    scope: &ReadScope,
    organisation: &Organisation,
) -> Result<Vec<Organisation>, AppError> {
    Ok(match organisation.kind {
        OrgKind::Corporation => vec![organisation.clone()],
        OrgKind::Municipality => part::corporations_in_territory(&state.db, scope).await?,
        _ => overleg::partners_of(&state.db, scope).await?.into_iter().map(|p| p.org).collect(),
    })
}

/// The scope for the coverage figures: as [`party_scope`], and a municipality too.
async fn figures_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !volkshuis_domain::modules::Module::Participatie.open_to(organisation.kind) {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// A group the organisation of `scope` may see; anyone else's is a 404.
async fn visible_group(state: &AppState, scope: &ReadScope, id: i64) -> Result<Group, AppError> {
    part::visible_group(&state.db, scope, id).await?.ok_or(AppError::NotFound)
}

/// Whether the organisation may change a visible group: a tenant organisation its own tree, a corporation the
/// groups it keeps itself.
fn may_edit(scope: &ReadScope, organisation: &Organisation, group: &Group) -> bool {
    scope.role().allows(Action::Edit)
        && (organisation.kind == OrgKind::TenantOrganisation || group.org_id == scope.org_id())
}
