//! Liveability budgets per year and area, set by the corporation; grants to initiatives from them (never past the
//! budget without an explicit, recorded override); spending of a grant with its evidence.

use super::date;
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::initiatieven::budget::{area_holds, may_grant, may_spend, BudgetState, GrantBlock, SpendBlock};

/// A budget with what was granted and spent from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Id.
    pub id: i64,
    /// The year.
    pub year: i32,
    /// The area's code (gemeente, wijk, buurt or complex).
    pub area_code: String,
    /// Its name.
    pub name: String,
    /// Amount, granted and spent.
    pub state: BudgetState,
}

const BUDGET_SELECT: &str = "SELECT b.id, b.year, b.area_code, b.name, b.amount_cents, \
     CAST(COALESCE((SELECT SUM(g.amount_cents) FROM in_grants g WHERE g.budget_id = b.id), 0) AS BIGINT) AS granted, \
     CAST(COALESCE((SELECT SUM(s.amount_cents) FROM in_spending s JOIN in_grants g ON g.id = s.grant_id \
               WHERE g.budget_id = b.id), 0) AS BIGINT) AS spent FROM in_budgets b";

fn budget_from(row: &sql::Row) -> Result<Budget> {
    Ok(Budget {
        id: row.try_get("id")?,
        year: i32::try_from(row.try_get::<i64, _>("year")?).unwrap_or(0),
        area_code: row.try_get("area_code")?,
        name: row.try_get("name")?,
        state: BudgetState {
            budget_cents: row.try_get("amount_cents")?,
            granted_cents: row.try_get("granted")?,
            spent_cents: row.try_get("spent")?,
        },
    })
}

/// The corporation's budgets, newest year first.
pub async fn budgets(db: &Db, scope: &ReadScope) -> Result<Vec<Budget>> {
    let rows = sql::query(&format!("{BUDGET_SELECT} WHERE b.corporation_id = $1 ORDER BY b.year DESC, b.name"))
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    rows.iter().map(budget_from).collect()
}

async fn budget_in(tx: &mut crate::Tx, corporation: i64, id: i64) -> Result<Option<Budget>> {
    let row = sql::query(&format!("{BUDGET_SELECT} WHERE b.id = $1 AND b.corporation_id = $2"))
        .bind(id)
        .bind(corporation)
        .fetch_optional(&mut *tx)
        .await?;
    row.as_ref().map(budget_from).transpose()
}

/// Sets the corporation's budget for a year and area (a new one, or a new amount for the same year and area).
pub async fn set_budget(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    year: i32,
    area_code: &str,
    name: &str,
    amount_cents: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_budgets (corporation_id, year, area_code, name, amount_cents, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (corporation_id, year, area_code) DO UPDATE SET \
         name = excluded.name, amount_cents = excluded.amount_cents, updated_by = excluded.updated_by, \
         updated_at = excluded.updated_at RETURNING id",
    )
    .bind(scope.org_id())
    .bind(i64::from(year))
    .bind(area_code)
    .bind(name)
    .bind(amount_cents)
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "set", "in_budget", id.to_string());
    change.after = Some(json!({ "year": year, "area_code": area_code, "amount_cents": amount_cents }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// A grant to an initiative with what was spent of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// Id.
    pub id: i64,
    /// The budget's name and year.
    pub budget: String,
    /// Amount granted.
    pub amount_cents: i64,
    /// The day.
    pub granted_on: Date,
    /// Why it went past the budget, if it did.
    pub override_reason: Option<String>,
    /// Spending: (day, amount, what, evidence).
    pub spending: Vec<(Date, i64, String, String)>,
}

impl Grant {
    /// What was spent of it.
    pub fn spent_cents(&self) -> i64 {
        self.spending.iter().map(|s| s.1).sum()
    }
}

/// The grants to an initiative (the caller has checked the viewer may see it).
pub async fn grants_of(db: &Db, initiative_id: i64) -> Result<Vec<Grant>> {
    let rows = sql::query(
        "SELECT g.id, b.name, b.year, g.amount_cents, g.granted_on, g.override_reason FROM in_grants g \
         JOIN in_budgets b ON b.id = g.budget_id WHERE g.initiative_id = $1 ORDER BY g.granted_on, g.id",
    )
    .bind(initiative_id)
    .fetch_all(db)
    .await?;
    let mut grants = Vec::new();
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let spending = sql::query(
            "SELECT on_date, amount_cents, description, evidence FROM in_spending WHERE grant_id = $1 \
             ORDER BY on_date, id",
        )
        .bind(id)
        .fetch_all(db)
        .await?
        .iter()
        .map(|s| {
            Ok((date(s, "on_date")?, s.try_get("amount_cents")?, s.try_get("description")?, s.try_get("evidence")?))
        })
        .collect::<Result<Vec<_>>>()?;
        grants.push(Grant {
            id,
            budget: format!("{} {}", row.try_get::<String, _>("name")?, row.try_get::<i64, _>("year")?),
            amount_cents: row.try_get("amount_cents")?,
            granted_on: date(row, "granted_on")?,
            override_reason: row.try_get("override_reason")?,
            spending,
        });
    }
    Ok(grants)
}

/// Why a grant was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GrantRefused {
    /// The initiative is not the corporation's.
    Unknown,
    /// The budget is not one of the corporation's (a form's choice that was not offered).
    UnknownBudget,
    /// The budget is for another place than the initiative's (`area_holds`).
    OtherArea {
        /// The budget's area.
        area: String,
    },
    /// The domain rule refused it (not positive, or past the budget without an override).
    Rule(GrantBlock),
}

/// Grants `amount_cents` from one of the corporation's budgets to one of its initiatives. With `override_reason`
/// the grant may take the budget below zero; the reason is recorded.
#[allow(clippy::too_many_arguments)]
pub async fn grant(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    budget_id: i64,
    initiative_id: i64,
    amount_cents: i64,
    override_reason: Option<&str>,
    on: Date,
) -> Result<std::result::Result<i64, GrantRefused>> {
    let Some(initiative) = super::initiatives::for_corporation(db, scope.as_read(), initiative_id).await? else {
        return Ok(Err(GrantRefused::Unknown));
    };
    let mut tx = db.begin().await?;
    // Take the budget's row first, so two grants at once are judged one after the other, never both against the
    // same remaining amount.
    sql::query("UPDATE in_budgets SET amount_cents = amount_cents WHERE id = $1 AND corporation_id = $2")
        .bind(budget_id)
        .bind(scope.org_id())
        .execute(&mut tx)
        .await?;
    let Some(budget) = budget_in(&mut tx, scope.org_id(), budget_id).await? else {
        return Ok(Err(GrantRefused::UnknownBudget));
    };
    let buurten = buurten_of(db, &initiative).await?;
    let buurten: Vec<&str> = buurten.iter().map(String::as_str).collect();
    let complexes: Vec<&str> = initiative.clusters.iter().map(|(_, code)| code.as_str()).collect();
    if !area_holds(&budget.area_code, &buurten, &complexes) {
        return Ok(Err(GrantRefused::OtherArea { area: budget.area_code }));
    }
    if let Err(block) = may_grant(&budget.state, amount_cents, override_reason.is_some()) {
        return Ok(Err(GrantRefused::Rule(block)));
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_grants (budget_id, initiative_id, amount_cents, granted_on, override_reason, recorded_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(budget_id)
    .bind(initiative_id)
    .bind(amount_cents)
    .bind(date_to_text(on))
    .bind(override_reason)
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "grant", "in_initiative", initiative_id.to_string());
    change.after = Some(json!({ "budget_id": budget_id, "amount_cents": amount_cents, "override": override_reason }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// The buurten an initiative is in: the one it names and those of its complexes' homes (a budget for a wijk or
/// gemeente pays for an initiative in one of its buurten, `area_holds`).
pub async fn buurten_of(db: &Db, initiative: &super::initiatives::Initiative) -> Result<Vec<String>> {
    let mut buurten: Vec<String> = initiative.buurt_code.iter().cloned().collect();
    if !initiative.clusters.is_empty() {
        let statement = format!(
            "SELECT DISTINCT buurt_code FROM units WHERE cluster_id IN ({}) AND buurt_code IS NOT NULL",
            sql::marks(1, initiative.clusters.len())
        );
        let mut query = sql::query_scalar::<String>(&statement);
        for (id, _) in &initiative.clusters {
            query = query.bind(*id);
        }
        buurten.extend(query.fetch_all(db).await?);
    }
    buurten.sort();
    buurten.dedup();
    Ok(buurten)
}

/// The shortest description of a receipt that counts as evidence.
pub const MIN_EVIDENCE_CHARS: usize = 8;

/// Why spending was not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpendRefused {
    /// The grant is not of one of the corporation's initiatives.
    Unknown,
    /// The day is before the grant was made.
    BeforeGrant {
        /// The grant's day.
        granted_on: Date,
    },
    /// The domain rule refused it.
    Rule(SpendBlock),
}

/// Records spending of a grant with its evidence; returns the initiative's id.
#[allow(clippy::too_many_arguments)]
pub async fn spend(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    grant_id: i64,
    on: Date,
    amount_cents: i64,
    description: &str,
    evidence: &str,
) -> Result<std::result::Result<i64, SpendRefused>> {
    let mut tx = db.begin().await?;
    // Take the grant's row first, so two spendings at once are judged one after the other.
    sql::query("UPDATE in_grants SET amount_cents = amount_cents WHERE id = $1")
        .bind(grant_id)
        .execute(&mut tx)
        .await?;
    let row = sql::query(
        "SELECT g.amount_cents, g.initiative_id, g.granted_on, CAST(COALESCE((SELECT SUM(s.amount_cents) FROM in_spending s \
         WHERE s.grant_id = g.id), 0) AS BIGINT) AS spent FROM in_grants g JOIN in_initiatives i ON i.id = g.initiative_id \
         WHERE g.id = $1 AND i.corporation_id = $2",
    )
    .bind(grant_id)
    .bind(scope.org_id())
    .fetch_optional(&mut tx)
    .await?;
    let Some(row) = row else { return Ok(Err(SpendRefused::Unknown)) };
    let (granted, spent, initiative): (i64, i64, i64) =
        (row.try_get("amount_cents")?, row.try_get("spent")?, row.try_get("initiative_id")?);
    let granted_on = crate::overleg::date_from_text("granted_on", &row.try_get::<String, _>("granted_on")?)?;
    if on < granted_on {
        return Ok(Err(SpendRefused::BeforeGrant { granted_on }));
    }
    // Evidence is a receipt described well enough to find it again (number, supplier, where it is kept), not a dot.
    let has_evidence = evidence.trim().chars().count() >= MIN_EVIDENCE_CHARS;
    if let Err(block) = may_spend(granted, spent, amount_cents, has_evidence) {
        return Ok(Err(SpendRefused::Rule(block)));
    }
    sql::query(
        "INSERT INTO in_spending (grant_id, on_date, amount_cents, description, evidence, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(grant_id)
    .bind(date_to_text(on))
    .bind(amount_cents)
    .bind(description)
    .bind(evidence)
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "spend", "in_initiative", initiative.to_string());
    change.after = Some(json!({ "grant_id": grant_id, "amount_cents": amount_cents }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(initiative))
}
