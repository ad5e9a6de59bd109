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
        let path = PathBuf::from(path);
        // One descriptor per open database file, kept for as long as its
        // locks: read and write when allowed (a write lock needs it).
        let file = File::options()
            .read(true)
            .write(true)
            .open(&path)
            .or_else(|_| File::open(&path))
            .map_err(|e| format!("cannot open {} to lock it: {e}", path.display()))?;
        self.table.push(HostLock { file, path, level: Level::None }).map_err(|e| e.to_string())
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
