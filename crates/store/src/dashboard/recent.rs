//! Recent changes with names: an audit entry keeps the id of what it changed; the dashboard says "Renovatie De
//! Linde", not "sr_contract 4". Each entry's names are looked up by the kind of thing it names (a handful of small
//! reads for the ten entries a dashboard shows).

use crate::audit::{self, Entry};
use crate::sql;
use crate::{Db, Result};
use serde_json::Value;
use volkshuis_domain::access::WriteScope;

/// An audit entry with the names it refers to.
#[derive(Debug, Clone)]
pub struct Named {
    /// The entry.
    pub entry: Entry,
    /// The actor's name (the label without its e-mail address).
    pub actor: String,
    /// The entry's details (`after`, else `before`), parsed.
    pub details: Value,
    /// What it changed, by name: a case's or contract's title, a group's or person's name, a file name.
    pub subject: Option<String>,
    /// A second name where the sentence needs one: the organisation of a membership, the other party of a
    /// partnership or budget, the contract of a file.
    pub party: Option<String>,
}

/// The newest `limit` entries about the organisation of `scope` (its administrators' trail), with names.
pub async fn named_entries(db: &Db, scope: &WriteScope, limit: i64) -> Result<Vec<Named>> {
    let filter = audit::Filter { org_id: Some(scope.org_id()), ..Default::default() };
    let mut named = Vec::new();
    for entry in audit::list(db, &filter, limit).await? {
        named.push(name(db, entry).await?);
    }
    Ok(named)
}

/// `"Anna de Vries <admin@woonstad.test>"` → `"Anna de Vries"`; a system label stays as it is.
fn actor_name(label: &str) -> String {
    match label.rsplit_once(" <") {
        Some((name, email)) if email.ends_with('>') && email.contains('@') => name.to_owned(),
        _ => label.to_owned(),
    }
}

fn id_in(details: &Value, key: &str) -> Option<i64> {
    details.get(key).and_then(Value::as_i64)
}

async fn lookup(db: &Db, statement: &str, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    Ok(sql::query_scalar(statement).bind(id).fetch_optional(db).await?)
}

const ORG: &str = "SELECT name FROM organisations WHERE id = $1";
const USER: &str = "SELECT name FROM users WHERE id = $1";
const CONTRACT: &str = "SELECT title FROM sr_contracts WHERE id = $1";

async fn name(db: &Db, entry: Entry) -> Result<Named> {
    let parse = |json: &Option<String>| json.as_deref().and_then(|j| serde_json::from_str::<Value>(j).ok());
    let details = parse(&entry.after).or_else(|| parse(&entry.before)).unwrap_or(Value::Null);
    let id = entry.entity_id.as_deref().and_then(|i| i.parse::<i64>().ok());
    let text = |key: &str| details.get(key).and_then(Value::as_str).map(str::to_owned);
    let (subject, party) = match entry.entity.as_str() {
        "organisation" => (lookup(db, ORG, id).await?, None),
        "user" | "user_locale" => (lookup(db, USER, id).await?, None),
        "session" => {
            let org = id_in(&details, "active_org_id").or(entry.org_id);
            (lookup(db, USER, id).await?, lookup(db, ORG, org).await?)
        }
        "membership" => {
            let (user, org) = entry.entity_id.as_deref().and_then(|i| i.split_once(':')).unzip();
            let user = user.and_then(|u| u.parse().ok());
            let org = org.and_then(|o| o.parse().ok());
            (lookup(db, USER, user).await?, lookup(db, ORG, org).await?)
        }
        "invitation" => {
            let user = match id_in(&details, "user_id") {
                Some(user) => Some(user),
                None => lookup_id(db, "SELECT user_id FROM invitations WHERE id = $1", id).await?,
            };
            (lookup(db, USER, user).await?, lookup(db, ORG, entry.org_id).await?)
        }
        "api_token" => match text("name") {
            Some(name) => (Some(name), None),
            None => (lookup(db, "SELECT name FROM api_tokens WHERE id = $1", id).await?, None),
        },
        "units" | "areas" => (entry.entity_id.clone().filter(|s| !s.is_empty()), None),
        "atw_decree" => (text("name"), None),
        "overleg_case" => (lookup(db, "SELECT title FROM overleg_cases WHERE id = $1", id).await?, None),
        "overleg_partner" => {
            // The other party, seen from the organisation whose trail this is.
            let candidates = [id_in(&details, "corporation_id"), id_in(&details, "tenant_org_id"), id];
            let other = candidates.into_iter().flatten().find(|o| Some(*o) != entry.org_id);
            (lookup(db, ORG, other).await?, None)
        }
        "overleg_meeting" | "overleg_minutes" => {
            (lookup(db, "SELECT title FROM overleg_meetings WHERE id = $1", id).await?, None)
        }
        "overleg_budget" => {
            let row = match id {
                Some(id) => sql::query(
                    "SELECT year, CASE WHEN corporation_id = $2 THEN tenant_org_id ELSE corporation_id END AS other \
                     FROM overleg_budgets WHERE id = $1",
                )
                .bind(id)
                .bind(entry.org_id.unwrap_or(0))
                .fetch_optional(db)
                .await?
                .map(|r| Ok::<_, crate::StoreError>((r.try_get::<i64, _>("year")?, r.try_get::<i64, _>("other")?)))
                .transpose()?,
                None => None,
            };
            let (year, other) = row.unzip();
            (year.map(|y| y.to_string()), lookup(db, ORG, other).await?)
        }
        "part_group" | "part_join_requests" => {
            (lookup(db, "SELECT name FROM part_groups WHERE id = $1", id).await?.or_else(|| text("name")), None)
        }
        "part_message" | "part_message_letters" => {
            (lookup(db, "SELECT subject FROM part_messages WHERE id = $1", id).await?, None)
        }
        "sr_contract" | "sr_candidate_names" | "sr_tenant_marks" => {
            (lookup(db, CONTRACT, id).await?.or_else(|| text("title")), None)
        }
        "sr_contribution" => {
            let contract = match id_in(&details, "contract_id") {
                Some(contract) => Some(contract),
                None => lookup_id(db, "SELECT contract_id FROM sr_contributions WHERE id = $1", id).await?,
            };
            (lookup(db, CONTRACT, contract).await?, None)
        }
        "sr_evidence" => (text("file_name"), lookup(db, CONTRACT, id_in(&details, "contract_id")).await?),
        "sr_table" => (lookup(db, "SELECT name FROM sr_tables WHERE id = $1", id).await?, None),
        "sr_coordinator" => (lookup(db, ORG, id).await?, None),
        _ => (None, None),
    };
    Ok(Named { actor: actor_name(&entry.actor_label), details, subject, party, entry })
}

/// An id looked up by another.
async fn lookup_id(db: &Db, statement: &str, id: Option<i64>) -> Result<Option<i64>> {
    let Some(id) = id else { return Ok(None) };
    Ok(sql::query_scalar(statement).bind(id).fetch_optional(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_actor_is_named_without_the_address() {
        assert_eq!(actor_name("Anna de Vries <admin@woonstad.test>"), "Anna de Vries");
        assert_eq!(actor_name("demo"), "demo");
        assert_eq!(actor_name("migratie 21"), "migratie 21");
        assert_eq!(actor_name("Jan <geen adres>"), "Jan <geen adres>");
    }
}
