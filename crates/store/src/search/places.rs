//! The places of the search: complexes and addresses of the corporations whose figures the viewer may open
//! ([`all_open_figures`](crate::participatie::all_open_figures)), a municipality's bounded to its gemeenten.

use super::{grade, text_rows, Hit, Target, Texts};
use crate::participatie::Figures;
use crate::sql;
use crate::{Db, Result};
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
/// The cells are looked up for the best candidates only (four times the limit), not joined for every complex: with a
/// semi-join over all of a national corporation's cells, this one statement was most of a search's time on
/// PostgreSQL (see `scripts/bench-place`).
pub(super) async fn complexes(db: &Db, figures: &[Figures], texts: &Texts, limit: i64) -> Result<Vec<Hit>> {
    if figures.is_empty() {
        return Ok(Vec::new());
    }
    let visible = of_figures(figures, "c.corporation_id", |_| String::new());
    // One viewer's figures are all bounded by its own gemeenten (a municipality) or none are.
    let bound = figures[0].bound("p.");
    let name = "COALESCE(c.naam, c.code)";
    let grade = grade(name, Some("c.code"));
    let statement = format!(
        "SELECT x.id, x.code, x.title, x.corporation FROM (\
           SELECT c.id, c.code, c.corporation_id, {name} AS title, o.name AS corporation, {grade} AS grade \
           FROM clusters c JOIN organisations o ON o.id = c.corporation_id \
           WHERE (lower(c.code) LIKE $4 ESCAPE '\\' OR lower({name}) LIKE $4 ESCAPE '\\') AND {visible} \
           AND $5 = $5 ORDER BY {grade}, {name}, c.id LIMIT $6 * 4) x \
         WHERE EXISTS (SELECT 1 FROM part_cells p WHERE p.corporation_id = x.corporation_id \
           AND p.cluster_code = x.code{bound}) \
         ORDER BY x.grade, x.title, x.id LIMIT $6"
    );
    let rows = text_rows(db, &statement, texts, 0, limit).await?;
    rows.iter()
        .map(|r| {
            Ok(Hit {
                kind: Kind::Complex,
                rank: Match::Contains,
                title: r.try_get("title")?,
                context: vec![r.try_get("code")?, r.try_get("corporation")?],
                target: Target::Complex { cluster_id: r.try_get("id")? },
            })
        })
        .collect()
}

const UNIT_COLUMNS: &str = "u.id, u.corporation_id, u.cluster_id, u.buurt_code, u.straatnaam, u.huisnummer, \
     u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats, o.name AS corporation";

/// How many units a postcode or street with a typed addition reads before the addition is compared (a flat
/// building has a few hundred homes behind one number).
const WITH_ADDITION: i64 = 500;

/// Units in use of the figures' corporations, by postcode (with number: index `units_address`) or by the start of
/// the street name (index `units_street`, one corporation at a time so that each reads only its first rows).
pub(super) async fn addresses(db: &Db, figures: &[Figures], query: &Query, limit: i64) -> Result<Vec<Hit>> {
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
            .fetch_all(db)
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
                    .fetch_all(db)
                    .await?,
            );
        }
    }
    let mut hits = Vec::new();
    for r in &rows {
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
        let woonplaats: String = r.try_get("woonplaats")?;
        hits.push(Hit {
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
        });
    }
    hits.sort_by(|a, b| order((a.rank, a.kind, &a.title), (b.rank, b.kind, &b.title)));
    hits.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(hits)
}
