//! Incremental I/O on one value of a table (`sqlite3_blob_*`), as the
//! contract's `blob` interface offers it: each call opens the value, reads
//! or writes, and closes it, so no handle outlives the call.
//!
//! Shared by the hosts that run SQLite directly: the native host, and
//! `sqlite-core` serving the wasm engine's extensions. Whether the call may
//! happen at all (the grant) is for the caller to decide.

use crate::{Db, Error, ffi};
use std::ffi::CString;
use std::ptr;

/// Where a value is: database, table, column and rowid.
#[derive(Debug, Clone, Copy)]
pub struct Location<'a> {
    pub database: &'a str,
    pub table: &'a str,
    pub column: &'a str,
    pub rowid: i64,
}

/// An open blob handle, closed when dropped.
struct Handle(*mut ffi::sqlite3_blob);

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: a handle sqlite3_blob_open gave, closed once.
        unsafe { ffi::sqlite3_blob_close(self.0) };
    }
}

fn c_string(s: &str) -> Result<CString, Error> {
    CString::new(s).map_err(|_| Error::new(ffi::SQLITE_ERROR, format!("a name may not contain a NUL byte: {s:?}")))
}

/// Opens the value at `at`, as `sqlite3_blob_open` does.
fn open(db: Db, at: &Location<'_>, writable: bool) -> Result<Handle, Error> {
    let (database, table, column) = (c_string(at.database)?, c_string(at.table)?, c_string(at.column)?);
    let mut blob = ptr::null_mut();
    // SAFETY: valid handle; the names outlive the call.
    let rc = unsafe {
        ffi::sqlite3_blob_open(db.raw(), database.as_ptr(), table.as_ptr(), column.as_ptr(), at.rowid, i32::from(writable), &mut blob)
    };
    if rc != ffi::SQLITE_OK {
        // SQLite may hand back a handle even on failure; it must be closed.
        drop(Handle(blob));
        return Err(db.error(rc));
    }
    Ok(Handle(blob))
}

/// Checks that `length` bytes from `offset` lie within a value of `size`.
fn within(size: u32, offset: u32, length: usize) -> Result<(), Error> {
    if offset as u64 + length as u64 > size as u64 {
        return Err(Error::new(ffi::SQLITE_ERROR, format!("{length} bytes at offset {offset} lie past the end of a value of {size} bytes")));
    }
    Ok(())
}

fn size_of(h: &Handle) -> u32 {
    // SAFETY: an open handle.
    unsafe { ffi::sqlite3_blob_bytes(h.0) as u32 }
}

/// The size in bytes of the text or blob at `at`.
pub fn size(db: Db, at: &Location<'_>) -> Result<u32, Error> {
    Ok(size_of(&open(db, at, false)?))
}

/// `length` bytes of the value at `at`, from `offset`.
pub fn read(db: Db, at: &Location<'_>, offset: u32, length: u32) -> Result<Vec<u8>, Error> {
    let reader = Reader::open(db, at, offset, length)?;
    let mut out = vec![0; length as usize];
    reader.read_into(&mut out)?;
    Ok(out)
}

/// A read checked and ready, done later straight into its destination: the
/// native host reads into the extension's memory, saving a copy of every
/// byte. The value stays open until the reader is dropped.
pub struct Reader {
    db: Db,
    handle: Handle,
    offset: u32,
    length: u32,
}

impl Reader {
    /// Opens the value at `at` and checks that `length` bytes from `offset`
    /// lie within it.
    pub fn open(db: Db, at: &Location<'_>, offset: u32, length: u32) -> Result<Reader, Error> {
        let handle = open(db, at, false)?;
        within(size_of(&handle), offset, length as usize)?;
        Ok(Reader { db, handle, offset, length })
    }

    /// How many bytes the read gives.
    pub fn len(&self) -> usize {
        self.length as usize
    }

    /// Whether it reads nothing.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Reads the bytes into `dst`, which must be [`Reader::len`] long.
    pub fn read_into(&self, dst: &mut [u8]) -> Result<(), Error> {
        assert_eq!(dst.len(), self.len(), "a destination of the read's length");
        // SAFETY: an open handle; `dst` has room for `length` bytes, which
        // lie within the value (checked when opened).
        let rc = unsafe { ffi::sqlite3_blob_read(self.handle.0, dst.as_mut_ptr().cast(), self.length as i32, self.offset as i32) };
        if rc != ffi::SQLITE_OK {
            return Err(self.db.error(rc));
        }
        Ok(())
    }
}

/// Overwrites bytes of the value at `at` with `data`, from `offset`.
pub fn write(db: Db, at: &Location<'_>, offset: u32, data: &[u8]) -> Result<(), Error> {
    let h = open(db, at, true)?;
    within(size_of(&h), offset, data.len())?;
    // SAFETY: an open handle; `data` is within the value (checked above)
    // and outlives the call.
    let rc = unsafe { ffi::sqlite3_blob_write(h.0, data.as_ptr().cast(), data.len() as i32, offset as i32) };
    if rc != ffi::SQLITE_OK {
        return Err(db.error(rc));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Connection;

    fn at(rowid: i64) -> Location<'static> {
        Location { database: "main", table: "t", column: "b", rowid }
    }

    #[test]
    fn reads_and_writes_part_of_a_value_in_place() {
        let conn = Connection::open(std::path::Path::new(":memory:")).unwrap();
        let db = conn.db();
        db.execute_batch("create table t(b); insert into t values (x'00010203040506070809'), ('text'), (null)").unwrap();
        assert_eq!(size(db, &at(1)).unwrap(), 10);
        assert_eq!(read(db, &at(1), 2, 3).unwrap(), vec![2, 3, 4]);
        write(db, &at(1), 8, &[0xaa, 0xbb]).unwrap();
        assert_eq!(read(db, &at(1), 6, 4).unwrap(), vec![6, 7, 0xaa, 0xbb]);
        assert_eq!(size(db, &at(2)).unwrap(), 4);
        assert_eq!(read(db, &at(2), 0, 4).unwrap(), b"text".to_vec());
    }

    #[test]
    fn fails_as_sqlite_does() {
        let conn = Connection::open(std::path::Path::new(":memory:")).unwrap();
        let db = conn.db();
        db.execute_batch("create table t(b, i integer unique); insert into t values (x'0102', 1), (null, 2)").unwrap();
        assert_eq!(size(db, &at(9)).unwrap_err().message, "no such rowid: 9");
        assert_eq!(size(db, &at(2)).unwrap_err().message, "cannot open value of type null");
        let missing = Location { table: "nope", ..at(1) };
        assert_eq!(size(db, &missing).unwrap_err().message, "no such table: main.nope");
        let past = read(db, &at(1), 1, 2).unwrap_err();
        assert_eq!(past.message, "2 bytes at offset 1 lie past the end of a value of 2 bytes");
        assert!(write(db, &at(1), 2, &[1]).is_err());
        let indexed = Location { column: "i", ..at(1) };
        assert_eq!(write(db, &indexed, 0, &[1]).unwrap_err().message, "cannot open indexed column for writing");
        assert_eq!(read(db, &at(1), 0, 2).unwrap(), vec![1, 2], "a refused write changes nothing");
    }
}
