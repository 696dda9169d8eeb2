//! Reading the stock: filtered, paginated lists of units and complexes, and single records.

use crate::sql::{self, Conn};
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;

/// Filters for the unit list; every field narrows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct UnitFilter {
    /// CBS gemeente code.
    pub gemeente: Option<String>,
    /// CBS buurt code.
    pub buurt: Option<String>,
    /// Complex id.
    pub cluster_id: Option<i64>,
    /// Complex code.
    pub cluster_code: Option<String>,
    /// VERA CLUSTERSOORT of the unit's complex.
    pub cluster_soort: Option<String>,
    /// VERA eenheid soort.
    pub soort: Option<String>,
    /// VERA eenheid status.
    pub status: Option<String>,
    /// DAE or NDA.
    pub label: Option<String>,
    /// Net rent at least (cents).
    pub rent_min: Option<i64>,
    /// Net rent below (cents).
    pub rent_below: Option<i64>,
    /// Text in street, postcode, town or idExtern.
    pub text: Option<String>,
    /// Include units marked out of use.
    pub include_out_of_use: bool,
}

/// A unit in a list or on its own page.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// Database id.
    pub id: i64,
    /// The corporation's id.
    pub id_extern: String,
    /// Complex id and code.
    pub cluster: Option<(i64, String)>,
    /// VERA soort, detail soort, status.
    pub soort: Option<String>,
    /// VERA detail soort.
    pub detail_soort: Option<String>,
    /// VERA status.
    pub status: Option<String>,
    /// Street, number, letter, addition.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub woonplaats: String,
    /// BAG verblijfsobject id.
    pub bag_verblijfsobject_id: Option<String>,
    /// BAG pand id.
    pub bag_pand_id: Option<String>,
    /// CBS codes and their year.
    pub gemeente_code: Option<String>,
    /// CBS wijk code.
    pub wijk_code: Option<String>,
    /// CBS buurt code.
    pub buurt_code: Option<String>,
    /// Year of the CBS codes.
    pub cbs_year: Option<i64>,
    /// Position.
    pub lat: Option<f64>,
    /// Position.
    pub lon: Option<f64>,
    /// Construction year.
    pub bouwjaar: Option<i64>,
    /// m².
    pub gebruiksoppervlakte: Option<f64>,
    /// Rooms.
    pub kamers: Option<i64>,
    /// DAE or NDA.
    pub label: Option<String>,
    /// Net rent, cents.
    pub nettohuur_cents: Option<i64>,
    /// Gross rent, cents.
    pub brutohuur_cents: Option<i64>,
    /// Whether the unit is in use.
    pub in_use: bool,
}

/// A unit as a list shows it: only the columns a list needs (every column read costs on a page of hundreds).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitListRow {
    /// Database id.
    pub id: i64,
    /// The corporation's id.
    pub id_extern: String,
    /// Complex id, code and name (the list shows the name beside the code).
    pub cluster: Option<(i64, String, Option<String>)>,
    /// VERA eenheid soort.
    pub soort: Option<String>,
    /// VERA detail soort.
    pub detail_soort: Option<String>,
    /// Street, number, letter, addition.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub woonplaats: String,
    /// DAE or NDA.
    pub label: Option<String>,
    /// Net rent, cents.
    pub nettohuur_cents: Option<i64>,
}

/// One page of units.
#[derive(Debug, Clone)]
pub struct UnitPage {
    /// The units.
    pub units: Vec<UnitListRow>,
    /// How many match the filter in all.
    pub total: i64,
    /// Whether `total` is exact; otherwise it was counted only up to [`COUNT_CAP`] + 1.
    pub exact: bool,
}

/// The columns [`list_row_from_row`] reads.
const LIST_COLUMNS: &str = "u.id, u.id_extern, u.cluster_id, c.code AS cluster_code, c.naam AS cluster_naam, \
    u.soort, u.detail_soort, \
    u.straatnaam, u.huisnummer, u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats, \
    u.maatschappelijk_label, u.nettohuur_cents";
/// From this offset on a page's ids are picked before its rows are read (page 300 of the national list: 3 ms instead
/// of 10 in PostgreSQL); nearer the start, looking each picked id up again would cost more than it saves.
const DEFERRED_FROM_OFFSET: i64 = 500;
/// The order of every unit list: by address.
const LIST_ORDER: &str = "ORDER BY u.woonplaats, u.straatnaam, u.huisnummer, u.id";
const UNIT_SELECT: &str = "SELECT u.id, u.id_extern, u.cluster_id, c.code AS cluster_code, u.soort, u.detail_soort, \
    u.status, u.straatnaam, u.huisnummer, u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats, \
    u.bag_verblijfsobject_id, u.bag_pand_id, u.gemeente_code, u.wijk_code, u.buurt_code, u.cbs_year, u.lat, u.lon, \
    u.bouwjaar, u.gebruiksoppervlakte, u.kamers, u.maatschappelijk_label, u.nettohuur_cents, u.brutohuur_cents, \
    u.in_use FROM units u LEFT JOIN clusters c ON c.id = u.cluster_id";

/// "Kerkstraat 12A-2" from the address columns of a row.
pub(crate) fn address_of(row: &sql::Row) -> Result<String> {
    let number: i64 = row.try_get("huisnummer")?;
    let letter: Option<String> = row.try_get("huisletter")?;
    let addition: Option<String> = row.try_get("huisnummer_toevoeging")?;
    let street: String = row.try_get("straatnaam")?;
    Ok(address(&street, number, letter.as_deref(), addition.as_deref()))
}

/// "Kerkstraat 12A-2": street, number, letter and addition.
fn address(street: &str, number: i64, letter: Option<&str>, addition: Option<&str>) -> String {
    let mut address = format!("{street} {number}{}", letter.unwrap_or_default());
    if let Some(addition) = addition {
        address.push('-');
        address.push_str(addition);
    }
    address
}

fn unit_from_row(row: &sql::Row) -> Result<UnitRow> {
    let address = address_of(row)?;
    Ok(UnitRow {
        id: row.try_get("id")?,
        id_extern: row.try_get("id_extern")?,
        cluster: cluster_of(row)?,
        soort: row.try_get("soort")?,
        detail_soort: row.try_get("detail_soort")?,
        status: row.try_get("status")?,
        address,
        postcode: row.try_get("postcode")?,
        woonplaats: row.try_get("woonplaats")?,
        bag_verblijfsobject_id: row.try_get("bag_verblijfsobject_id")?,
        bag_pand_id: row.try_get("bag_pand_id")?,
        gemeente_code: row.try_get("gemeente_code")?,
        wijk_code: row.try_get("wijk_code")?,
        buurt_code: row.try_get("buurt_code")?,
        cbs_year: row.try_get("cbs_year")?,
        lat: row.try_get("lat")?,
        lon: row.try_get("lon")?,
        bouwjaar: row.try_get("bouwjaar")?,
        gebruiksoppervlakte: row.try_get("gebruiksoppervlakte")?,
        kamers: row.try_get("kamers")?,
        label: row.try_get("maatschappelijk_label")?,
        nettohuur_cents: row.try_get("nettohuur_cents")?,
        brutohuur_cents: row.try_get("brutohuur_cents")?,
        in_use: row.try_get::<i64, _>("in_use")? != 0,
    })
}

/// The unit's complex (id and code) from a row that joined it.
fn cluster_of(row: &sql::Row) -> Result<Option<(i64, String)>> {
    let cluster_id: Option<i64> = row.try_get("cluster_id")?;
    let cluster_code: Option<String> = row.try_get("cluster_code")?;
    Ok(cluster_id.zip(cluster_code))
}

/// The unit's complex with its name, from a row that also has `cluster_naam`.
fn named_cluster_of(row: &sql::Row) -> Result<Option<(i64, String, Option<String>)>> {
    Ok(cluster_of(row)?.map(|(id, code)| row.try_get("cluster_naam").map(|naam| (id, code, naam))).transpose()?)
}

fn list_row_from_row(row: &sql::Row) -> Result<UnitListRow> {
    Ok(UnitListRow {
        id: row.try_get("id")?,
        id_extern: row.try_get("id_extern")?,
        cluster: named_cluster_of(row)?,
        soort: row.try_get("soort")?,
        detail_soort: row.try_get("detail_soort")?,
        address: address_of(row)?,
        postcode: row.try_get("postcode")?,
        woonplaats: row.try_get("woonplaats")?,
        label: row.try_get("maatschappelijk_label")?,
        nettohuur_cents: row.try_get("nettohuur_cents")?,
    })
}

/// A bind value of a filter.
enum Bind {
    Int(i64),
    Text(String),
}

/// The WHERE clause for a filter, with only the conditions that are set (so each engine can use its indexes),
/// and the values to bind in order. Parameters start at `$1`; the caller's own follow after `binds.len()`.
fn unit_where(scope: &ReadScope, f: &UnitFilter) -> (String, Vec<Bind>) {
    let mut clauses = vec!["u.corporation_id = $1".to_owned()];
    let mut binds = vec![Bind::Int(scope.org_id())];
    let mut add = |clause: &str, value: Bind| {
        binds.push(value);
        clauses.push(clause.replace('?', &format!("${}", binds.len())));
    };
    let text = |v: &Option<String>| v.clone().map(Bind::Text);
    for (clause, value) in [
        ("u.gemeente_code = ?", text(&f.gemeente)),
        ("u.buurt_code = ?", text(&f.buurt)),
        ("u.cluster_id = ?", f.cluster_id.map(Bind::Int)),
        ("u.cluster_id IN (SELECT id FROM clusters WHERE corporation_id = $1 AND code = ?)", text(&f.cluster_code)),
        ("u.cluster_id IN (SELECT id FROM clusters WHERE corporation_id = $1 AND soort = ?)", text(&f.cluster_soort)),
        ("u.soort = ?", text(&f.soort)),
        ("u.status = ?", text(&f.status)),
        ("u.maatschappelijk_label = ?", text(&f.label)),
        ("u.nettohuur_cents >= ?", f.rent_min.map(Bind::Int)),
        ("u.nettohuur_cents < ?", f.rent_below.map(Bind::Int)),
        (
            "(LOWER(u.straatnaam) LIKE ? ESCAPE '\\' OR LOWER(u.postcode) LIKE ? ESCAPE '\\' \
             OR LOWER(u.woonplaats) LIKE ? ESCAPE '\\' OR LOWER(u.id_extern) LIKE ? ESCAPE '\\'",
            // Both engines' LOWER folds ASCII letters only (SQLite's always; PostgreSQL's under the byte-order
            // collation of these columns), so the search text is folded the same way: "Émmen" finds Émmen.
            // `%` and `_` typed are searched for as themselves (`like.rs`).
            f.text.as_ref().map(|t| Bind::Text(crate::like::contains(&crate::like::fold(t)))),
        ),
    ] {
        if let Some(value) = value {
            add(clause, value);
        }
    }
    // The text's clause is closed here: a BAG id (sixteen digits) also finds its home or the homes of its building
    // (pand), whole, as the header search does; the search's "more" leads here with it.
    if let Some(text) = f.text.as_deref().map(str::trim) {
        let last = clauses.len() - 1;
        if is_bag_id(text) {
            binds.push(Bind::Text(text.to_owned()));
            let n = binds.len();
            clauses[last].push_str(&format!(" OR u.bag_pand_id = ${n} OR u.bag_verblijfsobject_id = ${n})"));
        } else {
            clauses[last].push(')');
        }
    }
    if !f.include_out_of_use {
        clauses.push("u.in_use = 1".to_owned());
    }
    (format!(" WHERE {}", clauses.join(" AND ")), binds)
}

/// Whether a text is a BAG id as other systems show it: sixteen digits.
pub fn is_bag_id(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit())
}

fn bind_all<'q>(mut query: sql::Query<'q>, binds: &'q [Bind]) -> sql::Query<'q> {
    for bind in binds {
        query = match bind {
            Bind::Int(v) => query.bind(*v),
            Bind::Text(v) => query.bind(v.as_str()),
        };
    }
    query
}

/// Totals above this are shown as "more than": counting millions of rows for a page header is not worth the wait.
pub const COUNT_CAP: i64 = 10_000;

/// Recounts the corporation's units in use (inside the import's transaction).
pub(crate) async fn store_total(conn: Conn<'_>, corporation_id: i64) -> Result<()> {
    sql::query(
        "INSERT INTO stock_totals (corporation_id, units_in_use) \
         SELECT $1, COUNT(*) FROM units WHERE corporation_id = $1 AND in_use = 1 \
         ON CONFLICT (corporation_id) DO UPDATE SET units_in_use = excluded.units_in_use",
    )
    .bind(corporation_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// As [`store_total`], when the count is known: the units of a file that is the whole stock in use.
pub(crate) async fn store_known_total(conn: Conn<'_>, corporation_id: i64, units: u64) -> Result<()> {
    sql::query(
        "INSERT INTO stock_totals (corporation_id, units_in_use) VALUES ($1, $2) \
         ON CONFLICT (corporation_id) DO UPDATE SET units_in_use = excluded.units_in_use",
    )
    .bind(corporation_id)
    .bind(i64::try_from(units).unwrap_or(i64::MAX))
    .execute(conn)
    .await?;
    Ok(())
}

/// A page of the corporation's units, ordered by address. Without filters, or filtered only by gemeente or only by
/// buurt, `total` is exact (kept by the import); with other filters it is exact when the page is the list's last,
/// else counted up to [`COUNT_CAP`] + 1.
pub async fn units(db: &Db, scope: &ReadScope, filter: &UnitFilter, offset: i64, limit: i64) -> Result<UnitPage> {
    let (clause, binds) = unit_where(scope, filter);
    let stored = stored_total_sql(filter, binds.len());
    // A kept total rides along with the page as a column computed once per statement: one round trip, not two.
    let total_column = stored.as_deref().map(|total| format!("{total} AS list_total, ")).unwrap_or_default();
    // LIMIT and OFFSET are written into the statement, not bound: with them as parameters PostgreSQL cannot cost a
    // plan made once for all executions, so it plans every execution again (half its work for a page). Written in,
    // the statement of a page is planned once per connection.
    let (offset, limit) = (offset.max(0), limit.max(0));
    let sql = if offset < DEFERRED_FROM_OFFSET {
        format!(
            "SELECT {total_column}{LIST_COLUMNS} FROM units u LEFT JOIN clusters c ON c.id = u.cluster_id{clause} \
             {LIST_ORDER} LIMIT {limit} OFFSET {offset}"
        )
    } else {
        // Far into the list, the page's ids first, then their rows: skipping entries of a covering index
        // (`units_list`, `units_gemeente`) reads no table rows, where skipping them in the full select fetches each.
        format!(
            "SELECT {total_column}{LIST_COLUMNS} FROM (SELECT u.id FROM units u{clause} {LIST_ORDER} \
             LIMIT {limit} OFFSET {offset}) page JOIN units u ON u.id = page.id \
             LEFT JOIN clusters c ON c.id = u.cluster_id {LIST_ORDER}"
        )
    };
    let rows = bind_all(sql::query(&sql), &binds).fetch_all(db).await?;
    let units: Vec<UnitListRow> = rows.iter().map(list_row_from_row).collect::<Result<_>>()?;
    if let Some(stored) = &stored {
        // NULL when the totals or cells were never built; an empty page carries no total at all.
        let total = match rows.first() {
            Some(row) => row.try_get("list_total")?,
            None => total_alone(db, stored, &binds).await?,
        };
        if let Some(total) = total {
            return Ok(UnitPage { units, total, exact: true });
        }
    }
    // A page that stops short of its limit is the end of the list: its total needs no counting (a complex's page).
    let shown = units.len() as i64;
    if shown < limit && (shown > 0 || offset == 0) {
        return Ok(UnitPage { units, total: offset + shown, exact: true });
    }
    let total = total_alone(db, &counted_total_sql(&clause), &binds).await?.unwrap_or(0);
    Ok(UnitPage { units, total, exact: false })
}

/// A total expression evaluated in a statement of its own.
async fn total_alone(db: &Db, expression: &str, binds: &[Bind]) -> Result<Option<i64>> {
    let sql = format!("SELECT {expression} AS list_total");
    Ok(bind_all(sql::query(&sql), binds).fetch_one(db).await?.try_get("list_total")?)
}

/// The matching units counted up to [`COUNT_CAP`] + 1, as an expression.
fn counted_total_sql(clause: &str) -> String {
    format!("(SELECT COUNT(*) FROM (SELECT 1 FROM units u{clause} LIMIT {}) capped)", COUNT_CAP + 1)
}

/// The total of the list when it is kept rather than counted, as an expression: the corporation's units in use
/// (`stock_totals`), or those of one gemeente or buurt, from the Participatiekaart's cells (`part_cells`, regrouped
/// from the units in use by every import and every filling of area codes). Counting them would read up to 10,001
/// index entries per page (4 ms of a city's 5 ms on the national stock). `None` when the total must be counted:
/// other filters, or units out of use included. The expression is NULL for a corporation whose totals or cells were
/// never built (no cells at all means that, not that the area is empty).
fn stored_total_sql(filter: &UnitFilter, conditions: usize) -> Option<String> {
    if filter.include_out_of_use {
        return None;
    }
    if conditions == 1 {
        return Some("(SELECT units_in_use FROM stock_totals WHERE corporation_id = $1)".to_owned());
    }
    let column = match (conditions, &filter.gemeente, &filter.buurt) {
        (2, Some(_), None) => "gemeente_code",
        (2, None, Some(_)) => "buurt_code",
        _ => return None,
    };
    Some(format!(
        "(CASE WHEN EXISTS (SELECT 1 FROM part_cells WHERE corporation_id = $1) \
         THEN (SELECT CAST(COALESCE(SUM(units), 0) AS BIGINT) FROM part_cells WHERE corporation_id = $1 AND {column} = $2) \
         END)"
    ))
}

/// Units after `after_id` in id order (keyset pagination for the API), at most `limit`.
pub async fn units_after(
    db: &Db,
    scope: &ReadScope,
    filter: &UnitFilter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<UnitRow>> {
    let (clause, binds) = unit_where(scope, filter);
    let n = binds.len();
    // The limit written in, as for [`units`].
    let sql = format!("{UNIT_SELECT}{clause} AND u.id > ${} ORDER BY u.id LIMIT {}", n + 1, limit.max(0));
    let rows = bind_all(sql::query(&sql), &binds).bind(after_id).fetch_all(db).await?;
    rows.iter().map(unit_from_row).collect()
}

/// The id of the organisation's unit with this `idExtern`, when it has one.
pub async fn unit_id_by_extern(db: &Db, scope: &ReadScope, id_extern: &str) -> Result<Option<i64>> {
    Ok(sql::query_scalar("SELECT id FROM units WHERE corporation_id = $1 AND id_extern = $2")
        .bind(scope.org_id())
        .bind(id_extern)
        .fetch_optional(db)
        .await?)
}

/// One unit of the corporation; `None` when it does not exist or belongs to another corporation.
pub async fn unit(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<UnitRow>> {
    let sql = format!("{UNIT_SELECT} WHERE u.id = $1 AND u.corporation_id = $2");
    let row = sql::query(&sql).bind(id).bind(scope.org_id()).fetch_optional(db).await?;
    row.as_ref().map(unit_from_row).transpose()
}

/// A complex with its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterRow {
    /// Database id.
    pub id: i64,
    /// The corporation's code.
    pub code: String,
    /// Name.
    pub naam: Option<String>,
    /// Units in use.
    pub units: i64,
    /// Of which DAEB.
    pub daeb_units: i64,
    /// Average net rent in cents, over units with a rent.
    pub average_rent_cents: Option<i64>,
    /// The towns its units are in.
    pub woonplaatsen: String,
}

/// Complexes with their figures; `from` is `clusters` or a subquery that picks a page of them first, so only that
/// page's units are read.
fn cluster_select(from: &str) -> String {
    format!(
        "SELECT c.id, c.code, c.naam, {FIGURE_COLUMNS} FROM {from} c LEFT JOIN units u ON u.cluster_id = c.id \
         AND u.in_use = 1"
    )
}

/// A complex's figures over the units `u` joined to it, as [`figures_from_row`] reads them: one text for the
/// complexes list and the complex page, so the two cannot disagree.
const FIGURE_COLUMNS: &str = "COUNT(u.id) AS units, \
    SUM(CASE WHEN u.maatschappelijk_label = 'DAE' THEN 1 ELSE 0 END) AS daeb_units, \
    CAST(ROUND(AVG(u.nettohuur_cents)) AS BIGINT) AS average_rent, \
    MIN(u.woonplaats) AS first_town, MAX(u.woonplaats) AS last_town";

/// The figures of complex `$2` over all of its units in use: one range of the index `units_by_cluster` (migration
/// 49), and the label and rent of each of its units from the table (no rent in any index, so a rent change can
/// update rows in place; ADR 0050).
fn figures_of_complex() -> String {
    format!("SELECT {FIGURE_COLUMNS} FROM units u WHERE u.cluster_id = $2 AND u.in_use = 1")
}

/// "Amsterdam … Zaandam" for the first and last town of a complex, one name when they are the same.
fn towns(first: Option<String>, last: Option<String>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{a} … {b}"),
        (Some(a), _) => a,
        _ => String::new(),
    }
}

fn cluster_from_row(row: &sql::Row) -> Result<ClusterRow> {
    figures_from_row(row, row.try_get("id")?, row.try_get("code")?, row.try_get("naam")?)
}

/// Complex `id` with the figures of [`FIGURE_COLUMNS`] from `row`.
fn figures_from_row(row: &sql::Row, id: i64, code: String, naam: Option<String>) -> Result<ClusterRow> {
    Ok(ClusterRow {
        id,
        code,
        naam,
        units: row.try_get("units")?,
        daeb_units: row.try_get::<Option<i64>, _>("daeb_units")?.unwrap_or(0),
        average_rent_cents: row.try_get("average_rent")?,
        woonplaatsen: towns(row.try_get("first_town")?, row.try_get("last_town")?),
    })
}

/// A complex of the corporation with the figures of all its units in use and a page of them: `limit` units from
/// `offset` in address order.
///
/// One statement brings the complex, its figures and the page. How, differs per engine, as measured with
/// `volkshuis bench complex` on the national stock (64 tasks, random complexes, pages of 50; ADR 0017, ADR 0050):
/// - SQLite: as one row, the units as a JSON array (5,527 pages/s against 2,865/s for a row per unit). Read a row at
///   a time, each row crosses from the connection's thread to the page's task, and that hand-off costs more than the
///   reading (ADR 0017).
/// - PostgreSQL: as a row per unit (4,928 pages/s against 4,724/s as JSON; with whole complexes of ~300 units 1,573
///   against 1,315). Its native driver reads rows off the socket in the page's own task, and building and parsing the
///   JSON cost more than that.
pub async fn cluster_with_units(
    db: &Db,
    scope: &ReadScope,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<Option<(ClusterRow, UnitPage)>> {
    match db.backend() {
        crate::Backend::Postgres => cluster_with_unit_rows(db, scope, id, offset, limit).await,
        crate::Backend::Sqlite => cluster_with_units_as_json(db, scope, id, offset, limit).await,
    }
}

/// The units of complex `$2` of corporation `$1` in use, `limit` from `offset` in address order. The order is that
/// of the index `units_by_cluster`, so a page reads only its own rows.
fn page_of_complex(offset: i64, limit: i64) -> String {
    format!(
        "SELECT {JSON_UNIT_COLUMNS} FROM units u WHERE u.corporation_id = $1 AND u.cluster_id = $2 AND u.in_use = 1 \
         {LIST_ORDER} LIMIT {} OFFSET {}",
        limit.max(0),
        offset.max(0)
    )
}

/// SQLite's way to read a complex's page (see [`cluster_with_units`]): the complex, its figures and its units as
/// one row, the units as a JSON array (on PostgreSQL too, to measure it).
pub(crate) async fn cluster_with_units_as_json(
    db: &Db,
    scope: &ReadScope,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<Option<(ClusterRow, UnitPage)>> {
    let (aggregate, array) = match db.backend() {
        crate::Backend::Sqlite => ("json_group_array", "json_array"),
        crate::Backend::Postgres => ("json_agg", "json_build_array"),
    };
    let sql = format!(
        "SELECT c.code, c.naam, f.*, COALESCE(CAST((SELECT {aggregate}({array}({JSON_UNIT_COLUMNS}) {LIST_ORDER}) \
         FROM ({}) u) AS TEXT), '[]') AS unit_rows FROM clusters c CROSS JOIN ({}) f \
         WHERE c.corporation_id = $1 AND c.id = $2",
        page_of_complex(offset, limit),
        figures_of_complex()
    );
    let row = sql::query(&sql).bind(scope.org_id()).bind(id).fetch_optional(db).await?;
    let Some(row) = row else { return Ok(None) };
    let complex = figures_from_row(&row, id, row.try_get("code")?, row.try_get("naam")?)?;
    let units = units_from_json(id, &complex.code, complex.naam.as_deref(), &row.try_get::<String, _>("unit_rows")?)?;
    let page = UnitPage { total: complex.units, units, exact: true };
    Ok(Some((complex, page)))
}

/// PostgreSQL's way to read a complex's page (see [`cluster_with_units`]): a row per unit of the page, each with the
/// complex's columns and figures (one row with the unit's columns NULL when the page has no units).
pub(crate) async fn cluster_with_unit_rows(
    db: &Db,
    scope: &ReadScope,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<Option<(ClusterRow, UnitPage)>> {
    let sql = format!(
        "SELECT c.id AS cluster_id, c.code AS cluster_code, c.naam AS cluster_naam, f.*, u.* FROM clusters c \
         CROSS JOIN ({}) f \
         LEFT JOIN ({}) u ON 1 = 1 WHERE c.corporation_id = $1 AND c.id = $2 {LIST_ORDER}",
        figures_of_complex(),
        page_of_complex(offset, limit)
    );
    let rows = sql::query(&sql).bind(scope.org_id()).bind(id).fetch_all(db).await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let complex = figures_from_row(first, id, first.try_get("cluster_code")?, first.try_get("cluster_naam")?)?;
    let mut units = Vec::with_capacity(rows.len());
    for row in &rows {
        // A page without units comes as one row whose unit columns are NULL.
        if row.try_get::<Option<i64>, _>("id")?.is_some() {
            units.push(list_row_from_row(row)?);
        }
    }
    let page = UnitPage { total: complex.units, units, exact: true };
    Ok(Some((complex, page)))
}

/// The columns of a unit in a complex's JSON array, in the order [`JsonUnit`] reads them.
const JSON_UNIT_COLUMNS: &str =
    "u.id, u.id_extern, u.soort, u.detail_soort, u.straatnaam, u.huisnummer, u.huisletter, \
    u.huisnummer_toevoeging, u.postcode, u.woonplaats, u.maatschappelijk_label, u.nettohuur_cents";

/// id, id_extern, soort, detail_soort, straatnaam, huisnummer, huisletter, toevoeging, postcode, woonplaats, label,
/// nettohuur_cents.
type JsonUnit = (
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    i64,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<i64>,
);

/// The units of complex `cluster_id` (code `code`, name `naam`) from their JSON array.
fn units_from_json(cluster_id: i64, code: &str, naam: Option<&str>, json: &str) -> Result<Vec<UnitListRow>> {
    let rows: Vec<JsonUnit> = serde_json::from_str(json)
        .map_err(|e| crate::StoreError::Corrupt { column: "units of a complex", value: e.to_string() })?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                id_extern,
                soort,
                detail_soort,
                street,
                number,
                letter,
                addition,
                postcode,
                woonplaats,
                label,
                rent,
            )| {
                UnitListRow {
                    id,
                    id_extern,
                    cluster: Some((cluster_id, code.to_owned(), naam.map(str::to_owned))),
                    soort,
                    detail_soort,
                    address: address(&street, number, letter.as_deref(), addition.as_deref()),
                    postcode,
                    woonplaats,
                    label,
                    nettohuur_cents: rent,
                }
            },
        )
        .collect())
}

/// All the corporation's complexes, by code.
pub async fn clusters(db: &Db, scope: &ReadScope) -> Result<Vec<ClusterRow>> {
    clusters_page(db, scope, 0, i64::MAX).await
}

/// A page of the corporation's complexes, by code.
pub async fn clusters_page(db: &Db, scope: &ReadScope, offset: i64, limit: i64) -> Result<Vec<ClusterRow>> {
    let page = "(SELECT id, code, naam FROM clusters WHERE corporation_id = $1 ORDER BY code LIMIT $2 OFFSET $3)";
    let sql = format!("{} GROUP BY c.id, c.code, c.naam ORDER BY c.code", cluster_select(page));
    let rows = sql::query(&sql).bind(scope.org_id()).bind(limit).bind(offset).fetch_all(db).await?;
    rows.iter().map(cluster_from_row).collect()
}

/// Complexes after `after_id` in id order (keyset pagination for the API), at most `limit`.
pub async fn clusters_after(db: &Db, scope: &ReadScope, after_id: i64, limit: i64) -> Result<Vec<ClusterRow>> {
    let page = "(SELECT id, code, naam FROM clusters WHERE corporation_id = $1 AND id > $2 ORDER BY id LIMIT $3)";
    let sql = format!("{} GROUP BY c.id, c.code, c.naam ORDER BY c.id", cluster_select(page));
    let rows = sql::query(&sql).bind(scope.org_id()).bind(after_id).bind(limit).fetch_all(db).await?;
    rows.iter().map(cluster_from_row).collect()
}

/// How many complexes the corporation has.
pub async fn cluster_count(db: &Db, scope: &ReadScope) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM clusters WHERE corporation_id = $1")
        .bind(scope.org_id())
        .fetch_one(db)
        .await?)
}

/// One complex of the corporation.
pub async fn cluster(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<ClusterRow>> {
    let sql = format!(
        "{} WHERE c.corporation_id = $1 AND c.id = $2 GROUP BY c.id, c.code, c.naam",
        cluster_select("clusters")
    );
    let row = sql::query(&sql).bind(scope.org_id()).bind(id).fetch_optional(db).await?;
    row.as_ref().map(cluster_from_row).transpose()
}
