//! The `vtab` import of `sqlite-core`, served from the loaded extensions.
//!
//! sqlite-core holds handles this host hands out, each standing for a
//! member's own table or cursor handle. A table whose member was restarted
//! (after a trap) is connected again on its next use, as the native host
//! does; a cursor of the old instance reports that its scan was cut short.

use super::imports::CoreState;
use super::union::Union;
use super::wit::ext::vtab as core;
use crate::instance::{CallResult, Instance, Live};
use crate::instance::vtab::{self as ext, DeclaredTable, IndexInfo, IndexPlan, RowBatch, RowChange, TableArgs, WriteContext};
use crate::wit::{SqlError, Value, ValueRef};
use std::collections::HashMap;
use std::sync::Arc;

/// A table sqlite-core holds.
struct Table {
    live: Arc<Live>,
    module: u32,
    args: TableArgs,
    handle: u64,
    generation: u64,
}

/// A cursor sqlite-core holds.
struct Cursor {
    live: Arc<Live>,
    handle: u64,
    generation: u64,
}

/// The tables and cursors handed to sqlite-core, by the handles it holds.
#[derive(Default)]
pub(crate) struct Handles {
    tables: HashMap<u64, Table>,
    cursors: HashMap<u64, Cursor>,
    next: u64,
}

fn error(message: String) -> SqlError {
    SqlError { code: 1, message }
}

impl Handles {
    fn fresh(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    /// The member's handle of table `table`, connecting it again if its
    /// instance was restarted since.
    fn table(&mut self, table: u64) -> Result<(Arc<Live>, u64), SqlError> {
        let t = self.tables.get_mut(&table).ok_or_else(|| error(format!("no virtual table with handle {table}")))?;
        if t.generation != t.live.generation() {
            let generation = t.live.generation();
            let (module, args) = (t.module, t.args.clone());
            t.handle = Union::call(&t.live, |inst| inst.vtab_connect(module, args, false))?.table;
            t.generation = generation;
        }
        Ok((t.live.clone(), t.handle))
    }

    fn cursor(&self, cursor: u64) -> Result<(Arc<Live>, u64), SqlError> {
        let c = self.cursors.get(&cursor).ok_or_else(|| error(format!("no virtual table cursor with handle {cursor}")))?;
        if c.generation != c.live.generation() {
            return Err(error(format!("{}: the extension was restarted during the scan", c.live.name())));
        }
        Ok((c.live.clone(), c.handle))
    }
}

impl CoreState {
    /// Runs a call on `live`: inline, or on the relay if it may run SQL (a
    /// suspended call is an error with the relay's code).
    fn run<T: Send + 'static>(&mut self, live: Arc<Live>, call: impl FnOnce(&mut Instance) -> CallResult<T> + Send + 'static) -> Result<T, SqlError> {
        if live.runs_sql() {
            return self.relay.call(move || Union::call(&live, call)).or_suspended();
        }
        Union::call(&live, call)
    }

    fn table(&mut self, table: u64) -> Result<(Arc<Live>, u64), SqlError> {
        self.union().handles.table(table)
    }

    fn connect(&mut self, module: u32, args: TableArgs, create: bool) -> Result<DeclaredTable, SqlError> {
        let (live, id) = self.union().vtab_route(module)?;
        let generation = live.generation();
        let call_args = args.clone();
        let declared = self.run(live.clone(), move |inst| inst.vtab_connect(id, call_args, create))?;
        let mut union = self.union();
        let handle = union.handles.fresh();
        union.handles.tables.insert(handle, Table { live, module: id, args, handle: declared.table, generation });
        Ok(DeclaredTable { table: handle, schema: declared.schema })
    }

    fn transaction(&mut self, table: u64, step: ext::TxnStep) -> Result<(), SqlError> {
        let (live, handle) = self.table(table)?;
        self.run(live, move |inst| inst.vtab_txn(handle, step))
    }
}

impl core::Host for CoreState {
    fn create(&mut self, module: u32, args: TableArgs) -> Result<DeclaredTable, SqlError> {
        self.connect(module, args, true)
    }

    fn connect(&mut self, module: u32, args: TableArgs) -> Result<DeclaredTable, SqlError> {
        CoreState::connect(self, module, args, false)
    }

    fn best_index(&mut self, table: u64, info: IndexInfo) -> Result<IndexPlan, SqlError> {
        let (live, handle) = self.table(table)?;
        self.run(live, move |inst| inst.vtab_best_index(handle, info))
    }

    fn disconnect(&mut self, table: u64) {
        let mut union = self.union();
        if let Some(t) = union.handles.tables.remove(&table)
            && t.generation == t.live.generation()
        {
            let _ = t.live.call(|inst| inst.vtab_disconnect(t.handle));
        }
    }

    fn destroy(&mut self, table: u64) -> Result<(), SqlError> {
        let (live, handle) = self.table(table)?;
        self.run(live, move |inst| inst.vtab_destroy(handle))?;
        self.union().handles.tables.remove(&table);
        Ok(())
    }

    fn open(&mut self, table: u64) -> Result<u64, SqlError> {
        let (live, handle) = self.table(table)?;
        let generation = live.generation();
        let cursor = self.run(live.clone(), move |inst| inst.vtab_open(handle))?;
        let mut union = self.union();
        let ours = union.handles.fresh();
        union.handles.cursors.insert(ours, Cursor { live, handle: cursor, generation });
        Ok(ours)
    }

    fn close(&mut self, cursor: u64) {
        let mut union = self.union();
        if let Some(c) = union.handles.cursors.remove(&cursor)
            && c.generation == c.live.generation()
        {
            let _ = c.live.call(|inst| inst.vtab_close(c.handle));
        }
    }

    fn filter(
        &mut self,
        cursor: u64,
        idx_num: i32,
        idx_str: Option<String>,
        args: Vec<Value>,
        arg_subtypes: Vec<(u32, u8)>,
        in_lists: Vec<(u32, Vec<Value>)>,
        columns: u64,
        max_rows: u32,
    ) -> Result<RowBatch, SqlError> {
        let (live, handle) = self.union().handles.cursor(cursor)?;
        self.run(live, move |inst| {
            let args: Vec<ValueRef<'_>> = args.iter().map(ValueRef::from).collect();
            let in_lists: Vec<(u32, Vec<ValueRef<'_>>)> = in_lists.iter().map(|(at, list)| (*at, list.iter().map(ValueRef::from).collect())).collect();
            inst.vtab_filter(handle, idx_num, idx_str.as_deref(), &args, &arg_subtypes, &in_lists, columns, max_rows)
        })
    }

    fn fetch(&mut self, cursor: u64, max_rows: u32) -> Result<RowBatch, SqlError> {
        let (live, handle) = self.union().handles.cursor(cursor)?;
        self.run(live, move |inst| inst.vtab_fetch(handle, max_rows))
    }

    fn update(&mut self, table: u64, change: RowChange, context: WriteContext) -> Result<Option<i64>, SqlError> {
        let (live, handle) = self.table(table)?;
        self.run(live, move |inst| inst.vtab_update(handle, change, context))
    }

    fn begin(&mut self, table: u64) -> Result<(), SqlError> {
        self.transaction(table, ext::TxnStep::Begin)
    }

    fn sync(&mut self, table: u64) -> Result<(), SqlError> {
        self.transaction(table, ext::TxnStep::Sync)
    }

    fn commit(&mut self, table: u64) -> Result<(), SqlError> {
        self.transaction(table, ext::TxnStep::Commit)
    }

    fn rollback(&mut self, table: u64) -> Result<(), SqlError> {
        self.transaction(table, ext::TxnStep::Rollback)
    }

    fn rename(&mut self, table: u64, new_name: String) -> Result<(), SqlError> {
        let (live, handle) = self.table(table)?;
        self.run(live, move |inst| inst.vtab_rename(handle, &new_name))
    }
}
