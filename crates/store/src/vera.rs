//! The VERA code lists, replaced as a whole by each import of the official file.

use crate::audit::{self, Actor, Change};
use crate::sql::{self, Exec};
use crate::{Db, Result};
use serde_json::json;
use std::collections::HashMap;
use volkshuis_domain::bezit::import::VeraCodes;
use volkshuis_domain::vera::RefCode;

const BATCH: usize = 300;

/// Replaces the stored list with `codes` in one transaction; returns how many were stored.
pub async fn replace_all(db: &Db, actor: &Actor, codes: &[RefCode]) -> Result<usize> {
    let mut tx = db.begin().await?;
    let before: i64 = sql::query_scalar("SELECT COUNT(*) FROM vera_codes").fetch_one(&mut tx).await?;
    sql::query("DELETE FROM vera_codes").execute(&mut tx).await?;
    for chunk in codes.chunks(BATCH) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                format!("({})", (1..=10).map(|c| db.backend().placeholder(r * 10 + c)).collect::<Vec<_>>().join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO vera_codes (soort, code, naam, omschrijving, begindatum, einddatum, retired, parent_soort, \
             parent_code, informatiedomein) VALUES {}",
            rows.join(", ")
        );
        let mut query = sql::query(&sql);
        for c in chunk {
            query = query
                .bind(c.soort.clone())
                .bind(c.code.clone())
                .bind(c.naam.clone())
                .bind(c.omschrijving.clone())
                .bind(c.begindatum.map(|d| d.to_string()))
                .bind(c.einddatum.map(|d| d.to_string()))
                .bind(i64::from(c.retired))
                .bind(c.parent.as_ref().map(|p| p.0.clone()))
                .bind(c.parent.as_ref().map(|p| p.1.clone()))
                .bind(c.informatiedomein.clone());
        }
        query.execute(&mut tx).await?;
    }
    let change = Change {
        org_id: None,
        action: "import",
        entity: "vera_codes",
        entity_id: String::new(),
        before: Some(json!({ "codes": before })),
        after: Some(json!({ "codes": codes.len() })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(codes.len())
}

/// Code → name for one list; a code in use wins over a retired one with the same code.
pub async fn names(db: &Db, soort: &str) -> Result<HashMap<String, String>> {
    let rows = sql::query("SELECT code, naam FROM vera_codes WHERE soort = $1 ORDER BY retired DESC, id")
        .bind(soort)
        .fetch_all(db)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("code")?, r.try_get("naam")?))).collect()
}

/// The codes of the lists a stock file's coded columns are checked against (empty where the list is not loaded).
pub async fn stock_codes<'c>(db: impl Exec<'c> + 'c) -> Result<VeraCodes> {
    let [a, b, c, d] = VeraCodes::list_names();
    let rows: Vec<(String, String)> =
        sql::query_as("SELECT soort, code FROM vera_codes WHERE soort IN ($1, $2, $3, $4)")
            .bind(a)
            .bind(b)
            .bind(c)
            .bind(d)
            .fetch_all(db)
            .await?;
    Ok(VeraCodes::from_pairs(rows.iter().map(|(list, code)| (list.as_str(), code.as_str()))))
}
