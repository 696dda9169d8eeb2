//! Participatiekaart storage on SQLite and PostgreSQL: coverage per unit from groups for complexes, buurten and the
//! whole stock; the tree a tenant organisation sees; addresses found for the public lookup.

use time::macros::{date, datetime};
use time::Duration;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::participatie::group::{Criterion, CriterionCheck, GroupKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::participatie::{self as part, AreaLevel, NewGroup};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, overleg, Db};

volkshuis_store::store_test_on_both_backends!(
    coverage_follows_the_groups,
    tenant_organisations_see_their_tree,
    a_parent_is_a_group_the_organisation_sees,
    requests_to_join_are_deleted_after_their_days,
);

const FILE: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
A1;C1;De Ark;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000\n\
A2;C1;De Ark;Kerkstraat;2;a;1011AA;Amsterdam;GM0363;BU03630000\n\
A3;C2;Het Anker;Dorpsweg;3;;1011AB;Amsterdam;GM0363;BU03630001\n\
A4;C3;De Boei;Dorpsweg;5;;1011AB;Amsterdam;GM0363;BU03630001\n";

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}
fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> WriteScope {
    let mut tx = db.begin().await.expect("begin");
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    admin_scope(id)
}

async fn stock_with_partner(db: &Db) -> (WriteScope, WriteScope) {
    let corporation = org(db, "corp", OrgKind::Corporation).await;
    let tenants = org(db, "huurders", OrgKind::TenantOrganisation).await;
    let reader = StockReader::new(FILE.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(db, &corporation, &actor(), "t.csv", reader, options, &mut |_| {}).await.expect("import");
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), tenants.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &tenants, &actor(), corporation.org_id(), true).await.expect("accept");
    tx.commit().await.expect("commit");
    (corporation, tenants)
}

fn group(
    corporation: i64,
    name: &str,
    kind: GroupKind,
    area_kind: &str,
    codes: &[&str],
    parent: Option<i64>,
) -> NewGroup {
    NewGroup {
        corporation_id: corporation,
        parent_id: parent,
        name: name.into(),
        kind,
        area_kind: area_kind.into(),
        area_codes: codes.iter().map(|c| (*c).to_owned()).collect(),
        contact_role: "secretaris".into(),
        approx_size: Some(12),
        channels: Vec::new(),
        description: String::new(),
        join_info: String::new(),
        started_on: Some(date!(2020 - 01 - 01)),
    }
}

async fn add(db: &Db, scope: &WriteScope, new: &NewGroup) -> i64 {
    let mut tx = db.begin().await.expect("begin");
    let id = part::create_group(&mut tx, scope, &actor(), new).await.expect("group");
    tx.commit().await.expect("commit");
    id
}

async fn coverage_follows_the_groups(db: &Db) {
    let (corporation, tenants) = stock_with_partner(db).await;
    let c = corporation.org_id();
    let counts = part::recompute(db, &corporation, c).await.expect("recompute");
    assert_eq!((counts.formal, counts.informal, counts.none), (0, 0, 4), "no groups: four blind spots");

    // An unrecognised committee for De Ark covers it informally; a panel for buurt ...0001 covers A3 and A4.
    let ark = add(
        db,
        &tenants,
        &group(c, "Bewonerscommissie De Ark", GroupKind::Bewonerscommissie, "complexes", &["C1"], None),
    )
    .await;
    add(db, &corporation, &group(c, "Buurtpanel", GroupKind::DigitaalPanel, "buurten", &["BU03630001"], None)).await;
    let counts = part::recompute(db, &corporation, c).await.expect("recompute");
    assert_eq!((counts.formal, counts.informal, counts.none), (0, 4, 0));

    // Criteria 2–4 met, then recognised by the corporation: De Ark is covered formally.
    let committee = part::visible_group(db, &corporation, ark).await.expect("get").expect("group");
    let checks: Vec<CriterionCheck> = GroupKind::Bewonerscommissie
        .criteria()
        .iter()
        .map(|c| CriterionCheck {
            criterion: *c,
            met: true,
            evidence: "notulen".into(),
            checked_on: date!(2026 - 10 - 01),
        })
        .collect();
    assert!(!checks.iter().any(|c| c.criterion == Criterion::ChosenBoard));
    let mut tx = db.begin().await.expect("begin");
    part::set_criteria(&mut tx, &tenants, &actor(), &committee, &checks).await.expect("criteria");
    tx.commit().await.expect("commit");
    // The tenants' own claim is not a recognition: the landlord decides (ADR 0072), and only the group's corporation.
    let counts = part::recompute(db, &corporation, c).await.expect("recompute");
    assert_eq!((counts.formal, counts.informal, counts.none), (0, 4, 0), "awaiting the corporation");
    let committee = part::visible_group(db, &corporation, ark).await.expect("get").expect("group");
    let on = Some(date!(2026 - 10 - 02));
    let mut tx = db.begin().await.expect("begin");
    assert!(!part::set_recognition(&mut tx, &tenants, &actor(), &committee, on).await.expect("tenants"));
    assert!(part::set_recognition(&mut tx, &corporation, &actor(), &committee, on).await.expect("corporation"));
    tx.commit().await.expect("commit");
    let counts = part::recompute(db, &corporation, c).await.expect("recompute");
    assert_eq!((counts.formal, counts.informal, counts.none), (2, 2, 0));
    let recognised = part::visible_group(db, &corporation, ark).await.expect("get").expect("group");
    assert_eq!(recognised.recognised_on, on);

    // A criterion unticked ends the recognition; ticked again, the group waits for the corporation again.
    let mut lapsed = checks.clone();
    lapsed[0].met = false;
    for (criteria, formal) in [(&lapsed, 0), (&checks, 0)] {
        let mut tx = db.begin().await.expect("begin");
        part::set_criteria(&mut tx, &tenants, &actor(), &recognised, criteria).await.expect("criteria");
        tx.commit().await.expect("commit");
        let counts = part::recompute(db, &corporation, c).await.expect("recompute");
        assert_eq!(counts.formal, formal);
    }
    let waiting = part::visible_group(db, &corporation, ark).await.expect("get").expect("group");
    assert_eq!(waiting.recognised_on, None, "the lapse ended the recognition");
    // Criteria ticked without evidence (before it was asked for) carry no recognition.
    let bare: Vec<CriterionCheck> =
        checks.iter().map(|c| CriterionCheck { evidence: String::new(), ..c.clone() }).collect();
    let mut tx = db.begin().await.expect("begin");
    part::set_criteria(&mut tx, &tenants, &actor(), &waiting, &bare).await.expect("criteria");
    let refused = part::set_recognition(&mut tx, &corporation, &actor(), &waiting, on).await.expect("refused");
    assert!(!refused, "no evidence, nothing to recognise");
    part::set_criteria(&mut tx, &tenants, &actor(), &waiting, &checks).await.expect("criteria");
    assert!(part::set_recognition(&mut tx, &corporation, &actor(), &waiting, on).await.expect("again"));
    tx.commit().await.expect("commit");
    let counts = part::recompute(db, &corporation, c).await.expect("recompute");
    assert_eq!((counts.formal, counts.informal, counts.none), (2, 2, 0));
    let figures = part::open_figures(db, &corporation, c).await.expect("open").expect("its own figures");
    let by_complex = part::coverage_by(db, &figures, AreaLevel::Complex, 10).await.expect("by complex");
    let ark_row = by_complex.iter().find(|r| r.code == "C1").expect("C1");
    assert_eq!((ark_row.counts.formal, ark_row.name.as_deref()), (2, Some("De Ark")));
    let by_buurt = part::coverage_by(db, &figures, AreaLevel::Buurt, 10).await.expect("by buurt");
    assert_eq!(by_buurt.len(), 2);

    // The public lookup finds the address and the groups for it.
    let found = part::lookup_address(db, "1011AA", 2, "A").await.expect("lookup");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].label, "Kerkstraat 2A, 1011AA Amsterdam");
    let groups = part::groups_for_address(db, &found[0]).await.expect("groups");
    assert_eq!(groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["Bewonerscommissie De Ark"]);
    assert!(part::lookup_address(db, "1011AA", 2, "b").await.expect("lookup").is_empty(), "the addition must match");
}

async fn tenant_organisations_see_their_tree(db: &Db) {
    let (corporation, tenants) = stock_with_partner(db).await;
    let c = corporation.org_id();
    let other = org(db, "anderen", OrgKind::TenantOrganisation).await;
    let top =
        add(db, &tenants, &group(c, "Huurdersvereniging", GroupKind::Huurdersorganisatie, "all", &[], None)).await;
    // A committee kept by the corporation but placed under the tenants' organisation is theirs to see too.
    add(db, &corporation, &group(c, "Commissie Anker", GroupKind::Bewonerscommissie, "complexes", &["C2"], Some(top)))
        .await;
    add(
        db,
        &corporation,
        &group(c, "Leefbaarheid Dorpsweg", GroupKind::Leefbaarheidsgroep, "buurten", &["BU03630001"], None),
    )
    .await;
    let names = |groups: Vec<part::Group>| groups.into_iter().map(|g| g.name).collect::<Vec<_>>();
    assert_eq!(
        names(part::visible_to(db, &tenants).await.expect("visible")),
        ["Commissie Anker", "Huurdersvereniging"]
    );
    assert_eq!(part::visible_to(db, &corporation).await.expect("visible").len(), 3);
    assert!(part::visible_to(db, &other).await.expect("visible").is_empty());
    // The figures and their upkeep: the corporation's and its partner's, nobody else's.
    assert!(part::open_figures(db, &tenants, c).await.expect("open").is_some());
    assert!(part::open_figures(db, &other, c).await.expect("open").is_none());
    assert!(part::recompute(db, &tenants, c).await.is_ok());
    assert!(matches!(part::recompute(db, &other, c).await, Err(volkshuis_store::StoreError::NotFound)));
    // One group at a time, the same answer as the whole list.
    for g in part::visible_to(db, &corporation).await.expect("groups") {
        for (scope, seen) in [(&tenants, g.name != "Leefbaarheid Dorpsweg"), (&corporation, true), (&other, false)] {
            let one = part::visible_group(db, scope, g.id).await.expect("visible group");
            assert_eq!(one.is_some(), seen, "{} for {}", g.name, scope.org_id());
        }
    }
    // A whole-stock group reaches every unit; a contact import names the tenant, all or nothing.
    let whole = part::visible_group(db, &corporation, top).await.expect("get").expect("group");
    let everyone = part::recipients(db, &whole).await.expect("recipients");
    assert_eq!(everyone.len(), 4);
    assert!(everyone.iter().all(|r| r.name == "De bewoners" && r.email.is_none()));
    let row = |id: &str, email: Option<&str>| part::ContactRow {
        id_extern: id.into(),
        name: format!("Huurder {id}"),
        email: email.map(str::to_owned),
    };
    let unknown =
        part::import_contacts(db, &corporation, &actor(), &[row("A1", Some("a1@example.nl")), row("ZZ", None)])
            .await
            .expect("import");
    assert_eq!(unknown, vec![1], "the second row names a unit that is not in the stock");
    assert_eq!(part::contact_counts(db, &corporation).await.expect("counts"), (0, 0), "nothing written");
    part::import_contacts(db, &corporation, &actor(), &[row("A1", Some("a1@example.nl"))]).await.expect("import");
    let ark = part::visible_to(db, &corporation)
        .await
        .expect("visible")
        .into_iter()
        .find(|g| g.name == "Commissie Anker")
        .expect("group");
    let anker = part::recipients(db, &ark).await.expect("recipients");
    assert_eq!(anker.iter().map(|r| r.street.as_str()).collect::<Vec<_>>(), ["Dorpsweg 3"], "C2 only");
    let named = part::recipients(db, &whole).await.expect("recipients");
    assert!(named.iter().any(|r| r.name == "Huurder A1" && r.email.as_deref() == Some("a1@example.nl")));
    // An organisation that does not consult the corporation cannot register groups in its stock.
    let mut tx = db.begin().await.expect("begin");
    let refused =
        part::create_group(&mut tx, &other, &actor(), &group(c, "X", GroupKind::Overig, "all", &[], None)).await;
    assert!(refused.is_err());
}

/// A group's parent arrives as an id in a form: the store takes only a running group of the same stock that the
/// acting organisation sees (its own, one below its own, or any for the corporation), never one of another tenant
/// organisation's tree, and an edit never puts a group under itself or below itself.
async fn a_parent_is_a_group_the_organisation_sees(db: &Db) {
    let (corporation, tenants) = stock_with_partner(db).await;
    let c = corporation.org_id();
    let others = org(db, "anderen", OrgKind::TenantOrganisation).await;
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), others.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &others, &actor(), c, true).await.expect("accept");
    tx.commit().await.expect("commit");
    let top = add(db, &tenants, &group(c, "Vereniging", GroupKind::Huurdersorganisatie, "all", &[], None)).await;
    let child =
        add(db, &tenants, &group(c, "Commissie Ark", GroupKind::Bewonerscommissie, "complexes", &["C1"], Some(top)))
            .await;
    let own = add(db, &others, &group(c, "Anderen", GroupKind::Huurdersorganisatie, "all", &[], None)).await;
    let count = || async {
        let db = db.clone();
        let rows = part::visible_to(&db, &corporation).await.expect("groups");
        rows.len()
    };
    let before = count().await;

    // Another tenant organisation may not hang its group under the tenants' tree (nor name an unknown id).
    for parent in [top, child, 999_999] {
        let mut tx = db.begin().await.expect("begin");
        let tried = part::create_group(
            &mut tx,
            &others,
            &actor(),
            &group(c, "Erbij", GroupKind::Bewonerscommissie, "complexes", &["C2"], Some(parent)),
        )
        .await;
        assert!(matches!(tried, Err(volkshuis_store::StoreError::NotFound)), "{parent}: {tried:?}");
    }
    assert_eq!(count().await, before, "nothing written");
    // Under its own group it may; the corporation may use any group of its stock.
    add(db, &others, &group(c, "Eigen commissie", GroupKind::Bewonerscommissie, "complexes", &["C2"], Some(own))).await;
    add(db, &corporation, &group(c, "Panel", GroupKind::DigitaalPanel, "buurten", &["BU03630001"], Some(child))).await;

    // An edit: not under a group of another tree, not under itself or its own child.
    let edited = part::visible_group(db, &tenants, top).await.expect("get").expect("group");
    for parent in [own, top, child] {
        let mut tx = db.begin().await.expect("begin");
        let new = group(c, "Vereniging", GroupKind::Huurdersorganisatie, "all", &[], Some(parent));
        let tried = part::update_group(&mut tx, &tenants, &actor(), &edited, &new).await;
        assert!(matches!(tried, Err(volkshuis_store::StoreError::NotFound)), "{parent}: {tried:?}");
    }
    let unchanged = part::visible_group(db, &tenants, top).await.expect("get").expect("group");
    assert_eq!(unchanged.parent_id, None);
}

async fn requests_to_join_are_deleted_after_their_days(db: &Db) {
    let (corporation, tenants) = stock_with_partner(db).await;
    let c = corporation.org_id();
    let ark = add(db, &tenants, &group(c, "De Ark", GroupKind::Bewonerscommissie, "complexes", &["C1"], None)).await;
    let panel = add(db, &corporation, &group(c, "Panel", GroupKind::DigitaalPanel, "all", &[], None)).await;
    let arrived = datetime!(2026-06-01 19:30 UTC);
    for (id, name, at) in
        [(ark, "Fenna", arrived), (panel, "Gijs", arrived), (ark, "Hanna", arrived + Duration::days(1))]
    {
        let group = part::visible_group(db, &corporation, id).await.expect("get").expect("group");
        let request = part::JoinRequest {
            name: name.into(),
            contact: format!("{name}@example.nl"),
            message: String::new(),
            address: "Kerkstraat 1".into(),
            at,
        };
        let mut tx = db.begin().await.expect("begin");
        part::add_join_request(&mut tx, &group, &request).await.expect("request");
        tx.commit().await.expect("commit");
    }
    let names = || async {
        sql::query_scalar::<String>("SELECT name FROM part_join_requests ORDER BY name")
            .fetch_all(db)
            .await
            .expect("names")
    };
    let due = arrived + Duration::days(180);
    assert_eq!(part::purge_join_requests(db, due - Duration::seconds(1), 180, &actor()).await.expect("purge"), 0);
    assert_eq!(names().await, ["Fenna", "Gijs", "Hanna"]);
    assert_eq!(part::purge_join_requests(db, due, 180, &actor()).await.expect("purge"), 2);
    assert_eq!(names().await, ["Hanna"], "the request of a day later waits a day longer");
    // The log says how many, per organisation whose group it was, and never whose.
    let logged: Vec<(i64, String)> = sql::query_as(
        "SELECT org_id, after_json FROM audit_log WHERE action = 'purge_personal' AND entity = 'part_join_requests' \
         ORDER BY org_id",
    )
    .fetch_all(db)
    .await
    .expect("audit");
    assert_eq!(logged, [(c, r#"{"deleted":1}"#.to_owned()), (tenants.org_id(), r#"{"deleted":1}"#.to_owned())]);
    assert!(!logged.iter().any(|(_, after)| after.contains("Fenna") || after.contains("Gijs")));
    assert_eq!(part::purge_join_requests(db, due + Duration::days(1), 180, &actor()).await.expect("purge"), 1);
    assert!(names().await.is_empty());
}
