//! The corporation's vote in a VvE meeting. A vote is an answer with effect, so it is never pre-selected and never
//! recorded in one step: the first post checks the form and shows what will be recorded ("U legt vast: … stemde …
//! over …; dit citeert het advies van …"), and only the second, confirmed, records it. A cited Overleg case must be
//! one the corporation may cite (its own, answered by a tenant organisation); the store checks it again.

use super::super::{corporation_write, parse_day};
use super::{vve_page, VoteForm};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{field, FieldErrors};
use crate::i18n::VveTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_store::nazorg::vves::{self, NewVote, VOTES};
use volkshuis_store::StoreError;

const SUBJECT_MAX: usize = 300;
const NOTE_MAX: usize = 2000;

pub(super) async fn vote(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    vves::vve(&state.db, scope.as_read(), id).await?.ok_or(AppError::NotFound)?;
    let vt = VveTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let f = |name: &str| field(&fields, name);
    let mut errors = FieldErrors::default();
    let meeting_on = parse_day(f("meeting_on")).filter(|d| *d <= today);
    if meeting_on.is_none() {
        errors.add("meeting_on", vt.err_date);
    }
    let subject = f("subject").to_owned();
    if subject.is_empty() || subject.chars().count() > SUBJECT_MAX {
        errors.add("subject", vt.err_subject);
    }
    let choice = VOTES.iter().find(|v| **v == f("vote")).copied();
    if choice.is_none() {
        errors.add("vote", vt.err_vote);
    }
    let note = f("note").to_owned();
    if note.chars().count() > NOTE_MAX {
        errors.add("note", vt.err_text_long(NOTE_MAX));
    }
    // The case is checked here for the summary and its field error; the store checks it again when recording.
    let cases = vves::citeable_cases(&state.db, scope.as_read(), id).await?;
    let cited = match f("cite") {
        "" => Some(None),
        typed => typed.parse::<i64>().ok().and_then(|c| cases.iter().find(|(case, _, _)| *case == c)).map(Some),
    };
    if cited.is_none() {
        errors.add("cite", vt.err_cite);
    }
    let (Some(meeting_on), Some(choice), Some(cited), true) = (meeting_on, choice, cited, errors.is_empty()) else {
        let page = vve_page(&state, &auth, org, id, VoteForm { fields, errors, summary: None }).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if f("confirmed") != "yes" {
        let (date, who) = (show_date(meeting_on), vve_org_name(&auth, org));
        let said = match choice {
            "voor" => vt.vote_summary_voor(date, who, &subject),
            "tegen" => vt.vote_summary_tegen(date, who, &subject),
            _ => vt.vote_summary_onthouden(date, who, &subject),
        };
        let cites = match cited {
            Some((_, title, tenant)) => vt.vote_summary_cites(title, tenant),
            None => vt.vote_summary_no_cite.to_owned(),
        };
        let summary = vec![said, cites, vt.vote_summary_final.to_owned()];
        let page = vve_page(&state, &auth, org, id, VoteForm { fields, errors, summary: Some(summary) }).await?;
        return ok(&page);
    }
    let new = NewVote {
        meeting_on,
        subject,
        vote: choice.to_owned(),
        cited_case_id: cited.map(|(case, _, _)| *case),
        note: Some(note).filter(|n| !n.is_empty()),
    };
    match vves::record_vote(&state.db, &scope, &auth.actor(&state), id, &new).await {
        // The VvE and the case were the corporation's a moment ago; what the store refuses now is not there.
        Ok(false) => return Err(AppError::NotFound),
        Ok(true) => {}
        // Recorded already (a second click, another tab): said at the subject, the form as typed, nothing twice.
        Err(StoreError::Conflict) => {
            errors.add("subject", vt.err_vote_recorded);
            let page = vve_page(&state, &auth, org, id, VoteForm { fields, errors, summary: None }).await?;
            return render(StatusCode::CONFLICT, &page);
        }
        Err(other) => return Err(other.into()),
    }
    Ok(Redirect::to(&format!("/orgs/{org}/nazorg/vves/{id}?notice=vote#stemmen")).into_response())
}

/// The corporation's name, as the summary says who voted.
fn vve_org_name(auth: &Auth, org: i64) -> String {
    auth.memberships.iter().find(|(o, _)| o.id == org).map(|(o, _)| o.name.clone()).unwrap_or_default()
}
