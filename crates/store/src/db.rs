//! Opening the database: SQLite for a path or `sqlite:` URL, PostgreSQL for a `postgres://` URL.

use crate::place::KeptPlaces;
use crate::search::KeptModules;
use crate::sql::{OwnedConn, PooledConn, Target, Tx};
use crate::stock::PageCache;
use crate::{migrate, Result, StoreError};
use sqlx::pool::PoolOptions;
use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, PgPool, SqlitePool};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Which database engine is behind a [`Db`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite in WAL mode.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// The `n`th (1-based) bind parameter for statements with very many parameters that each appear once, in order.
    ///
    /// Everywhere else queries use `$n`, which both engines accept. But SQLite resolves a named parameter with a
    /// linear search, which makes a 5,000-parameter bulk insert quadratic; its anonymous `?` costs nothing.
    pub fn placeholder(self, n: usize) -> String {
        match self {
            Backend::Sqlite => "?".to_owned(),
            Backend::Postgres => format!("${n}"),
        }
    }
}

/// A connection pool to the Volkshuis database.
#[derive(Debug, Clone)]
pub struct Db {
    pool: Pool,
    /// Pages of the stock kept for this handle (and its clones) until the stock changes.
    pages: Arc<PageCache>,
    /// The search's module rows kept for this handle (and its clones) until one of them changes.
    modules: Arc<KeptModules>,
    /// The module blocks of place pages kept for this handle (and its clones) until something they show changes.
    places: Arc<KeptPlaces>,
}

/// The engine's own pool.
#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    /// Opens the database named by `target`: a `postgres://` or `postgresql://` URL, a `sqlite:` URL, or a file
    /// path (created when missing). Does not migrate; see [`Db::open`].
    pub async fn connect(target: &str) -> Result<Self> {
        let (url, backend) = Self::url_for(target);
        let connect_error = |e: sqlx::Error| StoreError::Connect { target: redact(target), reason: e.to_string() };
        // sqlx pings a connection both when it goes back to the pool and when it is taken out again: two round trips
        // more for every query. The ping on the way back stays (it also clears a half-read result after a dropped
        // request); the one on the way out is dropped, so a connection that died while idle fails one query and is
        // then replaced. Idle connections are closed after five minutes, well within the server's own timeouts.
        let pool = match backend {
            // One writer at a time is SQLite's nature; a small pool avoids piling up on its lock. The write-ahead log
            // is cut back to 64 MB once it has been written into the database: a national import grows it to the
            // size of the database (~950 MB), which it otherwise keeps on disk for good. The database is read
            // through a memory map (up to SQLite's own maximum, 2 GB) instead of a system call and a copy for every
            // page its 2 MB cache lacks: 2,712-2,787 -> 2,907-3,154 complex pages/s on the national stock (ADR 0053).
            Backend::Sqlite => {
                let options = SqliteConnectOptions::from_str(&url)
                    .map_err(connect_error)?
                    .journal_mode(SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT)
                    .synchronous(SqliteSynchronous::Normal)
                    .pragma("journal_size_limit", "67108864")
                    .pragma("mmap_size", "2147418112");
                let pool = pool_options(4).connect_with(logged(options)).await.map_err(connect_error)?;
                Pool::Sqlite(pool)
            }
            Backend::Postgres => {
                let options = PgConnectOptions::from_str(&url).map_err(connect_error)?;
                // A connection idle for a second or more is pinged before it is handed out: one the server ended
                // while it was idle (a restart, its administrator) is then replaced instead of failing a user's
                // request. A connection handed back and taken again within the second — the pool under load — keeps
                // its round trip less. (SQLite has no server to end a connection.)
                let pool = pool_options(postgres_connections())
                    .before_acquire(|conn, meta| {
                        Box::pin(async move {
                            if meta.idle_for >= IDLE_BEFORE_PING {
                                sqlx::Connection::ping(conn).await?;
                            }
                            Ok(true)
                        })
                    })
                    .connect_with(logged(options))
                    .await
                    .map_err(connect_error)?;
                Pool::Postgres(pool)
            }
        };
        Ok(Self { pool, pages: Arc::new(PageCache::new()), modules: Arc::default(), places: Arc::default() })
    }

    /// Opens the database and brings its schema up to date.
    pub async fn open(target: &str) -> Result<Self> {
        let db = Self::connect(target).await?;
        db.ensure_writable(target).await?;
        db.migrate().await?;
        db.drop_sqlite_samples().await?;
        Ok(db)
    }

    /// Refuses a database the platform cannot write: a SQLite file (or its folder) that is read-only for this user,
    /// a PostgreSQL server or user in read-only mode. Such a platform started, answered `/healthz` with "ok" and failed
    /// every log-in with a 500; now it does not start, and says why.
    async fn ensure_writable(&self, target: &str) -> Result<()> {
        let read_only = |reason: String| StoreError::ReadOnly { target: redact(target), reason };
        match self.backend() {
            Backend::Sqlite => {
                // Without waiting: a long import in another process holds the write lock, which says the file is
                // written (and `serve` must start beside it). Else a schema change is a write SQLite must journal;
                // rolled back, it leaves nothing behind.
                let mut pooled = self.acquire_without_waiting().await?;
                let mut conn = pooled.conn();
                match crate::sql::query("BEGIN IMMEDIATE").execute(&mut conn).await.map_err(StoreError::from) {
                    Err(StoreError::Busy) => return Ok(()),
                    begun => begun.map_err(|e| read_only(e.to_string()))?,
                };
                let tried =
                    crate::sql::query("CREATE TABLE volkshuis_write_check (x INTEGER)").execute(&mut conn).await;
                crate::sql::query("ROLLBACK").execute(&mut conn).await?;
                tried.map_err(|e| read_only(e.to_string()))?;
            }
            Backend::Postgres => {
                let mode: String =
                    crate::sql::query_scalar("SELECT current_setting('transaction_read_only')").fetch_one(self).await?;
                if mode == "on" {
                    return Err(read_only("transaction_read_only is on".to_owned()));
                }
            }
        }
        Ok(())
    }

    /// Drops the STAT4 samples an earlier `ANALYZE` left in a SQLite database (see [`crate::sql::sqlite_analyze`]:
    /// with them SQLite prepared statements anew for every new value bound).
    async fn drop_sqlite_samples(&self) -> Result<()> {
        if self.backend() != Backend::Sqlite {
            return Ok(());
        }
        let table: i64 = crate::sql::query_scalar(
            "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat4'",
        )
        .fetch_one(self)
        .await?;
        if table == 0 {
            return Ok(());
        }
        let samples: i64 = crate::sql::query_scalar("SELECT COUNT(*) FROM sqlite_stat4").fetch_one(self).await?;
        if samples > 0 {
            crate::sql::raw_sql("DELETE FROM sqlite_stat4; ANALYZE sqlite_schema", self).await?;
        }
        Ok(())
    }

    /// Applies every migration not yet applied; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize> {
        migrate::run(self).await
    }

    /// The engine behind this pool.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// The search's module rows kept for this handle.
    pub(crate) fn kept_modules(&self) -> &KeptModules {
        &self.modules
    }

    /// The stock pages kept for this handle.
    pub(crate) fn pages(&self) -> &PageCache {
        &self.pages
    }

    /// The module blocks of place pages kept for this handle.
    pub(crate) fn kept_places(&self) -> &KeptPlaces {
        &self.places
    }

    /// After a commit that raised a stock version: this handle's pages read the versions again at once.
    pub(crate) fn stock_changed(&self) {
        self.pages.forget_versions();
    }

    /// How often the search read its module rows since this handle was opened (once per change of `search_version`
    /// that a search saw; ADR 0054).
    pub fn search_module_reads(&self) -> u64 {
        self.modules.reads()
    }

    /// The memory the kept stock pages take now, in bytes (for the metrics).
    pub fn kept_stock_page_bytes(&self) -> u64 {
        self.pages.bytes()
    }

    /// How often a place's page read its module blocks from the database rather than finding them all kept (ADR 0056):
    /// whole, or only the sections whose number moved (ADR 0057).
    pub fn place_fact_reads(&self) -> u64 {
        self.places.reads()
    }

    /// How many sections of place pages' kept facts were read from the database (a place read whole counts each of
    /// them; a change to one module has the next page read only its section, ADR 0057).
    pub fn place_sections_read(&self) -> u64 {
        self.places.sections_read()
    }

    /// The memory the kept module blocks of place pages take now, in bytes (for the metrics and the benchmark).
    pub fn kept_place_bytes(&self) -> u64 {
        self.places.bytes()
    }

    /// The pool as a place to run a statement (see [`crate::sql::Exec`]).
    pub(crate) fn target(&self) -> Target<'_> {
        match &self.pool {
            Pool::Sqlite(pool) => Target::SqlitePool(pool),
            Pool::Postgres(pool) => Target::PostgresPool(pool),
        }
    }

    /// Starts a transaction.
    ///
    /// On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), waiting for it within the busy timeout. A
    /// deferred transaction that reads first and writes later cannot wait: when another writer committed in between,
    /// SQLite answers its first write with `SQLITE_BUSY_SNAPSHOT` at once, whatever the timeout (the crawl test met
    /// this as a 503 on opening an Overleg case while another page wrote).
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// A connection from the pool for a few statements that need no transaction but one connection.
    pub(crate) async fn acquire(&self) -> Result<PooledConn> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => PooledConn::Sqlite(pool.acquire().await?),
            Pool::Postgres(pool) => PooledConn::Postgres(pool.acquire().await?),
        })
    }

    /// A SQLite connection that waits for no lock (`busy_timeout` 0: a held write lock is `Busy` at once), closed
    /// when dropped so no later request gets it so. For a write that may be skipped or tells something by failing.
    pub(crate) async fn acquire_without_waiting(&self) -> Result<PooledConn> {
        let mut pooled = self.acquire().await?;
        pooled.close_on_drop();
        crate::sql::query("PRAGMA busy_timeout = 0").execute(pooled.conn()).await?;
        Ok(pooled)
    }

    /// A connection of its own, out of the pool for good (an import's, whose transaction spans tasks).
    pub(crate) async fn detached(&self) -> Result<OwnedConn> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => OwnedConn::Sqlite(pool.acquire().await?.detach()),
            Pool::Postgres(pool) => OwnedConn::Postgres(pool.acquire().await?.detach()),
        })
    }

    /// Checks that the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<()> {
        crate::sql::query("SELECT 1").execute(self).await?;
        Ok(())
    }

    /// Closes every connection (a clean shutdown checkpoints SQLite's WAL).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    fn url_for(target: &str) -> (String, Backend) {
        if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            (without_tls_on_loopback(target), Backend::Postgres)
        } else if target.starts_with("sqlite:") {
            let url = if target.contains('?') { target.to_owned() } else { format!("{target}?mode=rwc") };
            (url, Backend::Sqlite)
        } else {
            (format!("sqlite://{target}?mode=rwc"), Backend::Sqlite)
        }
    }
}

/// How long a SQLite statement waits for the one write lock before it gives up with `SQLITE_BUSY` (a 503 page).
pub(crate) const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a pooled connection may have been idle before it is pinged when it is taken (see [`pool_options`]).
const IDLE_BEFORE_PING: Duration = Duration::from_secs(1);

/// The pool settings both engines share (see the comment in [`Db::connect`]).
fn pool_options<DB: sqlx::Database>(max_connections: u32) -> PoolOptions<DB> {
    PoolOptions::new()
        .max_connections(max_connections)
        .test_before_acquire(false)
        .idle_timeout(Duration::from_secs(300))
        .acquire_timeout(Duration::from_secs(10))
}

/// Statements logged at trace level, slow ones (over half a second) as warnings.
fn logged<O: ConnectOptions>(options: O) -> O {
    options
        .log_statements(tracing::log::LevelFilter::Trace)
        .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500))
}

/// The pool's PostgreSQL connections: twice the cores, plus one (the usual rule for a database's active
/// connections). More connections than the machine can run at once only queue in its scheduler instead of the pool:
/// with 16 on two cores, random complex pages under 64 concurrent requests had a p99 of 36–42 ms; with 4–6, 25–27 ms at
/// the same throughput.
fn postgres_connections() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    u32::try_from(2 * cores + 1).unwrap_or(u32::MAX)
}

/// A PostgreSQL URL for a server on this machine's loopback address gets `sslmode=disable` unless it names a mode:
/// encryption there protects nothing (whoever can read loopback traffic is root on the machine) and cost a third of
/// a page's time (ADR 0012). Every other host keeps sqlx's default (`prefer`).
fn without_tls_on_loopback(url: &str) -> String {
    let Some((_, rest)) = url.split_once("://") else { return url.to_owned() };
    let (authority, query) = match rest.split_once('?') {
        Some((before, query)) => (before.split('/').next().unwrap_or(before), Some(query)),
        None => (rest.split('/').next().unwrap_or(rest), None),
    };
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host_port.split(':').next().unwrap_or(host_port),
    };
    let names_mode = query.is_some_and(|q| q.split('&').any(|pair| pair.starts_with("sslmode=")));
    if names_mode || !matches!(host, "127.0.0.1" | "localhost" | "::1") {
        return url.to_owned();
    }
    format!("{url}{}sslmode=disable", if query.is_some() { '&' } else { '?' })
}

/// Removes a password from a database URL before it is shown or logged.
pub fn redact(target: &str) -> String {
    match (target.find("://"), target.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &target[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => {
                    format!("{}{user}:***{}", &target[..scheme_end + 3], &target[at..])
                }
                None => target.to_owned(),
            }
        }
        _ => target.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://vh:geheim@db:5432/vh"), "postgres://vh:***@db:5432/vh");
        assert_eq!(redact("postgres://vh@db/vh"), "postgres://vh@db/vh");
        assert_eq!(redact("./volkshuis.db"), "./volkshuis.db");
    }

    #[test]
    fn targets_choose_the_backend() {
        assert_eq!(Db::url_for("postgres://x/y").1, Backend::Postgres);
        assert_eq!(Db::url_for("./volkshuis.db"), ("sqlite://./volkshuis.db?mode=rwc".into(), Backend::Sqlite));
        assert_eq!(Db::url_for("sqlite:a.db").0, "sqlite:a.db?mode=rwc");
    }

    #[test]
    fn loopback_servers_are_reached_without_tls_unless_asked() {
        let url = |target: &str| Db::url_for(target).0;
        assert_eq!(url("postgres://vh@127.0.0.1:5432/vh"), "postgres://vh@127.0.0.1:5432/vh?sslmode=disable");
        assert_eq!(
            url("postgresql://localhost/vh?application_name=x"),
            "postgresql://localhost/vh?application_name=x&sslmode=disable"
        );
        assert_eq!(url("postgres://vh:pw@[::1]:5432/vh"), "postgres://vh:pw@[::1]:5432/vh?sslmode=disable");
        assert_eq!(url("postgres://127.0.0.1/vh?sslmode=require"), "postgres://127.0.0.1/vh?sslmode=require");
        assert_eq!(url("postgres://db.example.nl/vh"), "postgres://db.example.nl/vh");
        assert_eq!(url("postgres://127.0.0.1.example.nl/vh"), "postgres://127.0.0.1.example.nl/vh");
    }
}
