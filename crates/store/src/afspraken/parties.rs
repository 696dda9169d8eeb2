//! The parties of a cycle: who may be one (suggested from the stock and the Overleg partnerships), who leads the
//! phases, and the signatures.

use super::cycles::CycleRef;
use crate::audit::{self, Actor, Change};
use crate::orgs::{self, Organisation};
use crate::overleg::date_to_text;
use crate::sql::{self, Exec};
use crate::{timestamp, Result, StoreError, Tx};
use serde_json::json;
use time::{Date, OffsetDateTime};
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::afspraken::Phase;
use volkshuis_domain::org::OrgKind;

/// An organisation that may be a party of a cycle for a gemeente, and why.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The organisation.
    pub org: Organisation,
    /// Its homes in use in the gemeente (corporations; 0 for the others and for a declared area only; parking places
    /// and other units that are no home are not counted, see `bezit::is_home`).
    pub units: i64,
    /// For a tenant organisation: the corporations in the gemeente it is the Overleg partner of.
    pub via: Vec<String>,
}

/// Who may be a party for `gemeente_code`: the municipalities that carry the code, every corporation with units in
/// use there or that declared it (with its units there), and the tenant organisations that are the accepted Overleg
/// partner of one of those corporations.
pub async fn candidate_parties<'c, E: Exec<'c>>(db: E, gemeente_code: &str) -> Result<Vec<Candidate>> {
    // One statement, so it runs on a pool or inside the opening transaction alike. The corporations' units are
    // counted per corporation through the (corporation_id, gemeente_code) index.
    let rows = sql::query(&format!(
        "WITH corps AS ( \
           SELECT o.id, (SELECT COUNT(*) FROM units u WHERE u.corporation_id = o.id AND u.gemeente_code = $1 \
                         AND u.in_use = 1 AND {homes}) AS units \
           FROM organisations o WHERE o.kind = $2 AND (EXISTS (SELECT 1 FROM units u WHERE u.corporation_id = o.id \
                 AND u.gemeente_code = $1 AND u.in_use = 1) \
              OR EXISTS (SELECT 1 FROM org_gemeenten g WHERE g.org_id = o.id AND g.gemeente_code = $1))) \
         SELECT o.id, o.code, o.name, o.kind, o.created_at, CAST(c.units AS BIGINT) AS units, NULL AS via \
           FROM organisations o JOIN corps c ON c.id = o.id \
         UNION ALL \
         SELECT o.id, o.code, o.name, o.kind, o.created_at, CAST(0 AS BIGINT), NULL FROM organisations o \
           WHERE o.kind = $3 AND EXISTS (SELECT 1 FROM org_gemeenten g WHERE g.org_id = o.id AND g.gemeente_code = $1) \
         UNION ALL \
         SELECT o.id, o.code, o.name, o.kind, o.created_at, CAST(0 AS BIGINT), k.name \
           FROM overleg_partners p JOIN corps c ON c.id = p.corporation_id \
           JOIN organisations o ON o.id = p.tenant_org_id JOIN organisations k ON k.id = p.corporation_id \
           WHERE p.accepted_at IS NOT NULL \
         ORDER BY 4, 3, 1",
        homes = super::facts::home_condition("u.soort"),
    ))
    .bind(gemeente_code)
    .bind(OrgKind::Corporation.code())
    .bind(OrgKind::Municipality.code())
    .fetch_all(db)
    .await?;
    let mut out: Vec<Candidate> = Vec::new();
    for row in &rows {
        let org = orgs::from_row(row)?;
        let units: i64 = row.try_get("units")?;
        let via: Option<String> = row.try_get("via")?;
        match out.iter_mut().find(|c| c.org.id == org.id) {
            Some(known) => known.via.extend(via),
            None => out.push(Candidate { org, units, via: via.into_iter().collect() }),
        }
    }
    // Municipality first, then corporations, then tenant organisations: the order of the parties in the law.
    out.sort_by_key(|c| (kind_order(c.org.kind), c.org.name.clone()));
    Ok(out)
}

fn kind_order(kind: OrgKind) -> u8 {
    match kind {
        OrgKind::Municipality => 0,
        OrgKind::Corporation => 1,
        OrgKind::TenantOrganisation => 2,
        _ => 3,
    }
}

/// A party of a cycle.
#[derive(Debug, Clone)]
pub struct Party {
    /// The organisation.
    pub org: Organisation,
    /// When it signed.
    pub signed_at: Option<OffsetDateTime>,
    /// Who signed for it (name and function), as typed.
    pub signed_by: Option<String>,
    /// The account that recorded the signature (the typed name is free text).
    pub signed_by_account: Option<String>,
}

/// The parties of a cycle opened for one of them: the municipality first, then corporations, then tenant
/// organisations.
pub async fn parties<'c>(db: impl Exec<'c> + 'c, cycle: &CycleRef) -> Result<Vec<Party>> {
    let cycle_id = cycle.id;
    let rows = sql::query(
        "SELECT o.id, o.code, o.name, o.kind, o.created_at, p.signed_at, p.signed_by_name, u.name AS account \
         FROM pa_parties p JOIN organisations o ON o.id = p.org_id LEFT JOIN users u ON u.id = p.signed_by_user \
         WHERE p.cycle_id = $1 ORDER BY o.name, o.id",
    )
    .bind(cycle_id)
    .fetch_all(db)
    .await?;
    let mut parties = rows
        .iter()
        .map(|r| {
            Ok(Party {
                org: orgs::from_row(r)?,
                signed_at: r.try_get::<Option<i64>, _>("signed_at")?.map(timestamp::from_unix),
                signed_by: r.try_get("signed_by_name")?,
                signed_by_account: r.try_get("account")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    parties.sort_by_key(|p| kind_order(p.org.kind));
    Ok(parties)
}

/// `NotFound` unless `org_id` is a party of the cycle.
pub(super) async fn ensure_party(tx: &mut Tx, org_id: i64, cycle_id: i64) -> Result<()> {
    let found: Option<i64> = sql::query_scalar("SELECT 1 FROM pa_parties WHERE cycle_id = $1 AND org_id = $2")
        .bind(cycle_id)
        .bind(org_id)
        .fetch_optional(&mut *tx)
        .await?;
    found.map(|_| ()).ok_or(StoreError::NotFound)
}

/// The party that walks the phases: the municipality (the law gives it the lead in its housing policy); a cycle
/// without a municipality on the platform is led by the organisation that opened it.
pub(super) async fn lead_of(tx: &mut Tx, cycle_id: i64) -> Result<i64> {
    let municipality: Option<i64> = sql::query_scalar(
        "SELECT p.org_id FROM pa_parties p JOIN organisations o ON o.id = p.org_id \
         WHERE p.cycle_id = $1 AND o.kind = $2 ORDER BY p.org_id LIMIT 1",
    )
    .bind(cycle_id)
    .bind(OrgKind::Municipality.code())
    .fetch_optional(&mut *tx)
    .await?;
    match municipality {
        Some(id) => Ok(id),
        None => Ok(sql::query_scalar("SELECT opened_by FROM pa_cycles WHERE id = $1")
            .bind(cycle_id)
            .fetch_one(&mut *tx)
            .await?),
    }
}

/// The party of `scope` signs the agreements, in the signing phase, by `signed_by` (name and function). When the
/// last party signs, the text is locked and monitoring begins. `NotFound` for a non-party; `Ok(false)` outside the
/// signing phase or when it signed already.
pub async fn sign(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    cycle_id: i64,
    signed_by: &str,
    today: Date,
) -> Result<bool> {
    ensure_party(tx, scope.org_id(), cycle_id).await?;
    let phase: String =
        sql::query_scalar("SELECT phase FROM pa_cycles WHERE id = $1").bind(cycle_id).fetch_one(&mut *tx).await?;
    if phase != Phase::Ondertekening.code() {
        return Ok(false);
    }
    let done = sql::query(
        "UPDATE pa_parties SET signed_at = $1, signed_by_user = $2, signed_by_name = $3 \
         WHERE cycle_id = $4 AND org_id = $5 AND signed_at IS NULL",
    )
    .bind(timestamp::to_unix(actor.at))
    .bind(actor.user_id)
    .bind(signed_by)
    .bind(cycle_id)
    .bind(scope.org_id())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let mut change = Change::event(Some(scope.org_id()), "sign", "pa_cycle", cycle_id.to_string());
    change.after = Some(json!({ "signed_by": signed_by }));
    audit::record(tx.conn(), actor, change).await?;
    let unsigned: i64 = sql::query_scalar("SELECT COUNT(*) FROM pa_parties WHERE cycle_id = $1 AND signed_at IS NULL")
        .bind(cycle_id)
        .fetch_one(&mut *tx)
        .await?;
    if unsigned == 0 {
        sql::query("UPDATE pa_cycles SET phase = $1, phase_since = $2, signed_on = $2 WHERE id = $3")
            .bind(Phase::Monitoring.code())
            .bind(date_to_text(today))
            .bind(cycle_id)
            .execute(&mut *tx)
            .await?;
        let mut change = Change::event(Some(scope.org_id()), "signed", "pa_cycle", cycle_id.to_string());
        change.after = Some(json!({ "phase": Phase::Monitoring.code() }));
        audit::record(tx.conn(), actor, change).await?;
    }
    Ok(true)
}
