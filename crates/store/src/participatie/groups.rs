//! Groups, their areas and activities.

use crate::audit::{self, Actor, Change};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde::{Deserialize, Serialize};
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::participatie::coverage::group_coverage;
use volkshuis_domain::participatie::group::{
    meets_criteria, recognised, ActivityKind, Channel, Criterion, CriterionCheck, GroupKind,
};

/// A new group, checked at the edge.
#[derive(Debug, Clone)]
pub struct NewGroup {
    /// The corporation whose stock it speaks for.
    pub corporation_id: i64,
    /// The group above it in the tree.
    pub parent_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: GroupKind,
    /// `complexes`, `buurten` or `all`.
    pub area_kind: String,
    /// Complex codes or buurt codes (empty for `all`).
    pub area_codes: Vec<String>,
    /// The role to contact (never a private address).
    pub contact_role: String,
    /// Approximate number of members or participants.
    pub approx_size: Option<i64>,
    /// How it reaches tenants.
    pub channels: Vec<Channel>,
    /// What it does (public).
    pub description: String,
    /// How to join (public).
    pub join_info: String,
    /// Since when.
    pub started_on: Option<Date>,
}

/// A group as stored.
#[derive(Debug, Clone)]
pub struct Group {
    /// Database id.
    pub id: i64,
    /// The corporation.
    pub corporation_id: i64,
    /// The organisation that keeps it.
    pub org_id: i64,
    /// The keeping organisation's name.
    pub org_name: String,
    /// Parent group.
    pub parent_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: GroupKind,
    /// `complexes`, `buurten` or `all`.
    pub area_kind: String,
    /// Complex or buurt codes.
    pub area_codes: Vec<String>,
    /// Contact role.
    pub contact_role: String,
    /// Approximate size.
    pub approx_size: Option<i64>,
    /// Channels.
    pub channels: Vec<Channel>,
    /// Public description.
    pub description: String,
    /// Public joining information.
    pub join_info: String,
    /// Since when.
    pub started_on: Option<Date>,
    /// The Dutch day it was registered in Volkshuis (its activities are known from then on).
    pub registered_on: Date,
    /// The Overlegwet criteria as checked.
    pub criteria: Vec<CriterionCheck>,
    /// The day the corporation recognised it under the Overlegwet.
    pub recognised_on: Option<Date>,
    /// Who recorded the recognition.
    pub recognised_by: Option<String>,
    /// The coverage level it gives.
    pub level: i64,
    /// Its last activity.
    pub last_activity: Option<Date>,
    /// Its yearly members' meetings.
    pub members_meetings: Vec<Date>,
}

/// A criterion check as stored.
#[derive(Serialize, Deserialize)]
struct StoredCheck {
    criterion: Criterion,
    met: bool,
    evidence: String,
    checked_on: Date,
}

fn level_of(kind: GroupKind, checks: &[CriterionCheck], by_landlord: bool) -> i64 {
    group_coverage(kind, recognised(kind, checks, by_landlord), true).level()
}

fn corrupt(column: &'static str) -> impl Fn(volkshuis_domain::text::TextError) -> StoreError {
    move |_| StoreError::Corrupt { column, value: String::new() }
}

fn from_row(row: &sql::Row) -> Result<Group> {
    let checks: String = row.try_get("criteria")?;
    let checks: Vec<StoredCheck> =
        serde_json::from_str(&checks).map_err(|e| StoreError::Corrupt { column: "criteria", value: e.to_string() })?;
    let channels: String = row.try_get("channels")?;
    let opt_date = |column: &'static str| -> Result<Option<Date>> {
        row.try_get::<Option<String>, _>(column)?.map(|t| date_from_text(column, &t)).transpose()
    };
    let meetings: Option<String> = row.try_get("meetings")?;
    Ok(Group {
        id: row.try_get("id")?,
        corporation_id: row.try_get("corporation_id")?,
        org_id: row.try_get("org_id")?,
        org_name: row.try_get("org_name")?,
        parent_id: row.try_get("parent_id")?,
        name: row.try_get("name")?,
        kind: GroupKind::parse(&row.try_get::<String, _>("kind")?).map_err(corrupt("kind"))?,
        area_kind: row.try_get("area_kind")?,
        area_codes: row
            .try_get::<Option<String>, _>("codes")?
            .map(|c| c.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
        contact_role: row.try_get("contact_role")?,
        approx_size: row.try_get("approx_size")?,
        channels: channels.split(',').filter_map(|c| Channel::parse(c).ok()).collect(),
        description: row.try_get("description")?,
        join_info: row.try_get("join_info")?,
        started_on: opt_date("started_on")?,
        registered_on: volkshuis_domain::calendar::dutch_date(crate::timestamp::from_unix(row.try_get("created_at")?)),
        criteria: checks
            .into_iter()
            .map(|c| CriterionCheck {
                criterion: c.criterion,
                met: c.met,
                evidence: c.evidence,
                checked_on: c.checked_on,
            })
            .collect(),
        recognised_on: opt_date("recognised_on")?,
        recognised_by: row.try_get("recognised_by")?,
        level: row.try_get("level")?,
        last_activity: opt_date("last_activity")?,
        members_meetings: meetings
            .map(|m| m.split(',').filter_map(|d| date_from_text("held_on", d).ok()).collect())
            .unwrap_or_default(),
    })
}

/// Columns of a group, with its codes, last activity and members' meetings folded in.
fn select(filter: &str, db: &Db) -> String {
    let concat = |expr: &str, order: &str| match db.backend() {
        crate::Backend::Sqlite => format!("group_concat({expr}, ',')"),
        crate::Backend::Postgres => format!("string_agg({expr}, ',' ORDER BY {order})"),
    };
    format!(
        "SELECT g.id, g.corporation_id, g.org_id, o.name AS org_name, g.parent_id, g.name, g.kind, g.area_kind, \
         g.contact_role, g.approx_size, g.channels, g.description, g.join_info, g.started_on, g.created_at, g.criteria, g.level, \
         g.recognised_on, g.recognised_by, \
         (SELECT {} FROM part_group_areas a WHERE a.group_id = g.id) AS codes, \
         (SELECT MAX(held_on) FROM part_activities x WHERE x.group_id = g.id) AS last_activity, \
         (SELECT {} FROM part_activities x WHERE x.group_id = g.id AND x.kind = 'members_meeting') AS meetings \
         FROM part_groups g JOIN organisations o ON o.id = g.org_id WHERE g.ended_on IS NULL AND {filter} \
         ORDER BY g.name, g.id",
        concat("a.code", "a.code"),
        concat("x.held_on", "x.held_on")
    )
}

/// Every group in the stock of a corporation.
pub(crate) async fn groups_of(db: &Db, corporation_id: i64) -> Result<Vec<Group>> {
    let rows = sql::query(&select("g.corporation_id = $1", db)).bind(corporation_id).fetch_all(db).await?;
    rows.iter().map(from_row).collect()
}

/// One group by id (callers check visibility with [`visible_to`]).
pub(crate) async fn group(db: &Db, id: i64) -> Result<Option<Group>> {
    let row = sql::query(&select("g.id = $1", db)).bind(id).fetch_optional(db).await?;
    row.as_ref().map(from_row).transpose()
}

/// The groups the organisation of `scope` may see: for a corporation every group in its stock; for another
/// organisation the groups it keeps and every group below them in the tree.
pub async fn visible_to(db: &Db, scope: &ReadScope) -> Result<Vec<Group>> {
    let corporations: Vec<i64> =
        sql::query_scalar("SELECT DISTINCT corporation_id FROM part_groups WHERE org_id = $1 OR corporation_id = $1")
            .bind(scope.org_id())
            .fetch_all(db)
            .await?;
    let mut visible = Vec::new();
    for corporation in corporations {
        let all = groups_of(db, corporation).await?;
        if corporation == scope.org_id() {
            visible.extend(all);
            continue;
        }
        let mut kept: Vec<i64> = all.iter().filter(|g| g.org_id == scope.org_id()).map(|g| g.id).collect();
        // Walk down the tree: a child of a visible group is visible.
        loop {
            let more: Vec<i64> = all
                .iter()
                .filter(|g| !kept.contains(&g.id) && g.parent_id.is_some_and(|p| kept.contains(&p)))
                .map(|g| g.id)
                .collect();
            if more.is_empty() {
                break;
            }
            kept.extend(more);
        }
        visible.extend(all.into_iter().filter(|g| kept.contains(&g.id)));
    }
    Ok(visible)
}

/// One group, if the organisation of `scope` may see it by the rule of [`visible_to`], found by walking up the tree
/// instead of loading every group of the stock (a group page should not cost the whole stock's groups).
pub async fn visible_group(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Group>> {
    let Some(group) = group(db, id).await? else { return Ok(None) };
    if group.corporation_id == scope.org_id() {
        return Ok(Some(group));
    }
    let (mut keeper, mut parent) = (group.org_id, group.parent_id);
    // A tree has no cycles; the bound only guards against rows edited by hand.
    for _ in 0..64 {
        if keeper == scope.org_id() {
            return Ok(Some(group));
        }
        let Some(up) = parent else { break };
        let row = sql::query("SELECT org_id, parent_id FROM part_groups WHERE id = $1 AND ended_on IS NULL")
            .bind(up)
            .fetch_optional(db)
            .await?;
        let Some(row) = row else { break };
        (keeper, parent) = (row.try_get("org_id")?, row.try_get("parent_id")?);
    }
    Ok(None)
}

/// Whether `org` may put a group of `corporation`'s stock under `parent`: a running group of that stock that `org`
/// sees by the rule of [`visible_to`] (the corporation sees its whole stock; another organisation the groups it keeps
/// and those below them) — the form's list is no check. When `moving` is a group being edited, the parent may not be
/// that group or below it (no circle in the tree).
async fn parent_in_reach(tx: &mut Tx, org: i64, corporation: i64, parent: i64, moving: Option<i64>) -> Result<bool> {
    let mut seen_by_org = org == corporation;
    // Visibility runs up through running groups only, as in `visible_to`; the walk for a circle goes on past an ended
    // one.
    let mut running = true;
    // The parent itself must be a group of this stock: an unknown id is never "in reach", not for the corporation.
    let mut parent_found = false;
    let mut next = Some(parent);
    // A tree has no cycles; the bound only guards against rows edited by hand.
    for _ in 0..64 {
        let Some(id) = next else { break };
        if Some(id) == moving {
            return Ok(false);
        }
        let row =
            sql::query("SELECT org_id, parent_id, ended_on FROM part_groups WHERE id = $1 AND corporation_id = $2")
                .bind(id)
                .bind(corporation)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(row) = row else { break };
        running &= row.try_get::<Option<String>, _>("ended_on")?.is_none();
        if id == parent {
            if !running {
                return Ok(false);
            }
            parent_found = true;
        }
        seen_by_org |= running && row.try_get::<i64, _>("org_id")? == org;
        next = row.try_get("parent_id")?;
    }
    Ok(seen_by_org && parent_found)
}

/// Registers a group kept by the organisation of `scope`: the corporation itself, or one of its overleg partners.
pub async fn create_group(tx: &mut Tx, scope: &WriteScope, actor: &Actor, new: &NewGroup) -> Result<i64> {
    if scope.org_id() != new.corporation_id {
        crate::overleg::ensure_partner(tx, new.corporation_id, scope.org_id()).await?;
    }
    if let Some(parent) = new.parent_id {
        if !parent_in_reach(tx, scope.org_id(), new.corporation_id, parent, None).await? {
            return Err(StoreError::NotFound);
        }
    }
    let channels: Vec<&str> = new.channels.iter().map(|c| c.code()).collect();
    let id: i64 = sql::query_scalar(
        "INSERT INTO part_groups (corporation_id, org_id, parent_id, name, kind, area_kind, contact_role, approx_size, \
         channels, description, join_info, started_on, criteria, level, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '[]', $13, $14) RETURNING id",
    )
    .bind(new.corporation_id)
    .bind(scope.org_id())
    .bind(new.parent_id)
    .bind(&new.name)
    .bind(new.kind.code())
    .bind(&new.area_kind)
    .bind(&new.contact_role)
    .bind(new.approx_size)
    .bind(channels.join(","))
    .bind(&new.description)
    .bind(&new.join_info)
    .bind(new.started_on.map(date_to_text))
    .bind(level_of(new.kind, &[], false))
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    for code in &new.area_codes {
        sql::query("INSERT INTO part_group_areas (group_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(code)
            .execute(&mut *tx)
            .await?;
    }
    let mut change = Change::event(Some(scope.org_id()), "create", "part_group", id.to_string());
    change.after =
        Some(serde_json::json!({ "name": new.name, "kind": new.kind.code(), "corporation_id": new.corporation_id }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// Records the Overlegwet criteria of a group (the caller checked the group is visible and editable).
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// group.
pub async fn set_criteria(
    tx: &mut Tx,
    _scope: &WriteScope,
    actor: &Actor,
    group: &Group,
    checks: &[CriterionCheck],
) -> Result<()> {
    let stored: Vec<StoredCheck> = checks
        .iter()
        .map(|c| StoredCheck {
            criterion: c.criterion,
            met: c.met,
            evidence: c.evidence.clone(),
            checked_on: c.checked_on,
        })
        .collect();
    // The group as it stands now, in this transaction (a recognition given since the page was read counts), and its
    // recognition ends when its criteria lapse: ticked again, it waits for the corporation again (ADR 0072).
    let (kind, _, was_recognised) = current(tx, group.id).await?;
    let still = was_recognised && meets_criteria(kind, checks);
    sql::query(
        "UPDATE part_groups SET criteria = $1, level = $2, recognised_on = CASE WHEN $3 = 1 THEN recognised_on END, \
         recognised_by = CASE WHEN $3 = 1 THEN recognised_by END WHERE id = $4",
    )
    .bind(serde_json::to_string(&stored).unwrap_or_else(|_| "[]".to_owned()))
    .bind(level_of(kind, checks, still))
    .bind(i64::from(still))
    .bind(group.id)
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(group.org_id), "criteria", "part_group", group.id.to_string());
    change.after = Some(serde_json::json!({ "recognised": recognised(kind, checks, still) }));
    audit::record(tx.conn(), actor, change).await
}

/// Records (`Some(day)`) or withdraws (`None`) the corporation's recognition of one of its groups under the
/// Overlegwet; its coverage level follows. Only the group's own corporation decides (`scope` is its write scope):
/// `false` for another organisation, for a group that is no formal body, and for a recognition its criteria do not
/// carry (not all met).
pub async fn set_recognition(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    group: &Group,
    on: Option<Date>,
) -> Result<bool> {
    // Judged on the group as it stands in this transaction: a criterion unticked since the page was read refuses it.
    let (kind, criteria, _) = current(tx, group.id).await?;
    if scope.org_id() != group.corporation_id || !kind.is_formal() || (on.is_some() && !criteria_shown(kind, &criteria))
    {
        return Ok(false);
    }
    sql::query("UPDATE part_groups SET recognised_on = $1, recognised_by = $2, level = $3 WHERE id = $4")
        .bind(on.map(date_to_text))
        .bind(on.map(|_| actor.label.clone()))
        .bind(level_of(kind, &criteria, on.is_some()))
        .bind(group.id)
        .execute(&mut *tx)
        .await?;
    let action = if on.is_some() { "recognise" } else { "withdraw_recognition" };
    let mut change = Change::event(Some(group.corporation_id), action, "part_group", group.id.to_string());
    change.after = Some(serde_json::json!({ "recognised": on.is_some() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}

/// Whether every criterion of a formal body is met and names its evidence: what a recognition rests on (criteria
/// ticked before evidence was asked for name none).
pub fn criteria_shown(kind: GroupKind, checks: &[CriterionCheck]) -> bool {
    meets_criteria(kind, checks)
        && kind.criteria().iter().all(|c| checks.iter().any(|k| k.criterion == *c && !k.evidence.trim().is_empty()))
}

/// A group's kind, criteria and whether it is recognised, read in the writing transaction (on PostgreSQL its row is
/// locked until the transaction ends, so a recognition and a change of criteria at once do not both pass).
async fn current(tx: &mut Tx, id: i64) -> Result<(GroupKind, Vec<CriterionCheck>, bool)> {
    let lock = if tx.conn().backend() == crate::Backend::Postgres { " FOR UPDATE" } else { "" };
    let row = sql::query(&format!("SELECT kind, criteria, recognised_on FROM part_groups WHERE id = $1{lock}"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let kind = GroupKind::parse(&row.try_get::<String, _>("kind")?).map_err(corrupt("kind"))?;
    let stored: Vec<StoredCheck> = serde_json::from_str(&row.try_get::<String, _>("criteria")?)
        .map_err(|e| StoreError::Corrupt { column: "criteria", value: e.to_string() })?;
    let checks = stored
        .into_iter()
        .map(|c| CriterionCheck { criterion: c.criterion, met: c.met, evidence: c.evidence, checked_on: c.checked_on })
        .collect();
    Ok((kind, checks, row.try_get::<Option<String>, _>("recognised_on")?.is_some()))
}

/// One activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// What.
    pub kind: ActivityKind,
    /// When.
    pub held_on: Date,
    /// About what.
    pub topic: String,
    /// How many took part.
    pub participants: Option<i64>,
}

/// Logs an activity of a group.
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// group.
pub async fn add_activity(
    tx: &mut Tx,
    _scope: &WriteScope,
    group: &Group,
    activity: &Activity,
    now: time::OffsetDateTime,
) -> Result<()> {
    sql::query(
        "INSERT INTO part_activities (group_id, kind, held_on, topic, participants, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(group.id)
    .bind(activity.kind.code())
    .bind(date_to_text(activity.held_on))
    .bind(&activity.topic)
    .bind(activity.participants)
    .bind(timestamp::to_unix(now))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A group's activities, newest first.
pub async fn activities(db: &Db, group: &Group) -> Result<Vec<Activity>> {
    let rows = sql::query(
        "SELECT kind, held_on, topic, participants FROM part_activities WHERE group_id = $1 ORDER BY held_on DESC, id DESC",
    )
    .bind(group.id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Activity {
                kind: ActivityKind::parse(&r.try_get::<String, _>("kind")?).map_err(corrupt("kind"))?,
                held_on: date_from_text("held_on", &r.try_get::<String, _>("held_on")?)?,
                topic: r.try_get("topic")?,
                participants: r.try_get("participants")?,
            })
        })
        .collect()
}

/// Changes a group's fields, areas and parent (not its corporation or keeper); its coverage level follows its kind.
///
/// `scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// group; the new parent must be one that organisation sees ([`parent_in_reach`]).
pub async fn update_group(tx: &mut Tx, scope: &WriteScope, actor: &Actor, group: &Group, new: &NewGroup) -> Result<()> {
    if let Some(parent) = new.parent_id {
        if !parent_in_reach(tx, scope.org_id(), group.corporation_id, parent, Some(group.id)).await? {
            return Err(StoreError::NotFound);
        }
    }
    let channels: Vec<&str> = new.channels.iter().map(|c| c.code()).collect();
    sql::query(
        "UPDATE part_groups SET parent_id = $1, name = $2, kind = $3, area_kind = $4, contact_role = $5, \
         approx_size = $6, channels = $7, description = $8, join_info = $9, started_on = $10, level = $11, \
         recognised_on = CASE WHEN $3 = kind THEN recognised_on END, \
         recognised_by = CASE WHEN $3 = kind THEN recognised_by END WHERE id = $12",
    )
    .bind(new.parent_id)
    .bind(&new.name)
    .bind(new.kind.code())
    .bind(&new.area_kind)
    .bind(&new.contact_role)
    .bind(new.approx_size)
    .bind(channels.join(","))
    .bind(&new.description)
    .bind(&new.join_info)
    .bind(new.started_on.map(date_to_text))
    // Recognised as one kind of body is not recognised as another: a change of kind asks the corporation again.
    .bind(level_of(new.kind, &group.criteria, group.recognised_on.is_some() && new.kind == group.kind))
    .bind(group.id)
    .execute(&mut *tx)
    .await?;
    sql::query("DELETE FROM part_group_areas WHERE group_id = $1").bind(group.id).execute(&mut *tx).await?;
    for code in &new.area_codes {
        sql::query("INSERT INTO part_group_areas (group_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(group.id)
            .bind(code)
            .execute(&mut *tx)
            .await?;
    }
    let mut change = Change::event(Some(group.org_id), "update", "part_group", group.id.to_string());
    change.after = Some(serde_json::json!({ "name": new.name, "kind": new.kind.code(), "area_kind": new.area_kind }));
    audit::record(tx.conn(), actor, change).await
}

/// Ends a group on a day: it no longer counts for coverage and leaves the lists (its history stays).
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// group.
pub async fn end_group(tx: &mut Tx, _scope: &WriteScope, actor: &Actor, group: &Group, on: Date) -> Result<()> {
    sql::query("UPDATE part_groups SET ended_on = $1 WHERE id = $2 AND ended_on IS NULL")
        .bind(date_to_text(on))
        .bind(group.id)
        .execute(&mut *tx)
        .await?;
    audit::record(tx.conn(), actor, Change::event(Some(group.org_id), "end", "part_group", group.id.to_string())).await
}
