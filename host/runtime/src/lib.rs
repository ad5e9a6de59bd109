//! The native sqlink runtime: loads extension components into wasmtime and
//! registers them on SQLite connections.
//!
//! * [`Runtime`] — one per process: the wasmtime engine, the linker with the
//!   host imports (sandboxed WASI, `spi`, `log`), the epoch ticker behind CPU
//!   limits, and compiled code cached in the CAS.
//! * [`Extension`] — a component compiled, checked against the operator's
//!   grants (what it declares and what it imports), and described.
//! * [`Registry`] — the extensions attached to one connection: one resident
//!   instance each, their functions, aggregates and collations registered
//!   with exactly the flags their manifest gives, bare names assigned by the
//!   naming rules of `sqlink-naming`.
//!
//! * [`WasmSqlite`] — SQLite itself as a wasm component (`sqlite-core`),
//!   its extension imports served from extensions loaded at run time.
//!
//! Everything reaches SQLite through `sqlink-sqlite`, so the same code serves
//! the `sqlink` shell and the loadable library for other SQLite programs.

//! Layers, each using only those below it:
//!
//! * `native`, `wasm_engine` — the two SQLite hosts, side by side;
//! * `attach` — what both hosts share: options, reports, listings, checks;
//! * `load` — compiling, checking and describing an extension;
//! * `instance` — resident instances, one file per contract surface;
//! * `extension`, `runtime` — a compiled component; the wasmtime engine;
//! * `store` — what each instance's store holds, one file per host import;
//! * `contract`, `manifest`, `wit`, `clock`, `error` — the vocabulary.

mod attach;
mod clock;
mod contract;
mod error;
mod extension;
mod instance;
mod load;
pub mod manifest;
mod native;
mod runtime;
mod store;
mod wasm_engine;
mod wit;

pub use attach::{AttachOptions, AttachReport, AttachedInfo};
pub use error::Error;
pub use extension::Extension;
pub use manifest::Manifest;
pub use native::registry::Registry;
pub use runtime::Runtime;
pub use wasm_engine::{Core as WasmCore, CopyError, Database, EngineError, OpenOptions, TxnState, WasmSqlite, WasmStatement};
pub use wit::Value;
pub use sqlink_policy::{Grant, Grants, Hints, Limits, set_hints};

/// The contract version this runtime speaks, e.g. `0.2.0`.
pub const CONTRACT_VERSION: &str = wit::CONTRACT_VERSION;
