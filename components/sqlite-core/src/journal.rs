//! What SQLite cannot do over WASI, made into clear errors instead of
//! silent or cryptic ones: WAL needs shared memory between processes
//! (`mmap` of a `-shm` file), which WASI does not have. sqlite-core's
//! SQLite locks exclusively by default (sqlite-src/README.md), which keeps
//! WAL's index in the connection's memory, so WAL works; these errors are
//! for connections switched to `PRAGMA locking_mode=NORMAL`.
//!
//! * `PRAGMA journal_mode=WAL` would quietly keep the old mode; it fails
//!   instead, saying how to get WAL (exclusive locking, one connection).
//! * A database already in WAL mode cannot be opened without exclusive
//!   locking; SQLite's "unable to open database file" gets the reason and
//!   the fix appended.

use sqlink_sqlite::{Db, Error, ffi};
use std::cell::Cell;
use std::ffi::{CStr, c_char, c_int, c_void};

thread_local! {
    /// Set while preparing a statement that asks for WAL.
    static WAL_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// How to get WAL in wasm, for messages.
const HOW: &str = "WASI has no shared memory for WAL's index: run PRAGMA locking_mode=EXCLUSIVE first \
                   (then only this connection uses the file), or use another journal mode";

/// Watches statements being prepared on `db` for WAL requests.
pub(crate) fn watch(db: Db) {
    // SAFETY: an open connection; the callback uses no user data.
    unsafe { ffi::sqlite3_set_authorizer(db.raw(), Some(authorize), std::ptr::null_mut()) };
}

/// Applies the spi guard (`sqlink_sqlite::spi_guard`), notes `PRAGMA journal_mode=WAL`,
/// then lets the imported extension's authorizer decide (see `watch`).
extern "C" fn authorize(_: *mut c_void, action: c_int, arg1: *const c_char, arg2: *const c_char, db: *const c_char, accessor: *const c_char) -> c_int {
    let text = |p: *const c_char| {
        // SAFETY: SQLite passes NUL-terminated strings or NULL.
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    };
    if let Some(refused) = sqlink_sqlite::spi_guard::check(action, text(arg1).as_deref(), text(arg2).as_deref()) {
        return refused;
    }
    if action == ffi::SQLITE_PRAGMA
        && text(arg1).is_some_and(|p| p.eq_ignore_ascii_case("journal_mode"))
        && text(arg2).is_some_and(|v| v.trim_matches(['\'', '"']).eq_ignore_ascii_case("wal"))
    {
        WAL_REQUESTED.with(|w| w.set(true));
    }
    // SAFETY: SQLite's arguments, valid during the callback.
    unsafe { crate::watch::authorize(action, arg1, arg2, db, accessor) }
}

/// Whether the statement just prepared asks for WAL (and forgets it).
pub(crate) fn take_wal_request() -> bool {
    WAL_REQUESTED.with(|w| w.replace(false))
}

/// The error for a WAL request SQLite declined, given the mode it kept.
pub(crate) fn wal_refused(kept: &str) -> Error {
    Error::new(ffi::SQLITE_ERROR, format!("cannot switch to WAL (the journal mode stays {kept}): {HOW}"))
}

/// Explains "unable to open database file" when the cause is a database in
/// WAL mode.
pub(crate) fn explain(db: Db, mut e: Error) -> Error {
    if e.code & 0xff == ffi::SQLITE_CANTOPEN && in_wal_mode(db) {
        e.message = format!(
            "{}: the database is in WAL mode, whose index needs shared memory WASI does not have: \
             run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), \
             or switch the file to another journal mode with a native SQLite",
            e.message
        );
    }
    e
}

/// Whether the main database file's header says WAL (file format 2).
fn in_wal_mode(db: Db) -> bool {
    // SAFETY: an open connection and a NUL-terminated schema name.
    let name = unsafe { ffi::sqlite3_db_filename(db.raw(), c"main".as_ptr()) };
    if name.is_null() {
        return false;
    }
    // SAFETY: SQLite returns a NUL-terminated file name.
    let path = unsafe { CStr::from_ptr(name) }.to_string_lossy().into_owned();
    let mut header = [0u8; 20];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header)).is_ok() && header[18] == 2 && header[19] == 2
}
