//! The process-wide [`Runtime`]: one wasmtime engine, one linker, the epoch
//! ticker behind CPU limits, and compiled code kept in the CAS.

use crate::error::Error;
use crate::clock::{self, TICK};
use crate::store::HostState;
use sqlink_cas::Cas;
use std::sync::{Mutex, OnceLock};
use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Engine};

/// Shared by every loaded extension in the process.
pub struct Runtime {
    pub(crate) engine: Engine,
    pub(crate) linker: Linker<HostState>,
    cache: Option<Mutex<Cas>>,
    /// Warnings not shown yet: why the cache is unavailable, and what
    /// compiling SQLite itself (`--engine wasm`, before any load) met in
    /// the cache. The next extension load shows them, once.
    pending: Mutex<Vec<String>>,
    /// Identifies compiled code: wasmtime version and engine configuration.
    engine_key: String,
    /// The engine for SQLite itself (`sqlite-core`), made on first use.
    core: OnceLock<Result<(Engine, String), String>>,
}

/// A key for compiled code of `engine`: the wasmtime version and every
/// setting that affects compiled code.
fn engine_key(engine: &Engine) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut hasher);
    format!("wasmtime/{:016x}", std::hash::Hasher::finish(&hasher))
}

/// How deep an extension's calls may nest, in bytes of the host's stack
/// (wasmtime's default, stated so that the error can name it).
pub(crate) const MAX_WASM_STACK: usize = 512 << 10;

impl Runtime {
    /// The runtime of this process, created on first use.
    pub fn get() -> Result<&'static Runtime, Error> {
        static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();
        RUNTIME
            .get_or_init(|| Runtime::new().map_err(|e| format!("{e:#}")))
            .as_ref()
            .map_err(|e| Error::new(format!("cannot start the wasm runtime: {e}")))
    }

    fn new() -> wasmtime::Result<Runtime> {
        let mut config = Config::new();
        config.epoch_interruption(true);
        config.max_wasm_stack(MAX_WASM_STACK);
        config.cranelift_opt_level(wasmtime::OptLevel::Speed);
        let engine = Engine::new(&config)?;
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
        crate::wit::spi::add_to_linker::<HostState, wasmtime::component::HasSelf<HostState>>(&mut linker, |s| s)?;
        crate::wit::blob::add_to_linker::<HostState, wasmtime::component::HasSelf<HostState>>(&mut linker, |s| s)?;
        crate::store::blob_read::add_to_linker(&mut linker)?;
        crate::wit::log::add_to_linker::<HostState, wasmtime::component::HasSelf<HostState>>(&mut linker, |s| s)?;

        let ticker = engine.clone();
        std::thread::Builder::new().name("sqlink-epoch".into()).spawn(move || {
            loop {
                std::thread::sleep(TICK);
                clock::advance();
                ticker.increment_epoch();
            }
        })?;

        let engine_key = engine_key(&engine);

        let (cache, problem) = match Cas::default_path() {
            None => (None, Some("no cache directory (set HOME or SQLINK_CACHE_DIR)".to_string())),
            Some(path) => match Cas::open(&path) {
                Ok(cas) => (Some(Mutex::new(cas)), None),
                Err(e) => (None, Some(format!("cannot open {}: {e}", path.display()))),
            },
        };
        let pending = problem.map(|p| format!("compiled-code cache disabled: {p}")).into_iter().collect();
        Ok(Runtime { engine, linker, cache, pending: Mutex::new(pending), engine_key, core: OnceLock::new() })
    }

    /// Compiles a component, or loads its code compiled before. Returns the
    /// component and whether it came from the cache. A warning (cache
    /// unusable) is returned alongside instead of failing the load.
    pub(crate) fn compile(&self, bytes: &[u8], hash: &blake3::Hash) -> Result<(Component, bool, Vec<String>), Error> {
        let (component, cached, warnings) = self.compile_for(&self.engine, &self.engine_key, bytes, hash)?;
        let mut all = std::mem::take(&mut *self.pending.lock().unwrap());
        all.extend(warnings);
        Ok((component, cached, all))
    }

    /// Keeps warnings for the next extension load to show (those of
    /// compiling SQLite itself, which has no load to report them).
    pub(crate) fn defer_warnings(&self, warnings: Vec<String>) {
        self.pending.lock().unwrap().extend(warnings);
    }

    /// The engine that runs SQLite itself: no CPU limits (it is sqlink's own
    /// code, and epoch checks in its loops would cost time), and code
    /// compiled for speed.
    pub(crate) fn core_engine(&self) -> Result<&(Engine, String), Error> {
        self.core
            .get_or_init(|| {
                let mut config = Config::new();
                config.cranelift_opt_level(wasmtime::OptLevel::Speed);
                // Initial memory from the data segments, not from a
                // copy-on-write image: the image is a memfd written at
                // first instantiation, which a file-size limit (`ulimit
                // -f`) refuses, and the engine is instantiated once.
                config.memory_init_cow(false);
                let engine = Engine::new(&config).map_err(|e| format!("{e:#}"))?;
                let key = engine_key(&engine);
                Ok((engine, key))
            })
            .as_ref()
            .map_err(|e| Error::new(format!("cannot start the wasm engine for SQLite: {e}")))
    }

    /// Like [`Runtime::compile`], for another engine.
    pub(crate) fn compile_for(&self, engine: &Engine, key: &str, bytes: &[u8], hash: &blake3::Hash) -> Result<(Component, bool, Vec<String>), Error> {
        let mut warnings = Vec::new();
        if let Some(cache) = &self.cache {
            let cached = cache.lock().unwrap().compiled(hash, key);
            match cached {
                // SAFETY: the file was written from `Component::serialize`
                // with this engine configuration (the key says so), its
                // contents were just verified against their hash, and the
                // store only ever replaces it whole (by renaming).
                Ok(Some(path)) => match unsafe { Component::deserialize_file(engine, &path) } {
                    Ok(component) => return Ok((component, true, warnings)),
                    Err(e) => warnings.push(format!("ignoring unusable cached code: {e}")),
                },
                Ok(None) => {}
                Err(e) => warnings.push(e.to_string()),
            }
        }
        let component = Component::new(engine, bytes).map_err(|e| Error::new(format!("not a valid component: {}", root_message(&e))))?;
        if let Some(cache) = &self.cache {
            let stored = component.serialize().map_err(|e| e.to_string()).and_then(|code| {
                let cas = cache.lock().unwrap();
                cas.put_blob(bytes).map_err(|e| e.to_string())?;
                cas.put_compiled(hash, key, &code).map_err(|e| e.to_string())
            });
            if let Err(e) = stored {
                // The store's own errors (a full disk: "disk I/O error")
                // do not say where it is.
                let dir = cache.lock().unwrap().path().parent().map(|d| d.display().to_string()).unwrap_or_default();
                warnings.push(format!("could not cache compiled code in {dir}: {e}"));
            }
        }
        Ok((component, false, warnings))
    }
}

/// The innermost message of an error chain, on one line, for concise
/// reports (some causes pretty-print values over several lines).
pub(crate) fn root_message(e: &wasmtime::Error) -> String {
    e.root_cause().to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}
