//! Errors of the runtime, carrying a SQLite result code.

use std::fmt;

/// An error to show a user: a SQLite result code and a message that already
/// names the extension where one is involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub code: i32,
    pub message: String,
}

impl Error {
    /// SQLITE_ERROR with a message.
    pub fn new(message: impl Into<String>) -> Error {
        Error { code: 1, message: message.into() }
    }

    pub fn with_code(code: i32, message: impl Into<String>) -> Error {
        Error { code, message: message.into() }
    }

    /// The same error, its message prefixed (e.g. with the file loaded).
    pub fn context(self, prefix: impl fmt::Display) -> Error {
        Error { code: self.code, message: format!("{prefix}: {}", self.message) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<sqlink_policy::Denied> for Error {
    fn from(d: sqlink_policy::Denied) -> Self {
        // SQLITE_AUTH: not allowed by the operator's policy.
        Error::with_code(23, d.0)
    }
}

impl From<Error> for crate::wit::SqlError {
    fn from(e: Error) -> Self {
        crate::wit::SqlError { code: e.code, message: e.message }
    }
}

impl From<sqlink_sqlite::Error> for Error {
    fn from(e: sqlink_sqlite::Error) -> Self {
        Error::with_code(e.code, e.message)
    }
}

/// An error the extension returned, worded as it worded it: SQLite shows
/// it as it would a native extension's `sqlite3_result_error`, so an
/// extension compatible with another gives the same messages. What the
/// host detects itself (a trap, a timeout, a limit, a failed attach) names
/// the extension instead.
impl From<crate::wit::SqlError> for Error {
    fn from(e: crate::wit::SqlError) -> Self {
        Error::with_code(e.code, e.message)
    }
}
