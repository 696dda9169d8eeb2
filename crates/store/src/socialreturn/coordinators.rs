//! The organisations a buyer works with as its social-return coordinator (ADR 0026). A coordinator reads candidate
//! names and evidence files on the contracts it is named on, so only an organisation on this list can be named, and
//! only a partner (a Werkgeversservicepunt, say) or a municipality can be put on it: never a supplier, a corporation,
//! a tenant organisation or the buyer itself.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::org::OrgKind;

/// Whether an organisation of this kind may coordinate a buyer's social return.
pub fn may_coordinate(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Partner | OrgKind::Municipality)
}

/// The coordinators of the buyer of `scope`: `(organisation id, name)`, by name.
pub async fn coordinators(db: &Db, scope: &ReadScope) -> Result<Vec<(i64, String)>> {
    let rows = sql::query(
        "SELECT o.id, o.name FROM sr_coordinators k JOIN organisations o ON o.id = k.coordinator_id \
         WHERE k.buyer_id = $1 ORDER BY o.name, o.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}

/// Whether `coordinator_id` is one of the coordinators of `buyer_id` (read in the writing transaction).
pub(super) async fn is_coordinator_of(tx: &mut Tx, buyer_id: i64, coordinator_id: i64) -> Result<bool> {
    let found: Option<i64> =
        sql::query_scalar("SELECT coordinator_id FROM sr_coordinators WHERE buyer_id = $1 AND coordinator_id = $2")
            .bind(buyer_id)
            .bind(coordinator_id)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(found.is_some())
}

/// The buyer of `scope` starts working with `coordinator_id` as coordinator. `NotFound` for an organisation that does
/// not exist or may not coordinate; adding one twice changes nothing.
pub async fn add_coordinator(tx: &mut Tx, scope: &WriteScope, actor: &Actor, coordinator_id: i64) -> Result<()> {
    let eligible = crate::orgs::kind_of(&mut *tx, coordinator_id).await?.is_some_and(may_coordinate);
    if !eligible || coordinator_id == scope.org_id() {
        return Err(StoreError::NotFound);
    }
    if is_coordinator_of(tx, scope.org_id(), coordinator_id).await? {
        return Ok(());
    }
    sql::query("INSERT INTO sr_coordinators (buyer_id, coordinator_id, added_by, added_at) VALUES ($1, $2, $3, $4)")
        .bind(scope.org_id())
        .bind(coordinator_id)
        .bind(&actor.label)
        .bind(timestamp::to_unix(actor.at))
        .execute(&mut *tx)
        .await?;
    let mut change =
        Change::event(Some(scope.org_id()), "add_coordinator", "sr_coordinator", coordinator_id.to_string());
    change.after = Some(serde_json::json!({ "coordinator_id": coordinator_id }));
    audit::record(tx.conn(), actor, change).await
}
