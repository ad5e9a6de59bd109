//! [`Core`]: one instance of the `sqlite-core` component and its open
//! connection, called through the exported `sql` interface.

use super::imports::CoreState;
use super::wit::exports::sqlink::engine::sql::{self, Database, NameWarning, OpenOptions, SqlError};
use crate::wit::spi::Rows;
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

    /// Makes statements between steps stop at their next one.
    /// Marks what follows as an extension's own SQL, or not (see
    /// `connection.guard-extension-sql`).
    fn guard_extension_sql(&mut self, on: bool) {
        if let Ok(conn) = self.conn() {
            let _ = self.bindings.sqlink_engine_sql().connection().call_guard_extension_sql(&mut self.store, conn, on);
        }
    }

    /// Runs `work`, an extension's SQL, under the engine's spi guard.
    pub(crate) fn as_extension<R>(&mut self, work: impl FnOnce(&mut Core) -> R) -> R {
        self.guard_extension_sql(true);
        let result = work(self);
        self.guard_extension_sql(false);
        result
    }

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

    /// Runs a started statement to its end, collecting its rows.
    fn collect(&mut self, started: Started) -> Result<Rows, Error> {
        let Started { columns, rows: mut batch, more } = started;
        let mut rows = Vec::new();
        let outcome = loop {
            match batch {
                Ok(b) => {
                    rows.extend(b.rows);
                    match &more {
                        Some(statement) if !b.done => batch = self.step(statement, 256),
                        _ => break Ok(()),
                    }
                }
                Err(e) => break Err(plain(e)),
            }
        };
        if let Some(statement) = more {
            self.finish(statement);
        }
        outcome.map(|()| Rows { columns, rows })
    }

    /// Compiles exactly one statement (SPI `query`).
    fn prepare_one(&mut self, sql: &str) -> Result<WasmStatement, Error> {
        let (statement, used) = self.prepare(sql).map_err(plain)?;
        let statement = statement.ok_or_else(|| Error::new("no SQL statement given"))?;
        match self.prepare(&sql[used..]) {
            Ok((None, _)) => Ok(statement),
            Ok((Some(extra), _)) => {
                self.finish(extra);
                self.finish(statement);
                Err(Error::new("expected one statement; use execute() for scripts"))
            }
            Err(e) => {
                self.finish(statement);
                Err(plain(e))
            }
        }
    }

    /// SPI `query`: one statement with parameters.
    pub(crate) fn query(&mut self, sql: &str, params: &[Value]) -> Result<Rows, Error> {
        let statement = self.prepare_one(sql)?;
        let bound = (|| {
            let count = self.parameter_count(&statement).map_err(plain)? as usize;
            if count != params.len() {
                return Err(Error::new(format!("the statement takes {count} parameters, got {}", params.len())));
            }
            for (i, p) in params.iter().enumerate() {
                self.bind(&statement, i as u32 + 1, p).map_err(plain)?;
            }
            Ok(())
        })();
        match bound {
            Ok(()) => {
                let rows = self.step(&statement, 256);
                self.collect(Started { columns: statement.columns.clone(), rows, more: Some(statement) })
            }
            Err(e) => {
                self.finish(statement);
                Err(e)
            }
        }
    }

    /// SPI `execute`: every statement of a script, with their rows.
    pub(crate) fn execute(&mut self, sql: &str) -> Result<Vec<Rows>, Error> {
        let mut results = Vec::new();
        let mut rest = sql;
        while !rest.is_empty() {
            let (started, used) = self.run(rest, 256).map_err(plain)?;
            if let Some(started) = started {
                results.push(self.collect(started)?);
            }
            if used == 0 {
                break;
            }
            rest = &rest[used..];
        }
        Ok(results)
    }

    /// SPI `parameter-count`.
    pub(crate) fn parameter_count_of(&mut self, sql: &str) -> Result<u32, Error> {
        let statement = self.prepare_one(sql)?;
        let count = self.parameter_count(&statement).map_err(plain);
        self.finish(statement);
        count
    }
}

impl Drop for Core {
    fn drop(&mut self) {
        self.close();
    }
}
