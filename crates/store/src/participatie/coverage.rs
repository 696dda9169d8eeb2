//! Coverage per unit, recomputed per corporation with three set-based statements (no loop over units): every unit
//! starts at the best group for the whole stock, then complexes and buurten raise it where a better group speaks.

use crate::{Db, Result};
use sqlx::Row;
use volkshuis_domain::participatie::coverage::Counts;

/// Recomputes the coverage of every unit in use of a corporation; returns the counts.
pub async fn recompute(db: &Db, corporation_id: i64) -> Result<Counts> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM part_unit_coverage WHERE corporation_id = $1")
        .bind(corporation_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO part_unit_coverage (unit_id, corporation_id, level) \
         SELECT u.id, u.corporation_id, (SELECT COALESCE(MAX(level), 0) FROM part_groups \
           WHERE corporation_id = $1 AND area_kind = 'all' AND ended_on IS NULL) \
         FROM units u WHERE u.corporation_id = $1 AND u.in_use = 1",
    )
    .bind(corporation_id)
    .execute(&mut *tx)
    .await?;
    for (area_kind, unit_join) in [
        (
            "complexes",
            "JOIN clusters cl ON cl.corporation_id = g.corporation_id AND cl.code = a.code \
                       JOIN units u ON u.corporation_id = cl.corporation_id AND u.cluster_id = cl.id",
        ),
        ("buurten", "JOIN units u ON u.corporation_id = g.corporation_id AND u.buurt_code = a.code"),
    ] {
        sqlx::query(&format!(
            "UPDATE part_unit_coverage SET level = m.level FROM (\
               SELECT u.id AS unit_id, MAX(g.level) AS level FROM part_groups g \
               JOIN part_group_areas a ON a.group_id = g.id {unit_join} \
               WHERE g.corporation_id = $1 AND g.area_kind = $2 AND g.ended_on IS NULL AND g.level > 0 GROUP BY u.id\
             ) m WHERE part_unit_coverage.unit_id = m.unit_id AND m.level > part_unit_coverage.level"
        ))
        .bind(corporation_id)
        .bind(area_kind)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    coverage_totals(db, corporation_id).await
}

/// The counts of a corporation's units per coverage.
pub async fn coverage_totals(db: &Db, corporation_id: i64) -> Result<Counts> {
    let rows =
        sqlx::query("SELECT level, COUNT(*) AS n FROM part_unit_coverage WHERE corporation_id = $1 GROUP BY level")
            .bind(corporation_id)
            .fetch_all(db.pool())
            .await?;
    let mut counts = Counts::default();
    for row in rows {
        let n: i64 = row.try_get("n")?;
        match row.try_get::<i64, _>("level")? {
            2 => counts.formal += n,
            1 => counts.informal += n,
            _ => counts.none += n,
        }
    }
    Ok(counts)
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
pub async fn coverage_by(db: &Db, corporation_id: i64, level: AreaLevel, limit: i64) -> Result<Vec<AreaRow>> {
    let (key, join, name) = match level {
        AreaLevel::Gemeente => ("u.gemeente_code", "", "NULL"),
        AreaLevel::Wijk => ("u.wijk_code", "", "NULL"),
        AreaLevel::Buurt => ("u.buurt_code", "", "NULL"),
        AreaLevel::Complex => ("cl.code", "LEFT JOIN clusters cl ON cl.id = u.cluster_id", "MAX(cl.naam)"),
    };
    let rows = sqlx::query(&format!(
        "SELECT COALESCE({key}, '') AS k, {name} AS name, \
         SUM(CASE WHEN c.level = 2 THEN 1 ELSE 0 END) AS formal, \
         SUM(CASE WHEN c.level = 1 THEN 1 ELSE 0 END) AS informal, \
         SUM(CASE WHEN c.level = 0 THEN 1 ELSE 0 END) AS none \
         FROM part_unit_coverage c JOIN units u ON u.id = c.unit_id {join} \
         WHERE c.corporation_id = $1 GROUP BY COALESCE({key}, '') ORDER BY 5 DESC, 1 LIMIT $2"
    ))
    .bind(corporation_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let count = |c: &str| -> Result<i64> { Ok(r.try_get::<Option<i64>, _>(c)?.unwrap_or(0)) };
            Ok(AreaRow {
                code: r.try_get("k")?,
                name: r.try_get("name")?,
                counts: Counts { formal: count("formal")?, informal: count("informal")?, none: count("none")? },
            })
        })
        .collect()
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

/// The complexes of a corporation with a position, for the coverage map.
pub async fn coverage_points(db: &Db, corporation_id: i64) -> Result<Vec<CoveragePoint>> {
    let rows = sqlx::query(
        "SELECT cl.code AS code, MAX(cl.naam) AS name, AVG(u.lat) AS lat, AVG(u.lon) AS lon, \
         SUM(CASE WHEN c.level = 2 THEN 1 ELSE 0 END) AS formal, \
         SUM(CASE WHEN c.level = 1 THEN 1 ELSE 0 END) AS informal, \
         SUM(CASE WHEN c.level = 0 THEN 1 ELSE 0 END) AS none \
         FROM part_unit_coverage c JOIN units u ON u.id = c.unit_id JOIN clusters cl ON cl.id = u.cluster_id \
         WHERE c.corporation_id = $1 AND u.lat IS NOT NULL AND u.lon IS NOT NULL GROUP BY cl.code",
    )
    .bind(corporation_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let count = |c: &str| -> Result<i64> { Ok(r.try_get::<Option<i64>, _>(c)?.unwrap_or(0)) };
            Ok(CoveragePoint {
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                lat: r.try_get("lat")?,
                lon: r.try_get("lon")?,
                counts: Counts { formal: count("formal")?, informal: count("informal")?, none: count("none")? },
            })
        })
        .collect()
}
