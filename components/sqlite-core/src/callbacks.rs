//! The C callbacks SQLite calls for the imported extension's items, each
//! calling the matching import.
//!
//! Aggregates buffer rows per group and send them in batches, flushed before
//! anything that needs the state, as the native host does. Keyed collations
//! cache sort keys so a sort asks once per distinct text.

use crate::bindings::sqlink::extension::types::{SqlError, SubtypedValue, Value};
use crate::bindings::sqlink::extension::{aggregate, collation, scalar};
use sqlink_sqlite::{Callbacks, Db, Error, ValueRef, arguments, ffi, result};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::{c_int, c_void};

/// Rows an aggregate buffers before a flush.
const BATCH_ROWS: u32 = 256;
/// Bytes of text and blobs buffered before a flush.
const BATCH_BYTES: usize = 1 << 20;
/// Bytes of texts and keys a keyed collation caches before starting over.
const KEY_CACHE_BYTES: usize = 32 << 20;

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(t.to_vec()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn set(ctx: *mut ffi::sqlite3_context, v: &Value) {
    let v = match v {
        Value::Null => ValueRef::Null,
        Value::Integer(i) => ValueRef::Integer(*i),
        Value::Real(r) => ValueRef::Real(*r),
        Value::Text(t) => ValueRef::Text(t),
        Value::Blob(b) => ValueRef::Blob(b),
    };
    // SAFETY: per the function contract.
    unsafe { result::value(ctx, v) }
}

/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn fail(ctx: *mut ffi::sqlite3_context, e: &SqlError) {
    // SAFETY: per the function contract.
    unsafe { result::error(ctx, e.code, &crate::extension::blamed(&e.message)) }
}

/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn finish(ctx: *mut ffi::sqlite3_context, out: Result<SubtypedValue, SqlError>, subtyped: bool) {
    // SAFETY: per the function contract.
    unsafe {
        match out {
            Ok(v) => {
                set(ctx, &v.value);
                if subtyped && v.subtype != 0 {
                    ffi::sqlite3_result_subtype(ctx, v.subtype as u32);
                }
            }
            Err(e) => fail(ctx, &e),
        }
    }
}

struct ScalarData {
    id: u32,
    subtyped: bool,
}

unsafe extern "C" fn scalar_call(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract; the user data is a `ScalarData`.
    unsafe {
        let data = &*ffi::sqlite3_user_data(ctx).cast::<ScalarData>();
        let argv = arguments(argc, argv);
        if data.subtyped {
            let args: Vec<SubtypedValue> =
                argv.iter().map(|&v| SubtypedValue { value: value(ValueRef::from_raw(v)), subtype: ffi::sqlite3_value_subtype(v) as u8 }).collect();
            finish(ctx, scalar::invoke_subtyped(data.id, &args), true);
            return;
        }
        let args: Vec<Value> = argv.iter().map(|&v| value(ValueRef::from_raw(v))).collect();
        let out = match args.as_slice() {
            [] => scalar::invoke0(data.id),
            [a] => scalar::invoke1(data.id, a),
            [a, b] => scalar::invoke2(data.id, a, b),
            [a, b, c] => scalar::invoke3(data.id, a, b, c),
            _ => scalar::invoke(data.id, &args),
        };
        match out {
            Ok(v) => set(ctx, &v),
            Err(e) => fail(ctx, &e),
        }
    }
}

pub(crate) fn create_scalar(db: Db, name: &str, arity: i32, flags: i32, id: u32, subtyped: bool) -> Result<(), Error> {
    db.create_function(name, arity, flags, Box::new(ScalarData { id, subtyped }), Callbacks::Scalar(scalar_call))
}

struct AggregateData {
    id: u32,
    subtyped: bool,
}

thread_local! {
    /// Group numbers are never reused within the instance.
    static NEXT_GROUP: Cell<u64> = const { Cell::new(1) };
}

/// One running group, owned through SQLite's aggregate context.
struct Group {
    id: u64,
    pending: Vec<SubtypedValue>,
    width: u32,
    rows: u32,
    bytes: usize,
}

impl Group {
    fn flush(&mut self, data: &AggregateData) -> Result<(), SqlError> {
        if self.rows == 0 {
            return Ok(());
        }
        let result = aggregate::step(data.id, self.id, self.rows, self.width, &self.pending);
        self.pending.clear();
        self.rows = 0;
        self.bytes = 0;
        result
    }
}

/// # Safety
/// SQLite's aggregate callback contract.
unsafe fn group<'a>(ctx: *mut ffi::sqlite3_context) -> Option<&'a mut Group> {
    // SAFETY: zeroed per-group memory sized for a pointer.
    unsafe {
        let slot = ffi::sqlite3_aggregate_context(ctx, std::mem::size_of::<*mut Group>() as c_int).cast::<*mut Group>();
        if slot.is_null() {
            return None;
        }
        if (*slot).is_null() {
            let id = NEXT_GROUP.with(|n| n.replace(n.get() + 1));
            *slot = Box::into_raw(Box::new(Group { id, pending: Vec::new(), width: 0, rows: 0, bytes: 0 }));
        }
        Some(&mut **slot)
    }
}

/// # Safety
/// As for [`group`]; from `xFinal` only.
unsafe fn take_group(ctx: *mut ffi::sqlite3_context) -> Option<Box<Group>> {
    // SAFETY: see `group`.
    unsafe {
        let slot = ffi::sqlite3_aggregate_context(ctx, 0).cast::<*mut Group>();
        if slot.is_null() || (*slot).is_null() {
            return None;
        }
        let g = Box::from_raw(*slot);
        *slot = std::ptr::null_mut();
        Some(g)
    }
}

fn aggregate_data<'a>(ctx: *mut ffi::sqlite3_context) -> &'a AggregateData {
    // SAFETY: the user data of an aggregate registration.
    unsafe { &*ffi::sqlite3_user_data(ctx).cast::<AggregateData>() }
}

/// # Safety
/// SQLite's callback contract.
unsafe fn row(data: &AggregateData, argv: &[*mut ffi::sqlite3_value]) -> Vec<SubtypedValue> {
    // SAFETY: per the function contract.
    argv.iter()
        .map(|&v| unsafe {
            SubtypedValue { value: value(ValueRef::from_raw(v)), subtype: if data.subtyped { ffi::sqlite3_value_subtype(v) as u8 } else { 0 } }
        })
        .collect()
}

unsafe extern "C" fn aggregate_step(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let data = aggregate_data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        let Some(g) = group(ctx) else { return ffi::sqlite3_result_error_nomem(ctx) };
        if g.rows > 0
            && g.width != argv.len() as u32
            && let Err(e) = g.flush(data)
        {
            return fail(ctx, &e);
        }
        g.width = argv.len() as u32;
        for v in row(data, argv) {
            if let Value::Text(b) | Value::Blob(b) = &v.value {
                g.bytes += b.len();
            }
            g.pending.push(v);
        }
        g.rows += 1;
        if (g.rows >= BATCH_ROWS || g.bytes >= BATCH_BYTES)
            && let Err(e) = g.flush(data)
        {
            fail(ctx, &e);
        }
    }
}

unsafe extern "C" fn aggregate_inverse(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let data = aggregate_data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        let Some(g) = group(ctx) else { return ffi::sqlite3_result_error_nomem(ctx) };
        let args = row(data, argv);
        let out = g.flush(data).and_then(|()| aggregate::inverse(data.id, g.id, 1, argv.len() as u32, &args));
        if let Err(e) = out {
            fail(ctx, &e);
        }
    }
}

unsafe extern "C" fn aggregate_value(ctx: *mut ffi::sqlite3_context) {
    let data = aggregate_data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let Some(g) = group(ctx) else { return ffi::sqlite3_result_error_nomem(ctx) };
        let out = g.flush(data).and_then(|()| aggregate::value(data.id, g.id));
        finish(ctx, out, data.subtyped);
    }
}

unsafe extern "C" fn aggregate_final(ctx: *mut ffi::sqlite3_context) {
    let data = aggregate_data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let out = match take_group(ctx) {
            // No rows: the aggregate of nothing, on a fresh group.
            None => aggregate::finalize(data.id, NEXT_GROUP.with(|n| n.replace(n.get() + 1))),
            Some(mut g) => {
                // Finalize even after a failed flush, so the extension drops
                // the group's state; report the first error.
                let flushed = g.flush(data);
                let out = aggregate::finalize(data.id, g.id);
                flushed.and(out)
            }
        };
        finish(ctx, out, data.subtyped);
    }
}

pub(crate) fn create_aggregate(db: Db, name: &str, arity: i32, flags: i32, id: u32, subtyped: bool, window: bool) -> Result<(), Error> {
    let data = Box::new(AggregateData { id, subtyped });
    let callbacks = if window {
        Callbacks::Window { step: aggregate_step, finalize: aggregate_final, value: aggregate_value, inverse: aggregate_inverse }
    } else {
        Callbacks::Aggregate { step: aggregate_step, finalize: aggregate_final }
    };
    db.create_function(name, arity, flags, data, callbacks)
}

/// Sort keys by text, and the bytes they hold.
type KeyCache = (HashMap<Vec<u8>, Vec<u8>>, usize);

struct CollationData {
    id: u32,
    keyed: bool,
    keys: RefCell<KeyCache>,
}

impl CollationData {
    fn key(&self, text: &[u8]) -> Vec<u8> {
        let mut cache = self.keys.borrow_mut();
        if let Some(k) = cache.0.get(text) {
            return k.clone();
        }
        let k = collation::sort_key(self.id, text);
        if cache.1 + text.len() + k.len() > KEY_CACHE_BYTES {
            cache.0.clear();
            cache.1 = 0;
        }
        cache.1 += text.len() + k.len();
        cache.0.insert(text.to_vec(), k.clone());
        k
    }
}

unsafe extern "C" fn collation_compare(p: *mut c_void, n1: c_int, s1: *const c_void, n2: c_int, s2: *const c_void) -> c_int {
    // SAFETY: SQLite passes the `CollationData` and two byte ranges.
    let (data, a, b) = unsafe {
        let bytes = |s: *const c_void, n: c_int| if n <= 0 || s.is_null() { &[][..] } else { std::slice::from_raw_parts(s.cast::<u8>(), n as usize) };
        (&*p.cast::<CollationData>(), bytes(s1, n1), bytes(s2, n2))
    };
    let ordering = if data.keyed { data.key(a).cmp(&data.key(b)) } else { collation::compare(data.id, a, b).cmp(&0) };
    ordering as c_int
}

pub(crate) fn create_collation(db: Db, name: &str, id: u32, keyed: bool) -> Result<(), Error> {
    let data = Box::new(CollationData { id, keyed, keys: RefCell::new((HashMap::new(), 0)) });
    db.create_collation(name, data, collation_compare)
}

pub(crate) fn delete_collation(db: Db, name: &str) -> Result<(), Error> {
    db.delete_collation(name)
}
