//! The national overview for the platform administrator: every gemeente with a cycle on the platform, the phase of
//! its newest cycle and whether a bid is late. No content of a cycle, only where it stands.

use crate::overleg::date_from_text;
use crate::sql;
use crate::{Db, Result, StoreError};
use time::Date;
use volkshuis_domain::afspraken::Phase;
use volkshuis_domain::org::OrgKind;

/// A gemeente's newest cycle.
#[derive(Debug, Clone)]
pub struct OverviewRow {
    /// CBS gemeente code.
    pub gemeente_code: String,
    /// Its name, when known.
    pub gemeente_name: Option<String>,
    /// The cycle.
    pub cycle_id: i64,
    /// Its title.
    pub title: String,
    /// Agreement year.
    pub first_year: i32,
    /// Phase.
    pub phase: Phase,
    /// Since when.
    pub phase_since: Date,
    /// Corporation parties.
    pub corporations: i64,
    /// Of which sent their bid.
    pub bids_sent: i64,
    /// Parties in all.
    pub parties: i64,
    /// Of which signed.
    pub signed: i64,
}

/// Every gemeente's newest cycle (highest agreement year, then newest), by gemeente code.
pub async fn national_overview(db: &Db) -> Result<Vec<OverviewRow>> {
    // The newest cycle per gemeente first (one pass over pa_cycles), then the counts for those cycles only.
    let rows = sql::query(
        "WITH newest AS ( \
           SELECT c.* FROM pa_cycles c WHERE NOT EXISTS (SELECT 1 FROM pa_cycles d \
             WHERE d.gemeente_code = c.gemeente_code AND (d.first_year > c.first_year \
               OR (d.first_year = c.first_year AND d.id > c.id)))) \
         SELECT n.id, n.gemeente_code, n.title, n.first_year, n.phase, n.phase_since, \
           (SELECT a.name FROM areas a WHERE a.kind = 'gemeente' AND a.code = n.gemeente_code \
              ORDER BY a.year DESC LIMIT 1) AS gemeente_name, \
           (SELECT COUNT(*) FROM pa_parties p WHERE p.cycle_id = n.id) AS parties, \
           (SELECT COUNT(*) FROM pa_parties p WHERE p.cycle_id = n.id AND p.signed_at IS NOT NULL) AS signed, \
           (SELECT COUNT(*) FROM pa_parties p JOIN organisations o ON o.id = p.org_id \
              WHERE p.cycle_id = n.id AND o.kind = $1) AS corporations, \
           (SELECT COUNT(*) FROM pa_bids b WHERE b.cycle_id = n.id AND b.sent_on IS NOT NULL) AS bids_sent \
         FROM newest n ORDER BY n.gemeente_code",
    )
    .bind(OrgKind::Corporation.code())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let phase: String = r.try_get("phase")?;
            Ok(OverviewRow {
                gemeente_code: r.try_get("gemeente_code")?,
                gemeente_name: r.try_get("gemeente_name")?,
                cycle_id: r.try_get("id")?,
                title: r.try_get("title")?,
                first_year: r.try_get::<i64, _>("first_year")? as i32,
                phase: Phase::parse(&phase).ok_or(StoreError::Corrupt { column: "phase", value: phase.clone() })?,
                phase_since: date_from_text("phase_since", &r.try_get::<String, _>("phase_since")?)?,
                corporations: r.try_get("corporations")?,
                bids_sent: r.try_get("bids_sent")?,
                parties: r.try_get("parties")?,
                signed: r.try_get("signed")?,
            })
        })
        .collect()
}
