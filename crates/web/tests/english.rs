//! The English interface shows the domain's statements in English: the diagnosis' questions, golden rules and
//! variants, the coverage heading, and the legal Dutch terms beside the English rather than instead of it.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::participatie::diagnosis::{
    Variant, CORPORATION_QUESTIONS, GOLDEN_RULES, REPRESENTATIVE_QUESTIONS,
};

on_both_backends!(the_diagnosis_reads_in_english, legal_terms_stay_beside_the_english);

/// Logs in and switches the interface to English.
async fn in_english(app: &mut TestApp, email: &str) {
    app.login(email).await;
    let switched = app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
}

/// The answers of one party: every question `score`, every golden rule 3.
fn answers(corporation: &str, representatives: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for i in 0..10 {
        fields.push((format!("c{i}"), corporation.to_owned()));
        fields.push((format!("r{i}"), representatives.to_owned()));
    }
    fields.extend((0..8).map(|i| (format!("g{i}"), "3".to_owned())));
    fields
}

async fn the_diagnosis_reads_in_english(mut app: TestApp) {
    let (woonstad, sleutel) = (app.org_id("woonstad").await, app.org_id("hv-de-sleutel").await);
    in_english(&mut app, "admin@woonstad.test").await;
    let path = format!("/orgs/{woonstad}/participatie/diagnose/{sleutel}/2026");
    let fields = answers("4", "2");
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.post(&path, &refs).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let dutch: Vec<String> = CORPORATION_QUESTIONS
        .iter()
        .map(ToString::to_string)
        .chain(REPRESENTATIVE_QUESTIONS.iter().map(ToString::to_string))
        .chain(GOLDEN_RULES.iter().map(ToString::to_string))
        .chain(Variant::ALL.iter().flat_map(|v| [v.description().to_owned(), v.path().to_owned()]))
        .collect();
    for statement in &dutch {
        assert!(!page.body.contains(statement.as_str()), "Dutch on the English page: {statement}");
    }
    assert!(page.body.contains("The corporation involves tenants in plans before anything is fixed."));
    assert!(page.body.contains("Both parties invest in a good relationship"));
    // The corporation answered active and the representatives reactive: the Dutch name beside the English one.
    assert!(page.body.contains("Guardian of participation (hoeder van participatie)"), "{}", page.body);
    assert!(page.body.contains("A small, experienced board challenges the corporation"));
    // In Dutch, the same page says it in Dutch.
    app.post("/language", &[("lang", "nl"), ("back", "/dashboard")]).await;
    let dutch_page = app.get(&path).await;
    assert!(dutch_page.body.contains(CORPORATION_QUESTIONS[0].dutch()));
    assert!(dutch_page.body.contains("<strong>Hoeder van participatie</strong>"));
}

async fn legal_terms_stay_beside_the_english(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    in_english(&mut app, "admin@woonstad.test").await;
    let new_case = app.get(&format!("/orgs/{woonstad}/overleg/nieuw")).await;
    assert_eq!(new_case.status, StatusCode::OK);
    assert!(new_case.body.contains("Request for advice (adviesrecht)"), "{}", new_case.body);
    assert!(new_case.body.contains("Request for consent (instemmingsrecht)"));
    let new_group = app.get(&format!("/orgs/{woonstad}/participatie/groepen/nieuw")).await;
    assert!(
        new_group.body.contains("Residents&#39; committee (bewonerscommissie)")
            || new_group.body.contains("Residents' committee (bewonerscommissie)")
    );
    assert!(new_group.body.contains("Tenant organisation (huurdersorganisatie)"));
    // The coverage heading names the level in English, not by its code.
    let stock = "idExtern;clusterCode;clusterNaam;soort;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode\r\n\
                 V1;C1;De Ark;WON;Kerkstraat;1;1011AA;Amsterdam;GM0363\r\n";
    let url = format!("/orgs/{woonstad}/stock/import");
    let imported = app.import_file(&url, &[("mode", "import")], "b.csv", stock.as_bytes()).await;
    assert_eq!(imported.status, StatusCode::OK);
    let coverage = app.get(&format!("/orgs/{woonstad}/participatie/dekking?per=gemeente")).await;
    assert_eq!(coverage.status, StatusCode::OK);
    assert!(coverage.body.contains("Without a voice — By municipality"), "{}", coverage.body);
}

/// Every code of the VERA lists the pages show has an English name, in the official file as it is (a code the list
/// gains later would show its Dutch name in English pages until it gets one).
#[test]
fn every_vera_code_the_pages_show_has_an_english_name() {
    let Some(path) = volkshuis_store::testdb::shared_data("vera/Referentiedata.csv") else { return };
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("open"));
    let (codes, _) = volkshuis_domain::vera::parse(file).expect("the official list");
    let shown: Vec<_> = codes.iter().filter(|c| volkshuis_web::vera_english::has_english_names(&c.soort)).collect();
    assert!(shown.len() > 100, "{} codes in the lists shown", shown.len());
    let missing: Vec<String> = shown
        .iter()
        .filter(|c| volkshuis_web::vera_english::english(&c.soort, &c.code).is_none())
        .map(|c| format!("{} {} ({})", c.soort, c.code, c.naam))
        .collect();
    assert!(missing.is_empty(), "no English name: {missing:?}");
}
