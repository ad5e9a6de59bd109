//! [`Core`]: one instance of the `sqlite-core` component and its open
//! connection, called through the exported `sql` interface.

use super::imports::CoreState;
use super::wit::exports::sqlink::engine::sql::{self, Database, NameWarning, OpenOptions, SqlError};
use super::wit::sqlink::engine::relay::{Answer, Request};
use crate::wit::Value;
use crate::error::Error;
use wasmtime::Store;
use wasmtime::component::ResourceAny;

/// A prepared statement of the wasm engine.
pub struct WasmStatement {
    pub(super) handle: ResourceAny,
    /// Column names, read once.
    pub columns: Vec<String>,
}

/// A statement [`Core::run`] started: its columns, its first rows (or the
/// error that ended it before any row), and the statement while it has more
/// to give.
pub struct Started {
    pub columns: Vec<String>,
    pub rows: Result<sql::Rows, SqlError>,
    pub more: Option<WasmStatement>,
}

/// The `sqlite-core` instance. While one of its calls runs, the mutex
/// around it is held: that is how SPI tells re-entry from a top-level call.
pub struct Core {
    pub(super) store: Store<CoreState>,
    pub(super) bindings: super::wit::SqliteCore,
    pub(super) connection: Option<ResourceAny>,
}

/// A failure of the component itself (a trap), as opposed to an SQL error.
fn failed(e: wasmtime::Error) -> SqlError {
    SqlError { code: 1, message: format!("sqlite-core failed: {}", crate::runtime::root_message(&e)), offset: None }
}

fn no_database() -> SqlError {
    SqlError { code: 21, message: "no database is open".into(), offset: None }
}

fn plain(e: SqlError) -> Error {
    Error::with_code(e.code, e.message)
}

impl Core {
    fn conn(&self) -> Result<ResourceAny, SqlError> {
        self.connection.ok_or_else(no_database)
    }

    /// Opens a database, closing the previous one.
    pub fn open(&mut self, path: &str, options: OpenOptions) -> Result<(), SqlError> {
        self.close();
        let conn = self.bindings.sqlink_engine_sql().connection().call_open(&mut self.store, path, options).map_err(failed)??;
        self.connection = Some(conn);
        Ok(())
    }

    /// Closes the database, if one is open.
    pub fn close(&mut self) {
        if let Some(conn) = self.connection.take() {
            let _ = conn.resource_drop(&mut self.store);
        }
    }

    /// Compiles the first statement of `sql`; returns it (if any) and the
    /// bytes consumed.
    pub fn prepare(&mut self, sql: &str) -> Result<(Option<WasmStatement>, usize), SqlError> {
        let conn = self.conn()?;
        let prepared = self.bindings.sqlink_engine_sql().connection().call_prepare(&mut self.store, conn, sql).map_err(failed)??;
        let columns = prepared.columns;
        let statement = prepared.statement.map(|handle| WasmStatement { handle, columns });
        Ok((statement, prepared.consumed as usize))
    }

    /// Compiles the first statement of `sql` and steps it for up to `max`
    /// rows, in one call; returns it (if any) and the bytes consumed.
    pub fn run(&mut self, sql: &str, max: u32) -> Result<(Option<Started>, usize), SqlError> {
        let conn = self.conn()?;
        let started = self.bindings.sqlink_engine_sql().connection().call_run(&mut self.store, conn, sql, max).map_err(failed)??;
        let first = started.first.map(|first| Started {
            more: first.more.map(|handle| WasmStatement { handle, columns: first.columns.clone() }),
            columns: first.columns,
            rows: first.rows,
        });
        Ok((first, started.consumed as usize))
    }

    /// Binds parameter `index` (from 1).
    pub fn bind(&mut self, statement: &WasmStatement, index: u32, value: &Value) -> Result<(), SqlError> {
        self.bindings.sqlink_engine_sql().statement().call_bind(&mut self.store, statement.handle, index, value).map_err(failed)?
    }

    /// The number of parameters a statement takes.
    pub fn parameter_count(&mut self, statement: &WasmStatement) -> Result<u32, SqlError> {
        self.bindings.sqlink_engine_sql().statement().call_parameter_count(&mut self.store, statement.handle).map_err(failed)
    }

    /// Up to `max` more rows of a statement, and whether it has ended.
    pub fn step(&mut self, statement: &WasmStatement, max: u32) -> Result<sql::Rows, SqlError> {
        self.bindings.sqlink_engine_sql().statement().call_step(&mut self.store, statement.handle, max).map_err(failed)?
    }

    /// Finalizes a statement.
    pub fn finish(&mut self, statement: WasmStatement) {
        let _ = statement.handle.resource_drop(&mut self.store);
    }

    /// Serves an extension's `spi` request while no statement runs.
    pub(crate) fn serve(&mut self, request: &Request) -> Result<Answer, Error> {
        let conn = self.conn().map_err(plain)?;
        self.bindings
            .sqlink_engine_sql()
            .connection()
            .call_serve(&mut self.store, conn, request)
            .map_err(|e| Error::new(format!("sqlite-core failed: {}", crate::runtime::root_message(&e))))
    }

    /// Makes statements between steps stop at their next one.
    pub fn interrupt(&mut self) {
        if let Ok(conn) = self.conn() {
            let _ = self.bindings.sqlink_engine_sql().connection().call_interrupt(&mut self.store, conn);
        }
    }

    pub fn changes(&mut self) -> i64 {
        let Ok(conn) = self.conn() else { return 0 };
        self.bindings.sqlink_engine_sql().connection().call_changes(&mut self.store, conn).unwrap_or(0)
    }

    pub fn databases(&mut self) -> Vec<Database> {
        let Ok(conn) = self.conn() else { return Vec::new() };
        self.bindings.sqlink_engine_sql().connection().call_databases(&mut self.store, conn).unwrap_or_default()
    }

    pub fn version(&mut self) -> String {
        self.bindings.sqlink_engine_sql().call_version(&mut self.store).unwrap_or_default()
    }

    /// Has the connection register the imported extensions again, with
    /// `pins` (qualified names); returns its warnings about bare names.
    pub fn refresh(&mut self, pins: &[String]) -> Result<Vec<NameWarning>, Error> {
        let Ok(conn) = self.conn() else { return Ok(Vec::new()) };
        match self.bindings.sqlink_engine_sql().connection().call_refresh_extensions(&mut self.store, conn, pins) {
            Ok(result) => result.map_err(plain),
            Err(e) => Err(Error::new(format!("sqlite-core failed: {}", crate::runtime::root_message(&e)))),
        }
    }
}

impl Drop for Core {
    fn drop(&mut self) {
        self.close();
    }
}
