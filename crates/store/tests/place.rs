//! One place per complex and buurt on SQLite and PostgreSQL: a place opens for the corporation, a tenant
//! organisation it consults and a municipality inside its gemeenten, for nobody else; each block holds only what the
//! viewer may see and is absent where it may see nothing of the module; a sale keeps the coverage of the rest.

use time::macros::{date, time};
use time::Date;
use volkshuis_domain::access::{self, Manage, Membership, ReadScope, Role, View, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::bezit::rent::RentBand;
use volkshuis_domain::nazorg::sale::{SaleCondition, ValueKind};
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::overleg::{RequestKind, Subject};
use volkshuis_domain::place::timeline::Happening;
use volkshuis_domain::place::{Purpose, Viewer};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::audit::Actor;
use volkshuis_store::nazorg::sales::{self, NewSale};
use volkshuis_store::overleg::{self, NewCase};
use volkshuis_store::place::blocks::Blocks;
use volkshuis_store::place::{self, blocks, kept, Place};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{gemeenten, orgs, participatie, Db};

volkshuis_store::store_test_on_both_backends!(
    a_place_opens_for_its_corporation_tenants_and_municipality_only,
    each_block_holds_only_what_the_viewer_may_see,
    each_block_reads_its_own_place_and_no_other,
    a_sale_keeps_the_coverage_of_the_rest_of_the_stock,
    a_complexs_stock_block_is_kept_until_its_stock_changes,
    a_places_module_blocks_are_kept_until_what_they_show_changes,
    a_case_deadline_no_decree_settles_is_marked_until_one_does,
    every_table_the_kept_blocks_follow_has_its_triggers,
);

const TODAY: Date = date!(2026 - 12 - 04);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;soort;status;straatnaam;huisnummer;huisletter;postcode;\
woonplaats;gemeenteCode;buurtCode;maatschappelijkLabel;nettohuur;breedtegraad;lengtegraad";

/// Woonstad: C1 in Deventer (four homes), C2 in Zutphen (two).
const WOONSTAD_STOCK: &[&str] = &[
    "D1;C1;De Linde;WON;VHR;Lindelaan;1;;7425AA;Deventer;GM0150;BU01500001;DAE;450,00;52,24;6,20",
    "D2;C1;De Linde;WON;VHR;Lindelaan;2;;7425AA;Deventer;GM0150;BU01500001;DAE;660,00;52,24;6,20",
    "D3;C1;De Linde;WON;VHR;Lindelaan;3;;7425AA;Deventer;GM0150;BU01500001;DAE;670,00;52,24;6,20",
    "D4;C1;De Linde;WON;VHR;Lindelaan;4;;7425AA;Deventer;GM0150;BU01500001;DAE;680,00;52,24;6,20",
    "Z1;C2;Hanzehof;WON;VHR;Hanzeweg;2;;7203AB;Zutphen;GM0301;BU03010001;DAE;600,00;52,12;6,21",
    "Z2;C2;Hanzehof;WON;VHR;Hanzeweg;4;;7203AB;Zutphen;GM0301;BU03010001;DAE;610,00;52,12;6,21",
];

/// Another corporation, with a home in another Deventer buurt.
const ANDERS_STOCK: &[&str] =
    &["A1;C9;De Ark;WON;VHR;Brink;1;;7411BR;Deventer;GM0150;BU01500002;DAE;640,00;52,25;6,16"];

fn actor() -> Actor {
    Actor::system("test", TODAY.with_time(time!(10:00)).assume_utc())
}

fn admin_scope(org: i64) -> WriteScope {
    access::grant(org, Some(Membership { user_id: 0, org_id: org, role: Role::Admin }), Manage).expect("admin")
}

fn reader(org: i64, role: Role) -> ReadScope {
    access::grant(org, Some(Membership { user_id: 0, org_id: org, role }), View).expect("member")
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

async fn cluster_id(db: &Db, corporation: i64, code: &str) -> i64 {
    sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
        .bind(corporation)
        .bind(code)
        .fetch_one(db)
        .await
        .expect("complex")
}

struct World {
    woonstad: WriteScope,
    anders: i64,
    /// Consulted by Woonstad.
    huurders: WriteScope,
    /// Also consulted by Woonstad: a second tenant organisation, whose cases the first does not see.
    tweede: i64,
    /// A tenant organisation Woonstad does not consult.
    vreemd: i64,
    /// Deventer (GM0150).
    municipality: i64,
    supplier: i64,
    c1: i64,
    c2: i64,
}

impl World {
    async fn new(db: &Db) -> World {
        let woonstad = admin_scope(org(db, "woonstad", OrgKind::Corporation).await);
        let anders = admin_scope(org(db, "anders", OrgKind::Corporation).await);
        import(db, &woonstad, WOONSTAD_STOCK).await;
        import(db, &anders, ANDERS_STOCK).await;
        let huurders = admin_scope(org(db, "huurders", OrgKind::TenantOrganisation).await);
        let tweede = admin_scope(org(db, "tweede", OrgKind::TenantOrganisation).await);
        let vreemd = org(db, "vreemd", OrgKind::TenantOrganisation).await;
        let municipality = org(db, "gm-deventer", OrgKind::Municipality).await;
        let supplier = org(db, "aannemer", OrgKind::Supplier).await;
        let mut tx = db.begin().await.expect("begin");
        gemeenten::set(&mut tx, &actor(), municipality, &GemeenteCode::parse_list("GM0150").expect("codes"), 2023)
            .await
            .expect("gemeente");
        for tenant in [&huurders, &tweede] {
            overleg::add_partner(&mut tx, &woonstad, &actor(), tenant.org_id(), None).await.expect("partner");
            overleg::respond_to_proposal(&mut tx, tenant, &actor(), woonstad.org_id(), true).await.expect("accept");
        }
        tx.commit().await.expect("commit");
        let (c1, c2) = (cluster_id(db, woonstad.org_id(), "C1").await, cluster_id(db, woonstad.org_id(), "C2").await);
        World {
            anders: anders.org_id(),
            woonstad,
            huurders,
            tweede: tweede.org_id(),
            vreemd,
            municipality,
            supplier,
            c1,
            c2,
        }
    }

    /// A recognised tenant organisation's group for complex C1 (level 2), its coverage recomputed.
    async fn group_for_c1(&self, db: &Db) {
        sql::query(
            "INSERT INTO part_groups (corporation_id, org_id, name, kind, area_kind, contact_role, channels, \
             description, join_info, started_on, criteria, level, created_at) \
             VALUES ($1, $2, 'Bewonerscommissie De Linde', 'bewonerscommissie', 'complexes', '', '', '', '', \
             '2026-03-01', '', 2, 0)",
        )
        .bind(self.woonstad.org_id())
        .bind(self.huurders.org_id())
        .execute(db)
        .await
        .expect("group");
        let id: i64 = sql::query_scalar("SELECT MAX(id) FROM part_groups").fetch_one(db).await.expect("id");
        sql::query("INSERT INTO part_group_areas (group_id, code) VALUES ($1, 'C1')")
            .bind(id)
            .execute(db)
            .await
            .expect("area");
        participatie::recompute(db, &self.woonstad, self.woonstad.org_id()).await.expect("coverage");
    }
}

async fn complex(db: &Db, scope: &ReadScope, id: i64) -> Option<Place> {
    place::open_complex(db, scope, id).await.expect("open")
}

async fn a_place_opens_for_its_corporation_tenants_and_municipality_only(db: &Db) {
    let w = World::new(db).await;
    for role in Role::ALL {
        let place = complex(db, &reader(w.woonstad.org_id(), role), w.c1).await.expect("its own complex");
        assert_eq!(place.viewer(), Viewer::Owner(role));
        assert_eq!(
            (place.units(), place.buurt_codes(), place.gemeente_codes()),
            (4, vec!["BU01500001".to_owned()], vec!["GM0150".to_owned()])
        );
    }
    let tenants = complex(db, w.huurders.as_read(), w.c1).await.expect("a consulted tenant organisation");
    assert_eq!(tenants.viewer(), Viewer::TenantOrganisation);
    let municipality = complex(db, &reader(w.municipality, Role::ReadOnly), w.c1).await.expect("in its gemeente");
    assert_eq!(municipality.viewer(), Viewer::Municipality);
    // Zutphen is not the municipality's; the others have no relation to Woonstad's stock at all.
    assert!(complex(db, &reader(w.municipality, Role::Admin), w.c2).await.is_none(), "outside its gemeenten");
    assert!(complex(db, &reader(w.vreemd, Role::Admin), w.c1).await.is_none(), "a tenant organisation not consulted");
    assert!(complex(db, &reader(w.anders, Role::Admin), w.c1).await.is_none(), "another corporation");
    assert!(complex(db, &reader(w.supplier, Role::Admin), w.c1).await.is_none(), "a supplier");
    assert!(complex(db, w.woonstad.as_read(), 999_999).await.is_none(), "no such complex");

    // A buurt opens with the stock the viewer may see there: the municipality sees both corporations' buurten in
    // Deventer, each with its own stock; Woonstad has none in the other corporation's buurt.
    let gm = reader(w.municipality, Role::Staff);
    let linde = place::open_buurt(db, &gm, "BU01500001").await.expect("open").expect("Woonstad's buurt");
    assert_eq!(linde.corporations().iter().map(|c| c.0).collect::<Vec<_>>(), vec![w.woonstad.org_id()]);
    let ark = place::open_buurt(db, &gm, "BU01500002").await.expect("open").expect("the other's buurt");
    assert_eq!((ark.corporations()[0].0, ark.units()), (w.anders, 1));
    assert!(place::open_buurt(db, w.woonstad.as_read(), "BU01500002").await.expect("open").is_none());
    assert!(place::open_buurt(db, &gm, "BU03010001").await.expect("open").is_none(), "Zutphen");
    assert!(place::open_buurt(db, w.huurders.as_read(), "BU01500001").await.expect("open").is_some());
}

async fn case(db: &Db, w: &World, tenant: i64, title: &str) -> i64 {
    let new = NewCase {
        tenant_org_id: tenant,
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse(title).expect("title"),
        explanation: LongText::parse("Isoleren").expect("text"),
        received_on: date!(2026 - 11 - 25),
        agreed_weeks: None,
        clusters: vec!["C1".into()],
    };
    let mut tx = db.begin().await.expect("begin");
    let id = overleg::create(&mut tx, &w.woonstad, &actor(), &new).await.expect("create");
    tx.commit().await.expect("commit");
    id
}

async fn initiative(db: &Db, w: &World, title: &str, published: bool, by: Option<i64>) -> i64 {
    sql::query(
        "INSERT INTO in_initiatives (corporation_id, title, description, place, who, needs, initiator_org_id, stage, \
         plan_income, plan_costs, risk_bearer, published, created_at, updated_at) \
         VALUES ($1, $2, '', '', '', '', $3, 'idee', '[]', '[]', '', $4, $5, $5)",
    )
    .bind(w.woonstad.org_id())
    .bind(title)
    .bind(by)
    .bind(i64::from(published))
    .bind(actor().at.unix_timestamp())
    .execute(db)
    .await
    .expect("initiative");
    let id: i64 = sql::query_scalar("SELECT MAX(id) FROM in_initiatives").fetch_one(db).await.expect("id");
    sql::query("INSERT INTO in_initiative_clusters (initiative_id, cluster_id) VALUES ($1, $2)")
        .bind(id)
        .bind(w.c1)
        .execute(db)
        .await
        .expect("link");
    id
}

fn sale(unit_id: i64) -> NewSale {
    NewSale {
        unit_id,
        sold_on: date!(2026 - 10 - 01),
        price_cents: 19_000_000,
        value_cents: 19_500_000,
        value_kind: ValueKind::Woz,
        condition: SaleCondition::None,
        discount_bp: None,
        owner_share_bp: None,
        buyer_name: "Koper".into(),
        buyer_email: None,
        buyer_phone: None,
    }
}

async fn each_block_holds_only_what_the_viewer_may_see(db: &Db) {
    let w = World::new(db).await;
    w.group_for_c1(db).await;
    let theirs = case(db, &w, w.huurders.org_id(), "Daken").await;
    let others = case(db, &w, w.tweede, "Liften").await;
    let private = initiative(db, &w, "Moestuin", false, None).await;
    let public = initiative(db, &w, "Repaircafé", true, None).await;
    let own = initiative(db, &w, "Buurtkamer", false, Some(w.huurders.org_id())).await;
    // Three signals from Woonstad to Deventer for C1 this year, one picked up.
    for (id, outcome) in [(1, Some("opgepakt")), (2, None), (3, Some("niet_opgepakt"))] {
        sql::query(
            "INSERT INTO sg_facts (signal_id, sender_org_id, recipient_org_id, gemeente_code, buurt_code, cluster_id, \
             sent_month, outcome_group) VALUES ($1, $2, $3, 'GM0150', 'BU01500001', $4, '2026-11', $5)",
        )
        .bind(id)
        .bind(w.woonstad.org_id())
        .bind(w.municipality)
        .bind(w.c1)
        .bind(outcome)
        .execute(db)
        .await
        .expect("fact");
    }
    sql::query("INSERT INTO sr_tenant_totals (buyer_id, cluster, jobs) VALUES ($1, 'C1', 2)")
        .bind(w.woonstad.org_id())
        .execute(db)
        .await
        .expect("placements");
    let d1 = stock::unit_id_by_extern(db, &w.woonstad, "D1").await.expect("read").expect("unit");
    let (sold, _) = sales::record_sale(db, &w.woonstad, &actor(), &sale(d1), &[3]).await.expect("ok").expect("sold");

    // The corporation: every block, every case and initiative, the counts.
    let owner = complex(db, &reader(w.woonstad.org_id(), Role::ReadOnly), w.c1).await.expect("open");
    let read = blocks::read(db, &owner, Purpose::Screen, TODAY).await.expect("read");
    assert_eq!(read.stock.as_ref().map(|s| s.summary.units), Some(3), "the sold home left the stock");
    let mut cases: Vec<i64> = read.overleg.as_ref().expect("overleg").iter().map(|c| c.id).collect();
    cases.sort();
    assert_eq!(cases, vec![theirs, others]);
    let mut initiatives: Vec<i64> = read.initiatives.as_ref().expect("initiatives").iter().map(|i| i.id).collect();
    initiatives.sort();
    assert_eq!(initiatives, vec![private, public, own]);
    assert_eq!(read.signals.as_ref().map(|s| (s.sent, s.picked_up)), Some((3, 1)));
    assert_eq!(read.social_return, Some(2));
    let nazorg = read.nazorg.as_ref().expect("nazorg");
    assert_eq!((nazorg.sold, nazorg.sales.iter().map(|s| s.id).collect::<Vec<_>>()), (1, vec![sold]));
    let groups = read.participation.as_ref().and_then(|p| p.groups.as_ref()).expect("groups");
    assert_eq!(groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), vec!["Bewonerscommissie De Linde"]);
    let events = read.timeline(TODAY);
    assert!(events.iter().any(|e| e.what == Happening::HomeSold(sold)), "{events:?}");
    assert!(events.iter().any(|e| matches!(&e.what, Happening::CaseReceived(id, _) if *id == theirs)), "{events:?}");
    assert!(events.windows(2).all(|p| p[0].on >= p[1].on), "newest first");

    // A consulted tenant organisation: its own case, the public and its own initiative; no stock, signals, sales or
    // social return — not empty blocks, no blocks.
    let tenants = complex(db, w.huurders.as_read(), w.c1).await.expect("open");
    let read = blocks::read(db, &tenants, Purpose::Screen, TODAY).await.expect("read");
    assert_eq!(read.overleg.as_ref().expect("overleg").iter().map(|c| c.id).collect::<Vec<_>>(), vec![theirs]);
    let mut initiatives: Vec<i64> = read.initiatives.as_ref().expect("initiatives").iter().map(|i| i.id).collect();
    initiatives.sort();
    assert_eq!(initiatives, vec![public, own]);
    assert!(read.stock.is_none() && read.signals.is_none() && read.nazorg.is_none() && read.social_return.is_none());
    assert!(!read
        .timeline(TODAY)
        .iter()
        .any(|e| matches!(e.what, Happening::HomeSold(_) | Happening::SignalsInMonth(_))));
    // The one-pager for a meeting with the second tenant organisation, printed by the corporation: read with that
    // organisation's rights — its own case only, the public initiative, no stock, signals or sales.
    let meeting = owner.for_tenant_meeting(db, w.tweede).await.expect("check").expect("a consulted organisation");
    let printed = blocks::read(db, &meeting, Purpose::TenantMeeting, TODAY).await.expect("read");
    assert_eq!(printed.overleg.as_ref().expect("overleg").iter().map(|c| c.id).collect::<Vec<_>>(), vec![others]);
    assert_eq!(
        printed.initiatives.as_ref().expect("initiatives").iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![public]
    );
    assert!(printed.stock.is_none() && printed.signals.is_none() && printed.nazorg.is_none());
    // Not for an organisation the corporation does not consult; a tenant organisation prints for itself only; a
    // municipality prints none.
    assert!(owner.for_tenant_meeting(db, w.vreemd).await.expect("check").is_none());
    assert!(tenants.for_tenant_meeting(db, w.tweede).await.expect("check").is_none());
    let gm = complex(db, &reader(w.municipality, Role::Staff), w.c1).await.expect("open");
    assert!(gm.for_tenant_meeting(db, w.huurders.org_id()).await.expect("check").is_none());

    // The municipality on the complex: coverage without groups and the agreements; signals and sales are counted for
    // it per buurt, never per complex; no Overleg or initiatives.
    let read = blocks::read(db, &gm, Purpose::Screen, TODAY).await.expect("read");
    let coverage = read.participation.as_ref().expect("coverage");
    assert!(coverage.groups.is_none(), "no groups for a municipality");
    assert_eq!(coverage.by_level, [0, 0, 3]);
    assert!(read.signals.is_none() && read.nazorg.is_none(), "nothing counted per complex");
    assert!(
        read.overleg.is_none() && read.initiatives.is_none() && read.stock.is_none() && read.social_return.is_none()
    );
    // On the buurt's page: the signals it received as totals (no months), sales as a count.
    let buurt = place::open_buurt(db, &reader(w.municipality, Role::Staff), "BU01500001").await.expect("open");
    let read = blocks::read(db, &buurt.expect("its buurt"), Purpose::Screen, TODAY).await.expect("read");
    let signals = read.signals.as_ref().expect("signals");
    assert_eq!((signals.sent, signals.picked_up, signals.per_month.len()), (3, 1, 0));
    let nazorg = read.nazorg.as_ref().expect("counts");
    assert_eq!((nazorg.sold, nazorg.sales.len(), nazorg.checks_due), (1, 0, 0), "a count, no sales");
}

async fn a_sale_keeps_the_coverage_of_the_rest_of_the_stock(db: &Db) {
    let w = World::new(db).await;
    w.group_for_c1(db).await;
    let level = |db: &Db| {
        let db = db.clone();
        async move {
            sql::query_as::<(i64, i64)>("SELECT units, level FROM part_cells WHERE cluster_code = 'C1'")
                .fetch_one(&db)
                .await
                .expect("cell")
        }
    };
    assert_eq!(level(db).await, (4, 2));
    let d1 = stock::unit_id_by_extern(db, &w.woonstad, "D1").await.expect("read").expect("unit");
    sales::record_sale(db, &w.woonstad, &actor(), &sale(d1), &[3]).await.expect("ok").expect("sold");
    // Regrouped without the sold home, still spoken for by the group (before, every cell fell back to no voice).
    assert_eq!(level(db).await, (3, 2));
}

/// A group of `corporation` kept by `keeper` for an area of `area_kind` (`code` its one area), ended on `ended_on`.
async fn add_group(db: &Db, corporation: i64, name: &str, area_kind: &str, code: Option<&str>, ended_on: Option<&str>) {
    let id: i64 = sql::query_scalar(
        "INSERT INTO part_groups (corporation_id, org_id, name, kind, area_kind, contact_role, channels, description, \
         join_info, started_on, criteria, level, created_at, ended_on) \
         VALUES ($1, $1, $2, 'bewonerscommissie', $3, '', '', '', '', '2020-01-01', '', 0, 0, $4) RETURNING id",
    )
    .bind(corporation)
    .bind(name)
    .bind(area_kind)
    .bind(ended_on)
    .fetch_one(db)
    .await
    .expect("group");
    if let Some(code) = code {
        sql::query("INSERT INTO part_group_areas (group_id, code) VALUES ($1, $2)")
            .bind(id)
            .bind(code)
            .execute(db)
            .await
            .expect("area");
    }
}

/// An initiative of Woonstad in buurt `buurt`, about complex `cluster` if given.
async fn initiative_in(db: &Db, w: &World, title: &str, buurt: &str, cluster: Option<i64>) -> i64 {
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_initiatives (corporation_id, title, description, place, who, needs, stage, plan_income, \
         plan_costs, risk_bearer, published, created_at, updated_at, buurt_code) \
         VALUES ($1, $2, '', '', '', '', 'idee', '[]', '[]', '', 0, 0, 0, $3) RETURNING id",
    )
    .bind(w.woonstad.org_id())
    .bind(title)
    .bind(buurt)
    .fetch_one(db)
    .await
    .expect("initiative");
    if let Some(cluster) = cluster {
        sql::query("INSERT INTO in_initiative_clusters (initiative_id, cluster_id) VALUES ($1, $2)")
            .bind(id)
            .bind(cluster)
            .execute(db)
            .await
            .expect("link");
    }
    id
}

/// Each block finds what concerns the place by its own keys — groups for all the stock, for the complex and for its
/// buurt; initiatives by buurt and by complex; a cycle's first commitments with the count of all; the checks of every
/// home still sold — and nothing of another place, another corporation or a group that ended over a year ago.
async fn each_block_reads_its_own_place_and_no_other(db: &Db) {
    let w = World::new(db).await;
    let woonstad = w.woonstad.org_id();
    add_group(db, woonstad, "Alle huurders", "all", None, None).await;
    add_group(db, woonstad, "Commissie Linde", "complexes", Some("C1"), None).await;
    add_group(db, woonstad, "Commissie Hanze", "complexes", Some("C2"), None).await;
    add_group(db, woonstad, "Buurt Linde", "buurten", Some("BU01500001"), None).await;
    add_group(db, woonstad, "Buurt Hanze", "buurten", Some("BU03010001"), None).await;
    add_group(db, woonstad, "Opgeheven", "complexes", Some("C1"), Some("2024-01-01")).await;
    add_group(db, woonstad, "Net gestopt", "complexes", Some("C1"), Some("2026-06-01")).await;
    add_group(db, w.anders, "Ander bezit", "all", None, None).await;
    // The other corporation's group, case and initiative under the same complex and buurt codes are not Woonstad's.
    add_group(db, w.anders, "Andere C1", "complexes", Some("C1"), None).await;
    let anders_case: i64 = sql::query_scalar(
        "INSERT INTO overleg_cases (corporation_id, tenant_org_id, kind, subject, title, explanation, received_on, \
         stage, created_at) VALUES ($1, $2, 'advice', 'renovation', 'Andermans zaak', '', '2026-11-01', \
         'awaiting_answer', 0) RETURNING id",
    )
    .bind(w.anders)
    .bind(w.tweede)
    .fetch_one(db)
    .await
    .expect("case");
    sql::query("INSERT INTO overleg_case_clusters (case_id, cluster_code) VALUES ($1, 'C1')")
        .bind(anders_case)
        .execute(db)
        .await
        .expect("case complex");
    sql::query(
        "INSERT INTO in_initiatives (corporation_id, title, description, place, who, needs, stage, plan_income, \
         plan_costs, risk_bearer, published, created_at, updated_at, buurt_code) \
         VALUES ($1, 'Andermans tuin', '', '', '', '', 'idee', '[]', '[]', '', 1, 0, 0, 'BU01500001')",
    )
    .bind(w.anders)
    .execute(db)
    .await
    .expect("initiative");
    // The complex's code C1 as a buurt code, and its buurt as a complex code, speak for nothing here.
    add_group(db, woonstad, "Verkeerde soort", "buurten", Some("C1"), None).await;
    add_group(db, woonstad, "Ook verkeerd", "complexes", Some("BU01500001"), None).await;
    let by_buurt = initiative_in(db, &w, "Buurttuin", "BU01500001", None).await;
    let by_complex = initiative_in(db, &w, "Speelplek", "BU03010001", Some(w.c1)).await;
    initiative_in(db, &w, "Hanzefeest", "BU03010001", Some(w.c2)).await;
    initiative_in(db, &w, "Elders", "BU03010001", None).await;
    let cycle: i64 = sql::query_scalar(
        "INSERT INTO pa_cycles (gemeente_code, first_year, last_year, title, phase, phase_since, opened_by, \
         created_at) VALUES ('GM0150', 2026, 2029, 'Afspraken Deventer', 'kennisvergaring', '2026-01-01', $1, 0) \
         RETURNING id",
    )
    .bind(w.municipality)
    .fetch_one(db)
    .await
    .expect("cycle");
    for party in [w.municipality, woonstad] {
        sql::query("INSERT INTO pa_parties (cycle_id, org_id) VALUES ($1, $2)")
            .bind(cycle)
            .bind(party)
            .execute(db)
            .await
            .expect("party");
    }
    // Six of Woonstad's, one shared, two of the other corporation's.
    let owners = [Some(woonstad); 6].into_iter().chain([None, Some(w.anders), Some(w.anders)]);
    for (i, owner) in owners.enumerate() {
        sql::query(
            "INSERT INTO pa_commitments (cycle_id, theme, body, unit, owner_id, created_at) \
             VALUES ($1, 'wonen', $2, 'woningen', $3, 0)",
        )
        .bind(cycle)
        .bind(format!("Afspraak {i}"))
        .bind(owner)
        .execute(db)
        .await
        .expect("commitment");
    }
    // Two homes of C1 sold; checks open (due in 16 days), overdue, done, and one of a home bought back since.
    let d1 = stock::unit_id_by_extern(db, &w.woonstad, "D1").await.expect("read").expect("unit");
    let d2 = stock::unit_id_by_extern(db, &w.woonstad, "D2").await.expect("read").expect("unit");
    let (kept, _) = sales::record_sale(db, &w.woonstad, &actor(), &sale(d1), &[3]).await.expect("ok").expect("sold");
    let (back, _) = sales::record_sale(db, &w.woonstad, &actor(), &sale(d2), &[3]).await.expect("ok").expect("sold");
    for (sale_id, years, due, done) in [
        (kept, 1, "2026-12-20", None),
        (kept, 2, "2026-11-01", None),
        (kept, 4, "2026-11-15", Some("2026-11-10")),
        (back, 1, "2026-12-01", None),
    ] {
        sql::query("INSERT INTO nz_checks (sale_id, years, due_on, done_on) VALUES ($1, $2, $3, $4)")
            .bind(sale_id)
            .bind(years)
            .bind(due)
            .bind(done)
            .execute(db)
            .await
            .expect("check");
    }
    // A VvE for each of Woonstad's complexes, and one of the other corporation's.
    for (corporation, cluster, name) in [(woonstad, w.c1, "VvE De Linde"), (woonstad, w.c2, "VvE Hanzehof")] {
        sql::query(
            "INSERT INTO nz_vves (corporation_id, cluster_id, name, votes_corporation, votes_total, is_manager, \
             updated_by, updated_at) VALUES ($1, $2, $3, 10, 20, 1, 'test', 0)",
        )
        .bind(corporation)
        .bind(cluster)
        .bind(name)
        .execute(db)
        .await
        .expect("vve");
    }
    sql::query("UPDATE nz_sales SET bought_back_on = '2026-11-20' WHERE id = $1")
        .bind(back)
        .execute(db)
        .await
        .expect("bought back");

    let owner = complex(db, w.woonstad.as_read(), w.c1).await.expect("open");
    let read = blocks::read(db, &owner, Purpose::Screen, TODAY).await.expect("read");
    let groups = read.participation.as_ref().and_then(|p| p.groups.as_ref()).expect("groups");
    assert_eq!(
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        vec!["Alle huurders", "Buurt Linde", "Commissie Linde", "Net gestopt"]
    );
    let mut initiatives: Vec<i64> = read.initiatives.as_ref().expect("initiatives").iter().map(|i| i.id).collect();
    initiatives.sort();
    assert_eq!(initiatives, vec![by_buurt, by_complex]);
    assert!(read.overleg.as_ref().expect("overleg").is_empty(), "not the other corporation's case on its own C1");
    let cycles = read.afspraken.as_ref().expect("agreements");
    assert_eq!(cycles.iter().map(|c| c.id).collect::<Vec<_>>(), vec![cycle]);
    assert_eq!(cycles[0].commitment_count, 7, "Woonstad's six and the shared one");
    assert_eq!(
        cycles[0].commitments.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(),
        vec!["Afspraak 0", "Afspraak 1", "Afspraak 2", "Afspraak 3", "Afspraak 4"]
    );
    let nazorg = read.nazorg.as_ref().expect("nazorg");
    assert_eq!(nazorg.sales.iter().map(|s| s.id).collect::<Vec<_>>(), vec![back, kept], "newest first, then by id");
    assert_eq!((nazorg.sold, nazorg.checks_due), (1, 2), "the home still sold: one check open, one overdue");
    assert_eq!(nazorg.vves.iter().map(|v| v.1.as_str()).collect::<Vec<_>>(), vec!["VvE De Linde"]);
    // The stock: the two homes of C1 still in use, with their rents and places.
    let stock = read.stock.as_ref().expect("stock");
    assert_eq!(stock.summary.units, 2);
    assert_eq!(stock.summary.by_kind(), vec![(Some("WON"), 2)]);
    assert_eq!((stock.summary.rent_bands.clone(), stock.summary.rent_unknown), (vec![(RentBand::Middle, 2)], 0));
    assert_eq!(stock.points, vec![(52.24, 6.20), (52.24, 6.20)]);

    // C2's page has its own group, initiative and no sales.
    let hanze = complex(db, w.woonstad.as_read(), w.c2).await.expect("open");
    let read = blocks::read(db, &hanze, Purpose::Screen, TODAY).await.expect("read");
    let groups = read.participation.as_ref().and_then(|p| p.groups.as_ref()).expect("groups");
    assert_eq!(
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        vec!["Alle huurders", "Buurt Hanze", "Commissie Hanze"]
    );
    assert_eq!(
        read.initiatives.as_ref().expect("initiatives").len(),
        3,
        "Speelplek, Hanzefeest and Elders are in its buurt"
    );
    let nazorg = read.nazorg.as_ref().expect("nazorg");
    assert!(nazorg.sales.is_empty());
    assert_eq!(nazorg.vves.iter().map(|v| v.1.as_str()).collect::<Vec<_>>(), vec!["VvE Hanzehof"]);
}

/// A complex's stock block is kept in memory per stock version (ADR 0055): a change that does not raise the version
/// (here a plain statement, which no part of the platform writes) is not seen; an import that adds homes and a sale
/// are seen at the next page.
async fn a_complexs_stock_block_is_kept_until_its_stock_changes(db: &Db) {
    let w = World::new(db).await;
    let units = || async {
        let c1 = complex(db, w.woonstad.as_read(), w.c1).await.expect("open");
        let read = blocks::read(db, &c1, Purpose::Screen, TODAY).await.expect("read");
        read.stock.expect("stock").summary.units
    };
    assert_eq!(units().await, 4);
    sql::query("UPDATE units SET in_use = 0 WHERE id_extern = 'D4'").execute(db).await.expect("out of use");
    assert_eq!(units().await, 4, "kept: the stock version did not change");
    let mut rows = WOONSTAD_STOCK.to_vec();
    rows.push("D5;C1;De Linde;WON;VHR;Lindelaan;5;;7425AA;Deventer;GM0150;BU01500001;DAE;690,00;52,24;6,20");
    rows.push("D6;C1;De Linde;WON;VHR;Lindelaan;6;;7425AA;Deventer;GM0150;BU01500001;DAE;690,00;52,24;6,20");
    import(db, &w.woonstad, &rows).await;
    let in_use: i64 = sql::query_scalar("SELECT COUNT(*) FROM units WHERE cluster_id = $1 AND in_use = 1")
        .bind(w.c1)
        .fetch_one(db)
        .await
        .expect("count");
    assert!(in_use >= 5, "two homes more than the three left in use: {in_use}");
    assert_eq!(units().await, in_use, "the import raised the stock version");
    let d1 = stock::unit_id_by_extern(db, &w.woonstad, "D1").await.expect("read").expect("unit");
    sales::record_sale(db, &w.woonstad, &actor(), &sale(d1), &[3]).await.expect("ok").expect("sold");
    assert_eq!(units().await, in_use - 1, "a sale raised the stock version");
    let in_use = in_use - 1;
    let buurt_units = || async {
        let buurt = place::open_buurt(db, w.woonstad.as_read(), "BU01500001").await.expect("buurt").expect("open");
        let read = blocks::read(db, &buurt, Purpose::Screen, TODAY).await.expect("read");
        read.stock.expect("stock").summary.units
    };
    assert_eq!(buurt_units().await, in_use);
    sql::query("UPDATE units SET in_use = 0 WHERE id_extern = 'D2'").execute(db).await.expect("out of use");
    assert_eq!(buurt_units().await, in_use - 1, "a buurt's block is read, not kept");
    assert_eq!(units().await, in_use, "the complex's is kept");
}

/// A place's module blocks are kept in memory under `place_version` (ADR 0056, 0057): the same page for the same viewer
/// is read once; another viewer, another role, another day each read their own; and a change to what a block shows —
/// by a module's own code or by a plain statement, as another process would write — is on the very next page, which
/// reads that block's section again and keeps the others.
async fn a_places_module_blocks_are_kept_until_what_they_show_changes(db: &Db) {
    let w = World::new(db).await;
    w.group_for_c1(db).await;
    let daken = case(db, &w, w.huurders.org_id(), "Daken").await;
    let page = |scope: ReadScope, today: Date| async move {
        let c1 = complex(db, &scope, w.c1).await.expect("open");
        blocks::read(db, &c1, Purpose::Screen, today).await.expect("read")
    };
    let owner = || page(*w.woonstad.as_read(), TODAY);
    let cases = |b: &Blocks| b.overleg.as_ref().expect("overleg").iter().map(|c| c.title.clone()).collect::<Vec<_>>();
    let before = db.place_fact_reads();
    assert_eq!(cases(&owner().await), ["Daken"]);
    assert_eq!(cases(&owner().await), ["Daken"]);
    assert_eq!(db.place_fact_reads(), before + 1, "the second page found the blocks kept");

    // Each viewer, role and day reads its own: what one may see is never served to another.
    case(db, &w, w.tweede, "Ramen").await;
    let reads = db.place_fact_reads();
    assert_eq!(cases(&owner().await), ["Ramen", "Daken"], "a new case, by the module's own code");
    let tenants = page(*w.huurders.as_read(), TODAY).await;
    assert_eq!(cases(&tenants), ["Daken"], "the tenant organisation's own case only");
    let read_only = page(reader(w.woonstad.org_id(), Role::ReadOnly), TODAY).await;
    assert_eq!(cases(&read_only), ["Ramen", "Daken"]);
    let tomorrow = page(*w.woonstad.as_read(), TODAY.next_day().expect("day")).await;
    assert_eq!(cases(&tomorrow), ["Ramen", "Daken"]);
    assert_eq!(db.place_fact_reads(), reads + 4, "owner, tenant organisation, read-only member, the next day");
    assert_eq!(cases(&page(*w.huurders.as_read(), TODAY).await), ["Daken"]);
    assert_eq!(db.place_fact_reads(), reads + 4, "each kept for itself");

    // Plain statements on the tables of four blocks and of the printing partners: each seen at the next page, which
    // reads that one section again.
    let after_change = |change: String| async move {
        sql::query(&change).execute(db).await.expect(&change);
        let c1 = complex(db, w.woonstad.as_read(), w.c1).await.expect("open");
        let sections = db.place_sections_read();
        let facts = place::Reader::new(db).page(&c1, Purpose::Screen, TODAY).await.expect("page");
        assert_eq!(db.place_sections_read(), sections + 1, "{change}: its section read again, the others kept");
        facts
    };
    let facts = after_change(format!("UPDATE overleg_cases SET title = 'Daken en goten' WHERE id = {daken}")).await;
    assert_eq!(cases(&facts.blocks), ["Ramen", "Daken en goten"]);
    let facts = after_change(
        "UPDATE part_groups SET name = 'Commissie De Linde' WHERE name = 'Bewonerscommissie De Linde'".into(),
    )
    .await;
    let groups = facts.blocks.participation.as_ref().and_then(|p| p.groups.as_ref()).expect("groups");
    assert_eq!(groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["Commissie De Linde"]);
    let facts =
        after_change(format!("UPDATE organisations SET name = 'Huurders Nieuw' WHERE id = {}", w.huurders.org_id()))
            .await;
    assert!(facts.meeting_partners.iter().any(|(_, name)| name == "Huurders Nieuw"), "{:?}", facts.meeting_partners);
    let facts = after_change(format!(
        "INSERT INTO sr_tenant_totals (buyer_id, cluster, jobs) VALUES ({}, 'C1', 3)",
        w.woonstad.org_id()
    ))
    .await;
    assert_eq!(facts.blocks.social_return, Some(3));
    // A page read by the reader that opened the place takes the numbers read with it (one statement less): a change
    // committed between the two is on the next request's page.
    let mut reader = place::Reader::new(db);
    let c1 = reader.open_complex(w.woonstad.as_read(), w.c1).await.expect("open").expect("c1");
    sql::query(&format!("UPDATE overleg_cases SET title = 'Dakgoten' WHERE id = {daken}"))
        .execute(db)
        .await
        .expect("title");
    let facts = reader.page(&c1, Purpose::Screen, TODAY).await.expect("page");
    assert_eq!(cases(&facts.blocks), ["Ramen", "Daken en goten"], "as it was when the request opened the place");
    let mut reader = place::Reader::new(db);
    let c1 = reader.open_complex(w.woonstad.as_read(), w.c1).await.expect("open").expect("c1");
    let facts = reader.page(&c1, Purpose::Screen, TODAY).await.expect("page");
    assert_eq!(cases(&facts.blocks), ["Ramen", "Dakgoten"], "the next request");

    let (reads, sections) = (db.place_fact_reads(), db.place_sections_read());
    initiative(db, &w, "Speeltuin", true, None).await;
    let initiatives = owner().await.initiatives.expect("initiatives");
    assert_eq!(initiatives.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Speeltuin"]);
    assert_eq!((db.place_fact_reads(), db.place_sections_read()), (reads + 1, sections + 1));
}

/// RULES.md asks "nog niet vastgesteld" wherever a deadline in a year no Besluit gelijkstelling covers is shown: the
/// place's Overleg line carries the mark, counted as the case's own page counts it, and a decree added through the
/// platform takes it away at the next page (the decrees raise the Overleg section's number, migration 61).
async fn a_case_deadline_no_decree_settles_is_marked_until_one_does(db: &Db) {
    use volkshuis_domain::calendar::Undecreed;
    let w = World::new(db).await;
    case(db, &w, w.huurders.org_id(), "Daken").await;
    let late = NewCase {
        tenant_org_id: w.huurders.org_id(),
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse("Gevels").expect("title"),
        explanation: LongText::parse("Gevels herstellen").expect("text"),
        // Six weeks from 1 December 2028 end on Friday 12 January 2029, a year the seeded decrees do not cover.
        received_on: date!(2028 - 12 - 01),
        agreed_weeks: None,
        clusters: vec!["C1".into()],
    };
    let mut tx = db.begin().await.expect("begin");
    overleg::create(&mut tx, &w.woonstad, &actor(), &late).await.expect("create");
    tx.commit().await.expect("commit");
    let lines = || async {
        let c1 = complex(db, w.woonstad.as_read(), w.c1).await.expect("open");
        let b = blocks::read(db, &c1, Purpose::Screen, TODAY).await.expect("read");
        b.overleg.expect("overleg").into_iter().map(|c| (c.title, c.next_deadline, c.undecreed)).collect::<Vec<_>>()
    };
    assert_eq!(
        lines().await,
        [
            ("Gevels".to_owned(), Some(date!(2029 - 01 - 12)), Some(Undecreed::NotYet)),
            ("Daken".to_owned(), Some(date!(2027 - 01 - 06)), None),
        ]
    );
    let decree = volkshuis_store::calendar::NewDecree {
        name: "Besluit gelijkstelling dagen Algemene termijnenwet 2029–2031".into(),
        source: "Stb. 2028, 1".into(),
        first_year: 2029,
        last_year: 2031,
        days: vec![(date!(2029 - 01 - 12), "vrijdag voor de proef".into())],
    };
    let mut tx = db.begin().await.expect("begin");
    volkshuis_store::calendar::add_decree(&mut tx, &actor(), &decree).await.expect("decree");
    tx.commit().await.expect("commit");
    let after = lines().await;
    assert_eq!(after[0], ("Gevels".to_owned(), Some(date!(2029 - 01 - 15)), None), "moved past the decreed Friday");
    assert_eq!(after[1], ("Daken".to_owned(), Some(date!(2027 - 01 - 06)), None));
}

/// Migrations 51, 52 and 61's triggers, on both engines: every table in `kept::TABLES` raises its section's number in
/// `place_version` on an insert, an update and a delete, the tables in `kept::PARTLY` the signals' on their one kind
/// of change, and no other table has such a trigger; a plain update of one row raises its section's number and no
/// other; a signal's facts raise it when their outcome changes and a ledger when it is sent, not when a fact is
/// inserted or resolved. (Which tables each section reads is checked against the same lists by the unit test in
/// `place/kept.rs`.)
async fn every_table_the_kept_blocks_follow_has_its_triggers(db: &Db) {
    let between = |text: &str, before: &str, after: &str| -> String {
        let start = text.find(before).map(|i| i + before.len()).unwrap_or_else(|| panic!("{before} in {text}"));
        text[start..][..text[start..].find(after).unwrap_or_else(|| panic!("{after} in {text}"))].to_owned()
    };
    let rows: Vec<(String, String, String)> = match db.backend() {
        volkshuis_store::Backend::Sqlite => {
            let triggers: Vec<(String, String)> = sql::query_as(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%place_version%'",
            )
            .fetch_all(db)
            .await
            .expect("triggers");
            triggers
                .into_iter()
                .flat_map(|(table, text)| {
                    let section = between(&text, "UPDATE place_version SET ", " =");
                    ["INSERT", "UPDATE", "DELETE"]
                        .into_iter()
                        .filter(move |event| ["ON", "OF"].iter().any(|w| text.contains(&format!("AFTER {event} {w} "))))
                        .map(move |event| (table.clone(), event.to_owned(), section.clone()))
                })
                .collect()
        }
        volkshuis_store::Backend::Postgres => {
            let triggers: Vec<(String, String, String)> = sql::query_as(
                "SELECT CAST(event_object_table AS TEXT), CAST(event_manipulation AS TEXT), \
                 CAST(action_statement AS TEXT) FROM information_schema.triggers \
                 WHERE action_statement LIKE '%place_version_raise%'",
            )
            .fetch_all(db)
            .await
            .expect("triggers");
            triggers.into_iter().map(|(t, e, action)| (t, e, between(&action, "place_version_raise('", "')"))).collect()
        }
    };
    let mut found = rows;
    found.sort();
    let mut expected: Vec<(String, String, String)> = kept::TABLES
        .iter()
        .flat_map(|(t, s)| {
            ["DELETE", "INSERT", "UPDATE"].map(|e| ((*t).to_owned(), e.to_owned(), s.column().to_owned()))
        })
        .chain(kept::PARTLY.iter().map(|(t, e)| ((*t).to_owned(), (*e).to_owned(), "signals".to_owned())))
        .collect();
    expected.sort();
    assert_eq!(found, expected);

    let w = World::new(db).await;
    let columns: &Vec<&str> = &kept::SECTIONS.iter().map(|s| s.column()).collect();
    let numbers = || async {
        let row = sql::query(&format!("SELECT {} FROM place_version", columns.join(", ")))
            .fetch_one(db)
            .await
            .expect("versions");
        columns.iter().map(|c| row.try_get::<i64, _>(*c).expect("number")).collect::<Vec<i64>>()
    };
    // The sections whose numbers `statement` raises.
    let raised = |statement: String| async move {
        let before = numbers().await;
        let done = sql::query(&statement).execute(db).await.expect(&statement);
        assert!(done.rows_affected() > 0, "{statement}");
        let after = numbers().await;
        columns.iter().zip(before.iter().zip(after)).filter(|(_, (b, a))| a > *b).map(|(c, _)| *c).collect::<Vec<_>>()
    };
    let same_name = format!("UPDATE organisations SET name = name WHERE id = {}", w.huurders.org_id());
    assert_eq!(raised(same_name).await, ["partners"], "an update that writes the same name counts too");
    let totals =
        format!("INSERT INTO sr_tenant_totals (buyer_id, cluster, jobs) VALUES ({}, 'C1', 3)", w.woonstad.org_id());
    assert_eq!(raised(totals).await, ["social_return"]);
    assert_eq!(raised("UPDATE sr_tenant_totals SET jobs = jobs + 1".into()).await, ["social_return"]);
    assert_eq!(raised("DELETE FROM sr_tenant_totals".into()).await, ["social_return"]);

    let raises = |statement: String| async move {
        let before = numbers().await;
        sql::query(&statement).execute(db).await.expect(&statement);
        let after = numbers().await;
        let signals = columns.iter().position(|c| *c == "signals").expect("signals");
        assert!(before.iter().zip(&after).enumerate().all(|(i, (b, a))| i == signals || a == b), "{statement}");
        after[signals] > before[signals]
    };
    let (woonstad, municipality) = (w.woonstad.org_id(), w.municipality);
    let insert = format!(
        "INSERT INTO sg_facts (signal_id, sender_org_id, recipient_org_id, gemeente_code, buurt_code, cluster_id, \
         sent_month) VALUES (999, {woonstad}, {municipality}, 'GM0150', 'BU01500001', NULL, '2026-11')"
    );
    assert!(!raises(insert).await, "a fact comes in with its ledger's sending");
    let resolved = "UPDATE sg_facts SET resolved_on = '2026-12-01' WHERE signal_id = 999";
    assert!(!raises(resolved.into()).await, "not shown on a place's page");
    let outcome = "UPDATE sg_facts SET outcome_group = 'opgepakt' WHERE signal_id = 999";
    assert!(raises(outcome.into()).await, "an outcome");
    assert!(raises("DELETE FROM sg_facts WHERE signal_id = 999".into()).await);
    let ledger = format!(
        "INSERT INTO sg_ledgers (org_id, decided_on, file_name, households, signalled, resolved, imported_by, \
         imported_at) VALUES ({woonstad}, '2026-12-01', 'x.csv', 0, 0, 0, 'test', 0)"
    );
    assert!(!raises(ledger).await, "a ledger read in, not yet sent");
    assert!(raises("UPDATE sg_ledgers SET sent_at = 1 WHERE file_name = 'x.csv'".into()).await, "a ledger sent");
}
