//! Contracts with a social-return obligation.

use super::Relation;
use crate::audit::{self, Actor, Change};
use crate::overleg::{date_from_text, date_to_text};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::socialreturn::progress::Obligation;

/// A new contract, checked at the edge.
#[derive(Debug, Clone)]
pub struct NewContract {
    /// The supplier (an organisation of kind supplier).
    pub supplier_id: i64,
    /// The coordinator, if any.
    pub coordinator_id: Option<i64>,
    /// Title.
    pub title: String,
    /// Value excl. VAT.
    pub value: Money,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// Award date (chooses the table version).
    pub awarded_on: Date,
    /// The obligation.
    pub obligation: Obligation,
    /// Reporting cadence: `monthly`, `quarterly`, `yearly`.
    pub cadence: String,
    /// The table version that applies.
    pub table_id: i64,
}

/// A contract as its parties see it.
#[derive(Debug, Clone)]
pub struct Contract {
    /// Database id.
    pub id: i64,
    /// Buyer.
    pub buyer_id: i64,
    /// Buyer's name.
    pub buyer_name: String,
    /// Supplier.
    pub supplier_id: i64,
    /// Supplier's name.
    pub supplier_name: String,
    /// Coordinator.
    pub coordinator_id: Option<i64>,
    /// Coordinator's name.
    pub coordinator_name: Option<String>,
    /// Title.
    pub title: String,
    /// Value excl. VAT.
    pub value: Money,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// Award date.
    pub awarded_on: Date,
    /// The obligation as agreed.
    pub obligation: Obligation,
    /// The obligation in money.
    pub obligation_amount: Money,
    /// Reporting cadence.
    pub cadence: String,
    /// Table version.
    pub table_id: i64,
    /// Approved contributions.
    pub approved: Money,
    /// Pending contributions.
    pub pending: Money,
    /// End of the repair period, once set.
    pub repair_until: Option<Date>,
    /// The supplier did all it could (no withholding).
    pub did_all_it_could: bool,
    /// The buyer's note on the settlement.
    pub settlement_note: Option<String>,
    /// When it was settled.
    pub settled_on: Option<Date>,
    /// How the asking organisation stands to it.
    pub relation: Relation,
}

const COLUMNS: &str = "c.id, c.buyer_id, c.supplier_id, c.coordinator_id, c.title, c.value_cents, c.starts_on, \
     c.ends_on, c.awarded_on, c.obligation, c.obligation_cents, c.cadence, c.table_id, c.approved_cents, \
     c.pending_cents, c.repair_until, c.did_all_it_could, c.settlement_note, c.settled_on, \
     b.name AS buyer_name, s.name AS supplier_name, k.name AS coordinator_name";
const FROM: &str = "FROM sr_contracts c JOIN organisations b ON b.id = c.buyer_id \
     JOIN organisations s ON s.id = c.supplier_id LEFT JOIN organisations k ON k.id = c.coordinator_id";

fn opt_date(row: &sql::Row, column: &'static str) -> Result<Option<Date>> {
    row.try_get::<Option<String>, _>(column)?.map(|t| date_from_text(column, &t)).transpose()
}

fn from_row(row: &sql::Row, org_id: i64) -> Result<Contract> {
    let buyer_id: i64 = row.try_get("buyer_id")?;
    let supplier_id: i64 = row.try_get("supplier_id")?;
    let relation = if org_id == buyer_id {
        Relation::Buyer
    } else if org_id == supplier_id {
        Relation::Supplier
    } else {
        Relation::Coordinator
    };
    let obligation: String = row.try_get("obligation")?;
    Ok(Contract {
        id: row.try_get("id")?,
        buyer_id,
        buyer_name: row.try_get("buyer_name")?,
        supplier_id,
        supplier_name: row.try_get("supplier_name")?,
        coordinator_id: row.try_get("coordinator_id")?,
        coordinator_name: row.try_get("coordinator_name")?,
        title: row.try_get("title")?,
        value: Money::from_cents(row.try_get("value_cents")?),
        starts_on: date_from_text("starts_on", &row.try_get::<String, _>("starts_on")?)?,
        ends_on: date_from_text("ends_on", &row.try_get::<String, _>("ends_on")?)?,
        awarded_on: date_from_text("awarded_on", &row.try_get::<String, _>("awarded_on")?)?,
        obligation: serde_json::from_str(&obligation)
            .map_err(|_| StoreError::Corrupt { column: "obligation", value: obligation.clone() })?,
        obligation_amount: Money::from_cents(row.try_get("obligation_cents")?),
        cadence: row.try_get("cadence")?,
        table_id: row.try_get("table_id")?,
        approved: Money::from_cents(row.try_get("approved_cents")?),
        pending: Money::from_cents(row.try_get("pending_cents")?),
        repair_until: opt_date(row, "repair_until")?,
        did_all_it_could: row.try_get::<i64, _>("did_all_it_could")? != 0,
        settlement_note: row.try_get("settlement_note")?,
        settled_on: opt_date(row, "settled_on")?,
        relation,
    })
}

/// Registers a contract of the buyer of `scope`. The table must be one of the buyer's own versions.
pub async fn create_contract(tx: &mut Tx, scope: &WriteScope, actor: &Actor, new: &NewContract) -> Result<i64> {
    let owner: Option<i64> = sql::query_scalar("SELECT buyer_id FROM sr_tables WHERE id = $1")
        .bind(new.table_id)
        .fetch_optional(&mut *tx)
        .await?;
    if owner != Some(scope.org_id()) {
        return Err(StoreError::NotFound);
    }
    // The supplier must be a supplier, and the coordinator one the buyer works with in that role (ADR 0026): the
    // form checked both, this keeps every other caller to the same rule.
    if crate::orgs::kind_of(&mut *tx, new.supplier_id).await? != Some(OrgKind::Supplier) {
        return Err(StoreError::NotFound);
    }
    if let Some(coordinator) = new.coordinator_id {
        if !super::coordinators::is_coordinator_of(tx, scope.org_id(), coordinator).await? {
            return Err(StoreError::NotFound);
        }
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO sr_contracts (buyer_id, supplier_id, coordinator_id, title, value_cents, starts_on, ends_on, \
         awarded_on, obligation, obligation_cents, cadence, table_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(new.supplier_id)
    .bind(new.coordinator_id)
    .bind(&new.title)
    .bind(new.value.cents())
    .bind(date_to_text(new.starts_on))
    .bind(date_to_text(new.ends_on))
    .bind(date_to_text(new.awarded_on))
    .bind(serde_json::to_string(&new.obligation).unwrap_or_default())
    .bind(new.obligation.amount(new.value).cents())
    .bind(&new.cadence)
    .bind(new.table_id)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "create", "sr_contract", id.to_string());
    change.after =
        Some(json!({ "title": new.title, "supplier_id": new.supplier_id, "value_cents": new.value.cents() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// One contract, if the organisation of `scope` is its buyer, supplier or coordinator.
pub async fn contract(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Contract>> {
    let row = sql::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE c.id = $1 AND (c.buyer_id = $2 OR c.supplier_id = $2 OR c.coordinator_id = $2)"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(db)
    .await?;
    row.map(|r| from_row(&r, scope.org_id())).transpose()
}

/// The contracts of the organisation of `scope` in any relation, ending soonest first.
pub async fn contracts(db: &Db, scope: &ReadScope, limit: i64) -> Result<Vec<Contract>> {
    // Three indexed branches instead of one OR, so each uses its own index at portfolio scale.
    let rows = sql::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE c.id IN (\
           SELECT id FROM sr_contracts WHERE buyer_id = $1 UNION \
           SELECT id FROM sr_contracts WHERE supplier_id = $1 UNION \
           SELECT id FROM sr_contracts WHERE coordinator_id = $1) \
         ORDER BY c.ends_on, c.id LIMIT $2"
    ))
    .bind(scope.org_id())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| from_row(r, scope.org_id())).collect()
}

/// Keeps the token of the form a contract was registered from; [`StoreError::Duplicate`] when the buyer registered
/// another contract from that form (sent twice: the caller rolls the second back). Run in the create's transaction.
pub async fn keep_contract_form_token(tx: &mut Tx, contract_id: i64, token: &str) -> Result<()> {
    sql::query("UPDATE sr_contracts SET form_token = $1 WHERE id = $2")
        .bind(token)
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// A contract of the buyer of `scope` with the same supplier, title, value and period, if any (the form sent again
/// from the browser's Back, with a new form token).
pub async fn same_contract(db: &Db, scope: &WriteScope, new: &NewContract) -> Result<Option<i64>> {
    Ok(sql::query_scalar(
        "SELECT id FROM sr_contracts WHERE buyer_id = $1 AND supplier_id = $2 AND title = $3 AND value_cents = $4 \
         AND starts_on = $5 AND ends_on = $6 ORDER BY id LIMIT 1",
    )
    .bind(scope.org_id())
    .bind(new.supplier_id)
    .bind(&new.title)
    .bind(new.value.cents())
    .bind(date_to_text(new.starts_on))
    .bind(date_to_text(new.ends_on))
    .fetch_optional(db)
    .await?)
}

/// The contract the buyer of `scope` registered from the form with this token, if any.
pub async fn contract_of_form_token(db: &Db, scope: &WriteScope, token: &str) -> Result<Option<i64>> {
    Ok(sql::query_scalar("SELECT id FROM sr_contracts WHERE buyer_id = $1 AND form_token = $2")
        .bind(scope.org_id())
        .bind(token)
        .fetch_optional(db)
        .await?)
}

/// The buyer's settlement at the end: the repair period and whether the supplier did all it could.
#[derive(Debug, Clone)]
pub struct Settle {
    /// End of the repair period.
    pub repair_until: Option<Date>,
    /// The "did all it could" exception.
    pub did_all_it_could: bool,
    /// The buyer's note.
    pub note: Option<String>,
    /// Settled on (none while the repair period runs).
    pub settled_on: Option<Date>,
}

/// Records the settlement of a contract of the buyer of `scope` (or, without `settled_on`, its repair period and
/// note so far); a settled contract's settlement stands: [`StoreError::Conflict`].
pub async fn settle(tx: &mut Tx, scope: &WriteScope, actor: &Actor, id: i64, settle: &Settle) -> Result<()> {
    let done = sql::query(
        "UPDATE sr_contracts SET repair_until = $1, did_all_it_could = $2, settlement_note = $3, settled_on = $4 \
         WHERE id = $5 AND buyer_id = $6 AND settled_on IS NULL",
    )
    .bind(settle.repair_until.map(date_to_text))
    .bind(i64::from(settle.did_all_it_could))
    .bind(&settle.note)
    .bind(settle.settled_on.map(date_to_text))
    .bind(id)
    .bind(scope.org_id())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        // Settled before (a second tab, a form sent twice): what was recorded stands.
        let ours: Option<i64> = sql::query_scalar("SELECT id FROM sr_contracts WHERE id = $1 AND buyer_id = $2")
            .bind(id)
            .bind(scope.org_id())
            .fetch_optional(&mut *tx)
            .await?;
        return Err(if ours.is_some() { StoreError::Conflict } else { StoreError::NotFound });
    }
    // Read after the write, which holds the contract's row: a report that came in after the caller looked (it adds
    // to `pending_cents` on this row, after [`super::contributions`] locked it) is seen here, and the settlement,
    // which would leave it undecidable, is refused ([`StoreError::Conflict`]; the caller's transaction rolls back).
    let pending: i64 =
        sql::query_scalar("SELECT pending_cents FROM sr_contracts WHERE id = $1").bind(id).fetch_one(&mut *tx).await?;
    if settle.settled_on.is_some() && pending > 0 {
        return Err(StoreError::Conflict);
    }
    let mut change = Change::event(Some(scope.org_id()), "settle", "sr_contract", id.to_string());
    change.after = Some(json!({
        "did_all_it_could": settle.did_all_it_could,
        "note": settle.note,
        "settled_on": settle.settled_on.map(date_to_text),
    }));
    audit::record(tx.conn(), actor, change).await
}

/// What a contract's standing is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandingInput {
    /// The obligation.
    pub obligation: Money,
    /// Approved.
    pub approved: Money,
    /// Pending.
    pub pending: Money,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
}

/// The standing inputs of every contract of the buyer of `scope` (a lean read for the portfolio's counts).
pub async fn standings(db: &Db, scope: &ReadScope) -> Result<Vec<StandingInput>> {
    let rows = sql::query(
        "SELECT obligation_cents, approved_cents, pending_cents, starts_on, ends_on FROM sr_contracts WHERE buyer_id = $1",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StandingInput {
                obligation: Money::from_cents(r.try_get("obligation_cents")?),
                approved: Money::from_cents(r.try_get("approved_cents")?),
                pending: Money::from_cents(r.try_get("pending_cents")?),
                starts_on: date_from_text("starts_on", &r.try_get::<String, _>("starts_on")?)?,
                ends_on: date_from_text("ends_on", &r.try_get::<String, _>("ends_on")?)?,
            })
        })
        .collect()
}

/// Every contract of the buyer of `scope`, for exports.
pub async fn buyer_contracts(db: &Db, scope: &ReadScope) -> Result<Vec<Contract>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} {FROM} WHERE c.buyer_id = $1 ORDER BY c.id"))
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    rows.iter().map(|r| from_row(r, scope.org_id())).collect()
}
