//! Nazorg on SQLite and PostgreSQL: a sale takes its unit out of the rental stock and plans its checks; buyer data
//! is read only by the corporation's sales staff and the assigned koopcoach, and every read is in the audit log; the
//! talk keeps the checklist version it was held with; checks, actions, buy-backs and VvE's stay the corporation's
//! own; the figures count for the corporation and, through its gemeenten, the municipality.
//!
//! Longer than most test files: one world serves every story, and splitting it would repeat that world.

use time::macros::{date, time};
use time::Date;
use volkshuis_domain::access::{self, Edit, Manage, Membership, Role, WriteScope};
use volkshuis_domain::account::Email;
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::nazorg::buyback::{buyback, BuybackInput};
use volkshuis_domain::nazorg::checks::{CheckAnswers, Maintenance, VveParticipation, LEAD_MONTHS};
use volkshuis_domain::nazorg::sale::{SaleCondition, ValueKind};
use volkshuis_domain::nazorg::talk::default_checklist;
use volkshuis_domain::nazorg::vve::Mjop;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::overleg::{AnswerKind, RequestKind, Subject};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::audit::Actor;
use volkshuis_store::nazorg::checks::{self, NewAction};
use volkshuis_store::nazorg::figures::{self, Grouping, Place, Side};
use volkshuis_store::nazorg::sales::{self, Buyback, NewLogEntry, NewSale, PlannedCheck, SaleRefused};
use volkshuis_store::nazorg::talks::{self, NewTalk, TalkRefused};
use volkshuis_store::nazorg::vves::{self, NewVote, VveInput};
use volkshuis_store::nazorg::{retention, BuyerScope};
use volkshuis_store::overleg::{self, Answer, NewCase};
use volkshuis_store::partner_lists::{self, Listing, PartnerList};
use volkshuis_store::stock::{self, ImportOptions, UnitFilter};
use volkshuis_store::testdb::sql;
use volkshuis_store::{gemeenten, orgs, users, Db};

volkshuis_store::store_test_on_both_backends!(
    a_sale_takes_the_unit_out_of_the_rental_stock_and_plans_its_checks,
    buyers_are_read_by_sales_staff_and_their_own_coach_and_every_read_is_logged,
    only_partner_staff_can_be_assigned_as_coach_to_the_corporations_own_sales,
    the_coach_keeps_a_log_of_their_own_buyers,
    a_talk_keeps_the_checklist_version_it_was_held_with,
    checks_and_actions_are_the_corporations_own,
    a_buy_back_returns_the_unit_to_the_rental_stock,
    vves_and_votes_are_the_corporations_own,
    figures_count_for_the_corporation_and_through_its_gemeenten_the_municipality,
    a_buyers_data_is_deleted_a_year_after_the_aftercare_ends,
);

const TODAY: Date = date!(2026 - 12 - 04);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;soort;status;straatnaam;huisnummer;huisletter;postcode;\
woonplaats;gemeenteCode;buurtCode;maatschappelijkLabel;nettohuur;breedtegraad;lengtegraad";

/// Woonstad: C1 in Deventer (four homes), C2 in Zutphen (two).
const WOONSTAD_STOCK: &[&str] = &[
    "D1;C1;De Linde;WON;VHR;Lindelaan;1;;7425AA;Deventer;GM0150;BU01500001;DAE;650,00;52,24;6,20",
    "D2;C1;De Linde;WON;VHR;Lindelaan;2;;7425AA;Deventer;GM0150;BU01500001;DAE;660,00;52,24;6,20",
    "D3;C1;De Linde;WON;VHR;Lindelaan;3;;7425AA;Deventer;GM0150;BU01500001;DAE;670,00;52,24;6,20",
    "D4;C1;De Linde;WON;VHR;Lindelaan;4;;7425AA;Deventer;GM0150;BU01500001;DAE;680,00;52,24;6,20",
    "Z1;C2;Hanzehof;WON;VHR;Hanzeweg;2;;7203AB;Zutphen;GM0301;BU03010001;DAE;600,00;52,12;6,21",
    "Z2;C2;Hanzehof;WON;VHR;Hanzeweg;4;;7203AB;Zutphen;GM0301;BU03010001;DAE;610,00;52,12;6,21",
];

/// Another corporation, with a home in Deventer too.
const ANDERS_STOCK: &[&str] =
    &["A1;C9;De Ark;WON;VHR;Brink;1;;7411BR;Deventer;GM0150;BU01500002;DAE;640,00;52,25;6,16"];

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

/// The scope of a member who may edit, granted through the check as the web layer grants it.
fn member_scope(org: i64, user: i64, role: Role) -> WriteScope {
    access::grant(org, Some(Membership { user_id: user, org_id: org, role }), Edit).expect("may edit")
}

fn actor() -> Actor {
    Actor::system("test", TODAY.with_time(time!(10:00)).assume_utc())
}

fn coach_actor(user: i64) -> Actor {
    Actor { user_id: Some(user), label: "Kim Koopcoach".into(), request_id: None, at: actor().at }
}

/// The buyer of `sale` consents to aftercare in the talk before the sale (a koopcoach may then be assigned).
async fn consent(db: &Db, scope: &WriteScope, sale: i64) {
    let list = talks::checklist(db, scope.as_read()).await.expect("checklist");
    let talk = NewTalk {
        version: list.version,
        held_on: date!(2025 - 01 - 15),
        answers: vec!["besproken".to_owned(); list.items.len()],
        owning_monthly_cents: 90_000,
        rent_monthly_cents: 70_000,
        consent: true,
    };
    assert_eq!(talks::record_talk(db, scope, &actor(), sale, &talk).await.expect("talk"), Ok(()));
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let mut tx = db.begin().await.expect("begin");
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

async fn user(db: &Db, email: &str, memberships: &[(i64, Role)]) -> i64 {
    let new = users::NewUser {
        email: Email::parse(email).expect("email"),
        name: Name::parse(email.split('@').next().expect("name")).expect("name"),
        password_hash: "x".into(),
        is_platform_admin: false,
    };
    let mut tx = db.begin().await.expect("begin");
    let id = users::create(&mut tx, &actor(), &new).await.expect("user").id;
    for (org, role) in memberships {
        users::set_membership(&mut tx, &actor(), id, *org, *role).await.expect("membership");
    }
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

async fn count(db: &Db, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(db).await.expect("count")
}

/// The entries of buyer-data reads: (entity, entity id, after).
async fn reads(db: &Db) -> Vec<(String, String, String)> {
    sql::query_as(
        "SELECT entity, entity_id, after_json FROM audit_log WHERE action = 'read_personal' AND personal_data = 1 \
         ORDER BY id",
    )
    .fetch_all(db)
    .await
    .expect("reads")
}

struct World {
    woonstad: WriteScope,
    anders: WriteScope,
    municipality: i64,
    /// Partner organisations: the koopcoach's own, and a wijkteam the same person also works for.
    koopcoach: i64,
    wijkteam: i64,
    /// Staff of both partners.
    coach: i64,
    /// Staff of the koopcoach organisation, not assigned.
    colleague: i64,
    /// Read-only member of the koopcoach organisation.
    reader: i64,
    /// Staff of a tenant organisation.
    tenant_staff: i64,
    tenant: i64,
}

impl World {
    async fn new(db: &Db) -> World {
        let woonstad = admin_scope(org(db, "woonstad", OrgKind::Corporation).await);
        let anders = admin_scope(org(db, "anders", OrgKind::Corporation).await);
        import(db, &woonstad, WOONSTAD_STOCK).await;
        import(db, &anders, ANDERS_STOCK).await;
        let municipality = org(db, "gm-deventer", OrgKind::Municipality).await;
        let mut tx = db.begin().await.expect("begin");
        let codes = GemeenteCode::parse_list("GM0150").expect("codes");
        gemeenten::set(&mut tx, &actor(), municipality, &codes, 2023).await.expect("known code");
        tx.commit().await.expect("commit");
        let koopcoach = org(db, "koopcoach", OrgKind::Partner).await;
        let wijkteam = org(db, "wijkteam", OrgKind::Partner).await;
        let tenant = org(db, "huurders", OrgKind::TenantOrganisation).await;
        let coach = user(db, "kim@coach.test", &[(koopcoach, Role::Staff), (wijkteam, Role::Staff)]).await;
        let colleague = user(db, "lars@coach.test", &[(koopcoach, Role::Admin)]).await;
        let reader = user(db, "mo@coach.test", &[(koopcoach, Role::ReadOnly)]).await;
        let tenant_staff = user(db, "noor@huurders.test", &[(tenant, Role::Staff)]).await;
        // Woonstad's administrators put both partners on its koopcoach list, Anders's the koopcoach organisation.
        for (corporation, partner) in [(&woonstad, koopcoach), (&woonstad, wijkteam), (&anders, koopcoach)] {
            let listed = partner_lists::add(db, PartnerList::Koopcoach, corporation, &actor(), partner).await;
            assert_eq!(listed.expect("listed"), Listing::Added);
        }
        World { woonstad, anders, municipality, koopcoach, wijkteam, coach, colleague, reader, tenant_staff, tenant }
    }

    fn coach_scope(&self) -> BuyerScope {
        BuyerScope::coach(&member_scope(self.koopcoach, self.coach, Role::Staff))
    }
}

async fn unit(db: &Db, scope: &WriteScope, id_extern: &str) -> i64 {
    stock::unit_id_by_extern(db, scope, id_extern).await.expect("read").expect("unit")
}

fn plain(unit_id: i64, sold_on: Date) -> NewSale {
    NewSale {
        unit_id,
        sold_on,
        price_cents: 19_000_000,
        value_cents: 19_500_000,
        value_kind: ValueKind::Woz,
        condition: SaleCondition::None,
        discount_bp: None,
        owner_share_bp: None,
        buyer_name: format!("Koper {unit_id}"),
        buyer_email: Some("koper@example.nl".into()),
        buyer_phone: None,
    }
}

/// A Koopgarant sale: 20% off € 200.000, the owner shares 70% of a change in value.
fn koopgarant(unit_id: i64, sold_on: Date) -> NewSale {
    NewSale {
        price_cents: 16_000_000,
        value_cents: 20_000_000,
        value_kind: ValueKind::Appraisal,
        condition: SaleCondition::Koopgarant,
        discount_bp: Some(2_000),
        owner_share_bp: Some(7_000),
        ..plain(unit_id, sold_on)
    }
}

async fn sell(db: &Db, scope: &WriteScope, new: &NewSale, years: &[u32]) -> (i64, Vec<PlannedCheck>) {
    sales::record_sale(db, scope, &actor(), new, years).await.expect("ok").expect("sold")
}

async fn a_sale_takes_the_unit_out_of_the_rental_stock_and_plans_its_checks(db: &Db) {
    let world = World::new(db).await;
    let woonstad = &world.woonstad;
    let all = UnitFilter::default();
    assert_eq!(stock::units(db, woonstad, &all, 0, 50).await.expect("units").total, 6);
    // A page kept before the sale must not be shown after it.
    assert_eq!(stock::list_page(db, woonstad, &all, 0, 50).await.expect("page").total, 6);
    let d1 = unit(db, woonstad, "D1").await;

    // Sold on 29 February: its checks fall on 28 February three and six years later.
    let (id, planned) = sell(db, woonstad, &plain(d1, date!(2024 - 02 - 29)), &[3, 6]).await;
    let due: Vec<(u32, Date)> = planned.iter().map(|p| (p.1, p.2)).collect();
    assert_eq!(due, [(3, date!(2027 - 02 - 28)), (6, date!(2030 - 02 - 28))]);
    let stored: Vec<String> = sql::query_scalar("SELECT due_on FROM nz_checks WHERE sale_id = $1 ORDER BY years")
        .bind(id)
        .fetch_all(db)
        .await
        .expect("checks");
    assert_eq!(stored, ["2027-02-28", "2030-02-28"]);

    // Out of the rental stock: the unit is kept (its history too) but no list, total or complex counts it.
    let row = stock::unit(db, woonstad, d1).await.expect("read").expect("kept");
    assert!(!row.in_use);
    for page in [
        stock::units(db, woonstad, &all, 0, 50).await.expect("units"),
        (*stock::list_page(db, woonstad, &all, 0, 50).await.expect("page")).clone(),
    ] {
        assert_eq!(page.total, 5);
        assert!(page.units.iter().all(|u| u.id != d1));
    }
    let deventer = UnitFilter { gemeente: Some("GM0150".into()), ..Default::default() };
    assert_eq!(stock::units(db, woonstad, &deventer, 0, 50).await.expect("units").total, 3);
    let with_sold = UnitFilter { include_out_of_use: true, ..Default::default() };
    assert_eq!(stock::units(db, woonstad, &with_sold, 0, 50).await.expect("units").total, 6);
    let c1 = stock::clusters(db, woonstad).await.expect("clusters").into_iter().find(|c| c.code == "C1").expect("C1");
    assert_eq!(c1.units, 3);
    let history = sales::sales_of_unit(db, woonstad, d1).await.expect("history");
    assert_eq!(history.iter().map(|s| (s.sale_id, s.sold_on)).collect::<Vec<_>>(), [(id, date!(2024 - 02 - 29))]);

    // Another corporation's unit, an unknown unit and a second sale are refused, and write nothing.
    let a1 = unit(db, &world.anders, "A1").await;
    let theirs = sales::record_sale(db, woonstad, &actor(), &plain(a1, TODAY), &[3, 6]).await.expect("ok");
    assert_eq!(theirs.err(), Some(SaleRefused::UnknownUnit));
    let nowhere = sales::record_sale(db, woonstad, &actor(), &plain(999_999, TODAY), &[3]).await.expect("ok");
    assert_eq!(nowhere.err(), Some(SaleRefused::UnknownUnit));
    let again = sales::record_sale(db, woonstad, &actor(), &plain(d1, TODAY), &[3, 6]).await.expect("ok");
    assert_eq!(again.err(), Some(SaleRefused::AlreadySold));
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_sales").await, 1);
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_checks").await, 2);
    let a1_row = stock::unit(db, &world.anders, a1).await.expect("read").expect("theirs");
    assert!(a1_row.in_use, "a refused sale leaves the other corporation's unit alone");

    // The sale is in the audit log, with the corporation, and is not a read of personal data.
    let entries: Vec<(i64, i64, String)> = sql::query_as(
        "SELECT org_id, personal_data, after_json FROM audit_log WHERE action = 'create' AND entity = 'nz_sale' \
         AND entity_id = $1",
    )
    .bind(id.to_string())
    .fetch_all(db)
    .await
    .expect("audit");
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].0, entries[0].1), (woonstad.org_id(), 0));
    assert!(entries[0].2.contains("\"sold_on\":\"2024-02-29\""), "{}", entries[0].2);
}

async fn buyers_are_read_by_sales_staff_and_their_own_coach_and_every_read_is_logged(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let (first, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D1").await, date!(2025 - 03 - 01)), &[3]).await;
    let (second, _) = sell(db, woonstad, &plain(unit(db, woonstad, "Z1").await, date!(2025 - 04 - 01)), &[3]).await;
    let (theirs, _) = sell(db, anders, &plain(unit(db, anders, "A1").await, date!(2025 - 05 - 01)), &[3]).await;
    assert_eq!(reads(db).await, [], "recording a sale reads nobody");

    // Sales staff: the corporation's own sales only, newest first.
    let staff = BuyerScope::sales_staff(woonstad);
    let seen = sales::sales(db, &staff, &actor(), 50).await.expect("sales");
    assert_eq!(seen.iter().map(|s| s.id).collect::<Vec<_>>(), [second, first]);
    assert!(seen.iter().all(|s| s.corporation_id == woonstad.org_id()));
    let one = sales::sale(db, &staff, &actor(), first).await.expect("read").expect("own sale");
    assert_eq!((one.buyer_name.as_str(), one.cluster.as_ref().map(|c| c.1.as_str())), ("Koper 1", Some("C1")));
    assert!(sales::sale(db, &staff, &actor(), theirs).await.expect("read").is_none(), "another corporation's sale");
    let other = sales::sales(db, &BuyerScope::sales_staff(anders), &actor(), 50).await.expect("sales");
    assert_eq!(other.iter().map(|s| s.id).collect::<Vec<_>>(), [theirs]);

    // A koopcoach: only the buyers assigned to them, in the organisation they were assigned through, and only once
    // the buyer consented to aftercare.
    assert!(!sales::assign_coach(db, woonstad, &actor(), first, Some((world.koopcoach, world.coach)))
        .await
        .expect("ok"));
    consent(db, woonstad, first).await;
    assert!(sales::assign_coach(db, woonstad, &actor(), first, Some((world.koopcoach, world.coach)))
        .await
        .expect("ok"));
    let coach = world.coach_scope();
    let coached = sales::sales(db, &coach, &coach_actor(world.coach), 50).await.expect("sales");
    assert_eq!(coached.iter().map(|s| s.id).collect::<Vec<_>>(), [first]);
    assert_eq!(coached[0].coach.as_ref().map(|c| c.0.as_str()), Some("koopcoach"));
    assert_eq!(coached[0].coach_user_id, Some(world.coach));
    assert!(sales::sale(db, &coach, &coach_actor(world.coach), first).await.expect("read").is_some());
    assert!(sales::sale(db, &coach, &coach_actor(world.coach), second).await.expect("read").is_none());
    let colleague = BuyerScope::coach(&member_scope(world.koopcoach, world.colleague, Role::Admin));
    assert!(sales::sales(db, &colleague, &actor(), 50).await.expect("sales").is_empty(), "not their buyer");
    assert!(sales::sale(db, &colleague, &actor(), first).await.expect("read").is_none());
    let elsewhere = BuyerScope::coach(&member_scope(world.wijkteam, world.coach, Role::Staff));
    assert!(sales::sales(db, &elsewhere, &actor(), 50).await.expect("sales").is_empty(), "the wrong organisation");
    assert!(sales::sale(db, &elsewhere, &actor(), first).await.expect("read").is_none());
    // The system acting for a partner (no user) opens nobody; a read-only member gets no write scope at all.
    let system = BuyerScope::coach(&admin_scope(world.koopcoach));
    assert!(sales::sales(db, &system, &actor(), 50).await.expect("sales").is_empty());
    let read_only = Membership { user_id: world.reader, org_id: world.koopcoach, role: Role::ReadOnly };
    assert!(access::grant(world.koopcoach, Some(read_only), Edit).is_err());
    // Nor does a staff member of the corporation through the coach's door.
    let staff_as_coach = BuyerScope::coach(&member_scope(woonstad.org_id(), world.coach, Role::Staff));
    assert!(sales::sales(db, &staff_as_coach, &actor(), 50).await.expect("sales").is_empty());

    // Every read is logged as a read of personal data, with its purpose and the ids read; reads that found nothing
    // read nobody.
    let logged = reads(db).await;
    let summary: Vec<(&str, &str)> = logged.iter().map(|(e, id, _)| (e.as_str(), id.as_str())).collect();
    let first_id = first.to_string();
    assert_eq!(
        summary,
        [
            ("nz_sales", "lijst"),
            ("nz_sale", first_id.as_str()),
            ("nz_sales", "lijst"),
            ("nz_sales", "lijst"),
            ("nz_sale", first_id.as_str()),
            ("nz_sales", "lijst"),
            ("nz_sales", "lijst"),
            ("nz_sales", "lijst"),
            ("nz_sales", "lijst"),
        ]
    );
    let after: Vec<serde_json::Value> =
        logged.iter().map(|(_, _, after)| serde_json::from_str(after).expect("json")).collect();
    assert_eq!(after[0]["purpose"], "verkoop_en_nazorg");
    assert_eq!(after[0]["ids"], serde_json::json!([second, first]));
    assert_eq!(after[2]["ids"], serde_json::json!([theirs]));
    assert_eq!(after[3]["purpose"], "koopcoach");
    assert_eq!(after[3]["ids"], serde_json::json!([first]));
    assert_eq!(after[5]["persons"], 0);
    let orgs: Vec<Option<i64>> =
        sql::query_scalar("SELECT org_id FROM audit_log WHERE action = 'read_personal' ORDER BY id")
            .fetch_all(db)
            .await
            .expect("orgs");
    assert_eq!(orgs[0], Some(woonstad.org_id()));
    assert_eq!(orgs[3], Some(world.koopcoach), "a coach's read is logged under the coach's organisation");
}

async fn only_partner_staff_can_be_assigned_as_coach_to_the_corporations_own_sales(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let (sale, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D1").await, date!(2025 - 03 - 01)), &[3]).await;
    let (theirs, _) = sell(db, anders, &plain(unit(db, anders, "A1").await, date!(2025 - 05 - 01)), &[3]).await;
    consent(db, woonstad, sale).await;
    consent(db, anders, theirs).await;
    let assign = |scope: &WriteScope, sale: i64, coach: Option<(i64, i64)>| {
        let scope = *scope;
        async move { sales::assign_coach(db, &scope, &actor(), sale, coach).await.expect("ok") }
    };
    // Not a coach: a read-only member of the partner, staff of a tenant organisation, a person through an
    // organisation they are not in, an organisation that is not a partner.
    assert!(!assign(woonstad, sale, Some((world.koopcoach, world.reader))).await);
    assert!(!assign(woonstad, sale, Some((world.tenant, world.tenant_staff))).await);
    assert!(!assign(woonstad, sale, Some((world.wijkteam, world.colleague))).await);
    assert!(!assign(woonstad, sale, Some((woonstad.org_id(), world.coach))).await);
    // Not the corporation's sale.
    assert!(!assign(woonstad, theirs, Some((world.koopcoach, world.coach))).await);
    assert!(!assign(anders, sale, Some((world.koopcoach, world.coach))).await);
    let unassigned: Option<i64> =
        sql::query_scalar("SELECT MAX(coach_user_id) FROM nz_sales").fetch_one(db).await.expect("coach");
    assert_eq!(unassigned, None);
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'assign_coach'").await, 0);

    // Not on the corporation's koopcoach list: the staff of another partner on the platform (ADR 0071).
    let elders = org(db, "elders", OrgKind::Partner).await;
    let stranger = user(db, "piet@elders.test", &[(elders, Role::Staff)]).await;
    assert!(!assign(woonstad, sale, Some((elders, stranger))).await);
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'assign_coach'").await, 0);

    // Staff and administrators of a partner on the list may be; the candidates list them per organisation, each
    // corporation its own.
    let candidates = |scope: WriteScope| async move {
        let found = sales::coach_candidates(db, scope.as_read()).await.expect("candidates");
        let mut found: Vec<(i64, i64)> = found.iter().map(|c| (c.org_id, c.user_id)).collect();
        found.sort_unstable();
        found
    };
    let mut expected =
        vec![(world.koopcoach, world.coach), (world.koopcoach, world.colleague), (world.wijkteam, world.coach)];
    expected.sort_unstable();
    assert_eq!(candidates(*woonstad).await, expected);
    assert_eq!(candidates(*anders).await, vec![(world.koopcoach, world.coach), (world.koopcoach, world.colleague)]);
    assert!(assign(woonstad, sale, Some((world.koopcoach, world.colleague))).await);
    assert!(assign(woonstad, sale, Some((world.wijkteam, world.coach))).await);
    let coach = BuyerScope::coach(&member_scope(world.wijkteam, world.coach, Role::Staff));
    assert_eq!(sales::sales(db, &coach, &actor(), 10).await.expect("sales").len(), 1);
    // Taken off the list, the wijkteam's coach stays with the buyer they coach, but nobody of it is assigned anew.
    assert!(partner_lists::remove(db, PartnerList::Koopcoach, woonstad, &actor(), world.wijkteam).await.expect("off"));
    assert_eq!(sales::sales(db, &coach, &actor(), 10).await.expect("sales").len(), 1);
    assert!(!candidates(*woonstad).await.contains(&(world.wijkteam, world.coach)));
    assert!(assign(woonstad, sale, Some((world.koopcoach, world.coach))).await);
    assert!(!assign(woonstad, sale, Some((world.wijkteam, world.coach))).await);
    // Removed again, the coach sees nobody.
    assert!(assign(woonstad, sale, None).await);
    assert!(sales::sales(db, &coach, &actor(), 10).await.expect("sales").is_empty());
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'assign_coach'").await, 4);
    let listing = "SELECT COUNT(*) FROM audit_log WHERE entity = 'nz_coach_partner'";
    assert_eq!(count(db, listing).await, 4, "three additions and a removal, each audited");
}

async fn the_coach_keeps_a_log_of_their_own_buyers(db: &Db) {
    let world = World::new(db).await;
    let woonstad = &world.woonstad;
    let (mine, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D1").await, date!(2025 - 03 - 01)), &[3]).await;
    let (other, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D2").await, date!(2025 - 03 - 02)), &[3]).await;
    consent(db, woonstad, mine).await;
    assert!(sales::assign_coach(db, woonstad, &actor(), mine, Some((world.koopcoach, world.coach))).await.expect("ok"));
    let coach = world.coach_scope();
    let entry = NewLogEntry {
        on_date: date!(2026 - 11 - 20),
        contact: "telefoon".into(),
        topic: "Hypotheeklasten na renteherziening".into(),
        follow_up: Some("Samen begroting maken".into()),
    };
    assert!(sales::add_log(db, &coach, &coach_actor(world.coach), mine, &entry).await.expect("ok"));
    assert!(!sales::add_log(db, &coach, &coach_actor(world.coach), other, &entry).await.expect("ok"));
    let colleague = BuyerScope::coach(&member_scope(world.koopcoach, world.colleague, Role::Admin));
    assert!(!sales::add_log(db, &colleague, &actor(), mine, &entry).await.expect("ok"));
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_coach_log").await, 1);

    let log = sales::coach_log(db, &coach, mine).await.expect("read").expect("their buyer");
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].topic.as_str(), log[0].written_by.as_str()),
        ("Hypotheeklasten na renteherziening", "Kim Koopcoach")
    );
    assert_eq!(log[0].follow_up.as_deref(), Some("Samen begroting maken"));
    assert!(sales::coach_log(db, &coach, other).await.expect("read").is_none());
    assert!(sales::coach_log(db, &colleague, mine).await.expect("read").is_none());
    // The corporation's staff see and add to the log of their own buyers; another corporation does neither.
    let staff = BuyerScope::sales_staff(woonstad);
    assert_eq!(sales::coach_log(db, &staff, mine).await.expect("read").expect("own").len(), 1);
    let theirs = BuyerScope::sales_staff(&world.anders);
    assert!(sales::coach_log(db, &theirs, mine).await.expect("read").is_none());
    assert!(!sales::add_log(db, &theirs, &actor(), mine, &entry).await.expect("ok"));
    let audited = count(db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'nz_coach_log' AND action = 'create'").await;
    assert_eq!(audited, 1);
}

async fn a_talk_keeps_the_checklist_version_it_was_held_with(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let (sale, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D1").await, date!(2025 - 03 - 01)), &[3]).await;
    let default = talks::checklist(db, woonstad).await.expect("checklist");
    assert_eq!((default.id, default.version), (None, 0));
    assert_eq!(default.items, default_checklist());

    let items = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let first = items(&["Maandlasten", "Onderhoud"]);
    let second = items(&["Maandlasten", "Onderhoud", "VvE-reservefonds"]);
    assert_eq!(talks::save_checklist(db, woonstad, &actor(), &first).await.expect("saved"), 1);
    assert_eq!(talks::save_checklist(db, woonstad, &actor(), &second).await.expect("saved"), 2);
    let current = talks::checklist(db, woonstad).await.expect("checklist");
    assert_eq!((current.version, current.items.clone()), (2, second.clone()));

    let talk = |version: i64, answers: &[&str], consent: bool| NewTalk {
        version,
        held_on: date!(2025 - 02 - 10),
        answers: items(answers),
        owning_monthly_cents: 95_000,
        rent_monthly_cents: 72_000,
        consent,
    };
    // The form showed version 1, the checklist is at 2 now; answers must match the items one for one.
    let stale = talks::record_talk(db, woonstad, &actor(), sale, &talk(1, &["ja", "ja"], true)).await.expect("ok");
    assert_eq!(stale, Err(TalkRefused::ChecklistChanged));
    let short = talks::record_talk(db, woonstad, &actor(), sale, &talk(2, &["ja", "ja"], true)).await.expect("ok");
    assert_eq!(short, Err(TalkRefused::AnswersDoNotMatch));
    let theirs = talks::record_talk(db, anders, &actor(), sale, &talk(0, &["a"; 5], true)).await.expect("ok");
    assert_eq!(theirs, Err(TalkRefused::UnknownSale));
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_talks").await, 0);
    let answered = talk(2, &["€ 230 meer", "begrepen", "€ 85 p/m"], true);
    assert_eq!(talks::record_talk(db, woonstad, &actor(), sale, &answered).await.expect("ok"), Ok(()));

    // A new version leaves the talk with the items it answered.
    let third = items(&["Maandlasten", "Verzekeringen"]);
    assert_eq!(talks::save_checklist(db, woonstad, &actor(), &third).await.expect("saved"), 3);
    let staff = BuyerScope::sales_staff(woonstad);
    let stored = talks::talk(db, &staff, sale).await.expect("read").expect("held");
    assert_eq!(stored.version, 2);
    assert_eq!(
        stored.answers,
        [
            ("Maandlasten".to_owned(), "€ 230 meer".to_owned()),
            ("Onderhoud".to_owned(), "begrepen".to_owned()),
            ("VvE-reservefonds".to_owned(), "€ 85 p/m".to_owned()),
        ]
    );
    assert_eq!((stored.owning_monthly_cents, stored.rent_monthly_cents, stored.consent), (95_000, 72_000, true));
    assert!(talks::talk(db, &BuyerScope::sales_staff(anders), sale).await.expect("read").is_none());
    // Held again, it replaces the first.
    let again = talks::record_talk(db, woonstad, &actor(), sale, &talk(3, &["ok", "ok"], false)).await.expect("ok");
    assert_eq!(again, Ok(()));
    let stored = talks::talk(db, &staff, sale).await.expect("read").expect("held");
    assert_eq!((stored.version, stored.consent), (3, false));
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_talks").await, 1);

    // A talk held with the platform's default stores the default as the corporation's first version.
    let (own, _) = sell(db, anders, &plain(unit(db, anders, "A1").await, date!(2025 - 05 - 01)), &[3]).await;
    let answers = ["a", "b", "c", "d", "e"];
    assert_eq!(talks::record_talk(db, anders, &actor(), own, &talk(0, &answers, true)).await.expect("ok"), Ok(()));
    let kept = talks::checklist(db, anders).await.expect("checklist");
    assert_eq!((kept.id.is_some(), kept.version), (true, 1));
    assert_eq!(kept.items, default_checklist());
    let stored = talks::talk(db, &BuyerScope::sales_staff(anders), own).await.expect("read").expect("held");
    assert_eq!(stored.version, 1);
    assert_eq!(stored.answers[0], (default_checklist()[0].to_owned(), "a".to_owned()));
    let stale = talks::record_talk(db, anders, &actor(), own, &talk(0, &answers, true)).await.expect("ok");
    assert_eq!(stale, Err(TalkRefused::ChecklistChanged), "the default is version 1 now");
    assert_eq!(talks::checklist(db, woonstad).await.expect("checklist").version, 3, "each corporation its own");
}

fn answers(payment_problems: bool) -> CheckAnswers {
    CheckAnswers {
        maintenance: Maintenance::Fair,
        payment_problems,
        vve_participation: VveParticipation::Passive,
        wish_to_sell_back: false,
    }
}

async fn checks_and_actions_are_the_corporations_own(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    // Three years after: overdue (2025-06-15), open (2026-12-20), not open yet (2027-06-01).
    let (overdue, checks_a) =
        sell(db, woonstad, &plain(unit(db, woonstad, "D1").await, date!(2022 - 06 - 15)), &[3, 6]).await;
    let (open, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D2").await, date!(2023 - 12 - 20)), &[3, 6]).await;
    sell(db, woonstad, &plain(unit(db, woonstad, "D3").await, date!(2024 - 06 - 01)), &[3, 6]).await;
    let (theirs, checks_t) = sell(db, anders, &plain(unit(db, anders, "A1").await, date!(2022 - 01 - 10)), &[3]).await;
    let staff = BuyerScope::sales_staff(woonstad);
    let until = volkshuis_domain::calendar::add_months(TODAY, LEAD_MONTHS);
    let to_do = checks::checks_to_do(db, &staff, &actor(), until, 50).await.expect("to do");
    let listed: Vec<(i64, u32, Date)> = to_do.iter().map(|c| (c.sale_id, c.years, c.due_on)).collect();
    assert_eq!(listed, [(overdue, 3, date!(2025 - 06 - 15)), (open, 3, date!(2026 - 12 - 20))]);
    assert_eq!(to_do[0].address, "Lindelaan 1, Deventer");
    assert_eq!(checks::overdue(db, woonstad, TODAY).await.expect("count"), (1, Some(date!(2025 - 06 - 15))));
    assert_eq!(checks::overdue(db, anders, TODAY).await.expect("count"), (1, Some(date!(2025 - 01 - 10))));
    let logged = reads(db).await;
    assert_eq!((logged[0].0.as_str(), logged[0].1.as_str()), ("nz_checks", "werklijst"), "the work list names buyers");

    // Another corporation can neither do the check nor add or close its actions.
    let check = checks_a[0].0;
    assert!(!checks::record_check(db, anders, &actor(), check, TODAY, &answers(true), None).await.expect("ok"));
    assert!(!checks::record_check(db, woonstad, &actor(), checks_t[0].0, TODAY, &answers(true), None)
        .await
        .expect("ok"));
    let action = NewAction {
        description: "Doorverwijzen naar budgetcoach".into(),
        owner: "Koopcoach".into(),
        due_on: date!(2027 - 01 - 15),
    };
    assert!(!checks::add_action(db, anders, &actor(), check, &action).await.expect("ok"));
    assert!(checks::record_check(db, woonstad, &actor(), check, TODAY, &answers(true), Some("Achterstand VvE"))
        .await
        .expect("ok"));
    assert!(checks::add_action(db, woonstad, &actor(), check, &action).await.expect("ok"));
    let done = checks::checks_of(db, &staff, overdue).await.expect("read").expect("own");
    assert_eq!(done.len(), 2);
    assert_eq!(
        (done[0].done_on, done[0].answers, done[0].notes.as_deref()),
        (Some(TODAY), Some(answers(true)), Some("Achterstand VvE"))
    );
    assert_eq!((done[1].done_on, done[1].answers), (None, None));
    let action_id = done[0].actions[0].id;
    assert_eq!(done[0].actions[0].description, "Doorverwijzen naar budgetcoach");
    assert!(checks::checks_of(db, &BuyerScope::sales_staff(anders), overdue).await.expect("read").is_none());
    assert!(!checks::action_done(db, anders, &actor(), action_id, TODAY).await.expect("ok"));
    assert!(checks::action_done(db, woonstad, &actor(), action_id, TODAY).await.expect("ok"));
    assert!(!checks::action_done(db, woonstad, &actor(), action_id, TODAY).await.expect("ok"), "done already");
    let done = checks::checks_of(db, &staff, overdue).await.expect("read").expect("own");
    assert_eq!(done[0].actions[0].done_on, Some(TODAY));

    // Done, the check leaves the work list and the overdue count; the other corporation's stays.
    let to_do = checks::checks_to_do(db, &staff, &actor(), until, 50).await.expect("to do");
    assert_eq!(to_do.iter().map(|c| c.sale_id).collect::<Vec<_>>(), [open]);
    assert_eq!(checks::overdue(db, woonstad, TODAY).await.expect("count"), (0, None));
    assert_eq!(checks::overdue(db, anders, TODAY).await.expect("count"), (1, Some(date!(2025 - 01 - 10))));
    assert!(!checks::check_waits(db, woonstad, check).await.expect("waits"));
    assert!(checks::check_waits(db, woonstad, checks_a[1].0).await.expect("waits"));
    assert!(!checks::check_waits(db, woonstad, checks_t[0].0).await.expect("waits"), "not its check");
    let other = checks::checks_to_do(db, &BuyerScope::sales_staff(anders), &actor(), until, 50).await.expect("to do");
    assert_eq!(other.iter().map(|c| c.sale_id).collect::<Vec<_>>(), [theirs]);

    // A koopcoach's work list holds only their buyers.
    consent(db, woonstad, open).await;
    assert!(sales::assign_coach(db, woonstad, &actor(), open, Some((world.koopcoach, world.coach))).await.expect("ok"));
    let coached = checks::checks_to_do(db, &world.coach_scope(), &actor(), until, 50).await.expect("to do");
    assert_eq!(coached.iter().map(|c| c.sale_id).collect::<Vec<_>>(), [open]);
    assert!(checks::checks_of(db, &world.coach_scope(), overdue).await.expect("read").is_none());
}

async fn a_buy_back_returns_the_unit_to_the_rental_stock(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let (d1, z1) = (unit(db, woonstad, "D1").await, unit(db, woonstad, "Z1").await);
    let (without, _) = sell(db, woonstad, &plain(d1, date!(2020 - 03 - 01)), &[3, 6]).await;
    let (sale, _) = sell(db, woonstad, &koopgarant(z1, date!(2019 - 05 - 01)), &[3, 6]).await;
    let all = UnitFilter::default();
    assert_eq!(stock::units(db, woonstad, &all, 0, 50).await.expect("units").total, 4);
    assert_eq!(stock::list_page(db, woonstad, &all, 0, 50).await.expect("page").total, 4);
    assert_eq!(checks::overdue(db, woonstad, TODAY).await.expect("count"), (4, Some(date!(2022 - 05 - 01))));

    // The price by the contract's own share: € 160.000 + 70% × (€ 260.000 − € 200.000) + € 15.000 = € 217.000.
    let input = BuybackInput {
        purchase_price_cents: 16_000_000,
        value_at_purchase_cents: 20_000_000,
        value_now_cents: 26_000_000,
        improvements_cents: 1_500_000,
        owner_share_bp: 7_000,
    };
    let price = buyback(&input).price_cents;
    assert_eq!(price, 21_700_000);
    let mut record = Buyback {
        requested_on: date!(2026 - 09 - 01),
        value_now_cents: input.value_now_cents,
        improvements_cents: input.improvements_cents,
        valuation_note: Some("Taxateur Jansen, 15 september 2026".into()),
        dispute: None,
        price_cents: price,
        completed_on: None,
    };
    assert!(!sales::record_buyback(db, woonstad, &actor(), without, &record).await.expect("ok"), "no condition");
    assert!(!sales::record_buyback(db, anders, &actor(), sale, &record).await.expect("ok"), "not theirs");
    assert!(sales::record_buyback(db, woonstad, &actor(), sale, &record).await.expect("ok"));
    let staff = BuyerScope::sales_staff(woonstad);
    assert_eq!(sales::buyback(db, &staff, sale).await.expect("read"), Some(record.clone()));
    assert!(sales::buyback(db, &BuyerScope::sales_staff(anders), sale).await.expect("read").is_none());
    assert!(!stock::unit(db, woonstad, z1).await.expect("read").expect("unit").in_use, "asked, not bought back yet");

    // Completed: the home is back in the rental stock, its checks wait no longer, and it may be sold again.
    record.completed_on = Some(date!(2026 - 11 - 01));
    assert!(sales::record_buyback(db, woonstad, &actor(), sale, &record).await.expect("ok"));
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_buybacks").await, 1, "corrected, not added");
    assert!(stock::unit(db, woonstad, z1).await.expect("read").expect("unit").in_use);
    assert_eq!(stock::units(db, woonstad, &all, 0, 50).await.expect("units").total, 5);
    assert_eq!(stock::list_page(db, woonstad, &all, 0, 50).await.expect("page").total, 5);
    let read = sales::sale(db, &staff, &actor(), sale).await.expect("read").expect("own");
    assert_eq!(read.bought_back_on, Some(date!(2026 - 11 - 01)));
    assert_eq!(checks::overdue(db, woonstad, TODAY).await.expect("count"), (2, Some(date!(2023 - 03 - 01))));
    assert!(!sales::record_buyback(db, woonstad, &actor(), sale, &record).await.expect("ok"), "bought back already");
    let (resold, _) = sell(db, woonstad, &plain(z1, TODAY), &[3, 6]).await;
    let history = sales::sales_of_unit(db, woonstad, z1).await.expect("history");
    let seen: Vec<(i64, Option<Date>)> = history.iter().map(|s| (s.sale_id, s.bought_back_on)).collect();
    assert_eq!(seen, [(resold, None), (sale, Some(date!(2026 - 11 - 01)))]);
    assert!(!stock::unit(db, woonstad, z1).await.expect("read").expect("unit").in_use);
}

fn healthy(cluster_id: Option<i64>) -> VveInput {
    VveInput {
        cluster_id,
        name: "VvE De Linde".into(),
        kvk: Some("12345678".into()),
        votes_corporation: 30,
        votes_total: 40,
        is_manager: false,
        rebuild_value_cents: Some(500_000_000),
        yearly_reserve_cents: Some(3_000_000),
        mjop: Some(Mjop { adopted_on: date!(2024 - 03 - 01), horizon_years: 10, yearly_reservation_cents: 3_000_000 }),
        last_meeting_on: Some(date!(2026 - 05 - 20)),
        minutes: Some("Notulen ALV 20 mei 2026".into()),
        conflict_disclosed_on: None,
        conflict_abstentions: None,
    }
}

/// No MJOP and € 12.000 a year against a minimum of 0.5% of € 4 million (€ 20.000).
fn below_minimum(cluster_id: Option<i64>, name: &str) -> VveInput {
    VveInput {
        name: name.into(),
        rebuild_value_cents: Some(400_000_000),
        yearly_reserve_cents: Some(1_200_000),
        mjop: None,
        ..healthy(cluster_id)
    }
}

async fn cluster_id(db: &Db, scope: &WriteScope, code: &str) -> i64 {
    stock::clusters(db, scope).await.expect("clusters").into_iter().find(|c| c.code == code).expect("complex").id
}

/// A case of the corporation to its tenant organisation about complex `cluster`, answered when `answered`.
async fn case(
    db: &Db,
    corporation: &WriteScope,
    tenant: &WriteScope,
    title: &str,
    cluster: &str,
    answered: bool,
) -> i64 {
    let new = NewCase {
        tenant_org_id: tenant.org_id(),
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse(title).expect("title"),
        explanation: LongText::parse("Uitleg").expect("text"),
        received_on: date!(2026 - 10 - 01),
        agreed_weeks: None,
        clusters: vec![cluster.to_owned()],
    };
    let mut tx = db.begin().await.expect("begin");
    let id = overleg::create(&mut tx, corporation, &actor(), &new).await.expect("create");
    if answered {
        let seen = overleg::get_in(tx.conn(), tenant, id).await.expect("get").expect("case");
        let advice = Answer {
            kind: AnswerKind::Advice,
            text: Some("Reserve geleidelijk verhogen".into()),
            on: date!(2026 - 10 - 20),
        };
        overleg::answer(&mut tx, tenant, &actor(), &seen, seen.version, &advice).await.expect("answer");
    }
    tx.commit().await.expect("commit");
    id
}

async fn vves_and_votes_are_the_corporations_own(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let (c1, c9) = (cluster_id(db, woonstad, "C1").await, cluster_id(db, anders, "C9").await);
    assert_eq!(
        vves::save_vve(db, woonstad, &actor(), None, &healthy(Some(c9))).await.expect("ok"),
        None,
        "their complex"
    );
    let id = vves::save_vve(db, woonstad, &actor(), None, &healthy(Some(c1))).await.expect("ok").expect("saved");
    let theirs = vves::save_vve(db, anders, &actor(), None, &below_minimum(Some(c9), "VvE De Ark")).await.expect("ok");
    let theirs = theirs.expect("saved");
    let own = vves::vves(db, woonstad).await.expect("vves");
    assert_eq!(own.iter().map(|v| v.id).collect::<Vec<_>>(), [id]);
    assert_eq!(own[0].cluster.as_ref().map(|c| (c.0, c.1.as_str())), Some((c1, "C1")));
    assert_eq!(own[0].input, healthy(Some(c1)));
    assert!(vves::vve(db, anders, id).await.expect("read").is_none());
    // Updates: only its own, and only onto its own complexes.
    let changed = VveInput { yearly_reserve_cents: Some(3_500_000), ..healthy(Some(c1)) };
    assert_eq!(vves::save_vve(db, anders, &actor(), Some(id), &below_minimum(Some(c9), "x")).await.expect("ok"), None);
    assert_eq!(vves::save_vve(db, woonstad, &actor(), Some(theirs), &changed).await.expect("ok"), None);
    assert_eq!(vves::save_vve(db, woonstad, &actor(), Some(id), &healthy(Some(c9))).await.expect("ok"), None);
    assert_eq!(vves::vve(db, woonstad, id).await.expect("read").expect("own").input, healthy(Some(c1)), "unchanged");
    assert_eq!(vves::vve(db, anders, theirs).await.expect("read").expect("own").input.name, "VvE De Ark");
    assert_eq!(vves::save_vve(db, woonstad, &actor(), Some(id), &changed).await.expect("ok"), Some(id));
    assert_eq!(
        vves::vve(db, woonstad, id).await.expect("read").expect("own").input.yearly_reserve_cents,
        Some(3_500_000)
    );

    // Votes: a known vote word, and a citation of an answered case of its own.
    let tenant = admin_scope(world.tenant);
    let other_tenant = admin_scope(org(db, "huurders-anders", OrgKind::TenantOrganisation).await);
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, woonstad, &actor(), tenant.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &tenant, &actor(), woonstad.org_id(), true).await.expect("accept");
    overleg::add_partner(&mut tx, anders, &actor(), other_tenant.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &other_tenant, &actor(), anders.org_id(), true).await.expect("accept");
    tx.commit().await.expect("commit");
    let elsewhere = case(db, woonstad, &tenant, "Elders", "C2", true).await;
    let advised = case(db, woonstad, &tenant, "Reservefonds De Linde", "C1", true).await;
    let unanswered = case(db, woonstad, &tenant, "Nog geen antwoord", "C1", false).await;
    let their_case = case(db, anders, &other_tenant, "De Ark", "C9", true).await;
    let citeable = vves::citeable_cases(db, woonstad, id).await.expect("cases");
    let ids: Vec<i64> = citeable.iter().map(|c| c.0).collect();
    assert_eq!(ids, [advised, elsewhere], "answered cases only, those on the VvE's complex first");
    assert_eq!(citeable[0].2, "huurders");

    let vote = |word: &str, cited: Option<i64>| NewVote {
        meeting_on: date!(2026 - 11 - 12),
        subject: "Verhoging bijdrage reservefonds".into(),
        vote: word.into(),
        cited_case_id: cited,
        note: None,
    };
    assert!(!vves::record_vote(db, woonstad, &actor(), id, &vote("misschien", None)).await.expect("ok"));
    assert!(!vves::record_vote(db, woonstad, &actor(), id, &vote("voor", Some(their_case))).await.expect("ok"));
    assert!(!vves::record_vote(db, woonstad, &actor(), id, &vote("voor", Some(unanswered))).await.expect("ok"));
    assert!(!vves::record_vote(db, anders, &actor(), id, &vote("voor", None)).await.expect("ok"), "not their VvE");
    assert_eq!(count(db, "SELECT COUNT(*) FROM nz_vve_votes").await, 0);
    assert!(vves::record_vote(db, woonstad, &actor(), id, &vote("voor", Some(advised))).await.expect("ok"));
    let votes = vves::votes(db, woonstad, id).await.expect("votes");
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0].vote, "voor");
    assert_eq!(
        votes[0].cited,
        Some((advised, "Reservefonds De Linde".to_owned(), Some("Reserve geleidelijk verhogen".to_owned())))
    );
    assert!(vves::votes(db, anders, id).await.expect("votes").is_empty());
}

/// Sells `unit` with checks after `years`, and does each check in `done` (index, day, payment problems).
async fn sold_with_checks(
    db: &Db,
    scope: &WriteScope,
    new: &NewSale,
    years: &[u32],
    done: &[(usize, Date, bool)],
) -> i64 {
    let (id, planned) = sell(db, scope, new, years).await;
    for (index, day, trouble) in done {
        let check = planned[*index].0;
        assert!(checks::record_check(db, scope, &actor(), check, *day, &answers(*trouble), None).await.expect("ok"));
    }
    id
}

fn place(key: &str, counts: [i64; 7]) -> Place {
    let [sold, checks_due, checks_on_time, checks_overdue, payment_trouble, vves, vves_below_minimum] = counts;
    Place {
        key: key.into(),
        sold,
        checks_due,
        checks_on_time,
        checks_overdue,
        payment_trouble,
        vves,
        vves_below_minimum,
    }
}

async fn figures_count_for_the_corporation_and_through_its_gemeenten_the_municipality(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let (d1, d2, d3) = (unit(db, woonstad, "D1").await, unit(db, woonstad, "D2").await, unit(db, woonstad, "D3").await);
    let (z1, z2, a1) = (unit(db, woonstad, "Z1").await, unit(db, woonstad, "Z2").await, unit(db, anders, "A1").await);
    // D1: the 3-year check done on time, with payment problems.
    sold_with_checks(db, woonstad, &plain(d1, date!(2022 - 06 - 15)), &[3, 6], &[(0, date!(2025 - 06 - 01), true)])
        .await;
    // D2: the 3-year check overdue.
    sold_with_checks(db, woonstad, &plain(d2, date!(2023 - 01 - 10)), &[3, 6], &[]).await;
    // D3: trouble at the first check, none at the latest (done late): not in payment trouble now.
    let d3 = plain(d3, date!(2022 - 01 - 10));
    sold_with_checks(
        db,
        woonstad,
        &d3,
        &[1, 3],
        &[(0, date!(2023 - 01 - 05), true), (1, date!(2025 - 02 - 01), false)],
    )
    .await;
    // Z1: bought back, so no longer sold; Z2: sold last year, nothing due yet.
    let bought_back = sold_with_checks(db, woonstad, &koopgarant(z1, date!(2024 - 05 - 01)), &[3, 6], &[]).await;
    let back = Buyback {
        requested_on: date!(2026 - 03 - 01),
        value_now_cents: 21_000_000,
        improvements_cents: 0,
        valuation_note: None,
        dispute: None,
        price_cents: 16_700_000,
        completed_on: Some(date!(2026 - 06 - 01)),
    };
    assert!(sales::record_buyback(db, woonstad, &actor(), bought_back, &back).await.expect("ok"));
    sold_with_checks(db, woonstad, &plain(z2, date!(2025 - 09 - 01)), &[3, 6], &[]).await;
    // Another corporation's home in Deventer, its 3-year check overdue.
    sold_with_checks(db, anders, &plain(a1, date!(2023 - 03 - 03)), &[3, 6], &[]).await;
    let (c1, c2, c9) = (
        cluster_id(db, woonstad, "C1").await,
        cluster_id(db, woonstad, "C2").await,
        cluster_id(db, anders, "C9").await,
    );
    vves::save_vve(db, woonstad, &actor(), None, &healthy(Some(c1))).await.expect("ok").expect("saved");
    vves::save_vve(db, woonstad, &actor(), None, &below_minimum(Some(c2), "VvE Hanzehof"))
        .await
        .expect("ok")
        .expect("saved");
    vves::save_vve(db, anders, &actor(), None, &below_minimum(Some(c9), "VvE De Ark"))
        .await
        .expect("ok")
        .expect("saved");

    // The corporation, per complex: [sold, checks due, on time, overdue, payment trouble, VvE's, below minimum].
    let own = figures::figures(db, woonstad, Side::Corporation, Grouping::Complex, TODAY).await.expect("figures");
    assert_eq!(own.places, [place("C1", [3, 4, 2, 1, 1, 1, 0]), place("C2", [1, 0, 0, 0, 0, 1, 1])]);
    assert_eq!(own.total, place("", [4, 4, 2, 1, 1, 2, 1]));
    let years: Vec<(&str, i64)> = own.per_year.iter().map(|(y, n)| (y.as_str(), *n)).collect();
    assert_eq!(years, [("2022", 2), ("2023", 1), ("2024", 1), ("2025", 1)], "a bought-back sale still happened");
    let by_gemeente =
        figures::figures(db, woonstad, Side::Corporation, Grouping::Gemeente, TODAY).await.expect("figures");
    let keys: Vec<&str> = by_gemeente.places.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["GM0150", "GM0301"]);
    assert_eq!(by_gemeente.total, own.total);

    // The municipality: every corporation's homes in its gemeente (Deventer), not Zutphen's.
    let municipality = member_scope(world.municipality, 0, Role::Staff);
    let theirs =
        figures::figures(db, &municipality, Side::Municipality, Grouping::Gemeente, TODAY).await.expect("figures");
    assert_eq!(theirs.places, [place("GM0150", [4, 5, 2, 2, 1, 2, 1])]);
    let years: Vec<(&str, i64)> = theirs.per_year.iter().map(|(y, n)| (y.as_str(), *n)).collect();
    assert_eq!(years, [("2022", 2), ("2023", 2)]);
    let per_buurt =
        figures::figures(db, &municipality, Side::Municipality, Grouping::Buurt, TODAY).await.expect("figures");
    assert_eq!(
        per_buurt.places,
        [place("BU01500001", [3, 4, 2, 1, 1, 1, 0]), place("BU01500002", [1, 1, 0, 1, 0, 1, 1])]
    );
    // A municipality without gemeenten sees nothing; nor does the corporation's side of another corporation.
    let nowhere = admin_scope(org(db, "gm-elders", OrgKind::Municipality).await);
    let none = figures::figures(db, &nowhere, Side::Municipality, Grouping::Gemeente, TODAY).await.expect("figures");
    assert_eq!((none.places.len(), none.total.clone()), (0, Place::default()));
    let other = figures::figures(db, anders, Side::Corporation, Grouping::Complex, TODAY).await.expect("figures");
    assert_eq!(other.places, [place("C9", [1, 1, 0, 1, 0, 1, 1])]);
    // Counts only: no read of personal data was logged for any figure.
    assert_eq!(reads(db).await, []);
}

/// The buyer columns of a sale: (name, e-mail, deleted on).
async fn buyer_row(db: &Db, sale: i64) -> (String, Option<String>, Option<String>) {
    sql::query_as("SELECT buyer_name, buyer_email, buyer_deleted_on FROM nz_sales WHERE id = $1")
        .bind(sale)
        .fetch_one(db)
        .await
        .expect("sale")
}

async fn a_buyers_data_is_deleted_a_year_after_the_aftercare_ends(db: &Db) {
    let world = World::new(db).await;
    let (woonstad, anders) = (&world.woonstad, &world.anders);
    let staff = BuyerScope::sales_staff(woonstad);
    // D1: a plain sale, its one check done late on 15 April 2022: the aftercare ended that day.
    let (done, planned) = sell(db, woonstad, &plain(unit(db, woonstad, "D1").await, date!(2019 - 03 - 01)), &[3]).await;
    consent(db, woonstad, done).await;
    let notes = Some("Betalingsregeling met de bank besproken");
    assert!(checks::record_check(db, woonstad, &actor(), planned[0].0, date!(2022 - 04 - 15), &answers(true), notes)
        .await
        .expect("check"));
    let follow_up = NewAction {
        description: "Bellen over de regeling".into(),
        owner: "Sanne".into(),
        due_on: date!(2022 - 05 - 01),
    };
    assert!(checks::add_action(db, woonstad, &actor(), planned[0].0, &follow_up).await.expect("action"));
    let entry = NewLogEntry {
        on_date: date!(2021 - 06 - 01),
        contact: "telefoon".into(),
        topic: "Begroting".into(),
        follow_up: None,
    };
    assert!(sales::add_log(db, &staff, &actor(), done, &entry).await.expect("log"));
    // D2: sold recently; D3: Koopgarant, its check done, the obligation to buy back runs; D4: Koopgarant, bought back.
    let (recent, _) = sell(db, woonstad, &plain(unit(db, woonstad, "D2").await, date!(2025 - 03 - 01)), &[3]).await;
    let (obliged, planned_kg) =
        sell(db, woonstad, &koopgarant(unit(db, woonstad, "D3").await, date!(2019 - 03 - 01)), &[3]).await;
    checks::record_check(db, woonstad, &actor(), planned_kg[0].0, date!(2022 - 03 - 01), &answers(false), notes)
        .await
        .expect("check");
    let (back, _) = sell(db, woonstad, &koopgarant(unit(db, woonstad, "D4").await, date!(2018 - 03 - 01)), &[]).await;
    let completed = Buyback {
        requested_on: date!(2022 - 05 - 01),
        value_now_cents: 20_000_000,
        improvements_cents: 0,
        valuation_note: None,
        dispute: None,
        price_cents: 16_000_000,
        completed_on: Some(date!(2022 - 06 - 30)),
    };
    assert!(sales::record_buyback(db, woonstad, &actor(), back, &completed).await.expect("buy-back"));
    // Another corporation's plain sale whose check was never done: the aftercare ended on its due day, 1 March 2022.
    let (undone, _) = sell(db, anders, &plain(unit(db, anders, "A1").await, date!(2019 - 03 - 01)), &[3]).await;
    let theirs = BuyerScope::sales_staff(anders);
    assert_eq!(checks::overdue(db, anders, date!(2023 - 03 - 01)).await.expect("overdue").0, 1);

    let purge = |today: Date| async move { retention::purge(db, today, 365, &actor()).await.expect("purge") };
    assert_eq!(purge(date!(2023 - 02 - 28)).await, 0);
    assert_eq!(purge(date!(2023 - 03 - 01)).await, 1, "a year after the undone check's due day");
    assert_eq!(buyer_row(db, undone).await, (String::new(), None, Some("2023-03-01".to_owned())));
    // Its undone check can no longer be done: it leaves the work list and the dashboard's count.
    let to_do = checks::checks_to_do(db, &theirs, &actor(), date!(2023 - 03 - 01), 10).await.expect("to do");
    assert!(to_do.is_empty(), "{to_do:?}");
    assert_eq!(checks::overdue(db, anders, date!(2023 - 03 - 01)).await.expect("overdue").0, 0);
    assert_eq!(purge(date!(2023 - 04 - 14)).await, 0, "D1's year ends a day later");
    assert_eq!(buyer_row(db, done).await.0, format!("Koper {}", unit(db, woonstad, "D1").await));
    assert_eq!(purge(date!(2023 - 04 - 15)).await, 1);
    assert_eq!(buyer_row(db, done).await, (String::new(), None, Some("2023-04-15".to_owned())));
    // The talk keeps its date and the consent; its answers and amounts, the log and the check's notes are gone; the
    // check's outcome stays for the figures.
    let talk = talks::talk(db, &staff, done).await.expect("read").expect("held");
    assert!(!talk.answers.is_empty() && talk.answers.iter().all(|(_, answer)| answer.is_empty()), "{:?}", talk.answers);
    assert_eq!((talk.owning_monthly_cents, talk.rent_monthly_cents, talk.consent), (0, 0, true));
    assert!(sales::coach_log(db, &staff, done).await.expect("read").expect("own").is_empty());
    let check = &checks::checks_of(db, &staff, done).await.expect("read").expect("own")[0];
    assert_eq!((check.notes.as_deref(), check.answers.map(|a| a.payment_problems)), (None, Some(true)));
    assert!(check.actions.is_empty(), "the follow-up's text is about the buyer");
    assert!(!checks::add_action(db, woonstad, &actor(), check.id, &follow_up).await.expect("action"));
    let (later, unchanged) = (date!(2023 - 05 - 01), answers(false));
    let again = checks::record_check(db, woonstad, &actor(), check.id, later, &unchanged, notes).await.expect("check");
    assert!(!again, "no new notes on a sale whose buyer's data is gone");
    // Nothing personal is written to it again.
    assert!(!sales::add_log(db, &staff, &actor(), done, &entry).await.expect("log"));
    let list = talks::checklist(db, woonstad).await.expect("checklist");
    let again = NewTalk {
        version: list.version,
        held_on: date!(2023 - 05 - 01),
        answers: vec!["opnieuw".to_owned(); list.items.len()],
        owning_monthly_cents: 1,
        rent_monthly_cents: 1,
        consent: true,
    };
    assert_eq!(
        talks::record_talk(db, woonstad, &actor(), done, &again).await.expect("ok"),
        Err(TalkRefused::UnknownSale)
    );
    assert_eq!(purge(date!(2023 - 06 - 29)).await, 0);
    assert_eq!(purge(date!(2023 - 06 - 30)).await, 1, "a year after the buy-back");
    assert_eq!(buyer_row(db, back).await.2.as_deref(), Some("2023-06-30"));
    // Years on, only the Koopgarant buyer whose obligation runs is still there.
    assert_eq!(purge(date!(2040 - 01 - 01)).await, 1, "D2: its check fell due in 2028 and was never done");
    assert_eq!(buyer_row(db, obliged).await.2, None);
    assert!(buyer_row(db, recent).await.2.is_some());
    // The log counts per corporation, never whose.
    let logged: Vec<(i64, String)> = sql::query_as(
        "SELECT org_id, after_json FROM audit_log WHERE action = 'purge_personal' AND entity = 'nz_sales' ORDER BY id",
    )
    .fetch_all(db)
    .await
    .expect("audit");
    let (w, a) = (woonstad.org_id(), anders.org_id());
    let one = r#"{"buyers":1}"#.to_owned();
    assert_eq!(logged, [(a, one.clone()), (w, one.clone()), (w, one.clone()), (w, one)]);
}
