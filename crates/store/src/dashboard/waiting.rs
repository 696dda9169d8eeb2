//! Work that waits for an organisation where no module's own list says so: tenants' join requests not yet read,
//! Overleg budgets not yet accounted for, contributions to approve, a stock file whose last import had errors, and
//! for platform administrators the mail that failed and organisations without an administrator.

use crate::sql;
use crate::{timestamp, Db, Result};
use time::OffsetDateTime;
use volkshuis_domain::access::ReadScope;

/// A group with join requests that nobody of its organisation has read yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinRequestsWaiting {
    /// The group.
    pub group_id: i64,
    /// Its name.
    pub group_name: String,
    /// Requests that came in after the group's requests were last read.
    pub count: i64,
}

/// The groups kept by the organisation of `scope` with join requests that came in after a member last read the
/// group's requests (every read is in the audit log, so "read" needs no column of its own), by name.
pub async fn new_join_requests(db: &Db, scope: &ReadScope) -> Result<Vec<JoinRequestsWaiting>> {
    let rows = sql::query(
        "SELECT g.id, g.name, COUNT(r.id) AS n FROM part_groups g JOIN part_join_requests r ON r.group_id = g.id \
         WHERE g.org_id = $1 AND g.ended_on IS NULL AND r.created_at > COALESCE(( \
           SELECT MAX(a.at) FROM audit_log a WHERE a.org_id = $1 AND a.action = 'read_personal' \
           AND a.entity = 'part_join_requests' AND a.entity_id = CAST(g.id AS TEXT)), 0) \
         GROUP BY g.id, g.name ORDER BY g.name, g.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(JoinRequestsWaiting {
                group_id: r.try_get("id")?,
                group_name: r.try_get("name")?,
                count: r.try_get("n")?,
            })
        })
        .collect()
}

/// A contract of the buyer with contributions waiting for its decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingContributions {
    /// The contract.
    pub contract_id: i64,
    /// Its title.
    pub title: String,
    /// Contributions waiting.
    pub count: i64,
}

/// The contracts of the buyer of `scope` with contributions to approve or reject, the longest waiting first.
pub async fn pending_contributions(db: &Db, scope: &ReadScope) -> Result<Vec<PendingContributions>> {
    let rows = sql::query(
        "SELECT k.id, k.title, COUNT(*) AS n, MIN(c.id) AS first FROM sr_contributions c \
         JOIN sr_contracts k ON k.id = c.contract_id WHERE k.buyer_id = $1 AND c.status = 'pending' \
         GROUP BY k.id, k.title ORDER BY 4",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(PendingContributions {
                contract_id: r.try_get("id")?,
                title: r.try_get("title")?,
                count: r.try_get("n")?,
            })
        })
        .collect()
}

/// The error report of a corporation's last stock file, when no import has been written since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportErrors {
    /// The report (downloadable as CSV).
    pub report_id: i64,
    /// When the file was read.
    pub at: OffsetDateTime,
}

/// The newest error report of the corporation of `scope` made at or after `since`, unless a later import was
/// written: then the errors were dealt with (a check of a corrected file writes no report).
pub async fn last_import_errors(db: &Db, scope: &ReadScope, since: OffsetDateTime) -> Result<Option<ImportErrors>> {
    let row = sql::query(
        "SELECT id, created_at FROM import_reports WHERE corporation_id = $1 AND created_at >= $2 \
         AND created_at >= COALESCE((SELECT MAX(at) FROM imports WHERE corporation_id = $1), 0) \
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(scope.org_id())
    .bind(timestamp::to_unix(since))
    .fetch_optional(db)
    .await?;
    row.map(|r| Ok(ImportErrors { report_id: r.try_get("id")?, at: timestamp::from_unix(r.try_get("created_at")?) }))
        .transpose()
}

/// How many messages in the outbox failed for good (platform administrators).
pub async fn failed_mail(db: &Db) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'failed'").fetch_one(db).await?)
}

/// The organisations without an active administrator, by name (platform administrators): nobody there can invite
/// members or make API keys.
pub async fn organisations_without_admin(db: &Db) -> Result<Vec<(i64, String)>> {
    let rows = sql::query(
        "SELECT o.id, o.name FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.org_id = o.id AND m.role = 'admin' AND u.active = 1) \
         ORDER BY o.name, o.id",
    )
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}
