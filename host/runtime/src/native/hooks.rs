//! Connection hooks: SQLite has one update, one commit and one rollback
//! hook per connection, so the host installs its own and calls every
//! extension that asked for each, in load order. The hooks are installed
//! only while some extension wants them (a host program's own hooks are
//! replaced meanwhile; README says so).
//!
//! A failure inside an extension's hook (a trap, the CPU limit) cannot fail
//! the statement that fired it; it is reported on stderr, and in a commit
//! hook it counts as a veto: the transaction is rolled back.

use crate::instance::Live;
use crate::instance::hooks::{self, ChangeKind};
use sqlink_sqlite::{Db, ffi};
use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::Arc;

/// The extensions each hook calls.
#[derive(Default)]
pub(crate) struct Hooks {
    update: Vec<Arc<Live>>,
    commit: Vec<Arc<Live>>,
    rollback: Vec<Arc<Live>>,
}

impl Hooks {
    /// Installs (or removes) the connection's hooks for the extensions
    /// `attached`, in load order. `hooks` must stay at its address until
    /// this is called again with nothing attached.
    pub(crate) fn install<'a>(hooks: &mut Box<Hooks>, db: Db, attached: impl Iterator<Item = &'a Arc<Live>>) {
        let mut fresh = Hooks::default();
        for live in attached {
            let wants = live.ext.manifest.hooks;
            if wants.update {
                fresh.update.push(live.clone());
            }
            if wants.commit {
                fresh.commit.push(live.clone());
            }
            if wants.rollback {
                fresh.rollback.push(live.clone());
            }
        }
        **hooks = fresh;
        let data: *mut c_void = (&mut **hooks as *mut Hooks).cast();
        let on = |wanted: &Vec<Arc<Live>>| if wanted.is_empty() { std::ptr::null_mut() } else { data };
        // SAFETY: `data` points at the boxed hooks, which outlive their
        // installation (see above); a null callback removes a hook.
        unsafe {
            let raw = db.raw();
            ffi::sqlite3_update_hook(raw, (!hooks.update.is_empty()).then_some(on_update as _), on(&hooks.update));
            ffi::sqlite3_commit_hook(raw, (!hooks.commit.is_empty()).then_some(on_commit as _), on(&hooks.commit));
            ffi::sqlite3_rollback_hook(raw, (!hooks.rollback.is_empty()).then_some(on_rollback as _), on(&hooks.rollback));
        }
    }
}

/// Reads a NUL-terminated name SQLite passes (empty for NULL).
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string valid for the call.
unsafe fn name<'a>(p: *const c_char) -> std::borrow::Cow<'a, str> {
    // SAFETY: per the function contract.
    if p.is_null() { "".into() } else { unsafe { CStr::from_ptr(p) }.to_string_lossy() }
}

unsafe extern "C" fn on_update(data: *mut c_void, op: c_int, database: *const c_char, table: *const c_char, rowid: ffi::sqlite3_int64) {
    // SAFETY: installed with the boxed hooks as data.
    let hooks = unsafe { &*data.cast::<Hooks>() };
    let kind = match op {
        ffi::SQLITE_INSERT => ChangeKind::Insert,
        ffi::SQLITE_DELETE => ChangeKind::Delete,
        _ => ChangeKind::Update,
    };
    // SAFETY: SQLite's names, valid during the callback.
    let (database, table) = unsafe { (name(database), name(table)) };
    hooks::tell_update(&hooks.update, kind, &database, &table, rowid);
}

unsafe extern "C" fn on_commit(data: *mut c_void) -> c_int {
    // SAFETY: installed with the boxed hooks as data.
    let hooks = unsafe { &*data.cast::<Hooks>() };
    hooks::ask_commit(&hooks.commit) as c_int
}

unsafe extern "C" fn on_rollback(data: *mut c_void) {
    // SAFETY: installed with the boxed hooks as data.
    let hooks = unsafe { &*data.cast::<Hooks>() };
    hooks::tell_rollback(&hooks.rollback);
}
