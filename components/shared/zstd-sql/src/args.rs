//! Arguments read as rusqlite's `Context::get` reads them in the reference,
//! and errors reported as rusqlite reports a Rust function's.

use crate::chain::Chain;
use sqlink_sdk::{Error, Value};

/// SQLITE_CONSTRAINT_FUNCTION: what rusqlite reports a Rust function's
/// error as.
pub const CONSTRAINT_FUNCTION: i32 = 19 | (4 << 8);

/// The reference's `ah`: the whole anyhow chain, as `{:?}` prints it.
pub fn sql_error(e: Chain) -> Error {
    Error::with_code(CONSTRAINT_FUNCTION, e.to_string())
}

/// rusqlite's name for a value's type.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "Null",
        Value::Integer(_) => "Integer",
        Value::Real(_) => "Real",
        Value::Text(_) => "Text",
        Value::Blob(_) => "Blob",
    }
}

/// An error of rusqlite's `Context::get`, its own Display as the message.
#[derive(Debug)]
pub struct ArgError(pub String);

impl std::fmt::Display for ArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ArgError {}

/// `ctx.get::<i64>(index)`: integers only.
pub fn get_i64(value: &Value, index: usize) -> Result<i64, ArgError> {
    match value {
        Value::Integer(i) => Ok(*i),
        other => Err(ArgError(format!("Invalid function parameter type {} at index {index}", type_name(other)))),
    }
}

/// `ctx.get::<i32>(index)`.
pub fn get_i32(value: &Value, index: usize) -> Result<i32, ArgError> {
    let i = get_i64(value, index)?;
    i32::try_from(i).map_err(|_| ArgError(format!("Integer {i} out of range at index {index}")))
}

/// `ctx.get::<bool>(index)`: an integer, true when non-zero.
pub fn get_bool(value: &Value, index: usize) -> Result<bool, ArgError> {
    get_i64(value, index).map(|i| i != 0)
}

/// `ctx.get::<f64>(index)`: integers and reals.
pub fn get_f64(value: &Value, index: usize) -> Result<f64, ArgError> {
    match value {
        Value::Integer(i) => Ok(*i as f64),
        Value::Real(r) => Ok(*r),
        other => Err(ArgError(format!("Invalid function parameter type {} at index {index}", type_name(other)))),
    }
}
