//! One place per complex and buurt through the real router on both databases: every viewer sees exactly the blocks
//! the law and the modules allow — by the `data-block` of each block on the page, so a block a viewer may not see is
//! absent, not empty —; a complex of another corporation, outside a municipality's gemeenten or asked for by a
//! supplier or partner is not there (404); the one-pager for a tenants' meeting shows what a tenant organisation may
//! see, whoever prints it; small counts show as "minder dan 5".

mod common;

use axum::http::StatusCode;
use common::TestApp;
use time::macros::date;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::GemeenteCode;
use volkshuis_domain::overleg::{RequestKind, Subject};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::audit::Actor;
use volkshuis_store::overleg::{self, NewCase};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;

on_both_backends!(
    every_viewer_sees_its_blocks_and_nothing_of_the_others,
    a_tenant_at_work_is_counted_exactly_only_for_who_may_open_the_placements,
    whoever_may_not_look_finds_no_place,
    the_one_pager_shows_what_a_tenant_organisation_may_see,
    a_buurt_page_joins_the_stock_of_the_buurt,
    a_cycle_with_more_commitments_than_shown_says_so,
    the_one_pager_prints_the_first_lines_of_a_long_list,
    the_one_pager_names_the_organisation_that_brought_an_initiative_in,
);

const STOCK: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;\
breedtegraad;lengtegraad\n\
A1;C1;De Ark;Kerkstraat;1;;7411AA;Deventer;GM0150;BU01500000;52,25;6,16\n\
A2;C1;De Ark;Kerkstraat;2;;7411AA;Deventer;GM0150;BU01500000;52,25;6,17\n\
Z1;C2;Hanzehof;Hanzeweg;2;;7203AB;Zutphen;GM0301;BU03010001;52,12;6,21\n";

fn admin_scope(org: i64) -> WriteScope {
    access::grant(org, Some(Membership { user_id: 0, org_id: org, role: Role::Admin }), Manage).expect("admin")
}

/// Woonstad's stock (C1 in Deventer, C2 in Zutphen), Deventer for the demo municipality, an advice request to De
/// Sleutel about C1 and two rent-arrears signals from C1; returns (Woonstad, C1, C2).
async fn setting(app: &mut TestApp) -> (i64, i64, i64) {
    let woonstad = app.org_id("woonstad").await;
    let scope = admin_scope(woonstad);
    let actor = Actor::system("test", app.state.clock.now());
    let reader = StockReader::new(STOCK.as_bytes()).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(&app.state.db, &scope, &actor, "t.csv", reader, options, &mut |_| {}).await.expect("import");
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let mut tx = app.state.db.begin().await.expect("begin");
    let codes = [GemeenteCode::parse("GM0150").expect("code")];
    volkshuis_store::gemeenten::set(&mut tx, &actor, municipality, &codes, 2023).await.expect("gemeente");
    let case = NewCase {
        tenant_org_id: sleutel,
        kind: RequestKind::Advice,
        subject: Subject::Maintenance,
        title: Name::parse("Daken van De Ark").expect("title"),
        explanation: LongText::parse("Isoleren").expect("text"),
        received_on: date!(2026 - 11 - 20),
        agreed_weeks: None,
        clusters: vec!["C1".into()],
    };
    overleg::create(&mut tx, &scope, &actor, &case).await.expect("case");
    tx.commit().await.expect("commit");
    let id = |code: &'static str| {
        let db = app.state.db.clone();
        async move {
            sql::query_scalar::<i64>("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
                .bind(woonstad)
                .bind(code)
                .fetch_one(&db)
                .await
                .expect("complex")
        }
    };
    let (c1, c2) = (id("C1").await, id("C2").await);
    for signal in [1, 2] {
        sql::query(
            "INSERT INTO sg_facts (signal_id, sender_org_id, recipient_org_id, gemeente_code, buurt_code, cluster_id, \
             sent_month) VALUES ($1, $2, $3, 'GM0150', 'BU01500000', $4, '2026-11')",
        )
        .bind(signal)
        .bind(woonstad)
        .bind(municipality)
        .bind(c1)
        .execute(&app.state.db)
        .await
        .expect("signal");
    }
    (woonstad, c1, c2)
}

/// The blocks of a place's page, in page order.
fn blocks(body: &str) -> Vec<String> {
    body.split("data-block=\"").skip(1).map(|rest| rest[..rest.find('"').expect("closing quote")].to_owned()).collect()
}

const EVERY_BLOCK: [&str; 8] =
    ["bezit", "participatie", "overleg", "afspraken", "social-return", "signalering", "nazorg", "initiatieven"];
const TENANT_BLOCKS: [&str; 4] = ["participatie", "overleg", "afspraken", "initiatieven"];

async fn every_viewer_sees_its_blocks_and_nothing_of_the_others(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    for email in ["admin@woonstad.test", "medewerker@woonstad.test", "lezer@woonstad.test"] {
        app.login(email).await;
        let page = app.get(&format!("/orgs/{woonstad}/plek/complexen/{c1}")).await;
        assert_eq!(page.status, StatusCode::OK, "{email}");
        assert_eq!(blocks(&page.body), EVERY_BLOCK, "{email}");
        assert!(page.body.contains("De Ark (C1)") && page.body.contains("Daken van De Ark"), "{email}");
        // Two signals are a small number: a count that could point at a household is not shown.
        let signals = &page.body[page.body.find("data-block=\"signalering\"").expect("signals")..];
        assert!(signals[..signals.find("</section>").expect("end")].contains("minder dan 5"), "{email}");
        app.clear_cookies();
    }

    // De Sleutel, which Woonstad consults: its own case; no stock, social return, signals or sales — the headings
    // of those blocks are not on the page at all.
    let sleutel = app.org_id("hv-de-sleutel").await;
    app.login("bestuur@desleutel.test").await;
    let page = app.get(&format!("/orgs/{sleutel}/plek/complexen/{c1}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(blocks(&page.body), TENANT_BLOCKS);
    assert!(page.body.contains("Daken van De Ark"));
    for absent in ["Signalen van huurachterstand", "Verkochte woningen", "Bouwperiode", "minder dan 5"] {
        assert!(!page.body.contains(absent), "a tenant organisation learns nothing of {absent}");
    }
    // Bewonersraad Noord is consulted too, but the advice request went to De Sleutel.
    let noord = app.org_id("bewonersraad-noord").await;
    let page = app.get(&format!("/orgs/{noord}/plek/complexen/{c1}")).await;
    assert_eq!((page.status, blocks(&page.body)), (StatusCode::OK, TENANT_BLOCKS.map(str::to_owned).to_vec()));
    assert!(!page.body.contains("Daken van De Ark"), "another organisation's case");
    app.clear_cookies();

    // The municipality of Deventer: on the complex coverage without groups and the agreements; signals and sales it
    // counts per buurt, so they are on the buurt's page, masked when small.
    let gemeente = app.org_id("gm-voorbeeldstad").await;
    app.login("beleid@voorbeeldstad.test").await;
    let page = app.get(&format!("/orgs/{gemeente}/plek/complexen/{c1}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(blocks(&page.body), ["participatie", "afspraken"]);
    assert!(!page.body.contains("Daken van De Ark") && !page.body.contains("minder dan 5"));
    assert!(page.body.contains("Die ziet een gemeente per buurt, niet per complex"), "where they are instead");
    let page = app.get(&format!("/orgs/{gemeente}/plek/buurten/BU01500000")).await;
    assert!(!page.body.contains("niet per complex"), "the buurt's page has them");
    assert_eq!(blocks(&page.body), ["participatie", "afspraken", "signalering", "nazorg"]);
    assert!(page.body.contains("minder dan 5"));
}

async fn whoever_may_not_look_finds_no_place(mut app: TestApp) {
    let (woonstad, c1, c2) = setting(&mut app).await;
    let complex = |org: i64, id: i64| format!("/orgs/{org}/plek/complexen/{id}");
    assert!(app.get(&complex(woonstad, c1)).await.is_login_redirect(), "a visitor logs in first");
    // A member of Woonstad asking through an organisation it is not a member of: refused at the door.
    app.login("medewerker@woonstad.test").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    assert_eq!(app.get(&complex(sleutel, c1)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&complex(woonstad, 999_999)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{woonstad}/plek/buurten/niet-een-code")).await.status, StatusCode::NOT_FOUND);
    app.clear_cookies();
    // The municipality sees Deventer, not Zutphen; a supplier and a partner have no place pages.
    let gemeente = app.org_id("gm-voorbeeldstad").await;
    app.login("beleid@voorbeeldstad.test").await;
    assert_eq!(app.get(&complex(gemeente, c2)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{gemeente}/plek/buurten/BU03010001")).await.status, StatusCode::NOT_FOUND);
    app.clear_cookies();
    for (email, code) in
        [("sroi@vandijk.test", "bouwbedrijf-van-dijk"), ("coordinator@wijkteam.test", "wijkteam-centrum")]
    {
        let org = app.org_id(code).await;
        app.login(email).await;
        assert_eq!(app.get(&complex(org, c1)).await.status, StatusCode::NOT_FOUND, "{email}");
        assert_eq!(app.get(&format!("{}/afdrukken", complex(org, c1))).await.status, StatusCode::NOT_FOUND);
        app.clear_cookies();
    }
}

async fn the_one_pager_shows_what_a_tenant_organisation_may_see(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    let (sleutel, noord) = (app.org_id("hv-de-sleutel").await, app.org_id("bewonersraad-noord").await);
    let print = |org: i64, voor: &str| format!("/orgs/{org}/plek/complexen/{c1}/afdrukken{voor}");
    app.login("admin@woonstad.test").await;
    let page = app.get(&format!("/orgs/{woonstad}/plek/complexen/{c1}")).await;
    for tenant in [sleutel, noord] {
        assert!(
            page.body.contains(&print(woonstad, &format!("?voor={tenant}"))),
            "one link per consulted organisation"
        );
    }
    // For De Sleutel: its own advice request, nothing of the stock or signals.
    let printed = app.get(&print(woonstad, &format!("?voor={sleutel}"))).await;
    assert_eq!(printed.status, StatusCode::OK);
    assert_eq!(blocks(&printed.body), TENANT_BLOCKS);
    assert!(printed.body.contains("Afgedrukt op") && printed.body.contains("Daken van De Ark"));
    assert!(printed.body.contains("alleen wat Huurdersvereniging De Sleutel ook mag zien"));
    assert!(!printed.body.contains("minder dan 5"), "no signals on the tenants' one-pager");
    // For Bewonersraad Noord the corporation prints what Noord may see: not De Sleutel's request.
    let printed = app.get(&print(woonstad, &format!("?voor={noord}"))).await;
    assert_eq!(printed.status, StatusCode::OK);
    assert!(!printed.body.contains("Daken van De Ark"));
    // For nobody named: the place's page, which lists the one-pagers; for an organisation it does not consult, or
    // no organisation at all: no page.
    for voor in ["", "?voor=", "?voor=%20"] {
        let moved = app.get(&print(woonstad, voor)).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{voor}");
        assert_eq!(moved.location(), Some(format!("/orgs/{woonstad}/plek/complexen/{c1}").as_str()));
    }
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    for voor in [format!("?voor={supplier}"), "?voor=x".to_owned()] {
        assert_eq!(app.get(&print(woonstad, &voor)).await.status, StatusCode::NOT_FOUND, "{voor}");
    }
    app.clear_cookies();
    // A tenant organisation prints for itself, whatever the link says; a municipality prints none.
    app.login("bestuur@desleutel.test").await;
    let printed = app.get(&print(sleutel, &format!("?voor={noord}"))).await;
    assert_eq!(printed.status, StatusCode::OK);
    assert!(printed.body.contains("Daken van De Ark"));
    app.clear_cookies();
    let gemeente = app.org_id("gm-voorbeeldstad").await;
    app.login("beleid@voorbeeldstad.test").await;
    assert_eq!(app.get(&print(gemeente, &format!("?voor={sleutel}"))).await.status, StatusCode::NOT_FOUND);
}

async fn a_buurt_page_joins_the_stock_of_the_buurt(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    app.login("medewerker@woonstad.test").await;
    let complex = app.get(&format!("/orgs/{woonstad}/plek/complexen/{c1}")).await;
    assert!(complex.body.contains(&format!("/orgs/{woonstad}/plek/buurten/BU01500000")), "the complex names its buurt");
    // A code typed in lower case or without BU, as the CBS code parser takes it, is sent to the one address of its
    // page (the print view keeps whom it is for).
    let canonical = format!("/orgs/{woonstad}/plek/buurten/BU01500000");
    for typed in ["bu01500000", "01500000"] {
        let moved = app.get(&format!("/orgs/{woonstad}/plek/buurten/{typed}")).await;
        assert_eq!((moved.status, moved.location()), (StatusCode::PERMANENT_REDIRECT, Some(canonical.as_str())));
    }
    let moved = app.get(&format!("/orgs/{woonstad}/plek/buurten/bu01500000/afdrukken?voor=7")).await;
    assert_eq!(moved.location(), Some(format!("{canonical}/afdrukken?voor=7").as_str()));
    assert_eq!(app.get(&format!("/orgs/{woonstad}/plek/buurten/bu0150")).await.status, StatusCode::NOT_FOUND);
    // Someone of another organisation is refused, not sent on.
    app.login("beleid@voorbeeldstad.test").await;
    let outsider = app.get(&format!("/orgs/{woonstad}/plek/buurten/bu01500000")).await;
    assert_eq!((outsider.status, outsider.location()), (StatusCode::FORBIDDEN, None));
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&canonical).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(blocks(&page.body), EVERY_BLOCK);
    assert!(page.body.contains("De Ark (C1)") && page.body.contains("Daken van De Ark"));
    // A buurt without Woonstad's stock is no place for Woonstad.
    assert_eq!(app.get(&format!("/orgs/{woonstad}/plek/buurten/BU01509999")).await.status, StatusCode::NOT_FOUND);
}

/// The agreements block lists a cycle's first five commitments; when there are more, its caption says which part it
/// shows ("de eerste 5 van 6"), not a count above a table that has fewer rows.
async fn a_cycle_with_more_commitments_than_shown_says_so(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    let cycle = cycle_with(&app, &[woonstad], "Afspraken Deventer 2027", 0).await;
    let body = |i: usize| format!("Afspraak {i}");
    add_commitments(&app, cycle, woonstad, (0..5).map(body)).await;
    app.login("admin@woonstad.test").await;
    let url = format!("/orgs/{woonstad}/plek/complexen/{c1}");
    let page = app.get(&url).await;
    assert!(page.body.contains("5 afspraken voor deze corporatie of voor alle partijen samen"), "all five shown");
    add_commitments(&app, cycle, woonstad, [body(5)]).await;
    let page = app.get(&url).await;
    assert!(
        page.body.contains("de eerste 5 van 6 afspraken voor deze corporatie of voor alle partijen samen"),
        "five of six shown"
    );
    assert!(!page.body.contains("Afspraak 5"), "the sixth is in the module");
}

/// A cycle in Deventer (GM0150) of `parties`, the first of which owns its `commitments` commitments; returns its id.
async fn cycle_with(app: &TestApp, parties: &[i64], title: &str, commitments: usize) -> i64 {
    let woonstad = parties[0];
    let db = &app.state.db;
    let cycle: i64 = sql::query_scalar(
        "INSERT INTO pa_cycles (gemeente_code, first_year, last_year, title, phase, phase_since, opened_by, created_at) \
         VALUES ('GM0150', 2027, 2027, $1, 'bod', '2026-07-01', $2, 0) RETURNING id",
    )
    .bind(title)
    .bind(woonstad)
    .fetch_one(db)
    .await
    .expect("cycle");
    for party in parties {
        sql::query("INSERT INTO pa_parties (cycle_id, org_id) VALUES ($1, $2)")
            .bind(cycle)
            .bind(party)
            .execute(db)
            .await
            .expect("party");
    }
    add_commitments(app, cycle, woonstad, (0..commitments).map(|i| format!("{title}, afspraak {i}"))).await;
    cycle
}

/// Commitments owned by `owner` in `cycle`, one per body, in order.
async fn add_commitments(app: &TestApp, cycle: i64, owner: i64, bodies: impl IntoIterator<Item = String>) {
    for body in bodies {
        sql::query(
            "INSERT INTO pa_commitments (cycle_id, theme, body, unit, owner_id, created_at) \
             VALUES ($1, 'betaalbaarheid', $2, 'woningen', $3, 0)",
        )
        .bind(cycle)
        .bind(body)
        .bind(owner)
        .execute(&app.state.db)
        .await
        .expect("commitment");
    }
}

/// The one-pager for a tenants' meeting is one sheet: each long list prints its first lines (three cases, two cycles
/// of two commitments, three events of the timeline) and says how many the page has; the page on screen shows them
/// all, and a list at its limit prints whole without a note.
async fn the_one_pager_prints_the_first_lines_of_a_long_list(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let scope = admin_scope(woonstad);
    let actor = Actor::system("test", app.state.clock.now());
    for title in ["Deventer A", "Deventer B", "Deventer C"] {
        cycle_with(&app, &[woonstad, sleutel], title, 3).await;
    }
    app.login("admin@woonstad.test").await;
    let screen_url = format!("/orgs/{woonstad}/plek/complexen/{c1}");
    let paper_url = format!("{screen_url}/afdrukken?voor={sleutel}");
    // The Overleg block's rows, by their links to the cases (the timeline names the cases too, without links on paper).
    let case_rows = |body: &str| body.matches(&format!("href=\"/orgs/{woonstad}/overleg/")).count();
    let timeline = |body: &str| body[body.find("id=\"block-timeline\"").expect("a timeline")..].to_owned();
    let events = |body: &str| timeline(body).matches("Verzoek aan de huurders:").count();
    for n in 2..=4 {
        let mut tx = app.state.db.begin().await.expect("begin");
        let case = NewCase {
            tenant_org_id: sleutel,
            kind: RequestKind::Information,
            subject: Subject::Maintenance,
            title: Name::parse(&format!("Gevels van De Ark, deel {n}")).expect("title"),
            explanation: LongText::parse("Schilderen").expect("text"),
            received_on: date!(2026 - 11 - 20) + time::Duration::days(n),
            agreed_weeks: None,
            clusters: vec!["C1".into()],
        };
        overleg::create(&mut tx, &scope, &actor, &case).await.expect("case");
        tx.commit().await.expect("commit");
        if n == 3 {
            // Three cases and three events: at their limit, whole and without a note.
            let printed = app.get(&paper_url).await;
            assert_eq!((case_rows(&printed.body), events(&printed.body)), (3, 3));
            assert!(!printed.body.contains("Op dit blad staan de eerste"), "three cases, three rows, no note");
            assert!(!printed.body.contains("gebeurtenissen op de pagina"), "three events, no note");
        }
    }
    let screen = app.get(&screen_url).await;
    let printed = app.get(&paper_url).await;
    assert_eq!(printed.status, StatusCode::OK);
    assert_eq!(case_rows(&screen.body) - case_rows(&timeline(&screen.body)), 4, "the screen lists every case");
    assert_eq!(case_rows(&printed.body), 3, "the sheet the first three");
    assert!(!printed.body.contains("Daken van De Ark</a>"), "newest first: the oldest case is left off");
    assert!(printed.body.contains("Op dit blad staan de eerste 3 van de 4 op de pagina in Volkshuis."));
    assert!(!screen.body.contains("Op dit blad"), "nothing is left off on screen");
    // The note is tied to its table, so that a screen reader reads it with the table.
    let tied = printed.body.contains(r#"<table aria-describedby="note-overleg-1">"#)
        && printed.body.contains(r#"<p class="muted" id="note-overleg-1">Op dit blad staan de eerste 3"#);
    assert!(tied, "the Overleg table points at its note");
    // Two of the three cycles, each with two of its three commitments, and the caption says so.
    let cycles =
        |body: &str| ["Deventer A (", "Deventer B (", "Deventer C ("].iter().filter(|t| body.contains(*t)).count();
    assert_eq!(cycles(&screen.body), 3);
    assert_eq!(cycles(&printed.body), 2);
    assert!(printed.body.contains("Op dit blad staan 2 van de 3 cycli op de pagina in Volkshuis."));
    assert!(printed.body.contains("de eerste 2 van 3 afspraken voor deze corporatie of voor alle partijen samen"));
    for (commitment, on_paper) in [("afspraak 0<", true), ("afspraak 1<", true), ("afspraak 2<", false)] {
        assert_eq!(printed.body.contains(commitment), on_paper, "{commitment}");
        assert!(screen.body.contains(commitment), "{commitment} on screen");
    }
    // The timeline: four cases received, three on the sheet.
    assert_eq!(events(&screen.body), 4);
    assert_eq!(events(&printed.body), 3);
    assert!(printed.body.contains("Op dit blad staan de laatste 3 van de 4 gebeurtenissen op de pagina in Volkshuis."));
}

/// One tenant of a small complex at work through social return: staff who may open the placements read "1"; a
/// read-only member and the platform operator read "fewer than 5" on the place page and the social-return overview
/// (beside the one placement a contract lists, the exact count told who it was). The year page counts the year's
/// placements themselves, not the kept totals written here: `tests/socialreturn.rs` proves its masking.
async fn a_tenant_at_work_is_counted_exactly_only_for_who_may_open_the_placements(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    sql::query("INSERT INTO sr_tenant_totals (buyer_id, cluster, jobs) VALUES ($1, 'C1', 1)")
        .bind(woonstad)
        .execute(&app.state.db)
        .await
        .expect("tenant at work");
    let place = format!("/orgs/{woonstad}/plek/complexen/{c1}");
    let pages = [format!("/orgs/{woonstad}/sr")];
    app.login("medewerker@woonstad.test").await;
    let page = app.get(&place).await;
    assert!(page.body.contains("1 huurder uit deze plek aan het werk"), "{}", page.main());
    for path in &pages {
        let got = app.get(path).await;
        assert_eq!(got.status, StatusCode::OK, "{path}");
        assert!(got.body.contains("De Ark (C1): 1</li>"), "{path}: {}", got.main());
    }
    for email in ["lezer@woonstad.test", "beheer@volkshuis.test"] {
        app.login(email).await;
        let page = app.get(&place).await;
        assert!(page.body.contains("Minder dan 5 huurders uit deze plek"), "{email}: {}", page.main());
        assert!(!page.body.contains("1 huurder uit deze plek"), "{email}");
        for path in &pages {
            let got = app.get(path).await;
            assert_eq!(got.status, StatusCode::OK, "{email} {path}");
            assert!(got.body.contains("De Ark (C1): minder dan 5</li>"), "{email} {path}: {}", got.main());
        }
    }
}

/// On the one-pager an initiative the tenant organisation brought in is named as its own by the organisation's name:
/// the corporation prints it for the meeting, and "your organisation" would name the corporation to its reader.
async fn the_one_pager_names_the_organisation_that_brought_an_initiative_in(mut app: TestApp) {
    let (woonstad, c1, _) = setting(&mut app).await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    // An initiative De Sleutel brought in, on C1 (as the Initiatieven module writes it).
    sql::query(
        "INSERT INTO in_initiatives (corporation_id, title, description, place, who, needs, initiator_org_id, stage, \
         plan_income, plan_costs, risk_bearer, published, created_at, updated_at) \
         VALUES ($1, 'Repaircafé De Ark', '', '', '', '', $2, 'idee', '[]', '[]', '', 1, 0, 0)",
    )
    .bind(woonstad)
    .bind(sleutel)
    .execute(&app.state.db)
    .await
    .expect("initiative");
    sql::query("INSERT INTO in_initiative_clusters (initiative_id, cluster_id) SELECT MAX(id), $1 FROM in_initiatives")
        .bind(c1)
        .execute(&app.state.db)
        .await
        .expect("on C1");
    app.login("admin@woonstad.test").await;
    let printed = app.get(&format!("/orgs/{woonstad}/plek/complexen/{c1}/afdrukken?voor={sleutel}")).await;
    assert_eq!(printed.status, StatusCode::OK);
    let named = "Repaircafé De Ark (ingediend door Huurdersvereniging De Sleutel)";
    assert!(printed.body.contains(named), "{}", printed.body);
    // On the screen the reader's own organisation is meant, for De Sleutel's own members.
    app.login("bestuur@desleutel.test").await;
    let own = app.get(&format!("/orgs/{sleutel}/plek/complexen/{c1}")).await;
    assert!(own.body.contains("Repaircafé De Ark (ingediend door uw organisatie)"), "{}", own.body);
}
