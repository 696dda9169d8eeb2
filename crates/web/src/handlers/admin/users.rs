//! Creating users, changing them, and giving them roles in organisations.

use crate::auth::{Auth, PlatformAdmin};
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::handlers::password_reset::send_link;
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_accounts::password;
use volkshuis_domain::account::NewPassword;
use volkshuis_domain::text::Name;
use volkshuis_store::{orgs, resets, users, StoreError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/new", get(new_form).post(create))
        .route("/admin/users/{id}", get(edit_form).post(update))
        .route("/admin/users/{id}/memberships", post(add_membership))
        .route("/admin/users/{id}/memberships/{org_id}/remove", post(remove_membership))
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct ListPage {
    page: Page,
    users: Vec<users::User>,
}

async fn list(State(state): State<AppState>, PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    ok(&ListPage { page: Page::for_user(&auth), users: users::list(&state.db).await? })
}

#[derive(Default, Deserialize)]
struct NewUserForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    platform_admin: Option<String>,
    #[serde(default)]
    org_id: String,
    #[serde(default)]
    role: String,
}

#[derive(Template)]
#[template(path = "admin/user_new.html")]
struct NewPage {
    page: Page,
    form: NewUserForm,
    orgs: Vec<(String, String)>,
    roles: Vec<(String, String)>,
    errors: FieldErrors,
}

async fn org_options(state: &AppState) -> Result<Vec<(String, String)>, AppError> {
    Ok(orgs::list(&state.db).await?.into_iter().map(|o| (o.id.to_string(), o.name)).collect())
}

async fn new_page(
    state: &AppState,
    auth: &Auth,
    mut form: NewUserForm,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    form.password.clear();
    Ok(NewPage {
        page: Page::for_user(auth),
        form,
        orgs: org_options(state).await?,
        roles: auth.ctx.t().role_options(),
        errors,
    })
}

async fn new_form(State(state): State<AppState>, PlatformAdmin(auth): PlatformAdmin) -> Result<Response, AppError> {
    let form = NewUserForm::default();
    ok(&new_page(&state, &auth, form, FieldErrors::default()).await?)
}

async fn create(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Form(form): Form<NewUserForm>,
) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let name = errors.check(t, "name", Name::parse(&form.name));
    let email = crate::forms::email_field(t, &mut errors, &form.email);
    let chosen_password =
        if form.password.is_empty() { None } else { errors.check(t, "password", NewPassword::parse(&form.password)) };
    let org = match form.org_id.trim() {
        "" => None,
        id => match id.parse::<i64>().ok() {
            Some(id) if orgs::get(&state.db, id).await?.is_some() => Some(id),
            _ => {
                errors.add("org_id", t.err_choose);
                None
            }
        },
    };
    let role = if org.is_some() { crate::forms::role_choice(t, &mut errors, &form.role) } else { None };
    let (Some(name), Some(email), true) = (name, email, errors.is_empty()) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &auth, form, errors).await?);
    };
    let hash = match &chosen_password {
        Some(p) => password::hash(p.expose().to_owned()).await?,
        None => password::unusable(),
    };
    let actor = auth.actor(&state);
    let mut tx = state.db.begin().await?;
    let new = users::NewUser { email, name, password_hash: hash, is_platform_admin: checkbox(&form.platform_admin) };
    let user = match users::create(&mut tx, &actor, &new).await {
        Ok(user) => user,
        Err(StoreError::Duplicate) => {
            // The write lock is given back before the page reads (ADR 0061).
            drop(tx);
            errors.add("email", t.err_email_taken);
            return render(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &auth, form, errors).await?);
        }
        Err(other) => return Err(other.into()),
    };
    if let (Some(org), Some(role)) = (org, role) {
        users::set_membership(&mut tx, &actor, user.id, org, role).await?;
    }
    tx.commit().await?;
    if chosen_password.is_none() {
        send_link(&state, &auth.ctx, &user, resets::INVITATION_VALID_FOR, t.mail_invite_subject, |link, name| {
            t.mail_invite_body(link, name)
        })
        .await?;
    }
    Ok(Redirect::to(&format!("/admin/users/{}", user.id)).into_response())
}

#[derive(Default, Deserialize)]
struct EditForm {
    #[serde(default)]
    name: String,
    platform_admin: Option<String>,
    active: Option<String>,
}

#[derive(Default, Deserialize)]
struct MembershipForm {
    #[serde(default)]
    org_id: String,
    #[serde(default)]
    role: String,
}

#[derive(Template)]
#[template(path = "admin/user_edit.html")]
struct EditPage {
    page: Page,
    user_id: i64,
    email: String,
    form: EditForm,
    errors: FieldErrors,
    memberships: Vec<(i64, String, &'static str)>,
    orgs: Vec<(String, String)>,
    roles: Vec<(String, String)>,
    membership_form: MembershipForm,
    membership_errors: FieldErrors,
}

struct EditState {
    form: Option<EditForm>,
    errors: FieldErrors,
    membership_form: MembershipForm,
    membership_errors: FieldErrors,
}

async fn edit_page(state: &AppState, auth: &Auth, id: i64, edit: EditState) -> Result<EditPage, AppError> {
    let t = auth.ctx.t();
    let user = users::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let form = edit.form.unwrap_or_else(|| EditForm {
        name: user.name.clone(),
        platform_admin: user.is_platform_admin.then(|| "on".to_owned()),
        active: user.active.then(|| "on".to_owned()),
    });
    let memberships =
        users::organisations_of(&state.db, id).await?.into_iter().map(|(o, r)| (o.id, o.name, t.role(r))).collect();
    Ok(EditPage {
        page: Page::for_user(auth),
        user_id: id,
        email: user.email,
        form,
        errors: edit.errors,
        memberships,
        orgs: org_options(state).await?,
        roles: t.role_options(),
        membership_form: edit.membership_form,
        membership_errors: edit.membership_errors,
    })
}

fn fresh() -> EditState {
    EditState {
        form: None,
        errors: FieldErrors::default(),
        membership_form: MembershipForm::default(),
        membership_errors: FieldErrors::default(),
    }
}

async fn edit_form(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    ok(&edit_page(&state, &auth, id, fresh()).await?)
}

async fn update(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
    Form(form): Form<EditForm>,
) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let name = errors.check(t, "name", Name::parse(&form.name));
    // The administrator's own account keeps its flag and stays active: taken away by oneself, the platform could be
    // left without anyone to manage it (another platform administrator can do it).
    if id == auth.user.id {
        if !checkbox(&form.platform_admin) {
            errors.add("platform_admin", t.err_own_platform_admin);
        }
        if !checkbox(&form.active) {
            errors.add("active", t.err_own_active);
        }
    }
    let (Some(name), true) = (name, errors.is_empty()) else {
        let page = edit_page(&state, &auth, id, EditState { form: Some(form), errors, ..fresh() }).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let update =
        users::UserUpdate { name, is_platform_admin: checkbox(&form.platform_admin), active: checkbox(&form.active) };
    let mut tx = state.db.begin().await?;
    users::update(&mut tx, &auth.actor(&state), id, &update).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}

async fn add_membership(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path(id): Path<i64>,
    Form(form): Form<MembershipForm>,
) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    if users::get(&state.db, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::default();
    let org = match form.org_id.parse::<i64>().ok() {
        Some(org) if orgs::get(&state.db, org).await?.is_some() => Some(org),
        _ => {
            errors.add("org_id", t.err_choose);
            None
        }
    };
    let role = crate::forms::role_choice(t, &mut errors, &form.role);
    let (Some(org), Some(role)) = (org, role) else {
        let edit = EditState { membership_form: form, membership_errors: errors, ..fresh() };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &edit_page(&state, &auth, id, edit).await?);
    };
    let mut tx = state.db.begin().await?;
    // As on the organisation's own page: its only administrator is not made something less (the operator makes
    // another administrator first).
    if role != volkshuis_domain::access::Role::Admin && users::is_only_admin(&mut tx, id, org).await? {
        drop(tx);
        let mut errors = FieldErrors::default();
        errors.add("role", t.err_last_admin);
        let edit = EditState { membership_form: form, membership_errors: errors, ..fresh() };
        return render(StatusCode::CONFLICT, &edit_page(&state, &auth, id, edit).await?);
    }
    users::set_membership(&mut tx, &auth.actor(&state), id, org, role).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}

async fn remove_membership(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Path((id, org_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let mut tx = state.db.begin().await?;
    if users::is_only_admin(&mut tx, id, org_id).await? {
        drop(tx);
        let mut errors = FieldErrors::default();
        errors.add("role", auth.ctx.t().err_last_admin);
        let edit = EditState { membership_errors: errors, ..fresh() };
        return render(StatusCode::CONFLICT, &edit_page(&state, &auth, id, edit).await?);
    }
    users::remove_membership(&mut tx, &auth.actor(&state), id, org_id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}
