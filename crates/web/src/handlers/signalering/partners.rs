//! A corporation's referral partners (ADR 0043): the partner organisations its soft signals may be referred to. A
//! referral hands a household's personal data over, so only the corporation's own administrators change the list
//! (as its other settings here); its staff, who refer, see it. The referral form offers exactly these partners, and
//! the store checks the list again when it refers. The page is the shared partner-list page
//! ([`crate::handlers::partner_list`]); the partner is told when it is put on the list or taken off.

use super::{subnav, write_scope};
use crate::auth::Auth;
use crate::handlers::partner_list::{self, ListKind, ListTexts, Notice, ScopeFuture};
use crate::i18n::{Lang, SignaleringTexts};
use crate::notify::Step;
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::partner_lists::PartnerList;

pub fn router() -> Router<AppState> {
    partner_list::router(&REFERRAL)
}

static REFERRAL: ListKind = ListKind {
    scope,
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
fn scope<'a>(state: &'a AppState, auth: &'a Auth, org: i64) -> ScopeFuture<'a> {
    Box::pin(async move { Ok(write_scope(state, auth, org, OrgKind::Corporation).await?.0) })
}
