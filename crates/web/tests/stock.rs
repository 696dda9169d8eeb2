//! The stock pages and the upload of a stock file, through the real router.

mod common;

use axum::http::StatusCode;
use common::TestApp;

on_both_backends!(
    upload_with_errors_then_fixed,
    check_only_writes_nothing,
    lists_filter_and_pages_show_the_stock,
    a_complex_page_pages_its_units,
    only_the_corporation_sees_its_stock,
    an_import_page_is_only_for_its_corporation,
    upload_needs_the_csrf_token,
    vera_names_are_shown_once_imported,
    map_data_by_zoom,
    formulas_in_the_error_report_stay_text,
    files_that_are_not_stock_files_are_refused_for_what_they_are,
    an_empty_full_stock_needs_its_own_checkbox,
);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;soort;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;maatschappelijkLabel;nettohuur";

fn stock_file(rows: &[&str]) -> Vec<u8> {
    format!("{HEADER}\r\n{}\r\n", rows.join("\r\n")).into_bytes()
}

const GOOD: [&str; 3] = [
    "V1;C1;De Ark;WON;Kerkstraat;1;1011AA;Amsterdam;GM0363;DAE;650,00",
    "V2;C1;De Ark;WON;Kerkstraat;2;1011AA;Amsterdam;GM0363;DAE;720,00",
    "V3;C2;Het Anker;WON;Coolsingel;9;3011AD;Rotterdam;GM0599;NDA;1.100,00",
];

async fn upload_with_errors_then_fixed(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("medewerker@woonstad.test").await;
    let form = app.get(&format!("/orgs/{org}/stock/import")).await;
    assert_eq!(form.status, StatusCode::OK);
    let bad = stock_file(&[
        GOOD[0],
        "V2;C1;De Ark;WON;Kerkstraat;2;10111AA;Amsterdam;GM0363;DAE;720,00",
        "V3;C2;Het Anker;WON;Coolsingel;negen;3011AD;Rotterdam;GM0599;NDA;1.100,00",
    ]);
    let url = format!("/orgs/{org}/stock/import");
    let refused = app.import_file(&url, &[("mode", "import"), ("mark_missing", "on")], "bezit.csv", &bad).await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.body.contains("Het bestand bevat fouten") && refused.body.contains("Er is niets opgeslagen"));
    // The counts are the file's, not what was added: nothing was.
    assert!(refused.body.contains("id=\"import-counts\">In het bestand: "), "{}", refused.main());
    assert!(!refused.body.contains("Naar het bezit"), "nothing to go to");
    // Each cell also carries its column's name, for a phone.
    assert!(
        refused.body.contains(r#"<td data-label="Regel">3</td><td data-label="Kolom">postcode</td>"#),
        "{}",
        refused.body
    );
    let cells = common::without_cell_labels(&refused.body);
    assert!(cells.contains("<td>3</td><td>postcode</td><td><code>10111AA</code></td>"), "{cells}");
    let link_start = refused.body.find("/stock/import/reports/").expect("report link");
    let link: String = refused.body[link_start..].chars().take_while(|c| *c != '"').collect();
    let report = app.get(&format!("/orgs/{org}{link}")).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.headers["content-disposition"].to_str().unwrap_or_default().contains("attachment"));
    let report = report.body.strip_prefix('\u{feff}').expect("a byte-order mark, for Excel");
    insta::assert_snapshot!("import_error_report_csv", report);
    assert!(app.get(&format!("/orgs/{org}/stock")).await.body.contains("Er is nog geen bezit"));

    let fixed = app.import_file(&url, &[("mode", "import")], "bezit.csv", &stock_file(&GOOD)).await;
    assert_eq!(fixed.status, StatusCode::OK, "{}", fixed.body);
    assert!(fixed.body.contains("Ingelezen") && fixed.body.contains("3 eenheden: 3 nieuw, 0 gewijzigd, 0 ongewijzigd"));
    assert!(fixed.body.contains(&format!("<a href=\"/orgs/{org}/stock\">Naar het bezit</a>")), "{}", fixed.main());
    assert!(!fixed.body.contains("In het bestand: "), "written: the counts are what changed");
    let again = app.import_file(&url, &[("mode", "import")], "bezit.csv", &stock_file(&GOOD)).await;
    assert!(again.body.contains("0 nieuw, 0 gewijzigd, 3 ongewijzigd"));
    // A file without one of them, not marked as the whole stock: the unit missing from it stays as it is, and the
    // page says so.
    let fewer = app.import_file(&url, &[("mode", "import")], "deel.csv", &stock_file(&GOOD[..2])).await;
    assert!(fewer.body.contains("1 eenheid staat niet in het bestand (ongemoeid gelaten)."), "{}", fewer.main());

    let template = app.get(&format!("/orgs/{org}/stock/template.csv")).await;
    assert!(template.body.starts_with("\u{feff}idExtern;clusterCode;"));
}

async fn check_only_writes_nothing(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let url = format!("/orgs/{org}/stock/import");
    let checked = app.import_file(&url, &[("mode", "check")], "bezit.csv", &stock_file(&GOOD)).await;
    assert_eq!(checked.status, StatusCode::OK);
    assert!(checked.body.contains("Gecontroleerd: geen fouten") && checked.body.contains("3 nieuw"));
    assert!(checked.body.contains("Er is nog niets opgeslagen. Kies het bestand opnieuw"), "the check says so");
    assert!(app.get(&format!("/orgs/{org}/stock")).await.body.contains("Er is nog geen bezit"));
    // No file chosen (a browser sends the field with an empty name) asks for one; an empty file is named so.
    let missing = app.post_file(&url, &[("mode", "check")], "", b"").await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Kies een bestand."));
    let empty = app.post_file(&url, &[("mode", "check")], "leeg.csv", b"").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Het bestand is leeg"), "{}", empty.main());
    let wrong = app.post_file(&url, &[("mode", "check")], "x.csv", b"naam;adres\nx;y\n").await;
    assert!(wrong
        .body
        .contains("Verplichte kolommen ontbreken: idExtern, straatnaam, huisnummer, postcode, woonplaats"));
}

async fn lists_filter_and_pages_show_the_stock(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let rows: Vec<String> = (1..=120)
        .map(|i| format!("V{i:03};C{};Complex {};WON;Laan;{i};1234AB;Stad;GM0363;DAE;{},00", i % 3, i % 3, 400 + i * 5))
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let url = format!("/orgs/{org}/stock/import");
    app.import_file(&url, &[("mode", "import")], "bezit.csv", &stock_file(&refs)).await;

    let first = app.get(&format!("/orgs/{org}/stock")).await;
    assert!(first.body.contains("Getoond 1–50 van 120"), "{}", first.body);
    assert!(first.body.contains("rel=\"next\"") && !first.body.contains("rel=\"prev\""));
    let third = app.get(&format!("/orgs/{org}/stock?page=2")).await;
    assert!(third.body.contains("Getoond 101–120 van 120") && !third.body.contains("rel=\"next\""));
    let band = app.get(&format!("/orgs/{org}/stock?huur=lt500")).await;
    assert!(band.body.contains("Getoond 1–19 van 19"), "rents 405..495: {}", band.body);
    assert!(band.body.contains("<option value=\"lt500\" selected>"), "filter kept");
    // The bands that meet at the liberalisation limit name its amount and its year (rents 935..1000 above it).
    let free = app.get(&format!("/orgs/{org}/stock?huur=lib")).await;
    assert!(free.body.contains("Getoond 1–14 van 14"), "{}", free.body);
    assert!(free.body.contains("<option value=\"lib\" selected>boven € 932,93 (liberalisatiegrens 2026)</option>"));
    assert!(free.body.contains(">€ 700 – € 932,93 (liberalisatiegrens 2026)</option>"));
    // In a year whose limit is not known yet, the latest is used and its year shown, not passed off as this year's.
    app.reach_day("04-01-2027");
    app.login("admin@woonstad.test").await;
    let next_year = app.get(&format!("/orgs/{org}/stock?huur=lib")).await;
    assert!(next_year.body.contains(">boven € 932,93 (liberalisatiegrens 2026)</option>"), "{}", next_year.body);
    assert!(next_year.body.contains("Getoond 1–14 van 14"));
    let complex = app.get(&format!("/orgs/{org}/stock?complex=C1")).await;
    assert!(complex.body.contains("Getoond 1–40 van 40"), "i % 3 == 1 for 40 of 120");
    assert!(complex.body.contains("value=\"C1\""), "filter kept");
    let unknown = app.get(&format!("/orgs/{org}/stock?complex=GEEN")).await;
    assert!(unknown.body.contains("Getoond 0–0 van 0"));
    let searched = app.get(&format!("/orgs/{org}/stock?q=V007")).await;
    assert!(searched.body.contains("van 1<") || searched.body.contains("van 1\n"), "{}", searched.body);

    let clusters = app.get(&format!("/orgs/{org}/stock/clusters")).await;
    assert!(clusters.body.contains("Complex 0") && clusters.body.contains("Complex 2"));
    assert!(clusters.body.contains("3 complexen") && !clusters.body.contains("rel=\"next\""));
    let unit_link = first.body.find(&format!("/orgs/{org}/stock/units/")).expect("unit link");
    let link: String = first.body[unit_link..].chars().take_while(|c| *c != '"').collect();
    let unit = app.get(&link).await;
    assert_eq!(unit.status, StatusCode::OK);
    assert!(unit.body.contains("GM0363, gemeentegrenzen CBS 2023") && unit.body.contains("€ "));
}

/// A complex of 120 units shows them 50 at a time in address order, each page with the figures of all 120.
async fn a_complex_page_pages_its_units(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    let rows: Vec<String> = (1..=120)
        .map(|i| format!("V{i:03};C1;De Ark;WON;Laan;{i};1234AB;Stad;GM0363;{};{},00", ["DAE", "NDA"][i % 2], 400 + i))
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    app.login("admin@woonstad.test").await;
    app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", &stock_file(&refs)).await;
    app.login("lezer@woonstad.test").await;
    let cluster: i64 = volkshuis_store::testdb::sql::query_scalar("SELECT id FROM clusters WHERE code = 'C1'")
        .fetch_one(&app.state.db)
        .await
        .expect("complex");
    let url = format!("/orgs/{org}/stock/clusters/{cluster}");
    let figures = "<dd>120</dd>\n  <dt>DAEB</dt><dd>60</dd>";
    let first = app.get(&url).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("Getoond 1–50 van 120") && first.body.contains(figures), "{}", first.body);
    assert!(first.body.contains("€ 460,50"), "the average rent of all 120: {}", first.body);
    assert!(first.body.contains(">Laan 50<") && !first.body.contains(">Laan 51<"));
    assert!(first.body.contains("?page=1\" rel=\"next\"") && !first.body.contains("rel=\"prev\""));
    let second = app.get(&format!("{url}?page=1")).await;
    assert!(second.body.contains("Getoond 51–100 van 120") && second.body.contains(figures));
    assert!(
        second.body.contains(">Laan 51<") && !second.body.contains(">Laan 50<") && !second.body.contains(">Laan 101<")
    );
    assert!(second.body.contains("rel=\"prev\"") && second.body.contains("rel=\"next\""));
    let last = app.get(&format!("{url}?page=2")).await;
    assert!(last.body.contains("Getoond 101–120 van 120") && last.body.contains(">Laan 120<"));
    assert!(last.body.contains("rel=\"prev\"") && !last.body.contains("rel=\"next\""));
}

async fn only_the_corporation_sees_its_stock(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    let list = app.get(&format!("/orgs/{org}/stock")).await;
    let at = list.body.find(&format!("/orgs/{org}/stock/units/")).expect("unit link");
    let unit_path: String = list.body[at..].chars().take_while(|c| *c != '"').collect();
    let unit_id = unit_path.rsplit('/').next().expect("id").to_owned();

    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&unit_path).await.status, StatusCode::OK, "read-only members read");
    assert_eq!(app.get(&format!("/orgs/{org}/stock/import")).await.status, StatusCode::FORBIDDEN, "but do not import");

    app.login("bestuur@desleutel.test").await;
    for path in [format!("/orgs/{org}/stock"), unit_path.clone(), format!("/orgs/{org}/stock/clusters")] {
        let response = app.get(&path).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!response.body.contains("Kerkstraat"));
    }
    let upload =
        app.post_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    assert_eq!(upload.status, StatusCode::FORBIDDEN, "another organisation's admin cannot upload");
    let sleutel = app.org_id("hv-de-sleutel").await;
    assert_eq!(app.get(&format!("/orgs/{sleutel}/stock")).await.status, StatusCode::NOT_FOUND, "no stock");
    assert_eq!(app.get(&format!("/orgs/{sleutel}/stock/units/{unit_id}")).await.status, StatusCode::NOT_FOUND);
}

async fn an_import_page_is_only_for_its_corporation(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let started =
        app.post_file(&format!("/orgs/{org}/stock/import"), &[("mode", "check")], "b.csv", &stock_file(&GOOD)).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "the upload hands over to the import's page");
    let run = started.headers["location"].to_str().expect("location").to_owned();
    assert!(run.starts_with(&format!("/orgs/{org}/stock/import/runs/")), "{run}");
    let run_id = run.rsplit('/').next().expect("id").to_owned();
    let mut page = app.get(&run).await;
    for _ in 0..500 {
        if !page.body.contains("data-import-run") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        page = app.get(&run).await;
    }
    assert!(page.body.contains("Gecontroleerd: geen fouten"), "{}", page.body);
    // A run this server does not know (of a server that stopped since): what that means, beside the import form.
    let number: u64 = run_id.parse().expect("a number");
    let unknown = app.get(&format!("/orgs/{org}/stock/import/runs/{}", number + 1)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("Deze import is niet (meer) bekend"), "{}", unknown.body);
    assert!(!unknown.body.contains("Het bestand kan niet worden gelezen"), "no file was refused");
    assert!(unknown.body.contains("helemaal teruggedraaid") && unknown.body.contains("name=\"mode\""));

    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&run).await.status, StatusCode::FORBIDDEN, "read-only members do not see imports");
    app.login("bestuur@desleutel.test").await;
    assert_eq!(app.get(&run).await.status, StatusCode::FORBIDDEN);
    let sleutel = app.org_id("hv-de-sleutel").await;
    let elsewhere = app.get(&format!("/orgs/{sleutel}/stock/import/runs/{run_id}")).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND, "a run is found only under its own corporation");
}

async fn upload_needs_the_csrf_token(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let url = format!("/orgs/{org}/stock/import");
    let forged =
        app.post_file_with_token(&url, &"y".repeat(43), &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let missing = app.post_file_with_token(&url, "", &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(app.get(&format!("/orgs/{org}/stock")).await.body.contains("Er is nog geen bezit"), "nothing imported");
}

async fn vera_names_are_shown_once_imported(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    let before = app.get(&format!("/orgs/{org}/stock")).await;
    assert!(before.body.contains("<td>WON</td>"), "the bare code until the list is known");
    let list = "Soort;Code;Naam;Omschrijving;Begindatum;Einddatum;Parent;Informatiedomein\n\
                EENHEIDSOORT;WON;Woning (oud);;;1-1-2020;;Vastgoed\n\
                EENHEIDSOORT;WON;Woonruimte;;;;;Vastgoed\n";
    let (codes, _) = volkshuis_domain::vera::parse(list.as_bytes()).expect("parse");
    let actor = volkshuis_store::audit::Actor::system("test", app.state.clock.now());
    volkshuis_store::vera::replace_all(&app.state.db, &actor, &codes).await.expect("store");
    let cached = app.get(&format!("/orgs/{org}/stock")).await;
    assert!(cached.body.contains("<td>WON</td>"), "names are cached for a minute");
    app.state.vera_names.invalidate();
    let after = app.get(&format!("/orgs/{org}/stock")).await;
    assert!(after.body.contains("<td>Woonruimte (WON)</td>"), "the code in use wins over the retired one");
}

async fn map_data_by_zoom(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("lezer@woonstad.test").await;
    let rows = [
        "M1;C1;De Ark;WOO;Kerkstraat;1;1011AA;Amsterdam;GM0363;DAE;650,00;52,3700;4,8900",
        "M2;C1;De Ark;WOO;Kerkstraat;2;1011AA;Amsterdam;GM0363;NDA;650,00;52,3701;4,8901",
        "M3;C2;Het Anker;WOO;Coolsingel;9;3011AD;Rotterdam;GM0599;DAE;650,00;51,9225;4,4792",
    ];
    let file = format!("{HEADER};breedtegraad;lengtegraad\r\n{}\r\n", rows.join("\r\n"));
    app.login("admin@woonstad.test").await;
    app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", file.as_bytes()).await;
    let page = app.get(&format!("/orgs/{org}/stock/map")).await;
    assert!(page.body.contains("data-bbox=\"4.47920,51.92250,4.89010,52.37010\""), "{}", page.body);
    assert!(page.body.contains("<script src=\"/static/leaflet.js\"></script>"));
    assert_eq!(app.get("/static/leaflet.js").await.status, StatusCode::OK);

    let country = app.get(&format!("/orgs/{org}/stock/map.json?zoom=7&bbox=3.2,50.7,7.3,53.6")).await;
    let json: serde_json::Value = serde_json::from_str(&country.body).expect("json");
    assert_eq!(json["mode"], "clusters");
    let counts: Vec<i64> = json["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| f["properties"]["units"].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(counts.iter().sum::<i64>(), 3);
    assert_eq!(json["summary"], "3 eenheden in 2 groepen in beeld");
    let street = app.get(&format!("/orgs/{org}/stock/map.json?zoom=17&bbox=4.889,52.369,4.891,52.371")).await;
    let json: serde_json::Value = serde_json::from_str(&street.body).expect("json");
    assert_eq!(json["mode"], "units");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["features"][0]["properties"]["address"], "Kerkstraat 1");
    assert_eq!(json["features"][0]["geometry"]["coordinates"][0], 4.89);
    let bad = app.get(&format!("/orgs/{org}/stock/map.json?zoom=7&bbox=5,50,4,53")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    app.login("bestuur@desleutel.test").await;
    let other = app.get(&format!("/orgs/{org}/stock/map.json?zoom=7&bbox=3.2,50.7,7.3,53.6")).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    assert!(!other.body.contains("Kerkstraat"));
}

/// Values echoed from someone's file into the CSV error report cannot run as spreadsheet formulas (issue 17).
async fn formulas_in_the_error_report_stay_text(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("medewerker@woonstad.test").await;
    let bad = stock_file(&[GOOD[0], "V2;C1;De Ark;WON;Kerkstraat;2;=1+1;Amsterdam;GM0363;DAE;720,00", GOOD[2]]);
    let url = format!("/orgs/{org}/stock/import");
    let refused = app.import_file(&url, &[("mode", "import")], "bezit.csv", &bad).await;
    let link_start = refused.body.find("/stock/import/reports/").expect("report link");
    let link: String = refused.body[link_start..].chars().take_while(|c| *c != '"').collect();
    let report = app.get(&format!("/orgs/{org}{link}")).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.body.contains("3;postcode;'=1+1;"), "{}", report.body);
}

/// A UTF-16 or tab-separated file is refused on the form for what it is; a value of megabytes stops the file on its
/// line, and the page does not echo it (before, a 150 MB value came back on a 157 MB page).
async fn files_that_are_not_stock_files_are_refused_for_what_they_are(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let url = format!("/orgs/{org}/stock/import");
    let header = String::from_utf8(stock_file(&GOOD)).expect("utf-8");
    let utf16: Vec<u8> = std::iter::once(0xfeff_u16).chain(header.encode_utf16()).flat_map(u16::to_le_bytes).collect();
    let refused = app.post_file(&url, &[("mode", "check")], "unicode.txt", &utf16).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Dit lijkt UTF-16; sla het bestand op als CSV"), "{}", refused.body);
    let tabs = header.replace(';', "\t");
    let refused = app.post_file(&url, &[("mode", "check")], "tabs.txt", tabs.as_bytes()).await;
    assert!(refused.body.contains("De kolommen lijken gescheiden door tabs"), "{}", refused.body);

    let big = "x".repeat(3 << 20);
    let row = format!("V9;C1;De Ark;WON;{big};9;1011AA;Amsterdam;GM0363;DAE;650,00");
    let page = app.import_file(&url, &[("mode", "check")], "groot.csv", &stock_file(&[GOOD[0], &row, GOOD[1]])).await;
    assert!(
        common::without_cell_labels(&page.body)
            .contains("<td>3</td><td>(rij)</td><td><code></code></td><td>de rij is groter dan 1 MB"),
        "{}",
        &page.body[..page.body.len().min(5000)]
    );
    assert!(page.body.len() < 100_000, "the page does not echo the value: {} bytes", page.body.len());
}

/// A header-only file with "this is the full stock" is refused unless "the stock is now empty" is ticked too; the
/// form offers that box only after such a refusal (not to everyone who imports), never ticked.
async fn an_empty_full_stock_needs_its_own_checkbox(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let url = format!("/orgs/{org}/stock/import");
    let form = app.get(&url).await;
    assert!(!form.body.contains("confirm_empty_stock"), "not offered before it is needed");
    let imported = app.import_file(&url, &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    assert!(!imported.body.contains("confirm_empty_stock"), "nor after an import that did not need it");
    // A check of a part of the stock sent as the whole says what importing it would do, and the form comes back so.
    let whole = [("mode", "check"), ("mark_missing", "on")];
    let checked = app.import_file(&url, &whole, "deel.csv", &stock_file(&GOOD[..1])).await;
    assert!(
        checked.body.contains("die gaan buiten gebruik als u dit bestand als volledig bezit inleest"),
        "{}",
        checked.main()
    );
    assert!(checked.body.contains("name=\"mark_missing\" type=\"checkbox\" checked"), "as the file was sent");
    let empty = format!("{HEADER}\r\n").into_bytes();
    let refused = app.import_file(&url, &[("mode", "import"), ("mark_missing", "on")], "leeg.csv", &empty).await;
    assert!(
        refused.body.contains("het bestand heeft geen eenheden: als volledig bezit zou het alle 3 eenheden"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Er is niets opgeslagen"));
    assert!(!refused.body.contains("regels met fouten"), "a file without rows has no rows with errors");
    assert!(refused.body.contains("name=\"confirm_empty_stock\" type=\"checkbox\" >"), "offered now, never ticked");
    assert!(refused.body.contains("name=\"mark_missing\" type=\"checkbox\" checked"), "as the file was sent");
    assert!(app.get(&format!("/orgs/{org}/stock")).await.body.contains("Getoond 1–3 van 3"));
    let confirmed = [("mode", "import"), ("mark_missing", "on"), ("confirm_empty_stock", "on")];
    let emptied = app.import_file(&url, &confirmed, "leeg.csv", &empty).await;
    assert!(emptied.body.contains("Ingelezen"), "{}", emptied.body);
    assert!(app.get(&format!("/orgs/{org}/stock")).await.body.contains("Getoond 0–0 van 0"));
}

/// SQLite has one writer. A command-line import holds its lock for as long as it runs; here a second connection holds
/// it the same way. A web write waits for it and, when it is not freed in time, gets the clear "the stock is being
/// imported, try again in a moment" page (503 with `Retry-After`), never a 500; a web import started meanwhile is
/// refused as "another import is running"; a page that only reads does not wait at all.
#[tokio::test]
async fn web_writes_beside_a_long_import_on_sqlite_get_a_clear_page() {
    use volkshuis_store::testdb::sql;
    let mut app = TestApp::new(volkshuis_store::Backend::Sqlite).await;
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let mut import = app.state.db.begin().await.expect("a transaction on another connection");
    sql::query("UPDATE organisations SET name = name WHERE id = $1")
        .bind(org)
        .execute(&mut import)
        .await
        .expect("the write lock, as an import takes it");

    let started = std::time::Instant::now();
    let read = app.get(&format!("/orgs/{org}/stock")).await;
    assert_eq!(read.status, StatusCode::OK, "readers read beside the import");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "and do not wait for it");

    let write = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", "ERP-koppeling")]).await;
    assert_eq!(write.status, StatusCode::SERVICE_UNAVAILABLE, "{}", write.body);
    assert_eq!(write.headers["retry-after"], "5");
    assert!(write.body.contains("bezig met een grote wijziging, zoals het inlezen van een bestand"), "{}", write.body);

    let upload =
        app.import_file(&format!("/orgs/{org}/stock/import"), &[("mode", "import")], "b.csv", &stock_file(&GOOD)).await;
    assert!(upload.body.contains("Er loopt al een import voor deze corporatie"), "{}", upload.body);
    assert!(upload.body.contains(">De import is niet uitgevoerd</h2>"), "the file is not blamed: {}", upload.body);
    assert!(!upload.body.contains("Het bestand kan niet worden gelezen"), "{}", upload.body);
    import.rollback().await.expect("the import ends");

    let after = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", "ERP-koppeling")]).await;
    assert_eq!(after.status, StatusCode::CREATED, "after the import, writes go through again");
}
