//! `POST /api/v1/signalering/grootboek`: a corporation's ERP brings in its monthly arrears ledger, the CSV of
//! `docs/ledger-format.md` as the request body, with a token made with that right. The same reading and the same
//! all-or-nothing store call as the upload page: 200 with the counts, or 422 with every problem by line and column
//! and nothing written. The answer names no one; the errors echo only what the caller sent.

use super::errors::ApiQuery;
use super::{ApiClient, ApiError};
use crate::i18n::Lang;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::collections::HashSet;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::bezit::import::{RowError, WHOLE_ROW};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::ledger::{read_ledger_rows, resolving_needs_confirmation};
use volkshuis_domain::text::turns_text_around;
use volkshuis_store::audit::Actor;
use volkshuis_store::orgs;
use volkshuis_store::signalering::ledger;

use volkshuis_domain::signalering::ledger::MAX_LEDGER_BYTES;

/// The ledger's one query parameter.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct LedgerQuery {
    /// The number of open signals the sender confirms will count as resolved (asked for when it is most of them).
    bevestig_opgelost: Option<i64>,
}

pub(super) async fn bring_in(
    State(state): State<AppState>,
    client: ApiClient,
    ApiQuery(query): ApiQuery<LedgerQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    // Who may send is settled before the body is read: a read-only token's 50 MB is never taken in.
    if client.ledger_lapsed {
        return Err(ApiError::forbidden(
            "this token's right to bring in the ledger does not work while its maker is not an active administrator \
             of the corporation",
        ));
    }
    if !client.may_bring_ledger {
        return Err(ApiError::forbidden("this token may read only; make one that may bring in the ledger"));
    }
    let org_id = client.scope.org_id();
    let organisation = orgs::get(&state.db, org_id).await?.ok_or_else(ApiError::not_found)?;
    if organisation.kind != OrgKind::Corporation {
        return Err(ApiError::forbidden("only a corporation brings in an arrears ledger"));
    }
    if !is_csv(&headers) {
        return Err(ApiError::unsupported_media_type(format!("send the ledger as one of: {}", CSV_TYPES.join(", "))));
    }
    // Bringing in and sending are two steps; another call in between would drop this one's pending ledger. The turn
    // is taken before the body is read, so calls that would wait take no memory.
    let now = state.clock.now();
    let Some(turn) = ledger::try_ledger_turn(&state.db, org_id, now).await? else {
        return Err(ApiError::conflict("another ledger of this organisation is being brought in; try again shortly"));
    };
    // Ended before the answer, whatever it is, so the caller's next call finds it free (a call cancelled by the
    // time-out drops it instead, and the row goes a moment later).
    let answer = in_turn(&state, &client, query, &headers, body, now).await;
    // The answer stands: a ledger sent is not to be reported as failed (the ERP would send it again).
    if let Err(error) = turn.release().await {
        tracing::warn!(?error, org_id, "a ledger turn is left to its drop");
    }
    answer
}

/// What a call does in its turn: read, check, bring in and send.
async fn in_turn(
    state: &AppState,
    client: &ApiClient,
    query: LedgerQuery,
    headers: &HeaderMap,
    body: Body,
    now: time::OffsetDateTime,
) -> Result<Response, ApiError> {
    let org_id = client.scope.org_id();
    let body = axum::body::to_bytes(body, MAX_LEDGER_BYTES).await.map_err(|error| {
        if is_too_large(&error) {
            ApiError::payload_too_large(format!("a ledger is at most {} MB", MAX_LEDGER_BYTES / (1024 * 1024)))
        } else {
            ApiError::bad_request("the body could not be read to its end")
        }
    })?;
    // UTF-8 as sent ("grootboek-maart-€.csv"); `to_str` takes visible ASCII only, and such a name became "api.csv".
    let file_name = headers
        .get("x-bestandsnaam")
        .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
        .map(|v| v.chars().filter(|c| !c.is_control() && !turns_text_around(*c)).take(200).collect::<String>())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "api.csv".to_owned());
    let read = tokio::task::spawn_blocking(move || read_ledger_rows(std::io::Cursor::new(body)))
        .await
        .map_err(ApiError::internal)?
        .map_err(|e| ApiError::bad_request(Lang::En.import().file_error(&e)))?;
    let scope = WriteScope::api_ledger_token(org_id);
    let today = dutch_date(now);
    if !read.problems.is_empty() {
        return Ok(refused(&ledger::every_problem(&state.db, &scope, read, today).await?));
    }
    let households = read.households;
    // The page shows what sending will do before its button; the API asks for the number when a ledger would count
    // most open signals' arrears as resolved, as a file cut short does. Asked before anything is written.
    let contracts: HashSet<&str> = households.iter().map(|h| h.contract.as_str()).collect();
    let (resolving, open) = ledger::resolving_by(&state.db, scope.as_read(), &contracts).await?;
    if resolving_needs_confirmation(resolving, open) && query.bevestig_opgelost != Some(resolving) {
        let message = format!(
            "this ledger would count the arrears of {resolving} of the {open} open signals as resolved (their \
             contracts are not in it); nothing was written or sent. If the file is complete, send it again with \
             ?bevestigOpgelost={resolving}"
        );
        let body = json!({ "error": "confirm_resolving", "message": message, "resolving": resolving, "open": open });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response());
    }
    // The log names the token as its maker named it: "API-token 2" alone sent a reader to look up which.
    let label = format!("API-token “{}” ({})", client.token_name, client.token_id);
    let actor = Actor { user_id: None, label, request_id: None, at: now };
    // The token's right is the confirmation: its administrator gave it to send what the ERP delivers.
    let id = match ledger::import_ledger(&state.db, &scope, &actor, &file_name, &households, today).await? {
        Ok(id) => id,
        Err(errors) => return Ok(refused(&errors)),
    };
    let summary = ledger::send_ledger(&state.db, &scope, &actor, id, today).await?.map_err(|_| {
        ApiError::conflict("another ledger of this organisation was brought in on its page meanwhile; nothing was sent")
    })?;
    let mut tx = state.db.begin().await?;
    for (recipient, _) in &summary.sent {
        let event = Event::by_token(org_id, Step::SignalsWaiting { recipient: *recipient });
        notify::tell(state, &mut tx, &event).await.map_err(|e| ApiError::internal(format!("{e:#}")))?;
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

/// Rows refused: 422 with every problem by line and column, in English as every other message of the API; a problem
/// of the whole row has no column.
fn refused(errors: &[RowError]) -> Response {
    let texts = Lang::En.import();
    let list: Vec<_> = errors
        .iter()
        .take(1_000)
        .map(|e| {
            let column = (e.column != WHOLE_ROW).then_some(e.column.as_str());
            json!({ "line": e.line, "column": column, "value": e.value, "reason": texts.reason(e) })
        })
        .collect();
    let message = format!("{} problem(s) in the file; nothing was written", errors.len());
    let body = json!({ "error": "rows_refused", "message": message, "count": errors.len(), "errors": list });
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// Whether reading the body failed on the ledger's limit (and not on a client that went away).
fn is_too_large(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        if cause.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// The content types a ledger may come with (none given is taken as CSV too): what ERPs and `curl --data-binary`
/// send for a CSV file. A JSON document, a form or an image is refused before it is read.
const CSV_TYPES: [&str; 5] =
    ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

fn is_csv(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(axum::http::header::CONTENT_TYPE) else { return true };
    let essence = value.to_str().unwrap_or_default().split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    CSV_TYPES.contains(&essence.as_str())
}
