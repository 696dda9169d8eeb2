//! Logging in and out, throttling, sessions, CSRF, language and password reset, through the real router.

mod common;

use axum::http::StatusCode;
use common::{TestApp, PASSWORD};
use time::Duration;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::{outbox, users};

on_both_backends!(
    login_shows_the_dashboard_of_the_users_organisation,
    wrong_password_keeps_the_address_and_says_why,
    repeated_failures_earn_growing_delays_not_a_lock,
    an_attackers_failures_do_not_stop_the_owner,
    logout_ends_the_session,
    account_changes_count_at_once_here_and_within_seconds_elsewhere,
    idle_sessions_expire,
    forms_without_the_csrf_token_are_refused,
    language_switch_is_remembered,
    password_reset_by_mail_link,
    a_password_reset_ends_the_login_delay,
    an_account_with_an_address_from_before_the_stricter_check_still_resets,
    a_signed_in_user_changes_their_password_and_other_sessions_end,
    reset_for_unknown_address_looks_the_same_and_sends_nothing,
    reset_mails_are_limited_and_only_the_newest_link_works,
    blocked_users_cannot_log_in,
    login_returns_to_the_page_asked_for,
    behind_a_trusted_proxy_addresses_come_from_the_proxy,
);

async fn login_shows_the_dashboard_of_the_users_organisation(mut app: TestApp) {
    let page = app.get("/login").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<html lang=\"nl\">") && page.body.contains("Inloggen"));
    let cookie_header = page.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap_or("")).collect::<Vec<_>>();
    assert!(cookie_header
        .iter()
        .any(|c| c.starts_with("vh_csrf=") && c.contains("HttpOnly") && c.contains("SameSite=Strict")));

    let login = app.login("medewerker@woonstad.test").await;
    assert_eq!(login.location(), Some("/dashboard"));
    let set =
        login.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap_or("").to_owned()).collect::<Vec<_>>();
    let session = set.iter().find(|c| c.starts_with("vh_session=")).expect("session cookie");
    for flag in ["HttpOnly", "Secure", "SameSite=Lax"] {
        assert!(session.contains(flag), "{flag} missing in {session}");
    }
    let dashboard = app.get("/dashboard").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(dashboard.body.contains("Welkom, Bram Jansen"), "{}", dashboard.body);
    assert!(dashboard.body.contains("Woonstad Voorbeeld") && dashboard.body.contains("Medewerker"));
    assert!(!dashboard.body.contains("/admin/users"), "staff sees no admin menu");
}

async fn wrong_password_keeps_the_address_and_says_why(mut app: TestApp) {
    let response = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "niet het wachtwoord")]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("E-mailadres of wachtwoord klopt niet."));
    assert!(response.body.contains("value=\"lezer@woonstad.test\""), "typed address kept");
    assert!(!response.body.contains("niet het wachtwoord"), "password never echoed");
    assert!(app.get("/dashboard").await.is_login_redirect());
    let unknown = app.post("/login", &[("email", "niemand@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY, "unknown account gets the same answer");
    assert!(unknown.body.contains("E-mailadres of wachtwoord klopt niet."));
}

/// Sends one login; when the answer is a delay, waits it out on the test clock first (as a patient attacker would)
/// and tries again, so every call ends in a checked attempt.
async fn attempt(app: &mut TestApp, email: &str, password: &str) -> common::Resp {
    loop {
        let r = app.post("/login", &[("email", email), ("password", password)]).await;
        if r.status != StatusCode::TOO_MANY_REQUESTS {
            return r;
        }
        let seconds: i64 = r.headers["retry-after"].to_str().expect("ascii").parse().expect("seconds");
        app.state.clock.advance(Duration::seconds(seconds));
    }
}

async fn repeated_failures_earn_growing_delays_not_a_lock(mut app: TestApp) {
    for _ in 0..4 {
        let r = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "fout fout fout")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "three free failures, the fourth is checked too");
    }
    let delayed = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(delayed.status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits its turn");
    assert!(delayed.body.contains("Probeer het over 5 seconden opnieuw."), "{}", delayed.body);
    assert_eq!(delayed.headers["retry-after"], "5");
    assert!(delayed.body.contains("value=\"lezer@woonstad.test\""), "typed address kept");
    // The delay passes by itself; the next failure doubles it.
    app.state.clock.advance(Duration::seconds(5));
    let fifth = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "fout fout fout")]).await;
    assert_eq!(fifth.status, StatusCode::UNPROCESSABLE_ENTITY);
    let longer = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(longer.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(longer.body.contains("Probeer het over 10 seconden opnieuw."), "{}", longer.body);
    app.state.clock.advance(Duration::seconds(9));
    let almost = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert!(almost.body.contains("Probeer het over 1 seconde opnieuw."), "{}", almost.body);
    app.state.clock.advance(Duration::seconds(1));
    let after = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER, "{}", after.body);
    // Success forgets the pair's failures: a later slip costs nothing.
    app.clear_cookies();
    let slip = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "fout fout fout")]).await;
    assert_eq!(slip.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(attempt(&mut app, "lezer@woonstad.test", PASSWORD).await.status, StatusCode::SEE_OTHER);
}

async fn an_attackers_failures_do_not_stop_the_owner(mut app: TestApp) {
    app.restart(volkshuis_web::Config { trust_proxy: true, ..Default::default() });
    let owner_logs_in = |mut app: TestApp| async move {
        app.clear_cookies();
        app.headers = vec![("x-forwarded-for", "192.0.2.44".to_owned())];
        let owner = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
        assert_eq!(owner.status, StatusCode::SEE_OTHER, "the owner, from their own address: {}", owner.body);
        app.clear_cookies();
        app.headers = vec![("x-forwarded-for", "203.0.113.9".to_owned())];
        app
    };
    // A burst of wrong passwords from a stranger's address, as fast as it can send them…
    app.headers = vec![("x-forwarded-for", "203.0.113.9".to_owned())];
    for _ in 0..6 {
        app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "fout fout fout")]).await;
    }
    let mut app = owner_logs_in(app).await;
    // …and a patient stranger, each failure as soon as allowed: the delays double up to the ceiling of 900 s.
    for _ in 0..12 {
        let r = attempt(&mut app, "lezer@woonstad.test", "fout fout fout").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let attacker = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(attacker.status, StatusCode::TOO_MANY_REQUESTS, "the guessing address waits");
    assert!(attacker.body.contains("Probeer het over 900 seconden opnieuw."), "{}", attacker.body);
    owner_logs_in(app).await;
}

async fn logout_ends_the_session(mut app: TestApp) {
    app.login("admin@woonstad.test").await;
    let token = app.cookie("vh_session").expect("session").to_owned();
    let out = app.post("/logout", &[]).await;
    assert_eq!(out.location(), Some("/login?notice=logged_out"));
    assert_eq!(app.cookie("vh_session"), None, "cookie removed");
    let notice = app.get("/login?notice=logged_out").await;
    assert!(notice.body.contains("U bent uitgelogd."));
    app.set_cookie("vh_session", &token);
    assert!(app.get("/dashboard").await.is_login_redirect(), "the old token is dead on the server too");
}

/// Who is signed in is reused for a few seconds per session (ADR 0012); a change made through this server counts
/// from the next request, one made elsewhere (the CLI, another server) at the latest five seconds later.
async fn account_changes_count_at_once_here_and_within_seconds_elsewhere(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    let stock = format!("/orgs/{org}/stock");
    app.login("medewerker@woonstad.test").await;
    let staff = app.cookie("vh_session").expect("session").to_owned();
    assert_eq!(app.get(&stock).await.status, StatusCode::OK);

    app.login("admin@woonstad.test").await;
    let member = app.user_id("medewerker@woonstad.test").await;
    let removed = app.post(&format!("/orgs/{org}/members/{member}/remove"), &[("confirmed", "yes")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let admin = app.cookie("vh_session").expect("session").to_owned();
    app.clear_cookies();
    app.set_cookie("vh_session", &staff);
    assert_eq!(app.get(&stock).await.status, StatusCode::FORBIDDEN, "a change made here counts at once");

    app.set_cookie("vh_session", &admin);
    assert_eq!(app.get(&stock).await.status, StatusCode::OK);
    let mut tx = app.state.db.begin().await.expect("begin");
    let blocked = users::UserUpdate {
        name: Name::parse("Woonstad Beheer").expect("name"),
        is_platform_admin: false,
        active: false,
    };
    users::update(
        &mut tx,
        &Actor::system("cli", app.state.clock.now()),
        app.user_id("admin@woonstad.test").await,
        &blocked,
    )
    .await
    .expect("block");
    tx.commit().await.expect("commit");
    // The lookup from a moment ago is still trusted (that is the point of keeping it) …
    assert_eq!(app.get(&stock).await.status, StatusCode::OK);
    // … for five seconds at most.
    app.state.clock.advance(Duration::seconds(5));
    assert!(app.get(&stock).await.is_login_redirect(), "a change made elsewhere counts within five seconds");
}

async fn idle_sessions_expire(mut app: TestApp) {
    app.login("admin@woonstad.test").await;
    app.state.clock.advance(Duration::minutes(110));
    assert_eq!(app.get("/dashboard").await.status, StatusCode::OK, "use keeps the session alive");
    app.state.clock.advance(Duration::minutes(119));
    assert_eq!(app.get("/dashboard").await.status, StatusCode::OK);
    app.state.clock.advance(Duration::minutes(121));
    // A form sent after the session ended: what was typed is shown back, to copy, with the way to log in again —
    // the login page says it was not saved (it said nothing) and leads back to the form's page (the address the
    // form was sent to takes no GET). A form with nothing typed in it goes to the login page at once.
    let org = app.org_id("woonstad").await;
    app.headers.push(("referer", format!("http://localhost:8080/orgs/{org}/api-tokens")));
    let sent = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", "Koppeling met het ERP")]).await;
    let to_login = format!("/login?next=%2Forgs%2F{org}%2Fapi-tokens&#38;notice=not_saved");
    assert_eq!(sent.status, StatusCode::UNAUTHORIZED);
    assert!(sent.main().contains("U bent intussen uitgelogd"), "{}", sent.main());
    assert!(sent.main().contains("readonly rows=\"6\">Koppeling met het ERP</textarea>"), "{}", sent.main());
    assert!(sent.main().contains(&format!("href=\"{to_login}\"")), "{}", sent.main());
    let nothing_typed = app.post(&format!("/orgs/{org}/api-tokens"), &[("name", "")]).await;
    app.headers.clear();
    let to_login = format!("/login?next=%2Forgs%2F{org}%2Fapi-tokens&notice=not_saved");
    assert_eq!(nothing_typed.location(), Some(to_login.as_str()), "{:?}", nothing_typed.status);
    let login = app.get(&to_login).await;
    assert!(login.main().contains("dus wat u net verstuurde is niet opgeslagen"), "{}", login.main());
    let expired = app.get("/dashboard").await;
    assert!(expired.is_login_redirect(), "{:?}", expired.status);
    assert_eq!(expired.location(), Some("/login?next=%2Fdashboard"), "a page asked for is no form lost");
}

async fn forms_without_the_csrf_token_are_refused(mut app: TestApp) {
    app.get("/login").await;
    let missing = app.post_raw("/login", &[("email", "admin@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.body.contains("Formulier verlopen"), "{}", missing.body);
    let wrong = app
        .post_raw(
            "/login",
            &[("csrf", "x".repeat(43).as_str()), ("email", "admin@woonstad.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(app.cookie("vh_session"), None);
    // A refused form shows back what was typed in it (never a password), to copy into the form again.
    assert!(wrong.main().contains(">admin@woonstad.test</textarea>"), "{}", wrong.main());
    assert!(!wrong.body.contains(PASSWORD), "{}", wrong.main());

    app.login("beheer@volkshuis.test").await;
    let forged = app.post_raw("/admin/orgs/new", &[("name", "Nep"), ("code", "nep"), ("kind", "partner")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let orgs = app.get("/admin/orgs").await;
    assert!(!orgs.body.contains("nep</code>"), "nothing was created");
}

async fn language_switch_is_remembered(mut app: TestApp) {
    let switched = app.post("/language", &[("lang", "en"), ("back", "/login")]).await;
    assert_eq!(switched.location(), Some("/login"));
    let english = app.get("/login").await;
    assert!(english.body.contains("<html lang=\"en\">") && english.body.contains("Log in"));
    let evil = app.post("/language", &[("lang", "en"), ("back", "https://evil.example/")]).await;
    assert_eq!(evil.location(), Some("/"), "only local redirects");

    app.login("medewerker@woonstad.test").await; // a fresh browser: Dutch until the account says otherwise
    app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    assert!(app.get("/dashboard").await.body.contains("Welcome, Bram Jansen"));
    app.login("medewerker@woonstad.test").await; // another browser: the account's choice comes along
    assert!(app.get("/dashboard").await.body.contains("Welcome, Bram Jansen"));

    // English chosen on the login page is kept through the login, and the account keeps it.
    app.clear_cookies();
    app.post("/language", &[("lang", "en"), ("back", "/login")]).await;
    let reader = app.user_id("lezer@woonstad.test").await;
    let db = app.state.db.clone();
    let locale = || async {
        volkshuis_store::testdb::sql::query_scalar::<String>("SELECT locale FROM users WHERE id = $1")
            .bind(reader)
            .fetch_one(&db)
            .await
            .expect("locale")
    };
    assert_eq!(locale().await, "nl");
    let fields = [("email", "lezer@woonstad.test"), ("password", common::PASSWORD)];
    assert_eq!(app.post("/login", &fields).await.status, StatusCode::SEE_OTHER);
    assert!(app.get("/dashboard").await.body.contains("<html lang=\"en\">"), "kept through the login");
    assert_eq!(locale().await, "en", "and stored in the account");
    // A language left behind by an earlier user of the browser (not chosen before this login) changes nothing.
    app.post("/logout", &[]).await;
    let fields = [("email", "admin@woonstad.test"), ("password", common::PASSWORD)];
    assert_eq!(app.post("/login", &fields).await.status, StatusCode::SEE_OTHER);
    assert!(app.get("/dashboard").await.body.contains("<html lang=\"nl\">"), "the account's own language");
}

async fn password_reset_by_mail_link(mut app: TestApp) {
    let asked = app.post("/password/forgot", &[("email", "Lezer@Woonstad.test ")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("Als dit adres bij ons bekend is"));
    let mail = outbox::list(&app.state.db, 10).await.expect("outbox");
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to_address, "lezer@woonstad.test");
    assert_eq!(mail[0].status, outbox::Status::Held, "no SMTP: held in the outbox");
    let link = mail[0].body.lines().find(|l| l.contains("/password/reset?token=")).expect("link in mail");
    let path = &link[link.find("/password/reset").expect("path")..];
    let token = path.split("token=").nth(1).expect("token").to_owned();

    assert_eq!(app.get(path).await.status, StatusCode::OK);
    let mismatch = app
        .post("/password/reset", &[("token", &token), ("password", "een nieuw wachtwoord"), ("confirm", "iets anders")])
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mismatch.body.contains("De wachtwoorden zijn niet gelijk."));
    let short = app.post("/password/reset", &[("token", &token), ("password", "kort"), ("confirm", "kort")]).await;
    assert!(short.body.contains("Gebruik minstens 10 tekens."));
    let done = app
        .post(
            "/password/reset",
            &[("token", &token), ("password", "een nieuw wachtwoord"), ("confirm", "een nieuw wachtwoord")],
        )
        .await;
    assert_eq!(done.location(), Some("/login?notice=password_changed"));

    let reused = app
        .post(
            "/password/reset",
            &[("token", &token), ("password", "nog een wachtwoord"), ("confirm", "nog een wachtwoord")],
        )
        .await;
    assert_eq!(reused.status, StatusCode::NOT_FOUND, "single use");
    let old = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "een nieuw wachtwoord")]).await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
}

/// The reset path in the newest mail to `to`, and how many mails went there.
async fn newest_reset_link(app: &TestApp, to: &str) -> (String, usize) {
    let mail = outbox::list(&app.state.db, 100).await.expect("outbox");
    let mine: Vec<_> = mail.iter().filter(|m| m.to_address == to).collect();
    let newest = mine.iter().max_by_key(|m| m.id).expect("a mail");
    let line = newest.body.lines().find(|l| l.contains("/password/reset?token=")).expect("link in mail");
    (line[line.find("/password/reset").expect("path")..].to_owned(), mine.len())
}

async fn reset_mails_are_limited_and_only_the_newest_link_works(mut app: TestApp) {
    // Thirty requests at once for one account: one mail, one more (the first went to spam), then a clear wait.
    let mut answers = Vec::new();
    for _ in 0..30 {
        answers.push(app.post("/password/forgot", &[("email", "lezer@woonstad.test")]).await);
    }
    assert!(answers[..2]
        .iter()
        .all(|a| a.status == StatusCode::OK && a.body.contains("Als dit adres bij ons bekend is")));
    let waited = &answers[2];
    assert_eq!(waited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(waited.body.contains("Probeer het over 60 seconden opnieuw."), "{}", waited.body);
    assert!(waited.body.contains("value=\"lezer@woonstad.test\""), "typed address kept");
    assert!(answers[2..].iter().all(|a| a.status == StatusCode::TOO_MANY_REQUESTS));
    let (newest, mails) = newest_reset_link(&app, "lezer@woonstad.test").await;
    assert_eq!(mails, 2, "thirty requests, two mails");
    // The first link died when the second was sent.
    let first = outbox::list(&app.state.db, 100).await.expect("outbox").into_iter().min_by_key(|m| m.id).expect("mail");
    let line = first.body.lines().find(|l| l.contains("/password/reset?token=")).expect("link");
    let first = line[line.find("/password/reset").expect("path")..].to_owned();
    assert_ne!(first, newest);
    assert_eq!(app.get(&first).await.status, StatusCode::NOT_FOUND, "an older link no longer works");
    assert_eq!(app.get(&newest).await.status, StatusCode::OK);

    // An unknown address gets the very same answers, so the delay tells nothing about which addresses exist.
    app.state.clock.advance(Duration::hours(2));
    let unknown: Vec<_> = {
        let mut all = Vec::new();
        for _ in 0..3 {
            all.push(app.post("/password/forgot", &[("email", "niemand@example.nl")]).await.status);
        }
        all
    };
    assert_eq!(unknown, vec![StatusCode::OK, StatusCode::OK, StatusCode::TOO_MANY_REQUESTS]);

    // One client asking for many addresses waits too, in its own namespace.
    app.state.clock.advance(Duration::hours(2));
    for n in 0..6 {
        let email = format!("iemand{n}@example.nl");
        assert_eq!(app.post("/password/forgot", &[("email", email.as_str())]).await.status, StatusCode::OK);
    }
    let seventh = app.post("/password/forgot", &[("email", "medewerker@woonstad.test")]).await;
    assert_eq!(seventh.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!outbox::list(&app.state.db, 100)
        .await
        .expect("outbox")
        .iter()
        .any(|m| m.to_address.starts_with("medewerker")));
}

async fn reset_for_unknown_address_looks_the_same_and_sends_nothing(mut app: TestApp) {
    let asked = app.post("/password/forgot", &[("email", "niemand@example.nl")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("Als dit adres bij ons bekend is"));
    assert!(outbox::list(&app.state.db, 10).await.expect("outbox").is_empty());
    let invalid = app.post("/password/forgot", &[("email", "geen adres")]).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(invalid.body.contains("value=\"geen adres\"") && invalid.body.contains("Dit is geen geldige waarde."));
    let expired = app.get("/password/reset?token=verzonnen").await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);
    assert!(expired.body.contains("verlopen of al gebruikt"));
}

async fn blocked_users_cannot_log_in(mut app: TestApp) {
    app.login("medewerker@woonstad.test").await;
    let staff_token = app.cookie("vh_session").expect("session").to_owned();
    app.login("beheer@volkshuis.test").await;
    let id = app.user_id("medewerker@woonstad.test").await;
    let blocked = app.post(&format!("/admin/users/{id}"), &[("name", "Bram Jansen")]).await;
    assert_eq!(blocked.status, StatusCode::SEE_OTHER);
    app.clear_cookies();
    let refused = app.post("/login", &[("email", "medewerker@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.set_cookie("vh_session", &staff_token);
    assert!(app.get("/dashboard").await.is_login_redirect(), "blocking ends running sessions");
}

async fn login_returns_to_the_page_asked_for(mut app: TestApp) {
    let asked = app.get("/admin/audit?entity=user").await;
    assert_eq!(asked.location(), Some("/login?next=%2Fadmin%2Faudit%3Fentity%3Duser"));
    let login_page = app.get(asked.location().expect("location")).await;
    assert!(login_page.body.contains("name=\"next\" value=\"/admin/audit?entity=user\""));
    let response = app
        .post(
            "/login",
            &[("email", "beheer@volkshuis.test"), ("password", PASSWORD), ("next", "/admin/audit?entity=user")],
        )
        .await;
    assert_eq!(response.location(), Some("/admin/audit?entity=user"));
}

async fn behind_a_trusted_proxy_addresses_come_from_the_proxy(mut app: TestApp) {
    app.restart(volkshuis_web::Config { trust_proxy: true, ..Default::default() });
    // Eleven failures from one client, each on another account: that client's address must wait…
    app.headers = vec![("x-forwarded-for", "203.0.113.9, 10.0.0.7".to_owned())];
    for n in 0..11 {
        let account = format!("iemand{n}@example.nl");
        app.post("/login", &[("email", account.as_str()), ("password", "fout fout fout")]).await;
    }
    let locked = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    // …but another client behind the same proxy is not.
    app.clear_cookies();
    app.headers = vec![("x-forwarded-for", "10.0.0.8".to_owned())];
    let other = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(other.status, StatusCode::SEE_OTHER, "{}", other.body);

    // Without trust the header is ignored: a forged X-Forwarded-For does not escape the delay.
    app.restart(volkshuis_web::Config::default());
    app.clear_cookies();
    for n in 0..11 {
        app.headers = vec![("x-forwarded-for", format!("198.51.100.{n}"))];
        let account = format!("ander{n}@example.nl");
        app.post("/login", &[("email", account.as_str()), ("password", "fout fout fout")]).await;
    }
    app.headers = vec![("x-forwarded-for", "198.51.100.99".to_owned())];
    let still = app.post("/login", &[("email", "medewerker@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(still.status, StatusCode::TOO_MANY_REQUESTS, "all came from the same socket");
}

/// Without a page of its own, a first administrator kept the password printed once by `user add`, or went through
/// "forgot password" and the outbox. The current password is asked first (a session left open does not hand over
/// the account) and counts as a login attempt; the other devices are signed out, this browser stays in.
async fn a_signed_in_user_changes_their_password_and_other_sessions_end(mut app: TestApp) {
    let email = "lezer@woonstad.test";
    let path = "/account/wachtwoord";
    assert_eq!(app.get(path).await.status, StatusCode::SEE_OTHER, "signed in only");
    // Another device, signed in before.
    app.login(email).await;
    let elsewhere = app.cookies_snapshot();
    app.login(email).await;
    let page = app.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("autocomplete=\"current-password\"") && page.body.contains("Wachtwoord wijzigen"));
    assert!(
        app.get("/account/notifications").await.body.contains("href=\"/account/wachtwoord\""),
        "reached from the header's page"
    );
    let wrong = app
        .post(
            path,
            &[
                ("current_password", "niet mijn wachtwoord"),
                ("password", "een nieuw wachtwoord"),
                ("confirm", "een nieuw wachtwoord"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Dit is niet uw huidige wachtwoord."), "{}", wrong.main());
    assert!(!wrong.body.contains("een nieuw wachtwoord"), "passwords are never shown back");
    let mismatch = app
        .post(path, &[("current_password", PASSWORD), ("password", "een nieuw wachtwoord"), ("confirm", "iets anders")])
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mismatch.body.contains("De wachtwoorden zijn niet gelijk."));
    let short = app.post(path, &[("current_password", PASSWORD), ("password", "kort"), ("confirm", "kort")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("Gebruik minstens 10 tekens."));
    let done = app
        .post(
            path,
            &[
                ("current_password", PASSWORD),
                ("password", "een nieuw wachtwoord"),
                ("confirm", "een nieuw wachtwoord"),
            ],
        )
        .await;
    assert_eq!(done.location(), Some("/account/wachtwoord?notice=password_saved"), "{}", done.body);
    let after = app.get("/account/wachtwoord?notice=password_saved").await;
    assert_eq!(after.status, StatusCode::OK, "this browser stays signed in");
    assert!(after.body.contains("Uw nieuwe wachtwoord is opgeslagen. Op andere apparaten bent u uitgelogd."));
    let here = app.cookies_snapshot();
    app.restore_cookies(&elsewhere);
    assert_eq!(app.get("/dashboard").await.status, StatusCode::SEE_OTHER, "the other device is signed out");
    app.restore_cookies(&here);
    let old = app.post("/login", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new = app.post("/login", &[("email", email), ("password", "een nieuw wachtwoord")]).await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
    let trail: i64 = volkshuis_store::testdb::sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'set_password' AND entity_id = $1",
    )
    .bind(app.user_id(email).await.to_string())
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert_eq!(trail, 1, "the change is in the log");

    // A form whose token no longer matches (an old page) is rescued without showing a password back.
    let typed = [("csrf", "verlopen"), ("current_password", "Mijn Geheim 1!"), ("password", "Nieuw Geheim 2!")];
    let rescued = app.post_raw(path, &typed).await;
    assert_eq!(rescued.status, StatusCode::FORBIDDEN);
    assert!(!rescued.body.contains("Mijn Geheim") && !rescued.body.contains("Nieuw Geheim"), "{}", rescued.main());
    // Guessing the current password from an open session is paced as a login is.
    let mut paced = None;
    for attempt in 1..=6 {
        let guess = [
            ("current_password", "geraden?"),
            ("password", "een ander wachtwoord"),
            ("confirm", "een ander wachtwoord"),
        ];
        let resp = app.post(path, &guess).await;
        if resp.status == StatusCode::TOO_MANY_REQUESTS {
            paced = Some((attempt, resp));
            break;
        }
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}");
    }
    let (attempt, resp) = paced.expect("a wait after repeated wrong passwords");
    assert!(attempt >= 4, "three free failures first: waited at attempt {attempt}");
    assert!(resp.body.contains("Probeer het over"), "{}", resp.main());
    assert!(resp.headers.contains_key("retry-after"));
}

/// Whoever opens the mailed link owns the account: the delay earned by wrong passwords from this address ends with
/// the reset (it kept the owner waiting up to fifteen minutes after proving it).
async fn a_password_reset_ends_the_login_delay(mut app: TestApp) {
    for _ in 0..4 {
        app.post("/login", &[("email", "lezer@woonstad.test"), ("password", "fout fout fout")]).await;
    }
    let delayed = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", PASSWORD)]).await;
    assert_eq!(delayed.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.post("/password/forgot", &[("email", "lezer@woonstad.test")]).await.status, StatusCode::OK);
    let mail = outbox::list(&app.state.db, 1).await.expect("outbox");
    let link = mail[0].body.lines().find(|l| l.contains("/password/reset?token=")).expect("link in mail");
    let token = link.split("token=").nth(1).expect("token").trim().to_owned();
    let new = "een nieuw wachtwoord";
    let done = app.post("/password/reset", &[("token", &token), ("password", new), ("confirm", new)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let login = app.post("/login", &[("email", "lezer@woonstad.test"), ("password", new)]).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER, "no wait after the reset: {}", login.body);
}

/// Addresses are checked as mail programs write them since stop 51; an account made before with one the check now
/// refuses (`carla..smit@…`) still gets its reset link, and an unknown such address is still called wrong.
async fn an_account_with_an_address_from_before_the_stricter_check_still_resets(mut app: TestApp) {
    volkshuis_store::testdb::sql::query("UPDATE users SET email = 'carla..smit@woonstad.test' WHERE email = $1")
        .bind("lezer@woonstad.test")
        .execute(&app.state.db)
        .await
        .expect("an old address");
    let asked = app.post("/password/forgot", &[("email", "Carla..Smit@woonstad.test")]).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.main());
    let mail = outbox::list(&app.state.db, 1).await.expect("outbox");
    assert_eq!(mail[0].to_address, "carla..smit@woonstad.test");
    let unknown = app.post("/password/forgot", &[("email", "niemand..hier@woonstad.test")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}
