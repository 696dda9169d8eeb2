//! The `Authorization: Bearer <token>` header, read once for every caller that takes a token (the API, `/metrics`).

use axum::http::{header, HeaderMap};

/// The token of a `Bearer` authorization, trimmed; `None` without one. The scheme name is case-insensitive
/// (RFC 9110 §11.1), so `bearer` and `BEARER` are the same scheme; one or more spaces may follow it.
pub(crate) fn token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::token;
    use axum::http::{header, HeaderMap, HeaderValue};

    fn sent(value: &'static str) -> Option<String> {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
        token(&headers).map(str::to_owned)
    }

    #[test]
    fn the_scheme_is_case_insensitive() {
        for value in ["Bearer vh_abc", "bearer vh_abc", "BEARER vh_abc", "bEaReR   vh_abc ", " Bearer vh_abc"] {
            assert_eq!(sent(value).as_deref(), Some("vh_abc"), "{value:?}");
        }
    }

    #[test]
    fn other_schemes_and_empty_tokens_are_no_token() {
        for value in ["Basic dXNlcg==", "Bearer", "Bearer   ", "Bearervh_abc", "vh_abc", ""] {
            assert_eq!(sent(value), None, "{value:?}");
        }
        assert_eq!(token(&HeaderMap::new()), None);
    }
}
