//! Error chains printed as the reference prints its anyhow errors (`{:?}`
//! without a backtrace): the outermost message, then `Caused by:` and the
//! causes, numbered when there are several.

use std::fmt;

/// An error and the errors that caused it, outermost first.
#[derive(Debug)]
pub struct Chain(Vec<String>);

impl Chain {
    /// An error of one message.
    pub fn msg(message: String) -> Chain {
        Chain(vec![message])
    }

    /// A library error and its sources.
    pub fn of(e: impl std::error::Error) -> Chain {
        let mut messages = vec![e.to_string()];
        let mut source = e.source();
        while let Some(s) = source {
            messages.push(s.to_string());
            source = s.source();
        }
        Chain(messages)
    }

    /// This error as the cause of `context`.
    pub fn context(mut self, context: &str) -> Chain {
        self.0.insert(0, context.to_string());
        self
    }
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (first, causes) = self.0.split_first().expect("a chain has a message");
        f.write_str(first)?;
        match causes {
            [] => Ok(()),
            [one] => write!(f, "\n\nCaused by:\n    {}", indent(one, "    ")),
            many => {
                f.write_str("\n\nCaused by:")?;
                for (i, cause) in many.iter().enumerate() {
                    write!(f, "\n    {i}: {}", indent(cause, "       "))?;
                }
                Ok(())
            }
        }
    }
}

/// Later lines of a multi-line message indented as anyhow indents them.
fn indent(message: &str, pad: &str) -> String {
    message.replace('\n', &format!("\n{pad}"))
}

/// anyhow's `.context(...)` on results.
pub trait Context<T> {
    fn context(self, context: &str) -> Result<T, Chain>;
}

impl<T, E: std::error::Error> Context<T> for Result<T, E> {
    fn context(self, context: &str) -> Result<T, Chain> {
        self.map_err(|e| Chain::of(e).context(context))
    }
}

impl<T> Context<T> for Result<T, Chain> {
    fn context(self, context: &str) -> Result<T, Chain> {
        self.map_err(|e| e.context(context))
    }
}

/// anyhow's `bail!`.
#[macro_export]
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::chain::Chain::msg(format!($($arg)*)))
    };
}
pub use crate::bail;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_as_anyhow_debug() {
        assert_eq!(Chain::msg("a".into()).to_string(), "a");
        assert_eq!(Chain::msg("b".into()).context("a").to_string(), "a\n\nCaused by:\n    b");
        assert_eq!(Chain::msg("c".into()).context("b").context("a").to_string(), "a\n\nCaused by:\n    0: b\n    1: c");
    }
}
