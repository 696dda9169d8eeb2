//! Pages of the stock kept in memory until the corporation's stock changes.
//!
//! A corporation's stock changes a few times a year (an import, codes given from boundaries) and is read all day, a
//! page of it costing the database and the decoding of its rows most of the time of answering. So the unit list, the
//! complex pages and the stock blocks of complexes' place pages (ADR 0055) are kept, keyed by everything their query
//! depends on plus the corporation's *stock version*: a number in `stock_versions` that every transaction changing
//! its units or complexes raises before it commits (today: `stock::import_units`, `areas::fill_missing_codes` and a
//! sale or buy-back; a new writer must call [`raise_version`] too). A page kept under an older version is never
//! served again (it ages out).
//!
//! The version itself is read from the database at most once a second per corporation ([`VERSION_FRESH_FOR`]): a
//! round trip per page would cost more than the kept page saves. A change made through this handle (an import from
//! the web or the CLI, codes from positions) forgets the versions as it commits, so it counts at the next request;
//! a change by another process (a CLI import beside the running server) counts within a second. See ADR 0013.

use super::query::{cluster_with_units, units, ClusterRow, UnitFilter, UnitListRow, UnitPage};
use crate::place::blocks::StockBlock;
use crate::search::ComplexIndex;
use crate::sql::{self, Conn, Exec};
use crate::{Db, Result, StoreError};
use quick_cache::{sync::Cache, Weighter};
use std::collections::HashMap;
use std::mem::size_of;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::bezit::rent::RentBand;
use volkshuis_domain::place::stock::Period;

/// Memory for kept pages, in bytes, for lists and for complexes each: about 2,000 pages of 50 units (~280 bytes a
/// row with its texts), list pages or complex pages.
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;
/// quick_cache sizes its tables by an estimate of the number of entries.
const ESTIMATED_PAGES: usize = 2_048;
/// Memory for the stock blocks of complexes' place pages: figures and one map point per unit, 3–4 kB for a complex
/// of 150 homes. The benchmark's national stock in one corporation (14,794 complexes) takes about 55 MB; the largest
/// real corporation's a few MB.
const STOCK_BLOCK_BYTES: u64 = 64 * 1024 * 1024;
/// quick_cache sizes the stock blocks' table by this estimate of their number.
const ESTIMATED_STOCK_BLOCKS: usize = 16_384;
/// How long a stock version read from the database is taken as current without reading it again: how late another
/// process's change to the stock may show.
pub const VERSION_FRESH_FOR: Duration = Duration::from_secs(1);

/// A complex with the first units of its page.
pub type ComplexPage = (ClusterRow, UnitPage);

/// What a kept list page answers: exactly the arguments of its query, and the stock version it was read at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ListKey {
    corporation: i64,
    version: i64,
    filter: UnitFilter,
    offset: i64,
    limit: i64,
}

/// What a kept complex page answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ComplexKey {
    corporation: i64,
    version: i64,
    id: i64,
    offset: i64,
    limit: i64,
}

/// What a kept stock block of a complex's place page answers: the complex at a stock version, its rent bands
/// anchored on a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct StockBlockKey {
    corporation: i64,
    version: i64,
    complex: i64,
    year: i32,
}

/// A page with its size in bytes, computed once (the cache asks for it while evicting).
#[derive(Debug)]
struct Kept<T> {
    page: Arc<T>,
    bytes: u64,
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Self { page: self.page.clone(), bytes: self.bytes }
    }
}

impl Kept<UnitPage> {
    fn list(page: UnitPage) -> Self {
        Self { bytes: page_bytes(&page), page: Arc::new(page) }
    }
}

impl Kept<StockBlock> {
    fn stock(block: StockBlock) -> Self {
        // What the block holds on the heap, near enough: its points as allocated, each code with its share of a map's
        // node, and the bands' and periods' lists.
        let summary = &block.summary;
        let codes: usize =
            summary.kinds.keys().chain(summary.statuses.keys()).map(|c| 96 + c.as_ref().map_or(0, String::len)).sum();
        let lists = summary.rent_bands.capacity() * size_of::<(RentBand, i64)>()
            + summary.periods.capacity() * size_of::<(Period, i64)>();
        let points = block.points.capacity() * size_of::<(f64, f64)>();
        let bytes = size_of::<StockBlock>() + codes + lists + points + 256;
        Self { bytes: bytes as u64, page: Arc::new(block) }
    }
}

impl Kept<ComplexPage> {
    fn complex(page: ComplexPage) -> Self {
        let (cluster, units) = &page;
        let naam = cluster.naam.as_ref().map_or(0, String::len);
        let cluster_bytes = size_of::<ClusterRow>() + cluster.code.len() + naam + cluster.woonplaatsen.len();
        Self { bytes: page_bytes(units) + cluster_bytes as u64, page: Arc::new(page) }
    }
}

/// The heap a page holds, near enough: its rows and their texts.
fn page_bytes(page: &UnitPage) -> u64 {
    let text = |t: &Option<String>| t.as_ref().map_or(0, String::len);
    let rows: usize = page
        .units
        .iter()
        .map(|u| {
            size_of::<UnitListRow>()
                + u.id_extern.len()
                + u.cluster.as_ref().map_or(0, |(_, code, naam)| code.len() + text(naam))
                + text(&u.soort)
                + text(&u.detail_soort)
                + u.address.len()
                + u.postcode.len()
                + u.woonplaats.len()
                + text(&u.label)
        })
        .sum();
    (size_of::<UnitPage>() + rows) as u64
}

#[derive(Debug, Clone)]
struct Bytes;

impl<K, T> Weighter<K, Kept<T>> for Bytes {
    fn weight(&self, _key: &K, kept: &Kept<T>) -> u64 {
        kept.bytes
    }
}

/// The kept pages of one [`Db`] handle, and the stock versions they were read at.
pub(crate) struct PageCache {
    lists: Cache<ListKey, Kept<UnitPage>, Bytes>,
    complexes: Cache<ComplexKey, Kept<ComplexPage>, Bytes>,
    /// The stock blocks of complexes' place pages: their figures and map points, a few kB each.
    stock_blocks: Cache<StockBlockKey, Kept<StockBlock>, Bytes>,
    /// Per corporation: its version and when it was read.
    versions: RwLock<HashMap<i64, (i64, Instant)>>,
    /// Raised each time the versions are forgotten, so a reading overtaken by a change is not remembered.
    forgotten: AtomicU64,
    /// Per corporation and kind of filter choice (complexes, buurten): how many the stock has, at which version. The
    /// unit list's pickers ask on every page, and counting a national stock's buurten reads 2.3 million index entries.
    counts: PerVersion<i64>,
    /// Per corporation and kind of filter choice: the first code, which each picker shows as an example.
    examples: PerVersion<Option<String>>,
    /// Per corporation: its complexes by code and name, which the search box matches a typed text against.
    complex_indexes: PerVersion<Arc<ComplexIndex>>,
}

/// Small facts of a corporation's stock (what the filter pickers count and show as an example), each under its
/// corporation and a number naming which fact, with the stock version it was read at.
type PerVersion<V> = RwLock<HashMap<(i64, u8), (i64, V)>>;

impl PageCache {
    pub(crate) fn new() -> Self {
        Self {
            lists: Cache::with_weighter(ESTIMATED_PAGES, CAPACITY_BYTES, Bytes),
            complexes: Cache::with_weighter(ESTIMATED_PAGES, CAPACITY_BYTES, Bytes),
            stock_blocks: Cache::with_weighter(ESTIMATED_STOCK_BLOCKS, STOCK_BLOCK_BYTES, Bytes),
            versions: RwLock::new(HashMap::new()),
            forgotten: AtomicU64::new(0),
            counts: RwLock::new(HashMap::new()),
            examples: RwLock::new(HashMap::new()),
            complex_indexes: RwLock::new(HashMap::new()),
        }
    }

    /// The bytes of the pages kept now.
    pub(crate) fn bytes(&self) -> u64 {
        self.lists.weight() + self.complexes.weight() + self.stock_blocks.weight()
    }

    /// The stock block of a complex's place page, as `read` reads it, kept until the corporation's stock changes
    /// (`key` from [`stock_block_key`]). Requests for a block being read wait for that reading; when it fails, the
    /// next of them reads it.
    pub(crate) async fn stock_block(
        &self,
        key: StockBlockKey,
        read: impl std::future::Future<Output = Result<StockBlock>>,
    ) -> Result<Arc<StockBlock>> {
        let read = async { Ok::<_, StoreError>(Kept::stock(read.await?)) };
        Ok(self.stock_blocks.get_or_insert_async(&key, read).await?.page)
    }

    /// Forgets every version read, after this handle changed a stock: the next page reads it again.
    pub(crate) fn forget_versions(&self) {
        self.forgotten.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut versions) = self.versions.write() {
            versions.clear();
        }
    }

    fn fresh_version(&self, corporation: i64) -> Option<i64> {
        let versions = self.versions.read().ok()?;
        let (version, read_at) = versions.get(&corporation)?;
        (read_at.elapsed() < VERSION_FRESH_FOR).then_some(*version)
    }

    /// Remembers a version read at `read_at`, unless the versions were forgotten since `ticket` was taken.
    fn remember_version(&self, corporation: i64, version: i64, read_at: Instant, ticket: u64) {
        if let Ok(mut versions) = self.versions.write() {
            // Checked under the lock that `forget_versions` clears under, so a forgetting cannot slip in between.
            if self.forgotten.load(Ordering::SeqCst) == ticket {
                versions.insert(corporation, (version, read_at));
            }
        }
    }
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (lists, complexes, blocks) = (self.lists.len(), self.complexes.len(), self.stock_blocks.len());
        write!(f, "PageCache({lists} lists, {complexes} complexes, {blocks} stock blocks, {} bytes)", self.bytes())
    }
}

/// What the stock block of `complex`'s place page is kept under: the corporation's stock `version` (as [`version`]
/// read it on the page's own connection, once for the whole page), rent bands anchored on `year`.
pub(crate) fn stock_block_key(corporation: i64, version: i64, complex: i64, year: i32) -> StockBlockKey {
    StockBlockKey { corporation, version, complex, year }
}

/// The corporation's stock version (0 before its first change), from memory when read less than
/// [`VERSION_FRESH_FOR`] ago, else read on `on`.
pub(crate) async fn version<'c>(cache: &PageCache, on: impl Exec<'c>, corporation: i64) -> Result<i64> {
    if let Some(version) = cache.fresh_version(corporation) {
        return Ok(version);
    }
    let (ticket, read_at) = (cache.forgotten.load(Ordering::SeqCst), Instant::now());
    let version: Option<i64> = sql::query_scalar("SELECT version FROM stock_versions WHERE corporation_id = $1")
        .bind(corporation)
        .fetch_optional(on)
        .await?;
    let version = version.unwrap_or(0);
    cache.remember_version(corporation, version, read_at, ticket);
    Ok(version)
}

/// Raises the corporation's stock version; call it in every transaction that changes its units or complexes, and
/// [`Db::stock_changed`] after it commits.
pub(crate) async fn raise_version(conn: Conn<'_>, corporation: i64) -> Result<()> {
    sql::query(
        "INSERT INTO stock_versions (corporation_id, version) VALUES ($1, 1) \
         ON CONFLICT (corporation_id) DO UPDATE SET version = stock_versions.version + 1",
    )
    .bind(corporation)
    .execute(conn)
    .await?;
    Ok(())
}

/// Why a complex page was not read: not the corporation's (not kept, and cheap to find again), or an error.
enum Unread {
    NotTheirs,
    Failed(StoreError),
}

impl From<StoreError> for Unread {
    fn from(error: StoreError) -> Self {
        Unread::Failed(error)
    }
}

// Requests for a page that is being read wait for that reading instead of each reading it again: just after an
// import, 64 requests for the same page read it once (quick_cache's `get_or_insert_async`).

/// A page of the unit list exactly as [`units`] reads it, kept until the corporation's stock changes.
pub async fn list_page(
    db: &Db,
    scope: &ReadScope,
    filter: &UnitFilter,
    offset: i64,
    limit: i64,
) -> Result<Arc<UnitPage>> {
    let corporation = scope.org_id();
    let version = version(db.pages(), db, corporation).await?;
    let key = ListKey { corporation, version, filter: filter.clone(), offset, limit };
    let read = async { Ok::<_, StoreError>(Kept::list(units(db, scope, filter, offset, limit).await?)) };
    Ok(db.pages().lists.get_or_insert_async(&key, read).await?.page)
}

/// A count of the corporation's stock (`what` names which: a kind of filter choice), as `read` counts it, kept until
/// the corporation's stock changes.
pub(crate) async fn kept_count(
    db: &Db,
    corporation: i64,
    what: u8,
    read: impl std::future::Future<Output = Result<i64>>,
) -> Result<i64> {
    kept(db, |cache| &cache.counts, (corporation, what), read).await
}

/// An example code of the corporation's stock (`what` names which: a kind of filter choice), as `read` finds it,
/// kept until the corporation's stock changes.
pub(crate) async fn kept_example(
    db: &Db,
    corporation: i64,
    what: u8,
    read: impl std::future::Future<Output = Result<Option<String>>>,
) -> Result<Option<String>> {
    kept(db, |cache| &cache.examples, (corporation, what), read).await
}

/// The corporation's complexes as the search matches them, as `read` reads them, kept until its stock changes.
pub(crate) async fn kept_complex_index(
    db: &Db,
    corporation: i64,
    read: impl std::future::Future<Output = Result<Arc<ComplexIndex>>>,
) -> Result<Arc<ComplexIndex>> {
    kept(db, |cache| &cache.complex_indexes, (corporation, 0), read).await
}

async fn kept<V: Clone>(
    db: &Db,
    facts: impl Fn(&PageCache) -> &PerVersion<V>,
    key: (i64, u8),
    read: impl std::future::Future<Output = Result<V>>,
) -> Result<V> {
    let version = version(db.pages(), db, key.0).await?;
    let cache = db.pages();
    let kept = facts(cache).read().ok().and_then(|facts| facts.get(&key).cloned());
    if let Some((at, value)) = kept {
        if at == version {
            return Ok(value);
        }
    }
    let value = read.await?;
    if let Ok(mut facts) = facts(cache).write() {
        facts.insert(key, (version, value.clone()));
    }
    Ok(value)
}

/// A complex's page exactly as [`cluster_with_units`] reads it, kept until the corporation's stock changes.
pub async fn complex_page(
    db: &Db,
    scope: &ReadScope,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<Option<Arc<ComplexPage>>> {
    let corporation = scope.org_id();
    let version = version(db.pages(), db, corporation).await?;
    let key = ComplexKey { corporation, version, id, offset, limit };
    let read = async {
        let page = cluster_with_units(db, scope, id, offset, limit).await?.ok_or(Unread::NotTheirs)?;
        Ok(Kept::complex(page))
    };
    match db.pages().complexes.get_or_insert_async(&key, read).await {
        Ok(kept) => Ok(Some(kept.page)),
        Err(Unread::NotTheirs) => Ok(None),
        Err(Unread::Failed(error)) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64) -> UnitListRow {
        UnitListRow {
            id,
            id_extern: format!("E{id}"),
            cluster: Some((1, "C1".to_owned(), None)),
            soort: Some("WON".to_owned()),
            detail_soort: None,
            address: "Lange Straat 1".to_owned(),
            postcode: "1011AB".to_owned(),
            woonplaats: "Amsterdam".to_owned(),
            label: Some("DAE".to_owned()),
            nettohuur_cents: Some(70_000),
        }
    }

    fn key(offset: i64) -> ListKey {
        ListKey { corporation: 1, version: 1, filter: UnitFilter::default(), offset, limit: 300 }
    }

    #[test]
    fn a_page_weighs_its_rows_and_their_texts() {
        let empty = UnitPage { units: Vec::new(), total: 0, exact: true };
        let one = UnitPage { units: vec![row(1)], total: 1, exact: true };
        let texts = "E1".len() + "C1".len() + "WON".len() + "Lange Straat 1".len() + "1011AB".len() + 9 + 3;
        assert_eq!(page_bytes(&one) - page_bytes(&empty), (size_of::<UnitListRow>() + texts) as u64);
    }

    #[test]
    fn kept_pages_stay_within_their_memory() {
        let cache = PageCache::new();
        let kept = Kept::list(UnitPage { units: (0..300).map(row).collect(), total: 300, exact: true });
        let fits = CAPACITY_BYTES / kept.bytes;
        for offset in 0..(fits as i64 * 2) {
            cache.lists.insert(key(offset), kept.clone());
        }
        assert!(cache.lists.weight() <= CAPACITY_BYTES, "{} bytes kept", cache.lists.weight());
        assert!(cache.bytes() >= CAPACITY_BYTES / 2, "the cache is used: {} bytes kept", cache.bytes());
    }

    #[test]
    fn a_version_read_before_a_change_is_not_remembered_after_it() {
        let cache = PageCache::new();
        let ticket = cache.forgotten.load(Ordering::SeqCst);
        cache.remember_version(1, 7, Instant::now(), ticket);
        assert_eq!(cache.fresh_version(1), Some(7));
        assert_eq!(cache.fresh_version(2), None, "another corporation's is its own");

        let overtaken = cache.forgotten.load(Ordering::SeqCst);
        cache.forget_versions();
        assert_eq!(cache.fresh_version(1), None, "forgotten at the change");
        cache.remember_version(1, 7, Instant::now(), overtaken);
        assert_eq!(cache.fresh_version(1), None, "read before the change, so not kept");

        cache.remember_version(1, 7, Instant::now() - VERSION_FRESH_FOR, cache.forgotten.load(Ordering::SeqCst));
        assert_eq!(cache.fresh_version(1), None, "too old to be taken as current");
    }
}
