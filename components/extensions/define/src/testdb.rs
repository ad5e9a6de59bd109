//! Unit tests only: a SQLite connection (rusqlite, bundled SQLite) that
//! stands in for SPI, so what runs SQL is tested through the generated
//! exports natively. It answers as sqlink's SPI does: one statement per
//! `query`, parameters counted exactly, SQLite's messages.

use sqlink_sdk::spi::Rows;
use sqlink_sdk::{Error, Value};
use std::cell::RefCell;

thread_local! {
    /// Each test thread's in-memory database.
    static DB: RefCell<rusqlite::Connection> = RefCell::new(rusqlite::Connection::open_in_memory().expect("an in-memory database"));
}

fn lift(e: rusqlite::Error) -> Error {
    match e {
        rusqlite::Error::SqliteFailure(f, m) => Error::with_code(f.extended_code, m.unwrap_or_else(|| f.to_string())),
        rusqlite::Error::SqlInputError { error, msg, .. } => Error::with_code(error.extended_code, msg),
        rusqlite::Error::MultipleStatement => Error::new("expected one statement; use execute() for scripts"),
        rusqlite::Error::Empty => Error::new("no SQL statement given"),
        other => Error::new(other.to_string()),
    }
}

/// SPI's `parameter-count`.
pub fn parameter_count(sql: &str) -> Result<u32, Error> {
    DB.with(|db| db.borrow().prepare(sql).map(|s| s.parameter_count() as u32)).map_err(lift)
}

/// SPI's `execute`: every statement of a script, with the rows of each.
pub fn execute(sql: &str) -> Result<Vec<Rows>, Error> {
    let pieces = sqlink_sdk::sql::pieces(sql.as_bytes());
    pieces.iter().filter(|p| p.first.is_some()).map(|p| query(&sql[p.start..p.end], &[])).collect()
}

/// SPI's `query`: the rows of one statement.
pub fn query(sql: &str, params: &[Value]) -> Result<Rows, Error> {
    DB.with(|db| {
        let db = db.borrow();
        let mut stmt = db.prepare(sql).map_err(lift)?;
        if stmt.parameter_count() != params.len() {
            return Err(Error::new(format!("the statement takes {} parameters, got {}", stmt.parameter_count(), params.len())));
        }
        let columns: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
        let declared_types = stmt.columns().map(|c| c.decl_type().map(String::from)).collect();
        let params: Vec<rusqlite::types::Value> = params
            .iter()
            .map(|v| match v {
                Value::Null => rusqlite::types::Value::Null,
                Value::Integer(i) => rusqlite::types::Value::Integer(*i),
                Value::Real(r) => rusqlite::types::Value::Real(*r),
                Value::Text(t) => rusqlite::types::Value::Text(String::from_utf8_lossy(t).into_owned()),
                Value::Blob(b) => rusqlite::types::Value::Blob(b.clone()),
            })
            .collect();
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).map_err(lift)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(lift)? {
            let values = (0..columns.len()).map(|i| match row.get_ref(i).expect("a column") {
                rusqlite::types::ValueRef::Null => Value::Null,
                rusqlite::types::ValueRef::Integer(i) => Value::Integer(i),
                rusqlite::types::ValueRef::Real(r) => Value::Real(r),
                rusqlite::types::ValueRef::Text(t) => Value::Text(t.to_vec()),
                rusqlite::types::ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            });
            out.push(values.collect());
        }
        Ok(Rows { columns, declared_types, rows: out })
    })
}

/// This connection, for the shared table module.
pub struct Db;

impl sqlink_query_vtab::Connection for Db {
    fn query(sql: &str, params: &[Value]) -> Result<Rows, Error> {
        query(sql, params)
    }

    fn parameter_count(sql: &str) -> Result<u32, Error> {
        parameter_count(sql)
    }
}
