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
    // The newest cycle per gemeente by grouping (highest year, then highest id), and the parties counted in one
    // grouped join: a plan PostgreSQL estimates small, so it is never JIT-compiled (ADR 0042 measured the
    // correlated form at up to 179 ms under load, this one at 8 ms).
    let rows = sql::query(
        "WITH latest AS ( \
           SELECT gemeente_code, MAX(first_year) AS first_year FROM pa_cycles GROUP BY gemeente_code), \
         newest AS ( \
           SELECT MAX(c.id) AS id FROM pa_cycles c \
             JOIN latest l ON l.gemeente_code = c.gemeente_code AND l.first_year = c.first_year \
           GROUP BY c.gemeente_code), \
         counts AS ( \
           SELECT p.cycle_id, COUNT(*) AS parties, COUNT(p.signed_at) AS signed, \
             SUM(CASE WHEN o.kind = $1 THEN 1 ELSE 0 END) AS corporations \
           FROM newest n JOIN pa_parties p ON p.cycle_id = n.id JOIN organisations o ON o.id = p.org_id \
           GROUP BY p.cycle_id) \
         SELECT c.id, c.gemeente_code, c.title, c.first_year, c.phase, c.phase_since, \
           (SELECT a.name FROM areas a WHERE a.kind = 'gemeente' AND a.code = c.gemeente_code \
              ORDER BY a.year DESC LIMIT 1) AS gemeente_name, \
           CAST(COALESCE(k.parties, 0) AS BIGINT) AS parties, CAST(COALESCE(k.signed, 0) AS BIGINT) AS signed, \
           CAST(COALESCE(k.corporations, 0) AS BIGINT) AS corporations, \
           (SELECT COUNT(*) FROM pa_bids b WHERE b.cycle_id = c.id AND b.sent_on IS NOT NULL) AS bids_sent \
         FROM newest n JOIN pa_cycles c ON c.id = n.id LEFT JOIN counts k ON k.cycle_id = n.id \
         ORDER BY c.gemeente_code",
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
