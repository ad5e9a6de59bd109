//! Bringing back SQLite's own functions and collations after an extension
//! that overrode them (by pin) is unloaded.
//!
//! SQLite never forgets a function registered on a connection: deleting an
//! override leaves an empty entry that still hides the built-in. So the
//! host registers a forwarder in its place, which evaluates the untouched
//! built-in on a private in-memory connection, with the built-in's own
//! flags. The built-in collations (BINARY, NOCASE, RTRIM) are simple enough
//! to provide directly.

use super::{Callbacks, arguments, create_function, guard};
use crate::error::Error;
use sqlink_sqlite::{Connection, Db, ValueRef, ffi};
use std::cmp::Ordering;
use std::ffi::{c_int, c_void};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A private connection whose functions are SQLite's built-ins only.
pub(crate) struct Builtins {
    conn: Mutex<Connection>,
}

struct Forward {
    builtins: Arc<Builtins>,
    sql: String,
}

/// Flags a built-in keeps when forwarded.
const KEPT_FLAGS: i32 = crate::manifest::flags::DETERMINISTIC | crate::manifest::flags::DIRECTONLY | crate::manifest::flags::INNOCUOUS;

impl Builtins {
    pub(crate) fn open() -> Result<Arc<Builtins>, Error> {
        Ok(Arc::new(Builtins { conn: Mutex::new(Connection::open(Path::new(":memory:"))?) }))
    }

    /// The flags of SQLite's built-in `name` taking `arity` arguments, if
    /// there is one.
    fn flags(&self, name: &str, arity: i32) -> Option<i32> {
        let conn = self.conn.lock().unwrap();
        let (stmt, _) = conn.db().prepare("select flags from pragma_function_list where builtin and name = lower(?1) and narg = ?2").ok()?;
        let mut stmt = stmt?;
        stmt.bind(1, ValueRef::Text(name.as_bytes())).ok()?;
        stmt.bind(2, ValueRef::Integer(arity as i64)).ok()?;
        match (stmt.step(), stmt.column(0)) {
            (Ok(true), ValueRef::Integer(f)) => Some(f as i32),
            _ => None,
        }
    }

    /// Registers a forwarder to the built-in `name`/`arity` on `db`.
    /// Returns false when SQLite has no such built-in.
    pub(crate) fn restore_function(self: &Arc<Self>, db: Db, name: &str, arity: i32) -> Result<bool, Error> {
        let Some(flags) = self.flags(name, arity) else { return Ok(false) };
        let params = vec!["?"; arity.max(0) as usize].join(",");
        let sql = format!("SELECT \"{}\"({params})", name.replace('"', "\"\""));
        let data = Box::new(Forward { builtins: self.clone(), sql });
        create_function(db, name, arity, ffi::SQLITE_UTF8 | (flags & KEPT_FLAGS), data, Callbacks::Scalar(forward))?;
        Ok(true)
    }

    /// Registers SQLite's own collation `name` again on `db`. Returns false
    /// when it is not one of SQLite's built-in collations.
    pub(crate) fn restore_collation(db: Db, name: &str) -> Result<bool, Error> {
        let compare: unsafe extern "C" fn(*mut c_void, c_int, *const c_void, c_int, *const c_void) -> c_int = match name.to_ascii_uppercase().as_str() {
            "BINARY" => collate::<0>,
            "NOCASE" => collate::<1>,
            "RTRIM" => collate::<2>,
            _ => return Ok(false),
        };
        let c = super::c_name(name)?;
        // SAFETY: valid handle and name; no user data.
        let rc = unsafe { ffi::sqlite3_create_collation_v2(db.raw(), c.as_ptr(), ffi::SQLITE_UTF8, std::ptr::null_mut(), Some(compare), None) };
        if rc == ffi::SQLITE_OK { Ok(true) } else { Err(db.error(rc).into()) }
    }
}

unsafe extern "C" fn forward(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract; the user data is a `Forward`.
    unsafe {
        let data = &*ffi::sqlite3_user_data(ctx).cast::<Forward>();
        let argv = arguments(argc, argv);
        guard(ctx, || {
            let conn = data.builtins.conn.lock().unwrap_or_else(|p| p.into_inner());
            let (stmt, _) = conn.db().prepare(&data.sql)?;
            let mut stmt = stmt.expect("a statement");
            for (i, &v) in argv.iter().enumerate() {
                stmt.bind(i + 1, ValueRef::from_raw(v))?;
            }
            if stmt.step()? {
                ffi::sqlite3_result_value(ctx, ffi::sqlite3_column_value(stmt.raw(), 0));
            }
            Ok(())
        })
    }
}

/// SQLite's three built-in collations: 0 BINARY, 1 NOCASE (ASCII case
/// folded), 2 RTRIM (trailing spaces ignored).
unsafe extern "C" fn collate<const KIND: u8>(_: *mut c_void, n1: c_int, s1: *const c_void, n2: c_int, s2: *const c_void) -> c_int {
    // SAFETY: SQLite passes two byte ranges valid for the call.
    let (mut a, mut b) = unsafe {
        let bytes = |s: *const c_void, n: c_int| if n <= 0 || s.is_null() { &[][..] } else { std::slice::from_raw_parts(s.cast::<u8>(), n as usize) };
        (bytes(s1, n1), bytes(s2, n2))
    };
    let ordering = match KIND {
        1 => a.iter().map(u8::to_ascii_lowercase).cmp(b.iter().map(u8::to_ascii_lowercase)),
        2 => {
            while let [rest @ .., b' '] = a {
                a = rest;
            }
            while let [rest @ .., b' '] = b {
                b = rest;
            }
            a.cmp(b)
        }
        _ => a.cmp(b),
    };
    match ordering {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}
