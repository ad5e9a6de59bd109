//! The `spi` import: SQL on the connection the extension is attached to.
//!
//! This file checks the grant and keeps SQL time off the extension's CPU
//! limit; what SQL means is up to the host that owns the connection, behind
//! [`SqlAccess`] (the native connection, or SQLite running in wasm).

use super::HostState;
use crate::error::Error;
use crate::wit::blob::Location;
use crate::wit::spi::{FunctionBody, Host, Rows};
use crate::wit::types::FunctionFlags;
use crate::wit::{SqlError, Value};
use std::sync::Arc;

/// SQL on one connection, as a host provides it to the extensions attached
/// there.
pub(crate) trait SqlAccess: Send + Sync {
    /// Runs one statement with its parameters bound, collecting its rows.
    fn query(&self, sql: &str, params: &[Value]) -> Result<Rows, Error>;
    /// Runs a script, collecting every statement's rows.
    fn execute(&self, sql: &str) -> Result<Vec<Rows>, Error>;
    /// The number of parameters of one statement.
    fn parameter_count(&self, sql: &str) -> Result<u32, Error>;
    /// Declares a SQL function at run time.
    fn declare_function(&self, name: &str, arity: i32, flags: FunctionFlags, body: FunctionBody) -> Result<(), Error>;
    /// Removes a function declared with `declare_function`.
    fn forget_function(&self, name: &str, arity: i32) -> Result<(), Error>;
    /// The size of a text or blob in a table (`blob.size`).
    fn blob_size(&self, at: &Location) -> Result<u32, Error>;
    /// Bytes of a text or blob in a table (`blob.read`), read now or when
    /// they are handed to the extension.
    fn blob_read(&self, at: &Location, offset: u32, length: u32) -> Result<super::blob_read::ReadBytes, Error>;
    /// Overwrites bytes of a text or blob in a table (`blob.write`).
    fn blob_write(&self, at: &Location, offset: u32, data: &[u8]) -> Result<(), Error>;
}

/// How an instance's store holds its connection.
pub(crate) type SqlAccessRef = Arc<dyn SqlAccess>;

fn sql_error(e: Error) -> SqlError {
    SqlError { code: e.code, message: e.message }
}

impl HostState {
    /// Runs SPI work: refused without the grant, unavailable while the
    /// extension is only probed, and not charged to its CPU limit.
    pub(super) fn spi_run<R>(&mut self, work: impl FnOnce(&dyn SqlAccess) -> Result<R, Error>) -> Result<R, SqlError> {
        if !self.spi_granted {
            return Err(SqlError { code: 23, message: "SQL access (spi) was not granted to this extension".into() });
        }
        let Some(sql) = self.sql.clone() else {
            return Err(SqlError { code: 21, message: "SQL access is not available here".into() });
        };
        self.host_work(|_| work(&*sql)).map_err(sql_error)
    }
}

impl Host for HostState {
    fn query(&mut self, sql: String, params: Vec<Value>) -> Result<Rows, SqlError> {
        self.spi_run(|s| s.query(&sql, &params))
    }

    fn execute(&mut self, sql: String) -> Result<Vec<Rows>, SqlError> {
        self.spi_run(|s| s.execute(&sql))
    }

    fn parameter_count(&mut self, sql: String) -> Result<u32, SqlError> {
        self.spi_run(|s| s.parameter_count(&sql))
    }

    fn declare_function(&mut self, name: String, arity: i32, flags: FunctionFlags, body: FunctionBody) -> Result<(), SqlError> {
        self.spi_run(|s| s.declare_function(&name, arity, flags, body))
    }

    fn forget_function(&mut self, name: String, arity: i32) -> Result<(), SqlError> {
        self.spi_run(|s| s.forget_function(&name, arity))
    }
}
