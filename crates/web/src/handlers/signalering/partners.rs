//! A corporation's referral partners (ADR 0043): the partner organisations its soft signals may be referred to. A
//! referral hands a household's personal data over, so only the corporation's own administrators change the list
//! (as its other settings here); its staff, who refer, see it. The referral form offers exactly these partners, and
//! the store checks the list again when it refers.

use super::{subnav, write_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::SignaleringTexts;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Role, WriteScope};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::orgs;
use volkshuis_store::signalering::partners::{add_referral_partner, referral_partners, remove_referral_partner};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/signalering/verwijspartners", get(show).post(add))
        .route("/orgs/{org}/signalering/verwijspartners/{partner}/verwijderen", post(remove))
}

#[derive(Template)]
#[template(path = "signalering/partners.html")]
struct PartnersPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    partners: Vec<(i64, String)>,
    /// Partner organisations on the platform not on the list yet: what an administrator may add.
    candidates: Vec<(String, String)>,
    can_manage: bool,
    typed: String,
    errors: FieldErrors,
}

async fn page_for(
    state: &AppState,
    auth: &Auth,
    scope: &WriteScope,
    page: Page,
    typed: String,
    errors: FieldErrors,
) -> Result<PartnersPage, AppError> {
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let partners = referral_partners(&state.db, scope).await?;
    let candidates = orgs::list(&state.db)
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Partner && !partners.iter().any(|(id, _)| *id == o.id))
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    Ok(PartnersPage {
        page,
        sg,
        nav: subnav(sg, auth, scope.org_id(), OrgKind::Corporation),
        org_id: scope.org_id(),
        partners,
        candidates,
        can_manage: is_own_admin(auth, scope.org_id()),
        typed,
        errors,
    })
}

/// Whether the user is an administrator of the corporation by their own membership: the platform operator does not
/// decide where a corporation's personal data may go.
fn is_own_admin(auth: &Auth, org: i64) -> bool {
    auth.own_role(org) == Some(Role::Admin)
}

/// The corporation's staff (who refer) and administrators; an administrator's own membership to change the list.
async fn scope(state: &AppState, auth: &Auth, org: i64, change: bool) -> Result<WriteScope, AppError> {
    let (scope, _) = write_scope(state, auth, org, OrgKind::Corporation).await?;
    if change && !is_own_admin(auth, org) {
        return Err(AppError::Forbidden);
    }
    Ok(scope)
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org, false).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let mut page = Page::for_user(&auth);
    // What the change did, in this page's own words.
    page.notice = match q.notice.as_deref() {
        Some("added") => Some(sg.partners_added),
        Some("already") => Some(sg.partners_already),
        Some("removed") => Some(sg.partners_removed),
        Some("not_listed") => Some(sg.partners_not_listed),
        _ => None,
    }
    .map(str::to_owned);
    ok(&page_for(&state, &auth, &scope, page, String::new(), FieldErrors::default()).await?)
}

async fn add(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org, true).await?;
    let typed = fields.get("partner_id").cloned().unwrap_or_default();
    // The store refuses an organisation that is no partner (an id typed into the form, say) and writes nothing.
    let id = typed.trim().parse::<i64>().ok();
    // Told once: adding a partner that is on the list already changes nothing.
    let known = referral_partners(&state.db, &scope).await?.iter().any(|(listed, _)| Some(*listed) == id);
    let added = match id {
        Some(id) => add_referral_partner(&state.db, &scope, &auth.actor(&state), id).await?.then_some(id),
        None => None,
    };
    let Some(partner) = added else {
        let mut errors = FieldErrors::default();
        errors.add("partner_id", SignaleringTexts::of(auth.ctx.lang).err_partner);
        let page = page_for(&state, &auth, &scope, Page::for_user(&auth), typed, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if known {
        return Ok(Redirect::to(&format!("/orgs/{org}/signalering/verwijspartners?notice=already")).into_response());
    }
    tell_partner(&state, &auth, org, partner, true).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/verwijspartners?notice=added")).into_response())
}

async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, partner)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org, true).await?;
    // Taken off already (a second tab, a button pressed twice): said so, not a missing page.
    if !remove_referral_partner(&state.db, &scope, &auth.actor(&state), partner).await? {
        return Ok(Redirect::to(&format!("/orgs/{org}/signalering/verwijspartners?notice=not_listed")).into_response());
    }
    tell_partner(&state, &auth, org, partner, false).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/verwijspartners?notice=removed")).into_response())
}

/// The partner hears that it was put on the corporation's list, or taken off it: it receives (or no longer receives)
/// referrals with personal data.
async fn tell_partner(state: &AppState, auth: &Auth, org: i64, partner: i64, listed: bool) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    notify::tell(state, &mut tx, &Event::new(auth, org, Step::ReferralPartnerListed { partner, listed })).await?;
    tx.commit().await?;
    Ok(())
}
