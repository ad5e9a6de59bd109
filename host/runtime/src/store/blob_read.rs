//! `blob.read` without the extra copy: on a native connection the bytes go
//! from SQLite straight into the extension's memory, where its allocator
//! placed the result list (the C SDK places it in the caller's buffer), not
//! through a host `Vec` first. Vector search reads its vectors this way,
//! half a megabyte per call.
//!
//! The generated binding lowers a `Vec<u8>`, so `read` is registered here
//! over it, with a result type whose lowering does the read. That lowering
//! implements wasmtime's hidden `ComponentType`/`Lower` methods as its own
//! derives do, delegating the type's shape to `[u8]`'s.

use super::HostState;
use crate::wit::SqlError;
use crate::wit::blob::Location;
use sqlink_sqlite::blob::Reader;
use std::mem::MaybeUninit;
use wasmtime::ValRaw;
use wasmtime::component::__internal::{CanonicalAbiInfo, InstanceType, InterfaceType, LowerContext};
use wasmtime::component::{ComponentType, Linker, Lower};

/// The bytes a `blob.read` gives.
pub(crate) enum ReadBytes {
    /// Read already (SQLite in wasm hands them over through the relay).
    Read(Vec<u8>),
    /// Checked and ready, read when the result is lowered.
    Pending(PendingRead),
}

/// An open value on the calling connection, read while the host call
/// returns.
pub(crate) struct PendingRead(pub Reader);

// SAFETY: wasmtime asks lowered values to be Send and Sync; a pending read
// is made, lowered and dropped during one host call, on the thread that
// called into the extension, which is the connection's.
unsafe impl Send for PendingRead {}
unsafe impl Sync for PendingRead {}

impl ReadBytes {
    /// The bytes in a host `Vec` (the generated binding's way).
    pub(crate) fn into_vec(self) -> Result<Vec<u8>, crate::error::Error> {
        match self {
            ReadBytes::Read(bytes) => Ok(bytes),
            ReadBytes::Pending(PendingRead(reader)) => {
                let mut bytes = vec![0; reader.len()];
                reader.read_into(&mut bytes)?;
                Ok(bytes)
            }
        }
    }

    /// Allocates the list in the extension's memory and fills it; returns
    /// its address and length.
    fn land<T>(&self, cx: &mut LowerContext<'_, T>) -> wasmtime::Result<(usize, usize)> {
        let len = match self {
            ReadBytes::Read(bytes) => bytes.len(),
            ReadBytes::Pending(PendingRead(reader)) => reader.len(),
        };
        let ptr = cx.realloc(0, 0, 1, len)?;
        let dst = cx
            .as_slice_mut()
            .get_mut(ptr..)
            .and_then(|m| m.get_mut(..len))
            .ok_or_else(|| wasmtime::format_err!("realloc return: beyond end of memory"))?;
        match self {
            ReadBytes::Read(bytes) => dst.copy_from_slice(bytes),
            // The value was opened and its bounds checked by the call; a
            // failure now (an I/O error) can only trap the extension.
            ReadBytes::Pending(PendingRead(reader)) => reader.read_into(dst).map_err(|e| wasmtime::format_err!("blob.read: {}", e.message))?,
        }
        Ok((ptr, len))
    }
}

// SAFETY: the type is exactly `list<u8>`'s, as `[u8]` declares it, and
// lowering writes what `[u8]`'s writes: a pointer and a length.
unsafe impl ComponentType for ReadBytes {
    type Lower = <[u8] as ComponentType>::Lower;
    const ABI: CanonicalAbiInfo = <[u8] as ComponentType>::ABI;

    fn typecheck(ty: &InterfaceType, types: &InstanceType<'_>) -> wasmtime::Result<()> {
        <[u8] as ComponentType>::typecheck(ty, types)
    }
}

// SAFETY: as for `[u8]`: the flat form is two i64-widened values (pointer,
// length), the memory form two little-endian u32s.
unsafe impl Lower for ReadBytes {
    fn linear_lower_to_flat<T>(&self, cx: &mut LowerContext<'_, T>, _ty: InterfaceType, dst: &mut MaybeUninit<Self::Lower>) -> wasmtime::Result<()> {
        let (ptr, len) = self.land(cx)?;
        dst.write([ValRaw::i64(ptr as i64), ValRaw::i64(len as i64)]);
        Ok(())
    }

    fn linear_lower_to_memory<T>(&self, cx: &mut LowerContext<'_, T>, _ty: InterfaceType, offset: usize) -> wasmtime::Result<()> {
        let (ptr, len) = self.land(cx)?;
        *cx.get::<4>(offset) = (ptr as u32).to_le_bytes();
        *cx.get::<4>(offset + 4) = (len as u32).to_le_bytes();
        Ok(())
    }
}

/// Registers `read` over the generated binding's (which `add_to_linker`
/// added just before).
pub(crate) fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    let interface = format!("sqlink:extension/blob@{}", crate::wit::CONTRACT_VERSION);
    linker.allow_shadowing(true);
    let added = linker.instance(&interface)?.func_wrap(
        "read",
        |mut store: wasmtime::StoreContextMut<'_, HostState>, (at, offset, length): (Location, u32, u32)| -> wasmtime::Result<(Result<ReadBytes, SqlError>,)> {
            Ok((store.data_mut().spi_run(|s| s.blob_read(&at, offset, length)),))
        },
    );
    linker.allow_shadowing(false);
    added.map(drop)
}
