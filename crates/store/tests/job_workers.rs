//! Two servers on one database share its job queue: every due job runs exactly once, and neither waits for the
//! other's claim. A worker that is gone gives its jobs back; a living one keeps them (ADR 0030).

use std::collections::BTreeSet;
use std::time::Duration as StdDuration;
use time::{macros::datetime, Duration, OffsetDateTime};
use volkshuis_store::testdb::TestDb;
use volkshuis_store::{job_workers, jobs, Backend, Db};

const NOW: OffsetDateTime = datetime!(2026-12-03 12:00 UTC);
const LEASE: Duration = Duration::minutes(5);

async fn enqueue(db: &Db, count: usize) -> BTreeSet<i64> {
    let mut ids = BTreeSet::new();
    for n in 0..count {
        let id = jobs::enqueue(db, "ping", &format!("{{\"n\":{n}}}"), NOW, None, NOW).await.expect("enqueue");
        ids.insert(id.expect("a new job"));
    }
    ids
}

/// A worker as `serve` runs one: claims and completes jobs until none is due.
async fn worker(db: Db) -> Vec<i64> {
    let mut ran = Vec::new();
    while let Some(job) = jobs::claim_next(&db, None, NOW, LEASE).await.expect("claim") {
        ran.push(job.id);
        tokio::task::yield_now().await;
        jobs::complete(&db, job.id, NOW).await.expect("complete");
    }
    ran
}

async fn two_workers_run_every_job_once(backend: Backend) {
    let test = TestDb::new(backend).await.expect("database");
    let ids = enqueue(&test.db, 300).await;
    // Each worker has a pool of its own, as two servers would.
    let first = Db::connect(&test.target).await.expect("first server");
    let second = Db::connect(&test.target).await.expect("second server");
    let (a, b) = tokio::join!(tokio::spawn(worker(first)), tokio::spawn(worker(second)));
    let (a, b) = (a.expect("first worker"), b.expect("second worker"));
    let mut ran: Vec<i64> = a.iter().chain(&b).copied().collect();
    ran.sort_unstable();
    let once: Vec<i64> = ids.iter().copied().collect();
    assert_eq!(ran, once, "every job ran, and none twice (first ran {}, second {})", a.len(), b.len());
    let counts = jobs::counts(&test.db).await.expect("counts");
    assert_eq!(counts, vec![("done".to_owned(), 300)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_on_one_postgres_database_run_every_job_once() {
    two_workers_run_every_job_once(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_on_one_sqlite_database_run_every_job_once() {
    two_workers_run_every_job_once(Backend::Sqlite).await;
}

/// While one server's claim is still open (its row locked), another server takes the next job at once, instead of
/// waiting for the lock and then finding nothing (PostgreSQL's `FOR UPDATE SKIP LOCKED`).
#[tokio::test]
async fn a_claim_in_progress_is_passed_over() {
    let test = TestDb::new(Backend::Postgres).await.expect("database");
    let ids: Vec<i64> = enqueue(&test.db, 3).await.into_iter().collect();
    let other = Db::connect(&test.target).await.expect("second server");

    let mut open = test.db.begin().await.expect("begin");
    let held = jobs::claim_next(&mut open, None, NOW, LEASE).await.expect("claim").expect("a job");
    assert_eq!(held.id, ids[0]);
    let next = tokio::time::timeout(StdDuration::from_secs(5), jobs::claim_next(&other, None, NOW, LEASE))
        .await
        .expect("the second server does not wait for the first one's claim")
        .expect("claim");
    assert_eq!(next.map(|job| job.id), Some(ids[1]), "the next job, not nothing");

    // The first server's claim never committed (it died): the job is due again, and is the next one claimed.
    open.rollback().await.expect("rollback");
    let again = jobs::claim_next(&other, None, NOW, LEASE).await.expect("claim").expect("the job given back");
    assert_eq!((again.id, again.attempts), (ids[0], 1));
}

/// How long a worker may be silent before another takes its jobs back, in these tests.
const SILENCE: Duration = Duration::minutes(1);

/// A job killed while running (issue 17 §3): its worker is registered with a heartbeat; when the worker is known to
/// have ended, or has been silent too long, its job is due again at once — long before the lease would run out —
/// while a living worker's job, however long it runs, is never taken over.
async fn a_gone_workers_job_is_put_back_and_a_living_ones_is_not(backend: Backend) {
    let test = TestDb::new(backend).await.expect("database");
    let db = &test.db;
    let ids: Vec<i64> = enqueue(db, 3).await.into_iter().collect();
    let lease = Duration::minutes(10);
    for (worker, pid) in [("killed", 11), ("silent", 12), ("alive", 13)] {
        job_workers::register(db, worker, Some("machine-a"), pid, NOW).await.expect("register");
    }
    let killed = jobs::claim_next(db, Some("killed"), NOW, lease).await.expect("claim").expect("a job");
    let silent = jobs::claim_next(db, Some("silent"), NOW, lease).await.expect("claim").expect("a job");
    let alive = jobs::claim_next(db, Some("alive"), NOW, lease).await.expect("claim").expect("a job");
    assert_eq!(vec![killed.id, silent.id, alive.id], ids);

    // A restarted server on machine-a sees that process 11 has ended: that job is due again at once.
    let cutoff = |now: OffsetDateTime| now - SILENCE;
    let later = NOW + Duration::seconds(5);
    let released = job_workers::recover(db, &["killed".to_owned()], cutoff(later), later).await.expect("recover");
    assert_eq!(released, 1);
    let again = jobs::claim_next(db, Some("new"), later, lease).await.expect("claim").expect("the killed worker's job");
    assert_eq!((again.id, again.attempts), (killed.id, 2), "the interrupted run counted as an attempt");
    assert_eq!(jobs::claim_next(db, Some("new"), later, lease).await.expect("claim"), None, "nothing else is free");

    // Two minutes on: `alive` kept beating, `silent` did not. Only the silent worker's job comes back; the living
    // worker's lease was renewed by its heartbeat, so even past the first lease nobody takes its job.
    let beat = NOW + Duration::minutes(2);
    assert!(job_workers::heartbeat(db, "alive", beat, lease).await.expect("beat"));
    assert!(job_workers::heartbeat(db, "new", beat, lease).await.is_ok_and(|known| !known), "never registered");
    let released = job_workers::recover(db, &[], cutoff(beat), beat).await.expect("recover");
    assert_eq!(released, 2, "the silent worker's job, and the one claimed by a worker never registered");
    let long_after = NOW + Duration::minutes(11);
    let mut taken = Vec::new();
    while let Some(job) = jobs::claim_next(db, Some("other"), long_after, lease).await.expect("claim") {
        taken.push(job.id);
    }
    assert_eq!(taken, vec![killed.id, silent.id], "the living worker's job stays with it");
    assert!(!job_workers::heartbeat(db, "silent", long_after, lease).await.expect("beat"), "told it was declared gone");
    let left: Vec<String> = job_workers::list(db).await.expect("workers").into_iter().map(|w| w.id).collect();
    assert_eq!(left, vec!["alive".to_owned()]);
}

#[tokio::test]
async fn a_gone_workers_job_is_put_back_on_postgres() {
    a_gone_workers_job_is_put_back_and_a_living_ones_is_not(Backend::Postgres).await;
}

#[tokio::test]
async fn a_gone_workers_job_is_put_back_on_sqlite() {
    a_gone_workers_job_is_put_back_and_a_living_ones_is_not(Backend::Sqlite).await;
}
