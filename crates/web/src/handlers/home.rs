//! The start page and the dashboard of the user's organisation.

use crate::app::AppState;
use crate::auth::{Auth, MaybeAuth};
use crate::error::AppError;
use crate::views::{ok, show_time, Page};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::Action;
use volkshuis_store::{audit, sessions, users};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(start)).route("/dashboard", get(dashboard)).route("/orgs/switch", post(switch_org))
}

async fn start(MaybeAuth(auth): MaybeAuth) -> Redirect {
    Redirect::to(if auth.is_some() { "/dashboard" } else { "/login" })
}

struct OrgCard {
    id: i64,
    name: String,
    kind_label: &'static str,
    kind_explanation: &'static str,
    role_label: &'static str,
    member_count: usize,
    has_stock: bool,
}

struct RecentEntry {
    at: String,
    actor: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Page,
    user_name: String,
    active: Option<OrgCard>,
    others: Vec<OrgCard>,
    recent: Vec<RecentEntry>,
}

#[derive(Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
}

async fn dashboard(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let active_id = auth.active().map(|(o, _)| o.id);
    let card = |org: &volkshuis_store::orgs::Organisation, role, member_count| OrgCard {
        id: org.id,
        name: org.name.clone(),
        kind_label: t.kind(org.kind),
        kind_explanation: t.kind_about(org.kind),
        role_label: t.role(role),
        member_count,
        has_stock: org.kind == volkshuis_domain::org::OrgKind::Corporation,
    };
    let mut active = None;
    let mut recent = Vec::new();
    if let Some((org, role)) = auth.active() {
        let members = users::members_of(&state.db, org.id).await?.len();
        active = Some(card(org, *role, members));
        // The organisation's trail is for its administrators.
        if let Ok(scope) = auth.scope(&state, org.id, Action::Manage).await {
            let filter = audit::Filter { org_id: Some(scope.org_id()), ..Default::default() };
            recent = audit::list(&state.db, &filter, 10)
                .await?
                .into_iter()
                .map(|e| RecentEntry {
                    at: show_time(e.at),
                    actor: e.actor_label,
                    summary: format!("{} {} {}", e.action, e.entity, e.entity_id.unwrap_or_default()),
                })
                .collect();
        }
    }
    let others =
        auth.memberships.iter().filter(|(o, _)| Some(o.id) != active_id).map(|(o, r)| card(o, *r, 0)).collect();
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    ok(&DashboardPage { page, user_name: auth.user.name.clone(), active, others, recent })
}

#[derive(Deserialize)]
struct SwitchForm {
    org_id: i64,
}

async fn switch_org(
    State(state): State<AppState>,
    auth: Auth,
    Form(form): Form<SwitchForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, form.org_id, Action::View).await?;
    sessions::set_active_org(&state.db, &auth.actor(&state), &auth.token, scope.org_id()).await?;
    Ok(Redirect::to("/dashboard").into_response())
}
