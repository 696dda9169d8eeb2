//! PostgreSQL array literals: the rows of a batch of changed units gathered per column (`{"a","b",NULL}`), each
//! bound as one parameter and unnested into rows by the statement that joins them to `units` (ADR 0014, 0016).
//!
//! New units go through `COPY` instead (`columns.rs`). For changed units, `COPY` into a temporary table and an
//! `UPDATE … FROM` it was measured against these arrays on the national stock (rent change of every unit, same day,
//! same machine): 154 s with a batch of 10,000 rows per `COPY`, 283 s with one `UPDATE` at the end of the file,
//! against 121 s with the arrays. The temporary table's statistics, truncation and local buffers cost more than
//! the server's parsing of the arrays (ADR 0021).

use super::columns::Value;

impl Value<'_> {
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
    pub(crate) fn of(values: &[Value<'_>], width: usize) -> Self {
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
