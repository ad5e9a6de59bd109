//! Calls on the `authorizer` interface: may a statement being compiled do
//! this?

use super::{Instance, Lookup};
use crate::wit::exports::sqlink::extension::authorizer::Action;
pub(crate) use crate::wit::exports::sqlink::extension::authorizer::Decision;
use wasmtime::AsContext;
use wasmtime::component::{ComponentExportIndex, ComponentType, Func, Lower};

/// The `authorizer` function an instance exports.
#[derive(Default)]
pub(crate) struct AuthorizerFuncs {
    authorize: Option<Func>,
}

/// An action borrowed from SQLite's authorizer callback, lowered as the
/// contract's `action`.
#[derive(ComponentType, Lower, Clone, Copy, Debug)]
#[component(record)]
pub(crate) struct ActionRef<'a> {
    pub code: i32,
    pub arg1: Option<&'a str>,
    pub arg2: Option<&'a str>,
    pub database: Option<&'a str>,
    pub accessor: Option<&'a str>,
}

impl AuthorizerFuncs {
    pub(super) fn find(iface: &Option<ComponentExportIndex>, get: &mut Lookup<'_>) -> AuthorizerFuncs {
        AuthorizerFuncs { authorize: get(iface, "authorize") }
    }

    pub(super) fn check(&self, store: impl AsContext) -> wasmtime::Result<()> {
        let store = store.as_context();
        check!(&store, self.authorize, "authorize", (Action,), (Decision,));
        Ok(())
    }
}

impl Instance {
    /// Asks the extension about one action.
    pub(crate) fn authorize(&mut self, action: ActionRef<'_>) -> wasmtime::Result<Decision> {
        Ok(call!(self, authorizer.authorize, (ActionRef<'_>,), (Decision,), (action,)))
    }
}
