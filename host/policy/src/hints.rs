//! How messages tell the user to grant or set something: with the shell's
//! `.load` flags, or with `sqlink_load()`'s arguments. A process uses one
//! or the other (the shell, or a program that loaded `libsqlink_loader`).

use std::sync::atomic::{AtomicBool, Ordering};

static SQL: AtomicBool = AtomicBool::new(false);

/// The syntax hints are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hints {
    /// `.load FILE --grant spi --timeout MS`
    Shell,
    /// `sqlink_load(path, 'spi', 'timeout=MS')`
    Sql,
}

/// Chooses the syntax for this process.
pub fn set_hints(hints: Hints) {
    SQL.store(hints == Hints::Sql, Ordering::Relaxed);
}

fn sql() -> bool {
    SQL.load(Ordering::Relaxed)
}

/// How to grant `capability`, e.g. `--grant spi`.
pub fn grant(capability: &str) -> String {
    if sql() { format!("sqlink_load(path, '{capability}')") } else { format!("--grant {capability}") }
}

/// How to set a load option, e.g. `--timeout MS`.
pub fn option(name: &str, value: &str) -> String {
    if sql() { format!("sqlink_load(path, grants, '{name}={value}')") } else { format!("--{name} {value}") }
}

/// How to unload extension `name`.
pub fn unload(name: &str) -> String {
    if sql() { format!("sqlink_unload('{name}')") } else { format!(".unload {name}") }
}
