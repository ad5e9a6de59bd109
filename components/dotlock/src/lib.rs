//! `dotlock`: sqlite-core's `file-locks` where no host provides them, as in
//! `wasmtime run dist/sqlink-cli.wasm` (compositions/sqlink-cli.wac).
//!
//! WASI has no file locks and no way to ask whether another process lives,
//! so this is SQLite's own unix-dotfile scheme: a connection holding any
//! lock on `FILE` has made the directory `FILE.lock` (creating a directory
//! is atomic: one creator wins), and removes it when it unlocks or closes.
//! Two sessions under WASI runtimes exclude each other; a session killed
//! while holding the lock leaves the directory behind, and nothing under
//! WASI can prove it stale. So the busy error says exactly that, and how
//! to recover: check that no process has the file open, remove the
//! directory, open again (SQLite then rolls the interrupted transaction
//! back from its journal).
//!
//! These locks do not see POSIX locks (native SQLite, `sqlink --engine
//! wasm`); `sqlink --engine wasm` does see the directory and refuses too.

#[doc(hidden)]
#[allow(clippy::all, dead_code, unused_imports, missing_docs)]
mod bindings {
    wit_bindgen::generate!({
        path: "../../wit/engine",
        world: "sqlink:engine/file-locks-provider",
        generate_all,
    });
}

use bindings::exports::sqlink::engine::file_locks::{FileLock, Guest, GuestFileLock, Level, LockError};
use std::cell::Cell;
use std::io::ErrorKind;

/// The component's exports.
struct Provider;

impl Guest for Provider {
    type FileLock = DotLock;
}

/// The lock of one open database file: held while its directory is ours.
pub struct DotLock {
    /// The database file, as sqlite-core names it.
    path: String,
    /// The level SQLite believes it holds (any level but none holds the
    /// directory).
    level: Cell<Level>,
}

impl DotLock {
    /// The lock directory.
    fn dir(&self) -> String {
        format!("{}.lock", self.path)
    }
}

/// What a busy lock says: who may hold it and how to remove a stale one.
pub fn busy_message(path: &str) -> String {
    format!(
        "{path}.lock exists: another session is using {path} under a WASI runtime (wasmtime run), \
         or one was killed and left its lock behind, which WASI cannot tell apart; \
         if no process has the file open (`fuser {path}` prints nothing; the path is the guest's, \
         inside the directory given to --dir), remove the stale lock with `rmdir {path}.lock` and open it again: \
         SQLite then rolls the interrupted transaction back"
    )
}

impl GuestFileLock for DotLock {
    fn open(path: String) -> Result<FileLock, String> {
        Ok(FileLock::new(DotLock { path, level: Cell::new(Level::None) }))
    }

    fn lock(&self, level: Level) -> Result<(), LockError> {
        if self.level.get() == Level::None && level != Level::None {
            match std::fs::create_dir(self.dir()) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(LockError::Busy(Some(busy_message(&self.path)))),
                Err(e) => return Err(LockError::Failed(format!("cannot create the lock directory {}: {e}", self.dir()))),
            }
        }
        if level as u8 > self.level.get() as u8 {
            self.level.set(level);
        }
        Ok(())
    }

    fn unlock(&self, level: Level) -> Result<(), LockError> {
        if level == Level::None && self.level.get() != Level::None {
            self.level.set(Level::None);
            match std::fs::remove_dir(self.dir()) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(LockError::Failed(format!("cannot remove the lock directory {}: {e}", self.dir()))),
            }
        } else if (level as u8) < self.level.get() as u8 {
            self.level.set(level);
        }
        Ok(())
    }

    fn reserved(&self) -> Result<bool, LockError> {
        // Holding the directory excludes everyone else: only this
        // connection can hold a reserved lock then.
        if self.level.get() != Level::None {
            return Ok(self.level.get() as u8 >= Level::Reserved as u8);
        }
        Ok(std::fs::metadata(self.dir()).is_ok())
    }
}

impl Drop for DotLock {
    /// A file closed while locked releases its lock (SQLite unlocks first).
    fn drop(&mut self) {
        if self.level.get() != Level::None {
            let _ = std::fs::remove_dir(self.dir());
        }
    }
}

bindings::export!(Provider with_types_in bindings);
