//! The arrears ledger: bringing it in (all or nothing: every row checked against the stock before anything is
//! written), the verdict on each household, the signals it sends, and the arrears it shows resolved.

use super::rows::{insert_all, Cell};
use super::settings::{recipient_of, Recipient};
use super::{log_read, opt_date, PersonalScope};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{timestamp, Backend, Db, Result, StoreError, Tx};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::bezit::import::{echo, RowError, RowProblem};
use volkshuis_domain::ids::HouseNumber;
use volkshuis_domain::money::Money;
use volkshuis_domain::signalering::rule::{decide_with_threshold, threshold_end, Block, Context, RuleSettings};
use volkshuis_domain::signalering::triage::{sort_into, SignalFacts};
use volkshuis_domain::signalering::{Arrangement, Household, LedgerColumn};

/// What a ledger brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerSummary {
    /// The ledger's id.
    pub id: i64,
    /// Households in it.
    pub households: u64,
    /// Signals sent to municipalities on the platform, by recipient organisation.
    pub sent: Vec<(i64, u64)>,
    /// Signals for gemeenten not on the platform, to deliver by file.
    pub by_file: u64,
    /// Open signals whose contract is no longer in the ledger: arrears resolved.
    pub resolved: u64,
}

impl LedgerSummary {
    /// Every signal sent by this ledger.
    pub fn signalled(&self) -> u64 {
        self.sent.iter().map(|(_, n)| n).sum::<u64>() + self.by_file
    }
}

/// A unit as the signal carries it.
struct UnitFacts {
    id: i64,
    gemeente: Option<String>,
    street: String,
    house_number: String,
    postcode: String,
    woonplaats: String,
    bag_id: Option<String>,
}

/// How many units one lookup asks for.
const LOOKUP_CHUNK: usize = 500;
/// Above this many households the organisation's units are read in one pass instead of looked up in chunks.
const READ_ALL_UNITS_FROM: usize = 20_000;
/// Households decided and written per round.
const WRITE_CHUNK: usize = 5_000;

const UNIT_COLUMNS: &str = "id, id_extern, gemeente_code, straatnaam, huisnummer, huisletter, huisnummer_toevoeging, \
     postcode, woonplaats, bag_verblijfsobject_id";

fn unit_facts(row: &sql::Row) -> Result<UnitFacts> {
    let letter: Option<String> = row.try_get("huisletter")?;
    let number = HouseNumber {
        number: u32::try_from(row.try_get::<i64, _>("huisnummer")?).unwrap_or_default(),
        letter: letter.and_then(|l| l.chars().next()),
        addition: row.try_get("huisnummer_toevoeging")?,
    };
    Ok(UnitFacts {
        id: row.try_get("id")?,
        gemeente: row.try_get("gemeente_code")?,
        street: row.try_get("straatnaam")?,
        house_number: number.to_string(),
        postcode: row.try_get("postcode")?,
        woonplaats: row.try_get("woonplaats")?,
        bag_id: row.try_get("bag_verblijfsobject_id")?,
    })
}

/// The organisation's units the ledger names, by `idExtern`: looked up in chunks, or for a large ledger read in
/// one pass (a national ledger names most of the stock, and one scan beats thousands of lookups).
async fn units_of(tx: &mut Tx, org_id: i64, households: &[Household]) -> Result<HashMap<String, UnitFacts>> {
    let mut found = HashMap::with_capacity(households.len());
    if households.len() >= READ_ALL_UNITS_FROM {
        use futures_util::TryStreamExt as _;
        let wanted: HashSet<&str> = households.iter().map(|h| h.unit.as_str()).collect();
        let text = format!("SELECT {UNIT_COLUMNS} FROM units WHERE corporation_id = $1");
        let mut rows = sql::query(&text).bind(org_id).fetch(&mut *tx);
        while let Some(row) = rows.try_next().await? {
            let id_extern: String = row.try_get("id_extern")?;
            if wanted.contains(id_extern.as_str()) {
                found.insert(id_extern, unit_facts(&row)?);
            }
        }
        return Ok(found);
    }
    for chunk in households.chunks(LOOKUP_CHUNK) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let text = format!(
            "SELECT {UNIT_COLUMNS} FROM units WHERE corporation_id = $1 AND id_extern IN ({})",
            marks.join(", ")
        );
        let mut query = sql::query(&text).bind(org_id);
        for household in chunk {
            query = query.bind(household.unit.as_str());
        }
        for row in query.fetch_all(&mut *tx).await? {
            found.insert(row.try_get::<String, _>("id_extern")?, unit_facts(&row)?);
        }
    }
    Ok(found)
}

/// The codes of blocks, as stored (comma-separated).
pub fn block_code(block: &Block) -> &'static str {
    match block {
        Block::NoGemeente => "geen_gemeente",
        Block::AlreadySignalled(_) => "al_gesignaleerd",
        Block::Objected => "bezwaar",
        Block::ArrangementKept => "regeling",
        Block::NoContactAttempt => "geen_contactpoging",
        Block::NoDebtHelpPointer => "niet_gewezen_op_schuldhulp",
        Block::NoWrittenReminder => "geen_aanmaning",
        Block::NoOffer => "geen_aanbod",
        Block::TooSoon(_) => "te_vroeg",
    }
}

/// Brings in a ledger for the organisation of `scope` as of `today`: every row checked (a duplicate contract, a
/// unit not in the stock) before anything is written; then the verdicts, the signals and the resolved arrears in
/// one transaction. Row problems come back as `Ok(Err(..))` with nothing written.
pub async fn import_ledger(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    file_name: &str,
    households: &[Household],
    today: Date,
) -> Result<std::result::Result<LedgerSummary, Vec<RowError>>> {
    let org_id = scope.org_id();
    let mut tx = db.begin().await?;
    if tx.conn().backend() == Backend::Postgres {
        // One ledger of an organisation at a time: the open signals read below must still be open when written.
        sql::query("SELECT pg_advisory_xact_lock(7304, CAST($1 AS INTEGER))").bind(org_id).execute(&mut tx).await?;
    }
    let units = units_of(&mut tx, org_id, households).await?;
    let mut errors = Vec::new();
    let mut first_line: HashMap<&str, u64> = HashMap::with_capacity(households.len());
    for household in households {
        if let Some(first) = first_line.get(household.contract.as_str()) {
            errors.push(RowError {
                line: household.line,
                column: LedgerColumn::Contract.name().into(),
                value: echo(&household.contract),
                reason: RowProblem::Duplicate { first: *first },
            });
        } else {
            first_line.insert(&household.contract, household.line);
        }
        if !units.contains_key(&household.unit) {
            errors.push(RowError {
                line: household.line,
                column: LedgerColumn::Unit.name().into(),
                value: echo(&household.unit),
                reason: RowProblem::UnknownUnit,
            });
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Ok(Err(errors));
    }

    let open: HashMap<String, Date> = {
        let rows = sql::query(
            "SELECT contract, MIN(sent_on) AS sent_on FROM sg_signals WHERE sender_org_id = $1 AND closed_on IS NULL \
             GROUP BY contract",
        )
        .bind(org_id)
        .fetch_all(&mut tx)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get::<String, _>("contract")?, super::date(r, "sent_on")?)))
            .collect::<Result<_>>()?
    };
    let calendar = crate::calendar::term_calendar_in(tx.conn()).await?;
    let ledger_id: i64 = sql::query_scalar(
        "INSERT INTO sg_ledgers (org_id, decided_on, file_name, households, signalled, resolved, imported_by, \
         imported_at) VALUES ($1, $2, $3, 0, 0, 0, $4, $5) RETURNING id",
    )
    .bind(org_id)
    .bind(date_to_text(today))
    .bind(file_name)
    .bind(actor.name())
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    sql::query("DELETE FROM sg_households WHERE org_id = $1").bind(org_id).execute(&mut tx).await?;

    let last_signal: i64 = sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM sg_signals WHERE sender_org_id = $1")
        .bind(org_id)
        .fetch_one(&mut tx)
        .await?;
    let mut recipients: HashMap<String, Recipient> = HashMap::new();
    let mut thresholds = HashMap::new();
    let mut triage = super::buckets::Triage::default();
    let mut household_rows = Vec::with_capacity(WRITE_CHUNK);
    let mut signal_rows = Vec::with_capacity(WRITE_CHUNK);
    let mut sent: HashMap<i64, u64> = HashMap::new();
    let (mut by_file, mut signalled) = (0, 0_i64);
    for (i, household) in households.iter().enumerate() {
        // Rows are written a chunk at a time, so a national ledger's rows are never all in memory twice.
        if i % WRITE_CHUNK == 0 && i > 0 {
            insert_all(&mut tx, "sg_households", HOUSEHOLD_COLUMNS, &household_rows).await?;
            insert_all(&mut tx, "sg_signals", SIGNAL_COLUMNS, &signal_rows).await?;
            household_rows.clear();
            signal_rows.clear();
        }
        let unit = &units[&household.unit];
        let recipient = match &unit.gemeente {
            Some(code) => match recipients.get(code) {
                Some(r) => Some(*r),
                None => {
                    let r = recipient_of(&mut tx, code).await?;
                    recipients.insert(code.clone(), r);
                    Some(r)
                }
            },
            None => None,
        };
        let settings =
            recipient.map_or(RuleSettings::default(), |r| RuleSettings { threshold_days: r.settings.threshold_days });
        let context = Context {
            gemeente_known: unit.gemeente.is_some(),
            open_signal_since: open.get(&household.contract).copied(),
        };
        let threshold = household.offer_on.map(|offer| {
            *thresholds
                .entry((offer, settings.threshold_days))
                .or_insert_with(|| threshold_end(offer, settings, &calendar))
        });
        let decision = decide_with_threshold(household, context, threshold, today);
        let signal_from = decision.blocks.iter().find_map(|b| match b {
            Block::TooSoon(from) => Some(date_to_text(*from)),
            _ => None,
        });
        household_rows.push(household_cells(ledger_id, org_id, unit.id, household, &decision.blocks, signal_from));
        if !decision.signalled() {
            continue;
        }
        let (Some(recipient), Some(gemeente)) = (recipient, &unit.gemeente) else { continue };
        let bucket = match recipient.org_id {
            Some(to) => {
                *sent.entry(to).or_default() += 1;
                let facts = SignalFacts {
                    amount: household.amount,
                    arrears_since: household.arrears_since,
                    creditors: 1 + triage
                        .other_creditors(&mut tx, to, org_id, &unit.postcode, &unit.house_number)
                        .await?,
                };
                let buckets = triage.buckets(&mut tx, to).await?;
                let criteria: Vec<_> = buckets.iter().map(|b| b.criteria).collect();
                sort_into(&criteria, &facts, today).map(|i| buckets[i].id)
            }
            None => {
                by_file += 1;
                None
            }
        };
        signal_rows.push(signal_cells(org_id, recipient.org_id, gemeente, household, unit, today, bucket));
        signalled += 1;
    }
    insert_all(&mut tx, "sg_households", HOUSEHOLD_COLUMNS, &household_rows).await?;
    insert_all(&mut tx, "sg_signals", SIGNAL_COLUMNS, &signal_rows).await?;
    // The counts that outlive the signal: place and month, never the person or the unit.
    sql::query(
        "INSERT INTO sg_facts (signal_id, sender_org_id, recipient_org_id, gemeente_code, buurt_code, cluster_id, \
         sent_month) SELECT s.id, s.sender_org_id, s.recipient_org_id, s.gemeente_code, u.buurt_code, u.cluster_id, $3 \
         FROM sg_signals s LEFT JOIN units u ON u.id = s.unit_id WHERE s.sender_org_id = $1 AND s.id > $2",
    )
    .bind(org_id)
    .bind(last_signal)
    .bind(date_to_text(today)[..7].to_owned())
    .execute(&mut tx)
    .await?;
    let in_ledger: HashSet<&str> = households.iter().map(|h| h.contract.as_str()).collect();
    let gone: Vec<&String> = open.keys().filter(|c| !in_ledger.contains(c.as_str())).collect();
    let mut resolved = 0;
    for chunk in gone.chunks(LOOKUP_CHUNK) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
        let text = format!(
            "UPDATE sg_facts SET resolved_on = $2 WHERE resolved_on IS NULL AND signal_id IN (SELECT id FROM sg_signals \
             WHERE sender_org_id = $1 AND closed_on IS NULL AND contract IN ({}))",
            marks.join(", ")
        );
        let mut query = sql::query(&text).bind(org_id).bind(date_to_text(today));
        for contract in chunk {
            query = query.bind(contract.as_str());
        }
        resolved += query.execute(&mut tx).await?.rows_affected();
    }
    sql::query("UPDATE sg_ledgers SET households = $2, signalled = $3, resolved = $4 WHERE id = $1")
        .bind(ledger_id)
        .bind(households.len() as i64)
        .bind(signalled)
        .bind(resolved as i64)
        .execute(&mut tx)
        .await?;
    let mut change = Change::event(Some(org_id), "import", "sg_ledgers", ledger_id.to_string());
    change.after = Some(json!({ "households": households.len(), "signalled": signalled, "resolved": resolved }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    let mut sent: Vec<(i64, u64)> = sent.into_iter().collect();
    sent.sort_unstable();
    Ok(Ok(LedgerSummary { id: ledger_id, households: households.len() as u64, sent, by_file, resolved }))
}

const HOUSEHOLD_COLUMNS: &str = "ledger_id, org_id, line, contract, unit_id, name, phone, email, amount_cents, \
     arrears_since, reminder_on, offer_on, contact_on, contact_kind, contact_reached, debt_help_pointed, objection, \
     arrangement, blocks, signal_from";

fn household_cells(
    ledger_id: i64,
    org_id: i64,
    unit_id: i64,
    h: &Household,
    blocks: &[Block],
    signal_from: Option<String>,
) -> Vec<Cell> {
    let day = |d: Option<Date>| Cell::OptText(d.map(date_to_text));
    vec![
        Cell::Int(ledger_id),
        Cell::Int(org_id),
        Cell::Int(h.line as i64),
        Cell::Text(h.contract.clone()),
        Cell::Int(unit_id),
        Cell::Text(h.name.clone()),
        Cell::OptText(h.phone.clone()),
        Cell::OptText(h.email.clone()),
        Cell::Int(h.amount.cents()),
        Cell::Text(date_to_text(h.arrears_since)),
        day(h.reminder_on),
        day(h.offer_on),
        day(h.contact_on),
        Cell::OptText(h.contact_kind.map(|k| k.code().to_owned())),
        Cell::Int(i64::from(h.contact_reached)),
        Cell::Int(i64::from(h.debt_help_pointed)),
        Cell::Int(i64::from(h.objection)),
        Cell::Text(h.arrangement.code().to_owned()),
        Cell::Text(blocks.iter().map(block_code).collect::<Vec<_>>().join(",")),
        Cell::OptText(signal_from),
    ]
}

const SIGNAL_COLUMNS: &str = "sender_org_id, recipient_org_id, gemeente_code, contract, unit_id, name, phone, email, \
     street, house_number, postcode, woonplaats, bag_id, amount_cents, arrears_since, sent_on, bucket_id";

/// Only the fields the law lets travel, with the stock's address.
fn signal_cells(
    org_id: i64,
    recipient: Option<i64>,
    gemeente: &str,
    h: &Household,
    unit: &UnitFacts,
    today: Date,
    bucket: Option<i64>,
) -> Vec<Cell> {
    vec![
        Cell::Int(org_id),
        Cell::OptInt(recipient),
        Cell::Text(gemeente.to_owned()),
        Cell::Text(h.contract.clone()),
        Cell::Int(unit.id),
        Cell::Text(h.name.clone()),
        Cell::OptText(h.phone.clone()),
        Cell::OptText(h.email.clone()),
        Cell::Text(unit.street.clone()),
        Cell::Text(unit.house_number.clone()),
        Cell::Text(unit.postcode.clone()),
        Cell::Text(unit.woonplaats.clone()),
        Cell::OptText(unit.bag_id.clone()),
        Cell::Int(h.amount.cents()),
        Cell::Text(date_to_text(h.arrears_since)),
        Cell::Text(date_to_text(today)),
        Cell::OptInt(bucket),
    ]
}

/// A ledger as listed: when, by whom, and its counts (no persons).
#[derive(Debug, Clone)]
pub struct LedgerRun {
    /// Id.
    pub id: i64,
    /// The day it was decided on.
    pub decided_on: Date,
    /// The file's name.
    pub file_name: String,
    /// Households.
    pub households: i64,
    /// Signals sent.
    pub signalled: i64,
    /// Arrears resolved since the previous ledger.
    pub resolved: i64,
    /// Who brought it in.
    pub imported_by: String,
}

/// The organisation's ledgers, newest first.
pub async fn ledgers(db: &Db, scope: &ReadScope, limit: i64) -> Result<Vec<LedgerRun>> {
    let rows = sql::query(
        "SELECT id, decided_on, file_name, households, signalled, resolved, imported_by FROM sg_ledgers \
         WHERE org_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(scope.org_id())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(LedgerRun {
                id: r.try_get("id")?,
                decided_on: super::date(r, "decided_on")?,
                file_name: r.try_get("file_name")?,
                households: r.try_get("households")?,
                signalled: r.try_get("signalled")?,
                resolved: r.try_get("resolved")?,
                imported_by: r.try_get("imported_by")?,
            })
        })
        .collect()
}

/// One household of the latest ledger with its verdict.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The line in the file.
    pub line: i64,
    /// The contract.
    pub contract: String,
    /// The tenant's name.
    pub name: String,
    /// The unit's idExtern.
    pub unit: String,
    /// The amount.
    pub amount: Money,
    /// Since when.
    pub arrears_since: Date,
    /// The payment arrangement.
    pub arrangement: Arrangement,
    /// The codes of what blocks the signal; empty when signalled.
    pub blocks: Vec<String>,
    /// The day the signal may go, when the threshold still runs.
    pub signal_from: Option<Date>,
}

/// Which households of the ledger a page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictFilter {
    /// All.
    All,
    /// Signalled.
    Signalled,
    /// Not signalled.
    NotSignalled,
}

/// A page of the latest ledger's households with their verdicts (personal data: the read is logged), and how many
/// the filter matches.
pub async fn verdicts(
    db: &Db,
    scope: &PersonalScope,
    actor: &Actor,
    filter: VerdictFilter,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Verdict>, i64)> {
    let condition = match filter {
        VerdictFilter::All => "",
        VerdictFilter::Signalled => " AND h.blocks = ''",
        VerdictFilter::NotSignalled => " AND h.blocks <> ''",
    };
    let mut tx = db.begin().await?;
    let total: i64 = sql::query_scalar(&format!("SELECT COUNT(*) FROM sg_households h WHERE h.org_id = $1{condition}"))
        .bind(scope.org_id())
        .fetch_one(&mut tx)
        .await?;
    let rows = sql::query(&format!(
        "SELECT h.line, h.contract, h.name, u.id_extern, h.amount_cents, h.arrears_since, h.arrangement, h.blocks, \
         h.signal_from FROM sg_households h JOIN units u ON u.id = h.unit_id WHERE h.org_id = $1{condition} \
         ORDER BY h.line LIMIT $2 OFFSET $3"
    ))
    .bind(scope.org_id())
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut tx)
    .await?;
    let list = rows
        .iter()
        .map(|r| {
            let arrangement: String = r.try_get("arrangement")?;
            let blocks: String = r.try_get("blocks")?;
            Ok(Verdict {
                line: r.try_get("line")?,
                contract: r.try_get("contract")?,
                name: r.try_get("name")?,
                unit: r.try_get("id_extern")?,
                amount: Money::from_cents(r.try_get("amount_cents")?),
                arrears_since: super::date(r, "arrears_since")?,
                arrangement: Arrangement::parse(&arrangement)
                    .ok_or(StoreError::Corrupt { column: "arrangement", value: arrangement.clone() })?,
                blocks: blocks.split(',').filter(|b| !b.is_empty()).map(str::to_owned).collect(),
                signal_from: opt_date(r, "signal_from")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(
            tx.conn(),
            actor,
            scope,
            "sg_households",
            format!("ledger page {}", offset / limit.max(1) + 1),
            list.len(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok((list, total))
}
