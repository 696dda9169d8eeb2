//! Social-return reminders: the supplier is asked to report at the end of every reporting period while the
//! obligation is unmet, and the buyer is told the day after a contract ended short, to record the settlement. Jobs in
//! the database with a key per contract and moment (scheduled once, survive restarts); each checks the contract still
//! falls short before it mails.

use crate::overleg_jobs::{morning, schedule, tell_board};
use crate::state::AppState;
use crate::views::show_date;
use anyhow::Context;
use time::Duration;
use volkshuis_domain::access::OrgScope;
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::progress::reporting_period_ends;
use volkshuis_store::socialreturn::{self, NewContract};
use volkshuis_store::Tx;

/// The job kind of every social-return reminder.
pub const REMINDER_JOB: &str = "sr_reminder";

/// A new contract (`id`, of `buyer_id`): a reporting reminder per period for the supplier, and the end-of-contract
/// notice for the buyer.
pub async fn contract_created(
    state: &AppState,
    tx: &mut Tx,
    id: i64,
    buyer_id: i64,
    contract: &NewContract,
) -> anyhow::Result<()> {
    for end in reporting_period_ends(contract.starts_on, contract.ends_on, &contract.cadence) {
        let payload = serde_json::json!({ "what": "report", "contract_id": id, "org_id": contract.supplier_id });
        schedule(state, tx, REMINDER_JOB, format!("sr:{id}:report:{end}"), morning(end), payload).await?;
    }
    let payload = serde_json::json!({ "what": "ended", "contract_id": id, "org_id": buyer_id });
    let ended = morning(contract.ends_on + Duration::days(1));
    schedule(state, tx, REMINDER_JOB, format!("sr:{id}:ended"), ended, payload).await
}

/// Runs one reminder job.
pub async fn run(state: &AppState, payload: &serde_json::Value) -> anyhow::Result<()> {
    let org_id = payload["org_id"].as_i64().context("org_id missing")?;
    let contract_id = payload["contract_id"].as_i64().context("contract_id missing")?;
    let Some(contract) = socialreturn::contract(&state.db, &OrgScope::system(org_id), contract_id).await? else {
        return Ok(());
    };
    let owed = Money::from_cents((contract.obligation_amount.cents() - contract.approved.cents()).max(0));
    if owed.cents() == 0 {
        return Ok(()); // Fulfilled: nothing to remind.
    }
    let path = format!("/orgs/{org_id}/sr/contracten/{contract_id}");
    let what = payload["what"].as_str();
    let mut tx = state.db.begin().await?;
    tell_board(state, &mut tx, org_id, &path, |lang, link| {
        let sr = lang.socialreturn();
        let (subject, body) = match what {
            Some("ended") => (sr.mail_ended_subject, sr.mail_ended_body),
            _ => (sr.mail_report_subject, sr.mail_report_body),
        };
        let fill = |text: &str| {
            text.replace("{title}", &contract.title)
                .replace("{owed}", &owed.to_string())
                .replace("{end}", &show_date(contract.ends_on))
                .replace("{supplier}", &contract.supplier_name)
                .replace("{link}", link)
        };
        (fill(subject), fill(body), fill(subject))
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
