//! The one table of job kinds: from the kind in a job row to its type, whose payload is read and whose work is
//! run. A new job type is added to [`JOBS`]; a unit test checks that no two types share a kind.

use super::housekeeping::Housekeeping;
use super::BackgroundJob;
use crate::handlers::afspraken::jobs::BidReminder;
use crate::handlers::nazorg::jobs::CheckOpens;
use crate::handlers::overleg::jobs::OverlegReminder;
use crate::handlers::socialreturn::jobs::ContractReminder;
use crate::mail::DeliverMail;
use crate::notify::digest::{DigestSweep, SendDigest};
use crate::state::AppState;
use anyhow::Context;
use std::future::Future;
use std::pin::Pin;

/// A running job's work.
type Running<'a> = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send + 'a>>;
/// Reads a payload into its type and runs it.
type Runner = for<'a> fn(&'a AppState, &'a str) -> Running<'a>;

/// Every job type by its kind.
const JOBS: &[(&str, Runner)] = &[
    entry::<DeliverMail>(),
    entry::<Housekeeping>(),
    entry::<OverlegReminder>(),
    entry::<ContractReminder>(),
    entry::<DigestSweep>(),
    entry::<SendDigest>(),
    entry::<BidReminder>(),
    entry::<CheckOpens>(),
];

const fn entry<J: BackgroundJob>() -> (&'static str, Runner) {
    (J::KIND, run_as::<J>)
}

fn run_as<'a, J: BackgroundJob>(state: &'a AppState, payload: &'a str) -> Running<'a> {
    Box::pin(async move {
        let job: J = serde_json::from_str(payload)
            .with_context(|| format!("the payload of this {} job does not fit its type: {payload}", J::KIND))?;
        job.run(state).await
    })
}

/// Runs a job of `kind` with its JSON `payload`. A kind no type claims, or a payload its type cannot read, is an
/// error of this attempt (the worker records it on the job), never a panic.
pub(crate) async fn run(state: &AppState, kind: &str, payload: &str) -> anyhow::Result<()> {
    let Some((_, runner)) = JOBS.iter().find(|(known, _)| *known == kind) else {
        anyhow::bail!("unknown job kind {kind:?}: no job type is registered for it");
    };
    runner(state, payload).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_type() {
        let mut kinds: Vec<&str> = JOBS.iter().map(|(kind, _)| *kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), JOBS.len(), "two job types share a kind");
    }

    #[test]
    fn the_kinds_of_queued_jobs_still_run() {
        // Databases hold jobs under these names; renaming one would leave them unrun.
        for kind in
            ["deliver_mail", "housekeeping", "overleg_reminder", "sr_reminder", "notice_digest_sweep", "notice_digest"]
        {
            assert!(JOBS.iter().any(|(known, _)| *known == kind), "{kind} has no job type");
        }
    }
}
