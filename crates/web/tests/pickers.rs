//! Pickers, names beside codes and forms that help (issue 18, ADR 0035), through the real router on both databases:
//! a picker offers only what the organisation may reference, and the server refuses anything else even when it is
//! posted by hand; a stock too large to embed is searched; forms keep what was typed with the message at its field.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    a_complex_of_another_stock_is_refused_even_when_posted_by_hand,
    a_group_names_only_the_stock_its_organisation_works_in,
    a_search_offers_only_the_stock_the_organisation_works_in,
    a_large_stock_is_searched_not_embedded,
    a_tenant_mark_keeps_what_was_typed_and_refuses_another_stock,
    a_report_reads_only_the_fields_of_its_kind,
    the_public_page_says_what_to_fill_in_and_whom_to_ask,
    counts_are_said_with_their_plural,
    lists_show_names_beside_codes,
);

const CORPORATION_ADMIN: &str = "admin@woonstad.test";
const BOARD: &str = "bestuur@desleutel.test";

const WOONSTAD_STOCK: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
A1;C1;De Ark;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000\n\
A2;C1;De Ark;Kerkstraat;2;;1011AA;Amsterdam;GM0363;BU03630000\n\
A3;C2;Het Anker;Dorpsweg;3;;1011AB;Amsterdam;GM0363;BU03630001\n";

const OTHER_STOCK: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
B1;K1;Kerkhof;Havenweg;7;;3011AA;Rotterdam;GM0599;BU05990000\n";

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

async fn import(app: &TestApp, org: i64, file: &'static str) {
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(file.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(org), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
}

/// Woonstad (C1 De Ark, C2 Het Anker) and a second corporation nobody in the demo works with (K1 Kerkhof); returns
/// (woonstad, second).
async fn two_stocks(app: &mut TestApp) -> (i64, i64) {
    let woonstad = app.org_id("woonstad").await;
    import(app, woonstad, WOONSTAD_STOCK).await;
    let actor = Actor::system("test", app.state.clock.now());
    let fields = volkshuis_store::orgs::OrgFields {
        code: volkshuis_domain::org::OrgCode::parse("kade-wonen").expect("code"),
        name: volkshuis_domain::text::Name::parse("Kade Wonen").expect("name"),
        kind: volkshuis_domain::org::OrgKind::Corporation,
    };
    let mut tx = app.state.db.begin().await.expect("begin");
    let second = volkshuis_store::orgs::create(&mut tx, &actor, &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    import(app, second, OTHER_STOCK).await;
    (woonstad, second)
}

fn request(tenant: &str, clusters: &[&str]) -> Vec<(String, String)> {
    let mut fields = vec![
        ("tenant_org_id".to_owned(), tenant.to_owned()),
        ("kind".to_owned(), "advice".to_owned()),
        ("subject".to_owned(), "maintenance".to_owned()),
        ("title".to_owned(), "Gevels".to_owned()),
        ("explanation".to_owned(), "Graag uw advies.".to_owned()),
        ("received_on".to_owned(), "25-11-2026".to_owned()),
        ("agreed_weeks".to_owned(), String::new()),
    ];
    // As the ticked boxes send them: the field once per complex.
    fields.extend(clusters.iter().map(|c| ("clusters".to_owned(), (*c).to_owned())));
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn cases(app: &TestApp) -> i64 {
    sql::query_scalar("SELECT COUNT(*) FROM overleg_cases").fetch_one(&app.state.db).await.expect("count")
}

async fn a_complex_of_another_stock_is_refused_even_when_posted_by_hand(mut app: TestApp) {
    let (woonstad, _) = two_stocks(&mut app).await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let path = format!("/orgs/{woonstad}/overleg/nieuw");
    // The form offers the corporation's own complexes by name, and nothing of another stock.
    let form = app.get(&path).await;
    assert!(form.body.contains(r#"value="C1""#) && form.body.contains("De Ark (C1)"), "{}", form.body);
    assert!(form.body.contains("Het Anker (C2)") && form.body.contains("data-picker=\"multiple\""));
    // (As a value or a name: the random CSRF token in the page can hold the letters "K1".)
    let offered = form.body.contains(r#"value="K1""#) || form.body.contains("(K1)") || form.body.contains("Kerkhof");
    assert!(!offered, "another corporation's stock is not offered");
    assert!(form.body.contains(r#"type="date""#) && form.body.contains("dd-mm-jjjj"), "one date input style");
    assert!(form.body.contains(r#"value="2026-11-25""#), "today in the date input's own form");

    // Another corporation's complex, posted by hand: refused, named, nothing stored.
    let resp = app.post_multipart(&path, &pairs(&request(&tenant, &["C1", "K1"])), &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", resp.body);
    assert!(resp.body.contains("Deze complexcodes staan niet in uw bezit: K1."), "{}", resp.body);
    assert!(resp.body.contains(r#"value="C1" checked"#) && resp.body.contains("K1 (niet gevonden)"), "kept");
    assert!(resp.body.contains(r#"id="clusters-error""#), "the message sits at the field");
    assert_eq!(cases(&app).await, 0);
    // An organisation it does not consult, posted by hand: refused the same way.
    let other = app.org_id("bewonersraad-noord").await;
    sql::query("DELETE FROM overleg_partners WHERE tenant_org_id = $1")
        .bind(other)
        .execute(&app.state.db)
        .await
        .expect("end the partnership");
    let resp = app.post_multipart(&path, &pairs(&request(&other.to_string(), &["C1"])), &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Kies een huurdersorganisatie waarmee u overlegt."));
    assert_eq!(cases(&app).await, 0);

    // Two ticked complexes (the field twice) and a date typed the Dutch way: the request is sent, about both.
    let resp = app.post_multipart(&path, &pairs(&request(&tenant, &["C1", "C2"])), &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let stored: Vec<String> = sql::query_scalar("SELECT cluster_code FROM overleg_case_clusters ORDER BY cluster_code")
        .fetch_all(&app.state.db)
        .await
        .expect("clusters");
    assert_eq!(stored, ["C1", "C2"]);
    // The case names them, for both parties.
    let case = app.get(resp.location().expect("case")).await;
    assert!(case.body.contains("De Ark (C1), Het Anker (C2)"), "{}", case.body);
    app.login(BOARD).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let id: i64 = sql::query_scalar("SELECT id FROM overleg_cases").fetch_one(&app.state.db).await.expect("id");
    let case = app.get(&format!("/orgs/{sleutel}/overleg/{id}")).await;
    assert!(case.body.contains("De Ark (C1), Het Anker (C2)"), "{}", case.body);
}

fn group(corporation: &str, area_kind: &str, field: &str, codes: &[&str]) -> Vec<(String, String)> {
    let mut fields = vec![
        ("corporation_id".to_owned(), corporation.to_owned()),
        ("name".to_owned(), "Commissie".to_owned()),
        ("kind".to_owned(), "bewonerscommissie".to_owned()),
        ("area_kind".to_owned(), area_kind.to_owned()),
        ("contact_role".to_owned(), "secretaris".to_owned()),
        ("approx_size".to_owned(), String::new()),
        ("description".to_owned(), "Wij praten mee.".to_owned()),
        ("join_info".to_owned(), String::new()),
        ("started_on".to_owned(), "1-3-2020".to_owned()),
    ];
    fields.extend(codes.iter().map(|c| (field.to_owned(), (*c).to_owned())));
    fields
}

async fn groups(app: &TestApp) -> i64 {
    sql::query_scalar("SELECT COUNT(*) FROM part_groups").fetch_one(&app.state.db).await.expect("count")
}

async fn a_group_names_only_the_stock_its_organisation_works_in(mut app: TestApp) {
    let (woonstad, second) = two_stocks(&mut app).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login(BOARD).await;
    let path = format!("/orgs/{sleutel}/participatie/groepen/nieuw");
    let form = app.get(&path).await;
    assert!(form.body.contains("De Ark (C1)") && form.body.contains("BU03630000"), "{}", form.body);
    assert!(!form.body.contains("Kerkhof") && !form.body.contains("Kade Wonen"), "only the stock it works in");
    assert!(form.body.contains(r#"data-show-if="area_kind=complexes""#), "the complexes show for complexes only");
    let (w, s) = (woonstad.to_string(), second.to_string());
    let before = groups(&app).await;
    // A corporation it does not work with, posted by hand.
    let resp = app.post(&path, &pairs(&group(&s, "complexes", "area_complexes", &["K1"]))).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", resp.body);
    // A complex of that corporation under its own corporation, posted by hand: named at the field.
    let resp = app.post(&path, &pairs(&group(&w, "complexes", "area_complexes", &["C1", "K1"]))).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("corporatie: K1."), "{}", resp.body);
    assert!(resp.body.contains(r#"id="area_complexes-error""#), "at the field");
    // A buurt where the corporation has no units.
    let resp = app.post(&path, &pairs(&group(&w, "buurten", "area_buurten", &["BU05990000"]))).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("BU05990000"), "{}", resp.body);
    assert_eq!(groups(&app).await, before, "nothing stored");
    // The fields of the other kind of area are not read: buurten chosen, a stray complex is ignored.
    let mut fields = group(&w, "buurten", "area_buurten", &["BU03630000"]);
    fields.push(("area_complexes".to_owned(), "K1".to_owned()));
    let resp = app.post(&path, &pairs(&fields)).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let areas: Vec<String> =
        sql::query_scalar("SELECT code FROM part_group_areas").fetch_all(&app.state.db).await.expect("areas");
    assert_eq!(areas, ["BU03630000"]);
}

async fn search(app: &mut TestApp, path: &str) -> (StatusCode, serde_json::Value) {
    let resp = app.get(path).await;
    let json = serde_json::from_str(&resp.body).unwrap_or(serde_json::Value::Null);
    (resp.status, json)
}

async fn a_search_offers_only_the_stock_the_organisation_works_in(mut app: TestApp) {
    let (woonstad, second) = two_stocks(&mut app).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login(BOARD).await;
    let (status, found) =
        search(&mut app, &format!("/orgs/{sleutel}/kiezen/complexen?corporatie={woonstad}&q=ark")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(found["options"], serde_json::json!([{ "value": "C1", "label": "De Ark (C1)" }]));
    assert_eq!(found["more"], false);
    let (_, found) = search(&mut app, &format!("/orgs/{sleutel}/kiezen/buurten?corporatie={woonstad}&q=bu0363")).await;
    let codes: Vec<&str> =
        found["options"].as_array().expect("options").iter().filter_map(|o| o["value"].as_str()).collect();
    assert_eq!(codes, ["BU03630000", "BU03630001"]);
    // Another corporation's stock, or a corporation that is not one's own when none is named: a 404.
    let (status, _) = search(&mut app, &format!("/orgs/{sleutel}/kiezen/complexen?corporatie={second}&q=k")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, found) = search(&mut app, &format!("/orgs/{sleutel}/kiezen/complexen?q=k")).await;
    assert_eq!((status, &found["options"]), (StatusCode::OK, &serde_json::json!([])), "no stock of its own");
    let (status, _) = search(&mut app, &format!("/orgs/{woonstad}/kiezen/complexen?q=ark")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "not a member of the corporation");
    let (status, _) = search(&mut app, &format!("/orgs/{sleutel}/kiezen/eenheden?q=1")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The corporation searches its own stock, by name or code; wildcards are taken literally.
    app.login(CORPORATION_ADMIN).await;
    let (_, found) = search(&mut app, &format!("/orgs/{woonstad}/kiezen/complexen?q=ANKER")).await;
    assert_eq!(found["options"][0]["value"], "C2");
    let (_, found) = search(&mut app, &format!("/orgs/{woonstad}/kiezen/complexen?q=%25")).await;
    assert_eq!(found["options"], serde_json::json!([]));
    let (status, _) = search(&mut app, &format!("/orgs/{woonstad}/kiezen/complexen?corporatie={second}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.clear_cookies();
    assert!(app.get(&format!("/orgs/{woonstad}/kiezen/complexen?q=a")).await.is_login_redirect());
}

async fn a_large_stock_is_searched_not_embedded(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    for n in 0..250 {
        sql::query("INSERT INTO clusters (corporation_id, code, naam) VALUES ($1, $2, $3)")
            .bind(woonstad)
            .bind(format!("CPX{n:06}"))
            .bind(format!("Complex {n}"))
            .execute(&app.state.db)
            .await
            .expect("complex");
    }
    app.login(CORPORATION_ADMIN).await;
    let form = app.get(&format!("/orgs/{woonstad}/overleg/nieuw")).await;
    assert!(form.body.contains(&format!(r#"data-picker-search="/orgs/{woonstad}/kiezen/complexen""#)), "{}", form.body);
    assert!(!form.body.contains(r#"name="clusters" value="CPX000001""#), "not embedded");
    assert!(form.body.contains("bijvoorbeeld CPX000000"), "the hint shows how codes look without a script");
    let (_, found) = search(&mut app, &format!("/orgs/{woonstad}/kiezen/complexen?q=complex")).await;
    assert_eq!(found["options"].as_array().expect("options").len(), 20, "a search answers a few");
    assert_eq!(found["more"], true);
    let (_, found) = search(&mut app, &format!("/orgs/{woonstad}/kiezen/complexen?q=Complex%20249")).await;
    assert_eq!(found["options"], serde_json::json!([{ "value": "CPX000249", "label": "Complex 249 (CPX000249)" }]));
    // Without a script the codes are typed; a wrong one comes back with its name kept for the right one.
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    let mut fields = request(&tenant, &[]);
    fields.push(("clusters".to_owned(), "CPX000007, CPX999999".to_owned()));
    let resp = app.post_multipart(&format!("/orgs/{woonstad}/overleg/nieuw"), &pairs(&fields), &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains(r#"value="CPX000007, CPX999999""#), "typed kept: {}", resp.body);
    assert!(resp.body.contains(r#"data-value="CPX000007">Complex 7 (CPX000007)"#), "the known one named");
    let mut fields = request(&tenant, &[]);
    fields.push(("clusters".to_owned(), "CPX000007, CPX000008".to_owned()));
    let resp = app.post_multipart(&format!("/orgs/{woonstad}/overleg/nieuw"), &pairs(&fields), &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
}

const BUYER: &str = "admin@woonstad.test";
const SUPPLIER: &str = "sroi@vandijk.test";

/// A contract of Woonstad with Van Dijk and one placement reported; returns (contract, contribution).
async fn contract_with_a_placement(app: &mut TestApp) -> (i64, i64) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login(BUYER).await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier.to_string()),
                ("coordinator_id", ""),
                ("title", "Renovatie De Linde"),
                ("value", "2.400.000,00"),
                ("awarded_on", "1-12-2025"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "31-12-2026"),
                ("obligation_percent", ""),
                ("obligation_fixed", ""),
                ("cadence", "quarterly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let contract: i64 = sql::query_scalar("SELECT id FROM sr_contracts").fetch_one(&app.state.db).await.expect("id");
    app.login(SUPPLIER).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{contract}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "T-1"),
                ("group", "ww"),
                ("hours_per_week", "24"),
                ("start", "1-1-2026"),
                ("end", "2026-06-30"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let c: i64 = sql::query_scalar("SELECT id FROM sr_contributions").fetch_one(&app.state.db).await.expect("id");
    (contract, c)
}

async fn a_tenant_mark_keeps_what_was_typed_and_refuses_another_stock(mut app: TestApp) {
    let (woonstad, _) = two_stocks(&mut app).await;
    let (contract, c) = contract_with_a_placement(&mut app).await;
    app.login(BUYER).await;
    let page = app.get(&format!("/orgs/{woonstad}/sr/contracten/{contract}")).await;
    assert!(page.body.contains(&format!(r#"id="cluster-{c}""#)) && page.body.contains("De Ark (C1)"), "{}", page.body);
    assert!(!page.body.contains("Kerkhof"), "only the buyer's own complexes");
    let mark = format!("/orgs/{woonstad}/sr/contracten/{contract}/bijdragen/{c}/huurder");
    // Another corporation's complex, posted by hand, with a consent date typed the Dutch way.
    let resp = app.post(&mark, &[("cluster", "K1"), ("consent_on", "5-1-2026")]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Dit complex staat niet in uw bezit."), "{}", resp.body);
    assert!(resp.body.contains(&format!(r#"id="cluster-{c}-error""#)), "the message at the field");
    assert!(resp.body.contains("K1 (niet gevonden)"), "the complex typed is kept");
    assert!(resp.body.contains(r#"value="2026-01-05""#), "the consent date is kept, in the date input's form");
    assert!(resp.body.contains("<details open><summary>Markeren als eigen huurder"), "the form stays open");
    // Nothing chosen: asked to choose, at the field.
    let resp = app.post(&mark, &[("cluster", ""), ("consent_on", "2026-01-05")]).await;
    assert!(resp.body.contains("Kies het complex waarin de huurder woont."), "{}", resp.body);
    let marked: Option<String> = sql::query_scalar("SELECT tenant_cluster FROM sr_contributions WHERE id = $1")
        .bind(c)
        .fetch_one(&app.state.db)
        .await
        .expect("mark");
    assert_eq!(marked, None);
    let resp = app.post(&mark, &[("cluster", "C1"), ("consent_on", "5-1-2026")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    assert!(app
        .get(&format!("/orgs/{woonstad}/sr/contracten/{contract}"))
        .await
        .body
        .contains("Eigen huurder: De Ark (C1)"));
    // A rejection without a reason comes back with the message at that reason.
    let decide = format!("/orgs/{woonstad}/sr/contracten/{contract}/bijdragen/{c}/besluit");
    let resp = app.post(&decide, &[("decision", "reject"), ("reason", " ")]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains(&format!(r#"id="reason-{c}-error""#)), "{}", resp.body);
}

async fn a_report_reads_only_the_fields_of_its_kind(mut app: TestApp) {
    let (contract, _) = contract_with_a_placement(&mut app).await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let path = format!("/orgs/{supplier}/sr/contracten/{contract}/bijdragen");
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{contract}")).await;
    assert!(
        page.body.contains(r#"data-show-if="kind=placement""#)
            && page.body.contains(r#"data-show-if="kind=purchase other""#)
    );
    // A purchase, with a person's name and a placement's hours left in the form: only the purchase is read, and no
    // name is kept with it.
    let resp = app
        .post_multipart(
            &path,
            &[
                ("kind", "purchase"),
                ("person", "Jan Jansen"),
                ("person_name", "Jan Jansen"),
                ("hours_per_week", "veel"),
                ("seller", "Sociale Werkplaats"),
                ("certificate", "code_so"),
                ("invoice", "10.000,00"),
                ("date", "15-3-2026"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let names: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM sr_candidate_names").fetch_one(&app.state.db).await.expect("names");
    assert_eq!(names, 0, "no name kept with a purchase");
    // A placement with a wrong end date comes back with everything typed, the message at its field.
    let resp = app
        .post_multipart(
            &path,
            &[
                ("kind", "placement"),
                ("person", "T-2"),
                ("group", "ww"),
                ("hours_per_week", "20"),
                ("start", "1-2-2026"),
                ("end", "morgen"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains(r#"id="end-error""#) && resp.body.contains(r#"value="morgen""#), "{}", resp.body);
    assert!(resp.body.contains(r#"value="2026-02-01""#) && resp.body.contains(r#"value="T-2""#), "the rest kept");
}

async fn the_public_page_says_what_to_fill_in_and_whom_to_ask(mut app: TestApp) {
    let (woonstad, _) = two_stocks(&mut app).await;
    let page = app.get("/doe-mee?postcode=&huisnummer=&toevoeging=").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Vul uw postcode in, bijvoorbeeld 1234 AB."), "{}", page.body);
    assert!(page.body.contains("Vul uw huisnummer in"));
    let page = app.get("/doe-mee?postcode=10&huisnummer=a1").await;
    assert!(
        page.body.contains("vier cijfers en twee letters") && page.body.contains("Een huisnummer begint met een getal")
    );
    let page = app.get("/doe-mee").await;
    assert!(!page.body.contains("field-error"), "the page itself asks nothing yet");
    // No group for the address: the page names the corporation to ask, and how, once it said so.
    let page = app.get("/doe-mee?postcode=1011AB&huisnummer=3").await;
    assert!(page.body.contains("Vraag het Woonstad Voorbeeld."), "{}", page.body);
    app.login("medewerker@woonstad.test").await;
    let contact = format!("/orgs/{woonstad}/participatie/contact");
    let resp = app.post(&contact, &[("public_contact", "088 123 45 67")]).await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN, "staff do not speak for the corporation here");
    app.login(CORPORATION_ADMIN).await;
    let too_long = "x".repeat(201);
    let resp = app.post(&contact, &[("public_contact", &too_long)]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains(r#"id="public_contact-error""#) && resp.body.contains(&too_long), "kept at its field");
    let resp = app.post(&contact, &[("public_contact", "huurders@woonstad.test of 088 123 45 67")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    app.clear_cookies();
    let page = app.get("/doe-mee?postcode=1011AB&huisnummer=3").await;
    assert!(
        page.body.contains("Vraag het Woonstad Voorbeeld: huurders@woonstad.test of 088 123 45 67."),
        "{}",
        page.body
    );
    let english = app.post("/language", &[("lang", "en"), ("back", "/doe-mee")]).await;
    assert_eq!(english.status, StatusCode::SEE_OTHER);
    let page = app.get("/doe-mee?postcode=&huisnummer=").await;
    assert!(page.body.contains("Enter your postcode, for example 1234 AB."), "{}", page.body);
}

async fn counts_are_said_with_their_plural(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    app.login(CORPORATION_ADMIN).await;
    let one = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats\r\n\
               V1;C1;De Ark;Kerkstraat;1;1011AA;Amsterdam\r\n";
    let done = app
        .import_file(&format!("/orgs/{woonstad}/stock/import"), &[("mode", "import")], "een.csv", one.as_bytes())
        .await;
    assert!(done.body.contains("1 eenheid: 1 nieuw, 0 gewijzigd, 0 ongewijzigd."), "{}", done.body);
    let bad = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats\r\n\
               V2;C1;De Ark;Kerkstraat;x;1011AA;Amsterdam\r\n";
    let done = app
        .import_file(&format!("/orgs/{woonstad}/stock/import"), &[("mode", "check")], "fout.csv", bad.as_bytes())
        .await;
    assert!(done.body.contains("1 fout."), "{}", done.body);
    let list = app.get(&format!("/orgs/{woonstad}/stock/clusters")).await;
    assert!(list.body.contains("1 complex<"), "{}", list.body);
    app.post("/language", &[("lang", "en"), ("back", "/")]).await;
    let list = app.get(&format!("/orgs/{woonstad}/stock/clusters")).await;
    assert!(list.body.contains("1 complex<"), "{}", list.body);
}

async fn lists_show_names_beside_codes(mut app: TestApp) {
    let (woonstad, _) = two_stocks(&mut app).await;
    // The VERA list gives the labels their names.
    let actor = Actor::system("test", app.state.clock.now());
    let list = "Soort;Code;Naam;Omschrijving;Begindatum;Einddatum;Parent;Informatiedomein\n\
                MAATSCHAPPELIJKLABEL;DAE;DAEB;Diensten van algemeen economisch belang;;;;Vastgoed\n\
                EENHEIDSOORT;WOO;Woonruimte;Een woning;;;;Vastgoed\n\
                CLUSTERSOORT;VEX;Vastgoedexploitatie;Exploitatiecluster;;;;Vastgoed\n";
    let (codes, _) = volkshuis_domain::vera::parse(list.as_bytes()).expect("list");
    volkshuis_store::vera::replace_all(&app.state.db, &actor, &codes).await.expect("vera");
    sql::query("UPDATE units SET maatschappelijk_label = 'DAE'").execute(&app.state.db).await.expect("label");
    app.login(CORPORATION_ADMIN).await;
    let units = app.get(&format!("/orgs/{woonstad}/stock")).await;
    assert!(units.body.contains(">De Ark (C1)</a>"), "{}", units.body);
    assert!(units.body.contains("<td>DAEB</td>"), "the label by its VERA name");
    assert!(units.body.contains("Woonruimte (WOO)"), "the unit kinds by name in the filter");
    assert!(units.body.contains("Vastgoedexploitatie (VEX)"), "the complex kinds by name");
    let complexes = app.get(&format!("/orgs/{woonstad}/stock/clusters")).await;
    assert!(complexes.body.contains(">De Ark (C1)</a>") && complexes.body.contains("2 complexen"));
    assert!(!complexes.body.contains("kleine letters"), "the header is not the organisation code's");
    // In English the codes have English names (the official list has Dutch ones only).
    app.post("/language", &[("lang", "en"), ("back", "/")]).await;
    let units = app.get(&format!("/orgs/{woonstad}/stock")).await;
    assert!(
        units.body.contains("Dwelling (WOO)") && units.body.contains("Property operation (VEX)"),
        "{}",
        units.main()
    );
    assert!(!units.body.contains("Woonruimte"), "{}", units.main());
}
