//! Initiatieven through the real router on both databases: a tenant organisation's member brings in a plan, the
//! corporation coaches it through its stages (each move as the rule allows), lends a vacant shop and grants money
//! from a liveability budget (past the budget only with a recorded reason; spending only with evidence), the
//! initiative runs and reports its outcome, and shows itself on the public page only when its initiator chooses.
//! Every route against every role; forged ids refused.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    a_plan_grows_into_a_running_initiative_with_space_and_money,
    every_route_answers_each_role,
    a_wrong_form_comes_back_with_everything_typed,
    the_other_side_hears_of_each_step,
);

/// A vacant shop (status LEE), a business unit (BED) and a home.
const STOCK: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;soort;status\n\
W1;C1;De Ark;Kerkstraat;1;;7411AA;Deventer;GM0150;BU01500000;WON;VERH\n\
S1;C1;De Ark;Kerkstraat;3;;7411AA;Deventer;GM0150;BU01500000;WON;LEE\n\
B1;C1;De Ark;Kerkstraat;5;;7411AA;Deventer;GM0150;BU01500000;BED;VERH\n";

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

async fn setting(app: &mut TestApp) -> i64 {
    let woonstad = app.org_id("woonstad").await;
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(STOCK.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(woonstad), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    woonstad
}

/// De Sleutel's board member brings in a repair café for Woonstad; returns its id.
async fn bring_in(app: &mut TestApp, woonstad: i64) -> i64 {
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login("bestuur@desleutel.test").await;
    let form = [
        ("corporation", woonstad.to_string()),
        ("title", "Repaircafé De Ark".to_owned()),
        ("description", "Elke zaterdag samen spullen repareren.".to_owned()),
        ("place", "Kerkstraat, Deventer".to_owned()),
        ("buurt", "bu01500000".to_owned()),
        ("who", "Vijf bewoners van De Ark".to_owned()),
        ("need_ruimte", "on".to_owned()),
        ("need_geld", "on".to_owned()),
        ("on_behalf", sleutel.to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = app.post("/initiatieven/nieuw", &form).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let to = done.location().expect("to the initiative").to_owned();
    to.trim_start_matches("/initiatieven/mijn/").split('?').next().and_then(|i| i.parse().ok()).expect("id")
}

async fn a_plan_grows_into_a_running_initiative_with_space_and_money(mut app: TestApp) {
    let woonstad = setting(&mut app).await;
    let id = bring_in(&mut app, woonstad).await;
    // The initiator writes the plan; a deficit keeps it from adding up.
    let mine = format!("/initiatieven/mijn/{id}");
    let mut plan = vec![
        ("title", "Repaircafé De Ark"),
        ("description", "Elke zaterdag samen spullen repareren."),
        ("place", "Kerkstraat, Deventer"),
        ("who", "Vijf bewoners van De Ark"),
        ("need_ruimte", "on"),
        ("income", "Bijdragen bezoekers; 600\nGemeente subsidie; 400"),
        ("costs", "Gereedschap; 900,00\nKoffie; 250"),
        ("risk_bearer", "Stichting Repaircafé"),
    ];
    let saved = app.post(&mine, &plan).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get(&mine).await;
    assert!(page.main().contains("De kosten zijn € 150,00 hoger dan de inkomsten"), "{}", page.main());
    plan[6] = ("costs", "Gereedschap; 750,00\nKoffie; 250");
    assert_eq!(app.post(&mine, &plan).await.status, StatusCode::SEE_OTHER);

    // The corporation's staff coach it: the stage rule decides each move.
    app.login("medewerker@woonstad.test").await;
    let base = format!("/orgs/{woonstad}/initiatieven");
    let list = app.get(&base).await;
    assert!(list.main().contains("Repaircafé De Ark"), "{}", list.main());
    let path = format!("{base}/{id}");
    let staff = app.user_id("medewerker@woonstad.test").await;
    assert_eq!(
        app.post(&format!("{path}/coach"), &[("coach", &staff.to_string())]).await.status,
        StatusCode::SEE_OTHER
    );
    let tenant = app.user_id("bestuur@desleutel.test").await;
    let forged = app.post(&format!("{path}/coach"), &[("coach", &tenant.to_string())]).await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND, "a coach is the corporation's own staff");
    let skip = app.post(&format!("{path}/fase"), &[("to", "afspraak")]).await;
    assert_eq!(skip.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(skip.body.contains("één fase vooruit of terug"));
    for to in ["plan", "afspraak"] {
        let moved = app.post(&format!("{path}/fase"), &[("to", to)]).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{to}: {}", moved.body);
    }
    let early = app.post(&format!("{path}/fase"), &[("to", "loopt")]).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("minstens één afspraak"));

    // Where: the complexes it concerns, by the corporation's own codes (an unknown code changes nothing).
    let unknown = app.post(&format!("{path}/complexen"), &[("complexes", "C1, ZZ9")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("ZZ9") && unknown.body.contains("value=\"C1, ZZ9\""), "{}", unknown.body);
    assert_eq!(app.post(&format!("{path}/complexen"), &[("complexes", "C1")]).await.status, StatusCode::SEE_OTHER);
    let linked: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM in_initiative_clusters").fetch_one(&app.state.db).await.expect("n");
    assert_eq!(linked, 1);
    // Space: the vacant home and the business unit are candidates, the rented home is not.
    let page = app.get(&path).await;
    let ids: Vec<i64> =
        sql::query_scalar("SELECT id FROM units WHERE id_extern IN ('W1', 'S1') ORDER BY id_extern DESC")
            .fetch_all(&app.state.db)
            .await
            .expect("units");
    let (rented, vacant) = (ids[0], ids[1]);
    assert!(page.main().contains("Kerkstraat 3") && page.main().contains("Kerkstraat 5"), "{}", page.main());
    // Each with why it may be lent (the kind's code here: this database has no VERA names).
    assert!(page.main().contains("(S1) — WON, staat leeg<") && page.main().contains("(B1) — BED<"), "{}", page.main());
    assert!(!page.main().contains(&format!("value=\"{rented}\"")), "a rented home is not offered");
    let loan = |unit: i64| {
        vec![
            ("unit", unit.to_string()),
            ("rent", "100".to_owned()),
            ("discount", "50".to_owned()),
            ("from", "2026-12-01".to_owned()),
        ]
    };
    let as_refs = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let forged = as_refs(&loan(rented));
    let forged: Vec<(&str, &str)> = forged.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.post(&format!("{path}/ruimte"), &forged).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "a rented home is refused at its field");
    assert!(refused.main().contains("Kies een ruimte uit de lijst") && refused.main().contains("value=\"100\""));
    // A rent below zero was taken as a loan that pays the initiative; one above the forms' limit says the limit.
    for (rent, says) in [("-100", "Vul een bedrag"), ("2000000000", "Volkshuis neemt bedragen tot € 1.000.000.000")] {
        let mut wrong = as_refs(&loan(vacant));
        wrong[1].1 = rent.to_owned();
        let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = app.post(&format!("{path}/ruimte"), &wrong).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "rent {rent}");
        assert!(refused.main().contains(says), "rent {rent}: {}", refused.main());
    }
    let mut good = as_refs(&loan(vacant));
    good.push(("until", "2027-12-31".to_owned()));
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post(&format!("{path}/ruimte"), &good).await.status, StatusCode::SEE_OTHER);
    let lent = app.get(&path).await;
    assert!(lent.main().contains("vanaf 01-12-2026 tot en met 31-12-2027"), "the loan's end: {}", lent.main());

    // A contact in the log has taken place: not on a day to come, and on a day that exists.
    for (day, says) in [("2099-01-01", "dus niet na vandaag"), ("31-02-2026", "Deze datum bestaat niet")] {
        let refused = app.post(&format!("{path}/logboek"), &[("log_on", day), ("log_text", "Gebeld")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        assert!(refused.main().contains(says) && refused.main().contains("Gebeld"), "{day}: {}", refused.main());
    }
    // Money: a budget of 1,000; 1,200 is refused without a reason and granted with one.
    let set = app
        .post(
            &format!("{base}/budgetten"),
            &[("year", "2026"), ("area", "BU01500000"), ("name", "Leefbaarheid De Ark"), ("amount", "1000")],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let budget: i64 = sql::query_scalar("SELECT id FROM in_budgets").fetch_one(&app.state.db).await.expect("budget");
    // A budget for another place does not pay for this initiative: not offered, and refused when sent anyway.
    let elsewhere = [("year", "2026"), ("area", "BU03010101"), ("name", "Leefbaarheid Zutphen"), ("amount", "5000")];
    assert_eq!(app.post(&format!("{base}/budgetten"), &elsewhere).await.status, StatusCode::SEE_OTHER);
    // A code that names no place would pay for nothing: refused, with what it takes.
    let nowhere = [("year", "2026"), ("area", "ZUID"), ("name", "Leefbaarheid Zuid"), ("amount", "5000")];
    let refused = app.post(&format!("{base}/budgetten"), &nowhere).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Vul een CBS-code in") && refused.body.contains("Leefbaarheid Zuid"));
    let zutphen: i64 = sql::query_scalar("SELECT id FROM in_budgets WHERE area_code = 'BU03010101'")
        .fetch_one(&app.state.db)
        .await
        .expect("budget");
    let offered = app.get(&path).await;
    assert!(offered.body.contains("Leefbaarheid De Ark 2026") && !offered.body.contains("Leefbaarheid Zutphen"));
    let other = app.post(&format!("{path}/geld"), &[("budget", &zutphen.to_string()), ("amount", "100")]).await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(other.body.contains("Dit budget is voor BU03010101"), "{}", other.main());
    // A budget that was never offered (none of the corporation's) is refused at its field, the amount kept.
    let forged = app.post(&format!("{path}/geld"), &[("budget", "999999"), ("amount", "175")]).await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(forged.main().contains("id=\"budget-error\"") && forged.main().contains("value=\"175\""));
    let over = app.post(&format!("{path}/geld"), &[("budget", &budget.to_string()), ("amount", "1200")]).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(over.body.contains("€ 200,00 groter dan wat er over is") && over.body.contains("value=\"1200\""));
    let with_reason = [
        ("budget", budget.to_string()),
        ("amount", "1200".to_owned()),
        ("override", "Bestuur besloot 8-12".to_owned()),
    ];
    let with_reason: Vec<(&str, &str)> = with_reason.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post(&format!("{path}/geld"), &with_reason).await.status, StatusCode::SEE_OTHER);
    let initiator = app.user_id("bestuur@desleutel.test").await;
    let told = app.notices_of(initiator).await;
    assert!(
        told.iter().any(|(text, _)| text.contains("kende uw initiatief Repaircafé De Ark € 1.200,00 toe")),
        "{told:?}"
    );
    let grant: i64 = sql::query_scalar("SELECT id FROM in_grants").fetch_one(&app.state.db).await.expect("grant");
    let spend = format!("{base}/toekenningen/{grant}/uitgaven");
    let id_text = id.to_string();
    let no_evidence = [
        ("initiative", id_text.as_str()),
        ("spend_on", "2026-11-25"),
        ("spend_amount", "300"),
        ("spend_what", "Soldeerbouten"),
        ("spend_evidence", ""),
    ];
    let refused = app.post(&spend, &no_evidence).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Beschrijf de bon of factuur"));
    // The message stands at its field in the grant's own form, which opens with what was typed.
    let at_field = format!("<p class=\"field-error\" id=\"spend_evidence-{grant}-error\">");
    assert!(refused.main().contains(&at_field) && refused.main().contains("value=\"Soldeerbouten\""));
    let with_evidence = [
        ("initiative", id_text.as_str()),
        ("spend_on", "2026-11-25"),
        ("spend_amount", "300"),
        ("spend_what", "Soldeerbouten"),
        ("spend_evidence", "Factuur 2026-118 Gamma"),
    ];
    // Spending is dated from the grant's day (today, 25 November) up to today.
    for (day, why) in [("2026-12-02", "niet na vandaag"), ("2020-01-01", "vóór de toekenning op 25-11-2026")] {
        let mut dated = with_evidence.to_vec();
        dated[1] = ("spend_on", day);
        let refused = app.post(&spend, &dated).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        assert!(refused.body.contains(why) && refused.body.contains("Factuur 2026-118 Gamma"), "{day}");
    }
    assert_eq!(app.post(&spend, &with_evidence).await.status, StatusCode::SEE_OTHER);
    let budgets = app.get(&format!("{base}/budgetten")).await;
    assert!(budgets.main().contains("€ -200,00") && budgets.main().contains("data-overdrawn"), "{}", budgets.main());

    // Running now, with its outcome for the year.
    assert_eq!(app.post(&format!("{path}/fase"), &[("to", "loopt")]).await.status, StatusCode::SEE_OTHER);
    let outcome = [
        ("year", "2026"),
        ("participants", "40"),
        ("volunteers", "6"),
        ("jobs", "1"),
        ("visitors", "220"),
        ("story", ""),
    ];
    let mut next_year = outcome.to_vec();
    next_year[0] = ("year", "2027");
    let refused = app.post(&format!("{path}/opbrengst"), &next_year).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "what a year to come brought is not known");
    assert!(refused.body.contains("tot en met 2026"), "{}", refused.main());
    assert_eq!(app.post(&format!("{path}/opbrengst"), &outcome).await.status, StatusCode::SEE_OTHER);
    // The same year again replaces what it has only when asked (one figure sent replaced every figure with 0).
    let partial = [("year", "2026"), ("participants", "1")];
    let asked = app.post(&format!("{path}/opbrengst"), &partial).await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked.body.contains("Voor dit jaar staat al: 2026: 40 deelnemers"), "{}", asked.main());
    let replaced =
        [("year", "2026"), ("participants", "41"), ("volunteers", "6"), ("visitors", "220"), ("replace", "on")];
    assert_eq!(app.post(&format!("{path}/opbrengst"), &replaced).await.status, StatusCode::SEE_OTHER);
    assert!(app.get(&path).await.main().contains("2026: 41 deelnemers"));
    let home = app.get(&base).await;
    assert!(home.main().contains("BU01500000") && home.main().contains("<td>220</td>"), "{}", home.main());
    // A photo with the story: a photo only (a PDF named .jpg is refused), shown to those who see the initiative.
    let jpeg: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00 the opening";
    let fake: &[u8] = b"%PDF-1.7 not a photo";
    let refused =
        app.post_multipart(&format!("{path}/fotos"), &[("photo_year", "2026")], &[("opening.jpg", fake)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("JPEG of PNG") && refused.body.contains("value=\"2026\""), "{}", refused.body);
    let added = app.post_multipart(&format!("{path}/fotos"), &[("photo_year", "2026")], &[("opening.jpg", jpeg)]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let photo: i64 =
        sql::query_scalar("SELECT id FROM in_outcome_photos").fetch_one(&app.state.db).await.expect("photo");
    let shown = app.get(&format!("{path}/fotos/{photo}")).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(shown.headers.get("content-type").and_then(|v| v.to_str().ok()), Some("image/jpeg"));
    assert!(app.get(&path).await.main().contains(&format!("{path}/fotos/{photo}")));
    // Ending asks what was learned.
    let ended = app.post(&format!("{path}/fase"), &[("to", "beeindigd")]).await;
    assert_eq!(ended.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(ended.body.contains("wat er geleerd is"));
    // Ending cannot be undone: asked once more, naming the initiative; the way back keeps the lessons as typed.
    let ending = [("to", "beeindigd"), ("lessons", "Vrijwilligers vinden kost tijd")];
    let asked = app.post(&format!("{path}/fase"), &ending).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        asked.main().contains("Initiatief beëindigen?") && asked.main().contains("niet ongedaan"),
        "{}",
        asked.main()
    );
    let back = app.post(&format!("{path}/fase"), &[ending[0], ending[1], ("confirmed", "edit")]).await;
    assert_eq!(back.status, StatusCode::OK);
    assert!(back.main().contains("Vrijwilligers vinden kost tijd"), "{}", back.main());
    let ended: i64 = sql::query_scalar("SELECT COUNT(*) FROM in_initiatives WHERE stage = 'beeindigd'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(ended, 0, "nothing ended before the answer");

    // Another resident sees neither the initiative nor its photo.
    app.login("secretaris@bewonersraadnoord.test").await;
    assert_eq!(app.get(&format!("{mine}/fotos/{photo}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&mine).await.status, StatusCode::NOT_FOUND);
    // The initiator sees the support and publishes; the public page shows the summary, not the people.
    app.login("bestuur@desleutel.test").await;
    assert_eq!(app.get(&format!("{mine}/fotos/{photo}")).await.status, StatusCode::OK);
    let page = app.get(&mine).await;
    assert!(page.main().contains("Kerkstraat 3") && page.main().contains("€ 1.200,00"), "{}", page.main());
    // Asked once more with what it shows, nothing public before the answer.
    let summary = [("public_summary", "Elke zaterdag open in De Ark.")];
    let asked = app.post(&format!("{mine}/openbaar"), &summary).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("data-confirm") && asked.body.contains("„Elke zaterdag open in De Ark.”"));
    assert!(asked.body.contains("name=\"public_summary\" value=\"Elke zaterdag open in De Ark.\""), "carried");
    assert!(!app.get("/initiatieven").await.body.contains("Elke zaterdag open in De Ark."), "not yet public");
    // The way back brings the form with the summary as typed, and publishes nothing.
    let back = app.post(&format!("{mine}/openbaar"), &[summary[0], ("confirmed", "edit")]).await;
    assert_eq!(back.status, StatusCode::OK);
    assert!(back.body.contains(">Elke zaterdag open in De Ark.</textarea>") && !back.body.contains("data-confirm"));
    assert!(!app.get("/initiatieven").await.body.contains("Elke zaterdag open in De Ark."), "still not public");
    let confirmed = [summary[0], ("confirmed", "yes")];
    let published = app.post(&format!("{mine}/openbaar"), &confirmed).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    // Once public, the form updates the summary and says so, rather than offering to publish again.
    let own = app.get(&mine).await;
    assert!(own.main().contains("Openbare samenvatting bijwerken") && !own.main().contains(">Openbaar maken</button>"));
    let update = app.post(&format!("{mine}/openbaar"), &[("public_summary", "Elke zaterdag en woensdag open.")]).await;
    assert!(update.main().contains("staat al op de openbare pagina") && update.main().contains("Ja, werk bij"));
    assert!(!update.main().contains("Ja, maak openbaar"), "{}", update.main());
    app.clear_cookies();
    let public = app.get("/initiatieven").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.main().contains("Elke zaterdag open in De Ark.") && !public.main().contains("Vijf bewoners"));
}

async fn every_route_answers_each_role(mut app: TestApp) {
    let woonstad = setting(&mut app).await;
    let id = bring_in(&mut app, woonstad).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let w = format!("/orgs/{woonstad}/initiatieven");
    use StatusCode as S;
    const OK: S = S::OK;
    const NO: S = S::FORBIDDEN;
    const NF: S = S::NOT_FOUND;
    // (route, [corporation admin, staff, read-only, tenant org (initiator), municipality, platform admin])
    let table: Vec<(String, [StatusCode; 6])> = vec![
        (w.clone(), [OK, OK, OK, NO, NO, OK]),
        (format!("{w}/{id}"), [OK, OK, OK, NO, NO, OK]),
        (format!("{w}/budgetten"), [OK, OK, OK, NO, NO, OK]),
        (format!("/orgs/{sleutel}/initiatieven"), [NO, NO, NO, OK, NO, OK]),
        (format!("/orgs/{municipality}/initiatieven"), [NO, NO, NO, NO, NF, NF]),
        (format!("/initiatieven/mijn/{id}"), [NF, NF, NF, OK, NF, NF]),
        ("/initiatieven/mijn".to_owned(), [OK, OK, OK, OK, OK, OK]),
        ("/initiatieven/nieuw".to_owned(), [OK, OK, OK, OK, OK, OK]),
        ("/initiatieven".to_owned(), [OK, OK, OK, OK, OK, OK]),
    ];
    let people = [
        "admin@woonstad.test",
        "medewerker@woonstad.test",
        "lezer@woonstad.test",
        "bestuur@desleutel.test",
        "beleid@voorbeeldstad.test",
        "beheer@volkshuis.test",
    ];
    for (who, email) in people.iter().enumerate() {
        app.login(email).await;
        for (route, expected) in &table {
            assert_eq!(app.get(route).await.status, expected[who], "{email} on {route}");
        }
    }
    // A read-only member and the initiator cannot do the corporation's steps; nobody else's initiative is theirs.
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.post(&format!("{w}/{id}/fase"), &[("to", "plan")]).await.status, StatusCode::FORBIDDEN);
    app.login("bestuur@desleutel.test").await;
    assert_eq!(app.post(&format!("{w}/{id}/fase"), &[("to", "plan")]).await.status, StatusCode::FORBIDDEN);
    app.login("admin@woonstad.test").await;
    assert_eq!(
        app.post(&format!("/initiatieven/mijn/{id}/openbaar"), &[("public_summary", "x")]).await.status,
        StatusCode::NOT_FOUND
    );
    // Visitors are sent to log in for everything but the public page.
    app.clear_cookies();
    assert!(app.get("/initiatieven/nieuw").await.is_login_redirect());
    assert!(app.get(&format!("{w}/{id}")).await.is_login_redirect());
    assert_eq!(app.get("/initiatieven").await.status, StatusCode::OK);
}

async fn a_wrong_form_comes_back_with_everything_typed(mut app: TestApp) {
    let woonstad = setting(&mut app).await;
    app.login("bestuur@desleutel.test").await;
    let other = app.org_id("gm-voorbeeldstad").await;
    let form = [
        ("corporation", woonstad.to_string()),
        ("title", "Buurttuin".to_owned()),
        ("description", "".to_owned()),
        ("place", "Achter De Ark".to_owned()),
        ("buurt", "BU0150".to_owned()),
        ("who", "Bewoners".to_owned()),
        ("on_behalf", other.to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.post("/initiatieven/nieuw", &form).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &refused.body;
    assert!(
        body.contains("value=\"Buurttuin\"")
            && body.contains("value=\"Achter De Ark\"")
            && body.contains("value=\"BU0150\"")
    );
    assert!(body.contains("Een buurtcode is BU gevolgd door 8 cijfers") && body.contains("Kies ten minste één"));
    // Fixed, but for an organisation the user is no member of: refused on that field, nothing stored.
    let mut fixed: Vec<(&str, &str)> = form.clone();
    fixed[2] = ("description", "Samen tuinieren");
    fixed[4] = ("buurt", "");
    fixed.push(("need_advies", "on"));
    let refused = app.post("/initiatieven/nieuw", &fixed).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("geen lid van die organisatie"), "{}", refused.body);
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM in_initiatives").fetch_one(&app.state.db).await.expect("n");
    assert_eq!(n, 0);
}

async fn the_other_side_hears_of_each_step(mut app: TestApp) {
    let woonstad = setting(&mut app).await;
    let id = bring_in(&mut app, woonstad).await;
    let (staff, reader, admin, initiator) = (
        app.user_id("medewerker@woonstad.test").await,
        app.user_id("lezer@woonstad.test").await,
        app.user_id("admin@woonstad.test").await,
        app.user_id("bestuur@desleutel.test").await,
    );
    // A plan came in: the corporation's staff and administrators are told, a read-only member is not.
    let page = format!("/orgs/{woonstad}/initiatieven/{id}");
    for user in [staff, admin] {
        let told = app.notices_of(user).await;
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].0.contains("diende een bewonersinitiatief in: Repaircafé De Ark"), "{told:?}");
        assert_eq!(told[0].1, page);
    }
    assert!(app.notices_of(reader).await.is_empty());
    assert!(app.notices_of(initiator).await.is_empty(), "nobody is told of their own step");

    // The administrator makes the staff member its coach: the coach is told once, also when the form is saved again.
    app.login("admin@woonstad.test").await;
    for _ in 0..2 {
        let saved = app.post(&format!("{page}/coach"), &[("coach", &staff.to_string())]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    let told = app.notices_of(staff).await;
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(told[1].0.contains("maakte u coach van het bewonersinitiatief Repaircafé De Ark"), "{told:?}");

    // A stage moved: the initiator is told, with a link to their own page of it.
    let moved = app.post(&format!("{page}/fase"), &[("to", "plan")]).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let told = app.notices_of(initiator).await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].0.contains("zette uw initiatief Repaircafé De Ark in de fase"), "{told:?}");
    assert_eq!(told[0].1, format!("/initiatieven/mijn/{id}"));
    // The initiator's mail choice is followed: by default a mail at once, naming nothing but the step.
    let mails: Vec<String> = sql::query_scalar("SELECT body FROM outbox WHERE to_address = 'bestuur@desleutel.test'")
        .fetch_all(&app.state.db)
        .await
        .expect("mails");
    assert!(
        mails.iter().any(|m| m.contains("omdat het over u gaat") && m.contains(&format!("/initiatieven/mijn/{id}"))),
        "{mails:?}"
    );
}
