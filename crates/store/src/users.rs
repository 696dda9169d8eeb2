//! Users and their memberships of organisations.

use crate::audit::{self, Actor, Change};
use crate::orgs::Organisation;
use crate::sql::{self, Conn};
use crate::{timestamp, Db, Exec, Result, StoreError, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::access::{Membership, Role};
use volkshuis_domain::account::Email;
use volkshuis_domain::text::Name;

/// A user account. The password hash is read only by [`credentials`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Database id.
    pub id: i64,
    /// Login and mail address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Whether the user administers the whole platform.
    pub is_platform_admin: bool,
    /// Preferred UI language (`nl` or `en`).
    pub locale: String,
    /// Whether the account may log in.
    pub active: bool,
    /// When the account was created.
    pub created_at: OffsetDateTime,
}

/// A new account, already parsed; the password already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login and mail address.
    pub email: Email,
    /// Display name.
    pub name: Name,
    /// An argon2 PHC string.
    pub password_hash: String,
    /// Whether the user administers the whole platform.
    pub is_platform_admin: bool,
}

const COLUMNS: &str = "id, email, name, is_platform_admin, locale, active, created_at";

pub(crate) fn from_row(row: &sql::Row) -> Result<User> {
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        is_platform_admin: row.try_get::<i64, _>("is_platform_admin")? != 0,
        locale: row.try_get("locale")?,
        active: row.try_get::<i64, _>("active")? != 0,
        created_at: timestamp::from_unix(row.try_get("created_at")?),
    })
}

fn snapshot(user: &User) -> serde_json::Value {
    json!({ "email": user.email, "name": user.name, "is_platform_admin": user.is_platform_admin,
            "active": user.active, "locale": user.locale })
}

/// Creates an account. Fails with [`StoreError::Duplicate`] when the address is taken.
pub async fn create(tx: &mut Tx, actor: &Actor, new: &NewUser) -> Result<User> {
    let row = sql::query(&format!(
        "INSERT INTO users (email, name, password_hash, is_platform_admin, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
    ))
    .bind(new.email.as_str())
    .bind(new.name.as_str())
    .bind(&new.password_hash)
    .bind(i64::from(new.is_platform_admin))
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let user = from_row(&row)?;
    let change = Change {
        org_id: None,
        action: "create",
        entity: "user",
        entity_id: user.id.to_string(),
        before: None,
        after: Some(snapshot(&user)),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(user)
}

/// The changeable profile fields of an account.
#[derive(Debug, Clone)]
pub struct UserUpdate {
    /// Display name.
    pub name: Name,
    /// Whether the user administers the whole platform.
    pub is_platform_admin: bool,
    /// Whether the account may log in.
    pub active: bool,
}

/// Changes name, platform-admin flag and active flag. Deactivating an account ends its sessions.
pub async fn update(tx: &mut Tx, actor: &Actor, id: i64, update: &UserUpdate) -> Result<User> {
    let before = get_in(tx, id).await?.ok_or(StoreError::NotFound)?;
    let row = sql::query(&format!(
        "UPDATE users SET name = $1, is_platform_admin = $2, active = $3 WHERE id = $4 RETURNING {COLUMNS}"
    ))
    .bind(update.name.as_str())
    .bind(i64::from(update.is_platform_admin))
    .bind(i64::from(update.active))
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let after = from_row(&row)?;
    if !after.active {
        sql::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
    }
    let change = Change {
        org_id: None,
        action: "update",
        entity: "user",
        entity_id: id.to_string(),
        before: Some(snapshot(&before)),
        after: Some(snapshot(&after)),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(after)
}

/// Replaces the password hash, ends every session of the user (a reset must log out a thief) and makes the user's
/// other reset links useless (one of them may be in the thief's hands).
pub async fn set_password(tx: &mut Tx, actor: &Actor, id: i64, password_hash: &str) -> Result<()> {
    let done = sql::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    sql::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
    crate::resets::revoke_unused(tx, id).await?;
    let change = Change::event(None, "set_password", "user", id.to_string());
    audit::record(tx.conn(), actor, change).await
}

/// Stores the user's preferred language.
pub async fn set_locale(tx: &mut Tx, actor: &Actor, id: i64, locale: &str) -> Result<()> {
    let before: Option<String> =
        sql::query_scalar("SELECT locale FROM users WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?;
    let before = before.ok_or(StoreError::NotFound)?;
    sql::query("UPDATE users SET locale = $1 WHERE id = $2").bind(locale).bind(id).execute(&mut *tx).await?;
    let change = Change {
        org_id: None,
        action: "update",
        entity: "user_locale",
        entity_id: id.to_string(),
        before: Some(json!({ "locale": before })),
        after: Some(json!({ "locale": locale })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await
}

async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<User>> {
    let row =
        sql::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1")).bind(id).fetch_optional(&mut *tx).await?;
    row.as_ref().map(from_row).transpose()
}

/// One user by id (on the pool, or in a transaction that must not wait for a second connection).
pub async fn get<'c>(db: impl Exec<'c> + 'c, id: i64) -> Result<Option<User>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1")).bind(id).fetch_optional(db).await?;
    row.as_ref().map(from_row).transpose()
}

/// One user by e-mail address.
pub async fn by_email(db: &Db, email: &Email) -> Result<Option<User>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM users WHERE email = $1"))
        .bind(email.as_str())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// The user and password hash for a login attempt.
pub async fn credentials(db: &Db, email: &str) -> Result<Option<(User, String)>> {
    let row = sql::query(&format!("SELECT {COLUMNS}, password_hash FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(db)
        .await?;
    row.map(|row| Ok((from_row(&row)?, row.try_get("password_hash")?))).transpose()
}

/// Every user, by name.
pub async fn list(db: &Db) -> Result<Vec<User>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM users ORDER BY name, id")).fetch_all(db).await?;
    rows.iter().map(from_row).collect()
}

pub(crate) fn role_from(text: String) -> Result<Role> {
    Role::parse(&text).map_err(|_| StoreError::Corrupt { column: "memberships.role", value: text })
}

/// The stored role code of a membership, if there is one.
async fn stored_role(conn: Conn<'_>, user_id: i64, org_id: i64) -> Result<Option<String>> {
    Ok(sql::query_scalar("SELECT role FROM memberships WHERE user_id = $1 AND org_id = $2")
        .bind(user_id)
        .bind(org_id)
        .fetch_optional(conn)
        .await?)
}

/// Gives a user a role in an organisation, or changes it.
pub async fn set_membership(tx: &mut Tx, actor: &Actor, user_id: i64, org_id: i64, role: Role) -> Result<()> {
    let before = stored_role(tx.conn(), user_id, org_id).await?;
    // A member now: an invitation still open would, accepted later, overwrite this role.
    crate::invitations::close_for_member(tx, actor, user_id, org_id).await?;
    sql::query(
        "INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, org_id) DO UPDATE SET role = excluded.role",
    )
    .bind(user_id)
    .bind(org_id)
    .bind(role.code())
    .execute(&mut *tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => StoreError::NotFound,
        _ => StoreError::from(e),
    })?;
    let change = Change {
        org_id: Some(org_id),
        action: if before.is_some() { "update" } else { "create" },
        entity: "membership",
        entity_id: format!("{user_id}:{org_id}"),
        before: before.map(|r| json!({ "role": r })),
        after: Some(json!({ "role": role.code() })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await
}

/// Whether `user_id` is the only administrator of the organisation with an active account, read in the writing
/// transaction: then demoting or removing them would leave nobody to invite, change roles or read the read log. On
/// PostgreSQL the administrators' rows are locked until the transaction ends, so two administrators demoting each other
/// at once do not both pass (SQLite's writing transaction holds the whole database already).
pub async fn is_only_admin(tx: &mut Tx, user_id: i64, org_id: i64) -> Result<bool> {
    let lock = if tx.conn().backend() == crate::Backend::Postgres { " FOR UPDATE OF m" } else { "" };
    let admins: Vec<i64> = sql::query_scalar(&format!(
        "SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 AND m.role = 'admin' AND u.active = 1 ORDER BY m.user_id{lock}"
    ))
    .bind(org_id)
    .fetch_all(&mut *tx)
    .await?;
    Ok(admins == [user_id])
}

/// Ends a user's membership of an organisation.
pub async fn remove_membership(tx: &mut Tx, actor: &Actor, user_id: i64, org_id: i64) -> Result<()> {
    let before = stored_role(tx.conn(), user_id, org_id).await?;
    let before = before.ok_or(StoreError::NotFound)?;
    sql::query("DELETE FROM memberships WHERE user_id = $1 AND org_id = $2")
        .bind(user_id)
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    // What the organisation told its member is no longer theirs to read: not in the app, not in the evening's digest.
    sql::query("DELETE FROM notifications WHERE user_id = $1 AND org_id = $2")
        .bind(user_id)
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    let change = Change {
        org_id: Some(org_id),
        action: "delete",
        entity: "membership",
        entity_id: format!("{user_id}:{org_id}"),
        before: Some(json!({ "role": before })),
        after: None,
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await
}

/// The user's membership of one organisation, if any.
pub async fn membership(db: &Db, user_id: i64, org_id: i64) -> Result<Option<Membership>> {
    let mut conn = db.acquire().await?;
    let role = stored_role(conn.conn(), user_id, org_id).await?;
    role.map(|r| Ok(Membership { user_id, org_id, role: role_from(r)? })).transpose()
}

/// The organisations a user belongs to, with the role in each, by organisation name.
pub async fn organisations_of(db: &Db, user_id: i64) -> Result<Vec<(Organisation, Role)>> {
    let rows = sql::query(
        "SELECT o.id, o.code, o.name, o.kind, o.created_at, m.role FROM memberships m \
         JOIN organisations o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY o.name, o.id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| Ok((crate::orgs::from_row(row)?, role_from(row.try_get("role")?)?))).collect()
}

/// The members of an organisation, with their roles, by name (on the pool or in a transaction).
pub async fn members_of<'c>(db: impl Exec<'c> + 'c, org_id: i64) -> Result<Vec<(User, Role)>> {
    let rows = sql::query(
        "SELECT u.id, u.email, u.name, u.is_platform_admin, u.locale, u.active, u.created_at, m.role \
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.name, u.id",
    )
    .bind(org_id)
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| Ok((from_row(row)?, role_from(row.try_get("role")?)?))).collect()
}
