//! A corporation's lists of partner organisations that may receive its tenants' personal data: the referral partners
//! of Signalering's soft signals (ADR 0043) and the koopcoach partners of Nazorg (ADR 0071). Either hands a
//! household's data to another organisation, so the corporation's own administrators keep each list, one partner at a
//! time, each change audited; the forms offer exactly the listed partners, and the writing transactions check the
//! list again. Taking a partner off a list stops new hand-overs only.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Backend, Db, Result, Tx};
use serde_json::json;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::org::OrgKind;

/// Which of a corporation's partner lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerList {
    /// Signalering: who soft signals may be referred to.
    Referral,
    /// Nazorg: whose staff may be a buyer's koopcoach.
    Koopcoach,
}

impl PartnerList {
    fn table(self) -> &'static str {
        match self {
            Self::Referral => "sg_referral_partners",
            Self::Koopcoach => "nz_coach_partners",
        }
    }

    /// The audit entry of putting `partner` on (`added`) or taking it off this list of corporation `org`: each
    /// list has its own action and entity, written out so that every pair the code writes can be read from it.
    fn change(self, added: bool, org: i64, partner: i64) -> Change<'static> {
        let (org, id) = (Some(org), partner.to_string());
        let mut change = match (self, added) {
            (Self::Referral, true) => Change::event(org, "add_referral_partner", "sg_referral_partner", id),
            (Self::Referral, false) => Change::event(org, "remove_referral_partner", "sg_referral_partner", id),
            (Self::Koopcoach, true) => Change::event(org, "add_coach_partner", "nz_coach_partner", id),
            (Self::Koopcoach, false) => Change::event(org, "remove_coach_partner", "nz_coach_partner", id),
        };
        let partner = Some(json!({ "partner": partner }));
        if added {
            change.after = partner;
        } else {
            change.before = partner;
        }
        change
    }
}

/// The partners on the corporation's `list`: `(organisation id, name)`, by name. Only partner organisations: one
/// whose kind was changed since is neither offered nor receives data.
pub async fn listed(db: &Db, list: PartnerList, scope: &ReadScope) -> Result<Vec<(i64, String)>> {
    let rows = sql::query(&format!(
        "SELECT o.id, o.name FROM {} r JOIN organisations o ON o.id = r.partner_id \
         WHERE r.corporation_id = $1 AND o.kind = 'partner' ORDER BY o.name, o.id",
        list.table()
    ))
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}

/// Whether `partner_id` is on `corporation_id`'s `list`, read in the writing transaction; on PostgreSQL the list's row
/// is locked until it commits, so an administrator's removal cannot slip in between the check and the hand-over
/// (SQLite's writing transaction holds the whole database already).
pub(crate) async fn is_listed(tx: &mut Tx, list: PartnerList, corporation_id: i64, partner_id: i64) -> Result<bool> {
    let lock = if tx.conn().backend() == Backend::Postgres { " FOR SHARE OF r" } else { "" };
    let found: Option<i64> = sql::query_scalar(&format!(
        "SELECT r.partner_id FROM {} r JOIN organisations o ON o.id = r.partner_id \
         WHERE r.corporation_id = $1 AND r.partner_id = $2 AND o.kind = 'partner'{lock}",
        list.table()
    ))
    .bind(corporation_id)
    .bind(partner_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(found.is_some())
}

/// What putting an organisation on a list did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// It is on the list now (and the change is audited).
    Added,
    /// It was on the list already: nothing written.
    AlreadyListed,
    /// It is no partner organisation (or no organisation): nothing written.
    NotAPartner,
}

/// Puts `partner_id` on the `list` of the corporation of `scope`. Adding one twice changes nothing and writes no second
/// audit entry; the answer says which happened, decided by the insert itself (of two additions at once, one is told
/// "added" and the other "already listed").
pub async fn add(db: &Db, list: PartnerList, scope: &WriteScope, actor: &Actor, partner_id: i64) -> Result<Listing> {
    let mut tx = db.begin().await?;
    if crate::orgs::kind_of(&mut tx, partner_id).await? != Some(OrgKind::Partner) {
        return Ok(Listing::NotAPartner);
    }
    let added = sql::query(&format!(
        "INSERT INTO {} (corporation_id, partner_id, added_by, added_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (corporation_id, partner_id) DO NOTHING",
        list.table()
    ))
    .bind(scope.org_id())
    .bind(partner_id)
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    if added.rows_affected() == 0 {
        return Ok(Listing::AlreadyListed);
    }
    audit::record(tx.conn(), actor, list.change(true, scope.org_id(), partner_id)).await?;
    tx.commit().await?;
    Ok(Listing::Added)
}

/// Takes `partner_id` off the `list` of the corporation of `scope`; `false` when it was not on it.
pub async fn remove(db: &Db, list: PartnerList, scope: &WriteScope, actor: &Actor, partner_id: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let done = sql::query(&format!("DELETE FROM {} WHERE corporation_id = $1 AND partner_id = $2", list.table()))
        .bind(scope.org_id())
        .bind(partner_id)
        .execute(&mut tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(tx.conn(), actor, list.change(false, scope.org_id(), partner_id)).await?;
    tx.commit().await?;
    Ok(true)
}
