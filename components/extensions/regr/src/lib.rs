//! PostgreSQL's aggregates for statistics of pairs, `corr(Y, X)`,
//! `covar_pop(Y, X)`, `covar_samp(Y, X)`, `regr_avgx(Y, X)`,
//! `regr_avgy(Y, X)`, `regr_count(Y, X)`, `regr_intercept(Y, X)`,
//! `regr_r2(Y, X)`, `regr_slope(Y, X)`, `regr_sxx(Y, X)`, `regr_syy(Y, X)`
//! and `regr_sxy(Y, X)`. Compatible with PostgreSQL 17's `float8`
//! versions: same names, arguments and results, to the last bit (checked
//! against PostgreSQL 15.18, whose code for these is 17's:
//! testdata/pg.tsv). Integers and text holding numbers are read as
//! doubles; other text is an error.
//!
//! Note the order: the dependent variable Y comes first. A row where
//! either is NULL is skipped. With no rows left every result is NULL but
//! regr_count's, 0; covar_samp needs two rows. corr, regr_slope and
//! regr_intercept are NULL for a vertical line (all X equal), corr also
//! for a horizontal one (all Y equal), where regr_r2 is 1.
//!
//! The sums are kept as PostgreSQL keeps them (the Youngs-Cramer
//! updates, rows in order), so results are PostgreSQL's to the last bit,
//! and an overflow from finite inputs is its error, `value out of range:
//! overflow`.
//!
//! Every one is also a window function. PostgreSQL has no inverse for
//! these (removing a row from such sums is not numerically sound): when
//! a frame's start moves it sums the frame again from its start. So do
//! these, which gives PostgreSQL's results in every frame; to do so they
//! keep the pairs of the current group or frame (16 bytes a row).

use std::collections::VecDeque;

/// PostgreSQL's message for a finite input overflowing.
const OVERFLOW: &str = "value out of range: overflow";

/// PostgreSQL's transition state: the count, the sums of X and Y, and the
/// sums of squares and products of deviations.
#[derive(Default, Clone, Copy, Debug, PartialEq)]
pub struct Sums {
    pub n: f64,
    pub sx: f64,
    pub sxx: f64,
    pub sy: f64,
    pub syy: f64,
    pub sxy: f64,
}

impl Sums {
    /// Adds a pair (float8_regr_accum).
    pub fn add(&mut self, y: f64, x: f64) -> Result<(), &'static str> {
        let old = *self;
        self.n += 1.0;
        self.sx += x;
        self.sy += y;
        if old.n > 0.0 {
            let dx = x * self.n - self.sx;
            let dy = y * self.n - self.sy;
            let scale = 1.0 / (self.n * old.n);
            self.sxx += dx * dx * scale;
            self.syy += dy * dy * scale;
            self.sxy += dx * dy * scale;
            let inf = f64::is_infinite;
            if inf(self.sx) || inf(self.sxx) || inf(self.sy) || inf(self.syy) || inf(self.sxy) {
                let x_finite = !inf(old.sx) && !inf(x);
                let y_finite = !inf(old.sy) && !inf(y);
                if ((inf(self.sx) || inf(self.sxx)) && x_finite)
                    || ((inf(self.sy) || inf(self.syy)) && y_finite)
                    || (inf(self.sxy) && x_finite && y_finite)
                {
                    *self = old;
                    return Err(OVERFLOW);
                }
                for s in [&mut self.sxx, &mut self.syy, &mut self.sxy] {
                    if inf(*s) {
                        *s = f64::NAN;
                    }
                }
            }
        } else {
            // A first value that is infinite or NaN makes the dependent sums
            // NaN, not a variance of zero.
            if !x.is_finite() {
                self.sxx = f64::NAN;
                self.sxy = f64::NAN;
            }
            if !y.is_finite() {
                self.syy = f64::NAN;
                self.sxy = f64::NAN;
            }
        }
        Ok(())
    }
}

/// The pairs of a group or window frame and their sums.
#[derive(Default)]
pub struct Pairs {
    /// The sums of `rows` unless `stale`.
    sums: Sums,
    /// The non-NULL pairs (Y, X), in the order they came.
    rows: VecDeque<(f64, f64)>,
    /// A row was removed: the sums are those of more rows than `rows`.
    stale: bool,
}

impl Pairs {
    fn pair(y: Option<f64>, x: Option<f64>) -> Option<(f64, f64)> {
        Some((y?, x?))
    }

    /// Adds a row; NULL in either is skipped.
    pub fn step(&mut self, y: Option<f64>, x: Option<f64>) -> Result<(), &'static str> {
        let Some((y, x)) = Self::pair(y, x) else {
            return Ok(());
        };
        if self.stale {
            self.sums = self.resum()?;
            self.stale = false;
        }
        self.sums.add(y, x)?;
        self.rows.push_back((y, x));
        Ok(())
    }

    /// Removes a row that left the window frame (the oldest one).
    pub fn inverse(&mut self, y: Option<f64>, x: Option<f64>) {
        let Some((y, x)) = Self::pair(y, x) else {
            return;
        };
        let same = |r: &(f64, f64)| r.0.to_bits() == y.to_bits() && r.1.to_bits() == x.to_bits();
        if let Some(i) = self.rows.iter().position(same) {
            self.rows.remove(i);
            self.stale = true;
        }
    }

    /// The rows summed from the first, as PostgreSQL restarts a frame.
    fn resum(&self) -> Result<Sums, &'static str> {
        let mut s = Sums::default();
        for &(y, x) in &self.rows {
            s.add(y, x)?;
        }
        Ok(s)
    }

    /// The sums of the current rows.
    pub fn sums(&self) -> Result<Sums, &'static str> {
        if self.stale {
            self.resum()
        } else {
            Ok(self.sums)
        }
    }
}

/// The final functions, from the sums, as PostgreSQL computes them.
pub mod finals {
    use super::Sums;

    fn some(s: &Sums) -> Option<&Sums> {
        (s.n >= 1.0).then_some(s)
    }
    pub fn count(s: &Sums) -> i64 {
        s.n as i64
    }
    pub fn sxx(s: &Sums) -> Option<f64> {
        some(s).map(|s| s.sxx)
    }
    pub fn syy(s: &Sums) -> Option<f64> {
        some(s).map(|s| s.syy)
    }
    pub fn sxy(s: &Sums) -> Option<f64> {
        some(s).map(|s| s.sxy)
    }
    pub fn avgx(s: &Sums) -> Option<f64> {
        some(s).map(|s| s.sx / s.n)
    }
    pub fn avgy(s: &Sums) -> Option<f64> {
        some(s).map(|s| s.sy / s.n)
    }
    pub fn covar_pop(s: &Sums) -> Option<f64> {
        some(s).map(|s| s.sxy / s.n)
    }
    pub fn covar_samp(s: &Sums) -> Option<f64> {
        (s.n >= 2.0).then(|| s.sxy / (s.n - 1.0))
    }
    pub fn corr(s: &Sums) -> Option<f64> {
        some(s)
            .filter(|s| s.sxx != 0.0 && s.syy != 0.0)
            .map(|s| s.sxy / (s.sxx * s.syy).sqrt())
    }
    pub fn r2(s: &Sums) -> Option<f64> {
        let s = some(s).filter(|s| s.sxx != 0.0)?;
        Some(if s.syy == 0.0 {
            1.0
        } else {
            (s.sxy * s.sxy) / (s.sxx * s.syy)
        })
    }
    pub fn slope(s: &Sums) -> Option<f64> {
        some(s).filter(|s| s.sxx != 0.0).map(|s| s.sxy / s.sxx)
    }
    pub fn intercept(s: &Sums) -> Option<f64> {
        some(s)
            .filter(|s| s.sxx != 0.0)
            .map(|s| (s.sy - s.sx * s.sxy / s.sxx) / s.n)
    }
}

/// PostgreSQL's statistics of pairs (Y, X): correlation, covariance and
/// linear regression, as aggregate and window functions.
#[sqlink_sdk::extension(name = "regr")]
mod regr_ext {
    use super::{Pairs, finals};
    use sqlink_sdk::prelude::*;

    /// One aggregate: the pairs, and which final function reads them.
    #[derive(Default)]
    pub struct Stat<const F: u8>(Pairs);

    impl<const F: u8> Stat<F> {
        pub fn step(&mut self, y: Option<f64>, x: Option<f64>) -> Result<()> {
            self.0.step(y, x).map_err(Error::new)
        }
        pub fn inverse(&mut self, y: Option<f64>, x: Option<f64>) {
            self.0.inverse(y, x)
        }
        pub fn value(&self) -> Result<Option<f64>> {
            let s = self.0.sums().map_err(Error::new)?;
            Ok(match F {
                0 => finals::corr(&s),
                1 => finals::covar_pop(&s),
                2 => finals::covar_samp(&s),
                3 => finals::slope(&s),
                4 => finals::intercept(&s),
                5 => finals::r2(&s),
                6 => finals::avgx(&s),
                7 => finals::avgy(&s),
                8 => finals::sxx(&s),
                9 => finals::syy(&s),
                _ => finals::sxy(&s),
            })
        }
        pub fn finalize(self) -> Result<Option<f64>> {
            self.value()
        }
    }

    /// Correlation coefficient of Y and X; NULL when either is constant.
    #[aggregate(name = "corr", window, deterministic, innocuous)]
    pub type Corr = Stat<0>;

    /// Population covariance of Y and X.
    #[aggregate(name = "covar_pop", window, deterministic, innocuous)]
    pub type CovarPop = Stat<1>;

    /// Sample covariance of Y and X; NULL for fewer than two pairs.
    #[aggregate(name = "covar_samp", window, deterministic, innocuous)]
    pub type CovarSamp = Stat<2>;

    /// Slope of the least-squares line of Y on X; NULL when X is constant.
    #[aggregate(name = "regr_slope", window, deterministic, innocuous)]
    pub type Slope = Stat<3>;

    /// Y-intercept of the least-squares line of Y on X; NULL when X is
    /// constant.
    #[aggregate(name = "regr_intercept", window, deterministic, innocuous)]
    pub type Intercept = Stat<4>;

    /// Square of the correlation coefficient; NULL when X is constant, 1
    /// when Y is.
    #[aggregate(name = "regr_r2", window, deterministic, innocuous)]
    pub type R2 = Stat<5>;

    /// Average of X over the pairs with neither NULL.
    #[aggregate(name = "regr_avgx", window, deterministic, innocuous)]
    pub type AvgX = Stat<6>;

    /// Average of Y over the pairs with neither NULL.
    #[aggregate(name = "regr_avgy", window, deterministic, innocuous)]
    pub type AvgY = Stat<7>;

    /// Sum of squares of the deviations of X from its mean.
    #[aggregate(name = "regr_sxx", window, deterministic, innocuous)]
    pub type Sxx = Stat<8>;

    /// Sum of squares of the deviations of Y from its mean.
    #[aggregate(name = "regr_syy", window, deterministic, innocuous)]
    pub type Syy = Stat<9>;

    /// Sum of products of the deviations of X and Y from their means.
    #[aggregate(name = "regr_sxy", window, deterministic, innocuous)]
    pub type Sxy = Stat<10>;

    /// Number of pairs with neither value NULL (0 for none).
    #[aggregate(name = "regr_count", window, deterministic, innocuous)]
    #[derive(Default)]
    pub struct Count(i64);

    impl Count {
        pub fn step(&mut self, y: Option<&Value>, x: Option<&Value>) {
            if !is_null(y) && !is_null(x) {
                self.0 += 1;
            }
        }
        pub fn inverse(&mut self, y: Option<&Value>, x: Option<&Value>) {
            if !is_null(y) && !is_null(x) {
                self.0 -= 1;
            }
        }
        pub fn value(&self) -> i64 {
            self.0
        }
        pub fn finalize(self) -> i64 {
            self.0
        }
    }

    fn is_null(v: Option<&Value>) -> bool {
        matches!(v, None | Some(Value::Null))
    }
}

#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod tests;
