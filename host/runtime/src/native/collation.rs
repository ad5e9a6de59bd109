//! Collation callbacks.
//!
//! SQLite compares two texts at a time and offers no batching. For keyed
//! collations the host asks the extension once per distinct text for its
//! sort key, caches it ([`KeyCache`]), and compares keys natively; a sort of
//! N rows then crosses the boundary about N times instead of N log N.

use super::binding::{self, Binding, BindingData};
use super::builtin::BuiltinCollation;
use super::key_cache::KeyCache;
use crate::error::Error;
use crate::instance::Live;
use sqlink_sqlite::Db;
use std::cmp::Ordering;
use std::ffi::{c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::cell::RefCell;
use std::sync::Arc;

/// What serves a collation name.
pub(crate) enum CollationTarget {
    Wasm(WasmCollation),
    /// SQLite's own, brought back after a pin over it went away.
    Builtin(BuiltinCollation),
    /// The extension was unloaded while SQLite still holds the name (it
    /// cannot be removed while statements run): using it interrupts the
    /// statement.
    Unloaded(Db),
}

/// A collation of an extension instance. Like its binding, it is used by
/// one connection's callbacks, which SQLite runs one at a time.
pub(crate) struct WasmCollation {
    pub live: Arc<Live>,
    pub id: u32,
    pub keyed: bool,
    pub db: Db,
    pub cache: RefCell<KeyCache>,
    /// A failure was already reported; do not repeat it for every comparison.
    pub reported: AtomicBool,
}

impl WasmCollation {
    fn compare(&self, a: &[u8], b: &[u8]) -> Result<Ordering, Error> {
        if self.keyed {
            // SQL an extension runs while computing a key (through SPI)
            // could sort with this same collation: that nested comparison
            // finds the cache in use and fails rather than alias it.
            let Ok(mut cache) = self.cache.try_borrow_mut() else {
                return Err(Error::new("the collation was used from inside its own sort key"));
            };
            cache.compare(a, b, |text| {
                self.live.call(|inst| inst.sort_key(self.id, text))?.map_err(Error::from)
            })
        } else {
            self.live.call(|inst| inst.compare(self.id, a, b)).map(|c| c.cmp(&0))
        }
    }

    /// A collation cannot raise an SQL error; report the failure once on
    /// stderr and interrupt the statement so it does not go on with a
    /// meaningless order.
    fn fail(&self, name: &str, e: &Error) {
        if !self.reported.swap(true, AtomicOrdering::Relaxed) {
            eprintln!("collation {name} failed, interrupting the statement: {e}");
        }
        self.db.interrupt();
    }
}

pub(crate) unsafe extern "C" fn compare(p: *mut c_void, n1: c_int, s1: *const c_void, n2: c_int, s2: *const c_void) -> c_int {
    // SAFETY: registered with a `BindingData<CollationTarget>`; SQLite passes
    // two byte ranges valid for the call.
    let (binding, a, b): (&Binding<CollationTarget>, _, _) = unsafe {
        let bytes = |s: *const c_void, n: c_int| if n <= 0 || s.is_null() { &[][..] } else { std::slice::from_raw_parts(s.cast::<u8>(), n as usize) };
        (binding::from_user_data(p), bytes(s1, n1), bytes(s2, n2))
    };
    let current = binding.get();
    let ordering = match current.target() {
        Some(CollationTarget::Builtin(kind)) => kind.compare(a, b),
        Some(CollationTarget::Wasm(wasm)) => match catch_unwind(AssertUnwindSafe(|| wasm.compare(a, b))) {
            Ok(Ok(ordering)) => ordering,
            Ok(Err(e)) => {
                wasm.fail(&binding.name, &e);
                Ordering::Equal
            }
            Err(_) => {
                wasm.fail(&binding.name, &Error::new("internal error (panic)"));
                Ordering::Equal
            }
        },
        Some(CollationTarget::Unloaded(db)) => {
            eprintln!("collation {}: its extension was unloaded; interrupting the statement", binding.name);
            db.interrupt();
            Ordering::Equal
        }
        // Never registered without a target.
        None => a.cmp(b),
    };
    ordering as c_int
}

/// Registers a collation served by `binding` (`None` deletes it).
pub(crate) fn register(db: Db, name: &str, binding: Option<BindingData<CollationTarget>>) -> Result<(), Error> {
    match binding {
        Some(b) => db.create_collation(name, Box::new(b), compare),
        None => db.delete_collation(name),
    }
    .map_err(Error::from)
}
