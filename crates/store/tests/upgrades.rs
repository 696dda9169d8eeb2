//! Migrations that carry data over, tried on a database as the release before them left it: filled at the older
//! version, then brought up to date, on SQLite and on PostgreSQL.

use volkshuis_store::testdb::{sql, TestDb};
use volkshuis_store::{Backend, Db};

/// Adds an organisation of `kind` the way schema 52 stored one; returns its id.
async fn organisation(db: &Db, code: &str, kind: &str) -> i64 {
    sql::query_scalar("INSERT INTO organisations (code, name, kind, created_at) VALUES ($1, $2, $3, 0) RETURNING id")
        .bind(code)
        .bind(format!("Organisatie {code}"))
        .bind(kind)
        .fetch_one(db)
        .await
        .expect("organisation")
}

/// A soft signal of `corporation`, referred to `partner` when given, as schema 52 stored one.
async fn soft_signal(db: &Db, corporation: i64, partner: Option<i64>) {
    sql::query(
        "INSERT INTO sg_soft (org_id, household, kind, note, state, partner_org_id, recorded_by, recorded_on) \
         VALUES ($1, 'Huishouden', 'eenzaamheid', 'Notitie', $2, $3, 'Medewerker', '2026-11-01')",
    )
    .bind(corporation)
    .bind(if partner.is_some() { "doorverwezen" } else { "intern" })
    .bind(partner)
    .execute(db)
    .await
    .expect("soft signal");
}

/// Migration 53: a corporation's referral partners start as the partner organisations it already referred to (not a
/// municipality it referred to by mistake, not another corporation's), once each, each in its audit log.
async fn referral_partners_carry_over(backend: Backend) {
    let test = TestDb::at_version(backend, 52).await.expect("a database at version 52");
    let db = &test.db;
    let (woonstad, other) =
        (organisation(db, "woonstad", "corporation").await, organisation(db, "ander", "corporation").await);
    let (wijkteam, wsp) = (organisation(db, "wijkteam", "partner").await, organisation(db, "wsp", "partner").await);
    let gemeente = organisation(db, "gemeente", "municipality").await;
    soft_signal(db, woonstad, Some(wijkteam)).await;
    soft_signal(db, woonstad, Some(wijkteam)).await;
    soft_signal(db, woonstad, Some(gemeente)).await;
    soft_signal(db, woonstad, None).await;
    soft_signal(db, other, Some(wsp)).await;
    assert!(db.migrate().await.expect("brought up to date") >= 1);
    let listed: Vec<(i64, i64, String)> = sql::query_as(
        "SELECT corporation_id, partner_id, added_by FROM sg_referral_partners ORDER BY corporation_id, partner_id",
    )
    .fetch_all(db)
    .await
    .expect("list");
    let by = "migratie 53".to_owned();
    assert_eq!(listed, vec![(woonstad, wijkteam, by.clone()), (other, wsp, by)]);
    let audited: Vec<(i64, String, String, String)> = sql::query_as(
        "SELECT org_id, action, entity_id, actor_label FROM audit_log WHERE entity = 'sg_referral_partner' \
         ORDER BY org_id",
    )
    .fetch_all(db)
    .await
    .expect("audit");
    let entry = |org: i64, partner: i64| {
        (org, "add_referral_partner".to_owned(), partner.to_string(), "migratie 53".to_owned())
    };
    assert_eq!(audited, vec![entry(woonstad, wijkteam), entry(other, wsp)]);
    assert_eq!(db.migrate().await.expect("again"), 0, "nothing left to do");
}

#[tokio::test]
async fn referral_partners_carry_over_on_sqlite() {
    referral_partners_carry_over(Backend::Sqlite).await;
}

#[tokio::test]
async fn referral_partners_carry_over_on_postgres() {
    referral_partners_carry_over(Backend::Postgres).await;
}

/// Migration 54: a notice sent before it keeps its one line (in the language its reader had then) and shows that
/// line in either language; a new notice carries both.
async fn notices_from_before_keep_their_line(backend: Backend) {
    use volkshuis_store::notifications::{self, Lines};
    let test = TestDb::at_version(backend, 53).await.expect("a database at version 53");
    let db = &test.db;
    let org = organisation(db, "woonstad", "corporation").await;
    let user: i64 = sql::query_scalar(
        "INSERT INTO users (email, name, password_hash, is_platform_admin, active, created_at, locale) \
         VALUES ('bram@example.test', 'Bram', 'x', 0, 1, 0, 'en') RETURNING id",
    )
    .fetch_one(db)
    .await
    .expect("user");
    sql::query("INSERT INTO notifications (user_id, org_id, text, link, created_at) VALUES ($1, $2, $3, '/a', 0)")
        .bind(user)
        .bind(org)
        .bind("New request for advice")
        .execute(db)
        .await
        .expect("notice of schema 53");
    assert!(db.migrate().await.expect("brought up to date") >= 1);
    let mut tx = db.begin().await.expect("begin");
    let both = Lines { nl: "Herinnering".to_owned(), en: "Reminder".to_owned() };
    notifications::add(&mut tx, user, org, &both, "/b", time::OffsetDateTime::UNIX_EPOCH).await.expect("add");
    tx.commit().await.expect("commit");
    let unread = notifications::unread(db, user, 10).await.expect("unread");
    let read = |locale: &str| unread.iter().map(|n| n.text_in(locale).to_owned()).collect::<Vec<_>>();
    assert_eq!(read("en"), ["Reminder", "New request for advice"]);
    assert_eq!(read("nl"), ["Herinnering", "New request for advice"]);
}

#[tokio::test]
async fn notices_from_before_keep_their_line_on_sqlite() {
    notices_from_before_keep_their_line(Backend::Sqlite).await;
}

#[tokio::test]
async fn notices_from_before_keep_their_line_on_postgres() {
    notices_from_before_keep_their_line(Backend::Postgres).await;
}

/// Migration 55: a referral waiting for its partner's answer gets the day it is deleted, a year after it was made
/// (29 February: 28 February), as a new referral does; other soft signals keep theirs.
async fn waiting_referrals_get_their_day_of_deletion(backend: Backend) {
    let test = TestDb::at_version(backend, 54).await.expect("a database at version 54");
    let db = &test.db;
    let corporation = organisation(db, "woonstad", "corporation").await;
    let partner = organisation(db, "wijkteam", "partner").await;
    let insert = |state: &'static str, referred_on: Option<&'static str>, delete_on: Option<&'static str>| async move {
        sql::query_scalar::<i64>(
            "INSERT INTO sg_soft (org_id, household, kind, note, state, partner_org_id, recorded_by, recorded_on, \
             referred_on, delete_on) VALUES ($1, 'H', 'eenzaamheid', 'n', $2, $3, 'M', '2026-01-05', $4, $5) RETURNING id",
        )
        .bind(corporation)
        .bind(state)
        .bind(referred_on.map(|_| partner))
        .bind(referred_on)
        .bind(delete_on)
        .fetch_one(db)
        .await
        .expect("soft signal")
    };
    let waiting = insert("doorverwezen", Some("2026-03-10"), None).await;
    let leap = insert("doorverwezen", Some("2028-02-29"), None).await;
    // A year old already: its day has passed, so the next housekeeping run deletes it.
    let old = insert("doorverwezen", Some("2024-06-01"), None).await;
    // One that has its day (written by a later release) keeps it.
    let dated = insert("doorverwezen", Some("2026-03-10"), Some("2026-09-01")).await;
    let accepted = insert("aangenomen", Some("2026-03-10"), Some("2027-04-01")).await;
    let internal = insert("intern", None, Some("2026-04-05")).await;
    assert!(db.migrate().await.expect("brought up to date") >= 1);
    let day = |id: i64| async move {
        sql::query_scalar::<Option<String>>("SELECT delete_on FROM sg_soft WHERE id = $1")
            .bind(id)
            .fetch_one(db)
            .await
            .expect("day")
    };
    assert_eq!(day(waiting).await.as_deref(), Some("2027-03-10"));
    assert_eq!(day(leap).await.as_deref(), Some("2029-02-28"));
    assert_eq!(day(old).await.as_deref(), Some("2025-06-01"));
    assert_eq!(day(dated).await.as_deref(), Some("2026-09-01"));
    assert_eq!(day(accepted).await.as_deref(), Some("2027-04-01"));
    assert_eq!(day(internal).await.as_deref(), Some("2026-04-05"));
}

#[tokio::test]
async fn waiting_referrals_get_their_day_of_deletion_on_sqlite() {
    waiting_referrals_get_their_day_of_deletion(Backend::Sqlite).await;
}

#[tokio::test]
async fn waiting_referrals_get_their_day_of_deletion_on_postgres() {
    waiting_referrals_get_their_day_of_deletion(Backend::Postgres).await;
}

/// Migration 57: a consent request stored with art. 5's term moved past Christmas by the Algemene termijnenwet, and a
/// view stored waiting for a decision with a 14-day reply term, get the next deadline the rules now give (ADR 0064).
async fn overleg_deadlines_follow_the_terms_by_kind(backend: Backend) {
    let test = TestDb::at_version(backend, 56).await.expect("a database at version 56");
    let db = &test.db;
    let (woonstad, sleutel) =
        (organisation(db, "woonstad", "corporation").await, organisation(db, "sleutel", "tenant_organisation").await);
    let case = |kind: &str, stage: &str, answered: Option<&str>, stored: &str| {
        sql::query_scalar::<i64>(
            "INSERT INTO overleg_cases (corporation_id, tenant_org_id, kind, subject, title, explanation, received_on, \
             stage, next_deadline, version, created_at, answer_kind, answered_on) \
             VALUES ($1, $2, $3, 'service_costs', 'Zaak', 'Uitleg', '2026-11-13', $4, $5, 1, 0, $6, $7) RETURNING id",
        )
        .bind(woonstad)
        .bind(sleutel)
        .bind(kind.to_owned())
        .bind(stage.to_owned())
        .bind(stored.to_owned())
        .bind(answered.map(|_| "view".to_owned()))
        .bind(answered.map(str::to_owned))
    };
    let consent = case("consent", "awaiting_answer", None, "2026-12-28").fetch_one(db).await.expect("consent");
    let view = case("view", "awaiting_decision", Some("2026-12-01"), "2026-12-15").fetch_one(db).await.expect("view");
    assert!(db.migrate().await.expect("brought up to date") >= 1);
    let stored = |id: i64| {
        sql::query_scalar::<Option<String>>("SELECT next_deadline FROM overleg_cases WHERE id = $1")
            .bind(id)
            .fetch_one(db)
    };
    assert_eq!(stored(consent).await.expect("consent").as_deref(), Some("2026-12-25"), "as the corporation asks");
    assert_eq!(stored(view).await.expect("view"), None, "a view has no reply term");
}

#[tokio::test]
async fn overleg_deadlines_follow_the_terms_by_kind_on_sqlite() {
    overleg_deadlines_follow_the_terms_by_kind(Backend::Sqlite).await;
}

#[tokio::test]
async fn overleg_deadlines_follow_the_terms_by_kind_on_postgres() {
    overleg_deadlines_follow_the_terms_by_kind(Backend::Postgres).await;
}

/// A home of `corporation` sold with `coach` (organisation, person) as its koopcoach, as schema 64 stored one.
async fn sale_with_coach(db: &Db, corporation: i64, n: i64, coach: Option<(i64, i64)>) {
    let unit: i64 = sql::query_scalar(
        "INSERT INTO units (corporation_id, id_extern, straatnaam, huisnummer, postcode, woonplaats, fingerprint, \
         created_at, updated_at) VALUES ($1, $2, 'Kerkstraat', $3, '7411AA', 'Deventer', 'x', 0, 0) RETURNING id",
    )
    .bind(corporation)
    .bind(format!("U{n}"))
    .bind(n)
    .fetch_one(db)
    .await
    .expect("unit");
    sql::query(
        "INSERT INTO nz_sales (corporation_id, unit_id, sold_on, price_cents, value_cents, value_kind, sale_condition, \
         buyer_name, coach_org_id, coach_user_id, created_by, created_at) \
         VALUES ($1, $2, '2025-01-10', 100, 100, 'woz', 'none', 'Koper', $3, $4, 'Medewerker', 0)",
    )
    .bind(corporation)
    .bind(unit)
    .bind(coach.map(|c| c.0))
    .bind(coach.map(|c| c.1))
    .execute(db)
    .await
    .expect("sale");
}

/// A person, as schema 64 stored one; returns the id.
async fn person(db: &Db, email: &str) -> i64 {
    sql::query_scalar(
        "INSERT INTO users (email, name, password_hash, is_platform_admin, active, created_at, locale) \
         VALUES ($1, 'Iemand', 'x', 0, 1, 0, 'nl') RETURNING id",
    )
    .bind(email)
    .fetch_one(db)
    .await
    .expect("user")
}

/// Migration 65: a corporation's koopcoach partners start as the partner organisations whose staff coach one of its
/// buyers now (not an organisation of another kind), once each, each in its audit log.
async fn koopcoach_partners_carry_over(backend: Backend) {
    let test = TestDb::at_version(backend, 64).await.expect("a database at version 64");
    let db = &test.db;
    let (woonstad, other) =
        (organisation(db, "woonstad", "corporation").await, organisation(db, "ander", "corporation").await);
    let wijkteam = organisation(db, "wijkteam", "partner").await;
    let huurders = organisation(db, "huurders", "tenant_organisation").await;
    let coach = person(db, "coach@wijkteam.test").await;
    sale_with_coach(db, woonstad, 1, Some((wijkteam, coach))).await;
    sale_with_coach(db, woonstad, 2, Some((wijkteam, coach))).await;
    sale_with_coach(db, woonstad, 3, Some((huurders, coach))).await;
    sale_with_coach(db, other, 4, None).await;
    assert!(db.migrate().await.expect("brought up to date") >= 1);
    let listed: Vec<(i64, i64, String)> =
        sql::query_as("SELECT corporation_id, partner_id, added_by FROM nz_coach_partners ORDER BY corporation_id")
            .fetch_all(db)
            .await
            .expect("list");
    assert_eq!(listed, vec![(woonstad, wijkteam, "migratie 65".to_owned())]);
    let audited: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'nz_coach_partner' AND action = 'add_coach_partner' \
         AND actor_label = 'migratie 65'",
    )
    .fetch_one(db)
    .await
    .expect("audit");
    assert_eq!(audited, 1);
    assert_eq!(db.migrate().await.expect("again"), 0, "nothing left to do");
}

#[tokio::test]
async fn koopcoach_partners_carry_over_on_sqlite() {
    koopcoach_partners_carry_over(Backend::Sqlite).await;
}

#[tokio::test]
async fn koopcoach_partners_carry_over_on_postgres() {
    koopcoach_partners_carry_over(Backend::Postgres).await;
}

/// Migration 66: a group recognised before (coverage level 2) stays recognised, dated the day of the migration and
/// audited as "migratie 66"; other groups wait for the corporation.
async fn recognitions_carry_over(backend: Backend) {
    let test = TestDb::at_version(backend, 65).await.expect("a database at version 65");
    let db = &test.db;
    let woonstad = organisation(db, "woonstad", "corporation").await;
    let group = |name: &'static str, level: i64| async move {
        sql::query_scalar::<i64>(
            "INSERT INTO part_groups (corporation_id, org_id, name, kind, area_kind, contact_role, channels, \
             description, join_info, criteria, level, created_at) \
             VALUES ($1, $1, $2, 'bewonerscommissie', 'all', 'secretaris', '', '', '', '[]', $3, 0) RETURNING id",
        )
        .bind(woonstad)
        .bind(name)
        .bind(level)
        .fetch_one(db)
        .await
        .expect("group")
    };
    let (formal, informal) = (group("Erkend", 2).await, group("Nog niet", 1).await);
    assert!(db.migrate().await.expect("brought up to date") >= 1);
    let rows: Vec<(i64, Option<String>, Option<String>)> =
        sql::query_as("SELECT id, recognised_on, recognised_by FROM part_groups ORDER BY id")
            .fetch_all(db)
            .await
            .expect("groups");
    assert_eq!(rows.len(), 2);
    let (id, on, by) = &rows[0];
    assert_eq!((*id, by.as_deref()), (formal, Some("migratie 66")));
    let on = on.as_deref().expect("a day");
    assert!(time::Date::parse(on, time::macros::format_description!("[year]-[month]-[day]")).is_ok(), "{on}");
    assert_eq!(rows[1], (informal, None, None));
    let audited: Vec<(String, String)> = sql::query_as(
        "SELECT action, entity_id FROM audit_log WHERE entity = 'part_group' AND actor_label = 'migratie 66'",
    )
    .fetch_all(db)
    .await
    .expect("audit");
    assert_eq!(audited, vec![("recognise".to_owned(), formal.to_string())]);
    assert_eq!(db.migrate().await.expect("again"), 0, "nothing left to do");
}

#[tokio::test]
async fn recognitions_carry_over_on_sqlite() {
    recognitions_carry_over(Backend::Sqlite).await;
}

#[tokio::test]
async fn recognitions_carry_over_on_postgres() {
    recognitions_carry_over(Backend::Postgres).await;
}
