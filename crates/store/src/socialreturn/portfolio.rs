//! The buyer's portfolio: totals from the kept sums, never a scan of the contributions.

use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::money::Money;

/// A total for one key (a supplier, a target group, a year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalRow {
    /// The key as shown (supplier name, target group code, year).
    pub key: String,
    /// Approved value.
    pub approved: Money,
    /// Approved contributions.
    pub count: i64,
}

/// The buyer's portfolio in figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Portfolio {
    /// Contracts.
    pub contracts: i64,
    /// Sum of obligations.
    pub obligation: Money,
    /// Sum approved.
    pub approved: Money,
    /// Sum pending.
    pub pending: Money,
    /// Approved per supplier, largest first.
    pub by_supplier: Vec<TotalRow>,
    /// Approved per target group (placements; other kinds under their kind).
    pub by_group: Vec<TotalRow>,
    /// Approved per year.
    pub by_year: Vec<TotalRow>,
    /// Placements of the buyer's own tenants, per complex.
    pub tenants_by_cluster: Vec<(String, i64)>,
}

fn totals(rows: &[sql::Row]) -> Result<Vec<TotalRow>> {
    rows.iter()
        .map(|r| {
            Ok(TotalRow {
                key: r.try_get("k")?,
                approved: Money::from_cents(r.try_get("cents")?),
                count: r.try_get("n")?,
            })
        })
        .collect()
}

/// The portfolio of the buyer of `scope`.
pub async fn portfolio(db: &Db, scope: &ReadScope) -> Result<Portfolio> {
    let buyer = scope.org_id();
    let sums = sql::query(
        "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(obligation_cents), 0) AS BIGINT) AS o, CAST(COALESCE(SUM(approved_cents), 0) AS BIGINT) AS a, \
         CAST(COALESCE(SUM(pending_cents), 0) AS BIGINT) AS p FROM sr_contracts WHERE buyer_id = $1",
    )
    .bind(buyer)
    .fetch_one(db)
    .await?;
    let by_supplier = sql::query(
        "SELECT o.name AS k, CAST(SUM(t.approved_cents) AS BIGINT) AS cents, CAST(SUM(t.approved_count) AS BIGINT) AS n FROM sr_totals t \
         JOIN organisations o ON o.id = t.supplier_id WHERE t.buyer_id = $1 GROUP BY o.name ORDER BY 2 DESC",
    )
    .bind(buyer)
    .fetch_all(db)
    .await?;
    let by_group = sql::query(
        "SELECT CASE WHEN target_group = '' THEN kind ELSE target_group END AS k, CAST(SUM(approved_cents) AS BIGINT) AS cents, \
         CAST(SUM(approved_count) AS BIGINT) AS n FROM sr_totals WHERE buyer_id = $1 GROUP BY 1 ORDER BY 2 DESC",
    )
    .bind(buyer)
    .fetch_all(db)
    .await?;
    let by_year = sql::query(
        "SELECT CAST(year AS TEXT) AS k, CAST(SUM(approved_cents) AS BIGINT) AS cents, CAST(SUM(approved_count) AS BIGINT) AS n FROM sr_totals \
         WHERE buyer_id = $1 GROUP BY year ORDER BY year",
    )
    .bind(buyer)
    .fetch_all(db)
    .await?;
    let tenants = sql::query(
        "SELECT cluster AS k, jobs AS n FROM sr_tenant_totals WHERE buyer_id = $1 AND jobs > 0 ORDER BY jobs DESC, cluster",
    )
    .bind(buyer)
    .fetch_all(db)
    .await?;
    Ok(Portfolio {
        contracts: sums.try_get("n")?,
        obligation: Money::from_cents(sums.try_get("o")?),
        approved: Money::from_cents(sums.try_get("a")?),
        pending: Money::from_cents(sums.try_get("p")?),
        by_supplier: totals(&by_supplier)?,
        by_group: totals(&by_group)?,
        by_year: totals(&by_year)?,
        tenants_by_cluster: tenants.iter().map(|r| Ok((r.try_get("k")?, r.try_get("n")?))).collect::<Result<_>>()?,
    })
}

/// Approved placements of the buyer's own tenants that ran in `year` (valued in it, by its months), per complex, most
/// first: the year's report counts these, where the overview counts all years (`Portfolio::tenants_by_cluster`).
/// Read from the contributions, not from kept sums: one buyer's placements of one year.
pub async fn tenant_jobs_in_year(db: &Db, scope: &ReadScope, year: i32) -> Result<Vec<(String, i64)>> {
    let rows = sql::query(
        "SELECT c.tenant_cluster AS k, COUNT(*) AS n FROM sr_contributions c \
         JOIN sr_contracts ct ON ct.id = c.contract_id \
         JOIN sr_contribution_years y ON y.contribution_id = c.id AND y.year = $2 \
         WHERE ct.buyer_id = $1 AND c.kind = 'placement' AND c.status = 'approved' AND c.tenant_cluster IS NOT NULL \
         GROUP BY c.tenant_cluster ORDER BY 2 DESC, 1",
    )
    .bind(scope.org_id())
    .bind(i64::from(year))
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("k")?, r.try_get("n")?))).collect()
}

/// Approved value and count per target group (or kind) in one year, for the buyer of `scope`.
pub async fn year_totals(db: &Db, scope: &ReadScope, year: i32) -> Result<Vec<TotalRow>> {
    let rows = sql::query(
        "SELECT CASE WHEN target_group = '' THEN kind ELSE target_group END AS k, \
         CAST(SUM(approved_cents) AS BIGINT) AS cents, CAST(SUM(approved_count) AS BIGINT) AS n FROM sr_totals \
         WHERE buyer_id = $1 AND year = $2 GROUP BY 1 ORDER BY 2 DESC",
    )
    .bind(scope.org_id())
    .bind(i64::from(year))
    .fetch_all(db)
    .await?;
    totals(&rows)
}
