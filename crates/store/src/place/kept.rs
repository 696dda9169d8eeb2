//! A place's module blocks kept in memory until something they show changes (ADR 0056).
//!
//! Read from the database, a complex's page was some thirteen small statements (each block its own), which on
//! PostgreSQL cost about 0.7 ms of its backends a page besides the server's own 0.4 ms: under 64 connections the page
//! stayed at 1,500–1,700 pages/s, a p99 of 52–59 ms. What the blocks show changes far less often than it is read.
//!
//! So the blocks other than the stock (kept on its own, ADR 0055), the areas' names and the tenant organisations the
//! page may be printed for are kept under everything they were read from:
//! - `place_version`, one number that the database's triggers raise with any insert, update or delete of the tables
//!   in [`TABLES`], and the changes in [`PARTLY`] (migration 51), read on the page's own connection for every page —
//!   one small statement, so such a change by any process counts at the very next page;
//! - the stock versions of the place's corporations (ADR 0013), which cover its units and complexes (a sale, an
//!   import; read at most once a second, so another process's import shows within a second, as on the stock's pages);
//! - the place as opened for the viewer (its parts and corporations, compared whole on every hit: the rights and
//!   coverage they come from are read for every page and never kept), the viewer, the purpose and the day.
//!
//! What the viewer may see is decided before: the place is opened for the viewer's organisation on every request,
//! and a kept block was read for the same viewer. Only the reading is saved.

use super::blocks::Blocks;
use super::{Part, Place, PlaceKind};
use crate::sql::{self, Conn};
use crate::{Result, StoreError};
use quick_cache::{sync::Cache, Weighter};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::mem::size_of;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use time::Date;
use volkshuis_domain::place::{Purpose, Viewer};

/// Every table a place's kept facts are read from, besides the units and complexes (covered by the stock versions:
/// every change to them raises the corporation's, ADR 0013), the coverage cells (the place's parts, compared on every
/// hit) and the signals' facts ([`PARTLY`]). Not `clusters`: a trigger event pending on it would stop the first load's
/// `ALTER TABLE units` (its foreign key) in the same transaction on PostgreSQL — as one pending on `organisations`
/// would, which no import writes. Each has migration 51's triggers; a store test checks this list against the
/// triggers, a unit test against the tables the blocks' statements name.
pub const TABLES: &[&str] = &[
    "areas",
    "in_initiative_clusters",
    "in_initiatives",
    "nz_checks",
    "nz_sales",
    "nz_vves",
    "org_gemeenten",
    "organisations",
    "overleg_case_clusters",
    "overleg_cases",
    "overleg_partners",
    "pa_commitments",
    "pa_cycles",
    "pa_parties",
    "part_group_areas",
    "part_groups",
    "sr_tenant_totals",
];

/// Tables whose trigger raises `place_version` on one kind of change only (table, event): a ledger's signals come in
/// by the hundred thousand (ADR 0049), so `sg_facts` raises it on an outcome's change and a delete, and its inserts
/// are announced by the ledger's sending (`sg_ledgers.sent_at`, set in the transaction that inserts them — the only
/// insert of them, a unit test checks).
pub const PARTLY: &[(&str, &str)] = &[("sg_facts", "DELETE"), ("sg_facts", "UPDATE"), ("sg_ledgers", "UPDATE")];

/// Memory for kept facts: a complex's are 1–4 kB (its groups, cases, cycles with five commitments, initiatives).
const CAPACITY_BYTES: u64 = 64 * 1024 * 1024;
/// quick_cache sizes its table by this estimate of the number of entries.
const ESTIMATED_PLACES: usize = 16_384;

/// What kept facts answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    place: Which,
    viewer: Viewer,
    viewer_org: i64,
    purpose: Purpose,
    today: Date,
    place_version: i64,
    /// The stock version of each of the place's corporations, in the place's order.
    stock_versions: Vec<(i64, i64)>,
    /// A hash of the place's parts and corporations; the kept ones are compared whole on a hit.
    opened: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Which {
    Complex(i64),
    Buurt(String),
}

/// The facts of a place's page other than the stock block, as read for one viewer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    /// The blocks, with no stock block (that one is kept per stock version on its own).
    pub(crate) blocks: Blocks,
    /// The names of the place's buurten and gemeenten, by code.
    pub(crate) area_names: HashMap<String, String>,
    /// The tenant organisations the viewer may print a one-pager for.
    pub(crate) meeting_partners: Vec<(i64, String)>,
}

/// Kept facts with the place they were read for and their size.
#[derive(Debug, Clone)]
struct Kept {
    parts: Arc<[Part]>,
    corporations: Arc<[(i64, String)]>,
    facts: Arc<Facts>,
    bytes: u64,
}

#[derive(Debug, Clone)]
struct Bytes;

impl Weighter<Key, Kept> for Bytes {
    fn weight(&self, key: &Key, kept: &Kept) -> u64 {
        let code = match &key.place {
            Which::Complex(_) => 0,
            Which::Buurt(code) => code.len(),
        };
        let key_bytes = size_of::<Key>() + key.stock_versions.capacity() * size_of::<(i64, i64)>() + code;
        kept.bytes + key_bytes as u64
    }
}

/// The kept facts of one [`crate::Db`] handle (and its clones).
pub(crate) struct KeptPlaces {
    facts: Cache<Key, Kept, Bytes>,
    /// How often facts were read from the database and kept (for the tests and the benchmark).
    reads: AtomicU64,
}

impl Default for KeptPlaces {
    fn default() -> Self {
        Self { facts: Cache::with_weighter(ESTIMATED_PLACES, CAPACITY_BYTES, Bytes), reads: AtomicU64::new(0) }
    }
}

impl std::fmt::Debug for KeptPlaces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeptPlaces({} places, {} bytes)", self.facts.len(), self.facts.weight())
    }
}

impl KeptPlaces {
    /// The memory the kept facts take now, in bytes.
    pub(crate) fn bytes(&self) -> u64 {
        self.facts.weight()
    }

    /// How often facts were read from the database rather than found kept.
    pub(crate) fn reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }

    /// The place's facts for `purpose` on `today`, kept or read by `read`. `place_version` is [`place_version`]'s,
    /// read before the facts; `stock_versions` are the place's corporations' stock versions. Requests for facts being
    /// read wait for that reading. `None` when the facts kept under this key were read for another place with the same
    /// hash (never shown: the caller reads them itself, and they are not kept).
    pub(crate) async fn facts<F>(
        &self,
        place: &Place,
        purpose: Purpose,
        today: Date,
        place_version: i64,
        stock_versions: Vec<(i64, i64)>,
        read: F,
    ) -> Result<Option<Arc<Facts>>>
    where
        F: std::future::Future<Output = Result<Facts>>,
    {
        let key = Key {
            place: match place.kind() {
                PlaceKind::Complex { id, .. } => Which::Complex(*id),
                PlaceKind::Buurt { code } => Which::Buurt(code.clone()),
            },
            viewer: place.viewer(),
            viewer_org: place.viewer_org(),
            purpose,
            today,
            place_version,
            stock_versions,
            opened: opened_hash(place),
        };
        let read = async {
            let facts = read.await?;
            self.reads.fetch_add(1, Ordering::Relaxed);
            Ok::<_, StoreError>(Kept {
                parts: place.parts().into(),
                corporations: place.corporations().into(),
                bytes: facts_bytes(&facts) + parts_bytes(place),
                facts: Arc::new(facts),
            })
        };
        let kept = self.facts.get_or_insert_async(&key, read).await?;
        let same = *kept.parts == *place.parts() && *kept.corporations == *place.corporations();
        Ok(same.then_some(kept.facts))
    }
}

/// The number migration 51's triggers raise with every change to a table in [`TABLES`], read on `conn`.
pub(crate) async fn place_version(conn: &mut Conn<'_>) -> Result<i64> {
    Ok(sql::query_scalar("SELECT version FROM place_version").fetch_one(&mut *conn).await?)
}

fn opened_hash(place: &Place) -> u64 {
    let mut hasher = DefaultHasher::new();
    place.parts().hash(&mut hasher);
    place.corporations().hash(&mut hasher);
    hasher.finish()
}

/// The heap a place's parts and corporations hold, near enough.
fn parts_bytes(place: &Place) -> u64 {
    let parts: usize = place
        .parts()
        .iter()
        .map(|p| {
            size_of::<Part>()
                + p.cluster_code.len()
                + p.cluster_name.as_ref().map_or(0, String::len)
                + p.buurt_code.len()
                + p.wijk_code.len()
                + p.gemeente_code.len()
        })
        .sum();
    let corporations: usize = place.corporations().iter().map(|(_, name)| 32 + name.len()).sum();
    (parts + corporations) as u64
}

/// The heap kept facts hold, near enough: their lines and texts.
fn facts_bytes(facts: &Facts) -> u64 {
    let blocks = &facts.blocks;
    let mut bytes = size_of::<Facts>() + 256;
    if let Some(participation) = &blocks.participation {
        bytes += participation.blind_spots.iter().map(|(c, n, b, _)| 64 + c.len() + b.len() + text(n)).sum::<usize>();
        bytes += participation.groups.iter().flatten().map(|g| 96 + g.name.len() + g.kind.len()).sum::<usize>();
    }
    bytes += blocks.overleg.iter().flatten().map(|c| 128 + c.title.len()).sum::<usize>();
    for cycle in blocks.afspraken.iter().flatten() {
        bytes += 128 + cycle.title.len() + cycle.phase.len();
        bytes += cycle.commitments.iter().map(|(theme, body)| 48 + theme.len() + body.len()).sum::<usize>();
    }
    if let Some(signals) = &blocks.signals {
        bytes += signals.per_month.len() * 48;
    }
    if let Some(nazorg) = &blocks.nazorg {
        bytes += nazorg.sales.len() * 48 + nazorg.vves.iter().map(|(_, name, _)| 64 + name.len()).sum::<usize>();
    }
    bytes += blocks.initiatives.iter().flatten().map(|i| 96 + i.title.len() + i.stage.len()).sum::<usize>();
    bytes += facts.area_names.iter().map(|(code, name)| 64 + code.len() + name.len()).sum::<usize>();
    bytes += facts.meeting_partners.iter().map(|(_, name)| 32 + name.len()).sum::<usize>();
    bytes as u64
}

fn text(t: &Option<String>) -> usize {
    t.as_ref().map_or(0, String::len)
}

#[cfg(test)]
mod tests {
    use super::super::{Part, Place, PlaceKind};
    use super::{Facts, KeptPlaces, TABLES};
    use time::macros::date;
    use time::Date;
    use volkshuis_domain::access::Role;
    use volkshuis_domain::place::{Purpose, Viewer};

    fn place(viewer: Viewer, viewer_org: i64, units: i64) -> Place {
        let part = Part {
            corporation_id: 1,
            cluster_code: "C1".into(),
            cluster_name: None,
            buurt_code: "BU01500001".into(),
            wijk_code: "WK015000".into(),
            gemeente_code: "GM0150".into(),
            units,
            level: 0,
        };
        Place {
            kind: PlaceKind::Complex { id: 7, code: "C1".into(), naam: None },
            viewer,
            viewer_org,
            parts: vec![part],
            corporations: vec![(1, "Woonstad".into())],
        }
    }

    /// Each part of the key keeps facts apart: the same page twice is read once; another viewer, role, organisation,
    /// purpose, day, place version, stock version or opened place is read for itself.
    #[tokio::test]
    async fn facts_are_kept_apart_by_every_part_of_their_key() {
        let kept = KeptPlaces::default();
        let owner = place(Viewer::Owner(Role::Staff), 1, 4);
        const DAY: Date = date!(2026 - 12 - 06);
        let get = |place: Place, purpose: Purpose, day: Date, version: i64, stock: i64| {
            let kept = &kept;
            async move {
                let read = async { Ok(Facts::default()) };
                kept.facts(&place, purpose, day, version, vec![(1, stock)], read).await.expect("facts").expect("kept")
            }
        };
        get(owner.clone(), Purpose::Screen, DAY, 1, 1).await;
        get(owner.clone(), Purpose::Screen, DAY, 1, 1).await;
        assert_eq!(kept.reads(), 1, "the same page again is kept");
        let others = [
            (place(Viewer::Owner(Role::ReadOnly), 1, 4), Purpose::Screen, DAY, 1, 1),
            (place(Viewer::TenantOrganisation, 2, 4), Purpose::Screen, DAY, 1, 1),
            (place(Viewer::TenantOrganisation, 3, 4), Purpose::Screen, DAY, 1, 1),
            (owner.clone(), Purpose::TenantMeeting, DAY, 1, 1),
            (owner.clone(), Purpose::Screen, date!(2026 - 12 - 07), 1, 1),
            (owner.clone(), Purpose::Screen, DAY, 2, 1),
            (owner.clone(), Purpose::Screen, DAY, 1, 2),
            (place(Viewer::Owner(Role::Staff), 1, 5), Purpose::Screen, DAY, 1, 1),
        ];
        let count = others.len() as u64;
        for (place, purpose, day, version, stock) in others {
            get(place, purpose, day, version, stock).await;
        }
        assert_eq!(kept.reads(), 1 + count, "each read for itself");
        assert!(kept.bytes() > 0);
    }

    /// The tables named after `FROM` or `JOIN` in `sql`'s text (the statements are written in capitals).
    fn tables_named(sql: &str) -> Vec<String> {
        let words: Vec<&str> = sql.split(|c: char| c.is_whitespace() || c == '"').collect();
        words
            .windows(2)
            .filter(|pair| pair[0] == "FROM" || pair[0] == "JOIN")
            .map(|pair| pair[1].trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_').to_owned())
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    }

    /// Every table a place's page reads is one the kept facts follow (a trigger in migration 51), or is covered
    /// otherwise: the units and complexes by the stock versions, the coverage cells by the place's parts compared on every hit, and
    /// the versions themselves. A new block reading a new table fails here until the table is in [`TABLES`] and has
    /// its trigger (which `place.rs`' store test checks on both engines).
    #[test]
    fn every_table_a_place_page_reads_is_followed() {
        let vves = include_str!("../nazorg/vves.rs");
        let start = vves.find("fn vves_of_complexes").expect("the VvE's of a place's complexes");
        let end = start + vves[start..].find("\n}\n").expect("its end");
        let sources = [include_str!("blocks.rs"), include_str!("mod.rs"), &vves[start..end]];
        let covered_otherwise = ["units", "clusters", "part_cells", "stock_versions", "place_version"];
        let partly: Vec<&str> = super::PARTLY.iter().map(|(table, _)| *table).collect();
        let mut named: Vec<String> = sources.iter().flat_map(|s| tables_named(s)).collect();
        named.sort();
        named.dedup();
        assert!(named.len() >= 20, "the statements were found: {named:?}");
        for table in &named {
            assert!(
                TABLES.contains(&table.as_str())
                    || partly.contains(&table.as_str())
                    || covered_otherwise.contains(&table.as_str()),
                "{table} is read for a place's page but not followed by the kept facts"
            );
        }
        for table in TABLES {
            assert!(named.iter().any(|n| n == table), "{table} is followed but no longer read");
        }
    }

    /// `sg_facts` raises the version on an insert only through its ledger's `sent_at` ([`super::PARTLY`]): so its rows
    /// may be inserted only by `send_ledger`, in the transaction that sets `sent_at` (and by the benchmark's loader,
    /// through its table helper, before a server reads them).
    #[test]
    fn signal_facts_are_inserted_only_where_the_ledger_is_sent() {
        fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).expect("sources").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("source")));
                }
            }
        }
        let mut all = Vec::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut all);
        let needle = ["INSERT INTO sg_", "facts"].concat();
        let inserting: Vec<&str> =
            all.iter().filter(|(_, text)| text.contains(&needle)).map(|(path, _)| path.as_str()).collect();
        assert_eq!(inserting.len(), 1, "{inserting:?}");
        assert!(inserting[0].ends_with("signalering/ledger.rs"), "{inserting:?}");
        let ledger = &all.iter().find(|(p, _)| p.ends_with("signalering/ledger.rs")).expect("ledger").1;
        let send = &ledger[ledger.find("pub async fn send_ledger").expect("send_ledger")..];
        let send = &send[..send.find("\n}\n").expect("its end")];
        assert!(send.contains(&needle) && send.contains("sent_at = "), "the facts and sent_at in one function");
    }

    #[test]
    fn tables_are_found_after_from_and_join() {
        let sql = "SELECT a.x FROM part_groups a JOIN areas b ON b.id = a.id WHERE a.id IN (SELECT id FROM units)";
        assert_eq!(tables_named(sql), ["part_groups", "areas", "units"]);
    }
}
