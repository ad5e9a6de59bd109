//! What the shell needs from a database engine.
//!
//! The shell is compiled natively (over the bundled SQLite, in `sqlink`) and
//! into a wasm component (over the engine interface of `sqlite-core`). This
//! trait is the seam: everything SQLite- or host-specific sits behind it.

use std::io;

/// A value of a result row, borrowed from the engine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Null,
    Integer(i64),
    Real(f64),
    /// The stored bytes; usually, but not always, valid UTF-8.
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

/// Which step of running a statement failed; the shell words its message
/// after it (`Parse error` / `Runtime error`), as sqlite3 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Prepare,
    Step,
}

/// An error from running SQL.
#[derive(Debug, Clone, PartialEq)]
pub struct SqlError {
    pub phase: Phase,
    /// The SQLite result code (primary or extended); the shell shows the
    /// primary code after the message when it is above 1, as sqlite3 does
    /// (`UNIQUE constraint failed: t.a (19)`), and exits with it for SQL
    /// given on the command line.
    pub code: i32,
    pub message: String,
    /// Byte offset into the statement's text that the error points at, when
    /// SQLite knows it (the shell draws a caret under it).
    pub offset: Option<usize>,
}

impl SqlError {
    /// A failure writing a statement's output to the shell, which every
    /// engine reports alike: SQLITE_IOERR in the step phase.
    pub fn output(e: io::Error) -> SqlError {
        SqlError { phase: Phase::Step, code: 10, message: format!("output error: {e}"), offset: None }
    }
}

/// Rows an engine over the `sqlink:engine` interface fetches per call:
/// enough to amortise the crossing, few enough that a large result never
/// sits in memory whole.
pub const BATCH: u32 = 256;

/// Hands a batch of fetched rows to `sink`, each value converted by
/// `value` (for engines whose rows arrive in batches of owned values).
pub fn send_rows<V>(sink: &mut dyn RowSink, rows: &[Vec<V>], value: impl Fn(&V) -> ValueRef<'_>) -> io::Result<()> {
    // One buffer for the batch: the values borrow from the rows.
    let mut values = Vec::new();
    for row in rows {
        values.clear();
        values.extend(row.iter().map(&value));
        sink.row(&values)?;
    }
    Ok(())
}

/// Receives the result of one statement, row by row.
pub trait RowSink {
    /// Called once, before any row, with the column names.
    fn columns(&mut self, names: &[String]) -> io::Result<()>;
    /// Called for each row, in order.
    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()>;
    /// Called after the last row, also when there were none.
    fn finish(&mut self) -> io::Result<()>;
}

/// How to open a database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenOptions {
    pub readonly: bool,
    /// Delete any existing content first (`.open --new`).
    pub new: bool,
}

/// Options of `.load FILE [--grant CAP]... [--mem BYTES] [--timeout MS]
/// [--pin NAME]... [--prefix P]`, passed through unparsed so the engine
/// reports errors in its own terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Capabilities granted, e.g. `spi`, `fs:/data:ro`, `env:HOME`.
    pub grants: Vec<String>,
    /// Memory cap, e.g. `67108864` or `64M`.
    pub memory: Option<String>,
    /// CPU time per call in milliseconds.
    pub timeout_ms: Option<u64>,
    /// Bare names this extension takes even when something else holds them.
    pub pins: Vec<String>,
    /// The prefix for qualified names, instead of the extension's preferred one.
    pub prefix: Option<String>,
}

/// What a successful `.load` reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// One line: what was loaded and registered (shown interactively, as
    /// sqlite3 prints nothing on a successful `.load` in scripts).
    pub summary: String,
    /// Things the user must know, e.g. names left qualified-only because
    /// something else holds them (always shown, on stderr).
    pub warnings: Vec<String>,
    /// Confirmations, e.g. of pins taking effect (shown interactively).
    pub notes: Vec<String>,
}

/// One loaded extension, as `.extensions` shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtensionInfo {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Where it was loaded from.
    pub source: String,
    pub prefix: String,
    pub namespace: String,
    /// SQL names as callable, e.g. `uuid_str(1)`, `uuid__uuid_str(1)`.
    pub functions: Vec<String>,
    pub aggregates: Vec<String>,
    pub collations: Vec<String>,
    /// Virtual table modules (table-valued functions among them).
    pub vtabs: Vec<String>,
    pub grants: Vec<String>,
    /// Memory cap and CPU time per call; both 0 when nothing enforces
    /// limits (a composed build).
    pub memory_limit: u64,
    pub timeout_ms: u64,
}

/// The transaction state of one attached database (`sqlite3_txn_state`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TxnState {
    /// No transaction open on it.
    #[default]
    None,
    /// A read transaction.
    Read,
    /// A write transaction.
    Write,
}

/// What `.databases` shows about one attached database beyond its file name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchemaState {
    /// Opened read-only (`sqlite3_db_readonly`).
    pub readonly: bool,
    /// Its transaction state.
    pub txn: TxnState,
}

/// A dot command an extension contributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotCommandInfo {
    pub name: String,
    pub usage: String,
    pub help: String,
}

/// A database engine the shell drives.
pub trait Engine {
    /// A one-line description for the banner, e.g. `SQLite 3.54.1`.
    fn version(&self) -> String;

    /// Whether `sql` ends with a complete statement (`sqlite3_complete`).
    fn is_complete(&self, sql: &str) -> bool;

    /// Runs the first statement of `sql`, streaming its rows into `sink`.
    /// Returns how many bytes of `sql` it consumed; when only whitespace and
    /// comments remain, consumes them without calling `sink`.
    fn run(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError>;

    /// Rows changed by the last statement (for `.changes`).
    fn changes(&self) -> i64;

    /// (Re)opens the database at `path` (`:memory:` for a private in-memory
    /// one), closing the previous one. Loaded extensions carry over.
    fn open(&mut self, path: &str, options: &OpenOptions) -> Result<(), String>;

    /// Loads a `.wasm` extension.
    fn load(&mut self, path: &str, options: &LoadOptions) -> Result<LoadReport, String>;

    /// Unloads a loaded extension by name. Returns notes to show
    /// interactively (e.g. bare names another extension now takes).
    fn unload(&mut self, name: &str) -> Result<Vec<String>, String>;

    /// The loaded extensions.
    fn extensions(&self) -> Vec<ExtensionInfo>;

    /// Dot commands contributed by loaded extensions.
    fn dot_commands(&self) -> Vec<DotCommandInfo> {
        Vec::new()
    }

    /// Runs an extension's dot command; `None` if no extension has it.
    fn run_dot_command(&mut self, _name: &str, _args: &[String]) -> Option<Result<String, String>> {
        None
    }

    /// Read-only flag and transaction state of the attached database
    /// `schema` (`main`, `temp`, ...), for `.databases`.
    fn schema_state(&self, _schema: &str) -> SchemaState {
        SchemaState::default()
    }

    /// A handle that interrupts running SQL from another thread (Ctrl-C).
    fn interrupter(&self) -> Box<dyn Fn() + Send + Sync>;
}
