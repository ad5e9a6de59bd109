//! Running mean and sum of squared deviations (Welford), with removal for
//! window frames, and exact sums while the values are integers.

/// The count, mean and sum of squared deviations of a multiset of numbers.
///
/// Adding a value is Welford's update, the same arithmetic sqlean uses, and
/// removing one runs the update backwards. Running Welford backwards is
/// accurate but not exact: a frame whose remaining values are all equal
/// could report a spread of 1e-15 instead of 0. So alongside it, while every
/// value in the set is an integer (the common case for window frames over
/// counts, ids, prices in cents...), exact 128-bit sums of x and x² are
/// kept and the variance is computed from them, rounded once; Welford's
/// figures are used when a non-integer value is in the set or the sums
/// would overflow.
///
/// Infinities are counted apart: while one is in the set the spread is
/// undefined (NaN, which SQLite turns into NULL) as in sqlean, and the rest
/// stays intact so the result recovers once the infinity leaves the frame.
#[derive(Debug, Default, Clone)]
pub struct Moments {
    /// Finite values.
    n: u64,
    mean: f64,
    /// Sum of squared deviations from the mean of the finite values.
    m2: f64,
    /// Infinite (or NaN) values.
    non_finite: u64,
    /// Finite values that are not integers.
    non_integer: u64,
    /// Sums of the integer values and of their squares.
    sum: i128,
    sum_sq: i128,
    /// The exact sums overflowed; they stay unusable until the set empties.
    overflowed: bool,
}

/// The value as an exact integer, if it is one (and fits an i64).
fn as_integer(x: f64) -> Option<i128> {
    (x == x.trunc() && x.abs() < 9.2e18).then_some(x as i64 as i128)
}

impl Moments {
    /// Adds a value.
    pub fn add(&mut self, x: f64) {
        if !x.is_finite() {
            self.non_finite += 1;
            return;
        }
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
        match as_integer(x) {
            Some(i) => self.exact(i, i128::checked_add),
            None => self.non_integer += 1,
        }
    }

    /// Removes a value previously added.
    pub fn remove(&mut self, x: f64) {
        if !x.is_finite() {
            self.non_finite = self.non_finite.saturating_sub(1);
            return;
        }
        match self.n {
            0 => return,
            1 => {
                *self = Moments {
                    non_finite: self.non_finite,
                    ..Moments::default()
                };
                return;
            }
            _ => {}
        }
        self.n -= 1;
        let delta = x - self.mean;
        self.mean -= delta / self.n as f64;
        self.m2 -= delta * (x - self.mean);
        // Rounding can leave a hair below zero; a sum of squares is not.
        if self.m2 < 0.0 {
            self.m2 = 0.0;
        }
        match as_integer(x) {
            Some(i) => self.exact(i, i128::checked_sub),
            None => self.non_integer = self.non_integer.saturating_sub(1),
        }
    }

    /// Adds `i` to or subtracts it from the exact sums.
    fn exact(&mut self, i: i128, op: fn(i128, i128) -> Option<i128>) {
        if self.overflowed {
            return;
        }
        match (
            op(self.sum, i),
            i.checked_mul(i).and_then(|sq| op(self.sum_sq, sq)),
        ) {
            (Some(sum), Some(sum_sq)) => (self.sum, self.sum_sq) = (sum, sum_sq),
            _ => self.overflowed = true,
        }
    }

    /// How many values are in the set.
    pub fn count(&self) -> u64 {
        self.n + self.non_finite
    }

    /// The sum of squared deviations divided by `count - ddof`: the sample
    /// variance for `ddof` 1, the population variance for 0. Like sqlean,
    /// 0.0 for fewer than two values.
    pub fn variance(&self, ddof: u64) -> f64 {
        if self.count() <= 1 {
            return 0.0;
        }
        if self.non_finite > 0 {
            return f64::NAN;
        }
        let divisor = self.n - ddof;
        if self.non_integer == 0 && !self.overflowed {
            // n * Σx² - (Σx)² = n² times the population variance, exactly.
            let n = self.n as i128;
            let scaled = n
                .checked_mul(self.sum_sq)
                .zip(self.sum.checked_mul(self.sum))
                .and_then(|(a, b)| a.checked_sub(b));
            if let Some(scaled) = scaled {
                return scaled as f64 / (self.n as u128 * divisor as u128) as f64;
            }
        }
        self.m2 / divisor as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[f64]) -> Moments {
        let mut m = Moments::default();
        values.iter().for_each(|&x| m.add(x));
        m
    }

    #[test]
    fn small_sets_by_hand() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32.
        let m = of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!(m.variance(0), 4.0);
        assert_eq!(m.variance(1), 32.0 / 7.0);
        assert_eq!(m.count(), 8);
        // Fewer than two values: 0.0, as sqlean answers.
        assert_eq!(of(&[]).variance(1), 0.0);
        assert_eq!(of(&[42.0]).variance(0), 0.0);
        assert_eq!(of(&[1.0, 2.0]).variance(1), 0.5);
    }

    #[test]
    fn one_to_99_matches_sqleans_tests() {
        let values: Vec<f64> = (1..=99).map(f64::from).collect();
        let m = of(&values);
        // sqlean's test/stats.sql compares these exactly.
        assert_eq!(m.variance(1), 825.0);
        assert_eq!(m.variance(0).round(), 817.0);
        assert_eq!((m.variance(1).sqrt() * 10.0).round() / 10.0, 28.7);
        assert_eq!((m.variance(0).sqrt() * 10.0).round() / 10.0, 28.6);
    }

    #[test]
    fn removal_undoes_addition() {
        let mut m = of(&[3.0, 1.0, 4.0, 1.0, 5.0]);
        m.remove(3.0);
        m.remove(1.0);
        // Left: 4, 1, 5: mean 10/3, squared deviations (4 + 49 + 25)/9 = 26/3,
        // sample variance 13/3.
        let want = of(&[4.0, 1.0, 5.0]);
        assert!(
            (m.variance(1) - want.variance(1)).abs() < 1e-12,
            "{} vs {}",
            m.variance(1),
            want.variance(1)
        );
        assert!((m.variance(1) - 13.0 / 3.0).abs() < 1e-12);
        m.remove(4.0);
        m.remove(1.0);
        assert_eq!(m.count(), 1);
        assert_eq!(m.variance(1), 0.0);
        m.remove(5.0);
        assert_eq!(m.count(), 0);
        // Emptied completely: exactly the empty state again.
        m.add(10.0);
        m.add(12.0);
        assert_eq!(m.variance(1), 2.0);
    }

    #[test]
    fn long_sliding_window_stays_accurate() {
        // Values with a large offset and a small spread are where a naive
        // sum-of-squares formula loses everything.
        let xs: Vec<f64> = (0..20_000)
            .map(|i| 1e9 + ((i * 7919) % 101) as f64 * 0.25)
            .collect();
        let width = 50;
        let mut m = Moments::default();
        for (i, &x) in xs.iter().enumerate() {
            m.add(x);
            if i >= width {
                m.remove(xs[i - width]);
            }
            if i % 997 == 0 && i >= width {
                let fresh = of(&xs[i + 1 - width..=i]);
                let (got, want) = (m.variance(1), fresh.variance(1));
                assert!(
                    (got - want).abs() <= 1e-6 * want.max(1.0),
                    "at {i}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn infinities_make_the_spread_undefined_until_they_leave() {
        let mut m = of(&[1.0, f64::INFINITY]);
        assert!(m.variance(1).is_nan());
        // A lone infinity is a single value: 0.0 like any single value.
        assert_eq!(of(&[f64::NEG_INFINITY]).variance(1), 0.0);
        m.add(3.0);
        assert!(m.variance(0).is_nan());
        m.remove(f64::INFINITY);
        assert_eq!(m.variance(1), 2.0);
    }

    #[test]
    fn integer_frames_are_exact() {
        // 1, 5, 5 then 1 leaves: Welford run backwards leaves a residue,
        // the exact sums give 0 exactly.
        let mut m = of(&[1.0, 5.0, 5.0]);
        m.remove(1.0);
        assert_eq!(m.variance(1), 0.0);
        // {5, 11} after 3 leaves {3, 5, 11}: exactly 18 and 9.
        let mut m = of(&[3.0, 5.0, 11.0]);
        m.remove(3.0);
        assert_eq!(m.variance(1), 18.0);
        assert_eq!(m.variance(0), 9.0);
        // Integral reals count as integers; large values stay exact.
        let big = 3e15;
        let mut m = of(&[7.0, big, big + 2.0, big + 4.0]);
        m.remove(7.0);
        assert_eq!(m.variance(1), 4.0);
    }

    #[test]
    fn a_fraction_in_the_set_switches_to_welford_and_back() {
        let mut m = of(&[1.0, 2.0, 2.5]);
        // mean 11/6; deviations -5/6, 1/6, 4/6: squares sum 42/36 = 7/6.
        assert!((m.variance(0) - 7.0 / 18.0).abs() < 1e-15);
        m.remove(2.5);
        m.add(4.0);
        // Integers only again: {1, 2, 4}, mean 7/3, squared deviations
        // (16 + 1 + 25)/9 = 14/3, sample variance 7/3 exactly.
        assert_eq!(m.variance(1), 7.0 / 3.0);
    }

    #[test]
    fn overflowing_sums_fall_back_to_welford_until_empty() {
        let huge = 9.0e18;
        let mut m = Moments::default();
        for _ in 0..4 {
            m.add(huge);
            m.add(-huge);
        }
        // x² sums overflow i128 (8 * 8.1e37 > 1.7e38): Welford answers.
        assert!(m.overflowed);
        let want = huge * huge * 8.0 / 7.0;
        assert!(
            (m.variance(1) - want).abs() / want < 1e-12,
            "{}",
            m.variance(1)
        );
        for _ in 0..4 {
            m.remove(huge);
            m.remove(-huge);
        }
        assert_eq!(m.count(), 0);
        m.add(1.0);
        m.add(4.0);
        assert!(!m.overflowed);
        assert_eq!(m.variance(1), 4.5);
    }
}
