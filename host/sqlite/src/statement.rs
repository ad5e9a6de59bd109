//! Prepared statements.

use crate::{Db, Error, ValueRef, ffi};
use std::ffi::CStr;

/// A prepared statement, finalized on drop.
pub struct Statement {
    raw: *mut ffi::sqlite3_stmt,
    db: Db,
}

impl Statement {
    /// # Safety
    /// `raw` must be null or a statement of `db` that the caller owns.
    pub(crate) unsafe fn from_raw(db: Db, raw: *mut ffi::sqlite3_stmt) -> Option<Statement> {
        (!raw.is_null()).then_some(Statement { raw, db })
    }

    pub fn raw(&self) -> *mut ffi::sqlite3_stmt {
        self.raw
    }

    /// Advances to the next row; false when the statement is done.
    pub fn step(&mut self) -> Result<bool, Error> {
        // SAFETY: we own a valid statement.
        match unsafe { ffi::sqlite3_step(self.raw) } {
            ffi::SQLITE_ROW => Ok(true),
            ffi::SQLITE_DONE => Ok(false),
            rc => {
                // sqlite3_reset reports the statement's own error.
                let mut err = self.db.error(rc);
                err.offset = None;
                Err(err)
            }
        }
    }

    /// Rewinds the statement so it can run again (bindings are kept).
    pub fn reset(&mut self) {
        // SAFETY: we own a valid statement.
        unsafe { ffi::sqlite3_reset(self.raw) };
    }

    pub fn column_count(&self) -> usize {
        // SAFETY: we own a valid statement.
        unsafe { ffi::sqlite3_column_count(self.raw) as usize }
    }

    pub fn column_name(&self, i: usize) -> String {
        // SAFETY: valid statement; the name is copied immediately.
        unsafe {
            let p = ffi::sqlite3_column_name(self.raw, i as i32);
            if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() }
        }
    }

    pub fn column_names(&self) -> Vec<String> {
        (0..self.column_count()).map(|i| self.column_name(i)).collect()
    }

    /// Column `i`'s declared type (`sqlite3_column_decltype`): the type in
    /// the `CREATE TABLE` of a column read straight from a table (through
    /// views and subqueries too); `None` for an expression.
    pub fn column_decltype(&self, i: usize) -> Option<String> {
        // SAFETY: valid statement; the type is copied immediately.
        unsafe {
            let p = ffi::sqlite3_column_decltype(self.raw, i as i32);
            if p.is_null() { None } else { Some(CStr::from_ptr(p).to_string_lossy().into_owned()) }
        }
    }

    /// Column `i` of the current row, valid until the next step.
    pub fn column(&self, i: usize) -> ValueRef<'_> {
        // SAFETY: valid statement positioned on a row; the borrow of `self`
        // keeps the value alive until the next `step` (which needs `&mut`).
        unsafe { ValueRef::from_raw(ffi::sqlite3_column_value(self.raw, i as i32)) }
    }

    pub fn parameter_count(&self) -> usize {
        // SAFETY: valid statement.
        unsafe { ffi::sqlite3_bind_parameter_count(self.raw) as usize }
    }

    /// The name of parameter `i` (1-based) as written, with its `:`, `@`,
    /// `$` or `?NNN`; `None` for a bare `?`.
    pub fn parameter_name(&self, i: usize) -> Option<String> {
        // SAFETY: valid statement; the name is copied immediately.
        unsafe {
            let p = ffi::sqlite3_bind_parameter_name(self.raw, i as i32);
            (!p.is_null()).then(|| CStr::from_ptr(p).to_string_lossy().into_owned())
        }
    }

    /// Binds parameter `i` (1-based).
    pub fn bind(&mut self, i: usize, value: ValueRef<'_>) -> Result<(), Error> {
        let i = i as i32;
        // SAFETY: valid statement; SQLITE_TRANSIENT makes SQLite copy text
        // and blobs before returning.
        let rc = unsafe {
            match value {
                ValueRef::Null => ffi::sqlite3_bind_null(self.raw, i),
                ValueRef::Integer(v) => ffi::sqlite3_bind_int64(self.raw, i, v),
                ValueRef::Real(v) => ffi::sqlite3_bind_double(self.raw, i, v),
                ValueRef::Text(t) => {
                    ffi::sqlite3_bind_text64(self.raw, i, t.as_ptr().cast(), t.len() as u64, ffi::SQLITE_TRANSIENT(), ffi::SQLITE_UTF8 as u8)
                }
                ValueRef::Blob(b) => ffi::sqlite3_bind_blob64(self.raw, i, b.as_ptr().cast(), b.len() as u64, ffi::SQLITE_TRANSIENT()),
            }
        };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.db.error(rc)) }
    }

    /// Whether the statement only reads (`sqlite3_stmt_readonly`).
    pub fn is_readonly(&self) -> bool {
        // SAFETY: valid statement.
        unsafe { ffi::sqlite3_stmt_readonly(self.raw) != 0 }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: we own the statement and drop it exactly once.
        unsafe { ffi::sqlite3_finalize(self.raw) };
    }
}

#[cfg(test)]
mod tests {
    use crate::{Db, Value, ValueRef, ffi, is_complete};
    use std::ptr;

    fn memory_db() -> Db {
        let mut raw = ptr::null_mut();
        // SAFETY: opening a private in-memory database; leaked for the test.
        unsafe {
            assert_eq!(ffi::sqlite3_open(c":memory:".as_ptr(), &mut raw), ffi::SQLITE_OK);
            Db::from_raw(raw)
        }
    }

    #[test]
    fn prepare_reports_consumed_bytes_and_steps_rows() {
        let db = memory_db();
        let sql = "select 1, 'a', x'ff00', null, 2.5; select 2";
        let (stmt, used) = db.prepare(sql).unwrap();
        let mut stmt = stmt.unwrap();
        assert_eq!(&sql[used..], " select 2");
        assert!(stmt.step().unwrap());
        assert_eq!(stmt.column(0), ValueRef::Integer(1));
        assert_eq!(stmt.column(1), ValueRef::Text(b"a"));
        assert_eq!(stmt.column(2), ValueRef::Blob(&[0xff, 0]));
        assert_eq!(stmt.column(3), ValueRef::Null);
        assert_eq!(stmt.column(4), ValueRef::Real(2.5));
        assert!(!stmt.step().unwrap());
        let (none, used) = db.prepare("  -- only a comment\n").unwrap();
        assert!(none.is_none());
        assert_eq!(used, 20);
    }

    #[test]
    fn invalid_utf8_text_round_trips_through_bind() {
        let db = memory_db();
        let (stmt, _) = db.prepare("select ?1, typeof(?1)").unwrap();
        let mut stmt = stmt.unwrap();
        stmt.bind(1, Value::Text(vec![0xff, 0xfe, b'a']).as_ref()).unwrap();
        assert!(stmt.step().unwrap());
        assert_eq!(stmt.column(0), ValueRef::Text(&[0xff, 0xfe, b'a']));
        assert_eq!(stmt.column(1), ValueRef::Text(b"text"));
    }

    #[test]
    fn errors_carry_code_message_and_offset() {
        let db = memory_db();
        let err = db.prepare("select * from nosuch").err().unwrap();
        assert_eq!(err.primary_code(), ffi::SQLITE_ERROR);
        assert_eq!(err.message, "no such table: nosuch");
        let err = db.prepare("selec 1").err().unwrap();
        assert_eq!(err.message, "near \"selec\": syntax error");
        assert_eq!(err.offset, Some(0));
        let (stmt, _) = db.prepare("select abs(-9223372036854775808)").unwrap();
        let err = stmt.unwrap().step().unwrap_err();
        assert_eq!(err.message, "integer overflow");
    }

    #[test]
    fn completeness_follows_sqlite() {
        assert!(is_complete("select 1;"));
        assert!(!is_complete("select 1"));
        assert!(!is_complete("create trigger t after insert on x begin select 1;"));
        assert!(is_complete("create trigger t after insert on x begin select 1; end;"));
    }
}
