//! Connections sqlink opens itself (its cache), closed on drop.

use crate::{Db, Error, ffi};
use std::ffi::CString;
use std::path::Path;
use std::ptr;

/// An owned connection.
pub struct Connection {
    db: Db,
}

impl Connection {
    /// Opens (creating if needed) the database file at `path`.
    pub fn open(path: &Path) -> Result<Connection, Error> {
        Connection::open_with(path, false)
    }

    /// Opens the database file at `path` (or `:memory:`): read-only, or
    /// read-write and created if needed.
    pub fn open_with(path: &Path, read_only: bool) -> Result<Connection, Error> {
        let c_path = CString::new(path.to_string_lossy().as_bytes())
            .map_err(|_| Error::new(ffi::SQLITE_MISUSE, "database path contains a NUL byte"))?;
        let mut raw = ptr::null_mut();
        let flags = if read_only {
            ffi::SQLITE_OPEN_READONLY
        } else {
            ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE
        } | ffi::SQLITE_OPEN_URI;
        // SAFETY: valid C string; on failure SQLite still returns a handle
        // (or null) that must be closed.
        let rc = unsafe { ffi::sqlite3_open_v2(c_path.as_ptr(), &mut raw, flags, ptr::null()) };
        if rc != ffi::SQLITE_OK {
            let err = if raw.is_null() {
                Error::new(rc, crate::error::describe_code(rc))
            } else {
                // SAFETY: the handle exists; read its error, then close it.
                let e = unsafe { Db::from_raw(raw) }.error(rc);
                unsafe { ffi::sqlite3_close(raw) };
                e
            };
            return Err(err);
        }
        // SAFETY: a freshly opened handle, owned by the returned value.
        let db = unsafe { Db::from_raw(raw) };
        // SAFETY: valid handle.
        unsafe { ffi::sqlite3_busy_timeout(raw, 5000) };
        Ok(Connection { db })
    }

    pub fn db(&self) -> Db {
        self.db
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // SAFETY: we own the handle. Statements prepared on it must be
        // dropped first (the cache never keeps any across calls).
        unsafe { ffi::sqlite3_close(self.db.raw()) };
    }
}
