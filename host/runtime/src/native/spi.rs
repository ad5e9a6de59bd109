//! SPI on a native connection: SQL runs on the calling connection itself,
//! so it sees uncommitted writes, temp tables and `:memory:` databases;
//! functions declared at run time are registered on it.

use super::binding::Binding;
use super::scalar::ScalarTarget;
use super::sql_body::{BodySlot, SqlBody};
use super::{Callbacks, sqlite_version};
use crate::error::Error;
use crate::instance::Live;
use crate::manifest::Function;
use crate::store::SqlAccess;
use crate::store::blob_read::{PendingRead, ReadBytes};
use crate::wit::Value as WitValue;
use crate::wit::spi::{FunctionBody, Rows};
use crate::wit::types::FunctionFlags;
use crate::wit::blob::Location;
use sqlink_sqlite::{Db, Value, ValueRef, blob, ffi, spi, spi_guard};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, Weak};

fn to_wit(v: Value) -> WitValue {
    match v {
        Value::Null => WitValue::Null,
        Value::Integer(i) => WitValue::Integer(i),
        Value::Real(r) => WitValue::Real(r),
        Value::Text(t) => WitValue::Text(t),
        Value::Blob(b) => WitValue::Blob(b),
    }
}

fn from_wit(v: &WitValue) -> ValueRef<'_> {
    match v {
        WitValue::Null => ValueRef::Null,
        WitValue::Integer(i) => ValueRef::Integer(*i),
        WitValue::Real(r) => ValueRef::Real(*r),
        WitValue::Text(t) => ValueRef::Text(t),
        WitValue::Blob(b) => ValueRef::Blob(b),
    }
}

/// Rows as the contract carries them.
pub(crate) fn rows_to_wit(r: spi::Rows) -> Rows {
    Rows { columns: r.columns, declared_types: r.declared_types, rows: r.rows.into_iter().map(|row| row.into_iter().map(to_wit).collect()).collect() }
}

/// Runs `work` (which prepares and runs an extension's SQL) under the spi
/// guard (`sqlink_sqlite::spi_guard`), preparing and stepping alike: SQLite
/// authorizes some actions only when a statement runs (VACUUM INTO attaches
/// its target then). What reaches beyond the connection fails with the
/// guard's reason.
pub(crate) fn guarded<R>(work: impl FnOnce() -> Result<R, Error>) -> Result<R, Error> {
    let result = spi_guard::guarded(work);
    match (result, spi_guard::take_refusal()) {
        (Err(_), Some(reason)) => Err(Error::with_code(ffi::SQLITE_AUTH, reason)),
        (result, _) => result,
    }
}

/// SQL on a native connection, for the extensions attached to it; also
/// where the functions an extension declares at run time are kept.
pub(crate) struct NativeSql {
    db: Db,
    /// The live instance declared functions dispatch back into.
    live: Weak<Live>,
    /// Extension functions are registered DIRECTONLY (grants beyond pure
    /// computation); functions it declares at run time inherit that.
    direct_only: bool,
    /// Functions the extension declared at run time, by (lowercase name,
    /// arity), with the body slot of SQL-bodied ones; removed when it is
    /// unloaded.
    pub(crate) declared: Mutex<BTreeMap<(String, i32), Declared>>,
}

/// A function declared at run time.
pub(crate) struct Declared {
    /// The name as declared.
    pub name: String,
    /// The body of a SQL-bodied function (None for `invoke` bodies).
    pub sql: Option<BodySlot>,
}

impl Declared {
    /// Whether it is still callable (not forgotten).
    pub(crate) fn is_active(&self) -> bool {
        self.sql.as_ref().is_none_or(|slot| slot.lock().map(|b| b.is_some()).unwrap_or(false))
    }
}

impl NativeSql {
    pub(crate) fn new(db: Db, live: Weak<Live>, direct_only: bool) -> NativeSql {
        NativeSql { db, live, direct_only, declared: Mutex::new(BTreeMap::new()) }
    }
}

impl SqlAccess for NativeSql {
    fn query(&self, sql: &str, params: &[WitValue]) -> Result<Rows, Error> {
        let params: Vec<ValueRef<'_>> = params.iter().map(from_wit).collect();
        guarded(|| Ok(rows_to_wit(spi::query(self.db, sql, &params)?)))
    }

    fn execute(&self, sql: &str) -> Result<Vec<Rows>, Error> {
        guarded(|| Ok(spi::execute(self.db, sql)?.into_iter().map(rows_to_wit).collect()))
    }

    fn parameter_count(&self, sql: &str) -> Result<u32, Error> {
        guarded(|| Ok(spi::parameter_count(self.db, sql)? as u32))
    }

    fn declare_function(&self, name: &str, arity: i32, flags: FunctionFlags, body: FunctionBody) -> Result<(), Error> {
        let db = self.db;
        let live = self.live.upgrade().ok_or_else(|| Error::new("the extension is being unloaded"))?;
        let sql_body = match &body {
            FunctionBody::Sql(sql) => Some(sql.as_str()),
            FunctionBody::Invoke(_) => None,
        };
        guarded(|| Ok(spi::check_declaration(db, name, arity, sql_body)?))?;
        let key = (name.to_ascii_lowercase(), arity);
        let mut declared = self.declared.lock().unwrap();
        // Redefining a SQL-bodied function swaps its body in place: SQLite
        // does not allow replacing a function while a statement runs.
        if let (Some(Declared { sql: Some(slot), .. }), FunctionBody::Sql(sql)) = (declared.get(&key), &body) {
            *slot.lock().unwrap() = Some(sql.clone());
            return Ok(());
        }
        if !declared.contains_key(&key) && db.function_exists(name, arity) {
            return Err(Error::new(format!("function {name} already exists; choose another name")));
        }
        let function = Function {
            name: name.to_string(),
            arity,
            deterministic: flags.contains(FunctionFlags::DETERMINISTIC),
            direct_only: flags.contains(FunctionFlags::DIRECT_ONLY),
            innocuous: flags.contains(FunctionFlags::INNOCUOUS),
            subtype: flags.contains(FunctionFlags::SUBTYPE),
            result_subtype: flags.contains(FunctionFlags::RESULT_SUBTYPE),
            description: String::new(),
        };
        let sqlite_flags = function.sqlite_flags(self.direct_only, sqlite_version());
        let (registered, slot) = match body {
            FunctionBody::Invoke(id) => {
                let binding = Binding::new(name, ScalarTarget::Wasm { live: live.clone(), id, subtyped: function.subtyped() });
                (db.create_function(name, arity, sqlite_flags, Box::new(binding), Callbacks::Scalar(super::scalar::call)), None)
            }
            FunctionBody::Sql(sql) => {
                let slot: BodySlot = Arc::new(Mutex::new(Some(sql)));
                let data = Box::new(SqlBody { name: name.to_string(), sql: slot.clone() });
                (db.create_function(name, arity, sqlite_flags, data, Callbacks::Scalar(super::sql_body::call)), Some(slot))
            }
        };
        registered?;
        declared.insert(key, Declared { name: name.to_string(), sql: slot });
        Ok(())
    }

    fn forget_function(&self, name: &str, arity: i32) -> Result<(), Error> {
        let key = (name.to_ascii_lowercase(), arity);
        let mut declared = self.declared.lock().unwrap();
        let Some(entry) = declared.get(&key) else {
            return Err(Error::new(format!("function {name} was not declared by this extension")));
        };
        if let Some(slot) = &entry.sql {
            *slot.lock().unwrap() = None;
        }
        // Succeeds only when no statement runs; otherwise the emptied body
        // answers until the extension is unloaded or the function redefined.
        if self.db.delete_function(&entry.name, arity).is_ok() {
            declared.remove(&key);
        }
        Ok(())
    }

    fn blob_size(&self, at: &Location) -> Result<u32, Error> {
        guarded(|| Ok(blob::size(self.db, &located(at))?))
    }

    fn blob_read(&self, at: &Location, offset: u32, length: u32) -> Result<ReadBytes, Error> {
        guarded(|| Ok(ReadBytes::Pending(PendingRead(blob::Reader::open(self.db, &located(at), offset, length)?))))
    }

    fn blob_write(&self, at: &Location, offset: u32, data: &[u8]) -> Result<(), Error> {
        guarded(|| Ok(blob::write(self.db, &located(at), offset, data)?))
    }
}

/// A `blob.location` as `sqlink_sqlite::blob` takes it.
fn located(at: &Location) -> blob::Location<'_> {
    blob::Location { database: &at.database, table: &at.table, column: &at.column, rowid: at.rowid }
}
