//! The start page and the dashboard of the user's organisation: what needs doing there, its modules, the user's
//! other organisations with what waits in each, and (for its administrators) recent changes in sentences.

use super::dashboard::cards::{self, Card};
use super::dashboard::facts::{self, Depth};
use super::dashboard::landing::{landing_org, waiting_at};
use super::dashboard::lines::{line, Line};
use super::notices::NoticeRow;
use crate::audit_sentences::{sentence, Facts};
use crate::auth::{Auth, MaybeAuth};
use crate::error::AppError;
use crate::i18n::DashboardTexts;
use crate::state::AppState;
use crate::views::{ok, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{self, Action, Manage, Membership, ReadScope, View};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::dashboard::order;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::case::Late;
use volkshuis_domain::overleg::Deadline;
use volkshuis_store::overleg::{self, Listing};
use volkshuis_store::{dashboard, notifications, sessions, users};

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
}

/// Another organisation of the user, with what waits for them there.
struct OtherOrg {
    id: i64,
    name: String,
    kind_label: &'static str,
    role_label: &'static str,
    waiting: String,
}

/// The active organisation's overleg at a glance.
struct OverlegSummary {
    open: usize,
    /// Past the term, the viewer's own step (shown as a flag).
    late_ours: usize,
    /// Past the term, the other party's step (the corporation's reply, for a tenant organisation): not the
    /// viewer's lateness, so not flagged.
    late_theirs: usize,
    /// The nearest term still to come, with its mark where no decree settles it yet.
    next: Option<Deadline>,
    open_questions: usize,
}

struct RecentEntry {
    at: String,
    sentence: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Page,
    dt: &'static DashboardTexts,
    user_name: String,
    active: Option<OrgCard>,
    /// Whether the user's role may act on the work listed (a read-only member reads it).
    may_act: bool,
    todo: Vec<Line>,
    modules: Vec<Card>,
    others: Vec<OtherOrg>,
    recent: Vec<RecentEntry>,
    overleg: Option<OverlegSummary>,
    notices: Vec<NoticeRow>,
    /// A user in no organisation is told how to get in (a platform administrator has the platform's work instead).
    show_no_orgs: bool,
    /// Invitations waiting for this user's answer: a user in no organisation is led to them, not told to ask.
    invitations_waiting: usize,
}

async fn dashboard(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let dt = DashboardTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let chosen = auth.active_org_id.is_some_and(|id| auth.memberships.iter().any(|(o, _)| o.id == id));
    let active_membership = if chosen {
        auth.active()
    } else {
        // No organisation chosen (or the chosen one left): land where work waits, and keep it for this session.
        let landed = landing_org(&state, auth.user.id, &auth.memberships, today).await?;
        if let Some(id) = landed {
            dashboard::land_session(&state.db, &auth.token, id).await?;
            state.signed_in.clear();
        }
        landed.and_then(|id| auth.memberships.iter().find(|(o, _)| o.id == id))
    };
    let active_id = active_membership.map(|(o, _)| o.id);
    let (mut items, mut active, mut modules, mut recent, mut overleg_summary) =
        (Vec::new(), None, Vec::new(), Vec::new(), None);
    let mut may_act = true;
    if let Some((org, role)) = active_membership {
        let scope = auth.scope(&state, org.id, View).await?;
        // The list of work is the member's own, by the membership's role (as on landing): a platform administrator
        // who reads along in an organisation is not offered lines whose pages ask for a member who may act.
        let membership = Membership { user_id: auth.user.id, org_id: org.id, role: *role };
        let own = access::grant(org.id, Some(membership), View)?;
        items = facts::gather(&state, &own, org, Depth::Everything, today).await?;
        may_act = role.allows(Action::Edit);
        if matches!(org.kind, OrgKind::Corporation | OrgKind::TenantOrganisation) {
            let tenant = org.kind == OrgKind::TenantOrganisation;
            overleg_summary = Some(overleg_summary_of(&state, &scope, tenant).await?);
        }
        modules = cards::cards(dt, org.id, org.kind);
        let member_count = users::members_of(&state.db, org.id).await?.len();
        active = Some(OrgCard {
            id: org.id,
            name: org.name.clone(),
            kind_label: t.kind(org.kind),
            kind_explanation: t.kind_about(org.kind),
            role_label: t.role(*role),
            member_count,
        });
        // The organisation's trail is for its administrators.
        if let Ok(scope) = auth.scope(&state, org.id, Manage).await {
            recent = dashboard::named_entries(&state.db, &scope, 10)
                .await?
                .iter()
                .map(|named| RecentEntry { at: show_time(named.entry.at), sentence: sentence(dt, &Facts::of(named)) })
                .collect();
        }
    }
    if auth.user.is_platform_admin {
        items.extend(facts::platform(&state, today).await?);
        modules.push(cards::platform(dt));
    }
    let org_id = active.as_ref().map_or(0, |a| a.id);
    let todo = order(items).iter().map(|item| line(auth.ctx.lang, org_id, item, today)).collect();
    let mut others = Vec::new();
    for (org, role) in auth.memberships.iter().filter(|(o, _)| Some(o.id) != active_id) {
        let waiting = waiting_at(&state, auth.user.id, org, *role, today).await?;
        others.push(OtherOrg {
            id: org.id,
            name: org.name.clone(),
            kind_label: t.kind(org.kind),
            role_label: t.role(*role),
            waiting: dt.landing_waiting(i64::from(waiting)),
        });
    }
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    let notices = notifications::unread(&state.db, auth.user.id, 20)
        .await?
        .into_iter()
        .map(|n| NoticeRow::of(&auth, n))
        .collect();
    let invitations_waiting = if active.is_none() {
        volkshuis_store::invitations::open_for(&state.db, auth.user.id, state.clock.now()).await?.len()
    } else {
        0
    };
    ok(&DashboardPage {
        show_no_orgs: active.is_none() && !auth.user.is_platform_admin,
        invitations_waiting,
        page,
        dt,
        user_name: auth.user.name.clone(),
        active,
        may_act,
        todo,
        modules,
        others,
        recent,
        overleg: overleg_summary,
        notices,
    })
}

async fn overleg_summary_of(state: &AppState, scope: &ReadScope, tenant: bool) -> Result<OverlegSummary, AppError> {
    let today = dutch_date(state.clock.now());
    let open = overleg::list(&state.db, scope, Listing::Open, 500).await?;
    let cal = volkshuis_store::calendar::term_calendar(&state.db).await?;
    let late: Vec<Late> = open.iter().filter_map(|c| c.facts.late(&cal, today)).collect();
    let (late_ours, late_theirs) = lateness_by_side(&late, tenant);
    Ok(OverlegSummary {
        open: open.len(),
        late_ours,
        late_theirs,
        next: open.iter().filter_map(|c| c.facts.next(&cal)).filter(|d| d.date >= today).min_by_key(|d| d.date),
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

/// Switches to another of the user's organisations; the choice is remembered for the next log-in.
async fn switch_org(
    State(state): State<AppState>,
    auth: Auth,
    Form(form): Form<SwitchForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, form.org_id, View).await?;
    sessions::set_active_org(&state.db, &auth.actor(&state), &auth.token, scope.org_id()).await?;
    Ok(Redirect::to("/dashboard").into_response())
}

/// How many of the terms passed were the reader's own step and how many the other party's: the tenant organisation's
/// is the answer, the corporation's the reply.
fn lateness_by_side(late: &[Late], tenant: bool) -> (usize, usize) {
    let ours = late.iter().filter(|l| matches!(l, Late::Organisation { .. }) == tenant).count();
    (ours, late.len() - ours)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn each_side_counts_its_own_lateness() {
        let day = date!(2027 - 01 - 06);
        let late = [
            Late::Organisation { deadline: day },
            Late::Organisation { deadline: day },
            Late::Corporation { deadline: day },
        ];
        assert_eq!(lateness_by_side(&late, true), (2, 1), "the tenant organisation's two answers are its own");
        assert_eq!(lateness_by_side(&late, false), (1, 2), "the corporation's reply is its own");
        assert_eq!(lateness_by_side(&[], true), (0, 0));
    }
}
