//! Figures: counts only, naming nobody, for the corporation (its own sales and VvE's) and the municipality (sales
//! of homes in its gemeenten, of every corporation): sales per year, checks done on time, buyers in payment trouble
//! and VvE's below the reserve minimum, per complex, buurt or gemeente.

use super::vves::VveInput;
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result};
use std::collections::BTreeMap;
use time::Date;
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::nazorg::vve::{findings, Finding};

/// Whose figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A corporation: its own sales and VvE's.
    Corporation,
    /// A municipality: sales and VvE's of homes in its gemeenten.
    Municipality,
}

/// How the places are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// By gemeente code.
    Gemeente,
    /// By buurt code.
    Buurt,
    /// By complex code (a municipality sees the corporation's complex codes, no more).
    Complex,
}

impl Grouping {
    fn key(self) -> &'static str {
        match self {
            Grouping::Gemeente => "COALESCE(u.gemeente_code, '')",
            Grouping::Buurt => "COALESCE(u.buurt_code, '')",
            Grouping::Complex => "COALESCE(c.code, '')",
        }
    }
}

/// The counts of one place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The place's code (empty: unknown).
    pub key: String,
    /// Homes sold and not bought back.
    pub sold: i64,
    /// Checks that fell due before today.
    pub checks_due: i64,
    /// Of those, done on or before their due day.
    pub checks_on_time: i64,
    /// Checks past their due day and not done.
    pub checks_overdue: i64,
    /// Buyers whose latest check reported payment problems.
    pub payment_trouble: i64,
    /// VvE's registered.
    pub vves: i64,
    /// VvE's whose reserve contribution is below the minimum.
    pub vves_below_minimum: i64,
}

/// The figures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    /// Sales per year of transfer (bought-back homes included: the sale happened).
    pub per_year: Vec<(String, i64)>,
    /// Per place, by code.
    pub places: Vec<Place>,
    /// All places together.
    pub total: Place,
}

fn side_clause(side: Side) -> &'static str {
    match side {
        Side::Corporation => "s.corporation_id = $1",
        Side::Municipality => "u.gemeente_code IN (SELECT gemeente_code FROM org_gemeenten WHERE org_id = $1)",
    }
}

/// The figures of the organisation of `scope` on `today`.
pub async fn figures(db: &Db, scope: &ReadScope, side: Side, grouping: Grouping, today: Date) -> Result<Figures> {
    let org = scope.org_id();
    let from = "nz_sales s JOIN units u ON u.id = s.unit_id LEFT JOIN clusters c ON c.id = u.cluster_id";
    let (key, on) = (grouping.key(), side_clause(side));
    let mut places: BTreeMap<String, Place> = BTreeMap::new();
    let sales = sql::query(&format!(
        "SELECT {key} AS k, COUNT(*) AS sold, SUM(CASE WHEN EXISTS (SELECT 1 FROM nz_checks k WHERE k.sale_id = s.id \
         AND k.payment_problems = 1 AND k.done_on = (SELECT MAX(k2.done_on) FROM nz_checks k2 WHERE k2.sale_id = s.id)) \
         THEN 1 ELSE 0 END) AS trouble FROM {from} WHERE {on} AND s.bought_back_on IS NULL GROUP BY {key}"
    ))
    .bind(org)
    .fetch_all(db)
    .await?;
    for row in &sales {
        let place = places.entry(row.try_get("k")?).or_default();
        place.sold = row.try_get("sold")?;
        place.payment_trouble = row.try_get::<Option<i64>, _>("trouble")?.unwrap_or(0);
    }
    let checks = sql::query(&format!(
        "SELECT {key} AS k, \
         SUM(CASE WHEN k.due_on < $2 THEN 1 ELSE 0 END) AS due, \
         SUM(CASE WHEN k.due_on < $2 AND k.done_on IS NOT NULL AND k.done_on <= k.due_on THEN 1 ELSE 0 END) AS on_time, \
         SUM(CASE WHEN k.due_on < $2 AND k.done_on IS NULL THEN 1 ELSE 0 END) AS overdue \
         FROM {from} JOIN nz_checks k ON k.sale_id = s.id WHERE {on} AND s.bought_back_on IS NULL GROUP BY {key}"
    ))
    .bind(org)
    .bind(date_to_text(today))
    .fetch_all(db)
    .await?;
    for row in &checks {
        let place = places.entry(row.try_get("k")?).or_default();
        place.checks_due = row.try_get::<Option<i64>, _>("due")?.unwrap_or(0);
        place.checks_on_time = row.try_get::<Option<i64>, _>("on_time")?.unwrap_or(0);
        place.checks_overdue = row.try_get::<Option<i64>, _>("overdue")?.unwrap_or(0);
    }
    for (place_key, vve) in vves_by_place(db, org, side, grouping).await? {
        let place = places.entry(place_key).or_default();
        place.vves += 1;
        if findings(&vve.facts(), today).iter().any(|f| matches!(f, Finding::ReserveBelowMinimum { .. })) {
            place.vves_below_minimum += 1;
        }
    }
    let per_year = sql::query(&format!(
        "SELECT SUBSTR(s.sold_on, 1, 4) AS y, COUNT(*) AS n FROM {from} WHERE {on} \
         GROUP BY SUBSTR(s.sold_on, 1, 4) ORDER BY y"
    ))
    .bind(org)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| Ok((row.try_get("y")?, row.try_get("n")?)))
    .collect::<Result<Vec<_>>>()?;
    let mut total = Place::default();
    let places: Vec<Place> = places
        .into_iter()
        .map(|(key, mut place)| {
            place.key = key;
            total.sold += place.sold;
            total.checks_due += place.checks_due;
            total.checks_on_time += place.checks_on_time;
            total.checks_overdue += place.checks_overdue;
            total.payment_trouble += place.payment_trouble;
            total.vves += place.vves;
            total.vves_below_minimum += place.vves_below_minimum;
            place
        })
        .collect();
    Ok(Figures { per_year, places, total })
}

/// The VvE's the side sees with the place they are counted in: the complex's code, or the buurt or gemeente of the
/// complex's first unit (a complex lies in one buurt as a rule).
async fn vves_by_place(db: &Db, org: i64, side: Side, grouping: Grouping) -> Result<Vec<(String, VveInput)>> {
    let unit_of_cluster = |column: &str| {
        format!("(SELECT MIN(u.{column}) FROM units u WHERE u.cluster_id = v.cluster_id AND u.corporation_id = v.corporation_id)")
    };
    let key = match grouping {
        Grouping::Complex => "COALESCE(c.code, '')".to_owned(),
        Grouping::Buurt => format!("COALESCE({}, '')", unit_of_cluster("buurt_code")),
        Grouping::Gemeente => format!("COALESCE({}, '')", unit_of_cluster("gemeente_code")),
    };
    let on = match side {
        Side::Corporation => "v.corporation_id = $1".to_owned(),
        Side::Municipality => format!(
            "{} IN (SELECT gemeente_code FROM org_gemeenten WHERE org_id = $1)",
            unit_of_cluster("gemeente_code")
        ),
    };
    let rows = sql::query(&format!(
        "SELECT {key} AS k, v.id FROM nz_vves v LEFT JOIN clusters c ON c.id = v.cluster_id WHERE {on}"
    ))
    .bind(org)
    .fetch_all(db)
    .await?;
    let ids = rows.iter().map(|row| row.try_get::<i64, _>("id")).collect::<std::result::Result<Vec<_>, _>>()?;
    let mut found = super::vves::vves_by_ids(db, &ids).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(vve) = found.remove(&row.try_get::<i64, _>("id")?) {
            out.push((row.try_get("k")?, vve.input));
        }
    }
    Ok(out)
}
