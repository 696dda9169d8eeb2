//! Soft signals: recorded by corporation staff on a household of its stock, kept internal unless the tenant
//! consented to a referral; a partner sees only what was referred to it, accepts or declines, and reports back.

use super::{ids_of, log_read, opt_date, PersonalScope};
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql;
use crate::{Db, Result, StoreError};
use serde_json::json;
use time::Date;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::calendar::add_months;
use volkshuis_domain::signalering::soft::{
    delete_on_after_withdrawal, may_refer, may_withdraw, soft_delete_on, ReferralRefused, SoftKind, SoftState,
    WithdrawRefused,
};

/// A referral the partner never answers is still deleted this many months after it was made.
pub const REFERRAL_MONTHS: u32 = 12;

/// A soft signal.
#[derive(Debug, Clone)]
pub struct Soft {
    /// Id.
    pub id: i64,
    /// The corporation that recorded it.
    pub org: String,
    /// The unit's address, when it is one of the stock's.
    pub address: Option<String>,
    /// Who it concerns, as staff wrote it ("bewoner 2e verdieping", a name).
    pub household: String,
    /// What was noticed.
    pub kind: SoftKind,
    /// The observation.
    pub note: String,
    /// The day the tenant's consent was recorded.
    pub consent_on: Option<Date>,
    /// The day the tenant withdrew it, if so.
    pub consent_withdrawn_on: Option<Date>,
    /// Where it stands.
    pub state: SoftState,
    /// The partner it was referred to.
    pub partner: Option<String>,
    /// The day it was referred.
    pub referred_on: Option<Date>,
    /// The partner's report back.
    pub report: Option<String>,
    /// Recorded by, and on.
    pub recorded: (String, Date),
    /// The day it is deleted, when set.
    pub delete_on: Option<Date>,
}

/// A new soft signal, checked at the edge (the store checks the unit).
#[derive(Debug, Clone)]
pub struct NewSoft {
    /// One of the corporation's units, if it concerns one.
    pub unit_id: Option<i64>,
    /// Who it concerns.
    pub household: String,
    /// What.
    pub kind: SoftKind,
    /// The observation.
    pub note: String,
}

const COLUMNS: &str = "s.id, c.name AS org, s.household, s.kind, s.note, s.consent_on, s.consent_withdrawn_on, \
     s.state, p.name AS partner, s.referred_on, s.report, s.recorded_by, s.recorded_on, s.delete_on, \
     u.straatnaam, u.huisnummer, u.huisletter, u.huisnummer_toevoeging, u.postcode, u.woonplaats";

const FROM: &str = "sg_soft s JOIN organisations c ON c.id = s.org_id \
     LEFT JOIN organisations p ON p.id = s.partner_org_id LEFT JOIN units u ON u.id = s.unit_id";

fn from_row(row: &sql::Row) -> Result<Soft> {
    let kind: String = row.try_get("kind")?;
    let state: String = row.try_get("state")?;
    let address = match row.try_get::<Option<String>, _>("straatnaam")? {
        Some(street) => Some(format!(
            "{street} {}{}{}, {} {}",
            row.try_get::<i64, _>("huisnummer")?,
            row.try_get::<Option<String>, _>("huisletter")?.unwrap_or_default(),
            row.try_get::<Option<String>, _>("huisnummer_toevoeging")?.map(|t| format!("-{t}")).unwrap_or_default(),
            row.try_get::<String, _>("postcode")?,
            row.try_get::<String, _>("woonplaats")?
        )),
        None => None,
    };
    Ok(Soft {
        id: row.try_get("id")?,
        org: row.try_get("org")?,
        address,
        household: row.try_get("household")?,
        kind: SoftKind::parse(&kind).ok_or(StoreError::Corrupt { column: "kind", value: kind.clone() })?,
        note: row.try_get("note")?,
        consent_on: opt_date(row, "consent_on")?,
        consent_withdrawn_on: opt_date(row, "consent_withdrawn_on")?,
        state: SoftState::parse(&state).ok_or(StoreError::Corrupt { column: "state", value: state.clone() })?,
        partner: row.try_get("partner")?,
        referred_on: opt_date(row, "referred_on")?,
        report: row.try_get("report")?,
        recorded: (row.try_get("recorded_by")?, super::date(row, "recorded_on")?),
        delete_on: opt_date(row, "delete_on")?,
    })
}

/// Records a soft signal for the corporation of `scope`; `None` when the unit is not one of its own. It is internal
/// and set to expire after the corporation's period.
pub async fn record_soft(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    new: &NewSoft,
    today: Date,
) -> Result<Option<i64>> {
    let settings = super::settings::settings(db, scope).await?;
    let mut tx = db.begin().await?;
    if let Some(unit) = new.unit_id {
        let own: Option<i64> = sql::query_scalar("SELECT id FROM units WHERE id = $1 AND corporation_id = $2")
            .bind(unit)
            .bind(scope.org_id())
            .fetch_optional(&mut tx)
            .await?;
        if own.is_none() {
            return Ok(None);
        }
    }
    let delete = soft_delete_on(SoftState::Internal, today, None, settings.soft_internal_months, 0);
    let id: i64 = sql::query_scalar(
        "INSERT INTO sg_soft (org_id, unit_id, household, kind, note, state, recorded_by, recorded_on, delete_on) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(scope.org_id())
    .bind(new.unit_id)
    .bind(&new.household)
    .bind(new.kind.code())
    .bind(&new.note)
    .bind(SoftState::Internal.code())
    .bind(actor.name())
    .bind(date_to_text(today))
    .bind(delete.map(date_to_text))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "create", "sg_soft", id.to_string());
    change.after = Some(json!({ "kind": new.kind.code() }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// The corporation's soft signals, newest first (the read is logged).
pub async fn soft_signals(db: &Db, scope: &PersonalScope, actor: &Actor) -> Result<Vec<Soft>> {
    let mut tx = db.begin().await?;
    let rows = sql::query(&format!("SELECT {COLUMNS} FROM {FROM} WHERE s.org_id = $1 ORDER BY s.id DESC LIMIT 500"))
        .bind(scope.org_id())
        .fetch_all(&mut tx)
        .await?;
    let list = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(tx.conn(), actor, scope, ("sg_soft", "list".into()), &ids_of(&list, |s| s.id)).await?;
    }
    tx.commit().await?;
    Ok(list)
}

/// One soft signal as the corporation that recorded it or the partner it was referred to sees it (the read is
/// logged); `None` for anyone else.
pub async fn soft_signal(db: &Db, scope: &PersonalScope, actor: &Actor, id: i64) -> Result<Option<Soft>> {
    let mut tx = db.begin().await?;
    let row = sql::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE s.id = $1 AND (s.org_id = $2 OR (s.partner_org_id = $2 AND s.state NOT IN ('intern', 'ingetrokken')))"
    ))
    .bind(id)
    .bind(scope.org_id())
    .fetch_optional(&mut tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let soft = from_row(&row)?;
    log_read(tx.conn(), actor, scope, ("sg_soft", id.to_string()), &[id]).await?;
    tx.commit().await?;
    Ok(Some(soft))
}

/// The corporation's other soft signals about the home of its signal `id`, newest first (the read is logged): a
/// household recorded twice is seen as such. None for a signal without a home of the stock, or another's signal.
pub async fn same_home(db: &Db, scope: &PersonalScope, actor: &Actor, id: i64) -> Result<Vec<Soft>> {
    let mut tx = db.begin().await?;
    let rows = sql::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE s.org_id = $1 AND s.id <> $2 \
         AND s.unit_id = (SELECT x.unit_id FROM sg_soft x WHERE x.id = $2 AND x.org_id = $1) ORDER BY s.id DESC LIMIT 50"
    ))
    .bind(scope.org_id())
    .bind(id)
    .fetch_all(&mut tx)
    .await?;
    let list = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(tx.conn(), actor, scope, ("sg_soft", format!("same_home:{id}")), &ids_of(&list, |s| s.id)).await?;
    }
    tx.commit().await?;
    Ok(list)
}

/// The referrals made to the partner of `scope`, newest first (the read is logged). Another partner's are never
/// among them, nor anything kept internal.
pub async fn referrals(db: &Db, scope: &PersonalScope, actor: &Actor) -> Result<Vec<Soft>> {
    let mut tx = db.begin().await?;
    let rows = sql::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE s.partner_org_id = $1 AND s.state NOT IN ('intern', 'ingetrokken') ORDER BY s.id DESC LIMIT 500"
    ))
    .bind(scope.org_id())
    .fetch_all(&mut tx)
    .await?;
    let list = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    if !list.is_empty() {
        log_read(tx.conn(), actor, scope, ("sg_soft", "referrals".into()), &ids_of(&list, |s| s.id)).await?;
    }
    tx.commit().await?;
    Ok(list)
}

/// Why a step on a soft signal was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftRefusal {
    /// Not one this organisation may act on.
    NotFound,
    /// The referral rule refused it.
    Referral(ReferralRefused),
    /// The partner is not on the corporation's list of referral partners ([`super::partners`]).
    NotAPartner,
    /// The step does not fit where the signal stands.
    WrongState,
    /// The withdrawal rule refused it.
    Withdrawal(WithdrawRefused),
}

async fn state_of(tx: &mut crate::Tx, id: i64, column: &str, org_id: i64) -> Result<Option<(SoftState, bool)>> {
    let row = sql::query(&format!("SELECT state, consent_on FROM sg_soft WHERE id = $1 AND {column} = $2"))
        .bind(id)
        .bind(org_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let state: String = row.try_get("state")?;
    let state = SoftState::parse(&state).ok_or(StoreError::Corrupt { column: "state", value: state.clone() })?;
    Ok(Some((state, row.try_get::<Option<String>, _>("consent_on")?.is_some())))
}

/// Refers a soft signal to one partner organisation with the tenant's consent to exactly that referral (`consent`:
/// the user confirmed the tenant gave it), recorded with it. It is then kept while the partner works it, at most
/// `REFERRAL_MONTHS` when the partner never answers.
pub async fn refer(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    (id, partner_org_id): (i64, i64),
    consent: bool,
    today: Date,
) -> Result<std::result::Result<(), SoftRefusal>> {
    let mut tx = db.begin().await?;
    let Some((state, _)) = state_of(&mut tx, id, "org_id", scope.org_id()).await? else {
        return Ok(Err(SoftRefusal::NotFound));
    };
    if let Err(refused) = may_refer(state, consent) {
        return Ok(Err(SoftRefusal::Referral(refused)));
    }
    // Only a partner the corporation's administrators put on its list receives personal data (ADR 0043).
    if !super::partners::is_referral_partner(&mut tx, scope.org_id(), partner_org_id).await? {
        return Ok(Err(SoftRefusal::NotAPartner));
    }
    // The consent is recorded with the referral: who recorded it and when (the controller must be able to show it).
    // A referral the partner never answers is deleted a year after it was made (ADR 0043); an answer sets the day
    // anew. (It was left without a day, and so kept for ever: migration 55 gives those their day.)
    let done = sql::query(
        "UPDATE sg_soft SET state = $1, partner_org_id = $2, referred_on = $3, consent_on = $3, consent_by = $4, \
         delete_on = $5 WHERE id = $6 AND state = $7",
    )
    .bind(SoftState::Referred.code())
    .bind(partner_org_id)
    .bind(date_to_text(today))
    .bind(actor.name())
    .bind(date_to_text(add_months(today, REFERRAL_MONTHS)))
    .bind(id)
    .bind(state.code())
    .execute(&mut tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(Err(SoftRefusal::WrongState));
    }
    let mut change = Change::event(Some(scope.org_id()), "refer", "sg_soft", id.to_string());
    change.after = Some(json!({ "partner": partner_org_id }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Records that the tenant withdrew the consent to the referral of a soft signal of the corporation of `scope`: the
/// referral ends, the partner no longer sees the signal (nor its own report on it), and the signal is kept as an
/// internal one, deleted `soft_internal_months` after today or earlier if it was due earlier. Returns the partner it was referred to, to tell it
/// (without a name), if any.
pub async fn withdraw_consent(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    today: Date,
) -> Result<std::result::Result<Option<i64>, SoftRefusal>> {
    let mut tx = db.begin().await?;
    let Some((state, consent)) = state_of(&mut tx, id, "org_id", scope.org_id()).await? else {
        return Ok(Err(SoftRefusal::NotFound));
    };
    if let Err(refused) = may_withdraw(state, consent) {
        return Ok(Err(SoftRefusal::Withdrawal(refused)));
    }
    let months = super::settings::settings_of(&mut tx, scope.org_id()).await?.soft_internal_months;
    let row =
        sql::query("SELECT partner_org_id, delete_on FROM sg_soft WHERE id = $1").bind(id).fetch_one(&mut tx).await?;
    let partner: Option<i64> = row.try_get("partner_org_id")?;
    // Kept as an internal signal is from today, but never longer than it would have been kept already.
    let delete_on = delete_on_after_withdrawal(opt_date(&row, "delete_on")?, today, months);
    // Only from the state just read: a partner's step in between (PostgreSQL reads committed rows) is not undone.
    let done = sql::query(
        "UPDATE sg_soft SET state = $1, consent_withdrawn_on = $2, delete_on = $3 WHERE id = $4 AND state = $5",
    )
    .bind(SoftState::Withdrawn.code())
    .bind(date_to_text(today))
    .bind(delete_on.map(date_to_text))
    .bind(id)
    .bind(state.code())
    .execute(&mut tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(Err(SoftRefusal::WrongState));
    }
    let mut change = Change::event(Some(scope.org_id()), "withdraw_consent", "sg_soft", id.to_string());
    change.after = Some(json!({ "state": SoftState::Withdrawn.code(), "partner": partner }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(partner))
}

/// What a partner does with a referral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerStep {
    /// Takes it on.
    Accept,
    /// Declines it, with a short reason for the corporation.
    Decline(String),
    /// Reports back and closes it.
    Close(String),
}

/// A partner's step on a referral made to it; a closed or declined one is then kept for the corporation's period.
pub async fn partner_step(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    id: i64,
    step: &PartnerStep,
    today: Date,
) -> Result<std::result::Result<(), SoftRefusal>> {
    let mut tx = db.begin().await?;
    let Some((state, _)) = state_of(&mut tx, id, "partner_org_id", scope.org_id()).await? else {
        return Ok(Err(SoftRefusal::NotFound));
    };
    let (next, report) = match (step, state) {
        (PartnerStep::Accept, SoftState::Referred) => (SoftState::Accepted, None),
        (PartnerStep::Decline(why), SoftState::Referred) => (SoftState::Declined, Some(why.clone())),
        (PartnerStep::Close(report), SoftState::Accepted) => (SoftState::Closed, Some(report.clone())),
        _ => return Ok(Err(SoftRefusal::WrongState)),
    };
    let owner: i64 = sql::query_scalar("SELECT org_id FROM sg_soft WHERE id = $1").bind(id).fetch_one(&mut tx).await?;
    let owner_months = super::settings::settings_of(&mut tx, owner).await?.soft_closed_months;
    let closes = matches!(next, SoftState::Closed | SoftState::Declined);
    // Closed or declined: the corporation's period; accepted: still at most a year from now.
    let delete = date_to_text(add_months(today, if closes { owner_months } else { REFERRAL_MONTHS }));
    let done = sql::query(
        "UPDATE sg_soft SET state = $1, answered_on = COALESCE(answered_on, $2), closed_on = $3, \
         report = COALESCE($4, report), delete_on = $5 WHERE id = $6 AND state = $7",
    )
    .bind(next.code())
    .bind(date_to_text(today))
    .bind(closes.then(|| date_to_text(today)))
    .bind(report)
    .bind(delete)
    .bind(id)
    .bind(state.code())
    .execute(&mut tx)
    .await?;
    // Only from the state just read: a withdrawal of consent in between is not undone.
    if done.rows_affected() == 0 {
        return Ok(Err(SoftRefusal::WrongState));
    }
    let mut change = Change::event(Some(scope.org_id()), "partner_step", "sg_soft", id.to_string());
    change.after = Some(json!({ "state": next.code() }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The corporation that referred a soft signal to the partner of `scope` (to tell it the partner answered); `None`
/// for any other signal.
pub async fn owner_of(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<i64>> {
    Ok(sql::query_scalar("SELECT org_id FROM sg_soft WHERE id = $1 AND partner_org_id = $2")
        .bind(id)
        .bind(scope.org_id())
        .fetch_optional(db)
        .await?)
}

/// Partner organisations the corporation of `scope` may refer to: its referral partners, id and name (no personal
/// data).
pub async fn partners(db: &Db, scope: &ReadScope) -> Result<Vec<(i64, String)>> {
    super::partners::referral_partners(db, scope).await
}

/// How many referrals wait for the partner of `scope` to accept or decline them: a count for its dashboard, naming
/// nobody (so not a read of personal data).
pub async fn waiting_referrals(db: &Db, scope: &ReadScope) -> Result<i64> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM sg_soft WHERE partner_org_id = $1 AND state = $2")
        .bind(scope.org_id())
        .bind(SoftState::Referred.code())
        .fetch_one(db)
        .await?)
}
