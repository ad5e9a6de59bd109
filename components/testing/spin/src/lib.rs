//! Test fixture: an extension that runs too long.

/// Busy loops, for sqlink's tests of CPU limits.
#[sqlink_sdk::extension(name = "spin")]
mod spin {

    /// Never returns.
    #[function]
    fn spin_forever() -> i64 {
        let mut n: u64 = 0;
        loop {
            n = std::hint::black_box(n.wrapping_add(1));
        }
    }

    /// Busy-waits for `ms` milliseconds, then returns `ms`.
    #[function]
    fn spin_for(ms: i64) -> i64 {
        let start = std::time::Instant::now();
        while start.elapsed().as_millis() < ms as u128 {
            std::hint::black_box(());
        }
        ms
    }
}
