//! Fewer, larger writes: a VFS over SQLite's own that coalesces writes
//! which continue one another.
//!
//! Under WASI every write SQLite makes is several host calls (a stream is
//! opened at the offset, written, flushed and dropped), and a host may run
//! each on another thread (`wasmtime run` does). SQLite writes a rollback
//! journal as three writes per page (page number, page, checksum) and the
//! database a page at a time, mostly in ascending order: runs of writes
//! that each start where the previous one ended.
//!
//! This VFS keeps such a run in one buffer and writes it with one call.
//! The files see the same bytes in the same order, in fewer writes:
//!
//! * the run is written out before any other operation on any file (a
//!   read, sync, truncation, size query, lock, file control, a write that
//!   does not continue it, opening, closing, deleting or probing a file),
//!   so no operation ever observes the files without it, and a crash leaves
//!   them as an earlier crash without this VFS would have;
//! * [`settle`] writes it out before control returns to the host (the
//!   engine calls it at the end of each call), so nothing is held while the
//!   host runs, and an error is reported by the call that wrote the run;
//! * a failed write is reported to SQLite by the operation that caused it,
//!   or, when [`settle`] met it, by SQLite's next operation on any file, so
//!   SQLite always learns that a write it believed done failed, and rolls
//!   back as for any I/O error; operations whose result SQLite may ignore
//!   (file controls such as the size hint it gives before writing pages,
//!   unlocking, closing, unmapping) write the run out but keep a failure
//!   for the next operation whose result it checks, so that no failure is
//!   lost on the way to a commit.
//!
//! The run is per thread: sqlite-core runs on one (WASI has no threads).
//!
//! Locks of main database files go to [`crate::locks`] (the `file-locks`
//! import) instead of the underlying VFS, whose WASI build locks with
//! directories that outlive a killed process.

use sqlink_sqlite::ffi;
use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_void};
use std::ptr;

/// The name the VFS registers under.
const NAME: &std::ffi::CStr = c"sqlink-coalescing";

/// A run is written out before it grows longer than this: SQLite's unix
/// VFS writes at most 128 KiB less one byte per call (and reports a longer
/// write as a full disk).
const MAX_RUN: usize = 0x1ffff;

/// The run of writes not yet made, and a failure not yet reported to SQLite.
struct Pending {
    /// The underlying file the run belongs to (null when there is none).
    file: *mut ffi::sqlite3_file,
    offset: i64,
    bytes: Vec<u8>,
    /// The result code of a failed write that [`settle`] met.
    failure: Option<c_int>,
    /// Writes SQLite asked for, and writes that reached the underlying
    /// files (for tests).
    requested: u64,
    writes: u64,
}

thread_local! {
    static PENDING: RefCell<Pending> =
        const { RefCell::new(Pending { file: ptr::null_mut(), offset: 0, bytes: Vec::new(), failure: None, requested: 0, writes: 0 }) };
}

/// Writes `bytes` at `offset` through the underlying file.
///
/// # Safety
/// `file` must be an open underlying file.
unsafe fn write_through(file: *mut ffi::sqlite3_file, bytes: &[u8], offset: i64) -> c_int {
    PENDING.with(|p| p.borrow_mut().writes += 1);
    // SAFETY: per the function contract; SQLite's files always have xWrite.
    unsafe { ((*(*file).pMethods).xWrite.expect("xWrite"))(file, bytes.as_ptr().cast(), bytes.len() as c_int, offset) }
}

/// Writes the run out; returns SQLite's result code. The run is gone
/// afterwards, written or not.
fn flush() -> c_int {
    let (file, offset, mut bytes) = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let file = std::mem::replace(&mut p.file, ptr::null_mut());
        (file, p.offset, std::mem::take(&mut p.bytes))
    });
    if file.is_null() {
        return ffi::SQLITE_OK;
    }
    // SAFETY: a file with a pending run is open (closing it writes the run
    // out first).
    let rc = unsafe { write_through(file, &bytes, offset) };
    // The buffer goes back, empty, for its allocation to serve the next run.
    bytes.clear();
    PENDING.with(|p| p.borrow_mut().bytes = bytes);
    rc
}

/// What every operation but a continuing write does first: writes the run
/// out, and reports a failure SQLite has not heard of yet.
fn before_operation() -> c_int {
    if let Some(rc) = PENDING.with(|p| p.borrow_mut().failure.take()) {
        return rc;
    }
    flush()
}

/// What an operation whose result SQLite may ignore does first: writes the
/// run out, and keeps a failure (the run's, or an earlier one not reported
/// yet) for the next operation whose result SQLite checks. Reported here,
/// it could be lost: SQLite ignores what `SQLITE_FCNTL_SIZE_HINT` returns
/// before it writes pages, and would then commit without them.
fn before_unchecked_operation() {
    let rc = flush();
    if rc != ffi::SQLITE_OK {
        PENDING.with(|p| {
            p.borrow_mut().failure.get_or_insert(rc);
        });
    }
}

/// Writes the run out before control returns to the host. A failure is
/// returned, and also reported to SQLite by its next file operation.
pub(crate) fn settle() -> Result<(), sqlink_sqlite::Error> {
    match flush() {
        ffi::SQLITE_OK => Ok(()),
        rc => {
            PENDING.with(|p| p.borrow_mut().failure = Some(rc));
            Err(sqlink_sqlite::Error::new(rc, "disk I/O error: a write to the database or its journal failed".to_string()))
        }
    }
}

/// Writes SQLite asked for and writes made, since the process started.
#[cfg(test)]
fn writes() -> (u64, u64) {
    PENDING.with(|p| (p.borrow().requested, p.borrow().writes))
}

/// An open file of this VFS: SQLite's file header, then the underlying
/// file in the rest of the space SQLite allocated (`szOsFile`).
#[repr(C)]
struct File {
    base: ffi::sqlite3_file,
    inner: *mut ffi::sqlite3_file,
    /// The lock of a main database file, from the `file-locks` import
    /// (none natively, where this crate runs only its unit tests and the
    /// underlying VFS locks).
    lock: Option<crate::locks::FileLock>,
}

/// Where the underlying file starts within ours.
const INNER_OFFSET: usize = std::mem::size_of::<File>().next_multiple_of(8);

/// The underlying file of `file`.
///
/// # Safety
/// `file` must be a file this VFS opened.
unsafe fn inner(file: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
    // SAFETY: per the function contract, `file` is a `File`.
    unsafe { (*file.cast::<File>()).inner }
}

/// The underlying file's methods.
///
/// # Safety
/// `file` must be a file this VFS opened.
unsafe fn methods(file: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    // SAFETY: per the function contract; SQLite's method tables are static.
    unsafe { &*(*inner(file)).pMethods }
}

/// Defines a method that writes the run out, then forwards to the
/// underlying file.
macro_rules! forward {
    ($name:ident, $field:ident, ($($arg:ident: $ty:ty),*)) => {
        unsafe extern "C" fn $name(file: *mut ffi::sqlite3_file $(, $arg: $ty)*) -> c_int {
            match before_operation() {
                // SAFETY: SQLite calls these with a file this VFS opened,
                // whose underlying file has the method (see `methods_for`).
                ffi::SQLITE_OK => unsafe { (methods(file).$field.expect(stringify!($field)))(inner(file) $(, $arg)*) },
                rc => rc,
            }
        }
    };
}

/// Defines a method whose result SQLite may ignore: it writes the run out
/// (keeping a failure for later, see [`before_unchecked_operation`]), then
/// forwards to the underlying file.
macro_rules! forward_unchecked {
    ($name:ident, $field:ident, ($($arg:ident: $ty:ty),*) $(-> $ret:ty)?) => {
        unsafe extern "C" fn $name(file: *mut ffi::sqlite3_file $(, $arg: $ty)*) $(-> $ret)? {
            before_unchecked_operation();
            // SAFETY: SQLite calls these with a file this VFS opened, whose
            // underlying file has the method (see `methods_for`).
            unsafe { (methods(file).$field.expect(stringify!($field)))(inner(file) $(, $arg)*) }
        }
    };
}

forward!(read, xRead, (buf: *mut c_void, amount: c_int, offset: i64));
forward!(truncate, xTruncate, (size: i64));
forward!(sync, xSync, (flags: c_int));
forward!(file_size, xFileSize, (size: *mut i64));
forward!(inner_lock, xLock, (level: c_int));
forward_unchecked!(inner_unlock, xUnlock, (level: c_int) -> c_int);
forward!(inner_check_reserved_lock, xCheckReservedLock, (out: *mut c_int));

/// The `file-locks` lock of `file`, if it has one.
///
/// # Safety
/// `file` must be a file this VFS opened.
unsafe fn file_lock<'a>(file: *mut ffi::sqlite3_file) -> Option<&'a crate::locks::FileLock> {
    // SAFETY: per the function contract, `file` is a `File`.
    unsafe { (*file.cast::<File>()).lock.as_ref() }
}

unsafe extern "C" fn lock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    // SAFETY: SQLite calls this with a file this VFS opened.
    match unsafe { file_lock(file) } {
        Some(held) => match before_operation() {
            ffi::SQLITE_OK => crate::locks::lock(held, level),
            rc => rc,
        },
        // SAFETY: as above.
        None => unsafe { inner_lock(file, level) },
    }
}

unsafe extern "C" fn unlock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    // SAFETY: SQLite calls this with a file this VFS opened.
    match unsafe { file_lock(file) } {
        Some(held) => {
            before_unchecked_operation();
            crate::locks::unlock(held, level)
        }
        // SAFETY: as above.
        None => unsafe { inner_unlock(file, level) },
    }
}

unsafe extern "C" fn check_reserved_lock(file: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    // SAFETY: SQLite calls this with a file this VFS opened.
    match unsafe { file_lock(file) } {
        Some(held) => match before_operation() {
            // SAFETY: SQLite passes a writable int.
            ffi::SQLITE_OK => crate::locks::check_reserved(held, unsafe { &mut *out }),
            rc => rc,
        },
        // SAFETY: as above.
        None => unsafe { inner_check_reserved_lock(file, out) },
    }
}
forward_unchecked!(file_control, xFileControl, (op: c_int, arg: *mut c_void) -> c_int);
forward!(shm_map, xShmMap, (region: c_int, size: c_int, extend: c_int, out: *mut *mut c_void));
forward!(shm_lock, xShmLock, (offset: c_int, n: c_int, flags: c_int));
forward_unchecked!(shm_unmap, xShmUnmap, (delete: c_int) -> c_int);
forward!(fetch, xFetch, (offset: i64, amount: c_int, out: *mut *mut c_void));
forward_unchecked!(unfetch, xUnfetch, (offset: i64, p: *mut c_void) -> c_int);

unsafe extern "C" fn write(file: *mut ffi::sqlite3_file, buf: *const c_void, amount: c_int, offset: i64) -> c_int {
    // SAFETY: SQLite calls this with a file this VFS opened.
    let target = unsafe { inner(file) };
    // SAFETY: SQLite passes `amount` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(buf.cast::<u8>(), amount.max(0) as usize) };
    let continues = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.requested += 1;
        let continues = p.failure.is_none()
            && p.file == target
            && p.offset + p.bytes.len() as i64 == offset
            && p.bytes.len() + bytes.len() <= MAX_RUN;
        if continues {
            p.bytes.extend_from_slice(bytes);
        }
        continues
    });
    if continues {
        return ffi::SQLITE_OK;
    }
    let rc = before_operation();
    if rc != ffi::SQLITE_OK {
        return rc;
    }
    if bytes.len() >= MAX_RUN {
        // SAFETY: an open underlying file.
        return unsafe { write_through(target, bytes, offset) };
    }
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.file = target;
        p.offset = offset;
        p.bytes.extend_from_slice(bytes);
    });
    ffi::SQLITE_OK
}

unsafe extern "C" fn close(file: *mut ffi::sqlite3_file) -> c_int {
    before_unchecked_operation();
    // SAFETY: SQLite calls this with a file this VFS opened; it is closed,
    // then its lock is released (SQLite unlocks before closing: this is for
    // a file closed while locked).
    unsafe {
        let closed = (methods(file).xClose.expect("xClose"))(inner(file));
        drop((*file.cast::<File>()).lock.take());
        closed
    }
}

unsafe extern "C" fn sector_size(file: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: SQLite calls this with a file this VFS opened.
    unsafe { (methods(file).xSectorSize.expect("xSectorSize"))(inner(file)) }
}

unsafe extern "C" fn device_characteristics(file: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: SQLite calls this with a file this VFS opened.
    unsafe { (methods(file).xDeviceCharacteristics.expect("xDeviceCharacteristics"))(inner(file)) }
}

unsafe extern "C" fn shm_barrier(file: *mut ffi::sqlite3_file) {
    // It cannot return an error: a failed write waits for SQLite's next
    // operation, as after `settle`.
    let _ = settle();
    // SAFETY: SQLite calls this with a file this VFS opened, whose
    // underlying file has the method (see `methods_for`).
    unsafe { (methods(file).xShmBarrier.expect("xShmBarrier"))(inner(file)) }
}

/// The method tables, one per version of the underlying file's (SQLite
/// calls the version 2 and 3 methods only when the version says so).
static METHODS: [ffi::sqlite3_io_methods; 3] = [methods_for(1), methods_for(2), methods_for(3)];

const fn methods_for(version: c_int) -> ffi::sqlite3_io_methods {
    ffi::sqlite3_io_methods {
        iVersion: version,
        xClose: Some(close),
        xRead: Some(read),
        xWrite: Some(write),
        xTruncate: Some(truncate),
        xSync: Some(sync),
        xFileSize: Some(file_size),
        xLock: Some(lock),
        xUnlock: Some(unlock),
        xCheckReservedLock: Some(check_reserved_lock),
        xFileControl: Some(file_control),
        xSectorSize: Some(sector_size),
        xDeviceCharacteristics: Some(device_characteristics),
        xShmMap: if version >= 2 { Some(shm_map) } else { None },
        xShmLock: if version >= 2 { Some(shm_lock) } else { None },
        xShmBarrier: if version >= 2 { Some(shm_barrier) } else { None },
        xShmUnmap: if version >= 2 { Some(shm_unmap) } else { None },
        xFetch: if version >= 3 { Some(fetch) } else { None },
        xUnfetch: if version >= 3 { Some(unfetch) } else { None },
    }
}

/// The VFS this one wraps (SQLite's default when [`install`] ran).
fn underlying(vfs: *mut ffi::sqlite3_vfs) -> *mut ffi::sqlite3_vfs {
    // SAFETY: `pAppData` of this VFS is the underlying VFS (see `install`).
    unsafe { (*vfs).pAppData.cast() }
}

unsafe extern "C" fn open(vfs: *mut ffi::sqlite3_vfs, name: *const c_char, file: *mut ffi::sqlite3_file, flags: c_int, out_flags: *mut c_int) -> c_int {
    let rc = before_operation();
    if rc != ffi::SQLITE_OK {
        return rc;
    }
    let under = underlying(vfs);
    // SAFETY: SQLite allocated `szOsFile` bytes for `file`: ours, then the
    // underlying file's at `INNER_OFFSET`.
    unsafe {
        let inner_file = file.cast::<u8>().add(INNER_OFFSET).cast::<ffi::sqlite3_file>();
        (*inner_file).pMethods = ptr::null();
        let rc = ((*under).xOpen.expect("xOpen"))(under, name, inner_file, flags, out_flags);
        let file = file.cast::<File>();
        ptr::addr_of_mut!((*file).inner).write(inner_file);
        ptr::addr_of_mut!((*file).lock).write(None);
        // SQLite closes a file whose methods are set even when opening it
        // failed, and the underlying file may need that too.
        (*file).base.pMethods = match (*inner_file).pMethods {
            m if m.is_null() => ptr::null(),
            m => &METHODS[((*m).iVersion.clamp(1, 3) - 1) as usize],
        };
        // A main database file is locked through `file-locks` (see `File`).
        if rc == ffi::SQLITE_OK && flags & ffi::SQLITE_OPEN_MAIN_DB != 0 && cfg!(target_family = "wasm") {
            match crate::locks::open(name) {
                Ok(held) => (*file).lock = Some(held),
                Err(rc) => return rc,
            }
        }
        rc
    }
}

unsafe extern "C" fn delete(vfs: *mut ffi::sqlite3_vfs, name: *const c_char, sync_dir: c_int) -> c_int {
    match before_operation() {
        // SAFETY: forwarding SQLite's call to the underlying VFS.
        ffi::SQLITE_OK => unsafe { ((*underlying(vfs)).xDelete.expect("xDelete"))(underlying(vfs), name, sync_dir) },
        rc => rc,
    }
}

unsafe extern "C" fn access(vfs: *mut ffi::sqlite3_vfs, name: *const c_char, flags: c_int, out: *mut c_int) -> c_int {
    match before_operation() {
        // SAFETY: forwarding SQLite's call to the underlying VFS.
        ffi::SQLITE_OK => unsafe { ((*underlying(vfs)).xAccess.expect("xAccess"))(underlying(vfs), name, flags, out) },
        rc => rc,
    }
}

unsafe extern "C" fn full_pathname(vfs: *mut ffi::sqlite3_vfs, name: *const c_char, size: c_int, out: *mut c_char) -> c_int {
    // SAFETY: forwarding SQLite's call to the underlying VFS.
    unsafe { ((*underlying(vfs)).xFullPathname.expect("xFullPathname"))(underlying(vfs), name, size, out) }
}

unsafe extern "C" fn randomness(vfs: *mut ffi::sqlite3_vfs, size: c_int, out: *mut c_char) -> c_int {
    // SAFETY: forwarding SQLite's call to the underlying VFS.
    unsafe { ((*underlying(vfs)).xRandomness.expect("xRandomness"))(underlying(vfs), size, out) }
}

unsafe extern "C" fn sleep(vfs: *mut ffi::sqlite3_vfs, micros: c_int) -> c_int {
    // SAFETY: forwarding SQLite's call to the underlying VFS.
    unsafe { ((*underlying(vfs)).xSleep.expect("xSleep"))(underlying(vfs), micros) }
}

unsafe extern "C" fn current_time(vfs: *mut ffi::sqlite3_vfs, out: *mut f64) -> c_int {
    // SAFETY: forwarding SQLite's call to the underlying VFS.
    unsafe { ((*underlying(vfs)).xCurrentTime.expect("xCurrentTime"))(underlying(vfs), out) }
}

unsafe extern "C" fn current_time_int64(vfs: *mut ffi::sqlite3_vfs, out: *mut i64) -> c_int {
    // SAFETY: forwarding SQLite's call to the underlying VFS, which has
    // the method (see `install`).
    unsafe { ((*underlying(vfs)).xCurrentTimeInt64.expect("xCurrentTimeInt64"))(underlying(vfs), out) }
}

unsafe extern "C" fn get_last_error(vfs: *mut ffi::sqlite3_vfs, size: c_int, out: *mut c_char) -> c_int {
    // SAFETY: forwarding SQLite's call to the underlying VFS.
    unsafe { ((*underlying(vfs)).xGetLastError.expect("xGetLastError"))(underlying(vfs), size, out) }
}

/// Makes this VFS SQLite's default, over the default it had; once. Returns
/// SQLite's result code.
pub(crate) fn install() -> c_int {
    static INSTALLED: std::sync::OnceLock<c_int> = std::sync::OnceLock::new();
    *INSTALLED.get_or_init(|| {
        // SAFETY: SQLite's VFS registry; the VFS made here lives for the
        // rest of the process, as registered VFSes must.
        unsafe {
            let rc = ffi::sqlite3_initialize();
            if rc != ffi::SQLITE_OK {
                return rc;
            }
            let under = ffi::sqlite3_vfs_find(ptr::null());
            if under.is_null() {
                return ffi::SQLITE_ERROR;
            }
            let u = &*under;
            let vfs = Box::leak(Box::new(ffi::sqlite3_vfs {
                iVersion: u.iVersion.min(2),
                szOsFile: INNER_OFFSET as c_int + u.szOsFile,
                mxPathname: u.mxPathname,
                pNext: ptr::null_mut(),
                zName: NAME.as_ptr(),
                pAppData: under.cast(),
                xOpen: Some(open),
                xDelete: Some(delete),
                xAccess: Some(access),
                xFullPathname: Some(full_pathname),
                // Loading native code ignores the VFS it is called with
                // (and SQLite in wasm has none to load).
                xDlOpen: u.xDlOpen,
                xDlError: u.xDlError,
                xDlSym: u.xDlSym,
                xDlClose: u.xDlClose,
                xRandomness: Some(randomness),
                xSleep: Some(sleep),
                xCurrentTime: Some(current_time),
                xGetLastError: Some(get_last_error),
                xCurrentTimeInt64: if u.iVersion >= 2 && u.xCurrentTimeInt64.is_some() { Some(current_time_int64) } else { None },
                xSetSystemCall: None,
                xGetSystemCall: None,
                xNextSystemCall: None,
            }));
            ffi::sqlite3_vfs_register(vfs, 1)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;
    use std::path::{Path, PathBuf};

    /// A fresh directory for one test's files.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sqlink-vfs-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Opens `path` through the VFS named `vfs`.
    fn open(path: &Path, vfs: &std::ffi::CStr) -> *mut ffi::sqlite3 {
        let name = CString::new(path.to_str().unwrap()).unwrap();
        let mut db = ptr::null_mut();
        let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE;
        // SAFETY: valid arguments; the handle is closed by `run`.
        assert_eq!(unsafe { ffi::sqlite3_open_v2(name.as_ptr(), &mut db, flags, vfs.as_ptr()) }, ffi::SQLITE_OK);
        db
    }

    /// Runs `sql` on a new database at `path` through `vfs`, settling at
    /// the end of each statement as the engine does; returns the file.
    fn run(path: &Path, vfs: &std::ffi::CStr, sql: &str) -> Vec<u8> {
        let db = open(path, vfs);
        for statement in sql.split_inclusive(";\n") {
            let text = CString::new(statement).unwrap();
            let mut error = ptr::null_mut();
            // SAFETY: an open connection and a NUL-terminated statement.
            let rc = unsafe { ffi::sqlite3_exec(db, text.as_ptr(), None, ptr::null_mut(), &mut error) };
            assert_eq!(rc, ffi::SQLITE_OK, "{statement}");
            settle().unwrap();
        }
        // SAFETY: the connection opened above, with no statements left.
        assert_eq!(unsafe { ffi::sqlite3_close(db) }, ffi::SQLITE_OK);
        std::fs::read(path).unwrap()
    }

    /// A workload with a bulk insert, index builds, updates in a
    /// transaction and autocommit deletes: journals, page writes in order
    /// and out of it, and syncs.
    fn workload() -> String {
        let mut sql = String::from("create table t(a integer primary key, b, c);\nbegin;\n");
        for i in 0..20_000 {
            sql.push_str(&format!("insert into t values({i}, {}, 'row {i} of the test');\n", (i * 7919) % 10_007));
        }
        sql.push_str("commit;\ncreate index tb on t(b);\ncreate index tc on t(c);\nbegin;\n");
        for i in 0..200 {
            sql.push_str(&format!("update t set b = b + 1 where a between {} and {};\n", i * 97, i * 97 + 40));
        }
        sql.push_str("commit;\ndelete from t where a % 7 = 0;\nupdate t set c = upper(c) where a % 3 = 0;\n");
        sql
    }

    /// A file that records the writes it gets and fails them on demand.
    #[repr(C)]
    struct FakeFile {
        base: ffi::sqlite3_file,
        writes: Vec<(i64, Vec<u8>)>,
        reads: usize,
        fail_writes: bool,
    }

    unsafe extern "C" fn fake_write(file: *mut ffi::sqlite3_file, buf: *const c_void, amount: c_int, offset: i64) -> c_int {
        // SAFETY: only `FakeFile`s have these methods; SQLite's contract for `buf`.
        let (file, bytes) = unsafe { (&mut *file.cast::<FakeFile>(), std::slice::from_raw_parts(buf.cast::<u8>(), amount as usize)) };
        if file.fail_writes {
            return ffi::SQLITE_FULL;
        }
        file.writes.push((offset, bytes.to_vec()));
        ffi::SQLITE_OK
    }

    unsafe extern "C" fn fake_read(file: *mut ffi::sqlite3_file, _: *mut c_void, _: c_int, _: i64) -> c_int {
        // SAFETY: only `FakeFile`s have these methods.
        unsafe { (*file.cast::<FakeFile>()).reads += 1 };
        ffi::SQLITE_OK
    }

    unsafe extern "C" fn fake_file_control(_: *mut ffi::sqlite3_file, _: c_int, _: *mut c_void) -> c_int {
        ffi::SQLITE_NOTFOUND
    }

    static FAKE_METHODS: ffi::sqlite3_io_methods = {
        let mut m = methods_for(1);
        m.xWrite = Some(fake_write);
        m.xRead = Some(fake_read);
        m.xFileControl = Some(fake_file_control);
        m
    };

    /// A file of this VFS over a fake one.
    fn fake() -> (Box<File>, Box<FakeFile>) {
        let mut under = Box::new(FakeFile { base: ffi::sqlite3_file { pMethods: &FAKE_METHODS }, writes: Vec::new(), reads: 0, fail_writes: false });
        let ours = Box::new(File { base: ffi::sqlite3_file { pMethods: &METHODS[0] }, inner: (&mut *under as *mut FakeFile).cast(), lock: None });
        (ours, under)
    }

    fn put(file: &mut File, offset: i64, bytes: &[u8]) -> c_int {
        // SAFETY: a file of this VFS and a readable buffer.
        unsafe { write(&mut file.base, bytes.as_ptr().cast(), bytes.len() as c_int, offset) }
    }

    fn get(file: &mut File) -> c_int {
        let mut buf = [0u8; 4];
        // SAFETY: a file of this VFS and a writable buffer.
        unsafe { read(&mut file.base, buf.as_mut_ptr().cast(), 4, 0) }
    }

    #[test]
    fn runs_are_written_whole_before_anything_else() {
        let (mut file, under) = fake();
        assert_eq!(put(&mut file, 100, b"abc"), ffi::SQLITE_OK);
        assert_eq!(put(&mut file, 103, b"de"), ffi::SQLITE_OK);
        assert!(under.writes.is_empty(), "a run waits for what follows");
        // A write elsewhere writes the run out first, and starts its own.
        assert_eq!(put(&mut file, 0, b"x"), ffi::SQLITE_OK);
        assert_eq!(under.writes, vec![(100, b"abcde".to_vec())]);
        // A read sees everything written before it.
        assert_eq!(get(&mut file), ffi::SQLITE_OK);
        assert_eq!(under.writes, vec![(100, b"abcde".to_vec()), (0, b"x".to_vec())]);
        assert_eq!(under.reads, 1);
        // The end of an engine call leaves nothing behind.
        assert_eq!(put(&mut file, 5, b"yz"), ffi::SQLITE_OK);
        settle().unwrap();
        assert_eq!(under.writes.last(), Some(&(5, b"yz".to_vec())));
    }

    #[test]
    fn a_failed_write_is_reported_to_sqlite() {
        let (mut file, mut under) = fake();
        // Failing while another operation writes the run out: that
        // operation fails with the write's code, and does not happen.
        assert_eq!(put(&mut file, 0, b"page"), ffi::SQLITE_OK);
        under.fail_writes = true;
        assert_eq!(get(&mut file), ffi::SQLITE_FULL);
        assert_eq!(under.reads, 0);
        assert_eq!(get(&mut file), ffi::SQLITE_OK, "reported once");
        // Failing at the end of an engine call: the call fails, and
        // SQLite's next operation too, so SQLite learns of it.
        assert_eq!(put(&mut file, 0, b"page"), ffi::SQLITE_OK);
        let e = settle().unwrap_err();
        assert_eq!(e.code, ffi::SQLITE_FULL);
        assert!(e.message.contains("disk I/O error"), "{}", e.message);
        assert_eq!(put(&mut file, 4096, b"next"), ffi::SQLITE_FULL);
        under.fail_writes = false;
        assert_eq!(put(&mut file, 4096, b"next"), ffi::SQLITE_OK);
        settle().unwrap();
        assert_eq!(under.writes, vec![(4096, b"next".to_vec())]);
    }

    #[test]
    fn a_failure_is_kept_for_an_operation_whose_result_sqlite_checks() {
        let (mut file, mut under) = fake();
        assert_eq!(put(&mut file, 0, b"page"), ffi::SQLITE_OK);
        under.fail_writes = true;
        // SQLite ignores what the size hint it gives before writing pages
        // returns: the failure must wait for the next checked operation.
        let mut size: i64 = 8192;
        // SAFETY: a file of this VFS; the size hint takes an i64.
        let rc = unsafe { file_control(&mut file.base, ffi::SQLITE_FCNTL_SIZE_HINT, (&mut size as *mut i64).cast()) };
        assert_eq!(rc, ffi::SQLITE_NOTFOUND, "not reported where SQLite may ignore it");
        under.fail_writes = false;
        assert_eq!(get(&mut file), ffi::SQLITE_FULL, "reported by the next checked operation");
        assert_eq!(under.reads, 0);
        assert_eq!(get(&mut file), ffi::SQLITE_OK, "once");
        assert!(under.writes.is_empty(), "the failed run is not written later");
    }

    #[test]
    fn coalesced_writes_give_the_same_file_in_fewer_writes() {
        assert_eq!(install(), ffi::SQLITE_OK);
        let dir = scratch("same-file");
        let sql = workload();
        let plain = run(&dir.join("plain.db"), c"unix", &sql);
        let before = writes();
        let coalesced = run(&dir.join("coalesced.db"), NAME, &sql);
        let (requested, made) = (writes().0 - before.0, writes().1 - before.1);
        assert!(plain.len() > 1 << 20, "the workload writes a database of some size");
        assert!(plain == coalesced, "the files differ");
        assert!(made * 5 < requested, "{made} writes made for {requested} asked for");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
