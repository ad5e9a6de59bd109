//! Errors raised into SQL.

use std::fmt::Display;

/// An error an extension raises into SQL: a SQLite result code and a message.
/// The host shows it as `extension NAME: message`.
///
/// Any `Display` error converts into it with `?` (as SQLITE_ERROR), so
/// library errors propagate without ceremony.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub code: i32,
    pub message: String,
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// SQLITE_ERROR: a generic error.
    pub const ERROR: i32 = 1;
    /// SQLITE_TOOBIG: a string or blob is too large.
    pub const TOOBIG: i32 = 18;
    /// SQLITE_CONSTRAINT: a constraint was violated.
    pub const CONSTRAINT: i32 = 19;
    /// SQLITE_MISMATCH: an argument has the wrong type.
    pub const MISMATCH: i32 = 20;
    /// SQLITE_RANGE: an argument is out of range.
    pub const RANGE: i32 = 25;

    /// An SQLITE_ERROR with this message.
    pub fn new(message: impl Into<String>) -> Error {
        Error { code: Self::ERROR, message: message.into() }
    }

    /// An error with an explicit SQLite result code.
    pub fn with_code(code: i32, message: impl Into<String>) -> Error {
        Error { code, message: message.into() }
    }
}

impl<E: Display> From<E> for Error {
    fn from(e: E) -> Error {
        Error::new(e.to_string())
    }
}

/// Converts to the contract's error record.
pub fn sql_error(e: Error) -> crate::wit::types::SqlError {
    crate::wit::types::SqlError { code: e.code, message: e.message }
}
