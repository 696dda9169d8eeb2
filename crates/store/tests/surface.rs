//! The store's surface: outside the store crate, no source file reaches the database except through the store's
//! functions. The query API is open to tests only, as `testdb::sql` (issue 16: the pool is not public; benches and
//! jobs go through store functions).

use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_crate_runs_sql_outside_the_store() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&crates).expect("the crates folder").flatten() {
        let src = entry.path().join("src");
        if entry.file_name() != "store" && src.is_dir() {
            sources(&src, &mut files);
        }
    }
    assert!(files.len() > 50, "the other crates' sources were found ({})", files.len());
    let offending: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            ["testdb", "sqlx::query", "sqlx::raw_sql", "PgPool", "SqlitePool"].iter().any(|door| text.contains(door))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(offending.is_empty(), "SQL outside the store: {offending:?}");
}
