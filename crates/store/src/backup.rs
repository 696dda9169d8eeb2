//! A backup of an embedded (SQLite) database while it is in use.
//!
//! Copying the database file is not a backup: while the server runs, recent commits are still in the write-ahead log
//! beside it, and a copy taken during a write can be torn. `VACUUM INTO` writes one consistent snapshot (a read
//! transaction) into a new file that opens as an ordinary database. PostgreSQL has its own tool for this, `pg_dump`,
//! which the command line runs (see `volkshuis backup`).

use crate::sql;
use crate::{Backend, Db, Result, StoreError};
use std::path::Path;

/// Writes a snapshot of the SQLite database `db` to `path`, which must not exist yet (SQLite refuses to write over
/// a file with contents, and an existing backup is never overwritten).
pub async fn sqlite_snapshot(db: &Db, path: &Path) -> Result<()> {
    let refuse = |reason| Err(StoreError::Backup { path: path.display().to_string(), reason });
    if db.backend() != Backend::Sqlite {
        return refuse("this is how SQLite is backed up; PostgreSQL is backed up with pg_dump");
    }
    if path.exists() {
        return refuse("the file already exists, and a backup never overwrites one");
    }
    let Some(target) = path.to_str() else { return refuse("the path is not valid UTF-8") };
    sql::query("VACUUM INTO $1").bind(target).execute(db).await?;
    tracing::info!(path = %path.display(), "backup written");
    Ok(())
}

/// Waits until no bulk load of the stock is running (PostgreSQL; SQLite's snapshot needs no wait).
///
/// A bulk load drops the indexes of `units` and builds them again before it commits (ADR 0011). A `pg_dump` that
/// reads the catalogue while such a load runs, and then waits for its lock on `units`, finds the old indexes gone
/// when the load commits: "cache lookup failed for index". Taking the lock that the dump will take, once, and letting
/// go of it, waits for a running load to commit first; the dump then starts on the schema as it is.
pub async fn wait_for_bulk_loads(db: &Db) -> Result<()> {
    if db.backend() != Backend::Postgres {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    sql::query("LOCK TABLE units IN ACCESS SHARE MODE").execute(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}
