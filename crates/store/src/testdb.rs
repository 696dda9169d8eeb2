//! Fresh, isolated databases for tests: a temporary SQLite file, or a new PostgreSQL database that is dropped when
//! the handle goes out of scope. Used by the integration tests of every crate.

use crate::{Backend, Db, Result};

/// The store's query API, for tests that look into the database directly (counting rows, planting a fault). The
/// platform's own code outside the store has no such door: it reaches the data through the store's functions
/// (`tests/surface.rs` checks that no crate's `src/` uses this module).
pub mod sql {
    pub use crate::sql::{query, query_as, query_scalar, raw_sql, Row};
}
use std::path::PathBuf;

/// The PostgreSQL server used by tests: `VOLKSHUIS_TEST_PG`, or the local trust-auth server.
pub fn postgres_admin_url() -> String {
    std::env::var("VOLKSHUIS_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A file from the shared test data (`../shared/data/` beside the repository, or `VOLKSHUIS_SHARED_DATA`). When it is
/// missing, says so on stderr (the test is then a visible skip) and returns `None`.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let root = std::env::var("VOLKSHUIS_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let path = root.join(relative);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("SKIP: shared test data {} not found; this test checks nothing here", path.display());
        None
    }
}

/// A migrated database that exists for one test.
pub struct TestDb {
    /// The open pool.
    pub db: Db,
    /// The URL or path of the database (for starting a second process on it).
    pub target: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    /// A fresh database on the given backend, its schema up to date.
    pub async fn new(backend: Backend) -> Result<Self> {
        match backend {
            Backend::Sqlite => {
                let test = Self::empty(backend).await?;
                test.db.migrate().await?;
                Ok(test)
            }
            Backend::Postgres => Self::postgres_migrated().await,
        }
    }

    /// A fresh database with the schema as version `version` left it: for a test of what a later migration does to
    /// data written before it (then [`Db::migrate`]).
    pub async fn at_version(backend: Backend, version: i64) -> Result<Self> {
        let test = Self::empty(backend).await?;
        crate::migrate::run_up_to(&test.db, version).await?;
        Ok(test)
    }

    /// A fresh database without any schema (to restore a backup into, say).
    pub async fn empty(backend: Backend) -> Result<Self> {
        match backend {
            Backend::Sqlite => {
                let unique = format!("vh_test_{}", uuid::Uuid::new_v4().simple());
                let path = std::env::temp_dir().join(format!("{unique}.db"));
                let target = path.display().to_string();
                let db = Db::connect(&target).await?;
                Ok(Self { db, target, cleanup: Cleanup::File(path) })
            }
            Backend::Postgres => Self::postgres(None).await,
        }
    }

    /// A new PostgreSQL database: a copy of `template`, or else empty.
    async fn postgres(template: Option<&str>) -> Result<Self> {
        let unique = format!("vh_test_{}", uuid::Uuid::new_v4().simple());
        let admin_url = postgres_admin_url();
        let admin = Db::connect(&admin_url).await?;
        let create = match template {
            Some(template) => format!("CREATE DATABASE {unique} TEMPLATE {template}"),
            None => create_database(&unique),
        };
        crate::sql::raw_sql(&create, &admin).await?;
        admin.close().await;
        let target = database_url(&admin_url, &unique);
        let db = Db::connect(&target).await?;
        Ok(Self { db, target, cleanup: Cleanup::Postgres { admin_url, name: unique } })
    }

    /// A migrated PostgreSQL database, cloned from a template database migrated once for all tests of this schema
    /// (migrating every test's database took ~1.5 s of each test's ~1.7 s).
    async fn postgres_migrated() -> Result<Self> {
        let template = migrated_template().await?;
        Self::postgres(Some(&template)).await
    }
}

/// `CREATE DATABASE` with a Dutch linguistic collation as the database's default, as a Dutch production server would
/// have: whatever sorts or compares texts must give the same answer there as on SQLite.
fn create_database(name: &str) -> String {
    format!("CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'nl-NL' LOCALE 'C.UTF-8'")
}

/// The URL of database `name` on the server of `admin_url`.
fn database_url(admin_url: &str, name: &str) -> String {
    match admin_url.rfind('/') {
        Some(slash) => format!("{}/{name}", &admin_url[..slash]),
        None => format!("{admin_url}/{name}"),
    }
}

/// The name of the template database of this build's migrations, made when missing. Test processes run at once, so
/// it is made under an advisory lock, migrated under another name and renamed when complete: a test never clones a
/// template that is half made (or left half made by a process that was killed).
async fn migrated_template() -> Result<String> {
    let name = format!("vh_template_{}_{}", crate::SCHEMA_VERSION, crate::migrate::postgres_fingerprint());
    let admin_url = postgres_admin_url();
    let admin = Db::connect(&admin_url).await?;
    let mut conn = admin.acquire().await?;
    crate::sql::query("SELECT pg_advisory_lock(7304)").execute(conn.conn()).await?;
    let made = async {
        let exists: i64 = crate::sql::query_scalar("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
            .bind(&name)
            .fetch_one(conn.conn())
            .await?;
        if exists == 0 {
            let building = format!("{name}_building");
            crate::sql::raw_sql(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"), conn.conn()).await?;
            crate::sql::raw_sql(&create_database(&building), conn.conn()).await?;
            let template = Db::open(&database_url(&admin_url, &building)).await?;
            template.close().await;
            crate::sql::raw_sql(&format!("ALTER DATABASE {building} RENAME TO {name}"), conn.conn()).await?;
        }
        Ok::<_, crate::StoreError>(())
    }
    .await;
    crate::sql::query("SELECT pg_advisory_unlock(7304)").execute(conn.conn()).await?;
    drop(conn);
    admin.close().await;
    made?;
    Ok(name)
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                // Drop runs inside the test's runtime, which cannot be blocked on; a short-lived thread with its own
                // runtime drops the database (FORCE ends the pool's connections).
                let (admin_url, name) = (admin_url.clone(), name.clone());
                let handle = std::thread::spawn(move || {
                    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                        return;
                    };
                    runtime.block_on(async {
                        if let Ok(admin) = Db::connect(&admin_url).await {
                            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                            let _ = crate::sql::raw_sql(&sql, &admin).await;
                            admin.close().await;
                        }
                    });
                });
                let _ = handle.join();
            }
        }
    }
}

/// Runs each named async test function (taking `&Db`) on a fresh SQLite database and on a fresh PostgreSQL
/// database: `store_test_on_both_backends!(my_story, another_story);`
#[macro_export]
macro_rules! store_test_on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let t = $crate::testdb::TestDb::new($crate::Backend::Sqlite).await.expect("sqlite");
                super::$name(&t.db).await;
            }
            #[tokio::test]
            async fn postgres() {
                let t = $crate::testdb::TestDb::new($crate::Backend::Postgres).await.expect("postgres");
                super::$name(&t.db).await;
            }
        }
    )*};
}
