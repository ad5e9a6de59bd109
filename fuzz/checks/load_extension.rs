//! Arbitrary bytes loaded as an extension: parsing the component,
//! finding which contract interfaces it exports, checking its imports
//! against the grants, instantiating it, reading and validating its
//! manifest, then registering what it declares on a connection. Whatever
//! the bytes, the load ends in an extension or an error that names the
//! file; it never panics, aborts or hangs.
//!
//! Seeds: the real components of dist/ (copied into the corpus by `make
//! fuzz`), so mutations stay close to valid ones.

use sqlink_runtime::{AttachOptions, Grants, Limits, Registry, Runtime};
use sqlink_sqlite::{Db, ffi};

#[path = "support.rs"]
mod support;
pub use support::setup;

/// One input: what the fuzz target checks of it.
pub fn run(data: &[u8]) {
    let runtime = Runtime::get().expect("the runtime starts");
    let grants = Grants::parse_each(&["spi"]).unwrap();
    let limits = Limits::with(Some("64M"), Some(1000)).unwrap();
    let ext = match runtime.load_bytes("fuzzed.wasm", data, grants, limits) {
        Ok(ext) => ext,
        Err(e) => {
            let message = e.to_string();
            assert!(!message.trim().is_empty(), "an error without a message");
            return;
        }
    };
    // Loaded: register everything it declares on a connection, then
    // take it away again.
    let mut raw = std::ptr::null_mut();
    // SAFETY: a fresh in-memory connection, closed below.
    let db = unsafe {
        assert_eq!(ffi::sqlite3_open(c":memory:".as_ptr(), &mut raw), 0);
        Db::from_raw(raw)
    };
    let mut registry = Registry::new(db);
    if registry.attach(ext, &AttachOptions::default()).is_ok() {
        let _ = db.prepare("select 1");
    }
    registry.detach_all();
    drop(registry);
    // SAFETY: nothing is registered any more.
    unsafe { ffi::sqlite3_close(raw) };
}
