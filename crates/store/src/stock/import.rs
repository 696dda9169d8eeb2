//! Importing a stock file: validate every row, then write new and changed units in one transaction.
//!
//! One pass, streaming: rows are written as they are read, inside a transaction that is committed only at the end
//! and only when the file had no errors (or the caller chose to import the valid rows). An error or a crash half-way
//! leaves the database exactly as it was; a dry run writes nothing at all. A file that brings more units than the
//! table holds switches to a bulk load (see [`super::bulk`]). Three hands share the work: a thread reads and checks
//! the file, the importer compares each unit with the stored one, and a writer task runs the writes (see
//! [`super::writer`]).

use super::bulk;
use super::cells::CellSums;
use super::columns::{insert_rows, ReadyStatement, Value};
use super::columns::{POSTGRES_ROWS_PER_COPY, POSTGRES_ROWS_PER_STATEMENT, SQLITE_ROWS_PER_STATEMENT};
use super::known::{KnownUnits, Print};
use super::writer::{job, Writer};
use crate::audit::{self, Actor, Change};
use crate::sql::{self, Conn};
use crate::{timestamp, Backend, Db, Result};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::bezit::import::{ImportWarning, RowError, RowProblem, StockReader, VeraCodes, WHOLE_ROW};
use volkshuis_domain::bezit::UnitRecord;

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Validate and count, but write nothing.
    pub dry_run: bool,
    /// Mark units missing from this (full) file as out of use.
    pub mark_missing: bool,
    /// The user confirmed that the stock is now empty: a full file without a single unit may mark every unit out of
    /// use. Without it such a file is refused (a header-only export is far more often a mistake than an empty stock).
    pub confirm_empty_stock: bool,
    /// Write the valid rows even when other rows have errors.
    pub import_valid_rows: bool,
    /// The year of the CBS area codes in the file.
    pub cbs_year: i64,
}

/// What an import found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Data rows read (blank lines not counted).
    pub rows: u64,
    /// Units that did not exist.
    pub new: u64,
    /// Units whose data changed.
    pub changed: u64,
    /// Units exactly as stored.
    pub unchanged: u64,
    /// Units in use in the database but not in the file.
    pub missing: u64,
    /// Of those, how many were marked out of use.
    pub marked_missing: u64,
    /// Every row error, by line.
    pub errors: Vec<RowError>,
    /// Warnings about the file.
    pub warnings: Vec<ImportWarning>,
    /// Whether anything was written.
    pub written: bool,
    /// Units without area codes that got them from their position, in the import's transaction.
    pub filled: crate::areas::Filled,
}

const UNIT_COLUMNS: [&str; 29] = [
    "corporation_id",
    "id_extern",
    "cluster_id",
    "soort",
    "detail_soort",
    "status",
    "straatnaam",
    "huisnummer",
    "huisletter",
    "huisnummer_toevoeging",
    "postcode",
    "woonplaats",
    "bag_verblijfsobject_id",
    "bag_pand_id",
    "gemeente_code",
    "wijk_code",
    "buurt_code",
    "cbs_year",
    "lat",
    "lon",
    "bouwjaar",
    "gebruiksoppervlakte",
    "kamers",
    "maatschappelijk_label",
    "nettohuur_cents",
    "brutohuur_cents",
    "fingerprint",
    "created_at",
    "updated_at",
];

/// A row as the parsing thread hands it over: the unit, and the hash of its canonical text so far (the complex's id,
/// which completes it, is known only to the writer).
struct Parsed {
    line: u64,
    unit: UnitRecord,
    hash: Sha256,
}

type Item = std::result::Result<Parsed, Vec<RowError>>;

/// Rows per message from the parsing thread to the importer.
const PARSE_BATCH: usize = 1_000;

/// Reads, validates and hashes the file on a thread of its own, so that on a machine with two cores the parsing of
/// the next rows overlaps with the database writing the previous ones. Stops when the receiver is gone. The handle
/// tells whether the thread read to the end: a channel that closes because the thread panicked must not look like
/// the end of the file.
fn parse_in_background<R: BufRead + Send + 'static>(
    reader: StockReader<R>,
) -> (tokio::sync::mpsc::Receiver<Vec<Item>>, std::thread::JoinHandle<()>) {
    let (sender, receiver) = tokio::sync::mpsc::channel(8);
    let handle = std::thread::spawn(move || {
        let mut text = String::with_capacity(512);
        let mut batch = Vec::with_capacity(PARSE_BATCH);
        for item in reader {
            batch.push(item.map(|row| {
                text.clear();
                row.unit.write_fingerprint(&mut text);
                Parsed { line: row.line, hash: Sha256::new_with_prefix(text.as_bytes()), unit: row.unit }
            }));
            if batch.len() == PARSE_BATCH && sender.blocking_send(std::mem::take(&mut batch)).is_err() {
                return;
            }
        }
        if !batch.is_empty() {
            let _ = sender.blocking_send(batch);
        }
    });
    (receiver, handle)
}

/// The unit's fingerprint: a hash of its canonical text with its complex and CBS year (the first 16 bytes).
fn fingerprint(mut hash: Sha256, cluster_id: Option<i64>, cbs_year: i64) -> Print {
    // The bytes of `format!("\u{1f}{cluster_id:?}\u{1f}{cbs_year}")`, which the stored fingerprints were made of,
    // without the formatting machinery (a test holds them equal).
    let mut number = itoa::Buffer::new();
    hash.update(b"\x1f");
    match cluster_id {
        Some(id) => {
            hash.update(b"Some(");
            hash.update(number.format(id));
            hash.update(b")");
        }
        None => hash.update(b"None"),
    }
    hash.update(b"\x1f");
    hash.update(number.format(cbs_year));
    let mut print = Print::default();
    print.copy_from_slice(&hash.finalize()[..16]);
    print
}

/// A fingerprint as it is stored: 32 lowercase hex characters. Only for units that are written.
fn print_hex(print: &Print) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    print.iter().flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]).map(char::from).collect()
}

/// A unit to write: the record, its complex's id and its fingerprint in hex.
type NewUnit = (UnitRecord, Option<i64>, String);

/// A complex as stored (or as this import stores it).
#[derive(Clone)]
struct Complex {
    id: i64,
    soort: Option<String>,
    naam: Option<String>,
}

/// Ids for the complexes an import creates, handed out without a round trip through the writer for each.
enum ClusterIds {
    /// A dry run's made-up ids below zero: nothing is written.
    DryRun(i64),
    /// SQLite: the next free id. The import holds the write lock from its start, so nobody else can take it.
    Next(i64),
    /// PostgreSQL: ids from the table's own sequence, taken in blocks outside the transaction (a sequence does not
    /// roll back anyway). `reserved` is used from its end.
    Sequence { db: Db, reserved: Vec<i64> },
}

/// Complex ids taken from PostgreSQL's sequence at a time.
const CLUSTER_IDS_PER_BLOCK: i64 = 256;

impl ClusterIds {
    async fn new(conn: Conn<'_>, db: &Db, dry_run: bool) -> Result<Self> {
        Ok(match db.backend() {
            _ if dry_run => ClusterIds::DryRun(-1),
            Backend::Sqlite => ClusterIds::Next(
                sql::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM clusters").fetch_one(conn).await?,
            ),
            Backend::Postgres => ClusterIds::Sequence { db: db.clone(), reserved: Vec::new() },
        })
    }

    async fn next(&mut self) -> Result<i64> {
        Ok(match self {
            ClusterIds::DryRun(next) => std::mem::replace(next, *next - 1),
            ClusterIds::Next(next) => std::mem::replace(next, *next + 1),
            ClusterIds::Sequence { db, reserved } => {
                if reserved.is_empty() {
                    *reserved = sql::query_scalar(
                        "SELECT nextval(pg_get_serial_sequence('clusters', 'id')) FROM generate_series(1, $1) \
                         ORDER BY 1 DESC",
                    )
                    .bind(CLUSTER_IDS_PER_BLOCK)
                    .fetch_all(&*db)
                    .await?;
                }
                reserved.pop().ok_or(crate::StoreError::NotFound)?
            }
        })
    }
}

/// How long an import waits for another import of the same stock (PostgreSQL) or for the database's one writer
/// (SQLite, its busy timeout) before it is refused with [`crate::StoreError::ImportRunning`].
const WAIT_FOR_OTHER_IMPORT: &str = "10s";

/// The first key of the advisory locks that take a corporation's imports in turn (the second is the corporation).
const IMPORT_LOCK_SPACE: i32 = 1_700;

/// Starts the import's transaction, taking the import's locks before anything else, in one order, so that two
/// imports never hold one lock each while waiting for the other's.
///
/// - SQLite: the write lock at once (`BEGIN IMMEDIATE`; the complexes' ids depend on it).
/// - PostgreSQL: an advisory lock on the corporation, first, against a second import of its stock at the same time
///   (which would give a complex two ids). It locks no table or row: before, the corporation's row was locked
///   (`FOR NO KEY UPDATE`), and a second import waiting for that row held a lock on `organisations` that the first
///   one's bulk load needed to drop its foreign key: "deadlock detected". Now the second waits on the lock alone.
///
/// Either waits [`WAIT_FOR_OTHER_IMPORT`] for a running import, then refuses with
/// [`crate::StoreError::ImportRunning`]. A dry run only reads, and takes no lock.
async fn begin(mut conn: Conn<'_>, backend: Backend, dry_run: bool, corporation_id: i64) -> Result<()> {
    let refused = |error: crate::StoreError| match error {
        crate::StoreError::Busy => crate::StoreError::ImportRunning,
        other => other,
    };
    match backend {
        Backend::Sqlite if !dry_run => {
            sql::query("BEGIN IMMEDIATE").execute(&mut conn).await.map_err(|e| refused(e.into()))?;
        }
        _ => {
            sql::query("BEGIN").execute(&mut conn).await?;
        }
    }
    if backend == Backend::Postgres && !dry_run {
        sql::raw_sql(&format!("SET LOCAL lock_timeout = '{WAIT_FOR_OTHER_IMPORT}'"), &mut conn).await?;
        sql::query("SELECT pg_advisory_xact_lock($1, CAST($2 % 2147483648 AS INTEGER))")
            .bind(IMPORT_LOCK_SPACE)
            .bind(corporation_id)
            .execute(&mut conn)
            .await
            .map_err(|e| refused(e.into()))?;
        // The bulk load's own locks wait for readers as long as they must.
        sql::raw_sql("SET LOCAL lock_timeout = DEFAULT", &mut conn).await?;
    }
    Ok(())
}

struct Importer<'p> {
    /// Runs the writes on the import's connection, in its transaction.
    writer: Writer,
    backend: Backend,
    /// Units in the whole table before this import (all corporations), to decide on a bulk load.
    table_units: u64,
    /// Whether the import switched to a bulk load (once).
    bulk: bool,
    /// Whether that bulk load dropped the secondary indexes until the commit (set by the writer; on PostgreSQL only
    /// one import at a time does, see [`bulk::begin`]).
    bulk_dropped: Arc<AtomicBool>,
    cluster_ids: ClusterIds,
    /// Complexes new in this file, not written yet, with their codes.
    new_clusters: Vec<(String, Complex)>,
    corporation_id: i64,
    options: ImportOptions,
    now: i64,
    /// The corporation's complexes by code.
    clusters: HashMap<String, Complex>,
    known: KnownUnits,
    /// The VERA lists the coded columns are checked against (those loaded).
    vera: VeraCodes,
    /// The cells of the file's units (see [`CellSums`]); none in a dry run.
    cells: Option<CellSums>,
    /// New units not written yet: unit, complex id, fingerprint.
    pending: Vec<NewUnit>,
    /// Changed units not written yet: their id, then as `pending`.
    changes: Vec<(i64, NewUnit)>,
    summary: ImportSummary,
    progress: &'p mut (dyn FnMut(u64) + Send),
    /// When the import began (its phases are logged).
    started: std::time::Instant,
}

/// Imports a stock file for the corporation of `scope`. `progress` is called with the number of rows read, every
/// 1,000 rows.
pub async fn import_units<R: BufRead + Send + 'static>(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    source: &str,
    reader: StockReader<R>,
    options: ImportOptions,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<ImportSummary> {
    let started = std::time::Instant::now();
    let corporation_id = scope.org_id();
    // The import gets a connection of its own, closed afterwards (not returned to the pool), so what it tunes for a
    // big load stays with it, and an import that fails or is dropped half-way takes its transaction with it.
    let mut conn = db.detached().await?;
    bulk::prepare(conn.conn()).await?;
    begin(conn.conn(), db.backend(), options.dry_run, corporation_id).await?;
    let tx = &mut conn;
    let table_units: i64 = sql::query_scalar("SELECT CAST(COALESCE(SUM(units_in_use), 0) AS BIGINT) FROM stock_totals")
        .fetch_one(&mut *tx)
        .await?;
    let in_use: Option<i64> = sql::query_scalar("SELECT units_in_use FROM stock_totals WHERE corporation_id = $1")
        .bind(corporation_id)
        .fetch_optional(&mut *tx)
        .await?;
    let known = KnownUnits::load(tx.conn(), corporation_id, in_use.map_or(0, |n| n.max(0) as usize)).await?;
    let clusters = sql::query("SELECT id, code, naam, soort FROM clusters WHERE corporation_id = $1")
        .bind(corporation_id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            let complex = Complex { id: r.try_get("id")?, soort: r.try_get("soort")?, naam: r.try_get("naam")? };
            Ok((r.try_get::<String, _>("code")?, complex))
        })
        .collect::<Result<HashMap<_, _>>>()?;
    let vera = crate::vera::stock_codes(&mut *tx).await?;
    let cluster_ids = ClusterIds::new(conn.conn(), db, options.dry_run).await?;
    let cells = (!options.dry_run).then(CellSums::default);
    let warnings = reader.warnings().to_vec();
    let mut importer = Importer {
        writer: Writer::start(conn),
        backend: db.backend(),
        table_units: u64::try_from(table_units).unwrap_or_default(),
        bulk: false,
        bulk_dropped: Arc::default(),
        cluster_ids,
        new_clusters: Vec::new(),
        corporation_id,
        options,
        now: timestamp::to_unix(actor.at),
        clusters,
        known,
        vera,
        cells,
        pending: Vec::new(),
        changes: Vec::new(),
        summary: ImportSummary { warnings, ..Default::default() },
        progress,
        started,
    };
    let (mut rows, parser) = parse_in_background(reader);
    while let Some(batch) = rows.recv().await {
        for item in batch {
            importer.summary.rows += 1;
            if importer.summary.rows.is_multiple_of(1_000) {
                (importer.progress)(importer.summary.rows);
            }
            match item {
                Ok(row) => importer.row(row).await?,
                Err(mut errors) => importer.summary.errors.append(&mut errors),
            }
        }
    }
    // The channel is closed, so the thread has ended or is unwinding: joining it does not wait.
    if parser.join().is_err() {
        return Err(crate::StoreError::ReaderStopped);
    }
    importer.finish(db, actor, source).await
}

impl Importer<'_> {
    async fn row(&mut self, Parsed { line, unit, hash }: Parsed) -> Result<()> {
        let mut refused = self.vera.problems(line, &unit);
        let stored = match self.known.see(&unit.id_extern, line) {
            Ok(stored) => stored,
            Err(first) => {
                refused.push(RowError {
                    line,
                    column: "idExtern".into(),
                    value: unit.id_extern.clone(),
                    reason: RowProblem::Duplicate { first },
                });
                None
            }
        };
        if !refused.is_empty() {
            self.summary.errors.append(&mut refused);
            return Ok(());
        }
        let cluster_id = self.cluster_id(&unit).await?;
        let print = fingerprint(hash, cluster_id, self.options.cbs_year);
        // New, changed or unchanged, the unit is in use after this import as the file gives it.
        if let Some(cells) = &mut self.cells {
            cells.add(&unit, cluster_id);
        }
        match stored {
            None => {
                self.summary.new += 1;
                if self.options.dry_run {
                    return Ok(());
                }
                self.bulk_from_now_if(bulk::worth_it(self.summary.new, self.table_units)).await?;
                self.pending.push((unit, cluster_id, print_hex(&print)));
                if self.pending.len() >= self.batch_size() {
                    self.flush().await?;
                }
            }
            Some(stored) if stored.in_use && stored.print == Some(print) => self.summary.unchanged += 1,
            Some(stored) => {
                self.summary.changed += 1;
                let id = stored.id;
                if !self.options.dry_run {
                    let worth_it = bulk::worth_it_for_changes(self.backend, self.summary.changed, self.table_units);
                    self.bulk_from_now_if(worth_it).await?;
                    self.changes.push((id, (unit, cluster_id, print_hex(&print))));
                    if self.changes.len() >= self.change_batch_size() {
                        self.flush_changes().await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn cluster_id(&mut self, unit: &UnitRecord) -> Result<Option<i64>> {
        let Some(code) = &unit.cluster_code else {
            return Ok(None);
        };
        if let Some(complex) = self.clusters.get(code) {
            let id = complex.id;
            // The complex's kind follows the file when the file names one (a file without the column keeps it).
            if unit.cluster_soort.is_some() && complex.soort != unit.cluster_soort && !self.options.dry_run {
                // The complex may be new in this file and still queued: written first, it is there to update.
                self.write_clusters().await?;
                let soort = unit.cluster_soort.clone();
                self.writer
                    .send(job(move |mut c| async move {
                        let update = sql::query("UPDATE clusters SET soort = $1 WHERE id = $2");
                        let result = update.bind(soort).bind(id).execute(&mut c).await;
                        (c, result.map(drop).map_err(Into::into))
                    }))
                    .await?;
                if let Some(complex) = self.clusters.get_mut(code) {
                    complex.soort.clone_from(&unit.cluster_soort);
                }
            }
            return Ok(Some(id));
        }
        let id = self.cluster_ids.next().await?;
        let complex = Complex { id, soort: unit.cluster_soort.clone(), naam: unit.cluster_naam.clone() };
        if !self.options.dry_run {
            self.new_clusters.push((code.clone(), complex.clone()));
        }
        self.clusters.insert(code.clone(), complex);
        Ok(Some(id))
    }

    /// Queues the complexes new since the last write; they go before any unit that refers to them.
    async fn write_clusters(&mut self) -> Result<()> {
        if self.new_clusters.is_empty() {
            return Ok(());
        }
        let clusters = std::mem::take(&mut self.new_clusters);
        let corporation_id = self.corporation_id;
        self.writer
            .send(job(move |mut c| async move {
                let mut values = Vec::with_capacity(clusters.len() * 5);
                for (code, complex) in &clusters {
                    values.extend([Value::Int(Some(complex.id)), Value::Int(Some(corporation_id))]);
                    values.extend([
                        Value::text(Some(code)),
                        Value::text(complex.naam.as_deref()),
                        Value::text(complex.soort.as_deref()),
                    ]);
                }
                let columns = ["id", "corporation_id", "code", "naam", "soort"];
                let result = insert_rows(c.conn(), "clusters", &columns, &values).await;
                (c, result)
            }))
            .await
    }

    /// Switches to a bulk load (once) when `worth_it`.
    async fn bulk_from_now_if(&mut self, worth_it: bool) -> Result<()> {
        if worth_it && !self.bulk {
            let dropped = Arc::clone(&self.bulk_dropped);
            self.writer
                .send(job(move |mut c| async move {
                    let result = bulk::begin(c.conn()).await;
                    dropped.store(matches!(result, Ok(true)), Ordering::Release);
                    (c, result.map(drop))
                }))
                .await?;
            self.bulk = true;
        }
        Ok(())
    }

    fn batch_size(&self) -> usize {
        match self.backend {
            crate::Backend::Sqlite => SQLITE_ROWS_PER_STATEMENT,
            crate::Backend::Postgres => POSTGRES_ROWS_PER_COPY,
        }
    }

    fn change_batch_size(&self) -> usize {
        match self.backend {
            crate::Backend::Sqlite => SQLITE_ROWS_PER_STATEMENT,
            crate::Backend::Postgres => POSTGRES_ROWS_PER_STATEMENT,
        }
    }

    /// Queues the new units read since the last write.
    async fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.write_clusters().await?;
        // Made ready here, while the writer waits for the database on the last batch.
        let values = new_values(&self.pending, self.corporation_id, self.options.cbs_year, self.now);
        let insert = ReadyStatement::insert(self.backend, "units", &UNIT_COLUMNS, &values)?;
        self.pending.clear();
        self.writer.send_statement(insert).await
    }

    /// Queues the changed units read since the last write (see [`changes_statement`]).
    async fn flush_changes(&mut self) -> Result<()> {
        if self.changes.is_empty() {
            return Ok(());
        }
        self.write_clusters().await?;
        let update = changes_statement(self.backend, &self.changes, self.options.cbs_year, self.now)?;
        self.changes.clear();
        self.writer.send_statement(update).await
    }

    async fn finish(mut self, db: &Db, actor: &Actor, source: &str) -> Result<ImportSummary> {
        self.flush().await?;
        self.flush_changes().await?;
        self.write_clusters().await?;
        // From here on the import writes on its connection itself: what is left is done once, in order.
        let mut conn = self.writer.finish().await?;
        let elapsed_ms = self.started.elapsed().as_millis() as u64;
        tracing::info!(elapsed_ms, rows = self.summary.rows, "import: file read, checked and its rows written");
        let tx = &mut conn;
        let missing = self.known.missing_in_use();
        self.summary.missing = missing.len() as u64;
        // What the import knew of every unit is done with; its memory goes to the index builds below.
        self.known = KnownUnits::default();
        self.summary.errors.sort_by_key(|e| e.line);
        let units_in_file = self.summary.new + self.summary.changed + self.summary.unchanged;
        if self.options.mark_missing
            && !self.options.confirm_empty_stock
            && self.summary.errors.is_empty()
            && units_in_file == 0
            && self.summary.missing > 0
        {
            self.summary.errors.push(RowError {
                line: 1,
                column: WHOLE_ROW.into(),
                value: String::new(),
                reason: RowProblem::EmptyStockUnconfirmed { missing: self.summary.missing },
            });
        }
        // A row with an error may well be a unit the file does have: marking it out of use as missing would lose it
        // for a typo. So units are only marked when every row was read.
        let mark_missing = self.options.mark_missing && self.summary.errors.is_empty();
        // Not marked for want of rows that could be read: said so, except for a file without rows at all, whose own
        // error says what marking would do.
        let unread_rows = units_in_file > 0 || self.summary.errors.iter().any(|e| e.line > 1);
        if self.options.mark_missing && !mark_missing && self.summary.missing > 0 && unread_rows {
            self.summary.warnings.push(ImportWarning::MissingNotMarked { missing: self.summary.missing });
        }
        let ok = self.summary.errors.is_empty() || self.options.import_valid_rows;
        if self.options.dry_run || !ok {
            sql::query("ROLLBACK").execute(tx).await?;
            return Ok(self.summary);
        }
        if mark_missing {
            for chunk in missing.chunks(500) {
                let params: Vec<String> = (2..chunk.len() + 2).map(|i| self.backend.placeholder(i)).collect();
                let first = self.backend.placeholder(1);
                let sql =
                    format!("UPDATE units SET in_use = 0, updated_at = {first} WHERE id IN ({})", params.join(", "));
                let mut query = sql::query(&sql).bind(self.now);
                for id in chunk {
                    query = query.bind(*id);
                }
                query.execute(&mut *tx).await?;
            }
            self.summary.marked_missing = self.summary.missing;
        }
        // The writer has run every job, so this says whether the bulk load did drop the indexes.
        if self.bulk_dropped.load(Ordering::Acquire) {
            bulk::end(tx.conn()).await?;
        }
        // Units with a position and no area code get the code of the area they lie in, in this transaction: filled
        // after the commit, a stop in between left them without codes until the next import (an outside check's find).
        let filled = crate::areas::fill_codes_on(&mut tx.conn(), Some(self.corporation_id)).await?;
        self.summary.filled = filled;
        // Kept pages of this stock are out of date from this commit on (complexes may have changed even when no
        // unit did).
        super::raise_version(tx.conn(), self.corporation_id).await?;
        // Homes sold to their tenants (Nazorg) stay out of the rental stock when the landlord's file still lists
        // them: writing a listed unit puts it in use, so the sold ones are taken out again, in this transaction.
        let sold_listed = crate::nazorg::sales::keep_sold_out_of_use(tx.conn(), self.corporation_id).await?;
        let started = std::time::Instant::now();
        let moved = self.summary.new + self.summary.changed + self.summary.marked_missing > 0 || filled.any();
        if moved {
            // Map and coverage follow the stock: their cells are made again from the units now in use. When no unit
            // in use is left out of the file, or those left out go out of use, the file's units are the stock in use
            // and their summed cells are its cells; otherwise the stored units are grouped.
            let file_is_the_stock = (self.summary.missing == 0 || mark_missing) && sold_listed == 0;
            match self.cells.take().filter(|_| file_is_the_stock) {
                Some(cells) => {
                    let in_use = self.summary.new + self.summary.changed + self.summary.unchanged;
                    let clusters = self.clusters.iter().map(|(code, c)| (c.id, (code.as_str(), c.naam.as_deref())));
                    cells.write(tx.conn(), self.corporation_id, &clusters.collect()).await?;
                    super::query::store_known_total(tx.conn(), self.corporation_id, in_use).await?;
                    // The coverage cells are per gemeente, wijk and buurt: codes filled from positions are not in the
                    // file's sums, so those cells are grouped from the stored units (the map's do not use codes).
                    if filled.any() {
                        crate::participatie::rebuild_cells_in(tx.conn(), self.corporation_id).await?;
                    }
                }
                None => {
                    super::map::rebuild_in(tx.conn(), self.backend, self.corporation_id).await?;
                    super::query::store_total(tx.conn(), self.corporation_id).await?;
                    crate::participatie::rebuild_cells_in(tx.conn(), self.corporation_id).await?;
                }
            }
            tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "import: cells of map and coverage made");
        }
        let s = &self.summary;
        sql::query(
            "INSERT INTO imports (corporation_id, kind, source, at, actor_label, rows_read, units_new, units_changed, \
             units_unchanged, units_missing, units_marked_missing) VALUES ($1, 'units', $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(self.corporation_id)
        .bind(source)
        .bind(self.now)
        .bind(&actor.label)
        .bind(s.rows as i64)
        .bind(s.new as i64)
        .bind(s.changed as i64)
        .bind(s.unchanged as i64)
        .bind(s.missing as i64)
        .bind(s.marked_missing as i64)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            org_id: Some(self.corporation_id),
            action: "import",
            entity: "units",
            entity_id: source.to_owned(),
            before: None,
            after: Some(json!({
                "rows": s.rows, "new": s.new, "changed": s.changed, "unchanged": s.unchanged,
                "missing": s.missing, "marked_missing": s.marked_missing, "rows_with_errors_skipped": s.errors.len(),
            })),
            personal_data: false,
        };
        audit::record(tx.conn(), actor, change).await?;
        if filled.any() {
            audit::record(tx.conn(), actor, crate::areas::filled_change(Some(self.corporation_id), filled)).await?;
        }
        let started = std::time::Instant::now();
        sql::query("COMMIT").execute(tx).await?;
        tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "import: committed");
        db.stock_changed();
        self.summary.written = true;
        if self.summary.new + self.summary.changed >= REFRESH_STATISTICS_AFTER {
            let started = std::time::Instant::now();
            refresh_statistics(self.backend, db).await?;
            tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "import: planner statistics refreshed");
        }
        // The cells' levels follow from the groups, read outside the import's transaction.
        if moved {
            crate::participatie::recompute_in(db, self.corporation_id).await?;
        }
        Ok(self.summary)
    }
}

/// The rows of new units, one after the other in the order of `UNIT_COLUMNS`, their texts borrowed.
fn new_values(pending: &[NewUnit], corporation_id: i64, cbs_year: i64, now: i64) -> Vec<Value<'_>> {
    let mut values = Vec::with_capacity(pending.len() * UNIT_COLUMNS.len());
    for (unit, cluster_id, print) in pending {
        values.extend([Value::Int(Some(corporation_id)), Value::text(Some(&unit.id_extern)), Value::Int(*cluster_id)]);
        values.extend(unit_values(unit, cbs_year));
        values.extend([Value::text(Some(print)), Value::Int(Some(now)), Value::Int(Some(now))]);
    }
    values
}

/// Changed units are written many per statement: `UPDATE … FROM` their rows joined on the id. A row's columns are
/// c0 (the id), then c1… for `UNIT_COLUMNS[2..27]` (cluster_id … fingerprint).
const CHANGED_COLUMNS: std::ops::Range<usize> = 2..27;

/// The rows of changed units, one after the other (see [`CHANGED_COLUMNS`]), and their width.
fn changed_values(changes: &[(i64, NewUnit)], cbs_year: i64) -> (Vec<Value<'_>>, usize) {
    let width = CHANGED_COLUMNS.len() + 1;
    let mut values = Vec::with_capacity(changes.len() * width);
    for (id, (unit, cluster_id, print)) in changes {
        values.extend([Value::Int(Some(*id)), Value::Int(*cluster_id)]);
        values.extend(unit_values(unit, cbs_year));
        values.push(Value::text(Some(print)));
    }
    (values, width)
}

/// The write of a batch of changed units: one `UPDATE … FROM` the batch's rows joined on the id. On SQLite the rows
/// come as a `VALUES` list; on PostgreSQL as one array per column (`arrays.rs` says why not `COPY`).
fn changes_statement(backend: Backend, changes: &[(i64, NewUnit)], cbs_year: i64, now: i64) -> Result<ReadyStatement> {
    let (values, width) = changed_values(changes, cbs_year);
    let names: Vec<String> = (0..width).map(|i| format!("c{i}")).collect();
    match backend {
        Backend::Sqlite => ReadyStatement::sqlite_update_from(now, &values, &names, update_units_sql),
        Backend::Postgres => ReadyStatement::postgres_update_from(now, &values, &names, update_units_sql),
    }
}

/// `UPDATE units … FROM rows AS v`: every changed column from the row of the same id, `now` as its time.
fn update_units_sql(now: &str, rows: &str) -> String {
    let updated = &UNIT_COLUMNS[CHANGED_COLUMNS];
    let sets: Vec<String> = updated.iter().enumerate().map(|(i, c)| format!("{c} = v.c{}", i + 1)).collect();
    format!("UPDATE units SET {}, in_use = 1, updated_at = {now} FROM {rows} WHERE units.id = v.c0", sets.join(", "))
}

/// After this many written units the planner statistics are refreshed: right after a large first import they
/// still describe an empty table, and the list pages would be planned as if they were (seconds instead of
/// milliseconds at national scale).
const REFRESH_STATISTICS_AFTER: u64 = 10_000;

async fn refresh_statistics(backend: crate::Backend, db: &Db) -> Result<()> {
    match backend {
        // VACUUM also marks the new rows visible to all, so the list pages can answer from their indexes alone
        // right after a first load instead of visiting every row's page.
        crate::Backend::Postgres => {
            sql::raw_sql("VACUUM (ANALYZE) units, clusters, map_cells", db).await?;
        }
        // A full ANALYZE (4 s for the national table): a sampled one reads only the first entries of each index,
        // which in a table of one corporation says that corporation has a thousand units, and SQLite then walked
        // the whole list index for a complex's page (2.3 million rows) instead of taking its 300 by complex.
        crate::Backend::Sqlite => sql::sqlite_analyze(db, &["units", "clusters", "map_cells"]).await?,
    }
    Ok(())
}

/// The unit's fields in the order of `UNIT_COLUMNS[3..=25]` (soort … brutohuur_cents), its texts borrowed.
fn unit_values(unit: &UnitRecord, cbs_year: i64) -> [Value<'_>; 23] {
    let has_area = unit.gemeente.is_some() || unit.wijk.is_some() || unit.buurt.is_some();
    let code = Value::text;
    [
        code(unit.soort.as_deref()),
        code(unit.detail_soort.as_deref()),
        code(unit.status.as_deref()),
        code(Some(&unit.straatnaam)),
        Value::Int(Some(i64::from(unit.huisnummer.number))),
        Value::Text(unit.huisnummer.letter.map(|l| String::from(l).into())),
        code(unit.huisnummer.addition.as_deref()),
        code(Some(unit.postcode.as_str())),
        code(Some(&unit.woonplaats)),
        code(unit.bag_verblijfsobject.as_ref().map(|b| b.as_str())),
        code(unit.bag_pand.as_ref().map(|b| b.as_str())),
        code(unit.gemeente.as_ref().map(|c| c.as_str())),
        code(unit.wijk.as_ref().map(|c| c.as_str())),
        code(unit.buurt.as_ref().map(|c| c.as_str())),
        Value::Int(has_area.then_some(cbs_year)),
        Value::Float(unit.position.map(|p| p.lat)),
        Value::Float(unit.position.map(|p| p.lon)),
        Value::Int(unit.bouwjaar.map(i64::from)),
        Value::Float(unit.gebruiksoppervlakte),
        Value::Int(unit.kamers.map(i64::from)),
        code(unit.label.map(|l| l.code())),
        Value::Int(unit.nettohuur.map(|m| m.cents())),
        Value::Int(unit.brutohuur.map(|m| m.cents())),
    ]
}

#[cfg(test)]
#[allow(dead_code)]
fn the_import_can_run_on_a_spawned_task(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    reader: StockReader<&'static [u8]>,
) {
    fn is_send<T: Send>(_: T) {}
    is_send(import_units(db, scope, actor, "x", reader, ImportOptions::default(), &mut |_| {}));
}

#[cfg(test)]
mod tests {
    use super::{fingerprint, print_hex};
    use crate::stock::known::print_from_hex;
    use sha2::{Digest, Sha256};

    #[test]
    fn fingerprints_are_those_stored_before() {
        for (cluster_id, year) in [(Some(7), 2023), (None, 2023), (Some(-3), 0), (Some(i64::MAX), 2024)] {
            let mut before = Sha256::new_with_prefix(b"A1");
            before.update(format!("\u{1f}{cluster_id:?}\u{1f}{year}").as_bytes());
            let before: [u8; 16] = before.finalize()[..16].try_into().expect("16 bytes");
            assert_eq!(fingerprint(Sha256::new_with_prefix(b"A1"), cluster_id, year), before);
        }
    }

    #[test]
    fn a_stored_fingerprint_reads_back_as_the_same_bytes() {
        let print = fingerprint(Sha256::new(), Some(7), 2023);
        let hex = print_hex(&print);
        assert_eq!(hex.len(), 32);
        assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{hex}");
        assert_eq!(print_from_hex(&hex), Some(print));
        assert_ne!(fingerprint(Sha256::new(), None, 2023), print, "the complex counts");
    }
}
