//! An extension's SQL (`spi`) on a connection: one statement with its
//! parameters, or a script, run to the end with every row collected.
//!
//! Shared by the hosts that run it on SQLite directly: the native host, and
//! `sqlite-core` serving SQL an extension asks for in the middle of a call
//! (the wasm engine's relay). Whether the SQL may run at all (the grant,
//! the spi guard) is for the caller to decide.

use crate::{Db, Error, Statement, Value, ValueRef, ffi};

/// The rows of one statement, with its column names and declared types.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    /// Each column's declared type (`Statement::column_decltype`).
    pub declared_types: Vec<Option<String>>,
    pub rows: Vec<Vec<Value>>,
}

/// Steps a statement to its end, collecting its rows.
pub fn collect(mut stmt: Statement) -> Result<Rows, Error> {
    let columns = stmt.column_names();
    let declared_types = (0..columns.len()).map(|i| stmt.column_decltype(i)).collect();
    let mut rows = Vec::new();
    while stmt.step()? {
        rows.push((0..columns.len()).map(|i| stmt.column(i).to_owned()).collect());
    }
    Ok(Rows { columns, declared_types, rows })
}

/// Compiles exactly one statement: none, or more than one, is an error.
pub fn prepare_one(db: Db, sql: &str) -> Result<Statement, Error> {
    let (stmt, used) = db.prepare(sql)?;
    let stmt = stmt.ok_or_else(|| Error::new(ffi::SQLITE_ERROR, "no SQL statement given"))?;
    if let (Some(_), _) = db.prepare(&sql[used..])? {
        return Err(Error::new(ffi::SQLITE_ERROR, "expected one statement; use execute() for scripts"));
    }
    Ok(stmt)
}

/// `spi.query`: one statement, its parameters bound in order.
pub fn query(db: Db, sql: &str, params: &[ValueRef<'_>]) -> Result<Rows, Error> {
    let mut stmt = prepare_one(db, sql)?;
    if stmt.parameter_count() != params.len() {
        return Err(Error::new(ffi::SQLITE_ERROR, format!("the statement takes {} parameters, got {}", stmt.parameter_count(), params.len())));
    }
    for (i, p) in params.iter().enumerate() {
        stmt.bind(i + 1, *p)?;
    }
    collect(stmt)
}

/// `spi.execute`: every statement of a script, with the rows of each.
pub fn execute(db: Db, sql: &str) -> Result<Vec<Rows>, Error> {
    let mut results = Vec::new();
    let mut rest = sql;
    while !rest.is_empty() {
        let (stmt, used) = db.prepare(rest)?;
        if let Some(stmt) = stmt {
            results.push(collect(stmt)?);
        }
        if used == 0 {
            break;
        }
        rest = &rest[used..];
    }
    Ok(results)
}

/// `spi.parameter-count`: the parameters one statement takes.
pub fn parameter_count(db: Db, sql: &str) -> Result<usize, Error> {
    prepare_one(db, sql).map(|s| s.parameter_count())
}

/// Runs the SQL body of a function an extension declared at run time
/// (`spi.declare-function` with a `sql` body) on the connection calling it:
/// the arguments bound in order, the first column of its first row the
/// result (NULL when it gives no row).
///
/// # Safety
/// `ctx` and `argv` must be those of the function callback running.
pub unsafe fn call_sql_body(ctx: *mut ffi::sqlite3_context, sql: &str, argv: &[*mut ffi::sqlite3_value]) -> Result<(), Error> {
    // SAFETY: per the function contract; the statement outlives the value
    // copied out of it.
    unsafe {
        let db = Db::from_raw(ffi::sqlite3_context_db_handle(ctx));
        let (stmt, _) = db.prepare(sql)?;
        let mut stmt = stmt.ok_or_else(|| Error::new(ffi::SQLITE_ERROR, "the function body is empty"))?;
        if stmt.parameter_count() != argv.len() {
            return Err(Error::new(ffi::SQLITE_ERROR, format!("the function body takes {} arguments, got {}", stmt.parameter_count(), argv.len())));
        }
        for (i, &v) in argv.iter().enumerate() {
            stmt.bind(i + 1, ValueRef::from_raw(v))?;
        }
        if stmt.step()? {
            ffi::sqlite3_result_value(ctx, ffi::sqlite3_column_value(stmt.raw(), 0));
        } else {
            ffi::sqlite3_result_null(ctx);
        }
        Ok(())
    }
}

/// Checks a function an extension declares at run time
/// (`spi.declare-function`): a name, an arity SQLite allows (-1 to 127),
/// and a SQL body (if it has one) taking as many parameters as the arity.
/// Compiling the body is the extension's own SQL: the caller guards it.
pub fn check_declaration(db: Db, name: &str, arity: i32, sql_body: Option<&str>) -> Result<(), Error> {
    if !(-1..=127).contains(&arity) || name.is_empty() {
        return Err(Error::new(ffi::SQLITE_ERROR, format!("cannot declare function '{name}' with arity {arity}")));
    }
    if let Some(sql) = sql_body {
        let params = prepare_one(db, sql)?.parameter_count();
        if arity >= 0 && params != arity as usize {
            return Err(Error::new(ffi::SQLITE_ERROR, format!("the body takes {params} parameters but the function is declared with {arity}")));
        }
    }
    Ok(())
}
