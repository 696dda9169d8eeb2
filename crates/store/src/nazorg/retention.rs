//! Deleting a buyer's personal data when the domain's rule says its time has come
//! ([`volkshuis_domain::nazorg::retention`], ADR 0066): the name, e-mail and phone on the sale, the answers and costs
//! of the talk before it, the koopcoach's log, the notes and follow-up actions of the checks, a buy-back's valuation
//! note and dispute; the koopcoach is no longer assigned. What the figures count (the sale, the checks' answers and
//! dates) stays. The audit log records how many per corporation, never whose.

use crate::audit::{self, Actor, Change};
use crate::nazorg::{date, opt_date};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result};
use serde_json::json;
use std::collections::BTreeMap;
use time::{Date, Duration};
use volkshuis_domain::nazorg::retention::{buyer_data_deleted_on, Aftercare};
use volkshuis_domain::nazorg::sale::SaleCondition;

/// The sales that may be due on the day `keep_days` after `$1`: not purged yet, and either bought back by then, or a
/// plain sale of then whose checks all fell due and were done by then (exactly the domain rule's end of aftercare).
/// The domain rule decides on each; this only spares the hourly run the sales still in their aftercare.
const CANDIDATES: &str = "FROM nz_sales s WHERE s.buyer_deleted_on IS NULL \
     AND (s.bought_back_on <= $1 OR (s.bought_back_on IS NULL AND s.sale_condition = $2 AND s.sold_on <= $1 \
     AND NOT EXISTS (SELECT 1 FROM nz_checks c WHERE c.sale_id = s.id AND (c.due_on > $1 OR c.done_on > $1))))";

/// Deletes the buyer data of every sale whose day has come on `today`; returns how many buyers.
pub async fn purge(db: &Db, today: Date, keep_days: i64, actor: &Actor) -> Result<u64> {
    let cutoff = date_to_text(today - Duration::days(keep_days.max(0)));
    let mut tx = db.begin().await?;
    let sales = sql::query(&format!(
        "SELECT s.id, s.corporation_id, s.sold_on, s.sale_condition, s.bought_back_on {CANDIDATES} ORDER BY s.id"
    ))
    .bind(&cutoff)
    .bind(SaleCondition::None.code())
    .fetch_all(&mut tx)
    .await?;
    if sales.is_empty() {
        return Ok(0);
    }
    let check_rows = sql::query(&format!(
        "SELECT k.sale_id, k.due_on, k.done_on FROM nz_checks k WHERE k.sale_id IN (SELECT s.id {CANDIDATES})"
    ))
    .bind(&cutoff)
    .bind(SaleCondition::None.code())
    .fetch_all(&mut tx)
    .await?;
    let mut checks: BTreeMap<i64, Vec<(Date, Option<Date>)>> = BTreeMap::new();
    for row in &check_rows {
        checks.entry(row.try_get("sale_id")?).or_default().push((date(row, "due_on")?, opt_date(row, "done_on")?));
    }
    let mut per_corporation: BTreeMap<i64, i64> = BTreeMap::new();
    let day = date_to_text(today);
    for row in &sales {
        let id: i64 = row.try_get("id")?;
        let condition: String = row.try_get("sale_condition")?;
        let facts = Aftercare {
            sold_on: date(row, "sold_on")?,
            condition: SaleCondition::parse(&condition).unwrap_or(SaleCondition::Koopgarant),
            bought_back_on: opt_date(row, "bought_back_on")?,
            checks: checks.remove(&id).unwrap_or_default(),
        };
        if buyer_data_deleted_on(&facts, keep_days).is_none_or(|on| on > today) {
            continue;
        }
        sql::query(
            "UPDATE nz_sales SET buyer_name = '', buyer_email = NULL, buyer_phone = NULL, buyer_deleted_on = $1, \
             coach_org_id = NULL, coach_user_id = NULL WHERE id = $2",
        )
        .bind(&day)
        .bind(id)
        .execute(&mut tx)
        .await?;
        sql::query(
            "UPDATE nz_talks SET answers = '[]', owning_monthly_cents = 0, rent_monthly_cents = 0 WHERE sale_id = $1",
        )
        .bind(id)
        .execute(&mut tx)
        .await?;
        sql::query("DELETE FROM nz_coach_log WHERE sale_id = $1").bind(id).execute(&mut tx).await?;
        sql::query("UPDATE nz_checks SET notes = NULL WHERE sale_id = $1").bind(id).execute(&mut tx).await?;
        // The follow-up actions are free text about the buyer ("bellen over de betalingsregeling"), as are a
        // buy-back's valuation note and dispute.
        sql::query("DELETE FROM nz_actions WHERE check_id IN (SELECT id FROM nz_checks WHERE sale_id = $1)")
            .bind(id)
            .execute(&mut tx)
            .await?;
        sql::query("UPDATE nz_buybacks SET valuation_note = NULL, dispute = NULL WHERE sale_id = $1")
            .bind(id)
            .execute(&mut tx)
            .await?;
        *per_corporation.entry(row.try_get("corporation_id")?).or_default() += 1;
    }
    let mut purged = 0;
    for (corporation, n) in per_corporation {
        let mut change = Change::event(Some(corporation), "purge_personal", "nz_sales", "retention".into());
        change.after = Some(json!({ "buyers": n }));
        audit::record(tx.conn(), actor, change).await?;
        purged += u64::try_from(n).unwrap_or(0);
    }
    tx.commit().await?;
    Ok(purged)
}
