//! Initiatives: brought in by a user, coached by the corporation through their stages with a log, published when
//! they choose.

use super::{date, lines_from_json, lines_to_json};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql::{self, Exec};
use crate::{Db, Result, StoreError};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::initiatieven::plan::BusinessPlan;
use volkshuis_domain::initiatieven::stage::{may_move, Need, Stage, StageBlock, StageFacts};

/// An initiative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initiative {
    /// Id.
    pub id: i64,
    /// The corporation it was brought to.
    pub corporation_id: i64,
    /// Its name.
    pub corporation: String,
    /// Title.
    pub title: String,
    /// What it is.
    pub description: String,
    /// Where, in words.
    pub place: String,
    /// The buurt, if named.
    pub buurt_code: Option<String>,
    /// The complexes it concerns: (id, code).
    pub clusters: Vec<(i64, String)>,
    /// Who is behind it.
    pub who: String,
    /// What it asks of the corporation.
    pub needs: Vec<Need>,
    /// The user who brought it in (id, name).
    pub initiator: Option<(i64, String)>,
    /// The organisation it was brought in for, if any (id, name).
    pub on_behalf_of: Option<(i64, String)>,
    /// Its stage.
    pub stage: Stage,
    /// The coach (id, name).
    pub coach: Option<(i64, String)>,
    /// The business plan.
    pub plan: BusinessPlan,
    /// What was learned (required to end).
    pub lessons: Option<String>,
    /// Whether the public page shows it.
    pub published: bool,
    /// What the public page shows.
    pub public_summary: Option<String>,
}

/// A new initiative, checked at the edge; the store checks the corporation, the complexes and the organisation.
#[derive(Debug, Clone)]
pub struct NewInitiative {
    /// The corporation it is brought to.
    pub corporation_id: i64,
    /// Title.
    pub title: String,
    /// What.
    pub description: String,
    /// Where.
    pub place: String,
    /// The buurt code, if any.
    pub buurt_code: Option<String>,
    /// The complexes (ids of the corporation's own).
    pub cluster_ids: Vec<i64>,
    /// Who is behind it.
    pub who: String,
    /// What it asks.
    pub needs: Vec<Need>,
    /// An organisation of which the user is a member, when brought in for it.
    pub on_behalf_of: Option<i64>,
}

/// Why an initiative was not brought in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitRefused {
    /// The corporation is not one on the platform.
    UnknownCorporation,
    /// A complex is not the corporation's.
    UnknownComplex,
    /// The user is not a member of the organisation named.
    NotAMember,
}

const COLUMNS: &str = "i.id, i.corporation_id, c.name AS corporation, i.title, i.description, i.place, i.buurt_code, \
     i.who, i.needs, i.initiator_user_id, iu.name AS initiator_name, i.initiator_org_id, io.name AS org_name, i.stage, \
     i.coach_user_id, cu.name AS coach_name, i.plan_income, i.plan_costs, i.risk_bearer, i.lessons, i.published, \
     i.public_summary";

const FROM: &str = "in_initiatives i JOIN organisations c ON c.id = i.corporation_id \
     LEFT JOIN users iu ON iu.id = i.initiator_user_id LEFT JOIN organisations io ON io.id = i.initiator_org_id \
     LEFT JOIN users cu ON cu.id = i.coach_user_id";

fn corrupt(column: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt { column, value: value.to_owned() }
}

fn pair(row: &sql::Row, id: &'static str, name: &'static str) -> Result<Option<(i64, String)>> {
    Ok(match (row.try_get::<Option<i64>, _>(id)?, row.try_get::<Option<String>, _>(name)?) {
        (Some(id), Some(name)) => Some((id, name)),
        _ => None,
    })
}

fn from_row(row: &sql::Row) -> Result<Initiative> {
    let stage: String = row.try_get("stage")?;
    let needs: String = row.try_get("needs")?;
    Ok(Initiative {
        id: row.try_get("id")?,
        corporation_id: row.try_get("corporation_id")?,
        corporation: row.try_get("corporation")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        place: row.try_get("place")?,
        buurt_code: row.try_get("buurt_code")?,
        clusters: Vec::new(),
        who: row.try_get("who")?,
        needs: needs
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| Need::parse(c).map_err(|_| corrupt("needs", &needs)))
            .collect::<Result<_>>()?,
        initiator: pair(row, "initiator_user_id", "initiator_name")?,
        on_behalf_of: pair(row, "initiator_org_id", "org_name")?,
        stage: Stage::parse(&stage).map_err(|_| corrupt("stage", &stage))?,
        coach: pair(row, "coach_user_id", "coach_name")?,
        plan: BusinessPlan {
            income: lines_from_json("plan_income", &row.try_get::<String, _>("plan_income")?)?,
            costs: lines_from_json("plan_costs", &row.try_get::<String, _>("plan_costs")?)?,
            risk_bearer: row.try_get("risk_bearer")?,
        },
        lessons: row.try_get("lessons")?,
        published: row.try_get::<i64, _>("published")? != 0,
        public_summary: row.try_get("public_summary")?,
    })
}

async fn with_clusters<'c>(on: impl Exec<'c> + 'c, mut initiative: Initiative) -> Result<Initiative> {
    let rows = sql::query(
        "SELECT c.id, c.code FROM in_initiative_clusters ic JOIN clusters c ON c.id = ic.cluster_id \
         WHERE ic.initiative_id = $1 ORDER BY c.code",
    )
    .bind(initiative.id)
    .fetch_all(on)
    .await?;
    initiative.clusters = rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("code")?))).collect::<Result<_>>()?;
    Ok(initiative)
}

/// Brings in an initiative for the acting user; it starts as an idea.
pub async fn submit(
    db: &Db,
    actor: &Actor,
    user_id: i64,
    new: &NewInitiative,
) -> Result<std::result::Result<i64, SubmitRefused>> {
    let mut tx = db.begin().await?;
    let corporation: Option<i64> =
        sql::query_scalar("SELECT id FROM organisations WHERE id = $1 AND kind = 'corporation'")
            .bind(new.corporation_id)
            .fetch_optional(&mut tx)
            .await?;
    if corporation.is_none() {
        return Ok(Err(SubmitRefused::UnknownCorporation));
    }
    for cluster in &new.cluster_ids {
        let own: Option<i64> = sql::query_scalar("SELECT id FROM clusters WHERE id = $1 AND corporation_id = $2")
            .bind(*cluster)
            .bind(new.corporation_id)
            .fetch_optional(&mut tx)
            .await?;
        if own.is_none() {
            return Ok(Err(SubmitRefused::UnknownComplex));
        }
    }
    if let Some(org) = new.on_behalf_of {
        let member: Option<i64> =
            sql::query_scalar("SELECT user_id FROM memberships WHERE user_id = $1 AND org_id = $2")
                .bind(user_id)
                .bind(org)
                .fetch_optional(&mut tx)
                .await?;
        if member.is_none() {
            return Ok(Err(SubmitRefused::NotAMember));
        }
    }
    let now = crate::timestamp::to_unix(actor.at);
    let needs: Vec<&str> = new.needs.iter().map(|n| n.code()).collect();
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_initiatives (corporation_id, title, description, place, buurt_code, who, needs, \
         initiator_user_id, initiator_org_id, stage, plan_income, plan_costs, risk_bearer, published, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '[]', '[]', '', 0, $11, $11) RETURNING id",
    )
    .bind(new.corporation_id)
    .bind(&new.title)
    .bind(&new.description)
    .bind(&new.place)
    .bind(new.buurt_code.as_deref())
    .bind(&new.who)
    .bind(needs.join(","))
    .bind(user_id)
    .bind(new.on_behalf_of)
    .bind(Stage::Idea.code())
    .bind(now)
    .fetch_one(&mut tx)
    .await?;
    for cluster in &new.cluster_ids {
        sql::query("INSERT INTO in_initiative_clusters (initiative_id, cluster_id) VALUES ($1, $2)")
            .bind(id)
            .bind(*cluster)
            .execute(&mut tx)
            .await?;
    }
    let mut change = Change::event(Some(new.corporation_id), "create", "in_initiative", id.to_string());
    change.after = Some(json!({ "title": new.title }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// The corporation's initiatives, by stage and title.
pub async fn of_corporation(db: &Db, scope: &ReadScope) -> Result<Vec<Initiative>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE i.corporation_id = $1 ORDER BY i.id DESC"))
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    rows.iter().map(from_row).collect()
}

/// The initiatives brought in for an organisation (a tenant organisation's or a partner's own), newest first.
pub async fn of_org(db: &Db, scope: &ReadScope) -> Result<Vec<Initiative>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE i.initiator_org_id = $1 ORDER BY i.id DESC"))
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    rows.iter().map(from_row).collect()
}

/// The initiatives the user brought in, newest first.
pub async fn of_initiator(db: &Db, user_id: i64) -> Result<Vec<Initiative>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE i.initiator_user_id = $1 ORDER BY i.id DESC"))
        .bind(user_id)
        .fetch_all(db)
        .await?;
    rows.iter().map(from_row).collect()
}

/// One of the corporation's initiatives; `None` for any other id.
pub async fn for_corporation(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Initiative>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE i.id = $1 AND i.corporation_id = $2"))
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    match row {
        Some(row) => Ok(Some(with_clusters(db, from_row(&row)?).await?)),
        None => Ok(None),
    }
}

/// One initiative the user brought in; `None` for any other id.
pub async fn for_initiator(db: &Db, user_id: i64, id: i64) -> Result<Option<Initiative>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE i.id = $1 AND i.initiator_user_id = $2"))
        .bind(id)
        .bind(user_id)
        .fetch_optional(db)
        .await?;
    match row {
        Some(row) => Ok(Some(with_clusters(db, from_row(&row)?).await?)),
        None => Ok(None),
    }
}

/// The published initiatives (their public summary only is shown), newest first.
pub async fn published(db: &Db) -> Result<Vec<Initiative>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE i.published = 1 ORDER BY i.id DESC LIMIT 500"))
        .fetch_all(db)
        .await?;
    rows.iter().map(from_row).collect()
}

/// What the initiator may change while the initiative is an idea or a plan.
#[derive(Debug, Clone)]
pub struct InitiatorEdit {
    /// Title.
    pub title: String,
    /// What.
    pub description: String,
    /// Where.
    pub place: String,
    /// Who.
    pub who: String,
    /// What it asks.
    pub needs: Vec<Need>,
    /// The business plan (lines checked at the edge).
    pub plan: BusinessPlan,
}

/// Why an edit was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditRefused {
    /// Not the initiative of this user (or of this corporation).
    Unknown,
    /// Past the plan stage, the initiative's description is the agreement's; the coach changes it.
    PastPlan,
}

/// Saves the initiator's changes (idea or plan stage only).
pub async fn edit_by_initiator(
    db: &Db,
    actor: &Actor,
    user_id: i64,
    id: i64,
    edit: &InitiatorEdit,
) -> Result<std::result::Result<(), EditRefused>> {
    let Some(current) = for_initiator(db, user_id, id).await? else { return Ok(Err(EditRefused::Unknown)) };
    if !matches!(current.stage, Stage::Idea | Stage::Plan) {
        return Ok(Err(EditRefused::PastPlan));
    }
    save_edit(db, actor, current.corporation_id, id, edit).await?;
    Ok(Ok(()))
}

/// Saves the corporation's changes to one of its initiatives (its staff or coach); `false` for any other id.
pub async fn edit_by_corporation(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    edit: &InitiatorEdit,
) -> Result<bool> {
    if for_corporation(db, scope.as_read(), id).await?.is_none() {
        return Ok(false);
    }
    save_edit(db, actor, scope.org_id(), id, edit).await?;
    Ok(true)
}

async fn save_edit(db: &Db, actor: &Actor, corporation: i64, id: i64, edit: &InitiatorEdit) -> Result<()> {
    let needs: Vec<&str> = edit.needs.iter().map(|n| n.code()).collect();
    let mut tx = db.begin().await?;
    sql::query(
        "UPDATE in_initiatives SET title = $1, description = $2, place = $3, who = $4, needs = $5, plan_income = $6, \
         plan_costs = $7, risk_bearer = $8, updated_at = $9 WHERE id = $10 AND corporation_id = $11",
    )
    .bind(&edit.title)
    .bind(&edit.description)
    .bind(&edit.place)
    .bind(&edit.who)
    .bind(needs.join(","))
    .bind(lines_to_json(&edit.plan.income))
    .bind(lines_to_json(&edit.plan.costs))
    .bind(&edit.plan.risk_bearer)
    .bind(crate::timestamp::to_unix(actor.at))
    .bind(id)
    .bind(corporation)
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(corporation), "update", "in_initiative", id.to_string());
    change.after = Some(json!({ "plan_adds_up": edit.plan.adds_up() }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the complexes one of the corporation's initiatives concerns, by the corporation's complex codes. `Ok(Err)`
/// with the codes it does not have (nothing changed); `Ok(Ok(false))` for another corporation's initiative.
pub async fn set_clusters(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    codes: &[String],
) -> Result<std::result::Result<bool, Vec<String>>> {
    if for_corporation(db, scope.as_read(), id).await?.is_none() {
        return Ok(Ok(false));
    }
    let mut tx = db.begin().await?;
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for code in codes {
        let cluster: Option<i64> = sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
            .bind(scope.org_id())
            .bind(code)
            .fetch_optional(&mut tx)
            .await?;
        match cluster {
            Some(cluster) => found.push(cluster),
            None => unknown.push(code.clone()),
        }
    }
    if !unknown.is_empty() {
        return Ok(Err(unknown));
    }
    sql::query("DELETE FROM in_initiative_clusters WHERE initiative_id = $1").bind(id).execute(&mut tx).await?;
    found.sort_unstable();
    found.dedup();
    for cluster in &found {
        sql::query("INSERT INTO in_initiative_clusters (initiative_id, cluster_id) VALUES ($1, $2)")
            .bind(id)
            .bind(*cluster)
            .execute(&mut tx)
            .await?;
    }
    let mut change = Change::event(Some(scope.org_id()), "update", "in_initiative", id.to_string());
    change.after = Some(json!({ "complexes": codes }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(true))
}

/// The facts a stage move is judged on: the plan, the agreements made (space lent, grants, other agreements), the
/// lessons.
pub async fn stage_facts(db: &Db, initiative: &Initiative) -> Result<StageFacts> {
    let agreements: i64 = sql::query_scalar(
        "SELECT (SELECT COUNT(*) FROM in_loans WHERE initiative_id = $1) \
         + (SELECT COUNT(*) FROM in_grants WHERE initiative_id = $1) \
         + (SELECT COUNT(*) FROM in_agreements WHERE initiative_id = $1)",
    )
    .bind(initiative.id)
    .fetch_one(db)
    .await?;
    Ok(StageFacts {
        plan_adds_up: initiative.plan.adds_up(),
        agreements: u32::try_from(agreements).unwrap_or(u32::MAX),
        lessons: initiative.lessons.clone(),
    })
}

/// Moves one of the corporation's initiatives to `to` if the stage rule allows it, writing the move (and, when it
/// ends, what was learned) to the log. `Ok(None)` when the initiative is not the corporation's.
pub async fn move_stage(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    to: Stage,
    lessons: Option<&str>,
    today: Date,
) -> Result<Option<std::result::Result<(), StageBlock>>> {
    let Some(mut initiative) = for_corporation(db, scope.as_read(), id).await? else { return Ok(None) };
    if let Some(lessons) = lessons.filter(|l| !l.trim().is_empty()) {
        initiative.lessons = Some(lessons.to_owned());
    }
    let facts = stage_facts(db, &initiative).await?;
    if let Err(block) = may_move(initiative.stage, to, &facts) {
        return Ok(Some(Err(block)));
    }
    let mut tx = db.begin().await?;
    // Only from the stage the rule judged: a move made meanwhile by someone else makes this one a skip.
    let moved =
        sql::query("UPDATE in_initiatives SET stage = $1, lessons = $2, updated_at = $3 WHERE id = $4 AND stage = $5")
            .bind(to.code())
            .bind(initiative.lessons.as_deref())
            .bind(crate::timestamp::to_unix(actor.at))
            .bind(id)
            .bind(initiative.stage.code())
            .execute(&mut tx)
            .await?;
    if moved.rows_affected() == 0 {
        return Ok(Some(Err(StageBlock::Skips)));
    }
    let text = match (to, &initiative.lessons) {
        (Stage::Ended, Some(lessons)) => format!("{} → {}: {lessons}", initiative.stage.code(), to.code()),
        _ => format!("{} → {}", initiative.stage.code(), to.code()),
    };
    insert_log(&mut tx, actor, id, today, "fase", &text, None).await?;
    let mut change = Change::event(Some(scope.org_id()), "stage", "in_initiative", id.to_string());
    change.before = Some(json!({ "stage": initiative.stage.code() }));
    change.after = Some(json!({ "stage": to.code() }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(Ok(())))
}

/// A log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// The day.
    pub on_date: Date,
    /// `contact`, `stap` or `fase`.
    pub kind: String,
    /// What happened.
    pub text: String,
    /// The next step agreed.
    pub next_step: Option<String>,
    /// Who wrote it.
    pub written_by: String,
}

async fn insert_log(
    tx: &mut crate::Tx,
    actor: &Actor,
    id: i64,
    on: Date,
    kind: &str,
    text: &str,
    next_step: Option<&str>,
) -> Result<()> {
    sql::query(
        "INSERT INTO in_log (initiative_id, on_date, kind, text, next_step, written_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(date_to_text(on))
    .bind(kind)
    .bind(text)
    .bind(next_step)
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes a contact and the next step to the log of one of the corporation's initiatives; `false` for any other id.
pub async fn add_log(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    on: Date,
    text: &str,
    next_step: Option<&str>,
) -> Result<bool> {
    if for_corporation(db, scope.as_read(), id).await?.is_none() {
        return Ok(false);
    }
    let mut tx = db.begin().await?;
    insert_log(&mut tx, actor, id, on, "contact", text, next_step).await?;
    let change = Change::event(Some(scope.org_id()), "log", "in_initiative", id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// The log of an initiative, newest first (the caller has checked the viewer may see the initiative).
pub async fn log(db: &Db, id: i64) -> Result<Vec<LogEntry>> {
    let rows = sql::query(
        "SELECT on_date, kind, text, next_step, written_by FROM in_log WHERE initiative_id = $1 \
         ORDER BY on_date DESC, id DESC",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(LogEntry {
                on_date: date(r, "on_date")?,
                kind: r.try_get("kind")?,
                text: r.try_get("text")?,
                next_step: r.try_get("next_step")?,
                written_by: r.try_get("written_by")?,
            })
        })
        .collect()
}

/// Assigns a coach (a staff member or administrator of the corporation) to one of its initiatives; `false` when the
/// initiative or the person is not the corporation's.
pub async fn assign_coach(db: &Db, scope: &WriteScope, actor: &Actor, id: i64, coach: Option<i64>) -> Result<bool> {
    let mut tx = db.begin().await?;
    if let Some(user) = coach {
        let member: Option<i64> = sql::query_scalar(
            "SELECT user_id FROM memberships WHERE user_id = $1 AND org_id = $2 AND role IN ('staff', 'admin')",
        )
        .bind(user)
        .bind(scope.org_id())
        .fetch_optional(&mut tx)
        .await?;
        if member.is_none() {
            return Ok(false);
        }
    }
    let done = sql::query("UPDATE in_initiatives SET coach_user_id = $1 WHERE id = $2 AND corporation_id = $3")
        .bind(coach)
        .bind(id)
        .bind(scope.org_id())
        .execute(&mut tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let mut change = Change::event(Some(scope.org_id()), "assign_coach", "in_initiative", id.to_string());
    change.after = Some(json!({ "coach_user_id": coach }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// The corporation's staff and administrators, who may coach: (user id, name).
pub async fn coaches(db: &Db, scope: &ReadScope) -> Result<Vec<(i64, String)>> {
    let rows = sql::query(
        "SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 AND m.role IN ('staff', 'admin') ORDER BY u.name, u.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}

/// Publishes (with its summary) or withdraws (`None`) the user's own initiative from the public page: what the public
/// sees is the initiative's own choice. `false` for any other id.
pub async fn publish_by_initiator(
    db: &Db,
    actor: &Actor,
    user_id: i64,
    id: i64,
    summary: Option<&str>,
) -> Result<bool> {
    let Some(initiative) = for_initiator(db, user_id, id).await? else { return Ok(false) };
    let mut tx = db.begin().await?;
    sql::query(
        "UPDATE in_initiatives SET published = $1, public_summary = $2 WHERE id = $3 AND initiator_user_id = $4",
    )
    .bind(i64::from(summary.is_some()))
    .bind(summary)
    .bind(id)
    .bind(user_id)
    .execute(&mut tx)
    .await?;
    let action = if summary.is_some() { "publish" } else { "withdraw" };
    let change = Change::event(Some(initiative.corporation_id), action, "in_initiative", id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// The corporations an initiative may be brought to: (id, name).
pub async fn corporations(db: &Db) -> Result<Vec<(i64, String)>> {
    let rows =
        sql::query("SELECT id, name FROM organisations WHERE kind = 'corporation' ORDER BY name").fetch_all(db).await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}
