//! Municipality boundaries from the real CBS file, and codes for units that have only a position.

use time::macros::datetime;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::boundaries::{self, Area, AreaIndex, AreaKind};
use volkshuis_domain::geo::{LatLon, Polygon};
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions, UnitFilter};
use volkshuis_store::testdb::sql;
use volkshuis_store::testdb::{shared_data, TestDb};
use volkshuis_store::{areas, orgs, Backend, Db};

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}
fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

#[test]
fn real_municipalities_contain_their_town_halls() {
    let Some(path) = shared_data("geo/gemeente_2023.topojson") else { return };
    let areas = boundaries::parse(&std::fs::read_to_string(path).expect("read")).expect("parse");
    assert_eq!(areas.len(), 342);
    assert!(areas.iter().all(|a| a.kind == AreaKind::Gemeente && a.year == Some(2023)));
    let index = AreaIndex::new(&areas);
    for (lat, lon, code) in [
        (52.3731, 4.8926, "GM0363"), // Amsterdam, Dam
        (51.9225, 4.4792, "GM0599"), // Rotterdam, Coolsingel
        (52.0907, 5.1214, "GM0344"), // Utrecht, Domplein
        (53.2194, 6.5682, "GM0014"), // Groningen, Grote Markt
        (50.8514, 5.6910, "GM0935"), // Maastricht, Markt
    ] {
        assert_eq!(index.find(LatLon { lat, lon }), Some(code), "{lat},{lon}");
    }
    assert_eq!(index.find(LatLon { lat: 52.5, lon: 3.5 }), None, "the North Sea");
}

/// The corporation Woonstad and an administrator's scope on it.
async fn woonstad(db: &Db) -> (orgs::Organisation, WriteScope) {
    let mut tx = db.begin().await.expect("tx");
    let fields = orgs::OrgFields {
        code: OrgCode::parse("woonstad").expect("code"),
        name: Name::parse("Woonstad").expect("name"),
        kind: OrgKind::Corporation,
    };
    let org = orgs::create(&mut tx, &actor(), &fields).await.expect("org");
    tx.commit().await.expect("commit");
    let scope = admin_scope(org.id);
    (org, scope)
}

async fn units_get_codes_from_their_position(backend: Backend) {
    let Some(path) = shared_data("geo/gemeente_2023.topojson") else { return };
    let areas = boundaries::parse(&std::fs::read_to_string(path).expect("read")).expect("parse");
    let t = TestDb::new(backend).await.expect("db");
    assert_eq!(areas::replace(&t.db, &actor(), 2023, &areas).await.expect("store"), 342);
    let (org, scope) = woonstad(&t.db).await;
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;breedtegraad;lengtegraad\n\
                A;Dam;1;1012JS;Amsterdam;;52,3731;4,8926\n\
                B;Coolsingel;40;3011AD;Rotterdam;;51,9225;4,4792\n\
                C;Domplein;1;3512JC;Utrecht;GM0363;52,0907;5,1214\n\
                D;Zonder;1;1234AB;Ergens;;;\n";
    // More units on the Coolsingel than one statement (500) gives codes to.
    let more: String = (1..=1_200).map(|i| format!("E{i};Coolsingel;{i};3011AD;Rotterdam;;51,9225;4,4792\n")).collect();
    let reader = StockReader::new(std::io::Cursor::new(format!("{file}{more}").into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    // The import fills the codes itself, in its own transaction: a stop after its commit leaves no unit without one.
    let summary =
        stock::import_units(&t.db, &scope, &actor(), "t.csv", reader, options, &mut |_| {}).await.expect("import");
    assert_eq!(summary.filled.gemeente, 1_202, "A, B and the E's; C keeps the code it came with, D has no position");
    let rotterdam = UnitFilter { gemeente: Some("GM0599".into()), ..Default::default() };
    assert_eq!(stock::units(&t.db, &scope, &rotterdam, 0, 1).await.expect("units").total, 1_201);
    let codes: Vec<(String, Option<String>)> = sql::query_as(
        "SELECT id_extern, gemeente_code FROM units WHERE corporation_id = $1 AND id_extern IN ('A', 'B', 'C', 'D')",
    )
    .bind(org.id)
    .fetch_all(&t.db)
    .await
    .expect("codes");
    let code = |id: &str| codes.iter().find(|(unit, _)| unit == id).and_then(|(_, code)| code.clone());
    assert_eq!(code("A").as_deref(), Some("GM0363"));
    assert_eq!(code("B").as_deref(), Some("GM0599"));
    assert_eq!(code("C").as_deref(), Some("GM0363"), "a code from the file is not overwritten");
    assert_eq!(code("D"), None);
    let cells: Vec<(String, i64)> = sql::query_as(
        "SELECT gemeente_code, CAST(SUM(units) AS BIGINT) FROM part_cells WHERE corporation_id = $1 \
         GROUP BY gemeente_code ORDER BY gemeente_code",
    )
    .bind(org.id)
    .fetch_all(&t.db)
    .await
    .expect("coverage cells");
    assert_eq!(
        cells,
        vec![("".to_owned(), 1), ("GM0363".to_owned(), 2), ("GM0599".to_owned(), 1_201)],
        "the Participatiekaart's cells follow the codes found from positions (only D has none)"
    );
    let again = areas::fill_missing_codes(&t.db, &actor(), Some(&scope)).await.expect("fill");
    assert_eq!(again.gemeente, 0, "nothing left to fill after the import");
    let trail: Vec<String> = sql::query_scalar(
        "SELECT action FROM audit_log WHERE org_id = $1 AND action IN ('import', 'fill_area_codes') ORDER BY id",
    )
    .bind(org.id)
    .fetch_all(&t.db)
    .await
    .expect("trail");
    assert_eq!(trail, ["import", "fill_area_codes", "fill_area_codes"], "the import's filling is on the trail");
}

#[tokio::test]
async fn units_get_codes_from_their_position_sqlite() {
    units_get_codes_from_their_position(Backend::Sqlite).await;
}

#[tokio::test]
async fn units_get_codes_from_their_position_postgres() {
    units_get_codes_from_their_position(Backend::Postgres).await;
}

/// Without the CBS file: a square gemeente loaded before the stock. The import gives the unit inside it its code in
/// the import's own transaction, and so does an import of the same file that changes no unit (after the boundaries
/// came); the coverage cells follow.
async fn an_import_fills_codes_from_positions(backend: Backend) {
    let t = TestDb::new(backend).await.expect("db");
    let (org, scope) = woonstad(&t.db).await;
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;breedtegraad;lengtegraad\n\
                A;Dam;1;1012JS;Amsterdam;;52,3731;4,8926\n\
                B;Coolsingel;40;3011AD;Rotterdam;;51,9225;4,4792\n";
    let import = || async {
        let reader = StockReader::new(std::io::Cursor::new(file.as_bytes().to_vec())).expect("header");
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        stock::import_units(&t.db, &scope, &actor(), "t.csv", reader, options, &mut |_| {}).await.expect("import")
    };
    let cells = || async {
        sql::query_as::<(String, i64)>(
            "SELECT gemeente_code, CAST(SUM(units) AS BIGINT) FROM part_cells WHERE corporation_id = $1 \
             GROUP BY gemeente_code ORDER BY gemeente_code",
        )
        .bind(org.id)
        .fetch_all(&t.db)
        .await
        .expect("coverage cells")
    };
    let first = import().await;
    assert_eq!((first.new, first.filled.gemeente), (2, 0), "no boundaries yet");
    assert_eq!(cells().await, vec![("".to_owned(), 2)]);
    let square = vec![[4.8, 52.3], [5.0, 52.3], [5.0, 52.45], [4.8, 52.45], [4.8, 52.3]];
    let amsterdam = Area {
        kind: AreaKind::Gemeente,
        code: "GM0363".into(),
        name: "Amsterdam".into(),
        year: Some(2023),
        polygons: vec![Polygon { rings: vec![square] }],
    };
    // Stored without filling (as `areas::replace` does; the CLI fills after it), so the next import finds A without.
    areas::replace(&t.db, &actor(), 2023, &[amsterdam]).await.expect("boundaries");
    let again = import().await;
    assert_eq!((again.new, again.changed, again.unchanged), (0, 0, 2), "the file changes no unit");
    assert_eq!(again.filled.gemeente, 1, "A lies in the square, B does not");
    assert_eq!(cells().await, vec![("".to_owned(), 1), ("GM0363".to_owned(), 1)], "coverage follows the code");
    let code: Option<String> =
        sql::query_scalar("SELECT gemeente_code FROM units WHERE corporation_id = $1 AND id_extern = 'A'")
            .bind(org.id)
            .fetch_one(&t.db)
            .await
            .expect("code");
    assert_eq!(code.as_deref(), Some("GM0363"));
}

#[tokio::test]
async fn an_import_fills_codes_from_positions_sqlite() {
    an_import_fills_codes_from_positions(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_import_fills_codes_from_positions_postgres() {
    an_import_fills_codes_from_positions(Backend::Postgres).await;
}
