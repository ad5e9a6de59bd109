//! SQL on the calling connection as the reference runs it through
//! rusqlite: its errors (SQLite's message; rusqlite's words for a value of
//! the wrong type), its identifier quoting, and the tables every function
//! shares (`_zstd_configs`, `_zstd_dicts`).

use crate::config::Config;
use sqlink_sdk::spi::{self, Rows};
use sqlink_sdk::{Error, Value};
use sqlink_zstd_sql::args::{CONSTRAINT_FUNCTION, type_name};
use sqlink_zstd_sql::chain::{Chain, Context as _};

/// An identifier quoted as the reference quotes it: in backquotes, which a
/// misspelt name cannot turn into a string.
pub fn ident(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// One statement's rows.
pub fn query(sql: &str, params: &[Value]) -> Result<Rows, Chain> {
    spi::query(sql, params).map_err(|e| Chain::msg(e.message))
}

/// A script of statements, their rows dropped.
pub fn execute(sql: &str) -> Result<(), Chain> {
    spi::execute(sql).map(drop).map_err(|e| Chain::msg(e.message))
}

/// The first row, or None (rusqlite's `query_row(..).optional()`).
pub fn first_row(sql: &str, params: &[Value]) -> Result<Option<Vec<Value>>, Chain> {
    Ok(query(sql, params)?.rows.into_iter().next())
}

/// The first row, which must be there (rusqlite's `query_row`).
pub fn one_row(sql: &str, params: &[Value]) -> Result<Vec<Value>, Chain> {
    first_row(sql, params)?.ok_or_else(|| Chain::msg("Query returned no rows".into()))
}

/// One cell of a result row, read as rusqlite reads a column of Rust type
/// `T` (`row.get`), with its message for a value of another type.
pub struct Cell<'a> {
    pub value: &'a Value,
    pub index: usize,
    pub name: &'a str,
}

impl Cell<'_> {
    fn wrong_type(&self) -> Chain {
        Chain::msg(format!("Invalid column type {} at index: {}, name: {}", type_name(self.value), self.index, self.name))
    }

    /// As `String`: text only.
    pub fn text(&self) -> Result<String, Chain> {
        match self.value {
            Value::Text(t) => utf8(t, self.index),
            _ => Err(self.wrong_type()),
        }
    }

    /// As `Option<String>`.
    pub fn optional_text(&self) -> Result<Option<String>, Chain> {
        match self.value {
            Value::Null => Ok(None),
            _ => self.text().map(Some),
        }
    }

    /// As `i64`: integers only.
    pub fn integer(&self) -> Result<i64, Chain> {
        match self.value {
            Value::Integer(i) => Ok(*i),
            _ => Err(self.wrong_type()),
        }
    }
}

/// The cells of `row` named by the statement's `columns`.
pub fn cells<'a>(columns: &'a [String], row: &'a [Value]) -> impl Fn(usize) -> Cell<'a> {
    move |index| Cell { value: &row[index], index, name: &columns[index] }
}

fn utf8(bytes: &[u8], index: usize) -> Result<String, Chain> {
    String::from_utf8(bytes.to_vec()).map_err(|e| Chain::msg(format!("Conversion error from type Text at index: {index}, {}", e.utf8_error())))
}

/// A text argument, read as `ctx.get::<String>(index)`.
pub fn text_argument(value: &Value, index: usize) -> Result<String, Chain> {
    match value {
        Value::Text(t) => utf8(t, index),
        other => Err(Chain::msg(format!("Invalid function parameter type {} at index {index}", type_name(other)))),
    }
}

/// A text or NULL argument, read as `ctx.get::<Option<String>>(index)`.
pub fn optional_text_argument(value: &Value, index: usize) -> Result<Option<String>, Error> {
    match value {
        Value::Null => Ok(None),
        other => text_argument(other, index).map(Some).map_err(|e| Error::with_code(CONSTRAINT_FUNCTION, e.to_string())),
    }
}

/// Whether a table (not a view) of this name exists.
pub fn table_exists(name: &str) -> bool {
    let sql = "select count(`type`) from sqlite_master where name = ? and type = 'table'";
    matches!(one_row(sql, &[Value::text(name)]).as_deref(), Ok([Value::Integer(n)]) if *n != 0)
}

/// The configs of every compressed column, in the order they were enabled
/// (none before the first).
pub fn configs() -> Result<Vec<Config>, Chain> {
    if !table_exists("_zstd_configs") {
        return Ok(Vec::new());
    }
    let rows = query("select config from _zstd_configs", &[]).context("Couldn't fetch configs")?;
    rows.rows
        .iter()
        .map(|row| {
            let text = cells(&rows.columns, row)(0).text()?;
            serde_json::from_str(&text).map_err(Chain::of).context("parsing config")
        })
        .collect::<Result<_, Chain>>()
        .context("Couldn't fetch configs")
}

/// Creates `_zstd_dicts` unless it exists, with the row of id -1 that
/// `_C_dict` columns point to for data compressed without a dictionary.
pub fn ensure_dicts_table() -> Result<(), Chain> {
    execute(
        "create table if not exists _zstd_dicts (
            id integer primary key autoincrement,
            chooser_key text unique,
            dict blob not null
        );
        insert or ignore into _zstd_dicts values (-1, '[nodict]', '');",
    )
}

/// Saves a trained dictionary under `key`; returns its id.
pub fn save_dictionary(key: Option<&str>, dict: Value) -> Result<i64, Chain> {
    ensure_dicts_table()?;
    let key = key.map_or(Value::Null, Value::text);
    let row = one_row("insert into _zstd_dicts (chooser_key, dict) values (?, ?) returning id", &[key, dict])?;
    match row.as_slice() {
        [Value::Integer(id)] => Ok(*id),
        _ => Err(Chain::msg("_zstd_dicts gave no id".into())),
    }
}

/// The reference's advice on the connection's settings, as warnings.
pub fn show_warnings() -> Result<(), Chain> {
    let setting = |pragma: &str, what: &str| -> Result<Value, Chain> {
        Ok(one_row(&format!("pragma {pragma};"), &[]).context(what)?.swap_remove(0))
    };
    let journal_mode = setting("journal_mode", "querying journal mode")?;
    if !matches!(&journal_mode, Value::Text(t) if t == b"wal") {
        sqlink_sdk::log::warn("Warning: It is recommended to set `pragma journal_mode=WAL;`");
    }
    if !matches!(setting("auto_vacuum", "querying vacuum mode")?, Value::Integer(1)) {
        sqlink_sdk::log::warn("Warning: It is recommended to set `pragma auto_vacuum=full;`");
    }
    if matches!(setting("busy_timeout", "querying busy timeout")?, Value::Integer(0)) {
        sqlink_sdk::log::warn("Warning: It is recommended to set `pragma busy_timeout=2000;` or higher");
    }
    Ok(())
}

/// A byte count as the reference's log shows it (`1.50MB`).
pub fn pretty_bytes(bytes: i64) -> String {
    match bytes {
        b if b >= 1_000_000_000 => format!("{:.2}GB", b as f64 / 1e9),
        b if b >= 1_000_000 => format!("{:.2}MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{:.2}kB", b as f64 / 1e3),
        b => format!("{b}B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_sizes() {
        assert_eq!(ident("a`b"), "`a``b`");
        assert_eq!(pretty_bytes(999), "999B");
        assert_eq!(pretty_bytes(1_500), "1.50kB");
        assert_eq!(pretty_bytes(2_345_678), "2.35MB");
        assert_eq!(pretty_bytes(3_000_000_000), "3.00GB");
    }

    #[test]
    fn arguments_as_rusqlite_reads_them() {
        assert_eq!(text_argument(&Value::Integer(1), 0).unwrap_err().to_string(), "Invalid function parameter type Integer at index 0");
        assert_eq!(text_argument(&Value::Text(vec![0xff]), 0).unwrap_err().to_string(), "Conversion error from type Text at index: 0, invalid utf-8 sequence of 1 bytes from index 0");
        assert_eq!(optional_text_argument(&Value::Null, 3).unwrap(), None);
        let row = [Value::Integer(3)];
        let columns = ["dict_choice".to_string()];
        assert_eq!(cells(&columns, &row)(0).text().unwrap_err().to_string(), "Invalid column type Integer at index: 0, name: dict_choice");
    }
}
