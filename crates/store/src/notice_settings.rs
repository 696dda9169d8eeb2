//! How each user wants notices of the other side's steps by mail, and when the user's last daily digest went out
//! (ADR 0033). A user without a row gets every notice by mail at once ([`MailChoice::Immediate`]).

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{timestamp, Exec, Result, StoreError, Tx};
use serde_json::json;
use time::OffsetDateTime;
use volkshuis_domain::notices::MailChoice;

/// A user's notice settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoticeSettings {
    /// How notices come by mail.
    pub mail: MailChoice,
    /// When the last daily digest went out, if one did.
    pub last_digest_at: Option<OffsetDateTime>,
}

/// The user's settings (the defaults when the user never chose); on the pool or in a transaction.
pub async fn get<'c>(db: impl Exec<'c> + 'c, user_id: i64) -> Result<NoticeSettings> {
    let row = sql::query("SELECT mail, last_digest_at FROM notice_settings WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(NoticeSettings::default()) };
    let code: String = row.try_get("mail")?;
    let mail = MailChoice::parse(&code).map_err(|_| StoreError::Corrupt { column: "mail", value: code.clone() })?;
    let last_digest_at = row.try_get::<Option<i64>, _>("last_digest_at")?.map(timestamp::from_unix);
    Ok(NoticeSettings { mail, last_digest_at })
}

/// Sets how the user gets notices by mail, audited (the user's own choice, no personal data in it).
pub async fn set_mail(tx: &mut Tx, actor: &Actor, user_id: i64, mail: MailChoice) -> Result<()> {
    let before: Option<String> = sql::query_scalar("SELECT mail FROM notice_settings WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    sql::query(
        "INSERT INTO notice_settings (user_id, mail, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET mail = excluded.mail, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(mail.code())
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut *tx)
    .await?;
    let change = Change {
        org_id: None,
        action: "update",
        entity: "notice_settings",
        entity_id: user_id.to_string(),
        before: Some(json!({ "mail": before.as_deref().unwrap_or(MailChoice::default().code()) })),
        after: Some(json!({ "mail": mail.code() })),
        personal_data: false,
    };
    audit::record(tx.conn(), actor, change).await
}

/// Records that the user's daily digest went out at `at` (in the transaction that queued it).
pub async fn record_digest(tx: &mut Tx, user_id: i64, at: OffsetDateTime) -> Result<()> {
    // A user with waiting notices who never chose (they chose the digest, then went back to the default) gets a row.
    sql::query(
        "INSERT INTO notice_settings (user_id, mail, last_digest_at, updated_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (user_id) DO UPDATE SET last_digest_at = excluded.last_digest_at",
    )
    .bind(user_id)
    .bind(MailChoice::default().code())
    .bind(timestamp::to_unix(at))
    .execute(&mut *tx)
    .await?;
    Ok(())
}
