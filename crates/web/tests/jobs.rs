//! Background jobs with a controlled clock: housekeeping, mail delivery through a real SMTP conversation, retries
//! that survive a restart, and jobs the worker cannot read.

mod common;

use common::TestApp;
use std::sync::{Arc, Mutex};
use time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use volkshuis_store::outbox::{self, Status};
use volkshuis_store::testdb::sql;
use volkshuis_store::{job_workers, jobs, sessions};
use volkshuis_web::{recover_jobs, run_due_jobs, schedule_housekeeping, worker_instance, Config};

on_both_backends!(
    housekeeping_purges_and_reschedules,
    mail_is_delivered_over_smtp,
    failed_delivery_is_retried_after_restart,
    unknown_kinds_and_bad_payloads_fail_their_job,
    a_killed_workers_job_runs_again_at_start_up,
);

async fn housekeeping_purges_and_reschedules(mut app: TestApp) {
    app.login("admin@woonstad.test").await;
    let token = app.cookie("vh_session").expect("session").to_owned();
    schedule_housekeeping(&app.state).await.expect("schedule");
    schedule_housekeeping(&app.state).await.expect("schedule twice");
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 0, "not due before the hour");
    app.state.clock.advance(Duration::hours(13));
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 1, "scheduled once, however often asked");
    let now = app.state.clock.now();
    assert!(sessions::lookup(&app.state.db, &token, now).await.expect("lookup").is_none());
    let left: i64 = sql::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db).await.expect("count");
    assert_eq!(left, 0, "expired sessions deleted");
    let counts = jobs::counts(&app.state.db).await.expect("counts");
    assert_eq!(counts, vec![("done".to_owned(), 1), ("pending".to_owned(), 1)], "the next run is scheduled");
}

/// A minimal SMTP server on loopback that accepts one message and keeps what it received.
async fn smtp_server() -> (String, Arc<Mutex<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("smtp://{}", listener.local_addr().expect("addr"));
    let received = Arc::new(Mutex::new(String::new()));
    let store = received.clone();
    tokio::spawn(async move {
        let Ok((socket, _)) = listener.accept().await else {
            return;
        };
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        let _ = write.write_all(b"220 localhost ESMTP test\r\n").await;
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    let _ = write.write_all(b"250 OK queued\r\n").await;
                } else if let Ok(mut text) = store.lock() {
                    text.push_str(&line);
                    text.push('\n');
                }
                continue;
            }
            let reply: &[u8] = match line.split_whitespace().next().unwrap_or("").to_ascii_uppercase().as_str() {
                "EHLO" | "HELO" => b"250-localhost\r\n250 8BITMIME\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go ahead\r\n"
                }
                "QUIT" => {
                    let _ = write.write_all(b"221 bye\r\n").await;
                    break;
                }
                _ => b"250 OK\r\n",
            };
            let _ = write.write_all(reply).await;
        }
    });
    (url, received)
}

async fn mail_is_delivered_over_smtp(mut app: TestApp) {
    let (url, received) = smtp_server().await;
    app.restart(Config { smtp_url: Some(url), ..Config::default() });
    app.post("/password/forgot", &[("email", "admin@woonstad.test")]).await;
    let queued = outbox::list(&app.state.db, 1).await.expect("outbox");
    assert_eq!(queued[0].status, Status::Queued);
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 1);
    let sent = outbox::get(&app.state.db, queued[0].id).await.expect("get").expect("exists");
    assert_eq!(sent.status, Status::Sent, "{:?}", sent.last_error);
    let text = received.lock().map(|t| t.clone()).unwrap_or_default();
    assert!(text.contains("To: admin@woonstad.test") && text.contains("/password/reset?token="), "{text}");
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 0, "sent once");
}

async fn failed_delivery_is_retried_after_restart(mut app: TestApp) {
    let unreachable = Config { smtp_url: Some("smtp://127.0.0.1:1".to_owned()), ..Config::default() };
    app.restart(unreachable.clone());
    app.post("/password/forgot", &[("email", "admin@woonstad.test")]).await;
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 1);
    let message = &outbox::list(&app.state.db, 1).await.expect("outbox")[0];
    assert_eq!(message.status, Status::Queued, "a temporary failure stays queued");
    assert!(message.last_error.is_some());
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 0, "waits for its back-off");

    let (url, received) = smtp_server().await;
    app.restart(Config { smtp_url: Some(url), ..unreachable }); // the server comes back with working mail
    app.state.clock.advance(Duration::minutes(2));
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 1);
    let message = outbox::get(&app.state.db, message.id).await.expect("get").expect("exists");
    assert_eq!(message.status, Status::Sent);
    assert!(received.lock().map(|t| t.contains("admin@woonstad.test")).unwrap_or(false));
}

/// A job of a kind no type claims, or with a payload its type cannot read, fails with a clear error and is retried
/// like any failure; the worker goes on with the other jobs.
async fn unknown_kinds_and_bad_payloads_fail_their_job(app: TestApp) {
    let now = app.state.clock.now();
    let mut tx = app.state.db.begin().await.expect("begin");
    for (kind, payload) in [
        ("no_such_job", "{}"),
        ("overleg_reminder", r#"{"what":"lunch","org_id":1}"#),
        ("deliver_mail", "not json"),
        ("housekeeping", "{}"),
    ] {
        jobs::enqueue(&mut tx, kind, payload, now, None, now).await.expect("enqueue");
    }
    tx.commit().await.expect("commit");
    assert_eq!(run_due_jobs(&app.state).await.expect("the worker survives"), 4);
    let rows: Vec<(String, String, Option<String>)> =
        sql::query_as("SELECT kind, status, last_error FROM jobs ORDER BY id LIMIT 4")
            .fetch_all(&app.state.db)
            .await
            .expect("jobs");
    let error = |i: usize| rows[i].2.clone().unwrap_or_default();
    assert_eq!(rows[0].1, "pending", "retried later");
    assert!(error(0).contains("unknown job kind \"no_such_job\""), "{}", error(0));
    assert!(error(1).contains("overleg_reminder job does not fit its type"), "{}", error(1));
    assert!(error(2).contains("deliver_mail job does not fit its type"), "{}", error(2));
    assert_eq!((rows[3].1.as_str(), rows[3].2.as_deref()), ("done", None), "the good job ran");
}

/// A server killed while a job ran (issue 17 §3): the job stayed `running` until its ten-minute lease ran out. Now
/// a worker starting on the same machine sees that the killed worker's process has ended and puts its job back at
/// once; a worker elsewhere that still beats keeps its job until it has been silent for a minute.
async fn a_killed_workers_job_runs_again_at_start_up(app: TestApp) {
    let db = &app.state.db;
    let here = worker_instance();
    assert!(here.is_some(), "this test runs on Linux, where a process's instance is known");
    let mut child = std::process::Command::new("true").spawn().expect("a process to be the killed server");
    let killed_pid = i64::from(child.id());
    child.wait().expect("it ends");
    let now = app.state.clock.now();
    let lease = Duration::minutes(10);
    job_workers::register(db, "killed", here.as_deref(), killed_pid, now).await.expect("register");
    job_workers::register(db, "elsewhere", Some("another-machine"), killed_pid, now).await.expect("register");
    for n in 0..2 {
        let mut tx = db.begin().await.expect("tx");
        jobs::enqueue(&mut tx, "housekeeping", "{}", now, Some(&format!("killed-test:{n}")), now).await.expect("job");
        tx.commit().await.expect("commit");
    }
    let killed = jobs::claim_next(db, Some("killed"), now, lease).await.expect("claim").expect("a job");
    let elsewhere = jobs::claim_next(db, Some("elsewhere"), now, lease).await.expect("claim").expect("a job");
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 0, "both jobs are running");

    // The new server starts a few seconds later, long before the lease ends.
    app.state.clock.advance(Duration::seconds(5));
    assert_eq!(recover_jobs(&app.state, here.as_deref()).await.expect("recover"), 1, "the killed worker's job");
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 1, "and it runs");
    let status = |id: i64| async move {
        sql::query_scalar::<String>("SELECT status FROM jobs WHERE id = $1")
            .bind(id)
            .fetch_one(db)
            .await
            .expect("status")
    };
    assert_eq!((status(killed.id).await, status(elsewhere.id).await), ("done".to_owned(), "running".to_owned()));

    // The worker on the other machine beats for a while, then falls silent; a minute later its job comes back.
    app.state.clock.advance(Duration::seconds(30));
    assert!(job_workers::heartbeat(db, "elsewhere", app.state.clock.now(), lease).await.expect("beat"));
    assert_eq!(recover_jobs(&app.state, here.as_deref()).await.expect("recover"), 0, "it lives");
    app.state.clock.advance(Duration::seconds(61));
    assert_eq!(recover_jobs(&app.state, here.as_deref()).await.expect("recover"), 1, "silent for a minute");
    assert_eq!(run_due_jobs(&app.state).await.expect("run"), 1);
    assert_eq!(status(elsewhere.id).await, "done");
}
