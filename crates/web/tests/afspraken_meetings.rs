//! Prestatieafspraken meetings at the edges of the day through the real router on both databases: the planner
//! proposes times before 9:00 and from 17:30 on working days only (not on Christmas Day), a person who cannot do
//! mornings removes them, the parties' members answer and see the counts, the lead party chooses and everyone gets
//! the invitation with its `.ics`; a non-party sees nothing and a reader changes nothing.

mod common;

use axum::http::{header, StatusCode};
use common::TestApp;
use time::macros::{date, time};
use volkshuis_domain::access::{self, Manage, Membership, Role, View, WriteScope};
use volkshuis_domain::afspraken::Slot;
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::GemeenteCode;
use volkshuis_store::afspraken::{self, CycleRef, Meeting};
use volkshuis_store::audit::Actor;
use volkshuis_store::outbox;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    times_at_the_edges_of_the_day_are_answered_chosen_and_sent,
    a_person_without_mornings_removes_the_morning_times,
    only_parties_see_meetings_and_a_reader_changes_nothing
);

const STOCK: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;nettohuur\n\
A1;C1;De Ark;Kerkstraat;1;;7411AA;Deventer;GM0150;BU01500000;550,00\n";

const GM: &str = "beleid@voorbeeldstad.test";
const WOONSTAD: &str = "admin@woonstad.test";
const SLEUTEL: &str = "bestuur@desleutel.test";
const READER: &str = "lezer@woonstad.test";

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

/// The parties of the cycle: the demo municipality (given GM0150), Woonstad (with a home there) and De Sleutel.
struct Parties {
    gm: i64,
    woonstad: i64,
    sleutel: i64,
}

async fn setting(app: &mut TestApp) -> Parties {
    let woonstad = app.org_id("woonstad").await;
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(STOCK.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(woonstad), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    let gm = app.org_id("gm-voorbeeldstad").await;
    let codes = [GemeenteCode::parse("GM0150").expect("code")];
    let mut tx = app.state.db.begin().await.expect("begin");
    volkshuis_store::gemeenten::set(&mut tx, &actor, gm, &codes, 2023).await.expect("known code");
    tx.commit().await.expect("commit");
    Parties { gm, woonstad, sleutel: app.org_id("hv-de-sleutel").await }
}

/// The municipality opens a cycle for 2028 with Woonstad and De Sleutel; returns its id.
async fn open_cycle(app: &mut TestApp, p: &Parties) -> i64 {
    app.login(GM).await;
    let opened = app
        .post(
            &format!("/orgs/{}/afspraken/nieuw", p.gm),
            &[
                ("gemeente", "GM0150"),
                ("year", "2028"),
                ("party_ids", &p.woonstad.to_string()),
                ("party_ids", &p.sleutel.to_string()),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    cycle_id(opened.location().expect("to the cycle"))
}

/// The cycle's id in a path to its page.
fn cycle_id(location: &str) -> i64 {
    location.split('/').nth(4).and_then(|id| id.split(['?', '#']).next()).and_then(|id| id.parse().ok()).expect("id")
}

/// The cycle as the store hands it out to party `org`.
async fn as_party(app: &TestApp, org: i64, id: i64) -> CycleRef {
    let read = access::grant(org, Some(Membership { user_id: 0, org_id: org, role: Role::ReadOnly }), View)
        .expect("a member may view");
    afspraken::open_cycle_for(&app.state.db, &read, id).await.expect("read").expect("a party").0
}

/// The logged-in member of `org` plans a meeting of `duration` minutes in the week from Monday 21 December 2026;
/// returns the meeting's id.
async fn plan(app: &mut TestApp, org: i64, id: i64, duration: &str) -> i64 {
    let planned = app
        .post(
            &format!("/orgs/{org}/afspraken/{id}/overleggen"),
            &[("title", "Overleg nieuwbouw"), ("duration", duration), ("from", "2026-12-21"), ("days", "7")],
        )
        .await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER, "{}", planned.body);
    let location = planned.location().expect("to the meeting");
    location.split('/').nth(6).and_then(|m| m.split('?').next()).and_then(|m| m.parse().ok()).expect("meeting id")
}

async fn meeting(app: &TestApp, org: i64, id: i64, meeting: i64) -> Meeting {
    afspraken::meeting(&app.state.db, &as_party(app, org, id).await, meeting).await.expect("read").expect("found")
}

fn at_an_edge(slot: &Slot) -> bool {
    slot.end <= time!(09:00) || slot.start >= time!(17:30)
}

async fn times_at_the_edges_of_the_day_are_answered_chosen_and_sent(mut app: TestApp) {
    let p = setting(&mut app).await;
    let id = open_cycle(&mut app, &p).await;
    let cycle = app.get(&format!("/orgs/{}/afspraken/{id}", p.gm)).await;
    assert!(cycle.body.contains(&format!("/afspraken/{id}/overleggen\"")), "the cycle page links the planner");
    let planner = format!("/orgs/{}/afspraken/{id}/overleggen", p.gm);
    let page = app.get(&planner).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("aria-current=\"step\""), "the phase bar: {}", page.main());
    assert!(page.body.contains("/account/meeting-times?back="), "the planner links the person's own times");

    // A form with mistakes comes back with what was typed.
    let wrong = app
        .post(&planner, &[("title", "Overleg nieuwbouw"), ("duration", "veel"), ("from", "2026-11-01"), ("days", "7")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("value=\"Overleg nieuwbouw\"") && wrong.body.contains("value=\"veel\""));
    assert!(wrong.body.contains("15 tot 240 minuten") && wrong.body.contains("vanaf vandaag"), "{}", wrong.main());
    // More than a morning allows, and no evening long enough: nothing to propose, said at the period.
    let none =
        app.post(&planner, &[("title", "Heidag"), ("duration", "240"), ("from", "2026-12-21"), ("days", "1")]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("geen tijd die iedereen past") && none.body.contains("value=\"Heidag\""));

    // The week of Christmas: Monday to Thursday, a morning and an evening each; Friday 25 December is a holiday.
    let meeting_id = plan(&mut app, p.gm, id, "90").await;
    let planned = meeting(&app, p.gm, id, meeting_id).await;
    let days: Vec<time::Date> = planned.slots.iter().map(|s| s.slot.date).collect();
    assert_eq!(days.len(), 8);
    assert!(days.iter().all(|d| (date!(2026 - 12 - 21)..=date!(2026 - 12 - 24)).contains(d)), "{days:?}");
    assert!(planned.slots.iter().all(|s| at_an_edge(&s.slot)), "{:?}", planned.slots);
    let [first, second] = [planned.slots[0].id, planned.slots[1].id];
    assert_eq!((planned.slots[0].slot.start, planned.slots[0].slot.end), (time!(07:30), time!(09:00)));
    let path = format!("/orgs/{}/afspraken/{id}/overleggen/{meeting_id}", p.gm);
    let page = app.get(&path).await;
    assert!(page.body.contains("maandag 21-12-2026, 07:30–09:00 uur") && !page.body.contains("25-12-2026"));

    // Each member of a party answers for themself; everyone sees the counts.
    app.login(SLEUTEL).await;
    let theirs = format!("/orgs/{}/afspraken/{id}/overleggen/{meeting_id}", p.sleutel);
    let nothing = app.post(&format!("{theirs}/beschikbaarheid"), &[]).await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nothing.body.contains("minstens één tijd"));
    let (yes, no) = (format!("slot-{first}"), format!("slot-{second}"));
    let answered = app.post(&format!("{theirs}/beschikbaarheid"), &[(&yes, "yes"), (&no, "no")]).await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    assert!(!app.get(&theirs).await.body.contains("/kiezen\""), "De Sleutel neither leads nor planned it");
    let refused = app.post(&format!("{theirs}/kiezen"), &[("slot", &first.to_string())]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    app.login(WOONSTAD).await;
    let ours = format!("/orgs/{}/afspraken/{id}/overleggen/{meeting_id}", p.woonstad);
    app.post(&format!("{ours}/beschikbaarheid"), &[(&yes, "yes")]).await;
    let counts = meeting(&app, p.gm, id, meeting_id).await;
    assert_eq!((counts.slots[0].yes, counts.slots[0].no, counts.slots[1].yes, counts.slots[1].no), (2, 0, 0, 1));
    let page = app.get(&ours).await;
    assert!(page.body.contains(&format!("data-slot=\"{first}\">")), "{}", page.main());
    assert!(page.body.contains("<td data-yes>2</td>"), "{}", page.main());
    assert!(page.body.contains(&format!("id=\"slot-{first}-yes\" name=\"slot-{first}\" value=\"yes\"")));

    // The lead party chooses; every member of every party is invited, with the .ics to download.
    app.login(GM).await;
    let no_choice = app.post(&format!("{path}/kiezen"), &[("slot", "")]).await;
    assert_eq!(no_choice.status, StatusCode::UNPROCESSABLE_ENTITY);
    let before = outbox::list(&app.state.db, 10_000).await.expect("outbox").len();
    let chosen = app.post(&format!("{path}/kiezen"), &[("slot", &first.to_string())]).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER, "{}", chosen.body);
    let mails = outbox::list(&app.state.db, 10_000).await.expect("outbox");
    let invitations: Vec<_> =
        mails.iter().filter(|m| m.subject.starts_with("Uitnodiging: Overleg nieuwbouw")).collect();
    assert_eq!(mails.len() - before, invitations.len());
    for email in [GM, WOONSTAD, SLEUTEL, READER] {
        let mail = invitations.iter().find(|m| m.to_address == email).unwrap_or_else(|| panic!("{email} invited"));
        assert!(mail.body.contains("uitnodiging.ics") && mail.body.contains("maandag 21-12-2026"), "{}", mail.body);
    }
    assert_eq!(invitations.iter().filter(|m| m.to_address == GM).count(), 1, "once a person");
    let page = app.get(&path).await;
    assert!(page.body.contains("Gekozen tijd: maandag 21-12-2026, 07:30–09:00 uur"), "{}", page.main());
    let ics = app.get(&format!("{path}/uitnodiging.ics")).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.headers[header::CONTENT_TYPE].to_str().expect("ascii").starts_with("text/calendar"));
    assert!(ics.body.contains("BEGIN:VEVENT\r\n"), "{}", ics.body);
    assert!(ics.body.contains("DTSTART;TZID=Europe/Amsterdam:20261221T073000\r\n"), "{}", ics.body);
    assert!(ics.body.contains("DTEND;TZID=Europe/Amsterdam:20261221T090000\r\n"));
    assert!(ics.body.contains("SUMMARY:Overleg nieuwbouw\r\n") && ics.body.contains("BEGIN:VTIMEZONE"));

    // The agenda and the minutes; an emptied text is saved empty.
    let agenda = app.post(&format!("{path}/agenda"), &[("agenda", "1. Opening\n2. Nieuwbouw")]).await;
    assert_eq!(agenda.status, StatusCode::SEE_OTHER);
    app.post(&format!("{path}/verslag"), &[("minutes", "Afgesproken: 40 woningen")]).await;
    app.post(&format!("{path}/agenda"), &[("agenda", " ")]).await;
    let written = meeting(&app, p.gm, id, meeting_id).await;
    assert_eq!((written.agenda.as_str(), written.minutes.as_str()), ("", "Afgesproken: 40 woningen"));
    let page = app.get(&format!("/orgs/{}/afspraken/{id}", p.gm)).await;
    assert!(page.body.contains("koos 21-12-2026 07:30–09:00 voor het overleg Overleg nieuwbouw"), "{}", page.main());
    assert!(page.body.contains("legde het verslag vast van het overleg Overleg nieuwbouw"));
}

async fn a_person_without_mornings_removes_the_morning_times(mut app: TestApp) {
    let p = setting(&mut app).await;
    let id = open_cycle(&mut app, &p).await;
    app.login(SLEUTEL).await;
    let back = format!("/orgs/{}/afspraken/{id}/overleggen", p.sleutel);
    let form = app.get(&format!("/account/meeting-times?back={back}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"07:30\"") && form.body.contains(&format!("href=\"{back}\"")));
    // Another site is not a way back.
    let elsewhere = app.get("/account/meeting-times?back=//evil.example").await;
    assert!(!elsewhere.body.contains("href=\"//evil.example") && !elsewhere.body.contains("Terug naar het overleg"));
    let days = [("day-0", "on"), ("day-1", "on"), ("day-2", "on"), ("day-3", "on"), ("day-4", "on")];
    let times = [("morning_from", "07:30"), ("evening", "on"), ("evening_from", "19:15"), ("evening_until", "22:00")];
    // No day at all is refused, with what was typed kept.
    let wrong = app.post("/account/meeting-times", &times).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("minstens één dag") && wrong.body.contains("value=\"19:15\""), "{}", wrong.main());
    let mut fields: Vec<(&str, &str)> = days.to_vec();
    fields.extend(times);
    fields.push(("back", &back));
    let saved = app.post("/account/meeting-times", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get(saved.location().expect("back to the form")).await;
    assert!(!page.body.contains("id=\"morning\" name=\"morning\" type=\"checkbox\" checked"), "{}", page.main());
    assert!(page.body.contains(&format!("href=\"{back}\"")));

    // The municipality plans: only evenings, from when the last person can.
    app.login(GM).await;
    let planner = app.get(&format!("/orgs/{}/afspraken/{id}/overleggen", p.gm)).await;
    assert!(planner.body.contains("Eén lid van de partijen gaf op wanneer het kan"), "{}", planner.main());
    let meeting_id = plan(&mut app, p.gm, id, "60").await;
    let planned = meeting(&app, p.gm, id, meeting_id).await;
    assert_eq!(planned.slots.len(), 4);
    assert!(planned.slots.iter().all(|s| (s.slot.start, s.slot.end) == (time!(19:15), time!(20:15))));
    let page = app.get(&format!("/orgs/{}/afspraken/{id}/overleggen/{meeting_id}", p.gm)).await;
    assert!(!page.body.contains("07:30–09:00"));
    let entries: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'pa_edge_preferences' AND entity_id = $1")
            .bind(app.user_id(SLEUTEL).await.to_string())
            .fetch_one(&app.state.db)
            .await
            .expect("count");
    assert_eq!(entries, 1);
}

async fn only_parties_see_meetings_and_a_reader_changes_nothing(mut app: TestApp) {
    let p = setting(&mut app).await;
    let id = open_cycle(&mut app, &p).await;
    let meeting_id = plan(&mut app, p.gm, id, "60").await;
    let first = meeting(&app, p.gm, id, meeting_id).await.slots[0].id;
    app.post(&format!("/orgs/{}/afspraken/{id}/overleggen/{meeting_id}/kiezen", p.gm), &[("slot", &first.to_string())])
        .await;
    // Not a party: nothing of it, not even that it exists.
    let noord = app.org_id("bewonersraad-noord").await;
    app.login("secretaris@bewonersraadnoord.test").await;
    let at = format!("/orgs/{noord}/afspraken/{id}/overleggen");
    for path in [at.clone(), format!("{at}/{meeting_id}"), format!("{at}/{meeting_id}/uitnodiging.ics")] {
        assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.post(&format!("{at}/{meeting_id}/beschikbaarheid"), &[]).await.status, StatusCode::NOT_FOUND);
    app.clear_cookies();
    assert!(app.get(&format!("/orgs/{}/afspraken/{id}/overleggen", p.gm)).await.is_login_redirect());

    // A reader of a party sees the meeting and its counts but changes nothing.
    app.login(READER).await;
    let ours = format!("/orgs/{}/afspraken/{id}/overleggen", p.woonstad);
    let page = app.get(&format!("{ours}/{meeting_id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("type=\"radio\"") && !page.body.contains("<textarea"), "{}", page.main());
    assert!(!page.body.contains("/beschikbaarheid\"") && page.body.contains("<td data-yes>0</td>"));
    assert_eq!(app.get(&format!("{ours}/{meeting_id}/uitnodiging.ics")).await.status, StatusCode::OK);
    let slot = format!("slot-{first}");
    let writes = [
        (ours.clone(), vec![("title", "x"), ("duration", "60"), ("from", "2026-12-21"), ("days", "7")]),
        (format!("{ours}/{meeting_id}/beschikbaarheid"), vec![(slot.as_str(), "yes")]),
        (format!("{ours}/{meeting_id}/kiezen"), vec![("slot", "1")]),
        (format!("{ours}/{meeting_id}/agenda"), vec![("agenda", "x")]),
        (format!("{ours}/{meeting_id}/verslag"), vec![("minutes", "x")]),
    ];
    for (path, fields) in &writes {
        assert_eq!(app.post(path, fields).await.status, StatusCode::FORBIDDEN, "{path}");
    }

    // Ids are checked on the server: a time of another meeting, or a meeting of another cycle, is a 404.
    app.login(WOONSTAD).await;
    let (gm, sleutel) = (p.gm.to_string(), p.sleutel.to_string());
    let new = [
        ("gemeente", "GM0150"),
        ("year", "2029"),
        ("title", "Woonstad 2029"),
        ("party_ids", gm.as_str()),
        ("party_ids", sleutel.as_str()),
    ];
    let other = app.post(&format!("/orgs/{}/afspraken/nieuw", p.woonstad), &new).await;
    let other = cycle_id(other.location().expect("to the cycle"));
    let elsewhere = plan(&mut app, p.woonstad, other, "60").await;
    let foreign = meeting(&app, p.woonstad, other, elsewhere).await.slots[0].id;
    let mixed = [(slot.as_str(), "yes"), (&format!("slot-{foreign}"), "yes")];
    let answer = app.post(&format!("{ours}/{meeting_id}/beschikbaarheid"), &mixed).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let choose = app.post(&format!("{ours}/{meeting_id}/kiezen"), &[("slot", &foreign.to_string())]).await;
    assert_eq!(choose.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("{ours}/{elsewhere}")).await.status, StatusCode::NOT_FOUND);
    let garbage = app.post(&format!("{ours}/{meeting_id}/beschikbaarheid"), &[("slot-abc", "yes")]).await;
    assert_eq!(garbage.status, StatusCode::NOT_FOUND);
    let answers: i64 = sql::query_scalar("SELECT COUNT(*) FROM pa_meeting_availability")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(answers, 0, "nothing written by a reader or with a foreign id");
    assert_eq!(meeting(&app, p.gm, id, meeting_id).await.chosen().map(|s| s.id), Some(first));
}
