//! Aggregate and window function callbacks.
//!
//! SQLite calls `xStep` once per row; crossing into wasm for each would cost
//! a call per row. Rows are instead buffered per group and sent in batches,
//! flushed before anything that needs the state (`xInverse`, `xValue`,
//! `xFinal`), so the extension sees exactly the same sequence of rows.

use super::{arguments, extension_error, guard, set_result};
use crate::bindings::{ArgRef, SubtypedArgRef, SubtypedValue};
use crate::error::Error;
use crate::instance::Live;
use sqlink_sqlite::{Value, ValueRef, ffi};
use std::ffi::c_int;
use std::sync::Arc;

/// Rows buffered before a flush.
const BATCH_ROWS: u32 = 256;
/// Bytes of text and blobs buffered before a flush.
const BATCH_BYTES: usize = 1 << 20;

/// User data of a registered aggregate.
pub(crate) struct AggregateData {
    pub live: Arc<Live>,
    pub id: u32,
    pub subtyped: bool,
}

/// The running state of one group, owned through SQLite's aggregate context.
struct Group {
    id: u64,
    /// Instance generation the group started on.
    generation: u64,
    pending: Vec<(Value, u8)>,
    width: u32,
    rows: u32,
    bytes: usize,
}

impl AggregateData {
    /// The group of this context, created on first use.
    ///
    /// # Safety
    /// `ctx` must be the context of a running aggregate callback.
    unsafe fn group<'a>(&self, ctx: *mut ffi::sqlite3_context, create: bool) -> Result<Option<&'a mut Group>, Error> {
        let size = if create { std::mem::size_of::<*mut Group>() as c_int } else { 0 };
        // SAFETY: SQLite hands out zeroed per-group memory of `size` bytes,
        // or null when `size` is 0 and none was allocated.
        let slot = unsafe { ffi::sqlite3_aggregate_context(ctx, size) }.cast::<*mut Group>();
        if slot.is_null() {
            return if create { Err(Error::with_code(ffi::SQLITE_NOMEM, "out of memory")) } else { Ok(None) };
        }
        // SAFETY: the slot holds null or a `Group` we boxed earlier.
        unsafe {
            if (*slot).is_null() {
                if !create {
                    return Ok(None);
                }
                let group = Group { id: self.live.next_group(), generation: self.live.generation(), pending: Vec::new(), width: 0, rows: 0, bytes: 0 };
                *slot = Box::into_raw(Box::new(group));
            }
            Ok(Some(&mut **slot))
        }
    }

    /// Takes the group out of the context, freeing the slot's box.
    ///
    /// # Safety
    /// As for [`AggregateData::group`]; called from `xFinal` only.
    unsafe fn take_group(&self, ctx: *mut ffi::sqlite3_context) -> Option<Box<Group>> {
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

    fn check_generation(&self, group: &Group) -> Result<(), Error> {
        if group.generation != self.live.generation() {
            return Err(Error::new(format!(
                "{}: the aggregate's state was lost when the extension restarted after an earlier error",
                self.live.name()
            )));
        }
        Ok(())
    }

    /// Sends buffered rows to the extension.
    fn flush(&self, group: &mut Group) -> Result<(), Error> {
        if group.rows == 0 {
            return Ok(());
        }
        self.check_generation(group)?;
        let args: Vec<SubtypedArgRef<'_>> =
            group.pending.iter().map(|(v, subtype)| SubtypedArgRef { value: v.as_ref().into(), subtype: *subtype }).collect();
        let result = self.live.call(|inst| inst.step(self.id, group.id, group.rows, group.width, &args));
        group.pending.clear();
        group.rows = 0;
        group.bytes = 0;
        result?.map_err(|e| extension_error(self.live.name(), e))
    }

    fn subtype_of(&self, v: *mut ffi::sqlite3_value) -> u8 {
        // SAFETY: a valid argument value.
        if self.subtyped { unsafe { ffi::sqlite3_value_subtype(v) as u8 } } else { 0 }
    }

    /// # Safety
    /// `ctx` must be this callback's context.
    unsafe fn finish(&self, ctx: *mut ffi::sqlite3_context, out: SubtypedValue) {
        // SAFETY: per the function contract.
        unsafe {
            set_result(ctx, &out.value);
            if self.subtyped && out.subtype != 0 {
                ffi::sqlite3_result_subtype(ctx, out.subtype as u32);
            }
        }
    }
}

fn data<'a>(ctx: *mut ffi::sqlite3_context) -> &'a AggregateData {
    // SAFETY: SQLite passes the `AggregateData` given at registration,
    // alive until its destructor runs.
    unsafe { &*ffi::sqlite3_user_data(ctx).cast::<AggregateData>() }
}

pub(crate) unsafe extern "C" fn step(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let data = data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        guard(ctx, || {
            let group = data.group(ctx, true)?.expect("created");
            if group.rows > 0 && group.width != argv.len() as u32 {
                data.flush(group)?;
            }
            group.width = argv.len() as u32;
            for &v in argv {
                let value = ValueRef::from_raw(v).to_owned();
                if let Value::Text(b) | Value::Blob(b) = &value {
                    group.bytes += b.len();
                }
                group.pending.push((value, data.subtype_of(v)));
            }
            group.rows += 1;
            if group.rows >= BATCH_ROWS || group.bytes >= BATCH_BYTES {
                data.flush(group)?;
            }
            Ok(())
        })
    }
}

pub(crate) unsafe extern "C" fn inverse(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let data = data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        let argv = arguments(argc, argv);
        guard(ctx, || {
            let group = data.group(ctx, true)?.expect("created");
            data.flush(group)?;
            data.check_generation(group)?;
            let args: Vec<SubtypedArgRef<'_>> = argv
                .iter()
                .map(|&v| SubtypedArgRef { value: ArgRef::from(ValueRef::from_raw(v)), subtype: data.subtype_of(v) })
                .collect();
            let width = args.len() as u32;
            data.live.call(|inst| inst.inverse(data.id, group.id, 1, width, &args))?.map_err(|e| extension_error(data.live.name(), e))
        })
    }
}

pub(crate) unsafe extern "C" fn value(ctx: *mut ffi::sqlite3_context) {
    let data = data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        guard(ctx, || {
            let group = data.group(ctx, true)?.expect("created");
            data.flush(group)?;
            data.check_generation(group)?;
            let out = data.live.call(|inst| inst.value(data.id, group.id))?.map_err(|e| extension_error(data.live.name(), e))?;
            data.finish(ctx, out);
            Ok(())
        })
    }
}

pub(crate) unsafe extern "C" fn finalize(ctx: *mut ffi::sqlite3_context) {
    let data = data(ctx);
    // SAFETY: SQLite's callback contract.
    unsafe {
        guard(ctx, || {
            let Some(mut group) = data.take_group(ctx) else {
                // No rows at all: the aggregate of nothing, on a fresh group.
                let fresh = data.live.next_group();
                let out = data.live.call(|inst| inst.finalize(data.id, fresh))?.map_err(|e| extension_error(data.live.name(), e))?;
                data.finish(ctx, out);
                return Ok(());
            };
            data.check_generation(&group)?;
            // Finalize even when the flush fails, so the extension drops the
            // group's state; report the first error.
            let flushed = data.flush(&mut group);
            let out = data.live.call(|inst| inst.finalize(data.id, group.id));
            flushed?;
            let out = out?.map_err(|e| extension_error(data.live.name(), e))?;
            data.finish(ctx, out);
            Ok(())
        })
    }
}
