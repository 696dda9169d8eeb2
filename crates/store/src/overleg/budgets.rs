//! The tenant organisation's yearly budget (art. 7 Overlegwet): the amount the corporation pays, what it was spent
//! on, and when the organisation accounted for it (within two months after the year).

use super::dates::{date_from_text, date_to_text, optional_date};
use crate::audit::{self, Actor, Change};
use crate::sql::{self, Conn};
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::money::Money;

/// A year's budget between a corporation and a tenant organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Database id.
    pub id: i64,
    /// The corporation.
    pub corporation_id: i64,
    /// The tenant organisation.
    pub tenant_org_id: i64,
    /// The year.
    pub year: i32,
    /// The agreed amount.
    pub amount: Money,
    /// When the organisation accounted for it.
    pub accounted_on: Option<Date>,
    /// What it was spent on.
    pub lines: Vec<BudgetLine>,
}

/// One spending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    /// Category code (`training`, `experts`, `meetings`, `communication`, `memberships`, `other`).
    pub category: String,
    /// What.
    pub description: String,
    /// How much.
    pub amount: Money,
    /// When.
    pub spent_on: Date,
}

/// The corporation of `scope` sets the year's amount for one of its overleg partners.
pub async fn set_budget(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    tenant_org_id: i64,
    year: i32,
    amount: Money,
) -> Result<i64> {
    super::partners::ensure_partner(tx, scope.org_id(), tenant_org_id).await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO overleg_budgets (corporation_id, tenant_org_id, year, amount_cents) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (corporation_id, tenant_org_id, year) DO UPDATE SET amount_cents = excluded.amount_cents \
         RETURNING id",
    )
    .bind(scope.org_id())
    .bind(tenant_org_id)
    .bind(i64::from(year))
    .bind(amount.cents())
    .fetch_one(&mut *tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "set", "overleg_budget", id.to_string());
    change.after = Some(json!({ "tenant_org_id": tenant_org_id, "year": year, "amount_cents": amount.cents() }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// The budget of a year between the organisation of `scope` and `other_org_id` (either side may ask).
pub async fn budget(db: &Db, scope: &ReadScope, other_org_id: i64, year: i32) -> Result<Option<Budget>> {
    let mut conn = db.acquire().await?;
    budget_in(conn.conn(), scope, other_org_id, year).await
}

/// As [`budget`], on one connection (a transaction's: a reminder reads it beside what it writes).
pub async fn budget_in(mut conn: Conn<'_>, scope: &ReadScope, other_org_id: i64, year: i32) -> Result<Option<Budget>> {
    let row = sql::query(
        "SELECT id, corporation_id, tenant_org_id, year, amount_cents, accounted_on FROM overleg_budgets \
         WHERE year = $1 AND ((corporation_id = $2 AND tenant_org_id = $3) OR (corporation_id = $3 AND tenant_org_id = $2))",
    )
    .bind(i64::from(year))
    .bind(scope.org_id())
    .bind(other_org_id)
    .fetch_optional(&mut conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    let lines = sql::query(
        "SELECT category, description, amount_cents, spent_on FROM overleg_budget_lines WHERE budget_id = $1 \
         ORDER BY spent_on, id",
    )
    .bind(id)
    .fetch_all(&mut conn)
    .await?
    .iter()
    .map(|r| {
        Ok(BudgetLine {
            category: r.try_get("category")?,
            description: r.try_get("description")?,
            amount: Money::from_cents(r.try_get("amount_cents")?),
            spent_on: date_from_text("spent_on", &r.try_get::<String, _>("spent_on")?)?,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    Ok(Some(Budget {
        id,
        corporation_id: row.try_get("corporation_id")?,
        tenant_org_id: row.try_get("tenant_org_id")?,
        year: row.try_get::<i64, _>("year")? as i32,
        amount: Money::from_cents(row.try_get("amount_cents")?),
        accounted_on: optional_date("accounted_on", row.try_get("accounted_on")?)?,
        lines,
    }))
}

/// The tenant organisation of `scope` records a spending.
pub async fn add_budget_line(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    budget: &Budget,
    line: &BudgetLine,
) -> Result<()> {
    if budget.tenant_org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    sql::query(
        "INSERT INTO overleg_budget_lines (budget_id, category, description, amount_cents, spent_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(budget.id)
    .bind(&line.category)
    .bind(&line.description)
    .bind(line.amount.cents())
    .bind(date_to_text(line.spent_on))
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    audit::record(
        tx.conn(),
        actor,
        Change::event(Some(scope.org_id()), "add_line", "overleg_budget", budget.id.to_string()),
    )
    .await
}

/// The tenant organisation of `scope` records that it accounted for the year's budget.
pub async fn account_budget(tx: &mut Tx, scope: &WriteScope, actor: &Actor, budget: &Budget, on: Date) -> Result<()> {
    if budget.tenant_org_id != scope.org_id() {
        return Err(StoreError::NotFound);
    }
    sql::query("UPDATE overleg_budgets SET accounted_on = $1 WHERE id = $2")
        .bind(date_to_text(on))
        .bind(budget.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        tx.conn(),
        actor,
        Change::event(Some(scope.org_id()), "account", "overleg_budget", budget.id.to_string()),
    )
    .await
}

/// A year's budget not yet accounted for, with both parties' names (for the calendar feed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenBudget {
    /// The corporation.
    pub corporation_id: i64,
    /// The corporation's name.
    pub corporation_name: String,
    /// The tenant organisation, which accounts for it.
    pub tenant_org_id: i64,
    /// The tenant organisation's name.
    pub tenant_org_name: String,
    /// The year.
    pub year: i32,
}

/// The budgets of the organisation of `scope` (either side) still to be accounted for, oldest year first.
pub async fn unaccounted_budgets(db: &Db, scope: &ReadScope) -> Result<Vec<OpenBudget>> {
    let rows = sql::query(
        "SELECT b.corporation_id, b.tenant_org_id, b.year, co.name AS corporation_name, t.name AS tenant_org_name \
         FROM overleg_budgets b JOIN organisations co ON co.id = b.corporation_id \
         JOIN organisations t ON t.id = b.tenant_org_id \
         WHERE (b.corporation_id = $1 OR b.tenant_org_id = $1) AND b.accounted_on IS NULL ORDER BY b.year, b.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(OpenBudget {
                corporation_id: r.try_get("corporation_id")?,
                corporation_name: r.try_get("corporation_name")?,
                tenant_org_id: r.try_get("tenant_org_id")?,
                tenant_org_name: r.try_get("tenant_org_name")?,
                year: r.try_get::<i64, _>("year")? as i32,
            })
        })
        .collect()
}
