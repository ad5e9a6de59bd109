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

mod bindings;
mod contract;
mod engine;
mod error;
mod extension;
mod host;
mod instance;
pub mod manifest;
mod registry;
mod spi;
mod sqlite;
mod wasm_sqlite;

pub use bindings::Value;
pub use engine::Runtime;
pub use error::Error;
pub use extension::Extension;
pub use manifest::Manifest;
pub use registry::{AttachOptions, AttachReport, AttachedInfo, Registry};
pub use wasm_sqlite::{Core as WasmCore, Database, EngineError, OpenOptions, TxnState, WasmSqlite, WasmStatement};
pub use sqlink_policy::{Grant, Grants, Hints, Limits, set_hints};

/// The contract version this runtime speaks, e.g. `0.2.0`.
pub const CONTRACT_VERSION: &str = bindings::CONTRACT_VERSION;
