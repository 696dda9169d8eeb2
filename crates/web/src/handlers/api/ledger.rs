//! `POST /api/v1/signalering/grootboek`: a corporation's ERP brings in its monthly arrears ledger, the CSV of
//! `docs/ledger-format.md` as the request body, with a token made with that right. The same reading and the same
//! all-or-nothing store call as the upload page: 200 with the counts, or 422 with every problem by line and column
//! and nothing written. The answer names no one; the errors echo only what the caller sent.

use super::{ApiClient, ApiError};
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::ledger::read_ledger_rows;
use volkshuis_store::audit::Actor;
use volkshuis_store::orgs;
use volkshuis_store::signalering::ledger;

pub(super) use volkshuis_domain::signalering::ledger::MAX_LEDGER_BYTES;

pub(super) async fn bring_in(
    State(state): State<AppState>,
    client: ApiClient,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if !client.may_bring_ledger {
        return Err(ApiError::forbidden("this token may read only; make one that may bring in the ledger"));
    }
    let org_id = client.scope.org_id();
    let organisation = orgs::get(&state.db, org_id).await?.ok_or_else(ApiError::not_found)?;
    if organisation.kind != OrgKind::Corporation {
        return Err(ApiError::not_found());
    }
    let file_name = headers
        .get("x-bestandsnaam")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().filter(|c| !c.is_control()).take(200).collect::<String>())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "api.csv".to_owned());
    let read = tokio::task::spawn_blocking(move || read_ledger_rows(std::io::Cursor::new(body)))
        .await
        .map_err(ApiError::internal)?
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let refused = |errors: &[volkshuis_domain::bezit::import::RowError]| {
        let list: Vec<_> = errors
            .iter()
            .take(1_000)
            .map(|e| json!({ "line": e.line, "column": e.column, "value": e.value, "reason": e.reason.to_string() }))
            .collect();
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({ "error": "rows_refused", "count": errors.len(), "errors": list })),
        )
            .into_response()
    };
    let scope = WriteScope::api_ledger_token(org_id);
    if !read.problems.is_empty() {
        return Ok(refused(&ledger::every_problem(&state.db, &scope, read).await?));
    }
    let households = read.households;
    let now = state.clock.now();
    let actor = Actor { user_id: None, label: format!("API-token {}", client.token_id), request_id: None, at: now };
    let today = dutch_date(now);
    // The token's right is the confirmation: its administrator gave it to send what the ERP delivers.
    let id = match ledger::import_ledger(&state.db, &scope, &actor, &file_name, &households, today).await? {
        Ok(id) => id,
        Err(errors) => return Ok(refused(&errors)),
    };
    let summary = ledger::send_ledger(&state.db, &scope, &actor, id, today)
        .await?
        .map_err(|refusal| ApiError::internal(format!("a ledger just brought in was not sent: {refusal:?}")))?;
    let mut tx = state.db.begin().await?;
    for (recipient, _) in &summary.sent {
        let event = Event::by_token(org_id, Step::SignalsWaiting { recipient: *recipient });
        notify::tell(&state, &mut tx, &event).await.map_err(|e| ApiError::internal(format!("{e:#}")))?;
    }
    tx.commit().await.map_err(ApiError::internal)?;
    Ok(Json(json!({
        "ledger": summary.id,
        "households": summary.households,
        "signalled": summary.signalled(),
        "toMunicipalities": summary.sent.iter().map(|(_, n)| n).sum::<u64>(),
        "byFile": summary.by_file,
        "resolved": summary.resolved,
    }))
    .into_response())
}
