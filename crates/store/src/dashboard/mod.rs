//! What the dashboard reads beyond each module's own lists: the organisation a user chose last, the work that waits
//! for an organisation where no module lists it as such, and recent changes with the names of what they changed.

mod waiting;

pub use waiting::{
    failed_mail, last_import_errors, new_join_requests, organisations_without_admin, pending_contributions,
    ImportErrors, JoinRequestsWaiting, PendingContributions,
};

use crate::audit::{self, Named};
use crate::sessions::hash_token;
use crate::sql::{self, Conn};
use crate::{timestamp, Db, Result};
use time::OffsetDateTime;
use volkshuis_domain::access::WriteScope;

/// The newest `limit` entries about the organisation of `scope` (its administrators' trail), with names.
pub async fn named_entries(db: &Db, scope: &WriteScope, limit: i64) -> Result<Vec<Named>> {
    audit::name_entries(db, audit::latest_of_org(db, scope.org_id(), limit).await?).await
}

/// The organisation the user chose last, while the user is still a member of it.
pub async fn remembered_org(db: &Db, user_id: i64) -> Result<Option<i64>> {
    Ok(sql::query_scalar(
        "SELECT r.org_id FROM remembered_orgs r \
         JOIN memberships m ON m.user_id = r.user_id AND m.org_id = r.org_id WHERE r.user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(db)
    .await?)
}

/// Remembers the user's choice of organisation, in the transaction that makes it (see
/// [`crate::sessions::set_active_org`]).
pub(crate) async fn remember_org(conn: Conn<'_>, user_id: i64, org_id: i64, at: OffsetDateTime) -> Result<()> {
    sql::query(
        "INSERT INTO remembered_orgs (user_id, org_id, chosen_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET org_id = excluded.org_id, chosen_at = excluded.chosen_at",
    )
    .bind(user_id)
    .bind(org_id)
    .bind(timestamp::to_unix(at))
    .execute(conn)
    .await?;
    Ok(())
}

/// Puts a session in the organisation the landing rule found for it, when the user chose none (a session started
/// before the user belonged anywhere, or whose organisation the user left). Not audited and not remembered: the
/// user chose nothing; a choice goes through [`crate::sessions::set_active_org`].
pub async fn land_session(db: &Db, token: &str, org_id: i64) -> Result<()> {
    sql::query("UPDATE sessions SET active_org_id = $1 WHERE token_hash = $2")
        .bind(org_id)
        .bind(hash_token(token))
        .execute(db)
        .await?;
    Ok(())
}
