//! Notice settings and the digest's share of notices, on SQLite and on PostgreSQL (ADR 0033).

use time::macros::datetime;
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::notices::MailChoice;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::notifications::Lines;
use volkshuis_store::{notice_settings, notifications, orgs, users, Db};

volkshuis_store::store_test_on_both_backends!(
    a_user_who_never_chose_gets_mail_at_once,
    a_notice_goes_in_one_digest_only,
    the_session_lookup_counts_unread_notices,
    a_member_who_leaves_keeps_no_notices_of_the_organisation,
    a_notice_reads_in_the_language_of_its_reader
);

/// A notice's line in both languages: the English one says so.
fn lines(dutch: &str) -> Lines {
    Lines { nl: dutch.to_owned(), en: format!("{dutch} (English)") }
}

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

/// A user and an organisation.
async fn user_and_org(db: &Db) -> (i64, i64) {
    let mut tx = db.begin().await.expect("begin");
    let fields = orgs::OrgFields {
        code: OrgCode::parse("woonstad").expect("code"),
        name: Name::parse("Woonstad").expect("name"),
        kind: OrgKind::Corporation,
    };
    let org = orgs::create(&mut tx, &actor(), &fields).await.expect("org");
    let new = users::NewUser {
        email: Email::parse("bram@example.nl").expect("email"),
        name: Name::parse("Bram").expect("name"),
        password_hash: "x".into(),
        is_platform_admin: false,
    };
    let user = users::create(&mut tx, &actor(), &new).await.expect("user");
    tx.commit().await.expect("commit");
    (user.id, org.id)
}

async fn a_user_who_never_chose_gets_mail_at_once(db: &Db) {
    let (user, _) = user_and_org(db).await;
    let settings = notice_settings::get(db, user).await.expect("get");
    assert_eq!((settings.mail, settings.last_digest_at), (MailChoice::Immediate, None));
    for choice in [MailChoice::Digest, MailChoice::Never, MailChoice::Immediate, MailChoice::Digest] {
        let mut tx = db.begin().await.expect("begin");
        notice_settings::set_mail(&mut tx, &actor(), user, choice).await.expect("set");
        tx.commit().await.expect("commit");
        assert_eq!(notice_settings::get(db, user).await.expect("get").mail, choice);
    }
    let mut tx = db.begin().await.expect("begin");
    notice_settings::record_digest(&mut tx, user, datetime!(2026-11-25 17:00 UTC)).await.expect("record");
    tx.commit().await.expect("commit");
    let settings = notice_settings::get(db, user).await.expect("get");
    assert_eq!(settings.mail, MailChoice::Digest, "recording a digest keeps the choice");
    assert_eq!(settings.last_digest_at, Some(datetime!(2026-11-25 17:00 UTC)));
}

async fn a_notice_goes_in_one_digest_only(db: &Db) {
    let (user, org) = user_and_org(db).await;
    let now = datetime!(2026-11-25 10:00 UTC);
    let mut tx = db.begin().await.expect("begin");
    notifications::add_for_digest(&mut tx, user, org, &lines("Eerste"), "/a", now).await.expect("add");
    notifications::add(&mut tx, user, org, &lines("Niet voor het overzicht"), "/b", now).await.expect("add");
    notifications::add_for_digest(&mut tx, user, org, &lines("Tweede"), "/c", now).await.expect("add");
    tx.commit().await.expect("commit");
    assert_eq!(notifications::awaiting_digest(db, user).await.expect("count"), 2);
    assert_eq!(notifications::users_awaiting_digest(db).await.expect("users"), [user]);

    // A digest that rolls back (its mail was not queued) leaves the notices waiting.
    let mut tx = db.begin().await.expect("begin");
    assert_eq!(notifications::take_digest(&mut tx, user).await.expect("take").len(), 2);
    drop(tx);
    assert_eq!(notifications::awaiting_digest(db, user).await.expect("count"), 2);

    let mut tx = db.begin().await.expect("begin");
    let taken = notifications::take_digest(&mut tx, user).await.expect("take");
    tx.commit().await.expect("commit");
    let texts: Vec<&str> = taken.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Eerste", "Tweede"], "oldest first, only the digest's");
    let mut tx = db.begin().await.expect("begin");
    assert!(notifications::take_digest(&mut tx, user).await.expect("take").is_empty(), "taken once");
    tx.commit().await.expect("commit");
    assert!(notifications::users_awaiting_digest(db).await.expect("users").is_empty());
    assert_eq!(notifications::unread(db, user, 10).await.expect("unread").len(), 3, "all stay in the app");
}

async fn the_session_lookup_counts_unread_notices(db: &Db) {
    let (user, org) = user_and_org(db).await;
    let now = datetime!(2026-11-25 10:00 UTC);
    let token = volkshuis_store::sessions::create(db, &actor(), user, None).await.expect("session");
    let unread = |db: &Db| {
        let token = token.clone();
        let db = db.clone();
        async move {
            volkshuis_store::sessions::lookup_signed_in(&db, &token, now)
                .await
                .expect("lookup")
                .expect("live")
                .unread_notices
        }
    };
    assert_eq!(unread(db).await, 0);
    let mut tx = db.begin().await.expect("begin");
    for text in ["Een", "Twee"] {
        notifications::add(&mut tx, user, org, &lines(text), "/", now).await.expect("add");
    }
    tx.commit().await.expect("commit");
    assert_eq!(unread(db).await, 2);
    assert_eq!(notifications::unread_count(db, user).await.expect("count"), 2);
    assert_eq!(notifications::mark_all_read(db, user, now).await.expect("read"), 2);
    assert_eq!(unread(db).await, 0);
}

async fn a_member_who_leaves_keeps_no_notices_of_the_organisation(db: &Db) {
    let (user, org) = user_and_org(db).await;
    let now = datetime!(2026-11-25 10:00 UTC);
    let mut tx = db.begin().await.expect("begin");
    users::set_membership(&mut tx, &actor(), user, org, Role::Staff).await.expect("member");
    notifications::add_for_digest(&mut tx, user, org, &lines("Adviesaanvraag Renovatie De Linde"), "/a", now)
        .await
        .expect("add");
    tx.commit().await.expect("commit");
    assert_eq!(notifications::awaiting_digest(db, user).await.expect("count"), 1);

    // Removed at noon: the evening's digest and the app no longer carry what the organisation told its member.
    let mut tx = db.begin().await.expect("begin");
    users::remove_membership(&mut tx, &actor(), user, org).await.expect("leave");
    tx.commit().await.expect("commit");
    assert_eq!(notifications::awaiting_digest(db, user).await.expect("count"), 0);
    let mut tx = db.begin().await.expect("begin");
    assert!(notifications::take_digest(&mut tx, user).await.expect("take").is_empty(), "nothing left to mail");
    tx.commit().await.expect("commit");
    assert!(notifications::unread(db, user, 10).await.expect("unread").is_empty(), "nothing left in the app");
}

/// A notice keeps both lines: a reader who switched language reads it in the new one, in the app and in a digest.
async fn a_notice_reads_in_the_language_of_its_reader(db: &Db) {
    let (user, org) = user_and_org(db).await;
    let now = datetime!(2026-11-25 10:00 UTC);
    let mut tx = db.begin().await.expect("begin");
    let both = Lines { nl: "Nieuwe adviesaanvraag".to_owned(), en: "New request for advice".to_owned() };
    notifications::add_for_digest(&mut tx, user, org, &both, "/a", now).await.expect("add");
    tx.commit().await.expect("commit");
    let unread = notifications::unread(db, user, 10).await.expect("unread");
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0].text_in("nl"), "Nieuwe adviesaanvraag");
    assert_eq!(unread[0].text_in("en"), "New request for advice");
    let mut tx = db.begin().await.expect("begin");
    let taken = notifications::take_digest(&mut tx, user).await.expect("take");
    tx.commit().await.expect("commit");
    assert_eq!(taken.iter().map(|n| n.text_in("en")).collect::<Vec<_>>(), ["New request for advice"]);
}
