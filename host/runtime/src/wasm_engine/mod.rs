//! SQLite in wasm, hosted natively: `sqlink --engine wasm`.
//!
//! The host instantiates the `sqlite-core` component ([`Core`]) and serves
//! its extension imports itself, from the extensions loaded at run time
//! ([`union::Union`]), so `.load` works against SQLite-in-wasm as it does
//! against the native SQLite.
//!
//! A component cannot be entered while it runs. SPI from an extension's
//! top-level calls (its `attach` hook, its dot commands) reaches SQLite
//! directly; SPI from inside a function, an aggregate or a virtual table
//! SQLite is running is served by sqlite-core itself (`relay`); from a
//! hook, an authorizer or a collation it fails with [`reentry_error`].

mod core;
mod imports;
mod locks;
mod relay;
mod shell_calls;
mod spi;
mod union;
mod vtab;
mod watch;
mod writes;

pub use self::core::{Core, Started, WasmStatement};
pub use wit::exports::sqlink::engine::sql::{CopyError, Database, NameWarning, OpenOptions, Rows, SqlError as EngineError, TxnState};

use crate::attach::{AttachOptions, AttachReport, AttachedInfo, check_attach, load_summary};
use crate::error::Error;
use crate::extension::Extension;
use crate::instance::Live;
use crate::runtime::Runtime;
use crate::store::SqlAccessRef;
use imports::CoreState;
use relay::Relay;
use wit::sqlink::engine::relay::{FunctionName, Request};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use union::{Member, Union};
use wasmtime::Store;
use wasmtime::component::{Linker, ResourceTable};
use wasmtime_wasi::{FsPerms, WasiCtx};

/// Host bindings of the `sqlite-core` world.
mod wit {
    wasmtime::component::bindgen!({
        path: "../../wit/engine",
        world: "sqlink:engine/sqlite-core",
        with: {
            "sqlink:extension/types@0.2.0": crate::wit::types,
            "sqlink:extension/vtab-types@0.2.0": crate::wit::vtab_types,
            "sqlink:engine/file-locks.file-lock": super::locks::HostLock,
        },
    });
    pub(crate) use self::sqlink::extension as ext;
}

/// Why SPI failed: SQLite in wasm is running the statement that called the
/// extension, and a component cannot be re-entered.
pub(crate) fn reentry_error() -> Error {
    Error::with_code(
        21,
        "SQL access from inside a hook, an authorizer or a collation of the extension is not possible \
         when SQLite runs in wasm (--engine wasm): \
         the engine cannot be re-entered there; run it from a function, a virtual table or the attach hook, or use the native engine",
    )
}

/// Runs an extension's `attach` hook, if it has one. The core must not be
/// running (its lock free): the hook's SPI calls reach it.
fn run_attach_hook(live: &Live) -> Result<(), Error> {
    match live.call(|inst| inst.attach()) {
        Ok(None | Some(Ok(()))) => Ok(()),
        Ok(Some(Err(e))) => Err(Error::from(e).context(live.name()).context("attach failed")),
        Err(e) => Err(e.context("attach failed")),
    }
}

/// SQLite running as the `sqlite-core` component, with extensions loaded
/// at run time.
pub struct WasmSqlite {
    core: Arc<Mutex<Core>>,
    union: Arc<Mutex<Union>>,
    /// Options each member was attached with, for listings.
    options: Vec<AttachOptions>,
    /// Set by [`WasmSqlite::interrupter`]; checked between batches of rows.
    interrupted: Arc<AtomicBool>,
}

impl WasmSqlite {
    /// Instantiates `sqlite-core` from the component file at `component`.
    /// Database files are reached through the host's filesystem (the whole
    /// of it, as the native engine does): this is sqlink's own engine, not
    /// an extension.
    pub fn start(runtime: &'static Runtime, component: &Path) -> Result<WasmSqlite, Error> {
        let bytes = std::fs::read(component).map_err(|e| Error::new(format!("cannot read {}: {e}", component.display())))?;
        let (engine, key) = runtime.core_engine()?;
        let hash = blake3::hash(&bytes);
        let (compiled, _, warnings) = runtime.compile_for(engine, key, &bytes, &hash).map_err(|e| e.context("sqlite-core"))?;
        runtime.defer_warnings(warnings);
        let fail = |e: wasmtime::Error| Error::new(format!("sqlite-core: {}", crate::runtime::root_message(&e)));
        let mut linker: Linker<CoreState> = Linker::new(engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(fail)?;
        writes::write_in_place(&mut linker).map_err(fail)?;
        wit::SqliteCore::add_to_linker::<CoreState, wasmtime::component::HasSelf<CoreState>>(&mut linker, |s| s).map_err(fail)?;
        let mut wasi = WasiCtx::builder();
        wasi.allow_blocking_current_thread(true).inherit_stderr();
        wasi.preopened_dir("/", "/", FsPerms::ReadWrite).map_err(fail)?;
        // Relative names resolve against the host's working directory,
        // which sqlite-core makes its own (WASI has no inherited one).
        if let Ok(cwd) = std::env::current_dir() {
            wasi.env("PWD", cwd.to_string_lossy());
        }
        let union = Arc::new(Mutex::new(Union::default()));
        let state = CoreState { wasi: wasi.build(), table: ResourceTable::new(), union: union.clone(), overflow: Vec::new(), relay: Relay::default() };
        let mut store = Store::new(engine, state);
        let bindings = wit::SqliteCore::instantiate(&mut store, &compiled, &linker).map_err(fail)?;
        let core = Core { store, bindings, connection: None };
        Ok(WasmSqlite { core: Arc::new(Mutex::new(core)), union, options: Vec::new(), interrupted: Arc::default() })
    }

    /// The engine, for one call or a sequence of them. Held, it makes SPI
    /// from extensions fail with [`reentry_error`].
    pub fn core(&self) -> MutexGuard<'_, Core> {
        self.core.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn union(&self) -> MutexGuard<'_, Union> {
        self.union.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Compiles the first statement of `sql` and steps it for up to `max`
    /// rows (see [`Core::run`]). An interrupt from before it started is
    /// dropped, as SQLite drops one made while nothing runs.
    pub fn run(&self, sql: &str, max: u32) -> Result<(Option<Started>, usize), EngineError> {
        self.interrupted.store(false, Ordering::SeqCst);
        self.core().run(sql, max)
    }

    /// Up to `max` more rows of a statement, honouring a pending interrupt.
    pub fn step(&self, statement: &WasmStatement, max: u32) -> Result<Rows, EngineError> {
        let mut core = self.core();
        if self.interrupted.swap(false, Ordering::SeqCst) {
            core.interrupt();
        }
        core.step(statement, max)
    }

    /// A handle for Ctrl-C: the running statement stops at its next batch
    /// of rows. (A statement that returns no rows until it ends, such as a
    /// long aggregate, runs to its end: wasm code cannot be interrupted
    /// without losing the engine's state.)
    pub fn interrupter(&self) -> Arc<AtomicBool> {
        self.interrupted.clone()
    }

    /// Opens a database (closing the previous one), clearing any pending
    /// interrupt. The loaded extensions are registered on it and their
    /// `attach` hooks run again; a hook that fails unloads its extension,
    /// and the error names it.
    pub fn open(&mut self, path: &str, options: OpenOptions) -> Result<(), String> {
        self.interrupted.store(false, Ordering::SeqCst);
        self.core().open(path, options).map_err(|e| e.message)?;
        let mut failures = Vec::new();
        let members: Vec<Arc<Live>> = self.union().members.iter().map(|m| m.live.clone()).collect();
        for live in members {
            if let Err(e) = run_attach_hook(&live) {
                failures.push(format!("{} was unloaded: {e}", live.name()));
                self.remove(live.name());
            }
        }
        if failures.is_empty() { Ok(()) } else { Err(failures.join("; ")) }
    }

    /// The pins of every member, as qualified names.
    fn pins(&self) -> Vec<String> {
        let union = self.union();
        union.members.iter().zip(&self.options).flat_map(|(m, o)| o.pins.iter().map(move |p| format!("{}__{p}", m.prefix))).collect()
    }

    /// Registers the union again on the open connection.
    fn refresh(&mut self) -> Result<Vec<NameWarning>, Error> {
        let pins = self.pins();
        self.core().refresh(&pins)
    }

    /// Loads an extension into the engine: it joins the imported union, the
    /// connection registers its items, and its `attach` hook runs.
    pub fn attach(&mut self, ext: Arc<Extension>, options: &AttachOptions) -> Result<AttachReport, Error> {
        let name = ext.manifest.name.clone();
        let prefix = {
            let union = self.union();
            let loaded: Vec<(&Extension, &str)> = union.members.iter().map(|m| (&*m.live.ext, m.prefix.as_str())).collect();
            check_attach(&ext, options, &loaded)?
        };
        let (core, union) = (Arc::downgrade(&self.core), Arc::downgrade(&self.union));
        let live = Live::new(ext.clone(), |me| Some(Arc::new(spi::WasmSql { core, union, live: me.clone() }) as SqlAccessRef))?;
        self.union().members.push(Member { live: live.clone(), prefix: prefix.clone() });
        self.options.push(options.clone());
        let warnings = match self.refresh() {
            Ok(warnings) => warnings,
            Err(e) => {
                self.remove(&name);
                return Err(e);
            }
        };
        if let Err(e) = run_attach_hook(&live) {
            self.remove(&name);
            return Err(e);
        }
        let own = format!("{prefix}__");
        let warnings: Vec<String> = warnings
            .into_iter()
            .filter(|w| w.items.iter().any(|i| i.len() > own.len() && i[..own.len()].eq_ignore_ascii_case(&own)))
            .map(|w| w.message)
            .chain(ext.warnings.iter().cloned())
            .collect();
        Ok(AttachReport { summary: load_summary(&ext, &prefix), warnings, notes: Vec::new() })
    }

    /// Drops member `name` and registers what remains.
    fn remove(&mut self, name: &str) {
        let index = self.union().members.iter().position(|m| m.live.name() == name);
        if let Some(index) = index {
            let _ = self.drop_member(index);
        }
    }

    /// Drops member `index` (with the functions it declared at run time)
    /// and registers what remains.
    fn drop_member(&mut self, index: usize) -> Result<(), Error> {
        let member = self.union().members.remove(index);
        self.options.remove(index);
        let declared = self.union().drop_declared(&member.live);
        for (name, arity) in declared {
            let _ = self.core().serve(&Request::ForgetFunction(FunctionName { name, arity }));
        }
        self.refresh()?;
        Ok(())
    }

    /// Unloads an extension from the engine.
    pub fn detach(&mut self, name: &str) -> Result<Vec<String>, Error> {
        let index = self.union().members.iter().position(|m| m.live.name() == name);
        let Some(index) = index else { return Err(Error::new(format!("no extension named {name} is loaded"))) };
        self.drop_member(index)?;
        Ok(Vec::new())
    }

    /// The dot commands of the loaded extensions, each with the name of
    /// the extension providing it.
    pub fn dot_commands(&self) -> Vec<(String, crate::manifest::DotCommand)> {
        let union = self.union();
        union.members.iter().flat_map(|m| m.live.ext.manifest.dot_commands.iter().map(|d| (m.live.name().to_string(), d.clone()))).collect()
    }

    /// Runs dot command `name` (without the dot) of whichever extension
    /// provides it; None if none does. The engine must not be running.
    pub fn run_dot_command(&self, name: &str, args: &[String]) -> Option<Result<String, Error>> {
        let found = self.union().members.iter().find_map(|m| {
            let id = m.live.ext.manifest.dot_commands.iter().position(|d| d.name == name)? as u32;
            Some((m.live.clone(), id))
        });
        let (live, id) = found?;
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Some(live.call_flat(|inst| inst.run_dot_command(id, &args)))
    }

    /// What is loaded, for listings.
    pub fn info(&self) -> Vec<AttachedInfo> {
        let union = self.union();
        union
            .members
            .iter()
            .map(|m| AttachedInfo { declared: union.declared_by(&m.live), ..m.info() })
            .collect()
    }

    /// The extensions loaded, in load order, with their options.
    pub fn attached(&self) -> Vec<(Arc<Extension>, AttachOptions)> {
        self.union().members.iter().zip(&self.options).map(|(m, o)| (m.live.ext.clone(), o.clone())).collect()
    }
}
