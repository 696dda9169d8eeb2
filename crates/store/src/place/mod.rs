//! One place per complex and buurt (issue 23, ADR 0048): a place opened for a viewer, and each module's facts for
//! it as a block.
//!
//! [`open_complex`] and [`open_buurt`] decide whether the viewer's organisation may look at the place at all — by
//! the rule of the Participatiekaart's figures ([`crate::participatie::all_open_figures`]): the corporation itself, a
//! tenant organisation it consults, a municipality inside its own gemeenten — and which blocks it sees
//! ([`volkshuis_domain::place::blocks`]). Every block read in [`blocks`] takes the opened [`Place`] and answers
//! `None` for a block the viewer may not see, so no handler can show a block by forgetting a check.

#[doc(hidden)]
pub mod bench;
pub mod blocks;

use crate::participatie::{all_open_figures, Figures};
use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::place::{self as rules, Block, Purpose, Scale, Viewer};

/// What a place is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceKind {
    /// A complex of one corporation.
    Complex {
        /// The complex's id.
        id: i64,
        /// The corporation's code for it.
        code: String,
        /// Its name, if it has one.
        naam: Option<String>,
    },
    /// A buurt (CBS code), with the stock of every corporation the viewer may see there.
    Buurt {
        /// The CBS code.
        code: String,
    },
}

/// A part of a place: the units of one corporation in one complex and buurt (a coverage cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The corporation.
    pub corporation_id: i64,
    /// The complex's code ('' for units without one) and name.
    pub cluster_code: String,
    /// The complex's name, if any.
    pub cluster_name: Option<String>,
    /// Buurt, wijk and gemeente codes.
    pub buurt_code: String,
    /// Wijk code.
    pub wijk_code: String,
    /// Gemeente code.
    pub gemeente_code: String,
    /// Units in use.
    pub units: i64,
    /// The best coverage level of the groups speaking for them (0 none, 1 informal, 2 formal).
    pub level: i64,
}

/// A place opened for a viewer: what it is, the corporations whose stock is in it, and its parts. Only
/// [`open_complex`], [`open_buurt`] and [`Place::for_tenant_meeting`] make one, and its fields are private: what a
/// place lets a viewer read cannot be changed after the check.
#[derive(Debug, Clone)]
pub struct Place {
    kind: PlaceKind,
    viewer: Viewer,
    viewer_org: i64,
    parts: Vec<Part>,
    corporations: Vec<(i64, String)>,
}

impl Place {
    /// What the place is.
    pub fn kind(&self) -> &PlaceKind {
        &self.kind
    }

    /// How the viewer stands to the stock.
    pub fn viewer(&self) -> Viewer {
        self.viewer
    }

    /// The place's units, per corporation, complex and buurt.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The corporations in the place, by id, with their names.
    pub fn corporations(&self) -> &[(i64, String)] {
        &self.corporations
    }

    /// A complex or a buurt.
    pub fn scale(&self) -> Scale {
        match self.kind {
            PlaceKind::Complex { .. } => Scale::Complex,
            PlaceKind::Buurt { .. } => Scale::Buurt,
        }
    }

    /// Whether the viewer sees `block` for `purpose`.
    pub fn shows(&self, block: Block, purpose: Purpose) -> bool {
        self.blocks(purpose).contains(&block)
    }

    /// The blocks the viewer sees, in page order.
    pub fn blocks(&self, purpose: Purpose) -> Vec<Block> {
        rules::blocks(self.viewer, purpose, self.scale())
    }

    /// The place as the tenant organisation `tenant` sees it, for the one-pager of a meeting with it: only when the
    /// viewer may print one ([`rules::prints_for_tenants`]: the corporation, or the tenant organisation itself) and
    /// only the stock of corporations that consult `tenant` (an accepted Overleg partner); `None` otherwise. The
    /// blocks are then read with the tenant organisation's rights, not the printer's: its own Overleg cases, cycles it
    /// is a party to.
    pub async fn for_tenant_meeting(&self, db: &Db, tenant: i64) -> Result<Option<Place>> {
        let allowed = match self.viewer {
            Viewer::Owner(_) => true,
            Viewer::TenantOrganisation => tenant == self.viewer_org,
            Viewer::Municipality => false,
        };
        if !allowed || !rules::prints_for_tenants(self.viewer) {
            return Ok(None);
        }
        let mut corporations = Vec::new();
        for (id, name) in &self.corporations {
            let consults: Option<i64> = sql::query_scalar(
                "SELECT 1 FROM overleg_partners p JOIN organisations t ON t.id = p.tenant_org_id \
                 WHERE p.corporation_id = $1 AND p.tenant_org_id = $2 AND p.accepted_at IS NOT NULL AND t.kind = $3",
            )
            .bind(*id)
            .bind(tenant)
            .bind(OrgKind::TenantOrganisation.code())
            .fetch_optional(db)
            .await?;
            if consults.is_some() {
                corporations.push((*id, name.clone()));
            }
        }
        if corporations.is_empty() {
            return Ok(None);
        }
        let parts =
            self.parts.iter().filter(|p| corporations.iter().any(|c| c.0 == p.corporation_id)).cloned().collect();
        Ok(Some(Place {
            kind: self.kind.clone(),
            viewer: Viewer::TenantOrganisation,
            viewer_org: tenant,
            parts,
            corporations,
        }))
    }

    /// The tenant organisations the viewer may print a one-pager for: every organisation the place's corporation
    /// consults (for its members), the viewer itself (a tenant organisation), none (a municipality). Id and name.
    pub async fn meeting_partners(&self, db: &Db) -> Result<Vec<(i64, String)>> {
        match self.viewer {
            Viewer::Municipality => Ok(Vec::new()),
            Viewer::TenantOrganisation => {
                let name: Option<String> = sql::query_scalar("SELECT name FROM organisations WHERE id = $1")
                    .bind(self.viewer_org)
                    .fetch_optional(db)
                    .await?;
                Ok(name.map(|n| vec![(self.viewer_org, n)]).unwrap_or_default())
            }
            Viewer::Owner(_) => Ok(sql::query_as(
                "SELECT t.id, t.name FROM overleg_partners p JOIN organisations t ON t.id = p.tenant_org_id \
                 WHERE p.corporation_id = $1 AND p.accepted_at IS NOT NULL AND t.kind = $2 ORDER BY t.name, t.id",
            )
            .bind(self.viewer_org)
            .bind(OrgKind::TenantOrganisation.code())
            .fetch_all(db)
            .await?),
        }
    }

    /// All units in use in the place (as far as the viewer's figures reach).
    pub fn units(&self) -> i64 {
        self.parts.iter().map(|p| p.units).sum()
    }

    /// The distinct codes of one kind over the parts, sorted.
    fn codes(&self, pick: impl Fn(&Part) -> &str) -> Vec<String> {
        let mut codes: Vec<String> = self.parts.iter().map(|p| pick(p).to_owned()).filter(|c| !c.is_empty()).collect();
        codes.sort();
        codes.dedup();
        codes
    }

    /// The buurten the place lies in.
    pub fn buurt_codes(&self) -> Vec<String> {
        self.codes(|p| &p.buurt_code)
    }

    /// The gemeenten the place lies in.
    pub fn gemeente_codes(&self) -> Vec<String> {
        self.codes(|p| &p.gemeente_code)
    }

    /// The complexes in the place of one corporation: (code, name).
    pub fn complexes_of(&self, corporation_id: i64) -> Vec<(String, Option<String>)> {
        let mut list: Vec<(String, Option<String>)> = self
            .parts
            .iter()
            .filter(|p| p.corporation_id == corporation_id && !p.cluster_code.is_empty())
            .map(|p| (p.cluster_code.clone(), p.cluster_name.clone()))
            .collect();
        list.sort();
        list.dedup_by(|a, b| a.0 == b.0);
        list
    }

    /// The organisation looking.
    pub fn viewer_org(&self) -> i64 {
        self.viewer_org
    }
}

/// How the organisation of `scope` stands to `corporation_id`'s stock; `None` when it has no place pages (a
/// supplier, a partner).
async fn viewer_of(db: &Db, scope: &ReadScope, corporation_id: i64) -> Result<Option<Viewer>> {
    if scope.org_id() == corporation_id {
        return Ok(Some(Viewer::Owner(scope.role())));
    }
    let kind: Option<String> = sql::query_scalar("SELECT kind FROM organisations WHERE id = $1")
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    Ok(match kind.and_then(|k| OrgKind::parse(&k).ok()) {
        Some(OrgKind::TenantOrganisation) => Some(Viewer::TenantOrganisation),
        Some(OrgKind::Municipality) => Some(Viewer::Municipality),
        _ => None,
    })
}

const PART_COLUMNS: &str =
    "c.corporation_id, c.cluster_code, c.cluster_name, c.buurt_code, c.wijk_code, c.gemeente_code, c.units, c.level";

fn part(row: &sql::Row) -> Result<Part> {
    Ok(Part {
        corporation_id: row.try_get("corporation_id")?,
        cluster_code: row.try_get("cluster_code")?,
        cluster_name: row.try_get("cluster_name")?,
        buurt_code: row.try_get("buurt_code")?,
        wijk_code: row.try_get("wijk_code")?,
        gemeente_code: row.try_get("gemeente_code")?,
        units: row.try_get("units")?,
        level: row.try_get("level")?,
    })
}

async fn corporation_names(db: &Db, ids: &[i64]) -> Result<Vec<(i64, String)>> {
    let mut names = Vec::new();
    for id in ids {
        let name: Option<String> =
            sql::query_scalar("SELECT name FROM organisations WHERE id = $1").bind(*id).fetch_optional(db).await?;
        names.extend(name.map(|n| (*id, n)));
    }
    Ok(names)
}

/// A complex, opened for the organisation of `scope`; `None` for a complex it may not look at (another
/// corporation's that it does not consult, one outside a municipality's gemeenten, or any for a supplier or
/// partner) and for one without units in use.
pub async fn open_complex(db: &Db, scope: &ReadScope, cluster_id: i64) -> Result<Option<Place>> {
    let row = sql::query("SELECT corporation_id, code, naam FROM clusters WHERE id = $1")
        .bind(cluster_id)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let (corporation_id, code, naam): (i64, String, Option<String>) =
        (row.try_get("corporation_id")?, row.try_get("code")?, row.try_get("naam")?);
    let Some(figures) = crate::participatie::open_figures(db, scope, corporation_id).await? else { return Ok(None) };
    let Some(viewer) = viewer_of(db, scope, corporation_id).await? else { return Ok(None) };
    let rows = sql::query(&format!(
        "SELECT {PART_COLUMNS} FROM part_cells c WHERE c.corporation_id = $1 AND c.cluster_code = $2{} \
         ORDER BY c.buurt_code",
        figures.bound("c.")
    ))
    .bind(corporation_id)
    .bind(&code)
    .fetch_all(db)
    .await?;
    let parts = rows.iter().map(part).collect::<Result<Vec<_>>>()?;
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(Place {
        kind: PlaceKind::Complex { id: cluster_id, code, naam },
        viewer,
        viewer_org: scope.org_id(),
        parts,
        corporations: corporation_names(db, &[corporation_id]).await?,
    }))
}

/// A buurt, opened for the organisation of `scope` with the stock of every corporation it may see there; `None`
/// when it may see none there.
pub async fn open_buurt(db: &Db, scope: &ReadScope, code: &str) -> Result<Option<Place>> {
    let mut parts = Vec::new();
    let mut opened = Vec::new();
    let mut viewer = None;
    for figures in all_open_figures(db, scope).await? {
        let rows = sql::query(&format!(
            "SELECT {PART_COLUMNS} FROM part_cells c WHERE c.corporation_id = $1 AND c.buurt_code = $2{} \
             ORDER BY c.cluster_code",
            figures.bound("c.")
        ))
        .bind(figures.corporation_id())
        .bind(code)
        .fetch_all(db)
        .await?;
        if rows.is_empty() {
            continue;
        }
        viewer = viewer_of(db, scope, figures.corporation_id()).await?;
        parts.extend(rows.iter().map(part).collect::<Result<Vec<_>>>()?);
        opened.push(figures);
    }
    let Some(viewer) = viewer else { return Ok(None) };
    let ids: Vec<i64> = opened.iter().map(Figures::corporation_id).collect();
    Ok(Some(Place {
        kind: PlaceKind::Buurt { code: code.to_owned() },
        viewer,
        viewer_org: scope.org_id(),
        corporations: corporation_names(db, &ids).await?,
        parts,
    }))
}
