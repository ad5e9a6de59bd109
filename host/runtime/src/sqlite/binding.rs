//! Registrations whose target can change without touching SQLite.
//!
//! SQLite refuses to replace or delete a function or collation while any
//! statement runs — which is always the case when loading and unloading
//! happen from SQL (`select sqlink_unload(...)`). So every name the host
//! registers is a [`Binding`]: SQLite calls the binding, and the binding
//! points at whatever serves the name now — an extension, SQLite's own
//! built-in (restored after a pin goes away), or nothing (unloaded; the
//! registration itself is removed once SQLite allows it).

use arc_swap::ArcSwapOption;
use std::sync::Arc;

/// One registered name and what currently serves it.
pub(crate) struct Binding<T> {
    /// The SQL name, for messages.
    pub name: String,
    target: ArcSwapOption<T>,
}

impl<T> Binding<T> {
    pub(crate) fn new(name: &str, target: T) -> Arc<Binding<T>> {
        Arc::new(Binding { name: name.to_string(), target: ArcSwapOption::from_pointee(target) })
    }

    /// Points the name at a new target, or at nothing.
    pub(crate) fn set(&self, target: Option<T>) {
        self.target.store(target.map(Arc::new));
    }

    /// What serves the name now (cheap: no lock, no reference count).
    pub(crate) fn get(&self) -> arc_swap::Guard<Option<Arc<T>>> {
        self.target.load()
    }

    /// The error for a call to a name nothing serves any more.
    pub(crate) fn vacant(&self) -> crate::error::Error {
        crate::error::Error::new(format!("no such function: {} (its extension was unloaded)", self.name))
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
