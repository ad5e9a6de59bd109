//! Virtual table modules on a native connection: the `sqlite3_module`
//! callbacks, and the glue from them to the extension's `vtab` interface.
//!
//! Rows cross the boundary in batches: `xFilter` and `xNext` fetch a batch
//! when the one held is used up, and `xColumn`, `xRowid` and `xEof` are
//! answered from the host's copy of it, without calling the extension.
//! Batches start small (a `LIMIT` pays for little) and grow while a scan
//! goes on.
//!
//! Columns: SQLite tells `xBestIndex` which columns a query uses but does
//! not tell `xFilter`, so each table remembers the columns used by every
//! plan it handed out (by idxNum and idxStr) and asks `filter` for those.
//! Writable tables always fetch every column (UPDATE reads them all).

use super::batch::Batch;
use super::extension_error;
use crate::error::Error;
use crate::instance::Live;
use crate::instance::vtab::{IndexConstraint, IndexInfo, IndexOrder, RowChange, TableArgs, TxnStep};
use crate::wit::{SqlError, Value, ValueRef};
use sqlink_sqlite::{ffi, result};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

/// The first batch of a scan holds at most this many rows...
const FIRST_BATCH: u32 = 64;
/// ...and each next one four times as many as the last, up to this.
const MAX_BATCH: u32 = 4096;
/// Consecutive empty batches (without `done`) taken as a broken scan.
const MAX_EMPTY_BATCHES: u32 = 1000;
/// SQLite's SQLITE_INDEX_SCAN_UNIQUE.
const SCAN_UNIQUE: c_int = 1;

/// What a module name serves: module `id` of an extension instance.
pub(crate) struct ModuleTarget {
    pub live: Arc<Live>,
    pub id: u32,
    /// Tables are DIRECTONLY (the extension reaches beyond pure
    /// computation), else INNOCUOUS.
    pub direct_only: bool,
    /// Writable: every scan fetches every column.
    pub writable: bool,
}

/// The `sqlite3_module` for a module of this shape.
pub(crate) fn module_for(eponymous: bool, eponymous_only: bool, writable: bool) -> &'static ffi::sqlite3_module {
    match (eponymous_only, eponymous, writable) {
        (true, _, false) => &EPONYMOUS_ONLY,
        (true, _, true) => &EPONYMOUS_ONLY_RW,
        (false, true, false) => &EPONYMOUS,
        (false, true, true) => &EPONYMOUS_RW,
        (false, false, false) => &CREATABLE,
        (false, false, true) => &CREATABLE_RW,
    }
}

/// The callbacks of a module. `create`: how CREATE VIRTUAL TABLE connects
/// (None: it is refused, the module is eponymous only; `x_connect`: the
/// module is eponymous, SQLite's rule for xCreate == xConnect).
const fn module(create: Option<XConnect>, writable: bool) -> ffi::sqlite3_module {
    // SAFETY: all-zero is every callback absent. Starting from it leaves
    // out the callbacks of newer SQLite versions (whose fields only some
    // builds of the bindings have), which version 1 does not use.
    let mut m: ffi::sqlite3_module = unsafe { std::mem::zeroed() };
    m.iVersion = 1;
    m.xCreate = create;
    m.xConnect = Some(x_connect);
    m.xBestIndex = Some(x_best_index);
    m.xDisconnect = Some(x_disconnect);
    m.xDestroy = Some(x_destroy);
    m.xOpen = Some(x_open);
    m.xClose = Some(x_close);
    m.xFilter = Some(x_filter);
    m.xNext = Some(x_next);
    m.xEof = Some(x_eof);
    m.xColumn = Some(x_column);
    m.xRowid = Some(x_rowid);
    if writable {
        m.xUpdate = Some(x_update);
        m.xBegin = Some(x_begin);
        m.xSync = Some(x_sync);
        m.xCommit = Some(x_commit);
        m.xRollback = Some(x_rollback);
        m.xRename = Some(x_rename);
    }
    m
}

type XConnect = unsafe extern "C" fn(*mut ffi::sqlite3, *mut c_void, c_int, *const *const c_char, *mut *mut ffi::sqlite3_vtab, *mut *mut c_char) -> c_int;

static EPONYMOUS_ONLY: ffi::sqlite3_module = module(None, false);
static EPONYMOUS_ONLY_RW: ffi::sqlite3_module = module(None, true);
static EPONYMOUS: ffi::sqlite3_module = module(Some(x_connect), false);
static EPONYMOUS_RW: ffi::sqlite3_module = module(Some(x_connect), true);
static CREATABLE: ffi::sqlite3_module = module(Some(x_create), false);
static CREATABLE_RW: ffi::sqlite3_module = module(Some(x_create), true);

/// A connected table: SQLite's `sqlite3_vtab` first, then ours.
#[repr(C)]
struct Table {
    base: ffi::sqlite3_vtab,
    live: Arc<Live>,
    module: u32,
    writable: bool,
    /// How it was connected, to connect again after the instance restarts.
    args: TableArgs,
    /// The extension's handle, valid for instance generation `generation`.
    handle: Cell<u64>,
    generation: Cell<u64>,
    /// Columns used by each plan handed out, by (idxNum, idxStr).
    columns: RefCell<HashMap<(i32, Option<Vec<u8>>), u64>>,
}

/// An open cursor: SQLite's `sqlite3_vtab_cursor` first, then ours.
#[repr(C)]
struct Cursor {
    base: ffi::sqlite3_vtab_cursor,
    /// The extension's handle, valid for instance generation `generation`.
    handle: u64,
    generation: u64,
    batch: Batch,
    /// Rows to ask for next.
    next_size: u32,
}

impl Table {
    fn name(&self) -> &str {
        self.live.name()
    }

    /// The extension's handle for this table, connecting it again when the
    /// instance was restarted (after a trap) since it was connected.
    fn handle(&self) -> Result<u64, Error> {
        if self.generation.get() == self.live.generation() {
            return Ok(self.handle.get());
        }
        let generation = self.live.generation();
        let declared = self.live.call(|inst| inst.vtab_connect(self.module, self.args.clone(), false))?.map_err(|e| extension_error(self.name(), e))?;
        self.handle.set(declared.table);
        self.generation.set(generation);
        Ok(declared.table)
    }

    /// The columns a scan with this plan fetches.
    fn columns_for(&self, idx_num: i32, idx_str: Option<&[u8]>) -> u64 {
        if self.writable {
            return u64::MAX;
        }
        self.columns.borrow().get(&(idx_num, idx_str.map(<[u8]>::to_vec))).copied().unwrap_or(u64::MAX)
    }

    /// Reports `e` through `zErrMsg` and returns its code.
    fn fail(&mut self, e: Error) -> c_int {
        // SAFETY: zErrMsg is null or was allocated by SQLite's allocator.
        unsafe {
            ffi::sqlite3_free(self.base.zErrMsg.cast());
            self.base.zErrMsg = sqlite_string(&e.message);
        }
        if e.code == 0 { ffi::SQLITE_ERROR } else { e.code }
    }
}

/// `msg` copied into memory from SQLite's allocator (null if that fails).
fn sqlite_string(msg: &str) -> *mut c_char {
    let bytes = msg.as_bytes();
    // SAFETY: a fresh allocation of len + 1 bytes, filled before use.
    unsafe {
        let p = ffi::sqlite3_malloc64(bytes.len() as u64 + 1).cast::<u8>();
        if !p.is_null() {
            for (i, &b) in bytes.iter().enumerate() {
                *p.add(i) = if b == 0 { b' ' } else { b };
            }
            *p.add(bytes.len()) = 0;
        }
        p.cast()
    }
}

/// Runs a callback body, turning panics into an error.
fn guarded(body: impl FnOnce() -> Result<c_int, Error>) -> Result<c_int, Error> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| Err(Error::new("sqlink: internal error (panic) in a virtual table callback")))
}

/// Runs a table callback body; an error is reported on the table.
///
/// # Safety
/// `vtab` must be a [`Table`] made by [`connect`].
unsafe fn on_table(vtab: *mut ffi::sqlite3_vtab, body: impl FnOnce(&Table) -> Result<c_int, Error>) -> c_int {
    // SAFETY: per the function contract.
    let table = unsafe { &mut *vtab.cast::<Table>() };
    match guarded(|| body(table)) {
        Ok(rc) => rc,
        Err(e) => table.fail(e),
    }
}

/// Runs a cursor callback body; an error is reported on its table.
///
/// # Safety
/// `cur` must be a [`Cursor`] made by [`x_open`].
unsafe fn on_cursor(cur: *mut ffi::sqlite3_vtab_cursor, body: impl FnOnce(&Table, &mut Cursor) -> Result<c_int, Error>) -> c_int {
    // SAFETY: per the function contract; the cursor's table outlives it.
    let (cursor, table) = unsafe {
        let cursor = &mut *cur.cast::<Cursor>();
        let table = &mut *cursor.base.pVtab.cast::<Table>();
        (cursor, table)
    };
    match guarded(|| body(table, cursor)) {
        Ok(rc) => rc,
        Err(e) => table.fail(e),
    }
}

/// The error of a call that returned one.
fn settled<T>(table: &Table, r: Result<Result<T, SqlError>, Error>) -> Result<T, Error> {
    r?.map_err(|e| extension_error(table.name(), e))
}

unsafe extern "C" fn x_create(
    db: *mut ffi::sqlite3,
    aux: *mut c_void,
    argc: c_int,
    argv: *const *const c_char,
    out: *mut *mut ffi::sqlite3_vtab,
    err: *mut *mut c_char,
) -> c_int {
    // SAFETY: SQLite's arguments, passed on.
    unsafe { connect(db, aux, argc, argv, out, err, true) }
}

unsafe extern "C" fn x_connect(
    db: *mut ffi::sqlite3,
    aux: *mut c_void,
    argc: c_int,
    argv: *const *const c_char,
    out: *mut *mut ffi::sqlite3_vtab,
    err: *mut *mut c_char,
) -> c_int {
    // SAFETY: SQLite's arguments, passed on.
    unsafe { connect(db, aux, argc, argv, out, err, false) }
}

/// xCreate and xConnect: the extension creates or connects the table and
/// declares its schema.
///
/// # Safety
/// SQLite's arguments to xCreate/xConnect of a module registered with a
/// [`ModuleTarget`] as its client data.
unsafe fn connect(
    db: *mut ffi::sqlite3,
    aux: *mut c_void,
    argc: c_int,
    argv: *const *const c_char,
    out: *mut *mut ffi::sqlite3_vtab,
    err: *mut *mut c_char,
    create: bool,
) -> c_int {
    // SAFETY: per the function contract.
    let target = unsafe { &*aux.cast::<ModuleTarget>() };
    // SAFETY: SQLite passes `argc` NUL-terminated strings.
    let words: Vec<String> = (0..argc as usize).map(|i| unsafe { CStr::from_ptr(*argv.add(i)) }.to_string_lossy().into_owned()).collect();
    let result = guarded(|| {
        let [_, database, table, arguments @ ..] = words.as_slice() else { return Err(Error::new("SQLite passed too few module arguments")) };
        let args = TableArgs { database: database.clone(), table: table.clone(), arguments: arguments.to_vec() };
        let live = &target.live;
        let generation = live.generation();
        let declared = live.call(|inst| inst.vtab_connect(target.id, args.clone(), create))?.map_err(|e| extension_error(live.name(), e))?;
        let disconnect = || {
            let _ = live.call(|inst| inst.vtab_disconnect(declared.table));
        };
        let Ok(schema) = CString::new(declared.schema.as_str()) else {
            disconnect();
            return Err(Error::new(format!("{}: the declared schema contains a NUL byte", live.name())));
        };
        // SAFETY: called from xCreate/xConnect with their connection.
        let rc = unsafe { ffi::sqlite3_declare_vtab(db, schema.as_ptr()) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: valid connection.
            let why = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) }.to_string_lossy().into_owned();
            disconnect();
            return Err(Error::with_code(rc, format!("{}: invalid table schema `{}`: {why}", live.name(), declared.schema)));
        }
        let flag = if target.direct_only { ffi::SQLITE_VTAB_DIRECTONLY } else { ffi::SQLITE_VTAB_INNOCUOUS };
        // SAFETY: called from xCreate/xConnect with their connection.
        unsafe { ffi::sqlite3_vtab_config(db, flag) };
        let table = Box::new(Table {
            // SAFETY: all-zero is SQLite's expected initial `sqlite3_vtab`.
            base: unsafe { std::mem::zeroed() },
            live: live.clone(),
            module: target.id,
            writable: target.writable,
            args,
            handle: Cell::new(declared.table),
            generation: Cell::new(generation),
            columns: RefCell::new(HashMap::new()),
        });
        // SAFETY: SQLite takes the table; xDisconnect/xDestroy free it.
        unsafe { *out = Box::into_raw(table).cast() };
        Ok(ffi::SQLITE_OK)
    });
    match result {
        Ok(rc) => rc,
        Err(e) => {
            // SAFETY: SQLite frees *err with its allocator.
            unsafe { *err = sqlite_string(&e.message) };
            if e.code == 0 { ffi::SQLITE_ERROR } else { e.code }
        }
    }
}

unsafe extern "C" fn x_best_index(vtab: *mut ffi::sqlite3_vtab, info: *mut ffi::sqlite3_index_info) -> c_int {
    // SAFETY: SQLite's table and planning question.
    unsafe {
        on_table(vtab, |table| {
            let question = &mut *info;
            let constraints = raw_slice(question.aConstraint, question.nConstraint);
            let offered = constraints
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let mut rhs = std::ptr::null_mut();
                    let known = c.usable != 0 && ffi::sqlite3_vtab_rhs_value(info, i as c_int, &mut rhs) == ffi::SQLITE_OK && !rhs.is_null();
                    IndexConstraint {
                        column: c.iColumn,
                        op: c.op,
                        usable: c.usable != 0,
                        rhs: known.then(|| owned(sqlink_sqlite::ValueRef::from_raw(rhs))),
                    }
                })
                .collect();
            let order_by = raw_slice(question.aOrderBy, question.nOrderBy).iter().map(|o| IndexOrder { column: o.iColumn, desc: o.desc != 0 }).collect();
            let columns_used = question.colUsed;
            let ask = IndexInfo { constraints: offered, order_by, columns_used, distinct: ffi::sqlite3_vtab_distinct(info) as u8 };
            let handle = table.handle()?;
            let plan = match table.live.call(|inst| inst.vtab_best_index(handle, ask))? {
                Ok(plan) => plan,
                // SQLITE_CONSTRAINT: this combination of constraints cannot
                // be used; SQLite tries another.
                Err(e) if e.code & 0xff == ffi::SQLITE_CONSTRAINT => return Ok(ffi::SQLITE_CONSTRAINT),
                Err(e) => return Err(extension_error(table.name(), e)),
            };
            if plan.usage.len() != constraints.len() {
                return Err(Error::new(format!(
                    "{}: best-index answered {} constraint uses for {} constraints",
                    table.name(),
                    plan.usage.len(),
                    constraints.len()
                )));
            }
            let usage = std::slice::from_raw_parts_mut(question.aConstraintUsage, constraints.len());
            for (slot, u) in usage.iter_mut().zip(&plan.usage) {
                slot.argvIndex = u.argv_index as c_int;
                slot.omit = u.omit as u8;
            }
            question.idxNum = plan.idx_num;
            if let Some(s) = &plan.idx_str {
                question.idxStr = sqlite_string(s);
                question.needToFreeIdxStr = 1;
            }
            question.orderByConsumed = plan.order_by_consumed as c_int;
            question.estimatedCost = plan.estimated_cost;
            question.estimatedRows = plan.estimated_rows;
            if plan.unique {
                question.idxFlags |= SCAN_UNIQUE;
            }
            let key = (plan.idx_num, plan.idx_str.map(String::into_bytes));
            *table.columns.borrow_mut().entry(key).or_insert(0) |= columns_used;
            Ok(ffi::SQLITE_OK)
        })
    }
}

/// `n` elements at `p` (none when `n` is 0, whatever `p`).
///
/// # Safety
/// `p` must point to `n` elements valid for `'a`.
unsafe fn raw_slice<'a, T>(p: *const T, n: c_int) -> &'a [T] {
    // SAFETY: per the function contract.
    if n <= 0 || p.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(p, n as usize) } }
}

fn owned(v: sqlink_sqlite::ValueRef<'_>) -> Value {
    use sqlink_sqlite::ValueRef as V;
    match v {
        V::Null => Value::Null,
        V::Integer(i) => Value::Integer(i),
        V::Real(r) => Value::Real(r),
        V::Text(t) => Value::Text(t.to_vec()),
        V::Blob(b) => Value::Blob(b.to_vec()),
    }
}

unsafe extern "C" fn x_disconnect(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite gives back a table made by `connect`, once.
    let table = unsafe { Box::from_raw(vtab.cast::<Table>()) };
    if table.generation.get() == table.live.generation() {
        let handle = table.handle.get();
        let _ = guarded(|| table.live.call(|inst| inst.vtab_disconnect(handle)).map(|()| ffi::SQLITE_OK));
    }
    // SAFETY: zErrMsg is null or from SQLite's allocator.
    unsafe { ffi::sqlite3_free(table.base.zErrMsg.cast()) };
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_destroy(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table; it is freed only when destroying succeeds.
    let rc = unsafe {
        on_table(vtab, |table| {
            let handle = table.handle()?;
            settled(table, table.live.call(|inst| inst.vtab_destroy(handle)))?;
            Ok(ffi::SQLITE_OK)
        })
    };
    if rc == ffi::SQLITE_OK {
        // SAFETY: made by `connect`; SQLite forgets it after this success.
        let table = unsafe { Box::from_raw(vtab.cast::<Table>()) };
        // SAFETY: zErrMsg is null or from SQLite's allocator.
        unsafe { ffi::sqlite3_free(table.base.zErrMsg.cast()) };
    }
    rc
}

unsafe extern "C" fn x_open(vtab: *mut ffi::sqlite3_vtab, out: *mut *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite's table and out-pointer.
    unsafe {
        on_table(vtab, |table| {
            let (handle, generation) = open_cursor(table)?;
            let cursor = Box::new(Cursor {
                // SAFETY: SQLite fills in pVtab itself.
                base: std::mem::zeroed(),
                handle,
                generation,
                batch: Batch::default(),
                next_size: FIRST_BATCH,
            });
            *out = Box::into_raw(cursor).cast();
            Ok(ffi::SQLITE_OK)
        })
    }
}

/// Opens a cursor in the extension: its handle and instance generation.
fn open_cursor(table: &Table) -> Result<(u64, u64), Error> {
    let handle = table.handle()?;
    let generation = table.live.generation();
    let cursor = settled(table, table.live.call(|inst| inst.vtab_open(handle)))?;
    Ok((cursor, generation))
}

unsafe extern "C" fn x_close(cur: *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite gives back a cursor made by `x_open`, once; its table
    // is still connected.
    let cursor = unsafe { Box::from_raw(cur.cast::<Cursor>()) };
    // SAFETY: as above.
    let table = unsafe { &*cursor.base.pVtab.cast::<Table>() };
    if cursor.generation == table.live.generation() {
        let handle = cursor.handle;
        let _ = guarded(|| table.live.call(|inst| inst.vtab_close(handle)).map(|()| ffi::SQLITE_OK));
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_filter(cur: *mut ffi::sqlite3_vtab_cursor, idx_num: c_int, idx_str: *const c_char, argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> c_int {
    // SAFETY: SQLite's cursor and arguments.
    unsafe {
        on_cursor(cur, |table, cursor| {
            if cursor.generation != table.live.generation() {
                // The instance restarted since the cursor was opened.
                (cursor.handle, cursor.generation) = open_cursor(table)?;
            }
            let idx_str = (!idx_str.is_null()).then(|| CStr::from_ptr(idx_str));
            let columns = table.columns_for(idx_num, idx_str.map(CStr::to_bytes));
            let idx_str = idx_str.map(|s| s.to_string_lossy());
            let args: Vec<ValueRef<'_>> = sqlink_sqlite::arguments(argc, argv).iter().map(|&v| sqlink_sqlite::ValueRef::from_raw(v).into()).collect();
            cursor.next_size = FIRST_BATCH;
            let handle = cursor.handle;
            let size = cursor.next_size;
            let batch = settled(table, table.live.call(|inst| inst.vtab_filter(handle, idx_num, idx_str.as_deref(), &args, columns, size)))?;
            cursor.batch = Batch::new(batch, columns).map_err(|e| e.context(table.name()))?;
            fill(table, cursor)
        })
    }
}

/// Fetches batches until a row is at hand or the scan is done.
fn fill(table: &Table, cursor: &mut Cursor) -> Result<c_int, Error> {
    let mut empty = 0;
    while !cursor.batch.has_row() && !cursor.batch.done() {
        empty += 1;
        if empty > MAX_EMPTY_BATCHES {
            return Err(Error::new(format!("{}: the scan returned {MAX_EMPTY_BATCHES} empty batches in a row without finishing", table.name())));
        }
        cursor.next_size = (cursor.next_size.saturating_mul(4)).min(MAX_BATCH);
        let (handle, size) = (cursor.handle, cursor.next_size);
        let batch = settled(table, table.live.call(|inst| inst.vtab_fetch(handle, size)))?;
        cursor.batch = Batch::new(batch, cursor.batch.columns()).map_err(|e| e.context(table.name()))?;
    }
    Ok(ffi::SQLITE_OK)
}

unsafe extern "C" fn x_next(cur: *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite's cursor.
    unsafe {
        on_cursor(cur, |table, cursor| {
            cursor.batch.advance();
            fill(table, cursor)
        })
    }
}

unsafe extern "C" fn x_eof(cur: *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite's cursor, made by `x_open`.
    let cursor = unsafe { &*cur.cast::<Cursor>() };
    !cursor.batch.has_row() as c_int
}

unsafe extern "C" fn x_column(cur: *mut ffi::sqlite3_vtab_cursor, ctx: *mut ffi::sqlite3_context, column: c_int) -> c_int {
    // SAFETY: SQLite's cursor, made by `x_open`, and the column's context.
    unsafe {
        let cursor = &*cur.cast::<Cursor>();
        match cursor.batch.value(column as u32) {
            Some(v) => result::value(ctx, v),
            None => {
                let table = &*cursor.base.pVtab.cast::<Table>();
                result::error(ctx, ffi::SQLITE_ERROR, &format!("{}: column {column} was not fetched for this scan", table.name()));
            }
        }
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_rowid(cur: *mut ffi::sqlite3_vtab_cursor, rowid: *mut ffi::sqlite3_int64) -> c_int {
    // SAFETY: SQLite's cursor, made by `x_open`, and its out-pointer.
    unsafe {
        let cursor = &*cur.cast::<Cursor>();
        *rowid = cursor.batch.rowid();
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_update(vtab: *mut ffi::sqlite3_vtab, argc: c_int, argv: *mut *mut ffi::sqlite3_value, rowid: *mut ffi::sqlite3_int64) -> c_int {
    // SAFETY: SQLite's table, arguments and out-pointer.
    unsafe {
        on_table(vtab, |table| {
            let args: Vec<Value> = sqlink_sqlite::arguments(argc, argv).iter().map(|&v| owned(sqlink_sqlite::ValueRef::from_raw(v))).collect();
            let as_rowid = |v: &Value| match v {
                Value::Integer(i) => Ok(Some(*i)),
                Value::Null => Ok(None),
                _ => Err(Error::with_code(ffi::SQLITE_MISMATCH, "rowid must be an integer")),
            };
            let change = match args.as_slice() {
                [old] => RowChange::Delete(as_rowid(old)?.unwrap_or_default()),
                [Value::Null, new, values @ ..] => RowChange::Insert((as_rowid(new)?, values.to_vec())),
                [old, new, values @ ..] => {
                    let old = as_rowid(old)?.unwrap_or_default();
                    RowChange::Update((old, as_rowid(new)?.unwrap_or(old), values.to_vec()))
                }
                [] => return Err(Error::new("xUpdate without arguments")),
            };
            let inserted = matches!(change, RowChange::Insert(_));
            let handle = table.handle()?;
            let new_rowid = settled(table, table.live.call(|inst| inst.vtab_update(handle, change)))?;
            if inserted && let Some(r) = new_rowid {
                *rowid = r;
            }
            Ok(ffi::SQLITE_OK)
        })
    }
}

/// A transaction step on a table.
///
/// # Safety
/// `vtab` must be a table made by `connect`.
unsafe fn txn(vtab: *mut ffi::sqlite3_vtab, step: TxnStep) -> c_int {
    // SAFETY: per the function contract.
    unsafe {
        on_table(vtab, |table| {
            let handle = table.handle()?;
            settled(table, table.live.call(|inst| inst.vtab_txn(handle, step)))?;
            Ok(ffi::SQLITE_OK)
        })
    }
}

unsafe extern "C" fn x_begin(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { txn(vtab, TxnStep::Begin) }
}

unsafe extern "C" fn x_sync(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { txn(vtab, TxnStep::Sync) }
}

unsafe extern "C" fn x_commit(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { txn(vtab, TxnStep::Commit) }
}

unsafe extern "C" fn x_rollback(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { txn(vtab, TxnStep::Rollback) }
}

unsafe extern "C" fn x_rename(vtab: *mut ffi::sqlite3_vtab, new_name: *const c_char) -> c_int {
    // SAFETY: SQLite's table and a NUL-terminated name.
    unsafe {
        on_table(vtab, |table| {
            let name = CStr::from_ptr(new_name).to_string_lossy();
            let handle = table.handle()?;
            settled(table, table.live.call(|inst| inst.vtab_rename(handle, &name)))?;
            Ok(ffi::SQLITE_OK)
        })
    }
}
