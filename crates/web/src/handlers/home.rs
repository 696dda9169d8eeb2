//! The start page and the dashboard of the user's organisation.

use crate::auth::{Auth, MaybeAuth};
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{ok, show_date, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Manage, ReadScope, View};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::overleg::{self, Listing};
use volkshuis_store::{audit, notifications, sessions, users};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(start))
        .route("/dashboard", get(dashboard))
        .route("/orgs/switch", post(switch_org))
        .route("/notifications/{id}/read", post(read_notice))
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
    has_social_return: bool,
    has_participation: bool,
}

/// The active organisation's overleg at a glance.
struct OverlegSummary {
    open: usize,
    late: usize,
    next: Option<String>,
    open_questions: usize,
}

struct NoticeRow {
    id: i64,
    text: String,
    link: String,
    at: String,
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
    overleg: Option<OverlegSummary>,
    notices: Vec<NoticeRow>,
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
        has_stock: org.kind == OrgKind::Corporation,
        has_social_return: org.kind != OrgKind::TenantOrganisation,
        has_participation: matches!(org.kind, OrgKind::Corporation | OrgKind::TenantOrganisation),
    };
    let mut active = None;
    let mut recent = Vec::new();
    let mut overleg_summary = None;
    if let Some((org, role)) = auth.active() {
        if matches!(org.kind, OrgKind::Corporation | OrgKind::TenantOrganisation) {
            let scope = auth.scope(&state, org.id, View).await?;
            overleg_summary = Some(overleg_summary_of(&state, &scope).await?);
        }
        let members = users::members_of(&state.db, org.id).await?.len();
        active = Some(card(org, *role, members));
        // The organisation's trail is for its administrators.
        if let Ok(scope) = auth.scope(&state, org.id, Manage).await {
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
    let notices = notifications::unread(&state.db, auth.user.id, 20)
        .await?
        .into_iter()
        .map(|n| NoticeRow { id: n.id, text: n.text, link: n.link, at: show_time(n.created_at) })
        .collect();
    ok(&DashboardPage {
        page,
        user_name: auth.user.name.clone(),
        active,
        others,
        recent,
        overleg: overleg_summary,
        notices,
    })
}

async fn overleg_summary_of(state: &AppState, scope: &ReadScope) -> Result<OverlegSummary, AppError> {
    let today = dutch_date(state.clock.now());
    let open = overleg::list(&state.db, scope, Listing::Open, 500).await?;
    let cal = volkshuis_store::calendar::term_calendar(&state.db).await?;
    Ok(OverlegSummary {
        open: open.len(),
        late: open.iter().filter(|c| c.facts.late(&cal, today).is_some()).count(),
        next: open.iter().filter_map(|c| c.facts.next_deadline(&cal)).filter(|d| *d >= today).min().map(show_date),
        open_questions: overleg::open_questions(&state.db, scope).await?.len(),
    })
}

async fn read_notice(State(state): State<AppState>, auth: Auth, Path(id): Path<i64>) -> Result<Response, AppError> {
    notifications::mark_read(&state.db, auth.user.id, id, state.clock.now()).await?;
    Ok(Redirect::to("/dashboard").into_response())
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
    let scope = auth.scope(&state, form.org_id, View).await?;
    sessions::set_active_org(&state.db, &auth.actor(&state), &auth.token, scope.org_id()).await?;
    Ok(Redirect::to("/dashboard").into_response())
}
