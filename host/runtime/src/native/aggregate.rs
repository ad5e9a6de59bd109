//! Aggregate and window function callbacks.
//!
//! SQLite calls `xStep` once per row; crossing into wasm for each would cost
//! a call per row. Rows are instead buffered per group and sent in batches,
//! flushed before anything that needs the state (`xInverse`, `xValue`,
//! `xFinal`), so the extension sees exactly the same sequence of rows.

use super::binding::{self, Binding};
use super::{arguments, guard, set_result};
use crate::wit::{ArgRef, Returned};
use crate::error::Error;
use crate::instance::Live;
use sqlink_sqlite::{Value, ValueRef, ffi};
use std::ffi::c_int;
use std::sync::Arc;

/// Rows buffered before a flush.
const BATCH_ROWS: u32 = 256;
/// Bytes of text and blobs buffered before a flush.
const BATCH_BYTES: usize = 1 << 20;

/// What serves an aggregate name: aggregate `id` of an extension instance.
pub(crate) struct AggregateTarget {
    pub live: Arc<Live>,
    pub id: u32,
    pub subtyped: bool,
}

/// The running state of one group, owned through SQLite's aggregate context.
/// It keeps the target it started with, so a group never mixes instances.
struct Group {
    target: Arc<AggregateTarget>,
    id: u64,
    /// Instance generation the group started on.
    generation: u64,
    /// Argument values of the buffered rows, and (for subtyped aggregates)
    /// their subtypes.
    pending: Vec<Value>,
    subtypes: Vec<u8>,
    width: u32,
    rows: u32,
    bytes: usize,
}

fn binding<'a>(ctx: *mut ffi::sqlite3_context) -> &'a Binding<AggregateTarget> {
    // SAFETY: registered with a `BindingData<AggregateTarget>`.
    unsafe { binding::from_user_data(ffi::sqlite3_user_data(ctx)) }
}

/// The current target of the callback's registration.
fn current(ctx: *mut ffi::sqlite3_context) -> Result<Arc<AggregateTarget>, Error> {
    let binding = binding(ctx);
    binding.get().to_arc().ok_or_else(|| binding.vacant())
}

/// The group of this context, created on first use.
///
/// # Safety
/// `ctx` must be the context of a running aggregate callback.
unsafe fn group<'a>(ctx: *mut ffi::sqlite3_context) -> Result<&'a mut Group, Error> {
    // SAFETY: SQLite hands out zeroed per-group memory of this size.
    let slot = unsafe { ffi::sqlite3_aggregate_context(ctx, std::mem::size_of::<*mut Group>() as c_int) }.cast::<*mut Group>();
    if slot.is_null() {
        return Err(Error::with_code(ffi::SQLITE_NOMEM, "out of memory"));
    }
    // SAFETY: the slot holds null or a `Group` we boxed earlier.
    unsafe {
        if (*slot).is_null() {
            let target = current(ctx)?;
            let group = Group {
                id: target.live.next_group(),
                generation: target.live.generation(),
                target,
                pending: Vec::new(),
                subtypes: Vec::new(),
                width: 0,
                rows: 0,
                bytes: 0,
            };
            *slot = Box::into_raw(Box::new(group));
        }
        Ok(&mut **slot)
    }
}

/// Takes the group out of the context, if it was ever created.
///
/// # Safety
/// As for [`group`]; called from `xFinal` only.
unsafe fn take_group(ctx: *mut ffi::sqlite3_context) -> Option<Box<Group>> {
    // SAFETY: see `group`.
    unsafe {
        let slot = ffi::sqlite3_aggregate_context(ctx, 0).cast::<*mut Group>();
        if slot.is_null() || (*slot).is_null() {
            return None;
        }
        let group = Box::from_raw(*slot);
        *slot = std::ptr::null_mut();
        Some(group)
    }
}

impl Group {
    fn live(&self) -> &Live {
        &self.target.live
    }

    fn check_generation(&self) -> Result<(), Error> {
        if self.generation != self.live().generation() {
            return Err(Error::new(format!(
                "{}: the aggregate's state was lost when the extension restarted after an earlier error",
                self.live().name()
            )));
        }
        Ok(())
    }

    /// Sends buffered rows to the extension.
    fn flush(&mut self) -> Result<(), Error> {
        if self.rows == 0 {
            return Ok(());
        }
        self.check_generation()?;
        let args: Vec<ArgRef<'_>> = self.pending.iter().map(|v| v.as_ref().into()).collect();
        let (id, group, rows, width) = (self.target.id, self.id, self.rows, self.width);
        let result = self.target.live.call(|inst| inst.step(id, group, rows, width, &args, &self.subtypes));
        self.pending.clear();
        self.subtypes.clear();
        self.rows = 0;
        self.bytes = 0;
        Ok(result??)
    }

    /// The subtypes of a row's arguments: empty unless the aggregate is
    /// flagged `subtype`.
    fn subtypes_of(&self, argv: &[*mut ffi::sqlite3_value]) -> Vec<u8> {
        // SAFETY: valid argument values.
        if self.target.subtyped { argv.iter().map(|&v| unsafe { ffi::sqlite3_value_subtype(v) as u8 }).collect() } else { Vec::new() }
    }
}

/// Sets an aggregate's result with its subtype.
///
/// # Safety
/// `ctx` must be this callback's context.
unsafe fn finish(ctx: *mut ffi::sqlite3_context, target: &AggregateTarget, (value, subtype): (Returned, u8)) {
    // SAFETY: per the function contract.
    unsafe { set_result(ctx, &value, target.subtyped.then_some(subtype)) }
}

pub(crate) unsafe extern "C" fn step(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        guard(ctx, || {
            let group = group(ctx)?;
            if group.rows > 0 && group.width != argv.len() as u32 {
                group.flush()?;
            }
            group.width = argv.len() as u32;
            for &v in argv {
                let value = ValueRef::from_raw(v).to_owned();
                if let Value::Text(b) | Value::Blob(b) = &value {
                    group.bytes += b.len();
                }
                group.pending.push(value);
            }
            let subtypes = group.subtypes_of(argv);
            group.subtypes.extend(subtypes);
            group.rows += 1;
            if group.rows >= BATCH_ROWS || group.bytes >= BATCH_BYTES {
                group.flush()?;
            }
            Ok(())
        })
    }
}

pub(crate) unsafe extern "C" fn inverse(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        guard(ctx, || {
            let group = group(ctx)?;
            group.flush()?;
            group.check_generation()?;
            let args: Vec<ArgRef<'_>> = argv.iter().map(|&v| ArgRef::from(ValueRef::from_raw(v))).collect();
            let subtypes = group.subtypes_of(argv);
            let (id, gid, width) = (group.target.id, group.id, args.len() as u32);
            group.target.live.call(|inst| inst.inverse(id, gid, 1, width, &args, &subtypes))?.map_err(Error::from)
        })
    }
}

pub(crate) unsafe extern "C" fn value(ctx: *mut ffi::sqlite3_context) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        guard(ctx, || {
            let group = group(ctx)?;
            group.flush()?;
            group.check_generation()?;
            let (id, gid) = (group.target.id, group.id);
            let out = group.target.live.call(|inst| inst.value(id, gid))??;
            finish(ctx, &group.target, out);
            Ok(())
        })
    }
}

pub(crate) unsafe extern "C" fn finalize(ctx: *mut ffi::sqlite3_context) {
    // SAFETY: SQLite's callback contract.
    unsafe {
        guard(ctx, || {
            let Some(mut group) = take_group(ctx) else {
                // No rows at all: the aggregate of nothing, on a fresh group.
                let target = current(ctx)?;
                let fresh = target.live.next_group();
                let out = target.live.call(|inst| inst.finalize(target.id, fresh))??;
                finish(ctx, &target, out);
                return Ok(());
            };
            group.check_generation()?;
            // Finalize even when the flush fails, so the extension drops the
            // group's state; report the first error.
            let flushed = group.flush();
            let (id, gid) = (group.target.id, group.id);
            let out = group.target.live.call(|inst| inst.finalize(id, gid));
            flushed?;
            let out = out??;
            finish(ctx, &group.target, out);
            Ok(())
        })
    }
}
