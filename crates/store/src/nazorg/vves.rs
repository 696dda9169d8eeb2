//! The register of owners' associations (VvE's) in which the corporation owns homes, with the facts their health is
//! judged on (the domain's `nazorg::vve`), the conflict-of-interest record where the corporation is both majority
//! owner and manager, and its votes, each able to cite the advice its tenants' group gave.

use super::{date, opt_date};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql::{self, Conn};
use crate::{Db, Result};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::nazorg::vve::{Mjop, VveFacts};

/// A VvE as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vve {
    /// Id.
    pub id: i64,
    /// The complex it governs, if registered: (id, code, name).
    pub cluster: Option<(i64, String, Option<String>)>,
    /// Registration fields.
    pub input: VveInput,
}

/// What the corporation records about a VvE.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VveInput {
    /// The complex (checked against the corporation's own).
    pub cluster_id: Option<i64>,
    /// Name.
    pub name: String,
    /// KvK number.
    pub kvk: Option<String>,
    /// The corporation's votes.
    pub votes_corporation: u32,
    /// All votes.
    pub votes_total: u32,
    /// Whether the corporation is the VvE's manager (beheerder).
    pub is_manager: bool,
    /// Rebuild value, in cents.
    pub rebuild_value_cents: Option<i64>,
    /// The yearly contribution to the reserve fund, in cents.
    pub yearly_reserve_cents: Option<i64>,
    /// The maintenance plan.
    pub mjop: Option<Mjop>,
    /// The last yearly meeting.
    pub last_meeting_on: Option<Date>,
    /// Its minutes (text or where they are kept).
    pub minutes: Option<String>,
    /// The day a conflict of interest was disclosed.
    pub conflict_disclosed_on: Option<Date>,
    /// On what the corporation abstains.
    pub conflict_abstentions: Option<String>,
}

impl VveInput {
    /// The facts its health is judged on.
    pub fn facts(&self) -> VveFacts {
        VveFacts {
            kvk: self.kvk.clone(),
            rebuild_value_cents: self.rebuild_value_cents,
            yearly_reserve_cents: self.yearly_reserve_cents,
            mjop: self.mjop,
            last_meeting_on: self.last_meeting_on,
            minutes_recorded: self.minutes.as_deref().is_some_and(|m| !m.trim().is_empty()),
        }
    }
}

const COLUMNS: &str = "v.id, v.cluster_id, c.code AS cluster_code, c.naam AS cluster_name, v.name, v.kvk, \
     v.votes_corporation, v.votes_total, v.is_manager, v.rebuild_value_cents, v.yearly_reserve_cents, \
     v.mjop_adopted_on, v.mjop_horizon_years, v.mjop_yearly_cents, v.last_meeting_on, v.minutes, \
     v.conflict_disclosed_on, v.conflict_abstentions";

fn count(row: &sql::Row, column: &'static str) -> Result<u32> {
    Ok(u32::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0))
}

fn from_row(row: &sql::Row) -> Result<Vve> {
    let cluster = match row.try_get::<Option<i64>, _>("cluster_id")? {
        Some(id) => Some((id, row.try_get::<String, _>("cluster_code")?, row.try_get("cluster_name")?)),
        None => None,
    };
    let mjop = match opt_date(row, "mjop_adopted_on")? {
        Some(adopted_on) => Some(Mjop {
            adopted_on,
            horizon_years: u32::try_from(row.try_get::<Option<i64>, _>("mjop_horizon_years")?.unwrap_or(0))
                .unwrap_or(0),
            yearly_reservation_cents: row.try_get::<Option<i64>, _>("mjop_yearly_cents")?.unwrap_or(0),
        }),
        None => None,
    };
    Ok(Vve {
        id: row.try_get("id")?,
        input: VveInput {
            cluster_id: cluster.as_ref().map(|c| c.0),
            name: row.try_get("name")?,
            kvk: row.try_get("kvk")?,
            votes_corporation: count(row, "votes_corporation")?,
            votes_total: count(row, "votes_total")?,
            is_manager: row.try_get::<i64, _>("is_manager")? != 0,
            rebuild_value_cents: row.try_get("rebuild_value_cents")?,
            yearly_reserve_cents: row.try_get("yearly_reserve_cents")?,
            mjop,
            last_meeting_on: opt_date(row, "last_meeting_on")?,
            minutes: row.try_get("minutes")?,
            conflict_disclosed_on: opt_date(row, "conflict_disclosed_on")?,
            conflict_abstentions: row.try_get("conflict_abstentions")?,
        },
        cluster,
    })
}

/// The corporation's VvE's, by name.
pub async fn vves(db: &Db, scope: &ReadScope) -> Result<Vec<Vve>> {
    let rows = sql::query(&format!(
        "SELECT {COLUMNS} FROM nz_vves v LEFT JOIN clusters c ON c.id = v.cluster_id \
         WHERE v.corporation_id = $1 ORDER BY v.name, v.id"
    ))
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One of the corporation's VvE's; `None` for any other id.
pub async fn vve(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Vve>> {
    let row = sql::query(&format!(
        "SELECT {COLUMNS} FROM nz_vves v LEFT JOIN clusters c ON c.id = v.cluster_id \
         WHERE v.id = $1 AND v.corporation_id = $2"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(db)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// Registers a VvE (`id` `None`) or updates one of the corporation's. `None` when the VvE or the complex is not the
/// corporation's.
pub async fn save_vve(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: Option<i64>,
    input: &VveInput,
) -> Result<Option<i64>> {
    let corporation = scope.org_id();
    let mut tx = db.begin().await?;
    if let Some(cluster) = input.cluster_id {
        let own: Option<i64> = sql::query_scalar("SELECT id FROM clusters WHERE id = $1 AND corporation_id = $2")
            .bind(cluster)
            .bind(corporation)
            .fetch_optional(&mut tx)
            .await?;
        if own.is_none() {
            return Ok(None);
        }
    }
    let mjop = input.mjop.as_ref();
    let values = |q: sql::Query<'static>| {
        q.bind(input.cluster_id)
            .bind(input.name.clone())
            .bind(input.kvk.clone())
            .bind(i64::from(input.votes_corporation))
            .bind(i64::from(input.votes_total))
            .bind(i64::from(input.is_manager))
            .bind(input.rebuild_value_cents)
            .bind(input.yearly_reserve_cents)
            .bind(mjop.map(|m| date_to_text(m.adopted_on)))
            .bind(mjop.map(|m| i64::from(m.horizon_years)))
            .bind(mjop.map(|m| m.yearly_reservation_cents))
            .bind(input.last_meeting_on.map(date_to_text))
            .bind(input.minutes.clone())
            .bind(input.conflict_disclosed_on.map(date_to_text))
            .bind(input.conflict_abstentions.clone())
            .bind(actor.name())
            .bind(crate::timestamp::to_unix(actor.at))
    };
    let saved: Option<i64> = match id {
        None => {
            let q = sql::query(
                "INSERT INTO nz_vves (cluster_id, name, kvk, votes_corporation, votes_total, is_manager, \
                 rebuild_value_cents, yearly_reserve_cents, mjop_adopted_on, mjop_horizon_years, mjop_yearly_cents, \
                 last_meeting_on, minutes, conflict_disclosed_on, conflict_abstentions, updated_by, updated_at, \
                 corporation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
                 $18) RETURNING id",
            );
            let row = values(q).bind(corporation).fetch_one(&mut tx).await?;
            Some(row.try_get("id")?)
        }
        Some(id) => {
            let q = sql::query(
                "UPDATE nz_vves SET cluster_id = $1, name = $2, kvk = $3, votes_corporation = $4, votes_total = $5, \
                 is_manager = $6, rebuild_value_cents = $7, yearly_reserve_cents = $8, mjop_adopted_on = $9, \
                 mjop_horizon_years = $10, mjop_yearly_cents = $11, last_meeting_on = $12, minutes = $13, \
                 conflict_disclosed_on = $14, conflict_abstentions = $15, updated_by = $16, updated_at = $17 \
                 WHERE corporation_id = $18 AND id = $19",
            );
            let done = values(q).bind(corporation).bind(id).execute(&mut tx).await?;
            (done.rows_affected() > 0).then_some(id)
        }
    };
    let Some(saved) = saved else { return Ok(None) };
    let mut change =
        Change::event(Some(corporation), if id.is_some() { "update" } else { "create" }, "nz_vve", saved.to_string());
    change.after = Some(json!({ "name": input.name, "cluster_id": input.cluster_id }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(saved))
}

/// A vote of the corporation in a VvE meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_on: Date,
    /// What was voted on.
    pub subject: String,
    /// For, against or abstained (`voor`, `tegen`, `onthouden`).
    pub vote: String,
    /// The Overleg case whose advice it cites: (id, title, the answer given).
    pub cited: Option<(i64, String, Option<String>)>,
    /// A note.
    pub note: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
}

/// The votes recorded for one of the corporation's VvE's, newest first.
pub async fn votes(db: &Db, scope: &ReadScope, vve_id: i64) -> Result<Vec<Vote>> {
    let rows = sql::query(
        "SELECT t.id, t.meeting_on, t.subject, t.vote, t.cited_case_id, oc.title AS case_title, \
         oc.answer_text AS case_answer, t.note, t.recorded_by FROM nz_vve_votes t \
         JOIN nz_vves v ON v.id = t.vve_id LEFT JOIN overleg_cases oc ON oc.id = t.cited_case_id \
         WHERE t.vve_id = $1 AND v.corporation_id = $2 ORDER BY t.meeting_on DESC, t.id DESC",
    )
    .bind(vve_id)
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let cited = match row.try_get::<Option<i64>, _>("cited_case_id")? {
                Some(id) => Some((id, row.try_get::<String, _>("case_title")?, row.try_get("case_answer")?)),
                None => None,
            };
            Ok(Vote {
                id: row.try_get("id")?,
                meeting_on: date(row, "meeting_on")?,
                subject: row.try_get("subject")?,
                vote: row.try_get("vote")?,
                cited,
                note: row.try_get("note")?,
                recorded_by: row.try_get("recorded_by")?,
            })
        })
        .collect()
}

/// The votes a form may offer.
pub const VOTES: [&str; 3] = ["voor", "tegen", "onthouden"];

/// A new vote.
#[derive(Debug, Clone)]
pub struct NewVote {
    /// The meeting.
    pub meeting_on: Date,
    /// What.
    pub subject: String,
    /// One of [`VOTES`].
    pub vote: String,
    /// The Overleg case whose advice it cites (checked: one the corporation may cite).
    pub cited_case_id: Option<i64>,
    /// A note.
    pub note: Option<String>,
}

/// Overleg cases whose advice the corporation may cite: its own cases that were answered by a tenant organisation,
/// those concerning the VvE's complex first when it has one. (id, title, tenant organisation).
pub async fn citeable_cases(db: &Db, scope: &ReadScope, vve_id: i64) -> Result<Vec<(i64, String, String)>> {
    let rows = sql::query(
        "SELECT oc.id, oc.title, t.name AS tenant_org, \
         CASE WHEN EXISTS (SELECT 1 FROM overleg_case_clusters cc JOIN clusters c ON c.code = cc.cluster_code \
                           AND c.corporation_id = oc.corporation_id JOIN nz_vves v ON v.cluster_id = c.id \
                           WHERE cc.case_id = oc.id AND v.id = $2) THEN 0 ELSE 1 END AS rank \
         FROM overleg_cases oc JOIN organisations t ON t.id = oc.tenant_org_id \
         WHERE oc.corporation_id = $1 AND oc.answer_kind IS NOT NULL \
         ORDER BY rank, oc.received_on DESC, oc.id DESC LIMIT 200",
    )
    .bind(scope.org_id())
    .bind(vve_id)
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| Ok((row.try_get("id")?, row.try_get("title")?, row.try_get("tenant_org")?))).collect()
}

/// Records a vote for one of the corporation's VvE's; `false` when the VvE is not its own or the cited case is not
/// one it may cite; [`crate::StoreError::Conflict`] when a vote on the same subject at the same meeting is recorded
/// already (a confirmation sent twice recorded the vote twice).
pub async fn record_vote(db: &Db, scope: &WriteScope, actor: &Actor, vve_id: i64, vote: &NewVote) -> Result<bool> {
    let corporation = scope.org_id();
    if vve(db, scope.as_read(), vve_id).await?.is_none() || !VOTES.contains(&vote.vote.as_str()) {
        return Ok(false);
    }
    if let Some(case) = vote.cited_case_id {
        let cases = citeable_cases(db, scope.as_read(), vve_id).await?;
        if !cases.iter().any(|(id, _, _)| *id == case) {
            return Ok(false);
        }
    }
    let mut tx = db.begin().await?;
    // One vote per subject and meeting: votes on one VvE are recorded one at a time.
    tx.one_at_a_time("nz_vves", vve_id).await?;
    let recorded: Option<i64> =
        sql::query_scalar("SELECT id FROM nz_vve_votes WHERE vve_id = $1 AND meeting_on = $2 AND subject = $3")
            .bind(vve_id)
            .bind(date_to_text(vote.meeting_on))
            .bind(&vote.subject)
            .fetch_optional(&mut tx)
            .await?;
    if recorded.is_some() {
        return Err(crate::StoreError::Conflict);
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO nz_vve_votes (vve_id, meeting_on, subject, vote, cited_case_id, note, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(vve_id)
    .bind(date_to_text(vote.meeting_on))
    .bind(&vote.subject)
    .bind(&vote.vote)
    .bind(vote.cited_case_id)
    .bind(vote.note.as_deref())
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(corporation), "create", "nz_vve_vote", id.to_string());
    change.after = Some(json!({ "vve_id": vve_id, "vote": vote.vote, "cited_case_id": vote.cited_case_id }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// VvE's by id, for the figures and the map, which count VvE's of several corporations for a municipality and show
/// no VvE's facts beyond the counts. Read in rounds of 500 ids, not one by one.
pub(crate) async fn vves_by_ids(db: &Db, ids: &[i64]) -> Result<std::collections::HashMap<i64, Vve>> {
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {COLUMNS} FROM nz_vves v LEFT JOIN clusters c ON c.id = v.cluster_id WHERE v.id IN ({})",
            marks.join(", ")
        );
        let mut query = sql::query(&sql);
        for id in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(db).await? {
            let vve = from_row(&row)?;
            out.insert(vve.id, vve);
        }
    }
    Ok(out)
}

/// The VvE's of a corporation's complexes by code, for a place's page (opened by `place::open_complex` or
/// `open_buurt` for the corporation's own members; nothing personal in it).
pub(crate) async fn vves_of_complexes(db: &mut Conn<'_>, corporation_id: i64, codes: &[String]) -> Result<Vec<Vve>> {
    let text = format!(
        "SELECT {COLUMNS} FROM nz_vves v JOIN clusters c ON c.id = v.cluster_id \
         WHERE v.corporation_id = $1 AND c.corporation_id = $1 AND c.code IN ({}) ORDER BY v.name, v.id",
        sql::marks(2, codes.len())
    );
    let mut query = sql::query(&text).bind(corporation_id);
    for code in codes {
        query = query.bind(code.as_str());
    }
    query.fetch_all(&mut *db).await?.iter().map(from_row).collect()
}
