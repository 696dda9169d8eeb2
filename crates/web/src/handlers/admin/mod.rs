//! Platform administration: organisations, users and memberships, the audit log, the mail outbox.
//! Every route takes [`crate::auth::PlatformAdmin`], so anyone else gets a 403.

pub(crate) mod audit;
mod decrees;
mod orgs;
mod outbox;
mod users;

use crate::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(orgs::router())
        .merge(users::router())
        .merge(audit::router())
        .merge(outbox::router())
        .merge(decrees::router())
}
