//! The exported `sql` interface: connections and statements.

use crate::bindings::exports::sqlink::engine::sql::{
    self, CopyError, Database, FirstRows, Guest, GuestConnection, GuestStatement, NameWarning, OpenOptions, Prepared, Rows, SqlError,
    Started, TxnState,
};
use crate::bindings::sqlink::engine::relay::{Answer, Request};
use crate::bindings::sqlink::extension::types::Value;
use crate::extension;
use crate::journal;
use crate::vfs;
use sqlink_sqlite::{Db, ValueRef, ffi};
use std::cell::{Cell, RefCell};
use std::path::Path;
use std::rc::Rc;

/// The component's implementation of `sql`.
pub struct Core;

fn error(e: sqlink_sqlite::Error) -> SqlError {
    if let Some(reason) = sqlink_sqlite::spi_guard::take_refusal() {
        return SqlError { code: ffi::SQLITE_AUTH, message: reason, offset: None };
    }
    let e = crate::locks::explain(e);
    SqlError { code: e.code, message: e.message, offset: e.offset.map(|o| o as u32) }
}

fn to_value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(t.to_vec()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

pub(crate) fn from_value(v: &Value) -> ValueRef<'_> {
    match v {
        Value::Null => ValueRef::Null,
        Value::Integer(i) => ValueRef::Integer(*i),
        Value::Real(r) => ValueRef::Real(*r),
        Value::Text(t) => ValueRef::Text(t),
        Value::Blob(b) => ValueRef::Blob(b),
    }
}

impl Guest for Core {
    type Connection = Connection;
    type Statement = Statement;

    fn is_complete(sql: String) -> bool {
        sqlink_sqlite::is_complete(&sql)
    }

    fn version() -> String {
        // SAFETY: a static NUL-terminated string.
        unsafe { std::ffi::CStr::from_ptr(ffi::sqlite3_libversion()).to_string_lossy().into_owned() }
    }

    fn extensions() -> Vec<String> {
        extension::names()
    }

    fn dot_commands() -> Vec<sql::DotCommand> {
        extension::dot_commands()
            .into_iter()
            .map(|d| sql::DotCommand { name: d.name, extension: d.extension, usage: d.usage, help: d.help })
            .collect()
    }

    fn run_dot_command(name: String, args: Vec<String>) -> Result<String, String> {
        let all = extension::dot_commands();
        let found: Vec<&extension::DotCommand> = all.iter().filter(|d| d.name == name).collect();
        match found.as_slice() {
            [d] => crate::bindings::sqlink::extension::dot_commands::run(d.id, &args).map_err(|e| extension::blamed(&e.message)),
            [] => Err(format!("no extension of this build has dot command .{name}")),
            many => Err(format!(
                "dot command .{name} is provided by {}",
                many.iter().map(|d| d.extension.as_str()).collect::<Vec<_>>().join(" and ")
            )),
        }
    }

    fn set_working_directory(path: String) -> Result<(), String> {
        // Adopted first, so that a later open does not go back to `$PWD`.
        adopt_working_directory();
        std::env::set_current_dir(&path).map_err(|e| e.to_string())
    }
}

/// The outcome of a backup or restore, once what it wrote is settled.
fn copied(result: Result<(), sqlink_sqlite::CopyFailure>) -> Result<(), CopyError> {
    let settled = vfs::settle();
    match result {
        Ok(()) => settled.map_err(|e| CopyError::Failed(error(e))),
        Err(sqlink_sqlite::CopyFailure::Open) => Err(CopyError::Open),
        Err(sqlink_sqlite::CopyFailure::Busy) => Err(CopyError::Busy),
        Err(sqlink_sqlite::CopyFailure::Failed(e)) => Err(CopyError::Failed(error(e))),
    }
}

/// Fails a WAL request whose row says SQLite kept another mode.
fn check_wal(wants_wal: bool, stmt: &sqlink_sqlite::Statement) -> Result<(), sqlink_sqlite::Error> {
    match stmt.column(0) {
        ValueRef::Text(mode) if wants_wal && !mode.eq_ignore_ascii_case(b"wal") => Err(journal::wal_refused(&String::from_utf8_lossy(mode))),
        _ => Ok(()),
    }
}

/// Makes `$PWD` the working directory, once: a host that preopens `/`
/// says so where relative names should resolve (WASI has no inherited
/// working directory; without `$PWD` it stays `/`).
fn adopt_working_directory() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        if let Some(pwd) = std::env::var_os("PWD").filter(|p| Path::new(p).is_absolute()) {
            let _ = std::env::set_current_dir(pwd);
        }
    });
}

/// An open database; closed when the last statement prepared on it is gone.
pub struct Connection {
    conn: Rc<sqlink_sqlite::Connection>,
    /// What `extension::register` registered on this connection.
    registered: RefCell<extension::Registered>,
    /// Its warnings about bare names.
    warnings: RefCell<Vec<NameWarning>>,
}

impl Connection {
    fn db(&self) -> Db {
        self.conn.db()
    }

    /// Compiles the first statement of `sql`; returns it (none when only
    /// whitespace and comments remained) and the bytes it took.
    fn compile(&self, sql: &str) -> Result<(Option<Statement>, u32), SqlError> {
        let db = self.db();
        journal::take_wal_request();
        let prepared = db.prepare(sql).map_err(|e| error(journal::explain(db, e)));
        // Preparing reads the schema, and may first roll back what a crash
        // left in a journal.
        vfs::settle().map_err(error)?;
        let (statement, consumed) = prepared?;
        let wants_wal = journal::take_wal_request();
        let statement = statement.map(|stmt| Statement {
            stmt: RefCell::new(stmt),
            done: Cell::new(false),
            failed: RefCell::new(None),
            wants_wal,
            conn: self.conn.clone(),
        });
        Ok((statement, consumed as u32))
    }
}

impl GuestConnection for Connection {
    fn open(path: String, options: OpenOptions) -> Result<sql::Connection, SqlError> {
        adopt_working_directory();
        if options.new && path != ":memory:" && !path.is_empty() {
            // A missing file is what `new` wants anyway.
            let _ = std::fs::remove_file(&path);
        }
        match vfs::install() {
            ffi::SQLITE_OK => {}
            rc => return Err(error(sqlink_sqlite::Error::new(rc, "cannot set up SQLite's file access".to_string()))),
        }
        let conn = sqlink_sqlite::Connection::open_with(Path::new(&path), options.read_only).map_err(error)?;
        vfs::settle().map_err(error)?;
        crate::locks::wait_when_busy(conn.db());
        journal::watch(conn.db());
        crate::declared::clear(conn.db());
        let (registered, warnings) = extension::register(conn.db(), extension::Registered::default(), &[]).map_err(error)?;
        Ok(sql::Connection::new(Connection {
            conn: Rc::new(conn),
            registered: RefCell::new(registered),
            warnings: RefCell::new(warnings),
        }))
    }

    fn prepare(&self, sql: String) -> Result<Prepared, SqlError> {
        let (statement, consumed) = self.compile(&sql)?;
        let columns = statement.as_ref().map(Statement::columns).unwrap_or_default();
        Ok(Prepared { statement: statement.map(sql::Statement::new), columns, consumed })
    }

    fn run(&self, sql: String, max: u32) -> Result<Started, SqlError> {
        let (statement, consumed) = self.compile(&sql)?;
        let first = statement.map(|statement| {
            let columns = statement.columns();
            let rows = statement.step(max);
            // Ended (done, or failed before any row): finalized here.
            let more = statement.is_running().then(|| sql::Statement::new(statement));
            FirstRows { columns, rows, more }
        });
        Ok(Started { first, consumed })
    }

    fn exec(&self, sql: String) -> Result<(), SqlError> {
        let mut rest = sql.as_str();
        while !rest.trim().is_empty() {
            let (statement, used) = self.compile(rest)?;
            if let Some(statement) = statement {
                while statement.is_running() {
                    statement.step(256)?;
                }
            }
            rest = &rest[used as usize..];
        }
        Ok(())
    }

    fn serve(&self, request: Request) -> Answer {
        crate::spi::serve(self.db(), request)
    }

    fn interrupt(&self) {
        self.db().interrupt();
    }

    fn changes(&self) -> i64 {
        self.db().changes()
    }

    fn last_insert_rowid(&self) -> i64 {
        // SAFETY: an open connection.
        unsafe { ffi::sqlite3_last_insert_rowid(self.db().raw()) }
    }

    fn databases(&self) -> Vec<Database> {
        let db = self.db();
        // Collect the names first: while the listing statement runs it holds
        // a read transaction, which would show in every state read below.
        let mut listed = Vec::new();
        if let Ok((Some(mut list), _)) = db.prepare("select name, file from pragma_database_list") {
            while let Ok(true) = list.step() {
                let text = |i| match list.column(i) {
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    _ => String::new(),
                };
                listed.push((text(0), text(1)));
            }
        }
        let mut out = Vec::new();
        for (name, file) in listed {
            let Ok(c_name) = std::ffi::CString::new(name.clone()) else { continue };
            // SAFETY: an open connection and a NUL-terminated schema name.
            let (read_only, txn) = unsafe {
                (ffi::sqlite3_db_readonly(db.raw(), c_name.as_ptr()), ffi::sqlite3_txn_state(db.raw(), c_name.as_ptr()))
            };
            let txn = match txn {
                ffi::SQLITE_TXN_WRITE => TxnState::Write,
                ffi::SQLITE_TXN_READ => TxnState::Read,
                _ => TxnState::None,
            };
            out.push(Database { name, file, read_only: read_only == 1, txn });
        }
        out
    }

    fn refresh_extensions(&self, pins: Vec<String>) -> Result<Vec<NameWarning>, SqlError> {
        extension::reload();
        let previous = std::mem::take(&mut *self.registered.borrow_mut());
        let (registered, warnings) = extension::register(self.db(), previous, &pins).map_err(error)?;
        *self.registered.borrow_mut() = registered;
        *self.warnings.borrow_mut() = warnings.clone();
        Ok(warnings)
    }

    fn name_warnings(&self) -> Vec<NameWarning> {
        self.warnings.borrow().clone()
    }

    fn backup(&self, schema: String, path: String, no_sync: bool) -> Result<(), CopyError> {
        copied(self.db().backup_to(&schema, &path, no_sync))
    }

    fn restore(&self, schema: String, path: String) -> Result<(), CopyError> {
        copied(self.db().restore_from(&schema, &path))
    }

    fn set_trigger_eqp(&self, on: bool) -> bool {
        let mut previous: std::ffi::c_int = 0;
        // SAFETY: an open connection; TRIGGER_EQP takes an int (-1 leaves
        // it as it is) and a pointer for the setting.
        unsafe {
            let db = self.db().raw();
            ffi::sqlite3_db_config(db, ffi::SQLITE_DBCONFIG_TRIGGER_EQP, -1 as std::ffi::c_int, &mut previous as *mut std::ffi::c_int);
            ffi::sqlite3_db_config(db, ffi::SQLITE_DBCONFIG_TRIGGER_EQP, on as std::ffi::c_int, std::ptr::null_mut::<std::ffi::c_int>());
        }
        previous != 0
    }
}

/// A prepared statement. It keeps its connection open.
pub struct Statement {
    stmt: RefCell<sqlink_sqlite::Statement>,
    /// Stepped to the end: SQLite would start it again on the next step.
    done: Cell<bool>,
    /// An error met after rows of the same batch, reported by the next step.
    failed: RefCell<Option<SqlError>>,
    /// It is `PRAGMA journal_mode=WAL` (see `journal`).
    wants_wal: bool,
    conn: Rc<sqlink_sqlite::Connection>,
}

impl Statement {
    fn columns(&self) -> Vec<String> {
        self.stmt.borrow().column_names()
    }

    /// Whether stepping it has more to give: rows, or an error after rows.
    fn is_running(&self) -> bool {
        !self.done.get() || self.failed.borrow().is_some()
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // Ended here, before it is finalized, so that what ending it writes
        // is settled before control returns to the host.
        self.stmt.get_mut().reset();
        let _ = vfs::settle();
    }
}

impl GuestStatement for Statement {
    fn parameter_count(&self) -> u32 {
        self.stmt.borrow().parameter_count() as u32
    }

    fn parameter_name(&self, index: u32) -> Option<String> {
        self.stmt.borrow().parameter_name(index as usize)
    }

    fn bind(&self, index: u32, value: Value) -> Result<(), SqlError> {
        self.stmt.borrow_mut().bind(index as usize, from_value(&value)).map_err(error)
    }

    fn step(&self, max: u32) -> Result<Rows, SqlError> {
        if let Some(e) = self.failed.borrow_mut().take() {
            return Err(e);
        }
        let mut stmt = self.stmt.borrow_mut();
        let mut rows = Vec::new();
        while !self.done.get() && rows.len() < max as usize {
            match stmt.step().map_err(|e| journal::explain(self.conn.db(), e)).and_then(|row| {
                if row {
                    check_wal(self.wants_wal, &stmt)?;
                }
                Ok(row)
            }) {
                Ok(true) => rows.push((0..stmt.column_count()).map(|i| to_value(stmt.column(i))).collect()),
                Ok(false) => self.done.set(true),
                Err(e) => {
                    self.done.set(true);
                    if rows.is_empty() {
                        return Err(error(e));
                    }
                    // The rows before the error are results too (the
                    // sqlite3 shell prints them): they go out now, the error
                    // on the next call.
                    *self.failed.borrow_mut() = Some(error(e));
                }
            }
        }
        if let Err(e) = vfs::settle() {
            self.done.set(true);
            if rows.is_empty() {
                return Err(error(e));
            }
            self.failed.borrow_mut().get_or_insert(error(e));
        }
        Ok(Rows { rows, done: self.done.get() && self.failed.borrow().is_none() })
    }

    fn reset(&self) {
        self.stmt.borrow_mut().reset();
        // Ending a statement can write (rolling back what it did); a
        // failure reaches SQLite with its next file operation.
        let _ = vfs::settle();
        self.done.set(false);
        self.failed.borrow_mut().take();
    }
}
