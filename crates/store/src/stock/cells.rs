//! The cells of the map (finest level) and of the Participatiekaart, summed from the units while an import reads
//! them.
//!
//! Grouping the stored units again after the import means reading and sorting the whole table twice: 9 s for the
//! national stock on SQLite, 7 s on PostgreSQL. Summed on the way in, they cost a hash lookup per row. The sums are
//! the stock's cells when the file is the whole stock in use afterwards: no unit in use was left out of it, or those
//! left out are marked out of use (a corporation's first load, a yearly rent change, a full export). Otherwise the
//! cells are grouped in SQL from the stored units ([`super::map::rebuild_in`], `participatie::rebuild_cells_in`),
//! and a test holds both ways to the same result. When the import filled area codes from positions (which the file
//! did not have), the map's sums still hold but the Participatiekaart's cells are grouped from the stored units.

use super::columns::{insert_rows, Value};
use crate::sql::{self, Conn};
use crate::Result;
use foldhash::HashMap;
use volkshuis_domain::bezit::{SocialLabel, UnitRecord};

/// Units of one cell, with the sums of their positions.
#[derive(Debug, Default, Clone, Copy)]
struct Sum {
    units: i64,
    daeb_units: i64,
    /// Units with a position, and the sums of their latitudes and longitudes.
    positioned: i64,
    lat: f64,
    lon: f64,
}

impl Sum {
    fn add(&mut self, unit: &UnitRecord) {
        self.units += 1;
        self.daeb_units += i64::from(unit.label == Some(SocialLabel::Daeb));
        if let Some(position) = unit.position {
            self.positioned += 1;
            self.lat += position.lat;
            self.lon += position.lon;
        }
    }

    fn merge(&mut self, other: &Sum) {
        self.units += other.units;
        self.daeb_units += other.daeb_units;
        self.positioned += other.positioned;
        self.lat += other.lat;
        self.lon += other.lon;
    }

    /// The mean position, as SQL's `AVG` gives it: none when no unit has one.
    fn mean(&self) -> (Option<f64>, Option<f64>) {
        if self.positioned == 0 {
            return (None, None);
        }
        let n = self.positioned as f64;
        (Some(self.lat / n), Some(self.lon / n))
    }
}

/// A cell of the Participatiekaart: a complex (or none) within one buurt, wijk and gemeente (or none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PartKey {
    cluster_id: Option<i64>,
    buurt: Box<str>,
    wijk: Box<str>,
    gemeente: Box<str>,
}

impl PartKey {
    fn of(unit: &UnitRecord, cluster_id: Option<i64>) -> Self {
        let [buurt, wijk, gemeente] = area_codes(unit).map(Box::from);
        Self { cluster_id, buurt, wijk, gemeente }
    }

    fn is_of(&self, unit: &UnitRecord, cluster_id: Option<i64>) -> bool {
        self.cluster_id == cluster_id && [&*self.buurt, &*self.wijk, &*self.gemeente] == area_codes(unit)
    }
}

/// A unit's buurt, wijk and gemeente codes, empty where it has none (as the cells store them).
fn area_codes(unit: &UnitRecord) -> [&str; 3] {
    [
        unit.buurt.as_ref().map_or("", |c| c.as_str()),
        unit.wijk.as_ref().map_or("", |c| c.as_str()),
        unit.gemeente.as_ref().map_or("", |c| c.as_str()),
    ]
}

/// The cells summed so far.
#[derive(Debug)]
pub(crate) struct CellSums {
    /// Cell size in degrees of the finest map level.
    cell: f64,
    map: HashMap<(i64, i64), Sum>,
    part: HashMap<PartKey, Sum>,
    /// The part cell of the previous unit, summed apart from `part` until a unit of another cell comes: a file lists
    /// a complex's units together, so most units add to the cell of the one before and need no key built or hashed.
    current_part: Option<(PartKey, Sum)>,
}

impl Default for CellSums {
    fn default() -> Self {
        Self {
            cell: super::map::cell_size(super::map::FINEST_LEVEL),
            map: HashMap::default(),
            part: HashMap::default(),
            current_part: None,
        }
    }
}

impl CellSums {
    /// Adds a unit of the file (in use after the import), in complex `cluster_id`.
    pub(crate) fn add(&mut self, unit: &UnitRecord, cluster_id: Option<i64>) {
        if let Some(position) = unit.position {
            self.map.entry(super::map::grid_cell(position.lon, position.lat, self.cell)).or_default().add(unit);
        }
        match &mut self.current_part {
            Some((key, sum)) if key.is_of(unit, cluster_id) => sum.add(unit),
            current => {
                part_done(&mut self.part, current.take());
                let mut sum = Sum::default();
                sum.add(unit);
                *current = Some((PartKey::of(unit, cluster_id), sum));
            }
        }
    }

    /// Writes the cells in place of the corporation's old ones, inside the import's transaction. `clusters` gives a
    /// complex id's code and name.
    pub(crate) async fn write(
        mut self,
        mut conn: Conn<'_>,
        corporation_id: i64,
        clusters: &HashMap<i64, (&str, Option<&str>)>,
    ) -> Result<()> {
        part_done(&mut self.part, self.current_part.take());
        sql::query("DELETE FROM map_cells WHERE corporation_id = $1").bind(corporation_id).execute(&mut conn).await?;
        let level = super::map::FINEST_LEVEL;
        let mut values = Vec::with_capacity(self.map.len() * 8);
        for ((gx, gy), sum) in &self.map {
            let (lat, lon) = sum.mean();
            values.extend([corporation_id, level, *gx, *gy, sum.units, sum.daeb_units].map(|n| Value::Int(Some(n))));
            values.extend([Value::Float(lat), Value::Float(lon)]);
        }
        let columns = ["corporation_id", "level", "gx", "gy", "units", "daeb_units", "lat", "lon"];
        insert_rows(conn.reborrow(), "map_cells", &columns, &values).await?;
        super::map::coarser_levels(conn.reborrow(), corporation_id).await?;

        sql::query("DELETE FROM part_cells WHERE corporation_id = $1").bind(corporation_id).execute(&mut conn).await?;
        let mut values = Vec::with_capacity(self.part.len() * 10);
        for (key, sum) in &self.part {
            let (code, name) = key.cluster_id.and_then(|id| clusters.get(&id).copied()).unwrap_or(("", None));
            let (lat, lon) = sum.mean();
            values.extend([
                Value::Int(Some(corporation_id)),
                Value::text(Some(code)),
                Value::text(name),
                Value::text(Some(&key.buurt)),
                Value::text(Some(&key.wijk)),
                Value::text(Some(&key.gemeente)),
                Value::Int(Some(sum.units)),
                Value::Float(lat),
                Value::Float(lon),
                Value::Int(Some(0)),
            ]);
        }
        let columns = [
            "corporation_id",
            "cluster_code",
            "cluster_name",
            "buurt_code",
            "wijk_code",
            "gemeente_code",
            "units",
            "lat",
            "lon",
            "level",
        ];
        insert_rows(conn, "part_cells", &columns, &values).await
    }
}

/// Adds a finished run of units of one part cell to the cells.
fn part_done(part: &mut HashMap<PartKey, Sum>, cell: Option<(PartKey, Sum)>) {
    if let Some((key, sum)) = cell {
        part.entry(key).or_default().merge(&sum);
    }
}
