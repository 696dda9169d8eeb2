//! Prestatieafspraken through the real router on both databases: a cycle from opening to monitoring, party by
//! party and role by role, and what a party that is not one (or a visitor) gets: nothing.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::GemeenteCode;
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    a_cycle_from_bid_to_monitoring,
    only_parties_see_a_cycle_and_only_their_own_space,
    a_corporation_is_reminded_of_its_bid_six_and_two_weeks_before,
    a_tenant_position_cites_what_its_own_achterban_said,
    performance_agreements_say_what_each_party_must_do_next,
);

const STOCK: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;nettohuur\n\
A1;C1;De Ark;Kerkstraat;1;;7411AA;Deventer;GM0150;BU01500000;550,00\n\
A2;C1;De Ark;Kerkstraat;2;;7411AA;Deventer;GM0150;BU01500000;1200,00\n\
A3;C2;Het Anker;Dorpsweg;3;;7411AB;Deventer;GM0150;BU01500001;480,00\n";

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

/// Woonstad gets three units in GM0150 (the demo municipality's gemeente); returns the ids of
/// (municipality, Woonstad, De Sleutel).
async fn setting(app: &mut TestApp) -> (i64, i64, i64) {
    let woonstad = app.org_id("woonstad").await;
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(STOCK.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(woonstad), &actor, "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let codes = [GemeenteCode::parse("GM0150").expect("code")];
    let mut tx = app.state.db.begin().await.expect("begin");
    volkshuis_store::gemeenten::set(&mut tx, &actor, municipality, &codes, 2023).await.expect("known code");
    tx.commit().await.expect("commit");
    (municipality, woonstad, app.org_id("hv-de-sleutel").await)
}

/// The cycle opened for party `org`, as the store hands it out.
async fn as_party(app: &TestApp, org: i64, id: i64) -> volkshuis_store::afspraken::CycleRef {
    let read = access::grant(org, Some(Membership { user_id: 0, org_id: org, role: Role::ReadOnly }), access::View)
        .expect("a member may view");
    volkshuis_store::afspraken::open_cycle_for(&app.state.db, &read, id).await.expect("read").expect("a party").0
}

/// The municipality opens a cycle for `year` with Woonstad and De Sleutel; returns its id.
async fn open_cycle_for_year(app: &mut TestApp, municipality: i64, woonstad: i64, sleutel: i64, year: &str) -> i64 {
    app.login("beleid@voorbeeldstad.test").await;
    let opened = app
        .post(
            &format!("/orgs/{municipality}/afspraken/nieuw"),
            &[
                ("gemeente", "GM0150"),
                ("year", year),
                ("party_ids", &woonstad.to_string()),
                ("party_ids", &sleutel.to_string()),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let location = opened.location().expect("to the cycle").to_owned();
    location.split('/').nth(4).and_then(|id| id.split('?').next()).and_then(|id| id.parse().ok()).expect("cycle id")
}

/// The municipality opens a cycle for 2030 with Woonstad and De Sleutel; returns its id.
async fn open_cycle(app: &mut TestApp, municipality: i64, woonstad: i64, sleutel: i64) -> i64 {
    app.login("beleid@voorbeeldstad.test").await;
    let form = app.get(&format!("/orgs/{municipality}/afspraken/nieuw?gemeente=GM0150&year=2030")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("Woonstad Voorbeeld") && form.body.contains("Huurdersvereniging De Sleutel"),
        "{}",
        form.main()
    );
    // An organisation that cannot be a party here is refused, with everything typed kept.
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    let wrong = app
        .post(
            &format!("/orgs/{municipality}/afspraken/nieuw"),
            &[("gemeente", "GM0150"), ("year", "2030"), ("title", "Afspraken 2030"), ("party_ids", &supplier)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("kan geen partij zijn") && wrong.body.contains("Afspraken 2030"));
    // The table the law sets: no cycle of the municipality alone, or without the chosen corporation's tenant organisation.
    let woonstad_id = woonstad.to_string();
    for (parties, message) in [
        (vec![], "kies minstens één corporatie"),
        (vec![woonstad_id.as_str()], "kies ook de huurdersorganisatie van elke gekozen corporatie"),
    ] {
        let mut fields = vec![("gemeente", "GM0150"), ("year", "2030"), ("title", "Afspraken 2030")];
        fields.extend(parties.iter().map(|id| ("party_ids", *id)));
        let refused = app.post(&format!("/orgs/{municipality}/afspraken/nieuw"), &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(refused.body.contains(message), "{}", refused.main());
    }
    let opened = app
        .post(
            &format!("/orgs/{municipality}/afspraken/nieuw"),
            &[
                ("gemeente", "GM0150"),
                ("year", "2030"),
                ("title", "Afspraken 2030"),
                ("party_ids", &woonstad.to_string()),
                ("party_ids", &sleutel.to_string()),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    // Opened twice (a second click, a second officer): the years overlap for Woonstad, asked once more.
    let twice = app
        .post(
            &format!("/orgs/{municipality}/afspraken/nieuw"),
            &[
                ("gemeente", "GM0150"),
                ("year", "2029"),
                ("last_year", "2031"),
                ("party_ids", &woonstad.to_string()),
                ("party_ids", &sleutel.to_string()),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::OK, "asked once more, nothing opened");
    assert!(twice.body.contains("bestaan al prestatieafspraken met Woonstad Voorbeeld"), "{}", twice.main());
    assert!(twice.body.contains(&format!(r#"name="party_ids" value="{woonstad}, {sleutel}""#)), "{}", twice.main());
    let cycles = || async {
        sql::query_scalar::<i64>("SELECT COUNT(*) FROM pa_cycles").fetch_one(&app.state.db).await.expect("count")
    };
    assert_eq!(cycles().await, 1);
    let location = opened.location().expect("to the cycle").to_owned();
    location.split('/').nth(4).and_then(|id| id.split('?').next()).and_then(|id| id.parse().ok()).expect("cycle id")
}

async fn a_cycle_from_bid_to_monitoring(mut app: TestApp) {
    let (municipality, woonstad, sleutel) = setting(&mut app).await;
    let id = open_cycle(&mut app, municipality, woonstad, sleutel).await;
    let cycle = format!("/orgs/{municipality}/afspraken/{id}");
    let page = app.get(&cycle).await;
    assert!(page.body.contains("aria-current=\"step\">Stap 1: Kennisvergaring"), "{}", page.main());
    assert!(page.body.contains("30-06-2029"), "the bid is due before 1 July of the year before");
    // The facts come live from the stock: three units, two below the liberalisation limit.
    assert!(page.body.contains("<dd>3</dd>") && page.body.contains("<dd>2</dd>"), "{}", page.main());
    // A move is final: first what it does, nothing moved yet; then confirmed.
    let summary = app.post(&format!("{cycle}/fase"), &[("to", "bod")]).await;
    assert_eq!(summary.status, StatusCode::OK);
    assert!(
        summary.body.contains("De cyclus gaat naar de fase „Bod”. Alle partijen krijgen bericht."),
        "{}",
        summary.main()
    );
    assert!(app.get(&cycle).await.body.contains("aria-current=\"step\">Stap 1: Kennisvergaring"), "not moved yet");
    let confirmed = [("to", "bod"), ("confirmed", "yes")];
    assert_eq!(app.post(&format!("{cycle}/fase"), &confirmed).await.status, StatusCode::SEE_OTHER);

    // Woonstad writes its bid: not sent without the board's approval, private until sent.
    app.login("admin@woonstad.test").await;
    let bid = format!("/orgs/{woonstad}/afspraken/{id}/bod");
    assert_eq!(app.post(&bid, &[("body", "Wij bouwen 40 sociale huurwoningen.")]).await.status, StatusCode::SEE_OTHER);
    let activity = app
        .post(
            &format!("{bid}/activiteiten"),
            &[
                ("theme", "nieuwbouw"),
                ("description", "Nieuwbouw"),
                ("unit", "woningen"),
                ("year", "2030"),
                ("amount", "veertig"),
            ],
        )
        .await;
    assert_eq!(activity.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(activity.body.contains("Vul een getal in") && activity.body.contains("value=\"Nieuwbouw\""));
    app.login("bestuur@desleutel.test").await;
    let before = app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await;
    assert!(
        !before.body.contains("40 sociale huurwoningen") && before.body.contains("nog "),
        "unsent bid stays private"
    );
    app.login("admin@woonstad.test").await;
    let refused = app.post(&format!("{bid}/versturen"), &[("confirmed", "yes")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("goedkeurde"));
    app.post(&bid, &[("body", "Wij bouwen 40 sociale huurwoningen."), ("board_approved_on", "2026-06-01")]).await;
    let confirm = app.get(&format!("{bid}/versturen")).await;
    assert!(confirm.body.contains("data-summary") && confirm.body.contains("Daarna staat het vast"));
    // Without the confirmation's button nothing is sent.
    app.post(&format!("{bid}/versturen"), &[]).await;
    app.login("bestuur@desleutel.test").await;
    assert!(!app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await.body.contains("40 sociale huurwoningen"));
    app.login("admin@woonstad.test").await;
    assert_eq!(app.post(&format!("{bid}/versturen"), &[("confirmed", "yes")]).await.status, StatusCode::SEE_OTHER);
    app.login("bestuur@desleutel.test").await;
    assert!(app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await.body.contains("40 sociale huurwoningen"));
    // The other parties heard of each step: the opening, the phase, the bid.
    let notices = app.get("/account/notifications").await;
    assert!(notices.body.contains("Woonstad Voorbeeld verstuurde zijn bod voor Afspraken 2030"), "{}", notices.main());
    assert!(
        notices.body.contains("zette Afspraken 2030 in de fase Bod")
            && notices.body.contains("opende de prestatieafspraken")
    );

    // A commitment with a wrong number comes back with the text typed; a good one shows how concrete it is.
    let commitments = format!("/orgs/{sleutel}/afspraken/{id}/afspraken");
    let wrong = app
        .post(
            &commitments,
            &[
                ("theme", "nieuwbouw"),
                ("body", "Woonstad bouwt sociale huurwoningen"),
                ("unit", "woningen"),
                ("target_2030", "veel"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Woonstad bouwt sociale huurwoningen</textarea>"));
    let woonstad_id = woonstad.to_string();
    let added = app
        .post(
            &commitments,
            &[
                ("theme", "nieuwbouw"),
                ("body", "Woonstad bouwt sociale huurwoningen"),
                ("unit", "woningen"),
                ("baseline", "0"),
                ("target_2030", "40"),
                ("owner_id", &woonstad_id),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    app.post(&commitments, &[("theme", "leefbaarheid"), ("body", "Wij streven naar een schone buurt"), ("unit", "")])
        .await;
    let page = app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await;
    assert!(
        page.body.contains(">concreet<") && page.body.contains(">vaag<") && page.body.contains("streven"),
        "{}",
        page.main()
    );
    // Only the lead (the municipality) walks the phases.
    let not_lead = app.post(&format!("/orgs/{sleutel}/afspraken/{id}/fase"), &[("to", "onderhandeling")]).await;
    assert_eq!(not_lead.status, StatusCode::UNPROCESSABLE_ENTITY);

    app.login("beleid@voorbeeldstad.test").await;
    let talks = app.post(&format!("{cycle}/fase"), &[("to", "onderhandeling")]).await;
    assert!(talks.body.contains("vanaf vandaag lopen de 6 maanden"), "the talks' first day starts art. 44's clock");
    let dispute = app.post(&format!("{cycle}/fase"), &[("to", "geschil")]).await;
    assert_eq!(dispute.status, StatusCode::UNPROCESSABLE_ENTITY, "a dispute is opened by a party's file, not moved to");
    for to in ["onderhandeling", "ondertekening"] {
        let moved = app.post(&format!("{cycle}/fase"), &[("to", to), ("confirmed", "yes")]).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{to}");
    }
    // Signing: nothing chosen in advance, a summary of what it does, and a name required.
    let form = app.get(&format!("{cycle}/ondertekenen")).await;
    assert!(form.body.contains("data-summary") && form.body.contains("2 afspraken"), "{}", form.main());
    let nameless = app.post(&format!("{cycle}/ondertekenen"), &[("confirmed", "yes"), ("signed_by", " ")]).await;
    assert_eq!(nameless.status, StatusCode::UNPROCESSABLE_ENTITY);
    let signed = app
        .post(&format!("{cycle}/ondertekenen"), &[("confirmed", "yes"), ("signed_by", "F. el Amrani, wethouder")])
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    // Monitoring follows the last signature: the lead is told who has not signed yet.
    let early = app.post(&format!("{cycle}/fase"), &[("to", "monitoring"), ("confirmed", "yes")]).await;
    assert!(
        early.body.contains("Nog niet getekend: Woonstad Voorbeeld, Huurdersvereniging De Sleutel."),
        "{}",
        early.main()
    );
    for (email, org) in [("admin@woonstad.test", woonstad), ("bestuur@desleutel.test", sleutel)] {
        app.login(email).await;
        let done = app
            .post(
                &format!("/orgs/{org}/afspraken/{id}/ondertekenen"),
                &[("confirmed", "yes"), ("signed_by", "Bestuurder")],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{email}");
    }
    let page = app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await;
    assert!(page.body.contains("aria-current=\"step\">Stap 5: Monitoring"), "{}", page.main());
    // The name is typed by whoever signs; the account that recorded it is named beside it.
    let line = page.body.split("getekend door F. el Amrani, wethouder op ").nth(1).expect("the municipality signed");
    assert!(line[..line.find('<').unwrap_or(line.len())].contains(", vastgelegd door "), "{line}");
    // Signed: no dispute can be opened, and the dispute page offers no form for one.
    let dispute = app.get(&format!("/orgs/{sleutel}/afspraken/{id}/geschil")).await;
    assert_eq!(dispute.status, StatusCode::OK);
    assert!(!dispute.body.contains("name=\"point\""), "{}", dispute.main());
    assert!(page.body.contains("Alle partijen hebben"));

    // Monitoring: only the party that carries a commitment records its actual.
    let commitment_id: i64 = volkshuis_store::afspraken::commitments(&app.state.db, &as_party(&app, sleutel, id).await)
        .await
        .expect("read")[0]
        .id;
    let record = |org: i64| format!("/orgs/{org}/afspraken/{id}/afspraken/{commitment_id}/realisatie");
    let fields = [
        ("actual_year", "2030"),
        ("actual_value", "12"),
        ("actual_source", "Jaarverslag"),
        ("actual_evidence", "p. 14"),
    ];
    assert_eq!(app.post(&record(sleutel), &fields).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.login("admin@woonstad.test").await;
    // An actual measures a year that has begun: 2030's, not in 2026.
    let early = app.post(&record(woonstad), &fields).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("een jaar dat begonnen is") && early.body.contains("value=\"Jaarverslag\""));
    app.state.clock.advance(time::Duration::days(4 * 365)); // late 2030
    app.login("admin@woonstad.test").await;
    assert_eq!(app.post(&record(woonstad), &fields).await.status, StatusCode::SEE_OTHER);
    // A year outside the agreements is named by the agreements' years (it said "between 2000 and 2100").
    let mut outside = fields;
    outside[0] = ("actual_year", "2031");
    let refused = app.post(&record(woonstad), &outside).await;
    assert!(refused.body.contains("Kies een jaar van deze afspraken: 2030 tot en met 2030."), "{}", refused.main());
    // A later figure for the year counts; the one it replaces stays on the page (it was replaced without a trace).
    let mut later = fields;
    later[1] = ("actual_value", "15");
    assert_eq!(app.post(&record(woonstad), &later).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/orgs/{woonstad}/afspraken/{id}")).await;
    let earlier = page.body.split("data-earlier>").nth(1).and_then(|r| r.split('<').next()).expect("earlier figures");
    assert!(earlier.starts_with("Eerder vastgelegd: 12 ("), "{earlier}");
    let monitor = app.get(&format!("/orgs/{woonstad}/afspraken/{id}/monitor")).await;
    assert_eq!(monitor.status, StatusCode::OK);
    assert!(monitor.body.contains("Jaarverslag") && monitor.body.contains("<svg"), "{}", monitor.main());
    let xlsx = app.get(&format!("/orgs/{woonstad}/afspraken/{id}/monitor.xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.body.starts_with("PK"), "a zip container (xlsx)");
    // The municipality records an addendum that raises the 2030 target, after a confirmation; the old one is kept.
    app.login("beleid@voorbeeldstad.test").await;
    let addendum = format!("{cycle}/addendum");
    let commitment = commitment_id.to_string();
    let fields = [
        ("agreed_on", "2030-03-01"),
        ("body", "Tien woningen extra"),
        ("commitment_id", commitment.as_str()),
        ("year", "2030"),
        ("new_target", "50"),
    ];
    // A day to come, or before the parties signed, is no day an addendum was agreed on.
    for (day, message) in [("2031-01-01", "na vandaag"), ("2026-01-01", "een addendum is van die dag of later")] {
        let mut early = fields.to_vec();
        early[0] = ("agreed_on", day);
        let refused = app.post(&addendum, &early).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        assert!(refused.body.contains(message) && refused.body.contains("Tien woningen extra"), "{}", refused.main());
    }
    let check = app.post(&addendum, &fields).await;
    assert!(check.body.contains("data-summary") && check.body.contains("van 40 naar 50"), "{}", check.main());
    assert!(check.main().contains("Wat er is afgesproken: Tien woningen extra"), "{}", check.main());
    // The confirmation shows what it records and posts only that: no field left to change after the summary was
    // read (the form stood there, and a changed commitment and target were recorded).
    for field in ["<textarea", "<select", r#"type="text""#, r#"type="date""#] {
        assert!(!check.main().contains(field), "{field}: {}", check.main());
    }
    assert!(check.main().contains(r#"<input type="hidden" name="new_target" value="50">"#), "{}", check.main());
    assert!(!app.get(&cycle).await.body.contains("Tien woningen extra"), "nothing before confirming");
    // Back to the form: everything as typed.
    let mut back = fields.to_vec();
    back.push(("confirmed", "edit"));
    let form = app.post(&addendum, &back).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(">Tien woningen extra</textarea>") && form.body.contains(r#"value="50""#));
    let mut confirmed = fields.to_vec();
    confirmed.push(("confirmed", "yes"));
    assert_eq!(app.post(&addendum, &confirmed).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&cycle).await;
    assert!(page.body.contains("Tien woningen extra") && page.body.contains("doel 2030: 40 → 50"), "{}", page.main());
    app.login("bestuur@desleutel.test").await;
    let told = app.get("/account/notifications").await;
    assert!(told.body.contains("Gemeente Voorbeeldstad legde een addendum vast bij Afspraken 2030"), "{}", told.main());
    // Only the lead records one.
    app.login("admin@woonstad.test").await;
    let not_lead = app.post(&format!("/orgs/{woonstad}/afspraken/{id}/addendum"), &fields).await;
    assert_eq!(not_lead.status, StatusCode::CONFLICT, "said before any summary");
    assert!(not_lead.main().contains("Vraag die partij") && !not_lead.main().contains("data-summary"));
    let offered = app.get(&format!("/orgs/{woonstad}/afspraken/{id}/addendum")).await;
    assert!(offered.main().contains("Vraag die partij") && !offered.main().contains("<form"), "{}", offered.main());
    // The timeline tells what happened, in sentences.
    let page = app.get(&format!("/orgs/{woonstad}/afspraken/{id}")).await;
    assert!(page.body.contains("verstuurde het bod van Woonstad Voorbeeld"), "{}", page.main());
    // The platform administrator's national overview names the cycle and its phase, no content.
    app.login("beheer@volkshuis.test").await;
    let overview = app.get("/admin/afspraken").await;
    assert!(overview.body.contains("Afspraken 2030") && overview.body.contains("Monitoring"));
    assert!(!overview.body.contains("40 sociale huurwoningen"));
}

async fn only_parties_see_a_cycle_and_only_their_own_space(mut app: TestApp) {
    let (municipality, woonstad, sleutel) = setting(&mut app).await;
    let id = open_cycle(&mut app, municipality, woonstad, sleutel).await;
    // The municipality keeps a private note; De Sleutel does not see it until it is shared.
    let notes = format!("/orgs/{municipality}/afspraken/{id}/notities");
    let saved = app
        .post(
            &notes,
            &[
                ("note_kind", "stakeholder"),
                ("note_title", "Belangen van Woonstad"),
                ("note_body", "Wil vooral verduurzamen"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    // And a document in its own space; another in the shared space.
    let pdf: &[u8] = b"%PDF-1.4 woonvisie";
    let own = app
        .post_multipart(
            &format!("/orgs/{municipality}/afspraken/{id}/documenten"),
            &[("document_kind", "other")],
            &[("eigen.pdf", pdf)],
        )
        .await;
    assert_eq!(own.status, StatusCode::SEE_OTHER, "{}", own.body);
    let shared = app
        .post_multipart(
            &format!("/orgs/{municipality}/afspraken/{id}/documenten"),
            &[("document_kind", "woonvisie"), ("document_shared", "on")],
            &[("woonvisie.pdf", pdf)],
        )
        .await;
    assert_eq!(shared.status, StatusCode::SEE_OTHER);
    let wrong = app
        .post_multipart(
            &format!("/orgs/{municipality}/afspraken/{id}/documenten"),
            &[("document_kind", "woonvisie")],
            &[("x.exe", b"MZ")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.login("bestuur@desleutel.test").await;
    let theirs = app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Belangen van Woonstad"));
    assert!(theirs.body.contains("woonvisie.pdf") && !theirs.body.contains("eigen.pdf"), "{}", theirs.main());
    let theirs_ref = as_party(&app, municipality, id).await;
    let docs = volkshuis_store::afspraken::documents(&app.state.db, &theirs_ref).await.expect("documents");
    let own_id = docs.iter().find(|d| d.file_name == "eigen.pdf").expect("own").id;
    let shared_id = docs.iter().find(|d| d.file_name == "woonvisie.pdf").expect("shared").id;
    let download = |doc: i64| format!("/orgs/{sleutel}/afspraken/{id}/documenten/{doc}");
    assert_eq!(app.get(&download(own_id)).await.status, StatusCode::NOT_FOUND, "another party's own document");
    let got = app.get(&download(shared_id)).await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.starts_with("%PDF"));
    // Reading in another party's name is refused.
    assert_eq!(app.get(&format!("/orgs/{municipality}/afspraken/{id}")).await.status, StatusCode::FORBIDDEN);
    // Not parties: another tenant organisation, a supplier, a partner; a visitor is sent to log in.
    let noord = app.org_id("bewonersraad-noord").await;
    app.login("secretaris@bewonersraadnoord.test").await;
    assert_eq!(app.get(&format!("/orgs/{noord}/afspraken/{id}")).await.status, StatusCode::NOT_FOUND);
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login("sroi@vandijk.test").await;
    assert_eq!(app.get(&format!("/orgs/{supplier}/afspraken")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{supplier}/afspraken/{id}")).await.status, StatusCode::NOT_FOUND);
    let partner = app.org_id("wijkteam-centrum").await;
    app.login("coordinator@wijkteam.test").await;
    assert_eq!(app.get(&format!("/orgs/{partner}/afspraken/{id}")).await.status, StatusCode::NOT_FOUND);
    app.clear_cookies();
    assert!(app.get(&format!("/orgs/{municipality}/afspraken/{id}")).await.is_login_redirect());
    // A reader sees the cycle but changes nothing, and the form ids of another cycle are checked on the server.
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{woonstad}/afspraken/{id}")).await.status, StatusCode::OK);
    let write = app
        .post(&format!("/orgs/{woonstad}/afspraken/{id}/notities"), &[("note_kind", "knowledge"), ("note_title", "x")])
        .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    // The platform administrator's overview is theirs alone.
    app.login("admin@woonstad.test").await;
    assert_eq!(app.get("/admin/afspraken").await.status, StatusCode::FORBIDDEN);
    let theirs = as_party(&app, municipality, id).await;
    let note = volkshuis_store::afspraken::notes(&app.state.db, &theirs).await.expect("notes")[0].id;
    for fields in [vec![], vec![("confirmed", "yes")]] {
        let share_other = app.post(&format!("/orgs/{woonstad}/afspraken/{id}/notities/{note}/delen"), &fields).await;
        assert_eq!(share_other.status, StatusCode::NOT_FOUND, "another party's note cannot be shared");
    }

    // The platform administrator opens every organisation for its upkeep, but a party's own space and its own voice
    // stay the party's (ADR 0059): no private note or document, no writing, sharing, signing or disputing in its name;
    // what the party shared it reads as anyone in the cycle.
    app.login("beleid@voorbeeldstad.test").await;
    let knowledge = [("note_kind", "knowledge"), ("note_title", "Gedeelde kennis"), ("note_body", "Voor iedereen")];
    assert_eq!(app.post(&notes, &knowledge).await.status, StatusCode::SEE_OTHER);
    let listed = volkshuis_store::afspraken::notes(&app.state.db, &theirs).await.expect("notes");
    let to_share = listed.iter().find(|n| n.title == "Gedeelde kennis").expect("the new note").id;
    // Sharing cannot be taken back: it is asked once more, naming who will read the note, and only then done.
    let asked = app.post(&format!("{notes}/{to_share}/delen"), &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.main().contains("Notitie delen met de partijen?"), "{}", asked.main());
    assert!(asked.main().contains("Woonstad Voorbeeld") && asked.main().contains("“Gedeelde kennis”"));
    assert!(asked.main().contains("niet terugdraaien"), "{}", asked.main());
    let listed = volkshuis_store::afspraken::notes(&app.state.db, &theirs).await.expect("notes");
    assert!(listed.iter().any(|n| n.id == to_share && !n.shared), "not shared before it is confirmed");
    let shared_it = app.post(&format!("{notes}/{to_share}/delen"), &[("confirmed", "yes")]).await;
    assert_eq!(shared_it.status, StatusCode::SEE_OTHER);
    app.login("beheer@volkshuis.test").await;
    let as_operator = app.get(&format!("/orgs/{municipality}/afspraken/{id}")).await;
    assert_eq!(as_operator.status, StatusCode::OK, "the cycle itself may be read");
    assert!(!as_operator.body.contains("Belangen van Woonstad"), "{}", as_operator.main());
    assert!(as_operator.body.contains("woonvisie.pdf") && !as_operator.body.contains("eigen.pdf"));
    assert!(as_operator.main().contains("is alleen voor haar leden"), "{}", as_operator.main());
    assert!(as_operator.main().contains("Gedeelde kennis"), "what the party shared: {}", as_operator.main());
    let private_doc = format!("/orgs/{municipality}/afspraken/{id}/documenten/{own_id}");
    assert_eq!(app.get(&private_doc).await.status, StatusCode::NOT_FOUND);
    let cycle = format!("/orgs/{municipality}/afspraken/{id}");
    for (path, fields) in [
        (format!("{cycle}/notities/{note}/delen"), vec![]),
        (format!("{cycle}/notities"), vec![("note_kind", "knowledge"), ("note_title", "x"), ("note_body", "y")]),
        (format!("{cycle}/agenda"), vec![("agenda_title", "x")]),
        (format!("{cycle}/concept"), vec![("draft", "x")]),
        (format!("{cycle}/agenda/1/standpunt"), vec![("body", "x")]),
        (format!("{cycle}/geschil"), vec![("point", "x"), ("position", "y")]),
        (format!("{cycle}/geschil/standpunt"), vec![("position", "y")]),
        (format!("{cycle}/ondertekenen"), vec![("signed_by", "Beheer")]),
        (format!("{cycle}/fase"), vec![("phase", "bod")]),
        (format!("{cycle}/afspraken"), vec![("theme", "beschikbaarheid"), ("text", "x")]),
        (format!("{cycle}/addendum"), vec![("body", "x"), ("confirmed", "yes")]),
        (format!("{cycle}/overleggen"), vec![("title", "x")]),
        (format!("/orgs/{municipality}/afspraken/nieuw"), vec![("title", "x")]),
    ] {
        assert_eq!(app.post(&path, &fields).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.get(&format!("{cycle}/ondertekenen")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/orgs/{municipality}/afspraken/nieuw")).await.status, StatusCode::FORBIDDEN);
    let list = app.get(&format!("/orgs/{municipality}/afspraken")).await;
    assert!(!list.body.contains("/afspraken/nieuw\""), "no new cycle in the municipality's name");
    let upload = format!("{cycle}/documenten");
    let uploaded = app.post_multipart(&upload, &[("document_kind", "other")], &[("x.pdf", pdf)]).await;
    assert_eq!(uploaded.status, StatusCode::FORBIDDEN);
    let still = volkshuis_store::afspraken::notes(&app.state.db, &theirs).await.expect("notes");
    let private = still.iter().find(|n| n.title == "Belangen van Woonstad").expect("the private note");
    assert!(!private.shared, "the private note stays private");
}

async fn a_corporation_is_reminded_of_its_bid_six_and_two_weeks_before(mut app: TestApp) {
    let (municipality, woonstad, sleutel) = setting(&mut app).await;
    // Agreements for 2028: the bid is due on 30 June 2027; reminders on 19 May and 16 June 2027.
    let id = open_cycle_for_year(&mut app, municipality, woonstad, sleutel, "2028").await;
    let reminder = "Verstuur het bod voor Prestatieafspraken";
    app.login("admin@woonstad.test").await;
    assert!(!app.get("/account/notifications").await.body.contains(reminder));
    app.state.clock.advance(time::Duration::days(175)); // 19 May 2027, 10:00
    assert_eq!(volkshuis_web::run_due_jobs(&app.state).await.expect("run"), 1, "one corporation party");
    app.login("admin@woonstad.test").await; // months later: a new session
    let notices = app.get("/account/notifications").await;
    assert!(notices.body.contains(reminder) && notices.body.contains("30-06-2027"), "{}", notices.main());
    let once = notices.body.matches(reminder).count();
    // Sent before the second reminder: that one finds nothing to remind.
    let bid = format!("/orgs/{woonstad}/afspraken/{id}/bod");
    app.post(&bid, &[("body", "Ons bod"), ("board_approved_on", "2027-05-18")]).await;
    assert_eq!(app.post(&format!("{bid}/versturen"), &[("confirmed", "yes")]).await.status, StatusCode::SEE_OTHER);
    app.state.clock.advance(time::Duration::days(28)); // 16 June 2027
    assert_eq!(volkshuis_web::run_due_jobs(&app.state).await.expect("run"), 1);
    app.login("admin@woonstad.test").await;
    let notices = app.get("/account/notifications").await;
    assert_eq!(notices.body.matches(reminder).count(), once, "no second reminder: {}", notices.main());
    // The tenant organisation has no bid to send and hears nothing.
    app.login("bestuur@desleutel.test").await;
    assert!(!app.get("/account/notifications").await.body.contains(reminder));
}

async fn a_tenant_position_cites_what_its_own_achterban_said(mut app: TestApp) {
    let (municipality, woonstad, sleutel) = setting(&mut app).await;
    let id = open_cycle(&mut app, municipality, woonstad, sleutel).await;
    // De Sleutel answered the yearly diagnosis with Woonstad; Bewonersraad Noord answered one too (not De Sleutel's).
    let noord = app.org_id("bewonersraad-noord").await;
    for (tenant, rules) in [(sleutel, vec![4, 3, 4, 3]), (noord, vec![1, 1, 1, 1])] {
        let diagnosis = volkshuis_store::participatie::Diagnosis {
            party: "tenant".into(),
            year: 2026,
            corporation: vec![3; 4],
            representatives: vec![3; 4],
            rules,
            remarks: vec![String::new(); 4],
        };
        let mut tx = app.state.db.begin().await.expect("begin");
        volkshuis_store::participatie::save_diagnosis(
            &mut tx,
            &admin_scope(tenant),
            woonstad,
            tenant,
            &diagnosis,
            "test",
            app.state.clock.now(),
        )
        .await
        .expect("diagnosis");
        tx.commit().await.expect("commit");
    }
    app.post(&format!("/orgs/{municipality}/afspraken/{id}/agenda"), &[("agenda_title", "Huurbeleid")]).await;
    let item = volkshuis_store::afspraken::agenda(&app.state.db, &as_party(&app, municipality, id).await)
        .await
        .expect("agenda")[0]
        .id;
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await;
    assert!(page.body.contains("gouden regels gemiddeld 3,5 van 5"), "its own diagnosis is offered: {}", page.main());
    assert!(!page.body.contains(&format!("diagnose:{woonstad}:2026\" selected")));
    let position = format!("/orgs/{sleutel}/afspraken/{id}/agenda/{item}/standpunt");
    let cited = app
        .post(
            &position,
            &[("body", "Niet boven inflatie"), ("cite", &format!("diagnose:{woonstad}:2026")), ("evidence", "")],
        )
        .await;
    assert_eq!(cited.status, StatusCode::SEE_OTHER, "{}", cited.body);
    let page = app.get(&format!("/orgs/{sleutel}/afspraken/{id}")).await;
    assert!(
        page.body
            .contains("Achterban: Jaarlijkse diagnose 2026 met Woonstad Voorbeeld: gouden regels gemiddeld 3,5 van 5"),
        "{}",
        page.main()
    );
    // A code that is not its own (a message id that does not exist, or another organisation's) is refused.
    let forged = app.post(&position, &[("body", "Anders"), ("cite", "bericht:999999")]).await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(forged.body.contains("Kies iets uit wat uw eigen achterban zei"), "{}", forged.main());
}

/// Prestatieafspraken on the dashboard (it named only Overleg, so a tenant organisation was not told what it must do
/// next): a negotiation nearing its signing target for every party; a signature awaited until the party signed; a
/// corporation's bid until it is sent.
async fn performance_agreements_say_what_each_party_must_do_next(mut app: TestApp) {
    let (municipality, woonstad, sleutel) = setting(&mut app).await;
    // A cycle for 2027, in negotiation on 25 November 2026: its signing target is 15 December.
    let id = open_cycle_for_year(&mut app, municipality, woonstad, sleutel, "2027").await;
    let title: String = sql::query_scalar("SELECT title FROM pa_cycles WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db)
        .await
        .expect("t");
    sql::query("UPDATE pa_cycles SET phase = 'onderhandeling' WHERE id = $1")
        .bind(id)
        .execute(&app.state.db)
        .await
        .expect("phase");
    // The municipality, which leads the talks, is told they near the signing target; a tenant organisation is not.
    app.login("beleid@voorbeeldstad.test").await;
    let dashboard = app.get("/dashboard").await;
    let main = dashboard.main();
    assert!(main.contains(&format!("Rond de onderhandelingen over de prestatieafspraken „{title}” af")), "{main}");
    assert!(main.contains(&format!("href=\"/orgs/{municipality}/afspraken/{id}\"")), "{main}");
    assert!(main.contains("15-12-2026"), "with its signing target: {main}");
    // Opened late in the year, the cycle's page says which of its dates have passed.
    let page = app.get(&format!("/orgs/{municipality}/afspraken/{id}")).await;
    let dates = &page.body[page.body.find("id=\"fasen-h\"").expect("dates")..];
    let dates = &dates[..dates.find("</ul>").expect("their end")];
    assert!(dates.contains("30-06-2026 binnen (vóór 1 juli, Woningwet art. 44). Voorbij."), "{dates}");
    assert!(dates.contains("16-06-2026. Voorbij."), "no bid sent: its reminders are named: {dates}");
    assert!(dates.contains("Gebruikelijk getekend vóór 15-12-2026.</li>"), "still to come: {dates}");
    app.login("bestuur@desleutel.test").await;
    // De Sleutel's board member works for two organisations: the dashboard of De Sleutel.
    let switched = app.post("/orgs/switch", &[("org_id", &sleutel.to_string())]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert!(!app.get("/dashboard").await.main().contains("Rond de onderhandelingen"));
    // In the signing phase the line asks for this party's signature, until it has signed.
    sql::query("UPDATE pa_cycles SET phase = 'ondertekening' WHERE id = $1")
        .bind(id)
        .execute(&app.state.db)
        .await
        .expect("phase");
    app.state.clock.advance(time::Duration::seconds(2));
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.main().contains(&format!("Onderteken de prestatieafspraken „{title}”")), "{}", dashboard.main());
    // Signed with four clicks at once: one signature, the others told it cannot be signed now, none stalled or
    // failed (the step read the parties on the pool while it held SQLite's write lock: ADR 0061).
    let sign = [("signed_by", "Dirk Bakker, voorzitter"), ("confirmed", "yes")];
    let mut statuses = app.post_at_once(&format!("/orgs/{sleutel}/afspraken/{id}/ondertekenen"), &sign, 4).await;
    statuses.sort();
    assert_eq!(statuses[0], StatusCode::SEE_OTHER, "{statuses:?}");
    assert!(statuses[1..].iter().all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY), "{statuses:?}");
    let signatures: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM pa_parties WHERE cycle_id = $1 AND signed_at IS NOT NULL")
            .bind(id)
            .fetch_one(&app.state.db)
            .await
            .expect("n");
    assert_eq!(signatures, 1);
    app.state.clock.advance(time::Duration::seconds(2));
    let dashboard = app.get("/dashboard").await;
    assert!(!dashboard.main().contains("Onderteken de prestatieafspraken"), "signed: {}", dashboard.main());
    // In the bid phase the corporation is asked for its bid, due 30 June; the tenant organisation is not.
    sql::query("UPDATE pa_cycles SET phase = 'bod' WHERE id = $1").bind(id).execute(&app.state.db).await.expect("bid");
    app.state.clock.advance(time::Duration::seconds(2));
    assert!(!app.get("/dashboard").await.main().contains("Stuur het bod"));
    app.login("admin@woonstad.test").await;
    let dashboard = app.get("/dashboard").await;
    assert!(
        dashboard.main().contains(&format!("Stuur het bod voor de prestatieafspraken „{title}”")),
        "{}",
        dashboard.main()
    );
    assert!(dashboard.main().contains("30-06-2026"), "{}", dashboard.main());
}
