//! The sqlink shell: a sqlite3-compatible command line (options, dot
//! commands, output modes, error messages and exit codes) over any
//! [`Engine`](engine::Engine). It has no dependency on SQLite or wasmtime,
//! so it builds natively and for `wasm32-wasip2`.
//!
//! A host provides an engine and a [`Console`] (line input, output streams,
//! the Ctrl-C flag) and calls [`run`].

pub mod args;
mod cli;
pub mod console;
mod delimited;
mod dot;
pub mod engine;
pub mod format;
mod help;
mod input;
mod keywords;
mod output;
mod scan;
mod settings;
mod shell;
mod timer;
mod x87;

pub use cli::{VERSION, run};
pub use console::{BufLineReader, Console, Interrupt, LineReader, ReadLine};
pub use settings::{Mode, Settings};
pub use shell::Shell;
