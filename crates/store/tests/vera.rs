//! The official VERA reference data, read and stored on SQLite and on PostgreSQL.

use std::fs::File;
use std::io::BufReader;
use time::macros::datetime;
use volkshuis_domain::vera;
use volkshuis_store::audit::Actor;
use volkshuis_store::testdb::sql;
use volkshuis_store::testdb::{shared_data, TestDb};
use volkshuis_store::Backend;

async fn real_file_is_stored(backend: Backend) {
    let Some(path) = shared_data("vera/Referentiedata.csv") else { return };
    let (codes, warnings) = vera::parse(BufReader::new(File::open(path).expect("open"))).expect("parse");
    assert!(codes.len() > 2400, "{} codes", codes.len());
    let malformed: Vec<&str> = warnings.iter().map(|w| w.value.as_str()).collect();
    for value in ["14-02-205", "22-11-24", "31-01-2025."] {
        assert!(malformed.contains(&value), "{value} reported: {malformed:?}");
    }
    let t = TestDb::new(backend).await.expect("db");
    let actor = Actor::system("test", datetime!(2026-11-25 10:00 UTC));
    assert_eq!(volkshuis_store::vera::replace_all(&t.db, &actor, &codes).await.expect("store"), codes.len());
    assert_eq!(volkshuis_store::vera::replace_all(&t.db, &actor, &codes).await.expect("again"), codes.len());
    let stored: i64 = sql::query_scalar("SELECT COUNT(*) FROM vera_codes").fetch_one(&t.db).await.expect("n");
    assert_eq!(stored as usize, codes.len(), "a second import replaces, not adds");
    let soorten = volkshuis_store::vera::names(&t.db, "EENHEIDSOORT").await.expect("names");
    assert_eq!(soorten.get("WOO").map(String::as_str), Some("Woonruimte"));
    let status = volkshuis_store::vera::names(&t.db, "EENHEIDSTATUS").await.expect("names");
    assert_eq!(status.get("VEH").map(String::as_str), Some("Verhuurd"));
    let duplicated = codes.iter().filter(|c| c.soort == "EENHEIDSTATUS" && c.code == "OND").count();
    assert!(duplicated >= 1);
}

#[tokio::test]
async fn real_file_is_stored_sqlite() {
    real_file_is_stored(Backend::Sqlite).await;
}

#[tokio::test]
async fn real_file_is_stored_postgres() {
    real_file_is_stored(Backend::Postgres).await;
}
