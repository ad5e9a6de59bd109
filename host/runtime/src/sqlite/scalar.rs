//! Scalar function callbacks.

use super::{arguments, extension_error, guard, set_result};
use crate::bindings::{ArgRef, SubtypedArgRef};
use crate::instance::Live;
use sqlink_sqlite::{ValueRef, ffi};
use std::ffi::c_int;
use std::sync::Arc;

/// User data of a registered scalar function.
pub(crate) struct ScalarData {
    pub live: Arc<Live>,
    pub id: u32,
    /// Pass argument subtypes and honour the result's (`invoke-subtyped`).
    pub subtyped: bool,
}

/// `xFunc` of every extension scalar.
pub(crate) unsafe extern "C" fn call(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite passes the user data given at registration, a
    // `ScalarData`, alive until the function's destructor runs.
    let data = unsafe { &*ffi::sqlite3_user_data(ctx).cast::<ScalarData>() };
    // SAFETY: SQLite passes `argc` valid values.
    let argv = unsafe { arguments(argc, argv) };
    // SAFETY: `ctx` is this callback's context.
    unsafe {
        guard(ctx, || {
            if data.subtyped {
                let args: Vec<SubtypedArgRef<'_>> = argv
                    .iter()
                    .map(|&v| SubtypedArgRef { value: ValueRef::from_raw(v).into(), subtype: ffi::sqlite3_value_subtype(v) as u8 })
                    .collect();
                let out = data.live.call(|inst| inst.invoke_subtyped(data.id, &args))?;
                let out = out.map_err(|e| extension_error(data.live.name(), e))?;
                set_result(ctx, &out.value);
                if out.subtype != 0 {
                    ffi::sqlite3_result_subtype(ctx, out.subtype as u32);
                }
                return Ok(());
            }
            let out = if argv.len() <= 3 {
                let mut args = [ArgRef::Null; 3];
                for (slot, &v) in args.iter_mut().zip(argv) {
                    *slot = ValueRef::from_raw(v).into();
                }
                data.live.call(|inst| inst.invoke(data.id, &args[..argv.len()]))?
            } else {
                let args: Vec<ArgRef<'_>> = argv.iter().map(|&v| ValueRef::from_raw(v).into()).collect();
                data.live.call(|inst| inst.invoke(data.id, &args))?
            };
            let value = out.map_err(|e| extension_error(data.live.name(), e))?;
            set_result(ctx, &value);
            Ok(())
        })
    }
}
