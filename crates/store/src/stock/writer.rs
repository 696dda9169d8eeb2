//! The import's writer: one task owns the import's connection, with its transaction open, and runs the writes the
//! importer queues, in the order they were queued, while the importer goes on reading and checking the next rows.
//!
//! Before, the importer waited for each statement before it read on, so reading and writing took turns although the
//! machine had a core free for one of them (a national import: parsing thread 58 % busy, importer 44 %, SQLite's
//! thread 50 %). See ADR 0016.
//!
//! The transaction is the connection's own (`BEGIN` … `COMMIT` as statements, not a `sqlx::Transaction`, which
//! borrows its connection and so could not move to the task and back). A job takes the connection and gives it back
//! with its result: a job that borrowed it would need a future for every lifetime, which the compiler cannot yet
//! prove `Send` for sqlx's executors. The connection is detached from the pool: if the import fails or is dropped
//! half-way, the connection is closed with its transaction uncommitted, and the database rolls it back (writes still
//! queued run first, into the transaction that is then thrown away).

use super::columns::ReadyStatement;
use crate::sql::OwnedConn;
use crate::{Result, StoreError};
use futures_util::future::BoxFuture;
use std::future::Future;
use tokio::sync::mpsc;

/// A write to run on the import's connection.
pub(crate) type Job = Box<dyn FnOnce(OwnedConn) -> BoxFuture<'static, (OwnedConn, Result<()>)> + Send>;

/// Writes queued before the importer waits: two keep the writer busy while the importer prepares the next.
const QUEUE: usize = 2;

pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
    /// The task, until its end has been awaited.
    task: Option<tokio::task::JoinHandle<Result<OwnedConn>>>,
}

impl Writer {
    /// Starts the writer on its own task; it runs until [`Writer::finish`] or its first error.
    pub(crate) fn start(mut conn: OwnedConn) -> Self {
        let (jobs, mut queue) = mpsc::channel::<Job>(QUEUE);
        let task = tokio::spawn(async move {
            while let Some(job) = queue.recv().await {
                let (back, result) = job(conn).await;
                conn = back;
                result?;
            }
            Ok(conn)
        });
        Self { jobs, task: Some(task) }
    }

    /// Queues a write, waiting only while the queue is full. When an earlier write failed, the writer has stopped
    /// (its transaction is gone with the connection) and this returns that error.
    pub(crate) async fn send(&mut self, job: Job) -> Result<()> {
        if self.jobs.send(job).await.is_ok() {
            return Ok(());
        }
        // Only an error ends the task while the queue is open.
        match self.task.take() {
            Some(task) => Err(ended(task.await).err().unwrap_or(StoreError::WriterStopped)),
            None => Err(StoreError::WriterStopped),
        }
    }

    /// Queues a statement made ready beforehand.
    pub(crate) async fn send_statement(&mut self, statement: ReadyStatement) -> Result<()> {
        self.send(job(move |mut c| async move {
            let result = statement.execute(c.conn()).await;
            (c, result)
        }))
        .await
    }

    /// Waits until every queued write has run and hands the connection back, its transaction still open.
    pub(crate) async fn finish(self) -> Result<OwnedConn> {
        drop(self.jobs);
        ended(self.task.ok_or(StoreError::WriterStopped)?.await)
    }
}

fn ended(joined: std::result::Result<Result<OwnedConn>, tokio::task::JoinError>) -> Result<OwnedConn> {
    joined.map_err(|_| StoreError::WriterStopped)?
}

/// A job from a closure that writes with the connection and gives it back:
/// `job(move |mut c| async move { let result = write(&mut c).await; (c, result) })`.
pub(crate) fn job<F, W>(write: F) -> Job
where
    F: FnOnce(OwnedConn) -> W + Send + 'static,
    W: Future<Output = (OwnedConn, Result<()>)> + Send + 'static,
{
    Box::new(move |conn| Box::pin(write(conn)))
}

#[cfg(test)]
mod tests {
    use super::{job, Writer};
    use crate::sql::OwnedConn;
    use crate::testdb::TestDb;

    async fn run(mut c: OwnedConn, sql: String) -> (OwnedConn, crate::Result<()>) {
        let result = crate::sql::query(&sql).execute(&mut c).await;
        (c, result.map(drop).map_err(Into::into))
    }

    #[tokio::test]
    async fn writes_run_in_order_and_the_first_error_is_returned() {
        let test = TestDb::new(crate::Backend::Sqlite).await.expect("database");
        let conn = test.db.detached().await.expect("connection");
        let mut writer = Writer::start(conn);
        let create = "CREATE TEMP TABLE t (n INTEGER)".to_owned();
        writer.send(job(move |c| run(c, create))).await.expect("queued");
        for n in 1..=3 {
            let insert = format!("INSERT INTO t (n) VALUES ({n})");
            writer.send(job(move |c| run(c, insert))).await.expect("queued");
        }
        let mut conn = writer.finish().await.expect("every write ran");
        let order: Vec<i64> =
            crate::sql::query_scalar("SELECT n FROM t ORDER BY rowid").fetch_all(&mut conn).await.expect("read");
        assert_eq!(order, [1, 2, 3]);

        let mut writer = Writer::start(conn);
        let wrong = "INSERT INTO nowhere VALUES (1)".to_owned();
        writer.send(job(move |c| run(c, wrong))).await.expect("queued");
        // The failed write stops the writer: a later write gets its error, or else the finish does.
        let mut failed = None;
        for _ in 0..10 {
            if let Err(e) = writer.send(job(|c| async { (c, Ok(())) })).await {
                failed = Some(e);
                break;
            }
        }
        let error = match failed {
            Some(e) => e,
            None => writer.finish().await.expect_err("the finish reports the failed write"),
        };
        assert!(error.to_string().contains("nowhere"), "{error}");
    }
}
