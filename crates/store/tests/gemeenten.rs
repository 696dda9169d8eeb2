//! Who works where (issue 19, ADR 0039) on SQLite and PostgreSQL: the gemeente codes of a municipality, known or
//! refused; a corporation's working area; and the coverage figures a municipality opens, bounded to its gemeenten.

use time::macros::datetime;
use volkshuis_domain::access::{self, Manage, Membership, Role, View, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::boundaries::{Area, AreaKind};
use volkshuis_domain::geo::Polygon;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::participatie::{self as part, AreaLevel};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::{areas, gemeenten, orgs, overleg, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    codes_are_known_from_boundaries_or_stock,
    a_corporation_works_where_it_has_stock_and_where_it_declares,
    a_municipality_opens_figures_only_inside_its_gemeenten
);

const HEADER: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n";

/// Woonstad: two homes in Amsterdam, one in Deventer.
const WOONSTAD: &str = "A1;C1;De Ark;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000\n\
A2;C1;De Ark;Kerkstraat;2;;1011AA;Amsterdam;GM0363;BU03630000\n\
D1;C9;De Brink;Brink;1;;7411BR;Deventer;GM0150;BU01500001\n";

/// A second corporation with one home in Deventer only.
const SECOND: &str = "E1;K1;Kerkhof;Brink;2;;7411BR;Deventer;GM0150;BU01500001\n";

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-12-04 10:00 UTC))
}

fn codes(list: &str) -> Vec<GemeenteCode> {
    GemeenteCode::parse_list(list).expect("well-formed codes")
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let mut tx = db.begin().await.expect("begin");
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

async fn import(db: &Db, corporation: i64, rows: &'static str) {
    let file = format!("{HEADER}{rows}");
    let reader = StockReader::new(std::io::Cursor::new(file.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(db, &admin_scope(corporation), &actor(), "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
}

async fn set(db: &Db, org: i64, list: &str) -> Result<(), StoreError> {
    let mut tx = db.begin().await.expect("begin");
    gemeenten::set(&mut tx, &actor(), org, &codes(list), 2023).await?;
    tx.commit().await.expect("commit");
    Ok(())
}

fn listed(found: &[gemeenten::OrgGemeente]) -> Vec<(&str, i64, Option<&str>)> {
    found.iter().map(|g| (g.code.as_str(), g.boundary_year, g.name.as_deref())).collect()
}

async fn codes_are_known_from_boundaries_or_stock(db: &Db) {
    let municipality = org(db, "gm-test", OrgKind::Municipality).await;
    // Nothing known yet: the first unknown code is named and nothing is written.
    match set(db, municipality, "GM0150,GM0363").await {
        Err(StoreError::UnknownGemeente { code }) => assert_eq!(code, "GM0150"),
        other => panic!("expected an unknown code, got {other:?}"),
    }
    assert!(gemeenten::of_org(db, municipality).await.expect("codes").is_empty());
    // Known from an imported boundary (with its name) or from a unit in some stock.
    let square = Polygon { rings: vec![vec![[6.1, 52.2], [6.2, 52.2], [6.2, 52.3], [6.1, 52.2]]] };
    let deventer = Area {
        kind: AreaKind::Gemeente,
        code: "GM0150".into(),
        name: "Deventer".into(),
        year: Some(2023),
        polygons: vec![square],
    };
    areas::replace(db, &actor(), 2023, &[deventer]).await.expect("boundaries");
    let corporation = org(db, "woonstad", OrgKind::Corporation).await;
    import(db, corporation, WOONSTAD).await;
    assert_eq!(
        gemeenten::first_unknown(db, &codes("GM0150 GM0363 GM9999")).await.expect("known"),
        Some("GM9999".into())
    );
    set(db, municipality, "gm0363, GM0150").await.expect("both known");
    let found = gemeenten::of_org(db, municipality).await.expect("codes");
    assert_eq!(listed(&found), [("GM0150", 2023, Some("Deventer")), ("GM0363", 2023, None)]);
    // A list with an unknown code leaves the earlier codes as they were; an empty list clears them.
    assert!(matches!(set(db, municipality, "GM0363,GM0001").await, Err(StoreError::UnknownGemeente { .. })));
    assert_eq!(gemeenten::of_org(db, municipality).await.expect("codes").len(), 2);
    set(db, municipality, "").await.expect("cleared");
    assert!(gemeenten::of_org(db, municipality).await.expect("codes").is_empty());
    // An organisation that does not exist.
    assert!(matches!(set(db, 999_999, "GM0363").await, Err(StoreError::NotFound)));
}

async fn a_corporation_works_where_it_has_stock_and_where_it_declares(db: &Db) {
    let corporation = org(db, "woonstad", OrgKind::Corporation).await;
    import(db, corporation, WOONSTAD).await;
    let second = org(db, "tweede", OrgKind::Corporation).await;
    import(db, second, SECOND).await;
    // Declared: Deventer (where it has stock too) and Zutphen (known from an imported boundary only).
    let square = Polygon { rings: vec![vec![[6.1, 52.1], [6.2, 52.1], [6.2, 52.2], [6.1, 52.1]]] };
    let zutphen = Area {
        kind: AreaKind::Gemeente,
        code: "GM0301".into(),
        name: "Zutphen".into(),
        year: Some(2023),
        polygons: vec![square],
    };
    areas::replace(db, &actor(), 2023, &[zutphen]).await.expect("boundaries");
    set(db, corporation, "GM0150,GM0301").await.expect("declared");
    let area = gemeenten::working_area(db, corporation).await.expect("area");
    let seen: Vec<(&str, i64, bool, Option<&str>)> =
        area.iter().map(|g| (g.code.as_str(), g.units, g.declared, g.name.as_deref())).collect();
    assert_eq!(seen, [("GM0150", 1, true, None), ("GM0301", 0, true, Some("Zutphen")), ("GM0363", 2, false, None)]);
    let theirs = gemeenten::working_area(db, second).await.expect("area");
    assert_eq!(
        theirs.iter().map(|g| (g.code.as_str(), g.units, g.declared)).collect::<Vec<_>>(),
        [("GM0150", 1, false)]
    );
}

async fn a_municipality_opens_figures_only_inside_its_gemeenten(db: &Db) {
    let corporation = org(db, "woonstad", OrgKind::Corporation).await;
    import(db, corporation, WOONSTAD).await;
    let second = org(db, "tweede", OrgKind::Corporation).await;
    import(db, second, SECOND).await;
    let tenants = org(db, "huurders", OrgKind::TenantOrganisation).await;
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &admin_scope(corporation), &actor(), tenants, None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &admin_scope(tenants), &actor(), corporation, true).await.expect("accept");
    tx.commit().await.expect("commit");
    let municipality = org(db, "gm-test", OrgKind::Municipality).await;
    let read = |org: i64| {
        access::grant(org, Some(Membership { user_id: 0, org_id: org, role: Role::ReadOnly }), View).expect("view")
    };
    let gm = read(municipality);

    // No codes: no corporation and no figures.
    assert!(part::corporations_in_territory(db, &gm).await.expect("list").is_empty());
    assert_eq!(part::open_figures(db, &gm, corporation).await.expect("open"), None);

    // Amsterdam: Woonstad's two homes there, not its Deventer home; the second corporation is closed.
    set(db, municipality, "GM0363").await.expect("known");
    let names: Vec<String> =
        part::corporations_in_territory(db, &gm).await.expect("list").into_iter().map(|o| o.code).collect();
    assert_eq!(names, ["woonstad"]);
    assert_eq!(part::open_figures(db, &gm, second).await.expect("open"), None);
    let figures = part::open_figures(db, &gm, corporation).await.expect("open").expect("Woonstad has homes here");
    assert!(figures.bounded());
    assert_eq!(part::coverage_totals(db, &figures).await.expect("totals").total(), 2);
    for level in [AreaLevel::Gemeente, AreaLevel::Wijk, AreaLevel::Buurt, AreaLevel::Complex] {
        let rows = part::coverage_by(db, &figures, level, 100).await.expect("rows");
        assert_eq!(rows.iter().map(|r| r.counts.total()).sum::<i64>(), 2, "{level:?}");
        assert!(rows.iter().all(|r| !r.code.contains("0150") && r.code != "C9"), "{level:?}: {rows:?}");
    }
    let (kind_totals, kind_rows) =
        part::coverage_for_kind(db, &figures, "bewonerscommissie", AreaLevel::Gemeente, 100).await.expect("kind");
    assert_eq!((kind_totals.total(), kind_rows.len()), (2, 1));
    let everywhere = [-180.0, -90.0, 180.0, 90.0];
    for point in part::coverage_grid(db, &figures, 1.0, everywhere).await.expect("grid") {
        assert_eq!(point.counts.total(), 2);
    }

    // Deventer: both corporations, one home each.
    set(db, municipality, "GM0150").await.expect("known");
    assert_eq!(part::corporations_in_territory(db, &gm).await.expect("list").len(), 2);
    let figures = part::open_figures(db, &gm, corporation).await.expect("open").expect("opened");
    assert_eq!(part::coverage_totals(db, &figures).await.expect("totals").total(), 1);

    // The corporation and its tenant organisation see the whole stock; a tenant organisation has no territory.
    for org in [corporation, tenants] {
        let whole = part::open_figures(db, &read(org), corporation).await.expect("open").expect("opened");
        assert!(!whole.bounded());
        assert_eq!(part::coverage_totals(db, &whole).await.expect("totals").total(), 3);
    }
    assert!(part::corporations_in_territory(db, &read(tenants)).await.expect("list").is_empty());
    assert_eq!(part::open_figures(db, &read(tenants), second).await.expect("open"), None);
}
