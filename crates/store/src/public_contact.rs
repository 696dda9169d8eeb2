//! How tenants reach a corporation when no group speaks for their address yet, shown on the public page `/doe-mee`.
//! The corporation's administrators keep it; it is public by design (like the organisation's name), so it is read
//! without a scope.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{Db, Result, Tx};
use serde_json::json;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::text::Name;

/// The public contact of an organisation, if it gave one.
pub async fn get(db: &Db, org_id: i64) -> Result<Option<String>> {
    let contact: Option<Option<String>> = sql::query_scalar("SELECT public_contact FROM organisations WHERE id = $1")
        .bind(org_id)
        .fetch_optional(db)
        .await?;
    Ok(contact.flatten().filter(|c| !c.trim().is_empty()))
}

/// Sets (or with `None` removes) the public contact of the scope's organisation, with its audit entry.
pub async fn set(tx: &mut Tx, scope: &WriteScope, actor: &Actor, contact: Option<&Name>) -> Result<()> {
    let before: Option<Option<String>> = sql::query_scalar("SELECT public_contact FROM organisations WHERE id = $1")
        .bind(scope.org_id())
        .fetch_optional(&mut *tx)
        .await?;
    let after = contact.map(|c| c.as_str().to_owned());
    sql::query("UPDATE organisations SET public_contact = $1 WHERE id = $2")
        .bind(after.as_deref())
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?;
    let change = Change {
        org_id: Some(scope.org_id()),
        action: "update",
        entity: "public_contact",
        entity_id: scope.org_id().to_string(),
        before: Some(json!({ "public_contact": before.flatten() })),
        after: Some(json!({ "public_contact": after })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await
}
