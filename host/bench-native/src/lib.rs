//! The native side of the loader benchmark: `native_len`, `native_twice`
//! and `native_sha256` — the very Rust code the wasm `bench` extension and
//! `crypto_sha256` run — as an ordinary loadable SQLite extension.

use libsqlite3_sys as ffi;
use sqlink_sqlite::{Callbacks, Db, ValueRef, arguments, result};
use std::ffi::{c_char, c_int};

/// The bytes of the first argument (text or blob), empty otherwise.
///
/// # Safety
/// SQLite's callback contract.
unsafe fn bytes<'a>(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> &'a [u8] {
    // SAFETY: per the function contract.
    match unsafe { arguments(argc, argv).first().map(|&v| ValueRef::from_raw(v)) } {
        Some(ValueRef::Text(b) | ValueRef::Blob(b)) => b,
        _ => &[],
    }
}

unsafe extern "C" fn len(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe { result::value(ctx, ValueRef::Integer(sqlink_bench_fns::char_length(bytes(argc, argv)))) }
}

unsafe extern "C" fn twice(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        let x = match arguments(argc, argv).first().map(|&v| ValueRef::from_raw(v)) {
            Some(ValueRef::Integer(i)) => i,
            _ => 0,
        };
        result::value(ctx, ValueRef::Integer(sqlink_bench_fns::twice(x)))
    }
}

unsafe extern "C" fn sha256(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe { result::value(ctx, ValueRef::Blob(&hmac_sha256::Hash::hash(bytes(argc, argv)))) }
}

/// SQLite's entry point for `libsqlink_bench_native.so`.
///
/// # Safety
/// Called by SQLite with a valid connection and API table.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sqlite3_sqlinkbenchnative_init(db: *mut ffi::sqlite3, _err: *mut *mut c_char, api: *mut ffi::sqlite3_api_routines) -> c_int {
    // SAFETY: SQLite passes its API table and a valid connection.
    unsafe {
        if ffi::rusqlite_extension_init2(api).is_err() {
            return ffi::SQLITE_ERROR;
        }
        let db = Db::from_raw(db);
        let flags = ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC;
        let functions: [(&str, sqlink_sqlite::XFunc); 3] = [("native_len", len), ("native_twice", twice), ("native_sha256", sha256)];
        for (name, f) in functions {
            if db.create_function(name, 1, flags, Box::new(()), Callbacks::Scalar(f)).is_err() {
                return ffi::SQLITE_ERROR;
            }
        }
    }
    ffi::SQLITE_OK
}
