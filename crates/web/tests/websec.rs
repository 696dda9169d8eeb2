//! Web-layer security (issue 17 §2, ADR 0027): CSRF tokens bound to the session and checked against the request's
//! origin, body limits that answer with a page, redirects only within the site, security headers, and the audit of
//! what administrators open.

mod common;

use axum::http::StatusCode;
use common::{TestApp, PASSWORD};
use volkshuis_store::testdb::sql;
use volkshuis_web::Config;

on_both_backends!(
    a_self_chosen_cookie_and_token_are_refused,
    a_token_works_only_with_the_session_that_made_it,
    posts_from_another_site_are_refused,
    on_https_the_csrf_cookie_is_host_only,
    a_large_form_gets_a_413_page,
    redirects_after_login_and_language_stay_on_this_site,
    signed_in_pages_and_downloads_are_not_stored,
    https_sites_send_hsts,
    opening_an_outbox_message_is_audited,
    an_administrator_opening_a_case_is_not_the_tenant_opening_it,
    methods_no_page_takes_get_a_405,
    a_field_of_only_invisible_characters_is_empty,
);

const WOONSTAD_ADMIN: &str = "admin@woonstad.test";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

/// Before the fix any cookie value passed when the form carried the same value.
async fn a_self_chosen_cookie_and_token_are_refused(mut app: TestApp) {
    let chosen = "a".repeat(43);
    app.set_cookie("vh_csrf", &chosen);
    let login =
        app.post_raw("/login", &[("csrf", chosen.as_str()), ("email", WOONSTAD_ADMIN), ("password", PASSWORD)]).await;
    assert_eq!(login.status, StatusCode::FORBIDDEN, "{}", login.body);
    assert_eq!(app.cookie("vh_session"), None);

    app.login(WOONSTAD_ADMIN).await;
    let cookie = app.cookie("vh_csrf").expect("pre-session cookie").to_owned();
    let switched = app.post_raw("/language", &[("csrf", cookie.as_str()), ("lang", "en"), ("back", "/")]).await;
    assert_eq!(switched.status, StatusCode::FORBIDDEN, "the cookie's value is not the signed-in token");
    let page = app.get("/dashboard").await;
    let token = app.csrf_token().await;
    assert!(page.body.contains(&format!("value=\"{token}\"")), "pages carry the session's token");
    assert_ne!(token, cookie);
}

async fn a_token_works_only_with_the_session_that_made_it(mut app: TestApp) {
    let before_login = app.csrf_token().await;
    let pre_session = app.cookie("vh_csrf").expect("pre-session cookie").to_owned();
    app.post("/login", &[("email", WOONSTAD_ADMIN), ("password", PASSWORD)]).await;
    assert!(app.cookie("vh_session").is_some());
    let first_session = app.csrf_token().await;
    assert_ne!(first_session, before_login, "the token changes at login");
    assert_ne!(app.cookie("vh_csrf"), Some(pre_session.as_str()), "the pre-session cookie is replaced at login");
    let stale = app.post_raw("/language", &[("csrf", before_login.as_str()), ("lang", "en"), ("back", "/")]).await;
    assert_eq!(stale.status, StatusCode::FORBIDDEN, "the token from before login no longer counts");

    app.login("medewerker@woonstad.test").await;
    let other = app.post_raw("/language", &[("csrf", first_session.as_str()), ("lang", "en"), ("back", "/")]).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN, "another session's token does not count");
    let own = app.post("/language", &[("lang", "en"), ("back", "/")]).await;
    assert_eq!(own.status, StatusCode::SEE_OTHER);
}

async fn posts_from_another_site_are_refused(mut app: TestApp) {
    app.login(WOONSTAD_ADMIN).await;
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
        ("origin", "https://evil.example"),
        ("origin", "null"),
        ("origin", "http://localhost:8080.evil.example"),
    ] {
        app.headers = vec![(name, value.to_owned())];
        let refused = app.post("/language", &[("lang", "en"), ("back", "/")]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{name}: {value}");
    }
    for (name, value) in
        [("sec-fetch-site", "same-origin"), ("sec-fetch-site", "none"), ("origin", "http://localhost:8080")]
    {
        app.headers = vec![(name, value.to_owned())];
        let accepted = app.post("/language", &[("lang", "en"), ("back", "/")]).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{name}: {value}");
    }
    // Reached under another host name than the base URL: the browser's Host and Origin agree.
    app.headers = vec![("origin", "http://127.0.0.1:3000".to_owned()), ("host", "127.0.0.1:3000".to_owned())];
    let accepted = app.post("/language", &[("lang", "en"), ("back", "/")]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
}

async fn on_https_the_csrf_cookie_is_host_only(mut app: TestApp) {
    let config = Config { base_url: "https://volkshuis.example".to_owned(), ..Config::default() };
    app.restart(config);
    let page = app.get("/login").await;
    let set: Vec<&str> = page.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap_or("")).collect();
    let csrf = set.iter().find(|c| c.contains("vh_csrf=")).expect("csrf cookie");
    assert!(csrf.starts_with("__Host-vh_csrf="), "{csrf}");
    for flag in ["Secure", "Path=/", "HttpOnly"] {
        assert!(csrf.contains(flag), "{flag} missing in {csrf}");
    }
    assert!(!csrf.contains("Domain"), "{csrf}");
    app.login(WOONSTAD_ADMIN).await;
    assert_eq!(app.get("/dashboard").await.status, StatusCode::OK);
}

/// A URL-encoded form larger than a form may be is a translated 413 page (it was a plain-text answer); a multipart
/// form larger than its route takes is one too (it was a 500).
async fn a_large_form_gets_a_413_page(mut app: TestApp) {
    let big = "x".repeat(2 * 1024 * 1024);
    let form = app.post("/login", &[("email", big.as_str()), ("password", PASSWORD)]).await;
    assert_eq!(form.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(form.body.contains("Te groot") && form.body.contains("Er is niets opgeslagen"), "{}", form.body);

    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(WOONSTAD_ADMIN).await;
    let document = [PDF, &vec![b' '; 46 * 1024 * 1024]].concat();
    let path = format!("/orgs/{corporation}/overleg/nieuw");
    let fields = [("tenant_org_id", tenant.as_str()), ("kind", "advice"), ("title", "Te groot")];
    let upload = app.post_multipart(&path, &fields, &[("plan.pdf", &document)]).await;
    assert_eq!(upload.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(upload.body.contains("Te groot"), "{}", upload.body);
    let text = "y".repeat(2 * 1024 * 1024);
    let fields = [("tenant_org_id", tenant.as_str()), ("kind", "advice"), ("title", text.as_str())];
    let long_field = app.post_multipart(&path, &fields, &[]).await;
    assert_eq!(long_field.status, StatusCode::PAYLOAD_TOO_LARGE, "a text field is no larger than a form");
    let list = app.get(&format!("/orgs/{corporation}/overleg")).await;
    assert!(!list.body.contains("Te groot"), "nothing was saved");
}

/// Before the fix a tab took the browser to another site (`/\t/evil.example` is `//evil.example` to a browser) and a
/// newline gave a 500.
async fn redirects_after_login_and_language_stay_on_this_site(mut app: TestApp) {
    for hostile in ["/\t/evil.example", "/\r\n/evil.example", "/.//evil.example", "//evil.example"] {
        let switched = app.post("/language", &[("lang", "nl"), ("back", hostile)]).await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER, "{hostile:?}: {}", switched.body);
        assert_eq!(switched.location(), Some("/"), "{hostile:?}");
        app.clear_cookies();
        let login = app.post("/login", &[("email", WOONSTAD_ADMIN), ("password", PASSWORD), ("next", hostile)]).await;
        assert_eq!(login.status, StatusCode::SEE_OTHER, "{hostile:?}: {}", login.body);
        assert_eq!(login.location(), Some("/dashboard"), "{hostile:?}");
        app.clear_cookies();
    }
    let login = app.post("/login", &[("email", WOONSTAD_ADMIN), ("password", PASSWORD), ("next", "/orgs?x=1")]).await;
    assert_eq!(login.location(), Some("/orgs?x=1"), "a path on this site is followed");
}

const STOCK_HEADER: &str =
    "idExtern;clusterCode;clusterNaam;soort;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;maatschappelijkLabel;nettohuur";

fn no_store(resp: &common::Resp) -> bool {
    resp.headers.get("cache-control").and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("no-store"))
}

async fn signed_in_pages_and_downloads_are_not_stored(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login(WOONSTAD_ADMIN).await;
    for path in ["/dashboard".to_owned(), format!("/orgs/{org}"), format!("/orgs/{org}/overleg")] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(no_store(&page), "{path}: {:?}", page.headers.get("cache-control"));
    }
    for export in ["export.csv", "export.xlsx"] {
        let download = app.get(&format!("/orgs/{org}/sr/{export}")).await;
        assert_eq!(download.status, StatusCode::OK, "{export}");
        assert!(no_store(&download), "{export}: {:?}", download.headers.get("cache-control"));
    }
    let bad = format!("{STOCK_HEADER}\r\nV1;C1;De Ark;WON;Kerkstraat;1;10111AA;Amsterdam;GM0363;DAE;650,00\r\n");
    let url = format!("/orgs/{org}/stock/import");
    let refused = app.import_file(&url, &[("mode", "check")], "bezit.csv", bad.as_bytes()).await;
    let start = refused.body.find("/stock/import/reports/").expect("a report link");
    let link: String = refused.body[start..].chars().take_while(|c| *c != '"').collect();
    let report = app.get(&format!("/orgs/{org}{link}")).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(no_store(&report), "error report: {:?}", report.headers.get("cache-control"));
    let asset = app.get("/static/map.js").await;
    assert!(!no_store(&asset), "the same for everyone, so it may be cached");
}

async fn https_sites_send_hsts(mut app: TestApp) {
    let plain = app.get("/login").await;
    assert!(plain.headers.get("strict-transport-security").is_none(), "not over plain http");
    app.restart(Config { base_url: "https://volkshuis.example".to_owned(), ..Config::default() });
    let secure = app.get("/login").await;
    let hsts = secure.headers.get("strict-transport-security").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(hsts.starts_with("max-age=31536000"), "{hsts:?}");
}

const PLATFORM_ADMIN: &str = "beheer@volkshuis.test";

async fn count(app: &TestApp, query: &str, id: i64) -> i64 {
    sql::query_scalar(query).bind(id.to_string()).fetch_one(&app.state.db).await.expect("count")
}

/// A message in the outbox holds a tenant's name and address or a live reset link: reading it is recorded.
async fn opening_an_outbox_message_is_audited(mut app: TestApp) {
    app.post("/password/forgot", &[("email", WOONSTAD_ADMIN)]).await;
    app.login(PLATFORM_ADMIN).await;
    let admin = app.user_id(PLATFORM_ADMIN).await;
    let id = volkshuis_store::outbox::list(&app.state.db, 1).await.expect("outbox")[0].id;
    let reads = "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity = 'outbox_message' \
                 AND personal_data = 1 AND entity_id = $1";
    assert_eq!(count(&app, reads, id).await, 0);
    let message = app.get(&format!("/admin/outbox/{id}")).await;
    assert!(message.body.contains("/password/reset?token="));
    assert_eq!(count(&app, reads, id).await, 1, "the read is in the audit log");
    let by: Option<i64> =
        sql::query_scalar("SELECT actor_user_id FROM audit_log WHERE entity = 'outbox_message' AND entity_id = $1")
            .bind(id.to_string())
            .fetch_one(&app.state.db)
            .await
            .expect("actor");
    assert_eq!(by, Some(admin));
}

/// Before the fix an administrator's look was recorded as the tenant organisation having opened the case.
async fn an_administrator_opening_a_case_is_not_the_tenant_opening_it(mut app: TestApp) {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    app.login(WOONSTAD_ADMIN).await;
    let tenant_id = tenant.to_string();
    let fields = [
        ("tenant_org_id", tenant_id.as_str()),
        ("kind", "advice"),
        ("subject", "maintenance"),
        ("title", "Dakisolatie"),
        ("explanation", "Graag uw advies."),
        ("received_on", "25-11-2026"),
        ("agreed_weeks", ""),
        ("clusters", ""),
    ];
    let sent = app.post_multipart(&format!("/orgs/{corporation}/overleg/nieuw"), &fields, &[("plan.pdf", PDF)]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let location = sent.location().expect("redirect to the case").to_owned();
    let id: i64 =
        location.split('/').nth(4).and_then(|s| s.split('?').next()).and_then(|s| s.parse().ok()).expect("id");
    let opened = "SELECT COUNT(*) FROM overleg_events WHERE case_id = CAST($1 AS INTEGER) AND step = 'opened'";
    let admin_opens = "SELECT COUNT(*) FROM audit_log WHERE action = 'admin_open' AND entity = 'overleg_case' \
                       AND entity_id = $1";

    app.login(PLATFORM_ADMIN).await;
    let page = app.get(&format!("/orgs/{tenant}/overleg/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(count(&app, opened, id).await, 0, "the tenant organisation has not opened it");
    assert_eq!(count(&app, admin_opens, id).await, 1, "the administrator's look is recorded as theirs");
    assert_eq!(app.get(&format!("/orgs/{tenant}/overleg/{id}")).await.status, StatusCode::OK);
    assert_eq!(count(&app, admin_opens, id).await, 2, "every look is in the audit log");

    app.login("bestuur@desleutel.test").await;
    // A look is not a change: the organisation's recent changes do not fill up with them (the audit log keeps them).
    let dashboard = app.get("/dashboard").await;
    let recent = &dashboard.body[dashboard.body.find("id=\"recent\"").expect("the recent changes")..];
    assert!(!recent.contains("als platformbeheerder"), "{recent}");
    assert!(!dashboard.body.contains("als platformbeheerder"), "{}", dashboard.main());
    assert_eq!(app.get(&format!("/orgs/{tenant}/overleg/{id}")).await.status, StatusCode::OK);
    assert_eq!(count(&app, opened, id).await, 1, "the board's opening counts");
}

/// A method no page takes (the auditors tried PUT, DELETE, PATCH, TRACE and made-up ones) is answered "method not
/// allowed" with the methods the pages know, signed in or not, with or without a token — not "form expired" (403) —
/// and changes nothing; GET and POST still work.
async fn methods_no_page_takes_get_a_405(mut app: TestApp) {
    use axum::http::Method;
    let methods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW"];
    for signed_in in [false, true] {
        if signed_in {
            app.login(WOONSTAD_ADMIN).await;
        }
        let token = app.csrf_token().await;
        for method in methods {
            let method = Method::from_bytes(method.as_bytes()).expect("method");
            for path in ["/dashboard", "/logout", "/no/such/page"] {
                let resp = app.send(method.clone(), path, Some(format!("csrf={token}"))).await;
                assert_eq!(resp.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}: {}", resp.body);
                assert_eq!(resp.headers.get("allow").and_then(|v| v.to_str().ok()), Some("GET, HEAD, POST"));
                assert!(
                    resp.body.contains("Zo kan deze pagina niet worden opgevraagd"),
                    "{method} {path}: {}",
                    resp.body
                );
            }
        }
    }
    assert_eq!(
        app.get("/dashboard").await.status,
        StatusCode::OK,
        "still signed in: the DELETEs of /logout did nothing"
    );
    // A form sent to a page that is only read: the router's 405, shown as the same page.
    let posted = app.post("/dashboard", &[]).await;
    assert_eq!(posted.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(posted.body.contains("Zo kan deze pagina niet worden opgevraagd"), "{}", posted.body);
    let out = app.post("/logout", &[]).await;
    assert!(out.status.is_redirection(), "{}", out.status);
    assert!(app.get("/dashboard").await.is_login_redirect());
}

/// A name of one zero-width space was saved by the register (and a dozen other forms that checked `is_empty()`): the
/// middleware empties a field that shows nothing, so the form asks for a name and keeps the rest.
async fn a_field_of_only_invisible_characters_is_empty(mut app: TestApp) {
    app.login("medewerker@woonstad.test").await;
    let before = sql::query_scalar::<i64>("SELECT COUNT(*) FROM in_enterprises").fetch_one(&app.state.db).await;
    for blank in ["\u{200b}", " \u{feff}\u{200e} "] {
        let form = [("name", blank), ("kvk", "11112222"), ("activity", "Schilderwerk"), ("region", "Deventer")];
        let refused = app.post("/ondernemingen/nieuw", &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{blank:?}: {}", refused.body);
        assert!(
            refused.main().contains("Geef een naam") && refused.main().contains(">Schilderwerk</textarea>"),
            "{}",
            refused.main()
        );
    }
    let after = sql::query_scalar::<i64>("SELECT COUNT(*) FROM in_enterprises").fetch_one(&app.state.db).await;
    assert_eq!(before.expect("count"), after.expect("count"), "nothing saved");
}
