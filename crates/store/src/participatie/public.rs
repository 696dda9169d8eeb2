//! What a tenant can do without logging in: find the groups that speak for an address, and ask to join one. The
//! request is personal data: only members of the group's organisation read it, and every read is audited.

use super::groups::{groups_of, Group};
use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Db, Result, Tx};
use time::OffsetDateTime;

/// An address in the stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The unit.
    pub unit_id: i64,
    /// Its corporation.
    pub corporation_id: i64,
    /// Its complex code.
    pub cluster_code: Option<String>,
    /// Its buurt code.
    pub buurt_code: Option<String>,
    /// As shown: street, number, letter, addition, postcode, place.
    pub label: String,
}

/// The units at a postcode and house number (letter and addition narrow it when given).
pub async fn lookup_address(db: &Db, postcode: &str, number: i64, addition: &str) -> Result<Vec<Address>> {
    let rows = sql::query(
        "SELECT u.id, u.corporation_id, cl.code AS cluster_code, u.buurt_code, u.straatnaam, u.huisnummer, \
         u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats FROM units u \
         LEFT JOIN clusters cl ON cl.id = u.cluster_id \
         WHERE u.postcode = $1 AND u.huisnummer = $2 AND u.in_use = 1 ORDER BY u.id LIMIT 500",
        // The addition is compared below, after its letters and dashes are evened out: every home at the number is
        // read (a flat's 500 at one number is more than any has), so "100-25" is not cut off by a limit.
    )
    .bind(postcode)
    .bind(number)
    .fetch_all(db)
    .await?;
    let addition = addition.trim().to_uppercase();
    // Without an addition, the home without one when there is one (12 beside 12-1 and 12-2).
    let mut found = Vec::new();
    let mut plain = Vec::new();
    for r in rows {
        let letter: Option<String> = r.try_get("huisletter")?;
        let extra: Option<String> = r.try_get("huisnummer_toevoeging")?;
        let suffix =
            format!("{}{}", letter.clone().unwrap_or_default(), extra.clone().unwrap_or_default()).to_uppercase();
        if !addition.is_empty() && suffix.replace(['-', ' '], "") != addition.replace(['-', ' '], "") {
            continue;
        }
        let street: String = r.try_get("straatnaam")?;
        let place: String = r.try_get("woonplaats")?;
        let pc: String = r.try_get("postcode")?;
        let extra = extra.map(|e| format!("-{e}")).unwrap_or_default();
        if suffix.is_empty() {
            plain.push(found.len());
        }
        found.push(Address {
            unit_id: r.try_get("id")?,
            corporation_id: r.try_get("corporation_id")?,
            cluster_code: r.try_get("cluster_code")?,
            buurt_code: r.try_get("buurt_code")?,
            label: format!("{street} {number}{}{extra}, {pc} {place}", letter.unwrap_or_default()),
        });
    }
    if addition.is_empty() && !plain.is_empty() {
        found = plain.into_iter().map(|i| found[i].clone()).collect();
    }
    Ok(found)
}

/// The groups that speak for an address.
pub async fn groups_for_address(db: &Db, address: &Address) -> Result<Vec<Group>> {
    Ok(groups_of(db, address.corporation_id)
        .await?
        .into_iter()
        .filter(|g| match g.area_kind.as_str() {
            "all" => true,
            "complexes" => address.cluster_code.as_ref().is_some_and(|c| g.area_codes.contains(c)),
            "buurten" => address.buurt_code.as_ref().is_some_and(|b| g.area_codes.contains(b)),
            _ => false,
        })
        .collect())
}

/// A tenant's request to join or contact a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinRequest {
    /// Name as given.
    pub name: String,
    /// E-mail address or phone number as given.
    pub contact: String,
    /// The message.
    pub message: String,
    /// The address it came for.
    pub address: String,
    /// When consent was given (with the request).
    pub at: OffsetDateTime,
}

/// Stores a visitor's request to join `group`, given with explicit consent; `None` when the same request (name,
/// contact, message and address) came in the last day already (a double click or a reload sent it twice: it is
/// there once).
pub async fn add_join_request(tx: &mut Tx, group: &Group, request: &JoinRequest) -> Result<Option<i64>> {
    // One request at a time per group.
    tx.one_at_a_time("part_groups", group.id).await?;
    let since = timestamp::to_unix(request.at - time::Duration::days(1));
    let same: Option<i64> = sql::query_scalar(
        "SELECT id FROM part_join_requests WHERE group_id = $1 AND name = $2 AND contact = $3 AND message = $4 \
         AND address = $5 AND created_at >= $6",
    )
    .bind(group.id)
    .bind(&request.name)
    .bind(&request.contact)
    .bind(&request.message)
    .bind(&request.address)
    .bind(since)
    .fetch_optional(&mut *tx)
    .await?;
    if same.is_some() {
        return Ok(None);
    }
    Ok(Some(
        sql::query_scalar(
            "INSERT INTO part_join_requests (group_id, name, contact, message, address, consent_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(group.id)
        .bind(&request.name)
        .bind(&request.contact)
        .bind(&request.message)
        .bind(&request.address)
        .bind(timestamp::to_unix(request.at))
        .fetch_one(&mut *tx)
        .await?,
    ))
}

/// A group's requests, newest first, for a member of its organisation (the caller checked that); the read is
/// written to the audit log.
pub async fn join_requests(db: &Db, group: &Group, actor: &Actor) -> Result<Vec<(i64, JoinRequest)>> {
    let rows = sql::query(
        "SELECT id, name, contact, message, address, consent_at FROM part_join_requests WHERE group_id = $1 \
         ORDER BY id DESC",
    )
    .bind(group.id)
    .fetch_all(db)
    .await?;
    let requests: Vec<(i64, JoinRequest)> = rows
        .iter()
        .map(|r| {
            let request = JoinRequest {
                name: r.try_get("name")?,
                contact: r.try_get("contact")?,
                message: r.try_get("message")?,
                address: r.try_get("address")?,
                at: timestamp::from_unix(r.try_get("consent_at")?),
            };
            Ok((r.try_get("id")?, request))
        })
        .collect::<Result<_>>()?;
    if !requests.is_empty() {
        let mut conn = db.acquire().await?;
        let mut change = Change::event(Some(group.org_id), "read_personal", "part_join_requests", group.id.to_string());
        change.personal_data = true;
        audit::record(conn.conn(), actor, change).await?;
    }
    Ok(requests)
}

/// Deletes one request to join `group` once its organisation has answered the person (they were called, mailed or
/// welcomed): the request and its personal data go at once, not after the retention period. `false` when it is not a
/// request to this group (handled already, another group's). The caller checked that the user keeps the group.
pub async fn handle_join_request(tx: &mut Tx, group: &Group, actor: &Actor, id: i64) -> Result<bool> {
    let done = sql::query("DELETE FROM part_join_requests WHERE id = $1 AND group_id = $2")
        .bind(id)
        .bind(group.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let mut change = Change::event(Some(group.org_id), "handle", "part_join_requests", group.id.to_string());
    change.before = Some(serde_json::json!({ "request": id }));
    audit::record(tx.conn(), actor, change).await?;
    Ok(true)
}

/// How many days a request to join is kept after it came in, unless the operator sets another number: long enough
/// for a group of volunteers that meets every few months to answer it (ADR 0066).
pub const JOIN_REQUEST_DEFAULT_DAYS: i64 = 180;

/// Deletes every request to join that came in `keep_days` or more before `now`; returns how many. The audit log
/// records how many per organisation, never whose.
pub async fn purge_join_requests(db: &Db, now: OffsetDateTime, keep_days: i64, actor: &Actor) -> Result<u64> {
    let cutoff = timestamp::to_unix(now - time::Duration::days(keep_days.max(0)));
    let mut tx = db.begin().await?;
    let counts = sql::query(
        "SELECT g.org_id, COUNT(*) AS n FROM part_join_requests r JOIN part_groups g ON g.id = r.group_id \
         WHERE r.created_at <= $1 GROUP BY g.org_id ORDER BY g.org_id",
    )
    .bind(cutoff)
    .fetch_all(&mut tx)
    .await?;
    if counts.is_empty() {
        return Ok(0);
    }
    for row in &counts {
        let (org_id, n): (i64, i64) = (row.try_get("org_id")?, row.try_get("n")?);
        let mut change = Change::event(Some(org_id), "purge_personal", "part_join_requests", "retention".into());
        change.after = Some(serde_json::json!({ "deleted": n }));
        audit::record(tx.conn(), actor, change).await?;
    }
    let deleted = sql::query("DELETE FROM part_join_requests WHERE created_at <= $1")
        .bind(cutoff)
        .execute(&mut tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(deleted)
}
