//! Nazorg's VvE register, votes and map through the real router on both databases: every route against every role
//! (the corporation's members read, its staff write, everyone else sees nothing of it), a form with errors back with
//! what was typed, a complex or Overleg case of another corporation refused, a vote recorded only after its
//! confirmation, a VvE below the reserve minimum in red, and the map's counts per buurt (sold and not bought back,
//! the worst VvE health, a point that is no one's front door) for the corporation and the municipality.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use time::macros::date;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::nazorg::sale::{SaleCondition, ValueKind};
use volkshuis_domain::nazorg::vve::Health;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_store::audit::Actor;
use volkshuis_store::nazorg::figures::Side;
use volkshuis_store::nazorg::map;
use volkshuis_store::nazorg::sales::{self, Buyback, NewSale};
use volkshuis_store::nazorg::vves::{self, NewVote, VveInput};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    every_route_answers_each_role_as_its_membership_allows,
    a_vve_is_registered_edited_and_judged,
    a_vote_is_recorded_only_after_its_confirmation,
    the_map_counts_sold_homes_and_the_worst_health_per_buurt,
);

/// Woonstad: De Ark (three units in one buurt), Het Anker (two in another), one unit without buurt or coordinates.
const WOONSTAD_STOCK: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;buurtCode;breedtegraad;lengtegraad\n\
A1;C1;De Ark;Kerkstraat;1;7411AA;Deventer;GM0150;BU01500000;52.2500;6.1500\n\
A2;C1;De Ark;Kerkstraat;2;7411AA;Deventer;GM0150;BU01500000;52.2510;6.1520\n\
A3;C1;De Ark;Kerkstraat;3;7411AA;Deventer;GM0150;BU01500000;52.2520;6.1540\n\
A4;C2;Het Anker;Dorpsweg;4;7411AB;Deventer;GM0150;BU01500001;52.2600;6.1700\n\
A5;C2;Het Anker;Dorpsweg;5;7411AB;Deventer;GM0150;BU01500001;52.2620;6.1720\n\
A6;C3;Losse woning;Veldweg;6;7411AC;Deventer;GM0150;;;\n";

/// Kade Wonen, a second corporation in the same gemeente.
const KADE_STOCK: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;buurtCode;breedtegraad;lengtegraad\n\
K1;K1;Kerkhof;Kerkhoflaan;1;7412AA;Deventer;GM0150;BU01500002;52.2700;6.1800\n\
K2;K1;Kerkhof;Kerkhoflaan;2;7412AA;Deventer;GM0150;BU01500002;52.2710;6.1810\n";

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn actor(app: &TestApp) -> Actor {
    Actor::system("test", app.state.clock.now())
}

async fn import(app: &TestApp, org: i64, file: &'static str) {
    let reader = StockReader::new(file.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(org), &actor(app), "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
}

/// The two corporations with their stock, Kade Wonen's staff member (staf@kade.test) and the municipality carrying
/// GM0150; returns (woonstad, kade, municipality).
async fn setting(app: &mut TestApp) -> (i64, i64, i64) {
    let woonstad = app.org_id("woonstad").await;
    import(app, woonstad, WOONSTAD_STOCK).await;
    let fields = volkshuis_store::orgs::OrgFields {
        code: OrgCode::parse("kade-wonen").expect("code"),
        name: volkshuis_domain::text::Name::parse("Kade Wonen").expect("name"),
        kind: OrgKind::Corporation,
    };
    let actor = actor(app);
    let mut tx = app.state.db.begin().await.expect("begin");
    let kade = volkshuis_store::orgs::create(&mut tx, &actor, &fields).await.expect("org").id;
    let new = volkshuis_store::users::NewUser {
        email: volkshuis_domain::account::Email::parse("staf@kade.test").expect("email"),
        name: volkshuis_domain::text::Name::parse("Kees Kade").expect("name"),
        password_hash: volkshuis_accounts::password::hash_now(common::PASSWORD).expect("hash"),
        is_platform_admin: false,
    };
    let user = volkshuis_store::users::create(&mut tx, &actor, &new).await.expect("user").id;
    volkshuis_store::users::set_membership(&mut tx, &actor, user, kade, Role::Staff).await.expect("member");
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let codes = [GemeenteCode::parse("GM0150").expect("code")];
    volkshuis_store::gemeenten::set(&mut tx, &actor, municipality, &codes, 2023).await.expect("known code");
    tx.commit().await.expect("commit");
    import(app, kade, KADE_STOCK).await;
    (woonstad, kade, municipality)
}

async fn cluster_id(app: &TestApp, org: i64, code: &str) -> i64 {
    sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
        .bind(org)
        .bind(code)
        .fetch_one(&app.state.db)
        .await
        .expect("cluster")
}

async fn unit_id(app: &TestApp, org: i64, id_extern: &str) -> i64 {
    sql::query_scalar("SELECT id FROM units WHERE corporation_id = $1 AND id_extern = $2")
        .bind(org)
        .bind(id_extern)
        .fetch_one(&app.state.db)
        .await
        .expect("unit")
}

async fn count(app: &TestApp, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(&app.state.db).await.expect("count")
}

/// A VvE on `cluster` whose reserve (€ 1.200 a year) is below 0.5% of its rebuild value (€ 300.000): red.
fn short_vve(name: &str, cluster: i64) -> VveInput {
    VveInput {
        cluster_id: Some(cluster),
        name: name.to_owned(),
        kvk: Some("01234567".to_owned()),
        votes_corporation: 12,
        votes_total: 20,
        is_manager: true,
        rebuild_value_cents: Some(30_000_000),
        yearly_reserve_cents: Some(120_000),
        last_meeting_on: Some(date!(2026 - 05 - 01)),
        minutes: Some("In de VvE-map".to_owned()),
        ..VveInput::default()
    }
}

async fn register(app: &TestApp, org: i64, input: &VveInput) -> i64 {
    vves::save_vve(&app.state.db, &admin_scope(org), &actor(app), None, input).await.expect("saved").expect("own")
}

/// An Overleg case of `corporation` that `tenant` answered with advice; returns its id.
async fn answered_case(app: &TestApp, corporation: i64, tenant: i64, title: &str, advice: &str) -> i64 {
    sql::query_scalar(
        "INSERT INTO overleg_cases (corporation_id, tenant_org_id, kind, subject, title, explanation, received_on, \
         stage, answer_kind, answer_text, answered_on, created_at) VALUES ($1, $2, 'advice', 'maintenance', $3, \
         'Graag uw advies.', '2026-09-01', 'awaiting_decision', 'advice', $4, '2026-10-01', 0) RETURNING id",
    )
    .bind(corporation)
    .bind(tenant)
    .bind(title)
    .bind(advice)
    .fetch_one(&app.state.db)
    .await
    .expect("case")
}

/// Who asks, and what each route answers them.
async fn every_route_answers_each_role_as_its_membership_allows(mut app: TestApp) {
    let (woonstad, kade, municipality) = setting(&mut app).await;
    let ours = register(&app, woonstad, &short_vve("VvE De Ark", cluster_id(&app, woonstad, "C1").await)).await;
    let theirs = register(&app, kade, &short_vve("VvE Kerkhof", cluster_id(&app, kade, "K1").await)).await;
    let wijkteam = app.org_id("wijkteam-centrum").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let w = format!("/orgs/{woonstad}/nazorg");
    use StatusCode as S;
    const OK: S = S::OK;
    const NO: S = S::FORBIDDEN;
    const NF: S = S::NOT_FOUND;
    // (route, [corporation admin, staff, read-only, municipality staff, partner, tenant organisation, another
    // corporation's staff, platform administrator])
    let table: Vec<(String, [StatusCode; 8])> = vec![
        (format!("{w}/vves"), [OK, OK, OK, NO, NO, NO, NO, OK]),
        (format!("{w}/vves/nieuw"), [OK, OK, NO, NO, NO, NO, NO, NO]),
        (format!("{w}/vves/{ours}"), [OK, OK, OK, NO, NO, NO, NO, OK]),
        (format!("{w}/vves/{ours}/bewerken"), [OK, OK, NO, NO, NO, NO, NO, NO]),
        // Another corporation's VvE is not there, whoever asks.
        (format!("{w}/vves/{theirs}"), [NF, NF, NF, NO, NO, NO, NO, NF]),
        (format!("{w}/vves/{theirs}/bewerken"), [NF, NF, NF, NO, NO, NO, NO, NF]),
        (format!("/orgs/{kade}/nazorg/vves/{ours}"), [NO, NO, NO, NO, NO, NO, NF, NF]),
        (format!("/orgs/{kade}/nazorg/vves/{theirs}"), [NO, NO, NO, NO, NO, NO, OK, OK]),
        (format!("{w}/kaart"), [OK, OK, OK, NO, NO, NO, NO, OK]),
        // The register is the corporation's; a municipality has the map, a partner and a tenant organisation neither.
        (format!("/orgs/{municipality}/nazorg/vves"), [NO, NO, NO, NF, NO, NO, NO, NF]),
        (format!("/orgs/{municipality}/nazorg/kaart"), [NO, NO, NO, OK, NO, NO, NO, OK]),
        (format!("/orgs/{wijkteam}/nazorg/vves"), [NO, NO, NO, NO, NF, NO, NO, NF]),
        (format!("/orgs/{wijkteam}/nazorg/kaart"), [NO, NO, NO, NO, NF, NO, NO, NF]),
        (format!("/orgs/{sleutel}/nazorg/vves"), [NO, NO, NO, NO, NO, NF, NO, NF]),
        (format!("/orgs/{sleutel}/nazorg/kaart"), [NO, NO, NO, NO, NO, NF, NO, NF]),
    ];
    let people = [
        "admin@woonstad.test",
        "medewerker@woonstad.test",
        "lezer@woonstad.test",
        "beleid@voorbeeldstad.test",
        "coordinator@wijkteam.test",
        "bestuur@desleutel.test",
        "staf@kade.test",
        "beheer@volkshuis.test",
    ];
    for (who, email) in people.iter().enumerate() {
        app.login(email).await;
        for (route, expected) in &table {
            let got = app.get(route).await;
            assert_eq!(got.status, expected[who], "{email} on {route}");
        }
    }
    // Staff are offered the register's forms; a read-only member reads the same list without them.
    app.login("medewerker@woonstad.test").await;
    assert!(app.get(&format!("{w}/vves")).await.body.contains("/nazorg/vves/nieuw"));
    // The form says the corporation's votes are kept by hand (they do not follow sales), read out with the field.
    let form_page = app.get(&format!("{w}/vves/nieuw")).await;
    assert!(form_page.main().contains("aria-describedby=\"votes_corporation-hint\""), "{}", form_page.main());
    assert!(form_page.main().contains("het aantal volgt niet vanzelf uit verkopen"));
    let nav = app.get(&format!("{w}/vves")).await;
    assert!(nav.body.contains(&format!("href=\"{w}/kaart\"")), "the sub-menu leads to the map");
    app.login("lezer@woonstad.test").await;
    let list = app.get(&format!("{w}/vves")).await;
    assert!(list.body.contains("VvE De Ark") && !list.body.contains("/nazorg/vves/nieuw"), "{}", list.main());
    let page = app.get(&format!("{w}/vves/{ours}")).await;
    assert!(!page.body.contains("data-vote-form") && !page.body.contains("/bewerken\""), "{}", page.main());
    // Writes: a read-only member is refused, another corporation's staff find nothing.
    let form = [("name", "X"), ("votes_corporation", "1"), ("votes_total", "2")];
    assert_eq!(app.post(&format!("{w}/vves/nieuw"), &form).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&format!("{w}/vves/{ours}/bewerken"), &form).await.status, StatusCode::FORBIDDEN);
    let vote = [("meeting_on", "2026-11-20"), ("subject", "Dak"), ("vote", "voor"), ("confirmed", "yes")];
    assert_eq!(app.post(&format!("{w}/vves/{ours}/stemmen"), &vote).await.status, StatusCode::FORBIDDEN);
    app.login("staf@kade.test").await;
    let path = format!("/orgs/{kade}/nazorg/vves/{ours}");
    assert_eq!(app.post(&format!("{path}/bewerken"), &form).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post(&format!("{path}/stemmen"), &vote).await.status, StatusCode::NOT_FOUND);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM nz_vve_votes").await, 0);
    assert_eq!(
        sql::query_scalar::<String>("SELECT name FROM nz_vves WHERE id = $1")
            .bind(ours)
            .fetch_one(&app.state.db)
            .await
            .expect("name"),
        "VvE De Ark"
    );
    // Visitors are sent to log in.
    app.clear_cookies();
    assert!(app.get(&format!("{w}/vves")).await.is_login_redirect());
    assert!(app.get(&format!("{w}/vves/{ours}")).await.is_login_redirect());
    assert!(app.get(&format!("{w}/kaart")).await.is_login_redirect());
}

async fn a_vve_is_registered_edited_and_judged(mut app: TestApp) {
    let (woonstad, kade, _) = setting(&mut app).await;
    let w = format!("/orgs/{woonstad}/nazorg/vves");
    app.login("medewerker@woonstad.test").await;
    let new = app.get(&format!("{w}/nieuw")).await;
    assert_eq!(new.status, StatusCode::OK);
    assert!(new.body.contains("value=\"C1\"") && !new.body.contains("value=\"K1\""), "only its own complexes");
    // Every wrong field says what is wrong; what was typed comes back; nothing is saved.
    let wrong = [
        ("name", "VvE De Ark"),
        ("complex", "K1"),
        ("kvk", "123"),
        ("votes_corporation", "30"),
        ("votes_total", "20"),
        ("rebuild_value", "drie ton"),
        ("mjop_horizon_years", "10"),
        ("minutes", "Notulen bij de beheerder"),
    ];
    let refused = app.post(&format!("{w}/nieuw"), &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &refused.body;
    assert!(body.contains("Complex K1 staat niet in uw bezit."), "{}", refused.main());
    assert!(body.contains("Een KvK-nummer heeft precies 8 cijfers."));
    assert!(body.contains("De corporatie kan niet meer stemmen hebben dan er in totaal zijn."));
    assert!(body.contains("Geef een bedrag in euro"));
    assert!(body.contains("Vul de datum, het aantal jaren en de reservering van het MJOP samen in"));
    for typed in
        ["value=\"VvE De Ark\"", "value=\"123\"", "value=\"30\"", "value=\"drie ton\"", "Notulen bij de beheerder"]
    {
        assert!(body.contains(typed), "{typed} is kept: {}", refused.main());
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM nz_vves").await, 0);
    // The store refuses another corporation's complex id too, whatever the form sent.
    let foreign = short_vve("VvE Vreemd", cluster_id(&app, kade, "K1").await);
    let saved = vves::save_vve(&app.state.db, &admin_scope(woonstad), &actor(&app), None, &foreign).await.expect("ok");
    assert_eq!(saved, None);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM nz_vves").await, 0);

    let good = [
        ("name", "VvE De Ark"),
        ("complex", "C1"),
        ("kvk", "01234567"),
        ("votes_corporation", "12"),
        ("votes_total", "20"),
        ("is_manager", "on"),
        ("rebuild_value", "300.000,00"),
        ("yearly_reserve", "1.200,00"),
        ("last_meeting_on", "1-5-2026"),
        ("minutes", "Notulen bij de beheerder"),
    ];
    let made = app.post(&format!("{w}/nieuw"), &good).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let path = made.location().expect("to the VvE").split('?').next().expect("path").to_owned();
    let id: i64 = path.rsplit('/').next().and_then(|i| i.parse().ok()).expect("id");
    let page = app.get(&path).await;
    let main = page.main();
    // Below the minimum: red, and the finding says by how much and on what basis.
    assert!(main.contains("data-health=\"rood\""), "{main}");
    assert!(
        main.contains(
            "Reservering € 1.200,00 per jaar ligt € 300,00 onder het minimum van € 1.500,00 (0,5% van de herbouwwaarde)."
        ),
        "{main}"
    );
    assert!(main.contains("Er is geen MJOP"), "{main}");
    // Majority owner and manager: the conflict of interest is named, and its disclosure is missing.
    assert!(main.contains("data-conflict") && main.contains("12 van 20"), "{main}");
    assert!(main.contains("data-conflict-missing"), "{main}");
    let list = app.get(&w).await;
    assert!(
        list.main().contains("data-health=\"rood\"") && list.main().contains("€ 1.500,00 (0,5% van de herbouwwaarde)")
    );

    // The edit form shows what is registered; the disclosure comes with what the corporation abstains from.
    let edit = app.get(&format!("{path}/bewerken")).await;
    assert!(
        edit.body.contains("value=\"VvE De Ark\"") && edit.body.contains("value=\"2026-05-01\""),
        "{}",
        edit.main()
    );
    let mut fixed: Vec<(&str, &str)> = good.to_vec();
    fixed.push(("conflict_disclosed_on", "2026-06-01"));
    let half = app.post(&format!("{path}/bewerken"), &fixed).await;
    assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(half.body.contains("Vul de datum van de melding en waarover de corporatie zich onthoudt samen in."));
    fixed.push(("conflict_abstentions", "Benoeming en ontslag van de beheerder"));
    fixed.retain(|(k, _)| *k != "yearly_reserve");
    fixed.push(("yearly_reserve", "1500"));
    // The edit form carries what it showed; a save over a change made since (another tab, a colleague) comes back as
    // typed and told, nothing saved (the later save silently undid the earlier: the minutes were lost).
    let needle = "name=\"seen\" value=\"";
    let at = edit.body.find(needle).expect("the form carries what it showed") + needle.len();
    let seen = edit.body[at..at + 24].to_owned();
    let mut meanwhile = good.to_vec();
    meanwhile.retain(|(k, _)| *k != "minutes");
    meanwhile.push(("minutes", "Notulen bij de secretaris"));
    meanwhile.push(("seen", &seen));
    assert_eq!(app.post(&format!("{path}/bewerken"), &meanwhile).await.status, StatusCode::SEE_OTHER);
    fixed.push(("seen", &seen));
    let stale = app.post(&format!("{path}/bewerken"), &fixed).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.main().contains("Deze VvE is gewijzigd sinds u dit formulier opende"));
    assert!(stale.body.contains("Benoeming en ontslag van de beheerder"), "what was typed is kept");
    let at = stale.body.find(needle).expect("a new fingerprint") + needle.len();
    let now = stale.body[at..at + 24].to_owned();
    fixed.retain(|(k, _)| *k != "seen");
    fixed.push(("seen", &now));
    let saved = app.post(&format!("{path}/bewerken"), &fixed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get(&path).await;
    let main = page.main();
    assert!(main.contains("data-conflict-recorded") && !main.contains("data-conflict-missing"), "{main}");
    assert!(main.contains("Benoeming en ontslag van de beheerder"), "{main}");
    // At the minimum exactly, the reserve is fine; without an MJOP the VvE is amber, no longer red.
    assert!(main.contains("data-health=\"oranje\"") && !main.contains("onder het minimum van"), "{main}");
    let actions: Vec<String> =
        sql::query_scalar("SELECT action FROM audit_log WHERE entity = 'nz_vve' AND entity_id = $1 ORDER BY id")
            .bind(id.to_string())
            .fetch_all(&app.state.db)
            .await
            .expect("audit");
    assert_eq!(actions, vec!["create".to_owned(), "update".to_owned(), "update".to_owned()]);
    // The same page in English, through the language switch.
    app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    let english = app.get(&path).await;
    let main = english.main();
    assert!(main.contains("Conflict of interest") && main.contains(">amber</span>"), "{main}");
    assert!(main.contains("There is no MJOP; the reservation is judged against 0.5% of the rebuild value."), "{main}");
}

async fn a_vote_is_recorded_only_after_its_confirmation(mut app: TestApp) {
    let (woonstad, kade, _) = setting(&mut app).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let vve = register(&app, woonstad, &short_vve("VvE De Ark", cluster_id(&app, woonstad, "C1").await)).await;
    let ours = answered_case(&app, woonstad, sleutel, "Dakrenovatie De Ark", "Wij adviseren voor te stemmen.").await;
    let theirs = answered_case(&app, kade, sleutel, "Kerkhof gevels", "Tegen.").await;
    let path = format!("/orgs/{woonstad}/nazorg/vves/{vve}");
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&path).await;
    let form = &page.body[page.body.find("data-vote-form").expect("the vote form")..];
    let form = &form[..form.find("</form>").expect("end")];
    // No vote is pre-selected; only the corporation's own answered cases can be cited.
    assert!(form.contains("name=\"vote\" value=\"voor\"") && !form.contains(" checked"), "{form}");
    assert!(form.contains("Dakrenovatie De Ark") && !form.contains("Kerkhof gevels"), "{form}");

    let stemmen = format!("{path}/stemmen");
    let missing = app.post(&stemmen, &[("meeting_on", "2026-11-20"), ("subject", "Dakrenovatie")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Kies voor, tegen of onthouden.") && missing.body.contains("value=\"Dakrenovatie\""));
    let theirs_text = theirs.to_string();
    let foreign = [("meeting_on", "2026-11-20"), ("subject", "Dakrenovatie"), ("vote", "voor"), ("cite", &theirs_text)];
    let refused = app.post(&stemmen, &foreign).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Dit advies kan deze stem niet aanhalen."), "{}", refused.main());
    let mut forged = foreign.to_vec();
    forged.push(("confirmed", "yes"));
    assert_eq!(app.post(&stemmen, &forged).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The store refuses it as well.
    let new = NewVote {
        meeting_on: date!(2026 - 11 - 20),
        subject: "Dakrenovatie".to_owned(),
        vote: "voor".to_owned(),
        cited_case_id: Some(theirs),
        note: None,
    };
    let recorded = vves::record_vote(&app.state.db, &admin_scope(woonstad), &actor(&app), vve, &new).await;
    assert!(!recorded.expect("ok"), "another corporation's case cannot be cited");

    // The first post shows what will be recorded and records nothing.
    let ours_text = ours.to_string();
    let vote = [("meeting_on", "20-11-2026"), ("subject", "Dakrenovatie"), ("vote", "voor"), ("cite", &ours_text)];
    let summary = app.post(&stemmen, &vote).await;
    assert_eq!(summary.status, StatusCode::OK);
    let main = summary.main();
    assert!(main.contains("data-summary"), "{main}");
    assert!(main.contains("U legt vast: Woonstad Voorbeeld stemde op 20-11-2026 vóór “Dakrenovatie”."), "{main}");
    assert!(
        main.contains("Dit citeert het advies van Huurdersvereniging De Sleutel in “Dakrenovatie De Ark”."),
        "{main}"
    );
    assert!(main.contains("name=\"confirmed\" value=\"yes\""), "{main}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM nz_vve_votes").await, 0, "nothing recorded before the confirmation");

    let mut confirmed = vote.to_vec();
    confirmed.push(("confirmed", "yes"));
    // Confirmed twice at once (a double click, a second tab): one vote (three were recorded); the other is told.
    let mut statuses = app.post_at_once(&stemmen, &confirmed, 2).await;
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM nz_vve_votes").await, 1);
    let again = app.post(&stemmen, &confirmed).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.main().contains("Over dit onderwerp is voor deze vergadering al een stem vastgelegd"));
    assert!(again.main().contains("value=\"Dakrenovatie\""), "the form as typed: {}", again.main());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM nz_vve_votes").await, 1);
    let page = app.get(&path).await;
    let main = page.main();
    assert!(main.contains("data-vote=\"voor\"") && main.contains("Wij adviseren voor te stemmen."), "{main}");
    assert!(main.contains("Bram Jansen"), "who recorded it, by name: {main}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'nz_vve_vote'").await, 1);
}

async fn the_map_counts_sold_homes_and_the_worst_health_per_buurt(mut app: TestApp) {
    let (woonstad, kade, municipality) = setting(&mut app).await;
    let today = date!(2026 - 11 - 25);
    let sale = |unit_id, condition| NewSale {
        unit_id,
        sold_on: date!(2025 - 06 - 01),
        price_cents: 20_000_000,
        value_cents: 22_000_000,
        value_kind: ValueKind::Woz,
        condition,
        discount_bp: None,
        owner_share_bp: None,
        buyer_name: "Joke Hendriks".to_owned(),
        buyer_email: None,
        buyer_phone: None,
    };
    let mut sold = Vec::new();
    for (org, unit, condition) in [
        (woonstad, "A1", SaleCondition::None),
        (woonstad, "A2", SaleCondition::None),
        (woonstad, "A4", SaleCondition::None),
        (woonstad, "A5", SaleCondition::Koopgarant),
        (woonstad, "A6", SaleCondition::None),
        (kade, "K1", SaleCondition::None),
    ] {
        let new = sale(unit_id(&app, org, unit).await, condition);
        let done = sales::record_sale(&app.state.db, &admin_scope(org), &actor(&app), &new, &[3, 6]).await;
        sold.push(done.expect("ok").expect("sold").0);
    }
    // A5 is bought back: no longer sold.
    let buyback = Buyback {
        requested_on: date!(2026 - 09 - 01),
        value_now_cents: 23_000_000,
        improvements_cents: 0,
        valuation_note: None,
        dispute: None,
        price_cents: 21_000_000,
        completed_on: Some(date!(2026 - 11 - 01)),
    };
    let back = sales::record_buyback(&app.state.db, &admin_scope(woonstad), &actor(&app), sold[3], &buyback).await;
    assert!(back.expect("ok"));
    register(&app, woonstad, &short_vve("VvE De Ark", cluster_id(&app, woonstad, "C1").await)).await;
    let mut fine = short_vve("VvE Kerkhof", cluster_id(&app, kade, "K1").await);
    fine.yearly_reserve_cents = Some(150_000);
    fine.mjop = Some(volkshuis_domain::nazorg::vve::Mjop {
        adopted_on: date!(2024 - 01 - 01),
        horizon_years: 10,
        yearly_reservation_cents: 150_000,
    });
    register(&app, kade, &fine).await;

    // The corporation: its own sales and VvE's only.
    let scope = admin_scope(woonstad);
    let buurten = map::buurten(&app.state.db, scope.as_read(), Side::Corporation, today).await.expect("map");
    let codes: Vec<&str> = buurten.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(codes, vec!["", "BU01500000", "BU01500001"]);
    let (unknown, ark, anker) = (&buurten[0], &buurten[1], &buurten[2]);
    assert_eq!((unknown.sold, unknown.point, unknown.worst()), (1, None, None));
    assert_eq!((ark.sold, ark.vve_count(), ark.worst()), (2, 1, Some(Health::Red)));
    assert_eq!(ark.own_vves.iter().map(|v| (v.1.as_str(), v.2)).collect::<Vec<_>>(), vec![("VvE De Ark", Health::Red)]);
    // The point is the middle of all three homes of the buurt, not of the two sold ones.
    let (lat, lon) = ark.point.expect("a point");
    assert!((lat - 52.251).abs() < 1e-9 && (lon - 6.152).abs() < 1e-9, "{lat} {lon}");
    assert_eq!((anker.sold, anker.vve_count(), anker.worst()), (1, 0, None), "the bought-back home is not counted");
    let (lat, _) = anker.point.expect("a point");
    assert!((lat - 52.261).abs() < 1e-9, "both homes of the buurt, the bought-back one too: {lat}");

    // The municipality: every corporation's sales in its gemeente, the VvE's there as counts, no names.
    let gm = admin_scope(municipality);
    let buurten = map::buurten(&app.state.db, gm.as_read(), Side::Municipality, today).await.expect("map");
    let summary: Vec<(&str, i64, i64, Option<Health>)> =
        buurten.iter().map(|b| (b.code.as_str(), b.sold, b.vve_count(), b.worst())).collect();
    assert_eq!(
        summary,
        vec![
            ("", 1, 0, None),
            ("BU01500000", 2, 1, Some(Health::Red)),
            ("BU01500001", 1, 0, None),
            ("BU01500002", 1, 1, Some(Health::Green)),
        ]
    );
    assert!(buurten.iter().all(|b| b.own_vves.is_empty()), "a municipality gets counts, not the register");
    // An organisation without gemeenten sees nothing.
    let other = admin_scope(app.org_id("wsp-voorbeeldstad").await);
    assert!(map::buurten(&app.state.db, other.as_read(), Side::Municipality, today).await.expect("map").is_empty());

    // The pages: the table the map is drawn from, with no buyer in it. A read-only member sees two sales in a buurt
    // as "fewer than 5", as the municipality does (it may not open the sales).
    app.login("lezer@woonstad.test").await;
    let page = app.get(&format!("/orgs/{woonstad}/nazorg/kaart")).await;
    assert!(page.main().contains("data-buurt=\"BU01500000\" data-sold=\"1\""), "{}", page.main());
    assert!(page.main().contains("minder dan 5") && !page.main().contains("Hendriks"), "{}", page.main());
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&format!("/orgs/{woonstad}/nazorg/kaart")).await;
    assert_eq!(page.status, StatusCode::OK);
    let main = page.main();
    assert!(
        main.contains("data-buurt=\"BU01500000\" data-sold=\"2\"")
            && main.contains("data-health=\"rood\" data-lat=\"52.251000\" data-lon=\"6.152000\""),
        "{main}"
    );
    assert!(main.contains("VvE De Ark") && !main.contains("Hendriks") && !main.contains("BU01500002"), "{main}");
    assert!(main.contains("/static/nazorg-map.js"));
    app.login("beleid@voorbeeldstad.test").await;
    let page = app.get(&format!("/orgs/{municipality}/nazorg/kaart")).await;
    let main = page.main();
    assert!(main.contains("data-buurt=\"BU01500002\" data-sold=\"1\""), "{main}");
    assert!(!main.contains("VvE De Ark") && !main.contains("Hendriks"), "counts only: {main}");
    let script = app.get("/static/nazorg-map.js").await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script.body.contains("circleMarker"));
}
