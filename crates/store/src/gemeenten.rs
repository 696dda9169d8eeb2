//! Who works where (issue 19, ADR 0039): the CBS gemeente codes an organisation carries, and a corporation's
//! working area. A municipality's codes bound what it sees of any corporation's stock (see
//! [`crate::participatie::open_figures`]); a corporation's own rows are the gemeenten it declares beside those where
//! it has stock. Only the platform administrator (web) and the operator (CLI) set them.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{Db, Result, StoreError, Tx};
use serde_json::json;
use volkshuis_domain::org::GemeenteCode;

/// A gemeente code an organisation carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgGemeente {
    /// CBS code (`GM0150`).
    pub code: String,
    /// The year of the boundary set the code comes from.
    pub boundary_year: i64,
    /// The name from the imported boundaries, when they have the code.
    pub name: Option<String>,
}

/// The name of a gemeente code in the newest imported boundary set that has it, as a correlated subquery on `{col}`.
fn name_of(col: &str) -> String {
    format!("(SELECT a.name FROM areas a WHERE a.kind = 'gemeente' AND a.code = {col} ORDER BY a.year DESC LIMIT 1)")
}

/// One row when gemeente code `$1` is known: an imported boundary set has it, or a unit of any stock lies in it.
const KNOWN: &str = "SELECT 1 WHERE EXISTS (SELECT 1 FROM areas WHERE kind = 'gemeente' AND code = $1) \
     OR EXISTS (SELECT 1 FROM units WHERE gemeente_code = $1)";

/// The gemeente codes an organisation carries (a municipality's territory, a corporation's declared area), by code.
pub async fn of_org(db: &Db, org_id: i64) -> Result<Vec<OrgGemeente>> {
    let rows = sql::query(&format!(
        "SELECT g.gemeente_code AS code, g.boundary_year, {} AS name FROM org_gemeenten g WHERE g.org_id = $1 \
         ORDER BY g.gemeente_code",
        name_of("g.gemeente_code")
    ))
    .bind(org_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(OrgGemeente {
                code: r.try_get("code")?,
                boundary_year: r.try_get("boundary_year")?,
                name: r.try_get("name")?,
            })
        })
        .collect()
}

/// The first of `codes` the platform does not know: a code is known when an imported boundary set has it or a unit
/// of any stock lies in it.
pub async fn first_unknown(db: &Db, codes: &[GemeenteCode]) -> Result<Option<String>> {
    for code in codes {
        let known: Option<i64> = sql::query_scalar(KNOWN).bind(code.as_str()).fetch_optional(db).await?;
        if known.is_none() {
            return Ok(Some(code.as_str().to_owned()));
        }
    }
    Ok(None)
}

/// Replaces the gemeente codes of an organisation with `codes`, all of boundary set `year` (an empty list clears
/// them). Fails with [`StoreError::UnknownGemeente`] naming the first code the platform does not know, and with
/// `NotFound` for an organisation that does not exist; nothing is written then. Audited as `set_gemeenten`.
pub async fn set(tx: &mut Tx, actor: &Actor, org_id: i64, codes: &[GemeenteCode], year: i64) -> Result<()> {
    crate::orgs::get_in(tx, org_id).await?.ok_or(StoreError::NotFound)?;
    for code in codes {
        let known: Option<i64> = sql::query_scalar(KNOWN).bind(code.as_str()).fetch_optional(&mut *tx).await?;
        if known.is_none() {
            return Err(StoreError::UnknownGemeente { code: code.as_str().to_owned() });
        }
    }
    let before: Vec<String> =
        sql::query_scalar("SELECT gemeente_code FROM org_gemeenten WHERE org_id = $1 ORDER BY gemeente_code")
            .bind(org_id)
            .fetch_all(&mut *tx)
            .await?;
    sql::query("DELETE FROM org_gemeenten WHERE org_id = $1").bind(org_id).execute(&mut *tx).await?;
    for code in codes {
        sql::query("INSERT INTO org_gemeenten (org_id, gemeente_code, boundary_year) VALUES ($1, $2, $3)")
            .bind(org_id)
            .bind(code.as_str())
            .bind(year)
            .execute(&mut *tx)
            .await?;
    }
    let after: Vec<&str> = codes.iter().map(GemeenteCode::as_str).collect();
    let change = Change {
        org_id: Some(org_id),
        action: "set_gemeenten",
        entity: "organisation",
        entity_id: org_id.to_string(),
        before: Some(json!({ "gemeenten": before })),
        after: Some(json!({ "gemeenten": after, "boundary_year": year })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(())
}

/// A gemeente of a corporation's working area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaGemeente {
    /// CBS code.
    pub code: String,
    /// The name from the imported boundaries, when they have the code.
    pub name: Option<String>,
    /// The corporation's units in use there (0 for a gemeente it only declares).
    pub units: i64,
    /// Whether the corporation declared it (beside or instead of having stock there).
    pub declared: bool,
}

/// A corporation's working area: every gemeente where it has units in use (derived from its stock) and every one
/// declared for it, by code.
pub async fn working_area(db: &Db, corporation_id: i64) -> Result<Vec<AreaGemeente>> {
    let rows = sql::query(&format!(
        "SELECT w.code, {} AS name, CAST(SUM(w.units) AS BIGINT) AS units, CAST(MAX(w.declared) AS BIGINT) AS declared \
         FROM (SELECT gemeente_code AS code, COUNT(*) AS units, 0 AS declared FROM units \
                 WHERE corporation_id = $1 AND in_use = 1 AND gemeente_code IS NOT NULL AND gemeente_code <> '' \
                 GROUP BY gemeente_code \
               UNION ALL SELECT gemeente_code, 0, 1 FROM org_gemeenten WHERE org_id = $1) w \
         GROUP BY w.code ORDER BY w.code",
        name_of("w.code")
    ))
    .bind(corporation_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AreaGemeente {
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                units: r.try_get("units")?,
                declared: r.try_get::<i64, _>("declared")? == 1,
            })
        })
        .collect()
}
