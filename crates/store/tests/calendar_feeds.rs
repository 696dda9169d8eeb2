//! Calendar feeds and what they list, on SQLite and PostgreSQL (ADR 0034): one secret per user, stored hashed,
//! replaced or revoked at once; a meeting's hour and place kept only by the corporation that planned it; the
//! reads the feed makes (meetings from a day, budgets not yet accounted for).

use time::macros::{date, datetime, time};
use time::Duration;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::account::Email;
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::overleg::meeting::MeetingPlan;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::testdb::sql;
use volkshuis_store::{calendar_feeds, orgs, overleg, users, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    one_secret_per_user_replaced_or_revoked_at_once,
    a_meetings_hour_and_place_are_the_corporations_to_keep,
    the_feed_reads_meetings_from_a_day_and_open_budgets,
);

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

async fn user(db: &Db, email: &str) -> i64 {
    let new = users::NewUser {
        email: Email::parse(email).expect("email"),
        name: Name::parse("Anna").expect("name"),
        password_hash: "not used here".to_owned(),
        is_platform_admin: false,
    };
    let mut tx = db.begin().await.expect("begin");
    let id = users::create(&mut tx, &actor(), &new).await.expect("user").id;
    tx.commit().await.expect("commit");
    id
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let mut tx = db.begin().await.expect("begin");
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

/// A corporation and a tenant organisation that are overleg partners.
async fn partners(db: &Db) -> (WriteScope, WriteScope) {
    let corporation = admin_scope(org(db, "corp", OrgKind::Corporation).await);
    let tenant = admin_scope(org(db, "huurders", OrgKind::TenantOrganisation).await);
    let mut tx = db.begin().await.expect("begin");
    overleg::add_partner(&mut tx, &corporation, &actor(), tenant.org_id(), None).await.expect("partner");
    overleg::respond_to_proposal(&mut tx, &tenant, &actor(), corporation.org_id(), true).await.expect("accept");
    tx.commit().await.expect("commit");
    (corporation, tenant)
}

async fn one_secret_per_user_replaced_or_revoked_at_once(db: &Db) {
    let anna = user(db, "anna@example.nl").await;
    let bert = user(db, "bert@example.nl").await;
    let now = datetime!(2026-11-25 10:00 UTC);
    assert_eq!(calendar_feeds::feed_of(db, anna).await.expect("read"), None);

    let first = calendar_feeds::create(db, &actor(), anna).await.expect("create");
    assert!(first.starts_with(calendar_feeds::PREFIX) && first.len() > 40, "{first}");
    let stored: String = sql::query_scalar("SELECT token_hash FROM calendar_feeds WHERE user_id = $1")
        .bind(anna)
        .fetch_one(db)
        .await
        .expect("row");
    assert!(!stored.contains(&first[4..]) && stored.len() == 64, "only the hash is kept");
    let (feed, owner) = calendar_feeds::authenticate(db, &first, now).await.expect("auth").expect("live");
    assert_eq!(owner, anna);
    assert_eq!(calendar_feeds::feed_of(db, anna).await.expect("read").and_then(|f| f.last_used_at), Some(now));
    // A use within the minute is not written again; a later one is.
    calendar_feeds::authenticate(db, &first, now + Duration::seconds(30)).await.expect("auth");
    assert_eq!(calendar_feeds::feed_of(db, anna).await.expect("read").and_then(|f| f.last_used_at), Some(now));
    let later = now + Duration::minutes(5);
    calendar_feeds::authenticate(db, &first, later).await.expect("auth");
    assert_eq!(calendar_feeds::feed_of(db, anna).await.expect("read").and_then(|f| f.last_used_at), Some(later));

    // Another user's feed is their own.
    let bert_secret = calendar_feeds::create(db, &actor(), bert).await.expect("create");
    assert_eq!(calendar_feeds::authenticate(db, &bert_secret, now).await.expect("auth").map(|f| f.1), Some(bert));

    // A new secret: the old one is dead at once, the feed keeps its row.
    let second = calendar_feeds::create(db, &actor(), anna).await.expect("regenerate");
    assert_ne!(first, second);
    assert_eq!(calendar_feeds::authenticate(db, &first, now).await.expect("auth"), None);
    let again = calendar_feeds::authenticate(db, &second, now).await.expect("auth").expect("live");
    assert_eq!(again, (feed, anna), "one feed per user");
    let rows: i64 = sql::query_scalar("SELECT COUNT(*) FROM calendar_feeds").fetch_one(db).await.expect("count");
    assert_eq!(rows, 2);

    // Revoked: gone; revoking again finds nothing. Other shapes never match.
    calendar_feeds::revoke(db, &actor(), anna).await.expect("revoke");
    assert_eq!(calendar_feeds::authenticate(db, &second, now).await.expect("auth"), None);
    assert!(matches!(calendar_feeds::revoke(db, &actor(), anna).await, Err(StoreError::NotFound)));
    assert_eq!(calendar_feeds::authenticate(db, "", now).await.expect("auth"), None);
    assert_eq!(calendar_feeds::authenticate(db, &second[4..], now).await.expect("auth"), None, "no prefix");
    assert!(calendar_feeds::authenticate(db, &bert_secret, now).await.expect("auth").is_some(), "Bert's untouched");

    let trail: Vec<String> =
        sql::query_scalar("SELECT action FROM audit_log WHERE entity = 'calendar_feed' AND entity_id = $1 ORDER BY id")
            .bind(anna.to_string())
            .fetch_all(db)
            .await
            .expect("audit");
    assert_eq!(trail, ["create", "regenerate", "revoke"]);
}

async fn a_meetings_hour_and_place_are_the_corporations_to_keep(db: &Db) {
    let (corporation, tenant) = partners(db).await;
    let mut tx = db.begin().await.expect("begin");
    let title = Name::parse("Najaarsoverleg").expect("title");
    let id = overleg::add_meeting(&mut tx, &corporation, &actor(), tenant.org_id(), date!(2026 - 12 - 10), &title)
        .await
        .expect("meeting");
    tx.commit().await.expect("commit");
    let planned = overleg::meeting(db, &tenant, id).await.expect("read").expect("meeting");
    assert_eq!((planned.hours, planned.place), (None, None), "planned on a day only");

    let plan = MeetingPlan::parse("19:30", "21:30", "Buurthuis De Linde").expect("plan");
    let mut tx = db.begin().await.expect("begin");
    let refused = overleg::set_plan(&mut tx, &tenant, &actor(), id, &plan).await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "the tenant organisation does not keep it: {refused:?}");
    drop(tx);
    let mut tx = db.begin().await.expect("begin");
    overleg::set_plan(&mut tx, &corporation, &actor(), id, &plan).await.expect("plan");
    tx.commit().await.expect("commit");
    let seen = overleg::meeting(db, &tenant, id).await.expect("read").expect("meeting");
    assert_eq!(seen.hours, Some((time!(19:30), time!(21:30))));
    assert_eq!(seen.place.as_deref(), Some("Buurthuis De Linde"));

    // Cleared again: both times go together.
    let mut tx = db.begin().await.expect("begin");
    overleg::set_plan(&mut tx, &corporation, &actor(), id, &MeetingPlan::default()).await.expect("clear");
    tx.commit().await.expect("commit");
    let cleared = overleg::meeting(db, &corporation, id).await.expect("read").expect("meeting");
    assert_eq!((cleared.hours, cleared.place), (None, None));

    // Half a pair in the database is corrupt, not silently half a meeting.
    sql::query("UPDATE overleg_meetings SET starts_at = '19:30' WHERE id = $1").bind(id).execute(db).await.expect("x");
    assert!(matches!(overleg::meeting(db, &corporation, id).await, Err(StoreError::Corrupt { .. })));
}

async fn the_feed_reads_meetings_from_a_day_and_open_budgets(db: &Db) {
    let (corporation, tenant) = partners(db).await;
    let stranger = admin_scope(org(db, "elders", OrgKind::TenantOrganisation).await);
    let mut tx = db.begin().await.expect("begin");
    for (day, title) in
        [(date!(2025 - 06 - 01), "Oud"), (date!(2026 - 12 - 10), "Najaar"), (date!(2027 - 03 - 01), "Voorjaar")]
    {
        let title = Name::parse(title).expect("title");
        overleg::add_meeting(&mut tx, &corporation, &actor(), tenant.org_id(), day, &title).await.expect("meeting");
    }
    overleg::set_budget(&mut tx, &corporation, &actor(), tenant.org_id(), 2025, Money::from_cents(100))
        .await
        .expect("b");
    overleg::set_budget(&mut tx, &corporation, &actor(), tenant.org_id(), 2026, Money::from_cents(200))
        .await
        .expect("b");
    tx.commit().await.expect("commit");

    let from = date!(2025 - 11 - 25);
    let titles = |list: Vec<overleg::Meeting>| list.into_iter().map(|m| m.title).collect::<Vec<_>>();
    assert_eq!(titles(overleg::meetings_from(db, &tenant, from).await.expect("read")), ["Najaar", "Voorjaar"]);
    assert_eq!(titles(overleg::meetings_from(db, &corporation, from).await.expect("read")), ["Najaar", "Voorjaar"]);
    assert!(overleg::meetings_from(db, &stranger, from).await.expect("read").is_empty(), "not a party");

    // 2025 accounted for; 2026 still open, seen from both sides, with both names.
    let budget = overleg::budget(db, &tenant, corporation.org_id(), 2025).await.expect("read").expect("2025");
    let mut tx = db.begin().await.expect("begin");
    overleg::account_budget(&mut tx, &tenant, &actor(), &budget, date!(2026 - 02 - 10)).await.expect("account");
    tx.commit().await.expect("commit");
    for scope in [&tenant, &corporation] {
        let open = overleg::unaccounted_budgets(db, scope).await.expect("read");
        assert_eq!(open.iter().map(|b| b.year).collect::<Vec<_>>(), [2026]);
        assert_eq!((open[0].corporation_name.as_str(), open[0].tenant_org_name.as_str()), ("corp", "huurders"));
    }
    assert!(overleg::unaccounted_budgets(db, &stranger).await.expect("read").is_empty());
}
