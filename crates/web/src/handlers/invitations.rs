//! A user's invitations to organisations: the only way into an organisation that someone else asked for. The
//! invitee accepts or declines; only an open invitation of the logged-in user can be answered.

use crate::auth::Auth;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{ok, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use volkshuis_store::invitations::{self, Answer};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/invitations", get(show))
        .route("/invitations/{id}/accept", post(accept))
        .route("/invitations/{id}/decline", post(decline))
}

struct InvitationRow {
    id: i64,
    line: String,
}

#[derive(Template)]
#[template(path = "invitations.html")]
struct InvitationsPage {
    page: Page,
    invitations: Vec<InvitationRow>,
}

async fn show(State(state): State<AppState>, auth: Auth, Query(q): Query<NoticeQuery>) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let invitations = invitations::open_for(&state.db, auth.user.id, state.clock.now())
        .await?
        .into_iter()
        .map(|i| InvitationRow {
            id: i.id,
            line: t.invitation_line(&i.org.name, t.role_in_sentence(i.role), show_time(i.expires_at)),
        })
        .collect();
    ok(&InvitationsPage { page: Page::for_user(&auth).with_notice(q.notice.as_deref()), invitations })
}

async fn accept(state: State<AppState>, auth: Auth, id: Path<i64>) -> Result<Response, AppError> {
    answer(state, auth, id, Answer::Accept).await
}

async fn decline(state: State<AppState>, auth: Auth, id: Path<i64>) -> Result<Response, AppError> {
    answer(state, auth, id, Answer::Decline).await
}

async fn answer(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    answer: Answer,
) -> Result<Response, AppError> {
    let mut tx = state.db.begin().await?;
    let answered = invitations::answer(&mut tx, &auth.actor(&state), id, auth.user.id, answer).await?;
    tx.commit().await?;
    // The notices of invitations announced work now done, once none is left to answer (a notice left unread after
    // accepting kept "1 ongelezen melding" in the header, and one of an expired invitation led to an empty page).
    let now = state.clock.now();
    if invitations::open_for(&state.db, auth.user.id, now).await?.is_empty() {
        volkshuis_store::notifications::mark_read_leading_to(&state.db, auth.user.id, "/invitations", now).await?;
    }
    // Another user's invitation, an answered, withdrawn or expired one: one answer for all, so ids reveal nothing —
    // the invitations page saying it can no longer be answered (a page opened before it lapsed ended on a 404).
    let Some(org_id) = answered else {
        return Ok(Redirect::to("/invitations?notice=invitation_unanswerable").into_response());
    };
    Ok(match answer {
        Answer::Accept => Redirect::to(&format!("/orgs/{org_id}?notice=invitation_accepted")),
        Answer::Decline => Redirect::to("/invitations?notice=invitation_declined"),
    }
    .into_response())
}
