//! Helpers for the runtime's integration tests: an in-memory SQLite, the
//! built extensions under dist/, and SQL that returns rows or an error.
#![allow(dead_code)]

use sqlink_runtime::{AttachOptions, AttachReport, Grants, Limits, Registry, Runtime};
use sqlink_sqlite::{Db, Value, ffi};
use std::path::PathBuf;
use std::time::Duration;

/// A connection to a fresh database file (or `:memory:`), closed on drop
/// after its registry.
pub struct Conn {
    pub registry: Registry,
    pub db: Db,
}

impl Drop for Conn {
    fn drop(&mut self) {
        self.registry.detach_all();
        // SAFETY: statements are finalized by the helpers; registrations are gone.
        unsafe { ffi::sqlite3_close(self.db.raw()) };
    }
}

impl Conn {
    pub fn open(path: &str) -> Conn {
        let c = std::ffi::CString::new(path).unwrap();
        let mut raw = std::ptr::null_mut();
        // SAFETY: a fresh connection owned by `Conn`.
        let db = unsafe {
            assert_eq!(ffi::sqlite3_open(c.as_ptr(), &mut raw), 0);
            Db::from_raw(raw)
        };
        Conn { registry: Registry::new(db), db }
    }

    pub fn memory() -> Conn {
        Conn::open(":memory:")
    }

    /// Loads a built extension (`dist/extensions/NAME.wasm`, or
    /// `dist/test-extensions/NAME.wasm`).
    pub fn load(&mut self, name: &str) -> AttachReport {
        self.try_load(name, &[], None, None, &AttachOptions::default()).unwrap_or_else(|e| panic!("loading {name}: {e}"))
    }

    pub fn try_load(&mut self, name: &str, grants: &[&str], mem: Option<&str>, timeout_ms: Option<u64>, options: &AttachOptions) -> Result<AttachReport, String> {
        let grants = Grants::parse_each(grants).map_err(|e| e.to_string())?;
        let limits = Limits::with(mem, timeout_ms).map_err(|e| e.to_string())?;
        let ext = Runtime::get().unwrap().load_file(&wasm(name), grants, limits).map_err(|e| e.to_string())?;
        self.registry.attach(ext, options).map_err(|e| e.to_string())
    }

    /// Runs SQL (several statements allowed); returns the rows of the last
    /// statement, or the first error's message.
    pub fn query(&self, sql: &str) -> Result<Vec<Vec<Value>>, String> {
        let mut rest = sql;
        let mut rows = Vec::new();
        while !rest.trim().is_empty() {
            let (stmt, used) = self.db.prepare(rest).map_err(|e| e.message)?;
            rest = &rest[used..];
            let Some(mut stmt) = stmt else { continue };
            rows.clear();
            while stmt.step().map_err(|e| e.message)? {
                rows.push((0..stmt.column_count()).map(|i| stmt.column(i).to_owned()).collect());
            }
        }
        Ok(rows)
    }

    /// The single value of a one-row, one-column query.
    pub fn value(&self, sql: &str) -> Value {
        let rows = self.query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        assert_eq!(rows.len(), 1, "{sql}: expected one row, got {rows:?}");
        rows[0][0].clone()
    }

    /// The error a statement raises.
    pub fn error(&self, sql: &str) -> String {
        match self.query(sql) {
            Ok(rows) => panic!("{sql}: expected an error, got {rows:?}"),
            Err(e) => e,
        }
    }
}

pub fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

/// Path of a built component.
pub fn wasm(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    for dir in ["dist/extensions", "dist/test-extensions"] {
        let p = root.join(dir).join(format!("{name}.wasm"));
        if p.exists() {
            return p;
        }
    }
    panic!("{name}.wasm is not built: run `make build` first");
}

pub fn limits(ms: u64) -> Option<u64> {
    Some(Duration::from_millis(ms).as_millis() as u64)
}
