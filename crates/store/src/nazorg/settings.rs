//! A corporation's Nazorg settings: the years after a sale at which a check falls due.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{Db, Result};
use serde_json::json;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::nazorg::checks::{parse_check_years, show_check_years, DEFAULT_CHECK_YEARS};

/// The years after a sale at which the corporation's checks fall due (3 and 6 unless it chose others).
pub async fn check_years(db: &Db, scope: &ReadScope) -> Result<Vec<u32>> {
    let stored: Option<String> = sql::query_scalar("SELECT check_years FROM nz_settings WHERE corporation_id = $1")
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    Ok(stored.and_then(|text| parse_check_years(&text).ok()).unwrap_or_else(|| DEFAULT_CHECK_YEARS.to_vec()))
}

/// Saves the years (checked at the edge with `parse_check_years`). Sales recorded before keep the checks they
/// were planned with.
pub async fn save_check_years(db: &Db, scope: &WriteScope, actor: &Actor, years: &[u32]) -> Result<()> {
    let text = show_check_years(years);
    let mut tx = db.begin().await?;
    sql::query(
        "INSERT INTO nz_settings (corporation_id, check_years, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (corporation_id) DO UPDATE SET check_years = excluded.check_years, updated_at = excluded.updated_at",
    )
    .bind(scope.org_id())
    .bind(&text)
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "update", "nz_settings", scope.org_id().to_string());
    change.after = Some(json!({ "check_years": text }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(())
}
