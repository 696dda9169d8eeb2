//! A step that cannot be taken back (sharing a private note, ending a group) is asked once more on a page of its
//! own: what it does, a button that takes it (`confirmed=yes`) and a way back. The form that leads there posts without
//! `confirmed`; whatever it posts is taken only with it.

use crate::error::AppError;
use crate::views::{ok, Page};
use askama::Template;
use axum::response::Response;
use std::collections::HashMap;

/// The confirmation page.
#[derive(Template)]
#[template(path = "confirm_step.html")]
pub struct ConfirmStep {
    pub page: Page,
    /// The question ("Notitie delen met de partijen?").
    pub title: String,
    /// What the step does, one line each.
    pub lines: Vec<String>,
    /// Where the confirmed step is posted.
    pub action: String,
    /// The button that takes the step.
    pub button: &'static str,
    /// Where the way back leads, and its text.
    pub back_href: String,
    pub back_text: &'static str,
    /// What the form that led here posted and the step takes (a text to publish), posted again with the button —
    /// and with the way back, which then is a button too (`confirmed=edit`), so the form comes back as typed.
    pub carried: Vec<(String, String)>,
}

impl ConfirmStep {
    /// The page, as a response.
    pub fn response(&self) -> Result<Response, AppError> {
        ok(self)
    }
}

/// Whether the posted form asks to go back to the form with what it carried (`confirmed=edit`).
pub fn going_back(fields: &HashMap<String, String>) -> bool {
    fields.get("confirmed").is_some_and(|v| v == "edit")
}

/// Whether the posted form confirms the step.
pub fn confirmed(fields: &HashMap<String, String>) -> bool {
    fields.get("confirmed").is_some_and(|v| v == "yes")
}
