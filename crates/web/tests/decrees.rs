//! Terms under the Algemene termijnenwet through the real router on both databases: Goede Vrijdag and the decreed
//! days count, a term past the last decree or in a gap between two is marked "nog niet vastgesteld" (before the first
//! known decree: "geen gelijkstellingsbesluit bekend"), and a platform administrator adds a new decree (checked,
//! audit-logged, the stored deadlines recomputed).

mod common;

use axum::http::StatusCode;
use common::{Resp, TestApp};
use volkshuis_store::testdb::sql;

on_both_backends!(
    an_advice_requested_on_2_april_2026_runs_to_18_may,
    a_term_past_the_last_decree_is_not_yet_decreed,
    an_administrator_adds_a_decree,
    a_decree_for_a_later_year_leaves_the_years_between_not_yet_decreed,
    a_term_before_the_first_decree_says_no_decree_is_known
);

const PLATFORM_ADMIN: &str = "beheer@volkshuis.test";

fn case_id(resp: &Resp) -> i64 {
    let location = resp.location().unwrap_or_else(|| panic!("no redirect: {} {}", resp.status, resp.body));
    location.split('/').nth(4).and_then(|s| s.split('?').next()).and_then(|s| s.parse().ok()).expect("case id")
}

/// The corporation sends an advice request to De Sleutel, received on `received_on`; returns the tenant's case path.
async fn advice_received(app: &mut TestApp, received_on: &str) -> String {
    app.reach_day(received_on);
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    app.login("admin@woonstad.test").await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{corporation}/overleg/nieuw"),
            &[
                ("tenant_org_id", &tenant.to_string()),
                ("kind", "advice"),
                ("subject", "maintenance"),
                ("title", "Isolatie daken"),
                ("explanation", "Graag uw advies."),
                ("received_on", received_on),
                // A day before the test clock's is recorded as received before, outside Volkshuis.
                ("received_earlier", "on"),
                // Its advice term has run out by the test clock's day: said so, and confirmed.
                ("term_passed", received_on),
                ("agreed_weeks", ""),
                ("clusters", ""),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    format!("/orgs/{tenant}/overleg/{}", case_id(&resp))
}

async fn an_advice_requested_on_2_april_2026_runs_to_18_may(mut app: TestApp) {
    let path = advice_received(&mut app, "02-04-2026").await;
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    // 14 May is Hemelvaartsdag, 15 May a decreed day (Besluit gelijkstelling), then the weekend.
    assert!(page.body.contains("18-05-2026"), "{}", page.body);
    assert!(!page.body.contains("15-05-2026"));
    assert!(page.body.contains("eindigt op Hemelvaartsdag"));
    assert!(!page.body.contains("nog niet vastgesteld"));
}

async fn a_term_past_the_last_decree_is_not_yet_decreed(mut app: TestApp) {
    let path = advice_received(&mut app, "01-12-2028").await;
    let page = app
        .get(&path.replace(&app.org_id("hv-de-sleutel").await.to_string(), &app.org_id("woonstad").await.to_string()))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("12-01-2029 (nog niet vastgesteld"), "{}", page.body);
}

async fn an_administrator_adds_a_decree(mut app: TestApp) {
    let path = advice_received(&mut app, "01-12-2028").await;
    // An organisation's administrator is not a platform administrator.
    assert_eq!(app.get("/admin/decrees").await.status, StatusCode::FORBIDDEN);
    app.login(PLATFORM_ADMIN).await;
    let page = app.get("/admin/decrees").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("15-05-2026") && page.body.contains("2026–2028"), "{}", page.body);

    // Bad input comes back with what was typed and names what is wrong.
    let typed = [
        ("name", "Besluit gelijkstelling dagen 2029–2031"),
        ("source", "Stb. 2028, 999"),
        ("first_year", "2029"),
        ("last_year", "2031"),
        ("days", "2029-01-12 proef\nelf mei 2029"),
    ];
    let bad = app.post("/admin/decrees", &typed).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Regel 2: “elf mei 2029” begint niet met een datum"), "{}", bad.body);
    assert!(bad.body.contains("Stb. 2028, 999") && bad.body.contains("2029-01-12 proef"), "input kept");
    let weekend = app.post("/admin/decrees", &[typed[0], typed[1], typed[2], typed[3], ("days", "13-1-2029")]).await;
    assert_eq!(weekend.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weekend.body.contains("13-01-2029 telt al niet mee voor termijnen (zaterdag)"), "{}", weekend.body);
    let reversed =
        app.post("/admin/decrees", &[typed[0], typed[1], ("first_year", "2031"), ("last_year", "2029")]).await;
    assert_eq!(reversed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reversed.body.contains("het eerste niet na het laatste"));
    let taken = app
        .post(
            "/admin/decrees",
            &[typed[0], typed[1], ("first_year", "2026"), ("last_year", "2026"), ("days", "2026-05-15")],
        )
        .await;
    assert!(taken.body.contains("15-05-2026 is al met een feestdag gelijkgesteld"), "{}", taken.body);

    // A good decree is stored, audit-logged, and moves the stored deadline of the 2029 case.
    let saved =
        app.post("/admin/decrees", &[typed[0], typed[1], typed[2], typed[3], ("days", "2029-01-12 proef")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get(saved.location().expect("back to the list")).await;
    assert!(page.body.contains("1 opgeslagen termijn is opnieuw berekend"), "{}", page.body);
    assert!(page.body.contains("tot en met 2031"));
    let audited: i64 = sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'atw_decree'")
        .fetch_one(&app.state.db)
        .await
        .expect("audit");
    assert_eq!(audited, 1);
    app.login("bestuur@desleutel.test").await;
    let case = app.get(&path).await;
    assert!(case.body.contains("15-01-2029") && !case.body.contains("nog niet vastgesteld"), "{}", case.body);
    assert!(case.body.contains("een bij besluit met een feestdag gelijkgestelde dag"));
}

async fn a_decree_for_a_later_year_leaves_the_years_between_not_yet_decreed(mut app: TestApp) {
    // The auditor's case: a decree for 2031 alone, while the one for 2029–2030 is pending.
    let path = advice_received(&mut app, "01-12-2028").await;
    app.login(PLATFORM_ADMIN).await;
    let decree = [
        ("name", "Besluit gelijkstelling dagen 2031"),
        ("source", "Stb. 2030, 1"),
        ("first_year", "2031"),
        ("last_year", "2031"),
        ("days", "2031-05-23 vrijdag na Hemelvaartsdag"),
    ];
    let saved = app.post("/admin/decrees", &decree).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get("/admin/decrees").await;
    assert!(page.body.contains("De besluiten lopen van 2023 tot en met 2031, behalve 2029–2030"), "{}", page.body);
    assert!(!page.body.contains("De besluiten lopen van 2023 tot en met 2031."), "{}", page.body);
    // The 2029 deadline keeps its marker.
    app.login("bestuur@desleutel.test").await;
    let case = app.get(&path).await;
    assert!(case.body.contains("12-01-2029 (nog niet vastgesteld"), "{}", case.body);
}

async fn a_term_before_the_first_decree_says_no_decree_is_known(mut app: TestApp) {
    // Received Thursday 14 April 2022: 6 weeks end on Hemelvaartsdag 26 May 2022, so Friday 27 May, which (the audit
    // reports) a 2022 decree the platform does not hold made a day off: the date must not read as settled, nor as
    // "not yet decreed".
    let path = advice_received(&mut app, "14-04-2022").await;
    app.login("bestuur@desleutel.test").await;
    let case = app.get(&path).await;
    assert_eq!(case.status, StatusCode::OK);
    assert!(case.body.contains("27-05-2022 (geen gelijkstellingsbesluit bekend voor dat jaar"), "{}", case.body);
    assert!(!case.body.contains("nog niet vastgesteld"), "{}", case.body);
    // In English it says the same.
    let switched = app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let case = app.get(&path).await;
    assert!(case.body.contains("(no decree known for that year"), "{}", case.body);
}
