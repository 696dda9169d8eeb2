//! The main navigation: which places a user's menu offers, where each leads, and which one the user is at.
//!
//! Pure functions of the user's organisation, their platform role and the path asked for, so they are tested here
//! without a server. A module appears only when [`Module::open_to`] says the organisation's kind has its pages:
//! the same rule the module's guard applies, so no menu link ends on a 404 (ADR 0031).

use crate::auth::Auth;
use crate::i18n::NavTexts;
use volkshuis_domain::modules::{coverage_only, Module};
use volkshuis_domain::org::OrgKind;

/// A place the main navigation leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The dashboard.
    Dashboard,
    /// A module of the organisation the menu is for.
    Module(Module),
    /// The organisation's own page (members, API tokens).
    Organisation,
    /// The platform administration (platform administrators only).
    Admin,
}

/// A page of the platform administration, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminPage {
    /// Organisations.
    Orgs,
    /// Users.
    Users,
    /// The audit log.
    Audit,
    /// Outgoing mail.
    Outbox,
    /// Decreed holidays for legal terms.
    Decrees,
    /// The national overview of the prestatieafspraken cycles.
    Afspraken,
}

impl AdminPage {
    /// Every page, in menu order.
    pub const ALL: [AdminPage; 6] = [
        AdminPage::Orgs,
        AdminPage::Users,
        AdminPage::Audit,
        AdminPage::Outbox,
        AdminPage::Decrees,
        AdminPage::Afspraken,
    ];

    /// Where the page is.
    pub fn href(self) -> &'static str {
        match self {
            AdminPage::Orgs => "/admin/orgs",
            AdminPage::Users => "/admin/users",
            AdminPage::Audit => "/admin/audit",
            AdminPage::Outbox => "/admin/outbox",
            AdminPage::Decrees => "/admin/decrees",
            AdminPage::Afspraken => "/admin/afspraken",
        }
    }
}

/// One link of a menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink<P> {
    /// What it leads to.
    pub place: P,
    /// Where it leads.
    pub href: String,
    /// Whether the user is at this place now (`aria-current="page"`).
    pub current: bool,
}

/// The organisation a menu is for: its id and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavOrg {
    /// The organisation's id.
    pub id: i64,
    /// Its kind, which decides its modules.
    pub kind: OrgKind,
}

/// The path segment under `/orgs/{id}/` where a module's pages live.
fn segment(module: Module) -> &'static str {
    match module {
        Module::Bezit => "stock",
        Module::Participatie => "participatie",
        Module::Overleg => "overleg",
        Module::Afspraken => "afspraken",
        Module::SocialReturn => "sr",
        Module::Signalering => "signalering",
        Module::Nazorg => "nazorg",
        Module::Initiatieven => "initiatieven",
    }
}

/// A module's name as the main menu shows it.
pub fn module_name(nt: &NavTexts, module: Module) -> &'static str {
    match module {
        Module::Bezit => nt.nav_stock,
        Module::Participatie => nt.nav_participatie,
        Module::Overleg => nt.nav_overleg,
        Module::Afspraken => nt.nav_afspraken,
        Module::SocialReturn => nt.nav_social_return,
        Module::Signalering => nt.nav_signalering,
        Module::Nazorg => nt.nav_nazorg,
        Module::Initiatieven => nt.nav_initiatieven,
    }
}

/// The first page of a module for an organisation: a municipality's Participatiekaart is its coverage figures.
pub fn entry(module: Module, org: NavOrg) -> String {
    let base = format!("/orgs/{}/{}", org.id, segment(module));
    if module == Module::Participatie && coverage_only(org.kind) {
        format!("{base}/dekking")
    } else {
        base
    }
}

/// The main menu for a user of `org` (if any), a platform administrator or not, who asked for `path`.
///
/// Each link covers a part of the site (its section); the link whose section holds the path, the longest if
/// several do, is the current one. Pages outside every section (an invitation, the API tokens of another
/// organisation) mark none.
pub fn main_nav(org: Option<NavOrg>, platform_admin: bool, path: &str) -> Vec<NavLink<Place>> {
    let mut links: Vec<(Place, String, String)> = vec![(Place::Dashboard, "/dashboard".into(), "/dashboard".into())];
    if let Some(org) = org {
        for module in Module::ALL.into_iter().filter(|m| m.open_to(org.kind)) {
            links.push((Place::Module(module), entry(module, org), format!("/orgs/{}/{}", org.id, segment(module))));
        }
        let own = format!("/orgs/{}", org.id);
        links.push((Place::Organisation, own.clone(), own));
    }
    if platform_admin {
        links.push((Place::Admin, AdminPage::Orgs.href().into(), "/admin".into()));
    }
    let path = bare(path);
    let current = links
        .iter()
        .enumerate()
        .filter(|(_, (_, _, section))| within(path, section))
        .max_by_key(|(_, (_, _, section))| section.len())
        .map(|(i, _)| i);
    links
        .into_iter()
        .enumerate()
        .map(|(i, (place, href, _))| NavLink { place, href, current: Some(i) == current })
        .collect()
}

/// The administration's own menu, shown on its pages to a platform administrator; empty elsewhere.
pub fn admin_nav(platform_admin: bool, path: &str) -> Vec<NavLink<AdminPage>> {
    let path = bare(path);
    if !platform_admin || !within(path, "/admin") {
        return Vec::new();
    }
    AdminPage::ALL
        .into_iter()
        .map(|page| NavLink { place: page, href: page.href().to_owned(), current: within(path, page.href()) })
        .collect()
}

/// The organisation a menu is for: the one in the path when the user is a member of it (a link from a notice may
/// lead into another of the user's organisations), else the one the user works in now.
pub fn menu_org(memberships: &[NavOrg], active: Option<NavOrg>, path: &str) -> Option<NavOrg> {
    let in_path = bare(path)
        .strip_prefix("/orgs/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse::<i64>().ok())
        .and_then(|id| memberships.iter().find(|o| o.id == id).copied());
    in_path.or(active)
}

/// The organisation of the page asked for, by [`menu_org`]: its menus and its header search are that one's.
pub fn page_org(auth: &Auth) -> Option<NavOrg> {
    let memberships: Vec<NavOrg> = auth.memberships.iter().map(|(o, _)| NavOrg { id: o.id, kind: o.kind }).collect();
    let active = auth.active().map(|(o, _)| NavOrg { id: o.id, kind: o.kind });
    menu_org(&memberships, active, &auth.ctx.path)
}

/// The path without its query or fragment.
fn bare(path: &str) -> &str {
    path.split(['?', '#']).next().unwrap_or_default()
}

/// Whether `path` is `section` or a page under it (`/orgs/1` holds `/orgs/1/x`, not `/orgs/12`).
fn within(path: &str, section: &str) -> bool {
    path.strip_prefix(section).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A menu link as the layout shows it.
#[derive(Debug, Clone)]
pub struct MenuLink {
    /// The link text.
    pub label: String,
    /// Where it leads.
    pub href: String,
    /// Whether the user is here (`aria-current="page"`).
    pub current: bool,
}

impl MenuLink {
    fn new<P>(link: NavLink<P>, label: impl Fn(P) -> String) -> Self {
        Self { label: label(link.place), href: link.href, current: link.current }
    }
}

/// A page's menus with their texts in the user's language.
#[derive(Debug, Clone, Default)]
pub struct Menus {
    /// The main menu.
    pub main: Vec<MenuLink>,
    /// The administration's menu, on its pages only.
    pub admin: Vec<MenuLink>,
    /// The phone menu's button: "Menu", with the current place when there is one.
    pub button: String,
}

impl Menus {
    /// The menus for the logged-in user of `auth`, on the page asked for.
    pub fn for_user(auth: &Auth) -> Self {
        let (t, nt) = (auth.ctx.t(), NavTexts::of(auth.ctx.lang));
        let (admin, path) = (auth.user.is_platform_admin, auth.ctx.path.as_str());
        let org = page_org(auth);
        let org_name = org
            .and_then(|o| auth.memberships.iter().find(|(m, _)| m.id == o.id))
            .map(|(m, _)| m.name.clone())
            .unwrap_or_default();
        let label = |place: Place| match place {
            Place::Dashboard => t.nav_dashboard.to_owned(),
            Place::Module(module) => module_name(nt, module).to_owned(),
            Place::Organisation => org_name.clone(),
            Place::Admin => nt.nav_admin.to_owned(),
        };
        let admin_label = |page: AdminPage| {
            match page {
                AdminPage::Orgs => t.nav_orgs,
                AdminPage::Users => t.nav_users,
                AdminPage::Audit => t.nav_audit,
                AdminPage::Outbox => t.nav_outbox,
                AdminPage::Decrees => t.nav_decrees,
                AdminPage::Afspraken => nt.nav_afspraken_overview,
            }
            .to_owned()
        };
        let main: Vec<MenuLink> = main_nav(org, admin, path).into_iter().map(|l| MenuLink::new(l, label)).collect();
        let button = match main.iter().find(|l| l.current) {
            Some(here) => nt.nav_menu_here(&here.label),
            None => nt.nav_menu.to_owned(),
        };
        Self {
            admin: admin_nav(admin, path).into_iter().map(|l| MenuLink::new(l, admin_label)).collect(),
            main,
            button,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WOONSTAD: NavOrg = NavOrg { id: 1, kind: OrgKind::Corporation };
    const SLEUTEL: NavOrg = NavOrg { id: 2, kind: OrgKind::TenantOrganisation };
    const GEMEENTE: NavOrg = NavOrg { id: 4, kind: OrgKind::Municipality };
    const VAN_DIJK: NavOrg = NavOrg { id: 5, kind: OrgKind::Supplier };

    fn hrefs(links: &[NavLink<Place>]) -> Vec<&str> {
        links.iter().map(|l| l.href.as_str()).collect()
    }

    fn current(links: &[NavLink<Place>]) -> Vec<Place> {
        links.iter().filter(|l| l.current).map(|l| l.place).collect()
    }

    #[test]
    fn a_corporation_reaches_every_module() {
        let links = main_nav(Some(WOONSTAD), false, "/dashboard");
        assert_eq!(
            hrefs(&links),
            [
                "/dashboard",
                "/orgs/1/stock",
                "/orgs/1/participatie",
                "/orgs/1/overleg",
                "/orgs/1/afspraken",
                "/orgs/1/sr",
                "/orgs/1/signalering",
                "/orgs/1/nazorg",
                "/orgs/1/initiatieven",
                "/orgs/1"
            ]
        );
    }

    #[test]
    fn a_tenant_organisation_has_no_stock_and_no_social_return() {
        let links = main_nav(Some(SLEUTEL), false, "/dashboard");
        assert_eq!(
            hrefs(&links),
            [
                "/dashboard",
                "/orgs/2/participatie",
                "/orgs/2/overleg",
                "/orgs/2/afspraken",
                "/orgs/2/initiatieven",
                "/orgs/2"
            ]
        );
    }

    #[test]
    fn a_municipality_starts_its_participatiekaart_at_the_coverage_figures() {
        let links = main_nav(Some(GEMEENTE), false, "/orgs/4/participatie/dekking/kaart?corporatie=1");
        assert_eq!(
            hrefs(&links),
            [
                "/dashboard",
                "/orgs/4/participatie/dekking",
                "/orgs/4/afspraken",
                "/orgs/4/sr",
                "/orgs/4/signalering",
                "/orgs/4/nazorg",
                "/orgs/4"
            ]
        );
        assert_eq!(current(&links), [Place::Module(Module::Participatie)]);
    }

    #[test]
    fn a_supplier_has_social_return_only() {
        let links = main_nav(Some(VAN_DIJK), false, "/orgs/5/sr/contracten/3");
        assert_eq!(hrefs(&links), ["/dashboard", "/orgs/5/sr", "/orgs/5"]);
        assert_eq!(current(&links), [Place::Module(Module::SocialReturn)]);
    }

    #[test]
    fn administration_is_for_platform_administrators_only() {
        let member = main_nav(Some(WOONSTAD), false, "/admin/users");
        assert!(!member.iter().any(|l| l.place == Place::Admin));
        assert!(current(&member).is_empty(), "a member is nowhere in the menu on an admin page");
        let admin = main_nav(None, true, "/admin/users/7");
        assert_eq!(hrefs(&admin), ["/dashboard", "/admin/orgs"]);
        assert_eq!(current(&admin), [Place::Admin]);
    }

    #[test]
    fn the_deepest_section_is_current_and_only_one() {
        let at = |path| current(&main_nav(Some(WOONSTAD), false, path));
        assert_eq!(at("/orgs/1/stock/clusters/9"), [Place::Module(Module::Bezit)]);
        assert_eq!(at("/orgs/1/overleg?alle=1"), [Place::Module(Module::Overleg)]);
        assert_eq!(at("/orgs/1"), [Place::Organisation]);
        assert_eq!(at("/orgs/1/api-tokens"), [Place::Organisation]);
        assert_eq!(at("/dashboard?notice=saved"), [Place::Dashboard]);
        assert_eq!(at("/orgs/12"), [], "another organisation's page is not this one's");
        assert_eq!(at("/orgs/1/stocks"), [Place::Organisation], "a section is whole segments");
        assert_eq!(at("/invitations"), []);
    }

    #[test]
    fn without_an_organisation_only_the_dashboard() {
        assert_eq!(hrefs(&main_nav(None, false, "/dashboard")), ["/dashboard"]);
    }

    #[test]
    fn the_admin_menu_marks_its_page() {
        let links = admin_nav(true, "/admin/users/3");
        assert_eq!(links.len(), AdminPage::ALL.len());
        assert_eq!(links.iter().filter(|l| l.current).map(|l| l.place).collect::<Vec<_>>(), [AdminPage::Users]);
        assert!(admin_nav(true, "/dashboard").is_empty());
        assert!(admin_nav(false, "/admin/users").is_empty());
    }

    #[test]
    fn the_menu_follows_the_organisation_in_the_path_when_the_user_belongs_to_it() {
        let mine = [SLEUTEL, NavOrg { id: 3, kind: OrgKind::TenantOrganisation }];
        assert_eq!(menu_org(&mine, Some(SLEUTEL), "/orgs/3/overleg/8").map(|o| o.id), Some(3));
        assert_eq!(menu_org(&mine, Some(SLEUTEL), "/orgs/1/overleg").map(|o| o.id), Some(2), "not a member of 1");
        assert_eq!(menu_org(&mine, Some(SLEUTEL), "/dashboard").map(|o| o.id), Some(2));
        assert_eq!(menu_org(&mine, Some(SLEUTEL), "/orgs/x").map(|o| o.id), Some(2));
        assert_eq!(menu_org(&[], None, "/orgs/1"), None);
    }
}
