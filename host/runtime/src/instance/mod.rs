//! Resident instances: one per extension per connection, instantiated once
//! and called many times. A call that traps (a crash, the CPU limit, the
//! memory limit) poisons the instance; it is rebuilt from the extension's
//! `InstancePre` and the error says so.
//!
//! This file holds what every surface shares (the store, the overflow, trap
//! recovery); each contract surface adds its calls in a file of its own.

/// Calls function `$path` of `$self.funcs` (its type checked when the
/// extension was loaded, see [`Funcs::check_types`]) with `$params`.
macro_rules! call {
    ($self:ident, $($path:ident).+, $params_ty:ty, $results_ty:ty, $params:expr) => {{
        let func = $self.funcs.$($path).+.ok_or_else(|| wasmtime::format_err!(concat!("the extension does not export ", stringify!($($path).+))))?;
        // SAFETY: the type was verified by `Funcs::check_types` when the
        // extension was loaded.
        let typed = unsafe { wasmtime::component::TypedFunc::<$params_ty, $results_ty>::new_unchecked(func) };
        typed.call(&mut $self.store, $params)?.0
    }};
}

/// Checks that `$func`, if exported, has type `$params -> $results`.
macro_rules! check {
    ($store:expr, $func:expr, $name:literal, $params:ty, $results:ty) => {
        if let Some(func) = $func {
            func.typed::<$params, $results>($store).map_err(|e| wasmtime::format_err!("{}: {e}", $name))?;
        }
    };
}

mod aggregate;
pub(crate) mod authorizer;
mod collation;
mod dot_commands;
pub(crate) mod hooks;
mod scalar;
pub(crate) mod vtab;

use crate::clock::ticks_for;
use crate::error::Error;
use crate::extension::Extension;
use crate::store::{HostState, SqlAccessRef};
use crate::wit::{Bytes, Outcome, Returned, SqlError, SubtypedOutcome, manifest as wit};
use sqlink_abi::Inline;
use sqlink_policy::hint;
use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use wasmtime::Store;
use wasmtime::component::{ComponentExportIndex, Func};

/// Finds an instance's exported function by interface and name.
pub(crate) type Lookup<'a> = dyn FnMut(&Option<ComponentExportIndex>, &str) -> Option<Func> + 'a;

/// The contract functions of one instance, by surface.
pub(crate) struct Funcs {
    describe: Option<Func>,
    take: Option<Func>,
    attach: Option<Func>,
    scalar: scalar::ScalarFuncs,
    aggregate: aggregate::AggregateFuncs,
    collation: collation::CollationFuncs,
    vtab: vtab::VtabFuncs,
    hooks: hooks::HookFuncs,
    authorizer: authorizer::AuthorizerFuncs,
    dot_commands: dot_commands::DotCommandFuncs,
}

type UnitOut = (Result<(), SqlError>,);

impl Funcs {
    fn find(ext: &Extension, get: &mut Lookup<'_>) -> Funcs {
        let e = &ext.exports;
        Funcs {
            describe: get(&e.manifest, "describe"),
            take: get(&e.overflow, "take"),
            attach: get(&e.lifecycle, "attach"),
            scalar: scalar::ScalarFuncs::find(&e.scalar, get),
            aggregate: aggregate::AggregateFuncs::find(&e.aggregate, get),
            collation: collation::CollationFuncs::find(&e.collation, get),
            vtab: vtab::VtabFuncs::find(&e.vtab, get),
            hooks: hooks::HookFuncs::find(&e.hooks, get),
            authorizer: authorizer::AuthorizerFuncs::find(&e.authorizer, get),
            dot_commands: dot_commands::DotCommandFuncs::find(&e.dot_commands, get),
        }
    }

    /// Verifies every exported function has the contract's type, once per
    /// extension; calls later skip the check.
    pub(crate) fn check_types(inst: &mut Instance) -> wasmtime::Result<()> {
        let store = &inst.store;
        let f = &inst.funcs;
        check!(store, f.describe, "describe", (), (wit::Manifest,));
        check!(store, f.take, "take", (), (Vec<u8>,));
        check!(store, f.attach, "attach", (), UnitOut);
        f.scalar.check(store)?;
        f.aggregate.check(store)?;
        f.collation.check(store)?;
        f.vtab.check(store)?;
        f.hooks.check(store)?;
        f.authorizer.check(store)?;
        f.dot_commands.check(store)?;
        Ok(())
    }
}

/// One instantiated extension: its store and functions.
pub(crate) struct Instance {
    pub(crate) store: Store<HostState>,
    funcs: Funcs,
}

/// A call's result: a trap or other failure (the outer error, after which
/// the instance is rebuilt), or what the extension returned.
pub(crate) type CallResult<T> = wasmtime::Result<Result<T, SqlError>>;

impl Instance {
    pub(crate) fn new(ext: &Extension, sql: Option<SqlAccessRef>) -> wasmtime::Result<Instance> {
        let state = HostState::new(&ext.manifest.name, &ext.grants, &ext.limits, sql)?;
        let mut store = Store::new(&ext.runtime.engine, state);
        store.limiter(|s| &mut s.limiter);
        store.epoch_deadline_callback(HostState::on_deadline);
        store.set_epoch_deadline(ticks_for(ext.limits.timeout));
        store.data_mut().begin_call();
        let instance = ext.pre.instantiate(&mut store)?;
        let mut get = |iface: &Option<ComponentExportIndex>, name: &str| -> Option<Func> {
            let iface = iface.as_ref()?;
            let index = instance.get_export_index(&mut store, Some(iface), name)?;
            instance.get_func(&mut store, index)
        };
        let funcs = Funcs::find(ext, &mut get);
        Ok(Instance { store, funcs })
    }

    pub(crate) fn describe(&mut self) -> wasmtime::Result<wit::Manifest> {
        Ok(call!(self, describe, (), (wit::Manifest,), ()))
    }

    /// `overflow.take`: what the last outcome left behind.
    pub(super) fn take(&mut self) -> wasmtime::Result<Vec<u8>> {
        Ok(call!(self, take, (), (Vec<u8>,), ()))
    }

    /// What an outcome stands for, taking what it left behind (unless it is
    /// longer than any SQLite value may be: it is not copied out then). A short
    /// value over 24 bytes breaks the contract and fails the call.
    pub(super) fn settle(&mut self, out: Outcome) -> CallResult<Returned> {
        let inline = |s: crate::wit::ShortBytes| {
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
            Outcome::LongText(n) | Outcome::LongBlob(n) if u64::from(n) > MAX_LENGTH => {
                return Ok(Err(SqlError {
                    code: 18, // SQLITE_TOOBIG
                    message: format!("string or blob too big: the result is {n} bytes, SQLite's limit is {MAX_LENGTH}"),
                }));
            }
            Outcome::LongText(_) => Returned::Text(Bytes::Heap(self.take()?)),
            Outcome::LongBlob(_) => Returned::Blob(Bytes::Heap(self.take()?)),
            Outcome::Error(code) => return Ok(Err(self.error(code)?)),
        }))
    }

    /// The error of a failed call with result code `code`, its message
    /// taken from the overflow.
    pub(super) fn error(&mut self, code: i32) -> wasmtime::Result<SqlError> {
        let message = self.take()?;
        Ok(SqlError { code, message: String::from_utf8_lossy(&message).into_owned() })
    }

    /// Settles a subtyped outcome.
    pub(super) fn settle_subtyped(&mut self, out: SubtypedOutcome) -> CallResult<(Returned, u8)> {
        Ok(self.settle(out.value)?.map(|v| (v, out.subtype)))
    }

    /// A `step`/`inverse` status as a result.
    pub(super) fn status(&mut self, code: i32) -> CallResult<()> {
        Ok(if code == 0 { Ok(()) } else { Err(self.error(code)?) })
    }

    pub(crate) fn attach(&mut self) -> wasmtime::Result<Option<Result<(), SqlError>>> {
        if self.funcs.attach.is_none() {
            return Ok(None);
        }
        Ok(Some(call!(self, attach, (), UnitOut, ())))
    }
}

/// SQLite's largest text or blob (SQLITE_MAX_LENGTH, its compiled-in
/// ceiling).
const MAX_LENGTH: u64 = 1_000_000_000;

struct Slot {
    /// None when a rebuild failed; calls then report why.
    instance: Option<Instance>,
    broken: Option<String>,
}

/// The resident instance of an extension on one connection.
pub(crate) struct Live {
    pub(crate) ext: Arc<Extension>,
    /// The connection its SPI calls run on, given to every instance built.
    sql: Option<SqlAccessRef>,
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
    /// Instantiates `ext`. `sql` makes its connection for SPI, given the
    /// live instance (hosts that declare functions dispatch back into it).
    pub(crate) fn new(ext: Arc<Extension>, sql: impl FnOnce(&Weak<Live>) -> Option<SqlAccessRef>) -> Result<Arc<Live>, Error> {
        let mut failure = None;
        let live = Arc::new_cyclic(|me: &Weak<Live>| {
            let sql = sql(me);
            let instance = match Instance::new(&ext, sql.clone()) {
                Ok(i) => Some(i),
                Err(e) => {
                    failure = Some(e);
                    None
                }
            };
            Live {
                ext: ext.clone(),
                sql,
                slot: UnsafeCell::new(Slot { instance, broken: None }),
                busy: Cell::new(false),
                generation: AtomicU64::new(0),
                next_group: AtomicU64::new(1),
                deadline_ticks: ticks_for(ext.limits.timeout),
            }
        });
        match failure {
            None => Ok(live),
            Some(e) => Err(Error::new(format!("{}: cannot be instantiated: {}", ext.manifest.name, crate::runtime::root_message(&e)))),
        }
    }

    pub(crate) fn name(&self) -> &str {
        &self.ext.manifest.name
    }

    /// Whether its calls may run SQL (it was granted `spi`).
    pub(crate) fn runs_sql(&self) -> bool {
        self.ext.grants.spi()
    }

    /// A call into the instance is running (so a hook fired by its own SQL
    /// must not call it again).
    pub(crate) fn is_busy(&self) -> bool {
        self.busy.get()
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
                match Instance::new(&self.ext, self.sql.clone()) {
                    Ok(fresh) => {
                        slot.instance = Some(fresh);
                        Err(Error::new(format!("{}: {cause}; the extension was restarted", self.name())))
                    }
                    Err(e) => {
                        let why = crate::runtime::root_message(&e);
                        slot.instance = None;
                        slot.broken = Some(why.clone());
                        Err(Error::new(format!("{}: {cause}; restarting it failed: {why}", self.name())))
                    }
                }
            }
        }
    }

    /// Runs `f` like [`Live::call`]; an error the extension returned comes
    /// back as an [`Error`] too, as the extension worded it.
    pub(crate) fn call_flat<R>(&self, f: impl FnOnce(&mut Instance) -> CallResult<R>) -> Result<R, Error> {
        Ok(self.call(f)??)
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
            Some(wasmtime::Trap::StackOverflow) => {
                format!("call exceeded the stack limit of {} (recursion too deep)", human_bytes(crate::runtime::MAX_WASM_STACK as u64))
            }
            Some(trap) => format!("the extension crashed ({trap})"),
            None => format!("the call failed: {}", crate::runtime::root_message(e)),
        }
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
