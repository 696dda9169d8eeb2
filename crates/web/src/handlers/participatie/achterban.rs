//! Reaching the achterban: the corporation imports its tenants' contact data; a group writes a message; the
//! corporation approves it, and Volkshuis mails it where there is an e-mail address and lists the rest for letters.
//! The group sees only counts.

use super::{may_edit, party_scope, visible_group};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::ParticipatieTexts;
use crate::mail;
use crate::state::AppState;
use crate::views::{attachment, ok, render, Page};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Check, Edit, Manage, View};
use volkshuis_domain::account::Email;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::participatie::contacts::{self, ContactProblem};
use volkshuis_domain::spreadsheet::Csv;
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::orgs::Organisation;
use volkshuis_store::participatie::{self as part, ContactRow};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie/groepen/{id}/berichten", post(submit))
        .route("/orgs/{org}/participatie/berichten/{id}/besluit", post(decide))
        .route("/orgs/{org}/participatie/berichten/{id}/brieven", get(letters))
        .route("/orgs/{org}/participatie/berichten/{id}/brieven.csv", get(letters_csv))
        .route(
            "/orgs/{org}/participatie/huurders",
            post(import).layer(DefaultBodyLimit::max(crate::uploads::MAX_CONTACTS_FILE_BYTES)),
        )
}

#[derive(Deserialize)]
struct MessageForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<MessageForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if !may_edit(&scope, &organisation, &group) {
        return Err(AppError::Forbidden);
    }
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let subject = errors.check(t, "subject", Name::parse(&form.subject));
    let body = errors.check(t, "body", LongText::parse(&form.body));
    let (Some(subject), Some(body)) = (subject, body) else {
        let mut typed = std::collections::HashMap::new();
        typed.insert("subject".to_owned(), form.subject);
        typed.insert("body".to_owned(), form.body);
        let page = super::group_page::group_page(&state, &auth, &scope, &organisation, &group, typed, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    part::submit_message(&mut tx, &scope, &auth.actor(&state), &group, subject.as_str(), body.as_str()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=saved")).into_response())
}

async fn corporation<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = party_scope(state, auth, org, action).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn decide(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation(&state, &auth, org, Edit).await?;
    let message = part::message(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    let approve = match form.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let actor = auth.actor(&state);
    // Read before the transaction: it holds SQLite's write lock, and a read on the pool inside it could wait behind
    // the writers that hold the pool's other connections (see `notify::tell`).
    let audience = if approve {
        let group = part::visible_group(&state.db, &scope, message.group_id).await?.ok_or(AppError::NotFound)?;
        let recipients = part::recipients(&state.db, &group).await?;
        Some((group, recipients))
    } else {
        None
    };
    let mut tx = state.db.begin().await?;
    let mut counts = (0, 0);
    if let Some((group, recipients)) = audience {
        let pt = auth.ctx.lang.participatie();
        let footer = pt.message_footer(&organisation.name, &group.name);
        for recipient in recipients {
            match recipient.email.as_deref().and_then(|e| Email::parse(e).ok()) {
                Some(email) => {
                    let body = format!("{}\n\n{}\n\n{footer}", recipient.name, message.body);
                    mail::queue(&state, &mut tx, email.as_str(), &message.subject, &body).await?;
                    counts.0 += 1;
                }
                None => counts.1 += 1,
            }
        }
    }
    let reason = form.reason.trim();
    match part::decide_message(&mut tx, &scope, &actor, id, approve, (!reason.is_empty()).then_some(reason), counts)
        .await
    {
        Err(StoreError::Conflict) => return Err(AppError::NotFound),
        other => other?,
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie?notice=saved")).into_response())
}

#[derive(Template)]
#[template(path = "participatie/letters.html")]
struct LettersPage {
    page: Page,
    subject: String,
    body: String,
    footer: String,
    letters: Vec<part::Recipient>,
}

async fn letter_list(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
) -> Result<(part::Message, String, Vec<part::Recipient>), AppError> {
    // Tenants' names and addresses: the corporation's own editing members, not the platform's operator through the
    // administrator's grant (as for every list of persons; ADR 0026).
    if !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    let (scope, _) = corporation(state, auth, org, Edit).await?;
    let message =
        part::message(&state.db, &scope, id).await?.filter(|m| m.status == "approved").ok_or(AppError::NotFound)?;
    let group = part::visible_group(&state.db, &scope, message.group_id).await?.ok_or(AppError::NotFound)?;
    let letters = part::recipients(&state.db, &group).await?.into_iter().filter(|r| r.email.is_none()).collect();
    part::log_letter_list(&state.db, &scope, &auth.actor(state), id).await?;
    Ok((message, group.name, letters))
}

async fn letters(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (message, group, letters) = letter_list(&state, &auth, org, id).await?;
    let page = Page::for_user(&auth);
    let organisation = auth.scope_with_org(&state, org, View).await?.1;
    let footer = page.pt.message_footer(&organisation.name, &group);
    ok(&LettersPage { page, subject: message.subject, body: message.body, footer, letters })
}

async fn letters_csv(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (_, _, letters) = letter_list(&state, &auth, org, id).await?;
    // Names and addresses came from a file: the shared writer keeps a formula among them from running.
    let mut csv = Csv::new(true);
    csv.row(["naam", "adres", "postcode", "woonplaats"]);
    for r in &letters {
        csv.row([&r.name, &r.street, &r.postcode, &r.place]);
    }
    Ok(attachment("brieven.csv", "text/csv; charset=utf-8".to_owned(), csv.into_bytes()))
}

/// A contact-file problem in the user's language, naming line and column.
fn problem_text(problem: &ContactProblem, pt: &ParticipatieTexts) -> String {
    match problem {
        ContactProblem::Utf16 => pt.contact_utf16.to_owned(),
        ContactProblem::Unreadable { line, reason } => pt.contact_unreadable(line, reason),
        ContactProblem::ColumnsMissing => pt.contact_columns_missing.to_owned(),
        ContactProblem::Missing { line, column } => pt.contact_missing(column.name(), line),
        ContactProblem::TooLong { line, column, max } => pt.contact_too_long(column.name(), line, max),
        ContactProblem::Character { line, column } => pt.contact_character(column.name(), line),
        ContactProblem::Email { line, value } => pt.contact_email(line, value),
        ContactProblem::NotInStock { line, id } => pt.contact_not_in_stock(id, line),
        ContactProblem::More { count } => pt.contact_more(i64::try_from(*count).unwrap_or(i64::MAX)),
    }
}

#[derive(Template)]
#[template(path = "participatie/import.html")]
struct ImportPage {
    page: Page,
    org_id: i64,
    errors: Vec<String>,
}

async fn import(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, _) = corporation(&state, &auth, org, Manage).await?;
    let mut file = None;
    while let Some(mut field) = multipart.next_field().await? {
        if field.name() == Some("file") {
            let limit = crate::uploads::MAX_CONTACTS_FILE_BYTES as u64;
            file = Some(crate::uploads::spool(&mut field, limit).await?);
        }
    }
    // The body arrived whole and within its limit; a contact list is read in one piece.
    let bytes = match file {
        Some(file) => file.read_all().await?,
        None => Vec::new(),
    };
    let problems = match contacts::parse(&bytes) {
        Ok(lines) => {
            let rows: Vec<ContactRow> = lines
                .iter()
                .map(|l| ContactRow { id_extern: l.id_extern.clone(), name: l.name.clone(), email: l.email.clone() })
                .collect();
            let unknown = part::import_contacts(&state.db, &scope, &auth.actor(&state), &rows).await?;
            contacts::not_in_stock(unknown.into_iter().filter_map(|i| lines.get(i)))
        }
        Err(problems) => problems,
    };
    let pt = auth.ctx.lang.participatie();
    let errors: Vec<String> = problems.iter().map(|p| problem_text(p, pt)).collect();
    if errors.is_empty() {
        return Ok(Redirect::to(&format!("/orgs/{org}/participatie?notice=saved")).into_response());
    }
    render(StatusCode::UNPROCESSABLE_ENTITY, &ImportPage { page: Page::for_user(&auth), org_id: org, errors })
}

#[cfg(test)]
mod tests {
    use super::problem_text;
    use crate::i18n::Lang;
    use volkshuis_domain::participatie::contacts::{parse, ContactColumn, ContactProblem};

    #[test]
    fn contact_problems_name_line_and_column_in_both_languages() {
        let errors = parse(b"idExtern,naam,email\nA1,,j@example.nl\nA2,Piet,geen-adres\n").expect_err("invalid");
        let (nl, en) = (Lang::Nl.participatie(), Lang::En.participatie());
        assert_eq!(problem_text(&errors[0], nl), "regel 2, kolom naam: ontbreekt");
        assert_eq!(problem_text(&errors[1], nl), "regel 3, kolom email: geen-adres is geen geldig e-mailadres");
        assert_eq!(problem_text(&errors[1], en), "line 3, column email: geen-adres is not a valid e-mail address");
        let long = ContactProblem::TooLong { line: 7, column: ContactColumn::Naam, max: 200 };
        assert_eq!(problem_text(&long, nl), "regel 7, kolom naam: langer dan 200 tekens");
        assert_eq!(problem_text(&ContactProblem::More { count: 1 }, nl), "en nog 1 fout");
        assert_eq!(problem_text(&ContactProblem::More { count: 150 }, en), "and 150 more errors");
    }
}
