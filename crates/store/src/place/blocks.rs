//! Each module's facts for a place, as the blocks of its page. Every read answers `None` when the viewer may not see
//! its block ([`Place::shows`]); what a block holds is also cut to what the viewer's organisation may see inside the
//! module (a tenant organisation's own Overleg cases, initiatives it brought in or that are public, …). A place's
//! page reads them through [`super::Reader::page`].
//!
//! No block holds a person: signals and sales are counts and dates, as the modules' figures have them.

use super::{Place, PlaceKind};
use crate::overleg::date_to_text;
use crate::sql::{self, marks, Conn};
use crate::stock::{stock_block_key, PageCache};
use crate::{Db, Result};
use std::sync::Arc;
use time::{Date, OffsetDateTime};
use volkshuis_domain::calendar::Undecreed;
use volkshuis_domain::nazorg::checks::{check_state, CheckState};
use volkshuis_domain::nazorg::vve::{findings, health, Health};
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::place::stock::{StockSummary, UnitFacts};
use volkshuis_domain::place::timeline::{self, Event, Happening};
use volkshuis_domain::place::{Block, Count, Purpose, Viewer};

/// Binds the place's key as `$2`: a complex's id or a buurt's code (the value [`unit_condition`] and the signals'
/// condition compare with). A macro because plain and scalar queries are different types with the same `bind`.
macro_rules! bind_place {
    ($query:expr, $place:expr) => {
        match &$place.kind {
            PlaceKind::Complex { id, .. } => $query.bind(*id),
            PlaceKind::Buurt { code } => $query.bind(code.as_str()),
        }
    };
}

/// The codes to bind for an `IN` list, or one empty code (which matches nothing) when there are none.
fn or_none(codes: &[String]) -> Vec<&str> {
    if codes.is_empty() {
        vec![""]
    } else {
        codes.iter().map(String::as_str).collect()
    }
}

fn day(row: &sql::Row, column: &'static str) -> Result<Date> {
    crate::overleg::date_from_text(column, &row.try_get::<String, _>(column)?)
}

fn opt_day(row: &sql::Row, column: &'static str) -> Result<Option<Date>> {
    crate::overleg::optional_date(column, row.try_get(column)?)
}

/// The stock block: the figures of the place's units and their positions.
#[derive(Debug, Clone, Default)]
pub struct StockBlock {
    /// The units' figures, rent bands anchored on the liberalisation limit of the year the page was read.
    pub summary: StockSummary,
    /// The units' positions (latitude, longitude) where known.
    pub points: Vec<(f64, f64)>,
}

/// A group that speaks for (part of) the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Its kind's code.
    pub kind: String,
    /// The coverage it gives (0, 1, 2).
    pub level: i64,
    /// Whether the viewer's organisation keeps it (and so reaches its page).
    pub kept_by_viewer: bool,
    /// When it began and ended.
    pub started_on: Option<Date>,
    /// When it ended (only groups that ended in the last year are read).
    pub ended_on: Option<Date>,
}

/// Who speaks for the tenants.
#[derive(Debug, Clone, Default)]
pub struct ParticipationBlock {
    /// The groups (none for a municipality, which sees coverage figures only), active ones first.
    pub groups: Option<Vec<GroupLine>>,
    /// Units without coverage, with informal coverage, with a recognised formal body.
    pub by_level: [i64; 3],
    /// The parts without any coverage: (complex code, complex name, buurt code, units).
    pub blind_spots: Vec<(String, Option<String>, String, i64)>,
}

/// An Overleg case that concerns the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLine {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Kind code (information, advice, consent).
    pub kind: String,
    /// Stage code.
    pub stage: String,
    /// The next deadline, while one runs.
    pub next_deadline: Option<Date>,
    /// Why no known decree settles that deadline yet, if none does (RULES.md: shown wherever the date is).
    pub undecreed: Option<Undecreed>,
    /// When the tenant organisation received it.
    pub received_on: Date,
    /// When the corporation decided.
    pub decided_on: Option<Date>,
}

/// A prestatieafspraken cycle of the place's gemeente in which the viewer and a corporation of the place take part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleLine {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Years it applies to.
    pub first_year: i64,
    /// Last year.
    pub last_year: i64,
    /// Phase code.
    pub phase: String,
    /// When the last party signed.
    pub signed_on: Option<Date>,
    /// Its commitments carried by a corporation of the place or shared: (theme, text), the first few.
    pub commitments: Vec<(String, String)>,
    /// How many such commitments there are.
    pub commitment_count: i64,
}

/// Rent-arrears signals of the place, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignalsBlock {
    /// Sent in the last twelve months.
    pub sent: i64,
    /// Of which picked up by the municipality.
    pub picked_up: i64,
    /// Per month ('YYYY-MM', count), oldest first.
    pub per_month: Vec<(String, i64)>,
}

/// A sale of a home in the place (for the corporation's own staff: dates, never the buyer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleLine {
    /// Id.
    pub id: i64,
    /// Sold on.
    pub sold_on: Date,
    /// Bought back on.
    pub bought_back_on: Option<Date>,
}

/// Homes sold to their tenants and their VvE's.
#[derive(Debug, Clone, Default)]
pub struct NazorgBlock {
    /// Homes sold and not bought back.
    pub sold: i64,
    /// The sales themselves (the corporation only).
    pub sales: Vec<SaleLine>,
    /// Checks open or overdue (the corporation only).
    pub checks_due: i64,
    /// The VvE's of the place's complexes with their health (the corporation only): id, name, health.
    pub vves: Vec<(i64, String, Health)>,
}

/// A residents' initiative of the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeLine {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Stage code.
    pub stage: String,
    /// When it was brought in.
    pub started_on: Date,
    /// Whether the viewer's organisation brought it in.
    pub own: bool,
    /// Whether it shows itself publicly.
    pub published: bool,
}

/// A place's blocks as the viewer sees them; `None` for a block the viewer does not see.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    /// The stock.
    pub stock: Option<Arc<StockBlock>>,
    /// Participation.
    pub participation: Option<ParticipationBlock>,
    /// Overleg cases.
    pub overleg: Option<Vec<CaseLine>>,
    /// Prestatieafspraken cycles.
    pub afspraken: Option<Vec<CycleLine>>,
    /// Social-return placements of the place's tenants.
    pub social_return: Option<i64>,
    /// Signals.
    pub signals: Option<SignalsBlock>,
    /// Nazorg.
    pub nazorg: Option<NazorgBlock>,
    /// Initiatives.
    pub initiatives: Option<Vec<InitiativeLine>>,
}

/// Reads every block the viewer sees for `purpose` as a place's page does ([`super::Reader::page`]: kept until
/// something they show changes, ADR 0056), on one connection of its own.
pub async fn read(db: &Db, place: &Place, purpose: Purpose, today: Date) -> Result<Blocks> {
    Ok(super::Reader::new(db).page(place, purpose, today).await?.blocks)
}

/// The stock block when the viewer sees it for `purpose` (kept per stock version for a complex, ADR 0055);
/// `stock_versions` are the place's corporations' stock versions, as the page read them.
pub(super) async fn stock_on(
    db: &mut Conn<'_>,
    pages: &PageCache,
    place: &Place,
    purpose: Purpose,
    today: Date,
    stock_versions: &[(i64, i64)],
) -> Result<Option<Arc<StockBlock>>> {
    if !place.shows(Block::Stock, purpose) {
        return Ok(None);
    }
    Ok(Some(stock(db, pages, place, today.year(), stock_versions).await?))
}

/// Reads one module's block into `blocks` as the viewer sees it for `purpose` (`None` when it does not see it), on
/// `db`: the page's one connection for all of its statements — each statement on the pool takes a connection and
/// hands it back with a ping, a round trip more per statement (PostgreSQL) or a hand-over to SQLite's worker thread,
/// which together were most of a place page's time. The areas' names and the printing partners, the two sections of
/// the kept facts that are no block, are read in [`super`].
pub(super) async fn block_on(
    db: &mut Conn<'_>,
    place: &Place,
    purpose: Purpose,
    today: Date,
    block: Block,
    blocks: &mut Blocks,
) -> Result<()> {
    let shown = place.shows(block, purpose);
    let since = today - timeline::SPAN;
    match block {
        // Kept on its own, per stock version (`stock_on`).
        Block::Stock => {}
        Block::Participation => {
            blocks.participation = if shown { Some(participation(db, place, today).await?) } else { None };
        }
        Block::Overleg => blocks.overleg = if shown { Some(overleg(db, place, since).await?) } else { None },
        Block::Afspraken => blocks.afspraken = if shown { Some(afspraken(db, place).await?) } else { None },
        Block::SocialReturn => {
            blocks.social_return = if shown { Some(social_return(db, place).await?) } else { None };
        }
        Block::Signals => {
            blocks.signals = if shown { Some(signals(db, place, &first_signal_month(today)).await?) } else { None };
        }
        Block::Nazorg => blocks.nazorg = if shown { Some(nazorg(db, place, today).await?) } else { None },
        Block::Initiatives => {
            blocks.initiatives = if shown { Some(initiatives(db, place, purpose).await?) } else { None };
        }
    }
    Ok(())
}

/// Signals are counted per month: this month and the eleven before it, the "last twelve months" of the block.
fn first_signal_month(today: Date) -> String {
    let (mut year, mut month) = (today.year(), u8::from(today.month()) as i32 - 11);
    if month < 1 {
        (year, month) = (year - 1, month + 12);
    }
    format!("{year:04}-{month:02}")
}

/// The place's condition on `units u` of one corporation (`$1` is the corporation, `$2` the complex or buurt).
/// The units' indexes begin with the corporation (`units_cluster`, `units_buurt`).
fn unit_condition(place: &Place) -> &'static str {
    match &place.kind {
        PlaceKind::Complex { .. } => "u.corporation_id = $1 AND u.cluster_id = $2",
        PlaceKind::Buurt { .. } => "u.corporation_id = $1 AND u.buurt_code = $2",
    }
}

/// A unit of the stock block: soort, status, rent, year built, latitude, longitude.
type StockRow = (Option<String>, Option<String>, Option<i64>, Option<i64>, Option<f64>, Option<f64>);

/// The stock block's columns of a unit, in the order of [`StockRow`].
const STOCK_COLUMNS: &str = "u.soort, u.status, u.nettohuur_cents, u.bouwjaar, u.lat, u.lon";

/// The stock block. A complex's (one corporation's units) is kept in memory until the corporation's stock changes:
/// reading and counting its units was the largest part of a complex's page on both engines (SQLite 0.96 ms, PostgreSQL
/// 0.61 ms of about 1.6 and 2.3 ms one page at a time; ADR 0055). A buurt's, of any number of corporations, is read.
async fn stock(
    db: &mut Conn<'_>,
    pages: &PageCache,
    place: &Place,
    year: i32,
    stock_versions: &[(i64, i64)],
) -> Result<Arc<StockBlock>> {
    if let (PlaceKind::Complex { id, .. }, [(corporation, version)]) = (&place.kind, stock_versions) {
        let key = stock_block_key(*corporation, *version, *id, year);
        return pages.stock_block(key, read_stock(db, place, year)).await;
    }
    Ok(Arc::new(read_stock(db, place, year).await?))
}

async fn read_stock(db: &mut Conn<'_>, place: &Place, year: i32) -> Result<StockBlock> {
    let mut units = Vec::new();
    let mut points = Vec::new();
    let condition = unit_condition(place);
    for (corporation, _) in &place.corporations {
        let text = format!("SELECT {STOCK_COLUMNS} FROM units u WHERE {condition} AND u.in_use = 1");
        let rows: Vec<StockRow> = match db.backend() {
            crate::Backend::Postgres => {
                bind_place!(sql::query_as(&text).bind(*corporation), place).fetch_all(&mut *db).await?
            }
            // On SQLite as one row with a JSON array: its driver hands over every row on its own, which cost more
            // than the read itself for a complex's hundred-odd units (as for the stock's complex page, ADR 0050).
            crate::Backend::Sqlite => {
                let text = format!(
                    "SELECT COALESCE((SELECT json_group_array(json_array({STOCK_COLUMNS})) FROM units u \
                     WHERE {condition} AND u.in_use = 1), '[]')"
                );
                let json: String =
                    bind_place!(sql::query_scalar(&text).bind(*corporation), place).fetch_one(&mut *db).await?;
                serde_json::from_str(&json)
                    .map_err(|e| crate::StoreError::Corrupt { column: "units of a place", value: e.to_string() })?
            }
        };
        for (soort, status, rent_cents, bouwjaar, lat, lon) in rows {
            units.push(UnitFacts { soort, status, rent_cents, bouwjaar });
            if let (Some(lat), Some(lon)) = (lat, lon) {
                points.push((lat, lon));
            }
        }
    }
    // Kept for as long as the stock does not change: no room to spare (the cache weighs what is allocated).
    points.shrink_to_fit();
    Ok(StockBlock { summary: StockSummary::of(&units, year), points })
}

async fn participation(db: &mut Conn<'_>, place: &Place, today: Date) -> Result<ParticipationBlock> {
    let mut block = ParticipationBlock::default();
    for part in &place.parts {
        let level = usize::try_from(part.level.clamp(0, 2)).unwrap_or(0);
        block.by_level[level] += part.units;
        if part.level == 0 {
            block.blind_spots.push((
                part.cluster_code.clone(),
                part.cluster_name.clone(),
                part.buurt_code.clone(),
                part.units,
            ));
        }
    }
    if place.viewer == Viewer::Municipality {
        return Ok(block);
    }
    let year_ago = date_to_text(today - timeline::SPAN);
    let mut groups = Vec::new();
    for (corporation, _) in &place.corporations {
        // A group speaks for complexes or for buurten (or for all): its codes are matched by its own kind.
        let complexes: Vec<String> = place.complexes_of(*corporation).into_iter().map(|c| c.0).collect();
        let mut buurten: Vec<String> =
            place.parts.iter().filter(|p| p.corporation_id == *corporation).map(|p| p.buurt_code.clone()).collect();
        buurten.sort();
        buurten.dedup();
        let (complex_codes, buurt_codes) = (or_none(&complexes), or_none(&buurten));
        // The candidates are found from the codes (`part_group_areas_code`) and the groups for all the stock
        // (`part_groups_corporation`), each branch with the corporation, and then read by id: a condition with OR
        // over the group's own columns read every group of the corporation (0.8 ms a page for a national one on
        // SQLite), and so does a corporation condition outside the list where SQLite has no statistics. `CROSS JOIN`
        // keeps SQLite's order (the codes first) without statistics; PostgreSQL plans it as any join.
        let text = format!(
            "SELECT g.id, g.name, g.kind, g.level, g.org_id, g.started_on, g.ended_on FROM part_groups g \
             WHERE (g.ended_on IS NULL OR g.ended_on >= $2) AND g.id IN (\
               SELECT x.id FROM part_groups x WHERE x.corporation_id = $1 AND x.area_kind = 'all' \
               UNION SELECT a.group_id FROM part_group_areas a CROSS JOIN part_groups x WHERE x.id = a.group_id \
                 AND a.code IN ({}) AND x.corporation_id = $1 AND x.area_kind = 'complexes' \
               UNION SELECT a.group_id FROM part_group_areas a CROSS JOIN part_groups x WHERE x.id = a.group_id \
                 AND a.code IN ({}) AND x.corporation_id = $1 AND x.area_kind = 'buurten') \
             ORDER BY g.level DESC, g.name, g.id",
            marks(3, complex_codes.len()),
            marks(3 + complex_codes.len(), buurt_codes.len())
        );
        let mut query = sql::query(&text).bind(*corporation).bind(year_ago.as_str());
        for code in complex_codes.into_iter().chain(buurt_codes) {
            query = query.bind(code);
        }
        for row in query.fetch_all(&mut *db).await? {
            groups.push(GroupLine {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                kind: row.try_get("kind")?,
                level: row.try_get("level")?,
                kept_by_viewer: row.try_get::<i64, _>("org_id")? == place.viewer_org()
                    || place.viewer_org() == *corporation,
                started_on: opt_day(&row, "started_on")?,
                ended_on: opt_day(&row, "ended_on")?,
            });
        }
    }
    // The strongest coverage first over all corporations of a buurt (each statement orders its own by level and
    // name): the one-pager prints the first. Stable, so one corporation's keep the database's order of names.
    if place.corporations.len() > 1 {
        groups.sort_by_key(|g| std::cmp::Reverse(g.level));
    }
    block.groups = Some(groups);
    Ok(block)
}

async fn overleg(db: &mut Conn<'_>, place: &Place, since: Date) -> Result<Vec<CaseLine>> {
    let mut cases = Vec::new();
    let mut cal = None;
    for (corporation, _) in &place.corporations {
        let codes: Vec<String> = place.complexes_of(*corporation).into_iter().map(|c| c.0).collect();
        if codes.is_empty() {
            continue;
        }
        // A tenant organisation sees the cases put to it; the corporation sees all of its own. Found from the
        // complexes' codes, the corporation checked inside the list (see the groups above).
        let own = if place.viewer_org() == *corporation { "" } else { " AND c.tenant_org_id = $3" };
        let text = format!(
            "SELECT c.id, c.title, c.kind, c.stage, c.received_on, c.agreed_weeks, c.answer_kind, c.answered_on, \
             c.decision, c.decided_on FROM overleg_cases c \
             WHERE (c.stage <> 'closed' OR c.received_on >= $2 OR c.decided_on >= $2){own} \
             AND c.id IN (SELECT k.case_id FROM overleg_case_clusters k CROSS JOIN overleg_cases x \
               WHERE x.id = k.case_id AND k.cluster_code IN ({}) AND x.corporation_id = $1) \
             ORDER BY c.received_on DESC, c.id DESC LIMIT 50",
            marks(4, codes.len())
        );
        let mut query = sql::query(&text).bind(*corporation).bind(date_to_text(since)).bind(place.viewer_org());
        for code in &codes {
            query = query.bind(code.as_str());
        }
        for row in query.fetch_all(&mut *db).await? {
            let facts = crate::overleg::facts_from_row(&row)?;
            // The calendar is read only for a place with a term running: the deadline and whether a decree still
            // to come may move it are counted as the case's own page counts them. A decree added raises this
            // section's number too (migration 61), so kept lines never show a mark that no longer holds.
            let next = match facts.stage() {
                Stage::AwaitingAnswer | Stage::AwaitingDecision => {
                    if cal.is_none() {
                        cal = Some(crate::calendar::term_calendar_in(db.reborrow()).await?);
                    }
                    cal.as_ref().and_then(|cal| facts.next(cal))
                }
                Stage::Informed | Stage::Closed => None,
            };
            cases.push(CaseLine {
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                kind: row.try_get("kind")?,
                stage: row.try_get("stage")?,
                next_deadline: next.map(|d| d.date),
                undecreed: next.and_then(|d| d.provisional),
                received_on: day(&row, "received_on")?,
                decided_on: opt_day(&row, "decided_on")?,
            });
        }
    }
    cases.sort_by(|a, b| b.received_on.cmp(&a.received_on).then(b.id.cmp(&a.id)));
    Ok(cases)
}

/// Commitments a cycle line lists at most.
const COMMITMENTS_SHOWN: i64 = 5;

async fn afspraken(db: &mut Conn<'_>, place: &Place) -> Result<Vec<CycleLine>> {
    let gemeenten = place.gemeente_codes();
    let corporations: Vec<i64> = place.corporations.iter().map(|c| c.0).collect();
    if gemeenten.is_empty() || corporations.is_empty() {
        return Ok(Vec::new());
    }
    let text = format!(
        "SELECT y.id, y.title, y.first_year, y.last_year, y.phase, y.signed_on FROM pa_cycles y \
         WHERE y.gemeente_code IN ({}) \
         AND EXISTS (SELECT 1 FROM pa_parties p WHERE p.cycle_id = y.id AND p.org_id = $1) \
         AND EXISTS (SELECT 1 FROM pa_parties p WHERE p.cycle_id = y.id AND p.org_id IN ({})) \
         ORDER BY y.first_year DESC, y.id DESC LIMIT 3",
        marks(2, gemeenten.len()),
        marks(2 + gemeenten.len(), corporations.len())
    );
    let mut query = sql::query(&text).bind(place.viewer_org());
    for code in &gemeenten {
        query = query.bind(code.as_str());
    }
    for id in &corporations {
        query = query.bind(*id);
    }
    let mut cycles = Vec::new();
    for row in query.fetch_all(&mut *db).await? {
        let id: i64 = row.try_get("id")?;
        let owners = marks(2, corporations.len());
        // The first few with the count of all of them, in one statement (the count is taken before the LIMIT).
        let commitments_text = format!(
            "SELECT theme, body, COUNT(*) OVER () AS total FROM pa_commitments \
             WHERE cycle_id = $1 AND (owner_id IS NULL OR owner_id IN ({owners})) ORDER BY id LIMIT {COMMITMENTS_SHOWN}"
        );
        let mut list = sql::query(&commitments_text).bind(id);
        for corporation in &corporations {
            list = list.bind(*corporation);
        }
        let rows = list.fetch_all(&mut *db).await?;
        let commitment_count = match rows.first() {
            Some(first) => first.try_get("total")?,
            None => 0,
        };
        let commitments = rows
            .iter()
            .map(|r| Ok((r.try_get("theme")?, r.try_get("body")?)))
            .collect::<Result<Vec<(String, String)>>>()?;
        cycles.push(CycleLine {
            id,
            title: row.try_get("title")?,
            first_year: row.try_get("first_year")?,
            last_year: row.try_get("last_year")?,
            phase: row.try_get("phase")?,
            signed_on: opt_day(&row, "signed_on")?,
            commitments,
            commitment_count,
        });
    }
    Ok(cycles)
}

async fn social_return(db: &mut Conn<'_>, place: &Place) -> Result<i64> {
    let corporation = place.viewer_org();
    let codes: Vec<String> = place.complexes_of(corporation).into_iter().map(|c| c.0).collect();
    if codes.is_empty() {
        return Ok(0);
    }
    let text = format!(
        "SELECT CAST(COALESCE(SUM(jobs), 0) AS BIGINT) FROM sr_tenant_totals WHERE buyer_id = $1 AND cluster IN ({})",
        marks(2, codes.len())
    );
    let mut query = sql::query_scalar::<i64>(&text).bind(corporation);
    for code in &codes {
        query = query.bind(code.as_str());
    }
    Ok(query.fetch_one(&mut *db).await?)
}

async fn signals(db: &mut Conn<'_>, place: &Place, first_month: &str) -> Result<SignalsBlock> {
    // The sender counts what it sent; the municipality what it received.
    let who = match place.viewer {
        Viewer::Municipality => "recipient_org_id = $1",
        _ => "sender_org_id = $1",
    };
    let where_place = match &place.kind {
        PlaceKind::Complex { .. } => "cluster_id = $2",
        PlaceKind::Buurt { .. } => "buurt_code = $2",
    };
    let text = format!(
        "SELECT sent_month, COUNT(*) AS sent, \
         CAST(SUM(CASE WHEN outcome_group = 'opgepakt' THEN 1 ELSE 0 END) AS BIGINT) AS picked_up \
         FROM sg_facts WHERE {who} AND {where_place} AND sent_month >= $3 GROUP BY sent_month ORDER BY sent_month"
    );
    let query = sql::query(&text).bind(place.viewer_org());
    let query = bind_place!(query, place);
    let mut block = SignalsBlock::default();
    for row in query.bind(first_month).fetch_all(&mut *db).await? {
        let sent: i64 = row.try_get("sent")?;
        block.sent += sent;
        block.picked_up += row.try_get::<i64, _>("picked_up")?;
        // A municipality's figures count per month by gemeente, not by buurt: it gets the place's totals only.
        if place.viewer != Viewer::Municipality {
            block.per_month.push((row.try_get("sent_month")?, sent));
        }
    }
    Ok(block)
}

async fn nazorg(db: &mut Conn<'_>, place: &Place, today: Date) -> Result<NazorgBlock> {
    let condition = unit_condition(place);
    let mut block = NazorgBlock::default();
    if place.viewer == Viewer::Municipality {
        // Counts only, inside the municipality's own gemeenten (a sold home is out of use, so not in the cells).
        for (corporation, _) in &place.corporations {
            let text = format!(
                "SELECT COUNT(*) FROM nz_sales s WHERE s.bought_back_on IS NULL AND s.unit_id IN \
                 (SELECT u.id FROM units u WHERE {condition} AND u.gemeente_code IN \
                  (SELECT gemeente_code FROM org_gemeenten WHERE org_id = $3))"
            );
            let query = sql::query_scalar::<i64>(&text).bind(*corporation);
            let query = bind_place!(query, place);
            block.sold += query.bind(place.viewer_org()).fetch_one(&mut *db).await?;
        }
        return Ok(block);
    }
    let corporation = place.viewer_org();
    // Found through the place's units (`nz_sales_unit`), which are the corporation's own: a join from the sales
    // side read every sale of the corporation (measured on SQLite: 53 ms for a national corporation, 0.1 ms so).
    // PostgreSQL hashed all the sales for `IN (SELECT …)` (2.3 ms); given the ids as an array it looks each one up.
    let units = format!("SELECT u.id FROM units u WHERE {condition}");
    let among = match db.backend() {
        crate::Backend::Postgres => format!("= ANY(ARRAY({units}))"),
        crate::Backend::Sqlite => format!("IN ({units})"),
    };
    let text = format!("SELECT s.id, s.sold_on, s.bought_back_on FROM nz_sales s WHERE s.unit_id {among}");
    let query = sql::query(&text).bind(corporation);
    let query = bind_place!(query, place);
    for row in query.fetch_all(&mut *db).await? {
        block.sales.push(SaleLine {
            id: row.try_get("id")?,
            sold_on: day(&row, "sold_on")?,
            bought_back_on: opt_day(&row, "bought_back_on")?,
        });
    }
    block.sales.sort_by(|a, b| b.sold_on.cmp(&a.sold_on).then(b.id.cmp(&a.id)));
    let open: Vec<i64> = block.sales.iter().filter(|s| s.bought_back_on.is_none()).map(|s| s.id).collect();
    block.sold = i64::try_from(open.len()).unwrap_or(i64::MAX);
    // The checks of the homes still sold, a statement for up to 500 sales (a complex has a few; a buurt can have
    // more than one statement may bind): open or overdue by the Nazorg rule (a check opens two calendar months before
    // its day).
    for sales in open.chunks(500) {
        let text = format!("SELECT due_on, done_on FROM nz_checks WHERE sale_id IN ({})", marks(1, sales.len()));
        let mut checks = sql::query(&text);
        for id in sales {
            checks = checks.bind(*id);
        }
        for check in checks.fetch_all(&mut *db).await? {
            let state = check_state(day(&check, "due_on")?, opt_day(&check, "done_on")?, today);
            if matches!(state, CheckState::Open | CheckState::Overdue) {
                block.checks_due += 1;
            }
        }
    }
    let complexes: Vec<String> = place.complexes_of(corporation).into_iter().map(|c| c.0).collect();
    if !complexes.is_empty() {
        let scope_free = crate::nazorg::vves::vves_of_complexes(&mut *db, corporation, &complexes).await?;
        block.vves = scope_free
            .into_iter()
            .map(|v| {
                let health = health(&findings(&v.input.facts(), today));
                (v.id, v.input.name, health)
            })
            .collect();
    }
    Ok(block)
}

async fn initiatives(db: &mut Conn<'_>, place: &Place, purpose: Purpose) -> Result<Vec<InitiativeLine>> {
    let mut list = Vec::new();
    let buurten = place.buurt_codes();
    for (corporation, _) in &place.corporations {
        let codes: Vec<String> = place.complexes_of(*corporation).into_iter().map(|c| c.0).collect();
        let owner = place.viewer_org() == *corporation;
        // Others see what they brought in and what shows itself publicly; so does the tenants' one-pager, read as
        // the tenant organisation (`Place::for_tenant_meeting`).
        let seen = match (owner, purpose) {
            (true, Purpose::Screen) => "",
            _ => " AND (i.published = 1 OR i.initiator_org_id = $2)",
        };
        let text = format!(
            // Found from the buurt codes (`in_initiatives_buurt`) and the complexes (`in_initiative_clusters_cluster`),
            // the corporation checked inside the list, not by reading every initiative of the corporation.
            "SELECT i.id, i.title, i.stage, i.created_at, i.published, i.initiator_org_id FROM in_initiatives i \
             WHERE i.id IN (\
               SELECT b.id FROM in_initiatives b WHERE b.buurt_code IN ({}) AND b.corporation_id = $1 \
               UNION SELECT k.initiative_id FROM clusters c CROSS JOIN in_initiative_clusters k \
                 CROSS JOIN in_initiatives x WHERE k.cluster_id = c.id AND x.id = k.initiative_id \
                 AND c.corporation_id = $1 AND c.code IN ({}) AND x.corporation_id = $1){seen} \
             ORDER BY i.created_at DESC, i.id DESC LIMIT 20",
            marks(3, buurten.len().max(1)),
            marks(3 + buurten.len().max(1), codes.len().max(1))
        );
        let mut query = sql::query(&text).bind(*corporation).bind(place.viewer_org());
        for code in or_none(&buurten).into_iter().chain(or_none(&codes)) {
            query = query.bind(code);
        }
        for row in query.fetch_all(&mut *db).await? {
            let created_at: i64 = row.try_get("created_at")?;
            list.push(InitiativeLine {
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                stage: row.try_get("stage")?,
                started_on: OffsetDateTime::from_unix_timestamp(created_at).map(|t| t.date()).unwrap_or(Date::MIN),
                own: row.try_get::<Option<i64>, _>("initiator_org_id")? == Some(place.viewer_org()),
                published: row.try_get::<i64, _>("published")? != 0,
            });
        }
    }
    // Newest first over all corporations of a buurt (each statement orders its own): the one-pager prints the first.
    if place.corporations.len() > 1 {
        list.sort_by(|a, b| b.started_on.cmp(&a.started_on).then(b.id.cmp(&a.id)));
    }
    Ok(list)
}

impl Blocks {
    /// The events of these blocks for the place's timeline (the last year, newest first): only what the blocks
    /// already show, so the timeline can tell nothing a block may not.
    pub fn timeline(&self, today: Date) -> Vec<Event> {
        let mut events = Vec::new();
        if let Some(cases) = &self.overleg {
            for case in cases {
                events.push(Event { on: case.received_on, what: Happening::CaseReceived(case.id, case.title.clone()) });
                if let Some(on) = case.decided_on {
                    events.push(Event { on, what: Happening::CaseDecided(case.id, case.title.clone()) });
                }
            }
        }
        if let Some(groups) = self.participation.as_ref().and_then(|p| p.groups.as_ref()) {
            for group in groups {
                if let Some(on) = group.started_on {
                    events.push(Event { on, what: Happening::GroupFounded(group.id, group.name.clone()) });
                }
                if let Some(on) = group.ended_on {
                    events.push(Event { on, what: Happening::GroupEnded(group.id, group.name.clone()) });
                }
            }
        }
        if let Some(signals) = &self.signals {
            for (month, n) in &signals.per_month {
                if let Ok(on) = crate::overleg::date_from_text("sent_month", &format!("{month}-01")) {
                    events.push(Event { on, what: Happening::SignalsInMonth(Count::masked(*n)) });
                }
            }
        }
        if let Some(nazorg) = &self.nazorg {
            for sale in &nazorg.sales {
                events.push(Event { on: sale.sold_on, what: Happening::HomeSold(sale.id) });
                if let Some(on) = sale.bought_back_on {
                    events.push(Event { on, what: Happening::HomeBoughtBack(sale.id) });
                }
            }
        }
        if let Some(initiatives) = &self.initiatives {
            for i in initiatives {
                events.push(Event { on: i.started_on, what: Happening::InitiativeStarted(i.id, i.title.clone()) });
            }
        }
        if let Some(cycles) = &self.afspraken {
            for cycle in cycles {
                if let Some(on) = cycle.signed_on {
                    events.push(Event { on, what: Happening::CycleSigned(cycle.id, cycle.title.clone()) });
                }
            }
        }
        timeline::recent(events, today)
    }
}
