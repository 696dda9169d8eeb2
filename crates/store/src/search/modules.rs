//! The module rows of the search, each kind by the condition of its module's own list (named at each query), all
//! kinds in one statement: each kind's best rows (its own `ORDER BY … LIMIT`) under one `UNION ALL`, in the same
//! columns (ADR 0052; a statement each cost a hand-over or round trip each, ADR 0051).

use super::{grade, text_rows, Fold, Hit, Target, Texts};
use crate::sql::{self, Conn};
use crate::Result;
use volkshuis_domain::search::{Kind, Match};

/// The columns every kind's rows have: its kind's code, id, title, two texts and two numbers of context.
const COLUMNS: &str = "kind, id, title, a, b, n, m";

/// One kind of the search: its rows in [`COLUMNS`], best first, at most `$6`.
struct Part {
    kind: Kind,
    statement: String,
}

/// Groups by name, as `participatie::visible_to` decides: every open group in the organisation's own stock, and the
/// groups it keeps with every open group below them.
///
/// Written from the other end: the open groups whose name matches, each walked up through its open parents until one
/// is the organisation's (its stock's, or kept by it). Collecting everything the organisation sees first, as
/// `visible_to` does for its list, read all of a national corporation's groups for every search (2.1 ms on SQLite).
fn groups(fold: Fold) -> Part {
    let statement = format!(
        "WITH RECURSIVE up(id, at) AS (\
           SELECT id, id FROM part_groups WHERE ended_on IS NULL AND {} \
           UNION SELECT u.id, p.id FROM up u JOIN part_groups g ON g.id = u.at \
             JOIN part_groups p ON p.id = g.parent_id WHERE p.ended_on IS NULL) \
         SELECT 'group' AS kind, g.id, g.name AS title, k.name AS a, c.name AS b, \
           CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM part_groups g \
         JOIN organisations k ON k.id = g.org_id JOIN organisations c ON c.id = g.corporation_id \
         WHERE g.id IN (SELECT u.id FROM up u JOIN part_groups a ON a.id = u.at \
           WHERE a.corporation_id = $5 OR a.org_id = $5) \
         ORDER BY {}, g.name, g.id LIMIT $6",
        fold.like("name", 4),
        grade(fold, "g.name", None)
    );
    Part { kind: Kind::Group, statement }
}

/// Overleg cases by title, as `overleg::cases::list`: the organisation's own, sent or received.
fn cases(fold: Fold) -> Part {
    let statement = format!(
        "SELECT 'case' AS kind, c.id, c.title, CASE WHEN c.corporation_id = $5 THEN t.name ELSE co.name END AS a, \
           CAST(NULL AS TEXT) AS b, CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m \
         FROM overleg_cases c JOIN organisations co ON co.id = c.corporation_id \
         JOIN organisations t ON t.id = c.tenant_org_id \
         WHERE (c.corporation_id = $5 OR c.tenant_org_id = $5) AND {} \
         ORDER BY {}, c.title, c.id LIMIT $6",
        fold.like("c.title", 4),
        grade(fold, "c.title", None)
    );
    Part { kind: Kind::Case, statement }
}

/// Contracts by title, as `socialreturn::contracts::contracts`: the organisation's as buyer, supplier or coordinator.
fn contracts(fold: Fold) -> Part {
    let statement = format!(
        "SELECT 'contract' AS kind, c.id, c.title, b.name AS a, s.name AS b, \
           CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM sr_contracts c \
         JOIN organisations b ON b.id = c.buyer_id JOIN organisations s ON s.id = c.supplier_id \
         WHERE c.id IN (SELECT id FROM sr_contracts WHERE buyer_id = $5 UNION \
           SELECT id FROM sr_contracts WHERE supplier_id = $5 UNION \
           SELECT id FROM sr_contracts WHERE coordinator_id = $5) \
         AND {} ORDER BY {}, c.title, c.id LIMIT $6",
        fold.like("c.title", 4),
        grade(fold, "c.title", None)
    );
    Part { kind: Kind::Contract, statement }
}

/// Cycles by title or gemeente code, as `afspraken::cycles::cycles_of`: those the organisation is a party to.
fn cycles(fold: Fold) -> Part {
    let statement = format!(
        "SELECT 'cycle' AS kind, c.id, c.title, c.gemeente_code AS a, CAST(NULL AS TEXT) AS b, \
           c.first_year AS n, c.last_year AS m FROM pa_cycles c \
         JOIN pa_parties p ON p.cycle_id = c.id AND p.org_id = $5 \
         WHERE ({} OR {}) \
         ORDER BY {}, c.title, c.id LIMIT $6",
        fold.like("c.title", 4),
        fold.equals("c.gemeente_code", 1),
        grade(fold, "c.title", Some("c.gemeente_code"))
    );
    Part { kind: Kind::Cycle, statement }
}

/// Initiatives by title, as `initiatieven::initiatives`: a corporation's own (`of_corporation`), or those brought in
/// for a tenant organisation or partner (`of_org`).
fn initiatives(fold: Fold, corporation: bool) -> Part {
    let whose = if corporation { "i.corporation_id = $5" } else { "i.initiator_org_id = $5" };
    let statement = format!(
        "SELECT 'initiative' AS kind, i.id, i.title, i.place AS a, o.name AS b, i.initiator_user_id AS n, \
           CAST(NULL AS BIGINT) AS m FROM in_initiatives i \
         JOIN organisations o ON o.id = i.corporation_id \
         WHERE {whose} AND {} ORDER BY {}, i.title, i.id LIMIT $6",
        fold.like("i.title", 4),
        grade(fold, "i.title", None)
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
    /// `Some(true)` for a corporation's own initiatives, `Some(false)` for those brought in by the organisation.
    pub(super) initiatives: Option<bool>,
}

/// The module rows of the `kinds` asked, each kind's best `limit`, in one statement.
pub(super) async fn modules(db: &mut Conn<'_>, org: i64, kinds: Kinds, texts: &Texts, limit: i64) -> Result<Vec<Hit>> {
    let fold = Fold(db.backend());
    let parts: Vec<Part> = [
        kinds.groups.then(|| groups(fold)),
        kinds.cases.then(|| cases(fold)),
        kinds.contracts.then(|| contracts(fold)),
        kinds.cycles.then(|| cycles(fold)),
        kinds.initiatives.map(|corporation| initiatives(fold, corporation)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    // Each kind inside its own subquery keeps its own ORDER BY and LIMIT (and the groups' WITH) on both engines.
    let statement = parts
        .iter()
        .enumerate()
        .map(|(i, p)| format!("SELECT {COLUMNS} FROM ({}) k{i}", p.statement))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let rows = text_rows(db, &statement, texts, org, limit).await?;
    rows.iter().filter_map(|r| hit(r, &parts).transpose()).collect()
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
            (vec![a.unwrap_or_default(), b.unwrap_or_default()], Target::Initiative { id, initiator_user_id: n })
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
