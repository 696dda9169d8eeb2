//! The JSON API with API tokens: made and revoked by organisation admins, read-only, one organisation's data.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestApp;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};

on_both_backends!(tokens_read_the_stock_page_by_page, tokens_are_managed_by_admins_only, openapi_describes_every_field);

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
    let made = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", "ERP-koppeling")]).await;
    assert_eq!(made.status, StatusCode::CREATED);
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
    let tokens = volkshuis_store::tokens::list(&app.state.db, &admin_scope(org)).await.expect("tokens");
    let revoked = app.post(&format!("/orgs/{org}/api-tokens/{}/revoke", tokens[0].id), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let (status, _) = api(&app, "/api/v1/eenheden", Some(&token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a revoked token no longer works");
    let again = app.post(&format!("/orgs/{org}/api-tokens/{}/revoke", tokens[0].id), &[]).await;
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
