//! `WasmEngine`: the shell's [`Engine`] over the engine interface
//! (`sqlink:engine/sql`) that `sqlite-core` exports and this component
//! imports. In a composed build the extensions are wired in at composition
//! time, so `.load` and `.unload` explain that instead of loading anything.

use crate::bindings::sqlink::engine::sql::{self, Connection, SqlError as WitError};
use crate::bindings::sqlink::extension::types::Value;
use sqlink_shell::engine::{DotCommandInfo, 
    BATCH, CopyError, Engine, ExtensionInfo, LoadOptions, LoadReport, OpenOptions, PARAMETER_LOOKUP, Phase, RowSink,
    SchemaState, SqlError, TxnState, ValueRef, may_have_parameters, parameter_key, send_rows,
};


/// `SQLITE_MISUSE`, for running SQL before a database is open.
const SQLITE_MISUSE: i32 = 21;

/// Where `.load`, `.unload` and `.extensions` send the user who wants to
/// load extensions at run time.
const HOST_HINT: &str = "needs the sqlink host: sqlink --engine wasm";

/// The engine of the `cli` component: the open connection of the imported
/// `sql` interface, if any.
#[derive(Default)]
pub struct WasmEngine {
    conn: Option<Connection>,
}

impl WasmEngine {
    /// An engine with no database open yet (the shell opens one on first use).
    pub fn new() -> Self {
        WasmEngine { conn: None }
    }

    fn conn(&self) -> Result<&Connection, SqlError> {
        self.conn.as_ref().ok_or_else(|| SqlError {
            phase: Phase::Prepare,
            code: SQLITE_MISUSE,
            message: "no database is open".into(),
            offset: None,
        })
    }
}

/// The engine's error, tagged with the step of running SQL that failed.
fn sql_error(phase: Phase, e: WitError) -> SqlError {
    SqlError {
        phase,
        code: e.code,
        message: e.message,
        offset: e.offset.map(|o| o as usize),
    }
}

/// A row value of the interface as the shell's borrowed value.
fn value_ref(v: &Value) -> ValueRef<'_> {
    match v {
        Value::Null => ValueRef::Null,
        Value::Integer(i) => ValueRef::Integer(*i),
        Value::Real(r) => ValueRef::Real(*r),
        Value::Text(t) => ValueRef::Text(t),
        Value::Blob(b) => ValueRef::Blob(b),
    }
}

/// The message of a failed open, without a trailing `: PATH` (the shell
/// names the path itself), as the native engine words it.
fn open_error(message: String, path: &str) -> String {
    match message
        .strip_suffix(path)
        .and_then(|m| m.strip_suffix(": "))
    {
        Some(m) if !path.is_empty() => m.to_string(),
        _ => message,
    }
}

/// Binds each parameter of `statement` to its value in
/// `temp.sqlite_parameters` (see [`Engine::run`]); leaves them unbound when
/// that table is missing.
fn bind_parameters(conn: &Connection, statement: &sql::Statement) {
    let count = statement.parameter_count();
    if count == 0 {
        return;
    }
    let Ok(sql::Prepared { statement: Some(lookup), .. }) = conn.prepare(PARAMETER_LOOKUP) else {
        return;
    };
    for i in 1..=count {
        let key = parameter_key(i as usize, statement.parameter_name(i).as_deref());
        lookup.reset();
        let found = lookup.bind(1, &Value::Text(key.into_bytes())).and_then(|()| lookup.step(1));
        let value = found
            .ok()
            .and_then(|rows| rows.rows.into_iter().next())
            .and_then(|row| row.into_iter().next())
            .unwrap_or(Value::Null);
        let _ = statement.bind(i, &value);
    }
}

/// A failed copy in the shell's terms.
fn copy_error(e: sql::CopyError) -> CopyError {
    match e {
        sql::CopyError::Open => CopyError::Open,
        sql::CopyError::Busy => CopyError::Busy,
        sql::CopyError::Failed(e) => CopyError::Failed(e.message),
    }
}

/// The baked-in extensions as a phrase: `uuid, crypto and text built in`.
fn built_in() -> String {
    let names = sql::extensions();
    match names.as_slice() {
        [] => "no extensions built in".to_string(),
        [one] => format!("{one} built in"),
        // A whole catalog is too long for a message: `.extensions` lists it.
        many if many.len() > 6 => format!("{} extensions built in (.extensions lists them)", many.len()),
        [init @ .., last] => format!("{} and {last} built in", init.join(", ")),
    }
}

impl Engine for WasmEngine {
    fn version(&self) -> String {
        format!("SQLite {}", sql::version())
    }

    fn is_complete(&self, sql: &str) -> bool {
        sql::is_complete(sql)
    }

    fn run(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError> {
        if may_have_parameters(sql) {
            return self.run_bound(sql, sink);
        }
        let started = self.conn()?.run(sql, BATCH).map_err(|e| sql_error(Phase::Prepare, e))?;
        // `consumed` counts bytes of the UTF-8 text we passed, which is
        // exactly `sql`, so it indexes `sql` directly.
        let used = (started.consumed as usize).min(sql.len());
        let Some(first) = started.first else {
            return Ok(used);
        };
        sink.columns(&first.columns).map_err(SqlError::output)?;
        let mut batch = first.rows.map_err(|e| sql_error(Phase::Step, e))?;
        loop {
            send_rows(sink, &batch.rows, value_ref).map_err(SqlError::output)?;
            match &first.more {
                Some(stmt) if !batch.done => batch = stmt.step(BATCH).map_err(|e| sql_error(Phase::Step, e))?,
                _ => break,
            }
        }
        sink.finish().map_err(SqlError::output)?;
        // Dropping `first.more` finalizes the statement.
        Ok(used)
    }

    fn changes(&self) -> i64 {
        self.conn.as_ref().map_or(0, Connection::changes)
    }

    fn open(&mut self, path: &str, options: &OpenOptions) -> Result<(), String> {
        // Close the old database first: `--new` may delete its file.
        self.conn = None;
        let options = sql::OpenOptions {
            read_only: options.readonly,
            new: options.new,
        };
        let conn = Connection::open(path, options).map_err(|e| open_error(e.message, path))?;
        self.conn = Some(conn);
        Ok(())
    }

    fn load(&mut self, path: &str, options: &LoadOptions) -> Result<LoadReport, String> {
        // Loading a file of an extension that is built in finds it already
        // there (so scripts written for the sqlink host run here too).
        // So does its bare name, as the sqlink host finds a catalog
        // extension by name.
        let file = std::path::Path::new(path);
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let exists = file.is_file() || file.with_extension("wasm").is_file();
        let bare_name = path == stem;
        if (exists || bare_name) && sql::extensions().contains(&stem) {
            if options.grants != LoadOptions::default().grants || options.memory.is_some() || options.timeout_ms.is_some() || options.prefix.is_some() {
                return Err(format!("{stem} is built into this build, which cannot change its grants, limits or prefix; that {HOST_HINT}"));
            }
            let conn = self.conn.as_ref().ok_or("no database is open")?;
            // Composed extensions keep their own prefix, which is their name.
            let own = format!("{stem}__");
            let warnings = if options.pins.is_empty() {
                conn.name_warnings()
            } else {
                let pins: Vec<String> = options.pins.iter().map(|p| format!("{own}{p}")).collect();
                conn.refresh_extensions(&pins).map_err(|e| e.message)?
            };
            let warnings = warnings.into_iter().filter(|w| w.items.iter().any(|i| i.starts_with(&own))).map(|w| w.message).collect();
            return Ok(LoadReport { summary: format!("{stem} is built into this build"), warnings, ..LoadReport::default() });
        }
        Err(format!("cannot load \"{path}\": this build has {}; loading another .wasm file {HOST_HINT}", built_in()))
    }

    fn unload(&mut self, name: &str) -> Result<Vec<String>, String> {
        if sql::extensions().iter().any(|n| n == name) {
            Err(format!(
                "{name} is built into this build and cannot be unloaded; unloading {HOST_HINT}"
            ))
        } else {
            Err(format!(
                "no extension named {name} is loaded (this build has {})",
                built_in()
            ))
        }
    }

    fn dot_commands(&self) -> Vec<DotCommandInfo> {
        sql::dot_commands().into_iter().map(|d| DotCommandInfo { name: d.name, extension: d.extension, usage: d.usage, help: d.help }).collect()
    }

    fn run_dot_command(&mut self, name: &str, args: &[String]) -> Option<Result<String, String>> {
        if !sql::dot_commands().iter().any(|d| d.name == name) {
            return None;
        }
        Some(sql::run_dot_command(name, args))
    }

    fn extensions(&self) -> Vec<ExtensionInfo> {
        // The interface gives names only; the rest of a manifest stays
        // inside sqlite-core.
        sql::extensions()
            .into_iter()
            .map(|name| ExtensionInfo {
                name,
                source: "built in (composed)".into(),
                ..ExtensionInfo::default()
            })
            .collect()
    }

    fn schema_state(&self, schema: &str) -> SchemaState {
        let Some(conn) = self.conn.as_ref() else {
            return SchemaState::default();
        };
        conn.databases()
            .into_iter()
            .find(|d| d.name == schema)
            .map(|d| SchemaState {
                readonly: d.read_only,
                txn: match d.txn {
                    sql::TxnState::None => TxnState::None,
                    sql::TxnState::Read => TxnState::Read,
                    sql::TxnState::Write => TxnState::Write,
                },
            })
            .unwrap_or_default()
    }

    fn backup(&mut self, schema: &str, path: &str, no_sync: bool) -> Result<(), CopyError> {
        let conn = self.conn().map_err(|e| CopyError::Failed(e.message))?;
        conn.backup(schema, path, no_sync).map_err(copy_error)
    }

    fn restore(&mut self, schema: &str, path: &str) -> Result<(), CopyError> {
        let conn = self.conn().map_err(|e| CopyError::Failed(e.message))?;
        conn.restore(schema, path).map_err(copy_error)
    }

    fn set_trigger_eqp(&mut self, on: bool) -> Result<bool, String> {
        Ok(self.conn().map_err(|e| e.message)?.set_trigger_eqp(on))
    }

    /// This component's directory and sqlite-core's (a component of its
    /// own, with the same preopened directories) change together.
    fn change_directory(&mut self, dir: &str) -> Result<(), String> {
        std::env::set_current_dir(dir).map_err(|e| e.to_string())?;
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        sql::set_working_directory(&cwd.to_string_lossy())
    }

    fn interrupter(&self) -> Box<dyn Fn() + Send + Sync> {
        // A component runs on one thread and WASI delivers no signals, so
        // nothing could call this while SQL runs: Ctrl-C ends the program
        // in the runtime instead. A no-op keeps the trait satisfied.
        Box::new(|| {})
    }
}

impl WasmEngine {
    /// [`Engine::run`] for SQL that may have parameters: prepared, bound,
    /// then stepped (`run` would step before binding).
    fn run_bound(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError> {
        let conn = self.conn()?;
        let prepared = conn.prepare(sql).map_err(|e| sql_error(Phase::Prepare, e))?;
        let used = (prepared.consumed as usize).min(sql.len());
        let Some(statement) = prepared.statement else {
            return Ok(used);
        };
        bind_parameters(conn, &statement);
        sink.columns(&prepared.columns).map_err(SqlError::output)?;
        loop {
            let batch = statement.step(BATCH).map_err(|e| sql_error(Phase::Step, e))?;
            send_rows(sink, &batch.rows, value_ref).map_err(SqlError::output)?;
            if batch.done {
                break;
            }
        }
        sink.finish().map_err(SqlError::output)?;
        Ok(used)
    }
}
