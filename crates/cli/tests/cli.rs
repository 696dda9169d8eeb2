//! The `volkshuis` binary as a user runs it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
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
    for target in [
        "postgres://vh:geheim@127.0.0.1:1/volkshuis",
        "/geen/map/volkshuis.db",
    ] {
        let (ok, _, stderr) = volkshuis(target, &["migrate"]);
        assert!(!ok, "{target} must fail");
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one line for {target}: {stderr}");
        assert!(
            lines[0].starts_with("volkshuis: cannot open database"),
            "{stderr}"
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("geheim"),
            "{stderr}"
        );
    }
}

async fn accounts_from_the_shell(backend: Backend) {
    let t = TestDb::new(backend).await.expect("database");
    let db = t.target.clone();
    // The binary is synchronous from here; run it off the async threads.
    tokio::task::spawn_blocking(move || {
        let (ok, out, err) = volkshuis(
            &db,
            &[
                "org",
                "add",
                "--code",
                "Woonstad",
                "--name",
                "Woonstad Rotterdam",
                "--kind",
                "corporation",
            ],
        );
        assert!(ok, "{err}");
        assert!(out.contains("organisation woonstad (Woonstad Rotterdam) created"));
        let (ok, _, err) = volkshuis(
            &db,
            &[
                "org",
                "add",
                "--code",
                "woonstad",
                "--name",
                "Dubbel",
                "--kind",
                "corporation",
            ],
        );
        assert!(!ok && err.contains("already exists"), "{err}");
        let (ok, _, err) = volkshuis(
            &db,
            &[
                "org", "add", "--code", "x y", "--name", "Fout", "--kind", "bank",
            ],
        );
        assert!(!ok && err.contains("--code"), "{err}");

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
        let password = out
            .lines()
            .find_map(|l| l.strip_prefix("password (shown once): "))
            .expect("generated password");
        assert!(password.len() >= 40);
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
                "kort",
            ],
        );
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
        let (ok, out, err) = volkshuis(
            &db,
            &[
                "user",
                "grant",
                "--email",
                "bo@woonstad.nl",
                "--org",
                "woonstad",
                "--role",
                "read_only",
            ],
        );
        assert!(
            ok && out.contains("bo@woonstad.nl is now read_only of woonstad"),
            "{err}"
        );
        let (ok, out, _) = volkshuis(&db, &["user", "list"]);
        assert!(ok);
        assert!(
            out.contains("an@woonstad.nl") && out.contains("woonstad:admin"),
            "{out}"
        );
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

/// The README's first command (here the debug build): starts on a new SQLite file with the demo data, prints the
/// address and log-ins, and serves the Dutch login page.
#[test]
fn demo_starts_and_serves_the_login_page() {
    let dir = std::env::temp_dir().join(format!("vh-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let database = dir.join("demo.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_volkshuis"))
        .args(["demo", "--bind", "127.0.0.1:0", "--database"])
        .arg(&database)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start demo");
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
    assert!(
        printed.iter().any(|l| l.contains("beheer@volkshuis.test")),
        "{printed:?}"
    );
    assert!(printed
        .iter()
        .any(|l| l.contains("wachtwoord: volkshuis-demo")));
    let mut stream = TcpStream::connect(&address).expect("connect");
    write!(
        stream,
        "GET /login HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("response");
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("<html lang=\"nl\">") && answer.contains("Inloggen"));
}
