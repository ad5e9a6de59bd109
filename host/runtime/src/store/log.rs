//! The `log` import: an extension's messages on the host's stderr, named
//! after it and filtered by `SQLINK_LOG`.

use super::HostState;
use crate::wit::log::{Host, Level};

impl Host for HostState {
    fn log(&mut self, level: Level, message: String) {
        let threshold = match std::env::var("SQLINK_LOG").as_deref() {
            Ok("trace") => 0,
            Ok("debug") => 1,
            Ok("info") => 2,
            Ok("error") => 4,
            _ => 3,
        };
        let (rank, word) = match level {
            Level::Trace => (0, "trace"),
            Level::Debug => (1, "debug"),
            Level::Info => (2, "info"),
            Level::Warn => (3, "warning"),
            Level::Error => (4, "error"),
        };
        if rank >= threshold {
            eprintln!("{}: {word}: {message}", self.extension);
        }
    }
}
