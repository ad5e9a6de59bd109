//! Resident instances: one per extension per connection, instantiated once
//! and called many times. A call that traps (a crash, the CPU limit, the
//! memory limit) poisons the instance; it is rebuilt from the extension's
//! `InstancePre` and the error says so.

use crate::bindings::{ArgRef, Bytes, Outcome, Returned, SqlError, SubtypedOutcome, SubtypedValueRef, manifest as wit};
use crate::engine::ticks_for;
use crate::error::Error;
use crate::extension::Extension;
use crate::host::HostState;
use sqlink_abi::Inline;
use sqlink_policy::hint;
use crate::spi::SpiTarget;
use std::sync::atomic::{AtomicU64, Ordering};
use std::cell::{Cell, UnsafeCell};
use std::sync::{Arc, Mutex, Weak};
use wasmtime::Store;
use wasmtime::component::{Func, TypedFunc};

/// The contract functions of one instance.
#[derive(Default)]
pub(crate) struct Funcs {
    describe: Option<Func>,
    take: Option<Func>,
    invoke: Option<Func>,
    invoke0: Option<Func>,
    invoke1: Option<Func>,
    invoke2: Option<Func>,
    invoke3: Option<Func>,
    invoke_subtyped: Option<Func>,
    step: Option<Func>,
    inverse: Option<Func>,
    value: Option<Func>,
    finalize: Option<Func>,
    compare: Option<Func>,
    sort_key: Option<Func>,
    attach: Option<Func>,
}

type Invoke<'a> = (u32, &'a [ArgRef<'a>]);
type Rows<'a> = (u32, u64, u32, u32, &'a [ArgRef<'a>], &'a [u8]);
type UnitOut = (Result<(), SqlError>,);

impl Funcs {
    /// Verifies every exported function has the contract's type, once per
    /// extension; calls later skip the check.
    pub(crate) fn check_types(inst: &mut Instance) -> wasmtime::Result<()> {
        let store = &inst.store;
        let f = &inst.funcs;
        macro_rules! check {
            ($field:ident, $params:ty, $results:ty) => {
                if let Some(func) = f.$field {
                    func.typed::<$params, $results>(store)
                        .map_err(|e| wasmtime::format_err!("{}: {e}", stringify!($field)))?;
                }
            };
        }
        check!(describe, (), (wit::Manifest,));
        check!(take, (), (Vec<u8>,));
        check!(invoke, Invoke<'static>, (Outcome,));
        check!(invoke0, (u32,), (Outcome,));
        check!(invoke1, (u32, ArgRef<'static>), (Outcome,));
        check!(invoke2, (u32, ArgRef<'static>, ArgRef<'static>), (Outcome,));
        check!(invoke3, (u32, ArgRef<'static>, ArgRef<'static>, ArgRef<'static>), (Outcome,));
        check!(invoke_subtyped, (u32, &'static [SubtypedValueRef<'static>]), (SubtypedOutcome,));
        check!(step, Rows<'static>, (i32,));
        check!(inverse, Rows<'static>, (i32,));
        check!(value, (u32, u64), (SubtypedOutcome,));
        check!(finalize, (u32, u64), (SubtypedOutcome,));
        check!(compare, (u32, ArgRef<'static>, ArgRef<'static>), (i32,));
        check!(sort_key, (u32, ArgRef<'static>), (Outcome,));
        check!(attach, (), UnitOut);
        Ok(())
    }
}

/// One instantiated extension: its store and functions.
pub(crate) struct Instance {
    pub(crate) store: Store<HostState>,
    funcs: Funcs,
}

/// Calls `$func` (checked by [`Funcs::check_types`]) with `$params`.
macro_rules! call {
    ($self:ident, $field:ident, $params_ty:ty, $results_ty:ty, $params:expr) => {{
        let func = $self.funcs.$field.ok_or_else(|| wasmtime::format_err!(concat!("the extension does not export ", stringify!($field))))?;
        // SAFETY: the type was verified by `Funcs::check_types` when the
        // extension was loaded.
        let typed = unsafe { TypedFunc::<$params_ty, $results_ty>::new_unchecked(func) };
        typed.call(&mut $self.store, $params)?.0
    }};
}

/// A call's result: a trap or other failure (the outer error, after which
/// the instance is rebuilt), or what the extension returned.
pub(crate) type CallResult<T> = wasmtime::Result<Result<T, SqlError>>;

impl Instance {
    pub(crate) fn new(ext: &Extension, spi: SpiTarget, live: Weak<Live>) -> wasmtime::Result<Instance> {
        let state = HostState::new(&ext.manifest.name, &ext.grants, &ext.limits, spi, live)?;
        let mut store = Store::new(&ext.runtime.engine, state);
        store.limiter(|s| &mut s.limiter);
        store.epoch_deadline_callback(HostState::on_deadline);
        store.set_epoch_deadline(ticks_for(ext.limits.timeout));
        store.data_mut().begin_call();
        let instance = ext.pre.instantiate(&mut store)?;
        let e = &ext.exports;
        let mut func = |iface: &Option<wasmtime::component::ComponentExportIndex>, name: &str| -> Option<Func> {
            let iface = iface.as_ref()?;
            let index = instance.get_export_index(&mut store, Some(iface), name)?;
            instance.get_func(&mut store, index)
        };
        let funcs = Funcs {
            describe: func(&e.manifest, "describe"),
            take: func(&e.overflow, "take"),
            invoke: func(&e.scalar, "invoke"),
            invoke0: func(&e.scalar, "invoke0"),
            invoke1: func(&e.scalar, "invoke1"),
            invoke2: func(&e.scalar, "invoke2"),
            invoke3: func(&e.scalar, "invoke3"),
            invoke_subtyped: func(&e.scalar, "invoke-subtyped"),
            step: func(&e.aggregate, "step"),
            inverse: func(&e.aggregate, "inverse"),
            value: func(&e.aggregate, "value"),
            finalize: func(&e.aggregate, "finalize"),
            compare: func(&e.collation, "compare"),
            sort_key: func(&e.collation, "sort-key"),
            attach: func(&e.lifecycle, "attach"),
        };
        Ok(Instance { store, funcs })
    }

    pub(crate) fn describe(&mut self) -> wasmtime::Result<wit::Manifest> {
        Ok(call!(self, describe, (), (wit::Manifest,), ()))
    }

    /// `overflow.take`: what the last outcome left behind.
    fn take(&mut self) -> wasmtime::Result<Vec<u8>> {
        Ok(call!(self, take, (), (Vec<u8>,), ()))
    }

    /// What an outcome stands for, taking what it left behind. A short
    /// value over 24 bytes breaks the contract and fails the call.
    fn settle(&mut self, out: Outcome) -> CallResult<Returned> {
        let inline = |s: crate::bindings::ShortBytes| {
            Inline::from_words(s.len, [s.w0, s.w1, s.w2])
                .map(Bytes::Inline)
                .ok_or_else(|| wasmtime::format_err!("the extension returned {} bytes inline, more than the contract's 24", s.len))
        };
        Ok(Ok(match out {
            Outcome::Null => Returned::Null,
            Outcome::Integer(i) => Returned::Integer(i),
            Outcome::Real(r) => Returned::Real(r),
            Outcome::ShortText(s) => Returned::Text(inline(s)?),
            Outcome::ShortBlob(s) => Returned::Blob(inline(s)?),
            Outcome::LongText(_) => Returned::Text(Bytes::Heap(self.take()?)),
            Outcome::LongBlob(_) => Returned::Blob(Bytes::Heap(self.take()?)),
            Outcome::Error(code) => return Ok(Err(self.error(code)?)),
        }))
    }

    /// The error of a failed call with result code `code`, its message
    /// taken from the overflow.
    fn error(&mut self, code: i32) -> wasmtime::Result<SqlError> {
        let message = self.take()?;
        Ok(SqlError { code, message: String::from_utf8_lossy(&message).into_owned() })
    }

    /// Settles a subtyped outcome.
    fn settle_subtyped(&mut self, out: SubtypedOutcome) -> CallResult<(Returned, u8)> {
        Ok(self.settle(out.value)?.map(|v| (v, out.subtype)))
    }

    /// A `step`/`inverse` status as a result.
    fn status(&mut self, code: i32) -> CallResult<()> {
        Ok(if code == 0 { Ok(()) } else { Err(self.error(code)?) })
    }

    /// Calls a scalar function, through the fixed-arity entry points when
    /// there are at most three arguments.
    pub(crate) fn invoke(&mut self, id: u32, args: &[ArgRef<'_>]) -> CallResult<Returned> {
        let out = match *args {
            [] => call!(self, invoke0, (u32,), (Outcome,), (id,)),
            [a] => call!(self, invoke1, (u32, ArgRef<'_>), (Outcome,), (id, a)),
            [a, b] => call!(self, invoke2, (u32, ArgRef<'_>, ArgRef<'_>), (Outcome,), (id, a, b)),
            [a, b, c] => call!(self, invoke3, (u32, ArgRef<'_>, ArgRef<'_>, ArgRef<'_>), (Outcome,), (id, a, b, c)),
            _ => call!(self, invoke, Invoke<'_>, (Outcome,), (id, args)),
        };
        self.settle(out)
    }

    pub(crate) fn invoke_subtyped(&mut self, id: u32, args: &[SubtypedValueRef<'_>]) -> CallResult<(Returned, u8)> {
        let out = call!(self, invoke_subtyped, (u32, &[SubtypedValueRef<'_>]), (SubtypedOutcome,), (id, args));
        self.settle_subtyped(out)
    }

    pub(crate) fn step(&mut self, id: u32, group: u64, rows: u32, width: u32, args: &[ArgRef<'_>], subtypes: &[u8]) -> CallResult<()> {
        let code = call!(self, step, Rows<'_>, (i32,), (id, group, rows, width, args, subtypes));
        self.status(code)
    }

    pub(crate) fn inverse(&mut self, id: u32, group: u64, rows: u32, width: u32, args: &[ArgRef<'_>], subtypes: &[u8]) -> CallResult<()> {
        let code = call!(self, inverse, Rows<'_>, (i32,), (id, group, rows, width, args, subtypes));
        self.status(code)
    }

    pub(crate) fn value(&mut self, id: u32, group: u64) -> CallResult<(Returned, u8)> {
        let out = call!(self, value, (u32, u64), (SubtypedOutcome,), (id, group));
        self.settle_subtyped(out)
    }

    pub(crate) fn finalize(&mut self, id: u32, group: u64) -> CallResult<(Returned, u8)> {
        let out = call!(self, finalize, (u32, u64), (SubtypedOutcome,), (id, group));
        self.settle_subtyped(out)
    }

    pub(crate) fn compare(&mut self, id: u32, a: &[u8], b: &[u8]) -> wasmtime::Result<i32> {
        Ok(call!(self, compare, (u32, ArgRef<'_>, ArgRef<'_>), (i32,), (id, ArgRef::text(a), ArgRef::text(b))))
    }

    /// The sort key of a keyed collation. A key that is not bytes breaks
    /// the contract and fails the call.
    pub(crate) fn sort_key(&mut self, id: u32, text: &[u8]) -> CallResult<Vec<u8>> {
        let out = call!(self, sort_key, (u32, ArgRef<'_>), (Outcome,), (id, ArgRef::text(text)));
        Ok(match self.settle(out)? {
            Ok(key) => Ok(key.into_bytes().ok_or_else(|| wasmtime::format_err!("sort-key returned a value that is neither text nor a blob"))?),
            Err(e) => Err(e),
        })
    }

    pub(crate) fn attach(&mut self) -> wasmtime::Result<Option<Result<(), SqlError>>> {
        if self.funcs.attach.is_none() {
            return Ok(None);
        }
        Ok(Some(call!(self, attach, (), UnitOut, ())))
    }
}

struct Slot {
    /// None when a rebuild failed; calls then report why.
    instance: Option<Instance>,
    broken: Option<String>,
}

/// The resident instance of an extension on one connection.
pub(crate) struct Live {
    pub(crate) ext: Arc<Extension>,
    spi: SpiTarget,
    me: Weak<Live>,
    /// Used only by the one call running (see `busy`).
    slot: UnsafeCell<Slot>,
    /// A call is running. A second call while set can only be re-entry
    /// from that call (SQL it runs through SPI calling the extension again).
    busy: Cell<bool>,
    /// Bumped each time the instance is rebuilt: aggregate state kept by the
    /// old instance is gone.
    generation: AtomicU64,
    next_group: AtomicU64,
    /// The CPU limit in epoch ticks, armed before each call.
    deadline_ticks: u64,
    /// Functions the extension declared at run time through SPI, by
    /// (lowercase name, arity), with the body slot of SQL-bodied ones;
    /// removed when it is unloaded.
    pub(crate) declared: Mutex<std::collections::BTreeMap<(String, i32), Declared>>,
}

// SAFETY: a `Live` belongs to one connection and is used only from that
// connection's callbacks and by its registry, which SQLite runs one at a
// time (its own mutex in serialized mode, the application's promise in
// multi-thread mode); its mutexes order memory between threads. Within one
// thread, `busy` keeps calls from overlapping.
unsafe impl Sync for Live {}

/// Clears `busy` when a call ends, however it ends.
struct Busy<'a>(&'a Cell<bool>);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

impl Live {
    pub(crate) fn new(ext: Arc<Extension>, spi: SpiTarget) -> Result<Arc<Live>, Error> {
        let mut failure = None;
        let live = Arc::new_cyclic(|me: &Weak<Live>| {
            let instance = match Instance::new(&ext, spi.clone(), me.clone()) {
                Ok(i) => Some(i),
                Err(e) => {
                    failure = Some(e);
                    None
                }
            };
            Live {
                ext: ext.clone(),
                spi,
                me: me.clone(),
                slot: UnsafeCell::new(Slot { instance, broken: None }),
                busy: Cell::new(false),
                generation: AtomicU64::new(0),
                next_group: AtomicU64::new(1),
                deadline_ticks: ticks_for(ext.limits.timeout),
                declared: Mutex::new(Default::default()),
            }
        });
        match failure {
            None => Ok(live),
            Some(e) => Err(Error::new(format!("{}: cannot be instantiated: {}", ext.manifest.name, crate::engine::root_message(&e)))),
        }
    }

    pub(crate) fn name(&self) -> &str {
        &self.ext.manifest.name
    }

    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    /// A group number never used before on this instance.
    pub(crate) fn next_group(&self) -> u64 {
        self.next_group.fetch_add(1, Ordering::Relaxed)
    }

    /// Runs `f` against the instance with a fresh CPU budget. A trap
    /// rebuilds the instance and becomes an error naming the cause.
    pub(crate) fn call<R>(&self, f: impl FnOnce(&mut Instance) -> wasmtime::Result<R>) -> Result<R, Error> {
        if self.busy.replace(true) {
            return Err(Error::new(format!(
                "{}: the extension is already running a call on this connection (SQL it runs through SPI cannot call its own functions)",
                self.name()
            )));
        }
        let _busy = Busy(&self.busy);
        // SAFETY: `busy` was clear and is now set: this is the only call
        // running, and nothing else touches the slot (see `impl Sync`).
        let slot = unsafe { &mut *self.slot.get() };
        let Some(instance) = slot.instance.as_mut() else {
            let why = slot.broken.clone().unwrap_or_default();
            return Err(Error::new(format!("{}: the extension is unusable since a failed restart: {why}", self.name())));
        };
        instance.store.data_mut().begin_call();
        instance.store.set_epoch_deadline(self.deadline_ticks);
        match f(instance) {
            Ok(r) => Ok(r),
            Err(e) => {
                let cause = self.failure(&e, instance.store.data());
                self.generation.fetch_add(1, Ordering::Relaxed);
                match Instance::new(&self.ext, self.spi.clone(), self.me.clone()) {
                    Ok(fresh) => {
                        slot.instance = Some(fresh);
                        Err(Error::new(format!("{}: {cause}; the extension was restarted", self.name())))
                    }
                    Err(e) => {
                        let why = crate::engine::root_message(&e);
                        slot.instance = None;
                        slot.broken = Some(why.clone());
                        Err(Error::new(format!("{}: {cause}; restarting it failed: {why}", self.name())))
                    }
                }
            }
        }
    }

    /// Words the cause of a failed call.
    fn failure(&self, e: &wasmtime::Error, state: &HostState) -> String {
        let limits = &self.ext.limits;
        if state.timed_out {
            return format!("call exceeded the CPU time limit of {} ms (raise it with {})", limits.timeout.as_millis(), hint::option("timeout", "MS"));
        }
        if state.limiter.exceeded.is_some() {
            return format!("call exceeded the memory limit of {} (raise it with {})", human_bytes(limits.memory), hint::option("mem", "BYTES"));
        }
        match e.downcast_ref::<wasmtime::Trap>() {
            Some(trap) => format!("the extension crashed ({trap})"),
            None => format!("the call failed: {}", crate::engine::root_message(e)),
        }
    }
}

/// A function declared at run time.
pub(crate) struct Declared {
    /// The name as declared.
    pub name: String,
    /// The body of a SQL-bodied function (None for `invoke` bodies).
    pub sql: Option<crate::sqlite::sql_body::BodySlot>,
}

impl Declared {
    /// Whether it is still callable (not forgotten).
    pub(crate) fn is_active(&self) -> bool {
        self.sql.as_ref().is_none_or(|slot| slot.lock().map(|b| b.is_some()).unwrap_or(false))
    }
}

/// `268435456` → `256 MiB`.
pub(crate) fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}
