//! API tokens of an organisation: created and revoked by its administrators, shown once, stored hashed.

use crate::audit::{self, Actor, Change};
use crate::sessions::{hash_token, new_token};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::text::Name;

/// Every token starts with this, so a leaked one is recognisable (and findable by secret scanners).
pub const PREFIX: &str = "vh_";

/// A token as listed (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Database id.
    pub id: i64,
    /// What it is for.
    pub name: String,
    /// When and by whom it was made.
    pub created_at: OffsetDateTime,
    /// Who made it.
    pub created_by: String,
    /// Last use.
    pub last_used_at: Option<OffsetDateTime>,
    /// When it was revoked.
    pub revoked_at: Option<OffsetDateTime>,
    /// Whether it was given the right to bring in Signalering's arrears ledger.
    pub may_bring_ledger: bool,
    /// Whether that right lapsed: its maker is no longer an administrator of the organisation.
    pub ledger_lapsed: bool,
}

/// Whether a token `t`'s maker is an active administrator of its organisation, as 1 or 0 (the administrator's role
/// code bound at placeholder `$placeholder`). A deactivated account keeps its memberships, not the right.
fn maker_is_admin(placeholder: usize) -> String {
    format!(
        "CAST(CASE WHEN EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id AND u.active = 1 \
         WHERE m.user_id = t.created_by_user_id AND m.org_id = t.org_id AND m.role = ${placeholder}) \
         THEN 1 ELSE 0 END AS BIGINT) AS maker_is_admin"
    )
}

/// Creates a token for the organisation of `scope`, reading only or (`may_bring_ledger`) also bringing in
/// Signalering's arrears ledger; returns its id and the secret (shown once).
pub async fn create(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    name: &Name,
    may_bring_ledger: bool,
    form_token: Option<&str>,
) -> Result<(i64, String)> {
    let secret = format!("{PREFIX}{}", new_token());
    let mut tx = db.begin().await?;
    let id: i64 = sql::query_scalar(
        "INSERT INTO api_tokens (org_id, name, token_hash, created_at, created_by, may_bring_ledger, \
         created_by_user_id, form_token) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(name.as_str())
    .bind(hash_token(&secret))
    .bind(timestamp::to_unix(actor.at))
    .bind(&actor.label)
    .bind(i64::from(may_bring_ledger))
    .bind(actor.user_id)
    .bind(form_token)
    .fetch_one(&mut tx)
    .await?;
    let change = Change {
        org_id: Some(scope.org_id()),
        action: "create",
        entity: "api_token",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "name": name.as_str(), "ledger": may_bring_ledger })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok((id, secret))
}

/// Revokes a token of the organisation; `NotFound` when it is not theirs or already revoked.
pub async fn revoke(db: &Db, scope: &WriteScope, actor: &Actor, id: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    let done = sql::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND org_id = $3 AND revoked_at IS NULL")
        .bind(timestamp::to_unix(actor.at))
        .bind(id)
        .bind(scope.org_id())
        .execute(&mut tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let change = Change::event(Some(scope.org_id()), "revoke", "api_token", id.to_string());
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The organisation's tokens, newest first.
pub async fn list(db: &Db, scope: &ReadScope) -> Result<Vec<Token>> {
    let rows = sql::query(&format!(
        "SELECT t.id, t.name, t.created_at, t.created_by, t.last_used_at, t.revoked_at, t.may_bring_ledger, {} \
         FROM api_tokens t WHERE t.org_id = $1 ORDER BY t.id DESC",
        maker_is_admin(2)
    ))
    .bind(scope.org_id())
    .bind(volkshuis_domain::access::Role::Admin.code())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Token {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: timestamp::from_unix(r.try_get("created_at")?),
                created_by: r.try_get("created_by")?,
                last_used_at: r.try_get::<Option<i64>, _>("last_used_at")?.map(timestamp::from_unix),
                revoked_at: r.try_get::<Option<i64>, _>("revoked_at")?.map(timestamp::from_unix),
                may_bring_ledger: r.try_get::<i64, _>("may_bring_ledger")? != 0,
                ledger_lapsed: r.try_get::<i64, _>("maker_is_admin")? == 0,
            })
        })
        .collect()
}

/// A live token, as a request authenticated with its secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authenticated {
    /// The token.
    pub id: i64,
    /// Its name, as its maker gave it (the audit log names the token by it).
    pub name: String,
    /// Its organisation.
    pub org_id: i64,
    /// Whether it may bring in Signalering's arrears ledger.
    pub may_bring_ledger: bool,
    /// Whether it was given that right, which does not work while its maker is not an active administrator.
    pub ledger_lapsed: bool,
}

/// The token behind a secret, if it is live. Notes the use (at most once a minute).
pub async fn authenticate(db: &Db, secret: &str, now: OffsetDateTime) -> Result<Option<Authenticated>> {
    if !secret.starts_with(PREFIX) {
        return Ok(None);
    }
    // The right to bring in the ledger holds while the token's maker is an administrator of its organisation.
    let row = sql::query(&format!(
        "SELECT t.id, t.name, t.org_id, t.last_used_at, t.may_bring_ledger, {} FROM api_tokens t \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        maker_is_admin(2)
    ))
    .bind(hash_token(secret))
    .bind(volkshuis_domain::access::Role::Admin.code())
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let (id, org): (i64, i64) = (row.try_get("id")?, row.try_get("org_id")?);
    let given = row.try_get::<i64, _>("may_bring_ledger")? != 0;
    let maker_is_admin = row.try_get::<i64, _>("maker_is_admin")? != 0;
    let (may_bring_ledger, ledger_lapsed) = (given && maker_is_admin, given && !maker_is_admin);
    let last: Option<i64> = row.try_get("last_used_at")?;
    if last.is_none_or(|l| timestamp::to_unix(now) - l >= 60) {
        sql::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(timestamp::to_unix(now))
            .bind(id)
            .execute(db)
            .await?;
    }
    Ok(Some(Authenticated { id, name: row.try_get("name")?, org_id: org, may_bring_ledger, ledger_lapsed }))
}
