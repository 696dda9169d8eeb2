//! Bulk data for `volkshuis bench social-return`: a buyer's portfolio of many contracts and contributions, written in
//! a few statements per thousand rows. Not for pages: nothing written here has an audit entry, and the rows are taken
//! as given (the benchmark values them with the domain's rules first).

use crate::{sql, Db, Result};
use volkshuis_domain::access::WriteScope;

/// A value of a benchmark row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number.
    Int(i64),
    /// A text.
    Text(String),
    /// No value.
    Null,
}

/// The tables a portfolio is loaded into, each with the columns its rows give, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `supplier_id, title, value_cents, starts_on, ends_on, awarded_on, obligation, obligation_cents, cadence,
    /// table_id, created_at` (the buyer is the scope's organisation).
    Contracts,
    /// `contract_id, kind, body, value_cents, lines, target_group, year, status, reported_by, reported_at,
    /// decided_by, tenant_cluster, valuation_version` (every contract must be the buyer's; no values per year are
    /// written, so a decision books a bench row whole in its year).
    Contributions,
    /// `supplier_id, year, target_group, kind, approved_cents, approved_count`.
    Totals,
    /// `cluster, jobs`.
    TenantTotals,
}

impl Table {
    fn name_and_columns(self) -> (&'static str, &'static [&'static str], bool) {
        match self {
            Table::Contracts => (
                "sr_contracts",
                &[
                    "buyer_id",
                    "supplier_id",
                    "title",
                    "value_cents",
                    "starts_on",
                    "ends_on",
                    "awarded_on",
                    "obligation",
                    "obligation_cents",
                    "cadence",
                    "table_id",
                    "created_at",
                ],
                true,
            ),
            Table::Contributions => (
                "sr_contributions",
                &[
                    "contract_id",
                    "kind",
                    "body",
                    "value_cents",
                    "lines",
                    "target_group",
                    "year",
                    "status",
                    "reported_by",
                    "reported_at",
                    "decided_by",
                    "tenant_cluster",
                    "valuation_version",
                ],
                false,
            ),
            Table::Totals => (
                "sr_totals",
                &["buyer_id", "supplier_id", "year", "target_group", "kind", "approved_cents", "approved_count"],
                true,
            ),
            Table::TenantTotals => ("sr_tenant_totals", &["buyer_id", "cluster", "jobs"], true),
        }
    }
}

/// Rows per statement.
const CHUNK: usize = 1_000;

/// Writes `rows` into `table` for the buyer of `scope`, in one transaction. Contributions must belong to the buyer's
/// contracts; a row of another buyer's contract fails the whole load.
pub async fn load(db: &Db, scope: &WriteScope, table: Table, rows: &[Vec<Value>]) -> Result<()> {
    let (name, columns, leads_with_buyer) = table.name_and_columns();
    let buyer = scope.org_id();
    if table == Table::Contributions {
        let own: std::collections::HashSet<i64> = contract_ids(db, scope).await?.into_iter().collect();
        if rows.iter().any(|row| !matches!(row.first(), Some(Value::Int(id)) if own.contains(id))) {
            return Err(crate::StoreError::NotFound);
        }
    }
    let mut tx = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        let mut n = 0;
        let mut mark = || {
            n += 1;
            db.backend().placeholder(n)
        };
        let tuples: Vec<String> = chunk
            .iter()
            .map(|row| {
                let mut marks: Vec<String> = Vec::with_capacity(row.len() + 1);
                if leads_with_buyer {
                    marks.push(mark());
                }
                marks.extend(row.iter().map(|_| mark()));
                format!("({})", marks.join(", "))
            })
            .collect();
        let sql = format!("INSERT INTO {name} ({}) VALUES {}", columns.join(", "), tuples.join(", "));
        let mut query = sql::query(&sql);
        for row in chunk {
            if leads_with_buyer {
                query = query.bind(buyer);
            }
            for value in row {
                query = match value {
                    Value::Int(i) => query.bind(*i),
                    Value::Text(t) => query.bind(t.as_str()),
                    Value::Null => query.bind(None::<String>),
                };
            }
        }
        query.execute(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The buyer's contracts, in id order.
pub async fn contract_ids(db: &Db, scope: &WriteScope) -> Result<Vec<i64>> {
    Ok(sql::query_scalar("SELECT id FROM sr_contracts WHERE buyer_id = $1 ORDER BY id")
        .bind(scope.org_id())
        .fetch_all(db)
        .await?)
}

/// Sets the approved and pending sums of the buyer's contracts: `(contract, approved_cents, pending_cents)`.
pub async fn set_sums(db: &Db, scope: &WriteScope, sums: &[(i64, i64, i64)]) -> Result<()> {
    let mut tx = db.begin().await?;
    for (id, approved, pending) in sums {
        sql::query("UPDATE sr_contracts SET approved_cents = $1, pending_cents = $2 WHERE id = $3 AND buyer_id = $4")
            .bind(approved)
            .bind(pending)
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Refreshes the planner's statistics after the load (PostgreSQL; SQLite plans well without).
pub async fn refresh_statistics(db: &Db) -> Result<()> {
    if db.backend() == crate::Backend::Postgres {
        sql::raw_sql("ANALYZE", db).await?;
    }
    Ok(())
}
