//! The C callbacks SQLite calls for the imported extension's items, each
//! calling the matching import.
//!
//! Aggregates buffer rows per group and send them in batches, flushed before
//! anything that needs the state, as the native host does. Keyed collations
//! cache sort keys so a sort asks once per distinct text.

use crate::bindings::sqlink::extension::types::{Arg, Outcome, ShortBytes, SubtypedOutcome, SubtypedValue, Value};
use crate::bindings::sqlink::extension::{aggregate, collation, overflow, scalar};
use sqlink_abi::Inline;
use crate::relay::relayed;
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

fn short(inline: Inline) -> ShortBytes {
    let (len, [w0, w1, w2]) = inline.words();
    ShortBytes { len, w0, w1, w2 }
}

/// A SQLite value as a hot-call argument: short text and blobs inline.
fn arg(v: ValueRef<'_>) -> Arg {
    match v {
        ValueRef::Null => Arg::Null,
        ValueRef::Integer(i) => Arg::Integer(i),
        ValueRef::Real(r) => Arg::Real(r),
        ValueRef::Text(t) => Inline::new(t).map_or_else(|| Arg::Text(t.to_vec()), |i| Arg::ShortText(short(i))),
        ValueRef::Blob(b) => Inline::new(b).map_or_else(|| Arg::Blob(b.to_vec()), |i| Arg::ShortBlob(short(i))),
    }
}

/// The bytes an argument holds outside the call's registers.
fn heap_bytes(a: &Arg) -> usize {
    match a {
        Arg::Text(b) | Arg::Blob(b) => b.len(),
        _ => 0,
    }
}

/// What an outcome stands for, with anything it left behind taken.
enum Settled {
    Value(Value),
    Inline { blob: bool, bytes: Inline },
    Error(i32, String),
}

/// Takes what an outcome left in the extension's overflow.
fn settle(out: Outcome) -> Settled {
    let inline = |s: ShortBytes, blob| match Inline::from_words(s.len, [s.w0, s.w1, s.w2]) {
        Some(bytes) => Settled::Inline { blob, bytes },
        None => Settled::Error(ffi::SQLITE_ERROR, format!("the extension returned {} bytes inline, more than the contract's 24", s.len)),
    };
    match out {
        Outcome::Null => Settled::Value(Value::Null),
        Outcome::Integer(i) => Settled::Value(Value::Integer(i)),
        Outcome::Real(r) => Settled::Value(Value::Real(r)),
        Outcome::ShortText(s) => inline(s, false),
        Outcome::ShortBlob(s) => inline(s, true),
        Outcome::LongText(_) => Settled::Value(Value::Text(overflow::take())),
        Outcome::LongBlob(_) => Settled::Value(Value::Blob(overflow::take())),
        Outcome::Error(code) => Settled::Error(code, String::from_utf8_lossy(&overflow::take()).into_owned()),
    }
}

/// The error a failed `step`/`inverse` status stands for.
fn status(code: i32) -> Result<(), (i32, String)> {
    if code == 0 { Ok(()) } else { Err((code, String::from_utf8_lossy(&overflow::take()).into_owned())) }
}

/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn fail(ctx: *mut ffi::sqlite3_context, (code, message): &(i32, String)) {
    // SAFETY: per the function contract.
    unsafe { result::error(ctx, *code, &crate::extension::blamed(message)) }
}

/// Sets the result (and, for `subtyped` items, its subtype) from an outcome.
///
/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn finish(ctx: *mut ffi::sqlite3_context, out: SubtypedOutcome, subtyped: bool) {
    // SAFETY: per the function contract.
    unsafe {
        let value = match settle(out.value) {
            Settled::Error(code, message) => return fail(ctx, &(code, message)),
            Settled::Inline { blob: false, bytes } => return finish_with(ctx, ValueRef::Text(bytes.as_bytes()), out.subtype, subtyped),
            Settled::Inline { blob: true, bytes } => return finish_with(ctx, ValueRef::Blob(bytes.as_bytes()), out.subtype, subtyped),
            Settled::Value(v) => v,
        };
        let v = match &value {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(r) => ValueRef::Real(*r),
            Value::Text(t) => ValueRef::Text(t),
            Value::Blob(b) => ValueRef::Blob(b),
        };
        finish_with(ctx, v, out.subtype, subtyped)
    }
}

/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn finish_with(ctx: *mut ffi::sqlite3_context, v: ValueRef<'_>, subtype: u8, subtyped: bool) {
    // SAFETY: per the function contract.
    unsafe {
        result::value(ctx, v);
        if subtyped && subtype != 0 {
            ffi::sqlite3_result_subtype(ctx, subtype as u32);
        }
    }
}

/// The connection running a callback.
///
/// # Safety
/// `ctx` must be the running callback's context.
unsafe fn context_db(ctx: *mut ffi::sqlite3_context) -> Db {
    // SAFETY: per the function contract; the connection outlives the call.
    unsafe { Db::from_raw(ffi::sqlite3_context_db_handle(ctx)) }
}

struct ScalarData {
    id: u32,
    subtyped: bool,
}

unsafe extern "C" fn scalar_call(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract; the user data is a `ScalarData`.
    unsafe {
        let data = &*ffi::sqlite3_user_data(ctx).cast::<ScalarData>();
        let db = context_db(ctx);
        let argv = arguments(argc, argv);
        if data.subtyped {
            let args: Vec<SubtypedValue> = argv
                .iter()
                .map(|&v| SubtypedValue { value: ValueRef::from_raw(v).to_owned().into_wit(), subtype: ffi::sqlite3_value_subtype(v) as u8 })
                .collect();
            finish(ctx, relayed(db, || scalar::invoke_subtyped(data.id, &args)), true);
            return;
        }
        let id = data.id;
        let a = |i: usize| arg(ValueRef::from_raw(argv[i]));
        let out = match argv.len() {
            0 => relayed(db, || scalar::invoke0(id)),
            1 => relayed(db, || scalar::invoke1(id, &a(0))),
            2 => relayed(db, || scalar::invoke2(id, &a(0), &a(1))),
            3 => relayed(db, || scalar::invoke3(id, &a(0), &a(1), &a(2))),
            _ => {
                let args: Vec<Arg> = argv.iter().map(|&v| arg(ValueRef::from_raw(v))).collect();
                relayed(db, || scalar::invoke(id, &args))
            }
        };
        finish(ctx, SubtypedOutcome { value: out, subtype: 0 }, false);
    }
}

/// An owned SQLite value as the contract's general `value`.
pub(crate) trait IntoWit {
    fn into_wit(self) -> Value;
}

impl IntoWit for sqlink_sqlite::Value {
    fn into_wit(self) -> Value {
        use sqlink_sqlite::Value as V;
        match self {
            V::Null => Value::Null,
            V::Integer(i) => Value::Integer(i),
            V::Real(r) => Value::Real(r),
            V::Text(t) => Value::Text(t),
            V::Blob(b) => Value::Blob(b),
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
    pending: Vec<Arg>,
    /// The subtype of each pending argument (subtyped aggregates only).
    subtypes: Vec<u8>,
    width: u32,
    rows: u32,
    bytes: usize,
}

impl Group {
    fn new(id: u64) -> Group {
        Group { id, pending: Vec::new(), subtypes: Vec::new(), width: 0, rows: 0, bytes: 0 }
    }

    fn flush(&mut self, db: Db, data: &AggregateData) -> Result<(), (i32, String)> {
        if self.rows == 0 {
            return Ok(());
        }
        let code = relayed(db, || aggregate::step(data.id, self.id, self.rows, self.width, &self.pending, &self.subtypes));
        self.pending.clear();
        self.subtypes.clear();
        self.rows = 0;
        self.bytes = 0;
        status(code)
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
            *slot = Box::into_raw(Box::new(Group::new(id)));
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

/// The subtypes of a row's arguments (none for aggregates not flagged
/// `subtype`).
///
/// # Safety
/// SQLite's callback contract.
unsafe fn subtypes(data: &AggregateData, argv: &[*mut ffi::sqlite3_value]) -> Vec<u8> {
    // SAFETY: per the function contract.
    if data.subtyped { argv.iter().map(|&v| unsafe { ffi::sqlite3_value_subtype(v) as u8 }).collect() } else { Vec::new() }
}

unsafe extern "C" fn aggregate_step(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let data = aggregate_data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        let Some(g) = group(ctx) else { return ffi::sqlite3_result_error_nomem(ctx) };
        if g.rows > 0
            && g.width != argv.len() as u32
            && let Err(e) = g.flush(context_db(ctx), data)
        {
            return fail(ctx, &e);
        }
        g.width = argv.len() as u32;
        for &v in argv {
            let a = arg(ValueRef::from_raw(v));
            g.bytes += heap_bytes(&a);
            g.pending.push(a);
        }
        g.subtypes.extend(subtypes(data, argv));
        g.rows += 1;
        if (g.rows >= BATCH_ROWS || g.bytes >= BATCH_BYTES)
            && let Err(e) = g.flush(context_db(ctx), data)
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
        let args: Vec<Arg> = argv.iter().map(|&v| arg(ValueRef::from_raw(v))).collect();
        let out = g.flush(context_db(ctx), data).and_then(|()| status(relayed(context_db(ctx), || aggregate::inverse(data.id, g.id, 1, argv.len() as u32, &args, &subtypes(data, argv)))));
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
        match g.flush(context_db(ctx), data) {
            Ok(()) => finish(ctx, relayed(context_db(ctx), || aggregate::value(data.id, g.id)), data.subtyped),
            Err(e) => fail(ctx, &e),
        }
    }
}

unsafe extern "C" fn aggregate_final(ctx: *mut ffi::sqlite3_context) {
    let data = aggregate_data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        match take_group(ctx) {
            // No rows: the aggregate of nothing, on a fresh group.
            None => {
                let group = NEXT_GROUP.with(|n| n.replace(n.get() + 1));
                finish(ctx, relayed(context_db(ctx), || aggregate::finalize(data.id, group)), data.subtyped)
            }
            Some(mut g) => {
                // Finalize even after a failed flush, so the extension drops
                // the group's state; report the first error.
                let flushed = g.flush(context_db(ctx), data);
                let out = relayed(context_db(ctx), || aggregate::finalize(data.id, g.id));
                match flushed {
                    Ok(()) => finish(ctx, out, data.subtyped),
                    Err(e) => {
                        // Take what the finalize left, so it does not linger.
                        settle(out.value);
                        fail(ctx, &e)
                    }
                }
            }
        }
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
        let k = match settle(collation::sort_key(self.id, &arg(ValueRef::Text(text)))) {
            Settled::Inline { bytes, .. } => bytes.as_bytes().to_vec(),
            Settled::Value(Value::Text(k) | Value::Blob(k)) => k,
            // A collation cannot fail in SQLite's API: order that text by
            // its bytes, and say so.
            other => {
                if let Settled::Error(_, message) = other {
                    eprintln!("collation failed, ordering bytewise: {}", crate::extension::blamed(&message));
                }
                text.to_vec()
            }
        };
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
    let ordering = if data.keyed { data.key(a).cmp(&data.key(b)) } else { collation::compare(data.id, &arg(ValueRef::Text(a)), &arg(ValueRef::Text(b))).cmp(&0) };
    ordering as c_int
}

pub(crate) fn create_collation(db: Db, name: &str, id: u32, keyed: bool) -> Result<(), Error> {
    let data = Box::new(CollationData { id, keyed, keys: RefCell::new((HashMap::new(), 0)) });
    db.create_collation(name, data, collation_compare)
}

pub(crate) fn delete_collation(db: Db, name: &str) -> Result<(), Error> {
    db.delete_collation(name)
}
