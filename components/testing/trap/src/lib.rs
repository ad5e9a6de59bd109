//! Test fixture: an extension that crashes on demand.

/// Crashes on demand, for sqlink's tests of trap recovery.
#[sqlink_sdk::extension(name = "trap")]
mod trap {

    /// Panics with the message (a Rust panic aborts: a wasm trap).
    #[function]
    fn trap_panic(message: &str) -> i64 {
        panic!("{message}")
    }

    /// Recurses without end: a stack overflow.
    #[function]
    fn trap_recurse(depth: i64) -> i64 {
        #[allow(unconditional_recursion)]
        fn dive(n: i64) -> i64 {
            std::hint::black_box(dive(std::hint::black_box(n) + 1)) + 1
        }
        dive(depth)
    }

    /// The integers 1 to `n`, crashing when the scan reaches `crash_at`
    /// (after the first batches crossed).
    #[table(name = "trap_rows")]
    fn trap_rows(n: i64, crash_at: i64) -> impl Iterator<Item = i64> {
        (1..=n).inspect(move |&i| assert!(i != crash_at, "row {i}"))
    }

    /// Works: 42.
    #[function]
    fn trap_ok() -> i64 {
        42
    }

    /// Sum of its integers; panics on 13 (to lose aggregate state).
    #[aggregate(name = "trap_sum")]
    #[derive(Default)]
    struct Sum(i64);

    impl Sum {
        fn step(&mut self, x: i64) {
            assert!(x != 13, "unlucky row");
            self.0 += x;
        }
        fn finalize(self) -> i64 {
            self.0
        }
    }
}
