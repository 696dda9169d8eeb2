//! Texts for the benchmark of the search (`volkshuis bench search`).

use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;

/// A unit as the benchmark (`volkshuis bench search`) types it: postcode, number, street and its complex's name.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Postcode as stored.
    pub postcode: String,
    /// House number.
    pub number: i64,
    /// Street name.
    pub street: String,
    /// Its complex's name, if it has one.
    pub complex: Option<String>,
}

/// Up to `n` units in use of the corporation of `scope`, spread evenly over its stock by id, for the benchmark.
pub async fn samples(db: &Db, scope: &ReadScope, n: i64) -> Result<Vec<Sample>> {
    let total: i64 = sql::query_scalar("SELECT COUNT(*) FROM units WHERE corporation_id = $1 AND in_use = 1")
        .bind(scope.org_id())
        .fetch_one(db)
        .await?;
    let step = (total / n.max(1)).max(1);
    let rows = sql::query(
        "SELECT u.postcode, u.huisnummer, u.straatnaam, c.naam FROM units u LEFT JOIN clusters c ON c.id = u.cluster_id \
         WHERE u.corporation_id = $1 AND u.in_use = 1 AND u.id % $2 = 0 ORDER BY u.id LIMIT $3",
    )
    .bind(scope.org_id())
    .bind(step)
    .bind(n)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Sample {
                postcode: r.try_get("postcode")?,
                number: r.try_get("huisnummer")?,
                street: r.try_get("straatnaam")?,
                complex: r.try_get("naam")?,
            })
        })
        .collect()
}
