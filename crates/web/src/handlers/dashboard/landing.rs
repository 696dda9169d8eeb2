//! Where a user in several organisations lands (after logging in, and on the dashboard when the session has no
//! organisation): the choice remembered from "Werk voor …" while the user is still a member there, otherwise the
//! organisation where work waits ([`volkshuis_domain::dashboard::landing`]).

use super::facts::{gather, Depth};
use crate::error::AppError;
use crate::state::AppState;
use time::Date;
use volkshuis_domain::access::{self, Action, Membership, Role, View};
use volkshuis_domain::dashboard::{landing, Candidate, WorkCounts};
use volkshuis_store::dashboard::remembered_org;
use volkshuis_store::orgs::Organisation;

/// What waits for the user at organisation `org`, where the user holds `role`: the scope is granted through the
/// membership, as every page grants it.
pub(crate) async fn work_at(
    state: &AppState,
    user_id: i64,
    org: &Organisation,
    role: Role,
    today: Date,
) -> Result<WorkCounts, AppError> {
    let membership = Membership { user_id, org_id: org.id, role };
    let scope = access::grant(org.id, Some(membership), View)?;
    let items = gather(state, &scope, org, Depth::Waiting, today).await?;
    Ok(WorkCounts::tally(&items, today))
}

/// How many things wait for the user at `org` (0 for a read-only member: not theirs to do).
pub(crate) async fn waiting_at(
    state: &AppState,
    user_id: i64,
    org: &Organisation,
    role: Role,
    today: Date,
) -> Result<u32, AppError> {
    if !role.allows(Action::Edit) {
        return Ok(0);
    }
    Ok(work_at(state, user_id, org, role, today).await?.total())
}

/// The organisation the user lands on, from their memberships in their usual order (by name).
pub(crate) async fn landing_org(
    state: &AppState,
    user_id: i64,
    memberships: &[(Organisation, Role)],
    today: Date,
) -> Result<Option<i64>, AppError> {
    if memberships.len() < 2 {
        return Ok(memberships.first().map(|(org, _)| org.id));
    }
    let remembered = remembered_org(&state.db, user_id).await?;
    if remembered.is_some_and(|id| memberships.iter().any(|(org, _)| org.id == id)) {
        return Ok(remembered); // No need to count work the choice overrules.
    }
    let mut candidates = Vec::with_capacity(memberships.len());
    for (org, role) in memberships {
        let may_act = role.allows(Action::Edit);
        let work = if may_act { work_at(state, user_id, org, *role, today).await? } else { WorkCounts::default() };
        candidates.push(Candidate { org_id: org.id, may_act, work });
    }
    Ok(landing(&candidates, remembered))
}
