//! Which corporation's coverage an organisation may see or keep up to date. The figures are a corporation's; the
//! organisations around its stock (its tenant organisations, a municipality) see them too, so a scope alone does not
//! name the corporation: [`open_figures`] checks the pair once and hands out a [`Figures`] that the reads take.

use crate::sql;
use crate::{Db, Result, StoreError};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::org::OrgKind;

/// A corporation's coverage figures, opened for the organisation of a scope by [`open_figures`]; the only way to
/// the coverage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    corporation_id: i64,
}

impl Figures {
    /// The corporation whose figures these are.
    pub fn corporation_id(&self) -> i64 {
        self.corporation_id
    }
}

/// Opens a corporation's figures for the organisation of `scope`: the corporation itself, a tenant organisation
/// that consults it, or a municipality (which sees every corporation's figures); `None` for anyone else.
pub async fn open_figures(db: &Db, scope: &ReadScope, corporation_id: i64) -> Result<Option<Figures>> {
    if scope.org_id() == corporation_id {
        return Ok(Some(Figures { corporation_id }));
    }
    let allowed: Option<i64> = sql::query_scalar(
        "SELECT 1 FROM organisations o WHERE o.id = $1 AND (o.kind = $3 OR EXISTS \
           (SELECT 1 FROM overleg_partners p WHERE p.corporation_id = $2 AND p.tenant_org_id = o.id \
           AND p.accepted_at IS NOT NULL))",
    )
    .bind(scope.org_id())
    .bind(corporation_id)
    .bind(OrgKind::Municipality.code())
    .fetch_optional(db)
    .await?;
    Ok(allowed.map(|_| Figures { corporation_id }))
}

/// `NotFound` unless the organisation works in the corporation's stock: the corporation itself, a tenant
/// organisation that consults it, or one that keeps a group there (who may change groups, and so the levels).
pub(crate) async fn ensure_works_in(db: &Db, org_id: i64, corporation_id: i64) -> Result<()> {
    if org_id == corporation_id {
        return Ok(());
    }
    let works_in: Option<i64> = sql::query_scalar(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM overleg_partners WHERE corporation_id = $2 AND tenant_org_id = $1 \
         AND accepted_at IS NOT NULL) \
         OR EXISTS (SELECT 1 FROM part_groups WHERE corporation_id = $2 AND org_id = $1)",
    )
    .bind(org_id)
    .bind(corporation_id)
    .fetch_optional(db)
    .await?;
    works_in.map(|_| ()).ok_or(StoreError::NotFound)
}
