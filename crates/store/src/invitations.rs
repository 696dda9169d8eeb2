//! Invitations to an organisation: an organisation's administrator invites an e-mail address; the person becomes a
//! member only by accepting (or declines). Adding someone to an organisation without asking is not possible here.

use crate::audit::{self, Actor, Change};
use crate::orgs::Organisation;
use crate::sql;
use crate::users::{role_from, set_membership};
use crate::{timestamp, Db, Result, Tx};
use serde_json::json;
use time::{Duration, OffsetDateTime};
use volkshuis_domain::access::Role;

/// How long an invitation can be accepted.
pub const VALID_FOR: Duration = Duration::days(14);

/// An open invitation, as its invitee sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// Database id.
    pub id: i64,
    /// The organisation that invites.
    pub org: Organisation,
    /// The role offered.
    pub role: Role,
    /// Until when it can be accepted.
    pub expires_at: OffsetDateTime,
}

/// The invitee's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Become a member with the role offered.
    Accept,
    /// No membership.
    Decline,
}

/// Invites a user into an organisation with a role (an open invitation to the same pair is replaced: new role, new
/// term). Returns the invitation's id.
pub async fn invite(tx: &mut Tx, actor: &Actor, org_id: i64, user_id: i64, role: Role) -> Result<i64> {
    let now = timestamp::to_unix(actor.at);
    sql::query("DELETE FROM invitations WHERE org_id = $1 AND user_id = $2 AND answered_at IS NULL")
        .bind(org_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO invitations (org_id, user_id, role, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(role.code())
    .bind(actor.user_id)
    .bind(now)
    .bind(timestamp::to_unix(actor.at + VALID_FOR))
    .fetch_one(&mut *tx)
    .await?;
    let change = Change {
        after: Some(json!({ "user_id": user_id, "role": role.code() })),
        ..Change::event(Some(org_id), "create", "invitation", id.to_string())
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(id)
}

/// A user's open invitations (not answered, not expired), oldest first.
pub async fn open_for(db: &Db, user_id: i64, now: OffsetDateTime) -> Result<Vec<Invitation>> {
    let rows = sql::query(
        "SELECT i.id AS invitation_id, i.role, i.expires_at, o.id, o.code, o.name, o.kind, o.created_at \
         FROM invitations i JOIN organisations o ON o.id = i.org_id \
         WHERE i.user_id = $1 AND i.answered_at IS NULL AND i.expires_at > $2 ORDER BY i.id",
    )
    .bind(user_id)
    .bind(timestamp::to_unix(now))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Invitation {
                id: row.try_get("invitation_id")?,
                org: crate::orgs::from_row(row)?,
                role: role_from(row.try_get("role")?)?,
                expires_at: timestamp::from_unix(row.try_get("expires_at")?),
            })
        })
        .collect()
}

/// Answers an open invitation of this user; accepting makes the membership, in the same transaction. Returns the
/// organisation's id, or `None` when there is no such open invitation for this user (another's, answered, expired).
/// Conditional on `answered_at IS NULL`, so two answers at once cannot both count.
pub async fn answer(tx: &mut Tx, actor: &Actor, id: i64, user_id: i64, answer: Answer) -> Result<Option<i64>> {
    let accepted = i64::from(answer == Answer::Accept);
    let row = sql::query(
        "UPDATE invitations SET answered_at = $1, accepted = $2 \
         WHERE id = $3 AND user_id = $4 AND answered_at IS NULL AND expires_at > $1 RETURNING org_id, role",
    )
    .bind(timestamp::to_unix(actor.at))
    .bind(accepted)
    .bind(id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let org_id: i64 = row.try_get("org_id")?;
    let role = role_from(row.try_get("role")?)?;
    let action = if accepted == 1 { "accept" } else { "decline" };
    audit::record(tx.conn(), actor, Change::event(Some(org_id), action, "invitation", id.to_string())).await?;
    if answer == Answer::Accept {
        set_membership(tx, actor, user_id, org_id, role).await?;
    }
    Ok(Some(org_id))
}

/// An open invitation, as the inviting organisation sees it: the address invited, never the account's own details
/// (its name would tell the adder that the address had an account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Database id.
    pub id: i64,
    /// The address invited.
    pub email: String,
    /// The role offered.
    pub role: Role,
    /// Until when it can be accepted.
    pub expires_at: OffsetDateTime,
}

/// An organisation's open invitations (not answered, not expired), by address.
pub async fn open_of_org(db: &Db, org_id: i64, now: OffsetDateTime) -> Result<Vec<Pending>> {
    let rows = sql::query(
        "SELECT i.id, u.email, i.role, i.expires_at FROM invitations i JOIN users u ON u.id = i.user_id \
         WHERE i.org_id = $1 AND i.answered_at IS NULL AND i.expires_at > $2 ORDER BY u.email",
    )
    .bind(org_id)
    .bind(timestamp::to_unix(now))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Pending {
                id: row.try_get("id")?,
                email: row.try_get("email")?,
                role: role_from(row.try_get("role")?)?,
                expires_at: timestamp::from_unix(row.try_get("expires_at")?),
            })
        })
        .collect()
}

/// Withdraws an open invitation of the organisation: it can no longer be accepted, and the invitee's notice of it
/// goes. Returns the invitee's account, `None` when there is no such open invitation (answered, withdrawn already,
/// another organisation's).
pub async fn withdraw(tx: &mut Tx, actor: &Actor, org_id: i64, id: i64) -> Result<Option<i64>> {
    let row = sql::query(
        "DELETE FROM invitations WHERE id = $1 AND org_id = $2 AND answered_at IS NULL RETURNING user_id, role",
    )
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let user_id: i64 = row.try_get("user_id")?;
    let role: String = row.try_get("role")?;
    withdraw_notices(tx, user_id, org_id).await?;
    let change = Change {
        before: Some(json!({ "user_id": user_id, "role": role })),
        ..Change::event(Some(org_id), "withdraw", "invitation", id.to_string())
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(Some(user_id))
}

/// Whether the account has nothing left to come for: no membership and no open invitation (an account made for an
/// invitation that was withdrawn).
pub async fn nothing_open(tx: &mut Tx, user_id: i64, now: OffsetDateTime) -> Result<bool> {
    let n: i64 = sql::query_scalar(
        "SELECT (SELECT COUNT(*) FROM memberships WHERE user_id = $1) \
              + (SELECT COUNT(*) FROM invitations WHERE user_id = $1 AND answered_at IS NULL AND expires_at > $2)",
    )
    .bind(user_id)
    .bind(timestamp::to_unix(now))
    .fetch_one(&mut *tx)
    .await?;
    Ok(n == 0)
}

/// Closes the open invitation of a user to an organisation whose membership is set otherwise (the platform's
/// administrator adds them; a role changed on the organisation's page): accepted later, it would overwrite the role
/// set since. Each closed invitation is in the audit log, as a withdrawal.
pub(crate) async fn close_for_member(tx: &mut Tx, actor: &Actor, user_id: i64, org_id: i64) -> Result<()> {
    let closed: Vec<(i64, String)> = sql::query_as(
        "DELETE FROM invitations WHERE user_id = $1 AND org_id = $2 AND answered_at IS NULL RETURNING id, role",
    )
    .bind(user_id)
    .bind(org_id)
    .fetch_all(&mut *tx)
    .await?;
    if !closed.is_empty() {
        withdraw_notices(tx, user_id, org_id).await?;
    }
    for (id, role) in closed {
        let change = Change {
            before: Some(json!({ "user_id": user_id, "role": role })),
            ..Change::event(Some(org_id), "withdraw", "invitation", id.to_string())
        };
        audit::record(tx.conn(), actor, change).await?;
    }
    Ok(())
}

/// The invitee's notices that the organisation invites them.
async fn withdraw_notices(tx: &mut Tx, user_id: i64, org_id: i64) -> Result<()> {
    sql::query("DELETE FROM notifications WHERE user_id = $1 AND org_id = $2 AND link = '/invitations'")
        .bind(user_id)
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
