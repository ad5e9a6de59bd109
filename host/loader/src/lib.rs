//! `libsqlink_loader`: load sqlink `.wasm` extensions into any SQLite
//! program (3.40 or newer) — the stock `sqlite3` shell, Python's `sqlite3`,
//! anything that calls `sqlite3_load_extension`:
//!
//! ```sql
//! .load dist/lib/libsqlink_loader
//! select sqlink_load('dist/extensions/uuid.wasm');
//! select uuid4();
//! ```
//!
//! It registers `sqlink_load(path [, grants [, limits]])`,
//! `sqlink_unload(name)` and `sqlink_extensions()` on the connection (all
//! DIRECTONLY). Everything else — checks, limits, dispatch, the compiled-code
//! cache — is the same runtime the `sqlink` shell uses, reaching SQLite
//! through the host program's API table: there is no second SQLite inside,
//! and SPI runs on the calling connection.

mod functions;

use libsqlite3_sys as ffi;
use std::ffi::{c_char, c_int};

/// SQLite's entry point for `libsqlink_loader.so` (derived from the file
/// name, as SQLite expects).
///
/// # Safety
/// Called by SQLite with a valid connection and API table.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sqlite3_sqlinkloader_init(db: *mut ffi::sqlite3, err: *mut *mut c_char, api: *mut ffi::sqlite3_api_routines) -> c_int {
    // SAFETY: SQLite passes its API table; nothing touches SQLite before this.
    if let Err(e) = unsafe { ffi::rusqlite_extension_init2(api) } {
        // SAFETY: as above.
        unsafe { functions::report(err, &format!("sqlink_loader: {e}")) };
        return ffi::SQLITE_ERROR;
    }
    // Messages advise sqlink_load() arguments, not shell flags.
    sqlink_runtime::set_hints(sqlink_runtime::Hints::Sql);
    // SAFETY: a valid connection handle for as long as it is open.
    let db = unsafe { sqlink_sqlite::Db::from_raw(db) };
    match functions::register(db) {
        // The runtime keeps a thread and code in this library alive: it must
        // stay loaded after the connection closes.
        Ok(()) => ffi::SQLITE_OK_LOAD_PERMANENTLY,
        Err(e) => {
            // SAFETY: as above.
            unsafe { functions::report(err, &format!("sqlink_loader: {e}")) };
            ffi::SQLITE_ERROR
        }
    }
}
