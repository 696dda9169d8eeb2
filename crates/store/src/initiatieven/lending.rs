//! What the corporation lends an initiative: a vacant or non-residential unit from its stock on agreed terms, and
//! other agreements (zelfbeheer of a common space with its budget, a request to form a wooncoöperatie, a permission or
//! advice given).

use super::{date, opt_date};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::initiatieven::lending::{
    is_lending_candidate, is_vacant, LoanTerms, NON_RESIDENTIAL_DETAIL_SOORTEN, NON_RESIDENTIAL_SOORTEN, VACANT_STATUS,
};

/// A unit the corporation may lend, with why it may.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Unit id.
    pub id: i64,
    /// The corporation's own id.
    pub id_extern: String,
    /// Address.
    pub address: String,
    /// Its kind, as stored.
    pub soort: Option<String>,
    /// Its detail kind, as stored.
    pub detail_soort: Option<String>,
    /// Whether it stands empty (else it is a candidate as a space not for living).
    pub vacant: bool,
}

/// The corporation's units that may be lent (non-residential or vacant, by the domain rule) and are not lent now,
/// in the initiative's complexes first, at most `limit`.
pub async fn candidates(
    db: &Db,
    scope: &ReadScope,
    initiative_id: i64,
    today: Date,
    limit: usize,
) -> Result<Vec<Candidate>> {
    // The rule's codes in the query, so the limit counts candidates, not every home; the rule itself is applied
    // again below (it trims and compares the same way).
    let quoted = |codes: &[&str]| codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ");
    let (soorten, details) = (quoted(&NON_RESIDENTIAL_SOORTEN), quoted(&NON_RESIDENTIAL_DETAIL_SOORTEN));
    let rows = sql::query(&format!(
        "SELECT u.id, u.id_extern, u.soort, u.detail_soort, u.status, u.straatnaam, u.huisnummer, u.huisletter, \
         u.huisnummer_toevoeging, u.woonplaats, \
         CASE WHEN u.cluster_id IN (SELECT cluster_id FROM in_initiative_clusters WHERE initiative_id = $2) \
              THEN 0 ELSE 1 END AS rank \
         FROM units u WHERE u.corporation_id = $1 AND u.in_use = 1 \
         AND NOT EXISTS (SELECT 1 FROM in_loans l WHERE l.unit_id = u.id AND (l.until_on IS NULL OR l.until_on >= $3)) \
         AND (UPPER(TRIM(u.status)) = $4 OR UPPER(TRIM(u.soort)) IN ({soorten}) \
              OR (u.soort IS NULL AND UPPER(TRIM(u.detail_soort)) IN ({details}))) \
         ORDER BY rank, u.woonplaats, u.straatnaam, u.huisnummer, u.id LIMIT 5000"
    ))
    .bind(scope.org_id())
    .bind(initiative_id)
    .bind(date_to_text(today))
    .bind(VACANT_STATUS)
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for row in &rows {
        let (soort, detail, status): (Option<String>, Option<String>, Option<String>) =
            (row.try_get("soort")?, row.try_get("detail_soort")?, row.try_get("status")?);
        if !is_lending_candidate(soort.as_deref(), detail.as_deref(), status.as_deref()) {
            continue;
        }
        out.push(Candidate {
            id: row.try_get("id")?,
            id_extern: row.try_get("id_extern")?,
            address: crate::nazorg::address(row)?,
            vacant: is_vacant(status.as_deref()),
            soort,
            detail_soort: detail,
        });
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}

/// A unit lent to an initiative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loan {
    /// Id.
    pub id: i64,
    /// The unit.
    pub unit_id: i64,
    /// Its address.
    pub address: String,
    /// The terms.
    pub terms: LoanTerms,
}

/// The units lent to an initiative (the caller has checked the viewer may see it).
pub async fn loans(db: &Db, initiative_id: i64) -> Result<Vec<Loan>> {
    let rows = sql::query(
        "SELECT l.id, l.unit_id, l.rent_cents, l.discount_bp, l.from_on, l.until_on, u.straatnaam, u.huisnummer, \
         u.huisletter, u.huisnummer_toevoeging, u.woonplaats FROM in_loans l JOIN units u ON u.id = l.unit_id \
         WHERE l.initiative_id = $1 ORDER BY l.from_on, l.id",
    )
    .bind(initiative_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Loan {
                id: r.try_get("id")?,
                unit_id: r.try_get("unit_id")?,
                address: crate::nazorg::address(r)?,
                terms: LoanTerms {
                    rent_cents: r.try_get("rent_cents")?,
                    discount_bp: u32::try_from(r.try_get::<i64, _>("discount_bp")?).unwrap_or(0),
                    from: date(r, "from_on")?,
                    until: opt_date(r, "until_on")?,
                },
            })
        })
        .collect()
}

/// Why a loan was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoanRefused {
    /// The initiative is not the corporation's.
    UnknownInitiative,
    /// The unit is not the corporation's, or may not be lent (not a candidate, or lent already).
    NotACandidate,
}

/// Lends one of the corporation's candidate units to one of its initiatives on `terms` (checked at the edge).
pub async fn lend(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    initiative_id: i64,
    unit_id: i64,
    terms: &LoanTerms,
    today: Date,
) -> Result<std::result::Result<i64, LoanRefused>> {
    if super::initiatives::for_corporation(db, scope.as_read(), initiative_id).await?.is_none() {
        return Ok(Err(LoanRefused::UnknownInitiative));
    }
    // The candidate list is the check: a unit id from a form that is not on it is refused.
    let candidates = candidates(db, scope.as_read(), initiative_id, today, usize::MAX).await?;
    if !candidates.iter().any(|c| c.id == unit_id) {
        return Ok(Err(LoanRefused::NotACandidate));
    }
    let mut tx = db.begin().await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_loans (initiative_id, unit_id, rent_cents, discount_bp, from_on, until_on, recorded_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(initiative_id)
    .bind(unit_id)
    .bind(terms.rent_cents)
    .bind(i64::from(terms.discount_bp))
    .bind(date_to_text(terms.from))
    .bind(terms.until.map(date_to_text))
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "lend", "in_initiative", initiative_id.to_string());
    change.after = Some(json!({ "unit_id": unit_id, "rent_cents": terms.rent_cents }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// The kinds of other agreements.
pub const AGREEMENT_KINDS: [&str; 4] = ["zelfbeheer", "wooncooperatie", "toestemming", "advies"];

/// Another agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// One of [`AGREEMENT_KINDS`].
    pub kind: String,
    /// What: the common space, the permission, the advice.
    pub subject: String,
    /// Who maintains it or carries it.
    pub who: String,
    /// Its budget, for zelfbeheer.
    pub budget_cents: Option<i64>,
    /// The day.
    pub on_date: Date,
}

/// The other agreements of an initiative (the caller has checked the viewer may see it).
pub async fn agreements(db: &Db, initiative_id: i64) -> Result<Vec<Agreement>> {
    let rows = sql::query(
        "SELECT kind, subject, who, budget_cents, on_date FROM in_agreements WHERE initiative_id = $1 \
         ORDER BY on_date, id",
    )
    .bind(initiative_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Agreement {
                kind: r.try_get("kind")?,
                subject: r.try_get("subject")?,
                who: r.try_get("who")?,
                budget_cents: r.try_get("budget_cents")?,
                on_date: date(r, "on_date")?,
            })
        })
        .collect()
}

/// Records an agreement for one of the corporation's initiatives; `false` for any other initiative or kind.
pub async fn add_agreement(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    initiative_id: i64,
    agreement: &Agreement,
) -> Result<bool> {
    if !AGREEMENT_KINDS.contains(&agreement.kind.as_str())
        || super::initiatives::for_corporation(db, scope.as_read(), initiative_id).await?.is_none()
    {
        return Ok(false);
    }
    let mut tx = db.begin().await?;
    sql::query(
        "INSERT INTO in_agreements (initiative_id, kind, subject, who, budget_cents, on_date, recorded_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(initiative_id)
    .bind(&agreement.kind)
    .bind(&agreement.subject)
    .bind(&agreement.who)
    .bind(agreement.budget_cents)
    .bind(date_to_text(agreement.on_date))
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "agreement", "in_initiative", initiative_id.to_string());
    change.after = Some(json!({ "kind": agreement.kind }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}
