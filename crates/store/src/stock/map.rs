//! The stock on a map: grid clusters per zoom level (precomputed), single units at street level.

use crate::sql::{self, Conn};
use crate::{Backend, Db, Result};
use volkshuis_domain::access::{ReadScope, WriteScope};

/// Zoom levels with precomputed clusters; from [`STREET_ZOOM`] on, single units are shown.
pub const CLUSTER_ZOOMS: std::ops::RangeInclusive<i64> = 5..=15;
/// The first zoom level that shows single units.
pub const STREET_ZOOM: i64 = 16;
/// Most single units sent in one answer.
pub const MAX_UNITS: i64 = 2_000;

/// Grid cell size in degrees at a zoom level: about 60 screen pixels (a 256-pixel tile covers 360/2^z degrees).
pub fn cell_size(zoom: i64) -> f64 {
    360.0 / 2f64.powi(zoom.clamp(0, 30) as i32) / 4.0
}

/// A map area: `[min_lon, min_lat, max_lon, max_lat]`.
pub type BBox = [f64; 4];

/// A cluster of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean position of its units.
    pub lat: f64,
    /// Mean position of its units.
    pub lon: f64,
    /// Units in it.
    pub units: i64,
    /// Of which DAEB.
    pub daeb_units: i64,
}

/// A single unit on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Unit id.
    pub id: i64,
    /// Position.
    pub lat: f64,
    /// Position.
    pub lon: f64,
    /// Street and number.
    pub address: String,
    /// DAE or NDA.
    pub label: Option<String>,
}

/// Recomputes the grid cells of a corporation's stock for every cluster zoom level, in one transaction.
pub async fn rebuild(db: &Db, scope: &WriteScope) -> Result<()> {
    let mut tx = db.begin().await?;
    rebuild_in(tx.conn(), db.backend(), scope.org_id()).await?;
    tx.commit().await?;
    Ok(())
}

/// The finest level with precomputed clusters; the coarser ones are made from it.
pub(crate) const FINEST_LEVEL: i64 = *CLUSTER_ZOOMS.end();

/// The grid cell `(gx, gy)` of a position, for cells of `cell` degrees. Positions in the Netherlands are positive,
/// so truncating is taking the floor; the SQL that groups units does the same (PostgreSQL's cast would round).
pub(crate) fn grid_cell(lon: f64, lat: f64, cell: f64) -> (i64, i64) {
    ((lon / cell) as i64, (lat / cell) as i64)
}

/// As [`rebuild`], inside the caller's transaction (the import's, so map and stock change together).
pub(crate) async fn rebuild_in(mut conn: Conn<'_>, backend: Backend, corporation_id: i64) -> Result<()> {
    sql::query("DELETE FROM map_cells WHERE corporation_id = $1").bind(corporation_id).execute(&mut conn).await?;
    // The finest level from the units themselves; each coarser level from the one below it, so the units are read
    // once.
    let cell = |axis: &str| match backend {
        Backend::Sqlite => format!("CAST({axis} / $3 AS BIGINT)"),
        Backend::Postgres => format!("CAST(TRUNC({axis} / $3) AS BIGINT)"),
    };
    let (gx, gy) = (cell("lon"), cell("lat"));
    sql::query(&format!(
        "INSERT INTO map_cells (corporation_id, level, gx, gy, units, daeb_units, lat, lon) \
         SELECT corporation_id, $2, {gx}, {gy}, COUNT(*), \
                SUM(CASE WHEN maatschappelijk_label = 'DAE' THEN 1 ELSE 0 END), AVG(lat), AVG(lon) \
         FROM units WHERE corporation_id = $1 AND in_use = 1 AND lat IS NOT NULL AND lon IS NOT NULL \
         GROUP BY corporation_id, {gx}, {gy}"
    ))
    .bind(corporation_id)
    .bind(FINEST_LEVEL)
    .bind(cell_size(FINEST_LEVEL))
    .execute(&mut conn)
    .await?;
    coarser_levels(conn, corporation_id).await
}

/// Makes every level above the finest from the one below it: a cell holds exactly four cells of the next level,
/// because the cell size halves per zoom level.
pub(crate) async fn coarser_levels(mut conn: Conn<'_>, corporation_id: i64) -> Result<()> {
    for level in (*CLUSTER_ZOOMS.start()..FINEST_LEVEL).rev() {
        sql::query(
            "INSERT INTO map_cells (corporation_id, level, gx, gy, units, daeb_units, lat, lon) \
             SELECT corporation_id, $2, gx / 2, gy / 2, SUM(units), SUM(daeb_units), \
                    SUM(lat * units) / SUM(units), SUM(lon * units) / SUM(units) \
             FROM map_cells WHERE corporation_id = $1 AND level = $3 \
             GROUP BY corporation_id, gx / 2, gy / 2",
        )
        .bind(corporation_id)
        .bind(level)
        .bind(level + 1)
        .execute(&mut conn)
        .await?;
    }
    Ok(())
}

/// The area the corporation's stock in use covers, if it has positions.
pub async fn extent(db: &Db, scope: &ReadScope) -> Result<Option<BBox>> {
    let row = sql::query(
        "SELECT MIN(lon) AS min_lon, MIN(lat) AS min_lat, MAX(lon) AS max_lon, MAX(lat) AS max_lat \
         FROM units WHERE corporation_id = $1 AND in_use = 1",
    )
    .bind(scope.org_id())
    .fetch_one(db)
    .await?;
    let get = |c: &str| row.try_get::<Option<f64>, _>(c);
    Ok(match (get("min_lon")?, get("min_lat")?, get("max_lon")?, get("max_lat")?) {
        (Some(a), Some(b), Some(c), Some(d)) => Some([a, b, c, d]),
        _ => None,
    })
}

/// The clusters in view at a zoom level below [`STREET_ZOOM`].
pub async fn clusters(db: &Db, scope: &ReadScope, zoom: i64, bbox: BBox) -> Result<Vec<Cluster>> {
    let level = zoom.clamp(*CLUSTER_ZOOMS.start(), *CLUSTER_ZOOMS.end());
    let cell = cell_size(level);
    let (low, high) = (grid_cell(bbox[0], bbox[1], cell), grid_cell(bbox[2], bbox[3], cell));
    let rows = sql::query(
        "SELECT units, daeb_units, lat, lon FROM map_cells WHERE corporation_id = $1 AND level = $2 \
         AND gx BETWEEN $3 AND $4 AND gy BETWEEN $5 AND $6",
    )
    .bind(scope.org_id())
    .bind(level)
    .bind(low.0)
    .bind(high.0)
    .bind(low.1)
    .bind(high.1)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Cluster {
                lat: r.try_get("lat")?,
                lon: r.try_get("lon")?,
                units: r.try_get("units")?,
                daeb_units: r.try_get("daeb_units")?,
            })
        })
        .collect()
}

/// The single units in view (at most [`MAX_UNITS`]).
pub async fn points(db: &Db, scope: &ReadScope, bbox: BBox) -> Result<Vec<Point>> {
    let rows = sql::query(
        "SELECT id, lat, lon, straatnaam, huisnummer, huisletter, huisnummer_toevoeging, maatschappelijk_label \
         FROM units WHERE corporation_id = $1 AND in_use = 1 AND lat BETWEEN $2 AND $3 AND lon BETWEEN $4 AND $5 \
         ORDER BY id LIMIT $6",
    )
    .bind(scope.org_id())
    .bind(bbox[1])
    .bind(bbox[3])
    .bind(bbox[0])
    .bind(bbox[2])
    .bind(MAX_UNITS)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let address = super::query::address_of(r)?;
            Ok(Point {
                id: r.try_get("id")?,
                lat: r.try_get("lat")?,
                lon: r.try_get("lon")?,
                address,
                label: r.try_get("maatschappelijk_label")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_halve_with_each_zoom() {
        assert_eq!(super::cell_size(5), 360.0 / 32.0 / 4.0);
        assert!((super::cell_size(6) * 2.0 - super::cell_size(5)).abs() < 1e-12);
    }
}
