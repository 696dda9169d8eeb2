//! Outgoing mail: written to the outbox in the transaction that causes it; delivered by a job when SMTP is set.

use crate::jobs::{self, BackgroundJob};
use crate::state::AppState;
use anyhow::Context;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use volkshuis_store::outbox::{self, Status};
use volkshuis_store::Tx;

/// The job that delivers one outbox message.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct DeliverMail {
    /// The message in the outbox.
    pub outbox_id: i64,
}

impl BackgroundJob for DeliverMail {
    const KIND: &'static str = "deliver_mail";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        deliver(state, self.outbox_id, state.clock.now()).await
    }
}

/// Queues a message. Without SMTP it is held in the outbox page; with SMTP a delivery job is scheduled, in the same
/// transaction, so a rolled-back action sends nothing.
pub async fn queue(state: &AppState, tx: &mut Tx, to: &str, subject: &str, body: &str) -> anyhow::Result<i64> {
    let now = state.clock.now();
    let status = if state.config.smtp_url.is_some() { Status::Queued } else { Status::Held };
    let id = outbox::add(tx, to, subject, body, status, now).await?;
    if status == Status::Queued {
        jobs::enqueue(tx, &DeliverMail { outbox_id: id }, now, Some(&format!("mail:{id}")), now).await?;
    }
    tracing::info!(outbox_id = id, status = status.code(), "mail queued");
    Ok(id)
}

/// Delivers one outbox message through SMTP (the job's work). Already-sent messages are skipped, so a job that
/// runs twice sends once.
pub async fn deliver(state: &AppState, outbox_id: i64, now: OffsetDateTime) -> anyhow::Result<()> {
    let message = outbox::get(&state.db, outbox_id).await?.context("outbox message missing")?;
    if message.status != Status::Queued {
        return Ok(());
    }
    let url = state.config.smtp_url.as_deref().context("SMTP is no longer configured")?;
    let email = Message::builder()
        .from(state.config.mail_from.parse::<Mailbox>().context("MAIL_FROM is not a valid address")?)
        .to(message.to_address.parse::<Mailbox>().context("recipient is not a valid address")?)
        .subject(&message.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(message.body.clone())
        .context("building the message")?;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).context("SMTP URL")?.build();
    match transport.send(email).await {
        Ok(_) => {
            outbox::mark(&state.db, outbox_id, Status::Sent, now, None).await?;
            Ok(())
        }
        Err(error) => {
            let text = error.to_string();
            let status = if error.is_permanent() { Status::Failed } else { Status::Queued };
            outbox::mark(&state.db, outbox_id, status, now, Some(&text)).await?;
            Err(anyhow::anyhow!("SMTP delivery failed: {text}"))
        }
    }
}
