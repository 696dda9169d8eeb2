//! Nazorg (issue 21, ADR 0045): homes sold to their tenants. The corporation records the sale, holds the talk before
//! it, assigns a koopcoach, does the checks after three and six years with their follow-up actions and records
//! buy-backs; it keeps a register of the VvE's in which it owns homes. A partner's koopcoach sees only the buyers
//! assigned to them; a municipality sees counts.
//!
//! Buyer data is personal: a page that shows a buyer asks for an Edit grant from the user's own membership (staff or
//! administrator of the corporation, or of the coach's partner organisation) and reads through the store's
//! `BuyerScope`, which logs every read. A read-only member sees counts and the VvE register. Every id in a path or
//! form is checked by the store against the organisation's own; anything else is a 404.

mod buyback;
mod calculator;
mod checks;
mod coach_partners;
mod figures;
mod home;
pub(crate) mod jobs;
mod sales;
mod settings;
mod talk;
mod vves;

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_percent_bp, show_percent};
use crate::i18n::NazorgTexts;
use crate::state::AppState;
use axum::Router;
use volkshuis_domain::access::{Action, Check, Edit, View, WriteScope};
use volkshuis_domain::modules::Module;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::BuyerScope;
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(sales::router())
        .merge(talk::router())
        .merge(checks::router())
        .merge(buyback::router())
        .merge(settings::router())
        .merge(coach_partners::router())
        .merge(figures::router())
        .merge(vves::router())
        .merge(calculator::router())
}

/// The organisation in the path, of a kind with Nazorg pages; any other kind is a 404.
async fn module_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !Module::Nazorg.open_to(organisation.kind) {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// A page on the organisation's own side: the kind must be `kind` (else 404); any member may look.
async fn view_scope(
    state: &AppState,
    auth: &Auth,
    org: i64,
    kind: OrgKind,
) -> Result<(volkshuis_domain::access::ReadScope, Organisation), AppError> {
    let (scope, organisation) = module_scope(state, auth, org, View).await?;
    if organisation.kind != kind {
        return Err(AppError::NotFound);
    }
    Ok((scope, organisation))
}

/// A writing step of the corporation: the organisation must be a corporation (else 404) and the user may edit
/// there through their own membership (else 403).
async fn corporation_write(state: &AppState, auth: &Auth, org: i64) -> Result<WriteScope, AppError> {
    view_scope(state, auth, org, OrgKind::Corporation).await?;
    member_edit_scope(state, auth, org).await
}

/// Who reads buyers in the organisation of the path: a corporation's staff read its own, a partner's member the
/// buyers assigned to them as koopcoach. A read-only member gets a 403, a municipality a 404.
async fn buyer_scope(state: &AppState, auth: &Auth, org: i64) -> Result<(WriteScope, BuyerScope, OrgKind), AppError> {
    let (_, organisation) = module_scope(state, auth, org, View).await?;
    let scope = match organisation.kind {
        OrgKind::Corporation | OrgKind::Partner => member_edit_scope(state, auth, org).await?,
        _ => return Err(AppError::NotFound),
    };
    let buyers =
        if organisation.kind == OrgKind::Partner { BuyerScope::coach(&scope) } else { BuyerScope::sales_staff(&scope) };
    Ok((scope, buyers, organisation.kind))
}

/// An Edit grant from the user's own membership. A platform administrator's grant does not open buyers: they are
/// the corporation's and the coach's business, not the platform operator's.
async fn member_edit_scope(state: &AppState, auth: &Auth, org: i64) -> Result<WriteScope, AppError> {
    if !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    Ok(module_scope(state, auth, org, Edit).await?.0)
}

/// Counts under this are shown as "fewer than" to whoever may not read the buyers ([`counts_masked`]): one sale or
/// one buyer in payment trouble in a complex or buurt is too close to one household.
const SMALL: i64 = volkshuis_domain::place::SMALLEST_SHOWN;

/// Whether small counts are masked for this viewer: a municipality, and whoever may not open the buyers (a read-only
/// member, the platform operator). One rule for the start page, the figures and the map.
fn counts_masked(auth: &Auth, org: i64, kind: OrgKind) -> bool {
    kind == OrgKind::Municipality || !auth.edits_as_member(org)
}

/// A count as shown: when `mask`, from 1 to 4 as "fewer than 5" and the others rounded to fives — the same sales
/// counted per year and per gemeente, buurt or complex gave a hidden count back by subtraction
/// ([`volkshuis_domain::place::rounded`]).
fn shown_count(nz: &NazorgTexts, mask: bool) -> impl Fn(i64) -> String + '_ {
    move |n| match (mask, volkshuis_domain::place::hidden(n)) {
        (true, true) => nz.fewer_than(SMALL),
        (true, false) => volkshuis_domain::place::rounded(n).to_string(),
        (false, _) => n.to_string(),
    }
}

/// The module's sub-menu for the user in an organisation of `kind`: `(href, text)`, only what the guards let in.
fn subnav(nz: &'static NazorgTexts, auth: &Auth, org: i64, kind: OrgKind) -> Vec<(String, &'static str)> {
    use Action::{Edit as E, Manage as M, View as V};
    let base = format!("/orgs/{org}/nazorg");
    let pages: &[(&str, &'static str, Action)] = match kind {
        OrgKind::Corporation => &[
            ("", nz.nav_home, V),
            ("/verkopen", nz.nav_sales, E),
            ("/vves", nz.nav_vves, V),
            ("/kaart", crate::i18n::VveTexts::of(auth.ctx.lang).nav_map, V),
            ("/cijfers", nz.nav_figures, V),
            ("/gesprekslijst", nz.nav_checklist, E),
            ("/koopcoachpartners", nz.nav_coach_partners, E),
            ("/instellingen", nz.nav_settings, M),
        ],
        OrgKind::Municipality => &[
            ("", nz.nav_home, V),
            ("/cijfers", nz.nav_figures, V),
            ("/kaart", crate::i18n::VveTexts::of(auth.ctx.lang).nav_map, V),
        ],
        _ => &[("", nz.nav_home, V)],
    };
    let role = auth.own_role(org);
    pages
        .iter()
        .filter(|(_, _, needs)| *needs == V || role.is_some_and(|r| r.allows(*needs)))
        .map(|(path, text, _)| (format!("{base}{path}"), *text))
        .collect()
}

/// A buyer's name as shown: after their data was deleted (ADR 0066) the name is empty and the page says so.
fn buyer_shown(nz: &NazorgTexts, name: String) -> String {
    if name.is_empty() {
        nz.buyer_deleted.to_owned()
    } else {
        name
    }
}

/// A date typed in a form (`2026-12-04` from a date input, or `4-12-2026`).
fn parse_day(text: &str) -> Option<time::Date> {
    crate::forms::parse_date(text.trim()).ok()
}

/// A day typed in `field`, kept when it keeps every bound; else `None`, with the message of the first bound it breaks
/// (a test of the day, and what to say), or `unreadable` when it is no day. Days recorded about a sale are weighed
/// against the sale, the talk and today this way.
fn bounded_day(
    errors: &mut crate::forms::FieldErrors,
    field: &'static str,
    typed: &str,
    unreadable: String,
    bounds: &[(&dyn Fn(time::Date) -> bool, String)],
) -> Option<time::Date> {
    let Some(day) = parse_day(typed) else {
        errors.add(field, unreadable);
        return None;
    };
    match bounds.iter().find(|(keeps, _)| !keeps(day)) {
        Some((_, message)) => {
            errors.add(field, message.clone());
            None
        }
        None => Some(day),
    }
}

/// Cents as a plain amount for a link or a form's value (`123456,78`), which `Money::parse` reads back.
fn plain_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", cents.unsigned_abs() / 100, cents.unsigned_abs() % 100)
}

/// The talk checklist as the reader sees it: the platform's default list in the reader's language (also once a talk
/// stored it as the corporation's first version), a corporation's own list as it wrote it.
fn shown_checklist(nz: &NazorgTexts, checklist: &volkshuis_store::nazorg::talks::Checklist) -> Vec<String> {
    let default = volkshuis_domain::nazorg::talk::default_checklist();
    if checklist.id.is_none() || checklist.items.iter().map(String::as_str).eq(default.iter().copied()) {
        nz.default_checklist()
    } else {
        checklist.items.clone()
    }
}

/// The buy-back price line by line, as the owner and the corporation read it: (what, amount).
fn buyback_lines(nz: &NazorgTexts, input: &volkshuis_domain::nazorg::buyback::BuybackInput) -> Vec<(String, String)> {
    use volkshuis_domain::money::Money;
    let b = volkshuis_domain::nazorg::buyback::buyback(input);
    let euro = |cents: i64| Money::from_cents(cents).to_string();
    vec![
        (nz.line_purchase.to_owned(), euro(b.purchase_price_cents)),
        (nz.line_value_then.to_owned(), euro(input.value_at_purchase_cents)),
        (nz.line_value_now.to_owned(), euro(input.value_now_cents)),
        (nz.line_change.to_owned(), euro(b.value_change_cents)),
        (nz.line_owner_part(show_percent(b.owner_share_bp)), euro(b.owner_part_cents)),
        (nz.line_corporation_part.to_owned(), euro(b.corporation_part_cents)),
        (nz.line_improvements.to_owned(), euro(b.improvements_cents)),
        (nz.line_price.to_owned(), euro(b.price_cents)),
    ]
}
