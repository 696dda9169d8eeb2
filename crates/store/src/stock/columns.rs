//! Many rows per statement: new and changed units, and the cells of map and coverage. SQLite takes a multi-row
//! `INSERT … VALUES` with a parameter per value; PostgreSQL takes one array per column and `unnest`s them, which its
//! server handles about four times faster than thousands of separate parameters (measured on the national file: the
//! row-by-row load went from 57 s to about 15 s).

use crate::{Backend, Result};
use sqlx::any::AnyArguments;
use sqlx::Arguments;
use std::borrow::Cow;

/// One value of a row, in the type of its column. Texts are borrowed from the records they come from where they can
/// be: a national import binds some 30 million of them, and each copy showed in its profile.
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

    /// The PostgreSQL array type the column's values are sent as.
    fn array_type(&self) -> &'static str {
        match self {
            Value::Text(_) => "text[]",
            Value::Int(_) => "bigint[]",
            Value::Float(_) => "float8[]",
        }
    }
}

/// The values of many rows, gathered per column as PostgreSQL array literals (`{"a","b",NULL}`).
#[derive(Debug, Default)]
pub(crate) struct ColumnArrays {
    literals: Vec<String>,
    types: Vec<&'static str>,
}

impl ColumnArrays {
    /// The arrays of `values`, rows of `width` one after the other.
    fn of(values: &[Value<'_>], width: usize) -> Self {
        let mut arrays = Self::default();
        values.chunks(width.max(1)).for_each(|row| arrays.push(row));
        arrays
    }

    /// Adds one row; every row must have the same columns in the same order.
    pub(crate) fn push(&mut self, row: &[Value<'_>]) {
        if self.literals.is_empty() {
            self.literals = row.iter().map(|_| String::from("{")).collect();
            self.types = row.iter().map(Value::array_type).collect();
        }
        for (literal, value) in self.literals.iter_mut().zip(row) {
            if literal.len() > 1 {
                literal.push(',');
            }
            push_element(literal, value);
        }
    }

    /// `SELECT unnest($first::type[]) AS name, …` for these columns, numbering parameters from `first`.
    ///
    /// Each array is unnested in the select list rather than all of them by one `unnest(a, b, …)` in `FROM`: the
    /// latter is a function scan that stores every row in a tuple store before it hands them on. By hand, 500,000
    /// rows of eight columns took the server 1.28 s that way against 0.68–0.82 s; in a national import its CPU time
    /// fell from 58 s to 48 s for a first load and from 173 s to 143 s for a rent change of every unit. Arrays of
    /// equal length are walked in step either way.
    pub(crate) fn select(&self, first: usize, names: &[impl AsRef<str>]) -> String {
        let columns: Vec<String> = (self.types.iter().zip(names).enumerate())
            .map(|(i, (array, name))| format!("unnest(${}::{array}) AS {}", first + i, name.as_ref()))
            .collect();
        format!("SELECT {}", columns.join(", "))
    }

    /// The array literals, one per column, to bind in order.
    pub(crate) fn into_literals(self) -> impl Iterator<Item = String> {
        self.literals.into_iter().map(|mut literal| {
            literal.push('}');
            literal
        })
    }
}

/// A statement over many rows made ready to run: its text and its arguments, owned. The import makes these before
/// it hands them to its writer, so that preparing the next rows (PostgreSQL's array literals, or a copy of every
/// value for SQLite's thread) overlaps with the database's work on the last ones.
pub(crate) struct ReadyStatement {
    sql: String,
    arguments: AnyArguments<'static>,
}

impl ReadyStatement {
    /// `INSERT INTO table (columns) …` of `values` (rows one after the other), in one statement: on SQLite at most
    /// [`SQLITE_ROWS_PER_STATEMENT`] rows within its limit of parameters.
    pub(crate) fn insert(backend: Backend, table: &str, columns: &[&str], values: &[Value<'_>]) -> Result<Self> {
        let names = columns.join(", ");
        let mut arguments = AnyArguments::default();
        let sql = match backend {
            Backend::Postgres => {
                let arrays = ColumnArrays::of(values, columns.len());
                let sql = format!("INSERT INTO {table} ({names}) {}", arrays.select(1, columns));
                arrays.into_literals().try_for_each(|literal| add(&mut arguments, literal))?;
                sql
            }
            Backend::Sqlite => {
                let width = columns.len().max(1);
                debug_assert!(values.len() <= SQLITE_MAX_PARAMETERS, "{} values in one statement", values.len());
                values.iter().try_for_each(|value| add_value(&mut arguments, value))?;
                format!("INSERT INTO {table} ({names}) VALUES {}", sqlite_rows(values.len() / width, width))
            }
        };
        Ok(Self { sql, arguments })
    }

    /// `UPDATE … FROM` rows: `make_sql` gets the engine's placeholder for `leading` and the rows of `values` (rows of
    /// `names.len()` one after the other) as a source named `v` with columns `names`.
    pub(crate) fn update_from(
        backend: Backend,
        leading: i64,
        values: &[Value<'_>],
        names: &[String],
        make_sql: impl FnOnce(&str, &str) -> String,
    ) -> Result<Self> {
        let mut arguments = AnyArguments::default();
        add(&mut arguments, leading)?;
        let sql = match backend {
            Backend::Postgres => {
                let arrays = ColumnArrays::of(values, names.len());
                let source = format!("({}) AS v", arrays.select(2, names));
                arrays.into_literals().try_for_each(|literal| add(&mut arguments, literal))?;
                make_sql("$1", &source)
            }
            Backend::Sqlite => {
                values.iter().try_for_each(|value| add_value(&mut arguments, value))?;
                // SQLite names a VALUES list's columns column1, column2, …; the subquery gives them their names.
                let renamed: Vec<String> =
                    names.iter().enumerate().map(|(i, n)| format!("column{} AS {n}", i + 1)).collect();
                let rows = sqlite_rows(values.len() / names.len().max(1), names.len());
                make_sql("?", &format!("(SELECT {} FROM (VALUES {rows})) AS v", renamed.join(", ")))
            }
        };
        Ok(Self { sql, arguments })
    }

    pub(crate) async fn execute(self, conn: &mut sqlx::AnyConnection) -> Result<()> {
        sqlx::query_with(&self.sql, self.arguments).execute(conn).await?;
        Ok(())
    }
}

fn add<T>(arguments: &mut AnyArguments<'static>, value: T) -> Result<()>
where
    T: sqlx::Encode<'static, sqlx::Any> + sqlx::Type<sqlx::Any> + 'static,
{
    arguments.add(value).map_err(|e| sqlx::Error::Encode(e).into())
}

/// Adds a value, a text as a copy of its own.
fn add_value(arguments: &mut AnyArguments<'static>, value: &Value<'_>) -> Result<()> {
    match value {
        Value::Text(v) => add(arguments, v.as_deref().map(str::to_owned)),
        Value::Int(v) => add(arguments, *v),
        Value::Float(v) => add(arguments, *v),
    }
}

/// `(?, ?, …), (?, ?, …), …`: `rows` rows of `columns` anonymous parameters, SQLite's form of many rows in one
/// statement (its `?` costs nothing to resolve, where a numbered parameter is searched for).
pub(crate) fn sqlite_rows(rows: usize, columns: usize) -> String {
    let row = format!("({})", vec!["?"; columns].join(", "));
    vec![row; rows].join(", ")
}

/// Inserts rows into `table`: `values` holds them one after the other, each in the order of `columns`. Many rows go
/// in one statement: on PostgreSQL one array per column, on SQLite a parameter per value.
pub(crate) async fn insert_rows(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    table: &str,
    columns: &[&str],
    values: &[Value<'_>],
) -> Result<()> {
    let width = columns.len().max(1);
    let per_statement = match backend {
        Backend::Postgres => POSTGRES_ROWS_PER_STATEMENT,
        Backend::Sqlite => (SQLITE_MAX_PARAMETERS / width).min(SQLITE_ROWS_PER_STATEMENT),
    };
    for batch in values.chunks(per_statement * width) {
        ReadyStatement::insert(backend, table, columns, batch)?.execute(conn).await?;
    }
    Ok(())
}

/// Rows per statement: PostgreSQL takes them as arrays, so the count is bounded only by the statement's memory; SQLite
/// binds a parameter per value, within its limit of 32,766. 1,000 rows of units loaded the national file in 20–21 s
/// against 23–24 s for 200 or 500 (each statement is a round trip to SQLite's thread).
pub(crate) const POSTGRES_ROWS_PER_STATEMENT: usize = 5_000;
pub(crate) const SQLITE_ROWS_PER_STATEMENT: usize = 1_000;
const SQLITE_MAX_PARAMETERS: usize = 32_766;

fn push_element(literal: &mut String, value: &Value<'_>) {
    match value {
        Value::Text(None) | Value::Int(None) | Value::Float(None) => literal.push_str("NULL"),
        Value::Int(Some(n)) => literal.push_str(itoa::Buffer::new().format(*n)),
        // The shortest text that reads back as the same double (PostgreSQL reads its exponent form too).
        Value::Float(Some(x)) => literal.push_str(ryu::Buffer::new().format(*x)),
        Value::Text(Some(text)) => {
            literal.push('"');
            // Quotes and backslashes are rare in a stock file: most texts are copied whole.
            let mut rest: &str = text;
            while let Some(at) = rest.find(['"', '\\']) {
                literal.push_str(&rest[..at]);
                literal.push('\\');
                literal.push_str(&rest[at..=at]);
                rest = &rest[at + 1..];
            }
            literal.push_str(rest);
            literal.push('"');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(rows: &[Vec<Value<'_>>]) -> Vec<String> {
        let mut arrays = ColumnArrays::default();
        for row in rows {
            arrays.push(row);
        }
        arrays.into_literals().collect()
    }

    #[test]
    fn sqlite_rows_are_lists_of_anonymous_parameters() {
        assert_eq!(super::sqlite_rows(2, 3), "(?, ?, ?), (?, ?, ?)");
    }

    #[test]
    fn texts_are_quoted_and_escaped_and_nulls_are_bare() {
        let rows = [
            vec![Value::Text(Some("Kerkstraat".into())), Value::Int(Some(12)), Value::Float(Some(52.37))],
            vec![Value::Text(Some(r#"De "Ark", blok \ 2 {oost}"#.into())), Value::Int(None), Value::Float(None)],
            vec![Value::text(Some("")), Value::Int(Some(-3)), Value::Float(Some(0.000001))],
            vec![Value::Text(None), Value::Int(Some(0)), Value::Float(Some(4.0))],
        ];
        assert_eq!(
            literals(&rows),
            vec![
                r#"{"Kerkstraat","De \"Ark\", blok \\ 2 {oost}","",NULL}"#.to_owned(),
                "{12,NULL,-3,0}".to_owned(),
                "{52.37,NULL,1e-6,4.0}".to_owned(),
            ]
        );
    }

    #[test]
    fn each_column_is_unnested_from_its_array_type() {
        let mut arrays = ColumnArrays::default();
        arrays.push(&[Value::Int(Some(1)), Value::Text(None), Value::Float(None)]);
        assert_eq!(
            arrays.select(2, &["a", "b", "c"]),
            "SELECT unnest($2::bigint[]) AS a, unnest($3::text[]) AS b, unnest($4::float8[]) AS c"
        );
    }
}
