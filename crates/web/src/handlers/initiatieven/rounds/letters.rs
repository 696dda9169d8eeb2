//! The letters with the voting codes: made while the round is voting, one code per household of the area, shown
//! this once as a printable page or a CSV file for the corporation's mail room (as the achterban's letters are). The
//! store keeps the codes' hashes only and logs the read of the addresses with the issue; the answer is never cached.
//! Making codes again must be asked for: the earlier letters then stop working for households that have not voted.

use super::staff::{budget, refused};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, field};
use crate::handlers::initiatieven::corporation_write;
use crate::i18n::BuurtbudgetTexts;
use crate::state::AppState;
use crate::views::{attachment, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use std::collections::HashMap;
use volkshuis_domain::spreadsheet::Csv;
use volkshuis_store::initiatieven::rounds::votes::{self, CodesRefused, Letter};
use volkshuis_store::initiatieven::rounds::{self, Round};

#[derive(Template)]
#[template(path = "initiatieven/round_letters.html")]
struct LettersPage {
    page: Page,
    bt: &'static BuurtbudgetTexts,
    title: String,
    note: String,
    heading: String,
    body: String,
    how: String,
    footer: String,
    letters: Vec<Letter>,
}

/// Where a resident votes, as the letter prints it.
fn vote_url(state: &AppState, round: &Round) -> String {
    format!("{}/buurtbudget/{}/stemmen", state.config.base_url.trim_end_matches('/'), round.id)
}

pub(super) async fn issue(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let round = rounds::of_corporation(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
    let bt = BuurtbudgetTexts::of(auth.ctx.lang);
    let reissue = checkbox(&fields.get("reissue").cloned());
    let issued = votes::issue_codes(&state.db, &scope, &auth.actor(&state), &round, reissue).await?;
    let letters = match issued.ok_or(AppError::NotFound)? {
        Ok(letters) => letters,
        Err(why) => {
            let (status, message) = match why {
                CodesRefused::NotVoting => (StatusCode::CONFLICT, bt.err_not_voting),
                CodesRefused::AlreadyIssued => (StatusCode::CONFLICT, bt.err_already_issued),
                CodesRefused::NoneLeft => (StatusCode::UNPROCESSABLE_ENTITY, bt.err_none_left),
            };
            return refused(&state, &auth, &round, status, HashMap::new(), "codes".to_owned(), message.to_owned())
                .await;
        }
    };
    let url = vote_url(&state, &round);
    let residents = bt.letter_residents;
    if field(&fields, "format") == "csv" {
        // Names and addresses came from a file: the shared writer keeps a formula among them from running.
        let mut csv = Csv::new(true);
        csv.row(["naam", "adres", "postcode", "woonplaats", "stemcode", "stemadres"]);
        for l in &letters {
            let h = &l.household;
            let name = h.name.as_deref().unwrap_or(residents);
            csv.row([name, h.street.as_str(), h.postcode.as_str(), h.place.as_str(), l.code.as_str(), url.as_str()]);
        }
        return Ok(attachment("stemcodes.csv", "text/csv; charset=utf-8".to_owned(), csv.into_bytes()));
    }
    let page = LettersPage {
        bt,
        title: bt.letters_title(&round.title),
        note: bt.letters_screen_note(i64::try_from(letters.len()).unwrap_or(i64::MAX)),
        heading: bt.letter_heading(&round.title),
        body: bt.letter_body(bt.area(&round.area), budget(&round), &round.corporation),
        how: bt.letter_how(&url),
        footer: bt.letter_footer(&round.corporation),
        letters,
        page: Page::for_user(&auth),
    };
    let mut response = render(StatusCode::OK, &page)?;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}
