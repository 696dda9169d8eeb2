//! Overleg storage stories on SQLite and PostgreSQL: versioned steps, the stage kept with them, the append-only
//! trail, and cases closed to everyone but their two parties.

use time::macros::{date, datetime};
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind, Subject};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::audit::Actor;
use volkshuis_store::overleg::{self, Answer, DecisionRecord, Listing, NewCase};
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    steps_are_versioned_and_keep_the_stage,
    trail_is_append_only,
    cases_open_only_to_their_parties,
    a_partnership_holds_only_once_the_tenant_organisation_accepted,
);

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
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

/// A corporation, its tenant organisation (partners) and an advice request between them.
async fn setup(db: &Db) -> (WriteScope, WriteScope, i64) {
    let corporation = admin_scope(org(db, "corp", OrgKind::Corporation).await);
    let tenant = admin_scope(org(db, "huurders", OrgKind::TenantOrganisation).await);
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), tenant.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &tenant, &actor(), corporation.org_id(), true).await.expect("accept");
    let new = NewCase {
        tenant_org_id: tenant.org_id(),
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse("Daken").expect("title"),
        explanation: LongText::parse("Isoleren").expect("text"),
        received_on: date!(2026 - 11 - 25),
        agreed_weeks: None,
        clusters: vec!["C1".into(), "C1".into(), "C2".into()],
    };
    let id = overleg::create(&mut tx, &corporation, &actor(), &new).await.expect("create");
    tx.commit().await.expect("commit");
    (corporation, tenant, id)
}

async fn steps_are_versioned_and_keep_the_stage(db: &Db) {
    let (corporation, tenant, id) = setup(db).await;
    let stale = overleg::get(db, &tenant, id).await.expect("get").expect("case");
    assert_eq!(stale.clusters, vec!["C1", "C2"], "duplicates folded");
    let advice = Answer { kind: AnswerKind::Advice, text: Some("Ja, maar".into()), on: date!(2026 - 12 - 01) };
    let mut tx = db.begin().await.expect("begin");
    overleg::answer(&mut tx, &tenant, &actor(), &stale, 1, &advice).await.expect("answer");
    tx.commit().await.expect("commit");

    // A second answer on the version seen before is a conflict and changes nothing.
    let other = Answer { kind: AnswerKind::NoObjection, text: None, on: date!(2026 - 12 - 02) };
    let mut tx = db.begin().await.expect("begin");
    let second = overleg::answer(&mut tx, &tenant, &actor(), &stale, 1, &other).await;
    assert!(matches!(second, Err(StoreError::Conflict)), "{second:?}");
    drop(tx);

    // Deciding from a stale copy still stores the stage computed from the case as it is.
    let decision = DecisionRecord { decision: Decision::Followed, reply: None, on: date!(2026 - 12 - 03) };
    let mut tx = db.begin().await.expect("begin");
    overleg::decide(&mut tx, &corporation, &actor(), &stale, 2, &decision).await.expect("decide");
    tx.commit().await.expect("commit");
    let case = overleg::get(db, &corporation, id).await.expect("get").expect("case");
    assert_eq!(case.facts().stage(), Stage::Closed);
    assert_eq!(case.answer.as_ref().and_then(|a| a.text.as_deref()), Some("Ja, maar"));
    assert_eq!(case.version, 3);
    assert!(overleg::list(db, &tenant, Listing::Open, 10).await.expect("list").is_empty(), "closed is not open");
    assert_eq!(overleg::list(db, &tenant, Listing::All, 10).await.expect("list").len(), 1);
    let steps: Vec<String> =
        overleg::events(db, &tenant, &case).await.expect("events").into_iter().map(|e| e.step).collect();
    assert_eq!(steps, ["sent", "received", "answered", "decided"]);
}

async fn trail_is_append_only(db: &Db) {
    let (_, _, id) = setup(db).await;
    let update = sql::query("UPDATE overleg_events SET step = 'forged' WHERE case_id = $1").bind(id).execute(db).await;
    assert!(update.is_err(), "the trail cannot be changed");
    let delete = sql::query("DELETE FROM overleg_events WHERE case_id = $1").bind(id).execute(db).await;
    assert!(delete.is_err(), "nor shortened");
}

async fn cases_open_only_to_their_parties(db: &Db) {
    let (corporation, _, id) = setup(db).await;
    let outsider = admin_scope(org(db, "anderen", OrgKind::TenantOrganisation).await);
    assert!(overleg::get(db, &outsider, id).await.expect("get").is_none());
    assert!(overleg::list(db, &outsider, Listing::All, 10).await.expect("list").is_empty());
    let case = overleg::get(db, &corporation, id).await.expect("get").expect("case");
    assert!(matches!(overleg::events(db, &outsider, &case).await, Err(StoreError::NotFound)));
    assert!(matches!(overleg::documents(db, &outsider, &case).await, Err(StoreError::NotFound)));
    // Requests go only to partners.
    let mut tx = db.begin().await.expect("begin");
    let new = NewCase { tenant_org_id: outsider.org_id(), ..sample(&case) };
    assert!(matches!(overleg::create(&mut tx, &corporation, &actor(), &new).await, Err(StoreError::NotFound)));
}

fn sample(case: &overleg::Case) -> NewCase {
    NewCase {
        tenant_org_id: case.tenant_org_id,
        kind: case.kind,
        subject: case.subject,
        title: Name::parse(&case.title).expect("title"),
        explanation: LongText::parse(&case.explanation).expect("text"),
        received_on: case.received_on,
        agreed_weeks: None,
        clusters: Vec::new(),
    }
}

async fn a_partnership_holds_only_once_the_tenant_organisation_accepted(db: &Db) {
    let corporation = admin_scope(org(db, "corp", OrgKind::Corporation).await);
    let tenant = admin_scope(org(db, "huurders", OrgKind::TenantOrganisation).await);
    let stranger = admin_scope(org(db, "anderen", OrgKind::TenantOrganisation).await);
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), tenant.org_id(), Some(8)).await.expect("proposal");
    tx.commit().await.expect("commit");
    let new = NewCase {
        tenant_org_id: tenant.org_id(),
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse("Daken").expect("title"),
        explanation: LongText::parse("Isoleren").expect("text"),
        received_on: date!(2026 - 11 - 25),
        agreed_weeks: None,
        clusters: Vec::new(),
    };

    // Proposed only: no case, no terms, no partner on either side, no figures; the proposal shows to both.
    let mut tx = db.begin().await.expect("begin");
    assert!(matches!(overleg::create(&mut tx, &corporation, &actor(), &new).await, Err(StoreError::NotFound)));
    drop(tx);
    assert!(matches!(overleg::partner_terms(db, &corporation, tenant.org_id()).await, Err(StoreError::NotFound)));
    assert!(overleg::partners_of(db, &corporation).await.expect("partners").is_empty());
    assert!(overleg::partners_of(db, &tenant).await.expect("partners").is_empty());
    assert_eq!(overleg::proposals_of(db, &tenant).await.expect("proposals").len(), 1);
    assert_eq!(overleg::proposals_of(db, &corporation).await.expect("proposals").len(), 1);
    let figures = volkshuis_store::participatie::open_figures(db, &tenant, corporation.org_id()).await;
    assert!(figures.expect("figures").is_none(), "no coverage pages before acceptance");

    // Another tenant organisation cannot accept it for them.
    let mut tx = db.begin().await.expect("begin");
    let theirs = overleg::respond_to_proposal(&mut tx, &stranger, &actor(), corporation.org_id(), true).await;
    assert!(matches!(theirs, Err(StoreError::NotFound)), "{theirs:?}");
    drop(tx);

    // Accepted: the partnership holds, with its term.
    let mut tx = db.begin().await.expect("begin");
    overleg::respond_to_proposal(&mut tx, &tenant, &actor(), corporation.org_id(), true).await.expect("accept");
    tx.commit().await.expect("commit");
    assert_eq!(overleg::partner_terms(db, &corporation, tenant.org_id()).await.expect("terms"), Some(8));
    assert_eq!(overleg::partners_of(db, &tenant).await.expect("partners").len(), 1);
    assert!(overleg::proposals_of(db, &tenant).await.expect("proposals").is_empty());
    let figures = volkshuis_store::participatie::open_figures(db, &tenant, corporation.org_id()).await;
    assert!(figures.expect("figures").is_some());
    let mut tx = db.begin().await.expect("begin");
    overleg::create(&mut tx, &corporation, &actor(), &new).await.expect("a case to an accepted partner");
    tx.commit().await.expect("commit");

    // A declined proposal is gone, and audit-logged.
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), stranger.org_id(), None).await.expect("proposal");
    overleg::respond_to_proposal(&mut tx, &stranger, &actor(), corporation.org_id(), false).await.expect("decline");
    tx.commit().await.expect("commit");
    assert!(overleg::proposals_of(db, &corporation).await.expect("proposals").is_empty());
    let declined: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'overleg_partner' AND action = 'decline'")
            .fetch_one(db)
            .await
            .expect("audit");
    assert_eq!(declined, 1);
}
