//! `no-relay`: sqlite-core's `relay` import where no host serves an
//! extension's SQL, as in `wasmtime run dist/sqlink-cli.wasm`
//! (compositions/sqlink-cli.wac).
//!
//! Only a host suspends an extension's call to have sqlite-core run the
//! SQL it asked for (see wit/engine/relay.wit). A composed build wires its
//! extensions straight into sqlite-core, and none of those it bakes in may
//! use `spi` (no host grants it), so no call ever suspends: there is never
//! a request, and a reply answers nothing.

#[doc(hidden)]
#[allow(clippy::all, dead_code, unused_imports, missing_docs)]
mod bindings {
    wit_bindgen::generate!({
        path: "../../wit/engine",
        world: "sqlink:engine/relay-provider",
        generate_all,
    });
}

use bindings::exports::sqlink::engine::relay::{Answer, Guest, Request};

/// The component's exports.
struct Provider;

impl Guest for Provider {
    fn next() -> Option<Request> {
        None
    }

    fn reply(_answer: Answer) {}
}

bindings::export!(Provider with_types_in bindings);
