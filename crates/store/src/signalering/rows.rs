//! Many rows in one statement: a ledger has thousands of households, and a statement per row costs a round trip
//! each on PostgreSQL. Both engines take `INSERT … VALUES (…), (…)`; a batch stays under SQLite's 32,766 and
//! PostgreSQL's 65,535 bound parameters.

use crate::sql;
use crate::{Result, Tx};

/// One value to bind.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Int(i64),
    OptInt(Option<i64>),
    Text(String),
    OptText(Option<String>),
}

/// The most parameters one statement binds.
const MAX_PARAMS: usize = 30_000;

/// Inserts `rows` into `table` (`columns` comma-separated, each row as many cells as columns), in as few statements
/// as the parameter bound allows.
pub(crate) async fn insert_all(tx: &mut Tx, table: &str, columns: &str, rows: &[Vec<Cell>]) -> Result<()> {
    let width = columns.split(',').count();
    let per_statement = (MAX_PARAMS / width).max(1);
    for chunk in rows.chunks(per_statement) {
        let mut text = format!("INSERT INTO {table} ({columns}) VALUES ");
        let mut n = 0;
        for (i, row) in chunk.iter().enumerate() {
            debug_assert_eq!(row.len(), width);
            text.push_str(if i == 0 { "(" } else { ", (" });
            for j in 0..width {
                n += 1;
                text.push_str(&format!("{}${n}", if j == 0 { "" } else { ", " }));
            }
            text.push(')');
        }
        let mut query = sql::query(&text);
        for cell in chunk.iter().flatten() {
            query = match cell {
                Cell::Int(v) => query.bind(*v),
                Cell::OptInt(v) => query.bind(*v),
                Cell::Text(v) => query.bind(v.clone()),
                Cell::OptText(v) => query.bind(v.clone()),
            };
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}
