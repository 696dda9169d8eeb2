//! The partner organisations a corporation refers soft signals to (ADR 0043, "referral partners"). A referral hands a
//! household's personal data to the partner, so the corporation's own administrators keep this list, one partner at
//! a time, each change audited; the referral form offers exactly these, and [`super::soft::refer`] checks the list
//! again in its transaction. Taking a partner off the list stops new referrals only: what was referred stays with the
//! partner until the tenant withdraws the consent or the referral's period ends.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Backend, Db, Result, Tx};
use serde_json::json;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::org::OrgKind;

/// The referral partners of the corporation of `scope`: `(organisation id, name)`, by name.
pub async fn referral_partners(db: &Db, scope: &ReadScope) -> Result<Vec<(i64, String)>> {
    let rows = sql::query(
        "SELECT o.id, o.name FROM sg_referral_partners r JOIN organisations o ON o.id = r.partner_id \
         WHERE r.corporation_id = $1 AND o.kind = 'partner' ORDER BY o.name, o.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}

/// Whether `partner_id` is on the referral list of `corporation_id` (read in the writing transaction; on PostgreSQL
/// the list's row is locked until it commits, so an administrator's removal cannot slip in between the check and the
/// referral — SQLite's writing transaction holds the whole database already). Only while it is a partner
/// organisation: one whose kind was changed since does not receive referrals (nor is it offered).
pub(super) async fn is_referral_partner(tx: &mut Tx, corporation_id: i64, partner_id: i64) -> Result<bool> {
    let lock = if tx.conn().backend() == Backend::Postgres { " FOR SHARE OF r" } else { "" };
    let found: Option<i64> = sql::query_scalar(&format!(
        "SELECT r.partner_id FROM sg_referral_partners r JOIN organisations o ON o.id = r.partner_id \
         WHERE r.corporation_id = $1 AND r.partner_id = $2 AND o.kind = 'partner'{lock}"
    ))
    .bind(corporation_id)
    .bind(partner_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(found.is_some())
}

/// What putting an organisation on the referral list did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// It is on the list now (and the change is audited).
    Added,
    /// It was on the list already: nothing written.
    AlreadyListed,
    /// It is no partner organisation (or no organisation): nothing written.
    NotAPartner,
}

/// Puts `partner_id` on the referral list of the corporation of `scope`. Adding one twice changes nothing and writes no
/// second audit entry; the answer says which happened, decided by the insert itself (so of two additions at once,
/// one is told "added" and the other "already listed").
pub async fn add_referral_partner(db: &Db, scope: &WriteScope, actor: &Actor, partner_id: i64) -> Result<Listing> {
    let mut tx = db.begin().await?;
    if crate::orgs::kind_of(&mut tx, partner_id).await? != Some(OrgKind::Partner) {
        return Ok(Listing::NotAPartner);
    }
    // Two additions at once (a double click) both get here on PostgreSQL: the second inserts nothing and writes no
    // second audit entry.
    let added = sql::query(
        "INSERT INTO sg_referral_partners (corporation_id, partner_id, added_by, added_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (corporation_id, partner_id) DO NOTHING",
    )
    .bind(scope.org_id())
    .bind(partner_id)
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    if added.rows_affected() == 0 {
        return Ok(Listing::AlreadyListed);
    }
    let mut change =
        Change::event(Some(scope.org_id()), "add_referral_partner", "sg_referral_partner", partner_id.to_string());
    change.after = Some(json!({ "partner": partner_id }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Listing::Added)
}

/// Takes `partner_id` off the referral list of the corporation of `scope`; `false` when it was not on it.
pub async fn remove_referral_partner(db: &Db, scope: &WriteScope, actor: &Actor, partner_id: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let done = sql::query("DELETE FROM sg_referral_partners WHERE corporation_id = $1 AND partner_id = $2")
        .bind(scope.org_id())
        .bind(partner_id)
        .execute(&mut tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let mut change =
        Change::event(Some(scope.org_id()), "remove_referral_partner", "sg_referral_partner", partner_id.to_string());
    change.before = Some(json!({ "partner": partner_id }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}
