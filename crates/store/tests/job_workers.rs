//! Two servers on one database share its job queue: every due job runs exactly once, and neither waits for the
//! other's claim.

use std::collections::BTreeSet;
use std::time::Duration as StdDuration;
use time::{macros::datetime, Duration, OffsetDateTime};
use volkshuis_store::testdb::TestDb;
use volkshuis_store::{jobs, Backend, Db};

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
    while let Some(job) = jobs::claim_next(&db, NOW, LEASE).await.expect("claim") {
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
    let held = jobs::claim_next(&mut open, NOW, LEASE).await.expect("claim").expect("a job");
    assert_eq!(held.id, ids[0]);
    let next = tokio::time::timeout(StdDuration::from_secs(5), jobs::claim_next(&other, NOW, LEASE))
        .await
        .expect("the second server does not wait for the first one's claim")
        .expect("claim");
    assert_eq!(next.map(|job| job.id), Some(ids[1]), "the next job, not nothing");

    // The first server's claim never committed (it died): the job is due again, and is the next one claimed.
    open.rollback().await.expect("rollback");
    let again = jobs::claim_next(&other, NOW, LEASE).await.expect("claim").expect("the job given back");
    assert_eq!((again.id, again.attempts), (ids[0], 1));
}
