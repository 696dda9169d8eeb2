//! The tenants' voice with evidence: what a party's achterban said, for its position to cite. A tenant organisation
//! cites its yearly diagnosis (its own answers with a corporation, with the golden rules' average score) or a
//! message its groups sent to their members and the corporation approved. The list is read for the organisation
//! that cites, so a citation can only name what is its own.

use crate::sql;
use crate::{Db, Result, StoreError};

/// Something a party's achterban said, to cite.
#[derive(Debug, Clone, PartialEq)]
pub enum Voice {
    /// The yearly diagnosis the organisation answered with a corporation.
    Diagnosis {
        /// The corporation's name.
        corporation: String,
        /// The year.
        year: i32,
        /// The average of its golden-rule scores (1–5), when it scored them.
        rules_average: Option<f64>,
    },
    /// A message one of its groups sent to the achterban (approved).
    Message {
        /// The group's name.
        group: String,
        /// The subject.
        subject: String,
    },
}

/// A citation: a stable code (checked again when it comes back in a form) and what it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// `diagnose:<corporation>:<year>` or `bericht:<id>`.
    pub code: String,
    /// What it cites.
    pub voice: Voice,
}

/// What the achterban of organisation `org_id` said that it may cite: its own diagnoses (newest first) and its
/// groups' approved messages (newest first).
pub async fn citations(db: &Db, org_id: i64) -> Result<Vec<Citation>> {
    let diagnoses = sql::query(
        "SELECT d.corporation_id, o.name, d.year, d.answers FROM part_diagnoses d \
         JOIN organisations o ON o.id = d.corporation_id \
         WHERE d.tenant_org_id = $1 AND d.party = 'tenant' ORDER BY d.year DESC, o.name",
    )
    .bind(org_id)
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for r in &diagnoses {
        let answers: String = r.try_get("answers")?;
        let parsed: serde_json::Value = serde_json::from_str(&answers)
            .map_err(|e| StoreError::Corrupt { column: "answers", value: e.to_string() })?;
        let rules: Vec<f64> = parsed
            .get("rules")
            .and_then(|v| v.as_array())
            .map(|scores| scores.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default();
        let average = (!rules.is_empty()).then(|| rules.iter().sum::<f64>() / rules.len() as f64);
        let corporation_id: i64 = r.try_get("corporation_id")?;
        let year = r.try_get::<i64, _>("year")? as i32;
        out.push(Citation {
            code: format!("diagnose:{corporation_id}:{year}"),
            voice: Voice::Diagnosis { corporation: r.try_get("name")?, year, rules_average: average },
        });
    }
    let messages = sql::query(
        "SELECT m.id, g.name, m.subject FROM part_messages m JOIN part_groups g ON g.id = m.group_id \
         WHERE g.org_id = $1 AND m.status = 'approved' ORDER BY m.id DESC LIMIT 50",
    )
    .bind(org_id)
    .fetch_all(db)
    .await?;
    for r in &messages {
        let id: i64 = r.try_get("id")?;
        out.push(Citation {
            code: format!("bericht:{id}"),
            voice: Voice::Message { group: r.try_get("name")?, subject: r.try_get("subject")? },
        });
    }
    Ok(out)
}
