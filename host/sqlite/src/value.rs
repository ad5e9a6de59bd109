//! SQL values, owned and borrowed.

use crate::ffi;
use std::slice;

/// An owned SQL value, byte-exact (text need not be valid UTF-8).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

/// A SQL value borrowed from SQLite (a column or a function argument).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

impl ValueRef<'_> {
    pub fn to_owned(self) -> Value {
        match self {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(r) => Value::Real(r),
            ValueRef::Text(t) => Value::Text(t.to_vec()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        }
    }

    /// Reads a protected or unprotected `sqlite3_value`.
    ///
    /// # Safety
    /// `value` must be valid for `'a` and not be converted by anyone else
    /// meanwhile.
    pub unsafe fn from_raw<'a>(value: *mut ffi::sqlite3_value) -> ValueRef<'a> {
        // SAFETY: per the contract above. Text and blob pointers are taken
        // before their lengths, as SQLite requires.
        unsafe {
            match ffi::sqlite3_value_type(value) {
                ffi::SQLITE_INTEGER => ValueRef::Integer(ffi::sqlite3_value_int64(value)),
                ffi::SQLITE_FLOAT => ValueRef::Real(ffi::sqlite3_value_double(value)),
                ffi::SQLITE_TEXT => {
                    let p = ffi::sqlite3_value_text(value);
                    let n = ffi::sqlite3_value_bytes(value) as usize;
                    ValueRef::Text(if p.is_null() || n == 0 { &[] } else { slice::from_raw_parts(p, n) })
                }
                ffi::SQLITE_BLOB => {
                    let p = ffi::sqlite3_value_blob(value).cast::<u8>();
                    let n = ffi::sqlite3_value_bytes(value) as usize;
                    ValueRef::Blob(if p.is_null() || n == 0 { &[] } else { slice::from_raw_parts(p, n) })
                }
                _ => ValueRef::Null,
            }
        }
    }
}

impl Value {
    pub fn as_ref(&self) -> ValueRef<'_> {
        match self {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(r) => ValueRef::Real(*r),
            Value::Text(t) => ValueRef::Text(t),
            Value::Blob(b) => ValueRef::Blob(b),
        }
    }
}
