//! The steps that fill a case: the tenant organisation's answer and the corporation's decision, each applied only
//! to the version of the case its author saw.

use super::cases::{get_in, next_deadline_text, record_event, Answer, Case, DecisionRecord};
use super::dates::date_to_text;
use crate::audit::Actor;
use crate::sql;
use crate::{Result, StoreError, Tx};
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::overleg::case::CaseFacts;

/// The case as stored now, if it is still at `seen_version` (the stage to store is computed from this, never from
/// the caller's copy); `Conflict` when someone changed it since.
async fn current(tx: &mut Tx, scope: &ReadScope, id: i64, seen_version: i64) -> Result<Case> {
    let case = get_in(tx.conn(), scope, id).await?.ok_or(StoreError::NotFound)?;
    if case.version != seen_version {
        return Err(StoreError::Conflict);
    }
    Ok(case)
}

/// One step that fills a party's columns of a case: which party may take it, its columns, and its values.
struct Step<'a> {
    /// `tenant_org_id` or `corporation_id`: the party whose scope may take the step.
    party_column: &'static str,
    /// The four columns the step sets: code, text, date, user.
    columns: [&'static str; 4],
    /// The trail's name of the step.
    event: &'static str,
    code: &'static str,
    text: &'a Option<String>,
    on: Date,
}

/// Applies a step if the case is still at `seen_version` and the step's columns are empty; otherwise `Conflict`
/// and nothing is written. The stage stored with it is computed from the case as stored, with the step applied.
async fn apply(
    tx: &mut Tx,
    scope: &ReadScope,
    actor: &Actor,
    case_id: i64,
    seen_version: i64,
    step: Step<'_>,
    with_step: impl FnOnce(&mut CaseFacts),
) -> Result<()> {
    let case = current(tx, scope, case_id, seen_version).await?;
    let party = if step.party_column == "tenant_org_id" { case.tenant_org_id } else { case.corporation_id };
    if party != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    let mut facts = case.facts();
    with_step(&mut facts);
    let cal = crate::calendar::term_calendar_in(tx.conn()).await?;
    let [code, text, on, by] = step.columns;
    let updated = sql::query(&format!(
        "UPDATE overleg_cases SET {code} = $1, {text} = $2, {on} = $3, {by} = $4, \
         stage = $5, next_deadline = $6, version = version + 1 \
         WHERE id = $7 AND {party} = $8 AND version = $9 AND {code} IS NULL",
        party = step.party_column
    ))
    .bind(step.code)
    .bind(step.text)
    .bind(date_to_text(step.on))
    .bind(actor.user_id)
    .bind(facts.stage().code())
    .bind(next_deadline_text(&facts, &cal))
    .bind(case.id)
    .bind(scope.org_id())
    .bind(seen_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(StoreError::Conflict);
    }
    record_event(tx.conn(), case.id, scope.org_id(), actor, step.event, Some(step.code)).await
}

/// Records the answer of the tenant organisation of `scope`, if the case is still at `seen_version`; otherwise
/// `Conflict` and nothing is written. The caller checked the answer against the case with the domain rules.
pub async fn answer(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    case: &Case,
    seen_version: i64,
    answer: &Answer,
) -> Result<()> {
    let step = Step {
        party_column: "tenant_org_id",
        columns: ["answer_kind", "answer_text", "answered_on", "answered_by"],
        event: "answered",
        code: answer.kind.code(),
        text: &answer.text,
        on: answer.on,
    };
    apply(tx, scope, actor, case.id, seen_version, step, |f| f.answer = Some((answer.kind, answer.on))).await
}

/// Records the decision of the corporation of `scope`, if the case is still at `seen_version`.
pub async fn decide(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    case: &Case,
    seen_version: i64,
    decision: &DecisionRecord,
) -> Result<()> {
    let step = Step {
        party_column: "corporation_id",
        columns: ["decision", "reply_text", "decided_on", "decided_by"],
        event: "decided",
        code: decision.decision.code(),
        text: &decision.reply,
        on: decision.on,
    };
    apply(tx, scope, actor, case.id, seen_version, step, |f| f.decision = Some((decision.decision, decision.on))).await
}

/// When the organisation's current answer was sent (its last `answered` step in the trail), if it has one.
pub async fn answered_at(db: &crate::Db, scope: &ReadScope, case: &Case) -> Result<Option<time::OffsetDateTime>> {
    super::cases::ensure_party(case, scope)?;
    let at: Option<i64> =
        sql::query_scalar("SELECT MAX(at) FROM overleg_events WHERE case_id = $1 AND step = 'answered'")
            .bind(case.id)
            .fetch_one(db)
            .await?;
    Ok(at.filter(|_| case.answer.is_some()).map(crate::timestamp::from_unix))
}

/// Withdraws the answer of the tenant organisation of `scope` so that it can answer again, if the case is still at
/// `seen_version` and the domain's correction window (checked here against the trail, inside the transaction) is
/// open; the trail records the withdrawn answer. `Conflict` when the case changed or the window closed meanwhile
/// (the caller checked the window with the domain rule first, to say so clearly). Answers the withdrawn answer's text
/// (if it had one), which the case keeps no longer, so that the form to answer again can hold it.
pub async fn withdraw_answer(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    case_id: i64,
    seen_version: i64,
) -> Result<Option<String>> {
    let case = current(tx, scope, case_id, seen_version).await?;
    if case.tenant_org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    let at: Option<i64> =
        sql::query_scalar("SELECT MAX(at) FROM overleg_events WHERE case_id = $1 AND step = 'answered'")
            .bind(case.id)
            .fetch_one(&mut *tx)
            .await?;
    let (Some(at), Some(answer)) = (at, case.answer.as_ref()) else { return Err(StoreError::Conflict) };
    let facts = case.facts();
    if facts.check_correction(crate::timestamp::from_unix(at), actor.at).is_err() {
        return Err(StoreError::Conflict);
    }
    let without = CaseFacts { answer: None, ..facts };
    let cal = crate::calendar::term_calendar_in(tx.conn()).await?;
    let updated = sql::query(
        "UPDATE overleg_cases SET answer_kind = NULL, answer_text = NULL, answered_on = NULL, answered_by = NULL, \
         stage = $1, next_deadline = $2, version = version + 1 \
         WHERE id = $3 AND tenant_org_id = $4 AND version = $5 AND decision IS NULL",
    )
    .bind(without.stage().code())
    .bind(next_deadline_text(&without, &cal))
    .bind(case.id)
    .bind(scope.org_id())
    .bind(seen_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(StoreError::Conflict);
    }
    record_event(tx.conn(), case.id, scope.org_id(), actor, "answer_withdrawn", Some(answer.kind.code())).await?;
    Ok(answer.text.clone())
}
