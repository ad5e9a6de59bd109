//! Whole-database copies with SQLite's online backup API, as the sqlite3
//! shell's `.backup` and `.restore` make them.

use crate::{Db, Error, ffi};
use std::ffi::CString;
use std::ptr;

/// How a copy failed.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyFailure {
    /// The other database file could not be opened.
    Open,
    /// The source stayed locked by another connection.
    Busy,
    /// The copy failed, with the destination connection's error.
    Failed(Error),
}

/// A connection to the other file of a copy, closed on drop.
struct Other(*mut ffi::sqlite3);

impl Other {
    /// Opens `path` read-write, creating it if missing (as sqlite3 opens
    /// both the target of `.backup` and the source of `.restore`).
    fn open(path: &str) -> Result<Other, CopyFailure> {
        let c_path = CString::new(path).map_err(|_| CopyFailure::Open)?;
        let mut raw = ptr::null_mut();
        let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE | ffi::SQLITE_OPEN_URI;
        // SAFETY: a NUL-terminated path; the handle, even of a failed open,
        // is owned by `Other` and closed on drop.
        let rc = unsafe { ffi::sqlite3_open_v2(c_path.as_ptr(), &mut raw, flags, ptr::null()) };
        let other = Other(raw);
        if rc != ffi::SQLITE_OK {
            return Err(CopyFailure::Open);
        }
        Ok(other)
    }

    fn db(&self) -> Db {
        // SAFETY: an open handle that lives as long as `self`.
        unsafe { Db::from_raw(self.0) }
    }
}

impl Drop for Other {
    fn drop(&mut self) {
        // SAFETY: we own the handle (possibly null after a failed open,
        // which sqlite3_close accepts).
        unsafe { ffi::sqlite3_close(self.0) };
    }
}

/// Copies every page of `src_schema` on `src` into `dest_schema` on `dest`,
/// 100 pages a step. A busy source is retried `busy_retries` times, 100 ms
/// apart. On failure the error is the destination's.
fn copy(dest: Db, dest_schema: &str, src: Db, src_schema: &str, busy_retries: u32) -> Result<(), CopyFailure> {
    let failed = |db: Db, rc: i32| CopyFailure::Failed(db.error(rc));
    let (Ok(d_name), Ok(s_name)) = (CString::new(dest_schema), CString::new(src_schema)) else {
        return Err(CopyFailure::Failed(Error::new(ffi::SQLITE_ERROR, "schema name contains a NUL byte")));
    };
    // SAFETY: both handles are open for the whole copy; the backup object
    // is finished before returning.
    unsafe {
        let backup = ffi::sqlite3_backup_init(dest.raw(), d_name.as_ptr(), src.raw(), s_name.as_ptr());
        if backup.is_null() {
            return Err(failed(dest, ffi::SQLITE_ERROR));
        }
        let mut retries = 0;
        let rc = loop {
            match ffi::sqlite3_backup_step(backup, 100) {
                ffi::SQLITE_OK => {}
                ffi::SQLITE_BUSY if retries < busy_retries => {
                    retries += 1;
                    ffi::sqlite3_sleep(100);
                }
                rc => break rc,
            }
        };
        ffi::sqlite3_backup_finish(backup);
        match rc {
            ffi::SQLITE_DONE => Ok(()),
            ffi::SQLITE_BUSY | ffi::SQLITE_LOCKED if busy_retries > 0 => Err(CopyFailure::Busy),
            rc => Err(failed(dest, rc)),
        }
    }
}

impl Db {
    /// Copies the attached database `schema` into the database file at
    /// `path`, replacing its content (`.backup ?DB? FILE`). `no_sync` turns
    /// off the journal and fsync of the copy (`--async`).
    pub fn backup_to(self, schema: &str, path: &str, no_sync: bool) -> Result<(), CopyFailure> {
        let dest = Other::open(path)?;
        if no_sync {
            // As sqlite3: a failure here only makes the copy slower.
            let _ = dest.db().execute_batch("PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF;");
        }
        copy(dest.db(), "main", self, schema, 0)
    }

    /// Replaces the content of the attached database `schema` with the
    /// database file at `path` (`.restore ?DB? FILE`); a missing file is
    /// created empty, so the database ends up empty, as with sqlite3.
    pub fn restore_from(self, schema: &str, path: &str) -> Result<(), CopyFailure> {
        let src = Other::open(path)?;
        copy(self, schema, src.db(), "main", 3)
    }
}

#[cfg(test)]
mod tests {
    use super::CopyFailure;
    use crate::{Connection, ValueRef};
    use std::path::Path;

    #[test]
    fn backs_up_and_restores() {
        let dir = std::env::temp_dir().join(format!("sqlink-sqlite-backup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("copy.db").display().to_string();
        let _ = std::fs::remove_file(&file);
        let conn = Connection::open(Path::new(":memory:")).unwrap();
        let db = conn.db();
        db.execute_batch("create table t(a); insert into t values (42);").unwrap();
        db.backup_to("main", &file, false).unwrap();
        db.execute_batch("delete from t;").unwrap();
        db.restore_from("main", &file).unwrap();
        let (stmt, _) = db.prepare("select a from t").unwrap();
        let mut stmt = stmt.unwrap();
        assert!(stmt.step().unwrap());
        assert_eq!(stmt.column(0), ValueRef::Integer(42));
        drop(stmt);
        match db.backup_to("nosuch", &file, false) {
            Err(CopyFailure::Failed(e)) => assert_eq!(e.message, "unknown database nosuch"),
            other => panic!("{other:?}"),
        }
        assert_eq!(db.backup_to("main", "/nonexistent-dir/x.db", false), Err(CopyFailure::Open));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
