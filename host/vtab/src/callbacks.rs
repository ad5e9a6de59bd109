//! The `sqlite3_module` callbacks, generic over how the extension is
//! reached ([`Calls`]).

use crate::{Calls, Change, Constraint, ConstraintUse, IndexInfo, OrderBy, Shape, TableArgs, TxnStep, WriteContext};
use sqlink_abi::batch::{Batch, CellRef};
use sqlink_sqlite::{Db, Error, Value, ValueRef, ffi, result};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The first batch of a scan holds at most this many rows...
const FIRST_BATCH: u32 = 64;
/// ...and each next one four times as many as the last, up to this.
const MAX_BATCH: u32 = 4096;
/// Consecutive empty batches (without `done`) taken as a broken scan.
const MAX_EMPTY_BATCHES: u32 = 1000;
/// SQLite's SQLITE_INDEX_SCAN_UNIQUE.
const SCAN_UNIQUE: c_int = 1;

/// What a registered module serves: module `id` of the extension.
struct Target<C> {
    calls: C,
    id: u32,
    shape: Shape,
}

pub(crate) fn register<C: Calls>(db: Db, name: &str, calls: C, id: u32, shape: Shape, shadow_tables: &[String]) -> Result<(), Error> {
    let (variant, module) = match (shape.eponymous_only, shape.eponymous, shape.writable) {
        (true, _, false) => (0, &Modules::<C>::EPONYMOUS_ONLY),
        (true, _, true) => (1, &Modules::<C>::EPONYMOUS_ONLY_RW),
        (false, true, false) => (2, &Modules::<C>::EPONYMOUS),
        (false, true, true) => (3, &Modules::<C>::EPONYMOUS_RW),
        (false, false, false) => (4, &Modules::<C>::CREATABLE),
        (false, false, true) => (5, &Modules::<C>::CREATABLE_RW),
    };
    let module = if shadow_tables.is_empty() {
        module
    } else {
        crate::shadow::with_shadow_names(module, std::any::TypeId::of::<C>(), variant, shadow_tables)
            .map_err(|e| Error::new(ffi::SQLITE_ERROR, format!("{}: module {name}: {e}", calls.name())))?
    };
    db.create_module(name, module, Box::new(Target { calls, id, shape }))
}

/// The module tables for one kind of [`Calls`] (constants, so a reference
/// to one is `'static`).
struct Modules<C>(PhantomData<C>);

impl<C: Calls> Modules<C> {
    const EPONYMOUS_ONLY: ffi::sqlite3_module = module::<C>(None, false);
    const EPONYMOUS_ONLY_RW: ffi::sqlite3_module = module::<C>(None, true);
    // xCreate == xConnect is how SQLite knows a module is eponymous.
    const EPONYMOUS: ffi::sqlite3_module = module::<C>(Some(x_connect::<C>), false);
    const EPONYMOUS_RW: ffi::sqlite3_module = module::<C>(Some(x_connect::<C>), true);
    const CREATABLE: ffi::sqlite3_module = module::<C>(Some(x_create::<C>), false);
    const CREATABLE_RW: ffi::sqlite3_module = module::<C>(Some(x_create::<C>), true);
}

type XConnect = unsafe extern "C" fn(*mut ffi::sqlite3, *mut c_void, c_int, *const *const c_char, *mut *mut ffi::sqlite3_vtab, *mut *mut c_char) -> c_int;

/// The callbacks of a module. `create`: how CREATE VIRTUAL TABLE connects
/// (None: it is refused, the module is eponymous only).
const fn module<C: Calls>(create: Option<XConnect>, writable: bool) -> ffi::sqlite3_module {
    // SAFETY: all-zero is every callback absent. Starting from it leaves
    // out the callbacks of newer SQLite versions (whose fields only some
    // builds of the bindings have), which version 1 does not use.
    let mut m: ffi::sqlite3_module = unsafe { std::mem::zeroed() };
    m.iVersion = 1;
    m.xCreate = create;
    m.xConnect = Some(x_connect::<C>);
    m.xBestIndex = Some(x_best_index::<C>);
    m.xDisconnect = Some(x_disconnect::<C>);
    m.xDestroy = Some(x_destroy::<C>);
    m.xOpen = Some(x_open::<C>);
    m.xClose = Some(x_close::<C>);
    m.xFilter = Some(x_filter::<C>);
    m.xNext = Some(x_next::<C>);
    m.xEof = Some(x_eof::<C>);
    m.xColumn = Some(x_column::<C>);
    m.xRowid = Some(x_rowid::<C>);
    if writable {
        m.xUpdate = Some(x_update::<C>);
        m.xBegin = Some(x_begin::<C>);
        m.xSync = Some(x_sync::<C>);
        m.xCommit = Some(x_commit::<C>);
        m.xRollback = Some(x_rollback::<C>);
        m.xRename = Some(x_rename::<C>);
    }
    m
}

/// A connected table: SQLite's `sqlite3_vtab` first, then ours.
#[repr(C)]
struct Table<C> {
    base: ffi::sqlite3_vtab,
    calls: C,
    module: u32,
    writable: bool,
    /// How it was connected, to connect again after the instance restarts.
    args: TableArgs,
    /// The extension's handle, valid for instance generation `generation`.
    handle: Cell<u64>,
    generation: Cell<u64>,
    /// Columns used by each plan handed out, by (idxNum, idxStr).
    columns: RefCell<HashMap<(i32, Option<Vec<u8>>), u64>>,
    /// The connection, for `sqlite3_vtab_on_conflict` in xUpdate.
    db: *mut ffi::sqlite3,
    /// Columns SQLite read since the last scan began while telling the
    /// table it would not change them (`sqlite3_vtab_nochange`): those an
    /// UPDATE leaves as they are. Values are still given for them, so a
    /// table that ignores the distinction sees the row's current values.
    unchanged: RefCell<BTreeSet<u32>>,
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

impl<C: Calls> Table<C> {
    fn name(&self) -> &str {
        self.calls.name()
    }

    /// The extension's handle for this table, connecting it again when the
    /// instance was replaced since it was connected.
    fn handle(&self) -> Result<u64, Error> {
        let generation = self.calls.generation();
        if self.generation.get() == generation {
            return Ok(self.handle.get());
        }
        let declared = self.calls.connect(self.module, &self.args, false)?;
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

    /// Opens a cursor in the extension: its handle and the generation.
    fn open_cursor(&self) -> Result<(u64, u64), Error> {
        let handle = self.handle()?;
        let generation = self.calls.generation();
        Ok((self.calls.open(handle)?, generation))
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
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| Err(Error::new(ffi::SQLITE_ERROR, "sqlink: internal error (panic) in a virtual table callback")))
}

/// Runs a table callback body; an error is reported on the table.
///
/// # Safety
/// `vtab` must be a [`Table`] made by [`connect`].
unsafe fn on_table<C: Calls>(vtab: *mut ffi::sqlite3_vtab, body: impl FnOnce(&Table<C>) -> Result<c_int, Error>) -> c_int {
    // SAFETY: per the function contract.
    let table = unsafe { &mut *vtab.cast::<Table<C>>() };
    match guarded(|| body(table)) {
        Ok(rc) => rc,
        Err(e) => table.fail(e),
    }
}

/// Runs a cursor callback body; an error is reported on its table.
///
/// # Safety
/// `cur` must be a [`Cursor`] made by [`x_open`].
unsafe fn on_cursor<C: Calls>(cur: *mut ffi::sqlite3_vtab_cursor, body: impl FnOnce(&Table<C>, &mut Cursor) -> Result<c_int, Error>) -> c_int {
    // SAFETY: per the function contract; the cursor's table outlives it.
    let (cursor, table) = unsafe {
        let cursor = &mut *cur.cast::<Cursor>();
        let table = &mut *cursor.base.pVtab.cast::<Table<C>>();
        (cursor, table)
    };
    match guarded(|| body(table, cursor)) {
        Ok(rc) => rc,
        Err(e) => table.fail(e),
    }
}

unsafe extern "C" fn x_create<C: Calls>(
    db: *mut ffi::sqlite3,
    aux: *mut c_void,
    argc: c_int,
    argv: *const *const c_char,
    out: *mut *mut ffi::sqlite3_vtab,
    err: *mut *mut c_char,
) -> c_int {
    // SAFETY: SQLite's arguments, passed on.
    unsafe { connect::<C>(db, aux, argc, argv, out, err, true) }
}

unsafe extern "C" fn x_connect<C: Calls>(
    db: *mut ffi::sqlite3,
    aux: *mut c_void,
    argc: c_int,
    argv: *const *const c_char,
    out: *mut *mut ffi::sqlite3_vtab,
    err: *mut *mut c_char,
) -> c_int {
    // SAFETY: SQLite's arguments, passed on.
    unsafe { connect::<C>(db, aux, argc, argv, out, err, false) }
}

/// xCreate and xConnect: the extension creates or connects the table and
/// declares its schema.
///
/// # Safety
/// SQLite's arguments to xCreate/xConnect of a module registered by
/// [`register`] with the same `C`.
unsafe fn connect<C: Calls>(
    db: *mut ffi::sqlite3,
    aux: *mut c_void,
    argc: c_int,
    argv: *const *const c_char,
    out: *mut *mut ffi::sqlite3_vtab,
    err: *mut *mut c_char,
    create: bool,
) -> c_int {
    // SAFETY: per the function contract.
    let target = unsafe { &*aux.cast::<Target<C>>() };
    // SAFETY: SQLite passes `argc` NUL-terminated strings.
    let words: Vec<String> = (0..argc.max(0) as usize).map(|i| unsafe { CStr::from_ptr(*argv.add(i)) }.to_string_lossy().into_owned()).collect();
    let result = guarded(|| {
        let [_, database, table, arguments @ ..] = words.as_slice() else {
            return Err(Error::new(ffi::SQLITE_ERROR, "SQLite passed too few module arguments"));
        };
        let args = TableArgs { database: database.clone(), table: table.clone(), arguments: arguments.to_vec() };
        let calls = &target.calls;
        let generation = calls.generation();
        let declared = calls.connect(target.id, &args, create)?;
        let refuse = |e: Error| {
            calls.disconnect(declared.table);
            Err(e)
        };
        let Ok(schema) = CString::new(declared.schema.as_str()) else {
            return refuse(Error::new(ffi::SQLITE_ERROR, format!("{}: the declared schema contains a NUL byte", calls.name())));
        };
        // SAFETY: called from xCreate/xConnect with their connection.
        let rc = unsafe { ffi::sqlite3_declare_vtab(db, schema.as_ptr()) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: valid connection.
            let why = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) }.to_string_lossy().into_owned();
            return refuse(Error::new(rc, format!("{}: invalid table schema `{}`: {why}", calls.name(), declared.schema)));
        }
        let flag = if target.shape.direct_only { ffi::SQLITE_VTAB_DIRECTONLY } else { ffi::SQLITE_VTAB_INNOCUOUS };
        // SAFETY: called from xCreate/xConnect with their connection.
        unsafe { ffi::sqlite3_vtab_config(db, flag) };
        let table = Box::new(Table {
            // SAFETY: all-zero is SQLite's expected initial `sqlite3_vtab`.
            base: unsafe { std::mem::zeroed() },
            calls: calls.clone(),
            module: target.id,
            writable: target.shape.writable,
            args,
            handle: Cell::new(declared.table),
            generation: Cell::new(generation),
            columns: RefCell::new(HashMap::new()),
            db,
            unchanged: RefCell::new(BTreeSet::new()),
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

/// `n` elements at `p` (none when `n` is 0, whatever `p`).
///
/// # Safety
/// `p` must point to `n` elements valid for `'a`.
unsafe fn raw_slice<'a, T>(p: *const T, n: c_int) -> &'a [T] {
    // SAFETY: per the function contract.
    if n <= 0 || p.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(p, n as usize) } }
}

unsafe extern "C" fn x_best_index<C: Calls>(vtab: *mut ffi::sqlite3_vtab, info: *mut ffi::sqlite3_index_info) -> c_int {
    // SAFETY: SQLite's table and planning question.
    unsafe {
        on_table::<C>(vtab, |table| {
            let question = &mut *info;
            let offered = raw_slice(question.aConstraint, question.nConstraint);
            let constraints = offered
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let mut rhs = std::ptr::null_mut();
                    let known = c.usable != 0 && ffi::sqlite3_vtab_rhs_value(info, i as c_int, &mut rhs) == ffi::SQLITE_OK && !rhs.is_null();
                    let in_list = ffi::sqlite3_vtab_in(info, i as c_int, -1) != 0;
                    Constraint { column: c.iColumn, op: c.op, usable: c.usable != 0, rhs: known.then(|| ValueRef::from_raw(rhs).to_owned()), in_list }
                })
                .collect();
            let order_by = raw_slice(question.aOrderBy, question.nOrderBy).iter().map(|o| OrderBy { column: o.iColumn, desc: o.desc != 0 }).collect();
            let columns_used = question.colUsed;
            let ask = IndexInfo { constraints, order_by, columns_used, distinct: ffi::sqlite3_vtab_distinct(info) as u8 };
            let handle = table.handle()?;
            let plan = match table.calls.best_index(handle, ask) {
                Ok(plan) => plan,
                // This combination of constraints cannot be used; SQLite
                // tries another.
                Err(e) if e.code & 0xff == ffi::SQLITE_CONSTRAINT => return Ok(ffi::SQLITE_CONSTRAINT),
                Err(e) => return Err(e),
            };
            if plan.usage.len() != offered.len() {
                return Err(Error::new(
                    ffi::SQLITE_ERROR,
                    format!("{}: best-index answered {} constraint uses for {} constraints", table.name(), plan.usage.len(), offered.len()),
                ));
            }
            check_usage(table.name(), &plan.usage, offered)?;
            for (i, u) in plan.usage.iter().enumerate().filter(|(_, u)| u.all_at_once) {
                // Asked again, not taken from what was offered: SQLite
                // decides.
                if u.argv_index == 0 || ffi::sqlite3_vtab_in(info, i as c_int, -1) == 0 {
                    let why = if u.argv_index == 0 { "is not passed to filter" } else { "is not an IN list SQLite can hand over" };
                    return Err(Error::new(ffi::SQLITE_ERROR, format!("{}: best-index took constraint {i} all at once, but it {why}", table.name())));
                }
                ffi::sqlite3_vtab_in(info, i as c_int, 1);
            }
            let usage = std::slice::from_raw_parts_mut(question.aConstraintUsage, offered.len());
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

/// Checks the constraint uses of a plan as SQLite will (it reports only
/// "xBestIndex malfunction"), saying what is wrong: the argument positions
/// given must be 1 to N, each once, on constraints SQLite marked usable.
fn check_usage(name: &str, usage: &[ConstraintUse], offered: &[ffi::sqlite3_index_constraint]) -> Result<(), Error> {
    let wrong = |why: String| Err(Error::new(ffi::SQLITE_ERROR, format!("{name}: best-index {why}")));
    let mut taken = vec![false; offered.len()];
    for (i, u) in usage.iter().enumerate() {
        let position = u.argv_index as usize;
        if position == 0 {
            continue;
        }
        if position > offered.len() {
            return wrong(format!("gave constraint {i} argument position {position}, but there are {} constraints", offered.len()));
        }
        if offered[i].usable == 0 {
            return wrong(format!("used constraint {i}, which SQLite marked unusable"));
        }
        if std::mem::replace(&mut taken[position - 1], true) {
            return wrong(format!("gave argument position {position} to two constraints"));
        }
    }
    if let Some(gap) = taken.iter().rposition(|&t| t).and_then(|last| taken[..last].iter().position(|&t| !t)) {
        return wrong(format!("left argument position {} unused before a later one", gap + 1));
    }
    Ok(())
}

unsafe extern "C" fn x_disconnect<C: Calls>(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite gives back a table made by `connect`, once.
    let table = unsafe { Box::from_raw(vtab.cast::<Table<C>>()) };
    if table.generation.get() == table.calls.generation() {
        let _ = guarded(|| {
            table.calls.disconnect(table.handle.get());
            Ok(ffi::SQLITE_OK)
        });
    }
    // SAFETY: zErrMsg is null or from SQLite's allocator.
    unsafe { ffi::sqlite3_free(table.base.zErrMsg.cast()) };
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_destroy<C: Calls>(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table; it is freed only when destroying succeeds.
    let rc = unsafe {
        on_table::<C>(vtab, |table| {
            table.calls.destroy(table.handle()?)?;
            Ok(ffi::SQLITE_OK)
        })
    };
    if rc == ffi::SQLITE_OK {
        // SAFETY: made by `connect`; SQLite forgets it after this success.
        let table = unsafe { Box::from_raw(vtab.cast::<Table<C>>()) };
        // SAFETY: zErrMsg is null or from SQLite's allocator.
        unsafe { ffi::sqlite3_free(table.base.zErrMsg.cast()) };
    }
    rc
}

unsafe extern "C" fn x_open<C: Calls>(vtab: *mut ffi::sqlite3_vtab, out: *mut *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite's table and out-pointer.
    unsafe {
        on_table::<C>(vtab, |table| {
            let (handle, generation) = table.open_cursor()?;
            let cursor = Box::new(Cursor {
                // SQLite fills in pVtab itself.
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

unsafe extern "C" fn x_close<C: Calls>(cur: *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite gives back a cursor made by `x_open`, once; its table
    // is still connected.
    let cursor = unsafe { Box::from_raw(cur.cast::<Cursor>()) };
    // SAFETY: as above.
    let table = unsafe { &*cursor.base.pVtab.cast::<Table<C>>() };
    if cursor.generation == table.calls.generation() {
        let _ = guarded(|| {
            table.calls.close(cursor.handle);
            Ok(ffi::SQLITE_OK)
        });
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_filter<C: Calls>(
    cur: *mut ffi::sqlite3_vtab_cursor,
    idx_num: c_int,
    idx_str: *const c_char,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) -> c_int {
    // SAFETY: SQLite's cursor and arguments.
    unsafe {
        on_cursor::<C>(cur, |table, cursor| {
            if cursor.generation != table.calls.generation() {
                // The instance was replaced since the cursor was opened.
                (cursor.handle, cursor.generation) = table.open_cursor()?;
            }
            let idx_str = (!idx_str.is_null()).then(|| CStr::from_ptr(idx_str));
            let columns = table.columns_for(idx_num, idx_str.map(CStr::to_bytes));
            let idx_str = idx_str.map(|s| s.to_string_lossy());
            let raw = sqlink_sqlite::arguments(argc, argv);
            let in_lists = in_lists(raw)?;
            let listed = |i: usize| in_lists.iter().any(|(at, _)| *at as usize == i);
            let args: Vec<ValueRef<'_>> = raw.iter().enumerate().map(|(i, &v)| if listed(i) { ValueRef::Null } else { ValueRef::from_raw(v) }).collect();
            let subtypes: Vec<(u32, u8)> = subtypes(raw).into_iter().filter(|(i, _)| !listed(*i as usize)).collect();
            table.unchanged.borrow_mut().clear();
            cursor.next_size = FIRST_BATCH;
            let (handle, idx_str) = (cursor.handle, idx_str.as_deref());
            cursor.batch = table.calls.filter(handle, idx_num, idx_str, &args, &subtypes, &in_lists, columns, cursor.next_size)?;
            fill(table, cursor)
        })
    }
}

/// (position, values) of the arguments that are IN lists handed over
/// whole (`sqlite3_vtab_in_first`/`_next`, which refuse any other value).
///
/// # Safety
/// `values` must be SQLite's arguments of the running xFilter.
unsafe fn in_lists(values: &[*mut ffi::sqlite3_value]) -> Result<Vec<(u32, Vec<Value>)>, Error> {
    let mut lists = Vec::new();
    for (i, &v) in values.iter().enumerate() {
        let mut item = std::ptr::null_mut();
        // SAFETY: per the function contract; `item` is valid until the
        // next call on the list.
        let mut rc = unsafe { ffi::sqlite3_vtab_in_first(v, &mut item) };
        // Not a list: SQLite 3.46 says SQLITE_ERROR, 3.40 SQLITE_MISUSE.
        if rc == ffi::SQLITE_ERROR || rc == ffi::SQLITE_MISUSE {
            continue;
        }
        let mut list = Vec::new();
        while rc == ffi::SQLITE_OK {
            // SAFETY: as above.
            list.push(unsafe { ValueRef::from_raw(item) }.to_owned());
            rc = unsafe { ffi::sqlite3_vtab_in_next(v, &mut item) };
        }
        if rc != ffi::SQLITE_DONE {
            return Err(Error::new(rc, format!("reading the values of IN list argument {} failed (error {rc})", i + 1)));
        }
        lists.push((i as u32, list));
    }
    Ok(lists)
}

/// (position, subtype) of the values that have a subtype.
///
/// # Safety
/// `values` must be SQLite's values of the running callback.
unsafe fn subtypes(values: &[*mut ffi::sqlite3_value]) -> Vec<(u32, u8)> {
    values
        .iter()
        .enumerate()
        // SAFETY: per the function contract.
        .filter_map(|(i, &v)| match unsafe { ffi::sqlite3_value_subtype(v) } {
            0 => None,
            subtype => Some((i as u32, subtype as u8)),
        })
        .collect()
}

/// Fetches batches until a row is at hand or the scan is done.
fn fill<C: Calls>(table: &Table<C>, cursor: &mut Cursor) -> Result<c_int, Error> {
    let mut empty = 0;
    while !cursor.batch.has_row() && !cursor.batch.done() {
        empty += 1;
        if empty > MAX_EMPTY_BATCHES {
            return Err(Error::new(
                ffi::SQLITE_ERROR,
                format!("{}: the scan returned {MAX_EMPTY_BATCHES} empty batches in a row without finishing", table.name()),
            ));
        }
        cursor.next_size = cursor.next_size.saturating_mul(4).min(MAX_BATCH);
        cursor.batch = table.calls.fetch(cursor.handle, cursor.next_size, cursor.batch.columns())?;
    }
    Ok(ffi::SQLITE_OK)
}

unsafe extern "C" fn x_next<C: Calls>(cur: *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite's cursor.
    unsafe {
        on_cursor::<C>(cur, |table, cursor| {
            cursor.batch.advance();
            fill(table, cursor)
        })
    }
}

unsafe extern "C" fn x_eof<C: Calls>(cur: *mut ffi::sqlite3_vtab_cursor) -> c_int {
    // SAFETY: SQLite's cursor, made by `x_open`.
    let cursor = unsafe { &*cur.cast::<Cursor>() };
    !cursor.batch.has_row() as c_int
}

unsafe extern "C" fn x_column<C: Calls>(cur: *mut ffi::sqlite3_vtab_cursor, ctx: *mut ffi::sqlite3_context, column: c_int) -> c_int {
    // SAFETY: SQLite's cursor, made by `x_open`, and the column's context.
    unsafe {
        let cursor = &*cur.cast::<Cursor>();
        let table = &*cursor.base.pVtab.cast::<Table<C>>();
        // Only a writable table is ever updated: read-only scans skip this.
        if table.writable && ffi::sqlite3_vtab_nochange(ctx) != 0 {
            table.unchanged.borrow_mut().insert(column as u32);
        }
        match cursor.batch.value(column as u32) {
            // A batch's text is followed by a NUL.
            Some(CellRef::Text(t)) => result::terminated_text(ctx, t),
            Some(v) => result::value(ctx, value(v)),
            None => {
                result::error(ctx, ffi::SQLITE_ERROR, &format!("{}: column {column} was not fetched for this scan", table.name()));
                return ffi::SQLITE_OK;
            }
        }
        match cursor.batch.subtype(column as u32) {
            0 => {}
            subtype => ffi::sqlite3_result_subtype(ctx, u32::from(subtype)),
        }
    }
    ffi::SQLITE_OK
}

/// A cell as SQLite takes it.
fn value(cell: CellRef<'_>) -> ValueRef<'_> {
    match cell {
        CellRef::Null => ValueRef::Null,
        CellRef::Integer(i) => ValueRef::Integer(i),
        CellRef::Real(r) => ValueRef::Real(r),
        CellRef::Text(t) => ValueRef::Text(t),
        CellRef::Blob(b) => ValueRef::Blob(b),
    }
}

unsafe extern "C" fn x_rowid<C: Calls>(cur: *mut ffi::sqlite3_vtab_cursor, rowid: *mut ffi::sqlite3_int64) -> c_int {
    // SAFETY: SQLite's cursor, made by `x_open`, and its out-pointer.
    unsafe {
        let cursor = &*cur.cast::<Cursor>();
        *rowid = cursor.batch.rowid();
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_update<C: Calls>(vtab: *mut ffi::sqlite3_vtab, argc: c_int, argv: *mut *mut ffi::sqlite3_value, rowid: *mut ffi::sqlite3_int64) -> c_int {
    // SAFETY: SQLite's table, arguments and out-pointer.
    unsafe {
        on_table::<C>(vtab, |table| {
            let raw = sqlink_sqlite::arguments(argc, argv);
            let args: Vec<Value> = raw.iter().map(|&v| ValueRef::from_raw(v).to_owned()).collect();
            let as_rowid = |v: &Value| match v {
                Value::Integer(i) => Ok(Some(*i)),
                Value::Null => Ok(None),
                _ => Err(Error::new(ffi::SQLITE_MISMATCH, "rowid must be an integer")),
            };
            let change = match args.as_slice() {
                [old] => Change::Delete(as_rowid(old)?.unwrap_or_default()),
                [Value::Null, new, values @ ..] => Change::Insert(as_rowid(new)?, values.to_vec()),
                [old, new, values @ ..] => {
                    let old = as_rowid(old)?.unwrap_or_default();
                    Change::Update(old, as_rowid(new)?.unwrap_or(old), values.to_vec())
                }
                [] => return Err(Error::new(ffi::SQLITE_ERROR, "xUpdate without arguments")),
            };
            let inserted = matches!(change, Change::Insert(..));
            // Positions in the change's values: SQLite's arguments from the
            // third on.
            let values = raw.get(2..).unwrap_or_default();
            let context = WriteContext {
                on_conflict: if values.is_empty() { 0 } else { ffi::sqlite3_vtab_on_conflict(table.db) as u8 },
                subtypes: subtypes(values),
                unchanged: if matches!(change, Change::Update(..)) { table.unchanged.borrow().iter().copied().collect() } else { Vec::new() },
            };
            let new_rowid = table.calls.update(table.handle()?, change, context)?;
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
unsafe fn transaction<C: Calls>(vtab: *mut ffi::sqlite3_vtab, step: TxnStep) -> c_int {
    // SAFETY: per the function contract.
    unsafe {
        on_table::<C>(vtab, |table| {
            table.calls.transaction(table.handle()?, step)?;
            Ok(ffi::SQLITE_OK)
        })
    }
}

unsafe extern "C" fn x_begin<C: Calls>(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { transaction::<C>(vtab, TxnStep::Begin) }
}

unsafe extern "C" fn x_sync<C: Calls>(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { transaction::<C>(vtab, TxnStep::Sync) }
}

unsafe extern "C" fn x_commit<C: Calls>(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { transaction::<C>(vtab, TxnStep::Commit) }
}

unsafe extern "C" fn x_rollback<C: Calls>(vtab: *mut ffi::sqlite3_vtab) -> c_int {
    // SAFETY: SQLite's table.
    unsafe { transaction::<C>(vtab, TxnStep::Rollback) }
}

unsafe extern "C" fn x_rename<C: Calls>(vtab: *mut ffi::sqlite3_vtab, new_name: *const c_char) -> c_int {
    // SAFETY: SQLite's table and a NUL-terminated name.
    unsafe {
        on_table::<C>(vtab, |table| {
            let name = CStr::from_ptr(new_name).to_string_lossy();
            table.calls.rename(table.handle()?, &name)?;
            Ok(ffi::SQLITE_OK)
        })
    }
}
