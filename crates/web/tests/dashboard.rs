//! The dashboard through the real router on both databases: a user in several organisations lands where work waits
//! and later where they chose; a tenant board's list starts with its own deadline; each role sees its own work,
//! linked; recent changes read as sentences; the module cards name only what exists.
//!
//! The people and organisations are found by their role and kind in the demo data, not by their names.

mod common;

use axum::http::StatusCode;
use common::{Resp, TestApp};
use time::{Date, Duration};
use volkshuis_domain::access::{self, Edit, Membership, Role, WriteScope};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::{AnswerKind, RequestKind, Subject};
use volkshuis_domain::participatie::group::GroupKind;
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::audit::Actor;
use volkshuis_store::orgs::{self, Organisation};
use volkshuis_store::overleg::{self, Answer, NewCase};
use volkshuis_store::participatie::{self as part, JoinRequest, NewGroup};
use volkshuis_store::testdb::sql;
use volkshuis_store::users::{self, User};

on_both_backends!(
    a_board_member_lands_where_work_waits_and_later_where_they_chose,
    a_session_without_an_organisation_lands_on_the_dashboard,
    a_tenant_boards_list_starts_with_its_own_deadline,
    a_deadline_in_a_year_no_decree_covers_says_so,
    questions_join_requests_and_contributions_wait_on_the_right_side,
    the_platform_administrator_and_a_reader_see_their_own_list,
    recent_changes_read_as_sentences_with_names,
    module_cards_name_only_what_exists,
);

/// The demo's people and organisations, found by role and kind.
struct Cast {
    corporation: Organisation,
    corporation_admin: User,
    /// A board member of two tenant organisations, and those organisations by name.
    board: User,
    first: Organisation,
    second: Organisation,
}

async fn members(app: &TestApp, org: &Organisation) -> Vec<(User, Role)> {
    users::members_of(&app.state.db, org.id).await.expect("members")
}

async fn of_kind(app: &TestApp, kind: OrgKind) -> Vec<Organisation> {
    orgs::list(&app.state.db).await.expect("orgs").into_iter().filter(|o| o.kind == kind).collect()
}

async fn member_with(app: &TestApp, org: &Organisation, role: Role) -> User {
    members(app, org).await.into_iter().find(|(_, r)| *r == role).map(|(u, _)| u).expect("a member with that role")
}

async fn cast(app: &TestApp) -> Cast {
    let corporation = of_kind(app, OrgKind::Corporation).await.remove(0);
    let corporation_admin = member_with(app, &corporation, Role::Admin).await;
    let mut board = None;
    for user in users::list(&app.state.db).await.expect("users") {
        let orgs = users::organisations_of(&app.state.db, user.id).await.expect("orgs");
        let tenants: Vec<Organisation> =
            orgs.into_iter().filter(|(o, _)| o.kind == OrgKind::TenantOrganisation).map(|(o, _)| o).collect();
        if tenants.len() >= 2 {
            board = Some((user, tenants));
            break;
        }
    }
    let (board, mut tenants) = board.expect("the demo has a board member in two tenant organisations");
    let second = tenants.remove(1);
    let first = tenants.remove(0);
    Cast { corporation, corporation_admin, board, first, second }
}

fn today(app: &TestApp) -> Date {
    dutch_date(app.state.clock.now())
}

fn actor(user: &User, app: &TestApp) -> Actor {
    Actor { user_id: Some(user.id), label: user.name.clone(), request_id: None, at: app.state.clock.now() }
}

fn scope_of(user: &User, org: &Organisation, role: Role) -> WriteScope {
    access::grant(org.id, Some(Membership { user_id: user.id, org_id: org.id, role }), Edit).expect("may edit")
}

/// The corporation sends `title` to `tenant`, received `days_ago`; returns the case id.
async fn send(app: &TestApp, cast: &Cast, tenant: &Organisation, kind: RequestKind, title: &str, days_ago: i64) -> i64 {
    let new = NewCase {
        tenant_org_id: tenant.id,
        kind,
        subject: Subject::Maintenance,
        title: Name::parse(title).expect("title"),
        explanation: LongText::parse("Graag uw reactie.").expect("text"),
        received_on: today(app) - Duration::days(days_ago),
        agreed_weeks: None,
        clusters: Vec::new(),
    };
    let scope = scope_of(&cast.corporation_admin, &cast.corporation, Role::Admin);
    let mut tx = app.state.db.begin().await.expect("begin");
    let id = overleg::create(&mut tx, &scope, &actor(&cast.corporation_admin, app), &new).await.expect("case");
    tx.commit().await.expect("commit");
    id
}

/// The tenant organisation advises on case `id`, `days_ago`.
async fn advise(app: &TestApp, cast: &Cast, tenant: &Organisation, id: i64, days_ago: i64) {
    let scope = scope_of(&cast.board, tenant, Role::Admin);
    let case = overleg::get(&app.state.db, &scope, id).await.expect("read").expect("case");
    let answer = Answer {
        kind: AnswerKind::Advice,
        text: Some("Doe het niet.".into()),
        on: today(app) - Duration::days(days_ago),
    };
    let mut tx = app.state.db.begin().await.expect("begin");
    overleg::answer(&mut tx, &scope, &actor(&cast.board, app), &case, case.version, &answer).await.expect("answer");
    tx.commit().await.expect("commit");
}

/// Three requests await the second organisation's answer; the corporation still has to decide on a fourth.
async fn three_cases_wait_at_the_second(app: &TestApp, cast: &Cast) -> i64 {
    send(app, cast, &cast.second, RequestKind::Advice, "Renovatie De Linde", 10).await;
    send(app, cast, &cast.second, RequestKind::Consent, "Servicekosten schoonmaak", 30).await;
    send(app, cast, &cast.second, RequestKind::Advice, "Groenonderhoud", 5).await;
    let rent = send(app, cast, &cast.second, RequestKind::Advice, "Huurbeleid 2027", 50).await;
    advise(app, cast, &cast.second, rent, 10).await;
    rent
}

/// The organisation the dashboard shows as the active one.
fn active_org(page: &Resp) -> &str {
    let start = page.body.find("id=\"active-org\">").expect("an active organisation") + "id=\"active-org\">".len();
    &page.body[start..start + page.body[start..].find('<').expect("end of heading")]
}

/// The dashboard's lines of work, in order, as text.
fn todo_lines(page: &Resp) -> Vec<String> {
    let Some(start) = page.body.find("data-todo>") else { return Vec::new() };
    let list = &page.body[start..start + page.body[start..].find("</ol>").expect("end of list")];
    list.split("<li")
        .skip(1)
        .map(|item| {
            let text: String = item.split('<').filter_map(|part| part.split_once('>')).map(|(_, t)| t).collect();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

async fn dashboard_of(app: &mut TestApp, user: &User) -> Resp {
    app.login(&user.email).await;
    let page = app.get("/dashboard").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page
}

async fn a_board_member_lands_where_work_waits_and_later_where_they_chose(mut app: TestApp) {
    let cast = cast(&app).await;
    let board = cast.board.clone();
    // Nothing waits anywhere: the first organisation by name, as always.
    assert_eq!(active_org(&dashboard_of(&mut app, &board).await), cast.first.name);
    three_cases_wait_at_the_second(&app, &cast).await;
    // The reported case: the first organisation has no cases, three wait in the second. Logging in lands there.
    let login = app.login(&board.email).await;
    assert_eq!(login.location(), Some("/dashboard"));
    let page = app.get("/dashboard").await;
    assert_eq!(active_org(&page), cast.second.name, "lands where the work waits");
    assert!(page.body.contains(&format!("Werk voor {}</button>", cast.first.name)));
    assert!(page.body.contains("<span data-waiting>niets wacht</span>"), "{}", page.body);
    // One click to the other organisation, remembered at the next log-in although the work is elsewhere.
    let switched = app.post("/orgs/switch", &[("org_id", &cast.first.id.to_string())]).await;
    assert_eq!(switched.location(), Some("/dashboard"));
    let page = app.get("/dashboard").await;
    assert_eq!(active_org(&page), cast.first.name);
    assert!(page.body.contains("<span data-waiting>3 wachten op u</span>"), "the other organisation's work is counted");
    // A late deadline is one more thing waiting, not two (it weighs double only in choosing where to land).
    send(&app, &cast, &cast.second, RequestKind::Advice, "Gevelrenovatie", 70).await;
    let page = app.get("/dashboard").await;
    assert!(page.body.contains("<span data-waiting>4 wachten op u</span>"), "{}", page.body);
    app.post("/logout", &[]).await;
    assert_eq!(active_org(&dashboard_of(&mut app, &board).await), cast.first.name, "the remembered choice wins");
    // A remembered organisation the user left no longer counts: the work decides again.
    let mut tx = app.state.db.begin().await.expect("begin");
    users::remove_membership(&mut tx, &Actor::system("test", app.state.clock.now()), board.id, cast.first.id)
        .await
        .expect("leave");
    tx.commit().await.expect("commit");
    assert_eq!(active_org(&dashboard_of(&mut app, &board).await), cast.second.name);
}

async fn a_session_without_an_organisation_lands_on_the_dashboard(mut app: TestApp) {
    let cast = cast(&app).await;
    three_cases_wait_at_the_second(&app, &cast).await;
    app.login(&cast.board.email).await;
    // A session that has no organisation (started before the user belonged anywhere, say).
    sql::query("UPDATE sessions SET active_org_id = NULL WHERE user_id = $1")
        .bind(cast.board.id)
        .execute(&app.state.db)
        .await
        .expect("clear");
    app.state.signed_in.clear();
    assert_eq!(active_org(&app.get("/dashboard").await), cast.second.name);
    let kept: Option<i64> = sql::query_scalar("SELECT active_org_id FROM sessions WHERE user_id = $1")
        .bind(cast.board.id)
        .fetch_one(&app.state.db)
        .await
        .expect("session");
    assert_eq!(kept, Some(cast.second.id), "the session keeps where it landed");
    let remembered: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM remembered_orgs").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(remembered, 0, "landing is not a choice the user made");
}

async fn a_tenant_boards_list_starts_with_its_own_deadline(mut app: TestApp) {
    let cast = cast(&app).await;
    let rent = three_cases_wait_at_the_second(&app, &cast).await;
    let page = dashboard_of(&mut app, &cast.board.clone()).await;
    // The corporation's reply is due first (in five days: fourteen from the advice, a Sunday, so Monday), but the
    // board's own answers lead.
    insta::assert_snapshot!("board_todo", as_snapshot(&cast, &todo_lines(&page)));
    assert!(page.body.contains(&format!("href=\"/orgs/{}/overleg/{rent}\"", cast.second.id)), "each line is a link");
    // The corporation's own list starts with its decision, and shows what it waits for after.
    let lines = todo_lines(&dashboard_of(&mut app, &cast.corporation_admin.clone()).await);
    insta::assert_snapshot!("corporation_todo", as_snapshot(&cast, &lines));
    // Six weeks later the board is late on the consent: its line says so.
    app.state.clock.advance(Duration::days(14));
    let page = dashboard_of(&mut app, &cast.board.clone()).await;
    insta::assert_snapshot!("board_todo_two_weeks_later", as_snapshot(&cast, &todo_lines(&page)));
    // The corporation's late reply is said, not flagged in red as the board's own alarm; the board's own is.
    let list = &page.body[page.body.find("data-todo>").expect("the list")..];
    let list = &list[..list.find("</ol>").expect("its end")];
    let theirs = list.split("<li").find(|line| line.contains("besluit over uw antwoord")).expect("their line");
    assert!(theirs.starts_with(" class=\" theirs\"") && !theirs.contains("flag"), "{theirs}");
    assert!(list.contains("<li class=\"late\">") && list.contains("due flag"), "ours is flagged: {list}");
}

/// RULES.md: a deadline in a year that no Besluit gelijkstelling covers yet is shown as not yet settled — on the
/// dashboard's lines and its Overleg card too, not only on the case's page (the decrees known run to 2028).
async fn a_deadline_in_a_year_no_decree_covers_says_so(mut app: TestApp) {
    let cast = cast(&app).await;
    let mid_december = time::macros::date!(2028 - 12 - 15);
    app.state.clock.advance(Duration::days((mid_december - today(&app)).whole_days()));
    send(&app, &cast, &cast.second, RequestKind::Advice, "Groenonderhoud 2029", 0).await;
    let page = dashboard_of(&mut app, &cast.board.clone()).await;
    let lines = todo_lines(&page);
    let line = lines.iter().find(|l| l.contains("Groenonderhoud 2029")).expect("the case's line");
    // Six weeks from 15 December 2028: Friday 26 January 2029.
    assert!(line.contains("uiterlijk 26-01-2029 (nog niet vastgesteld) · nog 42 dagen"), "{line}");
    let card = &page.body[page.body.find("Eerstvolgende termijn").expect("the Overleg card")..];
    let next = &card[card.find("<dd>").expect("its date")..card.find("</dd>").expect("its end")];
    assert!(next.contains("26-01-2029 (nog niet vastgesteld"), "{next}");
    // A deadline in a decreed year carries no mark.
    app.state.clock.advance(Duration::days(-365));
    send(&app, &cast, &cast.second, RequestKind::Advice, "Groenonderhoud 2028", 0).await;
    let lines = todo_lines(&dashboard_of(&mut app, &cast.board.clone()).await);
    let line = lines.iter().find(|l| l.contains("Groenonderhoud 2028")).expect("the case's line");
    assert!(line.contains("uiterlijk ") && !line.contains("vastgesteld"), "{line}");
}

/// Lines of work as one text for a snapshot (ADR 0038), one a line, the organisations named by their part in the
/// story: this file finds them by role and kind, so a renamed demo organisation must not change a snapshot.
fn as_snapshot(cast: &Cast, lines: &[String]) -> String {
    let mut text = lines.join("\n");
    for (org, part) in [(&cast.corporation, "[corporatie]"), (&cast.first, "[eerste]"), (&cast.second, "[tweede]")] {
        text = text.replace(&org.name, part);
    }
    text
}

async fn questions_join_requests_and_contributions_wait_on_the_right_side(mut app: TestApp) {
    let cast = cast(&app).await;
    let case = send(&app, &cast, &cast.second, RequestKind::Advice, "Renovatie De Linde", 3).await;
    let tenant_scope = scope_of(&cast.board, &cast.second, Role::Admin);
    let stored = overleg::get(&app.state.db, &tenant_scope, case).await.expect("read").expect("case");
    let mut tx = app.state.db.begin().await.expect("begin");
    let question = LongText::parse("Hoeveel kost de isolatie per woning?").expect("text");
    overleg::add_question(&mut tx, &tenant_scope, &actor(&cast.board, &app), &stored, &question, today(&app))
        .await
        .expect("ask");
    let group = NewGroup {
        corporation_id: cast.corporation.id,
        parent_id: None,
        name: "Bewonerscommissie De Linde".into(),
        kind: GroupKind::Bewonerscommissie,
        area_kind: "all".into(),
        area_codes: Vec::new(),
        contact_role: "secretaris".into(),
        approx_size: None,
        channels: Vec::new(),
        description: String::new(),
        join_info: String::new(),
        started_on: Some(today(&app) - Duration::days(30)),
    };
    let group_id = part::create_group(&mut tx, &tenant_scope, &actor(&cast.board, &app), &group).await.expect("group");
    tx.commit().await.expect("commit");
    let linde = part::visible_group(&app.state.db, &tenant_scope, group_id).await.expect("read").expect("group");
    let mut tx = app.state.db.begin().await.expect("begin");
    let request = JoinRequest {
        name: "Fenna".into(),
        contact: "fenna@example.nl".into(),
        message: "Ik doe mee".into(),
        address: "Kerkstraat 1".into(),
        at: app.state.clock.now(),
    };
    part::add_join_request(&mut tx, &linde, &request).await.expect("join");
    tx.commit().await.expect("commit");

    // The corporation answers the question; the board waits for it and reads its join request.
    let lines = todo_lines(&dashboard_of(&mut app, &cast.corporation_admin.clone()).await);
    assert!(lines.iter().any(|l| l.starts_with("Beantwoord de vraag over “Renovatie De Linde”")), "{lines:?}");
    let page = dashboard_of(&mut app, &cast.board.clone()).await;
    let lines = todo_lines(&page);
    assert_eq!(active_org(&page), cast.second.name);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("De corporatie beantwoordt uw vraag") && l.contains("wacht op de ander")));
    let join_line = "1 nieuwe aanmelding voor Bewonerscommissie De Linde";
    assert!(lines.iter().any(|l| l.starts_with(join_line)), "{lines:?}");
    let group_page = format!("/orgs/{}/participatie/groepen/{group_id}", cast.second.id);
    assert!(page.body.contains(&format!("href=\"{group_page}\"")));
    assert!(app.get(&group_page).await.body.contains("Fenna"));
    let lines = todo_lines(&app.get("/dashboard").await);
    assert!(!lines.iter().any(|l| l.starts_with(join_line)), "read requests wait no longer: {lines:?}");

    // Social return: the supplier reports before the period ends; the buyer reviews what was reported.
    let supplier = of_kind(&app, OrgKind::Supplier).await.remove(0);
    let supplier_user = member_with(&app, &supplier, Role::Staff).await;
    app.login(&cast.corporation_admin.email).await;
    assert_eq!(
        app.post(&format!("/orgs/{}/sr/tabellen/voorbeeld", cast.corporation.id), &[("which", "utrecht")]).await.status,
        StatusCode::SEE_OTHER
    );
    let created = app
        .post(
            &format!("/orgs/{}/sr/contracten/nieuw", cast.corporation.id),
            &[
                ("supplier_id", &supplier.id.to_string()),
                ("coordinator_id", ""),
                ("title", "Renovatie Zonnehof"),
                ("value", "2.400.000,00"),
                ("awarded_on", "2025-12-01"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2026-12-15"),
                ("obligation_percent", ""),
                ("obligation_fixed", ""),
                ("cadence", "quarterly"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let location = created.location().and_then(|l| l.split(['?', '#']).next()).expect("redirect");
    let contract: i64 = location.rsplit('/').next().and_then(|id| id.parse().ok()).expect("the new contract's id");
    let page = dashboard_of(&mut app, &supplier_user).await;
    let lines = todo_lines(&page);
    assert!(lines[0].starts_with("Meld uw social-returnbijdragen voor “Renovatie Zonnehof”"), "{lines:?}");
    assert!(lines[0].contains("uiterlijk 15-12-2026 · nog 20 dagen"), "{lines:?}");
    let reported = app
        .post_multipart(
            &format!("/orgs/{}/sr/contracten/{contract}/bijdragen", supplier.id),
            &[
                ("kind", "purchase"),
                ("seller", "Kozijnfabriek De Werkplaats"),
                ("certificate", "code_so"),
                ("invoice", "18.500,00"),
                ("date", "2026-03-15"),
            ],
            &[],
        )
        .await;
    assert_eq!(reported.status, StatusCode::SEE_OTHER, "{}", reported.body);
    let page = dashboard_of(&mut app, &cast.corporation_admin.clone()).await;
    let lines = todo_lines(&page);
    assert!(
        lines.iter().any(|l| l.starts_with("1 bijdrage voor “Renovatie Zonnehof” wacht op uw beoordeling")),
        "{lines:?}"
    );
    assert!(page.body.contains(&format!("href=\"/orgs/{}/sr/contracten/{contract}\"", cast.corporation.id)));
}

async fn the_platform_administrator_and_a_reader_see_their_own_list(mut app: TestApp) {
    let admin =
        users::list(&app.state.db).await.expect("users").into_iter().find(|u| u.is_platform_admin).expect("admin");
    let orphans = volkshuis_store::dashboard::organisations_without_admin(&app.state.db).await.expect("orphans");
    assert!(!orphans.is_empty(), "the demo has organisations without an administrator");
    let page = dashboard_of(&mut app, &admin).await;
    let lines = todo_lines(&page);
    let expected = if orphans.len() > 3 {
        format!("{} organisaties hebben geen beheerder", orphans.len())
    } else {
        format!("{} heeft geen beheerder", orphans[0].1)
    };
    assert!(lines.iter().any(|l| l.starts_with(&expected)), "{lines:?}");
    assert!(!page.body.contains("U bent geen lid (meer)"), "a platform administrator is not told about membership");
    assert!(page.body.contains("href=\"/admin/orgs\""), "the platform card");

    let cast = cast(&app).await;
    let reader = member_with(&app, &cast.corporation, Role::ReadOnly).await;
    three_cases_wait_at_the_second(&app, &cast).await;
    let page = dashboard_of(&mut app, &reader).await;
    assert!(page.body.contains("<h2 id=\"todo\">Wat er speelt</h2>"), "a reader is informed, not asked");
    assert!(todo_lines(&page)[0].starts_with("Besluit over het advies"));
}

async fn recent_changes_read_as_sentences_with_names(mut app: TestApp) {
    let cast = cast(&app).await;
    let admin = cast.corporation_admin.clone();
    app.login(&admin.email).await;
    let header = "idExtern;clusterCode;clusterNaam;soort;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;maatschappelijkLabel;nettohuur";
    let rows: Vec<String> =
        (1..=20).map(|n| format!("V{n};C1;De Ark;WON;Kerkstraat;{n};1011AA;Amsterdam;GM0363;DAE;650,00")).collect();
    let good = format!("{header}\r\n{}\r\n", rows.join("\r\n"));
    let url = format!("/orgs/{}/stock/import", cast.corporation.id);
    // A checked file with an error is on the list of work until a corrected file is imported.
    let bad = format!("{header}\r\nV1;C1;De Ark;WON;Kerkstraat;1;1011AA;Amsterdam;GM0363;DAE;650,00\r\nV2;C1;De Ark;WON;Kerkstraat;;1011AA;Amsterdam;GM0363;DAE;650,00\r\n");
    app.import_file(&url, &[("mode", "check")], "fout.csv", bad.as_bytes()).await;
    let page = app.get("/dashboard").await;
    let lines = todo_lines(&page);
    assert!(lines.iter().any(|l| l.starts_with("fout.csv had 1 fout bij het inlezen")), "{lines:?}");
    app.state.clock.advance(Duration::minutes(5));
    app.import_file(&url, &[("mode", "import")], "goed20.csv", good.as_bytes()).await;
    let page = app.get("/dashboard").await;
    assert!(!todo_lines(&page).iter().any(|l| l.contains("fout.csv")), "the corrected file was imported");
    let recent = &page.body[page.body.find("id=\"recent\"").expect("recent changes")..];
    assert!(recent.contains(&format!("{} importeerde 20 eenheden uit goed20.csv", admin.name)), "{recent}");
    for code in ["import units", "create membership", "switch_organisation", "read_personal", "units "] {
        assert!(!recent.contains(code), "a raw code in the recent changes: {code}");
    }
    app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    let page = app.get("/dashboard").await;
    assert!(page.body.contains(&format!("{} imported 20 units from goed20.csv", admin.name)));
    assert!(page.body.contains("<h2 id=\"todo\">What needs doing</h2>"));
}

async fn module_cards_name_only_what_exists(mut app: TestApp) {
    let municipality = of_kind(&app, OrgKind::Municipality).await.remove(0);
    let officer = members(&app, &municipality).await.remove(0).0;
    let page = dashboard_of(&mut app, &officer).await;
    let modules = &page.body[page.body.find("id=\"modules\"").expect("module cards")..];
    assert!(modules.contains(&format!("href=\"/orgs/{}/participatie/dekking\"", municipality.id)));
    assert!(modules.contains(&format!("href=\"/orgs/{}/sr\"", municipality.id)));
    assert!(modules.contains(&format!("href=\"/orgs/{}/afspraken\"", municipality.id)));
    assert!(modules.contains(&format!("href=\"/orgs/{}/signalering\"", municipality.id)));
    assert!(modules.contains(&format!("href=\"/orgs/{}/nazorg\"", municipality.id)));
    for (href, _) in modules.match_indices("href=\"/orgs/") {
        let link = &modules[href + 6..];
        let link = &link[..link.find('"').expect("end of link")];
        assert_eq!(app.get(link).await.status, StatusCode::OK, "{link} opens");
    }
    let cast = cast(&app).await;
    let page = dashboard_of(&mut app, &cast.board.clone()).await;
    let modules = &page.body[page.body.find("id=\"modules\"").expect("module cards")..];
    assert!(
        !modules.contains("/stock") && !modules.contains("/sr\""),
        "a tenant organisation has no stock or social return"
    );
}
