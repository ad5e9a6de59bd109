//! User-defined functions written in SQL, table-valued functions defined by
//! a query, and `eval()` of SQL text, compatible with sqlean's `define`
//! extension: same names, arguments, results and errors. Runs SQL on the
//! calling connection through SPI, so it needs the `spi` grant, and it sees
//! what the caller sees: uncommitted rows, temp tables, in-memory
//! databases.
//!
//! * `define(name, body)`: a scalar function computing the SQL expression
//!   `body`, whose parameters are the arguments.
//! * `CREATE VIRTUAL TABLE f USING define((SELECT ...))`: a table-valued
//!   function `f(args...)` whose rows are the query's and whose parameters
//!   are HIDDEN columns (see [`table`]).
//! * `undefine(name)`, `define_free()`, `eval(sql[, separator])`.
//!
//! Definitions are kept where sqlean keeps them, in the `sqlean_define`
//! table of the database, created by the first `define()` or table-valued
//! function (nothing is written before). Loading the extension re-creates
//! the scalar functions saved there; table-valued functions live in the
//! schema and come back by themselves on any connection that loads the
//! extension. A defined function's body runs in the host, not in this
//! extension, so defined functions may call each other.
//!
//! Differences from sqlean: sqlink does not let SQL that an extension runs
//! call the extension back, so `undefine()` cannot drop a table-valued
//! function (dropping it calls into the extension): it fails and says to
//! use `DROP TABLE f`, which in sqlink also removes `f` from
//! `sqlean_define` (in sqlean the row stays). `undefine()` acts only on
//! names saved in `sqlean_define` (sqlean drops any table of that name).
//! Hidden columns read the
//! value bound to their parameter (sqlean reads the arguments in the order
//! given, which differs when the first parameters are left out).

mod db;
pub mod table;
#[cfg(test)]
mod testdb;

/// SQL-defined functions, table-valued functions and eval().
#[sqlink_sdk::extension(name = "define", capabilities = ["spi"])]
mod define {
    use crate::db;
    use sqlink_sdk::prelude::*;
    use sqlink_sdk::spi;

    /// Registers `name` as a function computing the SQL expression `body`
    /// (its parameters `?`, `?N` or `:name` are the arguments, in order) and
    /// saves it in `sqlean_define`.
    #[function]
    fn define(name: &str, body: &str) -> Result<()> {
        super::declare(name, body)?;
        db::execute(super::TABLE)?;
        db::query(
            "insert into sqlean_define(name, type, body) values (?1, 'scalar', ?2) \
             on conflict(name) do update set type = excluded.type, body = excluded.body",
            &[Value::text(name), Value::text(body)],
        )?;
        Ok(())
    }

    /// Removes a function created with `define()` (here and in
    /// `sqlean_define`); does nothing for a name that was not defined. For a
    /// table-valued function it is an error, as sqlink cannot drop it from
    /// inside a function call: `DROP TABLE name` removes it (a dropped one's
    /// leftover row in `sqlean_define` is removed).
    #[function]
    fn undefine(name: &str) -> Result<()> {
        match super::saved(name)? {
            Some((kind, body)) if kind == "scalar" => {
                let arity = db::parameter_count(&format!("select {body}"))?;
                // Gone already if defined on another connection only.
                let _ = spi::forget_function(name, arity as i32);
            }
            Some((kind, _)) if kind == "table" => {
                let drop = format!("drop table if exists \"{}\"", name.replace('"', "\"\""));
                db::execute(&drop).map_err(|e| {
                    let why = "the drop would call back into this extension";
                    Error::with_code(e.code, format!("undefine() cannot drop the table-valued function {name} ({why}); use DROP TABLE {name}"))
                })?;
            }
            _ => return Ok(()),
        }
        db::query("delete from sqlean_define where name = ?1", &[Value::text(name)])?;
        Ok(())
    }

    /// Kept for sqlean compatibility: sqlink frees what defined functions
    /// hold by itself, so this does nothing.
    #[function]
    fn define_free() {}

    /// Runs the SQL text (any number of statements) and returns every value
    /// of every row joined by `separator` (a space by default); NULL when
    /// nothing was returned.
    #[function]
    fn eval(sql: &str, #[optional] separator: Option<RawText<'_>>) -> Result<Option<Value>> {
        let separator = separator.map_or(&b" "[..], |s| s.0);
        let mut out: Option<Vec<u8>> = None;
        for rows in db::execute(sql)? {
            for row in rows.rows {
                for value in row {
                    let buf = out.get_or_insert_with(Vec::new);
                    if !buf.is_empty() {
                        buf.extend_from_slice(separator);
                    }
                    if let Some(text) = value.to_text_bytes() {
                        buf.extend_from_slice(&text);
                    }
                }
            }
        }
        Ok(out.map(Value::Text))
    }

    /// A table-valued function defined by a query:
    /// `CREATE VIRTUAL TABLE f USING define((SELECT ...))`, then
    /// `SELECT * FROM f(args...)`. Its rows are the query's rows, its
    /// parameters (`:name`, `?`, `?N`) its arguments and HIDDEN columns.
    #[vtab(name = "define")]
    pub type Define = crate::table::Defined;

    /// Re-creates the functions saved in `sqlean_define`.
    #[attach]
    fn restore() -> Result<()> {
        if !super::table_exists()? {
            return Ok(());
        }
        for row in db::query("select name, body from sqlean_define where type = 'scalar'", &[])?.rows {
            if let [Value::Text(name), Value::Text(body)] = row.as_slice() {
                let (name, body) = (String::from_utf8_lossy(name), String::from_utf8_lossy(body));
                super::declare(&name, &body).map_err(|e| Error::with_code(e.code, format!("saved function {name}: {}", e.message)))?;
            }
        }
        Ok(())
    }
}

use sqlink_sdk::spi::{self, FunctionBody, FunctionFlags};
use sqlink_sdk::{Error, Value};

/// Creates the table definitions are saved in.
const TABLE: &str = "create table if not exists sqlean_define(name text primary key, type text, body text)";

/// Declares `name` on the connection with a body computing `body`. Not
/// deterministic: the body may call anything.
fn declare(name: &str, body: &str) -> Result<(), Error> {
    let sql = format!("select {body}");
    let arity = db::parameter_count(&sql)?;
    spi::declare_function(name, arity as i32, FunctionFlags::empty(), &FunctionBody::Sql(sql))
}

/// Whether `sqlean_define` exists.
fn table_exists() -> Result<bool, Error> {
    let exists = db::query("select count(*) from sqlite_schema where type = 'table' and name = 'sqlean_define'", &[])?;
    Ok(matches!(exists.rows.first().and_then(|r| r.first()), Some(Value::Integer(1))))
}

/// The type (`scalar` or `table`) and body saved for `name`, if any.
fn saved(name: &str) -> Result<Option<(String, String)>, Error> {
    if !table_exists()? {
        return Ok(None);
    }
    let rows = db::query("select type, body from sqlean_define where name = ?1", &[Value::text(name)])?;
    let text = |v: &Value| v.to_text_bytes().map(|t| String::from_utf8_lossy(&t).into_owned()).unwrap_or_default();
    Ok(rows.rows.first().map(|r| (text(&r[0]), text(&r[1]))))
}

#[cfg(test)]
mod tests;
