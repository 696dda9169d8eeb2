//! Buurtbudget through the real router on both databases: every route against every role (the corporation's members
//! read, its staff write, another corporation finds nothing of its rounds, anyone reads the public pages and votes
//! with a code); a round from its opening to the progress of what was funded, with each refused form back with what
//! was typed; the letter list logged as a read of addresses and its codes shown once; a ballot over the budget, with
//! too many projects or a forged project id refused with the choice kept; a used code refused plainly; guessing codes
//! slowed down.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::initiatieven::buurtbudget::RoundRules;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_store::audit::Actor;
use volkshuis_store::initiatieven::rounds::{self, Area, NewRound};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    every_route_answers_each_role_as_its_membership_allows,
    a_round_goes_from_proposals_to_the_progress_of_what_was_funded,
    a_ballot_that_breaks_the_rules_comes_back_with_the_choice_kept,
    guessing_codes_is_slowed_down,
);

const HEADER: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;buurtCode";

/// Woonstad: De Ark, three homes in one buurt; Het Anker, two in another.
const WOONSTAD_STOCK: &[&str] = &[
    "A1;C1;De Ark;Kerkstraat;1;7411AA;Deventer;GM0150;BU01500000",
    "A2;C1;De Ark;Kerkstraat;2;7411AA;Deventer;GM0150;BU01500000",
    "A3;C1;De Ark;Kerkstraat;3;7411AA;Deventer;GM0150;BU01500000",
    "A4;C2;Het Anker;Dorpsweg;4;7411AB;Deventer;GM0150;BU01500001",
    "A5;C2;Het Anker;Dorpsweg;5;7411AB;Deventer;GM0150;BU01500001",
];

const KADE_STOCK: &[&str] = &["K1;K1;Kerkhof;Kerkhoflaan;1;7412AA;Deventer;GM0150;BU01500002"];

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn actor(app: &TestApp) -> Actor {
    Actor::system("test", app.state.clock.now())
}

async fn import(app: &TestApp, org: i64, rows: &[&str]) {
    let file = format!("{HEADER}\n{}\n", rows.join("\n"));
    let reader = StockReader::new(std::io::Cursor::new(file.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &admin_scope(org), &actor(app), "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
}

/// Woonstad with its stock, and Kade Wonen with its own and a staff member (staf@kade.test); returns both ids.
async fn setting(app: &mut TestApp) -> (i64, i64) {
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
    tx.commit().await.expect("commit");
    import(app, kade, KADE_STOCK).await;
    (woonstad, kade)
}

/// A round opened through the store: € 9.000, one or two projects.
async fn round(app: &TestApp, org: i64, area: &str) -> i64 {
    let rules = RoundRules { budget_cents: 900_000, min_projects: 1, max_projects: 2 };
    let new = NewRound { title: format!("Buurtbudget {area}"), area: Area::parse(area).expect("area"), rules };
    rounds::create(&app.state.db, &admin_scope(org), &actor(app), &new).await.expect("create").expect("opened")
}

async fn count(app: &TestApp, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(&app.state.db).await.expect("count")
}

async fn project_id(app: &TestApp, title: &str) -> i64 {
    sql::query_scalar("SELECT id FROM in_round_projects WHERE title = $1")
        .bind(title)
        .fetch_one(&app.state.db)
        .await
        .expect("project")
}

/// The codes on a letter page.
fn codes(body: &str) -> Vec<String> {
    body.split("data-code>").skip(1).map(|rest| rest[..9].to_owned()).collect()
}

async fn every_route_answers_each_role_as_its_membership_allows(mut app: TestApp) {
    let (woonstad, kade) = setting(&mut app).await;
    let ours = round(&app, woonstad, "C1").await;
    let theirs = round(&app, kade, "K1").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let w = format!("/orgs/{woonstad}/initiatieven/buurtbudget");
    let k = format!("/orgs/{kade}/initiatieven/buurtbudget");
    use StatusCode as S;
    const OK: S = S::OK;
    const NO: S = S::FORBIDDEN;
    const NF: S = S::NOT_FOUND;
    // (route, [corporation admin, staff, read-only, tenant organisation member, partner, another corporation's
    // staff, platform administrator])
    let table: Vec<(String, [StatusCode; 7])> = vec![
        (w.clone(), [OK, OK, OK, NO, NO, NO, OK]),
        (format!("{w}/{ours}"), [OK, OK, OK, NO, NO, NO, OK]),
        // Another corporation's round is not there, whoever asks.
        (format!("{w}/{theirs}"), [NF, NF, NF, NO, NO, NO, NF]),
        (format!("{k}/{ours}"), [NO, NO, NO, NO, NO, NF, NF]),
        (format!("{k}/{theirs}"), [NO, NO, NO, NO, NO, OK, OK]),
        // A tenant organisation has no rounds of its own.
        (format!("/orgs/{sleutel}/initiatieven/buurtbudget"), [NO, NO, NO, NF, NO, NO, NF]),
        // The public pages, for everyone.
        ("/buurtbudget".to_owned(), [OK; 7]),
        (format!("/buurtbudget/{ours}"), [OK; 7]),
        (format!("/buurtbudget/{theirs}"), [OK; 7]),
        (format!("/buurtbudget/{ours}/stemmen"), [OK; 7]),
        ("/buurtbudget/999999".to_owned(), [NF; 7]),
    ];
    let people = [
        "admin@woonstad.test",
        "medewerker@woonstad.test",
        "lezer@woonstad.test",
        "bestuur@desleutel.test",
        "coordinator@wijkteam.test",
        "staf@kade.test",
        "beheer@volkshuis.test",
    ];
    for (who, email) in people.iter().enumerate() {
        app.login(email).await;
        for (route, expected) in &table {
            assert_eq!(app.get(route).await.status, expected[who], "{email} on {route}");
        }
    }
    // Staff are offered the forms; a read-only member reads the same pages without them, and is refused each write.
    app.login("medewerker@woonstad.test").await;
    assert!(app.get(&w).await.body.contains("data-new-round"));
    assert!(app.get(&format!("{w}/{ours}")).await.body.contains("data-move"));
    app.login("lezer@woonstad.test").await;
    assert!(!app.get(&w).await.body.contains("data-new-round"));
    let page = app.get(&format!("{w}/{ours}")).await;
    assert!(page.body.contains("Buurtbudget C1") && !page.body.contains("data-move"), "{}", page.main());
    let create = [("title", "X"), ("area", "C1"), ("budget", "100"), ("min_projects", "1"), ("max_projects", "1")];
    assert_eq!(app.post(&w, &create).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&format!("{w}/{ours}/fase"), &[("from", "proposing")]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&format!("{w}/{ours}/codes"), &[("format", "html")]).await.status, StatusCode::FORBIDDEN);
    // Another corporation's staff find nothing of Woonstad's round through their own organisation.
    app.login("staf@kade.test").await;
    assert_eq!(app.post(&format!("{k}/{ours}/fase"), &[("from", "proposing")]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post(&format!("{k}/{ours}/codes"), &[("format", "csv")]).await.status, StatusCode::NOT_FOUND);
    let check = [("decision", "approve")];
    let forged = format!("{k}/{ours}/projecten/1/toets");
    assert_eq!(app.post(&forged, &check).await.status, StatusCode::NOT_FOUND);
    let phase: String = sql::query_scalar("SELECT phase FROM in_rounds WHERE id = $1")
        .bind(ours)
        .fetch_one(&app.state.db)
        .await
        .expect("phase");
    assert_eq!(phase, "proposing");
    // A member of a tenant organisation (any signed-in user) proposes a project.
    app.login("bestuur@desleutel.test").await;
    let proposal = [("title", "Bankjes"), ("description", "Drie bankjes bij de speeltuin"), ("cost", "1.500,00")];
    let sent = app.post(&format!("/buurtbudget/{ours}/voorstellen"), &proposal).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    // Visitors read the public pages and are sent to log in for everything else.
    app.clear_cookies();
    assert!(app.get(&w).await.is_login_redirect());
    assert!(app.get(&format!("{w}/{ours}")).await.is_login_redirect());
    assert!(app.post(&format!("/buurtbudget/{ours}/voorstellen"), &proposal).await.is_login_redirect());
    let public = app.get(&format!("/buurtbudget/{ours}")).await;
    assert!(public.body.contains("data-propose-login"), "{}", public.main());
    assert!(!public.body.contains("Bankjes"), "not on the ballot before its check");
    assert!(!public.body.contains("Dirk Bakker"), "no proposer's name");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_round_projects").await, 1);
}

async fn a_round_goes_from_proposals_to_the_progress_of_what_was_funded(mut app: TestApp) {
    let (woonstad, _) = setting(&mut app).await;
    let w = format!("/orgs/{woonstad}/initiatieven/buurtbudget");
    app.login("medewerker@woonstad.test").await;
    // A round with rules that cannot hold and an area that is not its own comes back with what was typed.
    let wrong = [
        ("title", "Buurtbudget De Ark"),
        ("area", "K1"),
        ("budget", "9000"),
        ("min_projects", "3"),
        ("max_projects", "2"),
    ];
    let refused = app.post(&w, &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Het minimum mag niet groter zijn dan het maximum."), "{}", refused.main());
    assert!(refused.body.contains("value=\"Buurtbudget De Ark\"") && refused.body.contains("value=\"3\""));
    let no_homes =
        [("area", "BU09990000"), ("min_projects", "1"), ("max_projects", "2"), ("title", "X"), ("budget", "9000")];
    let refused = app.post(&w, &no_homes).await;
    assert!(refused.body.contains("woont geen huishouden"), "{}", refused.main());
    let right = [
        ("title", "Buurtbudget De Ark"),
        ("area", "c1"),
        ("budget", "9.000,00"),
        ("min_projects", "1"),
        ("max_projects", "2"),
    ];
    let created = app.post(&w, &right).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let page_path = created.location().expect("to the round").split('?').next().expect("path").to_owned();
    let id: i64 = page_path.rsplit('/').next().expect("id").parse().expect("an id");
    let page = app.get(&page_path).await;
    assert!(page.body.contains("3 huishoudens in het gebied") && page.body.contains("complex C1"), "{}", page.main());
    // Residents propose; one too dear for the budget comes back with what was typed.
    app.login("bestuur@desleutel.test").await;
    let propose = format!("/buurtbudget/{id}/voorstellen");
    let dear = app.post(&propose, &[("title", "Zwembad"), ("description", "Een zwembad"), ("cost", "90000")]).await;
    assert_eq!(dear.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dear.body.contains("meer dan het hele budget van € 9.000,00") && dear.body.contains("value=\"Zwembad\""));
    for (title, cost) in [("Bankjes", "6000"), ("Geveltuin", "4000"), ("Lichtjes", "3000"), ("Kermis", "2000")] {
        let sent = app.post(&propose, &[("title", title), ("description", "Voor de buurt"), ("cost", cost)]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    }
    assert!(app.get(&format!("/buurtbudget/{id}?notice=voorstel")).await.body.contains("Uw voorstel is ingediend"));
    // Staff check each with a note; a rejection without one is refused; voting waits for every check.
    app.login("medewerker@woonstad.test").await;
    let (bankjes, geveltuin, lichtjes, kermis) = (
        project_id(&app, "Bankjes").await,
        project_id(&app, "Geveltuin").await,
        project_id(&app, "Lichtjes").await,
        project_id(&app, "Kermis").await,
    );
    let check = |project: i64| format!("{w}/{id}/projecten/{project}/toets");
    let silent = app.post(&check(kermis), &[("decision", "reject"), ("note", " ")]).await;
    assert_eq!(silent.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(silent.body.contains("Schrijf bij een afwijzing waarom"), "{}", silent.main());
    assert_eq!(app.post(&format!("{w}/{id}/fase"), &[("from", "proposing")]).await.status, StatusCode::SEE_OTHER);
    let early = app.post(&format!("{w}/{id}/fase"), &[("from", "checking")]).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("Er wachten nog 4 voorstellen op de toets."), "{}", early.main());
    for project in [bankjes, geveltuin, lichtjes] {
        assert_eq!(app.post(&check(project), &[("decision", "approve")]).await.status, StatusCode::SEE_OTHER);
    }
    let note = [("decision", "reject"), ("note", "Eenmalig; het budget is voor blijvende dingen.")];
    assert_eq!(app.post(&check(kermis), &note).await.status, StatusCode::SEE_OTHER);
    // A second click on a move the page already made moves nothing.
    assert_eq!(app.post(&format!("{w}/{id}/fase"), &[("from", "checking")]).await.status, StatusCode::SEE_OTHER);
    let again = app.post(&format!("{w}/{id}/fase"), &[("from", "checking")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_rounds WHERE phase = 'voting'").await, 1);
    // The public page shows the ballot and why a project is not on it, never who proposed.
    let public = app.get(&format!("/buurtbudget/{id}")).await;
    assert!(
        public.body.contains("data-vote-link") && public.body.contains("Eenmalig; het budget"),
        "{}",
        public.main()
    );
    assert!(!public.body.contains("Dirk Bakker"));
    // The letters: one per household, with a code each, shown once; the read of the addresses is logged.
    let letters = app.post(&format!("{w}/{id}/codes"), &[("format", "html")]).await;
    assert_eq!(letters.status, StatusCode::OK, "{}", letters.body);
    assert_eq!(letters.headers["cache-control"], "private, no-store");
    let first = codes(&letters.body);
    assert_eq!(first.len(), 3, "{}", letters.body);
    assert!(letters.body.contains("Kerkstraat 1") && letters.body.contains("De bewoners"));
    assert!(letters.body.contains(&format!("http://localhost:8080/buurtbudget/{id}/stemmen")));
    let read = "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity = 'in_round_letters' \
         AND personal_data = 1";
    assert_eq!(count(&app, read).await, 1);
    let twice = app.post(&format!("{w}/{id}/codes"), &[("format", "html")]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.body.contains("De codes zijn al gemaakt") && codes(&twice.body).is_empty());
    // Made again for the mail room (the first print was lost): a CSV, and the first codes no longer vote.
    let csv = app.post(&format!("{w}/{id}/codes"), &[("format", "csv"), ("reissue", "on")]).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["cache-control"], "private, no-store");
    assert!(csv.body.contains("naam;adres;postcode;woonplaats;stemcode;stemadres"), "{}", csv.body);
    let codes_now: Vec<String> =
        csv.body.lines().skip(1).map(|l| l.split(';').nth(4).expect("code").to_owned()).collect();
    assert_eq!(codes_now.len(), 3);
    assert_eq!(count(&app, read).await, 2);
    // Residents vote without an account.
    app.clear_cookies();
    let vote = format!("/buurtbudget/{id}/stemmen");
    let form = app.get(&vote).await;
    assert!(form.body.contains("type=\"checkbox\"") && !form.body.contains(" checked"), "nothing ticked beforehand");
    assert!(!form.body.contains("Kermis"), "a rejected project is not on the ballot");
    let old = app.post(&vote, &[("code", &first[0]), ("project", &bankjes.to_string())]).await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(old.body.contains("Deze code hoort niet bij deze ronde"));
    let ballots = [vec![bankjes, lichtjes], vec![bankjes, lichtjes], vec![geveltuin]];
    for (code, chosen) in codes_now.iter().zip(&ballots) {
        let ids: Vec<String> = chosen.iter().map(i64::to_string).collect();
        let mut fields: Vec<(&str, &str)> = vec![("code", code.as_str())];
        fields.extend(ids.iter().map(|i| ("project", i.as_str())));
        // First the summary: nothing is cast yet.
        let summary = app.post(&vote, &fields).await;
        assert_eq!(summary.status, StatusCode::OK, "{}", summary.main());
        assert!(summary.body.contains("data-summary-total"), "{}", summary.main());
        let cast = count(&app, "SELECT CAST(COALESCE(SUM(ballots_cast), 0) AS BIGINT) FROM in_rounds").await;
        fields.push(("confirmed", "yes"));
        let done = app.post(&vote, &fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert_eq!(done.location(), Some(format!("/buurtbudget/{id}?notice=gestemd").as_str()));
        assert_eq!(count(&app, "SELECT CAST(COALESCE(SUM(ballots_cast), 0) AS BIGINT) FROM in_rounds").await, cast + 1);
    }
    // A code votes once: the second time is a plain refusal.
    let lichtjes_id = lichtjes.to_string();
    let used = [("code", codes_now[0].as_str()), ("project", lichtjes_id.as_str()), ("confirmed", "yes")];
    let refused = app.post(&vote, &used).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("Met deze code is al gestemd"), "{}", refused.main());
    assert_eq!(count(&app, "SELECT CAST(COALESCE(SUM(ballots_cast), 0) AS BIGINT) FROM in_rounds").await, 3);
    // Closed: the tally funds Bankjes (2 votes, € 6.000) and Lichtjes (2, € 3.000); Geveltuin no longer fits.
    app.login("admin@woonstad.test").await;
    assert_eq!(app.post(&format!("{w}/{id}/fase"), &[("from", "voting")]).await.status, StatusCode::SEE_OTHER);
    let closed = app.get(&format!("/buurtbudget/{id}")).await;
    assert!(!closed.body.contains("data-results"), "the results wait for publication");
    assert_eq!(app.post(&format!("{w}/{id}/fase"), &[("from", "closed")]).await.status, StatusCode::SEE_OTHER);
    let progress = [("status", "underway"), ("progress", "De bankjes zijn besteld.")];
    let saved = app.post(&format!("{w}/{id}/projecten/{bankjes}/voortgang"), &progress).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let unfunded = app.post(&format!("{w}/{id}/projecten/{geveltuin}/voortgang"), &progress).await;
    assert_eq!(unfunded.status, StatusCode::CONFLICT);
    app.clear_cookies();
    let published = app.get(&format!("/buurtbudget/{id}")).await;
    let body = &published.body;
    assert!(body.contains("3 stemmen uitgebracht."), "{}", published.main());
    assert!(body.contains(&format!("data-result=\"{bankjes}\" data-funded=\"true\"")));
    assert!(body.contains(&format!("data-result=\"{lichtjes}\" data-funded=\"true\"")));
    assert!(body.contains(&format!("data-result=\"{geveltuin}\" data-funded=\"false\"")));
    assert!(body.contains("De bankjes zijn besteld.") && body.contains("in uitvoering"));
    // The dashboard's sentences say what happened, the vote without anyone's name.
    let entries = count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'vote' AND actor_user_id IS NULL").await;
    assert_eq!(entries, 3);
}

async fn a_ballot_that_breaks_the_rules_comes_back_with_the_choice_kept(mut app: TestApp) {
    let (woonstad, _) = setting(&mut app).await;
    let id = round(&app, woonstad, "C1").await;
    let other = round(&app, woonstad, "C2").await;
    let scope = admin_scope(woonstad);
    let actor = actor(&app);
    let db = app.state.db.clone();
    let read = rounds::public(&db, id).await.expect("read").expect("round");
    let elsewhere = rounds::public(&db, other).await.expect("read").expect("round");
    let mut ids = Vec::new();
    for (title, cost) in [("Bankjes", 600_000), ("Geveltuin", 400_000), ("Lichtjes", 300_000)] {
        let new = rounds::NewProject { title: title.into(), description: "Voor de buurt".into(), cost_cents: cost };
        let project = rounds::propose(&db, &actor, &read, &new).await.expect("propose").expect("taken");
        rounds::check(&db, &scope, &actor, &read, project, true, None).await.expect("c").expect("own").expect("ok");
        ids.push(project.to_string());
    }
    let new = rounds::NewProject { title: "Elders".into(), description: "Ander complex".into(), cost_cents: 100 };
    let foreign = rounds::propose(&db, &actor, &elsewhere, &new).await.expect("propose").expect("taken").to_string();
    for from in [rounds::Phase::Proposing, rounds::Phase::Checking] {
        rounds::move_on(&db, &scope, &actor, id, from).await.expect("move").expect("own").expect("moved");
    }
    let voting = rounds::public(&db, id).await.expect("read").expect("round");
    let letters = rounds::votes::issue_codes(&db, &scope, &actor, &voting, false).await.expect("i").expect("o");
    let code = letters.expect("letters")[0].code.clone();
    let vote = format!("/buurtbudget/{id}/stemmen");
    let cases: [(Vec<&str>, &str); 4] = [
        (vec![&ids[0], &ids[1]], "Uw keuze kost samen € 1.000,00 meer dan het budget."),
        (vec![&ids[0], &ids[1], &ids[2]], "Kies hoogstens 2 projecten."),
        (vec![&ids[0], &foreign], "Een gekozen project staat niet op het stembiljet van deze ronde."),
        (vec![&ids[2], "1 OR 1=1"], "Een gekozen project staat niet op het stembiljet van deze ronde."),
    ];
    for (chosen, message) in cases {
        let mut fields: Vec<(&str, &str)> = vec![("code", code.as_str()), ("confirmed", "yes")];
        fields.extend(chosen.iter().map(|c| ("project", *c)));
        let refused = app.post(&vote, &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{chosen:?}");
        assert!(refused.body.contains(message), "{chosen:?}: {}", refused.main());
        // The choice and the code come back as they were.
        assert!(refused.body.contains(&format!("value=\"{code}\"")));
        for c in chosen.iter().filter(|c| ids.contains(&(**c).to_owned())) {
            assert!(refused.body.contains(&format!("value=\"{c}\" checked")), "{c} kept");
        }
        let unticked: Vec<&String> = ids.iter().filter(|i| !chosen.contains(&i.as_str())).collect();
        for c in unticked {
            assert!(!refused.body.contains(&format!("value=\"{c}\" checked")), "{c} not ticked");
        }
    }
    assert_eq!(count(&app, "SELECT CAST(COALESCE(SUM(ballots_cast), 0) AS BIGINT) FROM in_rounds").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM in_round_voted").await, 0, "the code still votes");
    // The page in English says the same.
    app.post("/language", &[("lang", "en"), ("back", "/")]).await;
    let fields = [("code", code.as_str()), ("project", ids[0].as_str()), ("project", ids[1].as_str())];
    let english = app.post(&vote, &fields).await;
    assert!(english.body.contains("Your choice costs € 1.000,00 more than the budget together."), "{}", english.main());
}

async fn guessing_codes_is_slowed_down(mut app: TestApp) {
    let (woonstad, _) = setting(&mut app).await;
    let id = round(&app, woonstad, "C1").await;
    let scope = admin_scope(woonstad);
    let actor = actor(&app);
    let db = app.state.db.clone();
    let read = rounds::public(&db, id).await.expect("read").expect("round");
    let new = rounds::NewProject { title: "Bankjes".into(), description: "Voor de buurt".into(), cost_cents: 100 };
    let project = rounds::propose(&db, &actor, &read, &new).await.expect("propose").expect("taken");
    rounds::check(&db, &scope, &actor, &read, project, true, None).await.expect("c").expect("own").expect("ok");
    for from in [rounds::Phase::Proposing, rounds::Phase::Checking] {
        rounds::move_on(&db, &scope, &actor, id, from).await.expect("move").expect("own").expect("moved");
    }
    let voting = rounds::public(&db, id).await.expect("read").expect("round");
    let code =
        rounds::votes::issue_codes(&db, &scope, &actor, &voting, false).await.expect("i").expect("o").expect("l")[0]
            .code
            .clone();
    let vote = format!("/buurtbudget/{id}/stemmen");
    let project = project.to_string();
    let mut slowed = None;
    for attempt in 0..40 {
        let guess = app.post(&vote, &[("code", "ABCD-EFGH"), ("project", &project)]).await;
        if guess.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(guess.headers.contains_key("retry-after"));
            slowed = Some(attempt);
            break;
        }
        assert_eq!(guess.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert!(slowed.is_some_and(|n| n > 10), "a few mistakes are free, then guessing waits: {slowed:?}");
    // While the wait lasts, even the right code waits, and the choice is kept.
    let right = app.post(&vote, &[("code", &code), ("project", &project)]).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(right.body.contains(&format!("value=\"{project}\" checked")));
    // Later it goes through.
    app.state.clock.advance(time::Duration::hours(2));
    let summary = app.post(&vote, &[("code", &code), ("project", &project)]).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.main());
}
