//! Shell dot commands: an extension's `#[dot_command]` functions, run as
//! `.NAME args...` in sqlink's shell.
//!
//! ```ignore
//! /// Prints its arguments in reverse order.
//! #[dot_command(name = "reverse", usage = "ARG...")]
//! fn reverse(args: &[String]) -> Result<String> {
//!     Ok(args.iter().rev().cloned().collect::<Vec<_>>().join(" "))
//! }
//! ```
//!
//! The arguments arrive as the shell parsed them (quotes removed); the text
//! returned is printed (a newline is added when missing). The `///` comment
//! is the command's `.help` text.

use crate::error::{Error, Result};

/// What a dot command may return: its output, or an error to show.
pub trait IntoDotOutput {
    fn into_dot_output(self) -> Result<String>;
}

impl IntoDotOutput for String {
    fn into_dot_output(self) -> Result<String> {
        Ok(self)
    }
}

impl IntoDotOutput for &str {
    fn into_dot_output(self) -> Result<String> {
        Ok(self.to_string())
    }
}

impl<T: IntoDotOutput, E: Into<Error>> IntoDotOutput for std::result::Result<T, E> {
    fn into_dot_output(self) -> Result<String> {
        self.map_err(Into::into).and_then(IntoDotOutput::into_dot_output)
    }
}
