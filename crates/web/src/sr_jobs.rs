//! Social-return reminders: the supplier is asked to report at the end of every reporting period while the
//! obligation is unmet, and the buyer is told the day after a contract ended short, to record the settlement. Jobs in
//! the database with a key per contract and moment (scheduled once, survive restarts); each checks the contract still
//! falls short before it mails.

use crate::app::AppState;
use crate::overleg_jobs::{morning, schedule, tell_board};
use crate::views::show_date;
use anyhow::Context;
use time::{Date, Duration, Month};
use volkshuis_domain::access::OrgScope;
use volkshuis_domain::money::Money;
use volkshuis_store::socialreturn::{self, NewContract};
use volkshuis_store::Tx;

/// The job kind of every social-return reminder.
pub const REMINDER_JOB: &str = "sr_reminder";

/// Months in a reporting period.
fn period_months(cadence: &str) -> u32 {
    match cadence {
        "monthly" => 1,
        "yearly" => 12,
        _ => 3,
    }
}

/// The same day `months` later (clamped to the month's last day).
fn add_months(date: Date, months: u32) -> Date {
    let total = date.month() as u32 - 1 + months;
    let year = date.year() + (total / 12) as i32;
    let month = Month::try_from((total % 12 + 1) as u8).unwrap_or(Month::January);
    Date::from_calendar_date(year, month, date.day().min(month.length(year))).unwrap_or(date)
}

/// The ends of the reporting periods of a contract (the last one on its last day).
pub fn period_ends(starts_on: Date, ends_on: Date, cadence: &str) -> Vec<Date> {
    let months = period_months(cadence);
    let mut ends = Vec::new();
    let mut k = 1;
    loop {
        let end = add_months(starts_on, months * k) - Duration::days(1);
        if end >= ends_on {
            ends.push(ends_on);
            return ends;
        }
        ends.push(end);
        k += 1;
    }
}

/// A new contract (`id`, of `buyer_id`): a reporting reminder per period for the supplier, and the end-of-contract
/// notice for the buyer.
pub async fn contract_created(
    state: &AppState,
    tx: &mut Tx,
    id: i64,
    buyer_id: i64,
    contract: &NewContract,
) -> anyhow::Result<()> {
    for end in period_ends(contract.starts_on, contract.ends_on, &contract.cadence) {
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

#[cfg(test)]
mod tests {
    use super::period_ends;
    use time::macros::date;

    #[test]
    fn reporting_periods_end_before_the_same_day_and_on_the_last_day() {
        let ends = period_ends(date!(2026 - 01 - 01), date!(2026 - 12 - 31), "quarterly");
        assert_eq!(ends, [date!(2026 - 03 - 31), date!(2026 - 06 - 30), date!(2026 - 09 - 30), date!(2026 - 12 - 31)]);
        let short = period_ends(date!(2026 - 01 - 15), date!(2026 - 05 - 01), "quarterly");
        assert_eq!(short, [date!(2026 - 04 - 14), date!(2026 - 05 - 01)]);
        assert_eq!(period_ends(date!(2026 - 01 - 31), date!(2026 - 03 - 31), "monthly").len(), 3);
    }
}
