//! Talking about a case: internal comments (visible only to the organisation that wrote them) and the tenant
//! organisation's questions to the corporation (art. 3: answered as soon as possible), both in the trail.

use super::cases::{ensure_party, get_in, record_event, Case};
use super::dates::{date_to_text, optional_date};
use crate::audit::Actor;
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use time::{Date, OffsetDateTime};
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::text::LongText;

/// An internal comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Who wrote it.
    pub author_name: String,
    /// The text.
    pub body: String,
    /// When.
    pub at: OffsetDateTime,
}

/// A question from the organisation and the corporation's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Database id.
    pub id: i64,
    /// The question.
    pub question: String,
    /// Asked on.
    pub asked_on: Date,
    /// The answer, once given.
    pub answer: Option<String>,
    /// Answered on.
    pub answered_on: Option<Date>,
}

/// Adds an internal comment of the organisation of `scope`.
pub async fn add_comment(tx: &mut Tx, scope: &WriteScope, actor: &Actor, case: &Case, body: &LongText) -> Result<()> {
    ensure_party(case, scope)?;
    sql::query(
        "INSERT INTO overleg_comments (case_id, org_id, author_id, author_name, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(case.id)
    .bind(scope.org_id())
    .bind(actor.user_id)
    .bind(&actor.label)
    .bind(body.as_str())
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    record_event(tx.conn(), case.id, scope.org_id(), actor, "commented", None).await
}

/// The internal comments of the organisation of `scope` on a case; never the other party's.
pub async fn comments(db: &Db, scope: &ReadScope, case: &Case) -> Result<Vec<Comment>> {
    ensure_party(case, scope)?;
    let rows = sql::query(
        "SELECT author_name, body, created_at FROM overleg_comments WHERE case_id = $1 AND org_id = $2 ORDER BY id",
    )
    .bind(case.id)
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Comment {
                author_name: row.try_get("author_name")?,
                body: row.try_get("body")?,
                at: timestamp::from_unix(row.try_get("created_at")?),
            })
        })
        .collect()
}

/// The tenant organisation of `scope` asks the corporation for more information.
pub async fn add_question(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    case: &Case,
    question: &LongText,
    on: Date,
) -> Result<i64> {
    if case.tenant_org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    let id = sql::query_scalar(
        "INSERT INTO overleg_questions (case_id, question, asked_by, asked_on) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(case.id)
    .bind(question.as_str())
    .bind(actor.user_id)
    .bind(date_to_text(on))
    .fetch_one(&mut *tx)
    .await?;
    record_event(tx.conn(), case.id, scope.org_id(), actor, "asked", None).await?;
    Ok(id)
}

/// The corporation of `scope` answers a question; a question answered already is a `Conflict`.
pub async fn answer_question(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    case_id: i64,
    question_id: i64,
    answer: &LongText,
    on: Date,
) -> Result<()> {
    let case = get_in(tx.conn(), scope, case_id).await?.ok_or(StoreError::NotFound)?;
    if case.corporation_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    let updated = sql::query(
        "UPDATE overleg_questions SET answer = $1, answered_by = $2, answered_on = $3 \
         WHERE id = $4 AND case_id = $5 AND answer IS NULL",
    )
    .bind(answer.as_str())
    .bind(actor.user_id)
    .bind(date_to_text(on))
    .bind(question_id)
    .bind(case.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        let exists: Option<i64> = sql::query_scalar("SELECT id FROM overleg_questions WHERE id = $1 AND case_id = $2")
            .bind(question_id)
            .bind(case.id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound });
    }
    record_event(tx.conn(), case.id, scope.org_id(), actor, "question_answered", None).await
}

/// The questions on a case, oldest first (both parties see them).
pub async fn questions(db: &Db, scope: &ReadScope, case: &Case) -> Result<Vec<Question>> {
    ensure_party(case, scope)?;
    let rows = sql::query(
        "SELECT id, question, asked_on, answer, answered_on FROM overleg_questions WHERE case_id = $1 ORDER BY id",
    )
    .bind(case.id)
    .fetch_all(db)
    .await?;
    rows.iter().map(question_from_row).collect()
}

fn question_from_row(row: &sql::Row) -> Result<Question> {
    Ok(Question {
        id: row.try_get("id")?,
        question: row.try_get("question")?,
        asked_on: optional_date("asked_on", row.try_get("asked_on")?)?.unwrap_or(Date::MIN),
        answer: row.try_get("answer")?,
        answered_on: optional_date("answered_on", row.try_get("answered_on")?)?,
    })
}

/// Unanswered questions to the corporation of `scope`, oldest first, with their case id and title.
pub async fn open_questions(db: &Db, scope: &ReadScope) -> Result<Vec<(i64, String, Question)>> {
    let rows = sql::query(
        "SELECT q.id, q.question, q.asked_on, q.answer, q.answered_on, c.id AS case_id, c.title \
         FROM overleg_questions q JOIN overleg_cases c ON c.id = q.case_id \
         WHERE q.answer IS NULL AND (c.corporation_id = $1 OR c.tenant_org_id = $1) ORDER BY q.asked_on, q.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| Ok((row.try_get("case_id")?, row.try_get("title")?, question_from_row(row)?))).collect()
}
