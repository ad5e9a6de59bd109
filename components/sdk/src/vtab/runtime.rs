//! The extension's side of the `vtab` interface: the generated exports call
//! these functions (one per contract function, same signature), which keep
//! the tables and cursors SQLite holds handles to, convert between the
//! contract's records and the SDK's types, call the table's trait methods,
//! and pack rows into batches.
//!
//! Extension code never uses this module.

use super::registry::{DynRows, DynTable, Module, TableEvent};
use super::rows::{BatchFill, empty_batch};
use super::schema;
use super::{Columns, Constraint, ConstraintOp, ConstraintUse, IndexInfo, IndexPlan, OrderBy, Scan, TableArgs};
use crate::error::{Error, Result, sql_error};
use crate::value::Value;
use crate::wit::types::SqlError;
use crate::wit::vtab_types as contract;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Values that a host hands back unchanged, numbered from 1, never reused.
struct Handles<T> {
    next: u64,
    items: HashMap<u64, T>,
}

impl<T: Clone> Handles<T> {
    fn insert(&mut self, item: T) -> u64 {
        self.next += 1;
        self.items.insert(self.next, item);
        self.next
    }
    fn get(&self, handle: u64, what: &str) -> Result<T> {
        self.items.get(&handle).cloned().ok_or_else(|| Error::new(format!("no open {what} with handle {handle}")))
    }
}

/// A connected table and the shape of its rows.
struct OpenTable {
    table: RefCell<Box<dyn DynTable>>,
    /// The number of declared columns.
    width: usize,
}

/// A cursor, between scans or in one.
struct Cursor {
    table: Rc<OpenTable>,
    scan: Option<Scanning>,
}

/// A scan in progress: its rows, and how they are packed.
struct Scanning {
    rows: DynRows,
    fill: BatchFill,
    /// The rows ran out.
    done: bool,
}

thread_local! {
    static TABLES: RefCell<Handles<Rc<OpenTable>>> = RefCell::new(Handles { next: 0, items: HashMap::new() });
    static CURSORS: RefCell<Handles<Rc<RefCell<Cursor>>>> = RefCell::new(Handles { next: 0, items: HashMap::new() });
}

fn table(handle: u64) -> Result<Rc<OpenTable>> {
    TABLES.with(|t| t.borrow().get(handle, "virtual table"))
}

fn cursor(handle: u64) -> Result<Rc<RefCell<Cursor>>> {
    CURSORS.with(|c| c.borrow().get(handle, "virtual table cursor"))
}

fn module(modules: &[Module], id: u32) -> Result<&Module> {
    modules.get(id as usize).ok_or_else(|| Error::new(format!("no virtual table module with id {id}")))
}

fn table_args(module: &Module, args: contract::TableArgs) -> TableArgs {
    TableArgs { module: module.name.to_string(), database: args.database, table: args.table, arguments: args.arguments }
}

fn keep(schema: String, table: Box<dyn DynTable>) -> Result<contract::DeclaredTable> {
    let width = schema::columns(&schema)?.len();
    let open = Rc::new(OpenTable { table: RefCell::new(table), width });
    let handle = TABLES.with(|t| t.borrow_mut().insert(open));
    Ok(contract::DeclaredTable { table: handle, schema })
}

/// `vtab.connect`: [`Table::connect`](super::Table::connect).
pub fn connect(modules: &[Module], id: u32, args: contract::TableArgs) -> Result<contract::DeclaredTable, SqlError> {
    let connected = module(modules, id).and_then(|m| m.ops.connect(&table_args(m, args)));
    connected.and_then(|(schema, table)| keep(schema, table)).map_err(sql_error)
}

/// `vtab.create`: CREATE VIRTUAL TABLE, through [`CreateTable::create`](super::CreateTable::create), or
/// [`Table::connect`](super::Table::connect) for an eponymous module.
pub fn create(modules: &[Module], id: u32, args: contract::TableArgs) -> Result<contract::DeclaredTable, SqlError> {
    let created = module(modules, id).and_then(|m| {
        if m.eponymous_only {
            return Err(Error::new(format!("no such module: {} (it is a table-valued function only)", m.name)));
        }
        let args = table_args(m, args);
        m.ops.create(&args).unwrap_or_else(|| m.ops.connect(&args))
    });
    created.and_then(|(schema, table)| keep(schema, table)).map_err(sql_error)
}

/// `vtab.best-index`: the table's plan, checked and with one usage entry
/// per offered constraint.
pub fn best_index(handle: u64, info: contract::IndexInfo) -> Result<contract::IndexPlan, SqlError> {
    let info = IndexInfo {
        constraints: info
            .constraints
            .into_iter()
            .map(|c| Constraint { column: c.column, op: ConstraintOp(c.op), usable: c.usable, rhs: c.rhs, in_list: c.in_list })
            .collect(),
        order_by: info.order_by.into_iter().map(|o| OrderBy { column: o.column, desc: o.desc }).collect(),
        columns_used: Columns(info.columns_used),
        distinct: info.distinct,
    };
    let plan = plan(handle, &info).map_err(sql_error)?;
    Ok(contract::IndexPlan {
        usage: plan.usage.into_iter().map(|u| contract::ConstraintUse { argv_index: u.argv_index, omit: u.omit, all_at_once: u.all_at_once }).collect(),
        idx_num: plan.idx_num,
        idx_str: plan.idx_str,
        order_by_consumed: plan.order_by_consumed,
        estimated_cost: plan.estimated_cost,
        estimated_rows: plan.estimated_rows,
        unique: plan.unique,
    })
}

fn plan(handle: u64, info: &IndexInfo) -> Result<IndexPlan> {
    let open = table(handle)?;
    let mut plan = open.table.try_borrow().map_err(|_| busy(handle))?.best_index(info)?;
    let offered = info.constraints.len();
    if plan.usage.len() > offered {
        return Err(Error::new(format!("best_index: {} constraint uses for {offered} constraints", plan.usage.len())));
    }
    plan.usage.resize(offered, ConstraintUse::default());
    // SQLite calls a plan breaking these rules an "xBestIndex malfunction";
    // say which rule instead.
    let mut passed: Vec<u32> = plan.usage.iter().map(|u| u.argv_index).filter(|&a| a > 0).collect();
    passed.sort_unstable();
    if passed.iter().enumerate().any(|(i, &a)| a != i as u32 + 1) {
        return Err(Error::new(format!("best_index: argv indexes must be 1, 2, 3... each used once, got {passed:?}")));
    }
    if let Some(i) = (0..offered).find(|&i| plan.usage[i].argv_index > 0 && !info.constraints[i].usable) {
        return Err(Error::new(format!("best_index: constraint {i} is not usable but is passed")));
    }
    if let Some(i) = (0..offered).find(|&i| plan.usage[i].all_at_once && (plan.usage[i].argv_index == 0 || !info.constraints[i].in_list)) {
        return Err(Error::new(format!("best_index: constraint {i} is taken all at once but is not an IN list passed to the scan")));
    }
    Ok(plan)
}

/// `vtab.disconnect`: drops the table.
pub fn disconnect(handle: u64) {
    TABLES.with(|t| t.borrow_mut().items.remove(&handle));
}

/// `vtab.destroy`: [`CreateTable::destroy`](super::CreateTable::destroy), then drops the table.
pub fn destroy(handle: u64) -> Result<(), SqlError> {
    let open = table(handle).map_err(sql_error)?;
    disconnect(handle);
    let mut table = open.table.try_borrow_mut().map_err(|_| sql_error(busy(handle)))?;
    table.destroy().map_err(sql_error)
}

/// `vtab.open`: a new cursor on the table.
pub fn open(handle: u64) -> Result<u64, SqlError> {
    let table = table(handle).map_err(sql_error)?;
    let cursor = Rc::new(RefCell::new(Cursor { table, scan: None }));
    Ok(CURSORS.with(|c| c.borrow_mut().insert(cursor)))
}

/// `vtab.close`: drops the cursor and its scan.
pub fn close(handle: u64) {
    CURSORS.with(|c| c.borrow_mut().items.remove(&handle));
}

/// `vtab.update`: an INSERT, UPDATE or DELETE.
pub fn update(handle: u64, change: contract::RowChange, context: contract::WriteContext) -> Result<Option<i64>, SqlError> {
    with_table_mut(handle, |t| t.update(change, &context))
}

/// `vtab.begin`.
pub fn begin(handle: u64) -> Result<(), SqlError> {
    with_table_mut(handle, |t| t.event(TableEvent::Begin))
}

/// `vtab.sync`.
pub fn sync(handle: u64) -> Result<(), SqlError> {
    with_table_mut(handle, |t| t.event(TableEvent::Sync))
}

/// `vtab.commit`.
pub fn commit(handle: u64) -> Result<(), SqlError> {
    with_table_mut(handle, |t| t.event(TableEvent::Commit))
}

/// `vtab.rollback`.
pub fn rollback(handle: u64) -> Result<(), SqlError> {
    with_table_mut(handle, |t| t.event(TableEvent::Rollback))
}

/// `vtab.rename`.
pub fn rename(handle: u64, new_name: String) -> Result<(), SqlError> {
    with_table_mut(handle, |t| t.event(TableEvent::Rename(new_name)))
}

fn with_table_mut<R>(handle: u64, f: impl FnOnce(&mut dyn DynTable) -> Result<R>) -> Result<R, SqlError> {
    let open = table(handle).map_err(sql_error)?;
    let mut table = open.table.try_borrow_mut().map_err(|_| sql_error(busy(handle)))?;
    f(&mut **table).map_err(sql_error)
}

fn busy(handle: u64) -> Error {
    Error::new(format!("virtual table {handle} was called again while it was running"))
}

/// `vtab.filter`: starts a scan and returns its first rows.
pub fn filter(
    handle: u64,
    idx_num: i32,
    idx_str: Option<String>,
    args: Vec<Value>,
    arg_subtypes: Vec<(u32, u8)>,
    in_lists: Vec<(u32, Vec<Value>)>,
    columns: u64,
    max_rows: u32,
) -> Result<contract::RowBatch, SqlError> {
    let cursor = cursor(handle).map_err(sql_error)?;
    let mut cursor = cursor.try_borrow_mut().map_err(|_| sql_error(busy(handle)))?;
    // A new scan replaces the last one, which is dropped first.
    cursor.scan = None;
    let columns = Columns(columns);
    let scan = Scan { idx_num, idx_str, args, columns, arg_subtypes, in_lists };
    let table = cursor.table.table.try_borrow().map_err(|_| sql_error(busy(handle)))?;
    let rows = table.scan(&scan).map_err(sql_error)?;
    drop(table);
    let fill = BatchFill::new(cursor.table.width, columns);
    let scanning = cursor.scan.insert(Scanning { rows, fill, done: false });
    next_batch(scanning, max_rows).map_err(sql_error)
}

/// `vtab.fetch`: the next rows of the scan.
pub fn fetch(handle: u64, max_rows: u32) -> Result<contract::RowBatch, SqlError> {
    let cursor = cursor(handle).map_err(sql_error)?;
    let mut cursor = cursor.try_borrow_mut().map_err(|_| sql_error(busy(handle)))?;
    let scanning = cursor.scan.as_mut().ok_or_else(|| sql_error(Error::new("fetch before filter")))?;
    if let Some(error) = scanning.fill.error.take() {
        return Err(sql_error(error));
    }
    next_batch(scanning, max_rows).map_err(sql_error)
}

/// Pulls up to `max_rows` rows and packs the requested columns. An error
/// ends the batch: it is the call's error when no row came before it, and
/// waits for the next fetch otherwise.
fn next_batch(scanning: &mut Scanning, max_rows: u32) -> Result<contract::RowBatch> {
    let mut batch = empty_batch();
    batch.done = scanning.done;
    if !batch.done {
        scanning.rows.fill_from(&mut scanning.fill, &mut batch, max_rows);
    }
    scanning.done = batch.done;
    match scanning.fill.error.take() {
        Some(error) if batch.rowids.is_empty() => Err(error),
        error => {
            scanning.fill.error = error;
            Ok(batch)
        }
    }
}
