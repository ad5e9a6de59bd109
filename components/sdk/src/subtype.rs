//! Argument subtypes, for functions flagged `subtype`.

use std::cell::RefCell;

thread_local! {
    static ARG_SUBTYPES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The SQLite subtype of argument `index` of the running call, 0 when it has
/// none. Only functions flagged `subtype` receive subtypes; for others this
/// is always 0.
pub fn arg_subtype(index: usize) -> u8 {
    ARG_SUBTYPES.with(|s| s.borrow().get(index).copied().unwrap_or(0))
}

/// Runs `f` with the argument subtypes of the current call available.
pub fn with_arg_subtypes<R>(subtypes: Vec<u8>, f: impl FnOnce() -> R) -> R {
    let previous = ARG_SUBTYPES.with(|s| s.replace(subtypes));
    let result = f();
    ARG_SUBTYPES.with(|s| s.replace(previous));
    result
}

/// Runs `f` for one aggregate row with its arguments' subtypes available
/// (none to set when the host sent none).
pub fn with_row_subtypes<R>(subtypes: &[u8], f: impl FnOnce() -> R) -> R {
    if subtypes.is_empty() { f() } else { with_arg_subtypes(subtypes.to_vec(), f) }
}
