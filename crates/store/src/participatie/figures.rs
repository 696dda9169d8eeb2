//! Which corporation's coverage an organisation may see or keep up to date. The figures are a corporation's; the
//! organisations around its stock (its tenant organisations, a municipality) see them too, so a scope alone does not
//! name the corporation: [`open_figures`] checks the pair once and hands out a [`Figures`] that the reads take.
//!
//! A municipality sees a corporation's figures only inside its own gemeenten (ADR 0039): its `Figures` carry that
//! bound, and every coverage read applies it, so no handler can forget it.

use crate::orgs::Organisation;
use crate::sql;
use crate::{Db, Result, StoreError};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::org::OrgKind;

/// A corporation's coverage figures, opened for the organisation of a scope by [`open_figures`]; the only way to
/// the coverage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    corporation_id: i64,
    /// The municipality whose gemeenten bound the figures; `None` for the whole stock.
    within: Option<i64>,
}

impl Figures {
    /// The corporation whose figures these are.
    pub fn corporation_id(&self) -> i64 {
        self.corporation_id
    }

    /// Whether the figures are bounded to a municipality's gemeenten.
    pub fn bounded(&self) -> bool {
        self.within.is_some()
    }

    /// The condition a coverage read adds for the cells of `part_cells` (with `prefix`, such as `c.`): nothing for
    /// the whole stock, the municipality's gemeenten otherwise. The id is the store's own integer, not input text.
    pub(crate) fn bound(&self, prefix: &str) -> String {
        match self.within {
            None => String::new(),
            Some(org_id) => format!(
                " AND {prefix}gemeente_code IN (SELECT gemeente_code FROM org_gemeenten WHERE org_id = {org_id})"
            ),
        }
    }
}

/// Opens a corporation's figures for the organisation of `scope`: the corporation itself or a tenant organisation
/// that consults it (the whole stock), or a municipality, bounded to its own gemeenten and only when the corporation
/// has units in use there; `None` for anyone else, and for a municipality without gemeente codes.
pub async fn open_figures(db: &Db, scope: &ReadScope, corporation_id: i64) -> Result<Option<Figures>> {
    if scope.org_id() == corporation_id {
        return Ok(Some(Figures { corporation_id, within: None }));
    }
    let partner: Option<i64> = sql::query_scalar(
        "SELECT 1 FROM overleg_partners p JOIN organisations c ON c.id = p.corporation_id \
         WHERE p.corporation_id = $2 AND p.tenant_org_id = $1 AND p.accepted_at IS NOT NULL AND c.kind = $3",
    )
    .bind(scope.org_id())
    .bind(corporation_id)
    .bind(OrgKind::Corporation.code())
    .fetch_optional(db)
    .await?;
    if partner.is_some() {
        return Ok(Some(Figures { corporation_id, within: None }));
    }
    let municipality: Option<i64> = sql::query_scalar(
        "SELECT 1 FROM organisations m WHERE m.id = $1 AND m.kind = $3 AND EXISTS \
           (SELECT 1 FROM units u JOIN org_gemeenten g ON g.gemeente_code = u.gemeente_code \
            WHERE g.org_id = m.id AND u.corporation_id = $2 AND u.in_use = 1)",
    )
    .bind(scope.org_id())
    .bind(corporation_id)
    .bind(OrgKind::Municipality.code())
    .fetch_optional(db)
    .await?;
    Ok(municipality.map(|_| Figures { corporation_id, within: Some(scope.org_id()) }))
}

/// Every corporation's figures the organisation of `scope` may open, by the rule of [`open_figures`]: its own stock
/// (a corporation), the stock of every corporation it consults (a tenant organisation), or each corporation with units
/// in use in its gemeenten, bounded to them (a municipality). Empty for every other kind. The places (complexes,
/// buurten, addresses) a viewer may look up are those of these figures.
pub async fn all_open_figures(db: &Db, scope: &ReadScope) -> Result<Vec<Figures>> {
    let Some(kind) = org_kind(db, scope.org_id()).await? else { return Ok(Vec::new()) };
    all_open_figures_as(db, scope, kind).await
}

/// The kind of organisation `org_id`, if it exists and its kind is known.
pub(crate) async fn org_kind(db: &Db, org_id: i64) -> Result<Option<OrgKind>> {
    crate::orgs::kind_of(db, org_id).await
}

/// [`all_open_figures`] for an organisation of `kind`, which the caller has read already with [`org_kind`] (the
/// search, a statement less per search). Trusts `kind`: hence not public.
pub(crate) async fn all_open_figures_as(db: &Db, scope: &ReadScope, kind: OrgKind) -> Result<Vec<Figures>> {
    let figures = match kind {
        OrgKind::Corporation => vec![Figures { corporation_id: scope.org_id(), within: None }],
        OrgKind::TenantOrganisation => {
            let ids: Vec<i64> = sql::query_scalar(
                "SELECT p.corporation_id FROM overleg_partners p JOIN organisations c ON c.id = p.corporation_id \
                 WHERE p.tenant_org_id = $1 AND p.accepted_at IS NOT NULL AND c.kind = $2 ORDER BY p.corporation_id",
            )
            .bind(scope.org_id())
            .bind(OrgKind::Corporation.code())
            .fetch_all(db)
            .await?;
            ids.into_iter().map(|corporation_id| Figures { corporation_id, within: None }).collect()
        }
        OrgKind::Municipality => corporations_in_territory(db, scope)
            .await?
            .into_iter()
            .map(|c| Figures { corporation_id: c.id, within: Some(scope.org_id()) })
            .collect(),
        _ => Vec::new(),
    };
    Ok(figures)
}

/// The corporations whose figures a municipality may open: those with units in use in its gemeenten, by name.
/// Empty for a municipality without gemeente codes, and for any organisation that is not a municipality.
pub async fn corporations_in_territory(db: &Db, scope: &ReadScope) -> Result<Vec<Organisation>> {
    let rows = sql::query(
        "SELECT o.id, o.code, o.name, o.kind, o.created_at FROM organisations o \
         WHERE o.kind = $2 AND EXISTS (SELECT 1 FROM organisations m WHERE m.id = $1 AND m.kind = $3) \
         AND EXISTS (SELECT 1 FROM units u JOIN org_gemeenten g ON g.gemeente_code = u.gemeente_code \
                     WHERE g.org_id = $1 AND u.corporation_id = o.id AND u.in_use = 1) \
         ORDER BY o.name, o.id",
    )
    .bind(scope.org_id())
    .bind(OrgKind::Corporation.code())
    .bind(OrgKind::Municipality.code())
    .fetch_all(db)
    .await?;
    rows.iter().map(crate::orgs::from_row).collect()
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
