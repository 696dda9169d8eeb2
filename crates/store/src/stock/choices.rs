//! What a form offers to pick from a corporation's stock, and the names beside codes in lists.
//!
//! A picker shows a corporation's complexes (by name and code) and the CBS buurten it has units in (by the buurt's
//! name from the imported boundaries). Every read here checks, as [`super::unknown_codes`] does, that the
//! organisation of the scope works in that stock (the corporation itself, a tenant organisation that consults it, or
//! the keeper of a group there): a picker offers only what its user may reference, and a search cannot be used to
//! read another corporation's stock.

use super::StockRef;
use crate::like;
use crate::participatie::ensure_works_in;
use crate::sql;
use crate::{Db, Result};
use std::collections::HashMap;
use volkshuis_domain::access::ReadScope;

/// A complex or buurt as a picker offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockChoice {
    /// The code the forms store (`CPX000012`, `BU03630000`).
    pub code: String,
    /// Its name, when the stock or the boundaries give one.
    pub name: Option<String>,
}

/// The most codes whose names are read in one statement (a list page names at most a page of them).
const NAMES_PER_QUERY: usize = 200;

async fn check(db: &Db, scope: &ReadScope, corporation_id: i64) -> Result<()> {
    if scope.org_id() != corporation_id {
        ensure_works_in(db, scope.org_id(), corporation_id).await?;
    }
    Ok(())
}

/// The buurten with units of the corporation, each with the name of its latest boundary year (a subquery, so that
/// a search can match the name).
const BUURTEN: &str = "SELECT b.code, (SELECT a.name FROM areas a WHERE a.kind = 'buurt' AND a.code = b.code \
     ORDER BY a.year DESC LIMIT 1) AS name \
     FROM (SELECT DISTINCT buurt_code AS code FROM units WHERE corporation_id = $1 AND buurt_code IS NOT NULL) b";

/// How many complexes or buurten the corporation's stock has: a form embeds them all when they are few, and
/// searches otherwise.
pub async fn choice_count(db: &Db, scope: &ReadScope, corporation_id: i64, kind: StockRef) -> Result<i64> {
    check(db, scope, corporation_id).await?;
    let (query, what) = match kind {
        StockRef::Complex => ("SELECT COUNT(*) FROM clusters WHERE corporation_id = $1".to_owned(), 0),
        StockRef::Buurt => (format!("SELECT COUNT(*) FROM ({BUURTEN}) x"), 1),
    };
    // Asked by the unit list's pickers on every page: kept per stock version (a national stock's buurten took
    // 12–17 ms to count).
    let read = async { Ok(sql::query_scalar(&query).bind(corporation_id).fetch_one(db).await?) };
    super::cache::kept_count(db, corporation_id, what, read).await
}

/// The first complex or buurt code of the corporation's stock (a picker shows it as an example), read from an index:
/// the choices' own query names every buurt before it can sort them (12,000 on the national stock, 15–28 ms). Asked
/// on every list page, so kept per stock version like the counts.
pub async fn first_choice(db: &Db, scope: &ReadScope, corporation_id: i64, kind: StockRef) -> Result<Option<String>> {
    check(db, scope, corporation_id).await?;
    let (query, what) = match kind {
        StockRef::Complex => ("SELECT MIN(code) FROM clusters WHERE corporation_id = $1", 0),
        StockRef::Buurt => ("SELECT MIN(buurt_code) FROM units WHERE corporation_id = $1", 1),
    };
    let read = async { Ok(sql::query_scalar(query).bind(corporation_id).fetch_one(db).await?) };
    super::cache::kept_example(db, corporation_id, what, read).await
}

/// Up to `limit` complexes or buurten of the corporation in code order; with `search`, only those whose code or name
/// contains it (case folded as the stock's list search folds it: ASCII letters, ADR 0018), those where it begins the
/// code, the name or a word of the name first.
pub async fn choices(
    db: &Db,
    scope: &ReadScope,
    corporation_id: i64,
    kind: StockRef,
    search: Option<&str>,
    limit: i64,
) -> Result<Vec<StockChoice>> {
    check(db, scope, corporation_id).await?;
    let source = match kind {
        StockRef::Complex => "SELECT code, naam AS name FROM clusters WHERE corporation_id = $1",
        StockRef::Buurt => BUURTEN,
    };
    let rows = match search {
        Some(text) => {
            // A code or name that begins with the text, or a word of the name that does, comes first ("Linde" finds
            // "De Linde" before "De Vlinderhof"), as search ranks a beginning above the middle of a word (ADR 0047).
            let query = format!(
                "SELECT code, name FROM ({source}) x WHERE {code} LIKE $2 ESCAPE '\\' \
                 OR {name} LIKE $2 ESCAPE '\\' \
                 ORDER BY CASE WHEN {code} LIKE $4 ESCAPE '\\' OR {name} LIKE $4 ESCAPE '\\' \
                 OR {name} LIKE $5 ESCAPE '\\' THEN 0 ELSE 1 END, x.code LIMIT $3",
                code = like::lower(db.backend(), "x.code"),
                name = like::lower(db.backend(), "COALESCE(x.name, '')"),
            );
            let folded = like::fold(text);
            let (begins, word_begins) = like::word_beginnings(&folded);
            sql::query(&query)
                .bind(corporation_id)
                .bind(like::contains(&folded))
                .bind(limit)
                .bind(begins)
                .bind(word_begins)
                .fetch_all(db)
                .await?
        }
        None => {
            let query = format!("SELECT code, name FROM ({source}) x ORDER BY x.code LIMIT $2");
            sql::query(&query).bind(corporation_id).bind(limit).fetch_all(db).await?
        }
    };
    rows.iter()
        .map(|r| {
            let name: Option<String> = r.try_get("name")?;
            Ok(StockChoice { code: r.try_get("code")?, name: name.filter(|n| !n.trim().is_empty()) })
        })
        .collect()
}

/// The names of the given complex or buurt codes of the corporation's stock (codes without a name, or not in the
/// stock, are left out): to show "De Linde (CPX000012)" where a list showed the code.
pub async fn choice_names(
    db: &Db,
    scope: &ReadScope,
    corporation_id: i64,
    kind: StockRef,
    codes: &[String],
) -> Result<HashMap<String, String>> {
    check(db, scope, corporation_id).await?;
    let mut wanted: Vec<&String> = codes.iter().collect();
    wanted.sort();
    wanted.dedup();
    let mut names = HashMap::new();
    for chunk in wanted.chunks(NAMES_PER_QUERY) {
        let placeholders: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let query = match kind {
            StockRef::Complex => format!(
                "SELECT code, naam AS name FROM clusters WHERE corporation_id = $1 AND code IN ({})",
                placeholders.join(", ")
            ),
            StockRef::Buurt => {
                format!("SELECT code, name FROM ({BUURTEN}) x WHERE x.code IN ({})", placeholders.join(", "))
            }
        };
        let mut statement = sql::query(&query).bind(corporation_id);
        for code in chunk {
            statement = statement.bind(code.as_str());
        }
        for row in statement.fetch_all(db).await? {
            let name: Option<String> = row.try_get("name")?;
            if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
                names.insert(row.try_get("code")?, name);
            }
        }
    }
    Ok(names)
}

/// The names of CBS areas of one kind (`gemeente`, `wijk`, `buurt`) by code, from the latest boundary year that has
/// them. The boundaries are public data, so no scope is asked.
pub async fn area_names(db: &Db, kind: &str, codes: &[String]) -> Result<HashMap<String, String>> {
    let mut wanted: Vec<&String> = codes.iter().collect();
    wanted.sort();
    wanted.dedup();
    let mut names = HashMap::new();
    for chunk in wanted.chunks(NAMES_PER_QUERY) {
        let placeholders: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let query = format!(
            "SELECT code, name FROM areas WHERE kind = $1 AND code IN ({}) ORDER BY year",
            placeholders.join(", ")
        );
        let mut statement = sql::query(&query).bind(kind);
        for code in chunk {
            statement = statement.bind(code.as_str());
        }
        // Rows come oldest year first, so the latest name is the one kept.
        for row in statement.fetch_all(db).await? {
            names.insert(row.try_get("code")?, row.try_get("name")?);
        }
    }
    Ok(names)
}
