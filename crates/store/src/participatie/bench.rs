//! Bulk data for `volkshuis bench participatie`: many groups over a loaded stock, written in a few statements, and
//! what the benchmark asks of the cells. Not for pages: a group made here has no audit entry.

use crate::{sql, Db, Result};
use volkshuis_domain::access::WriteScope;

/// What [`add_groups`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Added {
    /// The benchmark's groups of the corporation now (earlier runs' too).
    pub groups: usize,
    /// The areas they speak for.
    pub areas: usize,
}

/// Adds `count` groups to the corporation of `scope`: two thirds for one to three complexes each, one third for a
/// buurt; every third one recognised. `count` 0 adds none and counts those of earlier runs.
pub async fn add_groups(db: &Db, scope: &WriteScope, count: usize, now: i64) -> Result<Added> {
    let corporation = scope.org_id();
    let clusters: Vec<String> = sql::query_scalar("SELECT code FROM clusters WHERE corporation_id = $1")
        .bind(corporation)
        .fetch_all(db)
        .await?;
    let buurten: Vec<String> =
        sql::query_scalar("SELECT DISTINCT buurt_code FROM units WHERE corporation_id = $1 AND buurt_code IS NOT NULL")
            .bind(corporation)
            .fetch_all(db)
            .await?;
    if clusters.is_empty() {
        return Err(crate::StoreError::NotFound);
    }
    let mut tx = db.begin().await?;
    for chunk in (0..count).collect::<Vec<_>>().chunks(1_000) {
        let rows: Vec<String> = chunk
            .iter()
            .map(|i| {
                let (kind, area) =
                    if i % 3 == 2 { ("leefbaarheidsgroep", "buurten") } else { ("bewonerscommissie", "complexes") };
                let level = if i % 3 == 0 { 2 } else { 1 };
                format!(
                    "({corporation}, {corporation}, 'Groep {i}', '{kind}', '{area}', 'secretaris', 'meetings', '', '', \
                     '[]', {level}, {now})"
                )
            })
            .collect();
        let insert = format!(
            "INSERT INTO part_groups (corporation_id, org_id, name, kind, area_kind, contact_role, channels, \
             description, join_info, criteria, level, created_at) VALUES {}",
            rows.join(", ")
        );
        sql::raw_sql(&insert, &mut tx).await?;
    }
    let ids: Vec<i64> =
        sql::query_scalar("SELECT id FROM part_groups WHERE corporation_id = $1 AND name LIKE 'Groep %' ORDER BY id")
            .bind(corporation)
            .fetch_all(&mut tx)
            .await?;
    let mut areas = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if i % 3 == 2 {
            if !buurten.is_empty() {
                areas.push((*id, buurten[i % buurten.len()].as_str()));
            }
        } else {
            for k in 0..=(i % 3) {
                areas.push((*id, clusters[(i * 7 + k * 13) % clusters.len()].as_str()));
            }
        }
    }
    for chunk in areas.chunks(1_000) {
        let rows: Vec<String> =
            chunk.iter().map(|(id, code)| format!("({id}, '{}')", code.replace('\'', "''"))).collect();
        let insert =
            format!("INSERT INTO part_group_areas (group_id, code) VALUES {} ON CONFLICT DO NOTHING", rows.join(", "));
        sql::raw_sql(&insert, &mut tx).await?;
    }
    tx.commit().await?;
    Ok(Added { groups: ids.len(), areas: areas.len() })
}

/// The corporation's coverage cells, counted.
pub async fn cell_count(db: &Db, scope: &WriteScope) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM part_cells WHERE corporation_id = $1")
        .bind(scope.org_id())
        .fetch_one(db)
        .await?)
}

/// The position of the corporation's cell with the most units (latitude, longitude).
pub async fn densest_cell(db: &Db, scope: &WriteScope) -> Result<(f64, f64)> {
    let row = sql::query(
        "SELECT lat, lon FROM part_cells WHERE corporation_id = $1 AND lat IS NOT NULL ORDER BY units DESC LIMIT 1",
    )
    .bind(scope.org_id())
    .fetch_one(db)
    .await?;
    Ok((row.try_get("lat")?, row.try_get("lon")?))
}
