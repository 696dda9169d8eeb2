//! What a user typed into a form that could not be taken, shown back so it is not lost: the session ended while the
//! page stood open (an evening volunteer writing a long advice), or the form's token no longer matched. Both said
//! "not saved" and left the text behind; the page now holds it, read-only, to copy before logging in again.
//!
//! Only a form whose whole body the CSRF check had at hand is rescued (URL-encoded, or multipart up to
//! [`MAX_RESCUED`]); files are never shown back, nor passwords, tokens or other fields no one typed.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A multipart form up to this size is kept whole by the CSRF check, to be shown back; a larger one (an upload)
/// streams on as before.
pub const MAX_RESCUED: usize = 1024 * 1024;

/// Why the form was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The session ended (idle too long, logged out elsewhere).
    LoggedOut,
    /// The form's token did not match (an old page, another tab's login).
    Token,
}

/// A form not taken, with what was typed in it: the answer carries it to `ops::error_pages`, which draws the page
/// (401 when the session ended, with the way to log in again; 403 for a token).
#[derive(Debug, Clone)]
pub struct LostForm {
    /// Why it was not taken.
    pub why: Why,
    /// The texts typed, in the form's order.
    pub typed: Vec<String>,
    /// Where to log in again (the session ended).
    pub login: Option<String>,
}

impl IntoResponse for LostForm {
    fn into_response(self) -> Response {
        let status = match self.why {
            Why::LoggedOut => StatusCode::UNAUTHORIZED,
            Why::Token => StatusCode::FORBIDDEN,
        };
        let mut response = (status, status.to_string()).into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// What a signed-in user typed into a form their role no longer allows (demoted or removed while the page stood
/// open): the 403 page says who they are there and shows the texts back, read-only, to keep elsewhere.
#[derive(Debug, Clone)]
pub struct TypedBack(pub Vec<String>);

/// The typed texts of a URL-encoded form.
pub fn from_urlencoded(bytes: &[u8]) -> Vec<String> {
    form_urlencoded::parse(bytes).filter(|(name, value)| typed(name, value)).map(|(_, v)| v.into_owned()).collect()
}

/// The typed texts of a multipart form (files left out).
pub async fn from_multipart(bytes: Bytes, boundary: String) -> Vec<String> {
    let stream = futures_util::stream::once(std::future::ready(Ok::<_, std::convert::Infallible>(bytes)));
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut out = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.file_name().is_some() {
            continue;
        }
        let name = field.name().unwrap_or_default().to_owned();
        if let Ok(value) = field.text().await {
            if typed(&name, &value) {
                out.push(value);
            }
        }
    }
    out
}

/// Whether a field holds text a person typed: not a secret (a password, a code such as a vote's, a token) or a
/// form's own field, not empty, not a bare number or date, not a choice's value (`advice`, `partly_followed`: one
/// lowercase word, as options and ticked boxes send) — quickly chosen again, and never a secret to show.
fn typed(name: &str, value: &str) -> bool {
    const FORMS_OWN: [&str; 7] = ["csrf", "version", "confirmed", "confirm", "edit", "next", "back"];
    let secret = ["password", "code", "token", "secret"].iter().any(|s| name.contains(s));
    if FORMS_OWN.contains(&name) || secret {
        return false;
    }
    let value = value.trim();
    let choice = value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    value.chars().count() >= 3 && value.chars().any(char::is_alphabetic) && !choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_a_person_typed_is_kept() {
        let body =
            b"csrf=abc&version=3&answer_kind=advice&answer_text=Wij+adviseren+%C3%A9%C3%A9n+lift&password=geheim\
&received_on=25-11-2026&hours=36&confirmed=yes&title=Lift&code=K7Q2-MX4P&decision=partly_followed";
        assert_eq!(from_urlencoded(body), ["Wij adviseren één lift", "Lift"]);
    }

    #[tokio::test]
    async fn a_multipart_form_gives_its_texts_and_not_its_files() {
        let body = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n\
--b\r\nContent-Disposition: form-data; name=\"answer_text\"\r\n\r\nDoe het in de zomer.\r\n\
--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"brief.pdf\"\r\n\r\n%PDF-1.4 geheim\r\n--b--\r\n";
        assert_eq!(from_multipart(Bytes::from(body), "b".to_owned()).await, ["Doe het in de zomer."]);
    }
}
