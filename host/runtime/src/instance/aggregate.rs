//! Calls on the `aggregate` interface: aggregate and window functions,
//! their rows sent in batches.

use super::{CallResult, Instance, Lookup};
use crate::wit::{ArgRef, Returned, SubtypedOutcome};
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, Func};

/// The `aggregate` functions an instance exports.
#[derive(Default)]
pub(crate) struct AggregateFuncs {
    step: Option<Func>,
    inverse: Option<Func>,
    value: Option<Func>,
    finalize: Option<Func>,
}

/// `step`/`inverse` parameters: id, group, rows, width, args, subtypes.
type Rows<'a> = (u32, u64, u32, u32, &'a [ArgRef<'a>], &'a [u8]);

impl AggregateFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> AggregateFuncs {
        AggregateFuncs { step: get(iface, "step"), inverse: get(iface, "inverse"), value: get(iface, "value"), finalize: get(iface, "finalize") }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.step, "step", Rows<'static>, (i32,));
        check!(&store, self.inverse, "inverse", Rows<'static>, (i32,));
        check!(&store, self.value, "value", (u32, u64), (SubtypedOutcome,));
        check!(&store, self.finalize, "finalize", (u32, u64), (SubtypedOutcome,));
        Ok(())
    }
}

impl Instance {
    /// Adds `rows` rows of `width` arguments each to group `group`.
    pub(crate) fn step(&mut self, id: u32, group: u64, rows: u32, width: u32, args: &[ArgRef<'_>], subtypes: &[u8]) -> CallResult<()> {
        let code = call!(self, aggregate.step, Rows<'_>, (i32,), (id, group, rows, width, args, subtypes));
        self.status(code)
    }

    /// Removes rows from a window function's group.
    pub(crate) fn inverse(&mut self, id: u32, group: u64, rows: u32, width: u32, args: &[ArgRef<'_>], subtypes: &[u8]) -> CallResult<()> {
        let code = call!(self, aggregate.inverse, Rows<'_>, (i32,), (id, group, rows, width, args, subtypes));
        self.status(code)
    }

    /// A window function's current value.
    pub(crate) fn value(&mut self, id: u32, group: u64) -> CallResult<(Returned, u8)> {
        let out = call!(self, aggregate.value, (u32, u64), (SubtypedOutcome,), (id, group));
        self.settle_subtyped(out)
    }

    /// The group's final value; the group is gone afterwards.
    pub(crate) fn finalize(&mut self, id: u32, group: u64) -> CallResult<(Returned, u8)> {
        let out = call!(self, aggregate.finalize, (u32, u64), (SubtypedOutcome,), (id, group));
        self.settle_subtyped(out)
    }
}
