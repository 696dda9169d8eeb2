//! The store's one error type. Callers match on `Duplicate`, `Conflict` and `NotFound`; everything else is a fault.

use thiserror::Error;

/// What went wrong in the store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be opened or reached.
    #[error("cannot open database {target}: {reason}")]
    Connect {
        /// The database, with any password removed.
        target: String,
        /// The driver's explanation.
        reason: String,
    },
    /// A migration failed; the database is left at the previous version.
    #[error("migration {version} ({name}) failed: {source}")]
    Migrate {
        /// The migration's version number.
        version: i64,
        /// The migration's name.
        name: String,
        /// The underlying error.
        source: sqlx::Error,
    },
    /// A unique constraint refused the write (an e-mail address or code already in use).
    #[error("already exists")]
    Duplicate,
    /// Someone else changed the row since the caller read it (optimistic concurrency); nothing was written.
    #[error("changed by someone else in the meantime")]
    Conflict,
    /// The row to change does not exist.
    #[error("not found")]
    NotFound,
    /// A stored value could not be read back (a corrupt enum code, say).
    #[error("corrupt stored value in {column}: {value}")]
    Corrupt {
        /// The column.
        column: &'static str,
        /// The value found.
        value: String,
    },
    /// The thread that read the import file stopped before the end of the file; nothing was written.
    #[error("the import file could not be read to the end")]
    ReaderStopped,
    /// The task that wrote the import stopped without saying why (it panicked); nothing was written.
    #[error("the import's writer stopped")]
    WriterStopped,
    /// A write made ready for one engine was given a connection of the other (a bug, not a user's mistake).
    #[error("a statement for one database engine was run on the other")]
    WrongEngine,
    /// A backup could not be started; nothing was written.
    #[error("cannot back up to {path}: {reason}")]
    Backup {
        /// The file asked for.
        path: String,
        /// Why not.
        reason: &'static str,
    },
    /// Any other database error.
    #[error(transparent)]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate,
            sqlx::Error::RowNotFound => StoreError::NotFound,
            _ => StoreError::Database(error),
        }
    }
}
