//! Shadow tables: SQLite's `xShadowName`, which tells it that `t_data` is
//! where the virtual table `t` keeps its rows (so a defensive connection
//! refuses ordinary SQL writing it).
//!
//! SQLite calls `xShadowName(suffix)` with nothing else: no module, no
//! connection. A module whose tables keep shadow tables therefore needs a
//! function of its own that knows its suffixes. There is one per distinct
//! list of suffixes in the process, from a fixed set of functions, each
//! reading the list in its slot; a module table (`sqlite3_module`) made
//! with it is kept for the life of the process, one per (kind of module,
//! list), so a connection registering the same module again reuses it.

use std::any::TypeId;
use std::collections::HashMap;
use std::ffi::{CStr, c_char, c_int};
use std::sync::{Mutex, PoisonError};

use sqlink_sqlite::ffi;

/// How many distinct lists of suffixes one process can serve.
pub const MAX_LISTS: usize = 64;

type ShadowName = unsafe extern "C" fn(*const c_char) -> c_int;

/// The suffix lists by slot, and the module tables made so far.
static TABLES: Mutex<Tables> = Mutex::new(Tables { slots: Vec::new(), modules: None });

struct Tables {
    /// The list each slot holds; a slot once filled never changes.
    slots: Vec<Vec<String>>,
    /// Module tables by (kind of module, variant, slot).
    modules: Option<HashMap<(TypeId, usize, usize), &'static ffi::sqlite3_module>>,
}

fn tables() -> std::sync::MutexGuard<'static, Tables> {
    TABLES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `xShadowName` for slot `S`: whether `suffix` is one of its list, in
/// any case (as SQLite compares table names).
unsafe extern "C" fn shadow_name<const S: usize>(suffix: *const c_char) -> c_int {
    if suffix.is_null() {
        return 0;
    }
    // SAFETY: SQLite passes a NUL-terminated name.
    let suffix = unsafe { CStr::from_ptr(suffix) }.to_bytes();
    let tables = tables();
    let Some(list) = tables.slots.get(S) else { return 0 };
    c_int::from(list.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(suffix)))
}

macro_rules! shadow_names {
    ($($s:literal)*) => { [$(shadow_name::<$s> as ShadowName),*] };
}
const SHADOW_NAMES: [ShadowName; MAX_LISTS] = shadow_names!(
    0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
    32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63
);

/// The module table `base` with an `xShadowName` answering `suffixes`.
/// `kind` and `variant` name `base` (the same for the same table), so
/// each combination is made once. Fails when the process already serves
/// [`MAX_LISTS`] other lists.
pub(crate) fn with_shadow_names(
    base: &'static ffi::sqlite3_module,
    kind: TypeId,
    variant: usize,
    suffixes: &[String],
) -> Result<&'static ffi::sqlite3_module, String> {
    let mut tables = tables();
    let slot = match tables.slots.iter().position(|l| l == suffixes) {
        Some(slot) => slot,
        None if tables.slots.len() < MAX_LISTS => {
            tables.slots.push(suffixes.to_vec());
            tables.slots.len() - 1
        }
        None => {
            return Err(format!(
                "this process already serves {MAX_LISTS} different lists of shadow tables, the most it can; \
                 load fewer extensions whose tables keep shadow tables"
            ));
        }
    };
    let modules = tables.modules.get_or_insert_with(HashMap::new);
    let module = modules.entry((kind, variant, slot)).or_insert_with(|| {
        let mut m = *base;
        m.iVersion = m.iVersion.max(3);
        m.xShadowName = Some(SHADOW_NAMES[slot]);
        Box::leak(Box::new(m))
    });
    Ok(*module)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;

    fn ask(module: &ffi::sqlite3_module, suffix: &str) -> c_int {
        let suffix = CString::new(suffix).unwrap();
        // SAFETY: a valid C string.
        unsafe { module.xShadowName.unwrap()(suffix.as_ptr()) }
    }

    #[test]
    fn each_list_answers_for_its_own_suffixes_in_any_case() {
        // SAFETY: all-zero is a module table without callbacks.
        static BASE: ffi::sqlite3_module = unsafe { std::mem::zeroed() };
        let kind = TypeId::of::<u8>();
        let data = with_shadow_names(&BASE, kind, 0, &["data".into(), "idx".into()]).unwrap();
        let config = with_shadow_names(&BASE, kind, 0, &["config".into()]).unwrap();
        assert_eq!((ask(data, "data"), ask(data, "IDX"), ask(data, "config"), ask(data, "dat")), (1, 1, 0, 0));
        assert_eq!((ask(config, "config"), ask(config, "data")), (1, 0));
        assert!(data.iVersion >= 3);
        // The same list and kind: the same table.
        let again = with_shadow_names(&BASE, kind, 0, &["data".into(), "idx".into()]).unwrap();
        assert!(std::ptr::eq(data, again));
        let other_variant = with_shadow_names(&BASE, kind, 1, &["data".into(), "idx".into()]).unwrap();
        assert!(!std::ptr::eq(data, other_variant));
        assert_eq!(ask(other_variant, "idx"), 1);
    }
}
