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

    /// A table whose planning never ends (`best_index` loops).
    #[vtab(name = "spin_plan", eponymous_only)]
    pub struct SpinPlan;

    impl sqlink_sdk::vtab::Table for SpinPlan {
        type Rows = std::iter::Empty<sqlink_sdk::Result<sqlink_sdk::vtab::Row>>;
        fn connect(_: &sqlink_sdk::vtab::TableArgs) -> sqlink_sdk::Result<(String, Self)> {
            Ok(("CREATE TABLE x(value)".into(), SpinPlan))
        }
        fn best_index(&self, _: &sqlink_sdk::vtab::IndexInfo) -> sqlink_sdk::Result<sqlink_sdk::vtab::IndexPlan> {
            let mut n: u64 = 0;
            loop {
                n = std::hint::black_box(n.wrapping_add(1));
            }
        }
        fn scan(&self, _: &sqlink_sdk::vtab::Scan) -> sqlink_sdk::Result<Self::Rows> {
            Ok(std::iter::empty())
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
