//! Statistics: percentiles, median, standard deviation and variance
//! (sqlean-compatible: same names, arguments and results), every one usable
//! as a window function.
//!
//! sqlean's `stats_seq` table-valued function (also `generate_series`) is a
//! virtual table and is not part of this extension yet.

mod moments;
mod multiset;
mod numeric;
mod percentile;

/// Statistics: median and percentiles, standard deviation and variance
/// (sample and population), as aggregate and window functions.
#[sqlink_sdk::extension(name = "stats")]
mod stats_ext {
    use crate::moments::Moments;
    use crate::numeric::to_real;
    use crate::percentile::{Percentile, percent_arg};
    use sqlink_sdk::prelude::*;

    // Standard deviation and variance. Every non-NULL value counts, read as
    // SQLite reads a number (text without a leading number is 0.0). Fewer
    // than two values give 0.0, as in sqlean.

    /// Sample standard deviation of the non-NULL values (0.0 for fewer than
    /// two). Aliases: stats_stddev_samp, stddev, stddev_samp.
    #[aggregate(
        name = "stats_stddev",
        alias = "stats_stddev_samp",
        alias = "stddev",
        alias = "stddev_samp",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct StddevSamp(Moments);

    impl StddevSamp {
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
            self.0.variance(1).sqrt()
        }
    }

    /// Population standard deviation of the non-NULL values (0.0 for fewer
    /// than two). Alias: stddev_pop.
    #[aggregate(
        name = "stats_stddev_pop",
        alias = "stddev_pop",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct StddevPop(Moments);

    impl StddevPop {
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
            self.0.variance(0).sqrt()
        }
    }

    /// Sample variance of the non-NULL values (0.0 for fewer than two).
    /// Aliases: stats_var_samp, variance, var_samp.
    #[aggregate(
        name = "stats_var",
        alias = "stats_var_samp",
        alias = "variance",
        alias = "var_samp",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct VarSamp(Moments);

    impl VarSamp {
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
            self.0.variance(1)
        }
    }

    /// Population variance of the non-NULL values (0.0 for fewer than two).
    /// Alias: var_pop.
    #[aggregate(
        name = "stats_var_pop",
        alias = "var_pop",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct VarPop(Moments);

    impl VarPop {
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
            self.0.variance(0)
        }
    }

    // Percentiles: linear interpolation between the closest ranks, at
    // position (n - 1) * p / 100 among the sorted values. NULLs are skipped,
    // other non-numbers are an error; no rows give NULL.

    /// Median (50th percentile) of the non-NULL values, interpolated; NULL
    /// for no rows. Alias: median.
    #[aggregate(
        name = "stats_median",
        alias = "median",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct Median(Percentile);

    impl Median {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, 50.0)
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

    /// 25th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_25.
    #[aggregate(
        name = "stats_p25",
        alias = "percentile_25",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct P25(Percentile);

    impl P25 {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, 25.0)
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

    /// 75th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_75.
    #[aggregate(
        name = "stats_p75",
        alias = "percentile_75",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct P75(Percentile);

    impl P75 {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, 75.0)
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

    /// 90th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_90.
    #[aggregate(
        name = "stats_p90",
        alias = "percentile_90",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct P90(Percentile);

    impl P90 {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, 90.0)
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

    /// 95th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_95.
    #[aggregate(
        name = "stats_p95",
        alias = "percentile_95",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct P95(Percentile);

    impl P95 {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, 95.0)
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

    /// 99th percentile of the non-NULL values, interpolated; NULL for no
    /// rows. Alias: percentile_99.
    #[aggregate(
        name = "stats_p99",
        alias = "percentile_99",
        window,
        deterministic,
        innocuous
    )]
    #[derive(Default)]
    pub struct P99(Percentile);

    impl P99 {
        pub fn step(&mut self, x: Option<&Value>) -> Result<()> {
            self.0.step(x, 99.0)
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
}

#[cfg(test)]
mod tests;
