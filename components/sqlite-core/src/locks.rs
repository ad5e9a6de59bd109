//! SQLite's locks on database files, taken through the `file-locks` import
//! (wit/engine/locks.wit) instead of SQLite's WASI default, lock
//! directories, which a killed process leaves behind for good.
//!
//! The VFS ([`crate::vfs`]) opens a [`FileLock`] for every main database
//! file and sends it SQLite's `xLock`, `xUnlock` and `xCheckReservedLock`.
//! What hosts sqlite-core decides what a lock is: `sqlink --engine wasm`
//! takes native SQLite's POSIX locks, which end with the process; a plain
//! WASI runtime gets `components/dotlock` through the composition. A busy
//! or failed lock may come with words (who holds it, what to do), which
//! [`explain`] appends to SQLite's error.

pub(crate) use crate::bindings::sqlink::engine::file_locks::FileLock;
use crate::bindings::sqlink::engine::file_locks::{Level, LockError};
use sqlink_sqlite::{Error, ffi};
use std::cell::RefCell;
use std::ffi::{CStr, c_char, c_int};

thread_local! {
    /// What the provider said about the last lock that failed, until an
    /// error takes it or a lock succeeds.
    static SAID: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The lock of the database file SQLite opened as `name`, or SQLite's
/// code for why it cannot be had.
///
/// # Safety
/// `name` must be NULL or a NUL-terminated string.
pub(crate) unsafe fn open(name: *const c_char) -> Result<FileLock, c_int> {
    if name.is_null() {
        return Err(ffi::SQLITE_CANTOPEN);
    }
    // SAFETY: per the function contract.
    let path = unsafe { CStr::from_ptr(name) }.to_string_lossy().into_owned();
    FileLock::open(&path).map_err(|message| {
        SAID.with(|s| *s.borrow_mut() = Some(message));
        ffi::SQLITE_CANTOPEN
    })
}

/// SQLite's lock level as the interface's.
fn level(sqlite: c_int) -> Level {
    match sqlite {
        ffi::SQLITE_LOCK_NONE => Level::None,
        ffi::SQLITE_LOCK_SHARED => Level::Shared,
        ffi::SQLITE_LOCK_RESERVED => Level::Reserved,
        ffi::SQLITE_LOCK_PENDING => Level::Pending,
        _ => Level::Exclusive,
    }
}

/// SQLite's result code for `outcome`, and what the provider said.
fn code(outcome: Result<(), LockError>, failed: c_int) -> (c_int, Option<String>) {
    match outcome {
        Ok(()) => (ffi::SQLITE_OK, None),
        Err(LockError::Busy(said)) => (ffi::SQLITE_BUSY, said),
        Err(LockError::Failed(said)) => (failed, Some(said)),
    }
}

/// `xLock`. What the provider said about it replaces what it said before
/// (nothing, when it succeeds), so SQLite's error gets the words of the
/// lock that failed last, even after SQLite unlocked to give up.
pub(crate) fn lock(lock: &FileLock, to: c_int) -> c_int {
    let (rc, said) = code(lock.lock(level(to)), ffi::SQLITE_IOERR_LOCK);
    SAID.with(|s| *s.borrow_mut() = said);
    rc
}

/// Keeps what the provider said about a failure (see [`lock`]).
fn failure(rc: c_int, said: Option<String>) -> c_int {
    if rc != ffi::SQLITE_OK {
        SAID.with(|s| *s.borrow_mut() = said);
    }
    rc
}

/// `xUnlock`.
pub(crate) fn unlock(lock: &FileLock, to: c_int) -> c_int {
    let (rc, said) = code(lock.unlock(level(to)), ffi::SQLITE_IOERR_UNLOCK);
    failure(rc, said)
}

/// `xCheckReservedLock`.
pub(crate) fn check_reserved(lock: &FileLock, out: &mut c_int) -> c_int {
    match lock.reserved() {
        Ok(held) => {
            *out = held as c_int;
            ffi::SQLITE_OK
        }
        Err(e) => {
            *out = 0;
            let (rc, said) = code(Err(e), ffi::SQLITE_IOERR_CHECKRESERVEDLOCK);
            failure(rc, said)
        }
    }
}

/// Makes `db` wait for a busy lock as `sqlite3_busy_timeout(5000)` does
/// (the shell's default), except for a lock whose provider said why
/// (a lock directory: a session under a WASI runtime holds it for all its
/// life, or it is stale): waiting cannot help, and without this every
/// statement, and every name check while extensions register, would wait
/// 5 s before the error that says what to do.
pub(crate) fn wait_when_busy(db: sqlink_sqlite::Db) {
    // SAFETY: an open connection; the handler uses no user data.
    unsafe { ffi::sqlite3_busy_handler(db.raw(), Some(busy), std::ptr::null_mut()) };
}

/// The busy handler of [`wait_when_busy`]: SQLite's own delays, 5 s in all.
extern "C" fn busy(_: *mut std::ffi::c_void, count: c_int) -> c_int {
    const DELAYS_MS: [u64; 12] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];
    if SAID.with(|s| s.borrow().is_some()) {
        return 0;
    }
    let count = count.max(0) as usize;
    let waited: u64 = DELAYS_MS.iter().take(count).sum::<u64>() + 100 * count.saturating_sub(DELAYS_MS.len()) as u64;
    if waited >= 5000 {
        return 0;
    }
    std::thread::sleep(std::time::Duration::from_millis(DELAYS_MS.get(count).copied().unwrap_or(100)));
    1
}

/// Appends what the lock's provider said to a busy or lock error (`database
/// is locked` alone does not say that a killed session left a lock).
pub(crate) fn explain(mut e: Error) -> Error {
    let about_locks = e.code & 0xff == ffi::SQLITE_BUSY || e.code & 0xff == ffi::SQLITE_IOERR || e.code & 0xff == ffi::SQLITE_CANTOPEN;
    if about_locks && let Some(said) = SAID.with(|s| s.borrow_mut().take()) {
        e.message = format!("{}: {said}", e.message);
    }
    e
}
