//! Test fixture: an extension that allocates memory.

/// Allocates memory, for sqlink's tests of memory limits.
#[sqlink_sdk::extension(name = "hog")]
mod hog {

    /// Allocates and touches `mb` MiB, returns the bytes allocated.
    #[function]
    fn hog_alloc(mb: i64) -> i64 {
        let v = vec![1u8; (mb as usize) << 20];
        std::hint::black_box(&v);
        v.len() as i64
    }

    /// Allocates and touches `bytes` bytes in one allocation, returns
    /// the bytes allocated.
    #[function]
    fn hog_bytes(bytes: i64) -> i64 {
        let v = vec![1u8; bytes.max(0) as usize];
        std::hint::black_box(&v);
        v.len() as i64
    }

    /// Allocates `bytes` bytes at a time, keeping each, until an
    /// allocation fails: the one that runs into the memory limit is of
    /// that size (nothing else is allocated on the way).
    #[function]
    fn hog_fill(bytes: i64) -> i64 {
        let size = bytes.max(1) as usize;
        loop {
            let v = vec![1u8; size];
            std::hint::black_box(&v);
            std::mem::forget(v);
        }
    }

    /// Allocates until something stops it.
    #[function]
    fn hog_forever() -> i64 {
        let mut chunks = Vec::new();
        loop {
            chunks.push(vec![1u8; 1 << 20]);
            std::hint::black_box(&chunks);
        }
    }
}
