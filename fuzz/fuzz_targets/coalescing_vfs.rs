//! sqlite-core's coalescing VFS (components/sqlite-core/src/vfs.rs,
//! compiled here natively as its unit tests compile it) over SQLite's unix
//! VFS, in two parts.
//!
//! Its files, driven directly: any sequence of open, write (anywhere, any
//! length up to past the longest run), read, sync, truncate, size, lock,
//! close and `settle` on main databases, their journals and a temporary
//! file, several handles per file, leaves the files as a plain model (a
//! `Vec<u8>` per file) says: every read returns the model's bytes (and a
//! short read where the model ends), every size is the model's, and after
//! each `settle` and at the end the files on disk are the model. The files
//! never get more writes than were asked for. A write the underlying VFS
//! fails (on demand) is reported to the operation that wrote it out, or by
//! `settle` and then the next operation; close and the size hint, whose
//! results SQLite may ignore, report nothing and leave it to the next
//! operation; the bytes it lost are the bytes asked for, and nothing else
//! is lost.
//!
//! SQLite on it: any sequence of statements from a small grammar (tables
//! with or without rowid, inserts of small and overflowing rows, updates,
//! deletes, indexes, transactions, savepoints, vacuum, page size, cache
//! size, journal mode, auto-vacuum) gives the same results and errors on a
//! database of this VFS as on one of the plain unix VFS; both pass
//! `integrity_check`, and the two database files are byte for byte equal.
#![no_main]

#[allow(dead_code)]
#[path = "../../components/sqlite-core/src/vfs.rs"]
mod vfs;

/// What sqlite-core's `locks` module is natively: nothing. The VFS opens a
/// `file-locks` lock only under wasm, so natively every file is locked by
/// the underlying VFS and none of these is ever called.
#[allow(dead_code)]
mod locks {
    use std::ffi::{c_char, c_int};

    pub(crate) enum FileLock {}

    pub(crate) unsafe fn open(_: *const c_char) -> Result<FileLock, c_int> {
        unreachable!("sqlite-core opens file-locks only under wasm")
    }

    pub(crate) fn lock(held: &FileLock, _: c_int) -> c_int {
        match *held {}
    }

    pub(crate) fn unlock(held: &FileLock, _: c_int) -> c_int {
        match *held {}
    }

    pub(crate) fn check_reserved(held: &FileLock, _: &mut c_int) -> c_int {
        match *held {}
    }
}

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rusqlite::{Connection, OpenFlags, types::Value};
use sqlink_sqlite::ffi;
use std::cell::{Cell, RefCell};
use std::ffi::{CStr, c_char, c_int, c_void};
use std::path::{Path, PathBuf};
use std::ptr;
use std::sync::Mutex;

/// The longest write SQLite's unix VFS makes, where the coalescing VFS
/// ends a run (its `MAX_RUN`): writes around it exercise both sides.
const LONGEST_WRITE: usize = 0x1ffff;

// ---- The underlying VFS: SQLite's unix one, its writes counted ---------

/// The VFS under the coalescing one (registered as the default before
/// `vfs::install`, which wraps the default).
const UNDER: &CStr = c"sqlink-fuzz-under";
/// The plain VFS the SQL part compares with: unix too, counted apart.
const PLAIN: &CStr = c"sqlink-fuzz-plain";

thread_local! {
    /// Writes the files of `UNDER` and of `PLAIN` got.
    static WRITES: [Cell<u64>; 2] = const { [Cell::new(0), Cell::new(0)] };
    /// Fail the next write to a file of `UNDER` (with SQLITE_FULL).
    static FAIL_NEXT: Cell<bool> = const { Cell::new(false) };
    /// The write failed so: the file, offset and bytes.
    static FAILED: RefCell<Option<(usize, i64, Vec<u8>)>> = const { RefCell::new(None) };
}

/// The method tables of counted files: each of unix's tables (it has one
/// per locking style) with `xWrite` counting, once per VFS.
struct Counted {
    plain: bool,
    original: &'static ffi::sqlite3_io_methods,
    table: &'static ffi::sqlite3_io_methods,
}

static COUNTED: Mutex<Vec<Counted>> = Mutex::new(Vec::new());

fn unix() -> *mut ffi::sqlite3_vfs {
    // SAFETY: SQLite's VFS registry; "unix" is always there.
    let unix = unsafe { ffi::sqlite3_vfs_find(c"unix".as_ptr()) };
    assert!(!unix.is_null());
    unix
}

unsafe extern "C" fn counted_write(file: *mut ffi::sqlite3_file, buf: *const c_void, amount: c_int, offset: i64) -> c_int {
    // SAFETY: only files opened by `counted_open` have this method.
    let table = unsafe { (*file).pMethods };
    let (plain, write) = {
        let counted = COUNTED.lock().unwrap();
        let c = counted.iter().find(|c| ptr::eq(c.table, table)).expect("a counted file");
        (c.plain, c.original.xWrite.expect("xWrite"))
    };
    WRITES.with(|w| w[plain as usize].set(w[plain as usize].get() + 1));
    if !plain && FAIL_NEXT.with(|f| f.replace(false)) {
        // SAFETY: SQLite's contract for `buf`.
        let bytes = unsafe { std::slice::from_raw_parts(buf.cast::<u8>(), amount as usize) }.to_vec();
        FAILED.with(|f| *f.borrow_mut() = Some((file as usize, offset, bytes)));
        return ffi::SQLITE_FULL;
    }
    // SAFETY: forwarding to the unix file the method table came from.
    unsafe { write(file, buf, amount, offset) }
}

unsafe extern "C" fn counted_open<const PLAIN: bool>(
    _: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out: *mut c_int,
) -> c_int {
    let unix = unix();
    // SAFETY: our file is unix's (same `szOsFile`); unix finds its
    // locking style through its own VFS.
    unsafe {
        let rc = ((*unix).xOpen.expect("xOpen"))(unix, name, file, flags, out);
        let original = (*file).pMethods;
        if !original.is_null() {
            let mut counted = COUNTED.lock().unwrap();
            let table = match counted.iter().find(|c| c.plain == PLAIN && ptr::eq(c.original, original)) {
                Some(c) => c.table,
                None => {
                    let table: &'static ffi::sqlite3_io_methods = Box::leak(Box::new(ffi::sqlite3_io_methods { xWrite: Some(counted_write), ..*original }));
                    counted.push(Counted { plain: PLAIN, original: &*original, table });
                    table
                }
            };
            (*file).pMethods = table;
        }
        rc
    }
}

/// Registers `UNDER` as the default, the coalescing VFS over it, and
/// `PLAIN`; once.
fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let unix = unix();
        for (name, plain) in [(UNDER, false), (PLAIN, true)] {
            // SAFETY: unix's VFS, copied but for the name and xOpen; the
            // copy lives for the rest of the process, as registered VFSes must.
            let rc = unsafe {
                let vfs = Box::leak(Box::new(ffi::sqlite3_vfs {
                    zName: name.as_ptr(),
                    pNext: ptr::null_mut(),
                    xOpen: Some(if plain { counted_open::<true> } else { counted_open::<false> }),
                    ..*unix
                }));
                ffi::sqlite3_vfs_register(vfs, !plain as c_int)
            };
            assert_eq!(rc, ffi::SQLITE_OK);
        }
        assert_eq!(vfs::install(), ffi::SQLITE_OK);
        // SAFETY: the registry.
        let default = unsafe { CStr::from_ptr((*ffi::sqlite3_vfs_find(ptr::null())).zName) };
        assert_eq!(default, c"sqlink-coalescing");
    });
}

fn writes() -> (u64, u64) {
    WRITES.with(|w| (w[0].get(), w[1].get()))
}

/// A directory of its own for this process's files, emptied.
fn scratch() -> PathBuf {
    let base = if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
    let dir = base.join(format!("sqlink-fuzz-vfs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---- Part one: the VFS's files, against a model ------------------------

#[derive(Debug, Arbitrary)]
struct Input {
    ops: Vec<Op>,
    sql: Vec<Stmt>,
    /// Settle after each statement, as the engine does at the end of each
    /// call (else only at the end).
    settle_each: bool,
}

/// The files: two main databases with their journals, and a temporary file.
const PATHS: [(&str, c_int); 5] = [
    ("f0.db", ffi::SQLITE_OPEN_MAIN_DB),
    ("f0.db-journal", ffi::SQLITE_OPEN_MAIN_JOURNAL),
    ("f1.db", ffi::SQLITE_OPEN_MAIN_DB),
    ("f1.db-journal", ffi::SQLITE_OPEN_MAIN_JOURNAL),
    ("f2.tmp", ffi::SQLITE_OPEN_TEMP_JOURNAL),
];
const HANDLES: usize = 4;

#[derive(Debug, Arbitrary)]
enum Op {
    Open { handle: u8, path: u8 },
    Close { handle: u8 },
    Write { handle: u8, at: At, len: Len, seed: u8 },
    Read { handle: u8, at: At, len: u16 },
    Sync { handle: u8, full: bool },
    Truncate { handle: u8, size: u32 },
    FileSize { handle: u8 },
    /// Takes a shared lock and drops it.
    Lock { handle: u8 },
    CheckReservedLock { handle: u8 },
    /// SQLITE_FCNTL_SIZE_HINT, which SQLite gives before it writes pages
    /// and whose result it ignores (unix does nothing without a chunk size).
    SizeHint { handle: u8, size: u32 },
    Settle,
    /// The next write the files get fails.
    FailNextWrite,
}

#[derive(Debug, Arbitrary)]
enum At {
    /// Where the handle's last write ended: a run continues.
    Continue,
    /// The end of the file.
    End,
    Offset(u32),
}

#[derive(Debug, Arbitrary)]
enum Len {
    Small(u16),
    /// A page of 512 bytes to 64 KiB.
    Page(u8),
    /// The longest write unix makes, or up to 511 bytes less (unix masks
    /// the length of a longer one with 0x1ffff: SQLite never asks for it).
    NearLongest(u16),
}

impl Len {
    fn bytes(&self) -> usize {
        match *self {
            Len::Small(n) => 1 + n as usize % 4096,
            Len::Page(k) => 512 << (k % 8),
            Len::NearLongest(n) => LONGEST_WRITE - n as usize % 512,
        }
    }
}

/// The bytes of a write: position-dependent, so misplaced bytes show.
fn pattern(seed: u8, len: usize) -> Vec<u8> {
    (0..len).map(|i| seed ^ (i % 251) as u8).collect()
}

/// An open file of the coalescing VFS.
struct Handle {
    /// `szOsFile` bytes, for SQLite's file structure.
    memory: Box<[u64]>,
    path: usize,
    /// Its name, which the unix VFS keeps a pointer to.
    name: Vec<u8>,
    /// Where its last write ended.
    end: i64,
}

impl Handle {
    fn file(&mut self) -> *mut ffi::sqlite3_file {
        self.memory.as_mut_ptr().cast()
    }

    fn methods(&mut self) -> &'static ffi::sqlite3_io_methods {
        // SAFETY: an open file; SQLite's method tables are static.
        unsafe { &*(*self.file()).pMethods }
    }

    /// Whether `file` (an underlying file) lies within this handle's memory.
    fn holds(&self, file: usize) -> bool {
        let start = self.memory.as_ptr() as usize;
        (start..start + self.memory.len() * 8).contains(&file)
    }
}

/// One file as it must be.
#[derive(Default, Clone)]
struct Model {
    exists: bool,
    bytes: Vec<u8>,
}

impl Model {
    fn write(&mut self, offset: usize, bytes: &[u8]) {
        if self.bytes.len() < offset + bytes.len() {
            self.bytes.resize(offset + bytes.len(), 0);
        }
        self.bytes[offset..offset + bytes.len()].copy_from_slice(bytes);
    }

    /// What unix's `xFileSize` says: it reports a file of one byte as
    /// empty (SQLite's ticket #3260).
    fn size(&self) -> i64 {
        if self.bytes.len() == 1 { 0 } else { self.bytes.len() as i64 }
    }
}

struct Files {
    dir: PathBuf,
    handles: Vec<Option<Handle>>,
    models: Vec<Model>,
    vfs: *mut ffi::sqlite3_vfs,
    /// Writes asked of the VFS, and writes the files got, since the start.
    requested: u64,
    start: u64,
    /// A failed write `settle` reported, which the next operation reports too.
    owed: bool,
}

/// What happened to the write the underlying VFS failed during an operation.
enum Outcome {
    /// Nothing failed: the operation's result stands.
    Clean,
    /// A write failed: the operation must have failed with SQLITE_FULL and
    /// done nothing (but close, which closes).
    Failed,
}

impl Files {
    fn new(dir: PathBuf) -> Files {
        // SAFETY: the registry.
        let vfs = unsafe { ffi::sqlite3_vfs_find(c"sqlink-coalescing".as_ptr()) };
        assert!(!vfs.is_null());
        FAILED.with(|f| f.borrow_mut().take());
        FAIL_NEXT.with(|f| f.set(false));
        Files { dir, handles: (0..HANDLES).map(|_| None).collect(), models: vec![Model::default(); PATHS.len()], vfs, requested: 0, start: writes().0, owed: false }
    }

    /// The name of `path` as SQLite passes names: NUL-terminated, then
    /// the (absent) URI parameters' NULs.
    fn name(&self, path: usize) -> Vec<u8> {
        let mut bytes = self.dir.join(PATHS[path].0).into_os_string().into_encoded_bytes();
        bytes.extend_from_slice(&[0, 0, 0, 0]);
        bytes
    }

    fn disk(&self, path: usize) -> Vec<u8> {
        std::fs::read(self.dir.join(PATHS[path].0)).unwrap_or_default()
    }

    /// Checks what an operation of the VFS that returned `rc` did about a
    /// failed underlying write (`own`: the operation's own write, if it is
    /// one): never more writes than asked for, a failure owed by `settle`
    /// or met now reported, the model brought in line with what was lost.
    fn checked(&mut self, rc: c_int, own: Option<(i64, &[u8])>, what: &dyn std::fmt::Debug) -> Outcome {
        assert!(writes().0 - self.start <= self.requested, "{} writes made for {} asked for", writes().0 - self.start, self.requested);
        if std::mem::take(&mut self.owed) {
            assert_eq!(rc, ffi::SQLITE_FULL, "{what:?} after a settle that failed must report the failure");
            return Outcome::Failed;
        }
        let Some((file, offset, bytes)) = FAILED.with(|f| f.borrow_mut().take()) else {
            return Outcome::Clean;
        };
        assert_eq!(rc, ffi::SQLITE_FULL, "{what:?} wrote out a write that failed, and must say so");
        self.lost(file, offset, &bytes, own);
        Outcome::Failed
    }

    /// A write of `bytes` at `offset` to underlying `file` failed: it is
    /// either the operation's own write (`own`, too long for a run) or the
    /// run, made of writes the model has; nothing else on disk differs
    /// from the model. The model becomes what the disk holds.
    fn lost(&mut self, file: usize, offset: i64, bytes: &[u8], own: Option<(i64, &[u8])>) {
        let path = self.handles.iter().flatten().find(|h| h.holds(file)).expect("a failed write to an open file").path;
        let model = &self.models[path];
        let (start, end) = (offset as usize, offset as usize + bytes.len());
        // Bytes the model has there were asked for (a run, or a write of
        // the operation's own that repeats them: either way, lost).
        let in_model = model.bytes.len() >= end && model.bytes[start..end] == *bytes;
        let its_own = !in_model && own == Some((offset, bytes));
        assert!(in_model || its_own, "the lost write at {offset} ({} bytes) is not the writes asked for", bytes.len());
        let disk = self.disk(path);
        for (i, (d, m)) in disk.iter().zip(&model.bytes).enumerate() {
            assert!(*d == *m || (start..end).contains(&i), "{}: byte {i} is {d}, not {m}, outside the lost write {start}..{end}", PATHS[path].0);
        }
        if disk.len() != model.bytes.len() {
            // Only the lost run can have grown the file (with a hole of zeros).
            assert!(!its_own, "a lost write of the operation's own changed the size");
            assert_eq!(model.bytes.len(), end, "{}: {} bytes on disk, {} in the model", PATHS[path].0, disk.len(), model.bytes.len());
            assert!(model.bytes[disk.len().min(start)..start].iter().all(|&b| b == 0));
        }
        self.models[path].bytes = disk;
    }

    /// Checks an operation whose result SQLite may ignore (close, a size
    /// hint): it writes the run out and succeeds; a write that failed then
    /// is owed to the next operation, as after `settle`.
    fn unchecked(&mut self, rc: c_int, expected: c_int, what: &dyn std::fmt::Debug) {
        assert!(writes().0 - self.start <= self.requested, "{} writes made for {} asked for", writes().0 - self.start, self.requested);
        assert_eq!(rc, expected, "{what:?} reports nothing of a failed write");
        if let Some((file, offset, bytes)) = FAILED.with(|f| f.borrow_mut().take()) {
            self.lost(file, offset, &bytes, None);
            self.owed = true;
        }
    }

    /// After `settle`: every file on disk is its model.
    fn check_disk(&self) {
        for (path, model) in self.models.iter().enumerate() {
            if model.exists {
                assert!(self.disk(path) == model.bytes, "{} differs from its model ({} bytes on disk, {} in the model)", PATHS[path].0, self.disk(path).len(), model.bytes.len());
            }
        }
    }

    fn settle(&mut self) {
        let result = vfs::settle();
        assert!(writes().0 - self.start <= self.requested);
        match FAILED.with(|f| f.borrow_mut().take()) {
            Some((file, offset, bytes)) => {
                let e = result.expect_err("settle wrote out a write that failed, and must say so");
                assert_eq!(e.code, ffi::SQLITE_FULL);
                assert!(e.message.contains("disk I/O error"), "{}", e.message);
                self.lost(file, offset, &bytes, None);
                self.owed = true;
            }
            None => {
                result.expect("settle");
                self.check_disk();
            }
        }
    }

    fn open(&mut self, h: usize, path: usize) {
        let (name, kind) = (self.name(path), PATHS[path].1);
        if self.handles[h].is_some() || (kind == ffi::SQLITE_OPEN_MAIN_JOURNAL && !self.models[path - 1].exists) {
            // unix makes a journal with its database's permissions: no
            // database, no journal.
            return;
        }
        // SAFETY: the VFS's size of file.
        let words = unsafe { (*self.vfs).szOsFile as usize }.div_ceil(8);
        let mut handle = Handle { memory: vec![0u64; words].into_boxed_slice(), path, name, end: 0 };
        let flags = kind | ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE;
        let mut out = 0;
        // SAFETY: a registered VFS, a name that stays until closed (unix
        // keeps none), zeroed file memory of its size.
        let rc = unsafe { ((*self.vfs).xOpen.unwrap())(self.vfs, handle.name.as_ptr().cast(), handle.file(), flags, &mut out) };
        // SAFETY: the file memory.
        let opened = unsafe { !(*handle.file()).pMethods.is_null() };
        match self.checked(rc, None, &"open") {
            Outcome::Clean => {
                assert_eq!(rc, ffi::SQLITE_OK, "opening {}", PATHS[path].0);
                assert!(opened);
                self.models[path].exists = true;
                self.handles[h] = Some(handle);
            }
            Outcome::Failed => {
                if opened {
                    // SAFETY: SQLite closes a file whose methods are set.
                    unsafe { (handle.methods().xClose.unwrap())(handle.file()) };
                }
            }
        }
    }

    fn close(&mut self, h: usize) {
        let Some(mut handle) = self.handles[h].take() else { return };
        // SAFETY: an open file of the VFS.
        let rc = unsafe { (handle.methods().xClose.unwrap())(handle.file()) };
        // A failed write is accounted for with the memory still there.
        self.handles[h] = Some(handle);
        self.unchecked(rc, ffi::SQLITE_OK, &"close");
        self.handles[h] = None;
    }

    fn offset(&self, h: usize, at: &At) -> i64 {
        let handle = self.handles[h].as_ref().unwrap();
        match at {
            At::Continue => handle.end,
            At::End => self.models[handle.path].bytes.len() as i64,
            At::Offset(o) => (*o % (1 << 20)) as i64,
        }
    }

    fn run(&mut self, op: &Op) {
        let pick = |h: u8| h as usize % HANDLES;
        let h = match op {
            Op::Open { handle, path } => return self.open(pick(*handle), *path as usize % PATHS.len()),
            Op::Close { handle } => return self.close(pick(*handle)),
            Op::Settle => return self.settle(),
            Op::FailNextWrite => return FAIL_NEXT.with(|f| f.set(true)),
            Op::Write { handle, .. }
            | Op::Read { handle, .. }
            | Op::Sync { handle, .. }
            | Op::Truncate { handle, .. }
            | Op::FileSize { handle }
            | Op::Lock { handle }
            | Op::CheckReservedLock { handle }
            | Op::SizeHint { handle, .. } => pick(*handle),
        };
        if self.handles[h].is_none() {
            return;
        }
        let path = self.handles[h].as_ref().unwrap().path;
        match op {
            Op::Write { at, len, seed, .. } => {
                let offset = self.offset(h, at);
                let bytes = pattern(*seed, len.bytes());
                self.requested += 1;
                let handle = self.handles[h].as_mut().unwrap();
                // SAFETY: an open file; `bytes` readable.
                let rc = unsafe { (handle.methods().xWrite.unwrap())(handle.file(), bytes.as_ptr().cast(), bytes.len() as c_int, offset) };
                // Only a write too long for a run goes straight through.
                let own = (bytes.len() >= LONGEST_WRITE).then_some((offset, &bytes[..]));
                if let Outcome::Clean = self.checked(rc, own, op) {
                    assert_eq!(rc, ffi::SQLITE_OK, "{op:?}");
                    self.models[path].write(offset as usize, &bytes);
                    self.handles[h].as_mut().unwrap().end = offset + bytes.len() as i64;
                }
            }
            Op::Read { at, len, .. } => {
                let offset = self.offset(h, at);
                let len = 1 + *len as usize;
                let mut buf = vec![0xa5u8; len];
                let handle = self.handles[h].as_mut().unwrap();
                // SAFETY: an open file; `buf` writable.
                let rc = unsafe { (handle.methods().xRead.unwrap())(handle.file(), buf.as_mut_ptr().cast(), len as c_int, offset) };
                if let Outcome::Clean = self.checked(rc, None, op) {
                    let model = &self.models[path].bytes;
                    let start = (offset as usize).min(model.len());
                    let end = (offset as usize + len).min(model.len());
                    let mut expected = model[start..end].to_vec();
                    let short = expected.len() < len;
                    expected.resize(len, 0);
                    assert_eq!(rc, if short { ffi::SQLITE_IOERR_SHORT_READ } else { ffi::SQLITE_OK }, "{op:?} of {} ({} bytes)", PATHS[path].0, model.len());
                    assert!(buf == expected, "{op:?} at {offset} of {} ({} bytes): not what was written", PATHS[path].0, model.len());
                }
            }
            Op::Sync { full, .. } => {
                let handle = self.handles[h].as_mut().unwrap();
                let flags = if *full { ffi::SQLITE_SYNC_FULL } else { ffi::SQLITE_SYNC_NORMAL };
                // SAFETY: an open file.
                let rc = unsafe { (handle.methods().xSync.unwrap())(handle.file(), flags) };
                if let Outcome::Clean = self.checked(rc, None, op) {
                    assert_eq!(rc, ffi::SQLITE_OK, "{op:?}");
                }
            }
            Op::Truncate { size, .. } => {
                let size = *size % (1 << 20);
                let handle = self.handles[h].as_mut().unwrap();
                // SAFETY: an open file.
                let rc = unsafe { (handle.methods().xTruncate.unwrap())(handle.file(), size as i64) };
                if let Outcome::Clean = self.checked(rc, None, op) {
                    assert_eq!(rc, ffi::SQLITE_OK, "{op:?}");
                    self.models[path].bytes.resize(size as usize, 0);
                }
            }
            Op::FileSize { .. } => {
                let handle = self.handles[h].as_mut().unwrap();
                let mut size = -1;
                // SAFETY: an open file.
                let rc = unsafe { (handle.methods().xFileSize.unwrap())(handle.file(), &mut size) };
                if let Outcome::Clean = self.checked(rc, None, op) {
                    assert_eq!(rc, ffi::SQLITE_OK, "{op:?}");
                    assert_eq!(size, self.models[path].size(), "the size of {}", PATHS[path].0);
                }
            }
            Op::Lock { .. } => {
                let handle = self.handles[h].as_mut().unwrap();
                // SAFETY: an open file.
                let rc = unsafe { (handle.methods().xLock.unwrap())(handle.file(), ffi::SQLITE_LOCK_SHARED) };
                if let Outcome::Clean = self.checked(rc, None, op) {
                    assert_eq!(rc, ffi::SQLITE_OK, "{op:?}");
                    let handle = self.handles[h].as_mut().unwrap();
                    // SAFETY: as above.
                    let rc = unsafe { (handle.methods().xUnlock.unwrap())(handle.file(), ffi::SQLITE_LOCK_NONE) };
                    assert_eq!(rc, ffi::SQLITE_OK, "{op:?}: unlock");
                }
            }
            Op::CheckReservedLock { .. } => {
                let handle = self.handles[h].as_mut().unwrap();
                let mut held = -1;
                // SAFETY: an open file.
                let rc = unsafe { (handle.methods().xCheckReservedLock.unwrap())(handle.file(), &mut held) };
                if let Outcome::Clean = self.checked(rc, None, op) {
                    assert_eq!((rc, held), (ffi::SQLITE_OK, 0), "{op:?}");
                }
            }
            Op::SizeHint { size, .. } => {
                let handle = self.handles[h].as_mut().unwrap();
                let mut size = i64::from(*size % (1 << 22));
                // SAFETY: an open file; the size hint takes an i64.
                let rc = unsafe { (handle.methods().xFileControl.unwrap())(handle.file(), ffi::SQLITE_FCNTL_SIZE_HINT, (&mut size as *mut i64).cast()) };
                self.unchecked(rc, ffi::SQLITE_OK, op);
            }
            Op::Open { .. } | Op::Close { .. } | Op::Settle | Op::FailNextWrite => unreachable!(),
        }
    }

    /// The end: nothing pending, every open file reads whole as its model,
    /// and, closed, is its model on disk.
    fn finish(mut self) {
        FAIL_NEXT.with(|f| f.set(false));
        self.settle();
        if self.owed {
            self.settle();
            // The failure is owed to the next operation: a size query takes it.
            if let Some(h) = (0..HANDLES).find(|&h| self.handles[h].is_some()) {
                self.run(&Op::FileSize { handle: h as u8 });
            }
            self.owed = false;
        }
        for h in 0..HANDLES {
            let Some(handle) = self.handles[h].as_mut() else { continue };
            let model = &self.models[handle.path].bytes;
            let mut size = -1;
            // SAFETY: an open file.
            assert_eq!(unsafe { (handle.methods().xFileSize.unwrap())(handle.file(), &mut size) }, ffi::SQLITE_OK);
            assert_eq!(size, self.models[handle.path].size());
            if !model.is_empty() {
                let mut buf = vec![0u8; model.len()];
                // SAFETY: an open file; `buf` writable.
                let rc = unsafe { (handle.methods().xRead.unwrap())(handle.file(), buf.as_mut_ptr().cast(), buf.len() as c_int, 0) };
                assert_eq!(rc, ffi::SQLITE_OK);
                assert!(buf == *model, "{} read whole differs from its model", PATHS[handle.path].0);
            }
            self.close(h);
        }
        self.check_disk();
    }
}

// ---- Part two: SQLite on the VFS, against SQLite on plain unix ---------

#[derive(Debug, Arbitrary)]
enum Stmt {
    Create { table: u8, without_rowid: bool },
    CreateIndex { table: u8 },
    Drop { table: u8 },
    /// `rows` rows whose text is `size` bytes (past a page: overflow pages).
    Insert { table: u8, rows: u8, size: u16 },
    InsertSelect { table: u8, from: u8, limit: u8 },
    Update { table: u8, modulo: u8, size: u16 },
    Delete { table: u8, modulo: u8 },
    Begin,
    Commit,
    Rollback,
    Savepoint(u8),
    Release(u8),
    RollbackTo(u8),
    Vacuum,
    PageSize(u8),
    CacheSize(u8),
    JournalMode(u8),
    AutoVacuum(u8),
    IncrementalVacuum,
    Checkpoint,
    Select { table: u8 },
}

impl Stmt {
    fn sql(&self) -> String {
        let t = |n: &u8| format!("t{}", n % 3);
        match self {
            Stmt::Create { table, without_rowid } => {
                format!("create table {}(a integer primary key, b, c){}", t(table), if *without_rowid { " without rowid" } else { "" })
            }
            Stmt::CreateIndex { table } => format!("create index if not exists {0}_b on {0}(b, c)", t(table)),
            Stmt::Drop { table } => format!("drop table {}", t(table)),
            Stmt::Insert { table, rows, size } => {
                let size = *size % 12_000;
                format!(
                    "with recursive s(v) as (select 1 union all select v + 1 from s where v < {rows}) \
                     insert into {0}(a, b, c) select (select coalesce(max(a), 0) from {0}) + v, v * 7919 % 1009, \
                     substr(replace(hex(zeroblob({size})), '0', char(65 + v % 26)), 1, {size}) from s",
                    t(table)
                )
            }
            Stmt::InsertSelect { table, from, limit } => {
                format!("insert into {0}(a, b, c) select a + (select coalesce(max(a), 0) from {0}), b, c from {1} order by a limit {limit}", t(table), t(from))
            }
            Stmt::Update { table, modulo, size } => format!(
                "update {} set b = b + 1, c = substr(c || c || 'x', 1, {}) where a % {} = 0",
                t(table),
                size % 12_000,
                1 + modulo % 5
            ),
            Stmt::Delete { table, modulo } => format!("delete from {} where a % {} = 1", t(table), 1 + modulo % 5),
            Stmt::Begin => "begin".into(),
            Stmt::Commit => "commit".into(),
            Stmt::Rollback => "rollback".into(),
            Stmt::Savepoint(n) => format!("savepoint s{}", n % 3),
            Stmt::Release(n) => format!("release s{}", n % 3),
            Stmt::RollbackTo(n) => format!("rollback to s{}", n % 3),
            Stmt::Vacuum => "vacuum".into(),
            Stmt::PageSize(k) => format!("pragma page_size = {}", 512 << (k % 8)),
            Stmt::CacheSize(n) => format!("pragma cache_size = {}", 2 + n % 50),
            Stmt::JournalMode(m) => format!("pragma journal_mode = {}", ["delete", "truncate", "persist", "memory", "wal", "off"][*m as usize % 6]),
            Stmt::AutoVacuum(m) => format!("pragma auto_vacuum = {}", ["none", "full", "incremental"][*m as usize % 3]),
            Stmt::IncrementalVacuum => "pragma incremental_vacuum".into(),
            Stmt::Checkpoint => "pragma wal_checkpoint(truncate)".into(),
            Stmt::Select { table } => format!("select a, b, c from {} order by a", t(table)),
        }
    }
}

/// Rows, or the error's text.
fn query(db: &Connection, sql: &str) -> Result<Vec<Vec<Value>>, String> {
    let mut statement = db.prepare(sql).map_err(|e| e.to_string())?;
    let columns = statement.column_count();
    let mut rows = statement.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        out.push((0..columns).map(|i| row.get::<_, Value>(i).unwrap()).collect());
    }
    Ok(out)
}

fn sql(dir: &Path, statements: &[Stmt], settle_each: bool) {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let (ours, plain) = (dir.join("coalesced.db"), dir.join("plain.db"));
    let before = writes();
    let a = Connection::open_with_flags_and_vfs(&ours, flags, c"sqlink-coalescing").unwrap();
    let b = Connection::open_with_flags_and_vfs(&plain, flags, PLAIN).unwrap();
    for s in statements.iter().take(48) {
        let text = s.sql();
        let got = query(&a, &text);
        if settle_each {
            vfs::settle().expect("settle");
        }
        assert_eq!(got, query(&b, &text), "{text}");
    }
    vfs::settle().expect("settle");
    for check in ["pragma integrity_check", "select name, sql from sqlite_schema order by name"] {
        let got = query(&a, check);
        assert_eq!(got, query(&b, check), "{check}");
        if check.starts_with("pragma") {
            assert_eq!(got, Ok(vec![vec![Value::Text("ok".into())]]));
        }
    }
    let tables = query(&b, "select name from sqlite_schema where type = 'table' order by name").unwrap();
    for table in tables {
        let Value::Text(name) = &table[0] else { unreachable!() };
        let all = format!("select * from \"{name}\" order by 1");
        assert_eq!(query(&a, &all), query(&b, &all), "{all}");
    }
    // Leave any transaction (closing does) so both files are complete.
    drop(a);
    vfs::settle().expect("settle");
    drop(b);
    let after = writes();
    let (made, plainly) = (after.0 - before.0, after.1 - before.1);
    assert!(made <= plainly, "{made} writes made for the {plainly} the plain VFS made");
    let (x, y) = (std::fs::read(&ours).unwrap(), std::fs::read(&plain).unwrap());
    assert!(x == y, "the database files differ ({} and {} bytes)", x.len(), y.len());
}

fuzz_target!(|input: Input| {
    install();
    let dir = scratch();
    let mut files = Files::new(dir.clone());
    for op in input.ops.iter().take(256) {
        files.run(op);
    }
    files.finish();
    if !input.sql.is_empty() {
        sql(&dir, &input.sql, input.settle_each);
    }
    // Nothing left behind in /dev/shm (but after a crash, to look at).
    let _ = std::fs::remove_dir_all(&dir);
});
