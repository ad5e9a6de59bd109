//! The native host: extensions registered on a SQLite connection of this
//! process (the `sqlink` shell, and any SQLite program through the loader).
//! The C callbacks SQLite calls, one file per contract surface, and the
//! [`Registry`](registry::Registry) of what is attached.

pub(crate) mod aggregate;
mod authorizer;
mod batch;
pub(crate) mod binding;
pub(crate) mod builtin;
pub(crate) mod collation;
mod hooks;
pub(crate) mod key_cache;
pub(crate) mod registry;
pub(crate) mod scalar;
pub(crate) mod spi;
pub(crate) mod sql_body;
pub(crate) mod vtab;

use crate::wit::Returned;
use crate::error::Error;
pub(crate) use sqlink_sqlite::{Callbacks, arguments};
use sqlink_sqlite::{ffi, result};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The running SQLite library's version number, e.g. 3054001.
pub(crate) fn sqlite_version() -> i32 {
    // SAFETY: no preconditions.
    unsafe { ffi::sqlite3_libversion_number() }
}

/// Sets a function result from what an extension returned, with its
/// subtype when the item is flagged `result-subtype` and has one.
///
/// # Safety
/// `ctx` must be the context of the running callback.
pub(crate) unsafe fn set_result(ctx: *mut ffi::sqlite3_context, value: &Returned, subtype: Option<u8>) {
    // SAFETY: per the function contract.
    unsafe {
        result::value(ctx, value.as_value_ref());
        if let Some(subtype @ 1..) = subtype {
            ffi::sqlite3_result_subtype(ctx, subtype as u32);
        }
    }
}

/// Raises an error from a function callback.
///
/// # Safety
/// `ctx` must be the context of the running callback.
pub(crate) unsafe fn set_error(ctx: *mut ffi::sqlite3_context, e: &Error) {
    // SAFETY: per the function contract.
    unsafe { result::error(ctx, e.code, &e.message) }
}


/// Runs a callback body, turning errors and panics into SQL errors.
///
/// # Safety
/// `ctx` must be the context of the running callback.
pub(crate) unsafe fn guard(ctx: *mut ffi::sqlite3_context, body: impl FnOnce() -> Result<(), Error>) {
    let outcome = catch_unwind(AssertUnwindSafe(body));
    let error = match outcome {
        Ok(Ok(())) => return,
        Ok(Err(e)) => e,
        Err(_) => Error::new("sqlink: internal error (panic) in an extension callback"),
    };
    // SAFETY: per the function contract.
    unsafe { set_error(ctx, &error) }
}

