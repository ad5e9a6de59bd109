//! Calls on the `hooks` interface: a connection's row changes, commits and
//! rollbacks, told to the extensions that asked for them.
//!
//! Both hosts chain several extensions' hooks the same way ([`tell_update`],
//! [`ask_commit`], [`tell_rollback`]): in load order, skipping an extension
//! already running a call (its own SQL fired the hook); a failure (a trap,
//! the CPU limit) is reported on stderr, and in the commit hook it is a
//! veto: the transaction is rolled back.

use super::{Instance, Live, Lookup};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
pub(crate) use crate::wit::exports::sqlink::extension::hooks::ChangeKind;
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, Func, TypedFunc};

/// The `hooks` functions an instance exports.
#[derive(Default)]
pub(crate) struct HookFuncs {
    on_update: Option<Func>,
    on_commit: Option<Func>,
    on_rollback: Option<Func>,
}

impl HookFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> HookFuncs {
        HookFuncs { on_update: get(iface, "on-update"), on_commit: get(iface, "on-commit"), on_rollback: get(iface, "on-rollback") }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.on_update, "on-update", (ChangeKind, &'static str, &'static str, i64), ());
        check!(&store, self.on_commit, "on-commit", (), (bool,));
        check!(&store, self.on_rollback, "on-rollback", (), ());
        Ok(())
    }
}

impl Instance {
    /// A row of a rowid table changed.
    pub(crate) fn on_update(&mut self, kind: ChangeKind, database: &str, table: &str, rowid: i64) -> wasmtime::Result<()> {
        let func = self.funcs.hooks.on_update.ok_or_else(|| wasmtime::format_err!("the extension does not export hooks.on-update"))?;
        // SAFETY: the type was verified by `Funcs::check_types`.
        let typed = unsafe { TypedFunc::<(ChangeKind, &str, &str, i64), ()>::new_unchecked(func) };
        typed.call(&mut self.store, (kind, database, table, rowid))
    }

    /// A transaction is about to commit: true vetoes it.
    pub(crate) fn on_commit(&mut self) -> wasmtime::Result<bool> {
        Ok(call!(self, hooks.on_commit, (), (bool,), ()))
    }

    /// A transaction was rolled back.
    pub(crate) fn on_rollback(&mut self) -> wasmtime::Result<()> {
        let func = self.funcs.hooks.on_rollback.ok_or_else(|| wasmtime::format_err!("the extension does not export hooks.on-rollback"))?;
        // SAFETY: the type was verified by `Funcs::check_types`.
        let typed = unsafe { TypedFunc::<(), ()>::new_unchecked(func) };
        typed.call(&mut self.store, ())
    }
}

/// Calls `f` on each extension of `lives` in turn, except one already
/// running a call, until one vetoes (`f` returns true). A failure ends the
/// round as a veto when `fatal`, and is reported on stderr otherwise.
/// Returns why the round ended early.
fn each(lives: &[Arc<Live>], what: &str, fatal: bool, mut f: impl FnMut(&Live) -> Result<bool, crate::error::Error>) -> Option<String> {
    for live in lives {
        if live.is_busy() {
            continue;
        }
        let failure = match catch_unwind(AssertUnwindSafe(|| f(live))) {
            Ok(Ok(false)) => continue,
            Ok(Ok(true)) => return Some(format!("vetoed by {}", live.name())),
            Ok(Err(e)) => e.message,
            Err(_) => format!("{}: internal error (panic)", live.name()),
        };
        if fatal {
            return Some(format!("hook failed: {failure}"));
        }
        eprintln!("sqlink: {what} hook failed: {failure}");
    }
    None
}

/// Tells `lives` a row changed (nothing to veto: failures are reported).
pub(crate) fn tell_update(lives: &[Arc<Live>], kind: ChangeKind, database: &str, table: &str, rowid: i64) {
    each(lives, "update", false, |live| live.call(|inst| inst.on_update(kind, database, table, rowid)).map(|()| false));
}

/// Asks `lives` whether the transaction may commit: true when one vetoes
/// (or fails), which is reported on stderr.
pub(crate) fn ask_commit(lives: &[Arc<Live>]) -> bool {
    match each(lives, "commit", true, |live| live.call(|inst| inst.on_commit())) {
        Some(why) => {
            eprintln!("sqlink: commit {why}; the transaction is rolled back");
            true
        }
        None => false,
    }
}

/// Tells `lives` the transaction rolled back.
pub(crate) fn tell_rollback(lives: &[Arc<Live>]) {
    each(lives, "rollback", false, |live| live.call(|inst| inst.on_rollback()).map(|()| false));
}
