//! The re-valuation of stored contributions when the valuation rules change (ADR 0026): every contribution valued
//! under older rules (`valuation_version` below [`VALUATION_VERSION`]) is valued again with the domain's rules, its
//! value per year rewritten, each change of value kept in the contract's trail (`sr_value_changes`, old → new and
//! why) and in the audit log, and the contract sums and the buyer's yearly totals recomputed from the contributions.
//!
//! It runs at start-up (`volkshuis serve` and `volkshuis migrate`), in one transaction: a crash leaves everything as
//! it was, and the next start does it again. A second run finds nothing to do.
//!
//! A settled contract is closed: the buyer judged its figures when it settled (did the supplier do all it could, a
//! repair term), so its contributions keep the values that judgement saw. They keep their older version too: a
//! settlement stands (the platform offers no way to reopen one), so only a contract whose settlement was cleared in
//! the database directly is valued again at the next start.

use super::contributions::{write_years, VALUATION_VERSION};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_from_text;
use crate::sql;
use crate::{timestamp, Backend, Db, Result, StoreError, Tx};
use serde_json::json;
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::socialreturn::table::ValuationTable;
use volkshuis_domain::socialreturn::valuation::{revalue, Period, Valuation};

/// Why the values changed in the re-valuation to version 2 (a key the web layer words in the user's language).
pub const REASON_MONTHS_AND_PERIOD: &str = "months_and_contract_period";
/// Why the values changed in the re-valuation to version 3: a counted-months cap from the 29th to the 31st of a
/// month ends on the last day of a month that lacks that day, not a day earlier (ADR 0026).
pub const REASON_COUNTED_MONTHS_END: &str = "counted_months_end";

/// Why a row valued under `version` changed: the first rule change it missed.
fn reason(version: i64) -> &'static str {
    if version < 2 {
        REASON_MONTHS_AND_PERIOD
    } else {
        REASON_COUNTED_MONTHS_END
    }
}

/// What a re-valuation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Revalued {
    /// Contributions valued again.
    pub revalued: u64,
    /// Of those, how many changed value.
    pub changed: u64,
    /// The sum of the changes (new minus old).
    pub delta: Money,
    /// Contributions of settled contracts, kept at the value (and version) they were settled with.
    pub settled_kept: u64,
}

/// One change of a stored value, for the contract's trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueChange {
    /// The contribution.
    pub contribution_id: i64,
    /// The value before.
    pub old: Money,
    /// The value after.
    pub new: Money,
    /// Why ([`REASON_MONTHS_AND_PERIOD`], [`REASON_COUNTED_MONTHS_END`]).
    pub reason: String,
    /// When.
    pub at: time::OffsetDateTime,
}

/// Values again every contribution valued under older rules; see the module documentation.
pub async fn revalue_stored(db: &Db, actor: &Actor) -> Result<Revalued> {
    let mut tx = db.begin().await?;
    if db.backend() == Backend::Postgres {
        // Several servers may start at once: one re-values, the others wait and then find nothing to do.
        sql::query("SELECT pg_advisory_xact_lock(7326)").execute(&mut tx).await?;
    }
    let rows = sql::query(
        "SELECT k.id, k.contract_id, k.body, k.value_cents, k.year, k.valuation_version, c.buyer_id, c.table_id, \
         c.starts_on, c.ends_on, c.settled_on \
         FROM sr_contributions k JOIN sr_contracts c ON c.id = k.contract_id \
         WHERE k.valuation_version < $1 ORDER BY k.id",
    )
    .bind(VALUATION_VERSION)
    .fetch_all(&mut tx)
    .await?;
    let mut done = Revalued::default();
    let mut tables: HashMap<i64, ValuationTable> = HashMap::new();
    let mut contracts = BTreeSet::new();
    let mut buyers = BTreeSet::new();
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let contract_id: i64 = row.try_get("contract_id")?;
        let buyer_id: i64 = row.try_get("buyer_id")?;
        let old: i64 = row.try_get("value_cents")?;
        let body: String = row.try_get("body")?;
        if row.try_get::<Option<String>, _>("settled_on")?.is_some() {
            done.settled_kept += 1;
            continue;
        }
        let contribution: Contribution = serde_json::from_str(&body)
            .map_err(|_| StoreError::Corrupt { column: "sr_contributions.body", value: id.to_string() })?;
        let table_id: i64 = row.try_get("table_id")?;
        if let Entry::Vacant(slot) = tables.entry(table_id) {
            slot.insert(table_in(&mut tx, table_id).await?);
        }
        let period = Period {
            start: date_from_text("starts_on", &row.try_get::<String, _>("starts_on")?)?,
            end: date_from_text("ends_on", &row.try_get::<String, _>("ends_on")?)?,
        };
        let valuation = match revalue(&tables[&table_id], &contribution, period) {
            Ok(v) => v,
            Err(error) => {
                // Valued once under this table, so this cannot happen; should it, the value stays as it was.
                tracing::warn!(contribution = id, %error, "a stored contribution could not be valued again; kept");
                let year: i64 = row.try_get("year")?;
                let year = i32::try_from(year).unwrap_or_default();
                mark_kept(&mut tx, id, year, old).await?;
                continue;
            }
        };
        write(&mut tx, id, &valuation).await?;
        done.revalued += 1;
        let new = valuation.value.cents();
        if new != old {
            done.changed += 1;
            done.delta = Money::from_cents(done.delta.cents() + new - old);
            let why = reason(row.try_get("valuation_version")?);
            record_change(&mut tx, actor, (buyer_id, contract_id, id), (old, new), why).await?;
        }
        contracts.insert(contract_id);
        buyers.insert(buyer_id);
    }
    for contract_id in contracts {
        recount_contract(&mut tx, contract_id).await?;
    }
    for buyer_id in buyers {
        rebuild_totals(&mut tx, buyer_id).await?;
    }
    tx.commit().await?;
    if done.revalued > 0 {
        let delta_cents = done.delta.cents();
        tracing::info!(done.revalued, done.changed, delta_cents, done.settled_kept, "social return re-valued");
    }
    Ok(done)
}

/// A table version, read in the re-valuation's transaction.
async fn table_in(tx: &mut Tx, id: i64) -> Result<ValuationTable> {
    let body: String =
        sql::query_scalar("SELECT body FROM sr_tables WHERE id = $1").bind(id).fetch_one(&mut *tx).await?;
    serde_json::from_str(&body).map_err(|e| StoreError::Corrupt { column: "sr_tables.body", value: e.to_string() })
}

async fn write(tx: &mut Tx, id: i64, valuation: &Valuation) -> Result<()> {
    sql::query(
        "UPDATE sr_contributions SET value_cents = $1, lines = $2, year = $3, valuation_version = $4 WHERE id = $5",
    )
    .bind(valuation.value.cents())
    .bind(serde_json::to_string(&valuation.lines).unwrap_or_default())
    .bind(i64::from(valuation.first_year()))
    .bind(VALUATION_VERSION)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    write_years(tx, id, valuation).await
}

/// A contribution that could not be valued again keeps its value, booked in its year.
async fn mark_kept(tx: &mut Tx, id: i64, year: i32, cents: i64) -> Result<()> {
    let kept =
        Valuation { value: Money::from_cents(cents), lines: Vec::new(), years: vec![(year, Money::from_cents(cents))] };
    write_years(tx, id, &kept).await?;
    sql::query("UPDATE sr_contributions SET valuation_version = $1 WHERE id = $2")
        .bind(VALUATION_VERSION)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

async fn record_change(
    tx: &mut Tx,
    actor: &Actor,
    (buyer_id, contract_id, id): (i64, i64, i64),
    (old, new): (i64, i64),
    reason: &str,
) -> Result<()> {
    sql::query(
        "INSERT INTO sr_value_changes (contract_id, contribution_id, old_cents, new_cents, reason, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(contract_id)
    .bind(id)
    .bind(old)
    .bind(new)
    .bind(reason)
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    let mut change = Change::event(Some(buyer_id), "revalue", "sr_contribution", id.to_string());
    change.before = Some(json!({ "value_cents": old }));
    change.after = Some(json!({ "value_cents": new, "reason": reason, "contract_id": contract_id }));
    audit::record(tx.conn(), actor, change).await
}

/// A contract's approved and pending sums, from its contributions.
async fn recount_contract(tx: &mut Tx, contract_id: i64) -> Result<()> {
    sql::query(
        "UPDATE sr_contracts SET \
         approved_cents = CAST(COALESCE((SELECT SUM(value_cents) FROM sr_contributions \
           WHERE contract_id = $1 AND status = 'approved'), 0) AS BIGINT), \
         pending_cents = CAST(COALESCE((SELECT SUM(value_cents) FROM sr_contributions \
           WHERE contract_id = $1 AND status = 'pending'), 0) AS BIGINT) \
         WHERE id = $1",
    )
    .bind(contract_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A buyer's yearly totals, from its approved contributions' values per year (each counted once, in its first year).
async fn rebuild_totals(tx: &mut Tx, buyer_id: i64) -> Result<()> {
    sql::query("DELETE FROM sr_totals WHERE buyer_id = $1").bind(buyer_id).execute(&mut *tx).await?;
    sql::query(
        "INSERT INTO sr_totals (buyer_id, supplier_id, year, target_group, kind, approved_cents, approved_count) \
         SELECT c.buyer_id, c.supplier_id, y.year, k.target_group, k.kind, CAST(SUM(y.value_cents) AS BIGINT), \
         CAST(SUM(CASE WHEN y.year = k.year THEN 1 ELSE 0 END) AS BIGINT) \
         FROM sr_contribution_years y JOIN sr_contributions k ON k.id = y.contribution_id \
         JOIN sr_contracts c ON c.id = k.contract_id \
         WHERE c.buyer_id = $1 AND k.status = 'approved' \
         GROUP BY c.buyer_id, c.supplier_id, y.year, k.target_group, k.kind",
    )
    .bind(buyer_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The changes of stored values on a contract the caller opened, oldest first.
pub async fn value_changes(db: &Db, contract: &super::Contract) -> Result<Vec<ValueChange>> {
    let rows = sql::query(
        "SELECT contribution_id, old_cents, new_cents, reason, changed_at FROM sr_value_changes \
         WHERE contract_id = $1 ORDER BY id",
    )
    .bind(contract.id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ValueChange {
                contribution_id: r.try_get("contribution_id")?,
                old: Money::from_cents(r.try_get("old_cents")?),
                new: Money::from_cents(r.try_get("new_cents")?),
                reason: r.try_get("reason")?,
                at: timestamp::from_unix(r.try_get("changed_at")?),
            })
        })
        .collect()
}
