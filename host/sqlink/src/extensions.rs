//! Loaded extensions of the native engine: the sqlink runtime attached to
//! the engine's connection. Extensions outlive connections: `.open`
//! attaches everything loaded so far to the new one.

use rusqlite::Connection;
use sqlink_runtime::{AttachOptions, AttachedInfo, Extension, Grants, Limits, Registry, Runtime};
use sqlink_shell::engine::{DotCommandInfo, ExtensionInfo, LoadOptions, LoadReport};
use sqlink_sqlite::Db;
use std::path::Path;
use std::sync::Arc;

/// What is loaded, and the registry binding it to the open connection.
#[derive(Default)]
pub struct Extensions {
    /// Bound to the engine's current connection; dropped before it closes.
    registry: Option<Registry>,
    /// Everything loaded, in load order, to attach to the next connection.
    loaded: Vec<(Arc<Extension>, AttachOptions)>,
}

impl Extensions {
    /// No extensions loaded.
    pub fn new() -> Self {
        Extensions::default()
    }

    fn registry(&mut self, conn: &Connection) -> &mut Registry {
        // SAFETY: the registry is dropped (`detach`) before the connection
        // closes; the engine guarantees that ordering.
        self.registry.get_or_insert_with(|| Registry::new(unsafe { Db::from_raw(conn.handle()) }))
    }

    /// Loads the component at `path` into `conn`.
    pub fn load(&mut self, conn: &Connection, path: &str, options: &LoadOptions) -> Result<LoadReport, String> {
        let grants = Grants::parse_each(&options.grants).map_err(|e| e.to_string())?;
        let limits = Limits::with(options.memory.as_deref(), options.timeout_ms).map_err(|e| e.to_string())?;
        let runtime = Runtime::get().map_err(|e| e.to_string())?;
        let ext = runtime.load_file(&resolve(path), grants, limits).map_err(|e| e.to_string())?;
        let attach = AttachOptions { pins: options.pins.clone(), prefix: options.prefix.clone() };
        let report = self.registry(conn).attach(ext.clone(), &attach).map_err(|e| e.to_string())?;
        self.loaded.push((ext, attach));
        Ok(LoadReport { summary: report.summary, warnings: report.warnings, notes: report.notes })
    }

    /// Unregisters and drops the extension called `name`.
    pub fn unload(&mut self, conn: &Connection, name: &str) -> Result<Vec<String>, String> {
        let notes = self.registry(conn).detach(name).map_err(|e| e.to_string())?;
        self.loaded.retain(|(ext, _)| ext.name() != name);
        Ok(notes)
    }

    /// Unbinds from the current connection, which is about to close.
    pub fn detach(&mut self) {
        self.registry = None;
    }

    /// Attaches everything loaded so far to a newly opened connection.
    /// Extensions that fail to attach are dropped, and named in the error.
    pub fn attach(&mut self, conn: &Connection) -> Result<(), String> {
        let mut failures = Vec::new();
        let mut kept = Vec::new();
        for (ext, options) in std::mem::take(&mut self.loaded) {
            match self.registry(conn).attach(ext.clone(), &options) {
                Ok(_) => kept.push((ext, options)),
                Err(e) => failures.push(format!("{} was unloaded: {e}", ext.name())),
            }
        }
        self.loaded = kept;
        if failures.is_empty() { Ok(()) } else { Err(failures.join("; ")) }
    }

    /// The loaded extensions, for `.extensions`.
    pub fn list(&self) -> Vec<ExtensionInfo> {
        let Some(registry) = &self.registry else { return Vec::new() };
        registry.info().into_iter().map(info).collect()
    }

    /// Dot commands the loaded extensions contribute.
    pub fn dot_commands(&self) -> Vec<DotCommandInfo> {
        let Some(registry) = &self.registry else { return Vec::new() };
        registry
            .dot_commands()
            .into_iter()
            .map(|(extension, d)| DotCommandInfo { name: d.name, extension, usage: d.usage, help: d.help })
            .collect()
    }

    /// Runs an extension's dot command; `None` if no extension has `name`.
    pub fn run_dot_command(&mut self, conn: &Connection, name: &str, args: &[String]) -> Option<Result<String, String>> {
        Some(self.registry(conn).run_dot_command(name, args)?.map_err(|e| e.to_string()))
    }
}

/// An attached extension as `.extensions` shows it.
pub fn info(i: AttachedInfo) -> ExtensionInfo {
    ExtensionInfo {
        name: i.name,
        version: i.version,
        description: i.description,
        source: i.source,
        prefix: i.prefix,
        namespace: i.namespace,
        functions: i.functions.into_iter().chain(i.declared.into_iter().map(|d| format!("{d} (declared)"))).collect(),
        aggregates: i.aggregates,
        collations: i.collations,
        vtabs: i.vtabs,
        grants: i.grants,
        memory_limit: i.memory_limit,
        timeout_ms: i.timeout_ms,
    }
}

/// `.load NAME` finds `NAME.wasm` too, as sqlite3 finds `NAME.so`, and
/// then the catalog's `NAME.wasm` (`.load vec`).
pub fn resolve(path: &str) -> std::path::PathBuf {
    let p = Path::new(path);
    if !p.is_file() && p.extension().is_none() {
        let with = p.with_extension("wasm");
        if with.is_file() {
            return with;
        }
        if let Some(found) = crate::catalog::find(path) {
            return found;
        }
    }
    p.to_path_buf()
}
