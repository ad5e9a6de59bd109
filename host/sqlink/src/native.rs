//! `NativeEngine`: the shell's [`Engine`] over the bundled SQLite. rusqlite
//! opens and closes the connection; statements run through `sqlink-sqlite`
//! on the same handle so the shell gets the consumed length of each one.

use crate::extensions::Extensions;
use rusqlite::{Connection, InterruptHandle, OpenFlags, ffi};
use rusqlite::config::DbConfig;
use sqlink_shell::engine::{
    CatalogEntry, CopyError, DotCommandInfo, Engine, ExtensionInfo, LoadOptions, LoadReport, OpenOptions, PARAMETER_LOOKUP, Phase, RowSink, SchemaState,
    SqlError, TxnState, ValueRef, parameter_key,
};
use sqlink_sqlite::{CopyFailure, Db, Statement, Value as SqliteOwned, ValueRef as SqliteValue};
use std::ffi::CString;
use std::sync::{Arc, Mutex};

/// The native engine: one rusqlite connection plus the loaded extensions.
pub struct NativeEngine {
    conn: Option<Connection>,
    extensions: Extensions,
    interrupt: Arc<Mutex<Option<InterruptHandle>>>,
}

impl Default for NativeEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl NativeEngine {
    /// An engine with no database open yet (the shell opens one on first use).
    pub fn new() -> Self {
        NativeEngine { conn: None, extensions: Extensions::new(), interrupt: Arc::new(Mutex::new(None)) }
    }

    fn conn(&self) -> Result<&Connection, SqlError> {
        self.conn.as_ref().ok_or_else(|| SqlError {
            phase: Phase::Prepare,
            code: ffi::SQLITE_MISUSE,
            message: "no database is open".into(),
            offset: None,
        })
    }
}

fn convert(v: SqliteValue<'_>) -> ValueRef<'_> {
    match v {
        SqliteValue::Null => ValueRef::Null,
        SqliteValue::Integer(i) => ValueRef::Integer(i),
        SqliteValue::Real(r) => ValueRef::Real(r),
        SqliteValue::Text(t) => ValueRef::Text(t),
        SqliteValue::Blob(b) => ValueRef::Blob(b),
    }
}

/// Binds each parameter of `stmt` to its value in `temp.sqlite_parameters`
/// (see [`Engine::run`]); leaves them unbound when that table is missing.
fn bind_parameters(db: Db, stmt: &mut Statement) {
    let count = stmt.parameter_count();
    if count == 0 {
        return;
    }
    let Ok((Some(mut lookup), _)) = db.prepare(PARAMETER_LOOKUP) else { return };
    for i in 1..=count {
        let key = parameter_key(i, stmt.parameter_name(i).as_deref());
        lookup.reset();
        let found = lookup.bind(1, SqliteValue::Text(key.as_bytes())).is_ok() && lookup.step() == Ok(true);
        let value = if found { lookup.column(0).to_owned() } else { SqliteOwned::Null };
        let _ = stmt.bind(i, value.as_ref());
    }
}

/// A failed copy in the shell's terms.
fn copy_error(e: CopyFailure) -> CopyError {
    match e {
        CopyFailure::Open => CopyError::Open,
        CopyFailure::Busy => CopyError::Busy,
        CopyFailure::Failed(e) => CopyError::Failed(e.message),
    }
}

fn sql_error(phase: Phase, e: sqlink_sqlite::Error) -> SqlError {
    SqlError { phase, code: e.code, message: e.message, offset: e.offset }
}

/// The message of a failed open, without the path rusqlite appends.
fn open_error(e: rusqlite::Error, path: &str) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => {
            msg.strip_suffix(path).and_then(|m| m.strip_suffix(": ")).map(str::to_string).unwrap_or(msg)
        }
        rusqlite::Error::SqliteFailure(f, None) => f.to_string(),
        other => other.to_string(),
    }
}

impl Drop for NativeEngine {
    fn drop(&mut self) {
        // Registrations go before the connection they live on.
        self.extensions.detach();
    }
}

impl Engine for NativeEngine {
    fn version(&self) -> String {
        format!("SQLite {}", rusqlite::version())
    }

    fn is_complete(&self, sql: &str) -> bool {
        sqlink_sqlite::is_complete(sql)
    }

    fn run(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError> {
        // SAFETY: the handle belongs to our open connection, which outlives
        // this call and every statement prepared in it.
        let db = unsafe { Db::from_raw(self.conn()?.handle()) };
        let (stmt, used) = db.prepare(sql).map_err(|e| sql_error(Phase::Prepare, e))?;
        let Some(mut stmt) = stmt else { return Ok(used) };
        bind_parameters(db, &mut stmt);
        sink.columns(&stmt.column_names()).map_err(SqlError::output)?;
        let n = stmt.column_count();
        while stmt.step().map_err(|e| sql_error(Phase::Step, e))? {
            let values: Vec<ValueRef<'_>> = (0..n).map(|i| convert(stmt.column(i))).collect();
            sink.row(&values).map_err(SqlError::output)?;
        }
        sink.finish().map_err(SqlError::output)?;
        Ok(used)
    }

    fn changes(&self) -> i64 {
        self.conn.as_ref().map_or(0, |c| c.changes() as i64)
    }

    fn open(&mut self, path: &str, options: &OpenOptions) -> Result<(), String> {
        // Extensions let go of the old connection before it closes.
        self.extensions.detach();
        if let Some(old) = self.conn.take() {
            let _ = old.close();
        }
        *self.interrupt.lock().unwrap_or_else(|e| e.into_inner()) = None;
        if options.new && !path.is_empty() && path != ":memory:" {
            let _ = std::fs::remove_file(path);
        }
        let mode = if options.readonly {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        };
        let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| open_error(e, path))?;
        *self.interrupt.lock().unwrap_or_else(|e| e.into_inner()) = Some(conn.get_interrupt_handle());
        let conn = self.conn.insert(conn);
        self.extensions.attach(conn)
    }

    fn load(&mut self, path: &str, options: &LoadOptions) -> Result<LoadReport, String> {
        let conn = self.conn.as_ref().ok_or("no database is open")?;
        self.extensions.load(conn, path, options)
    }

    fn unload(&mut self, name: &str) -> Result<Vec<String>, String> {
        let conn = self.conn.as_ref().ok_or("no database is open")?;
        self.extensions.unload(conn, name)
    }

    fn extensions(&self) -> Vec<ExtensionInfo> {
        self.extensions.list()
    }

    fn catalog(&self, dir: Option<&str>) -> Result<Vec<CatalogEntry>, String> {
        crate::catalog::list(dir)
    }

    fn dot_commands(&self) -> Vec<DotCommandInfo> {
        self.extensions.dot_commands()
    }

    fn run_dot_command(&mut self, name: &str, args: &[String]) -> Option<Result<String, String>> {
        let conn = self.conn.as_ref()?;
        self.extensions.run_dot_command(conn, name, args)
    }

    fn schema_state(&self, schema: &str) -> SchemaState {
        let (Some(conn), Ok(name)) = (self.conn.as_ref(), CString::new(schema)) else { return SchemaState::default() };
        // SAFETY: valid open handle and NUL-terminated schema name.
        let (ro, txn) = unsafe { (ffi::sqlite3_db_readonly(conn.handle(), name.as_ptr()), ffi::sqlite3_txn_state(conn.handle(), name.as_ptr())) };
        let txn = match txn {
            ffi::SQLITE_TXN_READ => TxnState::Read,
            ffi::SQLITE_TXN_WRITE => TxnState::Write,
            _ => TxnState::None,
        };
        SchemaState { readonly: ro == 1, txn }
    }

    fn backup(&mut self, schema: &str, path: &str, no_sync: bool) -> Result<(), CopyError> {
        let conn = self.conn().map_err(|e| CopyError::Failed(e.message))?;
        // SAFETY: the handle belongs to our open connection for the call.
        let db = unsafe { Db::from_raw(conn.handle()) };
        db.backup_to(schema, path, no_sync).map_err(copy_error)
    }

    fn restore(&mut self, schema: &str, path: &str) -> Result<(), CopyError> {
        let conn = self.conn().map_err(|e| CopyError::Failed(e.message))?;
        // SAFETY: as in `backup`.
        let db = unsafe { Db::from_raw(conn.handle()) };
        db.restore_from(schema, path).map_err(copy_error)
    }

    fn set_trigger_eqp(&mut self, on: bool) -> Result<bool, String> {
        let conn = self.conn().map_err(|e| e.message)?;
        let previous = conn.db_config(DbConfig::SQLITE_DBCONFIG_TRIGGER_EQP).map_err(|e| e.to_string())?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRIGGER_EQP, on).map_err(|e| e.to_string())?;
        Ok(previous)
    }

    fn interrupter(&self) -> Box<dyn Fn() + Send + Sync> {
        let handle = Arc::clone(&self.interrupt);
        Box::new(move || {
            if let Some(h) = handle.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
                h.interrupt();
            }
        })
    }
}
