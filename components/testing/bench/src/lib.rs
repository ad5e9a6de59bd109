//! Test fixture: the functions `make bench` measures, as a wasm extension.

/// Benchmark functions (the native baseline calls the same Rust code).
#[sqlink_sdk::extension(name = "bench")]
mod bench {
    use sqlink_bench_fns as fns;
    use sqlink_sdk::prelude::*;
    use std::cmp::Ordering;

    /// Characters in the text (like `length()`).
    #[function(deterministic)]
    fn bench_len(text: RawText<'_>) -> i64 {
        fns::char_length(text.0)
    }

    /// Twice an integer.
    #[function(deterministic)]
    fn bench_twice(x: i64) -> i64 {
        fns::twice(x)
    }

    /// Sum of reals.
    #[aggregate(name = "bench_sum", deterministic)]
    #[derive(Default)]
    struct Sum(fns::Sum);

    impl Sum {
        fn step(&mut self, x: f64) {
            self.0.add(x);
        }
        fn finalize(self) -> f64 {
            self.0.total
        }
    }

    /// ASCII case-insensitive order through sort keys.
    #[collation(name = "BENCH_NOCASE", key)]
    fn nocase_key(text: &[u8]) -> Vec<u8> {
        fns::nocase_key(text)
    }

    /// ASCII case-insensitive order through comparisons.
    #[collation(name = "BENCH_NOCASE_CMP")]
    fn nocase_cmp(a: &[u8], b: &[u8]) -> Ordering {
        fns::nocase_cmp(a, b)
    }
}
