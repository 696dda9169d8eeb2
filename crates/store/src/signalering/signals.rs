//! Signals on both sides. The municipality (recipient) reads the person, sorts, reaches out and records a result;
//! the landlord (sender) reads only what it sent and hears back picked up or not, never why; it may pause its
//! collection for a picked-up household and records evictions prevented or carried out.

use super::{ids_of, log_read, opt_date, PersonalScope};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{timestamp, Db, Result, StoreError};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::money::Money;
use volkshuis_domain::signalering::outcome::{landlord_view, LandlordView, OutreachKind};
use volkshuis_domain::signalering::retention::delete_on;
use volkshuis_domain::signalering::{Outcome, PartOfDay};

/// A signal as its municipality sees it.
#[derive(Debug, Clone)]
pub struct Signal {
    /// Id (the municipality's reference).
    pub id: i64,
    /// The sender's name.
    pub sender: String,
    /// The tenant's name.
    pub name: String,
    /// Phone, when known.
    pub phone: Option<String>,
    /// E-mail, when known.
    pub email: Option<String>,
    /// Street.
    pub street: String,
    /// House number with letter and addition.
    pub house_number: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub woonplaats: String,
    /// BAG verblijfsobject id, when the stock has it.
    pub bag_id: Option<String>,
    /// CBS gemeente code.
    pub gemeente_code: String,
    /// The amount.
    pub amount: Money,
    /// The day the arrears arose.
    pub arrears_since: Date,
    /// The day it was sent.
    pub sent_on: Date,
    /// Its bucket.
    pub bucket_id: Option<i64>,
    /// Moved there by hand.
    pub bucket_by_hand: bool,
    /// The result, when recorded, and its day.
    pub outcome: Option<(Outcome, Date)>,
    /// The day it is deleted.
    pub delete_on: Option<Date>,
}

/// A contact attempt by the municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// How.
    pub kind: OutreachKind,
    /// Whether the household was reached.
    pub reached: bool,
    /// The day.
    pub on: Date,
    /// The part of the day.
    pub part_of_day: PartOfDay,
    /// Who recorded it.
    pub recorded_by: String,
}

fn outcome_of(row: &sql::Row) -> Result<Option<(Outcome, Date)>> {
    let code: Option<String> = row.try_get("outcome")?;
    let Some(code) = code else { return Ok(None) };
    let outcome = Outcome::parse(&code).ok_or(StoreError::Corrupt { column: "outcome", value: code.clone() })?;
    let on = opt_date(row, "outcome_on")?.ok_or(StoreError::Corrupt { column: "outcome_on", value: String::new() })?;
    Ok(Some((outcome, on)))
}

const SIGNAL_COLUMNS: &str = "s.id, o.name AS sender, s.name, s.phone, s.email, s.street, s.house_number, s.postcode, \
     s.woonplaats, s.bag_id, s.gemeente_code, s.amount_cents, s.arrears_since, s.sent_on, s.bucket_id, \
     s.bucket_by_hand, s.outcome, s.outcome_on, s.delete_on";

fn signal_from(row: &sql::Row) -> Result<Signal> {
    Ok(Signal {
        id: row.try_get("id")?,
        sender: row.try_get("sender")?,
        name: row.try_get("name")?,
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
        street: row.try_get("street")?,
        house_number: row.try_get("house_number")?,
        postcode: row.try_get("postcode")?,
        woonplaats: row.try_get("woonplaats")?,
        bag_id: row.try_get("bag_id")?,
        gemeente_code: row.try_get("gemeente_code")?,
        amount: Money::from_cents(row.try_get("amount_cents")?),
        arrears_since: super::date(row, "arrears_since")?,
        sent_on: super::date(row, "sent_on")?,
        bucket_id: row.try_get("bucket_id")?,
        bucket_by_hand: row.try_get::<i64, _>("bucket_by_hand")? != 0,
        outcome: outcome_of(row)?,
        delete_on: opt_date(row, "delete_on")?,
    })
}

/// Which of the inbox's signals a page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxFilter {
    /// Every open signal.
    Open,
    /// The open signals of one bucket.
    Bucket(i64),
    /// Open signals no bucket took.
    Unsorted,
    /// Closed signals still kept.
    Closed,
}

impl InboxFilter {
    /// The filter's condition, its bucket parameter, and its order. The order names the inbox index's columns,
    /// constant under the condition, so both engines read the page straight from that index: ordered by id alone,
    /// PostgreSQL walked the primary key through every other municipality's and every by-file signal first (337 ms
    /// for a first page of an inbox of 100,000 among 1.3 million signals).
    fn condition(self) -> (&'static str, Option<i64>, &'static str) {
        const ALL: &str = "s.recipient_org_id, s.closed_on, s.id";
        const BY_BUCKET: &str = "s.recipient_org_id, s.closed_on, s.bucket_id, s.id";
        match self {
            InboxFilter::Open => ("s.closed_on IS NULL", None, ALL),
            InboxFilter::Bucket(id) => ("s.closed_on IS NULL AND s.bucket_id = $4", Some(id), BY_BUCKET),
            InboxFilter::Unsorted => ("s.closed_on IS NULL AND s.bucket_id IS NULL", None, BY_BUCKET),
            InboxFilter::Closed => ("s.closed_on IS NOT NULL", None, ALL),
        }
    }
}

/// Open signals per bucket (`None`: not sorted), and closed ones kept: counts, no persons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxCounts {
    /// Open signals by bucket.
    pub open: Vec<(Option<i64>, i64)>,
    /// Closed signals still kept.
    pub closed: i64,
}

impl InboxCounts {
    /// Every open signal.
    pub fn open_total(&self) -> i64 {
        self.open.iter().map(|(_, n)| n).sum()
    }
}

/// The municipality's counts (no persons, so no personal scope).
pub async fn inbox_counts(db: &Db, scope: &ReadScope) -> Result<InboxCounts> {
    let rows = sql::query(
        "SELECT bucket_id, COUNT(*) AS n FROM sg_signals WHERE recipient_org_id = $1 AND closed_on IS NULL \
         GROUP BY bucket_id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    let open = rows.iter().map(|r| Ok((r.try_get("bucket_id")?, r.try_get("n")?))).collect::<Result<_>>()?;
    let closed =
        sql::query_scalar("SELECT COUNT(*) FROM sg_signals WHERE recipient_org_id = $1 AND closed_on IS NOT NULL")
            .bind(scope.org_id())
            .fetch_one(db)
            .await?;
    Ok(InboxCounts { open, closed })
}

/// A page of the municipality's inbox, oldest first, from after signal `after` (0: the first page; the read is
/// logged). Paged by id, not by offset, so a page deep in an inbox of 100,000 costs what the first does.
pub async fn inbox(
    db: &Db,
    scope: &PersonalScope,
    actor: &Actor,
    filter: InboxFilter,
    after: i64,
    limit: i64,
) -> Result<Vec<Signal>> {
    let (condition, bucket, order) = filter.condition();
    let text = format!(
        "SELECT {SIGNAL_COLUMNS} FROM sg_signals s JOIN organisations o ON o.id = s.sender_org_id \
         WHERE s.recipient_org_id = $1 AND {condition} AND s.id > $3 ORDER BY {order} LIMIT $2"
    );
    let mut query = sql::query(&text).bind(scope.org_id()).bind(limit).bind(after);
    if let Some(bucket) = bucket {
        query = query.bind(bucket);
    }
    let mut tx = db.begin().await?;
    let list = query.fetch_all(&mut tx).await?.iter().map(signal_from).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(tx.conn(), actor, scope, ("sg_signals", "inbox".into()), &ids_of(&list, |s| s.id)).await?;
    }
    tx.commit().await?;
    Ok(list)
}

/// One signal of the municipality's inbox with its contact attempts (the read is logged); `None` for any other.
pub async fn signal(db: &Db, scope: &PersonalScope, actor: &Actor, id: i64) -> Result<Option<(Signal, Vec<Contact>)>> {
    let mut tx = db.begin().await?;
    let row = sql::query(&format!(
        "SELECT {SIGNAL_COLUMNS} FROM sg_signals s JOIN organisations o ON o.id = s.sender_org_id \
         WHERE s.id = $1 AND s.recipient_org_id = $2"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(&mut tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let signal = signal_from(&row)?;
    let contacts = sql::query(
        "SELECT kind, reached, on_day, part_of_day, recorded_by FROM sg_contacts WHERE signal_id = $1 ORDER BY on_day, id",
    )
    .bind(id)
    .fetch_all(&mut tx)
    .await?
    .iter()
    .map(|r| {
        let kind: String = r.try_get("kind")?;
        let part: String = r.try_get("part_of_day")?;
        Ok(Contact {
            kind: OutreachKind::parse(&kind).ok_or(StoreError::Corrupt { column: "kind", value: kind.clone() })?,
            reached: r.try_get::<i64, _>("reached")? != 0,
            on: super::date(r, "on_day")?,
            part_of_day: PartOfDay::parse(&part)
                .ok_or(StoreError::Corrupt { column: "part_of_day", value: part.clone() })?,
            recorded_by: r.try_get("recorded_by")?,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    log_read(tx.conn(), actor, scope, ("sg_signals", id.to_string()), &[id]).await?;
    tx.commit().await?;
    Ok(Some((signal, contacts)))
}

/// Whether the signal is in the municipality's inbox and still open.
/// Why the municipality's step on a signal was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepRefusal {
    /// Not an open signal of this municipality's inbox.
    NotFound,
    /// Dated before the signal was sent (it would also move its deletion into the past).
    BeforeSent(Date),
}

/// The day an open signal of the municipality's inbox was sent; `None` for any other signal.
async fn open_in_inbox(tx: &mut crate::Tx, org_id: i64, id: i64) -> Result<Option<Date>> {
    let sent: Option<String> = sql::query_scalar(
        "SELECT sent_on FROM sg_signals WHERE id = $1 AND recipient_org_id = $2 AND closed_on IS NULL",
    )
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut *tx)
    .await?;
    sent.map(|s| crate::overleg::date_from_text("sent_on", &s)).transpose()
}

/// Checks that a step dated `on` may be taken on an open signal of the inbox.
async fn step_allowed(
    tx: &mut crate::Tx,
    org_id: i64,
    id: i64,
    on: Date,
) -> Result<std::result::Result<(), StepRefusal>> {
    Ok(match open_in_inbox(tx, org_id, id).await? {
        None => Err(StepRefusal::NotFound),
        Some(sent) if on < sent => Err(StepRefusal::BeforeSent(sent)),
        Some(_) => Ok(()),
    })
}

/// Records a contact attempt on an open signal of the municipality's inbox, dated on or after it was sent.
pub async fn add_contact(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    contact: &Contact,
) -> Result<std::result::Result<(), StepRefusal>> {
    let mut tx = db.begin().await?;
    if let Err(refusal) = step_allowed(&mut tx, scope.org_id(), id, contact.on).await? {
        return Ok(Err(refusal));
    }
    sql::query(
        "INSERT INTO sg_contacts (signal_id, kind, reached, on_day, part_of_day, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(contact.kind.code())
    .bind(i64::from(contact.reached))
    .bind(date_to_text(contact.on))
    .bind(contact.part_of_day.code())
    .bind(actor.name())
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    // The entry names the kind of step, never the person or what was said.
    let mut change = Change::event(Some(scope.org_id()), "contact", "sg_signals", id.to_string());
    change.after = Some(json!({ "kind": contact.kind.code(), "reached": contact.reached }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Records the result of an open signal of the municipality's inbox on `on` (on or after it was sent): a closing
/// result sets the day the signal is deleted (the municipality's retention); a plain "picked up" keeps the latest
/// day set when it was sent.
pub async fn record_outcome(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    outcome: Outcome,
    on: Date,
) -> Result<std::result::Result<(), StepRefusal>> {
    let settings = super::settings::settings(db, scope).await?;
    let mut tx = db.begin().await?;
    if let Err(refusal) = step_allowed(&mut tx, scope.org_id(), id, on).await? {
        return Ok(Err(refusal));
    }
    let delete = delete_on(Some((outcome, on)), settings.retention);
    let closed = outcome.closes().then(|| date_to_text(on));
    sql::query(
        "UPDATE sg_signals SET outcome = $1, outcome_on = $2, closed_on = $3, delete_on = COALESCE($4, delete_on) \
         WHERE id = $5",
    )
    .bind(outcome.code())
    .bind(date_to_text(on))
    .bind(closed)
    .bind(delete.map(date_to_text))
    .bind(id)
    .execute(&mut tx)
    .await?;
    sql::query("UPDATE sg_facts SET outcome_group = $1 WHERE signal_id = $2")
        .bind(outcome.group().code())
        .bind(id)
        .execute(&mut tx)
        .await?;
    let mut change = Change::event(Some(scope.org_id()), "outcome", "sg_signals", id.to_string());
    change.after = Some(json!({ "outcome": outcome.code() }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Moves an open signal of the municipality's inbox into one of its buckets by hand (a target group the law's fields
/// cannot show); `false` when either is not the municipality's.
pub async fn move_to_bucket(db: &Db, scope: &WriteScope, actor: &Actor, id: i64, bucket: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let owned: Option<i64> = sql::query_scalar("SELECT id FROM sg_buckets WHERE id = $1 AND org_id = $2")
        .bind(bucket)
        .bind(scope.org_id())
        .fetch_optional(&mut tx)
        .await?;
    if owned.is_none() || open_in_inbox(&mut tx, scope.org_id(), id).await?.is_none() {
        return Ok(false);
    }
    sql::query("UPDATE sg_signals SET bucket_id = $1, bucket_by_hand = 1 WHERE id = $2")
        .bind(bucket)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let mut change = Change::event(Some(scope.org_id()), "move", "sg_signals", id.to_string());
    change.after = Some(json!({ "bucket": bucket }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// The sender of a signal in the municipality's inbox (to tell it a result came), `None` for any other signal.
pub async fn sender_of(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<i64>> {
    Ok(sql::query_scalar("SELECT sender_org_id FROM sg_signals WHERE id = $1 AND recipient_org_id = $2")
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?)
}

/// A signal as its sender sees it: what it sent and picked up or not, never the reason.
#[derive(Debug, Clone)]
pub struct SentSignal {
    /// Id.
    pub id: i64,
    /// The contract.
    pub contract: String,
    /// The tenant's name.
    pub name: String,
    /// The address line.
    pub address: String,
    /// CBS gemeente code.
    pub gemeente_code: String,
    /// The receiving municipality's name; `None` when delivered by file.
    pub recipient: Option<String>,
    /// The amount.
    pub amount: Money,
    /// The day it was sent.
    pub sent_on: Date,
    /// What the landlord may know of the result.
    pub view: LandlordView,
    /// When the sender exported it for delivery by file.
    pub exported: bool,
    /// Collection paused on, and resumed on.
    pub collection: (Option<Date>, Option<Date>),
    /// An eviction recorded: `voorkomen` or `uitgevoerd`, with its day.
    pub eviction: Option<(String, Date)>,
}

fn sent_from(row: &sql::Row) -> Result<SentSignal> {
    Ok(SentSignal {
        id: row.try_get("id")?,
        contract: row.try_get("contract")?,
        name: row.try_get("name")?,
        address: format!(
            "{} {}, {} {}",
            row.try_get::<String, _>("street")?,
            row.try_get::<String, _>("house_number")?,
            row.try_get::<String, _>("postcode")?,
            row.try_get::<String, _>("woonplaats")?
        ),
        gemeente_code: row.try_get("gemeente_code")?,
        recipient: row.try_get("recipient")?,
        amount: Money::from_cents(row.try_get("amount_cents")?),
        sent_on: super::date(row, "sent_on")?,
        view: landlord_view(outcome_of(row)?),
        exported: row.try_get::<Option<i64>, _>("exported_at")?.is_some(),
        collection: (opt_date(row, "collection_paused_on")?, opt_date(row, "collection_resumed_on")?),
        eviction: match (row.try_get::<Option<String>, _>("eviction")?, opt_date(row, "eviction_on")?) {
            (Some(kind), Some(on)) => Some((kind, on)),
            _ => None,
        },
    })
}

const SENT_COLUMNS: &str = "s.id, s.contract, s.name, s.street, s.house_number, s.postcode, s.woonplaats, \
     s.gemeente_code, r.name AS recipient, s.amount_cents, s.sent_on, s.outcome, s.outcome_on, s.exported_at, \
     s.collection_paused_on, s.collection_resumed_on, f.eviction, f.eviction_on";

/// A page of the signals the organisation sent, newest first (the read is logged), and how many there are.
pub async fn sent_signals(
    db: &Db,
    scope: &PersonalScope,
    actor: &Actor,
    offset: i64,
    limit: i64,
) -> Result<(Vec<SentSignal>, i64)> {
    let mut tx = db.begin().await?;
    let total: i64 = sql::query_scalar("SELECT COUNT(*) FROM sg_signals WHERE sender_org_id = $1")
        .bind(scope.org_id())
        .fetch_one(&mut tx)
        .await?;
    let rows = sql::query(&format!(
        "SELECT {SENT_COLUMNS} FROM sg_signals s LEFT JOIN organisations r ON r.id = s.recipient_org_id \
         LEFT JOIN sg_facts f ON f.signal_id = s.id WHERE s.sender_org_id = $1 ORDER BY s.id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(scope.org_id())
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut tx)
    .await?;
    let list = rows.iter().map(sent_from).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(tx.conn(), actor, scope, ("sg_signals", "sent".into()), &ids_of(&list, |s| s.id)).await?;
    }
    tx.commit().await?;
    Ok((list, total))
}

/// One signal the organisation sent (the read is logged); `None` for any other.
pub async fn sent_signal(db: &Db, scope: &PersonalScope, actor: &Actor, id: i64) -> Result<Option<SentSignal>> {
    let mut tx = db.begin().await?;
    let row = sql::query(&format!(
        "SELECT {SENT_COLUMNS} FROM sg_signals s LEFT JOIN organisations r ON r.id = s.recipient_org_id \
         LEFT JOIN sg_facts f ON f.signal_id = s.id WHERE s.id = $1 AND s.sender_org_id = $2"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(&mut tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let signal = sent_from(&row)?;
    log_read(tx.conn(), actor, scope, ("sg_signals", id.to_string()), &[id]).await?;
    tx.commit().await?;
    Ok(Some(signal))
}

/// Why the sender's step on a signal was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderRefusal {
    /// Not a signal this organisation sent.
    NotFound,
    /// Collection may be paused only for a household the municipality picked up.
    NotPickedUp,
    /// Already paused (or not paused, to resume).
    AlreadyThere,
}

/// Pauses (`pause`) or resumes the sender's collection steps for a picked-up household, on `today`.
pub async fn set_collection_paused(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    pause: bool,
    today: Date,
) -> Result<std::result::Result<(), SenderRefusal>> {
    let mut tx = db.begin().await?;
    let row = sql::query(
        "SELECT outcome, outcome_on, collection_paused_on, collection_resumed_on FROM sg_signals \
         WHERE id = $1 AND sender_org_id = $2",
    )
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(&mut tx)
    .await?;
    let Some(row) = row else { return Ok(Err(SenderRefusal::NotFound)) };
    // Pausing needs a household the municipality picked up; resuming is always possible (a later result may say
    // it was not).
    if pause && !matches!(landlord_view(outcome_of(&row)?), LandlordView::PickedUp(_)) {
        return Ok(Err(SenderRefusal::NotPickedUp));
    }
    let paused =
        opt_date(&row, "collection_paused_on")?.is_some() && opt_date(&row, "collection_resumed_on")?.is_none();
    if paused == pause {
        return Ok(Err(SenderRefusal::AlreadyThere));
    }
    let text = if pause {
        "UPDATE sg_signals SET collection_paused_on = $1, collection_resumed_on = NULL WHERE id = $2"
    } else {
        "UPDATE sg_signals SET collection_resumed_on = $1 WHERE id = $2"
    };
    sql::query(text).bind(date_to_text(today)).bind(id).execute(&mut tx).await?;
    let action = if pause { "pause_collection" } else { "resume_collection" };
    audit::record(tx.conn(), actor, Change::event(Some(scope.org_id()), action, "sg_signals", id.to_string())).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Records for a signal it sent that an eviction was prevented (`true`) or carried out, on `on`: a count that
/// outlives the signal. `false` for any other signal.
pub async fn record_eviction(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    prevented: bool,
    on: Date,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let kind = if prevented { "voorkomen" } else { "uitgevoerd" };
    let done =
        sql::query("UPDATE sg_facts SET eviction = $1, eviction_on = $2 WHERE signal_id = $3 AND sender_org_id = $4")
            .bind(kind)
            .bind(date_to_text(on))
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut tx)
            .await?
            .rows_affected();
    if done == 0 {
        return Ok(false);
    }
    let mut change = Change::event(Some(scope.org_id()), "eviction", "sg_signals", id.to_string());
    change.after = Some(json!({ "eviction": kind }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// Gemeenten not on the platform with signals of the organisation waiting for delivery by file: code, name when
/// known, signals not yet exported, signals in all (counts only).
pub async fn pending_by_file(db: &Db, scope: &ReadScope) -> Result<Vec<(String, Option<String>, i64, i64)>> {
    let rows = sql::query(
        "SELECT s.gemeente_code, \
         (SELECT a.name FROM areas a WHERE a.kind = 'gemeente' AND a.code = s.gemeente_code ORDER BY a.year DESC LIMIT 1) \
         AS name, SUM(CASE WHEN s.exported_at IS NULL THEN 1 ELSE 0 END) AS waiting, COUNT(*) AS n \
         FROM sg_signals s WHERE s.sender_org_id = $1 AND s.recipient_org_id IS NULL \
         GROUP BY s.gemeente_code ORDER BY s.gemeente_code",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("gemeente_code")?, r.try_get("name")?, r.try_get("waiting")?, r.try_get("n")?)))
        .collect()
}

/// One signal as an export carries it (the delivery file for a gemeente not on the platform, or a municipality's
/// own report): the allowed fields and, for the municipality's report, its result and how many contact attempts.
#[derive(Debug, Clone)]
pub struct ExportRow {
    /// The signal.
    pub signal: Signal,
    /// Contact attempts made.
    pub contacts: i64,
}

fn export_from(row: &sql::Row) -> Result<ExportRow> {
    Ok(ExportRow { signal: signal_from(row)?, contacts: row.try_get("contacts")? })
}

/// The signal's columns and its number of contact attempts.
fn export_columns() -> String {
    format!("{SIGNAL_COLUMNS}, (SELECT COUNT(*) FROM sg_contacts c WHERE c.signal_id = s.id) AS contacts")
}

/// The delivery file for a gemeente not on the platform: the organisation's signals for it, each marked exported
/// (and set to be deleted `months` after, the delivery being made). The read is logged.
pub async fn export_for_delivery(
    db: &Db,
    scope: &PersonalScope,
    actor: &Actor,
    gemeente_code: &str,
    months: u32,
) -> Result<Vec<ExportRow>> {
    let mut tx = db.begin().await?;
    let rows = sql::query(&format!(
        "SELECT {} FROM sg_signals s JOIN organisations o ON o.id = s.sender_org_id \
         WHERE s.sender_org_id = $1 AND s.recipient_org_id IS NULL AND s.gemeente_code = $2 ORDER BY s.id",
        export_columns()
    ))
    .bind(scope.org_id())
    .bind(gemeente_code)
    .fetch_all(&mut tx)
    .await?;
    let list = rows.iter().map(export_from).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        let delete = date_to_text(volkshuis_domain::calendar::add_months(
            volkshuis_domain::calendar::dutch_date(actor.at),
            months,
        ));
        // Exactly the signals in the file are marked delivered (one sent meanwhile waits for the next file).
        for chunk in list.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
            let text = format!(
                "UPDATE sg_signals SET exported_at = COALESCE(exported_at, $1), \
                 delete_on = CASE WHEN delete_on IS NULL OR delete_on > $2 THEN $2 ELSE delete_on END \
                 WHERE id IN ({})",
                marks.join(", ")
            );
            let mut query = sql::query(&text).bind(timestamp::to_unix(actor.at)).bind(&delete);
            for row in chunk {
                query = query.bind(row.signal.id);
            }
            query.execute(&mut tx).await?;
        }
        log_read(
            tx.conn(),
            actor,
            scope,
            ("sg_signals", format!("delivery {gemeente_code}")),
            &ids_of(&list, |r| r.signal.id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(list)
}

/// The municipality's report: every signal it received that is still kept, sent from `from` to `to` inclusive,
/// with its result (the read is logged).
pub async fn municipal_report(
    db: &Db,
    scope: &PersonalScope,
    actor: &Actor,
    from: Date,
    to: Date,
) -> Result<Vec<ExportRow>> {
    let mut tx = db.begin().await?;
    let rows = sql::query(&format!(
        "SELECT {} FROM sg_signals s JOIN organisations o ON o.id = s.sender_org_id \
         WHERE s.recipient_org_id = $1 AND s.sent_on >= $2 AND s.sent_on <= $3 ORDER BY s.id",
        export_columns()
    ))
    .bind(scope.org_id())
    .bind(date_to_text(from))
    .bind(date_to_text(to))
    .fetch_all(&mut tx)
    .await?;
    let list = rows.iter().map(export_from).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(tx.conn(), actor, scope, ("sg_signals", "report".into()), &ids_of(&list, |r| r.signal.id)).await?;
    }
    tx.commit().await?;
    Ok(list)
}
