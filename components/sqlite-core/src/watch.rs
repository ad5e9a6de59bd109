//! The imported extension's connection hooks and authorizer, installed on
//! each connection when its manifest asks for them.
//!
//! The authorizer shares SQLite's one authorizer slot with `journal`'s WAL
//! watch: `journal` calls [`authorize`] for every action it sees.

use crate::bindings::sqlink::extension::authorizer::{self, Action, Decision};
use crate::bindings::sqlink::extension::hooks::{self, ChangeKind};
use sqlink_sqlite::{Db, ffi};
use std::cell::Cell;
use std::ffi::{CStr, c_char, c_int, c_void};

thread_local! {
    /// Whether the imported extension wants its authorizer asked.
    static AUTHORIZER: Cell<bool> = const { Cell::new(false) };
}

/// What the imported extension's manifest asks to watch.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Wanted {
    pub update: bool,
    pub commit: bool,
    pub rollback: bool,
    pub authorizer: bool,
}

/// Installs (or removes) the hooks `wanted` lists on `db`.
pub(crate) fn install(db: Db, wanted: Wanted) {
    AUTHORIZER.with(|a| a.set(wanted.authorizer));
    let raw = db.raw();
    // SAFETY: an open connection; the callbacks use no user data.
    unsafe {
        ffi::sqlite3_update_hook(raw, wanted.update.then_some(on_update as _), std::ptr::null_mut());
        ffi::sqlite3_commit_hook(raw, wanted.commit.then_some(on_commit as _), std::ptr::null_mut());
        ffi::sqlite3_rollback_hook(raw, wanted.rollback.then_some(on_rollback as _), std::ptr::null_mut());
    }
}

/// A string SQLite passes, if any.
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string valid for the call.
unsafe fn text(p: *const c_char) -> Option<String> {
    // SAFETY: per the function contract.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

unsafe extern "C" fn on_update(_: *mut c_void, op: c_int, database: *const c_char, table: *const c_char, rowid: ffi::sqlite3_int64) {
    let kind = match op {
        ffi::SQLITE_INSERT => ChangeKind::Insert,
        ffi::SQLITE_DELETE => ChangeKind::Delete,
        _ => ChangeKind::Update,
    };
    // SAFETY: SQLite's names, valid during the callback.
    let (database, table) = unsafe { (text(database).unwrap_or_default(), text(table).unwrap_or_default()) };
    hooks::on_update(kind, &database, &table, rowid);
}

unsafe extern "C" fn on_commit(_: *mut c_void) -> c_int {
    hooks::on_commit() as c_int
}

unsafe extern "C" fn on_rollback(_: *mut c_void) {
    hooks::on_rollback();
}

/// The imported extension's answer for one authorizer action (allowed when
/// it has no authorizer).
///
/// # Safety
/// The strings must be NULL or NUL-terminated, valid for the call.
pub(crate) unsafe fn authorize(code: c_int, a1: *const c_char, a2: *const c_char, db: *const c_char, accessor: *const c_char) -> c_int {
    if !AUTHORIZER.with(Cell::get) {
        return ffi::SQLITE_OK;
    }
    // SAFETY: per the function contract.
    let action = unsafe { Action { code, arg1: text(a1), arg2: text(a2), database: text(db), accessor: text(accessor) } };
    match authorizer::authorize(&action) {
        Decision::Allow => ffi::SQLITE_OK,
        Decision::Deny => ffi::SQLITE_DENY,
        Decision::Ignore => ffi::SQLITE_IGNORE,
    }
}
