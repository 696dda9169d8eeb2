//! The municipality boundaries for the demo, from the shared data beside the repository when it is there: with them
//! the maps can draw where the stock lies when the background tiles cannot load (ADR 0036). Without the file the demo
//! simply has no boundaries, as a fresh installation has none.

use std::path::PathBuf;
use volkshuis_domain::boundaries;
use volkshuis_store::audit::Actor;
use volkshuis_store::{areas, Db};

/// The file, relative to the shared data folder.
const GEMEENTEN: &str = "geo/gemeente_2023.topojson";

/// The year of the codes in that file.
const YEAR: i64 = 2023;

/// Where the shared data may be: `VOLKSHUIS_SHARED_DATA`, beside the repository this binary was built from, or
/// beside the current directory's parent (`../shared/data`, as the project's notes name it).
fn candidates() -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = std::env::var_os("VOLKSHUIS_SHARED_DATA").map(PathBuf::from).into_iter().collect();
    roots.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")));
    roots.push(PathBuf::from("../shared/data"));
    roots.into_iter().map(|root| root.join(GEMEENTEN)).collect()
}

/// The shared boundaries file, when it is there.
pub(crate) fn find() -> Option<PathBuf> {
    candidates().into_iter().find(|p| p.is_file())
}

/// Imports the gemeente boundaries when the shared file is found; returns how many were stored (0 without the file).
pub(crate) async fn import_if_present(db: &Db, actor: &Actor) -> anyhow::Result<usize> {
    let Some(path) = find() else { return Ok(0) };
    let text = std::fs::read_to_string(&path)?;
    let found = boundaries::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(areas::replace(db, actor, YEAR, &found).await?)
}
