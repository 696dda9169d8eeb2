//! The module rows of the search, each by the condition of its module's own list (named at each query).

use super::{grade, text_rows, Hit, Target, Texts};
use crate::sql::Conn;
use crate::Result;
use volkshuis_domain::search::{Kind, Match};

/// Groups by name, as `participatie::visible_to` decides: every open group in the organisation's own stock, and the
/// groups it keeps with every open group below them.
///
/// Written from the other end: the open groups whose name matches, each walked up through its open parents until one
/// is the organisation's (its stock's, or kept by it). Collecting everything the organisation sees first, as
/// `visible_to` does for its list, read all of a national corporation's groups for every search (2.1 ms on SQLite).
pub(super) async fn groups(db: &mut Conn<'_>, org: i64, texts: &Texts, limit: i64) -> Result<Vec<Hit>> {
    let statement = format!(
        "WITH RECURSIVE up(id, at) AS (\
           SELECT id, id FROM part_groups WHERE ended_on IS NULL AND lower(name) LIKE $4 ESCAPE '\\' \
           UNION SELECT u.id, p.id FROM up u JOIN part_groups g ON g.id = u.at \
             JOIN part_groups p ON p.id = g.parent_id WHERE p.ended_on IS NULL) \
         SELECT g.id, g.name, k.name AS keeper, c.name AS corporation FROM part_groups g \
         JOIN organisations k ON k.id = g.org_id JOIN organisations c ON c.id = g.corporation_id \
         WHERE g.id IN (SELECT u.id FROM up u JOIN part_groups a ON a.id = u.at \
           WHERE a.corporation_id = $5 OR a.org_id = $5) \
         ORDER BY {}, g.name, g.id LIMIT $6",
        grade("g.name", None)
    );
    let rows = text_rows(db, &statement, texts, org, limit).await?;
    rows.iter()
        .map(|r| {
            let (keeper, corporation): (String, String) = (r.try_get("keeper")?, r.try_get("corporation")?);
            let context = if keeper == corporation { vec![keeper] } else { vec![keeper, corporation] };
            Ok(Hit {
                kind: Kind::Group,
                rank: Match::Contains,
                title: r.try_get("name")?,
                context,
                target: Target::Group { id: r.try_get("id")? },
            })
        })
        .collect()
}

/// Overleg cases by title, as `overleg::cases::list`: the organisation's own, sent or received.
pub(super) async fn cases(db: &mut Conn<'_>, org: i64, texts: &Texts, limit: i64) -> Result<Vec<Hit>> {
    let statement = format!(
        "SELECT c.id, c.title, CASE WHEN c.corporation_id = $5 THEN t.name ELSE co.name END AS other \
         FROM overleg_cases c JOIN organisations co ON co.id = c.corporation_id \
         JOIN organisations t ON t.id = c.tenant_org_id \
         WHERE (c.corporation_id = $5 OR c.tenant_org_id = $5) AND lower(c.title) LIKE $4 ESCAPE '\\' \
         ORDER BY {}, c.title, c.id LIMIT $6",
        grade("c.title", None)
    );
    let rows = text_rows(db, &statement, texts, org, limit).await?;
    rows.iter()
        .map(|r| {
            Ok(Hit {
                kind: Kind::Case,
                rank: Match::Contains,
                title: r.try_get("title")?,
                context: vec![r.try_get("other")?],
                target: Target::Case { id: r.try_get("id")? },
            })
        })
        .collect()
}

/// Contracts by title, as `socialreturn::contracts::contracts`: the organisation's as buyer, supplier or coordinator.
pub(super) async fn contracts(db: &mut Conn<'_>, org: i64, texts: &Texts, limit: i64) -> Result<Vec<Hit>> {
    let statement = format!(
        "SELECT c.id, c.title, b.name AS buyer, s.name AS supplier FROM sr_contracts c \
         JOIN organisations b ON b.id = c.buyer_id JOIN organisations s ON s.id = c.supplier_id \
         WHERE c.id IN (SELECT id FROM sr_contracts WHERE buyer_id = $5 UNION \
           SELECT id FROM sr_contracts WHERE supplier_id = $5 UNION \
           SELECT id FROM sr_contracts WHERE coordinator_id = $5) \
         AND lower(c.title) LIKE $4 ESCAPE '\\' ORDER BY {}, c.title, c.id LIMIT $6",
        grade("c.title", None)
    );
    let rows = text_rows(db, &statement, texts, org, limit).await?;
    rows.iter()
        .map(|r| {
            Ok(Hit {
                kind: Kind::Contract,
                rank: Match::Contains,
                title: r.try_get("title")?,
                context: vec![r.try_get("buyer")?, r.try_get("supplier")?],
                target: Target::Contract { id: r.try_get("id")? },
            })
        })
        .collect()
}

/// Cycles by title or gemeente code, as `afspraken::cycles::cycles_of`: those the organisation is a party to.
pub(super) async fn cycles(db: &mut Conn<'_>, org: i64, texts: &Texts, limit: i64) -> Result<Vec<Hit>> {
    let statement = format!(
        "SELECT c.id, c.title, c.gemeente_code, c.first_year, c.last_year FROM pa_cycles c \
         JOIN pa_parties p ON p.cycle_id = c.id AND p.org_id = $5 \
         WHERE (lower(c.title) LIKE $4 ESCAPE '\\' OR lower(c.gemeente_code) = $1) \
         ORDER BY {}, c.title, c.id LIMIT $6",
        grade("c.title", Some("c.gemeente_code"))
    );
    let rows = text_rows(db, &statement, texts, org, limit).await?;
    rows.iter()
        .map(|r| {
            let (first, last): (i64, i64) = (r.try_get("first_year")?, r.try_get("last_year")?);
            Ok(Hit {
                kind: Kind::Cycle,
                rank: Match::Contains,
                title: r.try_get("title")?,
                context: vec![r.try_get("gemeente_code")?, format!("{first}–{last}")],
                target: Target::Cycle { id: r.try_get("id")? },
            })
        })
        .collect()
}

/// Initiatives by title, as `initiatieven::initiatives`: a corporation's own (`of_corporation`), or those brought in
/// for a tenant organisation or partner (`of_org`).
pub(super) async fn initiatives(
    db: &mut Conn<'_>,
    org: i64,
    corporation: bool,
    texts: &Texts,
    limit: i64,
) -> Result<Vec<Hit>> {
    let whose = if corporation { "i.corporation_id = $5" } else { "i.initiator_org_id = $5" };
    let statement = format!(
        "SELECT i.id, i.title, i.place, i.initiator_user_id, o.name AS corporation FROM in_initiatives i \
         JOIN organisations o ON o.id = i.corporation_id \
         WHERE {whose} AND lower(i.title) LIKE $4 ESCAPE '\\' ORDER BY {}, i.title, i.id LIMIT $6",
        grade("i.title", None)
    );
    let rows = text_rows(db, &statement, texts, org, limit).await?;
    rows.iter()
        .map(|r| {
            Ok(Hit {
                kind: Kind::Initiative,
                rank: Match::Contains,
                title: r.try_get("title")?,
                context: vec![r.try_get("place")?, r.try_get("corporation")?],
                target: Target::Initiative { id: r.try_get("id")?, initiator_user_id: r.try_get("initiator_user_id")? },
            })
        })
        .collect()
}
