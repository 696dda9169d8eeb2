//! The demo dataset as the store holds it, on SQLite and PostgreSQL: its texts match its stock, its history lies in
//! the past with deadlines on both sides of the seed day, and the VERA names of every code it uses are loaded.

use time::macros::datetime;
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;
use volkshuis_store::overleg::{self, Listing};
use volkshuis_store::stock::{self, UnitFilter};
use volkshuis_store::testdb::{shared_data, sql, TestDb};
use volkshuis_store::{Backend, Db};

/// The moment the demo is filled in these tests.
const SEEDED: OffsetDateTime = datetime!(2026-12-04 08:30 UTC);

async fn seeded(backend: Backend) -> (TestDb, i64) {
    let t = TestDb::new(backend).await.expect("db");
    volkshuis_demo::seed_at(&t.db, true, SEEDED).await.expect("demo");
    let corporation: i64 = sql::query_scalar("SELECT id FROM organisations WHERE code = 'woonstad'")
        .fetch_one(&t.db)
        .await
        .expect("corporation");
    (t, corporation)
}

async fn units_in(db: &Db, corporation: i64, code: &str) -> i64 {
    let filter =
        UnitFilter { cluster_code: Some(code.to_owned()), soort: Some("WOO".to_owned()), ..Default::default() };
    let scope = WriteScope::system_for_demo(corporation);
    stock::units(db, scope.as_read(), &filter, 0, 1).await.expect("units").total
}

async fn texts_match_the_stock(backend: Backend) {
    let (t, corporation) = seeded(backend).await;
    let scope = WriteScope::system_for_demo(corporation);
    let all = stock::units(&t.db, scope.as_read(), &UnitFilter::default(), 0, 1).await.expect("units");
    // The homes sold to their tenants (Nazorg) are out of the rental stock.
    let sold: i64 = sql::query_scalar("SELECT COUNT(*) FROM nz_sales WHERE bought_back_on IS NULL")
        .fetch_one(&t.db)
        .await
        .expect("sold");
    assert_eq!((all.total + sold) as u64, volkshuis_demo::DEMO_UNITS);
    let cases = overleg::list(&t.db, scope.as_read(), Listing::All, 50).await.expect("cases");
    assert_eq!(cases.len(), 5);
    let linde_row = cases.iter().find(|c| c.title == "Renovatie en isolatie complex De Linde").expect("De Linde case");
    let linde = overleg::get(&t.db, scope.as_read(), linde_row.id).await.expect("get").expect("case");
    assert_eq!(linde.clusters, ["CPX000004"]);
    let homes = units_in(&t.db, corporation, "CPX000004").await;
    assert!(homes > 50, "De Linde is a real complex: {homes} homes");
    assert!(
        linde.explanation.as_str().contains(&format!("de {homes} eengezinswoningen van complex De Linde")),
        "{}",
        linde.explanation.as_str()
    );
    // Every case that names complexes names them with the counts the store holds.
    for row in &cases {
        let case = overleg::get(&t.db, scope.as_read(), row.id).await.expect("get").expect("case");
        for code in &case.clusters {
            let name: String = sql::query_scalar("SELECT naam FROM clusters WHERE code = $1")
                .bind(code)
                .fetch_one(&t.db)
                .await
                .expect("name");
            let count = units_in(&t.db, corporation, code).await;
            let text = case.explanation.as_str();
            assert!(text.contains(&name), "{} names {name}: {text}", case.title);
            assert!(text.contains(&count.to_string()), "{} gives the {count} homes of {name}: {text}", case.title);
        }
    }
    assert!(cases.iter().any(|c| c.title == "Servicekosten 2027: schoonmaak trappenhuizen"));
    let contract: String =
        sql::query_scalar("SELECT title FROM sr_contracts").fetch_one(&t.db).await.expect("contract");
    assert_eq!(contract, "Renovatie Schildersbuurt: dak, gevel en kozijnen");
    let groups: Vec<String> =
        sql::query_scalar("SELECT name FROM part_groups ORDER BY id").fetch_all(&t.db).await.expect("groups");
    assert_eq!(
        groups,
        [
            "Huurdersvereniging De Sleutel",
            "Bewonerscommissie De Linde",
            "Bewonersraad Noord",
            "Leefbaarheidsgroep Centrum",
            "Woonpanel Zonnehof"
        ]
    );
    let zonnehof: String = sql::query_scalar(
        "SELECT a.code FROM part_group_areas a JOIN part_groups g ON g.id = a.group_id WHERE g.name = 'Woonpanel Zonnehof'",
    )
    .fetch_one(&t.db)
    .await
    .expect("panel area");
    let named: String = sql::query_scalar("SELECT naam FROM clusters WHERE code = $1")
        .bind(&zonnehof)
        .fetch_one(&t.db)
        .await
        .expect("x");
    assert_eq!(named, "Zonnehof");
}

async fn history_lies_in_the_past(backend: Backend) {
    let (t, _) = seeded(backend).await;
    let seeded_at = SEEDED.unix_timestamp();
    let day = 24 * 3600;
    let audit: Vec<i64> = sql::query_scalar("SELECT at FROM audit_log").fetch_all(&t.db).await.expect("audit");
    assert!(audit.iter().all(|at| *at <= seeded_at), "nothing happens after the demo is filled");
    let today = audit.iter().filter(|at| **at > seeded_at - day).count();
    assert!(today * 10 < audit.len(), "history is spread out, not all today: {today} of {}", audit.len());
    assert!(audit.iter().any(|at| *at < seeded_at - 365 * day), "organisations joined years ago");
    let imports: Vec<(i64, String)> =
        sql::query_as("SELECT at, entity_id FROM audit_log WHERE entity = 'units' AND action = 'import' ORDER BY at")
            .fetch_all(&t.db)
            .await
            .expect("imports");
    let last = imports.last().expect("an import");
    assert!((seeded_at - 45 * day..seeded_at - 20 * day).contains(&last.0), "the latest import was last month");
    assert_eq!(last.1, "bezit-2026-11.csv");
    let events: Vec<i64> = sql::query_scalar("SELECT at FROM overleg_events").fetch_all(&t.db).await.expect("events");
    assert!(events.iter().all(|at| *at < seeded_at - day), "case steps were taken on earlier days");
    // Deadlines: some still ahead, at least one just passed.
    let deadlines: Vec<String> =
        sql::query_scalar("SELECT next_deadline FROM overleg_cases WHERE next_deadline IS NOT NULL")
            .fetch_all(&t.db)
            .await
            .expect("deadlines");
    assert!(deadlines.iter().any(|d| d.as_str() > "2026-12-04"), "{deadlines:?}");
    assert!(deadlines.iter().any(|d| d.as_str() < "2026-12-04" && d.as_str() > "2026-11-20"), "{deadlines:?}");
}

async fn vera_names_are_loaded_for_every_code_the_demo_uses(backend: Backend) {
    let Some(file) = shared_data("vera/Referentiedata.csv") else { return };
    let (t, _) = seeded(backend).await;
    let loaded = volkshuis_demo::load_vera(&t.db, &file).await.expect("load");
    assert!(matches!(loaded, volkshuis_demo::VeraLoad::Loaded { codes, .. } if codes > 2000), "{loaded:?}");
    assert!(loaded.to_string().starts_with("VERA-codelijst geladen: "));
    for (list, column) in
        [("EENHEIDSOORT", "soort"), ("EENHEIDDETAILSOORT", "detail_soort"), ("EENHEIDSTATUS", "status")]
    {
        let names = volkshuis_store::vera::names(&t.db, list).await.expect("names");
        let used: Vec<String> =
            sql::query_scalar(&format!("SELECT DISTINCT {column} FROM units")).fetch_all(&t.db).await.expect("codes");
        assert!(!used.is_empty());
        for code in used {
            assert!(names.contains_key(&code), "{list} {code} has a name");
        }
    }
    let again = volkshuis_demo::load_vera(&t.db, &file).await.expect("again");
    assert_eq!(again, volkshuis_demo::VeraLoad::AlreadyLoaded, "a demo started again keeps its list");
}

async fn without_the_file_the_demo_says_so(backend: Backend) {
    let t = TestDb::new(backend).await.expect("db");
    volkshuis_demo::seed_at(&t.db, false, SEEDED).await.expect("demo");
    let nowhere = std::path::Path::new("/nonexistent/vera/Referentiedata.csv");
    let missing = volkshuis_demo::load_vera(&t.db, nowhere).await.expect("no error");
    assert!(missing.is_missing());
    assert!(missing.to_string().contains("niet gevonden (/nonexistent/vera/Referentiedata.csv)"));
    assert!(volkshuis_store::vera::names(&t.db, "EENHEIDSOORT").await.expect("names").is_empty());
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() { super::$name(volkshuis_store::Backend::Sqlite).await; })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() { super::$name(volkshuis_store::Backend::Postgres).await; })*
        }
    };
}

on_both_backends!(
    texts_match_the_stock,
    history_lies_in_the_past,
    vera_names_are_loaded_for_every_code_the_demo_uses,
    without_the_file_the_demo_says_so,
    the_municipality_sees_only_deventer,
    prestatieafspraken_in_monitoring_and_in_negotiation,
    prestatieafspraken_are_plausible_on_any_seed_day,
    signalering_shows_every_kind_of_verdict_and_result,
    nazorg_sold_homes_in_two_mixed_complexes_and_one_vve_is_below_the_minimum,
    initiatieven_in_three_stages_one_ended,
);

/// The demo's Nazorg (issue 21): homes sold in two complexes where the corporation still rents out the others, the
/// aftercare of each kind (a talk with consent, a koopcoach and her log, a check overdue and one done with a
/// follow-up action, contracts with their own owner's share), two VvE's of which exactly one reserves below the
/// legal minimum, and a vote citing the tenants' advice.
async fn nazorg_sold_homes_in_two_mixed_complexes_and_one_vve_is_below_the_minimum(backend: Backend) {
    use volkshuis_domain::access::{self, Edit, Membership, Role};
    use volkshuis_domain::nazorg::checks::{check_state, CheckState};
    use volkshuis_domain::nazorg::sale::SaleCondition;
    use volkshuis_domain::nazorg::vve::{findings, health, Finding, Health};
    use volkshuis_store::audit::Actor;
    use volkshuis_store::nazorg::{checks, sales, talks, vves, BuyerScope};
    let (t, corporation) = seeded(backend).await;
    let scope = WriteScope::system_for_demo(corporation);
    let today = volkshuis_domain::calendar::dutch_date(SEEDED);
    let actor = Actor::system("test", SEEDED);
    let staff = BuyerScope::sales_staff(&scope);
    let sold = sales::sales(&t.db, &staff, &actor, 100).await.expect("sales");
    assert!((5..=8).contains(&sold.len()), "{} homes sold", sold.len());

    // Two complexes, each with homes sold and homes still rented.
    let mut complexes: Vec<(i64, String)> = sold.iter().filter_map(|s| s.cluster.clone()).collect();
    complexes.sort_unstable();
    complexes.dedup();
    assert_eq!(complexes.len(), 2, "{complexes:?}");
    for (id, code) in &complexes {
        let rented = stock::cluster(&t.db, scope.as_read(), *id).await.expect("read").expect("complex").units;
        let sold_here = sold.iter().filter(|s| s.cluster.as_ref().map(|c| c.0) == Some(*id)).count();
        assert!(rented > 0 && sold_here > 0, "{code}: {sold_here} sold, {rented} rented");
        for sale in sold.iter().filter(|s| s.cluster.as_ref().map(|c| c.0) == Some(*id)) {
            let unit = stock::unit(&t.db, scope.as_read(), sale.unit_id).await.expect("read").expect("unit");
            assert!(!unit.in_use, "a sold home is out of the rental stock");
        }
    }

    // Koopgarant at 20% with the owner sharing 70%, and an older contract with its own share.
    let terms: Vec<(SaleCondition, Option<u32>, Option<u32>)> =
        sold.iter().map(|s| (s.condition, s.discount_bp, s.owner_share_bp)).collect();
    assert!(terms.contains(&(SaleCondition::Koopgarant, Some(2_000), Some(7_000))), "{terms:?}");
    assert!(terms.contains(&(SaleCondition::Koopgarant, Some(2_500), Some(5_000))), "{terms:?}");

    // Talks held with the platform's checklist (kept as version 1), with the buyer's consent: every buyer with a
    // koopcoach consented to aftercare.
    let mut talks_held = Vec::new();
    for sale in &sold {
        if let Some(talk) = talks::talk(&t.db, &staff, sale.id).await.expect("talk") {
            talks_held.push(talk);
        }
    }
    assert_eq!(talks_held.len(), 2);
    assert!(talks_held.iter().all(|t| t.version == 1 && t.consent));
    let default_items = volkshuis_domain::nazorg::talk::default_checklist();
    assert_eq!(talks_held[0].answers.iter().map(|(item, _)| item.as_str()).collect::<Vec<_>>(), default_items);

    // The koopcoach, a partner's staff member, sees her buyers (and only those) and keeps a log.
    let coach_id: i64 = sql::query_scalar("SELECT id FROM users WHERE email = 'coordinator@wijkteam.test'")
        .fetch_one(&t.db)
        .await
        .expect("coach");
    let partner: i64 = sql::query_scalar("SELECT id FROM organisations WHERE code = 'wijkteam-centrum'")
        .fetch_one(&t.db)
        .await
        .expect("partner");
    let member = Membership { user_id: coach_id, org_id: partner, role: Role::Staff };
    let coach = BuyerScope::coach(&access::grant(partner, Some(member), Edit).expect("staff may edit"));
    let coached = sales::sales(&t.db, &coach, &actor, 100).await.expect("coached");
    assert!(!coached.is_empty() && coached.len() < sold.len(), "{} of {}", coached.len(), sold.len());
    for sale in &coached {
        let log = sales::coach_log(&t.db, &coach, sale.id).await.expect("log").expect("her buyer");
        assert!(!log.is_empty(), "a log for {}", sale.buyer_name);
    }

    // An overdue check, and a three-year check done with a follow-up action.
    let (mut overdue, mut followed_up) = (0, 0);
    for sale in &sold {
        let list = checks::checks_of(&t.db, &staff, sale.id).await.expect("checks").expect("own");
        overdue += list.iter().filter(|c| check_state(c.due_on, c.done_on, today) == CheckState::Overdue).count();
        followed_up += list.iter().filter(|c| c.years == 3 && c.done_on.is_some() && !c.actions.is_empty()).count();
        assert!(list.iter().all(|c| c.done_on.is_none_or(|d| d <= today)), "checks are done in the past");
    }
    assert!(overdue >= 1 && followed_up >= 1, "{overdue} overdue, {followed_up} followed up");

    // Two VvE's on those complexes: exactly one below the reserve minimum, the other healthy.
    let registered = vves::vves(&t.db, scope.as_read()).await.expect("vves");
    assert_eq!(registered.len(), 2);
    let on: Vec<i64> = registered.iter().filter_map(|v| v.cluster.as_ref().map(|c| c.0)).collect();
    assert!(on.iter().all(|id| complexes.iter().any(|c| c.0 == *id)), "{on:?}");
    let below = |v: &vves::Vve| {
        findings(&v.input.facts(), today).iter().any(|f| matches!(f, Finding::ReserveBelowMinimum { .. }))
    };
    assert_eq!(registered.iter().filter(|v| below(v)).count(), 1);
    let healthy = registered.iter().find(|v| !below(v)).expect("a healthy VvE");
    assert_eq!(health(&findings(&healthy.input.facts(), today)), Health::Green, "{:?}", healthy.input);
    // The corporation's vote there cites the advice its tenants gave in an Overleg case.
    let votes = vves::votes(&t.db, scope.as_read(), healthy.id).await.expect("votes");
    assert!(votes.iter().any(|v| v.cited.as_ref().is_some_and(|c| c.2.is_some())), "{votes:?}");
}

/// The demo's Signalering holds a realistic mix: signalled households and each common reason not to, signals that
/// reached the municipality and some for delivery by file, results of both groups, open signals, arrears resolved,
/// and a soft signal at each stage.
async fn signalering_shows_every_kind_of_verdict_and_result(backend: Backend) {
    let (t, corporation) = seeded(backend).await;
    let count = |query: String| {
        let db = t.db.clone();
        async move { sql::query_scalar::<i64>(&query).fetch_one(&db).await.expect("count") }
    };
    let households = count(format!("SELECT COUNT(*) FROM sg_households WHERE org_id = {corporation}")).await;
    assert!(households > 40, "{households} households in this month's ledger");
    for block in ["", "bezwaar", "regeling", "niet_gewezen_op_schuldhulp", "te_vroeg", "al_gesignaleerd"] {
        let n = count(format!("SELECT COUNT(*) FROM sg_households WHERE blocks LIKE '%{block}%'")).await;
        assert!(n > 0, "no household with verdict {block:?}");
    }
    let sent = count("SELECT COUNT(*) FROM sg_signals WHERE recipient_org_id IS NOT NULL".into()).await;
    let by_file = count("SELECT COUNT(*) FROM sg_signals WHERE recipient_org_id IS NULL".into()).await;
    assert!(sent > 10 && by_file > 0, "{sent} to the municipality, {by_file} by file");
    for group in ["opgepakt", "niet_opgepakt"] {
        assert!(count(format!("SELECT COUNT(*) FROM sg_facts WHERE outcome_group = '{group}'")).await > 0, "{group}");
    }
    assert!(
        count("SELECT COUNT(*) FROM sg_signals WHERE outcome IS NULL AND recipient_org_id IS NOT NULL".into()).await
            > 0
    );
    assert!(count("SELECT COUNT(*) FROM sg_facts WHERE resolved_on IS NOT NULL".into()).await > 0, "arrears resolved");
    assert_eq!(count("SELECT COUNT(*) FROM sg_facts WHERE eviction = 'voorkomen'".into()).await, 1);
    for state in ["intern", "aangenomen", "afgesloten"] {
        assert_eq!(count(format!("SELECT COUNT(*) FROM sg_soft WHERE state = '{state}'")).await, 1, "{state}");
    }
}

/// The demo municipality carries Deventer's code and sees only Woonstad's homes there (issue 19, ADR 0039).
async fn the_municipality_sees_only_deventer(backend: Backend) {
    let (t, corporation) = seeded(backend).await;
    let municipality: i64 = sql::query_scalar("SELECT id FROM organisations WHERE code = 'gm-voorbeeldstad'")
        .fetch_one(&t.db)
        .await
        .expect("municipality");
    let codes: Vec<String> = volkshuis_store::gemeenten::of_org(&t.db, municipality)
        .await
        .expect("codes")
        .into_iter()
        .map(|g| g.code)
        .collect();
    assert_eq!(codes, volkshuis_demo::MUNICIPALITY_GEMEENTEN);
    let view = volkshuis_domain::access::Membership {
        user_id: 0,
        org_id: municipality,
        role: volkshuis_domain::access::Role::Staff,
    };
    let scope = volkshuis_domain::access::grant(municipality, Some(view), volkshuis_domain::access::View)
        .expect("a member may view");
    let part = volkshuis_store::participatie::open_figures(&t.db, &scope, corporation)
        .await
        .expect("open")
        .expect("Woonstad has homes in Deventer");
    let per_gemeente = volkshuis_store::participatie::coverage_by(
        &t.db,
        &part,
        volkshuis_store::participatie::AreaLevel::Gemeente,
        10,
    )
    .await
    .expect("figures");
    let seen: Vec<&str> = per_gemeente.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(seen, ["GM0150"], "only Deventer");
    let whole = volkshuis_store::participatie::open_figures(
        &t.db,
        WriteScope::system_for_demo(corporation).as_read(),
        corporation,
    )
    .await
    .expect("open")
    .expect("its own");
    let all = volkshuis_store::participatie::coverage_by(
        &t.db,
        &whole,
        volkshuis_store::participatie::AreaLevel::Gemeente,
        10,
    )
    .await
    .expect("figures");
    assert!(all.len() >= 3, "the corporation sees Zutphen and Olst-Wijhe too: {all:?}");
}

/// This year's agreements for Deventer, signed last December by every party and in monitoring with actuals; next
/// year's in negotiation on Woonstad's sent bid, with positions, two draft versions and notes private or shared.
async fn prestatieafspraken_in_monitoring_and_in_negotiation(backend: Backend) {
    use time::macros::date;
    use volkshuis_domain::afspraken::Phase;
    use volkshuis_store::afspraken as pa;
    let (t, corporation) = seeded(backend).await;
    let org = |code: &'static str| {
        let db = &t.db;
        async move {
            sql::query_scalar::<i64>("SELECT id FROM organisations WHERE code = $1")
                .bind(code)
                .fetch_one(db)
                .await
                .expect(code)
        }
    };
    let (municipality, sleutel, noord) =
        (org("gm-voorbeeldstad").await, org("hv-de-sleutel").await, org("bewonersraad-noord").await);
    let scope = |id: i64| WriteScope::system_for_demo(id);
    let cycles = pa::cycles_of(&t.db, scope(municipality).as_read()).await.expect("cycles");
    let seen: Vec<(i32, Phase, &str)> =
        cycles.iter().map(|c| (c.first_year, c.phase, c.gemeente_code.as_str())).collect();
    assert_eq!(seen, [(2027, Phase::Onderhandeling, "GM0150"), (2026, Phase::Monitoring, "GM0150")]);
    let (next, this) = (&cycles[0], &cycles[1]);
    for party in [corporation, sleutel, noord] {
        assert_eq!(pa::cycles_of(&t.db, scope(party).as_read()).await.expect("cycles").len(), 2, "{party} is a party");
    }

    // Monitoring: signed by all four on 15 December last year; commitments across themes, some computed; actuals
    // for last year and this year's quarters, each with a source and evidence.
    assert_eq!((this.signed_on, this.talks_started_on), (Some(date!(2025 - 12 - 15)), Some(date!(2025 - 07 - 01))));
    let parties = pa::parties(&t.db, &as_party(&t.db, this.id).await).await.expect("parties");
    assert_eq!(parties.len(), 4);
    assert!(parties.iter().all(|p| p.signed_at.is_some() && p.signed_by.is_some()), "{parties:?}");
    let commitments = pa::commitments(&t.db, &as_party(&t.db, this.id).await).await.expect("commitments");
    let mut themes: Vec<_> = commitments.iter().map(|c| c.theme).collect();
    themes.sort_by_key(|t| t.code());
    themes.dedup();
    assert!(themes.len() >= 5, "{themes:?}");
    assert!(commitments.iter().filter(|c| c.computed.is_some()).count() >= 2);
    assert!(commitments.iter().all(|c| c.target(2026).is_some()), "every commitment has a target for this year");
    let actuals: Vec<&pa::Actual> = commitments.iter().flat_map(|c| c.actuals.iter()).collect();
    // Actuals are for the cycle's own year (where a figure stood before is its baseline).
    assert!(actuals.iter().all(|a| a.year == 2026) && actuals.len() >= 10, "{actuals:?}");
    assert!(actuals.iter().all(|a| !a.source.is_empty() && !a.evidence.is_empty()));
    let by: Vec<&str> = actuals.iter().map(|a| a.org_name.as_str()).collect();
    for name in ["Woonstad Voorbeeld", "Gemeente Voorbeeldstad", "Huurdersvereniging De Sleutel"] {
        assert!(by.contains(&name), "{name} reports on its own commitments: {by:?}");
    }
    let (this_ref, _) =
        pa::open_cycle_for(&t.db, scope(sleutel).as_read(), this.id).await.expect("open").expect("party");
    let bids = pa::bids(&t.db, &this_ref).await.expect("bids");
    assert_eq!(bids.iter().map(|b| b.sent_on).collect::<Vec<_>>(), [Some(date!(2025 - 06 - 16))]);
    let actions: Vec<String> =
        pa::timeline(&t.db, &this_ref, 500).await.expect("timeline").into_iter().map(|e| e.action).collect();
    for action in ["open", "move", "send_bid", "add_commitment", "sign", "signed", "record_actual"] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }

    // Negotiation: the bid is in, the talks have an agenda with the tenants' position citing their achterban, two
    // versions of the text and draft commitments; the tenants' bottom line stays theirs.
    assert_eq!((next.talks_started_on, next.signed_on), (Some(date!(2026 - 07 - 01)), None));
    let (next_ref, _) =
        pa::open_cycle_for(&t.db, scope(corporation).as_read(), next.id).await.expect("open").expect("party");
    let bids = pa::bids(&t.db, &next_ref).await.expect("bids");
    assert!(bids.iter().all(|b| b.sent_on.is_some() && !b.body.is_empty() && !b.activities.is_empty()), "{bids:?}");
    let agenda = pa::agenda(&t.db, &as_party(&t.db, next.id).await).await.expect("agenda");
    assert!(agenda.len() >= 2);
    let tenants = agenda.iter().flat_map(|i| &i.positions).find(|p| p.org_id == sleutel).expect("a tenants' position");
    assert!(tenants.evidence.contains("Achterbanraadpleging") || tenants.evidence.contains("Bewonersavond"));
    assert!(agenda.iter().flat_map(|i| &i.positions).any(|p| p.org_id == municipality));
    let drafts = pa::drafts(&t.db, &as_party(&t.db, next.id).await).await.expect("drafts");
    assert_eq!(drafts.iter().map(|d| d.version).collect::<Vec<_>>(), [2, 1]);
    assert!(!pa::commitments(&t.db, &as_party(&t.db, next.id).await).await.expect("commitments").is_empty());
    let titles = |notes: Vec<pa::Note>| notes.into_iter().map(|n| (n.title, n.shared)).collect::<Vec<_>>();
    let (own_ref, _) =
        pa::open_cycle_for(&t.db, scope(sleutel).as_read(), next.id).await.expect("open").expect("party");
    let own = titles(pa::notes(&t.db, &own_ref).await.expect("notes"));
    assert!(own.iter().any(|(_, shared)| !shared) && own.iter().any(|(_, shared)| *shared), "{own:?}");
    let others = titles(pa::notes(&t.db, &next_ref).await.expect("notes"));
    assert_eq!(others, [("Uitkomsten achterbanraadpleging 2026".to_owned(), true)]);
    let timeline = pa::timeline(&t.db, &next_ref, 500).await.expect("timeline");
    assert!(timeline.iter().all(|e| e.entity == "pa_cycle"));
    assert!(timeline.iter().all(|e| !e.after.as_deref().unwrap_or("").contains("ondergrens")));
    // Every step lies in the past.
    let moved: Vec<String> = timeline.iter().filter(|e| e.action == "move").filter_map(|e| e.after.clone()).collect();
    assert_eq!(moved.len(), 2, "{moved:?}");
    assert!(timeline.iter().all(|e| e.at < SEEDED));
}

/// Seeded on New Year's Day, the day before the talks on next year would begin on 1 July, and that week: this year's
/// cycle is in monitoring and next year's in negotiation, on a bid sent in time, with every step in the past.
async fn prestatieafspraken_are_plausible_on_any_seed_day(backend: Backend) {
    use time::macros::datetime;
    use volkshuis_domain::afspraken::{CycleDates, Phase};
    use volkshuis_store::afspraken as pa;
    for now in [datetime!(2027-01-01 00:30 UTC), datetime!(2026-07-07 12:00 UTC), datetime!(2026-07-08 06:00 UTC)] {
        let t = TestDb::new(backend).await.expect("db");
        volkshuis_demo::seed_at(&t.db, true, now).await.expect("demo");
        let after: i64 = sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE at > $1")
            .bind(now.unix_timestamp())
            .fetch_one(&t.db)
            .await
            .expect("count");
        assert_eq!(after, 0, "{now}: nothing after the seed moment");
        let today = volkshuis_domain::calendar::dutch_date(now);
        let municipality: i64 = sql::query_scalar("SELECT id FROM organisations WHERE code = 'gm-voorbeeldstad'")
            .fetch_one(&t.db)
            .await
            .expect("municipality");
        let scope = WriteScope::system_for_demo(municipality);
        let cycles = pa::cycles_of(&t.db, scope.as_read()).await.expect("cycles");
        let seen: Vec<(i32, Phase)> = cycles.iter().map(|c| (c.first_year, c.phase)).collect();
        let year = today.year();
        assert_eq!(seen, [(year + 1, Phase::Onderhandeling), (year, Phase::Monitoring)], "{now}");
        let next = &cycles[0];
        assert!(next.talks_started_on.is_some_and(|d| d < today), "{now}: {:?}", next.talks_started_on);
        let (next_ref, _) = pa::open_cycle_for(&t.db, scope.as_read(), next.id).await.expect("open").expect("party");
        let bids = pa::bids(&t.db, &next_ref).await.expect("bids");
        let due = CycleDates::for_year(next.first_year).bid_due;
        assert!(bids.iter().all(|b| b.sent_on.is_some_and(|d| d <= due)), "{now}: sent in time: {bids:?}");
        assert_eq!(pa::drafts(&t.db, &as_party(&t.db, next.id).await).await.expect("drafts").len(), 2, "{now}");
        let actuals: usize = pa::commitments(&t.db, &as_party(&t.db, cycles[1].id).await)
            .await
            .expect("commitments")
            .iter()
            .map(|c| c.actuals.len())
            .sum();
        // The first quarterly report comes on 10 April: seeded before, the monitoring has no figures yet.
        let first_report = time::Date::from_calendar_date(today.year(), time::Month::April, 10).expect("date");
        assert_eq!(actuals > 0, today > first_report, "{now}: {actuals} actuals");
    }
}

/// A demo cycle opened for one of its parties (the first by id), for reads every party sees alike.
async fn as_party(db: &volkshuis_store::Db, id: i64) -> volkshuis_store::afspraken::CycleRef {
    let org: i64 = volkshuis_store::testdb::sql::query_scalar("SELECT MIN(org_id) FROM pa_parties WHERE cycle_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
        .expect("a party");
    let read = volkshuis_domain::access::grant(
        org,
        Some(volkshuis_domain::access::Membership {
            user_id: 0,
            org_id: org,
            role: volkshuis_domain::access::Role::ReadOnly,
        }),
        volkshuis_domain::access::View,
    )
    .expect("a member may view");
    volkshuis_store::afspraken::open_cycle_for(db, &read, id).await.expect("read").expect("a party").0
}

/// The demo's Initiatieven (issue 22): three initiatives in different stages — a repair café running in a lent shop
/// with a grant spent (never more than granted, each payment with evidence), this year's outcome and a public
/// summary; a garden at the plan stage whose plan does not add up yet; a car club that ended with what was learned
/// in its log. Without the stock, no initiatives.
async fn initiatieven_in_three_stages_one_ended(backend: Backend) {
    use volkshuis_domain::initiatieven::lending::is_lending_candidate;
    use volkshuis_domain::initiatieven::stage::Stage;
    use volkshuis_store::initiatieven::{budgets, initiatives, lending, outcomes};
    let (t, corporation) = seeded(backend).await;
    let scope = WriteScope::system_for_demo(corporation);
    let today = volkshuis_domain::calendar::dutch_date(SEEDED);
    let all = initiatives::of_corporation(&t.db, scope.as_read()).await.expect("initiatives");
    assert_eq!(all.len(), 3, "{all:?}");
    let mut stages: Vec<Stage> = all.iter().map(|i| i.stage).collect();
    stages.sort_unstable_by_key(|s| s.code());
    assert_eq!(stages, [Stage::Ended, Stage::Running, Stage::Plan], "{stages:?}");
    let at = |stage: Stage| all.iter().find(|i| i.stage == stage).expect("an initiative at the stage");
    assert!(all.iter().all(|i| i.coach.is_some() && i.initiator.is_some()), "each has a coach and an initiator");

    // Running: brought in by De Sleutel's board member for the tenant organisation, a plan that adds up, a shop lent.
    let running = initiatives::for_corporation(&t.db, scope.as_read(), at(Stage::Running).id)
        .await
        .expect("read")
        .expect("the corporation's");
    assert_eq!(running.initiator.as_ref().map(|u| u.1.as_str()), Some("Dirk Bakker"));
    assert_eq!(running.on_behalf_of.as_ref().map(|o| o.1.as_str()), Some("Huurdersvereniging De Sleutel"));
    assert!(running.plan.adds_up(), "{:?}", running.plan.problems());
    assert!(running.buurt_code.is_some() && !running.clusters.is_empty());
    let loans = lending::loans(&t.db, running.id).await.expect("loans");
    assert_eq!(loans.len(), 1);
    assert!(loans[0].terms.problems().is_empty() && loans[0].terms.runs_on(today), "{:?}", loans[0].terms);
    let unit = stock::unit(&t.db, scope.as_read(), loans[0].unit_id).await.expect("read").expect("unit");
    let (soort, detail, status): (Option<String>, Option<String>, Option<String>) =
        sql::query_as("SELECT soort, detail_soort, status FROM units WHERE id = $1")
            .bind(unit.id)
            .fetch_one(&t.db)
            .await
            .expect("codes");
    assert!(is_lending_candidate(soort.as_deref(), detail.as_deref(), status.as_deref()), "{soort:?} {status:?}");
    assert_eq!((soort.as_deref(), status.as_deref()), (Some("BED"), Some("LEE")), "an empty shop");

    // A grant from the buurt's liveability budget, spent in part, every payment with its evidence.
    let grants = budgets::grants_of(&t.db, running.id).await.expect("grants");
    assert_eq!(grants.len(), 1);
    let grant = &grants[0];
    assert!(grant.spent_cents() > 0 && grant.spent_cents() <= grant.amount_cents, "{grant:?}");
    assert!(grant.override_reason.is_none());
    assert!(grant.spending.iter().all(|(on, cents, _, evidence)| *cents > 0 && !evidence.is_empty() && *on <= today));
    let budget = budgets::budgets(&t.db, scope.as_read()).await.expect("budgets");
    assert_eq!(budget.len(), 1);
    assert_eq!(Some(budget[0].area_code.as_str()), running.buurt_code.as_deref(), "the budget is the buurt's");
    assert_eq!((budget[0].state.granted_cents, budget[0].state.spent_cents), (grant.amount_cents, grant.spent_cents()));
    assert!(budget[0].state.budget_cents >= budget[0].state.granted_cents, "within the budget");

    // This year's outcome, the log, and the public page showing the running one only.
    let results = outcomes::outcomes_of(&t.db, running.id).await.expect("outcomes");
    assert!(results.iter().any(|(year, o, _)| *year == today.year() && o.participants > 0), "{results:?}");
    let log = initiatives::log(&t.db, running.id).await.expect("log");
    assert!(log.iter().filter(|e| e.kind == "contact").count() >= 2 && log.iter().all(|e| e.on_date <= today));
    let public = initiatives::published(&t.db).await.expect("published");
    assert_eq!(public.iter().map(|i| i.id).collect::<Vec<_>>(), [running.id]);
    assert!(running.public_summary.as_ref().is_some_and(|s| !s.is_empty()));

    // The plan that does not add up yet, and the ended one with its lessons in the log.
    let plan = at(Stage::Plan);
    assert!(!plan.plan.adds_up() && !plan.plan.income.is_empty() && !plan.plan.costs.is_empty());
    let ended = at(Stage::Ended);
    let lessons = ended.lessons.clone().expect("lessons");
    let log = initiatives::log(&t.db, ended.id).await.expect("log");
    assert!(log.iter().any(|e| e.kind == "fase" && e.text.contains(&lessons)), "{log:?}");
    assert!(!ended.published && !plan.published);

    // Without the stock the demo brings no initiatives.
    let bare = TestDb::new(backend).await.expect("db");
    volkshuis_demo::seed_at(&bare.db, false, SEEDED).await.expect("demo");
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM in_initiatives").fetch_one(&bare.db).await.expect("count");
    assert_eq!(n, 0);
}
