//! The JSON API under `/api/v1`: the stock with VERA attribute names, cursor pagination, authenticated by an
//! organisation's API token (`Authorization: Bearer vh_…`), and the one write a corporation's token may be given:
//! bringing in Signalering's arrears ledger (`ledger.rs`). Every answer is JSON, errors included (`errors.rs`).

mod errors;
mod ledger;
mod openapi;
mod stock;

pub(crate) use errors::json_errors;
pub use errors::ApiError;

use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::Router;
use volkshuis_domain::access::ReadScope;
use volkshuis_store::tokens;

/// The API's routes, to be nested under `/api`. It has a fallback of its own, so an unknown `/api/…` path is a JSON
/// 404 and never reaches the pages' fallback (or their CSRF check, which a bearer-token API does not need: ADR 0007).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/openapi.json", get(openapi::document))
        .route("/v1/eenheden", get(stock::units))
        .route("/v1/eenheden/{id}", get(stock::unit))
        .route("/v1/clusters", get(stock::clusters))
        // The ledger reads its body itself, up to its limit, after the token and the turn are checked.
        .route("/v1/signalering/grootboek", post(ledger::bring_in))
        .fallback(errors::unknown_path)
}

/// A caller authenticated by an API token: read access to that token's organisation, and the ledger right when the
/// token has it and its maker is still an administrator.
pub struct ApiClient {
    /// The scope on the token's organisation.
    pub scope: ReadScope,
    /// Whether the token may also bring in Signalering's arrears ledger.
    pub may_bring_ledger: bool,
    /// Whether it was given that right but its maker is no longer an active administrator.
    pub ledger_lapsed: bool,
    /// The token (named in the audit log as the actor of what it writes).
    pub token_id: i64,
    /// Its name.
    pub token_name: String,
}

impl FromRequestParts<AppState> for ApiClient {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let secret = crate::bearer::token(&parts.headers).ok_or_else(ApiError::unauthorized)?;
        let token =
            tokens::authenticate(&state.db, secret, state.clock.now()).await?.ok_or_else(ApiError::unauthorized)?;
        Ok(ApiClient {
            scope: ReadScope::api_token(token.org_id),
            may_bring_ledger: token.may_bring_ledger,
            ledger_lapsed: token.ledger_lapsed,
            token_id: token.id,
            token_name: token.name,
        })
    }
}
