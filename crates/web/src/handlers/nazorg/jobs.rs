//! The checks after a sale are planned when the sale is recorded; a job per check tells the corporation's staff on
//! the day it opens (two months before it is due), so it can be planned. The job checks the check still waits.

use crate::jobs::BackgroundJob;
use crate::notify::{morning, schedule_reminder, tell_board};
use crate::state::AppState;
use crate::views::show_date;
use serde::{Deserialize, Serialize};
use time::Date;
use volkshuis_domain::nazorg::checks::opens_on;
use volkshuis_store::nazorg::checks::check_waits;
use volkshuis_store::nazorg::sales::PlannedCheck;

/// A check opens; stored as `{"check_id", "org_id", "years", "due_on"}` under the kind `nz_check_opens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CheckOpens {
    /// The check.
    pub check_id: i64,
    /// The corporation.
    pub org_id: i64,
    /// Years after the sale.
    pub years: u32,
    /// The day it is due.
    pub due_on: Date,
}

impl BackgroundJob for CheckOpens {
    const KIND: &'static str = "nz_check_opens";

    async fn run(&self, state: &AppState) -> anyhow::Result<()> {
        let scope = crate::jobs::job_scope(self.org_id);
        if !check_waits(&state.db, &scope, self.check_id).await? {
            return Ok(()); // Done already, or the home was bought back.
        }
        // No buyer's name or address in a notice or mail: the link leads to the page that shows them to those who
        // may see them.
        let path = format!("/orgs/{}/nazorg/controles/{}", self.org_id, self.check_id);
        let mut tx = state.db.begin().await?;
        tell_board(state, &mut tx, self.org_id, &path, |lang, link| {
            let nz = crate::i18n::NazorgTexts::of(lang);
            let years = i64::from(self.years);
            let subject = nz.mail_check_subject(years);
            (subject.clone(), nz.mail_check_body(show_date(self.due_on), link, years), subject)
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Schedules the opening notice of each check a new sale planned (none for a check whose day has passed).
pub(super) async fn checks_planned(state: &AppState, org: i64, planned: &[PlannedCheck]) -> anyhow::Result<()> {
    let mut tx = state.db.begin().await?;
    for (check_id, years, due_on) in planned {
        let job = CheckOpens { check_id: *check_id, org_id: org, years: *years, due_on: *due_on };
        schedule_reminder(state, &mut tx, format!("nz_check_opens:{check_id}"), morning(opens_on(*due_on)), &job)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
