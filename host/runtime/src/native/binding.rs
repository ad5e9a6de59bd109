//! Registrations whose target can change without touching SQLite.
//!
//! SQLite refuses to replace or delete a function or collation while any
//! statement runs — which is always the case when loading and unloading
//! happen from SQL (`select sqlink_unload(...)`). So every name the host
//! registers is a [`Binding`]: SQLite calls the binding, and the binding
//! points at whatever serves the name now — an extension, SQLite's own
//! built-in (restored after a pin goes away), or nothing (unloaded; the
//! registration itself is removed once SQLite allows it).

use std::cell::{Cell, UnsafeCell};
use std::sync::Arc;

/// One registered name and what currently serves it.
///
/// Read on every call, so reading costs no atomic operation: a binding
/// belongs to one connection, whose callbacks and registry SQLite runs one
/// at a time (see `impl Sync`). A target replaced while a call through the
/// binding is running (the call's own SQL unloading its extension) is kept
/// until no call is.
pub(crate) struct Binding<T> {
    /// The SQL name, for messages.
    pub name: String,
    /// What serves the name now.
    target: UnsafeCell<Option<Arc<T>>>,
    /// Targets replaced while calls were running, dropped when none is.
    retired: UnsafeCell<Vec<Arc<T>>>,
    /// Calls through this binding now running (more than one on re-entry).
    running: Cell<u32>,
}

// SAFETY: a binding is registered on one connection and used only from that
// connection's callbacks and by its registry, which SQLite runs one at a
// time (its own mutex in serialized mode, the application's promise in
// multi-thread mode); that mutex orders memory between threads.
unsafe impl<T> Sync for Binding<T> {}
// SAFETY: as above; the targets themselves are only reached through it.
unsafe impl<T> Send for Binding<T> {}

impl<T> Binding<T> {
    pub(crate) fn new(name: &str, target: T) -> Arc<Binding<T>> {
        Arc::new(Binding {
            name: name.to_string(),
            target: UnsafeCell::new(Some(Arc::new(target))),
            retired: UnsafeCell::new(Vec::new()),
            running: Cell::new(0),
        })
    }

    /// Points the name at a new target, or at nothing.
    pub(crate) fn set(&self, target: Option<T>) {
        // SAFETY: no reference into the cell outlives a method of this type
        // (calls hold the target itself, which `retired` keeps alive).
        let old = unsafe { std::mem::replace(&mut *self.target.get(), target.map(Arc::new)) };
        if let Some(old) = old
            && self.running.get() > 0
        {
            // SAFETY: as above.
            unsafe { (*self.retired.get()).push(old) };
        }
    }

    /// What serves the name now, for the length of one call.
    pub(crate) fn get(&self) -> Current<'_, T> {
        self.running.set(self.running.get() + 1);
        // SAFETY: see `set`; the target stays alive while `running` is
        // above zero, in the cell or in `retired`.
        let target = unsafe { (*self.target.get()).as_deref().map(|t| &*(t as *const T)) };
        Current { binding: self, target }
    }

    /// The error for a call to a name nothing serves any more.
    pub(crate) fn vacant(&self) -> crate::error::Error {
        crate::error::Error::new(format!("no such function: {} (its extension was unloaded)", self.name))
    }
}

/// The target of a binding while one call runs.
pub(crate) struct Current<'a, T> {
    binding: &'a Binding<T>,
    target: Option<&'a T>,
}

impl<'a, T> Current<'a, T> {
    /// The target, or None when nothing serves the name.
    pub(crate) fn target(&self) -> Option<&'a T> {
        self.target
    }

    /// The target as its own reference, to keep beyond this call.
    pub(crate) fn to_arc(&self) -> Option<Arc<T>> {
        self.target.map(|t| {
            let ptr: *const T = t;
            // SAFETY: `t` is the contents of an `Arc<T>` still alive (in the
            // binding's cell or its `retired` list): one more strong
            // reference to it is taken, then handed out.
            unsafe {
                Arc::increment_strong_count(ptr);
                Arc::from_raw(ptr)
            }
        })
    }
}

impl<T> Drop for Current<'_, T> {
    fn drop(&mut self) {
        let running = self.binding.running.get() - 1;
        self.binding.running.set(running);
        if running == 0 {
            // SAFETY: no call is running, so nothing refers to a retired
            // target any more.
            unsafe { (*self.binding.retired.get()).clear() };
        }
    }
}

/// The user data of a registration: a binding, boxed for SQLite.
pub(crate) type BindingData<T> = Arc<Binding<T>>;

/// Reads the binding a callback was registered with.
///
/// # Safety
/// `p` must be the user data of a registration made with a
/// `BindingData<T>`, still registered.
pub(crate) unsafe fn from_user_data<'a, T>(p: *mut std::ffi::c_void) -> &'a Binding<T> {
    // SAFETY: per the function contract.
    unsafe { &*p.cast::<BindingData<T>>() }
}
