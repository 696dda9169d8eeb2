//! An organisation's Signalering settings: a municipality's threshold and retention periods, a corporation's soft
//! signal periods; and which municipality organisation receives the signals for a gemeente.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::sql::Exec;
use crate::{timestamp, Db, Result, Tx};
use serde_json::json;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::signalering::retention::Retention;
use volkshuis_domain::signalering::RuleSettings;

/// The settings, with their defaults where none were saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The days-late threshold after the offering reminder (a municipality's, agreed with the landlords).
    pub threshold_days: u16,
    /// Retention of signals (a municipality's).
    pub retention: Retention,
    /// Months a soft signal without a referral is kept (a corporation's).
    pub soft_internal_months: u32,
    /// Months a closed or declined referral is kept (a corporation's).
    pub soft_closed_months: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            threshold_days: RuleSettings::default().threshold_days,
            retention: Retention::default(),
            soft_internal_months: 3,
            soft_closed_months: 12,
        }
    }
}

/// The most a period may be: retention is bounded by the law's purpose, not by a typo.
pub const MAX_MONTHS: u32 = 36;
/// The longest threshold a municipality can agree (beyond it the signal is no longer early).
pub const MAX_THRESHOLD_DAYS: u16 = 120;

async fn settings_in<'c>(on: impl Exec<'c> + 'c, org_id: i64) -> Result<Settings> {
    let row = sql::query(
        "SELECT threshold_days, not_picked_up_months, closed_months, follow_up_months, soft_internal_months, \
         soft_closed_months FROM sg_settings WHERE org_id = $1",
    )
    .bind(org_id)
    .fetch_optional(on)
    .await?;
    let Some(row) = row else { return Ok(Settings::default()) };
    let months =
        |column: &str| -> Result<u32> { Ok(row.try_get::<i64, _>(column)?.clamp(0, MAX_MONTHS.into()) as u32) };
    Ok(Settings {
        threshold_days: row.try_get::<i64, _>("threshold_days")?.clamp(0, MAX_THRESHOLD_DAYS.into()) as u16,
        retention: Retention {
            not_picked_up_months: months("not_picked_up_months")?,
            closed_months: months("closed_months")?,
            follow_up_months: months("follow_up_months")?,
        },
        soft_internal_months: months("soft_internal_months")?,
        soft_closed_months: months("soft_closed_months")?,
    })
}

/// Another organisation's settings, inside a transaction (a partner's step keeps a referral for the period of the
/// corporation that made it).
pub(crate) async fn settings_of(tx: &mut Tx, org_id: i64) -> Result<Settings> {
    settings_in(&mut *tx, org_id).await
}

/// The organisation's settings.
pub async fn settings(db: &Db, scope: &ReadScope) -> Result<Settings> {
    settings_in(db, scope.org_id()).await
}

/// Saves the organisation's settings (its administrator; the handler checks the ranges).
pub async fn save_settings(db: &Db, scope: &WriteScope, actor: &Actor, new: Settings) -> Result<()> {
    let mut tx = db.begin().await?;
    let before = settings_in(&mut tx, scope.org_id()).await?;
    sql::query("DELETE FROM sg_settings WHERE org_id = $1").bind(scope.org_id()).execute(&mut tx).await?;
    sql::query(
        "INSERT INTO sg_settings (org_id, threshold_days, not_picked_up_months, closed_months, follow_up_months, \
         soft_internal_months, soft_closed_months, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(scope.org_id())
    .bind(i64::from(new.threshold_days))
    .bind(i64::from(new.retention.not_picked_up_months))
    .bind(i64::from(new.retention.closed_months))
    .bind(i64::from(new.retention.follow_up_months))
    .bind(i64::from(new.soft_internal_months))
    .bind(i64::from(new.soft_closed_months))
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "update", "sg_settings", scope.org_id().to_string());
    change.before = Some(as_json(&before));
    change.after = Some(as_json(&new));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(())
}

fn as_json(s: &Settings) -> serde_json::Value {
    json!({
        "threshold_days": s.threshold_days,
        "not_picked_up_months": s.retention.not_picked_up_months,
        "closed_months": s.retention.closed_months,
        "follow_up_months": s.retention.follow_up_months,
        "soft_internal_months": s.soft_internal_months,
        "soft_closed_months": s.soft_closed_months,
    })
}

/// Where a gemeente's signals go: its municipality organisation on the platform with that organisation's settings,
/// or nobody (delivery by file) with the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recipient {
    /// The municipality organisation, when the gemeente is on the platform.
    pub org_id: Option<i64>,
    /// Its settings.
    pub settings: Settings,
}

/// The one municipality organisation carrying the gemeente code. Two carrying it (a platform misconfiguration) is
/// treated as none: the signals then wait for delivery by file rather than go to a municipality picked at random.
async fn municipality_of(tx: &mut Tx, gemeente_code: &str) -> Result<Option<(i64, String)>> {
    let rows = sql::query(
        "SELECT o.id, o.name FROM org_gemeenten g JOIN organisations o ON o.id = g.org_id \
         WHERE g.gemeente_code = $1 AND o.kind = 'municipality' LIMIT 2",
    )
    .bind(gemeente_code)
    .fetch_all(&mut *tx)
    .await?;
    match rows.as_slice() {
        [one] => Ok(Some((one.try_get("id")?, one.try_get("name")?))),
        [] => Ok(None),
        _ => {
            tracing::warn!(gemeente_code, "two municipality organisations carry this gemeente; signals go by file");
            Ok(None)
        }
    }
}

/// The name of the municipality that would receive the gemeente's signals, if one would.
pub(crate) async fn recipient_name(tx: &mut Tx, gemeente_code: &str) -> Result<Option<String>> {
    Ok(municipality_of(tx, gemeente_code).await?.map(|(_, name)| name))
}

pub(crate) async fn recipient_of(tx: &mut Tx, gemeente_code: &str) -> Result<Recipient> {
    let org_id = municipality_of(tx, gemeente_code).await?.map(|(id, _)| id);
    let settings = match org_id {
        Some(id) => settings_in(&mut *tx, id).await?,
        None => Settings::default(),
    };
    Ok(Recipient { org_id, settings })
}
