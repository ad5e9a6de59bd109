//! SQLite errors with their codes.

use crate::ffi;
use std::fmt;

/// An error from SQLite: the (extended) result code, the message, and for
/// errors in SQL text the byte offset SQLite points at.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub code: i32,
    pub message: String,
    pub offset: Option<usize>,
}

impl Error {
    pub fn new(code: i32, message: impl Into<String>) -> Error {
        Error { code, message: message.into(), offset: None }
    }

    /// The primary result code (the low byte of the extended code).
    pub fn primary_code(&self) -> i32 {
        self.code & 0xff
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// SQLite's English text for a result code.
pub fn describe_code(rc: i32) -> String {
    // SAFETY: sqlite3_errstr returns a static string for any code.
    unsafe {
        let s = ffi::sqlite3_errstr(rc);
        if s.is_null() { format!("error code {rc}") } else { std::ffi::CStr::from_ptr(s).to_string_lossy().into_owned() }
    }
}
