//! Reaching the achterban without handing over addresses: the corporation imports its tenants' contact data; a
//! group writes a message; the corporation approves it; the message goes by e-mail where there is an address and onto
//! a letter list for the rest. The group only ever sees the counts.

use super::groups::Group;
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, StoreError, Tx};
use std::collections::HashMap;
use volkshuis_domain::access::{ReadScope, WriteScope};

/// One tenant's contact as imported: the unit's own id in the corporation's system, a name, an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRow {
    /// The unit's `idExtern`.
    pub id_extern: String,
    /// Name for the letter.
    pub name: String,
    /// E-mail address, if the corporation has one.
    pub email: Option<String>,
}

/// Replaces the corporation's contact data with the imported rows, all or nothing. Rows whose unit is unknown are
/// returned by their index (the caller reports them with their line) and nothing is written when there are any.
pub async fn import_contacts(db: &Db, scope: &WriteScope, actor: &Actor, rows: &[ContactRow]) -> Result<Vec<usize>> {
    let mut tx = db.begin().await?;
    let units: HashMap<String, i64> = sql::query("SELECT id_extern, id FROM units WHERE corporation_id = $1")
        .bind(scope.org_id())
        .fetch_all(&mut tx)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id_extern")?, r.try_get("id")?)))
        .collect::<Result<_>>()?;
    let unknown: Vec<usize> =
        rows.iter().enumerate().filter(|(_, r)| !units.contains_key(&r.id_extern)).map(|(i, _)| i).collect();
    if !unknown.is_empty() {
        return Ok(unknown);
    }
    sql::query("DELETE FROM tenant_contacts WHERE corporation_id = $1").bind(scope.org_id()).execute(&mut tx).await?;
    for row in rows {
        sql::query(
            "INSERT INTO tenant_contacts (unit_id, corporation_id, name, email, imported_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (unit_id) DO UPDATE SET name = excluded.name, email = excluded.email",
        )
        .bind(units[&row.id_extern])
        .bind(scope.org_id())
        .bind(&row.name)
        .bind(&row.email)
        .bind(timestamp::to_unix(actor.at))
        .execute(&mut tx)
        .await?;
    }
    let mut change = Change::event(Some(scope.org_id()), "import", "tenant_contacts", scope.org_id().to_string());
    change.after = Some(serde_json::json!({ "rows": rows.len() }));
    change.personal_data = true;
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Vec::new())
}

/// How many of the corporation's units have contact data, and how many an e-mail address.
pub async fn contact_counts(db: &Db, scope: &ReadScope) -> Result<(i64, i64)> {
    let row = sql::query(
        "SELECT COUNT(*) AS n, SUM(CASE WHEN email IS NULL THEN 0 ELSE 1 END) AS e FROM tenant_contacts WHERE corporation_id = $1",
    )
    .bind(scope.org_id())
    .fetch_one(db)
    .await?;
    Ok((row.try_get("n")?, row.try_get::<Option<i64>, _>("e")?.unwrap_or(0)))
}

/// A group's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Database id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// The group's name.
    pub group_name: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// `submitted`, `approved`, `rejected`.
    pub status: String,
    /// The corporation's reason for a rejection.
    pub reason: Option<String>,
    /// Who wrote it.
    pub written_by: String,
    /// Sent by e-mail (after approval).
    pub emailed: i64,
    /// On the letter list.
    pub letters: i64,
}

const SELECT: &str = "SELECT m.id, m.group_id, g.name AS group_name, m.subject, m.body, m.status, m.reason, \
     m.written_by, m.emailed, m.letters FROM part_messages m JOIN part_groups g ON g.id = m.group_id";

fn from_row(r: &sql::Row) -> Result<Message> {
    Ok(Message {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        group_name: r.try_get("group_name")?,
        subject: r.try_get("subject")?,
        body: r.try_get("body")?,
        status: r.try_get("status")?,
        reason: r.try_get("reason")?,
        written_by: r.try_get("written_by")?,
        emailed: r.try_get("emailed")?,
        letters: r.try_get("letters")?,
    })
}

/// A group writes a message for the corporation to approve.
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// group.
pub async fn submit_message(
    tx: &mut Tx,
    _scope: &WriteScope,
    actor: &Actor,
    group: &Group,
    subject: &str,
    body: &str,
) -> Result<i64> {
    Ok(sql::query_scalar(
        "INSERT INTO part_messages (group_id, corporation_id, subject, body, status, written_by, written_at) \
         VALUES ($1, $2, $3, $4, 'submitted', $5, $6) RETURNING id",
    )
    .bind(group.id)
    .bind(group.corporation_id)
    .bind(subject)
    .bind(body)
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?)
}

/// A group's messages, newest first.
pub async fn messages_of_group(db: &Db, group: &Group) -> Result<Vec<Message>> {
    let rows =
        sql::query(&format!("{SELECT} WHERE m.group_id = $1 ORDER BY m.id DESC")).bind(group.id).fetch_all(db).await?;
    rows.iter().map(from_row).collect()
}

/// The messages in the stock of the corporation of `scope`, waiting ones first.
pub async fn messages_for_corporation(db: &Db, scope: &ReadScope) -> Result<Vec<Message>> {
    let rows = sql::query(&format!(
        "{SELECT} WHERE m.corporation_id = $1 ORDER BY CASE WHEN m.status = 'submitted' THEN 0 ELSE 1 END, m.id DESC LIMIT 100"
    ))
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One message in the stock of the corporation of `scope`.
pub async fn message(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<Message>> {
    let row = sql::query(&format!("{SELECT} WHERE m.id = $1 AND m.corporation_id = $2"))
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// A recipient of an approved message: the tenant's name, address and e-mail address, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Place.
    pub place: String,
}

/// The tenants a group speaks for, with their contact data where the corporation has it (tenants without contact
/// data get a letter addressed "aan de bewoners").
pub async fn recipients(db: &Db, group: &Group) -> Result<Vec<Recipient>> {
    // The group's area decides the units; the group id is bound only where the area is a list of codes.
    let join = match group.area_kind.as_str() {
        "complexes" => {
            "JOIN clusters cl ON cl.id = u.cluster_id JOIN part_group_areas a ON a.code = cl.code AND a.group_id = $2"
        }
        "buurten" => "JOIN part_group_areas a ON a.code = u.buurt_code AND a.group_id = $2",
        _ => "",
    };
    let sql = format!(
        "SELECT u.straatnaam, u.huisnummer, u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats, \
         t.name, t.email FROM units u {join} LEFT JOIN tenant_contacts t ON t.unit_id = u.id \
         WHERE u.corporation_id = $1 AND u.in_use = 1 ORDER BY u.postcode, u.huisnummer, u.id"
    );
    let mut query = sql::query(&sql).bind(group.corporation_id);
    if !join.is_empty() {
        query = query.bind(group.id);
    }
    let rows = query.fetch_all(db).await?;
    rows.iter()
        .map(|r| {
            let number: i64 = r.try_get("huisnummer")?;
            let letter: Option<String> = r.try_get("huisletter")?;
            let extra: Option<String> = r.try_get("huisnummer_toevoeging")?;
            let street: String = r.try_get("straatnaam")?;
            Ok(Recipient {
                name: r.try_get::<Option<String>, _>("name")?.unwrap_or_else(|| "De bewoners".to_owned()),
                email: r.try_get("email")?,
                street: format!(
                    "{street} {number}{}{}",
                    letter.unwrap_or_default(),
                    extra.map(|e| format!("-{e}")).unwrap_or_default()
                ),
                postcode: r.try_get("postcode")?,
                place: r.try_get("woonplaats")?,
            })
        })
        .collect()
}

/// The corporation decides on a submitted message; an approved one records how many went by e-mail and by letter.
/// A decided message is a `Conflict`.
pub async fn decide_message(
    tx: &mut Tx,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    approve: bool,
    reason: Option<&str>,
    counts: (i64, i64),
) -> Result<()> {
    let done = sql::query(
        "UPDATE part_messages SET status = $1, reason = $2, decided_by = $3, decided_at = $4, emailed = $5, letters = $6 \
         WHERE id = $7 AND corporation_id = $8 AND status = 'submitted'",
    )
    .bind(if approve { "approved" } else { "rejected" })
    .bind(reason)
    .bind(&actor.label)
    .bind(timestamp::to_unix(actor.at))
    .bind(counts.0)
    .bind(counts.1)
    .bind(id)
    .bind(scope.org_id())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Conflict);
    }
    let mut change =
        Change::event(Some(scope.org_id()), if approve { "approve" } else { "reject" }, "part_message", id.to_string());
    change.after = Some(serde_json::json!({ "emailed": counts.0, "letters": counts.1 }));
    audit::record(tx.conn(), actor, change).await
}

/// Records that the letter list of a message was read (it holds names and addresses).
pub async fn log_letter_list(db: &Db, scope: &ReadScope, actor: &Actor, id: i64) -> Result<()> {
    let mut conn = db.acquire().await?;
    let mut change = Change::event(Some(scope.org_id()), "read_personal", "part_message_letters", id.to_string());
    change.personal_data = true;
    audit::record(conn.conn(), actor, change).await
}
