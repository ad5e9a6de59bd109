//! Arguments and errors as the reference (rusqlite's function API) sees
//! and reports them.

use crate::codecs::Codec;
use sqlink_sdk::{Error, Value};

/// SQLITE_CONSTRAINT_FUNCTION: the result code rusqlite gives every error a
/// Rust function returns.
const CONSTRAINT_FUNCTION: i32 = 19 | (4 << 8);

/// An error as the reference raises it.
pub fn error(message: impl Into<String>) -> Error {
    Error::with_code(CONSTRAINT_FUNCTION, message)
}

/// rusqlite's name for a value's type.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "Null",
        Value::Integer(_) => "Integer",
        Value::Real(_) => "Real",
        Value::Text(_) => "Text",
        Value::Blob(_) => "Blob",
    }
}

/// rusqlite's `InvalidFunctionParameterType`.
pub fn wrong_type(index: usize, value: &Value) -> Error {
    error(format!("Invalid function parameter type {} at index {index}", type_name(value)))
}

/// rusqlite's `InvalidParameterCount` (the reference always says needed 1).
fn wrong_count(got: usize) -> Error {
    error(format!("Wrong number of parameters passed to query. Got {got}, needed 1"))
}

/// `ctx.get::<u32>(index)`: an integer in range, else rusqlite's error.
fn get_u32(args: &[Value], index: usize) -> Result<u32, Error> {
    match &args[index] {
        Value::Integer(i) => u32::try_from(*i).map_err(|_| error(format!("Integer {i} out of range at index {index}"))),
        other => Err(wrong_type(index, other)),
    }
}

/// `NAME(x[, level])`: text or a blob compressed; NULL for NULL. The level
/// is read first.
pub fn encode<C: Codec>(args: &[Value]) -> Result<Value, Error> {
    if args.is_empty() || args.len() > 2 {
        return Err(wrong_count(args.len()));
    }
    let level = if args.len() == 2 { Some(get_u32(args, 1)?) } else { None };
    match &args[0] {
        Value::Blob(data) | Value::Text(data) => Ok(Value::Blob(C::encode(data, level).map_err(error)?)),
        Value::Null => Ok(Value::Null),
        other => Err(wrong_type(0, other)),
    }
}

/// The one blob argument of `NAME_decode` and `NAME_test`, or None for NULL.
fn one_blob(args: &[Value]) -> Result<Option<&[u8]>, Error> {
    if args.len() != 1 {
        return Err(wrong_count(args.len()));
    }
    match &args[0] {
        Value::Blob(data) => Ok(Some(data)),
        Value::Null => Ok(None),
        other => Err(wrong_type(0, other)),
    }
}

/// `NAME_decode(b)`: the decompressed blob; NULL for NULL.
pub fn decode<C: Codec>(args: &[Value]) -> Result<Value, Error> {
    match one_blob(args)? {
        Some(data) => Ok(Value::Blob(C::decode(data).map_err(error)?)),
        None => Ok(Value::Null),
    }
}

/// `NAME_test(b)`: 1 if b decompresses, else 0; NULL for NULL.
pub fn test<C: Codec>(args: &[Value]) -> Result<Value, Error> {
    Ok(one_blob(args)?.map_or(Value::Null, |data| Value::Integer(C::test(data) as i64)))
}

/// Text or a blob as bytes, None for NULL, else rusqlite's type error.
fn bytes(value: &Value, index: usize) -> Result<Option<&[u8]>, Error> {
    match value {
        Value::Blob(b) | Value::Text(b) => Ok(Some(b)),
        Value::Null => Ok(None),
        other => Err(wrong_type(index, other)),
    }
}

/// What diffs and patches: two byte strings in, one out, or an error.
pub type DiffFn = fn(&[u8], &[u8]) -> Result<Vec<u8>, String>;

/// A diff or patch function of two arguments: NULL if the first is NULL
/// (before the second is looked at), then if the second is.
pub fn patch(a: &Value, b: &Value, f: DiffFn) -> Result<Value, Error> {
    let Some(a) = bytes(a, 0)? else { return Ok(Value::Null) };
    let Some(b) = bytes(b, 1)? else { return Ok(Value::Null) };
    Ok(Value::Blob(f(a, b).map_err(error)?))
}
