//! Administration of organisations, users and memberships; the audit log and outbox pages.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use volkshuis_domain::access;
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::{audit, outbox};

on_both_backends!(
    invalid_organisation_form_keeps_what_was_typed,
    organisations_are_created_and_changed_with_a_trail,
    admin_creates_a_user_who_can_log_in,
    user_without_password_gets_an_invitation,
    a_new_user_with_an_invitation_is_led_to_it,
    organisation_admin_manages_members,
    an_invitation_makes_a_member_only_when_accepted,
    an_organisation_keeps_an_administrator_and_its_invitations_can_be_withdrawn,
    the_platform_administrator_keeps_their_own_rights,
    memberships_are_managed_per_user,
    audit_page_filters,
    outbox_shows_the_mail,
    switching_organisation_is_checked_and_audited,
    the_platform_administrator_sets_a_municipalitys_gemeenten,
    a_form_with_a_nul_or_no_utf8_is_refused_before_any_handler,
);

/// Every url-encoded form is read once for what no field may hold: a NUL (PostgreSQL refused it with a 500 and the
/// typed text lost; SQLite stored it and pages sent it on) and bytes that are no UTF-8 (stored as U+FFFD). Nothing is
/// stored; a forged form is still refused for its token first.
async fn a_form_with_a_nul_or_no_utf8_is_refused_before_any_handler(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let db = app.state.db.clone();
    let organisations = || async {
        volkshuis_store::testdb::sql::query_scalar::<i64>("SELECT COUNT(*) FROM organisations")
            .fetch_one(&db)
            .await
            .expect("count")
    };
    let before = organisations().await;
    let nul = app.post("/admin/orgs/new", &[("name", "Huurders\0raad"), ("code", "hr"), ("kind", "corporation")]).await;
    assert_eq!(nul.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", nul.body);
    assert!(nul.body.contains("nul-teken (U+0000)") && nul.body.contains("Er is niets opgeslagen"), "{}", nul.body);
    let token = app.csrf_token().await;
    let not_utf8 = format!("csrf={token}&name=Huurders%FF%FEraad&code=hr&kind=corporation");
    let refused = app.send(axum::http::Method::POST, "/admin/orgs/new", Some(not_utf8)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.body.contains("Formulier onleesbaar"), "{}", refused.body);
    // The same with the token in a header, as a page's script sends it.
    app.headers.push(("x-csrf-token", token.clone()));
    let body = "name=Huurders%00raad&code=hr&kind=corporation".to_owned();
    let by_script = app.send(axum::http::Method::POST, "/admin/orgs/new", Some(body)).await;
    app.headers.clear();
    assert_eq!(by_script.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", by_script.body);
    let forged =
        app.post_raw("/admin/orgs/new", &[("csrf", "nep"), ("name", "a\0b"), ("code", "x"), ("kind", "x")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(organisations().await, before, "nothing stored");
    // A direction override is refused in the field, the text kept; a name of invisible characters only is empty.
    let turned =
        app.post("/admin/orgs/new", &[("name", "Raad \u{202e}gnp.exe"), ("code", "hr"), ("kind", "corporation")]).await;
    assert_eq!(turned.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(turned.body.contains("id=\"name-error\">Hier staat een onzichtbaar stuurteken in"), "{}", turned.body);
    assert!(turned.body.contains("Raad \u{202e}gnp.exe"), "the typed text kept");
    let invisible =
        app.post("/admin/orgs/new", &[("name", "\u{200b}\u{2060}"), ("code", "hr"), ("kind", "corporation")]).await;
    assert_eq!(invisible.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(invisible.body.contains("id=\"name-error\">"), "{}", invisible.body);
    // A plain form still goes through.
    let made = app.post("/admin/orgs/new", &[("name", "Huurdersraad"), ("code", "hr"), ("kind", "corporation")]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(organisations().await, before + 1);
}

async fn invalid_organisation_form_keeps_what_was_typed(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let response =
        app.post("/admin/orgs/new", &[("name", "Huurdersraad Zuid <b>"), ("code", "zuid raad!"), ("kind", "")]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.body.contains("value=\"Huurdersraad Zuid &#60;b&#62;\"")
            || response.body.contains("value=\"Huurdersraad Zuid &lt;b&gt;\""),
        "name kept, escaped: {}",
        response.body
    );
    assert!(response.body.contains("value=\"zuid raad!\""), "code kept");
    assert!(
        response.body.contains("id=\"code-error\">Een code bestaat uit kleine letters (a–z), cijfers en streepjes"),
        "the error says what a code may hold"
    );
    assert!(response.body.contains("id=\"kind-error\">Vul dit veld in."));
    assert!(response.body.contains("aria-invalid=\"true\""));

    // A control character pasted into a one-line field is named as such: the user cannot see it.
    let pasted =
        app.post("/admin/orgs/new", &[("name", "Huurders\u{1}raad"), ("code", "hr"), ("kind", "corporation")]).await;
    assert_eq!(pasted.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(pasted.body.contains("id=\"name-error\">Hier staat een onzichtbaar stuurteken in"), "{}", pasted.body);

    let duplicate = app
        .post("/admin/orgs/new", &[("name", "Nog een Woonstad"), ("code", "woonstad"), ("kind", "corporation")])
        .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        duplicate.body.contains("Deze code is al in gebruik.") && duplicate.body.contains("value=\"Nog een Woonstad\"")
    );
    assert!(duplicate.body.contains("<option value=\"corporation\" selected>"), "choice kept");
}

async fn organisations_are_created_and_changed_with_a_trail(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let created = app
        .post("/admin/orgs/new", &[("name", "Huurdersraad Zuid"), ("code", "HR-Zuid"), ("kind", "tenant_organisation")])
        .await;
    assert_eq!(created.location(), Some("/admin/orgs"));
    let id = app.org_id("hr-zuid").await;
    let list = app.get("/admin/orgs").await;
    assert!(list.body.contains("Huurdersraad Zuid") && list.body.contains("<code>hr-zuid</code>"));
    // A new organisation has no administrator yet: the list marks it (the dashboard counts such and links here),
    // and not the demo's organisations that have one.
    let row = |name: &str| {
        let at = list.body.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("{name} listed"));
        list.body[at..list.body[at..].find("</tr>").map(|end| at + end).expect("row end")].to_owned()
    };
    assert!(row("Huurdersraad Zuid").contains("geen beheerder"), "{}", row("Huurdersraad Zuid"));
    assert!(!row("Woonstad Voorbeeld").contains("geen beheerder"));
    let edit = app.get(&format!("/admin/orgs/{id}/edit")).await;
    assert!(edit.body.contains("value=\"Huurdersraad Zuid\""));
    let changed = app
        .post(
            &format!("/admin/orgs/{id}/edit"),
            &[("name", "Huurdersraad Zuid-Oost"), ("code", "hr-zuid"), ("kind", "tenant_organisation")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    let filter = audit::Filter { org_id: Some(id), ..Default::default() };
    let trail = audit::list(&app.state.db, &filter, 10).await.expect("audit");
    assert_eq!(trail.len(), 2);
    assert_eq!(trail[0].action, "update");
    assert!(trail[0].before.as_deref().unwrap_or_default().contains("\"Huurdersraad Zuid\""));
    assert!(trail[0].after.as_deref().unwrap_or_default().contains("Zuid-Oost"));
    assert!(trail[0].actor_label.contains("beheer@volkshuis.test"));
    assert!(trail[0].request_id.is_some());
    assert_eq!(app.get("/admin/orgs/99999/edit").await.status, StatusCode::NOT_FOUND);
}

async fn admin_creates_a_user_who_can_log_in(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let org = app.org_id("gm-voorbeeldstad").await.to_string();
    let bad = app
        .post(
            "/admin/users/new",
            &[("name", "Ivo Mulder"), ("email", "ivo@"), ("password", "kort"), ("org_id", &org), ("role", "staff")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"Ivo Mulder\"") && bad.body.contains("value=\"ivo@\""));
    assert!(!bad.body.contains("value=\"kort\""), "passwords are not echoed");
    assert!(bad.body.contains(&format!("<option value=\"{org}\" selected>")));
    let taken = app
        .post(
            "/admin/users/new",
            &[("name", "Dubbel"), ("email", "LEZER@woonstad.test"), ("password", "lang genoeg wachtwoord")],
        )
        .await;
    assert!(taken.body.contains("Dit e-mailadres is al in gebruik."));

    let made = app
        .post(
            "/admin/users/new",
            &[
                ("name", "Ivo Mulder"),
                ("email", "ivo@voorbeeldstad.test"),
                ("password", "lang genoeg wachtwoord"),
                ("org_id", &org),
                ("role", "read_only"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let page = app.get(made.location().expect("to user page")).await;
    assert!(page.body.contains("Gemeente Voorbeeldstad — Alleen lezen"));
    app.clear_cookies();
    let login =
        app.post("/login", &[("email", "ivo@voorbeeldstad.test"), ("password", "lang genoeg wachtwoord")]).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert!(app.get("/dashboard").await.body.contains("Gemeente Voorbeeldstad"));
}

async fn user_without_password_gets_an_invitation(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let made =
        app.post("/admin/users/new", &[("name", "Joke Kok"), ("email", "joke@woonstad.test"), ("password", "")]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let mail = outbox::list(&app.state.db, 5).await.expect("outbox");
    assert_eq!(mail[0].to_address, "joke@woonstad.test");
    assert!(mail[0].body.contains("Er is een Volkshuis-account voor u aangemaakt"));
    app.clear_cookies();
    let no_password = app.post("/login", &[("email", "joke@woonstad.test"), ("password", "!unusable")]).await;
    assert_eq!(no_password.status, StatusCode::UNPROCESSABLE_ENTITY, "no password works before she chose one");
}

async fn organisation_admin_manages_members(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let page = app.get(&format!("/orgs/{org}")).await;
    assert!(page.body.contains("Bram Jansen") && page.body.contains("Lid toevoegen"));
    assert!(page.body.contains("Code voor import en koppelingen: woonstad"), "the code, said what it is for");
    // A role opens what a member reads (signals, buyers at a corporation): chosen, never offered beforehand.
    let invite_form = &page.body[page.body.find(r#"<select id="role" name="role""#).expect("the invite's role")..];
    let options = &invite_form[..invite_form.find("</select>").expect("end")];
    assert!(!options.contains("selected"), "{options}");
    let no_role = app.post(&format!("/orgs/{org}/members"), &[("email", "x@woonstad.test"), ("name", "X")]).await;
    assert_eq!(no_role.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_role.body.contains(r#"<p class="field-error" id="role-error">Kies een rol.</p>"#), "{}", no_role.main());
    app.login("beheer@volkshuis.test").await;
    let new_user = app.get("/admin/users/new").await;
    let roles = &new_user.body[new_user.body.find(r#"<select id="role" name="role""#).expect("role")..];
    assert!(!roles[..roles.find("</select>").expect("end")].contains("selected"), "{roles}");
    app.login("admin@woonstad.test").await;

    let members = format!("/orgs/{org}/members");
    let bad = app.post(&members, &[("email", "nieuw@woonstad.test"), ("name", ""), ("role", "staff")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "an invitation needs a name");
    assert!(bad.body.contains("value=\"nieuw@woonstad.test\"") && bad.body.contains("id=\"name-error\""));
    // The same answer for an address that has an account: the form does not tell which addresses do.
    let bad_known = app.post(&members, &[("email", "bestuur@desleutel.test"), ("name", ""), ("role", "staff")]).await;
    assert_eq!(bad_known.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_known.body.contains("id=\"name-error\""));
    let new = app.post(&members, &[("email", "nieuw@woonstad.test"), ("name", "Kees Nieuw"), ("role", "staff")]).await;
    assert_eq!(new.location(), Some(format!("/orgs/{org}?notice=invitation_sent").as_str()));
    assert_eq!(outbox::list(&app.state.db, 1).await.expect("outbox")[0].to_address, "nieuw@woonstad.test");
    let known =
        app.post(&members, &[("email", "bestuur@desleutel.test"), ("name", "D. Bakker"), ("role", "read_only")]).await;
    assert_eq!(known.location(), new.location(), "an existing account gets the very same answer");
    let notice = app.get(known.location().expect("back")).await;
    assert!(notice.body.contains("Er is een uitnodiging verstuurd."), "{}", notice.body);
    assert!(
        !notice.body.contains("Kees Nieuw") && !notice.body.contains("Dirk Bakker"),
        "nobody is a member before accepting, and no account's own name shows"
    );
    assert!(notice.body.contains("Uitgenodigd, nog niet geaccepteerd"));
    assert!(
        notice.body.contains("bestuur@desleutel.test — Alleen lezen") && notice.body.contains("nieuw@woonstad.test")
    );
    let already = app.post(&members, &[("email", "lezer@woonstad.test"), ("name", "Carla"), ("role", "staff")]).await;
    assert_eq!(already.status, StatusCode::UNPROCESSABLE_ENTITY, "a member is in the list already");
    assert!(already.body.contains("Deze persoon is al lid."));

    let reader = app.user_id("lezer@woonstad.test").await;
    let upgraded = app.post(&format!("/orgs/{org}/members/{reader}/role"), &[("role", "staff")]).await;
    assert_eq!(upgraded.status, StatusCode::SEE_OTHER);
    // Removing is asked once more, naming who loses what; nothing before.
    let asked = app.post(&format!("/orgs/{org}/members/{reader}/remove"), &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.main().contains("is daarna geen lid meer van Woonstad Voorbeeld"), "{}", asked.main());
    assert!(app.get(&format!("/orgs/{org}")).await.body.contains("Carla Smit"), "still a member");
    let removed = app.post(&format!("/orgs/{org}/members/{reader}/remove"), &[("confirmed", "yes")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let after = app.get(&format!("/orgs/{org}")).await;
    assert!(after.body.contains("Bram Jansen") && !after.body.contains("Carla Smit"));

    app.login("medewerker@woonstad.test").await;
    let staff_view = app.get(&format!("/orgs/{org}")).await;
    assert_eq!(staff_view.status, StatusCode::OK);
    assert!(!staff_view.body.contains("Lid toevoegen"), "staff see members, cannot manage them");
    assert!(!staff_view.body.contains("data-org-code"), "the code is for whoever sets up imports");
}

/// The id in the first `data-invitation="…"` of a page.
fn invitation_id(body: &str) -> String {
    let at = body.find("data-invitation=\"").expect("an invitation on the page") + "data-invitation=\"".len();
    body[at..].split('"').next().expect("id").to_owned()
}

async fn an_invitation_makes_a_member_only_when_accepted(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    app.login("admin@woonstad.test").await;
    let members = format!("/orgs/{org}/members");
    let fields = [("email", "bestuur@desleutel.test"), ("name", "Dirk"), ("role", "read_only")];
    assert_eq!(app.post(&members, &fields).await.status, StatusCode::SEE_OTHER);
    // Before accepting, the invitee is no member: the organisation stays closed to them.
    app.login("bestuur@desleutel.test").await;
    assert_eq!(app.get(&format!("/orgs/{org}")).await.status, StatusCode::FORBIDDEN);
    let mail = outbox::list(&app.state.db, 1).await.expect("outbox");
    assert_eq!(mail[0].to_address, "bestuur@desleutel.test");
    assert!(mail[0].body.contains("Woonstad Voorbeeld nodigt u uit") && mail[0].body.contains("/invitations"));
    let dashboard = app.get("/dashboard").await;
    assert!(dashboard.body.contains("Woonstad Voorbeeld nodigt u uit om lid te worden."), "in-app notice");
    let page = app.get("/invitations").await;
    // The role in the sentence as a person is named by it, not as the capitalised label of a list.
    assert!(page.body.contains("Woonstad Voorbeeld nodigt u uit als lezer (alleen lezen)"), "{}", page.body);
    let id = invitation_id(&page.body);

    // Nobody else can answer it, not even the organisation's own administrator.
    for other in ["admin@woonstad.test", "lezer@woonstad.test"] {
        app.login(other).await;
        let forged = app.post(&format!("/invitations/{id}/accept"), &[]).await;
        assert_eq!(forged.location(), Some(UNANSWERABLE), "{other}: the same answer as for one that lapsed");
    }

    app.login("bestuur@desleutel.test").await;
    let board = app.user_id("bestuur@desleutel.test").await;
    let db = app.state.db.clone();
    let unread = || {
        volkshuis_store::testdb::sql::query_scalar::<i64>(
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND link = '/invitations' AND read_at IS NULL",
        )
        .bind(board)
        .fetch_one(&db)
    };
    assert_eq!(unread().await.expect("count"), 1, "the invitation's notice");
    let accepted = app.post(&format!("/invitations/{id}/accept"), &[]).await;
    assert_eq!(unread().await.expect("count"), 0, "read once nothing is left to answer");
    assert_eq!(accepted.location(), Some(format!("/orgs/{org}?notice=invitation_accepted").as_str()));
    let now_member = app.get(accepted.location().expect("to the organisation")).await;
    assert_eq!(now_member.status, StatusCode::OK);
    assert!(now_member.body.contains("Dirk Bakker") && now_member.body.contains("U bent nu lid"));
    assert_eq!(app.post(&format!("/invitations/{id}/accept"), &[]).await.location(), Some(UNANSWERABLE), "once");
    assert!(app.get("/invitations").await.body.contains("U heeft geen openstaande uitnodigingen."));

    // Declined: no membership.
    app.login("admin@woonstad.test").await;
    let fields = [("email", "beheer@volkshuis.test"), ("name", "Beheer"), ("role", "staff")];
    assert_eq!(app.post(&members, &fields).await.status, StatusCode::SEE_OTHER);
    app.login("beheer@volkshuis.test").await;
    let id = invitation_id(&app.get("/invitations").await.body);
    let declined = app.post(&format!("/invitations/{id}/decline"), &[]).await;
    assert_eq!(declined.location(), Some("/invitations?notice=invitation_declined"));
    let platform_admin = app.user_id("beheer@volkshuis.test").await;
    let membership = volkshuis_store::users::membership(&app.state.db, platform_admin, org).await.expect("read");
    assert_eq!(membership, None);

    // An invitation not answered within its term lapses.
    app.login("admin@woonstad.test").await;
    let fields = [("email", "secretaris@bewonersraadnoord.test"), ("name", "X"), ("role", "staff")];
    assert_eq!(app.post(&members, &fields).await.status, StatusCode::SEE_OTHER);
    app.login("secretaris@bewonersraadnoord.test").await;
    let id = invitation_id(&app.get("/invitations").await.body);
    app.state.clock.advance(volkshuis_store::invitations::VALID_FOR);
    app.login("secretaris@bewonersraadnoord.test").await;
    assert!(app.get("/invitations").await.body.contains("U heeft geen openstaande uitnodigingen."));
    // Accepted from a page opened before it lapsed: said so, and no membership.
    let late = app.post(&format!("/invitations/{id}/accept"), &[]).await;
    assert_eq!(late.location(), Some(UNANSWERABLE));
    let told = app.get(UNANSWERABLE).await;
    assert!(told.main().contains("Die uitnodiging kan niet meer worden beantwoord"), "{}", told.main());
    let noord = app.user_id("secretaris@bewonersraadnoord.test").await;
    assert_eq!(volkshuis_store::users::membership(&app.state.db, noord, org).await.expect("read"), None);
}

/// Where answering an invitation that cannot be answered leads: one answer for another's, an answered, a withdrawn
/// and an expired one.
const UNANSWERABLE: &str = "/invitations?notice=invitation_unanswerable";

async fn memberships_are_managed_per_user(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let user = app.user_id("sroi@vandijk.test").await;
    let org = app.org_id("woonstad").await.to_string();
    let missing = app.post(&format!("/admin/users/{user}/memberships"), &[("org_id", ""), ("role", "admin")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Maak een keuze.") && missing.body.contains("<option value=\"admin\" selected>"));
    let added = app.post(&format!("/admin/users/{user}/memberships"), &[("org_id", &org), ("role", "read_only")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert!(app.get(&format!("/admin/users/{user}")).await.body.contains("Woonstad Voorbeeld — Alleen lezen"));
    let removed = app.post(&format!("/admin/users/{user}/memberships/{org}/remove"), &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(!app.get(&format!("/admin/users/{user}")).await.body.contains("Woonstad Voorbeeld —"));
    let again = app.post(&format!("/admin/users/{user}/memberships/{org}/remove"), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

async fn audit_page_filters(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let all = app.get("/admin/audit").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains("login") && all.body.contains("membership"));
    // Each entry reads as a sentence with names; the codes stay under "Technische gegevens".
    assert!(all.body.contains("Platformbeheer logde in"), "{}", all.body);
    assert!(all.body.contains("Technische gegevens"));
    let memberships = app.get("/admin/audit?entity=membership").await;
    assert!(memberships.body.contains("membership") && !memberships.body.contains(">login<"));
    let bad_date = app.get("/admin/audit?from=gisteren").await;
    assert!(bad_date.body.contains("id=\"from-error\"") && bad_date.body.contains("value=\"gisteren\""));
    let future = app.get("/admin/audit?from=2027-01-01").await;
    assert!(future.body.contains("Niets gevonden."));
}

async fn outbox_shows_the_mail(mut app: TestApp) {
    app.post("/password/forgot", &[("email", "admin@woonstad.test")]).await;
    app.login("beheer@volkshuis.test").await;
    let list = app.get("/admin/outbox").await;
    assert!(list.body.contains("admin@woonstad.test") && list.body.contains("Nieuw wachtwoord voor Volkshuis"));
    assert!(list.body.contains("geen SMTP"));
    let id = outbox::list(&app.state.db, 1).await.expect("outbox")[0].id;
    let message = app.get(&format!("/admin/outbox/{id}")).await;
    let mail = outbox::list(&app.state.db, 1).await.expect("outbox").remove(0);
    let link = mail.body.split_whitespace().find(|w| w.contains("/password/reset?token=")).expect("link").to_owned();
    assert!(message.body.contains(&link), "held (no SMTP): the administrator is how the link reaches its person");
    // Once the mail went by SMTP, whoever reads the outbox must not be able to choose the person's password.
    outbox::mark(&app.state.db, id, outbox::Status::Sent, time::OffsetDateTime::now_utc(), None).await.expect("mark");
    let sent = app.get(&format!("/admin/outbox/{id}")).await;
    assert!(!sent.body.contains(&link) && sent.body.contains("/password/reset?token=…"), "{}", sent.body);
    assert!(sent.body.contains("ingekort"));
    app.login("admin@woonstad.test").await;
    assert_eq!(app.get(&format!("/admin/outbox/{id}")).await.status, StatusCode::FORBIDDEN);
}

async fn switching_organisation_is_checked_and_audited(mut app: TestApp) {
    let sleutel = app.org_id("hv-de-sleutel").await;
    let woonstad = app.org_id("woonstad").await;
    app.login("bestuur@desleutel.test").await;
    let first = app.get("/dashboard").await;
    assert!(first.body.contains("id=\"active-org\">Bewonersraad Noord"), "first membership by name");
    let switched = app.post("/orgs/switch", &[("org_id", &sleutel.to_string())]).await;
    assert_eq!(switched.location(), Some("/dashboard"));
    assert!(app.get("/dashboard").await.body.contains("id=\"active-org\">Huurdersvereniging De Sleutel"));
    let refused = app.post("/orgs/switch", &[("org_id", &woonstad.to_string())]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "not a member");
    let trail = audit::list(
        &app.state.db,
        &audit::Filter { action: Some("switch_organisation".into()), ..Default::default() },
        5,
    )
    .await
    .expect("audit");
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].org_id, Some(sleutel));
}

/// Issue 19: the platform administrator gives a municipality its gemeente codes; a code of the wrong form or one the
/// platform does not know is refused with its name, and nothing changes; the change is audited.
async fn the_platform_administrator_sets_a_municipalitys_gemeenten(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let id = app.org_id("gm-voorbeeldstad").await;
    let path = format!("/admin/orgs/{id}/edit");
    let form = |codes: &'static str| {
        vec![
            ("name", "Gemeente Voorbeeldstad"),
            ("code", "gm-voorbeeldstad"),
            ("kind", "municipality"),
            ("gemeenten", codes),
            ("gemeente_year", "2023"),
        ]
    };
    let wrong = app.post(&path, &form("GM0363, Amsterdam")).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Amsterdam is geen gemeentecode"), "{}", wrong.main());
    assert!(wrong.body.contains("value=\"GM0363, Amsterdam\""), "what was typed is kept");
    let unknown = app.post(&path, &form("GM0363")).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("Gemeentecode GM0363 is onbekend"), "{}", unknown.main());
    assert!(volkshuis_store::gemeenten::of_org(&app.state.db, id).await.expect("codes").is_empty());
    app.login("beleid@voorbeeldstad.test").await;
    let page = app.get(&format!("/orgs/{id}")).await;
    assert!(page.body.contains("nog geen gemeentecode vastgelegd"), "{}", page.main());
    app.login("beheer@volkshuis.test").await;

    // Once a corporation has homes in Amsterdam the code is known.
    let woonstad = app.org_id("woonstad").await;
    let stock =
        "idExtern;straatnaam;huisnummer;postcode;woonplaats;gemeenteCode\nA1;Kerkstraat;1;1011AA;Amsterdam;GM0363\n";
    let admin = access::Membership { user_id: 0, org_id: woonstad, role: access::Role::Admin };
    let scope = access::grant(woonstad, Some(admin), access::Manage).expect("an administrator may manage");
    let reader = StockReader::new(stock.as_bytes()).expect("header");
    let actor = audit::Actor::system("test", app.state.clock.now());
    stock::import_units(&app.state.db, &scope, &actor, "t.csv", reader, ImportOptions::default(), &mut |_| {})
        .await
        .expect("import");
    app.login("beheer@volkshuis.test").await;
    let saved = app.post(&path, &form("gm0363")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.main());
    let edit = app.get(&path).await;
    assert!(edit.body.contains("value=\"GM0363\""), "{}", edit.main());
    let filter = audit::Filter { org_id: Some(id), ..Default::default() };
    let trail = audit::list(&app.state.db, &filter, 10).await.expect("audit");
    assert_eq!(trail[0].action, "set_gemeenten");
    assert!(trail[0].after.as_deref().unwrap_or_default().contains("GM0363"));
    // Saving the same codes again writes no second entry.
    assert_eq!(app.post(&path, &form("GM0363")).await.status, StatusCode::SEE_OTHER);
    let again = audit::list(&app.state.db, &filter, 10).await.expect("audit");
    assert_eq!(again.iter().filter(|e| e.action == "set_gemeenten").count(), 1);
    // The municipality now sees Woonstad's figures there.
    app.login("beleid@voorbeeldstad.test").await;
    let coverage = app.get(&format!("/orgs/{id}/participatie/dekking")).await;
    assert!(
        coverage.body.contains("Woonstad") && !coverage.body.contains("nog geen gemeentecode"),
        "{}",
        coverage.main()
    );
    // The organisation pages say who works where: the municipality's gemeente, the corporation's working area.
    let page = app.get(&format!("/orgs/{id}")).await;
    assert!(page.body.contains("<li>GM0363</li>"), "{}", page.main());
    app.login("admin@woonstad.test").await;
    let page = app.get(&format!("/orgs/{woonstad}")).await;
    assert!(page.body.contains("Werkgebied") && page.body.contains("<li>GM0363 — 1 eenheid</li>"), "{}", page.main());
}

/// A new user in no organisation was told to ask an administrator to add them, while the invitation that does so
/// waited at `/invitations`: the dashboard now leads there.
async fn a_new_user_with_an_invitation_is_led_to_it(mut app: TestApp) {
    app.login("beheer@volkshuis.test").await;
    let fields = [("name", "Joke Kok"), ("email", "joke@woonstad.test"), ("password", "een goed wachtwoord")];
    assert_eq!(app.post("/admin/users/new", &fields).await.status, StatusCode::SEE_OTHER);
    app.clear_cookies();
    let login = [("email", "joke@woonstad.test"), ("password", "een goed wachtwoord")];
    assert_eq!(app.post("/login", &login).await.status, StatusCode::SEE_OTHER);
    let alone = app.get("/dashboard").await;
    assert!(alone.body.contains("U bent geen lid (meer) van een organisatie."), "{}", alone.main());
    app.login("admin@woonstad.test").await;
    let org = app.org_id("woonstad").await;
    let invite = [("email", "joke@woonstad.test"), ("name", "Joke Kok"), ("role", "staff")];
    assert_eq!(app.post(&format!("/orgs/{org}/members"), &invite).await.status, StatusCode::SEE_OTHER);
    app.clear_cookies();
    assert_eq!(app.post("/login", &login).await.status, StatusCode::SEE_OTHER);
    let invited = app.get("/dashboard").await;
    assert!(invited.body.contains("U bent uitgenodigd om lid te worden van een organisatie."), "{}", invited.main());
    assert!(invited.body.contains("href=\"/invitations\""));
    assert!(!invited.body.contains("U bent geen lid (meer)"), "{}", invited.main());
}

async fn count(app: &TestApp, query: &str) -> i64 {
    volkshuis_store::testdb::sql::query_scalar(query).fetch_one(&app.state.db).await.expect("count")
}

async fn an_organisation_keeps_an_administrator_and_its_invitations_can_be_withdrawn(mut app: TestApp) {
    let org = app.org_id("woonstad").await;
    let admin = app.user_id("admin@woonstad.test").await;
    app.login("admin@woonstad.test").await;
    let role_of = |user: i64| format!("/orgs/{org}/members/{user}/role");
    let admins = format!("SELECT COUNT(*) FROM memberships WHERE org_id = {org} AND role = 'admin'");
    assert_eq!(count(&app, &admins).await, 1, "the test's organisation has one administrator");
    // The only administrator neither demotes nor removes themselves: the page says why, the list takes the focus.
    let demoted = app.post(&role_of(admin), &[("role", "read_only")]).await;
    assert_eq!(demoted.status, StatusCode::CONFLICT);
    assert!(demoted.main().contains("Dit is de enige beheerder van de organisatie."), "{}", demoted.main());
    assert!(demoted.body.contains("data-members-error"));
    let removed = app.post(&format!("/orgs/{org}/members/{admin}/remove"), &[("confirmed", "yes")]).await;
    assert_eq!(removed.status, StatusCode::CONFLICT);
    assert_eq!(count(&app, &admins).await, 1);
    // A role that does not exist is named, not a missing page.
    let reader = app.user_id("lezer@woonstad.test").await;
    let unknown = app.post(&role_of(reader), &[("role", "opperhoofd")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.main().contains("Kies een rol."), "{}", unknown.main());
    // With a second administrator, the first may step down.
    assert_eq!(app.post(&role_of(reader), &[("role", "admin")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.post(&role_of(admin), &[("role", "staff")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(count(&app, &admins).await, 1);

    // An open invitation is withdrawn by an administrator: it can no longer be accepted, its notice goes.
    app.login("lezer@woonstad.test").await;
    let members = format!("/orgs/{org}/members");
    // A pasted address with a bracket or a doubled dot is no address: said what one looks like, nobody made.
    for slip in ["nieuw@woonstad.test>", "nieuw..kees@woonstad.test"] {
        let refused = app.post(&members, &[("email", slip), ("name", "Kees Nieuw"), ("role", "admin")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{slip}");
        assert!(refused.main().contains("Vul één e-mailadres in, zoals naam@voorbeeld.nl."), "{}", refused.main());
    }
    let invite = [("email", "nieuw@woonstad.test"), ("name", "Kees Nieuw"), ("role", "admin")];
    assert_eq!(app.post(&members, &invite).await.status, StatusCode::SEE_OTHER);
    let invited = app.user_id("nieuw@woonstad.test").await;
    let open = format!("SELECT COUNT(*) FROM invitations WHERE user_id = {invited} AND answered_at IS NULL");
    let id = count(&app, &format!("SELECT MAX(id) FROM invitations WHERE user_id = {invited}")).await;
    let withdraw = format!("/orgs/{org}/invitations/{id}/withdraw");
    assert!(app.get(&format!("/orgs/{org}")).await.body.contains(&withdraw), "a withdraw button");
    app.login("medewerker@woonstad.test").await;
    assert_eq!(app.post(&withdraw, &[]).await.status, StatusCode::FORBIDDEN, "staff do not manage members");
    app.login("bestuur@desleutel.test").await;
    let sleutel = app.org_id("hv-de-sleutel").await;
    let elsewhere = app.post(&format!("/orgs/{sleutel}/invitations/{id}/withdraw"), &[]).await;
    assert_ne!(elsewhere.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(count(&app, &open).await, 1, "another organisation withdraws nothing of Woonstad's");
    app.login("lezer@woonstad.test").await;
    let done = app.post(&withdraw, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(app.get(done.location().expect("back")).await.main().contains("De uitnodiging is ingetrokken"));
    assert_eq!(count(&app, &open).await, 0);
    let notices = format!("SELECT COUNT(*) FROM notifications WHERE user_id = {invited} AND link = '/invitations'");
    assert_eq!(count(&app, &notices).await, 0, "the invitee's notice of it goes");
    let twice = app.post(&withdraw, &[]).await;
    assert!(app.get(twice.location().expect("back")).await.main().contains("al beantwoord of ingetrokken"));
    // The account made for it was never used: its mailed link to choose a password is void (a wrong address could
    // have set one).
    let first = outbox::list(&app.state.db, 1).await.expect("outbox");
    let link = first[0].body.split_whitespace().find(|w| w.contains("/password/reset?token=")).expect("link");
    let token = link.split("token=").nth(1).expect("token").to_owned();
    let set = [("token", token.as_str()), ("password", "een wachtwoord dus"), ("confirm", "een wachtwoord dus")];
    assert_eq!(app.post("/password/reset", &set).await.status, StatusCode::NOT_FOUND, "the link is void");

    // Invited again, an account that never chose a password gets a new link to choose one.
    let mails = "SELECT COUNT(*) FROM outbox WHERE to_address = 'nieuw@woonstad.test'";
    assert_eq!(count(&app, mails).await, 1);
    assert_eq!(app.post(&members, &invite).await.status, StatusCode::SEE_OTHER);
    let mail = outbox::list(&app.state.db, 1).await.expect("outbox");
    assert_eq!(mail[0].to_address, "nieuw@woonstad.test");
    assert!(mail[0].body.contains("/password/reset?token="), "{}", mail[0].body);

    // Made a member by the platform's administrator meanwhile, the open invitation closes: accepted later, it would
    // have overwritten the role given.
    app.login("beheer@volkshuis.test").await;
    let made = app
        .post(&format!("/admin/users/{invited}/memberships"), &[("org_id", &org.to_string()), ("role", "read_only")])
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.main());
    assert_eq!(count(&app, &open).await, 0);
    let role = format!("SELECT COUNT(*) FROM memberships WHERE user_id = {invited} AND role = 'read_only'");
    assert_eq!(count(&app, &role).await, 1);
}

async fn the_platform_administrator_keeps_their_own_rights(mut app: TestApp) {
    let me = app.user_id("beheer@volkshuis.test").await;
    app.login("beheer@volkshuis.test").await;
    let own = format!("/admin/users/{me}");
    let without_flag = app.post(&own, &[("name", "Platformbeheer"), ("active", "on")]).await;
    assert_eq!(without_flag.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        without_flag.main().contains("eigen rechten als platformbeheerder niet intrekken"),
        "{}",
        without_flag.main()
    );
    assert!(without_flag.main().contains("value=\"Platformbeheer\""), "typed name kept");
    let inactive = app.post(&own, &[("name", "Platformbeheer"), ("platform_admin", "on")]).await;
    assert_eq!(inactive.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(inactive.main().contains("eigen account niet uitzetten"), "{}", inactive.main());
    assert_eq!(app.get("/admin/users").await.status, StatusCode::OK, "still the platform's administrator");
    // Another account's flag is theirs to give and take.
    let other = app.user_id("lezer@woonstad.test").await;
    let flagged = [("name", "Carla"), ("active", "on"), ("platform_admin", "on")];
    assert_eq!(app.post(&format!("/admin/users/{other}"), &flagged).await.status, StatusCode::SEE_OTHER);
    let taken = app.post(&format!("/admin/users/{other}"), &[("name", "Carla"), ("active", "on")]).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER);
    // Nor does the operator leave an organisation without its only administrator.
    let (admin, woonstad) = (app.user_id("admin@woonstad.test").await, app.org_id("woonstad").await);
    let demote = [("org_id", woonstad.to_string()), ("role", "staff".to_owned())];
    let demote: Vec<(&str, &str)> = demote.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.post(&format!("/admin/users/{admin}/memberships"), &demote).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.main().contains("Dit is de enige beheerder van de organisatie."), "{}", refused.main());
    let removed = app.post(&format!("/admin/users/{admin}/memberships/{woonstad}/remove"), &[]).await;
    assert_eq!(removed.status, StatusCode::CONFLICT);
    let role = volkshuis_store::users::membership(&app.state.db, admin, woonstad).await.expect("read");
    assert_eq!(role.map(|m| m.role), Some(volkshuis_domain::access::Role::Admin));
}
