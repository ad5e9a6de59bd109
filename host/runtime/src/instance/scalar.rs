//! Calls on the `scalar` interface: scalar functions.

use super::{CallResult, Instance, Lookup};
use crate::wit::{ArgRef, Outcome, Returned, SubtypedOutcome, SubtypedValueRef};
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, Func};

/// The `scalar` functions an instance exports.
#[derive(Default)]
pub(crate) struct ScalarFuncs {
    invoke: Option<Func>,
    invoke0: Option<Func>,
    invoke1: Option<Func>,
    invoke2: Option<Func>,
    invoke3: Option<Func>,
    invoke_subtyped: Option<Func>,
}

type Invoke<'a> = (u32, &'a [ArgRef<'a>]);

impl ScalarFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> ScalarFuncs {
        ScalarFuncs {
            invoke: get(iface, "invoke"),
            invoke0: get(iface, "invoke0"),
            invoke1: get(iface, "invoke1"),
            invoke2: get(iface, "invoke2"),
            invoke3: get(iface, "invoke3"),
            invoke_subtyped: get(iface, "invoke-subtyped"),
        }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.invoke, "invoke", Invoke<'static>, (Outcome,));
        check!(&store, self.invoke0, "invoke0", (u32,), (Outcome,));
        check!(&store, self.invoke1, "invoke1", (u32, ArgRef<'static>), (Outcome,));
        check!(&store, self.invoke2, "invoke2", (u32, ArgRef<'static>, ArgRef<'static>), (Outcome,));
        check!(&store, self.invoke3, "invoke3", (u32, ArgRef<'static>, ArgRef<'static>, ArgRef<'static>), (Outcome,));
        check!(&store, self.invoke_subtyped, "invoke-subtyped", (u32, &'static [SubtypedValueRef<'static>]), (SubtypedOutcome,));
        Ok(())
    }
}

impl Instance {
    /// Calls a scalar function, through the fixed-arity entry points when
    /// there are at most three arguments.
    pub(crate) fn invoke(&mut self, id: u32, args: &[ArgRef<'_>]) -> CallResult<Returned> {
        let out = match *args {
            [] => call!(self, scalar.invoke0, (u32,), (Outcome,), (id,)),
            [a] => call!(self, scalar.invoke1, (u32, ArgRef<'_>), (Outcome,), (id, a)),
            [a, b] => call!(self, scalar.invoke2, (u32, ArgRef<'_>, ArgRef<'_>), (Outcome,), (id, a, b)),
            [a, b, c] => call!(self, scalar.invoke3, (u32, ArgRef<'_>, ArgRef<'_>, ArgRef<'_>), (Outcome,), (id, a, b, c)),
            _ => call!(self, scalar.invoke, Invoke<'_>, (Outcome,), (id, args)),
        };
        self.settle(out)
    }

    /// Calls a scalar function flagged `subtype` or `result-subtype`.
    pub(crate) fn invoke_subtyped(&mut self, id: u32, args: &[SubtypedValueRef<'_>]) -> CallResult<(Returned, u8)> {
        let out = call!(self, scalar.invoke_subtyped, (u32, &[SubtypedValueRef<'_>]), (SubtypedOutcome,), (id, args));
        self.settle_subtyped(out)
    }
}
