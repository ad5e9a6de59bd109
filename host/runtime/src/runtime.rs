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
    /// Why the cache is unavailable, shown once with the first load.
    cache_problem: Mutex<Option<String>>,
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
        Ok(Runtime { engine, linker, cache, cache_problem: Mutex::new(problem), engine_key, core: OnceLock::new() })
    }

    /// Compiles a component, or loads its code compiled before. Returns the
    /// component and whether it came from the cache. A warning (cache
    /// unusable) is returned alongside instead of failing the load.
    pub(crate) fn compile(&self, bytes: &[u8], hash: &blake3::Hash) -> Result<(Component, bool, Vec<String>), Error> {
        self.compile_for(&self.engine, &self.engine_key, bytes, hash)
    }

    /// The engine that runs SQLite itself: no CPU limits (it is sqlink's own
    /// code, and epoch checks in its loops would cost time), and code
    /// compiled for speed.
    pub(crate) fn core_engine(&self) -> Result<&(Engine, String), Error> {
        self.core
            .get_or_init(|| {
                let mut config = Config::new();
                config.cranelift_opt_level(wasmtime::OptLevel::Speed);
                let engine = Engine::new(&config).map_err(|e| format!("{e:#}"))?;
                let key = engine_key(&engine);
                Ok((engine, key))
            })
            .as_ref()
            .map_err(|e| Error::new(format!("cannot start the wasm engine for SQLite: {e}")))
    }

    /// Like [`Runtime::compile`], for another engine.
    pub(crate) fn compile_for(&self, engine: &Engine, key: &str, bytes: &[u8], hash: &blake3::Hash) -> Result<(Component, bool, Vec<String>), Error> {
        let mut warnings: Vec<String> = self.cache_problem.lock().unwrap().take().map(|p| format!("compiled-code cache disabled: {p}")).into_iter().collect();
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
                warnings.push(format!("could not cache compiled code: {e}"));
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
