//! An organisation's read log: every read of personal data by its own members (signals, buyers, votes, mail),
//! for its administrators — the organisation answers for what its people read. The platform's operator has the
//! whole log (`/admin/audit`); each read is written by the module that shows the data (`read_personal` entries).

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::admin::audit::{period, rows, EntryRow, PAGE_SIZE};
use crate::state::AppState;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use volkshuis_domain::access::Manage;
use volkshuis_store::{audit, orgs};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/inzagelog", get(list))
}

/// The period as typed (kept in the form), and the "older" link's entry id.
#[derive(Default, Deserialize)]
struct LogQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    before: Option<String>,
}

#[derive(Template)]
#[template(path = "read_log.html")]
struct ReadLogPage {
    page: Page,
    org_id: i64,
    org_name: String,
    filter: LogQuery,
    entries: Vec<EntryRow>,
    older_link: Option<String>,
    errors: FieldErrors,
}

async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Manage).await?;
    let organisation = orgs::get(&state.db, scope.org_id()).await?.ok_or(AppError::NotFound)?;
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let (from, until) = period((&q.from, &q.until), &mut errors, t);
    let filter = audit::Filter {
        org_id: Some(organisation.id),
        personal_only: true,
        from,
        until,
        before_id: q.before.as_deref().and_then(|b| b.trim().parse().ok()),
        ..Default::default()
    };
    let names = HashMap::from([(organisation.id, organisation.name.as_str())]);
    // A period that cannot be read lists nothing (it listed the whole log, or said nobody read anything).
    let entries = if !errors.is_empty() { Vec::new() } else { rows(&state, &auth.ctx, &filter, &names).await? };
    let older_link = (entries.len() as i64 == PAGE_SIZE).then(|| {
        let last = entries.last().map(|e| e.id).unwrap_or_default();
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("from", &q.from)
            .append_pair("until", &q.until)
            .append_pair("before", &last.to_string())
            .finish();
        format!("/orgs/{}/inzagelog?{query}", organisation.id)
    });
    ok(&ReadLogPage {
        page: Page::for_user(&auth),
        org_id: organisation.id,
        org_name: organisation.name,
        filter: q,
        entries,
        older_link,
        errors,
    })
}
