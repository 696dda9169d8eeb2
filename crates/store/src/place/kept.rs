//! A place's module blocks kept in memory until something they show changes (ADR 0056), each section of them under
//! its own version (ADR 0057).
//!
//! Read from the database, a complex's page was some thirteen small statements (each block its own), which on
//! PostgreSQL cost about 0.7 ms of its backends a page besides the server's own 0.4 ms: under 64 connections the page
//! stayed at 1,500–1,700 pages/s, a p99 of 52–59 ms. What the blocks show changes far less often than it is read.
//!
//! So the blocks other than the stock (kept on its own, ADR 0055), the areas' names and the tenant organisations the
//! page may be printed for are kept, for the place as opened for one viewer, under:
//! - a version per [`Section`] — a module's block, the areas' names, the printing partners — in `place_version`,
//!   whose triggers raise a section's number with any insert, update or delete of the tables it reads ([`TABLES`])
//!   and with the changes in [`PARTLY`] (migrations 51, 52 and 61). The numbers are read for every page on its own
//!   connection — in the statement that opens a complex, or in one small statement of their own — before anything
//!   they cover, so a change by any process counts at the next request's page; and only the
//!   sections whose number moved are read again (one number for all made every change anywhere read every block of
//!   every place again: under a change a second, the pages were as slow as before they were kept);
//! - the stock versions of the place's corporations (ADR 0013), which cover its units and complexes (a sale, an
//!   import; read at most once a second, so another process's import shows within a second, as on the stock's pages);
//! - the viewer, the purpose and the day; and the place's parts and corporations, kept beside the facts and compared
//!   whole on every page (the rights and coverage they come from are read for every page and never kept): a place
//!   opened otherwise than when its facts were read is read whole again.
//!
//! What the viewer may see is decided before: the place is opened for the viewer's organisation on every request,
//! and kept facts were read for the same viewer. Only the reading is saved.

use super::blocks::Blocks;
use super::{Part, Place, PlaceKind};
use crate::sql::{self, Conn};
use crate::Result;
use quick_cache::{sync::Cache, Weighter};
use std::collections::HashMap;
use std::mem::size_of;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use time::Date;
use volkshuis_domain::place::{Block, Purpose, Viewer};

/// A part of a place's kept facts that is read again on its own when what it shows changes: a module's block (not
/// the stock's, kept per stock version on its own), the names of the place's areas, the tenant organisations the page
/// may be printed for. Each has its column in `place_version` (migration 52).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// A module's block.
    Block(Block),
    /// The names of the place's buurten and gemeenten.
    Areas,
    /// The tenant organisations the page may be printed for.
    Partners,
}

/// Every section, in the order of `place_version`'s columns and of their reading.
pub const SECTIONS: [Section; 9] = [
    Section::Block(Block::Participation),
    Section::Block(Block::Overleg),
    Section::Block(Block::Afspraken),
    Section::Block(Block::SocialReturn),
    Section::Block(Block::Signals),
    Section::Block(Block::Nazorg),
    Section::Block(Block::Initiatives),
    Section::Areas,
    Section::Partners,
];

impl Section {
    /// Its column in `place_version`.
    pub fn column(self) -> &'static str {
        match self {
            // Never a section (kept per stock version on its own, ADR 0055).
            Section::Block(Block::Stock) => "stock",
            Section::Block(Block::Participation) => "participation",
            Section::Block(Block::Overleg) => "overleg",
            Section::Block(Block::Afspraken) => "afspraken",
            Section::Block(Block::SocialReturn) => "social_return",
            Section::Block(Block::Signals) => "signals",
            Section::Block(Block::Nazorg) => "nazorg",
            Section::Block(Block::Initiatives) => "initiatives",
            Section::Areas => "areas",
            Section::Partners => "partners",
        }
    }
}

/// Every table a place's kept facts are read from, with the section that reads it, besides the units and complexes
/// (covered by the stock versions: every change to them raises the corporation's, ADR 0013), the coverage cells (the
/// place's parts, compared on every page) and the signals' facts ([`PARTLY`]). Not `clusters`: a trigger event
/// pending on it would stop the first load's `ALTER TABLE units` (its foreign key) in the same transaction on
/// PostgreSQL — as one pending on `organisations` would, which no import writes. Each has migration 52's triggers
/// (the decrees migration 61's); a store test checks this list against the triggers, a unit test against the tables
/// each section's statements name.
pub const TABLES: &[(&str, Section)] = &[
    ("areas", Section::Areas),
    ("atw_decreed_days", Section::Block(Block::Overleg)),
    ("atw_decrees", Section::Block(Block::Overleg)),
    ("in_initiative_clusters", Section::Block(Block::Initiatives)),
    ("in_initiatives", Section::Block(Block::Initiatives)),
    ("nz_checks", Section::Block(Block::Nazorg)),
    ("nz_sales", Section::Block(Block::Nazorg)),
    ("nz_vves", Section::Block(Block::Nazorg)),
    ("org_gemeenten", Section::Block(Block::Nazorg)),
    ("organisations", Section::Partners),
    ("overleg_case_clusters", Section::Block(Block::Overleg)),
    ("overleg_cases", Section::Block(Block::Overleg)),
    ("overleg_partners", Section::Partners),
    ("pa_commitments", Section::Block(Block::Afspraken)),
    ("pa_cycles", Section::Block(Block::Afspraken)),
    ("pa_parties", Section::Block(Block::Afspraken)),
    ("part_group_areas", Section::Block(Block::Participation)),
    ("part_groups", Section::Block(Block::Participation)),
    ("sr_tenant_totals", Section::Block(Block::SocialReturn)),
];

/// Tables whose trigger raises the signals' section on one kind of change only (table, event): a ledger's signals
/// come in by the hundred thousand (ADR 0049), so `sg_facts` raises it on an outcome's change and a delete, and its
/// inserts are announced by the ledger's sending (`sg_ledgers.sent_at`, set in the transaction that inserts them —
/// the only insert of them, a unit test checks).
pub const PARTLY: &[(&str, &str)] = &[("sg_facts", "DELETE"), ("sg_facts", "UPDATE"), ("sg_ledgers", "UPDATE")];

/// The number of each section in `place_version`, in the order of [`SECTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Versions([i64; SECTIONS.len()]);

impl Versions {
    /// The sections whose numbers differ from `other`'s.
    fn changed_since(&self, other: &Versions) -> Vec<Section> {
        SECTIONS.iter().zip(self.0.iter().zip(other.0.iter())).filter(|(_, (a, b))| a != b).map(|(s, _)| *s).collect()
    }
}

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
    /// The stock version of each of the place's corporations, in the place's order.
    stock_versions: Vec<(i64, i64)>,
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

/// Kept facts with the place they were read for, the sections' numbers they were read under and their size.
#[derive(Debug, Clone)]
struct Kept {
    parts: Arc<[Part]>,
    corporations: Arc<[(i64, String)]>,
    versions: Versions,
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
    /// How often facts were read from the database and kept, and how many sections so (for the tests).
    reads: AtomicU64,
    sections_read: AtomicU64,
}

impl Default for KeptPlaces {
    fn default() -> Self {
        Self {
            facts: Cache::with_weighter(ESTIMATED_PLACES, CAPACITY_BYTES, Bytes),
            reads: AtomicU64::new(0),
            sections_read: AtomicU64::new(0),
        }
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

    /// How often facts were read from the database rather than found kept (whole or some sections of them).
    pub(crate) fn reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }

    /// How many sections were read from the database (a place read whole counts all of them).
    pub(crate) fn sections_read(&self) -> u64 {
        self.sections_read.load(Ordering::Relaxed)
    }

    /// The place's facts for `purpose` on `today` when they are kept under `versions` ([`versions`]'s or
    /// [`versions_of`]'s, read before the facts) and `stock_versions` (the place's corporations'); otherwise what must
    /// be read: the sections whose number moved since they were kept, into the kept facts, or every section, into
    /// empty facts, when none are kept for the place as it is opened now. The caller reads them into [`Stale::facts`] and hands it to [`Self::keep`].
    ///
    /// Two pages that find the same facts missing both read them (the second keeps its own): a reading is a few
    /// statements, and waiting for another request's would make a page wait on a stranger's connection.
    pub(crate) fn find(
        &self,
        place: &Place,
        purpose: Purpose,
        today: Date,
        versions: Versions,
        stock_versions: Vec<(i64, i64)>,
    ) -> Found {
        let key = Key {
            place: match place.kind() {
                PlaceKind::Complex { id, .. } => Which::Complex(*id),
                PlaceKind::Buurt { code } => Which::Buurt(code.clone()),
            },
            viewer: place.viewer(),
            viewer_org: place.viewer_org(),
            purpose,
            today,
            stock_versions,
        };
        let kept = self
            .facts
            .get(&key)
            .filter(|kept| *kept.parts == *place.parts() && *kept.corporations == *place.corporations());
        let (sections, facts) = match kept {
            Some(kept) if kept.versions == versions => return Found::Kept(kept.facts),
            Some(kept) => (versions.changed_since(&kept.versions), Facts::clone(&kept.facts)),
            None => (SECTIONS.to_vec(), Facts::default()),
        };
        Found::Stale(Box::new(Stale { key, versions, sections, facts }))
    }

    /// Keeps the facts read for [`Self::find`]'s `stale` sections of `place`, and answers them.
    pub(crate) fn keep(&self, place: &Place, stale: Stale) -> Arc<Facts> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        self.sections_read.fetch_add(stale.sections.len() as u64, Ordering::Relaxed);
        let facts = Arc::new(stale.facts);
        let bytes = facts_bytes(&facts) + parts_bytes(place);
        let (parts, corporations) = (place.parts().into(), place.corporations().into());
        self.facts
            .insert(stale.key, Kept { parts, corporations, versions: stale.versions, facts: facts.clone(), bytes });
        facts
    }
}

/// What [`KeptPlaces::find`] found.
pub(crate) enum Found {
    /// The facts, kept under the versions asked for.
    Kept(Arc<Facts>),
    /// Sections to read first (boxed: the facts are larger than the answer).
    Stale(Box<Stale>),
}

/// Sections of a place's facts to read, and the facts to read them into.
pub(crate) struct Stale {
    key: Key,
    versions: Versions,
    /// The sections to read, in the order of [`SECTIONS`].
    pub(crate) sections: Vec<Section>,
    /// The kept facts of the other sections (empty when none are kept).
    pub(crate) facts: Facts,
}

/// The names [`VERSION_COLUMNS`] gives `place_version`'s columns, in the order of [`SECTIONS`].
static VERSION_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| SECTIONS.iter().map(|s| format!("pv_{}", s.column())).collect());

/// `place_version`'s columns as a statement that joins it as `v` selects them (`v.overleg AS pv_overleg, …`), for
/// [`versions_of`].
pub(crate) static VERSION_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    SECTIONS
        .iter()
        .zip(VERSION_NAMES.iter())
        .map(|(s, name)| format!("v.{} AS {name}", s.column()))
        .collect::<Vec<_>>()
        .join(", ")
});

/// The number of each section, which migration 52's triggers raise with every change to its tables ([`TABLES`]),
/// read on `conn` in one statement.
pub(crate) async fn versions(conn: &mut Conn<'_>) -> Result<Versions> {
    let row =
        sql::query(&format!("SELECT {} FROM place_version v", VERSION_COLUMNS.as_str())).fetch_one(&mut *conn).await?;
    versions_of(&row)
}

/// The numbers in a row with [`VERSION_COLUMNS`].
pub(crate) fn versions_of(row: &sql::Row) -> Result<Versions> {
    let mut versions = Versions::default();
    for (number, name) in versions.0.iter_mut().zip(VERSION_NAMES.iter()) {
        *number = row.try_get(name.as_str())?;
    }
    Ok(versions)
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
    use super::{Facts, Found, KeptPlaces, Section, Versions, PARTLY, SECTIONS, TABLES};
    use std::sync::Arc;
    use time::macros::date;
    use time::Date;
    use volkshuis_domain::access::Role;
    use volkshuis_domain::place::{Block, Purpose, Viewer};

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

    /// The facts as a page finds them: kept, or read by `read` (given the sections and the facts to read them into).
    async fn facts<F>(
        kept: &KeptPlaces,
        place: &Place,
        purpose: Purpose,
        today: Date,
        (versions, stock): (Versions, i64),
        read: impl FnOnce(Vec<Section>, Facts) -> F,
    ) -> Arc<Facts>
    where
        F: std::future::Future<Output = Facts>,
    {
        match kept.find(place, purpose, today, versions, vec![(1, stock)]) {
            Found::Kept(facts) => facts,
            Found::Stale(mut stale) => {
                stale.facts = read(stale.sections.clone(), std::mem::take(&mut stale.facts)).await;
                kept.keep(place, *stale)
            }
        }
    }

    fn versions(first: i64) -> Versions {
        let mut versions = Versions::default();
        versions.0[0] = first;
        versions
    }

    /// Each part of the key keeps facts apart: the same page twice is read once; another viewer, role, organisation,
    /// purpose, day, stock version or opened place is read whole for itself.
    #[tokio::test]
    async fn facts_are_kept_apart_by_every_part_of_their_key() {
        let kept = KeptPlaces::default();
        let owner = place(Viewer::Owner(Role::Staff), 1, 4);
        const DAY: Date = date!(2026 - 12 - 06);
        let get = |place: Place, purpose: Purpose, day: Date, stock: i64| {
            let kept = &kept;
            async move {
                let read = |sections: Vec<Section>, facts| async move {
                    assert_eq!(sections, SECTIONS, "read whole");
                    facts
                };
                facts(kept, &place, purpose, day, (versions(1), stock), read).await
            }
        };
        get(owner.clone(), Purpose::Screen, DAY, 1).await;
        get(owner.clone(), Purpose::Screen, DAY, 1).await;
        assert_eq!(kept.reads(), 1, "the same page again is kept");
        let others = [
            (place(Viewer::Owner(Role::ReadOnly), 1, 4), Purpose::Screen, DAY, 1),
            (place(Viewer::TenantOrganisation, 2, 4), Purpose::Screen, DAY, 1),
            (place(Viewer::TenantOrganisation, 3, 4), Purpose::Screen, DAY, 1),
            (owner.clone(), Purpose::TenantMeeting, DAY, 1),
            (owner.clone(), Purpose::Screen, date!(2026 - 12 - 07), 1),
            (owner.clone(), Purpose::Screen, DAY, 2),
            (place(Viewer::Owner(Role::Staff), 1, 5), Purpose::Screen, DAY, 1),
        ];
        let count = others.len() as u64;
        for (place, purpose, day, stock) in others {
            get(place, purpose, day, stock).await;
        }
        assert_eq!(kept.reads(), 1 + count, "each read for itself");
        assert_eq!(kept.sections_read(), (1 + count) * SECTIONS.len() as u64);
        assert!(kept.bytes() > 0);
    }

    /// A section whose number moved is read again on its own, into the kept facts; the others are kept as they were.
    #[tokio::test]
    async fn only_the_sections_whose_number_moved_are_read_again() {
        let kept = KeptPlaces::default();
        let owner = place(Viewer::Owner(Role::Staff), 1, 4);
        // Each reading marks the sections it read with `mark` (in the areas' names, by the section's column).
        let page = |versions: Versions, expected: Vec<Section>, mark: &'static str| {
            let (kept, owner) = (&kept, &owner);
            async move {
                let read = |sections: Vec<Section>, mut facts: Facts| async move {
                    assert_eq!(sections, expected);
                    for section in sections {
                        facts.area_names.insert(section.column().into(), mark.into());
                    }
                    facts
                };
                let facts = facts(kept, owner, Purpose::Screen, date!(2026 - 12 - 06), (versions, 1), read).await;
                SECTIONS
                    .iter()
                    .map(|s| facts.area_names.get(s.column()).cloned().unwrap_or_default())
                    .collect::<Vec<_>>()
            }
        };
        let first = Versions([1, 1, 1, 1, 1, 1, 1, 1, 1]);
        assert_eq!(page(first, SECTIONS.to_vec(), "a").await, ["a"; 9]);
        let overleg = Versions([1, 2, 1, 1, 1, 1, 1, 1, 1]);
        let marks = page(overleg, vec![Section::Block(Block::Overleg)], "b").await;
        assert_eq!(
            marks,
            ["a", "b", "a", "a", "a", "a", "a", "a", "a"],
            "only Overleg read again, into the kept facts"
        );
        let partners = Versions([1, 2, 1, 1, 1, 1, 1, 1, 3]);
        let marks = page(partners, vec![Section::Partners], "c").await;
        assert_eq!(marks, ["a", "b", "a", "a", "a", "a", "a", "a", "c"]);
        assert_eq!(page(partners, Vec::new(), "d").await, marks, "all kept");
        assert_eq!((kept.reads(), kept.sections_read()), (3, SECTIONS.len() as u64 + 2));
        // An older number than the kept one (a page that read the numbers before a change that another page has
        // already read) reads that section again rather than show what it did not ask for.
        let marks = page(overleg, vec![Section::Partners], "e").await;
        assert_eq!(marks, ["a", "b", "a", "a", "a", "a", "a", "a", "e"]);
    }

    #[test]
    fn every_section_has_its_column_and_its_place() {
        let columns: Vec<&str> = SECTIONS.iter().map(|s| s.column()).collect();
        assert_eq!(
            columns,
            [
                "participation",
                "overleg",
                "afspraken",
                "social_return",
                "signals",
                "nazorg",
                "initiatives",
                "areas",
                "partners"
            ]
        );
        let blocks: Vec<Block> =
            SECTIONS.iter().filter_map(|s| if let Section::Block(b) = s { Some(*b) } else { None }).collect();
        assert_eq!(blocks, Block::ALL[1..], "every block but the stock, in page order");
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

    /// The body of `async fn name(` in `source`.
    fn function<'s>(source: &'s str, name: &str) -> &'s str {
        let start = source.find(&format!("async fn {name}(")).unwrap_or_else(|| panic!("fn {name}"));
        let end = start + source[start..].find("\n}\n").unwrap_or_else(|| panic!("the end of fn {name}"));
        &source[start..end]
    }

    /// What each section's reading is: the functions that read it.
    fn readers(section: Section) -> Vec<&'static str> {
        let (blocks, place, vves) =
            (include_str!("blocks.rs"), include_str!("mod.rs"), include_str!("../nazorg/vves.rs"));
        match section {
            Section::Block(Block::Stock) => Vec::new(),
            Section::Block(Block::Participation) => vec![function(blocks, "participation")],
            Section::Block(Block::Overleg) => {
                vec![function(blocks, "overleg"), function(include_str!("../calendar.rs"), "term_calendar_in")]
            }
            Section::Block(Block::Afspraken) => vec![function(blocks, "afspraken")],
            Section::Block(Block::SocialReturn) => vec![function(blocks, "social_return")],
            Section::Block(Block::Signals) => vec![function(blocks, "signals")],
            Section::Block(Block::Nazorg) => vec![function(blocks, "nazorg"), function(vves, "vves_of_complexes")],
            Section::Block(Block::Initiatives) => vec![function(blocks, "initiatives")],
            Section::Areas => vec![function(place, "area_names")],
            Section::Partners => vec![function(place, "partners")],
        }
    }

    /// Every table a section's reading names raises that section's number (a trigger in migration 52), or is
    /// covered otherwise: the units and complexes by the stock versions, the coverage cells by the place's parts
    /// compared on every page. And every table a place's page reads anywhere is followed or so covered. A new block
    /// or statement reading a new table fails here until the table is in [`TABLES`] with its section and has its
    /// trigger (which `place.rs`' store test checks on both engines).
    #[test]
    fn every_table_a_place_page_reads_raises_its_sections_number() {
        let covered_otherwise = ["units", "clusters", "part_cells"];
        let signals = Section::Block(Block::Signals);
        let follows = |table: &str, section: Section| {
            TABLES.contains(&(table, section))
                || (section == signals && PARTLY.iter().any(|(t, _)| *t == table))
                || covered_otherwise.contains(&table)
        };
        for section in SECTIONS {
            let named: Vec<String> = readers(section).iter().flat_map(|s| tables_named(s)).collect();
            assert!(!named.is_empty(), "{section:?}'s statements were found");
            for table in &named {
                assert!(follows(table, section), "{table} is read for {section:?} but does not raise its number");
            }
            for (table, _) in TABLES.iter().filter(|(_, s)| *s == section) {
                assert!(named.iter().any(|n| n == table), "{table} raises {section:?}'s number but is not read for it");
            }
        }
        let sources = [include_str!("blocks.rs"), include_str!("mod.rs")];
        let mut named: Vec<String> = sources.iter().flat_map(|s| tables_named(s)).collect();
        named.sort();
        named.dedup();
        assert!(named.len() >= 20, "the statements were found: {named:?}");
        let versions = ["stock_versions", "place_version"];
        for table in &named {
            assert!(
                TABLES.iter().any(|(t, _)| t == table)
                    || PARTLY.iter().any(|(t, _)| t == table)
                    || covered_otherwise.contains(&table.as_str())
                    || versions.contains(&table.as_str()),
                "{table} is read for a place's page but not followed by the kept facts"
            );
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
