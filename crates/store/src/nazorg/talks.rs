//! The talk before a sale: the corporation's own checklist (versioned; a talk keeps the version it was held with),
//! the buyer's answers, the monthly costs of owning against the rent, and the buyer's consent to aftercare.

use super::sales::sale_unlogged;
use super::{date, BuyerScope};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql::{self, Exec};
use crate::{Db, Result, StoreError};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::nazorg::talk::default_checklist;

/// A version of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    /// Its id; `None` for the platform's default before the corporation saved its own.
    pub id: Option<i64>,
    /// Its version (0 for the default).
    pub version: i64,
    /// The items, in order.
    pub items: Vec<String>,
    /// Who saved it.
    pub created_by: Option<String>,
}

fn items_from(column: &'static str, text: &str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|_| StoreError::Corrupt { column, value: text.to_owned() })
}

/// The corporation's current checklist, or the default when it has none of its own.
pub async fn checklist(db: &Db, scope: &ReadScope) -> Result<Checklist> {
    current(db, scope.org_id()).await
}

async fn current<'c>(on: impl Exec<'c> + 'c, corporation: i64) -> Result<Checklist> {
    let row = sql::query(
        "SELECT id, version, items, created_by FROM nz_checklists WHERE corporation_id = $1 \
         ORDER BY version DESC LIMIT 1",
    )
    .bind(corporation)
    .fetch_optional(on)
    .await?;
    match row {
        Some(row) => Ok(Checklist {
            id: Some(row.try_get("id")?),
            version: row.try_get("version")?,
            items: items_from("items", &row.try_get::<String, _>("items")?)?,
            created_by: row.try_get("created_by")?,
        }),
        None => Ok(Checklist {
            id: None,
            version: 0,
            items: default_checklist().into_iter().map(str::to_owned).collect(),
            created_by: None,
        }),
    }
}

/// Saves a new version of the corporation's checklist (items checked at the edge); returns its version.
pub async fn save_checklist(db: &Db, scope: &WriteScope, actor: &Actor, items: &[String]) -> Result<i64> {
    let mut tx = db.begin().await?;
    let version = insert_version(&mut tx, scope.org_id(), actor, items).await?.1;
    tx.commit().await?;
    Ok(version)
}

async fn insert_version(tx: &mut crate::Tx, corporation: i64, actor: &Actor, items: &[String]) -> Result<(i64, i64)> {
    let version: i64 =
        sql::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM nz_checklists WHERE corporation_id = $1")
            .bind(corporation)
            .fetch_one(&mut *tx)
            .await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO nz_checklists (corporation_id, version, items, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(corporation)
    .bind(version)
    .bind(json!(items).to_string())
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(corporation), "create", "nz_checklist", id.to_string());
    change.after = Some(json!({ "version": version, "items": items.len() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok((id, version))
}

/// A talk as held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// The day.
    pub held_on: Date,
    /// The checklist's version.
    pub version: i64,
    /// Each item with the buyer's answer.
    pub answers: Vec<(String, String)>,
    /// The monthly costs of owning, in cents.
    pub owning_monthly_cents: i64,
    /// The rent now, in cents.
    pub rent_monthly_cents: i64,
    /// Whether the buyer consented to aftercare.
    pub consent: bool,
    /// Who held it.
    pub held_by: String,
}

/// The talk of a sale the scope may see; `Ok(None)` when none was held or the sale is not the scope's.
pub async fn talk(db: &Db, scope: &BuyerScope, sale_id: i64) -> Result<Option<Talk>> {
    if sale_unlogged(db, scope, sale_id).await?.is_none() {
        return Ok(None);
    }
    let row = sql::query(
        "SELECT t.held_on, t.answers, t.owning_monthly_cents, t.rent_monthly_cents, t.consent, t.held_by, \
         l.version, l.items FROM nz_talks t JOIN nz_checklists l ON l.id = t.checklist_id WHERE t.sale_id = $1",
    )
    .bind(sale_id)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let items = items_from("items", &row.try_get::<String, _>("items")?)?;
    let answers = items_from("answers", &row.try_get::<String, _>("answers")?)?;
    Ok(Some(Talk {
        held_on: date(&row, "held_on")?,
        version: row.try_get("version")?,
        answers: items.into_iter().zip(answers.into_iter().chain(std::iter::repeat(String::new()))).collect(),
        owning_monthly_cents: row.try_get("owning_monthly_cents")?,
        rent_monthly_cents: row.try_get("rent_monthly_cents")?,
        consent: row.try_get::<i64, _>("consent")? != 0,
        held_by: row.try_get("held_by")?,
    }))
}

/// A talk to record: the answers belong to the checklist version the form showed.
#[derive(Debug, Clone)]
pub struct NewTalk {
    /// The version of the checklist the form showed (0: the default).
    pub version: i64,
    /// The day.
    pub held_on: Date,
    /// One answer per item of that version.
    pub answers: Vec<String>,
    /// Monthly costs of owning.
    pub owning_monthly_cents: i64,
    /// Rent now.
    pub rent_monthly_cents: i64,
    /// The buyer's consent to aftercare (asked, never pre-set).
    pub consent: bool,
}

/// Why a talk was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkRefused {
    /// The sale is not the corporation's.
    UnknownSale,
    /// The checklist changed since the form was shown; the form is shown again with the new version.
    ChecklistChanged,
    /// The answers do not match the checklist's items.
    AnswersDoNotMatch,
}

/// Records (or replaces) the talk of one of the corporation's sales.
pub async fn record_talk(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    sale_id: i64,
    talk: &NewTalk,
) -> Result<std::result::Result<(), TalkRefused>> {
    let corporation = scope.org_id();
    let mut tx = db.begin().await?;
    // A sale whose buyer's data was deleted takes no new personal data (ADR 0066).
    let sale = sale_unlogged(&mut tx, &BuyerScope::sales_staff(scope), sale_id).await?;
    if sale.is_none_or(|sale| sale.buyer_deleted_on.is_some()) {
        return Ok(Err(TalkRefused::UnknownSale));
    }
    let current = current(&mut tx, corporation).await?;
    if current.version != talk.version {
        return Ok(Err(TalkRefused::ChecklistChanged));
    }
    if current.items.len() != talk.answers.len() {
        return Ok(Err(TalkRefused::AnswersDoNotMatch));
    }
    // The default checklist is stored as the corporation's first version when a talk is first held with it, so the
    // talk keeps the items it answered.
    let checklist_id = match current.id {
        Some(id) => id,
        None => insert_version(&mut tx, corporation, actor, &current.items).await?.0,
    };
    sql::query("DELETE FROM nz_talks WHERE sale_id = $1").bind(sale_id).execute(&mut tx).await?;
    sql::query(
        "INSERT INTO nz_talks (sale_id, checklist_id, held_on, owning_monthly_cents, rent_monthly_cents, answers, \
         consent, held_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(sale_id)
    .bind(checklist_id)
    .bind(date_to_text(talk.held_on))
    .bind(talk.owning_monthly_cents)
    .bind(talk.rent_monthly_cents)
    .bind(json!(talk.answers).to_string())
    .bind(i64::from(talk.consent))
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    if !talk.consent {
        // No consent, no koopcoach: one assigned earlier no longer sees this buyer.
        sql::query("UPDATE nz_sales SET coach_org_id = NULL, coach_user_id = NULL WHERE id = $1")
            .bind(sale_id)
            .execute(&mut tx)
            .await?;
    }
    let mut change = Change::event(Some(corporation), "talk", "nz_sale", sale_id.to_string());
    change.after = Some(json!({ "held_on": date_to_text(talk.held_on), "consent": talk.consent }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}
