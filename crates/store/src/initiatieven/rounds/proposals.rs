//! The projects of a round: proposed by a signed-in user while the round takes proposals, checked by the
//! corporation until voting opens, and once funded followed to completion.

use super::{hold, projects, Phase, ProjectStatus, Round};
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result};
use serde_json::json;
use volkshuis_domain::access::WriteScope;

/// A project proposed by a signed-in user.
#[derive(Debug, Clone)]
pub struct NewProject {
    /// Title.
    pub title: String,
    /// What it is.
    pub description: String,
    /// What it costs, in cents (more than zero).
    pub cost_cents: i64,
}

/// Why a proposal was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposeRefused {
    /// The round no longer takes proposals.
    Closed,
    /// The project costs more than the whole budget.
    OverBudget,
}

/// Adds a proposal to a round that takes proposals, in the name of `actor` (a signed-in user).
pub async fn propose(
    db: &Db,
    actor: &Actor,
    round: &Round,
    new: &NewProject,
) -> Result<std::result::Result<i64, ProposeRefused>> {
    if new.cost_cents > round.rules.budget_cents {
        return Ok(Err(ProposeRefused::OverBudget));
    }
    let mut tx = db.begin().await?;
    if !hold(&mut tx, round.id, None, &[Phase::Proposing]).await? {
        return Ok(Err(ProposeRefused::Closed));
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_round_projects (round_id, title, description, cost_cents, proposed_by, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(round.id)
    .bind(new.title.as_str())
    .bind(new.description.as_str())
    .bind(new.cost_cents)
    .bind(actor.name())
    .bind(ProjectStatus::Submitted.code())
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(round.corporation_id), "create", "in_round_project", id.to_string());
    change.after = Some(json!({ "round_id": round.id, "title": new.title, "cost_cents": new.cost_cents }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Why a check was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckRefused {
    /// The ballot is fixed: voting has opened.
    PastChecking,
    /// A project that costs more than the whole budget cannot be approved (no valid ballot could choose it).
    OverBudget,
}

/// Approves or rejects a project of one of the corporation's rounds, with a note, while proposals are coming in or
/// being checked; a decision may be changed until voting opens. `Ok(None)` when the round or project is not the
/// corporation's.
pub async fn check(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    round: &Round,
    project_id: i64,
    approve: bool,
    note: Option<&str>,
) -> Result<Option<std::result::Result<(), CheckRefused>>> {
    if round.corporation_id != scope.org_id() {
        return Ok(None);
    }
    let Some(project) = projects(db, round).await?.into_iter().find(|p| p.id == project_id) else { return Ok(None) };
    if approve && project.cost_cents > round.rules.budget_cents {
        return Ok(Some(Err(CheckRefused::OverBudget)));
    }
    let mut tx = db.begin().await?;
    if !hold(&mut tx, round.id, Some(scope.org_id()), &[Phase::Proposing, Phase::Checking]).await? {
        return Ok(Some(Err(CheckRefused::PastChecking)));
    }
    let status = if approve { ProjectStatus::Approved } else { ProjectStatus::Rejected };
    sql::query("UPDATE in_round_projects SET status = $1, check_note = $2 WHERE id = $3 AND round_id = $4")
        .bind(status.code())
        .bind(note)
        .bind(project_id)
        .bind(round.id)
        .execute(&mut tx)
        .await?;
    let action = if approve { "approve" } else { "reject" };
    let mut change = Change::event(Some(scope.org_id()), action, "in_round_project", project_id.to_string());
    change.before = Some(json!({ "status": project.status.code() }));
    change.after = Some(json!({ "round_id": round.id, "title": project.title, "note": note }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(Ok(())))
}

/// Why progress was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressRefused {
    /// Progress is recorded once the results are published.
    NotPublished,
    /// Only a funded project is followed, and only to funded, underway or done.
    NotFunded,
}

/// Records the status and progress of a funded project of one of the corporation's published rounds. `Ok(None)`
/// when the round or project is not the corporation's.
pub async fn progress(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    round: &Round,
    project_id: i64,
    status: ProjectStatus,
    progress: Option<&str>,
) -> Result<Option<std::result::Result<(), ProgressRefused>>> {
    if round.corporation_id != scope.org_id() {
        return Ok(None);
    }
    let Some(project) = projects(db, round).await?.into_iter().find(|p| p.id == project_id) else { return Ok(None) };
    if !project.status.funded() || !status.funded() {
        return Ok(Some(Err(ProgressRefused::NotFunded)));
    }
    let mut tx = db.begin().await?;
    if !hold(&mut tx, round.id, Some(scope.org_id()), &[Phase::Published]).await? {
        return Ok(Some(Err(ProgressRefused::NotPublished)));
    }
    sql::query("UPDATE in_round_projects SET status = $1, progress = $2 WHERE id = $3 AND round_id = $4")
        .bind(status.code())
        .bind(progress)
        .bind(project_id)
        .bind(round.id)
        .execute(&mut tx)
        .await?;
    let mut change = Change::event(Some(scope.org_id()), "progress", "in_round_project", project_id.to_string());
    change.before = Some(json!({ "status": project.status.code() }));
    change.after = Some(json!({ "round_id": round.id, "title": project.title, "status": status.code() }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(Ok(())))
}
