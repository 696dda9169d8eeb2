//! The module rows of the search: candidates chosen in memory ([`ModuleIndex`], kept until `search_version`
//! changes), then read by id under the condition of each kind's module's own list (named at each query), all kinds
//! in one statement under one `UNION ALL`, in the same columns (ADR 0054; a statement each cost a hand-over or round
//! trip each, ADR 0051).

use super::module_index::{ModuleIndex, ModuleRow, Reach};
use super::{Hit, Target};
use crate::sql::{self, Conn};
use crate::Result;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use volkshuis_domain::search::{Kind, Match, Query};

/// The columns every kind's rows have: its kind's code, id, title, two texts and two numbers of context.
const COLUMNS: &str = "kind, id, title, a, b, n, m";

/// One kind of the search: its rows in [`COLUMNS`] among the ids `ids` (parameters), found by the organisation `$1`.
struct Part {
    kind: Kind,
    statement: String,
}

/// Groups, as `participatie::visible_to` decides: every open group in the organisation's own stock, and the groups
/// it keeps with every open group below them — written from the other end: each candidate walked up through its open
/// parents until one is the organisation's (its stock's, or kept by it).
fn groups(ids: &str) -> Part {
    let statement = format!(
        "WITH RECURSIVE up(id, at) AS (\
           SELECT id, id FROM part_groups WHERE ended_on IS NULL AND id IN ({ids}) \
           UNION SELECT u.id, p.id FROM up u JOIN part_groups g ON g.id = u.at \
             JOIN part_groups p ON p.id = g.parent_id WHERE p.ended_on IS NULL) \
         SELECT 'group' AS kind, g.id, g.name AS title, k.name AS a, c.name AS b, \
           CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM part_groups g \
         JOIN organisations k ON k.id = g.org_id JOIN organisations c ON c.id = g.corporation_id \
         WHERE g.id IN (SELECT u.id FROM up u JOIN part_groups a ON a.id = u.at \
           WHERE a.corporation_id = $1 OR a.org_id = $1)"
    );
    Part { kind: Kind::Group, statement }
}

/// Overleg cases, as `overleg::cases::list`: the organisation's own, sent or received.
fn cases(ids: &str) -> Part {
    let statement = format!(
        "SELECT 'case' AS kind, c.id, c.title, CASE WHEN c.corporation_id = $1 THEN t.name ELSE co.name END AS a, \
           CAST(NULL AS TEXT) AS b, CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m \
         FROM overleg_cases c JOIN organisations co ON co.id = c.corporation_id \
         JOIN organisations t ON t.id = c.tenant_org_id \
         WHERE c.id IN ({ids}) AND (c.corporation_id = $1 OR c.tenant_org_id = $1)"
    );
    Part { kind: Kind::Case, statement }
}

/// Contracts, as `socialreturn::contracts::contracts`: the organisation's as buyer, supplier or coordinator.
fn contracts(ids: &str) -> Part {
    let statement = format!(
        "SELECT 'contract' AS kind, c.id, c.title, b.name AS a, s.name AS b, \
           CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM sr_contracts c \
         JOIN organisations b ON b.id = c.buyer_id JOIN organisations s ON s.id = c.supplier_id \
         WHERE c.id IN ({ids}) AND (c.buyer_id = $1 OR c.supplier_id = $1 OR c.coordinator_id = $1)"
    );
    Part { kind: Kind::Contract, statement }
}

/// Cycles, as `afspraken::cycles::cycles_of`: those the organisation is a party to.
fn cycles(ids: &str) -> Part {
    let statement = format!(
        "SELECT 'cycle' AS kind, c.id, c.title, c.gemeente_code AS a, CAST(NULL AS TEXT) AS b, \
           c.first_year AS n, c.last_year AS m FROM pa_cycles c \
         WHERE c.id IN ({ids}) AND EXISTS (SELECT 1 FROM pa_parties p WHERE p.cycle_id = c.id AND p.org_id = $1)"
    );
    Part { kind: Kind::Cycle, statement }
}

/// Initiatives, as `initiatieven::initiatives`: a corporation's own (`of_corporation`), or those brought in for a
/// tenant organisation or partner (`of_org`), and the published ones everybody finds in the public register (as a
/// place's page shows them).
fn initiatives(ids: &str, reach: InitiativeReach) -> Part {
    let whose = match reach {
        InitiativeReach::Own => "i.corporation_id = $1",
        InitiativeReach::BroughtIn => "(i.initiator_org_id = $1 OR i.published = 1)",
        InitiativeReach::Published => "i.published = 1 AND $1 = $1",
    };
    let statement = format!(
        "SELECT 'initiative' AS kind, i.id, i.title, i.place AS a, o.name AS b, i.initiator_user_id AS n, \
           i.initiator_org_id AS m FROM in_initiatives i \
         JOIN organisations o ON o.id = i.corporation_id \
         WHERE i.id IN ({ids}) AND {whose}"
    );
    Part { kind: Kind::Initiative, statement }
}

/// Which module kinds a search reads.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Kinds {
    pub(super) groups: bool,
    pub(super) cases: bool,
    pub(super) contracts: bool,
    pub(super) cycles: bool,
    /// Which initiatives the organisation finds.
    pub(super) initiatives: Option<InitiativeReach>,
}

/// Which initiatives an organisation finds by search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InitiativeReach {
    /// A corporation: its own.
    Own,
    /// An organisation the module opens to (a tenant organisation, a partner): those brought in for it, and the
    /// published ones.
    BroughtIn,
    /// Any other (a municipality, a supplier): the published ones, which the public register shows (its own
    /// module pages would not open to it).
    Published,
}

impl Kinds {
    /// Whether any kind is asked.
    pub(super) fn any(self) -> bool {
        self.groups || self.cases || self.contracts || self.cycles || self.initiatives.is_some()
    }
}

/// The module index as last read, with the `search_version` it was read at; one search at a time reads it again.
#[derive(Debug, Default)]
pub(crate) struct KeptModules {
    kept: RwLock<Option<(i64, Arc<ModuleIndex>)>>,
    /// Held while the rows are read: the searches that find the index out of date at the same moment wait for the
    /// first one's reading instead of each reading every module row (ADR 0054).
    reading: tokio::sync::Mutex<()>,
    /// How often the rows were read.
    reads: AtomicU64,
}

impl KeptModules {
    /// The index kept at `version`, if that is the one kept.
    fn at(&self, version: i64) -> Option<Arc<ModuleIndex>> {
        let kept = self.kept.read().ok()?;
        kept.as_ref().filter(|(at, _)| *at == version).map(|(_, index)| index.clone())
    }

    /// How often the module rows were read since this handle was opened.
    pub(crate) fn reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }
}

/// The module rows of the `kinds` asked that the organisation `org` finds by `query`, each kind's best `limit`.
pub(super) async fn modules(
    db: &mut Conn<'_>,
    kept: &KeptModules,
    org: i64,
    kinds: Kinds,
    query: &Query,
    limit: i64,
) -> Result<Vec<Hit>> {
    if !kinds.any() {
        return Ok(Vec::new());
    }
    let index = module_index(db, kept).await?;
    let limit = usize::try_from(limit).unwrap_or(0);
    let mut ids: HashMap<Kind, Vec<i64>> = HashMap::new();
    for row in index.find(query, org, kinds, limit) {
        ids.entry(row.kind).or_default().push(row.id);
    }
    let Some((statement, bound, parts)) = statement(&ids, kinds, limit) else { return Ok(Vec::new()) };
    let mut read = sql::query(&statement).bind(org);
    for id in bound {
        read = read.bind(id);
    }
    let rows = read.fetch_all(&mut *db).await?;
    rows.iter().filter_map(|r| hit(r, &parts).transpose()).collect()
}

/// The statement that reads the candidates `ids` of each kind (`$1` the organisation, then the ids), the ids to bind
/// and the kinds' parts; `None` when there are no candidates. Each kind's ids are padded to the limit with 0, an id
/// no row has, so that the statement's text depends only on the kinds found and the limit, and stays among the
/// prepared statements each connection keeps.
fn statement(ids: &HashMap<Kind, Vec<i64>>, kinds: Kinds, limit: usize) -> Option<(String, Vec<i64>, Vec<Part>)> {
    let (mut next, mut bound, mut parts) = (2, Vec::new(), Vec::new());
    for (kind, found) in [Kind::Group, Kind::Case, Kind::Contract, Kind::Cycle, Kind::Initiative]
        .into_iter()
        .filter_map(|kind| Some((kind, ids.get(&kind)?)))
    {
        let marks = sql::marks(next, limit);
        next += limit;
        bound.extend(found.iter().copied().chain(std::iter::repeat(0)).take(limit));
        parts.push(match kind {
            Kind::Group => groups(&marks),
            Kind::Case => cases(&marks),
            Kind::Contract => contracts(&marks),
            Kind::Cycle => cycles(&marks),
            Kind::Initiative => initiatives(&marks, kinds.initiatives.unwrap_or(InitiativeReach::Published)),
            Kind::Complex | Kind::Address => unreachable!("the module index holds no places"),
        });
    }
    if parts.is_empty() {
        return None;
    }
    // Each kind inside its own subquery keeps its own WITH on both engines.
    let statement = parts
        .iter()
        .enumerate()
        .map(|(i, p)| format!("SELECT {COLUMNS} FROM ({}) k{i}", p.statement))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    Some((statement, bound, parts))
}

/// The module index, read again when `search_version` differs from the one it was kept at. The version is read
/// before the rows: a change committed in between is then in the rows under the older version, and read once more at
/// the next search; never the other way round. The index read last is kept, whichever version it has (after a
/// restore the number can go back).
async fn module_index(db: &mut Conn<'_>, kept: &KeptModules) -> Result<Arc<ModuleIndex>> {
    let version: i64 = sql::query_scalar("SELECT version FROM search_version").fetch_one(&mut *db).await?;
    if let Some(index) = kept.at(version) {
        return Ok(index);
    }
    let _reading = kept.reading.lock().await;
    // Another search may have read the rows at this version while this one waited.
    if let Some(index) = kept.at(version) {
        return Ok(index);
    }
    kept.reads.fetch_add(1, Ordering::Relaxed);
    let index = Arc::new(ModuleIndex::new(module_rows(db).await?));
    if let Ok(mut k) = kept.kept.write() {
        *k = Some((version, index.clone()));
    }
    Ok(index)
}

/// A group as the index reads it: id, name, parent, ended on, corporation, keeper.
type GroupRow = (i64, String, Option<i64>, Option<String>, i64, i64);

/// Every row the module index holds, with the organisations its module names.
async fn module_rows(db: &mut Conn<'_>) -> Result<Vec<ModuleRow>> {
    let mut rows = Vec::new();
    let orgs = |id: i64, title: String, kind: Kind, names: Vec<i64>| ModuleRow {
        kind,
        id,
        title,
        code: None,
        reach: Reach::Orgs(names),
    };
    let cases: Vec<(i64, String, i64, i64)> =
        sql::query_as("SELECT id, title, corporation_id, tenant_org_id FROM overleg_cases").fetch_all(&mut *db).await?;
    rows.extend(cases.into_iter().map(|(id, title, c, t)| orgs(id, title, Kind::Case, vec![c, t])));
    let contracts: Vec<(i64, String, i64, i64, Option<i64>)> =
        sql::query_as("SELECT id, title, buyer_id, supplier_id, coordinator_id FROM sr_contracts")
            .fetch_all(&mut *db)
            .await?;
    rows.extend(contracts.into_iter().map(|(id, title, buyer, supplier, coordinator)| {
        orgs(id, title, Kind::Contract, [Some(buyer), Some(supplier), coordinator].into_iter().flatten().collect())
    }));
    let parties: Vec<(i64, i64)> = sql::query_as("SELECT cycle_id, org_id FROM pa_parties").fetch_all(&mut *db).await?;
    let mut of_cycle: HashMap<i64, Vec<i64>> = HashMap::new();
    for (cycle, org) in parties {
        of_cycle.entry(cycle).or_default().push(org);
    }
    let cycles: Vec<(i64, String, String)> =
        sql::query_as("SELECT id, title, gemeente_code FROM pa_cycles").fetch_all(&mut *db).await?;
    rows.extend(cycles.into_iter().map(|(id, title, code)| ModuleRow {
        code: Some(code),
        ..orgs(id, title, Kind::Cycle, of_cycle.remove(&id).unwrap_or_default())
    }));
    let initiatives: Vec<(i64, String, i64, Option<i64>, i64)> =
        sql::query_as("SELECT id, title, corporation_id, initiator_org_id, published FROM in_initiatives")
            .fetch_all(&mut *db)
            .await?;
    rows.extend(initiatives.into_iter().map(|(id, title, corporation, initiator_org, published)| ModuleRow {
        kind: Kind::Initiative,
        id,
        title,
        code: None,
        reach: Reach::Initiative { corporation, initiator_org, published: published != 0 },
    }));
    let groups: Vec<GroupRow> =
        sql::query_as("SELECT id, name, parent_id, ended_on, corporation_id, org_id FROM part_groups")
            .fetch_all(&mut *db)
            .await?;
    rows.extend(groups.into_iter().map(|(id, title, parent, ended_on, corporation, keeper)| ModuleRow {
        kind: Kind::Group,
        id,
        title,
        code: None,
        reach: Reach::Group { open: ended_on.is_none(), parent, corporation, keeper },
    }));
    Ok(rows)
}

/// A row as the hit of its kind; `None` for a kind not asked (which the statement cannot answer).
fn hit(r: &sql::Row, parts: &[Part]) -> Result<Option<Hit>> {
    let code: String = r.try_get("kind")?;
    let Some(kind) = parts.iter().map(|p| p.kind).find(|k| kind_code(*k) == code) else { return Ok(None) };
    let (id, title, a, b): (i64, String, Option<String>, Option<String>) =
        (r.try_get("id")?, r.try_get("title")?, r.try_get("a")?, r.try_get("b")?);
    let (n, m): (Option<i64>, Option<i64>) = (r.try_get("n")?, r.try_get("m")?);
    let (context, target) = match kind {
        Kind::Group => {
            // The keeper, and the corporation when another keeps it.
            let (keeper, corporation) = (a.unwrap_or_default(), b.unwrap_or_default());
            let context = if keeper == corporation { vec![keeper] } else { vec![keeper, corporation] };
            (context, Target::Group { id })
        }
        Kind::Case => (vec![a.unwrap_or_default()], Target::Case { id }),
        Kind::Contract => (vec![a.unwrap_or_default(), b.unwrap_or_default()], Target::Contract { id }),
        Kind::Cycle => {
            let years = format!("{}–{}", n.unwrap_or_default(), m.unwrap_or_default());
            (vec![a.unwrap_or_default(), years], Target::Cycle { id })
        }
        Kind::Initiative => {
            let target = Target::Initiative { id, initiator_user_id: n, initiator_org_id: m };
            (vec![a.unwrap_or_default(), b.unwrap_or_default()], target)
        }
        Kind::Complex | Kind::Address => return Ok(None),
    };
    Ok(Some(Hit { kind, rank: Match::Contains, title, context, target }))
}

/// The code a kind's rows carry in the statement.
fn kind_code(kind: Kind) -> &'static str {
    match kind {
        Kind::Group => "group",
        Kind::Case => "case",
        Kind::Contract => "contract",
        Kind::Cycle => "cycle",
        Kind::Initiative => "initiative",
        Kind::Complex => "complex",
        Kind::Address => "address",
    }
}
