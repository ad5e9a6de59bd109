//! Calls into `sqlite-core` that only the shell makes: parameter names (to
//! bind `.parameter` values), whole-database copies (`.backup`,
//! `.restore`), trigger query plans (`.eqp trigger`) and the working
//! directory (`.cd`).

use super::core::{Core, WasmStatement};
use super::wit::exports::sqlink::engine::sql::{CopyError, SqlError};

/// A failure of the component itself (a trap), as an SQL error.
fn trapped(e: wasmtime::Error) -> SqlError {
    SqlError { code: 1, message: format!("sqlite-core failed: {}", crate::runtime::root_message(&e)), offset: None }
}

fn no_database() -> SqlError {
    SqlError { code: 21, message: "no database is open".into(), offset: None }
}

impl Core {
    /// The name of parameter `index` (from 1) as written; `None` for a bare `?`.
    pub fn parameter_name(&mut self, statement: &WasmStatement, index: u32) -> Result<Option<String>, SqlError> {
        self.bindings.sqlink_engine_sql().statement().call_parameter_name(&mut self.store, statement.handle, index).map_err(trapped)
    }

    /// Rewinds a statement so it can run again (bindings are kept).
    pub fn reset(&mut self, statement: &WasmStatement) {
        let _ = self.bindings.sqlink_engine_sql().statement().call_reset(&mut self.store, statement.handle);
    }

    /// Copies the attached database `schema` into the file at `path`.
    pub fn backup(&mut self, schema: &str, path: &str, no_sync: bool) -> Result<(), CopyError> {
        let conn = self.connection.ok_or_else(|| CopyError::Failed(no_database()))?;
        let sql = self.bindings.sqlink_engine_sql().connection();
        sql.call_backup(&mut self.store, conn, schema, path, no_sync).map_err(|e| CopyError::Failed(trapped(e)))?
    }

    /// Replaces the attached database `schema` with the file at `path`.
    pub fn restore(&mut self, schema: &str, path: &str) -> Result<(), CopyError> {
        let conn = self.connection.ok_or_else(|| CopyError::Failed(no_database()))?;
        let sql = self.bindings.sqlink_engine_sql().connection();
        sql.call_restore(&mut self.store, conn, schema, path).map_err(|e| CopyError::Failed(trapped(e)))?
    }

    /// Sets whether EXPLAIN QUERY PLAN shows trigger plans; returns the
    /// previous setting.
    pub fn set_trigger_eqp(&mut self, on: bool) -> Result<bool, SqlError> {
        let conn = self.connection.ok_or_else(no_database)?;
        self.bindings.sqlink_engine_sql().connection().call_set_trigger_eqp(&mut self.store, conn, on).map_err(trapped)
    }

    /// Makes `path` the directory relative file names resolve against.
    pub fn set_working_directory(&mut self, path: &str) -> Result<(), String> {
        self.bindings.sqlink_engine_sql().call_set_working_directory(&mut self.store, path).map_err(|e| trapped(e).message)?
    }
}
