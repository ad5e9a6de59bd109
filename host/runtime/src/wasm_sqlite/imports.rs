//! What `sqlite-core` imports, served by the host: the loaded extensions,
//! merged into one ([`Union`]), behind the four extension interfaces.

use super::union::{CompareOutcome, Union};
use super::wit::ext;
use crate::bindings::{SqlError, SubtypedValue, Value};
use std::sync::{Arc, Mutex};
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

/// The state of the `sqlite-core` store: its WASI context and the
/// extensions it imports.
pub(crate) struct CoreState {
    pub wasi: WasiCtx,
    pub table: ResourceTable,
    pub union: Arc<Mutex<Union>>,
}

impl WasiView for CoreState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

impl CoreState {
    fn union(&self) -> std::sync::MutexGuard<'_, Union> {
        self.union.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl crate::bindings::types::Host for CoreState {}

impl ext::manifest::Host for CoreState {
    fn describe(&mut self) -> ext::manifest::Manifest {
        self.union().describe()
    }
}

impl ext::scalar::Host for CoreState {
    fn invoke(&mut self, id: u32, args: Vec<Value>) -> Result<Value, SqlError> {
        self.union().invoke(id, &args)
    }
    fn invoke0(&mut self, id: u32) -> Result<Value, SqlError> {
        self.union().invoke(id, &[])
    }
    fn invoke1(&mut self, id: u32, a: Value) -> Result<Value, SqlError> {
        self.union().invoke(id, &[a])
    }
    fn invoke2(&mut self, id: u32, a: Value, b: Value) -> Result<Value, SqlError> {
        self.union().invoke(id, &[a, b])
    }
    fn invoke3(&mut self, id: u32, a: Value, b: Value, c: Value) -> Result<Value, SqlError> {
        self.union().invoke(id, &[a, b, c])
    }
    fn invoke_subtyped(&mut self, id: u32, args: Vec<SubtypedValue>) -> Result<SubtypedValue, SqlError> {
        self.union().invoke_subtyped(id, &args)
    }
}

impl ext::aggregate::Host for CoreState {
    fn step(&mut self, id: u32, group: u64, rows: u32, width: u32, args: Vec<SubtypedValue>) -> Result<(), SqlError> {
        self.union().step(id, group, rows, width, &args, false)
    }
    fn inverse(&mut self, id: u32, group: u64, rows: u32, width: u32, args: Vec<SubtypedValue>) -> Result<(), SqlError> {
        self.union().step(id, group, rows, width, &args, true)
    }
    fn value(&mut self, id: u32, group: u64) -> Result<SubtypedValue, SqlError> {
        self.union().value(id, group, false)
    }
    fn finalize(&mut self, id: u32, group: u64) -> Result<SubtypedValue, SqlError> {
        self.union().value(id, group, true)
    }
}

/// A collation cannot fail in SQLite's API: a failed call orders bytewise
/// and says so on stderr.
impl ext::collation::Host for CoreState {
    fn compare(&mut self, id: u32, a: Vec<u8>, b: Vec<u8>) -> i32 {
        match self.union().compare(id, &a, &b, false) {
            Ok(CompareOutcome::Order(o)) => o,
            Ok(CompareOutcome::Key(_)) => 0,
            Err(e) => {
                eprintln!("collation failed, ordering bytewise: {e}");
                a.cmp(&b) as i32
            }
        }
    }
    fn sort_key(&mut self, id: u32, text: Vec<u8>) -> Vec<u8> {
        match self.union().compare(id, &text, &[], true) {
            Ok(CompareOutcome::Key(k)) => k,
            Ok(CompareOutcome::Order(_)) => text,
            Err(e) => {
                eprintln!("collation failed, ordering bytewise: {e}");
                text
            }
        }
    }
}
