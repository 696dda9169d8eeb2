//! Coverage, kept per *cell*: the units of a corporation grouped by complex and area. Cells are rebuilt from the
//! stock ([`rebuild_cells`], after an import); a group change only recomputes the cells' levels ([`recompute`]): every
//! cell starts at the best group for the whole stock, then complexes and buurten raise it where a better group
//! speaks. All figures, lists and the map read the cells, never the units.
//!
//! The writes take a [`WriteScope`]; the reads take the [`Figures`] that [`super::open_figures`] opened for a scope.
//! The stock import and the area codes keep the cells inside their own transactions through the crate-private
//! `*_in` helpers, which take the corporation's id.

use super::figures::{ensure_works_in, Figures};
use crate::sql::{self, Conn};
use crate::{Db, Result};
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::participatie::coverage::Counts;

/// Rebuilds the cells of the corporation of `scope` from its units in use (after an import), then their levels;
/// returns the counts.
pub async fn rebuild_cells(db: &Db, scope: &WriteScope) -> Result<Counts> {
    rebuild_cells_for(db, scope.org_id()).await
}

async fn rebuild_cells_for(db: &Db, corporation_id: i64) -> Result<Counts> {
    let mut tx = db.begin().await?;
    rebuild_cells_in(tx.conn(), corporation_id).await?;
    tx.commit().await?;
    recompute_in(db, corporation_id).await
}

/// Regroups the corporation's units in use into cells (all at level 0; [`recompute`] sets the levels), inside the
/// caller's transaction: the stock import does it in its own, so cells and units change together.
pub(crate) async fn rebuild_cells_in(mut conn: Conn<'_>, corporation_id: i64) -> Result<()> {
    sql::query("DELETE FROM part_cells WHERE corporation_id = $1").bind(corporation_id).execute(&mut conn).await?;
    // Grouped by complex id first and joined to the complexes afterwards: a join per group instead of per unit.
    sql::query(
        "INSERT INTO part_cells (corporation_id, cluster_code, cluster_name, buurt_code, wijk_code, gemeente_code, \
         units, lat, lon, level) \
         SELECT $1, COALESCE(cl.code, ''), cl.naam, g.buurt, g.wijk, g.gemeente, g.units, g.lat, g.lon, 0 \
         FROM (SELECT cluster_id, COALESCE(buurt_code, '') AS buurt, COALESCE(wijk_code, '') AS wijk, \
                      COALESCE(gemeente_code, '') AS gemeente, COUNT(*) AS units, AVG(lat) AS lat, AVG(lon) AS lon \
               FROM units WHERE corporation_id = $1 AND in_use = 1 \
               GROUP BY cluster_id, COALESCE(buurt_code, ''), COALESCE(wijk_code, ''), COALESCE(gemeente_code, '')) g \
         LEFT JOIN clusters cl ON cl.id = g.cluster_id",
    )
    .bind(corporation_id)
    .execute(&mut conn)
    .await?;
    Ok(())
}

/// Recomputes the levels of a corporation's cells from its groups (building the cells first if there are none);
/// returns the counts. The organisation of `scope` must work in the corporation's stock (the corporation, or a
/// tenant organisation that consults it or keeps a group there); anyone else gets `NotFound`.
pub async fn recompute(db: &Db, scope: &WriteScope, corporation_id: i64) -> Result<Counts> {
    ensure_works_in(db, scope.org_id(), corporation_id).await?;
    recompute_in(db, corporation_id).await
}

/// [`recompute`] for the store itself (after an import or new area codes), which has checked its own scope.
pub(crate) async fn recompute_in(db: &Db, corporation_id: i64) -> Result<Counts> {
    let cells: i64 = sql::query_scalar("SELECT COUNT(*) FROM part_cells WHERE corporation_id = $1")
        .bind(corporation_id)
        .fetch_one(db)
        .await?;
    if cells == 0 {
        let units: i64 = sql::query_scalar("SELECT COUNT(*) FROM units WHERE corporation_id = $1 AND in_use = 1")
            .bind(corporation_id)
            .fetch_one(db)
            .await?;
        if units > 0 {
            return Box::pin(rebuild_cells_for(db, corporation_id)).await;
        }
    }
    let mut tx = db.begin().await?;
    set_levels_in(tx.conn(), corporation_id).await?;
    tx.commit().await?;
    totals(db, corporation_id).await
}

/// Sets the level of each of the corporation's cells from its groups, inside the caller's transaction: after
/// [`rebuild_cells_in`] (whose cells start at level 0) a sale or buy-back keeps its coverage in the same step.
pub(crate) async fn set_levels_in(mut conn: Conn<'_>, corporation_id: i64) -> Result<()> {
    sql::query(
        "UPDATE part_cells SET level = (SELECT COALESCE(MAX(level), 0) FROM part_groups \
           WHERE corporation_id = $1 AND area_kind = 'all' AND ended_on IS NULL) WHERE corporation_id = $1",
    )
    .bind(corporation_id)
    .execute(&mut conn)
    .await?;
    for (area_kind, cell_column) in [("complexes", "cluster_code"), ("buurten", "buurt_code")] {
        sql::query(&format!(
            "UPDATE part_cells SET level = m.level FROM (\
               SELECT a.code, MAX(g.level) AS level FROM part_groups g JOIN part_group_areas a ON a.group_id = g.id \
               WHERE g.corporation_id = $1 AND g.area_kind = $2 AND g.ended_on IS NULL AND g.level > 0 GROUP BY a.code\
             ) m WHERE part_cells.corporation_id = $1 AND part_cells.{cell_column} = m.code \
             AND m.level > part_cells.level"
        ))
        .bind(corporation_id)
        .bind(area_kind)
        .execute(&mut conn)
        .await?;
    }
    Ok(())
}

const COUNTS: &str = "CAST(SUM(CASE WHEN level = 2 THEN units ELSE 0 END) AS BIGINT) AS formal, \
     CAST(SUM(CASE WHEN level = 1 THEN units ELSE 0 END) AS BIGINT) AS informal, \
     CAST(SUM(CASE WHEN level = 0 THEN units ELSE 0 END) AS BIGINT) AS none";

fn counts(row: &sql::Row) -> Result<Counts> {
    let count = |c: &str| -> Result<i64> { Ok(row.try_get::<Option<i64>, _>(c)?.unwrap_or(0)) };
    Ok(Counts { formal: count("formal")?, informal: count("informal")?, none: count("none")? })
}

/// The counts of a corporation's units per coverage (inside a municipality's gemeenten, for one).
pub async fn coverage_totals(db: &Db, figures: &Figures) -> Result<Counts> {
    let row = sql::query(&format!("SELECT {COUNTS} FROM part_cells WHERE corporation_id = $1{}", figures.bound("")))
        .bind(figures.corporation_id())
        .fetch_one(db)
        .await?;
    counts(&row)
}

async fn totals(db: &Db, corporation_id: i64) -> Result<Counts> {
    let row = sql::query(&format!("SELECT {COUNTS} FROM part_cells WHERE corporation_id = $1"))
        .bind(corporation_id)
        .fetch_one(db)
        .await?;
    counts(&row)
}

/// The level of area the figures are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaLevel {
    /// Per gemeente.
    Gemeente,
    /// Per wijk.
    Wijk,
    /// Per buurt.
    Buurt,
    /// Per complex.
    Complex,
}

impl AreaLevel {
    /// Parses `gemeente`, `wijk`, `buurt`, `complex`.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "gemeente" => Some(AreaLevel::Gemeente),
            "wijk" => Some(AreaLevel::Wijk),
            "buurt" => Some(AreaLevel::Buurt),
            "complex" => Some(AreaLevel::Complex),
            _ => None,
        }
    }

    /// The code.
    pub fn code(self) -> &'static str {
        match self {
            AreaLevel::Gemeente => "gemeente",
            AreaLevel::Wijk => "wijk",
            AreaLevel::Buurt => "buurt",
            AreaLevel::Complex => "complex",
        }
    }

    fn column(self) -> &'static str {
        match self {
            AreaLevel::Gemeente => "gemeente_code",
            AreaLevel::Wijk => "wijk_code",
            AreaLevel::Buurt => "buurt_code",
            AreaLevel::Complex => "cluster_code",
        }
    }
}

/// An area's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaRow {
    /// The area's code (gemeente, wijk, buurt or complex code); empty when units have none.
    pub code: String,
    /// A name where there is one (complexes).
    pub name: Option<String>,
    /// The counts.
    pub counts: Counts,
}

/// The figures per area of a corporation, the most tenants without a voice first.
pub async fn coverage_by(db: &Db, figures: &Figures, level: AreaLevel, limit: i64) -> Result<Vec<AreaRow>> {
    let corporation_id = figures.corporation_id();
    let key = level.column();
    let name = if level == AreaLevel::Complex { "MAX(cluster_name)" } else { "NULL" };
    let bound = figures.bound("");
    let rows = sql::query(&format!(
        "SELECT {key} AS k, {name} AS name, {COUNTS} FROM part_cells WHERE corporation_id = $1{bound} \
         GROUP BY {key} ORDER BY 5 DESC, 1 LIMIT $2"
    ))
    .bind(corporation_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok(AreaRow { code: r.try_get("k")?, name: r.try_get("name")?, counts: counts(r)? })).collect()
}

/// A complex on the coverage map: where its units are on average, and their counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CoveragePoint {
    /// Complex code.
    pub code: String,
    /// Complex name.
    pub name: Option<String>,
    /// Mean latitude of its units with a position.
    pub lat: f64,
    /// Mean longitude.
    pub lon: f64,
    /// The counts.
    pub counts: Counts,
}

/// The map's view: `[west, south, east, north]` in degrees.
pub type Bbox = [f64; 4];

/// The complexes of a corporation with a position inside `bbox`, for the coverage map at street level.
pub async fn coverage_points(db: &Db, figures: &Figures, bbox: Bbox) -> Result<Vec<CoveragePoint>> {
    let corporation_id = figures.corporation_id();
    let bound = figures.bound("");
    let rows = sql::query(&format!(
        "SELECT cluster_code AS code, MAX(cluster_name) AS name, SUM(lat * units) / SUM(units) AS lat, \
         SUM(lon * units) / SUM(units) AS lon, {COUNTS} FROM part_cells \
         WHERE corporation_id = $1{bound} AND cluster_code <> '' AND lat IS NOT NULL AND lon IS NOT NULL \
         AND lon >= $2 AND lat >= $3 AND lon <= $4 AND lat <= $5 GROUP BY cluster_code"
    ))
    .bind(corporation_id)
    .bind(bbox[0])
    .bind(bbox[1])
    .bind(bbox[2])
    .bind(bbox[3])
    .fetch_all(db)
    .await?;
    points(&rows)
}

/// The coverage of a corporation's cells inside `bbox` gathered on a grid of `size` degrees, for the coverage map
/// below street level: one point per grid square, at the mean position of its units. The code is the number of
/// complexes in the square.
pub async fn coverage_grid(db: &Db, figures: &Figures, size: f64, bbox: Bbox) -> Result<Vec<CoveragePoint>> {
    let corporation_id = figures.corporation_id();
    let bound = figures.bound("");
    let rows = sql::query(&format!(
        "SELECT CAST(COUNT(DISTINCT cluster_code) AS TEXT) AS code, NULL AS name, SUM(lat * units) / SUM(units) AS lat, \
         SUM(lon * units) / SUM(units) AS lon, {COUNTS} FROM part_cells \
         WHERE corporation_id = $1{bound} AND lat IS NOT NULL AND lon IS NOT NULL \
         AND lon >= $3 AND lat >= $4 AND lon <= $5 AND lat <= $6 \
         GROUP BY CAST(lon / $2 AS BIGINT), CAST(lat / $2 AS BIGINT)"
    ))
    .bind(corporation_id)
    .bind(size)
    .bind(bbox[0])
    .bind(bbox[1])
    .bind(bbox[2])
    .bind(bbox[3])
    .fetch_all(db)
    .await?;
    points(&rows)
}

fn points(rows: &[sql::Row]) -> Result<Vec<CoveragePoint>> {
    rows.iter()
        .map(|r| {
            Ok(CoveragePoint {
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                lat: r.try_get("lat")?,
                lon: r.try_get("lon")?,
                counts: counts(r)?,
            })
        })
        .collect()
}

/// The cells' levels counting only groups of one kind, as a subquery with the columns of `part_cells` (computed on
/// the fly: a filtered view is asked less often than the kept levels), bounded as `figures` are.
fn cells_for_kind(figures: &Figures) -> String {
    let bound = figures.bound("c.");
    format!(
        "(SELECT c.cluster_code, c.cluster_name, c.buurt_code, c.wijk_code, c.gemeente_code, c.units, c.lat, c.lon, \
       CASE WHEN COALESCE(cx.level, 0) >= COALESCE(bx.level, 0) AND COALESCE(cx.level, 0) >= whole.level \
            THEN COALESCE(cx.level, 0) \
            WHEN COALESCE(bx.level, 0) >= whole.level THEN COALESCE(bx.level, 0) ELSE whole.level END AS level \
     FROM part_cells c \
     CROSS JOIN (SELECT COALESCE(MAX(level), 0) AS level FROM part_groups \
                 WHERE corporation_id = $1 AND area_kind = 'all' AND ended_on IS NULL AND kind = $2) whole \
     LEFT JOIN (SELECT a.code, MAX(g.level) AS level FROM part_groups g JOIN part_group_areas a ON a.group_id = g.id \
                WHERE g.corporation_id = $1 AND g.area_kind = 'complexes' AND g.ended_on IS NULL AND g.kind = $2 \
                GROUP BY a.code) cx ON cx.code = c.cluster_code \
     LEFT JOIN (SELECT a.code, MAX(g.level) AS level FROM part_groups g JOIN part_group_areas a ON a.group_id = g.id \
                WHERE g.corporation_id = $1 AND g.area_kind = 'buurten' AND g.ended_on IS NULL AND g.kind = $2 \
                GROUP BY a.code) bx ON bx.code = c.buurt_code \
     WHERE c.corporation_id = $1{bound}) k"
    )
}

/// As [`coverage_totals`] and [`coverage_by`], counting only groups of one kind (by its code).
pub async fn coverage_for_kind(
    db: &Db,
    figures: &Figures,
    kind: &str,
    level: AreaLevel,
    limit: i64,
) -> Result<(Counts, Vec<AreaRow>)> {
    let corporation_id = figures.corporation_id();
    let totals = sql::query(&format!("SELECT {COUNTS} FROM {}", cells_for_kind(figures)))
        .bind(corporation_id)
        .bind(kind)
        .fetch_one(db)
        .await?;
    let key = level.column();
    let name = if level == AreaLevel::Complex { "MAX(cluster_name)" } else { "NULL" };
    let rows = sql::query(&format!(
        "SELECT {key} AS k, {name} AS name, {COUNTS} FROM {} GROUP BY {key} ORDER BY 5 DESC, 1 LIMIT $3",
        cells_for_kind(figures)
    ))
    .bind(corporation_id)
    .bind(kind)
    .bind(limit)
    .fetch_all(db)
    .await?;
    let areas = rows
        .iter()
        .map(|r| Ok(AreaRow { code: r.try_get("k")?, name: r.try_get("name")?, counts: counts(r)? }))
        .collect::<Result<_>>()?;
    Ok((counts(&totals)?, areas))
}
