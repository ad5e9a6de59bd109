//! SQL on the calling connection. Needs the `spi` capability, declared in
//! the manifest (`capabilities = ["spi"]`) and granted by the operator.

use crate::error::Error;
use crate::value::Value;
use crate::wit::spi as raw;

pub use crate::wit::spi::{FunctionBody, Rows};
pub use crate::wit::types::FunctionFlags;

fn lift(e: crate::wit::types::SqlError) -> Error {
    Error::with_code(e.code, e.message)
}

/// Runs one statement with `params` bound in order; returns its rows.
pub fn query(sql: &str, params: &[Value]) -> Result<Rows, Error> {
    raw::query(sql, params).map_err(lift)
}

/// Runs every statement of a script; returns the rows of each.
pub fn execute(sql: &str) -> Result<Vec<Rows>, Error> {
    raw::execute(sql).map_err(lift)
}

/// How many parameters a statement takes, without running it.
pub fn parameter_count(sql: &str) -> Result<u32, Error> {
    raw::parameter_count(sql).map_err(lift)
}

/// Registers a scalar function on the calling connection.
pub fn declare_function(name: &str, arity: i32, flags: FunctionFlags, body: &FunctionBody) -> Result<(), Error> {
    raw::declare_function(name, arity, flags, body).map_err(lift)
}

/// Removes a function registered with [`declare_function`].
pub fn forget_function(name: &str, arity: i32) -> Result<(), Error> {
    raw::forget_function(name, arity).map_err(lift)
}
