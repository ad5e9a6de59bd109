//! Bringing back SQLite's own functions and collations after an extension
//! that overrode them (by pin) is unloaded.
//!
//! SQLite never forgets a function registered on a connection: deleting an
//! override leaves an empty entry that still hides the built-in. So the
//! binding that served the pinned name is pointed at a forwarder instead,
//! which evaluates the untouched built-in on a private in-memory connection
//! (keeping the built-in's flags is not possible once registered, so the
//! registration keeps the extension's). The built-in collations (BINARY,
//! NOCASE, RTRIM) are simple enough to provide directly.

use crate::error::Error;
use sqlink_sqlite::{Connection, ValueRef, ffi};
use std::cmp::Ordering;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A private connection whose functions are SQLite's built-ins only.
pub(crate) struct Builtins {
    conn: Mutex<Connection>,
}

/// Calls one built-in function on the private connection.
pub(crate) struct Forward {
    builtins: Arc<Builtins>,
    sql: String,
}

impl Builtins {
    pub(crate) fn open() -> Result<Arc<Builtins>, Error> {
        Ok(Arc::new(Builtins { conn: Mutex::new(Connection::open(Path::new(":memory:"))?) }))
    }

    /// A forwarder to SQLite's built-in `name` taking `arity` arguments, if
    /// there is one.
    pub(crate) fn forward(self: &Arc<Self>, name: &str, arity: i32) -> Option<Forward> {
        {
            let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
            let (stmt, _) = conn.db().prepare("select 1 from pragma_function_list where builtin and name = lower(?1) and narg = ?2").ok()?;
            let mut stmt = stmt?;
            stmt.bind(1, ValueRef::Text(name.as_bytes())).ok()?;
            stmt.bind(2, ValueRef::Integer(arity as i64)).ok()?;
            if !stmt.step().ok()? {
                return None;
            }
        }
        let params = vec!["?"; arity.max(0) as usize].join(",");
        Some(Forward { builtins: self.clone(), sql: format!("SELECT \"{}\"({params})", name.replace('"', "\"\"")) })
    }
}

impl Forward {
    /// Evaluates the built-in with the callback's arguments.
    ///
    /// # Safety
    /// `ctx` and `argv` must be those of the running callback.
    pub(crate) unsafe fn call(&self, ctx: *mut ffi::sqlite3_context, argv: &[*mut ffi::sqlite3_value]) -> Result<(), Error> {
        let conn = self.builtins.conn.lock().unwrap_or_else(|p| p.into_inner());
        let (stmt, _) = conn.db().prepare(&self.sql)?;
        let mut stmt = stmt.expect("a statement");
        // SAFETY: per the function contract.
        unsafe {
            for (i, &v) in argv.iter().enumerate() {
                stmt.bind(i + 1, ValueRef::from_raw(v))?;
            }
            if stmt.step()? {
                ffi::sqlite3_result_value(ctx, ffi::sqlite3_column_value(stmt.raw(), 0));
            }
        }
        Ok(())
    }
}

/// SQLite's built-in collations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BuiltinCollation {
    Binary,
    /// ASCII case folded.
    Nocase,
    /// Trailing spaces ignored.
    Rtrim,
}

impl BuiltinCollation {
    pub(crate) fn named(name: &str) -> Option<BuiltinCollation> {
        match name.to_ascii_uppercase().as_str() {
            "BINARY" => Some(BuiltinCollation::Binary),
            "NOCASE" => Some(BuiltinCollation::Nocase),
            "RTRIM" => Some(BuiltinCollation::Rtrim),
            _ => None,
        }
    }

    pub(crate) fn compare(self, mut a: &[u8], mut b: &[u8]) -> Ordering {
        match self {
            BuiltinCollation::Binary => a.cmp(b),
            BuiltinCollation::Nocase => a.iter().map(u8::to_ascii_lowercase).cmp(b.iter().map(u8::to_ascii_lowercase)),
            BuiltinCollation::Rtrim => {
                while let [rest @ .., b' '] = a {
                    a = rest;
                }
                while let [rest @ .., b' '] = b {
                    b = rest;
                }
                a.cmp(b)
            }
        }
    }
}
