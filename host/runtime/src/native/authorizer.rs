//! The authorizer: SQLite has one per connection, so the host installs its
//! own while some extension wants one, and asks each such extension in
//! load order (the chaining rules are `instance::authorizer::ask_all`'s).
//!
//! It also applies the spi guard (`sqlink_sqlite::spi_guard`): while an
//! extension's own SQL runs, what the guard refuses is denied whatever the
//! extensions say. So it is installed while some extension has the spi
//! grant too.

use crate::instance::Live;
use crate::instance::authorizer::{self, ActionRef, Decision};
use sqlink_sqlite::{Db, ffi, spi_guard};
use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::Arc;

/// The extensions asked, in load order, and whether some extension's spi
/// statements need guarding.
#[derive(Default)]
pub(crate) struct Authorizers {
    asked: Vec<Arc<Live>>,
    guard: bool,
}

impl Authorizers {
    /// Installs (or removes) the connection's authorizer for the
    /// extensions `attached`. `this` must stay at its address until this is
    /// called again with nothing attached.
    pub(crate) fn install<'a>(this: &mut Box<Authorizers>, db: Db, attached: impl Iterator<Item = &'a Arc<Live>>) {
        let attached: Vec<&Arc<Live>> = attached.collect();
        this.asked = attached.iter().filter(|l| l.ext.manifest.authorizer).map(|l| Arc::clone(l)).collect();
        this.guard = attached.iter().any(|l| l.ext.grants.spi());
        let data: *mut c_void = (&mut **this as *mut Authorizers).cast();
        // SAFETY: `data` outlives the installation (see above); a null
        // callback removes the authorizer.
        unsafe {
            if this.asked.is_empty() && !this.guard {
                ffi::sqlite3_set_authorizer(db.raw(), None, std::ptr::null_mut());
            } else {
                ffi::sqlite3_set_authorizer(db.raw(), Some(authorize), data);
            }
        }
    }
}

/// A string SQLite passes, if any.
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string valid for the call.
unsafe fn text<'a>(p: *const c_char) -> Option<&'a str> {
    // SAFETY: per the function contract. SQLite's names are UTF-8.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap_or("\u{fffd}"))
}

unsafe extern "C" fn authorize(data: *mut c_void, code: c_int, a1: *const c_char, a2: *const c_char, db: *const c_char, accessor: *const c_char) -> c_int {
    // SAFETY: installed with the boxed authorizers as data; the strings are
    // SQLite's, valid during the call.
    let (asked, action) = unsafe {
        (&*data.cast::<Authorizers>(), ActionRef { code, arg1: text(a1), arg2: text(a2), database: text(db), accessor: text(accessor) })
    };
    if let Some(denied) = spi_guard::check(code, action.arg1, action.arg2) {
        return denied;
    }
    match authorizer::ask_all(&asked.asked, action) {
        Decision::Allow => ffi::SQLITE_OK,
        Decision::Deny => ffi::SQLITE_DENY,
        Decision::Ignore => ffi::SQLITE_IGNORE,
    }
}
