//! Calls on the `collation` interface: comparisons and sort keys.

use super::{CallResult, Instance, Lookup};
use crate::wit::{ArgRef, Outcome};
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, Func};

/// The `collation` functions an instance exports.
#[derive(Default)]
pub(crate) struct CollationFuncs {
    compare: Option<Func>,
    sort_key: Option<Func>,
}

impl CollationFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> CollationFuncs {
        CollationFuncs { compare: get(iface, "compare"), sort_key: get(iface, "sort-key") }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.compare, "compare", (u32, ArgRef<'static>, ArgRef<'static>), (i32,));
        check!(&store, self.sort_key, "sort-key", (u32, ArgRef<'static>), (Outcome,));
        Ok(())
    }
}

impl Instance {
    /// Orders two texts with a comparing collation.
    pub(crate) fn compare(&mut self, id: u32, a: &[u8], b: &[u8]) -> wasmtime::Result<i32> {
        Ok(call!(self, collation.compare, (u32, ArgRef<'_>, ArgRef<'_>), (i32,), (id, ArgRef::text(a), ArgRef::text(b))))
    }

    /// The sort key of a keyed collation. A key that is not bytes breaks
    /// the contract and fails the call.
    pub(crate) fn sort_key(&mut self, id: u32, text: &[u8]) -> CallResult<Vec<u8>> {
        let out = call!(self, collation.sort_key, (u32, ArgRef<'_>), (Outcome,), (id, ArgRef::text(text)));
        Ok(match self.settle(out)? {
            Ok(key) => Ok(key.into_bytes().ok_or_else(|| wasmtime::format_err!("sort-key returned a value that is neither text nor a blob"))?),
            Err(e) => Err(e),
        })
    }
}
