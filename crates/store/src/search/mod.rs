//! The search box (issue 23): complexes, addresses, groups, Overleg cases, contracts, cycles and initiatives that the
//! organisation of a scope may see, found by one typed text and ranked by the domain's rule
//! ([`volkshuis_domain::search`]).
//!
//! Nothing here decides anew who sees what: each kind takes the condition of the module it belongs to (named at each
//! query), and a module is only searched where its pages open to the organisation's kind. Places (complexes and
//! addresses) are those of [`all_open_figures`], bounded to a municipality's gemeenten as its figures are. Modules
//! with personal data (Signalering, the buyers of Nazorg) are not searched at all.
//!
//! Each kind is one query with its own `LIMIT`, ordered by the domain's grades written as a `CASE`, so that the rows
//! kept are the best of that kind; the domain then orders them all. The module kinds run as one statement.
//! Complexes are matched in memory instead (`ComplexIndex`, kept per stock version) and only their pages checked in
//! SQL. All statements of one search run on one connection. See ADR 0047 for the street index, ADR 0051 and 0052
//! for the rest.

mod bench;
mod complex_index;
mod modules;
mod places;

pub use bench::{samples, Sample};
pub(crate) use complex_index::ComplexIndex;

use crate::participatie::all_open_figures;
use crate::sql::{self, Conn};
use crate::{like, Db, Result};
use modules::{modules, Kinds};
use places::{addresses, complex_indexes, complexes};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::modules::{is_overlegwet_party, Module};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::search::{order, rank, Kind, Match, Query};

/// The most results of one kind.
pub const MAX_PER_KIND: usize = 20;

/// One thing found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What it is.
    pub kind: Kind,
    /// How well it matched.
    pub rank: Match,
    /// Its name ("De Linde", "Kerkstraat 12A", a case's title).
    pub title: String,
    /// A few facts that tell it apart (a code, a corporation, a woonplaats, a gemeente, years): stored data only,
    /// never a text of the interface.
    pub context: Vec<String>,
    /// What the web layer needs for its link.
    pub target: Target,
}

/// The ids behind a hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A complex.
    Complex {
        /// Its id.
        cluster_id: i64,
    },
    /// A unit.
    Unit {
        /// Its id.
        unit_id: i64,
        /// The corporation that owns it.
        corporation_id: i64,
        /// Its complex, if any.
        cluster_id: Option<i64>,
        /// Its buurt, if known.
        buurt_code: Option<String>,
    },
    /// A group of the Participatiekaart.
    Group {
        /// Its id.
        id: i64,
    },
    /// An Overleg case.
    Case {
        /// Its id.
        id: i64,
    },
    /// A social-return contract.
    Contract {
        /// Its id.
        id: i64,
    },
    /// A prestatieafspraken cycle.
    Cycle {
        /// Its id.
        id: i64,
    },
    /// An initiative.
    Initiative {
        /// Its id.
        id: i64,
        /// The user who brought it in, if known (their own page is theirs).
        initiator_user_id: Option<i64>,
    },
}

/// Everything the organisation of `scope` may see that matches `query`, at most `limit` (up to [`MAX_PER_KIND`]) of
/// each kind, best first.
pub async fn search(db: &Db, scope: &ReadScope, query: &Query, limit: usize) -> Result<Vec<Hit>> {
    let kind: Option<String> = sql::query_scalar("SELECT kind FROM organisations WHERE id = $1")
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    let Some(kind) = kind.and_then(|k| OrgKind::parse(&k).ok()) else { return Ok(Vec::new()) };
    let limit = i64::try_from(limit.clamp(1, MAX_PER_KIND)).unwrap_or(1);
    let texts = Texts::of(query);
    let figures = all_open_figures(db, scope).await?;
    let indexes = complex_indexes(db, &figures).await?;
    // One connection for the statements below: each statement on the pool takes one and hands it back with a ping,
    // a round trip more (PostgreSQL) or a hand-over to SQLite's worker thread. Taken after everything that reads
    // through the pool, so a search never waits for a second connection while holding one.
    let mut pooled = db.acquire().await?;
    let db = &mut pooled.conn();
    let mut hits = complexes(db, &figures, &indexes, query, limit).await?;
    hits.extend(addresses(db, &figures, query, limit).await?);
    let kinds = Kinds {
        // The group page opens to the parties of the Overlegwet only (a municipality sees coverage, not groups).
        groups: Module::Participatie.open_to(kind) && is_overlegwet_party(kind),
        cases: Module::Overleg.open_to(kind),
        contracts: Module::SocialReturn.open_to(kind),
        cycles: Module::Afspraken.open_to(kind),
        initiatives: Module::Initiatieven.open_to(kind).then_some(kind == OrgKind::Corporation),
    };
    hits.extend(modules(db, scope.org_id(), kinds, &texts, limit).await?);
    let mut ranked: Vec<Hit> = hits
        .into_iter()
        .filter_map(|mut hit| {
            hit.rank = match &hit.target {
                // Addresses were ranked on their own columns already.
                Target::Unit { .. } => hit.rank,
                _ => rank(query, hit.context.first().map(String::as_str).filter(|_| has_code(hit.kind)), &hit.title)?,
            };
            Some(hit)
        })
        .collect();
    ranked.sort_by(|a, b| order((a.rank, a.kind, &a.title), (b.rank, b.kind, &b.title)));
    Ok(ranked)
}

/// Whether the first fact of a kind's context is its code (a complex's code, a cycle's gemeente code).
fn has_code(kind: Kind) -> bool {
    matches!(kind, Kind::Complex | Kind::Cycle)
}

/// The query as the `LIKE`s of the small tables take it: `$1` the whole text, `$2` a prefix, `$3` a word's prefix,
/// `$4` anywhere (wildcards escaped; lower case as `lower()` gives it).
pub(crate) struct Texts {
    exact: String,
    prefix: String,
    word: String,
    contains: String,
}

impl Texts {
    fn of(query: &Query) -> Self {
        let folded = query.folded();
        Self {
            exact: folded.to_owned(),
            prefix: like::starts_with(folded),
            word: like::word_starts_with(folded),
            contains: like::contains(folded),
        }
    }
}

/// How a column meets the query's folded texts. PostgreSQL compares `lower(column)`. SQLite compares the column
/// itself: its `LIKE` and `NOCASE` fold ASCII letters and nothing else, exactly as its `lower()` does, without
/// building a lowered copy of each row's text — which was most of a search's cost on SQLite (1.86 → 0.58 ms for
/// a word in every case's title; ADR 0053).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fold(pub(crate) crate::Backend);

impl Fold {
    /// `column LIKE $param`, case folded.
    pub(crate) fn like(self, column: &str, param: u8) -> String {
        match self.0 {
            crate::Backend::Postgres => format!("lower({column}) LIKE ${param} ESCAPE '\\'"),
            crate::Backend::Sqlite => format!("{column} LIKE ${param} ESCAPE '\\'"),
        }
    }

    /// `column = $param`, case folded.
    pub(crate) fn equals(self, column: &str, param: u8) -> String {
        match self.0 {
            crate::Backend::Postgres => format!("lower({column}) = ${param}"),
            crate::Backend::Sqlite => format!("{column} = ${param} COLLATE NOCASE"),
        }
    }
}

/// The domain's grades in SQL, for a name (and a code), so that a kind's `LIMIT` keeps its best rows.
pub(crate) fn grade(fold: Fold, name: &str, code: Option<&str>) -> String {
    let code_exact = code.map(|c| format!(" OR {}", fold.equals(c, 1))).unwrap_or_default();
    let code_prefix = code.map(|c| format!(" OR {}", fold.like(c, 2))).unwrap_or_default();
    format!(
        "CASE WHEN {}{code_exact} THEN 0 WHEN {}{code_prefix} THEN 1 WHEN {} THEN 2 ELSE 3 END",
        fold.equals(name, 1),
        fold.like(name, 2),
        fold.like(name, 3)
    )
}

/// A text query of a small table with the four texts bound as `$1`–`$4`, then `$5` the organisation and `$6` the
/// limit (a statement must use each argument it is given: both are always written in).
pub(crate) async fn text_rows(
    db: &mut Conn<'_>,
    statement: &str,
    texts: &Texts,
    org: i64,
    limit: i64,
) -> Result<Vec<sql::Row>> {
    Ok(sql::query(statement)
        .bind(&texts.exact)
        .bind(&texts.prefix)
        .bind(&texts.word)
        .bind(&texts.contains)
        .bind(org)
        .bind(limit)
        .fetch_all(&mut *db)
        .await?)
}
