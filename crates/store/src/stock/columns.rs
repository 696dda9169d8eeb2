//! Many rows at once: new and changed units, and the cells of map and coverage. SQLite takes a multi-row
//! `INSERT … VALUES` with a parameter per value; PostgreSQL takes the rows through `COPY … FROM STDIN` in its text
//! format, its own bulk load (ADR 0021). Before, PostgreSQL got one array literal per column through sqlx's `Any`
//! driver, which had no way to `COPY`.

use crate::sql::Conn;
use crate::{Backend, Result};
use sqlx::postgres::PgArguments;
use sqlx::sqlite::SqliteArguments;
use sqlx::Arguments;
use std::borrow::Cow;

/// One value of a row, in the type of its column. Texts are borrowed from the records they come from where they can
/// be: a national import writes some 30 million of them, and each copy showed in its profile.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Text(Option<Cow<'a, str>>),
    Int(Option<i64>),
    Float(Option<f64>),
}

impl<'a> Value<'a> {
    /// A borrowed text.
    pub(crate) fn text(text: Option<&'a str>) -> Self {
        Value::Text(text.map(Cow::Borrowed))
    }
}

/// Rows in the text format of PostgreSQL's `COPY`: a tab between values, a newline after each row, `\N` for
/// NULL, and a backslash before a backslash, tab, newline or carriage return inside a text.
#[derive(Debug, Default)]
pub(crate) struct CopyRows {
    data: Vec<u8>,
}

impl CopyRows {
    /// The rows of `values`, rows of `width` one after the other.
    pub(crate) fn of(values: &[Value<'_>], width: usize) -> Self {
        let mut rows = Self { data: Vec::with_capacity(values.len() * 12) };
        values.chunks(width.max(1)).for_each(|row| rows.push(row));
        rows
    }

    /// Adds one row.
    pub(crate) fn push(&mut self, row: &[Value<'_>]) {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                self.data.push(b'\t');
            }
            push_copy_value(&mut self.data, value);
        }
        self.data.push(b'\n');
    }

    fn into_bytes(self) -> Vec<u8> {
        self.data
    }
}

fn push_copy_value(data: &mut Vec<u8>, value: &Value<'_>) {
    match value {
        Value::Text(None) | Value::Int(None) | Value::Float(None) => data.extend_from_slice(b"\\N"),
        Value::Int(Some(n)) => data.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        // The shortest text that reads back as the same double (PostgreSQL reads its exponent form too).
        Value::Float(Some(x)) => data.extend_from_slice(ryu::Buffer::new().format(*x).as_bytes()),
        Value::Text(Some(text)) => {
            // Such characters are rare in a stock file: most texts are copied whole.
            let mut rest = text.as_bytes();
            while let Some(at) = rest.iter().position(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r')) {
                data.extend_from_slice(&rest[..at]);
                data.extend_from_slice(match rest[at] {
                    b'\t' => b"\\t",
                    b'\n' => b"\\n",
                    b'\r' => b"\\r",
                    _ => b"\\\\",
                });
                rest = &rest[at + 1..];
            }
            data.extend_from_slice(rest);
        }
    }
}

/// A write over many rows made ready to run: its text and its data, owned. The import makes these before it hands
/// them to its writer, so that preparing the next rows (PostgreSQL's `COPY` data, or a copy of every value for
/// SQLite's thread) overlaps with the database's work on the last ones.
pub(crate) enum ReadyStatement {
    /// SQLite: one statement with a parameter per value.
    Sqlite { sql: String, arguments: SqliteArguments<'static> },
    /// PostgreSQL: one statement with an array literal per column (changed units, `arrays.rs`).
    Postgres { sql: String, arguments: PgArguments },
    /// PostgreSQL: `copy` fed with `data` (new rows).
    Copy { copy: String, data: Vec<u8> },
}

impl ReadyStatement {
    /// `INSERT INTO table (columns) …` of `values` (rows one after the other): on SQLite one statement of at most
    /// [`SQLITE_ROWS_PER_STATEMENT`] rows within its limit of parameters; on PostgreSQL one `COPY`.
    pub(crate) fn insert(backend: Backend, table: &str, columns: &[&str], values: &[Value<'_>]) -> Result<Self> {
        let names = columns.join(", ");
        Ok(match backend {
            Backend::Postgres => ReadyStatement::Copy {
                copy: format!("COPY {table} ({names}) FROM STDIN"),
                data: CopyRows::of(values, columns.len()).into_bytes(),
            },
            Backend::Sqlite => {
                let width = columns.len().max(1);
                debug_assert!(values.len() <= SQLITE_MAX_PARAMETERS, "{} values in one statement", values.len());
                let mut arguments = SqliteArguments::default();
                values.iter().try_for_each(|value| add_value(&mut arguments, value))?;
                let sql = format!("INSERT INTO {table} ({names}) VALUES {}", sqlite_rows(values.len() / width, width));
                ReadyStatement::Sqlite { sql, arguments }
            }
        })
    }

    /// SQLite: `UPDATE … FROM` rows. `make_sql` gets the placeholder of `leading` and the rows of `values` (rows of
    /// `names.len()` one after the other) as a source named `v` with columns `names`.
    pub(crate) fn sqlite_update_from(
        leading: i64,
        values: &[Value<'_>],
        names: &[String],
        make_sql: impl FnOnce(&str, &str) -> String,
    ) -> Result<Self> {
        let mut arguments = SqliteArguments::default();
        arguments.add(leading).map_err(sqlx::Error::Encode)?;
        values.iter().try_for_each(|value| add_value(&mut arguments, value))?;
        // SQLite names a VALUES list's columns column1, column2, …; the subquery gives them their names.
        let renamed: Vec<String> = names.iter().enumerate().map(|(i, n)| format!("column{} AS {n}", i + 1)).collect();
        let rows = sqlite_rows(values.len() / names.len().max(1), names.len());
        let sql = make_sql("?", &format!("(SELECT {} FROM (VALUES {rows})) AS v", renamed.join(", ")));
        Ok(ReadyStatement::Sqlite { sql, arguments })
    }

    /// PostgreSQL: `UPDATE … FROM` rows, as [`ReadyStatement::sqlite_update_from`], the rows sent as one array
    /// literal per column and unnested (see `arrays.rs` for why not `COPY`).
    pub(crate) fn postgres_update_from(
        leading: i64,
        values: &[Value<'_>],
        names: &[String],
        make_sql: impl FnOnce(&str, &str) -> String,
    ) -> Result<Self> {
        let mut arguments = PgArguments::default();
        arguments.add(leading).map_err(sqlx::Error::Encode)?;
        let arrays = super::arrays::ColumnArrays::of(values, names.len());
        let sql = make_sql("$1", &format!("({}) AS v", arrays.select(2, names)));
        for literal in arrays.into_literals() {
            arguments.add(literal).map_err(sqlx::Error::Encode)?;
        }
        Ok(ReadyStatement::Postgres { sql, arguments })
    }

    pub(crate) async fn execute(self, conn: Conn<'_>) -> Result<()> {
        match (self, conn) {
            (ReadyStatement::Sqlite { sql, arguments }, Conn::Sqlite(c)) => {
                sqlx::query_with(&sql, arguments).execute(c).await?;
            }
            (ReadyStatement::Postgres { sql, arguments }, Conn::Postgres(c)) => {
                sqlx::Executor::execute(c, sqlx::query_with(&sql, arguments)).await?;
            }
            (ReadyStatement::Copy { copy, data }, Conn::Postgres(c)) => {
                let mut sink = c.copy_in_raw(&copy).await?;
                sink.send(data).await?;
                sink.finish().await?;
            }
            _ => return Err(crate::StoreError::WrongEngine),
        }
        Ok(())
    }
}

/// Adds a value, a text as a copy of its own.
fn add_value(arguments: &mut SqliteArguments<'static>, value: &Value<'_>) -> Result<()> {
    match value {
        Value::Text(v) => arguments.add(v.as_deref().map(str::to_owned)),
        Value::Int(v) => arguments.add(*v),
        Value::Float(v) => arguments.add(*v),
    }
    .map_err(|e| sqlx::Error::Encode(e).into())
}

/// `(?, ?, …), (?, ?, …), …`: `rows` rows of `columns` anonymous parameters, SQLite's form of many rows in one
/// statement (its `?` costs nothing to resolve, where a numbered parameter is searched for).
pub(crate) fn sqlite_rows(rows: usize, columns: usize) -> String {
    let row = format!("({})", vec!["?"; columns].join(", "));
    vec![row; rows].join(", ")
}

/// Inserts rows into `table`: `values` holds them one after the other, each in the order of `columns`. Many rows go
/// at once: on PostgreSQL through `COPY`, on SQLite a parameter per value.
pub(crate) async fn insert_rows(mut conn: Conn<'_>, table: &str, columns: &[&str], values: &[Value<'_>]) -> Result<()> {
    let backend = conn.backend();
    let width = columns.len().max(1);
    let per_statement = match backend {
        Backend::Postgres => POSTGRES_ROWS_PER_COPY,
        Backend::Sqlite => (SQLITE_MAX_PARAMETERS / width).min(SQLITE_ROWS_PER_STATEMENT),
    };
    for batch in values.chunks(per_statement * width) {
        ReadyStatement::insert(backend, table, columns, batch)?.execute(conn.reborrow()).await?;
    }
    Ok(())
}

/// Changed rows per PostgreSQL statement of arrays (measured in session 6: 5,000 rows per statement).
pub(crate) const POSTGRES_ROWS_PER_STATEMENT: usize = 5_000;

/// Rows per write: SQLite binds a parameter per value, within its limit of 32,766; 1,000 rows of units loaded the
/// national file in 20–21 s against 23–24 s for 200 or 500 (each statement is a round trip to SQLite's thread).
/// PostgreSQL's `COPY` takes any number; a batch bounds the import's memory and lets the importer prepare the next
/// while the server loads the last.
pub(crate) const POSTGRES_ROWS_PER_COPY: usize = 10_000;
pub(crate) const SQLITE_ROWS_PER_STATEMENT: usize = 1_000;
const SQLITE_MAX_PARAMETERS: usize = 32_766;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_rows_are_lists_of_anonymous_parameters() {
        assert_eq!(super::sqlite_rows(2, 3), "(?, ?, ?), (?, ?, ?)");
    }

    #[test]
    fn copy_rows_escape_texts_and_write_nulls_as_backslash_n() {
        let values = [
            Value::Text(Some("Kerkstraat".into())),
            Value::Int(Some(12)),
            Value::Float(Some(52.37)),
            Value::Text(Some("De \"Ark\"\tblok \\ 2\nachter\r".into())),
            Value::Int(None),
            Value::Float(None),
            Value::text(Some("")),
            Value::Int(Some(-3)),
            Value::Float(Some(0.000001)),
            Value::Text(None),
            Value::Int(Some(0)),
            Value::Float(Some(4.0)),
        ];
        let rows = String::from_utf8(CopyRows::of(&values, 3).into_bytes()).expect("utf-8");
        assert_eq!(
            rows,
            "Kerkstraat\t12\t52.37\n\
             De \"Ark\"\\tblok \\\\ 2\\nachter\\r\t\\N\t\\N\n\
             \t-3\t1e-6\n\
             \\N\t0\t4.0\n"
        );
    }
}
