//! Signalering (issue 20, ADRs 0043–0044): the landlord's arrears ledger and the signals it sends, the
//! municipality's inbox, buckets and outreach, soft signals referred to partners, and the figures.
//!
//! The strictest pages of the platform. The module opens to corporations, municipalities and partners
//! (`Module::Signalering`); inside it, a page that shows a person asks for an Edit grant (staff or administrator)
//! and reads through the store's `PersonalScope`, which writes every read to the audit log with its purpose. A
//! read-only member reaches the module's home and figures: counts, never a person. Every id in a path or form is
//! checked by the store against the organisation's own side (sender, recipient, partner); anything else is a 404.
//! No person's data goes into a URL, a notice or a mail.

mod figures;
mod home;
mod inbox;
mod ledger;
mod municipality;
mod partners;
mod sent;
mod soft;

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::SignaleringTexts;
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::access::{Action, Check, Edit, WriteScope};
use volkshuis_domain::modules::Module;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::signalering::{PersonalScope, Purpose};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(ledger::router())
        .merge(sent::router())
        .merge(inbox::router())
        .merge(municipality::router())
        .merge(soft::router())
        .merge(partners::router())
        .merge(figures::router())
}

/// The organisation in the path, of a kind with Signalering pages; any other kind is a 404.
async fn module_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !Module::Signalering.open_to(organisation.kind) {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// For a page that shows persons: the organisation in the path must be of `kind` (else 404) and the user may
/// edit there (a read-only member gets a 403); the personal scope carries `purpose` into the audit log.
async fn personal_scope(
    state: &AppState,
    auth: &Auth,
    org: i64,
    kind: OrgKind,
    purpose: Purpose,
) -> Result<(WriteScope, PersonalScope, Organisation), AppError> {
    let (_, organisation) = module_scope(state, auth, org, volkshuis_domain::access::View).await?;
    if organisation.kind != kind {
        return Err(AppError::NotFound);
    }
    let (scope, organisation) = member_edit_scope(state, auth, org).await?;
    let personal = PersonalScope::new(&scope, purpose);
    Ok((scope, personal, organisation))
}

/// An Edit grant from the user's own membership. The platform administrator's grant does not open this module's
/// persons: the law names the landlord's, the municipality's and the partner's people, not the platform's operator.
async fn member_edit_scope(state: &AppState, auth: &Auth, org: i64) -> Result<(WriteScope, Organisation), AppError> {
    if !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    module_scope(state, auth, org, Edit).await
}

/// A writing step on the organisation's own side: the kind must match (else 404) and the user may edit.
async fn write_scope(
    state: &AppState,
    auth: &Auth,
    org: i64,
    kind: OrgKind,
) -> Result<(WriteScope, Organisation), AppError> {
    let (_, organisation) = module_scope(state, auth, org, volkshuis_domain::access::View).await?;
    if organisation.kind != kind {
        return Err(AppError::NotFound);
    }
    member_edit_scope(state, auth, org).await
}

/// The module's sub-menu for the user in an organisation of `kind`: `(href, text)`. It offers only what the guards
/// let the user in: pages with persons to those who may edit, the settings to the organisation's administrators.
fn subnav(sg: &'static SignaleringTexts, auth: &Auth, org: i64, kind: OrgKind) -> Vec<(String, &'static str)> {
    use Action::{Edit as E, Manage as M, View as V};
    let base = format!("/orgs/{org}/signalering");
    let pages: &[(&str, &'static str, Action)] = match kind {
        OrgKind::Corporation => &[
            ("", sg.nav_home, V),
            ("/grootboek", sg.nav_verdicts, E),
            ("/verzonden", sg.nav_sent, E),
            ("/levering", sg.nav_delivery, E),
            ("/zacht", sg.nav_soft, E),
            ("/verwijspartners", sg.nav_partners, E),
            ("/cijfers", sg.nav_figures, V),
            ("/instellingen", sg.nav_settings, M),
        ],
        OrgKind::Municipality => &[
            ("", sg.nav_home, V),
            ("/inbox", sg.nav_inbox, E),
            ("/bakken", sg.nav_buckets, E),
            ("/rapportage", sg.nav_report, E),
            ("/cijfers", sg.nav_figures, V),
            ("/instellingen", sg.nav_settings, M),
        ],
        _ => &[("", sg.nav_home, V), ("/verwijzingen", sg.nav_referrals, E)],
    };
    let role = auth.own_role(org);
    pages
        .iter()
        .filter(|(_, _, needs)| *needs == V || role.is_some_and(|r| r.allows(*needs)))
        .map(|(path, text, _)| (format!("{base}{path}"), *text))
        .collect()
}

/// Paging: 50 rows a page, the page number from the query (1 when absent or wrong).
const PAGE_SIZE: i64 = 50;

fn offset(page: Option<i64>) -> (i64, i64) {
    let page = page.filter(|p| (1..=100_000).contains(p)).unwrap_or(1);
    (page, (page - 1) * PAGE_SIZE)
}
