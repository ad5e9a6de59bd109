//! What an extension's own SQL (its `spi` grant) may not do: reach beyond
//! the connection it was given. Every host checks the statements an
//! extension prepares with [`refusal`], from an authorizer installed for
//! that purpose, so the rule is the same whether SQLite runs natively or
//! in wasm.
//!
//! Refused: opening other files (`ATTACH`, and `VACUUM INTO`, which SQLite
//! authorizes as an attach of its target), detaching the operator's
//! databases, settings that weaken the schema's defences
//! (`writable_schema`, `trusted_schema`) or move SQLite's files
//! (`temp_store_directory`, `data_store_directory`), and functions that
//! load code or touch files on the host's behalf (`load_extension`,
//! sqlink's own `sqlink_load`/`sqlink_unload`, the sqlite3 shell's
//! `readfile`/`writefile`/`edit`, and `fts3_tokenizer`, whose two-argument
//! form takes a raw pointer).
//!
//! The guard is on while an extension's own SQL runs on a thread
//! ([`guarded`]); the host's authorizer asks [`check`], which denies what
//! [`refusal`] names and remembers why, so the statement's error can give
//! the reason ([`take_refusal`]) instead of SQLite's "not authorized".

use crate::ffi;
use std::cell::{Cell, RefCell};
use std::ffi::c_int;

thread_local! {
    /// How many guarded runs are under way on this thread: SQL an
    /// extension runs may call another extension whose SQL runs in turn.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Why the guard last refused something, until taken.
    static REFUSED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work`, SQL an extension asked for (prepared and stepped: SQLite
/// authorizes some actions only when a statement runs, such as VACUUM
/// INTO's attach), with the guard on. The outermost run starts with no
/// refusal remembered.
pub fn guarded<R>(work: impl FnOnce() -> R) -> R {
    /// Turns the guard back to what it was, even if `work` unwinds.
    struct Leave(u32);
    impl Drop for Leave {
        fn drop(&mut self) {
            DEPTH.with(|d| d.set(self.0));
        }
    }
    let depth = DEPTH.with(|d| d.replace(d.get() + 1));
    if depth == 0 {
        REFUSED.with(|r| *r.borrow_mut() = None);
    }
    let _leave = Leave(depth);
    work()
}

/// The authorizer's answer while the guard is on: `SQLITE_DENY` for what
/// [`refusal`] refuses (remembering why), `None` to let the connection's
/// other authorizers decide.
pub fn check(code: c_int, arg1: Option<&str>, arg2: Option<&str>) -> Option<c_int> {
    if DEPTH.with(Cell::get) == 0 {
        return None;
    }
    let reason = refusal(code, arg1, arg2)?;
    REFUSED.with(|r| *r.borrow_mut() = Some(reason));
    Some(ffi::SQLITE_DENY)
}

/// Why the guard refused the statement that just failed, if it did. Taken:
/// the next failure starts afresh.
pub fn take_refusal() -> Option<String> {
    REFUSED.with(|r| r.borrow_mut().take())
}

/// Pragmas an extension may read but not set.
const GUARDED_PRAGMAS: &[&str] = &["writable_schema", "trusted_schema", "temp_store_directory", "data_store_directory"];

/// Functions an extension's SQL may not call.
const GUARDED_FUNCTIONS: &[&str] = &["load_extension", "sqlink_load", "sqlink_unload", "readfile", "writefile", "edit", "fts3_tokenizer"];

/// Why an extension's statement may not do what SQLite asks the authorizer
/// about (`code` and its first two arguments, as `sqlite3_set_authorizer`
/// passes them), or `None` when it may.
pub fn refusal(code: i32, arg1: Option<&str>, arg2: Option<&str>) -> Option<String> {
    let is = |list: &[&str], name: Option<&str>| name.is_some_and(|n| list.iter().any(|g| g.eq_ignore_ascii_case(n)));
    match code {
        ffi::SQLITE_ATTACH => Some(format!(
            "an extension may not open another database file (ATTACH or VACUUM INTO '{}'): only the operator attaches files",
            arg1.unwrap_or_default()
        )),
        ffi::SQLITE_DETACH => Some(format!("an extension may not detach the database '{}'", arg1.unwrap_or_default())),
        ffi::SQLITE_PRAGMA if arg2.is_some() && is(GUARDED_PRAGMAS, arg1) => {
            Some(format!("an extension may not set PRAGMA {}: it weakens the connection's defences", arg1.unwrap_or_default()))
        }
        ffi::SQLITE_FUNCTION if is(GUARDED_FUNCTIONS, arg2) => {
            Some(format!("an extension may not call {}(): it loads code or reaches files outside its grants", arg2.unwrap_or_default()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaching_beyond_the_connection_is_refused_and_the_rest_allowed() {
        assert!(refusal(ffi::SQLITE_ATTACH, Some("/etc/x.db"), None).unwrap().contains("'/etc/x.db'"));
        assert!(refusal(ffi::SQLITE_DETACH, Some("aux"), None).is_some());
        assert!(refusal(ffi::SQLITE_PRAGMA, Some("writable_schema"), Some("1")).is_some());
        assert!(refusal(ffi::SQLITE_PRAGMA, Some("Trusted_Schema"), Some("on")).is_some());
        // Reading them is fine, as is setting others.
        assert_eq!(refusal(ffi::SQLITE_PRAGMA, Some("trusted_schema"), None), None);
        assert_eq!(refusal(ffi::SQLITE_PRAGMA, Some("cache_size"), Some("100")), None);
        assert!(refusal(ffi::SQLITE_FUNCTION, None, Some("LOAD_EXTENSION")).unwrap().contains("LOAD_EXTENSION()"));
        assert!(refusal(ffi::SQLITE_FUNCTION, None, Some("sqlink_load")).is_some());
        assert_eq!(refusal(ffi::SQLITE_FUNCTION, None, Some("upper")), None);
        assert_eq!(refusal(ffi::SQLITE_READ, Some("t"), Some("x")), None);
        assert_eq!(refusal(ffi::SQLITE_INSERT, Some("t"), None), None);
    }

    #[test]
    fn the_guard_checks_only_inside_guarded_runs_and_remembers_why() {
        assert_eq!(check(ffi::SQLITE_ATTACH, Some("x.db"), None), None);
        let inner = guarded(|| {
            assert_eq!(check(ffi::SQLITE_ATTACH, Some("x.db"), None), Some(ffi::SQLITE_DENY));
            // A nested run keeps the guard on, and the refusal, when it ends.
            guarded(|| assert_eq!(check(ffi::SQLITE_READ, Some("t"), Some("a")), None));
            assert_eq!(check(ffi::SQLITE_DETACH, Some("aux"), None), Some(ffi::SQLITE_DENY));
            take_refusal()
        });
        assert!(inner.unwrap().contains("detach the database 'aux'"));
        assert_eq!(take_refusal(), None);
        assert_eq!(check(ffi::SQLITE_DETACH, Some("aux"), None), None);
        // An outermost run forgets a refusal nobody took.
        guarded(|| check(ffi::SQLITE_ATTACH, Some("y.db"), None));
        guarded(|| assert_eq!(take_refusal(), None));
        // A run that unwinds turns the guard off.
        assert!(std::panic::catch_unwind(|| guarded(|| panic!("boom"))).is_err());
        assert_eq!(check(ffi::SQLITE_ATTACH, Some("x.db"), None), None);
    }
}
