//! `WasmEngine`: the shell's [`Engine`] over SQLite compiled to wasm
//! (`sqlink --engine wasm`). SQLite runs as the `sqlite-core` component in
//! wasmtime; `.load` adds extensions to what it imports, at run time.

use sqlink_runtime::{
    AttachOptions, CopyError as CoreCopyError, Grants, Limits, OpenOptions as CoreOptions, Runtime, TxnState as CoreTxn, Value, WasmCore,
    WasmSqlite, WasmStatement,
};
use sqlink_shell::engine::{CatalogEntry, DotCommandInfo, 
    BATCH, CopyError, Engine, ExtensionInfo, LoadOptions, LoadReport, OpenOptions, PARAMETER_LOOKUP, Phase, RowSink, SchemaState, SqlError,
    TxnState, ValueRef, may_have_parameters, parameter_key, send_rows,
};
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// Names the file holding `sqlite-core` (overrides the search).
pub const CORE_ENV: &str = "SQLINK_SQLITE_CORE";

/// The engine: SQLite in wasm plus whether a database is open.
pub struct WasmEngine {
    sqlite: WasmSqlite,
    open: bool,
}

/// Where `sqlite-core.wasm` is: `$SQLINK_SQLITE_CORE`, else next to the
/// binary as `make` lays it out (`dist/bin/sqlink` and
/// `dist/components/sqlite-core.wasm`; `target/release/sqlink` finds the
/// repository's `dist/`).
fn core_component() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(CORE_ENV) {
        return Ok(PathBuf::from(path));
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate the sqlink binary: {e}"))?;
    let dir = exe.parent().map(PathBuf::from).unwrap_or_default();
    let candidates = [dir.join("../components/sqlite-core.wasm"), dir.join("../../dist/components/sqlite-core.wasm")];
    for candidate in &candidates {
        if candidate.is_file() {
            return Ok(candidate.clone());
        }
    }
    let looked: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
    Err(format!(
        "the wasm engine needs sqlite-core.wasm, which is not at {}; build it with `make components` or set {CORE_ENV}=PATH",
        looked.join(" or ")
    ))
}

fn sql_error(phase: Phase, e: sqlink_runtime::EngineError) -> SqlError {
    SqlError { phase, code: e.code, message: e.message, offset: e.offset.map(|o| o as usize) }
}

fn value_ref(v: &sqlink_runtime::Value) -> ValueRef<'_> {
    use sqlink_runtime::Value;
    match v {
        Value::Null => ValueRef::Null,
        Value::Integer(i) => ValueRef::Integer(*i),
        Value::Real(r) => ValueRef::Real(*r),
        Value::Text(t) => ValueRef::Text(t),
        Value::Blob(b) => ValueRef::Blob(b),
    }
}

/// Binds each parameter of `statement` to its value in
/// `temp.sqlite_parameters` (see [`Engine::run`]); leaves them unbound when
/// that table is missing.
fn bind_parameters(core: &mut WasmCore, statement: &WasmStatement) {
    let count = core.parameter_count(statement).unwrap_or(0);
    if count == 0 {
        return;
    }
    let Ok((Some(lookup), _)) = core.prepare(PARAMETER_LOOKUP) else { return };
    for i in 1..=count {
        let name = core.parameter_name(statement, i).ok().flatten();
        let key = parameter_key(i as usize, name.as_deref());
        core.reset(&lookup);
        let found = core.bind(&lookup, 1, &Value::Text(key.into_bytes())).and_then(|()| core.step(&lookup, 1));
        let value = found.ok().and_then(|rows| rows.rows.into_iter().next()).and_then(|row| row.into_iter().next()).unwrap_or(Value::Null);
        let _ = core.bind(statement, i, &value);
    }
    core.finish(lookup);
}

fn copy_error(e: CoreCopyError) -> CopyError {
    match e {
        CoreCopyError::Open => CopyError::Open,
        CoreCopyError::Busy => CopyError::Busy,
        CoreCopyError::Failed(e) => CopyError::Failed(e.message),
    }
}

impl WasmEngine {
    /// Starts SQLite in wasm (compiling it on first use; the compiled code
    /// is cached).
    pub fn start() -> Result<WasmEngine, String> {
        let path = core_component()?;
        let runtime = Runtime::get().map_err(|e| e.to_string())?;
        let sqlite = WasmSqlite::start(runtime, &path).map_err(|e| e.to_string())?;
        Ok(WasmEngine { sqlite, open: false })
    }

    fn require_open(&self) -> Result<(), SqlError> {
        if self.open {
            Ok(())
        } else {
            Err(SqlError { phase: Phase::Prepare, code: 21, message: "no database is open".into(), offset: None })
        }
    }
}

impl Engine for WasmEngine {
    fn version(&self) -> String {
        format!("SQLite {}", self.sqlite.core().version())
    }

    /// Answered by the host's own SQLite, the same version as sqlite-core's
    /// (sqlite-src/), sparing every line of input a call into the engine.
    fn is_complete(&self, sql: &str) -> bool {
        sqlink_sqlite::is_complete(sql)
    }

    fn run(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError> {
        self.require_open()?;
        if may_have_parameters(sql) {
            return self.run_bound(sql, sink);
        }
        let (started, used) = self.sqlite.run(sql, BATCH).map_err(|e| sql_error(Phase::Prepare, e))?;
        let Some(started) = started else { return Ok(used) };
        let outcome = (|| {
            sink.columns(&started.columns).map_err(SqlError::output)?;
            let mut batch = started.rows.map_err(|e| sql_error(Phase::Step, e))?;
            loop {
                send_rows(sink, &batch.rows, value_ref).map_err(SqlError::output)?;
                match &started.more {
                    Some(statement) if !batch.done => {
                        batch = self.sqlite.step(statement, BATCH).map_err(|e| sql_error(Phase::Step, e))?;
                    }
                    _ => break,
                }
            }
            sink.finish().map_err(SqlError::output)
        })();
        if let Some(statement) = started.more {
            self.sqlite.core().finish(statement);
        }
        outcome.map(|()| used)
    }

    fn changes(&self) -> i64 {
        self.sqlite.core().changes()
    }

    fn open(&mut self, path: &str, options: &OpenOptions) -> Result<(), String> {
        self.open = false;
        let options = CoreOptions { read_only: options.readonly, new: options.new };
        let result = self.sqlite.open(path, options);
        // A failing attach hook still leaves the database open.
        self.open = !matches!(&result, Err(e) if !e.contains(" was unloaded: "));
        result.map_err(|e| e.strip_suffix(path).and_then(|m| m.strip_suffix(": ")).map(str::to_string).unwrap_or(e))
    }

    fn load(&mut self, path: &str, options: &LoadOptions) -> Result<LoadReport, String> {
        if !self.open {
            return Err("no database is open".into());
        }
        let grants = Grants::parse_each(&options.grants).map_err(|e| e.to_string())?;
        let limits = Limits::with(options.memory.as_deref(), options.timeout_ms).map_err(|e| e.to_string())?;
        let runtime = Runtime::get().map_err(|e| e.to_string())?;
        let ext = runtime.load_file(&crate::extensions::resolve(path), grants, limits).map_err(|e| e.to_string())?;
        let attach = AttachOptions { pins: options.pins.clone(), prefix: options.prefix.clone() };
        let report = self.sqlite.attach(ext, &attach).map_err(|e| e.to_string())?;
        Ok(LoadReport { summary: report.summary, warnings: report.warnings, notes: report.notes })
    }

    fn unload(&mut self, name: &str) -> Result<Vec<String>, String> {
        self.sqlite.detach(name).map_err(|e| e.to_string())
    }

    fn extensions(&self) -> Vec<ExtensionInfo> {
        self.sqlite.info().into_iter().map(crate::extensions::info).collect()
    }

    fn catalog(&self, dir: Option<&str>) -> Result<Vec<CatalogEntry>, String> {
        crate::catalog::list(dir)
    }

    fn dot_commands(&self) -> Vec<DotCommandInfo> {
        self.sqlite.dot_commands().into_iter().map(|(extension, d)| DotCommandInfo { name: d.name, extension, usage: d.usage, help: d.help }).collect()
    }

    fn run_dot_command(&mut self, name: &str, args: &[String]) -> Option<Result<String, String>> {
        Some(self.sqlite.run_dot_command(name, args)?.map_err(|e| e.to_string()))
    }

    fn schema_state(&self, schema: &str) -> SchemaState {
        let databases = self.sqlite.core().databases();
        let Some(d) = databases.into_iter().find(|d| d.name == schema) else { return SchemaState::default() };
        let txn = match d.txn {
            CoreTxn::None => TxnState::None,
            CoreTxn::Read => TxnState::Read,
            CoreTxn::Write => TxnState::Write,
        };
        SchemaState { readonly: d.read_only, txn }
    }

    fn interrupter(&self) -> Box<dyn Fn() + Send + Sync> {
        let flag = self.sqlite.interrupter();
        Box::new(move || flag.store(true, Ordering::SeqCst))
    }

    fn backup(&mut self, schema: &str, path: &str, no_sync: bool) -> Result<(), CopyError> {
        self.require_open().map_err(|e| CopyError::Failed(e.message))?;
        self.sqlite.core().backup(schema, path, no_sync).map_err(copy_error)
    }

    fn restore(&mut self, schema: &str, path: &str) -> Result<(), CopyError> {
        self.require_open().map_err(|e| CopyError::Failed(e.message))?;
        self.sqlite.core().restore(schema, path).map_err(copy_error)
    }

    fn set_trigger_eqp(&mut self, on: bool) -> Result<bool, String> {
        self.require_open().map_err(|e| e.message)?;
        self.sqlite.core().set_trigger_eqp(on).map_err(|e| e.message)
    }

    /// The host's directory and sqlite-core's (which sees the host's
    /// filesystem under the same names) change together.
    fn change_directory(&mut self, dir: &str) -> Result<(), String> {
        std::env::set_current_dir(dir).map_err(|e| e.to_string())?;
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        self.sqlite.core().set_working_directory(&cwd.to_string_lossy())
    }
}

impl WasmEngine {
    /// [`Engine::run`] for SQL that may have parameters: prepared, bound,
    /// then stepped (the one-call path would step before binding).
    fn run_bound(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError> {
        // As in `WasmSqlite::run`: an interrupt from before it started is dropped.
        self.sqlite.interrupter().store(false, Ordering::SeqCst);
        let (statement, used) = {
            let mut core = self.sqlite.core();
            let (statement, used) = core.prepare(sql).map_err(|e| sql_error(Phase::Prepare, e))?;
            if let Some(statement) = &statement {
                bind_parameters(&mut core, statement);
            }
            (statement, used)
        };
        let Some(statement) = statement else { return Ok(used) };
        let outcome = (|| {
            sink.columns(&statement.columns).map_err(SqlError::output)?;
            loop {
                let batch = self.sqlite.step(&statement, BATCH).map_err(|e| sql_error(Phase::Step, e))?;
                send_rows(sink, &batch.rows, value_ref).map_err(SqlError::output)?;
                if batch.done {
                    break;
                }
            }
            sink.finish().map_err(SqlError::output)
        })();
        self.sqlite.core().finish(statement);
        outcome.map(|()| used)
    }
}
