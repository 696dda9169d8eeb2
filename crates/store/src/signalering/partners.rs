//! The partner organisations a corporation refers soft signals to (ADR 0043, "referral partners"): the corporation's
//! [`PartnerList::Referral`] (see [`crate::partner_lists`]). The referral form offers exactly these, and
//! [`super::soft::refer`] checks the list again in its transaction. Taking a partner off the list stops new referrals
//! only: what was referred stays with the partner until the tenant withdraws the consent or the referral's period
//! ends.

use crate::audit::Actor;
use crate::partner_lists::{self, PartnerList};
use crate::{Db, Result, Tx};
use volkshuis_domain::access::{ReadScope, WriteScope};

pub use crate::partner_lists::Listing;

/// The referral partners of the corporation of `scope`: `(organisation id, name)`, by name.
pub async fn referral_partners(db: &Db, scope: &ReadScope) -> Result<Vec<(i64, String)>> {
    partner_lists::listed(db, PartnerList::Referral, scope).await
}

/// Whether `partner_id` is on the referral list of `corporation_id` (read, and on PostgreSQL locked, in the writing
/// transaction).
pub(super) async fn is_referral_partner(tx: &mut Tx, corporation_id: i64, partner_id: i64) -> Result<bool> {
    partner_lists::is_listed(tx, PartnerList::Referral, corporation_id, partner_id).await
}

/// Puts `partner_id` on the referral list of the corporation of `scope`.
pub async fn add_referral_partner(db: &Db, scope: &WriteScope, actor: &Actor, partner_id: i64) -> Result<Listing> {
    partner_lists::add(db, PartnerList::Referral, scope, actor, partner_id).await
}

/// Takes `partner_id` off the referral list of the corporation of `scope`; `false` when it was not on it.
pub async fn remove_referral_partner(db: &Db, scope: &WriteScope, actor: &Actor, partner_id: i64) -> Result<bool> {
    partner_lists::remove(db, PartnerList::Referral, scope, actor, partner_id).await
}
