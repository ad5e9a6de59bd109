//! Collation callbacks.
//!
//! SQLite compares two texts at a time and offers no batching. For keyed
//! collations the host asks the extension once per distinct text for its
//! sort key, caches it, and compares keys natively; a sort of N rows then
//! crosses the boundary about N times instead of N log N.

use super::binding::{self, Binding, BindingData};
use super::builtin::BuiltinCollation;
use crate::error::Error;
use crate::instance::Live;
use sqlink_sqlite::Db;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ffi::{c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex};

/// Bytes of texts and keys cached per collation before the cache restarts.
const CACHE_BYTES: usize = 32 << 20;

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

/// A collation of an extension instance.
pub(crate) struct WasmCollation {
    pub live: Arc<Live>,
    pub id: u32,
    pub keyed: bool,
    pub db: Db,
    pub cache: Mutex<KeyCache>,
    /// A failure was already reported; do not repeat it for every comparison.
    pub reported: AtomicBool,
}

/// Sort keys by text.
#[derive(Default)]
pub(crate) struct KeyCache {
    keys: HashMap<Box<[u8]>, Box<[u8]>, foldhash::fast::RandomState>,
    bytes: usize,
}

impl KeyCache {
    fn ensure(&mut self, text: &[u8], compute: &mut impl FnMut(&[u8]) -> Result<Vec<u8>, Error>) -> Result<(), Error> {
        if self.keys.contains_key(text) {
            return Ok(());
        }
        let key = compute(text)?;
        if self.bytes + text.len() + key.len() > CACHE_BYTES {
            self.keys.clear();
            self.bytes = 0;
        }
        self.bytes += text.len() + key.len();
        self.keys.insert(text.into(), key.into());
        Ok(())
    }

    fn compare(&mut self, a: &[u8], b: &[u8], mut compute: impl FnMut(&[u8]) -> Result<Vec<u8>, Error>) -> Result<Ordering, Error> {
        // During a sort nearly every text is cached already: two lookups.
        if let (Some(ka), Some(kb)) = (self.keys.get(a), self.keys.get(b)) {
            return Ok(ka.cmp(kb));
        }
        self.ensure(a, &mut compute)?;
        self.ensure(b, &mut compute)?;
        // Both were just ensured; a restart between the two could only drop
        // `a` if the cache overflowed on `b`, so fall back to computing.
        match (self.keys.get(a), self.keys.get(b)) {
            (Some(ka), Some(kb)) => Ok(ka.cmp(kb)),
            _ => Ok(compute(a)?.cmp(&compute(b)?)),
        }
    }
}

impl WasmCollation {
    fn compare(&self, a: &[u8], b: &[u8]) -> Result<Ordering, Error> {
        if self.keyed {
            let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            cache.compare(a, b, |text| {
                self.live.call(|inst| inst.sort_key(self.id, text))?.map_err(|e| super::extension_error(self.live.name(), e))
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
    let target = binding.get();
    let ordering = match target.as_deref() {
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
