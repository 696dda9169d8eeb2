//! Typed references to a corporation's stock: complex codes and buurt codes that arrive in a form (an Overleg
//! request's complexes, a group's area) must exist in that corporation's stock. The check answers which do not, so
//! the form can name them. A unit typed in a form (a soft signal's home, a sale) is found by its idExtern or by its
//! address, in the corporation's own stock only.

use crate::participatie::ensure_works_in;
use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::search::{addition_key, Query};

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

/// What a unit typed in a form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitRef {
    /// One unit of the corporation (its id).
    One(i64),
    /// No unit of the corporation has this idExtern or address.
    Unknown,
    /// The address was typed without the huisletter or toevoeging that its units have.
    NeedsAddition,
    /// More than one unit has this very address (only the idExtern tells them apart).
    Several,
}

/// The unit of the corporation of `scope` that `typed` names: its idExtern, or else its address as postcode and
/// house number ("7411 AB 12", "7411ab 12-a", "7411 AB 12 2" for toevoeging 2). Staff know a home by its address
/// more often than by the administration's number; an address without an addition names the unit without one, and
/// where there is none but only units with one, the answer asks for it instead of choosing. An address names a unit in
/// use before one out of use (a home split in two keeps its old unit out of use at the same address; a sold home is
/// out of use).
pub async fn unit_by_reference(db: &Db, scope: &ReadScope, typed: &str) -> Result<UnitRef> {
    let typed = typed.trim();
    let by_extern: Option<i64> = sql::query_scalar("SELECT id FROM units WHERE corporation_id = $1 AND id_extern = $2")
        .bind(scope.org_id())
        .bind(typed)
        .fetch_optional(db)
        .await?;
    if let Some(id) = by_extern {
        return Ok(UnitRef::One(id));
    }
    let Some((postcode, number, addition)) = Query::parse(typed)
        .ok()
        .and_then(|q| q.postcode().and_then(|p| Some((p.postcode.as_str().to_owned(), p.number?, p.addition.clone()))))
    else {
        return Ok(UnitRef::Unknown);
    };
    let at_number: Vec<(i64, Option<String>, Option<String>, i64)> = sql::query_as(
        "SELECT id, huisletter, huisnummer_toevoeging, in_use FROM units \
         WHERE postcode = $1 AND huisnummer = $2 AND corporation_id = $3 ORDER BY id",
    )
    .bind(postcode)
    .bind(i64::from(number))
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    // The units in use at the number when there are any (a home split in two keeps its old unit, out of use, at the
    // same address); else those out of use, so a sold home is still found and the form can say it was sold.
    let in_use: Vec<_> = at_number.iter().filter(|unit| unit.3 == 1).cloned().collect();
    let at_number: Vec<(i64, Option<String>, Option<String>)> =
        if in_use.is_empty() { at_number } else { in_use }.into_iter().map(|(id, l, t, _)| (id, l, t)).collect();
    let wanted = addition.unwrap_or_default();
    let matching: Vec<i64> = at_number
        .iter()
        .filter(|(_, letter, extra)| addition_key(letter.as_deref(), extra.as_deref()) == wanted)
        .map(|(id, _, _)| *id)
        .collect();
    Ok(match matching.as_slice() {
        [id] => UnitRef::One(*id),
        [] if wanted.is_empty() && !at_number.is_empty() => UnitRef::NeedsAddition,
        [] => UnitRef::Unknown,
        _ => UnitRef::Several,
    })
}
