//! Registering extension items on a SQLite connection: the C callbacks
//! SQLite calls, and the glue from them to the resident instance.

pub(crate) mod aggregate;
pub(crate) mod binding;
pub(crate) mod builtin;
pub(crate) mod collation;
pub(crate) mod scalar;
pub(crate) mod sql_body;

use crate::bindings::{SqlError, Value};
use crate::error::Error;
use sqlink_sqlite::{Db, ffi};
use std::ffi::{CString, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

/// The running SQLite library's version number, e.g. 3054001.
pub(crate) fn sqlite_version() -> i32 {
    // SAFETY: no preconditions.
    unsafe { ffi::sqlite3_libversion_number() }
}

/// Sets a function result from an extension's value.
///
/// # Safety
/// `ctx` must be the context of the running callback.
pub(crate) unsafe fn set_result(ctx: *mut ffi::sqlite3_context, value: &Value) {
    // SAFETY: per the function contract; text and blobs are copied by SQLite
    // (SQLITE_TRANSIENT) before we return.
    unsafe {
        match value {
            Value::Null => ffi::sqlite3_result_null(ctx),
            Value::Integer(i) => ffi::sqlite3_result_int64(ctx, *i),
            Value::Real(r) => ffi::sqlite3_result_double(ctx, *r),
            Value::Text(t) => {
                ffi::sqlite3_result_text64(ctx, t.as_ptr().cast(), t.len() as u64, ffi::SQLITE_TRANSIENT(), ffi::SQLITE_UTF8 as u8)
            }
            Value::Blob(b) => ffi::sqlite3_result_blob64(ctx, b.as_ptr().cast(), b.len() as u64, ffi::SQLITE_TRANSIENT()),
        }
    }
}

/// Raises an error from a function callback.
///
/// # Safety
/// `ctx` must be the context of the running callback.
pub(crate) unsafe fn set_error(ctx: *mut ffi::sqlite3_context, e: &Error) {
    let code = if e.code == 0 || e.code & 0xff == ffi::SQLITE_NOMEM { ffi::SQLITE_ERROR } else { e.code };
    // SAFETY: per the function contract; SQLite copies the message.
    unsafe {
        ffi::sqlite3_result_error(ctx, e.message.as_ptr().cast(), e.message.len() as c_int);
        ffi::sqlite3_result_error_code(ctx, code);
    }
}

/// An error the extension returned, named after it.
pub(crate) fn extension_error(extension: &str, e: SqlError) -> Error {
    Error::with_code(e.code, format!("{extension}: {}", e.message))
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

/// The `sqlite3_value*` arguments of a callback.
///
/// # Safety
/// `argv` must point to `argc` values (or be anything when `argc` is 0).
pub(crate) unsafe fn arguments<'a>(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> &'a [*mut ffi::sqlite3_value] {
    if argc <= 0 || argv.is_null() {
        &[]
    } else {
        // SAFETY: per the function contract.
        unsafe { std::slice::from_raw_parts(argv, argc as usize) }
    }
}

pub(crate) fn c_name(name: &str) -> Result<CString, Error> {
    CString::new(name).map_err(|_| Error::new(format!("name '{name}' contains a NUL byte")))
}

type XFunc = unsafe extern "C" fn(*mut ffi::sqlite3_context, c_int, *mut *mut ffi::sqlite3_value);
type XFinal = unsafe extern "C" fn(*mut ffi::sqlite3_context);

/// Callbacks of a function registration.
pub(crate) enum Callbacks {
    Scalar(XFunc),
    Aggregate { step: XFunc, finalize: XFinal },
    Window { step: XFunc, finalize: XFinal, value: XFinal, inverse: XFunc },
}

/// Registers a function whose user data is `data` (dropped by SQLite when
/// the function is deleted or the connection closes).
pub(crate) fn create_function<T>(db: Db, name: &str, arity: i32, flags: i32, data: Box<T>, callbacks: Callbacks) -> Result<(), Error> {
    unsafe extern "C" fn destroy<T>(p: *mut c_void) {
        // SAFETY: `p` came from `Box::into_raw` below and SQLite calls the
        // destructor exactly once.
        drop(unsafe { Box::from_raw(p.cast::<T>()) });
    }
    let c = c_name(name)?;
    let app = Box::into_raw(data).cast::<c_void>();
    // SAFETY: valid handle and name; on failure SQLite calls `destroy`
    // itself, so `app` is never leaked or freed twice.
    let rc = unsafe {
        match callbacks {
            Callbacks::Scalar(f) => ffi::sqlite3_create_function_v2(db.raw(), c.as_ptr(), arity, flags, app, Some(f), None, None, Some(destroy::<T>)),
            Callbacks::Aggregate { step, finalize } => {
                ffi::sqlite3_create_function_v2(db.raw(), c.as_ptr(), arity, flags, app, None, Some(step), Some(finalize), Some(destroy::<T>))
            }
            Callbacks::Window { step, finalize, value, inverse } => ffi::sqlite3_create_window_function(
                db.raw(),
                c.as_ptr(),
                arity,
                flags,
                app,
                Some(step),
                Some(finalize),
                Some(value),
                Some(inverse),
                Some(destroy::<T>),
            ),
        }
    };
    if rc == ffi::SQLITE_OK { Ok(()) } else { Err(db.error(rc).into()) }
}

/// Removes a function registered with [`create_function`].
pub(crate) fn delete_function(db: Db, name: &str, arity: i32) -> Result<(), Error> {
    let c = c_name(name)?;
    // SAFETY: valid handle and name; no callbacks means "delete".
    let rc = unsafe { ffi::sqlite3_create_function_v2(db.raw(), c.as_ptr(), arity, ffi::SQLITE_UTF8, ptr::null_mut(), None, None, None, None) };
    if rc == ffi::SQLITE_OK { Ok(()) } else { Err(db.error(rc).into()) }
}

/// Whether SQLite (or anything registered on this connection) already
/// answers to `name` with `arity` arguments. Found by compiling a call.
pub(crate) fn function_exists(db: Db, name: &str, arity: i32) -> bool {
    let n = if arity < 0 { 1 } else { arity as usize };
    let args = vec!["?"; n].join(",");
    let sql = format!("SELECT \"{}\"({args})", name.replace('"', "\"\""));
    match db.prepare(&sql) {
        Ok(_) => true,
        Err(e) => !(e.message.starts_with("no such function") || e.message.starts_with("wrong number of arguments")),
    }
}

/// Whether a collation of this name exists on the connection.
pub(crate) fn collation_exists(db: Db, name: &str) -> bool {
    // A comparison, so SQLite must resolve the collation while compiling.
    let sql = format!("SELECT 'a' < 'b' COLLATE \"{}\"", name.replace('"', "\"\""));
    match db.prepare(&sql) {
        Ok(_) => true,
        Err(e) => !e.message.starts_with("no such collation sequence"),
    }
}
