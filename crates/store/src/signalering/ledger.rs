//! The arrears ledger: bringing it in (all or nothing: every row checked against the stock before anything is
//! written), the verdict on each household, the signals it sends, and the arrears it shows resolved.

use super::settings::{recipient_of, Recipient};
use super::{log_read, opt_date, PersonalScope};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql::{self, Conn};
use crate::stock::columns::{insert_rows, Value};
use crate::{timestamp, Backend, Db, Result, StoreError, Tx};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::bezit::import::{echo, RowError, RowProblem, WHOLE_ROW};
use volkshuis_domain::money::Money;
use volkshuis_domain::signalering::ledger::{days_after, LedgerRows};
use volkshuis_domain::signalering::rule::{
    decide_with_thresholds, threshold_end, Block, Context, RuleSettings, Thresholds,
};
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

/// What a ledger needs of a unit: its id and gemeente.
struct UnitFacts {
    id: i64,
    gemeente: Option<String>,
}

/// How many units one lookup asks for.
const LOOKUP_CHUNK: usize = 500;
/// Above this many households the organisation's units are read in one pass instead of looked up in chunks.
const READ_ALL_UNITS_FROM: usize = 20_000;
/// Households decided and written per round.
const WRITE_CHUNK: usize = 10_000;

const UNIT_COLUMNS: &str = "id, id_extern, gemeente_code";

fn unit_facts(row: &sql::Row) -> Result<UnitFacts> {
    Ok(UnitFacts { id: row.try_get("id")?, gemeente: row.try_get("gemeente_code")? })
}

/// The organisation's units the ledger names, by `idExtern`: looked up in chunks, or for a large ledger read in
/// one pass (a national ledger names most of the stock, and one scan beats thousands of lookups).
async fn units_of(db: &mut Conn<'_>, org_id: i64, units: &[&str]) -> Result<HashMap<String, UnitFacts>> {
    let mut found = HashMap::with_capacity(units.len());
    if units.len() >= READ_ALL_UNITS_FROM {
        use futures_util::TryStreamExt as _;
        let wanted: HashSet<&str> = units.iter().copied().collect();
        let text = format!("SELECT {UNIT_COLUMNS} FROM units WHERE corporation_id = $1");
        let mut rows = sql::query(&text).bind(org_id).fetch(&mut *db);
        while let Some(row) = rows.try_next().await? {
            let id_extern: String = row.try_get("id_extern")?;
            if wanted.contains(id_extern.as_str()) {
                found.insert(id_extern, unit_facts(&row)?);
            }
        }
        return Ok(found);
    }
    for chunk in units.chunks(LOOKUP_CHUNK) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let text = format!(
            "SELECT {UNIT_COLUMNS} FROM units WHERE corporation_id = $1 AND id_extern IN ({})",
            marks.join(", ")
        );
        let mut query = sql::query(&text).bind(org_id);
        for unit in chunk {
            query = query.bind(*unit);
        }
        for row in query.fetch_all(&mut *db).await? {
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
        Block::ContactBeforeArrears => "contact_voor_achterstand",
        Block::ContactAfterDay => "contact_na_grootboekdag",
        Block::NoDebtHelpPointer => "niet_gewezen_op_schuldhulp",
        Block::NoWrittenReminder => "geen_aanmaning",
        Block::ReminderBeforeArrears => "aanmaning_voor_achterstand",
        Block::ReminderAfterDay => "aanmaning_na_grootboekdag",
        Block::NoOffer => "geen_aanbod",
        Block::OfferBeforeArrears => "aanbod_voor_achterstand",
        Block::OfferAfterDay => "aanbod_na_grootboekdag",
        Block::TooSoon(_) => "te_vroeg",
    }
}

/// What the stock says of a ledger's rows, by line: a contract that came before (its first line named) and a unit
/// the organisation does not have.
fn stock_problems(units: &HashMap<String, UnitFacts>, households: &[Household]) -> Vec<RowError> {
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
    errors.sort_by_key(|e| e.line);
    errors
}

/// A ledger refused for its rows (`rows.problems`, from reading the file) with the problems its readable households
/// have against the stock and against `today` (a day after it) added, and the unknown units of the rows that did not
/// read, ordered by line, so that one round fixes most of it. A refused row's contract is not compared (it may be
/// what could not be read), so a contract twice can still come in the next round. Writes nothing, and reads without
/// a transaction: on SQLite a transaction here would take the write lock and wait behind a running stock import.
pub async fn every_problem(db: &Db, scope: &WriteScope, rows: LedgerRows, today: Date) -> Result<Vec<RowError>> {
    let LedgerRows { households, mut problems, units_of_refused_rows } = rows;
    problems.extend(days_after(&households, today));
    if households.is_empty() && units_of_refused_rows.is_empty() {
        problems.sort_by_key(|e| e.line);
        return Ok(problems);
    }
    let wanted: Vec<&str> = households
        .iter()
        .map(|h| h.unit.as_str())
        .chain(units_of_refused_rows.iter().map(|(_, unit)| unit.as_str()))
        .collect();
    let mut pooled = db.acquire().await?;
    let units = units_of(&mut pooled.conn(), scope.org_id(), &wanted).await?;
    problems.extend(stock_problems(&units, &households));
    for (line, unit) in units_of_refused_rows.into_iter().filter(|(_, unit)| !units.contains_key(unit)) {
        let column = LedgerColumn::Unit.name().into();
        problems.push(RowError { line, column, value: echo(&unit), reason: RowProblem::UnknownUnit });
    }
    // Stable: on one line the file's own problems come first, in column order, then the stock's.
    problems.sort_by_key(|e| e.line);
    Ok(problems)
}

/// Brings in a ledger for the organisation of `scope` as of `today`: every row checked (a duplicate contract, a
/// unit not in the stock; an empty ledger is refused) before anything is written; then the verdict on every
/// household, in one transaction. Nothing is sent: the ledger is pending until [`send_ledger`] (after the user saw
/// what it will send). Returns the pending ledger's id; row problems come back as `Ok(Err(..))` with nothing
/// written. An earlier pending ledger of the organisation, never sent, is dropped.
pub async fn import_ledger(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    file_name: &str,
    households: &[Household],
    today: Date,
) -> Result<std::result::Result<i64, Vec<RowError>>> {
    let org_id = scope.org_id();
    if households.is_empty() {
        // Sent, an empty ledger would mark every open signal's arrears resolved.
        let reason = RowProblem::NoRows;
        return Ok(Err(vec![RowError { line: 2, column: WHOLE_ROW.into(), value: String::new(), reason }]));
    }
    let mut tx = db.begin().await?;
    if tx.conn().backend() == Backend::Postgres {
        // One ledger of an organisation at a time: the open signals read below must still be open when written.
        sql::query("SELECT pg_advisory_xact_lock(7304, CAST($1 AS INTEGER))").bind(org_id).execute(&mut tx).await?;
    }
    let wanted: Vec<&str> = households.iter().map(|h| h.unit.as_str()).collect();
    let units = units_of(&mut tx.conn(), org_id, &wanted).await?;
    let mut errors = stock_problems(&units, households);
    errors.extend(days_after(households, today));
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
    // An earlier ledger that was never sent is dropped; the last one sent keeps its households until this is sent.
    // The log says so: its import is there, and a reader would look for its signals.
    let dropped: Vec<i64> =
        sql::query_scalar("SELECT id FROM sg_ledgers WHERE org_id = $1 AND sent_at IS NULL AND id <> $2 ORDER BY id")
            .bind(org_id)
            .bind(ledger_id)
            .fetch_all(&mut tx)
            .await?;
    for id in &dropped {
        let mut change = Change::event(Some(org_id), "drop", "sg_ledgers", id.to_string());
        change.after = Some(json!({ "replaced_by": ledger_id }));
        audit::record(tx.conn(), actor, change).await?;
    }
    sql::query("DELETE FROM sg_ledgers WHERE org_id = $1 AND sent_at IS NULL AND id <> $2")
        .bind(org_id)
        .bind(ledger_id)
        .execute(&mut tx)
        .await?;

    let mut recipients: HashMap<String, Recipient> = HashMap::new();
    let mut thresholds = HashMap::new();
    let mut household_rows: Vec<Value<'_>> = Vec::with_capacity(WRITE_CHUNK * HOUSEHOLD_COLUMNS.len());
    let mut would_signal = 0_i64;
    for (i, household) in households.iter().enumerate() {
        // Rows are written a chunk at a time, so a national ledger's rows are never all in memory twice.
        if i % WRITE_CHUNK == 0 && i > 0 {
            insert_rows(tx.conn(), "sg_households", &HOUSEHOLD_COLUMNS, &household_rows)
                .await
                .map_err(|e| e.without_values("sg_households"))?;
            household_rows.clear();
        }
        let unit = &units[&household.unit];
        let settings = match &unit.gemeente {
            Some(code) => recipient_cached(&mut tx, &mut recipients, code).await?.settings,
            None => Default::default(),
        };
        let settings = RuleSettings { threshold_days: settings.threshold_days };
        let context = Context {
            gemeente_known: unit.gemeente.is_some(),
            open_signal_since: open.get(&household.contract).copied(),
        };
        // One cache for both kinds of day: a term from a day is the same whether the arrears arose or the offer was
        // sent on it.
        let mut term = |day: Date| {
            *thresholds.entry((day, settings.threshold_days)).or_insert_with(|| threshold_end(day, settings, &calendar))
        };
        let terms = Thresholds { arrears: term(household.arrears_since), offer: household.offer_on.map(&mut term) };
        let decision = decide_with_thresholds(household, context, terms, today);
        let signal_from = decision.blocks.iter().find_map(|b| match b {
            Block::TooSoon(from) => Some(date_to_text(*from)),
            _ => None,
        });
        would_signal += i64::from(decision.signalled());
        let verdict = Decided { blocks: &decision.blocks, signal_from };
        push_household(&mut household_rows, (ledger_id, org_id, unit.id), household, verdict);
    }
    insert_rows(tx.conn(), "sg_households", &HOUSEHOLD_COLUMNS, &household_rows)
        .await
        .map_err(|e| e.without_values("sg_households"))?;
    sql::query("UPDATE sg_ledgers SET households = $2, signalled = $3 WHERE id = $1")
        .bind(ledger_id)
        .bind(households.len() as i64)
        .bind(would_signal)
        .execute(&mut tx)
        .await?;
    let mut change = Change::event(Some(org_id), "import", "sg_ledgers", ledger_id.to_string());
    change.after = Some(json!({ "households": households.len(), "signalled": would_signal, "resolved": 0 }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(ledger_id))
}

/// The recipient of a gemeente's signals, read once per gemeente.
async fn recipient_cached(tx: &mut Tx, cache: &mut HashMap<String, Recipient>, code: &str) -> Result<Recipient> {
    if let Some(recipient) = cache.get(code) {
        return Ok(*recipient);
    }
    let recipient = recipient_of(tx, code).await?;
    cache.insert(code.to_owned(), recipient);
    Ok(recipient)
}

/// A caller's turn to bring in and send a ledger of one organisation in two steps ([`import_ledger`], then
/// [`send_ledger`]) without another caller's import dropping the first one's pending ledger in between (the API,
/// which takes both steps at once). A lease row in `sg_ledger_turns` (ADR 0067): it holds no pool connection while
/// the call works, every server of the platform sees it, and one left behind by a crash expires after
/// [`TURN_SECONDS`]. Dropping the turn deletes the row.
pub struct LedgerTurn {
    db: Db,
    org_id: i64,
    holder: String,
}

/// How long a turn lasts at most: longer than the API's time-out, so it ends with the call, not during it.
pub const TURN_SECONDS: i64 = 300;

/// The turn of the organisation at `now`, or `None` while another caller has it.
pub async fn try_ledger_turn(db: &Db, org_id: i64, now: time::OffsetDateTime) -> Result<Option<LedgerTurn>> {
    let holder = crate::sessions::new_token();
    let at = timestamp::to_unix(now);
    let claimed = sql::query(
        "INSERT INTO sg_ledger_turns (org_id, holder, until_at) VALUES ($1, $2, $3) ON CONFLICT (org_id) DO UPDATE \
         SET holder = excluded.holder, until_at = excluded.until_at WHERE sg_ledger_turns.until_at <= $4",
    )
    .bind(org_id)
    .bind(&holder)
    .bind(at + TURN_SECONDS)
    .bind(at)
    .execute(db)
    .await?
    .rows_affected()
        == 1;
    Ok(claimed.then(|| LedgerTurn { db: db.clone(), org_id, holder }))
}

const END_TURN: &str = "DELETE FROM sg_ledger_turns WHERE org_id = $1 AND holder = $2";

impl LedgerTurn {
    /// Ends the turn now; a turn dropped instead ends a moment later.
    pub async fn release(mut self) -> Result<()> {
        sql::query(END_TURN).bind(self.org_id).bind(&self.holder).execute(&self.db).await?;
        // Ended: nothing for `Drop` to do. A delete that failed, or was cancelled, leaves the holder for `Drop`.
        self.holder.clear();
        Ok(())
    }
}

impl Drop for LedgerTurn {
    fn drop(&mut self) {
        // A call that ended early (an error, or cancelled by the time-out) drops its turn: the row is deleted beside
        // it (an API call always has a runtime; without one the row expires).
        if self.holder.is_empty() {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        let (db, org_id, holder) = (self.db.clone(), self.org_id, std::mem::take(&mut self.holder));
        runtime.spawn(async move {
            if let Err(error) = sql::query(END_TURN).bind(org_id).bind(&holder).execute(&db).await {
                tracing::warn!(?error, org_id, "a ledger turn was left to expire");
            }
        });
    }
}

/// Why a pending ledger could not be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendRefusal {
    /// No pending ledger of this organisation with that id.
    NotPending,
    /// It was decided on another day: its verdicts are of that day, so it is brought in again.
    Stale,
}

/// Sends the signals of a pending ledger of the organisation of `scope`, decided on `today`: one signal per
/// household whose verdict was "signalled" (unless a signal for its contract was opened since), with the stock's
/// address as it is now, to the municipality of its gemeente or for delivery by file; then marks the arrears of
/// open signals whose contract left the ledger as resolved (and those that came back as not), and keeps only this
/// ledger's households. One transaction.
pub async fn send_ledger(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    ledger_id: i64,
    today: Date,
) -> Result<std::result::Result<LedgerSummary, SendRefusal>> {
    let org_id = scope.org_id();
    if db.backend() == Backend::Postgres {
        let households: Option<i64> =
            sql::query_scalar("SELECT households FROM sg_ledgers WHERE id = $1 AND org_id = $2 AND sent_at IS NULL")
                .bind(ledger_id)
                .bind(org_id)
                .fetch_optional(db)
                .await?;
        if households.is_some_and(|n| n >= READ_ALL_UNITS_FROM as i64) {
            // The statements below read the whole ledger. Before autovacuum has counted a large one, PostgreSQL plans
            // them for the few rows the table held before and joins row by row (a national ledger's signals took
            // 52 s instead of 22 s); sampling it costs about a second, in a transaction of its own so that its lock
            // is not held through the send.
            sql::raw_sql("ANALYZE sg_households", db).await?;
        }
    }
    let mut tx = db.begin().await?;
    if tx.conn().backend() == Backend::Postgres {
        sql::query("SELECT pg_advisory_xact_lock(7304, CAST($1 AS INTEGER))").bind(org_id).execute(&mut tx).await?;
    }
    let row =
        sql::query("SELECT decided_on, households FROM sg_ledgers WHERE id = $1 AND org_id = $2 AND sent_at IS NULL")
            .bind(ledger_id)
            .bind(org_id)
            .fetch_optional(&mut tx)
            .await?;
    let Some(row) = row else { return Ok(Err(SendRefusal::NotPending)) };
    if super::date(&row, "decided_on")? != today {
        return Ok(Err(SendRefusal::Stale));
    }
    let households: i64 = row.try_get("households")?;
    // A household whose contract got an open signal since the verdict is not signalled again.
    sql::query(
        "UPDATE sg_households SET blocks = 'al_gesignaleerd' WHERE ledger_id = $1 AND blocks = '' AND EXISTS \
         (SELECT 1 FROM sg_signals s WHERE s.sender_org_id = $2 AND s.closed_on IS NULL AND s.contract = sg_households.contract)",
    )
    .bind(ledger_id)
    .bind(org_id)
    .execute(&mut tx)
    .await?;
    let last_signal: i64 = sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM sg_signals WHERE sender_org_id = $1")
        .bind(org_id)
        .fetch_one(&mut tx)
        .await?;
    // The signals are written set-based in one statement, whatever the number of receivers (a statement per
    // receiver read the whole ledger again for each of up to 342 municipalities): the households' allowed fields, the
    // stock's address as it is now (the house number as `HouseNumber` shows it: 12A-2), and per gemeente its receiver
    // and latest deletion day from a table of the ledger's gemeenten. A temporary table with a key, because joined
    // to a `VALUES` list SQLite read the ledger once per gemeente; it goes with the transaction if this fails.
    let gemeenten: Vec<String> = sql::query_scalar(
        "SELECT DISTINCT u.gemeente_code FROM sg_households h JOIN units u ON u.id = h.unit_id \
         WHERE h.ledger_id = $1 AND h.blocks = '' AND u.gemeente_code IS NOT NULL ORDER BY u.gemeente_code",
    )
    .bind(ledger_id)
    .fetch_all(&mut tx)
    .await?;
    sql::query(
        "CREATE TEMPORARY TABLE sg_receivers (gemeente_code TEXT PRIMARY KEY, recipient_org_id BIGINT, \
         delete_on TEXT NOT NULL)",
    )
    .execute(&mut tx)
    .await?;
    for code in &gemeenten {
        let recipient = recipient_of(&mut tx, code).await?;
        sql::query("INSERT INTO sg_receivers (gemeente_code, recipient_org_id, delete_on) VALUES ($1, $2, $3)")
            .bind(code.as_str())
            .bind(recipient.org_id)
            .bind(date_to_text(delete_cap(today, recipient.settings.retention)))
            .execute(&mut tx)
            .await?;
    }
    sql::query(&format!(
        "INSERT INTO sg_signals ({SIGNAL_COLUMNS}) SELECT $1, r.recipient_org_id, u.gemeente_code, h.contract, u.id, \
         h.name, h.phone, h.email, u.straatnaam, CAST(u.huisnummer AS TEXT) || COALESCE(u.huisletter, '') || \
         CASE WHEN u.huisnummer_toevoeging IS NULL THEN '' ELSE '-' || u.huisnummer_toevoeging END, u.postcode, \
         u.woonplaats, u.bag_verblijfsobject_id, h.amount_cents, h.arrears_since, $3, NULL, r.delete_on \
         FROM sg_households h JOIN units u ON u.id = h.unit_id JOIN sg_receivers r ON r.gemeente_code = u.gemeente_code \
         WHERE h.ledger_id = $2 AND h.blocks = '' ORDER BY h.id"
    ))
    .bind(org_id)
    .bind(ledger_id)
    .bind(date_to_text(today))
    .execute(&mut tx)
    .await?;
    sql::query("DROP TABLE sg_receivers").execute(&mut tx).await?;
    let mut sent: Vec<(i64, u64)> = Vec::new();
    let mut by_file = 0;
    let per_recipient = sql::query(
        "SELECT recipient_org_id, COUNT(*) AS n FROM sg_signals WHERE id > $2 AND sender_org_id = $1 \
         GROUP BY recipient_org_id ORDER BY recipient_org_id",
    )
    .bind(org_id)
    .bind(last_signal)
    .fetch_all(&mut tx)
    .await?;
    for row in &per_recipient {
        let written = u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0);
        match row.try_get::<Option<i64>, _>("recipient_org_id")? {
            Some(to) => sent.push((to, written)),
            None => by_file += written,
        }
    }
    // Each receiving municipality's new signals into its buckets, by the domain's rule.
    for (to, _) in &sent {
        super::buckets::sort_new(&mut tx, *to, last_signal, today).await?;
    }
    let signalled = sent.iter().map(|(_, n)| *n as i64).sum::<i64>() + by_file as i64;
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
    // Arrears resolved: an open signal whose contract is no longer in the ledger; one that came back is not. Only
    // signals sent before this ledger can be either (a new one's contract is in it), and a national ledger's new
    // signals are a million rows the two statements need not look at.
    let resolved = sql::query(
        "UPDATE sg_facts SET resolved_on = $3 WHERE resolved_on IS NULL AND signal_id IN (SELECT s.id FROM sg_signals s \
         WHERE s.sender_org_id = $1 AND s.id <= $4 AND s.closed_on IS NULL AND NOT EXISTS \
         (SELECT 1 FROM sg_households h WHERE h.ledger_id = $2 AND h.contract = s.contract))",
    )
    .bind(org_id)
    .bind(ledger_id)
    .bind(date_to_text(today))
    .bind(last_signal)
    .execute(&mut tx)
    .await?
    .rows_affected();
    sql::query(
        "UPDATE sg_facts SET resolved_on = NULL WHERE resolved_on IS NOT NULL AND signal_id IN (SELECT s.id \
         FROM sg_signals s WHERE s.sender_org_id = $1 AND s.id <= $3 AND s.closed_on IS NULL AND EXISTS \
         (SELECT 1 FROM sg_households h WHERE h.ledger_id = $2 AND h.contract = s.contract))",
    )
    .bind(org_id)
    .bind(ledger_id)
    .bind(last_signal)
    .execute(&mut tx)
    .await?;
    sql::query("DELETE FROM sg_households WHERE org_id = $1 AND ledger_id <> $2")
        .bind(org_id)
        .bind(ledger_id)
        .execute(&mut tx)
        .await?;
    sql::query("UPDATE sg_ledgers SET signalled = $2, resolved = $3, sent_at = $4 WHERE id = $1")
        .bind(ledger_id)
        .bind(signalled)
        .bind(resolved as i64)
        .bind(timestamp::to_unix(actor.at))
        .execute(&mut tx)
        .await?;
    let mut change = Change::event(Some(org_id), "send", "sg_ledgers", ledger_id.to_string());
    change.after = Some(json!({ "signalled": signalled, "by_file": by_file, "resolved": resolved }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(LedgerSummary { id: ledger_id, households: households as u64, sent, by_file, resolved }))
}

/// A signal nobody closes is still deleted: this long after it was sent (the longest period a closed one is kept,
/// counted from the day it was sent).
fn delete_cap(sent_on: Date, retention: volkshuis_domain::signalering::retention::Retention) -> Date {
    volkshuis_domain::calendar::add_months(sent_on, retention.follow_up_months.max(retention.closed_months) + 6)
}

/// The columns of a household's row, in the order [`push_household`] writes them.
const HOUSEHOLD_COLUMNS: [&str; 20] = [
    "ledger_id",
    "org_id",
    "line",
    "contract",
    "unit_id",
    "name",
    "phone",
    "email",
    "amount_cents",
    "arrears_since",
    "reminder_on",
    "offer_on",
    "contact_on",
    "contact_kind",
    "contact_reached",
    "debt_help_pointed",
    "objection",
    "arrangement",
    "blocks",
    "signal_from",
];

/// What the rule said of a household, as stored beside it.
struct Decided<'a> {
    blocks: &'a [Block],
    /// The day the signal may go, when only the threshold stopped it.
    signal_from: Option<String>,
}

/// Appends a household's row (ledger, organisation and unit ids first) to `rows`, its texts borrowed from the
/// ledger as read: a national ledger writes some 20 million of them.
fn push_household<'a>(
    rows: &mut Vec<Value<'a>>,
    (ledger_id, org_id, unit_id): (i64, i64, i64),
    h: &'a Household,
    verdict: Decided<'_>,
) {
    let day = |d: Option<Date>| Value::Text(d.map(|d| date_to_text(d).into()));
    let flag = |b: bool| Value::Int(Some(i64::from(b)));
    let blocks: Vec<&str> = verdict.blocks.iter().map(block_code).collect();
    rows.extend([
        Value::Int(Some(ledger_id)),
        Value::Int(Some(org_id)),
        Value::Int(Some(h.line as i64)),
        Value::text(Some(&h.contract)),
        Value::Int(Some(unit_id)),
        Value::text(Some(&h.name)),
        Value::text(h.phone.as_deref()),
        Value::text(h.email.as_deref()),
        Value::Int(Some(h.amount.cents())),
        day(Some(h.arrears_since)),
        day(h.reminder_on),
        day(h.offer_on),
        day(h.contact_on),
        Value::text(h.contact_kind.map(|k| k.code())),
        flag(h.contact_reached),
        flag(h.debt_help_pointed),
        flag(h.objection),
        Value::text(Some(h.arrangement.code())),
        Value::Text(Some(blocks.join(",").into())),
        Value::Text(verdict.signal_from.map(Into::into)),
    ]);
}

/// The columns a signal is written with: only the fields the law lets travel, with the stock's address.
const SIGNAL_COLUMNS: &str = "sender_org_id, recipient_org_id, gemeente_code, contract, unit_id, name, phone, email, \
     street, house_number, postcode, woonplaats, bag_id, amount_cents, arrears_since, sent_on, bucket_id, delete_on";

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
    /// Whether its signals were sent (otherwise it waits for the confirmation, or was dropped for a newer one).
    pub sent: bool,
}

/// The organisation's ledgers, newest first.
pub async fn ledgers(db: &Db, scope: &ReadScope, limit: i64) -> Result<Vec<LedgerRun>> {
    let rows = sql::query(
        "SELECT id, decided_on, file_name, households, signalled, resolved, imported_by, sent_at FROM sg_ledgers \
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
                sent: r.try_get::<Option<i64>, _>("sent_at")?.is_some(),
            })
        })
        .collect()
}

/// A ledger waiting for its confirmation: what sending it will do, in counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The ledger.
    pub id: i64,
    /// Its file.
    pub file_name: String,
    /// The day it was decided on (it can be sent that day only).
    pub decided_on: Date,
    /// Households in it.
    pub households: i64,
    /// Signals per receiving municipality on the platform: its name and the count.
    pub to_municipalities: Vec<(String, i64)>,
    /// Signals per gemeente not on the platform (delivery by file): its code and the count.
    pub by_file: Vec<(String, i64)>,
    /// Open signals whose contract is no longer in the ledger and whose arrears will now count as resolved.
    pub resolving: i64,
}

/// The organisation's ledger waiting for its confirmation, if any (counts only, no persons).
pub async fn pending(db: &Db, scope: &ReadScope) -> Result<Option<Pending>> {
    let row = sql::query(
        "SELECT id, file_name, decided_on, households FROM sg_ledgers WHERE org_id = $1 AND sent_at IS NULL \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(scope.org_id())
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    let per_gemeente = sql::query(
        "SELECT u.gemeente_code, COUNT(*) AS n FROM sg_households h JOIN units u ON u.id = h.unit_id \
         WHERE h.ledger_id = $1 AND h.blocks = '' AND u.gemeente_code IS NOT NULL GROUP BY u.gemeente_code \
         ORDER BY u.gemeente_code",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    let mut to: HashMap<String, i64> = HashMap::new();
    let mut by_file = Vec::new();
    let mut tx = db.begin().await?;
    for r in &per_gemeente {
        let (code, n): (String, i64) = (r.try_get("gemeente_code")?, r.try_get("n")?);
        match super::settings::recipient_name(&mut tx, &code).await? {
            Some(name) => *to.entry(name).or_default() += n,
            None => by_file.push((code, n)),
        }
    }
    tx.commit().await?;
    let mut to_municipalities: Vec<(String, i64)> = to.into_iter().collect();
    to_municipalities.sort();
    // As sending counts them: an open signal not in the ledger whose arrears do not count as resolved already (an
    // earlier ledger without its contract resolved them).
    let resolving: i64 = sql::query_scalar(
        "SELECT COUNT(*) FROM sg_signals s JOIN sg_facts f ON f.signal_id = s.id AND f.resolved_on IS NULL \
         WHERE s.sender_org_id = $1 AND s.closed_on IS NULL AND NOT EXISTS \
         (SELECT 1 FROM sg_households h WHERE h.ledger_id = $2 AND h.contract = s.contract)",
    )
    .bind(scope.org_id())
    .bind(id)
    .fetch_one(db)
    .await?;
    Ok(Some(Pending {
        id,
        file_name: row.try_get("file_name")?,
        decided_on: super::date(&row, "decided_on")?,
        households: row.try_get("households")?,
        to_municipalities,
        by_file,
        resolving,
    }))
}

/// Before a ledger is brought in: how many open signals of the organisation of `scope` whose arrears do not count as
/// resolved yet would count as resolved by a ledger of `contracts` (their contract is not in it), and how many such
/// open signals there are. The same count as [`Pending::resolving`], read without writing anything.
pub async fn resolving_by(db: &Db, scope: &ReadScope, contracts: &HashSet<&str>) -> Result<(i64, i64)> {
    let open: Vec<String> = sql::query_scalar(
        "SELECT s.contract FROM sg_signals s JOIN sg_facts f ON f.signal_id = s.id AND f.resolved_on IS NULL \
         WHERE s.sender_org_id = $1 AND s.closed_on IS NULL",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    let resolving = open.iter().filter(|contract| !contracts.contains(contract.as_str())).count();
    Ok((i64::try_from(resolving).unwrap_or(i64::MAX), i64::try_from(open.len()).unwrap_or(i64::MAX)))
}

/// One household of the latest ledger with its verdict.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The household's row id.
    pub id: i64,
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
    // The latest ledger, pending or sent.
    let latest: i64 = sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM sg_ledgers WHERE org_id = $1")
        .bind(scope.org_id())
        .fetch_one(&mut tx)
        .await?;
    let total: i64 = sql::query_scalar(&format!(
        "SELECT COUNT(*) FROM sg_households h WHERE h.org_id = $1 AND h.ledger_id = $2{condition}"
    ))
    .bind(scope.org_id())
    .bind(latest)
    .fetch_one(&mut tx)
    .await?;
    let rows = sql::query(&format!(
        "SELECT h.id, h.line, h.contract, h.name, u.id_extern, h.amount_cents, h.arrears_since, h.arrangement, h.blocks, \
         h.signal_from FROM sg_households h JOIN units u ON u.id = h.unit_id \
         WHERE h.org_id = $1 AND h.ledger_id = $4{condition} ORDER BY h.line LIMIT $2 OFFSET $3"
    ))
    .bind(scope.org_id())
    .bind(limit)
    .bind(offset)
    .bind(latest)
    .fetch_all(&mut tx)
    .await?;
    let list = rows
        .iter()
        .map(|r| {
            let arrangement: String = r.try_get("arrangement")?;
            let blocks: String = r.try_get("blocks")?;
            Ok(Verdict {
                id: r.try_get("id")?,
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
        let page = format!("ledger {latest} page {}", offset / limit.max(1) + 1);
        log_read(tx.conn(), actor, scope, ("sg_households", page), &super::ids_of(&list, |v| v.id)).await?;
    }
    tx.commit().await?;
    Ok((list, total))
}
