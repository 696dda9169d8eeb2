//! The `volkshuis` binary as a user runs it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use volkshuis_store::testdb::sql;
use volkshuis_store::testdb::TestDb;
use volkshuis_store::Backend;

fn volkshuis(database: &str, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_volkshuis"))
        .arg("--database")
        .arg(database)
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run volkshuis");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn unreachable_database_is_one_clear_line() {
    for target in ["postgres://vh:geheim@127.0.0.1:1/volkshuis", "/geen/map/volkshuis.db"] {
        let (ok, _, stderr) = volkshuis(target, &["migrate"]);
        assert!(!ok, "{target} must fail");
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one line for {target}: {stderr}");
        assert!(lines[0].starts_with("volkshuis: cannot open database"), "{stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("geheim"), "{stderr}");
    }
}

async fn accounts_from_the_shell(backend: Backend) {
    let t = TestDb::new(backend).await.expect("database");
    let db = t.target.clone();
    // The binary is synchronous from here; run it off the async threads.
    tokio::task::spawn_blocking(move || {
        let (ok, out, err) = volkshuis(
            &db,
            &["org", "add", "--code", "Woonstad", "--name", "Woonstad Rotterdam", "--kind", "corporation"],
        );
        assert!(ok, "{err}");
        assert!(out.contains("organisation woonstad (Woonstad Rotterdam) created"));
        let (ok, _, err) =
            volkshuis(&db, &["org", "add", "--code", "woonstad", "--name", "Dubbel", "--kind", "corporation"]);
        assert!(!ok && err.contains("already exists"), "{err}");
        let (ok, _, err) = volkshuis(&db, &["org", "add", "--code", "x y", "--name", "Fout", "--kind", "bank"]);
        assert!(!ok && err.contains("--code"), "{err}");

        // Gemeente codes (issue 19): the form is checked, an unknown code is named and changes nothing.
        let (ok, _, err) = volkshuis(
            &db,
            &["org", "add", "--code", "gm-deventer", "--name", "Gemeente Deventer", "--kind", "municipality"],
        );
        assert!(ok, "{err}");
        let (ok, _, err) = volkshuis(&db, &["org", "gemeenten", "gm-deventer", "--set", "GM0150,Deventer"]);
        assert!(!ok && err.contains("Deventer is not a gemeente code"), "{err}");
        let (ok, _, err) = volkshuis(&db, &["org", "gemeenten", "gm-deventer", "--set", "GM0150"]);
        assert!(!ok && err.contains("unknown gemeente code GM0150") && err.contains("nothing was changed"), "{err}");
        let (ok, out, err) = volkshuis(&db, &["org", "gemeenten", "gm-deventer"]);
        assert!(ok && out.trim().is_empty(), "{out}{err}");

        let (ok, out, err) = volkshuis(
            &db,
            &[
                "user",
                "add",
                "--email",
                "An@Woonstad.nl",
                "--name",
                "An de Wit",
                "--org",
                "woonstad",
                "--role",
                "admin",
            ],
        );
        assert!(ok, "{err}");
        let password = out.lines().find_map(|l| l.strip_prefix("password (shown once): ")).expect("generated password");
        assert!(password.len() >= 40);
        let (ok, _, err) =
            volkshuis(&db, &["user", "add", "--email", "bo@woonstad.nl", "--name", "Bo", "--password", "kort"]);
        assert!(!ok && err.contains("--password"), "{err}");
        let (ok, _, err) = volkshuis(
            &db,
            &[
                "user",
                "add",
                "--email",
                "bo@woonstad.nl",
                "--name",
                "Bo",
                "--password",
                "lang genoeg wachtwoord",
                "--platform-admin",
            ],
        );
        assert!(ok, "{err}");
        let (ok, out, err) =
            volkshuis(&db, &["user", "grant", "--email", "bo@woonstad.nl", "--org", "woonstad", "--role", "read_only"]);
        assert!(ok && out.contains("bo@woonstad.nl is now read_only of woonstad"), "{err}");
        let (ok, out, _) = volkshuis(&db, &["user", "list"]);
        assert!(ok);
        assert!(out.contains("an@woonstad.nl") && out.contains("woonstad:admin"), "{out}");
        assert!(out.contains("[platform admin] woonstad:read_only"), "{out}");
    })
    .await
    .expect("cli run");
}

#[tokio::test]
async fn accounts_from_the_shell_sqlite() {
    accounts_from_the_shell(Backend::Sqlite).await;
}

#[tokio::test]
async fn accounts_from_the_shell_postgres() {
    accounts_from_the_shell(Backend::Postgres).await;
}

/// Starts `volkshuis demo` on a new SQLite file in `dir` (with `shared_data` as `VOLKSHUIS_SHARED_DATA` when given)
/// and reads its start-up output up to "Stoppen"; returns the process, the printed lines and the address.
fn start_demo(dir: &std::path::Path, shared_data: Option<&str>) -> (std::process::Child, Vec<String>, String) {
    std::fs::create_dir_all(dir).expect("dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_volkshuis"));
    command.args(["demo", "--bind", "127.0.0.1:0", "--database"]).arg(dir.join("demo.db"));
    if let Some(shared) = shared_data {
        command.env("VOLKSHUIS_SHARED_DATA", shared);
    }
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("start demo");
    let stdout = child.stdout.take().expect("stdout");
    let mut printed = Vec::new();
    let mut address = None;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(url) = line.strip_prefix("Volkshuis draait op http://") {
            address = Some(url.to_owned());
        }
        let done = line.starts_with("Stoppen");
        printed.push(line);
        if done {
            break;
        }
    }
    let address = address.unwrap_or_else(|| panic!("no address printed: {printed:?}"));
    (child, printed, address)
}

/// The README's first command (here the debug build): starts on a new SQLite file with the demo data, prints the
/// address, log-ins and whether it loaded the VERA names, and serves the Dutch login page.
#[test]
fn demo_starts_and_serves_the_login_page() {
    let dir = std::env::temp_dir().join(format!("vh-demo-{}", std::process::id()));
    let (mut child, printed, address) = start_demo(&dir, None);
    assert!(printed.iter().any(|l| l.contains("beheer@volkshuis.test")), "{printed:?}");
    assert!(printed.iter().any(|l| l.contains("wachtwoord: volkshuis-demo")));
    let vera = printed.iter().find(|l| l.contains("VERA-codelijst")).unwrap_or_else(|| panic!("{printed:?}"));
    if volkshuis_store::testdb::shared_data("vera/Referentiedata.csv").is_some() {
        assert!(vera.starts_with("VERA-codelijst geladen: "), "{vera}");
    } else {
        assert!(vera.starts_with("Let op: VERA-codelijst niet gevonden"), "{vera}");
    }
    let mut stream = TcpStream::connect(&address).expect("connect");
    write!(stream, "GET /login HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").expect("request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("response");
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("<html lang=\"nl\">") && answer.contains("Inloggen"));
}

/// Without the VERA code list the demo still starts, and its output says what is missing and how to load it.
#[test]
fn demo_without_the_vera_list_says_so() {
    let dir = std::env::temp_dir().join(format!("vh-demo-novera-{}", std::process::id()));
    let (mut child, printed, _) = start_demo(&dir, Some("/geen/gedeelde/data"));
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    let note = printed.iter().find(|l| l.contains("VERA-codelijst")).unwrap_or_else(|| panic!("{printed:?}"));
    assert!(note.starts_with("Let op: VERA-codelijst niet gevonden (/geen/gedeelde/data/vera/Referentiedata.csv)"));
    assert!(note.contains("volkshuis import referentiedata"), "{note}");
}

async fn import_from_the_shell(backend: Backend) {
    let t = TestDb::new(backend).await.expect("database");
    let db = t.target.clone();
    let dir = std::env::temp_dir().join(format!("vh-import-{}", uuid_like()));
    std::fs::create_dir_all(&dir).expect("dir");
    tokio::task::spawn_blocking(move || {
        let (ok, _, err) =
            volkshuis(&db, &["org", "add", "--code", "woonstad", "--name", "Woonstad", "--kind", "corporation"]);
        assert!(ok, "{err}");
        let bad = dir.join("bad.csv");
        std::fs::write(
            &bad,
            "idExtern;straatnaam;huisnummer;postcode;woonplaats\nA;Laan;1;1234AB;Stad\nB;Laan;2;12345;Stad\n",
        )
        .expect("write");
        let report = dir.join("fouten.csv");
        let report_arg = report.display().to_string();
        let (ok, _, err) = volkshuis(
            &db,
            &["import", "units", &bad.display().to_string(), "--corporation", "woonstad", "--report", &report_arg],
        );
        assert!(!ok);
        assert!(err.contains("regel 3, kolom postcode: is geen geldige postcode"), "{err}");
        assert!(err.contains("er is niets opgeslagen"), "{err}");
        let written = std::fs::read_to_string(&report).expect("report");
        assert_eq!(written.lines().nth(1), Some("3;postcode;12345;is geen geldige postcode (verwacht 1234AB)"));

        let good = dir.join("good.csv");
        let (ok, _, err) = volkshuis(
            &db,
            &["generate", "units", "--count", "120", "--seed", "3", "--out", &good.display().to_string()],
        );
        assert!(ok, "{err}");
        let good_arg = good.display().to_string();
        let (ok, out, err) = volkshuis(&db, &["import", "units", &good_arg, "--corporation", "woonstad", "--dry-run"]);
        assert!(ok && out.contains("controle zonder fouten: 120 eenheden (120 nieuw"), "{out}{err}");
        let (ok, out, err) = volkshuis(&db, &["import", "units", &good_arg, "--corporation", "woonstad"]);
        assert!(ok && out.contains("120 eenheden (120 nieuw, 0 gewijzigd, 0 ongewijzigd)"), "{out}{err}");
        let (ok, out, _) = volkshuis(&db, &["import", "units", &good_arg, "--corporation", "woonstad"]);
        assert!(ok && out.contains("(0 nieuw, 0 gewijzigd, 120 ongewijzigd)"), "{out}");
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await
    .expect("cli run");
}

fn uuid_like() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
    )
}

#[tokio::test]
async fn import_from_the_shell_sqlite() {
    import_from_the_shell(Backend::Sqlite).await;
}

#[tokio::test]
async fn import_from_the_shell_postgres() {
    import_from_the_shell(Backend::Postgres).await;
}

/// Kills the import process half-way (SIGKILL, no chance to clean up) and checks that the database holds nothing
/// of it; a following import works normally. The file is big enough for a bulk load (ADR 0011), so the kill comes
/// while the secondary indexes of `units` are dropped inside the transaction: they must still be there afterwards.
async fn killed_import_leaves_nothing(backend: Backend) {
    let t = TestDb::new(backend).await.expect("database");
    let target = t.target.clone();
    let dir = std::env::temp_dir().join(format!("vh-kill-{}", uuid_like()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("stock.csv");
    let file_arg = file.display().to_string();
    let setup_target = target.clone();
    let setup_file = file_arg.clone();
    tokio::task::spawn_blocking(move || {
        let (ok, _, err) = volkshuis(
            &setup_target,
            &["org", "add", "--code", "woonstad", "--name", "Woonstad", "--kind", "corporation"],
        );
        assert!(ok, "{err}");
        let (ok, _, err) =
            volkshuis(&setup_target, &["generate", "units", "--count", "80000", "--seed", "9", "--out", &setup_file]);
        assert!(ok, "{err}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_volkshuis"))
            .args(["--database", &setup_target, "import", "units", &setup_file, "--corporation", "woonstad"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start import");
        let stderr = child.stderr.take().expect("stderr");
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.starts_with("60000 regels gelezen") {
                break;
            }
        }
        child.kill().expect("kill");
        let status = child.wait().expect("wait");
        assert!(!status.success(), "the import was killed before it finished");
    })
    .await
    .expect("run");
    let units: i64 = sql::query_scalar("SELECT COUNT(*) FROM units").fetch_one(&t.db).await.expect("count");
    let clusters: i64 = sql::query_scalar("SELECT COUNT(*) FROM clusters").fetch_one(&t.db).await.expect("count");
    assert_eq!((units, clusters), (0, 0), "nothing of the killed import remains");
    let index_sql = match backend {
        Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'units_list'",
        Backend::Postgres => "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'units' AND indexname = 'units_list'",
    };
    let indexes: i64 = sql::query_scalar(index_sql).fetch_one(&t.db).await.expect("indexes");
    assert_eq!(indexes, 1, "the indexes dropped for the bulk load are back with the rollback");
    let small = dir.join("small.csv");
    let small_arg = small.display().to_string();
    tokio::task::spawn_blocking(move || {
        let (ok, _, _) =
            volkshuis(&target, &["generate", "units", "--count", "50", "--seed", "9", "--out", &small_arg]);
        assert!(ok);
        let (ok, out, err) = volkshuis(&target, &["import", "units", &small_arg, "--corporation", "woonstad"]);
        assert!(ok && out.contains("50 nieuw"), "{out}{err}");
    })
    .await
    .expect("run");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn killed_import_leaves_nothing_sqlite() {
    killed_import_leaves_nothing(Backend::Sqlite).await;
}

#[tokio::test]
async fn killed_import_leaves_nothing_postgres() {
    killed_import_leaves_nothing(Backend::Postgres).await;
}

/// A backup from the shell opens (SQLite) or restores (PostgreSQL, with pg_restore) to the same data; an existing
/// file is never overwritten, and a backup that fails leaves no file.
async fn backup_from_the_shell(backend: Backend) {
    let t = TestDb::new(backend).await.expect("database");
    // pg_restore wants a database without a schema.
    let restored = TestDb::empty(backend).await.expect("empty database");
    let dir = std::env::temp_dir().join(format!("vh-backup-{}", uuid_like()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join(if backend == Backend::Sqlite { "kopie.db" } else { "kopie.dump" });
    let (db, file_arg) = (t.target.clone(), file.display().to_string());
    let missing_dir = dir.join("bestaat-niet").join("kopie.db");
    let no_database = dir.join("geen.db");
    let restore_into = restored.target.clone();
    tokio::task::spawn_blocking(move || {
        let (ok, _, err) =
            volkshuis(&db, &["org", "add", "--code", "woonstad", "--name", "Woonstad", "--kind", "corporation"]);
        assert!(ok, "{err}");
        let (ok, out, err) = volkshuis(&db, &["backup", &file_arg]);
        assert!(ok && out.contains("reservekopie geschreven naar"), "{out}{err}");
        let first = std::fs::read(&file_arg).expect("backup file");

        let (ok, _, err) = volkshuis(&db, &["backup", &file_arg]);
        assert!(!ok && err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&file_arg).expect("backup file"), first, "an existing file is left as it was");

        if backend == Backend::Sqlite {
            let missing_arg = missing_dir.display().to_string();
            let (ok, _, err) = volkshuis(&db, &["backup", &missing_arg]);
            assert!(!ok && err.lines().count() == 1, "one line: {err}");
            assert!(!missing_dir.exists());
            let nowhere = no_database.display().to_string();
            let (ok, _, err) = volkshuis(&nowhere, &["backup", &missing_arg]);
            assert!(!ok && err.contains("there is no database at"), "{err}");
            assert!(!std::path::Path::new(&nowhere).exists(), "a mistyped database is not created");
        } else {
            let restore = std::process::Command::new("pg_restore")
                .args(["--no-owner", "--dbname", &restore_into, &file_arg])
                .output()
                .expect("run pg_restore");
            assert!(restore.status.success(), "{}", String::from_utf8_lossy(&restore.stderr));
        }
    })
    .await
    .expect("cli run");
    let copy = match backend {
        Backend::Sqlite => volkshuis_store::Db::connect(&file.display().to_string()).await.expect("open the copy"),
        Backend::Postgres => restored.db.clone(),
    };
    let orgs: Vec<String> = sql::query_scalar("SELECT code FROM organisations").fetch_all(&copy).await.expect("orgs");
    assert_eq!(orgs, ["woonstad"]);
    let version: i64 =
        sql::query_scalar("SELECT MAX(version) FROM schema_migrations").fetch_one(&copy).await.expect("schema version");
    assert_eq!(version, volkshuis_store::SCHEMA_VERSION);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn backup_from_the_shell_sqlite() {
    backup_from_the_shell(Backend::Sqlite).await;
}

#[tokio::test]
async fn backup_from_the_shell_postgres() {
    backup_from_the_shell(Backend::Postgres).await;
}

/// A backup that overlaps the end of a bulk load of the stock (its indexes dropped and built again inside its
/// transaction, ADR 0011) succeeds and restores. Here a transaction does what a bulk load does to `units` while the
/// backup starts. Before, `pg_dump` read the catalogue, waited for its lock on `units`, and when the load committed
/// found the index it had seen gone: "cache lookup failed for index".
#[tokio::test]
async fn backup_beside_the_end_of_a_bulk_load_postgres() {
    let t = TestDb::new(Backend::Postgres).await.expect("database");
    let restored = TestDb::empty(Backend::Postgres).await.expect("empty database");
    let dir = std::env::temp_dir().join(format!("vh-backup-load-{}", uuid_like()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("kopie.dump").display().to_string();
    let mut load = t.db.begin().await.expect("a load's transaction");
    sql::raw_sql("DROP INDEX units_list", &mut load).await.expect("the load drops an index");
    let (target, backup_file) = (t.target.clone(), file.clone());
    let backup = tokio::task::spawn_blocking(move || volkshuis(&target, &["backup", &backup_file]));
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let index = "CREATE INDEX units_list ON units(corporation_id, in_use, woonplaats, straatnaam, huisnummer, id)";
    sql::raw_sql(index, &mut load).await.expect("and builds it again");
    load.commit().await.expect("the load commits");
    let (ok, out, err) = backup.await.expect("backup ran");
    assert!(ok && out.contains("reservekopie geschreven naar"), "{out}{err}");
    let restore = Command::new("pg_restore")
        .args(["--no-owner", "--dbname", &restored.target, &file])
        .output()
        .expect("run pg_restore");
    assert!(restore.status.success(), "{}", String::from_utf8_lossy(&restore.stderr));
    let indexes: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'units' AND indexname = 'units_list'")
            .fetch_one(&restored.db)
            .await
            .expect("indexes");
    assert_eq!(indexes, 1, "the restored database has the index");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The stock as a digest of what an import changes: every unit's id, fingerprint and use, every complex, the kept
/// total. Equal digests, equal stock.
async fn stock_state(db: &volkshuis_store::Db) -> Vec<String> {
    // One snapshot for the three reads: a killed import's server process can still be committing what its client
    // sent before the kill, and three statements on their own could see the units before that commit and the totals
    // after it.
    let mut tx = db.begin().await.expect("begin");
    if db.backend() == Backend::Postgres {
        sql::raw_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", &mut tx).await.expect("snapshot");
    }
    let mut state: Vec<String> = sql::query_scalar(
        "SELECT 'u:' || id_extern || ':' || fingerprint || ':' || CAST(in_use AS TEXT) FROM units ORDER BY id_extern",
    )
    .fetch_all(&mut tx)
    .await
    .expect("units");
    let clusters: Vec<String> = sql::query_scalar(
        "SELECT 'c:' || code || ':' || COALESCE(naam, '') || ':' || COALESCE(soort, '') FROM clusters ORDER BY code",
    )
    .fetch_all(&mut tx)
    .await
    .expect("clusters");
    let totals: Vec<String> =
        sql::query_scalar("SELECT 't:' || CAST(units_in_use AS TEXT) FROM stock_totals ORDER BY corporation_id")
            .fetch_all(&mut tx)
            .await
            .expect("totals");
    tx.rollback().await.expect("end of the reads");
    state.extend(clusters);
    state.extend(totals);
    state
}

/// Kill -9 at random moments (seeded, so a failure can be run again) in a re-import that changes and adds units:
/// afterwards the stock is always exactly as before the import or exactly as after it, never half of it.
async fn killed_imports_leave_the_stock_before_or_after(backend: Backend, seed: u64) {
    let t = TestDb::new(backend).await.expect("database");
    let dir = std::env::temp_dir().join(format!("vh-kills-{}", uuid_like()));
    std::fs::create_dir_all(&dir).expect("dir");
    let (first, second) = (dir.join("a.csv").display().to_string(), dir.join("b.csv").display().to_string());
    let target = t.target.clone();
    let (first_arg, second_arg) = (first.clone(), second.clone());
    // The first file is the stock before; the second changes every unit of it and adds 2,000.
    let took = tokio::task::spawn_blocking(move || {
        let (ok, _, err) =
            volkshuis(&target, &["org", "add", "--code", "woonstad", "--name", "Woonstad", "--kind", "corporation"]);
        assert!(ok, "{err}");
        for (count, seed, out) in [("10000", "1", &first_arg), ("12000", "2", &second_arg)] {
            let (ok, _, err) =
                volkshuis(&target, &["generate", "units", "--count", count, "--seed", seed, "--out", out]);
            assert!(ok, "{err}");
        }
        let started = std::time::Instant::now();
        let (ok, _, err) = volkshuis(&target, &["import", "units", &first_arg, "--corporation", "woonstad"]);
        assert!(ok, "{err}");
        started.elapsed()
    })
    .await
    .expect("setup");
    let before = stock_state(&t.db).await;
    let mut random = seed;
    let mut seen = Vec::new();
    for _ in 0..4 {
        // xorshift: a few kill moments spread over the length of an import, from its start to just after its end.
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        let delay = took.mul_f64((random % 1_000) as f64 / 1_000.0 * 1.2);
        let (target, second) = (t.target.clone(), second.clone());
        tokio::task::spawn_blocking(move || {
            let mut child = Command::new(env!("CARGO_BIN_EXE_volkshuis"))
                .args([
                    "--database",
                    &target,
                    "import",
                    "units",
                    &second,
                    "--corporation",
                    "woonstad",
                    "--mark-missing",
                ])
                .env_remove("DATABASE_URL")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start import");
            std::thread::sleep(delay);
            let _ = child.kill();
            let _ = child.wait();
        })
        .await
        .expect("killed import");
        seen.push((delay, stock_state(&t.db).await));
    }
    let (target, second_arg) = (t.target.clone(), second.clone());
    tokio::task::spawn_blocking(move || {
        let (ok, _, err) =
            volkshuis(&target, &["import", "units", &second_arg, "--corporation", "woonstad", "--mark-missing"]);
        assert!(ok, "{err}");
    })
    .await
    .expect("the import to the end");
    let after = stock_state(&t.db).await;
    assert_ne!(before, after, "the second file changes the stock");
    for (delay, state) in seen {
        assert!(state == before || state == after, "killed after {delay:?} (seed {seed}): neither before nor after");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn killed_imports_leave_the_stock_before_or_after_sqlite() {
    killed_imports_leave_the_stock_before_or_after(Backend::Sqlite, 0x5eed_0001).await;
}

#[tokio::test]
async fn killed_imports_leave_the_stock_before_or_after_postgres() {
    killed_imports_leave_the_stock_before_or_after(Backend::Postgres, 0x5eed_0002).await;
}
