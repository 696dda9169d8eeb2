//! Importing and reading the stock, on SQLite and on PostgreSQL.

use std::sync::Arc;
use std::time::Duration;
use time::macros::datetime;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::boundaries::{Area, AreaKind};
use volkshuis_domain::geo::Polygon;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::{self, Actor};
use volkshuis_store::stock::{self, ImportOptions, ImportSummary, UnitFilter, UnitPage};
use volkshuis_store::testdb::sql;
use volkshuis_store::testdb::TestDb;
use volkshuis_store::{areas, orgs, Backend, Db};

volkshuis_store::store_test_on_both_backends!(
    complexes_have_a_kind,
    import_reimport_and_change,
    a_bad_row_writes_nothing,
    valid_rows_only_when_asked,
    codes_outside_a_loaded_vera_list_are_refused,
    missing_units_are_reported_and_marked_only_when_asked,
    dry_run_counts_but_writes_nothing,
    duplicate_ids_in_one_file_are_errors,
    corporations_never_see_each_others_stock,
    a_unit_is_named_by_its_id_extern_or_its_address,
    filters_and_pages,
    large_file_in_batches,
    map_clusters_and_points,
    statistics_are_refreshed_after_a_large_import,
    a_bulk_load_keeps_the_schema_and_rolls_back_whole,
    area_totals_are_exact_beyond_the_cap,
    a_complex_page_has_the_figures_of_the_complexes_list,
    summed_cells_are_the_grouped_cells,
    a_unit_with_a_bad_row_is_not_marked_missing,
    two_imports_of_one_stock_at_once_take_turns,
    a_database_error_half_way_leaves_nothing,
    lists_come_in_byte_order_on_both_engines,
    hostile_values_get_the_same_errors_in_the_check_and_the_import,
    a_full_file_without_units_marks_nothing_unless_confirmed,
    two_first_loads_of_one_stock_at_once_never_deadlock,
    first_loads_of_two_corporations_at_once_never_deadlock,
);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;soort;status;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;maatschappelijkLabel;nettohuur;breedtegraad;lengtegraad";

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}
fn file(rows: &[&str]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

const A1: &str = "A1;C1;De Ark;WON;VHR;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000;DAE;650,00;52,37;4,89";
const A2: &str = "A2;C1;De Ark;WON;VHR;Kerkstraat;2;a;1011AA;Amsterdam;GM0363;BU03630000;DAE;700,00;52,37;4,89";
const A3: &str = "A3;C2;Het Anker;BOG;VHR;Coolsingel;10;;3011AD;Rotterdam;GM0599;;NDA;1.250,00;;";
const A4_BY_POSITION: &str = "A4;C1;De Ark;WON;VHR;Kerkstraat;3;;1011AA;Amsterdam;;;DAE;800,00;52,37;4,89";

async fn corporation(db: &Db, code: &str) -> WriteScope {
    let mut tx = db.begin().await.expect("begin");
    let fields = orgs::OrgFields {
        code: OrgCode::parse(code).expect("code"),
        name: Name::parse(code).expect("name"),
        kind: OrgKind::Corporation,
    };
    let org = orgs::create(&mut tx, &actor(), &fields).await.expect("org");
    tx.commit().await.expect("commit");
    admin_scope(org.id)
}

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

async fn import(db: &Db, scope: &WriteScope, content: &str, options: ImportOptions) -> ImportSummary {
    let reader = StockReader::new(std::io::Cursor::new(content.to_owned().into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..options };
    stock::import_units(db, scope, &actor(), "test.csv", reader, options, &mut |_| {}).await.expect("import")
}

/// The import gives new complexes their ids itself: a second import of the same stock at the same time waits for the
/// first (on PostgreSQL it would otherwise give the same complex a second id, and fail on its code).
async fn two_imports_of_one_stock_at_once_take_turns(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let content = file(&[A1, A2, A3]);
    let (one, two) = tokio::join!(
        import(db, &woonstad, &content, ImportOptions::default()),
        import(db, &woonstad, &content, ImportOptions::default()),
    );
    let mut new = [one.new, two.new];
    new.sort_unstable();
    assert_eq!(new, [0, 3], "the second import finds what the first wrote");
    assert_eq!(count(db, &woonstad).await, 3);
    let complexes: i64 = sql::query_scalar("SELECT COUNT(*) FROM clusters").fetch_one(db).await.expect("count");
    assert_eq!(complexes, 2);
}

async fn count(db: &Db, scope: &WriteScope) -> i64 {
    stock::units(db, scope, &UnitFilter::default(), 0, 1).await.expect("units").total
}

async fn import_reimport_and_change(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let first = import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    assert_eq!((first.rows, first.new, first.changed, first.unchanged, first.written), (3, 3, 0, 0, true));
    assert_eq!(count(db, &woonstad).await, 3);

    let again = import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    assert_eq!((again.new, again.changed, again.unchanged), (0, 0, 3), "re-importing changes nothing");

    let a2_more_rent = A2.replace("700,00", "725,50");
    let changed = import(db, &woonstad, &file(&[A1, &a2_more_rent, A3]), ImportOptions::default()).await;
    assert_eq!((changed.new, changed.changed, changed.unchanged), (0, 1, 2));
    let page = stock::units(db, &woonstad, &UnitFilter { text: Some("A2".into()), ..Default::default() }, 0, 10)
        .await
        .expect("units");
    assert_eq!(page.units[0].nettohuur_cents, Some(72_550));
    assert_eq!(page.units[0].address, "Kerkstraat 2A");
    let a2 = stock::unit(db, &woonstad, page.units[0].id).await.expect("unit").expect("A2");
    assert_eq!(a2.cbs_year, Some(2023));

    let clusters = stock::clusters(db, &woonstad).await.expect("clusters");
    assert_eq!(clusters.len(), 2);
    assert_eq!((clusters[0].code.as_str(), clusters[0].units, clusters[0].daeb_units), ("C1", 2, 2));
    assert_eq!(clusters[0].average_rent_cents, Some(68_775));
    let trail = audit::list(db, &audit::Filter { action: Some("import".into()), ..Default::default() }, 10)
        .await
        .expect("audit");
    assert_eq!(trail.len(), 3, "every import that wrote is in the trail");
}

async fn a_bad_row_writes_nothing(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    import(db, &woonstad, &file(&[A1]), ImportOptions::default()).await;
    let bad = "A9;C9;Nieuw;WON;VHR;Dorpsweg;x;;1234AB;Ergens;;;;;;";
    let changed_a1 = A1.replace("650,00", "999,00");
    let summary = import(db, &woonstad, &file(&[&changed_a1, A2, bad]), ImportOptions::default()).await;
    assert!(!summary.written);
    assert_eq!(summary.errors.len(), 1);
    assert_eq!((summary.errors[0].line, summary.errors[0].column.as_str()), (4, "huisnummer"));
    assert_eq!(count(db, &woonstad).await, 1, "A2 not added");
    let a1 = stock::units(db, &woonstad, &UnitFilter::default(), 0, 10).await.expect("units");
    assert_eq!(a1.units[0].nettohuur_cents, Some(65_000), "A1 not changed");
    assert_eq!(stock::clusters(db, &woonstad).await.expect("clusters").len(), 1, "cluster C9 not created");
}

async fn valid_rows_only_when_asked(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let bad = "A9;;;WON;VHR;Dorpsweg;1;;12345;Ergens;;;;;;";
    let options = ImportOptions { import_valid_rows: true, ..Default::default() };
    let summary = import(db, &woonstad, &file(&[A1, bad, A2]), options).await;
    assert!(summary.written);
    assert_eq!((summary.new, summary.errors.len()), (2, 1));
    assert_eq!(count(db, &woonstad).await, 2);
}

/// Where the VERA lists are loaded, a unit's coded values must come from them (those of another list or of no list
/// are not checked); each unknown code is named on its line and column, and a duplicate of the same row beside it.
async fn codes_outside_a_loaded_vera_list_are_refused(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let list = "Soort;Code;Naam;Omschrijving;Begindatum;Einddatum;Parent;Informatiedomein\n\
                EENHEIDSOORT;WON;Woning (oud);;;1-1-2020;;Vastgoed\n\
                EENHEIDSOORT;BOG;Bedrijfsonroerend goed;;;;;Vastgoed\n\
                EENHEIDSTATUS;VHR;Verhuurd;;;;;Vastgoed\n";
    let (codes, _) = volkshuis_domain::vera::parse(list.as_bytes()).expect("parse");
    volkshuis_store::vera::replace_all(db, &actor(), &codes).await.expect("store");
    let unknown_kind = A2.replace(";WON;VHR;", ";WOO;VHR;");
    let unknown_both = A3.replace(";BOG;VHR;", ";XX;huur;").replace("A3;", "A1;");
    let summary = import(db, &woonstad, &file(&[A1, &unknown_kind, &unknown_both]), ImportOptions::default()).await;
    assert!(!summary.written);
    let named: Vec<(u64, &str, &str, String)> =
        summary.errors.iter().map(|e| (e.line, e.column.as_str(), e.value.as_str(), e.reason.to_string())).collect();
    assert_eq!(
        named,
        [
            (3, "soort", "WOO", "is geen code uit de VERA-lijst EENHEIDSOORT".to_owned()),
            (4, "soort", "XX", "is geen code uit de VERA-lijst EENHEIDSOORT".to_owned()),
            (4, "status", "HUUR", "is geen code uit de VERA-lijst EENHEIDSTATUS".to_owned()),
            (4, "idExtern", "A1", "komt al voor op regel 2".to_owned()),
        ]
    );
    assert_eq!(count(db, &woonstad).await, 0);
    let options = ImportOptions { import_valid_rows: true, ..Default::default() };
    let summary = import(db, &woonstad, &file(&[A1, &unknown_kind]), options).await;
    assert_eq!((summary.new, summary.errors.len()), (1, 1), "a retired code (WON) is still a code");
    assert_eq!(count(db, &woonstad).await, 1);
}

/// Importing the valid rows of a file with errors and marking missing units: a unit whose row has an error is not
/// missing from the file, so nothing is marked (and the user is told why).
async fn a_unit_with_a_bad_row_is_not_marked_missing(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    let a2_bad_rent = A2.replace("700,00", "zeven");
    let options = ImportOptions { import_valid_rows: true, mark_missing: true, ..Default::default() };
    let summary = import(db, &woonstad, &file(&[A1, &a2_bad_rent]), options).await;
    assert!(summary.written);
    assert_eq!((summary.errors.len(), summary.missing, summary.marked_missing), (1, 2, 0));
    assert!(
        summary.warnings.iter().any(|w| w.to_string().contains("niet buiten gebruik gezet")),
        "{:?}",
        summary.warnings
    );
    assert_eq!(count(db, &woonstad).await, 3, "A2 and A3 stay in use");
    let clean = ImportOptions { mark_missing: true, ..Default::default() };
    let summary = import(db, &woonstad, &file(&[A1, A2]), clean).await;
    assert_eq!((summary.marked_missing, count(db, &woonstad).await), (1, 2), "a file without errors marks A3");
}

async fn missing_units_are_reported_and_marked_only_when_asked(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    let report = import(db, &woonstad, &file(&[A1, A2]), ImportOptions::default()).await;
    assert_eq!((report.missing, report.marked_missing), (1, 0));
    assert_eq!(count(db, &woonstad).await, 3, "reported, not marked");
    let marked =
        import(db, &woonstad, &file(&[A1, A2]), ImportOptions { mark_missing: true, ..Default::default() }).await;
    assert_eq!((marked.missing, marked.marked_missing), (1, 1));
    assert_eq!(count(db, &woonstad).await, 2);
    let all = UnitFilter { include_out_of_use: true, ..Default::default() };
    assert_eq!(stock::units(db, &woonstad, &all, 0, 10).await.expect("units").total, 3);
    let back = import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    assert_eq!((back.changed, back.missing), (1, 0), "a unit that comes back is in use again");
    assert_eq!(count(db, &woonstad).await, 3);
}

async fn dry_run_counts_but_writes_nothing(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let summary = import(db, &woonstad, &file(&[A1, A2]), ImportOptions { dry_run: true, ..Default::default() }).await;
    assert_eq!((summary.new, summary.written), (2, false));
    assert_eq!(count(db, &woonstad).await, 0);
    assert!(stock::clusters(db, &woonstad).await.expect("clusters").is_empty());
}

async fn duplicate_ids_in_one_file_are_errors(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let summary = import(db, &woonstad, &file(&[A1, A2, A1]), ImportOptions::default()).await;
    assert_eq!(summary.errors.len(), 1);
    assert_eq!((summary.errors[0].line, summary.errors[0].reason.to_string().as_str()), (4, "komt al voor op regel 2"));
    assert_eq!(count(db, &woonstad).await, 0);
}

async fn corporations_never_see_each_others_stock(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let other = corporation(db, "anders").await;
    import(db, &woonstad, &file(&[A1, A2]), ImportOptions::default()).await;
    let same_ids = import(db, &other, &file(&[A1]), ImportOptions::default()).await;
    assert_eq!(same_ids.new, 1, "the same idExtern at another corporation is another unit");
    assert_eq!(count(db, &other).await, 1);
    let theirs = stock::units(db, &woonstad, &UnitFilter::default(), 0, 10).await.expect("units");
    for unit in &theirs.units {
        assert!(stock::unit(db, &other, unit.id).await.expect("unit").is_none());
    }
    let cluster_id = stock::clusters(db, &woonstad).await.expect("clusters")[0].id;
    assert!(stock::cluster(db, &other, cluster_id).await.expect("cluster").is_none());
    assert!(stock::cluster(db, &woonstad, cluster_id).await.expect("cluster").is_some());
}

async fn a_unit_is_named_by_its_id_extern_or_its_address(db: &Db) {
    use stock::UnitRef::{NeedsAddition, One, Several, Unknown};
    let woonstad = corporation(db, "woonstad").await;
    let other = corporation(db, "anders").await;
    // A5 has the address of A3 under another idExtern; number 2 has only a unit with huisletter a.
    let a5 = "A5;C2;Het Anker;BOG;VHR;Coolsingel;10;;3011AD;Rotterdam;GM0599;;NDA;900,00;;";
    // Number 12 beside number 1: "1 2" is number 1 with toevoeging 2, never number 12.
    let a6 = "A6;C1;De Ark;WON;VHR;Kerkstraat;12;;1011AA;Amsterdam;GM0363;BU03630000;DAE;650,00;52,37;4,89";
    import(db, &woonstad, &file(&[A1, A2, A3, a5, a6]), ImportOptions::default()).await;
    import(db, &other, &file(&[A1]), ImportOptions::default()).await;
    let id = |scope, id_extern| async move {
        stock::unit_id_by_extern(db, scope, id_extern).await.expect("read").expect("unit")
    };
    let (a1, a2, other_a1) = (id(&woonstad, "A1").await, id(&woonstad, "A2").await, id(&other, "A1").await);
    let named = |scope, typed| async move { stock::unit_by_reference(db, scope, typed).await.expect("read") };
    assert_eq!(named(&woonstad, "A1").await, One(a1));
    assert_eq!(named(&woonstad, " A2 ").await, One(a2), "typed with spaces around it");
    assert_eq!(named(&woonstad, "1011 AA 1").await, One(a1));
    assert_eq!(named(&woonstad, "1011aa1").await, One(a1));
    assert_eq!(named(&other, "1011 AA 1").await, One(other_a1), "the same address in another stock is that one's");
    assert_eq!(named(&woonstad, "1011AA 2-a").await, One(a2));
    assert_eq!(named(&woonstad, "1011 AA 2A").await, One(a2));
    assert_eq!(named(&woonstad, "1011AA 2").await, NeedsAddition, "only 2a is there: not chosen unasked");
    assert_eq!(named(&woonstad, "1011AA 2b").await, Unknown);
    assert_eq!(named(&woonstad, "3011 AD 10").await, Several, "two units share this address");
    assert_eq!(named(&woonstad, "1011AA").await, Unknown, "a postcode without a number names no unit");
    assert_eq!(named(&woonstad, "Kerkstraat 1").await, Unknown, "a street is not an address to go by");
    assert_eq!(named(&woonstad, "9999 ZZ 1").await, Unknown);
    assert_eq!(named(&other, "A2").await, Unknown, "another corporation's idExtern");
    assert_eq!(named(&other, "1011AA 2a").await, Unknown, "another corporation's address");
    assert_eq!(named(&woonstad, "1011 AA 1 2").await, Unknown, "toevoeging 2 of number 1, which has none");
    assert_eq!(named(&woonstad, "1011 AA 12").await, One(id(&woonstad, "A6").await));
    // A unit out of use (sold, say) is still at its address, until a unit in use is there too (a home rebuilt under a
    // new idExtern): then that one.
    sql::query("UPDATE units SET in_use = 0 WHERE id = $1").bind(a1).execute(db).await.expect("out of use");
    assert_eq!(named(&woonstad, "1011 AA 1").await, One(a1));
    let a7 = "A7;C1;De Ark;WON;VHR;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000;DAE;650,00;52,37;4,89";
    import(db, &woonstad, &file(&[a7]), ImportOptions::default()).await;
    assert_eq!(named(&woonstad, "1011 AA 1").await, One(id(&woonstad, "A7").await));
    assert_eq!(named(&woonstad, "A1").await, One(a1), "its idExtern still names it");
}

async fn filters_and_pages(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    let by = |f: UnitFilter| async move { stock::units(db, &woonstad, &f, 0, 10).await.expect("units").total };
    assert_eq!(by(UnitFilter { gemeente: Some("GM0599".into()), ..Default::default() }).await, 1);
    assert_eq!(by(UnitFilter { buurt: Some("BU03630000".into()), ..Default::default() }).await, 2);
    assert_eq!(by(UnitFilter { soort: Some("BOG".into()), ..Default::default() }).await, 1);
    assert_eq!(by(UnitFilter { label: Some("DAE".into()), ..Default::default() }).await, 2);
    assert_eq!(by(UnitFilter { rent_min: Some(68_000), rent_below: Some(100_000), ..Default::default() }).await, 1);
    assert_eq!(by(UnitFilter { text: Some("rotter".into()), ..Default::default() }).await, 1);
    // A BAG id, whole: the homes of a building (pand) or the one home; sixteen digits that name nothing find none.
    sql::query("UPDATE units SET bag_pand_id = '0363100012345678' WHERE id_extern IN ('A1', 'A2')")
        .execute(db)
        .await
        .expect("pand ids");
    sql::query("UPDATE units SET bag_verblijfsobject_id = '0363010000000003' WHERE id_extern = 'A3'")
        .execute(db)
        .await
        .expect("vbo id");
    assert_eq!(by(UnitFilter { text: Some("0363100012345678".into()), ..Default::default() }).await, 2);
    assert_eq!(by(UnitFilter { text: Some(" 0363010000000003 ".into()), ..Default::default() }).await, 1);
    assert_eq!(by(UnitFilter { text: Some("0363100012345679".into()), ..Default::default() }).await, 0);
    let both = UnitFilter { text: Some("0363100012345678".into()), soort: Some("BOG".into()), ..Default::default() };
    assert_eq!(by(both).await, 0, "the other filters still apply");
    let stored: i64 = sql::query_scalar("SELECT units_in_use FROM stock_totals WHERE corporation_id = $1")
        .bind(woonstad.org_id())
        .fetch_one(db)
        .await
        .expect("stored total");
    assert_eq!(stored, 3, "the import keeps the unfiltered total");
    let page2 = stock::units(db, &woonstad, &UnitFilter::default(), 2, 2).await.expect("units");
    assert_eq!((page2.total, page2.units.len()), (3, 1));
    assert_eq!(page2.units[0].woonplaats, "Rotterdam", "ordered by town, street, number");
    // A page past the end still knows the total, kept or counted.
    let past_end = stock::units(db, &woonstad, &UnitFilter::default(), 10, 2).await.expect("units");
    assert_eq!((past_end.total, past_end.exact, past_end.units.len()), (3, true, 0));
    let label = UnitFilter { label: Some("DAE".into()), ..Default::default() };
    let past_end = stock::units(db, &woonstad, &label, 10, 2).await.expect("units");
    assert_eq!((past_end.total, past_end.exact, past_end.units.len()), (2, false, 0));
}

/// Lists filtered only by gemeente or buurt take their total from the kept cells: exact beyond the counting cap.
async fn area_totals_are_exact_beyond_the_cap(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let rows: Vec<String> = (1..=10_500)
        .map(|i| {
            let (gemeente, buurt) = if i % 50 == 0 { ("GM0599", "BU05990000") } else { ("GM0363", "BU03630000") };
            format!("V{i};C1;Complex;WON;VHR;Laan;{i};;1234AB;Stad;{gemeente};{buurt};DAE;500,00;;")
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    import(db, &woonstad, &file(&refs), ImportOptions::default()).await;
    let page = |f: UnitFilter| async move { stock::units(db, &woonstad, &f, 0, 10).await.expect("units") };
    let amsterdam = page(UnitFilter { gemeente: Some("GM0363".into()), ..Default::default() }).await;
    assert_eq!((amsterdam.total, amsterdam.exact), (10_290, true), "10,500 less every 50th");
    let filter = UnitFilter { gemeente: Some("GM0363".into()), ..Default::default() };
    // Far into the list a page's ids are picked first: the same rows in the same order as the plain way.
    for filter in [UnitFilter::default(), filter.clone()] {
        let plain = stock::units(db, &woonstad, &filter, 490, 20).await.expect("units").units;
        let deferred = stock::units(db, &woonstad, &filter, 500, 10).await.expect("units");
        assert_eq!(deferred.units, plain[10..], "{filter:?}");
        assert!(deferred.exact);
    }
    let past_end = stock::units(db, &woonstad, &filter, 20_000, 10).await.expect("units");
    assert_eq!((past_end.total, past_end.exact, past_end.units.len()), (10_290, true, 0));
    let buurt = page(UnitFilter { buurt: Some("BU05990000".into()), ..Default::default() }).await;
    assert_eq!((buurt.total, buurt.exact), (210, true));
    let nowhere = page(UnitFilter { gemeente: Some("GM0014".into()), ..Default::default() }).await;
    assert_eq!((nowhere.total, nowhere.exact, nowhere.units.len()), (0, true, 0));
    let combined =
        page(UnitFilter { gemeente: Some("GM0363".into()), soort: Some("WON".into()), ..Default::default() }).await;
    assert_eq!((combined.total, combined.exact), (10_001, false), "other filters are counted up to the cap");
    let with_out_of_use =
        page(UnitFilter { gemeente: Some("GM0363".into()), include_out_of_use: true, ..Default::default() }).await;
    assert!(!with_out_of_use.exact, "the cells hold units in use only");
}

async fn large_file_in_batches(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let rows: Vec<String> =
        (1..=1234).map(|i| format!("V{i};C{};Complex;WON;VHR;Laan;{i};;1234AB;Stad;;;DAE;500,00;;", i % 7)).collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let summary = import(db, &woonstad, &file(&refs), ImportOptions::default()).await;
    assert_eq!((summary.new, summary.written), (1234, true));
    assert_eq!(count(db, &woonstad).await, 1234);
    assert_eq!(stock::clusters(db, &woonstad).await.expect("clusters").len(), 7);
    let second = stock::clusters_page(db, &woonstad, 5, 5).await.expect("page");
    assert_eq!(second.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), vec!["C5", "C6"]);
    assert_eq!(second.iter().map(|c| c.units).sum::<i64>(), 176 + 176, "figures of that page's complexes");
    assert_eq!(stock::cluster_count(db, &woonstad).await.expect("count"), 7);
}

async fn map_clusters_and_points(db: &Db) {
    use volkshuis_store::stock::map;
    let woonstad = corporation(db, "woonstad").await;
    let other = corporation(db, "anders").await;
    import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    let netherlands = [3.2, 50.7, 7.3, 53.6];
    let country = map::clusters(db, &woonstad, 7, netherlands).await.expect("clusters");
    assert_eq!(country.iter().map(|c| c.units).sum::<i64>(), 2, "A3 has no position");
    assert_eq!(country.len(), 1, "A1 and A2 lie together");
    assert_eq!((country[0].units, country[0].daeb_units), (2, 2));
    assert!((country[0].lat - 52.37).abs() < 1e-9);
    let elsewhere = map::clusters(db, &woonstad, 7, [5.0, 51.0, 6.0, 52.0]).await.expect("clusters");
    assert!(elsewhere.is_empty());
    let street = map::points(db, &woonstad, [4.88, 52.36, 4.90, 52.38]).await.expect("points");
    assert_eq!(street.iter().map(|p| p.address.as_str()).collect::<Vec<_>>(), vec!["Kerkstraat 1", "Kerkstraat 2A"]);
    assert!(map::clusters(db, &other, 7, netherlands).await.expect("clusters").is_empty());
    assert!(map::points(db, &other, netherlands).await.expect("points").is_empty());
    let out = ImportOptions { mark_missing: true, ..Default::default() };
    import(db, &woonstad, &file(&[A1, A3]), out).await;
    let after = map::clusters(db, &woonstad, 12, netherlands).await.expect("clusters");
    assert_eq!(after.iter().map(|c| c.units).sum::<i64>(), 1, "the map follows the import");
}

async fn statistics_are_refreshed_after_a_large_import(db: &Db) {
    use volkshuis_domain::bezit::synthetic::{header, Generator};
    let woonstad = corporation(db, "woonstad").await;
    let rows: Vec<String> = Generator::new(10_000, 5).collect();
    let content = format!("{}\n{}\n", header(), rows.join("\n"));
    let summary = import(db, &woonstad, &content, ImportOptions::default()).await;
    assert_eq!((summary.new, summary.written), (10_000, true));
    let analysed: i64 = match db.backend() {
        volkshuis_store::Backend::Sqlite => sql::query_scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'units'")
            .fetch_one(db)
            .await
            .expect("sqlite_stat1"),
        volkshuis_store::Backend::Postgres => sql::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'units' AND last_analyze IS NOT NULL",
        )
        .fetch_one(db)
        .await
        .expect("pg_stat_user_tables"),
    };
    assert!(analysed > 0, "the planner knows the table is no longer empty");
    if db.backend() == volkshuis_store::Backend::Sqlite {
        // Without samples (ADR 0052): with them SQLite prepared every statement again for each new value bound.
        let samples: i64 =
            sql::query_scalar("SELECT COUNT(*) FROM sqlite_stat4").fetch_one(db).await.expect("sqlite_stat4");
        assert_eq!(samples, 0, "no STAT4 samples after the import's ANALYZE");
    }
    // A complex's page takes its units by complex, not by walking the corporation's whole list in address order
    // (what a sampled ANALYZE made SQLite do: it then believed the corporation had a thousand units).
    let cluster: i64 = sql::query_scalar("SELECT MIN(cluster_id) FROM units").fetch_one(db).await.expect("cluster");
    let page = format!(
        "SELECT u.id FROM units u WHERE u.corporation_id = {} AND u.cluster_id = {cluster} AND u.in_use = 1 \
         ORDER BY u.woonplaats, u.straatnaam, u.huisnummer, u.id LIMIT 50 OFFSET 50",
        woonstad.org_id()
    );
    let plan: Vec<String> = match db.backend() {
        volkshuis_store::Backend::Sqlite => {
            let rows = sql::query(&format!("EXPLAIN QUERY PLAN {page}")).fetch_all(db).await.expect("explain");
            rows.iter().map(|row| row.try_get::<String, _>("detail").expect("detail")).collect()
        }
        volkshuis_store::Backend::Postgres => {
            sql::query_scalar(&format!("EXPLAIN {page}")).fetch_all(db).await.expect("explain")
        }
    };
    assert!(plan.iter().any(|line| line.contains("units_by_cluster")), "{plan:?}");
    // In the index's own order: a page of a complex of 300 units reads its 50 rows, it does not sort all 300.
    assert!(!plan.iter().any(|line| line.contains("TEMP B-TREE") || line.contains("Sort")), "{plan:?}");
}

async fn complexes_have_a_kind(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let with_kind = "idExtern;clusterCode;clusterNaam;clusterSoort;straatnaam;huisnummer;postcode;woonplaats\n\
                     S1;K1;Kade;vex;Kade;1;1011AA;Amsterdam\nS2;K2;Dijk;OND;Dijk;2;1011AA;Amsterdam\n";
    let first = import(db, &woonstad, with_kind, ImportOptions::default()).await;
    assert_eq!(first.new, 2);
    let count = |soort: &'static str| {
        let filter = UnitFilter { cluster_soort: Some(soort.into()), ..Default::default() };
        async move { stock::units(db, &woonstad, &filter, 0, 10).await.expect("units").total }
    };
    assert_eq!((count("VEX").await, count("OND").await), (1, 1), "codes are upper-cased");
    // A file without the column changes nothing, and keeps the kinds.
    let without = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats\n\
                   S1;K1;Kade;Kade;1;1011AA;Amsterdam\nS2;K2;Dijk;Dijk;2;1011AA;Amsterdam\n";
    let again = import(db, &woonstad, without, ImportOptions::default()).await;
    assert_eq!((again.new, again.changed, again.unchanged), (0, 0, 2));
    assert_eq!(count("VEX").await, 1);
    // A changed kind moves the complex, not its units.
    let moved = with_kind.replace("vex", "OND");
    let third = import(db, &woonstad, &moved, ImportOptions::default()).await;
    assert_eq!((third.changed, third.unchanged), (0, 2));
    assert_eq!((count("VEX").await, count("OND").await), (0, 2));
    // A complex new in the file whose kind changes further down keeps the last kind (its row is written before the
    // change, not after it).
    let later = format!(
        "{moved}S3;K3;Gracht;vex;Gracht;3;1011AA;Amsterdam\nS4;K3;Gracht;OND;Gracht;4;1011AA;Amsterdam\n\
         S5;K4;Plein;vex;Plein;5;1011AA;Amsterdam\n"
    );
    let fourth = import(db, &woonstad, &later, ImportOptions::default()).await;
    assert_eq!((fourth.new, fourth.unchanged), (3, 2));
    assert_eq!((count("VEX").await, count("OND").await), (1, 4));
}

/// A write that the database refuses half-way through a bulk load (here a trigger fails one unit) stops the import
/// with that error, and leaves nothing: no unit, no complex, every index back. The import's connection, closed with
/// its transaction open, is what rolls it back; the next import runs as if nothing happened.
async fn a_database_error_half_way_leaves_nothing(db: &Db) {
    use volkshuis_domain::bezit::synthetic::{header, Generator};
    let woonstad = corporation(db, "woonstad").await;
    let schema = units_schema(db).await;
    let rows: Vec<String> = Generator::new(60_000, 12).collect();
    let id_column = header().split(';').position(|c| c == "idExtern").expect("idExtern");
    let doomed = rows[55_000].split(';').nth(id_column).expect("id").to_owned();
    let trigger = match db.backend() {
        Backend::Sqlite => format!(
            "CREATE TRIGGER fail_one BEFORE INSERT ON units WHEN NEW.id_extern = '{doomed}' \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        ),
        Backend::Postgres => format!(
            "CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.id_extern = '{doomed}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$; \
             CREATE TRIGGER fail_one BEFORE INSERT ON units FOR EACH ROW EXECUTE FUNCTION fail_one()"
        ),
    };
    sql::raw_sql(&trigger, db).await.expect("trigger");
    let content = format!("{}\n{}\n", header(), rows.join("\n"));
    let reader = || StockReader::new(std::io::Cursor::new(content.clone().into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    let failed = stock::import_units(db, &woonstad, &actor(), "x.csv", reader(), options, &mut |_| {}).await;
    let error = failed.expect_err("the refused write stops the import");
    assert!(error.to_string().contains("injected failure"), "{error}");
    assert_eq!(count(db, &woonstad).await, 0, "no unit is left");
    let complexes: i64 = sql::query_scalar("SELECT COUNT(*) FROM clusters").fetch_one(db).await.expect("n");
    assert_eq!(complexes, 0, "no complex is left");
    assert_eq!(units_schema(db).await, schema, "the dropped indexes are back");

    let drop = match db.backend() {
        Backend::Sqlite => "DROP TRIGGER fail_one",
        Backend::Postgres => "DROP TRIGGER fail_one ON units",
    };
    sql::raw_sql(drop, db).await.expect("trigger dropped");
    let summary = import(db, &woonstad, &content, ImportOptions::default()).await;
    assert_eq!((summary.new, summary.written), (60_000, true));
}

/// The indexes and constraints of `units`, as the database describes them.
async fn units_schema(db: &Db) -> Vec<String> {
    let sql = match db.backend() {
        volkshuis_store::Backend::Sqlite => {
            "SELECT name || ': ' || COALESCE(sql, '(automatic)') AS d FROM sqlite_master \
             WHERE type = 'index' AND tbl_name = 'units' ORDER BY name"
        }
        volkshuis_store::Backend::Postgres => {
            "SELECT indexname || ': ' || indexdef AS d FROM pg_indexes WHERE tablename = 'units' \
             UNION ALL SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint \
             WHERE conrelid = 'units'::regclass ORDER BY 1"
        }
    };
    sql::query_scalar(sql).fetch_all(db).await.expect("schema of units")
}

/// 60,000 new units into an empty table take the bulk path (indexes dropped and built again inside the transaction).
async fn a_bulk_load_keeps_the_schema_and_rolls_back_whole(db: &Db) {
    use volkshuis_domain::bezit::synthetic::{header, Generator};
    let woonstad = corporation(db, "woonstad").await;
    let schema = units_schema(db).await;
    assert!(schema.iter().any(|d| d.starts_with("units_list")), "{schema:?}");
    let rows: Vec<String> = Generator::new(60_000, 11).collect();
    // A bad postcode on the very last row: the load has gone bulk long before it is read.
    let mut last: Vec<&str> = rows[rows.len() - 1].split(';').collect();
    last[11] = "1234 ABC";
    let bad = format!("{}\n{}\n{}\n", header(), rows[..rows.len() - 1].join("\n"), last.join(";"));
    let refused = import(db, &woonstad, &bad, ImportOptions::default()).await;
    assert_eq!((refused.errors.len(), refused.written), (1, false), "{:?}", refused.errors);
    assert_eq!(refused.errors[0].column, "postcode");
    assert_eq!(count(db, &woonstad).await, 0, "nothing of the bulk load is left");
    assert_eq!(units_schema(db).await, schema, "the dropped indexes came back with the rollback");

    let content = format!("{}\n{}\n", header(), rows.join("\n"));
    let summary = import(db, &woonstad, &content, ImportOptions::default()).await;
    assert_eq!((summary.new, summary.written), (60_000, true));
    assert_eq!(count(db, &woonstad).await, 60_000);
    assert_eq!(units_schema(db).await, schema, "every index and constraint is back exactly as the migrations made it");
    let again = import(db, &woonstad, &content, ImportOptions::default()).await;
    assert_eq!((again.new, again.changed, again.unchanged), (0, 0, 60_000), "the unique key finds every unit again");

    // A new rent for every unit: on SQLite it goes bulk as well (updating each unit in every index costs more than
    // building them again), on PostgreSQL it keeps the indexes (readers would wait); either way it rolls back whole.
    let rent = header().split(';').position(|column| column == "nettohuur").expect("rent column");
    let mut raised: Vec<String> = rows
        .iter()
        .map(|row| {
            let mut fields: Vec<&str> = row.split(';').collect();
            fields[rent] = "999,99";
            fields.join(";")
        })
        .collect();
    let good_last = raised[raised.len() - 1].clone();
    let n = raised.len();
    let mut bad_last: Vec<&str> = good_last.split(';').collect();
    bad_last[11] = "1234 ABC";
    raised[n - 1] = bad_last.join(";");
    let refused =
        import(db, &woonstad, &format!("{}\n{}\n", header(), raised.join("\n")), ImportOptions::default()).await;
    assert_eq!((refused.changed, refused.written), (59_999, false));
    assert_eq!(units_schema(db).await, schema, "indexes back after a rolled-back bulk of changes");
    raised[n - 1] = good_last;
    let changed =
        import(db, &woonstad, &format!("{}\n{}\n", header(), raised.join("\n")), ImportOptions::default()).await;
    assert_eq!((changed.new, changed.changed, changed.written), (0, 60_000, true));
    assert_eq!(units_schema(db).await, schema, "every index and constraint is back after a bulk of changes");
    let rents: Vec<Option<i64>> =
        sql::query_scalar("SELECT DISTINCT nettohuur_cents FROM units WHERE corporation_id = $1")
            .bind(woonstad.org_id())
            .fetch_all(db)
            .await
            .expect("rents");
    assert_eq!(rents, vec![Some(99_999)], "every unit has its new rent");
    let after =
        import(db, &woonstad, &format!("{}\n{}\n", header(), raised.join("\n")), ImportOptions::default()).await;
    assert_eq!((after.changed, after.unchanged), (0, 60_000), "and is found unchanged after it");
}

/// The complex page reads its figures over all of its units beside a page of them; they must be the complexes list's.
async fn a_complex_page_has_the_figures_of_the_complexes_list(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let rows = [
        // C1: two towns, one unit without rent, an average ending in ,5 cent (650,00 + 700,01 = 1350,01 / 2).
        "B1;C1;Twee dorpen;WON;VHR;Dorpsstraat;1;;1011AA;Zaandam;GM0479;;DAE;650,00;;",
        "B2;C1;Twee dorpen;WON;VHR;Dorpsstraat;2;;1011AA;Amsterdam;GM0363;;NDA;700,01;;",
        "B3;C1;Twee dorpen;WON;VHR;Dorpsstraat;3;;1011AA;Amsterdam;GM0363;;DAE;;;",
        // C2: more units than the page below shows.
        "B4;C2;Groot;WON;VHR;Laan;1;;1011AA;Amsterdam;GM0363;;DAE;500,00;;",
        "B5;C2;Groot;WON;VHR;Laan;2;;1011AA;Amsterdam;GM0363;;DAE;500,01;;",
        "B6;C2;Groot;WON;VHR;Laan;3;;1011AA;Amsterdam;GM0363;;NDA;500,02;;",
        // C3: texts that need escaping on their way through JSON, a letter, no kind, no rent.
        "B7;C3;Hoek;;VHR;'s-Gravenweg;7;b;1011AA;Den Haag;GM0518;;;;;",
        "B8;C3;Hoek;WON;VHR;Kade\\Oost \"De Ster\";8;;1011AA;Den Haag;GM0518;;NDA;1.000,00;;",
        "B9;C3;Hoek;WON;VHR;Ünïcodeplein;9;;1011AA;Den Haag;GM0518;;DAE;10,00;;",
    ];
    import(db, &woonstad, &file(&rows), ImportOptions::default()).await;
    let listed = stock::clusters(db, &woonstad).await.expect("clusters");
    for complex in &listed {
        let (page, units) =
            stock::cluster_with_units(db, &woonstad, complex.id, 0, 3).await.expect("page").expect("ours");
        assert_eq!(&page, complex, "complex {}", complex.code);
        assert_eq!(page, stock::cluster(db, &woonstad, complex.id).await.expect("cluster").expect("ours"));
        assert_eq!((units.total, units.units.len()), (3, 3));
        let filter = UnitFilter { cluster_id: Some(complex.id), ..Default::default() };
        let listed_units = stock::units(db, &woonstad, &filter, 0, 3).await.expect("units");
        assert_eq!(units.units, listed_units.units, "complex {}: its units as the list gives them", complex.code);
    }
    let c1 = &listed[0];
    assert_eq!((c1.units, c1.daeb_units, c1.average_rent_cents), (3, 2, Some(67_501)));
    assert_eq!(c1.woonplaatsen, "Amsterdam … Zaandam");
    let c2 = listed[1].id;
    let (big, first_two) = stock::cluster_with_units(db, &woonstad, c2, 0, 2).await.expect("page").expect("ours");
    assert_eq!((big.units, first_two.total, first_two.units.len()), (3, 3, 2), "figures of all units, not of the page");
    let (again, second) = stock::cluster_with_units(db, &woonstad, c2, 2, 2).await.expect("page").expect("ours");
    assert_eq!(again, big, "the same figures on every page");
    assert_eq!(second.units.iter().map(|u| u.id_extern.as_str()).collect::<Vec<_>>(), ["B6"], "the rest, in order");
    let (_, beyond) = stock::cluster_with_units(db, &woonstad, c2, 50, 2).await.expect("page").expect("ours");
    assert_eq!((beyond.total, beyond.units.len()), (3, 0), "a page past the end is empty, not missing");
    let other = corporation(db, "anders").await;
    assert!(stock::cluster_with_units(db, &other, c2, 0, 10).await.expect("page").is_none());
}

/// Towns and streets as they come: lower-case prefixes, accents, the Dutch IJ. The list orders them byte by byte on
/// both engines, also on a PostgreSQL whose own collation is Dutch (the test databases' is).
async fn lists_come_in_byte_order_on_both_engines(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let rows = [
        "B1;C1;Een;WON;VHR;Kerkstraat;1;;1011AA;amsterdam;GM0363;;DAE;650,00;;",
        "B2;C1;Een;WON;VHR;de Ruijterstraat;5;;1011AA;Amsterdam;GM0363;;DAE;650,00;;",
        "B3;C1;Een;WON;VHR;De Ruyterkade;7;;1011AA;Amsterdam;GM0363;;DAE;650,00;;",
        "B4;C1;Een;WON;VHR;Hoofdstraat;1;;7811AA;Émmen;GM0363;;DAE;650,00;;",
        "B5;C1;Een;WON;VHR;Hoofdstraat;2;;7811AA;Emmen;GM0363;;DAE;650,00;;",
        "B6;C1;Een;WON;VHR;Lange Voorhout;1;;2514EA;'s-Gravenhage;GM0363;;DAE;650,00;;",
        "B7;C1;Een;WON;VHR;Achterweg;1;;3401AA;IJsselstein;GM0363;;DAE;650,00;;",
        "B8;C1;Een;WON;VHR;achterweg;2;;3401AA;IJsselstein;GM0363;;DAE;650,00;;",
    ];
    import(db, &woonstad, &file(&rows), ImportOptions::default()).await;
    let mut expected: Vec<(String, String, &str)> = rows
        .iter()
        .map(|row| {
            let f: Vec<&str> = row.split(';').collect();
            (f[9].to_owned(), f[5].to_owned(), f[0])
        })
        .collect();
    expected.sort();
    let expected: Vec<&str> = expected.iter().map(|(_, _, id)| *id).collect();
    for filter in [UnitFilter::default(), amsterdam()] {
        let mut listed = Vec::new();
        for offset in (0..rows.len() as i64).step_by(3) {
            let page = stock::units(db, &woonstad, &filter, offset, 3).await.expect("units");
            listed.extend(ids(&page).into_iter().map(str::to_owned));
        }
        assert_eq!(listed, expected, "pages of three, filtered by gemeente: {}", filter.gemeente.is_some());
    }
    let search = |text: &str| UnitFilter { text: Some(text.into()), ..Default::default() };
    let found = stock::units(db, &woonstad, &search("Émmen"), 0, 10).await.expect("units");
    assert_eq!(ids(&found), ["B4"], "a town with an accented capital is found as written");
    let found = stock::units(db, &woonstad, &search("AMSTERDAM"), 0, 10).await.expect("units");
    assert_eq!(ids(&found), ["B3", "B2", "B1"], "ASCII letters in any case");
}

fn ids(page: &UnitPage) -> Vec<&str> {
    page.units.iter().map(|u| u.id_extern.as_str()).collect()
}

fn amsterdam() -> UnitFilter {
    UnitFilter { gemeente: Some("GM0363".into()), ..Default::default() }
}

/// Stock pages kept in memory: the same as a fresh read; current at once after a change through the same handle,
/// and within a second after a change by another process (here: a second handle on the same database, with its own
/// kept pages).
async fn kept_pages_follow_every_change(backend: Backend) {
    let t = TestDb::new(backend).await.expect("db");
    let server = &t.db;
    let woonstad = corporation(server, "woonstad").await;
    let other = corporation(server, "anders").await;
    import(server, &woonstad, &file(&[A1, A2]), ImportOptions::default()).await;

    let all = UnitFilter::default();
    let kept = stock::list_page(server, &woonstad, &all, 0, 10).await.expect("list");
    let fresh = stock::units(server, &woonstad, &all, 0, 10).await.expect("units");
    assert_eq!((&kept.units, kept.total, kept.exact), (&fresh.units, fresh.total, fresh.exact));
    let again = stock::list_page(server, &woonstad, &all, 0, 10).await.expect("list");
    assert!(Arc::ptr_eq(&kept, &again), "the second read is the kept page");
    let cluster = kept.units[0].cluster.clone().expect("in a complex").0;
    let complex = stock::complex_page(server, &woonstad, cluster, 0, 50).await.expect("complex").expect("ours");
    let (fresh_cluster, fresh_units) =
        stock::cluster_with_units(server, &woonstad, cluster, 0, 50).await.expect("complex").expect("ours");
    assert_eq!((&complex.0, &complex.1.units), (&fresh_cluster, &fresh_units.units));
    assert_eq!(complex.0.average_rent_cents, Some(67_500));
    assert!(stock::complex_page(server, &other, cluster, 0, 50).await.expect("complex").is_none(), "not theirs");
    assert!(stock::list_page(server, &other, &all, 0, 10).await.expect("list").units.is_empty(), "not theirs");

    // A change through the same handle (the server's own web import) counts at once.
    let a2_more_rent = A2.replace("700,00", "750,00");
    import(server, &woonstad, &file(&[A1, &a2_more_rent]), ImportOptions::default()).await;
    let after = stock::list_page(server, &woonstad, &all, 0, 10).await.expect("list");
    assert_eq!(after.units[1].nettohuur_cents, Some(75_000));
    let complex = stock::complex_page(server, &woonstad, cluster, 0, 50).await.expect("complex").expect("ours");
    assert_eq!(complex.0.average_rent_cents, Some(70_000));

    // Another process adds a unit that has only a position in Amsterdam: it counts within a second.
    let cli = Db::open(&t.target).await.expect("a second handle");
    import(&cli, &woonstad, &file(&[A1, &a2_more_rent, A4_BY_POSITION]), ImportOptions::default()).await;
    tokio::time::sleep(stock::VERSION_FRESH_FOR + Duration::from_millis(100)).await;
    let after = stock::list_page(server, &woonstad, &all, 0, 10).await.expect("list");
    assert_eq!(ids(&after), ["A1", "A2", "A4"]);
    let complex = stock::complex_page(server, &woonstad, cluster, 0, 50).await.expect("complex").expect("ours");
    assert_eq!((complex.0.units, complex.0.average_rent_cents), (3, Some(73_333)));
    let before_codes = stock::list_page(server, &woonstad, &amsterdam(), 0, 10).await.expect("list");
    assert_eq!((ids(&before_codes), before_codes.total), (vec!["A1", "A2"], 2));

    // Codes from positions change the stock as well.
    let square = vec![[4.8, 52.3], [5.0, 52.3], [5.0, 52.45], [4.8, 52.45], [4.8, 52.3]];
    let area = Area {
        kind: AreaKind::Gemeente,
        code: "GM0363".into(),
        name: "Amsterdam".into(),
        year: Some(2023),
        polygons: vec![Polygon { rings: vec![square] }],
    };
    areas::replace(&cli, &actor(), 2023, &[area]).await.expect("boundaries");
    let filled = areas::fill_missing_codes(&cli, &actor(), Some(&woonstad)).await.expect("codes");
    assert_eq!(filled.gemeente, 1);
    tokio::time::sleep(stock::VERSION_FRESH_FOR + Duration::from_millis(100)).await;
    let after_codes = stock::list_page(server, &woonstad, &amsterdam(), 0, 10).await.expect("list");
    assert_eq!((ids(&after_codes), after_codes.total), (vec!["A1", "A2", "A4"], 3));
    cli.close().await;
}

#[tokio::test]
async fn kept_pages_follow_every_change_sqlite() {
    kept_pages_follow_every_change(Backend::Sqlite).await;
}

#[tokio::test]
async fn kept_pages_follow_every_change_postgres() {
    kept_pages_follow_every_change(Backend::Postgres).await;
}

/// A rent change of every unit on PostgreSQL writes each unit's new version in its own page and no index holds a
/// column it writes: the two conditions of an update without index writes ("HOT"), which made a national rent change
/// four times faster (migration 49, ADR 0050). Without the half-filled pages the versions move (checked by setting
/// the fill factor back to 100).
#[tokio::test]
async fn a_rent_change_on_postgres_keeps_every_unit_in_its_page() {
    let t = TestDb::new(Backend::Postgres).await.expect("db");
    let db = &t.db;
    let woonstad = corporation(db, "woonstad").await;
    let rows = |rent: &str| -> Vec<String> {
        (1..=400)
            .map(|i| {
                format!(
                    "R{i};C1;De Ark;WON;VHR;Kerkstraat;{i};;1011AA;Amsterdam;GM0363;BU03630000;DAE;{rent};52,37;4,89"
                )
            })
            .collect()
    };
    let content = |rent: &str| file(&rows(rent).iter().map(String::as_str).collect::<Vec<_>>());
    import(db, &woonstad, &content("650,00"), ImportOptions::default()).await;
    let pages = || async {
        sql::query_as::<(i64, f64)>("SELECT id, (ctid::text::point)[0] FROM units ORDER BY id")
            .fetch_all(db)
            .await
            .expect("pages")
    };
    let before = pages().await;
    let used: std::collections::BTreeSet<i64> = before.iter().map(|(_, page)| *page as i64).collect();
    assert!(used.len() > 2, "400 units fill several pages: {used:?}");

    let changed = import(db, &woonstad, &content("700,00"), ImportOptions::default()).await;
    assert_eq!(changed.changed, 400);
    assert_eq!(pages().await, before, "every unit's new version in its own page");
    let rents: Vec<Option<i64>> =
        sql::query_scalar("SELECT DISTINCT nettohuur_cents FROM units").fetch_all(db).await.expect("rents");
    assert_eq!(rents, [Some(70_000)]);

    let indexes: Vec<String> = sql::query_scalar("SELECT indexdef FROM pg_indexes WHERE tablename = 'units'")
        .fetch_all(db)
        .await
        .expect("indexes");
    assert!(indexes.iter().any(|i| i.contains("units_by_cluster")), "{indexes:?}");
    for written in ["huur", "fingerprint", "updated_at"] {
        assert!(!indexes.iter().any(|i| i.contains(written)), "{written} in an index: {indexes:?}");
    }
}

type MapCell = (i64, i64, i64, i64, i64, Option<f64>, Option<f64>);
type PartCell = (String, Option<String>, String, String, String, i64, Option<f64>, Option<f64>, i64);

async fn cells_of(db: &Db, scope: &WriteScope) -> (Vec<MapCell>, Vec<PartCell>) {
    let map = sql::query_as(
        "SELECT level, gx, gy, units, daeb_units, lat, lon FROM map_cells WHERE corporation_id = $1 \
         ORDER BY level, gx, gy",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await
    .expect("map cells");
    let part = sql::query_as(
        "SELECT cluster_code, cluster_name, buurt_code, wijk_code, gemeente_code, units, lat, lon, level \
         FROM part_cells WHERE corporation_id = $1 ORDER BY cluster_code, buurt_code, wijk_code, gemeente_code",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await
    .expect("part cells");
    (map, part)
}

/// Mean positions are sums in another order: equal up to rounding.
fn near(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a == b,
    }
}

/// The cells as the import left them must be those that grouping the stored units in SQL gives.
async fn assert_cells_as_grouped(db: &Db, scope: &WriteScope) {
    let (map, part) = cells_of(db, scope).await;
    assert!(map.len() > 100 && part.len() > 40, "a stock spread over many cells: {} and {}", map.len(), part.len());
    assert!(part.iter().any(|c| c.0.is_empty() && c.4.is_empty()), "units without complex or codes have cells too");
    stock::map::rebuild(db, scope).await.expect("map");
    volkshuis_store::participatie::rebuild_cells(db, scope).await.expect("cells");
    let (grouped_map, grouped_part) = cells_of(db, scope).await;
    assert_eq!(map.len(), grouped_map.len());
    for (summed, grouped) in map.iter().zip(&grouped_map) {
        let key = |c: &MapCell| (c.0, c.1, c.2, c.3, c.4);
        assert_eq!(key(summed), key(grouped), "level, cell and units");
        assert!(near(summed.5, grouped.5) && near(summed.6, grouped.6), "{summed:?} vs {grouped:?}");
    }
    assert_eq!(part.len(), grouped_part.len());
    for (summed, grouped) in part.iter().zip(&grouped_part) {
        let key = |c: &PartCell| (c.0.clone(), c.1.clone(), c.2.clone(), c.3.clone(), c.4.clone(), c.5, c.8);
        assert_eq!(key(summed), key(grouped));
        assert!(near(summed.6, grouped.6) && near(summed.7, grouped.7), "{summed:?} vs {grouped:?}");
    }
}

/// An import sums the map's and the Participatiekaart's cells while it reads the units, and uses the sums when the
/// file is the whole stock in use afterwards (a first load; a full file with units left out and marked out of use);
/// otherwise it groups the stored units in SQL. Both must give the same cells, for units with and without a
/// position, a complex or area codes, new, changed, unchanged and gone.
async fn summed_cells_are_the_grouped_cells(db: &Db) {
    use volkshuis_domain::bezit::synthetic::{header, Generator};
    let woonstad = corporation(db, "woonstad").await;
    let header = header();
    let column = |name: &str| header.split(';').position(|c| c == name).expect(name);
    let blank = |fields: &mut Vec<String>, names: &[&str]| names.iter().for_each(|n| fields[column(n)].clear());
    let rows: Vec<Vec<String>> = Generator::new(3_000, 11)
        .enumerate()
        .map(|(i, row)| {
            let mut fields: Vec<String> = row.split(';').map(str::to_owned).collect();
            if i % 13 == 0 {
                blank(&mut fields, &["breedtegraad", "lengtegraad", "rdX", "rdY"]);
            }
            if i % 17 == 0 {
                blank(&mut fields, &["clusterCode", "clusterNaam", "clusterSoort"]);
            }
            if i % 19 == 0 {
                blank(&mut fields, &["gemeenteCode", "wijkCode", "buurtCode"]);
            }
            fields
        })
        .collect();
    let content = |rows: &[Vec<String>]| {
        let lines: Vec<String> = rows.iter().map(|fields| fields.join(";")).collect();
        format!("{header}\n{}\n", lines.join("\n"))
    };
    let summary = import(db, &woonstad, &content(&rows), ImportOptions::default()).await;
    assert_eq!((summary.new, summary.written), (3_000, true));
    assert_cells_as_grouped(db, &woonstad).await;

    // A year later: every seventh unit is gone, every fifth moved to another complex and the rents went up.
    let moved: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 7 != 3)
        .map(|(i, fields)| {
            let mut fields = fields.clone();
            if i % 5 == 0 && !fields[column("clusterCode")].is_empty() {
                fields[column("clusterCode")] = format!("NIEUW{}", i % 3);
            }
            if i % 2 == 0 {
                fields[column("nettohuur")] = "999,99".into();
            }
            fields
        })
        .collect();
    let marked = ImportOptions { mark_missing: true, ..Default::default() };
    let summary = import(db, &woonstad, &content(&moved), marked).await;
    assert!(summary.changed > 1_000 && summary.unchanged > 800 && summary.marked_missing > 400, "{summary:?}");
    assert_cells_as_grouped(db, &woonstad).await;
    assert_eq!(count(db, &woonstad).await, moved.len() as i64, "the kept total is the file's units");

    // A file of part of the stock, without marking: the units left out stay in use, so the cells are grouped.
    let mut part = moved[..2_000].to_vec();
    part.iter_mut().for_each(|fields| fields[column("nettohuur")] = "1.001,00".into());
    let summary = import(db, &woonstad, &content(&part), ImportOptions::default()).await;
    assert!(summary.changed > 1_900 && summary.missing > 500 && summary.marked_missing == 0, "{summary:?}");
    assert_cells_as_grouped(db, &woonstad).await;
    assert_eq!(count(db, &woonstad).await, moved.len() as i64, "units left out are still in use");
}

/// A NUL byte, a BOM in the middle of the file, a street of 50,000 characters and an ambiguous amount: the check
/// (`--dry-run`) and the import refuse the same rows for the same reasons on both engines, and nothing of them is
/// stored. Before, SQLite stored the NUL and the BOM (a second unit `\u{feff}A5`), PostgreSQL failed the whole import
/// with a raw encoding error naming no line after the check had said the file was fine.
async fn hostile_values_get_the_same_errors_in_the_check_and_the_import(db: &Db) {
    let woonstad = corporation(db, "woonstad").await;
    let long_street = "S".repeat(50_000);
    let content = format!(
        "idExtern;straatnaam;huisnummer;postcode;woonplaats;nettohuur\n\
         A1;Kerkstraat;1;1011AA;Amsterdam;650,00\n\
         A2;Kerk\0straat;2;1011AA;Amsterdam;650,00\n\
         \u{feff}A5;Kerkstraat;5;1011AA;Amsterdam;650,00\n\
         A6;{long_street};6;1011AA;Amsterdam;650,00\n\
         A7;Kerkstraat;7;1011AA;Amsterdam;1.234\n"
    );
    let check = import(db, &woonstad, &content, ImportOptions { dry_run: true, ..Default::default() }).await;
    let found: Vec<(u64, &str)> = check.errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    assert_eq!(found, [(3, "straatnaam"), (4, "idExtern"), (5, "straatnaam"), (6, "nettohuur")]);
    assert!(check.errors.iter().all(|e| e.value.chars().count() <= 61), "echoes are cut: {:?}", check.errors);
    let imported = import(db, &woonstad, &content, ImportOptions::default()).await;
    assert_eq!(imported.errors, check.errors, "the import refuses what the check refused");
    assert!(!imported.written);
    assert_eq!(count(db, &woonstad).await, 0);
    let valid_rows =
        import(db, &woonstad, &content, ImportOptions { import_valid_rows: true, ..Default::default() }).await;
    assert_eq!((valid_rows.new, valid_rows.errors.len(), valid_rows.written), (1, 4, true));
    let stored: Vec<String> =
        sql::query_scalar("SELECT id_extern || straatnaam FROM units").fetch_all(db).await.expect("units");
    assert_eq!(stored, ["A1Kerkstraat"]);
}

/// A header-only file with "this is the full stock" would mark every unit out of use: it is refused, in the check as
/// in the import, unless the user confirms explicitly that the stock is now empty.
async fn a_full_file_without_units_marks_nothing_unless_confirmed(db: &Db) {
    use volkshuis_domain::bezit::import::{RowProblem, WHOLE_ROW};
    let woonstad = corporation(db, "woonstad").await;
    import(db, &woonstad, &file(&[A1, A2, A3]), ImportOptions::default()).await;
    let header_only = format!("{HEADER}\n\n");
    let full = ImportOptions { mark_missing: true, ..Default::default() };
    for options in [full, ImportOptions { dry_run: true, ..full }] {
        let refused = import(db, &woonstad, &header_only, options).await;
        assert_eq!((refused.missing, refused.marked_missing, refused.written), (3, 0, false));
        assert_eq!(refused.errors.len(), 1, "{:?}", refused.errors);
        assert_eq!((refused.errors[0].line, refused.errors[0].column.as_str()), (1, WHOLE_ROW));
        assert_eq!(refused.errors[0].reason, RowProblem::EmptyStockUnconfirmed { missing: 3 });
        assert_eq!(count(db, &woonstad).await, 3, "every unit is still in use");
    }
    let emptied = import(db, &woonstad, &header_only, ImportOptions { confirm_empty_stock: true, ..full }).await;
    assert_eq!((emptied.marked_missing, emptied.written, emptied.errors.len()), (3, true, 0));
    assert_eq!(count(db, &woonstad).await, 0);
}

/// Two first loads of one corporation at the same time, each big enough for a bulk load (which drops the foreign keys
/// of `units`, and so locks `organisations`). Before, on PostgreSQL the second waited for the corporation's row while
/// holding a lock on `organisations` that the first needed: one of them ended in "deadlock detected". Now the
/// imports take the corporation's lock first and nothing else: the second waits for the first, or after the wait is
/// refused as "another import is running"; never a deadlock, and the stock is the file's.
async fn two_first_loads_of_one_stock_at_once_never_deadlock(db: &Db) {
    use volkshuis_domain::bezit::synthetic::{header, Generator};
    let woonstad = corporation(db, "woonstad").await;
    let schema = units_schema(db).await;
    let content = format!("{}\n{}\n", header(), Generator::new(50_000, 21).collect::<Vec<_>>().join("\n"));
    let run = || {
        let reader = StockReader::new(std::io::Cursor::new(content.clone().into_bytes())).expect("header");
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        let (db, woonstad) = (db.clone(), woonstad);
        async move { stock::import_units(&db, &woonstad, &actor(), "x.csv", reader, options, &mut |_| {}).await }
    };
    let (one, two) = tokio::join!(run(), run());
    let mut new = Vec::new();
    for outcome in [one, two] {
        match outcome {
            Ok(summary) => {
                assert!(summary.written && summary.errors.is_empty(), "{:?}", summary.errors);
                new.push(summary.new);
            }
            Err(volkshuis_store::StoreError::ImportRunning) => {}
            Err(error) => panic!("the second import must wait or be refused as running, not fail: {error}"),
        }
    }
    new.sort_unstable();
    assert!(new == [50_000] || new == [0, 50_000], "one loads the stock, the other finds it loaded: {new:?}");
    assert_eq!(count(db, &woonstad).await, 50_000);
    assert_eq!(units_schema(db).await, schema);
}

/// First loads of two corporations at the same time, each big enough for a bulk load. Each held row locks in `units`
/// while its bulk load asked for the whole table: on PostgreSQL one ended in "deadlock detected". Now only one at a
/// time loads in bulk; the other keeps its indexes, and both stocks are loaded (on SQLite, whose one writer takes the
/// imports in turn, the second may instead be refused after its wait as "another import is running").
async fn first_loads_of_two_corporations_at_once_never_deadlock(db: &Db) {
    use volkshuis_domain::bezit::synthetic::{header, Generator};
    let (woonstad, ymere) = (corporation(db, "woonstad").await, corporation(db, "ymere").await);
    let schema = units_schema(db).await;
    let content = format!("{}\n{}\n", header(), Generator::new(50_000, 22).collect::<Vec<_>>().join("\n"));
    let run = |scope: WriteScope| {
        let reader = StockReader::new(std::io::Cursor::new(content.clone().into_bytes())).expect("header");
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        let db = db.clone();
        async move { stock::import_units(&db, &scope, &actor(), "x.csv", reader, options, &mut |_| {}).await }
    };
    let (one, two) = tokio::join!(run(woonstad), run(ymere));
    let mut loaded = 0;
    for outcome in [one, two] {
        match outcome {
            Ok(summary) => {
                assert_eq!((summary.new, summary.written), (50_000, true));
                loaded += 50_000;
            }
            // SQLite has one writer: the second import waits for it, and is refused when the first takes longer.
            Err(volkshuis_store::StoreError::ImportRunning) if db.backend() == Backend::Sqlite => {}
            Err(error) => panic!("both loads end, neither in a deadlock: {error}"),
        }
    }
    assert!(db.backend() == Backend::Sqlite || loaded == 100_000, "on PostgreSQL both load");
    assert_eq!(count(db, &woonstad).await + count(db, &ymere).await, loaded);
    assert_eq!(units_schema(db).await, schema);
}
