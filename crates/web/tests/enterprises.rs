//! The register of social enterprises through the real router on both databases: every route against every role
//! (everyone signed in reads; corporation staff and administrators and the platform administrator keep it and open
//! the evidence; everyone else is refused), a form with errors back at 422 with what was typed, a KvK number taken
//! twice as a field error, a certificate with its evidence file and its state (an expired one flagged), search and
//! the filter on a valid certificate; and Social return's purchase picked from the register: checked at its date by
//! id (an expired certificate refused naming its end date, a forged id refused), the certificate derived from the
//! register, and the buyer shown whom its supplier bought from.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use time::macros::date;
use time::Date;
use volkshuis_domain::initiatieven::enterprise::{CertificateKind, PsoLevel};
use volkshuis_store::audit::Actor;
use volkshuis_store::initiatieven::enterprises::{self, EnterpriseInput, EvidenceFile, NewCertificate, Registrar};
use volkshuis_store::testdb::sql;

on_both_backends!(
    every_route_answers_each_role_as_the_register_allows,
    an_enterprise_is_registered_with_its_certificate_and_evidence,
    a_purchase_from_the_register_is_checked_at_its_date,
);

const PDF: &[u8] = b"%PDF-1.4 certificaat van de onderneming";

fn actor(app: &TestApp) -> Actor {
    Actor::system("test", app.state.clock.now())
}

/// An enterprise registered by the platform with the given certificates; returns its id and its certificates' ids.
async fn enterprise(
    app: &TestApp,
    name: &str,
    kvk: &str,
    certificates: &[(CertificateKind, Option<PsoLevel>, Date, Date)],
) -> (i64, Vec<i64>) {
    let registrar = Registrar::platform_admin();
    let input = EnterpriseInput {
        name: name.to_owned(),
        kvk: kvk.to_owned(),
        activity: "Kozijnen op maat".to_owned(),
        region: "Deventer".to_owned(),
        website: None,
    };
    let db = &app.state.db;
    let id = enterprises::save_enterprise(db, &registrar, &actor(app), None, &input).await.expect("ok").expect("id");
    let mut ids = Vec::new();
    for (kind, level, from, until) in certificates {
        let c = NewCertificate { kind: *kind, level: *level, valid_from: *from, valid_until: *until };
        let file = EvidenceFile {
            file_name: "certificaat.pdf".to_owned(),
            content_type: "application/pdf".to_owned(),
            content: PDF.to_vec(),
        };
        ids.push(
            enterprises::add_certificate(db, &registrar, &actor(app), id, &c, &file).await.expect("ok").expect("id"),
        );
    }
    (id, ids)
}

async fn count(app: &TestApp, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(&app.state.db).await.expect("count")
}

/// Form fields as the harness posts them.
fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The id at the end of a redirect (before any query or fragment).
fn id_in(location: Option<&str>) -> i64 {
    let location = location.expect("redirect");
    let path = location.split(['?', '#']).next().expect("path");
    path.rsplit('/').next().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no id in {location}"))
}

async fn every_route_answers_each_role_as_the_register_allows(mut app: TestApp) {
    let code_so = (CertificateKind::CodeSocialeOndernemingen, None, date!(2025 - 01 - 01), date!(2026 - 12 - 31));
    let (id, certs) = enterprise(&app, "De Werkplaats", "12345678", &[code_so]).await;
    let (other, _) = enterprise(&app, "Groenploeg", "87654321", &[]).await;
    let e = format!("/ondernemingen/{id}");
    use StatusCode as S;
    const OK: S = S::OK;
    const NO: S = S::FORBIDDEN;
    const NF: S = S::NOT_FOUND;
    // (route, [corporation admin, staff, read-only, municipality staff, supplier staff, partner, tenant organisation,
    // platform administrator])
    let table: Vec<(String, [StatusCode; 8])> = vec![
        ("/ondernemingen".to_owned(), [OK, OK, OK, OK, OK, OK, OK, OK]),
        ("/ondernemingen?q=werk&geldig=on".to_owned(), [OK, OK, OK, OK, OK, OK, OK, OK]),
        (e.clone(), [OK, OK, OK, OK, OK, OK, OK, OK]),
        ("/ondernemingen/nieuw".to_owned(), [OK, OK, NO, NO, NO, NO, NO, OK]),
        (format!("{e}/bewerken"), [OK, OK, NO, NO, NO, NO, NO, OK]),
        (format!("{e}/certificaten/nieuw"), [OK, OK, NO, NO, NO, NO, NO, OK]),
        (format!("{e}/certificaten/{}/bewijs", certs[0]), [OK, OK, NO, NO, NO, NO, NO, OK]),
        // A certificate of another enterprise, or an enterprise that does not exist, is not there.
        (format!("/ondernemingen/{other}/certificaten/{}/bewijs", certs[0]), [NF, NF, NO, NO, NO, NO, NO, NF]),
        ("/ondernemingen/999999".to_owned(), [NF, NF, NF, NF, NF, NF, NF, NF]),
        ("/ondernemingen/999999/bewerken".to_owned(), [NF, NF, NO, NO, NO, NO, NO, NF]),
    ];
    let people = [
        "admin@woonstad.test",
        "medewerker@woonstad.test",
        "lezer@woonstad.test",
        "beleid@voorbeeldstad.test",
        "sroi@vandijk.test",
        "coordinator@wijkteam.test",
        "bestuur@desleutel.test",
        "beheer@volkshuis.test",
    ];
    for (who, email) in people.iter().enumerate() {
        app.login(email).await;
        for (route, expected) in &table {
            let got = app.get(route).await;
            assert_eq!(got.status, expected[who], "{email} on {route}");
        }
        let keeps = expected_keeper(&table, who);
        let list = app.get("/ondernemingen").await;
        assert!(list.body.contains("De Werkplaats"), "{email} reads the register");
        assert_eq!(
            list.body.contains("href=\"/ondernemingen/nieuw\""),
            keeps,
            "{email}: the form is offered to keepers"
        );
        let page = app.get(&e).await;
        assert_eq!(page.body.contains("data-evidence"), keeps, "{email}: the evidence link is for keepers");
    }
    // The file itself, for a keeper.
    app.login("medewerker@woonstad.test").await;
    let file = app.get(&format!("{e}/certificaten/{}/bewijs", certs[0])).await;
    assert_eq!(file.body.as_bytes(), PDF);
    assert_eq!(file.headers["content-type"], "application/pdf");

    // Writes by anyone else are refused and change nothing.
    let form = [("name", "Overgenomen"), ("kvk", "11112222"), ("activity", "x"), ("region", "y")];
    for email in ["lezer@woonstad.test", "sroi@vandijk.test", "bestuur@desleutel.test", "beleid@voorbeeldstad.test"] {
        app.login(email).await;
        assert_eq!(app.post("/ondernemingen/nieuw", &form).await.status, StatusCode::FORBIDDEN, "{email}");
        assert_eq!(app.post(&format!("{e}/bewerken"), &form).await.status, StatusCode::FORBIDDEN, "{email}");
        let certificate = [("kind", "se_nl"), ("valid_from", "2026-01-01"), ("valid_until", "2026-12-31")];
        let sent = app.post_multipart(&format!("{e}/certificaten/nieuw"), &certificate, &[("c.pdf", PDF)]).await;
        assert_eq!(sent.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_enterprises").await, 2);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_certificates").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_enterprises WHERE name = 'De Werkplaats'").await, 1);
    // Visitors are sent to log in.
    app.clear_cookies();
    assert!(app.get("/ondernemingen").await.is_login_redirect());
    assert!(app.get(&e).await.is_login_redirect());
    assert!(app.get(&format!("{e}/certificaten/{}/bewijs", certs[0])).await.is_login_redirect());
}

/// Whether person `who` of the matrix keeps the register (the new-enterprise form answers them).
fn expected_keeper(table: &[(String, [StatusCode; 8])], who: usize) -> bool {
    table.iter().find(|(route, _)| route == "/ondernemingen/nieuw").map(|(_, s)| s[who] == StatusCode::OK) == Some(true)
}

async fn an_enterprise_is_registered_with_its_certificate_and_evidence(mut app: TestApp) {
    enterprise(&app, "Groenploeg IJsselland", "87654321", &[]).await;
    app.login("medewerker@woonstad.test").await;
    // Every wrong field says what is wrong; what was typed comes back; nothing is saved.
    let wrong = [
        ("name", "De Werkplaats"),
        ("kvk", "1234 567"),
        ("activity", ""),
        ("region", "Salland"),
        ("website", "de werkplaats"),
    ];
    let refused = app.post("/ondernemingen/nieuw", &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &refused.body;
    assert!(body.contains("Een KvK-nummer heeft precies 8 cijfers."), "{}", refused.main());
    assert!(body.contains("Beschrijf in hoogstens 1000 tekens wat de onderneming maakt of doet."));
    assert!(body.contains("Geef een webadres"));
    for typed in ["value=\"De Werkplaats\"", "value=\"1234 567\"", "value=\"Salland\"", "value=\"de werkplaats\""] {
        assert!(body.contains(typed), "{typed} is kept: {}", refused.main());
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_enterprises").await, 1);
    // A KvK number already in the register is the field's error, naming who has it; what was typed is kept.
    let taken =
        [("name", "De Werkplaats"), ("kvk", "87654321"), ("activity", "Kozijnen op maat"), ("region", "Salland")];
    let refused = app.post("/ondernemingen/nieuw", &taken).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        refused.body.contains("KvK-nummer 87654321 staat al in het register, bij Groenploeg IJsselland."),
        "{}",
        refused.main()
    );
    assert!(refused.body.contains("Kozijnen op maat") && refused.body.contains("value=\"Salland\""));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_enterprises").await, 1);

    let good = [
        ("name", "De Werkplaats"),
        ("kvk", "12345678"),
        ("activity", "Kozijnen op maat"),
        ("region", "Salland"),
        ("website", "www.dewerkplaats.example"),
    ];
    let made = app.post("/ondernemingen/nieuw", &good).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let id = id_in(made.location());
    let e = format!("/ondernemingen/{id}");
    let page = app.get(&e).await;
    assert!(page.main().contains("https://www.dewerkplaats.example") && page.main().contains("Woonstad Voorbeeld"));
    assert!(page.body.contains("data-no-certificates"));
    // Editing to a number that is taken is refused the same way.
    let mut clash = good.to_vec();
    clash[1] = ("kvk", "87654321");
    let refused = app.post(&format!("{e}/bewerken"), &clash).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("staat al in het register"));
    let mut edited = good.to_vec();
    edited[3] = ("region", "Deventer en Salland");
    assert_eq!(app.post(&format!("{e}/bewerken"), &edited).await.status, StatusCode::SEE_OTHER);
    assert!(app.get(&format!("{e}/bewerken")).await.body.contains("value=\"Deventer en Salland\""));

    // A certificate: a PSO one without a level, and no file, comes back with both messages and what was typed.
    let path = format!("{e}/certificaten/nieuw");
    let pso = [("kind", "pso"), ("level", ""), ("valid_from", "2025-01-01"), ("valid_until", "2026-06-30")];
    let refused = app.post_multipart(&path, &pso, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Kies de trede van het PSO-certificaat."), "{}", refused.main());
    assert!(refused.body.contains("Voeg het certificaat toe als bestand."));
    assert!(refused.body.contains("value=\"2025-01-01\"") && refused.body.contains("value=\"2026-06-30\""));
    assert!(refused.body.contains("<option value=\"pso\" selected>"), "the kind is kept");
    // A file that is not a document is refused by its content, whatever its name.
    let with_level =
        [("kind", "pso"), ("level", "trede_2"), ("valid_from", "2025-01-01"), ("valid_until", "2026-06-30")];
    let refused = app.post_multipart(&path, &with_level, &[("certificaat.pdf", b"MZ\x90\x00")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("certificaat.pdf"), "{}", refused.main());
    // A PSO certificate runs two years; four were taken.
    let four_years =
        [("kind", "pso"), ("level", "trede_2"), ("valid_from", "2025-01-01"), ("valid_until", "2029-01-01")];
    let refused = app.post_multipart(&path, &four_years, &[("pso.pdf", PDF)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Een PSO-certificaat is twee jaar geldig"), "{}", refused.main());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_certificates").await, 0);
    // Right: an expired PSO trede 2 and a valid Social Enterprise NL membership expiring within 60 days.
    let saved = app.post_multipart(&path, &with_level, &[("pso-trede-2.pdf", PDF)]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let se_nl = [("kind", "se_nl"), ("valid_from", "1-1-2026"), ("valid_until", "31-12-2026")];
    assert_eq!(app.post_multipart(&path, &se_nl, &[("se-nl.pdf", PDF)]).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&e).await;
    let main = page.main();
    // The date beside each state's tag, without repeating the state ("geldig geldig tot en met …").
    assert!(main.contains(r#"verlopen</span> <span class="muted">op 30-06-2026</span>"#), "{main}");
    assert!(main.contains(r#"verloopt binnenkort</span> <span class="muted">tot en met 31-12-2026</span>"#), "{main}");
    assert!(main.contains("data-state=\"verlopen\"") && main.contains("data-state=\"verloopt_binnenkort\""));
    assert!(main.contains("Prestatieladder Socialer Ondernemen (PSO), trede 2"), "{main}");
    assert!(main.contains("pso-trede-2.pdf") && main.contains("Bram Jansen"), "{main}");
    let files: Vec<String> = sql::query_scalar("SELECT file_name FROM in_certificate_files ORDER BY certificate_id")
        .fetch_all(&app.state.db)
        .await
        .expect("files");
    assert_eq!(files, ["pso-trede-2.pdf", "se-nl.pdf"]);

    // The list: search by name, KvK number or region, and only those with a certificate valid today.
    let list = app.get("/ondernemingen?q=salland").await;
    assert!(list.main().contains("De Werkplaats") && !list.main().contains("Groenploeg"), "{}", list.main());
    let list = app.get("/ondernemingen?q=8765").await;
    assert!(!list.main().contains("De Werkplaats") && list.main().contains("Groenploeg"));
    let list = app.get("/ondernemingen?geldig=on").await;
    assert!(list.main().contains("De Werkplaats") && !list.main().contains("Groenploeg"), "{}", list.main());
    assert!(list.main().contains("data-state=\"verlopen\""), "an expired certificate is flagged on the list too");
    // The register's changes read as sentences in the platform's audit log.
    app.login("beheer@volkshuis.test").await;
    let audit = app.get("/admin/audit").await;
    assert!(audit.body.contains("registreerde de sociale onderneming De Werkplaats"), "{}", audit.main());
    assert!(audit.body.contains("voegde een certificaat toe aan het register van sociale ondernemingen"));
}

/// The buyer adds the Oost-Nederland example table (Code SO 100%, Social Enterprise NL 50%, PSO not valued) and
/// registers a contract for 2026 with Van Dijk; returns its id.
async fn contract(app: &mut TestApp) -> i64 {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    app.login("admin@woonstad.test").await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "oost")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier),
                ("coordinator_id", ""),
                ("title", "Renovatie De Linde"),
                ("value", "2.400.000,00"),
                ("awarded_on", "2025-12-01"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2026-12-31"),
                ("obligation_percent", ""),
                ("obligation_fixed", ""),
                ("cadence", "quarterly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    id_in(resp.location())
}

async fn a_purchase_from_the_register_is_checked_at_its_date(mut app: TestApp) {
    let id = contract(&mut app).await;
    let (buyer, supplier) = (app.org_id("woonstad").await, app.org_id("bouwbedrijf-van-dijk").await);
    // De Werkplaats: Code SO until 30 June 2026. Groenploeg: PSO trede 2 and SE NL over 2026.
    let code_so = (CertificateKind::CodeSocialeOndernemingen, None, date!(2024 - 07 - 01), date!(2026 - 06 - 30));
    let (werkplaats, _) = enterprise(&app, "De Werkplaats", "12345678", &[code_so]).await;
    let pso = (CertificateKind::Pso, Some(PsoLevel::Trede2), date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    let se_nl = (CertificateKind::SocialEnterpriseNl, None, date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    let (groen, _) = enterprise(&app, "Groenploeg IJsselland", "87654321", &[pso, se_nl]).await;

    app.login("sroi@vandijk.test").await;
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    // The register, marked where no certificate is valid today (De Werkplaats's ended on 30 June; it was offered
    // as any other and refused only after sending).
    assert!(
        page.body.contains(&format!(
            "<option value=\"{werkplaats}\">De Werkplaats (KvK 12345678) — vandaag geen geldig certificaat</option>"
        )),
        "the purchase form offers the register: {}",
        page.main()
    );
    assert!(page.body.contains(&format!("<option value=\"{groen}\">Groenploeg IJsselland (KvK 87654321)</option>")));
    let path = format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen");
    // Whatever the page sends as seller and certificate, the register's count.
    let purchase = |enterprise: &str, on: &str| -> Vec<(&'static str, String)> {
        [
            ("kind", "purchase"),
            ("enterprise", enterprise),
            ("seller", "Iets anders"),
            ("certificate", "pso_30plus"),
            ("invoice", "10.000,00"),
            ("date", on),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect()
    };
    // After the certificate's last day: refused, naming it; what was typed is kept; nothing stored.
    let refused = app.post_multipart(&path, &pairs(&purchase(&werkplaats.to_string(), "2026-08-01")), &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        refused.body.contains(
            "Het certificaat van De Werkplaats was geldig tot en met 30-06-2026; een aankoop op 01-08-2026 telt daarom niet mee."
        ),
        "{}",
        refused.main()
    );
    assert!(refused.body.contains(&format!("<option value=\"{werkplaats}\" selected>")), "the choice is kept");
    assert!(refused.body.contains("value=\"10.000,00\"") && refused.body.contains("value=\"2026-08-01\""));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sr_contributions").await, 0);
    // A forged id (no such enterprise, or not a number) is refused the same way.
    for forged in ["999999", "de-werkplaats"] {
        let refused = app.post_multipart(&path, &pairs(&purchase(forged, "2026-03-15")), &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{forged}");
        assert!(refused.body.contains("Deze onderneming staat niet in het register."), "{}", refused.main());
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sr_contributions").await, 0);

    // Within the certificate: accepted, with the register's name and Code SO (100% in this table).
    let saved = app.post_multipart(&path, &pairs(&purchase(&werkplaats.to_string(), "2026-03-15")), &[]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // Two valid certificates: the one the buyer's table values highest (SE NL 50%; PSO is not in it).
    let two = app.post_multipart(&path, &pairs(&purchase(&groen.to_string(), "2026-09-01")), &[]).await;
    assert_eq!(two.status, StatusCode::SEE_OTHER, "{}", two.body);
    let stored: Vec<(i64, String)> =
        sql::query_as("SELECT enterprise_id, body FROM sr_contributions WHERE kind = 'purchase' ORDER BY id")
            .fetch_all(&app.state.db)
            .await
            .expect("stored");
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].0, werkplaats);
    assert!(
        stored[0].1.contains("\"seller\":\"De Werkplaats\"") && stored[0].1.contains("\"code_so\""),
        "{}",
        stored[0].1
    );
    assert_eq!(stored[1].0, groen);
    assert!(stored[1].1.contains("\"se_nl\""), "{}", stored[1].1);
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    assert!(page.body.contains("€ 10.000,00 excl. btw × 100% = € 10.000,00"), "{}", page.main());
    assert!(page.body.contains("€ 10.000,00 excl. btw × 50% = € 5.000,00"), "{}", page.main());

    // The buyer sees whom its supplier bought from, with each certificate's state today (25 November 2026).
    app.login("admin@woonstad.test").await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    let main = page.main();
    assert!(main.contains("data-bought-from"), "{main}");
    assert!(main.contains(&format!("href=\"/ondernemingen/{werkplaats}\">De Werkplaats</a>")), "{main}");
    assert!(main.contains("12345678") && main.contains("87654321"), "{main}");
    assert!(main.contains("Code Sociale Ondernemingen: verlopen op 30-06-2026"), "{main}");
    assert!(main.contains("data-state=\"verloopt_binnenkort\""), "{main}");
    assert!(!main.contains("name=\"enterprise\""), "only the supplier reports");
}

/// The demo's register (seeded with the stock, as `volkshuis demo` does): five enterprises of every kind, one
/// certificate expired and one expiring within 60 days, and the demo contract's purchase linked to its seller.
async fn the_demo_registers_five_enterprises(backend: volkshuis_store::Backend) {
    use volkshuis_domain::initiatieven::enterprise::{certificate_state, CertificateState};
    let t = volkshuis_store::testdb::TestDb::new(backend).await.expect("db");
    let now = time::macros::datetime!(2026-11-25 10:00 UTC);
    volkshuis_demo::seed_at(&t.db, true, now).await.expect("demo");
    let today = date!(2026 - 11 - 25);
    let all = enterprises::enterprises(&t.db, &enterprises::Filter::default()).await.expect("register");
    assert_eq!(all.len(), 5);
    let certificates: Vec<_> = all.iter().flat_map(|e| e.certificates.iter()).collect();
    let states: Vec<CertificateState> =
        certificates.iter().map(|c| certificate_state(c.valid_from, c.valid_until, today)).collect();
    assert!(states.contains(&CertificateState::Expired) && states.contains(&CertificateState::ExpiresSoon));
    for kind in CertificateKind::ALL {
        assert!(certificates.iter().any(|c| c.kind == *kind), "{kind:?}");
    }
    assert!(certificates.iter().all(|c| c.file_name.is_some()), "every certificate has its evidence");
    let linked: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM sr_contributions c JOIN in_enterprises e ON e.id = c.enterprise_id \
         WHERE e.name = 'Kozijnfabriek De Werkplaats' AND c.kind = 'purchase'",
    )
    .fetch_one(&t.db)
    .await
    .expect("linked");
    assert_eq!(linked, 1);
}

#[tokio::test]
async fn the_demo_registers_five_enterprises_sqlite() {
    the_demo_registers_five_enterprises(volkshuis_store::Backend::Sqlite).await;
}

#[tokio::test]
async fn the_demo_registers_five_enterprises_postgres() {
    the_demo_registers_five_enterprises(volkshuis_store::Backend::Postgres).await;
}
