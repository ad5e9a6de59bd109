//! Calls on the `hooks` interface: a connection's row changes, commits and
//! rollbacks, told to the extensions that asked for them.

use super::{Instance, Lookup};
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
