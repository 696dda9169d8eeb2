//! What `volkshuis bench signalering` reads besides the module's own functions: a loaded stock's unit ids and its
//! gemeenten by size, and how many open signals an inbox holds.

use crate::sql;
use crate::{Backend, Db, Result};

/// The `idExtern` of every unit of the corporation, in id order.
pub async fn unit_ids(db: &Db, corporation: i64) -> Result<Vec<String>> {
    Ok(sql::query_scalar("SELECT id_extern FROM units WHERE corporation_id = $1 ORDER BY id")
        .bind(corporation)
        .fetch_all(db)
        .await?)
}

/// The corporation's gemeenten with their unit counts, most units first.
pub async fn gemeenten_by_size(db: &Db, corporation: i64) -> Result<Vec<(String, i64)>> {
    let rows = sql::query(
        "SELECT gemeente_code, COUNT(*) AS n FROM units WHERE corporation_id = $1 AND gemeente_code IS NOT NULL \
         GROUP BY gemeente_code ORDER BY n DESC",
    )
    .bind(corporation)
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("gemeente_code")?, r.try_get("n")?))).collect()
}

/// Open signals in the municipality's inbox.
pub async fn open_signals(db: &Db, municipality: i64) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM sg_signals WHERE recipient_org_id = $1 AND closed_on IS NULL")
        .bind(municipality)
        .fetch_one(db)
        .await?)
}

/// The id of an open signal in the middle of the municipality's inbox (to time a page deep in it).
pub async fn middle_open_id(db: &Db, municipality: i64) -> Result<i64> {
    let n = open_signals(db, municipality).await?;
    Ok(sql::query_scalar(
        "SELECT id FROM sg_signals WHERE recipient_org_id = $1 AND closed_on IS NULL \
         ORDER BY recipient_org_id, closed_on, id LIMIT 1 OFFSET $2",
    )
    .bind(municipality)
    .bind(n / 2)
    .fetch_optional(db)
    .await?
    .unwrap_or(0))
}

/// What autovacuum does on PostgreSQL soon after a million new signals (an insert-only table is vacuumed from 20 % new
/// rows on): statistics, and the visibility map that lets the inbox's counts read the index alone (13 ms instead of
/// 33 ms for 100,000 open signals). SQLite has neither.
pub async fn settle(db: &Db) -> Result<()> {
    if db.backend() == Backend::Postgres {
        sql::raw_sql("VACUUM (ANALYZE) sg_signals, sg_facts, sg_households", db).await?;
    }
    Ok(())
}
