//! Store stories, each run on SQLite and on PostgreSQL.

use time::{macros::datetime, Duration};
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::{self, Actor};
use volkshuis_store::testdb::sql;
use volkshuis_store::testdb::TestDb;
use volkshuis_store::{jobs, orgs, outbox, resets, sessions, throttle, users, Backend, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    migrations_are_idempotent,
    organisations_and_memberships,
    duplicate_codes_are_reported,
    audit_log_is_append_only,
    audit_filters_narrow,
    sessions_expire,
    a_session_brings_its_user_and_memberships,
    throttle_counts_per_account_and_address,
    only_the_newest_reset_link_works,
    jobs_are_claimed_once_and_retried,
    outbox_messages_are_deleted_after_their_days_unless_still_to_be_sent,
);

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

fn org_fields(code: &str, kind: OrgKind) -> orgs::OrgFields {
    orgs::OrgFields {
        code: OrgCode::parse(code).expect("code"),
        name: Name::parse(&format!("Org {code}")).expect("name"),
        kind,
    }
}

async fn new_org(db: &Db, code: &str) -> orgs::Organisation {
    let mut tx = db.begin().await.expect("begin");
    let org = orgs::create(&mut tx, &actor(), &org_fields(code, OrgKind::Corporation)).await.expect("create org");
    tx.commit().await.expect("commit");
    org
}

async fn new_user(db: &Db, email: &str) -> users::User {
    let mut tx = db.begin().await.expect("begin");
    let new = users::NewUser {
        email: Email::parse(email).expect("email"),
        name: Name::parse("Test Persoon").expect("name"),
        password_hash: "x".into(),
        is_platform_admin: false,
    };
    let user = users::create(&mut tx, &actor(), &new).await.expect("create user");
    tx.commit().await.expect("commit");
    user
}

async fn migrations_are_idempotent(db: &Db) {
    assert_eq!(db.migrate().await.expect("migrate again"), 0);
    let version: i64 =
        sql::query_scalar("SELECT MAX(version) FROM schema_migrations").fetch_one(db).await.expect("version");
    assert_eq!(version, volkshuis_store::SCHEMA_VERSION);
}

async fn organisations_and_memberships(db: &Db) {
    let a = new_org(db, "woonstad").await;
    let b = new_org(db, "de-sleutel").await;
    let user = new_user(db, "an@example.nl").await;
    let mut tx = db.begin().await.expect("begin");
    users::set_membership(&mut tx, &actor(), user.id, a.id, Role::Staff).await.expect("member a");
    users::set_membership(&mut tx, &actor(), user.id, b.id, Role::ReadOnly).await.expect("member b");
    users::set_membership(&mut tx, &actor(), user.id, b.id, Role::Admin).await.expect("upgrade b");
    tx.commit().await.expect("commit");

    let mine = users::organisations_of(db, user.id).await.expect("orgs of");
    let summary: Vec<(String, Role)> = mine.into_iter().map(|(o, r)| (o.code, r)).collect();
    assert_eq!(summary, vec![("de-sleutel".into(), Role::Admin), ("woonstad".into(), Role::Staff)]);
    let m = users::membership(db, user.id, b.id).await.expect("membership").expect("exists");
    assert_eq!(m.role, Role::Admin);

    let mut tx = db.begin().await.expect("begin");
    users::remove_membership(&mut tx, &actor(), user.id, a.id).await.expect("remove");
    tx.commit().await.expect("commit");
    assert_eq!(users::membership(db, user.id, a.id).await.expect("membership"), None);
    assert_eq!(users::members_of(db, b.id).await.expect("members").len(), 1);
}

async fn duplicate_codes_are_reported(db: &Db) {
    new_org(db, "woonstad").await;
    let mut tx = db.begin().await.expect("begin");
    let again = orgs::create(&mut tx, &actor(), &org_fields("woonstad", OrgKind::Municipality)).await;
    assert!(matches!(again, Err(StoreError::Duplicate)), "{again:?}");
}

async fn audit_log_is_append_only(db: &Db) {
    let org = new_org(db, "woonstad").await;
    let entries = audit::list(db, &audit::Filter::default(), 10).await.expect("list");
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].action.as_str(), entries[0].entity.as_str()), ("create", "organisation"));
    assert_eq!(entries[0].org_id, Some(org.id));
    assert!(entries[0].after.as_deref().unwrap_or_default().contains("woonstad"));
    let update = sql::query("UPDATE audit_log SET action = 'x'").execute(db).await;
    assert!(update.is_err(), "update must be refused");
    let delete = sql::query("DELETE FROM audit_log").execute(db).await;
    assert!(delete.is_err(), "delete must be refused");
    assert_eq!(audit::list(db, &audit::Filter::default(), 10).await.expect("list").len(), 1);
}

async fn audit_filters_narrow(db: &Db) {
    let a = new_org(db, "woonstad").await;
    new_org(db, "de-sleutel").await;
    new_user(db, "an@example.nl").await;
    let by_org = audit::Filter { org_id: Some(a.id), ..Default::default() };
    assert_eq!(audit::list(db, &by_org, 10).await.expect("list").len(), 1);
    let users_only = audit::Filter { entity: Some("user".into()), ..Default::default() };
    assert_eq!(audit::list(db, &users_only, 10).await.expect("list").len(), 1);
    let by_actor = audit::Filter { actor: Some("TES".into()), ..Default::default() };
    assert_eq!(audit::list(db, &by_actor, 10).await.expect("list").len(), 3);
    let nobody = audit::Filter { actor: Some("niemand".into()), ..Default::default() };
    assert!(audit::list(db, &nobody, 10).await.expect("list").is_empty());
    let personal = audit::Filter { personal_only: true, ..Default::default() };
    assert!(audit::list(db, &personal, 10).await.expect("list").is_empty());
    let first_page = audit::list(db, &audit::Filter::default(), 2).await.expect("list");
    let older = audit::Filter { before_id: first_page.last().map(|e| e.id), ..Default::default() };
    assert_eq!(audit::list(db, &older, 10).await.expect("list").len(), 1);
}

async fn sessions_expire(db: &Db) {
    let user = new_user(db, "an@example.nl").await;
    let start = datetime!(2026-11-25 08:00 UTC);
    let token = sessions::create(db, &Actor::system("test", start), user.id, None).await.expect("session");
    let live = sessions::lookup(db, &token, start + Duration::minutes(90)).await.expect("lookup");
    assert_eq!(live.map(|s| s.user_id), Some(user.id));
    // Used at 09:30, so idle until 11:30.
    assert!(sessions::lookup(db, &token, start + Duration::minutes(200)).await.expect("lookup").is_some());
    assert!(sessions::lookup(db, &token, start + Duration::hours(6)).await.expect("lookup").is_none());
    assert!(sessions::lookup(db, "wrong-token", start).await.expect("lookup").is_none());
    assert_eq!(sessions::purge_expired(db, start + Duration::hours(13)).await.expect("purge"), 1);
}

async fn a_session_brings_its_user_and_memberships(db: &Db) {
    let at = datetime!(2026-11-25 08:00 UTC);
    let loner = new_user(db, "alleen@example.nl").await;
    let token = sessions::create(db, &actor(), loner.id, None).await.expect("session");
    let signed_in = sessions::lookup_signed_in(db, &token, at).await.expect("lookup").expect("live");
    assert_eq!((signed_in.user.email.as_str(), signed_in.memberships.len()), ("alleen@example.nl", 0));

    let a = new_org(db, "woonstad").await;
    let b = new_org(db, "de-sleutel").await;
    let member = new_user(db, "an@example.nl").await;
    let mut tx = db.begin().await.expect("begin");
    users::set_membership(&mut tx, &actor(), member.id, a.id, Role::Staff).await.expect("member a");
    users::set_membership(&mut tx, &actor(), member.id, b.id, Role::Admin).await.expect("member b");
    tx.commit().await.expect("commit");
    let token = sessions::create(db, &actor(), member.id, Some(a.id)).await.expect("session");
    let signed_in = sessions::lookup_signed_in(db, &token, at).await.expect("lookup").expect("live");
    assert_eq!(signed_in.user, member);
    assert_eq!(signed_in.session.active_org_id, Some(a.id));
    // The same organisations, in the same order, as the memberships read on their own.
    assert_eq!(signed_in.memberships, users::organisations_of(db, member.id).await.expect("orgs of"));
    let codes: Vec<(&str, Role)> = signed_in.memberships.iter().map(|(o, r)| (o.code.as_str(), *r)).collect();
    assert_eq!(codes, vec![("de-sleutel", Role::Admin), ("woonstad", Role::Staff)]);
    assert!(sessions::lookup_signed_in(db, "wrong-token", at).await.expect("lookup").is_none());
}

async fn throttle_counts_per_account_and_address(db: &Db) {
    use volkshuis_domain::throttle::Namespace::{Join, LoginAccount, LoginAddress};
    let now = datetime!(2026-11-25 12:00 UTC);
    let attacker = throttle::account_from("an@example.nl", "10.0.0.1");
    let owner = throttle::account_from("an@example.nl", "10.0.0.9");
    for minute in 0..4 {
        throttle::record(db, LoginAccount, &attacker, now - Duration::minutes(minute)).await.expect("rec");
    }
    // Four failures on the pair: the fourth earns the first delay, counted from the last failure (now).
    let wait = throttle::wait_until(db, LoginAccount, &attacker, now).await.expect("wait");
    assert_eq!(wait, Some(now + Duration::seconds(5)));
    // The same account from another address, and the same address in another namespace, are untouched.
    assert_eq!(throttle::wait_until(db, LoginAccount, &owner, now).await.expect("wait"), None);
    // Stored as digests: no e-mail or network address in the table.
    let clear: i64 = sql::query_scalar("SELECT COUNT(*) FROM throttle_events WHERE subject LIKE '%example%'")
        .fetch_one(db)
        .await
        .expect("count");
    assert_eq!(clear, 0);
    assert_eq!(throttle::wait_until(db, LoginAddress, "10.0.0.1", now).await.expect("wait"), None);
    assert_eq!(throttle::wait_until(db, Join, &attacker, now).await.expect("wait"), None);
    throttle::clear(db, LoginAccount, &attacker).await.expect("clear");
    assert_eq!(throttle::wait_until(db, LoginAccount, &attacker, now).await.expect("wait"), None);
    // Housekeeping drops what no longer counts, and only that.
    throttle::record(db, LoginAddress, "10.0.0.1", now - Duration::hours(2)).await.expect("old");
    throttle::record(db, LoginAddress, "10.0.0.1", now).await.expect("new");
    assert_eq!(throttle::purge_old(db, now).await.expect("purge"), 1);
}

async fn only_the_newest_reset_link_works(db: &Db) {
    let user = new_user(db, "an@example.nl").await;
    let other = new_user(db, "bo@example.nl").await;
    let now = datetime!(2026-11-25 12:00 UTC);
    let mut tx = db.begin().await.expect("begin");
    let first = resets::create(&mut tx, user.id, now, resets::VALID_FOR).await.expect("first");
    let theirs = resets::create(&mut tx, other.id, now, resets::VALID_FOR).await.expect("theirs");
    let second = resets::create(&mut tx, user.id, now, resets::VALID_FOR).await.expect("second");
    assert_eq!(resets::peek(&mut tx, &first, now).await.expect("peek"), None, "replaced by the newer link");
    assert_eq!(resets::peek(&mut tx, &second, now).await.expect("peek"), Some(user.id));
    assert_eq!(resets::peek(&mut tx, &theirs, now).await.expect("peek"), Some(other.id), "another user's stays");
    // A password set in any way makes the remaining link useless too.
    users::set_password(&mut tx, &actor(), user.id, "hash").await.expect("set");
    assert_eq!(resets::consume(&mut tx, &second, now).await.expect("consume"), None);
    tx.commit().await.expect("commit");
}

async fn jobs_are_claimed_once_and_retried(db: &Db) {
    let now = datetime!(2026-11-25 12:00 UTC);
    let first = jobs::enqueue(db, "ping", "{}", now, Some("ping:1"), now).await.expect("enqueue");
    assert!(first.is_some());
    let dup = jobs::enqueue(db, "ping", "{}", now, Some("ping:1"), now).await.expect("enqueue dup");
    assert_eq!(dup, None, "same dedupe key is scheduled once");
    jobs::enqueue(db, "later", "{}", now + Duration::hours(1), None, now).await.expect("enqueue later");
    let lease = Duration::minutes(5);
    let job = jobs::claim_next(db, None, now, lease).await.expect("claim").expect("a due job");
    assert_eq!((job.kind.as_str(), job.attempts), ("ping", 1));
    assert_eq!(jobs::claim_next(db, None, now, lease).await.expect("claim"), None, "claimed and not-yet-due jobs wait");
    // The worker died: after the lease the job is due again.
    let again = jobs::claim_next(db, None, now + Duration::minutes(6), lease).await.expect("claim").expect("reclaimed");
    assert_eq!((again.id, again.attempts), (job.id, 2));
    jobs::fail(db, &again, "boom", now, now + Duration::minutes(10)).await.expect("fail");
    assert_eq!(jobs::claim_next(db, None, now + Duration::minutes(7), lease).await.expect("claim"), None);
    let third = jobs::claim_next(db, None, now + Duration::minutes(10), lease).await.expect("claim").expect("retry");
    jobs::complete(db, third.id, now).await.expect("complete");
    let counts = jobs::counts(db).await.expect("counts");
    assert_eq!(counts, vec![("done".to_owned(), 1), ("pending".to_owned(), 1)]);
}

async fn outbox_messages_are_deleted_after_their_days_unless_still_to_be_sent(db: &Db) {
    let written = datetime!(2026-09-01 08:00 UTC);
    let mut tx = db.begin().await.expect("begin");
    for status in [outbox::Status::Sent, outbox::Status::Held, outbox::Status::Failed, outbox::Status::Queued] {
        outbox::add(&mut tx, "a@example.nl", status.code(), "Kerkstraat 1", status, written).await.expect("mail");
    }
    outbox::add(&mut tx, "b@example.nl", "later", "", outbox::Status::Held, written + Duration::seconds(1))
        .await
        .expect("mail");
    tx.commit().await.expect("commit");
    let subjects = || async {
        let mut left: Vec<String> = outbox::list(db, 10).await.expect("list").into_iter().map(|m| m.subject).collect();
        left.sort();
        left
    };
    let day_before = written + Duration::days(90) - Duration::seconds(1);
    assert_eq!(outbox::purge(db, day_before, 90, &actor()).await.expect("purge"), 0);
    assert_eq!(subjects().await.len(), 5);
    // Ninety days on, to the second: what went out, was held or failed goes; what waits for delivery stays, and so
    // does the message written a second later.
    assert_eq!(outbox::purge(db, written + Duration::days(90), 90, &actor()).await.expect("purge"), 3);
    assert_eq!(subjects().await, ["later", "queued"]);
    let logged: Vec<String> = sql::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'purge_personal' AND entity = 'outbox_message'",
    )
    .fetch_all(db)
    .await
    .expect("audit");
    assert_eq!(logged.len(), 1, "one entry per run that deleted something");
    assert!(logged[0].contains("\"deleted\":3"), "{logged:?}");
    assert_eq!(outbox::purge(db, written + Duration::days(91), 90, &actor()).await.expect("purge"), 1);
    assert_eq!(subjects().await, ["queued"]);
}

/// PostgreSQL ends connections (a restart, `pg_terminate_backend` by its administrator). A connection that died
/// while idle in the pool is pinged and replaced when taken, not handed to a user's request (which failed with a
/// 500); a statement on a connection that died under it is `ConnectionLost` (a 503 page), not a database fault.
#[tokio::test]
async fn a_postgres_connection_ended_by_the_server_is_replaced_or_named() {
    let t = TestDb::new(Backend::Postgres).await.expect("db");
    let db = &t.db;
    // Three connections in the pool, then all but one ended while idle.
    let (mut a, mut b, mut c) =
        (db.begin().await.expect("a"), db.begin().await.expect("b"), db.begin().await.expect("c"));
    let mut pids = Vec::new();
    for tx in [&mut a, &mut b, &mut c] {
        pids.push(sql::query_scalar::<i32>("SELECT pg_backend_pid()").fetch_one(tx).await.expect("pid"));
    }
    // One under a statement: ended while held, its next statement is named as a lost connection.
    sql::query("SELECT pg_terminate_backend($1)").bind(pids[2]).execute(&mut a).await.expect("end c");
    let lost = sql::query_scalar::<i32>("SELECT 1").fetch_one(&mut c).await.map_err(StoreError::from);
    assert!(matches!(lost, Err(StoreError::ConnectionLost)), "{lost:?}");
    drop(c);
    b.commit().await.expect("b back");
    sql::query("SELECT pg_terminate_backend($1)").bind(pids[1]).execute(&mut a).await.expect("end b");
    a.commit().await.expect("a back");
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    // Every connection the pool holds is taken at once: the one ended while idle must not be among them.
    for round in 0..3 {
        let mut held = Vec::new();
        for _ in 0..3 {
            let mut tx = db.begin().await.unwrap_or_else(|e| panic!("round {round}: {e}"));
            let one: i64 = sql::query_scalar("SELECT 1::bigint")
                .fetch_one(&mut tx)
                .await
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert_eq!(one, 1);
            held.push(tx);
        }
    }
}

/// On SQLite a long write (a stock import from the command line) holds the one write lock: a page's session refresh
/// waits for nothing then (it waited ten seconds and answered 503 to every signed-in user), and is made at a later
/// page once the lock is free.
#[tokio::test]
async fn a_session_is_read_beside_a_long_write_on_sqlite_and_refreshed_later() {
    let t = TestDb::new(Backend::Sqlite).await.expect("db");
    let db = &t.db;
    let user = new_user(db, "an@example.nl").await;
    let start = datetime!(2026-11-25 08:00 UTC);
    let token = sessions::create(db, &Actor::system("test", start), user.id, None).await.expect("session");
    let last_seen = || async {
        sql::query_scalar::<i64>("SELECT last_seen_at FROM sessions").fetch_one(db).await.expect("last seen")
    };
    let before = last_seen().await;
    let long_write = db.begin().await.expect("the write lock");
    let later = start + Duration::minutes(30);
    let read = tokio::time::timeout(std::time::Duration::from_secs(5), sessions::lookup(db, &token, later)).await;
    let session = read.expect("no wait for the write lock").expect("no 503");
    assert_eq!(session.map(|s| s.user_id), Some(user.id));
    drop(long_write);
    assert_eq!(last_seen().await, before, "not refreshed while the lock was held");
    assert!(sessions::lookup(db, &token, later).await.expect("lookup").is_some());
    assert_eq!(last_seen().await, later.unix_timestamp(), "refreshed once the lock is free");
    // The connection waits for the lock again as before (a refresh leaves no 0 ms wait behind).
    let waits: Vec<i64> = {
        let mut waits = Vec::new();
        for _ in 0..4 {
            waits.push(sql::query_scalar("PRAGMA busy_timeout").fetch_one(db).await.expect("busy timeout"));
        }
        waits
    };
    assert!(waits.iter().all(|w| *w == 10_000), "{waits:?}");
}

/// A database the platform cannot write does not open: the platform started on a read-only SQLite file, answered
/// `/healthz` with "ok" and failed every log-in with a 500.
#[tokio::test]
async fn a_database_that_cannot_be_written_does_not_open() {
    let dir = std::env::temp_dir().join(format!("vh-alleen-lezen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("alleen-lezen.db");
    let path = path.to_str().expect("utf-8 path");
    let first = Db::open(path).await.expect("a writable database opens");
    // Beside a long write of another process (an import holding the write lock) it opens at once: the lock says the
    // file is written.
    let long_write = first.begin().await.expect("the write lock");
    let beside = tokio::time::timeout(std::time::Duration::from_secs(5), Db::open(path)).await;
    beside.expect("no wait for the lock").expect("opens beside a long write").close().await;
    long_write.rollback().await.expect("rollback");
    first.close().await;
    let refused = Db::open(&format!("sqlite://{path}?mode=ro")).await.err().map(|e| e.to_string());
    assert!(refused.as_deref().is_some_and(|e| e.contains("cannot be written")), "{refused:?}");
    let written = sql::query_scalar::<i64>("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'volkshuis_write_check'")
        .fetch_one(&Db::open(path).await.expect("again"))
        .await
        .expect("schema");
    assert_eq!(written, 0, "the check leaves nothing behind");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn unreachable_database_is_one_clear_error() {
    let result = Db::open("postgres://nobody:secret@127.0.0.1:1/none").await;
    let message = result.expect_err("must fail").to_string();
    assert!(message.starts_with("cannot open database postgres://nobody:***@127.0.0.1:1/none"), "{message}");
    assert!(!message.contains("secret"));
}

#[tokio::test]
async fn backend_is_chosen_from_the_target() {
    let t = TestDb::new(Backend::Sqlite).await.expect("sqlite");
    assert_eq!(t.db.backend(), Backend::Sqlite);
    let mode: String = sql::query_scalar("PRAGMA journal_mode").fetch_one(&t.db).await.expect("pragma");
    assert_eq!(mode, "wal");
}

/// After a large write the write-ahead log is not left at its largest size: once it has been written into the
/// database, the next write cuts it back to 64 MB.
#[tokio::test]
async fn sqlites_log_shrinks_after_a_large_write() {
    let t = TestDb::new(Backend::Sqlite).await.expect("sqlite");
    let wal = || std::fs::metadata(format!("{}-wal", t.target)).map(|m| m.len()).unwrap_or(0);
    sql::query("CREATE TABLE big (data BLOB)").execute(&t.db).await.expect("table");
    sql::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 96) \
         INSERT INTO big SELECT randomblob(1048576) FROM n",
    )
    .execute(&t.db)
    .await
    .expect("96 MB");
    assert!(wal() > 90 << 20, "the log holds the write: {} bytes", wal());
    sql::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&t.db).await.expect("checkpoint");
    sql::query("DELETE FROM big").execute(&t.db).await.expect("a next write");
    assert!(wal() <= 64 << 20, "the log is cut back: {} bytes", wal());
}

/// SQLite only: the bundled SQLite is compiled without the shared page cache of its memory management and without
/// memory statistics (`.cargo/config.toml`, ADR 0053). With either, each page read or allocation took a process-wide
/// lock, and under load the pool's connections waited on each other for a third of their time.
#[tokio::test]
async fn the_bundled_sqlite_takes_no_process_wide_lock_per_page_or_allocation() {
    let test = TestDb::new(Backend::Sqlite).await.expect("database");
    let options: Vec<String> = sql::query_scalar("SELECT compile_options FROM pragma_compile_options")
        .fetch_all(&test.db)
        .await
        .expect("compile options");
    assert!(options.iter().any(|o| o == "THREADSAFE=1"), "the options are read: {options:?}");
    assert!(!options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"), "one page cache per connection: {options:?}");
    assert!(options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"), "no memory statistics: {options:?}");
}

/// SQLite only: every connection reads the database through a memory map (ADR 0053).
#[tokio::test]
async fn a_sqlite_connection_reads_through_a_memory_map() {
    let test = TestDb::new(Backend::Sqlite).await.expect("database");
    let mapped: i64 = sql::query_scalar("PRAGMA mmap_size").fetch_one(&test.db).await.expect("mmap_size");
    assert_eq!(mapped, 2_147_418_112);
}

async fn sqlite_samples(db: &Db) -> (i64, i64) {
    let count = |table: &'static str| async move {
        sql::query_scalar::<i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(db).await.expect(table)
    };
    (count("sqlite_stat1").await, count("sqlite_stat4").await)
}

/// SQLite only (PostgreSQL has no such samples): a database analysed elsewhere opens without STAT4 samples, which
/// made SQLite prepare a statement again for every new value bound against a sampled index (ADR 0052); the averages
/// per index stay.
#[tokio::test]
async fn a_sqlite_database_opens_without_planner_samples() {
    let test = TestDb::new(Backend::Sqlite).await.expect("database");
    for i in 0..40 {
        new_org(&test.db, &format!("org{i}")).await;
    }
    sql::raw_sql("ANALYZE", &test.db).await.expect("analyze");
    let (averages, samples) = sqlite_samples(&test.db).await;
    assert!(averages > 0 && samples > 0, "the bundled SQLite gathers both ({averages}, {samples})");
    test.db.close().await;
    let reopened = Db::open(&test.target).await.expect("open");
    let (averages_after, samples_after) = sqlite_samples(&reopened).await;
    assert_eq!((averages_after, samples_after), (averages, 0));
    reopened.close().await;
}
