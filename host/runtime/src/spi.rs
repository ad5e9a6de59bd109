//! The `spi` import: SQL on the connection the extension is attached to.
//! Runs on the calling connection itself, so it sees uncommitted writes,
//! temp tables and `:memory:` databases. Time spent here does not count
//! against the extension's CPU limit.

use crate::bindings::spi::{FunctionBody, Host, Rows};
use crate::bindings::types::FunctionFlags;
use crate::bindings::{SqlError, Value};
use crate::error::Error;
use crate::host::HostState;
use crate::manifest::Function;
use crate::instance::Declared;
use crate::sqlite::sql_body::{BodySlot, SqlBody};
use crate::sqlite::binding::Binding;
use crate::sqlite::scalar::ScalarTarget;
use crate::sqlite::{self, Callbacks};
use std::sync::{Arc, Mutex};
use sqlink_sqlite::{Db, Statement, ValueRef, ffi};

fn sql_error(e: impl Into<Error>) -> SqlError {
    let e = e.into();
    SqlError { code: e.code, message: e.message }
}

fn to_wit(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(t.to_vec()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn from_wit(v: &Value) -> ValueRef<'_> {
    match v {
        Value::Null => ValueRef::Null,
        Value::Integer(i) => ValueRef::Integer(*i),
        Value::Real(r) => ValueRef::Real(*r),
        Value::Text(t) => ValueRef::Text(t),
        Value::Blob(b) => ValueRef::Blob(b),
    }
}

/// Steps a statement to the end, collecting its rows.
fn collect(mut stmt: Statement) -> Result<Rows, Error> {
    let columns = stmt.column_names();
    let mut rows = Vec::new();
    while stmt.step()? {
        rows.push((0..columns.len()).map(|i| to_wit(stmt.column(i))).collect());
    }
    Ok(Rows { columns, rows })
}

/// Compiles exactly one statement.
fn prepare_one(db: Db, sql: &str) -> Result<Statement, Error> {
    let (stmt, used) = db.prepare(sql)?;
    let stmt = stmt.ok_or_else(|| Error::new("no SQL statement given"))?;
    if let (Some(_), _) = db.prepare(&sql[used..])? {
        return Err(Error::new("expected one statement; use execute() for scripts"));
    }
    Ok(stmt)
}

/// Where an extension's SPI calls run.
#[derive(Clone, Default)]
pub(crate) enum SpiTarget {
    /// Nowhere: the instance is only being probed, not attached.
    #[default]
    Detached,
    /// A native SQLite connection.
    Native(Db),
    /// SQLite running in wasm (`sqlink --engine wasm`), reachable only while
    /// it is not itself running (see [`crate::wasm_sqlite`]).
    Wasm(std::sync::Weak<Mutex<crate::wasm_sqlite::Core>>),
}

fn not_granted() -> SqlError {
    SqlError { code: ffi::SQLITE_AUTH, message: "SQL access (spi) was not granted to this extension".into() }
}

fn unavailable() -> SqlError {
    SqlError { code: ffi::SQLITE_MISUSE, message: "SQL access is not available here".into() }
}

impl HostState {
    fn spi_target(&self) -> Result<&SpiTarget, SqlError> {
        if !self.spi_granted {
            return Err(not_granted());
        }
        Ok(&self.spi)
    }

    /// The native connection; declaring functions needs one.
    fn spi_db(&self) -> Result<Db, SqlError> {
        match self.spi_target()? {
            SpiTarget::Native(db) => Ok(*db),
            SpiTarget::Detached => Err(unavailable()),
            SpiTarget::Wasm(_) => Err(SqlError {
                code: ffi::SQLITE_MISUSE,
                message: "declaring SQL functions at run time needs the native engine (run sqlink without --engine wasm)".into(),
            }),
        }
    }

    /// Runs SPI work on the native connection or on SQLite in wasm.
    fn spi_run<R>(
        &mut self,
        native: impl FnOnce(Db) -> Result<R, Error>,
        wasm: impl FnOnce(&mut crate::wasm_sqlite::Core) -> Result<R, Error>,
    ) -> Result<R, SqlError> {
        match self.spi_target()?.clone() {
            SpiTarget::Detached => Err(unavailable()),
            SpiTarget::Native(db) => self.host_work(|_| native(db)).map_err(sql_error),
            SpiTarget::Wasm(core) => {
                let core = core.upgrade().ok_or_else(unavailable)?;
                // Locked means SQLite is running the statement that called
                // this extension: it cannot be entered again.
                let Ok(mut core) = core.try_lock() else { return Err(crate::wasm_sqlite::reentry_error()) };
                self.host_work(|_| wasm(&mut core)).map_err(sql_error)
            }
        }
    }
}

impl Host for HostState {
    fn query(&mut self, sql: String, params: Vec<Value>) -> Result<Rows, SqlError> {
        let native = |db| {
            let mut stmt = prepare_one(db, &sql)?;
            if stmt.parameter_count() != params.len() {
                return Err(Error::new(format!("the statement takes {} parameters, got {}", stmt.parameter_count(), params.len())));
            }
            for (i, p) in params.iter().enumerate() {
                stmt.bind(i + 1, from_wit(p))?;
            }
            collect(stmt)
        };
        self.spi_run(native, |core| core.query(&sql, &params))
    }

    fn execute(&mut self, sql: String) -> Result<Vec<Rows>, SqlError> {
        let native = |db: Db| {
            let mut results = Vec::new();
            let mut rest = sql.as_str();
            while !rest.is_empty() {
                let (stmt, used) = db.prepare(rest)?;
                if let Some(stmt) = stmt {
                    results.push(collect(stmt)?);
                }
                rest = &rest[used..];
            }
            Ok::<_, Error>(results)
        };
        self.spi_run(native, |core| core.execute(&sql))
    }

    fn parameter_count(&mut self, sql: String) -> Result<u32, SqlError> {
        self.spi_run(|db| prepare_one(db, &sql).map(|s| s.parameter_count() as u32), |core| core.parameter_count_of(&sql))
    }

    fn declare_function(&mut self, name: String, arity: i32, flags: FunctionFlags, body: FunctionBody) -> Result<(), SqlError> {
        let db = self.spi_db()?;
        let live = self.live.upgrade().ok_or_else(|| sql_error(Error::new("the extension is being unloaded")))?;
        if !(-1..=127).contains(&arity) || name.is_empty() {
            return Err(sql_error(Error::new(format!("cannot declare function '{name}' with arity {arity}"))));
        }
        let key = (name.to_ascii_lowercase(), arity);
        if let FunctionBody::Sql(sql) = &body {
            let params = prepare_one(db, sql).map_err(sql_error)?.parameter_count();
            if arity >= 0 && params != arity as usize {
                return Err(sql_error(Error::new(format!("the body takes {params} parameters but the function is declared with {arity}"))));
            }
        }
        let mut declared = live.declared.lock().unwrap();
        // Redefining a SQL-bodied function swaps its body in place: SQLite
        // does not allow replacing a function while a statement runs.
        if let (Some(Declared { sql: Some(slot), .. }), FunctionBody::Sql(sql)) = (declared.get(&key), &body) {
            *slot.lock().unwrap() = Some(sql.clone());
            return Ok(());
        }
        if !declared.contains_key(&key) && db.function_exists(&name, arity) {
            return Err(sql_error(Error::new(format!("function {name} already exists; choose another name"))));
        }
        let function = Function {
            name: name.clone(),
            arity,
            deterministic: flags.contains(FunctionFlags::DETERMINISTIC),
            direct_only: flags.contains(FunctionFlags::DIRECT_ONLY),
            innocuous: flags.contains(FunctionFlags::INNOCUOUS),
            subtype: flags.contains(FunctionFlags::SUBTYPE),
            result_subtype: flags.contains(FunctionFlags::RESULT_SUBTYPE),
            description: String::new(),
        };
        let sqlite_flags = function.sqlite_flags(self.direct_only, sqlite::sqlite_version());
        let (registered, slot) = match body {
            FunctionBody::Invoke(id) => {
                let binding = Binding::new(&name, ScalarTarget::Wasm { live: live.clone(), id, subtyped: function.subtyped() });
                (db.create_function(&name, arity, sqlite_flags, Box::new(binding), Callbacks::Scalar(sqlite::scalar::call)), None)
            }
            FunctionBody::Sql(sql) => {
                let slot: BodySlot = Arc::new(Mutex::new(Some(sql)));
                let data = Box::new(SqlBody { name: name.clone(), sql: slot.clone() });
                (db.create_function(&name, arity, sqlite_flags, data, Callbacks::Scalar(sqlite::sql_body::call)), Some(slot))
            }
        };
        registered.map_err(sql_error)?;
        declared.insert(key, Declared { name, sql: slot });
        Ok(())
    }

    fn forget_function(&mut self, name: String, arity: i32) -> Result<(), SqlError> {
        let db = self.spi_db()?;
        let live = self.live.upgrade().ok_or_else(|| sql_error(Error::new("the extension is being unloaded")))?;
        let key = (name.to_ascii_lowercase(), arity);
        let mut declared = live.declared.lock().unwrap();
        let Some(entry) = declared.get(&key) else {
            return Err(sql_error(Error::new(format!("function {name} was not declared by this extension"))));
        };
        if let Some(slot) = &entry.sql {
            *slot.lock().unwrap() = None;
        }
        // Succeeds only when no statement runs; otherwise the emptied body
        // answers until the extension is unloaded or the function redefined.
        if db.delete_function(&entry.name, arity).is_ok() {
            declared.remove(&key);
        }
        Ok(())
    }
}
