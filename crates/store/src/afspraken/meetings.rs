//! Meetings of a cycle's parties at the edges of the day: each person's own preferences (kept for every cycle), the
//! times proposed when a meeting is planned (the domain's `propose_slots`, computed by the caller), who can make
//! which time, the time chosen, and the agenda and minutes.
//!
//! Reads take the [`CycleRef`] that `open_cycle_for` hands out; writes re-check the party inside their transaction
//! and find the meeting (and its slots) only within the cycle, so an id from another cycle is `NotFound`. Every
//! change is audited on the cycle (entity `pa_cycle`), so it shows in the cycle's timeline.

use super::cycles::CycleRef;
use super::parties::{ensure_party, lead_of};
use crate::audit::{self, Actor, Change};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::Time;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::{EdgePreferences, Slot};
use volkshuis_domain::overleg::meeting::{parse_time, show_time};

fn time_of(row: &sql::Row, column: &'static str) -> Result<Time> {
    let text: String = row.try_get(column)?;
    parse_time(&text).ok().flatten().ok_or(StoreError::Corrupt { column, value: text })
}

fn preferences_from_row(row: &sql::Row) -> Result<EdgePreferences> {
    let days: String = row.try_get("weekdays")?;
    let mut weekdays = [false; 5];
    if days.len() != 5 || !days.bytes().all(|b| b == b'0' || b == b'1') {
        return Err(StoreError::Corrupt { column: "weekdays", value: days });
    }
    for (day, flag) in weekdays.iter_mut().zip(days.bytes()) {
        *day = flag == b'1';
    }
    Ok(EdgePreferences {
        weekdays,
        morning: row.try_get::<i64, _>("morning")? == 1,
        morning_from: time_of(row, "morning_from")?,
        evening: row.try_get::<i64, _>("evening")? == 1,
        evening_from: time_of(row, "evening_from")?,
        evening_until: time_of(row, "evening_until")?,
    })
}

const PREFERENCE_COLUMNS: &str = "weekdays, morning, morning_from, evening, evening_from, evening_until";

/// The preferences a user stored, if any.
pub async fn edge_preferences(db: &Db, user_id: i64) -> Result<Option<EdgePreferences>> {
    let row = sql::query(&format!("SELECT {PREFERENCE_COLUMNS} FROM pa_edge_preferences WHERE user_id = $1"))
        .bind(user_id)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(preferences_from_row).transpose()
}

/// Stores the acting user's own preferences (replacing earlier ones). `NotFound` for an actor that is no user.
pub async fn save_edge_preferences(tx: &mut Tx, actor: &Actor, preferences: &EdgePreferences) -> Result<()> {
    let user_id = actor.user_id.ok_or(StoreError::NotFound)?;
    let weekdays: String = preferences.weekdays.iter().map(|d| if *d { '1' } else { '0' }).collect();
    sql::query(&format!(
        "INSERT INTO pa_edge_preferences (user_id, {PREFERENCE_COLUMNS}, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (user_id) DO UPDATE SET weekdays = excluded.weekdays, \
         morning = excluded.morning, morning_from = excluded.morning_from, evening = excluded.evening, \
         evening_from = excluded.evening_from, evening_until = excluded.evening_until, updated_at = excluded.updated_at"
    ))
    .bind(user_id)
    .bind(&weekdays)
    .bind(i64::from(preferences.morning))
    .bind(show_time(preferences.morning_from))
    .bind(i64::from(preferences.evening))
    .bind(show_time(preferences.evening_from))
    .bind(show_time(preferences.evening_until))
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(None, "update", "pa_edge_preferences", user_id.to_string());
    change.after = Some(json!({
        "weekdays": weekdays, "morning": preferences.morning, "morning_from": show_time(preferences.morning_from),
        "evening": preferences.evening, "evening_from": show_time(preferences.evening_from),
        "evening_until": show_time(preferences.evening_until),
    }));
    audit::record(tx.conn(), actor, change).await
}

/// The preferences of the active members of the cycle's parties who stored theirs (each person once, however many
/// parties they belong to); those who did not are left out, so the proposal falls back on the defaults for them.
pub async fn party_preferences(db: &Db, cycle: &CycleRef) -> Result<Vec<EdgePreferences>> {
    let rows = sql::query(&format!(
        "SELECT {PREFERENCE_COLUMNS} FROM pa_edge_preferences e WHERE e.user_id IN ( \
           SELECT m.user_id FROM memberships m JOIN pa_parties p ON p.org_id = m.org_id \
           JOIN users u ON u.id = m.user_id WHERE p.cycle_id = $1 AND u.active = 1) ORDER BY e.user_id"
    ))
    .bind(cycle.id)
    .fetch_all(db)
    .await?;
    rows.iter().map(preferences_from_row).collect()
}

/// A meeting to plan, checked at the edge; its slots come from the domain's `propose_slots`.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    /// What it is about.
    pub title: String,
    /// How long, in minutes.
    pub duration_minutes: u16,
    /// Where, if known.
    pub place: Option<String>,
    /// The times proposed, at least one.
    pub slots: Vec<Slot>,
}

/// A proposed time with how many can and cannot make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSlot {
    /// Database id.
    pub id: i64,
    /// When.
    pub slot: Slot,
    /// How many said they can.
    pub yes: i64,
    /// How many said they cannot.
    pub no: i64,
    /// Whether this is the time chosen.
    pub chosen: bool,
}

/// A meeting of a cycle's parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Database id.
    pub id: i64,
    /// What it is about.
    pub title: String,
    /// How long, in minutes.
    pub duration_minutes: u16,
    /// Where, if known.
    pub place: Option<String>,
    /// The agenda (free text).
    pub agenda: String,
    /// The minutes (free text).
    pub minutes: String,
    /// The user who planned it (may choose its time), unless removed since.
    pub created_by_user: Option<i64>,
    /// The party that planned it.
    pub created_by_org: i64,
    /// That party's name.
    pub created_by_org_name: String,
    /// The times proposed, in time order.
    pub slots: Vec<MeetingSlot>,
}

impl Meeting {
    /// The time chosen, once chosen.
    pub fn chosen(&self) -> Option<&MeetingSlot> {
        self.slots.iter().find(|s| s.chosen)
    }
}

/// Plans a meeting for the party of `scope` with its proposed times; returns its id. `NotFound` for a non-party.
pub async fn plan_meeting(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    new: &NewMeeting,
) -> Result<i64> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO pa_meetings (cycle_id, title, duration_minutes, place, created_by_user, created_by_org, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(cycle_id)
    .bind(&new.title)
    .bind(i64::from(new.duration_minutes))
    .bind(&new.place)
    .bind(actor.user_id)
    .bind(scope.org_id())
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    for slot in &new.slots {
        sql::query("INSERT INTO pa_meeting_slots (meeting_id, held_on, starts_at, ends_at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(date_to_text(slot.date))
            .bind(show_time(slot.start))
            .bind(show_time(slot.end))
            .execute(&mut *tx)
            .await?;
    }
    let mut change = Change::event(Some(scope.org_id()), "plan_meeting", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "meeting_id": id, "title": new.title, "slots": new.slots.len() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

const MEETING_COLUMNS: &str = "m.id, m.title, m.duration_minutes, m.place, m.agenda, m.minutes, m.created_by_user, \
     m.created_by_org, o.name AS org_name FROM pa_meetings m JOIN organisations o ON o.id = m.created_by_org";

const SLOT_COLUMNS: &str = "s.id, s.meeting_id, s.held_on, s.starts_at, s.ends_at, s.chosen, \
     COUNT(CASE WHEN a.available = 1 THEN 1 END) AS yes, COUNT(CASE WHEN a.available = 0 THEN 1 END) AS no \
     FROM pa_meeting_slots s JOIN pa_meetings m ON m.id = s.meeting_id \
     LEFT JOIN pa_meeting_availability a ON a.slot_id = s.id";

const SLOT_GROUP: &str = "GROUP BY s.id, s.meeting_id, s.held_on, s.starts_at, s.ends_at, s.chosen \
     ORDER BY s.held_on, s.starts_at, s.id";

fn slot_from_row(row: &sql::Row) -> Result<(i64, MeetingSlot)> {
    let slot = Slot {
        date: date_from_text("held_on", &row.try_get::<String, _>("held_on")?)?,
        start: time_of(row, "starts_at")?,
        end: time_of(row, "ends_at")?,
    };
    Ok((
        row.try_get("meeting_id")?,
        MeetingSlot {
            id: row.try_get("id")?,
            slot,
            yes: row.try_get("yes")?,
            no: row.try_get("no")?,
            chosen: row.try_get::<i64, _>("chosen")? == 1,
        },
    ))
}

fn meeting_from_row(row: &sql::Row, slots: &[(i64, MeetingSlot)]) -> Result<Meeting> {
    let id: i64 = row.try_get("id")?;
    let duration: i64 = row.try_get("duration_minutes")?;
    Ok(Meeting {
        id,
        title: row.try_get("title")?,
        duration_minutes: u16::try_from(duration)
            .map_err(|_| StoreError::Corrupt { column: "duration_minutes", value: duration.to_string() })?,
        place: row.try_get("place")?,
        agenda: row.try_get("agenda")?,
        minutes: row.try_get("minutes")?,
        created_by_user: row.try_get("created_by_user")?,
        created_by_org: row.try_get("created_by_org")?,
        created_by_org_name: row.try_get("org_name")?,
        slots: slots.iter().filter(|(m, _)| *m == id).map(|(_, s)| s.clone()).collect(),
    })
}

/// The meetings of a cycle opened for one of its parties, newest first, with their times and counts.
pub async fn meetings(db: &Db, cycle: &CycleRef) -> Result<Vec<Meeting>> {
    let rows = sql::query(&format!("SELECT {MEETING_COLUMNS} WHERE m.cycle_id = $1 ORDER BY m.id DESC"))
        .bind(cycle.id)
        .fetch_all(db)
        .await?;
    let slots = sql::query(&format!("SELECT {SLOT_COLUMNS} WHERE m.cycle_id = $1 {SLOT_GROUP}"))
        .bind(cycle.id)
        .fetch_all(db)
        .await?
        .iter()
        .map(slot_from_row)
        .collect::<Result<Vec<_>>>()?;
    rows.iter().map(|r| meeting_from_row(r, &slots)).collect()
}

/// One meeting of a cycle opened for one of its parties; `None` for an id of another cycle.
pub async fn meeting(db: &Db, cycle: &CycleRef, id: i64) -> Result<Option<Meeting>> {
    let Some(row) = sql::query(&format!("SELECT {MEETING_COLUMNS} WHERE m.id = $1 AND m.cycle_id = $2"))
        .bind(id)
        .bind(cycle.id)
        .fetch_optional(db)
        .await?
    else {
        return Ok(None);
    };
    let slots = sql::query(&format!("SELECT {SLOT_COLUMNS} WHERE m.id = $1 AND m.cycle_id = $2 {SLOT_GROUP}"))
        .bind(id)
        .bind(cycle.id)
        .fetch_all(db)
        .await?
        .iter()
        .map(slot_from_row)
        .collect::<Result<Vec<_>>>()?;
    meeting_from_row(&row, &slots).map(Some)
}

/// What `user_id` answered for each time of a meeting of the cycle: (slot id, can make it).
pub async fn answers_of(db: &Db, cycle: &CycleRef, meeting_id: i64, user_id: i64) -> Result<Vec<(i64, bool)>> {
    let rows = sql::query(
        "SELECT a.slot_id, a.available FROM pa_meeting_availability a JOIN pa_meeting_slots s ON s.id = a.slot_id \
         JOIN pa_meetings m ON m.id = s.meeting_id WHERE m.id = $1 AND m.cycle_id = $2 AND a.user_id = $3 \
         ORDER BY a.slot_id",
    )
    .bind(meeting_id)
    .bind(cycle.id)
    .bind(user_id)
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("slot_id")?, r.try_get::<i64, _>("available")? == 1))).collect()
}

/// The title of a meeting of the cycle, after checking the party; `NotFound` for a non-party or another cycle's id.
async fn meeting_in(tx: &mut Tx, scope: &WriteScope, cycle_id: i64, meeting_id: i64) -> Result<(String, Option<i64>)> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let row = sql::query("SELECT title, created_by_user FROM pa_meetings WHERE id = $1 AND cycle_id = $2")
        .bind(meeting_id)
        .bind(cycle_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok((row.try_get("title")?, row.try_get("created_by_user")?))
}

/// Records whether the acting user can make each of the given times of a meeting (replacing earlier answers).
/// `NotFound` for a non-party, a meeting of another cycle, a time of another meeting (nothing is written then), or
/// an actor that is no user.
pub async fn mark_availability(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    meeting_id: i64,
    answers: &[(i64, bool)],
) -> Result<()> {
    let user_id = actor.user_id.ok_or(StoreError::NotFound)?;
    let (title, _) = meeting_in(tx, scope, cycle_id, meeting_id).await?;
    let slots: Vec<i64> = sql::query_scalar("SELECT id FROM pa_meeting_slots WHERE meeting_id = $1")
        .bind(meeting_id)
        .fetch_all(&mut *tx)
        .await?;
    if answers.iter().any(|(slot, _)| !slots.contains(slot)) {
        return Err(StoreError::NotFound);
    }
    for (slot, available) in answers {
        sql::query(
            "INSERT INTO pa_meeting_availability (slot_id, user_id, available, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (slot_id, user_id) DO UPDATE SET available = excluded.available, \
             updated_at = excluded.updated_at",
        )
        .bind(slot)
        .bind(user_id)
        .bind(i64::from(*available))
        .bind(timestamp::to_unix(actor.at))
        .execute(&mut *tx)
        .await?;
    }
    let yes = answers.iter().filter(|(_, a)| *a).count();
    let mut change = Change::event(Some(scope.org_id()), "mark_availability", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "meeting_id": meeting_id, "title": title, "yes": yes, "no": answers.len() - yes }));
    audit::record(tx.conn(), actor, change).await
}

/// Whether a time was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// It was chosen (any earlier choice is replaced).
    Chosen,
    /// Only the lead party or the person who planned the meeting chooses its time.
    NotAllowed,
}

/// Chooses the time of a meeting, for the lead party (the municipality; without one, the opener) or the person who
/// planned it. `NotFound` for a non-party, a meeting of another cycle or a time of another meeting.
pub async fn choose_slot(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    meeting_id: i64,
    slot_id: i64,
) -> Result<Choice> {
    let (title, created_by) = meeting_in(tx, scope, cycle_id, meeting_id).await?;
    let row = sql::query("SELECT held_on, starts_at, ends_at FROM pa_meeting_slots WHERE id = $1 AND meeting_id = $2")
        .bind(slot_id)
        .bind(meeting_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let creator = created_by.is_some() && created_by == actor.user_id;
    if !creator && lead_of(tx, cycle_id).await? != scope.org_id() {
        return Ok(Choice::NotAllowed);
    }
    // The old choice goes first: the unique index allows one chosen time a meeting at every moment.
    sql::query("UPDATE pa_meeting_slots SET chosen = 0 WHERE meeting_id = $1 AND chosen = 1")
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
    sql::query("UPDATE pa_meeting_slots SET chosen = 1 WHERE id = $1").bind(slot_id).execute(&mut *tx).await?;
    let held_on: String = row.try_get("held_on")?;
    let (starts, ends): (String, String) = (row.try_get("starts_at")?, row.try_get("ends_at")?);
    let mut change = Change::event(Some(scope.org_id()), "choose_slot", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({
        "meeting_id": meeting_id, "title": title, "slot_id": slot_id, "date": held_on, "starts": starts, "ends": ends,
    }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(Choice::Chosen)
}

/// Which text of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingText {
    /// The agenda.
    Agenda,
    /// The minutes.
    Minutes,
}

/// Saves a meeting's agenda or minutes (replacing the text; the audit keeps that it changed). `NotFound` for a
/// non-party or a meeting of another cycle.
pub async fn save_meeting_text(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    meeting_id: i64,
    which: MeetingText,
    body: &str,
) -> Result<()> {
    let (title, _) = meeting_in(tx, scope, cycle_id, meeting_id).await?;
    let statement = match which {
        MeetingText::Agenda => "UPDATE pa_meetings SET agenda = $1 WHERE id = $2",
        MeetingText::Minutes => "UPDATE pa_meetings SET minutes = $1 WHERE id = $2",
    };
    sql::query(statement).bind(body).bind(meeting_id).execute(&mut *tx).await?;
    let action = match which {
        MeetingText::Agenda => "meeting_agenda",
        MeetingText::Minutes => "meeting_minutes",
    };
    let mut change = Change::event(Some(scope.org_id()), action, "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "meeting_id": meeting_id, "title": title }));
    audit::record(tx.conn(), actor, change).await
}
