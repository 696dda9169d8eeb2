//! The Participatiekaart through the real router on both databases: groups kept by a tenant organisation and the
//! corporation, coverage with its blind spots, the public lookup and join request, the diagnosis; role by role.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::GemeenteCode;
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_web::{run_due_jobs, schedule_housekeeping};

on_both_backends!(
    groups_coverage_and_blind_spots,
    a_tenant_finds_a_group_and_asks_to_join,
    a_tenant_types_the_number_as_people_write_it_and_names_one_home,
    both_parties_answer_the_diagnosis,
    a_message_reaches_the_achterban_after_approval,
    an_address_in_two_corporations_stock_shows_the_groups_of_both,
    public_lookups_wait_after_twenty_per_address,
    a_group_area_names_only_codes_in_the_stock,
    a_municipality_sees_only_its_own_gemeenten,
    a_group_answers_a_request_to_join_and_it_is_deleted,
    coverage_names_the_buurten_where_the_cbs_areas_are_loaded,
);

const STOCK: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
A1;C1;De Ark;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000\n\
A2;C1;De Ark;Kerkstraat;2;;1011AA;Amsterdam;GM0363;BU03630000\n\
A3;C2;Het Anker;Dorpsweg;3;;1011AB;Amsterdam;GM0363;BU03630001\n";

/// An administrator's scope on `org`, granted through the check as the web layer grants it.
fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}
/// Woonstad gets three units; returns (woonstad, De Sleutel).
async fn with_stock(app: &mut TestApp) -> (i64, i64) {
    let woonstad = app.org_id("woonstad").await;
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(STOCK.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(woonstad), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    // De Sleutel consults Woonstad.
    app.login("admin@woonstad.test").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let resp =
        app.post(&format!("/orgs/{woonstad}/overleg/partners"), &[("tenant_org_id", &sleutel.to_string())]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    (woonstad, sleutel)
}

/// Gives organisation `org` the gemeente codes `codes` (boundary set 2023), as the platform administrator does.
async fn set_gemeenten(app: &TestApp, org: i64, codes: &[&str]) {
    let codes: Vec<GemeenteCode> = codes.iter().map(|c| GemeenteCode::parse(c).expect("code")).collect();
    let actor = Actor::system("test", app.state.clock.now());
    let mut tx = app.state.db.begin().await.expect("begin");
    volkshuis_store::gemeenten::set(&mut tx, &actor, org, &codes, 2023).await.expect("known codes");
    tx.commit().await.expect("commit");
}

/// Registers a second corporation and imports `stock` for it; returns its id.
async fn second_corporation(app: &TestApp, stock_file: &'static str) -> i64 {
    let actor = Actor::system("test", app.state.clock.now());
    let fields = volkshuis_store::orgs::OrgFields {
        code: volkshuis_domain::org::OrgCode::parse("tweede-corporatie").expect("code"),
        name: volkshuis_domain::text::Name::parse("Tweede Corporatie").expect("name"),
        kind: volkshuis_domain::org::OrgKind::Corporation,
    };
    let mut tx = app.state.db.begin().await.expect("begin");
    let second = volkshuis_store::orgs::create(&mut tx, &actor, &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    let reader = StockReader::new(stock_file.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(second), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    second
}

fn group_form<'a>(corporation: &'a str, name: &'a str, kind: &'a str, codes: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("corporation_id", corporation),
        ("name", name),
        ("kind", kind),
        ("area_kind", "complexes"),
        ("area_complexes", codes),
        ("contact_role", "secretaris"),
        ("approx_size", "30"),
        ("channel_meetings", "on"),
        ("description", "Wij praten mee over onderhoud."),
        ("join_info", "Kom naar de volgende vergadering."),
        ("started_on", "2020-01-01"),
    ]
}

/// The id at the end of a redirect path.
fn id_in(location: Option<&str>) -> i64 {
    let path = location.expect("redirect").split('?').next().expect("path");
    path.rsplit('/').next().and_then(|s| s.parse().ok()).expect("id")
}

async fn groups_coverage_and_blind_spots(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    let w = woonstad.to_string();
    app.login("bestuur@desleutel.test").await;
    let path = format!("/orgs/{sleutel}/participatie/groepen/nieuw");
    // Without codes for a complex group: refused, typed values kept.
    let mut bad = group_form(&w, "Commissie De Ark", "bewonerscommissie", "");
    bad.retain(|(k, _)| *k != "channel_meetings");
    let resp = app.post(&path, &bad).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.body.contains("Geef minstens één complexcode of buurtcode.")
            && resp.body.contains("value=\"Commissie De Ark\"")
    );
    // Active since a day still to come: refused, what was typed kept.
    let mut future = group_form(&w, "Commissie De Ark", "bewonerscommissie", "c1");
    future.retain(|(k, _)| *k != "started_on");
    future.push(("started_on", "2031-01-01"));
    let resp = app.post(&path, &future).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Een groep kan niet actief zijn sinds een dag die nog moet komen."), "{}", resp.main());
    assert!(resp.body.contains("value=\"2031-01-01\""), "{}", resp.main());
    let resp = app.post(&path, &group_form(&w, "Commissie De Ark", "bewonerscommissie", "c1")).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let ark = id_in(resp.location());

    // Unrecognised yet: De Ark is covered informally, Het Anker is a blind spot.
    let cov = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=complex")).await;
    assert_eq!(cov.status, StatusCode::OK);
    assert!(cov.body.contains("<dd>0</dd>") && cov.body.contains("<strong>1</strong> (33%)"), "{}", cov.body);
    // The criteria of a bewonerscommissie (2–4): a criterion ticked as met names its evidence; the rest of the form
    // comes back as typed.
    let criteria = format!("/orgs/{sleutel}/participatie/groepen/{ark}/criteria");
    let unshown = [
        ("met_informs_involves", "on"),
        ("evidence_informs_involves", "nieuwsbrief"),
        ("met_yearly_meeting", "on"),
        ("met_open_to_all", "on"),
    ];
    let resp = app.post(&criteria, &unshown).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(resp.body.matches("Noem het bewijs").count(), 2, "{}", resp.main());
    assert!(resp.body.contains("id=\"evidence_yearly_meeting-error\"") && resp.body.contains("value=\"nieuwsbrief\""));
    let shown = [
        ("met_informs_involves", "on"),
        ("evidence_informs_involves", "nieuwsbrief"),
        ("met_yearly_meeting", "on"),
        ("evidence_yearly_meeting", "notulen jaarvergadering"),
        ("met_open_to_all", "on"),
        ("evidence_open_to_all", "statuten art. 3"),
    ];
    assert_eq!(app.post(&criteria, &shown).await.status, StatusCode::SEE_OTHER);
    // Met, not yet recognised: recognition is the corporation's (ADR 0072); the tenant organisation cannot give it.
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(!page.body.contains("Erkend (Overlegwet)") && page.body.contains("nieuwsbrief"), "{}", page.main());
    assert!(page.main().contains("wacht op erkenning door Woonstad Voorbeeld") && !page.body.contains("/erkenning"));
    let own = app.post(&format!("/orgs/{sleutel}/participatie/groepen/{ark}/erkenning"), &[("erkennen", "ja")]).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    let recognise = format!("/orgs/{woonstad}/participatie/groepen/{ark}/erkenning");
    for email in ["lezer@woonstad.test", "beheer@volkshuis.test"] {
        app.login(email).await;
        let tried = app.post(&recognise, &[("erkennen", "ja"), ("confirmed", "yes")]).await;
        assert_eq!(tried.status, StatusCode::FORBIDDEN, "{email}");
    }
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&format!("/orgs/{woonstad}/participatie/groepen/{ark}")).await;
    assert!(page.body.contains("name=\"erkennen\" value=\"ja\""), "{}", page.main());
    let asked = app.post(&recognise, &[("erkennen", "ja")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.main().contains("Woonstad Voorbeeld erkent Commissie De Ark"), "{}", asked.main());
    assert!(!app
        .get(&format!("/orgs/{woonstad}/participatie/groepen/{ark}"))
        .await
        .body
        .contains("Erkend (Overlegwet)"));
    let done = app.post(&recognise, &[("erkennen", "ja"), ("confirmed", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let twice = app.post(&recognise, &[("erkennen", "ja"), ("confirmed", "yes")]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "recognised already");
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(page.body.contains("Erkend (Overlegwet)") && page.main().contains("Erkend door Woonstad Voorbeeld op"));
    // One carried over by migration 66 says the corporation never looked at it.
    sql::query("UPDATE part_groups SET recognised_by = 'migratie 66' WHERE id = $1")
        .bind(ark)
        .execute(&app.state.db)
        .await
        .expect("carried over");
    let carried = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(carried.main().contains("heeft de erkenning zelf nog niet bekeken"), "{}", carried.main());
    // Registered this year, it is not asked for last year's members' meeting; next year, for this year's.
    assert!(!page.body.contains("Geen jaarvergadering in 2025"), "registered in 2026: 2025 is not judged");
    let days_to_next_year = (time::macros::date!(2027 - 01 - 10)
        - volkshuis_domain::calendar::dutch_date(app.state.clock.now()))
    .whole_days();
    app.state.clock.advance(time::Duration::days(days_to_next_year));
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(page.body.contains("Geen jaarvergadering in 2026"), "no members' meeting last year: {}", page.main());
    // Saving the form for one evidence text dates only that criterion: the others keep the day they were checked
    // (every criterion read "gecontroleerd op" today, the missed meeting's too).
    let mut again = shown;
    again[1] = ("evidence_informs_involves", "nieuwsbrief en website");
    let resp = app.post(&criteria, &again).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert_eq!(page.body.matches("gecontroleerd op 10-01-2027").count(), 1, "{}", page.main());
    assert_eq!(page.body.matches("gecontroleerd op 25-11-2026").count(), 2, "{}", page.main());
    let resp = app
        .post(
            &format!("/orgs/{sleutel}/participatie/groepen/{ark}/activiteiten"),
            &[
                ("activity_kind", "members_meeting"),
                ("held_on", "2026-04-10"),
                ("topic", "Jaarvergadering"),
                ("participants", "23"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(!page.body.contains("Geen jaarvergadering in 2026") && page.body.contains("Jaarvergadering"));
    app.state.clock.advance(time::Duration::days(-days_to_next_year));
    app.login("bestuur@desleutel.test").await;
    let cov = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=complex")).await;
    let formal = cov.body.split("Erkende vertegenwoordiging</dt><dd>").nth(1).expect("formal count");
    assert!(formal.starts_with("2<"), "two units covered formally: {formal:.20}");
    // Every unit's page says who speaks for it.
    let unit_id = |id_extern: &'static str| {
        let db = app.state.db.clone();
        async move {
            sql::query_scalar::<i64>("SELECT id FROM units WHERE id_extern = $1")
                .bind(id_extern)
                .fetch_one(&db)
                .await
                .expect("unit")
        }
    };
    let (a1, a3) = (unit_id("A1").await, unit_id("A3").await);
    app.login("admin@woonstad.test").await;
    let page = app.get(&format!("/orgs/{woonstad}/stock/units/{a1}")).await;
    assert!(page.body.contains("Commissie De Ark") && page.body.contains("Erkende vertegenwoordiging"));
    let page = app.get(&format!("/orgs/{woonstad}/stock/units/{a3}")).await;
    assert!(page.body.contains("Geen stem (blinde vlek)"));
    app.login("bestuur@desleutel.test").await;
    let anker = cov.body.split("Het Anker (C2)").nth(1).expect("Het Anker row");
    assert!(anker.contains("100%"), "Het Anker: all tenants without a voice");
    // Filtered by kind: counting only digital panels, nobody speaks for anyone.
    let panels = app
        .get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=complex&soort=digitaal_panel"))
        .await;
    assert!(panels.body.contains("<strong>3</strong> (100%)"), "{}", panels.body);
    let committees = app
        .get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=complex&soort=bewonerscommissie"))
        .await;
    assert!(committees.body.contains("<strong>1</strong> (33%)"));

    // The committee now speaks for both complexes; it cannot fall under itself.
    let edit = format!("/orgs/{sleutel}/participatie/groepen/{ark}/bewerken");
    let form = app.get(&edit).await;
    assert!(form.body.contains("value=\"C1\"") && form.body.contains("value=\"Commissie De Ark\""), "prefilled");
    let ark_s = ark.to_string();
    let mut cyclic = group_form(&w, "Commissie De Ark", "bewonerscommissie", "C1, C2");
    cyclic.push(("parent_id", &ark_s));
    let circle = app.post(&edit, &cyclic).await;
    assert_eq!(circle.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(circle.body.contains("niet deze groep zelf en geen groep die eronder valt"), "{}", circle.main());
    // Two tabs open the form; the first saves; the second's save would undo it unseen: it comes back as typed, told,
    // and keeps its version only when saved again (the later of two saves silently won).
    let seen_in = |body: &str| {
        let needle = "name=\"seen\" value=\"";
        let at = body.find(needle).expect("the form carries what it showed") + needle.len();
        body[at..at + 24].to_owned()
    };
    let seen = seen_in(&form.body);
    let mut first = group_form(&w, "Commissie De Ark", "bewonerscommissie", "C1, C2");
    first.push(("seen", &seen));
    assert_eq!(app.post(&edit, &first).await.status, StatusCode::SEE_OTHER);
    let mut second = group_form(&w, "Commissie De Ark en Het Anker", "bewonerscommissie", "C1, C2");
    second.push(("seen", &seen));
    let stale = app.post(&edit, &second).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.main().contains("Deze groep is gewijzigd sinds u dit formulier opende"));
    assert!(stale.body.contains("value=\"Commissie De Ark en Het Anker\""), "what was typed is kept");
    let now = seen_in(&stale.body);
    assert_ne!(now, seen, "the form now carries what the group holds");
    second.retain(|(k, _)| *k != "seen");
    second.push(("seen", &now));
    let resp = app.post(&edit, &second).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let cov = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=complex")).await;
    let formal = cov.body.split("Erkende vertegenwoordiging</dt><dd>").nth(1).expect("formal count");
    assert!(formal.starts_with("3<"), "all three units now covered formally: {formal:.20}");

    // The corporation sees the group; the other tenant organisation does not; the municipality has no such page.
    // (Ending a group is tested below, after these checks.)
    app.login("admin@woonstad.test").await;
    let list = app.get(&format!("/orgs/{woonstad}/participatie")).await;
    assert!(list.body.contains("Commissie De Ark"));
    assert!(list.body.contains("<title>Participatie · Volkshuis</title>"), "a clean page title");
    let page = app.get(&format!("/orgs/{woonstad}/participatie/groepen/{ark}")).await;
    assert!(!page.body.contains("Aanmeldingen van huurders"), "the inbox is for the keeping organisation");
    assert!(!page.body.contains("/criteria\""), "the corporation does not edit a tenant organisation's group");
    assert_eq!(
        app.get(&format!("/orgs/{woonstad}/participatie/groepen/{ark}/bewerken")).await.status,
        StatusCode::FORBIDDEN
    );
    app.login("secretaris@bewonersraadnoord.test").await;
    let noord = app.org_id("bewonersraad-noord").await;
    assert_eq!(app.get(&format!("/orgs/{noord}/participatie/groepen/{ark}")).await.status, StatusCode::NOT_FOUND);
    assert!(!app.get(&format!("/orgs/{noord}/participatie")).await.body.contains("Commissie De Ark"));
    // Nor hang a group of its own under it by typing its id: refused, the form back as typed, nothing written.
    let mut under = group_form(&w, "Commissie Erbij", "bewonerscommissie", "C2");
    under.push(("parent_id", &ark_s));
    let refused = app.post(&format!("/orgs/{noord}/participatie/groepen/nieuw"), &under).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("value=\"Commissie Erbij\""), "{}", refused.main());
    assert!(refused.body.contains("Kies bij ‘Valt onder’ een groep uit de lijst"), "{}", refused.main());
    // A parent that is no id at all is named the same way (the form came back without a word).
    let mut garbled = group_form(&w, "Commissie Erbij", "bewonerscommissie", "C2");
    garbled.push(("parent_id", "abc"));
    let refused = app.post(&format!("/orgs/{noord}/participatie/groepen/nieuw"), &garbled).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Kies bij ‘Valt onder’ een groep uit de lijst"), "{}", refused.main());
    assert!(!app.get(&format!("/orgs/{noord}/participatie")).await.body.contains("Commissie Erbij"));
    // A group's form offers as its parent neither itself nor a group below it (it offered them, and the save then
    // refused them as a circle); the group below is offered the one above.
    app.login("bestuur@desleutel.test").await;
    let mut child = group_form(&w, "Werkgroep Tuin", "bewonerscommissie", "C1");
    child.push(("parent_id", &ark_s));
    let made = app.post(&format!("/orgs/{sleutel}/participatie/groepen/nieuw"), &child).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.main());
    let tuin = id_in(made.location());
    let form = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}/bewerken")).await;
    let parent_field = &form.body[form.body.find("id=\"parent_id\"").expect("the parent field")..];
    let parent_field = &parent_field[..parent_field.find("</select>").expect("its end")];
    assert!(!parent_field.contains(&format!("value=\"{tuin}\"")), "not the group below: {parent_field}");
    assert!(!parent_field.contains(&format!("value=\"{ark}\"")), "not itself: {parent_field}");
    let form = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{tuin}/bewerken")).await;
    assert!(form.body.contains(&format!("<option value=\"{ark}\" selected>")), "the one above is offered");
    // Ending a group is asked once more, saying what it changes; nothing ends before it is confirmed.
    let end = |group: i64| format!("/orgs/{sleutel}/participatie/groepen/{group}/beeindigen");
    let asked = app.post(&end(tuin), &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.main().contains("beëindigen?") && asked.main().contains("niet heropenen"), "{}", asked.main());
    assert!(app.get(&format!("/orgs/{sleutel}/participatie")).await.body.contains(&format!("groepen/{tuin}\"")));
    let ended = app.post(&end(tuin), &[("confirmed", "yes")]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    // Ending the committee: it leaves the list and nobody speaks for the tenants any more.
    assert_eq!(app.post(&end(ark), &[("confirmed", "yes")]).await.status, StatusCode::SEE_OTHER);
    assert!(!app.get(&format!("/orgs/{sleutel}/participatie")).await.body.contains("Commissie De Ark"));
    let cov = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}")).await;
    assert!(cov.body.contains("<strong>3</strong> (100%)"), "all three blind again");
    // The municipality sees the coverage figures of its own gemeente, never groups or contacts.
    let gemeente = app.org_id("gm-voorbeeldstad").await;
    set_gemeenten(&app, gemeente, &["GM0363"]).await;
    app.login("beleid@voorbeeldstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{gemeente}/participatie")).await.status, StatusCode::NOT_FOUND);
    let figures = app.get(&format!("/orgs/{gemeente}/participatie/dekking?corporatie={woonstad}&per=complex")).await;
    assert_eq!(figures.status, StatusCode::OK);
    assert!(figures.body.contains("Het Anker (C2)") && !figures.body.contains("Commissie De Ark"));
    let recompute = app.post(&format!("/orgs/{gemeente}/participatie/dekking/{woonstad}/herberekenen"), &[]).await;
    assert_eq!(recompute.status, StatusCode::NOT_FOUND, "a municipality may look, not recompute");
    assert!(!figures.body.contains("herberekenen"));
    assert!(!figures.body.contains("/participatie/diagnose"), "no links a municipality cannot follow");
    let map = app.get(&format!("/orgs/{gemeente}/participatie/dekking/kaart.json?corporatie={woonstad}&zoom=14")).await;
    assert_eq!(map.status, StatusCode::OK, "the coverage map too");
    assert_eq!(app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await.status, StatusCode::FORBIDDEN);
}

async fn a_tenant_finds_a_group_and_asks_to_join(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    app.login("bestuur@desleutel.test").await;
    let resp = app
        .post(
            &format!("/orgs/{sleutel}/participatie/groepen/nieuw"),
            &group_form(&woonstad.to_string(), "Commissie De Ark", "bewonerscommissie", "C1"),
        )
        .await;
    let ark = id_in(resp.location());

    // A visitor, not logged in.
    app.clear_cookies();
    let page = app.get("/doe-mee?postcode=1011+aa&huisnummer=2").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Kerkstraat 2, 1011AA Amsterdam") && page.body.contains("Commissie De Ark"));
    assert!(page.body.contains("Kom naar de volgende vergadering.") && page.body.contains("secretaris"));
    assert!(!page.body.contains("bestuur@desleutel.test"), "no private contact data on the public page");
    assert!(page
        .body
        .contains("Alleen Huurdersvereniging De Sleutel leest uw aanmelding. Na 180 dagen wordt die verwijderd."));
    assert!(
        page.body.contains(&format!("aria-describedby=\"consent-kept-{ark}\"")),
        "the sentence is read with the box"
    );
    let other = app.get("/doe-mee?postcode=1011AB&huisnummer=3").await;
    assert!(other.body.contains("(nog) geen groep bekend"), "Het Anker has no group");
    let unknown = app.get("/doe-mee?postcode=9999ZZ&huisnummer=1").await;
    assert!(unknown.body.contains("staat niet in het bezit"));

    let join = format!("/doe-mee/groepen/{ark}");
    // The form's address opened from the address bar (after a refused request) leads to the search, not a 405.
    assert_eq!(app.get(&join).await.location(), Some("/doe-mee"));
    let fields = [
        ("postcode", "1011AA"),
        ("huisnummer", "2"),
        ("toevoeging", ""),
        ("name", "Jan Huurder"),
        ("contact", "jan@example.nl"),
        ("message", "Ik wil meedoen"),
    ];
    let resp = app.post(&join, &fields).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "consent is required");
    assert!(resp.body.contains("Zonder uw toestemming") && resp.body.contains("value=\"Jan Huurder\""));
    let consent = "Ik geef Huurdersvereniging De Sleutel toestemming mijn naam en contactgegevens te gebruiken om mij \
                   met Commissie De Ark in contact te brengen.";
    assert!(resp.body.contains(consent), "{}", resp.main());
    assert!(
        resp.body.contains("aria-describedby=\"consent-kept consent-error\" aria-invalid=\"true\""),
        "{}",
        resp.main()
    );
    let mut with_consent = fields.to_vec();
    with_consent.push(("consent", "on"));
    let resp = app.post(&join, &with_consent).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    // It names the group it went to (with two groups listed, "Verstuurd." did not say which) and who reads it: the
    // organisation that keeps the group, as the consent said ("the group contacts you" promised what no group does).
    let sent = app.get(resp.location().expect("back")).await;
    assert!(
        sent.body.contains("Verstuurd. Huurdersvereniging De Sleutel brengt u in contact met Commissie De Ark."),
        "{}",
        sent.main()
    );
    let db = app.state.db.clone();
    let count = |query: &'static str| {
        let db = db.clone();
        async move { sql::query_scalar::<i64>(query).fetch_one(&db).await.expect("count") }
    };
    let requests = || count("SELECT COUNT(*) FROM part_join_requests");
    let notices = || count("SELECT COUNT(*) FROM notifications WHERE text LIKE 'Nieuwe aanmelding%'");
    let (one, told) = (requests().await, notices().await);
    assert_eq!(one, 1);
    // Four more from this address, and the sixth must wait a minute (the fifth earned it), typed values kept. The
    // same request again (a double click, a reload) is stored once and told once (each was a request of its own).
    for _ in 0..4 {
        assert_eq!(app.post(&join, &with_consent).await.status, StatusCode::SEE_OTHER);
    }
    assert_eq!((requests().await, notices().await), (one, told));
    let refused = app.post(&join, &with_consent).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains("Probeer het over 60 seconden opnieuw.")
            && refused.body.contains("value=\"Jan Huurder\"")
    );
    app.state.clock.advance(time::Duration::minutes(16));
    // A group that does not speak for the address takes no request through it.
    let resp = app
        .post(
            &join,
            &[
                ("postcode", "1011AB"),
                ("huisnummer", "3"),
                ("name", "X"),
                ("contact", "x@example.nl"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    // A visitor reading in English asks too: the board's notice is still in the board's own language.
    app.set_cookie("vh_lang", "en");
    let mut in_english = with_consent.clone();
    in_english.retain(|(k, _)| *k != "message");
    in_english.push(("message", "I would like to join"));
    assert_eq!(app.post(&join, &in_english).await.status, StatusCode::SEE_OTHER);

    // The keeping organisation's board sees it (and a notice); the read is audited; the corporation does not see it.
    app.clear_cookies();
    app.login("bestuur@desleutel.test").await;
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.body.contains("Nieuwe aanmelding voor Commissie De Ark"));
    // A member of two organisations reads which one a notice is about (two alike read as the same line).
    assert!(
        dashboard.body.contains(
            "Nieuwe aanmelding voor Commissie De Ark</a> <span class=\"muted\">(Huurdersvereniging De Sleutel)</span>"
        ),
        "{}",
        dashboard.main()
    );
    let listed = app.get("/account/notifications").await;
    assert!(
        listed.main().contains("<span class=\"muted\">(Huurdersvereniging De Sleutel)</span>"),
        "{}",
        listed.main()
    );
    assert!(!dashboard.body.contains("New request for"), "the reader's language, not the visitor's");
    let english: Vec<Option<String>> =
        sql::query_scalar("SELECT text_en FROM notifications WHERE text = 'Nieuwe aanmelding voor Commissie De Ark'")
            .fetch_all(&app.state.db)
            .await
            .expect("notices");
    assert!(!english.is_empty(), "the board was told");
    assert!(english.iter().all(|e| e.as_deref() == Some("New request for Commissie De Ark")), "{english:?}");
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(
        page.body.contains("Jan Huurder") && page.body.contains("jan@example.nl") && page.body.contains("Kerkstraat 2")
    );
    assert!(page.body.contains("Een aanmelding wordt 180 dagen na binnenkomst verwijderd."), "{}", page.main());
    let reads: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity = 'part_join_requests'",
    )
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert_eq!(reads, 1);
    app.login("admin@woonstad.test").await;
    assert!(!app.get(&format!("/orgs/{woonstad}/participatie/groepen/{ark}")).await.body.contains("Jan Huurder"));
    // Nor the platform's operator through the administrator's grant in the keeping organisation: nothing read,
    // nothing logged.
    app.login("beheer@volkshuis.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Jan Huurder") && !page.body.contains("jan@example.nl"), "{}", page.body);
    let after: i64 = sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'part_join_requests'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(after, reads);

    // 180 days after they came in, the next housekeeping run deletes the requests; the board reads none.
    app.state.clock.advance(time::Duration::days(180));
    schedule_housekeeping(&app.state).await.expect("schedule");
    app.state.clock.advance(time::Duration::hours(1));
    run_due_jobs(&app.state).await.expect("run");
    assert_eq!(requests().await, 0);
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(!page.body.contains("Jan Huurder") && page.body.contains("Geen aanmeldingen."), "{}", page.main());
    // The audit log says how many, by the clean-up's name for people, naming nobody.
    app.login("beheer@volkshuis.test").await;
    let audit = app.get("/admin/audit").await;
    assert!(audit.main().contains("Volkshuis (automatische opschoning)"), "{}", audit.main());
    assert!(audit.main().contains("aanmeldingen van huurders bij groepen"), "{}", audit.main());
}

async fn both_parties_answer_the_diagnosis(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    let scores = |c: &'static str, r: &'static str| {
        let mut f: Vec<(String, String)> = Vec::new();
        for i in 0..10 {
            f.push((format!("c{i}"), c.to_owned()));
            f.push((format!("r{i}"), r.to_owned()));
        }
        for i in 0..8 {
            f.push((format!("g{i}"), "3".to_owned()));
            f.push((
                format!("gr{i}"),
                if i == 3 { "Te laat betrokken bij de renovatie".to_owned() } else { String::new() },
            ));
        }
        f
    };
    app.login("admin@woonstad.test").await;
    let path = format!("/orgs/{woonstad}/participatie/diagnose/{sleutel}/2026");
    let mut incomplete = scores("4", "2");
    incomplete.retain(|(k, _)| k != "r9");
    let refs: Vec<(&str, &str)> = incomplete.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let resp = app.post(&path, &refs).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.body.contains("Geef bij elke vraag een score van 1 tot en met 5.")
            && resp.body.contains("value=\"4\" checked")
    );
    // The one question left open says so beside it (an evening volunteer looked for it among 28).
    assert_eq!(resp.body.matches("Nog niet beantwoord").count(), 1, "{}", resp.main());
    assert!(resp.body.contains(r#"id="r9-error""#), "{}", resp.main());
    let full = scores("4", "2");
    let refs: Vec<(&str, &str)> = full.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.post(&path, &refs).await.status, StatusCode::SEE_OTHER);
    app.login("bestuur@desleutel.test").await;
    let theirs = scores("2", "4");
    let refs: Vec<(&str, &str)> = theirs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let tenant_path = format!("/orgs/{sleutel}/participatie/diagnose/{woonstad}/2026");
    assert_eq!(app.post(&tenant_path, &refs).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&tenant_path).await;
    // The corporation sees itself active and the representatives reactive; the organisation sees the reverse.
    let tr = page.body.split("q q-tr").nth(1).expect("top right").split("</div>").next().expect("cell");
    assert!(tr.contains("Corporatie"), "{tr}");
    let bl = page.body.split("q q-bl").nth(1).expect("bottom left").split("</div>").next().expect("cell");
    assert!(bl.contains("Huurdersorganisatie"), "{bl}");
    assert!(
        page.body.contains("Corporatie: Hoeder van participatie")
            && page.body.contains("Huurdersorganisatie: Voorlopende vertegenwoordigers")
    );
    assert!(page.body.contains("Te laat betrokken bij de renovatie"));
    // Another tenant organisation sees its own pair with Woonstad, not De Sleutel's answers, and has no pair with
    // De Sleutel.
    app.login("secretaris@bewonersraadnoord.test").await;
    let noord = app.org_id("bewonersraad-noord").await;
    let own = app.get(&format!("/orgs/{noord}/participatie/diagnose/{woonstad}/2026")).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(!own.body.contains("Te laat betrokken") && own.body.contains("nog niet ingevuld"));
    let other = app.get(&format!("/orgs/{noord}/participatie/diagnose/{sleutel}/2026")).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

async fn a_message_reaches_the_achterban_after_approval(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    app.login("bestuur@desleutel.test").await;
    let resp = app
        .post(
            &format!("/orgs/{sleutel}/participatie/groepen/nieuw"),
            &group_form(&woonstad.to_string(), "Commissie De Ark", "bewonerscommissie", "C1"),
        )
        .await;
    let ark = id_in(resp.location());

    // The corporation imports its tenants' contacts: a wrong file names line and column and changes nothing.
    app.login("admin@woonstad.test").await;
    let path = format!("/orgs/{woonstad}/participatie/huurders");
    let resp = app
        .post_file(&path, &[], "huurders.csv", b"idExtern;naam;email\nA1;Jan Jansen;jan@example.nl\nA9;Onbekend;\n")
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("regel 3, kolom idExtern: A9 staat niet in het bezit"), "{}", resp.body);
    let contacts: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM tenant_contacts").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(contacts, 0, "nothing written");
    let resp = app
        .post_file(&path, &[], "huurders.csv", b"idExtern;naam;email\nA1;Jan Jansen;jan@example.nl\nA2;Piet Pieters;\n")
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);

    // The group writes to its achterban.
    app.login("bestuur@desleutel.test").await;
    let resp = app
        .post(
            &format!("/orgs/{sleutel}/participatie/groepen/{ark}/berichten"),
            &[("subject", "Uitnodiging bewonersavond"), ("body", "Kom op 12 januari naar de bewonersavond.")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    assert!(app
        .get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}"))
        .await
        .body
        .contains("wacht op goedkeuring"));

    // The corporation approves: Jan gets an e-mail, Piet a letter.
    app.login("admin@woonstad.test").await;
    let list = app.get(&format!("/orgs/{woonstad}/participatie")).await;
    assert!(list.body.contains("Uitnodiging bewonersavond"));
    let message: String = list
        .body
        .split("/participatie/berichten/")
        .nth(1)
        .expect("message form")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let resp = app
        .post(&format!("/orgs/{woonstad}/participatie/berichten/{message}/besluit"), &[("decision", "approve")])
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let mails = volkshuis_store::outbox::list(&app.state.db, 20).await.expect("outbox");
    let mail = mails.iter().find(|m| m.to_address == "jan@example.nl").expect("mail to the tenant");
    assert!(
        mail.subject == "Uitnodiging bewonersavond"
            && mail.body.contains("Kom op 12 januari")
            && mail.body.contains("niet met de groep gedeeld")
    );
    // The letter list holds Piet, who has no e-mail address, and not Jan, who got the mail.
    let csv = app.get(&format!("/orgs/{woonstad}/participatie/berichten/{message}/brieven.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let csv = csv.body.strip_prefix('\u{feff}').expect("a byte-order mark, for Excel");
    insta::assert_snapshot!("letters_csv", csv);
    let letters = app.get(&format!("/orgs/{woonstad}/participatie/berichten/{message}/brieven")).await;
    assert!(letters.body.contains("Piet Pieters") && letters.body.contains("Kom op 12 januari"));
    let reads: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'part_message_letters' AND personal_data = 1")
            .fetch_one(&app.state.db)
            .await
            .expect("count");
    assert_eq!(reads, 2, "each letter list read is logged");

    // The group sees the counts, never the names or addresses, and cannot open the letter list.
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{ark}")).await;
    assert!(page.body.contains("verstuurd: 1 per e-mail, 1 per brief"), "{}", page.body);
    assert!(!page.body.contains("Piet Pieters") && !page.body.contains("jan@example.nl"));
    assert_eq!(
        app.get(&format!("/orgs/{sleutel}/participatie/berichten/{message}/brieven.csv")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/orgs/{woonstad}/participatie/berichten/{message}/brieven.csv")).await.status,
        StatusCode::FORBIDDEN
    );
    // Nor does the platform's operator, through the administrator's grant in the corporation, nor in the outbox:
    // it sees that the mail to Jan was written, not to whom or what.
    app.login("beheer@volkshuis.test").await;
    let outbox = app.get("/admin/outbox").await;
    assert!(!outbox.body.contains("jan@example.nl") && outbox.body.contains("een huurder (adres niet getoond)"));
    let to_jan: i64 = sql::query_scalar("SELECT id FROM outbox WHERE to_address = 'jan@example.nl'")
        .fetch_one(&app.state.db)
        .await
        .expect("jan's mail");
    let opened = app.get(&format!("/admin/outbox/{to_jan}")).await;
    assert_eq!(opened.status, StatusCode::OK);
    assert!(!opened.body.contains("Kom op 12 januari") && !opened.body.contains("jan@example.nl"), "{}", opened.body);
    let overview = app.get(&format!("/orgs/{woonstad}/participatie")).await;
    assert!(!overview.body.contains("/brieven"), "no link to a list the operator may not open");
    for list in ["brieven", "brieven.csv"] {
        let denied = app.get(&format!("/orgs/{woonstad}/participatie/berichten/{message}/{list}")).await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN, "{list}");
    }

    // A name that a spreadsheet would run as a formula is written as text (issue 17).
    sql::query("UPDATE tenant_contacts SET name = $1 WHERE name = 'Piet Pieters'")
        .bind("=HYPERLINK(\"http://evil.example\")")
        .execute(&app.state.db)
        .await
        .expect("hostile name");
    app.login("admin@woonstad.test").await;
    let csv = app.get(&format!("/orgs/{woonstad}/participatie/berichten/{message}/brieven.csv")).await;
    assert!(csv.body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\";Kerkstraat 2;"), "{}", csv.body);
}

async fn an_address_in_two_corporations_stock_shows_the_groups_of_both(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    app.login("bestuur@desleutel.test").await;
    let resp = app
        .post(
            &format!("/orgs/{sleutel}/participatie/groepen/nieuw"),
            &group_form(&woonstad.to_string(), "Commissie De Ark", "bewonerscommissie", "C1"),
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    // A second corporation owns a unit at the same address (Kerkstraat 2), in a complex of its own.
    let actor = Actor::system("test", app.state.clock.now());
    let fields = volkshuis_store::orgs::OrgFields {
        code: volkshuis_domain::org::OrgCode::parse("tweede-corporatie").expect("code"),
        name: volkshuis_domain::text::Name::parse("Tweede Corporatie").expect("name"),
        kind: volkshuis_domain::org::OrgKind::Corporation,
    };
    let mut tx = app.state.db.begin().await.expect("begin");
    let second = volkshuis_store::orgs::create(&mut tx, &actor, &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    let theirs = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
                  B1;K1;Kerkhof;Kerkstraat;2;;1011AA;Amsterdam;GM0363;BU03630000\n";
    let reader = StockReader::new(theirs.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(second), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    app.login("beheer@volkshuis.test").await;
    let resp = app
        .post(
            &format!("/orgs/{second}/participatie/groepen/nieuw"),
            &group_form(&second.to_string(), "Bewonerscommissie Kerkhof", "bewonerscommissie", "K1"),
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let kerkhof = id_in(resp.location());

    app.clear_cookies();
    let page = app.get("/doe-mee?postcode=1011AA&huisnummer=2").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("Kerkstraat 2, 1011AA Amsterdam").count(), 1, "one dwelling: {}", page.body);
    assert!(page.body.contains("Commissie De Ark"), "the first corporation's group");
    assert!(page.body.contains("Bewonerscommissie Kerkhof"), "and the second's: {}", page.body);
    // The second's group takes a join request through the form for this address.
    let join = app
        .post(
            &format!("/doe-mee/groepen/{kerkhof}"),
            &[
                ("postcode", "1011AA"),
                ("huisnummer", "2"),
                ("toevoeging", ""),
                ("name", "Jan Huurder"),
                ("contact", "jan@example.nl"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(join.status, StatusCode::SEE_OTHER, "{}", join.body);
    // Kerkstraat 1 is only Woonstad's: the second's group does not speak for it.
    let one = app.get("/doe-mee?postcode=1011AA&huisnummer=1").await;
    assert!(one.body.contains("Commissie De Ark") && !one.body.contains("Bewonerscommissie Kerkhof"));
}

async fn public_lookups_wait_after_twenty_per_address(mut app: TestApp) {
    with_stock(&mut app).await;
    app.restart(volkshuis_web::Config { trust_proxy: true, ..Default::default() });
    app.clear_cookies();
    app.headers = vec![("x-forwarded-for", "203.0.113.9".to_owned())];
    // Two hundred lookups as fast as one client can send them: twenty-one answers, then a wait.
    let mut answered = 0;
    let mut first_refusal = None;
    for n in 0..200 {
        let page = app.get(&format!("/doe-mee?postcode=1011AA&huisnummer={}", n % 3 + 1)).await;
        match page.status {
            StatusCode::OK => answered += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                first_refusal.get_or_insert(page);
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(answered, 21, "the free lookups and the one that earned the first delay");
    let refused = first_refusal.expect("a refusal");
    assert_eq!(refused.headers["retry-after"], "2");
    assert!(refused.body.contains("Probeer het over 2 seconden opnieuw."), "{}", refused.body);
    assert!(!refused.body.contains("Kerkstraat"), "no answer while waiting");
    assert!(refused.body.contains("value=\"1011AA\""), "the typed postcode kept");
    // The join form answers for addresses too, so it waits as well.
    let join = app.post("/doe-mee/groepen/1", &[("postcode", "1011AA"), ("huisnummer", "2")]).await;
    assert_eq!(join.status, StatusCode::TOO_MANY_REQUESTS);
    // The page itself, without a lookup, stays open; another client is not affected; the wait ends.
    assert_eq!(app.get("/doe-mee").await.status, StatusCode::OK);
    app.headers = vec![("x-forwarded-for", "192.0.2.44".to_owned())];
    assert_eq!(app.get("/doe-mee?postcode=1011AA&huisnummer=2").await.status, StatusCode::OK);
    app.headers = vec![("x-forwarded-for", "203.0.113.9".to_owned())];
    app.state.clock.advance(time::Duration::seconds(2));
    assert_eq!(app.get("/doe-mee?postcode=1011AA&huisnummer=2").await.status, StatusCode::OK);
}

async fn a_group_area_names_only_codes_in_the_stock(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    let w = woonstad.to_string();
    app.login("bestuur@desleutel.test").await;
    let path = format!("/orgs/{sleutel}/participatie/groepen/nieuw");
    // A complex code that the corporation's stock does not have: refused, naming it, with everything typed kept.
    let resp = app.post(&path, &group_form(&w, "Commissie Nergens", "bewonerscommissie", "c1, cx404")).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", resp.body);
    assert!(resp.body.contains("Deze codes staan niet in het bezit van de corporatie: CX404."), "{}", resp.body);
    assert!(resp.body.contains("value=\"Commissie Nergens\""));
    assert!(resp.body.contains(r#"value="C1" checked"#), "the known complex stays ticked: {}", resp.body);
    assert!(resp.body.contains("CX404 (niet gevonden)"), "the unknown code stays, marked");
    // The same for a buurt in which the corporation has no units.
    let mut buurten = group_form(&w, "Buurtpanel", "bewonerscommissie", "");
    buurten.retain(|(k, _)| *k != "area_kind");
    buurten.extend([("area_kind", "buurten"), ("area_buurten", "BU03630000, BU99999999")]);
    let resp = app.post(&path, &buurten).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("corporatie: BU99999999."), "{}", resp.body);
    let stored: i64 = volkshuis_store::testdb::sql::query_scalar(
        "SELECT COUNT(*) FROM part_groups WHERE name IN ('Commissie Nergens', 'Buurtpanel')",
    )
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert_eq!(stored, 0, "nothing stored");

    // Known codes are taken; changing the group to an unknown code is refused the same way.
    let resp = app.post(&path, &group_form(&w, "Commissie De Ark", "bewonerscommissie", "c1")).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let ark = id_in(resp.location());
    let edit = format!("/orgs/{sleutel}/participatie/groepen/{ark}/bewerken");
    let resp = app.post(&edit, &group_form(&w, "Commissie De Ark", "bewonerscommissie", "C1, C3")).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", resp.body);
    assert!(resp.body.contains("corporatie: C3."), "{}", resp.body);
}

/// Issue 19: a municipality sees a corporation's figures only inside its own gemeenten, and only corporations with
/// homes there; no parameter opens anything else. The corporation and its tenant organisation still see everything.
async fn a_municipality_sees_only_its_own_gemeenten(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    // Woonstad also has a home in Deventer; a second corporation has homes only there.
    let deventer = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
                    D1;C9;De Brink;Brink;1;;7411BR;Deventer;GM0150;BU01500001\n";
    let second = second_corporation(&app, deventer).await;
    let both = format!("{STOCK}D1;C9;De Brink;Brink;1;;7411BR;Deventer;GM0150;BU01500001\n");
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(std::io::Cursor::new(both.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(woonstad), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    let gemeente = app.org_id("gm-voorbeeldstad").await;
    let base = format!("/orgs/{gemeente}/participatie/dekking");

    // Without a gemeente code: no corporation, no figures, and a sentence that says why.
    app.login("beleid@voorbeeldstad.test").await;
    let page = app.get(&base).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("nog geen gemeentecode"), "{}", page.main());
    assert!(!page.body.contains("Woonstad") && !page.body.contains("Tweede Corporatie"), "{}", page.main());
    for corporation in [woonstad, second] {
        for path in [
            format!("{base}?corporatie={corporation}&per=gemeente"),
            format!("{base}/kaart?corporatie={corporation}"),
            format!("{base}/kaart.json?corporatie={corporation}&zoom=8"),
        ] {
            assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
    }
    // The map without a chosen corporation has nothing to draw: it sends the user to the list that says why.
    let map = app.get(&format!("{base}/kaart")).await;
    assert_eq!((map.status, map.location()), (StatusCode::SEE_OTHER, Some(base.as_str())));

    // Amsterdam (GM0363): Woonstad only, and only its three homes there.
    set_gemeenten(&app, gemeente, &["GM0363"]).await;
    let page = app.get(&format!("{base}?per=gemeente")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Woonstad") && !page.body.contains("Tweede Corporatie"), "{}", page.main());
    assert!(page.body.contains("<strong>3</strong> (100%)"), "three homes, not four: {}", page.main());
    assert!(page.body.contains("GM0363") && !page.body.contains("GM0150"), "{}", page.main());
    assert!(page.body.contains("Cijfers alleen voor uw gemeente(n): GM0363"), "{}", page.main());
    for per in ["wijk", "buurt", "complex"] {
        let page = app.get(&format!("{base}?corporatie={woonstad}&per={per}")).await;
        assert!(!page.body.contains("De Brink") && !page.body.contains("BU01500001"), "{per}: {}", page.main());
    }
    let kind = app.get(&format!("{base}?corporatie={woonstad}&per=gemeente&soort=bewonerscommissie")).await;
    assert!(kind.body.contains("<strong>3</strong> (100%)") && !kind.body.contains("GM0150"), "{}", kind.main());
    // Asking for the corporation with no home here, by any address, gets nothing.
    for path in [
        format!("{base}?corporatie={second}&per=gemeente"),
        format!("{base}?corporatie={second}&per=complex&soort=bewonerscommissie"),
        format!("{base}/kaart?corporatie={second}"),
        format!("{base}/kaart.json?corporatie={second}&zoom=8"),
        format!("{base}/kaart.json?corporatie={second}&zoom=16&bbox=3,50,8,54"),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!response.body.contains("De Brink"), "{path}");
    }
    assert_eq!(app.get(&format!("{base}/kaart?corporatie={woonstad}")).await.status, StatusCode::OK);
    // A platform administrator working as the municipality is bounded as it is.
    app.login("beheer@volkshuis.test").await;
    let as_admin = app.get(&format!("{base}?corporatie={woonstad}&per=gemeente")).await;
    assert!(as_admin.body.contains("<strong>3</strong> (100%)") && !as_admin.body.contains("GM0150"));
    assert_eq!(app.get(&format!("{base}?corporatie={second}")).await.status, StatusCode::NOT_FOUND);
    app.login("beleid@voorbeeldstad.test").await;

    // Deventer (GM0150) instead: both corporations, one home each, and none of Amsterdam's.
    set_gemeenten(&app, gemeente, &["GM0150"]).await;
    let page = app.get(&format!("{base}?corporatie={woonstad}&per=complex")).await;
    assert!(page.body.contains("Tweede Corporatie"), "{}", page.main());
    assert!(page.body.contains("<strong>1</strong> (100%)") && page.body.contains("De Brink"), "{}", page.main());
    assert!(!page.body.contains("De Ark") && !page.body.contains("Het Anker"), "{}", page.main());

    // The corporation and the tenant organisation that consults it see the whole stock, as before.
    app.login("admin@woonstad.test").await;
    let own = app.get(&format!("/orgs/{woonstad}/participatie/dekking?per=gemeente")).await;
    assert!(own.body.contains("<strong>4</strong> (100%)") && own.body.contains("GM0150"), "{}", own.main());
    app.login("bestuur@desleutel.test").await;
    let partner = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=gemeente")).await;
    assert!(
        partner.body.contains("<strong>4</strong> (100%)") && partner.body.contains("GM0363"),
        "{}",
        partner.main()
    );
    // …and never the second corporation, which it does not consult.
    let other = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={second}")).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

/// "1a" typed in the number's field is number 1, letter a; without an addition the home without one is found (1
/// beside 1a and 1b); a number with only homes that have one (3a, 3b) asks which, naming them, instead of showing the
/// groups of the first.
async fn a_tenant_types_the_number_as_people_write_it_and_names_one_home(mut app: TestApp) {
    let woonstad = app.org_id("woonstad").await;
    let file = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;\
buurtCode\n\
A1;C1;De Ark;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000\n\
A2;C1;De Ark;Kerkstraat;1;a;1011AA;Amsterdam;GM0363;BU03630000\n\
A3;C1;De Ark;Kerkstraat;1;b;1011AA;Amsterdam;GM0363;BU03630000\n\
A4;C2;Het Anker;Dorpsweg;3;a;1011AB;Amsterdam;GM0363;BU03630001\n\
A5;C2;Het Anker;Dorpsweg;3;b;1011AB;Amsterdam;GM0363;BU03630001\n";
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(file.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(woonstad), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    let heading = |body: &str| {
        let at = body.find("<h2 id=\"resultaat\"").map(|i| &body[i..])?;
        Some(at[at.find('>')? + 1..at.find("</h2>")?].to_owned())
    };
    for (query, home) in [
        ("postcode=1011AA&huisnummer=1", "Kerkstraat 1, 1011AA Amsterdam"),
        ("postcode=1011AA&huisnummer=1a", "Kerkstraat 1A, 1011AA Amsterdam"),
        ("postcode=1011AA&huisnummer=1+B", "Kerkstraat 1B, 1011AA Amsterdam"),
        ("postcode=1011AA&huisnummer=1&toevoeging=b", "Kerkstraat 1B, 1011AA Amsterdam"),
        ("postcode=1011AB&huisnummer=3-a", "Dorpsweg 3A, 1011AB Amsterdam"),
    ] {
        let page = app.get(&format!("/doe-mee?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        assert_eq!(heading(&page.body).as_deref(), Some(home), "{query}: {}", page.main());
    }
    let which = app.get("/doe-mee?postcode=1011AB&huisnummer=3").await;
    assert!(heading(&which.body).is_none(), "no home chosen for the tenant: {}", which.main());
    assert!(which.main().contains("meer woningen"), "{}", which.main());
    assert!(which.main().contains("Dorpsweg 3A, 1011AB Amsterdam; Dorpsweg 3B, 1011AB Amsterdam"), "{}", which.main());
    let two = app.get("/doe-mee?postcode=1011AA&huisnummer=1a&toevoeging=b").await;
    assert!(two.main().contains("Een huisnummer begint met een getal"), "two additions: {}", two.main());
    // The form leads to the result, and the postcode field says what it holds.
    assert!(two.body.contains("action=\"/doe-mee#resultaat\"") && two.body.contains("autocomplete=\"postal-code\""));
}

/// A request to join stayed on the group's page until the retention period deleted it, whatever the group did: the
/// group now marks it handled (asked once more), and the person's data go at once.
async fn a_group_answers_a_request_to_join_and_it_is_deleted(mut app: TestApp) {
    let (woonstad, sleutel) = with_stock(&mut app).await;
    app.login("bestuur@desleutel.test").await;
    let made = app
        .post(
            &format!("/orgs/{sleutel}/participatie/groepen/nieuw"),
            &group_form(&woonstad.to_string(), "Commissie De Ark", "bewonerscommissie", "c1"),
        )
        .await;
    let ark = id_in(made.location());
    // A group under it names it on its page (only the list's indentation showed it).
    let corporation = woonstad.to_string();
    let mut under = group_form(&corporation, "Werkgroep Tuin", "themagroep", "c1");
    let parent = ark.to_string();
    under.push(("parent_id", &parent));
    let sub = app.post(&format!("/orgs/{sleutel}/participatie/groepen/nieuw"), &under).await;
    assert_eq!(sub.status, StatusCode::SEE_OTHER, "{}", sub.main());
    let sub_page = app.get(&format!("/orgs/{sleutel}/participatie/groepen/{}", id_in(sub.location()))).await;
    let named = format!(r#"<dd data-parent><a href="/orgs/{sleutel}/participatie/groepen/{ark}">Commissie De Ark</a>"#);
    assert!(sub_page.body.contains(&named), "{}", sub_page.main());
    let scope = admin_scope(sleutel);
    let group = volkshuis_store::participatie::visible_group(&app.state.db, scope.as_read(), ark)
        .await
        .expect("read")
        .expect("the group");
    let request = volkshuis_store::participatie::JoinRequest {
        name: "Jan Huurder".into(),
        contact: "jan@example.nl".into(),
        message: "Ik doe graag mee.".into(),
        address: "Kerkstraat 2A".into(),
        at: app.state.clock.now(),
    };
    let mut tx = app.state.db.begin().await.expect("begin");
    let id =
        volkshuis_store::participatie::add_join_request(&mut tx, &group, &request).await.expect("add").expect("id");
    tx.commit().await.expect("commit");
    let page_path = format!("/orgs/{sleutel}/participatie/groepen/{ark}");
    let page = app.get(&page_path).await;
    assert!(page.body.contains(r#"<a href="mailto:jan@example.nl">jan@example.nl</a>"#), "{}", page.main());
    let handled = format!("{page_path}/aanmeldingen/{id}/afgehandeld");
    assert!(page.body.contains(&handled));
    // Only the keeping organisation's own editing members: not the corporation, not the operator.
    for email in ["admin@woonstad.test", "beheer@volkshuis.test"] {
        app.login(email).await;
        let tried = app.post(&handled, &[("confirmed", "yes")]).await;
        assert!(matches!(tried.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{email}: {}", tried.status);
    }
    let db = app.state.db.clone();
    let count = || sql::query_scalar::<i64>("SELECT COUNT(*) FROM part_join_requests").fetch_one(&db);
    assert_eq!(count().await.expect("count"), 1);
    app.login("bestuur@desleutel.test").await;
    let asked = app.post(&handled, &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.main().contains("De aanmelding van Jan Huurder wordt verwijderd"), "{}", asked.main());
    assert_eq!(count().await.expect("count"), 1, "nothing deleted before the confirmation");
    let done = app.post(&handled, &[("confirmed", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get(done.location().expect("back")).await;
    assert!(
        page.main().contains("De aanmelding is afgehandeld en verwijderd.") && !page.main().contains("Jan Huurder")
    );
    assert_eq!(count().await.expect("count"), 0);
    let twice = app.post(&handled, &[("confirmed", "yes")]).await;
    assert_eq!(twice.status, StatusCode::SEE_OTHER, "handled already: said the same way");
}

/// A bare BU03630000 meant nothing to a volunteer: per buurt the coverage names it where the CBS areas are loaded.
async fn coverage_names_the_buurten_where_the_cbs_areas_are_loaded(mut app: TestApp) {
    use volkshuis_domain::boundaries::{Area, AreaKind};
    use volkshuis_domain::geo::Polygon;
    let (woonstad, sleutel) = with_stock(&mut app).await;
    let square = vec![[4.89, 52.37], [4.90, 52.37], [4.90, 52.38], [4.89, 52.38], [4.89, 52.37]];
    let buurt = Area {
        kind: AreaKind::Buurt,
        code: "BU03630000".into(),
        name: "Kop Zeedijk".into(),
        year: Some(2023),
        polygons: vec![Polygon { rings: vec![square] }],
    };
    let actor = Actor::system("test", app.state.clock.now());
    volkshuis_store::areas::replace(&app.state.db, &actor, 2023, &[buurt]).await.expect("areas");
    app.login("bestuur@desleutel.test").await;
    let cov = app.get(&format!("/orgs/{sleutel}/participatie/dekking?corporatie={woonstad}&per=buurt")).await;
    assert_eq!(cov.status, StatusCode::OK);
    assert!(cov.main().contains("Kop Zeedijk"), "{}", cov.main());
    assert!(cov.main().contains("BU03630001"), "a buurt without a loaded name keeps its code: {}", cov.main());
    // The tenants without a voice come first after the area: on a phone the table scrolls sideways, and the column
    // the page is about started off-screen.
    let header = cov.body.split("<thead>").nth(1).and_then(|h| h.split("</thead>").next()).expect("the header");
    let columns: Vec<&str> = header.split("<th").skip(2).map(|c| c.split('>').nth(1).unwrap_or_default()).collect();
    assert!(columns[0].starts_with("Geen stem"), "{columns:?}");
}
