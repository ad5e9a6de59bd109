//! The percentile family: `median(Y)`, `percentile(Y, P)`,
//! `percentile_cont(Y, P)` and `percentile_disc(Y, P)`, aggregates that are
//! also window functions.
//!
//! Compatible with SQLite's percentile extension as built into the core by
//! `SQLITE_ENABLE_PERCENTILE` (3.51.0 and later; checked against the 3.54.1
//! amalgamation, the newest form of `ext/misc/percentile.c`): same names,
//! arguments, results and error messages.
//!
//! * NULL inputs are skipped; no non-NULL input gives NULL; the result is
//!   always a real.
//! * `P` is a percent (0 to 100) for `percentile`, a fraction (0 to 1) for
//!   `percentile_cont` and `percentile_disc`; it must be a number (text that
//!   is wholly a number counts), the same (within 0.001 as a fraction) on
//!   every row, else: `the fraction argument to percentile() is not between
//!   0.0 and 100.0` / `... is not the same for all input rows`.
//! * `Y` must be an integer or a real: `input to median() is not numeric`,
//!   `Inf input to median()` (each message names the function called).
//!
//! Differences: the older loadable `percentile.c` (3.46 and before) worded
//! its errors `2nd argument to percentile() is not a number between 0.0 and
//! 100.0` and had neither `percentile_cont` nor `percentile_disc`; this
//! follows the current wording. SQLite's `WITHIN GROUP` syntax
//! (`SQLITE_ENABLE_ORDERED_SET_AGGREGATES`) is parser work the host's SQLite
//! does not do. When two equal values are a zero and a negative zero, which
//! one a result picks may differ.
//! Reference outputs: `testdata/reference.tsv` (made by `testdata/gen.py`
//! with the 3.54.1 amalgamation of npm better-sqlite3 13.2.0).

#[path = "../../stats/src/numeric.rs"]
#[allow(dead_code)]
mod numeric;
mod percentile;

/// Median and percentiles of the non-NULL values, continuous
/// (interpolated) or discrete, as aggregate and window functions.
#[sqlink_sdk::extension(name = "percentile")]
mod percentile_ext {
    use crate::percentile::{Percentile, fraction};
    use sqlink_sdk::prelude::*;

    /// The median of the non-NULL values (the mean of the two middle ones
    /// for an even count), a real; NULL for no values; an error for text,
    /// blob or infinite values. Same as `percentile(Y, 50)`.
    #[aggregate(name = "median", window, deterministic, innocuous)]
    #[derive(Default)]
    pub struct Median(Percentile);

    impl Median {
        pub fn step(&mut self, y: Option<&Value>) -> Result<()> {
            self.0.step("median", y, 0.5)
        }
        pub fn inverse(&mut self, y: Option<&Value>) {
            self.0.inverse(y)
        }
        pub fn value(&self) -> Option<f64> {
            self.0.compute(false)
        }
        pub fn finalize(self) -> Option<f64> {
            self.0.compute(false)
        }
    }

    /// A percentile function with a second argument: `KIND` 0 is
    /// `percentile` (P from 0 to 100), 1 `percentile_cont` (0 to 1), 2
    /// `percentile_disc` (0 to 1, no interpolation).
    #[derive(Default)]
    pub struct Frac<const KIND: u8>(Percentile);

    impl<const KIND: u8> Frac<KIND> {
        const NAME: &'static str = match KIND {
            0 => "percentile",
            1 => "percentile_cont",
            _ => "percentile_disc",
        };
        pub fn step(&mut self, y: Option<&Value>, p: Option<&Value>) -> Result<()> {
            let max = if KIND == 0 { 100.0 } else { 1.0 };
            let frac = fraction(Self::NAME, p, max)?;
            self.0.step(Self::NAME, y, frac)
        }
        pub fn inverse(&mut self, y: Option<&Value>, _p: Option<&Value>) {
            self.0.inverse(y)
        }
        pub fn value(&self) -> Option<f64> {
            self.0.compute(KIND == 2)
        }
        pub fn finalize(self) -> Option<f64> {
            self.0.compute(KIND == 2)
        }
    }

    /// The P-th percentile (P from 0 to 100, the same on every row) of the
    /// non-NULL values, interpolated between the closest ranks, a real;
    /// NULL for no values; an error for a bad P or a text, blob or infinite
    /// value.
    #[aggregate(name = "percentile", window, deterministic, innocuous)]
    pub type Pct = Frac<0>;

    /// The percentile at fraction P (0 to 1, the same on every row) of the
    /// non-NULL values, interpolated: `percentile(Y, 100 * P)`. NULL for no
    /// values; errors as `percentile`.
    #[aggregate(name = "percentile_cont", window, deterministic, innocuous)]
    pub type Cont = Frac<1>;

    /// The input value at fraction P (0 to 1, the same on every row) of the
    /// sorted non-NULL values, rounding the position down (no
    /// interpolation), as a real. NULL for no values; errors as `percentile`.
    #[aggregate(name = "percentile_disc", window, deterministic, innocuous)]
    pub type Disc = Frac<2>;
}

#[cfg(test)]
mod tests;
