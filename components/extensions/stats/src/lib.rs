//! Statistics: percentiles, median, standard deviation and variance, every
//! one usable as a window function, and the `stats_seq` sequence table
//! (sqlean-compatible: same names, arguments and results).
//!
//! `stats_seq(start, stop, step)` (also `generate_series`) is sqlean's copy
//! of SQLite's series.c, and this crate compiles the series extension's
//! implementation of it (`../../series/src/series.rs`) rather than a copy:
//! same columns (`value`, hidden `start`, `stop`, `step`), same plans, same
//! rowids, and the same error, which names `generate_series()` under
//! either name, as sqlean's does. sqlean's docs say `stop` defaults to
//! 9223372036854775807; its code (and so this) uses 4294967295, as
//! series.c does. Reference outputs: `testdata/stats_seq.sql`.

mod moments;
mod multiset;
mod numeric;
mod percentile;
#[path = "../../series/src/series.rs"]
mod series;

/// Statistics: median and percentiles, standard deviation and variance
/// (sample and population), as aggregate and window functions, and integer
/// sequences.
#[sqlink_sdk::extension(name = "stats")]
mod stats_ext {
    use crate::moments::Moments;
    use crate::numeric::to_real;
    use crate::percentile::{Percentile, percent_arg};
    use sqlink_sdk::prelude::*;

    // Standard deviation and variance. Every non-NULL value counts, read as
    // SQLite reads a number (text without a leading number is 0.0). Fewer
    // than two values give 0.0, as in sqlean.

    /// Variance of the non-NULL values, of a sample (`SAMPLE`) or of the
    /// population, or its square root, the standard deviation (`ROOT`).
    #[derive(Default)]
    pub struct Spread<const SAMPLE: bool, const ROOT: bool>(Moments);

    impl<const SAMPLE: bool, const ROOT: bool> Spread<SAMPLE, ROOT> {
        pub fn step(&mut self, x: Option<&Value>) {
            if let Some(x) = x {
                self.0.add(to_real(x));
            }
        }
        pub fn inverse(&mut self, x: Option<&Value>) {
            if let Some(x) = x {
                self.0.remove(to_real(x));
            }
        }
        pub fn value(&self) -> f64 {
            let variance = self.0.variance(SAMPLE as u64);
            if ROOT { variance.sqrt() } else { variance }
        }
    }

    /// Sample standard deviation of the non-NULL values (0.0 for fewer than
    /// two). Aliases: stats_stddev_samp, stddev, stddev_samp.
    #[aggregate(name = "stats_stddev", alias = "stats_stddev_samp", alias = "stddev", alias = "stddev_samp", window, deterministic, innocuous)]
    pub type StddevSamp = Spread<true, true>;

    /// Population standard deviation of the non-NULL values (0.0 for fewer
    /// than two). Alias: stddev_pop.
    #[aggregate(name = "stats_stddev_pop", alias = "stddev_pop", window, deterministic, innocuous)]
    pub type StddevPop = Spread<false, true>;

    /// Sample variance of the non-NULL values (0.0 for fewer than two).
    /// Aliases: stats_var_samp, variance, var_samp.
    #[aggregate(name = "stats_var", alias = "stats_var_samp", alias = "variance", alias = "var_samp", window, deterministic, innocuous)]
    pub type VarSamp = Spread<true, false>;

    /// Population variance of the non-NULL values (0.0 for fewer than two).
    /// Alias: var_pop.
    #[aggregate(name = "stats_var_pop", alias = "var_pop", window, deterministic, innocuous)]
    pub type VarPop = Spread<false, false>;

    // Percentiles: linear interpolation between the closest ranks, at
    // position (n - 1) * p / 100 among the sorted values. NULLs are skipped,
    // other non-numbers are an error; no rows give NULL.

    /// The percentile `P` (a whole number from 0 to 100) of the non-NULL
    /// values, interpolated.
    #[derive(Default)]
    pub struct Fixed<const P: u8>(Percentile);

    impl<const P: u8> Fixed<P> {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, P as f64)
        }
        pub fn inverse(&mut self, x: Option<&Value>) {
            self.0.inverse(x)
        }
        pub fn value(&self) -> Option<f64> {
            self.0.value()
        }
        pub fn finalize(self) -> Option<f64> {
            self.0.finalize()
        }
    }

    /// Median (50th percentile) of the non-NULL values, interpolated; NULL
    /// for no rows. Alias: median.
    #[aggregate(name = "stats_median", alias = "median", window, deterministic, innocuous)]
    pub type Median = Fixed<50>;

    /// 25th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_25.
    #[aggregate(name = "stats_p25", alias = "percentile_25", window, deterministic, innocuous)]
    pub type P25 = Fixed<25>;

    /// 75th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_75.
    #[aggregate(name = "stats_p75", alias = "percentile_75", window, deterministic, innocuous)]
    pub type P75 = Fixed<75>;

    /// 90th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_90.
    #[aggregate(name = "stats_p90", alias = "percentile_90", window, deterministic, innocuous)]
    pub type P90 = Fixed<90>;

    /// 95th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_95.
    #[aggregate(name = "stats_p95", alias = "percentile_95", window, deterministic, innocuous)]
    pub type P95 = Fixed<95>;

    /// 99th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_99.
    #[aggregate(name = "stats_p99", alias = "percentile_99", window, deterministic, innocuous)]
    pub type P99 = Fixed<99>;

    /// The p-th percentile (p from 0 to 100, the same for every row) of the
    /// non-NULL values, interpolated; NULL for no rows. Alias: percentile.
    #[aggregate(
        name = "stats_perc",
        alias = "percentile",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct Perc(Percentile);

    impl Perc {
        pub fn step(&mut self, x: Option<&Value>, p: Option<&Value>) -> Result<()> {
            let pct = percent_arg(p)?;
            self.0.step(x, pct)
        }
        pub fn inverse(&mut self, x: Option<&Value>, _p: Option<&Value>) {
            self.0.inverse(x)
        }
        pub fn value(&self) -> Option<f64> {
            self.0.value()
        }
        pub fn finalize(self) -> Option<f64> {
            self.0.finalize()
        }
    }

    /// Integers from start to stop (inclusive, default 4294967295) by step
    /// (default 1; 0 is 1; negative counts down); no rows when an argument
    /// is NULL or start is past stop. Alias: generate_series.
    #[vtab(name = "stats_seq", alias = "generate_series", eponymous_only)]
    pub type Seq = crate::series::Series;
}

#[cfg(test)]
mod seq_tests;
#[cfg(test)]
mod tests;
