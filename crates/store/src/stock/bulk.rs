//! A bulk load: when an import brings more units than the table holds (a corporation's first national file), or on
//! SQLite changes a large share of them (a yearly rent increase), the secondary indexes of `units` are dropped inside
//! the import's transaction and built again before it commits.
//!
//! Building an index once from sorted rows is several times cheaper than keeping it up to date row by row, and on
//! PostgreSQL the foreign-key checks (a trigger per inserted row) are the largest single cost of a big insert, so
//! they are replaced by one validation at the end. Because it all happens inside the transaction, a failed or killed
//! import rolls the indexes back with the rows: the schema is never left without them.
//!
//! The price: on PostgreSQL, dropping an index locks `units` until the import commits, so other readers of the stock
//! wait for a bulk load (SQLite's readers keep reading the previous version). See ADR 0011 and ADR 0014.

use crate::sql::{self, Conn};
use crate::{Backend, Result};

/// The secondary indexes of `units` exactly as the migrations create them (a test compares them before and after a
/// bulk load, so a drift shows).
const UNIT_INDEXES: [(&str, &str); 7] = [
    ("units_gemeente", "units(corporation_id, gemeente_code, in_use, woonplaats, straatnaam, huisnummer, id)"),
    ("units_buurt", "units(corporation_id, buurt_code)"),
    ("units_address", "units(postcode, huisnummer)"),
    ("units_position", "units(corporation_id, lat, lon)"),
    ("units_list", "units(corporation_id, in_use, woonplaats, straatnaam, huisnummer, id)"),
    ("units_by_cluster", "units(cluster_id, in_use, woonplaats, straatnaam, huisnummer, id)"),
    ("units_street", "units(corporation_id, lower(straatnaam), huisnummer)"),
];

/// PostgreSQL's constraints on `units` that are checked per row, by their default names.
const UNIT_CONSTRAINTS: [(&str, &str); 3] = [
    ("units_corporation_id_id_extern_key", "UNIQUE (corporation_id, id_extern)"),
    ("units_corporation_id_fkey", "FOREIGN KEY (corporation_id) REFERENCES organisations(id) ON DELETE CASCADE"),
    ("units_cluster_id_fkey", "FOREIGN KEY (cluster_id) REFERENCES clusters(id) ON DELETE SET NULL"),
];

/// SQLite's page cache during an import, in KiB (its default is 2 MB, too small to keep the indexes of millions of
/// rows without reading pages back from disk). 64 MB keeps the national import under its budget of 500 MB (192 MB
/// built the indexes 15% faster but went over it). The import's connection is closed afterwards, so the pool's
/// connections keep the default.
const SQLITE_IMPORT_CACHE_KIB: i64 = 65_536;

/// Whether an import that has found `new_units` new units so far, into a table that held `table_units` before,
/// should switch to a bulk load: only when the new rows outnumber the old, so rebuilding is cheaper than
/// maintaining.
pub(crate) fn worth_it(new_units: u64, table_units: u64) -> bool {
    new_units >= 50_000 && new_units >= table_units
}

/// Whether an import that has changed `changed_units` stored units so far, in a table of `table_units`, should switch
/// to a bulk load. Every update rewrites the unit's entry in each index: on the national SQLite table that took
/// ~225 µs a unit (a yearly rent change of every unit: 8.6 minutes), where building all indexes again takes ~17 s,
/// about the price of 75,000 updates; so from 50,000 changes and a thirty-second of the table on.
///
/// Only on SQLite, whose readers keep reading the previous snapshot. On PostgreSQL a bulk load locks `units` for
/// every reader until the commit: for a national rent change that saved 45 s (157 s instead of 201 s, with changes
/// written in batches either way) but would block every corporation's stock pages for minutes, so there changes keep
/// the indexes (a first load, a one-time event, still goes bulk).
pub(crate) fn worth_it_for_changes(backend: Backend, changed_units: u64, table_units: u64) -> bool {
    backend == Backend::Sqlite && changed_units >= 50_000 && changed_units.saturating_mul(32) >= table_units
}

/// The key of the advisory lock that lets one bulk load at a time drop the indexes (PostgreSQL; beside the import
/// locks of `import.rs`, whose first key is 1700).
const BULK_LOCK: (i32, i32) = (1_701, 0);

/// Drops the per-row work (secondary indexes; on PostgreSQL also the unique and foreign-key checks), and says whether
/// it did.
///
/// On PostgreSQL only one import at a time does: two first loads of *different* corporations would each hold row
/// locks in `units` while asking for the whole table, and deadlock. The second keeps its indexes (it is slower, and
/// waits for the first's commit, but ends), so it never asks for the table while the first one holds it.
pub(crate) async fn begin(mut conn: Conn<'_>) -> Result<bool> {
    let backend = conn.backend();
    if backend == Backend::Postgres {
        let alone: bool = sql::query_scalar("SELECT pg_try_advisory_xact_lock($1, $2)")
            .bind(BULK_LOCK.0)
            .bind(BULK_LOCK.1)
            .fetch_one(&mut conn)
            .await?;
        if !alone {
            tracing::info!("bulk load: another import is loading in bulk; this one keeps the indexes of units");
            return Ok(false);
        }
    }
    let mut statements = Vec::new();
    if backend == Backend::Postgres {
        // Sort memory for building the indexes of millions of rows at once (only this transaction, only as much as
        // the sort needs): 1 GB built the widest index 13% faster than 256 MB on the national file.
        statements.push("SET LOCAL maintenance_work_mem = '1GB'".to_owned());
        let drops: Vec<String> = UNIT_CONSTRAINTS.iter().map(|(name, _)| format!("DROP CONSTRAINT {name}")).collect();
        statements.push(format!("ALTER TABLE units {}", drops.join(", ")));
    }
    statements.extend(UNIT_INDEXES.iter().map(|(name, _)| format!("DROP INDEX {name}")));
    execute(conn, &statements).await?;
    tracing::info!("bulk load: secondary indexes of units dropped until the import commits");
    Ok(true)
}

/// Builds again what [`begin`] dropped, before the import commits.
pub(crate) async fn end(conn: Conn<'_>) -> Result<()> {
    let backend = conn.backend();
    let started = std::time::Instant::now();
    let mut statements: Vec<String> =
        UNIT_INDEXES.iter().map(|(name, definition)| format!("CREATE INDEX {name} ON {definition}")).collect();
    if backend == Backend::Postgres {
        let adds: Vec<String> =
            UNIT_CONSTRAINTS.iter().map(|(name, definition)| format!("ADD CONSTRAINT {name} {definition}")).collect();
        statements.push(format!("ALTER TABLE units {}", adds.join(", ")));
    }
    execute(conn, &statements).await?;
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "bulk load: indexes of units built again");
    Ok(())
}

/// Prepares the import's own connection: a larger page cache on SQLite.
pub(crate) async fn prepare(conn: Conn<'_>) -> Result<()> {
    if conn.backend() == Backend::Sqlite {
        execute(conn, &[format!("PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")]).await?;
    }
    Ok(())
}

async fn execute(mut conn: Conn<'_>, statements: &[String]) -> Result<()> {
    for statement in statements {
        sql::query(statement).execute(&mut conn).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::worth_it;

    #[test]
    fn a_bulk_load_only_when_the_new_rows_outnumber_the_table() {
        assert!(!worth_it(49_999, 0), "small files keep the indexes");
        assert!(worth_it(50_000, 0));
        assert!(worth_it(2_300_000, 2_000_000));
        assert!(!worth_it(100_000, 2_300_000), "a new corporation beside a national one keeps them");
    }

    #[test]
    fn a_bulk_load_for_changes_from_a_thirty_second_of_the_table_on_sqlite() {
        use super::worth_it_for_changes;
        use crate::Backend::{Postgres, Sqlite};
        assert!(!worth_it_for_changes(Sqlite, 49_999, 100_000), "a few changes keep the indexes");
        assert!(worth_it_for_changes(Sqlite, 71_875, 2_300_000), "a national file with new rents for 3% of its units");
        assert!(!worth_it_for_changes(Sqlite, 71_874, 2_300_000));
        assert!(worth_it_for_changes(Sqlite, 2_300_000, 2_300_000), "a yearly rent change of every unit");
        assert!(!worth_it_for_changes(Postgres, 2_300_000, 2_300_000), "PostgreSQL's readers would wait for it");
    }
}
