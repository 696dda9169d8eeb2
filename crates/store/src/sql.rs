//! One SQL text, run on either engine through its native sqlx driver (ADR 0021).
//!
//! A query is written once, as with sqlx itself: `sql::query("… WHERE id = $1").bind(id).fetch_one(db)`. Its
//! arguments are kept until the executor says which engine runs it, then bound into that engine's own argument
//! buffer (a borrowed text stays borrowed on SQLite). A result row is the engine's own row, read with
//! [`Row::try_get`]. Where the engines truly differ (PostgreSQL's `COPY`, `FOR UPDATE SKIP LOCKED`) a module matches
//! on [`Conn`] and writes each engine's statement beside the other, with a comment saying why.
//!
//! Before, sqlx's `Any` driver stood here. It copied every argument and every value of every row into an engine-neutral
//! form, and hid what each engine does best (ADRs 0011–0018 worked around it).

use futures_util::future::BoxFuture;
use futures_util::stream::{BoxStream, StreamExt};
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{
    Arguments, ColumnIndex, Decode, Encode, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool,
    Transaction, Type, TypeInfo, ValueRef,
};

/// Where a statement runs: a pool, or one connection (inside a transaction or an import's own). Public only because
/// [`Exec`] names it; this module is private to the store, and `Target` is not re-exported, so no other crate can
/// reach a pool or connection through it.
#[doc(hidden)]
pub enum Target<'c> {
    SqlitePool(&'c SqlitePool),
    PostgresPool(&'c PgPool),
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// Runs `$sqlite` or `$postgres` with `$e` bound to the target's native executor (pool or connection).
macro_rules! on_target {
    ($target:expr, |$e:ident| $sqlite:expr, $postgres:expr) => {
        match $target {
            Target::SqlitePool($e) => $sqlite,
            Target::Sqlite($e) => $sqlite,
            Target::PostgresPool($e) => $postgres,
            Target::Postgres($e) => $postgres,
        }
    };
}

/// What a statement can run on: `&Db`, `&mut Tx`, `&mut Conn` or a [`Conn`].
pub trait Exec<'c>: Send {
    /// The native executor behind it.
    #[doc(hidden)]
    fn target(self) -> Target<'c>;

    /// The engine it runs on, for the few statements that differ per engine.
    fn backend(&self) -> crate::Backend;
}

impl<'c> Exec<'c> for &'c crate::Db {
    fn target(self) -> Target<'c> {
        crate::Db::target(self)
    }
    fn backend(&self) -> crate::Backend {
        crate::Db::backend(self)
    }
}

/// One connection of either engine, borrowed: a transaction's ([`Tx::conn`]) or an import's own.
pub enum Conn<'c> {
    /// A SQLite connection.
    Sqlite(&'c mut SqliteConnection),
    /// A PostgreSQL connection.
    Postgres(&'c mut PgConnection),
}

impl Conn<'_> {
    /// The same connection for one more statement, while this handle is kept.
    pub fn reborrow(&mut self) -> Conn<'_> {
        match self {
            Conn::Sqlite(c) => Conn::Sqlite(c),
            Conn::Postgres(c) => Conn::Postgres(c),
        }
    }

    /// The engine behind it.
    pub fn backend(&self) -> crate::Backend {
        match self {
            Conn::Sqlite(_) => crate::Backend::Sqlite,
            Conn::Postgres(_) => crate::Backend::Postgres,
        }
    }
}

impl<'c> Exec<'c> for Conn<'c> {
    fn backend(&self) -> crate::Backend {
        Conn::backend(self)
    }
    fn target(self) -> Target<'c> {
        match self {
            Conn::Sqlite(c) => Target::Sqlite(c),
            Conn::Postgres(c) => Target::Postgres(c),
        }
    }
}

impl<'c> Exec<'c> for &'c mut Conn<'_> {
    fn backend(&self) -> crate::Backend {
        Conn::backend(self)
    }
    fn target(self) -> Target<'c> {
        match self {
            Conn::Sqlite(c) => Target::Sqlite(c),
            Conn::Postgres(c) => Target::Postgres(c),
        }
    }
}

/// A transaction on either engine; it rolls back when dropped without [`Tx::commit`].
pub enum Tx {
    /// On SQLite.
    Sqlite(Transaction<'static, Sqlite>),
    /// On PostgreSQL.
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    /// Makes writes that hang off row `id` of `table` (a VvE's votes, a group's requests) wait for each other until
    /// this transaction ends, so a check for what is there already and the write after it are one step. SQLite's
    /// transaction holds the one write lock already; PostgreSQL locks the row. `table` is the caller's constant.
    pub(crate) async fn one_at_a_time(&mut self, table: &'static str, id: i64) -> crate::Result<()> {
        if let Tx::Postgres(_) = self {
            query(&format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE")).bind(id).execute(&mut *self).await?;
        }
        Ok(())
    }

    /// Its connection, for one or more statements.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::Sqlite(tx),
            Tx::Postgres(tx) => Conn::Postgres(tx),
        }
    }

    /// Commits it.
    pub async fn commit(self) -> sqlx::Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    /// Rolls it back.
    pub async fn rollback(self) -> sqlx::Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await,
            Tx::Postgres(tx) => tx.rollback().await,
        }
    }
}

impl<'c> Exec<'c> for &'c mut Tx {
    fn backend(&self) -> crate::Backend {
        match self {
            Tx::Sqlite(_) => crate::Backend::Sqlite,
            Tx::Postgres(_) => crate::Backend::Postgres,
        }
    }
    fn target(self) -> Target<'c> {
        self.conn().target()
    }
}

/// A connection of either engine taken out of the pool for good (an import's, which must outlive any borrow).
#[derive(Debug)]
pub enum OwnedConn {
    /// On SQLite.
    Sqlite(SqliteConnection),
    /// On PostgreSQL.
    Postgres(PgConnection),
}

impl OwnedConn {
    /// The connection, for one or more statements.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            OwnedConn::Sqlite(c) => Conn::Sqlite(c),
            OwnedConn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

impl<'c> Exec<'c> for &'c mut OwnedConn {
    fn backend(&self) -> crate::Backend {
        match self {
            OwnedConn::Sqlite(_) => crate::Backend::Sqlite,
            OwnedConn::Postgres(_) => crate::Backend::Postgres,
        }
    }
    fn target(self) -> Target<'c> {
        self.conn().target()
    }
}

/// A connection of either engine borrowed from the pool for a few statements without a transaction; it goes back
/// when dropped.
pub enum PooledConn {
    /// On SQLite.
    Sqlite(sqlx::pool::PoolConnection<Sqlite>),
    /// On PostgreSQL.
    Postgres(sqlx::pool::PoolConnection<Postgres>),
}

impl PooledConn {
    /// Closes the connection when it is dropped instead of handing it back: for a connection whose settings are
    /// changed for one statement (a `busy_timeout` of 0), so no later request gets it with them, whatever happens
    /// between the change and its end.
    pub(crate) fn close_on_drop(&mut self) {
        match self {
            PooledConn::Sqlite(c) => c.close_on_drop(),
            PooledConn::Postgres(c) => c.close_on_drop(),
        }
    }

    /// The connection, for one or more statements.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            PooledConn::Sqlite(c) => Conn::Sqlite(c),
            PooledConn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

/// A value both engines can bind as an argument.
pub trait Param<'q>: Encode<'q, Sqlite> + Type<Sqlite> + Encode<'q, Postgres> + Type<Postgres> + Send + 'q {}
impl<'q, T> Param<'q> for T where
    T: Encode<'q, Sqlite> + Type<Sqlite> + Encode<'q, Postgres> + Type<Postgres> + Send + 'q
{
}

/// A value both engines can read from a column.
pub trait Value: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> {}
impl<T> Value for T where T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> {}

/// A column's name or position, on either engine's row.
pub trait Index: ColumnIndex<SqliteRow> + ColumnIndex<PgRow> {}
impl<I> Index for I where I: ColumnIndex<SqliteRow> + ColumnIndex<PgRow> {}

/// An argument kept until the engine is known.
trait Arg<'q>: Send {
    fn add_sqlite(self: Box<Self>, arguments: &mut SqliteArguments<'q>) -> Result<(), BoxDynError>;
    fn add_postgres(self: Box<Self>, arguments: &mut PgArguments) -> Result<(), BoxDynError>;
}

impl<'q, T: Param<'q>> Arg<'q> for T {
    fn add_sqlite(self: Box<Self>, arguments: &mut SqliteArguments<'q>) -> Result<(), BoxDynError> {
        arguments.add(*self)
    }
    fn add_postgres(self: Box<Self>, arguments: &mut PgArguments) -> Result<(), BoxDynError> {
        arguments.add(*self)
    }
}

/// A statement and its arguments, not yet run.
#[must_use = "a query does nothing until it is run"]
pub struct Query<'q> {
    sql: &'q str,
    arguments: Vec<Box<dyn Arg<'q> + 'q>>,
}

/// The parameters `$first, $first+1, …` for `n` values, for an `IN` list.
pub(crate) fn marks(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// A statement with `$1`-style parameters (both engines accept them).
pub fn query(sql: &str) -> Query<'_> {
    Query { sql, arguments: Vec::new() }
}

/// What a statement changed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Done {
    rows_affected: u64,
}

impl Done {
    /// How many rows it inserted, changed or deleted.
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

impl<'q> Query<'q> {
    /// Adds the next argument.
    pub fn bind<T: Param<'q>>(mut self, value: T) -> Self {
        self.arguments.push(Box::new(value));
        self
    }

    fn sqlite(self) -> sqlx::Result<sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>> {
        let mut arguments = SqliteArguments::default();
        for argument in self.arguments {
            argument.add_sqlite(&mut arguments).map_err(sqlx::Error::Encode)?;
        }
        Ok(sqlx::query_with(self.sql, arguments))
    }

    fn postgres(self) -> sqlx::Result<sqlx::query::Query<'q, Postgres, PgArguments>> {
        let mut arguments = PgArguments::default();
        for argument in self.arguments {
            argument.add_postgres(&mut arguments).map_err(sqlx::Error::Encode)?;
        }
        Ok(sqlx::query_with(self.sql, arguments))
    }

    /// Runs it; says how many rows it changed.
    pub fn execute<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Done>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move {
            let rows_affected = on_target!(on.target(), |e| self.sqlite()?.execute(e).await?.rows_affected(), {
                self.postgres()?.execute(e).await?.rows_affected()
            });
            Ok(Done { rows_affected })
        })
    }

    /// Runs it for exactly one row (else [`sqlx::Error::RowNotFound`]).
    pub fn fetch_one<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Row>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move {
            on_target!(on.target(), |e| self.sqlite()?.fetch_one(e).await.map(Row::Sqlite), {
                self.postgres()?.fetch_one(e).await.map(Row::Postgres)
            })
        })
    }

    /// Runs it for at most one row.
    pub fn fetch_optional<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Option<Row>>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move {
            on_target!(on.target(), |e| Ok(self.sqlite()?.fetch_optional(e).await?.map(Row::Sqlite)), {
                Ok(self.postgres()?.fetch_optional(e).await?.map(Row::Postgres))
            })
        })
    }

    /// Runs it for every row.
    pub fn fetch_all<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Vec<Row>>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move {
            on_target!(
                on.target(),
                |e| Ok(self.sqlite()?.fetch_all(e).await?.into_iter().map(Row::Sqlite).collect()),
                { Ok(self.postgres()?.fetch_all(e).await?.into_iter().map(Row::Postgres).collect()) }
            )
        })
    }

    /// Runs it and hands the rows on as they come.
    pub fn fetch<'c, 'f>(self, on: impl Exec<'c>) -> BoxStream<'f, sqlx::Result<Row>>
    where
        'q: 'f,
        'c: 'f,
    {
        fn failed<'f>(error: sqlx::Error) -> BoxStream<'f, sqlx::Result<Row>> {
            futures_util::stream::once(async move { Err(error) }).boxed()
        }
        on_target!(
            on.target(),
            |e| match self.sqlite() {
                Ok(query) => query.fetch(e).map(|row| row.map(Row::Sqlite)).boxed(),
                Err(error) => failed(error),
            },
            match self.postgres() {
                Ok(query) => query.fetch(e).map(|row| row.map(Row::Postgres)).boxed(),
                Err(error) => failed(error),
            }
        )
    }
}

/// A statement whose rows are one value each (or whose first column is wanted).
#[must_use = "a query does nothing until it is run"]
pub struct QueryScalar<'q, T> {
    query: Query<'q>,
    value: std::marker::PhantomData<fn() -> T>,
}

/// A statement read as the value of its first column.
pub fn query_scalar<T: Value>(sql: &str) -> QueryScalar<'_, T> {
    QueryScalar { query: query(sql), value: std::marker::PhantomData }
}

impl<'q, T: Value + Send> QueryScalar<'q, T> {
    /// Adds the next argument.
    pub fn bind<A: Param<'q>>(mut self, value: A) -> Self {
        self.query = self.query.bind(value);
        self
    }

    /// Exactly one row's value.
    pub fn fetch_one<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<T>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move { self.query.fetch_one(on).await?.try_get(0) })
    }

    /// At most one row's value.
    pub fn fetch_optional<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Option<T>>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move { self.query.fetch_optional(on).await?.map(|row| row.try_get(0)).transpose() })
    }

    /// Every row's value.
    pub fn fetch_all<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Vec<T>>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move { self.query.fetch_all(on).await?.iter().map(|row| row.try_get(0)).collect() })
    }
}

/// A statement whose rows are read as `T` (a tuple, or a `#[derive(sqlx::FromRow)]` type).
#[must_use = "a query does nothing until it is run"]
pub struct QueryAs<'q, T> {
    query: Query<'q>,
    value: std::marker::PhantomData<fn() -> T>,
}

/// A type both engines' rows can be read as.
pub trait FromRows: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> {}
impl<T> FromRows for T where T: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> {}

/// A statement whose rows are read as `T`.
pub fn query_as<T: FromRows>(sql: &str) -> QueryAs<'_, T> {
    QueryAs { query: query(sql), value: std::marker::PhantomData }
}

impl<'q, T: FromRows + Send> QueryAs<'q, T> {
    /// Adds the next argument.
    pub fn bind<A: Param<'q>>(mut self, value: A) -> Self {
        self.query = self.query.bind(value);
        self
    }

    /// Exactly one row.
    pub fn fetch_one<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<T>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move { self.query.fetch_one(on).await?.read() })
    }

    /// Every row.
    pub fn fetch_all<'c, 'f>(self, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Vec<T>>>
    where
        'q: 'f,
        'c: 'f,
        Self: 'f,
    {
        Box::pin(async move { self.query.fetch_all(on).await?.iter().map(Row::read).collect() })
    }
}

/// What a complex's code (`clusters.code`, collated "C" on PostgreSQL) takes to be compared with a code column in the
/// database's default collation by that column's index: ` COLLATE "default"` on PostgreSQL (where the two collations
/// kept a join from the index, and it read all of a corporation's cells), nothing on SQLite.
pub(crate) fn in_default_collation(backend: crate::Backend) -> &'static str {
    match backend {
        crate::Backend::Postgres => " COLLATE \"default\"",
        crate::Backend::Sqlite => "",
    }
}

/// Refreshes SQLite's planner statistics of `tables` (a full `ANALYZE`) and keeps only their
/// averages per index (`sqlite_stat1`), dropping the samples (`sqlite_stat4`) the bundled SQLite also gathers: with
/// samples for an index, SQLite prepares a statement again whenever a value bound against that index changes, so
/// every page parsed and planned its statements anew (ADR 0052). In one transaction, so that no other connection
/// loading its schema in between reads samples (and a failure leaves the statistics as they were); `ANALYZE
/// sqlite_schema` has this connection read the statistics again.
pub(crate) async fn sqlite_analyze(db: &crate::Db, tables: &[&str]) -> crate::Result<()> {
    let each: String = tables.iter().map(|t| format!(" ANALYZE {t};")).collect();
    let mut tx = db.begin().await?;
    raw_sql(&format!("PRAGMA analysis_limit = 0;{each} DELETE FROM sqlite_stat4; ANALYZE sqlite_schema"), &mut tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Statements separated by `;`, without arguments, run as one text (schema changes, `PRAGMA`s, `ANALYZE`).
pub fn raw_sql<'c, 'f>(sql: &'f str, on: impl Exec<'c> + 'f) -> BoxFuture<'f, sqlx::Result<Done>>
where
    'c: 'f,
{
    Box::pin(async move {
        // Through the executor's own boxed future: `RawSql::execute`'s is generic over the executor's lifetime, and
        // the compiler then cannot prove the future `Send` for every lifetime.
        let rows_affected = on_target!(
            on.target(),
            |e| sqlx::Executor::execute(e, sqlx::raw_sql(sql)).await?.rows_affected(),
            sqlx::Executor::execute(e, sqlx::raw_sql(sql)).await?.rows_affected()
        );
        Ok(Done { rows_affected })
    })
}

/// A row of either engine, read where it lies.
pub enum Row {
    /// From SQLite.
    Sqlite(SqliteRow),
    /// From PostgreSQL.
    Postgres(PgRow),
}

impl std::fmt::Debug for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let columns = match self {
            Row::Sqlite(row) => sqlx::Row::len(row),
            Row::Postgres(row) => sqlx::Row::len(row),
        };
        f.debug_struct("Row").field("columns", &columns).finish()
    }
}

impl Row {
    /// The value of a column, by name or position.
    ///
    /// On PostgreSQL a 64-bit integer is also read from a narrower integer column (a literal `1`, `LENGTH(…)`), as
    /// SQLite, which has one integer type, always does; any other mismatch of types is an error.
    pub fn try_get<T: Value, I: Index>(&self, index: I) -> sqlx::Result<T> {
        match self {
            Row::Sqlite(row) => sqlx::Row::try_get(row, index),
            Row::Postgres(row) => {
                let position = index.index(row)?;
                let value = sqlx::Row::try_get_raw(row, position)?;
                let wide = <T as Type<Postgres>>::type_info().name() == "INT8";
                if wide && !value.is_null() && matches!(value.type_info().name(), "INT2" | "INT4") {
                    sqlx::Row::try_get_unchecked(row, position)
                } else {
                    sqlx::Row::try_get(row, position)
                }
            }
        }
    }

    /// The row as a `T` (a tuple, or a `#[derive(sqlx::FromRow)]` type).
    pub fn read<T: FromRows>(&self) -> sqlx::Result<T> {
        match self {
            Row::Sqlite(row) => T::from_row(row),
            Row::Postgres(row) => T::from_row(row),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::TestDb;
    use crate::Backend;

    async fn reads_and_binds(backend: Backend) {
        let test = TestDb::new(backend).await.expect("database");
        let db = &test.db;
        let borrowed = String::from("één");
        let row = query("SELECT $1 AS t, $2 AS n, $3 AS x, 1 AS one, $4 AS missing")
            .bind(borrowed.as_str())
            .bind(42_i64)
            .bind(0.5_f64)
            .bind(None::<i64>)
            .fetch_one(db)
            .await
            .expect("row");
        assert_eq!(row.try_get::<String, _>("t").expect("text"), "één");
        assert_eq!(row.try_get::<i64, _>(1).expect("int"), 42);
        assert_eq!(row.try_get::<f64, _>("x").expect("float"), 0.5);
        assert_eq!(row.try_get::<i64, _>("one").expect("a narrow literal reads as i64"), 1);
        assert_eq!(row.try_get::<Option<i64>, _>("missing").expect("null"), None);
        assert!(row.try_get::<String, _>("n").is_err(), "a number is not a text");

        let mut tx = db.begin().await.expect("begin");
        raw_sql("CREATE TABLE t (n BIGINT); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)", &mut tx)
            .await
            .expect("raw");
        let done = query("UPDATE t SET n = n + 10").execute(tx.conn()).await.expect("update");
        assert_eq!(done.rows_affected(), 2);
        let all: Vec<i64> = query_scalar("SELECT n FROM t ORDER BY n").fetch_all(&mut tx).await.expect("all");
        assert_eq!(all, [11, 12]);
        tx.rollback().await.expect("rollback");
        let gone = query_scalar::<i64>("SELECT COUNT(*) FROM t").fetch_one(db).await;
        assert!(gone.is_err(), "the table went with the rollback");

        let pairs: Vec<(i64, String)> =
            query_as("SELECT CAST(7 AS BIGINT) AS a, 'x' AS b").fetch_all(db).await.expect("tuples");
        assert_eq!(pairs, [(7, "x".to_owned())]);
        let streamed: Vec<Row> =
            query("SELECT 1 AS n UNION ALL SELECT 2").fetch(db).map(|r| r.expect("row")).collect().await;
        assert_eq!(streamed.len(), 2);
    }

    #[tokio::test]
    async fn sqlite_reads_and_binds() {
        reads_and_binds(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres_reads_and_binds() {
        reads_and_binds(Backend::Postgres).await;
    }
}
