//! The permission matrix: every route × every role × own or other organisation, asserting allow or deny.
//!
//! "Allowed" means the request got past the access check (any answer but 403 or a redirect to the login page);
//! "denied" means exactly that 403 (or, for a visitor, the login redirect). The forms sent are valid enough that a
//! denied request could not be mistaken for a form error, and harmless where they are allowed.

mod common;

use axum::http::{Method, StatusCode};
use common::TestApp;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Need {
    /// Anyone, logged in or not.
    Public,
    /// Any logged-in user.
    LoggedIn,
    /// Membership of the organisation in the path (any role).
    OrgView,
    /// Staff or admin role in the organisation in the path.
    OrgEdit,
    /// Staff or admin role through the user's own membership: lists of persons, and a party's own steps and voice
    /// (ADR 0059), which the platform administrator's grant does not open.
    MemberEdit,
    /// Admin role in the organisation in the path.
    OrgManage,
    /// Platform administrator.
    Platform,
    /// An API token; no session opens the API.
    Token,
}

#[derive(Clone, Copy, Debug)]
enum Who {
    Visitor,
    PlatformAdmin,
    OrgAdmin,
    Staff,
    ReadOnly,
}

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Who::Visitor => None,
            Who::PlatformAdmin => Some("beheer@volkshuis.test"),
            Who::OrgAdmin => Some("admin@woonstad.test"),
            Who::Staff => Some("medewerker@woonstad.test"),
            Who::ReadOnly => Some("lezer@woonstad.test"),
        }
    }
}

struct Route {
    method: Method,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    need: Need,
}

/// Every route but `/metrics`, which no role opens (only the scraper's token: `operations.rs`).
fn routes() -> Vec<Route> {
    use Need::*;
    let get = |path, need| Route { method: Method::GET, path, form: &[], need };
    let post = |path, form, need| Route { method: Method::POST, path, form, need };
    vec![
        get("/login", Public),
        get("/password/forgot", Public),
        get("/password/reset?token=x", Public),
        get("/healthz", Public),
        get("/static/app.css", Public),
        get("/static/favicon.svg", Public),
        get("/favicon.ico", Public),
        post("/language", &[("lang", "nl"), ("back", "/")], Public),
        post("/password/forgot", &[("email", "niemand@example.nl")], Public),
        get("/", Public),
        get("/dashboard", LoggedIn),
        get("/invitations", LoggedIn),
        get("/account/wachtwoord", LoggedIn),
        post(
            "/account/wachtwoord",
            &[("current_password", "fout"), ("password", "kort"), ("confirm", "kort")],
            LoggedIn,
        ),
        post("/invitations/999999/accept", &[], LoggedIn),
        post("/invitations/999999/decline", &[], LoggedIn),
        post("/orgs/switch", &[("org_id", "{org}")], OrgView),
        get("/orgs/{org}", OrgView),
        post("/orgs/{org}/members", &[("email", "beheer@volkshuis.test"), ("role", "read_only")], OrgManage),
        post("/orgs/{org}/members/{member}/role", &[("role", "read_only")], OrgManage),
        post("/orgs/{org}/members/999999/remove", &[], OrgManage),
        get("/orgs/{org}/stock", OrgView),
        get("/orgs/{org}/stock?huur=lib&q=x&page=2", OrgView),
        get("/orgs/{org}/stock/clusters", OrgView),
        get("/orgs/{org}/stock/clusters/999999", OrgView),
        get("/orgs/{org}/stock/units/999999", OrgView),
        get("/orgs/{org}/stock/template.csv", OrgView),
        get("/orgs/{org}/stock/map", OrgView),
        get("/orgs/{org}/stock/map.json?zoom=7&bbox=3.2,50.7,7.3,53.6", OrgView),
        get("/orgs/{org}/stock/map.json?zoom=17&bbox=4.8,52.3,4.9,52.4", OrgView),
        get("/static/map.js", Public),
        get("/orgs/{org}/kaart/gemeenten.json?zoom=7&bbox=3.2,50.7,7.3,53.6", OrgView),
        get("/static/outlines.js", Public),
        get("/static/pickers-nl.js", Public),
        get("/static/pickers-en.js", Public),
        get("/orgs/{org}/kiezen/complexen?q=a", OrgView),
        get("/orgs/{org}/kiezen/buurten?q=BU", OrgView),
        get("/orgs/{org}/zoeken?q=kerk", OrgView),
        get("/orgs/{org}/plek/complexen/999999", OrgView),
        get("/orgs/{org}/plek/complexen/999999/afdrukken", OrgView),
        get("/orgs/{org}/plek/buurten/BU01500201", OrgView),
        get("/orgs/{org}/plek/buurten/BU01500201/afdrukken", OrgView),
        get("/orgs/{org}/zoeken?q=1234AB%2012", OrgView),
        get("/static/search.js", Public),
        post("/orgs/{org}/participatie/contact", &[("public_contact", "")], OrgManage),
        get("/api/v1/openapi.json", Public),
        get("/api/v1/eenheden", Token),
        get("/api/v1/eenheden/1", Token),
        get("/api/v1/clusters", Token),
        get("/orgs/{org}/api-tokens", OrgManage),
        post("/orgs/{org}/api-tokens", &[("name", "")], OrgManage),
        post("/orgs/{org}/api-tokens/999999/revoke", &[], OrgManage),
        get("/orgs/{org}/inzagelog", OrgManage),
        get("/orgs/{org}/inzagelog?from=01-01-2026&until=31-12-2026&before=5", OrgManage),
        get("/orgs/{org}/stock/import", OrgEdit),
        get("/orgs/{org}/stock/import/reports/999999", OrgEdit),
        get("/orgs/{org}/stock/import/runs/999999", OrgEdit),
        get("/orgs/{org}/overleg", OrgView),
        get("/orgs/{org}/overleg?alle=1", OrgView),
        get("/orgs/{org}/overleg/nieuw", MemberEdit),
        post("/orgs/{org}/overleg/partners", &[("tenant_org_id", ""), ("agreed_weeks", "")], OrgManage),
        post("/orgs/{org}/overleg/partners/999999/aanvaarden", &[], OrgManage),
        post("/orgs/{org}/overleg/partners/999999/afwijzen", &[], OrgManage),
        post("/orgs/{org}/overleg/999999/antwoord/intrekken", &[("version", "1")], MemberEdit),
        get("/orgs/{org}/overleg/999999", OrgView),
        get("/orgs/{org}/overleg/999999/afdrukken", OrgView),
        get("/orgs/{org}/overleg/999999/documenten/1", OrgView),
        post("/orgs/{org}/overleg/999999/opmerkingen", &[("text", "x")], MemberEdit),
        post("/orgs/{org}/overleg/999999/vragen", &[("text", "x")], MemberEdit),
        post("/orgs/{org}/overleg/999999/vragen/1", &[("text", "x")], MemberEdit),
        get("/orgs/{org}/overleg/jaar/2026", OrgView),
        post(
            "/orgs/{org}/overleg/vergaderingen",
            &[("meeting_tenant", ""), ("held_on", ""), ("title", "")],
            MemberEdit,
        ),
        get("/orgs/{org}/overleg/vergaderingen/999999", OrgView),
        post("/orgs/{org}/overleg/vergaderingen/999999/agendapunten", &[("text", "x")], MemberEdit),
        post("/orgs/{org}/overleg/vergaderingen/999999/verslag", &[("text", "x")], MemberEdit),
        post("/orgs/{org}/overleg/budget", &[("budget_tenant", ""), ("year", ""), ("amount", "")], MemberEdit),
        get("/orgs/{org}/overleg/budget/1/2026", OrgView),
        post("/orgs/{org}/overleg/budget/1/2026/uitgaven", &[("category", "")], MemberEdit),
        post("/orgs/{org}/overleg/budget/1/2026/verantwoord", &[], MemberEdit),
        post("/notifications/999999/read", &[], LoggedIn),
        get("/orgs/{org}/participatie", OrgView),
        get("/orgs/{org}/participatie/groepen/nieuw", OrgEdit),
        post("/orgs/{org}/participatie/groepen/nieuw", &[("name", "")], OrgEdit),
        get("/orgs/{org}/participatie/groepen/999999", OrgView),
        post("/orgs/{org}/participatie/groepen/999999/activiteiten", &[], OrgEdit),
        post("/orgs/{org}/participatie/groepen/999999/criteria", &[], OrgEdit),
        post("/orgs/{org}/participatie/groepen/999999/beeindigen", &[], OrgEdit),
        get("/orgs/{org}/participatie/groepen/999999/bewerken", OrgEdit),
        get("/orgs/{org}/participatie/dekking", OrgView),
        get("/orgs/{org}/participatie/dekking?per=complex", OrgView),
        post("/orgs/{org}/participatie/dekking/999999/herberekenen", &[], OrgEdit),
        get("/orgs/{org}/participatie/diagnose/999999/2026", OrgView),
        post("/orgs/{org}/participatie/diagnose/999999/2026", &[], OrgEdit),
        post("/orgs/{org}/participatie/groepen/999999/berichten", &[], OrgEdit),
        post("/orgs/{org}/participatie/berichten/999999/besluit", &[("decision", "approve")], OrgEdit),
        get("/orgs/{org}/participatie/berichten/999999/brieven", MemberEdit),
        get("/orgs/{org}/participatie/berichten/999999/brieven.csv", MemberEdit),
        get("/orgs/{org}/participatie/dekking/kaart", OrgView),
        get("/orgs/{org}/participatie/dekking/kaart.json", OrgView),
        get("/doe-mee", Public),
        get("/doe-mee?postcode=1011AA&huisnummer=1", Public),
        post("/doe-mee/groepen/999999", &[("postcode", "1011AA"), ("huisnummer", "1")], Public),
        get("/orgs/{org}/sr", OrgView),
        get("/orgs/{org}/sr/tabellen", OrgView),
        get("/orgs/{org}/sr/tabellen/999999", OrgView),
        get("/orgs/{org}/sr/tabellen/nieuw", OrgManage),
        post("/orgs/{org}/sr/tabellen/voorbeeld", &[("which", "none")], OrgManage),
        post("/orgs/{org}/sr/tabellen/nieuw", &[("name", "")], OrgManage),
        get("/orgs/{org}/sr/contracten/nieuw", OrgEdit),
        post("/orgs/{org}/sr/contracten/nieuw", &[("title", "")], OrgEdit),
        get("/orgs/{org}/sr/contracten/999999", OrgView),
        post("/orgs/{org}/sr/contracten/999999/afrekening", &[], OrgEdit),
        post("/orgs/{org}/sr/contracten/999999/bijdragen/1/besluit", &[("decision", "approve")], OrgEdit),
        post("/orgs/{org}/sr/contracten/999999/bijdragen/1/huurder", &[], OrgEdit),
        get("/orgs/{org}/sr/contracten/999999/bewijs/1", OrgView),
        get("/orgs/{org}/sr/export.csv", OrgView),
        get("/orgs/{org}/sr/export.xlsx", OrgView),
        get("/orgs/{org}/sr/jaar/2026", OrgView),
        get("/orgs/{org}/sr/coordinatoren", OrgView),
        post("/orgs/{org}/sr/coordinatoren", &[("coordinator_id", "999999")], OrgManage),
        get("/admin/orgs", Platform),
        get("/admin/orgs/new", Platform),
        post("/admin/orgs/new", &[("name", ""), ("code", ""), ("kind", "")], Platform),
        get("/admin/orgs/{org}/edit", Platform),
        post("/admin/orgs/{org}/edit", &[("name", ""), ("code", ""), ("kind", "")], Platform),
        get("/admin/users", Platform),
        get("/admin/users/new", Platform),
        post("/admin/users/new", &[("name", ""), ("email", "")], Platform),
        get("/admin/users/{member}", Platform),
        post("/admin/users/{member}", &[("name", "")], Platform),
        post("/admin/users/{member}/memberships", &[("org_id", ""), ("role", "")], Platform),
        post("/admin/users/{member}/memberships/999999/remove", &[], Platform),
        get("/admin/audit", Platform),
        get("/admin/outbox", Platform),
        get("/admin/decrees", Platform),
        post("/admin/decrees", &[("name", ""), ("first_year", ""), ("last_year", "")], Platform),
        get("/admin/outbox/999999", Platform),
        post("/logout", &[], LoggedIn),
    ]
}

fn expected(need: Need, who: Who, own_org: bool) -> bool {
    match (need, who) {
        (Need::Public, _) => true,
        (Need::Token, _) => false,
        (_, Who::Visitor) => false,
        (Need::MemberEdit, Who::OrgAdmin | Who::Staff) => own_org,
        (Need::MemberEdit, _) => false,
        (_, Who::PlatformAdmin) => true,
        (Need::LoggedIn, _) => true,
        (Need::OrgView, _) => own_org,
        (Need::OrgEdit, Who::OrgAdmin | Who::Staff) => own_org,
        (Need::OrgEdit, _) => false,
        (Need::OrgManage, Who::OrgAdmin) => own_org,
        (Need::OrgManage, _) => false,
        (Need::Platform, _) => false,
    }
}

/// Logs `who` in (a visitor only fetches the login page, for its form cookie) and returns the cookies.
async fn sign_in(app: &mut TestApp, who: Who) -> std::collections::HashMap<String, String> {
    match who.email() {
        Some(email) => {
            app.login(email).await;
        }
        None => {
            app.clear_cookies();
            app.get("/login").await;
        }
    }
    app.cookies_snapshot()
}

async fn matrix(mut app: TestApp) {
    let own = app.org_id("woonstad").await;
    let other = app.org_id("hv-de-sleutel").await;
    let member = app.user_id("lezer@woonstad.test").await.to_string();
    let mut failures = Vec::new();
    let mut checked = 0;
    for who in [Who::Visitor, Who::PlatformAdmin, Who::OrgAdmin, Who::Staff, Who::ReadOnly] {
        // One login per role (a password hash is the costliest step of a request); each route starts from the cookies
        // that login left, and a route that ends the session (logout) is followed by a new login.
        let mut jar = sign_in(&mut app, who).await;
        for (org, own_org) in [(own, true), (other, false)] {
            for route in routes() {
                if !route.path.contains("{org}") && !own_org {
                    continue; // routes without an organisation are checked once
                }
                app.restore_cookies(&jar);
                let path = route.path.replace("{org}", &org.to_string()).replace("{member}", &member);
                let form: Vec<(String, String)> =
                    route.form.iter().map(|(k, v)| (k.to_string(), v.replace("{org}", &org.to_string()))).collect();
                let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let response =
                    if route.method == Method::GET { app.get(&path).await } else { app.post(&path, &fields).await };
                let denied = response.status == StatusCode::FORBIDDEN
                    || response.is_login_redirect()
                    || (route.need == Need::Token && response.status == StatusCode::UNAUTHORIZED);
                let allowed = !denied;
                if response.status.is_server_error() {
                    failures.push(format!("{who:?} {} {path}: server error {}", route.method, response.status));
                } else if allowed != expected(route.need, who, own_org) {
                    failures.push(format!(
                        "{who:?} {} {path} (own org: {own_org}): got {} {:?}, expected {}",
                        route.method,
                        response.status,
                        response.location(),
                        if expected(route.need, who, own_org) { "allow" } else { "deny" }
                    ));
                } else if denied
                    && who.email().is_some()
                    && route.need != Need::Token
                    && response.status != StatusCode::FORBIDDEN
                {
                    failures.push(format!("{who:?} {} {path}: logged-in denial must be 403", route.method));
                }
                checked += 1;
                if route.path == "/logout" {
                    jar = sign_in(&mut app, who).await;
                }
            }
        }
    }
    assert!(checked > 150, "the matrix covers {checked} cases");
    assert!(failures.is_empty(), "{} permission failures:\n{}", failures.len(), failures.join("\n"));
}

on_both_backends!(matrix);

/// A 403 shows the page, never the data: a staff member of another organisation asking for Woonstad's members.
async fn denied_pages_show_no_data(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    app.login("bestuur@desleutel.test").await;
    let response = app.get(&format!("/orgs/{woonstad}")).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(response.body.contains("Geen toegang"));
    // Someone of another organisation is sent to that organisation's administrator, not to their own.
    assert!(response.body.contains("de beheerder van de organisatie waar deze pagina bij hoort"), "{}", response.body);
    assert!(!response.body.contains("Carla Smit") && !response.body.contains("lezer@woonstad.test"));
    // It says they are no member there, without naming the organisation they do not belong to.
    assert!(
        response.main().contains("U bent geen lid van de organisatie waar deze pagina bij hoort."),
        "{}",
        response.main()
    );
    assert!(!response.main().contains("Woonstad"), "{}", response.main());
    // A member is told their role there: a reader who tries to change the referral partners.
    app.login("lezer@woonstad.test").await;
    let partners = format!("/orgs/{woonstad}/signalering/verwijspartners");
    let refused = app.post(&partners, &[("partner_id", "1")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.main().contains("Uw rol bij Woonstad Voorbeeld: Alleen lezen."), "{}", refused.main());
    // A text typed into a form the role does not allow (a member demoted while the page stood open) comes back on
    // the refusal, read-only, with the role; a bare id is not shown back.
    assert!(!refused.body.contains("data-typed"), "{}", refused.main());
    let typed = "Graag de partner van de wijk erbij, zie mijn notitie van maandag.";
    let refused = app.post(&partners, &[("partner_id", "1"), ("note", typed)]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.main().contains("Uw rol bij Woonstad Voorbeeld: Alleen lezen."), "{}", refused.main());
    assert!(refused.main().contains(typed) && refused.body.contains("data-typed"), "{}", refused.main());
    // Outside the organisations' pages (a platform page) no role is named.
    let platform = app.get("/admin/users").await;
    assert_eq!(platform.status, StatusCode::FORBIDDEN);
    assert!(!platform.main().contains("Uw rol") && !platform.main().contains("geen lid"), "{}", platform.main());
}

on_both_backends!(denied_pages_show_no_data);
