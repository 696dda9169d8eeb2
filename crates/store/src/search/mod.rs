//! The search box (issue 23): complexes, addresses, groups, Overleg cases, contracts, cycles and initiatives that the
//! organisation of a scope may see, found by one typed text and ranked by the domain's rule
//! ([`volkshuis_domain::search`]).
//!
//! Nothing here decides anew who sees what: each kind takes the condition of the module it belongs to (named at each
//! query), and a module is only searched where its pages open to the organisation's kind. Places (complexes and
//! addresses) are those of [`crate::participatie::all_open_figures`], bounded to a municipality's gemeenten as its
//! figures are. Modules with personal data (Signalering, the buyers of Nazorg) are not searched at all.
//!
//! Texts are matched in memory: a corporation's complexes (`ComplexIndex`, kept per stock version) and the module
//! rows with who may find each (`ModuleIndex`, kept until `search_version` changes). Those indexes only choose each
//! kind's best candidates; what is shown is read by id in SQL under the module's own condition again, so an index can
//! miss a change for a moment but never show what is not the viewer's. Addresses are one query on the street index.
//! All statements of one search run on one connection. See ADR 0047 for the street index, ADRs 0051, 0052 and 0054
//! for the rest.

mod bench;
mod complex_index;
mod module_index;
mod modules;
mod places;
mod records;

pub use bench::{samples, Sample};
pub(crate) use complex_index::ComplexIndex;
pub(crate) use modules::KeptModules;

use crate::participatie::{all_open_figures_as, org_kind};
use crate::{Db, Result};
use modules::{modules, InitiativeReach, Kinds};
use places::{addresses, by_id_extern, complex_indexes, complexes};
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
        /// The organisation it was brought in for, if any (its list is that organisation's).
        initiator_org_id: Option<i64>,
    },
}

/// Everything the organisation of `scope` may see that matches `query`, at most `limit` (up to [`MAX_PER_KIND`]) of
/// each kind, best first.
pub async fn search(db: &Db, scope: &ReadScope, query: &Query, limit: usize) -> Result<Vec<Hit>> {
    let Some(kind) = org_kind(db, scope.org_id()).await? else { return Ok(Vec::new()) };
    let limit = i64::try_from(limit.clamp(1, MAX_PER_KIND)).unwrap_or(1);
    let figures = all_open_figures_as(db, scope, kind).await?;
    let indexes = complex_indexes(db, &figures).await?;
    // One connection for the statements below: each statement on the pool takes one and hands it back with a ping,
    // a round trip more (PostgreSQL) or a hand-over to SQLite's worker thread. Taken after everything that reads
    // through the pool, so a search never waits for a second connection while holding one.
    let kept = db.kept_modules();
    let mut pooled = db.acquire().await?;
    let db = &mut pooled.conn();
    let mut hits = complexes(db, &figures, &indexes, query, limit).await?;
    hits.extend(addresses(db, &figures, query, limit).await?);
    hits.extend(by_id_extern(db, &figures, scope.org_id(), query).await?);
    let kinds = Kinds {
        // The group page opens to the parties of the Overlegwet only (a municipality sees coverage, not groups).
        groups: Module::Participatie.open_to(kind) && is_overlegwet_party(kind),
        cases: Module::Overleg.open_to(kind),
        contracts: Module::SocialReturn.open_to(kind),
        cycles: Module::Afspraken.open_to(kind),
        // A corporation its own; an organisation the module opens to those brought in for it; every organisation
        // the published ones, which the public register shows to everyone.
        initiatives: Some(if kind == OrgKind::Corporation {
            InitiativeReach::Own
        } else if Module::Initiatieven.open_to(kind) {
            InitiativeReach::BroughtIn
        } else {
            InitiativeReach::Published
        }),
    };
    hits.extend(modules(db, kept, scope.org_id(), kinds, query, limit).await?);
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
