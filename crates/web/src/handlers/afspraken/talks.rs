//! The shared work of the talks (agenda items, positions, versions of the draft text) and each party's notes.

use super::cycle::again;
use super::field;
use super::{back, load, party_scope};
use crate::auth::Auth;
use crate::confirm_step::{self, ConfirmStep};
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::Page;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Edit;
use volkshuis_store::afspraken::{self, NoteKind};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/afspraken/{id}/agenda", post(add_item))
        .route("/orgs/{org}/afspraken/{id}/agenda/{item}/standpunt", post(position))
        .route("/orgs/{org}/afspraken/{id}/concept", post(draft))
        .route("/orgs/{org}/afspraken/{id}/notities", post(note))
        .route("/orgs/{org}/afspraken/{id}/notities/{note}/delen", post(share))
}

/// A required text of at most `max` characters, else an error on `name`.
fn text(fields: &HashMap<String, String>, name: &str, max: usize, errors: &mut FieldErrors, message: &str) -> String {
    let value = field(fields, name);
    if value.is_empty() || value.chars().count() > max {
        errors.add(name, message);
    }
    value.to_owned()
}

async fn add_item(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    load(&state, scope.as_read(), id).await?;
    let (t, pa) = (auth.ctx.t(), auth.ctx.lang.afspraken());
    let mut errors = FieldErrors::default();
    let title = text(&fields, "agenda_title", 200, &mut errors, t.err_required);
    if !errors.is_empty() {
        return again(&state, &auth, org, id, fields, errors).await;
    }
    let mut tx = state.db.begin().await?;
    let added = afspraken::add_agenda_item(&mut tx, &scope, &auth.actor(&state), id, &title).await?;
    tx.commit().await?;
    if added.is_none() {
        errors.add("agenda_title", pa.talks_closed);
        return again(&state, &auth, org, id, fields, errors).await;
    }
    Ok(back(org, id, "onderhandeling"))
}

async fn position(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, item)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    let mut errors = FieldErrors::default();
    // The error is shown above the agenda (every item has a position form; "body" is the commitment form's).
    let body = field(&fields, "body").to_owned();
    // A refused position is not shown back in the commitment form's field of the same name; the page's script puts
    // it back in its own field (ADR 0068).
    let mut fields = fields;
    fields.remove("body");
    if body.is_empty() || body.chars().count() > 4000 {
        errors.add("position", pa.err_position);
        return again(&state, &auth, org, id, fields, errors).await;
    }
    // A citation of the achterban is one of this organisation's own (the list is read for it, whatever the form
    // sent); its words go before what was typed.
    let mut evidence = field(&fields, "evidence").chars().take(2000).collect::<String>();
    match field(&fields, "cite") {
        "" => {}
        code => {
            let own = afspraken::citations(&state.db, org).await?;
            let Some(cited) = own.iter().find(|c| c.code == code) else {
                errors.add("position", pa.err_cite);
                return again(&state, &auth, org, id, fields, errors).await;
            };
            let words = super::voice_text(auth.ctx.lang, &cited.voice);
            evidence = if evidence.is_empty() { words } else { format!("{words}; {evidence}") };
        }
    }
    let mut tx = state.db.begin().await?;
    let set = afspraken::set_position(&mut tx, &scope, &auth.actor(&state), id, item, &body, &evidence).await?;
    tx.commit().await?;
    if !set {
        errors.add("position", pa.talks_closed);
        return again(&state, &auth, org, id, fields, errors).await;
    }
    Ok(back(org, id, &format!("punt-{item}")))
}

async fn draft(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    load(&state, scope.as_read(), id).await?;
    let (t, pa) = (auth.ctx.t(), auth.ctx.lang.afspraken());
    let mut errors = FieldErrors::default();
    let body = text(&fields, "draft", 100_000, &mut errors, t.err_required);
    if !errors.is_empty() {
        return again(&state, &auth, org, id, fields, errors).await;
    }
    let mut tx = state.db.begin().await?;
    let saved = afspraken::save_draft(&mut tx, &scope, &auth.actor(&state), id, &body).await?;
    tx.commit().await?;
    if saved.is_none() {
        errors.add("draft", pa.talks_closed);
        return again(&state, &auth, org, id, fields, errors).await;
    }
    Ok(back(org, id, "onderhandeling"))
}

async fn note(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    load(&state, scope.as_read(), id).await?;
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let kind = NoteKind::parse(field(&fields, "note_kind"));
    if kind.is_none() {
        errors.add("note_kind", t.err_choose);
    }
    let title = text(&fields, "note_title", 200, &mut errors, t.err_required);
    let body = field(&fields, "note_body").chars().take(20_000).collect::<String>();
    let (Some(kind), true) = (kind, errors.is_empty()) else {
        return again(&state, &auth, org, id, fields, errors).await;
    };
    let mut tx = state.db.begin().await?;
    afspraken::add_note(&mut tx, &scope, &auth.actor(&state), id, kind, &title, &body).await?;
    tx.commit().await?;
    Ok(back(org, id, "ruimte"))
}

/// Shares a private note with the other parties, after a page that says who will read it and that it cannot be taken
/// back (one tap on the button beside "Onze ondergrens bij de huren" showed it to the corporation and the municipality).
async fn share(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, note)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle, _) = load(&state, scope.as_read(), id).await?;
    if !confirm_step::confirmed(&fields) {
        let own = afspraken::notes(&state.db, &cycle).await?.into_iter().find(|n| n.id == note && n.org_id == org);
        let note = own.filter(|n| !n.shared).ok_or(AppError::NotFound)?;
        let others: Vec<String> = afspraken::parties(&state.db, &cycle)
            .await?
            .into_iter()
            .filter(|p| p.org.id != org)
            .map(|p| p.org.name)
            .collect();
        let pa = auth.ctx.lang.afspraken();
        return ConfirmStep {
            page: Page::for_user(&auth),
            title: pa.note_share_title.to_owned(),
            lines: vec![
                pa.note_share_effect(others.len() as i64, names_list(&others, pa.note_share_and), &note.title),
                pa.note_share_final.to_owned(),
            ],
            action: format!("/orgs/{org}/afspraken/{id}/notities/{}/delen", note.id),
            button: pa.note_share_yes,
            back_href: format!("/orgs/{org}/afspraken/{id}#ruimte"),
            back_text: pa.note_share_no,
            carried: Vec::new(),
        }
        .response();
    }
    let mut tx = state.db.begin().await?;
    afspraken::share_note(&mut tx, &scope, &auth.actor(&state), id, note).await?;
    tx.commit().await?;
    Ok(back(org, id, "ruimte"))
}

/// Names as a sentence lists them: "A", "A en B", "A, B en C".
fn names_list(names: &[String], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_listed_as_a_sentence_lists_them() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(super::names_list(&names(&["Gemeente"]), "en"), "Gemeente");
        assert_eq!(super::names_list(&names(&["Gemeente", "Woonstad"]), "en"), "Gemeente en Woonstad");
        assert_eq!(super::names_list(&names(&["A", "B", "C"]), "and"), "A, B and C");
    }
}
