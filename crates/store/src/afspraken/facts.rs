//! The shared facts of the kennisvergaring, pulled live from Volkshuis for one gemeente: each corporation party's
//! units there (by kind, social rent or free sector, rent band, decade built), participation coverage, and the
//! social-return results of the parties' contracts. The same reads give a computed commitment its actual.

use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::afspraken::ComputedSource;
use volkshuis_domain::bezit::rent::{liberalisation_limit, RentBand};
use volkshuis_domain::bezit::{is_home, NOT_A_HOME};

/// One corporation's stock in the gemeente.
#[derive(Debug, Clone, Default)]
pub struct StockFacts {
    /// The corporation.
    pub corporation_id: i64,
    /// Its name.
    pub corporation_name: String,
    /// Homes in use there (`bezit::is_home`: not a parking place, shop or storage).
    pub units: i64,
    /// Every unit in use there by VERA kind (`soort`), homes or not, most first; an empty kind is "".
    pub by_kind: Vec<(String, i64)>,
    /// Homes at or below the liberalisation limit (social rent, DAEB in practice) and above it; homes without a
    /// rent in neither.
    pub social: i64,
    /// Homes above the limit.
    pub free: i64,
    /// Homes per rent band, low to high.
    pub by_band: Vec<(RentBand, i64)>,
    /// Homes per decade built (1960 for 1960–1969), oldest first; homes without a year are left out.
    pub by_decade: Vec<(i64, i64)>,
    /// Units covered by a formal group, by an informal one, by none (the Participatiekaart's cells).
    pub coverage: (i64, i64, i64),
}

/// The facts of a gemeente for the parties of a cycle.
#[derive(Debug, Clone, Default)]
pub struct GemeenteFacts {
    /// The year whose liberalisation limit the rent bands are anchored on (the cycle's first).
    pub year: i32,
    /// Per corporation party, by name.
    pub stock: Vec<StockFacts>,
    /// Social return of the parties' contracts (as buyer): contracts, obligation and approved value in cents.
    pub sr_contracts: i64,
    /// The obligation of those contracts, in cents.
    pub sr_obligation_cents: i64,
    /// Approved contributions, in cents.
    pub sr_approved_cents: i64,
    /// Approved placements (jobs) in those contracts.
    pub sr_placements: i64,
    /// The same per buyer and year of the placement: `(buyer, year, placements)`.
    pub sr_placements_by: Vec<(i64, i32, i64)>,
    /// What the corporation parties' initiatives in the gemeente's buurten brought, per year, newest first:
    /// `(year, initiatives, outcome)` (Initiatieven).
    pub initiatives: Vec<(i32, i64, volkshuis_domain::initiatieven::outcome::Outcome)>,
}

/// The facts of `gemeente_code` for the corporations `corporations` (id and name) and the buyers among `parties`,
/// with rent bands of `year`.
pub async fn gemeente_facts(
    db: &Db,
    gemeente_code: &str,
    corporations: &[(i64, String)],
    parties: &[i64],
    year: i32,
) -> Result<GemeenteFacts> {
    let mut facts = GemeenteFacts { year, ..GemeenteFacts::default() };
    for (id, name) in corporations {
        facts.stock.push(stock_facts(db, gemeente_code, *id, name, year).await?);
    }
    let ids: Vec<i64> = corporations.iter().map(|(id, _)| *id).collect();
    facts.initiatives = initiative_outcomes(db, gemeente_code, &ids).await?;
    for party in parties {
        let row = sql::query(
            "SELECT COUNT(*) AS contracts, CAST(COALESCE(SUM(obligation_cents), 0) AS BIGINT) AS obligation, \
             CAST(COALESCE(SUM(approved_cents), 0) AS BIGINT) AS approved FROM sr_contracts WHERE buyer_id = $1",
        )
        .bind(party)
        .fetch_one(db)
        .await?;
        facts.sr_contracts += row.try_get::<i64, _>("contracts")?;
        facts.sr_obligation_cents += row.try_get::<i64, _>("obligation")?;
        facts.sr_approved_cents += row.try_get::<i64, _>("approved")?;
        for (year, count) in placements(db, *party).await? {
            facts.sr_placements += count;
            facts.sr_placements_by.push((*party, year, count));
        }
    }
    Ok(facts)
}

/// The outcomes of the corporations' initiatives in the gemeente's buurten (a buurt code carries its gemeente's four
/// digits: BU0150xxxx lies in GM0150), summed per year.
async fn initiative_outcomes(
    db: &Db,
    gemeente_code: &str,
    corporations: &[i64],
) -> Result<Vec<(i32, i64, volkshuis_domain::initiatieven::outcome::Outcome)>> {
    use volkshuis_domain::initiatieven::outcome::Outcome;
    let Some(digits) = gemeente_code.strip_prefix("GM").filter(|d| d.len() == 4) else { return Ok(Vec::new()) };
    let mut per_year: std::collections::BTreeMap<i32, (i64, Outcome)> = std::collections::BTreeMap::new();
    for corporation in corporations {
        let rows = sql::query(
            "SELECT o.year, COUNT(*) AS n, CAST(SUM(o.participants) AS BIGINT) AS p, \
             CAST(SUM(o.volunteers) AS BIGINT) AS v, CAST(SUM(o.jobs) AS BIGINT) AS j, \
             CAST(SUM(o.visitors) AS BIGINT) AS vis FROM in_outcomes o JOIN in_initiatives i ON i.id = o.initiative_id \
             WHERE i.corporation_id = $1 AND i.buurt_code LIKE $2 GROUP BY o.year",
        )
        .bind(*corporation)
        .bind(format!("BU{digits}%"))
        .fetch_all(db)
        .await?;
        for r in &rows {
            let count = |c: &str| -> Result<u32> { Ok(u32::try_from(r.try_get::<i64, _>(c)?).unwrap_or(u32::MAX)) };
            let entry = per_year.entry(r.try_get::<i64, _>("year")? as i32).or_default();
            entry.0 += r.try_get::<i64, _>("n")?;
            entry.1.add(&Outcome {
                participants: count("p")?,
                volunteers: count("v")?,
                jobs_far_from_labour_market: count("j")?,
                visitors: count("vis")?,
            });
        }
    }
    Ok(per_year.into_iter().rev().map(|(year, (n, o))| (year, n, o)).collect())
}

/// A buyer's approved placements per year. Contracts carry no place: a buyer's placements count wherever the work
/// was done (said where the figure is shown).
async fn placements(db: &Db, buyer_id: i64) -> Result<Vec<(i32, i64)>> {
    let rows = sql::query(
        "SELECT k.year, COUNT(*) AS n FROM sr_contributions k JOIN sr_contracts c ON c.id = k.contract_id \
         WHERE c.buyer_id = $1 AND k.kind = 'placement' AND k.status = 'approved' GROUP BY k.year ORDER BY k.year",
    )
    .bind(buyer_id)
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get::<i64, _>("year")? as i32, r.try_get("n")?))).collect()
}

/// The condition that the unit whose soort is `soort` is a home ([`volkshuis_domain::bezit::is_home`]).
pub(super) fn home_condition(soort: &str) -> String {
    let codes: Vec<String> = NOT_A_HOME.iter().map(|c| format!("'{c}'")).collect();
    format!("UPPER(TRIM(COALESCE({soort}, ''))) NOT IN ({})", codes.join(", "))
}

async fn stock_facts(db: &Db, gemeente: &str, corporation_id: i64, name: &str, year: i32) -> Result<StockFacts> {
    // Every read goes through the (corporation_id, gemeente_code) index. The figures count homes: a parking place
    // let for € 40 was a home in social rent (the demo's 28 were in "homes in use" and a commitment's result).
    const ALL: &str = "FROM units WHERE corporation_id = $1 AND gemeente_code = $2 AND in_use = 1";
    let homes = format!("{ALL} AND {}", home_condition("soort"));
    let mut facts = StockFacts { corporation_id, corporation_name: name.to_owned(), ..StockFacts::default() };
    let kinds = sql::query(&format!(
        "SELECT COALESCE(soort, '') AS soort, COUNT(*) AS n {ALL} GROUP BY COALESCE(soort, '') ORDER BY 2 DESC, 1"
    ))
    .bind(corporation_id)
    .bind(gemeente)
    .fetch_all(db)
    .await?;
    for r in &kinds {
        let (soort, n): (String, i64) = (r.try_get("soort")?, r.try_get("n")?);
        if is_home(Some(&soort)) {
            facts.units += n;
        }
        facts.by_kind.push((soort, n));
    }
    let limit = liberalisation_limit(year).cents();
    let mut band_sql = String::from("SELECT ");
    for (i, band) in RentBand::ALL.iter().enumerate() {
        let (from, below) = band.range(year);
        let from = from.map(|f| format!("nettohuur_cents >= {f}")).unwrap_or_else(|| "1 = 1".into());
        let below = below.map(|b| format!("nettohuur_cents < {b}")).unwrap_or_else(|| "1 = 1".into());
        band_sql.push_str(&format!(
            "CAST(SUM(CASE WHEN nettohuur_cents IS NOT NULL AND {from} AND {below} THEN 1 ELSE 0 END) AS BIGINT) AS b{i}, "
        ));
    }
    band_sql.push_str(&format!(
        "CAST(SUM(CASE WHEN nettohuur_cents <= {limit} THEN 1 ELSE 0 END) AS BIGINT) AS social, \
         CAST(SUM(CASE WHEN nettohuur_cents > {limit} THEN 1 ELSE 0 END) AS BIGINT) AS free {homes}"
    ));
    let bands = sql::query(&band_sql).bind(corporation_id).bind(gemeente).fetch_one(db).await?;
    for (i, band) in RentBand::ALL.iter().enumerate() {
        facts.by_band.push((*band, bands.try_get::<Option<i64>, _>(format!("b{i}").as_str())?.unwrap_or(0)));
    }
    facts.social = bands.try_get::<Option<i64>, _>("social")?.unwrap_or(0);
    facts.free = bands.try_get::<Option<i64>, _>("free")?.unwrap_or(0);
    let decades = sql::query(&format!(
        "SELECT (bouwjaar / 10) * 10 AS decade, COUNT(*) AS n {homes} AND bouwjaar IS NOT NULL \
         GROUP BY (bouwjaar / 10) * 10 ORDER BY 1"
    ))
    .bind(corporation_id)
    .bind(gemeente)
    .fetch_all(db)
    .await?;
    for r in &decades {
        facts.by_decade.push((r.try_get("decade")?, r.try_get("n")?));
    }
    let coverage = sql::query(
        "SELECT CAST(COALESCE(SUM(CASE WHEN level = 2 THEN units ELSE 0 END), 0) AS BIGINT) AS formal, \
         CAST(COALESCE(SUM(CASE WHEN level = 1 THEN units ELSE 0 END), 0) AS BIGINT) AS informal, \
         CAST(COALESCE(SUM(CASE WHEN level = 0 THEN units ELSE 0 END), 0) AS BIGINT) AS none \
         FROM part_cells WHERE corporation_id = $1 AND gemeente_code = $2",
    )
    .bind(corporation_id)
    .bind(gemeente)
    .fetch_one(db)
    .await?;
    facts.coverage = (coverage.try_get("formal")?, coverage.try_get("informal")?, coverage.try_get("none")?);
    Ok(facts)
}

impl GemeenteFacts {
    /// What Volkshuis computes for a commitment in `year`: over one corporation when the commitment is carried by
    /// one of the corporation parties, over all of them otherwise. Stock and coverage are as they stand now (the
    /// page says when it read them); placements are those of `year`. Coverage is the share of units with a group,
    /// in percent.
    pub fn computed(&self, source: ComputedSource, corporation_id: Option<i64>, year: i32) -> f64 {
        let stock: Vec<&StockFacts> =
            self.stock.iter().filter(|s| corporation_id.is_none_or(|id| s.corporation_id == id)).collect();
        match source {
            ComputedSource::UnitsInStock => stock.iter().map(|s| s.units).sum::<i64>() as f64,
            ComputedSource::SocialRentUnits => stock.iter().map(|s| s.social).sum::<i64>() as f64,
            ComputedSource::ParticipationCoverage => {
                let (covered, all) = stock.iter().fold((0, 0), |(c, a), s| {
                    let (formal, informal, none) = s.coverage;
                    (c + formal + informal, a + formal + informal + none)
                });
                if all == 0 {
                    0.0
                } else {
                    (covered as f64 * 1000.0 / all as f64).round() / 10.0
                }
            }
            ComputedSource::SrPlacements => self
                .sr_placements_by
                .iter()
                .filter(|(buyer, y, _)| *y == year && corporation_id.is_none_or(|id| *buyer == id))
                .map(|(_, _, n)| *n)
                .sum::<i64>() as f64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> GemeenteFacts {
        let stock = |id, units, social, coverage| StockFacts {
            corporation_id: id,
            units,
            social,
            coverage,
            ..StockFacts::default()
        };
        GemeenteFacts {
            stock: vec![stock(1, 100, 80, (30, 10, 60)), stock(2, 50, 50, (0, 0, 50))],
            sr_placements: 9,
            sr_placements_by: vec![(1, 2026, 3), (1, 2027, 4), (2, 2027, 2)],
            ..GemeenteFacts::default()
        }
    }

    #[test]
    fn a_commitment_of_one_corporation_counts_its_own_figures() {
        let f = facts();
        assert_eq!(f.computed(ComputedSource::UnitsInStock, Some(1), 2027), 100.0);
        assert_eq!(f.computed(ComputedSource::UnitsInStock, None, 2027), 150.0);
        assert_eq!(f.computed(ComputedSource::SocialRentUnits, Some(2), 2027), 50.0);
        // 40 of 100 units covered for corporation 1; 40 of 150 for both (26.67 → 26.7).
        assert_eq!(f.computed(ComputedSource::ParticipationCoverage, Some(1), 2027), 40.0);
        assert_eq!(f.computed(ComputedSource::ParticipationCoverage, None, 2027), 26.7);
    }

    #[test]
    fn placements_count_for_the_year_and_the_owner() {
        let f = facts();
        assert_eq!(f.computed(ComputedSource::SrPlacements, Some(1), 2027), 4.0);
        assert_eq!(f.computed(ComputedSource::SrPlacements, None, 2027), 6.0);
        assert_eq!(f.computed(ComputedSource::SrPlacements, Some(1), 2026), 3.0);
        assert_eq!(f.computed(ComputedSource::SrPlacements, Some(2), 2025), 0.0);
    }
}
