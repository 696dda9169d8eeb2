//! A corporation's referral partners (ADR 0043): the partner organisations its soft signals may be referred to. A
//! referral hands a household's personal data over, so only the corporation's own administrators change the list
//! (as its other settings here); its staff, who refer, see it. The referral form offers exactly these partners, and
//! the store checks the list again when it refers. The page is the shared partner-list page
//! ([`crate::handlers::partner_list`]); the partner is told when it is put on the list or taken off.

use super::{subnav, write_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::handlers::partner_list::{ChangeQuery, ListKind, ListTexts, Notice};
use crate::i18n::{Lang, SignaleringTexts};
use crate::notify::Step;
use crate::state::AppState;
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::partner_lists::PartnerList;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/signalering/verwijspartners", get(show).post(add))
        .route("/orgs/{org}/signalering/verwijspartners/{partner}/verwijderen", post(remove))
}

const REFERRAL: ListKind = ListKind {
    list: PartnerList::Referral,
    path: "signalering/verwijspartners",
    texts,
    notice,
    nav: |auth, org| subnav(SignaleringTexts::of(auth.ctx.lang), auth, org, OrgKind::Corporation),
    told: Some(|partner, listed| Step::ReferralPartnerListed { partner, listed }),
};

fn texts(lang: Lang) -> ListTexts {
    let sg = SignaleringTexts::of(lang);
    ListTexts {
        module: sg.title,
        title: sg.partners_title,
        intro: sg.partners_intro,
        none: sg.partners_none,
        remove: sg.partners_remove,
        remove_note: sg.partners_remove_note,
        add_title: sg.partners_add_title,
        add: sg.partners_add,
        save: sg.partners_save,
        no_candidates: sg.partners_no_candidates,
        ask_admin: sg.partners_ask_admin,
        err_partner: sg.err_partner,
    }
}

fn notice(lang: Lang, notice: Notice, name: &str) -> String {
    let sg = SignaleringTexts::of(lang);
    match notice {
        Notice::Added => sg.partners_added(name),
        Notice::Already => sg.partners_already(name),
        Notice::Removed => sg.partners_removed(name),
        Notice::NotListed => sg.partners_not_listed(name),
    }
}

/// The corporation's staff (who refer) and administrators; the shared page lets only its own administrators change
/// the list.
async fn scope(state: &AppState, auth: &Auth, org: i64) -> Result<WriteScope, AppError> {
    Ok(write_scope(state, auth, org, OrgKind::Corporation).await?.0)
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org).await?;
    REFERRAL.show(&state, &auth, &scope, &q).await
}

async fn add(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org).await?;
    REFERRAL.add(&state, &auth, &scope, &fields).await
}

async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, partner)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &auth, org).await?;
    REFERRAL.remove(&state, &auth, &scope, partner).await
}
