//! The coarse clock behind CPU limits: a tick count that advances together
//! with the wasmtime epoch, so a call's CPU time costs one atomic load to
//! read.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How often the epoch advances; CPU limits are enforced at this granularity.
pub(crate) const TICK: Duration = Duration::from_millis(10);

/// Ticks since the runtime started, advanced together with the engine epoch.
static TICKS: AtomicU64 = AtomicU64::new(0);

/// The current tick count (cheap: one atomic load).
pub(crate) fn now_ticks() -> u64 {
    TICKS.load(Ordering::Relaxed)
}

/// Advances the tick count by one; called by the epoch thread only.
pub(crate) fn advance() {
    TICKS.fetch_add(1, Ordering::Relaxed);
}

/// Ticks covering `d`, at least one.
pub(crate) fn ticks_for(d: Duration) -> u64 {
    (d.as_nanos() / TICK.as_nanos()) as u64 + 1
}
