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
