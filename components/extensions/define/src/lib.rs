//! User-defined functions written in SQL, and `eval()` of SQL text
//! (sqlean-compatible). Runs SQL on the calling connection through SPI, so
//! it needs the `spi` grant, and it sees what the caller sees: uncommitted
//! rows, temp tables, in-memory databases.
//!
//! Definitions are kept where sqlean keeps them, in the `sqlean_define`
//! table of the database, created by the first `define()` (nothing is
//! written before). Loading the extension re-creates the functions saved
//! there. A defined function's body runs in the host, not in this
//! extension, so defined functions may call each other.

/// SQL-defined functions and eval().
#[sqlink_sdk::extension(name = "define", capabilities = ["spi"])]
mod define {
    use sqlink_sdk::prelude::*;
    use sqlink_sdk::spi;

    const TABLE: &str = "create table if not exists sqlean_define(name text primary key, type text, body text)";

    /// Registers `name` as a function computing the SQL expression `body`
    /// (its parameters `?`, `?N` or `:name` are the arguments, in order) and
    /// saves it in `sqlean_define`.
    #[function]
    fn define(name: &str, body: &str) -> Result<()> {
        super::declare(name, body)?;
        spi::execute(TABLE)?;
        spi::query(
            "insert into sqlean_define(name, type, body) values (?1, 'scalar', ?2) \
             on conflict(name) do update set type = excluded.type, body = excluded.body",
            &[Value::text(name), Value::text(body)],
        )?;
        Ok(())
    }

    /// Removes a function created with `define()`, here and in
    /// `sqlean_define`.
    #[function]
    fn undefine(name: &str) -> Result<()> {
        if let Some(body) = super::saved_body(name)? {
            let arity = spi::parameter_count(&format!("select {body}"))?;
            // Gone already if defined on another connection only.
            let _ = spi::forget_function(name, arity as i32);
            spi::query("delete from sqlean_define where name = ?1", &[Value::text(name)])?;
        }
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
        for rows in spi::execute(sql)? {
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

    /// Re-creates the functions saved in `sqlean_define`.
    #[attach]
    fn restore() -> Result<()> {
        let exists = spi::query("select count(*) from sqlite_schema where type = 'table' and name = 'sqlean_define'", &[])?;
        if !matches!(exists.rows.first().and_then(|r| r.first()), Some(Value::Integer(1))) {
            return Ok(());
        }
        for row in spi::query("select name, body from sqlean_define where type = 'scalar'", &[])?.rows {
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

/// Declares `name` on the connection with a body computing `body`. Not
/// deterministic: the body may call anything.
fn declare(name: &str, body: &str) -> Result<(), Error> {
    let sql = format!("select {body}");
    let arity = spi::parameter_count(&sql)?;
    spi::declare_function(name, arity as i32, FunctionFlags::empty(), &FunctionBody::Sql(sql))
}

/// The body saved for `name`, if any.
fn saved_body(name: &str) -> Result<Option<String>, Error> {
    let exists = spi::query("select count(*) from sqlite_schema where type = 'table' and name = 'sqlean_define'", &[])?;
    if !matches!(exists.rows.first().and_then(|r| r.first()), Some(Value::Integer(1))) {
        return Ok(None);
    }
    let rows = spi::query("select body from sqlean_define where name = ?1", &[Value::text(name)])?;
    Ok(match rows.rows.first().and_then(|r| r.first()) {
        Some(Value::Text(body)) => Some(String::from_utf8_lossy(body).into_owned()),
        _ => None,
    })
}
