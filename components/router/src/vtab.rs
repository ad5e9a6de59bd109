//! Virtual tables through the router: a module id goes to the side that
//! owns it; the tables and cursors it makes get router handles standing
//! for (side, child handle), so both children may pick the same numbers.

use crate::bindings::exports::sqlink::extension::vtab::{self as out, DeclaredTable, IndexInfo, IndexPlan, RowBatch, RowChange, TableArgs, WriteContext};
use crate::bindings::sqlink::extension::types::{SqlError, Value};
use crate::bindings::{left_vtab, right_vtab};
use crate::merge::Route;
use crate::{Router, Side, merged};
use std::cell::RefCell;
use std::collections::HashMap;

/// Router handles of tables and cursors.
#[derive(Default)]
struct Handles {
    tables: HashMap<u64, (Side, u64)>,
    cursors: HashMap<u64, (Side, u64)>,
    next: u64,
}

thread_local! {
    static HANDLES: RefCell<Handles> = RefCell::new(Handles::default());
}

fn unknown(what: &str, id: u64) -> SqlError {
    SqlError { code: 1, message: format!("this router has no {what} {id}") }
}

/// A new router handle for a child's.
fn hand_out(kind: fn(&mut Handles) -> &mut HashMap<u64, (Side, u64)>, side: Side, child: u64) -> u64 {
    HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        h.next += 1;
        let ours = h.next;
        kind(&mut h).insert(ours, (side, child));
        ours
    })
}

fn table(handle: u64) -> Result<(Side, u64), SqlError> {
    HANDLES.with(|h| h.borrow().tables.get(&handle).copied()).ok_or_else(|| unknown("table", handle))
}

fn cursor(handle: u64) -> Result<(Side, u64), SqlError> {
    HANDLES.with(|h| h.borrow().cursors.get(&handle).copied()).ok_or_else(|| unknown("cursor", handle))
}

/// Calls `$left` or `$right` with `$h` bound to the child's handle of
/// `$handle` (found by `$find`).
macro_rules! on {
    ($find:ident($handle:expr), |$h:ident| $left:expr, $right:expr) => {{
        let (side, $h) = $find($handle)?;
        match side {
            Side::Left => $left,
            Side::Right => $right,
        }
    }};
}

/// Connects or creates a table of merged module `module`.
fn connect(module: u32, args: TableArgs, create: bool) -> Result<DeclaredTable, SqlError> {
    let (side, declared) = match merged().vtab(module) {
        Route::Left(id) => (Side::Left, if create { left_vtab::create(id, &args)? } else { left_vtab::connect(id, &args)? }),
        Route::Right(id) => (Side::Right, if create { right_vtab::create(id, &args)? } else { right_vtab::connect(id, &args)? }),
        Route::Unknown => return Err(unknown("virtual table module", module as u64)),
    };
    Ok(DeclaredTable { table: hand_out(|h| &mut h.tables, side, declared.table), schema: declared.schema })
}

impl out::Guest for Router {
    fn create(module: u32, args: TableArgs) -> Result<DeclaredTable, SqlError> {
        connect(module, args, true)
    }

    fn connect(module: u32, args: TableArgs) -> Result<DeclaredTable, SqlError> {
        connect(module, args, false)
    }

    fn best_index(t: u64, info: IndexInfo) -> Result<IndexPlan, SqlError> {
        on!(table(t), |h| left_vtab::best_index(h, &info), right_vtab::best_index(h, &info))
    }

    fn disconnect(t: u64) {
        if let Some((side, h)) = HANDLES.with(|hs| hs.borrow_mut().tables.remove(&t)) {
            match side {
                Side::Left => left_vtab::disconnect(h),
                Side::Right => right_vtab::disconnect(h),
            }
        }
    }

    fn destroy(t: u64) -> Result<(), SqlError> {
        on!(table(t), |h| left_vtab::destroy(h), right_vtab::destroy(h))?;
        HANDLES.with(|hs| hs.borrow_mut().tables.remove(&t));
        Ok(())
    }

    fn open(t: u64) -> Result<u64, SqlError> {
        let (side, _) = table(t)?;
        let child = on!(table(t), |h| left_vtab::open(h), right_vtab::open(h))?;
        Ok(hand_out(|h| &mut h.cursors, side, child))
    }

    fn close(c: u64) {
        if let Some((side, h)) = HANDLES.with(|hs| hs.borrow_mut().cursors.remove(&c)) {
            match side {
                Side::Left => left_vtab::close(h),
                Side::Right => right_vtab::close(h),
            }
        }
    }

    fn filter(
        c: u64,
        idx_num: i32,
        idx_str: Option<String>,
        args: Vec<Value>,
        arg_subtypes: Vec<(u32, u8)>,
        in_lists: Vec<(u32, Vec<Value>)>,
        columns: u64,
        max_rows: u32,
    ) -> Result<RowBatch, SqlError> {
        let s = idx_str.as_deref();
        on!(
            cursor(c),
            |h| left_vtab::filter(h, idx_num, s, &args, &arg_subtypes, &in_lists, columns, max_rows),
            right_vtab::filter(h, idx_num, s, &args, &arg_subtypes, &in_lists, columns, max_rows)
        )
    }

    fn fetch(c: u64, max_rows: u32) -> Result<RowBatch, SqlError> {
        on!(cursor(c), |h| left_vtab::fetch(h, max_rows), right_vtab::fetch(h, max_rows))
    }

    fn update(t: u64, change: RowChange, context: WriteContext) -> Result<Option<i64>, SqlError> {
        on!(table(t), |h| left_vtab::update(h, &change, &context), right_vtab::update(h, &change, &context))
    }

    fn begin(t: u64) -> Result<(), SqlError> {
        on!(table(t), |h| left_vtab::begin(h), right_vtab::begin(h))
    }

    fn sync(t: u64) -> Result<(), SqlError> {
        on!(table(t), |h| left_vtab::sync(h), right_vtab::sync(h))
    }

    fn commit(t: u64) -> Result<(), SqlError> {
        on!(table(t), |h| left_vtab::commit(h), right_vtab::commit(h))
    }

    fn rollback(t: u64) -> Result<(), SqlError> {
        on!(table(t), |h| left_vtab::rollback(h), right_vtab::rollback(h))
    }

    fn rename(t: u64, new_name: String) -> Result<(), SqlError> {
        on!(table(t), |h| left_vtab::rename(h, &new_name), right_vtab::rename(h, &new_name))
    }
}
