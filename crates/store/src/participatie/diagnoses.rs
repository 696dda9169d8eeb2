//! The yearly diagnosis of how participation is organised: each party's answers, kept per year so the movement
//! shows.

use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde::{Deserialize, Serialize};
use volkshuis_domain::access::{ReadScope, WriteScope};

/// One party's answers for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// `corporation` or `tenant`.
    #[serde(skip)]
    pub party: String,
    /// The year.
    #[serde(skip)]
    pub year: i32,
    /// Scores 1–5 for the corporation questions.
    pub corporation: Vec<u8>,
    /// Scores 1–5 for the representative questions.
    pub representatives: Vec<u8>,
    /// Scores 1–5 for the golden rules.
    pub rules: Vec<u8>,
    /// Remarks per golden rule.
    pub remarks: Vec<String>,
}

/// `NotFound` unless the organisation of `scope` is one of the pair (the caller has checked that they consult
/// each other).
fn ensure_party(org_id: i64, corporation_id: i64, tenant_org_id: i64) -> Result<()> {
    if org_id == corporation_id || org_id == tenant_org_id {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// Saves (or replaces) one party's answers for a year; the organisation of `scope` is one of the pair.
pub async fn save_diagnosis(
    tx: &mut Tx,
    scope: &WriteScope,
    corporation_id: i64,
    tenant_org_id: i64,
    diagnosis: &Diagnosis,
    submitted_by: &str,
    now: time::OffsetDateTime,
) -> Result<()> {
    ensure_party(scope.org_id(), corporation_id, tenant_org_id)?;
    let answers = serde_json::to_string(diagnosis)
        .map_err(|e| StoreError::Corrupt { column: "answers", value: e.to_string() })?;
    sql::query(
        "INSERT INTO part_diagnoses (corporation_id, tenant_org_id, year, party, answers, submitted_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (corporation_id, tenant_org_id, year, party) \
         DO UPDATE SET answers = excluded.answers, submitted_by = excluded.submitted_by, created_at = excluded.created_at",
    )
    .bind(corporation_id)
    .bind(tenant_org_id)
    .bind(i64::from(diagnosis.year))
    .bind(&diagnosis.party)
    .bind(answers)
    .bind(submitted_by)
    .bind(timestamp::to_unix(now))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Every year's answers of a corporation and a tenant organisation, oldest first; the organisation of `scope` is one
/// of the pair.
pub async fn diagnoses(db: &Db, scope: &ReadScope, corporation_id: i64, tenant_org_id: i64) -> Result<Vec<Diagnosis>> {
    ensure_party(scope.org_id(), corporation_id, tenant_org_id)?;
    let rows = sql::query(
        "SELECT year, party, answers FROM part_diagnoses WHERE corporation_id = $1 AND tenant_org_id = $2 ORDER BY year, party",
    )
    .bind(corporation_id)
    .bind(tenant_org_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let answers: String = r.try_get("answers")?;
            let mut d: Diagnosis = serde_json::from_str(&answers)
                .map_err(|e| StoreError::Corrupt { column: "answers", value: e.to_string() })?;
            d.party = r.try_get("party")?;
            d.year = r.try_get::<i64, _>("year")? as i32;
            Ok(d)
        })
        .collect()
}
