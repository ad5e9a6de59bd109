//! The small safe layer over SQLite's C API that sqlink's host crates share.
//!
//! Everything here goes through `libsqlite3-sys`, so the same code works
//! in a program linked with SQLite (the `sqlink` shell) and in a loadable
//! extension calling through the host's API table (`libsqlink_loader`).
//! Only APIs present in SQLite 3.40 are used.

mod backup;
pub mod blob;
mod connection;
mod error;
mod function;
mod module;
pub mod spi;
pub mod spi_guard;
mod statement;
mod value;

pub use backup::CopyFailure;
pub use connection::Connection;
pub use error::Error;
pub use function::{Callbacks, XCompare, XFinal, XFunc, arguments, c_name, result};
pub use libsqlite3_sys as ffi;
pub use statement::Statement;
pub use value::{Value, ValueRef};

use std::ffi::CString;
use std::ptr;

/// A connection handle owned by someone else (the shell, the host program).
/// Copyable; it must not outlive the connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Db(*mut ffi::sqlite3);

// SAFETY: a handle is a plain pointer. SQLite connections (threading mode
// serialized or multi-thread) may be used from any thread, one thread at a
// time, which is how sqlink uses them; `sqlite3_interrupt` is explicitly
// safe from any thread. Sharing the handle value itself is harmless.
unsafe impl Send for Db {}
unsafe impl Sync for Db {}

impl Db {
    /// Wraps a raw connection handle.
    ///
    /// # Safety
    /// `raw` must be a valid open connection that outlives every use of the
    /// returned `Db` and of statements prepared through it.
    pub unsafe fn from_raw(raw: *mut ffi::sqlite3) -> Db {
        Db(raw)
    }

    pub fn raw(self) -> *mut ffi::sqlite3 {
        self.0
    }

    /// Makes SQLite parse the schema again at its next use, so that the
    /// functions and modules registered since it was parsed are checked
    /// where the schema uses them. SQLite resolves a CHECK constraint or a
    /// generated column once, when it parses the schema; a function unknown
    /// then is later called from it without the check that refuses a
    /// DIRECTONLY function there. (`PRAGMA writable_schema = RESET`, with
    /// `writable_schema` left as it was; while a statement runs, SQLite
    /// defers the reset until it ends.)
    pub fn reload_schema(self) -> Result<(), Error> {
        let writable = self.pragma_is_on("writable_schema")?;
        self.execute_batch("PRAGMA writable_schema = RESET")?;
        if writable {
            self.execute_batch("PRAGMA writable_schema = ON")?;
        }
        Ok(())
    }

    /// Whether a boolean pragma is on.
    fn pragma_is_on(self, name: &str) -> Result<bool, Error> {
        let (stmt, _) = self.prepare(&format!("PRAGMA {name}"))?;
        let mut stmt = stmt.ok_or_else(|| Error::new(ffi::SQLITE_ERROR, "empty pragma"))?;
        Ok(stmt.step()? && matches!(stmt.column(0), ValueRef::Integer(1)))
    }

    /// Turns one of SQLite's on/off connection settings (`op` is one of
    /// the `SQLITE_DBCONFIG_*` flags, such as `SQLITE_DBCONFIG_DEFENSIVE`)
    /// on or off; returns whether it is on now.
    pub fn set_config(self, op: i32, on: bool) -> Result<bool, Error> {
        let mut now: std::ffi::c_int = 0;
        // SAFETY: valid handle; the on/off settings take an int and an int
        // pointer, which outlives the call.
        let rc = unsafe { ffi::sqlite3_db_config(self.0, op, std::ffi::c_int::from(on), &mut now as *mut std::ffi::c_int) };
        if rc == ffi::SQLITE_OK { Ok(now != 0) } else { Err(self.error(rc)) }
    }

    /// Compiles the first statement of `sql`. Returns it with the number of
    /// bytes of `sql` it consumed, or `None` when only whitespace and
    /// comments remain (the count then covers them).
    pub fn prepare(self, sql: &str) -> Result<(Option<Statement>, usize), Error> {
        let mut stmt = ptr::null_mut();
        let mut tail = ptr::null();
        let len = i32::try_from(sql.len()).map_err(|_| Error::new(ffi::SQLITE_TOOBIG, "SQL text is too long"))?;
        // SAFETY: the pointer/length pair describes `sql`, which outlives the call.
        let rc = unsafe { ffi::sqlite3_prepare_v2(self.0, sql.as_ptr().cast(), len, &mut stmt, &mut tail) };
        if rc != ffi::SQLITE_OK {
            return Err(self.error(rc));
        }
        let consumed = if tail.is_null() { sql.len() } else { tail as usize - sql.as_ptr() as usize };
        // SAFETY: `stmt` is either null or a statement we now own.
        Ok((unsafe { Statement::from_raw(self, stmt) }, consumed))
    }

    /// Runs every statement of `sql`, discarding rows.
    pub fn execute_batch(self, sql: &str) -> Result<(), Error> {
        let mut rest = sql;
        while !rest.is_empty() {
            let (stmt, used) = self.prepare(rest)?;
            if let Some(mut stmt) = stmt {
                while stmt.step()? {}
            }
            rest = &rest[used..];
        }
        Ok(())
    }

    /// The connection's current error as an [`Error`] carrying `rc`.
    pub fn error(self, rc: i32) -> Error {
        // SAFETY: valid handle; the message is copied before the next call.
        unsafe {
            let code = ffi::sqlite3_extended_errcode(self.0);
            let code = if code == 0 { rc } else { code };
            let msg = ffi::sqlite3_errmsg(self.0);
            let message = if msg.is_null() {
                error::describe_code(rc)
            } else {
                std::ffi::CStr::from_ptr(msg).to_string_lossy().into_owned()
            };
            let offset = ffi::sqlite3_error_offset(self.0);
            Error { code, message, offset: usize::try_from(offset).ok() }
        }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    pub fn changes(self) -> i64 {
        // SAFETY: valid handle.
        unsafe { ffi::sqlite3_changes(self.0) as i64 }
    }

    /// Whether the connection is outside any explicit transaction.
    pub fn is_autocommit(self) -> bool {
        // SAFETY: valid handle.
        unsafe { ffi::sqlite3_get_autocommit(self.0) != 0 }
    }

    /// Asks running statements to stop with SQLITE_INTERRUPT.
    pub fn interrupt(self) {
        // SAFETY: valid handle; sqlite3_interrupt is safe from any thread.
        unsafe { ffi::sqlite3_interrupt(self.0) }
    }
}

/// Whether `sql` ends with a complete statement (`sqlite3_complete`), i.e.
/// the shell may run what it has accumulated.
pub fn is_complete(sql: &str) -> bool {
    match CString::new(sql) {
        // SAFETY: NUL-terminated string.
        Ok(c) => unsafe { ffi::sqlite3_complete(c.as_ptr()) != 0 },
        // An embedded NUL ends the text for SQLite's tokenizer as well.
        Err(e) => is_complete(&sql[..e.nul_position()]),
    }
}
