//! Social return through the real router on both databases: tables, a contract, a supplier's contributions, the
//! buyer's decisions, the calculation and progress, exports; who sees what; names purged after the contract.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use time::Duration;
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, users};
use volkshuis_web::{run_due_jobs, schedule_housekeeping, Config};

on_both_backends!(
    a_contract_from_obligation_to_progress,
    one_form_sent_twice_reports_once,
    a_contract_form_sent_twice_registers_once_and_checks_its_figures,
    the_table_valid_on_the_award_date_applies,
    each_party_sees_its_own,
    bad_contributions_come_back_with_what_was_typed,
    candidate_names_are_deleted_after_the_contract,
    own_tenants_are_counted_per_complex,
    reminders_follow_the_reporting_periods,
    an_english_user_reads_the_calculation_in_english,
    only_a_coordinator_the_buyer_works_with_can_be_named,
    work_outside_the_contract_is_refused_or_cut_and_split_by_year,
    stored_contributions_are_revalued_with_a_trail,
    a_cap_from_29_february_stored_a_day_short_is_revalued,
    formulas_in_the_export_stay_text,
    evidence_downloads_are_audited,
    a_new_buyer_is_told_what_a_contract_needs_first
);

const BUYER: &str = "admin@woonstad.test";
const SUPPLIER: &str = "sroi@vandijk.test";
const COORDINATOR: &str = "sroi@wsp.test";

/// The id at the end of a redirect (before any query or fragment).
fn id_in(location: Option<&str>) -> i64 {
    let location = location.expect("redirect");
    let path = location.split(['?', '#']).next().expect("path");
    path.rsplit('/').next().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no id in {location}"))
}

/// The buyer adds an example table and registers a contract with Van Dijk, coordinated by the WSP.
async fn contract(app: &mut TestApp, example: &str, awarded: &str, ends: &str) -> i64 {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    let coordinator = app.org_id("wsp-voorbeeldstad").await.to_string();
    app.login(BUYER).await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", example)]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    // A second contract of the same test gets a title of its own: the same contract is not recorded twice.
    let before: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM sr_contracts").fetch_one(&app.state.db).await.expect("count");
    let title =
        if before == 0 { "Renovatie De Linde".to_owned() } else { format!("Renovatie De Linde ({})", before + 1) };
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier),
                ("coordinator_id", &coordinator),
                ("title", &title),
                ("value", "2.400.000,00"),
                ("awarded_on", awarded),
                ("starts_on", "2026-01-01"),
                ("ends_on", ends),
                ("obligation_percent", ""),
                ("obligation_fixed", ""),
                ("cadence", "quarterly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    id_in(resp.location())
}

async fn a_contract_from_obligation_to_progress(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    // 5% of € 2.400.000 by the table's rule (from € 200.000).
    assert!(page.body.contains("€ 120.000,00") && page.body.contains("5% × € 2.400.000,00"), "{}", page.body);

    app.login(SUPPLIER).await;
    // The supplier finds the register of social enterprises to buy from on its social-return page, and may open it.
    let home = app.get(&format!("/orgs/{supplier}/sr")).await;
    assert!(home.main().contains("<a href=\"/ondernemingen\">Het register van sociale ondernemingen</a>"));
    assert_eq!(app.get("/ondernemingen").await.status, StatusCode::OK);
    let path = format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen");
    // An end before the start is named at the end date (it was named above the form only), with what was typed.
    let backwards = [
        ("kind", "placement"),
        ("person", "VD-001"),
        ("group", "participatiewet"),
        ("hours_per_week", "24"),
        ("start", "2026-11-01"),
        ("end", "2026-10-01"),
    ];
    let refused = app.post_multipart(&path, &backwards, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains(r#"<p class="field-error" id="end-error">Deze bijdrage kan niet worden gewaardeerd: de einddatum ligt voor de begindatum.</p>"#),
        "{}",
        refused.main()
    );
    assert!(refused.body.contains(r#"value="2026-10-01""#) && refused.body.contains(r#"value="VD-001""#));
    // The form's token comes back with the form, so that sending it again is known as the same form.
    assert!(refused.body.contains(r#"<input type="hidden" name="form_token" value=""#), "{}", refused.main());
    let resp = app
        .post_multipart(
            &path,
            &[
                ("kind", "placement"),
                ("person", "VD-001"),
                ("person_name", "Sanne Voorbeeld"),
                ("group", "participatiewet"),
                ("hours_per_week", "24"),
                ("start", "2026-01-01"),
                ("end", "2026-06-30"),
            ],
            &[("arbeidsovereenkomst.pdf", b"%PDF-1.4 contract")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let resp = app
        .post_multipart(
            &path,
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
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    // € 40.000 × 24/36 × 6/12 months = € 13.333,33, shown line by line; the supplier sees its own candidate's name.
    assert!(page.body.contains("€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 6/12 maanden = € 13.333,33"));
    assert!(page.body.contains("Sanne Voorbeeld") && page.body.contains("arbeidsovereenkomst.pdf"));
    assert!(page.body.contains("€ 18.500,00 excl. btw × 100% = € 18.500,00"));
    // Pending: 13.333,33 + 18.500,00.
    assert!(page.body.contains("€ 31.833,33"), "pending sum");

    // The buyer approves the purchase and rejects the placement, with a reason.
    app.login(BUYER).await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(!page.body.contains("Sanne Voorbeeld"), "the buyer never sees names");
    let ids: Vec<i64> = page
        .body
        .match_indices(&format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen/"))
        .filter_map(|(at, m)| page.body[at + m.len()..].split('/').next().and_then(|s| s.parse().ok()))
        .collect();
    let (purchase, placement) = (ids[0], ids.iter().copied().find(|i| *i != ids[0]).expect("two contributions"));
    let decide = |c: i64| format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen/{c}/besluit");
    let resp = app.post(&decide(placement), &[("decision", "reject"), ("reason", "")]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Geef een reden bij een afwijzing."));
    // A decision is final and decides what the obligation counts: first what it does, nothing decided yet.
    let reject = [("decision", "reject"), ("reason", "Geen arbeidsovereenkomst")];
    let summary = app.post(&decide(placement), &reject).await;
    assert_eq!(summary.status, StatusCode::OK);
    assert!(summary.body.contains("U wijst deze bijdrage af, met als reden: „Geen arbeidsovereenkomst”"));
    assert!(summary.body.contains("name=\"confirmed\" value=\"yes\""), "{}", summary.body);
    let pending: i64 = sql::query_scalar("SELECT COUNT(*) FROM sr_contributions WHERE status = 'pending'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(pending, 2, "not before it is confirmed");
    let resp = app.post(&decide(placement), &[reject[0], reject[1], ("confirmed", "yes")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let summary = app.post(&decide(purchase), &[("decision", "approve")]).await;
    assert!(summary.body.contains("U keurt deze bijdrage goed: € 18.500,00 telt mee"), "{}", summary.body);
    let approve = [("decision", "approve"), ("confirmed", "yes")];
    assert_eq!(app.post(&decide(purchase), &approve).await.status, StatusCode::SEE_OTHER);
    let again =
        app.post(&decide(purchase), &[("decision", "reject"), ("reason", "toch niet"), ("confirmed", "yes")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "decided once");
    let summary_again = app.post(&decide(purchase), &[("decision", "reject"), ("reason", "toch niet")]).await;
    assert_eq!(summary_again.status, StatusCode::CONFLICT, "no summary for a decision already taken");
    let elsewhere = app.post(&decide(999_999), &[("decision", "approve")]).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND, "not on this contract: not 'already decided'");

    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    // Approved € 18.500 of € 120.000: € 101.500 still owed; nothing pending.
    assert!(page.body.contains("€ 101.500,00") && page.body.contains("Geen arbeidsovereenkomst"));
    let overview = app.get(&format!("/orgs/{buyer}/sr")).await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(overview.body.contains("<svg") && overview.body.contains("Bouwbedrijf Van Dijk — € 18.500,00"));

    let csv = app.get(&format!("/orgs/{buyer}/sr/export.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let csv = csv.body.strip_prefix('\u{feff}').expect("a byte-order mark, for Excel");
    insta::assert_snapshot!("sr_export_csv", csv);
    let xlsx = app.get(&format!("/orgs/{buyer}/sr/export.xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.body.starts_with("PK"), "an Office Open XML zip");
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2026")).await;
    assert!(report.body.contains("Social return in 2026") && report.body.contains("€ 18.500,00"));

    // Nothing is settled while the contract runs (the form shows only after its end; the server took it anyway).
    let settle = format!("/orgs/{buyer}/sr/contracten/{id}/afrekening");
    let fields =
        [("repair_until", "2027-03-31"), ("did_all_it_could", "on"), ("note", "Krappe markt"), ("settled", "on")];
    let running = app.post(&settle, &fields).await;
    assert_eq!(running.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(running.body.contains("Het contract loopt tot en met 31-12-2026"), "{}", running.main());
    // After the end the buyer records the settlement: the unfulfilled part is withheld unless all was done.
    app.state.clock.advance(Duration::days(400));
    app.login(BUYER).await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(page.body.contains("Niet voldaan na afloop") && page.body.contains("In te houden op de eindafrekening"));
    assert!(!page.body.contains(r#"name="settled" type="checkbox" checked"#), "never ticked beforehand");
    // A repair period follows the contract; while it runs, it is set but nothing is settled.
    let mut before_end = fields;
    before_end[0] = ("repair_until", "2026-12-01");
    let refused = app.post(&settle, &before_end).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("kies een datum na 31-12-2026") && refused.body.contains("Krappe markt"));
    let mut running_repair = fields;
    running_repair[0] = ("repair_until", "2028-03-31");
    let refused = app.post(&settle, &running_repair).await;
    assert!(refused.body.contains("De herstelperiode loopt tot en met 31-03-2028"), "{}", refused.main());
    assert_eq!(app.post(&settle, &running_repair[..3]).await.status, StatusCode::SEE_OTHER, "the period alone");
    // Settling withholds money and closes the contract: asked once more, with the amounts; nothing before it.
    let summary = app.post(&settle, &fields).await;
    assert_eq!(summary.status, StatusCode::OK);
    let main = summary.main();
    assert!(main.contains("Goedgekeurd € 18.500,00 van de verplichting van € 120.000,00"), "{main}");
    assert!(main.contains("u houdt niets in") && main.contains("er worden geen bijdragen meer gemeld"), "{main}");
    assert!(main.contains(r#"name="repair_until" value="2027-03-31""#) && !main.contains("<textarea"), "{main}");
    let settled_on: Option<String> = sql::query_scalar("SELECT settled_on FROM sr_contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db)
        .await
        .expect("settled_on");
    assert_eq!(settled_on, None, "not before it is confirmed");
    // Back: the form as typed, taking the focus (it is half-way down the page).
    let mut back = fields.to_vec();
    back.push(("confirmed", "edit"));
    let form = app.post(&settle, &back).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.main().contains("novalidate data-focus") && form.main().contains(">Krappe markt</textarea>"));
    let mut confirmed = fields.to_vec();
    confirmed.push(("confirmed", "yes"));
    assert_eq!(app.post(&settle, &confirmed).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    let withhold = page.body.split("In te houden op de eindafrekening").nth(1).expect("withholding");
    assert!(withhold.contains("€ 0,00"), "did all it could: nothing withheld");
    assert!(!page.body.contains(&settle), "a settled contract offers no settlement form");
    // The settlement stands: not recorded again, and the supplier reports nothing more (its figures would move).
    let mut withholding = confirmed.clone();
    withholding.remove(1);
    let again = app.post(&settle, &withholding).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("staat vast"), "{}", again.main());
    // A contribution left waiting (as a settlement from before this rule could leave one) is not decided either.
    sql::query("UPDATE sr_contributions SET status = 'pending' WHERE id = $1")
        .bind(purchase)
        .execute(&app.state.db)
        .await
        .expect("waiting");
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(!page.body.contains("/besluit\""), "no decision form on a settled contract");
    let late_decision = app.post(&decide(purchase), &approve).await;
    assert_eq!(late_decision.status, StatusCode::CONFLICT);
    assert!(late_decision.body.contains("staat vast"), "{}", late_decision.main());
    app.login(SUPPLIER).await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    assert!(!page.body.contains(&format!("/sr/contracten/{id}/bijdragen\"")), "no report form");
    let late = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[("kind", "other"), ("description", "Gastles"), ("hours", "4"), ("date", "2026-06-01")],
            &[],
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("staat vast"), "{}", late.main());
}

async fn the_table_valid_on_the_award_date_applies(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    // Oost-Nederland is valid from 2023, Utrecht from 2025: an award in 2024 uses Oost-Nederland.
    contract(&mut app, "oost", "2024-06-01", "2026-12-31").await;
    let id = contract(&mut app, "utrecht", "2024-06-01", "2026-12-31").await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(page.body.contains("Voorbeeld: bouwblokken Oost-Nederland 2023"));
    let later = contract(&mut app, "utrecht", "2025-06-01", "2026-12-31").await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{later}")).await;
    assert!(page.body.contains("Voorbeeld: bouwblokken Utrecht"));
    // An award before any table has no table: refused, typed values kept.
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier.to_string()),
                ("title", "Oud"),
                ("value", "300.000"),
                ("awarded_on", "2020-01-01"),
                ("starts_on", "2020-01-01"),
                ("ends_on", "2020-12-31"),
                ("cadence", "yearly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("geen tabelversie die gold op de gunningsdatum") && resp.body.contains("value=\"Oud\""));
    // An award is recorded once it happened.
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier.to_string()),
                ("title", "Toekomst"),
                ("value", "300.000"),
                ("awarded_on", "2099-01-01"),
                ("starts_on", "2099-02-01"),
                ("ends_on", "2099-12-31"),
                ("cadence", "yearly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("de gunningsdatum ligt niet na vandaag") && resp.body.contains("value=\"Toekomst\""));
    // A placement valued under Oost-Nederland: WW counts at most 12 months.
    app.login(SUPPLIER).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "X1"),
                ("group", "ww"),
                ("hours_per_week", "36"),
                ("start", "2025-03-01"),
                ("end", "2026-12-31"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    // Twelve months count (to 28 February 2026), and of those only January and February 2026 lie inside the
    // contract: € 10.000 × 2/12 = € 1.666,67.
    assert!(page.body.contains("telt hoogstens 12 maanden"), "{}", page.body);
    assert!(page.body.contains("telt alleen binnen de contractperiode: van 1-1-2026 tot en met 28-2-2026"));
    assert!(page.body.contains("€ 10.000,00 per voltijd-arbeidsjaar × 36/36 uur × 2/12 maanden = € 1.666,67"));
}

async fn each_party_sees_its_own(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let coordinator = app.org_id("wsp-voorbeeldstad").await;
    // Another supplier with its own login.
    let actor = Actor::system("test", app.state.clock.now());
    let mut tx = app.state.db.begin().await.expect("begin");
    let fields = orgs::OrgFields {
        code: OrgCode::parse("ander-bouw").expect("code"),
        name: Name::parse("Ander Bouw").expect("name"),
        kind: OrgKind::Supplier,
    };
    let other = orgs::create(&mut tx, &actor, &fields).await.expect("org");
    let hash = volkshuis_accounts::password::hash(common::PASSWORD.to_owned()).await.expect("hash");
    let new = users::NewUser {
        email: Email::parse("sroi@anderbouw.test").expect("email"),
        name: Name::parse("Ander").expect("name"),
        password_hash: hash,
        is_platform_admin: false,
    };
    let user = users::create(&mut tx, &actor, &new).await.expect("user");
    users::set_membership(&mut tx, &actor, user.id, other.id, Role::Staff).await.expect("member");
    tx.commit().await.expect("commit");

    app.login(SUPPLIER).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "VD-9"),
                ("person_name", "Geheime Naam"),
                ("group", "participatiewet"),
                ("hours_per_week", "36"),
                ("start", "2026-01-01"),
                ("end", "2026-03-31"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    // The supplier cannot decide.
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    assert!(!page.body.contains("/besluit"), "no decision forms for the supplier");
    assert_eq!(
        app.post(&format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen/1/besluit"), &[("decision", "approve")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/orgs/{supplier}/sr/tabellen")).await.status,
        StatusCode::NOT_FOUND,
        "suppliers keep no tables"
    );

    // Another supplier: the contract does not exist for it, and Van Dijk's organisation is closed to it.
    app.login("sroi@anderbouw.test").await;
    assert_eq!(app.get(&format!("/orgs/{}/sr/contracten/{id}", other.id)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await.status, StatusCode::FORBIDDEN);
    assert!(!app.get(&format!("/orgs/{}/sr", other.id)).await.body.contains("Renovatie De Linde"));

    // The coordinator sees the name (and the read is audited); the buyer does not.
    app.login(COORDINATOR).await;
    let page = app.get(&format!("/orgs/{coordinator}/sr/contracten/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Geheime Naam"));
    let reads: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity = 'sr_candidate_names' AND personal_data = 1",
    )
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert_eq!(reads, 2, "the supplier's view and the coordinator's, each logged");
    // Names are for the parties' own editing members: the platform's operator sees the contract, not who works on it.
    app.login("beheer@volkshuis.test").await;
    for org in [supplier, coordinator] {
        let page = app.get(&format!("/orgs/{org}/sr/contracten/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("Geheime Naam"), "platform administrator at {org}");
    }
    let after: i64 = sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'sr_candidate_names'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(after, reads, "nothing read, nothing logged");
    assert_eq!(
        app.post(&format!("/orgs/{coordinator}/sr/contracten/{id}/bijdragen/1/besluit"), &[("decision", "approve")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    app.login(BUYER).await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(!page.body.contains("Geheime Naam"));
    let resp = app
        .post_multipart(
            &format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen"),
            &[("kind", "other"), ("description", "x"), ("hours", "1"), ("date", "2026-01-01")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN, "the buyer does not report");
    // A tenant organisation has no social return; a read-only member of the buyer cannot register contracts.
    app.login("bestuur@desleutel.test").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    assert_eq!(app.get(&format!("/orgs/{tenant}/sr")).await.status, StatusCode::NOT_FOUND);
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/orgs/{buyer}/sr/contracten/nieuw")).await.status, StatusCode::FORBIDDEN);
}

async fn bad_contributions_come_back_with_what_was_typed(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login(SUPPLIER).await;
    let path = format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen");
    let resp = app
        .post_multipart(
            &path,
            &[
                ("kind", "placement"),
                ("person", "123456782"),
                ("group", "participatiewet"),
                ("hours_per_week", "veel"),
                ("start", "2026-02-30"),
                ("end", "2026-06-30"),
            ],
            &[("loonstrook.exe", b"MZ")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("value=\"123456782\"") && resp.body.contains("value=\"veel\""), "typed values kept");
    assert!(
        resp.body.contains("Vul een heel getal in van 1 tot en met 60.")
            && resp.body.contains("Deze datum bestaat niet")
    );
    assert!(resp.body.contains("loonstrook.exe: alleen PDF- en Office-bestanden"));
    // Work with a person is reported once it has begun (today is 25 November 2026): a placement from next year was
    // valued and could be approved; so could an apprenticeship.
    for kind in ["placement", "apprenticeship", "work_experience"] {
        let fields = [
            ("kind", kind),
            ("person", "S-2"),
            ("group", "participatiewet"),
            ("training", "bbl"),
            ("hours_per_week", "36"),
            ("start", "2027-01-01"),
            ("end", "2027-06-30"),
        ];
        let resp = app.post_multipart(&path, &fields, &[]).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind}");
        assert!(resp.body.contains("Meld dit als het begonnen is: de begindatum ligt na vandaag."), "{kind}");
    }
    // A target group the table does not value.
    let resp = app
        .post_multipart(
            &path,
            &[
                ("kind", "placement"),
                ("person", "S-1"),
                ("group", "statushouder"),
                ("hours_per_week", "36"),
                ("start", "2026-01-01"),
                ("end", "2026-06-30"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("de waarderingstabel kent geen waarde voor doelgroep „Statushouder”"), "{}", resp.body);
    let count: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM sr_contributions").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(count, 0, "nothing written");
}

async fn candidate_names_are_deleted_after_the_contract(mut app: TestApp) {
    app.restart(Config { candidate_names_days: 30, ..Config::default() });
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login(SUPPLIER).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "work_experience"),
                ("person", "W-1"),
                ("person_name", "Tijdelijke Naam"),
                ("start", "2026-01-01"),
                ("end", "2026-03-31"),
            ],
            &[],
        )
        .await;
    // Utrecht's example has no work-experience value: refused. Oost-Nederland has.
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "W-1"),
                ("person_name", "Tijdelijke Naam"),
                ("group", "ww"),
                ("hours_per_week", "20"),
                ("start", "2026-01-01"),
                ("end", "2026-03-31"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let names = || async {
        sql::query_scalar::<i64>("SELECT COUNT(*) FROM sr_candidate_names")
            .fetch_one(&app.state.db)
            .await
            .expect("count")
    };
    assert_eq!(names().await, 1);
    // The contract ends 31 December 2026; 30 days later, and the next housekeeping run, the name is gone.
    app.state.clock.advance(Duration::days(36)); // 31 December 2026, 10:00.
    schedule_housekeeping(&app.state).await.expect("schedule");
    app.state.clock.advance(Duration::hours(1));
    run_due_jobs(&app.state).await.expect("run");
    assert_eq!(names().await, 1, "kept during the retention period");
    app.state.clock.advance(Duration::days(31));
    schedule_housekeeping(&app.state).await.expect("schedule");
    app.state.clock.advance(Duration::hours(1));
    run_due_jobs(&app.state).await.expect("run");
    assert_eq!(names().await, 0, "deleted after it");
    let contributions: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM sr_contributions").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(contributions, 1, "the contribution itself stays");
}

/// The buyer's stock: complexes C0042 and C0007.
async fn stock_with_two_complexes(app: &mut TestApp) {
    let buyer = app.org_id("woonstad").await;
    app.login(BUYER).await;
    let file = "idExtern;clusterCode;clusterNaam;soort;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode;\
                maatschappelijkLabel;nettohuur\r\n\
                V1;C0042;De Ark;WON;Kerkstraat;1;1011AA;Amsterdam;GM0363;DAE;650,00\r\n\
                V2;C0007;Het Anker;WON;Coolsingel;9;3011AD;Rotterdam;GM0599;DAE;700,00\r\n";
    let url = format!("/orgs/{buyer}/stock/import");
    let done = app.import_file(&url, &[("mode", "import")], "bezit.csv", file.as_bytes()).await;
    assert!(done.body.contains("2 eenheden: 2 nieuw"), "{}", done.body);
}

async fn own_tenants_are_counted_per_complex(mut app: TestApp) {
    stock_with_two_complexes(&mut app).await;
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let coordinator = app.org_id("wsp-voorbeeldstad").await;
    app.login(SUPPLIER).await;
    for person in ["T-1", "T-2", "T-3"] {
        let resp = app
            .post_multipart(
                &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
                &[
                    ("kind", "placement"),
                    ("person", person),
                    ("group", "ww"),
                    ("hours_per_week", "24"),
                    ("start", "2026-01-01"),
                    ("end", "2026-06-30"),
                ],
                &[],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
    }
    let ids: Vec<i64> =
        sql::query_scalar("SELECT id FROM sr_contributions ORDER BY id").fetch_all(&app.state.db).await.expect("ids");
    app.login(BUYER).await;
    let base = format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen");
    // T-1 marked while pending, then approved; T-2 approved, then marked; T-3 marked but rejected.
    let mark = |c: i64, cluster: &'static str| {
        (format!("{base}/{c}/huurder"), [("cluster", cluster), ("consent_on", "2026-01-05")])
    };
    let (path, form) = mark(ids[0], "C0042");
    assert_eq!(app.post(&path, &form).await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.post(&format!("{base}/{}/besluit", ids[0]), &[("decision", "approve"), ("confirmed", "yes")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(&format!("{base}/{}/besluit", ids[1]), &[("decision", "approve"), ("confirmed", "yes")]).await.status,
        StatusCode::SEE_OTHER
    );
    let (path, form) = mark(ids[1], "C0042");
    assert_eq!(app.post(&path, &form).await.status, StatusCode::SEE_OTHER);
    let (path, form) = mark(ids[2], "C0007");
    assert_eq!(app.post(&path, &form).await.status, StatusCode::SEE_OTHER);
    let reject = [("decision", "reject"), ("reason", "te kort"), ("confirmed", "yes")];
    let resp = app.post(&format!("{base}/{}/besluit", ids[2]), &reject).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    // A consent date in the future is refused, and one from before the contract was awarded (1 December 2025).
    for (day, message) in
        [("2030-01-01", "waarop de huurder toestemming gaf"), ("1901-01-01", "vanaf de gunning op 01-12-2025")]
    {
        let resp = app.post(&format!("{base}/{}/huurder", ids[0]), &[("cluster", "C0007"), ("consent_on", day)]).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(resp.body.contains(message), "{day}: {}", resp.main());
    }
    // A complex that is not in the buyer's stock is refused with a clear message.
    let resp =
        app.post(&format!("{base}/{}/huurder", ids[2]), &[("cluster", "C9999"), ("consent_on", "2026-01-05")]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Dit complex staat niet in uw bezit."), "{}", resp.body);
    let overview = app.get(&format!("/orgs/{buyer}/sr")).await;
    assert!(overview.body.contains("<li>De Ark (C0042): 2</li>"), "{}", overview.body);
    assert!(!overview.body.contains("C0007"), "a rejected placement creates no job");
    // A year's report counts the placements that ran in that year (January – June 2026), not every year's.
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2026")).await;
    assert!(report.body.contains("Eigen huurders aan het werk in 2026, per complex"), "{}", report.main());
    assert!(report.body.contains("<li>De Ark (C0042): 2</li>"), "{}", report.main());
    for year in [2025, 2027] {
        let report = app.get(&format!("/orgs/{buyer}/sr/jaar/{year}")).await;
        assert!(!report.body.contains("C0042"), "{year}: {}", report.main());
        assert!(report.body.contains(&format!("Geen plaatsingen van eigen huurders in {year}.")), "{}", report.main());
    }
    // The supplier never sees which placements are tenants; the coordinator does.
    app.login(SUPPLIER).await;
    assert!(!app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await.body.contains("C0042"));
    app.login(COORDINATOR).await;
    assert!(app.get(&format!("/orgs/{coordinator}/sr/contracten/{id}")).await.body.contains("Eigen huurder: C0042"));
    // Which placements are tenants, and where they live, is personal data: the coordinator's read is audited.
    let reads: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity = 'sr_tenant_marks' \
         AND personal_data = 1 AND org_id = $1",
    )
    .bind(coordinator)
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert_eq!(reads, 1);
    // A read-only member of the buyer and the platform's operator see the counts, not which placement is a tenant.
    let db = app.state.db.clone();
    let all =
        || sql::query_scalar::<i64>("SELECT COUNT(*) FROM audit_log WHERE entity = 'sr_tenant_marks'").fetch_one(&db);
    let before = all().await.expect("count");
    app.login("lezer@woonstad.test").await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Eigen huurder"), "read-only member");
    // Nor the exact count of a year: two placements in a complex could be told apart beside the contract's list.
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2026")).await;
    assert!(report.body.contains("<li>De Ark (C0042): minder dan 5</li>"), "{}", report.main());
    app.login("beheer@volkshuis.test").await;
    for org in [buyer, coordinator] {
        let page = app.get(&format!("/orgs/{org}/sr/contracten/{id}")).await;
        assert!(!page.body.contains("Eigen huurder") && !page.body.contains("/huurder\""), "{org}: no marks, no form");
    }
    // Nor may the operator write one (a mark is personal data).
    let (path, form) = mark(ids[2], "C0042");
    assert_eq!(app.post(&path, &form).await.status, StatusCode::FORBIDDEN);
    assert_eq!(all().await.expect("count"), before, "none read, none logged");
}

async fn reminders_follow_the_reporting_periods(mut app: TestApp) {
    // Quarterly, 1 January – 31 December 2026; today is 25 November: the last period ends on 31 December.
    contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let mails = |app: &TestApp| {
        let db = app.state.db.clone();
        async move { volkshuis_store::outbox::list(&db, 100).await.expect("outbox") }
    };
    run_due_jobs(&app.state).await.expect("run");
    // The supplier and coordinator heard of the new contract; no reminder is due yet.
    let reminder = |m: &volkshuis_store::outbox::Message| {
        m.subject.starts_with("Rapporteer social return") || m.subject.starts_with("Social return niet voldaan")
    };
    assert!(!mails(&app).await.iter().any(reminder), "nothing due yet");
    app.state.clock.advance(Duration::days(37)); // 1 January 2027, 10:00.
    run_due_jobs(&app.state).await.expect("run");
    run_due_jobs(&app.state).await.expect("run again");
    let sent = mails(&app).await;
    let report: Vec<&str> = sent
        .iter()
        .filter(|m| m.subject == "Rapporteer social return: Renovatie De Linde")
        .map(|m| m.to_address.as_str())
        .collect();
    assert_eq!(report, [SUPPLIER], "the supplier is asked to report, once");
    let ended: Vec<&str> = sent
        .iter()
        .filter(|m| m.subject == "Social return niet voldaan: Renovatie De Linde")
        .map(|m| m.to_address.as_str())
        .collect();
    assert!(ended.contains(&BUYER) && ended.len() == 2, "the buyer's staff and admin: {ended:?}");
    assert!(sent.iter().any(|m| m.body.contains("€ 120.000,00")), "what is still owed");
}

async fn an_english_user_reads_the_calculation_in_english(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login(SUPPLIER).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "VD-001"),
                ("group", "participatiewet"),
                ("hours_per_week", "24"),
                ("start", "2026-01-01"),
                ("end", "2026-06-30"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let path = format!("/orgs/{supplier}/sr/contracten/{id}");
    let dutch = app.get(&path).await;
    assert!(dutch.body.contains("€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 6/12 maanden = € 13.333,33"));
    assert!(dutch.body.contains("24 u/w"), "{}", dutch.body);

    app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    let english = app.get(&path).await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(english.body.contains("<html lang=\"en\">"));
    assert!(
        english.body.contains("€ 40.000,00 per full-time work year × 24/36 hours × 6/12 months = € 13.333,33"),
        "{}",
        english.body
    );
    assert!(english.body.contains("24 h/wk") && !english.body.contains("voltijd-arbeidsjaar"), "{}", english.body);

    // A contribution stored before the lines were typed holds Dutch text lines: they are shown as they were.
    let old = r#"["€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 181/365 dagen = € 13.223,74"]"#;
    sql::query("UPDATE sr_contributions SET lines = $1 WHERE contract_id = $2")
        .bind(old)
        .bind(id)
        .execute(&app.state.db)
        .await
        .expect("old lines");
    let legacy = app.get(&path).await;
    assert_eq!(legacy.status, StatusCode::OK);
    assert!(legacy.body.contains("€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 181/365 dagen = € 13.223,74"));

    // A contribution the table cannot value is refused in English too.
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "VD-002"),
                ("group", "statushouder"),
                ("hours_per_week", "24"),
                ("start", "2026-01-01"),
                ("end", "2026-06-30"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.body.contains("the valuation table has no value for target group “Refugee with residence permit”"),
        "{}",
        resp.body
    );
}

/// A contract form with `coordinator` as coordinator, posted by whoever is logged in.
async fn post_contract_with(app: &mut TestApp, buyer: i64, coordinator: &str) -> common::Resp {
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    app.post(
        &format!("/orgs/{buyer}/sr/contracten/nieuw"),
        &[
            ("supplier_id", &supplier),
            ("coordinator_id", coordinator),
            // A title of its own per coordinator: the same contract is not recorded twice.
            ("title", &format!("Onderhoud Het Anker {coordinator}")),
            ("value", "400.000,00"),
            ("awarded_on", "2025-12-01"),
            ("starts_on", "2026-01-01"),
            ("ends_on", "2026-12-31"),
            ("cadence", "quarterly"),
        ],
    )
    .await
}

async fn only_a_coordinator_the_buyer_works_with_can_be_named(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let wsp = app.org_id("wsp-voorbeeldstad").await;
    let wijkteam = app.org_id("wijkteam-centrum").await;
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let tenants = app.org_id("hv-de-sleutel").await;
    // Another corporation, which must not read Woonstad's candidates.
    let actor = Actor::system("test", app.state.clock.now());
    let mut tx = app.state.db.begin().await.expect("begin");
    let fields = orgs::OrgFields {
        code: OrgCode::parse("andere-corporatie").expect("code"),
        name: Name::parse("Andere Corporatie").expect("name"),
        kind: OrgKind::Corporation,
    };
    let corporation = orgs::create(&mut tx, &actor, &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    app.login(BUYER).await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);

    // The form offers exactly the organisations the buyer works with as coordinator (the demo: the WSP).
    let form = app.get(&format!("/orgs/{buyer}/sr/contracten/nieuw")).await;
    let select = form.body.split("<select id=\"coordinator_id\"").nth(1).expect("coordinator select");
    let select = select.split("</select>").next().expect("end of select");
    let offered: Vec<&str> = select.match_indices("<option value=\"").map(|(at, m)| &select[at + m.len()..]).collect();
    let offered: Vec<&str> = offered.iter().filter_map(|o| o.split('"').next()).filter(|v| !v.is_empty()).collect();
    assert_eq!(offered, [wsp.to_string()], "{select}");

    // A competing supplier, another corporation, a tenant organisation, the buyer itself, a partner or municipality it
    // does not work with, an id that does not exist, and no number at all: a clear 422 naming the field, input kept.
    for bad in [supplier, corporation, tenants, buyer, wijkteam, municipality, 999_999]
        .map(|id| id.to_string())
        .into_iter()
        .chain(["veel".to_owned()])
    {
        let resp = post_contract_with(&mut app, buyer, &bad).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "coordinator {bad}: {}", resp.body);
        assert!(resp.body.contains("Kies een coördinator waarmee uw organisatie werkt"), "coordinator {bad}");
        assert!(resp.body.contains(&format!("value=\"Onderhoud Het Anker {bad}\"")), "typed values kept");
    }
    let db = app.state.db.clone();
    let contracts =
        || async { sql::query_scalar::<i64>("SELECT COUNT(*) FROM sr_contracts").fetch_one(&db).await.expect("count") };
    assert_eq!(contracts().await, 0, "nothing written");

    // Staff may register contracts with the buyer's coordinator, but not add a coordinator; read-only members neither.
    app.login("medewerker@woonstad.test").await;
    assert_eq!(post_contract_with(&mut app, buyer, &wsp.to_string()).await.status, StatusCode::SEE_OTHER);
    let add = format!("/orgs/{buyer}/sr/coordinatoren");
    assert_eq!(app.post(&add, &[("coordinator_id", &wijkteam.to_string())]).await.status, StatusCode::FORBIDDEN);
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&add).await.status, StatusCode::OK);
    assert_eq!(app.post(&add, &[("coordinator_id", &wijkteam.to_string())]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(post_contract_with(&mut app, buyer, "").await.status, StatusCode::FORBIDDEN);
    // The supplier and the coordinator have no coordinators to keep.
    app.login(SUPPLIER).await;
    assert_eq!(app.get(&format!("/orgs/{supplier}/sr/coordinatoren")).await.status, StatusCode::NOT_FOUND);
    app.login(COORDINATOR).await;
    assert_eq!(app.get(&format!("/orgs/{wsp}/sr/coordinatoren")).await.status, StatusCode::NOT_FOUND);

    // The administrator adds only a partner or a municipality.
    app.login(BUYER).await;
    for bad in [supplier, corporation, tenants, buyer, 999_999] {
        let resp = app.post(&add, &[("coordinator_id", &bad.to_string())]).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(resp.body.contains("Kies een partnerorganisatie of gemeente"), "{bad}");
    }
    assert_eq!(app.post(&add, &[("coordinator_id", &wijkteam.to_string())]).await.status, StatusCode::SEE_OTHER);
    assert!(app.get(&add).await.body.contains("<li>Wijkteam Centrum</li>"));
    let added: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'add_coordinator' AND org_id = $1 AND entity_id = $2",
    )
    .bind(buyer)
    .bind(wijkteam.to_string())
    .fetch_one(&app.state.db)
    .await
    .expect("count");
    assert_eq!(added, 1, "the addition is audited");
    let resp = post_contract_with(&mut app, buyer, &wijkteam.to_string()).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    assert_eq!(contracts().await, 2);
}

/// The supplier reports a contribution; returns the response.
async fn report_placement(app: &mut TestApp, id: i64, person: &str, start: &str, end: &str) -> common::Resp {
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login(SUPPLIER).await;
    app.post_multipart(
        &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
        &[
            ("kind", "placement"),
            ("person", person),
            ("group", "participatiewet"),
            ("hours_per_week", "36"),
            ("start", start),
            ("end", end),
        ],
        &[],
    )
    .await
}

async fn work_outside_the_contract_is_refused_or_cut_and_split_by_year(mut app: TestApp) {
    // The contract runs from 1 January 2026 to 31 December 2027.
    let id = contract(&mut app, "utrecht", "2025-12-01", "2027-12-31").await;
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    // A placement of 2020: refused with the reason, what was typed kept, nothing written.
    let resp = report_placement(&mut app, id, "OUD-1", "2020-01-01", "2020-12-31").await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.body.contains("de bijdrage valt helemaal buiten de contractperiode (1-1-2026 tot en met 31-12-2027)"),
        "{}",
        resp.body
    );
    assert!(resp.body.contains("value=\"OUD-1\"") && resp.body.contains("value=\"2020-01-01\""));
    let count: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM sr_contributions").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(count, 0);
    // October 2026 – March 2028, full time: only October 2026 – December 2027 counts, 15 months: € 50.000, of which
    // € 10.000 in 2026 and € 40.000 in 2027 (not € 60.000, booked in 2026).
    let resp = report_placement(&mut app, id, "LANG-1", "2026-10-01", "2028-03-31").await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    assert!(page.body.contains(
        "telt alleen binnen de contractperiode: van 1-10-2026 tot en met 31-12-2027 (gemeld: 1-10-2026 tot en met 31-3-2028)"
    ));
    assert!(page.body.contains("× 36/36 uur × 15/12 maanden = € 50.000,00"), "{}", page.body);
    let cid = id_in(resp.location());
    let _ = cid; // the redirect names the contract; the contribution is the only one
    let contribution: i64 =
        sql::query_scalar("SELECT id FROM sr_contributions").fetch_one(&app.state.db).await.expect("id");
    app.login(BUYER).await;
    let decide = format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen/{contribution}/besluit");
    let approve = [("decision", "approve"), ("confirmed", "yes")];
    assert_eq!(app.post(&decide, &approve).await.status, StatusCode::SEE_OTHER);
    // The yearly report and the chart by year split it by its months.
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2026")).await;
    assert!(report.body.contains("€ 10.000,00") && !report.body.contains("€ 50.000,00"), "{}", report.body);
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2027")).await;
    assert!(report.body.contains("€ 40.000,00"), "{}", report.body);
    let overview = app.get(&format!("/orgs/{buyer}/sr")).await;
    assert!(overview.body.contains("2026 — € 10.000,00") && overview.body.contains("2027 — € 40.000,00"));
    // In English too.
    app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(page
        .body
        .contains("counts only within the contract period: from 1-10-2026 up to and including 31-12-2027"));
}

async fn stored_contributions_are_revalued_with_a_trail(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let buyer = app.org_id("woonstad").await;
    for person in ["HALF-1", "OUD-1"] {
        let resp = report_placement(&mut app, id, person, "2026-01-01", "2026-06-30").await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
    }
    let ids: Vec<i64> =
        sql::query_scalar("SELECT id FROM sr_contributions ORDER BY id").fetch_all(&app.state.db).await.expect("ids");
    app.login(BUYER).await;
    for c in &ids {
        let path = format!("/orgs/{buyer}/sr/contracten/{id}/bijdragen/{c}/besluit");
        let approve = [("decision", "approve"), ("confirmed", "yes")];
        assert_eq!(app.post(&path, &approve).await.status, StatusCode::SEE_OTHER);
    }
    // As the rules before stored them: January – June 2026 by days (181/365: € 40.000 × 24/36 … here full time,
    // € 19.835,62), and a placement of 2020 accepted and valued in full (€ 40.000), both in the sums and totals.
    let db = app.state.db.clone();
    let run = |q: &'static str, binds: Vec<i64>| {
        let db = db.clone();
        async move {
            let mut query = sql::query(q);
            for b in binds {
                query = query.bind(b);
            }
            query.execute(&db).await.expect(q);
        }
    };
    let old_line =
        r#"[{"placement":{"rate":4000000,"long_term":false,"hours":36,"full":36,"days":181,"value":1983562}}]"#;
    sql::query("UPDATE sr_contributions SET value_cents = 1983562, lines = $1, valuation_version = 1 WHERE id = $2")
        .bind(old_line)
        .bind(ids[0])
        .execute(&db)
        .await
        .expect("old half year");
    // The second one as a placement of 2020.
    let body: String = sql::query_scalar("SELECT body FROM sr_contributions WHERE id = $1")
        .bind(ids[1])
        .fetch_one(&db)
        .await
        .expect("body");
    let mut placement: Contribution = serde_json::from_str(&body).expect("a contribution");
    if let Contribution::Placement { start, end, .. } = &mut placement {
        (*start, *end) = (time::macros::date!(2020 - 01 - 01), time::macros::date!(2020 - 12 - 31));
    }
    let old_body = serde_json::to_string(&placement).expect("json");
    sql::query("UPDATE sr_contributions SET body = $1, value_cents = 4000000, year = 2020, lines = '[]', valuation_version = 1 WHERE id = $2")
        .bind(old_body)
        .bind(ids[1])
        .execute(&db)
        .await
        .expect("old 2020");
    run("DELETE FROM sr_contribution_years", vec![]).await;
    run("DELETE FROM sr_totals", vec![]).await;
    run("UPDATE sr_contracts SET approved_cents = 5983562, pending_cents = 0 WHERE id = $1", vec![id]).await;
    sql::query(
        "INSERT INTO sr_totals (buyer_id, supplier_id, year, target_group, kind, approved_cents, approved_count) \
         VALUES ($1, $2, 2026, 'participatiewet', 'placement', 1983562, 1), ($1, $2, 2020, 'participatiewet', 'placement', 4000000, 1)",
    )
    .bind(buyer)
    .bind(app.org_id("bouwbedrijf-van-dijk").await)
    .execute(&db)
    .await
    .expect("old totals");

    // The re-valuation at start-up: six whole months are half the year value, the 2020 placement counts nothing.
    let actor = Actor::system("test", app.state.clock.now());
    let done = volkshuis_store::socialreturn::revalue_stored(&db, &actor).await.expect("revalue");
    assert_eq!((done.revalued, done.changed), (2, 2));
    assert_eq!(done.delta.cents(), (2_000_000 - 1_983_562) + (0 - 4_000_000));
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("× 36/36 uur × 6/12 maanden = € 20.000,00"), "{}", page.body);
    assert!(page.body.contains("valt buiten de contractperiode (1-1-2026 tot en met 31-12-2026): telt niet"));
    // The trail: old value → new value and why.
    assert!(
        page.body
            .contains(&format!("Bijdrage {}: € 19.835,62 → € 20.000,00; opnieuw berekend per kalendermaand", ids[0])),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("Bijdrage {}: € 40.000,00 → € 0,00", ids[1])));
    // Sums and yearly totals follow: € 20.000 approved, nothing in 2020.
    let approved: i64 = sql::query_scalar("SELECT approved_cents FROM sr_contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .expect("sum");
    assert_eq!(approved, 2_000_000);
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2020")).await;
    assert!(!report.body.contains("€ 40.000,00"), "{}", report.body);
    let report = app.get(&format!("/orgs/{buyer}/sr/jaar/2026")).await;
    assert!(report.body.contains("€ 20.000,00"), "{}", report.body);
    let audited: i64 = sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'revalue' AND org_id = $1")
        .bind(buyer)
        .fetch_one(&db)
        .await
        .expect("count");
    assert_eq!(audited, 2);
    // A second start finds nothing to do.
    let again = volkshuis_store::socialreturn::revalue_stored(&db, &actor).await.expect("revalue again");
    assert_eq!(again.revalued, 0);
}

/// A WW placement from 29 February 2028 under Oost-Nederland (at most 12 months) stored as the rules before version 3
/// valued it (to 27 February 2029: € 9.998,97) is valued again at start-up: through 28 February 2029, € 10.028,74
/// (€ 10.000 / 12 × (12 + 1/29)), with the reason in the trail.
async fn a_cap_from_29_february_stored_a_day_short_is_revalued(mut app: TestApp) {
    // Awarded in 2024, when Oost-Nederland (from 2023) is the table and Utrecht's (from 2025) is not yet.
    let id = contract(&mut app, "oost", "2024-06-01", "2030-12-31").await;
    let (buyer, supplier) = (app.org_id("woonstad").await, app.org_id("bouwbedrijf-van-dijk").await);
    // Reported once it has begun: in 2029.
    app.state.clock.advance(time::Duration::days(3 * 365));
    app.login(SUPPLIER).await;
    let fields = [
        ("kind", "placement"),
        ("person", "WW-29"),
        ("group", "ww"),
        ("hours_per_week", "36"),
        ("start", "2028-02-29"),
        ("end", "2029-12-31"),
    ];
    let resp = app.post_multipart(&format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"), &fields, &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let db = app.state.db.clone();
    let contribution: i64 = sql::query_scalar("SELECT id FROM sr_contributions WHERE contract_id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .expect("id");
    sql::query("UPDATE sr_contributions SET value_cents = 999897, valuation_version = 2 WHERE id = $1")
        .bind(contribution)
        .execute(&db)
        .await
        .expect("as version 2 stored it");
    let actor = Actor::system("test", app.state.clock.now());
    let done = volkshuis_store::socialreturn::revalue_stored(&db, &actor).await.expect("revalue");
    assert_eq!((done.revalued, done.changed, done.delta.cents()), (1, 1, 1_002_874 - 999_897));
    app.login(BUYER).await;
    let page = app.get(&format!("/orgs/{buyer}/sr/contracten/{id}")).await;
    assert!(page.body.contains("Voorbeeld: bouwblokken Oost-Nederland 2023"));
    assert!(page.body.contains("van 29-2-2028 tot en met 28-2-2029"), "{}", page.body);
    let trail = format!(
        "Bijdrage {contribution}: € 9.998,97 → € 10.028,74; opnieuw berekend: een telling van hoogstens zoveel maanden"
    );
    assert!(page.body.contains(&trail), "{}", page.body);
    let pending: i64 = sql::query_scalar("SELECT pending_cents FROM sr_contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .expect("sum");
    assert_eq!(pending, 1_002_874);

    // Had the contract been settled, its figures would stand as settled: value and version are kept, and reopened,
    // the contract is valued again at the next start.
    sql::query("UPDATE sr_contributions SET value_cents = 999897, valuation_version = 2 WHERE id = $1")
        .bind(contribution)
        .execute(&db)
        .await
        .expect("as version 2 stored it");
    sql::query("UPDATE sr_contracts SET settled_on = '2030-12-31' WHERE id = $1")
        .bind(id)
        .execute(&db)
        .await
        .expect("settled");
    let done = volkshuis_store::socialreturn::revalue_stored(&db, &actor).await.expect("revalue");
    assert_eq!((done.revalued, done.changed, done.settled_kept), (0, 0, 1));
    let stored = |db: volkshuis_store::Db| async move {
        let row: (i64, i64) =
            sql::query_as("SELECT value_cents, valuation_version FROM sr_contributions WHERE id = $1")
                .bind(contribution)
                .fetch_one(&db)
                .await
                .expect("stored");
        row
    };
    assert_eq!(stored(db.clone()).await, (999_897, 2));
    let changes: i64 = sql::query_scalar("SELECT COUNT(*) FROM sr_value_changes WHERE contribution_id = $1")
        .bind(contribution)
        .fetch_one(&db)
        .await
        .expect("trail");
    assert_eq!(changes, 1, "no second line in the trail: nothing changed");
    sql::query("UPDATE sr_contracts SET settled_on = NULL WHERE id = $1")
        .bind(id)
        .execute(&db)
        .await
        .expect("reopened");
    let done = volkshuis_store::socialreturn::revalue_stored(&db, &actor).await.expect("revalue");
    assert_eq!((done.revalued, done.changed, done.settled_kept), (1, 1, 0));
    assert_eq!(stored(db.clone()).await, (1_002_874, volkshuis_store::socialreturn::VALUATION_VERSION));
}

/// A title that a spreadsheet would run as a formula is written to the CSV export as text (issue 17).
async fn formulas_in_the_export_stay_text(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    app.login(BUYER).await;
    app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    let hostile = "=HYPERLINK(\"http://evil.example\";\"klik\")";
    let resp = app
        .post(
            &format!("/orgs/{buyer}/sr/contracten/nieuw"),
            &[
                ("supplier_id", &supplier),
                ("title", hostile),
                ("value", "400.000,00"),
                ("awarded_on", "2025-12-01"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2026-12-31"),
                ("cadence", "quarterly"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let csv = app.get(&format!("/orgs/{buyer}/sr/export.csv")).await;
    assert!(
        csv.body.contains(r#";"'=HYPERLINK(""http://evil.example"";""klik"")";Bouwbedrijf Van Dijk;400000,00;"#),
        "{}",
        csv.body
    );
}

/// Downloading an evidence file (personal data) is written to the audit log: who, which file, which contract.
async fn evidence_downloads_are_audited(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    let coordinator = app.org_id("wsp-voorbeeldstad").await;
    app.login(SUPPLIER).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen"),
            &[
                ("kind", "placement"),
                ("person", "VD-7"),
                ("group", "participatiewet"),
                ("hours_per_week", "36"),
                ("start", "2026-01-01"),
                ("end", "2026-03-31"),
            ],
            &[("loonstrook.pdf", b"%PDF-1.4 loonstrook")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let file: i64 = sql::query_scalar("SELECT id FROM sr_evidence").fetch_one(&app.state.db).await.expect("file");
    let audit_db = app.state.db.clone();
    let entries = |org: i64| {
        let db = audit_db.clone();
        async move {
            sql::query_scalar::<String>(
                "SELECT actor_label || '|' || COALESCE(after_json, '') FROM audit_log \
                 WHERE action = 'read_personal' AND entity = 'sr_evidence' AND personal_data = 1 AND org_id = $1 \
                 AND entity_id = $2",
            )
            .bind(org)
            .bind(file.to_string())
            .fetch_all(&db)
            .await
            .expect("audit")
        }
    };
    for (email, org) in [(COORDINATOR, coordinator), (BUYER, buyer), (SUPPLIER, supplier)] {
        app.login(email).await;
        let download = app.get(&format!("/orgs/{org}/sr/contracten/{id}/bewijs/{file}")).await;
        assert_eq!(download.status, StatusCode::OK, "{email}");
        assert!(download.body.contains("%PDF-1.4 loonstrook"));
        let logged = entries(org).await;
        assert_eq!(logged.len(), 1, "{email}: {logged:?}");
        // The file by its id (the entry's), never by its name: a supplier names a payslip after the candidate, and
        // the log is kept for good.
        assert!(logged[0].contains(&format!("\"contract_id\":{id}")), "{}", logged[0]);
        assert!(!logged[0].contains("loonstrook"), "{}", logged[0]);
    }
    // Evidence is about persons: a read-only member and the platform's operator get none, and nothing is logged.
    for (email, org) in [("lezer@woonstad.test", buyer), ("beheer@volkshuis.test", supplier)] {
        app.login(email).await;
        let page = app.get(&format!("/orgs/{org}/sr/contracten/{id}")).await;
        assert!(!page.body.contains("loonstrook.pdf"), "{email}: the file is not listed");
        let denied = app.get(&format!("/orgs/{org}/sr/contracten/{id}/bewijs/{file}")).await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN, "{email}");
        assert_eq!(entries(org).await.len(), 1, "{email}: only the member's earlier download");
    }
    // Someone the contract is not open to gets nothing, and nothing is logged for them.
    app.login("beleid@voorbeeldstad.test").await;
    let municipality = app.org_id("gm-voorbeeldstad").await;
    let denied = app.get(&format!("/orgs/{municipality}/sr/contracten/{id}/bewijs/{file}")).await;
    assert_eq!(denied.status, StatusCode::NOT_FOUND);
    assert!(entries(municipality).await.is_empty());
}

/// A contract registered twice from one form counted twice in every total (a contract cannot be deleted); an award
/// after the start, an obligation above the value and both kinds of obligation were taken.
async fn a_contract_form_sent_twice_registers_once_and_checks_its_figures(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await.to_string();
    app.login(BUYER).await;
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let form = app.get(&format!("/orgs/{buyer}/sr/contracten/nieuw")).await;
    let token =
        form.body.split(r#"name="form_token" value=""#).nth(1).and_then(|r| r.split('"').next()).expect("token");
    assert_eq!(token.len(), 32, "a token made when the form was shown");
    let path = format!("/orgs/{buyer}/sr/contracten/nieuw");
    let base = [
        ("supplier_id", supplier.as_str()),
        ("title", "Dubbel verstuurd"),
        ("value", "100000"),
        ("awarded_on", "2026-01-15"),
        ("starts_on", "2026-02-01"),
        ("ends_on", "2026-12-31"),
        ("obligation_percent", "5"),
        ("obligation_fixed", ""),
        ("cadence", "quarterly"),
        ("form_token", token),
    ];
    let with = |changes: &[(&'static str, &'static str)]| {
        let mut fields = base.to_vec();
        for (name, value) in changes {
            fields.iter_mut().filter(|(n, _)| n == name).for_each(|(_, v)| *v = value);
        }
        fields
    };
    for (changes, field, message) in [
        (vec![("awarded_on", "2026-06-01")], "awarded_on", "de gunningsdatum ligt niet na de begindatum"),
        (vec![("obligation_fixed", "500000"), ("obligation_percent", "")], "obligation_fixed", "hoger dan de waarde"),
        (vec![("obligation_fixed", "5000")], "obligation_percent", "niet allebei"),
    ] {
        let refused = app.post(&path, &with(&changes)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(refused.body.contains(message) && refused.body.contains("Dubbel verstuurd"), "{}", refused.main());
        assert!(refused.body.contains(&format!(r#"id="{field}-error""#)), "at its field: {}", refused.main());
    }
    let first = app.post(&path, &base).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.main());
    let second = app.post(&path, &base).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    assert_eq!(second.location(), first.location(), "the second leads to the first");
    // The form brought back and changed into another contract: back as typed with a new token, nothing lost.
    let other = with(&[("title", "Ander contract")]);
    let changed = app.post(&path, &other).await;
    assert_eq!(changed.status, StatusCode::CONFLICT);
    assert!(changed.body.contains("al een ander contract vastgelegd") && changed.body.contains("Ander contract"));
    assert!(!changed.body.contains(&format!(r#"value="{token}""#)), "a new token");
    // The browser's Back brings the form again with a new token: the same contract is said to exist, not made twice.
    let mut again = base.to_vec();
    again.retain(|(name, _)| *name != "form_token");
    again.push(("form_token", "0123456789abcdef0123456789abcdef"));
    let back = app.post(&path, &again).await;
    assert_eq!(back.status, StatusCode::CONFLICT);
    assert!(back.body.contains("Dit contract staat al in uw lijst met contracten"), "{}", back.main());
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM sr_contracts WHERE title = 'Dubbel verstuurd'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(n, 1);
}

/// One form sent twice (a double click, a second tab) reports once: the second is rolled back and told, with an
/// empty form (two contributions were stored, and the pending value counted twice).
async fn one_form_sent_twice_reports_once(mut app: TestApp) {
    let id = contract(&mut app, "utrecht", "2025-12-01", "2026-12-31").await;
    let supplier = app.org_id("bouwbedrijf-van-dijk").await;
    app.login(SUPPLIER).await;
    let path = format!("/orgs/{supplier}/sr/contracten/{id}/bijdragen");
    let db = app.state.db.clone();
    let contributions = || {
        let db = db.clone();
        async move { sql::query_scalar::<i64>("SELECT COUNT(*) FROM sr_contributions").fetch_one(&db).await.expect("n") }
    };
    let before = contributions().await;
    let twice = [
        ("kind", "purchase"),
        ("seller", "Drukkerij Samen"),
        ("certificate", "code_so"),
        ("invoice", "980,00"),
        ("date", "2026-03-02"),
        ("form_token", "0123456789abcdef0123456789abcdef"),
    ];
    assert_eq!(app.post_multipart(&path, &twice, &[]).await.status, StatusCode::SEE_OTHER);
    let second = app.post_multipart(&path, &twice, &[]).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(second.main().contains("Vanuit dit formulier is al een bijdrage gemeld"), "{}", second.main());
    // The form as typed (a form brought back and changed is no double click), with a new token: sent again, it is
    // a second contribution.
    assert!(second.body.contains("value=\"Drukkerij Samen\""), "{}", second.main());
    let needle = "name=\"form_token\" value=\"";
    let at = second.body.find(needle).expect("a token") + needle.len();
    let token = second.body[at..at + 32].to_owned();
    assert_ne!(token, "0123456789abcdef0123456789abcdef", "a new token");
    assert_eq!(contributions().await, before + 1, "stored and counted once");
    let page = app.get(&format!("/orgs/{supplier}/sr/contracten/{id}")).await;
    assert!(page.body.contains("€ 980,00 excl. btw × 100% = € 980,00"), "{}", page.main());
    assert_eq!(page.body.matches("Drukkerij Samen").count(), 1, "listed once: {}", page.main());
    let mut again = twice.to_vec();
    again.retain(|(k, _)| *k != "form_token");
    again.push(("form_token", &token));
    assert_eq!(app.post_multipart(&path, &again, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(contributions().await, before + 2, "a second one, knowingly");
}

/// A buyer without a valuation table (every corporation on its first day) is told before the contract form that it
/// needs one, with the way to the tables; once it has adopted one, the note is gone. The demo has suppliers, so that
/// note stays away; with none on the platform it says whom to ask.
async fn a_new_buyer_is_told_what_a_contract_needs_first(mut app: TestApp) {
    let buyer = app.org_id("woonstad").await;
    // A staff member cannot adopt a table: told who can (it read "start from an example", with nothing to press).
    app.login("medewerker@woonstad.test").await;
    let tables = app.get(&format!("/orgs/{buyer}/sr/tabellen")).await;
    assert!(tables.main().contains("Een beheerder van uw organisatie neemt er een over"), "{}", tables.main());
    assert!(!tables.main().contains("/sr/tabellen/voorbeeld"), "{}", tables.main());
    app.login(BUYER).await;
    let tables = app.get(&format!("/orgs/{buyer}/sr/tabellen")).await;
    assert!(tables.main().contains("Begin met een voorbeeld"), "{}", tables.main());
    let form = format!("/orgs/{buyer}/sr/contracten/nieuw");
    let page = app.get(&form).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("U heeft nog geen waarderingstabel"), "{}", page.main());
    assert!(page.body.contains(&format!("href=\"/orgs/{buyer}/sr/tabellen\"")));
    assert!(!page.body.contains("Er staat nog geen leverancier"), "the demo has suppliers");
    let resp = app.post(&format!("/orgs/{buyer}/sr/tabellen/voorbeeld"), &[("which", "utrecht")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let page = app.get(&form).await;
    assert!(!page.body.contains("Eerst nodig") && !page.body.contains("U heeft nog geen waarderingstabel"));
    // "350.000" is refused for what it is, not as if nothing was typed (a point before three digits may be cents).
    let resp = app.post(&form, &[("title", "Dakrenovatie"), ("value", "350.000")]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Dit bedrag is dubbelzinnig"), "{}", resp.main());
    assert!(resp.body.contains("value=\"350.000\"") && !resp.body.contains("Vul een bedrag in"), "{}", resp.main());
    sql::query("UPDATE organisations SET kind = 'corporation' WHERE kind = 'supplier'")
        .execute(&app.state.db)
        .await
        .expect("no suppliers left");
    let page = app.get(&form).await;
    assert!(page.body.contains("Er staat nog geen leverancier in Volkshuis."), "{}", page.main());
}
