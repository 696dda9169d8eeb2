//! The JSON API under `/api/v1`: the stock with VERA attribute names, cursor pagination, authenticated by an
//! organisation's API token (`Authorization: Bearer vh_…`). Errors are JSON, never HTML pages.

mod openapi;
mod stock;

use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use volkshuis_domain::access::ReadScope;
use volkshuis_store::{tokens, StoreError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/eenheden", get(stock::units))
        .route("/api/v1/eenheden/{id}", get(stock::unit))
        .route("/api/v1/clusters", get(stock::clusters))
}

/// An API error: a status and a JSON body `{"error": code, "message": text}`.
#[derive(Debug)]
pub struct ApiError(StatusCode, &'static str, String);

impl ApiError {
    fn bad_request(message: impl Into<String>) -> Self {
        Self(StatusCode::BAD_REQUEST, "bad_request", message.into())
    }

    fn not_found() -> Self {
        Self(StatusCode::NOT_FOUND, "not_found", "not found".into())
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        tracing::error!(error = ?error, "api request failed");
        Self(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error; see the server log".into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.0, Json(json!({ "error": self.1, "message": self.2 }))).into_response();
        if self.0 == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A caller authenticated by an API token: read access to that token's organisation.
pub struct ApiClient {
    /// The scope on the token's organisation.
    pub scope: ReadScope,
}

impl FromRequestParts<AppState> for ApiClient {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let unauthorized =
            || ApiError(StatusCode::UNAUTHORIZED, "unauthorized", "a valid API token is required".into());
        let secret = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(unauthorized)?;
        let (_, org) =
            tokens::authenticate(&state.db, secret.trim(), state.clock.now()).await?.ok_or_else(unauthorized)?;
        Ok(ApiClient { scope: ReadScope::api_token(org) })
    }
}
