//! An organisation's own page: its members, managed by its administrators, who invite new ones.

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::password_reset::send_link;
use crate::i18n::Lang;
use crate::mail;
use crate::notify::both_languages;
use crate::state::AppState;
use crate::views::{ok, render, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_accounts::password;
use volkshuis_domain::access::{Action, Manage, ReadScope, Role, View};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::text::Name;
use volkshuis_store::{gemeenten, invitations, notifications, orgs, resets, users, StoreError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{id}", get(show))
        .route("/orgs/{id}/members", post(add_member))
        .route("/orgs/{id}/members/{user_id}/role", post(change_role))
        .route("/orgs/{id}/members/{user_id}/remove", post(remove_member))
        .route("/orgs/{id}/invitations/{invitation}/withdraw", post(withdraw_invitation))
}

struct OrgView {
    id: i64,
    name: String,
    code: String,
    kind_label: &'static str,
}

struct MemberRow {
    user_id: i64,
    name: String,
    email: String,
    role_code: String,
    role_label: &'static str,
}

#[derive(Default, Deserialize)]
struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
}

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    page: Page,
    org: OrgView,
    members: Vec<MemberRow>,
    can_manage: bool,
    roles: Vec<(String, String)>,
    form: MemberForm,
    errors: FieldErrors,
    /// Open invitations, for those who manage members.
    invited: Vec<InvitedRow>,
    /// Why a change to the member list was refused (the last administrator), shown above the list, which takes the
    /// focus.
    members_error: Option<&'static str>,
    /// Who works where (ADR 0039): a municipality's gemeenten or a corporation's working area, with its heading;
    /// nothing for other kinds.
    area: Option<AreaView>,
}

struct AreaView {
    heading: &'static str,
    help: Option<&'static str>,
    /// Shown when there are no lines.
    empty: &'static str,
    lines: Vec<String>,
}

/// A gemeente as a line: its name and code where the boundaries name it, the code otherwise.
fn gemeente_label(lang: Lang, name: Option<&str>, code: &str) -> String {
    crate::picker::name_and_code(lang, name, code)
}

async fn area_of(state: &AppState, lang: Lang, org: &orgs::Organisation) -> Result<Option<AreaView>, AppError> {
    let t = lang.texts();
    Ok(match org.kind {
        OrgKind::Municipality => {
            let lines = gemeenten::of_org(&state.db, org.id)
                .await?
                .into_iter()
                .map(|g| gemeente_label(lang, g.name.as_deref(), &g.code))
                .collect();
            Some(AreaView { heading: t.org_gemeenten, help: None, empty: t.org_gemeenten_none, lines })
        }
        OrgKind::Corporation => {
            let lines = gemeenten::working_area(&state.db, org.id)
                .await?
                .into_iter()
                .map(|g| {
                    let mut line =
                        format!("{} — {}", gemeente_label(lang, g.name.as_deref(), &g.code), t.org_area_units(g.units));
                    if g.declared {
                        line = format!("{line} ({})", t.org_area_declared);
                    }
                    line
                })
                .collect();
            Some(AreaView { heading: t.org_working_area, help: Some(t.org_working_area_help), empty: "—", lines })
        }
        _ => None,
    })
}

struct InvitedRow {
    id: i64,
    email: String,
    role_label: &'static str,
    until: String,
}

async fn org_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    form: MemberForm,
    errors: FieldErrors,
) -> Result<OrgPage, AppError> {
    let t = auth.ctx.t();
    let org = orgs::get(&state.db, scope.org_id()).await?.ok_or(AppError::NotFound)?;
    let members = users::members_of(&state.db, scope.org_id())
        .await?
        .into_iter()
        .map(|(u, role)| MemberRow {
            user_id: u.id,
            name: u.name,
            email: u.email,
            role_code: role.code().to_owned(),
            role_label: t.role(role),
        })
        .collect();
    let can_manage = scope.role().allows(Action::Manage);
    let invited = if can_manage {
        invitations::open_of_org(&state.db, scope.org_id(), state.clock.now())
            .await?
            .into_iter()
            .map(|i| InvitedRow {
                id: i.id,
                email: i.email,
                role_label: t.role(i.role),
                until: show_time(i.expires_at),
            })
            .collect()
    } else {
        Vec::new()
    };
    let area = area_of(state, auth.ctx.lang, &org).await?;
    Ok(OrgPage {
        area,
        page: Page::for_user(auth),
        org: OrgView { id: org.id, name: org.name, code: org.code, kind_label: t.kind(org.kind) },
        members,
        can_manage,
        roles: t.role_options(),
        form,
        errors,
        invited,
        members_error: None,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, View).await?;
    let mut page = org_page(&state, &auth, &scope, MemberForm::default(), FieldErrors::default()).await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

/// Invites an e-mail address into the organisation. The membership exists only once the person accepts; and the
/// answer is the same whether the address had an account or not, so this form tells nobody which addresses do.
async fn add_member(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Form(form): Form<MemberForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, Manage).await?;
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let email = crate::forms::email_field(t, &mut errors, &form.email);
    let role = crate::forms::role_choice(t, &mut errors, &form.role);
    // Asked for every address, not only unknown ones: a name required only for new accounts would tell the adder
    // which addresses have one.
    let name = errors.check(t, "name", Name::parse(&form.name));
    // An account that never chose a password (invited before, the mail lost) gets a new link to choose one: a mail
    // that only says "log in" would lead nowhere.
    let (existing, never_used) = match &email {
        Some(email) => match users::credentials(&state.db, email.as_str()).await? {
            Some((user, hash)) => (Some(user), hash == password::unusable()),
            None => (None, false),
        },
        None => (None, false),
    };
    // The member list already shows this to the adder, so saying it tells nothing new.
    if let Some(user) = &existing {
        if users::membership(&state.db, user.id, scope.org_id()).await?.is_some() {
            errors.add("email", t.err_already_member);
        }
    }
    let (Some(email), Some(role), Some(name), true) = (email, role, name, errors.is_empty()) else {
        let page = org_page(&state, &auth, &scope, form, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let org = orgs::get(&state.db, scope.org_id()).await?.ok_or(AppError::NotFound)?;
    let actor = auth.actor(&state);
    let now = actor.at;
    let mut tx = state.db.begin().await?;
    let (user, new_account) = match existing {
        Some(user) => (user, never_used),
        None => {
            let new = users::NewUser { email, name, password_hash: password::unusable(), is_platform_admin: false };
            (users::create(&mut tx, &actor, &new).await?, true)
        }
    };
    invitations::invite(&mut tx, &actor, scope.org_id(), user.id, role).await?;
    // In the invitee's language (a new account has the adder's, as its welcome mail always had).
    let it = if new_account { t } else { Lang::from_code(&user.locale).unwrap_or_default().texts() };
    let lines = both_languages(|lang| lang.texts().invitation_notice(&org.name));
    notifications::add(&mut tx, user.id, scope.org_id(), &lines, "/invitations", now).await?;
    let subject = it.mail_org_invite_subject(&org.name);
    if new_account {
        tx.commit().await?;
        send_link(&state, &auth.ctx, &user, resets::INVITATION_VALID_FOR, &subject, |link, name| {
            it.mail_org_invite_new_body(link, name, &org.name, it.role_in_sentence(role))
        })
        .await?;
    } else {
        let link = format!("{}/invitations", state.config.base_url.trim_end_matches('/'));
        let body = it.mail_org_invite_body(&link, &user.name, &org.name, it.role_in_sentence(role));
        mail::queue(&state, &mut tx, &user.email, &subject, &body).await?;
        tx.commit().await?;
    }
    Ok(Redirect::to(&format!("/orgs/{id}?notice=invitation_sent")).into_response())
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, user_id)): Path<(i64, i64)>,
    Form(form): Form<RoleForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, Manage).await?;
    let t = auth.ctx.t();
    if users::membership(&state.db, user_id, scope.org_id()).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::default();
    let Some(role) = crate::forms::role_choice(t, &mut errors, &form.role) else {
        return members_refused(&state, &auth, &scope, StatusCode::UNPROCESSABLE_ENTITY, t.err_role).await;
    };
    let mut tx = state.db.begin().await?;
    if role != Role::Admin && users::is_only_admin(&mut tx, user_id, scope.org_id()).await? {
        drop(tx);
        return members_refused(&state, &auth, &scope, StatusCode::CONFLICT, t.err_last_admin).await;
    }
    users::set_membership(&mut tx, &auth.actor(&state), user_id, scope.org_id(), role).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{id}?notice=saved")).into_response())
}

/// The organisation's page with why a change to its member list was refused.
async fn members_refused(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    status: StatusCode,
    why: &'static str,
) -> Result<Response, AppError> {
    let mut page = org_page(state, auth, scope, MemberForm::default(), FieldErrors::default()).await?;
    page.members_error = Some(why);
    render(status, &page)
}

#[derive(Deserialize)]
struct RemoveForm {
    #[serde(default)]
    confirmed: String,
}

/// Ends a membership, asked once more (the member loses every page of the organisation at once, and only a new
/// invitation brings them back); the organisation's last administrator is not removed.
async fn remove_member(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, user_id)): Path<(i64, i64)>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, Manage).await?;
    let t = auth.ctx.t();
    let member = users::members_of(&state.db, scope.org_id()).await?.into_iter().find(|(u, _)| u.id == user_id);
    let Some((member, _)) = member else { return Err(AppError::NotFound) };
    let mut tx = state.db.begin().await?;
    if users::is_only_admin(&mut tx, user_id, scope.org_id()).await? {
        drop(tx);
        return members_refused(&state, &auth, &scope, StatusCode::CONFLICT, t.err_last_admin).await;
    }
    if form.confirmed != "yes" {
        drop(tx);
        let org = orgs::get(&state.db, scope.org_id()).await?.ok_or(AppError::NotFound)?;
        let yourself = member.id == auth.user.id;
        let mut lines = vec![t.member_remove_what(&member.email, &member.name, &org.name)];
        if yourself {
            lines.push(t.member_remove_yourself.to_owned());
        }
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: t.member_remove_title(&member.name),
            lines,
            action: format!("/orgs/{id}/members/{user_id}/remove"),
            button: t.member_remove_yes,
            back_href: format!("/orgs/{id}#members"),
            back_text: t.member_remove_back,
            carried: Vec::new(),
        }
        .response();
    }
    match users::remove_membership(&mut tx, &auth.actor(&state), user_id, scope.org_id()).await {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    }
    tx.commit().await?;
    // Who removed themselves has no page here any more.
    if member.id == auth.user.id {
        return Ok(Redirect::to("/dashboard?notice=left_organisation").into_response());
    }
    Ok(Redirect::to(&format!("/orgs/{id}?notice=member_removed")).into_response())
}

/// Withdraws an open invitation of the organisation (a wrong address, a change of plan, an inviter who left).
async fn withdraw_invitation(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, invitation)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, Manage).await?;
    let actor = auth.actor(&state);
    // An account made for this invitation and never used (a wrong address, say) keeps no way in: its mailed link to
    // choose a password is void, unless another invitation or a membership still waits for it. Read before the
    // writing transaction (SQLite's writer does not wait for reads on the pool).
    let open = invitations::open_of_org(&state.db, scope.org_id(), actor.at).await?;
    let never_used = match open.iter().find(|i| i.id == invitation) {
        Some(i) => users::credentials(&state.db, &i.email).await?.is_some_and(|(_, hash)| hash == password::unusable()),
        None => false,
    };
    let mut tx = state.db.begin().await?;
    let withdrawn = invitations::withdraw(&mut tx, &actor, scope.org_id(), invitation).await?;
    if let Some(user) = withdrawn.filter(|_| never_used) {
        if invitations::nothing_open(&mut tx, user, actor.at).await? {
            resets::revoke_unused(&mut tx, user).await?;
        }
    }
    tx.commit().await?;
    let notice = if withdrawn.is_some() { "invitation_withdrawn" } else { "invitation_gone" };
    Ok(Redirect::to(&format!("/orgs/{id}?notice={notice}")).into_response())
}
