//! Scalar function callbacks.

use super::binding::{self, Binding};
use super::builtin::Forward;
use super::{arguments, guard, set_result};
use crate::wit::{ArgRef, SubtypedValueRef};
use crate::error::Error;
use crate::instance::Live;
use sqlink_sqlite::{ValueRef, ffi};
use std::ffi::c_int;
use std::sync::Arc;

/// What serves a scalar function name.
pub(crate) enum ScalarTarget {
    /// Function `id` of an extension instance.
    Wasm {
        live: Arc<Live>,
        id: u32,
        /// Pass argument subtypes and honour the result's (`invoke-subtyped`).
        subtyped: bool,
    },
    /// SQLite's own function, brought back after a pin over it went away.
    Builtin(Forward),
}

/// `xFunc` of every scalar the host registers.
pub(crate) unsafe extern "C" fn call(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: registered with a `BindingData<ScalarTarget>` (see `Registry`).
    let binding: &Binding<ScalarTarget> = unsafe { binding::from_user_data(ffi::sqlite3_user_data(ctx)) };
    // SAFETY: SQLite passes `argc` valid values.
    let argv = unsafe { arguments(argc, argv) };
    // SAFETY: `ctx` is this callback's context.
    unsafe {
        guard(ctx, || match binding.get().target() {
            Some(ScalarTarget::Wasm { live, id, subtyped }) => call_wasm(ctx, live, *id, *subtyped, argv),
            Some(ScalarTarget::Builtin(forward)) => forward.call(ctx, argv),
            None => Err(binding.vacant()),
        })
    }
}

/// Calls an extension's scalar function and sets the result.
///
/// # Safety
/// `ctx` and `argv` must be those of the running callback.
unsafe fn call_wasm(ctx: *mut ffi::sqlite3_context, live: &Live, id: u32, subtyped: bool, argv: &[*mut ffi::sqlite3_value]) -> Result<(), Error> {
    // SAFETY: per the function contract.
    unsafe {
        if subtyped {
            let args: Vec<SubtypedValueRef<'_>> = argv
                .iter()
                .map(|&v| SubtypedValueRef { value: ValueRef::from_raw(v).into(), subtype: ffi::sqlite3_value_subtype(v) as u8 })
                .collect();
            let (value, subtype) = live.call(|inst| inst.invoke_subtyped(id, &args))??;
            set_result(ctx, &value, Some(subtype));
            return Ok(());
        }
        let out = if argv.len() <= 3 {
            let mut args = [ArgRef::Null; 3];
            for (slot, &v) in args.iter_mut().zip(argv) {
                *slot = ValueRef::from_raw(v).into();
            }
            live.call(|inst| inst.invoke(id, &args[..argv.len()]))?
        } else {
            let args: Vec<ArgRef<'_>> = argv.iter().map(|&v| ValueRef::from_raw(v).into()).collect();
            live.call(|inst| inst.invoke(id, &args))?
        };
        let value = out?;
        set_result(ctx, &value, None);
        Ok(())
    }
}
