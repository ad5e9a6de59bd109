//! File writes on the calling thread.
//!
//! wasi-libc writes files through `wasi:io/streams` (`write-via-stream`,
//! then `check-write`, `write` and a flush), and wasmtime-wasi runs every
//! non-blocking stream `write` on a tokio worker thread, even with
//! `allow_blocking_current_thread`. SQLite's page writes then each cost two
//! thread handoffs: on a file workload, more time than the writes. The
//! sqlite-core store runs nothing else concurrently, so its stream `write`
//! is served here by the stream's blocking write instead: done when it
//! returns, which a later flush or readiness poll sees as already complete.

use super::imports::CoreState;
use wasmtime::component::{Linker, Resource};
use wasmtime_wasi_io::bindings::wasi::io::streams::StreamError as WitStreamError;
use wasmtime_wasi_io::streams::{DynOutputStream, StreamError};

/// The name wasmtime-wasi's linker defines the streams interface under.
const STREAMS: &str = "wasi:io/streams@0.2.12";

/// Replaces `[method]output-stream.write` in a linker that already has
/// wasmtime-wasi's definitions.
pub(super) fn write_in_place(linker: &mut Linker<CoreState>) -> wasmtime::Result<()> {
    linker.allow_shadowing(true);
    linker.instance(STREAMS)?.func_wrap(
        "[method]output-stream.write",
        |mut store, (stream, contents): (Resource<DynOutputStream>, Vec<u8>)| {
            let table = &mut store.data_mut().table;
            let outcome = wasmtime_wasi::runtime::in_tokio(table.get_mut(&stream)?.blocking_write_and_flush(contents.into()));
            let result = match outcome {
                Ok(()) => Ok(()),
                Err(StreamError::Closed) => Err(WitStreamError::Closed),
                Err(StreamError::LastOperationFailed(e)) => Err(WitStreamError::LastOperationFailed(table.push(e)?)),
                Err(StreamError::Trap(e)) => return Err(e),
            };
            Ok((result,))
        },
    )?;
    linker.allow_shadowing(false);
    Ok(())
}
