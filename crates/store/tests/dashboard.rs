//! What the dashboard reads, on SQLite and PostgreSQL: the remembered organisation (only while a member), join
//! requests that wait until someone reads them, budgets to account for, the last import's errors until a later
//! import, the platform's upkeep, and audit entries named by what they changed.

use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::account::Email;
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::participatie::group::GroupKind;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::dashboard as waiting;
use volkshuis_store::participatie::{self as part, JoinRequest, NewGroup};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::{orgs, outbox, overleg, sessions, users, Db};

volkshuis_store::store_test_on_both_backends!(
    a_remembered_organisation_counts_only_while_the_user_is_a_member,
    join_requests_wait_until_someone_reads_them,
    budgets_wait_until_accounted_and_import_errors_until_a_later_import,
    the_platform_sees_failed_mail_and_organisations_without_administrator,
    recent_changes_carry_the_names_of_what_they_changed,
    recent_changes_are_newest_first_by_their_time,
);

const AT: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn actor_at(at: OffsetDateTime) -> Actor {
    Actor::system("test", at)
}

fn person(user_id: i64, at: OffsetDateTime) -> Actor {
    Actor { user_id: Some(user_id), label: "Anna de Vries <anna@example.nl>".into(), request_id: None, at }
}

async fn org(db: &Db, code: &str, name: &str, kind: OrgKind) -> i64 {
    let mut tx = db.begin().await.expect("begin");
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(name).expect("name"), kind };
    let id = orgs::create(&mut tx, &actor_at(AT), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

async fn user(db: &Db, email: &str, name: &str, memberships: &[(i64, Role)]) -> i64 {
    let mut tx = db.begin().await.expect("begin");
    let new = users::NewUser {
        email: Email::parse(email).expect("email"),
        name: Name::parse(name).expect("name"),
        password_hash: "x".into(),
        is_platform_admin: false,
    };
    let id = users::create(&mut tx, &actor_at(AT), &new).await.expect("user").id;
    for (org, role) in memberships {
        users::set_membership(&mut tx, &actor_at(AT), id, *org, *role).await.expect("membership");
    }
    tx.commit().await.expect("commit");
    id
}

async fn a_remembered_organisation_counts_only_while_the_user_is_a_member(db: &Db) {
    let noord = org(db, "noord", "Bewonersraad Noord", OrgKind::TenantOrganisation).await;
    let sleutel = org(db, "sleutel", "De Sleutel", OrgKind::TenantOrganisation).await;
    let dirk = user(db, "dirk@example.nl", "Dirk", &[(noord, Role::Staff), (sleutel, Role::Admin)]).await;
    assert_eq!(waiting::remembered_org(db, dirk).await.expect("read"), None, "nothing chosen yet");
    let token = sessions::create(db, &person(dirk, AT), dirk, Some(sleutel)).await.expect("session");
    // Landing puts the session somewhere without remembering a choice.
    waiting::land_session(db, &token, sleutel).await.expect("land");
    assert_eq!(waiting::remembered_org(db, dirk).await.expect("read"), None, "landing is not a choice");
    sessions::set_active_org(db, &person(dirk, AT), &token, noord).await.expect("switch");
    assert_eq!(waiting::remembered_org(db, dirk).await.expect("read"), Some(noord));
    let session = sessions::lookup(db, &token, AT).await.expect("lookup").expect("live");
    assert_eq!(session.active_org_id, Some(noord));
    sessions::set_active_org(db, &person(dirk, AT), &token, sleutel).await.expect("switch back");
    assert_eq!(waiting::remembered_org(db, dirk).await.expect("read"), Some(sleutel), "the last choice counts");
    let mut tx = db.begin().await.expect("begin");
    users::remove_membership(&mut tx, &actor_at(AT), dirk, sleutel).await.expect("leave");
    tx.commit().await.expect("commit");
    assert_eq!(waiting::remembered_org(db, dirk).await.expect("read"), None, "no longer a member there");
}

fn group(corporation: i64, name: &str) -> NewGroup {
    NewGroup {
        corporation_id: corporation,
        parent_id: None,
        name: name.into(),
        kind: GroupKind::Bewonerscommissie,
        area_kind: "all".into(),
        area_codes: Vec::new(),
        contact_role: "secretaris".into(),
        approx_size: None,
        channels: Vec::new(),
        description: String::new(),
        join_info: String::new(),
        started_on: Some(date!(2020 - 01 - 01)),
    }
}

async fn partners(db: &Db) -> (WriteScope, WriteScope) {
    let corporation = admin_scope(org(db, "corp", "Woonstad", OrgKind::Corporation).await);
    let tenants = admin_scope(org(db, "huurders", "De Sleutel", OrgKind::TenantOrganisation).await);
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor_at(AT), tenants.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &tenants, &actor_at(AT), corporation.org_id(), true).await.expect("accept");
    tx.commit().await.expect("commit");
    (corporation, tenants)
}

async fn join(db: &Db, group: &part::Group, at: OffsetDateTime) {
    // A request of its own each time (the same one again within a day is stored once).
    let request = JoinRequest {
        name: format!("Fenna {}", at.unix_timestamp()),
        contact: "fenna@example.nl".into(),
        message: "Ik doe mee".into(),
        address: "Kerkstraat 1".into(),
        at,
    };
    let mut tx = db.begin().await.expect("begin");
    part::add_join_request(&mut tx, group, &request).await.expect("request");
    tx.commit().await.expect("commit");
}

async fn join_requests_wait_until_someone_reads_them(db: &Db) {
    let (corporation, tenants) = partners(db).await;
    let mut tx = db.begin().await.expect("begin");
    let id = part::create_group(&mut tx, &tenants, &actor_at(AT), &group(corporation.org_id(), "De Linde"))
        .await
        .expect("group");
    tx.commit().await.expect("commit");
    let linde = part::visible_group(db, &tenants, id).await.expect("read").expect("visible");
    assert!(waiting::new_join_requests(db, &tenants).await.expect("read").is_empty());
    join(db, &linde, AT).await;
    join(db, &linde, AT + Duration::hours(1)).await;
    let waiting_now = waiting::new_join_requests(db, &tenants).await.expect("read");
    assert_eq!(waiting_now.len(), 1);
    assert_eq!(
        (waiting_now[0].group_id, waiting_now[0].group_name.as_str(), waiting_now[0].count),
        (id, "De Linde", 2)
    );
    assert!(
        waiting::new_join_requests(db, &corporation).await.expect("read").is_empty(),
        "not the corporation's group"
    );
    // A board member reads them (the read is audited); they wait no longer.
    part::join_requests(db, &linde, &actor_at(AT + Duration::hours(2))).await.expect("read requests");
    assert!(waiting::new_join_requests(db, &tenants).await.expect("read").is_empty());
    join(db, &linde, AT + Duration::hours(3)).await;
    assert_eq!(waiting::new_join_requests(db, &tenants).await.expect("read")[0].count, 1, "only the new one");
}

async fn budgets_wait_until_accounted_and_import_errors_until_a_later_import(db: &Db) {
    let (corporation, tenants) = partners(db).await;
    let mut tx = db.begin().await.expect("begin");
    overleg::set_budget(&mut tx, &corporation, &actor_at(AT), tenants.org_id(), 2025, Money::from_cents(100_000))
        .await
        .expect("budget");
    tx.commit().await.expect("commit");
    let received = |scope| async move {
        let open = overleg::unaccounted_budgets(db, scope).await.expect("read");
        open.into_iter().filter(|b| b.tenant_org_id == scope.org_id()).collect::<Vec<_>>()
    };
    let due = received(&tenants).await;
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].corporation_id, due[0].corporation_name.as_str(), due[0].year),
        (corporation.org_id(), "Woonstad", 2025)
    );
    assert!(received(&corporation).await.is_empty(), "the tenants account");
    let budget = overleg::budget(db, &tenants, corporation.org_id(), 2025).await.expect("read").expect("budget");
    let mut tx = db.begin().await.expect("begin");
    overleg::account_budget(&mut tx, &tenants, &actor_at(AT), &budget, date!(2026 - 02 - 01)).await.expect("account");
    tx.commit().await.expect("commit");
    assert!(received(&tenants).await.is_empty());

    let month_ago = AT - Duration::days(30);
    assert_eq!(waiting::last_import_errors(db, &corporation, month_ago).await.expect("read"), None);
    let first = stock::save_report(db, &corporation, "regel;fout\n2;geen postcode\n", AT - Duration::days(40))
        .await
        .expect("report");
    assert_eq!(waiting::last_import_errors(db, &corporation, month_ago).await.expect("read"), None, "old news");
    let second = stock::save_report(db, &corporation, "regel;fout\n3;geen huisnummer\n", AT).await.expect("report");
    assert_ne!(first, second);
    let errors = waiting::last_import_errors(db, &corporation, month_ago).await.expect("read").expect("errors");
    assert_eq!((errors.report_id, errors.at), (second, AT));
    assert_eq!(waiting::last_import_errors(db, &tenants, month_ago).await.expect("read"), None, "another's report");
    // A corrected file is imported an hour later: the errors were dealt with.
    let file = "idExtern;clusterCode;straatnaam;huisnummer;postcode;woonplaats\nA1;C1;Kerkstraat;1;1011AA;Amsterdam\n";
    let reader = StockReader::new(file.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(db, &corporation, &actor_at(AT + Duration::hours(1)), "goed.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    assert_eq!(waiting::last_import_errors(db, &corporation, month_ago).await.expect("read"), None);
}

async fn the_platform_sees_failed_mail_and_organisations_without_administrator(db: &Db) {
    let corp = org(db, "corp", "Woonstad", OrgKind::Corporation).await;
    let gemeente = org(db, "gemeente", "Gemeente Voorbeeldstad", OrgKind::Municipality).await;
    org(db, "wsp", "Werkgeversservicepunt", OrgKind::Partner).await;
    user(db, "anna@example.nl", "Anna", &[(corp, Role::Admin)]).await;
    user(db, "fatima@example.nl", "Fatima", &[(gemeente, Role::Staff)]).await;
    let without: Vec<String> =
        waiting::organisations_without_admin(db).await.expect("read").into_iter().map(|(_, name)| name).collect();
    assert_eq!(without, ["Gemeente Voorbeeldstad", "Werkgeversservicepunt"], "staff alone is no administrator");
    assert_eq!(waiting::failed_mail(db).await.expect("count"), 0);
    let mut tx = db.begin().await.expect("begin");
    outbox::add(&mut tx, "a@example.nl", "Onderwerp", "Tekst", outbox::Status::Failed, AT).await.expect("mail");
    outbox::add(&mut tx, "b@example.nl", "Onderwerp", "Tekst", outbox::Status::Sent, AT).await.expect("mail");
    tx.commit().await.expect("commit");
    assert_eq!(waiting::failed_mail(db).await.expect("count"), 1);
}

async fn recent_changes_carry_the_names_of_what_they_changed(db: &Db) {
    let (corporation, tenants) = partners(db).await;
    let anna = user(db, "anna@example.nl", "Anna de Vries", &[(corporation.org_id(), Role::Admin)]).await;
    let bram = user(db, "bram@example.nl", "Bram Jansen", &[]).await;
    let mut tx = db.begin().await.expect("begin");
    users::set_membership(&mut tx, &person(anna, AT), bram, corporation.org_id(), Role::Staff).await.expect("member");
    let id = part::create_group(&mut tx, &corporation, &person(anna, AT), &group(corporation.org_id(), "Woonpanel"))
        .await
        .expect("group");
    overleg::set_budget(&mut tx, &corporation, &person(anna, AT), tenants.org_id(), 2026, Money::from_cents(5_000))
        .await
        .expect("budget");
    tx.commit().await.expect("commit");
    let file = "idExtern;clusterCode;straatnaam;huisnummer;postcode;woonplaats\nA1;C1;Kerkstraat;1;1011AA;Amsterdam\n";
    let reader = StockReader::new(file.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(db, &corporation, &person(anna, AT), "goed20.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    let named = waiting::named_entries(db, &corporation, 20).await.expect("named");
    let find = |action: &str, entity: &str| {
        named.iter().find(|n| n.entry.action == action && n.entry.entity == entity).unwrap_or_else(|| {
            panic!(
                "no {action} {entity} among {:?}",
                named.iter().map(|n| (&n.entry.action, &n.entry.entity)).collect::<Vec<_>>()
            )
        })
    };
    let import = find("import", "units");
    assert_eq!((import.actor.as_str(), import.subject.as_deref()), ("Anna de Vries", Some("goed20.csv")));
    assert_eq!(import.details["new"], 1);
    let membership = find("create", "membership");
    assert_eq!((membership.subject.as_deref(), membership.party.as_deref()), (Some("Bram Jansen"), Some("Woonstad")));
    assert_eq!(membership.details["role"], "staff");
    assert_eq!(find("create", "part_group").subject.as_deref(), Some("Woonpanel"));
    let budget = find("set", "overleg_budget");
    assert_eq!((budget.subject.as_deref(), budget.party.as_deref()), (Some("2026"), Some("De Sleutel")));
    assert_eq!(find("propose", "overleg_partner").subject.as_deref(), Some("De Sleutel"), "the other party");
    // A renamed group is named as it is now.
    let mut tx = db.begin().await.expect("begin");
    let stored = part::visible_group(db, &corporation, id).await.expect("read").expect("group");
    part::update_group(
        &mut tx,
        &corporation,
        &person(anna, AT),
        &stored,
        &group(corporation.org_id(), "Woonpanel Noord"),
    )
    .await
    .expect("rename");
    tx.commit().await.expect("commit");
    let named = waiting::named_entries(db, &corporation, 20).await.expect("named");
    assert!(named
        .iter()
        .filter(|n| n.entry.entity == "part_group")
        .all(|n| n.subject.as_deref() == Some("Woonpanel Noord")));
    assert!(named.iter().all(|n| n.entry.org_id == Some(corporation.org_id())), "only this organisation's trail");
}

/// The dashboard lists the newest changes by the time they record, not by the order they were written in: an entry
/// written later with an earlier time (a back-dated history, a late commit) goes below the newer ones. Reads are
/// left out.
async fn recent_changes_are_newest_first_by_their_time(db: &Db) {
    use volkshuis_store::audit::{self, Change};
    let corporation = admin_scope(org(db, "woonstad", "Woonstad", OrgKind::Corporation).await);
    let mut tx = db.begin().await.expect("begin");
    // All after the organisation's creation (at `AT`, also on its trail).
    let hours = |h| AT + Duration::hours(h);
    for (entity_id, at) in [("late", hours(3)), ("early", hours(1)), ("middle", hours(2))] {
        let change = Change::event(Some(corporation.org_id()), "end", "part_group", entity_id.into());
        audit::record(tx.conn(), &Actor::system("test", at), change).await.expect("recorded");
    }
    // The newest of all is a read of personal data: not a change, so not on the list (it stays in the audit log).
    let read = Change::event(Some(corporation.org_id()), "read_personal", "part_join_requests", "read".into());
    audit::record(tx.conn(), &Actor::system("test", hours(4)), read).await.expect("recorded");
    tx.commit().await.expect("commit");
    let named = waiting::named_entries(db, &corporation, 2).await.expect("named");
    let order: Vec<Option<&str>> = named.iter().map(|n| n.entry.entity_id.as_deref()).collect();
    assert_eq!(order, [Some("late"), Some("middle")], "the two newest by time; the one written second is the oldest");
}
