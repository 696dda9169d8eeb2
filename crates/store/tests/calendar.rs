//! The days decreed equal to a holiday (Algemene termijnenwet art. 3 lid 3) on both databases: seeded by the
//! migration, counted in every stored deadline, and added by an administrator with the stored deadlines recomputed.

use time::macros::{date, datetime};
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::calendar::Undecreed;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::overleg::{RequestKind, Subject};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::audit::Actor;
use volkshuis_store::calendar::{self, NewDecree};
use volkshuis_store::overleg::{self, NewCase};
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, Db};

volkshuis_store::store_test_on_both_backends!(
    the_migration_brings_the_known_decrees,
    stored_deadlines_count_the_decreed_days,
    a_new_decree_moves_the_stored_deadlines,
    a_decree_for_a_later_year_leaves_the_years_between_open
);

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}
fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let mut tx = db.begin().await.expect("begin");
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

/// An advice request received on `received_on`; returns the stored next deadline.
async fn advice_received(db: &Db, received_on: time::Date) -> (i64, Option<String>) {
    let corporation = admin_scope(org(db, &format!("corp-{received_on}"), OrgKind::Corporation).await);
    let tenant = org(db, &format!("huurders-{received_on}"), OrgKind::TenantOrganisation).await;
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), tenant, None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &admin_scope(tenant), &actor(), corporation.org_id(), true)
        .await
        .expect("accept");
    let new = NewCase {
        tenant_org_id: tenant,
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse("Daken").expect("title"),
        explanation: LongText::parse("Isoleren").expect("text"),
        received_on,
        agreed_weeks: None,
        clusters: Vec::new(),
    };
    let id = overleg::create(&mut tx, &corporation, &actor(), &new).await.expect("create");
    tx.commit().await.expect("commit");
    (id, stored_deadline(db, id).await)
}

async fn stored_deadline(db: &Db, id: i64) -> Option<String> {
    sql::query_scalar("SELECT next_deadline FROM overleg_cases WHERE id = $1")
        .bind(id)
        .fetch_one(db)
        .await
        .expect("stored deadline")
}

async fn the_migration_brings_the_known_decrees(db: &Db) {
    let cal = calendar::term_calendar(db).await.expect("calendar");
    assert_eq!(cal.decreed_through(), Some(2028));
    assert_eq!(cal.covered_years(), vec![2023..=2028]);
    // RULES.md, "Deadlines in general": the known decrees 2023–2028.
    let known = [
        date!(2023 - 04 - 28),
        date!(2023 - 05 - 19),
        date!(2024 - 05 - 10),
        date!(2024 - 12 - 27),
        date!(2025 - 05 - 30),
        date!(2026 - 01 - 02),
        date!(2026 - 05 - 15),
        date!(2027 - 05 - 07),
        date!(2028 - 04 - 28),
        date!(2028 - 05 - 26),
    ];
    let decrees = calendar::decrees(db).await.expect("decrees");
    let listed: Vec<time::Date> = {
        let mut days: Vec<_> = decrees.iter().flat_map(|d| d.days.iter().map(|(day, _)| *day)).collect();
        days.sort();
        days
    };
    assert_eq!(listed, known);
    for day in known {
        let source = cal.decreed(day).expect("decreed");
        assert!(source.starts_with("Besluit gelijkstelling"), "{day} has its decree as source: {source}");
    }
    assert!(decrees.iter().all(|d| !d.source.is_empty() && d.first_year <= d.last_year));
    // The decree page shows the source to users: a developers' file is no source to them (migration 61).
    assert!(decrees.iter().all(|d| d.source.contains("art. 3 lid 3") && !d.source.contains("RULES")), "{decrees:?}");
}

async fn stored_deadlines_count_the_decreed_days(db: &Db) {
    // RULES.md's example: 6 weeks end on Ascension Day, the Friday is decreed: Monday 18 May 2026.
    assert_eq!(advice_received(db, date!(2026 - 04 - 02)).await.1.as_deref(), Some("2026-05-18"));
    // Goede Vrijdag (art. 3 lid 2): 3 April 2026, then Easter: Tuesday 7 April.
    assert_eq!(advice_received(db, date!(2026 - 02 - 20)).await.1.as_deref(), Some("2026-04-07"));
}

async fn a_new_decree_moves_the_stored_deadlines(db: &Db) {
    let (id, stored) = advice_received(db, date!(2028 - 12 - 01)).await;
    assert_eq!(stored.as_deref(), Some("2029-01-12"), "provisional: no decree covers 2029 yet");
    let (other, _) = advice_received(db, date!(2026 - 04 - 02)).await;
    let new = NewDecree {
        name: "Besluit gelijkstelling dagen 2029–2031".to_owned(),
        source: "Stb. 2028, 999 (test)".to_owned(),
        first_year: 2029,
        last_year: 2031,
        days: vec![(date!(2029 - 01 - 12), "proef".to_owned())],
    };
    let mut tx = db.begin().await.expect("begin");
    let (decree, moved) = calendar::add_decree(&mut tx, &actor(), &new).await.expect("decree");
    tx.commit().await.expect("commit");
    assert_eq!(moved, 1, "only the 2029 deadline moved");
    assert_eq!(stored_deadline(db, id).await.as_deref(), Some("2029-01-15"));
    assert_eq!(stored_deadline(db, other).await.as_deref(), Some("2026-05-18"));
    let cal = calendar::term_calendar(db).await.expect("calendar");
    assert_eq!(cal.decreed_through(), Some(2031));
    let audited: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'atw_decree' AND entity_id = $1")
            .bind(decree.to_string())
            .fetch_one(db)
            .await
            .expect("audit");
    assert_eq!(audited, 1);
}

async fn a_decree_for_a_later_year_leaves_the_years_between_open(db: &Db) {
    // The auditor's case: a decree for 2031 alone while the one for 2029–2030 is pending.
    let new = NewDecree {
        name: "Besluit gelijkstelling dagen 2031".to_owned(),
        source: "Stb. 2030, 1 (test)".to_owned(),
        first_year: 2031,
        last_year: 2031,
        days: vec![(date!(2031 - 05 - 23), "vrijdag na Hemelvaartsdag".to_owned())],
    };
    let mut tx = db.begin().await.expect("begin");
    calendar::add_decree(&mut tx, &actor(), &new).await.expect("decree");
    tx.commit().await.expect("commit");
    let cal = calendar::term_calendar(db).await.expect("calendar");
    assert_eq!(cal.covered_years(), vec![2023..=2028, 2031..=2031]);
    for (year, covered) in [(2022, false), (2028, true), (2029, false), (2030, false), (2031, true), (2032, false)] {
        assert_eq!(cal.is_decreed_year(year), covered, "{year}");
    }
    // 1 December 2028 + 6 weeks = Friday 12 January 2029: still open, as before the 2031 decree.
    let end = cal.term_end(date!(2028 - 12 - 01), date!(2029 - 01 - 12));
    assert_eq!((end.date, end.provisional), (date!(2029 - 01 - 12), Some(Undecreed::NotYet)));
    // And a term of 2022, before the first decree held, rests on no known decree.
    assert_eq!(cal.term_end(date!(2022 - 04 - 14), date!(2022 - 05 - 26)).provisional, Some(Undecreed::Unknown));
}
