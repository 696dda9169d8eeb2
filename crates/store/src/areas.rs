//! Area boundaries and the codes they give to units with a position but no CBS codes.

use crate::audit::{self, Actor, Change};
use crate::sql::{self, Conn};
use crate::{Backend, Db, Result, StoreError};
use futures_util::TryStreamExt;
use serde_json::json;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::boundaries::{Area, AreaIndex, AreaKind};
use volkshuis_domain::geo::{LatLon, Polygon};

/// Units given a code per statement: one statement per unit made a national file without codes take minutes.
const CODES_PER_UPDATE: usize = 500;

/// Sets `column` (and the CBS year where missing) of each unit in `batch` to its code, in one statement.
async fn set_codes(tx: &mut Conn<'_>, backend: Backend, column: &str, year: i64, batch: &[(i64, &str)]) -> Result<()> {
    // `VALUES` names its columns column1, column2 in both engines; the casts type PostgreSQL's parameters.
    let rows: Vec<String> = (0..batch.len())
        .map(|i| {
            let (id, code) = (backend.placeholder(2 * i + 2), backend.placeholder(2 * i + 3));
            format!("(CAST({id} AS BIGINT), CAST({code} AS TEXT))")
        })
        .collect();
    let sql = format!(
        "UPDATE units SET {column} = v.column2, cbs_year = COALESCE(cbs_year, {}) \
         FROM (VALUES {}) AS v WHERE units.id = v.column1",
        backend.placeholder(1),
        rows.join(", ")
    );
    let mut query = sql::query(&sql).bind(year);
    for (id, code) in batch {
        query = query.bind(*id).bind(*code);
    }
    query.execute(&mut *tx).await?;
    Ok(())
}

/// Replaces the areas of each kind present in `areas` for `year`; returns how many were stored.
pub async fn replace(db: &Db, actor: &Actor, year: i64, areas: &[Area]) -> Result<usize> {
    let mut tx = db.begin().await?;
    for kind in [AreaKind::Gemeente, AreaKind::Wijk, AreaKind::Buurt] {
        if areas.iter().any(|a| a.kind == kind) {
            sql::query("DELETE FROM areas WHERE kind = $1 AND year = $2")
                .bind(kind.code())
                .bind(year)
                .execute(&mut tx)
                .await?;
        }
    }
    for area in areas {
        let rings: Vec<&Vec<Vec<[f64; 2]>>> = area.polygons.iter().map(|p| &p.rings).collect();
        let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for b in area.polygons.iter().map(Polygon::bbox) {
            bbox = [bbox[0].min(b[0]), bbox[1].min(b[1]), bbox[2].max(b[2]), bbox[3].max(b[3])];
        }
        sql::query(
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
        .execute(&mut tx)
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
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(areas.len())
}

/// The areas of one kind in their latest year, with that year.
pub async fn load(db: &Db, kind: AreaKind) -> Result<(Vec<Area>, Option<i64>)> {
    let mut pooled = db.acquire().await?;
    load_on(&mut pooled.conn(), kind).await
}

/// [`load`] on `conn`: a stock import reads the areas on its own connection, in its transaction, so that it never
/// waits for a second connection of a pool that the pages it holds up may have taken.
async fn load_on(conn: &mut Conn<'_>, kind: AreaKind) -> Result<(Vec<Area>, Option<i64>)> {
    let year: Option<i64> = sql::query_scalar("SELECT MAX(year) FROM areas WHERE kind = $1")
        .bind(kind.code())
        .fetch_one(&mut *conn)
        .await?;
    let Some(year) = year else { return Ok((Vec::new(), None)) };
    let rows = sql::query("SELECT code, name, geometry FROM areas WHERE kind = $1 AND year = $2 ORDER BY code")
        .bind(kind.code())
        .bind(year)
        .fetch_all(&mut *conn)
        .await?;
    let areas = rows.iter().map(|r| area_of(r, kind, year)).collect::<Result<_>>()?;
    Ok((areas, Some(year)))
}

/// An area from its row (`code`, `name`, `geometry`).
fn area_of(row: &sql::Row, kind: AreaKind, year: i64) -> Result<Area> {
    let geometry: String = row.try_get("geometry")?;
    let rings: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_str(&geometry)
        .map_err(|e| StoreError::Corrupt { column: "areas.geometry", value: e.to_string() })?;
    Ok(Area {
        kind,
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        year: i32::try_from(year).ok(),
        polygons: rings.into_iter().map(|rings| Polygon { rings }).collect(),
    })
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

impl Filled {
    /// Whether any unit got a code.
    pub fn any(&self) -> bool {
        self.gemeente + self.wijk + self.buurt > 0
    }
}

/// Gives units that have a position but lack a gemeente, wijk or buurt code the code of the area they lie in
/// (for one corporation, or for all with `None`). Runs in one transaction. A stock import does the same in its own
/// transaction ([`fill_codes_on`]); this is for areas loaded after the stock.
pub async fn fill_missing_codes(db: &Db, actor: &Actor, scope: Option<&WriteScope>) -> Result<Filled> {
    let mut tx = db.begin().await?;
    let filled = fill_codes_on(&mut tx.conn(), scope.map(|s| s.org_id())).await?;
    audit::record(tx.conn(), actor, filled_change(scope.map(|s| s.org_id()), filled)).await?;
    // The Participatiekaart counts units per gemeente, wijk and buurt: units that just got a code move cells.
    let corporations: Vec<i64> = if !filled.any() {
        Vec::new()
    } else if let Some(scope) = scope {
        vec![scope.org_id()]
    } else {
        sql::query_scalar("SELECT corporation_id FROM stock_totals").fetch_all(&mut tx).await?
    };
    for corporation in &corporations {
        crate::participatie::rebuild_cells_in(tx.conn(), *corporation).await?;
        crate::stock::raise_version(tx.conn(), *corporation).await?;
    }
    tx.commit().await?;
    db.stock_changed();
    for corporation in corporations {
        crate::participatie::recompute_in(db, corporation).await?;
    }
    Ok(filled)
}

/// The trail's entry of a filling of codes.
pub(crate) fn filled_change(org_id: Option<i64>, filled: Filled) -> Change<'static> {
    Change {
        org_id,
        action: "fill_area_codes",
        entity: "units",
        entity_id: String::new(),
        before: None,
        after: Some(json!({ "gemeente": filled.gemeente, "wijk": filled.wijk, "buurt": filled.buurt })),
        personal_data: false,
    }
}

/// Fills missing area codes from positions on `conn`, in its transaction, for the units of `corporation` (all with
/// `None`). Leaves the cells built from the codes to the caller.
pub(crate) async fn fill_codes_on(conn: &mut Conn<'_>, corporation: Option<i64>) -> Result<Filled> {
    let mut filled = Filled::default();
    let backend = conn.backend();
    for kind in [AreaKind::Gemeente, AreaKind::Wijk, AreaKind::Buurt] {
        let (areas, Some(year)) = load_on(conn, kind).await? else { continue };
        let index = AreaIndex::new(&areas);
        let column = format!("{}_code", kind.code());
        // Streamed into plain positions (24 bytes a unit), not held as database rows: a national file without codes
        // would otherwise take gigabytes.
        let select = format!(
            "SELECT id, lat, lon FROM units WHERE {column} IS NULL AND lat IS NOT NULL AND lon IS NOT NULL \
             AND ($1 IS NULL OR corporation_id = $1)"
        );
        let mut positions: Vec<(i64, LatLon)> = Vec::new();
        let mut rows = sql::query(&select).bind(corporation).fetch(&mut *conn);
        while let Some(row) = rows.try_next().await? {
            positions.push((row.try_get("id")?, LatLon { lat: row.try_get("lat")?, lon: row.try_get("lon")? }));
        }
        drop(rows);
        let found: Vec<(i64, &str)> =
            positions.iter().filter_map(|(id, point)| index.find(*point).map(|code| (*id, code))).collect();
        for batch in found.chunks(CODES_PER_UPDATE) {
            set_codes(conn, backend, &column, year, batch).await?;
        }
        let count = found.len() as u64;
        match kind {
            AreaKind::Gemeente => filled.gemeente = count,
            AreaKind::Wijk => filled.wijk = count,
            AreaKind::Buurt => filled.buurt = count,
        }
    }
    Ok(filled)
}

/// The areas of one kind, in their latest year, whose bounding box meets `view` (`[west, south, east, north]`): what
/// a map needs to outline the areas in view, without reading the other areas' geometry.
pub async fn in_view(db: &Db, kind: AreaKind, view: [f64; 4]) -> Result<Vec<Area>> {
    let year: Option<i64> =
        sql::query_scalar("SELECT MAX(year) FROM areas WHERE kind = $1").bind(kind.code()).fetch_one(db).await?;
    let Some(year) = year else { return Ok(Vec::new()) };
    let rows = sql::query(
        "SELECT code, name, geometry FROM areas WHERE kind = $1 AND year = $2 \
         AND max_lon >= $3 AND min_lon <= $4 AND max_lat >= $5 AND min_lat <= $6 ORDER BY code",
    )
    .bind(kind.code())
    .bind(year)
    .bind(view[0])
    .bind(view[2])
    .bind(view[1])
    .bind(view[3])
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| area_of(r, kind, year)).collect()
}
