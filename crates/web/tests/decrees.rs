//! Terms under the Algemene termijnenwet through the real router on both databases: Goede Vrijdag and the decreed
//! days count, a term past the last decree is marked "nog niet vastgesteld", and a platform administrator adds a
//! new decree (checked, audit-logged, the stored deadlines recomputed).

mod common;

use axum::http::StatusCode;
use common::{Resp, TestApp};
use volkshuis_store::testdb::sql;

on_both_backends!(
    an_advice_requested_on_2_april_2026_runs_to_18_may,
    a_term_past_the_last_decree_is_not_yet_decreed,
    an_administrator_adds_a_decree
);

const PLATFORM_ADMIN: &str = "beheer@volkshuis.test";

fn case_id(resp: &Resp) -> i64 {
    let location = resp.location().unwrap_or_else(|| panic!("no redirect: {} {}", resp.status, resp.body));
    location.split('/').nth(4).and_then(|s| s.split('?').next()).and_then(|s| s.parse().ok()).expect("case id")
}

/// The corporation sends an advice request to De Sleutel, received on `received_on`; returns the tenant's case path.
async fn advice_received(app: &mut TestApp, received_on: &str) -> String {
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
