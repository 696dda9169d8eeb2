//! Where sold homes and VvE's lie: per CBS buurt, the homes sold and not bought back and the health of the VvE's
//! there, for the Nazorg map. Counts only, naming nobody.
//!
//! A buurt's point is the mean coordinate of *all* the side's units in that buurt (sold or not): with one sale in a
//! buurt, the mean of the sold units alone would be that home's own coordinate, and the map would point at the
//! buyer's door. A VvE lies in the buurt of its complex's units (the lowest buurt code when a complex spans two, as
//! the figures count it). The corporation sees its own sales and VvE's; a municipality the sales of homes in its
//! gemeenten and the VvE's whose complex lies there, of every corporation, as counts and a worst health.

use super::figures::Side;
use super::vves::{self, VveInput};
use crate::sql;
use crate::{Db, Result};
use std::collections::BTreeMap;
use time::Date;
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::nazorg::vve::{findings, health, Health};

/// One buurt on the map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Buurt {
    /// The CBS buurt code; empty for sales and VvE's whose units have none.
    pub code: String,
    /// Its name from the latest imported boundaries, if any.
    pub name: Option<String>,
    /// Where it is drawn: (lat, lon), the mean of the side's units in the buurt; `None` without coordinates.
    pub point: Option<(f64, f64)>,
    /// Homes sold and not bought back.
    pub sold: i64,
    /// VvE's in the buurt, by health: green, amber, red.
    pub vves: [i64; 3],
    /// The corporation's own VvE's there (id, name, health); empty on a municipality's map.
    pub own_vves: Vec<(i64, String, Health)>,
}

impl Buurt {
    /// The worst health of its VvE's; `None` when it has none.
    pub fn worst(&self) -> Option<Health> {
        [Health::Red, Health::Amber, Health::Green].into_iter().find(|h| self.vves[index(*h)] > 0)
    }

    /// How many VvE's it has.
    pub fn vve_count(&self) -> i64 {
        self.vves.iter().sum()
    }
}

fn index(health: Health) -> usize {
    match health {
        Health::Green => 0,
        Health::Amber => 1,
        Health::Red => 2,
    }
}

/// Which units a side looks at, for a unit row `u`.
fn units_of(side: Side) -> &'static str {
    match side {
        Side::Corporation => "u.corporation_id = $1",
        Side::Municipality => "u.gemeente_code IN (SELECT gemeente_code FROM org_gemeenten WHERE org_id = $1)",
    }
}

/// The buurt of a VvE row `v`: that of its complex's units (the lowest code).
const VVE_BUURT: &str = "(SELECT MIN(u.buurt_code) FROM units u WHERE u.cluster_id = v.cluster_id \
     AND u.corporation_id = v.corporation_id)";

/// Which VvE's a side sees, for a VvE row `v`.
fn vves_of(side: Side) -> &'static str {
    match side {
        Side::Corporation => "v.corporation_id = $1",
        Side::Municipality => {
            "(SELECT MIN(u.gemeente_code) FROM units u WHERE u.cluster_id = v.cluster_id \
             AND u.corporation_id = v.corporation_id) IN (SELECT gemeente_code FROM org_gemeenten WHERE org_id = $1)"
        }
    }
}

/// The buurten with sold homes or VvE's the organisation of `scope` sees on `side`, by code (the unknown buurt
/// first, when there is one); each VvE's health judged on `today`.
pub async fn buurten(db: &Db, scope: &ReadScope, side: Side, today: Date) -> Result<Vec<Buurt>> {
    let org = scope.org_id();
    let mut places: BTreeMap<String, Buurt> = BTreeMap::new();
    let sold = sql::query(&format!(
        "SELECT COALESCE(u.buurt_code, '') AS b, COUNT(*) AS n FROM nz_sales s JOIN units u ON u.id = s.unit_id \
         WHERE {} AND s.bought_back_on IS NULL AND {} GROUP BY COALESCE(u.buurt_code, '')",
        sale_side(side),
        units_of(side)
    ))
    .bind(org)
    .fetch_all(db)
    .await?;
    for row in &sold {
        places.entry(row.try_get("b")?).or_default().sold = row.try_get("n")?;
    }
    for (key, id, name, input) in vves_with_buurt(db, scope, side).await? {
        let place = places.entry(key).or_default();
        let judged = health(&findings(&input.facts(), today));
        place.vves[index(judged)] += 1;
        if side == Side::Corporation {
            place.own_vves.push((id, name, judged));
        }
    }
    // The points and names of exactly the buurten above: one statement each, the same subquery as their source.
    let wanted = format!(
        "SELECT u.buurt_code FROM nz_sales s JOIN units u ON u.id = s.unit_id WHERE {sale} AND s.bought_back_on IS NULL \
         AND {units} UNION SELECT {VVE_BUURT} FROM nz_vves v WHERE {vves}",
        sale = sale_side(side),
        units = units_of(side),
        vves = vves_of(side)
    );
    let points = sql::query(&format!(
        "SELECT u.buurt_code AS b, AVG(u.lat) AS lat, AVG(u.lon) AS lon FROM units u WHERE {} \
         AND u.lat IS NOT NULL AND u.lon IS NOT NULL AND u.buurt_code IN ({wanted}) GROUP BY u.buurt_code",
        units_of(side)
    ))
    .bind(org)
    .fetch_all(db)
    .await?;
    for row in &points {
        if let Some(place) = places.get_mut(&row.try_get::<String, _>("b")?) {
            let (lat, lon): (Option<f64>, Option<f64>) = (row.try_get("lat")?, row.try_get("lon")?);
            place.point = lat.zip(lon);
        }
    }
    let names = sql::query(&format!(
        "SELECT a.code, a.name FROM areas a WHERE a.kind = 'buurt' AND a.code IN ({wanted}) ORDER BY a.year"
    ))
    .bind(org)
    .fetch_all(db)
    .await?;
    for row in &names {
        // Ordered by year, so the latest boundary's name is the one that stays.
        if let Some(place) = places.get_mut(&row.try_get::<String, _>("code")?) {
            place.name = row.try_get("name")?;
        }
    }
    Ok(places
        .into_iter()
        .map(|(code, mut place)| {
            place.code = code;
            place
        })
        .collect())
}

/// Which sales a side sees, for a sale row `s` (a municipality's by the unit's gemeente, in [`units_of`]).
fn sale_side(side: Side) -> &'static str {
    match side {
        Side::Corporation => "s.corporation_id = $1",
        Side::Municipality => "1 = 1",
    }
}

/// The side's VvE's with their buurt (empty when unknown): (buurt, id, name, facts).
async fn vves_with_buurt(db: &Db, scope: &ReadScope, side: Side) -> Result<Vec<(String, i64, String, VveInput)>> {
    let rows = sql::query(&format!(
        "SELECT v.id, COALESCE({VVE_BUURT}, '') AS b FROM nz_vves v WHERE {} ORDER BY v.name, v.id",
        vves_of(side)
    ))
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    if side == Side::Corporation {
        // The corporation's own register, read once through its scope.
        let mut own: BTreeMap<i64, vves::Vve> = vves::vves(db, scope).await?.into_iter().map(|v| (v.id, v)).collect();
        for row in &rows {
            if let Some(vve) = own.remove(&row.try_get::<i64, _>("id")?) {
                out.push((row.try_get("b")?, vve.id, vve.input.name.clone(), vve.input));
            }
        }
    } else {
        // VvE's of several corporations, read together by id.
        let ids = rows.iter().map(|row| row.try_get::<i64, _>("id")).collect::<std::result::Result<Vec<_>, _>>()?;
        let mut found = vves::vves_by_ids(db, &ids).await?;
        for row in &rows {
            if let Some(vve) = found.remove(&row.try_get::<i64, _>("id")?) {
                out.push((row.try_get("b")?, vve.id, vve.input.name.clone(), vve.input));
            }
        }
    }
    Ok(out)
}

/// The id of the corporation's complex with `code`; `None` when it has none by that code. The VvE forms name a
/// complex by its code; the store's `save_vve` checks the id again.
pub async fn own_complex(db: &Db, scope: &ReadScope, code: &str) -> Result<Option<i64>> {
    Ok(sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
        .bind(scope.org_id())
        .bind(code)
        .fetch_optional(db)
        .await?)
}
