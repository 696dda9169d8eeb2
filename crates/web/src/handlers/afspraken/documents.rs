//! A cycle's documents (woonvisie, market studies, a bid as a file): uploaded by a party into its own space or the
//! shared one, downloaded by whoever may read them. Size and type are checked as for the Overleg documents.

use super::cycle::again;
use super::{back, load, party_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::state::AppState;
use crate::uploads::{MultipartForm, MAX_FORM_BYTES};
use crate::views::attachment;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use volkshuis_domain::access::{Edit, View};
use volkshuis_store::afspraken::{self, DocumentKind, NewPaDocument};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/afspraken/{id}/documenten", post(upload).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)))
        .route("/orgs/{org}/afspraken/{id}/documenten/{doc}", get(download))
}

async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    load(&state, scope.as_read(), id).await?;
    let form = MultipartForm::read(multipart).await?;
    let (t, ov) = (auth.ctx.t(), auth.ctx.lang.overleg());
    let mut errors = FieldErrors::default();
    let kind = DocumentKind::parse(form.text("document_kind").trim());
    if kind.is_none() {
        errors.add("document_kind", t.err_choose);
    }
    form.report_problems(ov, &mut errors);
    if form.files.is_empty() && errors.get("documents").is_none() {
        errors.add("documents", t.err_required);
    }
    let shared = checkbox(&Some(form.text("document_shared")).filter(|s| !s.is_empty()));
    let Some(kind) = kind.filter(|_| errors.is_empty()) else {
        return again(&state, &auth, org, id, form.fields().clone(), errors).await;
    };
    let mut tx = state.db.begin().await?;
    for file in &form.files {
        let doc = NewPaDocument {
            kind,
            shared,
            file_name: file.file_name.clone(),
            content_type: file.content_type,
            content: file.content.clone(),
        };
        afspraken::add_document(&mut tx, &scope, &auth.actor(&state), id, &doc).await?;
    }
    tx.commit().await?;
    Ok(back(org, id, "documenten"))
}

async fn download(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, doc)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, _) = load(&state, &scope, id).await?;
    let doc = afspraken::document(&state.db, &cycle_ref, doc).await?.ok_or(AppError::NotFound)?;
    // A document in the party's own space opens to its members only, not on the platform administrator's grant.
    if !doc.shared && auth.own_role(org).is_none() {
        return Err(AppError::NotFound);
    }
    Ok(attachment(&doc.file_name, doc.content_type, doc.content))
}
