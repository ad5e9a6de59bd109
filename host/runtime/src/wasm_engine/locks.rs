//! The `file-locks` import of `sqlite-core`: SQLite's locks on database
//! files, taken by the host as native SQLite's unix VFS takes them.
//!
//! WASI has no file locks, and SQLite's WASI build falls back to lock
//! directories, which a killed process leaves behind: every later wasm
//! session then finds the database locked. Here the host takes real POSIX
//! byte-range locks on the same bytes native SQLite uses (the PENDING and
//! RESERVED bytes at 0x40000000 and the SHARED range after them), so
//! `sqlink --engine wasm` and native SQLite exclude each other correctly,
//! and the kernel releases the locks when the process ends, however it
//! ends.
//!
//! On Linux the locks are open-file-description locks (`F_OFD_SETLK`):
//! they conflict with native SQLite's classic POSIX locks, but belong to
//! the one descriptor each [`HostLock`] keeps for its file's life, so
//! closing another descriptor of the file in this process (sqlite-core's
//! own, through WASI) cannot drop them, and two connections of this
//! process exclude each other as two processes do. Elsewhere they are
//! classic POSIX locks on that descriptor.
//!
//! A lock directory (`FILE.lock`) left by a session under a plain WASI
//! runtime (see `components/dotlock`) is honoured: taking a shared lock
//! while it exists is busy, with the words to remove a stale one.

use super::imports::CoreState;
use super::wit::sqlink::engine::file_locks::{Host, HostFileLock, Level, LockError};
use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use wasmtime::component::Resource;

/// SQLite's lock bytes (`PENDING_BYTE` and what follows it).
const PENDING: i64 = 0x4000_0000;
const RESERVED: i64 = PENDING + 1;
const SHARED_FIRST: i64 = PENDING + 2;
const SHARED_SIZE: i64 = 510;

/// The locks of one open database file: the descriptor they belong to and
/// the level held.
pub struct HostLock {
    file: File,
    path: PathBuf,
    level: Level,
}

#[cfg(target_os = "linux")]
const SET: libc::c_int = libc::F_OFD_SETLK;
#[cfg(target_os = "linux")]
const GET: libc::c_int = libc::F_OFD_GETLK;
#[cfg(not(target_os = "linux"))]
const SET: libc::c_int = libc::F_SETLK;
#[cfg(not(target_os = "linux"))]
const GET: libc::c_int = libc::F_GETLK;

/// A lock request over `len` bytes from `start` (0: to the end of file).
fn request(kind: libc::c_int, start: i64, len: i64) -> libc::flock {
    // SAFETY: `flock` is plain data; all-zero is valid (and `l_pid` must
    // be 0 for open-file-description locks).
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind as _;
    l.l_whence = libc::SEEK_SET as _;
    l.l_start = start as _;
    l.l_len = len as _;
    l
}

impl HostLock {
    /// The locks of the database file at `path`, none taken yet: one
    /// descriptor, kept for as long as the locks (read and write when
    /// allowed, since a write lock needs it).
    fn open(path: PathBuf) -> Result<HostLock, String> {
        let file = File::options()
            .read(true)
            .write(true)
            .open(&path)
            .or_else(|_| File::open(&path))
            .map_err(|e| format!("cannot open {} to lock it: {e}", path.display()))?;
        Ok(HostLock { file, path, level: Level::None })
    }

    /// Sets a lock on a byte range: false when another holder's lock
    /// conflicts.
    fn set(&self, kind: libc::c_int, start: i64, len: i64) -> Result<bool, LockError> {
        let mut l = request(kind, start, len);
        // SAFETY: an open descriptor and a valid `flock`.
        if unsafe { libc::fcntl(self.file.as_raw_fd(), SET, &mut l) } == 0 {
            return Ok(true);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EAGAIN | libc::EACCES) => Ok(false),
            _ => Err(LockError::Failed(format!("cannot lock {}: {e}", self.path.display()))),
        }
    }

    /// [`HostLock::set`], busy when another holder's lock conflicts.
    fn take(&self, kind: libc::c_int, start: i64, len: i64) -> Result<(), LockError> {
        if self.set(kind, start, len)? { Ok(()) } else { Err(LockError::Busy(None)) }
    }

    /// Whether another holder write-locks any of the range.
    fn written_by_other(&self, start: i64, len: i64) -> Result<bool, LockError> {
        let mut l = request(libc::F_WRLCK, start, len);
        // SAFETY: an open descriptor and a valid `flock`.
        if unsafe { libc::fcntl(self.file.as_raw_fd(), GET, &mut l) } != 0 {
            let e = std::io::Error::last_os_error();
            return Err(LockError::Failed(format!("cannot test the locks of {}: {e}", self.path.display())));
        }
        Ok(l.l_type != libc::F_UNLCK as _)
    }

    /// A shared lock, as the unix VFS takes one: a read lock on PENDING
    /// (refused while a writer waits for readers to leave), a read lock on
    /// the SHARED range, PENDING released.
    fn share(&mut self) -> Result<(), LockError> {
        self.take(libc::F_RDLCK, PENDING, 1)?;
        let shared = self.take(libc::F_RDLCK, SHARED_FIRST, SHARED_SIZE);
        self.set(libc::F_UNLCK, PENDING, 1)?;
        shared?;
        if let Some(message) = dot_lock_left(&self.path) {
            self.set(libc::F_UNLCK, 0, 0)?;
            return Err(LockError::Busy(Some(message)));
        }
        self.level = Level::Shared;
        Ok(())
    }

    fn lock(&mut self, to: Level) -> Result<(), LockError> {
        if rank(to) <= rank(self.level) {
            return Ok(());
        }
        match to {
            Level::None => Ok(()),
            Level::Shared => self.share(),
            Level::Reserved => {
                self.take(libc::F_WRLCK, RESERVED, 1)?;
                self.level = Level::Reserved;
                Ok(())
            }
            Level::Pending | Level::Exclusive => {
                if rank(self.level) < rank(Level::Pending) {
                    self.take(libc::F_WRLCK, PENDING, 1)?;
                    self.level = Level::Pending;
                }
                if to == Level::Exclusive {
                    self.take(libc::F_WRLCK, SHARED_FIRST, SHARED_SIZE)?;
                    self.level = Level::Exclusive;
                }
                Ok(())
            }
        }
    }

    fn unlock(&mut self, to: Level) -> Result<(), LockError> {
        if rank(to) >= rank(self.level) {
            return Ok(());
        }
        if to == Level::Shared {
            // Downgrade the SHARED range to a read lock, then let go of
            // PENDING and RESERVED.
            if !self.set(libc::F_RDLCK, SHARED_FIRST, SHARED_SIZE)? {
                return Err(LockError::Failed(format!("cannot downgrade the lock of {}", self.path.display())));
            }
            self.set(libc::F_UNLCK, PENDING, 2)?;
            self.level = Level::Shared;
        } else {
            self.set(libc::F_UNLCK, 0, 0)?;
            self.level = Level::None;
        }
        Ok(())
    }

    fn reserved(&self) -> Result<bool, LockError> {
        if rank(self.level) > rank(Level::Shared) {
            return Ok(true);
        }
        self.written_by_other(RESERVED, 1)
    }
}

/// The order of lock levels.
fn rank(level: Level) -> u8 {
    match level {
        Level::None => 0,
        Level::Shared => 1,
        Level::Reserved => 2,
        Level::Pending => 3,
        Level::Exclusive => 4,
    }
}

/// What to say when the lock directory of SQLite's WASI build (`FILE.lock`)
/// exists: a session under a plain WASI runtime holds the file, or left
/// the directory when it was killed.
fn dot_lock_left(path: &Path) -> Option<String> {
    let mut dir = path.as_os_str().to_owned();
    dir.push(".lock");
    let dir = PathBuf::from(dir);
    if !dir.is_dir() {
        return None;
    }
    let (dir, path) = (dir.display(), path.display());
    Some(format!(
        "{dir} exists: a session under a WASI runtime (wasmtime run) is using {path}, or one was killed and left \
         its lock behind; if no process has the file open (`fuser {path}` prints nothing), remove the stale lock \
         with `rmdir {dir}` and open it again: SQLite then rolls the interrupted transaction back"
    ))
}

impl Host for CoreState {}

impl HostFileLock for CoreState {
    fn open(&mut self, path: String) -> Result<Resource<HostLock>, String> {
        let held = HostLock::open(PathBuf::from(path))?;
        self.table.push(held).map_err(|e| e.to_string())
    }

    fn lock(&mut self, held: Resource<HostLock>, level: Level) -> Result<(), LockError> {
        self.table.get_mut(&held).map_err(|e| LockError::Failed(e.to_string()))?.lock(level)
    }

    fn unlock(&mut self, held: Resource<HostLock>, level: Level) -> Result<(), LockError> {
        self.table.get_mut(&held).map_err(|e| LockError::Failed(e.to_string()))?.unlock(level)
    }

    fn reserved(&mut self, held: Resource<HostLock>) -> Result<bool, LockError> {
        self.table.get(&held).map_err(|e| LockError::Failed(e.to_string()))?.reserved()
    }

    /// Closing the descriptor releases whatever it still holds.
    fn drop(&mut self, held: Resource<HostLock>) -> wasmtime::Result<()> {
        self.table.delete(held)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use libsqlite3_sys as ffi;
    use std::ffi::CString;

    /// A native SQLite connection (classic POSIX locks, no busy timeout).
    struct Native(*mut ffi::sqlite3);

    impl Native {
        fn open(path: &Path) -> Native {
            let name = CString::new(path.to_str().unwrap()).unwrap();
            let mut db = std::ptr::null_mut();
            // SAFETY: valid arguments; closed on drop.
            assert_eq!(unsafe { ffi::sqlite3_open(name.as_ptr(), &mut db) }, ffi::SQLITE_OK);
            Native(db)
        }

        /// SQLite's result code for running `sql`.
        fn exec(&self, sql: &str) -> i32 {
            let sql = CString::new(sql).unwrap();
            // SAFETY: an open connection and a NUL-terminated script.
            unsafe { ffi::sqlite3_exec(self.0, sql.as_ptr(), None, std::ptr::null_mut(), std::ptr::null_mut()) }
        }
    }

    impl Drop for Native {
        fn drop(&mut self) {
            // SAFETY: the connection opened above, with no statements left.
            unsafe { ffi::sqlite3_close(self.0) };
        }
    }

    fn busy(outcome: Result<(), LockError>) -> bool {
        matches!(outcome, Err(LockError::Busy(_)))
    }

    #[test]
    fn host_locks_and_native_sqlite_exclude_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.db");
        let native = Native::open(&path);
        assert_eq!(native.exec("create table t(a); insert into t values (1);"), ffi::SQLITE_OK);
        let mut ours = HostLock::open(path.clone()).unwrap();

        // A native writer (RESERVED): we may read, not write, and see it;
        // while we read, it cannot commit.
        assert_eq!(native.exec("begin immediate; insert into t values (2);"), ffi::SQLITE_OK);
        assert!(ours.lock(Level::Shared).is_ok());
        assert!(ours.reserved().is_ok_and(|r| r), "the native writer's RESERVED byte is seen");
        assert!(busy(ours.lock(Level::Reserved)));
        assert_eq!(native.exec("commit;"), ffi::SQLITE_BUSY);
        assert!(ours.unlock(Level::None).is_ok());
        assert_eq!(native.exec("commit;"), ffi::SQLITE_OK);
        assert!(ours.lock(Level::Shared).is_ok());

        // Our writer (EXCLUSIVE): native SQLite can neither read nor write.
        assert!(ours.lock(Level::Reserved).is_ok());
        assert!(ours.lock(Level::Exclusive).is_ok());
        assert_eq!(native.exec("select * from t;"), ffi::SQLITE_BUSY);
        // Back to SHARED: native SQLite reads, but cannot commit a write.
        assert!(ours.unlock(Level::Shared).is_ok());
        assert_eq!(native.exec("select * from t;"), ffi::SQLITE_OK);
        assert_eq!(native.exec("insert into t values (3);"), ffi::SQLITE_BUSY);
        assert!(ours.unlock(Level::None).is_ok());
        assert_eq!(native.exec("insert into t values (3);"), ffi::SQLITE_OK);

        // Closing another descriptor of the file in this process (as
        // sqlite-core's WASI files are) keeps the locks; dropping ours
        // releases them.
        for level in [Level::Shared, Level::Reserved, Level::Exclusive] {
            assert!(ours.lock(level).is_ok());
        }
        drop(File::open(&path).unwrap());
        assert_eq!(native.exec("select * from t;"), ffi::SQLITE_BUSY);
        drop(ours);
        assert_eq!(native.exec("select * from t;"), ffi::SQLITE_OK);
    }

    #[test]
    fn a_wasi_lock_directory_makes_the_file_busy_with_the_way_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.db");
        std::fs::write(&path, b"").unwrap();
        let lock_dir = dir.path().join("app.db.lock");
        std::fs::create_dir(&lock_dir).unwrap();
        let mut ours = HostLock::open(path.clone()).unwrap();
        match ours.lock(Level::Shared) {
            Err(LockError::Busy(Some(said))) => {
                assert!(said.contains(&format!("rmdir {}", lock_dir.display())), "{said}");
                assert!(said.contains(&format!("fuser {}", path.display())), "{said}");
            }
            _ => panic!("a lock directory did not make the file busy with words"),
        }
        // Refused, it holds nothing: another process could still write.
        assert!(ours.reserved().is_ok_and(|r| !r));
        std::fs::remove_dir(&lock_dir).unwrap();
        assert!(ours.lock(Level::Shared).is_ok());
    }
}
