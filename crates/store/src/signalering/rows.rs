//! Many rows in one statement: a ledger has thousands of households, and a statement per row costs a round trip
//! each on PostgreSQL. Both engines take `INSERT … VALUES (…), (…)`.
//!
//! The batch size differs per engine, as measured with `volkshuis bench signalering` (100,000 households, debug
//! build): on SQLite binding grows faster than linearly with the parameters of one statement (30,000 per statement:
//! 110 s; 8,000: 34 s; 2,000: 15 s; 500: 9.4 s), while PostgreSQL is the same from 500 to 8,000 (8.2 and 7.2 s),
//! where fewer round trips help.

use crate::sql;
use crate::{Backend, Result, Tx};

/// One value to bind.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Int(i64),
    Text(String),
    OptText(Option<String>),
}

/// The most parameters one statement binds, per engine (see above).
fn max_params(backend: Backend) -> usize {
    match backend {
        Backend::Sqlite => 500,
        Backend::Postgres => 8_000,
    }
}

/// Inserts `rows` into `table` (`columns` comma-separated, each row as many cells as columns), in as few statements
/// as the parameter bound allows.
pub(crate) async fn insert_all(tx: &mut Tx, table: &str, columns: &str, rows: &[Vec<Cell>]) -> Result<()> {
    let width = columns.split(',').count();
    let per_statement = (max_params(tx.conn().backend()) / width).max(1);
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
                Cell::Text(v) => query.bind(v.clone()),
                Cell::OptText(v) => query.bind(v.clone()),
            };
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}
