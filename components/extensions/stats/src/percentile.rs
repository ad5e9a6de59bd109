//! The state shared by the percentile aggregates.

use crate::multiset::SortedMultiset;
use sqlink_sdk::{Error, Value};
use std::cell::RefCell;

/// The values of a group (or window frame) and the percentile asked for.
///
/// Rows are appended to `pending` as they come and moved into the sorted
/// multiset only when a window function needs a value or removes a row, so
/// a plain aggregate over many rows costs one selection at the end rather
/// than a sorted insertion per row. `RefCell` lets `value(&self)` do that
/// move.
#[derive(Debug, Default)]
pub struct Percentile {
    /// The percent plus one, as sqlean keeps it (so 0.0 means "not yet
    /// known"); kept in this form so results are bit-identical to sqlean's.
    rpct: f64,
    sorted: RefCell<SortedMultiset>,
    pending: RefCell<Vec<f64>>,
}

/// Reads the percent argument of `stats_perc`: a number from 0 to 100
/// (text holding a number is accepted, as SQLite's numeric conversion does).
pub fn percent_arg(p: Option<&Value>) -> Result<f64, Error> {
    match p.and_then(crate::numeric::numeric) {
        Some(x) if (0.0..=100.0).contains(&x) => Ok(x),
        _ => Err(Error::new(
            "2nd argument to percentile() should be a number between 0.0 and 100.0",
        )),
    }
}

/// A percentile argument as a real: numbers only, finite only.
fn y_value(y: &Value) -> Result<f64, Error> {
    let y = match y {
        Value::Integer(i) => *i as f64,
        Value::Real(r) => *r,
        _ => return Err(Error::new("1st argument to percentile() is not numeric")),
    };
    if y.is_finite() {
        Ok(y)
    } else {
        Err(Error::new("Inf input to percentile()"))
    }
}

/// Where the percentile falls among `n` sorted values: the lower rank, and
/// the weight of the next one (0.0 when the position is exactly a rank).
/// Linear interpolation between closest ranks, `(n - 1) * p / 100`, with
/// sqlean's exact floating-point steps.
fn position(rpct: f64, n: usize) -> (usize, f64) {
    let ix = (rpct - 1.0) * (n - 1) as f64 * 0.01;
    let i1 = ix as usize;
    (i1, ix - i1 as f64)
}

/// `v1 + (v2 - v1) * frac`, with `v2` taken as `v1` when the position is
/// exactly a rank or the last one (computed even then, as sqlean does, so
/// even the sign of a zero result matches).
fn interpolate(v1: f64, v2: Option<f64>, frac: f64) -> f64 {
    let v2 = if frac == 0.0 { v1 } else { v2.unwrap_or(v1) };
    v1 + (v2 - v1) * frac
}

impl Percentile {
    /// Adds a row. `pct` is the percent (0 to 100); it must stay the same
    /// for every row. NULL `y` is skipped; other non-numbers and infinities
    /// are errors, as in sqlean.
    pub fn step(&mut self, y: Option<&Value>, pct: f64) -> Result<(), Error> {
        if self.rpct == 0.0 {
            self.rpct = pct + 1.0;
        } else if (self.rpct - (pct + 1.0)).abs() > 0.001 {
            return Err(Error::new(
                "2nd argument to percentile() is not the same for all input rows",
            ));
        }
        let Some(y) = y else { return Ok(()) };
        let y = y_value(y)?;
        self.pending.get_mut().push(y);
        Ok(())
    }

    /// Removes a row that `step` added (a window frame moving on).
    pub fn inverse(&mut self, y: Option<&Value>) {
        let Some(Ok(y)) = y.map(y_value) else { return };
        let pending = self.pending.get_mut();
        if let Some(pos) = pending.iter().rposition(|v| v.to_bits() == y.to_bits()) {
            pending.swap_remove(pos);
        } else {
            self.sorted.get_mut().remove(y);
        }
    }

    /// The percentile of the rows so far; NULL (None) when there are none.
    pub fn value(&self) -> Option<f64> {
        let mut sorted = self.sorted.borrow_mut();
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if !pending.is_empty() {
            sorted.extend(pending);
        }
        if sorted.is_empty() {
            return None;
        }
        let (i1, frac) = position(self.rpct, sorted.len());
        let (v1, v2) = sorted.get_pair(i1)?;
        Some(interpolate(v1, v2, frac))
    }

    /// The percentile, consuming the state. For a plain aggregate the rows
    /// were never sorted, and a linear-time selection is enough.
    pub fn finalize(self) -> Option<f64> {
        if !self.sorted.borrow().is_empty() {
            return self.value();
        }
        let mut values = self.pending.into_inner();
        if values.is_empty() {
            return None;
        }
        let (i1, frac) = position(self.rpct, values.len());
        let (_, &mut v1, upper) = values.select_nth_unstable_by(i1, f64::total_cmp);
        let v2 = upper.iter().copied().min_by(f64::total_cmp);
        Some(interpolate(v1, v2, frac))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(from: i64, to: i64) -> Vec<Value> {
        (from..=to).map(Value::Integer).collect()
    }

    fn plain(values: &[Value], pct: f64) -> Option<f64> {
        let mut p = Percentile::default();
        for v in values {
            p.step(Some(v), pct).unwrap();
        }
        p.finalize()
    }

    #[test]
    fn sqlean_documented_results() {
        // sqlean's test/stats.sql compares these with `=`, so exactly.
        let s99 = seq(1, 99);
        assert_eq!(plain(&s99, 25.0), Some(25.5));
        assert_eq!(plain(&s99, 50.0), Some(50.0));
        assert_eq!(plain(&s99, 75.0), Some(74.5));
        assert_eq!(plain(&s99, 90.0), Some(89.2));
        assert_eq!(plain(&s99, 99.0), Some(98.02));
        assert_eq!(plain(&seq(1, 100), 95.0), Some(95.05));
        assert_eq!(plain(&seq(1, 100), 50.0), Some(50.5));
    }

    #[test]
    fn edges_by_hand() {
        assert_eq!(plain(&[], 50.0), None);
        assert_eq!(Percentile::default().finalize(), None);
        assert_eq!(Percentile::default().value(), None);
        assert_eq!(plain(&[Value::Real(7.5)], 99.0), Some(7.5));
        let v = [Value::Integer(10), Value::Integer(20)];
        assert_eq!(plain(&v, 0.0), Some(10.0));
        assert_eq!(plain(&v, 100.0), Some(20.0));
        assert_eq!(plain(&v, 25.0), Some(12.5));
        // Unsorted input, duplicates, negatives: sorted -3 1 1 4 9, median 1,
        // p75 at rank 3 exactly, p90 at 3.6: 4 + 0.6 * 5 = 7.
        let v: Vec<Value> = [4, 1, -3, 9, 1].into_iter().map(Value::Integer).collect();
        assert_eq!(plain(&v, 50.0), Some(1.0));
        assert_eq!(plain(&v, 75.0), Some(4.0));
        assert_eq!(plain(&v, 90.0), Some(7.0));
    }

    #[test]
    fn nulls_are_skipped_and_non_numbers_refused() {
        let mut p = Percentile::default();
        p.step(None, 50.0).unwrap();
        p.step(Some(&Value::Integer(3)), 50.0).unwrap();
        p.step(None, 50.0).unwrap();
        p.step(Some(&Value::Real(4.0)), 50.0).unwrap();
        assert_eq!(p.value(), Some(3.5));
        let e = p.step(Some(&Value::text("5")), 50.0).unwrap_err();
        assert_eq!(e.message, "1st argument to percentile() is not numeric");
        let e = p.step(Some(&Value::Real(f64::INFINITY)), 50.0).unwrap_err();
        assert_eq!(e.message, "Inf input to percentile()");
        let e = p.step(Some(&Value::Integer(1)), 60.0).unwrap_err();
        assert_eq!(
            e.message,
            "2nd argument to percentile() is not the same for all input rows"
        );
        // Within sqlean's 0.001 tolerance the first percent is kept.
        p.step(Some(&Value::Integer(5)), 50.0005).unwrap();
        assert_eq!(p.finalize(), Some(4.0));
    }

    #[test]
    fn percent_argument_is_checked() {
        assert_eq!(percent_arg(Some(&Value::Integer(90))).unwrap(), 90.0);
        assert_eq!(percent_arg(Some(&Value::text("12.5"))).unwrap(), 12.5);
        assert_eq!(percent_arg(Some(&Value::Real(0.0))).unwrap(), 0.0);
        for bad in [
            Value::Null,
            Value::Integer(101),
            Value::Real(-0.5),
            Value::text("ten"),
            Value::Blob(b"50".to_vec()),
        ] {
            let e = percent_arg(Some(&bad)).unwrap_err();
            assert_eq!(
                e.message, "2nd argument to percentile() should be a number between 0.0 and 100.0",
                "{bad:?}"
            );
        }
        assert!(percent_arg(None).is_err());
    }

    #[test]
    fn window_moves_match_hand_computed_medians() {
        // ROWS BETWEEN 2 PRECEDING AND CURRENT ROW over 5, 1, 4, 2, 3.
        let xs = [5, 1, 4, 2, 3].map(Value::Integer);
        let mut p = Percentile::default();
        let mut got = Vec::new();
        for i in 0..xs.len() {
            p.step(Some(&xs[i]), 50.0).unwrap();
            if i >= 3 {
                p.inverse(Some(&xs[i - 3]));
            }
            got.push(p.value().unwrap());
        }
        assert_eq!(got, vec![5.0, 3.0, 4.0, 2.0, 3.0]);
        // Emptying the frame gives NULL again, refilling works.
        for x in &xs[2..] {
            p.inverse(Some(x));
        }
        assert_eq!(p.value(), None);
        p.step(Some(&Value::Integer(8)), 50.0).unwrap();
        assert_eq!(p.value(), Some(8.0));
    }

    #[test]
    fn inverse_before_any_value_removes_pending_rows() {
        let mut p = Percentile::default();
        for x in [1, 2, 3, 4] {
            p.step(Some(&Value::Integer(x)), 50.0).unwrap();
        }
        p.inverse(Some(&Value::Integer(1)));
        p.inverse(None);
        assert_eq!(p.value(), Some(3.0));
        p.inverse(Some(&Value::Integer(4)));
        assert_eq!(p.value(), Some(2.5));
    }
}
