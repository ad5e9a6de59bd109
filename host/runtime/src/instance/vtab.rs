//! Calls on the `vtab` interface: virtual table modules, their tables and
//! cursors. Rows come back in batches ([`RowBatch`]), so a scan crosses the
//! boundary once per batch rather than once per row or value.

use super::{CallResult, Instance, Lookup};
use crate::wit::ValueRef;
pub(crate) use crate::wit::vtab_types::{
    DeclaredTable, IndexConstraint, IndexInfo, IndexOrder, IndexPlan, RowBatch, RowChange, TableArgs, WriteContext,
};
use crate::wit::SqlError;
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, Func};

/// The `vtab` functions an instance exports.
#[derive(Default)]
pub(crate) struct VtabFuncs {
    create: Option<Func>,
    connect: Option<Func>,
    best_index: Option<Func>,
    disconnect: Option<Func>,
    destroy: Option<Func>,
    open: Option<Func>,
    close: Option<Func>,
    filter: Option<Func>,
    fetch: Option<Func>,
    update: Option<Func>,
    begin: Option<Func>,
    sync: Option<Func>,
    commit: Option<Func>,
    rollback: Option<Func>,
    rename: Option<Func>,
}

type Declared = (Result<DeclaredTable, SqlError>,);

type Batch = (Result<RowBatch, SqlError>,);
type Unit = (Result<(), SqlError>,);
type Filter<'a> = (u64, i32, Option<&'a str>, &'a [ValueRef<'a>], &'a [(u32, u8)], &'a [(u32, Vec<ValueRef<'a>>)], u64, u32);

impl VtabFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> VtabFuncs {
        VtabFuncs {
            create: get(iface, "create"),
            connect: get(iface, "connect"),
            best_index: get(iface, "best-index"),
            disconnect: get(iface, "disconnect"),
            destroy: get(iface, "destroy"),
            open: get(iface, "open"),
            close: get(iface, "close"),
            filter: get(iface, "filter"),
            fetch: get(iface, "fetch"),
            update: get(iface, "update"),
            begin: get(iface, "begin"),
            sync: get(iface, "sync"),
            commit: get(iface, "commit"),
            rollback: get(iface, "rollback"),
            rename: get(iface, "rename"),
        }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.create, "create", (u32, TableArgs), Declared);
        check!(&store, self.connect, "connect", (u32, TableArgs), Declared);
        check!(&store, self.best_index, "best-index", (u64, IndexInfo), (Result<IndexPlan, SqlError>,));
        check!(&store, self.disconnect, "disconnect", (u64,), ());
        check!(&store, self.destroy, "destroy", (u64,), Unit);
        check!(&store, self.open, "open", (u64,), (Result<u64, SqlError>,));
        check!(&store, self.close, "close", (u64,), ());
        check!(&store, self.filter, "filter", Filter<'static>, Batch);
        check!(&store, self.fetch, "fetch", (u64, u32), Batch);
        check!(&store, self.update, "update", (u64, RowChange, WriteContext), (Result<Option<i64>, SqlError>,));
        check!(&store, self.begin, "begin", (u64,), Unit);
        check!(&store, self.sync, "sync", (u64,), Unit);
        check!(&store, self.commit, "commit", (u64,), Unit);
        check!(&store, self.rollback, "rollback", (u64,), Unit);
        check!(&store, self.rename, "rename", (u64, &'static str), Unit);
        Ok(())
    }
}

/// A transaction step SQLite announces to a table.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TxnStep {
    Begin,
    Sync,
    Commit,
    Rollback,
}

impl Instance {
    /// `CREATE VIRTUAL TABLE` (or `connect` again: `create` false).
    pub(crate) fn vtab_connect(&mut self, module: u32, args: TableArgs, create: bool) -> CallResult<DeclaredTable> {
        Ok(if create {
            call!(self, vtab.create, (u32, TableArgs), Declared, (module, args))
        } else {
            call!(self, vtab.connect, (u32, TableArgs), Declared, (module, args))
        })
    }

    pub(crate) fn vtab_best_index(&mut self, table: u64, info: IndexInfo) -> CallResult<IndexPlan> {
        Ok(call!(self, vtab.best_index, (u64, IndexInfo), (Result<IndexPlan, SqlError>,), (table, info)))
    }

    pub(crate) fn vtab_disconnect(&mut self, table: u64) -> wasmtime::Result<()> {
        let func = self.funcs.vtab.disconnect.ok_or_else(|| wasmtime::format_err!("the extension does not export vtab.disconnect"))?;
        // SAFETY: the type was verified by `Funcs::check_types`.
        let typed = unsafe { wasmtime::component::TypedFunc::<(u64,), ()>::new_unchecked(func) };
        typed.call(&mut self.store, (table,))
    }

    pub(crate) fn vtab_destroy(&mut self, table: u64) -> CallResult<()> {
        Ok(call!(self, vtab.destroy, (u64,), Unit, (table,)))
    }

    pub(crate) fn vtab_open(&mut self, table: u64) -> CallResult<u64> {
        Ok(call!(self, vtab.open, (u64,), (Result<u64, SqlError>,), (table,)))
    }

    pub(crate) fn vtab_close(&mut self, cursor: u64) -> wasmtime::Result<()> {
        let func = self.funcs.vtab.close.ok_or_else(|| wasmtime::format_err!("the extension does not export vtab.close"))?;
        // SAFETY: the type was verified by `Funcs::check_types`.
        let typed = unsafe { wasmtime::component::TypedFunc::<(u64,), ()>::new_unchecked(func) };
        typed.call(&mut self.store, (cursor,))
    }

    /// Starts a scan; returns its first batch.
    pub(crate) fn vtab_filter(
        &mut self,
        cursor: u64,
        idx_num: i32,
        idx_str: Option<&str>,
        args: &[ValueRef<'_>],
        arg_subtypes: &[(u32, u8)],
        in_lists: &[(u32, Vec<ValueRef<'_>>)],
        columns: u64,
        max_rows: u32,
    ) -> CallResult<RowBatch> {
        Ok(call!(self, vtab.filter, Filter<'_>, Batch, (cursor, idx_num, idx_str, args, arg_subtypes, in_lists, columns, max_rows)))
    }

    /// The next batch of a scan.
    pub(crate) fn vtab_fetch(&mut self, cursor: u64, max_rows: u32) -> CallResult<RowBatch> {
        Ok(call!(self, vtab.fetch, (u64, u32), Batch, (cursor, max_rows)))
    }

    /// An INSERT, UPDATE or DELETE; the rowid of an inserted row.
    pub(crate) fn vtab_update(&mut self, table: u64, change: RowChange, context: WriteContext) -> CallResult<Option<i64>> {
        Ok(call!(self, vtab.update, (u64, RowChange, WriteContext), (Result<Option<i64>, SqlError>,), (table, change, context)))
    }

    /// A transaction step. Tables of a module that exports none of them
    /// take no part in transactions.
    pub(crate) fn vtab_txn(&mut self, table: u64, step: TxnStep) -> CallResult<()> {
        Ok(match step {
            TxnStep::Begin => call!(self, vtab.begin, (u64,), Unit, (table,)),
            TxnStep::Sync => call!(self, vtab.sync, (u64,), Unit, (table,)),
            TxnStep::Commit => call!(self, vtab.commit, (u64,), Unit, (table,)),
            TxnStep::Rollback => call!(self, vtab.rollback, (u64,), Unit, (table,)),
        })
    }

    pub(crate) fn vtab_rename(&mut self, table: u64, new_name: &str) -> CallResult<()> {
        Ok(call!(self, vtab.rename, (u64, &str), Unit, (table, new_name)))
    }
}
