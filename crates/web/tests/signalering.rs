//! Signalering through the real router on both databases: a ledger from upload to a municipality recording a
//! result and the landlord seeing only "picked up"; every route against every role (who sees persons, who sees
//! only counts, who sees nothing); every read of a person in the audit log; notices that name no one.

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
    a_ledger_reaches_the_municipality_and_the_landlord_learns_only_picked_up,
    a_wrong_ledger_names_line_and_column_and_changes_nothing,
    every_route_answers_each_role_as_the_law_allows,
    soft_signals_reach_only_the_partner_they_were_referred_to,
    a_second_signal_about_a_home_shows_the_others,
    reminders_from_before_the_arrears_are_named_on_the_verdicts,
    the_ledger_page_takes_a_ledger_and_names_its_columns,
    four_confirmations_at_once_refer_once_and_tell_the_partner_once,
);

const STOCK: &str = "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;bagVerblijfsobjectId\n\
A1;C1;De Ark;Kerkstraat;1;;7411AA;Deventer;GM0150;BU01500000;0150010000000001\n\
A2;C1;De Ark;Kerkstraat;2;;7411AA;Deventer;GM0150;BU01500000;\n\
A3;C2;Het Anker;Dorpsweg;3;;7411AB;Deventer;GM0150;BU01500001;\n";

/// K1 meets every condition; K2 objected; K3 was not pointed to debt help.
const LEDGER: &str = "contractnummer;eenheid;naam;telefoon;email;bedrag;achterstandSinds;aanmaningDatum;aanbodDatum;contactpogingDatum;contactpogingSoort;contactBereikt;schuldhulpGewezen;bezwaar;regeling\n\
K1;A1;Joke Hendriks;0612345678;joke@example.nl;612,40;1-8-2026;15-9-2026;1-10-2026;20-9-2026;telefoon;nee;ja;nee;geen\n\
K2;A2;Piet Bos;;;120;1-8-2026;15-9-2026;1-10-2026;20-9-2026;huisbezoek;ja;ja;ja;geen\n\
K3;A3;Rina Kok;;;300;1-8-2026;15-9-2026;1-10-2026;20-9-2026;brief;nee;nee;nee;geen\n";

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

/// Woonstad's three units in GM0150, the demo municipality carrying that gemeente, and a read-only member of the
/// municipality; returns (municipality, Woonstad).
async fn setting(app: &mut TestApp) -> (i64, i64) {
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
    let new = volkshuis_store::users::NewUser {
        email: volkshuis_domain::account::Email::parse("lezer@voorbeeldstad.test").expect("email"),
        name: volkshuis_domain::text::Name::parse("Lezer Gemeente").expect("name"),
        password_hash: volkshuis_accounts::password::hash_now(common::PASSWORD).expect("hash"),
        is_platform_admin: false,
    };
    let reader = volkshuis_store::users::create(&mut tx, &actor, &new).await.expect("user").id;
    volkshuis_store::users::set_membership(&mut tx, &actor, reader, municipality, Role::ReadOnly)
        .await
        .expect("member");
    tx.commit().await.expect("commit");
    (municipality, woonstad)
}

/// Woonstad's staff bring in the ledger; returns the municipality's id of K1's signal.
async fn bring_in(app: &mut TestApp, woonstad: i64) -> i64 {
    app.login("medewerker@woonstad.test").await;
    let done = app
        .post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "grootboek.csv", LEDGER.as_bytes())
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    // Decided, not sent: the verdicts page says what sending does, and nothing has travelled yet.
    let page = app.get(&format!("/orgs/{woonstad}/signalering/grootboek")).await;
    let pending = page.main();
    assert!(pending.contains("data-pending") && pending.contains("1 signaal naar Gemeente Voorbeeldstad"), "{pending}");
    assert!(!pending.contains("nog geen grootboek"), "a ledger waiting to be sent is one brought in: {pending}");
    let none: i64 = sql::query_scalar("SELECT COUNT(*) FROM sg_signals").fetch_one(&app.state.db).await.expect("n");
    assert_eq!(none, 0, "nothing is sent before the confirmation");
    let action = pending.split("action=\"").find(|p| p.contains("/versturen")).expect("the send form");
    let send = action[..action.find('"').expect("end")].to_owned();
    let sent = app.post(&send, &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    // Sent again (a second click, a replay): said so on the ledger page, nothing sent twice (it was a bare 404).
    let again = app.post(&send, &[]).await;
    assert_eq!(again.location(), Some(format!("/orgs/{woonstad}/signalering/grootboek?notice=not_pending").as_str()));
    let told = app.get(again.location().expect("to the ledger page")).await;
    assert!(told.main().contains("Dit grootboek wacht niet (meer) op versturen"), "{}", told.main());
    let once: i64 = sql::query_scalar("SELECT COUNT(*) FROM sg_signals").fetch_one(&app.state.db).await.expect("n");
    assert_eq!(once, 1, "sent once");
    sql::query_scalar("SELECT id FROM sg_signals WHERE contract = 'K1'").fetch_one(&app.state.db).await.expect("signal")
}

async fn a_ledger_reaches_the_municipality_and_the_landlord_learns_only_picked_up(mut app: TestApp) {
    let (municipality, woonstad) = setting(&mut app).await;
    let id = bring_in(&mut app, woonstad).await;
    let verdicts = app.get(&format!("/orgs/{woonstad}/signalering/grootboek")).await;
    assert_eq!(verdicts.status, StatusCode::OK);
    let main = verdicts.main();
    assert!(main.contains("Joke Hendriks") && main.contains("data-verdict=\"signalled\""), "{main}");
    assert!(main.contains("de huurder heeft bezwaar gemaakt"), "{main}");
    assert!(main.contains("niet gewezen op schuldhulpverlening (b)"), "{main}");
    // Next month's ledger, brought in and not sent yet: the page names the one waiting and the last one sent.
    let next =
        app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "volgende.csv", LEDGER.as_bytes()).await;
    assert_eq!(next.status, StatusCode::SEE_OTHER, "{}", next.body);
    let both = app.get(&format!("/orgs/{woonstad}/signalering/grootboek")).await;
    assert!(both.main().contains("data-pending") && both.main().contains("data-last-ledger"), "{}", both.main());

    // The municipality's staff hear that signals wait, and the notice names no one.
    let staff = app.user_id("beleid@voorbeeldstad.test").await;
    let notices: Vec<String> = sql::query_scalar("SELECT text FROM notifications WHERE user_id = $1")
        .bind(staff)
        .fetch_all(&app.state.db)
        .await
        .expect("notices");
    assert_eq!(notices, vec!["Er wachten nieuwe signalen van vroegsignalering".to_owned()]);
    let mails: Vec<String> = sql::query_scalar("SELECT body FROM outbox").fetch_all(&app.state.db).await.expect("mail");
    assert!(mails.iter().all(|m| !m.contains("Hendriks") && !m.contains("612")), "{mails:?}");

    app.login("beleid@voorbeeldstad.test").await;
    // The dashboard says the signal waits for a result, and where (it said nothing waited); a count, no name.
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.main().contains("1 signaal van vroegsignalering wacht op een resultaat"), "{}", dashboard.main());
    assert!(dashboard.body.contains(&format!("href=\"/orgs/{municipality}/signalering/inbox\"")));
    assert!(!dashboard.main().contains("Hendriks"), "{}", dashboard.main());
    // Not for a member who only reads (the inbox is not theirs to open), nor for the platform's operator reading
    // along as one (its grant is an administrator's, its membership a reader's).
    for email in ["lezer@woonstad.test", "beheer@volkshuis.test"] {
        let user = app.user_id(email).await;
        sql::query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'read_only')")
            .bind(user)
            .bind(municipality)
            .execute(&app.state.db)
            .await
            .expect("member");
        app.login(email).await;
        assert_eq!(
            app.post("/orgs/switch", &[("org_id", &municipality.to_string())]).await.status,
            StatusCode::SEE_OTHER
        );
        let dashboard = app.get("/dashboard").await;
        assert!(dashboard.main().contains("Gemeente Voorbeeldstad"), "{email}: {}", dashboard.main());
        assert!(!dashboard.main().contains("wacht op een resultaat"), "{email}: {}", dashboard.main());
    }
    app.login("beleid@voorbeeldstad.test").await;
    let inbox = app.get(&format!("/orgs/{municipality}/signalering/inbox")).await;
    assert!(inbox.main().contains("Joke Hendriks") && !inbox.main().contains("Piet Bos"), "{}", inbox.main());
    let signal = app.get(&format!("/orgs/{municipality}/signalering/inbox/{id}")).await;
    assert!(signal.main().contains("0150010000000001") && signal.main().contains("€ 612,40"), "{}", signal.main());
    let contact_path = format!("/orgs/{municipality}/signalering/inbox/{id}/contact");
    // A contact dated before the signal was sent is refused on its field, with what was typed kept.
    let early = [("kind", "huisbezoek"), ("on", "2026-11-24"), ("part", "avond"), ("reached", "ja")];
    let refused = app.post(&contact_path, &early).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("vóór het signaal werd verstuurd") && refused.body.contains("2026-11-24"));
    let on_time = [("kind", "huisbezoek"), ("on", "2026-11-25"), ("part", "avond"), ("reached", "ja")];
    let contact = app.post(&contact_path, &on_time).await;
    assert_eq!(contact.status, StatusCode::SEE_OTHER, "{}", contact.body);
    // The result is never recorded without its confirmation; the summary says what the landlord will see.
    let path = format!("/orgs/{municipality}/signalering/inbox/{id}/resultaat");
    let check = app.post(&path, &[("outcome", "opgepakt_betalingsregeling"), ("outcome_on", "2026-11-25")]).await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(
        check.body.contains("data-summary") && check.body.contains("De verhuurder ziet: opgepakt."),
        "{}",
        check.main()
    );
    let none: Option<String> = sql::query_scalar("SELECT outcome FROM sg_signals WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db)
        .await
        .expect("outcome");
    assert_eq!(none, None, "not recorded before the confirmation");
    let confirmed = app
        .post(&path, &[("outcome", "opgepakt_betalingsregeling"), ("outcome_on", "2026-11-25"), ("confirmed", "yes")])
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);

    app.login("medewerker@woonstad.test").await;
    let sent = app.get(&format!("/orgs/{woonstad}/signalering/verzonden/{id}")).await;
    assert!(sent.main().contains("Opgepakt (25-11-2026)"), "{}", sent.main());
    assert!(!sent.main().contains("betalingsregeling"), "the landlord never learns the reason: {}", sent.main());
    let paused =
        app.post(&format!("/orgs/{woonstad}/signalering/verzonden/{id}/incasso"), &[("stap", "pauzeren")]).await;
    assert_eq!(paused.status, StatusCode::SEE_OTHER);
    assert!(app.get(&format!("/orgs/{woonstad}/signalering/verzonden/{id}")).await.body.contains("data-paused"));

    // An eviction record with a problem comes back with what was typed, each problem at its field.
    let eviction = format!("/orgs/{woonstad}/signalering/verzonden/{id}/ontruiming");
    let no_kind = app.post(&eviction, &[("datum", "2026-11-20")]).await;
    assert_eq!(no_kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_kind.main().contains("id=\"soort-error\"") && no_kind.main().contains("value=\"2026-11-20\""),
        "{}",
        no_kind.main()
    );
    let future = app.post(&eviction, &[("soort", "voorkomen"), ("datum", "2099-01-01")]).await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        future.main().contains("value=\"voorkomen\" checked") && future.main().contains("value=\"2099-01-01\""),
        "{}",
        future.main()
    );
    assert!(
        future.main().contains("id=\"datum-error\"") && !future.main().contains("data-eviction"),
        "nothing recorded"
    );
    let recorded = app.post(&eviction, &[("soort", "voorkomen"), ("datum", "2026-11-20")]).await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER);
    assert!(app.get(&format!("/orgs/{woonstad}/signalering/verzonden/{id}")).await.main().contains("data-eviction"));

    // Every read of a person was logged with its purpose; no entry holds a name.
    let reads: Vec<String> =
        sql::query_scalar("SELECT after_json FROM audit_log WHERE action = 'read_personal' ORDER BY id")
            .fetch_all(&app.state.db)
            .await
            .expect("reads");
    assert!(reads.len() >= 5, "{reads:?}");
    assert!(reads.iter().any(|r| r.contains("contact_met_huishouden")));
    assert!(reads.iter().all(|r| !r.contains("Hendriks")));
}

async fn a_wrong_ledger_names_line_and_column_and_changes_nothing(mut app: TestApp) {
    let (_, woonstad) = setting(&mut app).await;
    app.login("medewerker@woonstad.test").await;
    let wrong = format!(
        "{LEDGER}K4;ONBEKEND;X;;;10;1-1-2026;;;;;;;nee;geen\nK5;A1;Y;;;tien;1-1-2026;;;;;;;nee;geen\n\
         K1;A2;Z;;;10;1-1-2026;;;;;;;nee;geen\nK6;WEG;Q;;;elf;1-1-2026;;;;;;;nee;geen\n"
    );
    let refused =
        app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "fout.csv", wrong.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let main = common::without_cell_labels(refused.main());
    // Every problem in one answer, by line: the unknown unit, the amount that is no amount, the contract twice.
    let unknown_at = main.find("<td>5</td><td>eenheid</td><td>ONBEKEND</td>");
    let amount_at = main.find("<td>6</td><td>bedrag</td><td>tien</td>");
    let twice_at = main.find("<td>7</td><td>contractnummer</td><td>K1</td>");
    assert!(unknown_at.is_some() && amount_at.is_some() && twice_at.is_some(), "{main}");
    assert!(unknown_at < amount_at && amount_at < twice_at, "by line: {main}");
    // A row that did not read still has its unit checked, in the same answer (after its own problem).
    let unread_amount_at = main.find("<td>8</td><td>bedrag</td><td>elf</td>");
    let unread_unit_at = main.find("<td>8</td><td>eenheid</td><td>WEG</td>");
    assert!(unread_amount_at.is_some() && unread_amount_at < unread_unit_at, "{main}");
    assert!(twice_at < unread_amount_at, "by line: {main}");
    let unknown = format!("{LEDGER}K4;ONBEKEND;X;;;10;1-1-2026;;;;;;;nee;geen\n");
    let refused =
        app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "fout.csv", unknown.as_bytes()).await;
    let main = common::without_cell_labels(refused.main());
    assert!(main.contains("<td>5</td><td>eenheid</td><td>ONBEKEND</td>"), "{main}");
    for table in ["sg_signals", "sg_ledgers", "sg_households"] {
        let count: i64 =
            sql::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&app.state.db).await.expect("n");
        assert_eq!(count, 0, "{table}");
    }
    // A chosen file that is empty, and one that is no text, are named for what they are (they were told "choose a
    // file" and "separated by |-signs").
    let empty = app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "leeg.csv", b"").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.main().contains("Het bestand is leeg"), "{}", empty.main());
    let binary: Vec<u8> = (0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let image = app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "foto.csv", &binary).await;
    assert!(image.main().contains("Dit is geen tekstbestand"), "{}", image.main());
    // A file just over the limit (50 MB) arrives cut off: named so (it too was told to choose a file).
    let large = vec![b'x'; volkshuis_domain::signalering::ledger::MAX_LEDGER_BYTES + 1];
    let refused = app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "groot.csv", &large).await;
    assert!(refused.main().contains("Het bestand is groter dan 50 MB"), "{}", refused.main());
    let not_csv = app.post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "x.csv", b"naam\nX\n").await;
    assert_eq!(not_csv.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_csv.main().contains("contractnummer"), "{}", not_csv.main());
}

/// The Grootboek tab is where a ledger is brought in (it showed only the verdicts, the form was on the overview),
/// and the form names every column the reader knows, with what each must hold.
async fn the_ledger_page_takes_a_ledger_and_names_its_columns(mut app: TestApp) {
    let (_, woonstad) = setting(&mut app).await;
    app.login("medewerker@woonstad.test").await;
    let path = format!("/orgs/{woonstad}/signalering/grootboek");
    for page in [app.get(&path).await, app.get(&format!("/orgs/{woonstad}/signalering")).await] {
        let main = page.main();
        assert!(main.contains(&format!("<form method=\"post\" action=\"{path}\" enctype=\"multipart/form-data\">")));
        let columns = &main[main.find("data-ledger-columns").expect("the columns explained")..];
        for column in volkshuis_domain::signalering::ledger::LedgerColumn::ALL {
            assert!(columns.contains(&format!("<code>{}</code>", column.name())), "{}: {columns}", column.name());
        }
        assert!(columns.contains("<code>bezwaar</code></th><td>ja</td>"), "required on every line: {columns}");
        assert!(columns.contains("<code>telefoon</code></th><td>nee</td>"), "{columns}");
    }
    // With a ledger waiting to be sent, the form says a new one replaces it.
    let done = app.post_file(&path, &[], "grootboek.csv", LEDGER.as_bytes()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let waiting = app.get(&path).await;
    assert!(waiting.main().contains("data-pending") && waiting.main().contains("vervangt het grootboek dat nog niet"));
    // The overview says so too: the ledger waits, and where to send it.
    let overview = app.get(&format!("/orgs/{woonstad}/signalering")).await;
    let main = overview.main();
    assert!(
        main.contains("data-pending-ledger") && main.contains("Grootboek grootboek.csv is ingebracht maar nog niet")
    );
    assert!(main.contains("data-not-sent") && main.contains("vervangt het grootboek dat nog niet"), "{main}");
}

/// Who asks, and what each route answers them.
async fn every_route_answers_each_role_as_the_law_allows(mut app: TestApp) {
    let (municipality, woonstad) = setting(&mut app).await;
    let id = bring_in(&mut app, woonstad).await;
    let wijkteam = app.org_id("wijkteam-centrum").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let w = format!("/orgs/{woonstad}/signalering");
    let m = format!("/orgs/{municipality}/signalering");
    use StatusCode as S;
    // (route, [corporation admin, staff, read-only, municipality staff, municipality read-only, partner, tenant org,
    // supplier, platform administrator])
    let table: Vec<(String, [StatusCode; 9])> = vec![
        (w.clone(), [S::OK, S::OK, S::OK, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::OK]),
        (
            format!("{w}/grootboek"),
            [
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{w}/verzonden"),
            [
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{w}/verzonden/{id}"),
            [
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{w}/levering"),
            [
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{w}/zacht"),
            [
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        // Not persons, but where they may go: the corporation's members who refer (and its administrators).
        (
            format!("{w}/verwijspartners"),
            [
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{w}/cijfers"),
            [S::OK, S::OK, S::OK, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::OK],
        ),
        // The organisation's own administrator sets its retention; not the platform's operator.
        (
            format!("{w}/instellingen"),
            [
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        // A corporation has no inbox; its signal ids mean nothing there.
        (
            format!("{w}/inbox/{id}"),
            [
                S::NOT_FOUND,
                S::NOT_FOUND,
                S::NOT_FOUND,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::NOT_FOUND,
            ],
        ),
        (
            m.clone(),
            [S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::OK, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::OK],
        ),
        (
            format!("{m}/inbox"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{m}/inbox/{id}"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{m}/rapportage/export?van=2026-11-01&tot=2026-11-30"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{m}/bakken"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("{m}/cijfers"),
            [S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::OK, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN, S::OK],
        ),
        // A municipality sent nothing: its members get a 404 whatever their role.
        (
            format!("{m}/verzonden/{id}"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::NOT_FOUND,
                S::NOT_FOUND,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::NOT_FOUND,
            ],
        ),
        (
            format!("/orgs/{wijkteam}/signalering/verwijzingen"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::OK,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
            ],
        ),
        (
            format!("/orgs/{sleutel}/signalering"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::NOT_FOUND,
                S::FORBIDDEN,
                S::NOT_FOUND,
            ],
        ),
        (
            format!("/orgs/{supplier}/signalering"),
            [
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::FORBIDDEN,
                S::NOT_FOUND,
                S::NOT_FOUND,
            ],
        ),
    ];
    let people = [
        "admin@woonstad.test",
        "medewerker@woonstad.test",
        "lezer@woonstad.test",
        "beleid@voorbeeldstad.test",
        "lezer@voorbeeldstad.test",
        "coordinator@wijkteam.test",
        "bestuur@desleutel.test",
        "sroi@vandijk.test",
        "beheer@volkshuis.test",
    ];
    for (who, email) in people.iter().enumerate() {
        app.login(email).await;
        for (route, expected) in &table {
            let got = app.get(route).await;
            assert_eq!(got.status, expected[who], "{email} on {route}");
            if got.status == StatusCode::OK && !matches!(who, 0 | 1 | 3) {
                assert!(!got.body.contains("Joke Hendriks"), "{email} saw a person on {route}");
            }
        }
    }
    // The figures: exact to whoever may open the signals; to a read-only member and the platform operator the one
    // signal is "<5" per month, per gemeente and in the totals too (an exact month beside a masked complex named it).
    app.login("medewerker@woonstad.test").await;
    let exact = app.get(&format!("{w}/cijfers")).await;
    let months = exact.body.split("data-months").nth(1).expect("the months");
    assert!(months.contains("<td>1</td>") && exact.body.contains("<dd>1</dd>"), "{}", exact.main());
    assert!(exact.body.contains("Per buurt en per complex staan"), "{}", exact.main());
    for email in ["lezer@woonstad.test", "beheer@volkshuis.test"] {
        app.login(email).await;
        let masked = app.get(&format!("{w}/cijfers")).await;
        assert!(masked.main().contains("&#60;5</td>") && masked.main().contains("Alle aantallen"), "{}", masked.main());
        assert!(!masked.main().contains("<td>1</td>") && !masked.main().contains("<dd>1</dd>"), "{}", masked.main());
        assert!(!masked.main().contains(": 1</title>"), "the chart's bar names no count: {}", masked.main());
        // The totals are shown as the rows are (hidden, or rounded to fives): the same signals counted per month,
        // per gemeente and per complex must not give a hidden count back by subtraction.
        assert!(masked.main().contains("<dd>&#60;5</dd>"), "{}", masked.main());
        assert!(masked.main().contains("afgerond op vijftallen"), "{}", masked.main());
        // The start page's ledgers, about one a month, say the month's count as the figures do.
        let home = app.get(&w).await;
        let ledgers = home.body.split("data-ledgers").nth(1).unwrap_or(&home.body);
        assert!(ledgers.contains("<td>&#60;5</td>"), "{email}: {}", home.main());
    }
    // Visitors are sent to log in.
    app.clear_cookies();
    assert!(app.get(&format!("{w}/grootboek")).await.is_login_redirect());
    // Writes check the side: the corporation cannot record a result, nor the municipality pause collection.
    app.login("admin@woonstad.test").await;
    let forged = app
        .post(
            &format!("{w}/inbox/{id}/resultaat"),
            &[("outcome", "opgepakt"), ("outcome_on", "2026-11-25"), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
    app.login("beleid@voorbeeldstad.test").await;
    let forged = app.post(&format!("{m}/verzonden/{id}/incasso"), &[("stap", "pauzeren")]).await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
    // A read-only member of the municipality cannot record a result either.
    app.login("lezer@voorbeeldstad.test").await;
    let read_only = app
        .post(
            &format!("{m}/inbox/{id}/resultaat"),
            &[("outcome", "opgepakt"), ("outcome_on", "2026-11-25"), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(read_only.status, StatusCode::FORBIDDEN);
}

/// Recording a household twice was silent: the new signal's page now says there are others about the home and lists
/// them (a logged read); a signal about another home lists none.
async fn a_second_signal_about_a_home_shows_the_others(mut app: TestApp) {
    let (_, woonstad) = setting(&mut app).await;
    app.login("medewerker@woonstad.test").await;
    let base = format!("/orgs/{woonstad}/signalering/zacht");
    let record = async |app: &mut TestApp, household: &str, unit: &str| {
        let made =
            app.post(&base, &[("household", household), ("unit", unit), ("kind", "overlast"), ("note", "n")]).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        made.location().expect("to the signal").to_owned()
    };
    let first = record(&mut app, "Bewoner links", "A1").await;
    let shown = app.get(&first).await;
    assert!(shown.main().contains("Vastgelegd. Het signaal blijft"), "{}", shown.main());
    assert!(!shown.body.contains("data-same-home"), "the first is alone");
    let elsewhere = record(&mut app, "Bewoner A2", "A2").await;
    let second = record(&mut app, "Familie links", "A1").await;
    let shown = app.get(&second).await;
    assert!(shown.main().contains("Let op: over deze woning zijn al eerder signalen vastgelegd"), "{}", shown.main());
    let first_id = first.split('?').next().and_then(|p| p.rsplit('/').next()).expect("id").to_owned();
    let section = &shown.body[shown.body.find("data-same-home").expect("the others")..];
    assert!(section.contains(&format!("{base}/{first_id}\">Bewoner links</a>")), "{section}");
    assert!(!section.contains("Bewoner A2"), "{section}");
    assert!(!app.get(&elsewhere).await.body.contains("data-same-home"));
    let logged: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity_id LIKE 'same_home:%'",
    )
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert!(logged >= 1, "the read of the others is logged");
    // Referred to a partner, the second signal shows the partner nothing of the first.
    let wijkteam = app.org_id("wijkteam-centrum").await;
    let partner = wijkteam.to_string();
    app.login("admin@woonstad.test").await;
    let listed = app.post(&format!("/orgs/{woonstad}/signalering/verwijspartners"), &[("partner_id", &partner)]).await;
    assert_eq!(listed.status, StatusCode::SEE_OTHER);
    app.login("medewerker@woonstad.test").await;
    let second_path = second.split('?').next().expect("path").to_owned();
    let confirmed = [("partner", partner.as_str()), ("consent", "on"), ("confirmed", "yes")];
    assert_eq!(app.post(&format!("{second_path}/verwijzen"), &confirmed).await.status, StatusCode::SEE_OTHER);
    app.login("coordinator@wijkteam.test").await;
    let second_id = second_path.rsplit('/').next().expect("id");
    let referral = app.get(&format!("/orgs/{wijkteam}/signalering/verwijzingen/{second_id}")).await;
    assert_eq!(referral.status, StatusCode::OK);
    assert!(referral.main().contains("Familie links"), "{}", referral.main());
    assert!(
        !referral.body.contains("data-same-home") && !referral.body.contains("Bewoner links"),
        "{}",
        referral.main()
    );
    // Ten months on, the tenant withdraws the consent: the summary names the day the referral goes (a year after
    // it was made), not three months from today, which is later — as the store keeps it.
    let day: String = sql::query_scalar("SELECT delete_on FROM sg_soft WHERE id = CAST($1 AS INTEGER)")
        .bind(second_id)
        .fetch_one(&app.state.db)
        .await
        .expect("its day");
    let shown_day: Vec<&str> = day.split('-').rev().collect();
    app.state.clock.advance(time::Duration::days(300));
    app.login("medewerker@woonstad.test").await;
    let summary = app.post(&format!("{second_path}/intrekken"), &[]).await;
    assert!(
        summary.main().contains(&format!("wordt op {} verwijderd", shown_day.join("-"))),
        "{day}: {}",
        summary.main()
    );
}

async fn soft_signals_reach_only_the_partner_they_were_referred_to(mut app: TestApp) {
    let (_, woonstad) = setting(&mut app).await;
    let wijkteam = app.org_id("wijkteam-centrum").await;
    let wsp = app.org_id("wsp-voorbeeldstad").await;
    app.login("medewerker@woonstad.test").await;
    let base = format!("/orgs/{woonstad}/signalering/zacht");
    let missing = app.post(&base, &[("household", "Bewoner 3 hoog"), ("unit", "A1"), ("note", "")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("value=\"Bewoner 3 hoog\""), "what was typed comes back");
    let foreign =
        app.post(&base, &[("household", "X"), ("unit", "NIET-VAN-ONS"), ("kind", "overlast"), ("note", "n")]).await;
    assert!(foreign.body.contains("Geen eenheid in uw bezit heeft deze idExtern of dit adres"), "{}", foreign.main());
    assert!(foreign.body.contains("value=\"NIET-VAN-ONS\""), "what was typed comes back");
    // A home is named by its address as well as by its idExtern.
    let made = app
        .post(
            &base,
            &[
                ("household", "Bewoner 3 hoog"),
                ("unit", "7411 aa 1"),
                ("kind", "eenzaamheid"),
                ("note", "Komt niet meer buiten"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let shown = app.get(made.location().expect("to the signal")).await;
    assert!(shown.main().contains("Vastgelegd. Het signaal blijft binnen uw corporatie"), "{}", shown.main());
    let one = made.location().expect("to the signal").split('?').next().expect("path").to_owned();
    let id = one.rsplit('/').next().expect("id").to_owned();
    assert!(app.get(&one).await.main().contains("Kerkstraat 1"), "the signal is about the unit at that address");
    let partner = wijkteam.to_string();
    // Only to a referral partner of the corporation: there are none yet, so the form says so and a forged referral
    // to the wijkteam is refused.
    assert!(app.get(&one).await.body.contains("data-no-partners"), "no partner, no referral form");
    let forged = [("partner", partner.as_str()), ("consent", "on"), ("confirmed", "yes")];
    assert_eq!(app.post(&format!("{one}/verwijzen"), &forged).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Staff see the list; only the corporation's own administrator changes it (not the platform's operator, not
    // another organisation), and only with a partner organisation.
    let partners = format!("/orgs/{woonstad}/signalering/verwijspartners");
    assert_eq!(app.get(&partners).await.status, StatusCode::OK);
    for email in
        ["medewerker@woonstad.test", "lezer@woonstad.test", "beheer@volkshuis.test", "beleid@voorbeeldstad.test"]
    {
        app.login(email).await;
        let tried = app.post(&partners, &[("partner_id", &partner)]).await;
        assert_eq!(tried.status, StatusCode::FORBIDDEN, "{email}");
    }
    app.login("admin@woonstad.test").await;
    let municipality = app.org_id("gm-voorbeeldstad").await.to_string();
    for wrong in [municipality.as_str(), "999999", "wijkteam"] {
        let refused = app.post(&partners, &[("partner_id", wrong)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
        assert!(refused.body.contains("Kies een partnerorganisatie"), "{}", refused.main());
    }
    let added = app.post(&partners, &[("partner_id", &partner)]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let shown = app.get(added.location().expect("back to the list")).await;
    assert!(shown.main().contains("Op de lijst gezet: Wijkteam Centrum."), "{}", shown.main());
    let twice = app.post(&partners, &[("partner_id", &partner)]).await;
    assert_eq!(twice.status, StatusCode::SEE_OTHER, "twice is once");
    let shown = app.get(twice.location().expect("back to the list")).await;
    assert!(shown.main().contains("Wijkteam Centrum stond al op de lijst"), "{}", shown.main());
    // The partner hears it is on the list, once.
    let coach = app.user_id("coordinator@wijkteam.test").await;
    let listed = "Woonstad Voorbeeld zette uw organisatie op de lijst van partners voor doorverwijzingen";
    let told = |notices: Vec<(String, String)>, text: &str| notices.iter().filter(|(n, _)| n.starts_with(text)).count();
    assert_eq!(told(app.notices_of(coach).await, listed), 1);
    let listed = app.get(&partners).await;
    assert!(
        listed.main().contains("Wijkteam Centrum")
            && listed.body.contains(&format!("verwijspartners/{wijkteam}/verwijderen"))
    );
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&one).await;
    assert!(
        page.main().contains("Wijkteam Centrum") && !page.main().contains("Werkgeversservicepunt"),
        "the form offers the listed partner only: {}",
        page.main()
    );
    let unlisted = [("partner", wsp.to_string()), ("consent", "on".into()), ("confirmed", "yes".into())];
    let unlisted: Vec<(&str, &str)> = unlisted.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post(&format!("{one}/verwijzen"), &unlisted).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    // No referral without the tenant's consent to exactly that partner, ticked (never pre-ticked) and confirmed
    // after a summary that names the partner.
    assert!(page.body.contains("Niet gegeven") && page.body.contains("name=\"consent\" type=\"checkbox\">"));
    let refused = app.post(&format!("{one}/verwijzen"), &[("partner", &partner)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Zonder toestemming van de huurder"), "{}", refused.main());
    let summary = app.post(&format!("{one}/verwijzen"), &[("partner", &partner), ("consent", "on")]).await;
    assert!(summary.body.contains("data-summary") && summary.body.contains("Wijkteam Centrum"), "{}", summary.main());
    assert!(app.get(&one).await.body.contains("Niet gegeven"), "nothing recorded before the confirmation");
    let confirmed = [("partner", partner.as_str()), ("consent", "on"), ("confirmed", "yes")];
    let referred = app.post(&format!("{one}/verwijzen"), &confirmed).await;
    assert_eq!(referred.status, StatusCode::SEE_OTHER);
    let shown = app.get(referred.location().expect("to the signal")).await;
    assert!(shown.main().contains("Doorverwezen; de partner heeft bericht gekregen."), "{}", shown.main());

    app.login("coordinator@wijkteam.test").await;
    // The partner's dashboard says a referral waits for its answer (a count, no name), until it answers.
    let waiting = "1 doorverwezen zacht signaal wacht op uw antwoord";
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.main().contains(waiting) && !dashboard.main().contains("Bewoner 3 hoog"), "{}", dashboard.main());
    assert!(dashboard.body.contains(&format!("href=\"/orgs/{wijkteam}/signalering/verwijzingen\"")));
    let list = app.get(&format!("/orgs/{wijkteam}/signalering/verwijzingen")).await;
    assert!(list.main().contains("Bewoner 3 hoog"), "{}", list.main());
    let accepted =
        app.post(&format!("/orgs/{wijkteam}/signalering/verwijzingen/{id}/stap"), &[("step", "accept")]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    assert!(!app.get("/dashboard").await.main().contains(waiting), "answered: nothing waits");
    // Another partner sees nothing of it, whatever id it tries.
    app.login("sroi@wsp.test").await;
    assert!(!app.get(&format!("/orgs/{wsp}/signalering/verwijzingen")).await.body.contains("Bewoner 3 hoog"));
    assert_eq!(app.get(&format!("/orgs/{wsp}/signalering/verwijzingen/{id}")).await.status, StatusCode::NOT_FOUND);
    let step = app
        .post(&format!("/orgs/{wsp}/signalering/verwijzingen/{id}/stap"), &[("step", "close"), ("report", "x")])
        .await;
    assert_eq!(step.status, StatusCode::NOT_FOUND);

    // The consent was recorded with the referral; the tenant withdraws it. Only the corporation's edit roles may
    // record that, after a summary naming the partner; the partner then loses the signal and is told without a name.
    let withdraw = format!("{one}/intrekken");
    assert_eq!(
        app.post(&withdraw, &[("confirmed", "yes")]).await.status,
        StatusCode::FORBIDDEN,
        "another organisation"
    );
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.post(&withdraw, &[("confirmed", "yes")]).await.status, StatusCode::FORBIDDEN, "a read-only member");
    app.login("coordinator@wijkteam.test").await;
    let partner_try = format!("/orgs/{wijkteam}/signalering/zacht/{id}/intrekken");
    assert_eq!(app.post(&partner_try, &[("confirmed", "yes")]).await.status, StatusCode::NOT_FOUND);
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&one).await;
    assert!(!page.body.contains("Niet gegeven") && page.body.contains("data-withdraw"), "{}", page.main());
    let summary = app.post(&withdraw, &[]).await;
    assert_eq!(summary.status, StatusCode::OK);
    assert!(
        summary.main().contains("data-summary")
            && summary.main().contains("De doorverwijzing aan Wijkteam Centrum eindigt"),
        "{}",
        summary.main()
    );
    assert!(app.get(&one).await.body.contains("data-state=\"aangenomen\""), "nothing recorded before the confirmation");
    let done = app.post(&withdraw, &[("confirmed", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get(&one).await;
    assert!(
        page.body.contains("data-state=\"ingetrokken\"") && !page.body.contains("data-withdraw"),
        "{}",
        page.main()
    );
    // The consent row says it was withdrawn (it still said only "given on …").
    assert!(
        page.main().contains("<dd data-consent>Gegeven op 25-11-2026, ingetrokken op 25-11-2026</dd>"),
        "{}",
        page.main()
    );
    let twice = app.post(&withdraw, &[("confirmed", "yes")]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);

    app.login("coordinator@wijkteam.test").await;
    let list = app.get(&format!("/orgs/{wijkteam}/signalering/verwijzingen")).await;
    assert!(!list.main().contains("Bewoner 3 hoog"), "{}", list.main());
    assert_eq!(app.get(&format!("/orgs/{wijkteam}/signalering/verwijzingen/{id}")).await.status, StatusCode::NOT_FOUND);
    let coach = app.user_id("coordinator@wijkteam.test").await;
    let notices: Vec<String> = app.notices_of(coach).await.into_iter().map(|(text, _)| text).collect();
    assert!(notices.iter().any(|n| n == "De toestemming voor een doorverwijzing is ingetrokken"), "{notices:?}");
    assert!(notices.iter().all(|n| !n.contains("Bewoner")), "no name in a notice: {notices:?}");

    // Taken off the list by the administrator (staff may not): the next signal cannot go to the wijkteam.
    let remove = format!("/orgs/{woonstad}/signalering/verwijspartners/{wijkteam}/verwijderen");
    app.login("medewerker@woonstad.test").await;
    assert_eq!(app.post(&remove, &[]).await.status, StatusCode::FORBIDDEN);
    app.login("admin@woonstad.test").await;
    let removed = app.post(&remove, &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let shown = app.get(removed.location().expect("back to the list")).await;
    assert!(shown.main().contains("Van de lijst gehaald: Wijkteam Centrum."), "{}", shown.main());
    let twice = app.post(&remove, &[]).await;
    assert_eq!(twice.status, StatusCode::SEE_OTHER, "not on the list any more: said so");
    let shown = app.get(twice.location().expect("back to the list")).await;
    assert!(shown.main().contains("Wijkteam Centrum stond niet (meer) op de lijst"), "{}", shown.main());
    // A partner id typed into the address names nothing the page does not list itself.
    let typed = app.get(&format!("/orgs/{woonstad}/signalering/verwijspartners?notice=added&partner=999999")).await;
    assert_eq!(typed.status, StatusCode::OK);
    assert!(!typed.main().contains("Op de lijst gezet"), "{}", typed.main());
    let unlisted = "Woonstad Voorbeeld haalde uw organisatie van de lijst van partners voor doorverwijzingen";
    assert_eq!(told(app.notices_of(coach).await, unlisted), 1, "the partner hears it was taken off");
    assert!(app.get(&partners).await.body.contains("data-empty"));
    let again = app.post(&format!("{one}/verwijzen"), &forged).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn reminders_from_before_the_arrears_are_named_on_the_verdicts(mut app: TestApp) {
    let (_, woonstad) = setting(&mut app).await;
    app.login("medewerker@woonstad.test").await;
    // K1's arrears arose on 1 November; its reminder (15 September) and offer (1 October) were about earlier ones.
    let header = LEDGER.lines().next().expect("header");
    let ledger = format!(
        "{header}\nK1;A1;Joke Hendriks;;;612,40;1-11-2026;15-9-2026;1-10-2026;20-9-2026;telefoon;nee;ja;nee;geen\n"
    );
    let done = app
        .post_file(&format!("/orgs/{woonstad}/signalering/grootboek"), &[], "grootboek.csv", ledger.as_bytes())
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = app.get(&format!("/orgs/{woonstad}/signalering/grootboek")).await;
    let main = page.main();
    assert!(!main.contains("data-verdict=\"signalled\""), "{main}");
    assert!(main.contains("de aanmaning is van vóór deze achterstand, dus ging over een eerdere (c)"), "{main}");
    assert!(
        main.contains("de aanmaning met aanbod is van vóór deze achterstand, dus ging over een eerdere (d)"),
        "{main}"
    );
}

/// A confirmation sent four times at once (a double click, tabs): the referral is made once and the partner told
/// once, at once. On SQLite the step held the write lock while its notice read on a second connection of the pool's
/// four, which the other three requests held while they waited for that lock: all stalled ten seconds, and one
/// ended in a 500 after the referral was made, its partner never told.
async fn four_confirmations_at_once_refer_once_and_tell_the_partner_once(mut app: TestApp) {
    let (_, woonstad) = setting(&mut app).await;
    let wijkteam = app.org_id("wijkteam-centrum").await.to_string();
    app.login("admin@woonstad.test").await;
    let listed = app.post(&format!("/orgs/{woonstad}/signalering/verwijspartners"), &[("partner_id", &wijkteam)]).await;
    assert_eq!(listed.status, StatusCode::SEE_OTHER);
    app.login("medewerker@woonstad.test").await;
    let signal = [("household", "Bewoner 2 hoog"), ("unit", "A1"), ("kind", "eenzaamheid"), ("note", "Stil")];
    let made = app.post(&format!("/orgs/{woonstad}/signalering/zacht"), &signal).await;
    let one = made.location().expect("to the signal").split('?').next().expect("path").to_owned();
    let coach = app.user_id("coordinator@wijkteam.test").await;
    let before = app.notices_of(coach).await.len();
    let confirmed = [("partner", wijkteam.as_str()), ("consent", "on"), ("confirmed", "yes")];
    let mut statuses = app.post_at_once(&format!("{one}/verwijzen"), &confirmed, 4).await;
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::SEE_OTHER, StatusCode::CONFLICT, StatusCode::CONFLICT, StatusCode::CONFLICT],
        "one referral; the others are told it was made"
    );
    assert_eq!(app.notices_of(coach).await.len(), before + 1, "the partner is told once");
}
