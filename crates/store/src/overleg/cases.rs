//! Overleg cases: created by the corporation, answered by the tenant organisation, decided by the corporation.
//! Every step writes its trail event in the same transaction.

use super::dates::{date_from_text, date_to_text};
use crate::audit::Actor;
use crate::sql::{self, Conn};
use crate::{timestamp, Db, Result, StoreError, Tx};
use time::{Date, OffsetDateTime};
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::calendar::TermCalendar;
use volkshuis_domain::overleg::case::CaseFacts;
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind, Subject};
use volkshuis_domain::text::{LongText, Name};

/// A new request, checked by the domain rules.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// The addressed tenant organisation (an overleg partner of the corporation).
    pub tenant_org_id: i64,
    /// What is asked.
    pub kind: RequestKind,
    /// About what.
    pub subject: Subject,
    /// Short title.
    pub title: Name,
    /// The explanation.
    pub explanation: LongText,
    /// The day the organisation received the request.
    pub received_on: Date,
    /// A longer agreed advice term.
    pub agreed_weeks: Option<u32>,
    /// Complex codes concerned.
    pub clusters: Vec<String>,
}

/// The organisation's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Advice, no objection, consent…
    pub kind: AnswerKind,
    /// The written advice, view or conditions.
    pub text: Option<String>,
    /// The day the corporation received it.
    pub on: Date,
}

/// The corporation's decision on an advice or view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    /// Followed, partly, not.
    pub decision: Decision,
    /// The reasoned written reply (required unless followed).
    pub reply: Option<String>,
    /// The day the organisation received it.
    pub on: Date,
}

/// A case with everything its page shows.
#[derive(Debug, Clone)]
pub struct Case {
    /// Database id.
    pub id: i64,
    /// The corporation.
    pub corporation_id: i64,
    /// The corporation's name.
    pub corporation_name: String,
    /// The tenant organisation.
    pub tenant_org_id: i64,
    /// The tenant organisation's name.
    pub tenant_org_name: String,
    /// What is asked.
    pub kind: RequestKind,
    /// About what.
    pub subject: Subject,
    /// Title.
    pub title: String,
    /// Explanation.
    pub explanation: String,
    /// Receipt by the organisation.
    pub received_on: Date,
    /// Agreed longer term.
    pub agreed_weeks: Option<u32>,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// The decision, once taken.
    pub decision: Option<DecisionRecord>,
    /// Complex codes concerned.
    pub clusters: Vec<String>,
    /// Rises with every step (optimistic concurrency).
    pub version: i64,
    /// When it was entered.
    pub created_at: OffsetDateTime,
}

impl Case {
    /// The facts the domain rules work on.
    pub fn facts(&self) -> CaseFacts {
        CaseFacts {
            kind: self.kind,
            received: self.received_on,
            agreed_weeks: self.agreed_weeks,
            answer: self.answer.as_ref().map(|a| (a.kind, a.on)),
            decision: self.decision.as_ref().map(|d| (d.decision, d.on)),
        }
    }
}

/// A case in a list.
#[derive(Debug, Clone)]
pub struct CaseRow {
    /// Database id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// The other party's name (seen from the scope's organisation).
    pub other_party: String,
    /// The facts, for stage, deadline and lateness.
    pub facts: CaseFacts,
    /// Subject.
    pub subject: Subject,
}

/// Which cases a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Cases waiting for someone, soonest deadline first.
    Open,
    /// Every case, newest first.
    All,
}

/// One step in a case's trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When.
    pub at: OffsetDateTime,
    /// The organisation on whose behalf.
    pub org_id: i64,
    /// Who.
    pub actor_label: String,
    /// `sent`, `received`, `opened`, `commented`, `asked`, `question_answered`, `answered`, `decided`, `document`.
    pub step: String,
    /// A short note (answer kind, file name, …).
    pub note: Option<String>,
}

const CASE_COLUMNS: &str = "c.id, c.corporation_id, c.tenant_org_id, c.kind, c.subject, c.title, c.explanation, \
     c.received_on, c.agreed_weeks, c.answer_kind, c.answer_text, c.answered_on, c.decision, c.reply_text, \
     c.decided_on, c.version, c.created_at, co.name AS corporation_name, t.name AS tenant_org_name";

fn corrupt(column: &'static str) -> impl Fn(volkshuis_domain::text::TextError) -> StoreError {
    move |_| StoreError::Corrupt { column, value: String::new() }
}

pub(crate) fn facts_from_row(row: &sql::Row) -> Result<CaseFacts> {
    let answer =
        match (row.try_get::<Option<String>, _>("answer_kind")?, row.try_get::<Option<String>, _>("answered_on")?) {
            (Some(kind), Some(on)) => {
                Some((AnswerKind::parse(&kind).map_err(corrupt("answer_kind"))?, date_from_text("answered_on", &on)?))
            }
            _ => None,
        };
    let decision =
        match (row.try_get::<Option<String>, _>("decision")?, row.try_get::<Option<String>, _>("decided_on")?) {
            (Some(d), Some(on)) => {
                Some((Decision::parse(&d).map_err(corrupt("decision"))?, date_from_text("decided_on", &on)?))
            }
            _ => None,
        };
    Ok(CaseFacts {
        kind: RequestKind::parse(&row.try_get::<String, _>("kind")?).map_err(corrupt("kind"))?,
        received: date_from_text("received_on", &row.try_get::<String, _>("received_on")?)?,
        agreed_weeks: row.try_get::<Option<i64>, _>("agreed_weeks")?.map(|w| w as u32),
        answer,
        decision,
    })
}

fn case_from_row(row: &sql::Row, clusters: Vec<String>) -> Result<Case> {
    let facts = facts_from_row(row)?;
    Ok(Case {
        id: row.try_get("id")?,
        corporation_id: row.try_get("corporation_id")?,
        corporation_name: row.try_get("corporation_name")?,
        tenant_org_id: row.try_get("tenant_org_id")?,
        tenant_org_name: row.try_get("tenant_org_name")?,
        kind: facts.kind,
        subject: Subject::parse(&row.try_get::<String, _>("subject")?).map_err(corrupt("subject"))?,
        title: row.try_get("title")?,
        explanation: row.try_get("explanation")?,
        received_on: facts.received,
        agreed_weeks: facts.agreed_weeks,
        answer: facts.answer.map(|(kind, on)| Answer { kind, text: row.try_get("answer_text").ok().flatten(), on }),
        decision: facts.decision.map(|(decision, on)| DecisionRecord {
            decision,
            reply: row.try_get("reply_text").ok().flatten(),
            on,
        }),
        clusters,
        version: row.try_get("version")?,
        created_at: timestamp::from_unix(row.try_get("created_at")?),
    })
}

/// Writes one trail event.
pub(crate) async fn record_event(
    conn: Conn<'_>,
    case_id: i64,
    org_id: i64,
    actor: &Actor,
    step: &str,
    note: Option<&str>,
) -> Result<()> {
    sql::query(
        "INSERT INTO overleg_events (case_id, at, org_id, actor_user_id, actor_label, step, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(case_id)
    .bind(timestamp::to_unix(actor.at))
    .bind(org_id)
    .bind(actor.user_id)
    .bind(&actor.label)
    .bind(step)
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) fn next_deadline_text(facts: &CaseFacts, cal: &TermCalendar) -> Option<String> {
    facts.next_deadline(cal).map(date_to_text)
}

/// Recomputes the stored next deadline of every case still waiting for someone against the decreed days as the
/// transaction sees them (after a new decree, and once by the migration that brought the decreed days); returns
/// how many moved. Pages compute their dates from the facts; this keeps the lists' order and filters right.
pub(crate) async fn recompute_deadlines_in(tx: &mut Tx) -> Result<u64> {
    let cal = crate::calendar::term_calendar_in(tx.conn()).await?;
    let rows = sql::query(
        "SELECT id, kind, received_on, agreed_weeks, answer_kind, answered_on, decision, decided_on, next_deadline \
         FROM overleg_cases WHERE stage IN ('awaiting_answer', 'awaiting_decision') ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut moved = 0;
    for row in &rows {
        let now = next_deadline_text(&facts_from_row(row)?, &cal);
        if now != row.try_get::<Option<String>, _>("next_deadline")? {
            sql::query("UPDATE overleg_cases SET next_deadline = $1 WHERE id = $2")
                .bind(&now)
                .bind(row.try_get::<i64, _>("id")?)
                .execute(&mut *tx)
                .await?;
            moved += 1;
        }
    }
    Ok(moved)
}

/// Creates a request from the corporation of `scope` to one of its overleg partners; returns the new id.
/// The caller checked the request with the domain rules; an unknown partner is `NotFound`.
pub async fn create(tx: &mut Tx, scope: &WriteScope, actor: &Actor, new: &NewCase) -> Result<i64> {
    super::partners::ensure_partner(tx, scope.org_id(), new.tenant_org_id).await?;
    let cal = crate::calendar::term_calendar_in(tx.conn()).await?;
    let facts = CaseFacts {
        kind: new.kind,
        received: new.received_on,
        agreed_weeks: new.agreed_weeks,
        answer: None,
        decision: None,
    };
    let id: i64 = sql::query_scalar(
        "INSERT INTO overleg_cases (corporation_id, tenant_org_id, kind, subject, title, explanation, received_on, \
         agreed_weeks, stage, next_deadline, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(new.tenant_org_id)
    .bind(new.kind.code())
    .bind(new.subject.code())
    .bind(new.title.as_str())
    .bind(new.explanation.as_str())
    .bind(date_to_text(new.received_on))
    .bind(new.agreed_weeks.map(i64::from))
    .bind(facts.stage().code())
    .bind(next_deadline_text(&facts, &cal))
    .bind(actor.user_id)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    for code in &new.clusters {
        sql::query("INSERT INTO overleg_case_clusters (case_id, cluster_code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(code)
            .execute(&mut *tx)
            .await?;
    }
    record_event(tx.conn(), id, scope.org_id(), actor, "sent", Some(new.kind.code())).await?;
    record_event(tx.conn(), id, new.tenant_org_id, actor, "received", Some(&date_to_text(new.received_on))).await?;
    Ok(id)
}

/// One case, if the organisation of `scope` is one of its parties.
pub async fn get(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Case>> {
    let mut conn = db.acquire().await?;
    get_in(conn.conn(), scope, id).await
}

/// As [`get`], inside a transaction (to read back what it just wrote).
pub async fn get_in(mut conn: Conn<'_>, scope: &ReadScope, id: i64) -> Result<Option<Case>> {
    let row = sql::query(&format!(
        "SELECT {CASE_COLUMNS} FROM overleg_cases c JOIN organisations co ON co.id = c.corporation_id \
         JOIN organisations t ON t.id = c.tenant_org_id \
         WHERE c.id = $1 AND (c.corporation_id = $2 OR c.tenant_org_id = $2)"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(&mut conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let clusters = sql::query_scalar("SELECT cluster_code FROM overleg_case_clusters WHERE case_id = $1 ORDER BY 1")
        .bind(id)
        .fetch_all(&mut conn)
        .await?;
    case_from_row(&row, clusters).map(Some)
}

/// The cases of the organisation of `scope` (sent or received).
pub async fn list(db: &Db, scope: &ReadScope, listing: Listing, limit: i64) -> Result<Vec<CaseRow>> {
    let (filter, order) = match listing {
        Listing::Open => ("AND c.stage IN ('awaiting_answer', 'awaiting_decision')", "c.next_deadline, c.id"),
        Listing::All => ("", "c.received_on DESC, c.id DESC"),
    };
    let rows = sql::query(&format!(
        "SELECT {CASE_COLUMNS} FROM overleg_cases c JOIN organisations co ON co.id = c.corporation_id \
         JOIN organisations t ON t.id = c.tenant_org_id \
         WHERE (c.corporation_id = $1 OR c.tenant_org_id = $1) {filter} ORDER BY {order} LIMIT $2"
    ))
    .bind(scope.org_id())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let corporation_id: i64 = row.try_get("corporation_id")?;
            let other: &str = if corporation_id == scope.org_id() { "tenant_org_name" } else { "corporation_name" };
            Ok(CaseRow {
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                other_party: row.try_get(other)?,
                facts: facts_from_row(row)?,
                subject: Subject::parse(&row.try_get::<String, _>("subject")?).map_err(corrupt("subject"))?,
            })
        })
        .collect()
}

/// The facts of every case of the organisation of `scope` received in `year`, for the year's figures.
pub async fn year_cases(db: &Db, scope: &ReadScope, year: i32) -> Result<Vec<CaseFacts>> {
    let rows = sql::query(&format!(
        "SELECT {CASE_COLUMNS} FROM overleg_cases c JOIN organisations co ON co.id = c.corporation_id \
         JOIN organisations t ON t.id = c.tenant_org_id \
         WHERE (c.corporation_id = $1 OR c.tenant_org_id = $1) AND c.received_on >= $2 AND c.received_on < $3"
    ))
    .bind(scope.org_id())
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{:04}-01-01", year + 1))
    .fetch_all(db)
    .await?;
    rows.iter().map(facts_from_row).collect()
}

/// Records that the organisation of `scope` opened the case, the first time one of its members does.
pub async fn mark_opened(db: &Db, scope: &ReadScope, actor: &Actor, case: &Case) -> Result<bool> {
    if case.tenant_org_id != scope.org_id() {
        return Ok(false);
    }
    let opened = "SELECT id FROM overleg_events WHERE case_id = $1 AND org_id = $2 AND step = 'opened'";
    // Read first, outside a transaction: every later look at the case is a read only, and on SQLite a transaction
    // here took the one write lock (a page waited ten seconds for it beside a long import, then failed).
    let seen: Option<i64> = sql::query_scalar(opened).bind(case.id).bind(scope.org_id()).fetch_optional(db).await?;
    if seen.is_some() {
        return Ok(false);
    }
    let mut tx = db.begin().await?;
    // Again inside the transaction: on SQLite it holds the one write lock, so two first looks record one (on
    // PostgreSQL two at the same moment may both record it: a second "opened" line in the trail, no more).
    let seen: Option<i64> =
        sql::query_scalar(opened).bind(case.id).bind(scope.org_id()).fetch_optional(&mut tx).await?;
    if seen.is_some() {
        return Ok(false);
    }
    record_event(tx.conn(), case.id, scope.org_id(), actor, "opened", None).await?;
    tx.commit().await?;
    Ok(true)
}

/// The trail of a case the organisation of `scope` is a party to, oldest first.
pub async fn events(db: &Db, scope: &ReadScope, case: &Case) -> Result<Vec<Event>> {
    ensure_party(case, scope)?;
    let rows =
        sql::query("SELECT at, org_id, actor_label, step, note FROM overleg_events WHERE case_id = $1 ORDER BY id")
            .bind(case.id)
            .fetch_all(db)
            .await?;
    rows.iter()
        .map(|row| {
            Ok(Event {
                at: timestamp::from_unix(row.try_get("at")?),
                org_id: row.try_get("org_id")?,
                actor_label: row.try_get("actor_label")?,
                step: row.try_get("step")?,
                note: row.try_get("note")?,
            })
        })
        .collect()
}

/// `NotFound` unless the organisation of `scope` is one of the case's two parties.
pub(crate) fn ensure_party(case: &Case, scope: &ReadScope) -> Result<()> {
    if case.corporation_id == scope.org_id() || case.tenant_org_id == scope.org_id() {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}
