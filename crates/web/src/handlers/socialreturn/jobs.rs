//! Social-return reminders: the supplier is asked to report at the end of every reporting period while the
//! obligation is unmet, and the buyer is told the day after a contract ended short, to record the settlement. Jobs in
//! the database with a key per contract and moment (scheduled once, survive restarts); each checks the contract still
//! falls short before it mails.

use crate::jobs::BackgroundJob;
use crate::notify::{morning, schedule_reminder, tell_board};
use crate::state::AppState;
use crate::views::show_date;
use serde::{Deserialize, Serialize};
use time::Duration;
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::progress::reporting_period_ends;
use volkshuis_store::socialreturn::{self, NewContract};
use volkshuis_store::Tx;

/// A reminder about a contract that falls short; stored as `{"what": "report" | "ended", "contract_id", "org_id"}`
/// under the kind `sr_reminder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ContractReminder {
    /// Which reminder.
    pub what: Moment,
    /// The contract.
    pub contract_id: i64,
    /// The organisation reminded: the supplier for a report, the buyer when the contract ended.
    pub org_id: i64,
}

/// The moment a [`ContractReminder`] is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Moment {
    /// The end of a reporting period: the supplier is asked to report.
    Report,
    /// The day after the contract's end: the buyer records the settlement.
    Ended,
}

impl BackgroundJob for ContractReminder {
    const KIND: &'static str = "sr_reminder";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let Self { what, contract_id, org_id } = *self;
        let Some(contract) = socialreturn::contract(&state.db, &crate::jobs::job_scope(org_id), contract_id).await?
        else {
            return Ok(());
        };
        let owed = Money::from_cents((contract.obligation_amount.cents() - contract.approved.cents()).max(0));
        if owed.cents() == 0 {
            return Ok(()); // Fulfilled: nothing to remind.
        }
        let path = format!("/orgs/{org_id}/sr/contracten/{contract_id}");
        let mut tx = state.db.begin().await?;
        tell_board(state, &mut tx, org_id, &path, |lang, link| {
            let sr = lang.socialreturn();
            let title = &contract.title;
            let subject = match what {
                Moment::Ended => sr.mail_ended_subject(title),
                Moment::Report => sr.mail_report_subject(title),
            };
            let body = match what {
                Moment::Ended => sr.mail_ended_body(link, owed, &contract.supplier_name, title),
                Moment::Report => sr.mail_report_body(show_date(contract.ends_on), link, owed, title),
            };
            (subject.clone(), body, subject)
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A new contract (`id`, of `buyer_id`): a reporting reminder per period for the supplier, and the end-of-contract
/// notice for the buyer.
pub(crate) async fn contract_created(
    state: &AppState,
    tx: &mut Tx,
    id: i64,
    buyer_id: i64,
    contract: &NewContract,
) -> anyhow::Result<()> {
    for end in reporting_period_ends(contract.starts_on, contract.ends_on, &contract.cadence) {
        let job = ContractReminder { what: Moment::Report, contract_id: id, org_id: contract.supplier_id };
        schedule_reminder(state, tx, format!("sr:{id}:report:{end}"), morning(end), &job).await?;
    }
    let job = ContractReminder { what: Moment::Ended, contract_id: id, org_id: buyer_id };
    let ended = morning(contract.ends_on + Duration::days(1));
    schedule_reminder(state, tx, format!("sr:{id}:ended"), ended, &job).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_keep_their_stored_shape() {
        let stored = r#"{"contract_id": 7, "org_id": 3, "what": "ended"}"#;
        let job: ContractReminder = serde_json::from_str(stored).expect("a stored payload reads");
        assert_eq!(job, ContractReminder { what: Moment::Ended, contract_id: 7, org_id: 3 });
        let written = serde_json::to_value(&job).expect("serialises");
        assert_eq!(written, serde_json::json!({ "what": "ended", "contract_id": 7, "org_id": 3 }));
    }
}
