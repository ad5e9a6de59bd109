//! SPI on SQLite in wasm: SQL reaches the engine only while it is not
//! itself running (a component cannot be re-entered), so from an
//! extension's `attach` hook, not from inside a function SQLite calls.

use super::Core;
use crate::error::Error;
use crate::store::SqlAccess;
use crate::wit::Value;
use crate::wit::spi::{FunctionBody, Rows};
use crate::wit::types::FunctionFlags;
use std::sync::{Mutex, Weak};

/// SQL on the wasm engine's connection.
pub(crate) struct WasmSql {
    pub(crate) core: Weak<Mutex<Core>>,
}

impl WasmSql {
    fn run<R>(&self, work: impl FnOnce(&mut Core) -> Result<R, Error>) -> Result<R, Error> {
        let core = self.core.upgrade().ok_or_else(|| Error::with_code(21, "SQL access is not available here"))?;
        // Locked means SQLite is running the statement that called this
        // extension: it cannot be entered again.
        let Ok(mut core) = core.try_lock() else { return Err(super::reentry_error()) };
        core.as_extension(work)
    }
}

fn native_only() -> Error {
    Error::with_code(21, "declaring SQL functions at run time needs the native engine (run sqlink without --engine wasm)")
}

impl SqlAccess for WasmSql {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows, Error> {
        self.run(|core| core.query(sql, params))
    }

    fn execute(&self, sql: &str) -> Result<Vec<Rows>, Error> {
        self.run(|core| core.execute(sql))
    }

    fn parameter_count(&self, sql: &str) -> Result<u32, Error> {
        self.run(|core| core.parameter_count_of(sql))
    }

    fn declare_function(&self, _name: &str, _arity: i32, _flags: FunctionFlags, _body: FunctionBody) -> Result<(), Error> {
        Err(native_only())
    }

    fn forget_function(&self, _name: &str, _arity: i32) -> Result<(), Error> {
        Err(native_only())
    }
}
