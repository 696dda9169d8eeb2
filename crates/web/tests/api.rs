//! The JSON API with API tokens: made and revoked by organisation admins, one organisation's data, read-only but for
//! the arrears ledger a corporation's token may be given the right to bring in.

mod api_contract;
mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::TestApp;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};

on_both_backends!(
    tokens_read_the_stock_page_by_page,
    tokens_are_managed_by_admins_only,
    openapi_describes_every_field,
    every_api_answer_is_the_documented_json,
    the_api_keeps_its_openapi_contract,
    a_token_with_the_right_brings_in_the_ledger_and_no_other_can,
    the_ledger_route_checks_before_it_reads_and_takes_one_call_at_a_time,
    a_ledger_right_lapses_with_its_makers_administration,
    a_ledger_that_would_resolve_most_open_signals_is_sent_only_when_confirmed,
);

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}
async fn api(app: &TestApp, path: &str, token: Option<&str>) -> (StatusCode, Value) {
    let mut request = Request::builder().uri(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let router = volkshuis_web::router(app.state.clone());
    let response = router.oneshot(request.body(Body::empty()).expect("request")).await.expect("response");
    let status = response.status();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// POSTs `body` as a ledger with `token`.
async fn post_ledger(app: &TestApp, token: Option<&str>, body: &str) -> (StatusCode, Value) {
    let (status, _, json) = post_ledger_as(app, token, Some("text/csv"), body.as_bytes().to_vec(), "").await;
    (status, json)
}

/// POSTs `body` as a ledger with `token` and `content_type`; the answer with its headers.
async fn post_ledger_as(
    app: &TestApp,
    token: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
    query: &str,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let mut request = Request::builder().method(Method::POST).uri(format!("/api/v1/signalering/grootboek{query}"));
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    // UTF-8 in the header, as a Dutch ERP may name its file.
    let file_name = axum::http::HeaderValue::from_bytes("erp-december-€.csv".as_bytes()).expect("header");
    request = request.header("x-bestandsnaam", file_name);
    let router = volkshuis_web::router(app.state.clone());
    let response = router.oneshot(request.body(Body::from(body)).expect("request")).await.expect("response");
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, headers, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

const LEDGER_HEADER: &str = "contractnummer;eenheid;naam;bedrag;achterstandSinds;aanmaningDatum;aanbodDatum;\
                             contactpogingDatum;contactpogingSoort;schuldhulpGewezen;bezwaar;regeling";

/// The secret of a new token of `org` named `name`, made by its administrator (logged in), with or without the
/// right to bring in the ledger.
async fn token_of(app: &mut TestApp, org: i64, name: &str, ledger: bool) -> String {
    let mut fields = vec![("name", name)];
    if ledger {
        fields.push(("ledger", "on"));
    }
    let made = app.post(&format!("/orgs/{org}/api-tokens"), &fields).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let start = made.body.find("id=\"token-secret\">").expect("secret shown") + "id=\"token-secret\">".len();
    made.body[start..].chars().take_while(|c| *c != '<').collect()
}

async fn a_token_with_the_right_brings_in_the_ledger_and_no_other_can(mut app: TestApp) {
    let read_only = stock_and_token(&mut app).await;
    let woonstad = app.org_id("woonstad").await;
    let ledger = token_of(&mut app, woonstad, "Boekhouding", true).await;
    let header = LEDGER_HEADER;
    let good =
        format!("{header}\nK1;V01;Joke Hendriks;120,00;1-8-2026;1-9-2026;1-10-2026;5-9-2026;telefoon;ja;nee;geen\n");
    let (status, body) = post_ledger(&app, None, &good).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("unauthorized")));
    let (status, body) = post_ledger(&app, Some(&read_only), &good).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::FORBIDDEN, Some("forbidden")));
    let bad = format!(
        "{header}\nK1;V01;Joke Hendriks;twaalf;1-8-2026;;;;;;nee;geen\nK2;ONBEKEND;X;10;1-8-2026;;;;;;nee;geen\n"
    );
    let (status, body) = post_ledger(&app, Some(&ledger), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!((body["errors"][0]["line"].as_u64(), body["errors"][0]["column"].as_str()), (Some(2), Some("bedrag")));
    // The unknown unit on line 3 is named in the same answer, not after the amount is fixed.
    assert_eq!((body["count"].as_u64(), body["errors"][1]["line"].as_u64()), (Some(2), Some(3)), "{body}");
    assert_eq!(body["errors"][1]["column"].as_str(), Some("eenheid"));
    let unknown = format!("{header}\nK2;ONBEKEND;X;10;1-8-2026;;;;;;nee;geen\n");
    let (status, body) = post_ledger(&app, Some(&ledger), &unknown).await;
    assert_eq!((status, body["errors"][0]["column"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("eenheid")));
    let (status, body) = post_ledger(&app, Some(&ledger), "geen grootboek").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = post_ledger(&app, Some(&ledger), &good).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!((body["households"].as_u64(), body["signalled"].as_u64()), (Some(1), Some(1)));
    let ledgers = volkshuis_store::signalering::ledger::ledgers(&app.state.db, admin_scope(woonstad).as_read(), 5)
        .await
        .expect("ledgers");
    assert_eq!(ledgers.iter().map(|l| l.file_name.as_str()).collect::<Vec<_>>(), ["erp-december-€.csv"]);
    // The log names the token by its name.
    let actors: Vec<String> = volkshuis_store::testdb::sql::query_scalar(
        "SELECT actor_label FROM audit_log WHERE entity = 'sg_ledgers' AND action IN ('import', 'send')",
    )
    .fetch_all(&app.state.db)
    .await
    .expect("audit");
    assert!(!actors.is_empty() && actors.iter().all(|a| a.starts_with("API-token “Boekhouding” (")), "{actors:?}");
    // A municipality cannot give its tokens the right, and a token it has brings in nothing.
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let new = volkshuis_store::users::NewUser {
        email: volkshuis_domain::account::Email::parse("beheer@voorbeeldstad.test").expect("email"),
        name: volkshuis_domain::text::Name::parse("Beheer Gemeente").expect("name"),
        password_hash: volkshuis_accounts::password::hash_now(common::PASSWORD).expect("hash"),
        is_platform_admin: false,
    };
    let actor = volkshuis_store::audit::Actor::system("test", app.state.clock.now());
    let mut tx = app.state.db.begin().await.expect("begin");
    let admin = volkshuis_store::users::create(&mut tx, &actor, &new).await.expect("user").id;
    volkshuis_store::users::set_membership(&mut tx, &actor, admin, municipality, Role::Admin).await.expect("member");
    tx.commit().await.expect("commit");
    app.login("beheer@voorbeeldstad.test").await;
    let theirs = token_of(&mut app, municipality, "Poging", true).await;
    let (status, _) = post_ledger(&app, Some(&theirs), &good).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the right is not given to a municipality's token");
    // The read-only token still cannot write anything else either.
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/eenheden")
        .header(header::AUTHORIZATION, format!("Bearer {ledger}"))
        .body(Body::empty())
        .expect("request");
    let response = volkshuis_web::router(app.state.clone()).oneshot(request).await.expect("response");
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
}

async fn stock_and_token(app: &mut TestApp) -> String {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let header =
        "idExtern;clusterCode;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;maatschappelijkLabel;nettohuur";
    let rows: Vec<String> = (1..=25)
        .map(|i| {
            format!(
                "V{i:02};C{};Laan;{i};1234AB;Stad;{};{};{},50",
                i % 2,
                if i <= 5 { "GM0363" } else { "GM0599" },
                if i % 5 == 0 { "NDA" } else { "DAE" },
                500 + i
            )
        })
        .collect();
    let file = format!("{header}\n{}\n", rows.join("\n"));
    let imported =
        app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", file.as_bytes()).await;
    assert_eq!(imported.status, StatusCode::OK);
    let none = app.get(&format!("/orgs/{org}/api-tokens")).await;
    assert!(none.main().contains("Deze organisatie heeft nog geen API-sleutels"), "{}", none.main());
    let made = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", "ERP-koppeling")]).await;
    assert_eq!(made.status, StatusCode::CREATED);
    assert!(made.main().contains("<td>nog niet</td>") && !made.main().contains("nog geen API-sleutels"));
    let start = made.body.find("id=\"token-secret\">").expect("secret shown") + "id=\"token-secret\">".len();
    made.body[start..].chars().take_while(|c| *c != '<').collect()
}

async fn tokens_read_the_stock_page_by_page(mut app: TestApp) {
    let token = stock_and_token(&mut app).await;
    assert!(token.starts_with("vh_"));
    let (status, body) = api(&app, "/api/v1/eenheden", None).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("unauthorized")));
    let (status, _) = api(&app, "/api/v1/eenheden", Some("vh_verzonnen")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let (status, page) = api(&app, &format!("/api/v1/eenheden?limit=10&cursor={cursor}"), Some(&token)).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for unit in page["data"].as_array().expect("data") {
            seen.push(unit["idExtern"].as_str().expect("idExtern").to_owned());
        }
        match page["nextCursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 25, "every unit once: {seen:?}");
    seen.dedup();
    assert_eq!(seen.len(), 25);

    let (_, amsterdam) = api(&app, "/api/v1/eenheden?gemeenteCode=gm0363&limit=100", Some(&token)).await;
    let first = &amsterdam["data"][0];
    assert_eq!(amsterdam["data"].as_array().map(Vec::len), Some(5));
    assert_eq!((first["idExtern"].as_str(), first["nettohuur"].as_str()), (Some("V01"), Some("501.50")));
    assert_eq!(first["maatschappelijkLabel"], "DAE");
    let (_, nda) = api(&app, "/api/v1/eenheden?maatschappelijkLabel=NDA", Some(&token)).await;
    assert_eq!(nda["data"].as_array().map(Vec::len), Some(5));
    let (_, complex) = api(&app, "/api/v1/eenheden?clusterCode=C1", Some(&token)).await;
    assert_eq!(complex["data"].as_array().map(Vec::len), Some(13));
    let (_, clusters) = api(&app, "/api/v1/clusters", Some(&token)).await;
    assert_eq!(clusters["data"].as_array().map(Vec::len), Some(2));
    let (_, first_page) = api(&app, "/api/v1/clusters?limit=1", Some(&token)).await;
    let next = first_page["nextCursor"].as_str().expect("a second page").to_owned();
    let (_, second_page) = api(&app, &format!("/api/v1/clusters?limit=1&cursor={next}"), Some(&token)).await;
    assert_eq!(second_page["nextCursor"], Value::Null);
    assert_ne!(first_page["data"][0]["clusterCode"], second_page["data"][0]["clusterCode"]);
    let (status, _) = api(&app, "/api/v1/eenheden?limit=5000", Some(&token)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = api(&app, "/api/v1/eenheden?cursor=zomaar", Some(&token)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let id = first["id"].as_i64().expect("id");
    let (status, one) = api(&app, &format!("/api/v1/eenheden/{id}"), Some(&token)).await;
    assert_eq!((status, one["idExtern"].as_str()), (StatusCode::OK, Some("V01")));
}

async fn tokens_are_managed_by_admins_only(mut app: TestApp) {
    let token = stock_and_token(&mut app).await;
    let org = app.org_id("woonstad").await;
    let (_, page) = api(&app, "/api/v1/eenheden?limit=1", Some(&token)).await;
    let unit_id = page["data"][0]["id"].as_i64().expect("id");

    // Another corporation's token does not reach Woonstad's units.
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login("bestuur@desleutel.test").await;
    let theirs = app.post(&format!("/orgs/{sleutel}/api-tokens"), &[("name", "eigen")]).await;
    let start = theirs.body.find("id=\"token-secret\">").expect("secret") + "id=\"token-secret\">".len();
    let other_token: String = theirs.body[start..].chars().take_while(|c| *c != '<').collect();
    let (status, body) = api(&app, &format!("/api/v1/eenheden/{unit_id}"), Some(&other_token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (_, list) = api(&app, "/api/v1/eenheden", Some(&other_token)).await;
    assert_eq!(list["data"].as_array().map(Vec::len), Some(0));

    app.login("medewerker@woonstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{org}/api-tokens")).await.status, StatusCode::FORBIDDEN, "staff cannot");
    app.login("admin@woonstad.test").await;
    let listed = app.get(&format!("/orgs/{org}/api-tokens")).await;
    assert!(listed.body.contains("ERP-koppeling") && !listed.body.contains(&token), "the secret is never shown again");
    let empty = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", " ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The form sent twice with the token it was shown with (a reload of the page with the secret, a double click)
    // makes one API token; the second answer says so and shows no secret.
    let db = app.state.db.clone();
    let count = || async { volkshuis_store::tokens::list(&db, &admin_scope(org)).await.expect("tokens").len() };
    let before = count().await;
    let marker = "name=\"form_token\" value=\"";
    let at = listed.body.find(marker).expect("the form's token") + marker.len();
    let form_token: String = listed.body[at..].chars().take_while(|c| *c != '"').collect();
    assert_eq!(form_token.len(), 32, "the form carries its token");
    let fields = [("name", "BI-koppeling"), ("form_token", form_token.as_str())];
    let first = app.post(&format!("/orgs/{org}/api-tokens"), &fields).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let second = app.post(&format!("/orgs/{org}/api-tokens"), &fields).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(second.body.contains("Deze sleutel is al gemaakt") && !second.body.contains("token-secret"));
    assert_eq!(count().await, before + 1, "one token made");
    let tokens = volkshuis_store::tokens::list(&app.state.db, &admin_scope(org)).await.expect("tokens");
    let erp = tokens.iter().find(|t| t.name == "ERP-koppeling").expect("the first token").id;
    let revoked = app.post(&format!("/orgs/{org}/api-tokens/{erp}/revoke"), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let (status, _) = api(&app, "/api/v1/eenheden", Some(&token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a revoked token no longer works");
    let again = app.post(&format!("/orgs/{org}/api-tokens/{erp}/revoke"), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

async fn openapi_describes_every_field(mut app: TestApp) {
    let token = stock_and_token(&mut app).await;
    let (status, doc) = api(&app, "/api/v1/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    for path in ["/eenheden", "/eenheden/{id}", "/clusters"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} described");
    }
    let (_, page) = api(&app, "/api/v1/eenheden?limit=1", Some(&token)).await;
    for field in page["data"][0].as_object().expect("unit").keys() {
        assert!(doc["components"]["schemas"]["Eenheid"]["properties"][field].is_object(), "Eenheid.{field} described");
    }
    let (_, clusters) = api(&app, "/api/v1/clusters", Some(&token)).await;
    for field in clusters["data"][0].as_object().expect("cluster").keys() {
        assert!(doc["components"]["schemas"]["Cluster"]["properties"][field].is_object(), "Cluster.{field} described");
    }
}

/// Sends `method path` with an `Authorization` header as given; returns status, headers and the body as JSON
/// (`Value::Null` when it is not JSON).
async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    authorization: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(authorization) = authorization {
        request = request.header(header::AUTHORIZATION, authorization);
    }
    let router = volkshuis_web::router(app.state.clone());
    let response = router.oneshot(request.body(Body::empty()).expect("request")).await.expect("response");
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, headers, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// What schemathesis found (issue 17 §3): axum's own rejections were `text/plain`, a trailing slash an HTML page,
/// the scheme `bearer` refused; and a wrong method, an unknown path or a NUL byte in a filter must not differ.
async fn every_api_answer_is_the_documented_json(mut app: TestApp) {
    let token = stock_and_token(&mut app).await;
    let bearer = format!("Bearer {token}");
    for (method, path, status, code) in [
        (Method::GET, "/api/v1/eenheden?limit=tien", StatusCode::BAD_REQUEST, "bad_request"),
        (Method::GET, "/api/v1/eenheden/tien", StatusCode::BAD_REQUEST, "bad_request"),
        (Method::GET, "/api/v1/eenheden/99999999999999999999", StatusCode::BAD_REQUEST, "bad_request"),
        (Method::GET, "/api/v1/clusters?limit=1.5", StatusCode::BAD_REQUEST, "bad_request"),
        (Method::GET, "/api/v1/eenheden?cursor=zomaar", StatusCode::BAD_REQUEST, "bad_request"),
        (Method::GET, "/api/v1/eenheden/", StatusCode::NOT_FOUND, "not_found"),
        (Method::GET, "/api/v1/bestaat-niet", StatusCode::NOT_FOUND, "not_found"),
        (Method::GET, "/api", StatusCode::NOT_FOUND, "not_found"),
        (Method::POST, "/api/v1/eenheden", StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        (Method::DELETE, "/api/v1/eenheden/1", StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
    ] {
        let (got, headers, body) = raw(&app, method.clone(), path, Some(&bearer)).await;
        let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert_eq!((got, content_type), (status, "application/json"), "{method} {path}: {body}");
        assert_eq!(body["error"].as_str(), Some(code), "{method} {path}: {body}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{method} {path}: {body}");
    }
    let (_, _, body) = raw(&app, Method::GET, "/api/v1/eenheden?limit=tien", Some(&bearer)).await;
    assert!(body["message"].as_str().is_some_and(|m| m.contains("limit")), "the message names the parameter: {body}");
    let (_, headers, _) = raw(&app, Method::POST, "/api/v1/eenheden", Some(&bearer)).await;
    assert_eq!(headers.get(header::ALLOW).and_then(|v| v.to_str().ok()), Some("GET,HEAD"));

    // The scheme is case-insensitive (RFC 9110 §11.1).
    for authorization in [format!("bearer {token}"), format!("BEARER  {token}")] {
        let (status, _, body) = raw(&app, Method::GET, "/api/v1/eenheden?limit=1", Some(&authorization)).await;
        assert_eq!(status, StatusCode::OK, "{authorization}: {body}");
    }
    let (status, headers, _) = raw(&app, Method::GET, "/api/v1/eenheden", Some(&format!("Basic {token}"))).await;
    assert_eq!((status, headers.get(header::WWW_AUTHENTICATE).is_some()), (StatusCode::UNAUTHORIZED, true));

    // A NUL byte in a filter is no part of what is searched for (PostgreSQL answered it with a 500).
    let (status, _, body) = raw(&app, Method::GET, "/api/v1/eenheden?gemeenteCode=GM0363%00", Some(&bearer)).await;
    assert_eq!((status, body["data"].as_array().map(Vec::len)), (StatusCode::OK, Some(5)), "{body}");
}

/// The property test of `api_contract`: generated and hostile parameters against the document.
async fn the_api_keeps_its_openapi_contract(mut app: TestApp) {
    let token = stock_and_token(&mut app).await;
    let (ran, problems) = api_contract::run(&app, &token).await;
    assert!(ran >= 300, "only {ran} cases ran");
    assert!(problems.is_empty(), "{} of {ran} cases broke the contract:\n{}", problems.len(), problems.join("\n"));
}

async fn the_ledger_route_checks_before_it_reads_and_takes_one_call_at_a_time(mut app: TestApp) {
    let read_only = stock_and_token(&mut app).await;
    let woonstad = app.org_id("woonstad").await;
    let ledger = token_of(&mut app, woonstad, "Boekhouding", true).await;
    let good = format!(
        "{LEDGER_HEADER}\nK1;V01;Joke Hendriks;120,00;1-8-2026;1-9-2026;1-10-2026;5-9-2026;telefoon;ja;nee;geen\n"
    );
    // A read-only token's oversized body is refused for the token, not read and then refused for its size.
    let huge = vec![b'x'; volkshuis_domain::signalering::ledger::MAX_LEDGER_BYTES + 1];
    let (status, _, body) = post_ledger_as(&app, Some(&read_only), Some("text/csv"), huge.clone(), "").await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::FORBIDDEN, Some("forbidden")), "{body}");
    let (status, _, body) = post_ledger_as(&app, Some(&ledger), Some("text/csv"), huge, "").await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large")));
    // Not CSV: refused by its type; CSV under another name an ERP uses, or none, is read.
    for wrong in ["application/json", "application/x-www-form-urlencoded", "image/png"] {
        let (status, _, body) = post_ledger_as(&app, Some(&ledger), Some(wrong), good.clone().into_bytes(), "").await;
        assert_eq!(
            (status, body["error"].as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some("unsupported_media_type"))
        );
    }
    // Refused rows come in the one error shape, with a message.
    let bad = format!("{LEDGER_HEADER}\nK1;V01;Joke Hendriks;twaalf;1-8-2026;;;;;;nee;geen\n");
    let (status, _, body) = post_ledger_as(&app, Some(&ledger), None, bad.into_bytes(), "").await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("rows_refused")));
    assert_eq!(body["message"].as_str(), Some("1 problem(s) in the file; nothing was written"));
    // While another call of the organisation brings in its ledger, a second is told to try again and changes nothing.
    use volkshuis_store::signalering::ledger::try_ledger_turn;
    let now = app.state.clock.now();
    let turn = try_ledger_turn(&app.state.db, woonstad, now).await.expect("turn").expect("free");
    // Per corporation: another's is free meanwhile.
    let other = app.org_id("gm-voorbeeldstad").await;
    try_ledger_turn(&app.state.db, other, now).await.expect("turn").expect("free").release().await.expect("released");
    let (status, headers, body) =
        post_ledger_as(&app, Some(&ledger), Some("text/csv; charset=utf-8"), good.clone().into_bytes(), "").await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::CONFLICT, Some("busy")), "{body}");
    assert!(headers.contains_key(header::RETRY_AFTER));
    let ledgers = || async {
        volkshuis_store::signalering::ledger::ledgers(&app.state.db, admin_scope(woonstad).as_read(), 5)
            .await
            .expect("ledgers")
            .len()
    };
    assert_eq!(ledgers().await, 0);
    turn.release().await.expect("released");
    let (status, _, body) = post_ledger_as(&app, Some(&ledger), Some("text/plain"), good.into_bytes(), "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ledgers().await, 1);
    // A filter misspelt is refused, not ignored (it answered with the whole stock).
    let (status, body) = api(&app, "/api/v1/eenheden?gemeentecode=GM9999", Some(&read_only)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"].as_str().is_some_and(|m| m.contains("gemeentecode")), "{body}");
    let (status, _) = api(&app, "/api/v1/clusters?gemeenteCode=GM0363", Some(&read_only)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the complexes are not filtered by gemeente");
}

async fn a_ledger_right_lapses_with_its_makers_administration(mut app: TestApp) {
    stock_and_token(&mut app).await;
    let woonstad = app.org_id("woonstad").await;
    let ledger = token_of(&mut app, woonstad, "Boekhouding", true).await;
    let good = format!(
        "{LEDGER_HEADER}\nK1;V01;Joke Hendriks;120,00;1-8-2026;1-9-2026;1-10-2026;5-9-2026;telefoon;ja;nee;geen\n"
    );
    let maker: i64 =
        volkshuis_store::testdb::sql::query_scalar("SELECT id FROM users WHERE email = 'admin@woonstad.test'")
            .fetch_one(&app.state.db)
            .await
            .expect("maker");
    let (db, now) = (app.state.db.clone(), app.state.clock.now());
    let set_role = |role: Role| {
        let db = db.clone();
        let actor = volkshuis_store::audit::Actor::system("test", now);
        async move {
            let mut tx = db.begin().await.expect("begin");
            volkshuis_store::users::set_membership(&mut tx, &actor, maker, woonstad, role).await.expect("role");
            tx.commit().await.expect("commit");
        }
    };
    set_role(Role::Staff).await;
    let (status, body) = post_ledger(&app, Some(&ledger), &good).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::FORBIDDEN, Some("forbidden")), "{body}");
    assert!(body["message"].as_str().is_some_and(|m| m.contains("its maker is not an active administrator")), "{body}");
    // Another administrator sees why on the token page.
    app.login("beheer@volkshuis.test").await;
    let page = app.get(&format!("/orgs/{woonstad}/api-tokens")).await;
    assert!(page.main().contains("grootboek: werkt niet zolang de maker geen actieve beheerder is"), "{}", page.main());
    assert!(!page.main().contains("name=\"ledger\""), "the platform's operator gives no ledger right");
    set_role(Role::Admin).await;
    // A deactivated administrator keeps the membership, not the right.
    let active = |on: i64| {
        let db = db.clone();
        async move {
            volkshuis_store::testdb::sql::query("UPDATE users SET active = $1 WHERE id = $2")
                .bind(on)
                .bind(maker)
                .execute(&db)
                .await
                .expect("active");
        }
    };
    active(0).await;
    let (status, _) = post_ledger(&app, Some(&ledger), &good).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    active(1).await;
    let (status, body) = post_ledger(&app, Some(&ledger), &good).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn a_ledger_that_would_resolve_most_open_signals_is_sent_only_when_confirmed(mut app: TestApp) {
    stock_and_token(&mut app).await;
    let woonstad = app.org_id("woonstad").await;
    let ledger = token_of(&mut app, woonstad, "Boekhouding", true).await;
    let row =
        |n: u32| format!("K{n};V0{n};Huurder {n};120,00;1-8-2026;1-9-2026;1-10-2026;5-9-2026;telefoon;ja;nee;geen");
    let six: Vec<String> = (1..=6).map(row).collect();
    let (status, body) = post_ledger(&app, Some(&ledger), &format!("{LEDGER_HEADER}\n{}\n", six.join("\n"))).await;
    assert_eq!((status, body["signalled"].as_u64()), (StatusCode::OK, Some(6)), "{body}");
    // A month later the file holds one row: five of the six open signals would count as resolved.
    let short = format!("{LEDGER_HEADER}\n{}\n", row(1));
    let (status, _, body) = post_ledger_as(&app, Some(&ledger), None, short.clone().into_bytes(), "").await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("confirm_resolving")));
    assert_eq!((body["resolving"].as_i64(), body["open"].as_i64()), (Some(5), Some(6)), "{body}");
    assert!(body["message"].as_str().is_some_and(|m| m.contains("?bevestigOpgelost=5")), "{body}");
    let ledgers = || async {
        volkshuis_store::signalering::ledger::ledgers(&app.state.db, admin_scope(woonstad).as_read(), 5)
            .await
            .expect("ledgers")
            .len()
    };
    assert_eq!(ledgers().await, 1, "nothing of the unconfirmed ledger was written");
    let imports: i64 = volkshuis_store::testdb::sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'sg_ledgers' AND action IN ('import', 'drop')",
    )
    .fetch_one(&app.state.db)
    .await
    .expect("audit");
    assert_eq!(imports, 1, "only the first ledger's import");
    // A wrong number is no confirmation; the right one sends it.
    let (status, _, _) =
        post_ledger_as(&app, Some(&ledger), None, short.clone().into_bytes(), "?bevestigOpgelost=4").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, body) = post_ledger_as(&app, Some(&ledger), None, short.into_bytes(), "?bevestigOpgelost=5").await;
    assert_eq!((status, body["resolved"].as_u64()), (StatusCode::OK, Some(5)), "{body}");
    assert_eq!(ledgers().await, 2);
    // A day ahead of the ledger's is a typing error, named by line and column in English.
    let ahead =
        format!("{LEDGER_HEADER}\nK1;V01;Huurder 1;120,00;1-6-2099;1-9-2026;1-10-2026;5-9-2026;telefoon;ja;nee;geen\n");
    let (status, body) = post_ledger(&app, Some(&ledger), &ahead).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["column"].as_str(), Some("achterstandSinds"));
    assert_eq!(body["errors"][0]["reason"].as_str(), Some("lies after today, the day of the ledger"));
}
