//! The allocator of every Rust extension: the standard one, but running
//! out of memory traps at once. The host caps an extension's memory by
//! failing its growth past `--mem`, as memory running out would; Rust's
//! own answer to a failed allocation prints "memory allocation of N bytes
//! failed" on the extension's stderr before aborting, which the host then
//! reports again as the memory limit. Trapping leaves the report to the
//! host alone. (C extensions, whose `malloc` returns NULL, go on as they
//! would natively.)

use std::alloc::{GlobalAlloc, Layout, System};

/// [`System`], trapping where it would return null.
pub struct TrapOnOutOfMemory;

#[inline]
fn checked(p: *mut u8) -> *mut u8 {
    if p.is_null() {
        out_of_memory();
    }
    p
}

#[cold]
fn out_of_memory() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
}

// SAFETY: every call is forwarded to `System` with the same arguments;
// only a null result is replaced, by not returning.
unsafe impl GlobalAlloc for TrapOnOutOfMemory {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        checked(unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        checked(unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        checked(unsafe { System.realloc(ptr, layout, new_size) })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: TrapOnOutOfMemory = TrapOnOutOfMemory;
