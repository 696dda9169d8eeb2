//! Social return: buyers' valuation tables and contracts, suppliers' contributions, the buyer's decisions,
//! portfolio dashboards, exports and the yearly report.
//!
//! A buyer is a corporation or a municipality; a supplier reports on its own contracts; a coordinator (often the
//! Werkgeversservicepunt) follows the contracts it is named on. The organisation in the path is the one the user
//! acts for; a contract opens only to its three parties.

mod charts;
mod contract;
mod contributions;
mod coordinators;
mod exports;
mod forms;
pub(crate) mod jobs;
mod new_contract;
mod overview;
mod tables;

use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use axum::Router;
use time::Date;
use volkshuis_domain::access::{Check, ReadScope};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::socialreturn::{self, Contract};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(overview::router())
        .merge(tables::router())
        .merge(new_contract::router())
        .merge(contract::router())
        .merge(contributions::router())
        .merge(coordinators::router())
        .merge(exports::router())
}

/// Whether an organisation of this kind buys (and so keeps tables and contracts).
fn is_buyer(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Corporation | OrgKind::Municipality)
}

/// The scope of the organisation in the path, for a buyer's own pages; other kinds have no such page.
async fn buyer_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !is_buyer(organisation.kind) {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// A contract the organisation of `scope` is a party to; anyone else's is a 404.
async fn load_contract(state: &AppState, scope: &ReadScope, id: i64) -> Result<Contract, AppError> {
    socialreturn::contract(&state.db, scope, id).await?.ok_or(AppError::NotFound)
}

/// Today in the Netherlands.
fn today(state: &AppState) -> Date {
    dutch_date(state.clock.now())
}
