//! Facts about the current request that every handler may need: language, request id, CSRF token, client address.

use crate::cookies;
use crate::csrf::CsrfToken;
use crate::i18n::{Lang, Texts};
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::convert::Infallible;

/// The client's network address, for login throttling and logs; set by the `client_address` middleware
/// in `ops.rs`.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

/// The request's context. Extracting it never fails.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The UI language.
    pub lang: Lang,
    /// The request id (also in the `x-request-id` response header and the logs).
    pub request_id: String,
    /// The CSRF token to embed in forms.
    pub csrf: String,
    /// The client's network address, for login throttling.
    pub client: String,
    /// The path and query asked for.
    pub path: String,
}

/// Whether a request path belongs to the API (which answers JSON, not pages): one rule for the API's own error
/// answers and the error pages that leave it alone.
pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

impl RequestContext {
    /// The texts in the request's language.
    pub fn t(&self) -> &'static Texts {
        self.lang.texts()
    }

    /// Reads the context from request parts.
    pub fn from_parts(parts: &Parts) -> Self {
        let lang = cookies::get(&parts.headers, cookies::LANG).and_then(|c| Lang::from_code(&c)).unwrap_or_default();
        let request_id = parts.headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_owned();
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let client = parts.extensions.get::<ClientAddress>().map(|c| c.0.clone()).unwrap_or_else(|| "local".to_owned());
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".to_owned());
        Self { lang, request_id, csrf, client, path }
    }
}

impl FromRequestParts<AppState> for RequestContext {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self::from_parts(parts))
    }
}
