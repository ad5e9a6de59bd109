//! Registering virtual table modules.

use crate::function::c_name;
use crate::{Db, Error, ffi};
use std::ffi::c_void;
use std::ptr;

impl Db {
    /// Registers virtual table module `name` with callbacks `module` and
    /// client data `data` (its `pAux`); SQLite drops `data` when the module
    /// is replaced or deleted, or the connection closes (or right away if
    /// registration fails). Registering a name again replaces the module.
    pub fn create_module<T>(self, name: &str, module: &'static ffi::sqlite3_module, data: Box<T>) -> Result<(), Error> {
        unsafe extern "C" fn destroy<T>(p: *mut c_void) {
            // SAFETY: `p` came from `Box::into_raw` below; SQLite calls the
            // destructor once.
            drop(unsafe { Box::from_raw(p.cast::<T>()) });
        }
        let c = c_name(name)?;
        // SAFETY: valid handle, name and module table (static); SQLite owns
        // `data` from here.
        let rc = unsafe { ffi::sqlite3_create_module_v2(self.raw(), c.as_ptr(), module, Box::into_raw(data).cast(), Some(destroy::<T>)) };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }

    /// Removes module `name`. Tables already connected keep the module's
    /// callbacks (SQLite counts references) until they disconnect.
    pub fn delete_module(self, name: &str) -> Result<(), Error> {
        let c = c_name(name)?;
        // SAFETY: valid handle and name; no module means "delete".
        let rc = unsafe { ffi::sqlite3_create_module_v2(self.raw(), c.as_ptr(), ptr::null(), ptr::null_mut(), None) };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }

    /// Whether a virtual table module of this name exists on the
    /// connection (SQLite's own, such as `json_each`, or registered).
    ///
    /// `PRAGMA module_list` reads no schema, so it needs no lock on the
    /// database: the answer does not wait for, or fail on, a database
    /// another connection holds (`SELECT ... FROM pragma_module_list`
    /// would, for every module checked).
    pub fn module_exists(self, name: &str) -> bool {
        let Ok((Some(mut stmt), _)) = self.prepare("PRAGMA module_list") else { return false };
        while let Ok(true) = stmt.step() {
            if let crate::ValueRef::Text(listed) = stmt.column(0)
                && listed.eq_ignore_ascii_case(name.as_bytes())
            {
                return true;
            }
        }
        false
    }
}
