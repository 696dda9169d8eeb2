//! Audit entries with names: an entry keeps the id of what it changed; a reader wants "Renovatie De Linde", not
//! "sr_contract 4". [`name_entries`] names a whole list in a fixed number of reads, whatever its length (the
//! dashboard's ten entries, the audit page's hundred): it gathers the ids it needs per table, reads each table once,
//! then fills in the names. A name is read as it is now (a renamed group reads by its new name).

use super::Entry;
use crate::sql;
use crate::{Db, Result};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// The entries with their names, in the same order; at most a dozen reads for any number of entries.
pub async fn name_entries(db: &Db, entries: Vec<Entry>) -> Result<Vec<Named>> {
    let entries: Vec<Read> = entries.into_iter().map(Read::of).collect();
    let links = Links::read(db, &entries).await?;
    let sources: Vec<(Source, Source)> = entries.iter().map(|e| e.sources(&links)).collect();
    let names = Names::read(db, sources.iter().flat_map(|(s, p)| [s, p])).await?;
    Ok(entries
        .into_iter()
        .zip(sources)
        .map(|(read, (subject, party))| Named {
            actor: actor_name(&read.entry.actor_label),
            subject: names.of(subject),
            party: names.of(party),
            details: read.details,
            entry: read.entry,
        })
        .collect())
}

/// `"Anna de Vries <admin@woonstad.test>"` → `"Anna de Vries"`; a system label stays as it is.
pub(super) fn actor_name(label: &str) -> String {
    match label.rsplit_once(" <") {
        Some((name, email)) if email.ends_with('>') && email.contains('@') => name.to_owned(),
        _ => label.to_owned(),
    }
}

fn id_in(details: &Value, key: &str) -> Option<i64> {
    details.get(key).and_then(Value::as_i64)
}

/// An entry with its details parsed and its id read as a number.
struct Read {
    entry: Entry,
    details: Value,
    id: Option<i64>,
}

impl Read {
    fn of(entry: Entry) -> Self {
        let parse = |json: &Option<String>| json.as_deref().and_then(|j| serde_json::from_str::<Value>(j).ok());
        let details = parse(&entry.after).or_else(|| parse(&entry.before)).unwrap_or(Value::Null);
        let id = entry.entity_id.as_deref().and_then(|i| i.parse::<i64>().ok());
        Read { entry, details, id }
    }

    fn text(&self, key: &str) -> Option<String> {
        self.details.get(key).and_then(Value::as_str).map(str::to_owned)
    }

    /// Where the entry's subject and party come from.
    fn sources(&self, links: &Links) -> (Source, Source) {
        use Table::*;
        let (e, d, id) = (&self.entry, &self.details, self.id);
        let nothing = Source::default();
        match e.entity.as_str() {
            "organisation" => (Source::row(Org, id), nothing),
            "user" | "user_locale" => (Source::row(User, id), nothing),
            "session" => (Source::row(User, id), Source::row(Org, id_in(d, "active_org_id").or(e.org_id))),
            "membership" => {
                let (user, org) = e.entity_id.as_deref().and_then(|i| i.split_once(':')).unzip();
                let user = user.and_then(|u| u.parse().ok());
                let org = org.and_then(|o| o.parse().ok());
                (Source::row(User, user), Source::row(Org, org))
            }
            "invitation" => {
                let user = id_in(d, "user_id").or_else(|| links.invitation_user.get(&id?).copied());
                (Source::row(User, user), Source::row(Org, e.org_id))
            }
            "api_token" => match self.text("name") {
                Some(name) => (Source::text(Some(name)), nothing),
                None => (Source::row(Token, id), nothing),
            },
            "units" | "areas" => (Source::text(e.entity_id.clone().filter(|s| !s.is_empty())), nothing),
            "atw_decree" => (Source::text(self.text("name")), nothing),
            "overleg_case" => (Source::row(Case, id), nothing),
            "overleg_partner" => {
                // The other party, seen from the organisation whose trail this is.
                let candidates = [id_in(d, "corporation_id"), id_in(d, "tenant_org_id"), id];
                let other = candidates.into_iter().flatten().find(|o| Some(*o) != e.org_id);
                (Source::row(Org, other), nothing)
            }
            "overleg_meeting" | "overleg_minutes" => (Source::row(Meeting, id), nothing),
            "overleg_budget" => {
                let budget = id.and_then(|id| links.budgets.get(&id));
                let year = budget.map(|b| b.year.to_string());
                let other =
                    budget.map(|b| if e.org_id == Some(b.corporation_id) { b.tenant_org_id } else { b.corporation_id });
                (Source::text(year), Source::row(Org, other))
            }
            "part_group" | "part_join_requests" => (Source::row(Group, id).or(self.text("name")), nothing),
            "part_message" | "part_message_letters" => (Source::row(Message, id), nothing),
            "sr_contract" | "sr_candidate_names" | "sr_tenant_marks" => {
                (Source::row(Contract, id).or(self.text("title")), nothing)
            }
            "sr_contribution" => {
                let contract = id_in(d, "contract_id").or_else(|| links.contribution_contract.get(&id?).copied());
                (Source::row(Contract, contract), nothing)
            }
            // Entries before 8 December 2026 name the file; later ones its number only (see `evidence`).
            "sr_evidence" => {
                let file = self.text("file_name").or_else(|| id.map(|id| format!("#{id}")));
                (Source::text(file), Source::row(Contract, id_in(d, "contract_id")))
            }
            "sr_table" => (Source::row(Valuation, id), nothing),
            "sr_coordinator" | "sg_referral_partner" | "nz_coach_partner" => (Source::row(Org, id), nothing),
            // The cycle by its title, and the party that acted (a timeline line names who did it for whom).
            "pa_cycle" | "pa_bid" => (Source::row(Cycle, id), Source::row(Org, e.org_id)),
            "pa_note" | "pa_document" => (Source::text(self.text("title")), Source::row(Cycle, id_in(d, "cycle_id"))),
            _ => (nothing, Source::default()),
        }
    }
}

/// A table whose rows name things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Table {
    Org,
    User,
    Contract,
    Token,
    Case,
    Meeting,
    Group,
    Message,
    /// A social-return valuation table.
    Valuation,
    /// A prestatieafspraken cycle.
    Cycle,
}

impl Table {
    /// The statement that reads `id` and `name` of its rows (the ids follow).
    fn select(self) -> &'static str {
        match self {
            Table::Org => "SELECT id, name FROM organisations",
            Table::User => "SELECT id, name FROM users",
            Table::Contract => "SELECT id, title AS name FROM sr_contracts",
            Table::Token => "SELECT id, name FROM api_tokens",
            Table::Case => "SELECT id, title AS name FROM overleg_cases",
            Table::Meeting => "SELECT id, title AS name FROM overleg_meetings",
            Table::Group => "SELECT id, name FROM part_groups",
            Table::Message => "SELECT id, subject AS name FROM part_messages",
            Table::Valuation => "SELECT id, name FROM sr_tables",
            Table::Cycle => "SELECT id, title AS name FROM pa_cycles",
        }
    }
}

/// Where one name comes from: a row's name, else a text the entry kept (a file name, a removed group's name).
#[derive(Debug, Default)]
struct Source {
    row: Option<(Table, i64)>,
    text: Option<String>,
}

impl Source {
    fn row(table: Table, id: Option<i64>) -> Self {
        Source { row: id.map(|id| (table, id)), text: None }
    }

    fn text(text: Option<String>) -> Self {
        Source { row: None, text }
    }

    fn or(self, text: Option<String>) -> Self {
        Source { text, ..self }
    }
}

/// What an entry names only through another row: an invitation's person, a contribution's contract, a budget's
/// year and parties.
#[derive(Default)]
struct Links {
    invitation_user: HashMap<i64, i64>,
    contribution_contract: HashMap<i64, i64>,
    budgets: HashMap<i64, Budget>,
}

struct Budget {
    year: i64,
    corporation_id: i64,
    tenant_org_id: i64,
}

impl Links {
    async fn read(db: &Db, entries: &[Read]) -> Result<Self> {
        // The ids of an entity's entries, but for those whose details already carry the link.
        let ids = |entity: &str, carried: Option<&str>| -> BTreeSet<i64> {
            entries
                .iter()
                .filter(|e| e.entry.entity == entity && carried.and_then(|key| id_in(&e.details, key)).is_none())
                .filter_map(|e| e.id)
                .collect()
        };
        let mut links = Links::default();
        for row in rows_by_id(db, "SELECT id, user_id FROM invitations", &ids("invitation", Some("user_id"))).await? {
            links.invitation_user.insert(row.try_get("id")?, row.try_get("user_id")?);
        }
        let contributions = ids("sr_contribution", Some("contract_id"));
        for row in rows_by_id(db, "SELECT id, contract_id FROM sr_contributions", &contributions).await? {
            links.contribution_contract.insert(row.try_get("id")?, row.try_get("contract_id")?);
        }
        let budgets = "SELECT id, year, corporation_id, tenant_org_id FROM overleg_budgets";
        for row in rows_by_id(db, budgets, &ids("overleg_budget", None)).await? {
            let budget = Budget {
                year: row.try_get("year")?,
                corporation_id: row.try_get("corporation_id")?,
                tenant_org_id: row.try_get("tenant_org_id")?,
            };
            links.budgets.insert(row.try_get("id")?, budget);
        }
        Ok(links)
    }
}

/// The names of the rows the sources point at.
struct Names(HashMap<(Table, i64), String>);

impl Names {
    async fn read(db: &Db, sources: impl Iterator<Item = &Source>) -> Result<Self> {
        let mut wanted: BTreeMap<Table, BTreeSet<i64>> = BTreeMap::new();
        for (table, id) in sources.filter_map(|s| s.row) {
            wanted.entry(table).or_default().insert(id);
        }
        let mut names = HashMap::new();
        for (table, ids) in wanted {
            for row in rows_by_id(db, table.select(), &ids).await? {
                let name: Option<String> = row.try_get("name")?;
                if let Some(name) = name {
                    names.insert((table, row.try_get("id")?), name);
                }
            }
        }
        Ok(Names(names))
    }

    fn of(&self, source: Source) -> Option<String> {
        source.row.and_then(|key| self.0.get(&key).cloned()).or(source.text)
    }
}

/// Ids per statement: well below either engine's limit on parameters.
const IDS_PER_QUERY: usize = 500;

/// The rows of `select` (a statement without a `WHERE`) whose id is one of `ids`; no read when there are none.
async fn rows_by_id(db: &Db, select: &str, ids: &BTreeSet<i64>) -> Result<Vec<sql::Row>> {
    let ids: Vec<i64> = ids.iter().copied().collect();
    let mut rows = Vec::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let statement = format!("{select} WHERE id IN ({})", placeholders.join(", "));
        let mut query = sql::query(&statement);
        for id in chunk {
            query = query.bind(*id);
        }
        rows.extend(query.fetch_all(db).await?);
    }
    Ok(rows)
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
