//! SPI on SQLite in wasm: every request goes to sqlite-core, which runs it
//! as the extension's own SQL. While the engine is not running (an
//! extension's `attach` hook, its dot commands) the host hands it over
//! directly (`connection.serve`); from inside a call SQLite made, the call
//! runs on a relay worker and sqlite-core serves it from the callback (see
//! `relay`); elsewhere (hooks, the authorizer, collations) the engine
//! cannot be entered.

use super::Core;
use super::relay as relay_worker;
use super::union::Union;
use super::wit::sqlink::engine::relay::{self, Answer, DeclaredBody, DeclaredFunction, FunctionName, Request};
use crate::error::Error;
use crate::instance::Live;
use crate::store::SqlAccess;
use crate::store::blob_read::ReadBytes;
use crate::wit::blob::Location;
use crate::wit::spi::{FunctionBody, Rows};
use crate::wit::types::FunctionFlags;
use crate::wit::{SqlError, Value};
use std::sync::{Arc, Mutex, Weak};

/// SQL on the wasm engine's connection, for one extension.
pub(crate) struct WasmSql {
    pub(crate) core: Weak<Mutex<Core>>,
    /// Where the functions it declares are routed.
    pub(crate) union: Weak<Mutex<Union>>,
    /// The extension, which functions it declares call back into.
    pub(crate) live: Weak<Live>,
}

fn failed(e: SqlError) -> Error {
    Error::with_code(e.code, e.message)
}

fn mismatched() -> Error {
    Error::new("sqlite-core answered another request than the one made")
}

fn unavailable() -> Error {
    Error::with_code(21, "SQL access is not available here")
}

impl WasmSql {
    /// Has sqlite-core serve `request`: through the relay from a worker,
    /// directly when the engine is idle.
    fn serve(&self, request: Request) -> Result<Answer, Error> {
        if relay_worker::on_worker() {
            return relay_worker::ask(request);
        }
        let core = self.core.upgrade().ok_or_else(unavailable)?;
        // Locked means SQLite is running a statement, and this is a hook,
        // the authorizer or a collation: it cannot be entered again.
        let Ok(mut core) = core.try_lock() else { return Err(super::reentry_error()) };
        core.serve(&request)
    }

    fn union(&self) -> Result<Arc<Mutex<Union>>, Error> {
        self.union.upgrade().ok_or_else(unavailable)
    }
}

fn rows(r: relay::Rows) -> Rows {
    Rows { columns: r.columns, declared_types: r.declared_types, rows: r.rows }
}

impl SqlAccess for WasmSql {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows, Error> {
        match self.serve(Request::Query(relay::QueryRequest { sql: sql.to_string(), params: params.to_vec() }))? {
            Answer::Query(r) => r.map(rows).map_err(failed),
            _ => Err(mismatched()),
        }
    }

    fn execute(&self, sql: &str) -> Result<Vec<Rows>, Error> {
        match self.serve(Request::Execute(sql.to_string()))? {
            Answer::Execute(r) => r.map(|all| all.into_iter().map(rows).collect()).map_err(failed),
            _ => Err(mismatched()),
        }
    }

    fn parameter_count(&self, sql: &str) -> Result<u32, Error> {
        match self.serve(Request::ParameterCount(sql.to_string()))? {
            Answer::ParameterCount(r) => r.map_err(failed),
            _ => Err(mismatched()),
        }
    }

    fn declare_function(&self, name: &str, arity: i32, flags: FunctionFlags, body: FunctionBody) -> Result<(), Error> {
        let live = self.live.upgrade().ok_or_else(|| Error::new("the extension is being unloaded"))?;
        let union = self.union()?;
        // Functions of an extension reaching outside are DIRECTONLY, as
        // its manifest's are.
        let flags = if live.ext.grants.reaches_outside() { (flags & !FunctionFlags::INNOCUOUS) | FunctionFlags::DIRECT_ONLY } else { flags };
        let body = {
            let mut union = union.lock().unwrap_or_else(|e| e.into_inner());
            match body {
                FunctionBody::Invoke(own) => DeclaredBody::Invoke(union.declare(&live, name, arity, Some(own))?),
                FunctionBody::Sql(sql) => {
                    union.declare(&live, name, arity, None)?;
                    DeclaredBody::Sql(sql)
                }
            }
        };
        let declared = DeclaredFunction { name: name.to_string(), arity, flags, body };
        let result = match self.serve(Request::DeclareFunction(declared))? {
            Answer::DeclareFunction(r) => r.map_err(failed),
            _ => Err(mismatched()),
        };
        if result.is_err() {
            union.lock().unwrap_or_else(|e| e.into_inner()).forgot(&live, name, arity);
        }
        result
    }

    fn forget_function(&self, name: &str, arity: i32) -> Result<(), Error> {
        let live = self.live.upgrade().ok_or_else(|| Error::new("the extension is being unloaded"))?;
        let union = self.union()?;
        if !union.lock().unwrap_or_else(|e| e.into_inner()).has_declared(&live, name, arity) {
            return Err(Error::new(format!("function {name} was not declared by this extension")));
        }
        match self.serve(Request::ForgetFunction(FunctionName { name: name.to_string(), arity }))? {
            Answer::ForgetFunction(r) => r.map_err(failed)?,
            _ => return Err(mismatched()),
        }
        union.lock().unwrap_or_else(|e| e.into_inner()).forgot(&live, name, arity);
        Ok(())
    }

    fn blob_size(&self, at: &Location) -> Result<u32, Error> {
        match self.serve(Request::BlobSize(located(at)))? {
            Answer::BlobSize(r) => r.map_err(failed),
            _ => Err(mismatched()),
        }
    }

    fn blob_read(&self, at: &Location, offset: u32, length: u32) -> Result<ReadBytes, Error> {
        match self.serve(Request::BlobRead(relay::BlobReadRequest { at: located(at), offset, length }))? {
            Answer::BlobRead(r) => r.map(ReadBytes::Read).map_err(failed),
            _ => Err(mismatched()),
        }
    }

    fn blob_write(&self, at: &Location, offset: u32, data: &[u8]) -> Result<(), Error> {
        match self.serve(Request::BlobWrite(relay::BlobWriteRequest { at: located(at), offset, data: data.to_vec() }))? {
            Answer::BlobWrite(r) => r.map_err(failed),
            _ => Err(mismatched()),
        }
    }
}

/// A `blob.location` as the relay carries it.
fn located(at: &Location) -> relay::Location {
    relay::Location { database: at.database.clone(), table: at.table.clone(), column: at.column.clone(), rowid: at.rowid }
}
