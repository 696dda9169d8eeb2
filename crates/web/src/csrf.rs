//! CSRF protection for every state-changing request, as a middleware so no route can forget it.
//!
//! Double-submit: a random token lives in an HttpOnly, SameSite=Strict cookie and is embedded in every form; a
//! POST (PUT, PATCH, DELETE) passes only when the form field `csrf` (or the `X-CSRF-Token` header) equals the cookie.
//! A forged cross-site form cannot read the cookie, and SameSite=Strict keeps the browser from sending it.

use crate::cookies;
use crate::error::AppError;
use crate::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cookie::SameSite;

/// The CSRF token of the current request, for templates.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The largest form body read for the check; forms are small.
const MAX_FORM_BYTES: usize = 1024 * 1024;
/// The largest upload (a corporation's stock file is tens of megabytes; a national file goes through the CLI).
pub const MAX_UPLOAD_BYTES: usize = 200 * 1024 * 1024;

/// Whether a request of this method may change something (and so needs the token). GET, HEAD and OPTIONS only read.
pub fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The middleware.
pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let existing = cookies::get(request.headers(), cookies::CSRF).filter(|t| t.len() >= 32);
    let token = existing.clone().unwrap_or_else(volkshuis_store::sessions::new_token);
    let mut request = if changes_state(request.method()) {
        match check(request, existing.as_deref()).await {
            Ok(request) => request,
            Err(rejected) => return rejected,
        }
    } else {
        request
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if existing.is_none() {
        let cookie = cookies::set(cookies::CSRF, &token, state.config.secure_cookies, SameSite::Strict, None);
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

async fn check(request: Request, cookie: Option<&str>) -> Result<Request, Response> {
    let Some(cookie) = cookie else {
        return Err(AppError::Csrf.into_response());
    };
    if let Some(sent) = request.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()) {
        return if same(sent, cookie) { Ok(request) } else { Err(AppError::Csrf.into_response()) };
    }
    let content_type =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let too_large = || (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "form too large").into_response();
    let (parts, body) = request.into_parts();
    let (sent, bytes) = if content_type.starts_with("application/x-www-form-urlencoded") {
        let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| too_large())?;
        let sent = form_urlencoded::parse(&bytes).find(|(k, _)| k == "csrf").map(|(_, v)| v.into_owned());
        (sent, bytes)
    } else if let Ok(boundary) = multer::parse_boundary(&content_type) {
        let bytes = to_bytes(body, MAX_UPLOAD_BYTES).await.map_err(|_| too_large())?;
        (multipart_csrf(bytes.clone(), boundary).await, bytes)
    } else {
        return Err(AppError::Csrf.into_response());
    };
    match sent {
        Some(sent) if same(&sent, cookie) => Ok(Request::from_parts(parts, Body::from(bytes))),
        _ => Err(AppError::Csrf.into_response()),
    }
}

/// The `csrf` field of a multipart form (the upload forms put it first, before the file).
async fn multipart_csrf(bytes: axum::body::Bytes, boundary: String) -> Option<String> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(bytes) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("csrf") {
            return field.text().await.ok();
        }
    }
    None
}

/// Compares in constant time for equal lengths, so the token cannot be guessed byte by byte.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_compare_exactly() {
        assert!(super::same("abc", "abc"));
        assert!(!super::same("abc", "abd"));
        assert!(!super::same("abc", "abcd"));
    }
}
