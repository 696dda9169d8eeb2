//! The main navigation and the controls on each module's pages, through the real router on both databases: every
//! demo role's menu offers exactly the modules its organisation reaches and every menu link opens; the place is
//! marked; deep pages carry breadcrumbs; a read-only user sees no control that would end in "Geen toegang".

mod common;

use axum::http::StatusCode;
use common::{Resp, TestApp};
use volkshuis_store::testdb::sql;

on_both_backends!(
    each_role_is_offered_what_it_reaches_and_every_link_opens,
    the_menu_follows_the_organisation_in_the_path,
    deep_pages_carry_breadcrumbs,
    a_read_only_user_sees_no_control_that_is_refused,
    staff_sees_the_controls_of_its_work_and_not_the_administrators,
    the_organisation_administrator_sees_the_management_controls,
    small_things_read_as_everywhere_else
);

const ADMIN: &str = "admin@woonstad.test";
const STAFF: &str = "medewerker@woonstad.test";
const READER: &str = "lezer@woonstad.test";

/// The text between the first `start` and the next `end` after it (empty when `start` is absent).
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    body.split_once(start).and_then(|(_, rest)| rest.split_once(end)).map(|(inside, _)| inside).unwrap_or_default()
}

/// Every value of `attribute="…"` in `html`, in order.
fn values(html: &str, attribute: &str) -> Vec<String> {
    let marker = format!("{attribute}=\"");
    html.split(&marker).skip(1).filter_map(|s| s.split('"').next()).map(|v| v.replace("&amp;", "&")).collect()
}

/// The main menu's links (the wide list; the phone list is the same).
fn menu(body: &str) -> Vec<String> {
    values(between(body, "<ul class=\"menu-wide\">", "</ul>"), "href")
}

/// The menu links marked as the current place.
fn current(body: &str) -> Vec<String> {
    between(body, "<ul class=\"menu-wide\">", "</ul>")
        .split("<li>")
        .filter(|item| item.contains("aria-current=\"page\""))
        .flat_map(|item| values(item, "href"))
        .collect()
}

/// The actions of the page's forms that post into an organisation (the header's language and logout forms, and
/// the dashboard's switch between organisations, do not change an organisation's data).
fn posts_into_orgs(body: &str) -> Vec<String> {
    body.split("<form")
        .skip(1)
        .filter_map(|form| form.split_once('>').map(|(tag, _)| tag))
        .filter(|tag| tag.contains("method=\"post\""))
        .flat_map(|tag| values(tag, "action"))
        .filter(|action| action.starts_with("/orgs/") && action != "/orgs/switch")
        .collect()
}

/// The links in the page's content (not the header) that lead into an organisation.
fn links_into_orgs(body: &str) -> Vec<String> {
    let content = body.split_once("<main id=\"main\">").map(|(_, main)| main).unwrap_or(body);
    let mut links: Vec<String> =
        values(content, "href").into_iter().filter(|href| href.starts_with("/orgs/")).collect();
    links.sort();
    links.dedup();
    links
}

async fn ok_page(app: &mut TestApp, path: &str) -> Resp {
    let page = app.get(path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
    page
}

async fn each_role_is_offered_what_it_reaches_and_every_link_opens(mut app: TestApp) {
    let id = |code| app.org_id(code);
    let (woonstad, noord, gemeente, van_dijk, wijkteam) = (
        id("woonstad").await,
        id("bewonersraad-noord").await,
        id("gm-voorbeeldstad").await,
        id("bouwbedrijf-van-dijk").await,
        id("wijkteam-centrum").await,
    );
    let corporation = |o: i64| {
        vec![
            "/dashboard".to_owned(),
            format!("/orgs/{o}/stock"),
            format!("/orgs/{o}/participatie"),
            format!("/orgs/{o}/overleg"),
            format!("/orgs/{o}/afspraken"),
            format!("/orgs/{o}/sr"),
            format!("/orgs/{o}/signalering"),
            format!("/orgs/{o}/nazorg"),
            format!("/orgs/{o}/initiatieven"),
            format!("/orgs/{o}"),
        ]
    };
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("beheer@volkshuis.test", vec!["/dashboard".into(), "/admin/orgs".into()]),
        (ADMIN, corporation(woonstad)),
        (STAFF, corporation(woonstad)),
        (READER, corporation(woonstad)),
        (
            "secretaris@bewonersraadnoord.test",
            vec![
                "/dashboard".into(),
                format!("/orgs/{noord}/participatie"),
                format!("/orgs/{noord}/overleg"),
                format!("/orgs/{noord}/afspraken"),
                format!("/orgs/{noord}/initiatieven"),
                format!("/orgs/{noord}"),
            ],
        ),
        (
            "beleid@voorbeeldstad.test",
            vec![
                "/dashboard".into(),
                format!("/orgs/{gemeente}/participatie/dekking"),
                format!("/orgs/{gemeente}/afspraken"),
                format!("/orgs/{gemeente}/sr"),
                format!("/orgs/{gemeente}/signalering"),
                format!("/orgs/{gemeente}/nazorg"),
                format!("/orgs/{gemeente}"),
            ],
        ),
        ("sroi@vandijk.test", vec!["/dashboard".into(), format!("/orgs/{van_dijk}/sr"), format!("/orgs/{van_dijk}")]),
        (
            "coordinator@wijkteam.test",
            vec![
                "/dashboard".into(),
                format!("/orgs/{wijkteam}/sr"),
                format!("/orgs/{wijkteam}/signalering"),
                format!("/orgs/{wijkteam}/nazorg"),
                format!("/orgs/{wijkteam}/initiatieven"),
                format!("/orgs/{wijkteam}"),
            ],
        ),
    ];
    for (email, expected) in cases {
        app.login(email).await;
        let dashboard = ok_page(&mut app, "/dashboard").await;
        assert_eq!(menu(&dashboard.body), expected, "the menu of {email}");
        assert_eq!(current(&dashboard.body), ["/dashboard"], "{email} is on the dashboard");
        // The phone menu holds the same links behind its disclosure.
        let phone = between(&dashboard.body, "<details class=\"menu-narrow\">", "</details>");
        assert_eq!(values(phone, "href"), expected, "the phone menu of {email}");
        // The menu agrees with the server: each link opens for this user, and marks itself there.
        for link in &expected {
            let page = ok_page(&mut app, link).await;
            assert_eq!(current(&page.body), std::slice::from_ref(link), "{email} at {link}");
        }
    }
}

async fn the_menu_follows_the_organisation_in_the_path(mut app: TestApp) {
    let (sleutel, noord) = (app.org_id("hv-de-sleutel").await, app.org_id("bewonersraad-noord").await);
    // Dirk works for De Sleutel and for Bewonersraad Noord: a link into either shows that one's menu, whichever he
    // works for now.
    app.login("bestuur@desleutel.test").await;
    let sleutel_groups = ok_page(&mut app, &format!("/orgs/{sleutel}/participatie")).await;
    assert_eq!(current(&sleutel_groups.body), [format!("/orgs/{sleutel}/participatie")]);
    assert!(menu(&sleutel_groups.body).contains(&format!("/orgs/{sleutel}")));
    assert!(!menu(&sleutel_groups.body).contains(&format!("/orgs/{noord}")));
    let noord_overleg = ok_page(&mut app, &format!("/orgs/{noord}/overleg?alle=1")).await;
    assert_eq!(current(&noord_overleg.body), [format!("/orgs/{noord}/overleg")]);
    assert!(menu(&noord_overleg.body).contains(&format!("/orgs/{noord}")));
    assert!(noord_overleg.body.contains("Menu: Overleg"), "the phone menu names the place");
    // The header's search box searches the organisation of the page too (it searched the one he works for now).
    assert!(noord_overleg.body.contains(&format!("action=\"/orgs/{noord}/zoeken\" class=\"site-search\"")));
    assert!(sleutel_groups.body.contains(&format!("action=\"/orgs/{sleutel}/zoeken\" class=\"site-search\"")));
    // A deep page marks its module.
    let year = ok_page(&mut app, &format!("/orgs/{noord}/overleg/jaar/2026")).await;
    assert_eq!(current(&year.body), [format!("/orgs/{noord}/overleg")]);
    // The platform administration marks itself and its own page.
    app.login("beheer@volkshuis.test").await;
    let users = ok_page(&mut app, "/admin/users").await;
    assert_eq!(current(&users.body), ["/admin/orgs"]);
    let admin_menu = between(&users.body, "<nav class=\"subnav admin-nav\"", "</nav>");
    assert!(admin_menu.contains("<a href=\"/admin/users\" aria-current=\"page\">"), "{admin_menu}");
    assert_eq!(values(admin_menu, "aria-current").len(), 1);
    // A member of an organisation has no administration in the menu.
    app.login(READER).await;
    assert!(!menu(&ok_page(&mut app, "/dashboard").await.body).iter().any(|l| l.starts_with("/admin")));
}

/// The breadcrumb trail of a page: the links, and the text of the last item (the page itself).
fn breadcrumbs(body: &str) -> (Vec<String>, String) {
    let trail = between(body, "<nav class=\"breadcrumbs\"", "</nav>");
    let here = between(trail, "<li aria-current=\"page\">", "</li>").trim().to_owned();
    (values(trail, "href"), here)
}

async fn deep_pages_carry_breadcrumbs(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    sql::query("INSERT INTO clusters (corporation_id, code, naam) VALUES ($1, 'C0042', 'De Linde')")
        .bind(woonstad)
        .execute(&app.state.db)
        .await
        .expect("complex");
    let cluster: i64 = sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = 'C0042'")
        .bind(woonstad)
        .fetch_one(&app.state.db)
        .await
        .expect("complex id");
    app.login(READER).await;
    let page = ok_page(&mut app, &format!("/orgs/{woonstad}/stock/clusters/{cluster}")).await;
    assert!(page.body.contains("<nav class=\"breadcrumbs\" aria-label=\"Kruimelpad\">"), "{}", page.body);
    assert_eq!(
        breadcrumbs(&page.body),
        (
            vec![format!("/orgs/{woonstad}/stock"), format!("/orgs/{woonstad}/stock/clusters")],
            "De Linde (C0042)".into()
        )
    );
    // A case: Overleg › its title.
    let case = send_case(&mut app, "Nieuwe cv-ketels").await;
    app.login(READER).await;
    let page = ok_page(&mut app, &format!("/orgs/{woonstad}/overleg/{case}")).await;
    assert_eq!(breadcrumbs(&page.body), (vec![format!("/orgs/{woonstad}/overleg")], "Nieuwe cv-ketels".into()));
    // An administration page: its list › the page.
    app.login("beheer@volkshuis.test").await;
    let page = ok_page(&mut app, "/admin/users/new").await;
    assert_eq!(breadcrumbs(&page.body).0, ["/admin/users"]);
    // A list page is not deep: no trail.
    assert!(!ok_page(&mut app, "/admin/users").await.body.contains("class=\"breadcrumbs\""));
}

/// Woonstad's administrator sends a request to De Sleutel (received 25 November 2026); returns the case id.
async fn send_case(app: &mut TestApp, title: &str) -> i64 {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(ADMIN).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{corporation}/overleg/nieuw"),
            &[
                ("tenant_org_id", &tenant),
                ("kind", "advice"),
                ("subject", "maintenance"),
                ("title", title),
                ("explanation", "Wij vervangen de ketels."),
                ("received_on", "25-11-2026"),
                ("agreed_weeks", ""),
                ("clusters", ""),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let location = resp.location().expect("redirect to the case");
    location.split('/').nth(4).and_then(|s| s.split('?').next()).and_then(|s| s.parse().ok()).expect("case id")
}

/// The corporation's pages of every module, and a case.
async fn woonstad_pages(app: &mut TestApp) -> Vec<String> {
    let w = app.org_id("woonstad").await;
    let case = send_case(app, "Onderhoud galerijen").await;
    [
        "stock",
        "stock/clusters",
        "stock/map",
        "participatie",
        "participatie/dekking",
        "overleg",
        "overleg?alle=1",
        "overleg/jaar/2026",
        &format!("overleg/{case}"),
        "sr",
        "sr/tabellen",
        "sr/coordinatoren",
    ]
    .iter()
    .map(|p| format!("/orgs/{w}/{p}"))
    .chain([format!("/orgs/{w}")])
    .collect()
}

async fn a_read_only_user_sees_no_control_that_is_refused(mut app: TestApp) {
    let pages = woonstad_pages(&mut app).await;
    app.login(READER).await;
    let mut links_checked = 0;
    for path in &pages {
        let page = ok_page(&mut app, path).await;
        // Every change needs at least Edit: a read-only user's page has no form that posts into the organisation.
        assert_eq!(posts_into_orgs(&page.body), Vec::<String>::new(), "forms for a read-only user on {path}");
        // And no link on it leads to "Geen toegang".
        for link in links_into_orgs(&page.body) {
            let answer = app.get(&link).await;
            assert_ne!(answer.status, StatusCode::FORBIDDEN, "{link} on {path} is refused to a read-only user");
            links_checked += 1;
        }
    }
    assert!(links_checked > 20, "the pages were read: {links_checked} links");
    let w = app.org_id("woonstad").await;
    let units = ok_page(&mut app, &format!("/orgs/{w}/stock")).await;
    assert!(!units.body.contains("/stock/import\""), "no import in the stock menu");
}

async fn staff_sees_the_controls_of_its_work_and_not_the_administrators(mut app: TestApp) {
    let pages = woonstad_pages(&mut app).await;
    let w = app.org_id("woonstad").await;
    app.login(STAFF).await;
    let mut all_posts = Vec::new();
    for path in &pages {
        let page = ok_page(&mut app, path).await;
        for link in links_into_orgs(&page.body) {
            let answer = app.get(&link).await;
            assert_ne!(answer.status, StatusCode::FORBIDDEN, "{link} on {path} is refused to staff");
        }
        all_posts.extend(posts_into_orgs(&page.body));
    }
    let units = ok_page(&mut app, &format!("/orgs/{w}/stock")).await;
    assert!(units.body.contains(&format!("href=\"/orgs/{w}/stock/import\"")), "staff imports stock");
    let groups = ok_page(&mut app, &format!("/orgs/{w}/participatie")).await;
    assert!(groups.body.contains(&format!("href=\"/orgs/{w}/participatie/groepen/nieuw\"")));
    let overleg = ok_page(&mut app, &format!("/orgs/{w}/overleg")).await;
    assert!(overleg.body.contains(&format!("href=\"/orgs/{w}/overleg/nieuw\"")));
    let sr = ok_page(&mut app, &format!("/orgs/{w}/sr")).await;
    assert!(sr.body.contains(&format!("href=\"/orgs/{w}/sr/contracten/nieuw\"")));
    // Staff posts where Edit suffices (a comment on a case, a meeting in the year) …
    assert!(all_posts.iter().any(|a| a.ends_with("/opmerkingen")), "{all_posts:?}");
    assert!(all_posts.contains(&format!("/orgs/{w}/overleg/vergaderingen")), "{all_posts:?}");
    // … and never where Manage is needed (the tenants' contact list, valuation tables, coordinators, members).
    for manage in ["/participatie/huurders", "/sr/tabellen/voorbeeld", "/sr/coordinatoren", "/members", "/partners"] {
        assert!(!all_posts.iter().any(|a| a.contains(manage)), "staff is shown {manage}: {all_posts:?}");
    }
}

async fn the_organisation_administrator_sees_the_management_controls(mut app: TestApp) {
    let pages = woonstad_pages(&mut app).await;
    app.login(ADMIN).await;
    let mut all_posts = Vec::new();
    for path in &pages {
        all_posts.extend(posts_into_orgs(&ok_page(&mut app, path).await.body));
    }
    for manage in ["/participatie/huurders", "/sr/tabellen/voorbeeld", "/sr/coordinatoren", "/members", "/partners"] {
        assert!(all_posts.iter().any(|a| a.contains(manage)), "the administrator misses {manage}: {all_posts:?}");
    }
}

async fn small_things_read_as_everywhere_else(mut app: TestApp) {
    let w = app.org_id("woonstad").await;
    // The complexes table has a plain column header; the help on codes belongs to the form that asks for one.
    app.login(READER).await;
    let clusters = ok_page(&mut app, &format!("/orgs/{w}/stock/clusters")).await;
    let header = between(&clusters.body, "<thead>", "</thead>");
    assert!(!header.is_empty() && !header.contains("kleine letters"), "{header}");
    // So does the administration's list of organisations.
    app.login("beheer@volkshuis.test").await;
    let orgs = ok_page(&mut app, "/admin/orgs").await;
    let header = between(&orgs.body, "<thead>", "</thead>");
    assert!(header.contains(">Code</th>") && !header.contains("kleine letters"), "{header}");
    // A case's trail shows the day of receipt as every other date: dd-mm-jjjj.
    let case = send_case(&mut app, "Nieuwe voordeuren").await;
    let page = ok_page(&mut app, &format!("/orgs/{w}/overleg/{case}")).await;
    let trail = between(&page.body, "<ol class=\"trail\">", "</ol>");
    assert!(trail.contains("Ontvangen door de organisatie: 25-11-2026"), "{trail}");
    assert!(!trail.contains("2026-11-25"), "{trail}");
}
