//! `volkshuis backup FILE`: a backup taken while the platform keeps running.
//!
//! - SQLite: a consistent snapshot by `VACUUM INTO` (see `volkshuis_store::backup`). It is an ordinary database
//!   file: to restore, stop the platform and put it in place of the database file.
//! - PostgreSQL: `pg_dump` in its custom format, PostgreSQL's own consistent dump. Restore it with
//!   `pg_restore --dbname URL FILE` into an empty database.
//!
//! An existing file is never overwritten, and a failed backup leaves no file behind.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::Command;
use volkshuis_store::{backup, Backend, Db};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// The new file to write: for SQLite a database file, for PostgreSQL a pg_dump archive (custom format).
    file: PathBuf,
}

pub async fn run(target: &str, args: BackupArgs) -> anyhow::Result<()> {
    let file = args.file;
    if file.exists() {
        bail!("{} already exists; a backup never overwrites a file", file.display());
    }
    let is_url = target.starts_with("postgres://") || target.starts_with("postgresql://");
    if !is_url && !Path::new(target).exists() {
        // Opening it would create an empty database, and back that up.
        bail!("there is no database at {target}");
    }
    let db = Db::connect(target).await?;
    let backend = db.backend();
    let written = match backend {
        Backend::Sqlite => backup::sqlite_snapshot(&db, &file).await.map_err(anyhow::Error::from),
        Backend::Postgres => match backup::wait_for_bulk_loads(&db).await {
            Ok(()) => {
                let (target, file) = (target.to_owned(), file.clone());
                tokio::task::spawn_blocking(move || pg_dump_until_done(&target, &file)).await.context("pg_dump")?
            }
            Err(error) => Err(error.into()),
        },
    };
    db.close().await;
    if let Err(error) = written {
        // A half-written archive must not pass for a backup.
        let _ = std::fs::remove_file(&file);
        return Err(error);
    }
    let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!("reservekopie geschreven naar {} ({:.1} MB)", file.display(), bytes as f64 / 1_048_576.0);
    Ok(())
}

/// How often `pg_dump` is run when it meets a schema that changed under it.
const PG_DUMP_ATTEMPTS: u32 = 3;

/// Runs `pg_dump` until it succeeds, again (a few times, with a log line) when it failed because an index or table it
/// had seen in the catalogue was gone when it locked it: a bulk load of the stock that began or ended just then (see
/// `volkshuis_store::backup::wait_for_bulk_loads`, which waits for one already running). Any other failure stops at
/// once.
fn pg_dump_until_done(url: &str, file: &Path) -> anyhow::Result<()> {
    let mut attempt = 1;
    loop {
        match pg_dump(url, file) {
            Err(error) if attempt < PG_DUMP_ATTEMPTS && schema_changed_under_it(&error.to_string()) => {
                tracing::warn!(attempt, %error, "pg_dump met a schema that changed under it; trying again");
                let _ = std::fs::remove_file(file);
                std::thread::sleep(std::time::Duration::from_secs(1));
                attempt += 1;
            }
            done => return done,
        }
    }
}

/// Whether `pg_dump`'s message says an object it had read in the catalogue was dropped before it could lock it.
fn schema_changed_under_it(message: &str) -> bool {
    message.contains("cache lookup failed") || message.contains("could not find") && message.contains("relation")
}

/// Runs `pg_dump` on the database at `url`. The password goes to it by `PGPASSWORD`, so that it does not show in
/// the process list as part of its arguments.
fn pg_dump(url: &str, file: &Path) -> anyhow::Result<()> {
    let mut url = url::Url::parse(url).context("the database URL")?;
    let password = url.password().map(|p| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned());
    let _ = url.set_password(None);
    let mut command = Command::new("pg_dump");
    command.arg("--format=custom").arg("--no-owner").arg("--file").arg(file).arg("--dbname").arg(url.as_str());
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = match command.output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            bail!("pg_dump is not installed; install PostgreSQL's client tools (Debian: postgresql-client)")
        }
        Err(error) => return Err(error).context("cannot start pg_dump"),
    };
    if !output.status.success() {
        bail!("pg_dump failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::schema_changed_under_it;

    #[test]
    fn only_a_schema_that_changed_under_the_dump_is_tried_again() {
        assert!(schema_changed_under_it("pg_dump failed: pg_dump: error: cache lookup failed for index 16789"));
        assert!(!schema_changed_under_it("pg_dump failed: connection to server refused"));
        assert!(!schema_changed_under_it("pg_dump failed: permission denied for table units"));
    }
}
