//! Registering application-defined functions, and what their callbacks use:
//! arguments in, results and errors out.

use crate::{Db, Error, ffi};
use std::ffi::{CString, c_int, c_void};
use std::ptr;

/// `xFunc` / `xStep` / `xInverse`.
pub type XFunc = unsafe extern "C" fn(*mut ffi::sqlite3_context, c_int, *mut *mut ffi::sqlite3_value);
/// `xFinal` / `xValue`.
pub type XFinal = unsafe extern "C" fn(*mut ffi::sqlite3_context);

/// The callbacks of a function registration.
pub enum Callbacks {
    Scalar(XFunc),
    Aggregate { step: XFunc, finalize: XFinal },
    Window { step: XFunc, finalize: XFinal, value: XFinal, inverse: XFunc },
}

/// `xCompare` of a collation.
pub type XCompare = unsafe extern "C" fn(*mut c_void, c_int, *const c_void, c_int, *const c_void) -> c_int;

/// A name as SQLite wants it.
pub fn c_name(name: &str) -> Result<CString, Error> {
    CString::new(name).map_err(|_| Error::new(ffi::SQLITE_MISUSE, format!("name '{name}' contains a NUL byte")))
}

impl Db {
    /// Registers a function whose user data is `data`; SQLite drops it when
    /// the function is deleted or the connection closes (or right away if
    /// registration fails).
    pub fn create_function<T>(self, name: &str, arity: i32, flags: i32, data: Box<T>, callbacks: Callbacks) -> Result<(), Error> {
        unsafe extern "C" fn destroy<T>(p: *mut c_void) {
            // SAFETY: `p` came from `Box::into_raw` below and SQLite calls
            // the destructor exactly once.
            drop(unsafe { Box::from_raw(p.cast::<T>()) });
        }
        let c = c_name(name)?;
        let app = Box::into_raw(data).cast::<c_void>();
        let raw = self.raw();
        // SAFETY: valid handle and name; SQLite owns `app` from here.
        let rc = unsafe {
            match callbacks {
                Callbacks::Scalar(f) => ffi::sqlite3_create_function_v2(raw, c.as_ptr(), arity, flags, app, Some(f), None, None, Some(destroy::<T>)),
                Callbacks::Aggregate { step, finalize } => {
                    ffi::sqlite3_create_function_v2(raw, c.as_ptr(), arity, flags, app, None, Some(step), Some(finalize), Some(destroy::<T>))
                }
                Callbacks::Window { step, finalize, value, inverse } => ffi::sqlite3_create_window_function(
                    raw,
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
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }

    /// Registers a collation whose user data is `data`; SQLite drops it
    /// when the collation is replaced or the connection closes (or right
    /// away if registration fails).
    pub fn create_collation<T>(self, name: &str, data: Box<T>, compare: XCompare) -> Result<(), Error> {
        unsafe extern "C" fn destroy<T>(p: *mut c_void) {
            // SAFETY: `p` came from `Box::into_raw` below; SQLite calls the
            // destructor once.
            drop(unsafe { Box::from_raw(p.cast::<T>()) });
        }
        let c = c_name(name)?;
        // SAFETY: valid handle and name; SQLite owns `data` from here.
        let rc = unsafe {
            ffi::sqlite3_create_collation_v2(self.raw(), c.as_ptr(), ffi::SQLITE_UTF8, Box::into_raw(data).cast(), Some(compare), Some(destroy::<T>))
        };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }

    /// Removes a collation (SQLite refuses while any statement runs).
    pub fn delete_collation(self, name: &str) -> Result<(), Error> {
        let c = c_name(name)?;
        // SAFETY: valid handle and name; no callback means "delete".
        let rc = unsafe { ffi::sqlite3_create_collation_v2(self.raw(), c.as_ptr(), ffi::SQLITE_UTF8, ptr::null_mut(), None, None) };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }

    /// Whether SQLite (or anything registered on the connection) already
    /// answers to `name` with `arity` arguments. Found by compiling a call.
    pub fn function_exists(self, name: &str, arity: i32) -> bool {
        let n = if arity < 0 { 1 } else { arity as usize };
        let args = vec!["?"; n].join(",");
        let sql = format!("SELECT \"{}\"({args})", name.replace('"', "\"\""));
        match self.prepare(&sql) {
            Ok(_) => true,
            Err(e) => !(e.message.starts_with("no such function") || e.message.starts_with("wrong number of arguments")),
        }
    }

    /// Whether a collation of this name exists on the connection.
    pub fn collation_exists(self, name: &str) -> bool {
        // A comparison, so SQLite must resolve the collation while compiling.
        let sql = format!("SELECT 'a' < 'b' COLLATE \"{}\"", name.replace('"', "\"\""));
        match self.prepare(&sql) {
            Ok(_) => true,
            Err(e) => !e.message.starts_with("no such collation sequence"),
        }
    }

    /// Removes a function (SQLite refuses while any statement runs).
    pub fn delete_function(self, name: &str, arity: i32) -> Result<(), Error> {
        let c = c_name(name)?;
        // SAFETY: valid handle and name; no callbacks means "delete".
        let rc = unsafe { ffi::sqlite3_create_function_v2(self.raw(), c.as_ptr(), arity, ffi::SQLITE_UTF8, ptr::null_mut(), None, None, None, None) };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }
}

/// The `sqlite3_value*` arguments of a callback.
///
/// # Safety
/// `argv` must point to `argc` values (or be anything when `argc` is 0).
pub unsafe fn arguments<'a>(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> &'a [*mut ffi::sqlite3_value] {
    if argc <= 0 || argv.is_null() {
        &[]
    } else {
        // SAFETY: per the function contract.
        unsafe { std::slice::from_raw_parts(argv, argc as usize) }
    }
}

/// Setting a callback's result.
pub mod result {
    use crate::{ValueRef, ffi};
    use std::ffi::c_int;

    /// # Safety
    /// `ctx` must be the context of the running callback.
    pub unsafe fn value(ctx: *mut ffi::sqlite3_context, value: ValueRef<'_>) {
        // SAFETY: per the function contract; SQLite copies text and blobs
        // (SQLITE_TRANSIENT) before returning.
        unsafe {
            match value {
                ValueRef::Null => ffi::sqlite3_result_null(ctx),
                ValueRef::Integer(i) => ffi::sqlite3_result_int64(ctx, i),
                ValueRef::Real(r) => ffi::sqlite3_result_double(ctx, r),
                ValueRef::Text(t) => {
                    ffi::sqlite3_result_text64(ctx, t.as_ptr().cast(), t.len() as u64, ffi::SQLITE_TRANSIENT(), ffi::SQLITE_UTF8 as u8)
                }
                ValueRef::Blob(b) => ffi::sqlite3_result_blob64(ctx, b.as_ptr().cast(), b.len() as u64, ffi::SQLITE_TRANSIENT()),
            }
        }
    }

    /// Text whose next byte in memory is a NUL. Handed to SQLite as a C
    /// string when it holds no NUL itself, so SQLite knows its copy is
    /// terminated: reading it with `sqlite3_value_text` (as `length()`, a
    /// shell's output and most C code do) then needs no reallocation to
    /// add the terminator, as it does for text given by length.
    ///
    /// # Safety
    /// `ctx` must be the context of the running callback, and the byte
    /// after `text` must be readable and 0.
    pub unsafe fn terminated_text(ctx: *mut ffi::sqlite3_context, text: &[u8]) {
        // SAFETY: per the function contract; with no NUL inside, SQLite's
        // strlen stops at the one after `text`. SQLite copies the text.
        unsafe {
            if text.contains(&0) {
                ffi::sqlite3_result_text64(ctx, text.as_ptr().cast(), text.len() as u64, ffi::SQLITE_TRANSIENT(), ffi::SQLITE_UTF8 as u8);
            } else {
                ffi::sqlite3_result_text(ctx, text.as_ptr().cast(), -1, ffi::SQLITE_TRANSIENT());
            }
        }
    }

    /// Raises an error with a result code. SQLITE_NOMEM is raised as a
    /// native extension's `sqlite3_result_error_nomem` does: SQLite reports
    /// "out of memory" (7), whatever the message.
    ///
    /// # Safety
    /// `ctx` must be the context of the running callback.
    pub unsafe fn error(ctx: *mut ffi::sqlite3_context, code: i32, message: &str) {
        if code & 0xff == ffi::SQLITE_NOMEM {
            // SAFETY: per the function contract.
            unsafe { ffi::sqlite3_result_error_nomem(ctx) };
            return;
        }
        let code = if code == 0 { ffi::SQLITE_ERROR } else { code };
        // SAFETY: per the function contract; SQLite copies the message.
        unsafe {
            ffi::sqlite3_result_error(ctx, message.as_ptr().cast(), message.len() as c_int);
            ffi::sqlite3_result_error_code(ctx, code);
        }
    }
}
