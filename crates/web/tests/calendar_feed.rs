//! The calendar feed through the real router on both databases (ADR 0034): a member makes a secret address on
//! `/account/calendar` and a calendar app fetches it without a session; it lists exactly what the member may see
//! now (nothing of other organisations, nothing after the membership ends); a new secret or a revocation stops the
//! old address; meetings get hours and a place, checked at their fields.

mod common;

use axum::http::StatusCode;
use common::{Resp, TestApp};
use time::Duration;

on_both_backends!(
    the_feed_lists_what_each_member_may_see_and_nothing_else,
    a_new_address_or_a_revocation_stops_the_old_one,
    a_removed_member_stops_seeing_the_organisation,
    social_return_dates_go_to_the_parties_that_act_on_them,
    meeting_hours_and_place_are_checked_at_their_fields,
    the_feed_speaks_the_users_language_and_marks_undecreed_deadlines,
    feeds_are_throttled_per_address_and_per_feed
);

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const CORPORATION_ADMIN: &str = "admin@woonstad.test";
/// Dirk Bakker: admin of De Sleutel and staff of Bewonersraad Noord.
const BOARD: &str = "bestuur@desleutel.test";
/// Esra Yilmaz: admin of Bewonersraad Noord only.
const NOORD: &str = "secretaris@bewonersraadnoord.test";

/// The corporation sends an advice request received on `received` to the tenant organisation `tenant_code`.
async fn send_advice(app: &mut TestApp, tenant_code: &str, title: &str, received: &str) {
    app.reach_day(received);
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id(tenant_code).await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{corporation}/overleg/nieuw"),
            &[
                ("tenant_org_id", &tenant),
                ("kind", "advice"),
                ("subject", "maintenance"),
                ("title", title),
                ("explanation", "Graag uw advies."),
                ("received_on", received),
                ("agreed_weeks", ""),
                ("clusters", ""),
            ],
            &[("plan.pdf", PDF)],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
}

/// The corporation plans a meeting with `tenant_code`; returns the meeting's page.
async fn plan_meeting(app: &mut TestApp, tenant_code: &str, fields: &[(&str, &str)]) -> String {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id(tenant_code).await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let mut form = vec![("meeting_tenant", tenant.as_str())];
    form.extend_from_slice(fields);
    let resp = app.post(&format!("/orgs/{corporation}/overleg/vergaderingen"), &form).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    resp.location().expect("meeting page").split('?').next().expect("path").to_owned()
}

/// Woonstad asks both its tenant organisations for advice on 25 November 2026 (answers due 6 January 2027) and plans
/// a meeting with each: De Sleutel's at an hour and place, Noord's on a day only.
async fn overleg_of_both_organisations(app: &mut TestApp) {
    send_advice(app, "hv-de-sleutel", "Isolatie daken De Linde", "25-11-2026").await;
    send_advice(app, "bewonersraad-noord", "Voorrang ouderen Noordkade", "25-11-2026").await;
    plan_meeting(
        app,
        "hv-de-sleutel",
        &[
            ("held_on", "2026-12-10"),
            ("title", "Najaarsoverleg"),
            ("starts_at", "19:30"),
            ("ends_at", "21:30"),
            ("place", "Buurthuis De Linde, zaal 2"),
        ],
    )
    .await;
    plan_meeting(app, "bewonersraad-noord", &[("held_on", "2026-12-15"), ("title", "Overleg Noord")]).await;
}

/// The path of the feed address in a page that shows it (the answer that made it).
fn feed_path(page: &Resp) -> String {
    let start = page.body.find("/calendar/vhc_").unwrap_or_else(|| panic!("no feed address in {}", page.body));
    let rest = &page.body[start..];
    let end = rest.find(".ics").expect("the address ends in .ics") + 4;
    rest[..end].to_owned()
}

/// Logs in as `email`, makes (or renews) the feed and returns its path.
async fn make_feed(app: &mut TestApp, email: &str) -> String {
    app.login(email).await;
    let made = app.post("/account/calendar", &[]).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert!(made.body.contains("http://localhost:8080/calendar/vhc_"), "the full address to paste");
    feed_path(&made)
}

/// Fetches a feed as a calendar app does: no cookies.
async fn fetch(app: &mut TestApp, path: &str) -> Resp {
    app.clear_cookies();
    app.get(path).await
}

/// The feed's text with folded lines joined again (RFC 5545 §3.1).
fn unfolded(feed: &Resp) -> String {
    feed.body.replace("\r\n ", "")
}

/// The UIDs in a feed, in order.
fn uids(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.strip_prefix("UID:")).map(str::to_owned).collect()
}

/// The lines of the event whose SUMMARY starts with `summary`.
fn event<'a>(text: &'a str, summary: &str) -> Option<&'a str> {
    text.split("BEGIN:VEVENT").skip(1).find(|e| e.contains(&format!("\r\nSUMMARY:{summary}")))
}

async fn the_feed_lists_what_each_member_may_see_and_nothing_else(mut app: TestApp) {
    overleg_of_both_organisations(&mut app).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    // De Sleutel's budget for 2026, to be accounted for by 28 February 2027, a Sunday: so on Monday 1 March.
    let corporation = app.org_id("woonstad").await;
    let budget = [("budget_tenant", sleutel.to_string()), ("year", "2026".to_owned()), ("amount", "5000".to_owned())];
    let budget: Vec<(&str, &str)> = budget.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let resp = app.post(&format!("/orgs/{corporation}/overleg/budget"), &budget).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);

    let dirk = make_feed(&mut app, BOARD).await;
    let feed = fetch(&mut app, &dirk).await;
    assert_eq!(feed.status, StatusCode::OK, "{}", feed.body);
    assert_eq!(feed.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(feed.body.starts_with("BEGIN:VCALENDAR\r\n") && feed.body.ends_with("END:VCALENDAR\r\n"));
    assert!(feed.body.split("\r\n").all(|l| l.len() <= 75), "lines folded at 75 octets");
    let text = unfolded(&feed);
    assert!(text.contains("X-WR-CALNAME:Volkshuis — Dirk Bakker"), "{text}");

    // De Sleutel's deadline, all day, with the rule, a link to the case and the board's reminders at nine.
    let answer = event(&text, "Antwoord uiterlijk: Isolatie daken De Linde").expect("De Sleutel's deadline");
    assert!(answer.contains("DTSTART;VALUE=DATE:20270106\r\nDTEND;VALUE=DATE:20270107"), "{answer}");
    assert!(answer.contains("6 weken na ontvangst (art. 5 Overlegwet)"), "{answer}");
    assert!(answer.contains(&format!("URL:http://localhost:8080/orgs/{sleutel}/overleg/")), "{answer}");
    assert!(answer.contains("TRIGGER:-P6DT15H") && answer.contains("TRIGGER:-P1DT15H"), "7 and 2 days: {answer}");
    // Noord's too: Dirk is on its staff.
    assert!(event(&text, "Antwoord uiterlijk: Voorrang ouderen Noordkade").is_some(), "{text}");

    // The meeting with hours and place, in Amsterdam time; the other on its day.
    let meeting = event(&text, "Najaarsoverleg — Woonstad Voorbeeld").expect("the meeting");
    assert!(meeting.contains("DTSTART;TZID=Europe/Amsterdam:20261210T193000"), "{meeting}");
    assert!(meeting.contains("DTEND;TZID=Europe/Amsterdam:20261210T213000"), "{meeting}");
    assert!(meeting.contains("LOCATION:Buurthuis De Linde\\, zaal 2"), "{meeting}");
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"));
    let noord_meeting = event(&text, "Overleg Noord — Woonstad Voorbeeld").expect("Noord's meeting");
    assert!(noord_meeting.contains("DTSTART;VALUE=DATE:20261215"), "{noord_meeting}");
    assert!(noord_meeting.contains("Het tijdstip is nog niet bekend."), "{noord_meeting}");

    // The budget to account for, with the board's reminder two weeks ahead.
    let budget = event(&text, "Verantwoording overlegbudget 2026").expect("the budget");
    assert!(budget.contains("DTSTART;VALUE=DATE:20270301") && budget.contains("TRIGGER:-P13DT15H"), "{budget}");
    assert!(budget.contains(&format!("/orgs/{sleutel}/overleg/budget/{corporation}/2026")), "{budget}");

    // Fetched again: the same events under the same ids, so a calendar updates instead of adding.
    let again = unfolded(&fetch(&mut app, &dirk).await);
    assert_eq!(uids(&again), uids(&text));
    let ids = uids(&text);
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert_eq!(ids.iter().collect::<std::collections::HashSet<_>>().len(), ids.len(), "each once");
    assert!(ids.iter().all(|id| id.ends_with("@localhost")), "{ids:?}");

    // Esra is in Noord only: Noord's deadline and meeting, nothing of De Sleutel.
    let esra = make_feed(&mut app, NOORD).await;
    let text = unfolded(&fetch(&mut app, &esra).await);
    assert!(event(&text, "Antwoord uiterlijk: Voorrang ouderen Noordkade").is_some(), "{text}");
    assert!(event(&text, "Overleg Noord — Woonstad Voorbeeld").is_some());
    assert!(
        !text.contains("Isolatie daken") && !text.contains("Najaarsoverleg") && !text.contains("Sleutel"),
        "{text}"
    );
    assert_eq!(text.matches("TRIGGER:").count(), 2, "the reminders of her own organisation's answer: {text}");

    // The corporation sees both deadlines but gets no reminder for the organisations' answers.
    let woonstad = make_feed(&mut app, CORPORATION_ADMIN).await;
    let text = unfolded(&fetch(&mut app, &woonstad).await);
    assert_eq!(text.matches("SUMMARY:Antwoord uiterlijk:").count(), 2, "{text}");
    assert!(text.contains("SUMMARY:Verantwoording overlegbudget 2026"), "{text}");
    assert!(!text.contains("TRIGGER:"), "the corporation neither answers nor accounts: {text}");

    // The address is shown once: the account page later does not hold it.
    app.login(BOARD).await;
    let page = app.get("/account/calendar").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("/calendar/vhc_"), "the secret is never shown again");
    assert!(page.body.contains("Laatst opgehaald door een agenda"), "{}", page.body);
}

async fn a_new_address_or_a_revocation_stops_the_old_one(mut app: TestApp) {
    // Without a session the page sends to the login; the forms need their CSRF token.
    assert!(app.get("/account/calendar").await.is_login_redirect());
    app.login(BOARD).await;
    let page = app.get("/account/calendar").await;
    assert!(page.body.contains("U heeft nog geen agenda-adres") && page.body.contains("Outlook"), "{}", page.body);
    assert_eq!(app.post_raw("/account/calendar", &[]).await.status, StatusCode::FORBIDDEN, "no CSRF token");
    assert_eq!(app.post("/account/calendar/revoke", &[]).await.status, StatusCode::NOT_FOUND, "nothing to revoke");

    let first = make_feed(&mut app, BOARD).await;
    assert_eq!(fetch(&mut app, &first).await.status, StatusCode::OK);

    // A new address: the old one is a 404 at once, the new one works.
    let second = make_feed(&mut app, BOARD).await;
    assert_ne!(first, second);
    assert_eq!(fetch(&mut app, &first).await.status, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&mut app, &second).await.status, StatusCode::OK);

    // Revoked: a 404, and the page says so.
    app.login(BOARD).await;
    let revoked = app.post("/account/calendar/revoke", &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(revoked.location(), Some("/account/calendar?notice=revoked"));
    let page = app.get("/account/calendar?notice=revoked").await;
    assert!(page.body.contains("Uw agenda-adres is ingetrokken."), "{}", page.body);
    assert_eq!(fetch(&mut app, &second).await.status, StatusCode::NOT_FOUND);

    // Unknown addresses and other shapes are 404s too.
    for path in ["/calendar/vhc_nothing.ics", "/calendar/vh_abc.ics", &second.replace(".ics", ""), "/calendar/x"] {
        assert_eq!(fetch(&mut app, path).await.status, StatusCode::NOT_FOUND, "{path}");
    }

    // Every step is in the audit log, never the secret.
    let trail: Vec<String> = volkshuis_store::testdb::sql::query_scalar(
        "SELECT action FROM audit_log WHERE entity = 'calendar_feed' ORDER BY id",
    )
    .fetch_all(&app.state.db)
    .await
    .expect("audit");
    assert_eq!(trail, ["create", "regenerate", "revoke"]);
    let stored: Vec<String> = volkshuis_store::testdb::sql::query_scalar("SELECT token_hash FROM calendar_feeds")
        .fetch_all(&app.state.db)
        .await
        .expect("feeds");
    assert!(stored.is_empty(), "a revoked feed is gone");
}

async fn a_removed_member_stops_seeing_the_organisation(mut app: TestApp) {
    overleg_of_both_organisations(&mut app).await;
    let dirk = make_feed(&mut app, BOARD).await;
    let before = unfolded(&fetch(&mut app, &dirk).await);
    assert!(before.contains("Voorrang ouderen Noordkade") && before.contains("Overleg Noord"), "{before}");

    // Noord's admin removes Dirk; his next fetch lists De Sleutel only.
    let noord = app.org_id("bewonersraad-noord").await;
    let dirk_id = app.user_id(BOARD).await;
    app.login(NOORD).await;
    let removed = app.post(&format!("/orgs/{noord}/members/{dirk_id}/remove"), &[("confirmed", "yes")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let after = unfolded(&fetch(&mut app, &dirk).await);
    assert!(!after.contains("Voorrang ouderen Noordkade") && !after.contains("Overleg Noord"), "{after}");
    assert!(after.contains("Isolatie daken De Linde") && after.contains("Najaarsoverleg"), "{after}");
    assert_eq!(uids(&after).len(), 2);

    // A deactivated account's address lists nothing at all.
    volkshuis_store::testdb::sql::query("UPDATE users SET active = 0 WHERE id = $1")
        .bind(dirk_id)
        .execute(&app.state.db)
        .await
        .expect("deactivate");
    assert_eq!(fetch(&mut app, &dirk).await.status, StatusCode::NOT_FOUND);
}

async fn social_return_dates_go_to_the_parties_that_act_on_them(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    let coordinator = app.org_id("wsp-voorbeeldstad").await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier),
                ("coordinator_id", &coordinator),
                ("title", "Renovatie De Linde"),
                ("value", "2.400.000,00"),
                ("awarded_on", "2025-12-01"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2026-12-31"),
                ("obligation_percent", ""),
                ("obligation_fixed", ""),
                ("cadence", "quarterly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);

    // The supplier and the coordinator: the four quarterly reports and the end; the buyer: the end only.
    for (email, reports) in [("sroi@vandijk.test", 4), ("sroi@wsp.test", 4), (CORPORATION_ADMIN, 0)] {
        let feed = make_feed(&mut app, email).await;
        let text = unfolded(&fetch(&mut app, &feed).await);
        assert_eq!(text.matches("SUMMARY:Rapportage social return: Renovatie De Linde").count(), reports, "{email}");
        let end = event(&text, "Einde contract: Renovatie De Linde").unwrap_or_else(|| panic!("{email}: {text}"));
        assert!(end.contains("DTSTART;VALUE=DATE:20261231"), "{end}");
        assert!(
            end.contains("Contract van Woonstad Voorbeeld met Bouwbedrijf Van Dijk\\; nog te leveren: € 120.000\\,00"),
            "{end}"
        );
    }
    let report = {
        let feed = make_feed(&mut app, "sroi@vandijk.test").await;
        unfolded(&fetch(&mut app, &feed).await)
    };
    assert!(report.contains("DTSTART;VALUE=DATE:20260331"), "first quarter's report: {report}");
    // A tenant organisation's member sees none of it.
    let dirk = make_feed(&mut app, BOARD).await;
    assert!(!unfolded(&fetch(&mut app, &dirk).await).contains("Renovatie De Linde"));
}

async fn meeting_hours_and_place_are_checked_at_their_fields(mut app: TestApp) {
    let corporation = app.org_id("woonstad").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login(CORPORATION_ADMIN).await;
    let year = format!("/orgs/{corporation}/overleg/vergaderingen");
    let tenant = sleutel.to_string();
    // A start without an end, and a place too long: the form again, everything typed kept, errors at their fields.
    let long_place = "x".repeat(201);
    let resp = app
        .post(
            &year,
            &[
                ("meeting_tenant", &tenant),
                ("held_on", "2026-12-10"),
                ("title", "Najaarsoverleg"),
                ("starts_at", "19:30"),
                ("ends_at", ""),
                ("place", &long_place),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Vul ook de eindtijd in.") && resp.body.contains("Gebruik hoogstens 200 tekens."));
    assert!(resp.body.contains("value=\"19:30\"") && resp.body.contains("value=\"Najaarsoverleg\""));
    assert!(resp.body.contains(r#"id="ends_at" name="ends_at" type="time""#), "a time input");
    let resp = app
        .post(
            &year,
            &[
                ("meeting_tenant", &tenant),
                ("held_on", "2026-12-10"),
                ("title", "N"),
                ("starts_at", "21:30"),
                ("ends_at", "19:30"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("De eindtijd moet na de begintijd liggen."), "{}", resp.body);

    // Planned on a day only; the hour and place follow on the meeting's page.
    let page = plan_meeting(&mut app, "hv-de-sleutel", &[("held_on", "2026-12-10"), ("title", "Najaarsoverleg")]).await;
    let shown = app.get(&page).await;
    assert!(shown.body.contains("Tijd nog niet bekend") && shown.body.contains("Plaats nog niet bekend"));
    let plan = format!("{page}/tijd-en-plaats");
    let resp = app.post(&plan, &[("starts_at", "half acht"), ("ends_at", "21:30"), ("place", "Buurthuis")]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Vul een tijd in als uu:mm") && resp.body.contains("value=\"half acht\""));
    let resp = app.post(&plan, &[("starts_at", "19.30"), ("ends_at", "21:30"), ("place", "Buurthuis De Linde")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let shown = app.get(&page).await;
    assert!(shown.body.contains("19:30–21:30 uur") && shown.body.contains("Buurthuis De Linde"), "{}", shown.body);

    // The tenant organisation sees the plan and cannot change it.
    let tenant_page = page.replace(&format!("/orgs/{corporation}/"), &format!("/orgs/{sleutel}/"));
    app.login(BOARD).await;
    let seen = app.get(&tenant_page).await;
    assert!(seen.body.contains("19:30–21:30 uur") && !seen.body.contains("tijd-en-plaats"), "{}", seen.body);
    let refused =
        app.post(&format!("{tenant_page}/tijd-en-plaats"), &[("starts_at", "10:00"), ("ends_at", "11:00")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // A read-only member of the corporation sees no form either.
    app.login("lezer@woonstad.test").await;
    assert!(!app.get(&page).await.body.contains("tijd-en-plaats"));
}

async fn the_feed_speaks_the_users_language_and_marks_undecreed_deadlines(mut app: TestApp) {
    // Received 1 December 2028: six weeks end on 12 January 2029, a year no decree covers yet.
    send_advice(&mut app, "hv-de-sleutel", "Sloop Noordkade", "01-12-2028").await;
    app.login(BOARD).await;
    assert_eq!(app.post("/language", &[("lang", "en"), ("back", "/")]).await.status, StatusCode::SEE_OTHER);
    let feed = make_feed(&mut app, BOARD).await;
    let text = unfolded(&fetch(&mut app, &feed).await);
    let answer = event(&text, "Answer due: Sloop Noordkade (not yet decreed)").unwrap_or_else(|| panic!("{text}"));
    assert!(answer.contains("DTSTART;VALUE=DATE:20290112"), "{answer}");
    assert!(
        answer.contains("Request for advice (adviesrecht) from Woonstad Voorbeeld to Huurdersvereniging De Sleutel."),
        "{answer}"
    );
    assert!(answer.contains("Not yet decreed: no Besluit gelijkstelling covers that year yet"), "{answer}");
    assert!(answer.contains("DESCRIPTION:7 days left: Answer due: Sloop Noordkade (not yet decreed)"), "{answer}");
    // The language is the feed owner's, whoever fetches it.
    app.headers.push(("cookie", "vh_lang=nl".to_owned()));
    assert!(unfolded(&fetch(&mut app, &feed).await).contains("SUMMARY:Answer due: Sloop Noordkade"));
}

async fn feeds_are_throttled_per_address_and_per_feed(mut app: TestApp) {
    let feed = make_feed(&mut app, BOARD).await;
    // A dozen fetches an hour are free; a client polling faster waits, with Retry-After.
    for n in 0..13 {
        assert_eq!(fetch(&mut app, &feed).await.status, StatusCode::OK, "fetch {n}");
    }
    let waited = fetch(&mut app, &feed).await;
    assert_eq!(waited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(waited.headers.contains_key("retry-after"));
    // The wait itself, as plain text for a calendar app; not the page for an unreadable address.
    assert!(!waited.body.contains("<html") && !waited.body.is_empty(), "{}", waited.body);
    app.state.clock.advance(Duration::hours(1));
    assert_eq!(fetch(&mut app, &feed).await.status, StatusCode::OK, "an hour later it works again");

    // Guessing: ten unknown addresses from one client are free, then that client waits — for every address.
    for n in 0..11 {
        let guess = format!("/calendar/vhc_guess{n}.ics");
        assert_eq!(fetch(&mut app, &guess).await.status, StatusCode::NOT_FOUND, "guess {n}");
    }
    assert_eq!(fetch(&mut app, "/calendar/vhc_guess.ics").await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(fetch(&mut app, &feed).await.status, StatusCode::TOO_MANY_REQUESTS, "checked before the lookup");
    // Another client is not slowed down.
    app.headers.push(("x-forwarded-for", "192.0.2.7".to_owned()));
    app.restart(volkshuis_web::Config { trust_proxy: true, ..Default::default() });
    assert_eq!(fetch(&mut app, &feed).await.status, StatusCode::OK);
}
