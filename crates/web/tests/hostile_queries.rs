//! Hostile query parameters on the pages (issue 17 §3): a NUL byte in a search or filter, a page number at the end
//! of `i64`, and `%` or `_` in a search, on both engines. The API's side is in `api.rs`.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_store::audit;

on_both_backends!(
    a_nul_byte_in_a_filter_is_no_error,
    page_numbers_past_the_end_are_clamped,
    wildcards_in_a_search_are_searched_for_literally,
    unreadable_numbers_in_a_page_address_get_the_translated_page,
);

const HEADER: &str = "idExtern;clusterCode;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode";

/// Imports units on these streets into Woonstad; returns its id (signed in as its administrator).
async fn streets(app: &mut TestApp, streets: &[&str]) -> i64 {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let rows: Vec<String> =
        streets.iter().enumerate().map(|(i, s)| format!("W{i};C1;{s};{};1234AB;Stad;GM0363", i + 1)).collect();
    let file = format!("{HEADER}\n{}\n", rows.join("\n"));
    let imported =
        app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "s.csv", file.as_bytes()).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    org
}

async fn a_nul_byte_in_a_filter_is_no_error(mut app: TestApp) {
    let org = streets(&mut app, &["Kerkstraat", "Dorpsweg"]).await;
    // PostgreSQL cannot hold or compare a NUL byte: these were 500s there.
    let found = app.get(&format!("/orgs/{org}/stock?q=Kerk%00straat")).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert!(found.body.contains("Kerkstraat") && !found.body.contains("Dorpsweg"), "the NUL is no part of the search");
    for query in ["gemeente=GM%00", "complex=C%001", "soort=%00", "status=%00", "label=%00", "buurt=%00"] {
        let page = app.get(&format!("/orgs/{org}/stock?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{query}: {}", page.body);
    }
    app.login("beheer@volkshuis.test").await;
    let audit = app.get("/admin/audit?actor=beheer%00&entity=%00&action=x%00y&before=abc").await;
    assert_eq!(audit.status, StatusCode::OK, "{}", audit.body);
}

async fn page_numbers_past_the_end_are_clamped(mut app: TestApp) {
    let org = streets(&mut app, &["Kerkstraat", "Dorpsweg"]).await;
    for page in ["9223372036854775807", "99999999999999999999999", "-9223372036854775808", "drie"] {
        let list = app.get(&format!("/orgs/{org}/stock?page={page}")).await;
        assert_eq!(list.status, StatusCode::OK, "page={page}: {}", list.body);
        let clusters = app.get(&format!("/orgs/{org}/stock/clusters?page={page}")).await;
        assert_eq!(clusters.status, StatusCode::OK, "clusters page={page}: {}", clusters.body);
    }
    // Past the end, the range shown is empty, not a wrapped-around nonsense range.
    let past = app.get(&format!("/orgs/{org}/stock?page=9223372036854775807")).await;
    assert!(past.body.contains("0–0"), "{}", past.body);
    let first = app.get(&format!("/orgs/{org}/stock?page=-5")).await;
    assert!(first.body.contains("1–2") && first.body.contains("Kerkstraat"), "a negative page is the first");
}

async fn wildcards_in_a_search_are_searched_for_literally(mut app: TestApp) {
    let org = streets(&mut app, &["Laan_A", "LaanXA", "Honderd%straat", "Honderdstraat"]).await;
    let underscore = app.get(&format!("/orgs/{org}/stock?q=laan_a")).await;
    assert!(underscore.body.contains("Laan_A") && !underscore.body.contains("LaanXA"), "_ is no wildcard");
    let percent = app.get(&format!("/orgs/{org}/stock?q=d%25s")).await;
    assert!(percent.body.contains("Honderd%straat") && !percent.body.contains("Honderdstraat"), "% is no wildcard");

    // The audit trail's actor filter, the other LIKE on typed text.
    let all = audit::list(&app.state.db, &audit::Filter::default(), 1_000).await.expect("audit");
    assert!(!all.is_empty(), "the demo and the import wrote a trail");
    let filter = |actor: &str| audit::Filter { actor: Some(actor.to_owned()), ..Default::default() };
    assert!(audit::list(&app.state.db, &filter("%"), 1_000).await.expect("audit").is_empty(), "no actor has a %");
    assert!(audit::list(&app.state.db, &filter("_"), 1_000).await.expect("audit").is_empty(), "no actor has a _");
    let admin = audit::list(&app.state.db, &filter("admin@woonstad"), 1_000).await.expect("audit");
    assert!(!admin.is_empty(), "a plain text still finds");
}

/// Axum's extractors answer a number they cannot read with a line of English in plain text; a person in a browser
/// gets the translated error page instead (a form sent keeps its own page), and the API its JSON.
async fn unreadable_numbers_in_a_page_address_get_the_translated_page(mut app: TestApp) {
    let org = streets(&mut app, &["Kerkstraat"]).await;
    let coverage = app.get(&format!("/orgs/{org}/participatie")).await;
    assert_eq!(coverage.status, StatusCode::OK, "{}", coverage.body);
    for path in [
        format!("/orgs/{org}/participatie/dekking/kaart?corporatie=woonstad"),
        format!("/orgs/{org}/stock/map.json?zoom=1e9"),
        format!("/orgs/{org}/stock/units/abc"),
    ] {
        let page = app.get(&path).await;
        assert!(page.status.is_client_error(), "{path}: {}", page.status);
        let kind = page.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(kind.starts_with("text/html"), "{path}: {kind} {}", page.body);
        assert!(page.body.contains("Adres niet te lezen") || page.body.contains("Niet gevonden"), "{path}");
        assert!(!page.body.contains("Failed to deserialize"), "{path}: axum's English is not shown");
    }
    let api = app.get("/api/v1/eenheden?limit=abc").await;
    let kind = api.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(kind.starts_with("application/json"), "the API keeps its JSON errors: {kind}");
}
