//! The API's one error shape, `{"error": code, "message": text}`, for every answer under `/api/` that is not a
//! success: the handlers' own errors ([`ApiError`]), the parameters' rejections ([`ApiQuery`], [`ApiPath`]), and, as
//! a net under everything else, [`json_errors`] for what axum or a middleware answers by itself (an unknown path,
//! another method, a body over the limit, a time-out, a panic). ADR 0030.

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::json;
use volkshuis_store::StoreError;

/// An API error: a status, a stable code and a message for the developer reading it.
#[derive(Debug)]
pub struct ApiError(StatusCode, &'static str, String);

impl ApiError {
    /// 400: a parameter is wrong; the message names it.
    pub(super) fn bad_request(message: impl Into<String>) -> Self {
        Self(StatusCode::BAD_REQUEST, "bad_request", message.into())
    }

    /// 401: no token, or one that is unknown or revoked.
    pub(super) fn unauthorized() -> Self {
        Self(StatusCode::UNAUTHORIZED, "unauthorized", "a valid API token is required".into())
    }

    /// 404.
    pub(super) fn not_found() -> Self {
        Self(StatusCode::NOT_FOUND, "not_found", "not found".into())
    }

    /// 500, logged with its cause.
    pub(super) fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "api request failed");
        Self(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error; see the server log".into())
    }

    /// 403: the token may not do this.
    pub(super) fn forbidden(message: impl Into<String>) -> Self {
        Self(StatusCode::FORBIDDEN, "forbidden", message.into())
    }

    /// 409: another request of the organisation is doing this now; try again (with `Retry-After`).
    pub(super) fn conflict(message: impl Into<String>) -> Self {
        Self(StatusCode::CONFLICT, "busy", message.into())
    }

    /// 413: the body is larger than the operation takes.
    pub(super) fn payload_too_large(message: impl Into<String>) -> Self {
        Self(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", message.into())
    }

    /// 415: the body is not of a type the operation reads.
    pub(super) fn unsupported_media_type(message: impl Into<String>) -> Self {
        Self(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", message.into())
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        // The database busy with a long write, or a connection lost: nothing was written; a client may try again.
        if matches!(error, StoreError::Busy | StoreError::ImportRunning | StoreError::ConnectionLost) {
            tracing::warn!(error = ?error, "api request not carried out; the client may try again");
            return Self(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the database is busy or was briefly unreachable; nothing was written, try again".into(),
            );
        }
        tracing::error!(error = ?error, "api request failed");
        Self(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error; see the server log".into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.0, Json(json!({ "error": self.1, "message": self.2 }))).into_response();
        if self.0 == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if self.0 == StatusCode::SERVICE_UNAVAILABLE || self.0 == StatusCode::CONFLICT {
            response.headers_mut().insert(header::RETRY_AFTER, crate::error::RETRY_AFTER_SECONDS.into());
        }
        response
    }
}

/// Query parameters read as axum's `Query`, refused with a JSON 400 that names the parameter (axum's own rejection
/// is `text/plain`).
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            // In the API's own words ("invalid query parameter: gemeentecode: unknown field …"), not axum's.
            Err(rejection) => Err(ApiError::bad_request(format!(
                "invalid query parameter: {}",
                rejection.body_text().trim_start_matches("Failed to deserialize query string: ")
            ))),
        }
    }
}

/// Path parameters read as axum's `Path`, refused with a JSON 400 (a unit id that is no integer, say).
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::bad_request(rejection.body_text())),
        }
    }
}

/// The fallback of `/api/…`: a path the API does not have.
pub(super) async fn unknown_path() -> ApiError {
    ApiError::not_found()
}

/// The longest message taken over from a plain-text error body (axum's rejections are one line).
const MAX_MESSAGE: usize = 300;

/// The net under the API: an error answer to an `/api/` request that is not JSON already (axum's 405, a 413 or 408
/// from a layer, a panic's 500 page) is replaced by the JSON error with the same status and headers. A short
/// plain-text body of a 4xx becomes the message, since it says what was wrong; a 5xx says only where to look.
pub async fn json_errors(request: Request, next: Next) -> Response {
    if !crate::context::is_api(request.uri().path()) {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let plain_text = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    let told = if status.is_client_error() && plain_text {
        to_bytes(body, 4 * MAX_MESSAGE).await.ok().and_then(|b| String::from_utf8(b.to_vec()).ok())
    } else {
        None
    };
    let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
    let message = match told.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => text.chars().take(MAX_MESSAGE).collect(),
        _ if status.is_server_error() => "internal error; see the server log".to_owned(),
        _ => reason.clone(),
    };
    let code =
        if status == StatusCode::INTERNAL_SERVER_ERROR { "internal".to_owned() } else { reason.replace(' ', "_") };
    let json = serde_json::to_vec(&json!({ "error": code, "message": message })).unwrap_or_default();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(json))
}

#[cfg(test)]
mod tests {
    use axum::body::{to_bytes, Body};
    use axum::http::{header, Request, StatusCode};
    use axum::response::Html;
    use axum::routing::post;
    use axum::Router;
    use tower::ServiceExt;

    /// What a layer answers by itself reaches an API caller as the JSON error: a body limit's 413 (from the CSRF
    /// layer's body reading, say) and an HTML error page; outside the API nothing changes.
    #[tokio::test]
    async fn errors_made_outside_the_api_handlers_become_json() {
        let app = Router::new()
            .route("/api/v1/upload", post(|| async { (StatusCode::PAYLOAD_TOO_LARGE, "form too large") }))
            .route("/api/v1/broken", post(|| async { (StatusCode::INTERNAL_SERVER_ERROR, Html("<h1>Fout</h1>")) }))
            .route("/page", post(|| async { (StatusCode::PAYLOAD_TOO_LARGE, "form too large") }))
            .layer(axum::middleware::from_fn(super::json_errors));
        let answer = |path: &'static str| {
            let app = app.clone();
            async move {
                let request = Request::post(path).body(Body::empty()).expect("request");
                let response = app.oneshot(request).await.expect("response");
                let status = response.status();
                let content_type = response.headers()[header::CONTENT_TYPE].to_str().expect("ascii").to_owned();
                let body = to_bytes(response.into_body(), 10_000).await.expect("body");
                (status, content_type, String::from_utf8_lossy(&body).into_owned())
            }
        };
        let (status, content_type, body) = answer("/api/v1/upload").await;
        assert_eq!((status, content_type.as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "application/json"));
        let json: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(
            (json["error"].as_str(), json["message"].as_str()),
            (Some("payload_too_large"), Some("form too large"))
        );
        let (status, content_type, body) = answer("/api/v1/broken").await;
        assert_eq!((status, content_type.as_str()), (StatusCode::INTERNAL_SERVER_ERROR, "application/json"));
        assert!(body.contains("\"internal\"") && !body.contains("Fout"), "{body}");
        let (_, content_type, body) = answer("/page").await;
        assert_eq!((content_type.as_str(), body.as_str()), ("text/plain; charset=utf-8", "form too large"));
    }

    #[test]
    fn the_api_is_everything_under_api() {
        use crate::context::is_api;
        assert!(is_api("/api/v1/eenheden") && is_api("/api") && is_api("/api/"));
        assert!(!is_api("/apis") && !is_api("/orgs/1/api-tokens"));
    }
}
