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
use crate::views::{ok, render, Page};
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
use volkshuis_store::signalering::partners::{
    add_referral_partner, referral_partners, remove_referral_partner, Listing,
};

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

/// The list page's query: what a change did (`notice`) and to which partner.
#[derive(serde::Deserialize)]
struct ChangeQuery {
    notice: Option<String>,
    partner: Option<i64>,
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org, false).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let mut page =
        page_for(&state, &auth, &scope, Page::for_user(&auth), String::new(), FieldErrors::default()).await?;
    // What the change did, in this page's own words, naming the partner: only one the page shows itself (on the
    // list, or addable to an administrator who sees the addable ones), so an id typed into the address names nothing.
    let name = q.partner.and_then(|id| {
        let listed = page.partners.iter().find(|(listed, _)| *listed == id).map(|(_, name)| name);
        let addable = || {
            let key = id.to_string();
            page.candidates.iter().filter(|_| page.can_manage).find(|(c, _)| *c == key).map(|(_, name)| name)
        };
        listed.or_else(addable).cloned()
    });
    page.page.notice = name.and_then(|name| match q.notice.as_deref() {
        Some("added") => Some(sg.partners_added(name)),
        Some("already") => Some(sg.partners_already(name)),
        Some("removed") => Some(sg.partners_removed(name)),
        Some("not_listed") => Some(sg.partners_not_listed(name)),
        _ => None,
    });
    ok(&page)
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
    let listing = match typed.trim().parse::<i64>() {
        Ok(id) => Some((id, add_referral_partner(&state.db, &scope, &auth.actor(&state), id).await?)),
        Err(_) => None,
    };
    let notice = match listing {
        Some((partner, Listing::Added)) => {
            tell_partner(&state, &auth, org, partner, true).await?;
            ("added", partner)
        }
        // Told once: adding a partner that is on the list already changes nothing.
        Some((partner, Listing::AlreadyListed)) => ("already", partner),
        Some((_, Listing::NotAPartner)) | None => {
            let mut errors = FieldErrors::default();
            errors.add("partner_id", SignaleringTexts::of(auth.ctx.lang).err_partner);
            let page = page_for(&state, &auth, &scope, Page::for_user(&auth), typed, errors).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    Ok(back_to_list(org, notice))
}

/// Back to the list with what the change did to `partner`.
fn back_to_list(org: i64, (notice, partner): (&str, i64)) -> Response {
    Redirect::to(&format!("/orgs/{org}/signalering/verwijspartners?notice={notice}&partner={partner}")).into_response()
}

async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, partner)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org, true).await?;
    // Taken off already (a second tab, a button pressed twice): said so, not a missing page.
    if !remove_referral_partner(&state.db, &scope, &auth.actor(&state), partner).await? {
        return Ok(back_to_list(org, ("not_listed", partner)));
    }
    tell_partner(&state, &auth, org, partner, false).await?;
    Ok(back_to_list(org, ("removed", partner)))
}

/// The partner hears that it was put on the corporation's list, or taken off it: it receives (or no longer receives)
/// referrals with personal data.
async fn tell_partner(state: &AppState, auth: &Auth, org: i64, partner: i64, listed: bool) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    notify::tell(state, &mut tx, &Event::new(auth, org, Step::ReferralPartnerListed { partner, listed })).await?;
    tx.commit().await?;
    Ok(())
}
