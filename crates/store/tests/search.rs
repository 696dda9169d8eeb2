//! The search box on SQLite and PostgreSQL (issue 23): each kind is found by whom its module shows it to, and by no
//! one else — another corporation's complex, address, case or contract; a tenant organisation that does not consult
//! the corporation; a municipality outside its gemeenten; a supplier or partner that is no party.
//!
//! The module rows are written as plain rows: what is tested is who reads them, not how they are made.

use time::macros::{date, time};
use volkshuis_domain::access::{self, Manage, Membership, ReadScope, Role, View, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::search::{Kind, Match, Query};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::search::{search, Hit, Target};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{gemeenten, orgs, Db};

volkshuis_store::store_test_on_both_backends!(
    each_kind_is_found_by_whom_its_module_shows_it_to,
    addresses_by_postcode_number_and_street,
    a_municipality_finds_places_only_in_its_gemeenten,
    a_municipality_finds_its_complexes_among_better_matches_elsewhere,
    hostile_texts_find_nothing_and_fail_nothing,
    a_change_to_a_module_row_is_found_at_the_next_search,
    every_searched_column_raises_the_version_and_nothing_else_does,
    searches_at_the_same_moment_read_the_module_rows_once,
);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;soort;status;straatnaam;huisnummer;huisletter;postcode;\
woonplaats;gemeenteCode;buurtCode;maatschappelijkLabel;nettohuur;breedtegraad;lengtegraad";

/// Woonstad: De Linde in Deventer (one home out of use), Hanzehof in Zutphen, a home on the Kerkstraat without complex.
const WOONSTAD_STOCK: &[&str] = &[
    "D1;C1;De Linde;WON;VHR;Lindelaan;1;;7425AA;Deventer;GM0150;BU01500001;DAE;650,00;52,24;6,20",
    "D2;C1;De Linde;WON;VHR;Lindelaan;2;;7425AA;Deventer;GM0150;BU01500001;DAE;660,00;52,24;6,20",
    "D3;C1;De Linde;WON;VHR;Lindelaan;3;;7425AA;Deventer;GM0150;BU01500001;DAE;670,00;52,24;6,20",
    "D4;;;WON;VHR;Kerkstraat;12;a;7425AB;Deventer;GM0150;BU01500001;DAE;680,00;52,24;6,20",
    "D5;;;WON;VHR;Kerkstraat;12;b;7425AB;Deventer;GM0150;BU01500001;DAE;680,00;52,24;6,20",
    "Z1;C2;Hanzehof;WON;VHR;Hanzeweg;2;;7203AB;Zutphen;GM0301;BU03010001;DAE;600,00;52,12;6,21",
];

/// Anders: De Ark in Deventer, and a Lindeweg in Zutphen.
const ANDERS_STOCK: &[&str] = &[
    "A1;C9;De Ark;WON;VHR;Brink;1;;7411BR;Deventer;GM0150;BU01500002;DAE;640,00;52,25;6,16",
    "A2;C8;Lindehof;WON;VHR;Lindeweg;5;;7203LW;Zutphen;GM0301;BU03010001;DAE;640,00;52,12;6,21",
];

fn actor() -> Actor {
    Actor::system("test", date!(2026 - 12 - 04).with_time(time!(10:00)).assume_utc())
}

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn reader(org: i64) -> ReadScope {
    let member = Membership { user_id: 0, org_id: org, role: Role::ReadOnly };
    access::grant(org, Some(member), View).expect("a member may view")
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let mut tx = db.begin().await.expect("begin");
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

async fn import(db: &Db, scope: &WriteScope, rows: &[&str]) {
    let file = format!("{HEADER}\n{}\n", rows.join("\n"));
    let reader = StockReader::new(std::io::Cursor::new(file.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    let summary =
        stock::import_units(db, scope, &actor(), "t.csv", reader, options, &mut |_| {}).await.expect("import");
    assert!(summary.written, "{:?}", summary.errors);
}

/// Runs a row-writing statement with integer arguments.
async fn write(db: &Db, statement: &str, args: &[i64]) -> i64 {
    let mut q = sql::query_scalar::<i64>(statement);
    for a in args {
        q = q.bind(*a);
    }
    q.fetch_optional(db).await.expect(statement).unwrap_or(0)
}

struct World {
    woonstad: i64,
    anders: i64,
    huurders: i64,
    buiten: i64,
    deventer: i64,
    leverancier: i64,
    partner: i64,
}

impl World {
    async fn new(db: &Db) -> World {
        let woonstad = org(db, "woonstad", OrgKind::Corporation).await;
        let anders = org(db, "anders", OrgKind::Corporation).await;
        import(db, &admin_scope(woonstad), WOONSTAD_STOCK).await;
        import(db, &admin_scope(anders), ANDERS_STOCK).await;
        sql::query("UPDATE units SET in_use = 0 WHERE id_extern = 'D3'").execute(db).await.expect("out of use");
        let huurders = org(db, "huurders", OrgKind::TenantOrganisation).await;
        let buiten = org(db, "buiten", OrgKind::TenantOrganisation).await;
        let deventer = org(db, "gm-deventer", OrgKind::Municipality).await;
        let leverancier = org(db, "leverancier", OrgKind::Supplier).await;
        let partner = org(db, "wijkteam", OrgKind::Partner).await;
        let mut tx = db.begin().await.expect("begin");
        let codes = GemeenteCode::parse_list("GM0150").expect("codes");
        gemeenten::set(&mut tx, &actor(), deventer, &codes, 2023).await.expect("known code");
        tx.commit().await.expect("commit");
        // Huurders consults Woonstad; Buiten only asked Anders (not accepted).
        write(db, "INSERT INTO overleg_partners (corporation_id, tenant_org_id, created_at, accepted_at) VALUES ($1, $2, 0, 1)", &[woonstad, huurders]).await;
        write(
            db,
            "INSERT INTO overleg_partners (corporation_id, tenant_org_id, created_at) VALUES ($1, $2, 0)",
            &[anders, buiten],
        )
        .await;
        let group = "INSERT INTO part_groups (corporation_id, org_id, parent_id, name, kind, area_kind, contact_role, \
            channels, description, join_info, criteria, level, created_at, ended_on) \
            VALUES ($1, $2, $3, $4, 'bewonerscommissie', 'all', 'x', '', '', '', '', 0, 0, $5) RETURNING id";
        let add_group = |corporation: i64, keeper: i64, parent: Option<i64>, name: &'static str, ended: bool| {
            sql::query_scalar::<i64>(group)
                .bind(corporation)
                .bind(keeper)
                .bind(parent)
                .bind(name)
                .bind(ended.then_some("2025-01-01"))
                .fetch_one(db)
        };
        let top = add_group(woonstad, huurders, None, "Bewonerscommissie Lindelaan", false).await.expect("group");
        add_group(woonstad, woonstad, Some(top), "Werkgroep Lindetuin", false).await.expect("group");
        add_group(woonstad, woonstad, None, "Linde oud", true).await.expect("group");
        add_group(anders, anders, None, "Klankbord Lindehof", false).await.expect("group");
        let case = "INSERT INTO overleg_cases (corporation_id, tenant_org_id, kind, subject, title, explanation, \
            received_on, stage, created_at) VALUES ($1, $2, 'advice', 'renovation', $3, '', '2026-01-05', \
            'awaiting_answer', 0)";
        for (corporation, tenant, title) in
            [(woonstad, huurders, "Renovatie De Linde"), (anders, buiten, "Sloop Lindehof")]
        {
            sql::query(case).bind(corporation).bind(tenant).bind(title).execute(db).await.expect("case");
        }
        let table = write(
            db,
            "INSERT INTO sr_tables (buyer_id, name, valid_from, body, created_by, created_at) \
             VALUES ($1, 't', '2026-01-01', '', 'test', 0) RETURNING id",
            &[woonstad],
        )
        .await;
        let contract = "INSERT INTO sr_contracts (buyer_id, supplier_id, coordinator_id, title, value_cents, \
            starts_on, ends_on, awarded_on, obligation, obligation_cents, cadence, table_id, created_at) \
            VALUES ($1, $2, NULL, $3, 100, '2026-01-01', '2027-01-01', '2026-01-01', 'x', 5, 'yearly', $4, 0)";
        for (buyer, title) in [(woonstad, "Onderhoud Linde"), (anders, "Schilderwerk Lindehof")] {
            sql::query(contract).bind(buyer).bind(leverancier).bind(title).bind(table).execute(db).await.expect("c");
        }
        // Anders' contract is with another supplier: the supplier of Woonstad's may not find it.
        sql::query("UPDATE sr_contracts SET supplier_id = $1 WHERE title = 'Schilderwerk Lindehof'")
            .bind(anders)
            .execute(db)
            .await
            .expect("supplier");
        let cycle = write(
            db,
            "INSERT INTO pa_cycles (gemeente_code, first_year, last_year, title, phase, phase_since, opened_by, \
             created_at) VALUES ('GM0150', 2026, 2029, 'Afspraken Deventer Linde', 'kennisvergaring', '2026-01-01', \
             $1, 0) RETURNING id",
            &[deventer],
        )
        .await;
        for party in [deventer, woonstad, huurders] {
            write(db, "INSERT INTO pa_parties (cycle_id, org_id) VALUES ($1, $2)", &[cycle, party]).await;
        }
        let other = write(
            db,
            "INSERT INTO pa_cycles (gemeente_code, first_year, last_year, title, phase, phase_since, opened_by, \
             created_at) VALUES ('GM0301', 2026, 2029, 'Afspraken Zutphen Linde', 'kennisvergaring', '2026-01-01', \
             $1, 0) RETURNING id",
            &[anders],
        )
        .await;
        write(db, "INSERT INTO pa_parties (cycle_id, org_id) VALUES ($1, $2)", &[other, anders]).await;
        let initiative = "INSERT INTO in_initiatives (corporation_id, title, description, place, who, needs, \
            initiator_org_id, stage, plan_income, plan_costs, risk_bearer, published, created_at, updated_at) \
            VALUES ($1, $2, '', 'Deventer', '', '', $3, 'idea', '', '', '', 0, 0, 0)";
        for (corporation, title, by) in [(woonstad, "Lindetuin", huurders), (anders, "Linde moestuin", partner)] {
            sql::query(initiative).bind(corporation).bind(title).bind(by).execute(db).await.expect("initiative");
        }
        World { woonstad, anders, huurders, buiten, deventer, leverancier, partner }
    }
}

async fn find(db: &Db, org: i64, text: &str) -> Vec<Hit> {
    search(db, &reader(org), &Query::parse(text).expect("a query"), 8).await.expect("search")
}

/// (kind, title) of each hit, in order.
async fn titles(db: &Db, org: i64, text: &str) -> Vec<(Kind, String)> {
    find(db, org, text).await.into_iter().map(|h| (h.kind, h.title)).collect()
}

fn of(found: &[(Kind, String)], kind: Kind) -> Vec<&str> {
    found.iter().filter(|(k, _)| *k == kind).map(|(_, t)| t.as_str()).collect()
}

async fn each_kind_is_found_by_whom_its_module_shows_it_to(db: &Db) {
    let w = World::new(db).await;

    let woonstad = titles(db, w.woonstad, "linde").await;
    assert_eq!(of(&woonstad, Kind::Complex), ["De Linde"], "not Anders' Lindehof");
    assert_eq!(of(&woonstad, Kind::Address), ["Lindelaan 1", "Lindelaan 2"], "in use, not Anders' Lindeweg");
    assert_eq!(of(&woonstad, Kind::Group), ["Bewonerscommissie Lindelaan", "Werkgroep Lindetuin"], "open, own stock");
    assert_eq!(of(&woonstad, Kind::Case), ["Renovatie De Linde"]);
    assert_eq!(of(&woonstad, Kind::Contract), ["Onderhoud Linde"]);
    assert_eq!(of(&woonstad, Kind::Cycle), ["Afspraken Deventer Linde"]);
    assert_eq!(of(&woonstad, Kind::Initiative), ["Lindetuin"]);
    // Ranked: the complex with the word itself ("De Linde") before the addresses whose street begins with it.
    assert_eq!(woonstad.first().map(|f| f.1.as_str()), Some("De Linde"), "{woonstad:?}");
    let address = woonstad.iter().position(|f| f.1 == "Lindelaan 1").expect("the address");
    assert!(woonstad.iter().position(|f| f.1 == "De Linde") < Some(address), "{woonstad:?}");
    let exact = find(db, w.woonstad, "c1").await;
    assert_eq!((exact[0].kind, exact[0].rank), (Kind::Complex, Match::Exact), "a code is an exact match");
    // A cycle by its gemeente code in any case (stored upper case), and a title typed in capitals.
    let by_code = find(db, w.woonstad, "gm0150").await;
    let cycle = by_code.iter().find(|h| h.kind == Kind::Cycle).map(|h| (h.title.as_str(), h.rank));
    assert_eq!(cycle, Some(("Afspraken Deventer Linde", Match::Exact)), "{by_code:?}");
    assert_eq!(of(&titles(db, w.woonstad, "RENOVATIE").await, Kind::Case), ["Renovatie De Linde"]);

    let huurders = titles(db, w.huurders, "linde").await;
    assert_eq!(of(&huurders, Kind::Complex), ["De Linde"], "the consulted corporation's complexes");
    assert_eq!(of(&huurders, Kind::Address), ["Lindelaan 1", "Lindelaan 2"]);
    assert_eq!(of(&huurders, Kind::Group), ["Bewonerscommissie Lindelaan", "Werkgroep Lindetuin"], "its tree");
    assert_eq!(of(&huurders, Kind::Case), ["Renovatie De Linde"]);
    assert_eq!(of(&huurders, Kind::Contract), Vec::<&str>::new(), "no social return for a tenant organisation");
    assert_eq!(of(&huurders, Kind::Cycle), ["Afspraken Deventer Linde"]);
    assert_eq!(of(&huurders, Kind::Initiative), ["Lindetuin"], "brought in by it");

    // Buiten does not consult anyone (its request to Anders was never accepted): only its own case.
    assert_eq!(titles(db, w.buiten, "linde").await, [(Kind::Case, "Sloop Lindehof".to_owned())]);

    assert_eq!(titles(db, w.leverancier, "linde").await, [(Kind::Contract, "Onderhoud Linde".to_owned())]);
    assert_eq!(titles(db, w.partner, "linde").await, [(Kind::Initiative, "Linde moestuin".to_owned())]);

    let anders = titles(db, w.anders, "linde").await;
    assert!(!anders.iter().any(|(_, t)| t.contains("De Linde") || t.contains("Lindelaan")), "{anders:?}");
    assert_eq!(of(&anders, Kind::Contract), ["Schilderwerk Lindehof"]);
    assert_eq!(of(&anders, Kind::Initiative), ["Linde moestuin"]);

    // A published initiative is in the public register: every organisation that searches initiatives finds it (as
    // a place's page shows it), with its initiator's organisation for the link; a corporation only its own.
    sql::query("UPDATE in_initiatives SET published = 1 WHERE title = 'Linde moestuin'").execute(db).await.expect("p");
    assert_eq!(of(&titles(db, w.huurders, "linde").await, Kind::Initiative), ["Linde moestuin", "Lindetuin"]);
    assert_eq!(of(&titles(db, w.woonstad, "linde").await, Kind::Initiative), ["Lindetuin"], "not Anders' own");
    for other in [w.deventer, w.leverancier] {
        let found = titles(db, other, "moestuin").await;
        assert_eq!(of(&found, Kind::Initiative), ["Linde moestuin"], "the public register is everyone's");
    }
    let published = find(db, w.huurders, "moestuin").await;
    assert!(
        matches!(published[..], [Hit { target: Target::Initiative { initiator_org_id: Some(by), .. }, .. }] if by == w.partner),
        "{published:?}"
    );

    // A unit's link needs its owner and complex; an initiative's its initiator.
    let unit = find(db, w.huurders, "7425AA 1").await;
    assert!(
        matches!(&unit[0].target, Target::Unit { corporation_id, cluster_id: Some(_), .. } if *corporation_id == w.woonstad)
    );
}

async fn addresses_by_postcode_number_and_street(db: &Db) {
    let w = World::new(db).await;
    let addresses = |found: Vec<Hit>| -> Vec<(String, Match)> {
        found.into_iter().filter(|h| h.kind == Kind::Address).map(|h| (h.title, h.rank)).collect()
    };
    let exact = |t: &str| (t.to_owned(), Match::Exact);
    assert_eq!(addresses(find(db, w.woonstad, "7425 aa").await), [exact("Lindelaan 1"), exact("Lindelaan 2")]);
    assert_eq!(addresses(find(db, w.woonstad, "7425AA 2").await), [exact("Lindelaan 2")]);
    assert_eq!(addresses(find(db, w.woonstad, "7425AA 3").await), [], "out of use");
    assert_eq!(addresses(find(db, w.woonstad, "7425ab 12-a").await), [exact("Kerkstraat 12A")]);
    assert_eq!(addresses(find(db, w.woonstad, "7425AB 12").await), [exact("Kerkstraat 12A"), exact("Kerkstraat 12B")]);
    let prefix = |t: &str| (t.to_owned(), Match::Prefix);
    assert_eq!(addresses(find(db, w.woonstad, "KERK").await), [prefix("Kerkstraat 12A"), prefix("Kerkstraat 12B")]);
    assert_eq!(addresses(find(db, w.woonstad, "kerkstr 12 B").await), [prefix("Kerkstraat 12B")]);
    assert_eq!(addresses(find(db, w.woonstad, "straat").await), [], "a street is found by its start");
    assert_eq!(addresses(find(db, w.woonstad, "7411BR 1").await), [], "Anders' home");
    assert_eq!(addresses(find(db, w.anders, "7411BR 1").await), [exact("Brink 1")]);
    // A home of the corporation's own stock by its idExtern, as typed or in small letters; with the code among its
    // facts. Not another corporation's, not one out of use, and not for a tenant organisation (the code is the
    // corporation's own administration).
    let by_code = find(db, w.woonstad, "D4").await;
    let home: Vec<_> = by_code.iter().filter(|h| h.kind == Kind::Address).collect();
    assert_eq!(home.len(), 1, "{by_code:?}");
    assert_eq!((home[0].title.as_str(), home[0].rank), ("Kerkstraat 12A", Match::Exact));
    assert_eq!(home[0].context.first().map(String::as_str), Some("D4"));
    assert_eq!(addresses(find(db, w.woonstad, "d4").await), [exact("Kerkstraat 12A")]);
    assert_eq!(addresses(find(db, w.woonstad, "D3").await), [], "out of use");
    assert_eq!(addresses(find(db, w.woonstad, "A1").await), [], "Anders' home");
    assert_eq!(addresses(find(db, w.anders, "A1").await), [exact("Brink 1")]);
    assert_eq!(addresses(find(db, w.huurders, "D4").await), [], "a tenant organisation does not search the codes");
    // A home by its BAG verblijfsobject id, as other systems show it: its own corporation's only.
    sql::query("UPDATE units SET bag_verblijfsobject_id = '0150010000012345' WHERE id_extern IN ('D5', 'A1')")
        .execute(db)
        .await
        .expect("bag ids");
    let by_bag = find(db, w.woonstad, "0150010000012345").await;
    assert_eq!(addresses(by_bag.clone()), [exact("Kerkstraat 12B")], "not Anders' home with the same id");
    assert_eq!(by_bag[0].context.first().map(String::as_str), Some("0150010000012345"));
    assert_eq!(addresses(find(db, w.anders, "0150010000012345").await), [exact("Brink 1")]);
    assert_eq!(addresses(find(db, w.huurders, "0150010000012345").await), [], "the corporation's administration");
    // A corporation that uses the BAG id as its idExtern finds the home once.
    sql::query("UPDATE units SET id_extern = bag_verblijfsobject_id WHERE id_extern = 'D5'")
        .execute(db)
        .await
        .expect("id");
    assert_eq!(addresses(find(db, w.woonstad, "0150010000012345").await), [exact("Kerkstraat 12B")]);
    // A building by its BAG pand id: its homes of the corporation's own stock.
    sql::query("UPDATE units SET bag_pand_id = '0150100000067890' WHERE id_extern IN ('D4', 'A1')")
        .execute(db)
        .await
        .expect("pand ids");
    assert_eq!(addresses(find(db, w.woonstad, "0150100000067890").await), [exact("Kerkstraat 12A")]);
    assert_eq!(addresses(find(db, w.huurders, "0150100000067890").await), [], "the corporation's administration");
}

async fn a_municipality_finds_places_only_in_its_gemeenten(db: &Db) {
    let w = World::new(db).await;
    let linde = titles(db, w.deventer, "linde").await;
    assert_eq!(of(&linde, Kind::Complex), ["De Linde"], "not Anders' Lindehof in Zutphen");
    assert_eq!(of(&linde, Kind::Address), ["Lindelaan 1", "Lindelaan 2"], "not the Lindeweg in Zutphen");
    assert_eq!(of(&linde, Kind::Cycle), ["Afspraken Deventer Linde"], "a party; not Zutphen's");
    for none in [Kind::Group, Kind::Case, Kind::Contract, Kind::Initiative] {
        assert_eq!(of(&linde, none), Vec::<&str>::new(), "{none:?}");
    }
    assert_eq!(titles(db, w.deventer, "hanze").await, [], "Woonstad's Zutphen is outside");
    assert_eq!(titles(db, w.deventer, "7203AB").await, []);
    assert_eq!(of(&titles(db, w.deventer, "7411BR").await, Kind::Address), ["Brink 1"], "Anders in Deventer");
    assert_eq!(of(&titles(db, w.deventer, "ark").await, Kind::Complex), ["De Ark"]);
    assert_eq!(of(&titles(db, w.deventer, "gm0150").await, Kind::Cycle), ["Afspraken Deventer Linde"]);
}

/// Forty complexes of the other corporation in Zutphen match "de" better than its De Ark in Deventer (by name): the
/// municipality still finds De Ark and Woonstad's De Linde, and none of the forty.
async fn a_municipality_finds_its_complexes_among_better_matches_elsewhere(db: &Db) {
    let w = World::new(db).await;
    let mut rows: Vec<String> = ANDERS_STOCK.iter().map(|r| (*r).to_owned()).collect();
    for i in 1..=40 {
        rows.push(format!(
            "Z{i};Z{i};De Aa {i:02};WON;VHR;Aaweg;{i};;7203AA;Zutphen;GM0301;BU03010001;DAE;600,00;52,12;6,21"
        ));
    }
    import(db, &admin_scope(w.anders), &rows.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let found = titles(db, w.deventer, "de").await;
    assert_eq!(of(&found, Kind::Complex), ["De Ark", "De Linde"]);
    let anders = titles(db, w.anders, "de").await;
    assert_eq!(of(&anders, Kind::Complex).len(), 8, "the corporation itself finds its own forty, up to the limit");
    assert_eq!(of(&anders, Kind::Complex)[0], "De Aa 01");
}

async fn hostile_texts_find_nothing_and_fail_nothing(db: &Db) {
    let w = World::new(db).await;
    for text in ["%%", "__", "linde%", "l_nde", "\\%", "'; DROP TABLE units; --", "linde\u{10FFFF}"] {
        assert_eq!(titles(db, w.woonstad, text).await, [], "{text}");
    }
    let long = "linde".repeat(1_000);
    assert_eq!(titles(db, w.woonstad, &long).await, []);
    assert!(!titles(db, w.woonstad, "lin\0de").await.is_empty(), "a NUL is no part of the text");
    let units: i64 = sql::query_scalar("SELECT COUNT(*) FROM units").fetch_one(db).await.expect("count");
    assert_eq!(units, 8);
}

/// The module rows are kept in memory between searches (ADR 0054): a new case, a renamed or ended group and a new
/// party to a cycle count at the very next search through the same handle, and a change the search does not show (a
/// case's stage) does not make it read them again. (Which change raises the version, column by column, is the next
/// test: an ended or renamed group would also be left out here by the check of the candidates in SQL.)
async fn a_change_to_a_module_row_is_found_at_the_next_search(db: &Db) {
    let w = World::new(db).await;
    let before = titles(db, w.woonstad, "linde").await;
    assert_eq!(of(&before, Kind::Group), ["Bewonerscommissie Lindelaan", "Werkgroep Lindetuin"]);
    assert_eq!(of(&before, Kind::Cycle), ["Afspraken Deventer Linde"]);
    let version = || sql::query_scalar::<i64>("SELECT version FROM search_version").fetch_one(db);
    let kept_at = version().await.expect("version");
    sql::query("UPDATE overleg_cases SET stage = 'answered' WHERE title = 'Renovatie De Linde'")
        .execute(db)
        .await
        .expect("stage");
    assert_eq!(version().await.expect("version"), kept_at, "a stage is not what the search keeps");

    sql::query(
        "INSERT INTO overleg_cases (corporation_id, tenant_org_id, kind, subject, title, explanation, received_on, \
         stage, created_at) VALUES ($1, $2, 'advice', 'renovation', 'Één loket Lindepark', '', '2026-02-01', \
         'awaiting_answer', 0)",
    )
    .bind(w.woonstad)
    .bind(w.huurders)
    .execute(db)
    .await
    .expect("case");
    sql::query("UPDATE part_groups SET name = 'Werkgroep Eikentuin' WHERE name = 'Werkgroep Lindetuin'")
        .execute(db)
        .await
        .expect("rename");
    sql::query("UPDATE part_groups SET ended_on = '2026-06-01' WHERE name = 'Bewonerscommissie Lindelaan'")
        .execute(db)
        .await
        .expect("end");
    let zutphen: i64 = sql::query_scalar("SELECT id FROM pa_cycles WHERE title = 'Afspraken Zutphen Linde'")
        .fetch_one(db)
        .await
        .expect("cycle");
    write(db, "INSERT INTO pa_parties (cycle_id, org_id) VALUES ($1, $2)", &[zutphen, w.woonstad]).await;
    assert!(version().await.expect("version") > kept_at);

    let after = titles(db, w.woonstad, "linde").await;
    assert_eq!(of(&after, Kind::Case), ["Renovatie De Linde", "Één loket Lindepark"]);
    let capitals = titles(db, w.woonstad, "ÉÉN LOKET").await;
    assert_eq!(of(&capitals, Kind::Case), ["Één loket Lindepark"], "every letter folds, not only ASCII");
    assert_eq!(of(&after, Kind::Group), Vec::<&str>::new(), "one renamed, the other ended");
    assert_eq!(of(&after, Kind::Cycle), ["Afspraken Deventer Linde", "Afspraken Zutphen Linde"]);
    assert_eq!(of(&titles(db, w.woonstad, "eikentuin").await, Kind::Group), ["Werkgroep Eikentuin"]);
    assert_eq!(of(&titles(db, w.huurders, "linde").await, Kind::Group), Vec::<&str>::new(), "its tree has ended");
}

/// The triggers of migration 50, column by column on both engines: each change of a title, name or organisation
/// that decides who finds a row, a group's parent or end, a cycle's parties, and each delete raises `search_version`;
/// an update that writes the same values (as the groups' and initiatives' forms always write their names) or other
/// columns does not. A table rebuilt without its triggers fails here.
async fn every_searched_column_raises_the_version_and_nothing_else_does(db: &Db) {
    let w = World::new(db).await;
    let version = || async {
        sql::query_scalar::<i64>("SELECT version FROM search_version").fetch_one(db).await.expect("version")
    };
    let unchanged = [
        "UPDATE overleg_cases SET title = title, explanation = 'anders'".to_owned(),
        "UPDATE part_groups SET name = name, parent_id = parent_id, description = 'anders'".to_owned(),
        "UPDATE sr_contracts SET title = title, value_cents = 200".to_owned(),
        "UPDATE pa_cycles SET title = title, phase_since = '2026-02-01'".to_owned(),
        "UPDATE in_initiatives SET title = title, description = 'anders', published = published".to_owned(),
    ];
    for statement in unchanged {
        let before = version().await;
        sql::query(&statement).execute(db).await.expect("unchanged");
        assert_eq!(version().await, before, "{statement}");
    }
    let zutphen = "(SELECT id FROM pa_cycles WHERE title = 'Afspraken Zutphen')";
    let changes = [
        "UPDATE overleg_cases SET title = 'Renovatie De Linde 2' WHERE title = 'Renovatie De Linde'".to_owned(),
        format!("UPDATE overleg_cases SET tenant_org_id = {} WHERE title = 'Sloop Lindehof'", w.huurders),
        format!("UPDATE overleg_cases SET corporation_id = {} WHERE title = 'Sloop Lindehof'", w.woonstad),
        "DELETE FROM overleg_cases WHERE title = 'Sloop Lindehof'".to_owned(),
        "UPDATE part_groups SET name = 'Linde nieuw' WHERE name = 'Linde oud'".to_owned(),
        "UPDATE part_groups SET parent_id = NULL WHERE name = 'Werkgroep Lindetuin'".to_owned(),
        "UPDATE part_groups SET ended_on = '2026-06-01' WHERE name = 'Klankbord Lindehof'".to_owned(),
        format!("UPDATE part_groups SET org_id = {} WHERE name = 'Klankbord Lindehof'", w.huurders),
        format!("UPDATE part_groups SET corporation_id = {} WHERE name = 'Klankbord Lindehof'", w.woonstad),
        "DELETE FROM part_groups WHERE name = 'Linde nieuw'".to_owned(),
        "UPDATE sr_contracts SET title = 'Onderhoud Linde 2' WHERE title = 'Onderhoud Linde'".to_owned(),
        format!("UPDATE sr_contracts SET buyer_id = {} WHERE title = 'Onderhoud Linde 2'", w.anders),
        format!("UPDATE sr_contracts SET supplier_id = {} WHERE title = 'Schilderwerk Lindehof'", w.leverancier),
        format!("UPDATE sr_contracts SET coordinator_id = {} WHERE title = 'Schilderwerk Lindehof'", w.partner),
        "DELETE FROM sr_contracts WHERE title = 'Schilderwerk Lindehof'".to_owned(),
        "UPDATE pa_cycles SET title = 'Afspraken Zutphen' WHERE title = 'Afspraken Zutphen Linde'".to_owned(),
        "UPDATE pa_cycles SET gemeente_code = 'GM0200' WHERE title = 'Afspraken Zutphen'".to_owned(),
        format!("INSERT INTO pa_parties (cycle_id, org_id) VALUES ({zutphen}, {})", w.huurders),
        format!("UPDATE pa_parties SET org_id = {} WHERE org_id = {} AND cycle_id = {zutphen}", w.buiten, w.huurders),
        format!("DELETE FROM pa_parties WHERE org_id = {}", w.buiten),
        "UPDATE in_initiatives SET title = 'Lindetuin 2' WHERE title = 'Lindetuin'".to_owned(),
        "UPDATE in_initiatives SET published = 1 WHERE title = 'Lindetuin 2'".to_owned(),
        format!("UPDATE in_initiatives SET corporation_id = {} WHERE title = 'Linde moestuin'", w.woonstad),
        format!("UPDATE in_initiatives SET initiator_org_id = {} WHERE title = 'Linde moestuin'", w.huurders),
        "DELETE FROM in_initiatives WHERE title = 'Linde moestuin'".to_owned(),
    ];
    for statement in changes {
        let before = version().await;
        let done = sql::query(&statement).execute(db).await.expect(&statement);
        assert_eq!(done.rows_affected(), 1, "{statement}");
        assert!(version().await > before, "{statement}");
    }
}

/// Searches that find the kept module rows out of date at the same moment wait for one reading of them (ADR 0054):
/// after a change, eight searches at once read the rows once, and all find the change.
async fn searches_at_the_same_moment_read_the_module_rows_once(db: &Db) {
    let w = World::new(db).await;
    assert_eq!(of(&titles(db, w.woonstad, "linde").await, Kind::Case), ["Renovatie De Linde"]);
    let before = db.search_module_reads();
    sql::query("UPDATE overleg_cases SET title = 'Renovatie De Linde 2' WHERE title = 'Renovatie De Linde'")
        .execute(db)
        .await
        .expect("rename");
    let searches = (0..8).map(|_| titles(db, w.woonstad, "linde"));
    for found in futures_util::future::join_all(searches).await {
        assert_eq!(of(&found, Kind::Case), ["Renovatie De Linde 2"]);
    }
    assert_eq!(db.search_module_reads(), before + 1, "one reading for the eight searches");
}
