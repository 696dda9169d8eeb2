//! Operating the service: health, the Prometheus endpoint, request metrics, error pages, static assets.

use crate::context::{is_api, ClientAddress, RequestContext};
use crate::error::{AppError, ErrorPage};
use crate::state::AppState;
use crate::views::{render, Page};
use askama::Template;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

/// Counts and times every request by route pattern (not raw path, to keep the label set small).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let response = next.run(request).await;
    state.metrics.record_request(method, route, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

/// Finds the client's address: the socket's peer, or — with `trust_proxy` — the last `X-Forwarded-For` entry.
pub async fn client_address(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let forwarded = state
        .config
        .trust_proxy
        .then(|| request.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|v| v.rsplit(',').next())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|axum::extract::ConnectInfo(addr)| addr.ip().to_string());
    let address = forwarded.or(peer).unwrap_or_else(|| "local".to_owned());
    request.extensions_mut().insert(ClientAddress(address));
    next.run(request).await
}

/// `GET /metrics`: Prometheus text format, for the scraper that brings the configured token (`Authorization:
/// Bearer …`); not served at all when no token is configured. Not by client address: behind a reverse proxy on the
/// same host every visitor would come from the loopback address.
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let Some(token) = state.config.metrics_token.as_deref() else { return Err(AppError::NotFound) };
    let sent = crate::bearer::token(&headers);
    if !sent.is_some_and(|sent| crate::csrf::same(sent, token)) {
        return Err(AppError::Forbidden);
    }
    for (status, count) in crate::jobs::queue::counts(&state.db).await? {
        state.metrics.set_jobs(status, count);
    }
    state.metrics.set_kept_stock_pages(i64::try_from(state.db.kept_stock_page_bytes()).unwrap_or(i64::MAX));
    state.metrics.set_kept_places(i64::try_from(state.db.kept_place_bytes()).unwrap_or(i64::MAX));
    let body = state.metrics.encode().map_err(|e| AppError::Internal(e.into()))?;
    Ok(([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], body).into_response())
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, axum::Json(serde_json::json!({ "status": "ok", "database": "ok" }))).into_response(),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            let body = serde_json::json!({ "status": "error", "database": "unreachable" });
            (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response()
        }
    }
}

/// The stylesheet, compiled into the binary.
pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../static/app.css"),
    )
        .into_response()
}

/// The other static assets, compiled into the binary: Leaflet (from npm, kept in `assets/vendor/`, ADR 0024) and our
/// map scripts.
pub async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let (content_type, body): (&str, &'static str) = match name.as_str() {
        "leaflet.js" => ("text/javascript; charset=utf-8", include_str!("../assets/vendor/leaflet-1.9.4/leaflet.js")),
        "leaflet.css" => ("text/css; charset=utf-8", include_str!("../assets/vendor/leaflet-1.9.4/leaflet.css")),
        "map.js" => ("text/javascript; charset=utf-8", include_str!("../static/map.js")),
        "upload.js" => ("text/javascript; charset=utf-8", include_str!("../static/upload.js")),
        "coverage.js" => ("text/javascript; charset=utf-8", include_str!("../static/coverage.js")),
        "outlines.js" => ("text/javascript; charset=utf-8", include_str!("../static/outlines.js")),
        "search.js" => ("text/javascript; charset=utf-8", include_str!("../static/search.js")),
        "forms.js" => ("text/javascript; charset=utf-8", include_str!("../static/forms.js")),
        "favicon.svg" => ("image/svg+xml", FAVICON),
        _ => return AppError::NotFound.into_response(),
    };
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body).into_response()
}

/// The site's icon: a house in the brand colour, small enough to keep in the binary.
const FAVICON: &str = include_str!("../static/favicon.svg");

/// `GET /favicon.ico`: the icon for browsers and tools that ask the conventional address instead of reading the
/// pages' `<link rel="icon">` (every modern browser shows an SVG served here, whatever the name says).
pub async fn favicon() -> Response {
    ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")], FAVICON)
        .into_response()
}

/// Unknown paths.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// A panic in a handler becomes the friendly 500 page; the panic itself is logged.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("panic");
    AppError::Internal(anyhow::anyhow!("handler panicked: {message}")).into_response()
}

/// The head of an error page: a signed-in user keeps their menus, search and log-out (a page they may not see, or one
/// that does not exist, is no reason to lose the way on), and every visitor gets the form token of their cookies (the
/// language switch and log-out work from an error page too). The user is looked up only where the page may ask the
/// database — not after a fault of the server's own, a busy database or a stale form — and only for pages, not for
/// the API or the static files.
/// On a 403 page it also says who the signed-in user is where the page belongs (`standing`): their role in the
/// page's organisation, or that they are no member of it — without naming an organisation they do not belong to.
async fn error_page_head(
    state: &AppState,
    kind: ErrorPage,
    cookies: Vec<axum::http::HeaderValue>,
    response_headers: &HeaderMap,
    ctx: &RequestContext,
) -> (Page, Option<String>) {
    use axum::extract::FromRequestParts as _;
    let mut request = Request::new(Body::empty());
    *request.uri_mut() = ctx.path.parse().unwrap_or_default();
    for cookie in cookies {
        request.headers_mut().append(header::COOKIE, cookie);
    }
    if let Some(request_id) = ctx.request_id.parse().ok().filter(|_| ctx.request_id != "-") {
        request.headers_mut().insert("x-request-id", request_id);
    }
    // A first visit has its pre-session cookie only in this response.
    let token = crate::csrf::token_for(state, request.headers())
        .or_else(|| crate::csrf::token_for_new_cookie(state, response_headers));
    request.extensions_mut().insert(crate::csrf::CsrfToken(token.unwrap_or_default()));
    request.extensions_mut().insert(ClientAddress(ctx.client.clone()));
    let (mut parts, _) = request.into_parts();
    let path = parts.uri.path();
    let page_path = !is_api(path) && !path.starts_with("/static/");
    let asks_the_database =
        !matches!(kind, ErrorPage::Internal | ErrorPage::Busy | ErrorPage::Csrf | ErrorPage::DatabaseUnreachable);
    if page_path && asks_the_database && crate::cookies::get(&parts.headers, crate::cookies::SESSION).is_some() {
        if let Ok(auth) = crate::auth::Auth::from_request_parts(&mut parts, state).await {
            let standing = if kind == ErrorPage::Forbidden { standing(&auth, parts.uri.path()) } else { None };
            return (Page::for_user(&auth), standing);
        }
    }
    (Page::anonymous(&RequestContext::from_parts(&parts)), None)
}

/// The user's standing in the organisation of a page under `/orgs/{org}/…`, for the 403 page.
fn standing(auth: &crate::auth::Auth, path: &str) -> Option<String> {
    let org: i64 = path.strip_prefix("/orgs/")?.split('/').next()?.parse().ok()?;
    let t = auth.ctx.t();
    Some(match auth.memberships.iter().find(|(o, _)| o.id == org) {
        Some((organisation, role)) => t.err_forbidden_member(&organisation.name, t.role(*role)),
        None => t.err_forbidden_outsider.to_owned(),
    })
}

/// A form not taken, with what was typed in it (see [`crate::rescue`]).
#[derive(Template)]
#[template(path = "layout/rescue.html")]
struct RescuePage {
    page: Page,
    title: &'static str,
    explanation: &'static str,
    typed: Vec<String>,
    login: Option<String>,
    request_id: String,
}

fn lost_form_page(page: Page, ctx: &RequestContext, status: StatusCode, lost: crate::rescue::LostForm) -> Response {
    let t = ctx.t();
    let (title, explanation) = match lost.why {
        crate::rescue::Why::LoggedOut => (t.rescue_logged_out_title, t.rescue_logged_out_text),
        crate::rescue::Why::Token => (t.err_csrf_title, t.rescue_token_text),
    };
    let page = RescuePage {
        page,
        title,
        explanation,
        typed: lost.typed,
        // A token that failed may be a session that ended too (its cookie gone): the way to log in is offered.
        login: lost.login.or_else(|| Some("/login".to_owned())),
        request_id: ctx.request_id.clone(),
    };
    render(status, &page).unwrap_or_else(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "layout/error.html")]
struct ErrorTemplate {
    page: Page,
    title: &'static str,
    explanation: &'static str,
    /// Who the user is where a page they may not see belongs (403 only).
    standing: Option<String>,
    /// What they typed into a form their role no longer allows (403 only).
    typed: Vec<String>,
    request_id: String,
}

/// The page for an error that axum's extractors answered themselves, in plain text: a query parameter that is not a
/// number (`?zoom=abc`), a form field of the wrong type. A person in a browser gets the translated page, not a line of
/// English; the API keeps its own JSON errors (`handlers::api::json_errors`).
fn plain_text_rejection(method: &Method, path: &str, response: &Response) -> Option<ErrorPage> {
    let status = response.status();
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !status.is_client_error() || !plain || is_api(path) {
        return None;
    }
    // A wait (429) says how long in its own words, with Retry-After; the calendar feed answers a calendar app so.
    if status == StatusCode::TOO_MANY_REQUESTS {
        return None;
    }
    Some(match status {
        StatusCode::NOT_FOUND => ErrorPage::NotFound,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorPage::TooLarge,
        // A page asked for has only its address to be wrong; a form sent has its fields.
        _ if method == Method::GET || method == Method::HEAD => ErrorPage::BadAddress,
        _ => ErrorPage::BadRequest,
    })
}

/// Replaces the body of an error response with the translated error page, showing the request id.
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let ctx = RequestContext::from_parts(&parts);
    let (method, path) = (parts.method.clone(), parts.uri.path().to_owned());
    // The cookies, to draw the page of a signed-in user with their menu (a session's headers, cheap to keep).
    let cookies: Vec<_> = parts.headers.get_all(header::COOKIE).iter().cloned().collect();
    let response = next.run(Request::from_parts(parts, body)).await;
    if let Some(lost) = response.extensions().get::<crate::rescue::LostForm>().cloned() {
        // With a form token of its own (the header's language switch posts one), as an error page has.
        let (mut page, _) = error_page_head(&state, ErrorPage::Csrf, cookies, response.headers(), &ctx).await;
        // Switching the language leads home: the address the lost form was sent to takes no GET.
        page.path = "/".to_owned();
        return lost_form_page(page, &ctx, response.status(), lost);
    }
    // A method no page takes (`csrf::protect`) or a page's route does not take (a POST to a page that is only read,
    // the router's own empty 405).
    let wrong_method = || {
        let page = response.status() == StatusCode::METHOD_NOT_ALLOWED && !is_api(&path);
        page.then_some(ErrorPage::MethodNotAllowed)
    };
    let Some(kind) = response
        .extensions()
        .get::<ErrorPage>()
        .copied()
        .or_else(wrong_method)
        .or_else(|| plain_text_rejection(&method, &path, &response))
    else {
        return response;
    };
    let t = ctx.t();
    let (title, explanation) = match kind {
        ErrorPage::NotFound => (t.err_not_found_title, t.err_not_found_text),
        ErrorPage::Forbidden => (t.err_forbidden_title, t.err_forbidden_text),
        ErrorPage::Csrf => (t.err_csrf_title, t.err_csrf_text),
        ErrorPage::Internal => (t.err_internal_title, t.err_internal_text),
        ErrorPage::TooLarge => (t.err_too_large_title, t.err_too_large_text),
        ErrorPage::BadRequest => (t.err_bad_request_title, t.err_bad_request_text),
        ErrorPage::MethodNotAllowed => (t.err_method_title, t.err_method_text),
        ErrorPage::BadAddress => (t.err_bad_address_title, t.err_bad_address_text),
        // A page that was only read changed nothing: it must not say a change was lost.
        ErrorPage::Busy if method == Method::GET || method == Method::HEAD => (t.err_busy_title, t.err_busy_read_text),
        ErrorPage::Busy => (t.err_busy_title, t.err_busy_text),
        ErrorPage::NulInForm => (t.err_nul_title, t.err_nul_text),
        ErrorPage::DatabaseUnreachable if method == Method::GET || method == Method::HEAD => {
            (t.err_unreachable_title, t.err_unreachable_read_text)
        }
        ErrorPage::DatabaseUnreachable => (t.err_unreachable_title, t.err_unreachable_text),
    };
    let (page, standing) = error_page_head(&state, kind, cookies, response.headers(), &ctx).await;
    let typed = response.extensions().get::<crate::rescue::TypedBack>().map(|t| t.0.clone()).unwrap_or_default();
    let page = ErrorTemplate { page, title, explanation, standing, typed, request_id: ctx.request_id.clone() };
    let status = response.status();
    let (mut parts, _) = response.into_parts();
    match render(status, &page) {
        Ok(rendered) => {
            let (rendered_parts, body) = rendered.into_parts();
            parts.headers.insert(header::CONTENT_TYPE, rendered_parts.headers[header::CONTENT_TYPE].clone());
            Response::from_parts(parts, body)
        }
        Err(_) => Response::from_parts(parts, Body::from(status.to_string())),
    }
}
