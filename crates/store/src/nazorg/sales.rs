//! Sales: a unit sold to its tenant leaves the rental stock (lists, map, coverage) and keeps its history; the sale
//! plans its checks; a koopcoach is assigned; a buy-back returns the unit to the rental stock.

use super::{address, date, log_read, opt_date, sale_filter, BuyerScope, ADDRESS_COLUMNS};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::partner_lists::{self, PartnerList};
use crate::sql::{self, Exec};
use crate::{Backend, Conn, Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::nazorg::checks::due_on;
use volkshuis_domain::nazorg::sale::{SaleCondition, ValueKind};

/// A sale as its pages show it.
#[derive(Debug, Clone)]
pub struct Sale {
    /// Id.
    pub id: i64,
    /// The corporation that sold.
    pub corporation_id: i64,
    /// The unit.
    pub unit_id: i64,
    /// The unit's id in the corporation's own system.
    pub unit_extern: String,
    /// The unit's address.
    pub address: String,
    /// The complex (id, code), if the unit is in one.
    pub cluster: Option<(i64, String)>,
    /// The day of transfer.
    pub sold_on: Date,
    /// The price paid, in cents.
    pub price_cents: i64,
    /// The value the price is compared with (WOZ or appraisal), in cents.
    pub value_cents: i64,
    /// Which value.
    pub value_kind: ValueKind,
    /// The conditions of the sale.
    pub condition: SaleCondition,
    /// The discount, in basis points.
    pub discount_bp: Option<u32>,
    /// The owner's share in a change of value, in basis points (the contract's own).
    pub owner_share_bp: Option<u32>,
    /// The buyer.
    pub buyer_name: String,
    /// The buyer's e-mail address.
    pub buyer_email: Option<String>,
    /// The buyer's telephone number.
    pub buyer_phone: Option<String>,
    /// The assigned koopcoach: (partner organisation, person).
    pub coach: Option<(String, String)>,
    /// The koopcoach's user id.
    pub coach_user_id: Option<i64>,
    /// The koopcoach's partner organisation.
    pub coach_org_id: Option<i64>,
    /// The day the corporation bought the home back.
    pub bought_back_on: Option<Date>,
    /// The day the buyer's personal data was deleted (ADR 0066); the name is empty from then on.
    pub buyer_deleted_on: Option<Date>,
}

/// A new sale, checked at the edge (terms by the domain rule); the store checks the unit.
#[derive(Debug, Clone)]
pub struct NewSale {
    /// One of the corporation's units, not sold.
    pub unit_id: i64,
    /// The day of transfer.
    pub sold_on: Date,
    /// The price paid.
    pub price_cents: i64,
    /// The value compared with.
    pub value_cents: i64,
    /// Which value.
    pub value_kind: ValueKind,
    /// The conditions.
    pub condition: SaleCondition,
    /// The discount.
    pub discount_bp: Option<u32>,
    /// The owner's share.
    pub owner_share_bp: Option<u32>,
    /// The buyer.
    pub buyer_name: String,
    /// E-mail.
    pub buyer_email: Option<String>,
    /// Telephone.
    pub buyer_phone: Option<String>,
}

/// Why a sale was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaleRefused {
    /// The unit is not one of the corporation's.
    UnknownUnit,
    /// The unit is sold already (and not bought back).
    AlreadySold,
}

/// A check planned by a new sale: (check id, years, due date).
pub type PlannedCheck = (i64, u32, Date);

const COLUMNS: &str = "s.id, s.corporation_id, s.unit_id, u.id_extern, s.sold_on, s.price_cents, s.value_cents, \
     s.value_kind, s.sale_condition, s.discount_bp, s.owner_share_bp, s.buyer_name, s.buyer_email, s.buyer_phone, \
     s.coach_user_id, s.coach_org_id, co.name AS coach_org, cu.name AS coach_name, s.bought_back_on, \
     s.buyer_deleted_on, c.id AS cluster_id, c.code AS cluster_code";

const FROM: &str = "nz_sales s JOIN units u ON u.id = s.unit_id LEFT JOIN clusters c ON c.id = u.cluster_id \
     LEFT JOIN organisations co ON co.id = s.coach_org_id LEFT JOIN users cu ON cu.id = s.coach_user_id";

fn corrupt(column: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt { column, value: value.to_owned() }
}

fn bp(row: &sql::Row, column: &'static str) -> Result<Option<u32>> {
    Ok(row.try_get::<Option<i64>, _>(column)?.map(|v| u32::try_from(v).unwrap_or(0)))
}

fn from_row(row: &sql::Row) -> Result<Sale> {
    let kind: String = row.try_get("value_kind")?;
    let condition: String = row.try_get("sale_condition")?;
    let cluster = match row.try_get::<Option<i64>, _>("cluster_id")? {
        Some(id) => Some((id, row.try_get::<String, _>("cluster_code")?)),
        None => None,
    };
    let coach = match (row.try_get::<Option<String>, _>("coach_org")?, row.try_get::<Option<String>, _>("coach_name")?)
    {
        (Some(org), Some(name)) => Some((org, name)),
        _ => None,
    };
    Ok(Sale {
        id: row.try_get("id")?,
        corporation_id: row.try_get("corporation_id")?,
        unit_id: row.try_get("unit_id")?,
        unit_extern: row.try_get("id_extern")?,
        address: address(row)?,
        cluster,
        sold_on: date(row, "sold_on")?,
        price_cents: row.try_get("price_cents")?,
        value_cents: row.try_get("value_cents")?,
        value_kind: ValueKind::parse(&kind).map_err(|_| corrupt("value_kind", &kind))?,
        condition: SaleCondition::parse(&condition).map_err(|_| corrupt("sale_condition", &condition))?,
        discount_bp: bp(row, "discount_bp")?,
        owner_share_bp: bp(row, "owner_share_bp")?,
        buyer_name: row.try_get("buyer_name")?,
        buyer_email: row.try_get("buyer_email")?,
        buyer_phone: row.try_get("buyer_phone")?,
        coach,
        coach_user_id: row.try_get("coach_user_id")?,
        coach_org_id: row.try_get("coach_org_id")?,
        bought_back_on: opt_date(row, "bought_back_on")?,
        buyer_deleted_on: opt_date(row, "buyer_deleted_on")?,
    })
}

/// Records a sale for the corporation of `scope`: the unit leaves the rental stock, a check is planned for each of
/// `check_years` after the day of transfer. All in one transaction.
pub async fn record_sale(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    new: &NewSale,
    check_years: &[u32],
) -> Result<std::result::Result<(i64, Vec<PlannedCheck>), SaleRefused>> {
    let corporation = scope.org_id();
    let mut tx = db.begin().await?;
    let own: Option<i64> = sql::query_scalar("SELECT id FROM units WHERE id = $1 AND corporation_id = $2")
        .bind(new.unit_id)
        .bind(corporation)
        .fetch_optional(&mut tx)
        .await?;
    if own.is_none() {
        return Ok(Err(SaleRefused::UnknownUnit));
    }
    if active_sale_in(tx.conn(), new.unit_id).await?.is_some() {
        return Ok(Err(SaleRefused::AlreadySold));
    }
    let inserted: std::result::Result<i64, _> = sql::query_scalar(
        "INSERT INTO nz_sales (corporation_id, unit_id, sold_on, price_cents, value_cents, value_kind, \
         sale_condition, discount_bp, owner_share_bp, buyer_name, buyer_email, buyer_phone, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(corporation)
    .bind(new.unit_id)
    .bind(date_to_text(new.sold_on))
    .bind(new.price_cents)
    .bind(new.value_cents)
    .bind(new.value_kind.code())
    .bind(new.condition.code())
    .bind(new.discount_bp.map(i64::from))
    .bind(new.owner_share_bp.map(i64::from))
    .bind(&new.buyer_name)
    .bind(new.buyer_email.as_deref())
    .bind(new.buyer_phone.as_deref())
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await;
    // Two sales of one home at the same moment: the unique index on open sales lets one through.
    let id = match inserted.map_err(StoreError::from) {
        Err(StoreError::Duplicate) => return Ok(Err(SaleRefused::AlreadySold)),
        other => other?,
    };
    let mut planned = Vec::new();
    for years in check_years {
        let due = due_on(new.sold_on, *years);
        let check: i64 =
            sql::query_scalar("INSERT INTO nz_checks (sale_id, years, due_on) VALUES ($1, $2, $3) RETURNING id")
                .bind(id)
                .bind(i64::from(*years))
                .bind(date_to_text(due))
                .fetch_one(&mut tx)
                .await?;
        planned.push((check, *years, due));
    }
    set_in_use(&mut tx, db.backend(), corporation, new.unit_id, false).await?;
    let mut change = Change::event(Some(corporation), "create", "nz_sale", id.to_string());
    change.after = Some(json!({
        "unit_id": new.unit_id, "sold_on": date_to_text(new.sold_on), "condition": new.condition.code(),
        "checks": check_years,
    }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    db.stock_changed();
    Ok(Ok((id, planned)))
}

/// Takes a unit out of the rental stock or returns it, and makes the stock's map, totals and coverage follow.
async fn set_in_use(tx: &mut Tx, backend: Backend, corporation: i64, unit: i64, in_use: bool) -> Result<()> {
    sql::query("UPDATE units SET in_use = $1 WHERE id = $2 AND corporation_id = $3")
        .bind(i64::from(in_use))
        .bind(unit)
        .bind(corporation)
        .execute(&mut *tx)
        .await?;
    crate::stock::units_in_use_changed(tx.conn(), backend, corporation).await
}

/// Takes the corporation's sold homes (not bought back) out of use again after a stock import listed them; returns
/// how many it took out.
pub(crate) async fn keep_sold_out_of_use(conn: Conn<'_>, corporation: i64) -> Result<u64> {
    let done = sql::query(
        "UPDATE units SET in_use = 0 WHERE corporation_id = $1 AND in_use = 1 AND id IN \
         (SELECT unit_id FROM nz_sales WHERE corporation_id = $1 AND bought_back_on IS NULL)",
    )
    .bind(corporation)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// The open sale (not bought back) of a unit, if any.
async fn active_sale_in(conn: Conn<'_>, unit: i64) -> Result<Option<i64>> {
    Ok(sql::query_scalar("SELECT id FROM nz_sales WHERE unit_id = $1 AND bought_back_on IS NULL")
        .bind(unit)
        .fetch_optional(conn)
        .await?)
}

/// What a unit's page may say of its sale, without the buyer: the sale's id and day, and the buy-back's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSale {
    /// The sale.
    pub sale_id: i64,
    /// The day of transfer.
    pub sold_on: Date,
    /// The day it was bought back.
    pub bought_back_on: Option<Date>,
}

/// The sales of one of the corporation's units, newest first (a home bought back may be sold again).
pub async fn sales_of_unit(db: &Db, scope: &ReadScope, unit_id: i64) -> Result<Vec<UnitSale>> {
    let rows = sql::query(
        "SELECT id, sold_on, bought_back_on FROM nz_sales WHERE unit_id = $1 AND corporation_id = $2 \
         ORDER BY sold_on DESC, id DESC",
    )
    .bind(unit_id)
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(UnitSale {
                sale_id: row.try_get("id")?,
                sold_on: date(row, "sold_on")?,
                bought_back_on: opt_date(row, "bought_back_on")?,
            })
        })
        .collect()
}

/// The buyers the scope may see, newest sale first (at most `limit`). The read is logged.
pub async fn sales(db: &Db, scope: &BuyerScope, actor: &Actor, limit: i64) -> Result<Vec<Sale>> {
    let rows = sql::query(&format!(
        "SELECT {COLUMNS}, {ADDRESS_COLUMNS} FROM {FROM} WHERE {} ORDER BY s.sold_on DESC, s.id DESC LIMIT $3",
        sale_filter(1)
    ))
    .bind(scope.org_id)
    .bind(scope.coach_user_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    let sales = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    let ids: Vec<i64> = sales.iter().map(|s| s.id).collect();
    let mut tx = db.begin().await?;
    log_read(tx.conn(), actor, scope, ("nz_sales", "lijst".to_owned()), &ids).await?;
    tx.commit().await?;
    Ok(sales)
}

/// The day a sale the scope may see was made (no buyer's data is read, so nothing is logged); `None` for any other
/// sale. Days recorded about the sale (a check, the talk, a buy-back, a coach's log) are weighed against it.
pub async fn sold_on(db: &Db, scope: &BuyerScope, id: i64) -> Result<Option<Date>> {
    Ok(sale_unlogged(db, scope, id).await?.map(|sale| sale.sold_on))
}

/// The koopcoach assigned to a sale the scope may see, as (partner organisation, person): a staff member's name is
/// no buyer's data, so nothing is logged.
pub async fn sale_unlogged_coach(db: &Db, scope: &BuyerScope, id: i64) -> Result<Option<(String, String)>> {
    Ok(sale_unlogged(db, scope, id).await?.and_then(|sale| sale.coach))
}

/// One sale the scope may see; `None` for any other id. The read is logged.
pub async fn sale(db: &Db, scope: &BuyerScope, actor: &Actor, id: i64) -> Result<Option<Sale>> {
    let Some(sale) = sale_unlogged(db, scope, id).await? else {
        return Ok(None);
    };
    let mut tx = db.begin().await?;
    log_read(tx.conn(), actor, scope, ("nz_sale", id.to_string()), &[id]).await?;
    tx.commit().await?;
    Ok(Some(sale))
}

/// A sale the scope may see, without logging (for a write that checks its target and shows nothing).
pub(crate) async fn sale_unlogged<'c>(on: impl Exec<'c> + 'c, scope: &BuyerScope, id: i64) -> Result<Option<Sale>> {
    let row =
        sql::query(&format!("SELECT {COLUMNS}, {ADDRESS_COLUMNS} FROM {FROM} WHERE s.id = $3 AND {}", sale_filter(1)))
            .bind(scope.org_id)
            .bind(scope.coach_user_id)
            .bind(id)
            .fetch_optional(on)
            .await?;
    row.as_ref().map(from_row).transpose()
}

/// A person who may be assigned as koopcoach: a staff member or administrator of a partner organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coach {
    /// The partner organisation.
    pub org_id: i64,
    /// Its name.
    pub org_name: String,
    /// The person.
    pub user_id: i64,
    /// Their name.
    pub user_name: String,
}

/// Everyone the corporation of `scope` may assign as koopcoach, by organisation and name: the staff members and
/// administrators of the partners on its koopcoach list ([`PartnerList::Koopcoach`]).
pub async fn coach_candidates(db: &Db, scope: &ReadScope) -> Result<Vec<Coach>> {
    let rows = sql::query(
        "SELECT o.id AS org_id, o.name AS org_name, u.id AS user_id, u.name AS user_name \
         FROM nz_coach_partners l JOIN organisations o ON o.id = l.partner_id \
         JOIN memberships m ON m.org_id = o.id JOIN users u ON u.id = m.user_id \
         WHERE l.corporation_id = $1 AND o.kind = 'partner' AND m.role IN ('staff', 'admin') \
         ORDER BY o.name, u.name, u.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Coach {
                org_id: row.try_get("org_id")?,
                org_name: row.try_get("org_name")?,
                user_id: row.try_get("user_id")?,
                user_name: row.try_get("user_name")?,
            })
        })
        .collect()
}

/// Whether the buyer of a sale consented to aftercare in the talk before the sale.
pub(crate) async fn consented<'c>(on: impl Exec<'c> + 'c, sale_id: i64) -> Result<bool> {
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM nz_talks WHERE sale_id = $1 AND consent = 1")
        .bind(sale_id)
        .fetch_one(on)
        .await?;
    Ok(n > 0)
}

/// Whether the buyer of one of the corporation's sales consented to aftercare (a koopcoach may be assigned).
pub async fn buyer_consented(db: &Db, scope: &WriteScope, sale_id: i64) -> Result<bool> {
    // A buyer whose data were deleted after the aftercare has no consent left to act on: no coach gets a name that
    // is gone (the talk's consent is kept for the figures).
    match sale_unlogged(db, &BuyerScope::sales_staff(scope), sale_id).await? {
        None => Ok(false),
        Some(sale) if sale.buyer_deleted_on.is_some() => Ok(false),
        Some(_) => consented(db, sale_id).await,
    }
}

/// The koopcoach (organisation, user) of a sale of the corporation, if one is assigned: ids only, no buyer's data.
pub async fn coach_of(db: &Db, scope: &WriteScope, sale_id: i64) -> Result<Option<(i64, i64)>> {
    let row = sql::query("SELECT coach_org_id, coach_user_id FROM nz_sales WHERE id = $1 AND corporation_id = $2")
        .bind(sale_id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    Ok(match row {
        Some(row) => {
            row.try_get::<Option<i64>, _>("coach_org_id")?.zip(row.try_get::<Option<i64>, _>("coach_user_id")?)
        }
        None => None,
    })
}

/// Assigns (or with `None` removes) the koopcoach of one of the corporation's sales. `false` when the sale is not
/// the corporation's, its buyer did not consent to aftercare, or the person is not a coach candidate: a staff member
/// or administrator of a partner on the corporation's koopcoach list (a form's select list is not a check).
pub async fn assign_coach(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    sale_id: i64,
    coach: Option<(i64, i64)>,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    if let Some((org, user)) = coach {
        // Only a buyer who consented to aftercare in the talk before the sale gets a koopcoach, who then sees them.
        if !consented(&mut tx, sale_id).await? {
            return Ok(false);
        }
        let candidate: Option<i64> = sql::query_scalar(
            "SELECT m.user_id FROM memberships m JOIN organisations o ON o.id = m.org_id \
             WHERE m.org_id = $1 AND m.user_id = $2 AND o.kind = 'partner' AND m.role IN ('staff', 'admin')",
        )
        .bind(org)
        .bind(user)
        .fetch_optional(&mut tx)
        .await?;
        if candidate.is_none()
            || !partner_lists::is_listed(&mut tx, PartnerList::Koopcoach, scope.org_id(), org).await?
        {
            return Ok(false);
        }
    }
    // A sale whose buyer's data was deleted (ADR 0066) gets no koopcoach again: the purge ended the coach's access.
    let done = sql::query(
        "UPDATE nz_sales SET coach_org_id = $1, coach_user_id = $2 WHERE id = $3 AND corporation_id = $4 \
         AND ($1 IS NULL OR buyer_deleted_on IS NULL)",
    )
    .bind(coach.map(|c| c.0))
    .bind(coach.map(|c| c.1))
    .bind(sale_id)
    .bind(scope.org_id())
    .execute(&mut tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let mut change = Change::event(Some(scope.org_id()), "assign_coach", "nz_sale", sale_id.to_string());
    change.after = Some(json!({ "coach_org_id": coach.map(|c| c.0), "coach_user_id": coach.map(|c| c.1) }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// One entry of the koopcoach's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// Id.
    pub id: i64,
    /// The day of the contact.
    pub on_date: Date,
    /// How (a call, a visit, …), as the coach wrote it.
    pub contact: String,
    /// What it was about.
    pub topic: String,
    /// What follows.
    pub follow_up: Option<String>,
    /// Who wrote it.
    pub written_by: String,
}

/// The koopcoach's log of a sale the scope may see, newest first; `None` for any other sale. The sale's read is
/// logged by [`sale`], which every page showing a log calls first.
pub async fn coach_log(db: &Db, scope: &BuyerScope, sale_id: i64) -> Result<Option<Vec<LogEntry>>> {
    if sale_unlogged(db, scope, sale_id).await?.is_none() {
        return Ok(None);
    }
    let rows = sql::query(
        "SELECT id, on_date, contact, topic, follow_up, written_by FROM nz_coach_log WHERE sale_id = $1 \
         ORDER BY on_date DESC, id DESC",
    )
    .bind(sale_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(LogEntry {
                id: row.try_get("id")?,
                on_date: date(row, "on_date")?,
                contact: row.try_get("contact")?,
                topic: row.try_get("topic")?,
                follow_up: row.try_get("follow_up")?,
                written_by: row.try_get("written_by")?,
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

/// A new log entry.
#[derive(Debug, Clone)]
pub struct NewLogEntry {
    /// The day of the contact.
    pub on_date: Date,
    /// How.
    pub contact: String,
    /// About what.
    pub topic: String,
    /// What follows.
    pub follow_up: Option<String>,
}

/// Writes a log entry on a sale the scope may see (the assigned coach, or the corporation's staff); `false` for any
/// other sale, and for one whose buyer's data was deleted. `scope` comes from a write scope, so a read-only member
/// cannot reach this.
pub async fn add_log(db: &Db, scope: &BuyerScope, actor: &Actor, sale_id: i64, entry: &NewLogEntry) -> Result<bool> {
    let mut tx = db.begin().await?;
    // A sale whose buyer's data was deleted takes no new personal data (ADR 0066).
    if sale_unlogged(&mut tx, scope, sale_id).await?.is_none_or(|sale| sale.buyer_deleted_on.is_some()) {
        return Ok(false);
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO nz_coach_log (sale_id, on_date, contact, topic, follow_up, written_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(sale_id)
    .bind(date_to_text(entry.on_date))
    .bind(&entry.contact)
    .bind(&entry.topic)
    .bind(entry.follow_up.as_deref())
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let change = Change::event(Some(scope.org_id), "create", "nz_coach_log", id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// A buy-back as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buyback {
    /// The day the owner asked.
    pub requested_on: Date,
    /// The market value now, without the owner's improvements, in cents.
    pub value_now_cents: i64,
    /// The valued effect of the owner's improvements, in cents.
    pub improvements_cents: i64,
    /// How the values were set (appraiser, date).
    pub valuation_note: Option<String>,
    /// A dispute about the valuation, if any.
    pub dispute: Option<String>,
    /// The price by the contract's rule.
    pub price_cents: i64,
    /// The day the corporation bought the home back.
    pub completed_on: Option<Date>,
}

/// The buy-back of a sale the scope may see, if one was recorded.
pub async fn buyback(db: &Db, scope: &BuyerScope, sale_id: i64) -> Result<Option<Buyback>> {
    if sale_unlogged(db, scope, sale_id).await?.is_none() {
        return Ok(None);
    }
    let row = sql::query(
        "SELECT requested_on, value_now_cents, improvements_cents, valuation_note, dispute, price_cents, \
         completed_on FROM nz_buybacks WHERE sale_id = $1",
    )
    .bind(sale_id)
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(Buyback {
            requested_on: date(&row, "requested_on")?,
            value_now_cents: row.try_get("value_now_cents")?,
            improvements_cents: row.try_get("improvements_cents")?,
            valuation_note: row.try_get("valuation_note")?,
            dispute: row.try_get("dispute")?,
            price_cents: row.try_get("price_cents")?,
            completed_on: opt_date(&row, "completed_on")?,
        })
    })
    .transpose()
}

/// Records (or corrects) the buy-back of one of the corporation's sales with a buy-back condition; with
/// `completed_on` the home is bought back and returns to the rental stock. `false` when the sale is not the
/// corporation's, has no buy-back condition or was bought back already.
pub async fn record_buyback(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    sale_id: i64,
    buyback: &Buyback,
) -> Result<bool> {
    let corporation = scope.org_id();
    let mut tx = db.begin().await?;
    let sale = sale_unlogged(&mut tx, &BuyerScope::sales_staff(scope), sale_id).await?;
    let Some(sale) = sale.filter(|s| s.condition != SaleCondition::None && s.bought_back_on.is_none()) else {
        return Ok(false);
    };
    sql::query("DELETE FROM nz_buybacks WHERE sale_id = $1").bind(sale_id).execute(&mut tx).await?;
    sql::query(
        "INSERT INTO nz_buybacks (sale_id, requested_on, value_now_cents, improvements_cents, valuation_note, \
         dispute, price_cents, completed_on, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(sale_id)
    .bind(date_to_text(buyback.requested_on))
    .bind(buyback.value_now_cents)
    .bind(buyback.improvements_cents)
    .bind(buyback.valuation_note.as_deref())
    .bind(buyback.dispute.as_deref())
    .bind(buyback.price_cents)
    .bind(buyback.completed_on.map(date_to_text))
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    if let Some(day) = buyback.completed_on {
        sql::query("UPDATE nz_sales SET bought_back_on = $1 WHERE id = $2")
            .bind(date_to_text(day))
            .bind(sale_id)
            .execute(&mut tx)
            .await?;
        set_in_use(&mut tx, db.backend(), corporation, sale.unit_id, true).await?;
    }
    let mut change = Change::event(Some(corporation), "buyback", "nz_sale", sale_id.to_string());
    change.after = Some(json!({
        "price_cents": buyback.price_cents, "disputed": buyback.dispute.is_some(),
        "completed_on": buyback.completed_on.map(date_to_text),
    }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    db.stock_changed();
    Ok(true)
}
