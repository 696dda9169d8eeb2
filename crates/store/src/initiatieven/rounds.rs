//! Neighbourhood budget rounds (buurtbudget): a corporation opens a round for an area with a budget and the rules of
//! a ballot; residents propose projects and the corporation checks them ([`propose`], [`check`]); the households of
//! the area vote with a personal code sent by letter ([`votes`]); the tally at closing decides what is funded, and
//! the funded projects are followed to completion ([`progress`]).
//!
//! A round moves one phase at a time ([`Phase`]). Every write on a round first touches the round's row with the
//! phases it may be in (`UPDATE … SET phase = phase WHERE … AND phase IN (…)`): on PostgreSQL that takes the row's
//! lock, so a phase move and a write that depends on the phase (a vote, a check) never interleave; SQLite's
//! transactions take the one write lock at once. The corporation's pages reach a round through its scope; the
//! public pages read any round (a round is public from the day it opens) and only the public facts of its projects.

mod kinds;
mod proposals;
pub mod votes;

pub use kinds::{is_household, Area, Phase, ProjectStatus, NOT_A_HOUSEHOLD};
pub use proposals::{check, progress, propose, CheckRefused, NewProject, ProgressRefused, ProposeRefused};

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::initiatieven::buurtbudget::{tally, RoundRules, Tally};

/// A round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// Id.
    pub id: i64,
    /// The corporation that runs it.
    pub corporation_id: i64,
    /// Its name.
    pub corporation: String,
    /// Title.
    pub title: String,
    /// The area.
    pub area: Area,
    /// Budget and ballot rules.
    pub rules: RoundRules,
    /// Where it stands.
    pub phase: Phase,
    /// Who opened it.
    pub created_by: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// A project proposed in a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// Id.
    pub id: i64,
    /// The round.
    pub round_id: i64,
    /// Title.
    pub title: String,
    /// What it is.
    pub description: String,
    /// What it costs.
    pub cost_cents: i64,
    /// Who proposed it (a name; the corporation's pages only).
    pub proposed_by: String,
    /// Where it stands.
    pub status: ProjectStatus,
    /// The corporation's note on its check (public: it tells residents why a project is not on the ballot).
    pub check_note: Option<String>,
    /// How a funded project is getting on (public).
    pub progress: Option<String>,
}

fn corrupt(column: &'static str, value: &str) -> crate::StoreError {
    crate::StoreError::Corrupt { column, value: value.to_owned() }
}

fn count(row: &sql::Row, column: &'static str) -> Result<u32> {
    let n: i64 = row.try_get(column)?;
    u32::try_from(n).map_err(|_| corrupt(column, &n.to_string()))
}

const ROUND: &str = "SELECT r.id, r.corporation_id, c.name AS corporation, r.title, r.area_code, r.budget_cents, \
     r.min_projects, r.max_projects, r.phase, r.created_by, r.created_at \
     FROM in_rounds r JOIN organisations c ON c.id = r.corporation_id";

fn round_from(row: &sql::Row) -> Result<Round> {
    let phase: String = row.try_get("phase")?;
    let area: String = row.try_get("area_code")?;
    Ok(Round {
        id: row.try_get("id")?,
        corporation_id: row.try_get("corporation_id")?,
        corporation: row.try_get("corporation")?,
        title: row.try_get("title")?,
        area: Area::parse(&area).map_err(|_| corrupt("area_code", &area))?,
        rules: RoundRules {
            budget_cents: row.try_get("budget_cents")?,
            min_projects: count(row, "min_projects")?,
            max_projects: count(row, "max_projects")?,
        },
        phase: Phase::parse(&phase).ok_or_else(|| corrupt("phase", &phase))?,
        created_by: row.try_get("created_by")?,
        created_at: timestamp::from_unix(row.try_get("created_at")?),
    })
}

const PROJECT: &str = "SELECT id, round_id, title, description, cost_cents, proposed_by, status, check_note, progress \
     FROM in_round_projects";

fn project_from(row: &sql::Row) -> Result<Project> {
    let status: String = row.try_get("status")?;
    Ok(Project {
        id: row.try_get("id")?,
        round_id: row.try_get("round_id")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        cost_cents: row.try_get("cost_cents")?,
        proposed_by: row.try_get("proposed_by")?,
        status: ProjectStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        check_note: row.try_get("check_note")?,
        progress: row.try_get("progress")?,
    })
}

/// A new round, checked at the edge (title and rules); the store checks the area.
#[derive(Debug, Clone)]
pub struct NewRound {
    /// Title.
    pub title: String,
    /// The area.
    pub area: Area,
    /// Budget and ballot rules (without problems by [`RoundRules::problems`]).
    pub rules: RoundRules,
}

/// Why a round was not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateRefused {
    /// The code is no CBS code and no complex of the corporation.
    UnknownComplex,
    /// No household of the corporation's stock lives in the area.
    NoHouseholds,
}

/// Opens a round of the corporation of `scope`, in its first phase.
pub async fn create(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    new: &NewRound,
) -> Result<std::result::Result<i64, CreateRefused>> {
    let mut area = new.area.clone();
    if let Area::Complex(code) = &new.area {
        // Typed in any case; stored as the stock has it (an exact match first, should two differ only in case).
        let known: Option<String> = sql::query_scalar(
            "SELECT code FROM clusters WHERE corporation_id = $1 AND UPPER(code) = UPPER($2) \
             ORDER BY CASE WHEN code = $2 THEN 0 ELSE 1 END, id LIMIT 1",
        )
        .bind(scope.org_id())
        .bind(code.as_str())
        .fetch_optional(db)
        .await?;
        match known {
            Some(code) => area = Area::Complex(code),
            None => return Ok(Err(CreateRefused::UnknownComplex)),
        }
    }
    if votes::count_households(db, scope.org_id(), &area).await? == 0 {
        return Ok(Err(CreateRefused::NoHouseholds));
    }
    let mut tx = db.begin().await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_rounds (corporation_id, title, area_code, budget_cents, min_projects, max_projects, phase, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(new.title.as_str())
    .bind(area.code())
    .bind(new.rules.budget_cents)
    .bind(i64::from(new.rules.min_projects))
    .bind(i64::from(new.rules.max_projects))
    .bind(Phase::Proposing.code())
    .bind(actor.name())
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "create", "in_round", id.to_string());
    change.after = Some(json!({
        "title": new.title, "area": area.code(), "budget_cents": new.rules.budget_cents,
        "min_projects": new.rules.min_projects, "max_projects": new.rules.max_projects,
    }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// The rounds of the corporation of `scope`, newest first.
pub async fn for_corporation(db: &Db, scope: &ReadScope) -> Result<Vec<Round>> {
    let rows = sql::query(&format!("{ROUND} WHERE r.corporation_id = $1 ORDER BY r.id DESC"))
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    rows.iter().map(round_from).collect()
}

/// One round of the corporation of `scope`; `None` for another corporation's id.
pub async fn of_corporation(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Round>> {
    let row = sql::query(&format!("{ROUND} WHERE r.id = $1 AND r.corporation_id = $2"))
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(round_from).transpose()
}

/// Any round, for its public page.
pub async fn public(db: &Db, id: i64) -> Result<Option<Round>> {
    let row = sql::query(&format!("{ROUND} WHERE r.id = $1")).bind(id).fetch_optional(db).await?;
    row.as_ref().map(round_from).transpose()
}

/// Every round, newest first, for the public list (at most 200).
pub async fn public_list(db: &Db) -> Result<Vec<Round>> {
    let rows = sql::query(&format!("{ROUND} ORDER BY r.id DESC LIMIT 200")).fetch_all(db).await?;
    rows.iter().map(round_from).collect()
}

/// The projects of a round (read through [`of_corporation`] or [`public`]), in the order they were proposed.
pub async fn projects(db: &Db, round: &Round) -> Result<Vec<Project>> {
    let rows = sql::query(&format!("{PROJECT} WHERE round_id = $1 ORDER BY id")).bind(round.id).fetch_all(db).await?;
    rows.iter().map(project_from).collect()
}

/// The projects on the ballot as the domain rules take them: `(id, cost in cents)`.
pub fn on_ballot(projects: &[Project]) -> Vec<(i64, i64)> {
    projects.iter().filter(|p| p.status.on_ballot()).map(|p| (p.id, p.cost_cents)).collect()
}

/// Touches round `id` (of `corporation`, when given) if it is in one of `phases`: on PostgreSQL this holds the row's
/// lock to the end of the transaction, so the phase cannot change under the write that depends on it.
pub(crate) async fn hold(tx: &mut Tx, id: i64, corporation: Option<i64>, phases: &[Phase]) -> Result<bool> {
    // The codes come from the enum, never from input.
    let list: Vec<String> = phases.iter().map(|p| format!("'{}'", p.code())).collect();
    let done = sql::query(&format!(
        "UPDATE in_rounds SET phase = phase WHERE id = $1 AND ($2 IS NULL OR corporation_id = $2) AND phase IN ({})",
        list.join(", ")
    ))
    .bind(id)
    .bind(corporation)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Why a round did not move on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRefused {
    /// The round is no longer in the phase the form showed (someone else moved it); nothing changed.
    Moved,
    /// The round is published: there is no further phase.
    Last,
    /// Voting cannot open while proposals wait for their check.
    Unchecked {
        /// How many.
        waiting: usize,
    },
    /// Voting cannot open with fewer approved projects than a ballot must choose.
    TooFewApproved {
        /// Approved.
        approved: usize,
        /// The minimum a ballot chooses.
        min: u32,
    },
    /// No ballot could be valid: the cheapest projects a ballot must choose already cost more than the budget.
    NoValidBallot,
}

/// Moves one of the corporation's rounds from `from` (the phase its page showed) to the next phase. Opening the
/// vote needs every proposal checked and enough approved projects for a valid ballot; closing it counts the ballots
/// and marks the funded projects, in the same transaction. `Ok(None)` for another corporation's round.
pub async fn move_on(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    from: Phase,
) -> Result<Option<std::result::Result<Phase, MoveRefused>>> {
    let Some(round) = of_corporation(db, scope.as_read(), id).await? else { return Ok(None) };
    let Some(to) = from.next() else { return Ok(Some(Err(MoveRefused::Last))) };
    let mut tx = db.begin().await?;
    let moved = sql::query("UPDATE in_rounds SET phase = $1 WHERE id = $2 AND corporation_id = $3 AND phase = $4")
        .bind(to.code())
        .bind(id)
        .bind(scope.org_id())
        .bind(from.code())
        .execute(&mut tx)
        .await?;
    if moved.rows_affected() == 0 {
        return Ok(Some(Err(MoveRefused::Moved)));
    }
    // Read after the move took the row: no check or vote can slip in between.
    let rows = sql::query(&format!("{PROJECT} WHERE round_id = $1 ORDER BY id")).bind(id).fetch_all(&mut tx).await?;
    let projects: Vec<Project> = rows.iter().map(project_from).collect::<Result<_>>()?;
    let mut after = json!({ "title": round.title, "phase": to.code() });
    match to {
        Phase::Voting => {
            if let Some(refused) = may_open_vote(&round.rules, &projects) {
                return Ok(Some(Err(refused)));
            }
        }
        Phase::Closed => {
            let ballots = votes::ballots_in(&mut tx, id).await?;
            let results = tally(&round.rules, &on_ballot(&projects), &ballots);
            for row in results.iter().filter(|r| r.funded) {
                sql::query("UPDATE in_round_projects SET status = $1 WHERE id = $2 AND round_id = $3")
                    .bind(ProjectStatus::Funded.code())
                    .bind(row.project_id)
                    .bind(id)
                    .execute(&mut tx)
                    .await?;
            }
            let cast: i64 = sql::query_scalar("SELECT ballots_cast FROM in_rounds WHERE id = $1")
                .bind(id)
                .fetch_one(&mut tx)
                .await?;
            after["ballots"] = json!(cast);
            after["funded"] = json!(results.iter().filter(|r| r.funded).count());
        }
        _ => {}
    }
    let mut change = Change::event(Some(scope.org_id()), "phase", "in_round", id.to_string());
    change.before = Some(json!({ "phase": from.code() }));
    change.after = Some(after);
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(Ok(to)))
}

/// Why the vote may not open with these projects, if it may not.
pub fn may_open_vote(rules: &RoundRules, projects: &[Project]) -> Option<MoveRefused> {
    let waiting = projects.iter().filter(|p| p.status == ProjectStatus::Submitted).count();
    if waiting > 0 {
        return Some(MoveRefused::Unchecked { waiting });
    }
    let mut costs: Vec<i64> = on_ballot(projects).into_iter().map(|(_, cost)| cost).collect();
    if costs.len() < rules.min_projects as usize {
        return Some(MoveRefused::TooFewApproved { approved: costs.len(), min: rules.min_projects });
    }
    costs.sort_unstable();
    let cheapest: i128 = costs.iter().take(rules.min_projects as usize).map(|c| i128::from(*c)).sum();
    (cheapest > i128::from(rules.budget_cents)).then_some(MoveRefused::NoValidBallot)
}

/// The results of a closed or published round: each project on the ballot with its tally, in the tally's ranking,
/// and how many ballots were cast.
pub async fn results(db: &Db, round: &Round, projects: &[Project]) -> Result<(Vec<Tally>, usize)> {
    let ballots = votes::ballots(db, round).await?;
    Ok((tally(&round.rules, &on_ballot(projects), &ballots), votes::ballots_cast(db, round.id).await?))
}
