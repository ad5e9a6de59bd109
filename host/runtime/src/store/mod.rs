//! The state each extension instance's store carries: its sandboxed WASI
//! context, its memory limiter, CPU-time accounting, and the connection its
//! SPI calls run on. One file per host import beside it (`spi`, `blob`,
//! `log`).
//!
//! This layer knows no SQLite host: SQL reaches "the connection" through
//! the [`SqlAccess`] trait, which the hosts above implement.

mod blob;
pub(crate) mod blob_read;
mod log;
mod spi;

pub(crate) use spi::{SqlAccess, SqlAccessRef};

use crate::clock::{TICK, now_ticks, ticks_for};
use sqlink_policy::{Grants, Limits};
use std::time::Duration;
use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, StoreHookState, UpdateDeadline};
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

/// Per-instance host state.
pub struct HostState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub(crate) limiter: MemoryLimiter,
    /// Name of the extension, for logs.
    pub(crate) extension: String,
    /// Where SPI runs: the connection this instance is attached to (None
    /// while the extension is only being probed).
    pub(crate) sql: Option<SqlAccessRef>,
    pub(crate) spi_granted: bool,
    pub(crate) timeout: Duration,
    /// Tick at which the running call started.
    pub(crate) call_start: u64,
    /// Time the running call spent in host work (SPI), which does not count
    /// against the CPU limit.
    pub(crate) host_time: Duration,
    /// Set when the running call was stopped for exceeding `timeout`.
    pub(crate) timed_out: bool,
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

impl HostState {
    /// A fresh state: a WASI context exposing only what `grants` allow.
    pub(crate) fn new(extension: &str, grants: &Grants, limits: &Limits, sql: Option<SqlAccessRef>) -> wasmtime::Result<HostState> {
        let mut wasi = WasiCtxBuilder::new();
        wasi.allow_blocking_current_thread(true);
        // Output of extensions goes to the host's stderr, never into query
        // output on stdout. Stdin is empty.
        wasi.stdout(wasmtime_wasi::cli::stderr());
        wasi.stderr(wasmtime_wasi::cli::stderr());
        for name in grants.env_names() {
            if let Ok(value) = std::env::var(name) {
                wasi.env(name, value);
            }
        }
        for (dir, read_only) in grants.dirs() {
            let perms = if read_only { FsPerms::ReadOnly } else { FsPerms::ReadWrite };
            wasi.preopened_dir(dir, dir.to_string_lossy(), perms)?;
        }
        Ok(HostState {
            wasi: wasi.build(),
            table: ResourceTable::new(),
            limiter: MemoryLimiter { cap: limits.memory as usize, exceeded: None },
            extension: extension.to_string(),
            sql,
            spi_granted: grants.spi(),
            timeout: limits.timeout,
            call_start: 0,
            host_time: Duration::ZERO,
            timed_out: false,
        })
    }

    /// Prepares accounting for a new call into the extension.
    pub(crate) fn begin_call(&mut self) {
        self.call_start = now_ticks();
        self.host_time = Duration::ZERO;
        self.timed_out = false;
        self.limiter.exceeded = None;
    }

    /// Runs host work on behalf of the extension (SPI) without charging its
    /// time to the extension's CPU limit.
    pub(crate) fn host_work<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let start = std::time::Instant::now();
        let result = f(self);
        self.host_time += start.elapsed();
        result
    }

    /// Called by wasmtime each time the epoch deadline passes: keep going
    /// while the call's own CPU time is within the limit.
    pub(crate) fn on_deadline(mut cx: StoreHookState<'_, HostState>) -> wasmtime::Result<UpdateDeadline> {
        let state = cx.data_mut();
        let elapsed = TICK * (now_ticks().saturating_sub(state.call_start)) as u32;
        let used = elapsed.saturating_sub(state.host_time);
        if used >= state.timeout {
            state.timed_out = true;
            Ok(UpdateDeadline::Interrupt)
        } else {
            Ok(UpdateDeadline::Continue(ticks_for(state.timeout - used)))
        }
    }
}

/// Caps linear memory growth and remembers when the cap was hit, so the
/// error can name the limit. A growth past the cap fails as growth does
/// when memory runs out (`memory.grow` gives -1): C's `malloc` returns
/// NULL and the extension answers as it would natively (compress.c's
/// `uncompress()` of a bogus size is NULL); Rust's allocator aborts, and
/// the trap is reported as the memory limit.
pub(crate) struct MemoryLimiter {
    cap: usize,
    /// The size a refused growth asked for.
    pub(crate) exceeded: Option<usize>,
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        if desired > self.cap {
            self.exceeded = Some(desired);
            return Ok(false);
        }
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 1_000_000)
    }
}
