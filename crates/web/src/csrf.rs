//! CSRF protection for every state-changing request, as a middleware so no route can forget it (ADR 0027).
//!
//! Three checks, all before the handler runs:
//! - **Where the request comes from**: a browser says so in `Sec-Fetch-Site` and `Origin`. Anything but this site
//!   (or a request the user typed) is refused with a 403, whatever token it carries.
//! - **A token bound to the session**: forms carry `csrf` (or the `X-CSRF-Token` header). For a signed-in request it
//!   is an HMAC keyed with the session token, so a token is worth nothing without the session cookie that made it
//!   and changes at every login. Before login it is an HMAC, under a key only this process knows, of a random
//!   pre-session cookie (`__Host-vh_csrf` on https), so nobody can choose a cookie and a matching field.
//! - **Bodies are not read here beyond what the check needs**: a URL-encoded form up to [`MAX_FORM_BYTES`] (a larger
//!   one is a 413 page), and of a multipart form only its first field, which the upload forms make the token. The
//!   rest of an upload streams on to the route that takes it, after authentication, under that route's own limit.
//!   A multipart form that says it is no larger than [`crate::rescue::MAX_RESCUED`] is held whole, as a URL-encoded
//!   one is: when the token fails or the session has ended, what the user typed is shown back ([`crate::rescue`]).

use crate::cookies;
use crate::error::AppError;
use crate::rescue;
use crate::state::AppState;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use cookie::SameSite;
use futures_util::StreamExt as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The CSRF token of the current request, for templates.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The largest URL-encoded form; forms are small. Also the default body limit of every route that takes no upload.
pub const MAX_FORM_BYTES: usize = 1024 * 1024;
/// How much of a multipart body is read to find its first field (the token); the rest is left to the route.
const MAX_PREFIX_BYTES: usize = 16 * 1024;

/// Whether a request of this method may change something (and so needs the token). GET, HEAD and OPTIONS only read.
pub fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The name of the pre-session cookie: with the `__Host-` prefix on https, so that no other host (a sibling
/// subdomain, say) can set it (browsers only accept such a cookie from this host, secure and for path `/`).
pub fn cookie_name(state: &AppState) -> &'static str {
    if state.config.base_url.starts_with("https://") {
        "__Host-vh_csrf"
    } else {
        cookies::CSRF
    }
}

/// The token a form must carry for a request with these cookies, or `None` when the request has neither a session
/// nor a pre-session cookie (a first visit).
pub fn token_for(state: &AppState, headers: &HeaderMap) -> Option<String> {
    if let Some(session) = cookies::get(headers, cookies::SESSION).filter(|s| !s.is_empty()) {
        return Some(mac(session.as_bytes(), b"volkshuis csrf: session"));
    }
    cookies::get(headers, cookie_name(state)).filter(|t| t.len() >= 32).map(|anon| anonymous(state, &anon))
}

/// The token for the pre-session cookie that this response sets (a first visit's), if it sets one: for a page drawn
/// after [`protect`] answered, such as an error page.
pub fn token_for_new_cookie(state: &AppState, response_headers: &HeaderMap) -> Option<String> {
    let prefix = format!("{}=", cookie_name(state));
    response_headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok()?.strip_prefix(prefix.as_str()))
        .map(|rest| rest.split(';').next().unwrap_or_default())
        .find(|value| value.len() >= 32)
        .map(|pre_session| anonymous(state, pre_session))
}

fn anonymous(state: &AppState, pre_session: &str) -> String {
    mac(state.csrf_key(), format!("volkshuis csrf: anonymous {pre_session}").as_bytes())
}

fn mac(key: &[u8], message: &[u8]) -> String {
    // HMAC takes a key of any length; `new_from_slice` only fails for MACs with a fixed key size.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts any key"));
    mac.update(message);
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// A `Set-Cookie` value with a new pre-session cookie. Login and logout send one, so a pre-session cookie that
/// somebody else planted does not outlive them.
pub fn rotate(state: &AppState) -> axum::http::HeaderValue {
    let secure = state.config.secure_cookies || cookie_name(state) != cookies::CSRF;
    cookies::set(cookie_name(state), &volkshuis_store::sessions::new_token(), secure, SameSite::Strict, None)
}

/// Whether no page here answers a request of this method: the pages take GET, HEAD and POST only (the API, outside
/// this middleware, has its own; no page answers OPTIONS, there being no cross-site use to allow). Such a request is
/// answered 405 with the methods the pages know before any token is looked at — not as an expired form (403), which
/// it is not — and a route added with another method must be let through here on purpose, with the token's check.
fn unrouted(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::POST)
}

/// The middleware.
pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if unrouted(request.method()) {
        // Shown as its error page by `ops::error_pages`, as the router's own 405s are.
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET, HEAD, POST")]).into_response();
    }
    let known = token_for(&state, request.headers());
    // Only a session that ended under an open page loses a form; a visitor who never logged in is sent to log in.
    let had_session = cookies::get(request.headers(), cookies::SESSION).is_some();
    let mut held = None;
    let mut request = if changes_state(request.method()) {
        if let Some(why) = cross_site(&state, request.headers(), request.uri()) {
            tracing::warn!(why, uri = %request.uri(), "state-changing request from another site refused");
            return AppError::Csrf.into_response();
        }
        let (request, body) = match hold(request).await {
            Ok(held) => held,
            Err(rejected) => return rejected,
        };
        held = body;
        let Some(expected) = known.as_deref() else { return rescued(held, rescue::Why::Token).await };
        match check(request, expected).await {
            Ok(request) => request,
            Err(Refused::Token) => return rescued(held, rescue::Why::Token).await,
            Err(Refused::Other(rejected)) => return rejected,
        }
    } else {
        request
    };
    let (token, new_cookie) = match known {
        Some(token) => (token, None),
        None => {
            let pre_session = volkshuis_store::sessions::new_token();
            (anonymous(&state, &pre_session), Some(pre_session))
        }
    };
    request.extensions_mut().insert(CsrfToken(token));
    let mut response = next.run(request).await;
    // A form the user's role no longer allows (demoted or removed while its page stood open): the 403 page shows
    // what they typed, as a lost form's page does.
    let forbidden =
        matches!(response.extensions().get::<crate::error::ErrorPage>(), Some(crate::error::ErrorPage::Forbidden));
    if forbidden && had_session {
        if let Some(held) = held.take() {
            let typed = held.typed().await;
            if !typed.is_empty() {
                response.extensions_mut().insert(rescue::TypedBack(typed));
            }
        }
    }
    // The session ended while the form's page stood open: the handler sends the user to log in, saying nothing was
    // saved; the page shows first what they typed, with the way to log in.
    if let Some(held) = held.filter(|_| had_session) {
        if let Some(login) = login_after_lost_form(&response) {
            let typed = held.typed().await;
            if !typed.is_empty() {
                return rescue::LostForm { why: rescue::Why::LoggedOut, typed, login: Some(login) }.into_response();
            }
        }
    }
    // A shared cache may keep a public answer (the stylesheet, the scripts, the icon) and hand it to others: it
    // carries no visitor's cookie. The page that loads them sets one.
    let public = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|d| d.trim().eq_ignore_ascii_case("public")));
    if let Some(pre_session) = new_cookie.filter(|_| !public) {
        let secure = state.config.secure_cookies || cookie_name(&state) != cookies::CSRF;
        let cookie = cookies::set(cookie_name(&state), &pre_session, secure, SameSite::Strict, None);
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// Why a request comes from another site, if it does. Browsers send `Sec-Fetch-Site` and `Origin`; a request with
/// neither comes from a program, not from a page on another site, and is left to the token.
fn cross_site(state: &AppState, headers: &HeaderMap, uri: &axum::http::Uri) -> Option<&'static str> {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none`: the user typed the address or used a bookmark. `same-site` is a sibling host, not this one.
        if !matches!(site.as_bytes(), b"same-origin" | b"none") {
            return Some("Sec-Fetch-Site");
        }
    }
    let origin = headers.get(header::ORIGIN)?;
    let Some(origin) = origin.to_str().ok().and_then(|o| url::Url::parse(o).ok()) else { return Some("Origin") };
    let ours = url::Url::parse(&state.config.base_url).ok().map(|base| base.origin());
    if ours.is_some_and(|ours| ours == origin.origin()) {
        return None;
    }
    // Reached under another name than the base URL (a test server on a free port, a second host name): the browser
    // names the host it sent the request to in `Host`, and a page elsewhere cannot change that.
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).or_else(|| uri.authority().map(|a| a.as_str()));
    let origin_authority = match (origin.host_str(), origin.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => return Some("Origin"),
    };
    if host.is_some_and(|host| host.eq_ignore_ascii_case(&origin_authority)) {
        None
    } else {
        Some("Origin")
    }
}

/// A form's body held whole, for [`crate::rescue`].
enum Held {
    UrlEncoded(Bytes),
    Multipart(Bytes, String),
}

impl Held {
    async fn typed(self) -> Vec<String> {
        match self {
            Held::UrlEncoded(bytes) => rescue::from_urlencoded(&bytes),
            Held::Multipart(bytes, boundary) => rescue::from_multipart(bytes, boundary).await,
        }
    }
}

/// The request with its body held, when it is a form small enough (see the module's notes); others as they came.
async fn hold(request: Request) -> Result<(Request, Option<Held>), Response> {
    let content_type =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let urlencoded = content_type.starts_with("application/x-www-form-urlencoded");
    let boundary = multer::parse_boundary(&content_type).ok();
    let small_multipart = boundary.is_some() && declared.is_some_and(|length| length <= rescue::MAX_RESCUED as u64);
    if !urlencoded && !small_multipart {
        return Ok((request, None));
    }
    if declared.is_some_and(|length| length > MAX_FORM_BYTES as u64) {
        return Err(AppError::TooLarge.into_response());
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| AppError::TooLarge.into_response())?;
    let held = match boundary {
        Some(boundary) if !urlencoded => Held::Multipart(bytes.clone(), boundary),
        _ => Held::UrlEncoded(bytes.clone()),
    };
    Ok((Request::from_parts(parts, Body::from(bytes)), Some(held)))
}

/// The token's 403, or — when the form's body was held and holds typed text — the page that shows it back.
async fn rescued(held: Option<Held>, why: rescue::Why) -> Response {
    let typed = match held {
        Some(held) => held.typed().await,
        None => Vec::new(),
    };
    if typed.is_empty() {
        return AppError::Csrf.into_response();
    }
    rescue::LostForm { why, typed, login: None }.into_response()
}

/// The login address a handler sent a lost form to (`AppError::LoginRequired` with `lost`), if it did.
fn login_after_lost_form(response: &Response) -> Option<String> {
    if response.status() != StatusCode::SEE_OTHER {
        return None;
    }
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    (location.starts_with("/login?") && location.contains("notice=not_saved")).then(|| location.to_owned())
}

/// Why [`check`] refused a request.
enum Refused {
    /// Its token was missing or wrong: the page that refuses it may show what was typed.
    Token,
    /// Anything else (a body too large, unreadable, of a kind no form sends), answered as it is.
    Other(Response),
}

/// Checks the token.
async fn check(request: Request, expected: &str) -> Result<Request, Refused> {
    if let Some(sent) = request.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()) {
        if !same(sent, expected) {
            return Err(Refused::Token);
        }
        return readable_body(request).await.map_err(Refused::Other);
    }
    let content_type =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let (mut parts, body) = request.into_parts();
    let (sent, body) = if content_type.starts_with("application/x-www-form-urlencoded") {
        let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|length| length > MAX_FORM_BYTES as u64) {
            return Err(Refused::Other(AppError::TooLarge.into_response()));
        }
        let bytes =
            to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| Refused::Other(AppError::TooLarge.into_response()))?;
        let sent = form_urlencoded::parse(&bytes).find(|(k, _)| k == "csrf").map(|(_, v)| v.into_owned());
        // Checked here, once for every form: a field the handler does not check itself would store it (SQLite) or
        // fail to (PostgreSQL takes no NUL: a 500 with the typed text lost).
        let bytes = if sent.as_deref().is_some_and(|sent| same(sent, expected)) {
            unreadable_form(&bytes).map_err(|e| Refused::Other(e.into_response()))?;
            emptied(&mut parts, bytes)
        } else {
            bytes
        };
        (sent, Body::from(bytes))
    } else if let Ok(boundary) = multer::parse_boundary(&content_type) {
        leading_field(body, boundary).await
    } else {
        return Err(Refused::Other(AppError::Csrf.into_response()));
    };
    match sent {
        Some(sent) if same(&sent, expected) => Ok(Request::from_parts(parts, body)),
        _ => Err(Refused::Token),
    }
}

/// A request whose token came in a header, its url-encoded body (if it has one) read for what no form may hold, as
/// a form with its token in a field is.
async fn readable_body(request: Request) -> Result<Request, Response> {
    let urlencoded = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !urlencoded {
        return Ok(request);
    }
    let (mut parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| AppError::TooLarge.into_response())?;
    unreadable_form(&bytes).map_err(IntoResponse::into_response)?;
    let bytes = emptied(&mut parts, bytes);
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The body with blank fields emptied ([`blanks_emptied`]); a body that changed no longer has the length its
/// header declared, so the header goes (the body limit then counts what is there).
fn emptied(parts: &mut axum::http::request::Parts, bytes: Bytes) -> Bytes {
    let length = bytes.len();
    let bytes = blanks_emptied(bytes);
    if bytes.len() != length {
        parts.headers.remove(header::CONTENT_LENGTH);
    }
    bytes
}

/// The form with every field that shows nothing (only white space or invisible characters such as a zero-width
/// space, a byte-order mark or a direction mark) made empty, so each handler's "fill this in" sees it as empty: a
/// title, name or log entry of one U+200B was saved as filled in by a dozen forms that checked `is_empty()`. Done
/// here, once for every form, as the NUL check is; a body with no such field is passed on as it came. A password
/// is left as typed: one of spaces only is a password (`NewPassword` takes it), and emptied it could never match.
fn blanks_emptied(bytes: Bytes) -> Bytes {
    let blank = |name: &str, value: &str| {
        !value.is_empty()
            && !matches!(name, "password" | "current_password" | "confirm")
            && value.chars().all(volkshuis_domain::text::shows_nothing)
    };
    if !form_urlencoded::parse(&bytes).any(|(name, value)| blank(&name, &value)) {
        return bytes;
    }
    let mut emptied = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(&bytes) {
        emptied.append_pair(&name, if blank(&name, &value) { "" } else { &value });
    }
    Bytes::from(emptied.finish())
}

/// Why an url-encoded form cannot be taken as it is: a field that is no UTF-8 once decoded (a browser always sends
/// UTF-8, so it was not sent from our page: 400), or a field with a NUL character (422, its own page).
fn unreadable_form(bytes: &[u8]) -> Result<(), AppError> {
    for pair in bytes.split(|b| *b == b'&') {
        let plus_as_space: Vec<u8> = pair.iter().map(|b| if *b == b'+' { b' ' } else { *b }).collect();
        let decoded: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
        let Ok(text) = std::str::from_utf8(&decoded) else { return Err(AppError::BadRequest) };
        if text.contains('\0') {
            return Err(AppError::NulInForm);
        }
    }
    Ok(())
}

/// The `csrf` field of a multipart form when it is the first field (the upload forms put it there), and the body,
/// whole again: what was read to find the field, then the rest as it arrives.
async fn leading_field(body: Body, boundary: String) -> (Option<String>, Body) {
    let mut stream = body.into_data_stream();
    let mut prefix = Vec::new();
    let delimiter = format!("\r\n--{boundary}");
    let mut failed = false;
    // The first field is complete once the delimiter before the second one has arrived.
    while prefix.len() <= MAX_PREFIX_BYTES && !contains(&prefix, delimiter.as_bytes()) {
        match stream.next().await {
            Some(Ok(chunk)) => prefix.extend_from_slice(&chunk),
            Some(Err(_)) => {
                failed = true;
                break;
            }
            None => break,
        }
    }
    let prefix = Bytes::from(prefix);
    let sent = if failed { None } else { first_field_token(prefix.clone(), boundary).await };
    let whole = futures_util::stream::once(std::future::ready(Ok(prefix))).chain(stream);
    (sent, Body::from_stream(whole))
}

async fn first_field_token(prefix: Bytes, boundary: String) -> Option<String> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(prefix) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let field = multipart.next_field().await.ok()??;
    if field.name() != Some("csrf") {
        return None;
    }
    field.text().await.ok()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Compares in constant time for equal lengths, so the token cannot be guessed byte by byte.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::{blanks_emptied, Bytes};

    #[test]
    fn fields_that_show_nothing_arrive_empty() {
        let sent = Bytes::from(
            "csrf=abc&title=%E2%80%8B&name=+%EF%BB%BF+&note=Kerk%E2%80%8Bstraat&empty=&need=a&need=b%2Bc&need=d%20e%3Df\
             &password=++++++++++",
        );
        let arrived = blanks_emptied(sent);
        let fields: Vec<(String, String)> =
            form_urlencoded::parse(&arrived).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        assert_eq!(field("csrf"), Some("abc"));
        assert_eq!(field("title"), Some(""), "a zero-width space alone");
        assert_eq!(field("name"), Some(""), "spaces around a byte-order mark");
        assert_eq!(field("note"), Some("Kerk\u{200b}straat"), "text that shows something is left as typed");
        assert_eq!(field("empty"), Some(""));
        let needs: Vec<&str> = fields.iter().filter(|(k, _)| k == "need").map(|(_, v)| v.as_str()).collect();
        assert_eq!(needs, ["a", "b+c", "d e=f"], "repeated fields keep their order and their text");
        assert_eq!(field("password"), Some("          "), "a password is left as typed");
        let plain = Bytes::from("csrf=abc&title=Dak+lekt");
        assert_eq!(blanks_emptied(plain.clone()), plain, "passed on as it came");
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(super::same("abc", "abc"));
        assert!(!super::same("abc", "abd"));
        assert!(!super::same("abc", "abcd"));
    }

    #[test]
    fn tokens_depend_on_key_and_message() {
        let a = super::mac(b"session one", b"m");
        assert_eq!(a, super::mac(b"session one", b"m"));
        assert_ne!(a, super::mac(b"session two", b"m"));
        assert_ne!(a, super::mac(b"session one", b"n"));
        assert_eq!(a.len(), 43, "256 bits in unpadded base64");
    }
}
