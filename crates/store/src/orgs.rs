//! Organisations.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Exec, Result, StoreError, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;

/// An organisation as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Database id.
    pub id: i64,
    /// Unique short code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Kind of organisation.
    pub kind: OrgKind,
    /// When it was registered.
    pub created_at: OffsetDateTime,
}

/// The fields of a new or changed organisation, already parsed.
#[derive(Debug, Clone)]
pub struct OrgFields {
    /// Unique short code.
    pub code: OrgCode,
    /// Display name.
    pub name: Name,
    /// Kind.
    pub kind: OrgKind,
}

const COLUMNS: &str = "id, code, name, kind, created_at";

pub(crate) fn from_row(row: &sql::Row) -> Result<Organisation> {
    from_prefixed_row(row, "")
}

/// An organisation from columns named with a prefix (`org_id`, `org_name`, …), for queries that join it to a table
/// with the same column names.
pub(crate) fn from_prefixed_row(row: &sql::Row, prefix: &str) -> Result<Organisation> {
    let column = |name: &str| format!("{prefix}{name}");
    let kind: String = row.try_get(column("kind").as_str())?;
    Ok(Organisation {
        id: row.try_get(column("id").as_str())?,
        code: row.try_get(column("code").as_str())?,
        name: row.try_get(column("name").as_str())?,
        kind: OrgKind::parse(&kind).map_err(|_| StoreError::Corrupt { column: "organisations.kind", value: kind })?,
        created_at: timestamp::from_unix(row.try_get(column("created_at").as_str())?),
    })
}

fn snapshot(org: &Organisation) -> serde_json::Value {
    json!({ "code": org.code, "name": org.name, "kind": org.kind.code() })
}

/// Registers an organisation. Fails with [`StoreError::Duplicate`] when the code is taken.
pub async fn create(tx: &mut Tx, actor: &Actor, fields: &OrgFields) -> Result<Organisation> {
    let row = sql::query(&format!(
        "INSERT INTO organisations (code, name, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING {COLUMNS}"
    ))
    .bind(fields.code.as_str())
    .bind(fields.name.as_str())
    .bind(fields.kind.code())
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    let org = from_row(&row)?;
    let change = Change {
        org_id: Some(org.id),
        action: "create",
        entity: "organisation",
        entity_id: org.id.to_string(),
        before: None,
        after: Some(snapshot(&org)),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(org)
}

/// Changes an organisation's code, name and kind.
pub async fn update(tx: &mut Tx, actor: &Actor, id: i64, fields: &OrgFields) -> Result<Organisation> {
    let before = get_in(tx, id).await?.ok_or(StoreError::NotFound)?;
    let row = sql::query(&format!(
        "UPDATE organisations SET code = $1, name = $2, kind = $3 WHERE id = $4 RETURNING {COLUMNS}"
    ))
    .bind(fields.code.as_str())
    .bind(fields.name.as_str())
    .bind(fields.kind.code())
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let after = from_row(&row)?;
    let change = Change {
        org_id: Some(id),
        action: "update",
        entity: "organisation",
        entity_id: id.to_string(),
        before: Some(snapshot(&before)),
        after: Some(snapshot(&after)),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await?;
    Ok(after)
}

pub(crate) async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<Organisation>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM organisations WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// The kind of organisation `id`, on the pool or inside a transaction: `None` when there is no such organisation (or
/// its stored kind is not one this build knows). The one statement every module's "is it a …?" check reads.
pub async fn kind_of<'c>(on: impl sql::Exec<'c> + 'c, id: i64) -> Result<Option<OrgKind>> {
    let kind: Option<String> =
        sql::query_scalar("SELECT kind FROM organisations WHERE id = $1").bind(id).fetch_optional(on).await?;
    Ok(kind.and_then(|k| OrgKind::parse(&k).ok()))
}

/// One organisation by id (on the pool, or in a transaction that must not wait for a second connection).
pub async fn get<'c>(db: impl Exec<'c> + 'c, id: i64) -> Result<Option<Organisation>> {
    let row =
        sql::query(&format!("SELECT {COLUMNS} FROM organisations WHERE id = $1")).bind(id).fetch_optional(db).await?;
    row.as_ref().map(from_row).transpose()
}

/// One organisation by code.
pub async fn by_code(db: &Db, code: &OrgCode) -> Result<Option<Organisation>> {
    let row = sql::query(&format!("SELECT {COLUMNS} FROM organisations WHERE code = $1"))
        .bind(code.as_str())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Whether the platform has any organisation (an empty platform's first step is to make one).
pub async fn any(db: &Db) -> Result<bool> {
    let n: i64 =
        sql::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM organisations LIMIT 1) AS one").fetch_one(db).await?;
    Ok(n > 0)
}

/// Every organisation, by name.
pub async fn list(db: &Db) -> Result<Vec<Organisation>> {
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM organisations ORDER BY name, id")).fetch_all(db).await?;
    rows.iter().map(from_row).collect()
}
