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
pub mod kept;

use crate::participatie::all_open_figures;
use crate::sql::{self, Conn, PooledConn};
use crate::{Db, Result};
use blocks::Blocks;
pub(crate) use kept::KeptPlaces;
use kept::{Facts, Section};
use std::collections::HashMap;
use time::Date;
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

/// A place opened for a viewer: what it is, the corporations whose stock is in it, and its parts. Only a [`Reader`]
/// makes one (behind [`open_complex`], [`open_buurt`] and [`Place::for_tenant_meeting`]), and its fields are
/// private: what a place lets a viewer read cannot be changed after the check.
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

    /// The place as the tenant organisation `tenant` sees it, for the one-pager of a meeting with it (see
    /// [`Reader::for_tenant_meeting`]).
    pub async fn for_tenant_meeting(&self, db: &Db, tenant: i64) -> Result<Option<Place>> {
        Reader::new(db).for_tenant_meeting(self, tenant).await
    }

    /// The tenant organisations the viewer may print a one-pager for (see [`Reader::meeting_partners`]).
    pub async fn meeting_partners(&self, db: &Db) -> Result<Vec<(i64, String)>> {
        Reader::new(db).meeting_partners(self).await
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
    Ok(match crate::orgs::kind_of(db, scope.org_id()).await? {
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

/// A complex, opened for the organisation of `scope`; `None` for a complex it may not look at (another
/// corporation's that it does not consult, one outside a municipality's gemeenten, or any for a supplier or
/// partner) and for one without units in use.
pub async fn open_complex(db: &Db, scope: &ReadScope, cluster_id: i64) -> Result<Option<Place>> {
    Reader::new(db).open_complex(scope, cluster_id).await
}

/// A buurt, opened for the organisation of `scope` with the stock of every corporation it may see there; `None`
/// when it may see none there.
pub async fn open_buurt(db: &Db, scope: &ReadScope, code: &str) -> Result<Option<Place>> {
    Reader::new(db).open_buurt(scope, code).await
}

/// What a place's page shows besides the place itself.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// The blocks the viewer sees.
    pub blocks: Blocks,
    /// The names of the place's buurten and gemeenten, by code.
    pub area_names: HashMap<String, String>,
    /// The tenant organisations the viewer may print a one-pager for (on the screen's page only).
    pub meeting_partners: Vec<(i64, String)>,
}

/// One connection for what a place's page reads (ADR 0052): the place, its blocks, its areas' names and the tenant
/// organisations it may be printed for. Every statement on the pool costs a hand-over or round trip more (sqlx pings
/// each connection it takes back), so a page holds one connection throughout.
///
/// It never reads through the pool while it holds its connection: a request waiting for a second connection while
/// holding one can wait for good when every connection is held so. Where it must (a viewer other than the
/// corporation, whose rights are read through the pool), it lets its connection go first.
pub struct Reader<'d> {
    db: &'d Db,
    pooled: Option<PooledConn>,
    /// The kept facts' section numbers, when opening the place read them (a complex's one statement): the page then
    /// needs no statement of its own for them.
    versions: Option<kept::Versions>,
}

impl<'d> Reader<'d> {
    /// A reader on `db`; it takes a connection when it first needs one. Take it after whatever else the request
    /// reads through the pool.
    pub fn new(db: &'d Db) -> Self {
        Self { db, pooled: None, versions: None }
    }

    /// Its connection, taken from the pool when it holds none.
    async fn conn(&mut self) -> Result<Conn<'_>> {
        let pooled = match self.pooled.take() {
            Some(pooled) => pooled,
            None => self.db.acquire().await?,
        };
        Ok(self.pooled.insert(pooled).conn())
    }

    /// Gives its connection back, before a read through the pool.
    fn release(&mut self) {
        self.pooled = None;
    }

    /// A complex, opened for the organisation of `scope` (see [`open_complex`]). For the corporation's own members in
    /// one statement: the complex, its corporation's name and its cells.
    pub async fn open_complex(&mut self, scope: &ReadScope, cluster_id: i64) -> Result<Option<Place>> {
        // The cells come along only when the viewer is the corporation (whose figures are all of its stock); the
        // code in the cells' collation, so their key serves the join (PostgreSQL read all of them otherwise: 6 ms).
        let mut conn = self.conn().await?;
        let collate = sql::in_default_collation(conn.backend());
        // With the kept facts' section numbers (one row, `place_version`): read here, before anything they cover, they
        // save the page a round trip (ADR 0057).
        let rows = sql::query(&format!(
            "SELECT k.corporation_id AS owner_id, k.code, k.naam, o.name AS owner_name, \
             c.corporation_id IS NOT NULL AS has_cell, {PART_COLUMNS}, {} FROM clusters k \
             JOIN organisations o ON o.id = k.corporation_id \
             CROSS JOIN place_version v \
             LEFT JOIN part_cells c ON c.corporation_id = k.corporation_id AND c.cluster_code = k.code{collate} \
               AND k.corporation_id = $2 \
             WHERE k.id = $1 ORDER BY c.buurt_code",
            kept::VERSION_COLUMNS.as_str()
        ))
        .bind(cluster_id)
        .bind(scope.org_id())
        .fetch_all(&mut conn)
        .await?;
        let Some(first) = rows.first() else { return Ok(None) };
        self.versions = Some(kept::versions_of(first)?);
        let (corporation_id, code, naam, corporation_name): (i64, String, Option<String>, String) =
            (first.try_get("owner_id")?, first.try_get("code")?, first.try_get("naam")?, first.try_get("owner_name")?);
        let (viewer, parts) = if scope.org_id() == corporation_id {
            let mut parts = Vec::new();
            for row in &rows {
                if row.try_get::<bool, _>("has_cell")? {
                    parts.push(part(row)?);
                }
            }
            (Viewer::Owner(scope.role()), parts)
        } else {
            self.release();
            let Some(figures) = crate::participatie::open_figures(self.db, scope, corporation_id).await? else {
                return Ok(None);
            };
            let Some(viewer) = viewer_of(self.db, scope, corporation_id).await? else { return Ok(None) };
            let rows = sql::query(&format!(
                "SELECT {PART_COLUMNS} FROM part_cells c WHERE c.corporation_id = $1 AND c.cluster_code = $2{} \
                 ORDER BY c.buurt_code",
                figures.bound("c.")
            ))
            .bind(corporation_id)
            .bind(&code)
            .fetch_all(&mut self.conn().await?)
            .await?;
            (viewer, rows.iter().map(part).collect::<Result<Vec<_>>>()?)
        };
        if parts.is_empty() {
            return Ok(None);
        }
        Ok(Some(Place {
            kind: PlaceKind::Complex { id: cluster_id, code, naam },
            viewer,
            viewer_org: scope.org_id(),
            parts,
            corporations: vec![(corporation_id, corporation_name)],
        }))
    }

    /// A buurt, opened for the organisation of `scope` (see [`open_buurt`]).
    pub async fn open_buurt(&mut self, scope: &ReadScope, code: &str) -> Result<Option<Place>> {
        // The viewer's rights first, through the pool, before this reader holds a connection.
        self.release();
        let all = all_open_figures(self.db, scope).await?;
        // How the organisation stands to the stock is the same for every corporation it may see.
        let viewer = match all.first() {
            Some(figures) => viewer_of(self.db, scope, figures.corporation_id()).await?,
            None => None,
        };
        let mut parts = Vec::new();
        let mut corporations = Vec::new();
        for figures in &all {
            let rows = sql::query(&format!(
                "SELECT {PART_COLUMNS}, o.name AS corporation_name FROM part_cells c \
                 JOIN organisations o ON o.id = c.corporation_id \
                 WHERE c.corporation_id = $1 AND c.buurt_code = $2{} ORDER BY c.cluster_code",
                figures.bound("c.")
            ))
            .bind(figures.corporation_id())
            .bind(code)
            .fetch_all(&mut self.conn().await?)
            .await?;
            if let Some(first) = rows.first() {
                corporations.push((figures.corporation_id(), first.try_get("corporation_name")?));
                parts.extend(rows.iter().map(part).collect::<Result<Vec<_>>>()?);
            }
        }
        let Some(viewer) = viewer.filter(|_| !parts.is_empty()) else { return Ok(None) };
        Ok(Some(Place {
            kind: PlaceKind::Buurt { code: code.to_owned() },
            viewer,
            viewer_org: scope.org_id(),
            corporations,
            parts,
        }))
    }

    /// The place's blocks as the viewer sees them for `purpose`, the names of its areas and, on the screen, the
    /// tenant organisations it may be printed for: all on this reader's one connection, and all but the stock block
    /// kept until something they show changes ([`kept`], ADRs 0056 and 0057). After [`Self::open_complex`] on this
    /// reader the kept facts' numbers are those read when the complex was opened: a change committed in between —
    /// even one this request made — shows at the next request. (No handler writes between the two today.)
    pub async fn page(&mut self, place: &Place, purpose: Purpose, today: Date) -> Result<PageFacts> {
        let db = self.db;
        let read_when_opened = self.versions.take();
        let (pages, kept) = (db.pages(), db.kept_places());
        let conn = &mut self.conn().await?;
        // The versions before anything they cover is read: a change committed meanwhile is read again at the next page.
        let versions = match read_when_opened {
            Some(versions) => versions,
            None => kept::versions(conn).await?,
        };
        let mut stock_versions = Vec::with_capacity(place.corporations.len());
        for (corporation, _) in &place.corporations {
            stock_versions.push((*corporation, crate::stock::stock_version(pages, &mut *conn, *corporation).await?));
        }
        let stock = blocks::stock_on(conn, pages, place, purpose, today, &stock_versions).await?;
        let facts = match kept.find(place, purpose, today, versions, stock_versions) {
            kept::Found::Kept(facts) => facts,
            kept::Found::Stale(mut stale) => {
                let sections = stale.sections.clone();
                stale.facts =
                    read_sections(conn, place, purpose, today, sections, std::mem::take(&mut stale.facts)).await?;
                kept.keep(place, *stale)
            }
        };
        let Facts { blocks, area_names, meeting_partners } = Facts::clone(&facts);
        Ok(PageFacts { blocks: Blocks { stock, ..blocks }, area_names, meeting_partners })
    }

    /// The tenant organisations the viewer may print a one-pager for: every organisation the place's corporation
    /// consults (for its members), the viewer itself (a tenant organisation), none (a municipality). Id and name.
    pub async fn meeting_partners(&mut self, place: &Place) -> Result<Vec<(i64, String)>> {
        partners(&mut self.conn().await?, place).await
    }

    /// The place as the tenant organisation `tenant` sees it, for the one-pager of a meeting with it: only when the
    /// viewer may print one ([`rules::prints_for_tenants`]: the corporation, or the tenant organisation itself) and
    /// only the stock of corporations that consult `tenant` (an accepted Overleg partner); `None` otherwise. The
    /// blocks are then read with the tenant organisation's rights, not the printer's: its own Overleg cases, cycles
    /// it is a party to.
    pub async fn for_tenant_meeting(&mut self, place: &Place, tenant: i64) -> Result<Option<Place>> {
        let allowed = match place.viewer {
            Viewer::Owner(_) => true,
            Viewer::TenantOrganisation => tenant == place.viewer_org,
            Viewer::Municipality => false,
        };
        if !allowed || !rules::prints_for_tenants(place.viewer) {
            return Ok(None);
        }
        let mut corporations = Vec::new();
        for (id, name) in &place.corporations {
            let consults: Option<i64> = sql::query_scalar(
                "SELECT 1 FROM overleg_partners p JOIN organisations t ON t.id = p.tenant_org_id \
                 WHERE p.corporation_id = $1 AND p.tenant_org_id = $2 AND p.accepted_at IS NOT NULL AND t.kind = $3",
            )
            .bind(*id)
            .bind(tenant)
            .bind(OrgKind::TenantOrganisation.code())
            .fetch_optional(&mut self.conn().await?)
            .await?;
            if consults.is_some() {
                corporations.push((*id, name.clone()));
            }
        }
        if corporations.is_empty() {
            return Ok(None);
        }
        let parts =
            place.parts.iter().filter(|p| corporations.iter().any(|c| c.0 == p.corporation_id)).cloned().collect();
        Ok(Some(Place {
            kind: place.kind.clone(),
            viewer: Viewer::TenantOrganisation,
            viewer_org: tenant,
            parts,
            corporations,
        }))
    }
}

/// `sections` of what a place's page keeps of the modules ([`kept::Facts`]) read on `db` into `facts`.
async fn read_sections(
    db: &mut Conn<'_>,
    place: &Place,
    purpose: Purpose,
    today: Date,
    sections: Vec<Section>,
    mut facts: Facts,
) -> Result<Facts> {
    for section in sections {
        match section {
            Section::Block(block) => blocks::block_on(db, place, purpose, today, block, &mut facts.blocks).await?,
            Section::Areas => facts.area_names = area_names(db, place).await?,
            Section::Partners => {
                facts.meeting_partners = match purpose {
                    Purpose::Screen => partners(db, place).await?,
                    Purpose::TenantMeeting => Vec::new(),
                }
            }
        }
    }
    Ok(facts)
}

/// The names of the place's buurten and gemeenten by code, in one statement; the latest year's name where a code has
/// several (as [`crate::stock::area_names`]). The codes of the two kinds never meet (BU…, GM…).
async fn area_names(db: &mut Conn<'_>, place: &Place) -> Result<HashMap<String, String>> {
    let mut codes = place.buurt_codes();
    codes.extend(place.gemeente_codes());
    let mut names = HashMap::new();
    if codes.is_empty() {
        return Ok(names);
    }
    let text = format!(
        "SELECT code, name FROM areas WHERE kind IN ('buurt', 'gemeente') AND code IN ({}) ORDER BY year",
        sql::marks(1, codes.len())
    );
    let mut query = sql::query(&text);
    for code in &codes {
        query = query.bind(code.as_str());
    }
    // Oldest year first, so the latest name is the one kept.
    for row in query.fetch_all(&mut *db).await? {
        names.insert(row.try_get("code")?, row.try_get("name")?);
    }
    Ok(names)
}

/// The tenant organisations the viewer may print a one-pager for (see [`Reader::meeting_partners`]).
async fn partners(db: &mut Conn<'_>, place: &Place) -> Result<Vec<(i64, String)>> {
    match place.viewer {
        Viewer::Municipality => Ok(Vec::new()),
        Viewer::TenantOrganisation => Ok(sql::query_as("SELECT id, name FROM organisations WHERE id = $1")
            .bind(place.viewer_org)
            .fetch_all(&mut *db)
            .await?),
        Viewer::Owner(_) => Ok(sql::query_as(
            "SELECT t.id, t.name FROM overleg_partners p JOIN organisations t ON t.id = p.tenant_org_id \
             WHERE p.corporation_id = $1 AND p.accepted_at IS NOT NULL AND t.kind = $2 ORDER BY t.name, t.id",
        )
        .bind(place.viewer_org)
        .bind(OrgKind::TenantOrganisation.code())
        .fetch_all(&mut *db)
        .await?),
    }
}
