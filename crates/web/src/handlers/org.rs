//! An organisation's own page: its members, managed by its administrators.

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::password_reset::send_link;
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_accounts::password;
use volkshuis_domain::access::{Action, Manage, ReadScope, Role, View};
use volkshuis_domain::account::Email;
use volkshuis_domain::text::Name;
use volkshuis_store::{orgs, resets, users, StoreError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{id}", get(show))
        .route("/orgs/{id}/members", post(add_member))
        .route("/orgs/{id}/members/{user_id}/role", post(change_role))
        .route("/orgs/{id}/members/{user_id}/remove", post(remove_member))
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
    Ok(OrgPage {
        page: Page::for_user(auth),
        org: OrgView { id: org.id, name: org.name, code: org.code, kind_label: t.kind(org.kind) },
        members,
        can_manage: scope.role().allows(Action::Manage),
        roles: t.role_options(),
        form,
        errors,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, View).await?;
    let mut page = org_page(
        &state,
        &auth,
        &scope,
        MemberForm { role: Role::Staff.code().into(), ..Default::default() },
        FieldErrors::default(),
    )
    .await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

async fn add_member(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Form(form): Form<MemberForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, Manage).await?;
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let email = errors.check(t, "email", Email::parse(&form.email));
    let role = errors.check(t, "role", Role::parse(&form.role));
    let existing = match &email {
        Some(email) => users::by_email(&state.db, email).await?,
        None => None,
    };
    let new_name = if existing.is_none() { errors.check(t, "name", Name::parse(&form.name)) } else { None };
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        let page = org_page(&state, &auth, &scope, form, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let actor = auth.actor(&state);
    let mut tx = state.db.begin().await?;
    let (user, invited) = match existing {
        Some(user) => (user, false),
        None => {
            let name = new_name.ok_or(AppError::Internal(anyhow::anyhow!("name checked above")))?;
            let new = users::NewUser { email, name, password_hash: password::unusable(), is_platform_admin: false };
            (users::create(&mut tx, &actor, &new).await?, true)
        }
    };
    users::set_membership(&mut tx, &actor, user.id, scope.org_id(), role).await?;
    tx.commit().await?;
    if invited {
        send_link(&state, &auth.ctx, &user, resets::INVITATION_VALID_FOR, t.mail_invite_subject, |link, name| {
            t.mail_invite_body(link, name)
        })
        .await?;
    }
    let notice = if invited { "invited" } else { "member_added" };
    Ok(Redirect::to(&format!("/orgs/{id}?notice={notice}")).into_response())
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
    let role = Role::parse(&form.role).map_err(|_| AppError::NotFound)?;
    if users::membership(&state.db, user_id, scope.org_id()).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.begin().await?;
    users::set_membership(&mut tx, &auth.actor(&state), user_id, scope.org_id(), role).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{id}?notice=saved")).into_response())
}

async fn remove_member(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, user_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, id, Manage).await?;
    let mut tx = state.db.begin().await?;
    match users::remove_membership(&mut tx, &auth.actor(&state), user_id, scope.org_id()).await {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{id}?notice=saved")).into_response())
}
