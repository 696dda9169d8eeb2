//! A corporation's koopcoach partners (ADR 0071): the partner organisations whose staff it may make a buyer's
//! koopcoach. A koopcoach reads the buyer's name and contact details, so only the corporation's own administrators
//! change the list; its staff, who assign coaches, see it. The sale's coach picker offers exactly these partners'
//! staff, and the store checks the list again when it assigns. The page is the shared partner-list page
//! ([`crate::handlers::partner_list`]); the partner is not told (its coach hears when a buyer is assigned).

use super::{corporation_write, subnav};
use crate::auth::Auth;
use crate::handlers::partner_list::{self, ListKind, ListTexts, Notice, ScopeFuture};
use crate::i18n::{Lang, NazorgTexts};
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::partner_lists::PartnerList;

pub fn router() -> Router<AppState> {
    partner_list::router(&KOOPCOACH)
}

static KOOPCOACH: ListKind = ListKind {
    scope,
    list: PartnerList::Koopcoach,
    path: "nazorg/koopcoachpartners",
    texts,
    notice,
    nav: |auth, org| subnav(NazorgTexts::of(auth.ctx.lang), auth, org, OrgKind::Corporation),
    told: None,
};

fn texts(lang: Lang) -> ListTexts {
    let nz = NazorgTexts::of(lang);
    ListTexts {
        module: nz.title,
        title: nz.coach_partners_title,
        intro: nz.coach_partners_intro,
        none: nz.coach_partners_none,
        remove: nz.coach_partners_remove,
        remove_note: nz.coach_partners_remove_note,
        add_title: nz.coach_partners_add_title,
        add: nz.coach_partners_add,
        save: nz.coach_partners_save,
        no_candidates: nz.coach_partners_no_candidates,
        ask_admin: nz.coach_partners_ask_admin,
        err_partner: nz.err_coach_partner,
    }
}

fn notice(lang: Lang, notice: Notice, name: &str) -> String {
    let nz = NazorgTexts::of(lang);
    match notice {
        Notice::Added => nz.coach_partners_added(name),
        Notice::Already => nz.coach_partners_already(name),
        Notice::Removed => nz.coach_partners_removed(name),
        Notice::NotListed => nz.coach_partners_not_listed(name),
    }
}

/// The corporation's staff (who assign coaches) and administrators; the shared page lets only its own administrators
/// change the list.
fn scope<'a>(state: &'a AppState, auth: &'a Auth, org: i64) -> ScopeFuture<'a> {
    Box::pin(corporation_write(state, auth, org))
}
