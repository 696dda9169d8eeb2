//! The search of every page (issue 23) through the router, on both engines: the box in the header of a member's
//! pages, the route only for members of the organisation in its path, hostile texts harmless, and each result a link
//! to the page its viewer may open.

mod common;

use axum::http::StatusCode;
use common::TestApp;

on_both_backends!(
    the_header_has_a_search_box_for_a_member,
    only_members_search_an_organisation,
    hostile_texts_are_harmless,
    results_show_their_kind_and_link_to_what_the_viewer_may_open,
    a_kind_with_more_results_than_shown_says_so,
);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode";

/// Imports homes on these streets into Woonstad, in complex C1 "Zoekhof" at postcode 1234AB; returns its id (signed
/// in as its administrator).
async fn streets(app: &mut TestApp, streets: &[&str]) -> i64 {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let rows: Vec<String> =
        streets.iter().enumerate().map(|(i, s)| format!("Z{i};ZK1;Zoekhof;{s};{};1234AB;Stad;GM0363", i + 1)).collect();
    let file = format!("{HEADER}\n{}\n", rows.join("\n"));
    let imported =
        app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "s.csv", file.as_bytes()).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    org
}

/// Eight of a kind are shown; with more, the page said "8 resultaten" as if that were all (the walkthrough's find).
/// Now it says there are more and how to narrow them down, and the corporation gets a link to its stock list.
async fn a_kind_with_more_results_than_shown_says_so(mut app: TestApp) {
    let org = streets(&mut app, &["Laan"; 12]).await;
    let page = app.get(&format!("/orgs/{org}/zoeken?q=1234AB")).await;
    let main = page.main();
    assert_eq!(main.matches(r#"<span class="search-kind">Adres</span>"#).count(), 8, "{main}");
    assert!(main.contains("Er zijn meer dan 8 resultaten van de soort „Adres”."), "{main}");
    assert!(
        main.contains("8 resultaten getoond voor „1234AB”; er zijn er meer, zie onder de lijst"),
        "the status line says they are not all: {main}"
    );
    assert!(main.contains(&format!(r#"<a href="/orgs/{org}/stock?q=1234AB">Zoek „1234AB” in uw bezit</a>"#)), "{main}");
    let list = app.get(&format!("/orgs/{org}/stock?q=1234AB")).await;
    assert!(list.main().contains("Laan 12"), "the stock list has them all: {}", list.main());
    // The postcode as typed with a space, and the start of a street: the link takes what the stock list's filter
    // finds them by (the postcode as stored; the street's start).
    let spaced = app.get(&format!("/orgs/{org}/zoeken?q=1234%20ab")).await;
    assert!(spaced.main().contains(&format!(r#"href="/orgs/{org}/stock?q=1234AB""#)), "{}", spaced.main());
    // The street as typed, capitals kept in the link's text (it read "anjer" for "Anjer"); the filter ignores case.
    let street = app.get(&format!("/orgs/{org}/zoeken?q=Laa")).await;
    assert!(
        street.main().contains(&format!(r#"href="/orgs/{org}/stock?q=Laa">Zoek „Laa” in uw bezit"#)),
        "{}",
        street.main()
    );
    let filtered = app.get(&format!("/orgs/{org}/stock?q=Laa")).await;
    assert!(filtered.main().contains("Laan 12"), "{}", filtered.main());
    // A building's BAG pand id finds its homes; with more than eight, the link lists them all (it led nowhere).
    let pand = "0363100012345678";
    volkshuis_store::testdb::sql::query("UPDATE units SET bag_pand_id = $1 WHERE id_extern LIKE 'Z%'")
        .bind(pand)
        .execute(&app.state.db)
        .await
        .expect("pand");
    let building = app.get(&format!("/orgs/{org}/zoeken?q={pand}")).await;
    assert!(building.main().contains("Dit pand heeft meer dan 8 eenheden"), "not 'type more': {}", building.main());
    assert!(building.main().contains(&format!(r#"href="/orgs/{org}/stock?q={pand}">"#)), "{}", building.main());
    let all = app.get(&format!("/orgs/{org}/stock?q={pand}")).await;
    assert!(all.main().contains("Laan 12") && all.main().contains("Laan 1<"), "{}", all.main());
    // All shown: nothing more to say.
    let one = app.get(&format!("/orgs/{org}/zoeken?q=1234AB%201")).await;
    assert!(one.main().contains("1 resultaat") && !one.body.contains("data-more"), "{}", one.main());
    // A tenant organisation is told there are more, without a link to the corporation's stock pages.
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login("bestuur@desleutel.test").await;
    let tenant = app.get(&format!("/orgs/{sleutel}/zoeken?q=1234AB")).await;
    assert!(tenant.main().contains("data-more=\"address\""), "{}", tenant.main());
    assert!(!tenant.main().contains("/stock?q="), "{}", tenant.main());
}

async fn the_header_has_a_search_box_for_a_member(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("lezer@woonstad.test").await;
    for path in ["/dashboard".to_owned(), format!("/orgs/{org}/stock"), format!("/orgs/{org}/overleg")] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let header = &page.body[..page.body.find("<main").expect("main")];
        assert!(header.contains(&format!(r#"action="/orgs/{org}/zoeken""#)), "{path}: {header}");
        assert!(header.contains(r#"<input type="search" id="site-search" name="q""#), "{path}");
        assert!(header.contains(r#"<label for="site-search""#), "{path}: the box has a label");
        assert!(page.body.contains(r#"<script src="/static/search.js" defer>"#), "{path}: the keys");
    }
    let script = app.get("/static/search.js").await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script.body.contains("ArrowDown") && script.body.contains("'/'"));
    app.clear_cookies();
    let login = app.get("/login").await;
    assert!(!login.body.contains("site-search"), "no box for a visitor");
}

async fn only_members_search_an_organisation(mut app: TestApp) {
    let own = streets(&mut app, &["Kerkstraat"]).await;
    let other = app.org_id("hv-de-sleutel").await;
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{own}/zoeken?q=kerk")).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/orgs/{other}/zoeken?q=kerk")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/orgs/999999/zoeken?q=kerk").await.status, StatusCode::NOT_FOUND);
    app.clear_cookies();
    assert!(app.get(&format!("/orgs/{own}/zoeken?q=kerk")).await.is_login_redirect());
}

async fn hostile_texts_are_harmless(mut app: TestApp) {
    let org = streets(&mut app, &["Kerkstraat", "Laan_A", "LaanXA", "Honderd%straat", "Honderdstraat"]).await;
    let search = |q: &str| format!("/orgs/{org}/zoeken?q={q}");

    let long = app.get(&search(&"k".repeat(20_000))).await;
    assert_eq!(long.status, StatusCode::OK);
    assert!(long.main().contains(&format!(r#"value="{}""#, "k".repeat(100))), "the box keeps the bounded text");
    assert!(!long.main().contains(&"k".repeat(101)));

    let nul = app.get(&search("Kerk%00straat%01")).await;
    assert_eq!(nul.status, StatusCode::OK, "{}", nul.body);
    assert!(nul.main().contains("Kerkstraat 1"), "control characters are no part of the text");

    for wildcard in ["%25%25", "__", "%25", "_%25"] {
        let page = app.get(&search(wildcard)).await;
        assert_eq!(page.status, StatusCode::OK, "{wildcard}");
        assert!(!page.main().contains("data-search-results"), "{wildcard} finds nothing: {}", page.main());
    }
    let underscore = app.get(&search("laan_a")).await;
    assert!(underscore.main().contains("Laan_A") && !underscore.main().contains("LaanXA"), "_ is no wildcard");
    let percent = app.get(&search("honderd%25")).await;
    assert!(percent.main().contains("Honderd%straat") && !percent.main().contains("Honderdstraat 5"));

    let script = app.get(&search("%3Cscript%3Ealert(1)%3C/script%3E")).await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(!script.body.contains("<script>alert(1)"), "typed text is escaped");
    assert!(script.main().contains("Niets gevonden"), "no results says so: {}", script.main());
    assert!(!script.main().contains("Typ minstens twee tekens"), "a text long enough is not asked to be longer");
    assert!(
        script.main().contains(r#"value="&#60;script&#62;alert(1)&#60;/script&#62;""#),
        "and keeps the text in the box: {}",
        script.main()
    );

    let quote = app.get(&search("%27%3B%20DROP%20TABLE%20units%3B%20--")).await;
    assert_eq!(quote.status, StatusCode::OK);
    assert!(app.get(&search("kerk")).await.main().contains("Kerkstraat 1"), "units are still there");

    for short in ["", "k", "%20%20", "%00"] {
        let page = app.get(&search(short)).await;
        assert_eq!(page.status, StatusCode::OK, "{short:?}");
        assert!(page.main().contains("Typ minstens twee tekens"), "{short:?}: the help");
    }
    assert!(app.get(&search("k")).await.main().contains(r#"value="k""#), "a short text stays in the box");
}

async fn results_show_their_kind_and_link_to_what_the_viewer_may_open(mut app: TestApp) {
    let org = streets(&mut app, &["Kerkstraat", "Kerkpad"]).await;
    let page = app.get(&format!("/orgs/{org}/zoeken?q=1234ab%201")).await;
    let main = page.main();
    assert!(main.contains("1 resultaat"), "{main}");
    assert!(main.contains(r#"<span class="search-kind">Adres</span>"#), "the kind is shown: {main}");
    assert!(main.contains(&format!(r#"href="/orgs/{org}/stock/units/"#)), "the owner's unit page: {main}");

    let complex = app.get(&format!("/orgs/{org}/zoeken?q=zoekhof")).await;
    assert!(complex.main().contains(r#"<span class="search-kind">Complex</span>"#), "{}", complex.main());
    let cluster_link = format!(r#"href="/orgs/{org}/plek/complexen/"#);
    assert!(complex.main().contains(&cluster_link), "{}", complex.main());

    // Street prefix, ranked: both Kerk-streets, Kerkpad before Kerkstraat (by name), with the result list marked for
    // the keys.
    let kerk = app.get(&format!("/orgs/{org}/zoeken?q=Kerk")).await;
    let (pad, straat) =
        (kerk.main().find("Kerkpad 2").expect("pad"), kerk.main().find("Kerkstraat 1").expect("straat"));
    assert!(pad < straat);
    assert!(kerk.main().contains("data-search-results"));

    // A tenant organisation that consults Woonstad finds the address too, linked to its complex's place page, never
    // to the corporation's stock pages.
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login("bestuur@desleutel.test").await;
    let tenant = app.get(&format!("/orgs/{sleutel}/zoeken?q=1234AB%201")).await;
    assert_eq!(tenant.status, StatusCode::OK);
    assert!(tenant.main().contains("Kerkstraat 1"), "{}", tenant.main());
    assert!(tenant.main().contains(&format!(r#"href="/orgs/{sleutel}/plek/complexen/"#)), "{}", tenant.main());
    assert!(!tenant.main().contains("/stock/units/"));

    // A supplier sees no places at all.
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login("sroi@vandijk.test").await;
    let none = app.get(&format!("/orgs/{supplier}/zoeken?q=1234AB%201")).await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.main().contains("Niets gevonden"), "{}", none.main());
}
