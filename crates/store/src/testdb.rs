//! Fresh, isolated databases for tests: a temporary SQLite file, or a new PostgreSQL database that is dropped when
//! the handle goes out of scope. Used by the integration tests of every crate.

use crate::{Backend, Db, Result};
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
        let test = Self::empty(backend).await?;
        test.db.migrate().await?;
        Ok(test)
    }

    /// A fresh database without any schema (to restore a backup into, say).
    pub async fn empty(backend: Backend) -> Result<Self> {
        let unique = format!("vh_test_{}", uuid::Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{unique}.db"));
                let target = path.display().to_string();
                let db = Db::connect(&target).await?;
                Ok(Self { db, target, cleanup: Cleanup::File(path) })
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let admin = Db::connect(&admin_url).await?;
                // A Dutch linguistic collation as the database's default, as a Dutch production server would have:
                // whatever sorts or compares texts must give the same answer there as on SQLite.
                let create = format!(
                    "CREATE DATABASE {unique} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'nl-NL' LOCALE 'C.UTF-8'"
                );
                crate::sql::raw_sql(&create, &admin).await?;
                admin.close().await;
                let target = match admin_url.rfind('/') {
                    Some(slash) => format!("{}/{unique}", &admin_url[..slash]),
                    None => format!("{admin_url}/{unique}"),
                };
                let db = Db::connect(&target).await?;
                Ok(Self { db, target, cleanup: Cleanup::Postgres { admin_url, name: unique } })
            }
        }
    }
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
