//! Reading and writing the few cookies Volkshuis sets.

use axum::http::{header, HeaderMap, HeaderValue};
use cookie::{Cookie, SameSite};

/// The session cookie (HttpOnly, SameSite=Lax so links from e-mail keep the user logged in).
pub const SESSION: &str = "vh_session";
/// The pre-session cookie the CSRF token of an anonymous visitor is made from (HttpOnly, SameSite=Strict); named
/// `__Host-vh_csrf` when the base URL is https (see `crate::csrf::cookie_name`).
pub const CSRF: &str = "vh_csrf";
/// The chosen UI language.
pub const LANG: &str = "vh_lang";
/// Set (for the browser session) when a visitor chooses a language before logging in: the login then keeps that
/// choice and stores it in the account. A language cookie left by an earlier login on the same browser has no such
/// mark, so it never changes the next user's account.
pub const LANG_CHOSEN: &str = "vh_lang_chosen";

/// The value of a request cookie.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// A `Set-Cookie` header value. `max_age` in seconds; `Some(0)` deletes the cookie.
pub fn set(name: &str, value: &str, secure: bool, same_site: SameSite, max_age: Option<i64>) -> HeaderValue {
    let mut builder = Cookie::build((name.to_owned(), value.to_owned()))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(same_site);
    if let Some(seconds) = max_age {
        builder = builder.max_age(cookie::time::Duration::seconds(seconds));
    }
    // A cookie built from our own names and URL-safe values is always a valid header.
    HeaderValue::from_str(&builder.build().to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}
