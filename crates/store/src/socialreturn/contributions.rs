//! Contributions reported by a supplier and decided by the buyer. Every decision moves the contract's sums and
//! the portfolio totals in the same transaction.

use super::contracts::Contract;
use super::{names, Relation};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::{Date, OffsetDateTime};
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::socialreturn::valuation::{CalculationLine, Valuation};

/// Where a contribution stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Waiting for the buyer.
    Pending,
    /// Counts towards the obligation.
    Approved,
    /// Does not count.
    Rejected,
}

impl Status {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
        }
    }

    fn parse(code: &str) -> Result<Self> {
        match code {
            "pending" => Ok(Status::Pending),
            "approved" => Ok(Status::Approved),
            "rejected" => Ok(Status::Rejected),
            other => Err(StoreError::Corrupt { column: "sr_contributions.status", value: other.to_owned() }),
        }
    }
}

/// A contribution as listed on its contract.
#[derive(Debug, Clone)]
pub struct ContributionRow {
    /// Database id.
    pub id: i64,
    /// What was reported.
    pub contribution: Contribution,
    /// Its value under the contract's table.
    pub value: Money,
    /// The calculation (typed lines; rows stored before the lines were typed hold Dutch text lines).
    pub lines: Vec<CalculationLine>,
    /// Status.
    pub status: Status,
    /// The buyer's reason.
    pub reason: Option<String>,
    /// Who reported it, when.
    pub reported_by: String,
    /// When.
    pub reported_at: OffsetDateTime,
    /// Who decided.
    pub decided_by: Option<String>,
    /// The complex of the tenant it employs (shown to buyer and coordinator only).
    pub tenant_cluster: Option<String>,
}

/// The supplier of the contract reports a contribution, valued by the caller under the contract's table; with an
/// optional candidate name (personal data, see [`names`]).
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// contract.
pub async fn report(
    tx: &mut Tx,
    _scope: &WriteScope,
    contract: &Contract,
    actor: &Actor,
    contribution: &Contribution,
    valuation: &Valuation,
    name: Option<&str>,
) -> Result<i64> {
    if contract.relation != Relation::Supplier {
        return Err(StoreError::NotFound);
    }
    refuse_settled(tx, contract.id).await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO sr_contributions (contract_id, kind, body, value_cents, lines, target_group, year, status, \
         reported_by, reported_at, valuation_version) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10) \
         RETURNING id",
    )
    .bind(contract.id)
    .bind(contribution.kind_code())
    .bind(serde_json::to_string(contribution).unwrap_or_default())
    .bind(valuation.value.cents())
    .bind(serde_json::to_string(&valuation.lines).unwrap_or_default())
    .bind(contribution.target_group().map(|g| g.code()).unwrap_or(""))
    .bind(i64::from(valuation.first_year()))
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .bind(VALUATION_VERSION)
    .fetch_one(&mut *tx)
    .await?;
    write_years(tx, id, valuation).await?;
    sql::query("UPDATE sr_contracts SET pending_cents = pending_cents + $1 WHERE id = $2")
        .bind(valuation.value.cents())
        .bind(contract.id)
        .execute(&mut *tx)
        .await?;
    if let Some(name) = name {
        names::store(tx, id, name, actor.at).await?;
    }
    let mut change = Change::event(Some(contract.supplier_id), "report", "sr_contribution", id.to_string());
    change.after = Some(
        json!({ "contract_id": contract.id, "kind": contribution.kind_code(), "value_cents": valuation.value.cents() }),
    );
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// A settled contract's figures stand as the supplier was told them: [`StoreError::Conflict`] for a report or a
/// decision after the settlement. The check is a write on the contract's row, so it holds the row until the caller
/// commits: a settlement recorded meanwhile waits for it (and then sees the report), or went first and is seen here.
async fn refuse_settled(tx: &mut Tx, contract_id: i64) -> Result<()> {
    let open = sql::query("UPDATE sr_contracts SET settled_on = settled_on WHERE id = $1 AND settled_on IS NULL")
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;
    if open.rows_affected() > 0 {
        return Ok(());
    }
    let exists: Option<i64> = sql::query_scalar("SELECT id FROM sr_contracts WHERE id = $1")
        .bind(contract_id)
        .fetch_optional(&mut *tx)
        .await?;
    Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound })
}

/// Keeps the token of the form a contribution was reported from; [`StoreError::Duplicate`] when another
/// contribution to the same contract came from that form (a double click or a second tab sent it twice: the caller
/// rolls the second back). Run in the report's transaction.
pub async fn keep_form_token(tx: &mut Tx, contribution_id: i64, token: &str) -> Result<()> {
    sql::query("UPDATE sr_contributions SET form_token = $1 WHERE id = $2")
        .bind(token)
        .bind(contribution_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The rules the stored values are computed by: 2 is by calendar months within the contract period (ADR 0026); 3
/// ends a counted-months cap from the 29th to the 31st on the last day of a month that lacks that day (ADR 0026,
/// December 2026). Rows with a lower version are re-valued at start-up ([`super::revalue`]).
pub const VALUATION_VERSION: i64 = 3;

/// Writes a contribution's value per calendar year (replacing any before).
pub(super) async fn write_years(tx: &mut Tx, contribution_id: i64, valuation: &Valuation) -> Result<()> {
    sql::query("DELETE FROM sr_contribution_years WHERE contribution_id = $1")
        .bind(contribution_id)
        .execute(&mut *tx)
        .await?;
    for (year, value) in &valuation.years {
        sql::query("INSERT INTO sr_contribution_years (contribution_id, year, value_cents) VALUES ($1, $2, $3)")
            .bind(contribution_id)
            .bind(i64::from(*year))
            .bind(value.cents())
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// The contributions on a contract, newest first. Which placements employ the buyer's own tenants (and in which
/// complex) is personal data shown to the buyer and the coordinator only, and only with `with_persons` (the reader
/// edits there as a member; not a read-only member, not the platform's operator): such a read is written to the
/// audit log.
pub async fn contributions(
    db: &Db,
    contract: &Contract,
    actor: &Actor,
    with_persons: bool,
) -> Result<Vec<ContributionRow>> {
    let rows = sql::query(
        "SELECT id, body, value_cents, lines, status, reason, reported_by, reported_at, decided_by, tenant_cluster \
         FROM sr_contributions WHERE contract_id = $1 ORDER BY id DESC",
    )
    .bind(contract.id)
    .fetch_all(db)
    .await?;
    let rows = rows
        .iter()
        .map(|row| {
            let body: String = row.try_get("body")?;
            let lines: String = row.try_get("lines")?;
            let corrupt = |column| move |_| StoreError::Corrupt { column, value: String::new() };
            Ok(ContributionRow {
                id: row.try_get("id")?,
                contribution: serde_json::from_str(&body).map_err(corrupt("sr_contributions.body"))?,
                value: Money::from_cents(row.try_get("value_cents")?),
                lines: serde_json::from_str(&lines).map_err(corrupt("sr_contributions.lines"))?,
                status: Status::parse(&row.try_get::<String, _>("status")?)?,
                reason: row.try_get("reason")?,
                reported_by: row.try_get("reported_by")?,
                reported_at: timestamp::from_unix(row.try_get("reported_at")?),
                decided_by: row.try_get("decided_by")?,
                tenant_cluster: if contract.relation == Relation::Supplier || !with_persons {
                    None
                } else {
                    row.try_get("tenant_cluster")?
                },
            })
        })
        .collect::<Result<Vec<ContributionRow>>>()?;
    let tenants = rows.iter().filter(|r| r.tenant_cluster.is_some()).count();
    if tenants > 0 {
        let reader = match contract.relation {
            Relation::Coordinator => contract.coordinator_id.unwrap_or(contract.buyer_id),
            _ => contract.buyer_id,
        };
        let mut change = Change::event(Some(reader), "read_personal", "sr_tenant_marks", contract.id.to_string());
        change.personal_data = true;
        change.after = Some(json!({ "tenants": tenants }));
        let mut tx = db.begin().await?;
        audit::record(tx.conn(), actor, change).await?;
        tx.commit().await?;
    }
    Ok(rows)
}

/// The buyer approves or rejects a pending contribution; a decided one is a `Conflict`.
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// contract.
pub async fn decide(
    tx: &mut Tx,
    _scope: &WriteScope,
    contract: &Contract,
    actor: &Actor,
    contribution_id: i64,
    approve: bool,
    reason: Option<&str>,
) -> Result<()> {
    if contract.relation != Relation::Buyer {
        return Err(StoreError::NotFound);
    }
    refuse_settled(tx, contract.id).await?;
    let status = if approve { Status::Approved } else { Status::Rejected };
    let row = sql::query(
        "UPDATE sr_contributions SET status = $1, reason = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5 AND contract_id = $6 AND status = 'pending' \
         RETURNING value_cents, kind, target_group, year, tenant_cluster",
    )
    .bind(status.code())
    .bind(reason)
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .bind(contribution_id)
    .bind(contract.id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        let exists: Option<i64> =
            sql::query_scalar("SELECT id FROM sr_contributions WHERE id = $1 AND contract_id = $2")
                .bind(contribution_id)
                .bind(contract.id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound });
    };
    let value: i64 = row.try_get("value_cents")?;
    let approved = if approve { value } else { 0 };
    sql::query("UPDATE sr_contracts SET pending_cents = pending_cents - $1, approved_cents = approved_cents + $2 WHERE id = $3")
        .bind(value)
        .bind(approved)
        .bind(contract.id)
        .execute(&mut *tx)
        .await?;
    if approve {
        // Booked in the years it ran in, by its months; counted once, in its first year.
        let year: i64 = row.try_get("year")?;
        let mut parts: Vec<(i64, i64)> =
            sql::query("SELECT year, value_cents FROM sr_contribution_years WHERE contribution_id = $1 ORDER BY year")
                .bind(contribution_id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("year")?, r.try_get("value_cents")?)))
                .collect::<Result<_>>()?;
        if parts.is_empty() {
            parts.push((year, value));
        }
        for (part_year, cents) in parts {
            sql::query(
                "INSERT INTO sr_totals (buyer_id, supplier_id, year, target_group, kind, approved_cents, approved_count) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (buyer_id, supplier_id, year, target_group, kind) DO UPDATE SET \
                 approved_cents = sr_totals.approved_cents + excluded.approved_cents, \
                 approved_count = sr_totals.approved_count + excluded.approved_count",
            )
            .bind(contract.buyer_id)
            .bind(contract.supplier_id)
            .bind(part_year)
            .bind(row.try_get::<String, _>("target_group")?)
            .bind(row.try_get::<String, _>("kind")?)
            .bind(cents)
            .bind(i64::from(part_year == year))
            .execute(&mut *tx)
            .await?;
        }
        if let Some(cluster) = row.try_get::<Option<String>, _>("tenant_cluster")? {
            count_tenant_job(tx, contract.buyer_id, &cluster).await?;
        }
    }
    let mut change =
        Change::event(Some(contract.buyer_id), status.code(), "sr_contribution", contribution_id.to_string());
    change.after = Some(json!({ "reason": reason }));
    audit::record(tx.conn(), actor, change).await
}

/// Whether `code` is a complex in the stock of the organisation of `scope` (the tenant form checks it first, to
/// name the field).
pub async fn own_cluster(db: &Db, scope: &ReadScope, code: &str) -> Result<bool> {
    let id: Option<i64> = sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
        .bind(scope.org_id())
        .bind(code)
        .fetch_optional(db)
        .await?;
    Ok(id.is_some())
}

/// The buyer records that a placement employs one of its own tenants (with the tenant's consent, given on
/// `consent_on`), living in complex `cluster`.
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// contract.
pub async fn mark_tenant(
    tx: &mut Tx,
    _scope: &WriteScope,
    contract: &Contract,
    actor: &Actor,
    contribution_id: i64,
    cluster: &str,
    consent_on: Date,
) -> Result<()> {
    if contract.relation != Relation::Buyer {
        return Err(StoreError::NotFound);
    }
    // The complex must be one of the buyer's own (a typed code is checked like an id).
    let own: Option<i64> = sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 AND code = $2")
        .bind(contract.buyer_id)
        .bind(cluster)
        .fetch_optional(&mut *tx)
        .await?;
    if own.is_none() {
        return Err(StoreError::NotFound);
    }
    let status: Option<String> = sql::query_scalar(
        "UPDATE sr_contributions SET tenant_cluster = $1, tenant_consent_on = $2 \
         WHERE id = $3 AND contract_id = $4 AND kind = 'placement' AND tenant_cluster IS NULL RETURNING status",
    )
    .bind(cluster)
    .bind(date_to_text(consent_on))
    .bind(contribution_id)
    .bind(contract.id)
    .fetch_optional(&mut *tx)
    .await?;
    match status.as_deref() {
        None => return Err(StoreError::NotFound),
        Some("approved") => count_tenant_job(tx, contract.buyer_id, cluster).await?,
        Some(_) => {} // Counted when approved.
    }
    let mut change =
        Change::event(Some(contract.buyer_id), "mark_tenant", "sr_contribution", contribution_id.to_string());
    change.after = Some(json!({ "cluster": cluster, "consent_on": date_to_text(consent_on) }));
    change.personal_data = true;
    audit::record(tx.conn(), actor, change).await
}

/// One more approved placement of the buyer's own tenant in a complex.
async fn count_tenant_job(tx: &mut Tx, buyer_id: i64, cluster: &str) -> Result<()> {
    sql::query(
        "INSERT INTO sr_tenant_totals (buyer_id, cluster, jobs) VALUES ($1, $2, 1) \
         ON CONFLICT (buyer_id, cluster) DO UPDATE SET jobs = sr_tenant_totals.jobs + 1",
    )
    .bind(buyer_id)
    .bind(cluster)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
