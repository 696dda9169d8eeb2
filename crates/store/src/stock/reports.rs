//! Error reports of imports, kept for download.

use crate::sql;
use crate::{timestamp, Db, Result};
use time::OffsetDateTime;
use volkshuis_domain::access::{ReadScope, WriteScope};

/// Keeps a report; returns its id.
pub async fn save_report(db: &Db, scope: &WriteScope, csv: &str, at: OffsetDateTime) -> Result<i64> {
    Ok(sql::query_scalar(
        "INSERT INTO import_reports (corporation_id, created_at, csv) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(timestamp::to_unix(at))
    .bind(csv)
    .fetch_one(db)
    .await?)
}

/// A report of the corporation, by id.
pub async fn report(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<String>> {
    Ok(sql::query_scalar("SELECT csv FROM import_reports WHERE id = $1 AND corporation_id = $2")
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?)
}
