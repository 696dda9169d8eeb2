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
    /// The database is busy with a long write (on SQLite, a stock import holding its one writer's lock) and did not
    /// free it within the wait; nothing was written. Try again in a moment.
    #[error("the database is busy with a long write (a stock import); try again in a moment")]
    Busy,
    /// The database opens but cannot be written (a read-only file or folder, a read-only server).
    #[error("the database {target} cannot be written: {reason}")]
    ReadOnly {
        /// The database, without a password.
        target: String,
        /// What the database said.
        reason: String,
    },
    /// The connection to the database was lost (PostgreSQL restarted, a connection ended by its administrator, the
    /// network); nothing of the statement was written. The pool replaces the connection: try again.
    #[error("the connection to the database was lost; try again")]
    ConnectionLost,
    /// Another import of the same stock is running (and did not end within the wait); nothing was written.
    #[error("another import of this corporation's stock is running; try again when it has finished")]
    ImportRunning,
    /// A gemeente code of the right form that the platform does not know: no imported boundary has it and no unit
    /// in any stock lies in it; nothing was written.
    #[error("unknown gemeente code {code}: no imported boundary and no unit in any stock has it")]
    UnknownGemeente {
        /// The code.
        code: String,
    },
    /// A bulk write of personal data failed. Only the engine's error code is kept: PostgreSQL's error for a failed
    /// `COPY` quotes the failing row (a tenant's name, phone, e-mail), and errors are logged.
    #[error("writing {table} failed (database error {code})")]
    PersonalWrite {
        /// The table.
        table: &'static str,
        /// The engine's error code (SQLSTATE, or SQLite's number).
        code: String,
    },
    /// Any other database error.
    #[error(transparent)]
    Database(sqlx::Error),
}

impl StoreError {
    /// This error without the rows it may quote (see [`StoreError::PersonalWrite`]).
    pub(crate) fn without_values(self, table: &'static str) -> Self {
        match self {
            StoreError::Database(sqlx::Error::Database(db)) => {
                StoreError::PersonalWrite { table, code: db.code().map(|c| c.into_owned()).unwrap_or_default() }
            }
            other => other,
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate,
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if is_busy(db.as_ref()) => StoreError::Busy,
            // Every connection is taken, by writers waiting for the lock most likely: the same answer, try again.
            sqlx::Error::PoolTimedOut => StoreError::Busy,
            sqlx::Error::Io(_) => StoreError::ConnectionLost,
            sqlx::Error::Database(db) if connection_ended(db.as_ref()) => StoreError::ConnectionLost,
            _ => StoreError::Database(error),
        }
    }
}

/// Whether PostgreSQL ended the connection: `admin_shutdown`, `crash_shutdown`, `cannot_connect_now` (class 57P) and
/// the connection exceptions (class 08).
fn connection_ended(error: &dyn sqlx::error::DatabaseError) -> bool {
    error.try_downcast_ref::<sqlx::postgres::PgDatabaseError>().is_some()
        && error.code().is_some_and(|code| code.starts_with("57P") || code.starts_with("08"))
}

/// Whether a database error code says the lock was not free within the wait: SQLite's `SQLITE_BUSY` and
/// `SQLITE_LOCKED` (with their extended codes, whose low byte is the primary one), PostgreSQL's `lock_not_available`
/// (a `lock_timeout` ran out).
fn is_busy(error: &dyn sqlx::error::DatabaseError) -> bool {
    let code = error.code();
    if error.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        code.and_then(|c| c.parse::<u32>().ok()).is_some_and(|n| matches!(n & 0xff, 5 | 6))
    } else {
        code.as_deref() == Some("55P03")
    }
}
