//! SPI on SQLite in wasm. While the engine is not running (an extension's
//! `attach` hook, its dot commands), SQL goes to it directly; from inside a
//! call SQLite made, the call runs on a relay worker and sqlite-core serves
//! the SQL (see `relay`); elsewhere (hooks) the engine cannot be entered.

use super::Core;
use crate::error::Error;
use crate::store::SqlAccess;
use super::relay as relay_worker;
use super::wit::sqlink::engine::relay::{self, Answer, Request};
use crate::wit::{SqlError, Value};
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

fn rows(r: relay::Rows) -> Rows {
    Rows { columns: r.columns, rows: r.rows }
}

fn failed(e: SqlError) -> Error {
    Error::with_code(e.code, e.message)
}

fn mismatched() -> Error {
    Error::new("sqlite-core answered another request than the one made")
}

impl SqlAccess for WasmSql {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows, Error> {
        if relay_worker::on_worker() {
            let request = Request::Query(relay::QueryRequest { sql: sql.to_string(), params: params.to_vec() });
            return match relay_worker::ask(request)? {
                Answer::Query(r) => r.map(rows).map_err(failed),
                _ => Err(mismatched()),
            };
        }
        self.run(|core| core.query(sql, params))
    }

    fn execute(&self, sql: &str) -> Result<Vec<Rows>, Error> {
        if relay_worker::on_worker() {
            return match relay_worker::ask(Request::Execute(sql.to_string()))? {
                Answer::Execute(r) => r.map(|all| all.into_iter().map(rows).collect()).map_err(failed),
                _ => Err(mismatched()),
            };
        }
        self.run(|core| core.execute(sql))
    }

    fn parameter_count(&self, sql: &str) -> Result<u32, Error> {
        if relay_worker::on_worker() {
            return match relay_worker::ask(Request::ParameterCount(sql.to_string()))? {
                Answer::ParameterCount(r) => r.map_err(failed),
                _ => Err(mismatched()),
            };
        }
        self.run(|core| core.parameter_count_of(sql))
    }

    fn declare_function(&self, _name: &str, _arity: i32, _flags: FunctionFlags, _body: FunctionBody) -> Result<(), Error> {
        Err(native_only())
    }

    fn forget_function(&self, _name: &str, _arity: i32) -> Result<(), Error> {
        Err(native_only())
    }
}
