//! Typed references to a corporation's stock: complex codes and buurt codes that arrive in a form (an Overleg
//! request's complexes, a group's area) must exist in that corporation's stock. The check answers which do not, so
//! the form can name them.

use crate::participatie::ensure_works_in;
use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;

/// What a typed code refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockRef {
    /// A complex (cluster) by its code.
    Complex,
    /// A CBS buurt in which the corporation has units.
    Buurt,
}

/// The codes among `codes` that the stock of `corporation_id` does not have, in the order given. The organisation
/// of `scope` must work in that stock (the corporation itself, a tenant organisation that consults it, or the
/// keeper of a group there), so that no one else learns which codes a corporation has.
pub async fn unknown_codes(
    db: &Db,
    scope: &ReadScope,
    corporation_id: i64,
    kind: StockRef,
    codes: &[String],
) -> Result<Vec<String>> {
    if scope.org_id() != corporation_id {
        ensure_works_in(db, scope.org_id(), corporation_id).await?;
    }
    let query = match kind {
        StockRef::Complex => "SELECT 1 FROM clusters WHERE corporation_id = $1 AND code = $2",
        StockRef::Buurt => "SELECT 1 FROM units WHERE corporation_id = $1 AND buurt_code = $2 LIMIT 1",
    };
    let mut unknown = Vec::new();
    for code in codes {
        let found: Option<i64> = sql::query_scalar(query).bind(corporation_id).bind(code).fetch_optional(db).await?;
        if found.is_none() && !unknown.contains(code) {
            unknown.push(code.clone());
        }
    }
    Ok(unknown)
}
