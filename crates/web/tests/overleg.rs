//! Overleg through the real router on both databases: a request from the corporation, the organisation's answer,
//! the corporation's decision; bad input; two board members at once; who sees what; reminders with a moved clock.

mod common;

use axum::http::StatusCode;
use common::{Resp, TestApp};
use time::Duration;
use volkshuis_store::outbox;
use volkshuis_store::testdb::sql;
use volkshuis_web::run_due_jobs;

on_both_backends!(
    advice_request_runs_from_request_to_decision,
    bad_input_comes_back_with_what_was_typed,
    a_second_board_member_sees_the_first_answer,
    only_the_two_parties_see_a_case,
    reminders_are_sent_once_and_only_while_the_case_waits,
    year_overview_meetings_and_budget,
    an_english_user_reads_the_legal_rules_in_english,
    a_consent_is_never_preselected_and_is_confirmed_with_its_summary,
    an_answer_sent_by_mistake_is_corrected_within_a_day,
    withdrawing_an_answer_after_the_term_says_the_term_has_ended,
    an_advice_after_its_term_leaves_the_plan_free_and_owes_no_reply_term,
    a_view_is_answered_and_decided_without_a_date_of_execution,
    a_decision_is_chosen_and_confirmed_with_its_summary,
    a_request_names_only_complexes_in_the_stock,
    a_partnership_is_a_proposal_the_tenant_organisation_accepts,
    without_an_accepted_partner_the_request_page_says_what_comes_first
);

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const CORPORATION_ADMIN: &str = "admin@woonstad.test";
const BOARD: &str = "bestuur@desleutel.test";

/// The id in a redirect to a case page.
fn case_id(resp: &Resp) -> i64 {
    let location = resp.location().unwrap_or_else(|| panic!("no redirect: {} {}", resp.status, resp.body));
    let id = location.split('/').nth(4).and_then(|s| s.split('?').next()).expect("case id in the redirect");
    id.parse().unwrap_or_else(|_| panic!("not a case redirect: {location}"))
}

/// Woonstad's stock gets the complexes `codes` (the demo in these tests has no stock).
async fn plant_complexes(app: &TestApp, codes: &[&str]) {
    let corporation = app.org_id("woonstad").await;
    for code in codes {
        sql::query("INSERT INTO clusters (corporation_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(corporation)
            .bind(*code)
            .execute(&app.state.db)
            .await
            .expect("complex");
    }
}

/// The corporation sends an advice request received today (25 November 2026) to De Sleutel; returns its id.
async fn send_advice(app: &mut TestApp, title: &str) -> i64 {
    plant_complexes(app, &["C0001", "C0002"]).await;
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{corporation}/overleg/nieuw"),
            &[
                ("tenant_org_id", &tenant),
                ("kind", "advice"),
                ("subject", "maintenance"),
                ("title", title),
                ("explanation", "Wij willen de daken isoleren.\nGraag uw advies."),
                ("received_on", "25-11-2026"),
                ("agreed_weeks", ""),
                ("clusters", "C0001, C0002"),
            ],
            &[("plan van aanpak.pdf", PDF)],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    case_id(&resp)
}

async fn advice_request_runs_from_request_to_decision(mut app: TestApp) {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let id = send_advice(&mut app, "Isolatie daken De Linde").await;

    // The board got a mail at once, with the deadline: 6 weeks from 25 November 2026 is Wednesday 6 January 2027.
    let mails = outbox::list(&app.state.db, 50).await.expect("outbox");
    let new = mails.iter().find(|m| m.to_address == BOARD).expect("mail to the board");
    assert!(new.subject.contains("Isolatie daken De Linde"), "{}", new.subject);
    assert!(new.body.contains("06-01-2027"), "{}", new.body);

    // The organisation sees it first in "what awaits us", with the days left, and opens it.
    app.login(BOARD).await;
    let list = app.get(&format!("/orgs/{tenant}/overleg")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Isolatie daken De Linde") && list.body.contains("nog 42 dagen"), "{}", list.body);
    let page = app.get(&format!("/orgs/{tenant}/overleg/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("06-01-2027") && page.body.contains("6 weken na ontvangst (art. 5 Overlegwet)"));
    assert!(page.body.contains("plan van aanpak.pdf") && page.body.contains("C0001, C0002"));
    assert!(page.body.contains("Geopend door de organisatie"), "opening is in the trail");

    // The document downloads as an attachment with its bytes.
    let doc_link = page.body.split(&format!("/orgs/{tenant}/overleg/{id}/documenten/")).nth(1).expect("doc link");
    let doc_id: String = doc_link.chars().take_while(char::is_ascii_digit).collect();
    let doc = app.get(&format!("/orgs/{tenant}/overleg/{id}/documenten/{doc_id}")).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.body.as_bytes(), PDF);
    assert!(doc.headers["content-disposition"].to_str().expect("ascii").starts_with("attachment"));
    assert_eq!(doc.headers["content-type"], "application/pdf");

    // Internal discussion and a question to the corporation.
    let resp = app
        .post(&format!("/orgs/{tenant}/overleg/{id}/opmerkingen"), &[("text", "Intern: eerst bewoners horen")])
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let resp = app.post(&format!("/orgs/{tenant}/overleg/{id}/vragen"), &[("text", "Wat kost het per woning?")]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);

    // The corporation sees the question, not the internal comment, and answers the question.
    app.login(CORPORATION_ADMIN).await;
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(page.body.contains("Wat kost het per woning?"));
    assert!(!page.body.contains("eerst bewoners horen"), "internal comments stay internal");
    assert!(!page.body.contains("Interne opmerking"), "not even their existence shows in the trail");
    let question: String = page
        .body
        .split(&format!("/overleg/{id}/vragen/"))
        .nth(1)
        .expect("question form")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let resp = app
        .post(&format!("/orgs/{corporation}/overleg/{id}/vragen/{question}"), &[("text", "Ongeveer € 8.000.")])
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);

    // Ten days later the organisation advises. Not the platform administrator in its name: an answer with legal
    // effect is the organisation's own (ADR 0059) — no form on the page, a refusal when posted, nothing stored.
    app.state.clock.advance(Duration::days(10));
    app.login("beheer@volkshuis.test").await;
    let seen = app.get(&format!("/orgs/{tenant}/overleg/{id}")).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(!seen.body.contains(&format!("/overleg/{id}/antwoord\"")), "no answer form: {}", seen.main());
    assert!(!seen.body.contains("eerst bewoners horen"), "the tenant organisation's internal discussion is its own");
    let in_its_name = app
        .post_multipart(
            &format!("/orgs/{tenant}/overleg/{id}/antwoord"),
            &[("version", "1"), ("answer_kind", "consent"), ("answer_text", ""), ("confirmed", "yes")],
            &[],
        )
        .await;
    assert_eq!(in_its_name.status, StatusCode::FORBIDDEN);
    // Nor a question or a comment in its name; the page offers neither.
    assert!(!seen.body.contains(&format!("/overleg/{id}/vragen\"")) && !seen.body.contains("/opmerkingen\""));
    for step in ["vragen", "opmerkingen"] {
        let tried = app.post(&format!("/orgs/{tenant}/overleg/{id}/{step}"), &[("text", "namens de huurders")]).await;
        assert_eq!(tried.status, StatusCode::FORBIDDEN, "{step}");
    }
    app.login(BOARD).await;
    let page = app.get(&format!("/orgs/{tenant}/overleg/{id}")).await;
    assert!(page.body.contains("Ongeveer € 8.000."));
    let resp = app
        .post_multipart(
            &format!("/orgs/{tenant}/overleg/{id}/antwoord"),
            &[
                ("version", "1"),
                ("answer_kind", "advice"),
                ("answer_text", "Wij adviseren ook de vloeren te isoleren."),
                ("confirmed", "yes"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);

    // The corporation does not follow the advice: without reasons it is refused, keeping what was chosen.
    app.login(CORPORATION_ADMIN).await;
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    // Advice received 5 December 2026; 14 days is Saturday 19 December, so Monday 21 December.
    assert!(page.body.contains("21-12-2026"), "reply deadline shown");
    // The reply's text is kept in the tab as a draft, the decision beside it never (a draft's form keeps its other
    // fields only when it asks for it, and no form with an answer of legal effect does: ADR 0068).
    let decision_form = &page.body[page.body.find("/besluit\"").expect("the decision form")..];
    let decision_form = &decision_form[..decision_form.find("</form>").expect("its end")];
    assert!(decision_form.contains("data-draft id=\"reply_text\"") && decision_form.contains("name=\"decision\""));
    assert!(!page.body.contains("data-draft-fields"), "no form of the case asks its other fields kept");
    let path = format!("/orgs/{corporation}/overleg/{id}/besluit");
    let resp =
        app.post_multipart(&path, &[("version", "2"), ("decision", "not_followed"), ("reply_text", "")], &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("gemotiveerde reactie"), "{}", resp.body);
    assert!(resp.body.contains("value=\"not_followed\" selected"));
    let reply = "De vloeren zijn in 2019 al geïsoleerd.";
    let resp = app
        .post_multipart(
            &path,
            &[("version", "2"), ("decision", "not_followed"), ("reply_text", reply), ("confirmed", "yes")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);

    // Reply received Saturday 5 December: three days to Tuesday 8th; the plan may go ahead from Wednesday 9th.
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(page.body.contains("Mag worden uitgevoerd vanaf") && page.body.contains("09-12-2026"), "{}", page.body);
    assert!(page.body.contains("Afgerond"));
    for step in
        ["Verzonden door de verhuurder", "Vraag om informatie", "Vraag beantwoord", "Beantwoord", "Besluit vastgelegd"]
    {
        assert!(page.body.contains(step), "trail has {step}");
    }
    // The day of receipt is written by the corporation's person when it sends: the trail names the corporation.
    let trail = page.body.split("<ol class=\"trail\">").nth(1).expect("trail");
    let received = trail.split("<li>").find(|li| li.contains("Ontvangen door de organisatie")).expect("received");
    assert!(received.contains("Woonstad") && !received.contains("De Sleutel"), "{received}");
    let print = app.get(&format!("/orgs/{corporation}/overleg/{id}/afdrukken")).await;
    assert_eq!(print.status, StatusCode::OK);
    assert!(print.body.contains(reply) && print.body.contains("Wij adviseren ook de vloeren"));

    // An answer after the case was closed gets a clear message.
    app.login(BOARD).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{tenant}/overleg/{id}/antwoord"),
            &[("version", "3"), ("answer_kind", "no_objection"), ("answer_text", "")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Deze zaak is afgerond"), "{}", resp.body);
}

async fn bad_input_comes_back_with_what_was_typed(mut app: TestApp) {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let path = format!("/orgs/{corporation}/overleg/nieuw");
    let typed = "Een uitleg die niet verloren mag gaan";
    let resp = app
        .post_multipart(
            &path,
            &[
                ("tenant_org_id", &tenant),
                ("kind", "consent"),
                ("subject", "rent_policy"),
                ("title", "Huurverhoging"),
                ("explanation", typed),
                ("received_on", ""),
            ],
            &[("virus.exe", b"MZ\x90\x00"), ("nep.pdf", b"MZ\x90\x00")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains(typed) && resp.body.contains("value=\"Huurverhoging\""), "typed text kept");
    assert!(resp.body.contains("servicekosten"), "consent only on service costs");
    assert!(resp.body.contains("Vul een datum in."), "receipt date required");
    assert!(resp.body.contains("virus.exe: alleen PDF- en Office-bestanden"));
    assert!(resp.body.contains("nep.pdf: alleen PDF- en Office-bestanden"), "a renamed file is refused by content");
    assert!(resp.body.contains("Kies de bestanden opnieuw"));
    let cases: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM overleg_cases").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(cases, 0, "nothing written");

    // A too-short agreed term and an organisation the corporation does not consult.
    let other = app.org_id("gm-voorbeeldstad").await.to_string();
    let resp = app
        .post_multipart(
            &path,
            &[
                ("tenant_org_id", &other),
                ("kind", "advice"),
                ("subject", "maintenance"),
                ("title", "X"),
                ("explanation", "Y"),
                ("received_on", "2026-11-25"),
                ("agreed_weeks", "4"),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Kies een huurdersorganisatie waarmee u overlegt."));
    assert!(resp.body.contains("van 6 tot 52"));

    // A day of receipt after today (25 November 2026), before the Overlegwet, or in year 0: refused at its field,
    // with what was typed kept.
    for (day, message) in [
        ("2026-11-26", "De dag van ontvangst ligt in de toekomst."),
        ("1998-06-30", "vóór 1 juli 1998"),
        ("0000-01-01", "Vul een datum in."),
    ] {
        let fields = [
            ("tenant_org_id", tenant.as_str()),
            ("kind", "advice"),
            ("subject", "maintenance"),
            ("title", "Dak"),
            ("explanation", "Y"),
            ("received_on", day),
        ];
        let resp = app.post_multipart(&path, &fields, &[]).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        assert!(resp.body.contains(message) && resp.body.contains(&format!("value=\"{day}\"")), "{day}: {}", resp.body);
    }
    // A request sent here reaches the organisation today: an earlier day (its term already run out) only when the
    // corporation says it was delivered before, outside Volkshuis; nothing ticked beforehand.
    let form = app.get(&path).await;
    assert!(
        form.body.contains(r#"id="received_earlier" name="received_earlier" type="checkbox" >"#),
        "{}",
        form.main()
    );
    let earlier = [
        ("tenant_org_id", tenant.as_str()),
        ("kind", "advice"),
        ("subject", "maintenance"),
        ("title", "Brief van april"),
        ("explanation", "Y"),
        ("received_on", "2026-04-02"),
    ];
    let resp = app.post_multipart(&path, &earlier, &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Deze dag ligt vóór vandaag.") && resp.body.contains("Brief van april"));
    let mut said = earlier.to_vec();
    said.push(("received_earlier", "on"));
    // Received then, its advice term has run out: the organisation would first see it with its term over. Said with
    // the day it ended, and taken only with a second box, never ticked beforehand.
    let resp = app.post_multipart(&path, &said, &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("de adviestermijn al verstreken, op 18-05-2026"), "{}", resp.main());
    assert!(resp.body.contains(r#"id="term_passed" name="term_passed" type="checkbox" value="2026-04-02" aria"#));
    assert!(resp.main().contains("ontving het verzoek op 02-04-2026 en de adviestermijn is verstreken op 18-05-2026"));
    // The box confirms the day it named: ticked, then the day changed, it is asked again for the new day.
    let mut moved = said.clone();
    moved[5] = ("received_on", "2025-01-15");
    moved.push(("term_passed", "2026-04-02"));
    let resp = app.post_multipart(&path, &moved, &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.main().contains("op 15-01-2025 en de adviestermijn is verstreken op 26-02-2025"), "{}", resp.main());
    said.push(("term_passed", "2026-04-02"));
    let resp = app.post_multipart(&path, &said, &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let case = app.get(resp.location().expect("the case")).await;
    assert!(case.body.contains("18-05-2026"), "the term from the day it was received: {}", case.main());

    // An advice without its text.
    let id = send_advice(&mut app, "Tekst vergeten").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    app.login(BOARD).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{tenant}/overleg/{id}/antwoord"),
            &[("version", "1"), ("answer_kind", "advice"), ("answer_text", "  ")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Schrijf het advies, de zienswijze of de voorwaarden uit."));
    assert!(resp.body.contains("id=\"answer_text-error\""), "said at the text box: {}", resp.body);
}

async fn a_second_board_member_sees_the_first_answer(mut app: TestApp) {
    let id = send_advice(&mut app, "Gelijktijdig").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let path = format!("/orgs/{tenant}/overleg/{id}/antwoord");
    // Both opened the case at version 1; the first sends.
    app.login(BOARD).await;
    let first = "Advies van de voorzitter.";
    let resp = app
        .post_multipart(
            &path,
            &[("version", "1"), ("answer_kind", "advice"), ("answer_text", first), ("confirmed", "yes")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    // The second (another board member, same organisation) sends with the version they saw.
    let second = "Advies van de secretaris, anders verwoord.";
    let resp = app
        .post_multipart(
            &path,
            &[("version", "1"), ("answer_kind", "advice"), ("answer_text", second), ("confirmed", "yes")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::CONFLICT);
    assert!(resp.body.contains(first), "the first answer is shown");
    assert!(resp.body.contains(second), "the second's text is not lost");
    assert!(resp.body.contains("Dit verzoek is al beantwoord; hieronder staat het verstuurde antwoord."));
    let stored: String = sql::query_scalar("SELECT answer_text FROM overleg_cases WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db)
        .await
        .expect("answer");
    assert_eq!(stored, first, "no silent overwrite");
}

async fn only_the_two_parties_see_a_case(mut app: TestApp) {
    let id = send_advice(&mut app, "Alleen voor partijen").await;
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let noord = app.org_id("bewonersraad-noord").await;
    let municipality = app.org_id("gm-voorbeeldstad").await;

    // Another tenant organisation's member: even through their own organisation the case does not exist.
    app.login("secretaris@bewonersraadnoord.test").await;
    assert_eq!(app.get(&format!("/orgs/{noord}/overleg/{id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{tenant}/overleg/{id}")).await.status, StatusCode::FORBIDDEN);
    let list = app.get(&format!("/orgs/{noord}/overleg?alle=1")).await;
    assert!(!list.body.contains("Alleen voor partijen"));
    assert_eq!(app.get(&format!("/orgs/{noord}/overleg/{id}/documenten/1")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{noord}/overleg/{id}/afdrukken")).await.status, StatusCode::NOT_FOUND);

    // The municipality has no overleg.
    app.login("beleid@voorbeeldstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{municipality}/overleg")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{corporation}/overleg/{id}")).await.status, StatusCode::FORBIDDEN);

    // A read-only member of the corporation may look, not act.
    app.login("lezer@woonstad.test").await;
    assert_eq!(app.get(&format!("/orgs/{corporation}/overleg/{id}")).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/orgs/{corporation}/overleg/nieuw")).await.status, StatusCode::FORBIDDEN);
    let resp = app.post(&format!("/orgs/{corporation}/overleg/{id}/opmerkingen"), &[("text", "x")]).await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);

    // Staff of the corporation cannot answer for the organisation, nor the board decide for the corporation.
    app.login("medewerker@woonstad.test").await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{corporation}/overleg/{id}/antwoord"),
            &[("version", "1"), ("answer_kind", "no_objection")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    app.login(BOARD).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{tenant}/overleg/{id}/besluit"),
            &[("version", "1"), ("decision", "followed")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/orgs/{tenant}/overleg/nieuw")).await.status, StatusCode::NOT_FOUND);

    // Internal comments: each party sees only its own.
    app.post(&format!("/orgs/{tenant}/overleg/{id}/opmerkingen"), &[("text", "Notitie van de huurders")]).await;
    app.login(CORPORATION_ADMIN).await;
    app.post(&format!("/orgs/{corporation}/overleg/{id}/opmerkingen"), &[("text", "Notitie van de corporatie")]).await;
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(page.body.contains("Notitie van de corporatie") && !page.body.contains("Notitie van de huurders"));
    app.login(BOARD).await;
    let page = app.get(&format!("/orgs/{tenant}/overleg/{id}")).await;
    assert!(page.body.contains("Notitie van de huurders") && !page.body.contains("Notitie van de corporatie"));

    // Visitors are sent to log in.
    app.clear_cookies();
    assert!(app.get(&format!("/orgs/{tenant}/overleg/{id}")).await.is_login_redirect());
}

async fn reminders_are_sent_once_and_only_while_the_case_waits(mut app: TestApp) {
    let waiting = send_advice(&mut app, "Wacht op antwoord").await;
    let answered = send_advice(&mut app, "Al beantwoord").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    app.login(BOARD).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{tenant}/overleg/{answered}/antwoord"),
            &[("version", "1"), ("answer_kind", "advice"), ("answer_text", "Doen."), ("confirmed", "yes")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let reminders = |app: &TestApp| {
        let db = app.state.db.clone();
        async move {
            outbox::list(&db, 100)
                .await
                .expect("outbox")
                .into_iter()
                .filter(|m| m.to_address == BOARD && m.subject.starts_with("Herinnering"))
                .collect::<Vec<_>>()
        }
    };
    // Deadline Wednesday 6 January 2027: reminders on 30 December and 4 January. Nothing is due yet.
    run_due_jobs(&app.state).await.expect("run");
    assert!(reminders(&app).await.is_empty());
    app.state.clock.advance(Duration::days(35)); // 30 December 2026, 10:00 UTC.
                                                 // A restarted server finds the same jobs in the database.
    app.restart(volkshuis_web::Config::default());
    run_due_jobs(&app.state).await.expect("run");
    run_due_jobs(&app.state).await.expect("run again");
    let sent = reminders(&app).await;
    assert_eq!(sent.len(), 1, "one reminder, once, only for the waiting case: {sent:?}");
    assert!(sent[0].subject.contains("nog 7 dagen") && sent[0].subject.contains("Wacht op antwoord"));
    assert!(sent[0].body.contains(&format!("/orgs/{tenant}/overleg/{waiting}")));
    // The in-app notice is on the board member's dashboard (a new log-in: five weeks ended the session).
    app.login(BOARD).await;
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.body.contains("Nog 7 dagen voor uw antwoord op: Wacht op antwoord"), "{}", dashboard.body);

    app.state.clock.advance(Duration::days(5)); // 4 January 2027.
    run_due_jobs(&app.state).await.expect("run");
    let sent = reminders(&app).await;
    assert_eq!(sent.len(), 2);
    // The corporation's reply reminder for the answered case (advice 25 November, reply due 9 December) was due
    // on 7 December and went to its staff and admin.
    let corporation_mails = outbox::list(&app.state.db, 100).await.expect("outbox");
    assert!(corporation_mails
        .iter()
        .any(|m| m.to_address == CORPORATION_ADMIN && m.subject.contains("gemotiveerde reactie op Al beantwoord")));
    // Overdue after 6 January: both dashboards flag it.
    app.state.clock.advance(Duration::days(3));
    app.login(BOARD).await;
    let list = app.get(&format!("/orgs/{tenant}/overleg")).await;
    assert!(list.body.contains("Termijn verstreken zonder antwoord"));
    app.post("/orgs/switch", &[("org_id", &tenant.to_string())]).await;
    // One answer late (the organisation's step) and one reply late (the corporation's): each dashboard flags its
    // own lateness and names the other party's without a flag.
    let own_flag = "<dt>Over de termijn, uw stap</dt><dd><span class=\"flag\">1</span>";
    let theirs = "<dt>Over de termijn, stap van de andere partij</dt><dd>1</dd>";
    let board = app.get("/dashboard").await.body;
    assert!(board.contains(own_flag) && board.contains(theirs), "the organisation's dashboard: {board}");
    app.login(CORPORATION_ADMIN).await;
    let corporation_dashboard = app.get("/dashboard").await.body;
    assert!(
        corporation_dashboard.contains(own_flag) && corporation_dashboard.contains(theirs),
        "and the corporation's"
    );
}

async fn year_overview_meetings_and_budget(mut app: TestApp) {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let tenant_s = tenant.to_string();
    app.login(CORPORATION_ADMIN).await;
    let year = app.get(&format!("/orgs/{corporation}/overleg/jaar/2026")).await;
    assert!(year.body.contains("nog geen overlegvergadering met Huurdersvereniging De Sleutel"));
    let resp = app
        .post(
            &format!("/orgs/{corporation}/overleg/vergaderingen"),
            &[("meeting_tenant", &tenant_s), ("held_on", "2026-12-10"), ("title", "Najaarsoverleg")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let meeting =
        resp.location().expect("meeting").split('?').next().expect("path").rsplit('/').next().expect("id").to_owned();
    let resp = app
        .post(
            &format!("/orgs/{corporation}/overleg/budget"),
            &[("budget_tenant", &tenant_s), ("year", "2026"), ("amount", "12.500,00")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    let bad = app
        .post(
            &format!("/orgs/{corporation}/overleg/budget"),
            &[("budget_tenant", &tenant_s), ("year", "2026"), ("amount", "veel")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"veel\""));

    // The organisation adds an agenda item, spends, and accounts for the budget.
    app.login(BOARD).await;
    let resp = app
        .post(
            &format!("/orgs/{tenant}/overleg/vergaderingen/{meeting}/agendapunten"),
            &[("text", "Schimmel in de Lindelaan")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/orgs/{tenant}/overleg/vergaderingen/{meeting}")).await;
    assert!(page.body.contains("Schimmel in de Lindelaan") && page.body.contains("Najaarsoverleg"));
    let budget = format!("/orgs/{tenant}/overleg/budget/{corporation}/2026");
    // An expense is made by today, in the budget's year, on a day that exists; each refusal says which.
    for (day, says) in [
        ("2099-01-01", "niet na vandaag"),
        ("2024-05-05", "valt niet in 2026"),
        ("31-02-2026", "Deze datum bestaat niet"),
        ("0001-01-01", "Deze datum bestaat niet"),
    ] {
        let line = [("category", "training"), ("description", "Cursus"), ("amount", "450"), ("spent_on", day)];
        let refused = app.post(&format!("{budget}/uitgaven"), &line).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        assert!(refused.main().contains(says) && refused.main().contains(day), "{day}: {}", refused.main());
    }
    let resp = app
        .post(
            &format!("{budget}/uitgaven"),
            &[
                ("category", "training"),
                ("description", "Cursus Overlegwet"),
                ("amount", "450,00"),
                ("spent_on", "2026-10-01"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    let page = app.get(&budget).await;
    // Deadline: 28 February 2027 is a Sunday, so Monday 1 March.
    assert!(page.body.contains("01-03-2027") && page.body.contains("art. 7 Overlegwet"));
    assert!(page.body.contains("Cursus Overlegwet") && page.body.contains("12.050,00"), "{}", page.body);
    // Closing the year is asked once more with what it records; nothing is closed before the answer.
    let asked = app.post(&format!("{budget}/verantwoord"), &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.main().contains("data-confirm") && asked.main().contains("€ 450,00 besteed van"), "{}", asked.main());
    assert!(!app.get(&budget).await.body.contains("Verantwoord op"));
    assert_eq!(app.post(&format!("{budget}/verantwoord"), &[("confirmed", "yes")]).await.status, StatusCode::SEE_OTHER);
    let closed = app.get(&budget).await;
    assert!(closed.body.contains("Verantwoord op") && !closed.body.contains("/uitgaven\""), "no form after closing");
    // An expense sent after the closing (an open tab) is refused and adds nothing.
    let late = [("category", "training"), ("description", "Te laat"), ("amount", "10"), ("spent_on", "2026-10-02")];
    let refused = app.post(&format!("{budget}/uitgaven"), &late).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.main().contains("er kunnen geen uitgaven meer bij") && !refused.main().contains(">Te laat<"));
    let year = app.get(&format!("/orgs/{tenant}/overleg/jaar/2026")).await;
    assert!(year.body.contains("Najaarsoverleg") && !year.body.contains("nog geen overlegvergadering"));
    // The corporation cannot spend the organisation's budget.
    app.login(CORPORATION_ADMIN).await;
    let resp = app
        .post(
            &format!("/orgs/{corporation}/overleg/budget/{tenant}/2026/uitgaven"),
            &[("category", "other"), ("description", "x"), ("amount", "1"), ("spent_on", "2026-10-01")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);

    // A budget of 2026 not yet accounted for: the organisation is reminded 14 days before 1 March 2027.
    let resp = app
        .post(
            &format!("/orgs/{corporation}/overleg/budget"),
            &[
                ("budget_tenant", &app.org_id("bewonersraad-noord").await.to_string()),
                ("year", "2026"),
                ("amount", "800"),
            ],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    app.state.clock.advance(Duration::days(81)); // 14 February 2027.
    run_due_jobs(&app.state).await.expect("run");
    let budget_mail = |m: &outbox::Message| m.subject.contains("verantwoording budget 2026");
    assert!(!outbox::list(&app.state.db, 100).await.expect("outbox").iter().any(budget_mail), "not yet");
    app.state.clock.advance(Duration::days(1)); // 15 February 2027.
    run_due_jobs(&app.state).await.expect("run");
    let mails = outbox::list(&app.state.db, 100).await.expect("outbox");
    let sent: Vec<&str> = mails.iter().filter(|m| budget_mail(m)).map(|m| m.to_address.as_str()).collect();
    // De Sleutel accounted already; Bewonersraad Noord's board (its admin and Dirk Bakker, staff there) is reminded.
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(sent.contains(&"secretaris@bewonersraadnoord.test") && sent.contains(&BOARD));
}

async fn an_english_user_reads_the_legal_rules_in_english(mut app: TestApp) {
    let tenant = app.org_id("hv-de-sleutel").await;
    let id = send_advice(&mut app, "Isolatie daken De Linde").await;
    app.login(BOARD).await;
    let path = format!("/orgs/{tenant}/overleg/{id}");
    let dutch = app.get(&path).await;
    assert!(dutch.body.contains("6 weken na ontvangst (art. 5 Overlegwet)"), "{}", dutch.body);
    assert!(dutch.body.contains("na afloop van de termijn zonder advies (art. 5 lid 4 onder b Overlegwet)"));

    app.post("/language", &[("lang", "en"), ("back", "/dashboard")]).await;
    let english = app.get(&path).await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(english.body.contains("<html lang=\"en\">"));
    // The answer deadline (Wednesday 6 January 2027) and, without an answer, the plan from the day after.
    assert!(english.body.contains("06-01-2027") && english.body.contains("6 weeks after receipt (art. 5 Overlegwet)"));
    assert!(
        english.body.contains("the term ended without advice (art. 5 lid 4 onder b Overlegwet)"),
        "{}",
        english.body
    );
    assert!(!english.body.contains("weken na ontvangst") && !english.body.contains("zonder advies"));
    let print = app.get(&format!("{path}/afdrukken")).await;
    assert_eq!(print.status, StatusCode::OK);
    assert!(print.body.contains("6 weeks after receipt (art. 5 Overlegwet)"), "{}", print.body);
}

/// The corporation sends a consent request on service costs, received today (25 November 2026); returns its id.
async fn send_consent(app: &mut TestApp) -> i64 {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let resp = app
        .post_multipart(
            &format!("/orgs/{corporation}/overleg/nieuw"),
            &[
                ("tenant_org_id", &tenant),
                ("kind", "consent"),
                ("subject", "service_costs"),
                ("title", "Schoonmaak trappenhuizen"),
                ("explanation", "De servicekosten stijgen met € 1,85 per maand."),
                ("received_on", "25-11-2026"),
                ("agreed_weeks", ""),
                ("clusters", ""),
            ],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    case_id(&resp)
}

/// The answer radios of a page, each as its `<input …>` tag.
fn answer_radios(body: &str) -> Vec<&str> {
    body.match_indices("<input type=\"radio\"")
        .map(|(at, _)| &body[at..at + body[at..].find('>').expect("tag end")])
        .filter(|tag| tag.contains("name=\"answer_kind\""))
        .collect()
}

async fn stored_answer(app: &TestApp, id: i64) -> Option<String> {
    sql::query_scalar("SELECT answer_kind FROM overleg_cases WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db)
        .await
        .expect("stored answer")
}

async fn a_consent_is_never_preselected_and_is_confirmed_with_its_summary(mut app: TestApp) {
    let id = send_consent(&mut app).await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let path = format!("/orgs/{tenant}/overleg/{id}/antwoord");
    app.login(BOARD).await;
    let page = app.get(&format!("/orgs/{tenant}/overleg/{id}")).await;
    let radios = answer_radios(&page.body);
    assert_eq!(radios.len(), 3, "consent, with conditions, refused: {radios:?}");
    assert!(radios.iter().all(|r| !r.contains("checked")), "nothing chosen in advance: {radios:?}");

    // Sending without choosing comes back with an error and the text kept; nothing is stored.
    let resp = app
        .post_multipart(
            &path,
            &[("version", "1"), ("answer_kind", ""), ("answer_text", "Akkoord namens het bestuur")],
            &[],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Kies een antwoord: er is niets vooraf gekozen."), "{}", resp.body);
    assert!(resp.body.contains("Akkoord namens het bestuur"));
    assert!(answer_radios(&resp.body).iter().all(|r| !r.contains("checked")));
    assert_eq!(stored_answer(&app, id).await, None);

    // Choosing consent shows what it gives, and stores nothing yet.
    let choice = [("version", "1"), ("answer_kind", "consent_given"), ("answer_text", "Akkoord namens het bestuur")];
    let confirm = app.post_multipart(&path, &choice, &[]).await;
    assert_eq!(confirm.status, StatusCode::OK);
    // The whole confirmation: the choice, what it gives, the text, and the form that sends exactly that.
    common::page_snapshot_settings().bind(|| insta::assert_snapshot!("consent_confirmation", confirm.main()));
    assert_eq!(stored_answer(&app, id).await, None, "not stored before it is confirmed");

    // Going back keeps the choice and the text.
    let back = app.post_multipart(&path, &[choice[0], choice[1], choice[2], ("confirmed", "edit")], &[]).await;
    assert_eq!(back.status, StatusCode::OK);
    assert!(answer_radios(&back.body).iter().any(|r| r.contains("consent_given") && r.contains("checked")));
    assert!(back.body.contains("Akkoord namens het bestuur"));
    assert_eq!(stored_answer(&app, id).await, None);

    // Confirmed with a file that cannot be taken: the confirmation again, naming the file; nothing stored.
    let confirmed = [choice[0], choice[1], choice[2], ("confirmed", "yes")];
    let bad_file = app.post_multipart(&path, &confirmed, &[("programma.exe", b"MZ\x90\x00")]).await;
    assert_eq!(bad_file.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_file.body.contains("programma.exe") && bad_file.body.contains("U stemt in met"), "{}", bad_file.body);
    assert_eq!(stored_answer(&app, id).await, None);

    // Confirmed, it is stored.
    let sent = app.post_multipart(&path, &confirmed, &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(stored_answer(&app, id).await.as_deref(), Some("consent_given"));
}

async fn an_answer_sent_by_mistake_is_corrected_within_a_day(mut app: TestApp) {
    let id = send_consent(&mut app).await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let case = format!("/orgs/{tenant}/overleg/{id}");
    app.login(BOARD).await;
    let text = "Wij stemmen in met de nieuwe servicekosten.";
    let fields = [("version", "1"), ("answer_kind", "consent_given"), ("answer_text", text), ("confirmed", "yes")];
    assert_eq!(app.post_multipart(&format!("{case}/antwoord"), &fields, &[]).await.status, StatusCode::SEE_OTHER);

    // Within the day the board sees it can withdraw the answer, and does.
    app.state.clock.advance(Duration::hours(3));
    app.login(BOARD).await;
    let page = app.get(&case).await;
    assert!(page.body.contains("Antwoord intrekken"), "{}", page.body);
    // Withdrawing undoes an answer with legal effect: first a summary of what it does, nothing changed yet.
    let summary = app.post(&format!("{case}/antwoord/intrekken"), &[("version", "2")]).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
    assert!(summary.body.contains("U trekt uw antwoord „Instemming” in. Woonstad"), "{}", summary.body);
    // Received 25 November 2026: six weeks to Wednesday 6 January 2027, still running.
    assert!(summary.body.contains("Zonder uw instemming mag Woonstad"), "{}", summary.body);
    assert!(summary.body.contains("uiterlijk 06-01-2027"), "{}", summary.body);
    assert!(summary.body.contains("name=\"confirmed\" value=\"yes\""));
    assert_eq!(stored_answer(&app, id).await.as_deref(), Some("consent_given"), "not before it is confirmed");
    let resp = app.post(&format!("{case}/antwoord/intrekken"), &[("version", "2"), ("confirmed", "yes")]).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.body);
    assert_eq!(stored_answer(&app, id).await, None);
    // The answer form at once, its text kept to correct, what it answers chosen anew.
    assert!(resp.body.contains("De tekst staat hieronder klaar om te verbeteren"), "{}", resp.body);
    assert!(resp.body.contains(">Wij stemmen in met de nieuwe servicekosten.</textarea>"), "{}", resp.body);
    assert!(answer_radios(&resp.body).iter().all(|r| !r.contains("checked")), "nothing chosen again");
    let page = app.get(&case).await;
    assert!(page.body.contains("Antwoord ingetrokken om te corrigeren"), "the trail records it: {}", page.body);
    assert!(answer_radios(&page.body).iter().all(|r| !r.contains("checked")), "and nothing is chosen again");
    let withdrawn: Option<String> =
        sql::query_scalar("SELECT note FROM overleg_events WHERE case_id = $1 AND step = 'answer_withdrawn'")
            .bind(id)
            .fetch_one(&app.state.db)
            .await
            .expect("trail");
    assert_eq!(withdrawn.as_deref(), Some("consent_given"), "the trail keeps the withdrawn answer");
    // A reload sends the withdrawal again: it says the answer was withdrawn already (it said the 24 hours had passed).
    let reloaded = app.post(&format!("{case}/antwoord/intrekken"), &[("version", "2"), ("confirmed", "yes")]).await;
    assert_eq!(reloaded.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reloaded.main().contains("Er is geen verstuurd antwoord om in te trekken: het is al ingetrokken"));
    assert!(!reloaded.main().contains("langer dan 24 uur"), "{}", reloaded.main());

    // The right answer, then a day later the window has closed.
    let refused = [("version", "3"), ("answer_kind", "consent_refused"), ("answer_text", ""), ("confirmed", "yes")];
    assert_eq!(app.post_multipart(&format!("{case}/antwoord"), &refused, &[]).await.status, StatusCode::SEE_OTHER);
    // The browser's Back re-sends it: said to be answered already (it said someone else had changed the case).
    let replayed = app.post_multipart(&format!("{case}/antwoord"), &refused, &[]).await;
    assert!(replayed.main().contains("Dit verzoek is al beantwoord"), "{}", replayed.main());
    assert!(!replayed.main().contains("Iemand anders heeft deze zaak"), "{}", replayed.main());
    assert_eq!(stored_answer(&app, id).await.as_deref(), Some("consent_refused"));
    app.state.clock.advance(Duration::hours(24));
    app.login(BOARD).await;
    let page = app.get(&case).await;
    assert!(!page.body.contains("Antwoord intrekken"));
    let late = app.post(&format!("{case}/antwoord/intrekken"), &[("version", "4")]).await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(late.body.contains("langer dan 24 uur geleden"), "{}", late.body);
    assert_eq!(stored_answer(&app, id).await.as_deref(), Some("consent_refused"));

    // The corporation cannot withdraw the organisation's answer.
    app.login(CORPORATION_ADMIN).await;
    let corporation = app.org_id("woonstad").await;
    let resp = app.post(&format!("/orgs/{corporation}/overleg/{id}/antwoord/intrekken"), &[("version", "4")]).await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
}

/// An advice sent after its term ended and withdrawn within the day: the summary says the term has ended and what
/// that lets the corporation do (go ahead without advice), not that a term is still running.
async fn withdrawing_an_answer_after_the_term_says_the_term_has_ended(mut app: TestApp) {
    let id = send_advice(&mut app, "Lift vervangen").await;
    let tenant = app.org_id("hv-de-sleutel").await;
    let case = format!("/orgs/{tenant}/overleg/{id}");
    // Received 25 November 2026: the term ended on Wednesday 6 January 2027; the advice comes on 20 January.
    app.state.clock.advance(Duration::weeks(8));
    app.login(BOARD).await;
    let advice = [("version", "1"), ("answer_kind", "advice"), ("answer_text", "Laat."), ("confirmed", "yes")];
    assert_eq!(app.post_multipart(&format!("{case}/antwoord"), &advice, &[]).await.status, StatusCode::SEE_OTHER);
    let summary = app.post(&format!("{case}/antwoord/intrekken"), &[("version", "2")]).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
    let said = summary.body.split("data-summary").nth(1).and_then(|s| s.split("</p>").next()).expect("summary");
    assert!(said.contains("kan er dan niet meer op besluiten"), "{said}");
    assert!(said.contains("is al verstreken (06-01-2027)"), "{said}");
    assert!(said.contains("zonder uw advies of zienswijze") && !said.contains("uiterlijk"), "{said}");
}

/// Art. 5 lid 4 onder b: once the term ended without advice the plan may go ahead; an advice that comes later does
/// not take that back, and art. 5 lid 3's 14 days are for an advice within its term. The organisation is told so
/// before it sends, and the corporation's page keeps the day.
async fn an_advice_after_its_term_leaves_the_plan_free_and_owes_no_reply_term(mut app: TestApp) {
    let id = send_advice(&mut app, "Lift vervangen").await;
    let (tenant, corporation) = (app.org_id("hv-de-sleutel").await, app.org_id("woonstad").await);
    // Received 25 November 2026: the term ended on Wednesday 6 January 2027; the advice comes on 20 January.
    app.state.clock.advance(Duration::weeks(8));
    app.login(BOARD).await;
    let path = format!("/orgs/{tenant}/overleg/{id}/antwoord");
    // A NUL in a multipart form's text is refused before the handler, as in every url-encoded form.
    let nul = [("version", "1"), ("answer_kind", "advice"), ("answer_text", "Liever\0 in de zomer.")];
    let refused = app.post_multipart(&path, &nul, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("nul-teken (U+0000)"), "{}", refused.body);
    let advice = [("version", "1"), ("answer_kind", "advice"), ("answer_text", "Liever in de zomer.")];
    let confirm = app.post_multipart(&path, &advice, &[]).await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    let said = confirm.body.split("data-summary").nth(1).and_then(|s| s.split("</p>").next()).expect("summary");
    assert!(said.contains("na de termijn, die eindigde op 06-01-2027"), "{said}");
    assert!(said.contains("uitvoeren vanaf 07-01-2027") && said.contains("geen reactietermijn van 14 dagen"), "{said}");
    let sent = app.post_multipart(&path, &[advice[0], advice[1], advice[2], ("confirmed", "yes")], &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    app.login(CORPORATION_ADMIN).await;
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(!page.body.contains("Besluit en gemotiveerde reactie uiterlijk"), "{}", page.main());
    assert!(!page.body.contains("Pas na het besluit op het advies"), "{}", page.main());
    assert!(
        page.body.contains("07-01-2027") && page.body.contains("voordat het antwoord binnenkwam"),
        "{}",
        page.main()
    );
    // It may still answer the advice: the decision form is there.
    assert!(page.body.contains(&format!("/orgs/{corporation}/overleg/{id}/besluit")), "{}", page.main());
}

/// A view (zienswijze, on a merger: a Woningwet right) has the date the corporation asks, no art. 5 term, and its
/// confirmations name no day the plan may be carried out (they read "uitvoeren vanaf ." with the date empty).
async fn a_view_is_answered_and_decided_without_a_date_of_execution(mut app: TestApp) {
    let (corporation, tenant) = (app.org_id("woonstad").await, app.org_id("hv-de-sleutel").await);
    app.login(CORPORATION_ADMIN).await;
    let fields = [
        ("tenant_org_id", tenant.to_string()),
        ("kind", "view".to_owned()),
        ("subject", "merger".to_owned()),
        ("title", "Fusie met Woonbron Oost".to_owned()),
        ("explanation", "Wij willen fuseren.".to_owned()),
        ("received_on", "25-11-2026".to_owned()),
        ("agreed_weeks", String::new()),
        ("clusters", String::new()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sent = app.post_multipart(&format!("/orgs/{corporation}/overleg/nieuw"), &fields, &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let id = case_id(&sent);
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(page.body.contains("zoals de corporatie vraagt (de wet stelt hiervoor geen termijn)"), "{}", page.main());
    assert!(!page.body.contains("art. 5 Overlegwet)"), "{}", page.main());
    app.login(BOARD).await;
    let answer = [("version", "1"), ("answer_kind", "view"), ("answer_text", "Liever niet.")];
    let path = format!("/orgs/{tenant}/overleg/{id}/antwoord");
    let confirm = app.post_multipart(&path, &answer, &[]).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(!confirm.body.contains("vanaf ."), "{}", confirm.main());
    let done = app.post_multipart(&path, &[answer[0], answer[1], answer[2], ("confirmed", "yes")], &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    app.login(CORPORATION_ADMIN).await;
    // The view is decided on as a view, not as an advice: on the dashboard, in the choices, the summary and the trail.
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.body.contains("Besluit over de zienswijze van"), "{}", dashboard.main());
    assert!(!dashboard.body.contains("Besluit over het advies van"), "{}", dashboard.main());
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(page.body.contains("Zienswijze deels gevolgd") && !page.body.contains("Advies deels gevolgd"));
    assert!(page.body.contains("Reactie (gevraagd als de zienswijze niet of deels wordt gevolgd)"), "{}", page.main());
    let path = format!("/orgs/{corporation}/overleg/{id}/besluit");
    // Without a reply the platform asks for one — not by art. 5 lid 3, which is about advice.
    let bare =
        app.post_multipart(&path, &[("version", "2"), ("decision", "not_followed"), ("reply_text", "")], &[]).await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bare.main());
    assert!(bare.main().contains("de zienswijze niet of deels volgt") && !bare.main().contains("art. 5 lid 3"));
    // Said beside the reply field, which is marked (a summary at the top of a long page was all there was).
    assert!(bare.body.contains(r#"<p class="field-error" id="reply_text-error">"#), "{}", bare.main());
    assert!(bare.body.contains(r#"aria-invalid="true" aria-describedby="reply_text-error""#), "{}", bare.main());
    let decision = [("version", "2"), ("decision", "partly_followed"), ("reply_text", "Deels.")];
    let confirm = app.post_multipart(&path, &decision, &[]).await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    let said = confirm.body.split("data-summary").nth(1).and_then(|s| s.split("</p>").next()).expect("summary");
    assert!(said.contains("zienswijze") && said.contains("geen termijn of datum van uitvoering"), "{said}");
    assert!(said.contains("Zienswijze deels gevolgd") && !said.contains("vanaf"), "{said}");
    let confirmed = [decision[0], decision[1], decision[2], ("confirmed", "yes")];
    let done = app.post_multipart(&path, &confirmed, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(page.body.contains("Zienswijze deels gevolgd"), "{}", page.main());
    assert!(!page.body.contains("Advies deels gevolgd"), "{}", page.main());
}

async fn a_decision_is_chosen_and_confirmed_with_its_summary(mut app: TestApp) {
    let id = send_advice(&mut app, "Lift vervangen").await;
    let (tenant, corporation) = (app.org_id("hv-de-sleutel").await, app.org_id("woonstad").await);
    app.login(BOARD).await;
    let advice =
        [("version", "1"), ("answer_kind", "advice"), ("answer_text", "Doe het in de zomer."), ("confirmed", "yes")];
    let resp = app.post_multipart(&format!("/orgs/{tenant}/overleg/{id}/antwoord"), &advice, &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    app.login(CORPORATION_ADMIN).await;
    let path = format!("/orgs/{corporation}/overleg/{id}/besluit");
    let page = app.get(&format!("/orgs/{corporation}/overleg/{id}")).await;
    assert!(!page.body.contains("selected>"), "no decision chosen in advance");
    let resp = app.post_multipart(&path, &[("version", "2"), ("decision", ""), ("reply_text", "Kan niet.")], &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Kies een besluit") && resp.body.contains("Kan niet."), "{}", resp.body);
    let choice = [("version", "2"), ("decision", "not_followed"), ("reply_text", "De lift is in de zomer nodig.")];
    let confirm = app.post_multipart(&path, &choice, &[]).await;
    assert_eq!(confirm.status, StatusCode::OK);
    // Reply received Wednesday 25 November: three days to Saturday, so Monday 30th; from Tuesday 1 December.
    common::page_snapshot_settings().bind(|| insta::assert_snapshot!("decision_confirmation", confirm.main()));
    let decided: Option<String> = sql::query_scalar("SELECT decision FROM overleg_cases WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db)
        .await
        .expect("decision");
    assert_eq!(decided, None, "not stored before it is confirmed");
    let sent = app.post_multipart(&path, &[choice[0], choice[1], choice[2], ("confirmed", "yes")], &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
}

async fn a_request_names_only_complexes_in_the_stock(mut app: TestApp) {
    plant_complexes(&app, &["C0001"]).await;
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    app.login(CORPORATION_ADMIN).await;
    let fields = |clusters| {
        vec![
            ("tenant_org_id", tenant.clone()),
            ("kind", "advice".to_owned()),
            ("subject", "maintenance".to_owned()),
            ("title", "Gevels De Linde".to_owned()),
            ("explanation", "Graag uw advies.".to_owned()),
            ("received_on", "25-11-2026".to_owned()),
            ("agreed_weeks", String::new()),
            ("clusters", clusters),
        ]
    };
    let path = format!("/orgs/{corporation}/overleg/nieuw");
    let typed = fields("C0001, BESTAATNIET-7".to_owned());
    let typed: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let resp = app.post_multipart(&path, &typed, &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Deze complexcodes staan niet in uw bezit: BESTAATNIET-7."), "{}", resp.body);
    assert!(resp.body.contains(r#"value="C0001" checked"#) && resp.body.contains("Gevels De Linde"), "input kept");
    assert!(resp.body.contains("BESTAATNIET-7 (niet gevonden)"), "the unknown code stays, marked");
    let stored: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM overleg_cases").fetch_one(&app.state.db).await.expect("n");
    assert_eq!(stored, 0);
    let good = fields("C0001".to_owned());
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post_multipart(&path, &good, &[]).await.status, StatusCode::SEE_OTHER);
}

async fn a_partnership_is_a_proposal_the_tenant_organisation_accepts(mut app: TestApp) {
    let (woonstad, noord) = (app.org_id("woonstad").await, app.org_id("bewonersraad-noord").await);
    // The demo's partnership with Bewonersraad Noord is undone, so that Woonstad proposes it afresh.
    sql::query("DELETE FROM overleg_partners WHERE tenant_org_id = $1")
        .bind(noord)
        .execute(&app.state.db)
        .await
        .expect("undo the demo partnership");
    app.login(CORPORATION_ADMIN).await;
    let proposed = app
        .post(
            &format!("/orgs/{woonstad}/overleg/partners"),
            &[("tenant_org_id", &noord.to_string()), ("agreed_weeks", "")],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER);
    let list = app.get(&format!("/orgs/{woonstad}/overleg")).await;
    assert!(list.body.contains("wacht op aanvaarding door de huurdersorganisatie"), "{}", list.body);
    let request = |tenant: i64| {
        vec![
            ("tenant_org_id", tenant.to_string()),
            ("kind", "information".to_owned()),
            ("subject", "maintenance".to_owned()),
            ("title", "Onderhoudsplan".to_owned()),
            ("explanation", "Ter informatie.".to_owned()),
            ("received_on", "25-11-2026".to_owned()),
            ("agreed_weeks", String::new()),
            ("clusters", String::new()),
        ]
    };
    let fields = request(noord);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.post_multipart(&format!("/orgs/{woonstad}/overleg/nieuw"), &fields, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "no case before the proposal is accepted");
    assert!(refused.body.contains("Kies een huurdersorganisatie waarmee u overlegt."));

    // Until it accepts, the organisation sees nothing of the corporation.
    app.login("secretaris@bewonersraadnoord.test").await;
    let coverage = format!("/orgs/{noord}/participatie/dekking?corporatie={woonstad}");
    assert_eq!(app.get(&coverage).await.status, StatusCode::NOT_FOUND);
    let page = app.get(&format!("/orgs/{noord}/overleg")).await;
    assert!(page.body.contains("Voorstellen om overlegpartner te worden") && page.body.contains("Aanvaarden"));

    // Role by role: staff of the organisation cannot answer the proposal; another organisation has none to answer;
    // the corporation cannot accept its own proposal.
    let accept = format!("/orgs/{noord}/overleg/partners/{woonstad}/aanvaarden");
    app.login("bestuur@desleutel.test").await; // staff of Bewonersraad Noord, admin of De Sleutel
    assert_eq!(app.post(&accept, &[]).await.status, StatusCode::FORBIDDEN);
    let sleutel = app.org_id("hv-de-sleutel").await;
    let other = app.post(&format!("/orgs/{sleutel}/overleg/partners/{woonstad}/aanvaarden"), &[]).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND, "De Sleutel's partnership was accepted long ago");
    app.login(CORPORATION_ADMIN).await;
    assert_eq!(app.post(&accept, &[]).await.status, StatusCode::FORBIDDEN);
    let own = app.post(&format!("/orgs/{woonstad}/overleg/partners/{woonstad}/aanvaarden"), &[]).await;
    assert_eq!(own.status, StatusCode::NOT_FOUND, "a corporation answers no proposals");

    // The organisation's administrator accepts: now cases can be sent and the coverage pages open.
    app.login("secretaris@bewonersraadnoord.test").await;
    assert_eq!(app.post(&accept, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&coverage).await.status, StatusCode::OK);
    app.login(CORPORATION_ADMIN).await;
    let sent = app.post_multipart(&format!("/orgs/{woonstad}/overleg/nieuw"), &fields, &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let audited: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'overleg_partner' AND action = 'accept'")
            .fetch_one(&app.state.db)
            .await
            .expect("audit");
    assert!(audited >= 1);
}

/// A corporation new on the platform, or whose proposals wait for acceptance, has nobody to send a request to: the
/// page says so and leads to the partners instead of offering a form that can only be refused; a form sent anyway
/// comes back with what was typed.
async fn without_an_accepted_partner_the_request_page_says_what_comes_first(mut app: TestApp) {
    let corporation = app.org_id("woonstad").await;
    let tenant = app.org_id("hv-de-sleutel").await.to_string();
    sql::query("UPDATE overleg_partners SET accepted_at = NULL WHERE corporation_id = $1")
        .bind(corporation)
        .execute(&app.state.db)
        .await
        .expect("proposals only");
    app.login(CORPORATION_ADMIN).await;
    let path = format!("/orgs/{corporation}/overleg/nieuw");
    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Er is nog geen huurdersorganisatie waarmee Woonstad Voorbeeld overlegt"),
        "{}",
        page.main()
    );
    assert!(page.body.contains(&format!("href=\"/orgs/{corporation}/overleg#partners\"")));
    assert!(!page.body.contains(&format!("action=\"{path}\"")), "no form that can only be refused");
    let typed = "Een uitleg die niet verloren mag gaan";
    let fields = [
        ("tenant_org_id", tenant.as_str()),
        ("kind", "advice"),
        ("subject", "maintenance"),
        ("title", "Groenonderhoud"),
        ("explanation", typed),
        ("received_on", "2026-11-20"),
    ];
    let resp = app.post_multipart(&path, &fields, &[]).await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains(typed) && resp.body.contains("Er is nog geen huurdersorganisatie"), "{}", resp.main());
}
