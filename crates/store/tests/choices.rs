//! What a picker may offer from a corporation's stock (ADR 0035), on SQLite and on PostgreSQL: only a stock the
//! organisation works in, found by code or name, with buurt names from the boundaries, and names for chosen codes.

use time::macros::datetime;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::boundaries::{Area, AreaKind};
use volkshuis_domain::geo::Polygon;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions, StockChoice, StockRef};
use volkshuis_store::{areas, orgs, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    choices_come_only_from_a_stock_the_organisation_works_in,
    a_search_finds_by_code_or_name_and_is_limited,
    buurten_are_named_by_their_latest_boundaries,
    the_example_and_the_counts_follow_the_stock,
);

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

async fn organisation(db: &Db, code: &str, kind: OrgKind) -> WriteScope {
    let mut tx = db.begin().await.expect("begin");
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let org = orgs::create(&mut tx, &actor(), &fields).await.expect("org");
    tx.commit().await.expect("commit");
    admin_scope(org.id)
}

const HEADER: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;buurtCode";

async fn import(db: &Db, scope: &WriteScope, rows: &[&str]) {
    let content = format!("{HEADER}\n{}\n", rows.join("\n"));
    let reader = StockReader::new(std::io::Cursor::new(content.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(db, scope, &actor(), "t.csv", reader, options, &mut |_| {}).await.expect("import");
}

fn choice(code: &str, name: Option<&str>) -> StockChoice {
    StockChoice { code: code.to_owned(), name: name.map(str::to_owned) }
}

async fn choices_come_only_from_a_stock_the_organisation_works_in(db: &Db) {
    let woonstad = organisation(db, "woonstad", OrgKind::Corporation).await;
    let other = organisation(db, "kade", OrgKind::Corporation).await;
    let tenants = organisation(db, "sleutel", OrgKind::TenantOrganisation).await;
    import(db, &woonstad, &["A1;C1;De Ark;Kerkstraat;1;1011AA;Amsterdam;GM0363;BU03630000"]).await;
    import(db, &other, &["B1;K1;Kerkhof;Havenweg;7;3011AA;Rotterdam;GM0599;BU05990000"]).await;
    let (w, o) = (woonstad.org_id(), other.org_id());
    assert_eq!(
        stock::choices(db, &woonstad, w, StockRef::Complex, None, 10).await.expect("own"),
        [choice("C1", Some("De Ark"))]
    );
    // Another corporation's stock, and a tenant organisation that does not consult the corporation: not found.
    for (scope, corporation) in [(&woonstad, o), (&other, w), (&tenants, w)] {
        let refused = stock::choices(db, scope, corporation, StockRef::Complex, None, 10).await;
        assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
        assert!(matches!(
            stock::choice_count(db, scope, corporation, StockRef::Buurt).await,
            Err(StoreError::NotFound)
        ));
        let names = stock::choice_names(db, scope, corporation, StockRef::Complex, &["C1".to_owned()]).await;
        assert!(matches!(names, Err(StoreError::NotFound)));
    }
    // Once the tenant organisation consults the corporation (accepted), it may pick from that stock.
    let mut tx = db.begin().await.expect("begin");
    volkshuis_store::overleg::add_partner(&mut tx, &woonstad, &actor(), tenants.org_id(), None).await.expect("partner");
    volkshuis_store::overleg::respond_to_proposal(&mut tx, &tenants, &actor(), w, true).await.expect("accept");
    tx.commit().await.expect("commit");
    assert_eq!(stock::choice_count(db, &tenants, w, StockRef::Complex).await.expect("count"), 1);
    let names = stock::choice_names(db, &tenants, w, StockRef::Complex, &["C1".to_owned(), "K1".to_owned()]).await;
    assert_eq!(names.expect("names").into_iter().collect::<Vec<_>>(), [("C1".to_owned(), "De Ark".to_owned())]);
    assert!(matches!(stock::choices(db, &tenants, o, StockRef::Complex, None, 10).await, Err(StoreError::NotFound)));
}

async fn a_search_finds_by_code_or_name_and_is_limited(db: &Db) {
    let woonstad = organisation(db, "woonstad", OrgKind::Corporation).await;
    let rows: Vec<String> = (1..=30)
        .map(|n| {
            format!(
                "A{n};CPX{n:04};{} {n};Kerkstraat;{n};1011AA;Amsterdam;GM0363;BU03630000",
                if n % 2 == 0 { "De Linde" } else { "Het Anker" }
            )
        })
        .collect();
    let mut rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    rows.push("A31;CPX0031;Één Toren;Kerkstraat;31;1011AA;Amsterdam;GM0363;BU03630000");
    // "linde" in the middle of a word, under a code before all the Lindes.
    rows.push("A32;CPX0000;De Vlinderhof;Kerkstraat;32;1011AA;Amsterdam;GM0363;BU03630000");
    import(db, &woonstad, &rows).await;
    let w = woonstad.org_id();
    let find = |text: &'static str, limit| async move {
        stock::choices(db, &woonstad, w, StockRef::Complex, Some(text), limit).await.expect("search")
    };
    assert_eq!(stock::choice_count(db, &woonstad, w, StockRef::Complex).await.expect("count"), 32);
    // A capital accented letter typed as stored finds it on both engines (PostgreSQL folded the stored "Één" and
    // not the typed one, so it found nothing); ASCII letters fold.
    assert_eq!(find("Één TOREN", 10).await, [choice("CPX0031", Some("Één Toren"))]);
    let lindes = find("linde", 100).await;
    assert_eq!(lindes.len(), 16, "by name, case folded");
    // A word that begins with the text comes before a word that holds it, each in code order.
    assert!(lindes[..15].iter().all(|c| c.name.as_deref().is_some_and(|n| n.starts_with("De Linde"))), "{lindes:?}");
    assert!(lindes[..15].windows(2).all(|p| p[0].code < p[1].code), "in code order");
    assert_eq!(lindes[15], choice("CPX0000", Some("De Vlinderhof")));
    assert_eq!(find("linde", 1).await, [choice("CPX0002", Some("De Linde 2"))], "the best first within the limit");
    assert_eq!(find("cpx000", 1).await, [choice("CPX0000", Some("De Vlinderhof"))], "a code's beginning ranks too");
    assert_eq!(find("cpx0007", 10).await, [choice("CPX0007", Some("Het Anker 7"))], "by code, case folded");
    assert_eq!(find("ANKER", 5).await.len(), 5, "limited");
    assert!(find("%", 10).await.is_empty(), "a wildcard is taken literally");
    assert!(find("_", 10).await.is_empty());
}

async fn buurten_are_named_by_their_latest_boundaries(db: &Db) {
    let woonstad = organisation(db, "woonstad", OrgKind::Corporation).await;
    import(
        db,
        &woonstad,
        &[
            "A1;C1;De Ark;Kerkstraat;1;1011AA;Amsterdam;GM0363;BU03630000",
            "A2;C1;De Ark;Kerkstraat;2;1011AA;Amsterdam;GM0363;BU03630001",
        ],
    )
    .await;
    let square = Polygon { rings: vec![vec![[4.8, 52.3], [4.9, 52.3], [4.9, 52.4], [4.8, 52.4], [4.8, 52.3]]] };
    let area = |code: &str, name: &str, year| Area {
        kind: AreaKind::Buurt,
        code: code.to_owned(),
        name: name.to_owned(),
        year: Some(year),
        polygons: vec![square.clone()],
    };
    areas::replace(db, &actor(), 2022, &[area("BU03630000", "Oude naam", 2022)]).await.expect("2022");
    areas::replace(db, &actor(), 2023, &[area("BU03630000", "Kop van Jut", 2023)]).await.expect("2023");
    let w = woonstad.org_id();
    let all = stock::choices(db, &woonstad, w, StockRef::Buurt, None, 10).await.expect("buurten");
    assert_eq!(all, [choice("BU03630000", Some("Kop van Jut")), choice("BU03630001", None)]);
    let found = stock::choices(db, &woonstad, w, StockRef::Buurt, Some("jut"), 10).await.expect("by name");
    assert_eq!(found, [choice("BU03630000", Some("Kop van Jut"))]);
    assert_eq!(stock::choice_count(db, &woonstad, w, StockRef::Buurt).await.expect("count"), 2);
    let names = stock::area_names(db, "buurt", &["BU03630000".to_owned(), "BU99".to_owned()]).await.expect("names");
    assert_eq!(names.into_iter().collect::<Vec<_>>(), [("BU03630000".to_owned(), "Kop van Jut".to_owned())]);
}

/// The list page's pickers show an example code and count the choices without asking the database each time (ADR
/// 0013: kept per stock version): a later import must still be seen at once.
async fn the_example_and_the_counts_follow_the_stock(db: &Db) {
    let woonstad = organisation(db, "woonstad", OrgKind::Corporation).await;
    let w = woonstad.org_id();
    import(db, &woonstad, &["A5;C5;De Ark;Kerkstraat;5;1011AA;Amsterdam;GM0363;BU03630005"]).await;
    for _ in 0..2 {
        assert_eq!(stock::first_choice(db, &woonstad, w, StockRef::Complex).await.expect("first"), Some("C5".into()));
        assert_eq!(
            stock::first_choice(db, &woonstad, w, StockRef::Buurt).await.expect("first"),
            Some("BU03630005".into())
        );
        assert_eq!(stock::choice_count(db, &woonstad, w, StockRef::Complex).await.expect("count"), 1);
    }
    // A second file adds a complex and a buurt that sort first: the next page shows them.
    import(
        db,
        &woonstad,
        &[
            "A5;C5;De Ark;Kerkstraat;5;1011AA;Amsterdam;GM0363;BU03630005",
            "A1;C1;De Linde;Kerkstraat;1;1011AA;Amsterdam;GM0363;BU03630001",
        ],
    )
    .await;
    assert_eq!(stock::first_choice(db, &woonstad, w, StockRef::Complex).await.expect("first"), Some("C1".into()));
    assert_eq!(stock::first_choice(db, &woonstad, w, StockRef::Buurt).await.expect("first"), Some("BU03630001".into()));
    assert_eq!(stock::choice_count(db, &woonstad, w, StockRef::Complex).await.expect("count"), 2);
    assert_eq!(stock::choice_count(db, &woonstad, w, StockRef::Buurt).await.expect("count"), 2);
    // Another organisation learns nothing from what is kept.
    let other = organisation(db, "kade", OrgKind::Corporation).await;
    let refused = stock::first_choice(db, &other, w, StockRef::Complex).await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
}
