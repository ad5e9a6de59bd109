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

/// An extension file of a catalog directory, as `.extensions --catalog`
/// lists it: what it provides and what loading it must grant, read from
/// its manifest without loading it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The file, as the directory was given plus its name.
    pub file: String,
    pub name: String,
    pub version: String,
    /// What it does and which reference it is compatible with.
    pub description: String,
    /// Bare SQL names with their arity, e.g. `base64(1)`.
    pub functions: Vec<String>,
    pub aggregates: Vec<String>,
    pub collations: Vec<String>,
    /// Virtual table modules (table-valued functions among them).
    pub vtabs: Vec<String>,
    pub dot_commands: Vec<String>,
    /// The `--grant` options loading it needs, e.g. `spi`, `fs:DIR`.
    pub grants: Vec<String>,
    /// Why the file could not be described (it is listed all the same).
    pub error: Option<String>,
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
    /// Without the leading dot.
    pub name: String,
    /// The extension that provides it.
    pub extension: String,
    pub usage: String,
    pub help: String,
}

/// How copying a whole database (`.backup`, `.save`, `.restore`) failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyError {
    /// The other database file could not be opened.
    Open,
    /// The source database stayed locked by another connection.
    Busy,
    /// The copy failed; SQLite's message.
    Failed(String),
}

/// The query sqlite3's shell looks up the value of a statement's parameter
/// with, before running the statement: `.parameter set` stores them there.
pub const PARAMETER_LOOKUP: &str = "SELECT value FROM temp.sqlite_parameters WHERE key=?1";

/// The key parameter `index` (from 1) is stored under in
/// `temp.sqlite_parameters`: its name as written (`:name`, `$name`,
/// `@name`, `?7`), or `?N` for a bare `?`.
pub fn parameter_key(index: usize, name: Option<&str>) -> String {
    match name {
        Some(n) => n.to_string(),
        None => format!("?{index}"),
    }
}

/// Whether `sql` may contain a statement parameter: a `?`, `:`, `@` or `$`
/// outside string literals, quoted names and comments. `false` is certain;
/// engines whose cheapest path prepares and steps in one call use it to
/// take that path only when nothing needs binding.
pub fn may_have_parameters(sql: &str) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'?' | b':' | b'@' | b'$' => return true,
            q @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
            }
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    false
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
    ///
    /// Before stepping it, binds its parameters as sqlite3's shell does
    /// (so `.parameter set` works): each to the value [`PARAMETER_LOOKUP`]
    /// finds for its [`parameter_key`], NULL when none; nothing when
    /// `temp.sqlite_parameters` does not exist.
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

    /// The extension files of a catalog directory (`dir`, or the engine's
    /// own catalog), described without loading them, by file name; `Err`
    /// when there is no such directory.
    fn catalog(&self, _dir: Option<&str>) -> Result<Vec<CatalogEntry>, String> {
        Err("this build lists no catalog: run .extensions for its built-in extensions".into())
    }

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

    /// Copies the attached database `schema` into the database file at
    /// `path` (created if missing), replacing what it held, with SQLite's
    /// online backup (`.backup`, `.save`). `no_sync` writes the copy without
    /// a journal or fsync (`--async`). The shell cannot do this with SQL:
    /// `VACUUM INTO` refuses an existing file and copies differently.
    fn backup(&mut self, _schema: &str, _path: &str, _no_sync: bool) -> Result<(), CopyError> {
        Err(CopyError::Failed("this engine cannot make backups".into()))
    }

    /// Replaces the content of the attached database `schema` with that of
    /// the database file at `path` (created empty if missing, as sqlite3
    /// does), with SQLite's online backup (`.restore`).
    fn restore(&mut self, _schema: &str, _path: &str) -> Result<(), CopyError> {
        Err(CopyError::Failed("this engine cannot restore backups".into()))
    }

    /// Sets whether EXPLAIN QUERY PLAN also shows the plans of triggers
    /// (`SQLITE_DBCONFIG_TRIGGER_EQP`, for `.eqp trigger` and `.eqp full`);
    /// returns the previous setting. No SQL reaches this setting.
    fn set_trigger_eqp(&mut self, _on: bool) -> Result<bool, String> {
        Err("this engine cannot show the query plans of triggers".into())
    }

    /// Makes `dir` the working directory (`.cd`): relative file names the
    /// shell opens (`.read`, `.import`) and those the engine opens (`.open`,
    /// `ATTACH`, `.backup`) resolve against it from then on. This default
    /// suits an engine that opens files as this process.
    fn change_directory(&mut self, dir: &str) -> Result<(), String> {
        std::env::set_current_dir(dir).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_possible_parameters() {
        assert!(!may_have_parameters("select 'a:b', \"c?d\", [e@f] -- g$h\n/* :i */ from t;"));
        assert!(may_have_parameters("select :a"));
        assert!(may_have_parameters("select 1; select ?"));
        assert!(!may_have_parameters("select 'unterminated; ?"));
        assert!(!may_have_parameters("select 1 /* unterminated ?"));
        assert_eq!(parameter_key(3, None), "?3");
        assert_eq!(parameter_key(1, Some("$x")), "$x");
    }
}
