//! The spi guard in the engine: while an extension's own SQL runs
//! ([`as_extension`]: served from inside one of its calls, or through
//! `connection.serve`), what reaches beyond the connection is refused by
//! the authorizer (the rules are
//! `sqlink_sqlite::spi_guard`'s, as in the native host), and the
//! statement fails with SQLITE_AUTH and the reason instead of SQLite's
//! "not authorized".

use sqlink_sqlite::{ffi, spi_guard};
use std::cell::{Cell, RefCell};
use std::ffi::c_int;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static REFUSED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The authorizer's answer while the guard is on: SQLITE_DENY for what it
/// refuses (remembering why), None to let the others decide.
pub(crate) fn check(code: c_int, arg1: Option<&str>, arg2: Option<&str>) -> Option<c_int> {
    if !ON.with(Cell::get) {
        return None;
    }
    let reason = spi_guard::refusal(code, arg1, arg2)?;
    REFUSED.with(|r| *r.borrow_mut() = Some(reason));
    Some(ffi::SQLITE_DENY)
}

/// Why the guard refused the statement that just failed, if it did
/// (taken: the next failure starts afresh).
pub(crate) fn take_refusal() -> Option<String> {
    REFUSED.with(|r| r.borrow_mut().take())
}

/// Runs `work`, an extension's SQL served inside one of its calls, with
/// the guard on (and as it was afterwards: such SQL may call an extension
/// whose SQL is served in turn).
pub(crate) fn as_extension<R>(work: impl FnOnce() -> R) -> R {
    let was = ON.with(|o| o.replace(true));
    if !was {
        REFUSED.with(|r| *r.borrow_mut() = None);
    }
    let result = work();
    ON.with(|o| o.set(was));
    result
}
