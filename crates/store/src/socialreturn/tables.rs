//! Valuation table versions per buyer.

use crate::audit::{self, Actor, Change};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::socialreturn::table::ValuationTable;

/// A stored version.
#[derive(Debug, Clone)]
pub struct TableRow {
    /// Database id.
    pub id: i64,
    /// The buyer.
    pub buyer_id: i64,
    /// The table.
    pub table: ValuationTable,
}

fn corrupt(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt { column: "sr_tables.body", value: e.to_string() }
}

/// Stores a new version of the buyer's table.
pub async fn add_table(tx: &mut Tx, scope: &WriteScope, actor: &Actor, table: &ValuationTable) -> Result<i64> {
    let body = serde_json::to_string(table).map_err(corrupt)?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO sr_tables (buyer_id, name, valid_from, body, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(&table.name)
    .bind(date_to_text(table.valid_from))
    .bind(body)
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    audit::record(tx.conn(), actor, Change::event(Some(scope.org_id()), "create", "sr_table", id.to_string())).await?;
    Ok(id)
}

fn from_row(row: &sql::Row) -> Result<TableRow> {
    let body: String = row.try_get("body")?;
    let table: ValuationTable = serde_json::from_str(&body).map_err(corrupt)?;
    // The column is what lists sort on; it must agree with the body.
    let valid_from = date_from_text("valid_from", &row.try_get::<String, _>("valid_from")?)?;
    debug_assert_eq!(valid_from, table.valid_from);
    Ok(TableRow { id: row.try_get("id")?, buyer_id: row.try_get("buyer_id")?, table })
}

/// The buyer's versions, newest valid-from first.
pub async fn tables(db: &Db, scope: &ReadScope) -> Result<Vec<TableRow>> {
    let rows = sql::query(
        "SELECT id, buyer_id, valid_from, body FROM sr_tables WHERE buyer_id = $1 ORDER BY valid_from DESC, id DESC",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One version by id (a contract's parties read it through the contract; the caller checked the relation).
pub async fn table(db: &Db, id: i64) -> Result<Option<TableRow>> {
    let row = sql::query("SELECT id, buyer_id, valid_from, body FROM sr_tables WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(from_row).transpose()
}
