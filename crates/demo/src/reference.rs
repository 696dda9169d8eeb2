//! The official VERA code list for the demo, so its stock pages show "Woonruimte (WOO) / Galerijflat (GAL)" rather
//! than bare codes. Loaded from the shared data beside the repository when it is there (the same file
//! `volkshuis import referentiedata` reads); without it the demo runs with bare codes and says so.

use std::fmt;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use volkshuis_store::audit::Actor;
use volkshuis_store::Db;

/// What the demo did with the VERA code list at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VeraLoad {
    /// Imported now from this file.
    Loaded {
        /// The file.
        file: PathBuf,
        /// Codes stored.
        codes: usize,
        /// Rows stored without an unreadable date.
        warnings: usize,
    },
    /// The database already held the list (a demo database started before).
    AlreadyLoaded,
    /// The file was not found; the demo shows bare codes.
    Missing {
        /// Where it was looked for.
        file: PathBuf,
    },
}

impl VeraLoad {
    /// Whether the demo runs without VERA names.
    pub fn is_missing(&self) -> bool {
        matches!(self, VeraLoad::Missing { .. })
    }
}

impl fmt::Display for VeraLoad {
    /// One line of the demo's start-up output (Dutch, like the rest of it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VeraLoad::Loaded { file, codes, warnings } => {
                write!(f, "VERA-codelijst geladen: {codes} codes uit {}", file.display())?;
                if *warnings > 0 {
                    write!(f, " ({warnings} met een onleesbare datum, opgeslagen zonder die datum)")?;
                }
                Ok(())
            }
            VeraLoad::AlreadyLoaded => write!(f, "VERA-codelijst: al geladen in deze database"),
            VeraLoad::Missing { file } => write!(
                f,
                "Let op: VERA-codelijst niet gevonden ({}); de demo toont codes zonder namen. Laad hem met \
                 `volkshuis import referentiedata <bestand>` of wijs met VOLKSHUIS_SHARED_DATA de map met \
                 vera/Referentiedata.csv aan.",
                file.display()
            ),
        }
    }
}

/// Where the demo looks for the VERA code list: `vera/Referentiedata.csv` under `VOLKSHUIS_SHARED_DATA`, or under
/// the shared data folder beside the repository the binary was built from (`../shared/data`, as the tests find it).
pub fn vera_file() -> PathBuf {
    let root = std::env::var_os("VOLKSHUIS_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    root.join("vera").join("Referentiedata.csv")
}

/// Imports the VERA code list from `file` unless the database holds one already; reports what it did. A missing
/// file is no error (the demo runs without names); an unreadable one is.
pub async fn load_vera(db: &Db, file: &Path) -> anyhow::Result<VeraLoad> {
    if !volkshuis_store::vera::names(db, "EENHEIDSOORT").await?.is_empty() {
        return Ok(VeraLoad::AlreadyLoaded);
    }
    let opened = match std::fs::File::open(file) {
        Ok(opened) => opened,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(file = %file.display(), "demo: VERA code list not found; codes are shown without names");
            return Ok(VeraLoad::Missing { file: file.to_owned() });
        }
        Err(error) => return Err(anyhow::anyhow!("{}: {error}", file.display())),
    };
    let (codes, warnings) = volkshuis_domain::vera::parse(BufReader::new(opened))
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    // The reference data came with last month's stock file.
    let at = time::OffsetDateTime::now_utc() - time::Duration::days(33);
    let stored = volkshuis_store::vera::replace_all(db, &Actor::system("demo", at), &codes).await?;
    // Shown without the `crates/demo/../../..` of the default path.
    let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    Ok(VeraLoad::Loaded { file, codes: stored, warnings: warnings.len() })
}
