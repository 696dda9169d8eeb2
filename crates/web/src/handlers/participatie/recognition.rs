//! Recognition under the Overlegwet (ADR 0072): where a formal group stands, as its page shows it, and the
//! corporation's own decision to recognise it or to withdraw the recognition, asked once more.

use super::group_page::group_page;
use super::{party_scope, visible_group};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{render, show_date, Page};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Edit, ReadScope};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::participatie::group::{recognition, Recognition};
use volkshuis_store::orgs::{self, Organisation};
use volkshuis_store::participatie::{self as part, Group};

/// Who recorded the recognitions migration 66 carried over.
const CARRIED_OVER: &str = "migratie 66";

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/participatie/groepen/{id}/erkenning", post(recognise))
}

/// Where the group stands under the Overlegwet, and what the viewer may do about it.
pub(super) struct RecognitionView {
    /// The state in words ("Erkend door Woonstad op …", "Wacht op erkenning door Woonstad").
    pub(super) status: String,
    /// The corporation's own editing members: whether they may recognise it now, or withdraw the recognition.
    pub(super) may_recognise: bool,
    pub(super) may_withdraw: bool,
}

/// The group's recognition as the page shows it; none for a group that is no formal body.
pub(super) async fn view(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: &Organisation,
    group: &Group,
) -> Result<Option<RecognitionView>, AppError> {
    let pt = auth.ctx.lang.participatie();
    let mut state_now = recognition(group.kind, &group.criteria, group.recognised_on.is_some());
    if state_now == Recognition::Informal {
        return Ok(None);
    }
    // Criteria ticked before evidence was asked for, without it: not shown yet, so nothing to recognise.
    if state_now == Recognition::AwaitingLandlord && !part::criteria_shown(group.kind, &group.criteria) {
        state_now = Recognition::CriteriaOpen;
    }
    let corporation = if organisation.id == group.corporation_id {
        organisation.name.clone()
    } else {
        orgs::get(&state.db, group.corporation_id).await?.map(|o| o.name).unwrap_or_default()
    };
    let status = match (state_now, group.recognised_on) {
        // Carried over by migration 66 from when the criteria alone made a group "recognised": the corporation never
        // decided it, and is asked to look.
        (Recognition::Recognised, Some(on)) if group.recognised_by.as_deref() == Some(CARRIED_OVER) => {
            pt.recognition_carried_over(&corporation, show_date(on))
        }
        (Recognition::Recognised, Some(on)) => pt.recognition_given(&corporation, show_date(on)),
        (Recognition::AwaitingLandlord, _) => pt.recognition_awaiting(&corporation),
        (_, Some(on)) => pt.recognition_lapsed(&corporation, show_date(on)),
        _ => pt.recognition_criteria_open(&corporation),
    };
    // The corporation's own staff decide (not the platform operator, not the group's keeper).
    let decides = scope.org_id() == group.corporation_id && auth.edits_as_member(scope.org_id());
    Ok(Some(RecognitionView {
        status,
        may_recognise: decides && state_now == Recognition::AwaitingLandlord,
        may_withdraw: decides && group.recognised_on.is_some(),
    }))
}

/// The corporation recognises one of its formal groups under the Overlegwet (`erkennen=ja`), or withdraws the
/// recognition (`erkennen=nee`), asked once more with what it changes. Only its own editing members decide; a
/// recognition needs every criterion shown to be met.
async fn recognise(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let group = visible_group(&state, &scope, id).await?;
    if org != group.corporation_id || !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    let pt = auth.ctx.lang.participatie();
    let give = match crate::forms::field(&fields, "erkennen") {
        "ja" => true,
        "nee" => false,
        _ => return Err(AppError::NotFound),
    };
    let now = recognition(group.kind, &group.criteria, group.recognised_on.is_some());
    let fits = if give {
        now == Recognition::AwaitingLandlord && part::criteria_shown(group.kind, &group.criteria)
    } else {
        group.recognised_on.is_some()
    };
    if !fits {
        // Recognised meanwhile, withdrawn meanwhile, or a criterion unticked since the page was shown.
        let mut page =
            group_page(&state, &auth, &scope, &organisation, &group, HashMap::new(), FieldErrors::default()).await?;
        page.page.notice = Some(pt.recognition_changed.to_owned());
        return render(StatusCode::CONFLICT, &page);
    }
    if !crate::confirm_step::confirmed(&fields) {
        let lines = if give {
            vec![pt.recognise_effect(&organisation.name, &group.name), pt.recognise_coverage.to_owned()]
        } else {
            // A recognition whose criteria lapsed counts no more already: the coverage does not change.
            let mut lines = vec![pt.unrecognise_effect(&organisation.name, &group.name)];
            if now == Recognition::Recognised {
                lines.push(pt.unrecognise_coverage.to_owned());
            }
            lines
        };
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: if give { pt.recognise_title(&group.name) } else { pt.unrecognise_title(&group.name) },
            lines,
            action: format!("/orgs/{org}/participatie/groepen/{id}/erkenning"),
            button: if give { pt.recognise_yes } else { pt.unrecognise_yes },
            back_href: format!("/orgs/{org}/participatie/groepen/{id}#criteria"),
            back_text: pt.recognise_back,
            carried: vec![("erkennen".to_owned(), if give { "ja" } else { "nee" }.to_owned())],
        }
        .response();
    }
    let today = dutch_date(state.clock.now());
    let mut tx = state.db.begin().await?;
    if !part::set_recognition(&mut tx, &scope, &auth.actor(&state), &group, give.then_some(today)).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    part::recompute(&state.db, &scope, group.corporation_id).await?;
    let notice = if give { "recognised" } else { "recognition_withdrawn" };
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice={notice}")).into_response())
}
