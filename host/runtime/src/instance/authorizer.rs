//! Calls on the `authorizer` interface: may a statement being compiled do
//! this?
//!
//! Both hosts chain several extensions' authorizers the same way
//! ([`ask_all`]): in load order, any deny wins, otherwise any ignore; an
//! extension that fails (a trap, the CPU limit) denies, and why is reported
//! on stderr. An extension is not asked about statements it compiles
//! itself (through SPI).

use super::{Instance, Live, Lookup};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
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

/// The answer of `lives` together about `action`.
pub(crate) fn ask_all(lives: &[Arc<Live>], action: ActionRef<'_>) -> Decision {
    let mut answer = Decision::Allow;
    for live in lives {
        if live.is_busy() {
            continue;
        }
        let decision = match catch_unwind(AssertUnwindSafe(|| live.call(|inst| inst.authorize(action)))) {
            Ok(Ok(d)) => d,
            Ok(Err(e)) => {
                eprintln!("sqlink: authorizer failed, denying: {e}");
                return Decision::Deny;
            }
            Err(_) => {
                eprintln!("sqlink: authorizer of {} failed (internal error), denying", live.name());
                return Decision::Deny;
            }
        };
        match decision {
            Decision::Allow => {}
            Decision::Deny => return Decision::Deny,
            Decision::Ignore => answer = Decision::Ignore,
        }
    }
    answer
}
