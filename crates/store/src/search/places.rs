//! The places of the search: complexes and addresses of the corporations whose figures the viewer may open
//! ([`all_open_figures`](crate::participatie::all_open_figures)), a municipality's bounded to its gemeenten.

use super::complex_index::{best_first, ComplexIndex, IndexedComplex};
use super::{Hit, Target};
use crate::participatie::Figures;
use crate::sql::{self, Conn};
use crate::{Db, Result};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use volkshuis_domain::search::{addition_key, order, rank_address, AddressCandidate, Kind, Match, Query};

/// Which rows of `units` (as `u`, or reached from `column`) are of the figures: each corporation, bounded to a
/// municipality's gemeenten where its figures are (the ids and the bound are the store's own integers).
fn of_figures(figures: &[Figures], column: &str, bounded: impl Fn(&Figures) -> String) -> String {
    let each: Vec<String> =
        figures.iter().map(|f| format!("({column} = {}{})", f.corporation_id(), bounded(f))).collect();
    format!("({})", each.join(" OR "))
}

/// Complexes of the figures' corporations by code or name, only those with units in use (in a coverage cell, which is
/// what a complex's page opens with), for a municipality only inside its gemeenten: a result always leads to a page.
///
/// The text is matched in memory against each corporation's complexes, kept per stock version ([`ComplexIndex`]);
/// the cells are then looked up for the best candidates only (four times the limit), in one statement. A
/// municipality's candidates are taken from the complexes in its gemeenten only (one statement per corporation, read
/// only when the text matches any of its complexes).
pub(super) async fn complexes(
    db: &mut Conn<'_>,
    figures: &[Figures],
    indexes: &[Arc<ComplexIndex>],
    query: &Query,
    limit: i64,
) -> Result<Vec<Hit>> {
    let limit = usize::try_from(limit).unwrap_or(0);
    let mut candidates: Vec<(Match, &IndexedComplex)> = Vec::new();
    for (f, index) in figures.iter().zip(indexes) {
        if f.bounded() && !index.find(query, 1, |_| true).is_empty() {
            // A municipality's complexes are those with cells in its gemeenten, a small share of a national stock:
            // read first (when anything matches at all), so that the best matches elsewhere do not take every place
            // within the limit.
            let within: HashSet<String> = sql::query_scalar(&format!(
                "SELECT DISTINCT p.cluster_code FROM part_cells p WHERE p.corporation_id = $1{}",
                f.bound("p.")
            ))
            .bind(f.corporation_id())
            .fetch_all(&mut *db)
            .await?
            .into_iter()
            .collect();
            candidates.extend(index.find(query, limit * 4, |c| within.contains(&c.code)));
        } else if !f.bounded() {
            candidates.extend(index.find(query, limit * 4, |_| true));
        }
    }
    candidates.sort_by(best_first);
    candidates.truncate(limit * 4);
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    // One viewer's figures are all bounded by its own gemeenten (a municipality) or none are.
    let bound = figures[0].bound("p.");
    let visible = of_figures(figures, "c.corporation_id", |_| String::new());
    // In the cells' collation, so their key serves the check (PostgreSQL read all of a corporation's cells: 72 ms).
    let collate = sql::in_default_collation(db.backend());
    let statement = format!(
        "SELECT c.id, o.name AS corporation FROM clusters c JOIN organisations o ON o.id = c.corporation_id \
         WHERE c.id IN ({}) AND {visible} AND EXISTS (SELECT 1 FROM part_cells p \
           WHERE p.corporation_id = c.corporation_id AND p.cluster_code = c.code{collate}{bound})",
        sql::marks(1, candidates.len())
    );
    let mut check = sql::query(&statement);
    for (_, complex) in &candidates {
        check = check.bind(complex.id);
    }
    let mut with_page = HashMap::new();
    for row in check.fetch_all(&mut *db).await? {
        with_page.insert(row.try_get::<i64, _>("id")?, row.try_get::<String, _>("corporation")?);
    }
    Ok(candidates
        .into_iter()
        .filter_map(|(rank, complex)| {
            let corporation = with_page.get(&complex.id)?;
            Some(Hit {
                kind: Kind::Complex,
                rank,
                title: complex.title.clone(),
                context: vec![complex.code.clone(), corporation.clone()],
                target: Target::Complex { cluster_id: complex.id },
            })
        })
        .take(limit)
        .collect())
}

/// The complexes of each of the figures' corporations as the search matches them, kept until its stock changes.
pub(super) async fn complex_indexes(db: &Db, figures: &[Figures]) -> Result<Vec<Arc<ComplexIndex>>> {
    let mut indexes = Vec::with_capacity(figures.len());
    for f in figures {
        indexes.push(complex_index(db, f.corporation_id()).await?);
    }
    Ok(indexes)
}

async fn complex_index(db: &Db, corporation: i64) -> Result<Arc<ComplexIndex>> {
    let read = async {
        let complexes: Vec<(i64, String, Option<String>)> =
            sql::query_as("SELECT id, code, naam FROM clusters WHERE corporation_id = $1 ORDER BY id")
                .bind(corporation)
                .fetch_all(db)
                .await?;
        Ok(Arc::new(ComplexIndex::new(complexes)))
    };
    crate::stock::kept_complex_index(db, corporation, read).await
}

const UNIT_COLUMNS: &str = "u.id, u.corporation_id, u.cluster_id, u.buurt_code, u.straatnaam, u.huisnummer, \
     u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats, u.id_extern, o.name AS corporation";

/// How many homes of one building (a BAG pand id) a search shows.
const BUILDING_HOMES: i64 = 50;

/// How many units a postcode or street with a typed addition reads before the addition is compared (a flat
/// building has a few hundred homes behind one number).
const WITH_ADDITION: i64 = 500;

/// Units in use of the figures' corporations, by postcode (with number: index `units_address`) or by the start of
/// the street name (index `units_street`, one corporation at a time so that each reads only its first rows).
pub(super) async fn addresses(db: &mut Conn<'_>, figures: &[Figures], query: &Query, limit: i64) -> Result<Vec<Hit>> {
    if figures.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = Vec::new();
    if let Some(p) = query.postcode() {
        let visible = of_figures(figures, "u.corporation_id", |f| f.bound("u."));
        let number = if p.number.is_some() { "AND u.huisnummer = $2" } else { "AND $2 = $2" };
        let statement = format!(
            "SELECT {UNIT_COLUMNS} FROM units u JOIN organisations o ON o.id = u.corporation_id \
             WHERE u.postcode = $1 {number} AND u.in_use = 1 AND {visible} \
             ORDER BY u.huisnummer, COALESCE(u.huisletter, ''), COALESCE(u.huisnummer_toevoeging, ''), u.id LIMIT $3"
        );
        rows = sql::query(&statement)
            .bind(p.postcode.as_str())
            .bind(i64::from(p.number.unwrap_or(0)))
            .bind(if p.addition.is_some() { WITH_ADDITION } else { limit })
            .fetch_all(&mut *db)
            .await?;
    } else if let Some(s) = query.street() {
        let number = if s.number.is_some() { "AND u.huisnummer = $4" } else { "AND $4 = $4" };
        // The end of the range: the prefix followed by the highest character, in byte order on both engines.
        let below = format!("{}\u{10FFFF}", s.prefix);
        for f in figures {
            let statement = format!(
                "SELECT {UNIT_COLUMNS} FROM units u JOIN organisations o ON o.id = u.corporation_id \
                 WHERE u.corporation_id = $1 AND lower(u.straatnaam) >= $2 AND lower(u.straatnaam) < $3 {number} \
                 AND u.in_use = 1{} ORDER BY lower(u.straatnaam), u.huisnummer, u.id LIMIT $5",
                f.bound("u.")
            );
            rows.extend(
                sql::query(&statement)
                    .bind(f.corporation_id())
                    .bind(&s.prefix)
                    .bind(&below)
                    .bind(i64::from(s.number.unwrap_or(0)))
                    .bind(if s.addition.is_some() { WITH_ADDITION } else { limit })
                    .fetch_all(&mut *db)
                    .await?,
            );
        }
    }
    let mut hits = address_hits(&rows, query)?;
    hits.sort_by(|a, b| order((a.rank, a.kind, &a.title), (b.rank, b.kind, &b.title)));
    hits.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(hits)
}

/// A home of the viewer's own stock by its idExtern, the code its unit page shows and the soft-signal form and the
/// ledger ask for: one word, matched whole as typed or in capitals (the codes are mostly written so). Only the
/// corporation itself: the code is its own administration's, not a tenant organisation's or a municipality's.
pub(super) async fn by_id_extern(
    db: &mut Conn<'_>,
    figures: &[Figures],
    own_org: i64,
    query: &Query,
) -> Result<Vec<Hit>> {
    let typed = query.text().trim();
    if typed.contains(char::is_whitespace) || !figures.iter().any(|f| f.corporation_id() == own_org) {
        return Ok(Vec::new());
    }
    let statement = format!(
        "SELECT {UNIT_COLUMNS} FROM units u JOIN organisations o ON o.id = u.corporation_id \
         WHERE u.corporation_id = $1 AND u.id_extern IN ($2, $3) AND u.in_use = 1"
    );
    let rows = sql::query(&statement).bind(own_org).bind(typed).bind(typed.to_uppercase()).fetch_all(&mut *db).await?;
    let mut hits = Vec::with_capacity(rows.len());
    for r in &rows {
        let mut hit = address_hit(r, Match::Exact)?;
        hit.context.insert(0, r.try_get("id_extern")?);
        hits.push(hit);
    }
    // A BAG verblijfsobject id or pand id (sixteen digits, as other systems show them; a pand's are the homes in
    // that building, the first of them by address): read from the corporation's own units only, and only for such
    // a text, so no other search pays for it (the columns have no index of their own).
    if crate::stock::is_bag_id(typed) {
        let statement = format!(
            "SELECT {UNIT_COLUMNS} FROM units u JOIN organisations o ON o.id = u.corporation_id \
             WHERE u.corporation_id = $1 AND (u.bag_verblijfsobject_id = $2 OR u.bag_pand_id = $2) AND u.in_use = 1 \
             ORDER BY lower(u.straatnaam), u.huisnummer, COALESCE(u.huisletter, ''), \
               COALESCE(u.huisnummer_toevoeging, ''), u.id LIMIT {BUILDING_HOMES}"
        );
        for r in &sql::query(&statement).bind(own_org).bind(typed).fetch_all(&mut *db).await? {
            // A corporation whose idExtern is the BAG id found the home above already.
            let id: i64 = r.try_get("id")?;
            if hits.iter().any(|h| matches!(h.target, Target::Unit { unit_id, .. } if unit_id == id)) {
                continue;
            }
            let mut hit = address_hit(r, Match::Exact)?;
            hit.context.insert(0, typed.to_owned());
            hits.push(hit);
        }
    }
    Ok(hits)
}

/// The addresses among `rows` that the query matches, each with its rank.
fn address_hits(rows: &[sql::Row], query: &Query) -> Result<Vec<Hit>> {
    let mut hits = Vec::new();
    for r in rows {
        let letter: Option<String> = r.try_get("huisletter")?;
        let addition: Option<String> = r.try_get("huisnummer_toevoeging")?;
        let (postcode, street): (String, String) = (r.try_get("postcode")?, r.try_get("straatnaam")?);
        let unit = AddressCandidate {
            postcode: &postcode,
            street: &street,
            number: r.try_get("huisnummer")?,
            addition: &addition_key(letter.as_deref(), addition.as_deref()),
        };
        let Some(rank) = rank_address(query, unit) else { continue };
        hits.push(address_hit(r, rank)?);
    }
    Ok(hits)
}

/// A unit's row as a hit: its address, postcode and woonplaats, its corporation.
fn address_hit(r: &sql::Row, rank: Match) -> Result<Hit> {
    let (postcode, woonplaats): (String, String) = (r.try_get("postcode")?, r.try_get("woonplaats")?);
    Ok(Hit {
        kind: Kind::Address,
        rank,
        title: crate::stock::address_of(r)?,
        context: vec![format!("{postcode} {woonplaats}"), r.try_get("corporation")?],
        target: Target::Unit {
            unit_id: r.try_get("id")?,
            corporation_id: r.try_get("corporation_id")?,
            cluster_id: r.try_get("cluster_id")?,
            buurt_code: r.try_get("buurt_code")?,
        },
    })
}
