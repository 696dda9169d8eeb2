//! The year's consultation meetings between a corporation and a tenant organisation (at least one a year), with
//! agenda items from both sides and the minutes.

use super::dates::{date_from_text, date_to_text};
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::{Date, Time};
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::overleg::meeting::{parse_time, show_time, MeetingPlan};
use volkshuis_domain::text::{LongText, Name};

/// A meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Database id.
    pub id: i64,
    /// The corporation.
    pub corporation_id: i64,
    /// The tenant organisation.
    pub tenant_org_id: i64,
    /// The other party's name, seen from the scope's organisation.
    pub other_party: String,
    /// The day.
    pub held_on: Date,
    /// Title.
    pub title: String,
    /// Start and end, local time in the Netherlands, once planned.
    pub hours: Option<(Time, Time)>,
    /// Where, once planned.
    pub place: Option<String>,
    /// Minutes, once written.
    pub minutes: Option<String>,
    /// Agenda items (filled by [`meeting`], empty in lists).
    pub agenda: Vec<AgendaItem>,
}

/// An agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// The organisation that put it on the agenda.
    pub org_id: i64,
    /// The item.
    pub text: String,
    /// Who added it.
    pub added_by: String,
}

/// Plans a meeting between the corporation of `scope` and one of its overleg partners.
pub async fn add_meeting(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    tenant_org_id: i64,
    held_on: Date,
    title: &Name,
) -> Result<i64> {
    super::partners::ensure_partner(tx, scope.org_id(), tenant_org_id).await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO overleg_meetings (corporation_id, tenant_org_id, held_on, title, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(tenant_org_id)
    .bind(date_to_text(held_on))
    .bind(title.as_str())
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    audit::record(tx.conn(), actor, Change::event(Some(scope.org_id()), "create", "overleg_meeting", id.to_string()))
        .await?;
    Ok(id)
}

fn from_row(row: &sql::Row, scope: &ReadScope) -> Result<Meeting> {
    let corporation_id: i64 = row.try_get("corporation_id")?;
    let other = if corporation_id == scope.org_id() { "tenant_name" } else { "corporation_name" };
    Ok(Meeting {
        id: row.try_get("id")?,
        corporation_id,
        tenant_org_id: row.try_get("tenant_org_id")?,
        other_party: row.try_get(other)?,
        held_on: date_from_text("held_on", &row.try_get::<String, _>("held_on")?)?,
        title: row.try_get("title")?,
        hours: hours_from_row(row)?,
        place: row.try_get("place")?,
        minutes: row.try_get("minutes")?,
        agenda: Vec::new(),
    })
}

/// The stored hours: both or neither (the domain's rule; anything else is corrupt).
fn hours_from_row(row: &sql::Row) -> Result<Option<(Time, Time)>> {
    let time = |column: &'static str| -> Result<Option<Time>> {
        let text: Option<String> = row.try_get(column)?;
        text.map(|t| parse_time(&t).ok().flatten().ok_or(StoreError::Corrupt { column, value: t })).transpose()
    };
    match (time("starts_at")?, time("ends_at")?) {
        (Some(starts), Some(ends)) => Ok(Some((starts, ends))),
        (None, None) => Ok(None),
        _ => Err(StoreError::Corrupt { column: "ends_at", value: String::new() }),
    }
}

const SELECT: &str = "SELECT m.id, m.corporation_id, m.tenant_org_id, m.held_on, m.title, m.minutes, \
     m.starts_at, m.ends_at, m.place, \
     co.name AS corporation_name, t.name AS tenant_name FROM overleg_meetings m \
     JOIN organisations co ON co.id = m.corporation_id JOIN organisations t ON t.id = m.tenant_org_id";

/// The meetings of the organisation of `scope` in `year`, by date.
pub async fn meetings(db: &Db, scope: &ReadScope, year: i32) -> Result<Vec<Meeting>> {
    let rows = sql::query(&format!(
        "{SELECT} WHERE (m.corporation_id = $1 OR m.tenant_org_id = $1) AND m.held_on >= $2 AND m.held_on < $3 \
         ORDER BY m.held_on, m.id"
    ))
    .bind(scope.org_id())
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{:04}-01-01", year + 1))
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| from_row(row, scope)).collect()
}

/// The meetings of the organisation of `scope` held on `from` or later, by date (for the calendar feed).
pub async fn meetings_from(db: &Db, scope: &ReadScope, from: Date) -> Result<Vec<Meeting>> {
    let rows = sql::query(&format!(
        "{SELECT} WHERE (m.corporation_id = $1 OR m.tenant_org_id = $1) AND m.held_on >= $2 ORDER BY m.held_on, m.id"
    ))
    .bind(scope.org_id())
    .bind(date_to_text(from))
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| from_row(row, scope)).collect()
}

/// One meeting with its agenda, if the organisation of `scope` is a party.
pub async fn meeting(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Meeting>> {
    let row = sql::query(&format!("{SELECT} WHERE m.id = $1 AND (m.corporation_id = $2 OR m.tenant_org_id = $2)"))
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut meeting = from_row(&row, scope)?;
    let items = sql::query("SELECT org_id, text, added_by FROM overleg_agenda_items WHERE meeting_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(db)
        .await?;
    meeting.agenda = items
        .iter()
        .map(|r| {
            Ok(AgendaItem { org_id: r.try_get("org_id")?, text: r.try_get("text")?, added_by: r.try_get("added_by")? })
        })
        .collect::<Result<_>>()?;
    Ok(Some(meeting))
}

/// Either party puts an item on a meeting's agenda.
pub async fn add_agenda_item(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    meeting: &Meeting,
    text: &Name,
) -> Result<()> {
    if meeting.corporation_id != scope.org_id() && meeting.tenant_org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    sql::query(
        "INSERT INTO overleg_agenda_items (meeting_id, org_id, text, added_by, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(meeting.id)
    .bind(scope.org_id())
    .bind(text.as_str())
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Either party records the minutes.
pub async fn set_minutes(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    meeting: &Meeting,
    minutes: &LongText,
) -> Result<()> {
    if meeting.corporation_id != scope.org_id() && meeting.tenant_org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    sql::query("UPDATE overleg_meetings SET minutes = $1 WHERE id = $2")
        .bind(minutes.as_str())
        .bind(meeting.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        tx.conn(),
        actor,
        Change::event(Some(scope.org_id()), "update", "overleg_minutes", meeting.id.to_string()),
    )
    .await
}

/// The corporation that planned a meeting sets (or changes) when and where it is held.
pub async fn set_plan(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    meeting_id: i64,
    plan: &MeetingPlan,
) -> Result<()> {
    let (starts, ends) = match plan.hours {
        Some((starts, ends)) => (Some(show_time(starts)), Some(show_time(ends))),
        None => (None, None),
    };
    let place = plan.place.as_ref().map(|p| p.as_str().to_owned());
    let done = sql::query(
        "UPDATE overleg_meetings SET starts_at = $1, ends_at = $2, place = $3 WHERE id = $4 AND corporation_id = $5",
    )
    .bind(&starts)
    .bind(&ends)
    .bind(&place)
    .bind(meeting_id)
    .bind(scope.org_id())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let mut change = Change::event(Some(scope.org_id()), "update", "overleg_meeting", meeting_id.to_string());
    change.after = Some(json!({ "starts_at": starts, "ends_at": ends, "place": place }));
    audit::record(tx.conn(), actor, change).await
}
