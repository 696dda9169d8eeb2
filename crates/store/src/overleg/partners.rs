//! Which tenant organisations a corporation consults (its overleg partners), and the advice term they agreed.

use crate::audit::{self, Actor, Change};
use crate::orgs::{self, Organisation};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::org::OrgKind;

/// The other party of an overleg relation, seen from either side.
#[derive(Debug, Clone)]
pub struct Partner {
    /// The other organisation.
    pub org: Organisation,
    /// The agreed advice term in weeks, when longer than the legal six.
    pub agreed_weeks: Option<u32>,
}

/// Records that the corporation of `scope` consults `tenant_org_id`, with an agreed term (or updates the term).
pub async fn add_partner(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    tenant_org_id: i64,
    agreed_weeks: Option<u32>,
) -> Result<()> {
    let tenant = orgs::get_in(tx, tenant_org_id).await?.ok_or(StoreError::NotFound)?;
    if tenant.kind != OrgKind::TenantOrganisation {
        return Err(StoreError::NotFound);
    }
    sql::query(
        "INSERT INTO overleg_partners (corporation_id, tenant_org_id, agreed_weeks, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (corporation_id, tenant_org_id) DO UPDATE SET agreed_weeks = excluded.agreed_weeks",
    )
    .bind(scope.org_id())
    .bind(tenant_org_id)
    .bind(agreed_weeks.map(i64::from))
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "set", "overleg_partner", tenant_org_id.to_string());
    change.after = Some(json!({ "tenant_org_id": tenant_org_id, "agreed_weeks": agreed_weeks }));
    audit::record(tx.conn(), actor, change).await
}

/// The overleg partners of the organisation of `scope`: tenant organisations for a corporation, corporations for a
/// tenant organisation.
pub async fn partners_of(db: &Db, scope: &ReadScope) -> Result<Vec<Partner>> {
    let rows = sql::query(
        "SELECT o.id, o.code, o.name, o.kind, o.created_at, p.agreed_weeks FROM overleg_partners p \
         JOIN organisations o ON o.id = CASE WHEN p.corporation_id = $1 THEN p.tenant_org_id ELSE p.corporation_id END \
         WHERE p.corporation_id = $1 OR p.tenant_org_id = $1 ORDER BY o.name",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Partner {
                org: orgs::from_row(row)?,
                agreed_weeks: row.try_get::<Option<i64>, _>("agreed_weeks")?.map(|w| w as u32),
            })
        })
        .collect()
}

/// The agreed term between the corporation of `scope` and a tenant organisation; `Err(NotFound)` when they are not
/// overleg partners.
pub async fn partner_terms(db: &Db, scope: &ReadScope, tenant_org_id: i64) -> Result<Option<u32>> {
    let row = sql::query("SELECT agreed_weeks FROM overleg_partners WHERE corporation_id = $1 AND tenant_org_id = $2")
        .bind(scope.org_id())
        .bind(tenant_org_id)
        .fetch_optional(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(row.try_get::<Option<i64>, _>("agreed_weeks")?.map(|w| w as u32))
}

/// `NotFound` unless the corporation consults the tenant organisation (checked inside the caller's transaction).
pub(crate) async fn ensure_partner(tx: &mut Tx, corporation_id: i64, tenant_org_id: i64) -> Result<()> {
    let partner: Option<i64> =
        sql::query_scalar("SELECT 1 FROM overleg_partners WHERE corporation_id = $1 AND tenant_org_id = $2")
            .bind(corporation_id)
            .bind(tenant_org_id)
            .fetch_optional(&mut *tx)
            .await?;
    partner.map(|_| ()).ok_or(StoreError::NotFound)
}
