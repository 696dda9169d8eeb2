//! Which tenant organisations a corporation consults (its overleg partners), and the advice term they agreed.
//!
//! A partnership starts as the corporation's proposal and holds only once the tenant organisation accepted it:
//! until then no case can be sent to it and it sees nothing of the corporation (every read here and in
//! `participatie::figures` asks for `accepted_at IS NOT NULL`).

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

/// Proposes that the corporation of `scope` consults `tenant_org_id`, with an agreed term (or updates the term of a
/// proposal or partnership; an accepted partnership stays accepted).
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
    let mut change = Change::event(Some(scope.org_id()), "propose", "overleg_partner", tenant_org_id.to_string());
    change.after = Some(json!({ "tenant_org_id": tenant_org_id, "agreed_weeks": agreed_weeks }));
    audit::record(tx.conn(), actor, change).await
}

/// The overleg partners of the organisation of `scope`: tenant organisations for a corporation, corporations for a
/// tenant organisation; accepted partnerships only.
pub async fn partners_of(db: &Db, scope: &ReadScope) -> Result<Vec<Partner>> {
    partners_where(db, scope, true).await
}

/// The proposals not yet accepted that concern the organisation of `scope`: those a corporation made, or those
/// made to a tenant organisation.
pub async fn proposals_of(db: &Db, scope: &ReadScope) -> Result<Vec<Partner>> {
    partners_where(db, scope, false).await
}

async fn partners_where(db: &Db, scope: &ReadScope, accepted: bool) -> Result<Vec<Partner>> {
    let state = if accepted { "p.accepted_at IS NOT NULL" } else { "p.accepted_at IS NULL" };
    let rows = sql::query(&format!(
        "SELECT o.id, o.code, o.name, o.kind, o.created_at, p.agreed_weeks FROM overleg_partners p \
         JOIN organisations o ON o.id = CASE WHEN p.corporation_id = $1 THEN p.tenant_org_id ELSE p.corporation_id END \
         WHERE (p.corporation_id = $1 OR p.tenant_org_id = $1) AND {state} ORDER BY o.name"
    ))
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
    let row = sql::query(
        "SELECT agreed_weeks FROM overleg_partners \
         WHERE corporation_id = $1 AND tenant_org_id = $2 AND accepted_at IS NOT NULL",
    )
    .bind(scope.org_id())
    .bind(tenant_org_id)
    .fetch_optional(db)
    .await?
    .ok_or(StoreError::NotFound)?;
    Ok(row.try_get::<Option<i64>, _>("agreed_weeks")?.map(|w| w as u32))
}

/// `NotFound` unless the corporation consults the tenant organisation (checked inside the caller's transaction).
pub(crate) async fn ensure_partner(tx: &mut Tx, corporation_id: i64, tenant_org_id: i64) -> Result<()> {
    let partner: Option<i64> = sql::query_scalar(
        "SELECT 1 FROM overleg_partners WHERE corporation_id = $1 AND tenant_org_id = $2 AND accepted_at IS NOT NULL",
    )
    .bind(corporation_id)
    .bind(tenant_org_id)
    .fetch_optional(&mut *tx)
    .await?;
    partner.map(|_| ()).ok_or(StoreError::NotFound)
}

/// The tenant organisation of `scope` accepts (or, with `accept` false, declines) the corporation's proposal;
/// `NotFound` when there is no open proposal from that corporation to it. Declining deletes the proposal; both are
/// audit-logged.
pub async fn respond_to_proposal(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    corporation_id: i64,
    accept: bool,
) -> Result<()> {
    let done = if accept {
        sql::query(
            "UPDATE overleg_partners SET accepted_at = $1 \
             WHERE corporation_id = $2 AND tenant_org_id = $3 AND accepted_at IS NULL",
        )
        .bind(timestamp::to_unix(actor.at))
        .bind(corporation_id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?
    } else {
        sql::query(
            "DELETE FROM overleg_partners WHERE corporation_id = $1 AND tenant_org_id = $2 AND accepted_at IS NULL",
        )
        .bind(corporation_id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?
    };
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let action = if accept { "accept" } else { "decline" };
    let mut change = Change::event(Some(scope.org_id()), action, "overleg_partner", scope.org_id().to_string());
    change.after = Some(json!({ "corporation_id": corporation_id, "tenant_org_id": scope.org_id() }));
    audit::record(tx.conn(), actor, change).await
}
