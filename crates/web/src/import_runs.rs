//! Stock imports started in the web UI run in the background: the upload is answered at once with a page that
//! follows the import, so a large file is not bound to one request's timeout and the user sees how far it is.
//!
//! Runs live in memory, per server process: their outcome is also in the database (the `imports` record, the audit
//! trail and the downloadable error report), so a restart loses only the progress page. An import that was running
//! when the process stopped was rolled back by the database.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use volkshuis_domain::bezit::import::RowError;
use volkshuis_store::stock::{ImportOptions, ImportSummary};

/// Finished runs are forgotten after this long.
const KEEP_FINISHED: Duration = Duration::from_secs(24 * 60 * 60);

/// What a finished import found and did, as the page shows it.
#[derive(Debug, Clone)]
pub struct Finished {
    /// Counts and warnings (its error list is emptied: the page shows the first rows, the report has them all).
    pub summary: ImportSummary,
    /// How many row errors there were.
    pub error_count: usize,
    /// The first errors, for the page.
    pub errors_shown: Vec<RowError>,
    /// The full error report (`/orgs/{org}/stock/import/reports/{id}`), when there were errors and it was saved.
    pub report_id: Option<i64>,
    /// The choices the file was sent with, for the form that follows the outcome.
    pub options: ImportOptions,
}

/// Where a run is.
#[derive(Debug, Clone)]
pub enum RunState {
    /// Reading and writing.
    Running,
    /// Done, with its outcome.
    Done(Box<Finished>),
    /// Stopped by a fault of the server (not of the file); nothing was saved.
    Failed,
    /// Refused because another import of the stock (from the command line, say) was running; nothing was saved.
    OtherImportRunning,
}

/// One import started from the web UI.
#[derive(Debug)]
pub struct Run {
    /// Its number, in the page's address.
    pub id: u64,
    /// The corporation whose stock it imports.
    pub org_id: i64,
    /// The uploaded file's name.
    pub file_name: String,
    /// A check without writing.
    pub check_only: bool,
    /// Lines in the file after the header (blank lines included), to tell how far the import is.
    pub total_lines: u64,
    rows_read: AtomicU64,
    state: Mutex<(RunState, Option<Instant>)>,
}

impl Run {
    /// Rows read so far.
    pub fn rows_read(&self) -> u64 {
        self.rows_read.load(Ordering::Relaxed)
    }

    /// Records how many rows have been read.
    pub fn set_rows_read(&self, rows: u64) {
        self.rows_read.store(rows, Ordering::Relaxed);
    }

    /// How far the import is, in percent (never 100 before it is done).
    pub fn percent(&self) -> u64 {
        (self.rows_read() * 100).checked_div(self.total_lines).unwrap_or(0).min(99)
    }

    /// Where it is now.
    pub fn state(&self) -> RunState {
        lock(&self.state).0.clone()
    }

    /// Marks the run finished.
    pub fn finish(&self, state: RunState) {
        *lock(&self.state) = (state, Some(Instant::now()));
    }

    fn finished_at(&self) -> Option<Instant> {
        lock(&self.state).1
    }
}

/// The runs of this process.
#[derive(Debug)]
pub struct ImportRuns {
    runs: Mutex<(u64, HashMap<u64, Arc<Run>>)>,
}

impl Default for ImportRuns {
    /// Numbers go on from the process's start in milliseconds since 1970: a page of a run from before a restart (a
    /// bookmark, a reload) is not another, newer run under the same number — as when every process counted from 1.
    fn default() -> Self {
        let started = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Self::counting_from(u64::try_from(started.as_millis()).unwrap_or(u64::MAX / 2))
    }
}

/// Why a run could not be started.
#[derive(Debug, PartialEq, Eq)]
pub struct AlreadyRunning(pub u64);

impl ImportRuns {
    /// Runs numbered from `start` + 1 on.
    fn counting_from(start: u64) -> Self {
        Self { runs: Mutex::new((start, HashMap::new())) }
    }

    /// Registers a new run for the corporation, unless one is still running for it (two imports of one stock at
    /// once would wait on each other's rows and could not both be right).
    pub fn start(
        &self,
        org_id: i64,
        file_name: &str,
        check_only: bool,
        total_lines: u64,
    ) -> Result<Arc<Run>, AlreadyRunning> {
        let mut guard = lock(&self.runs);
        let (next, runs) = &mut *guard;
        runs.retain(|_, run| run.finished_at().is_none_or(|at| at.elapsed() < KEEP_FINISHED));
        if let Some(running) = runs.values().find(|r| r.org_id == org_id && matches!(r.state(), RunState::Running)) {
            return Err(AlreadyRunning(running.id));
        }
        *next += 1;
        let run = Arc::new(Run {
            id: *next,
            org_id,
            file_name: file_name.to_owned(),
            check_only,
            total_lines,
            rows_read: AtomicU64::new(0),
            state: Mutex::new((RunState::Running, None)),
        });
        runs.insert(run.id, Arc::clone(&run));
        Ok(run)
    }

    /// The run of this corporation that wrote error report `report_id`, while this process keeps it: its number,
    /// file name and error count (the dashboard names the file; the report itself does not).
    pub fn with_report(&self, org_id: i64, report_id: i64) -> Option<(u64, String, usize)> {
        lock(&self.runs).1.values().filter(|r| r.org_id == org_id).find_map(|run| match run.state() {
            RunState::Done(done) if done.report_id == Some(report_id) => {
                Some((run.id, run.file_name.clone(), done.error_count))
            }
            _ => None,
        })
    }

    /// The run with this number, if it belongs to this corporation.
    pub fn get(&self, org_id: i64, id: u64) -> Option<Arc<Run>> {
        lock(&self.runs).1.get(&id).filter(|r| r.org_id == org_id).cloned()
    }
}

/// A poisoned lock only means another request panicked while holding it; the data is still whole.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_running_import_per_corporation() {
        let runs = ImportRuns::default();
        let first = runs.start(1, "a.csv", false, 10).expect("first");
        assert_eq!(runs.start(1, "b.csv", false, 10).expect_err("second run"), AlreadyRunning(first.id));
        let other = runs.start(2, "c.csv", true, 10).expect("another corporation may import at the same time");
        assert_ne!(other.id, first.id);
        first.finish(RunState::Failed);
        assert!(runs.start(1, "b.csv", false, 10).is_ok(), "after the first ended a new one may start");
    }

    #[test]
    fn run_numbers_go_on_from_the_process_start() {
        // 1 January 2026 in milliseconds: a process started since counts from later than that.
        let first = ImportRuns::default().start(1, "a.csv", false, 10).expect("start").id;
        assert!(first > 1_767_225_600_000, "{first}");
        let runs = ImportRuns::counting_from(41);
        assert_eq!(runs.start(1, "a.csv", false, 10).expect("start").id, 42);
    }

    #[test]
    fn a_run_is_found_only_under_its_own_corporation() {
        let runs = ImportRuns::default();
        let run = runs.start(1, "a.csv", false, 10).expect("start");
        assert!(runs.get(1, run.id).is_some());
        assert!(runs.get(2, run.id).is_none());
        assert!(runs.get(1, run.id + 1).is_none());
    }

    #[test]
    fn a_report_leads_back_to_the_run_that_wrote_it() {
        let runs = ImportRuns::default();
        let run = runs.start(1, "goed20.csv", false, 25).expect("start");
        assert_eq!(runs.with_report(1, 7), None, "still running");
        let finished = Finished {
            summary: ImportSummary::default(),
            error_count: 5,
            errors_shown: Vec::new(),
            report_id: Some(7),
            options: ImportOptions::default(),
        };
        run.finish(RunState::Done(Box::new(finished)));
        assert_eq!(runs.with_report(1, 7), Some((run.id, "goed20.csv".to_owned(), 5)));
        assert_eq!(runs.with_report(1, 8), None, "another report");
        assert_eq!(runs.with_report(2, 7), None, "another corporation");
    }

    #[test]
    fn progress_in_percent_stays_below_100_until_done() {
        let runs = ImportRuns::default();
        let run = runs.start(1, "a.csv", false, 2_000).expect("start");
        assert_eq!(run.percent(), 0);
        run.set_rows_read(1_000);
        assert_eq!(run.percent(), 50);
        run.set_rows_read(2_000);
        assert_eq!(run.percent(), 99);
        let empty = runs.start(2, "b.csv", false, 0).expect("start");
        assert_eq!(empty.percent(), 0, "no division by zero");
    }
}
