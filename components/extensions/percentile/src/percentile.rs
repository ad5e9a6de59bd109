//! The state shared by the percentile family: every non-NULL input of a
//! group (or window frame) and the fraction asked for.

use sqlink_sdk::{Error, Value};
use std::cell::RefCell;

/// Reads the fraction argument of `function`: a number (an integer, a real,
/// or text that is wholly a number) from 0 to `max`, scaled to 0..1.
///
/// NULL, blobs, other text and numbers out of range are an error naming the
/// function, as SQLite's message does.
pub fn fraction(function: &str, p: Option<&Value>, max: f64) -> Result<f64, Error> {
    match p.and_then(crate::numeric::numeric).map(|x| x / max) {
        Some(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(Error::new(format!(
            "the fraction argument to {function}() is not between 0.0 and {max:.1}"
        ))),
    }
}

/// The inputs and the fraction (0.0 to 1.0) of one aggregate.
///
/// Values are appended as they come and sorted only when a result (or a
/// removal by a window frame) needs them in order; `RefCell` lets `value`
/// sort through `&self`.
#[derive(Debug, Default)]
pub struct Percentile {
    frac: Option<f64>,
    values: RefCell<Vec<f64>>,
    sorted: RefCell<bool>,
}

impl Percentile {
    /// Adds a row of `function`. The fraction must stay within 0.001 of the
    /// first row's; NULL `y` is skipped; text, blobs and infinities are
    /// errors.
    pub fn step(&mut self, function: &str, y: Option<&Value>, frac: f64) -> Result<(), Error> {
        match self.frac {
            None => self.frac = Some(frac),
            Some(first) => {
                let d = first - frac;
                if !(-0.001..=0.001).contains(&d) {
                    return Err(Error::new(format!(
                        "the fraction argument to {function}() is not the same for all input rows"
                    )));
                }
            }
        }
        let y = match y {
            None => return Ok(()),
            Some(Value::Integer(i)) => *i as f64,
            Some(Value::Real(r)) => *r,
            Some(_) => return Err(Error::new(format!("input to {function}() is not numeric"))),
        };
        if y.is_infinite() || y.is_nan() {
            return Err(Error::new(format!("Inf input to {function}()")));
        }
        let values = self.values.get_mut();
        let sorted = self.sorted.get_mut();
        if values.is_empty() {
            *sorted = true;
        } else if *sorted && y < values[values.len() - 1] {
            *sorted = false;
        }
        values.push(y);
        Ok(())
    }

    /// Removes a row a window frame leaves: one value equal to `y`, if any.
    /// NULL, non-numbers and infinities were never added and are ignored.
    pub fn inverse(&mut self, y: Option<&Value>) {
        let y = match y {
            Some(Value::Integer(i)) => *i as f64,
            Some(Value::Real(r)) if r.is_finite() => *r,
            _ => return,
        };
        self.sort();
        let values = self.values.get_mut();
        if let Ok(i) = values.binary_search_by(|x| x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)) {
            values.remove(i);
        }
    }

    fn sort(&self) {
        let mut sorted = self.sorted.borrow_mut();
        if !*sorted {
            self.values
                .borrow_mut()
                .sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            *sorted = true;
        }
    }

    /// The result: NULL without values; else, at position `frac * (n - 1)`
    /// among the sorted values, the value just below (`discrete`) or the
    /// linear interpolation between the two neighbours.
    pub fn compute(&self, discrete: bool) -> Option<f64> {
        let frac = self.frac?;
        self.sort();
        let values = self.values.borrow();
        let n = values.len();
        if n == 0 {
            return None;
        }
        let ix = frac * (n - 1) as f64;
        let i1 = ix as usize;
        if discrete {
            return Some(values[i1]);
        }
        let i2 = if ix == i1 as f64 || i1 == n - 1 { i1 } else { i1 + 1 };
        let (v1, v2) = (values[i1], values[i2]);
        Some(v1 + (v2 - v1) * (ix - i1 as f64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(values: &[f64], frac: f64) -> Percentile {
        let mut p = Percentile::default();
        for &v in values {
            p.step("percentile", Some(&Value::Real(v)), frac).unwrap();
        }
        p
    }

    #[test]
    fn interpolates_between_closest_ranks() {
        let xs = [1.0, 4.0, 6.0, 7.0, 8.0, 9.0, 11.0, 11.0, 11.0];
        for (pct, want, disc) in [
            (0.0, 1.0, 1.0),
            (100.0, 11.0, 11.0),
            (50.0, 8.0, 8.0),
            (12.5, 4.0, 4.0),
            (80.0, 11.0, 11.0),
            (89.0, 11.0, 11.0),
        ] {
            let p = filled(&xs, pct / 100.0);
            assert_eq!(p.compute(false), Some(want), "{pct}");
            assert_eq!(p.compute(true), Some(disc), "{pct}");
        }
        // 15% and 20%: 4.4 and 5.2 up to rounding, 4.0 discrete.
        let p = filled(&xs, 0.15);
        assert!((p.compute(false).unwrap() - 4.4).abs() < 1e-9);
        assert_eq!(p.compute(true), Some(4.0));
    }

    #[test]
    fn window_removal_keeps_order() {
        let mut p = filled(&[5.0, 1.0, 3.0, 2.0], 0.5);
        assert_eq!(p.compute(false), Some(2.5));
        p.inverse(Some(&Value::Real(1.0)));
        p.inverse(Some(&Value::Integer(99)));
        assert_eq!(p.compute(false), Some(3.0));
        p.step("median", Some(&Value::Integer(0)), 0.5).unwrap();
        assert_eq!(p.compute(false), Some(2.5));
    }

    #[test]
    fn errors_name_the_function() {
        fn err<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
            r.unwrap_err().message
        }
        assert_eq!(
            err(fraction("percentile", Some(&Value::Real(100.5)), 100.0)),
            "the fraction argument to percentile() is not between 0.0 and 100.0"
        );
        assert_eq!(
            err(fraction("percentile_disc", Some(&Value::Blob(b"1".to_vec())), 1.0)),
            "the fraction argument to percentile_disc() is not between 0.0 and 1.0"
        );
        assert_eq!(fraction("percentile", Some(&Value::text("50")), 100.0).unwrap(), 0.5);
        let mut p = Percentile::default();
        assert_eq!(
            err(p.step("median", Some(&Value::text("1")), 0.5)),
            "input to median() is not numeric"
        );
        assert_eq!(err(p.step("median", Some(&Value::Real(f64::NEG_INFINITY)), 0.5)), "Inf input to median()");
        assert_eq!(
            err(p.step("percentile", None, 0.6)),
            "the fraction argument to percentile() is not the same for all input rows"
        );
    }
}
