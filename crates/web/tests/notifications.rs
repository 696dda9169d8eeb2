//! Knowing when the other side acts, through the real router on both databases: every step of Overleg and Social
//! return reaches the members of the other parties in the app, and by mail as each chose (at once, in the evening's
//! digest, or not); the actor and anyone outside the parties hear nothing. The digest goes out at 18:00 Dutch time,
//! once per user per day, only with something new, and never twice.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use std::collections::BTreeMap;
use time::Duration;
use volkshuis_domain::access::Role;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::outbox::{self, Message};
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, users};
use volkshuis_web::{run_due_jobs, AppState};

on_both_backends!(
    every_overleg_step_reaches_the_other_party,
    every_social_return_step_reaches_the_other_parties,
    a_digest_user_gets_one_mail_at_six_with_everything_new,
    two_workers_never_send_a_digest_twice,
    reminders_follow_the_choice,
    the_actor_is_never_told_even_as_a_member_of_the_other_side,
    the_notices_page_keeps_the_choice_and_the_header_counts
);

/// Woonstad's administrator: mail at once (the default).
const ANNA: &str = "admin@woonstad.test";
/// Woonstad's staff member, who chooses the daily digest.
const BRAM: &str = "medewerker@woonstad.test";
/// Woonstad's read-only member, who chooses no mail.
const CARLA: &str = "lezer@woonstad.test";
/// De Sleutel's administrator (also staff of Bewonersraad Noord).
const DIRK: &str = "bestuur@desleutel.test";
/// Bewonersraad Noord's administrator: no party to De Sleutel's overleg.
const ESRA: &str = "secretaris@bewonersraadnoord.test";
/// The supplier, the coordinator Woonstad works with, and a partner it does not (yet).
const GERT: &str = "sroi@vandijk.test";
const IRIS: &str = "sroi@wsp.test";
const HANNA: &str = "coordinator@wijkteam.test";
const BASE: &str = "http://localhost:8080";

/// How many notices and mails each watched user has.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tally(BTreeMap<&'static str, (i64, usize)>);

async fn tally(app: &TestApp, watched: &[&'static str]) -> Tally {
    let mails = outbox::list(&app.state.db, 10_000).await.expect("outbox");
    let mut counts = BTreeMap::new();
    for email in watched {
        let notices: i64 = sql::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1")
            .bind(app.user_id(email).await)
            .fetch_one(&app.state.db)
            .await
            .expect("count");
        counts.insert(*email, (notices, mails.iter().filter(|m| m.to_address == *email).count()));
    }
    Tally(counts)
}

/// Takes a step and checks who heard of it: each of `told` one more notice, the ones in `mailed` also one more
/// mail; every other watched user (the actor among them) nothing.
async fn step_tells<F>(app: &mut TestApp, watched: &[&'static str], step: &str, told: &[&str], mailed: &[&str], take: F)
where
    F: AsyncFnOnce(&mut TestApp),
{
    let before = tally(app, watched).await;
    take(app).await;
    let after = tally(app, watched).await;
    for email in watched {
        let (n0, m0) = before.0[email];
        let (n1, m1) = after.0[email];
        let expected = (i64::from(told.contains(email)), usize::from(mailed.contains(email)));
        assert_eq!((n1 - n0, m1 - m0), expected, "{step}: {email} (notices, mails)");
    }
}

/// The user's newest notice: (text, link).
async fn last_notice(app: &TestApp, email: &str) -> (String, String) {
    let row = sql::query("SELECT text, link FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 1")
        .bind(app.user_id(email).await)
        .fetch_one(&app.state.db)
        .await
        .expect("a notice");
    (row.try_get("text").expect("text"), row.try_get("link").expect("link"))
}

/// The newest mail to `email`.
async fn last_mail(app: &TestApp, email: &str) -> Message {
    let mails = outbox::list(&app.state.db, 10_000).await.expect("outbox");
    mails.into_iter().filter(|m| m.to_address == email).max_by_key(|m| m.id).expect("a mail")
}

/// `email` chooses how notices come by mail, on the notices page.
async fn choose(app: &mut TestApp, email: &str, choice: &str) {
    app.login(email).await;
    let resp = app.post("/account/notifications", &[("mail", choice)]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
}

/// A case's current version (what its forms carry).
async fn version(app: &TestApp, case: i64) -> String {
    sql::query_scalar::<i64>("SELECT version FROM overleg_cases WHERE id = $1")
        .bind(case)
        .fetch_one(&app.state.db)
        .await
        .expect("version")
        .to_string()
}

/// The id at the end of a redirect's path.
fn id_in(resp: &common::Resp) -> i64 {
    let location = resp.location().unwrap_or_else(|| panic!("no redirect: {} {}", resp.status, resp.body));
    let path = location.split(['?', '#']).next().expect("path");
    path.rsplit('/').next().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no id in {location}"))
}

/// A new tenant organisation with `admin` as its administrator.
async fn tenant_org(app: &TestApp, code: &str, name: &str, admin: &str) -> i64 {
    let actor = Actor::system("test", app.state.clock.now());
    let mut tx = app.state.db.begin().await.expect("begin");
    let fields = orgs::OrgFields {
        code: OrgCode::parse(code).expect("code"),
        name: Name::parse(name).expect("name"),
        kind: OrgKind::TenantOrganisation,
    };
    let org = orgs::create(&mut tx, &actor, &fields).await.expect("org").id;
    users::set_membership(&mut tx, &actor, app.user_id(admin).await, org, Role::Admin).await.expect("member");
    tx.commit().await.expect("commit");
    org
}

/// Anna sends De Sleutel an advice request; returns the case.
async fn send_request(app: &mut TestApp, title: &str) -> i64 {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(ANNA).await;
    let fields = [
        ("tenant_org_id", tenant.as_str()),
        ("kind", "advice"),
        ("subject", "maintenance"),
        ("title", title),
        ("explanation", "Wij willen de daken isoleren."),
        ("received_on", "25-11-2026"),
        ("agreed_weeks", ""),
        ("clusters", ""),
    ];
    let resp = app.post_multipart(&format!("/orgs/{corporation}/overleg/nieuw"), &fields, &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    resp.location().and_then(|l| l.split('/').nth(4)).and_then(|s| s.split('?').next()?.parse().ok()).expect("case")
}

/// Dirk asks Woonstad a question about the case.
async fn ask(app: &mut TestApp, case: i64, question: &str) {
    let tenant = app.org_id("hv-de-sleutel").await;
    app.login(DIRK).await;
    let resp = app.post(&format!("/orgs/{tenant}/overleg/{case}/vragen"), &[("text", question)]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
}

async fn every_overleg_step_reaches_the_other_party(mut app: TestApp) {
    let corp = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    choose(&mut app, BRAM, "digest").await;
    choose(&mut app, CARLA, "none").await;
    let watched = [ANNA, BRAM, CARLA, DIRK, ESRA];
    let corporation_side = [ANNA, BRAM, CARLA];
    let (to_tenant, to_corp) = (&[DIRK][..], &corporation_side[..]);

    // A request: the organisation hears of it with its deadline, a link to its own page, and who sent it.
    let mut case = 0;
    step_tells(&mut app, &watched, "request sent", to_tenant, &[DIRK], async |app| {
        case = send_request(app, "Isolatie daken").await;
    })
    .await;
    let (text, link) = last_notice(&app, DIRK).await;
    assert_eq!(text, "Woonstad Voorbeeld stuurde een nieuw verzoek (Adviesaanvraag): Isolatie daken");
    assert_eq!(link, format!("/orgs/{tenant}/overleg/{case}"));
    let mail = last_mail(&app, DIRK).await;
    assert_eq!(mail.subject, text);
    for part in [
        "Antwoord uiterlijk op 06-01-2027.",
        "Door Anna de Vries namens Woonstad Voorbeeld.",
        &format!("{BASE}/orgs/{tenant}/overleg/{case}"),
        &format!("lid van Huurdersvereniging De Sleutel. Kies zelf of u meldingen direct, één keer per dag of niet per e-mail krijgt: {BASE}/account/notifications"),
    ] {
        assert!(mail.body.contains(part), "{part} in {}", mail.body);
    }

    // An internal comment is not the other side's business.
    step_tells(&mut app, &watched, "internal comment", &[], &[], async |app| {
        app.login(DIRK).await;
        let resp =
            app.post(&format!("/orgs/{tenant}/overleg/{case}/opmerkingen"), &[("text", "Eerst bewoners horen")]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
    })
    .await;

    // A question goes to the whole corporation, each by their choice: Anna at once, Bram in the digest, Carla not.
    step_tells(&mut app, &watched, "question asked", to_corp, &[ANNA], async |app| {
        ask(app, case, "Wat kost het per woning?").await;
    })
    .await;
    let (text, link) = last_notice(&app, BRAM).await;
    assert_eq!(text, "Huurdersvereniging De Sleutel stelde een vraag over: Isolatie daken");
    assert_eq!(link, format!("/orgs/{corp}/overleg/{case}"), "the corporation's own page");

    step_tells(&mut app, &watched, "question answered", to_tenant, &[DIRK], async |app| {
        app.login(ANNA).await;
        let page = app.get(&format!("/orgs/{corp}/overleg/{case}")).await;
        let question: String = page
            .body
            .split(&format!("/overleg/{case}/vragen/"))
            .nth(1)
            .expect("question form")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let resp =
            app.post(&format!("/orgs/{corp}/overleg/{case}/vragen/{question}"), &[("text", "Ongeveer € 4.000.")]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;

    let answer = async |app: &mut TestApp, kind: &str| {
        app.login(DIRK).await;
        let v = version(app, case).await;
        let fields = [
            ("version", v.as_str()),
            ("answer_kind", kind),
            ("answer_text", "Doen, met vloerisolatie."),
            ("confirmed", "yes"),
        ];
        let resp = app.post_multipart(&format!("/orgs/{tenant}/overleg/{case}/antwoord"), &fields, &[]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    };
    step_tells(&mut app, &watched, "answer", to_corp, &[ANNA], async |app| answer(app, "advice").await).await;
    assert_eq!(last_notice(&app, ANNA).await.0, "Huurdersvereniging De Sleutel gaf antwoord (Advies): Isolatie daken");

    step_tells(&mut app, &watched, "answer withdrawn", to_corp, &[ANNA], async |app| {
        let v = version(app, case).await;
        let resp = app
            .post(
                &format!("/orgs/{tenant}/overleg/{case}/antwoord/intrekken"),
                &[("version", &v), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{}", resp.body);
    })
    .await;
    assert!(last_notice(&app, CARLA).await.0.contains("trok het antwoord in om het te verbeteren"));
    step_tells(&mut app, &watched, "answer again", to_corp, &[ANNA], async |app| answer(app, "advice").await).await;

    step_tells(&mut app, &watched, "decision", to_tenant, &[DIRK], async |app| {
        app.login(ANNA).await;
        let v = version(app, case).await;
        let fields = [("version", v.as_str()), ("decision", "followed"), ("reply_text", ""), ("confirmed", "yes")];
        let resp = app.post_multipart(&format!("/orgs/{corp}/overleg/{case}/besluit"), &fields, &[]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    assert_eq!(last_notice(&app, DIRK).await.0, "Woonstad Voorbeeld nam een besluit (Advies gevolgd): Isolatie daken");

    // The year's meetings and budget.
    let mut meeting = 0;
    step_tells(&mut app, &watched, "meeting planned", to_tenant, &[DIRK], async |app| {
        app.login(ANNA).await;
        let fields = [
            ("meeting_tenant", tenant.to_string()),
            ("held_on", "10-12-2026".into()),
            ("title", "Najaarsoverleg".into()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let resp = app.post(&format!("/orgs/{corp}/overleg/vergaderingen"), &fields).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
        meeting = id_in(&resp);
    })
    .await;
    let (text, link) = last_notice(&app, DIRK).await;
    assert_eq!(text, "Woonstad Voorbeeld plande een overlegvergadering op 10-12-2026: Najaarsoverleg");
    assert_eq!(link, format!("/orgs/{tenant}/overleg/vergaderingen/{meeting}"));
    step_tells(&mut app, &watched, "meeting replanned", to_tenant, &[DIRK], async |app| {
        let fields = [("starts_at", "19:30"), ("ends_at", "21:00"), ("place", "Buurthuis De Linde")];
        let resp = app.post(&format!("/orgs/{corp}/overleg/vergaderingen/{meeting}/tijd-en-plaats"), &fields).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    assert_eq!(
        last_notice(&app, DIRK).await.0,
        "Woonstad Voorbeeld legde tijd en plaats vast van de overlegvergadering op 10-12-2026: Najaarsoverleg"
    );
    step_tells(&mut app, &watched, "agenda item", to_corp, &[ANNA], async |app| {
        app.login(DIRK).await;
        let resp = app
            .post(
                &format!("/orgs/{tenant}/overleg/vergaderingen/{meeting}/agendapunten"),
                &[("text", "Groenonderhoud")],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    step_tells(&mut app, &watched, "minutes", to_tenant, &[DIRK], async |app| {
        app.login(ANNA).await;
        let resp = app
            .post(&format!("/orgs/{corp}/overleg/vergaderingen/{meeting}/verslag"), &[("text", "Besproken: groen.")])
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    step_tells(&mut app, &watched, "budget set", to_tenant, &[DIRK], async |app| {
        let fields = [("budget_tenant", tenant.to_string()), ("year", "2026".into()), ("amount", "1.500,00".into())];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let resp = app.post(&format!("/orgs/{corp}/overleg/budget"), &fields).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    let (text, link) = last_notice(&app, DIRK).await;
    assert_eq!(text, "Woonstad Voorbeeld stelde het budget voor 2026 vast op € 1.500,00");
    assert_eq!(link, format!("/orgs/{tenant}/overleg/budget/{corp}/2026"));
    step_tells(&mut app, &watched, "budget accounted", to_corp, &[ANNA], async |app| {
        app.login(DIRK).await;
        let resp =
            app.post(&format!("/orgs/{tenant}/overleg/budget/{corp}/2026/verantwoord"), &[("confirmed", "yes")]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    assert_eq!(last_notice(&app, ANNA).await.1, format!("/orgs/{corp}/overleg/budget/{tenant}/2026"));

    // Partnerships: a proposal reaches the tenant organisation; its answer, yes or no, the corporation.
    let toekomst = tenant_org(&app, "hv-de-toekomst", "Huurdersvereniging De Toekomst", ESRA).await;
    let brug = tenant_org(&app, "hv-de-brug", "Huurdersvereniging De Brug", ESRA).await;
    let propose = async |app: &mut TestApp, to: i64, weeks: &str| {
        app.login(ANNA).await;
        let to = to.to_string();
        let resp = app
            .post(&format!("/orgs/{corp}/overleg/partners"), &[("tenant_org_id", &to), ("agreed_weeks", weeks)])
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    };
    step_tells(&mut app, &watched, "proposal", &[ESRA], &[ESRA], async |app| propose(app, toekomst, "").await).await;
    assert_eq!(
        last_notice(&app, ESRA).await,
        ("Woonstad Voorbeeld stelt voor om overlegpartners te worden".into(), format!("/orgs/{toekomst}/overleg"))
    );
    step_tells(&mut app, &watched, "proposal accepted", to_corp, &[ANNA], async |app| {
        app.login(ESRA).await;
        let resp = app.post(&format!("/orgs/{toekomst}/overleg/partners/{corp}/aanvaarden"), &[]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    step_tells(&mut app, &watched, "second proposal", &[ESRA], &[ESRA], async |app| propose(app, brug, "8").await)
        .await;
    step_tells(&mut app, &watched, "proposal declined", to_corp, &[ANNA], async |app| {
        app.login(ESRA).await;
        let resp = app.post(&format!("/orgs/{brug}/overleg/partners/{corp}/afwijzen"), &[]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    assert_eq!(
        last_notice(&app, ANNA).await.0,
        "Huurdersvereniging De Brug wees het voorstel af om overlegpartners te worden"
    );
    // A new term for a partnership that holds is no proposal.
    step_tells(&mut app, &watched, "new term", &[], &[], async |app| propose(app, tenant, "8").await).await;
}

async fn every_social_return_step_reaches_the_other_parties(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let wsp = app.org_id("wsp-voorbeeldstad").await;
    let wijkteam = app.org_id("wijkteam-centrum").await;
    choose(&mut app, BRAM, "digest").await;
    choose(&mut app, CARLA, "none").await;
    let watched = [ANNA, BRAM, CARLA, GERT, IRIS, HANNA, DIRK];
    let buyer_side = [ANNA, BRAM, CARLA];

    app.login(ANNA).await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let mut id = 0;
    step_tells(&mut app, &watched, "contract registered", &[GERT, IRIS], &[GERT, IRIS], async |app| {
        let fields = [
            ("supplier_id", supplier.to_string()),
            ("coordinator_id", wsp.to_string()),
            ("title", "Renovatie De Linde".into()),
            ("value", "2.400.000,00".into()),
            ("awarded_on", "2025-12-01".into()),
            ("starts_on", "2026-01-01".into()),
            ("ends_on", "2026-12-31".into()),
            ("obligation_percent", "".into()),
            ("obligation_fixed", "".into()),
            ("cadence", "quarterly".into()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let resp = app.post(&format!("/orgs/{buyer}/sr/contracten/nieuw"), &fields).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
        id = id_in(&resp);
    })
    .await;
    assert_eq!(
        last_notice(&app, GERT).await,
        (
            "Woonstad Voorbeeld registreerde een contract met social return: Renovatie De Linde".into(),
            format!("/orgs/{supplier}/sr/contracten/{id}")
        )
    );
    assert_eq!(last_notice(&app, IRIS).await.1, format!("/orgs/{wsp}/sr/contracten/{id}"), "the coordinator's page");

    // The supplier reports twice; the buyer's members and the coordinator hear of it, never the candidate's name.
    for (person, name) in [("VD-001", "Sanne Voorbeeld"), ("VD-002", "Ahmed Voorbeeld")] {
        let reported = [&buyer_side[..], &[IRIS]].concat();
        step_tells(&mut app, &watched, "contribution reported", &reported, &[ANNA, IRIS], async |app| {
            app.login(GERT).await;
            let fields = [
                ("kind", "placement"),
                ("person", person),
                ("person_name", name),
                ("group", "participatiewet"),
                ("hours_per_week", "24"),
                ("start", "2026-01-01"),
                ("end", "2026-06-30"),
            ];
            let resp =
                app.post_multipart(&format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"), &fields, &[]).await;
            assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
        })
        .await;
        for email in [ANNA, IRIS] {
            let mail = last_mail(&app, email).await;
            assert!(!mail.body.contains(name) && !mail.body.contains(person), "no candidate in mail: {}", mail.body);
        }
        assert_eq!(
            last_notice(&app, ANNA).await.0,
            "Bouwbedrijf Van Dijk rapporteerde een bijdrage aan social return voor: Renovatie De Linde"
        );
    }

    app.login(ANNA).await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    let ids: Vec<i64> = page
        .body
        .match_indices(&format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen/"))
        .filter_map(|(at, m)| page.body[at + m.len()..].split('/').next().and_then(|s| s.parse().ok()))
        .collect();
    let (first, second) = (ids[0], ids.iter().copied().find(|i| *i != ids[0]).expect("two contributions"));
    let decide = |c: i64| format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen/{c}/besluit");
    step_tells(&mut app, &watched, "approved", &[GERT, IRIS], &[GERT, IRIS], async |app| {
        let approve = [("decision", "approve"), ("confirmed", "yes")];
        assert_eq!(app.post(&decide(first), &approve).await.status, StatusCode::SEE_OTHER);
    })
    .await;
    assert_eq!(last_notice(&app, GERT).await.0, "Woonstad Voorbeeld keurde een bijdrage goed voor: Renovatie De Linde");
    step_tells(&mut app, &watched, "refused decision", &[], &[], async |app| {
        let resp = app.post(&decide(second), &[("decision", "reject"), ("reason", "")]).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "no reason: nothing decided, nobody told");
    })
    .await;
    step_tells(&mut app, &watched, "rejected", &[GERT, IRIS], &[GERT, IRIS], async |app| {
        let reject = [("decision", "reject"), ("reason", "Geen arbeidsovereenkomst"), ("confirmed", "yes")];
        let resp = app.post(&decide(second), &reject).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
    })
    .await;
    assert_eq!(last_notice(&app, IRIS).await.0, "Woonstad Voorbeeld keurde een bijdrage af voor: Renovatie De Linde");
    // A settlement is recorded after the contract and its repair period; its confirmation tells nobody yet.
    app.state.clock.advance(Duration::days(400));
    app.login(ANNA).await;
    let settle = format!("/orgs/{buyer}/sr/contracten/{id}/afrekening");
    let fields = [("repair_until", "2027-03-31"), ("note", "Krappe markt"), ("settled", "on")];
    step_tells(&mut app, &watched, "settlement asked", &[], &[], async |app| {
        assert_eq!(app.post(&settle, &fields).await.status, StatusCode::OK);
    })
    .await;
    step_tells(&mut app, &watched, "settled", &[GERT, IRIS], &[GERT, IRIS], async |app| {
        let resp = app.post(&settle, &[fields[0], fields[1], fields[2], ("confirmed", "yes")]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    })
    .await;
    assert!(last_notice(&app, GERT).await.0.contains("legde de afrekening vast van: Renovatie De Linde"));

    // A new coordinator hears it is one, once.
    let add = format!("/orgs/{buyer}/sr/coordinatoren");
    step_tells(&mut app, &watched, "coordinator added", &[HANNA], &[HANNA], async |app| {
        assert_eq!(app.post(&add, &[("coordinator_id", &wijkteam.to_string())]).await.status, StatusCode::SEE_OTHER);
    })
    .await;
    assert_eq!(
        last_notice(&app, HANNA).await,
        (
            "Woonstad Voorbeeld werkt voortaan met uw organisatie als coördinator van social return".into(),
            format!("/orgs/{wijkteam}/sr")
        )
    );
    step_tells(&mut app, &watched, "coordinator added again", &[], &[], async |app| {
        assert_eq!(app.post(&add, &[("coordinator_id", &wijkteam.to_string())]).await.status, StatusCode::SEE_OTHER);
    })
    .await;
}

/// The digest mails of `email`.
async fn digests(app: &TestApp, email: &str) -> Vec<Message> {
    let mails = outbox::list(&app.state.db, 10_000).await.expect("outbox");
    let mut found: Vec<Message> =
        mails.into_iter().filter(|m| m.to_address == email && m.subject.starts_with("Volkshuis: ")).collect();
    found.sort_by_key(|m| m.id);
    found
}

async fn a_digest_user_gets_one_mail_at_six_with_everything_new(mut app: TestApp) {
    let corp = app.org_id("woonstad").await;
    choose(&mut app, BRAM, "digest").await;
    let case = send_request(&mut app, "Isolatie daken").await;
    // 25 November 2026, 10:00 UTC (11:00 in the Netherlands): two questions, no mail for Bram.
    ask(&mut app, case, "Wat kost het per woning?").await;
    ask(&mut app, case, "Wanneer begint het werk?").await;
    assert!(outbox::list(&app.state.db, 1000).await.expect("outbox").iter().all(|m| m.to_address != BRAM));
    app.login(BRAM).await;
    let page = app.get("/account/notifications").await;
    assert!(page.body.contains("2 meldingen wachten op het overzicht van 25-11-2026 18:00."), "{}", page.body);

    run_due_jobs(&app.state).await.expect("run");
    assert!(digests(&app, BRAM).await.is_empty(), "not before six");
    app.state.clock.advance(Duration::hours(7)); // 17:00 UTC: 18:00 in the Netherlands (winter time).
    run_due_jobs(&app.state).await.expect("run");
    run_due_jobs(&app.state).await.expect("run again");
    let sent = digests(&app, BRAM).await;
    assert_eq!(sent.len(), 1, "one digest: {sent:?}");
    assert_eq!(sent[0].subject, "Volkshuis: 2 meldingen (25-11-2026)");
    let body = &sent[0].body;
    assert!(body.starts_with("Dit gebeurde sinds uw vorige overzicht:"), "{body}");
    assert_eq!(
        body.matches("Huurdersvereniging De Sleutel stelde een vraag over: Isolatie daken").count(),
        2,
        "{body}"
    );
    assert!(body.contains("- 25-11-2026 11:00 — ") && body.contains(&format!("{BASE}/orgs/{corp}/overleg/{case}")));
    assert!(body.contains(&format!(
        "elke dag om 18:00 als er iets nieuws is. Kies zelf hoe u meldingen krijgt: {BASE}/account/notifications"
    )));
    // The notices stay in the app until read.
    app.login(BRAM).await;
    let page = app.get("/account/notifications").await;
    assert!(
        !page.body.contains("wachten op het overzicht")
            && page.body.contains("Het vorige overzicht ging weg op 25-11-2026 18:00.")
    );
    assert_eq!(page.body.matches("data-notice=").count(), 2);

    // A question after six goes in tomorrow's digest; Bram reads English by then, and so does the digest (the
    // notice was given while he read Dutch).
    app.state.clock.advance(Duration::minutes(30));
    ask(&mut app, case, "Komt er een bewonersavond?").await;
    app.login(BRAM).await;
    let resp = app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    run_due_jobs(&app.state).await.expect("run");
    assert_eq!(digests(&app, BRAM).await.len(), 1, "tomorrow's");
    app.state.clock.advance(Duration::days(1));
    run_due_jobs(&app.state).await.expect("run");
    let sent = digests(&app, BRAM).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].subject, "Volkshuis: 1 notification (26-11-2026)");
    assert!(sent[1].body.contains("Huurdersvereniging De Sleutel asked a question about: Isolatie daken"));
    assert!(!sent[1].body.contains("Wat kost"), "only what is new");

    // A day with nothing new sends nothing; the sweep goes on each day.
    app.state.clock.advance(Duration::days(1));
    run_due_jobs(&app.state).await.expect("run");
    assert_eq!(digests(&app, BRAM).await.len(), 2);
    let sweeps: i64 = sql::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'notice_digest_sweep'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(sweeps, 4, "25, 26 and 27 November ran; 28 November waits");
}

async fn two_workers_never_send_a_digest_twice(mut app: TestApp) {
    choose(&mut app, BRAM, "digest").await;
    let case = send_request(&mut app, "Isolatie daken").await;
    ask(&mut app, case, "Wat kost het per woning?").await;
    // Bram asks for the digest now, twice (two clicks a second apart are two jobs).
    app.login(BRAM).await;
    let resp = app.post("/account/notifications/digest", &[]).await;
    assert_eq!(resp.location(), Some("/account/notifications?notice=digest_sent"));
    app.state.clock.advance(Duration::seconds(1));
    assert_eq!(app.post("/account/notifications/digest", &[]).await.status, StatusCode::SEE_OTHER);
    let queued: i64 = sql::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'notice_digest'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(queued, 2);
    // Two servers run the due jobs at the same moment.
    let other = AppState::new(app.state.db.clone(), app.state.clock.clone(), volkshuis_web::Config::default());
    let (a, b) = tokio::join!(run_due_jobs(&app.state), run_due_jobs(&other));
    a.expect("first worker");
    b.expect("second worker");
    assert_eq!(digests(&app, BRAM).await.len(), 1, "one mail, however the jobs fell");
    // And the evening's sweep finds nothing left.
    app.state.clock.advance(Duration::hours(8));
    run_due_jobs(&app.state).await.expect("run");
    assert_eq!(digests(&app, BRAM).await.len(), 1);
    app.login(BRAM).await;
    let page = app.get("/account/notifications?notice=digest_sent").await;
    assert!(page.body.contains("Het overzicht is onderweg naar uw e-mailadres."));
    let resp = app.post("/account/notifications/digest", &[]).await;
    assert_eq!(resp.location(), Some("/account/notifications?notice=nothing_waiting"), "nothing waits: no job");
}

async fn reminders_follow_the_choice(mut app: TestApp) {
    let tenant = app.org_id("hv-de-sleutel").await;
    choose(&mut app, DIRK, "none").await;
    send_request(&mut app, "Wacht op antwoord").await;
    assert!(outbox::list(&app.state.db, 100).await.expect("outbox").iter().all(|m| m.to_address != DIRK));
    app.state.clock.advance(Duration::days(35)); // 30 December 2026: the 7-day reminder.
    run_due_jobs(&app.state).await.expect("run");
    assert!(outbox::list(&app.state.db, 100).await.expect("outbox").iter().all(|m| m.to_address != DIRK), "no mail");
    let (text, link) = last_notice(&app, DIRK).await;
    assert_eq!(text, "Nog 7 dagen voor uw antwoord op: Wacht op antwoord", "the reminder is in the app");
    assert!(link.starts_with(&format!("/orgs/{tenant}/overleg/")));
    // Kept in English too, for when Dirk reads English (ADR 0060).
    let english: Option<String> =
        sql::query_scalar("SELECT text_en FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(app.user_id(DIRK).await)
            .fetch_one(&app.state.db)
            .await
            .expect("notice");
    assert_eq!(english.as_deref(), Some("7 days left for your answer to: Wacht op antwoord"));
}

async fn the_actor_is_never_told_even_as_a_member_of_the_other_side(mut app: TestApp) {
    // Anna also sits on De Sleutel's board (read-only); Dirk is its administrator.
    let tenant = app.org_id("hv-de-sleutel").await;
    let actor = Actor::system("test", app.state.clock.now());
    let mut tx = app.state.db.begin().await.expect("begin");
    users::set_membership(&mut tx, &actor, app.user_id(ANNA).await, tenant, Role::ReadOnly).await.expect("member");
    tx.commit().await.expect("commit");
    let watched = [ANNA, BRAM, CARLA, DIRK];
    step_tells(&mut app, &watched, "request by a member of both", &[DIRK], &[DIRK], async |app| {
        send_request(app, "Isolatie daken").await;
    })
    .await;
}

async fn the_notices_page_keeps_the_choice_and_the_header_counts(mut app: TestApp) {
    assert!(app.get("/account/notifications").await.is_login_redirect());
    app.login(DIRK).await;
    let page = app.get("/account/notifications").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Meldingen</h1>") && page.body.contains("U heeft geen ongelezen meldingen."));
    assert!(page.body.contains(r#"value="immediate" aria-describedby="mail-immediate-hint" checked"#), "the default");
    assert!(page.body.contains(r#"<a class="notices-link" href="/account/notifications">Meldingen</a>"#), "no count");

    let case = send_request(&mut app, "Isolatie daken").await;
    app.login(DIRK).await;
    let page = app.get("/dashboard").await;
    assert!(
        page.body.contains(
            r#"<span class="badge" aria-hidden="true">1</span><span class="sr-only">(1 ongelezen melding)</span>"#
        ),
        "{}",
        page.body
    );
    let page = app.get("/account/notifications").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    assert!(page
        .body
        .contains(&format!(r#"<a href="/orgs/{tenant}/overleg/{case}">Woonstad Voorbeeld stuurde een nieuw verzoek"#)));

    // A forged form, a choice that is none: refused, the page says why at the choice.
    let forged = app.post_raw("/account/notifications", &[("mail", "none")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let wrong = app.post("/account/notifications", &[("mail", "weekly")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong
        .body
        .contains(r#"<p class="field-error" id="mail-error">Kies hoe u meldingen per e-mail wilt krijgen.</p>"#));
    assert!(!wrong.body.contains("checked"), "nothing chosen is shown as chosen");
    let saved = app.post("/account/notifications", &[("mail", "digest")]).await;
    assert_eq!(saved.location(), Some("/account/notifications?notice=saved"));
    let page = app.get("/account/notifications?notice=saved").await;
    assert!(
        page.body.contains("Uw keuze is opgeslagen.")
            && page.body.contains(r#"value="digest" aria-describedby="mail-digest-hint" checked"#)
    );
    let audited: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'notice_settings' AND entity_id = $1")
            .bind(app.user_id(DIRK).await.to_string())
            .fetch_one(&app.state.db)
            .await
            .expect("count");
    assert_eq!(audited, 1);

    // Another user cannot mark Dirk's notice read; Dirk can, and the count goes.
    let id: i64 = sql::query_scalar("SELECT id FROM notifications WHERE user_id = $1")
        .bind(app.user_id(DIRK).await)
        .fetch_one(&app.state.db)
        .await
        .expect("notice");
    app.login(ANNA).await;
    assert_eq!(app.post(&format!("/account/notifications/{id}/read"), &[]).await.status, StatusCode::SEE_OTHER);
    app.login(DIRK).await;
    assert!(app.get("/account/notifications").await.body.contains(r#"class="badge""#), "still unread");
    assert_eq!(app.post(&format!("/account/notifications/{id}/read"), &[]).await.status, StatusCode::SEE_OTHER);
    let page = app.get("/account/notifications").await;
    assert!(!page.body.contains(r#"class="badge""#) && page.body.contains("U heeft geen ongelezen meldingen."));

    // Two more notices, all read at once; the page in English.
    ask(&mut app, case, "Eerste vraag").await;
    ask(&mut app, case, "Tweede vraag").await;
    app.login(ANNA).await;
    let page = app.get("/account/notifications").await;
    assert!(page.body.contains("(2 ongelezen meldingen)"));
    assert!(page.body.contains("De Sleutel stelde een vraag over:"), "{}", page.main());
    // Sent while Anna read Dutch: now that she reads English, so do they (on the dashboard too).
    app.post("/language", &[("lang", "en"), ("back", "/account/notifications")]).await;
    let page = app.get("/account/notifications").await;
    assert!(page.body.contains("De Sleutel asked a question about:"), "{}", page.main());
    assert!(!page.body.contains("stelde een vraag"), "{}", page.main());
    assert!(app.get("/dashboard").await.body.contains("De Sleutel asked a question about:"));
    assert_eq!(app.post("/account/notifications/read-all", &[]).await.status, StatusCode::SEE_OTHER);
    assert!(!app.get("/account/notifications").await.body.contains(r#"class="badge""#));
    let page = app.get("/account/notifications").await;
    assert!(page.body.contains("<h1>Notifications</h1>") && page.body.contains("Once a day"));
    assert!(page.body.contains("every evening at 18:00 (Dutch time)"));
}
