//! Area boundaries and the codes they give to units with a position but no CBS codes.

use crate::audit::{self, Actor, Change};
use crate::{Db, Result, StoreError};
use serde_json::json;
use sqlx::Row;
use volkshuis_domain::access::OrgScope;
use volkshuis_domain::boundaries::{Area, AreaIndex, AreaKind};
use volkshuis_domain::geo::{LatLon, Polygon};

/// Replaces the areas of each kind present in `areas` for `year`; returns how many were stored.
pub async fn replace(db: &Db, actor: &Actor, year: i64, areas: &[Area]) -> Result<usize> {
    let mut tx = db.begin().await?;
    for kind in [AreaKind::Gemeente, AreaKind::Wijk, AreaKind::Buurt] {
        if areas.iter().any(|a| a.kind == kind) {
            sqlx::query("DELETE FROM areas WHERE kind = $1 AND year = $2")
                .bind(kind.code())
                .bind(year)
                .execute(&mut *tx)
                .await?;
        }
    }
    for area in areas {
        let rings: Vec<&Vec<Vec<[f64; 2]>>> = area.polygons.iter().map(|p| &p.rings).collect();
        let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for b in area.polygons.iter().map(Polygon::bbox) {
            bbox = [bbox[0].min(b[0]), bbox[1].min(b[1]), bbox[2].max(b[2]), bbox[3].max(b[3])];
        }
        sqlx::query(
            "INSERT INTO areas (kind, code, year, name, min_lon, min_lat, max_lon, max_lat, geometry) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(area.kind.code())
        .bind(&area.code)
        .bind(year)
        .bind(&area.name)
        .bind(bbox[0])
        .bind(bbox[1])
        .bind(bbox[2])
        .bind(bbox[3])
        .bind(
            serde_json::to_string(&rings)
                .map_err(|e| StoreError::Corrupt { column: "areas.geometry", value: e.to_string() })?,
        )
        .execute(&mut *tx)
        .await?;
    }
    let change = Change {
        org_id: None,
        action: "import",
        entity: "areas",
        entity_id: year.to_string(),
        before: None,
        after: Some(json!({ "areas": areas.len() })),
        personal_data: false,
    };
    audit::record(&mut tx, actor, change).await?;
    tx.commit().await?;
    Ok(areas.len())
}

/// The areas of one kind in their latest year, with that year.
pub async fn load(db: &Db, kind: AreaKind) -> Result<(Vec<Area>, Option<i64>)> {
    let year: Option<i64> = sqlx::query_scalar("SELECT MAX(year) FROM areas WHERE kind = $1")
        .bind(kind.code())
        .fetch_one(db.pool())
        .await?;
    let Some(year) = year else { return Ok((Vec::new(), None)) };
    let rows = sqlx::query("SELECT code, name, geometry FROM areas WHERE kind = $1 AND year = $2 ORDER BY code")
        .bind(kind.code())
        .bind(year)
        .fetch_all(db.pool())
        .await?;
    let areas = rows
        .iter()
        .map(|r| {
            let geometry: String = r.try_get("geometry")?;
            let rings: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_str(&geometry)
                .map_err(|e| StoreError::Corrupt { column: "areas.geometry", value: e.to_string() })?;
            Ok(Area {
                kind,
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                year: i32::try_from(year).ok(),
                polygons: rings.into_iter().map(|rings| Polygon { rings }).collect(),
            })
        })
        .collect::<Result<_>>()?;
    Ok((areas, Some(year)))
}

/// How many units got a code of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filled {
    /// Gemeente codes set.
    pub gemeente: u64,
    /// Wijk codes set.
    pub wijk: u64,
    /// Buurt codes set.
    pub buurt: u64,
}

/// Gives units that have a position but lack a gemeente, wijk or buurt code the code of the area they lie in
/// (for one corporation, or for all with `None`). Runs in one transaction.
pub async fn fill_missing_codes(db: &Db, actor: &Actor, scope: Option<&OrgScope>) -> Result<Filled> {
    let mut filled = Filled::default();
    let mut tx = db.begin().await?;
    for kind in [AreaKind::Gemeente, AreaKind::Wijk, AreaKind::Buurt] {
        let (areas, Some(year)) = load(db, kind).await? else { continue };
        let index = AreaIndex::new(&areas);
        let column = format!("{}_code", kind.code());
        let rows = sqlx::query(&format!(
            "SELECT id, lat, lon FROM units WHERE {column} IS NULL AND lat IS NOT NULL AND lon IS NOT NULL \
             AND ($1 IS NULL OR corporation_id = $1)"
        ))
        .bind(scope.map(OrgScope::org_id))
        .fetch_all(&mut *tx)
        .await?;
        let update = format!("UPDATE units SET {column} = $1, cbs_year = COALESCE(cbs_year, $2) WHERE id = $3");
        let mut count = 0;
        for row in &rows {
            let point = LatLon { lat: row.try_get("lat")?, lon: row.try_get("lon")? };
            if let Some(code) = index.find(point) {
                sqlx::query(&update).bind(code).bind(year).bind(row.try_get::<i64, _>("id")?).execute(&mut *tx).await?;
                count += 1;
            }
        }
        match kind {
            AreaKind::Gemeente => filled.gemeente = count,
            AreaKind::Wijk => filled.wijk = count,
            AreaKind::Buurt => filled.buurt = count,
        }
    }
    let change = Change {
        org_id: scope.map(OrgScope::org_id),
        action: "fill_area_codes",
        entity: "units",
        entity_id: String::new(),
        before: None,
        after: Some(json!({ "gemeente": filled.gemeente, "wijk": filled.wijk, "buurt": filled.buurt })),
        personal_data: false,
    };
    audit::record(&mut tx, actor, change).await?;
    // The Participatiekaart counts units per gemeente, wijk and buurt: units that just got a code move cells.
    let corporations: Vec<i64> = if filled.gemeente + filled.wijk + filled.buurt == 0 {
        Vec::new()
    } else if let Some(scope) = scope {
        vec![scope.org_id()]
    } else {
        sqlx::query_scalar("SELECT corporation_id FROM stock_totals").fetch_all(&mut *tx).await?
    };
    for corporation in &corporations {
        crate::participatie::rebuild_cells_in(&mut tx, *corporation).await?;
    }
    tx.commit().await?;
    for corporation in corporations {
        crate::participatie::recompute(db, corporation).await?;
    }
    Ok(filled)
}
